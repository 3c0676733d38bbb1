#!/usr/bin/env python3
"""Synthetic Prometheus exporter (python3 standard library only).

Serves N series in the Prometheus text exposition format on 127.0.0.1 with a value mix meant to
look like a fleet of HTTP services:

* counters (share --counter-share): request counters that grow by Poisson-like integer increments
  at a per-series rate drawn from a log-normal distribution (many error/rare series barely move),
  plus a fraction (--float-counter-fraction) of float counters (cpu-seconds-like increments);
* gauges (share --gauge-share): a fraction (--constant-gauge-fraction) never change (build info,
  config values, limits), half of the rest are integer random walks (queue depth, in-flight
  requests, bytes), the other half float random walks (temperatures, ratios, latencies);
* histograms (share --histogram-share, counted in series): http_request_duration_seconds with
  --buckets buckets (+Inf included) plus _sum and _count; each scrape adds a Poisson-like number
  of observations spread over the buckets by a per-histogram latency profile.

Labels: service, route, method, status (counters), queue/key (gauges), route/method (histograms).
Values advance with wall-clock time when scraped, so the scrape interval does not change rates.

Usage: synthetic_exporter.py --series 10000 --port 9101 [--histogram-share 0.3 ...]
       synthetic_exporter.py --series 1000 --describe      (print the mix and exit)
"""
import argparse
import http.server
import math
import random
import sys
import threading
import time

METHODS = ["GET", "POST", "PUT", "DELETE"]
STATUSES = ["200", "201", "204", "400", "404", "500", "503"]
BUCKETS_ALL = ["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10",
               "30", "60"]


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--series", type=int, required=True, help="number of series to serve")
    p.add_argument("--port", type=int, default=9101)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--services", type=int, default=20, help="distinct service label values")
    p.add_argument("--counter-share", type=float, default=0.40)
    p.add_argument("--gauge-share", type=float, default=0.30)
    p.add_argument("--histogram-share", type=float, default=0.30)
    p.add_argument("--buckets", type=int, default=10, help="buckets per histogram, +Inf included")
    p.add_argument("--constant-gauge-fraction", type=float, default=0.30)
    p.add_argument("--float-counter-fraction", type=float, default=0.10)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--describe", action="store_true", help="print the mix as one line and exit")
    a = p.parse_args(argv)
    total = a.counter_share + a.gauge_share + a.histogram_share
    if total <= 0:
        p.error("shares must add up to more than 0")
    a.counter_share, a.gauge_share, a.histogram_share = (
        a.counter_share / total, a.gauge_share / total, a.histogram_share / total)
    if not 2 <= a.buckets <= len(BUCKETS_ALL) + 1:
        p.error("--buckets must be between 2 and %d" % (len(BUCKETS_ALL) + 1))
    return a


def describe(a, counts=None):
    c = counts or plan(a)
    return ("synthetic_exporter.py mix: %d series = %d counters (%.0f%% of them float cpu-seconds-like, rest "
            "integer request counts with log-normal rates, Poisson-like increments), %d gauges (%.0f%% constant, "
            "rest half integer / half float random walks), %d histograms x (%d buckets incl. +Inf + _sum + _count) "
            "= %d histogram series (%.0f%% of series); labels service(%d values)/route/method/status"
            % (c["series"], c["counters"], 100 * a.float_counter_fraction, c["gauges"],
               100 * a.constant_gauge_fraction, c["histograms"], a.buckets, c["histogram_series"],
               100.0 * c["histogram_series"] / max(1, c["series"]), a.services))


def plan(a):
    per_hist = a.buckets + 2
    histograms = int(round(a.series * a.histogram_share / per_hist))
    hist_series = histograms * per_hist
    rest = max(0, a.series - hist_series)
    counters = int(round(rest * a.counter_share / max(1e-9, a.counter_share + a.gauge_share)))
    gauges = rest - counters
    return {"series": counters + gauges + hist_series, "counters": counters, "gauges": gauges,
            "histograms": histograms, "histogram_series": hist_series}


def label_combos(services):
    """Yields (service, i) pairs round-robin over services so every service gets its share."""
    i = 0
    while True:
        for s in range(services):
            yield "svc-%02d" % s, i
        i += 1


