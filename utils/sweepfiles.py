# SPDX-License-Identifier: GPL-2.0-only
"""The files of a sweep's output root (utils/sweep.py), read by the sweep's presets and by
utils/aggregate.py:

  manifest.csv        run_dir,point,run,rng_run,<one column per parameter>; run_dir relative
                      to the root
  joblog.tsv          GNU parallel's job log: the exit value of every command
  <run_dir>/log.txt   the program's standard output and error
  <run_dir>/summary.csv  the header and one row, written by coded-learning-sim
  <run_dir>/time.txt, loadavg.txt  with --measure: GNU time's "wall user peak-RSS" line and
                      /proc/loadavg before the run
"""

import csv
import io
import math
import os

from common import UserError

MANIFEST_FIXED = ["run_dir", "point", "run", "rng_run"]
# GNU time's format of a measured run (time.txt): wall-clock s, user CPU s, peak RSS KiB.
TIME_FORMAT = "%e %U %M"


def manifest_text(params, jobs):
    """The manifest of jobs (dicts with run_dir, point, run, rng_run, params)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(MANIFEST_FIXED + params)
    for job in jobs:
        writer.writerow([job["run_dir"], job["point"], job["run"], job["rng_run"]] +
                        [job["params"][n] for n in params])
    return buf.getvalue()


def read_manifest(root):
    """-> (parameter names, [{run_dir, point, run, rng_run, params}]) in manifest order."""
    path = os.path.join(root, "manifest.csv")
    if not os.path.isfile(path):
        raise UserError(f"{path} not found (is {root} an output root of utils/sweep.py?)")
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if not rows or rows[0][:4] != MANIFEST_FIXED:
        raise UserError(f"{path}: the header must start with {','.join(MANIFEST_FIXED)}")
    header = rows[0]
    params = header[4:]
    entries = []
    for lineno, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            raise UserError(f"{path}:{lineno}: {len(row)} fields, the header has "
                            f"{len(header)}")
        try:
            point, run, rng_run = int(row[1]), int(row[2]), int(row[3])
        except ValueError:
            raise UserError(f"{path}:{lineno}: point, run and rng_run must be integers") from None
        entries.append({"run_dir": row[0], "point": point, "run": run, "rng_run": rng_run,
                        "params": dict(zip(params, row[4:]))})
    if not entries:
        raise UserError(f"{path}: no runs listed")
    return params, entries


def read_joblog(path, n_commands):
    """GNU parallel's job log -> {command number (1-based): exit value}; the last entry of a
    command counts (--resume-failed appends). A command that never ran has no entry."""
    status = {}
    if not os.path.isfile(path):
        return status
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f.read().splitlines()[1:]:
            fields = line.split("\t")
            if len(fields) < 8 or not fields[0].isdigit():
                continue
            seq = int(fields[0])
            if 1 <= seq <= n_commands:
                status[seq] = int(fields[6]) if fields[7] == "0" else 128 + int(fields[7])
    return status


def log_tail(root, run_dir, lines=5):
    """The last lines of a run's log.txt ('' if there is none)."""
    path = os.path.join(root, run_dir, "log.txt")
    if not os.path.isfile(path):
        return ""
    with open(path, encoding="utf-8", errors="replace") as f:
        return "\n".join(f.read().splitlines()[-lines:])


def read_summary(path):
    """-> (header line, row line, {column: text}) of a summary.csv (a header and one row)."""
    with open(path, newline="", encoding="utf-8") as f:
        lines = [line for line in f.read().splitlines() if line]
    rows = list(csv.reader(lines))
    if len(rows) != 2:
        raise UserError(f"{path}: expected a header and exactly one data row, found "
                        f"{len(rows)} lines")
    if len(rows[0]) != len(rows[1]):
        raise UserError(f"{path}: {len(rows[1])} values for {len(rows[0])} columns")
    return lines[0], lines[1], dict(zip(rows[0], rows[1]))


