#!/usr/bin/env bash
# Clean `mvn site:build` of one corpus under JVM settings that cut warm-up on a small machine,
# side by side: RUNS rounds, each round one build per setting, in turn (so drift hits all alike).
# Prints, per setting, the median wall time, the median goal's own time (what the plugin reports;
# the rest is Maven and JVM start), the median CPU time and the median peak RSS. The corpus's own
# .mvn/jvm.config is set aside while the script runs, so each setting is exactly what it names.
#
# usage: bench/jvm-options.sh [PAGES]   (default 1000; RUNS=3; BENCH_DIR as bench/run.sh;
#        needs `mvn install` first)
# Settings: the JVM's defaults (G1, a quarter of memory as heap); the parallel collector; the
# settings README.md recommends for a site's .mvn/jvm.config (the parallel collector told to keep the
# heap small: -XX:GCTimeRatio=4, and C2 inlining less into compiled methods: -XX:InlineSmallCode=1000);
# those with the client compiler only (C1, no C2), what README recommends for sites of up to about
# 15,000 pages; the recommended settings with an application class-data sharing archive of Maven and the
# plugin (JDK 17: -XX:ArchiveClassesAtExit once, then -XX:SharedArchiveFile); and, where a JDK 25 is
# installed, Maven on JDK 25 with the recommended settings, with and without its ahead-of-time cache
# (JEP 483/514, -XX:AOTCacheOutput on a training build, then -XX:AOTCache).
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-1000}
runs=${RUNS:-3}
bench_dir=${BENCH_DIR:-bench/target}
corpus=$bench_dir/corpus-$pages
[ -d "$corpus" ] || python3 bench/generate_corpus.py "$pages" "$corpus"
corpus=$(cd "$corpus" && pwd)
work=$(mktemp -d)
[ -f "$corpus/.mvn/jvm.config" ] && mv "$corpus/.mvn/jvm.config" "$work/jvm.config.aside"
# the last build's output is set aside (renamed), not deleted, before each build, as bench/run.sh
# does: files created within a minute of many deletions cost several times more on this machine
set_aside_dir=$(dirname "$corpus")/.set-aside
trap '[ -f "$work/jvm.config.aside" ] && mv "$work/jvm.config.aside" "$corpus/.mvn/jvm.config"; rm -rf "$work" "$set_aside_dir"' EXIT
set_aside() {
  mkdir -p "$set_aside_dir"
  if [ -e "$corpus/target" ]; then mv "$corpus/target" "$(mktemp -d "$set_aside_dir/XXXXXX")/"; fi
  sync
}
jdk25=$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1 || true)

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# build NAME JAVA_HOME MAVEN_OPTS: one clean build; appends "wall own cpu rss" to $work/NAME
build() {
  local name=$1 home=$2 opts=$3 log
  log=$work/log
  set_aside
  ( cd "$corpus" && JAVA_HOME=$home MAVEN_OPTS=$opts /usr/bin/time -f 'TIME %e %U %S %M' mvn -B -o site:build ) > "$log" 2>&1 \
    || { cat "$log"; exit 1; }
  read -r wall user sys rss < <(grep -o 'TIME .*' "$log" | awk '{print $2, $3, $4, $5}')
  own=$(grep -o 'errors\? in [0-9.]* s' "$log" | tail -1 | awk '{print $3}')
  echo "$wall $own $(echo "$user + $sys" | bc) $((rss / 1024))" >> "$work/$name"
}

jdk17=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
recommended="-XX:+UseParallelGC -XX:GCTimeRatio=4 -XX:InlineSmallCode=1000 -XX:MetaspaceSize=160m -Xms1g"
settings=(default parallel-gc recommended recommended-c1 cds)
declare -A homes=([default]=$jdk17 [parallel-gc]=$jdk17 [recommended]=$jdk17 [recommended-c1]=$jdk17 [cds]=$jdk17)
declare -A options=([default]="" [parallel-gc]="-XX:+UseParallelGC" [recommended]="$recommended"
  [recommended-c1]="$recommended -XX:TieredStopAtLevel=1"
  [cds]="$recommended -XX:SharedArchiveFile=$work/app.jsa -Xshare:auto")
echo "corpus: $corpus ($(find "$corpus/content" -name '*.md' | wc -l) files); $(nproc) cores; RUNS=$runs"
echo "training the class-data sharing archive (one build, not timed)"
set_aside
( cd "$corpus" && MAVEN_OPTS="$recommended -XX:ArchiveClassesAtExit=$work/app.jsa" mvn -B -q -o site:build ) > "$work/train" 2>&1 \
  || { cat "$work/train"; exit 1; }
if [ -n "$jdk25" ]; then
  settings+=(jdk25 jdk25-aot)
  homes[jdk25]=$jdk25; options[jdk25]="$recommended"
  homes[jdk25-aot]=$jdk25; options[jdk25-aot]="$recommended -XX:AOTCache=$work/app.aot"
  echo "training the JDK 25 ahead-of-time cache (one build, not timed)"
  set_aside
  ( cd "$corpus" && JAVA_HOME=$jdk25 MAVEN_OPTS="$recommended -XX:AOTCacheOutput=$work/app.aot" mvn -B -q -o site:build ) \
    > "$work/train25" 2>&1 || { cat "$work/train25"; exit 1; }
fi
for run in $(seq "$runs"); do
  for setting in "${settings[@]}"; do
    build "$setting" "${homes[$setting]}" "${options[$setting]}"
  done
done
printf '%-14s %10s %10s %10s %10s   %s\n' setting wall own cpu 'peak RSS' MAVEN_OPTS
for setting in "${settings[@]}"; do
  printf '%-14s %9ss %9ss %9ss %7s MB   %s\n' "$setting" "$(awk '{print $1}' "$work/$setting" | median)" \
    "$(awk '{print $2}' "$work/$setting" | median)" "$(awk '{print $3}' "$work/$setting" | median)" \
    "$(awk '{print $4}' "$work/$setting" | median)" \
    "${options[$setting]:-(none)}${homes[$setting]:+ on $(basename "${homes[$setting]}")}"
done
