#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""CTest tests (label tools) of utils/sweep.py, its presets and utils/aggregate.py.

  test/tools/sweep-test.py ci --work DIR
      aggregate.py on a fixture of summary.csv files with known values: means, sample
      standard deviations, Student-t 95% half-widths, nan handling, appended columns.
  test/tools/sweep-test.py cli --work DIR
      sweep.py: the commands and manifest of a small grid; bad arguments exit non-zero with
      a message naming the argument.
  test/tools/sweep-test.py presets --work DIR
      the presets comparison, scaling and soak: their runs and command lines, the errors of
      preset options, and their tables from a stand-in program run through GNU parallel and
      GNU time (a run killed by --timeout, a failing run) and from a fixture with known
      measurements; the comparison's energy figure and table columns from a fixture.
  test/tools/sweep-test.py regime --work DIR
      the regime preset: its points (no-straggler cells shared, transient and Pareto flags,
      fractional repetition's s'), its option errors, and regime.csv / regime-map.csv from a
      fixture of summary.csv files with known times (means, 95% CIs, ratios, a point that
      did not always reach the target).
  test/tools/sweep-test.py reproducible --work DIR --program build/examples/coded-learning-sim
      a 2 x 2 grid, 2 runs per point, of the real simulator on synthetic data run twice
      through GNU parallel: the two aggregated CSVs must be byte-identical, and distinct
      RngRun values must give distinct runs.
"""

import argparse
import csv
import math
import os
import re
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
    "mean_iteration_time_s,p95_iteration_time_s,mean_compute_load,compute_load_done,"
    "storage_redundancy,uplink_bytes_per_iteration,downlink_bytes_per_iteration,chunks_lost,"
    "jain_admitted,sim_time_s,"
    "radio_energy_per_iteration_j,compute_energy_per_iteration_j,energy_per_iteration_j,"
    "energy_to_target_j,radio_energy_to_target_j,compute_energy_to_target_j,total_energy_j,"
    "jain_energy,workers_alive").split(",")

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
    for script in (SWEEP, AGGREGATE):
        r = run([script, "--help"])
        check("usage:" in r.stdout, f"{script} --help prints the usage")
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


# A stand-in for coded-learning-sim: writes iterations.csv (iteration 0 not decoded) and
# summary.csv from its flags, prints the lines the scaling preset reads; --network=slow sleeps
# 30 s, --network=broken fails.
FAKE_SIM = """#!/usr/bin/python3
import os, sys, time
flags = dict(a[2:].split("=", 1) for a in sys.argv[1:])
if flags.get("network") == "slow":
    time.sleep(30)
if flags.get("network") == "broken":
    sys.exit("fake-sim: --network=broken: not allowed")
out, n = flags["outDir"], int(flags.get("iterations", "4"))
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "iterations.csv"), "w") as f:
    f.write("scheme,iteration,decoded\\n")
    f.write("".join(f"x,{i},{int(i > 0)}\\n" for i in range(n)))
columns = COLUMNS
row = dict.fromkeys(columns, "0")
row.update(scheme=flags.get("scheme", "x"), network=flags.get("network", "wifi"),
           workers=flags.get("workers", "10"), rng_run=flags["RngRun"], iterations=str(n),
           target_accuracy="0.8", time_to_target_s="nan", final_accuracy="0.75")
with open(os.path.join(out, "summary.csv"), "w") as f:
    f.write(",".join(columns) + "\\n" + ",".join(row[c] for c in columns) + "\\n")
