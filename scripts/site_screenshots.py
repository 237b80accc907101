"""Screenshots of the provenance browser at desktop and phone widths, for a person to look at.

    python scripts/site_screenshots.py [--full] SITE_DIR SHOTS_DIR [PAGE ...]

PAGE is a path inside the site (default: the overview, the first article and a
record with disputed fields); --full takes whole pages, not the first screen. Uses Debian's Chromium (/usr/bin/chromium) through
Playwright; never downloads a browser.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from vnfr_data.site.chromium import CHROMIUM, FLAGS

FULL = False
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    global FULL
    if argv and argv[0] == "--full":
        FULL, argv = True, argv[1:]
    site, shots = Path(argv[0]).resolve(), Path(argv[1])
    pages = argv[2:] or [
        "index.html",
        sorted(p.relative_to(site).as_posix() for p in (site / "articles").glob("*.html"))[0],
        "agreements/ag-unclos.html",
    ]
    shots.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw, tempfile.TemporaryDirectory() as profile:
        browser = pw.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=FLAGS, headless=True
        )
        for name, (width, height) in WIDTHS.items():
            page = browser.new_page()
            page.set_viewport_size({"width": width, "height": height})
            for rel in pages:
                page.goto((site / rel).as_uri())
                stem = rel.replace("/", "_").removesuffix(".html")
                out = shots / f"{stem}-{name}.png"
                page.screenshot(path=str(out), full_page=FULL)
                print(out)
            page.close()
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
