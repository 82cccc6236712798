"""Fuzz the readers, the pipeline and the store with malformed inputs; nothing may crash, hang or vanish.

Each generated input is a file (mutated JSON Lines, nested JSON, lone surrogates, binaries,
truncated gzip, gzip bombs within limits, bad HTML, huge lines, wrong encodings, empty files,
odd file names ...). Every one goes through the path ``communique extract`` takes (the
readers, then the extraction pipeline, in this process) and its documents through
``Store.ingest``; a few real ``communique extract`` / ``ingest`` runs read batches of them
as a user would. Checked for every input:

- no exception escapes (a crash), and no input takes longer than its time budget (a hang);
- nothing is lost: the input gives at least one document or error record, and every
  document the reader gives comes out of the pipeline and is counted by the store;
- every record serialises to UTF-8 JSON.

Peak memory (``getrusage``) of this process and of the CLI runs is reported.

    python bench/fuzz.py --n 20000          # the full run (tens of minutes on 2 cores)
    python bench/fuzz.py --n 300 --seed 7   # the slice the default tests run
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

#: Inputs whose text is parsed are cut here (the pipeline's length cap, lowered so a fuzz run stays cheap).
FUZZ_PARSE_CHARS = 4_000
#: Seconds one input may take through reading, extraction and storing before it counts as a hang.
HANG_SECONDS = 120.0

_SENTENCES = [
    "The foreign ministers of Chile and Peru met in Lima on Tuesday to discuss fisheries.",
    "Prime Minister Anna Holt arrived in Oslo for a two-day official visit, officials said.",
    "\"We agreed to open a joint commission,\" the minister told reporters after the talks.",
    "President Okafor hosted his Ghanaian counterpart in Abuja on March 3, 2024.",
    "The two leaders spoke by telephone and pledged to deepen trade ties next year.",
    "Kazakhstan and Russia signed an agreement on water use during the state visit.",
]
_MAGIC = [b"%PDF-1.7\n", b"\x89PNG\r\n\x1a\n", b"PK\x03\x04", b"\xff\xd8\xff\xe0", b"GIF89a", b"\x7fELF",
          b"BZh91AY", b"\xfd7zXZ\x00", b"WARC/1.0\r\n", b"\x1f\x8b\x08\x00", b"<?xml version='1.0'?>", b""]
_SUFFIXES = [".txt", ".html", ".jsonl", ".json", ".xml", ".rss", ".warc", ".txt.gz", ".jsonl.gz", ".md", "",
             ".htm", ".ndjson", ".gz", ".weird"]
_BOMB_CACHE: dict[int, bytes] = {}


@dataclass
class Case:
    number: int
    kind: str
    name: str          # file name (may hold odd characters; undecodable bytes as surrogates)
    data: bytes


@dataclass
class Summary:
    inputs: int = 0
    documents: int = 0
    errors: int = 0
    stored: int = 0
    crashes: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    slowest: tuple[float, str] = (0.0, "")
    kinds: dict[str, int] = field(default_factory=dict)
    cli_runs: int = 0
    cli_peak_mb: float = 0.0

    def line(self, seconds: float) -> str:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return (f"fuzz: {self.inputs} inputs, {self.documents} documents ({self.errors} error records, "
                f"{self.stored} stored), {len(self.crashes)} crashes, {len(self.hangs)} hangs, "
                f"{len(self.lost)} lost, peak RSS {peak:.0f} MB (CLI runs: {self.cli_runs}, peak "
                f"{self.cli_peak_mb:.0f} MB), slowest input {self.slowest[0]:.1f} s ({self.slowest[1]}), "
                f"{seconds:.0f} s")


# ---------------------------------------------------------------------- generating inputs
def _record(rng: random.Random, n: int) -> dict:
    text = " ".join(rng.sample(_SENTENCES, rng.randint(1, 2)))
    return {"id": f"r{n}-{rng.randint(0, 999)}", "text": text, "title": "Talks", "published": "2024-05-0"
            + str(rng.randint(1, 9)), "url": f"https://example.org/{n}"}


def _good_jsonl(rng: random.Random, n: int) -> bytes:
    return b"\n".join(json.dumps(_record(rng, n * 10 + i)).encode() for i in range(rng.randint(1, 3))) + b"\n"


def _mutate(rng: random.Random, data: bytes, rounds: int) -> bytes:
    buf = bytearray(data)
    for _ in range(rounds):
        op = rng.randrange(8)
        pos = rng.randrange(len(buf) + 1) if buf else 0
        if op == 0 and buf:                                   # flip a byte
            buf[min(pos, len(buf) - 1)] = rng.randrange(256)
        elif op == 1:                                         # insert random bytes
            buf[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif op == 2 and buf:                                 # delete a stretch
            del buf[pos:pos + rng.randint(1, 20)]
        elif op == 3:                                         # truncate
            del buf[pos:]
        elif op == 4:                                         # a structural character
            buf[pos:pos] = rng.choice([b"{", b"}", b"[", b"]", b'"', b"\\", b",", b":", b"\n", b"\\u"])
        elif op == 5:                                         # duplicate a stretch
            buf[pos:pos] = buf[pos:pos + rng.randint(1, 40)]
        elif op == 6:                                         # an escape that decodes to a lone surrogate
            buf[pos:pos] = rng.choice([b"\\ud800", b"\\udfff", b"\\udc80x", b"\\ud83d"])
        else:                                                 # invalid UTF-8
            buf[pos:pos] = rng.choice([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xe2\x80", b"\x00"])
    return bytes(buf)


def _nested(rng: random.Random) -> bytes:
    depth = rng.choice([10, 500, 1200, 5000, 100_000])
    opener = rng.choice([b"[", b'{"a":', b'{"text":'])
    body = opener * depth
    if rng.random() < 0.5:
        body += b"1" + (b"]" if opener == b"[" else b"}") * depth
    if rng.random() < 0.5:
        body = json.dumps(_record(rng, 0)).encode() + b"\n" + body + b"\n"
    return body


def _surrogates(rng: random.Random, n: int) -> bytes:
    rec = _record(rng, n)
    for key in rng.sample(["id", "text", "title", "url"], rng.randint(1, 3)):
        rec[key] = str(rec[key]) + "\\" + rng.choice(["ud800", "udbff", "udc00", "udfff"])
    line = json.dumps(rec).replace("\\\\u", "\\u")          # undo the escaping of the backslash
    return line.encode() + b"\n"


def _binary(rng: random.Random) -> bytes:
    return rng.choice(_MAGIC) + bytes(rng.randrange(256) for _ in range(rng.randint(0, 3000)))


def _truncated_gzip(rng: random.Random, n: int) -> bytes:
    payload = gzip.compress(_good_jsonl(rng, n) * rng.randint(1, 3), mtime=0)
    return payload[: rng.randint(0, len(payload))]


def _bomb(rng: random.Random) -> bytes:
    size = rng.choice([1, 8, 49, 51, 60]) * 1024 * 1024
    if size not in _BOMB_CACHE:
        _BOMB_CACHE[size] = gzip.compress(b"\0" * size if size % 2 else b"A" * size, compresslevel=9, mtime=0)
    return _BOMB_CACHE[size]


def _bad_html(rng: random.Random) -> bytes:
    text = " ".join(rng.sample(_SENTENCES, 2))
    shapes = [
        f"<html><body><p>{text}",
        "<div>" * rng.choice([50, 2000, 20_000]) + text,
        f"<html><head><meta charset='{rng.choice(['utf-8', 'koi8-r', 'nonsense', 'utf-16'])}'></head>"
        f"<body><article><p>{text}</p></article></body></html>",
        "<script>" + "var a = 1;" * rng.randint(1, 500) + "</script>",
        f"<p>{text}</p><p>&#xD800; &#99999999; &bogus; &amp</p>",
        "<html><body>" + "<a href='javascript:x'>" * 100 + text,
        f"<table>{'<tr><td>' * 300}{text}",
        "<!doctype html><html><body><p " + "x=" * 10_000 + f">{text}</p></body></html>",
    ]
    body = rng.choice(shapes).encode("utf-8", "surrogatepass")
    return _mutate(rng, body, rng.randint(0, 3)) if rng.random() < 0.5 else body


def _huge_line(rng: random.Random) -> bytes:
    if rng.random() < 0.1:                                    # over the per-line cap
        from communique.ingest.limits import MAX_LINE_BYTES

        return b'{"id": "huge", "text": "' + b"x" * (MAX_LINE_BYTES + 10) + b'"}\n'
    words = (" ".join(_SENTENCES) + " ").encode()
    size = rng.choice([100_000, 1_000_000, 3_000_000])
    return b'{"id": "big", "text": "' + (words * (size // len(words) + 1))[:size] + b'"}\n'


def _encoded(rng: random.Random) -> bytes:
    text = " ".join(rng.sample(_SENTENCES, 2))
    variants = [
        lambda: text.encode("utf-16-le"),
        lambda: text.encode("utf-32"),
        lambda: "Министр прибыл в Москву с официальным визитом.".encode("cp1251"),
        lambda: (text + " Señor García visited Malmö and Nîmes.").encode("latin-1"),
        lambda: "東京で首脳会談が行われた。".encode("shift_jis"),
        lambda: text.encode() + b"\xff\xfe" + text.encode("utf-16-le"),
        lambda: text.encode()[:20] + b"\xc3\x28" + text.encode()[20:],
        lambda: b"\xef\xbb\xbf",
        lambda: text.encode("utf-7"),
    ]
    return rng.choice(variants)()


def _empty(rng: random.Random) -> bytes:
    return rng.choice([b"", b" ", b"\n\n\n", b"\t \r\n", b"\xef\xbb\xbf", b"\x00", b"[]", b"{}", b"null"])


def _odd_name(rng: random.Random, n: int) -> str:
    stem = rng.choice([f"with space {n}", f"ünï-cødé-{n}", os.fsdecode(b"bad\xff\xfe" + str(n).encode()),
                       "x" * 200 + str(n), f"new\nline{n}", f"-dash{n}", f".hidden{n}", "README", "LICENSE",
                       f"tab\t{n}", f"quote'\"{n}", f"{n}.tar"])
    return stem + rng.choice(_SUFFIXES)


def _plain_text(rng: random.Random) -> bytes:
    text = "\n\n".join(rng.sample(_SENTENCES, rng.randint(1, 2))).encode()
    return _mutate(rng, text, rng.randint(0, 4))


def _bad_warc(rng: random.Random) -> bytes:
    body = ("<html><body><article><p>" + " ".join(_SENTENCES) + "</p></article></body></html>").encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    rec = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1234>\r\n"
           b"WARC-Target-URI: https://example.org/a\r\nContent-Type: application/http; msgtype=response\r\n"
           b"Content-Length: " + str(len(http)).encode() + b"\r\n\r\n" + http + b"\r\n\r\n")
    return _mutate(rng, rec, rng.randint(0, 5))


def _bad_feed(rng: random.Random) -> bytes:
    items = "".join(f"<item><title>T{i}</title><description>{s}</description></item>"
                    for i, s in enumerate(rng.sample(_SENTENCES, 3)))
    shapes = [f"<?xml version='1.0'?><rss><channel><title>W</title>{items}</channel></rss>",
              "<?xml version='1.0'?><!DOCTYPE r [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;'>"
              "<!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;'>]><rss><channel><item><description>&c;&c;</description>"
              "</item></channel></rss>",
              "<rss><channel>" + "<item>" * 1000]
    return _mutate(rng, rng.choice(shapes).encode(), rng.randint(0, 3))


_KINDS = [  # (kind, weight, file-name suffixes, generator); most are refused before the parse, which keeps a run cheap
    ("jsonl_mutated", 30, [".jsonl", ".json", "", ".ndjson"],
     lambda r, n: _mutate(r, _good_jsonl(r, n), r.randint(2, 8))),
    ("nested_json", 8, [".jsonl", ".json", ""], lambda r, n: _nested(r)),
    ("surrogates", 6, [".jsonl", ".json"], _surrogates),
    ("binary", 10, _SUFFIXES, lambda r, n: _binary(r)),
    ("truncated_gzip", 6, [".jsonl.gz", ".txt.gz", ".gz", ""], _truncated_gzip),
    ("gzip_bomb", 0.3, [".txt.gz", ".jsonl.gz", ".html.gz", ""], lambda r, n: _bomb(r)),
    ("bad_html", 6, [".html", ".htm", ""], lambda r, n: _bad_html(r)),
    ("huge_line", 0.2, [".jsonl"], lambda r, n: _huge_line(r)),
    ("encodings", 7, [".txt", ".html", ".jsonl", ""], lambda r, n: _encoded(r)),
    ("empty", 7, _SUFFIXES, lambda r, n: _empty(r)),
    ("odd_name", 4, None, lambda r, n: _good_jsonl(r, n)),
    ("plain_text", 5, [".txt", ".md", ""], lambda r, n: _plain_text(r)),
    ("bad_warc", 3, [".warc", ".warc.gz", ""], lambda r, n: _bad_warc(r)),
    ("bad_feed", 3, [".xml", ".rss", ".atom"], lambda r, n: _bad_feed(r)),
]


def generate(n: int, seed: int = 0) -> Iterator[Case]:
    """``n`` malformed inputs, the same for the same seed."""
    rng = random.Random(seed)
    weights = [k[1] for k in _KINDS]
    for i in range(n):
        kind, _, suffixes, make = rng.choices(_KINDS, weights)[0]
        data = make(rng, i)
        name = _odd_name(rng, i) if suffixes is None else f"in{i}{rng.choice(suffixes)}"
        yield Case(i, kind, name, data)


# ---------------------------------------------------------------------- running them
class _Hang(BaseException):
    pass


def _watchdog(seconds: float):
    import signal

    def fire(signum, frame):
        raise _Hang()
    signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)


def _disarm():
    import signal

    signal.setitimer(signal.ITIMER_REAL, 0)


def _write_case(folder: Path, case: Case) -> Path:
    sub = folder / f"c{case.number}"
    sub.mkdir()
    path = sub / case.name
    try:
        path.write_bytes(case.data)
    except (OSError, UnicodeEncodeError):        # a name this file system refuses: keep the content, plain name
        path = sub / f"in{case.number}.bin"
        path.write_bytes(case.data)
    return path


def run_cases(cases: Iterator[Case], workdir: Path, summary: Summary, extractor, store,
              hang_seconds: float = HANG_SECONDS) -> list[Path]:
    """Every case through the readers, the pipeline and the store; problems recorded in ``summary``."""
    from communique.engines.sources import read_sources

    paths = []
    for case in cases:
        path = _write_case(workdir, case)
        paths.append(path)
        summary.inputs += 1
        summary.kinds[case.kind] = summary.kinds.get(case.kind, 0) + 1
        label = f"#{case.number} {case.kind} {case.name[:40]!r}"
        started = time.monotonic()
        try:
            _watchdog(hang_seconds)
            try:
                docs = list(read_sources([str(path)]))
                done = list(extractor.pipe(docs))
                for doc in done:
                    json.dumps(doc.to_dict(), ensure_ascii=False).encode("utf-8")
                stats = store.ingest(done)
            finally:
                _disarm()
        except _Hang:
            summary.hangs.append(label)
            continue
        except Exception:  # noqa: BLE001 - a crash is what this harness looks for
            summary.crashes.append(f"{label}: {traceback.format_exc(limit=-3).strip().splitlines()[-1]}")
            continue
        took = time.monotonic() - started
        if took > summary.slowest[0]:
            summary.slowest = (took, label)
        if not docs or len(done) != len(docs) or sum(stats[k] for k in ("added", "duplicates", "errors")) != len(done):
            summary.lost.append(f"{label}: read {len(docs)}, extracted {len(done)}, stored {stats}")
        summary.documents += len(done)
        summary.errors += sum(1 for d in done if d.error)
        summary.stored += stats["added"]
    return paths


def cli_runs(paths: list[Path], workdir: Path, summary: Summary, per_run: int = 40, runs: int = 2) -> None:
    """A few real ``communique extract`` and ``ingest`` runs over batches of the inputs."""
    env = dict(os.environ)
    for r in range(runs):
        batch = [str(p) for p in paths[r * per_run:(r + 1) * per_run] if "\n" not in str(p)]
        if not batch:
            return
        for cmd in (["communique", "extract", "-q", "-o", str(workdir / f"cli{r}.jsonl"), "--", *batch],
                    ["communique", "ingest", "-q", "--db", str(workdir / f"cli{r}.db"), "--", *batch]):
            probe = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True); "
                     "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024); "
                     "sys.stderr.buffer.write(r.stderr[-2000:])")
            try:
                res = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True,
                                     timeout=HANG_SECONDS * 5, env=env)
            except subprocess.TimeoutExpired:
                summary.hangs.append(f"CLI {cmd[1]} run {r}")
                continue
            summary.cli_runs += 1
            code, peak = res.stdout.split()
            summary.cli_peak_mb = max(summary.cli_peak_mb, float(peak))
            if int(code) not in (0, 1) or "Traceback" in res.stderr:
                summary.crashes.append(f"CLI {cmd[1]} run {r}: exit {code}: {res.stderr.strip()[-300:]}")
            elif cmd[1] == "extract":
                out = (workdir / f"cli{r}.jsonl").read_text(encoding="utf-8").splitlines()
                sources = {json.loads(line).get("source_path") for line in out}
                missing = [p for p in batch if p not in sources]
                if missing and len(out) < len(batch):
                    summary.lost.append(f"CLI extract run {r}: {len(out)} records for {len(batch)} inputs")


def fuzz(n: int, seed: int = 0, cli: bool = True, hang_seconds: float = HANG_SECONDS,
         extractor=None, chunk: int = 500, progress: bool = False) -> tuple[Summary, float]:
    """Run ``n`` generated inputs; returns the summary and the seconds taken."""
    import logging

    from communique.pipeline import Extractor
    from communique.store import Store

    logging.getLogger("communique").setLevel(logging.ERROR)     # thousands of expected warnings
    started = time.monotonic()
    summary = Summary()
    if extractor is None:
        extractor = Extractor(max_parse_chars=FUZZ_PARSE_CHARS)
    cases = generate(n, seed)
    with tempfile.TemporaryDirectory(prefix="communique-fuzz-") as tmp:
        root = Path(tmp)
        with Store(str(root / "fuzz.db")) as store:
            first_paths: list[Path] = []
            done = 0
            while done < n:
                take = min(chunk, n - done)
                folder = root / f"chunk{done}"
                folder.mkdir()
                paths = run_cases((next(cases) for _ in range(take)), folder, summary, extractor, store,
                                  hang_seconds)
                if not first_paths:
                    first_paths = paths
                    if cli:
                        cli_runs(paths, root, summary)
                else:
                    _remove(folder)
                done += take
                if progress:
                    print(f"  {summary.line(time.monotonic() - started)}", file=sys.stderr, flush=True)
    return summary, time.monotonic() - started


def _remove(folder: Path) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=20_000, help="inputs to generate (default 20,000)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-cli", action="store_true", help="skip the real CLI runs")
    args = ap.parse_args(argv)
    summary, seconds = fuzz(args.n, args.seed, cli=not args.no_cli, progress=True)
    for title, items in (("crashes", summary.crashes), ("hangs", summary.hangs), ("lost", summary.lost)):
        for item in items[:20]:
            print(f"{title}: {item}")
    print("kinds: " + ", ".join(f"{k} {v}" for k, v in sorted(summary.kinds.items())))
    print(summary.line(seconds))
    bad = summary.crashes or summary.hangs or summary.lost
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return 1 if bad or peak >= 1536 or summary.cli_peak_mb >= 1536 else 0


if __name__ == "__main__":
    sys.exit(main())
