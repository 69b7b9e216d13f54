"""Drags visits on the planning board in Chromium (Selenium): one onto the panel's "off" field
(taken off), then onto another person's visit (the two swap).

Usage: swap.py URL STAFF_A CLIENT_A STAFF_B CLIENT_B DATE
Prints JSON: the verdict the off field and the other visit showed before each drop (outline
colour, title, verdict), the answer to the first drop, and the board's heading after the second
(the page reloads with the next version when the swap is made).
"""
import json
import sys

from board import chromium, drag, wait

url, staff_a, client_a, staff_b, client_b, date = sys.argv[1:7]
driver = chromium()
try:
    driver.get(url)
    chip = lambda staff, client: f'.grid td[data-person] .chip[data-staff="{staff}"][data-client="{client}"][data-date="{date}"]'
    heading = driver.find_element("css selector", "#board h2").text
    off = drag(driver, chip(staff_a, client_a), "#board-off")
    answer = wait(lambda: driver.find_element("id", "answer").text, 10) or ""
    swap = drag(driver, chip(staff_a, client_a), chip(staff_b, client_b))
    after = wait(lambda: (lambda text: text if text != heading else None)(driver.find_element("css selector", "#board h2").text), 30) or ""
    print(json.dumps({"off": off, "answer": answer, "swap": swap, "heading": after}))
finally:
    driver.quit()