print(f"coded-learning-sim: scheme x: {n} iterations ({n - 1} decoded) in 1 s simulated")
print(f"coded-learning-sim: {100 * n} simulator events")
"""


def write_fake_sim(work):
    path = os.path.join(work, "fake-sim")
    with open(path, "w") as f:
        f.write(FAKE_SIM.replace("COLUMNS", repr(SUMMARY_COLUMNS)))
    os.chmod(path, 0o755)
    return path


def read_lines(path):
    with open(path) as f:
        return f.read().splitlines()


def test_preset_runs(work):
    """The runs and command lines of the presets, and the errors of preset options."""
    root = os.path.join(work, "cmp")
    run([SWEEP, "--preset", "comparison", "--with-admission", "--mode", "commands", "--out",
         root, "--program", "prog", "--", "--network=p2p", "--RngRun=2"])
    manifest = read_lines(os.path.join(root, "manifest.csv"))
    names = [line.split(",")[4] for line in manifest[1:]]
    check(manifest[0] == "run_dir,point,run,rng_run,name", f"comparison manifest header "
          f"(got {manifest[0]})")
    check(names == ["uncoded", "ignore-stragglers", "k-sync", "fractional-repetition",
                    "cyclic-repetition", "approximate", "partial", "two-stage",
                    "oracle-no-stragglers", "ideal-network", "two-stage-lyapunov"],
          f"comparison runs in order (got {names})")
    check(all(line.split(",")[0] == line.split(",")[4] and line.split(",")[3] == "2"
              for line in manifest[1:]), "a named run's folder is its name; --RngRun=2 after "
          "-- is the first RngRun")
    commands = read_lines(os.path.join(root, "commands.txt"))
    check(f"--targetAccuracy=0.80 --network=p2p --scheme=uncoded --slowFraction=0 --RngRun=2 "
          f"--outDir={root}/oracle-no-stragglers >" in commands[8],
          f"scenario, extra flags, the run's own flags, RngRun, outDir (got {commands[8]})")
    check("--network=p2p --scheme=uncoded --network=ideal --RngRun" in commands[9],
          "ideal-network overrides the extra --network")
    check("--scheme=fractional-repetition --stragglers=4 " in commands[3],
          "fractional repetition with s' = 4 for n = 10, s = 2")
    check("--scheme=two-stage --admission=lyapunov --RngRun" in commands[10]
          and "Bandwidth" not in commands[10] and "admissionChannel" not in commands[10],
          f"the admission run on the measured uplink (got {commands[10]})")
    rayleigh = os.path.join(work, "cmp-rayleigh")
    run([SWEEP, "--preset", "comparison", "--with-admission", "--admission-bandwidth", "20e6",
         "--mode", "commands", "--out", rayleigh, "--program", "prog", "--", "--RngRun=2"])
    commands = read_lines(os.path.join(rayleigh, "commands.txt"))
    check("--scheme=two-stage --admission=lyapunov --admissionChannel=rayleigh "
          "--admissionSlot=0.001 --ns3::LyapunovSlotScheduler::Bandwidth=20e6 " in commands[10],
          f"--admission-bandwidth selects the Rayleigh channel (got {commands[10]})")
    run([SWEEP, "--preset", "comparison", "--mode", "commands", "--out", root, "--program",
         "prog", "--reference=k-sync", "--", "--workers=9", "--stragglers=1"])
    commands = read_lines(os.path.join(root, "commands.txt"))
    check(len(commands) == 10 and "--scheme=fractional-repetition --stragglers=2 " in
          commands[3] and "--scheme=k-sync --slowFraction=0 " in commands[8],
          "without admission 10 runs; s' = 2 for n = 9, s = 1; --reference; a preset "
          "replaces its earlier files")
    root = os.path.join(work, "scaling")
    run([SWEEP, "--preset", "scaling", "--mode", "commands", "--out", root, "--program", "prog",
         "--grid", "network=ideal,wifi", "--grid", "workers=4,8", "--timeout", "7"])
    manifest = read_lines(os.path.join(root, "manifest.csv"))
    check(manifest[0] == "run_dir,point,run,rng_run,workers,network,iterations" and
          manifest[1:4] == ["runs/p000/r01,0,1,1,4,ideal,1", "runs/p001/r01,1,1,1,4,ideal,11",
                            "runs/p002/r01,2,1,1,4,wifi,1"] and len(manifest) == 9,
          f"--grid replaces the preset's values in the preset's order (got {manifest[:4]})")
    d = f"{root}/runs/p000/r01"
    check(read_lines(os.path.join(root, "commands.txt"))[0] ==
          f"mkdir -p {d} && cat /proc/loadavg > {d}/loadavg.txt && timeout 7 /usr/bin/time -f "
          f"'%e %U %M' -o {d}/time.txt prog --workers=4 --network=ideal --iterations=1 "
          f"--scheme=two-stage --RngRun=1 --outDir={d} > {d}/log.txt 2>&1",
          "a measured command: load, timeout, GNU time")
    bad = [
        (["--preset", "scaling", "--grid", "iterations=2,3"], "iterations=1,<1 + K>"),
        (["--preset", "soak", "--with-admission"], "--with-admission is an option of --preset "
         "comparison"),
        (["--preset", "comparison", "--title", "x"], "--title is an option of --preset scaling"),
        (["--with-admission"], "--with-admission is an option of --preset comparison"),
        (["--preset", "soak", "--runs", "2"], "--runs=2"),
        (["--preset", "comparison", "--grid", "workers=4,8"], "has its own runs"),
        (["--preset", "comparison", "--", "--workers=many"], "--workers=many"),
        (["--preset", "soak", "--first-run", "2", "--", "--RngRun=3"], "give one of them"),
        (["--preset", "soak", "--", "--RngRun=0"], "RngRun must be an integer >= 1"),
        (["--preset", "soak", "--timeout", "0"], "--timeout=0"),
        (["--preset", "soak", "--collect-only", "--grid", "iterations=1"], "--collect-only"),
        (["--grid", "a=1", "--no-plots"], "--no-plots: only with --preset"),
        (["--grid", "a=1"], "--out: required without --preset"),
    ]
    for extra, message in bad:
        r = run([SWEEP, "--mode", "commands", "--program", "prog"] +
                (["--out", os.path.join(work, "bad")] if "--out:" not in message else []) +
                extra, expect_ok=False)
        check(r.returncode == 2 and message in r.stderr,
              f"sweep.py {' '.join(extra)}: exit 2 and '{message}' (got {r.returncode}: "
              f"{r.stderr.strip()[-300:]})")


def write_run(root, run_dir, time_line, load, events, decoded=None):
    os.makedirs(os.path.join(root, run_dir))
    with open(os.path.join(root, run_dir, "time.txt"), "w") as f:
        f.write(time_line)
    with open(os.path.join(root, run_dir, "loadavg.txt"), "w") as f:
        f.write(f"{load} 0.40 0.30 1/100 1234\n")
    with open(os.path.join(root, run_dir, "log.txt"), "w") as f:
        if decoded is not None:
            f.write(f"coded-learning-sim: scheme x: 3 iterations ({decoded} decoded) in 1 s\n")
        f.write(f"coded-learning-sim: {events} simulator events\n")


def test_preset_tables(work, fake):
    """The scaling table from known measurements; the presets run through GNU parallel."""
    root = fresh(os.path.join(work, "scaling-fixture"))
    with open(os.path.join(root, "manifest.csv"), "w") as f:
        f.write("run_dir,point,run,rng_run,workers,network,iterations\n")
        for i, (n, net, it) in enumerate([(10, "wifi", 1), (10, "wifi", 3), (10, "ideal", 1),
                                          (10, "ideal", 3), (10, "p2p", 1), (10, "p2p", 3)]):
            f.write(f"runs/p{i:03d}/r01,{i},1,1,{n},{net},{it}\n")
    write_run(root, "runs/p000/r01", "2.00 1.00 1024\n", "0.50", 100)
    write_run(root, "runs/p001/r01", "6.00 3.00 2048\n", "0.60", 700, decoded=2)
    write_run(root, "runs/p002/r01", "1.00 0.50 1024\n", "0.70", 10)
    write_run(root, "runs/p003/r01", "2.00 1.50 1536\n", "0.80", 30, decoded=3)
    write_run(root, "runs/p004/r01", "1.00 0.50 1024\n", "0.90", 10)
    write_run(root, "runs/p005/r01", "", "1.00", 10)
    r = run([SWEEP, "--preset", "scaling", "--out", root, "--collect-only", "--no-plots"],
            expect_ok=False)
    check(r.returncode == 1 and "runs/p005/r01: no measurement" in r.stderr,
          f"a run without a measurement and without a timeout is an error naming it (got "
          f"{r.stderr.strip()})")
    with open(os.path.join(root, "joblog.tsv"), "w") as f:
        f.write("Seq\tHost\tStarttime\tJobRuntime\tSend\tReceive\tExitval\tSignal\tCommand\n")
        f.write("6\t:\t0\t7\t0\t0\t124\t0\tcommand\n")
    run([SWEEP, "--preset", "scaling", "--out", root, "--collect-only"])
    check(read_lines(os.path.join(root, "scaling.csv")) == [
        "network,workers,iterations,decoded,wall_s,user_s,wall_per_iter_s,user_per_iter_s,"
        "setup_wall_s,peak_rss_mb,events,events_per_iter,load_1min",
        "wifi,10,3,2,6.00,3.00,2.0000,1.0000,2.00,2.0,700,300,0.50",
        "ideal,10,3,3,2.00,1.50,0.5000,0.5000,1.00,1.5,30,10,0.70",
        "p2p,10,3,nan,timeout,timeout,nan,nan,nan,nan,nan,nan,0.90"],
        "scaling.csv: (1 + K) - 1 differences over K, setup, RSS in MB, events, load, timeout")
    check(read_lines(os.path.join(root, "ratio.csv")) ==
          ["network,workers,wall_ratio,user_ratio", "wifi,10,4.000,2.000"],
          "ratio.csv: per-iteration times over the ideal network's")
    check(os.path.getsize(os.path.join(root, "scaling.png")) > 1000 and
          not os.path.exists(os.path.join(root, "scaling-p2p.dat")),
          "scaling.png drawn, without the network whose runs all timed out")

    out = os.path.join(work, "soak")
    r = run([SWEEP, "--preset", "soak", "--out", out, "--program", fake, "--grid",
             "iterations=3,5", "--progress", "none"])
    soak = read_lines(os.path.join(out, "soak.csv"))
    rows = [line.split(",") for line in soak[1:]]
    check(soak[0] == "iterations,peak_rss_kib,wall_s,decoded_iterations,csv_rows" and
          [(x[0], x[3], x[4]) for x in rows] == [("3", "2", "3"), ("5", "4", "5")] and
          all(int(x[1]) > 0 for x in rows), f"soak.csv from GNU time and iterations.csv "
          f"(got {soak})")
    out = os.path.join(work, "scaling-run")
    r = run([SWEEP, "--preset", "scaling", "--out", out, "--program", fake, "--grid",
             "workers=4", "--grid", "network=ideal,slow", "--grid", "iterations=1,3",
             "--timeout", "1", "-j", "2", "--progress", "none", "--no-plots", "--",
             "--dataset=synthetic"])
    table = read_lines(os.path.join(out, "scaling.csv"))
    check(len(table) == 3 and table[1].startswith("ideal,4,3,2,") and
          table[1].split(",")[10:12] == ["300", "100"] and
          re.fullmatch(r"slow,4,3,nan,timeout,timeout(,nan){6},[0-9.]+", table[2]),
          f"scaling through GNU parallel: measured row, killed runs give a timeout row "
          f"(got {table})")
    check("2 runs took longer than --timeout=1 s" in r.stderr, "the timeout is reported")
    out = os.path.join(work, "comparison-run")
    r = run([SWEEP, "--preset", "comparison", "--out", out, "--program", fake, "--no-plots",
             "--progress", "none", "--", "--workers=4"])
    csv_lines = read_lines(os.path.join(out, "comparison.csv"))
    check(csv_lines[0] == "run," + ",".join(SUMMARY_COLUMNS) and len(csv_lines) == 11 and
          csv_lines[9].startswith("oracle-no-stragglers,uncoded,wifi,4,") and
          csv_lines[10].startswith("ideal-network,uncoded,ideal,4,"),
          f"comparison.csv: run name and summary row per run (got {csv_lines[:2]})")
    check("| ideal-network         |               60 (0) |               - |" in r.stdout,
          f"the table: iterations (decoded), '-' for nan (got {r.stdout[-600:]})")
    r = run([SWEEP, "--preset", "comparison", "--out", out, "--program", fake, "--no-plots",
             "--progress", "none", "--", "--network=broken"], expect_ok=False)
    check(r.returncode == 1 and "GNU parallel reports failures (9 jobs)" in r.stderr and
          "--network=broken: not allowed" in r.stderr,
          f"failing runs: exit 1, the count and the runs' log (got {r.stderr.strip()[-400:]})")


def test_energy_figure(work):
    """The comparison's energy figure: stacked radio and compute energy to the target per run,
    a run without a value labelled instead of drawn."""
    root = fresh(os.path.join(work, "energy-fixture"))
    runs = [("uncoded", "1", "40", "30", "10"), ("two-stage", "1", "50", "20", "30"),
            ("partial", "0", "nan", "nan", "nan")]
    with open(os.path.join(root, "manifest.csv"), "w") as f:
        f.write("run_dir,point,run,rng_run,name\n")
        f.write("".join(f"{name},{i},1,1,{name}\n" for i, (name, *_) in enumerate(runs)))
    for name, reached, total, radio, compute in runs:
        os.makedirs(os.path.join(root, name))
        with open(os.path.join(root, name, "iterations.csv"), "w") as f:
            f.write("iteration,sim_time_s,iteration_time_s,train_loss,test_accuracy\n"
                    "0,1.1,0.1,2.3,0.5\n1,1.2,0.1,1.9,0.85\n")
        write_summary(os.path.join(root, name, "summary.csv"), {
            "scheme": name, "workers": "10", "target_accuracy": "0.8", "reached_target": reached,
            "time_to_target_s": "0.2" if reached == "1" else "nan",
            "energy_to_target_j": total, "radio_energy_to_target_j": radio,
            "compute_energy_to_target_j": compute, "jain_energy": "0.9",
            "mean_compute_load": "10", "uplink_bytes_per_iteration": "1000"})
    r = run([SWEEP, "--preset", "comparison", "--out", root, "--collect-only"])
    png = os.path.join(root, "comparison-energy.png")
    check(os.path.isfile(png) and os.path.getsize(png) > 1000, "comparison-energy.png drawn")
    check(read_lines(os.path.join(root, "plot-data", "energy.dat")) ==
          ['0 "uncoded" 30 10', '1 "two-stage" 20 30', '2 "partial" nan nan'],
          "energy.dat: radio and compute energy to the target per run, nan without a value")
    with open(os.path.join(root, "plot-data", "comparison-energy.gp")) as f:
        check("'not reached' at first 2" in f.read(), "the run that missed the target is labelled")
    row = [line for line in r.stdout.splitlines() if line.startswith("| two-stage ")]
    check(len(row) == 1 and [c.strip() for c in row[0].split("|")][-5:-1] ==
          ["50.0", "20.0", "30.0", "0.900"],
          f"the table: energy to the target, radio, compute, Jain energy (got {row})")


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


REGIME_OPTIONS = ["--map-workers", "10", "--map-regimes", "network", "--map-fractions", "0,0.2",
                  "--map-slowdowns", "1,4",
                  "--map-schemes", "uncoded,fractional-repetition,two-stage"]


def test_regime_points(work):
    """The regime preset's points and command lines, and the errors of its options."""
    root = os.path.join(work, "points")
    run([SWEEP, "--preset", "regime", "--mode", "commands", "--out", root, "--program", "prog",
         "--runs", "2"] + REGIME_OPTIONS)
    manifest = read_lines(os.path.join(root, "manifest.csv"))
    check(manifest[0] == "run_dir,point,run,rng_run,workers,regime,stragglers,slow_fraction,"
          "slowdown,scheme", f"regime manifest header (got {manifest[0]})")
    cells = sorted({tuple(line.split(",")[6:9]) for line in manifest[1:]})
    # persistent and transient share the no-straggler point; Pareto has its own
    check(cells == [("none", "0", "1"), ("pareto", "0", "1"), ("pareto", "0.2", "4"),
                    ("persistent", "0.2", "4"), ("transient", "0.2", "4")],
          f"the map's points: no-straggler cells shared (got {cells})")
    check(len(manifest) == 1 + 5 * 3 * 2,
          f"5 cells x 3 schemes x 2 runs (got {len(manifest) - 1})")
    commands = read_lines(os.path.join(root, "commands.txt"))
    transient = [c for c in commands if "TransientProbability=0.2 " in c]
    check(len(transient) == 6 and all("--slowFraction=0 " in c and "TransientFactor=4.0 " in c
                                      or "TransientFactor=4 " in c for c in transient),
          "transient stragglers: no slow workers, the probability and factor of a slowed task")
    pareto = [c for c in commands if "--distribution=pareto" in c]
    check(len(pareto) == 12, f"Pareto points (got {len(pareto)})")
    check(all("--stragglers=4 " in c for c in commands if "fractional-repetition" in c),
          "fractional repetition with s' = 4 for n = 10, s = 2")
    check(all("--network=p2p --p2pRate=20Mbps" in c and "--computeUnitMs=10 " in c
              for c in commands), "the network-dominated regime's flags")
    bad = [
        (["--map-stragglers", "bursty"], "--map-stragglers=bursty: 'bursty' is not one of"),
        (["--map-fractions", "0,1.5"], "--map-fractions=0,1.5: must be in [0, 1]"),
        (["--map-slowdowns", "x"], "--map-slowdowns=x: expected a comma-separated list"),
        (["--map-workers", "1"], "--map-workers=1: every n must be >= 2"),
        (["--runs", "0"], "--runs=0: must be >= 1"),
        (["--grid", "workers=4"], "has its own runs"),
    ]
    for extra, message in bad:
        r = run([SWEEP, "--preset", "regime", "--mode", "commands", "--program", "prog",
                 "--out", os.path.join(work, "bad")] + extra, expect_ok=False)
        check(r.returncode == 2 and message in r.stderr,
              f"sweep.py --preset regime {' '.join(extra)}: exit 2 and '{message}' (got "
              f"{r.returncode}: {r.stderr.strip()[-300:]})")
    return root


