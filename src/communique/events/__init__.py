"""Events: diplomatic engagements and PLOVER events, each tied to its evidence sentence.

``extract_events`` is imported on first use, so that light modules of this package (``options``) can be
read by the command line without loading spaCy.
"""


def __getattr__(name):
    if name == "extract_events":
        from communique.events.extract import extract_events

        return extract_events
    raise AttributeError(f"module 'communique.events' has no attribute {name!r}")
