#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
#
# Keeps the flag tables of the documentation true to the programs: every flag that
# "<program> --PrintHelp" lists must have a row in the given reStructuredText file (a line that
# starts with the flag name followed by white space) or be named as ``name`` in its text.
#   test/doc/flags-check.py <program> <file.rst>
import re
import subprocess
import sys


def main():
    if len(sys.argv) != 3:
        print("usage: test/doc/flags-check.py <program> <file.rst>", file=sys.stderr)
        return 2
    program, doc = sys.argv[1], sys.argv[2]
    out = subprocess.run([program, "--PrintHelp"], capture_output=True, text=True, timeout=60)
    if out.returncode != 0:
        print(f"{program} --PrintHelp failed with exit code {out.returncode}", file=sys.stderr)
        return 1
    options = out.stdout.split("Program Options:", 1)[-1].split("General Arguments:", 1)[0]
    flags = re.findall(r"^    --(\w+):", options, flags=re.M)
    if not flags:
        print(f"{program} --PrintHelp listed no flags", file=sys.stderr)
        return 1
    with open(doc, encoding="utf-8") as f:
        text = f.read()
    missing = [
        flag
        for flag in flags
        if not re.search(r"^\s*" + re.escape(flag) + r"\s", text, flags=re.M)
        and "``" + flag + "``" not in text
    ]
    if missing:
        print(f"{doc}: no table row for these flags of {program}: {', '.join(missing)}",
              file=sys.stderr)
        return 1
    print(f"{doc}: all {len(flags)} flags of {program} documented")
    return 0


if __name__ == "__main__":
    sys.exit(main())
