#!/bin/sh
# Rewrites the output pins of test/cmake/output-pins.cmake with the hashes
# the current build produces (after a change of outputs on purpose, such as
# a merge that changes a model's results). Run from the source tree after
# building in build/:  utils/update-output-pins.sh [build directory]
set -eu
source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${1:-$source_dir/build}
pins=$(mktemp -d)
trap 'rm -rf "$pins"' EXIT
EDGE_DML_PRINT_PINS=$pins ctest --test-dir "$build_dir" -R '^pin\.' --output-on-failure >/dev/null
/usr/bin/python3 - "$source_dir/test/cmake/output-pins.cmake" "$pins" <<'PY'
import pathlib, re, sys
table = pathlib.Path(sys.argv[1])
text = table.read_text()
for pin in pathlib.Path(sys.argv[2]).glob("*.pins"):
    name, actual = pin.stem, pin.read_text().strip()
    text, n = re.subn(r'("%s\|[^|"]*\|[^|"]*\|)[^"]*"' % re.escape(name),
                      lambda m: m.group(1) + actual + '"', text)
    if n != 1:
        sys.exit("pin %s not found in %s" % (name, table))
    print("pin.%s: %s" % (name, actual))
table.write_text(text)
PY
# Re-configure so that ctest sees the new pins.
cmake "$build_dir" >/dev/null
