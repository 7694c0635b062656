# SPDX-License-Identifier: GPL-2.0-only
"""The presets of utils/sweep.py: a preset is a sweep with its own fixed flags, grid or named
runs, defaults, and a last step that turns its runs into a table and figures.

  comparison  every gradient code on one scenario and seed, plus the no-straggler oracle, the
              ideal network and (--with-admission) two-stage with the Lyapunov admission:
              comparison.csv, the printed table and the figures (doc/scheme-comparison.rst)
  scaling     cost of an iteration against n and the network: each point with 1 and 1 + K
              iterations, measured (GNU time); scaling.csv, ratio.csv, scaling.png
              (doc/performance.rst)
  soak        peak memory against the number of iterations, measured; soak.csv
              (doc/hardening.rst)
  regime      the regime map: time to the target and compute load of the schemes over slow
              fraction x slowdown, straggler model, compute- or network-dominated regime and
              n, 5 runs per point; regime.csv, regime-map.csv and the figures
              (utils/regime.py, doc/regime-map.rst)
"""

import csv
import os
import re
from dataclasses import dataclass, field
from typing import Callable, Optional

import plots
import regime
from common import UserError, flag_value
from sweepfiles import read_load, read_measure, read_summary


@dataclass
class Option:
    """A command-line option of one preset (utils/sweep.py --<name>)."""

    name: str
    help: str
    default: object = None
    flag: bool = False  # takes no value
    metavar: str = None


@dataclass
class Context:
    """What a preset's last step reads: the output root, the runs (manifest entries), the
    exit value of each run_dir where known, and the options."""

    out: str
    entries: list
    status: dict
    options: dict
    plots: bool


@dataclass
class Preset:
    """A sweep with defaults (utils/sweep.py --preset <name>) and its last step."""

    name: str
    summary: str
    collect: Callable  # Context -> None: tables and figures from the runs
    fixed: list = field(default_factory=list)  # flags before the user's fixed arguments
    grid: list = field(default_factory=list)  # [(name, [values])]: --grid NAME=... replaces
    named_runs: Optional[Callable] = None  # (options, fixed flags) -> [(name, [flags])]
    # (options, fixed flags) -> [({parameter: value}, [flags])]: points that are not a Cartesian
    # grid, each run `runs` times (--runs replaces it); the flags override the fixed ones
    points: Optional[Callable] = None
    runs: int = None  # runs per point (None: once, and --runs is refused)
    check: Optional[Callable] = None  # grid -> None (raises UserError) before anything runs
    options: list = field(default_factory=list)
    jobs: str = None  # GNU parallel -j (None: one per CPU)
    measure: bool = False
    timeout: int = None
    out: str = None


def _require(path, what):
    if not os.path.isfile(path):
        raise UserError(f"{path} not found: {what} failed or did not run (see its log.txt)")
    return path


# --- comparison --------------------------------------------------------------------------------

SCHEMES = ["uncoded", "ignore-stragglers", "k-sync", "fractional-repetition",
           "cyclic-repetition", "approximate", "partial", "two-stage"]


def comparison_runs(options, flags):
    """Every scheme (fractional-repetition with the smallest s' >= s with (s' + 1) | n), the
    reference scheme without slow workers and on the ideal network, and with admission."""
    workers, stragglers = flag_value(flags, "workers", ""), flag_value(flags, "stragglers", "")
    if not (workers.isdigit() and stragglers.isdigit()):
        raise UserError(f"--workers={workers} --stragglers={stragglers}: must be integers",
                        status=2)
    n, s = int(workers), int(stragglers)
    while s < n - 1 and n % (s + 1) != 0:
        s += 1
    runs = [(scheme, [f"--scheme={scheme}"] +
             ([f"--stragglers={s}"] if scheme == "fractional-repetition" else []))
            for scheme in SCHEMES]
    reference = options["reference"]
    runs += [("oracle-no-stragglers", [f"--scheme={reference}", "--slowFraction=0"]),
             ("ideal-network", [f"--scheme={reference}", "--network=ideal"])]
    if options["with-admission"]:
        admission = ["--scheme=two-stage", "--admission=lyapunov"]
        if options["admission-bandwidth"]:
            # The abstract channel instead of the measured uplink.
            admission += ["--admissionChannel=rayleigh", "--admissionSlot=0.001",
                          f"--ns3::LyapunovSlotScheduler::Bandwidth={options['admission-bandwidth']}"]
        runs.append(("two-stage-lyapunov", admission))
    return runs


