"""Headless Chromium for the map tests: the page's own status attributes and a screenshot."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from .parts import chromium


def _args(path: Path, extra) -> list[str]:
    return [chromium(), "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--no-first-run", "--disable-extensions", "--virtual-time-budget=8000", *extra, path]


def body_status(path: Path, fragment: str = "") -> dict:
    """The <body> data attributes after the page ran: drawn, errors, drawMs, found, selected."""
    url = path.resolve().as_uri() + fragment
    out = subprocess.run(_args(path, ["--dump-dom"])[:-1] + [url], capture_output=True, text=True, timeout=120)
    body = re.search(r"<body([^>]*)>", out.stdout)
    assert body, f"no page rendered: {out.stderr[-500:]}"
    attrs = dict(re.findall(r'data-([a-z-]+)="([^"]*)"', body.group(1)))
    attrs["legend_items"] = out.stdout.count('<li><span class="')
    return attrs


def screenshot(path: Path, png: Path, size: str = "1200,900") -> Path:
    url = path.resolve().as_uri()
    subprocess.run(_args(path, [f"--screenshot={png}", f"--window-size={size}"])[:-1] + [url],
                   capture_output=True, timeout=120)
    assert png.is_file(), "chromium wrote no screenshot"
    return png


def not_blank(png: Path) -> float:
    """Share of pixels that are not the white background."""
    from PIL import Image

    img = Image.open(png).convert("RGB")
    raw = img.resize((300, 225)).tobytes()
    pixels = [raw[i:i + 3] for i in range(0, len(raw), 3)]
    return sum(1 for p in pixels if sum(p) < 740) / len(pixels)
