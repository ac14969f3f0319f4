#!/usr/bin/env bash
# Checks opmap's GeoJSON with real clients: GDAL (what QGIS reads GeoJSON with) must open every
# file with no warning, and the RFC 7946 checks of ../shared/tools/check-geojson.sh must pass.
#
# Usage: scripts/check-clients.sh            (from the repository root)
# Installs Debian's gdal-bin when ogrinfo is missing (needs root and the Debian registry).
# Needs ../shared/tools (CI has it beside the clone; a user's clone does not: then it says so and
# exits 0 unless CI is set).
set -euo pipefail
cd "$(dirname "$0")/.."
tools="$(pwd)/../shared/tools"
if [ ! -x "$tools/check-geojson.sh" ] && [ ! -f "$tools/check-geojson.sh" ]; then
    echo "check-clients: $tools/check-geojson.sh not found"
    if [ -n "${CI:-}" ]; then exit 1; fi
    echo "check-clients: skipped (the checking tools live in ../shared/tools, beside CI's clone)"
    exit 0
fi

if ! command -v ogrinfo >/dev/null; then
    echo "check-clients: installing gdal-bin"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends gdal-bin >/dev/null
fi
ogrinfo --version

cargo build --release --quiet
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

status=0
check_run() {
    local name="$1"; shift
    local out="$work/$name"
    target/release/opmap map "$@" --out "$out"
    local files=("$out"/*.geojson)
    bash "$tools/check-geojson.sh" --strict "${files[@]}" || status=1
    bash "$tools/check-geojson.sh" --require-fields id,action,country,country_name,place,place_type,text,sentence,start,end,article,confidence,reason "$out/events.geojson" >/dev/null || status=1
    for f in "${files[@]}"; do
        ogr2ogr -f GPKG "$out/$(basename "$f" .geojson).gpkg" "$f" 2>"$out/ogr2ogr.err" || status=1
        if grep -qiE '^(ERROR|Warning)' "$out/ogr2ogr.err"; then
            echo "check-clients: FAIL ogr2ogr warned on $f:"; cat "$out/ogr2ogr.err"; status=1
        fi
    done
}

check_run seed seeds/europol-amaq-takedown.txt
for article in tests/articles/*.txt; do
    [ -e "$article" ] || continue
    # Only articles that produce events make layers to check.
    if [ "$(target/release/opmap extract "$article" | grep -c '"type":"Feature"')" -gt 0 ]; then
        check_run "$(basename "$article" .txt)" "$article"
    fi
done

# The committed output/ must pass too.
bash "$tools/check-geojson.sh" --strict output/*.geojson || status=1

if [ $status -ne 0 ]; then echo "check-clients: FAIL"; exit 1; fi
echo "check-clients: OK"
