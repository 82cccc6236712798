"""The scraped-text cleaner on invented pages: what it drops, what it must keep."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings, strategies as st

from communique.clean import clean_document, clean_scraped_text
from communique.clean.text import match_key, normalize_text
from communique.model import Document

HEADLINE = "Quiet handshake: how the Norwegian premier was received in Hanoi"
LEDE = ("Nordic Wire – Prime Minister Ingrid Dahl of Norway arrived in Hanoi on Monday for a two-day official visit, "
        "the first by a Norwegian head of government in a decade.")

SCRAPED = f"""{HEADLINE}

SHARE

{HEADLINE} © Nordic Wire / Photo

{LEDE}

Поделиться

{LEDE}

The delegation was met at Noi Bai airport by Vietnam's deputy foreign minister and a guard of honour.

Trade and offshore wind

Talks with her Vietnamese counterpart focused on offshore wind, shipping and a fisheries pact.

“We came to listen first,” Dahl told reporters.

Both sides said a memorandum on maritime training would be signed on Tuesday.

Nordic Wire
Read also
Storm warning issued for the west coast
Krone steadies against the euro
Follow us on Telegram

Exchange Rates

 10.6  up  11.4  down

Weather
Oslo
"""


@pytest.fixture(scope="module")
def cleaned():
    return clean_scraped_text(SCRAPED)


def test_headline_is_found_and_not_repeated_in_body(cleaned):
    assert cleaned.title == HEADLINE
    assert HEADLINE not in cleaned.text


def test_body_starts_at_lede_and_ends_at_last_paragraph(cleaned):
    assert cleaned.text.startswith(LEDE)
    assert cleaned.text.endswith("would be signed on Tuesday.")
    assert cleaned.text.count("arrived in Hanoi on Monday") == 1


@pytest.mark.parametrize("chrome", ["SHARE", "Поделиться", "©", "Read also", "Storm warning", "Exchange Rates",
                                    "10.6", "Weather", "Telegram", "Nordic Wire\n"])
def test_page_chrome_is_removed(cleaned, chrome):
    assert chrome not in cleaned.text


def test_subheadings_and_short_quotes_inside_the_body_are_kept(cleaned):
    assert "\n\nTrade and offshore wind\n\n" in cleaned.text
    assert "“We came to listen first,” Dahl told reporters." in cleaned.text


def test_removals_are_counted_by_reason(cleaned):
    r = cleaned.removed
    assert r["share"] == 2 and r["title"] == 1 and r["credit"] == 1 and r["repeat"] == 1 and r["link_list"] >= 3


def test_a_given_title_is_removed_from_the_body_start():
    result = clean_scraped_text("Talks in Rome end\n\nThe talks in Rome ended on Friday without a deal.",
                                title="Talks in Rome end")
    assert (result.title, result.text) == ("Talks in Rome end", "The talks in Rome ended on Friday without a deal.")


def test_a_section_label_above_the_headline_is_not_the_title():
    result = clean_scraped_text("World\n\nEnvoys agree to reopen embassies\n\nThe envoys of two neighbours agreed on Friday "
                                "to reopen their embassies after a five-year break.")
    assert result.title == "Envoys agree to reopen embassies"
    assert result.text.startswith("The envoys of two neighbours")


def test_a_short_title_does_not_eat_body_paragraphs_that_start_with_it():
    text = "Talks\n\nTalks resumed on Monday in Geneva.\n\nTalks resumed.\n\nA second round is due in May, officials said."
    result = clean_scraped_text(text, title="Talks")
    assert result.text == "Talks resumed on Monday in Geneva.\n\nTalks resumed.\n\nA second round is due in May, officials said."


def test_a_single_sentence_is_body_not_title():
    text = "Senior officials from two neighbouring states agreed on Wednesday to reopen the border crossing."
    result = clean_scraped_text(text)
    assert (result.title, result.text) == (None, text)


def test_a_plain_body_without_paragraph_breaks_is_unchanged():
    body = " ".join(["The minister said the talks were useful and would continue next month."] * 20)
    assert clean_scraped_text(body, title="Talks continue").text == body


def test_hard_wrapped_paragraphs_are_joined():
    text = ("The two presidents met for three hours in the capital and discussed\n"
            "energy, transport and security before a joint press conference.\n\n"
            "A second round of talks is planned for the spring.")
    result = clean_scraped_text(text)
    assert result.text.split("\n\n")[0].endswith("discussed energy, transport and security before a joint press conference.")


def test_very_short_texts_survive():
    assert clean_scraped_text("Putin met Xi.").text == "Putin met Xi."
    assert clean_scraped_text("").text == ""


def test_normalize_text_unifies_spaces_and_newlines():
    assert normalize_text("a\u00a0b\u200b c\r\nd  \t e\u2028f") == "a b c\nd e\nf"
    assert match_key("  “Hello,”  World! ") == match_key('"hello," world')


def test_clean_document_fills_title_text_and_meta():
    doc = Document(id="d", raw_text=SCRAPED)
    clean_document(doc)
    assert doc.title == HEADLINE and doc.text.startswith(LEDE)
    assert doc.meta["cleaning_removed"]["title"] == 1


def test_clean_document_on_extracted_html_keeps_edges():
    doc = Document(id="h", raw_text="Ministers meet\nShort kicker line\nThe ministers met on Friday and agreed to talk again.",
                   title="Ministers meet", meta={"format": "html"})
    clean_document(doc)
    assert doc.text.startswith("Short kicker line")


def test_clean_document_leaves_existing_text_alone():
    doc = Document(id="t", text="Already clean.", raw_text="SHARE\nsomething else")
    assert clean_document(doc).text == "Already clean."


_PARAGRAPH = st.lists(st.sampled_from(["The", "minister", "met", "envoys", "in", "Oslo", "on", "Friday", "and",
                                       "said", "talks", "would", "continue", "SHARE", "©", "Photo:", "Read",
                                       "also", "12.5", "—", "“Yes”"]), min_size=1, max_size=30).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_PARAGRAPH, st.sampled_from([".", "", "!", "?"])), max_size=12), st.booleans())
def test_cleaner_never_invents_or_rewrites_text(paragraphs, with_title):
    raw = "\n\n".join(p + end for p, end in paragraphs)
    result = clean_scraped_text(raw, title="A headline" if with_title else None)
    normalized = normalize_text(raw)
    for block in filter(None, result.text.split("\n\n")):
        assert block in normalized
    again = clean_scraped_text(result.text, title=result.title)
    assert again.text == result.text or len(again.text) <= len(result.text)


def test_seed_pages_pass_the_gold_cleaning_checks(shared_dir):
    """The two seed pages, cleaned alone (no parser), against the gold body checks."""
    from communique.evaluation.gold import cleaning_checks, load_gold
    from communique.ingest import read_paths

    gold = load_gold(shared_dir / "gold")
    docs = {d.id: clean_document(d) for d in read_paths([str(shared_dir / "seeds" / "seeds.jsonl")])}
    for doc_id, g in gold.items():
        tally, failed = cleaning_checks(g, docs[doc_id].to_dict())
        assert not failed, (doc_id, failed)
