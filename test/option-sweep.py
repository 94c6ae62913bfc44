#!/usr/bin/python3
"""Generated sweep of a program's options with boundary and hostile values.

Reads the program's options with --PrintOptionRanges (name, kind, default,
range, choices), then runs the program once per (option, value) on a small
base configuration, each in a fresh empty directory with the environment
SEM gives (LD_LIBRARY_PATH only), and checks every run:

  * no signal (no abort, no crash) and no run past the time budget;
  * a non-zero exit has a message on stderr; a rejected option (status 2)
    has one line that names the option as given (--name=value);
  * values inside the range are accepted (status 0, or a message that is
    not about the option's value: e.g. too many samples for the data);
    values outside it are rejected with status 2.

Values per kind: integers at min-1, min, max, max+1 and in hostile forms
(empty, 10.5, 0x10, nan, 1e300, 2^64; the minimum given as "N.0", as SEM
may pass it); reals at and beyond their bounds,
below a 0-or-range option's minimum, nan, inf, 1e400, 1e-12, 1e-300;
times in seconds and with units; choices and type names valid and not;
lists with empty and bad items; file names with paths. Then the ns-3
globals and NS_* variables every program honours: unknown and empty
SimulatorImplementationType, ns3::Node as simulator or scheduler, RngSeed=0
by option and by NS_GLOBAL_VALUE, NS_LOG=garbage and bad levels,
NS_ATTRIBUTE_DEFAULT with a bad time.

Options whose maximum is a workload by design (rounds, instances, ...) are
given as --workload: their maximum is not run (max+1 still must be refused).

  option-sweep.py --program PATH --base "--a=1 --b=2" [--workload name ...]
                  [--budget S] [--jobs N] [--work DIR] [--sample N]

Exit status 0 when every case passes; else the failures, one per line.
"""

import argparse
import concurrent.futures
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

POSITIVE_MIN = 1e-300  # a lower bound below this means "> 0"


def option_table(program, env):
    out = subprocess.run([program, '--PrintOptionRanges'], env=env, capture_output=True,
                         text=True, timeout=60, check=True).stdout
    options = []
    for line in out.splitlines():
        name, kind, default, low, high, extra = line.split('|', 5)
        options.append({'name': name, 'kind': kind, 'default': default,
                        'min': float(low) if low else None,
                        'max': float(high) if high else None, 'extra': extra})
    return options


def number(x, whole):
    if whole:
        return str(int(x))
    return repr(float(x))


