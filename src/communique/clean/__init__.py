"""Cleaning: recover the title and the article body from scraped page text."""
from communique.clean.document import clean_document  # noqa: F401
from communique.clean.scraped import CleanResult, clean_scraped_text  # noqa: F401
