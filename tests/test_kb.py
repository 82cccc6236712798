"""The bundled knowledge base: its rows validate, and dated lookups answer for the publication day."""
import pytest

from communique.kb import knowledge_base
from communique.kb.index import KnowledgeBase
from communique.kb.keys import full_key, surname_keys
from communique.kb.model import Post
from communique.kb.stats import format_stats, stats
from communique.kb.validate import validate


def test_bundled_kb_validates():
    count, problems = validate()
    assert count > 0
    assert problems == []


def test_stats_cover_regions_roles_decades():
    s = stats()
    assert sum(s["role"].values()) > 0
    text = format_stats(s)
    assert "per region:" in text and "per decade:" in text


def test_spelling_case_accents_and_cyrillic_fold_to_one_key():
    assert full_key("Kassym-Jomart Tokayev") == full_key("KASYM-ZHOMART TOKAEV")
    assert full_key("José Pérez") == full_key("jose perez")
    assert full_key("Токаев") == full_key("ТОКАЕВ")


def test_an_acronym_is_never_a_surname_key():
    assert surname_keys("Kim Jong Un", "PRK") == {full_key("Un"), full_key("Kim")}
    assert surname_keys("U.N.") == set()


def _kb():
    posts = [
        Post("velikov-anton", "Anton Velikov", ["Антон Великов"], "KAZ", None, "speaker", "Chairman of the Senate",
             "LEG", "2013-10-16", "2019-03-19"),
        Post("velikov-anton", "Anton Velikov", [], "KAZ", None, "head_of_state", "President", "GOV", "2019-03-20"),
        Post("dufresne-marc", "Marc Dufresne", [], "FRA", None, "head_of_state", "President", "GOV", "2017-05",
             "2022"),
        Post("dufresne-paul", "Paul Dufresne", [], "BEL", None, "foreign_minister", "Foreign Minister", "GOV",
             "2020-01-01", "2022-12-31"),
    ]
    return KnowledgeBase(posts)


def test_role_valid_on_the_publication_day():
    kb = _kb()
    pid = kb.link("Anton Velikov", "2018-05-01")
    assert pid == "velikov-anton"
    assert kb.post_on(pid, "2018-05-01").role == "speaker"
    assert kb.post_on(pid, "2019-03-20").role == "head_of_state"
    assert kb.link("Антон Великов", None) == pid


def test_surname_links_only_when_one_holder_that_day():
    kb = _kb()
    assert kb.link_surname("Dufresne", "2019-06-01") == "dufresne-marc"
    assert kb.link_surname("Dufresne", "2021-06-01") is None        # two office-holders named Dufresne
    assert kb.link_surname("Dufresne", "2024-06-01") is None        # neither in office


def test_holder_by_title_and_country_on_a_day():
    kb = _kb()
    assert kb.holder("KAZ", "head_of_state", "2020-01-01").person_id == "velikov-anton"
    assert kb.holder("KAZ", "head_of_state", "2018-01-01") is None


def test_bundled_kb_knows_a_dated_office():
    kb = knowledge_base()
    pid = kb.link("Kassym-Jomart Tokayev", "2020-01-01")
    if pid is None:
        pytest.fail("the bundled KB should know the President of Kazakhstan")
    assert kb.post_on(pid, "2020-01-01").role == "head_of_state"
    assert kb.country_of(pid, "2020-01-01") == "KAZ"


def test_an_exact_surname_beats_a_spelling_variant():
    kb = KnowledgeBase([
        Post("xi-lan", "Xi Lan", [], "CHN", None, "head_of_state", "President", "GOV", "2020"),
        Post("xie-bo", "Xie Bo", [], "CHN", None, "other_minister", "Minister", "GOV", "2021"),
    ])
    assert kb.link_surname("Xi", "2022-01-01") == "xi-lan"
    assert kb.link_surname("Xie", "2022-01-01") == "xie-bo"
