#!/usr/bin/env python3
"""Promplan calibration / validation bench: runs real Prometheus servers on 127.0.0.1 against
bench/synthetic_exporter.py, measures them, fits the sizing coefficients of
io.promplan.core.sizing.SizingCoefficients and writes JSON.

  promplan_bench.py calibrate --out src/main/resources/io/promplan/calibration/prometheus.json
  promplan_bench.py validate  --out bench/validation.json

Python 3 standard library only. Every process it starts listens on 127.0.0.1 only and is stopped
on exit (also on SIGTERM/SIGINT). The bash wrappers bench/calibrate-prometheus and
bench/validate-prometheus install Prometheus and are the commands to run.
"""
import argparse
import datetime
import json
import math
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
EXPORTER = os.path.join(HERE, "synthetic_exporter.py")
PROM = os.environ.get("PROMETHEUS_BIN", "/usr/bin/prometheus")
NODE_EXPORTER = os.environ.get("NODE_EXPORTER_BIN", "/usr/bin/prometheus-node-exporter")
PIDDIR = os.environ.get("PROMPLAN_BENCH_PIDDIR")
# Short blocks so that compaction happens within minutes (head chunks are cut at the same
# boundaries). The environment overrides are for smoke tests only.
MIN_BLOCK = os.environ.get("PROMPLAN_BENCH_MIN_BLOCK", "5m")
MAX_BLOCK = os.environ.get("PROMPLAN_BENCH_MAX_BLOCK", "15m")
TARGET_SAMPLES_PER_CHUNK = 120  # Prometheus aims at 120 samples per chunk within a 2 h range
BLOCK_2H_S = 7200
POLL_S = 15
WARMUP_S = 150
INDEX_BYTES_PER_EXTRA_CHUNK = 8  # a further chunk meta in an index series entry (3 varints)
MIB = 1024.0 * 1024
GIB = 1024.0 ** 3

_children = []
_children_lock = threading.Lock()
_stopping = threading.Event()


def log(*a):
    print(time.strftime("%H:%M:%S"), *a, flush=True)


# ---------------------------------------------------------------- process handling

def spawn(args, logfile, cwd=None):
    out = open(logfile, "ab")
    p = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, cwd=cwd, stdin=subprocess.DEVNULL)
    out.close()
    with _children_lock:
        _children.append(p)
    if PIDDIR:
        with open(os.path.join(PIDDIR, "%d.pid" % p.pid), "w") as f:
            f.write(str(p.pid))
    return p


def stop(p, timeout=60):
    if p is None:
        return
    if p.poll() is None:
        p.terminate()
        try:
            p.wait(timeout)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait(10)
    with _children_lock:
        if p in _children:
            _children.remove(p)
    if PIDDIR:
        try:
            os.unlink(os.path.join(PIDDIR, "%d.pid" % p.pid))
        except OSError:
            pass


def stop_all():
    with _children_lock:
        procs = list(_children)
    for p in procs:
        stop(p, 20)


def on_signal(signum, frame):
    _stopping.set()
    raise SystemExit(128 + signum)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def http_get(url, timeout=15):
    with urllib.request.urlopen(url, timeout=timeout) as r:
        return r.read()


# ---------------------------------------------------------------- chunk file parsing

def uvarint(buf, pos):
    x, shift = 0, 0
    while True:
        b = buf[pos]
        pos += 1
        x |= (b & 0x7F) << shift
        if b < 0x80:
            return x, pos
        shift += 7


def uvarint_len(v):
    n = 1
    while v >= 0x80:
        v >>= 7
        n += 1
    return n


_TS_SIZES = (0, 14, 17, 20, 64)


def xor_bits(data):
    """Decodes the bit layout of one XOR chunk (Prometheus tsdb/chunkenc/xor.go) without the values.

    Returns (samples, bits of samples 1-2, bits of samples 3..n, timestamp bits of samples 3..n);
    header (16 bits) and the final padding are in none of them."""
    n = (data[0] << 8) | data[1]
    if n == 0:
        return 0, 0, 0, 0
    L = len(data) * 8
    x = int.from_bytes(data, "big")

    def read(pos, k):
        return (x >> (L - pos - k)) & ((1 << k) - 1)

    pos = 16
    # sample 1: varint timestamp (bytes), 64-bit value
    while read(pos, 8) >= 0x80:
        pos += 8
    pos += 8 + 64
    if n == 1:
        return 1, pos - 16, 0, 0
    # sample 2: uvarint delta (bytes) + xor value
    while read(pos, 8) >= 0x80:
        pos += 8
    pos += 8
    leading = trailing = 0

    def value(pos):
        nonlocal leading, trailing
        if read(pos, 1) == 0:
            return pos + 1
        pos += 1
        if read(pos, 1) == 0:
            pos += 1
            return pos + 64 - leading - trailing
        pos += 1
        leading = read(pos, 5)
        pos += 5
        sig = read(pos, 6) or 64
        pos += 6
        trailing = 64 - leading - sig
        return pos + sig

    pos = value(pos)
    first2 = pos - 16
    ts_bits = 0
    for _ in range(n - 2):
        k = 0
        while k < 4 and read(pos + k, 1) == 1:
            k += 1
        step = (k + 1 if k < 4 else 4) + _TS_SIZES[k]
        ts_bits += step
        pos = value(pos + step)
    if pos > L:
        raise ValueError("chunk decode overran: %d > %d bits" % (pos, L))
    return n, first2, pos - 16 - first2, ts_bits


class ChunkStats:
    """Totals over the chunks of a set of files, with the XOR bit layout of a sample of them."""

    def __init__(self):
        self.files_bytes = 0
        self.chunks = 0
        self.samples = 0
        self.data_bytes = 0      # XOR data incl. 2-byte header
        self.framing_bytes = 0   # everything else per chunk (refs, times, len, encoding, CRC)
        self.dec_chunks = 0
        self.dec_first2 = 0
        self.dec_rest_bits = 0
        self.dec_rest_samples = 0
        self.dec_ts_bits = 0
        self.dec_data_bytes = 0
        self.dec_samples = 0

    def add(self, data, framing, decode):
        self.chunks += 1
        n = (data[0] << 8) | data[1]
        self.samples += n
        self.data_bytes += len(data)
        self.framing_bytes += framing
        if decode and n >= 3:
            dn, f2, rest, tsb = xor_bits(data)
            self.dec_ts_bits += tsb
            self.dec_chunks += 1
            self.dec_first2 += f2
            self.dec_rest_bits += rest
            self.dec_rest_samples += dn - 2
            self.dec_data_bytes += len(data)
            self.dec_samples += dn

    def merge(self, o):
        for k, v in o.__dict__.items():
            setattr(self, k, getattr(self, k) + v)

    def steady_bits(self):
        return self.dec_rest_bits / self.dec_rest_samples if self.dec_rest_samples else float("nan")

    def first2_bits(self):
        return self.dec_first2 / self.dec_chunks if self.dec_chunks else float("nan")

    def projected_bytes_per_chunk(self, m, framing_fixed):
        """Bytes of one chunk of m samples: the decoded cost of samples 1-2 and of each further
        sample, 16 header bits, half a byte of padding on average, and the framing."""
        data = (16 + self.first2_bits() + (m - 2) * self.steady_bits()) / 8.0 + 0.5
        return data + framing_fixed + uvarint_len(int(data))

    def as_dict(self):
        return {
            "chunks": self.chunks, "samples": self.samples, "fileBytes": self.files_bytes,
            "samplesPerChunk": self.samples / self.chunks if self.chunks else None,
            "dataBytesPerSample": self.data_bytes / self.samples if self.samples else None,
            "framingBytesPerChunk": self.framing_bytes / self.chunks if self.chunks else None,
            "decodedChunks": self.dec_chunks,
            "steadyBitsPerSample": self.steady_bits(),
            "steadyTimestampBitsPerSample": (self.dec_ts_bits / self.dec_rest_samples
                                             if self.dec_rest_samples else None),
            "firstTwoSamplesBits": self.first2_bits(),
        }


