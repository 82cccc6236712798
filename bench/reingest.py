"""Re-ingesting an unchanged corpus against the first ingest, and ``communique search`` start-up.

    python bench/reingest.py [CORPUS ...]          # default: the VOA stories in ../shared

The first ``communique ingest`` extracts every document; the second must find
each input already stored (same id, same input hash) before any parsing, so
its time is start-up plus reading and hashing. Prints both times and the ratio,
then the median wall time of ``communique search`` (a read path that must not
load the extraction or near-duplicate libraries).
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(cmd: list[str]) -> tuple[float, str]:
    t = time.perf_counter()
    run = subprocess.run(cmd, capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {run.stderr[-500:]}")
    return time.perf_counter() - t, run.stderr.strip().splitlines()[-1] if run.stderr.strip() else ""


def cli() -> str:
    """The console script beside this interpreter (not a version manager's shim, which adds its own start-up)."""
    beside = Path(sys.executable).parent / "communique"
    return str(beside) if beside.exists() else "communique"


def main() -> None:
    corpus = sys.argv[1:] or [str(ROOT.parent / "shared" / "corpora" / "voa-unlabeled")]
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "c.db")
        ingest = [cli(), "ingest", *corpus, "--db", db, "--quiet"]
        first, line1 = timed(ingest)
        again, line2 = timed(ingest)
        print(f"first ingest  {first:7.2f} s  ({line1})")
        print(f"re-ingest     {again:7.2f} s  ({line2})")
        print(f"re-ingest is {first / again:.1f}× faster than the first ingest")
        runs, bare = [], []
        for _ in range(7):
            t, _ = timed([cli(), "search", "president visit", "--db", db, "--format", "jsonl"])
            runs.append(t)
            bare.append(timed([sys.executable, "-c", "pass"])[0])
        print(f"communique search start-to-answer: median {statistics.median(runs):.3f} s, best {min(runs):.3f} s "
              f"over {len(runs)} runs (a bare Python start here: median {statistics.median(bare):.3f} s)")


if __name__ == "__main__":
    main()
