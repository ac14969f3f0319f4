#!/usr/bin/env bash
# Checks map.svg with an independent SVG renderer, on the seed article, on every
# tests/articles/*.txt and on the batch choropleth of tests/articles:
#   rsvg-convert (Debian librsvg2-bin) rasterises map.svg at its size; the image must match
#   map.png: at most 1 % of pixels may differ by more than 10 % in a channel
#   (examples/png-diff.rs, which also writes the differing pixels to svg-vs-png.png);
#   map.svg lists its groups by id: basemap, countries, borders, flows, markers, labels, title
#   and credits at least (and legend, scale, inset-1… where the map has them).
# Any failure fails the script (exit 1).
#
# Usage: scripts/check-svg.sh [OUT_DIR]     (from anywhere; runs in the repository root)
# OUT_DIR keeps the maps and the comparison images (default: a temporary directory, removed).
# Installs librsvg2-bin when rsvg-convert is missing (needs root and the Debian registry).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v rsvg-convert >/dev/null; then
    echo "check-svg: installing librsvg2-bin (Debian, --no-install-recommends)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends librsvg2-bin >/dev/null
fi
echo "check-svg: $(rsvg-convert --version)"

cargo build --release --quiet --bin opmap --example png-diff
work="${1:-}"
if [ -z "$work" ]; then
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"

status=0
failed() { echo "check-svg: FAIL $*"; status=1; }

# check NAME OPMAP-ARGS…: runs opmap with the arguments and --out, then checks map.svg.
check() {
    local name="$1"; shift
    local out="$work/$name"
    target/release/opmap "$@" --out "$out" >/dev/null 2>&1 || { failed "opmap $*"; return; }
    local ids
    ids=$(grep -o '<g id="[^"]*"' "$out/map.svg" | sed 's/<g id="//; s/"$//' | tr '\n' ' ')
    echo "$name: map.svg groups: $ids"
    for id in basemap countries borders flows markers labels title credits; do
        grep -q "<g id=\"$id\">" "$out/map.svg" || failed "map.svg of $name has no group $id"
    done
    if ! rsvg-convert -b white "$out/map.svg" -o "$out/map-rsvg.png"; then
        failed "rsvg-convert cannot draw map.svg of $name"
        return
    fi
    target/release/examples/png-diff "$out/map-rsvg.png" "$out/map.png" --max 1 \
        --diff "$out/svg-vs-png.png" || failed "map.svg of $name (rsvg-convert) differs from map.png"
}

check seed map seeds/europol-amaq-takedown.txt --formats png,svg
for article in tests/articles/*.txt; do
    [ -e "$article" ] || continue
    check "$(basename "$article" .txt)" map "$article" --formats png,svg
done
check batch batch tests/articles -q

if [ $status -ne 0 ]; then echo "check-svg: FAIL"; exit 1; fi
echo "check-svg: OK"
