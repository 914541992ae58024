#!/usr/bin/env bash
# Runs partita.spark.TrainOnSpark through Spark's own spark-submit (org.apache.spark.deploy.SparkSubmit)
# in local mode, for a machine without a Spark distribution: Spark's jars come from the Maven build
# (target/spark-classpath.txt), the job jar is target/partita-spark-*-job.jar. Build both first with
#   mvn -pl src,spark -am package -DskipTests
# Usage: spark/spark-submit-local.sh [--master local[N]] data=FILE target=COL by=COL[,COL] out=MODEL.json [words...]
# With a Spark distribution the same words go to: spark-submit --class partita.spark.TrainOnSpark JOB_JAR words...
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
master="local[2]"
if [ "${1:-}" = "--master" ]; then
  master="$2"
  shift 2
fi
jar="$(ls "$here"/target/partita-spark-*-job.jar 2>/dev/null | head -1 || true)"
if [ -z "$jar" ] || [ ! -f "$here/target/spark-classpath.txt" ]; then
  echo "spark-submit-local: no job jar or Spark classpath under $here/target; build them with:" >&2
  echo "  mvn -pl src,spark -am package -DskipTests" >&2
  exit 1
fi
exec java -Xmx"${PARTITA_DRIVER_MEMORY:-2g}" @"$here/jvm.options" -cp "$(cat "$here/target/spark-classpath.txt")" \
  org.apache.spark.deploy.SparkSubmit --master "$master" \
  --conf spark.ui.enabled=false --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
  --class partita.spark.TrainOnSpark "$jar" "$@"
