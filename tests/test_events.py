"""Diplomatic events on invented news: types, sides, status, dates, merging and protocol."""
import pytest

from communique.model import Document

PUBLISHED = "2026-05-14"   # a Thursday


def extract(extractor, text):
    doc = extractor.process(Document(id="e", raw_text=text, published=PUBLISHED))
    assert doc.error is None, doc.error
    return [e for e in doc.events if e.type in ("VISIT", "HOST", "MEET", "CALL", "SIGN", "INVITE", "CONDOLE", "PRAISE")]


def test_arrival_is_a_visit_dated_today_with_visit_kind(extractor):
    evs = extract(extractor, "French President Marc Dufresne has arrived in Tokyo on a state visit. "
                             "Dufresne's visit to Tokyo is his first trip abroad this year.")
    visits = [e for e in evs if e.type == "VISIT"]
    assert len(visits) == 1                                # two mentions, one engagement
    v = visits[0]
    assert (v.source.country, v.target.country, v.status) == ("FRA", "JPN", "occurred")
    assert v.date.start == PUBLISHED
    assert v.attributes.get("visit_kind") == "state"
    assert len(v.evidence) == 2
    assert v.location.name == "Tokyo" and v.location.lat is not None
    assert v.cameo == "042"


def test_planned_and_negated_status(extractor):
    evs = extract(extractor, "Brazilian President Ana Costa will visit China next week. "
                             "German Chancellor Hans Vogel did not meet Indian Prime Minister Ravi Mehta.")
    visit = next(e for e in evs if e.type == "VISIT")
    assert visit.status == "planned" and visit.target.country == "CHN"
    assert visit.plover["type"] == "AGREE" and visit.cameo == "036"
    assert visit.date.start == "2026-05-18" and visit.date.end == "2026-05-24"
    meet = next(e for e in evs if e.type == "MEET")
    assert meet.status == "negated"


def test_host_passive_agent_and_greeting_party(extractor):
    evs = extract(extractor, "Chilean President Rosa Ibanez was welcomed at the airport by Peru's Foreign Minister "
                             "Jorge Salas and Peru's Defense Minister Luis Prado.")
    host = next(e for e in evs if e.type == "HOST")
    assert host.source.country == "PER" and host.target.country == "CHL"
    names = [p["name"] for p in host.attributes["greeting_party"]]
    assert "Jorge Salas" in names and "Luis Prado" in names


def test_condolence_thanks_and_phone_call(extractor):
    evs = extract(extractor, "Egyptian President Omar Nasser sent a message of condolence to Greek Prime Minister "
                             "Nikos Pappas after the floods. Pappas thanked Nasser for his support. "
                             "On Tuesday, Greek Prime Minister Nikos Pappas and Turkish President Emre Kaya spoke by phone.")
    types = {e.type: e for e in evs}
    assert types["CONDOLE"].source.country == "EGY" and types["CONDOLE"].target.country == "GRC"
    assert types["PRAISE"].source.country == "GRC" and types["PRAISE"].target.country == "EGY"
    call = types["CALL"]
    assert {call.source.country, call.target.country} == {"GRC", "TUR"}
    assert call.date.start == "2026-05-12"


def test_domestic_meeting_is_not_diplomatic(extractor):
    evs = extract(extractor, "Italian Prime Minister Carla Neri met Italian Interior Minister Paolo Greco in Rome.")
    assert not [e for e in evs if e.type == "MEET"]


def test_every_event_points_at_its_sentence(extractor):
    text = "Japanese Prime Minister Kenji Mori held talks with Indonesian President Budi Santoso in Jakarta on Monday."
    doc = extractor.process(Document(id="x", raw_text=text, published=PUBLISHED))
    meet = next(e for e in doc.events if e.type == "MEET")
    ev = meet.evidence[0]
    assert doc.text[ev.start:ev.end] == ev.text
    assert meet.date.start == "2026-05-11"


def test_events_need_a_political_actor(extractor):
    doc = extractor.process(Document(id="h", raw_text="Scientists say warmer summers may cut wheat harvests across the "
                                     "plains by a fifth before 2040, according to a new report.", published=PUBLISHED))
    assert doc.events == []


def test_role_phrase_takes_the_nationality_nearest_the_title(extractor):
    doc = extractor.process(Document(id="n", raw_text="The envoy shuttled between Chile and Peruvian leader Marta "
                                     "Quispe on Friday.", published=PUBLISHED))
    quispe = next(a for a in doc.actors if a.name == "Marta Quispe")
    assert quispe.country == "PER"


def test_not_just_is_a_contrast_not_a_negation(extractor):
    evs = extract(extractor, "Mexican President Lucia Vega did not just visit Canada; she toured three provinces.")
    visit = next(e for e in evs if e.type == "VISIT")
    assert visit.status == "occurred" and visit.target.country == "CAN"


@pytest.mark.parametrize("text, etype, status", [
    ("Russian President Ivan Petrov had no plans to meet Ukrainian President Taras Bondar.", "MEET", "negated"),
    ("Brazilian President Paulo Souza invited Argentine President Diego Ruiz to visit Brasilia.", "INVITE", "occurred"),
    ("Turkish President Kemal Aydin received Ukrainian President Taras Bondar in Istanbul on Saturday.", "HOST",
     "occurred"),
    ("Kenya's President William Otieno could visit Ethiopia if the security situation improves.", "VISIT",
     "hypothetical"),
])
def test_status_table(extractor, text, etype, status):
    evs = [e for e in extract(extractor, text) if e.type == etype]
    assert evs and evs[0].status == status


@pytest.mark.parametrize("text", [
    "Iranian President Ali Rahimi welcomed the decision of Iraqi Prime Minister Omar Saleh to reopen the border.",
    "French President Pierre Lamy called Russian President Ivan Petrov a dangerous man.",
])
def test_no_engagement_in_these(extractor, text):
    assert not [e for e in extract(extractor, text) if e.type in ("HOST", "CALL")]


def test_after_meeting_is_done_even_in_a_planned_sentence(extractor):
    evs = extract(extractor, "Thai Prime Minister Somchai Boon is expected to visit Vietnam in late May, after "
                             "meeting with Chinese President Li Wen.")
    meet = next(e for e in evs if e.type == "MEET")
    assert meet.status == "occurred"
    visit = next(e for e in evs if e.type == "VISIT")
    assert visit.status == "planned" and visit.date.start >= "2026-05-20"


