#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""CTest test (label apps) of utils/coded-learning.lua and utils/pcap-analysis.py.

  apps-pcap-test.py --program build/examples/coded-learning-sim --work DIR --transport udp|tcp

Runs coded-learning-sim with --pcap on a small scenario (synthetic data, point-to-point links,
4 workers, 1 of them 1.3 times slower, cyclic repetition, 5 iterations; nanosecond PCAP time
stamps), then checks:
  * tshark with the dissector decodes our header (-V shows the fields, every uplink chunk
    of the server's captures is decoded);
  * per iteration, the bytes of the uplink chunks the server received by the end of the
    iteration (pcap-analysis.py's in_window_bytes) equal bytes_up of iterations.csv;
  * the per-worker rows add up to the per-iteration totals.
"""

import argparse
import csv
import glob
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
UTILS = os.path.join(os.path.dirname(HERE), "utils")
ANALYSIS = os.path.join(UTILS, "pcap-analysis.py")
DISSECTOR = os.path.join(UTILS, "coded-learning.lua")

failures = []


def check(cond, what):
    print(("ok:   " if cond else "FAIL: ") + what)
    if not cond:
        failures.append(what)


def run(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        print(r.stdout + r.stderr)
        raise SystemExit(f"command failed ({r.returncode}): {' '.join(cmd)}")
    return r


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--program", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--transport", choices=["udp", "tcp"], default="udp")
    a = p.parse_args()
    work = os.path.join(a.work, a.transport)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    run([a.program, "--dataset=synthetic", "--trainLimit=2000", "--network=p2p", "--workers=4",
         "--scheme=cyclic-repetition", "--stragglers=1", "--slowFraction=0.25", "--slowdown=1.3",
         "--iterations=5", "--evalInterval=5", f"--transport={a.transport}", "--pcap=true",
         "--ns3::PcapFileWrapper::NanosecMode=true", f"--outDir={work}"])
    server = sorted(glob.glob(os.path.join(work, "coded-learning-0-*.pcap")))
    check(len(server) == 4, f"4 PCAP files of the server's p2p devices (got {len(server)})")

    # The dissector shows our fields.
    v = run(["tshark", "-X", f"lua_script:{DISSECTOR}", "-r", server[0], "-V",
             "-Y", "codedlearning.type == 3"]).stdout
    for field in ("Coded Learning, RESULT it=", "Message type: RESULT (3)", "Iteration: ",
                  "Worker: ", "Stage: ", "Chunk index: ", "Chunk count: ", "Payload length: "):
        check(field in v, f"tshark -V shows '{field}'")
    check("Malformed" not in v and "Invalid coded-learning header" not in v,
          "no malformed or invalid chunk")

    per_worker = os.path.join(work, "uplink.csv")
    per_iter = os.path.join(work, "per-iteration.csv")
    run([ANALYSIS, *server, "--out", per_worker, "--per-iteration", per_iter,
         "--iterations-csv", os.path.join(work, "iterations.csv")])
    with open(per_iter) as f:
        iters = list(csv.DictReader(f))
    with open(per_worker) as f:
        workers = list(csv.DictReader(f))
    check(len(iters) == 5, f"5 iterations in the per-iteration CSV (got {len(iters)})")
    for r in iters:
        check(int(r["bytes_up"]) > 0 and r["in_window_bytes"] == r["bytes_up"],
              f"iteration {r['iteration']}: in-window uplink bytes {r['in_window_bytes']} == "
              f"bytes_up {r['bytes_up']} (all chunks {r['uplink_bytes']}, late "
              f"{r['late_bytes']})")
        rows = [w for w in workers if w["iteration"] == r["iteration"]]
        check(sum(int(w["uplink_bytes"]) for w in rows) == int(r["uplink_bytes"]) and
              sum(int(w["chunks"]) for w in rows) == int(r["chunks"]),
              f"iteration {r['iteration']}: per-worker rows add up")
        check(all(float(w["first_chunk_s"]) <= float(w["last_chunk_s"]) for w in rows),
              f"iteration {r['iteration']}: first chunk <= last chunk")
    check({w["worker"] for w in workers} == {"0", "1", "2", "3"}, "all 4 workers send")
    # The slow worker's result sometimes arrives after the server decoded without it: those
    # chunks are in the capture but not in bytes_up (the test covers that rule).
    late = sum(int(r["late_bytes"]) for r in iters)
    check(late > 0, f"some chunks arrive after the end of their iteration ({late} bytes)")
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
