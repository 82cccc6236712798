"""Bad input and faults: corrupt, locked, read-only and full databases, killed ingests, concurrent readers."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from datetime import date, timedelta

import pytest

from communique.model import DateRange, Document, Event, Side
from communique.store import Store, StoreError
from communique.store.writer import Writer
from test_store_fixtures import MEETING_A, UNRELATED, meeting_doc, plain_doc


def test_corrupt_file_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "c.db"
    path.write_bytes(b"this is not an SQLite database at all\n" * 200)
    with pytest.raises(StoreError, match="not a Communique database"):
        Store(path)
    with pytest.raises(StoreError, match="not a Communique database"):
        Store(path, readonly=True)


def test_other_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE invoices (n INTEGER)")
    with pytest.raises(StoreError, match="not a Communique store"):
        Store(path)


def test_folder_instead_of_file(tmp_path):
    with pytest.raises(StoreError, match="folder"):
        Store(tmp_path)


def test_locked_database_gives_up_after_the_busy_timeout(tmp_path):
    path = tmp_path / "c.db"
    Store(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")                      # another writer holds the lock
    try:
        store = Store(path, timeout=0.3)
        with pytest.raises(StoreError, match=r"locked by another writer \(waited 0.3s\)") as info:
            store.ingest([plain_doc("d3", UNRELATED)])
        assert info.value.stats == {"added": 0, "duplicates": 0, "errors": 0, "events": 0}
        assert store.count_documents() == 0                # reading still works
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert store.ingest([plain_doc("d3", UNRELATED)])["added"] == 1
    store.close()


def test_readonly_file_gives_a_clear_message(tmp_path):
    path = tmp_path / "c.db"
    with Store(path) as s:
        s.ingest([plain_doc("d3", UNRELATED)])
    if os.geteuid() == 0:                                  # root ignores file modes: use a read-only open
        store = Store(path, readonly=True)
        with pytest.raises(StoreError, match="read-only"):
            store.ingest([meeting_doc("d1", MEETING_A, "kaznews")])
        # the raw sqlite failure is translated too
        with pytest.raises(sqlite3.OperationalError) as raw:
            store.db.execute("INSERT INTO errors(doc_id, message, added_at) VALUES ('x','y','z')")
        from communique.store.errors import explain
        assert "read-only" in str(explain(raw.value, str(path)))
        assert store.count_documents() == 1
        store.close()
        return
    os.chmod(path, 0o444)
    try:
        with pytest.raises(StoreError, match="read-only|cannot open"):
            Store(path).ingest([meeting_doc("d1", MEETING_A, "kaznews")])
        with Store(path, readonly=True) as ro:
            assert ro.count_documents() == 1
    finally:
        os.chmod(path, 0o644)


def _big_doc(i: int) -> Document:
    words = " ".join(f"word{i}x{j}" for j in range(4000))
    return Document(id=f"big{i}", text=words, published="2025-01-01")


def test_full_disk_rolls_back_the_batch_and_keeps_earlier_ones(tmp_path):
    store = Store(tmp_path / "c.db")
    store.ingest([meeting_doc("d1", MEETING_A, "kaznews"), plain_doc("d3", UNRELATED)])
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages + 5}")        # the "disk" has 5 pages left
    with pytest.raises(StoreError, match="full") as info:
        store.ingest([_big_doc(i) for i in range(10)], batch_size=10)
    assert info.value.stats["added"] == 0
    assert store.count_documents() == 2 and store.count_events() == 1
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.db.execute("PRAGMA max_page_count = 1073741823")          # space freed: the rerun succeeds
    assert store.ingest([_big_doc(i) for i in range(10)])["added"] == 10
    store.close()


def test_readers_keep_working_during_an_open_write(tmp_path):
    path = tmp_path / "c.db"
    writer = Store(path)
    writer.ingest([plain_doc("d3", UNRELATED)])
    reader = Store(path, readonly=True, timeout=0)                   # a reader that would wait fails at once
    writer.db.execute("BEGIN IMMEDIATE")
    Writer(writer.db).add(meeting_doc("d1", MEETING_A, "kaznews"))   # uncommitted
    assert reader.count_documents() == 1
    assert [h["id"] for h in reader.search("krone")] == ["d3"]
    assert reader.events() == []
    writer.db.execute("COMMIT")
    assert reader.count_documents() == 2 and len(reader.events()) == 1
    reader.close()
    writer.close()


def _generated_docs(n: int) -> list[dict]:
    """Small distinct documents, each with one event on its own day (so none corefer)."""
    out = []
    for i in range(n):
        text = (f"Dispatch {i}: delegation number {i} from the trade council met officials of ministry {i % 97} "
                f"to review shipment schedule {i * 7} and customs form {i * 13}.")
        day = (date(2000, 1, 1) + timedelta(days=3 * i)).isoformat()
        ev = Event(id="e1", type="MEET", source=Side(f"Delegation {i}", "KAZ"), target=Side(f"Ministry {i}", "RUS"),
                   date=DateRange(day, day), confidence=0.5)
        out.append(Document(id=f"gen{i:05d}", text=text, published=day, events=[ev]).to_dict())
    return out


def _ingest_cmd(src, db, batch=10):
    return [sys.executable, "-c", "from communique.cli import main; main()", "ingest", str(src), "--db", str(db),
            "--extracted", "--batch-size", str(batch), "--quiet"]


_KILL_AFTER = """
import json, os, signal, sys
from communique.model import Document
from communique.store import Store

src, db, after = sys.argv[1], sys.argv[2], int(sys.argv[3])
docs = (Document.from_dict(json.loads(line)) for line in open(src, encoding="utf-8"))
stored = 0

def seen(doc, outcome):
    global stored
    stored += 1
    if stored == after:                      # called after its batch committed: die like kill -9 would
        os.kill(os.getpid(), signal.SIGKILL)

Store(db).ingest(docs, batch_size=10, on_document=seen)
"""


def test_killed_ingest_resumes_without_loss_or_duplicates(tmp_path):
    n, killed_after = 3000, 120
    src = tmp_path / "docs.jsonl"
    src.write_text("".join(json.dumps(d) + "\n" for d in _generated_docs(n)), encoding="utf-8")
    db = tmp_path / "c.db"
    proc = subprocess.run([sys.executable, "-c", _KILL_AFTER, str(src), str(db), str(killed_after)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    with Store(db, readonly=True) as s:
        after_kill = s.count_documents()
    assert after_kill == killed_after                                 # every committed batch, nothing more
    rerun = subprocess.run(_ingest_cmd(src, db), capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    with Store(db, readonly=True) as s:
        assert s.count_documents() == n
        assert s.count_events() == n
        db_ = s.db
        assert db_.execute("SELECT count(DISTINCT id) FROM documents").fetchone()[0] == n
        assert db_.execute("SELECT count(*) FROM sources").fetchone()[0] == n
        assert db_.execute("SELECT count(*) FROM mentions").fetchone()[0] == n
        assert {r[0] for r in db_.execute("SELECT id FROM documents")} == {f"gen{i:05d}" for i in range(n)}
    assert f"{n - after_kill} added, {after_kill} duplicates" in rerun.stderr
