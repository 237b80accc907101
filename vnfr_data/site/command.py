"""The `vnfr-data site OUT_DIR [--data PATH]` command: clear messages, no traceback."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import Problem, UnusableInput


def _unusable(message: str, file: str | None = None, expected: str | None = None) -> Problem:
    return UnusableInput(message, file=file, expected=expected)


def run(out_dir: str, data_path: str | None) -> int:
    """Build the site; 0 on success, 2 when the data or OUT_DIR cannot be used."""
    from .. import load
    from .build import build_site
    from .write import NotASite

    if data_path is not None:
        root = Path(data_path)
        descriptor = root if root.is_file() else root / "datapackage.json"
        if not descriptor.is_file():
            print(
                _unusable(
                    "no data package here",
                    file=str(descriptor),
                    expected="a data package directory holding datapackage.json (or the descriptor itself)",
                ),
                file=sys.stderr,
            )
            return 2
    dataset = load(data_path) if data_path is not None else load()
    try:
        counts = build_site(dataset, Path(out_dir))
    except NotASite as exc:
        print(_unusable(str(exc), file=out_dir), file=sys.stderr)
        return 2
    except (FileNotFoundError, KeyError) as exc:
        print(
            _unusable(
                f"the data package is incomplete: {exc}",
                file=data_path or "the shipped data",
                expected="a complete, valid package (run `vnfr-data validate` on it)",
            ),
            file=sys.stderr,
        )
        return 2
    pages = sum(v for k, v in counts.items() if k != "files")
    print(
        f"wrote {pages} pages ({counts['articles']} articles, "
        + ", ".join(
            f"{counts[t]} {t}" for t in ("events", "statements", "agreements", "figures", "actors")
        )
        + f"; {counts['files']} files) to {out_dir}; open {Path(out_dir) / 'index.html'}"
    )
    return 0
