"""End to end in headless Chromium: search without diacritics, the official's page with its
timeline and quoted sentence, on to the bloc page; the same without JavaScript; the network view;
the SPARQL editor; phone-sized pages that do not scroll sideways. Screenshots in test-artifacts/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from tests.linked_data.sample import BLOC, PERSON, POST_QUOTE, QUOTED

from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True,
                                  locale="vi-VN")
    tab = context.new_page()
    tab.outside = []  # requests that left this server
    tab.on("request", lambda request: _record(tab, request.url, server))
    yield tab
    context.close()


def _record(tab: Any, url: str, server: str) -> None:
    if urlparse(url).scheme in ("http", "https") and not url.startswith(server):
        tab.outside.append(url)


def _fits_width(tab: Any) -> bool:
    """No sideways scrolling, and no text squeezed into a sliver (every dd, td and li at least 80 px wide)."""
    return bool(tab.evaluate("""() => document.documentElement.scrollWidth <= window.innerWidth + 1 &&
        Array.from(document.querySelectorAll("main dd, main td, main li")).every(
            e => e.getBoundingClientRect().width >= 80)"""))


def test_search_official_then_bloc(page: Any, server: str, artifacts: Path) -> None:
    page.goto(server + "/")
    page.fill("#q", "nguyen dang binh")
    result = page.locator("#results a", has_text="Nguyễn Đăng Bình")
    result.wait_for(timeout=10_000)
    page.screenshot(path=str(artifacts / "01-home-search-phone.png"), full_page=True)
    result.click()
    page.wait_for_url(f"**/page/{PERSON}")
    assert page.locator("h1").inner_text() == "Nguyễn Đăng Bình"
    posts = page.locator("#timeline ol.timeline > li")
    assert posts.count() >= 2
    assert "Chủ tịch UBND tỉnh Bắc Kạn" in posts.first.inner_text() or \
        "Chủ tịch UBND tỉnh Bắc Kạn" in page.locator("#timeline").inner_text()
    quote = page.locator("#timeline blockquote", has_text=POST_QUOTE)
    assert quote.count() >= 1
    assert page.locator("#events blockquote", has_text=QUOTED).count() >= 1
    # the quoted sentence links to its article
    article_link = quote.first.locator("xpath=..").locator("figcaption a").first
    assert "/page/article/" in (article_link.get_attribute("href") or "")
    assert _fits_width(page)
    page.screenshot(path=str(artifacts / "02-official-phone.png"), full_page=True)
    page.locator("#events a[href$='/page/" + BLOC + "']").first.click()
    page.wait_for_url(f"**/page/{BLOC}")
    assert "Trung du và Miền núi phía Bắc" in page.locator("h1").inner_text()
    rotation = page.locator("#rotation table tbody tr")
    assert rotation.count() >= 2
    assert "Bắc Kạn" in page.locator("#rotation tbody tr", has_text="2023").inner_text()
    assert _fits_width(page)
    page.screenshot(path=str(artifacts / "03-bloc-phone.png"), full_page=True)
    assert page.outside == []


def test_pages_work_without_javascript(browser: Any, server: str, artifacts: Path) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto(server + "/")
        tab.fill("#q", "Nguyen Dang Binh")
        tab.click("form.search button[type=submit]")
        tab.wait_for_url("**/page/search?q=*")
        tab.locator("#results a", has_text="Nguyễn Đăng Bình").click()
        tab.wait_for_url(f"**/page/{PERSON}")
        assert tab.locator("#timeline blockquote", has_text=POST_QUOTE).count() >= 1
        assert tab.locator("#network").is_hidden()  # the network view needs JavaScript; the lists do not
        assert tab.locator("#connections li", has_text="Lương Quốc Đoàn").count() >= 1
        tab.screenshot(path=str(artifacts / "04-official-nojs-phone.png"), full_page=True)
    finally:
        context.close()


def test_network_view(browser: Any, server: str, artifacts: Path) -> None:
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    try:
        tab.goto(f"{server}/page/{PERSON}")
        network = tab.locator("#network")
        network.wait_for(state="visible", timeout=10_000)
        assert tab.locator("#network circle").count() >= 3  # the official and at least two people met
        assert tab.locator("#network text", has_text="Lương Quốc Đoàn").count() == 1
        tab.screenshot(path=str(artifacts / "05-official-desktop.png"), full_page=True)
    finally:
        context.close()


@pytest.mark.parametrize("path", [
    "/page/province/bac-kan", "/page/province/thai-nguyen-2025",
    "/page/event/trung-du-va-mien-nui-phia-bac/conference/2023-03-10", "/page/article/a-2967314416b6",
])
def test_other_pages_on_a_phone(page: Any, server: str, artifacts: Path, path: str) -> None:
    response = page.goto(server + path)
    assert response.status == 200
    assert page.locator("h1").inner_text().strip()
    assert _fits_width(page), f"{path} scrolls sideways on a phone"
    name = path.strip("/").replace("/", "_")
    page.screenshot(path=str(artifacts / f"06-{name}-phone.png"), full_page=True)
    assert page.outside == []


def test_sparql_editor_runs_a_named_query(browser: Any, server: str, artifacts: Path) -> None:
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    outside: list[str] = []
    tab.on("request", lambda request: outside.append(request.url) if not request.url.startswith(server)
           and urlparse(request.url).scheme in ("http", "https") else None)
    try:
        tab.goto(server + "/page/sparql")
        tab.locator(".yasqe .CodeMirror").wait_for(timeout=15_000)
        assert tab.locator("#plain-sparql").is_hidden()
        tab.locator("details.example").filter(
            has=tab.locator("button.load-example[data-target=official_timeline]")).locator("summary").click()
        tab.locator("button.load-example[data-target=official_timeline]").click()
        loaded = tab.evaluate("window.vnkgYasgui.getTab().getQuery()")
        assert loaded.startswith("#+ name: official_timeline")
        assert "<https://w3id.org/vnkg/id/person/nguyen-dang-binh--bac-kan>" in loaded  # the example value
        tab.evaluate("window.vnkgYasgui.getTab().query()")
        tab.locator(".yasr", has_text="Chủ tịch UBND tỉnh Bắc Kạn").wait_for(timeout=15_000)
        tab.screenshot(path=str(artifacts / "07-sparql-desktop.png"), full_page=True)
    finally:
        context.close()
    assert outside == []
