"""Event exports: flat rows (JSONL/CSV/Parquet), PLOVER-style JSON lines and GDELT-1.0-style TSV."""
from __future__ import annotations

import csv
import json
from typing import Iterable, Iterator

from communique.export.codes import cameo_code, goldstein, plover_type, quad_class

FLAT_COLUMNS = [
    "id", "type", "status", "date_start", "date_end",
    "source_name", "source_country", "source_actor_id", "target_name", "target_country", "target_actor_id",
    "location_name", "location_country", "lat", "lon", "cameo", "goldstein", "plover_type", "plover_mode",
    "plover_context", "confidence", "n_sources", "n_documents", "n_mentions", "evidence", "urls", "attributes",
]


def _first_evidence(ev: dict) -> str:
    for m in ev.get("mentions", []):
        for span in m.get("evidence", []):
            if span.get("text"):
                return span["text"]
    return ""


def _urls(ev: dict) -> list[str]:
    return [m["url"] for m in ev.get("mentions", []) if m.get("url")]


def flat_row(ev: dict) -> dict:
    """One event as a flat record (CSV and Parquet columns)."""
    src, tgt, loc, plo = ev.get("source") or {}, ev.get("target") or {}, ev.get("location") or {}, ev.get("plover") or {}
    code = cameo_code(ev)
    context = plo.get("context")
    return {
        "id": ev["id"], "type": ev["type"], "status": ev["status"],
        "date_start": ev.get("date_start"), "date_end": ev.get("date_end"),
        "source_name": src.get("name"), "source_country": src.get("country"), "source_actor_id": src.get("actor_id"),
        "target_name": tgt.get("name"), "target_country": tgt.get("country"), "target_actor_id": tgt.get("actor_id"),
        "location_name": loc.get("name"), "location_country": loc.get("country"),
        "lat": loc.get("lat"), "lon": loc.get("lon"),
        "cameo": code, "goldstein": goldstein(code), "plover_type": plover_type(ev), "plover_mode": plo.get("mode"),
        "plover_context": ";".join(context) if isinstance(context, list) else context,
        "confidence": ev.get("confidence"), "n_sources": ev.get("n_sources"),
        "n_documents": ev.get("n_documents"), "n_mentions": len(ev.get("mentions", [])),
        "evidence": _first_evidence(ev), "urls": " ".join(_urls(ev)),
        "attributes": json.dumps(ev.get("attributes") or {}, ensure_ascii=False),
    }


def write_jsonl(events: Iterable[dict], fh) -> int:
    n = 0
    for ev in events:
        fh.write(json.dumps(ev, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(events: Iterable[dict], fh) -> int:
    w = csv.DictWriter(fh, fieldnames=FLAT_COLUMNS)
    w.writeheader()
    n = 0
    for ev in events:
        w.writerow(flat_row(ev))
        n += 1
    return n


def write_parquet(events: Iterable[dict], path: str, chunk: int = 10_000) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    floats = {"lat", "lon", "goldstein", "confidence"}
    ints = {"n_sources", "n_documents", "n_mentions"}
    schema = pa.schema([(c, pa.float64() if c in floats else pa.int64() if c in ints else pa.string())
                        for c in FLAT_COLUMNS])
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        rows: list[dict] = []
        for ev in events:
            rows.append(flat_row(ev))
            if len(rows) >= chunk:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                n += len(rows)
                rows = []
        writer.write_table(pa.Table.from_pylist(rows, schema=schema))   # also gives an empty file a schema
        n += len(rows)
    return n


def plover_record(ev: dict) -> dict:
    """PLOVER-style record: actor, recipient, event type, mode, context, date, location, text."""
    src, tgt, plo = ev.get("source") or {}, ev.get("target") or {}, ev.get("plover") or {}
    return {
        "id": ev["id"], "event_date": ev.get("date_start"), "event_date_end": ev.get("date_end"),
        "event_type": plover_type(ev), "mode": plo.get("mode"), "context": plo.get("context"),
        "actor": src.get("name"), "actor_country": src.get("country"),
        "recipient": tgt.get("name"), "recipient_country": tgt.get("country"),
        "location": ev.get("location"), "text": _first_evidence(ev),
        "diplomatic_type": ev["type"], "status": ev["status"], "cameo": cameo_code(ev),
        "confidence": ev.get("confidence"), "n_sources": ev.get("n_sources"), "sources": _urls(ev),
    }


def write_plover(events: Iterable[dict], fh) -> int:
    return write_jsonl((plover_record(ev) for ev in events), fh)


GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor2Code", "Actor2Name", "Actor2CountryCode",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
    "DATEADDED", "SOURCEURL", "CommuniqueEventID", "CommuniqueType", "CommuniqueStatus",
]


def gdelt_row(ev: dict) -> list:
    """A GDELT-1.0-style row. Country codes are ISO 3166 alpha-3 (GDELT uses FIPS for geo)."""
    src, tgt, loc = ev.get("source") or {}, ev.get("target") or {}, ev.get("location") or {}
    code = cameo_code(ev) or ""
    day = (ev.get("date_start") or "")[:10]
    sqldate = day.replace("-", "")
    year = sqldate[:4]
    frac = ""
    if len(sqldate) == 8:
        frac = f"{int(year) + (int(sqldate[4:6]) - 1) / 12 + (int(sqldate[6:8]) - 1) / 365:.4f}"
    first_pub = min((m.get("published") or "" for m in ev.get("mentions", [])), default="").replace("-", "")
    gs = goldstein(code)
    return [
        int(ev["id"][1:], 16) if ev["id"][1:].isalnum() else ev["id"], sqldate, sqldate[:6], year, frac,
        src.get("country") or "", src.get("name") or "", src.get("country") or "",
        tgt.get("country") or "", tgt.get("name") or "", tgt.get("country") or "",
        1, code, code[:3], code[:2], quad_class(code) or "", "" if gs is None else gs,
        len(ev.get("mentions", [])), ev.get("n_sources") or 0, ev.get("n_documents") or 0, "",
        (4 if loc.get("lat") is not None else 1) if loc else 0, loc.get("name") or "", loc.get("country") or "",
        "" if loc.get("lat") is None else loc["lat"], "" if loc.get("lon") is None else loc["lon"],
        first_pub, (_urls(ev) or [""])[0], ev["id"], ev["type"], ev["status"],
    ]


def write_gdelt(events: Iterable[dict], fh) -> int:
    w = csv.writer(fh, delimiter="\t", lineterminator="\n")
    w.writerow(GDELT_COLUMNS)
    n = 0
    for ev in events:
        w.writerow([str(v).replace("\t", " ").replace("\n", " ") for v in gdelt_row(ev)])
        n += 1
    return n


def iter_flat(events: Iterable[dict]) -> Iterator[dict]:
    return (flat_row(ev) for ev in events)
