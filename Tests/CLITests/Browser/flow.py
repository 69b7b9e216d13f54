"""A planner's sick call on the planning board in Chromium (Selenium): the proposal shown as its
changes, accepted, then the draft published; prints what the board showed.

Usage: flow.py URL STAFF DATE
Prints JSON: the proposal's heading and change rows, the board's heading after accepting, and
the answer to publishing.
"""
import json
import sys

from board import chromium, wait

url, staff, date = sys.argv[1:4]
driver = chromium()
try:
    driver.get(url)
    form = driver.find_element("id", "move")
    form.find_element("name", "staff_id").send_keys(staff)
    form.find_element("name", "date").send_keys(date)
    seconds = driver.find_element("id", "seconds")
    seconds.clear()
    seconds.send_keys("5")
    driver.find_element("id", "board-sick").click()
    accept = wait(lambda: driver.find_elements("id", "accept"))
    heading = driver.find_element("css selector", "#proposal h3").text if accept else ""
    rows = len(driver.find_elements("css selector", "#proposal table tr")) - 1 if accept else -1
    before = driver.find_element("css selector", "#board h2").text
    if accept:
        accept[0].click()
    # Accepting reloads the page: the board's heading names the new version.
    after = wait(lambda: (lambda text: text if text != before else None)(driver.find_element("css selector", "#board h2").text))
    driver.find_element("id", "author").send_keys("Fatma")
    driver.find_element("id", "board-publish").click()
    published = wait(lambda: driver.find_element("id", "answer").text)
    print(json.dumps({"proposal": heading, "changes": rows, "heading": after or "", "published": published or ""}))
finally:
    driver.quit()