SCRAPED_VISIT = """Valdor president arrives in Lisbon for talks

SHARE

Valdor president arrives in Lisbon for talks Photo: press office

Lisbon. NewsWire – President of Ecuador Rafael Mora arrived in Lisbon on Thursday on an official visit, the presidential press office reports.

At the airport, the Ecuadorian leader was greeted by Portuguese Prime Minister Rui Costa and Foreign Minister Ana Reis. A guard of honour lined up on the tarmac.

The two presidents will hold talks in narrow and expanded formats on Friday. A package of agreements is expected to be signed after the talks.

"Portugal is our bridge to Europe," Mora told reporters.

The Ecuadorian President will also visit a port terminal and meet with business leaders.

NewsWire
Read also
Fuel prices rise again
Weather
Lisbon +18
"""


def test_scraped_visit_page_end_to_end(extractor):
    doc = extractor.process(Document(id="v", raw_text=SCRAPED_VISIT, published="2026-03-12"))   # a Thursday
    assert doc.title.startswith("Valdor president arrives")
    assert "Read also" not in doc.text and doc.text.count("arrived in Lisbon") == 1
    by_type = {}
    for e in doc.events:
        by_type.setdefault(e.type, []).append(e)
    visit = by_type["VISIT"][0]
    assert (visit.source.name, visit.source.country, visit.target.country) == ("Rafael Mora", "ECU", "PRT")
    assert visit.date.start == "2026-03-12" and visit.attributes["visit_kind"] == "official"
    host = by_type["HOST"][0]
    assert [p["name"] for p in host.attributes["greeting_party"]] == ["Rui Costa", "Ana Reis"]
    assert "guard of honour" in host.attributes["ceremony"]
    talks = [e for e in by_type["MEET"] if e.status == "planned"]
    assert len(talks) == 1 and talks[0].date.start == "2026-03-13"      # Friday after a Thursday story
    assert by_type["SIGN"][0].status == "planned"
    quote = doc.quotes[0]
    assert quote.text.startswith("Portugal is our bridge") and quote.speaker.name == "Rafael Mora"


def test_bare_title_and_implied_visit_dates(extractor):
    text = ("Kuwaiti Crown Prince Sheikh Nasser Al-Sabah arrived in Cairo on Monday. The Crown Prince was received "
            "at Cairo International Airport by Egyptian Prime Minister Adel Fawzy.")
    evs = extract(extractor, text)
    visits = [e for e in evs if e.type == "VISIT"]
    assert len(visits) == 1 and visits[0].date.start == "2026-05-11"
    host = next(e for e in evs if e.type == "HOST")
    assert host.source.name == "Adel Fawzy" and host.target.name.endswith("Al-Sabah")
    assert host.date.start == "2026-05-11"        # the welcome belongs to Monday's arrival


def test_hosting_implies_the_guests_visit(extractor):
    evs = extract(extractor, "Turkish President Kemal Aydin received Ukrainian President Taras Bondar in Istanbul "
                             "on Saturday.")
    visit = next(e for e in evs if e.type == "VISIT")
    assert (visit.source.country, visit.target.country, visit.date.start) == ("UKR", "TUR", "2026-05-09")
    assert visit.attributes.get("implied_by") == "HOST"


def test_calls_to_congratulate_and_condolences_to_a_government(extractor):
    evs = extract(extractor, "Argentine President Diego Ruiz called Chilean President-elect Rosa Ortiz on Monday "
                             "to congratulate her on her victory.")
    assert {e.type for e in evs} >= {"CALL", "PRAISE"}
    assert all(e.target.name == "Rosa Ortiz" for e in evs)
    evs = extract(extractor, "UN Secretary-General Ana Ferreira extended her condolences to the families of the "
                             "victims and the Government of Nepal.")
    condole = next(e for e in evs if e.type == "CONDOLE")
    assert condole.source.name == "Ana Ferreira" and condole.target.country == "NPL"


def test_called_off_meetings_and_statements(extractor):
    evs = extract(extractor, "South Korean President Park Min-jun had been expected to meet Japanese Prime Minister "
                             "Kenji Ito, but the meeting was called off.")
    assert next(e for e in evs if e.type == "MEET").status == "negated"
    evs = extract(extractor, "U.S. Secretary of State Mary Hill issued a statement congratulating the Chilean people "
                             "on a peaceful election.")
    praise = next(e for e in evs if e.type == "PRAISE")
    assert praise.source.name == "Mary Hill" and praise.target.country == "CHL"


def test_family_name_first(extractor):
    evs = extract(extractor, "Chinese President Li Wenhua arrived in Lima on Friday. Li also held talks with "
                             "Peruvian President Rosa Castaneda.")
    meet = next(e for e in evs if e.type == "MEET")
    assert meet.source.name == "Li Wenhua" and meet.source.country == "CHN"


AKORDA_STYLE = """ASTANA. NEWSDESK – Head of State Daniyar Kenzhebek received Minister of Foreign Affairs of Austria Lena Gruber.

During the meeting, the parties discussed trade. Earlier on Tuesday, Gruber held talks with Kazakh Foreign Minister Aigerim Sultan. The sides signed a memorandum on education.

On October 14, Kenzhebek is expected to take part in the CIS summit in Dushanbe, where he will meet Tajik President Rustam Nazarov.
"""


def test_press_service_style_story(extractor):
    doc = extractor.process(Document(id="a", raw_text=AKORDA_STYLE, published="2025-10-07"))
    people = {a.name: a for a in doc.actors if a.kind == "person"}
    assert people["Daniyar Kenzhebek"].country == "KAZ"          # from the ASTANA dateline
    evs = {(e.type, e.status): e for e in doc.events}
    assert evs[("HOST", "occurred")].target.name == "Lena Gruber"
    sign = evs[("SIGN", "occurred")]
    assert {sign.source.name, sign.target.name} == {"Lena Gruber", "Aigerim Sultan"}   # "the sides" just named
    trip = evs[("VISIT", "planned")]
    assert trip.target.country == "TJK" and trip.date.start == "2025-10-14"
    assert trip.attributes["purpose"] == "the CIS summit"


def test_invitation_of_a_host_and_calls_to_the_president_elect(extractor):
    evs = extract(extractor, "Vietnamese Prime Minister Tran Quoc Hung will pay an official visit to Singapore next "
                             "week at the invitation of Singaporean Prime Minister Daniel Tan.")
    invite = next(e for e in evs if e.type == "INVITE")
    assert (invite.source.name, invite.target.name, invite.status) == ("Daniel Tan", "Tran Quoc Hung", "occurred")
    assert invite.date is None          # extended earlier, on a day the text does not give
    evs = extract(extractor, "Chilean President-elect Valentina Ortiz won the vote. Brazilian President Antonio "
                             "Ferraz also phoned the president-elect.")
    call = next(e for e in evs if e.type == "CALL")
    assert (call.source.name, call.target.name) == ("Antonio Ferraz", "Valentina Ortiz")


