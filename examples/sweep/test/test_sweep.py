# SPDX-License-Identifier: GPL-2.0-only
"""Tests of the sweep study: the Student-t quantile, the aggregation, the
parsing of rounds.csv and of the sweep arguments, and both drivers end to end
on a stand-in program (fake_training.py) whose output is a known function of
its options.

  /usr/bin/python3 -m unittest discover -s examples/sweep/test -v
"""

import csv
import math
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SWEEP = os.path.dirname(HERE)
sys.dont_write_bytecode = True  # leave no __pycache__ in the sources
sys.path.insert(0, SWEEP)
import sweep_study as study  # noqa: E402

PYTHON = sys.executable
FAKE = os.path.join(HERE, "fake_training.py")
RUN_SWEEP = os.path.join(SWEEP, "run_sweep.py")
SEM_SWEEP = os.path.join(SWEEP, "sem_sweep.py")

#: Two-sided 95 % Student-t quantiles t_{0.975, df}, to 12 digits (the
#: standard tables, e.g. R's qt(0.975, df)).
T975 = {1: 12.7062047361747, 2: 4.30265272974946, 3: 3.18244630528371,
        4: 2.77644510519779, 5: 2.57058183563631, 6: 2.44691185114497,
        7: 2.36462425159278, 8: 2.30600413520417, 9: 2.26215716279820,
        10: 2.22813885198627, 15: 2.13144954555978, 20: 2.08596344726586,
        30: 2.04227245630124, 60: 2.00029782201426, 100: 1.98397151852355,
        1000: 1.96233908082641}


class StudentT(unittest.TestCase):
    def test_quantile_975_against_the_table(self):
        for df, reference in T975.items():
            self.assertAlmostEqual(study.student_t_quantile(0.975, df), reference,
                                   delta=1e-9 * reference, msg="df=%d" % df)

    def test_other_levels(self):
        # t_{0.95,1} = tan(0.45 pi) (Cauchy), t_{0.995,1} = tan(0.495 pi),
        # t_{0.95,2} = 2.91998558035372, t_{0.995,10} = 3.16927267261695.
        self.assertAlmostEqual(study.student_t_quantile(0.95, 1), math.tan(0.45 * math.pi),
                               delta=1e-9)
        self.assertAlmostEqual(study.student_t_quantile(0.995, 1),
                               math.tan(0.495 * math.pi), delta=1e-8)
        self.assertAlmostEqual(study.student_t_quantile(0.95, 2), 2.91998558035372,
                               delta=1e-9)
        self.assertAlmostEqual(study.student_t_quantile(0.995, 10), 3.16927267261695,
                               delta=1e-9)

    def test_large_df_tends_to_the_normal_quantile(self):
        self.assertAlmostEqual(study.student_t_quantile(0.975, 1e8), 1.95996398454005,
                               delta=1e-7)

    def test_symmetry_and_median(self):
        self.assertEqual(study.student_t_quantile(0.5, 3), 0.0)
        self.assertAlmostEqual(study.student_t_quantile(0.025, 4), -T975[4], delta=1e-9)

    def test_cdf_closed_forms(self):
        for t in (-7.5, -1.0, -0.2, 0.0, 0.3, 1.0, 2.0, 12.0, 150.0):
            # df = 1: Cauchy; df = 2: 1/2 + t / (2 sqrt(2 + t^2)).
            self.assertAlmostEqual(study.student_t_cdf(t, 1),
                                   0.5 + math.atan(t) / math.pi, delta=1e-13)
            self.assertAlmostEqual(study.student_t_cdf(t, 2),
                                   0.5 + t / (2 * math.sqrt(2 + t * t)), delta=1e-13)
            # df = 3: 1/2 + (atan(u) + u / (1 + u^2)) / pi with u = t / sqrt(3).
            u = t / math.sqrt(3)
            self.assertAlmostEqual(study.student_t_cdf(t, 3),
                                   0.5 + (math.atan(u) + u / (1 + u * u)) / math.pi,
                                   delta=1e-13)

    def test_incomplete_beta_closed_forms(self):
        for x in (0.0, 0.01, 0.3, 0.5, 0.77, 0.999, 1.0):
            self.assertAlmostEqual(study.regularized_incomplete_beta(1, 1, x), x, delta=1e-14)
            self.assertAlmostEqual(study.regularized_incomplete_beta(3.5, 1, x), x ** 3.5,
                                   delta=1e-14)
            self.assertAlmostEqual(study.regularized_incomplete_beta(1, 4, x),
                                   1 - (1 - x) ** 4, delta=1e-14)
            self.assertAlmostEqual(study.regularized_incomplete_beta(2.5, 0.5, x),
                                   1 - study.regularized_incomplete_beta(0.5, 2.5, 1 - x),
                                   delta=1e-14)

    def test_bad_arguments(self):
        for p in (0.0, 1.0, -0.1, float("nan")):
            with self.assertRaises(ValueError):
                study.student_t_quantile(p, 3)
        with self.assertRaises(ValueError):
            study.student_t_quantile(0.9, 0)