TABLE = [  # heading (TARGET: the target accuracy), format of the value, value
    ("run", None, lambda r: r["run"]),
    ("iterations (decoded)", None, lambda r: f"{r['iterations']} ({r['decoded_iterations']})"),
    ("time to TARGET (s)", "{:.2f}", lambda r: r["time_to_target_s"]),
    ("iterations to TARGET", "{:d}", lambda r: r["iterations_to_target"]),
    ("final accuracy", "{:.4f}", lambda r: r["final_accuracy"]),
    ("mean iteration (s)", "{:.3f}", lambda r: r["mean_iteration_time_s"]),
    ("p95 iteration (s)", "{:.3f}", lambda r: r["p95_iteration_time_s"]),
    ("compute load", "{:.1f}", lambda r: r["mean_compute_load"]),
    ("compute done", "{:.1f}", lambda r: r["compute_load_done"]),
    ("storage", "{:.1f}", lambda r: r["storage_redundancy"]),
    ("uplink kB/iteration", "{:.0f}", lambda r: float(r["uplink_bytes_per_iteration"]) / 1000),
    ("chunks lost", None, lambda r: r["chunks_lost"]),
    ("Jain admitted", "{:.3f}", lambda r: r["jain_admitted"]),
    ("energy to TARGET (J)", "{:.1f}", lambda r: r["energy_to_target_j"]),
    ("radio (J)", "{:.1f}", lambda r: r["radio_energy_to_target_j"]),
    ("compute (J)", "{:.1f}", lambda r: r["compute_energy_to_target_j"]),
    ("Jain energy", "{:.3f}", lambda r: r["jain_energy"]),
]


def comparison_table(rows):
    """comparison.csv rows as an aligned Markdown pipe table ('-' where a value is nan)."""
    if not rows:
        raise UserError("comparison.csv has no runs")

    def cell(fmt, value):
        if fmt is None:
            return value
        if value in ("nan", ""):
            return "-"
        number = float(value)
        return fmt.format(int(number) if fmt == "{:d}" else number)

    try:
        body = [[cell(fmt, get(r)) for _, fmt, get in TABLE] for r in rows]
    except KeyError as e:
        raise UserError(f"comparison.csv: missing column {e}") from None
    head = [h.replace("TARGET", rows[-1]["target_accuracy"]) for h, _, _ in TABLE]
    width = [max(len(x) for x in [h] + [b[c] for b in body]) for c, h in enumerate(head)]

    def line(cells):
        return "|" + "".join(f" {x:<{w}} |" if c == 0 else f" {x:>{w}} |"
                             for c, (x, w) in enumerate(zip(cells, width)))

    rule = "|" + "".join("-" * (w + 2) + "|" if c == 0 else "-" * (w + 1) + ":|"
                         for c, w in enumerate(width))
    return "\n".join([line(head), rule] + [line(b) for b in body])


