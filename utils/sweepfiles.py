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