class ConfidenceInterval(unittest.TestCase):
    def test_hand_computed(self):
        n, mean, std, half = study.mean_confidence_interval([1, 2, 3, 4, 5])
        self.assertEqual((n, mean), (5, 3.0))
        self.assertAlmostEqual(std, math.sqrt(2.5), delta=1e-15)
        self.assertAlmostEqual(half, T975[4] * math.sqrt(2.5) / math.sqrt(5), delta=1e-9)
        # Two runs: t_{0.975,1} * |a - b| / 2.
        n, mean, std, half = study.mean_confidence_interval([0.8, 0.7])
        self.assertAlmostEqual(half, T975[1] * 0.05, delta=1e-9)
        # 90 % with three values.
        n, mean, std, half = study.mean_confidence_interval([2.0, 4.0, 9.0], 0.90)
        self.assertAlmostEqual(mean, 5.0, delta=1e-15)
        self.assertAlmostEqual(half, 2.91998558035372 * math.sqrt(13.0) / math.sqrt(3),
                               delta=1e-9)

    def test_degenerate_samples(self):
        self.assertEqual(study.mean_confidence_interval([4.0, 4.0, 4.0])[3], 0.0)
        n, mean, std, half = study.mean_confidence_interval([7.0])
        self.assertEqual((n, mean), (1, 7.0))
        self.assertTrue(math.isnan(std) and math.isnan(half))
        n, mean, std, half = study.mean_confidence_interval([1.0, float("nan"), 3.0])
        self.assertEqual((n, mean), (2, 2.0))
        self.assertEqual(study.mean_confidence_interval([])[0], 0)


ROUNDS = ("round,time_s,tasks_assigned,utility,test_accuracy,energy_j\n"
          "1,1.5,10,2.0,0.61,10\n"
          "2,3.0,8,,0.65,20\n"
          "3,4.5,12,4.0,0.70,35.5\n")


class RunMetrics(unittest.TestCase):
    def test_mean_and_last(self):
        m = study.run_metrics(ROUNDS)
        self.assertEqual(m["mean_utility"], 3.0)       # the empty round is left out
        self.assertEqual(m["final_accuracy"], 0.70)
        self.assertEqual(m["mean_tasks_assigned"], 10.0)
        self.assertEqual(m["final_energy_j"], 35.5)

    def test_unusable_files(self):
        with self.assertRaisesRegex(study.SweepError, "is empty"):
            study.run_metrics("")
        with self.assertRaisesRegex(study.SweepError, "no round"):
            study.run_metrics("round,utility\n")
        with self.assertRaisesRegex(study.SweepError, "no column 'utility'"):
            study.run_metrics("round,test_accuracy,tasks_assigned,energy_j\n1,0.5,1,2\n")
        with self.assertRaisesRegex(study.SweepError, "a row has 2 fields"):
            study.run_metrics(ROUNDS + "4,5\n")


