"""Opens an opmap map.qgs in QGIS (headless) as a double-click does and checks what the user gets.

Usage: QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/qgis-project-check.py DIR/map.qgs [OUT.png]
(Debian's python3-qgis loads in /usr/bin/python3 only.)

Fails (exit 1) unless: the project reads; every layer beside it is loaded, valid, non-empty, in
EPSG:4326, from a relative path, styled as its .qml says (renderer type and categories); the
layers are in the order basemap < countries < flows < events (drawn bottom to top); the project
CRS is the custom CRS of the PROJ string in the file (not EPSG:4326); the saved view is map.png's
extent; and rendering the project draws something. Prints one line per check, then
`qgis-project-check: OK` or `qgis-project-check: FAIL ...`.
"""
import os
import re
import sys

from qgis.core import (QgsApplication, QgsProject, QgsMapSettings, QgsMapRendererParallelJob,
                       QgsCoordinateReferenceSystem, QgsRectangle)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

path = sys.argv[1]
out_png = sys.argv[2] if len(sys.argv) > 2 else None
app = QgsApplication([], False)
app.initQgis()
problems = []


def check(ok, what):
    print(("  ok   " if ok else "  FAIL ") + what)
    if not ok:
        problems.append(what)


text = open(path, encoding="utf-8").read()
project = QgsProject.instance()
check(project.read(path), f"project reads: {path}")
check('<Absolute type="bool">false</Absolute>' in text and 'source="./' in text,
      "paths are relative (./name.geojson)")
order = [n.layer() for n in project.layerTreeRoot().findLayers()]
names = [l.name() for l in order]
print(f"  layers (top first): {names}")
here = os.path.dirname(path)
expected = [n for n in ["events", "flows", "countries", "basemap"]
            if os.path.exists(os.path.join(here, n + ".geojson"))
            or (n == "events" and os.path.exists(os.path.join(here, "events.geojsonl")))]
check(names == expected, f"layer order events > flows > countries > basemap ({expected})")
for layer in order:
    qml = os.path.join(os.path.dirname(path), layer.name() + ".qml")
    want = re.search(r'<renderer-v2 type="(\w+)"', open(qml).read()).group(1) if os.path.exists(qml) else None
    r = layer.renderer()
    cats = len(r.categories()) if r.type() == "categorizedSymbol" else None
    print(f"  {layer.name()}: valid={layer.isValid()} features={layer.featureCount()} "
          f"crs={layer.crs().authid()} renderer={r.type()} categories={cats}")
    check(layer.isValid() and layer.featureCount() > 0, f"{layer.name()} is valid and not empty")
    check(layer.crs().authid() == "EPSG:4326", f"{layer.name()} is in EPSG:4326")
    check(want is None or r.type() == want, f"{layer.name()} renderer is {want}")
    if cats is not None:
        check(cats == 6, f"{layer.name()} has the 6 action categories")
crs = project.crs()
proj = re.search(r"<projectCrs>.*?<proj4>(.*?)</proj4>", text, re.S).group(1).replace("&amp;", "&")
print(f"  project crs: {crs.description()!r} valid={crs.isValid()} proj={crs.toProj()}")
check(crs.isValid() and not crs.isGeographic(), "project CRS is a valid projected CRS")
same = QgsCoordinateReferenceSystem.fromProj(proj)
check(same.isValid() and crs.toProj() == same.toProj(), f"project CRS is the map's PROJ string {proj}")
m = re.search(r"<extent><xmin>(.*?)</xmin><ymin>(.*?)</ymin><xmax>(.*?)</xmax><ymax>(.*?)</ymax>", text)
saved = QgsRectangle(*[float(v) for v in m.groups()])
print(f"  saved view extent: {saved.toString(0)}")
check(saved.width() > 0 and saved.height() > 0, "the project saves map.png's extent")
# Render the project as QGIS would open it: its CRS, its extent, its layer order.
settings = QgsMapSettings()
settings.setLayers(order)
settings.setDestinationCrs(crs)
settings.setOutputSize(QSize(800, 500))
settings.setBackgroundColor(QColor(255, 255, 255))
settings.setExtent(saved)
job = QgsMapRendererParallelJob(settings)
job.start()
job.waitForFinished()
img = job.renderedImage()
drawn = sum(1 for y in range(0, img.height(), 4) for x in range(0, img.width(), 4)
            if img.pixelColor(x, y) != QColor(255, 255, 255))
# Dates: when the events carry them, the temporal controller is set up over `date`.
import json
events_path = os.path.join(here, "events.geojson")
stream_path = os.path.join(here, "events.geojsonl")
if os.path.exists(events_path):
    features = json.load(open(events_path))["features"]
elif os.path.exists(stream_path):  # a batch run's events, one Feature a line (RS-prefixed)
    features = [json.loads(line.strip("\x1e\n")) for line in open(stream_path) if line.strip("\x1e\n")]
else:
    features = []
dates = sorted({f["properties"].get("date") for f in features} - {None})
if dates:
    from qgis.PyQt.QtCore import QDateTime, Qt
    from qgis.core import QgsDateTimeRange
    events = next(l for l in order if l.name() == "events")
    tp = events.temporalProperties()
    print(f"  events temporal: active={tp.isActive()} mode={int(tp.mode())} field={tp.startField()!r}")
    check(tp.isActive() and tp.startField() == "date", "events layer is temporal over `date`")
    rng = project.timeSettings().temporalRange()
    print(f"  project time range: {rng.begin().toString(Qt.ISODate)} .. {rng.end().toString(Qt.ISODate)}"
          f" (events {dates[0]} .. {dates[-1]})")
    first = QDateTime.fromString(dates[0] + "T00:00:00Z", Qt.ISODate)
    last = QDateTime.fromString(dates[-1] + "T00:00:00Z", Qt.ISODate)
    check(rng.begin() <= first and rng.end() > last, "the project's time range covers every event date")
    # What a frame of the temporal controller at the first date would filter to.
    day = QgsDateTimeRange(first, first.addDays(1))
    from qgis.core import QgsVectorLayerTemporalContext
    context = QgsVectorLayerTemporalContext()
    context.setLayer(events)
    expr = tp.createFilterString(context, day)
    print(f"  filter of a frame at {dates[0]}: {expr!r}")
    from qgis.core import QgsFeatureRequest
    shown = sum(1 for _ in events.getFeatures(QgsFeatureRequest().setFilterExpression(expr))) if expr else -1
    want = sum(1 for f in features if f["properties"].get("date") == dates[0])
    check(shown == want, f"a frame at {dates[0]} shows that day's {want} events (shows {shown})")
print(f"  render at the saved extent: {drawn} sampled non-white pixels")
check(drawn > 100, "the project draws the map at its saved extent")
if out_png:
    img.save(out_png)
    print(f"  render: {out_png}")
if problems:
    print("qgis-project-check: FAIL " + "; ".join(problems))
    os._exit(1)
print("qgis-project-check: OK")
os._exit(0)
