#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""The sweep study of run_sweep.py through SEM, the ns-3 Simulation Execution
Manager (``pip install sem``; it brings numpy, pandas, xarray and tqdm).

SEM drives an ns-3 source tree: put edge-dml into an ns-3.37 tree as
contrib/edge-dml (see README.md) and give that tree as --ns3-path. SEM builds
it through ./ns3, finds edge-dml-training in the build's lock file, runs
``program --k=v ... --RngRun=N`` in a fresh directory per run and keeps the
files in its campaign folder (--campaign-dir); a run already there is not run
again. The outputs are those of run_sweep.py: RESULTS/runs.csv,
RESULTS/summary.csv and the two figures.

  python3 examples/sweep/sem_sweep.py --ns3-path ~/ns-3.37 --skip-configuration
  python3 examples/sweep/sem_sweep.py --ns3-path ~/ns-3.37 --runner GridRunner \\
      --grid-spec '--time=00:30:00 --mem=2000'          (a DRMAA cluster, e.g. SLURM)

The default gives every point RngRun 1..k, as run_sweep.py does (common random
numbers: the same runs for every scheduler), so both drivers give the same
numbers; --sem-picks-runs lets SEM number the runs instead.

Exit status: 0 on success, 2 on a bad argument, a missing SEM or ns-3 tree,
1 when SEM or a run fails.
"""

import argparse
import inspect
import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ in the sources
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sweep_study as study  # noqa: E402

PROG = "sem_sweep.py"


def fail(code, message):
    print("%s: %s" % (PROG, message), file=sys.stderr)
    sys.exit(code)


def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        prog=PROG, formatter_class=argparse.ArgumentDefaultsHelpFormatter,
        description="The edge-dml sweep (task bandwidth x tasks per epoch x scheduler x "
        "RngRun) through SEM; the same outputs as run_sweep.py.")
    parser.add_argument("--ns3-path", required=True,
                        help="ns-3.37 source tree with edge-dml in contrib/edge-dml")
    parser.add_argument("--script", default="edge-dml-training",
                        help="program name, as SEM looks it up in the build")
    parser.add_argument("--campaign-dir", default="sweep-sem-campaign",
                        help="SEM's campaign folder (database and run files)")
    parser.add_argument("--results", default="sweep-sem-results",
                        help="folder of runs.csv, summary.csv and the figures")
    parser.add_argument("--bandwidths", default=",".join(
        study.format_value(b) for b in study.DEFAULT_BANDWIDTHS_MHZ),
        help="task bandwidths in MHz (--%s)" % study.OPTION_BANDWIDTH)
    parser.add_argument("--tasks", default=",".join(str(q) for q in study.DEFAULT_TASKS),
                        help="tasks per epoch q (--%s)" % study.OPTION_TASKS)
    parser.add_argument("--schedulers", default=",".join(study.DEFAULT_SCHEDULERS),
                        help="schedulers (--%s)" % study.OPTION_SCHEDULER)
    parser.add_argument("--runs", default=str(study.DEFAULT_RUNS), help="runs per point")
    parser.add_argument("--first-run", default="1", help="the first RngRun")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="a fixed program option (repeatable; overrides the defaults %s)"
                        % " ".join("%s=%s" % kv for kv in study.DEFAULT_FIXED))
    parser.add_argument("--confidence", default="0.95", help="confidence level")
    parser.add_argument("--no-plots", action="store_true", help="no figures")
    parser.add_argument("--gnuplot", default="/usr/bin/gnuplot", help="gnuplot executable")
    parser.add_argument("--runner", default="ParallelRunner",
                        choices=["ParallelRunner", "SimulationRunner", "GridRunner", "Auto"],
                        help="SEM runner: local parallel, local sequential, DRMAA cluster")
    parser.add_argument("--max-parallel", type=int, default=None,
                        help="ParallelRunner processes (SEM's default: all cores)")
    parser.add_argument("--grid-spec", default="",
                        help="GridRunner: DRMAA native specification of the build and "
                        "simulation jobs (SGE: '-l h_rt=0:30:0 -q all.q'; "
                        "slurm-drmaa: '--time=00:30:00 --mem=2000 --partition=short')")
    parser.add_argument("--debug-build", action="store_true",
                        help="SEM optimized=False: use the tree's build/ (default: "
                        "build/optimized, configured --build-profile=optimized)")
    parser.add_argument("--skip-configuration", action="store_true",
                        help="do not let SEM re-configure the tree (configure it yourself "
                        "with only the modules edge-dml needs; see README.md)")
    parser.add_argument("--no-check-repo", action="store_true",
                        help="the tree is not a clean git repository (SEM check_repo=False)")
    parser.add_argument("--sem-picks-runs", action="store_true",
                        help="runs=k: SEM numbers the runs itself (unique over the campaign)")
    parser.add_argument("--overwrite", action="store_true",
                        help="delete an existing campaign folder first")
    args = parser.parse_args(argv)
    try:
        args.bandwidths = study.parse_positive_numbers("--bandwidths", args.bandwidths)
        args.tasks = study.parse_positive_integers("--tasks", args.tasks)
        args.schedulers = study.parse_schedulers("--schedulers", args.schedulers)
        runs = study.parse_positive_integers("--runs", args.runs)
        first = study.parse_positive_integers("--first-run", args.first_run)
        if len(runs) != 1 or len(first) != 1:
            raise study.SweepError("--runs and --first-run take one integer each")
        args.runs, args.first_run = runs[0], first[0]
        args.fixed = study.parse_fixed(["%s=%s" % kv for kv in study.DEFAULT_FIXED]
                                       + args.set)
        try:
            args.confidence = float(args.confidence)
        except ValueError:
            args.confidence = float("nan")
        if not 0.0 < args.confidence < 1.0:
            raise study.SweepError("--confidence is invalid: must be in (0, 1)")
        if args.max_parallel is not None and args.max_parallel < 1:
            raise study.SweepError("--max-parallel=%d is invalid: must be >= 1"
                                   % args.max_parallel)
    except study.SweepError as error:
        fail(2, str(error))
    if not os.path.isfile(os.path.join(args.ns3_path, "ns3")):
        fail(2, "--ns3-path=%s is invalid: no ns3 script there; give an ns-3.37 source tree "
             "with edge-dml in contrib/edge-dml (or use run_sweep.py with the standalone "
             "build)" % args.ns3_path)
    return args


def parameter_space(args):
    """SEM's parameter space: lists are swept, single values fixed."""
    space = {
        study.OPTION_BANDWIDTH: [float(b) for b in args.bandwidths],
        study.OPTION_TASKS: [int(q) for q in args.tasks],
        study.OPTION_SCHEDULER: list(args.schedulers),
    }
    for name, value in args.fixed:
        space[name] = [value]
    if not args.sem_picks_runs:
        space["RngRun"] = list(range(args.first_run, args.first_run + args.runs))
    return space