class Aggregation(unittest.TestCase):
    def records(self):
        out = []
        for scheduler, base in (("Tabu", 10.0), ("Greedy", 5.0)):
            for run, delta in ((1, -1.0), (2, 0.0), (3, 1.0)):
                out.append({"bandwidth_mhz": 30.0, "tasks": 20, "scheduler": scheduler,
                            "rng_run": run, "mean_utility": base + delta,
                            "final_accuracy": 0.5, "mean_tasks_assigned": 20.0,
                            "final_energy_j": float(run)})
        return out

    def test_rows(self):
        rows = study.aggregate(self.records(), 0.95, ["Greedy", "Tabu"])
        self.assertEqual(len(rows), 2 * len(study.METRIC_NAMES))
        self.assertEqual([r["scheduler"] for r in rows[::len(study.METRIC_NAMES)]],
                         ["Greedy", "Tabu"])
        tabu = [r for r in rows if r["scheduler"] == "Tabu" and r["metric"] == "mean_utility"][0]
        self.assertEqual((tabu["runs"], tabu["mean"], tabu["std"]), (3, 10.0, 1.0))
        self.assertAlmostEqual(tabu["ci_half_width"], T975[2] / math.sqrt(3), delta=1e-9)
        self.assertAlmostEqual(tabu["ci_low"], 10.0 - T975[2] / math.sqrt(3), delta=1e-9)
        accuracy = [r for r in rows if r["metric"] == "final_accuracy"][0]
        self.assertEqual((accuracy["ci_low"], accuracy["ci_high"]), (0.5, 0.5))

    def test_write_outputs(self):
        folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, folder)
        study.write_outputs(self.records(), folder, 0.95, plots=True, gnuplot="/usr/bin/gnuplot",
                            scheduler_order=["Tabu", "Greedy"])
        with open(os.path.join(folder, "summary.csv")) as stream:
            rows = list(csv.DictReader(stream))
        self.assertEqual(len(rows), 8)
        self.assertEqual(rows[0]["scheduler"], "Tabu")
        with open(os.path.join(folder, "runs.csv")) as stream:
            self.assertEqual(len(list(csv.DictReader(stream))), 6)
        for stem, _, _ in study.FIGURES:
            with open(os.path.join(folder, stem + ".png"), "rb") as png:
                self.assertEqual(png.read(8), b"\x89PNG\r\n\x1a\n")

    def test_missing_gnuplot_is_reported(self):
        folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, folder)
        with self.assertRaisesRegex(study.SweepError, "gnuplot not found"):
            study.write_outputs(self.records(), folder, gnuplot="/nonexistent/gnuplot")
        self.assertTrue(os.path.isfile(os.path.join(folder, "summary.csv")))


class SweepArguments(unittest.TestCase):
    def test_lists(self):
        self.assertEqual(study.parse_positive_numbers("--b", "10, 2.5"), [10.0, 2.5])
        self.assertEqual(study.parse_positive_integers("--t", "10,20.0"), [10, 20])
        self.assertEqual(study.parse_schedulers("--s", "Tabu,Exact"), ["Tabu", "Exact"])
        for text in ("", "10,", "10,-1", "10,x", "nan", "inf", "0", "10,10"):
            with self.assertRaises(study.SweepError, msg=text):
                study.parse_positive_numbers("--b", text)
        for text in ("2.5", "0", "-3", "a"):
            with self.assertRaises(study.SweepError, msg=text):
                study.parse_positive_integers("--t", text)
        with self.assertRaisesRegex(study.SweepError, "unknown scheduler 'tabu'"):
            study.parse_schedulers("--s", "Greedy,tabu")

    def test_fixed(self):
        self.assertEqual(study.parse_fixed(["rounds=5", "plot=false", "rounds=7"]),
                         [("plot", "false"), ("rounds", "7")])
        for item in ("rounds", "rounds=", "=5", "scheduler=Tabu", "RngRun=3", "--x=1"):
            with self.assertRaises(study.SweepError, msg=item):
                study.parse_fixed([item])

    def test_space(self):
        points = study.expand_space([10.0, 2.5], [5], ["Tabu", "Greedy"], [("rounds", "2")])
        self.assertEqual(len(points), 4)
        self.assertEqual(points[1], [("taskBandwidthMhz", "10"), ("tasksPerRound", "5"),
                                     ("scheduler", "Greedy"), ("rounds", "2")])
        self.assertEqual(points[2][0], ("taskBandwidthMhz", "2.5"))


def run(arguments, **kw):
    return subprocess.run([PYTHON] + arguments, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, **kw)


def read_summary(folder):
    with open(os.path.join(folder, "summary.csv")) as stream:
        return list(csv.DictReader(stream))


