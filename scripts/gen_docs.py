"""Regenerate docs/codebook.md and the generated blocks of docs/datasheet.md from the
schemas and the data (run after `vnfr-data build` or a schema change)."""

import sys
from pathlib import Path

repo = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(repo))  # this checkout's package, whatever is installed

from vnfr_data.docs import render_docs  # noqa: E402

for path, text in render_docs(repo / "docs", repo / "data").items():
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}")
