"""ISO3 → country name, for actor search ("President of Kazakhstan") and exports."""
from __future__ import annotations

from typing import Optional

from communique.geo import country_name as _geo_name


def country_name(iso3: Optional[str]) -> Optional[str]:
    """The everyday English name (the gazetteer's), or None for no code."""
    return _geo_name(iso3.upper()) if iso3 else None
