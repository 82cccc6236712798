"""Readers under hostile input: every input gives documents or error records, bounded in memory,
and whatever they read can be written (no lone surrogates reach a writer)."""
from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from communique.ingest import read_bytes, read_path, read_paths
from communique.ingest.limits import MAX_DOCUMENT_BYTES

GOOD = json.dumps({"id": "ok", "text": "The ministers of Chile and Peru met in Lima on Tuesday."})


# ---------------------------------------------------------------------- deep nesting
def test_deeply_nested_json_line_is_one_error_record_and_reading_goes_on(tmp_path):
    (tmp_path / "feed.jsonl").write_text(GOOD + "\n" + "[" * 100_000 + "\n" + GOOD.replace('"ok"', '"ok2"') + "\n")
    docs = read_path(tmp_path / "feed.jsonl")
    assert [d.id for d in docs] == ["ok", "feed:2", "ok2"]
    assert "nested too deeply" in docs[1].error and docs[0].error is None and docs[2].error is None


def test_deeply_nested_json_file_and_bytes_give_an_error_record(tmp_path):
    (tmp_path / "deep.json").write_text('{"a": ' * 50_000)
    [doc] = read_path(tmp_path / "deep.json")
    assert doc.error and "nested too deeply" in doc.error
    [sniffed] = list(read_bytes(b"[" * 60_000, "pasted"))
    assert sniffed.error


# ---------------------------------------------------------------------- lone surrogates
def test_lone_surrogates_in_text_and_id_are_replaced_and_counted(tmp_path):
    (tmp_path / "s.jsonl").write_text('{"id": "a\\ud800", "text": "Talks in Oslo \\udc00 ended.", '
                                      '"title": "T\\udfff"}\n')
    [doc] = read_path(tmp_path / "s.jsonl")
    assert doc.id == "a\ufffd" and doc.raw_text == "Talks in Oslo \ufffd ended." and doc.title == "T\ufffd"
    assert doc.meta["surrogates_replaced"] == 3
    json.dumps(doc.to_dict(), ensure_ascii=False).encode("utf-8")      # writable as UTF-8


def test_an_undecodable_file_name_gives_a_writable_id(tmp_path):
    name = os.fsdecode(b"caf\xe9.txt")         # a Latin-1 byte in a Linux file name becomes a surrogate
    try:
        (tmp_path / name).write_text("Leaders met in Paris.")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses undecodable names")
    [doc] = read_path(tmp_path)
    assert doc.id == "caf\ufffd" and doc.error is None
    doc.id.encode("utf-8")


