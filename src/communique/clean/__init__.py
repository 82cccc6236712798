"""Cleaning: recover the title and the article body from scraped page text."""
from communique.clean.scraped import clean_document  # noqa: F401