def test_regime_tables(work, root):
    """regime.csv and regime-map.csv from summary.csv files with known values: two-stage
    takes 1 + r s, uncoded 2 + r s, fractional repetition 3 s in run r (r = 1, 2) except that
    its run 2 at the Pareto straggler point misses the target."""
    times = {"uncoded": (3.0, 4.0), "two-stage": (2.0, 3.0), "fractional-repetition": (3.0, 3.0)}
    loads = {"uncoded": 10, "two-stage": 11, "fractional-repetition": 50}
    _, entries = read_manifest_rows(root)
    for e in entries:
        scheme, run_index = e["scheme"], int(e["run"])
        t = times[scheme][run_index - 1]
        missed = (scheme == "fractional-repetition" and e["stragglers"] == "pareto" and
                  e["slow_fraction"] == "0.2" and run_index == 2)
        write_summary(os.path.join(root, e["run_dir"], "summary.csv"), {
            "scheme": scheme, "reached_target": "0" if missed else "1",
            "time_to_target_s": "nan" if missed else repr(t),
            "mean_compute_load": str(loads[scheme])})
    r = run([SWEEP, "--preset", "regime", "--out", root, "--collect-only", "--no-plots"])
    with open(os.path.join(root, "regime.csv"), newline="") as f:
        points = {(row["stragglers"], row["slowdown"], row["scheme"]): row
                  for row in csv.DictReader(f)}
    two = points[("none", "1", "two-stage")]
    # mean 2.5, sample sd sqrt(0.5), half-width t(0.975, 1) sqrt(0.5) / sqrt(2) = 6.353...
    check(two["runs"] == "2" and two["reached"] == "2" and close(two["time_to_target_s_mean"], 2.5,
          1e-5) and close(two["time_to_target_s_ci95"], 12.7062047 * 0.5, 1e-5) and
          close(two["mean_compute_load_mean"], 11, 1e-5), f"regime.csv two-stage row ({two})")
    frac = points[("pareto", "4", "fractional-repetition")]
    check(frac["reached"] == "1", f"a point that reached the target in 1 of 2 runs ({frac})")
    with open(os.path.join(root, "regime-map.csv"), newline="") as f:
        cells = {(row["stragglers"], row["slow_fraction"], row["slowdown"]): row
                 for row in csv.DictReader(f)}
    check(len(cells) == 3 * 2 * 2, f"a map cell per model x fraction x slowdown ({len(cells)})")
    c = cells[("persistent", "0", "4")]
    check(close(c["ratio_to_uncoded"], 2.5 / 3.5, 1e-5) and c["best_other"] == "fractional-"
          "repetition" and close(c["ratio_to_best_other"], 2.5 / 3.0, 1e-5),
          f"no-straggler cell: two-stage over uncoded and over the best other scheme ({c})")
    c = cells[("pareto", "0.2", "4")]
    check(c["best_other"] == "uncoded" and close(c["ratio_to_best_other"], 2.5 / 3.5, 1e-5),
          f"a scheme that missed the target in a run is not the best other ({c})")
    check("more than 10% slower than uncoded in 0" in r.stdout, f"summary line ({r.stdout})")


