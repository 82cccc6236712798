from __future__ import annotations


def extract_events(doc, sdoc):
    return []