def test_talks_fall_with_a_postponed_trip(extractor):
    evs = extract(extractor, "Polish President Tomasz Wrona has postponed his visit to Lithuania. Wrona had been due "
                             "to meet Lithuanian President Rasa Petraitis in Vilnius.")
    assert next(e for e in evs if e.type == "VISIT").status == "negated"
    assert next(e for e in evs if e.type == "MEET").status == "negated"


@pytest.mark.parametrize("text", [
    "More than two million Chinese tourists visited Vietnam last year.",
    "The Iranian tanker arrived in a Chinese port on Monday.",
    "Kenyan lawyer Amos Otieno called the decision to jail Ugandan activist Ruth Nabirye a travesty.",
    "Opposition leader Amos Otieno says he struggles even to talk to voters.",
])
def test_not_diplomatic_engagements(extractor, text):
    assert not [e for e in extract(extractor, text) if e.type in ("VISIT", "CALL", "MEET")]


def test_newsroom_routine_is_no_request_or_refusal(extractor):
    """"declined to comment" and "asked the reporter for comment" are how reporting works, not political events."""
    from communique.events import extract_events
    from communique.events.options import EventOptions
    from communique.model import Document
    from communique.pipeline import annotate, prepare

    text = ("Kenya's government refused to comment on the arrests. "
            "The U.S. State Department declined a request for comment from the newspaper. "
            "Russia's foreign ministry asked the reporter for comment. "
            "Kenya's government refused to extradite the suspects to Uganda.")
    doc = prepare(Document(id="routine", text=text, published="2025-01-12"))
    sdoc = extractor.nlp(doc.text)
    annotate(doc, sdoc)
    for sides in ("source", "loose"):
        events = extract_events(doc, sdoc, EventOptions(mode="rules", plover_sides=sides))
        refusals = [e for e in events if e.type in ("REQUEST", "REJECT")]
        assert all("comment" not in e.evidence[0].text for e in refusals), sides
    assert any("extradite" in e.evidence[0].text for e in refusals), "a real refusal stays"


def _one(evs, etype):
    found = [e for e in evs if e.type == etype]
    assert found, f"no {etype} in {[(e.type, e.status) for e in evs]}"
    return found[0]


@pytest.mark.parametrize("text,country", [
    ("Mexican President Elena Ruiz landed in the Peruvian capital on Tuesday for talks on trade.", "PER"),
    ("Vietnam's Foreign Minister Pham Thu arrived in Norway's capital late on Monday.", "NOR"),
])
def test_a_capital_named_by_its_country_is_a_destination(extractor, text, country):
    visit = _one(extract(extractor, text), "VISIT")
    assert (visit.target.country, visit.status) == (country, "occurred")


def test_expected_or_due_in_a_place_is_a_planned_trip(extractor):
    evs = extract(extractor, "Chilean President Rosa Ibanez is expected in the Mexican capital next Tuesday. "
                             "Norway's Prime Minister Lars Dahl had been due in Ottawa, but the trip was called off.")
    visits = {e.target.country: e for e in evs if e.type == "VISIT"}
    assert visits["MEX"].status == "planned" and visits["MEX"].date.start == "2026-05-19"
    assert visits["CAN"].status == "negated"
    assert not [e for e in extract(extractor, "Higher profits are expected in Canada next year.") if e.type == "VISIT"]


@pytest.mark.parametrize("text", [
    "Turkish President Emre Kaya said he would travel to Athens if the islands dispute were settled.",
    "Unless the ceasefire collapses, Egypt's Foreign Minister Omar Nasser could meet Israeli Foreign Minister "
    "Dan Levy in Cairo.",
    "Several diplomats doubted that Indian Prime Minister Ravi Mehta would meet Pakistani Prime Minister Imran "
    "Qadir before the monsoon.",
    "There is little reason to think that Japan's Prime Minister Kenji Sato will visit Seoul this year.",
])
def test_conditions_and_doubt_make_an_engagement_hypothetical(extractor, text):
    evs = [e for e in extract(extractor, text) if e.type in ("VISIT", "MEET")]
    assert evs and all(e.status == "hypothetical" for e in evs), [(e.type, e.status) for e in evs]


def test_the_day_a_statement_was_made_does_not_date_the_engagement(extractor):
    evs = extract(extractor, "Danish Prime Minister Ida Holm will not travel to Warsaw for Saturday's forum, her "
                             "office said on Tuesday. Holm would visit Oslo if invited, she said on Monday.")
    visits = {e.target.country: e for e in evs if e.type == "VISIT"}
    assert visits["POL"].status == "negated" and visits["POL"].date.start == "2026-05-16"
    assert visits["NOR"].status == "hypothetical" and visits["NOR"].date is None


def test_a_phone_word_in_another_clause_does_not_make_talks_a_call(extractor):
    evs = extract(extractor, "Kenya's Foreign Minister Amina Wanjiru joined the conference by video link from "
                             "Berlin, where she had held talks with German Foreign Minister Jonas Keller on Monday.")
    meet = _one(evs, "MEET")
    assert {meet.source.country, meet.target.country} == {"KEN", "DEU"}
    assert not [e for e in evs if e.type == "CALL"]


@pytest.mark.parametrize("text", [
    "The Chilean and Bolivian delegations were talking past each other for most of the week.",
    "Egyptian President Omar Nasser and Turkish President Emre Kaya discussed Libya at length on Tuesday.",
])
def test_idioms_and_topics_are_not_parties(extractor, text):
    evs = extract(extractor, text)
    assert not [e for e in evs if e.type == "MEET" and "LBY" in (e.source.country, e.target.country)]
    if "past each other" in text:
        assert not [e for e in evs if e.type == "MEET"]


def test_parties_named_by_between(extractor):
    evs = extract(extractor, "Norwegian officials said a phone call between Swedish Prime Minister Eva Lind and "
                             "Finnish President Mikko Aalto might replace the visit.")
    call = _one(evs, "CALL")
    assert {call.source.name, call.target.name} == {"Eva Lind", "Mikko Aalto"}
    assert call.status == "hypothetical"


