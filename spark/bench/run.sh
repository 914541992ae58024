#!/usr/bin/env bash
# Partitioned training benchmark (README, "On Apache Spark"): the same generated rows trained in
# process and on Spark in local[2], each in its own JVM with a 4 GB heap.
# Usage: spark/bench/run.sh [ROWS [SEGMENTS [MODES [optimise]]]]   defaults: 10000000 1000 "local spark"
# (optimise: train optimised models, optimise=true)
# Needs: mvn -pl src,spark -am package -DskipTests (the test classes and target/spark-classpath.txt).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
rows="${1:-10000000}"
segments="${2:-1000}"
modes="${3:-local spark}"
optimise="${4:-}"
cp="$here/target/test-classes:$here/target/classes:$(cat "$here/target/spark-classpath.txt")"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
for mode in $modes; do
  if ! java -Xmx4g @"$here/jvm.options" -cp "$cp" partita.spark.bench.TrainingBenchmark "$mode" "$rows" "$segments" $optimise \
      2> >(grep -v -E "^(WARN|INFO)|^\s*$|log4j|SLF4J" >&2); then
    echo "mode=$mode rows=$rows segments=$segments: failed (see above; an OutOfMemoryError means the 4 GB heap is too small)"
  fi
done
