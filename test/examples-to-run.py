#! /usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
#
# Examples that ns-3's test.py runs in an ns-3 tree (./test.py -n -c example):
# (example_name_and_arguments, do_run, do_valgrind_run).

cpp_examples = [
    ("centralised-training --dataset=synthetic --epochs=2 --output=none", "True", "True"),
    (
        "lyapunov-tradeoff --vGrid=10,100 --slots=2000 --warmup=500 --output=none --plot=none",
        "True",
        "False",
    ),
    (
        "coded-learning-sim --dataset=synthetic --network=p2p --iterations=3 --outDir=/tmp/cl-example",
        "True",
        "False",
    ),
]

python_examples = []