def collect_comparison(ctx):
    """comparison.csv (run name + every run's summary.csv row, in run order), the table, the
    figures."""
    header, lines = None, []
    for e in ctx.entries:
        name = e["params"]["name"]
        path = _require(os.path.join(ctx.out, e["run_dir"], "summary.csv"), f"run {name}")
        head, row, _ = read_summary(path)
        if header is not None and head != header:
            raise UserError(f"{path} has a different header from the other runs' summary.csv")
        header = head
        lines.append(f"{name},{row}")
    path = os.path.join(ctx.out, "comparison.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(line + "\n" for line in [f"run,{header}"] + lines))
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    print()
    print(comparison_table(rows))
    print()
    print(f"comparison: {path}")
    if ctx.plots:
        for png in plots.comparison_figures(ctx.out, rows):
            print(f"figure: {png}")


# --- scaling ------------------------------------------------------------------------------------

SCALING_COLUMNS = ("network,workers,iterations,decoded,wall_s,user_s,wall_per_iter_s,"
                   "user_per_iter_s,setup_wall_s,peak_rss_mb,events,events_per_iter,load_1min")


def check_scaling(grid):
    names = [name for name, _ in grid]
    values = dict(grid)
    if not {"workers", "network", "iterations"} <= set(names):
        raise UserError("the scaling preset needs the grid parameters workers, network and "
                        f"iterations (got {', '.join(names)})", status=2)
    its = values["iterations"]
    if len(its) != 2 or its[0] != "1" or not its[1].isdigit() or int(its[1]) < 2:
        raise UserError(f"--grid iterations={','.join(its)}: the scaling preset needs "
                        "iterations=1,<1 + K> with K >= 1 (e.g. iterations=1,11)", status=2)


def _log_number(ctx, run_dir, pattern):
    with open(os.path.join(ctx.out, run_dir, "log.txt"), encoding="utf-8",
              errors="replace") as f:
        match = re.search(pattern, f.read(), re.MULTILINE)
    return match.group(1) if match else "nan"


def _scaling_row(ctx, one, many):
    """scaling.csv's row of a point from its 1-iteration and (1 + K)-iteration runs."""
    net, n = many["params"]["network"], int(many["params"]["workers"])
    steps = int(many["params"]["iterations"])
    k = steps - 1
    m1, m = read_measure(ctx.out, one["run_dir"]), read_measure(ctx.out, many["run_dir"])
    for entry, measured in ((one, m1), (many, m)):
        if measured is None and ctx.status.get(entry["run_dir"]) != 124:
            raise UserError(f"{os.path.join(ctx.out, entry['run_dir'])}: no measurement in "
                            "time.txt and no timeout: the run failed or did not run")
    if m1 is None or m is None:
        return f"{net},{n},{steps},nan,timeout,timeout,nan,nan,nan,nan,nan,nan," + \
            read_load(ctx.out, one["run_dir"])
    events = [_log_number(ctx, e["run_dir"], r"^coded-learning-sim: ([0-9]+) simulator events$")
              for e in (one, many)]
    decoded = _log_number(ctx, many["run_dir"], r" iterations \(([0-9]*) decoded\)")
    per_iter_events = "nan" if "nan" in events else \
        f"{(float(events[1]) - float(events[0])) / k:.0f}"
    return (f"{net},{n},{steps},{decoded},{m['wall_s']:.2f},{m['user_s']:.2f},"
            f"{(m['wall_s'] - m1['wall_s']) / k:.4f},{(m['user_s'] - m1['user_s']) / k:.4f},"
            f"{m1['wall_s']:.2f},{m['peak_rss_kib'] / 1024:.1f},{events[1]},{per_iter_events},"
            f"{read_load(ctx.out, one['run_dir'])}")


def _ratios(rows):
    """ratio.csv: per-iteration wall and user time over the ideal network's at the same n
    (where those are positive)."""
    cells = [r.split(",") for r in rows]
    ideal = {c[1]: (float(c[6]), float(c[7])) for c in cells if c[0] == "ideal" and c[6] != "nan"}
    out = []
    for c in sorted(cells, key=lambda c: (c[0], int(c[1]))):
        if c[0] == "ideal" or c[1] not in ideal or c[6] == "nan" or min(ideal[c[1]]) <= 0:
            continue
        out.append(f"{c[0]},{c[1]},{float(c[6]) / ideal[c[1]][0]:.3f},"
                   f"{float(c[7]) / ideal[c[1]][1]:.3f}")
    return ["network,workers,wall_ratio,user_ratio"] + out


def collect_scaling(ctx):
    """scaling.csv, ratio.csv and scaling.png from the pairs of runs of every point."""
    points = {}
    for e in ctx.entries:
        key = (e["params"]["network"], e["params"]["workers"])
        points.setdefault(key, []).append(e)
    rows = []
    for key, runs in points.items():
        runs.sort(key=lambda e: int(e["params"]["iterations"]))
        if len(runs) != 2 or runs[0]["params"]["iterations"] != "1":
            raise UserError(f"network {key[0]}, workers {key[1]}: expected a 1-iteration and a "
                            "(1 + K)-iteration run in manifest.csv")
        rows.append(_scaling_row(ctx, *runs))
    path = os.path.join(ctx.out, "scaling.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(line + "\n" for line in [SCALING_COLUMNS] + rows))
    ratios = _ratios(rows)
    with open(os.path.join(ctx.out, "ratio.csv"), "w", encoding="utf-8") as f:
        f.write("".join(line + "\n" for line in ratios))
    print("\n".join([SCALING_COLUMNS] + rows))
    if not ctx.plots:
        print(f"wrote {path} and {os.path.join(ctx.out, 'ratio.csv')}")
        return
    summaries = [os.path.join(ctx.out, e["run_dir"], "summary.csv") for e in ctx.entries]
    scheme = next((read_summary(p)[2]["scheme"] for p in summaries if os.path.isfile(p)), "?")
    suffix = f" ({ctx.options['title']})" if ctx.options["title"] else ""
    png = plots.scaling_figure(ctx.out, rows, ratios[1:], f"coded-learning-sim, {scheme}, "
                               f"Fashion-MNIST: cost per simulated iteration{suffix}")
    print(f"wrote {path}, {os.path.join(ctx.out, 'ratio.csv')} and {png}")


# --- soak ---------------------------------------------------------------------------------------


def collect_soak(ctx):
    """soak.csv: peak RSS, wall time, decoded iterations and rows of iterations.csv per run."""
    rows = ["iterations,peak_rss_kib,wall_s,decoded_iterations,csv_rows"]
    for e in ctx.entries:
        n = e["params"]["iterations"]
        measured = read_measure(ctx.out, e["run_dir"])
        iterations = _require(os.path.join(ctx.out, e["run_dir"], "iterations.csv"),
                              f"the {n}-iteration run")
        if measured is None:
            raise UserError(f"{os.path.join(ctx.out, e['run_dir'], 'time.txt')}: no "
                            "measurement: the run failed or did not run")
        with open(iterations, newline="", encoding="utf-8") as f:
            records = list(csv.DictReader(f))
        decoded = sum(1 for r in records if r["decoded"] == "1")
        rss, wall = int(measured["peak_rss_kib"]), measured["wall_s"]
        rows.append(f"{n},{rss},{wall:.2f},{decoded},{len(records)}")
        print(f"soak: {n} iterations: peak RSS {rss} KiB, {wall:.2f} s, {decoded} decoded, "
              f"{len(records)} CSV rows")
    path = os.path.join(ctx.out, "soak.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(line + "\n" for line in rows))
    print(f"soak: table in {path}")


PRESETS = {p.name: p for p in [
    Preset(
        name="comparison",
        summary="every scheme, the no-straggler oracle and the ideal network on one scenario",
        fixed=["--dataset=fashion-mnist", "--model=softmax", "--network=wifi",
               "--wifiStandard=802.11ax", "--workers=10", "--stragglers=2",
               "--slowFraction=0.2", "--slowdown=4", "--iterations=60", "--evalInterval=2",
               "--targetAccuracy=0.80"],
        named_runs=comparison_runs, collect=collect_comparison, out="results/comparison",
        options=[
            Option("with-admission", "also run two-stage with --admission=lyapunov "
                   "(run two-stage-lyapunov)", False, flag=True),
            Option("admission-bandwidth", "run two-stage-lyapunov on the scheduler's slotted "
                   "Rayleigh channel of this bandwidth (1 ms slots) instead of the measured "
                   "uplink (default: the measured uplink)", "", metavar="HZ"),
            Option("reference", "scheme of the runs oracle-no-stragglers and ideal-network "
                   "(default uncoded)", "uncoded", metavar="SCHEME")]),
    Preset(
        name="scaling",
        summary="cost per iteration against workers and network (1 and 1 + K iterations)",
        fixed=["--scheme=two-stage"],
        grid=[("workers", ["10", "50", "100", "200"]), ("network", ["wifi", "p2p", "ideal"]),
              ("iterations", ["1", "11"])],
        check=check_scaling, collect=collect_scaling, jobs="1", measure=True, timeout=900,
        out="results/scaling",
        options=[Option("title", "a suffix for the figure's title", "", metavar="TEXT")]),
    Preset(
        name="soak",
        summary="peak memory against the number of iterations",
        fixed=["--dataset=synthetic", "--network=p2p", "--workers=4", "--stragglers=1",
               "--scheme=two-stage", "--model=softmax", "--evalInterval=10"],
        grid=[("iterations", ["250", "500", "1000", "2000"])],
        collect=collect_soak, jobs="1", measure=True, out="results/soak"),
    Preset(
        name="regime",
        summary="the regime map: schemes over stragglers, regimes and n, 5 runs per point",
        fixed=["--dataset=fashion-mnist", "--trainLimit=3000", "--model=softmax",
               "--stragglers=2", "--iterations=20", "--evalInterval=1",
               "--targetAccuracy=0.75", "--deadline=10", "--energy=false"],
        points=regime.regime_points, runs=5, collect=regime.collect_regime,
        out="results/regime",
        options=[
            Option("map-workers", "numbers of workers n (default 10,30)", "10,30",
                   metavar="N,..."),
            Option("map-regimes", "regimes: compute (ideal network, computeUnitMs 100), "
                   "network (p2p 20 Mbps, computeUnitMs 10) (default both)", "compute,network",
                   metavar="R,..."),
            Option("map-stragglers", "straggler models: persistent, transient, pareto "
                   "(default all)", "persistent,transient,pareto", metavar="M,..."),
            Option("map-fractions", "slow fractions (transient: the probability that a task "
                   "is slowed; default 0,0.1,0.2,0.3,0.4)", "0,0.1,0.2,0.3,0.4",
                   metavar="F,..."),
            Option("map-slowdowns", "slowdowns (default 1,2,4,8)", "1,2,4,8", metavar="D,..."),
            Option("map-schemes", "schemes (default uncoded, cyclic-repetition, "
                   "fractional-repetition, approximate, two-stage)",
                   ",".join(regime.SCHEMES), metavar="S,...")]),
]}
