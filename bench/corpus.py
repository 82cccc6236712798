"""A generated corpus of news-like English stories for throughput benchmarks.

Why generated: a benchmark must run anywhere without data files, and its size
must be a knob. Stories are built from templates and word lists written for
this file (people, titles, countries, capitals, diplomatic verbs, quotes,
dates), so the pipeline does the same kind of work it does on real wires:
named people with roles, countries by name, demonym and capital, quotations
and relative dates. Deterministic for a given seed.

    python bench/corpus.py --docs 2000 -o corpus.jsonl
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from typing import Iterator

# (country, demonym, capital)
COUNTRIES = [
    ("Kazakhstan", "Kazakh", "Astana"), ("Uzbekistan", "Uzbek", "Tashkent"), ("Russia", "Russian", "Moscow"),
    ("China", "Chinese", "Beijing"), ("Japan", "Japanese", "Tokyo"), ("India", "Indian", "New Delhi"),
    ("Brazil", "Brazilian", "Brasilia"), ("Argentina", "Argentine", "Buenos Aires"), ("Kenya", "Kenyan", "Nairobi"),
    ("Nigeria", "Nigerian", "Abuja"), ("Egypt", "Egyptian", "Cairo"), ("Turkey", "Turkish", "Ankara"),
    ("Germany", "German", "Berlin"), ("France", "French", "Paris"), ("Poland", "Polish", "Warsaw"),
    ("Ukraine", "Ukrainian", "Kyiv"), ("Canada", "Canadian", "Ottawa"), ("Mexico", "Mexican", "Mexico City"),
    ("Indonesia", "Indonesian", "Jakarta"), ("Vietnam", "Vietnamese", "Hanoi"), ("Australia", "Australian", "Canberra"),
    ("South Africa", "South African", "Pretoria"), ("Chile", "Chilean", "Santiago"), ("Norway", "Norwegian", "Oslo"),
    ("Pakistan", "Pakistani", "Islamabad"), ("Iran", "Iranian", "Tehran"), ("Saudi Arabia", "Saudi", "Riyadh"),
    ("Ethiopia", "Ethiopian", "Addis Ababa"), ("Peru", "Peruvian", "Lima"), ("Mongolia", "Mongolian", "Ulaanbaatar"),
]
FIRST = ["Amir", "Elena", "Tomas", "Aigerim", "Rafael", "Ngozi", "Kenji", "Priya", "Lukas", "Fatima", "Dmitri",
         "Sofia", "Chen", "Ibrahim", "Marta", "Oleksandr", "Yuki", "Carlos", "Leila", "Henrik", "Ana", "Samuel",
         "Bolat", "Ines", "Tariq", "Mei", "Jonas", "Zainab", "Pavel", "Lucia"]
LAST = ["Serikbayev", "Morales", "Novak", "Okafor", "Tanaka", "Raman", "Keller", "Haddad", "Volkov", "Ruiz",
        "Wang", "Mensah", "Kowalski", "Bondarenko", "Sato", "Ferreira", "Nazari", "Lindqvist", "Mbeki", "Duarte",
        "Abenov", "Castillo", "Yilmaz", "Nguyen", "Petrov", "Osei", "Larsen", "Quispe", "Batbayar", "Moreau"]
TITLES = ["President", "Prime Minister", "Foreign Minister", "Defence Minister", "Trade Minister",
          "Deputy Foreign Minister", "Energy Minister", "ambassador", "Finance Minister", "Speaker of Parliament"]
OUTLETS = ["The Meridian Post", "Continental Wire", "The Daily Ledger", "Harbour Times", "Steppe Review"]
TOPICS = ["energy cooperation", "border security", "grain exports", "a new rail corridor", "water sharing",
          "visa-free travel", "investment protection", "climate finance", "nuclear safety", "fisheries quotas",
          "cyber security", "debt relief", "a free trade zone", "customs procedures", "space research"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

EVENT_SENTENCES = [
    "{demA} {titleA} {nameA} met {titleB} {nameB} of {countryB} in {capitalA} on {day} to discuss {topic}.",
    "{nameA}, {countryA}'s {titleA_l}, arrived in {capitalB} on {day} for a two-day official visit.",
    "The two sides signed an agreement on {topic}, according to a statement from {capitalA}.",
    "{demB} {titleB} {nameB} held a telephone call with {titleA} {nameA} on {day}, the ministry in {capitalB} said.",
    "{countryA} accused {countryB} of violating an earlier deal on {topic} and summoned the {demB} ambassador.",
    "{capitalB} rejected the accusations and called them an attempt to distract from domestic problems.",
    "{countryA} announced sanctions against several {demB} companies involved in {topic}.",
    "{titleA} {nameA} invited {nameB} to visit {capitalA} later this year, and the invitation was accepted.",
    "{countryB} pledged {amount} million dollars in aid to {countryA} after floods in the north of the country.",
    "Officials in {capitalA} and {capitalB} agreed to set up a joint commission on {topic}.",
    "{countryA} and {countryB} held joint military exercises near the border on {day}.",
    "The {demA} government praised {countryB} for its support and thanked {titleB} {nameB} personally.",
    "Protesters gathered outside the {demB} embassy in {capitalA} to demand an end to {topic} talks.",
    "{titleB} {nameB} said {countryB} was ready to resume negotiations on {topic} next month.",
]
QUOTE_SENTENCES = [
    "\"We have opened a new chapter in our relations,\" {nameA} told reporters after the talks.",
    "\"{countryB} remains a reliable partner, and we expect concrete results on {topic},\" {nameB} said.",
    "\"This decision is unacceptable and we will respond,\" the {demB} {titleB_l} said in a statement.",
    "\"Nobody gains from confrontation,\" {nameA} said, adding that dialogue would continue.",
]
FILLER = [
    "Trade between the two countries reached {amount} billion dollars last year, official figures show.",
    "Analysts said the meeting reflected a wider effort to diversify supply routes across the region.",
    "The talks came weeks after a dispute over tariffs strained relations between the neighbours.",
    "Opposition lawmakers criticised the government for failing to publish the text of the agreement.",
    "Markets reacted calmly, with the national currency little changed against the dollar.",
    "Both delegations included business leaders from the mining, banking and transport sectors.",
    "Diplomats said a follow-up meeting could take place at a regional summit in the autumn.",
    "The ministry did not say how long the new arrangement would remain in force.",
    "Earlier this year, the two governments exchanged notes on the treatment of migrant workers.",
    "Experts warned that implementation would depend on funding that has not yet been approved.",
]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def story(rng: random.Random, n: int, start: dt.date) -> dict:
    """One story: a headline, a dateline lede, event and quote sentences, background paragraphs."""
    (ca, da, capa), (cb, dbm, capb) = rng.sample(COUNTRIES, 2)
    ta, tb = rng.choice(TITLES), rng.choice(TITLES)
    na, nb = _person(rng), _person(rng)
    day = start + dt.timedelta(days=rng.randrange(365))
    slots = dict(countryA=ca, demA=da, capitalA=capa, countryB=cb, demB=dbm, capitalB=capb,
                 titleA=ta, titleB=tb, titleA_l=ta.lower(), titleB_l=tb.lower(), nameA=na, nameB=nb,
                 day=rng.choice(WEEKDAYS), topic=rng.choice(TOPICS))
    paragraphs = []
    for _ in range(rng.randint(4, 9)):
        sentences = [rng.choice(EVENT_SENTENCES)]
        if rng.random() < 0.6:
            sentences.append(rng.choice(QUOTE_SENTENCES))
        sentences += rng.sample(FILLER, rng.randint(1, 3))
        paragraphs.append(" ".join(s.format(amount=rng.randint(2, 900), **slots) for s in sentences))
    dateline = f"{capa.upper()}, {day:%B} {day.day} ({rng.choice(['Wire', 'Staff', 'Agencies'])}) -- "
    title = f"{da} and {dbm} officials discuss {slots['topic']}"
    return {"id": f"gen-{n:06d}", "title": title, "published": day.isoformat(), "outlet": rng.choice(OUTLETS),
            "text": dateline + "\n\n".join(paragraphs)}


def generate(docs: int, seed: int = 7) -> Iterator[dict]:
    rng = random.Random(seed)
    start = dt.date(2025, 1, 1)
    for n in range(docs):
        yield story(rng, n, start)


def write_corpus(path: str, docs: int, seed: int = 7) -> str:
    with open(path, "w", encoding="utf-8") as fh:
        for rec in generate(docs, seed):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("-o", "--output", default="-")
    args = ap.parse_args(argv)
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    for rec in generate(args.docs, args.seed):
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
