#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Uplink traffic per worker and iteration from PCAP traces of coded-learning-sim (--pcap),
decoded by tshark with the Lua dissector utils/coded-learning.lua.

  utils/pcap-analysis.py results/sim/coded-learning-0-*.pcap --out uplink.csv \\
      --iterations-csv results/sim/iterations.csv --per-iteration per-iteration.csv

Pass the PCAP files of the parameter server's devices (node 0: coded-learning-0-<dev>.pcap;
one per worker link on p2p, the access point on Wi-Fi, one on CSMA): there every uplink chunk
is a reception, time-stamped when the server's device received it.

Uplink chunks are the messages workers send: RESULT, REPORT and HELLO (TCP); chunks whose
header breaks a rule (version, type, chunk index >= count, offset + payload > message length)
are left out with a warning, as the server drops them. A chunk is
identified by (type, iteration, worker, stage, task id, chunk index); a chunk seen more than
once (a Wi-Fi MAC retransmission received twice, the same packet in two files, a NACK-driven
re-send) counts once, at its first time, as the server's reassembler counts it. Bytes of a
chunk = 30 (our header) + its payload length: the UDP payload, or the TCP frame, which is what
the server's transport counts in bytes_up.

--out (default stdout): worker,iteration,chunks,uplink_bytes,first_chunk_s,last_chunk_s
(times in simulated seconds: ns-3 writes simulated time as the PCAP time stamp).
--per-iteration: iteration,chunks,uplink_bytes,first_chunk_s,last_chunk_s and, with
--iterations-csv, end_s, in_window_chunks, in_window_bytes, late_chunks, late_bytes and
bytes_up: in_window counts the chunks received by the end of their iteration (the server
discards later ones as stale, so in_window_bytes is what bytes_up measures).
"""

import argparse
import csv
import os
import subprocess
import sys
from decimal import Decimal

from common import UserError, require_program, run_main

PROG = "pcap-analysis.py"
HERE = os.path.dirname(os.path.abspath(__file__))
DISSECTOR = os.path.join(HERE, "coded-learning.lua")
HEADER_SIZE = 30
UPLINK_TYPES = {3: "RESULT", 6: "REPORT", 8: "HELLO"}
FIELDS = ["frame.number", "frame.time_epoch", "codedlearning.type", "codedlearning.iteration",
          "codedlearning.worker", "codedlearning.stage", "codedlearning.task",
          "codedlearning.chunk_index", "codedlearning.payload_length", "codedlearning.version",
          "codedlearning.chunk_count", "codedlearning.chunk_offset",
          "codedlearning.message_length"]
ROOT_WARNING = 'Running as user "root" and group "root". This could be dangerous.'


def run_tshark(pcap, port):
    """-> (list of chunk tuples (time, type, iteration, worker, stage, task, index, bytes),
    number of chunks whose header breaks a rule the server checks, left out)."""
    if not os.path.isfile(pcap):
        raise UserError(f"{pcap}: no such file")
    cmd = ["tshark", "-n", "-X", f"lua_script:{DISSECTOR}", "-o", f"codedlearning.port:{port}",
           "-r", pcap, "-Y", "codedlearning", "-T", "fields", "-E", "separator=\t",
           "-E", "occurrence=a", "-E", "aggregator=|"]
    for field in FIELDS:
        cmd += ["-e", field]
    result = subprocess.run(cmd, capture_output=True, text=True)
    # tshark run by root prints a warning on stderr; anything else is reported.
    errors = [line for line in result.stderr.splitlines() if line.strip() and
              line.strip() != ROOT_WARNING]
    if result.returncode != 0 or errors:
        raise UserError(f"tshark failed on {pcap} (exit {result.returncode}): " +
                        " / ".join(errors))
    chunks = []
    invalid = 0
    for line in result.stdout.splitlines():
        cols = line.split("\t")
        if len(cols) != len(FIELDS):
            raise UserError(f"{pcap}: unexpected tshark output line {line!r}")
        time = Decimal(cols[1])
        # A TCP segment can carry several frames: one value per frame, '|'-separated.
        lists = [c.split("|") for c in cols[2:]]
        if len({len(x) for x in lists}) != 1:
            raise UserError(f"{pcap}: frame {cols[0]}: field counts differ: {line!r}")
        for values in zip(*lists):
            (mtype, it, worker, stage, task, index, plen, version, count, offset,
             mlen) = (int(v) for v in values)
            # The server's transport drops such chunks (CodedLearningHeader::Deserialize).
            if (version != 1 or not 1 <= mtype <= 8 or count < 1 or index >= count or
                    offset + plen > mlen):
                invalid += 1
                continue
            chunks.append((time, mtype, it, worker, stage, task, index, HEADER_SIZE + plen))
    return chunks, invalid


def read_iterations(path):
    """-> {iteration: (end time as Decimal, tolerance, bytes_up)} from iterations.csv."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    out = {}
    for r in rows:
        for col in ("iteration", "sim_time_s", "bytes_up"):
            if col not in r:
                raise UserError(f"{path}: no column {col}")
        end_text = r["sim_time_s"]
        end = Decimal(end_text)
        # sim_time_s is printed with 10 significant digits: allow half a unit of the last one.
        exponent = end.as_tuple().exponent
        tol = Decimal(5) * Decimal(10) ** (exponent - 1)
        out[int(r["iteration"])] = (end, tol, int(r["bytes_up"]))
    return out


