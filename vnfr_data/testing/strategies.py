"""Hypothesis strategies for vnfr-data records and whole packages, read from the Table Schemas.

For anyone who builds on the dataset (does my code accept every valid record?)
and for the project's own property tests. Each field's strategy is derived
from `schemas/*.json`: its type, enum, pattern, required, minLength and
minimum, so a column added to a schema is generated without touching this
module. Written by hand are only what a schema cannot say: the rules across
fields (a date agrees with its precision) and across tables (ids that
resolve, evidence quotes that are real slices of the generated articles).

Valid text is NFC, starts with no formula character, holds no control
character but line feeds, and is never empty (the schemas say minLength 1);
decimals have at most 6 places. Needs hypothesis (`pip install hypothesis`,
part of the dev extra)::

    from hypothesis import given
    from vnfr_data.testing import records

    @given(records("events"))
    def test_my_code_reads_any_event(row): ...
"""

from __future__ import annotations

import datetime
import hashlib
import os
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow as pa
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from .models import MODELS, Record
from .schema import EVIDENCED, RESOURCES, Field, table_schema

__all__ = [
    "Package",
    "field_values",
    "models",
    "packages",
    "records",
    "register_profiles",
    "table_of",
    "text",
]

#: Letters a Vietnamese or French article uses, precomposed (NFC), plus ASCII.
_LETTERS = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"
    "çœæëïüÿÇŒ"
)
#: Punctuation, including what CSV must quote (comma, quote, line feed) and curly quotes.
_PUNCTUATION = " ,.;:!?'\"()–—‘’“”/%&\n-=+@"


def text(min_size: int = 1, max_size: int = 40, *, exclude: str = "") -> st.SearchStrategy[str]:
    """Valid free text: NFC, not empty, no control character but \\n, no formula lead."""
    alphabet = "".join(c for c in _LETTERS + _PUNCTUATION if c not in exclude)
    first = "".join(c for c in _LETTERS if c not in exclude)
    return st.builds(
        lambda head, tail: head + tail,
        st.sampled_from(first),
        st.text(alphabet, min_size=max(min_size - 1, 0), max_size=max(max_size - 1, 0)),
    )


def _list_items() -> st.SearchStrategy[tuple[str, ...]]:
    # Items are joined with ';' in the CSV: none may hold one, none may be empty.
    # Unique, as the build merges list cells by union.
    return st.lists(text(1, 12, exclude=";\n"), max_size=3, unique=True).map(tuple)


def _decimals() -> st.SearchStrategy[Decimal]:
    return st.integers(0, 6).flatmap(
        lambda places: st.decimals(
            min_value=Decimal("-1e15"),
            max_value=Decimal("1e15"),
            places=places,
            allow_nan=False,
            allow_infinity=False,
        )
    )


_URI = r"https://[a-z0-9]{1,10}\.[a-z]{2,3}/[A-Za-z0-9_/-]{0,20}"


def field_values(
    field: Field, format: str = "default", max_length: int | None = None
) -> st.SearchStrategy[Any]:
    """Valid values of one field, as the pydantic models take them (None when optional).

    `format` and `max_length` are the Table Schema field's format (`uri` for the
    source URL) and maxLength constraint, which `schema.Field` does not carry.
    """
    value: st.SearchStrategy[Any]
    if field.type == "list":
        return _list_items()  # lists are never null: empty is the absence of items
    if field.enum is not None:
        value = st.sampled_from(field.enum)
    elif field.pattern is not None:
        value = st.from_regex(field.pattern, fullmatch=True)
    elif field.type == "string" and format == "uri":
        value = st.from_regex(_URI, fullmatch=True)
    elif field.type == "string":
        shortest = max(field.min_length or 1, 1)
        value = text(shortest, max(shortest, min(40, max_length or 40)))
    elif field.type == "integer":
        low = field.minimum if field.minimum is not None else -(2**40)
        value = st.integers(low, 2**40)
    elif field.type == "number":
        value = _decimals()
    elif field.type == "date":
        value = st.dates()
    elif field.type == "boolean":
        value = st.booleans()
    else:  # pragma: no cover - a new type in a schema must be added here
        raise NotImplementedError(f"no strategy for type {field.type!r}")
    return value if field.required else st.none() | value


