"""Documents for people who do not read code, generated from the schemas and the data.

`docs/codebook.md` (every table, field and vocabulary value), the generated
parts of `docs/datasheet.md` (counts, files and licenses) and `docs/problems.md`
(every problem code and the rules that report them) are rendered here, so
that they cannot drift from what is shipped: `scripts/gen_docs.py` writes them
and `tests/test_docs.py` fails when the committed files differ.
"""

from __future__ import annotations

from pathlib import Path

from .codebook import render_codebook
from .datasheet import render_datasheet
from .problems import render_problems

__all__ = ["render_codebook", "render_datasheet", "render_docs", "render_problems"]


def render_docs(docs: Path, data: Path) -> dict[Path, str]:
    """The generated documents for the data package at `data`, by path under `docs`."""
    from ..read import load

    ds = load(data)
    datasheet = docs / "datasheet.md"
    return {
        docs / "codebook.md": render_codebook(ds),
        datasheet: render_datasheet(ds, datasheet.read_text(encoding="utf-8")),
        docs / "problems.md": render_problems(),
    }
