# SPDX-License-Identifier: GPL-2.0-only
"""The one path from results to figures in utils/: every PNG is drawn by gnuplot (pngcairo)
from a script that is kept next to its data (.gp, paths relative to the folder gnuplot runs
in), so a figure can be restyled and redrawn with gnuplot alone, without rerunning anything.

  comparison_figures   the scheme comparison (sweep preset comparison): accuracy over time,
                       loss, iteration-time CDF, compute load and uplink bytes, admission,
                       energy to the target accuracy (radio and compute, stacked)
  scaling_figure       the scaling benchmark (sweep preset scaling): time per iteration
                       against n per network, and the ratio to the ideal network
  errorbar_figure      utils/aggregate.py: mean and 95% CI of a metric against a parameter
"""

import csv
import math
import os
import subprocess
import sys

from common import UserError, require_program

# One colour per run of the comparison, in run order.
COLOURS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
           "#000000", "#17becf", "#bcbd22", "#7f7f7f", "#aec7e8"]
TERMINAL = "set terminal pngcairo size 1100,{height} font 'DejaVu Sans,12' enhanced"


def render(script, lines, cwd):
    """Writes the gnuplot script (lines) and runs it with the working folder cwd."""
    require_program("gnuplot", "gnuplot-nox")
    with open(script, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    result = subprocess.run(["gnuplot", os.path.relpath(script, cwd)], cwd=cwd,
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise UserError(f"gnuplot {script} failed: {result.stderr.strip()}")
    if result.stderr:
        sys.stderr.write(result.stderr)


def gp_quote(text):
    """A gnuplot double-quoted string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def awk_number(x):
    """x as awk prints a number: an integer without decimals, else 6 significant digits."""
    return str(int(x)) if x == int(x) else f"{x:.6g}"


def _write(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(line + "\n" for line in lines))


def _read_rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _comparison_data(out, data, run):
    """plot-data/<run>.accuracy (time, accuracy), .loss (iteration, loss), .times and .cdf
    (sorted iteration time, empirical CDF) from the run's iterations.csv."""
    rows = _read_rows(os.path.join(out, run, "iterations.csv"))
    if not rows:
        raise UserError(f"{os.path.join(out, run, 'iterations.csv')}: no iterations")
    t0 = float(rows[0]["sim_time_s"]) - float(rows[0]["iteration_time_s"])
    accuracy = [f"{float(r['sim_time_s']) - t0:.6f} {r['test_accuracy']}" for r in rows
                if r["test_accuracy"] != ""]
    loss = [f"{int(r['iteration']) + 1} {r['train_loss']}" for r in rows if r["train_loss"] != ""]
    times = [r["iteration_time_s"] for r in rows]
    _write(os.path.join(data, run + ".accuracy"), accuracy)
    _write(os.path.join(data, run + ".loss"), loss)
    _write(os.path.join(data, run + ".times"), times)
    ordered = sorted(times, key=lambda t: (float(t), t))
    _write(os.path.join(data, run + ".cdf"),
           [f"{t} {(i + 1) / len(ordered):.6f}" for i, t in enumerate(ordered)])


def _run_style(index, run):
    """The schemes in colours, the reference runs dashed, two-stage bold."""
    colour = COLOURS[index % len(COLOURS)]
    return {"oracle-no-stragglers": "lc rgb '#555555' dt 2 lw 2",
            "ideal-network": "lc rgb '#17becf' dt 4 lw 2",
            "two-stage-lyapunov": "lc rgb '#000000' dt 3 lw 2",
            "two-stage": f"lc rgb '{colour}' dt 1 lw 3"}.get(run, f"lc rgb '{colour}' dt 1 lw 1.5")


def _plot_list(runs, kind, with_):
    return ", \\\n    ".join(f"'plot-data/{r}.{kind}' using 1:2 with {with_} {_run_style(i, r)} "
                             f"title '{r}'" for i, r in enumerate(runs))


def _accuracy_script(runs, rows, target):
    times = [float(r["time_to_target_s"]) for r in rows if r["time_to_target_s"] != "nan"]
    latest = max([0.0] + times)
    zoom = []
    if latest > 0:  # up to 1.3 times the latest time to target, from target - 0.05
        zoom = ["set title 'Zoom: around the target'", f"set xrange [0:{1.3 * latest:.3f}]",
                f"set yrange [{target} - 0.05:*]",
                "plot " + _plot_list(runs, "accuracy", "linespoints pt 7 ps 0.6")]
    return [
        TERMINAL.format(height=1000 if zoom else 600),
        "set output 'comparison-accuracy.png'",
        f"set multiplot layout {2 if zoom else 1},1 title 'Test accuracy vs simulated time "
        f"(target {target}: dotted line)'",
        "set xlabel 'simulated time since the start of training (s)'",
        "set ylabel 'test accuracy'", "set grid", "set key outside right top",
        "set lmargin 10", "set rmargin 30", "set title 'All runs'", "set autoscale xfixmax",
        f"set arrow 1 from graph 0, first {target} to graph 1, first {target} nohead dt 3 lw 2 "
        "lc rgb '#888888'",
        "plot " + _plot_list(runs, "accuracy", "lines"),
        "unset key"] + zoom + ["unset multiplot"]


def _line_script(runs, png, title, xlabel, ylabel, kind, with_, extra):
    return [TERMINAL.format(height=650), f"set output '{png}'", f"set title '{title}'",
            f"set xlabel '{xlabel}'", f"set ylabel '{ylabel}'", "set grid",
            "set key outside right top"] + extra + ["plot " + _plot_list(runs, kind, with_)]


def _bars_script(data, rows):
    """Compute load and uplink kB per iteration, one bar per run; plot-data/bars.dat."""
    bars = [(i, r["run"], r["mean_compute_load"], float(r["uplink_bytes_per_iteration"]) / 1000)
            for i, r in enumerate(rows)]
    _write(os.path.join(data, "bars.dat"),
           [f'{i} "{run}" {load} {kb:.3f}' for i, run, load, kb in bars])
    load_max = max([0.0] + [float(b[2]) for b in bars]) * 1.18
    up_max = max([0.0] + [float(f"{b[3]:.3f}") for b in bars]) * 1.18
    bars_file = "'plot-data/bars.dat'"
    return [
        "set terminal pngcairo size 1100,800 font 'DejaVu Sans,12' enhanced",
        "set output 'comparison-load-uplink.png'",
        "set multiplot layout 2,1 title 'Resources per iteration'", "set lmargin 12",
        "set style fill solid 0.8 border -1", "set boxwidth 0.7", "set grid ytics",
        "set xtics rotate by -30 left", f"set xrange [-0.6:{len(rows)}-0.4]",
        "set ylabel 'compute load (partitions)'", f"set yrange [0:{awk_number(load_max)}]",
        "set title 'Mean compute load per iteration (10 partitions = one pass over the data)'",
        f"plot {bars_file} using 1:3:xtic(2) with boxes lc rgb '#4c72b0' notitle, \\",
        "     '' using 1:3:(sprintf('%.1f', $3)) with labels offset 0,0.7 font ',10' notitle",
        "set ylabel 'uplink (kB)'", f"set yrange [0:{awk_number(up_max)}]",
        "set title 'Mean uplink bytes per iteration (payload and headers received by the "
        "server)'",
        f"plot {bars_file} using 1:4:xtic(2) with boxes lc rgb '#dd8452' notitle, \\",
        "     '' using 1:4:(sprintf('%.0f', $4)) with labels offset 0,0.7 font ',10' notitle",
        "unset multiplot"]


def _energy_script(data, rows):
    """Energy of the workers to the target accuracy, one stacked bar per run (radio below,
    compute above); plot-data/energy.dat. A run that did not reach the target, or whose radio
    energy is not modelled (not Wi-Fi), gets no bar but a label saying why."""
    def number(r, column):
        return float(r[column]) if r[column] not in ("", "nan") else None

    lines, labels = [], []
    for i, r in enumerate(rows):
        radio, compute = number(r, "radio_energy_to_target_j"), number(r, "compute_energy_to_target_j")
        if radio is None or compute is None:
            why = "not reached" if r["reached_target"] != "1" else "no radio model"
            labels.append(f"set label {i + 1} '{why}' at first {i}, graph 0.03 rotate "
                          "font ',9' tc rgb '#555555'")
            radio = compute = float("nan")
        lines.append(f'{i} "{r["run"]}" {radio:.6g} {compute:.6g}')
    _write(os.path.join(data, "energy.dat"), lines)
    totals = [float(r["energy_to_target_j"]) for r in rows
              if r["energy_to_target_j"] not in ("", "nan")]
    target = rows[0]["target_accuracy"]
    energy = "'plot-data/energy.dat'"
    return [
        "set terminal pngcairo size 1100,650 font 'DejaVu Sans,12' enhanced",
        "set output 'comparison-energy.png'",
        f"set title 'Energy of the workers until test accuracy {target} (radio: ns-3 "
        "WifiRadioEnergyModel; compute: kappa C f^2)'",
        "set style fill solid 0.85 border -1", "set boxwidth 0.7", "set grid ytics",
        "set xtics rotate by -30 left", f"set xrange [-0.6:{len(rows)}-0.4]",
        "set ylabel 'energy to the target (J)'", "set lmargin 12",
        f"set yrange [0:{awk_number(max([1.0] + totals) * 1.18)}]",
        "set key inside left top opaque box", "set datafile missing 'nan'"] + labels + [
        f"plot {energy} using 1:($3+$4):xtic(2) with boxes lc rgb '#dd8452' title 'compute', \\",
        f"     {energy} using 1:3 with boxes lc rgb '#4c72b0' title 'radio', \\",
        f"     {energy} using 1:($3+$4):(sprintf('%.1f', $3+$4)) with labels offset 0,0.7 "
        "font ',10' notitle"]


def _admission_script(runs, workers):
    """Backlog and fairness over time of the runs with an admission.csv."""
    backlog = ", ".join(
        f"'{r}/admission.csv' using 1:3 with lines lw 1.5 lc rgb '#6a3d9a' title '{r}: queues "
        f"{{/Symbol S}}Q_i', '{r}/admission.csv' using 1:5 with lines lw 1.5 lc rgb '#e66101' "
        f"title '{r}: reservoirs {{/Symbol S}}R_i'" for r in runs)
    jain = ", ".join(
        f"'{r}/admission.csv' using 1:8 with lines lw 2 lc rgb '#6a3d9a' title '{r}: Jain index "
        f"of admitted data', '{r}/admission.csv' using 1:10 with lines lw 1.5 dt 4 lc rgb "
        f"'#e66101' title '{r}: largest worker share', '{r}/admission.csv' using 1:9 with lines "
        f"lw 1.5 dt 2 lc rgb '#1b7837' title '{r}: smallest worker share'" for r in runs)
    share = f"first 1.0 / {workers}"
    return [
        "set terminal pngcairo size 1100,800 font 'DejaVu Sans,12' enhanced",
        "set output 'comparison-admission.png'", "set datafile separator comma",
        "set multiplot layout 2,1 title 'Uplink admission (perturbed-Lyapunov scheduler at the "
        "server)'",
        "set grid", "set key inside right top opaque box", "set lmargin 10", "set rmargin 4",
        "set autoscale xfix", "set xlabel 'simulated time (s)'",
        "set ylabel 'data units (1500 B)'",
        "set title 'Backlog: admitted but not yet delivered (Q), reported but not yet admitted "
        "(R)'",
        "plot " + backlog,
        "set ylabel 'index / share of the admitted data'", "set yrange [0:1.05]",
        f"set arrow 1 from graph 0, {share} to graph 1, {share} nohead dt 3 lw 2 lc rgb "
        "'#888888'",
        f"set label 1 'equal shares (1/n)' at graph 0.01, {share} offset 0,0.6 tc rgb '#555555' "
        "font ',10'",
        "set title 'Fairness of the data admitted so far'", "plot " + jain, "unset multiplot"]


def comparison_figures(out, rows):
    """The figures of a scheme comparison in folder out, from rows (comparison.csv as dicts,
    in run order) and every run's iterations.csv and admission.csv; the plotted data and
    the scripts go to out/plot-data/. -> the PNG files written."""
    data = os.path.join(out, "plot-data")
    os.makedirs(data, exist_ok=True)
    runs = [r["run"] for r in rows]
    for run in runs:
        _comparison_data(out, data, run)
    target = rows[0]["target_accuracy"]
    scripts = {
        "accuracy": _accuracy_script(runs, rows, target),
        "loss": _line_script(
            runs, "comparison-loss.png", "Training loss vs iteration (the exact schemes train "
            "the same model: their lines coincide)", "iteration",
            "mean training cross-entropy loss", "loss", "lines", ["set autoscale xfix"]),
        "iteration-cdf": _line_script(
            runs, "comparison-iteration-cdf.png", "Distribution of the iteration time",
            "iteration time (s, log scale)", "fraction of iterations (empirical CDF)", "cdf",
            "steps", ["set logscale x", "set autoscale xfix", "set yrange [0:1.02]"]),
        "load-uplink": _bars_script(data, rows),
    }
    admission = [r for r in runs if os.path.isfile(os.path.join(out, r, "admission.csv"))]
    if admission:
        scripts["admission"] = _admission_script(admission, rows[0]["workers"])
    if any(r.get("energy_to_target_j", "nan") not in ("", "nan") for r in rows):
        scripts["energy"] = _energy_script(data, rows)
    for name, lines in scripts.items():
        render(os.path.join(data, f"comparison-{name}.gp"), lines, out)
    return sorted(os.path.join(out, f"comparison-{name}.png") for name in scripts)


def scaling_figure(out, rows, ratios, title):
    """scaling.png in out: user CPU (lines) and wall-clock (points) time per iteration against
    n per network, from rows (the lines of scaling.csv without its header), and the ratio to
    the ideal network from ratios (those of out/ratio.csv); scaling-<network>.dat per network.
    A network without a measured row (all timed out) or without a ratio is left out there."""
    measured = [r.split(",")[0] for r in rows if r.split(",")[6] != "nan"]
    with_ratio = {r.split(",")[0] for r in ratios}
    times, lines = [], ['1 with lines dt 2 lc rgb "gray" title "ideal = 1"']
    for colour, net in enumerate(dict.fromkeys(measured), start=1):
        mine = sorted((r for r in rows if r.split(",")[0] == net),
                      key=lambda r: (int(r.split(",")[1]), r))
        _write(os.path.join(out, f"scaling-{net}.dat"), mine)
        dat = f"'scaling-{net}.dat'"
        times += [f"{dat} using 2:8 with linespoints lw 2 lc {colour} title '{net} user CPU'",
                  f"{dat} using 2:7 with points pt 6 lc {colour} title '{net} wall'"]
        if net in with_ratio:
            only = f"(stringcolumn(1) eq '{net}' ? $2 : 1/0)"
            lines += [f"'ratio.csv' using {only}:4 with linespoints lw 2 lc {colour} "
                      f"title '{net}/ideal user CPU'",
                      f"'ratio.csv' using {only}:3 with points pt 6 lc {colour} "
                      f"title '{net}/ideal wall'"]
    if not times:
        raise UserError(f"{out}: no measured run to draw (every run timed out)")
    render(os.path.join(out, "scaling.gp"), [
        "set terminal pngcairo size 1200,480 font 'sans,10'", "set output 'scaling.png'",
        "set datafile separator ','", f"set multiplot layout 1,2 title '{title}'",
        "set key top left", "set grid", "set logscale xy", "set xlabel 'workers n'",
        "set ylabel 'time per iteration (s)'", "set xtics (10, 20, 50, 100, 200, 500)",
        "set xrange [8:250]", "plot " + ", ".join(times),
        "set ylabel 'per-iteration time / ideal network at the same n (x)'",
        "set yrange [0.5:*]", "plot " + ", ".join(lines), "unset multiplot"], out)
    return os.path.join(out, "scaling.png")


def errorbar_figure(png, header, blocks, xticks, labels, numeric_x, logx):
    """An error-bar figure: png, and next to it the data (.dat: header comment lines, then one
    block per series of 'x label mean ci95_halfwidth n runs' lines) and the script (.gp).
    blocks: [(series title, block comment, [data line, ...])]; xticks: [(label, position)]
    or None; labels: {title, xlabel, ylabel}; numeric x gets lines, categories points."""
    base = os.path.splitext(png)[0]
    folder = os.path.dirname(os.path.abspath(png))
    dat = os.path.basename(base + ".dat")
    lines = list(header)
    for _, comment, data in blocks:
        lines += [comment] + data + ["", ""]
    _write(base + ".dat", lines)
    script = [
        "# Generated by utils/aggregate.py",
        "set terminal pngcairo size 900,560 enhanced font 'DejaVu Sans,11'",
        f"set output {gp_quote(os.path.basename(png))}",
        f"set title {gp_quote(labels['title'])} noenhanced",
        f"set xlabel {gp_quote(labels['xlabel'])} noenhanced",
        f"set ylabel {gp_quote(labels['ylabel'])} noenhanced",
        "set key outside right top noenhanced", "set grid", "set bars 2",
        "set offsets graph 0.05, graph 0.05, graph 0.05, graph 0.05",
    ]
    if logx:
        script.append("set logscale x")
    if xticks:
        script.append("set xtics (" + ", ".join(f"{gp_quote(label)} {pos}"
                                               for label, pos in xticks) + ")")
    # Lines between categories would suggest an order: points only for those.
    style = "yerrorlines lw 2 pt 7" if numeric_x else "yerrorbars lw 2 pt 7 ps 1.3"
    script.append("plot " + ", \\\n     ".join(
        f"{gp_quote(dat)} index {i} using 1:3:4 with {style} title {gp_quote(title)}"
        for i, (title, _, _) in enumerate(blocks)))
    render(base + ".gp", script, folder)
    return png


def _panels(a):
    """The regime map's panels, row by row: (stragglers, regime, workers)."""
    return [(m, r, n) for m in a["models"] for r in a["regimes"] for n in a["workers"]]


def _regime_heatmap(out, a, cells, value, name, title):
    """One heat map per panel of value(cell) over slowdown (x) and slow fraction (y)."""
    panels = _panels(a)
    blocks = []
    for m, r, n in panels:
        rows = [c for c in cells if (c["stragglers"], c["regime"], c["workers"]) == (m, r, n)]
        block = [f"# {m} {r} n={n}: slowdown_index fraction_index value"]
        for c in rows:
            v = value(c)
            block.append(f"{a['slowdowns'].index(c['slowdown'])} "
                         f"{a['fractions'].index(c['fraction'])} "
                         f"{'NaN' if v != v else f'{v:.3f}'}")
        blocks.append("\n".join(block))
    dat = name + ".dat"
    _write(os.path.join(out, dat), ["\n\n\n".join(blocks)])
    cols, rows = len(a["regimes"]) * len(a["workers"]), len(a["models"])
    xt = ", ".join(f'"{d:g}" {i}' for i, d in enumerate(a["slowdowns"]))
    yt = ", ".join(f'"{f:g}" {i}' for i, f in enumerate(a["fractions"]))
    script = [
        "# Generated by utils/plots.py (regime map)",
        TERMINAL.format(height=300 * rows + 60).replace("1100", str(330 * cols + 120)),
        f"set output {gp_quote(name + '.png')}",
        "set palette defined (0.5 '#1a9850', 1 '#ffffbf', 1.5 '#d73027')",
        "set cbrange [0.5:1.5]", "set xlabel 'slowdown'", "set ylabel 'slow fraction'",
        f"set xtics ({xt})", f"set ytics ({yt})", "unset key", "set size ratio -1",
        f"set multiplot layout {rows},{cols} title {gp_quote(title)}",
    ]
    for i, (m, r, n) in enumerate(panels):
        script += [f"set title {gp_quote(f'{m}, {r}, n = {n}')} noenhanced",
                   f"plot {gp_quote(dat)} index {i} using 1:2:3 with image, "
                   f"'' index {i} using 1:2:(sprintf('%.2f', $3)) with labels font ',9'"]
    script.append("unset multiplot")
    render(os.path.join(out, name + ".gp"), script, out)
    return os.path.join(out, name + ".png")


def _regime_lines(out, a, table, metric, name, ylabel, fraction):
    """metric (mean and 95% CI) against slowdown at one slow fraction, a line per scheme
    (the schemes drawn slightly apart along x, so that the intervals do not hide each
    other)."""
    from regime import cell_key  # regime imports this module

    panels = _panels(a)
    blocks = []
    for m, r, n in panels:
        for s in a["schemes"]:
            block = [f"# {m} {r} n={n} {s}: slowdown mean ci95"]
            for d in a["slowdowns"]:
                row = table.get((str(n), r) + cell_key(m, fraction, d) + (s,))
                ok = row is not None and metric in row and (
                    metric != "time_to_target_s" or row["all_reached"])
                mean, ci = (row[metric][1], row[metric][2]) if ok else (math.nan, math.nan)
                block.append(f"{d:g} {'NaN' if mean != mean else f'{mean:.6g}'} "
                             f"{0 if ci != ci else f'{ci:.6g}'}")
            blocks.append("\n".join(block))
    dat = name + ".dat"
    _write(os.path.join(out, dat), ["\n\n\n".join(blocks)])
    cols, rows = len(a["regimes"]) * len(a["workers"]), len(a["models"])
    script = [
        "# Generated by utils/plots.py (regime map)",
        TERMINAL.format(height=280 * rows + 80).replace("1100", str(330 * cols + 160)),
        f"set output {gp_quote(name + '.png')}", "set logscale x 2", "set grid",
        "set xlabel 'slowdown'", f"set ylabel {gp_quote(ylabel)}", "set bars 1",
        "set yrange [0:*]", "set offsets graph 0.04, graph 0.04, 0, 0",
        f"set multiplot layout {rows},{cols} title "
        f"{gp_quote(f'{ylabel} at slow fraction {fraction:g} (mean, 95% CI)')}",
    ]
    k = len(a["schemes"])
    spread = [f"{1 + 0.04 * (j - (k - 1) / 2):.3f}" for j in range(k)]  # x factor per scheme
    for i, (m, r, n) in enumerate(panels):
        script.append(f"set title {gp_quote(f'{m}, {r}, n = {n}')} noenhanced")
        script.append("set key top left font ',8'" if i == 0 else "unset key")
        script.append("plot " + ", ".join(
            f"{gp_quote(dat)} index {i * k + j} using ($1*{spread[j]}):2:3 "
            f"with yerrorlines lw "
            f"{3 if s == 'two-stage' else 1.5} pt 7 ps 0.6 lc rgb '{COLOURS[j]}' "
            f"title {gp_quote(s)}" for j, s in enumerate(a["schemes"])))
    script.append("unset multiplot")
    render(os.path.join(out, name + ".gp"), script, out)
    return os.path.join(out, name + ".png")


def regime_figures(out, a, cells, table):
    """The regime map's figures (utils/regime.py): two heat maps of two-stage's time to the
    target over uncoded's and over the best other scheme's, and time and load against
    slowdown at the middle of the positive slow fractions."""
    fraction = sorted(f for f in a["fractions"] if f > 0)
    fraction = fraction[len(fraction) // 2] if fraction else a["fractions"][0]
    # the work done (a cancelled task counts up to its cancellation) where the runs have it
    load = "compute_load_done" if all("compute_load_done" in row for row in table.values()) \
        else "mean_compute_load"
    return [
        _regime_heatmap(out, a, cells, lambda c: c["two_stage"] / c["uncoded"], "regime-map",
                        "time to target: two-stage / uncoded (green: two-stage faster)"),
        _regime_heatmap(out, a, cells, lambda c: c["two_stage"] / c["best_time"],
                        "regime-map-best", "time to target: two-stage / best other scheme"),
        _regime_lines(out, a, table, "time_to_target_s", "regime-time", "time to target (s)",
                      fraction),
        _regime_lines(out, a, table, load, "regime-load",
                      "compute load done (partitions/iteration)" if load == "compute_load_done"
                      else "compute load (partitions/iteration)", fraction),
    ]
