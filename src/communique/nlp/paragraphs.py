"""A blank line ends a sentence: the parser may join a paragraph's last words to the next paragraph's first
("... you do not forget.\u201d" + blank line + "Earlier in the week, X ..."), and a sentence that spans two
paragraphs mixes their subjects, dates and quotations."""
from __future__ import annotations

from spacy.language import Language

from communique.nlp import PARAGRAPH_COMPONENT


@Language.component(PARAGRAPH_COMPONENT)
def paragraph_breaks(doc):
    """Mark the first word after a blank line as a sentence start (the parser keeps preset starts)."""
    for tok in doc[:-1]:
        if (tok.is_space and tok.text.count("\n") >= 2) or tok.whitespace_.count("\n") >= 2:
            nxt = doc[tok.i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
    return doc
