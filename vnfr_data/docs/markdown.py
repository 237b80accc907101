"""Small Markdown helpers: table cells that cannot break the table, generated blocks."""

from __future__ import annotations

import re
from collections.abc import Sequence


def cell(text: object, limit: int | None = None) -> str:
    """`text` safe inside a Markdown table cell: one line, pipes escaped, cut at `limit`."""
    value = " ".join(str(text).split())
    if limit is not None and len(value) > limit:
        value = value[: limit - 1].rstrip() + "…"
    return value.replace("|", "\\|")


def code(text: str) -> str:
    """`text` as an inline code span, whatever backticks it holds."""
    fence = "``" if "`" in text else "`"
    pad = " " if "`" in text else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def anchor(heading: str) -> str:
    """The id GitHub-flavoured Markdown gives a heading."""
    slug = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return slug.replace(" ", "-")


def start_marker(name: str) -> str:
    return f"<!-- generated: {name} (scripts/gen_docs.py; edits here are overwritten) -->"


def end_marker(name: str) -> str:
    return f"<!-- end generated: {name} -->"


def fill_blocks(document: str, blocks: dict[str, str]) -> str:
    """`document` with the text between each block's markers replaced by the block.

    Raises ValueError naming a block whose markers are missing, so that a
    deleted marker is an error, not a silently stale section.
    """
    for name, body in blocks.items():
        start, end = start_marker(name), end_marker(name)
        head, found, rest = document.partition(start)
        _, found_end, tail = rest.partition(end)
        if not found or not found_end:
            raise ValueError(f"the document has no generated block {name!r} ({start} ... {end})")
        document = f"{head}{start}\n{body.strip()}\n{end}{tail}"
    return document
