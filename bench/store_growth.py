"""Ingest cost and query latency as the store grows to 1k, 10k and 100k documents.

    python bench/store_growth.py                                  # extracts the VOA stories once, then grows
    python bench/store_growth.py --records extracted.jsonl --sizes 1000,10000,100000

A large corpus is simulated from a few real extractions: each stored document
is a real extracted record with a fresh id, a fresh text (every third word
marked with the copy number, so no two copies are near-duplicates) and fresh
dates (all dates of the record shifted together). Copies are spread at a fixed
density of ``--per-day`` documents a day, as a growing news archive covers more
days, not more news per day. At each size a probe of ``--probe`` new documents
is timed through ``Store.ingest`` (the real writer: dedup, actors, coreference),
and the store's read queries are timed ``--runs`` times.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from communique.model import Document  # noqa: E402
from communique.store import Store  # noqa: E402

START = date(2000, 1, 1)


def load_records(path: str | None) -> list[dict]:
    if path is None:
        corpus = ROOT.parent / "shared" / "corpora" / "voa-unlabeled"
        out = Path(tempfile.gettempdir()) / "communique-growth-records.jsonl"
        if not out.exists():
            print(f"extracting {corpus} once → {out}", file=sys.stderr)
            subprocess.run(["communique", "extract", str(corpus), "-o", str(out)], check=True)
        path = str(out)
    recs = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if not rec.get("error") and rec.get("text"):
                rec.pop("schema", None)
                recs.append(rec)
    if not recs:
        raise SystemExit(f"no extracted records in {path}")
    return recs


def _shift_day(value, days: int):
    if not isinstance(value, str) or len(value) < 10:
        return value
    try:
        return (date.fromisoformat(value[:10]) + timedelta(days=days)).isoformat() + value[10:]
    except ValueError:
        return value


def _shift_dates(obj, days: int):
    """Every ISO date in the record moved by ``days`` (published, event dates, roles)."""
    if isinstance(obj, dict):
        return {k: (_shift_day(v, days) if k in ("published", "start", "end") else _shift_dates(v, days))
                for k, v in obj.items()}
    if isinstance(obj, list):
        return [_shift_dates(v, days) for v in obj]
    return obj


def fresh_copy(rec: dict, n: int, per_day: int) -> Document:
    """Copy ``n`` of a real record: own id, own text, dated ``n / per_day`` days after the first copy."""
    day = START + timedelta(days=n // per_day)
    base = date.fromisoformat((rec.get("published") or "2020-01-01")[:10])
    copy = _shift_dates(json.loads(json.dumps(rec)), (day - base).days)
    copy["published"] = day.isoformat()
    words = rec["text"].split(" ")
    copy["text"] = " ".join(w + f"-c{n}" if i % 3 == 0 else w for i, w in enumerate(words))
    copy["id"] = f"{rec['id']}-copy{n}"
    copy["url"] = f"https://archive.example/{n}"
    return Document.from_dict(copy)


def timed_queries(store: Store, runs: int, rng: random.Random) -> dict[str, tuple[float, float]]:
    countries = [r[0] for r in store.db.execute(
        "SELECT country, count(*) n FROM event_countries GROUP BY country ORDER BY n DESC LIMIT 10")]
    actors = [r[0] for r in store.db.execute("SELECT name FROM actors WHERE kind='person' "
                                             "ORDER BY mention_count DESC LIMIT 20")]
    cases = {
        "latest": lambda: store.events(limit=50),
        "country": lambda: store.events(country=[rng.choice(countries)], limit=50),
        "country+type count": lambda: store.count_events(country=[rng.choice(countries)], type="MEET",
                                                          since="2001-01-01"),
        "actor": lambda: store.events(actor=rng.choice(actors), limit=50),
        "search": lambda: store.search(rng.choice(["president visit", "talks", "sanctions", "minister said"])),
    }
    out = {}
    for label, fn in cases.items():
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            fn()
            times.append((time.perf_counter() - t) * 1000)
        times.sort()
        out[label] = (statistics.median(times), times[int(round(0.95 * (len(times) - 1)))])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", help="JSON Lines from `communique extract` (default: the VOA stories, extracted once)")
    ap.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "communique-growth.db"))
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--probe", type=int, default=300, help="documents timed at each size")
    ap.add_argument("--per-day", type=int, default=20, help="simulated documents per day")
    ap.add_argument("--runs", type=int, default=50)
    ap.add_argument("--batch", type=int, default=500)
    args = ap.parse_args()
    records = load_records(args.records)
    for suffix in ("", "-wal", "-shm"):
        Path(args.db + suffix).unlink(missing_ok=True)
    store = Store(args.db)
    store.db.execute("PRAGMA synchronous = OFF")          # the fill is a simulation; the probe is what is timed
    rng = random.Random(5)
    n = 0
    rows = []

    def copies(k: int):
        nonlocal n
        for _ in range(k):
            yield fresh_copy(records[n % len(records)], n, args.per_day)
            n += 1

    print(f"{len(records)} real records; {args.per_day} documents a day; probe {args.probe} documents per size",
          file=sys.stderr)
    for size in [int(x) for x in args.sizes.split(",")]:
        fill = size - args.probe - n
        if fill > 0:
            t = time.perf_counter()
            store.ingest(copies(fill), batch_size=args.batch)
            print(f"  filled to {n:,} documents in {time.perf_counter() - t:.0f}s", file=sys.stderr, flush=True)
        t = time.perf_counter()
        stats = store.ingest(copies(args.probe), batch_size=100)
        ms_per_doc = (time.perf_counter() - t) * 1000 / args.probe
        q = timed_queries(store, args.runs, rng)
        rows.append((size, store.count_documents(), store.count_events(), ms_per_doc, stats, q))
        print(f"size {size:>7,}: {store.count_documents():,} documents, {store.count_events():,} events, "
              f"ingest {ms_per_doc:.2f} ms/document ({stats['added']} added, {stats['duplicates']} duplicates); "
              + "; ".join(f"{k} p50 {v[0]:.2f} / p95 {v[1]:.2f} ms" for k, v in q.items()), flush=True)
    store.close()
    if len(rows) > 1:
        print(f"ingest cost at {rows[-1][0]:,} / at {rows[0][0]:,}: {rows[-1][3] / rows[0][3]:.2f}×", flush=True)


if __name__ == "__main__":
    main()
