#!/usr/bin/env bash
# Side by side: the plugin at another revision against this checkout's, on the same corpus, in one run
# (this machine's speed moves by a third within an hour, so only builds taken in turn compare). A
# benchmark, not a test: nothing here asserts a time.
#
# usage: bench/ab.sh BASE_REV [SIZE [SHAPE]]   (default: 10000 default; ROUNDS=6; needs `mvn install` first)
#   Builds BASE_REV from a git worktree and installs it as version 0.1.0-BASE; copies the corpus
#   BENCH_DIR/shape-SHAPE-SIZE (made by bench/generate_corpus.py when missing) to BENCH_DIR/ab-base-SHAPE-SIZE,
#   whose pom names 0.1.0-BASE, and BENCH_DIR/ab-new-SHAPE-SIZE (0.1.0-SNAPSHOT, this checkout's
#   `mvn install`), both kept for the next run. Each round, for each copy in turn: a build with no change,
#   then a build after the first answer's short answer was edited (undone in the next round). Prints every
#   build (wall and own time; the edited build's checks, render and emit stages), then per side the medians and
#   the ratio of the edited build to the no-change build (issue 11's bar: at most 2), also as the median of each
#   round's own ratio (a pair is taken minutes apart at most: it holds when the machine's speed moves mid-run).
set -euo pipefail
cd "$(dirname "$0")/.."
base_rev=${1:?usage: bench/ab.sh BASE_REV [SIZE [SHAPE]]}
size=${2:-10000}
shape=${3:-default}
rounds=${ROUNDS:-6}
bench_dir=${BENCH_DIR:-bench/target}
corpus=$bench_dir/shape-$shape-$size
[ -d "$corpus" ] || python3 bench/generate_corpus.py --shape "$shape" "$size" "$corpus"

worktree=$(mktemp -d)
git worktree add -q --detach "$worktree" "$base_rev"
trap 'git worktree remove --force "$worktree"' EXIT
sed -i '0,/<version>0.1.0-SNAPSHOT<\/version>/s//<version>0.1.0-BASE<\/version>/' "$worktree/pom.xml"
echo "installing $base_rev ($(git rev-parse --short "$base_rev")) as 0.1.0-BASE"
mvn -q -B -f "$worktree/pom.xml" install -DskipTests

base=$bench_dir/ab-base-$shape-$size
new=$bench_dir/ab-new-$shape-$size
for copy in "$base" "$new"; do
  if [ ! -d "$copy" ]; then
    mkdir -p "$copy"
    cp -r "$corpus/content" "$corpus/site" "$corpus/pom.xml" "$copy/"
    [ -d "$corpus/.mvn" ] && cp -r "$corpus/.mvn" "$copy/"
  fi
done
sed -i 's/0\.1\.0-SNAPSHOT/0.1.0-BASE/' "$base/pom.xml"
sed -i 's/0\.1\.0-BASE/0.1.0-SNAPSHOT/' "$new/pom.xml"

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg)"
# one `mvn site:build` in $1; prints: wall own [render emit checks]
timed() {
  local log
  log=$(mktemp)
  ( cd "$1" && /usr/bin/time -f 'TIME %e' mvn -B site:build ) > "$log" 2>&1 || { tail -30 "$log"; exit 1; }
  echo "$(grep -o 'TIME .*' "$log" | awk '{print $2}') $(grep -o 'errors\? in [0-9.]* s' "$log" | tail -1 | awk '{print $3}')" \
    "$(grep -o 'answersite: render done in [0-9]* ms' "$log" | awk '{print $5}')" \
    "$(grep -o 'answersite: emit done in [0-9]* ms' "$log" | awk '{print $5}')" \
    "$(grep -o 'answersite: check done in [0-9]* ms' "$log" | awk '{sum += $5} END {print sum + 0}')"
  rm -f "$log"
}
# the first answer's short answer edited, or the edit undone
toggle() {
  local answer
  answer=$(find "$1/content/answers" -name '*.md' ! -name '*.en.md' | sort | sed -n 1p)
  [ -f "$1/edited.bak" ] || cp "$answer" "$1/edited.bak"
  if cmp -s "$answer" "$1/edited.bak"; then
    sed -i '0,/^answer: "/s/^answer: "/answer: "先看 Retry-After。/' "$answer"
  else
    cp "$1/edited.bak" "$answer"
  fi
}
results=$(mktemp)
for copy in "$base" "$new"; do timed "$copy" > /dev/null; done  # the first build of a plugin is a clean one
for round in $(seq "$rounds"); do
  for copy in "$base" "$new"; do
    side=$([ "$copy" = "$base" ] && echo base || echo new)
    read -r nwall nown _ < <(timed "$copy")
    toggle "$copy"
    read -r ewall eown render emit checks < <(timed "$copy")
    echo "$side $nwall $nown $ewall $eown $render $emit $checks" >> "$results"
    echo "round $round $side: no change ${nwall} s (own ${nown} s), edited ${ewall} s (own ${eown} s, checks ${checks} ms, render ${render} ms, emit ${emit} ms)"
  done
done
python3 - "$results" "$base_rev" <<'SUMMARY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
for side, name in (("base", sys.argv[2]), ("new", "this checkout")):
    r = [row for row in rows if row[0] == side]
    m = lambda i: statistics.median(float(row[i]) for row in r)
    print(f"{side} ({name}): no change {m(1):.2f} s (own {m(2):.2f}), edited {m(3):.2f} s (own {m(4):.2f}, "
          f"checks {m(7):.0f} ms, render {m(5):.0f} ms, emit {m(6):.0f} ms), ratio {m(3) / m(1):.2f}x, "
          f"ratio of each round's pair: median {statistics.median(float(row[3]) / float(row[1]) for row in r):.2f}x")
SUMMARY
rm -f "$results"
for copy in "$base" "$new"; do  # the edit undone, for the next run
  if [ -f "$copy/edited.bak" ]; then
    cp "$copy/edited.bak" "$(find "$copy/content/answers" -name '*.md' ! -name '*.en.md' | sort | sed -n 1p)"
    rm "$copy/edited.bak"
  fi
done
