#!/usr/bin/env bash
# Verifies the second way of building edge-dml: in-tree, as contrib/edge-dml of
# a real ns-3.37 source tree (Debian's source package), with ns-3's own
# build_lib, test-runner and test.py.
#
#   utils/check-in-tree.sh [work-dir]      (default: /tmp/edge-dml-in-tree)
#
# Takes about 20 minutes on 2 cores the first time (a re-run on the same
# work-dir rebuilds only what changed); not part of CI. Needs the Debian packages
# of utils/debian-packages.txt and dpkg-dev (for apt-get source); adds a
# deb-src entry for Debian's sources when none is configured (needs root/sudo).
set -euo pipefail

module_dir=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-/tmp/edge-dml-in-tree}
mkdir -p "$work"

as_root=()
if [ "$(id -u)" -ne 0 ]; then
    as_root=(sudo)
fi

step() { printf '\n== %s\n' "$*" >&2; }

# 1. The ns-3.37 source tree, from Debian's source package.
tree=$(find "$work" -maxdepth 3 -type f -name ns3 -path '*ns-3.37/ns3' -printf '%h\n' | head -n 1)
if [ -z "$tree" ]; then
    step "fetching the ns-3.37 source package"
    if ! apt-get source --print-uris ns3 >/dev/null 2>&1; then
        src=/etc/apt/sources.list.d/edge-dml-deb-src.sources
        first=$(find /etc/apt/sources.list.d -name '*.sources' ! -name 'edge-dml-*' | head -n 1)
        if [ -n "$first" ]; then
            sed 's/^Types: deb$/Types: deb-src/' "$first" | "${as_root[@]}" tee "$src" >/dev/null
        else
            grep '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' |
                "${as_root[@]}" tee /etc/apt/sources.list.d/edge-dml-deb-src.list >/dev/null
        fi
        "${as_root[@]}" apt-get update
    fi
    command -v dpkg-source >/dev/null || "${as_root[@]}" apt-get install -y dpkg-dev
    (cd "$work" && apt-get source ns3)
    tree=$(find "$work" -maxdepth 3 -type f -name ns3 -path '*ns-3.37/ns3' -printf '%h\n' | head -n 1)
fi
[ -n "$tree" ] || {
    echo "check-in-tree: no ns-3.37 tree found under $work" >&2
    exit 1
}
step "ns-3.37 tree: $tree"

# 2. The module as contrib/edge-dml: the committed files plus uncommitted edits.
step "copying the module into contrib/edge-dml"
rm -rf "$tree/contrib/edge-dml"
mkdir -p "$tree/contrib/edge-dml"
(cd "$module_dir" && git ls-files -co --exclude-standard -z) |
    (cd "$module_dir" && xargs -0 cp --parents -t "$tree/contrib/edge-dml")

# 3. Configure with only what the module needs (ns-3 finds its dependencies in
#    its CMakeLists.txt); csma works around 3.37's test-runner link bug.
cd "$tree"
step "configuring (a re-run rebuilds only what changed)"
./ns3 configure --build-profile=debug --enable-examples --enable-tests \
    --enable-modules "edge-dml;csma"

step "building"
./ns3 build

# 4. Run the module's tests through ns-3's own runner, and each example.
step "test.py -s edge-dml"
./test.py --no-build --verbose --suite=edge-dml

step "examples"
for example in $(cd contrib/edge-dml/examples && ls *.cc | sed 's/\.cc$//'); do
    case "$example" in
    *) args="" ;; # each example on its embedded defaults
    esac
    step "./ns3 run '$example $args'"
    (mkdir -p "$work/run-$example" && cd "$work/run-$example" &&
        "$tree/ns3" run --no-build --cwd "$work/run-$example" "$example $args" >/dev/null)
done

step "in-tree build of edge-dml: OK"
