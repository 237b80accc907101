"""Whole valid packages for property tests: typed tables, real articles, real quotes.

A `Package` writes itself as `vnfr-data build` would (same renderer), and can
write the annotation files it was built from (see `inverse`), so properties
can go round the whole pipeline.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
from hypothesis import strategies as st

from ..schema import EVIDENCED, RESOURCES, spec, table_schema
from ..sources.statement_text import ends_sentence, shown_texts, statement_texts
from .inverse import actor_entry, body_marks, source_file
from .strategies import _LETTERS, records, table_of, text


@dataclass(frozen=True)
class Package:
    """A small valid data package: typed tables and the article texts they cite."""

    tables: dict[str, pa.Table]
    #: source_id -> (file name, article text)
    articles: dict[str, tuple[str, str]]

    def write(self, root: Path) -> Path:
        """Write it as `vnfr-data build` would (same renderer); returns the descriptor."""
        from ..annotations.format import Body, SourceMeta
        from ..build import BuildResult
        from ..publish import render
        from ..sources.article import Article

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
        """
        sources = {r["source_id"]: r for r in self.tables["sources"].to_pylist()}
        quotes = self._quotes(sources)
        files: dict[str, Any] = {"actors.yaml": [actor_entry(r) for r in self._rows("actors")]}
        for sid, src in sources.items():
            body = body_marks(self.articles[sid][1], src["body_start"], src["body_end"])
            if body is None:
                return None
            files[f"{sid}.yaml"] = source_file(self, src, body, quotes, sid)
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
        from ..sources.quotes import find_all

        out: dict[tuple[str, str, str], list[Any]] = {}
        for ev in self._rows("evidence"):
            src = sources[ev["source_id"]]
            full = self.articles[ev["source_id"]][1]
            hits = find_all(full, ev["quote"], src["body_start"], src["body_end"])
            ref = {"quote": ev["quote"], "occurrence": hits.index(ev["char_start"]) + 1}
            out.setdefault((ev["record_table"], ev["record_id"], ev["source_id"]), []).append(ref)
        return out


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
def packages(draw: st.DrawFn, max_sources: int = 2, max_records: int = 3) -> Package:
    """Small packages that pass every check: consistent ids, grounded facts, real quotes.

    Every source that cites a record agrees with every other on all its fields, so
    each claim is preferred (`only_claim`, or `agreed`) and no field is disputed:
    such a package is exactly what its `annotations()` build to.
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
        # (A statement's text is its evidence, drawn later: its date note tells it apart.)
        field = {"events": "title", "statements": "date_note", "agreements": "name"}.get(
            name, "subject"
        )
        row[field] = f"{row[field] or 'note'} {record_id}"
        return row

    actor_ids = draw(_ids(("actors", "actor_id"), draw(st.integers(1, max_records))))
    for aid in actor_ids:
        rows["actors"].append(draw(records("actors")) | {"actor_id": aid})
    event_ids = draw(_ids(("events", "event_id"), draw(counts)))
    for k, eid in enumerate(event_ids):
        row = draw(records("events")) | {
            "event_id": eid,
            "part_of": pick(event_ids[:k]),
            "fulfils": pick(event_ids[:k]),
        }
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
        event = next((e for e in rows["events"] if e["event_id"] == row["event_id"]), None)
        if event is not None and event["date_start"] is not None:
            # Made at a dated event: it carries a date inside the event's (the build's rule).
            row |= {"date": event["date_start"], "date_precision": event["date_precision"]}
            if row["date_basis"] == "unknown":  # a date says how it was obtained
                row["date_basis"] = "inferred"
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
    _statement_texts(rows, articles)
    rows["claims"] = _claims(rows)
    seen: set[tuple[str, str]] = set()
    for row in draw(st.lists(records("crosswalk"), max_size=3)):
        if (row["vocabulary"], row["code"]) not in seen:
            seen.add((row["vocabulary"], row["code"]))
            rows["crosswalk"].append(row)
    return Package({name: table_of(name, rows[name]) for name in RESOURCES}, articles)


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
            parent = spec(name).parent
            if parent is not None:
                column = spec(parent).key
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


def _statement_texts(
    rows: dict[str, list[dict[str, Any]]], articles: dict[str, tuple[str, str]]
) -> None:
    """Each statement's text is built from its evidence, as the build does; one that stops
    mid-sentence in a generated article gets a split note, as a reviewer would write."""
    texts = {sid: full.encode("utf-8") for sid, (_file, full) in articles.items()}
    body_ends = {r["source_id"]: r["body_end"] for r in rows["sources"]}
    per_source = statement_texts(table_of("evidence", rows["evidence"]), texts)
    shown = dict(
        zip(*(shown_texts(per_source)[c].to_pylist() for c in ("record_id", "text")), strict=True)
    )
    ends = ends_sentence(per_source, texts, body_ends)
    cut = {rid for rid, ok in zip(per_source["record_id"].to_pylist(), ends, strict=True) if not ok}
    for row in rows["statements"]:
        row["text"] = shown[row["statement_id"]]
        row["split_note"] = "stops mid-sentence" if row["statement_id"] in cut else None


def _claims(rows: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Each citing source's claims, all agreeing; fills each row's source_ids and
    disputed_fields (none) on the way, as the build does."""
    from ..build.compare import as_text
    from ..build.merge import units

    cited: dict[tuple[str, str], set[str]] = {}
    for ev in rows["evidence"]:
        cited.setdefault((ev["record_table"], ev["record_id"]), set()).add(ev["source_id"])
    out: list[dict[str, Any]] = []
    for name in EVIDENCED:
        declared = spec(name)
        for record in rows[name]:
            sources = sorted(cited.get((name, record[declared.key]), ()))
            record["source_ids"] = tuple(sources)
            if "disputed_fields" in declared.provenance:
                record["disputed_fields"] = ()
            if name == "actors":
                continue  # defined in actors.yaml: mentions are evidence, not claims
            for unit in units(name):
                if record.get(unit.fields[0]) is None and unit.kind != "period":
                    continue
                given = [
                    f
                    for f in unit.fields
                    if record.get(f) is not None
                    and not (spec(name).schema.field(f).enum and record[f] == "unknown")
                ]
                if not given:
                    continue
                for sid in sources:
                    for f in given:
                        out.append(
                            {
                                "record_table": name,
                                "record_id": record[declared.key],
                                "field": f,
                                "source_id": sid,
                                "value": as_text(record[f]),
                                "note": record.get(unit.note) if unit.note else None,
                                "rank": "preferred",
                                "reason": "only_claim" if len(sources) == 1 else "agreed",
                                "reason_note": None,
                                "disputed": False,
                            }
                        )
    return out
