#!/usr/bin/env bash
# Runs the round-trip tests with AVEDI_EXPORT_DIR set, so every file avedi's writer produced
# (997s, TA1s, rewritten samples) lands in a temp folder, then parses each one with node-x12.
# Usage: run.sh PATH/TO/avedi_tests
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tests_binary=$1
if [ ! -d "$here/node_modules/node-x12" ]; then
  echo "node-x12 is not installed: run 'npm ci' in $here (scripts/test does this)" >&2
  exit 1
fi
export_dir=$(mktemp -d)
trap 'rm -rf "$export_dir"' EXIT
# The engine's own outputs, and the 997s, 855s and 753s the real jobs wrote in their tests.
AVEDI_EXPORT_DIR=$export_dir "$tests_binary" \
  --test-suite="x12 round trip,avedi-receive,order intake,997 reconciliation,fulfilment" >/dev/null
count=$(find "$export_dir" -type f | wc -l)
if [ "$count" -lt 50 ]; then
  echo "only $count files were exported; expected the 997s and rewritten samples" >&2
  exit 1
fi
find "$export_dir" -type f -print0 | sort -z | xargs -0 node "$here/check.js" > "$export_dir.log" || {
  grep -v '^ok ' "$export_dir.log" >&2
  rm -f "$export_dir.log"
  exit 1
}
echo "node-x12 parsed all $count files avedi wrote without complaint"
rm -f "$export_dir.log"
