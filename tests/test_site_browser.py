"""The provenance browser in a real headless browser (Debian's Chromium via Playwright).

Every page is loaded from file:// and must raise no console error and request
nothing outside file://; every internal link must resolve (file and #fragment);
every evidence span must be highlighted exactly over its offsets in the DOM;
the search must find records. Skipped when no browser is installed locally;
when VNFR_REQUIRE_BROWSER=1 (set by .ci/run) a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

import vnfr_data
from vnfr_data.site import build_site
from vnfr_data.site.chromium import CHROMIUM, FLAGS

DATA = Path(__file__).resolve().parent.parent / "data"


def _browser_missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -e '.[dev]')"
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    return None


_MISSING = _browser_missing()
if _MISSING and os.environ.get("VNFR_REQUIRE_BROWSER") == "1":
    pytest.fail(f"VNFR_REQUIRE_BROWSER=1 but {_MISSING}", pytrace=False)
pytestmark = pytest.mark.skipif(_MISSING is not None, reason=f"browser tests: {_MISSING}")

# The text of #text as the page shows it, skipping data-nontext elements, with every
# mark's position counted in code points (Python str offsets), not UTF-16 units.
READ_TEXT = """() => {
  const root = document.getElementById('text');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => n.parentElement.closest('[data-nontext]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  let text = '', at = 0;
  const marks = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const len = Array.from(n.data).length;
    const m = n.parentElement.closest('mark');
    if (m && root.contains(m)) {
      const style = getComputedStyle(m);
      marks.push({keys: m.dataset.ev.split(' '), start: at, end: at + len, text: n.data,
                  background: style.backgroundColor});
    }
    text += n.data;
    at += len;
  }
  const anchors = {};
  root.querySelectorAll('span.anchor').forEach((a) => {
    anchors[a.id] = [a.dataset.table, a.dataset.record];
  });
  return {text, marks, anchors};
}"""

PAGE_FACTS = """() => ({
  hrefs: [...document.querySelectorAll('a[href]')].map((a) => a.href),
  ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
  lang: document.documentElement.lang,
  h1: document.querySelectorAll('h1').length,
  landmarks: ['header', 'nav', 'main', 'footer'].filter((t) => document.querySelector(t)),
  title: document.title,
})"""


class Browser:
    """One Chromium for the module; each page logs its console errors and requests."""

    def __init__(self, context: Any) -> None:
        self.context = context
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.failed: list[str] = []

    def open(self, url: str, width: int = 1280) -> Any:
        page = self.context.new_page()
        page.set_viewport_size({"width": width, "height": 900})
        page.on(
            "console",
            lambda m: self.errors.append(f"{url}: {m.text}") if m.type == "error" else None,
        )
        page.on("pageerror", lambda e: self.errors.append(f"{url}: {e}"))
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("requestfailed", lambda r: self.failed.append(r.url))
        page.goto(url, wait_until="load")
        return page


@pytest.fixture(scope="module")
def site() -> Iterator[Path]:
    out = Path(tempfile.mkdtemp(prefix="vnfr-site-test-"))
    build_site(vnfr_data.load(DATA), out / "site")
    yield out / "site"
    shutil.rmtree(out, ignore_errors=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw, tempfile.TemporaryDirectory(prefix="vnfr-chromium-") as profile:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=FLAGS, headless=True
        )
        context.set_default_timeout(20_000)
        yield Browser(context)
        context.close()


@pytest.fixture(scope="module")
def crawl(site: Path, browser: Browser) -> dict[str, dict[str, Any]]:
    """Every page reachable from the overview by links, with what each page holds."""
    facts: dict[str, dict[str, Any]] = {}
    queue = [(site / "index.html").as_uri()]
    while queue:
        url = queue.pop()
        path = unquote(urlsplit(url).path)
        if path in facts:
            continue
        page = browser.open(url)
        facts[path] = page.evaluate(PAGE_FACTS)
        page.close()
        for href in facts[path]["hrefs"]:
            parts = urlsplit(href)
            target = unquote(parts.path)
            if parts.scheme == "file" and target.endswith(".html") and Path(target).is_file():
                queue.append(parts._replace(query="", fragment="").geturl())
    return facts


def test_every_page_loads_without_errors_or_outside_requests(
    site: Path, browser: Browser, crawl: dict[str, dict[str, Any]]
) -> None:
    pages = {p.as_posix() for p in site.rglob("*.html")}
    assert set(crawl) == pages  # every page is reachable by links from the overview
    assert browser.errors == []
    assert browser.failed == []
    outside = [u for u in browser.requests if not u.startswith("file://")]
    assert outside == []
    assert len(browser.requests) >= len(pages)


def test_every_link_resolves(crawl: dict[str, dict[str, Any]]) -> None:
    broken = []
    for path, facts in crawl.items():
        for href in facts["hrefs"]:
            parts = urlsplit(href)
            if parts.scheme != "file":
                broken.append((path, href))
                continue
            target = unquote(parts.path)
            if not Path(target).is_file() or (
                parts.fragment
                and target in crawl
                and unquote(parts.fragment) not in crawl[target]["ids"]
            ):
                broken.append((path, href))
    assert broken == []


def test_every_page_has_a_language_a_heading_and_landmarks(
    crawl: dict[str, dict[str, Any]],
) -> None:
    for path, facts in crawl.items():
        assert facts["lang"] == "en", path
        assert facts["h1"] == 1, path
        assert facts["landmarks"] == ["header", "nav", "main", "footer"], path
        assert facts["title"].endswith("· vnfr-data"), path


def test_every_evidence_span_is_highlighted_exactly_over_its_offsets(
    site: Path, browser: Browser
) -> None:
    ds = vnfr_data.load(DATA)
    evidence = ds.evidence.arrow.to_pylist()
    checked = 0
    for source in ds.sources:
        page = browser.open((site / "articles" / f"{source.source_id}.html").as_uri())
        got = page.evaluate(READ_TEXT)
        page.close()
        text = ds.source_text(source.source_id)
        assert got["text"] == text  # the DOM holds the whole source, nothing added or lost
        runs: dict[str, list[dict[str, Any]]] = {}
        for mark in got["marks"]:
            assert mark["background"] not in ("rgba(0, 0, 0, 0)", "transparent")
            for key in mark["keys"]:
                runs.setdefault(key, []).append(mark)
        shown: Counter[tuple[Any, ...]] = Counter()
        for key, marks in runs.items():
            assert all(a["end"] == b["start"] for a, b in zip(marks, marks[1:], strict=False)), key
            quote = "".join(m["text"] for m in marks)
            table, record = got["anchors"][key]
            shown[(table, record, marks[0]["start"], marks[-1]["end"], quote)] += 1
        rows = [e for e in evidence if e["source_id"] == source.source_id]
        wanted = Counter(
            (e["record_table"], e["record_id"], e["char_start"], e["char_end"], e["quote"])
            for e in rows
        )
        assert shown == wanted, source.source_id
        for mark in got["marks"]:
            over = sum(
                e["char_start"] <= mark["start"] and e["char_end"] >= mark["end"] for e in rows
            )
            assert len(mark["keys"]) == over
        checked += len(rows)
    assert checked == len(evidence)


def test_record_pages_highlight_each_evidence_quote(site: Path, browser: Browser) -> None:
    ds = vnfr_data.load(DATA)
    for table, record_id in (
        ("statements", "st-3c061884-02"),
        ("agreements", "ag-unclos"),
        ("events", "ev-2024-10-08-talks-lam-macron-paris"),
    ):
        page = browser.open((site / table / f"{record_id}.html").as_uri())
        quotes = page.eval_on_selector_all(
            "li.evidence", "(items) => items.map((li) => li.querySelector('mark').textContent)"
        )
        page.close()
        assert Counter(quotes)[ds.evidence_for(table, record_id)[0].quote] >= 1
        assert set(q.quote for q in ds.evidence_for(table, record_id)) <= set(quotes)


def test_search_finds_a_record_by_a_word_of_its_text(site: Path, browser: Browser) -> None:
    ds = vnfr_data.load(DATA)
    statement = ds.statements.get("st-3c061884-02")
    assert statement is not None
    word = max(statement.text.split(), key=len).strip(".,;:")
    page = browser.open((site / "index.html").as_uri())
    page.focus("#q")
    page.keyboard.type(word)
    hrefs = page.eval_on_selector_all("#results a", "(as) => as.map((a) => a.getAttribute('href'))")
    assert "statements/st-3c061884-02.html" in hrefs
    assert str(len(hrefs)) in page.inner_text("#result-count") or len(hrefs) == 1
    # Arriving with ?q= from the search box of any page; accents and case are folded.
    page.goto((site / "index.html").as_uri() + "?q=LECORNU+sebastien")
    hrefs = page.eval_on_selector_all("#results a", "(as) => as.map((a) => a.getAttribute('href'))")
    assert "actors/sebastien-lecornu.html" in hrefs
    page.close()


def test_filters_narrow_the_records(site: Path, browser: Browser) -> None:
    ds = vnfr_data.load(DATA)
    page = browser.open((site / "index.html").as_uri())
    page.select_option("#f-table", "events")
    page.select_option("#f-actor", "to-lam")
    hrefs = set(
        page.eval_on_selector_all("#results a", "(as) => as.map((a) => a.getAttribute('href'))")
    )
    assert hrefs == {f"events/{e.event_id}.html" for e in ds.events_of("to-lam")}
    page.fill("#f-from", "2025-01-01")
    later = set(
        page.eval_on_selector_all("#results a", "(as) => as.map((a) => a.getAttribute('href'))")
    )
    assert later == {
        f"events/{e.event_id}.html"
        for e in ds.events_of("to-lam")
        if e.date_start is not None and str(e.date_end or e.date_start) >= "2025-01-01"
    }
    assert 0 < len(later) < len(hrefs)
    page.close()


def test_keyboard_reaches_content_with_a_visible_focus(site: Path, browser: Browser) -> None:
    page = browser.open((site / "articles" / "3c061884a9f81943.html").as_uri())
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => { const e = document.activeElement; const s = getComputedStyle(e);"
        " return [e.className, s.outlineStyle, parseFloat(s.outlineWidth), e.getBoundingClientRect().top]; }"
    )
    assert focused[0] == "skip" and focused[1] != "none" and focused[2] >= 2 and focused[3] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    # Focusing a record link lights up its quote's words.
    page.focus("a.chip")
    lit = page.evaluate("() => document.querySelectorAll('mark.on').length")
    assert lit > 0
    page.close()


CONTRAST = """(selectors) => {
  function rgb(c) { const m = c.match(/[\\d.]+/g).map(Number); return m.length > 3 && m[3] === 0 ? null : m.slice(0, 3); }
  function lum(c) { const [r, g, b] = c.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; }
  function bg(e) { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c) return c; } return [255, 255, 255]; }
  const out = [];
  for (const sel of selectors) {
    document.querySelectorAll(sel).forEach((e, i) => {
      if (i > 20 || !e.textContent.trim()) return;
      const a = lum(rgb(getComputedStyle(e).color)), b = lum(bg(e));
      out.push([sel, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)]);
    });
  }
  return out;
}"""


@pytest.mark.parametrize(
    ("path", "selectors"),
    [
        (
            "articles/3c061884a9f81943.html",
            [
                "mark.d1",
                "mark.d2",
                "mark.d3",
                ".fur .line",
                ".fur-label",
                ".chip .kind",
                ".chip",
                ".subtitle",
                ".legend",
                "a",
            ],
        ),
        (
            # A page with a disputed field (To Lam's role), so badges and ranks are measured.
            "events/ev-2024-10-08-talks-lam-macron-paris.html",
            [
                "td",
                "th",
                ".desc",
                ".badge",
                ".rank",
                "code.col",
                ".cite a",
                "mark",
                "header a",
                "footer p",
            ],
        ),
        ("index.html", ["label", ".help", ".tiles a", "#result-count", "button"]),
    ],
)
def test_text_contrast_meets_wcag_aa(
    site: Path, browser: Browser, path: str, selectors: list[str]
) -> None:
    page = browser.open((site / path).as_uri())
    page.evaluate("() => document.querySelector('mark.hl')?.classList.add('on')")  # lit, too
    ratios = page.evaluate(CONTRAST, selectors)
    page.close()
    assert {s for s, _ in ratios} == set(selectors)  # each selector was measured
    low = [(s, round(r, 2)) for s, r in ratios if r < 4.5]
    assert low == []


@pytest.mark.parametrize(
    "path",
    [
        "index.html",
        "articles/9ffa17363db973bd.html",
        "events/ev-2024-10-08-talks-lam-macron-paris.html",
        "agreements/ag-unclos.html",
    ],
)
def test_pages_fit_a_phone_screen(site: Path, browser: Browser, path: str) -> None:
    page = browser.open((site / path).as_uri(), width=390)
    width = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    page.close()
    assert width[0] <= width[1]
