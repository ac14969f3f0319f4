#!/usr/bin/env python3
"""Two builds of opmap side by side on one input, interleaved: the build before a change
(BASE) and this one (NEW). Whole process under /usr/bin/time -v: wall seconds, CPU seconds and
peak RSS, median of RUNS runs after one warm-up each; the events each wrote; the ratios NEW/BASE
per run (time per article) and per event written (time per event).

    bench/side-by-side.py RUNS EVENTS_FROM 'BASE COMMAND' 'NEW COMMAND'

EVENTS_FROM is `stdout` (count the features opmap extract prints) or a path (count the RS
records of an events.geojsonl that the command writes, e.g. /tmp/ob-new/events.geojsonl; use
{out} in the commands and here to give each build its own folder). Python 3 standard library.
"""
import re, statistics, subprocess, sys


def run(command, events_from, label):
    command = command.replace("{out}", f"/tmp/opmap-side-{label}")
    proc = subprocess.run(["/usr/bin/time", "-v", "sh", "-c", command],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if proc.returncode != 0:
        sys.exit(f"side-by-side: `{command}` failed: {proc.stderr.decode()[-500:]}")
    err = proc.stderr.decode()
    field = lambda name: re.search(re.escape(name) + r": ([0-9.:]+)", err).group(1)
    wall_text = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    wall = 0.0
    for part in wall_text.split(":"):
        wall = wall * 60 + float(part)
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    rss = int(field("Maximum resident set size (kbytes)")) / 1024
    if events_from == "stdout":
        events = proc.stdout.count(b'"type":"Feature"')
    else:
        with open(events_from.replace("{out}", f"/tmp/opmap-side-{label}"), "rb") as f:
            events = f.read().count(b"\x1e")
    return wall, cpu, rss, events


def main():
    runs, events_from, base, new = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    results = {"base": [], "new": []}
    for label, command in (("base", base), ("new", new)):
        run(command, events_from, label)  # warm-up
    for _ in range(runs):
        for label, command in (("base", base), ("new", new)):
            results[label].append(run(command, events_from, label))
    med = {k: [statistics.median(r[i] for r in v) for i in range(4)] for k, v in results.items()}
    print(f"{'build':6} {'wall_s':>8} {'cpu_s':>8} {'rss_mb':>8} {'events':>8} {'cpu_us/event':>13}")
    for label in ("base", "new"):
        wall, cpu, rss, events = med[label]
        print(f"{label:6} {wall:8.3f} {cpu:8.3f} {rss:8.1f} {events:8.0f} {1e6 * cpu / max(events, 1):13.2f}")
    b, n = med["base"], med["new"]
    print(f"ratio new/base: wall {n[0] / b[0]:.3f}, cpu {n[1] / b[1]:.3f}, rss {n[2] / b[2]:.3f}, "
          f"events {n[3] / max(b[3], 1):.3f}, cpu per event {(n[1] / max(n[3], 1)) / (b[1] / max(b[3], 1)):.3f}")


if __name__ == "__main__":
    main()
