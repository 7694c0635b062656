#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""CTest tests (label apps) of utils/coded-learning.lua and utils/pcap-analysis.py.

  test/tools/pcap-test.py --work DIR --crafted
      a PCAP written here byte by byte (raw IPv4/UDP): a valid RESULT chunk, the same chunk
      again, the next chunk 2 ms later, a MODEL chunk (downlink), a header breaking a rule and
      a datagram on port 9000 without our magic: checks the dissector's fields, its error
      mark and the script's exact totals (duplicate counted once, downlink ignored).
  test/tools/pcap-test.py --program build/examples/coded-learning-sim --work DIR --transport udp|tcp

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
import struct
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
UTILS = os.path.join(os.path.dirname(os.path.dirname(HERE)), "utils")
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


def chunk(mtype, it, worker, stage, task, index, count, offset, mlen, plen, flags=0):
    """Our 30-byte header (big-endian) + plen payload bytes."""
    return struct.pack(">HBBIHBBHHHIII", 0x434C, 1, mtype, it, worker, stage, flags, task,
                       index, count, offset, mlen, plen) + bytes(plen)


def ipv4_udp(payload, src, dst, port=9000):
    udp = struct.pack(">HHHH", port, port, 8 + len(payload), 0) + payload
    return struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), 0, 0, 64, 17, 0, bytes(src),
                       bytes(dst)) + udp


def test_crafted(work):
    os.makedirs(work, exist_ok=True)
    pcap = os.path.join(work, "crafted.pcap")
    w1, server = [10, 1, 0, 2], [10, 1, 0, 1]
    packets = [  # (time in ns, packet)
        (1_000_000_000, ipv4_udp(chunk(3, 7, 1, 1, 4, 0, 2, 0, 2000, 1400), w1, server)),
        (1_000_500_000, ipv4_udp(chunk(3, 7, 1, 1, 4, 0, 2, 0, 2000, 1400), w1, server)),
        (1_002_000_000, ipv4_udp(chunk(3, 7, 1, 1, 4, 1, 2, 1400, 2000, 600, 1), w1, server)),
        (1_003_000_000, ipv4_udp(chunk(1, 8, 1, 0, 0, 0, 1, 0, 100, 100), server, w1)),
        (1_004_000_000, ipv4_udp(chunk(3, 8, 1, 1, 0, 2, 2, 0, 100, 10), w1, server)),
        (1_005_000_000, ipv4_udp(b"not ours" * 5, w1, server)),
    ]
    with open(pcap, "wb") as f:  # nanosecond pcap, link type 101 (raw IP)
        f.write(struct.pack("<IHHiIII", 0xA1B23C4D, 2, 4, 0, 0, 65535, 101))
        for t, p in packets:
            f.write(struct.pack("<IIII", t // 10**9, t % 10**9, len(p), len(p)) + p)
    lines = run(["tshark", "-X", f"lua_script:{DISSECTOR}", "-r", pcap]).stdout.splitlines()
    check(len(lines) == 6, f"6 packets listed (got {len(lines)})")
    check("RESULT it=7 w=1 st=1 task=4 chunk=0/2 off=0 len=1400/2000" in lines[0],
          f"info column of a RESULT chunk (got {lines[0].strip()})")
    check("MODEL it=8 w=1 st=0 task=0 chunk=0/1 off=0 len=100/100" in lines[3],
          "info column of a MODEL chunk")
    check("CodedLearning" not in lines[5], "a datagram without our magic is not ours")
    v = run(["tshark", "-X", f"lua_script:{DISSECTOR}", "-r", pcap, "-V"]).stdout
    for field in ("Message type: RESULT (3)", "Iteration: 7", "Worker: 1", "Stage: 1",
                  "Task id: 4", "Chunk index: 1", "Chunk count: 2", "Chunk offset: 1400",
                  "Message length: 2000", "Payload length: 600", "FLOAT32: True",
                  "Message type: MODEL (1)"):
        check(field in v, f"tshark -V shows '{field}'")
    check(v.count("Invalid coded-learning header") == 2 and  # the item and its text
          "Invalid coded-learning header: chunk index >= chunk count" in v,
          "the bad header (index 2 of 2) is marked with the reason")
    bad = run(["tshark", "-X", f"lua_script:{DISSECTOR}", "-r", pcap, "-Y",
               "codedlearning.invalid"]).stdout.splitlines()
    check(len(bad) == 1 and "chunk=2/2" in bad[0], "display filter codedlearning.invalid")
    r = run([ANALYSIS, pcap])
    expected = ("worker,iteration,chunks,uplink_bytes,first_chunk_s,last_chunk_s\n"
                "1,7,2,2060,1.000000000,1.002000000\n")
    check(r.stdout == expected,
          f"per-worker CSV: duplicate once, MODEL and invalid chunk left out (got {r.stdout!r})")
    check("left out 1 chunks with an invalid header" in r.stderr,
          "the invalid chunk is reported on stderr")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--program")
    p.add_argument("--work", required=True)
    p.add_argument("--transport", choices=["udp", "tcp"], default="udp")
    p.add_argument("--crafted", action="store_true")
    a = p.parse_args()
    if a.crafted:
        test_crafted(os.path.join(a.work, "crafted"))
        print("all checks passed" if not failures else f"{len(failures)} check(s) failed")
        return 1 if failures else 0
    if not a.program:
        p.error("--program is required (unless --crafted)")
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
    # The first chunk of every RESULT shows the worker's compute time (tens of milliseconds
    # here; read with the wrong byte order or offset it would be absurdly small or large).
    times = run(["tshark", "-X", f"lua_script:{DISSECTOR}", "-r", server[0], "-T", "fields",
                 "-e", "codedlearning.compute_time", "-Y",
                 "codedlearning.type == 3 && codedlearning.chunk_offset == 0"]).stdout.split()
    check(len(times) >= 3 and all(0.001 < float(t) < 1.0 for t in times),
          f"compute times of the RESULTs in (0.001, 1) s (got {times[:8]})")

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
