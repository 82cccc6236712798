"""End-to-end: the explorer in headless Debian Chromium (Playwright), against uvicorn on loopback.

One test drives every page over invented articles (always runs where a
browser is installed); one loads the seed articles through the real pipeline
and checks the 2025 state visit and the KAZ–RUS timeline (skips without
``../shared``). Screenshots land in ``artifacts/screenshots/``.
"""
from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from web_corpus import documents

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "artifacts" / "screenshots"
SEEDS = ROOT.parent / "shared" / "seeds" / "seeds.jsonl"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("browser tests skipped: the playwright Python package is not installed (pip install playwright)")
    executable = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    if not executable:
        pytest.skip("browser tests skipped: Debian chromium is not installed (apt-get install chromium)")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """uvicorn serving the app on 127.0.0.1 in a background thread."""

    def __init__(self, db_path):
        import uvicorn

        from communique.web import create_app

        self.port = _free_port()
        app = create_app(db_path, allowed_hosts=["127.0.0.1", "localhost"])
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(timeout=10)


def _store(path, docs):
    from communique.store import Store

    store = Store(str(path))
    try:
        store.ingest(docs)
    finally:
        store.close()
    return path


def _shot(page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    target = SHOTS / f"{name}.png"
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(target), full_page=True)
    return target


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield pg
    context.close()
    assert not errors, f"browser console errors: {errors}"


def test_every_page_over_invented_articles(page, tmp_path):
    db = _store(tmp_path / "demo.db", documents())
    with LiveServer(db) as live:
        page.goto(live.url + "/")
        assert page.locator(".stat strong").first.inner_text() == "3"
        _shot(page, "demo-home")

        page.fill(".bigsearch input[name=q]", "Hofburg")
        page.click(".bigsearch button")
        page.wait_for_url("**/search?q=Hofburg")
        assert page.locator(".snippet mark").first.inner_text() == "Hofburg"
        _shot(page, "demo-search")

        page.goto(live.url + "/events")
        page.select_option("select[name=type]", "VISIT")
        page.click(".filters button")
        page.wait_for_url("**/events?type=VISIT")   # empty fields are dropped from the URL
        assert page.locator(".events-table tbody tr").count() == 2
        _shot(page, "demo-events")

        page.click("text=2024-03-05")
        page.wait_for_selector("mark.evidence")
        evidence = page.locator("mark.evidence")
        assert evidence.count() == 1
        assert "arrived in Vienna on Tuesday on a state visit to Austria" in evidence.inner_text()
        actor_classes = {page.locator(".article-text .actor").nth(i).get_attribute("class")
                         for i in range(page.locator(".article-text .actor").count())}
        assert len(actor_classes) >= 3, actor_classes            # a distinct class per actor
        assert page.locator("mark.evidence .actor").count() >= 1  # mention inside the evidence stays marked
        assert "Peter Lang, Foreign Minister" in page.locator(".coded").inner_text()
        _shot(page, "demo-event")

        page.locator(".legend-item").first.click()                # the legend focuses one actor's mentions
        assert page.locator("body.focusing .actor.focus").count() >= 1

        page.goto(live.url + "/dyad/HUN/AUT")
        items = page.locator(".tl-item.tl-visit")
        assert items.count() == 2
        text = page.locator(".timeline").inner_text()
        assert "2022-05-30" in text and "2024-03-05" in text and "state visit" in text and "working visit" in text
        _shot(page, "demo-dyad")

        page.goto(live.url + "/visits")
        ledger = page.locator(".ledger").inner_text()
        assert "Peter Lang, Foreign Minister" in ledger and "first foreign visit" in ledger
        _shot(page, "demo-visits")

        page.goto(live.url + "/map")
        assert page.locator(".worldmap .point").count() == 2
        from communique.web.worldmap import country_shapes   # outlines only where countryinfo is installed

        assert page.locator(".worldmap .country").count() == len(country_shapes())
        _shot(page, "demo-map")

        page.goto(live.url + "/actors?q=Kovacs")
        page.click("table a:has-text('Maria Kovacs')")
        page.wait_for_selector(".roles")
        assert "President" in page.locator(".roles").inner_text()
        assert "Anna Weber" in page.locator(".bars").inner_text()
        _shot(page, "demo-actor")

        page.goto(live.url + "/document/accuse-2023")
        assert "<script>alert('x')</script>" in page.locator(".article-text").inner_text()  # shown, not run
        _shot(page, "demo-document")

        page.goto(live.url + "/api")
        assert page.locator(".endpoint").count() >= 8
        _shot(page, "demo-api")


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory, extractor):
    if not SEEDS.is_file():
        pytest.skip(f"seed browser test skipped: {SEEDS} is not beside this checkout")
    from communique.ingest import read_paths

    docs = list(extractor.pipe(read_paths([str(SEEDS)])))
    return _store(tmp_path_factory.mktemp("seeds") / "seeds.db", docs)


