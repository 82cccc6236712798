"""Scorers and the ``communique eval`` command on invented gold and output records."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from communique.cli import app
from communique.evaluation.body import score_bodies, token_prf
from communique.evaluation.gold import cleaning_checks, event_matches, score_gold
from communique.evaluation.matching import date_fits, name_matches
from communique.evaluation.plover import score_plover

GOLD = {
    "title": "Envoys meet in Vienna",
    "body_starts_with": "The envoys of Austria",
    "body_ends_with": "next month.",
    "must_not_contain": ["SHARE"],
    "exactly_once": ["met in Vienna"],
    "actors": [
        {"name": "Anna Berger", "kind": "person", "country": "AUT", "aliases": ["Berger"]},
        {"name": "Jomo Otieno", "kind": "person", "country": "KEN"},
        {"name": "Foreign Ministry", "kind": "organization", "country": "AUT"},
    ],
    "events": [
        {"id": "E1", "type": "MEET", "source": {"actor": "Anna Berger", "country": "AUT"},
         "target": {"actor": "Jomo Otieno", "country": "KEN"}, "date": "2024-06-03", "status": "occurred"},
        {"id": "E2", "type": "VISIT", "source": {"actor": "Jomo Otieno", "country": "KEN"},
         "target": {"country": "AUT", "actor": "Anna Berger"}, "date": {"earliest": "2024-06-01", "latest": "2024-06-05"}},
        {"id": "E3", "type": "INVITE", "required": False, "source": {"country": "AUT"}, "target": {"country": "KEN"},
         "date": None, "status": "planned"},
    ],
    "quotes": [
        {"speaker": "Anna Berger", "starts_with": "We share a long history", "direct": True},
        {"speaker": None, "starts_with": "Welcome to Vienna", "required": True},
        {"speaker": "Foreign Ministry", "starts_with": "The ministry said", "required": False},
    ],
}

GOOD = {
    "id": "doc1", "title": "Envoys meet in Vienna",
    "text": "The envoys of Austria and Kenya met in Vienna on Monday. They will meet again next month.",
    "actors": [{"name": "Anna Berger", "country": "AUT"}, {"name": "Otieno", "country": "KEN"}],
    "events": [
        {"type": "HOST", "source": {"name": "Otieno", "country": "KEN"}, "target": {"name": "Berger", "country": "AUT"},
         "date": {"start": "2024-06-03", "end": "2024-06-03"}, "status": "occurred"},
        {"type": "VISIT", "source": {"name": "Jomo Otieno", "country": "KEN"}, "target": {"country": "AUT"},
         "date": {"start": "2024-06-02", "end": "2024-06-04"}},
        {"type": "INVITE", "source": {"country": "AUT"}, "target": {"country": "KEN"}, "status": "planned"},
        {"type": "ACCUSE", "source": {"country": "KEN"}, "target": {"country": "SOM"}},
    ],
    "quotes": [{"text": "We share a long history, she said", "speaker": {"name": "Berger"}},
               {"text": "Welcome to Vienna", "speaker": None}],
}


def test_names_match_on_alias_and_surname_only():
    gold = {"name": "Anna Berger", "aliases": ["A. Berger"]}
    assert name_matches("Berger", gold) and name_matches("Chancellor Anna Berger", gold)
    assert name_matches("a. berger", gold) and not name_matches("Bergerson", gold) and not name_matches("", gold)


@pytest.mark.parametrize("gold, system, ok", [
    (None, None, True), ("2024-06-03", {"start": "2024-06-03", "end": "2024-06-03"}, True),
    ("2024-06-03", "2024-06-03", True), ("2024-06-03", {"start": "2024-06-02", "end": "2024-06-04"}, False),
    ("2024-06-03", None, False), ({"earliest": "2024-06-01", "latest": "2024-06-05"}, {"start": "2024-06-04"}, True),
    ({"earliest": "2024-06-01", "latest": "2024-06-05"}, {"start": "2024-06-04", "end": "2024-06-09"}, False),
])
def test_dates_fit_inside_gold(gold, system, ok):
    assert date_fits(gold, system) is ok


def test_meetings_match_either_way_round_only_when_lenient():
    actors = {"anna berger": GOLD["actors"][0], "jomo otieno": GOLD["actors"][1]}
    host = GOOD["events"][0]
    assert event_matches(GOLD["events"][0], host, actors, strict=False)
    assert not event_matches(GOLD["events"][0], host, actors, strict=True)


def test_a_perfect_document_scores_full_marks_and_extra_plover_events_are_ignored():
    report = score_gold({"doc1": GOLD}, [GOOD])
    s = report.summary()
    assert (s["event_p"], s["event_r"], s["actor"], s["quote"], s["clean"]) == (1.0, 1.0, 1.0, 1.0, 1.0)
    assert report.details == []


def test_misses_false_alarms_and_missing_documents_are_reported():
    bad = dict(GOOD, text="SHARE The envoys of Austria met in Vienna, met in Vienna.", title="Other",
               events=[GOOD["events"][1], {"type": "CALL", "source": {"country": "FRA"}, "target": {"country": "KEN"}}],
               quotes=[{"text": "Welcome to Vienna", "speaker": {"name": "Berger"}}],
               actors=[{"name": "Anna Berger", "country": "DEU"}])
    report = score_gold({"doc1": GOLD, "doc2": GOLD}, [bad])
    assert (report.events.hits, report.events.wanted, report.events.false_alarms) == (1, 4, 1)
    assert report.actors.hits == 0 and report.quotes.hits == 0
    assert any("doc2: no output" in d for d in report.details)
    tally, failed = cleaning_checks(GOLD, bad)
    assert set(failed) >= {"body end", "title", "contains 'SHARE'", "not once 'met in Vienna'"}


def test_body_token_scores():
    assert token_prf("a b c d", "a b c d") == (1.0, 1.0, 1.0)
    p, r, f = token_prf("a b c d", "a b x")
    assert (round(p, 3), r) == (0.667, 0.5)
    report = score_bodies({"p1": "a b", "p2": "c d"}, {"p1": "a b"})
    assert report.f1 == 0.5 and report.worst[0] == ("p2", 0.0)


def test_plover_answer_is_the_most_confident_event():
    records = [{"id": "r1", "gold": {"type": "ACCUSE"}}, {"id": "r2", "gold": {"type": "AGREE"}},
               {"id": "r3", "gold": {"type": "AID"}}]
    outputs = [{"id": "r1", "events": [{"type": "MEET", "confidence": 0.4}, {"type": "ACCUSE", "confidence": 0.9}]},
               {"id": "r2", "events": [{"type": "MEET", "status": "planned", "plover": {"type": "AGREE"}}]},
               {"id": "r3", "events": []}]
    s = score_plover(records, outputs).summary()
    assert (round(s["type_accuracy"], 3), round(s["silent"], 3)) == (0.667, 0.333)


# --- the command ------------------------------------------------------------
@pytest.fixture()
def gold_files(tmp_path):
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "doc1.json").write_text(json.dumps(GOLD))
    (tmp_path / "out.jsonl").write_text(json.dumps(GOOD) + "\n")
    return tmp_path


def test_eval_gold_scores_a_system_file(gold_files):
    res = CliRunner().invoke(app, ["eval", "gold", str(gold_files / "gold"), "--system", str(gold_files / "out.jsonl"),
                                   "--min-event-f1", "0.9"])
    assert res.exit_code == 0, res.output
    assert "1 docs: event F1 1.00, actors 1.00, quotes 1.00, cleaning 1.00" in res.output


def test_eval_gold_json_and_bars(gold_files):
    (gold_files / "empty.jsonl").write_text("")
    res = CliRunner().invoke(app, ["eval", "gold", str(gold_files / "gold"), "--system", str(gold_files / "empty.jsonl"),
                                   "--json", "--min-clean", "0.5"])
    assert res.exit_code == 1
    data = json.loads(res.stdout)
    assert data["clean"] == 0.2 and data["below_bar"] == ["clean"]   # only "must not contain" holds for no text


@pytest.mark.parametrize("args", [["gold", "{tmp}/nowhere", "--system", "{tmp}/out.jsonl"],
                                  ["gold", "{tmp}/gold", "--system", "{tmp}/missing.jsonl"],
                                  ["gold", "{tmp}/gold", "--system", "{tmp}/broken.jsonl"],
                                  ["gold", "{tmp}/gold"],
                                  ["body", "{tmp}/missing.json", "--system", "{tmp}/out.jsonl"]])
def test_eval_unusable_inputs_exit_2_with_a_message(gold_files, args):
    (gold_files / "broken.jsonl").write_text("{oops\n")
    res = CliRunner().invoke(app, ["eval"] + [a.format(tmp=gold_files) for a in args])
    assert res.exit_code == 2 and "error:" in res.output and "Traceback" not in res.output


def test_eval_body_runs_reading_and_cleaning(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "p1.txt").write_text("Headline here\n\nSHARE\n\nThe minister met the envoy on Friday in Rome.")
    (tmp_path / "truth.json").write_text(json.dumps({"p1": {"articleBody": "The minister met the envoy on Friday in Rome."}}))
    res = CliRunner().invoke(app, ["eval", "body", str(tmp_path / "truth.json"), str(tmp_path / "pages"), "-q",
                                   "--min-f1", "0.99"])
    assert res.exit_code == 0, res.output
    assert "1 pages: body precision 1.000 recall 1.000 F1 1.000" in res.output
