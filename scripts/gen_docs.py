"""Regenerate docs/codebook.md and the generated blocks of docs/datasheet.md from the
schemas and the data (run after `vnfr-data build` or a schema change)."""

from pathlib import Path

from vnfr_data.docs import render_docs

repo = Path(__file__).resolve().parent.parent
for path, text in render_docs(repo / "docs", repo / "data").items():
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}")
