# SPDX-License-Identifier: GPL-2.0-only
"""The sweep study of edge-dml: what is swept, what is measured, the
statistics and the outputs.

Shared by the two drivers, run_sweep.py (Debian's python3 standard library
only) and sem_sweep.py (SEM), so that both sweep the same parameter space and
write the same files. Standard library only.

A run is one execution of edge-dml-training with ``--k=v`` options and
``--RngRun=N`` in a fresh directory; it leaves rounds.csv there. From it one
run gives the metrics of METRICS; the runs of one point of the space
(bandwidth, tasks, scheduler) give, per metric, the mean and a Student-t
confidence interval.
"""

import csv
import io
import math
import os
import re
import shutil
import subprocess

# ---------------------------------------------------------------------------
# The parameter space
# ---------------------------------------------------------------------------

#: Program options of the three swept axes.
OPTION_BANDWIDTH = "taskBandwidthMhz"
OPTION_TASKS = "tasksPerRound"
OPTION_SCHEDULER = "scheduler"
AXIS_OPTIONS = (OPTION_BANDWIDTH, OPTION_TASKS, OPTION_SCHEDULER)

#: Short names of edge-dml's task schedulers (task-scheduler-factory.h).
SCHEDULERS = ("Random", "Greedy", "Tabu", "Annealing", "LocalSearch", "Exact")

#: The default space: small enough that the whole sweep takes a few minutes
#: on two cores (see README.md for the full-size command).
DEFAULT_BANDWIDTHS_MHZ = (10.0, 30.0, 80.0)
DEFAULT_TASKS = (10, 20, 40)
DEFAULT_SCHEDULERS = ("Greedy", "Tabu", "LocalSearch")
DEFAULT_RUNS = 3

#: Options given to every run besides the swept ones (a small cell, a short
#: training, no plot, no progress lines).
DEFAULT_FIXED = (
    ("numEdgeServers", "40"),
    ("rounds", "10"),
    ("testLimit", "2000"),
    ("plot", "false"),
    ("quiet", "true"),
)

#: The file every run must leave in its directory.
ROUNDS_FILE = "rounds.csv"


class SweepError(Exception):
    """A bad sweep argument or an unusable result; the message says which."""


def parse_positive_numbers(option, text):
    """'10,30' -> [10.0, 30.0]; every item a finite number > 0."""
    values = []
    for item in split_list(option, text):
        try:
            value = float(item)
        except ValueError:
            value = float("nan")
        if not math.isfinite(value) or value <= 0:
            raise SweepError(
                "%s=%s is invalid: '%s' is not a number > 0" % (option, text, item)
            )
        values.append(value)
    return unique(option, text, values)


def parse_positive_integers(option, text):
    """'10,20' -> [10, 20]; every item an integer >= 1 (10.0 is accepted)."""
    values = []
    for item in split_list(option, text):
        try:
            number = float(item)
        except ValueError:
            number = float("nan")
        if not math.isfinite(number) or number < 1 or number != int(number):
            raise SweepError(
                "%s=%s is invalid: '%s' is not an integer >= 1" % (option, text, item)
            )
        values.append(int(number))
    return unique(option, text, values)


def parse_schedulers(option, text):
    """'Greedy,Tabu' -> ['Greedy', 'Tabu']; only edge-dml's short names."""
    values = split_list(option, text)
    for item in values:
        if item not in SCHEDULERS:
            raise SweepError(
                "%s=%s is invalid: unknown scheduler '%s' (use %s)"
                % (option, text, item, ", ".join(SCHEDULERS))
            )
    return unique(option, text, values)


def parse_fixed(items):
    """['rounds=20', ...] -> [('rounds', '20'), ...] with checks."""
    fixed = []
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not re.fullmatch(r"[A-Za-z][A-Za-z0-9_:]*", name) or value == "":
            raise SweepError(
                "--set %s is invalid: give NAME=VALUE with a non-empty value "
                "(a program option without its leading --)" % item
            )
        if name in AXIS_OPTIONS:
            raise SweepError(
                "--set %s is invalid: %s is a swept axis; use its sweep option" % (item, name)
            )
        if name in ("RngRun", "RngSeed"):
            raise SweepError(
                "--set %s is invalid: the driver sets RngRun itself (--runs, --first-run)"
                % item
            )
        fixed = [(k, v) for k, v in fixed if k != name] + [(name, value)]
    return fixed


def split_list(option, text):
    items = [item.strip() for item in text.split(",")]
    if not text.strip() or any(item == "" for item in items):
        raise SweepError("%s=%s is invalid: give a comma-separated list without empty items"
                         % (option, text))
    return items


