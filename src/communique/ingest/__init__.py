"""Readers: turn paths, stdin, JSONL records and HTML pages into :class:`Document` objects.

Every reader yields documents and never raises for bad input: an unreadable
file becomes an error document so the batch goes on and nothing is lost.
"""
from communique.ingest.readers import read_bytes, read_path, read_paths  # noqa: F401
