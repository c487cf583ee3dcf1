"""Screenshot the main pages at phone and desktop widths, with a demo diary, for a human look.

Usage: .venv/bin/python scripts/screenshots.py [OUT_DIR]   (default artifacts/screenshots)
Starts `fibrolog serve` on a free loopback port with a throwaway data directory.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
PAGES = {
    "insights": "/insights/",
    "insights-ldn": "/insights/treatment/ldn/",
    "flares": "/insights/flares/",
    "today": "/today/",
    "timeline-90": "/timeline/?days=90",
    "timeline-365": "/timeline/?days=365",
    "treatments": "/treatments/",
    "settings": "/settings/",
    "questionnaires": "/questionnaires/",
    "imports": "/imports/",
    "your-data": "/data/",
    "report": "/report/",
}
SIZES = {"phone": (390, 844), "desktop": (1280, 900)}
PASSPHRASE = "lavender window quietly"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "artifacts/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "FIBROLOG_DATA_DIR": tempfile.mkdtemp(prefix="fibrolog-shots-")}
    exe = [sys.executable, "-m", "fibrolog"]
    subprocess.run([*exe, "migrate"], env=env, check=True)
    subprocess.run([*exe, "demo", "--user", "demo", "--years", "2"], env=env, check=True)
    subprocess.run(
        [*exe, "user", "password", "demo", "--password-stdin"],
        env=env,
        input=PASSPHRASE + "\n",
        text=True,
        check=True,
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
            for scheme in ("dark", "light"):
                for size, (w, h) in SIZES.items():
                    ctx = browser.new_context(
                        viewport={"width": w, "height": h}, color_scheme=scheme
                    )
                    page = ctx.new_page()
                    page.goto(base + "/login/")
                    page.get_by_label("Name").fill("demo")
                    page.get_by_label("Passphrase").fill(PASSPHRASE)
                    page.get_by_role("button", name="Log in").click()
                    page.wait_for_url("**/today/")
                    for name, url in PAGES.items():
                        page.goto(base + url)
                        if name == "insights":  # computed in the background on first visit
                            page.wait_for_selector("text=What seems linked", timeout=60000)
                        page.screenshot(
                            path=str(out / f"{name}-{size}-{scheme}.png"), full_page=True
                        )
                    ctx.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"Screenshots in {out}/")


if __name__ == "__main__":
    main()
