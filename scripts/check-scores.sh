#!/usr/bin/env bash
# Extraction quality floors, checked in CI: `opmap extract` scored with the team's scorer
# (../shared/eval/score.py) on the dev set and on the held-out set in tests/eval/synthetic.
# Fails when pairs F1 or countries F1 falls below its floor (a regression of the rules).
#
# Usage: scripts/check-scores.sh        Env: SHARED=../shared
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-$(pwd)/../shared}
SCORE=$SHARED/eval/score.py
[ -f "$SCORE" ] || { echo "check-scores: $SCORE not found (CI has ../shared beside the clone)" >&2; exit 1; }
cargo build --release --quiet
BIN=$(pwd)/target/release/opmap

# name, gold folder, pairs F1 floor, countries F1 floor
check() {
    local name=$1 gold=$2 pairs_floor=$3 countries_floor=$4
    local last
    last=$(python3 "$SCORE" --cmd "$BIN extract {input}" --gold "$gold" | tail -n 1)
    echo "check-scores: $name: $last"
    python3 - "$last" "$pairs_floor" "$countries_floor" "$name" <<'PY'
import sys
line, pf, cf, name = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
vals = dict(kv.split("=") for kv in line.split())
p, c = float(vals["pairs_f1"]), float(vals["countries_f1"])
bad = [f"pairs F1 {p:.3f} < {pf}"] * (p < pf) + [f"countries F1 {c:.3f} < {cf}"] * (c < cf)
if bad:
    sys.exit(f"check-scores: {name}: " + "; ".join(bad))
PY
}
check dev "$SHARED/eval/dev" 0.97 0.97
check held-out tests/eval/synthetic 0.95 0.96
echo "check-scores: OK"