def test_seed_state_visit_and_kaz_rus_timeline(page, seed_store):
    from communique.store import Store

    store = Store(str(seed_store), readonly=True)
    try:
        visits = store.events(type="VISIT", limit=500)
    finally:
        store.close()
    visit_2025 = [e for e in visits if any(m.get("published") == "2025-11-11" for m in e.get("mentions") or [])]
    assert visit_2025, "no VISIT event extracted from the seed article published 2025-11-11"

    with LiveServer(seed_store) as live:
        page.goto(f"{live.url}/event/{visit_2025[0]['id']}")
        evidence = page.locator("mark.evidence")
        assert evidence.count() >= 1
        assert evidence.first.is_visible()
        assert "Tokayev" in evidence.first.inner_text() or "visit" in evidence.first.inner_text().lower()
        assert page.locator(".article-text .actor").count() >= 1
        _shot(page, "event")

        page.goto(f"{live.url}/dyad/KAZ/RUS")
        visit_items = page.locator(".tl-item.tl-visit")
        dates = " ".join(visit_items.nth(i).locator(".tl-date").inner_text() for i in range(visit_items.count()))
        assert "2019" in dates and "2025" in dates, dates
        _shot(page, "dyad")

        for name, path in (("home", "/"), ("events", "/events"), ("visits", "/visits"), ("map", "/map"),
                           ("actors", "/actors"), ("search", "/search?q=Tokayev"), ("documents", "/documents")):
            page.goto(live.url + path)
            _shot(page, name)


# ---------------------------------------------------------------- analyst views (issue 11), demo stories
WIDTHS = (1366, 400)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    from demo_store import build

    return build(tmp_path_factory.mktemp("demo-browser") / "demo.db")


def _no_sideways_scroll(page) -> None:
    over = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert over <= 1, f"{page.url} scrolls sideways by {over}px"


@pytest.mark.parametrize("width", WIDTHS)
def test_chart_downloads_and_protocol_in_the_browser(browser, demo_db, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    try:
        with LiveServer(demo_db) as live:
            # events over time: bars drawn, numbers one click away
            page.goto(f"{live.url}/dyad/KAZ/RUS")
            chart = page.locator("svg.timechart")
            assert chart.is_visible()
            assert page.locator("svg.timechart rect.seg").count() >= 3
            box = chart.bounding_box()
            assert box and box["width"] > 200 and box["height"] > 60
            page.click("#chart-numbers summary")
            assert page.locator("#chart-numbers table").is_visible()
            assert "2025" in page.locator("#chart-numbers table").inner_text()
            _no_sideways_scroll(page)
            _shot(page, f"dyad-chart-{width}")

            # downloads: exactly the filtered list
            page.goto(f"{live.url}/events?country=KAZ&type=VISIT")
            total = int(page.locator("h1 .count").inner_text())
            with page.expect_download() as got:
                page.click("a[href^='/export/events.csv']")
            import csv

            with open(got.value.path(), encoding="utf-8", newline="") as fh:
                rows = list(csv.DictReader(fh))
            assert total > 0 and len(rows) == total and {r["type"] for r in rows} == {"VISIT"}
            with page.expect_download() as got:
                page.click("a[href^='/export/events.json']")
            import json

            assert len(json.loads(Path(got.value.path()).read_text("utf-8"))) == total
            first = page.locator(".events-table tbody tr").first.inner_text()
            page.click(".events-table thead th >> nth=0")            # sortable columns
            assert page.locator(".events-table thead th").first.get_attribute("aria-sort") == "ascending"
            assert page.locator(".events-table tbody tr").first.inner_text() != first or total == 1
            _no_sideways_scroll(page)
            _shot(page, f"events-{width}")

            # the protocol comparison: two KAZ visits to Russia side by side, the score and its formula
            page.goto(f"{live.url}/protocol/KAZ/RUS?guest=KAZ")
            table = page.locator(".protocol-table")
            text = table.inner_text()
            assert "Deputy Foreign Minister" in text and "First Deputy Prime Minister" in text
            assert "fighter jets" in text
            scores = [int(s) for s in page.locator(".protocol-table .score-row strong.score").all_inner_texts()]
            assert len(scores) == 2 and scores[1] > scores[0]
            assert page.locator(".formula").is_visible()
            _no_sideways_scroll(page)
            _shot(page, f"protocol-{width}")

            for name, path in (("visits", "/visits"), ("dyads", "/dyads"), ("map", "/map"), ("home", "/"),
                               ("documents", "/documents"), ("actors", "/actors")):
                page.goto(live.url + path)
                _no_sideways_scroll(page)
                _shot(page, f"{name}-{width}")
            page.goto(live.url + "/visits")
            assert "Oleg Travin" in page.locator(".ledger").inner_text()
    finally:
        context.close()
    assert not errors, f"browser console errors: {errors}"
