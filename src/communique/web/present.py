"""Small display helpers the templates call: country names, sides, dates, protocol fields."""
from __future__ import annotations

from typing import Any, Optional

#: Attribute keys shown in their own rows on the event page (everything else goes under "Other attributes").
PROTOCOL_KEYS = ("visit_kind", "first_visit", "first_foreign_visit", "greeting_party", "ceremony")


def country_name(iso3: Optional[str]) -> str:
    if not iso3:
        return ""
    from communique.geo import country_name as geo_name

    return geo_name(str(iso3).upper())


def side_label(side: Optional[dict]) -> str:
    """"Kassym-Jomart Tokayev (KAZ)", or the country's name when no person is named."""
    if not side:
        return "—"
    name, country = side.get("name"), side.get("country")
    if name and country and name != country:
        return f"{name} ({country})"
    return name or country_name(country) or "—"


def date_label(event: dict) -> str:
    start, end = event.get("date_start"), event.get("date_end")
    if not start:
        return "undated"
    return start if not end or end == start else f"{start} – {end}"


def reported_label(event: dict) -> str:
    """The publication day the event was first reported, shown beside its own date (and used to sort undated ones)."""
    from communique.web.protocol import reported_date

    return reported_date(event) or ""


def safe_url(url: Optional[str]) -> Optional[str]:
    """The URL when it is http(s); anything else (javascript:, data:, file:) is never rendered as a link."""
    text = (url or "").strip()
    scheme = text.split(":", 1)[0].lower() if ":" in text else ""
    return text if scheme in ("http", "https") else None


def party_names(party: Any) -> list[str]:
    """A greeting party as display strings: ``[{name, role}]`` or plain names."""
    out = []
    for p in party or []:
        if isinstance(p, dict):
            name, role = p.get("name"), p.get("role")
            if name and role:
                out.append(f"{name}, {role}")
            elif name or role:
                out.append(name or role)
        elif p:
            out.append(str(p))
    return out


def flag_words(attributes: dict) -> list[str]:
    words = []
    if attributes.get("first_foreign_visit"):
        words.append("first foreign visit")
    elif attributes.get("first_visit"):
        words.append("first visit")
    return words


def other_attributes(attributes: dict) -> list[tuple[str, str]]:
    rows = []
    for key, value in sorted((attributes or {}).items()):
        if key in PROTOCOL_KEYS or value in (None, "", [], {}):
            continue
        if isinstance(value, (list, tuple)):
            value = ", ".join(str(v) for v in value)
        elif isinstance(value, dict):
            value = ", ".join(f"{k}: {v}" for k, v in value.items())
        rows.append((key.replace("_", " "), str(value)))
    return rows


def first_evidence(event: dict) -> str:
    for m in event.get("mentions") or []:
        for ev in m.get("evidence") or []:
            if ev.get("text"):
                return ev["text"]
    return ""


def template_globals() -> dict:
    return {
        "country_name": country_name,
        "side_label": side_label,
        "date_label": date_label,
        "reported_label": reported_label,
        "safe_url": safe_url,
        "party_names": party_names,
        "flag_words": flag_words,
        "other_attributes": other_attributes,
        "first_evidence": first_evidence,
        "snippet_html": snippet_html,
    }


def snippet_html(snippet: Optional[str]):
    """An FTS snippet, escaped, with the STX/ETX match markers the pages ask the store for turned into ``<mark>``.

    Only control characters are trusted as markers: an article may well contain ``<b>`` or ``[``.
    """
    from markupsafe import Markup, escape

    text = str(escape(snippet or ""))
    if "\x02" in text and text.count("\x02") == text.count("\x03"):
        text = text.replace("\x02", "<mark>").replace("\x03", "</mark>")
    return Markup(text)
