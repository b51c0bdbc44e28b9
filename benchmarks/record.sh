#!/usr/bin/env bash
# Records one run of the benchmarks into benchmarks/results/NAME/: JMH's JSON (jmh-result.json), the results table
# (jmh-result.md), the console log (run.log), the machine (machine.txt: CPU, memory, JVM, commit) and the load
# average sampled every 10 s while it runs (load.log). Run it on a quiet machine, from anywhere in the checkout:
#
#   benchmarks/record.sh NAME [JMH arguments: a benchmark regex, -f, ...]
#   benchmarks/record.sh issue-18 issue18        # the benchmarks of issue 18, about 13 minutes
#
# It builds the benchmarks jar first (mvn -o package, no tests) unless SKIP_BUILD=1; JAR=path runs another build of
# the jar (an earlier commit's, for a before/after comparison) instead. "issue18" as the first JMH argument stands
# for the selection below.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 1 ]; then
    sed -n '2,10p' "$0"
    exit 2
fi
name=$1
shift
if [ "${1:-}" = issue18 ]; then
    shift
    set -- 'BinaryBenchmark\.(scanLabelsAndPredictions|binaryCrossentropyFromLogits)$|CrossentropyBenchmark|Dl4jBenchmark\.(scanPredictions|categoricalAccuracy|sparseCategoricalAccuracy|dl4jEvaluation|binaryCrossentropyFromLogits|categoricalCrossentropyFromLogits|dl4jLossMcxent|dl4jLossBinaryXent)$|SmallBatchBenchmark|ExpLogBenchmark|ParallelBenchmark' "$@"
fi

jar=${JAR:-benchmarks/target/benchmarks.jar}
if [ "${SKIP_BUILD:-0}" != 1 ] && [ -z "${JAR:-}" ]; then
    mvn -B -o -q -DskipTests -pl benchmarks -am package
fi

out=benchmarks/results/$name
mkdir -p "$out"
{
    echo "recorded: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "commit: $(git rev-parse HEAD)$(git diff --quiet HEAD -- . ':!benchmarks/results' || echo ' (with uncommitted changes)')"
    echo "command: benchmarks/record.sh $name $*"
    echo "jar: $jar"
    echo
    lscpu
    echo
    free -m
    echo
    java -version 2>&1
} > "$out/machine.txt"

(while true; do
    echo "$(date -u +%H:%M:%S) $(cut -d' ' -f1-3 /proc/loadavg)"
    sleep 10
done) > "$out/load.log" &
sampler=$!
trap 'kill "$sampler" 2>/dev/null || true' EXIT

java -jar "$jar" -rff "$out/jmh-result.json" "$@" 2>&1 | tee "$out/run.log"
echo "load average during the run (1, 5, 15 min), every 10 s: $out/load.log"
