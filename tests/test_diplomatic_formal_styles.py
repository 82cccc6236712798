"""Readout and protocol English, naming and plans that did not come true: sentences written for these tests."""
import pytest

from communique.model import Document


def engagements(extractor, text, published="2025-05-14"):
    doc = extractor.process(Document(id="t", raw_text=text, published=published))
    assert doc.error is None, doc.error
    return [e for e in doc.events if e.type in ("VISIT", "HOST", "MEET", "CALL", "SIGN", "INVITE", "CONDOLE",
                                                "PRAISE")]


def names(ev):
    return (ev.source.name if ev.source else None, ev.target.name if ev.target else None)


@pytest.mark.parametrize("text,pair", [
    ("On Friday the President of the Republic of Ghana John Mahama spoke by telephone with the President of the "
     "Republic of Senegal Bassirou Diomaye Faye.", ("John Mahama", "Bassirou Diomaye Faye")),
    ("The Prime Minister of the Republic of Fiji Sitiveni Rabuka received the Ambassador of the People's Republic "
     "of China Zhou Jian at his office on Monday.", ("Sitiveni Rabuka", "Zhou Jian")),
])
def test_the_holder_named_after_a_titled_country_is_the_party(extractor, text, pair):
    evs = engagements(extractor, text)
    assert evs and names(evs[0]) == pair


def test_a_one_word_name_after_a_titled_country_is_a_person(extractor):
    text = ("On Thursday the Foreign Minister of the Republic of Indonesia Sugiono held talks in Kuala Lumpur with "
            "Malaysian Foreign Minister Mohamad Hasan.")
    evs = engagements(extractor, text)
    assert evs and evs[0].type == "MEET" and evs[0].source.name == "Sugiono" and evs[0].source.country == "IDN"


@pytest.mark.parametrize("text,status", [
    ("Japanese Ambassador Kenji Arai paid a courtesy call on the Prime Minister of Fiji Sitiveni Rabuka on Monday.",
     "occurred"),
    ("Kenya's new high commissioner will pay a courtesy call on President Museveni on Friday.", "planned"),
])
def test_a_courtesy_call_is_a_meeting_in_person(extractor, text, status):
    evs = engagements(extractor, text)
    assert [(e.type, e.status) for e in evs] == [("MEET", status)]


@pytest.mark.parametrize("text", [
    'Chile\'s president sent condolences to Peru on Monday, calling President Boluarte "a brave friend of Chile in '
    'hard years."',
    'Taiwan\'s president sent condolences to Paraguay on Monday, calling the former president "a loyal friend of '
    'Taiwan."',
])
def test_calling_someone_a_friend_is_no_phone_call(extractor, text):
    evs = engagements(extractor, text)
    assert [e.type for e in evs] == ["CONDOLE"], [(e.type, e.trigger) for e in evs]
    assert evs[0].target.country in ("PER", "PRY"), "the condolences go to the country named after 'to'"


@pytest.mark.parametrize("text,target", [
    ("Kenyan President William Ruto called his Ugandan counterpart Yoweri Museveni on Sunday.", "Yoweri Museveni"),
    ("The Kenyan president called his Ugandan counterpart on Sunday.", "Uganda"),
])
def test_calling_a_counterpart_is_a_call(extractor, text, target):
    evs = engagements(extractor, text, published="2026-03-05")
    assert [e.type for e in evs] == ["CALL"] and evs[0].target.name == target


@pytest.mark.parametrize("text", [
    "Muizzu was to have met the Sri Lankan president in Colombo on Tuesday and signed three agreements.",
    "The Thai premier had been due to visit Cambodia on Monday.",
    "The Chilean president had been expected to meet his Argentine counterpart in Santiago.",
])
def test_a_plan_told_in_the_past_perfect_did_not_come_true(extractor, text):
    evs = engagements(extractor, text, published="2025-08-20")
    assert evs and all(e.status == "negated" for e in evs), [(e.type, e.status) for e in evs]


