#!/usr/bin/env bash
# Byte-identity check of two builds: runs both on the same inputs and lists every output file
# that differs (PNG included, compared by bytes too). For a change that must not change any
# output (a refactor): build the commit before it, copy its binary aside, then run this.
#
# Inputs (all from the repository): `map --formats all` on the seed, on each test article and
# on every article of tests/eval/real/dev together; `render --formats all` from the seed's
# events.geojson; `places` on the seed; `extract` (FeatureCollection) on every article under
# tests/eval and `extract --seq` on the seed and on tests/eval/real/dev; `batch --formats all`
# on tests/eval/real. stderr is compared too, with the output folder's path replaced.
#
# Usage: scripts/byte-identity.sh BASE_BIN NEW_BIN [WORK_DIR]   (WORK_DIR default /tmp/byte-identity)
# Exit:  0 when every file is identical, 1 otherwise.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BASE=$1 NEW=$2 WORK=${3:-/tmp/byte-identity}

outputs() { # BIN OUT
  local bin=$1 out=$2 f
  rm -rf "$out"; mkdir -p "$out/extract" "$out/places"
  cd "$ROOT" || exit 2
  "$bin" map seeds/europol-amaq-takedown.txt --formats all --out "$out/map" >/dev/null 2>"$out/map.stderr"
  "$bin" map tests/articles/antimeridian.txt --formats all --out "$out/map-anti" >/dev/null 2>&1
  "$bin" map tests/articles/single_country.txt --formats all --out "$out/map-single" >/dev/null 2>&1
  "$bin" map tests/eval/real/dev/*.txt --formats all --out "$out/map-many" >/dev/null 2>&1
  "$bin" render "$out/map/events.geojson" --formats all --out "$out/render" >/dev/null 2>&1
  "$bin" extract --seq seeds/europol-amaq-takedown.txt >"$out/extract/seed.geojsonl" 2>/dev/null
  "$bin" extract --seq tests/eval/real/dev/*.txt >"$out/extract/dev.geojsonl" 2>/dev/null
  "$bin" places seeds/europol-amaq-takedown.txt >"$out/places/seed.json" 2>/dev/null
  find tests/eval -name '*.txt' | sort | while read -r f; do
    "$bin" extract "$f" >"$out/extract/${f//\//_}.json" 2>/dev/null
  done
  "$bin" batch tests/eval/real --formats all --out "$out/batch" -q >/dev/null 2>"$out/batch.stderr"
  echo "batch exit $?" >>"$out/batch.stderr"
  sed -i "s#$out#OUT#g" "$out"/*.stderr
}

outputs "$BASE" "$WORK/base"
outputs "$NEW" "$WORK/new"
same=0 differ=0
while read -r f; do
  if cmp -s "$WORK/base/$f" "$WORK/new/$f"; then same=$((same + 1)); else echo "differs: $f"; differ=$((differ + 1)); fi
done < <(cd "$WORK/base" && find . -type f | sort)
while read -r f; do
  [ -e "$WORK/base/$f" ] || { echo "only in new: $f"; differ=$((differ + 1)); }
done < <(cd "$WORK/new" && find . -type f | sort)
echo "identical: $same, differing: $differ (outputs in $WORK/base and $WORK/new)"
[ "$differ" = 0 ]
