#!/usr/bin/env python3
"""charts-peer.py — draw opmap's bar chart ("Actions per country") with matplotlib, for timing.

Install:  pip install matplotlib==3.11.2        (maps.sh's venv has it; CHART_ONLY=1 needs only it)

Usage:
    charts-peer.py EVENTS.geojson OUTDIR [--width 1600] [--subtitle TEXT]

Draws what `opmap render EVENTS.geojson --formats chart` draws (src/charts/bars.rs), and saves
it as OUTDIR/chart.png and OUTDIR/chart.svg (text kept as text, as opmap's SVG keeps it):

* the bars: the events of EVENTS.geojson counted per (country_name, action): one horizontal bar
  per country, longest first (ties by name), stacked in the legend's order (seizure, raid,
  arrest, takedown, coordination, participation), each segment in its action's Okabe-Ito colour
  (src/style.rs), each bar's total at its end;
* the header: "Actions per country" (bold, 28 px) and the subtitle opmap render gives
  ("Events from <stem> · Source: <file name>", 16 px, muted), left-aligned;
* the axes: country names on the y axis (15 px), integer counts on the x axis with light
  vertical grid lines and opmap's axis description; the x range leaves room on the right for the
  legend, as opmap's does;
* the legend, upper right: each action present with its symbol (square, triangle, diamond,
  cross, star, circle) and total, framed;
* the size: opmap's, 1600 px wide and as tall as the bars need (header 62 + 12, 34 px per bar or
  the legend's height, axis 52, margin 14: 1600x378 for the seed's 7 countries), at 100 dpi.

Whole process is what bench/maps.sh times (python start-up, imports, read, draw, save); the
script also prints  BENCH {"import_s","read_s","plot_s","save_png_s","save_svg_s","total_s"}.
"""
import json
import os
import sys
import time

T0 = time.perf_counter()

ACTIONS = ["seizure", "raid", "arrest", "takedown", "coordination", "participation"]
COLORS = {"seizure": "#d55e00", "raid": "#0072b2", "arrest": "#cc79a7", "takedown": "#e69f00",
          "coordination": "#009e73", "participation": "#56b4e9"}
MARKERS = {"seizure": "s", "raid": "^", "arrest": "D", "takedown": "X", "coordination": "*",
           "participation": "o"}
INK, MUTED, FRAME, PAPER = "#1f1f1f", "#6b6b6b", "#9a968e", "#ffffff"
GRID = "#dcdad7"  # style::mix(frame, paper, 0.35), as opmap's grid lines
AXIS_DESC = "Places with each action (one event per action and place)"
DPI = 100.0


def opt(args, name, default):
    return args[args.index(name) + 1] if name in args else default


