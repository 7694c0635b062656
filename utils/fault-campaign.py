#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Randomized fault campaign (doc/hardening.rst, "Fault campaign"): seeded schedules of faults
(application crash, device down, link down and up, Wi-Fi station out of range and back, loss
bursts, battery depletion) over networks, transports and schemes; every run of
coded-learning-sim is checked against invariants.

  utils/fault-campaign.py --schedules 500 --seed 1 --out results/campaign
  utils/fault-campaign.py --schedules 30 --seed 1 --out /tmp/c -j 2     # the CTest sample

Schedule i draws everything from Python's random.Random(<seed> * 1000003 + i): the network
(wifi, csma, p2p), transport (udp, tcp), scheme (all eight), n in [4, 8], s in [1, 2]
(fractional repetition: an s with (s + 1) | n), the Lyapunov uplink admission and float32 on
the wire with probability 0.2 each, and each fault with probability 0.35 (at
least one): a crash (app, device or both), a link down (and up again, or not), a move out of
range and back (Wi-Fi only), a loss rate with independent or burst losses, a battery that
empties. Synthetic data, 8 iterations, deterministic 10 ms compute per partition, no slow
workers, deadline 0.5 s, --RngRun = i + 1. The runs go through GNU parallel (--timeout).

Invariants of every run (a violation names the schedule and what broke):
  terminates  it ends before --timeout (else: a hang)
  exit        exit status 0 and no signal (else: a crash or an error)
  rows        iterations.csv has one row per iteration, 0 .. 7 in order, outcome decoded or
              deadline; summary.csv exists
  finite      every decoded row has a finite training loss
  exact       uncoded, fractional and cyclic repetition, without a loss rate: every iteration
              in which at most s workers are lost decodes (s = 0 for uncoded). A worker counts
              as lost from the start of its first fault to the end of the run (TCP and Wi-Fi
              association may need long after a link or a station comes back), and a worker
              whose battery is empty (alive = 0) from that iteration on.
  same        every --rerun-th schedule runs again: iterations.csv, summary.csv and energy.csv
              byte-identical

Writes <out>/campaign.csv (one row per schedule), <out>/violations.txt, and prints the summary
table; exit status 1 if any run hung, crashed or broke an invariant, 2 for bad arguments.
"""

import argparse
import csv
import filecmp
import math
import os
import random
import shlex
import shutil
import subprocess
import sys

from common import UserError, require_program, run_main, simulator

PROG = "fault-campaign.py"
SCHEMES = ["uncoded", "ignore-stragglers", "k-sync", "fractional-repetition",
           "cyclic-repetition", "approximate", "partial", "two-stage"]
EXACT = {"uncoded", "fractional-repetition", "cyclic-repetition"}
ITERATIONS = 8
FIXED = ["--dataset=synthetic", "--trainLimit=400", f"--iterations={ITERATIONS}",
         "--evalInterval=4", "--slowFraction=0", "--distribution=deterministic",
         "--computeUnitMs=10", "--deadline=0.5"]


# The faults that last from a start to an end: their worker, start and end flags.
WINDOW_FLAGS = {"link": ("linkDownWorker", "linkDownAt", "linkUpAt"),
                "move": ("moveWorker", "moveAt", "moveBackAt")}


def _time(rng, low=1.05, high=2.2):
    return round(rng.uniform(low, high), 3)


def schedule(seed, index):
    """-> dict: the schedule's flags, its faults in words, and what the checks need."""
    rng = random.Random(seed * 1000003 + index)
    network = rng.choice(["wifi", "csma", "p2p"])
    transport = rng.choice(["udp", "tcp"])
    scheme = rng.choice(SCHEMES)
    n = rng.randint(4, 8)
    s = rng.randint(1, 2)
    if scheme == "fractional-repetition":
        s = rng.choice([t for t in range(1, n) if n % (t + 1) == 0])
    flags = [f"--network={network}", f"--transport={transport}", f"--scheme={scheme}",
             f"--workers={n}", f"--stragglers={s}"]
    if rng.random() < 0.2:
        flags.append("--admission=lyapunov")
    if rng.random() < 0.2:
        flags.append("--float32=true")
    faults, lost_from, loss = [], {}, 0.0

    def lose(worker, t):
        lost_from[worker] = min(t, lost_from.get(worker, math.inf))

    kinds = ["crash", "link", "loss", "battery"] + (["move"] if network == "wifi" else [])
    chosen = [k for k in kinds if rng.random() < 0.35] or [rng.choice(kinds)]
    for kind in chosen:
        w = rng.randrange(n)
        if kind == "crash":
            t, mode = _time(rng), rng.choice(["app", "device", "both"])
            flags += [f"--crashWorker={w}", f"--crashAt={t}", f"--crashMode={mode}"]
            faults.append(f"crash {mode} w{w}@{t}")
            lose(w, t)
        elif kind in WINDOW_FLAGS:  # a fault from t until it ends (0: never)
            t = _time(rng)
            end = round(t + rng.uniform(0.05, 0.6), 3) if rng.random() < 0.75 else 0
            flags += [f"--{name}={v}" for name, v in zip(WINDOW_FLAGS[kind], (w, t, end))]
            faults.append(f"{kind} w{w} {t}-{end or 'end'}")
            lose(w, t)
        elif kind == "loss":
            loss = rng.choice([0.01, 0.05, 0.1, 0.2])
            model = rng.choice(["rate", "burst"])
            flags += [f"--lossRate={loss}", f"--lossModel={model}"]
            faults.append(f"loss {model} {loss}")
        else:
            energy = [0.0] * n
            energy[w] = round(rng.uniform(0.2, 3.0), 2)
            flags.append("--battery=" + ",".join(f"{e:g}" for e in energy))
            faults.append(f"battery w{w} {energy[w]:g} J")
    return {"index": index, "network": network, "transport": transport, "scheme": scheme,
            "workers": n, "s": s, "flags": flags, "faults": "; ".join(faults),
            "lost_from": lost_from, "loss": loss}


