#!/usr/bin/env bash
# Checks opmap's outputs in the real clients users open them with, on the seed article and on
# every tests/articles/*.txt:
#   GDAL     every .geojson (and the basemap) opens with ogrinfo with no warning or error and
#            converts to GPKG with ogr2ogr; ../shared/tools/check-geojson.sh's RFC 7946 checks pass;
#            events.csv opens as a point layer (lon/lat columns) with one feature per event;
#            `opmap extract --seq` opens with GDAL's GeoJSONSeq driver.
#   QGIS     ../shared/tools/qgis-check.sh loads every layer as a drag-and-drop does and applies
#            its .qml; scripts/qgis-project-check.py opens map.qgs (layers, order, styles, CRS,
#            extent, render).
#   Chromium Leaflet draws every feature of each GeoJSON (../shared/tools/webmap-check.mjs);
#            map.html loads from file:// with no console error and no request, has one marker
#            per event, and hovering each marker shows its sentence (scripts/check-webmap-html.mjs);
#            on a batch output, one element per country whose tooltip gives its article count.
# Any failure fails the script (exit 1); no check is optional.
#
# Usage: scripts/check-clients.sh            (from anywhere; runs in the repository root)
# Installs what is missing (needs root and the Debian and npm registries; never a browser
# download): Debian gdal-bin, qgis qgis-providers python3-qgis, chromium; npm playwright-core and
# leaflet into $WEBMAP_DEPS (default ~/.cache/webmap-check).
# Needs ../shared/tools (CI has it beside the clone; a user's clone does not: then it says so and
# exits 0 unless CI is set).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
tools="$(pwd)/../shared/tools"
if [ ! -f "$tools/check-geojson.sh" ]; then
    echo "check-clients: $tools/check-geojson.sh not found"
    if [ -n "${CI:-}" ]; then exit 1; fi
    echo "check-clients: skipped (the checking tools live in ../shared/tools, beside CI's clone)"
    exit 0
fi

