#!/usr/bin/env bash
# Builds the static site of the generated institute (examples/gen: 2,000
# people, 20,000 publications) twice: with scholarld's whole path, from the
# YAML files through validation to every page, sitemap and data file
# (go run ./examples/site), and with Debian's Hugo from equivalent content
# files (bench/hugo-content) and an equally simple theme. It prints the
# wall time and peak memory of each (/usr/bin/time -f "%e %M") and the ratio.
#
#   bash bench/site-compare.sh
#   PEOPLE=200 PUBS=2000 bash bench/site-compare.sh
#
# It installs hugo and time with apt-get (as root) when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PEOPLE=${PEOPLE:-2000}
PUBS=${PUBS:-20000}
RUNS=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for tool in hugo /usr/bin/time; do
	if ! command -v "$tool" >/dev/null; then
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo time >/dev/null
	fi
done

go build -o "$work/site" ./examples/site
go run ./examples/gen -people "$PEOPLE" -pubs "$PUBS" -out "$work/institute" >/dev/null
go -C bench run ./hugo-content -in "$work/institute" -out "$work/hugo" # bench/go.mod's module

# measure NAME COMMAND... runs the command once, writing into a new
# directory each time (the command line names it {out}), and appends its
# wall time and peak memory (KiB) to $work/NAME.times. Nothing is deleted
# between runs: deleting a tree of hundreds of megabytes on a disk mounted
# with discard keeps the disk busy for minutes, and whichever run came next
# paid for it, up to three times its time in system calls.
run=0
measure() {
	local name=$1
	shift
	run=$((run + 1))
	local out="$work/out-$run" args=()
	for a in "$@"; do args+=("${a//\{out\}/$out}"); done
	sync
	if ! /usr/bin/time -o "$work/time" -f "%e %M" "${args[@]}" >/dev/null 2>"$work/err"; then
		cat "$work/err" >&2
		exit 1
	fi
	cat "$work/time" >>"$work/$name.times"
	echo "$out" >"$work/$name.last"
}

# The runs alternate, Hugo first, so that neither tool has the disk to
# itself while the other's writes are still being flushed.
for _ in $(seq "$RUNS"); do
	measure hugo hugo --quiet -s "$work/hugo" -d "{out}"
	measure site "$work/site" -in "$work/institute" -out "{out}" -date 2026-11-30
done
best() { sort -n "$work/$1.times" | head -1; }
median() { sort -n "$work/$1.times" | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'; }
all() { cut -d' ' -f1 "$work/$1.times" | paste -sd' '; }
read -r ht hm < <(best hugo)
read -r st sm < <(best site)
hmed=$(median hugo)
smed=$(median site)
files() { find "$(cat "$work/$1.last")" -type f | wc -l; }
bytes() { find "$(cat "$work/$1.last")" -type f -printf '%s\n' | awk '{ s += $1 } END { print int(s / 1000000) }'; }

echo "institute: $PEOPLE people, $PUBS publications; $RUNS runs each; $(nproc) cores"
printf '%-36s %8s %8s %9s %7s %9s\n' "" "best" "median" "peak" "files" "written"
printf '%-36s %7ss %7ss %5s MiB %7s %6s MB\n' "scholarld (YAML → validate → site)" "$st" "$smed" "$((sm / 1024))" "$(files site)" "$(bytes site)"
printf '%-36s %7ss %7ss %5s MiB %7s %6s MB\n' "$(hugo version | cut -d' ' -f1-2)" "$ht" "$hmed" "$((hm / 1024))" "$(files hugo)" "$(bytes hugo)"
echo "runs, scholarld: $(all site)"
echo "runs, Hugo:      $(all hugo)"
awk -v s="$st" -v h="$ht" -v sm="$smed" -v hm="$hmed" 'BEGIN { printf "ratio: Hugo takes %.2f× scholarld'"'"'s time (best), %.2f× (median)\n", h / s, hm / sm }'
