#!/usr/bin/env python3
"""Share of samples whose value changes from one scrape to the next (all series, histogram series
_bucket/_sum/_count, the rest), read from a metrics endpoint by scraping it N+1 times at an interval,
the same quantity bench/promplan_bench.py reads from Prometheus with changes() / count_over_time():

  value_mix.py URL --interval 15 --scrapes 6 [--json]

Standard library only; talk to 127.0.0.1 endpoints only."""
import argparse
import json
import re
import sys
import time
import urllib.request

HIST = re.compile(r".+_(bucket|sum|count)$")


def scrape(url):
    body = urllib.request.urlopen(url, timeout=30).read().decode("utf-8", "replace")
    out = {}
    for line in body.splitlines():
        if not line or line[0] == "#":
            continue
        key, _, val = line.rpartition(" ")
        if "}" not in key and " " in key:  # a timestamp after the value
            key, _, val = key.rpartition(" ")
        out[key] = val
    return out


def shares(url, interval, scrapes):
    prev = scrape(url)
    ch = {"histogram": 0, "other": 0}
    n = {"histogram": 0, "other": 0}
    series = {"histogram": 0, "other": 0}
    for k in prev:
        series["histogram" if HIST.match(k.split("{", 1)[0]) else "other"] += 1
    for _ in range(scrapes):
        time.sleep(interval)
        cur = scrape(url)
        for k, v in cur.items():
            if k in prev:
                c = "histogram" if HIST.match(k.split("{", 1)[0]) else "other"
                n[c] += 1
                ch[c] += v != prev[k]
        prev = cur
    tot_n = n["histogram"] + n["other"]
    return {"url": url, "intervalSeconds": interval, "scrapes": scrapes + 1,
            "series": series, "histogramSeriesShare": series["histogram"] / max(1, sum(series.values())),
            "changingShare": {"all": (ch["histogram"] + ch["other"]) / max(1, tot_n),
                              "histogram": ch["histogram"] / n["histogram"] if n["histogram"] else None,
                              "other": ch["other"] / n["other"] if n["other"] else None}}


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("url")
    p.add_argument("--interval", type=float, default=15)
    p.add_argument("--scrapes", type=int, default=6)
    a = p.parse_args()
    print(json.dumps(shares(a.url, a.interval, a.scrapes)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
