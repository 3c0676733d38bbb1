#!/usr/bin/env python3
"""Compares the sizing model of a calibration file (src/main/resources/io/promplan/calibration/prometheus-*.json)
with runs not used to fit it (bench/validation*.json workloads): RSS against base + series x perSeries, and disk over a
retention against the same pieces as SizingModel computes them (blocks + 3 h of WAL + 2 h of head chunks + compaction
room), once with each run's own measured bytes per sample (blocks and head chunks projected to 2-hour blocks, WAL as
measured) and once with the model. With a disk model in the file, the model's bytes per sample come from the run's
scrape interval and histogram share and from the value mix: "fleet" for the node_exporter fleet runs (the file's
mixes.fleet), the file's default mix otherwise. Also checks the model's formula against the short blocks the run
actually wrote (at their own samples per series).

  compare_model.py CALIBRATION.json RUNS.json [RUNS.json ...] [--retention-days 15] [--json OUT]
Exit status 1 when a run misses memory within 25 % or disk within 20 %.
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fit_disk_model import block_bps, head_bps, short_block_bps  # noqa: E402

GIB = 1024.0 ** 3
MIB = 1024.0 ** 2


def runs_of(doc):
    if "workloads" in doc:
        return [(w["name"], w["detail"], w) for w in doc["workloads"]]
    return [(r["name"], r, r) for r in doc["runs"]]


def disk_gib(samples, days, block_bps_, wal_bps, head_bps_):
    retention = days * 86400
    blocks = samples * retention * block_bps_
    wal = samples * 3 * 3600 * wal_bps
    head = samples * 2 * 3600 * head_bps_
    compaction = samples * max(min(retention * 0.1, 31 * 86400), 7200) * block_bps_
    return (blocks + wal + head + compaction) / GIB


def main():
    p = argparse.ArgumentParser()
    p.add_argument("calibration")
    p.add_argument("runs", nargs="+")
    p.add_argument("--retention-days", type=float, default=15)
    p.add_argument("--json")
    p.add_argument("--embed", action="store_true", help="also write the comparison into the (first) runs file as modelComparison")
    a = p.parse_args()
    k = json.load(open(a.calibration))
    rows = []
    print("coefficients: %s (%s)" % (a.calibration, k.get("prometheusVersion", "")))
    print("| workload | mix | I s | h | head series | samples/s | RSS MiB measured (model) | diff | block B/sample 2 h measured (model) "
          "| short blocks B/sample measured (model) | WAL B/sample measured (model) | disk GiB over %gd measured (model) | diff |"
          % a.retention_days)
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    ok = True
    for f in a.runs:
        for name, r, w in runs_of(json.load(open(f))):
            iv = r["scrapeIntervalSeconds"]
            fleet = "fleet" in name or r.get("exporterMix", "").startswith("fleet")
            mix = "fleet" if fleet and "fleet" in k.get("mixes", {}) else k.get("diskMix", "synthetic")
            vc = r.get("valueChanges") or {}
            h = vc.get("histogramSeriesShare") if vc.get("histogramSeriesShare") is not None else w.get("histogramShare", 0.0)
            model_rss = k["rssBaseMiB"] + r["headSeries"] * k["rssBytesPerSeries"] / MIB
            s = r["samplesPerSecond"]
            bb = r.get("projected2hBlockBytesPerSample")
            wb = r.get("walBytesPerSample")
            hb = r.get("projected2hHeadChunkBytesPerSample")
            d = (k.get("mixes", {}).get(mix) or {}).get("disk") or k.get("disk")
            if d:
                c = h * d["changingShareHistogram"] + (1 - h) * d["changingShareOther"]
                mb, mw, mh = block_bps(d, iv, c), d["walBytesPerSample"], head_bps(d, iv, c)
                blocks = r.get("blocks") or []
                ns = sum(b["numSeries"] for b in blocks)
                short_meas = r.get("measuredBlockBytesPerSample")
                short_model = None
                if ns:
                    tot = 0.0
                    for b in blocks:
                        sps_ = b["numSamples"] / b["numSeries"]
                        tot += short_block_bps(d, iv, c, sps_, d["indexBytesPerSeriesPerBlock"]) * b["numSamples"]
                    short_model = tot / sum(b["numSamples"] for b in blocks)
            else:
                mb, mw, mh = k["blockBytesPerSample"], k["walBytesPerSample"], k["headChunkBytesPerSample"]
                short_meas = short_model = None
            measured = disk_gib(s, a.retention_days, bb, wb, hb) if None not in (bb, wb, hb) else None
            model = disk_gib(s, a.retention_days, mb, mw, mh)
            row = {"run": name, "file": f, "mix": mix, "intervalSeconds": iv, "histogramShare": h, "headSeries": r["headSeries"],
                   "samplesPerSecond": s, "rssMiB": r["rssMiB"], "rssMaxMiB": r.get("rssMaxMiB"), "modelRssMiB": model_rss,
                   "rssDiff": model_rss / r["rssMiB"] - 1, "cpuCores": r.get("cpuCores"),
                   "cpuCoresPerKSamples": r["cpuCores"] / (s / 1000.0) if s else None,
                   "rssBytesPerSeries": r["rssMiB"] * MIB / r["headSeries"],
                   "blockBytesPerSample2h": bb, "modelBlockBytesPerSample": mb,
                   "shortBlockBytesPerSample": short_meas, "modelShortBlockBytesPerSample": short_model,
                   "walBytesPerSample": wb, "modelWalBytesPerSample": mw,
                   "headChunkBytesPerSample2h": hb, "modelHeadChunkBytesPerSample": mh,
                   "measuredChangingShare": (vc.get("all") or {}).get("changingShare"),
                   "diskGiB": measured, "modelDiskGiB": model,
                   "diskDiff": (model / measured - 1) if measured else None}
            rows.append(row)
            ok = ok and abs(row["rssDiff"]) <= 0.25 and row["diskDiff"] is not None and abs(row["diskDiff"]) <= 0.20
            print("| %s | %s | %d | %.2f | %d | %.0f | %.1f (%.1f) | %+.0f %% | %s (%.2f) | %s (%s) | %s (%.2f) | %s (%.3f) | %s |" % (
                name, mix, iv, h, r["headSeries"], s, r["rssMiB"], model_rss, row["rssDiff"] * 100,
                "%.2f" % bb if bb else "-", mb, "%.2f" % short_meas if short_meas else "-",
                "%.2f" % short_model if short_model else "-", "%.2f" % wb if wb else "-", mw,
                "%.3f" % measured if measured else "-", model,
                "%+.0f %%" % (row["diskDiff"] * 100) if row["diskDiff"] is not None else "-"))
    if a.json:
        out = {"calibration": a.calibration, "retentionDays": a.retention_days, "allWithinBounds": ok,
               "bounds": {"memory": 0.25, "disk": 0.20}, "rows": rows}
        with open(a.json + ".tmp", "w") as fh:
            json.dump(out, fh, indent=2)
        os.replace(a.json + ".tmp", a.json)
    if a.embed:
        doc = json.load(open(a.runs[0]))
        doc["modelComparison"] = {"calibration": os.path.relpath(os.path.abspath(a.calibration), os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                                  "retentionDays": a.retention_days, "allWithinBounds": ok,
                                  "bounds": {"memory": 0.25, "disk": 0.20}, "rows": [dict(r, file=os.path.basename(r["file"])) for r in rows]}
        with open(a.runs[0] + ".tmp", "w") as fh:
            json.dump(doc, fh, indent=2)
            fh.write("\n")
        os.replace(a.runs[0] + ".tmp", a.runs[0])
    print("all within memory 25 %% and disk 20 %%: %s" % ("yes" if ok else "NO"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
