"""One annotation file's contribution as a cache entry, and back, value for value.

`record` writes down what `collect` took from a file (claims, evidence spans
with their quote and line, no-fact marks, problems, the article's metadata and
body span); `replay` rebuilds the same objects, reading the article again and
refusing the entry when the article's sha256 is not the one recorded.
"""

from __future__ import annotations

import datetime
import hashlib
from pathlib import Path
from typing import Any

from ..annotations.format import SourceMeta
from ..errors import ProblemsFound
from ..sources.article import Article, read_bytes
from .cache import decode, decode_problem, encode, encode_article, encode_problem
from .collect import Claim, Collected, FileResult


def _claim(c: Claim) -> list[Any]:
    return [
        c.source,
        c.independence,
        None if c.as_of is None else [c.as_of[0].isoformat(), c.as_of[1].isoformat()],
        c.file,
        c.row,
        encode(c.values),
        encode(c.lines),
        {k: [reason, line] for k, (reason, line) in c.preferred.items()},
    ]


def _unclaim(data: list[Any]) -> Claim:
    source, independence, as_of, file, row, values, lines, preferred = data
    return Claim(
        source,
        str(independence),
        None
        if as_of is None
        else (datetime.date.fromisoformat(as_of[0]), datetime.date.fromisoformat(as_of[1])),
        file,
        row,
        decode(values),
        decode(lines),
        {str(k): (str(reason), line) for k, (reason, line) in preferred.items()},
    )


def record(result: FileResult) -> dict[str, Any]:
    """The entry of a file's contribution (raises Uncachable for a value JSON cannot hold)."""
    local = result.local
    article = result.article
    return {
        "claims": {
            table: [[record_id, [_claim(c) for c in claims]] for record_id, claims in rows.items()]
            for table, rows in local.claims.items()
            if rows
        },
        "evidence": [[list(key), quote] for key, quote in local.evidence.items()],
        "evidence_at": [[list(key), file, line] for key, (file, line) in local.evidence_at.items()],
        "no_fact": [encode(n) for n in local.no_fact],
        "problems": [encode_problem(p) for p in local.problems],
        "unreadable": local.unreadable,
        "article": encode_article(article),
    }


def replay(payload: dict[str, Any], data_dir: Path) -> FileResult | None:
    """The contribution an entry records, or None when it no longer holds (the article
    changed or went missing) or is malformed: the file is then read again."""
    try:
        article = _article(payload["article"], data_dir)
        if payload["article"] is not None and article is None:
            return None
        local = Collected()
        for table, rows in payload["claims"].items():
            records = local.claims[table]
            for record_id, claims in rows:
                records[record_id] = [_unclaim(c) for c in claims]
        for key, quote in payload["evidence"]:
            local.evidence[_key(key)] = quote
        for key, file, line in payload["evidence_at"]:
            local.evidence_at[_key(key)] = (file, line)
        local.no_fact = [decode(n) for n in payload["no_fact"]]
        local.problems = [decode_problem(p) for p in payload["problems"]]
        local.unreadable = int(payload["unreadable"])
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    return FileResult(local, article)


def replay_claims(
    payload: dict[str, Any], wanted: dict[str, set[str]], article_sha256: str | None
) -> dict[str, dict[str, list[Claim]]] | None:
    """Only the claims an entry records of the `wanted` records (decoding the rest would
    be most of a rebuild's replay); None when the entry is malformed or was made from
    another article than `article_sha256`, the one the caller checked on disk."""
    try:
        article = payload["article"]
        if (None if article is None else article["sha256"]) != article_sha256:
            return None
        if payload["problems"] or payload["unreadable"]:
            return None
        found: dict[str, dict[str, list[Claim]]] = {}
        for table, rows in payload["claims"].items():
            want = wanted.get(table)
            if not want:
                continue
            for record_id, claims in rows:
                if record_id in want:
                    found.setdefault(table, {})[record_id] = [_unclaim(c) for c in claims]
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    return found


def _key(key: list[Any]) -> tuple[str, str, str, int, int]:
    table, record_id, source_id, start, end = key
    return (str(table), str(record_id), str(source_id), int(start), int(end))


def _article(data: dict[str, Any] | None, data_dir: Path) -> Article | None:
    if data is None:
        return None
    meta = SourceMeta.model_validate(data["meta"])
    try:
        raw = read_bytes(data_dir / "articles", meta.file, data["file"])
        text = raw.decode("utf-8")
    except (ProblemsFound, UnicodeDecodeError):
        return None
    sha = hashlib.sha256(raw).hexdigest()
    if sha != data["sha256"]:
        return None
    start, end = data["body"]
    return Article(meta, text, sha, int(start), int(end), str(data["file"]))