# ---- install the clients ------------------------------------------------------------------
pkgs=()
command -v ogrinfo >/dev/null || pkgs+=(gdal-bin)
/usr/bin/python3 -c 'import qgis.core' >/dev/null 2>&1 || pkgs+=(qgis qgis-providers python3-qgis)
[ -x /usr/bin/chromium ] || pkgs+=(chromium)
if [ ${#pkgs[@]} -gt 0 ]; then
    echo "check-clients: installing ${pkgs[*]} (Debian, --no-install-recommends)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
fi
export WEBMAP_DEPS="${WEBMAP_DEPS:-$HOME/.cache/webmap-check}"
if [ ! -d "$WEBMAP_DEPS/node_modules/playwright-core" ] || [ ! -d "$WEBMAP_DEPS/node_modules/leaflet" ]; then
    echo "check-clients: installing npm leaflet@1.9.4 playwright-core@1.65.1 into $WEBMAP_DEPS"
    npm install --prefix "$WEBMAP_DEPS" --no-audit --no-fund --silent leaflet@1.9.4 playwright-core@1.65.1
fi
ogrinfo --version
echo "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
installed=$SECONDS

# QGIS runs headless.
export QT_QPA_PLATFORM=offscreen
xdg="$(mktemp -d)"
chmod 700 "$xdg"
export XDG_RUNTIME_DIR="$xdg"

cargo build --release --quiet
work="$(mktemp -d)"
trap 'rm -rf "$work" "$xdg"' EXIT

status=0
failed() { echo "check-clients: FAIL $*"; status=1; }

# ogrinfo must open a file silently: any ERROR or Warning line fails.
gdal_opens() {
    local f="$1"; shift
    if ! ogrinfo -ro -al -so "$@" "$f" >"$work/ogrinfo.out" 2>"$work/ogrinfo.err"; then
        failed "ogrinfo cannot open $f:"; cat "$work/ogrinfo.err"; return 1
    fi
    if grep -qiE '(ERROR|Warning)' "$work/ogrinfo.err"; then
        failed "ogrinfo warned on $f:"; cat "$work/ogrinfo.err"; return 1
    fi
}

feature_count() { sed -n 's/^Feature Count: //p' "$work/ogrinfo.out"; }

check_run() {
    local name="$1"; shift
    local out="$work/$name"
    echo
    echo "==== $name: opmap map $*"
    target/release/opmap map "$@" --out "$out"
    local files=("$out"/*.geojson)
    local layers=()
    for f in "${files[@]}"; do
        [ "$(basename "$f")" = basemap.geojson ] || layers+=("$f")
    done
    local events=0
    [ -f "$out/events.geojson" ] && events=$(grep -c '"type":"Feature"' "$out/events.geojson")

    # GDAL
    bash "$tools/check-geojson.sh" --strict "${files[@]}" || failed "check-geojson.sh on $name"
    if [ -f "$out/events.geojson" ]; then
        bash "$tools/check-geojson.sh" --require-fields id,action,country,country_name,place,place_type,text,sentence,start,end,article,confidence,reason,marker-color,marker-symbol,marker-size,title,description "$out/events.geojson" >/dev/null \
            || failed "events.geojson of $name lacks a documented property"
    fi
    for f in "${files[@]}"; do
        gdal_opens "$f" || continue
        ogr2ogr -f GPKG "$out/$(basename "$f" .geojson).gpkg" "$f" 2>"$work/ogr2ogr.err" || failed "ogr2ogr on $f"
        if grep -qiE '(ERROR|Warning)' "$work/ogr2ogr.err"; then
            failed "ogr2ogr warned on $f:"; cat "$work/ogr2ogr.err"
        fi
    done
    if [ "$events" -gt 0 ]; then
        if gdal_opens "$out/events.csv" -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat -oo AUTODETECT_TYPE=YES; then
            [ "$(feature_count)" = "$events" ] && grep -q '^Geometry: Point' "$work/ogrinfo.out" \
                && echo "events.csv: $events points (GDAL CSV driver, lon/lat)" \
                || failed "events.csv of $name: GDAL reads $(feature_count) points, expected $events"
        fi
        target/release/opmap extract --seq "$@" >"$work/$name.geojsons"
        if gdal_opens "$work/$name.geojsons"; then
            [ "$(feature_count)" = "$events" ] && echo "extract --seq: $events features (GDAL GeoJSONSeq driver)" \
                || failed "extract --seq of $name: GDAL reads $(feature_count) features, expected $events"
        fi
    fi

    # QGIS: each layer as dropped, styled by its .qml; then the project.
    if bash "$tools/qgis-check.sh" --png-dir "$out/qgis-png" "$out" >"$work/qgis.out" 2>&1; then
        grep -E '^(=== |  style|  renderer|  features a category)|^qgis-check:' "$work/qgis.out"
    else
        failed "qgis-check.sh on $name"; cat "$work/qgis.out"
    fi
    /usr/bin/python3 scripts/qgis-project-check.py "$out/map.qgs" "$out/qgis-project.png" 2>/dev/null \
        || failed "map.qgs of $name"

    # Chromium: Leaflet draws every feature; map.html works offline with one marker per event.
    for f in "${layers[@]}"; do
        local n
        n=$(grep -c '"type":"Feature"' "$f")
        node "$tools/webmap-check.mjs" "$f" "$out/leaflet-$(basename "$f" .geojson).png" --expect "$n" \
            >"$work/webmap.out" 2>&1 || { failed "Leaflet on $f"; cat "$work/webmap.out"; continue; }
        echo "leaflet $(basename "$f"): $(tail -1 "$work/webmap.out")"
    done
    if [ "$events" -gt 0 ]; then
        node scripts/check-webmap-html.mjs "$out" "$out/map-html.png" || failed "map.html of $name"
    fi
}

check_run seed seeds/europol-amaq-takedown.txt
for article in tests/articles/*.txt; do
    [ -e "$article" ] || continue
    check_run "$(basename "$article" .txt)" "$article"
done

# A batch run: the aggregate layer, the event stream, the QGIS project and map.html (one element
# and tooltip per country, not per event).
echo
echo "==== batch: opmap batch tests/eval/real/dev"
bout="$work/batch"
target/release/opmap batch -q tests/eval/real/dev --out "$bout" || failed "opmap batch"
bash "$tools/check-geojson.sh" --strict "$bout/countries.geojson" "$bout/basemap.geojson" \
    || failed "check-geojson.sh on the batch output"
for f in "$bout/countries.geojson" "$bout/basemap.geojson"; do gdal_opens "$f"; done
bevents=$(grep -c $'^\x1e' "$bout/events.geojsonl")
if gdal_opens "$bout/events.geojsonl"; then
    [ "$(feature_count)" = "$bevents" ] && echo "events.geojsonl: $bevents features (GDAL GeoJSONSeq driver)" \
        || failed "events.geojsonl: GDAL reads $(feature_count) features, expected $bevents"
fi
if bash "$tools/qgis-check.sh" --png-dir "$bout/qgis-png" "$bout" >"$work/qgis.out" 2>&1; then
    grep -E '^(=== |  style|  renderer|  features a category)|^qgis-check:' "$work/qgis.out"
else
    failed "qgis-check.sh on the batch output"; cat "$work/qgis.out"
fi
/usr/bin/python3 scripts/qgis-project-check.py "$bout/map.qgs" "$bout/qgis-project.png" 2>/dev/null \
    || failed "map.qgs of the batch output"
node scripts/check-webmap-html.mjs "$bout" "$bout/map-html.png" || failed "map.html of the batch output"

# The committed output/ must pass too.
echo
echo "==== committed output/"
bash "$tools/check-geojson.sh" --strict output/*.geojson || failed "check-geojson.sh on output/"

echo
echo "check-clients: installs $((installed - started)) s, checks $((SECONDS - installed)) s"
if [ $status -ne 0 ]; then echo "check-clients: FAIL"; exit 1; fi
echo "check-clients: OK"
