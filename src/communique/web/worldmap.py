"""An offline world map: equirectangular SVG with graticule, country shapes and event points.

Country outlines come from the GeoJSON that the ``countryinfo`` package ships
inside its wheel (read once, simplified, cached). Without that package the map
still works: graticule and points only. Nothing is fetched at run time and no
tile server is involved.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Optional

log = logging.getLogger(__name__)

WIDTH = 1000
HEIGHT = 500


def project(lon: float, lat: float) -> tuple[float, float]:
    """Longitude/latitude → SVG x/y (plate carrée, 1000×500)."""
    x = (float(lon) + 180.0) / 360.0 * WIDTH
    y = (90.0 - float(lat)) / 180.0 * HEIGHT
    return round(x, 1), round(y, 1)


def graticule(step: int = 30) -> list[str]:
    """SVG path data of the meridians and parallels every ``step`` degrees."""
    lines = []
    for lon in range(-180, 181, step):
        x, _ = project(lon, 0)
        lines.append(f"M{x},0V{HEIGHT}")
    for lat in range(-90, 91, step):
        _, y = project(0, lat)
        lines.append(f"M0,{y}H{WIDTH}")
    return lines


@dataclass
class CountryShape:
    iso3: str
    name: str
    d: str


def _ring_path(ring: list) -> str:
    pts = []
    last = None
    for pt in ring:
        try:
            x, y = project(pt[0], pt[1])
        except (TypeError, ValueError, IndexError):
            continue
        p = (round(x * 2) / 2, round(y * 2) / 2)  # half-pixel precision is plenty at 1000 px
        if p != last:
            pts.append(p)
            last = p
    if len(pts) < 3:
        return ""
    head = f"M{_num(pts[0][0])},{_num(pts[0][1])}"
    return head + "L" + " ".join(f"{_num(x)},{_num(y)}" for x, y in pts[1:]) + "Z"


def _num(v: float) -> str:
    return str(int(v)) if v == int(v) else str(v)


def _geometry_path(geom: dict) -> str:
    kind = geom.get("type")
    coords = geom.get("coordinates") or []
    polygons = [coords] if kind == "Polygon" else coords if kind == "MultiPolygon" else []
    return "".join(_ring_path(ring) for poly in polygons for ring in poly)


@lru_cache(maxsize=1)
def country_shapes() -> tuple[CountryShape, ...]:
    """Every country outline the installed ``countryinfo`` package ships (empty tuple without it)."""
    try:
        from importlib.resources import files

        data_dir = files("countryinfo") / "data"
        entries = list(data_dir.iterdir())
    except Exception:  # package missing or laid out differently: map without shapes
        log.info("countryinfo data not found; the map shows no country shapes")
        return ()
    shapes = []
    for entry in entries:
        if not entry.name.endswith(".json"):
            continue
        try:
            record = json.loads(entry.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        geo = record.get("geoJSON") or {}
        for feature in geo.get("features") or []:
            d = _geometry_path(feature.get("geometry") or {})
            if d:
                iso3 = str(feature.get("id") or (record.get("ISO") or {}).get("alpha3") or "")
                shapes.append(CountryShape(iso3.upper(), record.get("name") or iso3, d))
    shapes.sort(key=lambda s: s.iso3)
    return tuple(shapes)


@dataclass
class Place:
    """Events grouped by where they happened."""

    name: str
    country: Optional[str]
    lat: float
    lon: float
    x: float = 0.0
    y: float = 0.0
    events: list[dict] = field(default_factory=list)

    @property
    def radius(self) -> float:
        return round(min(14.0, 3.5 + 2.2 * (len(self.events) ** 0.5)), 1)

    @property
    def types(self) -> list[str]:
        seen: dict[str, int] = {}
        for e in self.events:
            seen[e.get("type") or "?"] = seen.get(e.get("type") or "?", 0) + 1
        return sorted(seen, key=lambda t: -seen[t])


def places(events: Iterable[dict]) -> list[Place]:
    """Group events with a located place (lat/lon present) by rounded coordinates, busiest first."""
    grouped: dict[tuple[float, float], Place] = {}
    for e in events:
        loc = e.get("location") or {}
        lat, lon = loc.get("lat"), loc.get("lon")
        if not isinstance(lat, (int, float)) or not isinstance(lon, (int, float)):
            continue
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            continue
        key = (round(lat, 2), round(lon, 2))
        place = grouped.get(key)
        if place is None:
            x, y = project(lon, lat)
            place = grouped[key] = Place(loc.get("name") or "?", loc.get("country"), lat, lon, x, y)
        place.events.append(e)
    return sorted(grouped.values(), key=lambda p: (-len(p.events), p.name))


def country_activity(events: Iterable[dict]) -> dict[str, int]:
    """How many events each country takes part in (as a side or as the place), for shading."""
    counts: dict[str, int] = {}
    for e in events:
        involved = set()
        for side in ("source", "target"):
            c = (e.get(side) or {}).get("country")
            if c:
                involved.add(c)
        c = (e.get("location") or {}).get("country")
        if c:
            involved.add(c)
        for c in involved:
            counts[c] = counts.get(c, 0) + 1
    return counts


def shade(count: int, peak: int) -> str:
    """CSS class ``shade-0`` … ``shade-4`` for a country with ``count`` events."""
    if count <= 0 or peak <= 0:
        return "shade-0"
    return f"shade-{min(4, 1 + int(3 * count / peak))}"


#: The world view leaves out Antarctica (below 60°S): no event happens there and it eats a fifth of the map.
WORLD_VIEW = (0.0, 0.0, float(WIDTH), round((90 + 60) / 180 * HEIGHT, 1))


def fit_view(located: list[Place], min_degrees: float = 30.0, pad: float = 0.25) -> tuple[float, float, float, float]:
    """A 2:1 viewBox around the places (at least ``min_degrees`` wide), or the world view when there are none."""
    if not located:
        return WORLD_VIEW
    xs, ys = [p.x for p in located], [p.y for p in located]
    min_w = min_degrees / 360 * WIDTH
    w = max(max(xs) - min(xs), 2 * (max(ys) - min(ys)), min_w) * (1 + 2 * pad)
    w = min(w, float(WIDTH))
    h = w / 2
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    x = min(max(0.0, cx - w / 2), WIDTH - w)
    y = min(max(0.0, cy - h / 2), HEIGHT - h)
    return round(x, 1), round(y, 1), round(w, 1), round(h, 1)
