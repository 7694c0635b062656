# SPDX-License-Identifier: GPL-2.0-only
"""The regime map (utils/sweep.py --preset regime, doc/regime-map.rst): time to the target
accuracy and compute load of the schemes over slow fraction x slowdown, for persistent,
transient and Pareto stragglers, in a compute-dominated and a network-dominated regime, for
several n; 5 runs per point (mean and 95% confidence interval, Student's t).

Points: one per (workers, regime, stragglers, slow fraction, slowdown, scheme). A cell with
slow fraction 0 or slowdown 1 has no stragglers: persistent and transient share one point
("none", shifted-exponential compute times), Pareto has its own (Pareto times, nobody slowed).

Outputs in the output root:
  regime.csv       one row per point: runs, how many reached the target, time to the target
                   and compute loads (mean, 95% CI half-width), storage redundancy
  regime-map.csv   one row per map cell: two-stage's mean time to the target over uncoded's
                   and over the best other scheme's, and whether the intervals overlap
  regime-map.png, regime-map-best.png     the two ratios as heat maps
  regime-time.png, regime-load.png        time and load against slowdown at one slow
                                          fraction, every scheme, with 95% CIs
"""

import math
import os

import plots
from common import UserError, flag_value
from sweepfiles import read_summary

SCHEMES = ["uncoded", "cyclic-repetition", "fractional-repetition", "approximate", "two-stage"]
MODELS = ["persistent", "transient", "pareto"]
# The two regimes: the network flags and the compute time per partition.
REGIMES = {
    "compute": ["--network=ideal", "--computeUnitMs=100"],
    "network": ["--network=p2p", "--p2pRate=20Mbps", "--p2pDelay=1ms", "--computeUnitMs=10"],
}
METRICS = ["time_to_target_s", "mean_compute_load", "compute_load_done", "storage_redundancy",
           "reached_target"]


def _numbers(text, what, kind):
    try:
        values = [kind(v) for v in text.split(",")]
    except ValueError:
        raise UserError(f"--{what}={text}: expected a comma-separated list of numbers",
                        status=2) from None
    if not values:
        raise UserError(f"--{what}={text}: empty", status=2)
    return values


def _names(text, what, allowed):
    values = text.split(",")
    for v in values:
        if v not in allowed:
            raise UserError(f"--{what}={text}: {v!r} is not one of {', '.join(allowed)}",
                            status=2)
    return values


def axes(options):
    """The map's axes from the preset options (utils/sweep.py --map-*)."""
    workers = _numbers(options["map-workers"], "map-workers", int)
    fractions = _numbers(options["map-fractions"], "map-fractions", float)
    slowdowns = _numbers(options["map-slowdowns"], "map-slowdowns", float)
    if any(n < 2 for n in workers):
        raise UserError(f"--map-workers={options['map-workers']}: every n must be >= 2",
                        status=2)
    if any(not 0 <= f <= 1 for f in fractions):
        raise UserError(f"--map-fractions={options['map-fractions']}: must be in [0, 1]",
                        status=2)
    if any(d < 1 for d in slowdowns):
        raise UserError(f"--map-slowdowns={options['map-slowdowns']}: must be >= 1", status=2)
    return {"workers": workers, "fractions": fractions, "slowdowns": slowdowns,
            "regimes": _names(options["map-regimes"], "map-regimes", list(REGIMES)),
            "models": _names(options["map-stragglers"], "map-stragglers", MODELS),
            "schemes": _names(options["map-schemes"], "map-schemes", SCHEMES)}


def _num(x):
    return f"{x:g}"


def cell_key(model, fraction, slowdown):
    """(stragglers, slow_fraction, slowdown) of the point that a map cell reads."""
    if fraction == 0 or slowdown == 1:
        return ("pareto" if model == "pareto" else "none", "0", "1")
    return (model, _num(fraction), _num(slowdown))


def _straggler_flags(stragglers, fraction, slowdown):
    if stragglers == "none":
        return ["--slowFraction=0"]
    if stragglers == "transient":
        return ["--slowFraction=0", f"--ns3::ComputeTimeModel::TransientProbability={fraction}",
                f"--ns3::ComputeTimeModel::TransientFactor={slowdown}"]
    flags = [f"--slowFraction={fraction}", f"--slowdown={slowdown}"]
    return flags + (["--distribution=pareto"] if stragglers == "pareto" else [])


