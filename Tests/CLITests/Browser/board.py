"""What the browser scripts share: Chromium headless through Debian's chromium-driver, and waiting
for the page (which reloads after a move or an accepted proposal)."""
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service


def chromium():
    options = Options()
    for flag in ("--headless", "--no-sandbox", "--disable-gpu"):
        options.add_argument(flag)
    return webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))


def wait(find, seconds=60):
    """The first truthy answer of `find` within `seconds`, else None."""
    for _ in range(int(seconds * 10)):
        try:
            found = find()
        except Exception:  # the page is being reloaded
            found = None
        if found:
            return found
        time.sleep(0.1)
    return None


# HTML5 drag and drop as the browser fires it: dragstart on the chip, then `arguments[2]`
# (dragenter or drop) on the cell; the chip and cell are found by the CSS selectors given.
FIRE = """
const chip = document.querySelector(arguments[0]);
const target = document.querySelector(arguments[1]);
const transfer = new DataTransfer();
chip.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: transfer}));
target.dispatchEvent(new DragEvent(arguments[2], {bubbles: true, dataTransfer: transfer}));
"""


def drag(driver, chip, cell):
    """Drags `chip` onto `cell` (CSS selectors): the verdict the cell showed before the drop
    (its outline colour and title), then drops it; returns that verdict."""
    driver.execute_script(FIRE, chip, cell, "dragenter")
    target = wait(lambda: (lambda found: found if found.get_attribute("data-verdict") else None)(driver.find_element("css selector", cell)), 10)
    target = target or driver.find_element("css selector", cell)
    before = {"outline": target.value_of_css_property("outline-color"), "title": target.get_attribute("title") or "",
              "verdict": target.get_attribute("data-verdict") or ""}
    driver.execute_script(FIRE, chip, cell, "drop")
    return before
