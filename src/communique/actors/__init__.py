"""Actors: every person, organisation and country in a document, clustered and coded."""
from communique.actors.resolve import resolve_actors  # noqa: F401
