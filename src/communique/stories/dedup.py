"""Near-duplicate detection: MinHash signatures over word shingles, banded for LSH.

The same article syndicated or re-scraped with other page chrome differs only
at its edges, so its word 5-shingles overlap heavily with the original's.
Band hashes (32 bands × 4 rows) are stored in the database, which makes the LSH
index persistent and queryable with one indexed lookup, with no rebuild on open.
Candidates are then confirmed on their exact shingle overlap (see
:func:`is_same_article`).
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from typing import Iterable

import numpy as np

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS            # 4: candidate probability ~0.9998 at Jaccard 0.7, 0.87 at 0.5, 0.03 at 0.3
SHINGLE = 5
_SEED = 1                           # fixed: signatures must be comparable across runs

_WORD = re.compile(r"\w+", re.UNICODE)


def normalise_text(text: str) -> str:
    """Lower-cased words joined by single spaces: the form both hashes are computed on."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    return " ".join(_WORD.findall(text))


def content_hash(text: str) -> str:
    """Exact-duplicate key: SHA-1 of the normalised text."""
    return hashlib.sha1(normalise_text(text).encode("utf-8")).hexdigest()


def shingles(normalised: str, k: int = SHINGLE) -> set[bytes]:
    words = normalised.split()
    if len(words) <= k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


@lru_cache(maxsize=1)
def _template() -> dict:
    """Permutations are costly to draw; draw them once (same seed, so same signatures)."""
    from datasketch import MinHash      # imported here: read-only commands never pay for it

    m = MinHash(num_perm=NUM_PERM, seed=_SEED)
    return {"permutations": m.permutations, **({"scheme": m.scheme} if hasattr(m, "scheme") else {})}


def signature(normalised: str) -> np.ndarray:
    """MinHash signature (``NUM_PERM`` uint64 values) of a normalised text."""
    return signature_and_size(normalised)[0]


def signature_and_size(normalised: str) -> tuple[np.ndarray, int]:
    """The signature and the number of distinct shingles it was drawn from (for containment estimates)."""
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, seed=_SEED, **_template())
    sh = shingles(normalised)
    if sh:
        m.update_batch(list(sh))
    return m.hashvalues.astype(np.uint64), len(sh)


def containment(jac: float, n_a: int, n_b: int) -> float:
    """Estimated share of the smaller shingle set inside the larger, from Jaccard and the two set sizes.

    |A∩B| = J·(|A|+|B|)/(1+J), so stored signatures and sizes suffice; no text is re-read.
    """
    if not n_a or not n_b:
        return 0.0
    inter = jac * (n_a + n_b) / (1.0 + jac)
    return min(1.0, inter / min(n_a, n_b))


def signature_bytes(sig: np.ndarray) -> bytes:
    return np.asarray(sig, dtype="<u8").tobytes()


def signature_from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u8").astype(np.uint64)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


def band_hashes(sig: np.ndarray) -> list[int]:
    """One signed 63-bit hash per band (fits an SQLite INTEGER)."""
    raw = np.asarray(sig, dtype="<u8")
    out = []
    for b in range(BANDS):
        digest = hashlib.blake2b(raw[b * ROWS:(b + 1) * ROWS].tobytes(), digest_size=8).digest()
        out.append(int.from_bytes(digest, "little", signed=True))
    return out


def overlap(a: set, b: set) -> tuple[float, float]:
    """Exact (Jaccard, containment of the smaller in the larger) of two shingle sets."""
    if not a or not b:
        return 0.0, 0.0
    inter = len(a & b)
    return inter / len(a | b), inter / min(len(a), len(b))


def is_same_article(jac: float, containment: float, threshold: float = 0.7) -> bool:
    """Same article: most shingles shared, or one text inside the other with only page chrome around it.

    Containment alone would fold a short brief into a roundup quoting it, so it
    also needs a fair Jaccard.
    """
    return jac >= threshold or (containment >= 0.9 and jac >= 0.4)


def best_match(normalised: str, candidates: Iterable[tuple[int, str]], threshold: float = 0.7):
    """The candidate (rowid, Jaccard) that is the same article as ``normalised``, most similar first, else None."""
    mine = shingles(normalised)
    best = None
    for rowid, other in candidates:
        jac, cont = overlap(mine, shingles(normalise_text(other)))
        if is_same_article(jac, cont, threshold) and (best is None or jac > best[1]):
            best = (rowid, jac)
    return best
