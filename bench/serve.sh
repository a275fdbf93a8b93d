#!/usr/bin/env bash
# Times the preview server's rebuild after a one-answer edit on a generated site.
# usage: bench/serve.sh [PAGES]   (default 10000; needs `mvn install` first)
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-10000}
corpus=${BENCH_DIR:-bench/target}/corpus-$pages
[ -d "$corpus" ] || python3 bench/generate_corpus.py "$pages" "$corpus"
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
java -XX:+UseParallelGC -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.answersite.bench.ServeBench "$corpus" "${ROUNDS:-5}"