def unique(option, text, values):
    if len(set(values)) != len(values):
        raise SweepError("%s=%s is invalid: a value appears twice" % (option, text))
    return values


def format_value(value):
    """The command-line text of a value: 30.0 -> '30', 2.5 -> '2.5'."""
    if isinstance(value, float) and value == int(value):
        return str(int(value))
    return str(value)


def expand_space(bandwidths, tasks, schedulers, fixed):
    """Every point of the space as an ordered list of (option, text) pairs."""
    points = []
    for bandwidth in bandwidths:
        for q in tasks:
            for scheduler in schedulers:
                options = [
                    (OPTION_BANDWIDTH, format_value(bandwidth)),
                    (OPTION_TASKS, format_value(q)),
                    (OPTION_SCHEDULER, scheduler),
                ]
                points.append(options + list(fixed))
    return points


# ---------------------------------------------------------------------------
# Metrics of one run
# ---------------------------------------------------------------------------

#: name -> (column of rounds.csv, reduction over the rounds). 'mean' averages
#: the rows where the column holds a finite number (a round without a
#: scheduling epoch may leave the utility empty); 'last' is the last row.
METRICS = (
    ("mean_utility", "utility", "mean"),
    ("final_accuracy", "test_accuracy", "last"),
    ("mean_tasks_assigned", "tasks_assigned", "mean"),
    ("final_energy_j", "energy_j", "last"),
)
METRIC_NAMES = tuple(name for name, _, _ in METRICS)


def run_metrics(rounds_text, source="rounds.csv"):
    """The metrics of one run from the text of its rounds.csv."""
    rows = list(csv.reader(io.StringIO(rounds_text)))
    if not rows:
        raise SweepError("%s is empty" % source)
    header = [name.strip() for name in rows[0]]
    body = [row for row in rows[1:] if row]
    if not body:
        raise SweepError("%s has a header but no round" % source)
    metrics = {}
    for name, column, reduction in METRICS:
        if column not in header:
            raise SweepError(
                "%s has no column '%s' (needed for %s); its columns: %s. Is the program "
                "an edge-dml-training with the task coordinator?"
                % (source, column, name, ",".join(header))
            )
        index = header.index(column)
        values = []
        for row in body:
            if len(row) != len(header):
                raise SweepError("%s: a row has %d fields, the header %d"
                                 % (source, len(row), len(header)))
            values.append(to_float(row[index]))
        if reduction == "last":
            metrics[name] = values[-1]
        else:
            finite = [v for v in values if math.isfinite(v)]
            metrics[name] = sum(finite) / len(finite) if finite else float("nan")
    return metrics


def to_float(text):
    try:
        return float(text)
    except ValueError:
        return float("nan")


# ---------------------------------------------------------------------------
# Statistics: Student-t quantiles and confidence intervals
# ---------------------------------------------------------------------------


def _incomplete_beta_fraction(a, b, x):
    """Continued fraction of the regularised incomplete beta function
    (modified Lentz), converging for x < (a + 1) / (a + b + 2)."""
    tiny = 1e-300
    c = 1.0
    d = 1.0 - (a + b) * x / (a + 1.0)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    result = d
    for m in range(1, 10000):
        # even step
        numerator = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
        d = 1.0 + numerator * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + numerator / c
        c = c if abs(c) > tiny else tiny
        result *= d * c
        # odd step
        numerator = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
        d = 1.0 + numerator * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + numerator / c
        c = c if abs(c) > tiny else tiny
        delta = d * c
        result *= delta
        if abs(delta - 1.0) < 1e-15:
            return result
    raise ArithmeticError("incomplete beta fraction did not converge (a=%g b=%g x=%g)"
                          % (a, b, x))


def regularized_incomplete_beta(a, b, x):
    """I_x(a, b) for a, b > 0 and 0 <= x <= 1."""
    if not (a > 0 and b > 0) or not 0.0 <= x <= 1.0:
        raise ValueError("regularized_incomplete_beta: need a, b > 0 and 0 <= x <= 1")
    if x == 0.0 or x == 1.0:
        return x
    log_front = (math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
                 + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1.0) / (a + b + 2.0):
        return math.exp(log_front) * _incomplete_beta_fraction(a, b, x) / a
    return 1.0 - math.exp(log_front) * _incomplete_beta_fraction(b, a, 1.0 - x) / b


def student_t_cdf(t, df):
    """P(T <= t) for Student's t with df > 0 degrees of freedom."""
    if not df > 0:
        raise ValueError("student_t_cdf: df must be > 0")
    if math.isinf(t):
        return 1.0 if t > 0 else 0.0
    tail = 0.5 * regularized_incomplete_beta(0.5 * df, 0.5, df / (df + t * t))
    return 1.0 - tail if t > 0 else tail


