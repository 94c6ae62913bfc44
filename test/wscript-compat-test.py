#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""wscript-compat must not drift from the CMake build.

Loads wscript-compat/wscript as a Python module (its helpers need no waf) and
checks that the file lists and ns-3 dependencies it reads from the CMake files
equal what the CMake build compiles, as written by the standalone build into
<build>/edge-dml-file-lists.json.

    test/wscript-compat-test.py <build>/edge-dml-file-lists.json <module dir>
"""

import importlib.machinery
import importlib.util
import json
import os
import sys


def load_wscript(module_dir):
    path = os.path.join(module_dir, 'wscript-compat', 'wscript')
    loader = importlib.machinery.SourceFileLoader('edge_dml_wscript', path)
    spec = importlib.util.spec_from_loader('edge_dml_wscript', loader)
    wscript = importlib.util.module_from_spec(spec)
    loader.exec_module(wscript)
    return wscript


def main():
    lists_path, module_dir = sys.argv[1], sys.argv[2]
    with open(lists_path) as stream:
        cmake = json.load(stream)
    wscript = load_wscript(module_dir)

    failures = []

    def compare(what, waf_items, cmake_items):
        if sorted(waf_items) != sorted(cmake_items):
            only_waf = sorted(set(waf_items) - set(cmake_items))
            only_cmake = sorted(set(cmake_items) - set(waf_items))
            failures.append('%s differ: only in wscript %s, only in CMake %s'
                            % (what, only_waf, only_cmake))

    sources, headers, tests = wscript._file_lists(module_dir)
    compare('module sources', sources, cmake['sources'])
    compare('public headers', headers, cmake['headers'])
    compare('test sources', tests, cmake['tests'])
    compare('program-support sources', wscript._program_support(module_dir), cmake['support'])
    ns3_modules = [item for item in cmake['libraries'] if '::' not in item]
    compare('ns-3 dependencies', wscript._ns3_dependencies(module_dir), ns3_modules)
    programs = {}
    for folder in ('examples', 'utils'):
        for name, files in wscript._programs(os.path.join(module_dir, folder, 'CMakeLists.txt')):
            programs[name] = [os.path.join(folder, f) for f in files]
    compare('programs', programs.keys(), cmake['programs'].keys())
    for name in sorted(set(programs) & set(cmake['programs'])):
        compare('sources of ' + name, programs[name], cmake['programs'][name])
    for path in sources + headers + tests:
        if not os.path.exists(os.path.join(module_dir, path)):
            failures.append('wscript lists a missing file: ' + path)

    if failures:
        print('wscript-compat/wscript has drifted from the CMake build:')
        for failure in failures:
            print('  ' + failure)
        return 1
    print('wscript-compat lists equal the CMake build: %d sources, %d headers, %d tests, '
          '%d programs' % (len(sources), len(headers), len(tests), len(programs)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
