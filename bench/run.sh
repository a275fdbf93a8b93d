#!/usr/bin/env bash
# The build benchmark. Two modes; benchmarks are not tests: nothing here asserts a time.
#
# usage: bench/run.sh [SIZES...]   (default: 1000 10000 50000; RUNS=3; needs `mvn install` first)
#   Generates the synthetic corpus at each size, runs a clean `mvn site:build` on it several times
#   under GNU time, and prints per size the median wall time, CPU time, peak RSS, pages per second,
#   the generator's own time (the goal's summary; wall minus this is Maven and JVM start) and the
#   median time of each stage (from the goal's own stage lines). Then, on the last clean build's
#   output: a second build with no change (answered from the build cache), the same without the
#   cache (everything rebuilt, compared, nothing written), and a build after one answer was edited.
#   Also times a Flexmark-only pass (parse, render, write each page) over the same files.
#
# usage: bench/run.sh matrix [SIZE [SHAPE...]]   (default: 10000 and every shape; RUNS=3)
#   For each corpus shape of bench/generate_corpus.py (--shape), at SIZE pages: the corpus and the
#   same pages as a Hugo site (bench/hugo_corpus.py), both cached under BENCH_DIR; then RUNS clean
#   builds of each, alternating: `mvn site:build` with target/ set aside (the site and the build
#   cache) and `hugo` with public/, resources/ and its cache set aside. Prints per shape the median
#   wall times and their ratio (Answersite / Hugo), then the worst shape, and writes the table to
#   BENCH_DIR/matrix-SIZE.md. Installs Hugo with apt-get when it is missing; fails if a build has an
#   error, and reports the warnings of each build. HUGO_TIMEOUT=SECONDS stops a Hugo build that runs
#   longer (Hugo's time grows faster than its pages with few, large sections: topics-5 at 50,000 pages
#   ran past 21 minutes); the row then shows Hugo's time as a lower bound and the ratio as an upper one. MAVEN_OPTS, when set, reaches every `mvn site:build`
#   (e.g. MAVEN_OPTS="-Xmx1100m -XX:NewRatio=8" for the capped heap README describes) and is printed
#   with the table.
#
#
# usage: bench/run.sh edit [SIZE [SHAPE]]   (default: 10000 default; RUNS=7: three pairs gave 1.97x and
#   seven 2.22x minutes apart on one machine in session 25, the no-change build moving by 0.9 s)
#   `mvn site:build` with the build cache after one answer's short answer was edited, against a
#   build with no change, on the same corpus (BENCH_DIR/shape-SHAPE-SIZE, made when missing; a clean
#   build first when it has no output). Alternates: no change, edit, no change, the edit undone, ...
#   and prints each build's wall and CPU time, the stages of the edited builds, the files written,
#   and the ratio of the medians (issue 11's bar: at most 2), then the median of each pair's ratio (a
#   no-change build and the edited build right after it: it holds when the machine's speed moves mid-run,
#   as it did in session 28, where the no-change build went from 2.15 to 2.46 s after the fourth pair).
#
#   BENCH_DIR=/var/tmp/answersite-bench puts the corpora outside the repository (see PERFORMANCE.md:
#   on the development VM, creating files under /work costs several times more than elsewhere).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 50000)
runs=${RUNS:-3}
[ "${1:-}" != edit ] || runs=${RUNS:-7}
bench_dir=${BENCH_DIR:-bench/target}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# A clean build starts from an output folder set aside, not deleted: on this machine's disk (ext4
# without a journal) a file created within a minute of tens of thousands of deletions makes the kernel
# skip every recently deleted inode of its group, one buffer lookup each, so a build right after
# `rm -rf target` spent 15-30 s of system time creating files (perf: recently_deleted in ext4_create
# and ext4_mkdir) that a fresh CI clone never pays. Renaming frees no inode; the folders set aside
# are deleted when the script ends (wait a minute before timing clean builds again).
set_aside_dir=$bench_dir/.set-aside
set_aside() {
  local dir
  mkdir -p "$set_aside_dir"
  for dir in "$@"; do
    if [ -e "$dir" ]; then mv "$dir" "$(mktemp -d "$set_aside_dir/XXXXXX")/"; fi
  done
  sync
}
trap 'rm -rf "$set_aside_dir"' EXIT
# The outputs set aside add up (a 50,000-page shape sets aside about 5 GB of ours and Hugo's per run,
# and a full matrix of them does not fit this machine's disk): when the disk holding BENCH_DIR has less
# than MIN_FREE_GB (default 20) free, they are deleted before the next build, and the disk probes of the
# rows after it show what that costs, rather than a build failing for want of space (session 20).
make_room() {
  local free_gb
  free_gb=$(df --output=avail -BG "$bench_dir" | tail -1 | tr -dc '0-9')
  if [ "$free_gb" -lt "${MIN_FREE_GB:-20}" ] && [ -d "$set_aside_dir" ]; then
    echo "    ${free_gb} GB free: deleting the outputs set aside (the disk probes after this show the cost)" >&2
    rm -rf "$set_aside_dir"
  fi
}
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

