"""Chooses part of a period on the planning board in Chromium (Selenium): from its second week,
two weeks; prints the weeks the selector offers and the week sections then shown.

Usage: period.py URL
Prints JSON: {"offered": [...], "lengths": [...], "shown": [section ids]}.
"""
import json
import sys

from selenium.webdriver.support.ui import Select

from board import chromium, wait

driver = chromium()
try:
    driver.get(sys.argv[1])
    wait(lambda: driver.find_element("id", "board-period").is_displayed(), 10)
    start, length = Select(driver.find_element("id", "period-from")), Select(driver.find_element("id", "period-length"))
    offered, lengths = [o.text for o in start.options], [o.text for o in length.options]
    start.select_by_index(1)
    length.select_by_value("2")
    shown = [s.get_attribute("id") for s in driver.find_elements("css selector", "section.week") if s.is_displayed()]
    print(json.dumps({"offered": offered, "lengths": lengths, "shown": shown}))
finally:
    driver.quit()
