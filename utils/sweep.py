#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Parameter sweeps of coded-learning-sim (or any ns-3 program) over a grid of command-line
arguments, run with GNU parallel on this machine, over ssh, or as a Slurm job array.

  utils/sweep.py --out results/sweep --runs 3 \\
      --grid workers=4,8 --grid scheme=uncoded,two-stage \\
      -- --dataset=synthetic --network=p2p --iterations=30

writes into the output root:
  commands.txt   one shell command per grid point and run: its own --RngRun and --outDir
                 (<out>/runs/p<point>/r<run>), stdout and stderr into <outDir>/log.txt
  manifest.csv   run_dir,point,run,rng_run,<one column per grid parameter>
  joblog.tsv     GNU parallel's job log (mode local)
  sweep-ssh.sh   the GNU parallel --sshloginfile invocation (mode ssh; not run)
  sweep.sbatch   the Slurm job-array script (mode slurm; not submitted)

The grid is the Cartesian product of the --grid values in the order given (the last --grid
varies fastest); the points are numbered from 0 in that order. Run r (1..--runs) of every
point uses --RngRun=<first-run + r - 1>: the runs of a point have distinct RngRun values and
the same run index gets the same RngRun at every point (common random numbers), unless
--rng unique gives every command its own RngRun. Standard library only.
"""

import argparse
import csv
import io
import itertools
import os
import re
import shlex
import shutil
import subprocess
import sys

PROG = "sweep.py"
NAME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_.:-]*$")
RESERVED = ("RngRun", "outDir")


class SweepError(Exception):
    """A user error: printed as one line, exit status 2."""


def parse_grid(items, sep):
    """--grid NAME=V1,V2,... items (values separated by sep) -> list of (name, [values])."""
    grid = []
    seen = set()
    for item in items:
        if "=" not in item:
            raise SweepError(f"--grid {item!r}: expected NAME=V1,V2,... (e.g. workers=10,20)")
        name, _, values_text = item.partition("=")
        name = name.strip()
        if name.startswith("--"):
            name = name[2:]
        if not NAME_RE.match(name):
            raise SweepError(
                f"--grid {item!r}: parameter name {name!r} is not a command-line flag name "
                "(letters, digits, _ . : -, starting with a letter)")
        if name in RESERVED:
            raise SweepError(f"--grid {item!r}: {name} is set by the sweep itself "
                             "(see --first-run, --rng and --out)")
        if name in seen:
            raise SweepError(f"--grid {item!r}: parameter {name!r} is given twice")
        values = [v.strip() for v in values_text.split(sep)]
        if not values_text.strip() or any(v == "" for v in values):
            raise SweepError(f"--grid {item!r}: empty value; give a list of non-empty values "
                             f"separated by {sep!r}")
        if len(set(values)) != len(values):
            raise SweepError(f"--grid {item!r}: a value is repeated")
        for v in values:
            if any(c in v for c in "\n\r\t"):
                raise SweepError(f"--grid {item!r}: values must not contain tabs or newlines")
        seen.add(name)
        grid.append((name, values))
    return grid


def check_fixed(fixed, grid):
    """The arguments after --: must be flags, and must not collide with the grid."""
    names = {name for name, _ in grid}
    for arg in fixed:
        if not arg.startswith("--"):
            raise SweepError(f"fixed argument {arg!r}: expected --name=value (after --)")
        name = arg[2:].partition("=")[0]
        if name in RESERVED:
            raise SweepError(f"fixed argument {arg!r}: {name} is set by the sweep itself")
        if name in names:
            raise SweepError(f"fixed argument {arg!r}: {name} is also a --grid parameter")
        if any(c in arg for c in "\n\r"):
            raise SweepError(f"fixed argument {arg!r}: must not contain newlines")


def build_jobs(args, grid):
    """-> list of dicts: run_dir (relative to the root), point, run, rng_run, params, argv."""
    names = [name for name, _ in grid]
    value_lists = [values for _, values in grid]
    points = list(itertools.product(*value_lists)) if grid else [()]
    width = max(3, len(str(len(points) - 1)))
    run_width = max(2, len(str(args.runs)))
    jobs = []
    for point, values in enumerate(points):
        for run in range(1, args.runs + 1):
            if args.rng == "common":
                rng_run = args.first_run + run - 1
            else:
                rng_run = args.first_run + point * args.runs + run - 1
            run_dir = f"runs/p{point:0{width}d}/r{run:0{run_width}d}"
            out_dir = os.path.join(args.out, run_dir)
            argv = [args.program]
            argv += [f"--{n}={v}" for n, v in zip(names, values)]
            argv += list(args.fixed)
            argv += [f"--RngRun={rng_run}", f"--outDir={out_dir}"]
            jobs.append({
                "run_dir": run_dir,
                "point": point,
                "run": run,
                "rng_run": rng_run,
                "params": dict(zip(names, values)),
                "out_dir": out_dir,
                "argv": argv,
            })
    return names, jobs


def command_line(job):
    """One shell command: create the run folder, run, keep the output in <outDir>/log.txt."""
    out = shlex.quote(job["out_dir"])
    prog = " ".join(shlex.quote(a) for a in job["argv"])
    return f"mkdir -p {out} && {prog} > {out}/log.txt 2>&1"


def manifest_text(names, jobs):
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["run_dir", "point", "run", "rng_run"] + names)
    for job in jobs:
        writer.writerow([job["run_dir"], job["point"], job["run"], job["rng_run"]] +
                        [job["params"][n] for n in names])
    return buf.getvalue()


def write_if_same(path, text, force):
    """Writes text to path; refuses to replace a different existing file unless force."""
    if os.path.exists(path) and not force:
        with open(path, encoding="utf-8") as f:
            if f.read() != text:
                raise SweepError(
                    f"{path} already exists and describes another sweep; use another --out "
                    "or --force to replace it")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def ssh_script(args, commands_file, joblog):
    workdir = os.getcwd()
    parallel = ["parallel", "--sshloginfile", os.path.abspath(args.sshloginfile),
                "--workdir", workdir, "--joblog", os.path.abspath(joblog),
                f"--{args.ssh_progress}" if args.ssh_progress != "none" else None,
                "--retries", str(args.retries), "-a", os.path.abspath(commands_file)]
    parallel = [p for p in parallel if p is not None]
    return (
        "#!/usr/bin/env bash\n"
        "# SPDX-License-Identifier: GPL-2.0-only\n"
        "# Generated by utils/sweep.py: runs the sweep's commands on the hosts of the\n"
        "# sshloginfile (one 'N/user@host' per line; ':' is this machine).\n"
        "# Assumes a SHARED FILESYSTEM: every host sees this working directory, the program\n"
        "# and the output root at the same paths (e.g. NFS home), and has ns-3 installed.\n"
        "# Rerun with --resume-failed added to redo failed jobs.\n"
        "set -euo pipefail\n"
        f"cd {shlex.quote(workdir)}\n"
        f"exec {' '.join(shlex.quote(p) for p in parallel)} \"$@\"\n")


def slurm_script(args, commands_file, n_jobs):
    workdir = os.getcwd()
    log_dir = os.path.abspath(os.path.join(args.out, "slurm"))
    array = f"1-{n_jobs}" + (f"%{args.slurm_max_running}" if args.slurm_max_running else "")
    lines = [
        "#!/usr/bin/env bash",
        "# SPDX-License-Identifier: GPL-2.0-only",
        "# Generated by utils/sweep.py: one array task per line of the commands file.",
        "# Submit with: sbatch " + os.path.join(args.out, "sweep.sbatch"),
        "#SBATCH --job-name=" + args.slurm_job_name,
        "#SBATCH --array=" + array,
        "#SBATCH --ntasks=1",
        "#SBATCH --cpus-per-task=1",
        "#SBATCH --time=" + args.slurm_time,
        "#SBATCH --output=" + os.path.join(log_dir, "%A_%a.out"),
    ]
    lines += ["#SBATCH " + opt for opt in args.slurm_option]
    lines += [
        "set -euo pipefail",
        f"cd {shlex.quote(workdir)}",
        f'line=$(sed -n "${{SLURM_ARRAY_TASK_ID}}p" {shlex.quote(os.path.abspath(commands_file))})',
        'if [ -z "$line" ]; then',
        '    echo "no command for SLURM_ARRAY_TASK_ID=${SLURM_ARRAY_TASK_ID}" >&2',
        "    exit 1",
        "fi",
        'exec bash -c "$line"',
        "",
    ]
    return "\n".join(lines)


def parse_args(argv):
    if "--" in argv:
        i = argv.index("--")
        own, fixed = argv[:i], argv[i + 1:]
    else:
        own, fixed = argv, []
    p = argparse.ArgumentParser(
        prog=PROG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Sweeps an ns-3 program over a grid of command-line arguments: one command "
        "per grid point and run (distinct --RngRun, own --outDir), executed with GNU parallel "
        "locally, or emitted as a GNU parallel --sshloginfile script or a Slurm job array.",
        epilog="Arguments after -- are passed unchanged to every command.\n\n"
        "examples:\n"
        "  utils/sweep.py --out results/sweep --runs 3 --grid workers=4,8 \\\n"
        "      --grid scheme=uncoded,two-stage -- --dataset=synthetic --network=p2p\n"
        "  utils/sweep.py --mode ssh --sshloginfile hosts.txt --out /nfs/sweep ...\n"
        "  utils/sweep.py --mode slurm --slurm-option=--partition=short --out /scratch/s ...\n"
        "then: utils/aggregate.py <out> (see doc/parameter-studies.rst)")
    p.add_argument("--grid", action="append", default=[], metavar="NAME=V1,V2,...",
                   help="a parameter and its values (repeat for more parameters; a flag of "
                   "the program without the leading --, e.g. workers=10,20 or "
                   "ns3::UdpMessageTransport::PacingRate=50Mbps,100Mbps)")
    p.add_argument("--sep", default=",",
                   help="separator of the --grid values (default ','; e.g. --sep ';' for "
                   "values that are comma-separated lists: --grid 'p2pRate=10Mbps,100Mbps;"
                   "100Mbps')")
    p.add_argument("--runs", type=int, default=3, help="runs per grid point (default 3)")
    p.add_argument("--first-run", type=int, default=1,
                   help="--RngRun of the first run (default 1)")
    p.add_argument("--rng", choices=["common", "unique"], default="common",
                   help="common (default): run r has the same RngRun at every point; "
                   "unique: every command has its own RngRun")
    p.add_argument("--program", default="build/examples/coded-learning-sim",
                   help="the program (default build/examples/coded-learning-sim)")
    p.add_argument("--out", required=True, help="output root (created)")
    p.add_argument("--mode", choices=["local", "ssh", "slurm", "commands"], default="local",
                   help="local (default): run with GNU parallel now; ssh: write sweep-ssh.sh; "
                   "slurm: write sweep.sbatch; commands: only write commands.txt and "
                   "manifest.csv")
    p.add_argument("-j", "--jobs", default="2",
                   help="local mode: parallel jobs (GNU parallel -j: a number, or e.g. 50%%; "
                   "default 2)")
    p.add_argument("--progress", choices=["auto", "bar", "eta", "none"], default="auto",
                   help="GNU parallel's progress display: --bar or --eta; auto (default): "
                   "--bar when stderr is a terminal, else none (the bar needs /dev/tty)")
    p.add_argument("--joblog", help="GNU parallel job log (default <out>/joblog.tsv)")
    p.add_argument("--resume-failed", action="store_true",
                   help="local mode: rerun only the jobs the job log lists as failed or missing")
    p.add_argument("--retries", type=int, default=1,
                   help="GNU parallel --retries (default 1: no retry)")
    p.add_argument("--sshloginfile", help="ssh mode: GNU parallel's --sshloginfile")
    p.add_argument("--slurm-time", default="00:30:00",
                   help="slurm mode: time limit per task (default 00:30:00)")
    p.add_argument("--slurm-job-name", default="coded-learning-sweep",
                   help="slurm mode: job name")
    p.add_argument("--slurm-max-running", type=int, default=0,
                   help="slurm mode: at most this many tasks at once (%%N; default 0: no limit)")
    p.add_argument("--slurm-option", action="append", default=[], metavar="OPTION",
                   help="slurm mode: an extra #SBATCH line, e.g. --slurm-option=--partition=x")
    p.add_argument("--force", action="store_true",
                   help="replace the files of a different sweep in the output root")
    args = p.parse_args(own)
    args.fixed = fixed
    # The ssh script is run later, from a terminal: --bar unless told otherwise.
    args.ssh_progress = "bar" if args.progress == "auto" else args.progress
    if args.progress == "auto":
        args.progress = "bar" if sys.stderr.isatty() else "none"
    if len(args.sep) != 1 or args.sep in "= \t\n":
        p.error(f"--sep {args.sep!r}: must be one character other than '=' and white space")
    if args.runs < 1:
        p.error(f"--runs={args.runs}: must be >= 1")
    if args.first_run < 1:
        p.error(f"--first-run={args.first_run}: must be >= 1 (ns-3 RngRun)")
    if args.retries < 1:
        p.error(f"--retries={args.retries}: must be >= 1")
    if args.slurm_max_running < 0:
        p.error(f"--slurm-max-running={args.slurm_max_running}: must be >= 0")
    if not re.match(r"^([0-9]+%?|\+?[0-9]+|-[0-9]+)$", args.jobs):
        p.error(f"-j {args.jobs!r}: expected a number of jobs (4), a percentage of the cores "
                "(50%) or +N/-N")
    if args.mode == "ssh" and not args.sshloginfile:
        p.error("--mode ssh needs --sshloginfile FILE")
    if args.sshloginfile and args.mode != "ssh":
        p.error("--sshloginfile is only used with --mode ssh")
    if args.sshloginfile and not os.path.isfile(args.sshloginfile):
        p.error(f"--sshloginfile {args.sshloginfile}: no such file")
    if args.resume_failed and args.mode != "local":
        p.error("--resume-failed is only used with --mode local")
    return args


def main(argv):
    args = parse_args(argv)
    try:
        grid = parse_grid(args.grid, args.sep)
        check_fixed(args.fixed, grid)
        if args.mode == "local":
            if not (os.path.isfile(args.program) and os.access(args.program, os.X_OK)):
                raise SweepError(f"--program {args.program}: not an executable file (build "
                                 "first: ./utils/build.sh)")
            if shutil.which("parallel") is None:
                raise SweepError("GNU parallel is not installed (Debian package 'parallel')")
        names, jobs = build_jobs(args, grid)
        os.makedirs(args.out, exist_ok=True)
        commands_file = os.path.join(args.out, "commands.txt")
        joblog = args.joblog or os.path.join(args.out, "joblog.tsv")
        write_if_same(os.path.join(args.out, "manifest.csv"), manifest_text(names, jobs),
                      args.force)
        write_if_same(commands_file, "".join(command_line(j) + "\n" for j in jobs), args.force)
        n_points = len(jobs) // args.runs
        print(f"{PROG}: {n_points} grid points x {args.runs} runs = {len(jobs)} commands in "
              f"{commands_file}; manifest {os.path.join(args.out, 'manifest.csv')}")
        if args.mode == "commands":
            return 0
        if args.mode == "ssh":
            path = os.path.join(args.out, "sweep-ssh.sh")
            with open(path, "w", encoding="utf-8") as f:
                f.write(ssh_script(args, commands_file, joblog))
            os.chmod(path, 0o755)
            print(f"{PROG}: wrote {path} (not run; assumes a shared filesystem)")
            return 0
        if args.mode == "slurm":
            os.makedirs(os.path.join(args.out, "slurm"), exist_ok=True)
            path = os.path.join(args.out, "sweep.sbatch")
            with open(path, "w", encoding="utf-8") as f:
                f.write(slurm_script(args, commands_file, len(jobs)))
            print(f"{PROG}: wrote {path} (not submitted: sbatch {path})")
            if len(jobs) > 1000:
                print(f"{PROG}: note: {len(jobs)} array tasks; Slurm's default MaxArraySize "
                      "is 1001", file=sys.stderr)
            return 0
        cmd = ["parallel", "-j", args.jobs, "--joblog", joblog, "--retries", str(args.retries)]
        if args.progress != "none":
            cmd.append("--" + args.progress)
        if args.resume_failed:
            cmd.append("--resume-failed")
        cmd += ["-a", commands_file]
        print(f"{PROG}: running: {' '.join(shlex.quote(c) for c in cmd)}", flush=True)
        status = subprocess.call(cmd)
        if status != 0:
            failed = f"{status} jobs" if 0 < status < 101 else f"exit status {status}"
            print(f"{PROG}: GNU parallel reports failures ({failed}); see {joblog} and the "
                  "log.txt of the failed runs; rerun with --resume-failed", file=sys.stderr)
            return 1
        print(f"{PROG}: all {len(jobs)} runs succeeded; next: utils/aggregate.py {args.out}")
        return 0
    except SweepError as e:
        print(f"{PROG}: error: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"{PROG}: error: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
