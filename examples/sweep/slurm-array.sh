#!/bin/bash
# The sweep of run_sweep.py on a SLURM cluster without SEM: a job array whose
# task I runs shard I of N (every N-th run of the space), then one job that
# aggregates. The checkout (with build/bin/edge-dml-training) and the results
# folder must be on a file system that all nodes share; a shard submitted
# again after a failure skips the runs already done.
#
#   cd <edge-dml checkout>
#   sbatch --array=0-19 examples/sweep/slurm-array.sh                  (20 shards)
#   sbatch --dependency=afterok:<array job id> examples/sweep/slurm-array.sh aggregate
#
# SWEEP (environment) replaces the space below; RESULTS the results folder.
# On SGE: qsub -t 1-20 -cwd examples/sweep/slurm-array.sh (SGE_TASK_ID is used).
#SBATCH --job-name=edge-dml-sweep
#SBATCH --ntasks=1
#SBATCH --cpus-per-task=1
#SBATCH --mem=2G
#SBATCH --time=01:00:00
#SBATCH --output=sweep-%x-%a.log
set -euo pipefail
# The full-size study (see README.md); the same words for every shard and
# for the aggregation.
SWEEP=${SWEEP:-"--runs 10 --bandwidths 10,30,50,80 --tasks 10,20,30,40,50,60,70 \
--schedulers Random,Greedy,Tabu,Annealing,LocalSearch --set numEdgeServers=80 \
--set rounds=40 --set testLimit=0"}
RESULTS=${RESULTS:-sweep-results}
run=(/usr/bin/python3 examples/sweep/run_sweep.py --results "$RESULTS")
if [ "${1:-}" = aggregate ]; then
    # shellcheck disable=SC2086 # SWEEP is a list of words
    exec "${run[@]}" --aggregate-only $SWEEP
fi
if [ -n "${SLURM_ARRAY_TASK_ID:-}" ]; then
    shard=$SLURM_ARRAY_TASK_ID count=${SLURM_ARRAY_TASK_COUNT:?}
elif [ -n "${SGE_TASK_ID:-}" ] && [ "$SGE_TASK_ID" != undefined ]; then
    shard=$((SGE_TASK_ID - 1)) count=$(((SGE_TASK_LAST - SGE_TASK_FIRST) / SGE_TASK_STEPSIZE + 1))
else
    echo "slurm-array.sh: not an array task; submit with sbatch --array=0-(N-1)" >&2
    exit 2
fi
# shellcheck disable=SC2086
exec "${run[@]}" --shard "$shard/$count" --no-aggregate --quiet $SWEEP