def command(program, sched, out_dir, timeout):
    argv = [program] + FIXED + sched["flags"] + [f"--RngRun={sched['index'] + 1}",
                                                 f"--outDir={out_dir}"]
    q = shlex.quote(out_dir)
    return (f"mkdir -p {q} && timeout {timeout} " + " ".join(shlex.quote(a) for a in argv) +
            f" > {q}/log.txt 2>&1; echo $? > {q}/status.txt")


def run_parallel(commands, folder, jobs):
    """Runs the commands with GNU parallel; every command records its own exit status."""
    require_program("parallel", "parallel")
    path = os.path.join(folder, "commands.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(c + "\n" for c in commands))
    subprocess.run(["parallel", "-j", str(jobs), "--joblog", os.path.join(folder, "joblog.tsv"),
                    "-a", path], check=False, stdout=subprocess.DEVNULL)


def read_status(run_dir):
    try:
        with open(os.path.join(run_dir, "status.txt"), encoding="utf-8") as f:
            return int(f.read().strip())
    except (OSError, ValueError):
        return None


def check_run(sched, run_dir):
    """-> (status word, rows, decoded, [violations]) of one run."""
    status = read_status(run_dir)
    if status is None:
        return "no-status", 0, 0, ["terminates: the run left no exit status"]
    if status == 124:
        return "hang", 0, 0, ["terminates: killed by the timeout"]
    if status != 0:
        kind = "crash" if status > 128 else "error"
        return kind, 0, 0, [f"exit: status {status} (see {run_dir}/log.txt)"]
    path = os.path.join(run_dir, "iterations.csv")
    if not os.path.isfile(path) or not os.path.isfile(os.path.join(run_dir, "summary.csv")):
        return "ok", 0, 0, ["rows: iterations.csv or summary.csv missing"]
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    bad = []
    if [r["iteration"] for r in rows] != [str(i) for i in range(ITERATIONS)]:
        bad.append(f"rows: iterations {[r['iteration'] for r in rows]}, expected 0..7")
    for r in rows:
        if r["outcome"] not in ("decoded", "deadline"):
            bad.append(f"rows: iteration {r['iteration']} outcome {r['outcome']}")
        if r["decoded"] == "1" and not (r["train_loss"] and math.isfinite(float(r["train_loss"]))):
            bad.append(f"finite: iteration {r['iteration']} decoded with loss {r['train_loss']!r}")
    decoded = sum(r["decoded"] == "1" for r in rows)
    if sched["scheme"] in EXACT and sched["loss"] == 0:
        tolerance = 0 if sched["scheme"] == "uncoded" else sched["s"]
        for r in rows:
            end = float(r["sim_time_s"])
            lost = {w for w, t in sched["lost_from"].items() if t <= end}
            lost |= {w for w, a in enumerate(r.get("alive") or "") if a == "0"}
            if len(lost) <= tolerance and r["decoded"] != "1":
                bad.append(f"exact: iteration {r['iteration']} not decoded with "
                           f"{len(lost)} <= {tolerance} workers lost ({sorted(lost)})")
    return "ok", len(rows), decoded, bad


def same_outputs(first, second):
    """-> [violations] of a rerun: the output files must be byte-identical."""
    bad = []
    for name in ("iterations.csv", "summary.csv", "energy.csv"):
        a, b = os.path.join(first, name), os.path.join(second, name)
        if os.path.isfile(a) != os.path.isfile(b) or (
                os.path.isfile(a) and not filecmp.cmp(a, b, shallow=False)):
            bad.append(f"same: {name} differs in the rerun")
    return bad


def print_kinds(rows):
    """Per fault kind (and network): schedules with it and the fraction of iterations decoded
    (campaign.csv rows)."""
    print(f"{'fault':<9} {'network':<7} {'schedules':>9} {'decoded':>8}")
    for kind in ("crash", "link", "move", "loss", "battery"):
        for net in ("wifi", "csma", "p2p"):
            sel = [r for r in rows if r[1] == net and any(f.startswith(kind)
                                                           for f in r[6].split("; "))]
            if sel:
                share = sum(r[9] for r in sel) / (ITERATIONS * len(sel))
                print(f"{kind:<9} {net:<7} {len(sel):>9} {share:>8.3f}")


def parse_args(argv):
    p = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--schedules", type=int, default=500, help="schedules to run (default 500)")
    p.add_argument("--seed", type=int, default=1, help="campaign seed (default 1)")
    p.add_argument("--out", required=True, help="output folder (created)")
    p.add_argument("-j", "--jobs", type=int, default=2, help="parallel runs (default 2)")
    p.add_argument("--timeout", type=int, default=120, help="seconds per run (default 120)")
    p.add_argument("--rerun", type=int, default=5,
                   help="rerun every N-th schedule for the same-bytes check (default 5; 0 = "
                   "none)")
    p.add_argument("--program", default=None,
                   help="coded-learning-sim (default $CODED_LEARNING_BUILD_DIR/examples/...)")
    a = p.parse_args(argv)
    for name, low in (("schedules", 1), ("jobs", 1), ("timeout", 1), ("rerun", 0),
                      ("seed", 0)):
        if getattr(a, name) < low:
            p.error(f"--{name}={getattr(a, name)}: must be >= {low}")
    a.program = a.program or simulator()
    if not (os.path.isfile(a.program) and os.access(a.program, os.X_OK)):
        raise UserError(f"--program {a.program}: not an executable file (build first)", 2)
    return a


def main(argv):
    a = parse_args(argv)
    os.makedirs(a.out, exist_ok=True)
    for old in ("runs", "rerun"):  # no file of an earlier campaign may pass for this one's
        shutil.rmtree(os.path.join(a.out, old), ignore_errors=True)
    scheds = [schedule(a.seed, i) for i in range(a.schedules)]
    dirs = [os.path.join(a.out, "runs", f"s{i:04d}") for i in range(a.schedules)]
    reruns = [i for i in range(a.schedules) if a.rerun and i % a.rerun == 0]
    again = {i: os.path.join(a.out, "rerun", f"s{i:04d}") for i in reruns}
    run_parallel([command(a.program, s, d, a.timeout) for s, d in zip(scheds, dirs)] +
                 [command(a.program, scheds[i], again[i], a.timeout) for i in reruns],
                 a.out, a.jobs)
    counts = {"ok": 0, "hang": 0, "crash": 0, "error": 0, "no-status": 0}
    rows, violations = [], []
    for sched, d in zip(scheds, dirs):
        status, n_rows, decoded, bad = check_run(sched, d)
        if sched["index"] in again and status == "ok":
            bad += same_outputs(d, again[sched["index"]])
        counts[status] += 1
        violations += [f"schedule {sched['index']} ({sched['network']} {sched['transport']} "
                       f"{sched['scheme']} n={sched['workers']} s={sched['s']}; "
                       f"{sched['faults']}): {v}" for v in bad]
        rows.append([sched["index"], sched["network"], sched["transport"], sched["scheme"],
                     sched["workers"], sched["s"], sched["faults"], status, n_rows, decoded,
                     len(bad)])
    with open(os.path.join(a.out, "campaign.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["schedule", "network", "transport", "scheme", "workers", "s", "faults",
                    "status", "rows", "decoded", "violations"])
        w.writerows(rows)
    with open(os.path.join(a.out, "violations.txt"), "w", encoding="utf-8") as f:
        f.write("".join(v + "\n" for v in violations))
    kinds = {}
    for v in violations:
        kind = v.rsplit("): ", 1)[1].split(":")[0]
        kinds[kind] = kinds.get(kind, 0) + 1
    print(f"{PROG}: seed {a.seed}: {a.schedules} schedules ({len(reruns)} run twice): "
          f"{counts['ok']} ran to the end, {counts['hang']} hangs, {counts['crash']} crashes, "
          f"{counts['error'] + counts['no-status']} errors; invariant violations "
          f"{len(violations)}" + (f" ({', '.join(f'{k} {c}' for k, c in sorted(kinds.items()))})"
                                  if kinds else ""))
    exact = [r for r in rows if r[3] in EXACT]
    print(f"{PROG}: iterations decoded: {sum(r[9] for r in rows)} of {ITERATIONS * len(rows)} "
          f"({sum(r[9] for r in exact)} of {ITERATIONS * len(exact)} for the exact schemes); "
          f"table {os.path.join(a.out, 'campaign.csv')}")
    print_kinds(rows)
    for v in violations[:20]:
        print(f"{PROG}: violation: {v}")
    return 1 if violations or counts["ok"] != a.schedules else 0


if __name__ == "__main__":
    sys.exit(run_main(PROG, main, sys.argv[1:]))