FLOWMON = """<?xml version="1.0" ?>
<FlowMonitor>
  <FlowStats>
    <Flow flowId="1" rxBytes="3000" />
    <Flow flowId="2" rxBytes="1000" />
    <Flow flowId="3" rxBytes="9999" />
  </FlowStats>
  <Ipv4FlowClassifier>
    <Flow flowId="1" sourceAddress="10.1.0.2" destinationAddress="10.1.0.1" />
    <Flow flowId="2" sourceAddress="10.1.0.3" destinationAddress="10.1.0.1" />
    <Flow flowId="3" sourceAddress="10.1.0.1" destinationAddress="10.1.0.2" />
  </Ipv4FlowClassifier>
</FlowMonitor>
"""


def test_extras(work):
    """aggregate.py adds the metrics of admission.csv and flowmon.xml: one point of two runs;
    run 1 has both files (backlogs 2 and 4, last utility 5 and wasted 0.5; 3000 and 1000 bytes
    delivered by 2 of 3 workers in 2 s), run 2 neither (its extras are nan, n counts 1)."""
    root = fresh(os.path.join(work, "extras"))
    with open(os.path.join(root, "manifest.csv"), "w") as f:
        f.write("run_dir,point,run,rng_run,x\n")
        for i in (1, 2):
            run_dir = f"runs/p000/r{i:02d}"
            f.write(f"{run_dir},0,{i},{i},1\n")
            write_summary(os.path.join(root, run_dir, "summary.csv"),
                          dict(scheme="uncoded", network="wifi", workers="3", rng_run=str(i),
                               sim_time_s="2", time_to_target_s="1"))
    folder = os.path.join(root, "runs/p000/r01")
    with open(os.path.join(folder, "admission.csv"), "w") as f:
        f.write("time_s,slot,total_backlog,utility,wasted_total\n1,0,2,4,0\n2,1,4,5,0.5\n")
    with open(os.path.join(folder, "flowmon.xml"), "w") as f:
        f.write(FLOWMON)
    run([AGGREGATE, root])
    with open(os.path.join(root, "aggregate.csv")) as f:
        table = {r["metric"]: r for r in csv.DictReader(f)}
    expected = {"admission_mean_backlog": 3.0, "admission_utility": 5.0,
                "admission_wasted": 0.5, "uplink_jain_delivered": 16e6 / (3 * 10e6),
                "uplink_min_share": 0.0, "uplink_goodput_mbps": 4000 * 8 / 2 / 1e6}
    for metric, value in expected.items():
        r = table.get(metric)
        check(r is not None and r["n"] == "1" and close(r["mean"], value),
              f"aggregate.csv {metric}: n 1, mean {value} (got {r})")


def read_manifest_rows(root):
    with open(os.path.join(root, "manifest.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    return rows[0].keys(), rows


def main():
    p = argparse.ArgumentParser()
    p.add_argument("test", choices=["ci", "cli", "presets", "regime", "reproducible"])
    p.add_argument("--work", required=True)
    p.add_argument("--program")
    a = p.parse_args()
    os.makedirs(a.work, exist_ok=True)
    if a.test == "ci":
        test_ci(a.work)
        test_extras(a.work)
    elif a.test == "cli":
        test_cli(a.work)
    elif a.test == "presets":
        work = fresh(os.path.join(a.work, "presets"))
        test_preset_runs(work)
        test_preset_tables(work, write_fake_sim(work))
        test_energy_figure(work)
    elif a.test == "regime":
        work = fresh(os.path.join(a.work, "regime"))
        test_regime_tables(work, test_regime_points(work))
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
