#!/usr/bin/env python3
"""Compares the sizing model's coefficients (a calibration JSON) with runs not used to fit them
(bench/validation*.json workloads, bench/fleet*.json runs): RSS against base + series x perSeries,
and disk over a retention against the same formula with each run's own measured bytes per sample
(blocks projected to 2-hour blocks, WAL, head chunks), as SizingModel computes it.

  compare_model.py CALIBRATION.json RUNS.json [RUNS.json ...] [--retention-days 15] [--json OUT]
"""
import argparse
import json
import sys

GIB = 1024.0 ** 3
MIB = 1024.0 ** 2


def runs_of(doc):
    if "workloads" in doc:
        return [(w["name"], w["detail"]) for w in doc["workloads"]]
    return [(r["name"], r) for r in doc["runs"]]


def disk_gib(samples, days, block_bps, wal_bps, head_bps):
    retention = days * 86400
    blocks = samples * retention * block_bps
    wal = samples * 3 * 3600 * wal_bps
    head = samples * 2 * 3600 * head_bps
    compaction = samples * max(min(retention * 0.1, 31 * 86400), 7200) * block_bps
    return (blocks + wal + head + compaction) / GIB


def main():
    p = argparse.ArgumentParser()
    p.add_argument("calibration")
    p.add_argument("runs", nargs="+")
    p.add_argument("--retention-days", type=float, default=15)
    p.add_argument("--json")
    a = p.parse_args()
    k = json.load(open(a.calibration))
    rows = []
    print("coefficients: %s (%s)" % (a.calibration, k.get("prometheusVersion", "")))
    print("| run | value mix | head series | samples/s | RSS MiB measured (model) | diff | block B/sample 2 h (model) | "
          "WAL B/sample (model) | disk GiB over %gd from the run's own B/sample (model) | diff |" % a.retention_days)
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for f in a.runs:
        for name, r in runs_of(json.load(open(f))):
            model_rss = k["rssBaseMiB"] + r["headSeries"] * k["rssBytesPerSeries"] / MIB
            s = r["samplesPerSecond"]
            bb = r.get("projected2hBlockBytesPerSample")
            wb = r.get("walBytesPerSample")
            hb = r.get("projected2hHeadChunkBytesPerSample")
            measured = disk_gib(s, a.retention_days, bb, wb, hb) if None not in (bb, wb, hb) else None
            model = disk_gib(s, a.retention_days, k["blockBytesPerSample"], k["walBytesPerSample"], k["headChunkBytesPerSample"])
            row = {"run": name, "file": f, "headSeries": r["headSeries"], "samplesPerSecond": s, "rssMiB": r["rssMiB"],
                   "modelRssMiB": model_rss, "rssDiff": model_rss / r["rssMiB"] - 1, "blockBytesPerSample2h": bb,
                   "walBytesPerSample": wb, "headChunkBytesPerSample2h": hb, "diskGiB": measured, "modelDiskGiB": model,
                   "diskDiff": (model / measured - 1) if measured else None, "mix": r.get("exporterMix", "")[:60]}
            rows.append(row)
            print("| %s | %s | %d | %.0f | %.1f (%.1f) | %+.0f %% | %s (%.2f) | %s (%.2f) | %s (%.3f) | %s |" % (
                name, row["mix"][:40], r["headSeries"], s, r["rssMiB"], model_rss, row["rssDiff"] * 100,
                "%.2f" % bb if bb else "-", k["blockBytesPerSample"], "%.2f" % wb if wb else "-", k["walBytesPerSample"],
                "%.3f" % measured if measured else "-", model,
                "%+.0f %%" % (row["diskDiff"] * 100) if row["diskDiff"] is not None else "-"))
    if a.json:
        json.dump({"calibration": a.calibration, "retentionDays": a.retention_days, "rows": rows}, open(a.json, "w"), indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
