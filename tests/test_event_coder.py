"""The trained event coder: passages, pair views, training, determinism and use in extraction.

Every sentence here is written for these tests.
"""
from __future__ import annotations

import json

import pytest

from communique.events.pairs import sentence_mentions, view
from communique.train.corpus import parse_passage, resolve_spans, split_of
from communique.train.examples import pair_examples

PASSAGES = [
    {"id": "t-1", "style": "wire", "text": "Chilean President Gabriel Boric met Argentine President Javier Milei in "
     "Santiago on Monday.", "events": [{"type": "MEET", "status": "occurred", "source": "Gabriel Boric",
                                        "target": "Javier Milei", "date": "on Monday", "place": "in Santiago"}]},
    {"id": "t-2", "style": "wire", "text": "Kenya will send troops to Haiti next month, officials in Nairobi said.",
     "events": [{"type": "MOBILIZE", "status": "planned", "source": "Kenya", "target": "Haiti",
                 "date": "next month"}]},
    {"id": "t-3", "style": "op-ed", "text": "When it comes to Iran, the debate in Berlin has barely moved.",
     "events": []},
]


@pytest.fixture(scope="module")
def nlp():
    from communique.nlp import load_model

    return load_model(None)


def test_substring_sides_become_spans():
    p = parse_passage(PASSAGES[0])
    ev = p.events[0]
    assert (ev.source.start, ev.source.end) == (18, 31)
    assert p.text[ev.target.start:ev.target.end] == "Javier Milei"
    assert ev.date.text == "on Monday"


def test_nth_occurrence_and_missing_side():
    text = "Peru thanked Peru's neighbours."
    assert resolve_spans(text, "Peru", 2).start == 13
    with pytest.raises(ValueError):
        parse_passage({"id": "x", "text": text, "events": [{"type": "PRAISE", "source": "Chile", "target": "Peru"}]})
    with pytest.raises(ValueError):
        parse_passage({"id": "x", "text": text, "events": [{"type": "PRAISE", "status": "maybe",
                                                            "source": "Peru", "target": "Peru"}]})


def test_split_is_stable_and_roughly_a_sixth():
    ids = [f"p-{n}" for n in range(2000)]
    dev = [i for i in ids if split_of(i) == "dev"]
    assert dev == [i for i in ids if split_of(i) == "dev"]
    assert 0.1 < len(dev) / len(ids) < 0.2


def test_views_hide_names_and_keep_the_link(nlp):
    sdoc = nlp("Chilean President Gabriel Boric met Argentine President Javier Milei in Santiago on Monday.")
    ms = sentence_mentions(next(sdoc.sents), [])
    names = [sdoc[m.start:m.end].text for m in ms]
    assert "Gabriel Boric" in names and "Javier Milei" in names
    assert "Chilean" not in names       # a country word modifying a person is that person
    a = next(m for m in ms if sdoc[m.start:m.end].text == "Gabriel Boric")
    b = next(m for m in ms if sdoc[m.start:m.end].text == "Javier Milei")
    v = view(next(sdoc.sents), a, b, [m for m in ms if m not in (a, b)])
    assert "boric" not in v and "milei" not in v
    assert v.startswith("chilean president src meet")
    assert "via_meet" in v


def test_pair_examples_label_both_directions_of_a_meeting(nlp):
    from communique.train.corpus import read_passages

    passages = [parse_passage(p) for p in PASSAGES]
    everything = list(pair_examples(passages, nlp))
    examples = [ex for ex in everything if ex.level == "pair"]
    sentences = [ex for ex in everything if ex.level == "sentence"]
    assert [sorted(ex.types) for ex in sentences] == [["MEET"], ["MOBILIZE"], []]
    assert sentences[1].text.startswith("cou_party will send troop to cou_party")
    meet = [ex for ex in examples if "MEET" in ex.types]
    assert len(meet) == 2                        # symmetric: both orders
    mob = [ex for ex in examples if "MOBILIZE" in ex.types]
    assert len(mob) == 1 and mob[0].status == "planned"
    assert mob[0].text.startswith("src will send troop to tgt")
    assert not any(ex.types for ex in examples if ex.passage_id == "t-3")
    assert read_passages  # the reader is importable for users' own data


@pytest.mark.slow
def test_train_twice_gives_the_same_model(tmp_path):
    """`communique train` is deterministic with a seed (slow: two short trainings)."""
    from communique.train.run import train

    data = tmp_path / "p.jsonl"
    rows = []
    for n in range(40):
        rows.append({"id": f"m{n}", "text": f"Japan's foreign minister met his Brazilian counterpart in Tokyo "
                     f"on day {n}.", "events": [{"type": "MEET", "status": "occurred", "source": "Japan",
                                                  "target": "Brazilian"}]})
        rows.append({"id": f"n{n}", "text": f"Shares in Tokyo rose {n} points as Brazil's markets slept.",
                     "events": []})
    data.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    a = train([data], tmp_path / "a", max_epochs=2)
    b = train([data], tmp_path / "b", max_epochs=2)
    assert a.labels == b.labels == ["MEET"]
    assert (tmp_path / "a" / "coder.json").read_text() == (tmp_path / "b" / "coder.json").read_text()
    from communique.events.learned import EventCoder

    views = ["src meet tgt in tokyo || kind_cou_cou order_st via_meet"]
    assert EventCoder(tmp_path / "a").score(views) == EventCoder(tmp_path / "b").score(views)


