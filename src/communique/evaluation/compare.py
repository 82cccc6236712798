"""Side by side: a trivial baseline, rules only, model only and both, on the same parses.

Each document is read, cleaned, parsed and given actors and quotes once; then every variant codes
its events from that same state, so the figures differ only by the event coder. The baseline is
what any keyword coder does: a trigger word of the diplomatic lexicon and two actors of different
countries in one sentence make an event between the first two, reported as occurring that day.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from communique.model import DateRange, Document, Event, Side, Span

VARIANTS = ("baseline", "rules", "model", "combined")


@dataclass
class Comparison:
    gold: dict = field(default_factory=dict)        # variant → GoldReport.summary()
    plover: dict = field(default_factory=dict)      # variant → type accuracy
    families: Counter = field(default_factory=Counter)   # (coded_by, type) → events in the combined run
    family_hits: Counter = field(default_factory=Counter)  # (coded_by, type) → of them matching gold


def baseline_events(doc: Document, sdoc) -> list[Event]:
    from communique.events.context import DocContext
    from communique.events.lexicon import trigger_index

    verbs, nouns = trigger_index()
    ctx = DocContext(doc, sdoc)
    out = []
    for sent in sdoc.sents:
        actors = []
        for tok in sent:
            a = ctx.tok_actor.get(tok.i)
            if a is not None and a.country and all(a.country != b.country for b in actors):
                actors.append(a)
        if len(actors) < 2:
            continue
        for tok in sent:
            lemma = tok.lemma_.lower()
            types = verbs.get(lemma) if tok.pos_ == "VERB" else nouns.get(lemma) if tok.pos_ == "NOUN" else None
            if types:
                a, b = actors[:2]
                day = DateRange(doc.published, doc.published) if doc.published else None
                out.append(Event(id="", type=types[0], source=Side(a.name, a.country, a.id),
                                 target=Side(b.name, b.country, b.id), date=day,
                                 evidence=[Span(sent.start_char, sent.end_char, sent.text)], trigger=tok.text,
                                 attributes={"coded_by": "baseline"}))
                break
    return out


def run_variants(inputs: Iterable[str], published: Optional[str] = None, model: Optional[str] = None,
                 event_model: Optional[str] = None) -> dict[str, list[dict]]:
    """Records per variant for ``inputs``."""
    from communique.actors import resolve_actors
    from communique.events import extract_events
    from communique.events.options import EventOptions
    from communique.ingest import read_paths
    from communique.pipeline import EXTRACT_LANGUAGES, Extractor, prepare
    from communique.quotes import extract_quotes

    extractor = Extractor(model=model)
    options = {v: EventOptions(mode=v, event_model=event_model) for v in ("rules", "model", "combined")}
    out: dict[str, list[dict]] = {v: [] for v in VARIANTS}
    for doc in read_paths(inputs, published=published):
        prepare(doc)
        if doc.error or doc.language not in EXTRACT_LANGUAGES:
            for v in VARIANTS:
                out[v].append(doc.to_dict())
            continue
        sdoc = extractor.nlp(extractor._nlp_text(doc))
        resolve_actors(doc, sdoc)
        doc.quotes = extract_quotes(doc, sdoc)
        for v in VARIANTS:
            doc.events = baseline_events(doc, sdoc) if v == "baseline" else extract_events(doc, sdoc, options[v])
            out[v].append(doc.to_dict())
    return out


def compare(inputs: list[str], gold_dir: Optional[Path] = None, plover_records: Optional[Path] = None,
            published: Optional[str] = None, model: Optional[str] = None,
            event_model: Optional[str] = None) -> Comparison:
    import json

    from communique.evaluation.gold import event_matches, load_gold, score_gold
    from communique.evaluation.matching import key

    result = Comparison()
    if gold_dir is not None:
        runs = run_variants(inputs, published, model, event_model)
        golds = load_gold(gold_dir)
        for v, records in runs.items():
            result.gold[v] = score_gold(golds, records).summary()
        by_id = {str(r.get("id")): r for r in runs["combined"]}
        for doc_id, gold in golds.items():
            system = by_id.get(doc_id) or {}
            actors = {key(a["name"]): a for a in gold.get("actors") or []}
            for ev in system.get("events") or []:
                family = ((ev.get("attributes") or {}).get("coded_by", "rules"), ev.get("type"))
                result.families[family] += 1
                result.family_hits[family] += any(event_matches(g, ev, actors, strict=False)
                                               for g in gold.get("events") or [])
    if plover_records is not None:
        from communique.evaluation.plover import score_plover

        records = [json.loads(line) for line in open(plover_records, encoding="utf-8") if line.strip()]
        tmp = Path(plover_records)
        runs = run_variants([str(tmp)], published, model, event_model)
        for v, outputs in runs.items():
            result.plover[v] = score_plover(records, outputs).summary()["type_accuracy"]
    return result
