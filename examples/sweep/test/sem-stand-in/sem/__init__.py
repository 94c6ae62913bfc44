# SPDX-License-Identifier: GPL-2.0-only
"""A stand-in for the few SEM calls that sem_sweep.py makes, for its test where
SEM is not installed. Not SEM: it models, from SEM's documented behaviour,
CampaignManager.new / run_missing_simulations / get_results_as_dataframe, the
utils decorators, and the gridrunner and parallelrunner module variables.

The "ns-3 tree" is a folder with an ``ns3`` file; the script is the program
file ``<ns_path>/<script>`` itself. Each run goes into
``<campaign_dir>/data/<id>/`` with stdout and stderr, the environment holds
only LD_LIBRARY_PATH, and a run whose parameters (with RngRun) are already in
the campaign is not run again. get_results_as_dataframe returns an object
with to_dict('records'), as the pandas DataFrame does.
"""

import copy
import itertools
import json
import os
import subprocess
import types

gridrunner = types.SimpleNamespace(BUILD_GRID_PARAMS="-l cputype=intel",
                                   SIMULATION_GRID_PARAMS="-l cputype=intel")
parallelrunner = types.SimpleNamespace(MAX_PARALLEL_PROCESSES=None)


def _only_load_some_files(files):
    def decorator(function):
        function.files_to_load = files
        return function
    return decorator


utils = types.SimpleNamespace(only_load_some_files=_only_load_some_files)


def list_param_combinations(space):
    keys = list(space)
    values = [v if isinstance(v, list) else [v] for v in space.values()]
    return [dict(zip(keys, combination)) for combination in itertools.product(*values)]


class _Frame:
    def __init__(self, rows):
        self._rows = rows

    def to_dict(self, orient):
        assert orient == "records"
        return [dict(r) for r in self._rows]


class CampaignManager:
    calls = []   # (method, arguments) for the test to inspect

    def __init__(self, program, campaign_dir):
        self.program = program
        self.campaign_dir = campaign_dir
        self.database = os.path.join(campaign_dir, "campaign.json")
        self.results = []
        if os.path.isfile(self.database):
            with open(self.database) as stream:
                self.results = json.load(stream)

    @classmethod
    def new(cls, ns_path, script, campaign_dir, runner_type="Auto", overwrite=False,
            optimized=True, check_repo=True, skip_configuration=False,
            max_parallel_processes=None):
        cls.calls.append(("new", dict(ns_path=ns_path, script=script, runner_type=runner_type,
                                      optimized=optimized, check_repo=check_repo,
                                      skip_configuration=skip_configuration,
                                      max_parallel_processes=max_parallel_processes)))
        program = os.path.join(ns_path, script)
        if not os.path.isfile(program):
            raise ValueError("Cannot find %s script" % script)
        os.makedirs(os.path.join(campaign_dir, "data"), exist_ok=True)
        return cls(program, campaign_dir)

    def __str__(self):
        return "--- Campaign info (stand-in) ---\nscript: %s" % self.program

    def run_missing_simulations(self, param_list, runs=None):
        self.calls.append(("run_missing_simulations", dict(runs=runs)))
        wanted = list_param_combinations(param_list)
        if runs is not None:
            assert all("RngRun" not in p for p in wanted)
            used = {r["params"]["RngRun"] for r in self.results}
            counter = (n for n in itertools.count() if n not in used)
            expanded = []
            for p in wanted:
                have = [r for r in self.results
                        if {k: v for k, v in r["params"].items() if k != "RngRun"} == p]
                for _ in range(runs - len(have)):
                    q = copy.deepcopy(p)
                    q["RngRun"] = next(counter)
                    expanded.append(q)
            wanted = expanded
        else:
            wanted = [p for p in wanted if p not in [r["params"] for r in self.results]]
        for index, params in enumerate(wanted):
            run_id = "run-%d" % (len(self.results))
            folder = os.path.join(self.campaign_dir, "data", run_id)
            os.makedirs(folder)
            command = [self.program] + ["--%s=%s" % kv for kv in params.items()]
            with open(os.path.join(folder, "stdout"), "w") as out, \
                    open(os.path.join(folder, "stderr"), "w") as err:
                code = subprocess.call(command, cwd=folder, stdout=out, stderr=err,
                                       env={"LD_LIBRARY_PATH": ""})
            if code != 0:
                with open(os.path.join(folder, "stderr")) as err:
                    raise Exception("Simulation exited with an error.\nParams: %s\nStderr: %s"
                                    % (params, err.read()))
            self.results.append({"params": params, "meta": {"id": run_id, "exitcode": code}})
            with open(self.database, "w") as out:
                json.dump(self.results, out)

    def get_results_as_dataframe(self, result_parsing_function, columns=None, params=None,
                                 runs=None):
        self.calls.append(("get_results_as_dataframe", dict(runs=runs)))
        files = getattr(result_parsing_function, "files_to_load", None)
        rows = []
        for combination in list_param_combinations(params):
            found = [r for r in self.results
                     if all(r["params"].get(k) == v for k, v in combination.items())]
            for result in (found if runs is None else found[:runs]):
                folder = os.path.join(self.campaign_dir, "data", result["meta"]["id"])
                output = {}
                for name in os.listdir(folder):
                    if files is None or name in files:
                        with open(os.path.join(folder, name)) as stream:
                            output[name] = stream.read()
                full = dict(result, output=output)
                rows.append(dict(result["params"],
                                 **dict(zip(columns, result_parsing_function(full)))))
        return _Frame(rows)
