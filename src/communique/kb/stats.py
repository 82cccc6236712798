"""Size and coverage of the bundled knowledge base: rows per region, per role, per decade."""
from __future__ import annotations

from collections import Counter

from communique.geo import _data_rows
from communique.kb.load import people_rows


def regions() -> dict[str, str]:
    return {iso: region for iso, region, *_ in _data_rows("geo_regions.tsv")}


def stats() -> dict[str, Counter]:
    region_of = regions()
    out = {"region": Counter(), "role": Counter(), "decade": Counter(), "people": Counter(), "countries": Counter()}
    for _, _, r in people_rows():
        country = r.get("country", "")
        out["region"][region_of.get(country, "international") if country or r.get("org") else "?"] += 1
        out["role"][r.get("role") or "?"] += 1
        start = r.get("start", "")[:4]
        end = (r.get("end") or "2026")[:4]
        if start.isdigit() and end.isdigit():
            for decade in range(int(start) // 10 * 10, int(end) // 10 * 10 + 1, 10):
                out["decade"][f"{decade}s"] += 1       # a row counts in every decade it spans
        out["people"][r.get("person_id")] += 1
        if country:
            out["countries"][country] += 1
    return out


def format_stats(s: dict[str, Counter]) -> str:
    rows = sum(s["role"].values())
    lines = [f"rows: {rows}   people: {len(s['people'])}   countries: {len(s['countries'])}"]
    for key in ("region", "role", "decade"):
        lines.append(f"per {key}:")
        items = sorted(s[key].items()) if key == "decade" else s[key].most_common()
        lines.extend(f"  {k:<24} {v}" for k, v in items)
    return "\n".join(lines)