@pytest.mark.parametrize("text,etype", [
    ("Indian Prime Minister Ravi Mehta met Japanese Prime Minister Kenji Sato in Delhi on Monday, but no "
     "agreement was signed.", "SIGN"),
    ("A planned phone call between Spanish Prime Minister Luis Vidal and Moroccan Prime Minister Karim Idrissi did "
     "not take place on Tuesday.", "CALL"),
])
def test_no_agreement_and_a_call_that_did_not_take_place_are_negated(extractor, text, etype):
    assert _one(extract(extractor, text), etype).status == "negated"


def test_they_and_the_two_are_the_pair_just_named(extractor):
    evs = extract(extractor, "Peru's President Ana Quispe and Ecuador's President Diego Mora held talks in Lima on "
                             "Monday. They signed an agreement on fisheries. Japanese Prime Minister Kenji Sato, who "
                             "was in Lima too, said the region was calm.")
    sign = _one(evs, "SIGN")
    assert {sign.source.name, sign.target.name} == {"Ana Quispe", "Diego Mora"}
    evs = extract(extractor, "Fiji's Prime Minister Jone Rabuka sat beside New Zealand Prime Minister Ellen Hart, who "
                             "had invited him to Wellington when the two met in Apia last October.")
    meet, invite = _one(evs, "MEET"), _one(evs, "INVITE")
    assert meet.status == "occurred" and meet.date.start == "2025-10-01"
    assert (invite.source.name, invite.target.name) == ("Ellen Hart", "Jone Rabuka")


def test_a_sentence_without_date_words_goes_on_from_the_dated_one_before(extractor):
    evs = extract(extractor, "On Tuesday, Brazil's Foreign Minister Paulo Reis sat down with Indian Foreign Minister "
                             "Arjun Rao in Delhi. The two sides signed an agreement on ethanol.")
    sign = _one(evs, "SIGN")
    assert sign.date.start == "2026-05-12"
    assert {sign.source.country, sign.target.country} == {"BRA", "IND"}


def test_a_publication_day_guess_does_not_split_one_signing(extractor):
    evs = extract(extractor, "Qatar and Norway signed a memorandum on gas in Doha on Monday. The memorandum was signed "
                             "by Qatar's Energy Minister Khalid Al Kuwari and Norway's Trade Minister Siri Berg.")
    signs = [e for e in evs if e.type == "SIGN"]
    assert len(signs) == 1, [(e.source.name, e.target.name, e.date) for e in signs]
    assert signs[0].date.start == "2026-05-11"
    assert {signs[0].source.name, signs[0].target.name} == {"Khalid Al Kuwari", "Siri Berg"}


def test_a_question_followed_by_a_speaker_label_asserts_nothing(extractor):
    evs = extract(extractor, "So the big question: did Greek Prime Minister Nikos Pappas and Turkish President Emre "
                             "Kaya actually meet?\n\nMARIA DOE (Athens correspondent): Not in the end.")
    assert not [e for e in evs if e.type == "MEET"]


def test_next_week_on_a_weekday_is_that_day_of_next_week(extractor):
    evs = extract(extractor, "Nigeria's Foreign Minister Bola Adeyemi is flying to Nairobi next week, on Tuesday, to "
                             "see Kenyan Foreign Minister Amina Wanjiru.")
    visit = _one(evs, "VISIT")
    assert visit.status == "planned" and (visit.date.start, visit.date.end) == ("2026-05-19", "2026-05-19")


@pytest.mark.parametrize("text", [
    "Beijing has long criticized European officials who meet Taiwanese leaders.",
    "Ministers from Kenya visit Uganda every few months.",
])
def test_a_habit_of_a_kind_of_people_is_no_engagement(extractor, text):
    assert not [e for e in extract(extractor, text) if e.type in ("MEET", "VISIT")]


def test_welcoming_two_leaders_is_two_hostings(extractor):
    evs = extract(extractor, "Angola's President Joao Lourenco has welcomed Congolese President Felix Tshisekedi and "
                             "Rwandan President Paul Kagame in Luanda.")
    hosts = {e.target.country for e in evs if e.type == "HOST"}
    assert hosts == {"COD", "RWA"}
    evs = extract(extractor, "Angola's President Joao Lourenco received Congolese President Felix Tshisekedi and his "
                             "Foreign Minister Therese Wagner in Luanda.")
    assert len([e for e in evs if e.type == "HOST"]) == 1


def test_a_pronoun_counts_when_finding_the_pair(extractor):
    evs = extract(extractor, "Brazil's President Paulo Reis lands in Lima on Friday. Whether he meets Chile's President "
                             "Rosa Ibanez there is unclear; the two have never held formal talks.")
    negated = [e for e in evs if e.type == "MEET" and e.status == "negated"]
    assert negated and {negated[0].source.name, negated[0].target.name} == {"Paulo Reis", "Rosa Ibanez"}


def test_a_title_country_split_off_by_the_parse_is_not_a_party(extractor):
    evs = extract(extractor, "Irish Prime Minister Sean Byrne and New Zealand Prime Minister Aroha Reid met over lunch "
                             "in Dublin on Tuesday.")
    meets = [e for e in evs if e.type == "MEET"]
    assert len(meets) == 1 and {meets[0].source.name, meets[0].target.name} == {"Sean Byrne", "Aroha Reid"}


def test_a_relative_clause_that_schedules_the_trip_dates_it(extractor):
    evs = extract(extractor, "Czech President Jan Novak has cancelled his visit to Slovenia, which had been planned for "
                             "Saturday, his office said on Monday.")
    visit = _one(evs, "VISIT")
    assert visit.status == "negated" and visit.date.start == "2026-05-16"


@pytest.mark.parametrize("text", [
    "The two ministers discussed preparations for the visit of Latvian President Anna Berzina to Seoul.",
    "Security was tightened in Hanoi ahead of the visit of Thai Prime Minister Somchai Rattana to Vietnam.",
])
def test_preparations_for_or_ahead_of_a_visit_is_planned(extractor, text):
    assert _one(extract(extractor, text), "VISIT").status == "planned"


def test_he_in_a_where_clause_is_the_main_subject(extractor):
    evs = extract(extractor, "Irish Foreign Minister Niamh Walsh spoke to reporters. Austrian Chancellor Karl Huber "
                             "flew to Rome on Monday, where he met Italian Prime Minister Marco Bianchi.")
    meet = _one(evs, "MEET")
    assert {meet.source.name, meet.target.name} == {"Karl Huber", "Marco Bianchi"}


def test_hosting_for_talks_is_one_engagement(extractor):
    evs = extract(extractor, "Dutch Prime Minister Pieter de Vries hosted Belgian Prime Minister Luc Peeters in The "
                             "Hague on Monday for consultations on energy. De Vries met Peeters again on Tuesday.")
    assert len([e for e in evs if e.type == "HOST"]) == 1
    meets = [e for e in evs if e.type == "MEET"]
    assert len(meets) == 1 and meets[0].date.start == "2026-05-12"     # the second meeting stays


