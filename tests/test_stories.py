"""Cross-document rules: name keys, near-duplicate signatures, event coreference, confidence."""
from __future__ import annotations

import pytest

from communique.stories import dedup
from communique.stories.events import (
    combined_confidence, dates_compatible, event_family, events_compatible,
)
from communique.stories.names import actor_key_parts, name_key, translit


@pytest.mark.parametrize("a,b", [("Tokayev", "Tokaev"), ("Tokayev", "Toqayev"), ("Qasymov", "Kassymov"), ("Zelenskyy", "Zelenskiy"), ("Zelensky", "Zelenskyy"),
                                 ("Kassym", "Kasym"), ("Aleksandr", "Alexandr"), ("Khodorkovsky", "Hodorkovski")])
def test_transliteration_variants_collide(a, b):
    assert translit(name_key(a)) == translit(name_key(b))


def test_distinct_surnames_stay_distinct():
    assert name_key("Tokayev") != name_key("Tokarev")
    assert name_key("Putin") != name_key("Pushkin")


def test_person_key_drops_titles_and_keeps_initial():
    assert actor_key_parts("President Kassym-Jomart Tokayev") == ("tokaev", "k")
    assert actor_key_parts("Tokaev") == ("tokaev", None)
    assert actor_key_parts("") == ("", None)


SYNDICATED = ("The foreign ministers of two neighbouring states signed a water-sharing protocol on Monday after "
              "three rounds of talks held in the border town, officials said. The protocol sets seasonal quotas "
              "for the shared river and creates a joint monitoring commission that will publish data monthly.")


def test_rescraped_copy_is_similar_and_other_text_is_not():
    base = dedup.signature(dedup.normalise_text(SYNDICATED))
    chrome = dedup.signature(dedup.normalise_text("Home | World | Sport\n" + SYNDICATED + "\nShare this story. Subscribe."))
    other = dedup.signature(dedup.normalise_text("Quarterly profits at the carmaker rose sharply as demand for "
                                                 "electric models in Europe recovered, the company said on Monday."))
    assert dedup.jaccard(base, chrome) >= 0.7
    assert dedup.jaccard(base, other) < 0.2
    assert set(dedup.band_hashes(base)) & set(dedup.band_hashes(chrome))


def test_signature_roundtrips_through_bytes():
    sig = dedup.signature("a b c d e f g")
    assert (dedup.signature_from_bytes(dedup.signature_bytes(sig)) == sig).all()


def test_content_hash_ignores_case_and_spacing():
    assert dedup.content_hash("Hello,   World") == dedup.content_hash("hello world")


def _ev(type="MEET", date="2025-03-03", src=("Marat Dauletov", "KAZ", 1), tgt=("Ivan Sokolov", "RUS", 2),
        status="occurred", location=None):
    side = lambda s: {"name": s[0], "country": s[1], "actor": s[2]} if s else None  # noqa: E731
    return {"type": type, "status": status, "date_start": date, "date_end": date,
            "source": side(src), "target": side(tgt), "location": location}


def test_same_meeting_corefers_and_host_meet_are_one_family():
    assert events_compatible(_ev(), _ev())
    assert events_compatible(_ev("HOST"), _ev("MEET"))
    assert event_family("HOST") == event_family("MEET")
    assert events_compatible(_ev(), _ev(date="2025-03-04"))             # within a day
    assert events_compatible(_ev(), _ev(src=("Ivan Sokolov", "RUS", 2), tgt=("Marat Dauletov", "KAZ", 1)))  # symmetric


def test_different_events_do_not_corefer():
    assert not events_compatible(_ev(), _ev(type="VISIT"))
    assert not events_compatible(_ev(), _ev(date="2025-03-10"))
    assert not events_compatible(_ev(), _ev(status="planned"))
    assert not events_compatible(_ev(), _ev(tgt=("Other Person", "RUS", 3)))
    assert not events_compatible(_ev(), _ev(tgt=("Ivan Sokolov", "CHN", None)))
    assert not events_compatible(_ev(location={"name": "Astana", "country": "KAZ"}),
                                 _ev(location={"name": "Paris", "country": "FRA"}))


def test_missing_date_needs_a_close_match():
    assert events_compatible(_ev(date=None), _ev())
    loose = _ev(date=None, src=(None, "KAZ", None), tgt=(None, "RUS", None))
    assert not events_compatible(loose, _ev(src=("Someone", "KAZ", None), tgt=("Else", "RUS", None)))


def test_country_level_side_matches_person_of_that_country_on_a_date():
    assert events_compatible(_ev(src=("Kazakhstan", "KAZ", None)), _ev())


def test_dates_compatible_ranges():
    assert dates_compatible("2025-03-01", "2025-03-05", "2025-03-04", "2025-03-04")
    assert dates_compatible("2025-03-01", "2025-03-01", "2025-03-02", None)
    assert not dates_compatible("2025-03-01", "2025-03-01", "2025-03-05", None)


def test_confidence_grows_with_independent_sources():
    one, two, three = combined_confidence([0.6]), combined_confidence([0.6, 0.6]), combined_confidence([0.6] * 3)
    assert one == pytest.approx(0.6) and one < two < three < 1.0
    assert two == pytest.approx(0.84)


@pytest.mark.slow
def test_two_outlets_reporting_one_meeting_end_to_end(tmp_path, extractor):
    """Through the real pipeline: two differently worded reports → one canonical event, two sources."""
    from communique.model import Document
    from communique.store import Store

    texts = {
        "wire-a": ("Talks in Astana\n\nKazakh President Marat Dauletov met Russian Foreign Minister Ivan Sokolov "
                   "in Astana on Tuesday, the presidential press office said. They discussed transit and trade."),
        "wire-b": ("Sokolov in Astana\n\nRussian Foreign Minister Ivan Sokolov met President Marat Dauletov of "
                   "Kazakhstan in Astana on Tuesday to discuss rail transit, the ministry said in a statement."),
    }
    docs = [Document(id=k, raw_text=v, published="2025-03-05", outlet=k) for k, v in texts.items()]
    extracted = list(extractor.pipe(docs))
    found = [[e.type for e in d.events] for d in extracted]
    assert all(any(t in ("MEET", "HOST") for t in types) for types in found), found
    with Store(tmp_path / "c.db") as store:
        store.ingest(extracted)
        meetings = store.events(type="MEET") + store.events(type="HOST")
        assert len(meetings) == 1
        assert meetings[0]["n_documents"] == 2
