"""Regression tests for store defects found by fuzzing and by new users (issues 11 and 12)."""
from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from communique.model import Actor, DateRange, Document, Event, Side
from communique.store import Store, StoreError
from communique.store.fingerprint import input_hash
from test_store_fixtures import MEETING_A, MEETING_B, UNRELATED, meeting_doc, plain_doc, span

NOBODY = 65534


def _as_other_user(fn):
    """Run ``fn`` in a forked child under an unprivileged uid (root ignores file modes), return its result."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:                                            # child
        os.close(r)
        try:
            if os.geteuid() == 0:
                os.setegid(NOBODY)
                os.seteuid(NOBODY)
            out = fn()
        except BaseException as exc:                        # noqa: BLE001 - reported to the parent as text
            out = f"{type(exc).__name__}: {exc}"
        os.write(w, json.dumps(out).encode("utf-8"))
        os._exit(0)
    os.close(w)
    data = b""
    while chunk := os.read(r, 65536):
        data += chunk
    os.close(r)
    os.waitpid(pid, 0)
    return json.loads(data)


def _reads(path: str, readonly: bool) -> dict:
    out = {}
    with Store(path, readonly=readonly) as s:
        out["events"] = len(s.events())
        out["search"] = len(s.search("krone"))
        out["actors"] = len(s.actors())
        out["timeline"] = len(s.timeline("KAZ", "RUS"))
        out["count"] = s.count_events(country=["KAZ"], type="MEET", since="2025-01-01")
    return out


@pytest.fixture
def shared_folder():
    """A folder another user can enter (pytest's tmp_path is private to root)."""
    d = Path(tempfile.mkdtemp(prefix="communique-ro-"))
    os.chmod(d, 0o755)
    yield d
    os.chmod(d, 0o755)
    for p in d.iterdir():
        os.chmod(p, 0o644)
        p.unlink()
    d.rmdir()


@pytest.mark.parametrize("what", ["file", "folder"])
def test_reads_work_on_a_read_only_file_and_folder(shared_folder, what):
    path = shared_folder / "c.db"
    with Store(path) as s:
        s.ingest([meeting_doc("d1", MEETING_A, "kaznews"), plain_doc("d3", UNRELATED)])
    os.chmod(path, 0o444)
    if what == "folder":
        os.chmod(shared_folder, stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)
    expected = {"events": 1, "search": 1, "actors": 2, "timeline": 1, "count": 1}
    assert _as_other_user(lambda: _reads(str(path), True)) == expected
    assert _as_other_user(lambda: _reads(str(path), False)) == expected       # a plain open falls back to reading

    def write():
        with Store(str(path)) as s:
            s.ingest([plain_doc("d9", UNRELATED.replace("Norway", "Chile"))])
        return "written"
    assert "read-only" in _as_other_user(write)
    assert sorted(p.name for p in shared_folder.iterdir()) == ["c.db"]        # no side files left behind


def test_known_id_with_changed_text_is_kept_as_id_hash(tmp_path):
    edited = UNRELATED.replace("left its key rate unchanged on Thursday", "cut its key rate by a quarter point")
    with Store(tmp_path / "c.db") as s:
        s.ingest([plain_doc("page", UNRELATED)])
        stats = s.ingest([plain_doc("page", edited)])
        assert stats["added"] == 1
        ids = sorted(d["id"] for d in s.documents())
        assert ids[0] == "page" and ids[1].startswith("page#") and len(ids) == 2
        assert "quarter point" in s.document(ids[1])["text"]
        # the same edited text again is a duplicate, not a third version
        assert s.ingest([plain_doc("page", edited)])["duplicates"] == 1


def _damage_table(path: Path, table: str) -> None:
    with sqlite3.connect(path) as db:
        root = db.execute("SELECT rootpage FROM sqlite_master WHERE name=?", (table,)).fetchone()[0]
        page = db.execute("PRAGMA page_size").fetchone()[0]
    with open(path, "r+b") as fh:
        fh.seek((root - 1) * page)
        fh.write(b"\x0d\xff\xff\xff" + b"\xa5" * (page - 4))


@pytest.mark.parametrize("table", ["events", "mentions", "actors"])
def test_damaged_store_is_refused_by_every_read_path(tmp_path, table):
    path = tmp_path / "c.db"
    with Store(path) as s:
        s.ingest([meeting_doc("d1", MEETING_A, "kaznews"), plain_doc("d3", UNRELATED)])
    _damage_table(path, table)
    messages = set()
    for call in (lambda s: s.events(), lambda s: s.search("krone"), lambda s: s.actors(),
                 lambda s: s.document("d3"), lambda s: s.count_documents()):
        with pytest.raises(StoreError) as info:
            with Store(path, readonly=True) as s:
                call(s)
        messages.add(str(info.value))
    assert len(messages) == 1 and "corrupt" in messages.pop()


def _distinct_text(i: int) -> str:
    """A short report whose every sentence depends on ``i``, so no two are near-duplicates."""
    return " ".join(f"Harbour {i} logged {i * 7 + k} cargo ships in week {k} while berth {i + k} stayed shut "
                    f"for repairs costing {i * 1000 + k} units." for k in range(8))


def test_unchanged_inputs_are_skipped_before_extraction(tmp_path):
    from communique.pipeline import prepare

    seen: list[str] = []

    def extract(docs):
        for doc in docs:
            seen.append(doc.id)
            yield prepare(doc)

    def raw():
        return [Document(id=f"r{i}", raw_text=_distinct_text(i), published="2025-03-06") for i in range(5)]

    with Store(tmp_path / "c.db") as s:
        first = s.ingest(raw(), extract=extract)
        assert first["added"] == 5 and seen == [f"r{i}" for i in range(5)]
        seen.clear()
        again = s.ingest(raw(), extract=extract)
        assert again == {"added": 0, "duplicates": 5, "errors": 0, "events": 0}
        assert seen == []                                          # nothing reached the extractor
        changed = raw()
        changed[2].raw_text += " A late correction was added."
        assert s.ingest(changed, extract=extract)["added"] == 1
        assert seen == ["r2"]
        doc = raw()[0]
        assert s.known("r0", input_hash(doc)) and not s.known("r0", "0" * 40)


def test_cli_reingest_skips_unchanged_files(tmp_path):
    from typer.testing import CliRunner

    from communique.cli import app

    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(3):
        (folder / f"p{i}.txt").write_text(f"Bulletin {i}\n\n" + _distinct_text(i), encoding="utf-8")
    db = tmp_path / "c.db"
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--published", "2025-03-06", "--quiet"])
    assert first.exit_code == 0, first.output
    again = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--published", "2025-03-06", "--quiet"])
    assert again.exit_code == 0, again.output
    assert "0 added, 3 duplicates" in again.output


def _filler_docs(n: int) -> list[Document]:
    """Distinct invented reports full of common words, like a small news store."""
    return [Document(id=f"f{i:02d}", text=" ".join(f"The harbour {i} of the city logged {i * 7 + k} ships in the week "
                                                  f"{k} and the berth {i + k} of the port stayed shut for the "
                                                  f"repairs {i * 1000 + k}." for k in range(30)),
                     title=f"Port report {i}", published="2025-02-01") for i in range(n)]


def test_search_with_a_repeated_common_word_does_bounded_work(tmp_path):
    from communique.store.queries import SEARCH_BUDGET

    with Store(tmp_path / "c.db") as s:
        assert s.ingest(_filler_docs(60))["added"] == 60
        hits = s.search(" ".join(["the"] * 100))
        assert len(hits) == 20 and hits.complete
        assert hits.steps < SEARCH_BUDGET // 3             # deduplicated: one term, not a hundred
        many = s.search(" ".join(f"word{i}" for i in range(40)) + " council")
        assert many.steps < SEARCH_BUDGET
        slow = s._read(lambda db: __import__("communique.store.queries", fromlist=["search"]).search(
            db, "the", 20, 0, ("[", "]"), budget=0))
        assert not slow.complete and "time limit" in slow.note


def test_search_command_does_not_import_datasketch(tmp_path):
    with Store(tmp_path / "c.db") as s:
        s.ingest([plain_doc("d3", UNRELATED)])
    db = str(tmp_path / "c.db")
    code = ("import sys; from communique.cli import main; sys.argv=['communique','search','krone','--db',"
            f"{db!r},'--format','jsonl']\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('datasketch' in sys.modules, file=sys.stderr)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert '"id": "d3"' in run.stdout
    assert run.stderr.strip().splitlines()[-1] == "False"
    # the store's read path itself needs neither the near-duplicate library nor numpy
    code = (f"import sys; from communique.store import Store; hits = Store({db!r}, readonly=True).search('krone'); "
            "print(len(hits), 'datasketch' in sys.modules, 'numpy' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.stdout.split() == ["1", "False", "False"], run.stderr


def _person(aid, name, country, kb_id=None, role=None, text=""):
    mentions = [span(text, name)] if name in text else []
    return Actor(id=aid, name=name, kind="person", country=country, role=role, kb_id=kb_id, mentions=mentions)


def _meet(doc_id, day, src, tgt, text):
    ev = Event(id="e1", type="MEET", source=Side(src.name, src.country, src.id),
               target=Side(tgt.name, tgt.country, tgt.id), date=DateRange(day, day), confidence=0.6,
               evidence=[span(text, text.split(".")[0])])
    return Document(id=doc_id, text=text, published=day, actors=[src, tgt], events=[ev])


def test_generic_titles_never_merge_people_across_documents(tmp_path):
    t1 = "The president received the envoy of Chile in the capital. They spoke of copper."
    t2 = "The president received the envoy of Chile again years later. They spoke of lithium."
    d1 = _meet("y2010", "2010-05-05", _person("a1", "the president", "KAZ", text=t1),
               _person("a2", "Rosa Vidal", "CHL", text=t1), t1)
    d2 = _meet("y2020", "2020-05-05", _person("a1", "the president", "KAZ", text=t2),
               _person("a2", "Rosa Vidal", "CHL", text=t2), t2)
    with Store(tmp_path / "c.db") as s:
        s.ingest([d1, d2])
        assert s.events(actor="the president") == []
        assert s.events(actor="president") == []
        names = {a["name"] for a in s.actors()}
        assert "the president" not in names
        assert len(s.events(actor="Rosa Vidal")) == 2
        assert len(s.events(actor="rosa vidal")) == 2                   # a query is not judged by its case


def test_people_merge_by_kb_id_and_by_full_name_and_country(tmp_path):
    t = "Nursultan Abenov met Olga Petrova in the capital. They agreed on a rail timetable."
    with Store(tmp_path / "c.db") as s:
        s.ingest([
            _meet("a", "2024-01-10", _person("a1", "Nursultan Abenov", "KAZ", "Q111", text=t),
                  _person("a2", "Olga Petrova", "RUS", text=t), t),
            # another spelling, linked to the same knowledge-base entry
            _meet("b", "2024-03-10",
                  _person("a1", "Nursultan Abenow", "KAZ", "Q111", text=t.replace("Abenov", "Abenow")),
                  _person("a2", "Olga Petrova", "RUS", text=t), t.replace("Abenov", "Abenow")),
            # same surname and initial, another country: someone else
            _meet("c", "2024-05-10", _person("a1", "Nina Petrova", "UKR", text=t.replace("Olga", "Nina")),
                  _person("a2", "Olga Petrova", "RUS", text=t.replace("Olga", "Nina")), t.replace("Olga", "Nina")),
        ])
        abenov = [a for a in s.actors("Abenov")]
        assert len(abenov) == 1 and abenov[0]["kb_id"] == "Q111" and "Nursultan Abenow" in abenov[0]["aliases"]
        assert len(s.events(actor="Q111")) == 2
        assert {a["country"] for a in s.actors("Petrova")} == {"RUS", "UKR"}


def test_old_store_is_upgraded_in_place(tmp_path):
    path = tmp_path / "old.db"
    with Store(path) as s:
        s.ingest([meeting_doc("d1", MEETING_A, "kaznews")])
    with sqlite3.connect(path) as db:                       # make it look like a version-1 store
        db.execute("PRAGMA user_version = 1")
    with Store(path) as s:
        assert s.version >= 2 and len(s.events(country=["KAZ"], type="MEET")) == 1


def test_capped_counts_stop_after_the_cap(tmp_path):
    with Store(tmp_path / "c.db") as s:
        autumn = ("Marat Dauletov and Ivan Sokolov met again in the autumn at a forum on river shipping, where "
                  "both men praised the customs group and promised a further round of talks before winter.")
        s.ingest([meeting_doc("d1", MEETING_A, "kaznews"),
                  meeting_doc("d2", MEETING_B, "rusnews", date="2025-06-01", published="2025-06-01"),
                  meeting_doc("d3", autumn, "y", date="2025-10-01", published="2025-10-01")])
        filters = ({}, {"country": ["KAZ"]}, {"country": ["KAZ", "RUS"]}, {"country": ["KAZ", "RUS"], "type": "MEET"},
                   {"type": "MEET", "status": "occurred"}, {"actor": "Dauletov"})
        for f in filters:
            exact = s.count_events(**f)
            assert exact == 3, f
            assert s.count_events(cap=10, **f) == exact
            assert s.count_events(cap=1, **f) == 2                   # "more than one"


def test_a_much_told_event_lists_its_first_reports_and_keeps_all(tmp_path):
    docs = [meeting_doc(f"r{i}", f"Dauletov received Sokolov, report {i} says. " + _distinct_text(i), f"outlet{i}")
            for i in range(30)]
    with Store(tmp_path / "c.db") as s:
        assert s.ingest(docs)["added"] == 30
        (listed,) = s.events()
        assert listed["n_documents"] == 30 and len(listed["mentions"]) == 25
        assert [m["doc_id"] for m in listed["mentions"]] == [f"r{i}" for i in range(25)]
        assert len(s.event(listed["id"])["mentions"]) == 30
        assert len(list(s.iter_events())[0]["mentions"]) == 30