def test_the_same_day_and_the_next_day_are_told_from_the_day_before(extractor):
    evs = extract(extractor, "Peru's President Ana Quispe sent a message of condolence to Bolivia's President Luis Arce "
                             "on Sunday. Chile's President Rosa Ibanez telephoned Arce the same day. Ecuador's President "
                             "Diego Mora flew to La Paz on Monday and met Arce the next day.")
    call, meet = _one(evs, "CALL"), _one(evs, "MEET")
    assert call.date.start == "2026-05-10"
    assert meet.date.start == "2026-05-12"


def test_a_purpose_clause_sends_condolences_to_the_one_called(extractor):
    evs = extract(extractor, "Ireland's President Maeve Kelly telephoned Portugal's President Rui Matos on Friday to "
                             "offer her sympathy after the fires.")
    condole = _one(evs, "CONDOLE")
    assert (condole.source.name, condole.target.name) == ("Maeve Kelly", "Rui Matos")


@pytest.mark.parametrize("text,etype", [
    ("Spanish Prime Minister Luis Vidal told Portuguese Prime Minister Rui Costa in a phone conversation on Monday "
     "that Madrid backed the plan.", "CALL"),
    ("Thai Prime Minister Somchai Rattana said during talks with Malaysian Prime Minister Aziz Rahman on Monday that "
     "the border would reopen.", "MEET"),
])
def test_a_speech_verb_sets_the_parties_of_its_engagement_noun(extractor, text, etype):
    ev = _one(extract(extractor, text), etype)
    assert {ev.source.country, ev.target.country} in ({"ESP", "PRT"}, {"THA", "MYS"})
    assert ev.date.start == "2026-05-11"


def test_his_in_a_fronted_phrase_is_the_main_subject(extractor):
    evs = extract(extractor, "During his visit to Lisbon, Mexican President Elena Ruiz met Portuguese Prime Minister "
                             "Rui Costa.")
    visit = _one(evs, "VISIT")
    assert (visit.source.name, visit.target.country) == ("Elena Ruiz", "PRT")


def test_when_it_comes_to_is_no_trip(extractor):
    evs = extract(extractor, "When it comes to Venezuela, Colombian President Ivan Rojas has been cautious.")
    assert not [e for e in evs if e.type == "VISIT"]


@pytest.mark.parametrize("text,pair,status", [
    ("India-Pakistan talks resumed in Geneva on Monday, with India and Pakistan sending envoys.", {"IND", "PAK"},
     "occurred"),
    ("The Brazil-Argentina summit is set for next week, officials in Brazil and Argentina said.", {"BRA", "ARG"},
     "planned"),
])
def test_countries_joined_before_an_engagement_noun_are_its_parties(extractor, text, pair, status):
    meet = _one(extract(extractor, text), "MEET")
    assert {meet.source.country, meet.target.country} == pair and meet.status == status


@pytest.mark.parametrize("text,status", [
    ("Greek Prime Minister Nikos Pappas is on a three-day visit to Egypt.", "occurred"),
    ("Greek Prime Minister Nikos Pappas returned on Tuesday from a short trip to Cyprus.", "occurred"),
    ("Greek Prime Minister Nikos Pappas will be on a tour of Jordan next week.", "planned"),
])
def test_the_traveller_of_a_trip_noun_under_on_or_from_is_the_subject(extractor, text, status):
    visit = _one(extract(extractor, text), "VISIT")
    assert visit.source.name == "Nikos Pappas" and visit.status == status


def test_a_call_received_from_someone_is_their_call(extractor):
    evs = extract(extractor, "Jordan's King Faisal Hamad received a call from Egyptian President Omar Nasser on Sunday. "
                             "Nasser also issued a call for calm.")
    calls = [e for e in evs if e.type == "CALL"]
    assert len(calls) == 1 and (calls[0].source.name, calls[0].target.name) == ("Omar Nasser", "Faisal Hamad")


@pytest.mark.parametrize("text,country", [
    ("Georgian President Nino Beridze arrived in Armenia on Monday.", "ARM"),
    ("Syrian Foreign Minister Sami Haddad arrived in Jordan on Monday.", "JOR"),
])
def test_a_country_name_is_the_country_not_a_namesake_town(extractor, text, country):
    visit = _one(extract(extractor, text), "VISIT")
    assert visit.target.country == country and visit.location.country == country


@pytest.mark.parametrize("text,status", [
    ("Serbian President Marko Ilic ruled out a meeting with Kosovo Prime Minister Arben Krasniqi.", "negated"),
    ("Serbian President Marko Ilic is seeking a meeting with Hungarian Prime Minister Gabor Toth.", "planned"),
    ("Serbian President Marko Ilic proposed talks with Hungarian Prime Minister Gabor Toth.", "planned"),
])
def test_ruling_out_or_seeking_a_meeting(extractor, text, status):
    assert _one(extract(extractor, text), "MEET").status == status


@pytest.mark.parametrize("text", [
    "Serbian President Marko Ilic called for talks with Hungary.",
    "Serbian President Marko Ilic pressed for a summit with Hungarian Prime Minister Gabor Toth.",
])
def test_an_appeal_for_talks_is_no_meeting(extractor, text):
    assert not [e for e in extract(extractor, text) if e.type == "MEET"]


@pytest.mark.parametrize("text,host", [
    ("Vietnamese President Tran Long met with visiting Lao President Somsak Vong in Hanoi on Monday.", "VNM"),
    ("Thai Prime Minister Somchai Rattana held talks with the visiting Cambodian Prime Minister Hun Sok on Monday.",
     "THA"),
])
def test_the_visiting_guest_is_the_traveller(extractor, text, host):
    visits = [e for e in extract(extractor, text) if e.type == "VISIT"]
    assert len(visits) == 1 and visits[0].target.country == host
    assert visits[0].source.name in ("Somsak Vong", "Hun Sok")


@pytest.mark.parametrize("text,etype", [
    ("Indonesian President Budi Santoso sent a congratulatory message to Malaysian Prime Minister Aziz Rahman.",
     "PRAISE"),
    ("Indonesian President Budi Santoso sent a condolence letter to Malaysian Prime Minister Aziz Rahman.", "CONDOLE"),
])
def test_a_message_its_modifier_qualifies(extractor, text, etype):
    ev = _one(extract(extractor, text), etype)
    assert (ev.source.name, ev.target.name) == ("Budi Santoso", "Aziz Rahman")


