#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""CTest tests (label apps) of utils/sweep.py and utils/aggregate.py.

  test/tools/sweep-test.py ci --work DIR
      aggregate.py on a fixture of summary.csv files with known values: means, sample
      standard deviations, Student-t 95% half-widths, nan handling, appended columns.
  test/tools/sweep-test.py cli --work DIR
      sweep.py: the commands and manifest of a small grid; bad arguments exit non-zero with
      a message naming the argument.
  test/tools/sweep-test.py reproducible --work DIR --program build/examples/coded-learning-sim
      a 2 x 2 grid, 2 runs per point, of the real simulator on synthetic data run twice
      through GNU parallel: the two aggregated CSVs must be byte-identical, and distinct
      RngRun values must give distinct runs.
"""

import argparse
import csv
import math
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
UTILS = os.path.join(os.path.dirname(os.path.dirname(HERE)), "utils")
SWEEP = os.path.join(UTILS, "sweep.py")
AGGREGATE = os.path.join(UTILS, "aggregate.py")

SUMMARY_COLUMNS = (
    "scheme,network,workers,stragglers,rng_run,iterations,decoded_iterations,target_accuracy,"
    "reached_target,time_to_target_s,iterations_to_target,final_accuracy,final_train_loss,"
    "mean_iteration_time_s,p95_iteration_time_s,mean_compute_load,uplink_bytes_per_iteration,"
    "downlink_bytes_per_iteration,chunks_lost,jain_admitted,sim_time_s").split(",")

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL: " + what)


def run(cmd, expect_ok=True):
    r = subprocess.run(cmd, capture_output=True, text=True)
    if expect_ok and r.returncode != 0:
        print(r.stdout + r.stderr)
        raise SystemExit(f"command failed ({r.returncode}): {' '.join(cmd)}")
    return r


def fresh(path):
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def write_summary(path, values):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    row = dict.fromkeys(SUMMARY_COLUMNS, "0")
    row.update(values)
    cols = SUMMARY_COLUMNS + ["extra_metric", "note"]
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(cols)
        w.writerow([row.get(c, "") for c in cols])


def close(text, expected, rel=1e-9):
    if expected == "nan":
        return text == "nan"
    return math.isclose(float(text), expected, rel_tol=rel, abs_tol=1e-12)


def test_ci(work):
    root = fresh(os.path.join(work, "ci-fixture"))
    # Two grid points (x = 1, 2) of 3 runs. Values chosen so the statistics are known by hand:
    #   point 0 time_to_target_s 10, 12, 14: mean 12, sd 2, half-width t(.975,2)*2/sqrt(3)
    #   point 1 time_to_target_s 5, nan, 7: n 2, mean 6, sd sqrt(2), half t(.975,1)*sqrt(2)/sqrt(2)
    #   point 1 reached_target 1, 0, 1: mean 2/3, sd sqrt(1/3), half t(.975,2)*sqrt(1/3)/sqrt(3)
    #   point 1 iterations_to_target nan, nan, nan: n 0, all nan; final_accuracy one value: sd nan
    runs = {
        0: [dict(time_to_target_s="10", reached_target="1", iterations_to_target="20",
                 final_accuracy="0.8", extra_metric="1"),
            dict(time_to_target_s="12", reached_target="1", iterations_to_target="20",
                 final_accuracy="0.8", extra_metric="2"),
            dict(time_to_target_s="14", reached_target="1", iterations_to_target="20",
                 final_accuracy="0.8", extra_metric="3")],
        1: [dict(time_to_target_s="5", reached_target="1", iterations_to_target="nan",
                 final_accuracy="0.7", extra_metric="1"),
            dict(time_to_target_s="nan", reached_target="0", iterations_to_target="nan",
                 final_accuracy="nan", extra_metric="1"),
            dict(time_to_target_s="7", reached_target="1", iterations_to_target="nan",
                 final_accuracy="nan", extra_metric="1")],
    }
    with open(os.path.join(root, "manifest.csv"), "w") as f:
        f.write("run_dir,point,run,rng_run,x\n")
        for point, rs in runs.items():
            for i, values in enumerate(rs, start=1):
                run_dir = f"runs/p{point:03d}/r{i:02d}"
                f.write(f"{run_dir},{point},{i},{i},{point + 1}\n")
                values = dict(values, scheme="uncoded", network="p2p", note="text",
                              rng_run=str(i))
                write_summary(os.path.join(root, run_dir, "summary.csv"), values)
    run([AGGREGATE, root])
    with open(os.path.join(root, "aggregate.csv")) as f:
        text = f.read()
    rows = list(csv.DictReader(text.splitlines()))
    table = {(r["point"], r["metric"]): r for r in rows}
    t2, t1 = 4.302652729911275, 12.706204736432095  # t quantiles 0.975 with 2 and 1 dof
    expected = {
        ("0", "time_to_target_s"): (3, 12.0, 2.0, t2 * 2 / math.sqrt(3)),
        ("1", "time_to_target_s"): (2, 6.0, math.sqrt(2), t1 * math.sqrt(2) / math.sqrt(2)),
        ("1", "reached_target"): (3, 2 / 3, math.sqrt(1 / 3), t2 * math.sqrt(1 / 3) / math.sqrt(3)),
        ("1", "iterations_to_target"): (0, "nan", "nan", "nan"),
        ("1", "final_accuracy"): (1, 0.7, "nan", "nan"),
        ("0", "final_accuracy"): (3, 0.8, 0.0, 0.0),
        ("0", "extra_metric"): (3, 2.0, 1.0, t2 / math.sqrt(3)),
    }
    for key, (n, mean, sd, half) in expected.items():
        r = table.get(key)
        check(r is not None, f"aggregate.csv has a row for point {key[0]} metric {key[1]}")
        if r is None:
            continue
        check(r["runs"] == "3", f"{key}: runs 3, got {r['runs']}")
        check(r["n"] == str(n), f"{key}: n {n}, got {r['n']}")
        check(close(r["mean"], mean), f"{key}: mean {mean}, got {r['mean']}")
        check(close(r["stddev"], sd), f"{key}: stddev {sd}, got {r['stddev']}")
        check(close(r["ci95_halfwidth"], half), f"{key}: ci95 {half}, got {r['ci95_halfwidth']}")
        if half != "nan":
            check(close(r["ci95_low"], mean - half) and close(r["ci95_high"], mean + half),
                  f"{key}: ci95_low/high = mean -/+ half-width")
    # The hand-checked row, as text (10 significant digits).
    check("0,1,time_to_target_s,3,3,12,2,4.968275424,7.031724576,16.96827542" in text,
          "point 0 time_to_target_s row reads 12,2,4.968275424,7.031724576,16.96827542")
    metrics = [r["metric"] for r in rows if r["point"] == "0"]
    check("note" not in metrics and "scheme" not in metrics and "workers" not in metrics,
          "text columns and run-description columns are not metrics")
    check(metrics[0] == "iterations" and metrics[-1] == "extra_metric",
          f"metrics in summary.csv column order, appended ones last (got {metrics})")
    # Deterministic: aggregating again gives the same bytes.
    run([AGGREGATE, root, "--out", os.path.join(root, "again.csv")])
    with open(os.path.join(root, "again.csv")) as f:
        check(f.read() == text, "aggregating the same runs twice gives identical bytes")
    # A missing run is an error unless --allow-missing.
    os.remove(os.path.join(root, "runs/p001/r03/summary.csv"))
    r = run([AGGREGATE, root], expect_ok=False)
    check(r.returncode != 0 and "no summary.csv" in r.stderr,
          "a run without summary.csv is an error naming it")
    r = run([AGGREGATE, root, "--allow-missing"], expect_ok=False)
    check(r.returncode == 0 and "skipping 1 runs" in r.stderr, "--allow-missing skips it")
    # Plot arguments are checked.
    r = run([AGGREGATE, root, "--allow-missing", "--plot", "nosuch", "--x", "x"], expect_ok=False)
    check(r.returncode != 0 and "nosuch" in r.stderr, "an unknown --plot metric is an error")
    r = run([AGGREGATE, root, "--allow-missing", "--plot", "time_to_target_s", "--x", "y"], expect_ok=False)
    check(r.returncode != 0 and "--x y" in r.stderr, "an unknown --x parameter is an error")


def test_cli(work):
    root = os.path.join(fresh(os.path.join(work, "cli")), "sweep")
    r = run([SWEEP, "--mode", "commands", "--out", root, "--runs", "2", "--grid", "a=1,2",
             "--grid", "b=x,y,z", "--program", "prog", "--", "--fixed=1"])
    with open(os.path.join(root, "manifest.csv")) as f:
        manifest = f.read().splitlines()
    check(manifest[0] == "run_dir,point,run,rng_run,a,b", "manifest header")
    check(len(manifest) == 1 + 12, f"2 x 3 points x 2 runs = 12 rows (got {len(manifest) - 1})")
    check(manifest[1] == "runs/p000/r01,0,1,1,1,x" and manifest[-1] == "runs/p005/r02,5,2,2,2,z",
          "points in grid order, last --grid fastest")
    with open(os.path.join(root, "commands.txt")) as f:
        commands = f.read().splitlines()
    check(len(commands) == 12, "one command per point and run")
    check(commands[1] == f"mkdir -p {root}/runs/p000/r02 && prog --a=1 --b=x --fixed=1 "
          f"--RngRun=2 --outDir={root}/runs/p000/r02 > {root}/runs/p000/r02/log.txt 2>&1",
          f"command line (got {commands[1]})")
    r = run([SWEEP, "--mode", "commands", "--out", root, "--runs", "2", "--grid", "a=1,2",
             "--rng", "unique", "--grid", "b=x,y,z", "--program", "prog"], expect_ok=False)
    check(r.returncode != 0 and "another sweep" in r.stderr,
          "a different sweep into the same root is refused")
    bad = [
        (["--grid", "workers"], "NAME=V1,V2"),
        (["--grid", "workers=1,,2"], "empty value"),
        (["--grid", "workers=1,1"], "repeated"),
        (["--grid", "RngRun=1,2"], "set by the sweep"),
        (["--grid", "a=1", "--grid", "a=2"], "twice"),
        (["--grid", "a=1", "--", "--a=2"], "also a --grid"),
        (["--grid", "a=1", "--", "nodash"], "expected --name=value"),
        (["--runs", "0"], "--runs=0"),
        (["--mode", "ssh"], "--sshloginfile"),
        (["--mode", "local", "--program", "/nonexistent"], "not an executable"),
        (["-j", "many"], "-j 'many'"),
        (["--sep", "=="], "--sep"),
    ]
    for extra, message in bad:
        r = run([SWEEP, "--out", os.path.join(work, "cli", "bad")] + extra, expect_ok=False)
        check(r.returncode != 0 and message in r.stderr,
              f"sweep.py {' '.join(extra)}: non-zero exit and '{message}' (got {r.returncode}: "
              f"{r.stderr.strip()})")
    r = run([SWEEP, "--out", os.path.join(work, "cli", "failing"), "--runs", "2", "--grid",
             "a=1", "--program", "/bin/false", "--progress", "none"], expect_ok=False)
    check(r.returncode == 1 and "GNU parallel reports failures (2 jobs)" in r.stderr,
          f"failing runs (GNU parallel) give exit 1 and the count (got {r.returncode}: "
          f"{r.stderr.strip()})")
    sep_root = os.path.join(work, "cli", "sep")
    run([SWEEP, "--mode", "commands", "--out", sep_root, "--sep", ";", "--grid",
         "p2pRate=10Mbps,100Mbps;100Mbps", "--runs", "1", "--program", "prog"])
    with open(os.path.join(sep_root, "commands.txt")) as f:
        check(f.readline().split(" && ")[1].startswith("prog --p2pRate=10Mbps,100Mbps --RngRun=1"),
              "--sep ';' keeps comma-separated values whole")
    r = run([SWEEP, "--mode", "slurm", "--out", os.path.join(work, "cli", "slurm"), "--grid",
             "a=1,2", "--runs", "3", "--slurm-option=--partition=short", "--program", "prog"])
    with open(os.path.join(work, "cli", "slurm", "sweep.sbatch")) as f:
        sbatch = f.read()
    check("#SBATCH --array=1-6\n" in sbatch and "#SBATCH --partition=short\n" in sbatch and
          'sed -n "${SLURM_ARRAY_TASK_ID}p"' in sbatch, "Slurm array script")
    check(run(["bash", "-n", os.path.join(work, "cli", "slurm", "sweep.sbatch")]).returncode == 0,
          "the sbatch script is valid bash")


def test_reproducible(work, program):
    common = ["--runs", "2", "--grid", "scheme=uncoded,cyclic-repetition", "--grid",
              "slowFraction=0,0.5", "--program", program, "-j", "2", "--progress", "none",
              "--", "--dataset=synthetic", "--trainLimit=2000", "--network=ideal",
              "--workers=4", "--stragglers=1", "--iterations=8", "--evalInterval=4",
              "--targetAccuracy=0.5"]
    outputs = []
    for name in ("first", "second"):
        root = os.path.join(fresh(os.path.join(work, "repro", name)), "sweep")
        run([SWEEP, "--out", root] + common)
        run([AGGREGATE, root, "--plot", "mean_iteration_time_s", "--x", "slowFraction",
             "--series", "scheme"])
        with open(os.path.join(root, "aggregate.csv"), "rb") as f:
            outputs.append(f.read())
        png = os.path.join(root, "mean_iteration_time_s-vs-slowFraction.png")
        check(os.path.getsize(png) > 1000, "the error-bar PNG was written")
    check(outputs[0] == outputs[1], "the same sweep twice gives a byte-identical aggregate.csv")
    rows = list(csv.DictReader(outputs[0].decode().splitlines()))
    check(len({r["point"] for r in rows}) == 4, "4 grid points aggregated")
    it = [r for r in rows if r["metric"] == "mean_iteration_time_s"]
    check(all(r["n"] == "2" for r in it), "2 runs per point")
    check(any(float(r["stddev"]) > 0 for r in it),
          "distinct RngRun values give distinct iteration times")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("test", choices=["ci", "cli", "reproducible"])
    p.add_argument("--work", required=True)
    p.add_argument("--program")
    a = p.parse_args()
    os.makedirs(a.work, exist_ok=True)
    if a.test == "ci":
        test_ci(a.work)
    elif a.test == "cli":
        test_cli(a.work)
    else:
        if not a.program:
            p.error("reproducible needs --program")
        test_reproducible(a.work, a.program)
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
