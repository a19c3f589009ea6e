"""Convert Natural Earth's country shapes into the compact map data the generator draws votes on.

Run once, by hand, when the map data should change (the result is committed as
``generator/data/world.json``; the build never needs the network):

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/world_map.py package/ generator/data/world.json

Input: ``countries-110m.json`` and ``countries-50m.json`` of the npm package world-atlas 2.0.2
(TopoJSON of Natural Earth 4.1.0 Admin 0 countries; Natural Earth is in the public domain, the
package is under the ISC licence).  What it does:

- projects every shape with the Equal Earth projection (equal-area, so no State looks larger
  than it is), scaled to 1000 units wide, Antarctica left out;
- simplifies outlines (Douglas-Peucker, 0.4 unit) and drops islands under 0.6 square units;
- keys shapes by ISO 3166-1 alpha-2 code through ``generator/data/states.csv`` (by numeric code);
  a shape whose territory the United Nations counts as part of a Member State is drawn with it
  (Northern Cyprus with Cyprus, Somaliland with Somalia); other shapes (territories, Western
  Sahara, Taiwan, Kosovo, Palestine) are drawn neutral, as "other";
- gives each Member State too small for the 1:110m shapes (Andorra, Tuvalu, ...) a marker at the
  centre of its largest 1:50m shape (Tuvalu, absent at 1:50m too: Funafuti).
"""

from __future__ import annotations

import csv
import itertools
import json
import math
import sys
from pathlib import Path
from typing import Any

WIDTH = 1000.0
TOLERANCE = 0.4
MIN_AREA = 0.6
MERGED = {"N. Cyprus": "196", "Somaliland": "706"}
"""Shapes without a code of their own, drawn with the Member State whose territory they are."""
FALLBACK = {"798": (179.2, -8.52)}
"""Member States absent from both scales: longitude, latitude of the capital."""

Point = tuple[float, float]


def equal_earth(lon: float, lat: float) -> Point:
    """Equal Earth projection (Šavrič, Patterson, Jenny 2018), unit sphere; y grows upwards."""
    a1, a2, a3, a4 = 1.340264, -0.081106, 0.000893, 0.003796
    m = math.sqrt(3) / 2
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(m * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = 2 * math.sqrt(3) * lam * math.cos(theta) / (3 * (9 * a4 * t6 * t2 + 7 * a3 * t6 + 3 * a2 * t2 + a1))
    y = theta * (a4 * t6 * t2 + a3 * t6 + a2 * t2 + a1)
    return x, y


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """The arcs of a quantized TopoJSON topology, as longitude/latitude points."""
    sx, sy = topology["transform"]["scale"]
    tx, ty = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[Point]], indexes: list[int]) -> list[Point]:
    points: list[Point] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend(arc if not points else arc[1:])
    return points


def unwrap(points: list[Point]) -> list[Point]:
    """A ring that crosses the antimeridian (Fiji, Chukotka), kept on the side where most of it lies.

    Longitudes are made continuous, then clamped to ±180°: the few points beyond the map's edge
    run along it, instead of a line drawn across the whole map.
    """
    if all(abs(b[0] - a[0]) <= 180 for a, b in itertools.pairwise(points)):
        return points
    out = [points[0]]
    for lon, lat in points[1:]:
        prev = out[-1][0]
        while lon - prev > 180:
            lon -= 360
        while prev - lon > 180:
            lon += 360
        out.append((lon, lat))
    east = sum(lon for lon, _ in out) / len(out) > 0
    return [(min(lon, 180.0) if east else max(lon, -180.0), lat) for lon, lat in out]


def polygons(geometry: dict[str, Any], arcs: list[list[Point]]) -> list[list[list[Point]]]:
    if geometry.get("type") == "Polygon":
        return [[unwrap(ring(arcs, r)) for r in geometry["arcs"]]]
    if geometry.get("type") == "MultiPolygon":
        return [[unwrap(ring(arcs, r)) for r in poly] for poly in geometry["arcs"]]
    return []


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, iterative."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = points[a], points[b]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy) or 1e-12
        best, index = 0.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            d = abs(dy * (px - ax) - dx * (py - ay)) / norm if (dx or dy) else math.hypot(px - ax, py - ay)
            if d > best:
                best, index = d, i
        if best > tolerance and index > 0:
            keep[index] = True
            stack += [(a, index), (index, b)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def area(points: list[Point]) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True))) / 2


def centroid(points: list[Point]) -> Point:
    a = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        a += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if abs(a) < 1e-12:
        return points[0]
    return cx / (3 * a), cy / (3 * a)


