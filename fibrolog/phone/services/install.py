"""What makes fibrolog installable: the web app manifest and the service worker's script."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from django.templatetags.static import static

STATIC = Path(__file__).resolve().parents[2] / "static" / "fibrolog"
# Offline, the service worker serves these from its cache: the check-in shell needs them.
SHELL_ASSETS = (
    "app.css",
    "charts.css",
    "phone.css",
    "queue.js",
    "offline.js",
    "zone.js",
    "icon.svg",
)
LIGHT, DARK = "#1f6f64", "#14161a"  # the accent (light theme) and the page (dark theme)
BACKGROUND = "#f6f5f2"


def manifest_document() -> dict[str, object]:
    """Return the web app manifest (name, start URL, standalone display, colours, icons)."""

    def icon(name: str) -> str:
        return static(f"fibrolog/icons/icon-{name}.png")

    return {
        "name": "fibrolog: fibromyalgia diary",
        "short_name": "fibrolog",
        "description": "A calm, private diary for living with fibromyalgia.",
        "id": "/today/",
        "start_url": "/today/",
        "scope": "/",
        "display": "standalone",
        "orientation": "portrait",
        "theme_color": LIGHT,
        "background_color": BACKGROUND,
        "icons": [
            {"src": icon("192"), "sizes": "192x192", "type": "image/png"},
            {"src": icon("512"), "sizes": "512x512", "type": "image/png"},
            {
                "src": icon("maskable-512"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
        ],
    }


@cache
def worker_script() -> str:
    """Return sw.js with its cache named after the shell's files, so a change replaces it."""
    source = (STATIC / "sw.js").read_text(encoding="utf-8")
    digest = hashlib.sha256(source.encode())
    for name in SHELL_ASSETS:
        digest.update((STATIC / name).read_bytes())
    assets = ", ".join(f'"{static("fibrolog/" + name)}"' for name in SHELL_ASSETS)
    return source.replace("__VERSION__", digest.hexdigest()[:12]).replace('"__ASSETS__"', assets)
