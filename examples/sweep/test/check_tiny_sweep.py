#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""ctest sweep.TinySweep: run_sweep.py on the real edge-dml-training over a
tiny space (2 task bandwidths x 1 task count x 1 scheduler x 2 runs, a small
cell and 2 rounds), then check runs.csv and summary.csv (every row present,
finite means and confidence intervals, 2 runs per point) and the figures, and
that a second call runs nothing and writes the same summary, a sweep from
scratch the same numbers; and one run with every option given the way SEM
gives them (--rounds=2.0, --plot=False).

  check_tiny_sweep.py --program build/bin/edge-dml-training --work DIR
"""

import argparse
import csv
import math
import os
import re
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
RUN_SWEEP = os.path.join(os.path.dirname(HERE), "run_sweep.py")
SPACE = ["--bandwidths", "10,30", "--tasks", "5", "--schedulers", "Greedy", "--runs", "2",
         "--set", "numEdgeServers=10", "--set", "syncN=10", "--set", "rounds=2",
         "--set", "testLimit=200", "--set", "trainLimit=6000", "--jobs", "2"]
METRICS = 4   # sweep_study.METRIC_NAMES


def check(condition, message):
    if not condition:
        print("check_tiny_sweep: FAILED: " + message, file=sys.stderr)
        sys.exit(1)


def sweep(program, results):
    done = subprocess.run([sys.executable, "-B", RUN_SWEEP, "--program", program,
                           "--results", results] + SPACE,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sys.stderr.write(done.stderr)
    check(done.returncode == 0, "run_sweep.py exited with %d:\n%s" % (done.returncode,
                                                                      done.stderr))
    return done


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--program", required=True)
    parser.add_argument("--work", required=True)
    args = parser.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    results = os.path.join(args.work, "results")
    sweep(args.program, results)

    with open(os.path.join(results, "runs.csv")) as stream:
        runs = list(csv.DictReader(stream))
    check(len(runs) == 4, "runs.csv has %d rows, expected 4" % len(runs))
    check(sorted((r["bandwidth_mhz"], r["rng_run"]) for r in runs)
          == [("10", "1"), ("10", "2"), ("30", "1"), ("30", "2")],
          "runs.csv points: %s" % runs)
    with open(os.path.join(results, "summary.csv")) as stream:
        summary_text = stream.read()
    rows = list(csv.DictReader(summary_text.splitlines()))
    check(len(rows) == 2 * METRICS, "summary.csv has %d rows, expected %d"
          % (len(rows), 2 * METRICS))
    for row in rows:
        check(row["runs"] == "2", "a row with %s runs: %s" % (row["runs"], row))
        for column in ("mean", "std", "ci_low", "ci_high", "ci_half_width"):
            check(math.isfinite(float(row[column])), "%s is not finite: %s" % (column, row))
        check(float(row["ci_low"]) <= float(row["mean"]) <= float(row["ci_high"]),
              "mean outside its interval: %s" % row)
    accuracy = [float(r["mean"]) for r in rows if r["metric"] == "final_accuracy"]
    check(all(0.0 < a <= 1.0 for a in accuracy), "accuracies %s" % accuracy)
    for stem in ("utility-vs-tasks", "accuracy-vs-tasks"):
        with open(os.path.join(results, stem + ".png"), "rb") as png:
            check(png.read(8) == b"\x89PNG\r\n\x1a\n", stem + ".png is not a PNG")

    again = sweep(args.program, results)
    check("4 cached, 0 to run" in again.stderr, "the second call ran runs again")
    with open(os.path.join(results, "summary.csv")) as stream:
        check(stream.read() == summary_text, "the second call changed summary.csv")
    # The same sweep from scratch in another folder: the same numbers.
    fresh = os.path.join(args.work, "fresh")
    sweep(args.program, fresh)
    with open(os.path.join(fresh, "summary.csv")) as stream:
        check(stream.read() == summary_text, "a fresh sweep gave another summary.csv")
    sem_style_run(args.program, os.path.join(args.work, "sem-style"))
    print("check_tiny_sweep: OK: 4 runs, %d summary rows with finite intervals, reproduced; "
          "a SEM-style command line accepted" % len(rows))
    return 0


def sem_style_run(program, folder):
    """One run with every program option on the command line as SEM passes
    them: the defaults read from --PrintHelp, numbers as floats ('80.0'),
    booleans as 'True'/'False'."""
    program = os.path.abspath(program)
    help_text = subprocess.run([program, "--PrintHelp"], stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True).stdout
    section = help_text.split("Program Options:")[1].split("General Arguments:")[0]
    options = {}
    for line in section.splitlines():
        name = re.match(r"\s*--([A-Za-z0-9_]+):", line)
        default = re.findall(r"\[(.*?)\]", line)
        if not name or not default:
            continue
        value = default[-1]
        if value.lower() in ("true", "false"):
            value = value.lower() == "true"
        else:
            try:
                value = float(value)
            except ValueError:
                pass
        options[name.group(1)] = value
    check(len(options) > 20, "--PrintHelp gave only %d options" % len(options))
    options.update({"numEdgeServers": 10.0, "syncN": 10.0, "rounds": 2.0, "testLimit": 200.0,
                    "trainLimit": 6000.0, "plot": False, "quiet": True,
                    "taskBandwidthMhz": 30.0, "tasksPerRound": 5.0, "scheduler": "Tabu"})
    os.makedirs(folder)
    command = [program] + ["--%s=%s" % kv for kv in options.items()] + ["--RngRun=1"]
    done = subprocess.run(command, cwd=folder, env={"LD_LIBRARY_PATH": ""},
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    check(done.returncode == 0 and os.path.isfile(os.path.join(folder, "rounds.csv")),
          "the SEM-style command failed (%d):\n%s\n%s" % (done.returncode, " ".join(command),
                                                          done.stderr[-3000:]))


if __name__ == "__main__":
    sys.exit(main())
