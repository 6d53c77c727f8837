"""The web UI in Debian's Chromium, against the real app and the fixture database."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.web.conftest import Watched
from tests.web.fixtures import IMG, SCRIPT

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ALL_EVENTS = 8  # fixtures.extractions(): nine articles, the two Hombori ones merged


def open_ui(ui: Watched, query: str = "") -> Page:
    page = ui.page
    page.goto(f"{ui.base}/{query}")
    expect(page.locator("#summary")).to_have_attribute("data-events", re.compile(r"\d+"))
    return page


def shown(page: Page) -> int:
    return int(page.locator("#summary").get_attribute("data-events") or -1)


def marker(page: Page, location: str) -> Locator:
    return page.locator(f".event-marker[title*='{location}']")


def bar_titles(page: Page) -> list[str]:
    return page.locator("#timeline rect.bar title").all_text_contents()


def test_page_loads_with_the_data(ui: Watched) -> None:
    page = open_ui(ui)
    assert shown(page) == ALL_EVENTS
    # Hombori stands alone; Solenzo and Sanaba, 45 km apart, form a cluster.
    expect(marker(page, "Hombori")).to_have_count(1)
    expect(page.locator(".marker-cluster")).to_have_count(1)
    expect(page.locator(".marker-cluster")).to_contain_text("2")
    # The region-level Niger strike is an outline, not a marker; the agreement is only listed.
    expect(page.locator("path.region-event")).to_have_count(1)
    expect(marker(page, "Tillabéri")).to_have_count(0)
    expect(page.locator("#unplaced li")).to_have_count(1)
    expect(page.locator("#unplaced")).to_contain_text("Agreement")
    # The timeline is daily (83 days) with one bar per dated event day.
    expect(page.locator("#timeline-unit")).to_have_text("day")
    expect(page.locator("#timeline rect.bar")).to_have_count(8)
    # The base map is drawn (canvas) and credited.
    expect(page.locator("#map canvas")).not_to_have_count(0)
    expect(page.locator(".leaflet-control-attribution")).to_contain_text("Natural Earth")
    expect(page.locator(".leaflet-control-attribution")).to_contain_text("Who's On First")
    ui.screenshot("ui-loaded")


def test_filters_change_the_markers_the_timeline_and_the_exports(ui: Watched) -> None:
    page = open_ui(ui)
    before = bar_titles(page)
    page.get_by_label("Country").fill("Burkina Faso")
    page.get_by_role("button", name="Apply").click()
    expect(page.locator("#summary")).to_have_attribute("data-events", "3")
    expect(marker(page, "Hombori")).to_have_count(0)
    expect(page.locator("#timeline rect.bar")).to_have_count(3)
    assert bar_titles(page) != before
    href = page.locator(".exports a[data-format='ged-csv']").get_attribute("href") or ""
    assert "format=ged-csv" in href
    assert "country=Burkina+Faso" in href
    assert "country=Burkina+Faso" in page.url  # the view can be shared
    with page.expect_download() as download:
        page.get_by_role("link", name="GED CSV").click()
    assert download.value.suggested_filename == "strife-events.csv"
    ui.screenshot("ui-filtered")

    page.get_by_label("Min. fatalities").fill("40")
    page.get_by_role("button", name="Apply").click()
    expect(page.locator("#summary")).to_have_attribute("data-events", "1")
    expect(page.locator(".marker-cluster")).to_have_count(0)
    expect(marker(page, "Solenzo")).to_have_count(1)

    page.get_by_role("button", name="Reset").click()
    expect(page.locator("#summary")).to_have_attribute("data-events", str(ALL_EVENTS))


def test_timeline_brush_filters_the_map(ui: Watched) -> None:
    page = open_ui(ui)
    box = page.locator("#timeline svg").bounding_box()
    assert box
    # The right quarter of 2025-03-10 .. 2025-06-01: only late May and June remain.
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.75, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] - 2, y, steps=5)
    page.mouse.up()
    expect(page.get_by_label("From")).not_to_have_value("")
    expect(page.locator("#summary")).to_have_attribute("data-events", re.compile(r"^[1-7]$"))
    expect(page.locator(".marker-cluster")).to_have_count(0)  # the March events are out
    expect(page.locator("#timeline rect.brush")).to_have_attribute("visibility", "visible")
    page.get_by_role("button", name="Clear dates").click()
    expect(page.locator("#summary")).to_have_attribute("data-events", str(ALL_EVENTS))


def test_clicking_a_marker_shows_the_evidence(ui: Watched) -> None:
    page = open_ui(ui)
    marker(page, "Hombori").click()
    panel = page.locator("#panel")
    expect(panel).to_be_visible()
    expect(panel.locator(".report")).to_have_count(2)
    # The words behind each field, in both articles, at their offsets.
    expect(panel.locator("mark[data-field~='location']")).to_have_text(["Hombori", "Hombori"])

    def marked(name: str) -> list[str]:
        return sorted(panel.locator(f"mark[data-field~='{name}']").all_text_contents())

    assert marked("actor1") == ["JNIM", "Suspected jihadists"]
    assert marked("fatalities") == ["12 soldiers", "15 soldats"]
    assert marked("event_date") == ["dimanche", "on Sunday"]
    # A claim span covers a fatalities span: the overlap is one mark with both fields.
    assert marked("claim") == ["12 soldiers", "15 soldats", "killing ", "tuant au moins "]
    # Claims with who made them and where they were published; the sources and the merge.
    rows = panel.locator("table.claims tbody tr")
    expect(rows).to_have_count(2)
    wire = rows.filter(has_text="two security sources")
    expect(wire.locator("td")).to_have_text(
        ["two security sources", "security source", "12", "Wire Service"]
    )
    afp = rows.filter(has_text="un élu local")
    expect(afp.locator("td")).to_have_text(["un élu local", "local official", "15", "AFP"])
    expect(panel.locator("ul.sources a")).to_have_count(2)
    expect(panel.locator("ul.sources a").first).to_have_attribute("href", re.compile("^https://"))
    expect(panel.locator("ul.explanation li")).not_to_have_count(0)
    ui.screenshot("ui-event-panel")


def test_disputed_events_say_so(ui: Watched) -> None:
    page = open_ui(ui)
    kaya = marker(page, "Kaya")
    kaya.focus()  # markers are buttons: reachable and usable with the keyboard
    page.keyboard.press("Enter")
    panel = page.locator("#panel")
    expect(panel.locator(".badge.disputed")).to_be_visible()
    expect(panel.locator("table.claims tbody tr")).to_have_count(2)
    expect(panel.locator("table.claims")).to_contain_text("no figure")


def test_hostile_text_renders_as_text(ui: Watched) -> None:
    # Markup in a filter goes to the API as a parameter and comes back as a field's value; the
    # search may find the hostile article itself (its text has these words) but nothing else.
    page = open_ui(ui, "?q=" + "%22%3E%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E")
    expect(page.locator("#summary")).to_have_attribute("data-events", re.compile("^[01]$"))
    expect(page.get_by_label("Search")).to_have_value('"><img src=x onerror=window.__pwned=1>')
    page.get_by_role("button", name="Reset").click()
    expect(page.locator("#summary")).to_have_attribute("data-events", str(ALL_EVENTS))

    marker(page, "Ménaka").click()
    panel = page.locator("#panel")
    expect(panel.locator(".report")).to_have_count(1)
    expect(panel.locator("mark[data-field~='actor1']")).to_have_text(f"Gunmen {IMG}")
    # "Ménaka" is also in the headline, before the emoji's extra UTF-16 unit would shift things.
    location = panel.locator("p.passage", has=page.locator("mark[data-field~='location']"))
    expect(location).to_contain_text("killed seven civilians")
    expect(panel).to_contain_text(SCRIPT)  # the claimant, and the outlet
    expect(page.locator("#panel-title")).to_contain_text(SCRIPT)
    # Nothing was parsed as markup: no <img> or <script> in the panel, no javascript: link.
    expect(panel.locator("img, script")).to_have_count(0)
    expect(panel.locator("ul.sources a")).to_have_count(0)
    expect(panel.locator("ul.sources")).to_contain_text(f"Ménaka {IMG}")
    assert page.evaluate("window.__pwned") is None
    ui.screenshot("ui-hostile")


@pytest.mark.slow
def test_pasting_an_article_shows_its_events_before_saving(ui: Watched) -> None:
    page = open_ui(ui)
    text = (FIXTURES / "sahel-roundup-en.txt").read_text()
    page.get_by_label("Article text").fill(text + f"\n\n{SCRIPT} {IMG}")
    page.get_by_label("Published").fill("2025-06-02")
    page.get_by_role("button", name="Extract").click()
    expect(page.locator(".pasted-count")).to_have_text(
        re.compile(r"^6 events found"), timeout=60_000
    )
    expect(page.locator(".pasted-list li")).to_have_count(6)
    # Four exact places as markers, two region-level places as outlines; the stored events stay.
    expect(page.locator(".pasted-marker")).to_have_count(4)
    expect(page.locator("path.region-event")).to_have_count(3)
    assert shown(page) == ALL_EVENTS
    expect(page.locator("#save")).to_be_visible()
    page.locator(".pasted-list button").first.click()
    expect(page.locator("#panel-title")).to_contain_text("Pasted")
    expect(page.locator("#panel mark")).not_to_have_count(0)
    assert page.evaluate("window.__pwned") is None
    ui.screenshot("ui-pasted")
    page.get_by_role("button", name="Clear the pasted events").click()
    expect(page.locator(".pasted-marker")).to_have_count(0)