class Exporter:
    def __init__(self, a):
        self.a = a
        self.rng = random.Random(a.seed)
        self.lock = threading.Lock()
        self.last = time.time()
        c = plan(a)
        self.counts = c
        rng = self.rng
        combos = label_combos(a.services)

        # Counters: http_requests_total{service,route,method,status}; float ones: cpu seconds.
        self.c_names, self.c_vals, self.c_rates, self.c_float = [], [], [], []
        for k in range(c["counters"]):
            svc, i = next(combos)
            if rng.random() < a.float_counter_fraction:
                name = 'app_cpu_seconds_total{service="%s",worker="w%d"}' % (svc, i)
                self.c_float.append(True)
                self.c_rates.append(rng.uniform(0.001, 0.5))  # cpu-seconds per second
                self.c_vals.append(round(rng.uniform(0, 1000), 2))
            else:
                route = "/api/v1/r%d" % (i // (len(METHODS) * len(STATUSES)))
                method = METHODS[(i // len(STATUSES)) % len(METHODS)]
                status = STATUSES[i % len(STATUSES)]
                name = ('http_requests_total{service="%s",route="%s",method="%s",status="%s"}'
                        % (svc, route, method, status))
                self.c_float.append(False)
                # log-normal rate: median ~0.5 req/s, error statuses 20x rarer
                r = math.exp(rng.gauss(math.log(0.5), 1.5))
                if status[0] in "45":
                    r /= 20
                self.c_rates.append(r)
                self.c_vals.append(rng.randint(0, 100000))
            self.c_names.append(name)

        # Gauges: constant, integer walk, float walk.
        self.g_names, self.g_vals, self.g_kind, self.g_step = [], [], [], []
        for k in range(c["gauges"]):
            svc, i = next(combos)
            u = rng.random()
            if u < a.constant_gauge_fraction:
                name = 'app_config_value{service="%s",key="k%d"}' % (svc, i)
                self.g_kind.append(0)
                self.g_vals.append(float(rng.choice([1, 2, 4, 8, 16, 100, 1024, 65536, 0.5, 0.9])))
                self.g_step.append(0.0)
            elif u < a.constant_gauge_fraction + (1 - a.constant_gauge_fraction) / 2:
                name = 'app_queue_depth{service="%s",queue="q%d"}' % (svc, i)
                self.g_kind.append(1)
                self.g_vals.append(rng.randint(0, 50))
                self.g_step.append(float(rng.choice([1, 2, 5, 20])))
            else:
                name = 'app_latency_ratio{service="%s",route="/api/v1/r%d"}' % (svc, i)
                self.g_kind.append(2)
                self.g_vals.append(rng.uniform(0, 100))
                self.g_step.append(rng.uniform(0.01, 2.0))
            self.g_names.append(name)

        # Group each metric family's lines together (integer request counters before cpu seconds,
        # gauges by kind) so the exposition is tidy; values keep their per-series parameters.
        order = sorted(range(len(self.c_names)), key=lambda k: self.c_float[k])
        self.c_names, self.c_vals, self.c_rates, self.c_float = (
            [self.c_names[k] for k in order], [self.c_vals[k] for k in order],
            [self.c_rates[k] for k in order], [self.c_float[k] for k in order])
        order = sorted(range(len(self.g_names)), key=lambda k: self.g_kind[k])
        self.g_names, self.g_vals, self.g_kind, self.g_step = (
            [self.g_names[k] for k in order], [self.g_vals[k] for k in order],
            [self.g_kind[k] for k in order], [self.g_step[k] for k in order])

        # Histograms.
        nb = a.buckets
        les = BUCKETS_ALL[: nb - 1] + ["+Inf"]
        self.h_prefix, self.h_counts, self.h_sum, self.h_rate, self.h_cdf, self.h_mean = [], [], [], [], [], []
        self.les = les
        for k in range(c["histograms"]):
            svc, i = next(combos)
            route = "/api/v1/r%d" % (i // len(METHODS))
            method = METHODS[i % len(METHODS)]
            lbl = 'service="%s",route="%s",method="%s"' % (svc, route, method)
            self.h_prefix.append(lbl)
            # latency profile: log-normal with a per-histogram median
            med = math.exp(rng.gauss(math.log(0.08), 1.0))
            sig = rng.uniform(0.5, 1.2)
            cdf = []
            for le in les[:-1]:
                x = float(le)
                cdf.append(0.5 * (1 + math.erf((math.log(x) - math.log(med)) / (sig * math.sqrt(2)))))
            cdf.append(1.0)
            self.h_cdf.append(cdf)
            self.h_mean.append(med * math.exp(sig * sig / 2))
            self.h_rate.append(math.exp(rng.gauss(math.log(1.0), 1.3)))
            start = rng.randint(0, 50000)
            self.h_counts.append([int(start * p) for p in cdf])
            self.h_sum.append(start * self.h_mean[-1])

    def _poisson(self, lam):
        rng = self.rng
        if lam <= 0:
            return 0
        if lam < 30:
            # Knuth
            L, k, p = math.exp(-lam), 0, 1.0
            while True:
                p *= rng.random()
                if p <= L:
                    return k
                k += 1
        return max(0, int(round(rng.gauss(lam, math.sqrt(lam)))))

    def advance(self, dt):
        rng = self.rng
        pois = self._poisson
        cv, cr, cf = self.c_vals, self.c_rates, self.c_float
        for k in range(len(cv)):
            if cf[k]:
                cv[k] = round(cv[k] + cr[k] * dt * rng.uniform(0.5, 1.5), 6)
            else:
                cv[k] += pois(cr[k] * dt)
        gv, gk, gs = self.g_vals, self.g_kind, self.g_step
        for k in range(len(gv)):
            kind = gk[k]
            if kind == 1:
                gv[k] = max(0, gv[k] + int(round(rng.gauss(0, gs[k]))))
            elif kind == 2:
                gv[k] = abs(gv[k] + rng.gauss(0, gs[k]))
        for k in range(len(self.h_counts)):
            n = pois(self.h_rate[k] * dt)
            if n == 0:
                continue
            counts, cdf = self.h_counts[k], self.h_cdf[k]
            # spread n observations over the buckets: cumulative counts follow the cdf, with noise
            prev_new = 0
            for b in range(len(cdf)):
                if b == len(cdf) - 1:
                    new = n
                else:
                    exp_ = n * cdf[b]
                    new = int(exp_ + rng.random())
                    new = min(max(new, prev_new), n)
                counts[b] += new
                prev_new = new
            self.h_sum[k] += n * self.h_mean[k] * rng.uniform(0.7, 1.3)

    def render(self):
        out = []
        ap = out.append
        if self.c_names:
            ap("# HELP http_requests_total Requests (synthetic).\n# TYPE http_requests_total counter\n")
            typed = False
            for n, v, f in zip(self.c_names, self.c_vals, self.c_float):
                if f and not typed:
                    ap("# HELP app_cpu_seconds_total CPU seconds (synthetic).\n# TYPE app_cpu_seconds_total counter\n")
                    typed = True
                ap("%s %s\n" % (n, v))
        if self.g_names:
            kinds = {0: "app_config_value", 1: "app_queue_depth", 2: "app_latency_ratio"}
            last = None
            for n, v, kind in zip(self.g_names, self.g_vals, self.g_kind):
                if kind != last:
                    ap("# TYPE %s gauge\n" % kinds[kind])
                    last = kind
                ap("%s %s\n" % (n, repr(v) if isinstance(v, float) else v))
        if self.h_prefix:
            ap("# HELP http_request_duration_seconds Request latency (synthetic).\n"
               "# TYPE http_request_duration_seconds histogram\n")
            les = self.les
            for lbl, counts, s in zip(self.h_prefix, self.h_counts, self.h_sum):
                for le, c in zip(les, counts):
                    ap('http_request_duration_seconds_bucket{%s,le="%s"} %d\n' % (lbl, le, c))
                ap("http_request_duration_seconds_sum{%s} %r\n" % (lbl, s))
                ap("http_request_duration_seconds_count{%s} %d\n" % (lbl, counts[-1]))
        return "".join(out).encode()

    def scrape(self):
        with self.lock:
            now = time.time()
            dt = min(max(now - self.last, 0.0), 300.0)
            self.last = now
            self.advance(dt)
            return self.render()


def main():
    a = parse_args()
    if a.describe:
        print(describe(a))
        return 0
    if a.host not in ("127.0.0.1", "localhost", "::1"):
        print("refusing to listen on anything but loopback", file=sys.stderr)
        return 2
    exp = Exporter(a)

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            if self.path.startswith("/metrics"):
                body = exp.scrape()
                self.send_response(200)
                self.send_header("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
            elif self.path.startswith("/describe"):
                body = (describe(a, exp.counts) + "\n").encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
            else:
                body = b"see /metrics\n"
                self.send_response(404)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    srv = http.server.ThreadingHTTPServer((a.host, a.port), Handler)
    srv.daemon_threads = True
    print("synthetic exporter on %s:%d: %s" % (a.host, a.port, describe(a, exp.counts)), flush=True)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        srv.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
