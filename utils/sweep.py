#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""The grid runner of utils/: runs coded-learning-sim (or any ns-3 program) over a grid of
command-line arguments, or over the runs of a preset, with GNU parallel on this machine, over
ssh, or as a Slurm job array; every run in its own folder with its own --RngRun.

  utils/sweep.py --out results/sweep --runs 3 \\
      --grid workers=4,8 --grid scheme=uncoded,two-stage \\
      -- --dataset=synthetic --network=p2p --iterations=30
  utils/sweep.py --preset comparison --with-admission      # README command 1's comparison
  utils/sweep.py --preset scaling --grid workers=10,100    # cost per iteration vs n
  utils/sweep.py --preset soak                             # peak memory vs iterations
  utils/sweep.py --preset regime                           # the regime map (5 runs a point)

writes into the output root:
  commands.txt   one shell command per grid point and run: its own --RngRun and --outDir
                 (<out>/runs/p<point>/r<run>, or <out>/<name> for a preset's named runs),
                 stdout and stderr into <outDir>/log.txt
  manifest.csv   run_dir,point,run,rng_run,<one column per grid parameter, or name>
  joblog.tsv     GNU parallel's job log (mode local)
  sweep-ssh.sh   the GNU parallel --sshloginfile invocation (mode ssh; not run)
  sweep.sbatch   the Slurm job-array script (mode slurm; not submitted)
and, after the runs of a preset, its tables and figures (utils/presets.py).

The grid is the Cartesian product of the --grid values in the order given (the last --grid
varies fastest); the points are numbered from 0 in that order. Run r (1..--runs) of every
point uses --RngRun=<first-run + r - 1>: the runs of a point have distinct RngRun values and
the same run index gets the same RngRun at every point (common random numbers), unless
--rng unique gives every command its own RngRun. Standard library only.
"""

import argparse
import itertools
import os
import re
import shlex
import subprocess
import sys
import time

import presets
from common import UserError, require_program, run_main, simulator
from sweepfiles import TIME_FORMAT, log_tail, manifest_text, read_joblog, read_manifest

PROG = "sweep.py"
NAME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_.:-]*$")
RESERVED = ("RngRun", "outDir")


def usage_error(message):
    return UserError(message, status=2)


def parse_grid(items, sep):
    """--grid NAME=V1,V2,... items (values separated by sep) -> list of (name, [values])."""
    grid = []
    seen = set()
    for item in items:
        if "=" not in item:
            raise usage_error(f"--grid {item!r}: expected NAME=V1,V2,... (e.g. workers=10,20)")
        name, _, values_text = item.partition("=")
        name = name.strip()
        if name.startswith("--"):
            name = name[2:]
        if not NAME_RE.match(name):
            raise usage_error(
                f"--grid {item!r}: parameter name {name!r} is not a command-line flag name "
                "(letters, digits, _ . : -, starting with a letter)")
        if name in RESERVED:
            raise usage_error(f"--grid {item!r}: {name} is set by the sweep itself "
                              "(see --first-run, --rng and --out)")
        if name in seen:
            raise usage_error(f"--grid {item!r}: parameter {name!r} is given twice")
        values = [v.strip() for v in values_text.split(sep)]
        if not values_text.strip() or any(v == "" for v in values):
            raise usage_error(f"--grid {item!r}: empty value; give a list of non-empty values "
                              f"separated by {sep!r}")
        if len(set(values)) != len(values):
            raise usage_error(f"--grid {item!r}: a value is repeated")
        for v in values:
            if any(c in v for c in "\n\r\t"):
                raise usage_error(f"--grid {item!r}: values must not contain tabs or newlines")
        seen.add(name)
        grid.append((name, values))
    return grid


def merge_grid(preset_grid, grid):
    """A preset's grid with the --grid parameters of the same name replaced, new ones last."""
    given = dict(grid)
    merged = [(name, given.pop(name, values)) for name, values in preset_grid]
    return merged + [(name, values) for name, values in grid if name in given]


def split_fixed(fixed, grid):
    """The arguments after --: flags, none of them a grid parameter or --outDir; a
    --RngRun=N among them is taken out and returned as the first RngRun (or None)."""
    names = {name for name, _ in grid}
    first_run = None
    rest = []
    for arg in fixed:
        if not arg.startswith("--"):
            raise usage_error(f"fixed argument {arg!r}: expected --name=value (after --)")
        name, _, value = arg[2:].partition("=")
        if any(c in arg for c in "\n\r"):
            raise usage_error(f"fixed argument {arg!r}: must not contain newlines")
        if name == "RngRun":
            if not value.isdigit() or int(value) < 1:
                raise usage_error(f"fixed argument {arg!r}: RngRun must be an integer >= 1")
            first_run = int(value)
            continue
        if name in RESERVED:
            raise usage_error(f"fixed argument {arg!r}: {name} is set by the sweep itself")
        if name in names:
            raise usage_error(f"fixed argument {arg!r}: {name} is also a --grid parameter")
        rest.append(arg)
    return rest, first_run


def make_points(grid):
    """The grid's points: (name, params, flags before the fixed ones, flags after them)."""
    names = [name for name, _ in grid]
    value_lists = [values for _, values in grid]
    return [(None, dict(zip(names, values)), [f"--{n}={v}" for n, v in zip(names, values)], [])
            for values in itertools.product(*value_lists)]


def build_jobs(args, points, fixed):
    """-> list of dicts: run_dir (relative to the root), point, run, rng_run, params, out_dir,
    argv: the program, the grid flags, the fixed arguments, a named run's own flags (they
    override the fixed ones), --RngRun and --outDir."""
    width = max(3, len(str(len(points) - 1)))
    run_width = max(2, len(str(args.runs)))
    jobs = []
    for point, (name, params, grid_flags, run_flags) in enumerate(points):
        for run in range(1, args.runs + 1):
            if args.rng == "common":
                rng_run = args.first_run + run - 1
            else:
                rng_run = args.first_run + point * args.runs + run - 1
            run_dir = name or f"runs/p{point:0{width}d}/r{run:0{run_width}d}"
            out_dir = os.path.join(args.out, run_dir)
            argv = [args.program] + grid_flags + fixed + run_flags
            argv += [f"--RngRun={rng_run}", f"--outDir={out_dir}"]
            jobs.append({"run_dir": run_dir, "point": point, "run": run, "rng_run": rng_run,
                         "params": params, "out_dir": out_dir, "argv": argv})
    return jobs


def command_line(job, measure, timeout):
    """One shell command: create the run folder, run, keep the output in <outDir>/log.txt;
    measure: /proc/loadavg before, GNU time's wall, user and peak RSS into time.txt."""
    out = shlex.quote(job["out_dir"])
    prog = " ".join(shlex.quote(a) for a in job["argv"])
    before = f"cat /proc/loadavg > {out}/loadavg.txt && " if measure else ""
    wrap = f"timeout {timeout} " if timeout else ""
    if measure:
        wrap += f"/usr/bin/time -f '{TIME_FORMAT}' -o {out}/time.txt "
    return f"mkdir -p {out} && {before}{wrap}{prog} > {out}/log.txt 2>&1"


def write_if_same(path, text, force):
    """Writes text to path; refuses to replace a different existing file unless force."""
    if os.path.exists(path) and not force:
        with open(path, encoding="utf-8") as f:
            if f.read() != text:
                raise usage_error(
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


def preset_options(args, preset, parser):
    """The chosen preset's options (given or default); an option of another preset is an
    error."""
    values = {}
    for p in presets.PRESETS.values():
        for o in p.options:
            given = hasattr(args, o.name.replace("-", "_"))
            if p is preset:
                values[o.name] = getattr(args, o.name.replace("-", "_"), o.default)
            elif given:
                parser.error(f"--{o.name} is an option of --preset {p.name}")
    return values


def parse_args(argv):
    if "--" in argv:
        i = argv.index("--")
        own, fixed = argv[:i], argv[i + 1:]
    else:
        own, fixed = argv, []
    p = argparse.ArgumentParser(
        prog=PROG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Sweeps an ns-3 program over a grid of command-line arguments, or over the "
        "runs of a preset: one command per grid point and run (distinct --RngRun, own "
        "--outDir), executed with GNU parallel locally, or emitted as a GNU parallel "
        "--sshloginfile script or a Slurm job array.",
        epilog="Arguments after -- are passed unchanged to every command (after a preset's own"
        "\nflags, which they override); a --RngRun=N among them is --first-run N.\n\npresets:\n" +
        "".join(f"  {name:<11} {p.summary}\n" for name, p in presets.PRESETS.items()) +
        "\nexamples:\n"
        "  utils/sweep.py --out results/sweep --runs 3 --grid workers=4,8 \\\n"
        "      --grid scheme=uncoded,two-stage -- --dataset=synthetic --network=p2p\n"
        "  utils/sweep.py --preset comparison --with-admission -- --iterations=30\n"
        "  utils/sweep.py --preset comparison --out results/comparison --collect-only\n"
        "  utils/sweep.py --mode ssh --sshloginfile hosts.txt --out /nfs/sweep ...\n"
        "  utils/sweep.py --mode slurm --slurm-option=--partition=short --out /scratch/s ...\n"
        "then: utils/aggregate.py <out> (see doc/parameter-studies.rst)")
    p.add_argument("--preset", choices=sorted(presets.PRESETS),
                   help="a preset sweep (utils/presets.py): its fixed flags, grid or named "
                   "runs, defaults, and its tables and figures after the runs")
    p.add_argument("--grid", action="append", default=[], metavar="NAME=V1,V2,...",
                   help="a parameter and its values (repeat for more parameters; a flag of "
                   "the program without the leading --, e.g. workers=10,20 or "
                   "ns3::UdpMessageTransport::PacingRate=50Mbps,100Mbps); with a preset, "
                   "replaces the preset's values of that parameter")
    p.add_argument("--sep", default=",",
                   help="separator of the --grid values (default ','; e.g. --sep ';' for "
                   "values that are comma-separated lists: --grid 'p2pRate=10Mbps,100Mbps;"
                   "100Mbps')")
    p.add_argument("--runs", type=int,
                   help="runs per grid point (default 3; a preset runs each configuration once, "
                   "except the regime preset: 5 runs per point)")
    p.add_argument("--first-run", type=int,
                   help="--RngRun of the first run (default 1)")
    p.add_argument("--rng", choices=["common", "unique"], default="common",
                   help="common (default): run r has the same RngRun at every point; "
                   "unique: every command has its own RngRun")
    p.add_argument("--program", default=simulator(),
                   help="the program (default $CODED_LEARNING_BUILD_DIR/examples/"
                   "coded-learning-sim, the build folder defaulting to build/)")
    p.add_argument("--out", help="output root (created; a preset has a default)")
    p.add_argument("--mode", choices=["local", "ssh", "slurm", "commands"], default="local",
                   help="local (default): run with GNU parallel now; ssh: write sweep-ssh.sh; "
                   "slurm: write sweep.sbatch; commands: only write commands.txt and "
                   "manifest.csv")
    p.add_argument("-j", "--jobs",
                   help="local mode: parallel jobs (GNU parallel -j: a number, or e.g. 50%%; "
                   "default 2, or the preset's: one per CPU, 1 for measured presets)")
    p.add_argument("--progress", choices=["auto", "bar", "eta", "none"], default="auto",
                   help="GNU parallel's progress display: --bar or --eta; auto (default): "
                   "--bar when stderr is a terminal, else none (the bar needs /dev/tty)")
    p.add_argument("--joblog", help="GNU parallel job log (default <out>/joblog.tsv)")
    p.add_argument("--resume-failed", action="store_true",
                   help="local mode: rerun only the jobs the job log lists as failed or missing")
    p.add_argument("--retries", type=int, default=1,
                   help="GNU parallel --retries (default 1: no retry)")
    p.add_argument("--measure", action="store_true",
                   help="record /proc/loadavg before each run (loadavg.txt) and its wall-clock "
                   "and user CPU seconds and peak RSS with GNU time (time.txt: "
                   f"'{TIME_FORMAT.replace('%', '%%')}'); on for the presets scaling and soak")
    p.add_argument("--timeout", type=int,
                   help="kill a run after this many seconds (coreutils timeout); a killed run "
                   "counts as timed out, not failed (default none; scaling: 900)")
    p.add_argument("--no-plots", action="store_true", help="a preset: skip the figures")
    p.add_argument("--collect-only", action="store_true",
                   help="a preset: run nothing; redo its tables and figures from the runs in "
                   "--out (manifest.csv)")
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
                   help="replace the files of a different sweep in the output root (a preset "
                   "always replaces them)")
    for preset in presets.PRESETS.values():
        if preset.options:
            group = p.add_argument_group(f"options of --preset {preset.name}")
            for o in preset.options:
                kind = {"action": "store_true"} if o.flag else {"metavar": o.metavar}
                group.add_argument(f"--{o.name}", help=o.help, default=argparse.SUPPRESS, **kind)
    args = p.parse_args(own)
    args.fixed = fixed
    preset = presets.PRESETS.get(args.preset)
    args.preset_options = preset_options(args, preset, p)
    # The ssh script is run later, from a terminal: --bar unless told otherwise.
    args.ssh_progress = "bar" if args.progress == "auto" else args.progress
    if args.progress == "auto":
        args.progress = "bar" if sys.stderr.isatty() else "none"
    if len(args.sep) != 1 or args.sep in "= \t\n":
        p.error(f"--sep {args.sep!r}: must be one character other than '=' and white space")
    if preset is None:
        for flag, given in (("--out", args.out is None), ("--no-plots", args.no_plots),
                            ("--collect-only", args.collect_only)):
            if given:
                p.error(f"{flag}: " + ("required without --preset" if flag == "--out" else
                                       "only with --preset"))
    else:
        if args.runs is not None and preset.runs is None:
            p.error(f"--runs={args.runs}: --preset {preset.name} runs each configuration "
                    "once (for confidence intervals, sweep a --grid and use aggregate.py)")
        if args.collect_only and (args.grid or fixed):
            p.error("--collect-only reads the runs from <out>/manifest.csv: --grid and the "
                    "arguments after -- are not used with it")
        args.out = args.out or preset.out
        args.force = True
    if args.runs is None:
        args.runs = (preset.runs or 1) if preset else 3
    args.jobs = args.jobs or (preset.jobs if preset else "2") or str(len(os.sched_getaffinity(0)))
    args.measure = args.measure or bool(preset and preset.measure)
    if args.timeout is None and preset:
        args.timeout = preset.timeout
    if args.runs < 1:
        p.error(f"--runs={args.runs}: must be >= 1")
    if args.first_run is not None and args.first_run < 1:
        p.error(f"--first-run={args.first_run}: must be >= 1 (ns-3 RngRun)")
    if args.timeout is not None and args.timeout < 1:
        p.error(f"--timeout={args.timeout}: must be >= 1 (seconds)")
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


def plan(args, preset):
    """-> (manifest parameter names, jobs, fixed arguments) of the sweep the arguments ask for."""
    grid = parse_grid(args.grid, args.sep)
    if preset and (preset.named_runs or preset.points) and grid:
        raise usage_error(f"--grid: --preset {preset.name} has its own runs, not a grid")
    if preset:
        grid = merge_grid(preset.grid, grid)
        if preset.check:
            preset.check(grid)
    fixed, rng_first = split_fixed(args.fixed, grid)
    if rng_first is not None and args.first_run is not None:
        raise usage_error(f"--RngRun={rng_first} after -- and --first-run={args.first_run}: "
                          "give one of them")
    args.first_run = rng_first or args.first_run or 1
    if preset:
        fixed = preset.fixed + fixed
    if preset and preset.named_runs:
        runs = preset.named_runs(args.preset_options, fixed)
        names, points = ["name"], [(n, {"name": n}, [], flags) for n, flags in runs]
    elif preset and preset.points:
        listed = preset.points(args.preset_options, fixed)
        names = list(listed[0][0])
        points = [(None, params, [], flags) for params, flags in listed]
    else:
        names, points = [name for name, _ in grid], make_points(grid)
    return names, build_jobs(args, points, fixed), fixed


def check_local(args):
    if not (os.path.isfile(args.program) and os.access(args.program, os.X_OK)):
        raise usage_error(f"--program {args.program}: not an executable file (build first: "
                          "./utils/build.sh; the build folder is $CODED_LEARNING_BUILD_DIR, "
                          "default build/)")
    require_program("parallel", "parallel")
    if args.measure and not os.access("/usr/bin/time", os.X_OK):
        raise usage_error("--measure needs GNU time, /usr/bin/time (Debian package 'time')")


def run_local(args, jobs, commands_file, joblog):
    """Runs the commands with GNU parallel -> (failed jobs, timed-out jobs)."""
    cmd = ["parallel", "-j", args.jobs, "--joblog", joblog, "--retries", str(args.retries)]
    if args.progress != "none":
        cmd.append("--" + args.progress)
    if args.resume_failed:
        cmd.append("--resume-failed")
    cmd += ["-a", commands_file]
    print(f"{PROG}: running: {' '.join(shlex.quote(c) for c in cmd)}", flush=True)
    start = time.monotonic()
    subprocess.call(cmd)
    status = read_joblog(joblog, len(jobs))
    failed, timed_out = [], []
    for seq, job in enumerate(jobs, start=1):
        code = status.get(seq)
        if code == 124 and args.timeout:
            timed_out.append(job)
        elif code != 0:
            failed.append(job)
    if timed_out:
        print(f"{PROG}: {len(timed_out)} runs took longer than --timeout={args.timeout} s and "
              f"were killed: {', '.join(j['run_dir'] for j in timed_out)}", file=sys.stderr)
    if failed:
        print(f"{PROG}: GNU parallel reports failures ({len(failed)} jobs); see {joblog} and "
              "the log.txt of the failed runs; rerun with --resume-failed", file=sys.stderr)
        for job in failed[:5]:
            tail = log_tail(args.out, job["run_dir"])
            if tail:
                print(f"--- {job['run_dir']}/log.txt\n{tail}", file=sys.stderr)
    else:
        print(f"{PROG}: {len(jobs) - len(timed_out)} of {len(jobs)} runs succeeded in "
              f"{time.monotonic() - start:.0f} s (wall clock)")
    return failed, {job["run_dir"]: status.get(seq) for seq, job in enumerate(jobs, start=1)}


def collect(args, preset, entries, status):
    preset.collect(presets.Context(out=args.out, entries=entries, status=status,
                                   options=args.preset_options, plots=not args.no_plots))
    return 0


def write_cluster_script(args, commands_file, joblog, n_jobs):
    if args.mode == "ssh":
        path = os.path.join(args.out, "sweep-ssh.sh")
        with open(path, "w", encoding="utf-8") as f:
            f.write(ssh_script(args, commands_file, joblog))
        os.chmod(path, 0o755)
        print(f"{PROG}: wrote {path} (not run; assumes a shared filesystem)")
    else:
        os.makedirs(os.path.join(args.out, "slurm"), exist_ok=True)
        path = os.path.join(args.out, "sweep.sbatch")
        with open(path, "w", encoding="utf-8") as f:
            f.write(slurm_script(args, commands_file, n_jobs))
        print(f"{PROG}: wrote {path} (not submitted: sbatch {path})")
        if n_jobs > 1000:
            print(f"{PROG}: note: {n_jobs} array tasks; Slurm's default MaxArraySize is 1001",
                  file=sys.stderr)


def main(argv):
    args = parse_args(argv)
    preset = presets.PRESETS.get(args.preset)
    joblog = args.joblog or os.path.join(args.out, "joblog.tsv")
    if args.collect_only:
        _, entries = read_manifest(args.out)
        codes = read_joblog(joblog, len(entries))
        return collect(args, preset, entries,
                       {e["run_dir"]: codes.get(seq) for seq, e in enumerate(entries, start=1)})
    names, jobs, fixed = plan(args, preset)
    if args.mode == "local":
        check_local(args)
    os.makedirs(args.out, exist_ok=True)
    commands_file = os.path.join(args.out, "commands.txt")
    write_if_same(os.path.join(args.out, "manifest.csv"), manifest_text(names, jobs),
                  args.force)
    write_if_same(commands_file, "".join(command_line(j, args.measure, args.timeout) + "\n"
                                         for j in jobs), args.force)
    what = f"preset {preset.name}: {len(jobs)} runs" if preset and args.runs == 1 else \
        f"{len(jobs) // args.runs} grid points x {args.runs} runs = {len(jobs)} commands"
    print(f"{PROG}: {what} in {commands_file}; manifest {os.path.join(args.out, 'manifest.csv')}")
    if preset:
        print(f"{PROG}: fixed arguments: {' '.join(fixed)}")
    then = f"utils/sweep.py --preset {preset.name} --out {args.out} --collect-only" if preset \
        else f"utils/aggregate.py {args.out}"
    if args.mode != "local":
        if args.mode != "commands":
            write_cluster_script(args, commands_file, joblog, len(jobs))
        print(f"{PROG}: after the runs: {then}")
        return 0
    failed, status = run_local(args, jobs, commands_file, joblog)
    if failed:
        return 1
    if preset:
        return collect(args, preset, jobs, status)
    print(f"{PROG}: next: {then}")
    return 0


if __name__ == "__main__":
    sys.exit(run_main(PROG, main, sys.argv[1:]))