def fmt_time(t):
    return f"{t:.9f}"


def main(argv):
    p = argparse.ArgumentParser(
        prog=PROG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Uplink bytes and first/last chunk times per worker and iteration from "
        "PCAPs of coded-learning-sim, via tshark and utils/coded-learning.lua.",
        epilog=__doc__.split("\n\n", 1)[1])
    p.add_argument("pcaps", nargs="+", help="PCAP files of the server's devices")
    p.add_argument("--out", help="per-worker CSV (default: stdout)")
    p.add_argument("--per-iteration", metavar="CSV", help="per-iteration totals CSV")
    p.add_argument("--iterations-csv", metavar="CSV",
                   help="the run's iterations.csv: adds the in-window/late split and bytes_up "
                   "to --per-iteration")
    p.add_argument("--port", type=int, default=9000,
                   help="UDP/TCP port of the transports (default 9000)")
    args = p.parse_args(argv)
    if not 1 <= args.port <= 65535:
        p.error(f"--port={args.port}: must be in 1..65535")
    if args.iterations_csv and not args.per_iteration:
        p.error("--iterations-csv needs --per-iteration CSV")
    require_program("tshark", "tshark")
    seen = {}
    for pcap in args.pcaps:
        chunks, invalid = run_tshark(pcap, args.port)
        if invalid:
            print(f"{PROG}: warning: {pcap}: left out {invalid} chunks with an invalid "
                  "header (tshark -Y codedlearning.invalid lists them)", file=sys.stderr)
        for c in chunks:
            time, mtype, it, worker, stage, task, index, nbytes = c
            if mtype not in UPLINK_TYPES:
                continue
            key = (mtype, it, worker, stage, task, index)
            if key not in seen or time < seen[key][0]:
                seen[key] = (time, nbytes)
    per_worker = {}
    per_iter = {}
    by_iteration = {}
    for key, value in seen.items():
        by_iteration.setdefault(key[1], []).append(value)
    for (mtype, it, worker, stage, task, index), (time, nbytes) in seen.items():
        for table, key in ((per_worker, (worker, it)), (per_iter, it)):
            e = table.setdefault(key, [0, 0, time, time])
            e[0] += 1
            e[1] += nbytes
            e[2] = min(e[2], time)
            e[3] = max(e[3], time)
    out = open(args.out, "w", newline="", encoding="utf-8") if args.out else sys.stdout
    try:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["worker", "iteration", "chunks", "uplink_bytes", "first_chunk_s",
                    "last_chunk_s"])
        for (worker, it), e in sorted(per_worker.items()):
            w.writerow([worker, it, e[0], e[1], fmt_time(e[2]), fmt_time(e[3])])
    finally:
        if args.out:
            out.close()
    if args.per_iteration:
        iterations = read_iterations(args.iterations_csv) if args.iterations_csv else None
        with open(args.per_iteration, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            header = ["iteration", "chunks", "uplink_bytes", "first_chunk_s", "last_chunk_s"]
            if iterations is not None:
                header += ["end_s", "in_window_chunks", "in_window_bytes", "late_chunks",
                           "late_bytes", "bytes_up"]
            w.writerow(header)
            its = sorted(set(per_iter) | (set(iterations) if iterations else set()))
            for it in its:
                e = per_iter.get(it, [0, 0, None, None])
                row = [it, e[0], e[1], fmt_time(e[2]) if e[2] is not None else "nan",
                       fmt_time(e[3]) if e[3] is not None else "nan"]
                if iterations is not None:
                    if it in iterations:
                        end, tol, bytes_up = iterations[it]
                        inside = [(t, b) for (t, b) in by_iteration.get(it, [])
                                  if t <= end + tol]
                        late = e[0] - len(inside)
                        in_bytes = sum(b for _, b in inside)
                        row += [str(end), len(inside), in_bytes, late, e[1] - in_bytes,
                                bytes_up]
                    else:
                        row += ["nan", 0, 0, e[0], e[1], "nan"]
                w.writerow(row)
    return 0


if __name__ == "__main__":
    sys.exit(run_main(PROG, main, sys.argv[1:]))
