"""Query latency of ``Store.events`` filters over a generated store of ≥ 1 M canonical events.

    python bench/query_latency.py --events 1000000 --db /tmp/bench.db     # build (once) and measure
    python bench/query_latency.py --db /tmp/bench.db --reuse              # measure an existing store

The store is synthetic but shaped like news: Zipf-distributed countries and
actors (a few appear everywhere), diplomatic types dominating, mostly
"occurred", dates skewed to recent years, 1–3 mentions per event. Rows are
bulk-inserted straight into the store's tables (no extraction, no coreference).
"""
from __future__ import annotations

import argparse
import itertools
import json
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from communique.store import Store  # noqa: E402
from communique.stories.names import actor_key_parts, name_key  # noqa: E402

TYPES = {"MEET": 22, "VISIT": 15, "CALL": 10, "HOST": 8, "SIGN": 6, "PRAISE": 5, "INVITE": 3, "CONDOLE": 2,
         "CONSULT": 6, "ACCUSE": 5, "THREATEN": 3, "PROTEST": 3, "SANCTION": 2, "REQUEST": 3, "AGREE": 3,
         "COOPERATE": 2, "AID": 2, "REJECT": 2, "ASSAULT": 1, "COERCE": 1}
STATUSES = {"occurred": 75, "planned": 15, "negated": 5, "hypothetical": 5}
CAMEO = {"MEET": "040", "VISIT": "042", "HOST": "043", "CALL": "041", "SIGN": "057", "PRAISE": "051"}
SYL = ["ka", "ren", "to", "mir", "sa", "lo", "vin", "da", "ne", "ko", "ra", "bek", "ov", "an", "li", "mar", "te", "zu"]


def zipf_weights(n: int, s: float = 1.1) -> list[float]:
    return [1.0 / (i + 1) ** s for i in range(n)]


def make_name(rng: random.Random) -> str:
    first = "".join(rng.choice(SYL) for _ in range(2)).capitalize()
    last = "".join(rng.choice(SYL) for _ in range(3)).capitalize()
    return f"{first} {last}"


