"""Drags a visit on the planning board in Chromium (Selenium): from one person's day to another
person's, first to someone the rules refuse, then to someone they allow.

Usage: work.py URL STAFF CLIENT DATE REFUSED ALLOWED
Prints JSON: the verdict each target cell showed before the drop (outline colour, title), the
answer to the refused drop, and the board's heading after the allowed drop (the page reloads
with the next version).
"""
import json
import sys

from board import chromium, drag, wait

url, staff, client, date, refused, allowed = sys.argv[1:7]
driver = chromium()
try:
    driver.get(url)
    chip = f'.grid td[data-person] .chip[data-staff="{staff}"][data-client="{client}"][data-date="{date}"]'
    heading = driver.find_element("css selector", "#board h2").text
    no = drag(driver, chip, f'.grid td[data-person="{refused}"][data-date="{date}"]')
    answer = wait(lambda: driver.find_element("id", "answer").text, 10) or ""
    yes = drag(driver, chip, f'.grid td[data-person="{allowed}"][data-date="{date}"]')
    after = wait(lambda: (lambda text: text if text != heading else None)(driver.find_element("css selector", "#board h2").text), 30) or ""
    print(json.dumps({"refused": no, "answer": answer, "allowed": yes, "heading": after}))
finally:
    driver.quit()
