#!/usr/bin/env bash
# Times the preview after an edit to an answer, a glossary term, a guide and a checklist item on a
# generated site: the edited page ready, the whole site up to date, and end to end (write, watcher,
# HTTP). With MEMORY_EDITS=N, instead reports the used heap over N successive edits.
# usage: bench/serve.sh [PAGES]   (default 10000; ROUNDS=5; needs `mvn install` first)
#        SHAPE=glossary-common bench/serve.sh 10000   (a corpus shape of generate_corpus.py --shape, as the matrix uses)
#        WIDE=1 bench/serve.sh 10000                  (also a template and site.yml's title, which every page shows,
#                                                     timed on an answer page; the template is copied into the site)
#        JAVA_OPTS=-Xmx12g bench/serve.sh 50000      (options for the benchmark JVM, after the corpus's
#                                                     .mvn/jvm.config, which `mvn site:serve` would read)
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-10000}
if [ -n "${SHAPE:-}" ]; then
  corpus=${BENCH_DIR:-bench/target}/shape-$SHAPE-$pages
  [ -d "$corpus" ] || python3 bench/generate_corpus.py --shape "$SHAPE" "$pages" "$corpus"
else
  corpus=${BENCH_DIR:-bench/target}/corpus-$pages
  [ -d "$corpus" ] || python3 bench/generate_corpus.py "$pages" "$corpus"
fi
echo "corpus: $corpus"
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
# the JVM settings `mvn site:serve` would run with in that site: its .mvn/jvm.config
jvm_config=$(cat "$corpus/.mvn/jvm.config" 2>/dev/null || echo "-XX:+UseParallelGC")
echo "JVM settings: $jvm_config ${JAVA_OPTS:-}"
if [ -n "${MEMORY_EDITS:-}" ]; then
  java $jvm_config ${JAVA_OPTS:-} -cp "$classpath" io.answersite.bench.PreviewMemory "$corpus" "$MEMORY_EDITS"
else
  java $jvm_config ${JAVA_OPTS:-} -cp "$classpath" io.answersite.bench.ServeBench "$corpus" "${ROUNDS:-5}"
fi