class RunSweepDriver(unittest.TestCase):
    """run_sweep.py on fake_training.py."""

    SPACE = ["--bandwidths", "10,30", "--tasks", "20", "--schedulers", "Greedy,Tabu",
             "--runs", "3", "--set", "rounds=4", "--quiet"]

    def setUp(self):
        self.folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.folder)
        self.results = os.path.join(self.folder, "results")

    def sweep(self, *extra):
        return run([RUN_SWEEP, "--program", FAKE, "--results", self.results]
                   + self.SPACE + list(extra))

    def test_sweep_aggregates_the_known_values(self):
        done = self.sweep("--jobs", "2")
        self.assertEqual(done.returncode, 0, done.stderr)
        rows = read_summary(self.results)
        self.assertEqual(len(rows), 4 * len(study.METRIC_NAMES))
        utility = [r for r in rows if r["metric"] == "mean_utility"]
        # fake utility = B/10 + q/100 + RngRun + r/10, r = 1..4: mean over RngRun 1..3.
        for r in utility:
            expected = float(r["bandwidth_mhz"]) / 10 + 0.2 + 2.0 + 0.25
            self.assertAlmostEqual(float(r["mean"]), expected, delta=1e-12)
            self.assertAlmostEqual(float(r["ci_half_width"]), T975[2] / math.sqrt(3),
                                   delta=1e-9)
        for stem, _, _ in study.FIGURES:
            self.assertTrue(os.path.isfile(os.path.join(self.results, stem + ".png")))
        # Like SEM: an empty environment but LD_LIBRARY_PATH, --RngRun=N, own folder.
        env_files = []
        for root, _, files in os.walk(os.path.join(self.results, "runs")):
            if "env.txt" in files:
                env_files.append(os.path.join(root, "env.txt"))
        self.assertEqual(len(env_files), 12)
        with open(env_files[0]) as stream:
            self.assertEqual(stream.read().split(), ["LD_LIBRARY_PATH"])

    def test_cached_runs_are_not_run_again(self):
        self.assertEqual(self.sweep().returncode, 0)
        with open(os.path.join(self.results, "summary.csv")) as stream:
            first = stream.read()
        again = run([RUN_SWEEP, "--program", FAKE, "--results", self.results]
                    + [a for a in self.SPACE if a != "--quiet"])
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertIn("12 cached, 0 to run", again.stderr)
        with open(os.path.join(self.results, "summary.csv")) as stream:
            self.assertEqual(stream.read(), first)
        # One more run per point: only those 4 run.
        more = run([RUN_SWEEP, "--program", FAKE, "--results", self.results]
                   + [a for a in self.SPACE if a != "--quiet"] + ["--runs", "4"])
        self.assertIn("12 cached, 4 to run", more.stderr)

    def test_shards_then_aggregate_only(self):
        for shard in ("0/3", "1/3", "2/3"):
            done = self.sweep("--shard", shard, "--no-aggregate")
            self.assertEqual(done.returncode, 0, done.stderr)
            self.assertFalse(os.path.exists(os.path.join(self.results, "summary.csv")))
        done = self.sweep("--aggregate-only", "--no-plots")
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertEqual(len(read_summary(self.results)), 16)

    def test_aggregate_only_with_missing_runs_fails(self):
        self.assertEqual(self.sweep("--shard", "0/2", "--no-aggregate").returncode, 0)
        done = self.sweep("--aggregate-only")
        self.assertEqual(done.returncode, 1)
        self.assertIn("6 of 12 runs are missing", done.stderr)

    def test_failed_run_exits_1_with_its_stderr_tail(self):
        done = self.sweep("--set", "failWith=3")
        self.assertEqual(done.returncode, 1)
        self.assertIn("a run failed (exit status 3)", done.stderr)
        self.assertIn("--failWith=3: failing on purpose", done.stderr)
        self.assertIn("--RngRun=", done.stderr)
        self.assertTrue(os.path.isdir(os.path.join(self.results, "failed")))
        self.assertFalse(os.path.exists(os.path.join(self.results, "summary.csv")))

    def test_run_without_rounds_file_fails(self):
        done = self.sweep("--set", "noRounds=true")
        self.assertEqual(done.returncode, 1)
        self.assertIn("exit status 0 but no rounds.csv", done.stderr)

    def test_timeout(self):
        done = self.sweep("--set", "sleepS=5", "--timeout", "0.5")
        self.assertEqual(done.returncode, 1)
        self.assertIn("timeout after 0.5 s", done.stderr)

    def test_missing_program(self):
        done = run([RUN_SWEEP, "--program", "/nonexistent/edge-dml-training"])
        self.assertEqual(done.returncode, 2)
        self.assertIn("--program=/nonexistent/edge-dml-training is invalid: no such file",
                      done.stderr)

    def test_bad_arguments_exit_2(self):
        cases = {
            ("--bandwidths", "10,-5"): "--bandwidths=10,-5 is invalid: '-5' is not a number > 0",
            ("--tasks", "2.5"): "--tasks=2.5 is invalid: '2.5' is not an integer >= 1",
            ("--schedulers", "Tabu,Best"): "unknown scheduler 'Best'",
            ("--runs", "0"): "--runs=0 is invalid",
            ("--jobs", "1,2"): "take one integer each",
            ("--set", "RngRun=4"): "the driver sets RngRun itself",
            ("--set", "scheduler=Tabu"): "scheduler is a swept axis",
            ("--confidence", "1.5"): "--confidence=1.5 is invalid",
            ("--shard", "3/3"): "--shard=3/3 is invalid",
        }
        for arguments, message in cases.items():
            done = run([RUN_SWEEP, "--program", FAKE, "--results", self.results]
                       + list(arguments))
            self.assertEqual(done.returncode, 2, arguments)
            self.assertIn(message, done.stderr, arguments)
            self.assertFalse(os.path.exists(self.results), arguments)

    def test_dry_run_prints_the_commands(self):
        done = self.sweep("--dry-run")
        self.assertEqual(done.returncode, 0, done.stderr)
        lines = done.stdout.splitlines()
        self.assertEqual(len(lines), 12)
        self.assertTrue(lines[0].endswith(
            "--taskBandwidthMhz=10 --tasksPerRound=20 --scheduler=Greedy --numEdgeServers=40 "
            "--testLimit=2000 --plot=false --quiet=true --rounds=4 --RngRun=1"), lines[0])


