"""Drags visits on the planning board in Chromium (Selenium): one onto the panel's "off" field
(taken off), then one onto another person's visit (the two swap).

Usage: swap.py URL OFF_STAFF OFF_CLIENT OFF_DATE STAFF_A CLIENT_A STAFF_B CLIENT_B DATE
Prints JSON: the verdict the off field and the other visit showed before each drop (outline
colour, title, verdict), the answer to the first drop, and the board's heading after the second
(the page reloads with the next version when the swap is made).
"""
import json
import sys

from board import chromium, drag, wait

url, off_staff, off_client, off_date, staff_a, client_a, staff_b, client_b, date = sys.argv[1:10]
driver = chromium()
try:
    driver.get(url)
    chip = lambda staff, client, day=date: f'.grid td[data-person] .chip[data-staff="{staff}"][data-client="{client}"][data-date="{day}"]'
    heading = driver.find_element("css selector", "#board h2").text
    off = drag(driver, chip(off_staff, off_client, off_date), "#board-off")
    answer = wait(lambda: driver.find_element("id", "answer").text, 10) or ""
    swap = drag(driver, chip(staff_a, client_a), chip(staff_b, client_b))
    after = wait(lambda: (lambda text: text if text != heading else None)(driver.find_element("css selector", "#board h2").text), 30) or ""
    print(json.dumps({"off": off, "answer": answer, "swap": swap, "heading": after}))
finally:
    driver.quit()