def read_measure(root, run_dir):
    """-> {wall_s, user_s, peak_rss_kib} (floats) of a run of a --measure sweep, or None when
    time.txt holds no complete measurement (the run was killed, failed or did not run)."""
    path = os.path.join(root, run_dir, "time.txt")
    if not os.path.isfile(path):
        return None
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    try:
        wall, user, rss = (float(x) for x in (lines[-1].split() if lines else []))
    except ValueError:
        return None
    return {"wall_s": wall, "user_s": user, "peak_rss_kib": rss}


def read_load(root, run_dir):
    """The 1-minute load average before a run of a --measure sweep ('nan' if unknown)."""
    path = os.path.join(root, run_dir, "loadavg.txt")
    if not os.path.isfile(path):
        return "nan"
    with open(path, encoding="utf-8") as f:
        return (f.read().split() or ["nan"])[0]


# The metrics read_run_extras() adds to a run's summary.csv columns, in this order.
EXTRA_METRICS = ("admission_mean_backlog", "admission_utility", "admission_wasted",
                 "uplink_jain_delivered", "uplink_min_share", "uplink_goodput_mbps")


def _admission_extras(path):
    """admission.csv -> time-average of total_backlog over its rows, and the last row's
    utility and wasted_total (data units); nan for what the file lacks."""
    out = {k: "nan" for k in EXTRA_METRICS[:3]}
    if not os.path.isfile(path):
        return out
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    if not rows:
        return out
    backlogs = [float(r["total_backlog"]) for r in rows]
    out["admission_mean_backlog"] = repr(sum(backlogs) / len(backlogs))
    out["admission_utility"] = rows[-1].get("utility", "nan")
    out["admission_wasted"] = rows[-1].get("wasted_total", "nan")
    return out


def _flowmon_extras(path, workers, seconds):
    """flowmon.xml -> Jain's index and the smallest share of the bytes each worker's flows
    delivered to the server, and the uplink goodput (Mbit/s over the simulated seconds). The
    server is the destination that receives flows from the most sources; workers that
    delivered nothing count as 0."""
    import xml.etree.ElementTree as ET  # only when a run has a flow monitor file

    out = {k: "nan" for k in EXTRA_METRICS[3:]}
    if not os.path.isfile(path):
        return out
    root = ET.parse(path).getroot()
    classifier = {f.get("flowId"): f for f in root.iter("Flow") if f.get("sourceAddress")}
    sources = {}
    for flow in classifier.values():
        sources.setdefault(flow.get("destinationAddress"), set()).add(flow.get("sourceAddress"))
    if not sources:
        return out
    server = max(sorted(sources), key=lambda a: len(sources[a]))
    delivered = {}
    stats = root.find("FlowStats")
    for f in (stats if stats is not None else []):
        flow = classifier.get(f.get("flowId"))
        if flow is not None and flow.get("destinationAddress") == server:
            src = flow.get("sourceAddress")
            delivered[src] = delivered.get(src, 0) + int(f.get("rxBytes"))
    x = list(delivered.values()) + [0] * max(0, workers - len(delivered))
    total = sum(x)
    if total <= 0:
        return out
    out["uplink_jain_delivered"] = repr(total * total / (len(x) * sum(v * v for v in x)))
    out["uplink_min_share"] = repr(min(x) / total)
    if seconds > 0:
        out["uplink_goodput_mbps"] = repr(total * 8 / seconds / 1e6)
    return out


def read_run_extras(root, run_dir, summary):
    """Metrics of a run beyond its summary.csv (EXTRA_METRICS, text like summary.csv's
    values, 'nan' when the run has no such file): from admission.csv (--admission=lyapunov)
    the time-average total backlog, the utility and the wasted service; from flowmon.xml
    (--flowmon=true) Jain's index and the smallest share of the bytes the workers delivered to
    the server, and the uplink goodput over summary.csv's sim_time_s."""
    folder = os.path.join(root, run_dir)
    out = _admission_extras(os.path.join(folder, "admission.csv"))
    try:
        workers = int(summary.get("workers", "0"))
        seconds = float(summary.get("sim_time_s", "nan"))
    except ValueError:
        workers, seconds = 0, math.nan
    out.update(_flowmon_extras(os.path.join(folder, "flowmon.xml"), workers, seconds))
    return out
