#! /usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
#
# Examples that ns-3's test.py runs in an ns-3 tree (./test.py -n -c example):
# (example_name_and_arguments, do_run, do_valgrind_run).

cpp_examples = [
    ("centralised-training --dataset=synthetic --epochs=2 --output=none", "True", "True"),
]

python_examples = []
