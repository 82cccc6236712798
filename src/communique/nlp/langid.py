"""Language identification with py3langid, whose model ships inside the package."""
from __future__ import annotations

import functools
import re

_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, sample: int = 4000) -> tuple[str | None, float]:
    """ISO 639-1 code and probability; ``(None, 0.0)`` for text with no letters.

    Only the first ``sample`` characters are read: enough to decide and keeps
    the cost flat for huge pages.
    """
    chunk = text[:sample]
    if len(_LETTERS.findall(chunk)) < 3:
        return None, 0.0
    lang, prob = _identifier().classify(chunk)
    return lang, float(prob)