def test_cli_extract_and_ingest_survive_deep_json_and_surrogates(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(GOOD + "\n" + "[" * 100_000 + "\n"
                    + '{"id": "s\\ud800", "text": "Prime Minister Anna Holt arrived in Oslo \\udc00 for a visit."}\n')
    out = tmp_path / "out.jsonl"
    r = subprocess.run(["communique", "extract", str(feed), "-o", str(out), "-q"], capture_output=True, text=True)
    assert r.returncode == 1, r.stderr                     # one error record: exit 1, output written
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r_["id"] for r_ in recs] == ["ok", "feed:2", "s\ufffd"]
    assert "error" in recs[1] and "error" not in recs[2]
    db = tmp_path / "x.db"
    r = subprocess.run(["communique", "ingest", str(feed), "--db", str(db), "-q"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "2 added" in r.stderr and "1 errors" in r.stderr, r.stderr


# ---------------------------------------------------------------------- bounded memory
def test_a_gzip_bomb_stops_at_the_cap_while_decompressing(tmp_path):
    bomb = tmp_path / "bomb.txt.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as fh:
        block = b"A" * (1 << 20)
        for _ in range(MAX_DOCUMENT_BYTES // len(block) + 2):
            fh.write(block)
    assert bomb.stat().st_size < 1_000_000
    [doc] = read_path(bomb)
    assert doc.error and "too large" in doc.error
    [again] = list(read_bytes(bomb.read_bytes(), "bomb.txt.gz"))
    assert again.error and "too large" in again.error


def test_truncated_gzip_json_lines_keep_the_records_before_the_break(tmp_path):
    data = gzip.compress(("\n".join(GOOD.replace('"ok"', f'"r{i}"') for i in range(2000)) + "\n").encode())
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    docs = read_path(tmp_path / "cut.jsonl.gz")
    assert len(docs) > 10 and docs[0].id == "r0" and docs[-1].error and "breaks off" in docs[-1].error


def _peak_rss_mb_of(cmd: list[str]) -> tuple[subprocess.CompletedProcess, float]:
    probe = textwrap.dedent(f"""
        import resource, subprocess, sys
        r = subprocess.run({cmd!r}, capture_output=True, text=True)
        sys.stdout.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024) + "\\n")
        sys.stdout.write(str(r.returncode) + "\\n" + r.stdout)
        sys.stderr.write(r.stderr)
    """)
    r = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=300)
    peak, code, *rest = r.stdout.split("\n", 2)
    return subprocess.CompletedProcess(cmd, int(code), "".join(rest), r.stderr), float(peak)


def test_extract_of_dev_zero_stops_at_the_cap_with_an_error_record(tmp_path):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    os.symlink("/dev/zero", tmp_path / "endless.jsonl")
    r, peak = _peak_rss_mb_of(["communique", "extract", "/dev/zero", str(tmp_path / "endless.jsonl"), "-q"])
    recs = [json.loads(line) for line in r.stdout.splitlines()]
    assert r.returncode == 1 and len(recs) == 2, r.stderr
    assert "too large" in recs[0]["error"] and "does not end" in recs[1]["error"]
    assert peak < 1500, peak


# ---------------------------------------------------------------------- decoding
def test_latin1_text_is_read_right_and_the_decision_recorded(tmp_path):
    text = "The talks in Malmö ended. Señor García and the café owners of Nîmes agreed, à la fin."
    (tmp_path / "l1.txt").write_bytes(text.encode("latin-1"))
    [doc] = read_path(tmp_path / "l1.txt")
    assert doc.raw_text == text
    assert doc.meta["encoding"]["name"] in ("cp1252", "latin_1", "iso8859_1", "iso8859_15")
    assert 0 < doc.meta["encoding"]["confidence"] <= 1 and doc.meta["encoding"]["replaced"] == 0


def test_utf8_with_one_bad_byte_stays_utf8_with_one_replacement(tmp_path):
    text = "Министр прибыл в Москву с официальным визитом. Переговоры прошли в Кремле. " * 3
    (tmp_path / "ru.txt").write_bytes(text.encode("utf-8") + b"\xff" + "Конец.".encode("utf-8"))
    [doc] = read_path(tmp_path / "ru.txt")
    assert doc.raw_text.startswith("Министр прибыл") and doc.raw_text.endswith("\ufffdКонец.")
    assert doc.meta["encoding"]["name"] == "utf-8" and doc.meta["encoding"]["replaced"] == 1
    assert doc.meta["encoding"]["confidence"] > 0.9


def test_clean_utf8_and_json_lines_record_their_decoding(tmp_path):
    (tmp_path / "a.txt").write_text("Leaders met in Oslo.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_bytes(GOOD.encode() + b"\n" + b'{"id": "x", "text": "caf\xe9 talks"}\n')
    a, ok, x = read_paths([tmp_path / "a.txt", tmp_path / "b.jsonl"])
    assert a.meta["encoding"] == {"name": "utf-8", "confidence": 1.0, "replaced": 0}
    assert ok.meta["encoding"]["replaced"] == 0
    assert x.raw_text == "café talks" and x.meta["encoding"]["name"] != "utf-8"


# ---------------------------------------------------------------------- folders
def _can_drop_root_privileges() -> bool:
    return os.geteuid() != 0 or shutil.which("setpriv") is not None


def test_an_unreadable_subfolder_gives_an_error_record(tmp_path):
    if not _can_drop_root_privileges():
        pytest.skip("running as root without setpriv: a folder cannot be made unreadable")
    root = tmp_path / "news"
    (root / "locked").mkdir(parents=True)
    (root / "a.txt").write_text("Leaders met in Oslo.")
    (root / "locked" / "b.txt").write_text("Leaders met in Rome.")
    os.chmod(root / "locked", 0)
    try:
        code = ("import json, sys; from communique.ingest import read_path; "
                "print(json.dumps([[d.id, d.error, d.source_path] for d in read_path(sys.argv[1])]))")
        cmd = [sys.executable, "-c", code, str(root)]
        if os.geteuid() == 0:        # root reads everything: run the reader without the override capabilities
            cmd = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", *cmd]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    finally:
        os.chmod(root / "locked", 0o755)
    assert r.returncode == 0, r.stderr
    docs = json.loads(r.stdout)
    assert [d[0] for d in docs] == ["news/locked", "a"]
    assert "permission denied" in docs[0][1] and docs[0][2].endswith("locked") and docs[1][1] is None


def test_a_folders_readme_and_license_are_skipped_with_a_note_but_read_when_named(tmp_path):
    for name in ("README.md", "LICENSE.txt", "CHANGELOG.md", "story.txt"):
        (tmp_path / name).write_text("Leaders met in Oslo on Monday.")
    notes: list[str] = []
    docs = list(read_paths([tmp_path], notes=notes))
    assert [d.id for d in docs] == ["story"]
    assert len(notes) == 1 and "3 file(s) that are not articles" in notes[0] and "README.md" in notes[0]
    [readme] = read_path(tmp_path / "README.md")
    assert readme.id == "README" and readme.error is None


def test_fifos_in_a_folder_are_skipped_not_waited_on(tmp_path):
    (tmp_path / "a.txt").write_text("Leaders met in Oslo.")
    os.mkfifo(tmp_path / "pipe.txt")
    assert [d.id for d in read_path(tmp_path)] == ["a"]


# ---------------------------------------------------------------------- properties
_NAMES = st.sampled_from(["x.txt", "x.html", "x.jsonl", "x.json", "x.xml", "x.warc", "x.txt.gz", "x.jsonl.gz",
                          "noext", "x.weird"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=2000), name=_NAMES)
def test_any_bytes_under_any_name_give_documents_and_never_raise(data, name):
    docs = list(read_bytes(data, name))
    assert docs
    for doc in docs:
        assert doc.id
        json.dumps(doc.to_dict(), ensure_ascii=False).encode("utf-8")


_JSON_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                          st.text(alphabet=st.characters(blacklist_categories=())))
_JSON = st.recursive(_JSON_SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                           st.dictionaries(st.sampled_from(
                                                               ["id", "text", "title", "html", "published",
                                                                "url", "outlet", "x"]), inner, max_size=5)),
                     max_leaves=12)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=st.lists(_JSON, min_size=1, max_size=5))
