# SPDX-License-Identifier: GPL-2.0-only
"""What the Python scripts of utils/ share: the build folder, the error type of user and data
errors, the main() wrapper that prints such an error as one line and exits non-zero, and the
value of a flag in a command line.
"""

import os
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class UserError(Exception):
    """A user or data error: printed as one line '<prog>: error: <message>'; exit status
    `status` (1 unless told)."""

    def __init__(self, message, status=1):
        super().__init__(message)
        self.status = status


def build_dir():
    """The build folder of every script: $CODED_LEARNING_BUILD_DIR, else <repository>/build
    (as utils/build.sh)."""
    return os.environ.get("CODED_LEARNING_BUILD_DIR") or os.path.join(ROOT, "build")


def simulator():
    """The main program, coded-learning-sim, of the build folder."""
    return os.path.join(build_dir(), "examples", "coded-learning-sim")


def require_program(name, package):
    """Raises a UserError naming the Debian package when program `name` is not installed."""
    if shutil.which(name) is None:
        raise UserError(f"{name} is not installed (Debian package '{package}'; "
                        "utils/install-deps.sh installs it)")


def run_main(prog, main, argv):
    """Runs main(argv) -> exit status; a UserError or OSError becomes one line on stderr."""
    try:
        return main(argv)
    except UserError as e:
        print(f"{prog}: error: {e}", file=sys.stderr)
        return e.status
    except OSError as e:
        print(f"{prog}: error: {e}", file=sys.stderr)
        return 1


def flag_value(flags, name, default=None):
    """The value of --name=value in flags; the last occurrence wins, as in ns-3's CommandLine."""
    value = default
    for f in flags:
        if f.startswith(f"--{name}="):
            value = f.partition("=")[2]
    return value
