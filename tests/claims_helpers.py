"""A source added to a copy of the data for a test: an article written for the test, pinned.

The article texts here are written for the tests (they are no real publication);
each builds as a source of its own beside the corpus.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import yaml

PARIS_TALKS = "ev-2024-10-08-talks-lam-macron-paris"
SEED_004 = "3c061884a9f81943"


def talks_article(day: int, published: str, basis_words: str = "on") -> str:
    """A short report dating the Paris talks `day` October 2024 (`basis_words` before it)."""
    return (
        "Leaders meet in Paris to deepen their partnership\n"
        f"Published {published}\n"
        "PARIS - Vietnamese leader To Lam and French President Emmanuel Macron held talks "
        f"in Paris {basis_words} October {day}, 2024, this report says. "
        "The two sides discussed trade and climate cooperation.\n"
        "Share this article\n"
    )


def add_source(
    data: Path,
    source_id: str,
    text: str,
    *,
    published: str | None,
    publisher: str | None = None,
    number: int = 5,
    events: list[dict[str, Any]] | None = None,
    **sections: list[dict[str, Any]],
) -> Path:
    """Write the article and its pinned annotation; returns the annotation file."""
    file = f"{number:03d}_{source_id}.txt"
    raw = text.encode("utf-8")
    (data / "articles" / file).write_bytes(raw)
    body_start = "PARIS - Vietnamese leader"
    body_end = "trade and climate cooperation."
    source: dict[str, Any] = {
        "id": source_id,
        "file": file,
        "sha256": hashlib.sha256(raw).hexdigest(),
        "title": text.splitlines()[0],
        "publisher": publisher,
        "published_date": published,
        "published_date_precision": "day" if published else "unknown",
        "published_date_basis": "stated" if published else "unknown",
        "language": "en",
        "body": {"start": body_start, "end": body_end},
    }
    doc: dict[str, Any] = {"source": source, "events": events or [], **sections}
    path = data / "annotations" / f"{source_id}.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def talks_claim(day: int, basis: str = "stated", **extra: Any) -> dict[str, Any]:
    """The new source's claim on the Paris talks: their date, with its evidence."""
    precision = extra.pop("precision", "day")
    if precision == "month":
        start, end = "2024-10-01", "2024-10-31"
    else:
        start = end = f"2024-10-{day:02d}"
    return {
        "id": PARIS_TALKS,
        "date_start": start,
        "date_end": end,
        "date_precision": precision,
        "date_basis": basis,
        "date_note": f"{basis}: the report dates the talks October {day}, 2024",
        **extra,
        "evidence": [
            "held talks in Paris",
            "The two sides discussed trade and climate cooperation.",
        ],
    }
