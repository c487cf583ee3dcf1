"""Draw the app's PNG icons (192, 512, maskable 512) from the same design as icon.svg.

Run once after changing the design; the PNGs are committed as source art, so an install needs
no image tools: python scripts/make_icons.py
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "fibrolog" / "static" / "fibrolog" / "icons"
BACKGROUND = (42, 79, 74, 255)  # #2a4f4a, as in icon.svg
WAVE = (207, 231, 226, 255)  # #cfe7e2
SUPERSAMPLE = 4


def _wave(draw: ImageDraw.ImageDraw, size: int, inset: float) -> None:
    """Draw icon.svg's wave (two half-periods of a sine) inside a square inset by `inset`."""
    span = size * (1 - 2 * inset)
    origin = size * inset
    points = [  # x from 6 to 26 around y = 20, amplitude 6, in icon.svg's 32-unit box
        (
            origin + span * (6 + 20 * i / 800) / 32,
            origin + span * (20 - 6 * math.sin(math.pi * 2 * i / 800)) / 32,
        )
        for i in range(801)
    ]
    radius = span * 1.5 / 32  # stroke-width 3, round caps: stamp a disc along the curve
    for x, y in points:
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=WAVE)


def icon(size: int, *, maskable: bool = False) -> Image.Image:
    """Return one icon; a maskable one fills the square and keeps the wave in the safe circle."""
    big = size * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if maskable:
        draw.rectangle((0, 0, big, big), fill=BACKGROUND)
        _wave(draw, big, inset=0.2)  # the wave stays inside the central 60%: safe zone is 80%
    else:
        draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=big * 7 / 32, fill=BACKGROUND)
        _wave(draw, big, inset=0.0)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    """Write icon-192.png, icon-512.png and icon-maskable-512.png."""
    OUT.mkdir(parents=True, exist_ok=True)
    icon(192).save(OUT / "icon-192.png", optimize=True)
    icon(512).save(OUT / "icon-512.png", optimize=True)
    icon(512, maskable=True).save(OUT / "icon-maskable-512.png", optimize=True)


if __name__ == "__main__":
    main()