def path(rings: list[list[tuple[int, int]]]) -> str:
    """SVG path data with relative moves: short, and exact for integer coordinates."""
    out = []
    x0 = y0 = 0
    for r in rings:
        x, y = r[0]
        out.append(f"M{x},{y}" if not out else f"m{x - x0},{y - y0}")
        px, py = x, y
        steps = []
        for x, y in r[1:]:
            steps.append(f"{x - px},{y - py}")
            px, py = x, y
        out.append("l" + " ".join(steps) + "z")
        x0, y0 = r[0]
    return "".join(out)


def main(argv: list[str]) -> int:
    source, target = Path(argv[1]), Path(argv[2])
    states_csv = Path(__file__).resolve().parent.parent / "generator" / "data" / "states.csv"
    with states_csv.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    by_numeric = {r["numeric"]: r["alpha2"] for r in rows}
    members = {r["numeric"]: r["alpha2"] for r in rows if r["admitted"] and not r["left"]}
    topo = json.loads((source / "countries-110m.json").read_text("utf-8"))
    arcs = decode_arcs(topo)
    features = []
    for g in topo["objects"]["countries"]["geometries"]:
        numeric = g.get("id") or MERGED.get(g["properties"]["name"], "")
        if numeric == "010":  # Antarctica
            continue
        features.append((numeric, polygons(g, arcs)))
    projected = [(n, [[[equal_earth(*p) for p in r] for r in poly] for poly in polys]) for n, polys in features]
    xs = [p[0] for _, polys in projected for poly in polys for r in poly for p in r]
    ys = [p[1] for _, polys in projected for poly in polys for r in poly for p in r]
    # The frame is the projection's full width (±180°), so that markers beyond the shapes fit.
    left, right = equal_earth(-180, 0)[0], equal_earth(180, 0)[0]
    top, bottom = max(ys), min(ys)
    scale = WIDTH / (right - left)
    height = math.ceil((top - bottom) * scale) + 2

    def screen(p: Point) -> Point:
        return (p[0] - left) * scale, (top - p[1]) * scale + 1

    shapes: dict[str, list[list[tuple[int, int]]]] = {}
    other: list[list[list[tuple[int, int]]]] = []
    for numeric, polys in projected:
        rings: list[list[tuple[int, int]]] = []
        candidates = []
        for poly in polys:
            for r in poly:
                pts = simplify([screen(p) for p in r], TOLERANCE)
                candidates.append((area(pts), pts))
        biggest = max((a for a, _ in candidates), default=0)
        for a, pts in candidates:
            if a < MIN_AREA and a < biggest:
                continue
            snapped: list[tuple[int, int]] = []
            for x, y in pts:
                q = (round(x), round(y))
                if not snapped or snapped[-1] != q:
                    snapped.append(q)
            if len(snapped) >= 3:
                rings.append(snapped)
        code = by_numeric.get(numeric)
        if code and numeric in members:
            shapes.setdefault(code, []).extend(rings)
        elif rings:
            other.append(rings)
    # Markers for Member States too small for the 1:110m shapes.
    topo50 = json.loads((source / "countries-50m.json").read_text("utf-8"))
    arcs50 = decode_arcs(topo50)
    geometries50 = {g.get("id"): g for g in topo50["objects"]["countries"]["geometries"]}
    markers: dict[str, list[float]] = {}
    for numeric, code in sorted(members.items()):
        if code in shapes:
            continue
        if numeric in geometries50:
            rings50 = [poly[0] for poly in polygons(geometries50[numeric], arcs50)]
            largest = max(rings50, key=lambda r: area([equal_earth(*p) for p in r]))
            x, y = screen(centroid([equal_earth(*p) for p in largest]))
        else:
            x, y = screen(equal_earth(*FALLBACK[numeric]))
        markers[code] = [round(x, 1), round(y, 1)]
    data = {
        "source": "Natural Earth 4.1.0 Admin 0 countries, 1:110m (markers: 1:50m), via the npm package "
        "world-atlas 2.0.2; converted by scripts/world_map.py",
        "licence": "Natural Earth: public domain. world-atlas: ISC licence, Copyright 2013-2019 Michael Bostock.",
        "projection": "Equal Earth",
        "width": int(WIDTH),
        "height": height,
        "states": {code: path(rings) for code, rings in sorted(shapes.items())},
        "markers": dict(sorted(markers.items())),
        "other": sorted(path(rings) for rings in other),
    }
    target.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(
        f"{target}: {len(shapes)} States drawn, {len(markers)} as markers, {len(other)} other shapes, "
        f"{target.stat().st_size} bytes; {len(xs)} points in"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