def test_json_lines_of_any_values_give_one_record_each(records):
    lines = [json.dumps(r, ensure_ascii=True) for r in records]
    docs = list(read_bytes("\n".join(lines).encode(), "x.jsonl"))
    assert len(docs) == len(lines)
    for doc in docs:
        json.dumps(doc.to_dict(), ensure_ascii=False).encode("utf-8")


def test_a_garbled_date_is_no_date_and_written_dates_still_read():
    from communique.ingest.dates import normalize_day

    assert normalize_day("2024-05-0\xff3") is None          # dateparser alone guesses a day of its own
    assert normalize_day('{"a": 1} 12') is None
    assert normalize_day("3 марта 2021") == "2021-03-03" and normalize_day("5 mars 2024") == "2024-03-05"


def test_ingest_extracted_survives_deep_json_surrogates_and_odd_records(tmp_path):
    lines = ['{"id": "a\\ud800", "text": "Prime Minister Anna Holt arrived in Oslo \\udc00 for a visit.", '
             '"actors": [], "events": [], "quotes": []}', "[" * 100_000, "[1, 2]"]
    (tmp_path / "ext.jsonl").write_bytes("\n".join(lines).encode() + b"\n\xff\xfe{}\n")
    r = subprocess.run(["communique", "ingest", "--extracted", str(tmp_path / "ext.jsonl"), "--db",
                        str(tmp_path / "e.db"), "-q"], capture_output=True, text=True)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    assert "1 added" in r.stderr and "3 errors" in r.stderr, r.stderr
