"""``-o PATH``: regular files atomically, devices and symlinks written through, one-line refusals."""
from __future__ import annotations

import json
import os
import stat
import subprocess

import pytest

from communique.cli.output import OutputError, output_file, output_target
from communique.export import export_events
from communique.store import Store

needs_dev_full = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")


def test_a_regular_file_is_replaced_atomically_and_kept_when_writing_fails(tmp_path):
    out = tmp_path / "out.txt"
    out.write_text("old")
    with pytest.raises(RuntimeError):
        with output_file(out) as fh:
            fh.write("half")
            raise RuntimeError("writer failed")
    assert out.read_text() == "old" and sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]
    with output_file(out) as fh:
        fh.write("new")
    assert out.read_text() == "new" and sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path):
    (tmp_path / "real.txt").write_text("old")
    os.symlink("real.txt", tmp_path / "link.txt")
    with output_file(tmp_path / "link.txt") as fh:
        fh.write("new")
    assert (tmp_path / "link.txt").is_symlink() and (tmp_path / "real.txt").read_text() == "new"


def test_dev_null_is_written_in_place_and_stays_a_device():
    with output_file("/dev/null") as fh:
        fh.write("discarded\n" * 100)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@needs_dev_full
def test_a_full_device_is_a_one_line_error():
    with pytest.raises(OutputError) as err:
        with output_file("/dev/full") as fh:
            fh.write("x" * 100_000)
    assert "no space left" in str(err.value) and "\n" not in str(err.value)
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_a_directory_and_a_missing_folder_are_refused(tmp_path):
    with pytest.raises(OutputError, match="is a directory"):
        output_target(tmp_path)
    with pytest.raises(OutputError, match="does not exist"):
        output_target(tmp_path / "missing" / "out.jsonl")


@needs_dev_full
def test_export_writes_devices_and_refuses_folders(tmp_path):
    db = tmp_path / "x.db"
    with Store(str(db)) as store:
        assert export_events(store, "jsonl", "/dev/null") == 0
        assert export_events(store, "parquet", "/dev/null") == 0
        with pytest.raises(OutputError, match="is a directory"):
            export_events(store, "csv", tmp_path)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    for target, words in (("/dev/full", "no space left"), (str(tmp_path), "is a directory"),
                          (str(tmp_path / "nope" / "e.csv"), "does not exist")):
        r = subprocess.run(["communique", "export", "--db", str(db), "-f", "csv", "-o", target],
                           capture_output=True, text=True)
        assert r.returncode != 0 and words in r.stderr, r.stderr
        assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


@needs_dev_full
def test_extract_o_refuses_clearly_and_writes_through_links(tmp_path):
    story = tmp_path / "s.txt"
    story.write_text("The foreign ministers of Chile and Peru met in Lima on Tuesday.")
    for target, words in (("/dev/full", "no space left"), (str(tmp_path), "is a directory"),
                          (str(tmp_path / "nope" / "o.jsonl"), "does not exist")):
        r = subprocess.run(["communique", "extract", str(story), "-q", "-o", target], capture_output=True, text=True)
        assert r.returncode == 2 and words in r.stderr and "Traceback" not in r.stderr, r.stderr
    (tmp_path / "real.jsonl").write_text("")
    os.symlink("real.jsonl", tmp_path / "link.jsonl")
    r = subprocess.run(["communique", "extract", str(story), "-q", "-o", str(tmp_path / "link.jsonl")],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    [rec] = [json.loads(line) for line in (tmp_path / "real.jsonl").read_text().splitlines()]
    assert rec["id"] == "s" and (tmp_path / "link.jsonl").is_symlink()
