"""Drags a person on the planning board in Chromium (Selenium) and prints what the board showed.

Usage: drag.py URL STAFF LOCATION DATE SESSION
Prints JSON: the cell's outline colour and title after the drag entered it (the verdict before
the drop), and the board's answer after the drop.
"""
import json
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

url, staff, location, date, session = sys.argv[1:6]
options = Options()
for flag in ("--headless", "--no-sandbox", "--disable-gpu"):
    options.add_argument(flag)
driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
try:
    driver.get(url)
    # HTML5 drag and drop as the browser fires it: dragstart on the chip, dragenter and drop on the cell.
    fire = """
    const chip = Array.from(document.querySelectorAll('.grid td[data-location] .chip[data-staff]')).find(c => c.dataset.staff === arguments[0]);
    const target = document.querySelector(`.grid td[data-location="${arguments[1]}"][data-date="${arguments[2]}"][data-session="${arguments[3]}"]`);
    const transfer = new DataTransfer();
    chip.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: transfer}));
    target.dispatchEvent(new DragEvent(arguments[4], {bubbles: true, dataTransfer: transfer}));
    """
    selector = f'td[data-location="{location}"][data-date="{date}"][data-session="{session}"]'
    driver.execute_script(fire, staff, location, date, session, "dragenter")
    for _ in range(100):
        cell = driver.find_element("css selector", selector)
        if cell.get_attribute("title") or cell.value_of_css_property("outline-style") == "solid":
            break
        time.sleep(0.1)
    before = {"outline": cell.value_of_css_property("outline-color"), "title": cell.get_attribute("title")}
    driver.execute_script(fire, staff, location, date, session, "drop")
    for _ in range(100):
        answer = driver.find_element("id", "answer").text
        if answer:
            break
        time.sleep(0.1)
    print(json.dumps({"before": before, "answer": answer}))
finally:
    driver.quit()
