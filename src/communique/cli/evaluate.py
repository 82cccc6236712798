"""``communique eval``: measure this build against gold documents, article bodies and PLOVER records.

Each command either runs the pipeline over the inputs or scores a JSONL file
written earlier (``--system``), prints one line per metric and a summary, and
exits 1 when a ``--min-*`` bar is missed, 2 when its input is unusable.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import List, Optional

import typer

eval_app = typer.Typer(help="Measure extraction quality and speed against labelled data.", no_args_is_help=True)

SHARED_ENV = "COMMUNIQUE_SHARED"


def register(app: typer.Typer) -> None:
    app.add_typer(eval_app, name="eval")


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


def _records(inputs: List[str], system: Optional[Path], published: Optional[str], model: Optional[str],
             full: bool, save: Optional[Path], quiet: bool):
    """The run to score: ``--system`` file, else the pipeline over ``inputs`` (saved with ``-o``)."""
    from communique.cli.output import open_output, progress
    from communique.evaluation.runner import UnusableOutput, read_output, run_pipeline
    from communique.nlp import ModelNotFound

    if system is None and len(inputs) == 1 and _is_extractor_output(inputs[0]):
        system = Path(inputs[0])      # `communique eval gold GOLD_DIR OUT.jsonl` scores an earlier run
    if system is not None:
        try:
            return read_output(system)
        except UnusableOutput as exc:
            _fail(str(exc))
    if not inputs:
        _fail("give inputs to extract, or --system OUT.jsonl to score an earlier run")
    try:
        with progress(quiet) as tick:
            run = run_pipeline(inputs, published=published, model=model, full=full, tick=tick)
    except ModelNotFound as exc:
        _fail(str(exc))
    if save is not None:
        with open_output(save) as write:
            for rec in run.records:
                write(rec)
    return run


def _is_extractor_output(path: str) -> bool:
    """A JSONL file whose first record carries extraction results (events or an error), not raw input."""
    if not path.endswith(".jsonl") or not Path(path).is_file():
        return False
    try:
        with open(path, encoding="utf-8") as fh:
            first = json.loads(fh.readline() or "{}")
    except (OSError, ValueError):
        return False
    return isinstance(first, dict) and ("events" in first or "schema" in first or set(first) == {"id", "error"})


def _bars(result: dict, bars: dict[str, Optional[float]]) -> list[str]:
    return [name for name, bar in bars.items() if bar is not None and result.get(name, 0.0) < bar]


def _finish(result: dict, lines: list[str], failed: list[str], as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps({**result, "below_bar": failed}, indent=1, ensure_ascii=False))
    else:
        for line in lines:
            typer.echo(line)
        if failed:
            typer.echo(f"below the bar: {', '.join(failed)}")
    if failed:
        raise typer.Exit(1)


_SYSTEM = typer.Option(None, "--system", help="Score this JSONL output instead of running the pipeline.")
_SAVE = typer.Option(None, "-o", "--output", help="Also write the extracted records here.")
_MODEL = typer.Option(None, "--model", help="Any installed spaCy pipeline.")
_JSON = typer.Option(False, "--json", help="One JSON object instead of text lines.")
_QUIET = typer.Option(False, "--quiet", "-q", help="No progress bar.")


@eval_app.command("gold")
def gold(
    gold_dir: Path = typer.Argument(..., help="Folder of gold JSON files named after the document ids."),
    inputs: List[str] = typer.Argument(None, help="Inputs to extract (files, folders, JSONL)."),
    system: Optional[Path] = _SYSTEM,
    published: Optional[str] = typer.Option(None, "--published", help="Publication day for inputs without one."),
    model: Optional[str] = _MODEL,
    output: Optional[Path] = _SAVE,
    as_json: bool = _JSON,
    quiet: bool = _QUIET,
    min_event_f1: Optional[float] = typer.Option(None, "--min-event-f1", min=0.0, max=1.0,
                                          help="Exit 1 when event F1 is below this (0–1)."),
    min_actor: Optional[float] = typer.Option(None, "--min-actor", min=0.0, max=1.0,
                                          help="Exit 1 when actor F1 is below this (0–1)."),
    min_quote: Optional[float] = typer.Option(None, "--min-quote", min=0.0, max=1.0,
                                          help="Exit 1 when quote F1 is below this (0–1)."),
    min_clean: Optional[float] = typer.Option(None, "--min-clean", min=0.0, max=1.0,
                                          help="Exit 1 when cleaning (body) F1 is below this (0–1)."),
) -> None:
    """Events, actors, quotes and cleaning against hand-made gold documents."""
    from communique.evaluation.gold import load_gold, score_gold

    try:
        golds = load_gold(gold_dir)
    except (OSError, ValueError) as exc:
        _fail(f"cannot read gold in {gold_dir}: {exc}")
    if not golds:
        _fail(f"no gold files (*.json) in {gold_dir}")
    run = _records(inputs or [], system, published, model, True, output, quiet or as_json)
    report = score_gold(golds, run.records)
    result = {**report.summary(), **({"run": run.summary()} if system is None else {}), "details": report.details}
    e, s = report.events, report.events_strict
    lines = [f"  {d}" for d in report.details] + [
        f"events (lenient): P {e.precision:.3f} R {e.recall:.3f} F1 {e.f1:.3f}   strict F1 {s.f1:.3f}",
        f"actors with right country: {report.actors.share:.3f}   quotes with right speaker: "
        f"{report.quotes.share:.3f}   cleaning checks: {report.cleaning.share:.3f}",
    ]
    if system is None:
        lines.append(_speed_line(run))
    lines.append(f"{report.docs} docs: event F1 {e.f1:.2f}, actors {report.actors.share:.2f}, "
                 f"quotes {report.quotes.share:.2f}, cleaning {report.cleaning.share:.2f}")
    failed = _bars(result, {"event_f1": min_event_f1, "actor": min_actor, "quote": min_quote, "clean": min_clean})
    _finish(result, lines, failed, as_json)


@eval_app.command("body")
def body(
    ground_truth: Path = typer.Argument(..., help='JSON {"ID": {"articleBody": ...}} of hand-extracted bodies.'),
    inputs: List[str] = typer.Argument(None, help="The pages (ID.html or ID.html.gz) or their folder."),
    system: Optional[Path] = _SYSTEM,
    output: Optional[Path] = _SAVE,
    as_json: bool = _JSON,
    quiet: bool = _QUIET,
    min_f1: Optional[float] = typer.Option(None, "--min-f1", min=0.0, max=1.0,
                                          help="Exit 1 when article-body F1 is below this (0–1)."),
) -> None:
    """Article-body token precision/recall/F1 of reading + cleaning (no parser: fast)."""
    from communique.evaluation.body import score_bodies

    try:
        truth = json.loads(ground_truth.read_text(encoding="utf-8"))
        references = {str(k): v.get("articleBody") or "" for k, v in truth.items()}
    except (OSError, ValueError, AttributeError) as exc:
        _fail(f"cannot read ground truth {ground_truth}: {exc}")
    run = _records(inputs or [], system, None, None, False, output, quiet or as_json)
    extracted = {str(r.get("id", "")).removesuffix(".html"): r.get("text") or "" for r in run.records}
    report = score_bodies(references, extracted)
    result = {**report.summary(), "worst": report.worst, **({"run": run.summary()} if system is None else {})}
    lines = [f"  lowest F1: {page} {f:.3f}" for page, f in report.worst] + [
        f"{report.pages} pages: body precision {report.precision:.3f} recall {report.recall:.3f} F1 {report.f1:.3f}"]
    if system is None:
        lines.insert(-1, _speed_line(run))
    _finish(result, lines, _bars(result, {"f1": min_f1}), as_json)


@eval_app.command("plover")
def plover(
    records: Path = typer.Argument(..., help="JSONL records with text and a gold PLOVER type."),
    system: Optional[Path] = _SYSTEM,
    model: Optional[str] = _MODEL,
    output: Optional[Path] = _SAVE,
    as_json: bool = _JSON,
    quiet: bool = _QUIET,
    min_type: Optional[float] = typer.Option(None, "--min-type", min=0.0, max=1.0,
                                          help="Exit 1 when PLOVER type accuracy is below this (0–1)."),
) -> None:
    """Event-type accuracy on one-event sentences (the gold field is never shown to the extractor)."""
    from communique.evaluation.plover import score_plover

    try:
        gold = [json.loads(line) for line in records.read_text(encoding="utf-8").splitlines() if line.strip()]
        if not all(isinstance(g, dict) and "id" in g and "type" in (g.get("gold") or {}) for g in gold):
            raise ValueError("every record needs an id and gold.type")
    except (OSError, ValueError) as exc:
        _fail(f"cannot read records {records}: {exc}")
    run = _records([str(records)], system, None, model, True, output, quiet or as_json)
    report = score_plover(gold, run.records)
    result = {**report.summary(), **({"run": run.summary()} if system is None else {})}
    confusions = [(g, a, n) for (g, a), n in report.confusion.most_common() if g != a][:8]
    summary = report.summary()
    lines = [f"  {g} read as {a or 'nothing'}: {n}" for g, a, n in confusions] + [
        f"{report.records} records: type accuracy {summary['type_accuracy']:.3f}, "
        f"any-event recall {summary['any_event_recall']:.3f}, silent {summary['silent']:.3f}"]
    if system is None:
        lines.insert(-1, _speed_line(run))
    _finish(result, lines, _bars(result, {"type_accuracy": min_type}), as_json)


@eval_app.command("coref")
def coref(
    stories: Optional[Path] = typer.Argument(None, help="Stories labelled with engagements (default: the invented set "
                                                         "in tests/fixtures/coref/stories.jsonl)."),
    model: Optional[str] = _MODEL,
    as_json: bool = _JSON,
    min_f1: Optional[float] = typer.Option(None, "--min-f1", min=0.0, max=1.0,
                                        help="Exit 1 when B-cubed F1 is below this (0–1)."),
) -> None:
    """Cross-document coreference: extract and store the stories, score the merges with B-cubed."""
    from communique.evaluation.coref import run_coref
    from communique.nlp import ModelNotFound
    from communique.pipeline import Extractor

    if stories is not None and not stories.is_file():
        _fail(f"no stories file at {stories}")
    try:
        extractor = Extractor(model=model)
    except ModelNotFound as exc:
        _fail(str(exc))
    result = run_coref(stories, extractor=extractor).as_dict()
    lines = [f"{result['stories']} stories of {result['engagements']} engagements: {result['items']} event mentions "
             f"scored ({len(result['stories_without_items'])} stories gave none), {result['canonical_events']} "
             f"canonical events, {result['linked_plans']} plans linked to their occurrence",
             f"near misses kept apart: {result['near_misses'] - len(result['near_misses_merged'])}/"
             f"{result['near_misses']}",
             f"B-cubed precision {result['precision']:.3f}, recall {result['recall']:.3f}, F1 {result['f1']:.3f}"]
    _finish(result, lines, _bars(result, {"f1": min_f1}), as_json)


@eval_app.command("all")
def all_sets(
    shared: Optional[Path] = typer.Option(None, "--shared", help=f"Evaluation folder (default ${SHARED_ENV} or ../shared)."),
    model: Optional[str] = _MODEL,
    as_json: bool = _JSON,
) -> None:
    """Every labelled set found in the evaluation folder: seeds, VOA dev, article bodies, PLOVER."""
    from communique.evaluation.body import score_bodies
    from communique.evaluation.gold import load_gold, score_gold
    from communique.evaluation.plover import score_plover
    from communique.evaluation.runner import run_pipeline

    root = shared or Path(os.environ.get(SHARED_ENV) or Path.cwd().parent / "shared")
    if not root.is_dir():
        _fail(f"no evaluation folder at {root} (use --shared DIR or ${SHARED_ENV})")
    results: dict[str, dict] = {}
    gold_sets = {"seeds": (root / "gold", root / "seeds" / "seeds.jsonl"),
                 "voa-dev": (root / "corpora/voa-dev/gold", root / "corpora/voa-dev/docs.jsonl")}
    for name, (gold_dir, docs) in gold_sets.items():
        if gold_dir.is_dir() and docs.is_file():
            run = run_pipeline([str(docs)], model=model)
            results[name] = {**score_gold(load_gold(gold_dir), run.records).summary(), "run": run.summary()}
    zyte = root / "corpora/zyte-article-extraction"
    if (zyte / "ground-truth.json").is_file():
        truth = json.loads((zyte / "ground-truth.json").read_text(encoding="utf-8"))
        run = run_pipeline([str(zyte / "html")], full=False)
        extracted = {str(r["id"]).removesuffix(".html"): r.get("text") or "" for r in run.records}
        refs = {k: v.get("articleBody") or "" for k, v in truth.items()}
        results["bodies"] = {**score_bodies(refs, extracted).summary(), "run": run.summary()}
    gsr = root / "corpora/plover-gsr/records.jsonl"
    if gsr.is_file():
        gold = [json.loads(line) for line in gsr.read_text(encoding="utf-8").splitlines() if line.strip()]
        run = run_pipeline([str(gsr)], model=model)
        results["plover"] = {**score_plover(gold, run.records).summary(), "run": run.summary()}
    if not results:
        _fail(f"no labelled sets found under {root}")
    if as_json:
        typer.echo(json.dumps(results, indent=1))
        return
    for name, r in results.items():
        metrics = ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}"
                            for k, v in r.items() if k != "run")
        typer.echo(f"{name}: {metrics}  [{r['run']['docs_per_second']} docs/s]")


def _speed_line(run) -> str:
    return (f"run: {len(run.records)} documents ({run.errors} error records) in {run.seconds:.1f} s, "
            f"{run.docs_per_second:.1f} docs/s")
