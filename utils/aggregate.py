#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Aggregates a sweep written by utils/sweep.py: mean, standard deviation and 95% confidence
interval per grid point and summary metric, and gnuplot error-bar plots.

  utils/aggregate.py results/sweep                        # -> results/sweep/aggregate.csv
  utils/aggregate.py results/sweep --plot time_to_target_s --x workers --series scheme

Reads <root>/manifest.csv and the summary.csv of every run folder it lists. Output, one row
per grid point and metric, in manifest point order and summary.csv column order:

  point,<grid parameters...>,metric,runs,n,mean,stddev,ci95_halfwidth,ci95_low,ci95_high

runs: runs of the point; n: runs whose value is a finite number (nan is how summary.csv says
"not available", e.g. time_to_target_s when the target accuracy was not reached: n is then
the number of runs that reached it, and mean/stddev/CI are over those runs only; the metric
reached_target gives the fraction). stddev is the sample standard deviation (n - 1 in the
denominator), ci95_halfwidth = t(0.975, n - 1) * stddev / sqrt(n) with Student's t quantile
(scipy). With n = 0 every statistic is nan; with n = 1 stddev and the CI are nan. Numbers are
printed with 10 significant digits, so the same runs give a byte-identical file.
"""

import argparse
import csv
import math
import os
import statistics
import sys

import plots
from common import UserError, run_main
from sweepfiles import EXTRA_METRICS, read_manifest, read_run_extras, read_summary

PROG = "aggregate.py"
# summary.csv columns that describe the run, not a result.
NOT_METRICS = {"scheme", "network", "workers", "stragglers", "rng_run", "target_accuracy"}


def fmt(x):
    """Deterministic number formatting: 10 significant digits, 'nan' for missing."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "nan"
    if x == 0:
        return "0"
    return f"{x:.10g}"


def t_quantile(p, dof):
    from scipy.stats import t  # imported here: --help works without scipy

    return float(t.ppf(p, dof))


def stats(values):
    """-> (n, mean, stddev, ci95 half-width) over the finite values."""
    xs = [v for v in values if not math.isnan(v) and not math.isinf(v)]
    n = len(xs)
    if n == 0:
        return 0, math.nan, math.nan, math.nan
    # statistics.mean and stdev use exact rational arithmetic: correctly rounded, and 0 for
    # equal values.
    mean = statistics.mean(xs)
    if n == 1:
        return 1, mean, math.nan, math.nan
    sd = statistics.stdev(xs)
    half = t_quantile(0.975, n - 1) * sd / math.sqrt(n)
    return n, mean, sd, half


def to_float(text):
    try:
        return float(text)
    except ValueError:
        return None


def aggregate(root, allow_missing):
    params, entries = read_manifest(root)
    columns = None
    per_point = {}
    point_params = {}
    missing = []
    for e in entries:
        path = os.path.join(root, e["run_dir"], "summary.csv")
        if not os.path.isfile(path):
            missing.append(path)
            continue
        _, _, values = read_summary(path)
        cols = list(values)
        if columns is None:
            columns = cols
        elif cols != columns:
            raise UserError(f"{path}: columns differ from the other runs' summary.csv")
        values.update(read_run_extras(root, e["run_dir"], values))
        per_point.setdefault(e["point"], []).append(values)
        point_params[e["point"]] = e["params"]
    if missing:
        if not allow_missing or len(missing) == len(entries):
            raise UserError(f"{len(missing)} of {len(entries)} runs have no summary.csv, "
                            f"e.g. {missing[0]} (failed or not run; see its log.txt"
                            f"{'' if allow_missing else ', or use --allow-missing'})")
        print(f"{PROG}: warning: skipping {len(missing)} runs without summary.csv, e.g. "
              f"{missing[0]}", file=sys.stderr)
    metrics = []
    for c in columns + [m for m in EXTRA_METRICS if m not in columns]:
        if c in NOT_METRICS:
            continue
        vals = [to_float(v[c]) for runs in per_point.values() for v in runs]
        if c not in columns and all(math.isnan(v) for v in vals):
            continue  # an extra metric no run has (no admission.csv / flowmon.xml)
        if all(v is not None for v in vals):
            metrics.append(c)
    rows = []
    for point in sorted(per_point):
        runs = per_point[point]
        for m in metrics:
            n, mean, sd, half = stats([to_float(r[m]) for r in runs])
            low = mean - half if not math.isnan(half) else math.nan
            high = mean + half if not math.isnan(half) else math.nan
            rows.append({"point": point, "params": point_params[point], "metric": m,
                         "runs": len(runs), "n": n, "mean": mean, "stddev": sd,
                         "ci95": half, "low": low, "high": high})
    return params, metrics, rows


