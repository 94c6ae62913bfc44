#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""A stand-in for edge-dml-training in the sweep tests: it takes --k=v options
and --RngRun=N, writes rounds.csv with the same columns into the current
directory and env.txt with the names of its environment variables.

The values are a known function of the options, so that the tests can check
the aggregation end to end:
  utility of round r  = bandwidth / 10 + tasks / 100 + RngRun + r / 10
  test_accuracy       = 0.5 + RngRun / 100 (every round)
Special options: --failWith=N exits with status N after a message on stderr;
--noRounds=true exits 0 without writing rounds.csv; --sleepS=x sleeps first.
"""

import sys
import time


def main():
    options = {}
    for argument in sys.argv[1:]:
        if not argument.startswith("--") or "=" not in argument:
            print("fake_training: bad argument %s" % argument, file=sys.stderr)
            return 2
        key, value = argument[2:].split("=", 1)
        options[key] = value
    if "RngRun" not in options:
        print("fake_training: no --RngRun", file=sys.stderr)
        return 2
    time.sleep(float(options.get("sleepS", "0")))
    # The environment the program was started with (python itself may add
    # LC_CTYPE to os.environ at start-up).
    with open("/proc/self/environ", "rb") as stream:
        names = sorted(item.split(b"=", 1)[0].decode()
                       for item in stream.read().split(b"\0") if item)
    with open("env.txt", "w") as out:
        out.write("\n".join(names) + "\n")
    if "failWith" in options:
        print("progress line 1\nfake_training: --failWith=%s: failing on purpose"
              % options["failWith"], file=sys.stderr)
        return int(options["failWith"])
    if options.get("noRounds") == "true":
        return 0
    run = int(options["RngRun"])
    bandwidth = float(options.get("taskBandwidthMhz", "30"))
    tasks = float(options.get("tasksPerRound", "10"))
    rounds = int(float(options.get("rounds", "3")))
    with open("rounds.csv", "w") as out:
        out.write("round,time_s,tasks_assigned,utility,test_accuracy,energy_j\n")
        for r in range(1, rounds + 1):
            utility = bandwidth / 10 + tasks / 100 + run + r / 10
            out.write("%d,%g,%d,%r,%r,%r\n" % (r, r * 1.5, int(tasks), utility,
                                               0.5 + run / 100, 10.0 * r))
    print("fake_training: %d rounds" % rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
