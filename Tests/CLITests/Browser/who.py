"""Clicks a red place (a session's shortfall) on the planning board in Chromium (Selenium) and
prints the "who can take this?" table that appears.

Usage: who.py URL LOCATION DATE SESSION
Prints JSON: {"heading": ..., "rows": [[name, mark, reason, hours left, extra, knows], ...]}.
"""
import json
import sys

from board import chromium, wait

url, location, date, session = sys.argv[1:5]
driver = chromium()
try:
    driver.get(url)
    chip = driver.find_element("css selector", f'.grid td[data-location="{location}"][data-date="{date}"][data-session="{session}"] .chip.short')
    chip.click()
    table = wait(lambda: driver.find_element("css selector", "#candidates table"), 10)
    rows = [[cell.text for cell in row.find_elements("css selector", "td")] for row in table.find_elements("css selector", "tr")[1:]]
    print(json.dumps({"heading": driver.find_element("css selector", "#candidates h3").text, "rows": rows}))
finally:
    driver.quit()
