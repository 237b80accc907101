"""The record-level diff as Markdown for people: a summary table, then each table's records.

Short when little changed: one line when nothing did, only the tables that
changed, and at most `limit` records per list (the JSON form lists them all).
Each record is named by its id and a few words that say what it is (a title,
a name, the start of a statement's text), so a reader need not look it up.
"""

from __future__ import annotations

from .diff import Key, PackageDiff, TableDiff

#: Columns that say what a record is, in order of preference.
LABELS = ("title", "name", "text", "subject", "quote", "definition", "claimed_value")
LABEL_LIMIT = 80


def _short(text: str, limit: int = LABEL_LIMIT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _value(text: str) -> str:
    return f"`{_short(text, 60)}`" if text else "(empty)"


def _ident(key: Key) -> str:
    return "`" + " / ".join(key) + "`"


def _label(row: dict[str, str]) -> str:
    for column in LABELS:
        if row.get(column):
            return f": {_short(row[column])}"
    return ""


def _limited(lines: list[str], limit: int) -> list[str]:
    if len(lines) <= limit:
        return lines
    rest = len(lines) - limit
    return lines[:limit] + [f"- … and {rest} more (`vnfr-data diff --format json` lists all)"]


def _table(t: TableDiff, level: str, limit: int) -> list[str]:
    out = [f"{level} {t.name}", ""]
    if t.table_removed is not None:
        out += [f"The table is {'no longer' if t.table_removed else 'new'} in the package.", ""]
        return out
    if t.columns_added or t.columns_removed:
        parts = []
        if t.columns_added:
            parts.append("columns added: " + ", ".join(f"`{c}`" for c in t.columns_added))
        if t.columns_removed:
            parts.append("columns removed: " + ", ".join(f"`{c}`" for c in t.columns_removed))
        out += ["Schema: " + "; ".join(parts) + ".", ""]
    sections: list[tuple[str, list[str]]] = [
        ("Added", [f"- {_ident(k)}{_label(r)}" for k, r in t.added.items()]),
        (
            "Changed",
            [
                f"- {_ident(k)}: "
                + "; ".join(f"`{f}` {_value(o)} → {_value(n)}" for f, (o, n) in c.items())
                for k, c in t.changed.items()
            ],
        ),
        (
            "Withdrawn (kept as tombstones)",
            [f"- {_ident(k)} in {v}: {_short(why)}" for k, (v, why) in t.withdrawn.items()],
        ),
        (
            "Removed without a tombstone",
            [f"- {_ident(k)}{_label(r)}" for k, r in t.removed.items()],
        ),
    ]
    for title, lines in sections:
        if lines:
            out += [f"{title} ({len(lines)}):", "", *_limited(lines, limit), ""]
    return out


def to_markdown(diff: PackageDiff, *, level: int = 2, limit: int = 20) -> str:
    """The diff as Markdown; `level` is the heading level of its title."""
    head = "#" * level
    title = f"{head} Changes in the data: {diff.old_version} → {diff.new_version}"
    if diff.empty:
        return f"{title}\n\nNo record changed.\n"
    changed = [t for t in diff.tables if not t.empty]
    out = [title, ""]
    out += ["| table | added | changed | withdrawn | removed |", "|---|---:|---:|---:|---:|"]
    for t in changed:
        if t.table_removed is not None:
            whole = "table removed" if t.table_removed else "new table"
            out.append(f"| {t.name} | {whole} | | | |")
            continue
        out.append(
            f"| {t.name} | {len(t.added)} | {len(t.changed)} | {len(t.withdrawn)} | {len(t.removed)} |"
        )
    out.append("")
    if diff.removed_without_tombstone:
        out += [
            f"**{diff.removed_without_tombstone} record(s) removed without a tombstone**: "
            "ids must stay, as withdrawals (see docs/releasing.md).",
            "",
        ]
    for t in changed:
        out += _table(t, head + "#", limit)
    return "\n".join(out).rstrip() + "\n"