def student_t_quantile(p, df):
    """The p-quantile of Student's t (0 < p < 1, df > 0), by bisection on the
    CDF to 1e-12 relative."""
    if not 0.0 < p < 1.0:
        raise ValueError("student_t_quantile: p must be in (0, 1)")
    if not df > 0:
        raise ValueError("student_t_quantile: df must be > 0")
    if p == 0.5:
        return 0.0
    if p < 0.5:
        return -student_t_quantile(1.0 - p, df)
    low, high = 0.0, 1.0
    while student_t_cdf(high, df) < p:
        low, high = high, high * 2.0
        if high > 1e300:
            raise ArithmeticError("student_t_quantile: no bracket for p=%r df=%r" % (p, df))
    for _ in range(400):
        middle = 0.5 * (low + high)
        if student_t_cdf(middle, df) < p:
            low = middle
        else:
            high = middle
        if high - low <= 1e-12 * high:
            break
    return 0.5 * (low + high)


def mean_confidence_interval(values, confidence=0.95):
    """(n, mean, sample standard deviation, half-width) of the two-sided
    Student-t interval for the mean. NaN values are left out; with fewer than
    two values the standard deviation and half-width are NaN."""
    if not 0.0 < confidence < 1.0:
        raise ValueError("confidence must be in (0, 1)")
    sample = [float(v) for v in values if math.isfinite(float(v))]
    n = len(sample)
    if n == 0:
        return 0, float("nan"), float("nan"), float("nan")
    mean = math.fsum(sample) / n
    if n < 2:
        return n, mean, float("nan"), float("nan")
    variance = math.fsum((v - mean) ** 2 for v in sample) / (n - 1)
    std = math.sqrt(variance)
    half = student_t_quantile(0.5 + confidence / 2.0, n - 1) * std / math.sqrt(n)
    return n, mean, std, half


# ---------------------------------------------------------------------------
# Aggregation and the output files
# ---------------------------------------------------------------------------

RUNS_COLUMNS = ("bandwidth_mhz", "tasks", "scheduler", "rng_run") + METRIC_NAMES
SUMMARY_COLUMNS = ("bandwidth_mhz", "tasks", "scheduler", "metric", "runs", "mean",
                   "std", "ci_low", "ci_high", "ci_half_width", "confidence")


def point_key(record):
    return (float(record["bandwidth_mhz"]), int(record["tasks"]), str(record["scheduler"]))


def aggregate(records, confidence=0.95, scheduler_order=()):
    """Per-run records (dicts with RUNS_COLUMNS) -> tidy summary rows, one per
    (bandwidth, tasks, scheduler, metric), sorted by bandwidth, tasks, then
    scheduler_order (schedulers not in it follow in order of appearance)."""
    scheduler_order = list(scheduler_order)
    groups = {}
    for record in records:
        key = point_key(record)
        if key[2] not in scheduler_order:
            scheduler_order.append(key[2])
        groups.setdefault(key, []).append(record)
    rows = []
    for key in sorted(groups, key=lambda k: (k[0], k[1], scheduler_order.index(k[2]))):
        for metric in METRIC_NAMES:
            values = [float(r[metric]) for r in groups[key]]
            n, mean, std, half = mean_confidence_interval(values, confidence)
            rows.append({
                "bandwidth_mhz": key[0],
                "tasks": key[1],
                "scheduler": key[2],
                "metric": metric,
                "runs": n,
                "mean": mean,
                "std": std,
                "ci_low": mean - half,
                "ci_high": mean + half,
                "ci_half_width": half,
                "confidence": confidence,
            })
    return rows


def format_cell(value):
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if value == int(value) and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    return str(value)


