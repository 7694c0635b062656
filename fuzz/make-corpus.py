#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Writes the seed corpora of the libFuzzer targets (fuzz/corpus/<target>/), deterministically.

Usage: fuzz/make-corpus.py [output folder, default: fuzz/corpus next to this script]
Input formats: see the comments at the top of fuzz/header-fuzzer.cc and fuzz/idx-fuzzer.cc.
"""
import gzip
import os
import struct
import sys

MODEL, TASK, RESULT, CANCEL, NACK, REPORT, GRANT, HELLO = range(1, 9)
MAX_CHUNK_PAYLOAD = 65000


def header(mtype, iteration=1, worker=0, stage=1, flags=0, task=0, index=0, count=1,
           offset=0, msg_len=0, payload_len=0, magic=0x434C, version=1):
    """The 30-byte CodedLearningHeader, big-endian."""
    return struct.pack(">HBBIHBBHHHIII", magic, version, mtype, iteration, worker, stage, flags,
                       task, index, count, offset, msg_len, payload_len)


def datagram(mtype, payload, **kw):
    return header(mtype, msg_len=len(payload), payload_len=len(payload), **kw) + payload


def chunks(mtype, message, size, **kw):
    """The datagrams of a message cut into chunks of `size` bytes (as the senders do)."""
    n = max(1, (len(message) + size - 1) // size)
    out = []
    for i in range(n):
        part = message[i * size:(i + 1) * size]
        out.append(header(mtype, index=i, count=n, offset=i * size, msg_len=len(message),
                          payload_len=len(part), **kw) + part)
    return out


def record(op, data):
    return struct.pack(">BH", op, len(data)) + data


def vector(values, f32=False):
    return b"".join(struct.pack("<f" if f32 else "<d", v) for v in values)


def task(load, terms):
    out = struct.pack("<dI", load, len(terms))
    for block, coef, ranges in terms:
        out += struct.pack("<IdI", block, coef, len(ranges))
        for b, e in ranges:
            out += struct.pack("<II", b, e)
    return out


def header_seeds():
    seeds = {}
    model = vector([0.5, -1.25, 3.0, 0.0, 1e-3, 7.5])
    seeds["model-one-datagram"] = record(0, datagram(MODEL, model))
    seeds["model-float32"] = record(0, datagram(MODEL, vector([1.0, 2.0, -3.0], True), flags=1))
    t = task(1.5, [(0, 1.0, [(0, 10)]), (3, -0.5, [(20, 30), (40, 45)])])
    seeds["task"] = record(0, datagram(TASK, t, worker=2, task=1))
    result = vector([float(i) / 7 for i in range(40)])
    seeds["result-chunked-in-order"] = b"".join(
        record(0, d) for d in chunks(RESULT, result, 100, worker=3, task=2))
    parts = chunks(RESULT, result, 64, worker=1)
    seeds["result-chunked-reversed-duplicate"] = b"".join(
        record(1, d) for d in reversed(parts + parts[:1]))
    seeds["result-retransmission"] = b"".join(
        record(0, d) for d in chunks(RESULT, result, 120, flags=2))
    seeds["nack"] = record(0, datagram(NACK, struct.pack("<IIII", 3, 0, 2, 5), worker=1))
    seeds["report-grant"] = (record(0, datagram(REPORT, struct.pack("<Q", 123456)))
                             + record(0, datagram(GRANT, struct.pack("<Q", 65000))))
    seeds["cancel-hello-empty"] = (record(0, datagram(CANCEL, b""))
                                   + record(0, datagram(HELLO, b"", worker=4)))
    stream = b"".join(chunks(RESULT, result, 100, iteration=4)) + datagram(HELLO, b"")
    seeds["tcp-stream-split"] = record(2, stream[:17]) + record(2, stream[17:250]) + \
        record(2, stream[250:])
    seeds["discard-before"] = (record(0, chunks(RESULT, result, 64, iteration=2)[0])
                               + record(3, struct.pack(">I", 3))
                               + record(0, chunks(RESULT, result, 64, iteration=2)[1]))
    # Edge cases: each is refused somewhere.
    seeds["short-header"] = record(0, header(MODEL)[:29])
    seeds["bad-magic"] = record(0, datagram(MODEL, model, magic=0x4C43))
    seeds["bad-version"] = record(0, datagram(MODEL, model, version=2))
    seeds["bad-type"] = record(0, datagram(9, model))
    seeds["bad-flags"] = record(0, datagram(MODEL, model, flags=0x80))
    seeds["index-ge-count"] = record(0, header(RESULT, index=2, count=2, msg_len=4,
                                               payload_len=2, offset=2) + b"ab")
    seeds["payload-length-mismatch"] = record(0, header(RESULT, msg_len=4, payload_len=4) + b"ab")
    seeds["absurd-lengths"] = record(0, header(RESULT, count=65535, index=65534,
                                               offset=0xFFFFFFF0, msg_len=0xFFFFFFFF,
                                               payload_len=0xFFFF) + b"x" * 16)
    seeds["huge-message-first-chunk"] = record(
        0, header(RESULT, count=1100, msg_len=64 * 1024 * 1024, payload_len=8) + b"y" * 8)
    inconsistent = chunks(RESULT, result, 64)
    other = chunks(RESULT, result + b"\0" * 8, 64)
    seeds["inconsistent-chunks"] = record(0, inconsistent[0]) + record(0, other[-1])
    seeds["tcp-garbage"] = record(2, b"\xff" * 40)
    seeds["task-bad-range"] = record(0, datagram(TASK, task(1.0, [(0, 1.0, [(5, 5)])])))
    seeds["nack-unsorted"] = record(0, datagram(NACK, struct.pack("<III", 2, 5, 1)))
    seeds["model-nan"] = record(0, datagram(MODEL, struct.pack("<d", float("nan"))))
    return seeds


def idx(dims, data, magic_type=8):
    return bytes([0, 0, magic_type, len(dims)]) + b"".join(struct.pack(">I", d) for d in dims) \
        + bytes(data)


def idx_seeds():
    images = idx([3, 4, 4], [(i * 37) % 256 for i in range(48)])
    labels = idx([5], [1, 0, 9, 3, 3])
    seeds = {
        "images-raw": b"\x00\x00" + images,
        "images-gzip": b"\x01\x00" + images,
        "images-raw-limit-2": b"\x00\x02" + images,
        "images-gzip-roundtrip-gzip": b"\x03\x01" + images,
        "labels-raw": b"\x00\x00" + labels,
        "four-dims": b"\x00\x00" + idx([2, 1, 2, 3], range(12)),
        # Edge cases, each refused with a message.
        "empty": b"\x00\x00",
        "truncated-magic": b"\x00\x00" + images[:3],
        "bad-magic": b"\x00\x00" + b"\x01" + images[1:],
        "bad-type": b"\x00\x00" + idx([2], [1, 2], magic_type=0x0D),
        "zero-dims": b"\x00\x00" + bytes([0, 0, 8, 0]),
        "five-dims": b"\x00\x00" + bytes([0, 0, 8, 5]) + struct.pack(">5I", 1, 1, 1, 1, 1),
        "zero-dimension": b"\x00\x00" + idx([0, 3], []),
        "truncated-dims": b"\x00\x00" + images[:9],
        "truncated-data": b"\x00\x00" + images[:-5],
        "trailing-data": b"\x00\x00" + images + b"\x07",
        "huge-dims": b"\x00\x00" + idx([0xFFFFFFFF, 0xFFFFFFFF], []),
        "4GiB-announced": b"\x00\x00" + idx([65536, 65536], b"\x00" * 16),
        "corrupt-gzip": b"\x00\x00" + gzip.compress(images, mtime=0)[:20] + b"\x00" * 8,
    }
    return seeds


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "corpus")
    for target, seeds in (("header-fuzzer", header_seeds()), ("idx-fuzzer", idx_seeds())):
        folder = os.path.join(out, target)
        os.makedirs(folder, exist_ok=True)
        for name, data in sorted(seeds.items()):
            with open(os.path.join(folder, name), "wb") as f:
                f.write(data)
        print(f"{folder}: {len(seeds)} seeds")


if __name__ == "__main__":
    main()