def parse_block_chunks(block_dir, stride):
    st = ChunkStats()
    cdir = os.path.join(block_dir, "chunks")
    k = 0
    for name in sorted(os.listdir(cdir)):
        with open(os.path.join(cdir, name), "rb") as f:
            buf = f.read()
        st.files_bytes += len(buf)
        pos = 8  # magic(4) version(1) padding(3)
        while pos < len(buf):
            ln, p2 = uvarint(buf, pos)
            if ln == 0:
                break
            enc = buf[p2]
            data = buf[p2 + 1:p2 + 1 + ln]
            framing = (p2 - pos) + 1 + 4
            if enc == 1:
                st.add(data, framing, k % stride == 0)
                k += 1
            pos = p2 + 1 + ln + 4
    return st


def parse_head_chunks(hdir, stride):
    st = ChunkStats()
    k = 0
    if not os.path.isdir(hdir):
        return st
    for name in sorted(os.listdir(hdir)):
        with open(os.path.join(hdir, name), "rb") as f:
            buf = f.read()
        pos = 8
        while pos + 25 < len(buf):
            ref = int.from_bytes(buf[pos:pos + 8], "big")
            mint = int.from_bytes(buf[pos + 8:pos + 16], "big")
            enc = buf[pos + 24]
            if ref == 0 and mint == 0 and enc == 0:
                break  # preallocated, unused tail
            ln, p2 = uvarint(buf, pos + 25)
            data = buf[p2:p2 + ln]
            framing = 25 + (p2 - pos - 25) + 4
            if enc == 1:
                st.add(data, framing, k % stride == 0)
                k += 1
            pos = p2 + ln + 4
        st.files_bytes += pos  # content actually written
    return st


def dir_sizes(path):
    apparent = allocated = 0
    for root, dirs, files in os.walk(path):
        for fn in files:
            try:
                s = os.lstat(os.path.join(root, fn))
            except OSError:
                continue
            apparent += s.st_size
            allocated += s.st_blocks * 512
    return apparent, allocated


# ---------------------------------------------------------------- one Prometheus + exporter

DASHBOARD = [
    'sum by (route) (rate(http_requests_total{service="%s"}[1m]))',
    'sum by (status) (rate(http_requests_total{service="%s"}[1m]))',
    'histogram_quantile(0.95, sum by (le, route) (rate(http_request_duration_seconds_bucket{service="%s"}[1m])))',
    'histogram_quantile(0.5, sum by (le) (rate(http_request_duration_seconds_bucket{service="%s"}[1m])))',
    'sum(rate(http_requests_total{service="%s",status=~"5.."}[1m])) / sum(rate(http_requests_total{service="%s"}[1m]))',
    'max(app_queue_depth{service="%s"})',
    'sum(rate(app_cpu_seconds_total{service="%s"}[1m]))',
    'topk(5, app_latency_ratio{service="%s"})',
]


