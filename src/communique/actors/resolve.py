from __future__ import annotations


def resolve_actors(doc, sdoc):
    doc.actors = []
    return doc