def thousands(n):
    return "{:,}".format(n)


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    src, out = args[0], args[1]
    width = int(opt(args, "--width", 1600))
    stem = os.path.splitext(os.path.basename(src))[0]
    subtitle = opt(args, "--subtitle", "Events from %s · Source: %s" % (stem, os.path.basename(src)))

    import matplotlib
    matplotlib.use("Agg")
    matplotlib.rcParams["svg.fonttype"] = "none"  # text as text, as opmap's chart.svg
    matplotlib.rcParams["font.family"] = "DejaVu Sans"
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.ticker import MaxNLocator
    from matplotlib.font_manager import FontProperties
    t_import = time.perf_counter()

    # Read: count the events per (country name, action), as BarChart::of_events does.
    with open(src, encoding="utf-8") as fh:
        features = json.load(fh)["features"]
    counts = {}
    for f in features:
        p = f["properties"]
        row = counts.setdefault(p["country_name"], [0] * len(ACTIONS))
        row[ACTIONS.index(p["action"])] += 1
    bars = sorted(counts.items(), key=lambda kv: (-sum(kv[1]), kv[0]))
    totals = [sum(row[k] for _, row in bars) for k in range(len(ACTIONS))]
    present = [k for k in range(len(ACTIONS)) if totals[k] > 0]
    t_read = time.perf_counter()

    # Sizes at opmap's scale (src/render/style.rs Sizes::new; design pixels at 1600 wide).
    ratio = max(width / 1600.0, 0.1)
    s = ratio ** 0.5 if ratio < 1.0 else ratio
    margin, header, title_px, sub_px, label_px, legend_px, marker = (
        14 * s, 62 * s, 28 * s, 16 * s, 15 * s, 14 * s, 8.5 * s)
    row_px, axis_px, gap = 34 * s, 52 * s, 8 * s
    n = len(bars)
    legend_h = max(len(present), 1) * 1.7 * legend_px + 24 * s
    plot_h = max(max(n, 1) * row_px, legend_h)
    height = int(-(-(header + 12 * s + plot_h + axis_px + margin) // 1))
    pt = 72.0 / DPI  # points per pixel

    fig = plt.figure(figsize=(width / DPI, height / DPI), dpi=DPI, facecolor=PAPER)
    fig.text(margin / width, 1 - 0.35 * title_px / height, "Actions per country", ha="left", va="top",
             fontsize=title_px * pt, fontweight="bold", color=INK)
    fig.text(margin / width, 1 - 1.75 * title_px / height, subtitle, ha="left", va="top",
             fontsize=sub_px * pt, color=MUTED)
    # The label area and the x range that leaves the legend and the numbers room: measured in
    # the renderer's font, as opmap's Layout measures its own.
    renderer = fig.canvas.get_renderer()

    def text_w(text, px):
        w, _, _ = renderer.get_text_width_height_descent(text, FontProperties(size=px * pt), ismath=False)
        return w

    label_area = max((text_w(name, label_px) for name, _ in bars), default=0) + 2 * gap
    entries = [(ACTIONS[k], "%s %s" % (ACTIONS[k].capitalize(), thousands(totals[k]))) for k in present]
    legend_w = max((text_w(t, legend_px) for _, t in entries), default=0) + 3 * marker + 4 * gap
    max_total = max([sum(row) for _, row in bars] + [1])
    number_w = text_w(thousands(max_total), label_px) + 2 * gap
    plot_w = width - 2 * margin - label_area
    room = max(plot_w - legend_w - number_w, plot_w * 0.3)
    x_max = max(-(-(max_total * plot_w) // room), max_total + 1)

    top = header + 12 * s
    ax = fig.add_axes([(margin + label_area) / width, (margin + axis_px) / height,
                       plot_w / width, (height - top - margin - axis_px) / height])
    ax.set_facecolor(PAPER)
    ax.set_xlim(0, x_max)
    ax.set_ylim(-0.5, n - 0.5)
    ax.invert_yaxis()  # the longest bar, first, on top
    bar_h = 1 - 2 * round(row_px * 0.18) / row_px
    names = [name for name, _ in bars]
    ys = list(range(n))
    left = [0] * n
    for k in present:
        vals = [row[k] for _, row in bars]
        ax.barh(ys, vals, left=left, height=bar_h, color=COLORS[ACTIONS[k]], linewidth=0, zorder=2)
        left = [a + b for a, b in zip(left, vals)]
    for y, (_, row) in enumerate(bars):
        ax.text(sum(row), y, " " + thousands(sum(row)), ha="left", va="center", fontsize=label_px * pt,
                color=MUTED, zorder=3)
    ax.set_yticks(ys)
    ax.set_yticklabels(names, fontsize=label_px * pt, color=INK)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=6, integer=True))
    ax.xaxis.set_major_formatter(lambda v, _: thousands(int(v)))
    ax.tick_params(axis="x", labelsize=legend_px * pt, labelcolor=MUTED, color=FRAME)
    ax.tick_params(axis="y", length=gap / 2 * pt, color=FRAME)
    ax.grid(axis="x", color=GRID, linewidth=0.72, zorder=0)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(FRAME)
    ax.set_xlabel(AXIS_DESC, fontsize=legend_px * pt, color=MUTED)
    # matplotlib's star is drawn smaller than its other symbols: 1.4x, as opmap's star (r*1.3).
    handles = [Line2D([], [], linestyle="none", marker=MARKERS[a],
                      markersize=2 * marker * pt * (1.4 if a == "coordination" else 1.0),
                      markerfacecolor=COLORS[a], markeredgewidth=0, label=t) for a, t in entries]
    leg = ax.legend(handles=handles, loc="upper right", fontsize=legend_px * pt, frameon=True,
                    fancybox=False, edgecolor=FRAME, facecolor=PAPER, framealpha=1, borderpad=0.6,
                    handletextpad=0.4, handlelength=1.2)
    leg.get_frame().set_linewidth(0.72)
    t_plot = time.perf_counter()

    os.makedirs(out, exist_ok=True)
    fig.savefig(os.path.join(out, "chart.png"), dpi=DPI, facecolor=PAPER)
    t_png = time.perf_counter()
    fig.savefig(os.path.join(out, "chart.svg"), dpi=DPI, facecolor=PAPER)
    t_svg = time.perf_counter()
    print("BENCH " + json.dumps({
        "import_s": t_import - T0, "read_s": t_read - t_import, "plot_s": t_plot - t_read,
        "save_png_s": t_png - t_plot, "save_svg_s": t_svg - t_png, "total_s": t_svg - T0,
        "bars": n}))


if __name__ == "__main__":
    main()
