"""Drags a person on the planning board in Chromium (Selenium) and prints what the board showed.

Usage: drag.py URL STAFF LOCATION DATE SESSION
Prints JSON: the cell's outline colour and title after the drag entered it (the verdict before
the drop), and the board's answer after the drop.
"""
import json
import sys

from board import chromium, drag, wait

url, staff, location, date, session = sys.argv[1:6]
driver = chromium()
try:
    driver.get(url)
    chip = f'.grid td[data-location] .chip[data-staff="{staff}"]'
    before = drag(driver, chip, f'.grid td[data-location="{location}"][data-date="{date}"][data-session="{session}"]')
    answer = wait(lambda: driver.find_element("id", "answer").text, 10) or ""
    print(json.dumps({"before": before, "answer": answer}))
finally:
    driver.quit()
