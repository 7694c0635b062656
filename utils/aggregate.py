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
import shutil
import statistics
import subprocess
import sys

PROG = "aggregate.py"
# summary.csv columns that describe the run, not a result.
NOT_METRICS = {"scheme", "network", "workers", "stragglers", "rng_run", "target_accuracy"}
MANIFEST_FIXED = ["run_dir", "point", "run", "rng_run"]


class AggregateError(Exception):
    """A user or data error: printed as one line."""


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


def read_manifest(root):
    path = os.path.join(root, "manifest.csv")
    if not os.path.isfile(path):
        raise AggregateError(f"{path} not found (is {root} an output root of utils/sweep.py?)")
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if not rows or rows[0][:4] != MANIFEST_FIXED:
        raise AggregateError(f"{path}: the header must start with {','.join(MANIFEST_FIXED)}")
    header = rows[0]
    params = header[4:]
    entries = []
    for lineno, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            raise AggregateError(f"{path}:{lineno}: {len(row)} fields, the header has "
                                 f"{len(header)}")
        try:
            point, run = int(row[1]), int(row[2])
        except ValueError:
            raise AggregateError(f"{path}:{lineno}: point and run must be integers") from None
        entries.append({"run_dir": row[0], "point": point, "run": run,
                        "params": dict(zip(params, row[4:]))})
    if not entries:
        raise AggregateError(f"{path}: no runs listed")
    return params, entries


def to_float(text):
    try:
        return float(text)
    except ValueError:
        return None