def write_csv(path, params, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["point"] + params + ["metric", "runs", "n", "mean", "stddev",
                                         "ci95_halfwidth", "ci95_low", "ci95_high"])
        for r in rows:
            w.writerow([r["point"]] + [r["params"][p] for p in params] +
                       [r["metric"], r["runs"], r["n"], fmt(r["mean"]), fmt(r["stddev"]),
                        fmt(r["ci95"]), fmt(r["low"]), fmt(r["high"])])


def default_label(metric):
    """A y-axis label with the unit the summary.csv column name implies."""
    words = metric.split("_")
    unit = None
    if words[-1] == "s":
        words, unit = words[:-1], "s"
    elif "bytes" in words:
        unit = "bytes"
    elif "accuracy" in words or words[0] in ("reached", "jain"):
        unit = "fraction"
    elif "load" in words:
        unit = "partitions"
    elif "iterations" in words or words[0] == "chunks":
        unit = "count"
    label = " ".join(words)
    return f"{label} ({unit})" if unit else label


def plot(args, params, metrics, rows):
    if args.plot not in metrics:
        raise UserError(f"--plot {args.plot}: not a metric of these runs; allowed: "
                        f"{', '.join(metrics)}")
    for flag, name in (("--x", args.x), ("--series", args.series)):
        if name is not None and name not in params:
            raise UserError(f"{flag} {name}: not a grid parameter; allowed: "
                            f"{', '.join(params)}")
    if args.series is not None and args.series == args.x:
        raise UserError("--series must differ from --x")
    where = {}
    for item in args.where:
        k, eq, v = item.partition("=")
        if not eq or k not in params:
            raise UserError(f"--where {item}: expected PARAM=VALUE with PARAM one of "
                            f"{', '.join(params)}")
        where[k] = v
    selected = [r for r in rows if r["metric"] == args.plot and
                all(r["params"][k] == v for k, v in where.items())]
    if not selected:
        raise UserError("no grid point matches --where " + " ".join(args.where))
    free = [p for p in params if p not in (args.x, args.series) and p not in where and
            len({r["params"][p] for r in selected}) > 1]
    if free:
        raise UserError(f"parameter(s) {', '.join(free)} vary too: fix them with --where "
                        f"{free[0]}=VALUE or use --series")
    xs_text = []
    for r in selected:
        if r["params"][args.x] not in xs_text:
            xs_text.append(r["params"][args.x])
    numeric_x = all(to_float(x) is not None for x in xs_text)
    if numeric_x:
        xs_text.sort(key=float)
    series = []
    for r in selected:
        s = r["params"][args.series] if args.series else ""
        if s not in series:
            series.append(s)
    png = args.png or os.path.join(args.root, f"{args.plot}-vs-{args.x}.png")
    k = len(series)
    blocks = []
    for si, s in enumerate(series):
        pts = [r for r in selected if (r["params"][args.series] if args.series else "") == s]
        pts.sort(key=lambda r: xs_text.index(r["params"][args.x]))
        data = []
        for r in pts:
            xi = xs_text.index(r["params"][args.x])
            if numeric_x:
                xpos = float(r["params"][args.x])
            else:  # categories: side by side
                xpos = xi + (si - (k - 1) / 2) * 0.08
            ci = r["ci95"] if not math.isnan(r["ci95"]) else 0.0
            data.append(f"{fmt(xpos)} {plots.gp_quote(r['params'][args.x])} {fmt(r['mean'])} "
                        f"{fmt(ci)} {r['n']} {r['runs']}")
        blocks.append((f"{args.series}={s}" if args.series else args.plot,
                       f"# {args.series}={s}" if args.series else "# all", data))
    header = [f"# {args.plot} vs {args.x}" +
              (f", one block per {args.series}" if args.series else ""),
              "# x_position x_label mean ci95_halfwidth n runs"]
    ns = {r["n"] for r in selected}
    over = f" over {ns.pop()} runs" if len(ns) == 1 else " (runs with a value: see .dat)"
    labels = {"xlabel": args.xlabel or args.x, "ylabel": args.ylabel or default_label(args.plot),
              "title": args.title or (f"{args.plot} vs {args.x}: mean and 95% CI{over}" +
                                      (" (" + ", ".join(f"{k}={v}" for k, v in where.items()) +
                                       ")" if where else ""))}
    if not numeric_x:
        xticks = [(x, i) for i, x in enumerate(xs_text)]
    else:
        xticks = [(x, x) for x in xs_text] if len(xs_text) <= 12 else None
    return plots.errorbar_figure(png, header, blocks, xticks, labels, numeric_x, args.logx)