def supported_keywords(function, wanted):
    """The keyword arguments that this SEM version's function accepts."""
    parameters = inspect.signature(function).parameters
    return {k: v for k, v in wanted.items() if k in parameters}


def make_parser(sem):
    """SEM result -> the metrics of one run, read from its rounds.csv."""
    def parse(result):
        output = result["output"]
        if study.ROUNDS_FILE not in output:
            raise study.SweepError("run %s left no %s (RngRun=%s)" % (
                result["meta"]["id"], study.ROUNDS_FILE, result["params"].get("RngRun")))
        metrics = study.run_metrics(output[study.ROUNDS_FILE],
                                    "%s of run %s" % (study.ROUNDS_FILE, result["meta"]["id"]))
        return [metrics[name] for name in study.METRIC_NAMES]

    decorate = getattr(getattr(sem, "utils", None), "only_load_some_files", None)
    return decorate([study.ROUNDS_FILE])(parse) if decorate else parse


def main(argv=None):
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    try:
        import sem
    except ImportError as error:
        fail(2, "SEM is not installed (%s): 'pip install sem' (it needs numpy, pandas, "
             "xarray, tqdm), or use run_sweep.py, which needs only python3" % error)

    if args.runner == "GridRunner":
        # DRMAA native specification of the jobs (SEM's default is site-specific).
        sem.gridrunner.BUILD_GRID_PARAMS = args.grid_spec
        sem.gridrunner.SIMULATION_GRID_PARAMS = args.grid_spec
    if args.max_parallel is not None and hasattr(sem, "parallelrunner"):
        # Older SEM versions read this module variable instead of an argument.
        sem.parallelrunner.MAX_PARALLEL_PROCESSES = args.max_parallel

    wanted = {"runner_type": args.runner, "overwrite": args.overwrite,
              "optimized": not args.debug_build, "check_repo": not args.no_check_repo,
              "skip_configuration": args.skip_configuration,
              "max_parallel_processes": args.max_parallel}
    keywords = supported_keywords(sem.CampaignManager.new, wanted)
    ignored = [k for k in wanted if k not in keywords and wanted[k] not in (None, False)]
    if ignored:
        print("%s: this SEM version has no %s; ignored" % (PROG, ", ".join(ignored)),
              file=sys.stderr)
    space = parameter_space(args)
    try:
        campaign = sem.CampaignManager.new(os.path.abspath(args.ns3_path), args.script,
                                           os.path.abspath(args.campaign_dir), **keywords)
        print(campaign, file=sys.stderr)
        if args.sem_picks_runs:
            campaign.run_missing_simulations(space, runs=args.runs)
        else:
            campaign.run_missing_simulations(space)
        frame = campaign.get_results_as_dataframe(
            make_parser(sem), columns=list(study.METRIC_NAMES), params=space,
            runs=args.runs if args.sem_picks_runs else None)
    except study.SweepError as error:
        fail(1, str(error))
    except Exception as error:  # SEM reports a failed run or build as an Exception
        fail(1, "SEM failed: %s" % error)

    records = []
    for row in frame.to_dict("records"):
        record = {"bandwidth_mhz": float(row[study.OPTION_BANDWIDTH]),
                  "tasks": int(float(row[study.OPTION_TASKS])),
                  "scheduler": str(row[study.OPTION_SCHEDULER]),
                  "rng_run": int(float(row["RngRun"]))}
        record.update({name: float(row[name]) for name in study.METRIC_NAMES})
        records.append(record)
    points = len(args.bandwidths) * len(args.tasks) * len(args.schedulers)
    if len(records) != points * args.runs:
        fail(1, "the campaign holds %d runs of this space, expected %d x %d"
             % (len(records), points, args.runs))
    try:
        study.write_outputs(records, args.results, args.confidence, not args.no_plots,
                            args.gnuplot, scheduler_order=args.schedulers)
    except study.SweepError as error:
        fail(1, str(error))
    print("%s: %d runs of %d points; wrote runs.csv, summary.csv%s in %s" % (
        PROG, len(records), points, "" if args.no_plots else " and the figures",
        args.results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
