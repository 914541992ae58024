#!/usr/bin/env bash
# The README's "Scoring in SQL" numbers: size of the SQL for adult by relationship and the time
# DuckDB (embedded) and PostgreSQL (a throwaway server, tools/with-postgres.sh) take to score the
# test rows. Run from the repository root: tools/sql-benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -o -q -pl src test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/src/target/bench.classpath"
# shellcheck disable=SC2016
tools/with-postgres.sh bash -c 'cd src && java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  partita.sql.SqlBenchmark jdbc:duckdb: "$PARTITA_PG_URL"' 2>&1 | grep -v SLF4J
