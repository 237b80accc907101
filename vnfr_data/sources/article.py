"""An article of the corpus as the build sees it: its text, hash and body span.

Offsets everywhere are in characters of the decoded text; the body span keeps
menus, teasers and captions out of reach of any evidence quote.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..annotations.format import SourceMeta
from ..errors import (
    AnnotationSchemaError,
    EncodingError,
    HashMismatch,
    IncompleteRecord,
    MissingFile,
    Problem,
    ProblemsFound,
    QuoteAmbiguous,
    QuoteNotFound,
    UnsafeFileError,
)
from ..safe_files import UnsafeFile, read_inside
from .quotes import find_all

#: Largest article read (the corpus's are ~10 kB): a bigger file is refused unread.
MAX_ARTICLE_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class Article:
    """A source text with its body span; offsets are in characters of the decoded text."""

    meta: SourceMeta
    text: str
    sha256: str
    body_start: int
    body_end: int
    file: str


def read_bytes(articles_dir: Path, file: str, annotation_file: str) -> bytes:
    """An article's bytes: a regular file in `articles/`, reached through no link."""
    rel = f"{articles_dir.name}/{file}"
    try:
        return read_inside(articles_dir.parent, rel, MAX_ARTICLE_BYTES)
    except UnsafeFile as exc:
        cls = MissingFile if exc.kind == "missing" else UnsafeFileError
        raise ProblemsFound(
            [
                cls(
                    f"the article cannot be read: {exc}",
                    file=annotation_file,
                    field="source.file",
                    value=file,
                    expected=f"a regular UTF-8 file in {articles_dir.name}/ of at most "
                    f"{MAX_ARTICLE_BYTES} bytes",
                )
            ]
        ) from None


def check_pin(meta: SourceMeta, raw: bytes, annotation_file: str, line: int | None) -> None:
    """The article's bytes must be the ones its annotation pins (`source.sha256`).

    Checked before anything else is read from the article: a changed article makes
    quotes and body marks fail too, and those are consequences, not the cause.
    """
    actual = hashlib.sha256(raw).hexdigest()
    if meta.sha256 is None:
        raise ProblemsFound(
            [
                IncompleteRecord(
                    f"the article {meta.file} is not pinned: add its SHA-256 under `source:` "
                    "(`vnfr-data extract` writes it for a new article)",
                    file=annotation_file,
                    row=line,
                    field="source.sha256",
                    expected=f"sha256: {actual}",
                )
            ]
        )
    if meta.sha256 != actual:
        raise ProblemsFound(
            [
                HashMismatch(
                    f"the bytes of {meta.file} differ from the pinned SHA-256: articles are "
                    "never edited, not even their page furniture (restore the file from git; "
                    "a new version of an article is a new source)",
                    file=annotation_file,
                    row=line,
                    field="source.sha256",
                    value=meta.sha256,
                    expected=f"the file's SHA-256 {actual}",
                )
            ]
        )


def read_article(
    meta: SourceMeta, articles_dir: Path, annotation_file: str, pin_line: int | None = None
) -> Article:
    raw = read_bytes(articles_dir, meta.file, annotation_file)
    check_pin(meta, raw, annotation_file, pin_line)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProblemsFound(
            [
                EncodingError(
                    f"the article is not UTF-8 (byte {exc.start})",
                    file=annotation_file,
                    field="source.file",
                    value=meta.file,
                    expected="UTF-8 text",
                )
            ]
        ) from None
    problems: list[Problem] = []
    if meta.file.rsplit(".", 1)[0].split("_")[-1] != meta.id:
        problems.append(
            AnnotationSchemaError(
                "source id must be the hash part of the file name",
                file=annotation_file,
                field="source.id",
                value=meta.id,
                expected=meta.file,
            )
        )
    bounds = []
    for which, quote in (("start", meta.body.start), ("end", meta.body.end)):
        hits = find_all(text, quote, 0, len(text))
        if len(hits) != 1:
            problems.append(
                (QuoteNotFound if not hits else QuoteAmbiguous)(
                    f"body {which} must occur exactly once in the article ({len(hits)} found)",
                    file=annotation_file,
                    field=f"source.body.{which}",
                    value=quote,
                )
            )
        else:
            bounds.append(hits[0] if which == "start" else hits[0] + len(quote))
    if meta.title not in text:
        problems.append(
            AnnotationSchemaError(
                "title not found in the article", file=annotation_file, field="source.title"
            )
        )
    if problems:
        raise ProblemsFound(problems)
    start, end = bounds
    if end <= start:
        raise ProblemsFound(
            [
                AnnotationSchemaError(
                    "body ends before it starts", file=annotation_file, field="source.body"
                )
            ]
        )
    return Article(meta, text, hashlib.sha256(raw).hexdigest(), start, end, annotation_file)