@pytest.mark.parametrize("text,status", [
    ("The Thai premier is due to visit Cambodia on Monday.", "planned"),
    ("Ruto met Museveni on Monday and signed two agreements.", "occurred"),
])
def test_plans_and_facts_keep_their_status(extractor, text, status):
    evs = engagements(extractor, text, published="2025-08-20")
    assert evs and all(e.status == status for e in evs)


@pytest.mark.parametrize("text", [
    "Before flying home on Friday, Ruto is expected to meet Indonesian business leaders in Jakarta.",
    "The Ghanaian president met Ghanaian community leaders in London on Sunday.",
])
def test_meeting_business_or_community_leaders_is_no_engagement_with_a_state(extractor, text):
    assert engagements(extractor, text, published="2025-08-20") == []


@pytest.mark.parametrize("text,source", [
    ("Peters will convey New Zealand's condolences to Fiji's prime minister when he visits Suva next week.",
     "Peters"),
    ("Kenyan Foreign Minister Musalia Mudavadi conveyed Kenya's condolences to the Tanzanian government on Monday.",
     "Musalia Mudavadi"),
])
def test_the_envoy_who_conveys_a_country_s_message_is_its_sender(extractor, text, source):
    evs = [e for e in engagements(extractor, text) if e.type == "CONDOLE"]
    assert len(evs) == 1 and evs[0].source.name == source


@pytest.mark.parametrize("text", [
    "Wang Yi spoke by phone on Sunday with Kenyan Foreign Minister Musalia Mudavadi, in a call during which the two "
    "ministers discussed the railway loans.",
    "Ruto held talks with Museveni, at which the two leaders discussed the pipeline.",
])
def test_a_discussion_inside_an_engagement_is_that_engagement(extractor, text):
    assert len(engagements(extractor, text)) == 1


@pytest.mark.parametrize("text,pair", [
    ("Fiji's prime minister, whose country signed a policing pact with Australia two years ago, defended the deal on "
     "Monday.", ("FJI", "AUS")),
    ("Ghanaian President John Mahama, whose government signed a defence pact with Togo last year, spoke in Accra.",
     ("GHA", "TGO")),
])
def test_whose_country_is_the_state_of_the_person_named_before(extractor, text, pair):
    signs = [e for e in engagements(extractor, text, published="2025-09-10") if e.type == "SIGN"]
    assert signs and (signs[0].source.country, signs[0].target.country) == pair


@pytest.mark.parametrize("text,etype,country", [
    # "the Government of X" stands for X
    ("The Chilean foreign minister offered condolences to the Government and the people of Ecuador after the "
     "earthquake.", "CONDOLE", "ECU"),
    ("Kenya's president sent condolences to the Government of Nepal after the landslide.", "CONDOLE", "NPL"),
    # thanks for a country's help are addressed to that country
    ("Philippine Foreign Secretary Enrique Manalo expressed appreciation for Indonesia's support of the Philippine "
     "candidacy.", "PRAISE", "IDN"),
    ("President Ruto expressed gratitude for Japan's assistance after the floods.", "PRAISE", "JPN"),
])
def test_the_addressee_behind_a_collective_or_a_possessor(extractor, text, etype, country):
    evs = engagements(extractor, text, published="2025-06-18")
    assert [e.type for e in evs] == [etype] and evs[0].target.country == country


def test_patronymic_names_of_one_family_stay_apart(extractor):
    from communique.model import Document

    text = ("Saudi Crown Prince Mohammed bin Salman met Qatar's emir in Riyadh. Prince Khalid bin Mohammed bin "
            "Salman, a nephew, also joined the lunch, the agency said.")
    doc = extractor.process(Document(id="t", raw_text=text, published="2025-11-19"))
    people = {a.name for a in doc.actors if a.kind == "person"}
    assert {"Khalid bin Mohammed bin Salman", "Mohammed bin Salman"} <= people


def test_his_highness_abbreviated_is_an_honorific():
    from communique.actors.candidates import is_title_word

    assert is_title_word("h.h.") and is_title_word("h.e.")
