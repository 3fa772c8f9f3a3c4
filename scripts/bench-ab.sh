#!/usr/bin/env bash
# Runs every benchmark suite on another checkout (BASE, e.g. `git worktree add ../base <commit>`
# with its own `npm install`) and on this one, suite by suite back to back, into OUT/<suite>-{base,new}.log.
#   scripts/bench-ab.sh ../base /tmp/bench-ab
set -euo pipefail
base=$(cd "$1" && pwd)
out=${2:-/tmp/bench-ab}
here=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
for suite in allocate tiers linkage interlock time ratings pool period whatif; do
  (cd "$base" && node --expose-gc --import tsx bench/run.ts "$suite") > "$out/$suite-base.log" 2>&1
  (cd "$here" && node --expose-gc --import tsx bench/run.ts "$suite") > "$out/$suite-new.log" 2>&1
  echo "$suite done"
done
