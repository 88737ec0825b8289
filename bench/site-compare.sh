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
go run ./bench/hugo-content -in "$work/institute" -out "$work/hugo"

# best prints the best wall time and its peak memory (KiB) of RUNS runs.
best() {
	local b="" m="" t k
	for _ in $(seq "$RUNS"); do
		rm -rf "$work/out-site" "$work/hugo/public" "$work/hugo/resources"
		# Let the file system finish deleting the last run's tree (on a
		# disk mounted with discard, that work otherwise lands on the next
		# run, whichever tool it is: up to twice the time in system calls).
		sync
		sleep 3
		if ! /usr/bin/time -o "$work/time" -f "%e %M" "$@" >/dev/null 2>"$work/err"; then
			cat "$work/err" >&2
			exit 1
		fi
		read -r t k <"$work/time"
		if [ -z "$b" ] || awk "BEGIN{exit !($t < $b)}"; then b=$t m=$k; fi
	done
	echo "$b $m"
}

read -r ht hm < <(best hugo --quiet -s "$work/hugo" -d "$work/hugo/public")
hfiles=$(find "$work/hugo/public" -type f | wc -l)
read -r st sm < <(best "$work/site" -in "$work/institute" -out "$work/out-site" -date 2026-11-30)
sfiles=$(find "$work/out-site" -type f | wc -l)

echo "institute: $PEOPLE people, $PUBS publications; best of $RUNS runs; $(nproc) cores"
printf '%-40s %8s s %8s MiB %7s files\n' "scholarld (YAML → validate → site)" "$st" "$((sm / 1024))" "$sfiles"
printf '%-40s %8s s %8s MiB %7s files\n' "$(hugo version | cut -d' ' -f1-2)" "$ht" "$((hm / 1024))" "$hfiles"
awk -v s="$st" -v h="$ht" 'BEGIN { printf "ratio: Hugo takes %.2f× scholarld'"'"'s time\n", h / s }'