def read_summary(path):
    """-> (columns, {column: text}) of a summary.csv with one data row."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.reader(f) if r]
    if len(rows) != 2:
        raise AggregateError(f"{path}: expected a header and exactly one data row, found "
                             f"{len(rows)} lines")
    if len(rows[0]) != len(rows[1]):
        raise AggregateError(f"{path}: {len(rows[1])} values for {len(rows[0])} columns")
    return rows[0], dict(zip(rows[0], rows[1]))


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
        cols, values = read_summary(path)
        if columns is None:
            columns = cols
        elif cols != columns:
            raise AggregateError(f"{path}: columns differ from the other runs' summary.csv")
        per_point.setdefault(e["point"], []).append(values)
        point_params[e["point"]] = e["params"]
    if missing:
        if not allow_missing or len(missing) == len(entries):
            raise AggregateError(f"{len(missing)} of {len(entries)} runs have no summary.csv, "
                                 f"e.g. {missing[0]} (failed or not run; see its log.txt"
                                 f"{'' if allow_missing else ', or use --allow-missing'})")
        print(f"{PROG}: warning: skipping {len(missing)} runs without summary.csv, e.g. "
              f"{missing[0]}", file=sys.stderr)
    metrics = []
    for c in columns:
        if c in NOT_METRICS:
            continue
        vals = [to_float(v[c]) for runs in per_point.values() for v in runs]
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


def gp_quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def plot(args, params, metrics, rows):
    if args.plot not in metrics:
        raise AggregateError(f"--plot {args.plot}: not a metric of these runs; allowed: "
                             f"{', '.join(metrics)}")
    for flag, name in (("--x", args.x), ("--series", args.series)):
        if name is not None and name not in params:
            raise AggregateError(f"{flag} {name}: not a grid parameter; allowed: "
                                 f"{', '.join(params)}")
    if args.series is not None and args.series == args.x:
        raise AggregateError("--series must differ from --x")
    where = {}
    for item in args.where:
        k, eq, v = item.partition("=")
        if not eq or k not in params:
            raise AggregateError(f"--where {item}: expected PARAM=VALUE with PARAM one of "
                                 f"{', '.join(params)}")
        where[k] = v
    selected = [r for r in rows if r["metric"] == args.plot and
                all(r["params"][k] == v for k, v in where.items())]
    if not selected:
        raise AggregateError("no grid point matches --where " + " ".join(args.where))
    free = [p for p in params if p not in (args.x, args.series) and p not in where and
            len({r["params"][p] for r in selected}) > 1]
    if free:
        raise AggregateError(f"parameter(s) {', '.join(free)} vary too: fix them with --where "
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
    base = os.path.splitext(png)[0]
    dat, gp = base + ".dat", base + ".gp"
    k = len(series)
    with open(dat, "w", encoding="utf-8") as f:
        f.write(f"# {args.plot} vs {args.x}" + (f", one block per {args.series}" if
                                                 args.series else "") + "\n")
        f.write("# x_position x_label mean ci95_halfwidth n runs\n")
        for si, s in enumerate(series):
            f.write(f"# {args.series}={s}\n" if args.series else "# all\n")
            pts = [r for r in selected if (r["params"][args.series] if args.series else "") == s]
            pts.sort(key=lambda r: xs_text.index(r["params"][args.x]))
            for r in pts:
                xi = xs_text.index(r["params"][args.x])
                if numeric_x:
                    xpos = float(r["params"][args.x])
                else:  # categories: side by side
                    xpos = xi + (si - (k - 1) / 2) * 0.08
                ci = r["ci95"] if not math.isnan(r["ci95"]) else 0.0
                f.write(f"{fmt(xpos)} {gp_quote(r['params'][args.x])} {fmt(r['mean'])} "
                        f"{fmt(ci)} {r['n']} {r['runs']}\n")
            f.write("\n\n")
    ylabel = args.ylabel or default_label(args.plot)
    xlabel = args.xlabel or args.x
    ns = {r["n"] for r in selected}
    over = f" over {ns.pop()} runs" if len(ns) == 1 else " (runs with a value: see .dat)"
    title = args.title or (f"{args.plot} vs {args.x}: mean and 95% CI{over}" +
                           (" (" + ", ".join(f"{k}={v}" for k, v in where.items()) + ")"
                            if where else ""))
    lines = [
        "# Generated by utils/aggregate.py",
        "set terminal pngcairo size 900,560 enhanced font 'DejaVu Sans,11'",
        f"set output {gp_quote(png)}",
        f"set title {gp_quote(title)} noenhanced",
        f"set xlabel {gp_quote(xlabel)} noenhanced",
        f"set ylabel {gp_quote(ylabel)} noenhanced",
        "set key outside right top noenhanced",
        "set grid",
        "set bars 2",
        "set offsets graph 0.05, graph 0.05, graph 0.05, graph 0.05",
    ]
    if args.logx:
        lines.append("set logscale x")
    if not numeric_x:
        lines.append("set xtics (" + ", ".join(f"{gp_quote(x)} {i}"
                                              for i, x in enumerate(xs_text)) + ")")
    elif len(xs_text) <= 12:
        lines.append("set xtics (" + ", ".join(f"{gp_quote(x)} {x}" for x in xs_text) + ")")
    plots = []
    for si, s in enumerate(series):
        label = f"{args.series}={s}" if args.series else args.plot
        # Lines between categories would suggest an order: points only for those.
        style = "yerrorlines lw 2 pt 7" if numeric_x else "yerrorbars lw 2 pt 7 ps 1.3"
        plots.append(f"{gp_quote(dat)} index {si} using 1:3:4 with {style} "
                     f"title {gp_quote(label)}")
    lines.append("plot " + ", \\\n     ".join(plots))
    with open(gp, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    if shutil.which("gnuplot") is None:
        raise AggregateError("gnuplot is not installed (Debian package gnuplot-nox)")
    result = subprocess.run(["gnuplot", gp], capture_output=True, text=True)
    if result.returncode != 0:
        raise AggregateError(f"gnuplot {gp} failed: {result.stderr.strip()}")
    return png


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
    try:
        params, metrics, rows = aggregate(args.root, args.allow_missing)
        out = args.out or os.path.join(args.root, "aggregate.csv")
        write_csv(out, params, rows)
        n_points = len({r["point"] for r in rows})
        print(f"{PROG}: {n_points} grid points x {len(metrics)} metrics -> {out}")
        if args.plot:
            png = plot(args, params, metrics, rows)
            print(f"{PROG}: plot {png}")
        return 0
    except AggregateError as e:
        print(f"{PROG}: error: {e}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"{PROG}: error: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