def main(argv):
    p = argparse.ArgumentParser(
        prog=PROG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Mean, standard deviation and 95%% confidence interval (Student t) per "
        "grid point and summary metric of a sweep written by utils/sweep.py, and gnuplot "
        "error-bar plots.",
        epilog="examples:\n"
        "  utils/aggregate.py results/sweep\n"
        "  utils/aggregate.py results/sweep --plot time_to_target_s --x workers --series scheme\n"
        "  utils/aggregate.py results/sweep --plot final_accuracy --x lossRate \\\n"
        "      --series scheme --where workers=10\n"
        "nan values (e.g. time_to_target_s when the target was not reached) are left out;\n"
        "n counts the runs that have a number. See doc/parameter-studies.rst.")
    p.add_argument("root", help="the sweep's output root (holds manifest.csv)")
    p.add_argument("--out", help="aggregated CSV (default <root>/aggregate.csv)")
    p.add_argument("--allow-missing", action="store_true",
                   help="skip runs without summary.csv (default: error)")
    p.add_argument("--plot", metavar="METRIC", help="plot this metric (a summary.csv column)")
    p.add_argument("--x", metavar="PARAM", help="with --plot: the grid parameter on the x axis")
    p.add_argument("--series", metavar="PARAM",
                   help="with --plot: one line per value of this grid parameter")
    p.add_argument("--where", action="append", default=[], metavar="PARAM=VALUE",
                   help="with --plot: keep only the points with this parameter value")
    p.add_argument("--png", help="with --plot: output file (default <root>/<metric>-vs-<x>.png;"
                   " the .dat and .gp files go next to it)")
    p.add_argument("--xlabel", help="x-axis label (default: the parameter name)")
    p.add_argument("--ylabel", help="y-axis label, with the unit (default: the metric name)")
    p.add_argument("--title", help="plot title")
    p.add_argument("--logx", action="store_true", help="logarithmic x axis")
    args = p.parse_args(argv)
    if args.plot and not args.x:
        p.error("--plot needs --x PARAM")
    if (args.x or args.series or args.where or args.png) and not args.plot:
        p.error("--x, --series, --where and --png need --plot METRIC")
    params, metrics, rows = aggregate(args.root, args.allow_missing)
    out = args.out or os.path.join(args.root, "aggregate.csv")
    write_csv(out, params, rows)
    n_points = len({r["point"] for r in rows})
    print(f"{PROG}: {n_points} grid points x {len(metrics)} metrics -> {out}")
    if args.plot:
        png = plot(args, params, metrics, rows)
        print(f"{PROG}: plot {png}")
    return 0


if __name__ == "__main__":
    sys.exit(run_main(PROG, main, sys.argv[1:]))
