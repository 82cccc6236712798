"""Measuring Communique: gold documents, article bodies and PLOVER event typing.

Used by ``communique eval``; each scorer takes plain output records
(``Document.to_dict()``) so it can score this build or any earlier JSONL file.
"""
from communique.evaluation.body import score_bodies  # noqa: F401
from communique.evaluation.gold import load_gold, score_gold  # noqa: F401
from communique.evaluation.plover import score_plover  # noqa: F401
