#!/usr/bin/env bash
# Extraction quality floors, checked in CI: `opmap extract` scored with the team's scorer
# (../shared/eval/score.py) on the dev set and on the held-out set in tests/eval/heldout.
# Fails when pairs F1 or countries F1 falls below its floor (a regression of the rules).
# Then the geoparser: `opmap places` on GeoWebNews (../shared/eval/geoparsing/gwn) above its floors.
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
check held-out tests/eval/heldout 0.95 0.96

# ---- Geoparser (issue 16): `opmap places` on GeoWebNews, scored with ../shared/eval/geoparse_score.py.
# GeoWebNews is GPL-3.0 and stays outside the repository, in ../shared/eval/geoparsing/gwn/.
# Floors: geotagging F1 (overlap), accuracy within 161 km, AUC of the error (at most), country
# accuracy over the toponyms found, and over those opmap gives a country (continents have none).
GEOSCORE=$SHARED/eval/geoparse_score.py
GWN=$SHARED/eval/geoparsing/gwn
[ -f "$GEOSCORE" ] && [ -d "$GWN" ] || { echo "check-scores: $GEOSCORE or $GWN not found" >&2; exit 1; }
gwn_out=$(python3 "$GEOSCORE" --cmd "$BIN places {input}" --gold "$GWN" --summary)
echo "$gwn_out" | sed 's/^/check-scores: GeoWebNews: /'
python3 - "$gwn_out" 0.80 0.77 0.37 0.90 0.97 <<'PY'
import re, sys
text, f1_floor, acc_floor, auc_ceiling, country_floor, named_floor = sys.argv[1], *map(float, sys.argv[2:])
last = dict(kv.split("=") for kv in text.strip().splitlines()[-1].split())
f1, acc, auc = float(last["geotag_f1"]), float(last["acc161"]), float(last["auc"])
m = re.search(r"^country \(matched gold toponyms with a country: (\d+); prediction without country: (\d+)\): "
              r"accuracy=([0-9.]+)", text, re.M)
matched, without, country = int(m.group(1)), int(m.group(2)), float(m.group(3))
named = country * matched / max(1, matched - without)
print(f"check-scores: GeoWebNews: country accuracy where opmap gives a country: {named:.3f}")
bad = ([f"geotag F1 {f1:.3f} < {f1_floor}"] * (f1 < f1_floor)
       + [f"acc@161 {acc:.3f} < {acc_floor}"] * (acc < acc_floor)
       + [f"AUC {auc:.3f} > {auc_ceiling}"] * (auc > auc_ceiling)
       + [f"country accuracy {country:.3f} < {country_floor}"] * (country < country_floor)
       + [f"country accuracy where opmap gives one {named:.3f} < {named_floor}"] * (named < named_floor))
if bad:
    sys.exit("check-scores: GeoWebNews: " + "; ".join(bad))
PY
echo "check-scores: OK"
