#!/usr/bin/env python3
"""Run extract_plover_events over the PLOVER GSR records (text + published only) and write doc records.

usage: plover_eval.py RECORDS.jsonl OUT.jsonl
"""
import json
import sys

from communique.events.plover import extract_plover_events
from communique.model import Document
from communique.nlp import load_model


def main(src, dst):
    nlp = load_model()
    recs = [json.loads(l) for l in open(src) if l.strip()]
    docs = [Document(id=r["id"], text=r["text"], published=r.get("published")) for r in recs]
    with open(dst, "w") as out:
        for doc, sdoc in zip(docs, nlp.pipe([d.text for d in docs], batch_size=64)):
            doc.events = extract_plover_events(doc, sdoc)
            out.write(json.dumps(doc.to_dict()) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