machine() {
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
  echo "cpu calibration (python loop of 2e7 additions): $(python3 -c 'import time;t=time.time();s=0
for i in range(20000000): s+=i
print(round(time.time()-t,2))') s"
}

# one timed clean `hugo` build in $hugo_dir; sets: hwall hrss hpages hwarnings
timed_hugo() {
  local log
  log=$(mktemp)
  set_aside "$hugo_dir/public" "$hugo_dir/resources" "$hugo_dir/.hugo-cache"
  local rc=0
  ( cd "$hugo_dir" && /usr/bin/time -f 'TIME %e %U %S %M' timeout "${HUGO_TIMEOUT:-0}" hugo --cacheDir "$PWD/.hugo-cache" ) > "$log" 2>&1 || rc=$?
  if [ "$rc" = 124 ]; then
    hugo_stopped=1  # still building after HUGO_TIMEOUT seconds: its wall time is at least that
  elif [ "$rc" != 0 ]; then
    cat "$log"; exit 1
  fi
  read -r hwall hrss < <(grep -o 'TIME .*' "$log" | awk '{print $2, $5}')
  hpages=$(awk -F'|' '/^ *Pages *\|/ {for (i = 2; i <= NF; i++) s += $i} END {print s + 0}' "$log")
  hwarnings=$(grep -c 'WARN' "$log" || true)
  rm -f "$log"
}

