#!/usr/bin/env bash
# Fault checks on a release build, too slow or too privileged for `cargo test`:
#   1. a 200 MB article: it runs (under the default --max-bytes of 256 MiB), the output is
#      valid, and peak memory (GNU time's maximum resident set) stays within a bound proportional
#      to what is kept, not several copies of the input; --max-bytes below its size refuses it
#      (exit 3) while reading;
#   2. a full disk: `map` into a 256 KiB tmpfs exits 4 and leaves no file under a final name that
#      is not complete; `extract > /dev/full` exits 4;
#   3. interrupts: `map` killed at random moments never leaves a truncated file under a final name.
# Usage: [BIG_MB=200] scripts/check-faults.sh   (from anywhere; installs GNU time when missing; the tmpfs
# check needs root and is skipped, with a note, where mounting is not allowed)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/time ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends time >/dev/null
fi
cargo build --release --quiet
bin="$(pwd)/target/release/opmap"
work="$(mktemp -d)"
cleanup() { mountpoint -q "$work/tiny" 2>/dev/null && umount "$work/tiny"; rm -rf "$work"; }
trap cleanup EXIT
status=0
fail() { echo "check-faults: FAIL $*"; status=1; }

# Every file under a final name in DIR must be complete.
complete() {
    python3 - "$1" <<'PY'
import json, os, sys
d = sys.argv[1]
bad = []
for name in sorted(os.listdir(d)):
    if name.startswith('.opmap-'):
        continue  # a temporary file, never a final name
    p = os.path.join(d, name)
    data = open(p, 'rb').read()
    try:
        if name.endswith('.geojson') or name.endswith('.json'):
            json.loads(data)
        elif name.endswith('.png'):
            assert data.startswith(b'\x89PNG') and data.endswith(b'IEND\xaeB`\x82')
        elif name.endswith('.svg') or name.endswith('.html') or name.endswith('.qgs'):
            assert data.rstrip().endswith(b'>')
    except Exception as e:
        bad.append(f'{name}: {e!r}')
print('\n'.join(bad))
sys.exit(1 if bad else 0)
PY
}

echo "== 1. a ${BIG_MB:-200} MB article"
python3 - "$work/big.txt" "${BIG_MB:-200}" <<'PY'
import sys
seed = open('seeds/europol-amaq-takedown.txt', encoding='utf-8').read()
filler = ("Officers in the region reviewed the case files again on Monday, and the prosecutors "
          "said the investigation would continue for several months.\n")
with open(sys.argv[1], 'w', encoding='utf-8') as f:
    size = 0
    i = 0
    while size < int(sys.argv[2]) * 1_000_000:
        chunk = (seed if i % 10 == 0 else filler * 20) + "\n\n"
        f.write(chunk)
        size += len(chunk.encode('utf-8'))
        i += 1
PY
ls -l "$work/big.txt"
/usr/bin/time -v "$bin" extract "$work/big.txt" >"$work/big.geojson" 2>"$work/big.time" || fail "extract on 200 MB exited $?"
rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/big.time")
wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/big.time")
input_kb=$(( $(stat -c %s "$work/big.txt") / 1024 ))
echo "${BIG_MB:-200} MB extract: wall $wall, peak RSS $((rss_kb / 1024)) MB for $((input_kb / 1024)) MB of input"
python3 -c "import json,sys; d=json.load(open('$work/big.geojson')); assert d['type']=='FeatureCollection' and d['features'], 'no events'" || fail "200 MB output invalid"
# What is kept: the text, one normalised copy for matching, and small per-sentence data.
if [ "$rss_kb" -gt $(( input_kb * 3 + 200 * 1024 )) ]; then
    fail "peak RSS ${rss_kb} kB exceeds 3x the input + 200 MB"
fi
set +e
"$bin" extract --max-bytes 1000000 "$work/big.txt" >/dev/null 2>"$work/limit.err"; rc=$?
set -e
[ $rc -eq 3 ] && grep -q "larger than the limit of 1000000 bytes" "$work/limit.err" || fail "--max-bytes: exit $rc, $(cat "$work/limit.err")"
rm -f "$work/big.txt" "$work/big.geojson"

echo "== 2. a full disk"
mkdir -p "$work/tiny"
if mount -t tmpfs -o size=256k tmpfs "$work/tiny" 2>/dev/null; then
    set +e
    "$bin" map seeds/europol-amaq-takedown.txt --out "$work/tiny/out" 2>"$work/full.err"; rc=$?
    set -e
    echo "map into a 256 KiB tmpfs: exit $rc: $(tail -1 "$work/full.err")"
    [ $rc -eq 4 ] || fail "full disk: exit $rc (want 4)"
    complete "$work/tiny/out" || fail "full disk left an incomplete file under a final name"
    umount "$work/tiny"
else
    echo "note: cannot mount a tmpfs here (not root or no CAP_SYS_ADMIN): tmpfs case skipped"
fi
if [ -w /dev/full ]; then
    set +e
    "$bin" extract seeds/europol-amaq-takedown.txt >/dev/full 2>"$work/devfull.err"; rc=$?
    set -e
    [ $rc -eq 4 ] && grep -q "stdout: No space left on device" "$work/devfull.err" || fail "/dev/full: exit $rc $(cat "$work/devfull.err")"
fi

echo "== 3. interrupts"
"$bin" map seeds/europol-amaq-takedown.txt --out "$work/int" 2>/dev/null
for i in $(seq 1 30); do
    "$bin" map seeds/europol-amaq-takedown.txt --out "$work/int" 2>/dev/null &
    pid=$!
    sleep "0.0$(( RANDOM % 10 ))$(( RANDOM % 10 ))"
    kill -INT $pid 2>/dev/null || true
    wait $pid 2>/dev/null || true
    complete "$work/int" || { fail "interrupt $i left an incomplete file"; break; }
done
echo "30 interrupted runs: every file under a final name complete"

if [ $status -ne 0 ]; then echo "check-faults: FAIL"; exit 1; fi
echo "check-faults: OK"
