"""Throughput side by side: bare spaCy parse, ``communique extract`` on 1 and 2 workers, Ray with 2 actors.

Over a generated corpus (``bench/corpus.py``, default 2,000 news-like
stories) so the size is a knob and no data files are needed. Every row reads
the same JSON Lines file; each prints docs/s, words/s and its ratio to the
bare parse.

What each clock covers:

- bare parse: ``nlp.pipe`` over the texts in this process, model already loaded,
  run first and again last (the faster is the baseline: load drifts on a shared machine);
- extract, 1 worker: read + clean + language + parse + actors/events/quotes +
  JSON serialisation, in this process, model already loaded;
- extract, N workers: the same through the process pool, *including* starting
  the workers and loading the model in each (what a user waits for);
- Ray, N actors: the same through Ray Data, including actor start-up and model
  loads, excluding ``ray.init()`` (a cluster is started once, not per job).

    python bench/throughput.py              # 2,000 documents (several minutes on 2 cores)
    python bench/throughput.py --docs 200   # a quick look
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from common import Row, bare_parse, count_words, drain, load_texts, machine_line, print_table, timed, warm_model


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=2000, help="generated documents (default 2000)")
    ap.add_argument("--input", help="use this JSON Lines file instead of generating one")
    ap.add_argument("--workers", type=int, default=2, help="workers/actors for the parallel rows (default 2)")
    ap.add_argument("--model", default=None)
    ap.add_argument("--no-ray", action="store_true", help="skip the Ray row")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)

    from communique.engines.local import extract_parallel
    from communique.engines.sources import read_sources
    from communique.pipeline import Extractor

    with tempfile.TemporaryDirectory() as tmp:
        if args.input:
            path, what = args.input, Path(args.input).name
        else:
            from corpus import write_corpus

            path, what = write_corpus(str(Path(tmp) / "corpus.jsonl"), args.docs, args.seed), "generated stories"
        texts = load_texts(path)
        words = count_words(texts)
        nlp = warm_model(args.model)
        Extractor(model=args.model).process(next(iter(read_sources([path]))))  # warm lazy data of every stage
        header = f"throughput over {len(texts)} {what}, {words} words; {machine_line(nlp)}"
        print(header, flush=True)

        rows: list[Row] = []
        rows.append(timed("spaCy nlp.pipe (bare parse)", lambda: bare_parse(texts, args.model), words))
        print(f"  {rows[-1].label}: {rows[-1].docs_per_s:.1f} docs/s", file=sys.stderr, flush=True)
        rows.append(timed("communique extract, 1 worker",
                          lambda: drain(extract_parallel(read_sources([path]), workers=1, model=args.model)),
                          words))
        print(f"  {rows[-1].label}: {rows[-1].docs_per_s:.1f} docs/s", file=sys.stderr, flush=True)
        rows.append(timed(f"communique extract, {args.workers} workers",
                          lambda: drain(extract_parallel(read_sources([path]), workers=args.workers,
                                                         model=args.model)),
                          words, note="incl. worker start-up"))
        print(f"  {rows[-1].label}: {rows[-1].docs_per_s:.1f} docs/s", file=sys.stderr, flush=True)
        if not args.no_ray:
            rows.append(ray_row(path, words, args.workers, args.model))
        # The bare parse again, last: on a shared machine the load drifts, so the baseline is the faster of the two.
        again = timed(rows[0].label, lambda: bare_parse(texts, args.model), words)
        first = rows[0]
        rows[0] = min(first, again, key=lambda r: r.seconds)
        rows[0].note = f"faster of a first ({first.seconds:.0f} s) and a last ({again.seconds:.0f} s) run"

        import os

        print(header if args.no_ray else header + "; Ray row excludes ray.init()")
        print_table(rows, rows[0])
        print(f"load average at end {os.getloadavg()[0]:.2f} (other processes share these CPUs)")


def ray_row(path: str, words: int, workers: int, model) -> Row:
    try:
        import ray

        from communique.engines import ray_engine
    except ImportError:
        return Row(f"Ray Data, {workers} actors", 0, words, float("nan"), note="skipped: ray not installed")
    ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False, logging_level="WARNING")
    try:
        # Records arrive as JSON lines already (the actors serialise them), so collecting them is the drain.
        return timed(f"Ray Data, {workers} actors",
                     lambda: ray_engine.run([path], workers=workers, model=model, collect=lambda rec: None)["documents"],
                     words, note="incl. actor start-up")
    finally:
        ray.shutdown()


if __name__ == "__main__":
    sys.exit(main())