class Run:
    def __init__(self, name, series, interval, base, exporter_args=(), min_s=360, max_s=810, min_blocks=2,
                 query_bench=False, wave=None, stop_rule="calibration"):
        self.name, self.series, self.interval = name, series, interval
        self.exporter_args = list(exporter_args)
        self.min_s, self.max_s, self.min_blocks = min_s, max_s, min_blocks
        self.query_bench, self.wave, self.stop_rule = query_bench, wave, stop_rule
        self.dir = os.path.join(base, name)
        self.data = os.path.join(self.dir, "data")
        os.makedirs(self.data)
        self.snaps = []
        self.result = None
        self.error = None
        self.exp = self.prom = None

    # ---- lifecycle
    def start(self):
        self.eport, self.pport = free_port(), free_port()
        self.mix = subprocess.run([sys.executable, EXPORTER, "--series", str(self.series), "--describe"]
                                  + self.exporter_args, capture_output=True, text=True, check=True).stdout.strip()
        self.exp = spawn([sys.executable, EXPORTER, "--series", str(self.series), "--port", str(self.eport),
                          "--host", "127.0.0.1"] + self.exporter_args, os.path.join(self.dir, "exporter.log"))
        self._wait("http://127.0.0.1:%d/describe" % self.eport, 60)
        timeout = min(10, self.interval)
        with open(os.path.join(self.dir, "prometheus.yml"), "w") as f:
            f.write("global:\n  scrape_interval: %ds\n  scrape_timeout: %ds\n  evaluation_interval: %ds\n"
                    "scrape_configs:\n"
                    "  - job_name: prometheus\n    static_configs:\n      - targets: ['127.0.0.1:%d']\n"
                    "  - job_name: synthetic\n    static_configs:\n      - targets: ['127.0.0.1:%d']\n"
                    % (self.interval, timeout, self.interval, self.pport, self.eport))
        self.flags = ["--config.file=prometheus.yml", "--storage.tsdb.path=data",
                      "--web.listen-address=127.0.0.1:%d" % self.pport,
                      "--storage.tsdb.min-block-duration=" + MIN_BLOCK,
                      "--storage.tsdb.max-block-duration=" + MAX_BLOCK,
                      "--storage.tsdb.retention.time=2d",
                      "--web.console.templates=/etc/prometheus/consoles",
                      "--web.console.libraries=/etc/prometheus/console_libraries"]
        self.prom = spawn([PROM] + self.flags, os.path.join(self.dir, "prometheus.log"), cwd=self.dir)
        self._wait("http://127.0.0.1:%d/-/ready" % self.pport, 90)
        self.t0 = time.time()
        log("%s: started (exporter :%d, prometheus :%d) %s" % (self.name, self.eport, self.pport, self.mix[:60]))

    def _wait(self, url, secs):
        end = time.time() + secs
        while time.time() < end and not _stopping.is_set():
            try:
                http_get(url, 5)
                return
            except Exception:
                time.sleep(0.5)
        raise RuntimeError("%s: %s did not answer in %ds" % (self.name, url, secs))

    def q(self, expr):
        url = "http://127.0.0.1:%d/api/v1/query?%s" % (self.pport, urllib.parse.urlencode({"query": expr}))
        try:
            d = json.loads(http_get(url))
            res = d["data"]["result"]
            if d["data"]["resultType"] == "scalar":
                return float(res[1])
            if not res:
                return None
            return sum(float(r["value"][1]) for r in res)
        except Exception:
            return None

    def direct(self, names):
        """Current values read from Prometheus's own /metrics (not through the TSDB)."""
        txt = http_get("http://127.0.0.1:%d/metrics" % self.pport).decode()
        out = {}
        for line in txt.splitlines():
            if not line or line[0] == "#":
                continue
            name = line.split("{", 1)[0].split(" ", 1)[0]
            if name in names:
                out[name] = out.get(name, 0.0) + float(line.rsplit(" ", 1)[1])
        return out

    def snapshot(self):
        s = {"t": time.time() - self.t0}
        job = '{job="prometheus"}'
        s["appended"] = self.q("sum(prometheus_tsdb_head_samples_appended_total%s)" % job)
        s["appendedTs"] = self.q("max(timestamp(prometheus_tsdb_head_samples_appended_total%s))" % job)
        s["cpu"] = self.q("process_cpu_seconds_total" + job)
        s["cpuTs"] = self.q("timestamp(process_cpu_seconds_total%s)" % job)
        s["samplesRate1m"] = self.q("sum(rate(prometheus_tsdb_head_samples_appended_total%s[1m]))" % job)
        s["cpuRate1m"] = self.q("rate(process_cpu_seconds_total%s[1m])" % job)
        s["headSeries"] = self.q("prometheus_tsdb_head_series" + job)
        s["rss"] = self.q("process_resident_memory_bytes" + job)
        s["heap"] = self.q("go_memstats_heap_inuse_bytes" + job)
        s["compactions"] = self.q("prometheus_tsdb_compactions_total" + job)
        s["headChunks"] = self.q("prometheus_tsdb_head_chunks" + job)
        s["selfSeriesRaw"] = self.q('count({job="prometheus"})')
        s["selfSeries"] = self.q('count({job="prometheus",__name__!~"up|scrape_.+"})')
        wal = os.path.join(self.data, "wal")
        segs = {}
        ckpt = 0
        if os.path.isdir(wal):
            for fn in os.listdir(wal):
                p = os.path.join(wal, fn)
                try:
                    if fn.isdigit():
                        segs[fn] = os.path.getsize(p)
                    elif fn.startswith("checkpoint"):
                        ckpt += dir_sizes(p)[0]
                except OSError:
                    pass
        s["walSegments"] = segs
        s["walCheckpointBytes"] = ckpt
        s["blocks"] = self.blocks()
        s["disk"] = self.disk()
        self.snaps.append(s)
        return s

    def blocks(self):
        out = []
        for fn in sorted(os.listdir(self.data)):
            p = os.path.join(self.data, fn)
            mp = os.path.join(p, "meta.json")
            if len(fn) == 26 and os.path.isfile(mp):
                try:
                    with open(mp) as f:
                        m = json.load(f)
                except (OSError, ValueError):
                    continue
                out.append({"ulid": fn, "minTime": m["minTime"], "maxTime": m["maxTime"],
                            "level": m.get("compaction", {}).get("level"), "stats": m.get("stats", {})})
        return out

    def disk(self):
        d = {"blocks": [0, 0], "wal": [0, 0], "chunksHead": [0, 0], "other": [0, 0]}
        for fn in os.listdir(self.data):
            p = os.path.join(self.data, fn)
            if fn == "wal":
                k = "wal"
            elif fn == "chunks_head":
                k = "chunksHead"
            elif len(fn) == 26 and os.path.isdir(p):
                k = "blocks"
            else:
                k = "other"
            if os.path.isdir(p):
                a, b = dir_sizes(p)
            else:
                try:
                    st = os.lstat(p)
                    a, b = st.st_size, st.st_blocks * 512
                except OSError:
                    a = b = 0
            d[k][0] += a
            d[k][1] += b
        return d

    def done(self, s):
        el = s["t"]
        nb = len(s["blocks"])
        if el >= self.max_s:
            return True
        if self.stop_rule == "validation":
            lvl2 = any((b["level"] or 1) >= 2 for b in s["blocks"])
            return el >= self.min_s and (nb >= self.min_blocks or (lvl2 and nb >= 2))
        return el >= self.min_s and nb >= self.min_blocks

    def loop(self):
        try:
            self.start()
            next_t = self.t0
            while not _stopping.is_set():
                next_t += POLL_S
                time.sleep(max(0, next_t - time.time()))
                s = self.snapshot()
                if self.prom.poll() is not None or self.exp.poll() is not None:
                    raise RuntimeError("%s: a process exited early (see %s)" % (self.name, self.dir))
                if len(self.snaps) % 8 == 0:
                    log("%s: t=%.0fs series=%s samples/s=%s rss=%.0fMiB blocks=%d" % (
                        self.name, s["t"], s["headSeries"], s["samplesRate1m"] and round(s["samplesRate1m"]),
                        (s["rss"] or 0) / MIB, len(s["blocks"])))
                if self.done(s):
                    break
            self.qbench = self.query_benchmark() if self.query_bench else None
            self.changes = self.value_changes()
            self.final = self.snapshot()
            stop(self.prom)
            stop(self.exp)
            self.result = self.analyse()
            log("%s: done in %.0fs" % (self.name, time.time() - self.t0))
        except BaseException as e:  # noqa: B902 - report, main thread decides
            self.error = repr(e)
            log("%s: FAILED %s" % (self.name, self.error))
        finally:
            stop(self.prom)
            stop(self.exp)

    # ---- value mix
    def value_changes(self, window="5m"):
        """Share of samples whose value differs from the series' previous sample (the XOR encoder
        stores an unchanged value in 1 bit), over the last 5 minutes, for all series, for histogram
        series (_bucket, _sum, _count) and for the rest; and the histogram share of the head series."""
        out = {"window": window}
        sel = {"all": '{__name__=~".+"}', "histogram": '{__name__=~".+_bucket|.+_sum|.+_count"}',
               "other": '{__name__=~".+",__name__!~".+_bucket|.+_sum|.+_count"}'}
        for k, m in sel.items():
            ch = self.q("sum(changes(%s[%s]))" % (m, window))
            n = self.q("sum(count_over_time(%s[%s])) - count(count_over_time(%s[%s]))" % (m, window, m, window))
            series = self.q("count(last_over_time(%s[%s]))" % (m, window))
            out[k] = {"changedSamples": ch, "samplePairs": n, "series": series,
                      "changingShare": (ch / n) if (ch is not None and n) else None}
        a, h = out["all"]["series"], out["histogram"]["series"]
        out["histogramSeriesShare"] = (h / a) if (a and h is not None) else 0.0
        return out

    # ---- query cost
    def query_benchmark(self, max_queries=240, max_s=90, baseline_s=45):
        names = {"process_cpu_seconds_total", "prometheus_tsdb_compactions_total",
                 "go_memstats_alloc_bytes_total", "prometheus_tsdb_head_truncations_total"}
        a = self.direct(names)
        ta = time.time()
        time.sleep(baseline_s)
        b = self.direct(names)
        tb = time.time()
        services = ["svc-%02d" % i for i in range(20)]
        end = time.time() + max_s
        n = 0
        errors = 0
        now = time.time()
        while n < max_queries and time.time() < end and not _stopping.is_set():
            expr = DASHBOARD[n % len(DASHBOARD)]
            svc = services[(n // len(DASHBOARD)) % len(services)]
            expr = expr.replace("%s", svc)
            qs = urllib.parse.urlencode({"query": expr, "start": "%.3f" % (now - 600), "end": "%.3f" % now,
                                         "step": "%ds" % self.interval})
            try:
                d = json.loads(http_get("http://127.0.0.1:%d/api/v1/query_range?%s" % (self.pport, qs), 30))
                if d.get("status") != "success":
                    errors += 1
            except Exception:
                errors += 1
            n += 1
        c = self.direct(names)
        tc = time.time()
        base_rate = (b["process_cpu_seconds_total"] - a["process_cpu_seconds_total"]) / (tb - ta)
        alloc_rate = (b["go_memstats_alloc_bytes_total"] - a["go_memstats_alloc_bytes_total"]) / (tb - ta)
        dcpu = c["process_cpu_seconds_total"] - b["process_cpu_seconds_total"]
        dalloc = c["go_memstats_alloc_bytes_total"] - b["go_memstats_alloc_bytes_total"]
        disturbed = (c["prometheus_tsdb_compactions_total"] != a["prometheus_tsdb_compactions_total"]
                     or c["prometheus_tsdb_head_truncations_total"] != a["prometheus_tsdb_head_truncations_total"])
        r = {"queries": n, "errors": errors, "rangeSeconds": 600, "stepSeconds": self.interval,
             "seriesPerService": round(self.series / 20), "wallSeconds": tc - tb,
             "baselineCores": base_rate, "cpuSecondsDuringQueries": dcpu,
             "queryCoreSeconds": (dcpu - base_rate * (tc - tb)) / max(1, n),
             "allocatedMiBPerQuery": (dalloc - alloc_rate * (tc - tb)) / max(1, n) / MIB,
             "disturbedByCompaction": disturbed,
             "expressions": DASHBOARD}
        log("%s: query bench %d queries, %.4f core-s/query, %.1f MiB allocated/query%s" % (
            self.name, n, r["queryCoreSeconds"], r["allocatedMiBPerQuery"], " (disturbed)" if disturbed else ""))
        return r

    # ---- analysis
    def analyse(self):
        snaps = [s for s in self.snaps if s is not self.final] if self.qbench else self.snaps
        steady = [s for s in snaps if s["t"] >= WARMUP_S and s["cpu"] is not None and s["appended"] is not None]
        if len(steady) < 3:
            steady = [s for s in snaps if s["cpu"] is not None and s["appended"] is not None][-3:]
        a, b = steady[0], steady[-1]
        dt_cpu = (b["cpuTs"] - a["cpuTs"]) if (a["cpuTs"] and b["cpuTs"]) else (b["t"] - a["t"])
        dt_app = (b["appendedTs"] - a["appendedTs"]) if (a["appendedTs"] and b["appendedTs"]) else (b["t"] - a["t"])
        cpu_cores = (b["cpu"] - a["cpu"]) / dt_cpu
        samples_ps = (b["appended"] - a["appended"]) / dt_app
        rss = [s["rss"] for s in steady if s["rss"]]
        heap = [s["heap"] for s in steady if s["heap"]]
        rate1m = [s["samplesRate1m"] for s in steady if s["samplesRate1m"]]
        cpu1m = [s["cpuRate1m"] for s in steady if s["cpuRate1m"] is not None]

        # WAL: growth of the numbered segments between two snapshots with no segment removed,
        # after the series records of the first scrapes (t >= 90 s).
        wal = None
        cands = [s for s in self.snaps if s["t"] >= 90 and s["appended"] is not None]
        if cands:
            first = cands[0]
            last = first
            for s in cands[1:]:
                ok = all(k in s["walSegments"] and s["walSegments"][k] >= v for k, v in first["walSegments"].items())
                if not ok:
                    break
                last = s
            if last is not first:
                db = sum(last["walSegments"].values()) - sum(first["walSegments"].values())
                ds = last["appended"] - first["appended"]
                if ds > 0:
                    wal = {"bytesPerSample": db / ds, "fromSeconds": first["t"], "toSeconds": last["t"],
                           "bytes": db, "samples": ds}

        # Blocks: measured short-block figures, and the projection to 2-hour blocks.
        blocks = self.final["blocks"]
        bstats = ChunkStats()
        idx_bytes = blk_bytes = 0
        nseries = nchunks = nsamples = 0
        span_ms = 0
        budget = 40000
        total_chunks = sum(int(bl["stats"].get("numChunks", 0)) for bl in blocks) or 1
        stride = max(1, total_chunks // budget)
        per_block = []
        for bl in blocks:
            p = os.path.join(self.data, bl["ulid"])
            if not os.path.isdir(p):
                continue
            st = parse_block_chunks(p, stride)
            bstats.merge(st)
            ib = os.path.getsize(os.path.join(p, "index"))
            tot = dir_sizes(p)[0]
            idx_bytes += ib
            blk_bytes += tot
            ns, nc, nsm = (int(bl["stats"].get(k, 0)) for k in ("numSeries", "numChunks", "numSamples"))
            nseries += ns
            nchunks += nc
            nsamples += nsm
            span_ms += bl["maxTime"] - bl["minTime"]
            per_block.append({"level": bl["level"], "seconds": (bl["maxTime"] - bl["minTime"]) / 1000.0,
                              "numSeries": ns, "numChunks": nc, "numSamples": nsm, "bytes": tot,
                              "indexBytes": ib, "bytesPerSample": tot / nsm if nsm else None,
                              "parsedSamples": st.samples, "parsedChunks": st.chunks})
        proj = None
        if nsamples and bstats.dec_rest_samples:
            S = BLOCK_2H_S / float(self.interval)
            C = math.ceil(S / TARGET_SAMPLES_PER_CHUNK)
            m = S / C
            chunk_b = bstats.projected_bytes_per_chunk(m, 1 + 4)
            idx_series = (idx_bytes - INDEX_BYTES_PER_EXTRA_CHUNK * (nchunks - nseries)) / float(nseries)
            idx_2h = idx_series + INDEX_BYTES_PER_EXTRA_CHUNK * (C - 1)
            proj = (C * chunk_b + idx_2h) / S
        hstats = parse_head_chunks(os.path.join(self.data, "chunks_head"), 1)
        hproj = None
        if hstats.dec_rest_samples:
            S = 2 * 3600 / float(self.interval)
            m = S / math.ceil(S / TARGET_SAMPLES_PER_CHUNK)
            hproj = hstats.projected_bytes_per_chunk(m, 8 + 8 + 8 + 1 + 4) / m
        fd = self.final["disk"]
        return {
            "name": self.name, "wave": self.wave,
            "series": self.series, "scrapeIntervalSeconds": self.interval, "exporterMix": self.mix,
            "exporterArgs": " ".join(self.exporter_args),
            "durationSeconds": round(self.final["t"], 1),
            "steadyWindowSeconds": [round(a["t"], 1), round(b["t"], 1)],
            "headSeries": int(self.final["headSeries"] or 0),
            "samplesPerSecond": samples_ps,
            "samplesPerSecondRate1mMedian": statistics.median(rate1m) if rate1m else None,
            "rssMiB": statistics.median(rss) / MIB if rss else None,
            "rssMaxMiB": max(rss) / MIB if rss else None,
            "rssMinMiB": min(rss) / MIB if rss else None,
            "heapInuseMiB": statistics.median(heap) / MIB if heap else None,
            "cpuCores": cpu_cores,
            "cpuCoresRate1mMedian": statistics.median(cpu1m) if cpu1m else None,
            "selfSeries": int(self.final["selfSeries"] or 0),
            "selfSeriesIncludingMeta": int(self.final["selfSeriesRaw"] or 0),
            "wal": wal,
            "walBytesPerSample": wal["bytesPerSample"] if wal else None,
            "walDirBytes": fd["wal"][0], "walCheckpointBytes": self.final["walCheckpointBytes"],
            "blocks": per_block,
            "blockCount": len(per_block),
            "blockSamples": nsamples,
            "blockSeconds": span_ms / 1000.0,
            "measuredBlockBytesPerSample": blk_bytes / nsamples if nsamples else None,
            "measuredBlockChunkBytesPerSample": bstats.files_bytes / nsamples if nsamples else None,
            "measuredIndexBytesPerSeriesPerBlock": idx_bytes / nseries if nseries else None,
            "blockChunks": bstats.as_dict(),
            "projected2hBlockBytesPerSample": proj,
            "headChunks": hstats.as_dict(),
            "measuredHeadChunkBytesPerSample": hstats.files_bytes / hstats.samples if hstats.samples else None,
            "projected2hHeadChunkBytesPerSample": hproj,
            "disk": {k: {"apparentBytes": v[0], "allocatedBytes": v[1]} for k, v in fd.items()},
            "queryBenchmark": self.qbench,
            "valueChanges": getattr(self, "changes", None),
            "prometheusFlags": " ".join(self.flags),
        }


def run_wave(runs, label):
    log("=== %s: %s" % (label, ", ".join(r.name for r in runs)))
    threads = [threading.Thread(target=r.loop, name=r.name, daemon=True) for r in runs]
    for t in threads:
        t.start()
        time.sleep(1)
    while any(t.is_alive() for t in threads):
        for t in threads:
            t.join(timeout=1)
    for r in runs:
        if r.error:
            raise RuntimeError("run %s failed: %s" % (r.name, r.error))
    return [r.result for r in runs]


# ---------------------------------------------------------------- fitting

def linfit(xs, ys):
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    slope = sxy / sxx
    icpt = my - slope * mx
    res = [y - (icpt + slope * x) for x, y in zip(xs, ys)]
    dof = max(1, n - 2)
    s2 = sum(r * r for r in res) / dof
    se_slope = math.sqrt(s2 / sxx)
    se_icpt = math.sqrt(s2 * (1.0 / n + mx * mx / sxx))
    syy = sum((y - my) ** 2 for y in ys)
    r2 = 1 - sum(r * r for r in res) / syy if syy else 1.0
    return slope, icpt, se_slope, se_icpt, r2


def spread(vals):
    vals = [v for v in vals if v is not None and not (isinstance(v, float) and math.isnan(v))]
    if not vals:
        return {"min": None, "max": None, "stddev": None, "runs": 0}
    return {"min": min(vals), "max": max(vals), "stddev": statistics.stdev(vals) if len(vals) > 1 else 0.0,
            "runs": len(vals)}


def machine():
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal"):
                mem = int(line.split()[1]) * 1024
    osname = ""
    try:
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    osname = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return "nproc=%d, memory=%.1f GiB, CPU=%s, kernel %s %s, %s" % (
        os.cpu_count(), mem / GIB, cpu, platform.system(), platform.release(), osname)


def prom_version():
    out = subprocess.run([PROM, "--version"], capture_output=True, text=True)
    return (out.stdout or out.stderr).splitlines()[0].strip()


def write_atomic(path, obj):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(os.path.abspath(path)), prefix=".tmp-", suffix=".json")
    with os.fdopen(fd, "w") as f:
        json.dump(obj, f, indent=2)
        f.write("\n")
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def r6(x):
    return None if x is None else float("%.6g" % x)

class FleetRun(Run):
    """A fleet-like value mix: K real node_exporter processes (the host's own kernel counters and
    gauges, as a fleet of machines exposes them) plus the server's own metrics, scraped once under
    its own job and again under M "peer" jobs (a fleet's Prometheus servers scraping each other)."""

    def __init__(self, name, nodes, peers, interval, base, **kw):
        super().__init__(name, 0, interval, base, **kw)
        self.nodes, self.peers = nodes, peers
        self.exps = []

    def start(self):
        self.pport = free_port()
        ports = [free_port() for _ in range(self.nodes)]
        tdir = os.path.join(self.dir, "textfile")
        os.makedirs(tdir, exist_ok=True)
        for i, port in enumerate(ports):
            self.exps.append(spawn([NODE_EXPORTER, "--web.listen-address=127.0.0.1:%d" % port,
                                    "--collector.textfile.directory=" + tdir, "--no-collector.systemd"],
                                   os.path.join(self.dir, "node-%d.log" % i)))
        self.exp = self.exps[0]
        for port in ports:
            self._wait("http://127.0.0.1:%d/metrics" % port, 60)
        body = http_get("http://127.0.0.1:%d/metrics" % ports[0]).decode()
        per_node = sum(1 for line in body.splitlines() if line and line[0] != "#")
        ver = subprocess.run([NODE_EXPORTER, "--version"], capture_output=True, text=True)
        ver = ((ver.stdout or ver.stderr).splitlines() or ["node_exporter"])[0].strip()
        self.series = self.nodes * per_node
        self.mix = ("fleet mix: %d %s instances (%d series each on this host: the kernel's own counters and gauges), "
                    "plus the server's own metrics scraped under its job and %d peer jobs" % (self.nodes, ver, per_node, self.peers))
        timeout = min(10, self.interval)
        cfg = ("global:\n  scrape_interval: %ds\n  scrape_timeout: %ds\n  evaluation_interval: %ds\nscrape_configs:\n"
               "  - job_name: prometheus\n    static_configs:\n      - targets: ['127.0.0.1:%d']\n"
               % (self.interval, timeout, self.interval, self.pport))
        for i in range(self.peers):
            cfg += "  - job_name: peer-%d\n    static_configs:\n      - targets: ['127.0.0.1:%d']\n" % (i + 1, self.pport)
        cfg += "  - job_name: node\n    static_configs:\n      - targets: [%s]\n" % ", ".join("'127.0.0.1:%d'" % p for p in ports)
        with open(os.path.join(self.dir, "prometheus.yml"), "w") as f:
            f.write(cfg)
        self.flags = ["--config.file=prometheus.yml", "--storage.tsdb.path=data",
                      "--web.listen-address=127.0.0.1:%d" % self.pport,
                      "--storage.tsdb.min-block-duration=" + MIN_BLOCK,
                      "--storage.tsdb.max-block-duration=" + MAX_BLOCK,
                      "--storage.tsdb.retention.time=2d"]
        self.prom = spawn([PROM] + self.flags, os.path.join(self.dir, "prometheus.log"), cwd=self.dir)
        self._wait("http://127.0.0.1:%d/-/ready" % self.pport, 90)
        self.t0 = time.time()
        log("%s: started (%d node_exporters, prometheus :%d) %s" % (self.name, self.nodes, self.pport, self.mix[:80]))

    def loop(self):
        try:
            super().loop()
        finally:
            for p in self.exps:
                stop(p, 20)


def fleet(args, base):
    """Bytes/sample, RSS/series and CPU/sample of the fleet mix, with their spread over runs; the
    idle RSS and CPU subtracted are those of --idle-json (a calibration file of the same version)."""
    t_start = time.time()
    cfg = [("fleet-16n-15s", 16, 2, 15), ("fleet-48n-15s", 48, 4, 15), ("fleet-32n-5s", 32, 3, 5)]
    if args.quick:
        cfg = [("fleet-4n-5s", 4, 1, 5)]
    runs = [FleetRun(n, k, m, iv, base, wave=1, min_s=args.min_seconds, max_s=args.max_seconds) for (n, k, m, iv) in cfg]
    results = run_wave(runs, "fleet mix (concurrent)")
    idle = {"rssBaseMiB": 0.0, "cpuBaseCores": 0.0}
    if args.idle_json:
        with open(args.idle_json) as f:
            j = json.load(f)
        idle = {"rssBaseMiB": j["rssBaseMiB"], "cpuBaseCores": j["cpuBaseCores"], "from": os.path.relpath(os.path.abspath(args.idle_json), os.path.dirname(HERE)),
                "prometheusVersion": j.get("prometheusVersion")}
    per = []
    for r in results:
        rss_ps = (r["rssMiB"] - idle["rssBaseMiB"]) * MIB / r["headSeries"] if r["rssMiB"] and r["headSeries"] else None
        cpu_pk = (r["cpuCores"] - idle["cpuBaseCores"]) / (r["samplesPerSecond"] / 1000.0) if r["samplesPerSecond"] else None
        per.append({"name": r["name"], "headSeries": r["headSeries"], "samplesPerSecond": r["samplesPerSecond"],
                    "rssMiB": r["rssMiB"], "rssBytesPerSeries": rss_ps, "cpuCores": r["cpuCores"], "cpuCoresPerKSamples": cpu_pk,
                    "walBytesPerSample": r["walBytesPerSample"],
                    "measuredBlockBytesPerSample": r["measuredBlockBytesPerSample"],
                    "projected2hBlockBytesPerSample": r["projected2hBlockBytesPerSample"],
                    "projected2hHeadChunkBytesPerSample": r["projected2hHeadChunkBytesPerSample"],
                    "steadyBitsPerSample": r["blockChunks"].get("steadyBitsPerSample"),
                    "steadyTimestampBitsPerSample": r["blockChunks"].get("steadyTimestampBitsPerSample"),
                    "valueMix": r["exporterMix"]})
    mean = lambda k: statistics.mean([x[k] for x in per if x[k] is not None]) if any(x[k] is not None for x in per) else None  # noqa: E731
    out = {
        "source": "measured by bench/fleet-prometheus on %s: %d runs of a fleet-like value mix" % (datetime.date.today().isoformat(), len(per)),
        "prometheusVersion": prom_version(),
        "measuredAt": datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "machine": machine(),
        "valueMix": results[0]["exporterMix"],
        "idleSubtracted": idle,
        "blockBytesPerSample": r6(mean("projected2hBlockBytesPerSample")),
        "walBytesPerSample": r6(mean("walBytesPerSample")),
        "headChunkBytesPerSample": r6(mean("projected2hHeadChunkBytesPerSample")),
        "rssBytesPerSeries": r6(mean("rssBytesPerSeries")),
        "cpuCoresPerKSamples": r6(mean("cpuCoresPerKSamples")),
        "spread": {k: spread([x[k] for x in per]) for k in ("projected2hBlockBytesPerSample", "walBytesPerSample",
                                                              "projected2hHeadChunkBytesPerSample", "rssBytesPerSeries",
                                                              "cpuCoresPerKSamples", "steadyBitsPerSample")},
        "perRun": per,
        "totalSeconds": round(time.time() - t_start),
        "runs": results,
    }
    write_atomic(args.out, out)
    log("wrote %s (%.0f s)" % (args.out, time.time() - t_start))
    for x in per:
        log("  %s: series=%d samples/s=%.0f rss=%.1fMiB rss/series=%s cpu/kS=%s block B/sample 2h=%s wal=%s" % (
            x["name"], x["headSeries"], x["samplesPerSecond"], x["rssMiB"] or -1, r6(x["rssBytesPerSeries"]),
            r6(x["cpuCoresPerKSamples"]), r6(x["projected2hBlockBytesPerSample"]), r6(x["walBytesPerSample"])))


def calibrate(args, base):
    t_start = time.time()
    waves = [
        [("idle-0-15s", 0, 15, False), ("n100k-15s", 100000, 15, False), ("n40k-5s", 40000, 5, False),
         ("n10k-15s", 10000, 15, False), ("n2k-5s", 2000, 5, False)],
        [("n100k-5s", 100000, 5, False), ("n40k-15s", 40000, 15, True), ("n10k-5s", 10000, 5, False),
         ("n2k-15s", 2000, 15, False)],
    ]
    if args.quick:
        waves = [[("idle-0-15s", 0, 15, False), ("n2k-5s", 2000, 5, False), ("n10k-5s", 10000, 5, True)]]
    results = []
    for i, w in enumerate(waves):
        runs = [Run(n, s, iv, base, wave=i + 1, query_bench=qb,
                    min_s=args.min_seconds, max_s=args.max_seconds) for (n, s, iv, qb) in w]
        results += run_wave(runs, "calibration wave %d/%d" % (i + 1, len(waves)))

    work = [r for r in results if r["series"] > 0]
    # memory: RSS = base + series x perSeries (all runs, idle included)
    xs = [r["headSeries"] for r in results]
    ys = [r["rssMiB"] * MIB for r in results]
    per_series, base_b, se_ps, se_b, r2_mem = linfit(xs, ys)
    # cpu: cores = base + samples/s / 1000 x perK
    cx = [r["samplesPerSecond"] / 1000.0 for r in results]
    cy = [r["cpuCores"] for r in results]
    per_k, cpu_base, se_pk, se_cb, r2_cpu = linfit(cx, cy)

    def implied_slope(r, x, y, icpt):
        return (y - icpt) / x if x > 0 else None

    rss_ps_runs = [implied_slope(r, r["headSeries"], r["rssMiB"] * MIB, base_b) for r in work]
    rss_base_runs = [(r["rssMiB"] * MIB - per_series * r["headSeries"]) / MIB for r in results]
    cpu_pk_runs = [implied_slope(r, r["samplesPerSecond"] / 1000.0, r["cpuCores"], cpu_base) for r in work]
    cpu_base_runs = [r["cpuCores"] - per_k * r["samplesPerSecond"] / 1000.0 for r in results]
    blk = [r["projected2hBlockBytesPerSample"] for r in work]
    walv = [r["walBytesPerSample"] for r in work]
    head = [r["projected2hHeadChunkBytesPerSample"] for r in work]
    self_series = [r["selfSeries"] for r in results]

    def mean(v):
        v = [x for x in v if x is not None]
        return sum(v) / len(v)

    qb = [r["queryBenchmark"] for r in results if r.get("queryBenchmark")]
    query_cs, query_note = 0.01, "not measured"
    qspread = {"min": 0.01, "max": 0.01, "stddev": 0.0, "runs": 0}
    if qb and not qb[0]["disturbedByCompaction"] and qb[0]["queryCoreSeconds"] > 0 and qb[0]["errors"] == 0:
        query_cs = qb[0]["queryCoreSeconds"]
        query_note = "measured"
        qspread = {"min": query_cs, "max": query_cs, "stddev": 0.0, "runs": 1}

    fits = {
        "rss": {"perSeriesBytes": per_series, "baseBytes": base_b, "stdErrPerSeries": se_ps,
                "stdErrBase": se_b, "r2": r2_mem},
        "cpu": {"perKSamples": per_k, "base": cpu_base, "stdErrPerK": se_pk, "stdErrBase": se_cb, "r2": r2_cpu},
        "queryCost": query_note,
    }
    out = {
        "source": ("measured by bench/calibrate-prometheus on %s: %d Prometheus runs against a synthetic exporter "
                   "(%s series, 5 s and 15 s scrape intervals), %s/%s blocks projected to 2-hour blocks; least-squares "
                   "fits RSS = base + series x perSeries (r2 %.3f) and CPU = base + samples/s/1000 x perK (r2 %.3f)"
                   % (datetime.date.today().isoformat(), len(results),
                      "/".join(sorted(set(str(r["series"]) for r in results), key=int)),
                      MIN_BLOCK, MAX_BLOCK, r2_mem, r2_cpu)),
        "prometheusVersion": prom_version(),
        "measuredAt": datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat().replace(
            "+00:00", "Z"),
        "machine": machine(),
        "valueMix": ("synthetic_exporter.py defaults (--counter-share 0.4 --gauge-share 0.3 --histogram-share 0.3 "
                     "--buckets 10 --constant-gauge-fraction 0.3 --float-counter-fraction 0.1): 40% counters "
                     "(integer request counts with log-normal rates and Poisson-like increments, 10% float "
                     "cpu-seconds-like), 30% gauges (30% constant, rest half integer / half full-precision float "
                     "random walks), 30% histogram series (10 buckets incl. +Inf, _sum, _count); labels "
                     "service (20 values)/route/method/status; each run's exact counts are in runs[].exporterMix"),
        "blockBytesPerSample": r6(mean(blk)),
        "walBytesPerSample": r6(mean(walv)),
        "headChunkBytesPerSample": r6(mean(head)),
        "rssBytesPerSeries": r6(per_series),
        "rssBaseMiB": r6(base_b / MIB),
        "cpuCoresPerKSamples": r6(per_k),
        "cpuBaseCores": r6(max(cpu_base, 0.0)),
        "queryCoreSeconds": r6(query_cs),
        "queryMiB": 16,
        "prometheusSelfSeries": int(statistics.median(self_series)),
        "spread": {
            "blockBytesPerSample": spread(blk),
            "walBytesPerSample": spread(walv),
            "headChunkBytesPerSample": spread(head),
            "rssBytesPerSeries": spread(rss_ps_runs),
            "rssBaseMiB": spread(rss_base_runs),
            "cpuCoresPerKSamples": spread(cpu_pk_runs),
            "cpuBaseCores": spread(cpu_base_runs),
            "queryCoreSeconds": qspread,
            "prometheusSelfSeries": spread(self_series),
        },
        "runs": [dict(r, fits=fits if i == 0 else None) for i, r in enumerate(results)],
    }
    for r in out["runs"]:
        if r.get("fits") is None:
            r.pop("fits", None)
    out["runs"][0]["totalCalibrationSeconds"] = round(time.time() - t_start)
    write_atomic(args.out, out)
    log("wrote %s (%.0f s)" % (args.out, time.time() - t_start))
    for k in ("blockBytesPerSample", "walBytesPerSample", "headChunkBytesPerSample", "rssBytesPerSeries",
              "rssBaseMiB", "cpuCoresPerKSamples", "cpuBaseCores", "queryCoreSeconds", "prometheusSelfSeries"):
        log("  %-24s %-12s %s" % (k, out[k], out["spread"].get(k)))


VALIDATION_SETS = {
    # set 1 (2026-11-26 on 2.42, 2026-12-03 on 3.5): three synthetic mixes
    "mixes": [
        ("v25k-10s", 25000, 10, ["--histogram-share", "0.2", "--seed", "7"]),
        ("v60k-30s-hist", 60000, 30, ["--histogram-share", "0.6", "--counter-share", "0.25", "--gauge-share",
                                      "0.15", "--buckets", "12", "--seed", "8"]),
        ("v5k-15s", 5000, 15, ["--histogram-share", "0.1", "--constant-gauge-fraction", "0.5", "--seed", "9"]),
    ],
    # set 2: scrape intervals the fit never saw (30 s fleet, 60 s, 20 s) and other mixes
    "intervals": [
        ("v-fleet-24n-30s", ("fleet", 24, 2), 30, []),
        ("v30k-60s-const", 30000, 60, ["--histogram-share", "0.2", "--constant-gauge-fraction", "0.6", "--seed", "11"]),
        ("v15k-20s-hist", 15000, 20, ["--histogram-share", "0.45", "--counter-share", "0.35", "--buckets", "8",
                                      "--seed", "12"]),
    ],
}


def validate(args, base):
    t_start = time.time()
    sets = ["mixes", "intervals"] if args.set == "all" else [args.set]
    cfg = [c for k in sets for c in VALIDATION_SETS[k]]
    if args.quick:
        cfg = [("v3k-10s", 3000, 10, ["--histogram-share", "0.2", "--seed", "7"])]
    results = []
    for k in sets if not args.quick else ["quick"]:
        wave_cfg = cfg if args.quick else VALIDATION_SETS[k]
        runs = []
        for (n, s, iv, ea) in wave_cfg:
            if isinstance(s, tuple):
                runs.append(FleetRun(n, s[1], s[2], iv, base, min_s=args.min_seconds, max_s=args.max_seconds,
                                     min_blocks=args.min_blocks, stop_rule="validation", wave=k))
            else:
                runs.append(Run(n, s, iv, base, exporter_args=ea, min_s=args.min_seconds, max_s=args.max_seconds,
                                min_blocks=args.min_blocks, stop_rule="validation", wave=k))
        results += run_wave(runs, "validation set %s (concurrent)" % k)
    wl = []
    for r, (n, s, iv, ea) in zip(results, cfg):
        s = r["series"]
        hs = float(ea[ea.index("--histogram-share") + 1]) if "--histogram-share" in ea else 0.3
        if (r.get("valueChanges") or {}).get("histogramSeriesShare") is not None and not ea:
            hs = r["valueChanges"]["histogramSeriesShare"]
        d = r["disk"]
        alloc = lambda k: d[k]["allocatedBytes"] / GIB  # noqa: E731
        appar = lambda k: d[k]["apparentBytes"] / GIB  # noqa: E731
        wl.append({
            "name": n,
            "series": s,
            "scrapeIntervalSeconds": iv,
            "histogramShare": hs,
            "exporterArgs": " ".join(ea),
            "valueMix": r["exporterMix"],
            "durationSeconds": r["durationSeconds"],
            "headSeries": r["headSeries"],
            "samplesPerSecond": r["samplesPerSecond"],
            "rssMiB": r["rssMiB"],
            "rssMaxMiB": r["rssMaxMiB"],
            "heapInuseMiB": r["heapInuseMiB"],
            "cpuCores": r["cpuCores"],
            "selfSeries": r["selfSeries"],
            "dataDirGiB": sum(alloc(k) for k in d),
            "blocksGiB": alloc("blocks"),
            "walGiB": alloc("wal"),
            "headChunksGiB": alloc("chunksHead"),
            "headChunksWrittenGiB": r["headChunks"]["fileBytes"] / GIB,
            "dataDirApparentGiB": sum(appar(k) for k in d),
            "blockCount": r["blockCount"],
            "blockLevels": [b["level"] for b in r["blocks"]],
            "retainedSeconds": r["blockSeconds"],
            "blockSamples": r["blockSamples"],
            "blockBytesPerSample": r["measuredBlockBytesPerSample"],
            "projected2hBlockBytesPerSample": r["projected2hBlockBytesPerSample"],
            "walBytesPerSample": r["walBytesPerSample"],
            "headChunkBytesPerSample": r["measuredHeadChunkBytesPerSample"],
            "projected2hHeadChunkBytesPerSample": r["projected2hHeadChunkBytesPerSample"],
            "detail": r,
        })
    out = {
        "source": "measured by bench/validate-prometheus on %s; workloads not used for fitting" % (
            datetime.date.today().isoformat()),
        "prometheusVersion": prom_version(),
        "measuredAt": datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat().replace(
            "+00:00", "Z"),
        "machine": machine(),
        "units": ("GiB = 2^30 bytes of allocated disk (du); MiB = 2^20 bytes; samplesPerSecond from "
                  "prometheus_tsdb_head_samples_appended_total over the steady window; retainedSeconds = sum of "
                  "(maxTime - minTime) of the compacted blocks; *BytesPerSample = bytes / samples (blocks: "
                  "numSamples in meta.json; short %s/%s blocks, projected2h* = the same data projected to 2-hour "
                  "blocks); the three workloads ran concurrently on the 2 cores" % (MIN_BLOCK, MAX_BLOCK)),
        "totalSeconds": round(time.time() - t_start),
        "workloads": wl,
    }
    if args.append and os.path.exists(args.out):
        # keep the workloads of an earlier run of the other set (their names differ)
        with open(args.out) as f:
            old = json.load(f)
        names = {w["name"] for w in wl}
        kept = [w for w in old.get("workloads", []) if w["name"] not in names]
        out["workloads"] = kept + wl
        out["earlierRuns"] = {"measuredAt": old.get("measuredAt"), "workloads": [w["name"] for w in kept]}
    write_atomic(args.out, out)
    log("wrote %s (%.0f s)" % (args.out, time.time() - t_start))
    for w in wl:
        log("  %s: series=%d samples/s=%.0f rss=%.0fMiB data=%.4fGiB blocks=%.4fGiB wal=%.4fGiB head=%.4fGiB "
            "retained=%.0fs B/sample=%.3f" % (w["name"], w["headSeries"], w["samplesPerSecond"], w["rssMiB"],
                                               w["dataDirGiB"], w["blocksGiB"], w["walGiB"], w["headChunksGiB"],
                                               w["retainedSeconds"], w["blockBytesPerSample"] or -1))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("mode", choices=["calibrate", "validate", "fleet"])
    p.add_argument("--idle-json", help="fleet: a calibration file whose rssBaseMiB and cpuBaseCores are subtracted")
    p.add_argument("--out", required=True)
    p.add_argument("--quick", action="store_true", help="a short smoke run (not for committing)")
    p.add_argument("--min-seconds", type=int, default=None)
    p.add_argument("--max-seconds", type=int, default=None)
    p.add_argument("--keep", action="store_true", help="keep the temporary data directories")
    p.add_argument("--set", choices=["all", "mixes", "intervals"], default="all",
                   help="validate: which workloads (each set is one wave of 3 concurrent runs)")
    p.add_argument("--min-blocks", type=int, default=3, help="validate: blocks each run waits for")
    p.add_argument("--append", action="store_true",
                   help="validate: keep the workloads of --out that this run does not measure")
    args = p.parse_args()
    if args.min_seconds is None:
        args.min_seconds = 900 if args.mode == "validate" else 360
    if args.max_seconds is None:
        args.max_seconds = 1320 if args.mode == "validate" else 810
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    base = tempfile.mkdtemp(prefix="promplan-bench-")
    log("work dir %s" % base)
    try:
        if args.mode == "calibrate":
            calibrate(args, base)
        elif args.mode == "fleet":
            fleet(args, base)
        else:
            validate(args, base)
    finally:
        _stopping.set()
        stop_all()
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