def test_a_meeting_held_by_video_link_is_a_call(extractor):
    evs = extract(extractor, "Chilean President Rosa Ibanez and Peruvian President Ana Quispe held a meeting via video "
                             "link on Monday.")
    assert [e.type for e in evs if e.type in ("MEET", "CALL")] == ["CALL"]


@pytest.mark.parametrize("text", [
    "Diplomats say a meeting between Indian Prime Minister Ravi Mehta and Chinese President Li Wei is unlikely.",
    "A summit between Indian Prime Minister Ravi Mehta and Chinese President Li Wei would be a turning point.",
])
def test_a_judgement_of_chances_is_hypothetical(extractor, text):
    assert _one(extract(extractor, text), "MEET").status == "hypothetical"


def test_since_a_year_does_not_date_the_meeting(extractor):
    evs = extract(extractor, "Indian Prime Minister Ravi Mehta's meeting with Chinese President Li Wei, the first since "
                             "2019, lasted two hours.")
    meet = _one(evs, "MEET")
    assert meet.date is None or meet.date.start[:4] == "2026"


@pytest.mark.parametrize("text,etype", [
    ("Egyptian President Omar Nasser hosted a dinner for Saudi Crown Prince Faisal Saud on Monday.", "HOST"),
    ("Egyptian President Omar Nasser held a bilateral with Saudi Crown Prince Faisal Saud on Monday.", "MEET"),
])
def test_a_dinner_for_a_guest_and_a_bilateral(extractor, text, etype):
    ev = _one(extract(extractor, text), etype)
    assert {ev.source.country, ev.target.country} == {"EGY", "SAU"}


def test_signers_named_later_in_the_sentence_and_sign_one(extractor):
    evs = extract(extractor, "Kenyan President Paul Otieno arrived in Dodoma on Monday. No treaty was signed on Tuesday; "
                             "Tanzanian President Asha Mrema and Otieno said they intend to sign one next year.")
    signs = {e.status: e for e in evs if e.type == "SIGN"}
    assert set(signs) == {"negated", "planned"}
    for sign in signs.values():
        assert {sign.source.name, sign.target.name} == {"Paul Otieno", "Asha Mrema"}
    assert not [e for e in extract(extractor, "Kenyan President Paul Otieno said he would sign it.") if e.type == "SIGN"]


def test_hopes_to_resolve_during_talks_is_planned(extractor):
    evs = extract(extractor, "Kenya hopes to settle the dispute during talks Tuesday with Somali officials in Nairobi, "
                             "Kenyan Foreign Minister Amina Wanjiru said Monday.")
    meet = _one(evs, "MEET")
    assert meet.status == "planned" and meet.date.start == "2026-05-19"


def test_holding_a_summit_would_be_is_hypothetical(extractor):
    evs = extract(extractor, "Holding a summit with Chinese President Li Wei next month would be a bold step for Indian "
                             "Prime Minister Ravi Mehta.")
    assert all(e.status == "hypothetical" for e in evs if e.type == "MEET")


def test_a_joint_news_conference_with_a_foreign_minister_is_a_meeting(extractor):
    evs = extract(extractor, "Canadian Defence Minister Paul Roy told reporters during a news conference in Ottawa "
                             "Monday with French Minister of Armed Forces Claire Morel that the plan was sound.")
    meet = _one(evs, "MEET")
    assert (meet.source.name, meet.target.name) == ("Paul Roy", "Claire Morel")
    evs = extract(extractor, "Canadian Defence Minister Paul Roy spoke at a joint news conference with Dutch Defence "
                             "Minister Eva Smit on Monday.")
    assert {_one(evs, "MEET").target.country, _one(evs, "MEET").source.country} == {"CAN", "NLD"}
    assert not [e for e in extract(extractor, "Canadian Defence Minister Paul Roy told a news conference in Ottawa "
                                              "on Monday that the plan was sound.") if e.type == "MEET"]


def test_an_agreement_signed_by_two_countries(extractor):
    evs = extract(extractor, "The African Union praised the accord signed by Ethiopia and Eritrea on Monday.")
    sign = _one(evs, "SIGN")
    assert {sign.source.country, sign.target.country} == {"ETH", "ERI"}


def test_calling_on_a_person_is_a_courtesy_meeting_not_an_appeal(extractor):
    doc = extractor.process(Document(id="cc", published=PUBLISHED, raw_text=(
        "Indian Foreign Secretary Vikram Misri called on Sri Lankan President Anura Kumara Dissanayake in Colombo "
        "on Tuesday. Canadian Foreign Minister Anita Anand called upon Japanese Prime Minister Shigeru "
        "Ishiba at his office.")))
    meets = [e for e in doc.events if e.type == "MEET"]
    assert {(e.source.country, e.target.country) for e in meets} >= {("IND", "LKA")}
    assert len(meets) == 2
    assert not [e for e in doc.events if e.type == "REQUEST"]       # the same words are no appeal


def test_calling_on_someone_to_act_stays_an_appeal(extractor):
    evs = extract(extractor, "Nigerian President Bola Tinubu called on Niger's junta leader Abdourahamane Tiani "
                             "to release the detained president. The bloc called upon Mali for restraint.")
    assert not [e for e in evs if e.type == "MEET"]


def test_leaving_a_capital_for_another_is_a_trip_to_the_second(extractor):
    evs = extract(extractor, "Ghanaian President John Mahama departed Accra on Monday for Abidjan. "
                             "Chilean President Gabriel Boric left Santiago on Sunday for Lima.")
    visits = {(e.source.country, e.target.country) for e in evs if e.type == "VISIT"}
    assert visits == {("GHA", "CIV"), ("CHL", "PER")}


def test_a_received_phone_call_is_one_call_and_no_second_event(extractor):
    doc = extractor.process(Document(id="rc", published=PUBLISHED, raw_text=(
        "Qatari Emir Sheikh Tamim bin Hamad Al Thani received a phone call from Iranian President Masoud "
        "Pezeshkian on Wednesday.")))
    assert [(e.type, e.source.country, e.target.country) for e in doc.events] == [("CALL", "IRN", "QAT")]


def test_two_titled_people_joined_by_and_meet_even_when_the_parse_nests_one_name(extractor):
    evs = extract(extractor, "On Monday Turkish Foreign Minister Hakan Fidan and Azerbaijani Foreign Minister "
                             "Jeyhun Bayramov held talks in Baku. On Friday Kenyan Foreign Minister Musalia Mudavadi "
                             "and Ethiopian Foreign Minister Gedion Timothewos held talks in Nairobi.")
    pairs = {frozenset((e.source.country, e.target.country)) for e in evs if e.type == "MEET"}
    assert pairs == {frozenset(("TUR", "AZE")), frozenset(("KEN", "ETH"))}


