#!/usr/bin/env bash
# maps.sh — draw the comparable map (1600x1000, the seed's seven countries filled, markers,
# labels, legend, 1:50m outlines) with opmap and with geopandas+matplotlib and cartopy, side by
# side in one run (interleaved, whole process), and print medians and the ratios peer/opmap;
# then the bar chart ("Actions per country", chart.png + chart.svg) with opmap and with
# matplotlib (charts-peer.py draws the same chart), side by side in its own run.
#
# Started from ../shared/bench/peers-map.sh; the peers' scripts are copied beside this one
# (maps-peers.py draws the map in python, maps-prep-countries.py cuts outlines at ±180°,
# maps-runbench.py times the commands).
#
# ---- install (once; SETUP=1 bench/maps.sh does exactly this, into $DIR) ---------------------
#   python3 -m venv $DIR/venv
#   $DIR/venv/bin/pip install geopandas==1.2.0 matplotlib==3.11.2 shapely==2.2.0 \
#       pyogrio==0.13.0 cartopy==0.26.0
#   cd $DIR && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz \
#       && npm install --no-audit --no-fund topojson-client@3.1.0
#   node_modules/.bin/topo2geo countries=countries-50m.geojson < package/countries-50m.json
#   $DIR/venv/bin/python bench/maps-prep-countries.py countries-50m.geojson countries-50m.fixed.geojson
# The chart alone (CHART_ONLY=1; SETUP=1 CHART_ONLY=1 bench/maps.sh does exactly this):
#   python3 -m venv $DIR/venv && $DIR/venv/bin/pip install matplotlib==3.11.2
# ---------------------------------------------------------------------------------------------
# Usage:  bench/maps.sh [RUNS]          (default 9)
# Env:    DIR=/tmp/opmap-maps-bench    where the venv, the outlines and the PNGs go
#         EXTENTS="euna world"         euna: lon -135..45, lat 10..75 (the seed's two clusters)
#         CHART_ONLY=1                 only the chart comparison (needs only matplotlib)
#         PEERS=0                      no python peers (no venv, no outlines needed): opmap only
#         BASE_BIN=path/to/opmap       also times that build (the one before a change) beside
#                                      this one, interleaved: base-render, base-map, base-chart
#
# What is timed, whole process each:
#   opmap-render:  opmap render output/events.geojson --formats png,svg  (PNG + SVG, labels placed)
#   opmap-map:     opmap map seeds/europol-amaq-takedown.txt --formats png,svg  (end to end)
#   geopandas, cartopy: maps-peers.py (python start-up, imports, read 50m outlines, draw, save)
#   opmap-chart:   opmap render output/events.geojson --formats chart  (chart.png, .svg, .txt only)
#   matplotlib-chart: charts-peer.py output/events.geojson  (python start-up, imports, count the
#                  events per country and action, draw, save chart.png and chart.svg)
# opmap writes into /dev/shm when it exists, so that fsync (opmap writes atomically and syncs)
# does not time the disk; the matplotlib chart is written there too. Look at the PNGs in
# $DIR/maps (opmap-chart.png beside matplotlib-chart.png).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
DIR=${DIR:-/tmp/opmap-maps-bench}
CHART_ONLY=${CHART_ONLY:-0}
if [ "${SETUP:-0}" = 1 ] && [ "$CHART_ONLY" = 1 ]; then
  mkdir -p "$DIR"
  python3 -m venv "$DIR/venv"
  "$DIR/venv/bin/pip" install --quiet matplotlib==3.11.2
elif [ "${SETUP:-0}" = 1 ]; then
  mkdir -p "$DIR"
  python3 -m venv "$DIR/venv"
  "$DIR/venv/bin/pip" install --quiet geopandas==1.2.0 matplotlib==3.11.2 shapely==2.2.0 \
      pyogrio==0.13.0 cartopy==0.26.0
  ( cd "$DIR" && npm pack --silent world-atlas@2.0.2 >/dev/null && tar xzf world-atlas-2.0.2.tgz \
    && npm install --silent --no-audit --no-fund topojson-client@3.1.0 \
    && node_modules/.bin/topo2geo countries=countries-50m.geojson < package/countries-50m.json \
    && "$DIR/venv/bin/python" "$HERE/maps-prep-countries.py" countries-50m.geojson countries-50m.fixed.geojson )
