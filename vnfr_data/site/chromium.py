"""Where the system's Chromium is and how it is started headless, offline.

The site's browser tests and `scripts/site_screenshots.py` drive Debian's Chromium through
Playwright (never a browser a tool downloads); both start it the same way, so what a
person looks at in a screenshot is what the tests checked.
"""

from __future__ import annotations

import os

#: Debian's package installs it here; `VNFR_CHROMIUM` points elsewhere.
CHROMIUM = os.environ.get("VNFR_CHROMIUM", "/usr/bin/chromium")

#: Headless, sandbox-free (containers), and without any of the browser's own network calls:
#: the site must make no external request, so nothing else may either.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
