"""Events: diplomatic engagements and PLOVER events, each tied to its evidence sentence."""
from communique.events.extract import extract_events  # noqa: F401