def values(option, workloads):
    """(value, expectation) pairs: 'ok', 'bad' (status 2) or 'any'."""
    kind, low, high = option['kind'], option['min'], option['max']
    name = option['name']
    cases = [('', 'bad' if kind not in ('bool',) else 'ok')]
    if kind == 'integer':
        cases += [(number(low, True), 'ok'), (number(low - 1, True), 'bad'),
                  (number(high + 1, True), 'bad'), ('10.5', 'bad'), ('0x10', 'bad'),
                  ('nan', 'bad'), ('1e300', 'bad'), ('18446744073709551616', 'bad'),
                  (number(low, True) + '.0', 'ok'), ('-0', 'ok' if low <= 0 else 'bad')]
        if name not in workloads:
            cases.append((number(high, True), 'ok'))
    elif kind in ('real', 'time'):
        positive = low is not None and 0 < low < POSITIVE_MIN
        zero_too = option['extra'] == '0 too'
        cases += [('nan', 'bad'), ('-inf', 'bad'), ('1e400', 'bad'),
                  ('-1e300', 'bad' if low > -1e300 else 'ok'), ('5abc', 'bad'), ('0x1p3', 'bad')]
        if positive:
            cases += [('0', 'bad'), ('-1', 'bad'), ('1e-300', 'ok' if kind == 'real' else 'any'),
                      ('1e-12', 'ok' if kind == 'real' else 'any')]
        else:
            cases += [(number(low, False), 'ok')]
            below = low - max(1.0, abs(low)) if low <= 0 else low / 10
            cases += [(number(below, False), 'ok' if zero_too and below == 0 else 'bad')]
            if zero_too:
                cases += [('0', 'ok'), (number(low / 10, False), 'bad'), ('-1', 'bad')]
            cases += [('1e-10', 'any'), ('0.0001', 'any')]
        if name not in workloads:
            cases.append((number(high, False), 'ok'))
        cases.append((number(high * 10 if high > 0 else high + 1, False), 'bad'))
        if kind == 'time':
            cases += [('1e-12', 'any'), ('250ms', 'any'), ('5parsecs', 'bad'), ('1e300s', 'bad'),
                      ('2min', 'any')]
    elif kind == 'bool':
        cases += [('True', 'ok'), ('FALSE', 'ok'), ('t', 'ok'), ('0', 'ok'), ('yes', 'bad'),
                  ('2', 'bad'), ('truth', 'bad')]
    elif kind == 'choice':
        choices = [c.strip() for c in option['extra'].split(',') if c.strip()]
        cases += [(c, 'ok') for c in choices]
        cases += [('Bogus', 'bad'), (choices[0].lower() if choices[0].lower() != choices[0]
                                     else choices[0].upper(), 'bad'), (' ' + choices[0], 'bad')]
    elif kind == 'type':
        names = option['extra'].split(' or ')[0]
        shorts = [c.strip() for c in names.split(',') if c.strip()]
        cases += [(c, 'ok') for c in shorts]
        cases += [('Bogus', 'bad'), ('ns3::Node', 'bad'), ('ns3::NoSuchType', 'bad'),
                  ('ns3::edgedml::OfdmaChannel', 'bad'), (shorts[0].lower(), 'bad')]
    elif kind == 'list':
        cases += [(',', 'bad'), ('1,,2', 'bad'), ('abc', 'bad'), ('-1', 'bad'), ('nan', 'bad'),
                  ('1e300', 'bad')]
        if name not in workloads:
            cases.append((option['default'], 'ok'))
    elif kind == 'file':
        cases += [('.', 'bad'), ('..', 'bad'), ('/tmp/x.csv', 'bad'), ('sub/x.csv', 'bad'),
                  ('-x', 'bad'), ('x.csv', 'ok')]
    else:  # text
        cases += [('/nonexistent', 'any'), ('x' * 5000, 'any'), ('%s%n', 'any'),
                  ('Bogus', 'any')]
    return cases


GLOBALS = [
    # (argument, environment, expectation)
    ('--SimulatorImplementationType=ns3::Node', {}, 'bad'),
    ('--SchedulerType=ns3::Node', {}, 'bad'),
    ('--SimulatorImplementationType=', {}, 'bad'),
    ('--SimulatorImplementationType=ns3::NoSuchImpl', {}, 'bad'),
    ('--SchedulerType=', {}, 'bad'),
    ('--SimulatorImplementationType=ns3::DefaultSimulatorImpl', {}, 'ok'),
    ('--SchedulerType=ns3::HeapScheduler', {}, 'ok'),
    ('--RngSeed=0', {}, 'bad'),
    ('--RngSeed=4294967296', {}, 'bad'),
    ('--RngRun=-1', {}, 'bad'),
    ('--RngRun=3.0', {}, 'ok'),
    ('--ChecksumEnabled=maybe', {}, 'bad'),
    ('--NoSuchGlobal=1', {}, 'bad'),
    ('--ns3::edgedml::MessageSource::Interval=5parsecs', {}, 'bad'),
    ('--ns3::NoSuchType::X=1', {}, 'bad'),
    (None, {'NS_GLOBAL_VALUE': 'RngSeed=0'}, 'bad'),
    (None, {'NS_GLOBAL_VALUE': 'SimulatorImplementationType=ns3::Node'}, 'bad'),
    (None, {'NS_GLOBAL_VALUE': 'SchedulerType=ns3::NoSuch'}, 'bad'),
    (None, {'NS_GLOBAL_VALUE': 'RngRun=abc'}, 'bad'),
    (None, {'NS_GLOBAL_VALUE': 'RngRun=2'}, 'ok'),
    (None, {'NS_LOG': 'garbage'}, 'bad'),
    (None, {'NS_LOG': 'OfdmaChannel=level_bogus'}, 'bad'),
    (None, {'NS_LOG': ':OfdmaChannel'}, 'bad'),
    (None, {'NS_LOG': 'OfdmaChannel=error'}, 'ok'),
    (None, {'NS_ATTRIBUTE_DEFAULT': 'ns3::edgedml::MessageSource::Interval=5parsecs'}, 'bad'),
    (None, {'NS_ATTRIBUTE_DEFAULT': 'ns3::edgedml::NoSuch::X=1'}, 'bad'),
    (None, {'NS_COMMANDLINE_INTROSPECTION': '/nonexistent-dir'}, 'bad'),
]


