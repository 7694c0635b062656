#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Runs one program with bad input and checks that it fails cleanly.

Usage: test/sim/cli-check.py [--setup KIND] [--expect-success | --expect-status N]
                            --expect REGEX PROGRAM [ARG...]

Passes when PROGRAM exits with code 1 (not 0, not a signal such as SIGABRT or SIGSEGV, not a
hang: 120 s timeout) and its stderr matches REGEX (Python re.search, case-sensitive). With
--expect-success it must instead exit 0 and stdout+stderr must match REGEX (a positive control
that shows a setup is otherwise valid). With --expect-status N it must exit with code N and
stderr must match REGEX (the run-time outcomes: 3 training diverged, 4 fewer iterations
decoded than --requireDecoded; and warnings with N = 0). In the arguments, @TMP@ is replaced by a fresh temporary
folder (removed afterwards). The program runs inside that folder.

Setups (prepared in @TMP@ before the run):
  file            @TMP@/file, a regular file (so @TMP@/file/sub can never be created, even by root)
  idx:VARIANT     @TMP@/data with the four Fashion-MNIST files (20 training and 10 test images of
                  28 x 28 pixels, gzip), broken as VARIANT says:
                    valid        nothing broken
                    missing      t10k-labels-idx1-ubyte.gz absent
                    empty        train-images-idx3-ubyte.gz has 0 bytes
                    typecode     train-images has the data type code 9 (magic 0x00000903)
                    badmagic     train-images starts with 0x1f8b0803 after decompression
                    truncated    train-images loses its last 100 bytes
                    gzcut        train-images.gz is a gzip stream cut in half
                    count        train-labels has 19 labels for 20 images
                    pixels       images of 27 x 27 pixels (729 features, the model wants 784)
                    label        a training label of 10 (Fashion-MNIST has classes 0..9)
                    labeldims    train-labels with 2 dimensions (20 x 1)
"""

import gzip
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile


def idx_bytes(dims, data, type_code=0x08):
    """An IDX file: magic 0 0 type ndims, big-endian dims, then the data."""
    head = bytes([0, 0, type_code, len(dims)]) + b"".join(struct.pack(">I", d) for d in dims)
    return head + bytes(data)


def write_gz(path, payload):
    with gzip.open(path, "wb") as f:
        f.write(payload)


def make_fashion_mnist(folder, variant):
    os.makedirs(folder)
    side = 27 if variant == "pixels" else 28
    files = {}
    for split, n in (("train", 20), ("t10k", 10)):
        pixels = [(7 * i + 3) % 256 for i in range(n * side * side)]
        labels = [i % 10 for i in range(n)]
        files[split + "-images-idx3-ubyte.gz"] = idx_bytes([n, side, side], pixels)
        files[split + "-labels-idx1-ubyte.gz"] = idx_bytes([n], labels)
    images = "train-images-idx3-ubyte.gz"
    labels = "train-labels-idx1-ubyte.gz"
    if variant == "typecode":
        files[images] = bytes([0, 0, 0x09]) + files[images][3:]
    elif variant == "badmagic":
        files[images] = bytes([0x1F, 0x8B, 0x08, 0x03]) + files[images][4:]
    elif variant == "truncated":
        files[images] = files[images][:-100]
    elif variant == "count":
        files[labels] = idx_bytes([19], [i % 10 for i in range(19)])
    elif variant == "label":
        files[labels] = idx_bytes([20], [10] + [i % 10 for i in range(1, 20)])
    elif variant == "labeldims":
        files[labels] = idx_bytes([20, 1], [i % 10 for i in range(20)])
    elif variant not in ("valid", "missing", "empty", "gzcut", "pixels"):
        raise SystemExit("unknown idx variant " + variant)
    for name, payload in files.items():
        write_gz(os.path.join(folder, name), payload)
    if variant == "missing":
        os.remove(os.path.join(folder, "t10k-labels-idx1-ubyte.gz"))
    elif variant == "empty":
        open(os.path.join(folder, images), "wb").close()
    elif variant == "gzcut":
        path = os.path.join(folder, images)
        with open(path, "rb") as f:
            whole = f.read()
        with open(path, "wb") as f:
            f.write(whole[: len(whole) // 2])


def main(argv):
    setup = None
    expect_success = False
    expect_status = 1
    pattern = None
    while argv and argv[0].startswith("--"):
        if argv[0] == "--expect":
            pattern = argv[1]
            argv = argv[2:]
        elif argv[0] == "--setup":
            setup = argv[1]
            argv = argv[2:]
        elif argv[0] == "--expect-success":
            expect_success = True
            argv = argv[1:]
        elif argv[0] == "--expect-status":
            expect_status = int(argv[1])
            argv = argv[2:]
        else:
            raise SystemExit("unknown option " + argv[0])
    if pattern is None or not argv:
        raise SystemExit(__doc__)
    program, args = argv[0], argv[1:]
    tmp = tempfile.mkdtemp(prefix="coded-learning-hardening-")
    try:
        if setup == "file":
            with open(os.path.join(tmp, "file"), "w") as f:
                f.write("a regular file\n")
        elif setup is not None and setup.startswith("idx:"):
            make_fashion_mnist(os.path.join(tmp, "data"), setup[4:])
        elif setup is not None:
            raise SystemExit("unknown setup " + setup)
        args = [a.replace("@TMP@", tmp) for a in args]
        print("running:", program, " ".join(args))
        try:
            proc = subprocess.run([program] + args, cwd=tmp, capture_output=True, text=True,
                                  errors="replace", timeout=120)
        except subprocess.TimeoutExpired:
            print("FAIL: the program did not finish within 120 s (hang)")
            return 1
        print("exit code:", proc.returncode)
        print("--- stdout ---\n" + proc.stdout[:3000])
        print("--- stderr ---\n" + proc.stderr[:3000])
        if expect_success:
            if proc.returncode != 0:
                print("FAIL: expected exit code 0")
                return 1
            if not re.search(pattern, proc.stdout + proc.stderr):
                print("FAIL: the output does not match /" + pattern + "/")
                return 1
            print("PASS")
            return 0
        if proc.returncode < 0:
            print("FAIL: killed by signal %d (crash or abort)" % -proc.returncode)
            return 1
        if proc.returncode != expect_status:
            print("FAIL: expected exit code %d, got %d" % (expect_status, proc.returncode))
            return 1
        if not re.search(pattern, proc.stderr):
            print("FAIL: stderr does not match /" + pattern + "/")
            return 1
        print("PASS")
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