def _fractional_s(n, s):
    """The smallest s' >= s with (s' + 1) | n (fractional repetition's condition)."""
    while s < n - 1 and n % (s + 1) != 0:
        s += 1
    return s


def regime_points(options, flags):
    """-> [({workers, regime, stragglers, slow_fraction, slowdown, scheme}, [flags])]."""
    a = axes(options)
    stragglers = flag_value(flags, "stragglers", "")
    if not stragglers.isdigit():
        raise UserError(f"--stragglers={stragglers}: must be an integer", status=2)
    keys = []
    for model in a["models"]:
        for f in a["fractions"]:
            for d in a["slowdowns"]:
                key = cell_key(model, f, d)
                if key not in keys:
                    keys.append(key)
    points = []
    for n in a["workers"]:
        for regime in a["regimes"]:
            for model, f, d in keys:
                for scheme in a["schemes"]:
                    own = [f"--workers={n}", f"--scheme={scheme}"] + REGIMES[regime]
                    if scheme == "fractional-repetition":
                        own.append(f"--stragglers={_fractional_s(n, int(stragglers))}")
                    params = {"workers": str(n), "regime": regime, "stragglers": model,
                              "slow_fraction": f, "slowdown": d, "scheme": scheme}
                    points.append((params, own + _straggler_flags(model, f, d)))
    return points


def _stats(values):
    """-> (n, mean, 95% CI half-width) over the finite values."""
    xs = [v for v in values if not math.isnan(v) and not math.isinf(v)]
    if not xs:
        return 0, math.nan, math.nan
    mean = sum(xs) / len(xs)
    if len(xs) < 2:
        return len(xs), mean, math.nan
    from scipy.stats import t  # only after the runs: --help works without scipy

    sd = math.sqrt(sum((x - mean) ** 2 for x in xs) / (len(xs) - 1))
    return len(xs), mean, float(t.ppf(0.975, len(xs) - 1)) * sd / math.sqrt(len(xs))


def _fmt(x):
    return "nan" if math.isnan(x) else f"{x:.6g}"


PARAMS = ["workers", "regime", "stragglers", "slow_fraction", "slowdown", "scheme"]


def point_table(ctx):
    """{params tuple: {metric: (n, mean, ci)} and 'runs'} over every point's runs."""
    by_point = {}
    for e in ctx.entries:
        path = os.path.join(ctx.out, e["run_dir"], "summary.csv")
        if not os.path.isfile(path):
            raise UserError(f"{path} not found: the run failed (see its log.txt)")
        _, _, values = read_summary(path)
        key = tuple(e["params"][p] for p in PARAMS)
        by_point.setdefault(key, []).append(values)
    table = {}
    for key, runs in by_point.items():
        row = {"runs": len(runs)}
        for m in METRICS:
            if m in runs[0]:
                row[m] = _stats([float(r[m]) for r in runs])
        # A point reached the target only if every run did: a mean over the runs that
        # reached it would flatter a scheme that sometimes does not.
        row["all_reached"] = all(r["reached_target"] == "1" for r in runs)
        table[key] = row
    return table


def write_points(path, table):
    metrics = [m for m in METRICS if m != "reached_target" and
               any(m in row for row in table.values())]
    head = PARAMS + ["runs", "reached"] + [f"{m}_{s}" for m in metrics for s in ("mean", "ci95")]
    lines = [",".join(head)]
    for key, row in table.items():
        reached = row["reached_target"][1] * row["runs"]
        cells = list(key) + [str(row["runs"]), f"{reached:.0f}"]
        for m in metrics:
            _, mean, ci = row.get(m, (0, math.nan, math.nan))
            cells += [_fmt(mean), _fmt(ci)]
        lines.append(",".join(cells))
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(line + "\n" for line in lines))


def _time(table, key):
    """(mean, ci) of the time to the target, (nan, nan) unless every run reached it."""
    row = table.get(key)
    if row is None or not row["all_reached"]:
        return math.nan, math.nan
    return row["time_to_target_s"][1], row["time_to_target_s"][2]


