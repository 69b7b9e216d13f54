"""Clicks a red place (a session's shortfall), or an open visit in the list of what is not
covered, on the planning board in Chromium (Selenium) and prints the "who can take this?" table
that appears.

Usage: who.py URL LOCATION DATE SESSION  |  who.py URL visit CLIENT
Prints JSON: {"heading": ..., "rows": [[name, mark, reason, hours left, extra, knows(, when)], ...]}.
"""
import json
import sys

from board import chromium, wait

url = sys.argv[1]
driver = chromium()
try:
    driver.get(url)
    if sys.argv[2] == "visit":
        place = driver.find_element("css selector", f'table.uncovered tr[data-client="{sys.argv[3]}"]')
    else:
        location, date, session = sys.argv[2:5]
        place = driver.find_element("css selector", f'.grid td[data-location="{location}"][data-date="{date}"][data-session="{session}"] .chip.short')
    place.click()
    table = wait(lambda: driver.find_element("css selector", "#candidates table"), 10)
    rows = [[cell.text for cell in row.find_elements("css selector", "td")] for row in table.find_elements("css selector", "tr")[1:]]
    print(json.dumps({"heading": driver.find_element("css selector", "#candidates h3").text, "rows": rows}))
finally:
    driver.quit()