def run_case(program, base, argument, extra_env, expect, budget, work, names):
    directory = tempfile.mkdtemp(dir=work)
    env = {'LD_LIBRARY_PATH': os.environ.get('LD_LIBRARY_PATH', '')}
    env.update(extra_env)
    command = [program] + base + ([argument] if argument is not None else [])
    start = time.monotonic()
    try:
        proc = subprocess.Popen(command, cwd=directory, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, errors='replace',
                                start_new_session=True)
        try:
            out, err = proc.communicate(timeout=budget)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            return 'ran past the budget of %g s' % budget
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    code = proc.returncode
    label = ' '.join('%s=%s' % kv for kv in extra_env.items())
    if code < 0:
        return 'killed by signal %d (%s)' % (-code, err.strip().splitlines()[-1:] if err else '')
    if code != 0 and not err.strip():
        return 'exit %d without a message on stderr' % code
    lines = err.strip().splitlines()
    if expect == 'bad':
        if code != 2:
            return 'exit %d, expected 2 (refused)%s' % (code, ': ' + lines[-1] if lines else '')
        if len(lines) != 1:
            return 'refused with %d lines on stderr, expected one: %r' % (len(lines), err[:300])
        named = argument.split('=')[0] if argument is not None else None
        if named and named not in lines[0]:
            return 'the message does not name %s: %s' % (named, lines[0])
        if argument is None and not any(k in lines[0] for k in extra_env):
            return 'the message does not name %s: %s' % (label, lines[0])
    if expect == 'ok' and code != 0:
        named = argument.split('=')[0] + '=' if argument is not None else None
        rest = lines[0].replace(named, '') if lines and named else ''
        others = [n for n in names if named and n != named[2:-1] and re.search(r'\b%s\b' % n, rest)]
        if code == 2 and named and named in lines[0] and 'is invalid' in lines[0] and not others:
            # Refused for its own value, not for a bound set by another option.
            return 'a value in the range is refused: %s' % lines[0]
        if code not in (1, 2):
            return 'exit %d: %s' % (code, lines[-1] if lines else '')
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--program', required=True)
    parser.add_argument('--base', default='', help='arguments of the small base run')
    parser.add_argument('--workload', action='append', default=[],
                        help='an option whose maximum is not run')
    parser.add_argument('--budget', type=float, default=20.0, help='seconds per run')
    parser.add_argument('--jobs', type=int, default=2)
    parser.add_argument('--work', default=None)
    parser.add_argument('--sample', type=int, default=1,
                        help='run every N-th option case (and every global case)')
    args = parser.parse_args()
    args.program = os.path.abspath(args.program)
    env = {'LD_LIBRARY_PATH': os.environ.get('LD_LIBRARY_PATH', '')}
    work = args.work or tempfile.mkdtemp(prefix='option-sweep-')
    os.makedirs(work, exist_ok=True)
    base = args.base.split()
    cases = []
    table = option_table(args.program, env)
    names = [option['name'] for option in table]
    for option in table:
        for value, expect in values(option, set(args.workload)):
            cases.append(('--%s=%s' % (option['name'], value), {}, expect))
    cases = cases[::args.sample] + GLOBALS
    failures = []
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = {pool.submit(run_case, args.program, base, argument, extra, expect,
                               args.budget, work, names): (argument, extra)
                   for argument, extra, expect in cases}
        for future in concurrent.futures.as_completed(futures):
            argument, extra = futures[future]
            problem = future.result()
            if problem:
                shown = ' '.join('%s=%s' % kv for kv in extra.items()) + (
                    ' ' if extra else '') + (argument or '')
                failures.append('%s: %s' % (shown, problem))
    name = os.path.basename(args.program)
    print('%s: %d cases in %.1f s, %d failed' % (name, len(cases), time.monotonic() - started,
                                                 len(failures)))
    for failure in sorted(failures):
        print('  FAIL ' + failure)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