def map_cells(table, a):
    """The map: one dict per (workers, regime, stragglers, fraction, slowdown) cell."""
    cells = []
    for n in a["workers"]:
        for regime in a["regimes"]:
            for model in a["models"]:
                for f in a["fractions"]:
                    for d in a["slowdowns"]:
                        base = (str(n), regime) + cell_key(model, f, d)
                        ts, ts_ci = _time(table, base + ("two-stage",))
                        un, un_ci = _time(table, base + ("uncoded",))
                        others = [(s,) + _time(table, base + (s,)) for s in a["schemes"]
                                  if s != "two-stage"]
                        others = [o for o in others if not math.isnan(o[1])]
                        best = min(others, key=lambda o: o[1]) if others else ("-", math.nan,
                                                                                math.nan)
                        cells.append({"workers": n, "regime": regime, "stragglers": model,
                                      "fraction": f, "slowdown": d, "two_stage": ts,
                                      "two_stage_ci": ts_ci, "uncoded": un, "uncoded_ci": un_ci,
                                      "best": best[0], "best_time": best[1],
                                      "best_ci": best[2]})
    return cells


def _overlap(m1, c1, m2, c2):
    if any(math.isnan(x) for x in (m1, c1, m2, c2)):
        return "nan"
    return "1" if abs(m1 - m2) <= c1 + c2 else "0"


def write_map(path, cells):
    lines = ["workers,regime,stragglers,slow_fraction,slowdown,two_stage_time_s,"
             "two_stage_ci95,uncoded_time_s,uncoded_ci95,ratio_to_uncoded,ci_overlap_uncoded,"
             "best_other,best_other_time_s,best_other_ci95,ratio_to_best_other,"
             "ci_overlap_best_other"]
    for c in cells:
        lines.append(",".join([
            str(c["workers"]), c["regime"], c["stragglers"], _num(c["fraction"]),
            _num(c["slowdown"]), _fmt(c["two_stage"]), _fmt(c["two_stage_ci"]),
            _fmt(c["uncoded"]), _fmt(c["uncoded_ci"]), _fmt(c["two_stage"] / c["uncoded"]),
            _overlap(c["two_stage"], c["two_stage_ci"], c["uncoded"], c["uncoded_ci"]),
            c["best"], _fmt(c["best_time"]), _fmt(c["best_ci"]),
            _fmt(c["two_stage"] / c["best_time"]),
            _overlap(c["two_stage"], c["two_stage_ci"], c["best_time"], c["best_ci"])]))
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(line + "\n" for line in lines))


def axes_of_runs(entries):
    """The map's axes from the runs in manifest.csv (so that --collect-only needs no
    options)."""
    seen = {p: [] for p in PARAMS}
    for e in entries:
        for p in PARAMS:
            if e["params"][p] not in seen[p]:
                seen[p].append(e["params"][p])
    models = [m for m in MODELS if m in seen["stragglers"]] or ["persistent"]
    return {"workers": sorted(int(n) for n in seen["workers"]),
            "regimes": [r for r in REGIMES if r in seen["regime"]],
            "models": models,
            "fractions": sorted(float(f) for f in seen["slow_fraction"]),
            "slowdowns": sorted(float(d) for d in seen["slowdown"]),
            "schemes": [s for s in SCHEMES if s in seen["scheme"]]}


def collect_regime(ctx):
    """regime.csv, regime-map.csv and the figures; prints the cells where two-stage is more
    than 10% slower than uncoded."""
    a = axes_of_runs(ctx.entries)
    table = point_table(ctx)
    write_points(os.path.join(ctx.out, "regime.csv"), table)
    cells = map_cells(table, a)
    path = os.path.join(ctx.out, "regime-map.csv")
    write_map(path, cells)
    slower = [c for c in cells if c["two_stage"] > 1.1 * c["uncoded"]]
    missing = [c for c in cells if math.isnan(c["two_stage"])]
    print(f"regime: {len(cells)} cells in {path}; two-stage more than 10% slower than uncoded "
          f"in {len(slower)}, did not reach the target in every run in {len(missing)}")
    for c in slower:
        print(f"  n={c['workers']} {c['regime']} {c['stragglers']} fraction {c['fraction']:g} "
              f"slowdown {c['slowdown']:g}: {c['two_stage']:.3f} s vs uncoded "
              f"{c['uncoded']:.3f} s")
    if ctx.plots:
        for png in plots.regime_figures(ctx.out, a, cells, table):
            print(f"figure: {png}")
