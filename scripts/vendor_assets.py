"""Refresh the web application's vendored assets from the npm registry.

    pip install shapely pyproj pycountry numpy   # only this script needs them
    python scripts/vendor_assets.py

- ``map/shapes.json``: country outlines for the server-rendered map, from world-atlas
  (ISC licence; Natural Earth data, public domain), keyed by ISO 3166 alpha-3 code: SVG path
  data (relative steps, to a tenth of a pixel) and a point for the label, inside the state's
  largest part. The frame holds the whole of every state that ever had a standing
  in the CSTO (Russia from Kaliningrad to Chukotka, past 180 degrees, and its Arctic islands;
  Serbia; Afghanistan), with the neighbours that fall in it; the projection is Albers
  equal-area conic (standard parallels 45N and 65N). The outlines are simplified together as
  one coverage (``shapely.coverage_simplify``), so each border is simplified once and
  neighbours neither gap nor overlap.
- ``axe/axe.min.js``: axe-core (MPL-2.0), the accessibility checker the browser tests run
  in each page (``tests/test_browser.py``); shipped here so that no test fetches it, and
  served to no page.
Each comes with its licence file; the versions are pinned below. Natural Earth's de facto
layer draws Crimea within Russia; the map draws it within Ukraine, as UN General Assembly
resolution 68/262 (27 March 2014) holds.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tarfile
import tempfile
from itertools import pairwise
from pathlib import Path
from typing import Any

WORLD_ATLAS = "world-atlas@2.0.2"
AXE = "axe-core@4.14.1"
TARGET = Path(__file__).resolve().parent.parent / "src" / "csto" / "web" / "static" / "vendor"
WIDTH = 960.0
CENTRAL = 100.0
"""The projection's central meridian (degrees east), near the middle of the region (Serbia
at 19 degrees east, Chukotka at 190): the map stands upright. Its opposite, 80 degrees
west, is where the projection cuts the globe, far from the map."""
PROJECTION = (f"+proj=aea +lat_1=45 +lat_2=65 +lat_0=55 +lon_0={CENTRAL:g} +datum=WGS84 "
              "+units=m +no_defs")
FRAMED = ("RUS", "ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "TJK", "UZB", "AFG", "SRB")
"""Every state that ever had a standing in the CSTO: the frame holds all of each."""
MARGIN = 0.015
"""Room around them, as a share of the frame's width."""
TOLERANCE = 0.6
"""Simplification, in pixels of the drawn map (about the side of the triangles removed)."""
SPECK = 1.5
"""Islands smaller than this (square pixels) are left out; parts with a land border (the
enclaves in the Fergana valley and around Armenia) are all kept, however small."""
UNITS = {"Kosovo": "XKX", "N. Cyprus": "CYP", "Somaliland": "SOM"}
"""Natural Earth's units without an ISO 3166 number: Kosovo by the code the European Union
and the IMF use, the others within the state the United Nations recognise there (Security
Council resolution 541 (1983) on northern Cyprus)."""
CRIMEA = (32.2, 44.2, 36.8, 46.25)
"""A box (longitude, latitude) around the peninsula, to move it from Russia to Ukraine."""


def fetch(spec: str, folder: Path) -> Path:
    subprocess.run(["npm", "pack", spec, "--silent"], cwd=folder, check=True,
                   capture_output=True)
    archive = next(folder.glob(spec.split("@", maxsplit=1)[0] + "-*.tgz"))
    with tarfile.open(archive) as tar:
        tar.extractall(folder / spec.split("@", maxsplit=1)[0], filter="data")
    return folder / spec.split("@", maxsplit=1)[0] / "package"


def _arcs(topology: dict) -> list[list[tuple[int, int]]]:
    """The arcs in the topology's own integer grid, so that equal points stay equal."""
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x, y))
        decoded.append(points)
    return decoded


def _ring(arcs: list[list[tuple[int, int]]], indices: list[int]) -> list[tuple[int, int]]:
    ring: list[tuple[int, int]] = []
    for index in indices:
        points = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        ring.extend(points if not ring else points[1:])
    return ring


def _code(geometry: dict) -> str | None:
    import pycountry

    name = geometry["properties"]["name"]
    if name in UNITS:
        return UNITS[name]
    if not geometry.get("id"):
        return None  # Siachen Glacier, Indian Ocean Ter.: left blank
    found = pycountry.countries.get(numeric=str(geometry["id"]).zfill(3))
    return found.alpha_3 if found else None


def _states(topology: dict) -> dict[str, list]:
    """Every state's polygons in longitude and latitude, from the projection's cut eastwards
    (so Chukotka east of 180 degrees lies at 180 to 191 degrees east, and Russia is one
    piece); Crimea within Ukraine. Polygons across the cut (in the Americas) are left out."""
    import numpy as np
    from shapely.geometry import Polygon, box

    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    turn = round(360 / sx)
    cut = round((CENTRAL - 180 - tx) / sx)
    arcs = _arcs(topology)
    states: dict[str, list] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = _code(geometry)
        if code is None or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            rings = [np.array(_ring(arcs, ring), dtype=float) for ring in polygon]
            for ring in rings:
                ring[ring[:, 0] < cut, 0] += turn
            if np.ptp(rings[0][:, 0]) > turn / 2:
                continue
            rings = [np.column_stack((ring[:, 0] * sx + tx, ring[:, 1] * sy + ty))
                     for ring in rings]
            states.setdefault(code, []).append(Polygon(rings[0], rings[1:]))
    crimea = box(*CRIMEA)
    moved = [p for p in states["RUS"] if crimea.contains(p.representative_point())]
    states["RUS"] = [p for p in states["RUS"] if not any(p is m for m in moved)]
    states["UKR"] = [*states["UKR"], *moved]
    return states


