#!/usr/bin/python3
"""The web chat page in headless Chromium, against the real server.

Asks a question, reads the answer, presses Yes, sees step 1 of the stretch with its countdown
running, saves a screenshot, presses Stop and sees the stretch stopped. Also checks the page at
a phone's width. Usage: chat_test.py BACKTALK_BINARY SCREENSHOT_DIR
"""
import os
import re
import subprocess
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait


def start_server(binary):
    server = subprocess.Popen([binary, "serve", "--port", "0", "--quiet"],
                              stderr=subprocess.PIPE, text=True)
    line = server.stderr.readline()
    match = re.search(r"http://[^/]+:(\d+)/", line)
    if not match:
        server.kill()
        sys.exit(f"the server did not start: {line!r}")
    return server, f"http://127.0.0.1:{match.group(1)}/"


def browser(width, height, dark=False):
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                f"--window-size={width},{height}", "--force-device-scale-factor=1"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    # The viewport itself, as a phone has it (a headless window is at least 500 pixels wide).
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 500})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [
        {"name": "prefers-color-scheme", "value": "dark" if dark else "light"},
        {"name": "prefers-reduced-motion", "value": "reduce" if dark else "no-preference"}]})
    return driver


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def conversation(driver, url, shots, name, dark):
    wait = WebDriverWait(driver, 10)
    driver.get(url)
    background = driver.execute_script(
        "return getComputedStyle(document.body).backgroundColor")
    red = int(re.findall(r"\d+", background)[0])
    check(red < 64 if dark else red > 192, f"the {'dark' if dark else 'light'} scheme: {background}")
    transition = driver.execute_script(
        "return getComputedStyle(document.getElementById('fill')).transitionDuration")
    check((transition == "0s") == dark, f"reduced motion turns the bar's transition off: {transition}")
    # The welcome with the first questions as buttons, and the disclaimer from the knowledge.
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, ".suggest button")))
    check("not medical advice" in driver.find_element(By.ID, "disclaimer").text, "disclaimer")

    box = driver.find_element(By.ID, "line")
    check(driver.switch_to.active_element == box, "the question box has the focus")
    box.send_keys("why is my mid back so stiff?", Keys.ENTER)
    answer = wait.until(lambda d: next(
        (m for m in d.find_elements(By.CSS_SELECTOR, ".msg.bot") if "Postures" in m.text), None))
    check("Why is my middle back so tight?" in answer.text, "the document's question is shown")
    check("[y/n]" not in answer.text, "the offer is buttons, not [y/n]")

    yes = answer.find_element(By.CSS_SELECTOR, ".choices button.primary")
    check(yes.text.startswith("Yes"), f"a Yes button: {yes.text!r}")
    check(driver.switch_to.active_element == yes, "the Yes button has the focus")
    yes.send_keys(Keys.ENTER)  # pressed from the keyboard

    player = wait.until(ec.visibility_of_element_located((By.ID, "player")))
    title = driver.find_element(By.ID, "player-title").text
    check("step 1 of 5" in title, f"step 1 is shown: {title!r}")
    check("Focus on sitting upright" in driver.find_element(By.ID, "instruction").text,
          "the step's instruction")
    count = driver.find_element(By.ID, "count")
    first = count.text
    check(re.fullmatch(r"\d+ s", first), f"a countdown: {first!r}")
    time.sleep(2.2)
    later = count.text
    check(int(later.split()[0]) < int(first.split()[0]), f"it counts down: {first} -> {later}")
    bar = driver.find_element(By.ID, "bar")
    check(int(bar.get_attribute("aria-valuenow")) > 0, "the progress bar fills")
    for button in ("next", "skip", "repeat", "stop"):
        check(driver.find_element(By.ID, button).get_attribute("aria-label"), f"{button} label")
    driver.save_screenshot(os.path.join(shots, f"{name}.png"))

    driver.find_element(By.ID, "stop").click()
    wait.until(lambda d: any("Stopped the posture reset at step 1/5" in m.text
                             for m in d.find_elements(By.CSS_SELECTOR, ".msg.bot")))
    wait.until(ec.invisibility_of_element_located((By.ID, "player")))
    check(not player.is_displayed(), "the player is gone after Stop")
    width = driver.execute_script("return document.documentElement.scrollWidth")
    inner = driver.execute_script("return window.innerWidth")
    check(width <= inner, f"nothing wider than the window ({width} > {inner})")


def main():
    binary, shots = sys.argv[1], sys.argv[2]
    os.makedirs(shots, exist_ok=True)
    server, url = start_server(binary)
    try:
        # A desktop window in the light scheme; a phone in the dark one, with reduced motion.
        for name, (w, h), dark in (("chat", (900, 1000), False), ("chat-phone", (390, 844), True)):
            driver = browser(w, h, dark)
            try:
                conversation(driver, url, shots, name, dark)
            finally:
                driver.quit()
    finally:
        server.terminate()
        status = server.wait(timeout=10)
    check(status == 0, f"the server ends with status 0 on SIGTERM, not {status}")
    print(f"browser test passed; screenshots in {shots}")


if __name__ == "__main__":
    main()
