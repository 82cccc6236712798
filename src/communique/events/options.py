"""How events are coded: rules, the trained model, or both, and the confidence floor."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

MODES = ("combined", "rules", "model")


@dataclass(frozen=True)
class EventOptions:
    """``mode``: "combined" (rules for diplomatic engagements, the model for what they miss and for the PLOVER
    types), "rules" or "model". ``event_model``: a folder made by ``communique train`` (default: the bundled
    model). ``min_confidence``: events below it are dropped. ``plover_rules``: also run the older PLOVER
    trigger rules (off by default: on hand-judged samples they were mostly wrong about the sides).
    ``min_model_diplomatic``: in combined mode the model adds a diplomatic event the rules missed only at
    this confidence or above."""

    mode: str = "combined"
    event_model: Optional[str] = None
    min_confidence: float = 0.0
    plover_rules: bool = False
    min_model_diplomatic: float = 0.8

    def __post_init__(self):
        if self.mode not in MODES:
            raise ValueError(f"unknown event mode {self.mode!r}: use one of {', '.join(MODES)}")

    def coder(self):
        from communique.events.learned import load_coder

        return load_coder(self.event_model)
