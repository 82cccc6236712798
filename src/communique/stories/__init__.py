"""Cross-document linking: near-duplicate articles, actor identity and event coreference.

Pure functions only; :mod:`communique.store` decides when to call them and
persists what they produce, so every rule here can be tested without a database.
"""
from communique.stories.events import (  # noqa: F401
    combined_confidence, event_family, events_compatible,
)
from communique.stories.names import actor_key_parts, fold, name_key, translit  # noqa: F401

_DEDUP = {"BANDS", "NUM_PERM", "band_hashes", "content_hash", "jaccard", "normalise_text", "signature",
          "signature_bytes", "signature_from_bytes"}


def __getattr__(name):
    """The dedup helpers load numpy and datasketch; import them only when asked for (reads never need them)."""
    if name in _DEDUP:
        from communique.stories import dedup

        return getattr(dedup, name)
    raise AttributeError(name)