def write_csv(path, columns, rows):
    with open(path, "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([format_cell(row[c]) for c in columns])


#: (file stem, metric, y label) of the two figures.
FIGURES = (
    ("utility-vs-tasks", "mean_utility", "Mean system utility U per epoch"),
    ("accuracy-vs-tasks", "final_accuracy", "Final test accuracy"),
)


def gnuplot_script(summary_rows, metric, ylabel, png_name, confidence):
    """A self-contained gnuplot script: one panel per bandwidth, one curve per
    scheduler, the mean with its confidence interval as error bars."""
    rows = [r for r in summary_rows if r["metric"] == metric]
    bandwidths = sorted({r["bandwidth_mhz"] for r in rows})
    schedulers = []
    for r in rows:
        if r["scheduler"] not in schedulers:
            schedulers.append(r["scheduler"])
    tasks = sorted({r["tasks"] for r in rows})
    spread = (tasks[-1] - tasks[0]) if len(tasks) > 1 else 1.0
    # One y range for all panels, so that the bandwidths compare at a glance.
    ends = []
    for r in rows:
        half = r["ci_half_width"] if math.isfinite(r["ci_half_width"]) else 0.0
        if math.isfinite(r["mean"]):
            ends += [r["mean"] - half, r["mean"] + half]
    low, high = (min(ends), max(ends)) if ends else (0.0, 1.0)
    margin = 0.05 * (high - low) if high > low else max(abs(high) * 0.05, 0.05)
    width = max(500 * len(bandwidths), 640)
    lines = [
        "# Generated by examples/sweep: %s, mean and %g %% Student-t interval over runs."
        % (metric, 100 * confidence),
        "set terminal pngcairo size %d,480 font ',10'" % width,
        "set output '%s'" % png_name,
        "set datafile missing 'nan'",
        "set grid",
        "set key bottom right",
        "set xlabel 'Tasks per epoch q'",
        "set ylabel '%s'" % ylabel,
        "set xrange [%g:%g]" % (tasks[0] - 0.08 * spread, tasks[-1] + 0.08 * spread),
        "set yrange [%r:%r]" % (low - margin, high + margin),
        "set multiplot layout 1,%d title '%s vs tasks (mean, %g %% CI)'"
        % (len(bandwidths), ylabel.replace("'", ""), 100 * confidence),
    ]
    for bandwidth in bandwidths:
        lines.append("set title 'B = %s MHz'" % format_value(bandwidth))
        plots = []
        data = []
        for index, scheduler in enumerate(schedulers):
            # Offset the schedulers a little along x so the bars do not overlap.
            offset = (index - (len(schedulers) - 1) / 2.0) * 0.012 * spread
            block = "$b%s_%s" % (re.sub(r"[^0-9A-Za-z]", "_", format_value(bandwidth)),
                                 scheduler)
            data.append("%s << EOD" % block)
            for r in rows:
                if r["bandwidth_mhz"] == bandwidth and r["scheduler"] == scheduler:
                    half = r["ci_half_width"]
                    data.append("%s %s %s" % (format_cell(r["tasks"] + offset),
                                              format_cell(r["mean"]),
                                              format_cell(half if math.isfinite(half)
                                                          else 0.0)))
            data.append("EOD")
            plots.append("%s using 1:2:3 with yerrorlines lw 2 pt 7 title '%s'"
                         % (block, scheduler))
        lines[3:3] = data
        lines.append("plot " + ", \\\n     ".join(plots))
    lines.append("unset multiplot")
    return "\n".join(lines) + "\n"


def render_figures(summary_rows, out_dir, confidence, gnuplot="gnuplot"):
    """Write <stem>.plt for every figure and render <stem>.png with gnuplot.
    Returns the PNG paths; raises SweepError if gnuplot is missing or fails."""
    executable = shutil.which(gnuplot) or (gnuplot if os.path.isfile(gnuplot) else None)
    written = []
    for stem, metric, ylabel in FIGURES:
        script = gnuplot_script(summary_rows, metric, ylabel, stem + ".png", confidence)
        with open(os.path.join(out_dir, stem + ".plt"), "w") as out:
            out.write(script)
        if executable is None:
            raise SweepError("gnuplot not found (%s): install the Debian package gnuplot-nox, "
                             "or pass --no-plots; the .plt scripts are written" % gnuplot)
        done = subprocess.run([executable, stem + ".plt"], cwd=out_dir,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if done.returncode != 0:
            raise SweepError("gnuplot failed on %s: %s" % (
                os.path.join(out_dir, stem + ".plt"), done.stderr.strip()[-2000:]))
        written.append(os.path.join(out_dir, stem + ".png"))
    return written


def write_outputs(records, out_dir, confidence=0.95, plots=True, gnuplot="gnuplot",
                  scheduler_order=()):
    """runs.csv (one row per run), summary.csv (tidy: one row per point and
    metric) and, with plots, the two figures. Returns the summary rows."""
    if not records:
        raise SweepError("no run to aggregate")
    os.makedirs(out_dir, exist_ok=True)
    order = list(scheduler_order)
    for record in records:
        if record["scheduler"] not in order:
            order.append(record["scheduler"])
    ordered = sorted(records, key=lambda r: (float(r["bandwidth_mhz"]), int(r["tasks"]),
                                             order.index(r["scheduler"]), int(r["rng_run"])))
    write_csv(os.path.join(out_dir, "runs.csv"), RUNS_COLUMNS, ordered)
    summary = aggregate(records, confidence, order)
    write_csv(os.path.join(out_dir, "summary.csv"), SUMMARY_COLUMNS, summary)
    if plots:
        render_figures(summary, out_dir, confidence, gnuplot)
    return summary
