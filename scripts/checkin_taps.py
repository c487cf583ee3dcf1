"""Measure a scripted check-in at 390 px: taps and seconds, default path and bad day.

Usage: .venv/bin/python -m scripts.checkin_taps
Starts `fibrolog serve` on a free loopback port with a throwaway data directory, logs in as a
new person and checks in by tapping the middle answer of every question, then Save.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import urllib.request

from playwright.sync_api import sync_playwright

from scripts.screenshots import ARGS, _free_port

PASSPHRASE = "lavender window quietly"


def _check_in(page, base: str, start: str) -> tuple[int, float]:
    """Check in from `start` (a link text to tap first, or "") and return (taps, seconds)."""
    page.goto(base + "/today/")
    began, taps = time.perf_counter(), 0
    if start:
        page.get_by_role("link", name=start).click()
        taps += 1
    for fieldset in page.locator("fieldset.metric").all():
        answers = fieldset.locator("label.tap")
        answers.nth(answers.count() // 2).click()
        taps += 1
    page.get_by_role("button", name="Save today").click()
    page.wait_for_selector("text=Saved.")
    return taps + 1, time.perf_counter() - began


def main() -> None:
    env = {**os.environ, "FIBROLOG_DATA_DIR": tempfile.mkdtemp(prefix="fibrolog-taps-")}
    exe = [sys.executable, "-m", "fibrolog"]
    subprocess.run([*exe, "migrate"], env=env, check=True, capture_output=True)
    subprocess.run(
        [*exe, "user", "create", "maya", "--password-stdin"],
        env=env,
        input=PASSPHRASE + "\n",
        text=True,
        check=True,
        capture_output=True,
    )
    port = _free_port()
    server = subprocess.Popen([*exe, "serve", "--port", str(port)], env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/login/")
                break
            except OSError:
                time.sleep(0.1)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            ctx = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
            page = ctx.new_page()
            page.goto(base + "/login/")
            page.get_by_label("Name").fill("maya")
            page.get_by_label("Passphrase").fill(PASSPHRASE)
            page.get_by_role("button", name="Log in").click()
            page.wait_for_url("**/today/")
            for name, start in (("default check-in", ""), ("bad day", "Bad day? Answer just 3")):
                taps, seconds = _check_in(page, base, start)
                print(f"{name}: {taps} taps, {seconds:.1f} s (scripted, including page loads)")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
