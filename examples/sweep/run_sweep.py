#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Sweep edge-dml-training over task bandwidth x tasks per epoch x scheduler
and several runs, with Debian's python3 standard library only.

Each run executes the program the way SEM does: ``program --k=v ...
--RngRun=N`` in a fresh directory, with an empty environment except
LD_LIBRARY_PATH. Its files are kept in RESULTS/runs/<point>/RngRun=N/, where
<point> is a hash of the options; a run found there is not run again. Then
RESULTS/runs.csv (one row per run), RESULTS/summary.csv (mean and Student-t
confidence interval per point and metric) and two figures through gnuplot.

  /usr/bin/python3 examples/sweep/run_sweep.py              (the default sweep)
  /usr/bin/python3 examples/sweep/run_sweep.py --jobs 2 --runs 5 \\
      --bandwidths 10,30,50,80 --tasks 10,20,40,60,79 \\
      --schedulers Random,Greedy,Tabu,Annealing,LocalSearch \\
      --set numEdgeServers=80 --set rounds=50 --set testLimit=0

Exit status: 0 on success, 2 on a bad argument or a missing program, 1 when
a run fails (its stderr tail is printed) or the results cannot be used.
"""

import argparse
import concurrent.futures
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # leave no __pycache__ in the sources
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sweep_study as study  # noqa: E402

PROG = "run_sweep.py"
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_PROGRAM = os.path.normpath(os.path.join(HERE, "..", "..", "build", "bin",
                                                "edge-dml-training"))


class RunFailed(Exception):
    """A run exited non-zero or left no rounds.csv."""


def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Sweep edge-dml-training over task bandwidth x tasks per epoch x "
        "scheduler and RngRun 1..k; write runs.csv, summary.csv (mean and Student-t "
        "confidence interval) and two gnuplot figures.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    parser.add_argument("--program", default=DEFAULT_PROGRAM,
                        help="the edge-dml-training executable")
    parser.add_argument("--results", default="sweep-results",
                        help="results folder (runs are cached in RESULTS/runs/)")
    parser.add_argument("--bandwidths", default=",".join(
        study.format_value(b) for b in study.DEFAULT_BANDWIDTHS_MHZ),
        help="task bandwidths in MHz (--%s)" % study.OPTION_BANDWIDTH)
    parser.add_argument("--tasks", default=",".join(str(q) for q in study.DEFAULT_TASKS),
                        help="tasks per epoch q (--%s)" % study.OPTION_TASKS)
    parser.add_argument("--schedulers", default=",".join(study.DEFAULT_SCHEDULERS),
                        help="schedulers (--%s), of %s" % (study.OPTION_SCHEDULER,
                                                           ",".join(study.SCHEDULERS)))
    parser.add_argument("--runs", default=str(study.DEFAULT_RUNS),
                        help="runs per point: RngRun FIRST_RUN .. FIRST_RUN+RUNS-1")
    parser.add_argument("--first-run", default="1", help="the first RngRun")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="a fixed program option for every run (repeatable; "
                        "overrides the defaults %s)" % " ".join(
                            "%s=%s" % kv for kv in study.DEFAULT_FIXED))
    parser.add_argument("--jobs", default="1", help="runs in parallel (1 or more)")
    parser.add_argument("--timeout", default="0",
                        help="seconds a run may take before it counts as failed (0: none)")
    parser.add_argument("--confidence", default="0.95",
                        help="confidence level of the intervals")
    parser.add_argument("--shard", default="0/1", metavar="I/N",
                        help="run only the missing runs with index = I mod N (a cluster "
                        "job array runs the shards; then --aggregate-only)")
    parser.add_argument("--aggregate-only", action="store_true",
                        help="run nothing: aggregate the runs in RESULTS (all must exist)")
    parser.add_argument("--no-aggregate", action="store_true",
                        help="only run (for the shards of a job array)")
    parser.add_argument("--no-plots", action="store_true", help="no figures (no gnuplot)")
    parser.add_argument("--gnuplot", default="/usr/bin/gnuplot", help="gnuplot executable")
    parser.add_argument("--dry-run", action="store_true",
                        help="print the command of every missing run and stop")
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    args = parser.parse_args(argv)

    try:
        args.bandwidths = study.parse_positive_numbers("--bandwidths", args.bandwidths)
        args.tasks = study.parse_positive_integers("--tasks", args.tasks)
        args.schedulers = study.parse_schedulers("--schedulers", args.schedulers)
        args.runs = study.parse_positive_integers("--runs", args.runs)
        args.first_run = study.parse_positive_integers("--first-run", args.first_run)
        args.jobs = study.parse_positive_integers("--jobs", args.jobs)
        if len(args.runs) != 1 or len(args.first_run) != 1 or len(args.jobs) != 1:
            raise study.SweepError("--runs, --first-run and --jobs take one integer each")
        args.runs, args.first_run, args.jobs = args.runs[0], args.first_run[0], args.jobs[0]
        args.timeout = parse_number("--timeout", args.timeout, 0.0, 1e9)
        args.confidence = parse_number("--confidence", args.confidence, 0.0, 1.0)
        if not 0.0 < args.confidence < 1.0:
            raise study.SweepError("--confidence=%s is invalid: must be in (0, 1)"
                                   % args.confidence)
        shard = args.shard.split("/")
        if (len(shard) != 2 or not all(s.isdigit() for s in shard) or int(shard[1]) < 1
                or int(shard[0]) >= int(shard[1])):
            raise study.SweepError("--shard=%s is invalid: give I/N with 0 <= I < N"
                                   % args.shard)
        args.shard = (int(shard[0]), int(shard[1]))
        args.fixed = study.parse_fixed(["%s=%s" % kv for kv in study.DEFAULT_FIXED]
                                       + args.set)
        if args.aggregate_only and args.no_aggregate:
            raise study.SweepError("--aggregate-only and --no-aggregate exclude each other")
    except study.SweepError as error:
        fail(2, str(error))
    return args


def parse_number(option, text, low, high):
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not low <= value <= high:
        raise study.SweepError("%s=%s is invalid: must be a number in [%g, %g]"
                               % (option, text, low, high))
    return value


def fail(code, message):
    print("%s: %s" % (PROG, message), file=sys.stderr)
    sys.exit(code)


def point_directory(results, options):
    """RESULTS/runs/<16 hex digits of the SHA-256 of the options>."""
    canonical = json.dumps(sorted(options), separators=(",", ":"))
    return os.path.join(results, "runs", hashlib.sha256(canonical.encode()).hexdigest()[:16])


def run_environment(program):
    """Like SEM: nothing but LD_LIBRARY_PATH (the caller's, else <build>/lib)."""
    library_path = os.environ.get("LD_LIBRARY_PATH")
    if not library_path:
        candidate = os.path.join(os.path.dirname(os.path.dirname(program)), "lib")
        library_path = candidate if os.path.isdir(candidate) else ""
    return {"LD_LIBRARY_PATH": library_path}


def command_of(program, options, rng_run):
    return [program] + ["--%s=%s" % kv for kv in options] + ["--RngRun=%d" % rng_run]


def tail(path, head=5, lines=20):
    """The last lines of a file, and its first ones when it is longer (ns-3's
    CommandLine puts the message first and its help after it)."""
    try:
        with open(path, errors="replace") as stream:
            text = stream.readlines()
    except OSError:
        return ""
    if len(text) <= head + lines:
        return "".join(text)
    return "".join(text[:head] + ["[... %d lines ...]\n" % (len(text) - head - lines)]
                   + text[-lines:])


def execute(task, program, environment, timeout):
    """Run one task in a fresh directory; move it into place when it succeeded."""
    options, rng_run, final = task
    parent = os.path.dirname(final)
    os.makedirs(parent, exist_ok=True)
    work = tempfile.mkdtemp(prefix=".running-RngRun=%d-" % rng_run, dir=parent)
    command = command_of(program, options, rng_run)
    start = time.monotonic()
    with open(os.path.join(work, "stdout"), "w") as out, \
            open(os.path.join(work, "stderr"), "w") as err:
        try:
            code = subprocess.call(command, cwd=work, env=environment, stdout=out,
                                   stderr=err, timeout=timeout or None)
        except subprocess.TimeoutExpired:
            code = "timeout after %g s" % timeout
    elapsed = time.monotonic() - start
    if code != 0 or not os.path.isfile(os.path.join(work, study.ROUNDS_FILE)):
        failed = os.path.join(os.path.dirname(os.path.dirname(parent)), "failed",
                              os.path.basename(parent) + "-RngRun=%d" % rng_run)
        shutil.rmtree(failed, ignore_errors=True)
        os.makedirs(os.path.dirname(failed), exist_ok=True)
        os.rename(work, failed)
        reason = ("exit status %s" % code if code != 0
                  else "exit status 0 but no %s in its directory" % study.ROUNDS_FILE)
        raise RunFailed("a run failed (%s):\n  %s\n  kept in %s\n--- its stderr ---\n%s"
                        % (reason, " ".join(command), failed,
                           tail(os.path.join(failed, "stderr")) or "(empty)\n"))
    meta = {"command": command, "options": options, "RngRun": rng_run,
            "elapsed_s": round(elapsed, 3), "exit_code": 0}
    with open(os.path.join(work, "meta.json"), "w") as out:
        json.dump(meta, out, indent=1)
    shutil.rmtree(final, ignore_errors=True)
    os.rename(work, final)
    return elapsed


def record_of(options, rng_run, directory):
    source = os.path.join(directory, study.ROUNDS_FILE)
    try:
        with open(source) as stream:
            metrics = study.run_metrics(stream.read(), source)
    except OSError as error:
        raise study.SweepError("cannot read %s: %s" % (source, error))
    values = dict(options)
    record = {"bandwidth_mhz": float(values[study.OPTION_BANDWIDTH]),
              "tasks": int(values[study.OPTION_TASKS]),
              "scheduler": values[study.OPTION_SCHEDULER], "rng_run": rng_run}
    record.update(metrics)
    return record


def main(argv=None):
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    program = os.path.abspath(args.program)
    if not args.aggregate_only:
        if not os.path.isfile(program):
            fail(2, "--program=%s is invalid: no such file; build it first (cmake --build "
                 "build) or give the path of edge-dml-training" % args.program)
        if not os.access(program, os.X_OK):
            fail(2, "--program=%s is invalid: not executable" % args.program)

    points = study.expand_space(args.bandwidths, args.tasks, args.schedulers, args.fixed)
    runs = range(args.first_run, args.first_run + args.runs)
    everything = []   # (options, RngRun, directory)
    for options in points:
        directory = point_directory(args.results, options)
        for rng_run in runs:
            everything.append((options, rng_run, os.path.join(directory, "RngRun=%d" % rng_run)))
    done = [t for t in everything if os.path.isfile(os.path.join(t[2], "meta.json"))]
    missing = [t for t in everything if t not in done]
    index, count = args.shard
    # Shards split the whole list, so that each keeps its runs when others finish.
    mine = [t for i, t in enumerate(everything) if i % count == index and t in missing]

    if args.dry_run:
        for options, rng_run, _ in mine:
            print(" ".join(command_of(program, options, rng_run)))
        return 0

    log = (lambda text: None) if args.quiet else (lambda text: print(text, file=sys.stderr))
    if not args.aggregate_only:
        os.makedirs(args.results, exist_ok=True)
        with open(os.path.join(args.results, "sweep.json"), "w") as out:
            json.dump({"program": program, "bandwidths_mhz": args.bandwidths,
                       "tasks": args.tasks, "schedulers": args.schedulers,
                       "rng_runs": list(runs), "fixed": args.fixed}, out, indent=1)
        log("%s: %d points x %d runs = %d runs, %d cached, %d to run here with %d job(s)"
            % (PROG, len(points), args.runs, len(everything), len(done), len(mine), args.jobs))
        environment = run_environment(program)
        start = time.monotonic()
        finished = 0
        failures = []
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            pending = {}
            queue = list(mine)
            while queue or pending:
                while queue and len(pending) < args.jobs and not failures:
                    task = queue.pop(0)
                    future = pool.submit(execute, task, program, environment, args.timeout)
                    pending[future] = task
                if not pending:
                    break
                completed, _ = concurrent.futures.wait(
                    pending, return_when=concurrent.futures.FIRST_COMPLETED)
                for future in completed:
                    options, rng_run, _ = pending.pop(future)
                    try:
                        elapsed = future.result()
                    except RunFailed as error:
                        failures.append(str(error))
                        continue
                    finished += 1
                    log("[%d/%d] %s RngRun=%d %.1f s" % (
                        finished, len(mine),
                        " ".join("%s=%s" % kv for kv in options[:3]), rng_run, elapsed))
                if failures:
                    queue.clear()
        if failures:
            more = len(failures) - 1
            fail(1, failures[0] + ("(and %d more run%s failed)" % (more, "s" if more > 1 else "")
                                   if more else ""))
        log("%s: ran %d runs in %.1f s" % (PROG, len(mine), time.monotonic() - start))
        if args.no_aggregate:
            return 0

    absent = [t for t in everything if not os.path.isfile(os.path.join(t[2], "meta.json"))]
    if absent:
        options, rng_run, _ = absent[0]
        fail(1, "%d of %d runs are missing in %s (first: %s RngRun=%d); run without "
             "--aggregate-only, or wait for every shard" % (
                 len(absent), len(everything), args.results,
                 " ".join("%s=%s" % kv for kv in options[:3]), rng_run))
    try:
        records = [record_of(options, rng_run, directory)
                   for options, rng_run, directory in everything]
        study.write_outputs(records, args.results, args.confidence, not args.no_plots,
                            args.gnuplot, scheduler_order=args.schedulers)
    except study.SweepError as error:
        fail(1, str(error))
    outputs = ["runs.csv", "summary.csv"] + (
        [] if args.no_plots else [stem + ".png" for stem, _, _ in study.FIGURES])
    print("%s: %d runs of %d points; wrote %s in %s" % (
        PROG, len(everything), len(points), ", ".join(outputs), args.results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
