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
expected = [n for n in ["events", "flows", "countries", "basemap"]
            if os.path.exists(os.path.join(os.path.dirname(path), n + ".geojson"))]
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
