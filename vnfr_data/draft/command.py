"""`vnfr-data extract ARTICLE`: draft annotations for one article and write them for review.

Kept out of cli.py so that the command line stays a thin table of subcommands.
By default the draft goes to `annotations/drafts/<source_id>.yaml` next to the
article's `articles/` directory (the build does not read that folder), or to
standard output when the article is not inside a data directory; `--out -`
always prints it.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from ..errors import ProblemsFound
from .draft import render
from .pipeline import extract


def default_out(article: Path, source_id: str) -> Path | None:
    """data/annotations/drafts/<id>.yaml when the article sits in data/articles/."""
    annotations = article.resolve().parent.parent / "annotations"
    if article.resolve().parent.name == "articles" and annotations.is_dir():
        return annotations / "drafts" / f"{source_id}.yaml"
    return None


def dataset_for(article: Path) -> Path:
    """The data directory a draft links to: the one the article sits in (data/articles/...),
    else the dataset shipped with the package."""
    here = article.resolve().parent.parent
    if article.resolve().parent.name == "articles" and (here / "csv").is_dir():
        return here
    from ..paths import data_dir

    return data_dir()


def run(
    article: str, out: str | None = None, published: str | None = None, actors: str | None = None
) -> int:
    """Exit code 0 on success, 2 on unusable input (message on stderr, no traceback)."""
    path = Path(article)
    try:
        day = dt.date.fromisoformat(published) if published else None
    except ValueError:
        print(f"error: --published must be YYYY-MM-DD, not {published!r}", file=sys.stderr)
        return 2
    try:
        draft = extract(
            path,
            published=day,
            actors=Path(actors) if actors else None,
            dataset=dataset_for(path),
        )
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        print(f"error: cannot draft {path}: {exc}", file=sys.stderr)
        return 2
    except ProblemsFound as exc:
        for p in exc.problems:
            print(f"error: {p}", file=sys.stderr)
        return 2
    text = render(draft)
    if draft.source.file != path.name:
        print(
            f"note: the article is not named NNN_<16 hex>.txt; copy it to data/articles/{draft.source.file} "
            "before building",
            file=sys.stderr,
        )
    target = (
        Path(out)
        if out and out != "-"
        else (None if out == "-" else default_out(path, draft.source.id))
    )
    if target is None:
        sys.stdout.write(text)
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    counts = (
        f"{len(draft.events)} events, {len(draft.statements)} statements, "
        f"{len(draft.agreements)} agreements, {len(draft.figures)} figures"
    )
    print(
        f"wrote {target} ({counts}); review it, then move it to annotations/{draft.source.id}.yaml"
    )
    return 0
