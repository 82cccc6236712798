"""Pure helpers of the web explorer: highlighting runs, map projection, filter parsing, the serve command."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from communique.web import highlight, worldmap
from communique.web.filters import FilterError, build_filters
from communique.web.present import snippet_html


def _flatten(blocks):
    return "".join(r.text for b in blocks for r in b.runs)


def test_blocks_keep_every_character_and_nest_mentions_inside_evidence():
    text = "Alpha met Beta in Gamma. Then Beta left."
    actors = [{"id": "a", "name": "Alpha", "mentions": [{"start": 0, "end": 5}]},
              {"id": "b", "name": "Beta", "mentions": [{"start": 10, "end": 14}, {"start": 30, "end": 34}]}]
    blocks, legend = highlight.annotate_article(text, actors, [(0, 24)])
    assert _flatten(blocks) == text
    assert [b.evidence for b in blocks] == [True, False]
    assert [(r.text, r.actor) for r in blocks[0].runs if r.actor is not None] == [("Alpha", 0), ("Beta", 1)]
    assert [e.css for e in legend] == ["actor-0", "actor-1"]


def test_overlapping_and_out_of_range_spans_are_tamed():
    text = "abcdefghij"
    assert highlight.merge([(2, 5), (4, 8), (-3, 1), (9, 40), (7, 7)], len(text)) == [(0, 1), (2, 8), (9, 10)]
    actors = [{"id": "x", "mentions": [{"start": 1, "end": 6}, {"start": 3, "end": 4}, {"start": 8, "end": 99}]}]
    blocks, _ = highlight.annotate_article(text, actors, [(4, 9)])
    assert _flatten(blocks) == text
    runs = [(r.text, b.evidence) for b in blocks for r in b.runs if r.actor is not None]
    assert runs == [("bcd", False), ("ef", True), ("i", True), ("j", False)]   # cut at evidence edges


def test_projection_corners_and_places_grouping():
    assert worldmap.project(-180, 90) == (0, 0)
    assert worldmap.project(180, -90) == (worldmap.WIDTH, worldmap.HEIGHT)
    events = [{"type": "VISIT", "location": {"name": "Vienna", "lat": 48.21, "lon": 16.37}},
              {"type": "MEET", "location": {"name": "Vienna", "lat": 48.2101, "lon": 16.3702}},
              {"type": "CALL", "location": None}, {"type": "X", "location": {"name": "bad", "lat": 200, "lon": 0}}]
    places = worldmap.places(events)
    assert [(p.name, len(p.events)) for p in places] == [("Vienna", 2)]
    x, y, w, h = worldmap.fit_view(places)
    assert w == 2 * h and x <= places[0].x <= x + w and y <= places[0].y <= y + h


def test_country_shapes_come_from_packaged_data_when_installed():
    shapes = worldmap.country_shapes()
    if not shapes:
        pytest.skip("countryinfo is not installed: the map draws graticule and points only")
    by_code = {s.iso3: s for s in shapes}
    assert {"KAZ", "RUS", "AUT"} <= set(by_code)
    assert by_code["KAZ"].d.startswith("M") and by_code["KAZ"].d.endswith("Z")


def test_filters_normalise_and_reject():
    f = build_filters(actor=" ", country=["kaz,rus", "KAZ"], type="visit", status="Planned", since="2019-01-01")
    assert (f.actor, f.country, f.type, f.status, f.since) == (None, ["KAZ", "RUS"], "VISIT", "planned", "2019-01-01")
    assert f.store_kwargs()["country"] == ["KAZ", "RUS"]
    for bad in ({"country": ["Narnia"]}, {"until": "2019-02-30"}, {"status": "rumoured"}, {"type": "<b>"},
                {"type": "FOO"}, {"since": "notadate"}):
        with pytest.raises(FilterError):
            build_filters(**bad)


def test_filters_read_iso2_names_and_compact_days():
    f = build_filters(country=["KZ", "Russia", "kaz"], since="20250101", until="2025-02")
    assert f.country == ["KAZ", "RUS"]
    assert (f.since, f.until) == ("2025-01-01", "2025-02-28")
    assert build_filters(since="2024", until="2024").until == "2024-12-31"


def test_search_snippets_are_escaped_before_marking():
    html = str(snippet_html("a \x02<b>x</b>\x03 & b"))
    assert html == "a <mark>&lt;b&gt;x&lt;/b&gt;</mark> &amp; b"
    assert str(snippet_html("unbalanced \x02 marker")) == "unbalanced \x02 marker"


def test_serve_refuses_unsafe_or_impossible_setups(tmp_path):
    from communique.cli import app

    runner = CliRunner()
    missing = runner.invoke(app, ["serve", str(tmp_path / "none.db")])
    assert missing.exit_code == 2 and "no store" in missing.output
    no_token = runner.invoke(app, ["serve", str(tmp_path / "x.db"), "--allow-ingest"], env={"COMMUNIQUE_TOKEN": ""})
    assert no_token.exit_code == 2 and "--token" in no_token.output


def test_capped_totals_show_as_a_lower_bound():
    from communique.store.counts import COUNT_CAP, count_label

    assert count_label(12) == "12"
    assert count_label(COUNT_CAP) == str(COUNT_CAP)
    assert count_label(COUNT_CAP + 1) == "10,000+"
    assert count_label(None) == ""