class SemSweepDriver(unittest.TestCase):
    """sem_sweep.py against a stand-in of SEM's API (SEM is not installed here)."""

    def setUp(self):
        self.folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.folder)
        self.tree = os.path.join(self.folder, "ns-3.37")
        os.makedirs(self.tree)
        open(os.path.join(self.tree, "ns3"), "w").close()
        shutil.copy(FAKE, os.path.join(self.tree, "fake_training.py"))
        self.env = dict(os.environ, PYTHONPATH=os.path.join(HERE, "sem-stand-in"))

    def sem(self, *extra):
        return run([SEM_SWEEP, "--ns3-path", self.tree, "--script", "fake_training.py",
                    "--campaign-dir", os.path.join(self.folder, "campaign"),
                    "--bandwidths", "10,30", "--tasks", "20", "--schedulers", "Greedy,Tabu",
                    "--runs", "3", "--set", "rounds=4"] + list(extra), env=self.env,
                   cwd=self.folder)

    def test_same_outputs_as_run_sweep(self):
        done = self.sem("--results", os.path.join(self.folder, "sem"), "--max-parallel", "2")
        self.assertEqual(done.returncode, 0, done.stderr)
        direct = run([RUN_SWEEP, "--program", FAKE, "--results",
                      os.path.join(self.folder, "direct")] + RunSweepDriver.SPACE)
        self.assertEqual(direct.returncode, 0, direct.stderr)
        for name in ("summary.csv", "runs.csv", "utility-vs-tasks.plt",
                     "accuracy-vs-tasks.plt"):
            with open(os.path.join(self.folder, "sem", name)) as a, \
                    open(os.path.join(self.folder, "direct", name)) as b:
                self.assertEqual(a.read(), b.read(), name)
        # A second call finds every run in the campaign.
        again = self.sem("--results", os.path.join(self.folder, "sem"), "--no-plots")
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertEqual(len(os.listdir(os.path.join(self.folder, "campaign", "data"))), 12)

    def test_sem_picks_runs(self):
        done = self.sem("--results", os.path.join(self.folder, "sem"), "--sem-picks-runs",
                        "--no-plots")
        self.assertEqual(done.returncode, 0, done.stderr)
        rows = read_summary(os.path.join(self.folder, "sem"))
        self.assertEqual(len(rows), 16)
        self.assertTrue(all(r["runs"] == "3" for r in rows))

    def test_failed_run(self):
        done = self.sem("--set", "failWith=4", "--no-plots")
        self.assertEqual(done.returncode, 1)
        self.assertIn("SEM failed: Simulation exited with an error", done.stderr)
        self.assertIn("failing on purpose", done.stderr)

    def test_no_sem_and_no_tree(self):
        if run(["-c", "import sem"], env=dict(os.environ, PYTHONPATH="")).returncode == 0:
            self.skipTest("SEM is installed here")
        done = run([SEM_SWEEP, "--ns3-path", self.tree], cwd=self.folder,
                   env=dict(os.environ, PYTHONPATH=""))
        self.assertEqual(done.returncode, 2)
        self.assertIn("SEM is not installed", done.stderr)
        done = run([SEM_SWEEP, "--ns3-path", os.path.join(self.folder, "none")],
                   env=self.env)
        self.assertEqual(done.returncode, 2)
        self.assertIn("no ns3 script there", done.stderr)


if __name__ == "__main__":
    unittest.main()