def test_bundled_model_codes_a_plain_meeting_and_its_status():
    from communique.events.learned import load_coder

    coder = load_coder()
    assert coder is not None, "the event model ships in the package"
    scores = coder.score(["src will visit tgt next week || kind_per_cou order_st up_nsubj via_visit down_dobj"])
    types, status = scores[0]
    assert max(types, key=types.get) == "VISIT"
    assert max(status, key=status.get) == "planned"


def test_event_options_travel_through_the_environment():
    from communique.events.options import EventOptions

    opts = EventOptions(mode="rules", min_confidence=0.4)
    again = EventOptions.from_env(opts.to_env())
    assert again.mode == "rules" and again.min_confidence == 0.4
    with pytest.raises(ValueError):
        EventOptions(mode="guess")


def test_cli_refuses_a_bad_mode_and_a_missing_model(tmp_path):
    from typer.testing import CliRunner

    from communique.cli import app

    story = tmp_path / "s.txt"
    story.write_text("Ghana's president met Togo's president in Accra on Friday.", encoding="utf-8")
    runner = CliRunner()
    bad = runner.invoke(app, ["extract", str(story), "--event-mode", "guess", "-q"])
    assert bad.exit_code == 2 and "unknown event mode" in bad.output
    missing = runner.invoke(app, ["extract", str(story), "--event-model", str(tmp_path / "none"), "-q"])
    assert missing.exit_code == 2 and "no event model" in missing.output


def test_train_command_reports_a_folder_without_passages(tmp_path):
    from typer.testing import CliRunner

    from communique.cli import app

    (tmp_path / "empty.jsonl").write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["train", str(tmp_path), "-o", str(tmp_path / "m")])
    assert result.exit_code == 2 and "no labeled passages" in result.output


def test_reliability_table_becomes_a_monotone_calibration():
    from communique.events.learned import _monotone

    bins = [{"confidence": "0.1-0.2", "predictions": 10, "correct": 0.3},
            {"confidence": "0.2-0.3", "predictions": 10, "correct": 0.7},
            {"confidence": "0.3-0.4", "predictions": 10, "correct": 0.5},
            {"confidence": "0.4-0.5", "predictions": 0, "correct": None}]
    table = _monotone(bins)
    assert table == [(0.1, 0.2, 0.3), (0.2, 0.4, 0.6)]
    values = [v for _, _, v in table]
    assert values == sorted(values)


def test_plover_sides_modes_nest_and_keep_only_resolved_sources(extractor):
    """strict ⊆ source ⊆ loose, and outside loose every PLOVER rule event's source is a resolved actor."""
    from communique.events import extract_events
    from communique.events.options import EventOptions
    from communique.model import DIPLOMATIC_TYPES, Document
    from communique.pipeline import annotate, prepare

    text = ("Kenyan police arrested twelve protesters in Nairobi on Monday. The blast injured civilians near the "
            "border, and Ethiopia accused Eritrea of backing the rebels. Sudan's army shelled positions held by "
            "the Rapid Support Forces, and the European Union threatened new sanctions against Khartoum.")
    doc = prepare(Document(id="sides", text=text, published="2025-06-03"))
    sdoc = extractor.nlp(doc.text)
    annotate(doc, sdoc, EventOptions(mode="rules"))
    found = {}
    for mode in ("strict", "source", "loose"):
        events = extract_events(doc, sdoc, EventOptions(mode="rules", plover_sides=mode))
        found[mode] = [e for e in events if e.type not in DIPLOMATIC_TYPES]
    assert found["loose"], "the rules code PLOVER events in this text"
    assert len(found["strict"]) <= len(found["source"]) <= len(found["loose"])
    for mode in ("strict", "source"):
        assert all(e.source.actor_id or e.source.country for e in found[mode])
    assert all(e.target is None or e.target.actor_id or e.target.country for e in found["source"])
    with pytest.raises(ValueError):
        EventOptions(plover_sides="some")


def test_a_rule_floor_lets_the_sentence_coder_veto_plover_rule_events(extractor):
    from communique.events import extract_events
    from communique.events.options import EventOptions
    from communique.model import DIPLOMATIC_TYPES, Document
    from communique.pipeline import annotate, prepare

    text = ("Sudan's army shelled positions held by the Rapid Support Forces on Sunday, and the European Union "
            "threatened new sanctions against Khartoum. Ethiopia accused Eritrea of arming the rebels.")
    doc = prepare(Document(id="floor", text=text, published="2025-06-03"))
    sdoc = extractor.nlp(doc.text)
    annotate(doc, sdoc)

    def plover(**kw):
        return [e for e in extract_events(doc, sdoc, EventOptions(plover_sides="loose", **kw))
                if e.type not in DIPLOMATIC_TYPES and e.attributes.get("coded_by") != "model"]

    kept = plover()
    assert kept, "the rules code PLOVER events in this text"
    assert plover(rule_floor=1.01) == []                 # a floor nothing reaches removes them all
    checked = plover(rule_floor=0.0)
    assert len(checked) == len(kept)
    assert all(e.attributes["coded_by"] == "rules+model" for e in checked)
