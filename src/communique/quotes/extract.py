from __future__ import annotations


def extract_quotes(doc, sdoc):
    return []
