#!/usr/bin/env bash
# The build benchmark: generates the synthetic corpus at each size, runs a clean `mvn site:build` on
# it several times under GNU time, and prints per size the median wall time, CPU time, peak RSS,
# pages per second, the generator's own time (the goal's summary; wall minus this is Maven and JVM
# start) and the median time of each stage (from the goal's own stage lines). Then, on the last
# clean build's output: a second build with no change (answered from the build cache), the same
# without the cache (everything rebuilt, compared, nothing written), and a build after one answer
# was edited. Also times a Flexmark-only pass (parse, render, write each page) over the same files.
# Benchmarks are not tests: nothing here asserts a time.
#
# usage: bench/run.sh [SIZES...]   (default: 1000 10000 50000; RUNS=3; needs `mvn install` first)
#   BENCH_DIR=/var/tmp/answersite-bench puts the corpora outside the repository (see PERFORMANCE.md:
#   on the development VM, creating files under /work costs several times more than elsewhere).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 50000)
runs=${RUNS:-3}
bench_dir=${BENCH_DIR:-bench/target}
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
classpath="$PWD/target/test-classes:$PWD/target/classes:$(cat target/bench-classpath.txt)"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# one timed `mvn site:build` in the corpus; sets: wall cpu rss own stages summary
timed_build() {
  local log
  log=$(mktemp)
  ( cd "$corpus" && /usr/bin/time -f 'TIME %e %U %S %M' mvn -B site:build "$@" ) > "$log" 2>&1 || { cat "$log"; exit 1; }
  read -r wall user sys rss < <(grep -o 'TIME .*' "$log" | awk '{print $2, $3, $4, $5}')
  cpu=$(echo "$user + $sys" | bc)
  own=$(grep -o 'errors\? in [0-9.]* s' "$log" | tail -1 | awk '{print $3}')
  stages=$(grep -o 'answersite: [a-z-]* done in [0-9]* ms' "$log" | awk '{printf "%s %s · ", $2, $5}' | sed 's/ · $//')
  summary=$(grep -o 'answersite: \(wrote\|up to date\).*' "$log" | sed 's/(answer [^)]*)//' | cut -c13-)
  rm -f "$log"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "cpu calibration (python loop of 2e7 additions): $(python3 -c 'import time;t=time.time();s=0
for i in range(20000000): s+=i
print(round(time.time()-t,2))') s"
for size in "${sizes[@]}"; do
  corpus=$bench_dir/corpus-$size
  [ -d "$corpus" ] || python3 bench/generate_corpus.py "$size" "$corpus"
  pages=$(find "$corpus/content" -name '*.md' | wc -l)
  walls=(); cpus=(); rsss=(); owns=(); all_stages=()
  for run in $(seq "$runs"); do
    rm -rf "$corpus/target"
    sync
    timed_build
    walls+=("$wall"); cpus+=("$cpu"); rsss+=("$rss"); owns+=("$own"); all_stages+=("$stages")
  done
  wall=$(printf '%s\n' "${walls[@]}" | median)
  echo "== $size pages ($pages files): clean build, median of $runs"
  echo "   wall ${wall} s, cpu $(printf '%s\n' "${cpus[@]}" | median) s, peak RSS $(( $(printf '%s\n' "${rsss[@]}" | median) / 1024 )) MB, $(echo "scale=0; $pages / $wall" | bc) pages/s, generator's own time $(printf '%s\n' "${owns[@]}" | median) s"
  echo "   stages (last run, ms): ${all_stages[-1]}"
  timed_build
  echo "   second build, no change, build cache: wall ${wall} s, peak RSS $((rss / 1024)) MB: ${summary}"
  timed_build -Dsite.cache=false
  echo "   second build, no change, -Dsite.cache=false: wall ${wall} s: ${summary}"
  answer=$(find "$corpus/content/answers" -name '*.md' ! -name '*.en.md' | sort | sed -n 1p)
  cp "$answer" "$corpus/edited.bak"
  sed -i '0,/^answer: "/s/^answer: "/answer: "先看 Retry-After。/' "$answer"
  timed_build
  echo "   one answer edited, build cache: wall ${wall} s, stages (ms): ${stages}; ${summary}"
  mv "$corpus/edited.bak" "$answer"
  flexmark=$( java -XX:+UseParallelGC -cp "$classpath" io.answersite.bench.FlexmarkOnly "$corpus/content" "$corpus/target/flexmark-only" )
  echo "   flexmark only: $flexmark"
done