def _fields(name: str) -> dict[str, st.SearchStrategy[Any]]:
    schema = table_schema(name)
    return {
        raw["name"]: field_values(
            schema.field(raw["name"]),
            str(raw.get("format", "default")),
            raw.get("constraints", {}).get("maxLength"),
        )
        for raw in schema.descriptor["fields"]
    }


# -- rules across fields, which a Table Schema cannot state ---------------------------------


@st.composite
def _dated(draw: st.DrawFn, with_end: bool) -> dict[str, Any]:
    """A date (and an end), and a precision they agree with, as the date rules ask."""
    precision = draw(st.sampled_from(("day", "month", "year", "unknown")))
    if precision == "unknown":
        return {"precision": precision, "start": None, "end": None}
    day = draw(st.dates(datetime.date(1, 1, 1), datetime.date(9998, 12, 31)))
    if precision == "day":
        start = day
        end = day + datetime.timedelta(days=draw(st.integers(0, 30)))
    elif precision == "month":
        start = day.replace(day=1)
        end = (start.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        end -= datetime.timedelta(days=1)
    else:
        start, end = datetime.date(day.year, 1, 1), datetime.date(day.year, 12, 31)
    return {"precision": precision, "start": start, "end": end if with_end else None}


def _fix(name: str, row: dict[str, Any], draw: st.DrawFn) -> dict[str, Any]:
    if name == "events":
        d = draw(_dated(with_end=True))
        row |= {"date_start": d["start"], "date_precision": d["precision"]}
        row["date_end"] = d["end"] if draw(st.booleans()) else None
    elif name == "statements":
        d = draw(_dated(with_end=False))
        row |= {"date": d["start"], "date_precision": d["precision"]}
    elif name == "figures" and row["period_start"] and row["period_end"]:
        row["period_start"], row["period_end"] = sorted((row["period_start"], row["period_end"]))
    elif name == "sources":
        a, b, c = sorted(draw(st.lists(st.integers(0, 10**6), min_size=3, max_size=3)))
        row |= {"body_start": a, "body_end": b, "char_count": c}
    elif name == "evidence":
        row["char_start"], row["char_end"] = sorted((row["char_start"], row["char_end"]))
    return row


@st.composite
def _record(draw: st.DrawFn, name: str) -> dict[str, Any]:
    return _fix(name, draw(st.fixed_dictionaries(_fields(name))), draw)


def records(name: str) -> st.SearchStrategy[dict[str, Any]]:
    """Valid rows of table `name` as dicts (dates, Decimals, tuples for lists, None)."""
    if name not in RESOURCES:
        raise KeyError(f"no table {name!r}; tables: {', '.join(RESOURCES)}")
    return _record(name)


def models(name: str) -> st.SearchStrategy[Record]:
    """Valid records of table `name` as its frozen pydantic model."""
    return records(name).map(MODELS[name].model_validate)


def table_of(name: str, rows: list[dict[str, Any]]) -> pa.Table:
    """Rows as an Arrow table typed by the Table Schema, sorted by primary key like the build."""
    schema = table_schema(name)
    lists = {f.name for f in schema.fields if f.type == "list"}
    plain = [{k: list(v) if k in lists else v for k, v in row.items()} for row in rows]
    table = pa.Table.from_pylist(plain, schema=schema.arrow_schema())
    return table.sort_by([(k, "ascending") for k in schema.primary_key])


# -- whole packages --------------------------------------------------------------------------


@dataclass(frozen=True)
class Package:
    """A small valid data package: typed tables and the article texts they cite."""

    tables: dict[str, pa.Table]
    #: source_id -> (file name, article text)
    articles: dict[str, tuple[str, str]]

    def write(self, root: Path) -> Path:
        """Write it as `vnfr-data build` would (same renderer); returns the descriptor."""
        from .annotations import Body, SourceMeta
        from .build import Article, BuildResult
        from .publish import render

        articles = {}
        src = {r["source_id"]: r for r in self.tables["sources"].to_pylist()}
        for sid, (file, body) in self.articles.items():
            row = src[sid]
            meta = SourceMeta(
                id=sid,
                file=file,
                title=row["title"],
                publisher=row["publisher"],
                body=Body(start=body[row["body_start"]], end=body[row["body_end"] - 1]),
            )
            raw = body.encode("utf-8")
            articles[sid] = Article(
                meta,
                body,
                hashlib.sha256(raw).hexdigest(),
                row["body_start"],
                row["body_end"],
                file,
            )
        files = render(BuildResult(self.tables, articles, []))
        for name, data in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_bytes(data)
        (root / "articles").mkdir(parents=True, exist_ok=True)
        for file, body in self.articles.values():
            (root / "articles" / file).write_bytes(body.encode("utf-8"))
        return root / "datapackage.json"

    def annotations(self) -> dict[str, Any] | None:
        """The annotation files that build to this package (file name -> YAML data).

        None when an article gives no unique first or last words for its body
        (the annotation format needs them); `packages()` makes that rare.
        Needs a package made with `conflicts=False`.
        """
        sources = {r["source_id"]: r for r in self.tables["sources"].to_pylist()}
        quotes = self._quotes(sources)
        files: dict[str, Any] = {"actors.yaml": [_actor(r) for r in self._rows("actors")]}
        for sid, src in sources.items():
            body = _body_marks(self.articles[sid][1], src["body_start"], src["body_end"])
            if body is None:
                return None
            files[f"{sid}.yaml"] = _source_file(self, src, body, quotes, sid)
        return files

    def write_inputs(self, root: Path) -> bool:
        """Write what `vnfr-data build` reads: articles, annotations, crosswalk.

        Returns False (writing nothing) when `annotations()` gives None.
        """
        import csv

        import yaml

        docs = self.annotations()
        if docs is None:
            return False
        for sub in ("articles", "annotations", "reference"):
            (root / sub).mkdir(parents=True, exist_ok=True)
        for file, body in self.articles.values():
            (root / "articles" / file).write_bytes(body.encode("utf-8"))
        for name, doc in docs.items():
            dumped = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=10**6)
            (root / "annotations" / name).write_text(dumped, encoding="utf-8")
        names = list(table_schema("crosswalk").field_names)
        with open(root / "reference" / "crosswalk.csv", "w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, names, lineterminator="\n")
            writer.writeheader()
            for row in self._rows("crosswalk"):
                writer.writerow({k: "" if v is None else v for k, v in row.items()})
        return True

    def _rows(self, name: str) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = self.tables[name].to_pylist()
        return rows

    def _quotes(self, sources: dict[str, dict[str, Any]]) -> dict[tuple[str, str, str], list[Any]]:
        """(table, record id, source id) -> quotes, each with its occurrence in the body."""
        from .build import find_all

        out: dict[tuple[str, str, str], list[Any]] = {}
        for ev in self._rows("evidence"):
            src = sources[ev["source_id"]]
            full = self.articles[ev["source_id"]][1]
            hits = find_all(full, ev["quote"], src["body_start"], src["body_end"])
            ref = {"quote": ev["quote"], "occurrence": hits.index(ev["char_start"]) + 1}
            out.setdefault((ev["record_table"], ev["record_id"], ev["source_id"]), []).append(ref)
        return out


def _body_marks(full: str, start: int, end: int) -> dict[str, str] | None:
    """The shortest first and last words of the body that occur once in the article."""
    from .build import find_all

    body = full[start:end]
    first = next(
        (
            body[:n]
            for n in range(1, len(body) + 1)
            if len(find_all(full, body[:n], 0, len(full))) == 1
        ),
        None,
    )
    last = next(
        (
            body[-n:]
            for n in range(1, len(body) + 1)
            if len(find_all(full, body[-n:], 0, len(full))) == 1
        ),
        None,
    )
    return None if first is None or last is None else {"start": first, "end": last}


def _actor(row: dict[str, Any]) -> dict[str, Any]:
    return _given(
        {
            "id": row["actor_id"],
            "name": row["name"],
            "type": row["actor_type"],
            "country": row["country_code"],
            "aliases": row["aliases"],
        }
    )


def _given(values: dict[str, Any]) -> dict[str, Any]:
    """What an annotator writes: no nulls, no empty lists, decimals as text."""
    return {
        k: str(v) if isinstance(v, Decimal) else list(v) if isinstance(v, tuple) else v
        for k, v in values.items()
        if v is not None and v != [] and v != ()
    }


def _source_file(
    pkg: Package,
    src: dict[str, Any],
    body: dict[str, str],
    quotes: dict[tuple[str, str, str], list[Any]],
    sid: str,
) -> dict[str, Any]:
    """One `<source_id>.yaml`: the source's metadata and every fact it grounds."""

    def cited(table: str, rid: str) -> list[Any]:
        return quotes.get((table, rid, sid), [])

    def children(table: str, column: str, parent: str) -> list[dict[str, Any]]:
        key = table_schema(table).primary_key[0]
        return [r for r in pkg._rows(table) if r[column] == parent and cited(table, r[key])]

    meta = {k: src[k] for k in ("title", "publisher", "published_date", "url", "language")}
    for k in ("published_date_precision", "published_date_basis", "published_date_note"):
        meta[k] = src[k]
    doc: dict[str, Any] = {
        "source": _given({"id": sid, "file": pkg.articles[sid][0], **meta, "body": body}),
        "mentions": {
            r["actor_id"]: cited("actors", r["actor_id"])
            for r in pkg._rows("actors")
            if cited("actors", r["actor_id"])
        },
        "events": [],
        "statements": [],
        "agreements": [],
        "figures": [],
    }
    for r in pkg._rows("events"):
        if not cited("events", r["event_id"]):
            continue
        event = _given(
            {
                "id": r["event_id"],
                "type": r["event_type"],
                **{k: r[k] for k in ("title", "date_start", "date_end", "date_precision")},
                **{k: r[k] for k in ("date_basis", "date_note", "status", "location")},
                "country": r["country_code"],
                "part_of": r["part_of"],
            }
        )
        event["participants"] = [
            _given(
                {
                    "actor": p["actor_id"],
                    "role": p["role"],
                    "participation": p["participation"],
                    "evidence": cited("event_participants", p["participant_id"]),
                }
            )
            for p in children("event_participants", "event_id", r["event_id"])
        ]
        event["evidence"] = cited("events", r["event_id"])
        doc["events"].append(event)
    for r in pkg._rows("statements"):
        if cited("statements", r["statement_id"]):
            doc["statements"].append(
                _given(
                    {
                        "id": r["statement_id"],
                        "speaker": r["speaker_id"],
                        "co_speakers": r["co_speaker_ids"],
                        "addressee": r["addressee_id"],
                        "event": r["event_id"],
                        **{k: r[k] for k in ("date", "date_precision", "date_basis", "date_note")},
                        "type": r["statement_type"],
                        **{k: r[k] for k in ("quote_kind", "topics", "text")},
                        "evidence": cited("statements", r["statement_id"]),
                    }
                )
            )
    for r in pkg._rows("agreements"):
        gid = r["agreement_id"]
        if not cited("agreements", gid):
            continue
        agreement = _given(
            {
                "id": gid,
                "name": r["name"],
                "short_name": r["short_name"],
                "type": r["agreement_type"],
                "status": r["status"],
            }
        )
        agreement["parties"] = [
            _given(
                {
                    "actor": p["actor_id"],
                    "role": p["role"],
                    "evidence": cited("agreement_parties", p["party_id"]),
                }
            )
            for p in children("agreement_parties", "agreement_id", gid)
        ]
        agreement["events"] = [
            {
                "event": e["event_id"],
                "relation": e["relation"],
                "evidence": cited("agreement_events", e["link_id"]),
            }
            for e in children("agreement_events", "agreement_id", gid)
        ]
        agreement["evidence"] = cited("agreements", gid)
        doc["agreements"].append(agreement)
    for r in pkg._rows("figures"):
        if cited("figures", r["figure_id"]):
            names = ("metric", "value", "unit", "qualifier", "as_reported", "subject")
            doc["figures"].append(
                _given(
                    {
                        "id": r["figure_id"],
                        **{k: r[k] for k in names},
                        **{k: r[k] for k in ("period_start", "period_end", "comparison_base")},
                        "statement": r["statement_id"],
                        "event": r["event_id"],
                        "evidence": cited("figures", r["figure_id"]),
                    }
                )
            )
    return doc


def _ids(pattern_field: tuple[str, str], n: int) -> st.SearchStrategy[list[str]]:
    table, column = pattern_field
    pattern = table_schema(table).field(column).pattern
    assert pattern is not None
    return st.lists(st.from_regex(pattern, fullmatch=True), min_size=n, max_size=n, unique=True)


@st.composite
def _article(draw: st.DrawFn, title: str) -> tuple[str, int, int]:
    """An article: its title, a body that starts and ends with a letter, maybe a footer."""
    body = draw(text(8, 120)).rstrip() + draw(st.sampled_from(_LETTERS))
    tail = draw(text(1, 15)) if draw(st.booleans()) else ""
    full = title + "\n" + body + ("\n" + tail if tail else "")
    start = len(title) + 1
    return full, start, start + len(body)


@st.composite
def packages(
    draw: st.DrawFn, max_sources: int = 2, max_records: int = 3, conflicts: bool = True
) -> Package:
    """Small packages that pass every check: consistent ids, grounded facts, real quotes.

    With `conflicts=False` the conflicts table is empty, as a build makes it when
    every source agrees: such a package is exactly what its `annotations()` build to.
    """
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in RESOURCES}
    counts = st.integers(0, max_records)
    n_sources = draw(st.integers(1, max_sources))
    articles: dict[str, tuple[str, str]] = {}
    for i, sid in enumerate(draw(_ids(("sources", "source_id"), n_sources))):
        row = draw(records("sources"))
        full, start, end = draw(_article(row["title"]))
        file = f"{i:03d}_{sid}.txt"
        row |= {
            "source_id": sid,
            "path": f"articles/{file}",
            "sha256": hashlib.sha256(full.encode("utf-8")).hexdigest(),
            "char_count": len(full),
            "body_start": start,
            "body_end": end,
        }
        rows["sources"].append(row)
        articles[sid] = (file, full)

    def pick(values: list[str], optional: bool = True) -> str | None:
        if not values or (optional and draw(st.booleans())):
            return None
        return draw(st.sampled_from(values))

    def unique_fact(name: str, row: dict[str, Any], record_id: str) -> dict[str, Any]:
        # Two facts equal but for their id are a duplicate-fact problem: tell them apart.
        field = {"events": "title", "statements": "text", "agreements": "name"}.get(name, "subject")
        row[field] = f"{row[field]} {record_id}"
        return row

    actor_ids = draw(_ids(("actors", "actor_id"), draw(st.integers(1, max_records))))
    for aid in actor_ids:
        rows["actors"].append(draw(records("actors")) | {"actor_id": aid})
    event_ids = draw(_ids(("events", "event_id"), draw(counts)))
    for k, eid in enumerate(event_ids):
        row = draw(records("events")) | {"event_id": eid, "part_of": pick(event_ids[:k])}
        rows["events"].append(unique_fact("events", row, eid))
        for aid in draw(st.lists(st.sampled_from(actor_ids), unique=True, max_size=2)):
            rows["event_participants"].append(
                draw(records("event_participants"))
                | {"participant_id": f"{eid}/{aid}", "event_id": eid, "actor_id": aid}
            )
    statement_ids = draw(_ids(("statements", "statement_id"), draw(counts)))
    for sid in statement_ids:
        row = draw(records("statements")) | {
            "statement_id": sid,
            "speaker_id": draw(st.sampled_from(actor_ids)),
            "addressee_id": pick(actor_ids),
            "event_id": pick(event_ids),
            "co_speaker_ids": tuple(
                draw(st.lists(st.sampled_from(actor_ids), unique=True, max_size=2))
            ),
        }
        rows["statements"].append(unique_fact("statements", row, sid))
    agreement_ids = draw(_ids(("agreements", "agreement_id"), draw(counts)))
    for gid in agreement_ids:
        row = draw(records("agreements")) | {"agreement_id": gid}
        rows["agreements"].append(unique_fact("agreements", row, gid))
        for aid in draw(st.lists(st.sampled_from(actor_ids), unique=True, max_size=2)):
            rows["agreement_parties"].append(
                draw(records("agreement_parties"))
                | {"party_id": f"{gid}/{aid}", "agreement_id": gid, "actor_id": aid}
            )
        if event_ids:
            for eid in draw(st.lists(st.sampled_from(event_ids), unique=True, max_size=2)):
                rows["agreement_events"].append(
                    draw(records("agreement_events"))
                    | {"link_id": f"{gid}/{eid}", "agreement_id": gid, "event_id": eid}
                )
    for fid in draw(_ids(("figures", "figure_id"), draw(counts))):
        row = draw(records("figures")) | {
            "figure_id": fid,
            "statement_id": pick(statement_ids),
            "event_id": pick(event_ids),
        }
        rows["figures"].append(unique_fact("figures", row, fid))
    rows["evidence"] = _evidence(draw, rows, articles)
    rows["conflicts"] = _conflicts(draw, rows) if conflicts else []
    seen: set[tuple[str, str]] = set()
    for row in draw(st.lists(records("crosswalk"), max_size=3)):
        if (row["vocabulary"], row["code"]) not in seen:
            seen.add((row["vocabulary"], row["code"]))
            rows["crosswalk"].append(row)
    return Package({name: table_of(name, rows[name]) for name in RESOURCES}, articles)


