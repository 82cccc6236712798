"""Quotes: direct and partial quotations with their speakers."""
from communique.quotes.extract import extract_quotes  # noqa: F401
