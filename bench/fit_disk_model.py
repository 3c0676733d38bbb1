#!/usr/bin/env python3
"""Fits the interval- and mix-dependent disk model of SizingModel (io.promplan.core.sizing.DiskModel)
on the calibration runs of one Prometheus version, and writes the shipped calibration file.

The model (bytes of a compacted 2-hour block per sample, at scrape interval I, for a value mix with
a share h of histogram series):
  S = 7200 / I samples per series per block, C = ceil(S / 120) chunks, m = S / C samples per chunk
  c = h x cHist + (1 - h) x cOther            share of samples whose value changed since the last scrape
  steady = tsBits + 1 + c x (bitsPerChange - 1)   bits of a sample after the chunk's first two
  chunk = framing + 2 + (first2 + (m - 2) x steady) / 8 + 0.5
  block B/sample = (C x chunk + index + 8 x (C - 1)) / S
  head chunks B/sample = chunk(headFraming) / m
Fitted per mix: index bytes per series per block (measured), bitsPerChange = mean over runs of
(steady - tsBits - (1 - c)) / c with each run's own c; common to all runs: tsBits, first2, framing.

  fit_disk_model.py --calibration bench/calibration-prometheus-3.5.json --fleet bench/fleet-prometheus-3.5.json \
      --mix bench/value-mix-prometheus-3.5.json --out src/main/resources/io/promplan/calibration/prometheus-3.5.json
"""
import argparse
import json
import math
import statistics
import sys


def spread(v):
    v = [x for x in v if x is not None]
    return {"min": min(v), "max": max(v), "stddev": statistics.pstdev(v) if len(v) > 1 else 0.0, "runs": len(v)}


def interp(table, interval):
    """table: {interval: value}; linear in the interval between measured points, flat outside."""
    xs = sorted(table)
    if interval <= xs[0]:
        return table[xs[0]]
    if interval >= xs[-1]:
        return table[xs[-1]]
    for a, b in zip(xs, xs[1:]):
        if a <= interval <= b:
            return table[a] + (table[b] - table[a]) * (interval - a) / (b - a)


def block_bps(d, interval, c, index=None):
    S = max(2.0, 7200.0 / interval)
    C = math.ceil(S / 120.0)
    m = S / C
    steady = d["timestampBits"] + 1 + c * (d["bitsPerChangedValue"] - 1)
    chunk = d["blockFramingBytesPerChunk"] + 2 + (d["firstTwoSamplesBits"] + (m - 2) * steady) / 8 + 0.5
    idx = d["indexBytesPerSeriesPerBlock"] if index is None else index
    return (C * chunk + idx + 8 * (C - 1)) / S


def head_bps(d, interval, c):
    S = max(2.0, 7200.0 / interval)
    C = math.ceil(S / 120.0)
    m = S / C
    steady = d["timestampBits"] + 1 + c * (d["bitsPerChangedValue"] - 1)
    chunk = d["headFramingBytesPerChunk"] + 2 + (d["firstTwoSamplesBits"] + (m - 2) * steady) / 8 + 0.5
    return chunk / m


def short_block_bps(d, interval, c, samples_per_series, index):
    """The same formula for a block of the given length (to check against the files the runs wrote)."""
    S = max(2.0, samples_per_series)
    C = math.ceil(S / 120.0)
    m = S / C
    steady = d["timestampBits"] + 1 + c * (d["bitsPerChangedValue"] - 1)
    chunk = d["blockFramingBytesPerChunk"] + 2 + (d["firstTwoSamplesBits"] + (m - 2) * steady) / 8 + 0.5
    return (C * chunk + index + 8 * (C - 1)) / S


