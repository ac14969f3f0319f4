#!/usr/bin/env python3
"""Where `opmap places` gains and loses on GeoWebNews: recall per GWN type, accuracy within 161 km
per kind of mention, and the most frequent misses, false positives and far resolutions.

The headline scores are ../shared/eval/geoparse_score.py's (scripts/check-scores.sh); this report
breaks them down to find failure classes. GeoWebNews (GPL-3.0) stays in ../shared, outside the
repository. Python standard library only.

    scripts/gwn-report.py [--top N] [--bin target/release/opmap] [--gold DIR]

Matching is the scorer's overlap matching simplified (first overlapping prediction, one-to-one).
"""

import argparse
import collections
import json
import math
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--top", type=int, default=25, help="rows per list. Default: 25")
    ap.add_argument("--bin", default=os.path.join(HERE, "..", "target", "release", "opmap"))
    ap.add_argument("--gold", default=os.path.join(HERE, "..", "..", "shared", "eval", "geoparsing", "gwn"))
    args = ap.parse_args()

    names = sorted(f[: -len(".gold.json")] for f in os.listdir(args.gold) if f.endswith(".gold.json"))
    by_type = collections.defaultdict(lambda: [0, 0])
    by_kind = collections.defaultdict(lambda: [0, 0])
    missed, false, far = collections.Counter(), collections.Counter(), collections.Counter()
    for name in names:
        gold = json.load(open(os.path.join(args.gold, name + ".gold.json"), encoding="utf-8"))
        out = subprocess.run([args.bin, "places", os.path.join(args.gold, name + ".txt")],
                             check=True, capture_output=True, text=True).stdout
        preds = json.loads(out)["features"]
        used = set()
        for t in gold["toponyms"]:
            match = next((i for i, p in enumerate(preds) if i not in used
                          and p["properties"]["char_start"] < t["end"]
                          and t["start"] < p["properties"]["char_end"]), None)
            by_type[t["type"]][1] += 1
            if match is None:
                missed[t["text"]] += 1
                continue
            used.add(match)
            by_type[t["type"]][0] += 1
            p = preds[match]
            props, (lon, lat) = p["properties"], p["geometry"]["coordinates"]
            if t.get("lat") is not None:
                error = km(t["lat"], t["lon"], lat, lon)
                by_kind[props["kind"]][1] += 1
                by_kind[props["kind"]][0] += error < 161
                if error >= 161:
                    same = "same country" if props["country"] == t.get("country") else "other country"
                    far[(t["text"], props["name"], props["kind"], same)] += 1
        for i, p in enumerate(preds):
            if i not in used:
                false[(p["properties"]["text"], p["properties"]["kind"])] += 1

    print("recall per GWN type (overlap)")
    for kind, (hit, n) in sorted(by_type.items(), key=lambda kv: -kv[1][1]):
        print(f"  {kind:22s} {hit:5d} / {n:5d}  {hit / n:.3f}")
    print("accuracy within 161 km per kind of mention (matched, gold with coordinates)")
    for kind, (hit, n) in sorted(by_kind.items(), key=lambda kv: -kv[1][1]):
        print(f"  {kind:10s} {hit:5d} / {n:5d}  {hit / n:.3f}")
    for title, counter in (("missed", missed), ("false positives", false), ("161 km or more away", far)):
        print(f"{title}: {sum(counter.values())}")
        for item, count in counter.most_common(args.top):
            print(f"  {count:4d}  {item}")


if __name__ == "__main__":
    main()
