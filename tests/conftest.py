"""Shared fixtures: the spaCy pipeline once per session, and paths to ../shared when present."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def extractor():
    from communique.pipeline import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def shared_dir():
    if not (SHARED / "eval").is_dir():
        pytest.skip("../shared is not beside this checkout; evaluation tests skipped")
    return SHARED
