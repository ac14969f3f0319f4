#!/usr/bin/env bash
# Whole-process time of `opmap` on the seed (extract alone, and the full map run), as the median
# of RUNS runs (default 15) after one warm-up, on a release build. Prints min/median/max in ms.
#
# Usage: bench/seed-time.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-15}"
cargo build --release --quiet
bin=target/release/opmap
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
python3 - "$bin" "$runs" "$out" <<'PY'
import statistics, subprocess, sys, time
bin, runs, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
seed = "seeds/europol-amaq-takedown.txt"
cases = {
    "extract": [bin, "extract", seed],
    "map (end to end)": [bin, "map", seed, "--out", out],
    "render": [bin, "render", "output/events.geojson", "--out", out + "/r"],
}
for name, cmd in cases.items():
    subprocess.run(cmd, check=True, capture_output=True)  # warm-up
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append((time.perf_counter() - t) * 1000)
    print(f"{name:18s} runs={runs} min={min(times):7.1f} ms  median={statistics.median(times):7.1f} ms  max={max(times):7.1f} ms")
PY