#: Link tables nested in their parent in an annotation file: (parent table, parent id column).
_PARENT = {
    "event_participants": ("events", "event_id"),
    "agreement_parties": ("agreements", "agreement_id"),
    "agreement_events": ("agreements", "agreement_id"),
}


def _evidence(
    draw: st.DrawFn, rows: dict[str, list[dict[str, Any]]], articles: dict[str, tuple[str, str]]
) -> list[dict[str, Any]]:
    """One or two real quotes per fact, each starting on a letter inside a body.

    A link (participant, party, agreement-event) quotes only sources its parent
    quotes, since an annotation file lists it inside its parent.
    """
    sources = {r["source_id"]: r for r in rows["sources"]}
    out: dict[tuple[str, str, str, int, int], dict[str, Any]] = {}
    cited: dict[tuple[str, str], list[str]] = {}
    for name in EVIDENCED:
        key = table_schema(name).primary_key[0]
        for record in rows[name]:
            allowed = sorted(sources)
            if name in _PARENT:
                parent, column = _PARENT[name]
                allowed = sorted(set(cited[(parent, record[column])]))
            for _ in range(draw(st.integers(1, 2))):
                sid = draw(st.sampled_from(allowed))
                cited.setdefault((name, record[key]), []).append(sid)
                full = articles[sid][1]
                lo, hi = sources[sid]["body_start"], sources[sid]["body_end"]
                starts = [i for i in range(lo, hi) if full[i] in _LETTERS]
                start = draw(st.sampled_from(starts))
                end = draw(st.integers(start + 1, min(hi, start + 30)))
                out[(name, record[key], sid, start, end)] = {
                    "record_table": name,
                    "record_id": record[key],
                    "source_id": sid,
                    "char_start": start,
                    "char_end": end,
                    "quote": full[start:end],
                }
    return list(out.values())


def _conflicts(draw: st.DrawFn, rows: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    facts = [(name, r[table_schema(name).primary_key[0]]) for name in EVIDENCED for r in rows[name]]
    out: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    for _ in range(draw(st.integers(0, 2)) if facts else 0):
        table, record_id = draw(st.sampled_from(facts))
        row = draw(records("conflicts")) | {
            "record_table": table,
            "record_id": record_id,
            "source_id": draw(st.sampled_from([r["source_id"] for r in rows["sources"]])),
        }
        out[(table, record_id, row["field"], row["source_id"])] = row
    return list(out.values())


def register_profiles() -> None:
    """Profiles sized for 2 cores: `vnfr` (default, also CI) and `vnfr-thorough`.

    Choose with HYPOTHESIS_PROFILE; builds and validations take tens of ms, so
    deadlines are off and example counts modest.
    """
    common: dict[str, Any] = {
        "deadline": None,
        "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
        "print_blob": True,
    }
    settings.register_profile("vnfr", max_examples=20, **common)
    settings.register_profile("vnfr-thorough", max_examples=300, **common)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "vnfr"))