fi
RUNS=${1:-9}
PY="$DIR/venv/bin/python"
GEO="$DIR/countries-50m.fixed.geojson"
EXTENTS=${EXTENTS:-"euna world"}
PEERS=${PEERS:-1}
BASE_BIN=${BASE_BIN:-}
if [ "$PEERS" = 0 ]; then
  [ "$CHART_ONLY" = 1 ] && EXTENTS=""
elif [ "$CHART_ONLY" = 1 ]; then
  EXTENTS=""
  "$PY" -c 'import matplotlib' 2>/dev/null || { echo "no matplotlib in $PY: run SETUP=1 CHART_ONLY=1 $0 first" >&2; exit 2; }
else
  [ -f "$GEO" ] || { echo "no $GEO: run SETUP=1 $0 first" >&2; exit 2; }
fi
cd "$ROOT"
cargo build --release --quiet
BIN="$ROOT/target/release/opmap"
[ -f output/events.geojson ] || "$BIN" >/dev/null 2>&1
TMP=/tmp; [ -d /dev/shm ] && TMP=/dev/shm
OUT="$TMP/opmap-maps-bench"; mkdir -p "$OUT" "$DIR/maps"
echo "machine: $(nproc) cpu, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(lscpu | sed -n 's/^Model name: *//p' | head -1); load: $(cut -d' ' -f1-3 /proc/loadavg)"
rc=0
for ext in $EXTENTS; do
  opmap_extent=auto; [ "$ext" = world ] && opmap_extent=world
  args=(
    --cmd opmap-render "$BIN render output/events.geojson --out $OUT/render --formats png,svg --extent $opmap_extent"
    --cmd opmap-map "$BIN map seeds/europol-amaq-takedown.txt --out $OUT/map --formats png,svg --extent $opmap_extent"
  )
  if [ -n "$BASE_BIN" ]; then
    args+=(
      --cmd base-render "$BASE_BIN render output/events.geojson --out $OUT/base-render --formats png,svg --extent $opmap_extent"
      --cmd base-map "$BASE_BIN map seeds/europol-amaq-takedown.txt --out $OUT/base-map --formats png,svg --extent $opmap_extent"
    )
  fi
  if [ "$PEERS" = 1 ]; then
    args+=(--cmd geopandas "$PY $HERE/maps-peers.py $GEO $DIR/maps/geopandas-$ext.png --extent $ext --engine geopandas")
  fi
  if [ "$PEERS" = 0 ]; then
    :
  elif "$PY" -c 'import cartopy' 2>/dev/null; then
    args+=(--cmd cartopy "$PY $HERE/maps-peers.py $GEO $DIR/maps/cartopy-$ext.png --extent $ext --engine cartopy")
  else
    echo "(cartopy not installed: skipped)"
  fi
  python3 "$HERE/maps-runbench.py" -n "$RUNS" --warmup 1 --ref opmap-render \
    --title "map: $ext (opmap extent $opmap_extent)" "${args[@]}" || rc=$?
  cp "$OUT/render/map.png" "$DIR/maps/opmap-$ext.png"
done
# The bar chart: opmap draws only the chart (render --formats chart: PNG, SVG and the alt text)
# from the events layer; matplotlib draws the same chart from the same file (PNG and SVG).
chart=(--cmd opmap-chart "$BIN render output/events.geojson --out $OUT/chart --formats chart")
[ -n "$BASE_BIN" ] && chart+=(--cmd base-chart "$BASE_BIN render output/events.geojson --out $OUT/base-chart --formats chart")
[ "$PEERS" = 1 ] && chart+=(--cmd matplotlib-chart "$PY $HERE/charts-peer.py output/events.geojson $OUT/matplotlib-chart")
python3 "$HERE/maps-runbench.py" -n "$RUNS" --warmup 1 --ref opmap-chart \
  --title "chart: actions per country (output/events.geojson)" "${chart[@]}" || rc=$?
cp "$OUT/chart/chart.png" "$DIR/maps/opmap-chart.png"
[ "$PEERS" = 1 ] && cp "$OUT/matplotlib-chart/chart.png" "$DIR/maps/matplotlib-chart.png"
ls -l "$DIR"/maps/*.png
exit $rc
