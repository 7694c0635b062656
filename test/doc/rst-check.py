#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
#
# Parses every reStructuredText chapter under doc/ with docutils and fails on any warning or
# error (malformed tables, undefined substitutions, bad indentation), except for the Sphinx-only
# "highlight" directive, which plain docutils does not know.
#   test/doc/rst-check.py <doc folder>
import glob
import io
import os
import sys

import docutils.core


def main():
    if len(sys.argv) != 2:
        print("usage: test/doc/rst-check.py <doc folder>", file=sys.stderr)
        return 2
    failed = 0
    files = sorted(glob.glob(os.path.join(sys.argv[1], "*.rst")))
    if not files:
        print(f"no .rst files in {sys.argv[1]}", file=sys.stderr)
        return 1
    for path in files:
        with open(path, encoding="utf-8") as f:
            source = f.read().replace(".. highlight::", ".. comment highlight::")
        stream = io.StringIO()
        docutils.core.publish_doctree(
            source,
            source_path=path,
            settings_overrides={"report_level": 2, "halt_level": 5, "warning_stream": stream},
        )
        if stream.getvalue():
            failed += 1
            print(stream.getvalue(), file=sys.stderr)
    print(f"{len(files) - failed} of {len(files)} chapters parse without warnings")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
