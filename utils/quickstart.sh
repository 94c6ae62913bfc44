#!/usr/bin/env bash
# edge-dml quick start on Debian 12.
#
#   utils/quickstart.sh run            install what is missing, build, run the flagship example
#   utils/quickstart.sh test           install what is missing, build and run the whole test
#                                      suite in build/, then again under AddressSanitizer and
#                                      UndefinedBehaviorSanitizer in build-sanitize/ (what CI runs)
#   utils/quickstart.sh test-sanitize  only the sanitizer pass
#
# Installs only the Debian packages listed in utils/debian-packages.txt that are
# not installed yet (with sudo unless run as root), then runs a CMake workflow
# preset (see CMakePresets.json): "build" then the flagship example for run,
# "test" then "test-sanitize" for test, the preset of the same name otherwise.
# Downloads nothing else.
set -euo pipefail

usage() {
    echo "usage: $0 run|test|test-sanitize" >&2
    exit 2
}
[ $# -eq 1 ] || usage
case "$1" in
run | test | test-sanitize) workflow=$1 ;;
*)
    echo "unknown command '$1'" >&2
    usage
    ;;
esac

cd "$(dirname "$0")/.."

missing=()
while read -r package; do
    case "$package" in '' | '#'*) continue ;; esac
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done <utils/debian-packages.txt

if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing missing Debian packages: ${missing[*]}" >&2
    as_root=()
    if [ "$(id -u)" -ne 0 ]; then
        as_root=(sudo)
    fi
    "${as_root[@]}" apt-get update
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y --no-install-recommends "${missing[@]}"
fi

jobs=$(nproc)
export CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-$jobs}
export CTEST_PARALLEL_LEVEL=${CTEST_PARALLEL_LEVEL:-$jobs}
if [ "$workflow" = run ]; then
    cmake --workflow --preset build
    # The flagship example on its embedded defaults (Fashion-MNIST, 80 ES,
    # tabu scheduling, 50 rounds); it writes rounds.csv, workers.csv and
    # training.png into the current directory (the checkout).
    exec build/bin/edge-dml-training
fi
if [ "$workflow" = test ]; then
    # Any failing test or sanitizer report fails the command.
    cmake --workflow --preset test
    exec cmake --workflow --preset test-sanitize
fi
exec cmake --workflow --preset "$workflow"