def test_an_arrival_with_no_place_is_at_the_dateline_city(extractor):
    evs = extract(extractor, "DOHA, Qatar — Rwandan President Paul Kagame arrived on Sunday for talks with the emir. "
                             "Congolese President Felix Tshisekedi arrived late last night.")
    assert {(e.source.country, e.target.country) for e in evs if e.type == "VISIT"} == {("RWA", "QAT"),
                                                                                        ("COD", "QAT")}
    assert not [e for e in extract(extractor, "Rwandan President Paul Kagame arrived on Sunday for talks.")
                if e.type == "VISIT"]


def test_a_coordination_hung_on_a_first_name_still_gives_both_people(extractor):
    """The parse may make a first name the subject and hang the second person on the surname."""
    doc = extractor.process(Document(id="bn", published="2014-03-03", raw_text=(
        "Barack Obama and David Cameron will meet in London next week.")))
    meets = [e for e in doc.events if e.type == "MEET"]
    assert [(e.source.country, e.target.country, e.status) for e in meets] == [("USA", "GBR", "planned")]


def test_a_trip_before_a_deadline_is_dated_from_today_to_the_deadline(extractor):
    evs = extract(extractor, "Peruvian President Dina Boluarte could travel to Bolivia before the end of the year.")
    visit = _one(evs, "VISIT")
    assert (visit.status, visit.date.start, visit.date.end) == ("hypothetical", PUBLISHED, "2026-12-31")


def test_thanks_and_an_invitation_on_a_dated_trip_take_the_trip_day(extractor):
    doc = extractor.process(Document(id="trip", published=PUBLISHED, raw_text=(
        "Irish Foreign Minister Simon Harris flew into Lisbon on Tuesday for talks on migration.\n\n"
        "Harris praised Portugal for its work on Atlantic fisheries.\n\n"
        "Portuguese Foreign Minister Paulo Rangel also invited Harris to return in the autumn.")))
    got = {e.type: e for e in doc.events}
    assert got["VISIT"].date.start == "2026-05-12"
    assert got["PRAISE"].date.start == "2026-05-12"
    assert got["INVITE"].date.start == "2026-05-12"


def test_a_call_received_with_its_day_before_the_caller_is_still_a_call(extractor):
    evs = extract(extractor, "Omani Foreign Minister Badr Albusaidi received a phone call on Tuesday from Japanese "
                             "Foreign Minister Takeshi Iwaya.")
    call = _one(evs, "CALL")
    assert (call.source.country, call.target.country, call.date.start) == ("JPN", "OMN", "2026-05-12")


def test_leaders_who_witness_a_signing_are_its_parties(extractor):
    evs = extract(extractor, "After the talks, Kenyan President William Ruto and Tanzanian President Samia Suluhu "
                             "Hassan witnessed the signing of six agreements.")
    sign = _one(evs, "SIGN")
    assert {sign.source.country, sign.target.country} == {"KEN", "TZA"}


@pytest.mark.parametrize("text,pair", [
    ("Kenyan President William Ruto, who is in Accra on a three-day state visit, spoke to reporters.", ("KEN", "GHA")),
    ("Mexican Foreign Minister Juan Ramon de la Fuente was in Ottawa on an official visit last week.", ("MEX", "CAN")),
])
def test_being_somewhere_on_a_visit_is_a_visit(extractor, text, pair):
    visit = _one(extract(extractor, text), "VISIT")
    assert (visit.source.country, visit.target.country, visit.status) == (*pair, "occurred")


def test_a_dated_stay_in_a_foreign_capital_is_a_visit(extractor):
    evs = extract(extractor, "Turkish Foreign Minister Hakan Fidan was in Cairo on Monday. "
                             "Norwegian Prime Minister Jonas Gahr Store was in Brussels less than two weeks ago.")
    visits = {(e.source.country, e.target.country, e.date.start if e.date else None)
              for e in evs if e.type == "VISIT"}
    assert ("TUR", "EGY", "2026-05-11") in visits
    assert any(v[:2] == ("NOR", "BEL") for v in visits)


def test_a_mood_or_a_home_city_is_no_visit(extractor):
    evs = extract(extractor, "French President Emmanuel Macron was in a good mood on Monday. "
                             "Brazilian President Lula was in Brasilia on Tuesday.")
    assert not [e for e in evs if e.type == "VISIT"]


def test_what_the_two_sides_discussed_after_a_call_was_said_on_that_call(extractor):
    evs = extract(extractor, "Indian External Affairs Minister S. Jaishankar spoke by phone on Tuesday with Saudi "
                             "Foreign Minister Prince Faisal bin Farhan. The two sides discussed shipping in the Red Sea.")
    assert [e.type for e in evs] == ["CALL"]


def test_looking_forward_to_welcoming_a_guest_on_a_visit_plans_his_trip(extractor):
    evs = extract(extractor, "Vietnam looks forward to welcoming Indonesian President Prabowo Subianto on a state "
                             "visit in August.")
    host, visit = _one(evs, "HOST"), _one(evs, "VISIT")
    assert (host.source.country, host.target.country, host.status) == ("VNM", "IDN", "planned")
    assert (visit.source.country, visit.target.country, visit.status) == ("IDN", "VNM", "planned")
    assert len([e for e in evs if e.type == "VISIT"]) == 1


@pytest.mark.parametrize("text,status", [
    ("Diplomats would not rule out talks between Kenyan President William Ruto and Tanzanian President Samia "
     "Suluhu Hassan.", "hypothetical"),
    ("Moscow has ruled out any meeting of Russian President Vladimir Putin with Ukrainian President Volodymyr "
     "Zelenskyy this year.", "negated"),
])
def test_not_ruling_out_a_meeting_leaves_it_possible(extractor, text, status):
    assert _one(extract(extractor, text), "MEET").status == status


def test_an_absence_from_a_gathering_named_just_before_is_a_trip_not_made(extractor):
    evs = extract(extractor, "The regional summit in Tashkent opened on Friday. "
                             "Omani Sultan Haitham bin Tarik did not attend.")
    visit = _one(evs, "VISIT")
    assert (visit.source.country, visit.target.country, visit.status) == ("OMN", "UZB", "negated")


def test_an_absence_with_no_gathering_named_is_no_event(extractor):
    assert not extract(extractor, "Kenyan President William Ruto did not attend, officials said.")


