#!/usr/bin/env bash
# The build benchmark: generates the synthetic corpus at each size, runs `mvn site:build` on it
# several times under GNU time, and prints per size the median wall time, CPU time, peak RSS and
# pages per second, and the median time of each stage (from the goal's own stage lines). A second,
# no-change build is timed too. Also times a Flexmark-only pass (parse, render, write each page)
# over the same files for comparison. Benchmarks are not tests: nothing here asserts a time.
#
# usage: bench/run.sh [SIZES...]     (default: 1000 10000 50000; RUNS=3; needs `mvn install` first)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 50000)
runs=${RUNS:-3}
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for size in "${sizes[@]}"; do
  corpus=bench/target/corpus-$size
  [ -d "$corpus" ] || python3 bench/generate_corpus.py "$size" "$corpus"
  pages=$(find "$corpus/content" -name '*.md' | wc -l)
  walls=(); cpus=(); rsss=(); stages=()
  for run in $(seq "$runs"); do
    rm -rf "$corpus/target"
    log=$(mktemp)
    ( cd "$corpus" && /usr/bin/time -f 'TIME %e %U %S %M' mvn -B site:build ) > "$log" 2>&1
    read -r wall user sys rss < <(grep -o 'TIME .*' "$log" | awk '{print $2, $3, $4, $5}')
    walls+=("$wall"); cpus+=("$(echo "$user + $sys" | bc)"); rsss+=("$rss")
    stages+=("$(grep -o 'answersite: [a-z]* done in [0-9]* ms' "$log" | awk '{printf "%s=%s ", $2, $5}')")
    rm -f "$log"
  done
  # the same site again, unchanged: the output is compared, nothing is written
  log=$(mktemp)
  ( cd "$corpus" && /usr/bin/time -f 'TIME %e %U %S %M' mvn -B site:build ) > "$log" 2>&1
  second=$(grep -o 'TIME .*' "$log" | awk '{print $2}'); changed=$(grep -o '[0-9]* files\? changed' "$log" | head -1)
  rm -f "$log"
  flexmark=$( java -XX:+UseParallelGC -cp "$classpath" io.answersite.bench.FlexmarkOnly "$corpus/content" "$corpus/target/flexmark-only" )
  wall=$(printf '%s\n' "${walls[@]}" | median)
  cpu=$(printf '%s\n' "${cpus[@]}" | median)
  rss=$(printf '%s\n' "${rsss[@]}" | median)
  echo "== $size pages ($pages files): median of $runs builds"
  echo "   wall ${wall} s, cpu ${cpu} s, peak RSS $((rss / 1024)) MB, $(echo "scale=0; $pages / $wall" | bc) pages/s"
  echo "   stages (last run): ${stages[-1]}"
  echo "   second build, no change: ${second} s (${changed})"
  echo "   flexmark only: $flexmark"
done