def run_c(mixes, parts, interval):
    """Series-weighted changing share of a run made of (mix name, series) parts."""
    tot = sum(n for _, n in parts)
    return sum(n * interp(mixes[k]["changingShareAll"], interval) for k, n in parts) / tot


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--calibration", required=True)
    p.add_argument("--fleet", required=True)
    p.add_argument("--mix", required=True)
    p.add_argument("--base", help="the JSON of the coefficients besides the disk (default: --calibration)")
    p.add_argument("--default-mix", default="synthetic")
    p.add_argument("--out", required=True)
    a = p.parse_args()
    cal = json.load(open(a.calibration))
    fl = json.load(open(a.fleet))
    mixdoc = json.load(open(a.mix))
    mixes = {}
    for name, m in mixdoc["mixes"].items():
        mixes[name] = {"changingShareAll": {float(k): v["all"] for k, v in m["changingShare"].items()},
                       "changingShareHist": {float(k): v["histogram"] for k, v in m["changingShare"].items()},
                       "changingShareOther": {float(k): v["other"] for k, v in m["changingShare"].items()},
                       "histogramSeriesShare": m["histogramSeriesShare"]}
    self_series = 610
    rows = []
    for r in cal["runs"]:
        if r["series"] == 0:
            parts = [("prometheus", r["headSeries"])]
            mix = None
        else:
            parts = [("synthetic", r["series"]), ("prometheus", r["headSeries"] - r["series"])]
            mix = "synthetic"
        rows.append((r, parts, mix))
    for r in fl["runs"]:
        peers = int(r["name"].split("-")[1][:-1]) if False else None
        nodes = r["series"]
        parts = [("node_exporter", nodes), ("prometheus", r["headSeries"] - nodes)]
        rows.append((r, parts, "fleet"))
    per = []
    for r, parts, mix in rows:
        bc = r["blockChunks"]
        iv = r["scrapeIntervalSeconds"]
        c = run_c(mixes, parts, iv)
        value_bits = bc["steadyBitsPerSample"] - bc["steadyTimestampBitsPerSample"]
        b = (value_bits - (1 - c)) / c
        idx = (r["measuredIndexBytesPerSeriesPerBlock"])
        per.append({"name": r["name"], "mix": mix, "interval": iv, "headSeries": r["headSeries"], "changingShare": c,
                    "steadyBits": bc["steadyBitsPerSample"], "timestampBits": bc["steadyTimestampBitsPerSample"],
                    "valueBits": value_bits, "bitsPerChangedValue": b, "firstTwoSamplesBits": bc["firstTwoSamplesBits"],
                    "blockFramingBytesPerChunk": bc["framingBytesPerChunk"], "indexBytesPerSeriesPerBlock": idx,
                    "projected2hBlockBytesPerSample": r["projected2hBlockBytesPerSample"],
                    "projected2hHeadChunkBytesPerSample": r["projected2hHeadChunkBytesPerSample"],
                    "walBytesPerSample": r["walBytesPerSample"]})
    fit = [x for x in per if x["mix"]]
    common = {
        "timestampBits": statistics.mean(x["timestampBits"] for x in fit),
        "firstTwoSamplesBits": statistics.mean(x["firstTwoSamplesBits"] for x in fit),
        "blockFramingBytesPerChunk": statistics.mean(x["blockFramingBytesPerChunk"] for x in fit),
        "headFramingBytesPerChunk": statistics.mean(x["blockFramingBytesPerChunk"] for x in fit) + 24,
    }
    out_mixes = {}
    for mix, label in (("synthetic", "synthetic"), ("fleet", "node_exporter")):
        xs = [x for x in fit if x["mix"] == mix]
        m = mixes[label]
        d = dict(common)
        d.update({
            "bitsPerChangedValue": statistics.mean(x["bitsPerChangedValue"] for x in xs),
            "indexBytesPerSeriesPerBlock": statistics.mean(x["indexBytesPerSeriesPerBlock"] for x in xs),
            "changingShareHistogram": interp(m["changingShareHist"], 15),
            "changingShareOther": interp(m["changingShareOther"], 15),
            "walBytesPerSample": statistics.mean(x["walBytesPerSample"] for x in xs),
        })
        resid = []
        for x in xs:
            pred = block_bps(dict(d, timestampBits=common["timestampBits"]), x["interval"], x["changingShare"], x["indexBytesPerSeriesPerBlock"])
            x["modelBlockBytesPerSample"] = pred
            x["modelDiff"] = pred / x["projected2hBlockBytesPerSample"] - 1
            resid.append(x["modelDiff"])
        out_mixes[mix] = {"disk": d, "runs": [x["name"] for x in xs],
                          "spread": {k: spread([x[k] for x in xs]) for k in (
                              "bitsPerChangedValue", "timestampBits", "indexBytesPerSeriesPerBlock", "changingShare",
                              "projected2hBlockBytesPerSample", "walBytesPerSample")},
                          "fitResidual": spread(resid)}
    base = json.load(open(a.base or a.calibration))
    dm = out_mixes[a.default_mix]["disk"]
    h = 0.3
    c15 = h * dm["changingShareHistogram"] + (1 - h) * dm["changingShareOther"]
    doc = {k: base[k] for k in ("source", "prometheusVersion", "measuredAt", "machine") if k in base}
    doc["version"] = "3.5"
    doc["source"] = ("measured by bench/calibrate-prometheus-3.5 (Prometheus 3.5.3, 9 synthetic runs at 5 s and 15 s, "
                     "3 fleet runs of node_exporter 1.11.1 at 5 s and 15 s) and fitted by bench/fit_disk_model.py: "
                     "RSS = base + series x perSeries (r2 %.3f), CPU = base + samples/s / 1000 x perK (r2 %.3f); "
                     "disk bytes per sample from the scrape interval and the value mix (DiskModel)"
                     % (cal["runs"][0]["fits"]["rss"]["r2"], cal["runs"][0]["fits"]["cpu"]["r2"]))
    doc["valueMix"] = cal.get("valueMix")
    doc["diskMix"] = a.default_mix
    for k in ("rssBytesPerSeries", "rssBaseMiB", "cpuCoresPerKSamples", "cpuBaseCores", "queryCoreSeconds", "queryMiB",
              "prometheusSelfSeries"):
        doc[k] = base[k]
    doc["blockBytesPerSample"] = round(block_bps(dm, 15, c15), 4)
    doc["walBytesPerSample"] = round(dm["walBytesPerSample"], 4)
    doc["headChunkBytesPerSample"] = round(head_bps(dm, 15, c15), 4)
    doc["disk"] = {k: round(v, 4) for k, v in dm.items()}
    doc["mixes"] = {k: {"disk": {kk: round(vv, 4) for kk, vv in v["disk"].items()}, "runs": v["runs"],
                        "spread": v["spread"], "fitResidual": v["fitResidual"]} for k, v in out_mixes.items()}
    doc["spread"] = base.get("spread", {})
    doc["fitRuns"] = per
    doc["valueMixMeasurements"] = mixdoc
    with open(a.out + ".tmp", "w") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")
    import os
    os.replace(a.out + ".tmp", a.out)
    print("| run | mix | I s | c | steady bits (ts) | bits/changed value | index B/series | 2 h B/sample measured (model) | diff |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for x in per:
        if not x["mix"]:
            continue
        print("| %s | %s | %d | %.2f | %.1f (%.1f) | %.1f | %.0f | %.2f (%.2f) | %+.0f %% |" % (
            x["name"], x["mix"], x["interval"], x["changingShare"], x["steadyBits"], x["timestampBits"],
            x["bitsPerChangedValue"], x["indexBytesPerSeriesPerBlock"], x["projected2hBlockBytesPerSample"],
            x["modelBlockBytesPerSample"], x["modelDiff"] * 100))
    for k, v in out_mixes.items():
        print(k, json.dumps({kk: round(vv, 3) for kk, vv in v["disk"].items()}))
    print("default (%s, h=0.3) at 15 s: block %.3f head %.3f wal %.3f" % (a.default_mix, doc["blockBytesPerSample"],
                                                                          doc["headChunkBytesPerSample"], doc["walBytesPerSample"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
