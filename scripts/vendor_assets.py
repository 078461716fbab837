"""Refresh the web application's vendored assets from the npm registry.

    pip install shapely pyproj   # only this script needs them
    python scripts/vendor_assets.py

- ``map/shapes.json``: country outlines for the server-rendered map, from world-atlas
  (ISC licence; Natural Earth data, public domain), projected (Lambert azimuthal
  equal-area centred on Central Asia), simplified, clipped to the region, keyed by ISO 3166
  alpha-3 code, with a point for each label.
- ``swagger-ui/``: the browsable API documentation, from swagger-ui-dist (Apache-2.0).
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
from pathlib import Path

WORLD_ATLAS = "world-atlas@2.0.2"
SWAGGER_UI = "swagger-ui-dist@5.35.0"
TARGET = Path(__file__).resolve().parent.parent / "src" / "csto" / "web" / "static" / "vendor"
WIDTH, HEIGHT = 960.0, 500.0
FRAME = (-4_300_000.0, -2_300_000.0, 5_300_000.0, 2_700_000.0)
"""The part of the projected plane drawn (metres): from Serbia to the Pacific coast."""


def fetch(spec: str, folder: Path) -> Path:
    subprocess.run(["npm", "pack", spec, "--silent"], cwd=folder, check=True,
                   capture_output=True)
    archive = next(folder.glob(spec.split("@", maxsplit=1)[0] + "-*.tgz"))
    with tarfile.open(archive) as tar:
        tar.extractall(folder / spec.split("@", maxsplit=1)[0], filter="data")
    return folder / spec.split("@", maxsplit=1)[0] / "package"


def _arcs(topology: dict) -> list[list[tuple[float, float]]]:
    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        decoded.append(points)
    return decoded


def _ring(arcs: list[list[tuple[float, float]]], indices: list[int]) -> list[tuple[float, float]]:
    ring: list[tuple[float, float]] = []
    for index in indices:
        points = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        ring.extend(points if not ring else points[1:])
    return ring


def build_map(package: Path) -> dict:
    import numpy as np
    import pycountry
    from pyproj import Transformer
    from shapely import transform
    from shapely.geometry import Polygon, box
    from shapely.ops import unary_union

    topology = json.loads((package / "countries-50m.json").read_text())
    arcs = _arcs(topology)
    project = Transformer.from_crs("EPSG:4326", "+proj=laea +lat_0=48 +lon_0=68",
                                   always_xy=True).transform
    frame = box(*FRAME)
    x0, y0, x1, y1 = FRAME
    crimea = transform(box(32.2, 44.2, 36.8, 46.25),
                       lambda xy: np.column_stack(project(xy[:, 0], xy[:, 1])))
    gathered: dict[str, list[Polygon]] = {}
    countries = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry["properties"]["name"]
        code = None
        if geometry.get("id"):
            found = pycountry.countries.get(numeric=str(geometry["id"]).zfill(3))
            code = found.alpha_3 if found else None
        if name == "Kosovo":
            code = "XKX"
        if code is None or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        shapes = []
        for polygon in polygons:
            rings = [_ring(arcs, ring) for ring in polygon]
            rings = [[(lon, lat) for lon, lat in ring if -179.9 < lon < 179.9] for ring in rings]
            if len(rings[0]) < 4:
                continue
            shape = Polygon(rings[0], [r for r in rings[1:] if len(r) >= 4]).buffer(0)
            shapes.append(transform(shape, lambda xy: np.column_stack(project(xy[:, 0], xy[:, 1]))))
        if not shapes:
            continue
        gathered[code] = [p for s in shapes for p in getattr(s, "geoms", [s])]
    moved = [p for p in gathered["RUS"] if crimea.contains(p.representative_point())]
    gathered["RUS"] = [p for p in gathered["RUS"] if not any(p is m for m in moved)]
    gathered["UKR"] = [*gathered["UKR"], *moved]
    for code, pieces in gathered.items():
        whole = unary_union([p.buffer(0) for p in pieces])
        clipped = whole.intersection(frame).simplify(6_000, preserve_topology=True)
        if clipped.is_empty or clipped.area < 2e8:
            continue

        def point(x: float, y: float) -> str:
            return f"{(x - x0) / (x1 - x0) * WIDTH:.1f},{(y1 - y) / (y1 - y0) * HEIGHT:.1f}"

        parts = []
        for polygon in getattr(clipped, "geoms", [clipped]):
            if polygon.geom_type != "Polygon":
                continue
            for ring in (polygon.exterior, *polygon.interiors):
                coords = list(ring.coords)
                parts.append("M" + "L".join(point(x, y) for x, y in coords[:-1]) + "Z")
        largest = max(getattr(clipped, "geoms", [clipped]), key=lambda p: p.area)
        label = largest.representative_point()
        countries[code] = {"d": "".join(parts), "label": [float(v) for v in
                                                          point(label.x, label.y).split(",")]}
    return {"width": WIDTH, "height": HEIGHT, "projection": "Lambert azimuthal equal-area, "
            "centre 48N 68E", "source": f"{WORLD_ATLAS} countries-50m.json (Natural Earth, "
            "public domain)", "countries": dict(sorted(countries.items()))}


def main() -> None:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        atlas = fetch(WORLD_ATLAS, folder)
        (TARGET / "map").mkdir(parents=True, exist_ok=True)
        shapes = build_map(atlas)
        (TARGET / "map" / "shapes.json").write_text(json.dumps(shapes, separators=(",", ":")))
        shutil.copy(atlas / "LICENSE", TARGET / "map" / "LICENSE.world-atlas")
        swagger = fetch(SWAGGER_UI, folder)
        (TARGET / "swagger-ui").mkdir(parents=True, exist_ok=True)
        for name in ("swagger-ui-bundle.js", "swagger-ui.css", "LICENSE"):
            shutil.copy(swagger / name, TARGET / "swagger-ui" / name)
        (TARGET / "VERSIONS").write_text(f"{WORLD_ATLAS}\n{SWAGGER_UI}\n")


if __name__ == "__main__":
    main()