def _path(coords: Any) -> str:
    """A ring as SVG path data: the first point, then steps to the next (to a tenth of a
    pixel, counted in whole tenths so that a border's two sides stay the same line)."""
    points: list[tuple[int, int]] = []
    for x, y in coords[:-1]:
        point = (round(x * 10), round(y * 10))
        if not points or point != points[-1]:
            points.append(point)
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    if len(points) < 3:
        return ""
    steps = " ".join(f"{(b[0] - a[0]) / 10:g},{(b[1] - a[1]) / 10:g}"
                     for a, b in pairwise(points))
    return f"M{points[0][0] / 10:g},{points[0][1] / 10:g}l{steps}z"


def build_map(package: Path) -> dict:
    import numpy as np
    import shapely
    from pyproj import Transformer
    from shapely.geometry import MultiPolygon, box
    from shapely.ops import polylabel, unary_union

    topology = json.loads((package / "countries-50m.json").read_text())
    project = Transformer.from_crs("EPSG:4326", PROJECTION, always_xy=True).transform

    def to_plane(shape: Any) -> Any:
        return shapely.transform(shape, lambda xy: np.column_stack(project(xy[:, 0], xy[:, 1])))

    states = {code: [to_plane(p) for p in pieces]
              for code, pieces in _states(topology).items()}
    x0, y0, x1, y1 = MultiPolygon([p for code in FRAMED for p in states[code]]).bounds
    pad = MARGIN * (x1 - x0)
    x0, y0, x1, y1 = x0 - pad, y0 - pad, x1 + pad, y1 + pad
    scale = WIDTH / (x1 - x0)
    height = round((y1 - y0) * scale)
    frame = box(x0, y1 - height / scale, x1, y1)
    near = frame.buffer(0.25 * (x1 - x0))
    codes, shapes = [], []
    for code, everywhere in sorted(states.items()):
        pieces = [p for p in everywhere if p.intersects(near)]
        if not pieces:
            continue
        whole = unary_union(pieces) if len(pieces) > 1 else pieces[0]
        codes.append(code)
        shapes.append(whole if whole.is_valid else shapely.make_valid(whole))
    if not shapely.coverage_is_valid(shapes):
        raise ValueError("the states' outlines do not form a coverage")
    simple = shapely.coverage_simplify(shapes, TOLERANCE / scale)

    def pixels(shape: Any) -> Any:
        return shapely.transform(shape, lambda xy: np.column_stack(
            ((xy[:, 0] - x0) * scale, (y1 - xy[:, 1]) * scale)))

    drawn = {code: [p for p in getattr(shape, "geoms", [shape]) if p.geom_type == "Polygon"]
             for code, shape in zip(codes, shapely.intersection(pixels(simple), box(
                 0, 0, WIDTH, height)), strict=True)}
    owners = [code for code, parts in drawn.items() for _ in parts]
    tree = shapely.STRtree([p for parts in drawn.values() for p in parts])

    def shown(code: str, part: Any) -> bool:
        return part.area >= SPECK or any(owners[i] != code for i in tree.query(part, "touches"))

    countries = {}
    for code, inside in drawn.items():
        parts = [p for p in inside if shown(code, p)]
        if not parts:
            continue
        path = "".join(_path(ring.coords) for polygon in parts
                       for ring in (polygon.exterior, *polygon.interiors))
        largest = max(parts, key=lambda p: p.area)
        label = polylabel(largest, 0.5)
        countries[code] = {"d": path, "label": [round(label.x, 1), round(label.y, 1)]}
    return {"width": WIDTH, "height": float(height),
            "projection": f"Albers equal-area conic, standard parallels 45N and 65N, central "
                          f"meridian {CENTRAL:g}E",
            "source": f"{WORLD_ATLAS} countries-50m.json (Natural Earth, public domain)",
            "countries": dict(sorted(countries.items()))}


def main() -> None:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        atlas = fetch(WORLD_ATLAS, folder)
        (TARGET / "map").mkdir(parents=True, exist_ok=True)
        shapes = build_map(atlas)
        (TARGET / "map" / "shapes.json").write_text(json.dumps(shapes, separators=(",", ":")))
        shutil.copy(atlas / "LICENSE", TARGET / "map" / "LICENSE.world-atlas")
        axe = fetch(AXE, folder)
        (TARGET / "axe").mkdir(parents=True, exist_ok=True)
        for name in ("axe.min.js", "LICENSE", "LICENSE-3RD-PARTY.txt"):
            shutil.copy(axe / name, TARGET / "axe" / name)
        (TARGET / "VERSIONS").write_text(f"{WORLD_ATLAS}\n{AXE}\n")


if __name__ == "__main__":
    main()
