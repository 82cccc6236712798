"""User actor dictionaries: PETRARCH/CAMEO actor and agent files, a simple CSV, and user entries winning."""
from pathlib import Path

import pytest

from communique.kb.dictionaries import (UserDictionary, parse_csv, parse_petrarch_actors, parse_petrarch_agents,
                                        read_dictionary, split_code)
from communique.kb.index import KnowledgeBase
from communique.kb.model import Post

VALIDATION = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "petrarch-validation" / "dictionaries"

ACTORS = """<!-- an invented dictionary in PETRARCH's format -->
RURITANIA_  [RUR]
+RURITANIAN_
+STRELSAU_
ANTON_VELIKOV_
+VELIKOV
\t[RURGOV 130101-190319]
\t[RURELI 190320-]
OLD_KING_RUDOLF  [RUR < 950601]  # a comment
DAWN_MONITOR_TELEVISION [UARMED]
"""

AGENTS = """!MINST! = MINISTER, MINISTERS
FOREIGN_!MINST! [~GOVFRM] # note
ARMY_CHIEF {} [~MIL]
"""


def test_actor_entries_synonyms_and_dated_codes():
    posts = parse_petrarch_actors(ACTORS, "mine.txt")
    assert posts, "no entries read"
    rur = [p for p in posts if p.name == "Ruritania"]
    assert rur and rur[0].country == "RUR" and "Strelsau" in rur[0].aliases
    vel = sorted((p for p in posts if p.name == "Anton Velikov"), key=lambda p: p.start)
    assert [(p.sector, p.start, p.end) for p in vel] == [("GOV", "2013-01-01", "2019-03-19"),
                                                         ("ELI", "2019-03-20", None)]
    assert "Velikov" in vel[0].aliases
    rudolf = next(p for p in posts if p.name == "Old King Rudolf")
    assert rudolf.start is None and rudolf.end == "1995-06-01"
    dawn = next(p for p in posts if p.name == "Dawn Monitor Television")
    assert dawn.country == "EGY" and dawn.sector == "MED"      # a legacy code mapped to ISO


def test_agent_titles_with_substitutions():
    agents = parse_petrarch_agents(AGENTS)
    assert agents["foreign minister"] == "GOV" and agents["foreign ministers"] == "GOV"
    assert agents["army chief"] == "MIL"


def test_codes_split_into_country_and_sector():
    assert split_code("KAZGOV") == ("KAZ", "GOV")
    assert split_code("IGOUNO") == (None, "IGO")
    assert split_code("---") == (None, None)


def test_csv_rows():
    posts = parse_csv("name,country,role,sector,start,end\nMarta Kowal,POL,foreign_minister,GOV,2021-02-01,\n",
                      "x.csv")
    assert len(posts) == 1
    assert posts[0].country == "POL" and posts[0].role == "foreign_minister" and posts[0].end is None


def test_user_entries_win_over_bundled(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("Marc Dufresne,BEL,Prime Minister,GOV,2015,\n", encoding="utf-8")
    user = UserDictionary()
    read_dictionary(str(path), user)
    bundled = [Post("dufresne-marc", "Marc Dufresne", [], "FRA", None, "head_of_state", "President", "GOV", "2017")]
    kb = KnowledgeBase(bundled, user=user)
    pid = kb.link("Marc Dufresne", "2020-01-01")
    assert pid.startswith("user:")
    assert kb.country_of(pid, "2020-01-01") == "BEL"


def test_cli_dictionary_changes_the_linked_country(tmp_path, extractor):
    from communique.kb import use_dictionaries
    from communique.model import Document

    path = tmp_path / "people.csv"
    path.write_text("name,country,role,sector,start,end\nOskar Brandvold,NOR,Foreign Minister,GOV,2020,\n",
                    encoding="utf-8")
    text = "Oskar Brandvold met reporters in Paris on Monday."
    try:
        use_dictionaries([str(path)])
        doc = extractor.process(Document(id="d1", raw_text=text, published="2024-02-01"))
    finally:
        use_dictionaries([])
    person = next(a for a in doc.actors if a.name == "Oskar Brandvold")
    assert person.country == "NOR" and person.kb_id and person.kb_id.startswith("user:")
    assert person.role == "Foreign Minister"


@pytest.mark.skipif(not VALIDATION.is_dir(), reason="the PETRARCH validation dictionaries are not beside the checkout")
def test_reads_the_validation_dictionaries():
    user = UserDictionary()
    for name in ("PETR_Validate_actors_2_02.txt", "PETR_Validate_agents_2_02.txt", "Phoenix.agents.txt"):
        read_dictionary(str(VALIDATION / name), user)
    assert len(user.posts) > 50 and len(user.agents) > 50
    gollum = [p for p in user.posts if p.name == "Gollum"]
    assert {p.country for p in gollum} == {"HOB"} and "Smeagol" in gollum[0].aliases
    assert any(p.start == "1995-06-01" and p.end == "1999-08-15" for p in gollum)
