#!/usr/bin/env bash
# Compares scholarld's whole pipeline (YAML in, validated, Turtle out) with
# the serialization step alone of raptor's rapper and of N3.js, which
# re-serialize scholarld's own N-Triples dump of the same data as Turtle.
# It also measures scholarld's peak memory for 10 times more publications.
#
#   bash bench/compare.sh              # 2,000 people, 20,000 publications
#   PEOPLE=200 PUBS=2000 bash bench/compare.sh
#
# It installs what it needs: raptor2-utils (apt-get, as root) and the n3
# package of npm, in a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."

PEOPLE=${PEOPLE:-2000}
PUBS=${PUBS:-20000}
BIG=${BIG:-$((PUBS * 10))}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! command -v rapper >/dev/null; then
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq raptor2-utils >/dev/null
fi
if ! command -v /usr/bin/time >/dev/null; then
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi
(cd "$work" && npm init -y >/dev/null && npm install --silent n3 >/dev/null)
cp bench/convert-n3.js "$work/"

go build -o "$work/export" ./examples/export
go build -o "$work/gen" ./examples/gen
"$work/gen" -people "$PEOPLE" -pubs "$PUBS" -out "$work/in"
"$work/export" -in "$work/in" -format nt -out "$work/nt" >/dev/null
triples=$(wc -l <"$work/nt/dataset.nt")
echo "data: $PEOPLE people, $PUBS publications: $(du -sh "$work/in" | cut -f1) of YAML, $triples triples, $(du -sh "$work/nt/dataset.nt" | cut -f1) of N-Triples"

# measure NAME COMMAND...: runs the command three times, keeps the fastest
# wall time and its peak memory.
measure() {
	local name=$1 best="" mem=""
	shift
	for _ in 1 2 3; do
		/usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr"; exit 1; }
		read -r t m <"$work/time"
		if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t mem=$m; fi
	done
	printf '%-52s %7.2f s %8d KB\n' "$name" "$best" "$mem"
	eval "${name%% *}_time=$best"
	eval "${name%% *}_mem=$mem"
}

measure "scholarld (YAML → validate → Turtle)" "$work/export" -in "$work/in" -format ttl -out "$work/ttl"
measure "rapper (N-Triples → Turtle)" rapper -q -i ntriples -o turtle "$work/nt/dataset.nt"
measure "n3 (N-Triples → Turtle, StreamParser | StreamWriter)" node "$work/convert-n3.js" "$work/nt/dataset.nt" "$work/n3.ttl"

awk -v s="$scholarld_time" -v r="$rapper_time" -v n="$n3_time" 'BEGIN {
	printf "ratios: rapper takes %.2fx scholarld'"'"'s time, n3 %.2fx\n", r / s, n / s
}'

"$work/gen" -people "$PEOPLE" -pubs "$BIG" -out "$work/big" >/dev/null
for f in ttl nt; do
	/usr/bin/time -f "%M" -o "$work/m1" "$work/export" -in "$work/in" -format $f -out "$work/o1" >/dev/null
	/usr/bin/time -f "%M" -o "$work/m2" "$work/export" -in "$work/big" -format $f -out "$work/o2" >/dev/null
	awk -v a="$(cat "$work/m1")" -v b="$(cat "$work/m2")" -v f=$f -v p="$PUBS" -v q="$BIG" 'BEGIN {
		printf "peak memory, %s: %d KB for %d publications, %d KB for %d: %.2fx\n", f, a, p, b, q, b / a
	}'
done
