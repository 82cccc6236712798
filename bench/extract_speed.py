"""Documents per second: spaCy's bare ``nlp.pipe`` next to the whole Communique extraction, one process.

Over the real stories in ``../shared/corpora/voa-unlabeled/docs.jsonl`` when
that folder is beside the checkout (read at run time, never copied), else over
generated stories (``bench/corpus.py``). Both rows see the same records; the
model is loaded and warmed before either clock starts.

    python bench/extract_speed.py [--docs N] [--input FILE.jsonl] [--repeat 2]
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from pathlib import Path

from common import ROOT, Row, bare_parse, count_words, drain, machine_line, print_table, timed, warm_model

REAL = ROOT.parent / "shared" / "corpora" / "voa-unlabeled" / "docs.jsonl"


def pick_input(arg_input, docs, tmp: Path) -> tuple[str, str]:
    if arg_input:
        return arg_input, Path(arg_input).name
    if REAL.is_file():
        return str(REAL), f"real stories ({REAL.relative_to(ROOT.parent)})"
    from corpus import write_corpus

    return write_corpus(str(tmp / "generated.jsonl"), docs or 200), "generated stories (bench/corpus.py)"


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", help="a JSON Lines file of records with 'text' (default: see above)")
    ap.add_argument("--docs", type=int, default=0, help="use only the first N records (0 = all)")
    ap.add_argument("--repeat", type=int, default=2, help="timed passes per row; the fastest is reported")
    ap.add_argument("--model", default=None)
    args = ap.parse_args(argv)

    from communique.engines.sources import read_sources
    from communique.pipeline import Extractor

    with tempfile.TemporaryDirectory() as tmp:
        path, what = pick_input(args.input, args.docs, Path(tmp))
        if args.docs:  # the first N records, same for both rows
            cut = Path(tmp) / "cut.jsonl"
            with open(path, encoding="utf-8") as src, open(cut, "w", encoding="utf-8") as dst:
                dst.writelines(itertools.islice(src, args.docs))
            path = str(cut)
        texts = [json.loads(line).get("text") or "" for line in open(path, encoding="utf-8") if line.strip()]
        words = count_words(texts)
        nlp = warm_model(args.model)
        extractor = Extractor(model=args.model)
        list(extractor.pipe(itertools.islice(read_sources([path]), 3)))  # warm every stage's lazy data

        runs = {"spaCy nlp.pipe (bare parse)": lambda: bare_parse(texts, args.model),
                "Communique extraction (read+clean+parse+actors+events+quotes+JSON)":
                    lambda: drain(extractor.pipe(read_sources([path])))}
        passes: dict[str, list[Row]] = {label: [] for label in runs}
        for _ in range(max(1, args.repeat)):  # interleaved, so a burst of load on a shared machine hits both
            for label, run in runs.items():
                passes[label].append(timed(label, run, words))
        bare, full = (min(rows, key=lambda r: r.seconds) for rows in passes.values())
        print(f"extract_speed over {len(texts)} {what}, {words} words; {machine_line(nlp)}; best of {args.repeat}")
        print_table([bare, full], bare)
        print(f"Communique runs at {full.docs_per_s / bare.docs_per_s:.2f}x the speed of the bare parse "
              f"({bare.docs_per_s / full.docs_per_s:.1f}x slower).")


if __name__ == "__main__":
    sys.exit(main())