# System time (s) to create 2,000 files of 5 KB in BENCH_DIR (then set aside): on the development VM
# the disk's state after large deletions made creating files several times dearer for minutes in some
# folders (docs/PERFORMANCE.md, session 17: 0.04-0.06 s here when quiet, 0.3-1.2 s when not), and every build
# of both generators pays it; printed with each shape so that such a row shows.
disk_probe() {
  mkdir -p "$set_aside_dir"
  python3 - "$(mktemp -d "$set_aside_dir/probe-XXXXXX")" <<'PROBE'
import os, sys
before = os.times()
for i in range(2000):
    folder = os.path.join(sys.argv[1], str(i // 100))
    if i % 100 == 0:
        os.mkdir(folder)
    with open(os.path.join(folder, f"{i}.html"), "w") as out:
        out.write("x" * 5000)
print(f"{os.times().system - before.system:.2f}")
PROBE
}

# bench/run.sh matrix [SIZE [SHAPE...]]: every corpus shape against Hugo
matrix() {
  local size=${1:-10000}
  shift || true
  local shapes=("$@")
  [ ${#shapes[@]} -gt 0 ] || read -r -a shapes < <(python3 -c 'import sys; sys.path.insert(0, "bench")
import generate_corpus; print(" ".join(generate_corpus.SHAPES))')
  command -v hugo > /dev/null || apt-get install -y hugo > /dev/null
  machine
  echo "$(hugo version)"
  mvn -v 2>&1 | sed "s/\x1b\[[0-9;]*m//g" | head -1
  mkdir -p "$bench_dir"
  local results=$bench_dir/matrix-$size.md
  local stamp_of
  stamp_of=$(cat bench/generate_corpus.py bench/hugo_corpus.py | sha256sum | cut -c1-16)
  {
    echo "# bench/run.sh matrix $size, RUNS=$runs, $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "$(nproc) cores; $(java -version 2>&1 | head -1); $(mvn -v 2>&1 | sed "s/\x1b\[[0-9;]*m//g" | head -1); $(hugo version | cut -d' ' -f1-2)"
    echo
    echo "| shape | pages (Answersite / Hugo) | Answersite wall (median) | Hugo wall (median) | ratio | Answersite peak RSS | Hugo peak RSS | warnings (Answersite / Hugo) | disk probe (s) | Answersite stages, last run (ms) |"
    echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  } > "$results"
  printf '%-24s %14s %10s %8s %6s\n' shape pages answersite hugo ratio
  local worst_ratio=0 worst_shape=
  for shape in "${shapes[@]}"; do
    corpus=$bench_dir/shape-$shape-$size
    hugo_dir=$corpus.hugo
    if [ "$(cat "$corpus/.stamp" 2>/dev/null)" != "$stamp_of" ] || [ ! -d "$hugo_dir" ]; then
      python3 bench/generate_corpus.py "$size" "$corpus" --shape "$shape"
      python3 bench/hugo_corpus.py "$corpus" "$hugo_dir"
      echo "$stamp_of" > "$corpus/.stamp"
    fi
    local walls=() rsss=() hwalls=() hrsss=() warnings=0 all_hwarnings=0 pages=0 probe
    hugo_stopped=0
    make_room
    probe=$(disk_probe)
    for run in $(seq "$runs"); do
      make_room
      set_aside "$corpus/target"
      timed_build
      walls+=("$wall"); rsss+=("$rss")
      warnings=$(grep -o '[0-9]* warnings\?,' <<< "$summary" | grep -o '[0-9]*')
      pages=$(grep -o 'wrote [0-9]* pages' <<< "$summary" | grep -o '[0-9]*')
      timed_hugo
      hwalls+=("$hwall"); hrsss+=("$hrss"); all_hwarnings=$hwarnings
    done
    local a h ratio
    a=$(printf '%s\n' "${walls[@]}" | median)
    h=$(printf '%s\n' "${hwalls[@]}" | median)
    ratio=$(echo "scale=2; $a / $h" | bc)
    if [ "$hugo_stopped" = 1 ]; then
      # Hugo was stopped: its time is a lower bound, the ratio an upper one
      h=">$h"; ratio="<$ratio"; hpages="(stopped)"
    fi
    printf '%-24s %14s %9ss %7ss %5sx%s\n' "$shape" "$pages/$hpages" "$a" "$h" "$ratio" \
      "$( [ "$warnings$all_hwarnings" = 00 ] || echo "   warnings: $warnings Answersite, $all_hwarnings Hugo")"
    echo "    disk probe ${probe} s; stages (last run, ms): $stages"
    echo "| $shape | $pages / $hpages | $a s | $h s | ${ratio}× | $(( $(printf '%s\n' "${rsss[@]}" | median) / 1024 )) MB | $(( $(printf '%s\n' "${hrsss[@]}" | median) / 1024 )) MB | $warnings / $all_hwarnings | $probe | $stages |" >> "$results"
    if [ "$(echo "${ratio#<} > $worst_ratio" | bc)" = 1 ]; then
      worst_ratio=$ratio; worst_shape=$shape
    fi
  done
  echo "worst: $worst_shape ${worst_ratio}x Hugo's wall time"
  printf '\nworst: %s, %s× Hugo'"'"'s wall time\n' "$worst_shape" "$worst_ratio" >> "$results"
  # the generator writes the same JVM settings into every corpus: the ones README.md recommends
  printf '\nJVM settings (each corpus'"'"'s .mvn/jvm.config): %s\n' "$(cat "$corpus/.mvn/jvm.config")" | tee -a "$results"
  [ -z "${MAVEN_OPTS:-}" ] || printf 'and MAVEN_OPTS: %s\n' "$MAVEN_OPTS" | tee -a "$results"
  echo "table: $results"
}

# bench/run.sh edit [SIZE [SHAPE]]: a build after one edited answer against a build with no change
edit_builds() {
  local size=${1:-10000} shape=${2:-default}
  corpus=$bench_dir/shape-$shape-$size
  [ -d "$corpus" ] || python3 bench/generate_corpus.py --shape "$shape" "$size" "$corpus"
  machine
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  [ -d "$corpus/target/site" ] || { timed_build; echo "clean build first: wall ${wall} s"; }
  timed_build  # settles the cache after whatever ran before
  local answer nochange=() edited=() nocpu=() edcpu=()
  answer=$(find "$corpus/content/answers" -name '*.md' ! -name '*.en.md' | sort | sed -n 1p)
  cp "$answer" "$corpus/edited.bak"
  for run in $(seq "$runs"); do
    timed_build
    nochange+=("$wall"); nocpu+=("$cpu")
    echo "no change: wall ${wall} s, cpu ${cpu} s: ${summary}"
    if [ $((run % 2)) = 1 ]; then
      sed -i "0,/^answer: \"/s/^answer: \"/answer: \"先看 Retry-After $run。/" "$answer"
    else
      cp "$corpus/edited.bak" "$answer"
    fi
    timed_build
    edited+=("$wall"); edcpu+=("$cpu")
    echo "one answer edited: wall ${wall} s, cpu ${cpu} s, stages (ms): ${stages}; ${summary}"
  done
  cp "$corpus/edited.bak" "$answer" && rm "$corpus/edited.bak"
  local a b
  a=$(printf '%s\n' "${edited[@]}" | median)
  b=$(printf '%s\n' "${nochange[@]}" | median)
  echo "median: edited ${a} s (cpu $(printf '%s\n' "${edcpu[@]}" | median) s), no change ${b} s (cpu $(printf '%s\n' "${nocpu[@]}" | median) s), ratio $(echo "scale=2; $a / $b" | bc)x"
  local pairs=() i
  for i in "${!edited[@]}"; do pairs+=("$(echo "scale=3; ${edited[$i]} / ${nochange[$i]}" | bc)"); done
  echo "median of each pair's ratio (the no-change build, then the edited one after it): $(printf '%s\n' "${pairs[@]}" | median)x"
  echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
}

if [ "${1:-}" = edit ]; then
  shift
  edit_builds "$@"
  exit 0
fi

if [ "${1:-}" = matrix ]; then
  shift
  matrix "$@"
  exit 0
fi

mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
classpath="$PWD/target/test-classes:$PWD/target/classes:$(cat target/bench-classpath.txt)"
machine
for size in "${sizes[@]}"; do
  corpus=$bench_dir/corpus-$size
  [ -d "$corpus" ] || python3 bench/generate_corpus.py "$size" "$corpus"
  pages=$(find "$corpus/content" -name '*.md' | wc -l)
  walls=(); cpus=(); rsss=(); owns=(); all_stages=()
  for run in $(seq "$runs"); do
    make_room
    set_aside "$corpus/target"
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