def build(path: str, n_events: int, n_actors: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    countries = [f"{a}{b}{c}" for a, b, c in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ" * 8,
                                                  "KLMNOPQRSTUVWXYZABCDEFGHIJ" * 8,
                                                  "ZYXWVUTSRQPONMLKJIHGFEDCBA" * 8)][:190]
    cweights = zipf_weights(len(countries))
    store = Store(path)
    db = store.db
    db.execute("PRAGMA synchronous = OFF")
    t0 = time.time()
    db.execute("BEGIN")
    actors = []
    names = set()
    for i in range(n_actors):
        name = make_name(rng)
        while name in names:
            name = make_name(rng)
        names.add(name)
        country = rng.choices(countries, cweights)[0]
        surname, initial = actor_key_parts(name)
        actors.append((i + 1, f"A{i + 1:09d}", f"person:{country}:{surname}:{initial}", name, "person", country,
                       "GOV", surname, initial, 0))
    db.executemany("INSERT INTO actors(rowid, id, key, name, kind, country, sector, surname, initial, mention_count)"
                   " VALUES (?,?,?,?,?,?,?,?,?,?)", actors)
    db.executemany("INSERT INTO actor_aliases(actor, alias, norm) VALUES (?,?,?)",
                   [(a[0], a[3], name_key(a[3])) for a in actors])
    db.executemany("INSERT INTO actors_fts(rowid, name, aliases, roles, country) VALUES (?,?,?,?,?)",
                   [(a[0], a[3], "", "President", a[5]) for a in actors])
    by_country: dict[str, list[int]] = {}
    for a in actors:
        by_country.setdefault(a[5], []).append(a[0])
    acum = list(itertools.accumulate(zipf_weights(n_actors, 0.9)))
    ccum = list(itertools.accumulate(cweights))
    actor_ids = range(1, n_actors + 1)
    n_docs = max(1, n_events // 3)
    start = date(2000, 1, 1)
    span_days = (date(2025, 12, 31) - start).days
    db.executemany(
        "INSERT INTO documents(rowid, id, content_hash, title, published, outlet, url, language, text, record, "
        "n_sources, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,1,'2025-01-01')",
        ((d, f"doc{d}", f"h{d}", f"Synthetic story {d}", None, f"outlet{d % 300}", f"https://outlet{d % 300}.example/{d}",
          "en", "synthetic", "{}") for d in range(1, n_docs + 1)))
    types, tw = list(TYPES), list(TYPES.values())
    statuses, sw = list(STATUSES), list(STATUSES.values())
    chunk = 50_000
    for lo in range(0, n_events, chunk):
        ev_rows, c_rows, a_rows, m_rows, d_rows = [], [], [], [], []
        for rowid in range(lo + 1, min(lo + chunk, n_events) + 1):
            typ = rng.choices(types, tw)[0]
            status = rng.choices(statuses, sw)[0]
            day = start + timedelta(days=int(span_days * rng.random() ** 0.6))
            d = day.isoformat()
            sa, ta = rng.choices(actor_ids, cum_weights=acum, k=2)
            if rng.random() < 0.3:                       # a country-only side
                ta = None
            s, t = actors[sa - 1], (actors[ta - 1] if ta else None)
            tc = t[5] if t else rng.choices(countries, cum_weights=ccum)[0]
            n_m = rng.choice((1, 1, 1, 2, 3))
            ev_rows.append((rowid, f"E{rowid:012x}", typ, "MEET" if typ in ("HOST", "MEET") else typ, status, d, d, d,
                            s[3], s[5], sa, t[3] if t else tc, tc, ta,
                            json.dumps({"name": f"City of {tc}", "country": tc}) if rng.random() < 0.6 else None,
                            "{}", CAMEO.get(typ), "{}", round(0.5 + 0.5 * rng.random(), 3), n_m, n_m))
            for c in {s[5], tc}:
                c_rows.append((c, d, rowid, typ, status))
            for a in {sa, ta} - {None}:
                a_rows.append((a, d, rowid, typ, status))
            if s[5] != tc:
                d_rows.append((min(s[5], tc), max(s[5], tc), d, rowid, typ, status))
            for k in range(n_m):
                m_rows.append((rowid, rng.randint(1, n_docs), f"e{k}", 0.6,
                               json.dumps([{"text": f"{s[3]} met {t[3] if t else tc}.", "start": 0, "end": 20}]), "met"))
        db.executemany("INSERT INTO events(rowid, id, type, family, status, date_start, date_end, sort_date, "
                       "source_name, source_country, source_actor, target_name, target_country, target_actor, "
                       "location, attributes, cameo, plover, confidence, n_sources, n_documents) "
                       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", ev_rows)
        db.executemany("INSERT OR IGNORE INTO event_countries(country, sort_date, event, type, status) "
                       "VALUES (?,?,?,?,?)", c_rows)
        db.executemany("INSERT OR IGNORE INTO event_actors(actor, sort_date, event, type, status) "
                       "VALUES (?,?,?,?,?)", a_rows)
        db.executemany("INSERT OR IGNORE INTO event_dyads(a, b, sort_date, event, type, status) "
                       "VALUES (?,?,?,?,?,?)", d_rows)
        db.executemany("INSERT OR IGNORE INTO mentions(event, doc, event_id, confidence, evidence, trigger) "
                       "VALUES (?,?,?,?,?,?)", m_rows)
        done = min(lo + chunk, n_events)
        print(f"  {done:,} events  {time.time() - t0:.0f}s", file=sys.stderr, flush=True)
    db.execute("UPDATE actors SET mention_count = (SELECT count(*) FROM event_actors WHERE actor = actors.rowid)")
    db.execute("COMMIT")
    db.execute("ANALYZE")
    store.close()
    print(f"built {n_events:,} events in {time.time() - t0:.0f}s", file=sys.stderr)


#: The total a page shows: exact up to this, then "10,000+" (``Store.count_events(cap=...)``).
CAP = 10_000


def measure(path: str, runs: int, limit: int, seed: int = 11) -> list[tuple[str, float, float]]:
    rng = random.Random(seed)
    store = Store(path, readonly=True)
    db = store.db
    top_countries = [r[0] for r in db.execute(
        "SELECT country, count(*) n FROM event_countries GROUP BY country ORDER BY n DESC LIMIT 40")]
    actor_names = [r[0] for r in db.execute("SELECT name FROM actors ORDER BY mention_count DESC LIMIT 500")]
    types = list(TYPES)

    def window(days):
        d0 = date(2000, 1, 1) + timedelta(days=rng.randint(0, 9000))
        return d0.isoformat(), (d0 + timedelta(days=days)).isoformat()

    cases = {
        "latest (no filter)": lambda: {},
        "actor": lambda: {"actor": rng.choice(actor_names)},
        "country": lambda: {"country": [rng.choice(top_countries)]},
        "country x2 (any of)": lambda: {"country": rng.sample(top_countries, 2)},
        "type": lambda: {"type": rng.choice(types)},
        "status": lambda: {"status": rng.choice(list(STATUSES))},
        "date range (30 days)": lambda: dict(zip(("since", "until"), window(30))),
        "combined country+type+status+year": lambda: {"country": [rng.choice(top_countries)],
                                                      "type": rng.choice(types[:6]), "status": "occurred",
                                                      **dict(zip(("since", "until"), window(365)))},
        "combined actor+type+since": lambda: {"actor": rng.choice(actor_names), "type": rng.choice(types[:6]),
                                              "since": window(0)[0]},
        "web country+type+dates": lambda: {"country": [rng.choice(top_countries)], "type": rng.choice(types),
                                           **dict(zip(("since", "until"), window(rng.choice((30, 365, 3650)))))},
        "web country+status": lambda: {"country": [rng.choice(top_countries)], "status": rng.choice(list(STATUSES))},
        "web two countries+type": lambda: {"country": rng.sample(top_countries, 2), "type": rng.choice(types[:6])},
        "web type+status+dates": lambda: {"type": rng.choice(types), "status": rng.choice(list(STATUSES)),
                                          **dict(zip(("since", "until"), window(365)))},
        "web actor+status": lambda: {"actor": rng.choice(actor_names), "status": rng.choice(list(STATUSES))},
    }
    results = []
    for label, make in cases.items():
        for fn_label, fn in (("events", lambda f: store.events(limit=limit, **f)),
                             ("count", lambda f: store.count_events(**f)),
                             ("count≤", lambda f: store.count_events(cap=CAP, **f))):
            times = []
            for _ in range(runs):
                f = make()
                t = time.perf_counter()
                fn(f)
                times.append((time.perf_counter() - t) * 1000)
            times.sort()
            p50 = statistics.median(times)
            p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
            results.append((f"{fn_label:6s} {label}", p50, p95))
    for label, fn in (("timeline (top dyad, ≤1000)", lambda: store.timeline(top_countries[0], top_countries[1])),
                      ("actors(query)", lambda: store.actors(rng.choice(actor_names).split()[-1][:4]))):
        times = []
        for _ in range(max(5, runs // 4)):
            t = time.perf_counter()
            fn()
            times.append((time.perf_counter() - t) * 1000)
        times.sort()
        results.append((label, statistics.median(times), times[int(round(0.95 * (len(times) - 1)))]))
    n = store.count_events()
    store.close()
    print(f"\n{n:,} events in {path}; events(limit={limit}) includes mentions; {runs} runs per filter; "
          f"count = exact total, count≤ = total capped at {CAP:,} (\"{CAP:,}+\")\n")
    print(f"{'query':48s} {'p50 ms':>9s} {'p95 ms':>9s}")
    for label, p50, p95 in results:
        print(f"{label:48s} {p50:9.2f} {p95:9.2f}")
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default="/tmp/communique-bench.db")
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--actors", type=int, default=20_000)
    ap.add_argument("--runs", type=int, default=100)
    ap.add_argument("--limit", type=int, default=50)
    ap.add_argument("--reuse", action="store_true", help="measure an existing store instead of building one")
    args = ap.parse_args()
    if not args.reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(args.db + suffix).unlink(missing_ok=True)
        build(args.db, args.events, args.actors)
    measure(args.db, args.runs, args.limit)


if __name__ == "__main__":
    main()