def test_a_blank_line_ends_a_sentence_so_a_pronoun_finds_the_next_paragraph_s_subject(extractor):
    """The parser may run a paragraph that ends in a quotation into the next one; the next paragraph's 'he' then
    finds the earlier paragraph's subject."""
    from communique.nlp import load_model

    text = ("Irish Prime Minister Micheal Martin praised Chile for its help, calling it \u201ca favour we will "
            "remember.\u201d\n\nEarlier in the week, Chilean President Gabriel Boric spent two days in Canberra. "
            "He held talks with Australian Prime Minister Anthony Albanese in Parliament House.")
    sents = [s.text.strip() for s in load_model()(text).sents]
    assert any(s.startswith("Earlier in the week") for s in sents)
    meet = _one(extract(extractor, text), "MEET")
    assert (meet.source.country, meet.target.country) == ("CHL", "AUS")


@pytest.mark.parametrize("text", [
    "In the stadium, Morocco and Peru met in a friendly that ended goalless.",
    "Brazil and Argentina met in the World Cup qualifier in Buenos Aires on Tuesday.",
])
def test_national_teams_meeting_in_a_match_is_no_engagement(extractor, text):
    doc = extractor.process(Document(id="sport", raw_text=text, published=PUBLISHED))
    assert not [e for e in doc.events if e.type in ("MEET", "CONSULT")]


def test_countries_meeting_to_talk_still_meet(extractor):
    assert _one(extract(extractor, "Brazil and Argentina met in Buenos Aires on Tuesday to discuss trade."), "MEET")


@pytest.mark.parametrize("text", [
    "Ethiopia and Eritrea say they are nearer than before to signing a border accord.",
    "Serbian President Aleksandar Vucic is close to signing a gas deal with Azerbaijan's Ilham Aliyev.",
])
def test_being_close_to_signing_is_not_a_signing(extractor, text):
    signings = [e for e in extract(extractor, text) if e.type == "SIGN"]
    assert signings and all(e.status == "hypothetical" for e in signings)


def test_an_undated_engagement_after_a_dated_one_by_the_same_person_is_that_day(extractor):
    doc = extractor.process(Document(id="story", published=PUBLISHED, raw_text=(
        "Canadian Prime Minister Mark Carney spoke by phone with Mexican President Claudia Sheinbaum on Tuesday.\n\n"
        "The call lasted an hour, officials said.\n\n"
        "Carney thanked Mexico for sending wildfire crews. Sheinbaum invited him to visit Mexico City.")))
    got = {e.type: e for e in doc.events}
    assert got["CALL"].date.start == "2026-05-12"
    assert got["PRAISE"].date.start == "2026-05-12"
    assert got["INVITE"].date.start == "2026-05-12"


def test_an_undated_engagement_of_other_people_keeps_the_publication_day(extractor):
    doc = extractor.process(Document(id="story2", published=PUBLISHED, raw_text=(
        "Canadian Prime Minister Mark Carney spoke by phone with Mexican President Claudia Sheinbaum on Tuesday.\n\n"
        "The call lasted an hour, officials said.\n\nKenyan President William Ruto thanked Ghana for its support.")))
    praise = next(e for e in doc.events if e.type == "PRAISE")
    assert praise.date.start == PUBLISHED


def test_a_protest_at_a_sports_event_is_still_a_protest(extractor):
    doc = extractor.process(Document(id="olymp", published=PUBLISHED, raw_text=(
        "Canadian and Australian activists protested in Tokyo on Friday before the Olympic opening ceremony.")))
    assert [e for e in doc.events if e.type == "PROTEST"]


def test_an_invitation_for_someone_to_visit_invites_him_and_plans_his_trip(extractor):
    evs = extract(extractor, "Ghanaian President John Mahama repeated his invitation for Kenyan President William "
                             "Ruto to visit Accra.")
    invite, visit = _one(evs, "INVITE"), _one(evs, "VISIT")
    assert (invite.source.country, invite.target.country) == ("GHA", "KEN")
    assert (visit.source.country, visit.target.country, visit.status) == ("KEN", "GHA", "planned")


def test_an_exchange_of_agreements_is_a_signing_and_an_exchange_of_fire_is_not(extractor):
    evs = extract(extractor, "Kenyan President William Ruto and Ethiopian Prime Minister Abiy Ahmed witnessed the "
                             "exchange of five memoranda of understanding. Indian and Chinese troops reported an "
                             "exchange of fire near the border.")
    assert [(e.type, e.source.country, e.target.country) for e in evs] == [("SIGN", "KEN", "ETH")]


def test_the_date_of_an_invited_visit_is_not_the_date_of_the_invitation(extractor):
    evs = extract(extractor, "Peruvian Foreign Minister Elmer Schialer on Monday invited Chilean Foreign Minister "
                             "Alberto van Klaveren to attend the Pacific Alliance meeting in Lima in August.")
    assert _one(evs, "INVITE").date.start == "2026-05-11"


def test_an_invitation_made_when_two_leaders_met_takes_that_time(extractor):
    evs = extract(extractor, "Bolivian President Luis Arce had invited Peruvian President Dina Boluarte to La Paz "
                             "when both leaders were in Brasilia last September.")
    invite = _one(evs, "INVITE")
    assert (invite.date.start, invite.date.end) == ("2025-09-01", "2025-09-30")


def test_what_is_praised_does_not_date_the_praise(extractor):
    evs = extract(extractor, "Senegalese President Bassirou Diomaye Faye commended Ghana on Tuesday for the "
                             "peaceful transfer of power in January.")
    assert _one(evs, "PRAISE").date.start == "2026-05-12"


@pytest.mark.parametrize("text,pair,status", [
    ("Kenyan Foreign Minister Musalia Mudavadi led a delegation to Beijing last week.", ("KEN", "CHN"), "occurred"),
    ("Nigerian Vice President Kashim Shettima is leading Nigeria's delegation to the summit in Addis Ababa.",
     ("NGA", "ETH"), "occurred"),
    ("Omani Foreign Minister Badr Albusaidi will head Oman's delegation to the water forum in Cairo next month.",
     ("OMN", "EGY"), "planned"),
])
def test_leading_a_delegation_abroad_is_a_trip(extractor, text, pair, status):
    visit = _one(extract(extractor, text), "VISIT")
    assert (visit.source.country, visit.target.country, visit.status) == (*pair, status)


def test_leading_a_team_at_home_is_no_trip(extractor):
    assert not extract(extractor, "Kenyan Foreign Minister Musalia Mudavadi led the Kenyan delegation in Nairobi.")
