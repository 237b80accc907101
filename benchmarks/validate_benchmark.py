"""Validation speed and findings: our columnar validator against `frictionless validate`.

A script that measures and prints (not a test). Run:
    python benchmarks/validate_benchmark.py [EVIDENCE_ROWS] [--frictionless-rows N]

It generates a synthetic, valid package of EVIDENCE_ROWS evidence rows (default
1,000,000) with the other tables in proportion (1,000 articles, ~550,000 facts,
every fact grounded in a real slice of an article), written by the project's
own renderer; then a copy with injected errors (bad quotes, vocabularies,
dangling keys, decomposed text, formula cells, a ragged row) whose descriptor
hashes are updated so that only the injected problems remain. It times:

  * ours     `vnfr_data.validate.validate(path, run_frictionless=False, check_build=False)`
  * ours+fl  the same with frictionless (only when the package is small enough)
  * fl       `frictionless validate datapackage.json` (the CLI, as CI runs it)

Frictionless checks cell by cell in Python, so on the full package it would run
for a long time: it is timed on a package of `--frictionless-rows` evidence rows
(default 50,000, the other tables scaled alike) and its rate extrapolated to
the full size, which is said in the output; `--frictionless-full` times it on
the full package as well.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from vnfr_data.annotations.format import Body, SourceMeta
from vnfr_data.build import BuildResult
from vnfr_data.publish import render, sha256_hex
from vnfr_data.publish.writers import csv_bytes
from vnfr_data.schema import table_schema
from vnfr_data.schema.registry import PROVENANCE
from vnfr_data.sources.article import Article
from vnfr_data.sources.statement_text import shown_texts, statement_texts
from vnfr_data.validate import validate
from vnfr_data.validate.cells import read_csv_as_text

_VOCABULARY = (
    "Vietnam France partnership trade cooperation minister talks Hanoi Paris agreement "
    "defence culture education investment energy climate aviation ambassador president "
    "Việt Nam hợp tác Pháp đối tác chiến lược Hà Nội thương mại quốc phòng giáo dục"
)
WORDS = _VOCABULARY.split()


def _enum(name: str, column: str) -> list[str]:
    values = table_schema(name).field(column).enum
    assert values is not None
    return list(values)


def _table(name: str, columns: dict[str, Any]) -> pa.Table:
    schema = table_schema(name).arrow_schema()
    rows = len(next(iter(columns.values()))) if columns else 0
    for column in PROVENANCE:  # filled from the evidence once it is drawn (`_provenance`)
        if column in schema.names and column not in columns:
            columns[column] = [[]] * rows
    table = pa.table({f.name: pa.array(columns[f.name], f.type) for f in schema}, schema=schema)
    return table.sort_by([(k, "ascending") for k in table_schema(name).primary_key])


def _provenance(tables: dict[str, pa.Table], names: list[str]) -> dict[tuple[str, str], set[str]]:
    """Each fact's source_ids from its evidence (disputed_fields stay empty: all agree)."""
    ev = tables["evidence"]
    cited: dict[tuple[str, str], set[str]] = {}
    for t, r, sid in zip(
        ev["record_table"].to_pylist(),
        ev["record_id"].to_pylist(),
        ev["source_id"].to_pylist(),
        strict=True,
    ):
        cited.setdefault((t, r), set()).add(sid)
    for name in names:
        table = tables[name]
        key = table_schema(name).primary_key[0]
        column = pa.array(
            [sorted(cited.get((name, rid), ())) for rid in table[key].to_pylist()],
            pa.list_(pa.string()),
        )
        at = table.schema.get_field_index("source_ids")
        tables[name] = table.set_column(at, table.schema.field(at), column)
    return cited


def generate(evidence_rows: int, seed: int = 7) -> tuple[dict[str, pa.Table], dict[str, Article]]:
    """A valid package: typed tables and the articles their evidence quotes."""
    rng = np.random.default_rng(seed)
    scale = evidence_rows / 1_000_000
    n = {
        "sources": max(int(1000 * scale), 5),
        "actors": max(int(10_000 * scale), 5),
        "events": max(int(100_000 * scale), 5),
        "statements": max(int(200_000 * scale), 5),
        "agreements": max(int(10_000 * scale), 5),
        "figures": max(int(50_000 * scale), 5),
    }
    tables: dict[str, Any] = {}
    # Articles: a title line and a body of ~800 words.
    articles: dict[str, Article] = {}
    word_starts: dict[str, np.ndarray] = {}
    src: dict[str, list[Any]] = {f: [] for f in table_schema("sources").field_names}
    for i in range(n["sources"]):
        sid = hashlib.sha256(f"source {i}".encode()).hexdigest()[:16]
        title = f"Article {i} on Vietnam–France relations"
        body = " ".join(rng.choice(WORDS, 800)) + "."
        text = f"{title}\n{body}\n"
        file = f"{i:05d}_{sid}.txt"
        start, end = len(title) + 1, len(title) + 1 + len(body)
        starts = np.array([start] + [start + j + 1 for j, c in enumerate(body) if c == " "])
        word_starts[sid] = starts[starts < end - 70]
        meta = SourceMeta(
            id=sid, file=file, title=title, publisher="VNA", body=Body(start="x", end="x")
        )
        raw = text.encode("utf-8")
        articles[sid] = Article(meta, text, sha256_hex(raw), start, end, file)
        for key, value in {
            "source_id": sid,
            "path": f"articles/{file}",
            "title": title,
            "publisher": "VNA",
            "published_date": datetime.date(2025, 5, 1) + datetime.timedelta(days=i % 300),
            "published_date_precision": "day",
            "published_date_basis": "stated",
            "published_date_note": None,
            "url": f"https://example.org/news/{i}",
            "language": "en",
            "sha256": sha256_hex(raw),
            "char_count": len(text),
            "body_start": start,
            "body_end": end,
        }.items():
            src[key].append(value)
    tables["sources"] = _table("sources", src)
    actors = [f"actor-{i}" for i in range(n["actors"])]
    tables["actors"] = _table(
        "actors",
        {
            "actor_id": actors,
            "name": [f"Actor {i}" for i in range(n["actors"])],
            "actor_type": rng.choice(_enum("actors", "actor_type"), n["actors"]).tolist(),
            "country_code": rng.choice(["VN", "FR", None], n["actors"]).tolist(),
            "aliases": [[f"A{i}"] if i % 3 == 0 else [] for i in range(n["actors"])],
        },
    )
    events = [f"ev-{i}" for i in range(n["events"])]
    days = [
        datetime.date(2020, 1, 1) + datetime.timedelta(days=i % 2000) for i in range(len(events))
    ]
    tables["events"] = _table(
        "events",
        {
            "event_id": events,
            "event_type": rng.choice(_enum("events", "event_type"), len(events)).tolist(),
            "title": [f"Event {i} between Vietnam and France" for i in range(len(events))],
            "date_start": days,
            "date_end": days,
            "date_precision": ["day"] * len(events),
            "date_basis": ["stated"] * len(events),
            "date_note": [None] * len(events),
            "status": rng.choice(_enum("events", "status"), len(events)).tolist(),
            "location": rng.choice(["Hanoi", "Paris", None], len(events)).tolist(),
            "country_code": rng.choice(["VN", "FR", None], len(events)).tolist(),
            "part_of": [None] * len(events),
            "fulfils": [None] * len(events),
            "fulfils_note": [None] * len(events),
        },
    )
    pairs = [(e, actors[i % len(actors)]) for i, e in enumerate(events)]
    tables["event_participants"] = _table(
        "event_participants",
        {
            "participant_id": [f"{e}/{a}" for e, a in pairs],
            "event_id": [e for e, _ in pairs],
            "actor_id": [a for _, a in pairs],
            "role": ["Minister"] * len(pairs),
            "participation": rng.choice(
                _enum("event_participants", "participation"), len(pairs)
            ).tolist(),
        },
    )
    st_ids = [f"st-{i}" for i in range(n["statements"])]
    tables["statements"] = _table(
        "statements",
        {
            "statement_id": st_ids,
            "speaker_id": [actors[i % len(actors)] for i in range(len(st_ids))],
            "co_speaker_ids": [
                [actors[(i + 1) % len(actors)]] if i % 5 == 0 else [] for i in range(len(st_ids))
            ],
            "addressee_id": [None] * len(st_ids),
            "event_id": [events[i % len(events)] for i in range(len(st_ids))],
            # Made at its event: the event's date (the statement-date rule).
            "date": [days[i % len(events)] for i in range(len(st_ids))],
            "date_precision": ["day"] * len(st_ids),
            "date_basis": ["inferred"] * len(st_ids),
            "date_note": ["the date of its event"] * len(st_ids),
            "statement_type": rng.choice(
                _enum("statements", "statement_type"), len(st_ids)
            ).tolist(),
            "quote_kind": rng.choice(_enum("statements", "quote_kind"), len(st_ids)).tolist(),
            "topics": [["economy", "trade"]] * len(st_ids),
            "text": ["(built from the evidence below)"] * len(st_ids),
            # Random word runs rarely end a sentence: each says so, as a reviewer would.
            "split_note": ["a benchmark span, cut at a word"] * len(st_ids),
        },
    )
    ag_ids = [f"ag-{i}" for i in range(n["agreements"])]
    tables["agreements"] = _table(
        "agreements",
        {
            "agreement_id": ag_ids,
            "name": [f"Agreement {i}" for i in range(len(ag_ids))],
            "short_name": [None] * len(ag_ids),
            "agreement_type": rng.choice(
                _enum("agreements", "agreement_type"), len(ag_ids)
            ).tolist(),
            "status": rng.choice(_enum("agreements", "status"), len(ag_ids)).tolist(),
        },
    )
    parties = [(g, actors[(i + k) % len(actors)]) for i, g in enumerate(ag_ids) for k in (0, 1)]
    tables["agreement_parties"] = _table(
        "agreement_parties",
        {
            "party_id": [f"{g}/{a}" for g, a in parties],
            "agreement_id": [g for g, _ in parties],
            "actor_id": [a for _, a in parties],
            "role": ["party"] * len(parties),
        },
    )
    tables["agreement_events"] = _table(
        "agreement_events",
        {
            "link_id": [f"{g}/{events[i]}" for i, g in enumerate(ag_ids)],
            "agreement_id": ag_ids,
            "event_id": events[: len(ag_ids)],
            "relation": ["signed"] * len(ag_ids),
        },
    )
    fig_ids = [f"fig-{i}" for i in range(n["figures"])]
    tables["figures"] = _table(
        "figures",
        {
            "figure_id": fig_ids,
            "metric": rng.choice(_enum("figures", "metric"), len(fig_ids)).tolist(),
            "subject": [f"Trade figure {i}" for i in range(len(fig_ids))],
            "value": [Decimal(i) / 100 for i in range(len(fig_ids))],
            "unit": rng.choice(_enum("figures", "unit"), len(fig_ids)).tolist(),
            "qualifier": ["exact"] * len(fig_ids),
            "as_reported": [f"{i / 100} billion" for i in range(len(fig_ids))],
            "period_start": [None] * len(fig_ids),
            "period_end": [None] * len(fig_ids),
            "comparison_base": [None] * len(fig_ids),
            "statement_id": [None] * len(fig_ids),
            "event_id": [None] * len(fig_ids),
        },
    )
    facts = [
        (name, table_schema(name).primary_key[0])
        for name in ("actors", "events", "event_participants", "statements", "agreements")
        + ("agreement_parties", "agreement_events", "figures")
    ]
    owners = [(name, rid) for name, key in facts for rid in tables[name][key].to_pylist()]
    extra = max(evidence_rows - len(owners), 0)
    owners += [owners[i] for i in rng.integers(0, len(owners), extra)]
    owners = owners[:evidence_rows]
    sids = sorted(articles)
    picks = rng.integers(0, len(sids), len(owners))
    lengths = rng.integers(20, 60, len(owners))
    seen: set[tuple[str, str, str, int, int]] = set()
    ev: dict[str, list[Any]] = {f: [] for f in table_schema("evidence").field_names}
    for (name, rid), pick, length in zip(owners, picks, lengths, strict=True):
        sid = sids[pick]
        starts = word_starts[sid]
        start = int(starts[rng.integers(0, len(starts))])
        end = start + int(length)
        while (name, rid, sid, start, end) in seen:
            end += 1
        seen.add((name, rid, sid, start, end))
        for key, value in zip(
            ev, (name, rid, sid, start, end, articles[sid].text[start:end]), strict=True
        ):
            ev[key].append(value)
    tables["evidence"] = _table("evidence", ev)
    # A statement's text is its evidence, as the build makes it.
    shown = shown_texts(
        statement_texts(
            tables["evidence"], {k: a.text.encode("utf-8") for k, a in articles.items()}
        )
    )
    at = pc.index_in(tables["statements"]["statement_id"], value_set=shown["record_id"])
    texts = pc.cast(pc.take(shown["text"], at), pa.string())
    column = tables["statements"].schema.get_field_index("text")
    tables["statements"] = tables["statements"].set_column(
        column, tables["statements"].schema.field(column), texts
    )
    cited = _provenance(tables, [name for name, _ in facts])
    titled = tables["events"].slice(0, 10).select(["event_id", "title"]).to_pylist()
    claims = [
        (e["event_id"], e["title"], sid, len(cited[("events", e["event_id"])]))
        for e in titled
        for sid in sorted(cited[("events", e["event_id"])])
    ]
    tables["claims"] = _table(
        "claims",
        {
            "record_table": ["events"] * len(claims),
            "record_id": [c[0] for c in claims],
            "field": ["title"] * len(claims),
            "source_id": [c[2] for c in claims],
            "value": [c[1] for c in claims],
            "note": [None] * len(claims),
            "rank": ["preferred"] * len(claims),
            "reason": ["only_claim" if c[3] == 1 else "agreed" for c in claims],
            "reason_note": [None] * len(claims),
            "disputed": [False] * len(claims),
        },
    )
    tables["crosswalk"] = _table(
        "crosswalk",
        {
            "vocabulary": ["event_type"] * 3,
            "code": ["talks", "visit", "summit"],
            "definition": ["Talks", "A visit", "A summit"],
            "cameo_code": ["040", "042", "043"],
            "cameo_label": ["Consult", "Make a visit", "Host a visit"],
            "plover_type": ["CONSULT"] * 3,
        },
    )
    tables["withdrawals"] = _table(
        "withdrawals",
        {"record_table": [], "record_id": [], "withdrawn_in": [], "reason": []},
    )
    return tables, articles


def write(root: Path, tables: dict[str, pa.Table], articles: dict[str, Article]) -> None:
    files = render(BuildResult(tables, articles, []))
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    (root / "articles").mkdir(exist_ok=True)
    for a in articles.values():
        (root / "articles" / a.file).write_bytes(a.text.encode("utf-8"))


def inject(
    root: Path,
    per_kind: int,
    seed: int = 11,
    places: list[tuple[str, str, int, str | None]] | None = None,
) -> dict[str, int]:
    """Damage CSV cells (Parquet twins untouched) and rehash; returns what was injected.

    `places`, when given, receives (code, table, CSV row, field) of every injection."""
    rng = np.random.default_rng(seed)
    injected: dict[str, int] = {}
    cells: dict[str, dict[str, list[str | None]]] = {}

    def edit(name: str, column: str, kind: str, change: Any) -> None:
        if name not in cells:
            names = list(table_schema(name).field_names)
            text = read_csv_as_text((root / "csv" / f"{name}.csv").read_bytes(), names)
            cells[name] = {c: text[c].to_pylist() for c in names}
        values = cells[name][column]
        for r in rng.choice(len(values), min(per_kind, len(values)), replace=False):
            values[r] = change(values[r])
            if places is not None:
                places.append((kind, name, int(r) + 2, column))
        injected[kind] = injected.get(kind, 0) + min(per_kind, len(values))

    edit("evidence", "quote", "quote-mismatch", lambda q: "X" + q[1:])
    edit("evidence", "char_start", "type-error", lambda _v: "x")
    edit("events", "event_type", "constraint-error", lambda _v: "banquet")
    edit("statements", "speaker_id", "foreign-key", lambda _v: "nobody")
    edit("figures", "subject", "text-not-nfc", lambda _v: unicodedata.normalize("NFD", "Hợp tác"))
    edit("agreements", "name", "unsafe-cell", lambda v: "=" + v)
    for name, columns in cells.items():
        data = csv_bytes(pa.table({c: pa.array(v, pa.string()) for c, v in columns.items()}))
        if name == "events":  # and one ragged row
            lines = data.split(b"\n")
            lines[5] += b',"surplus"'
            data = b"\n".join(lines)
            injected["extra-cell"] = 1
            if places is not None:
                places.append(("extra-cell", name, 6, None))
        (root / "csv" / f"{name}.csv").write_bytes(data)
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    for res in descriptor["resources"]:
        if res["name"] in cells:
            data = (root / res["path"]).read_bytes()
            res["bytes"], res["hash"] = len(data), f"sha256:{sha256_hex(data)}"
    (root / "datapackage.json").write_text(json.dumps(descriptor, indent=2), encoding="utf-8")
    return injected


def rows_in(root: Path) -> int:
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    return sum(int(r["rows"]) for r in descriptor["resources"])


def time_ours(root: Path, frictionless: bool) -> tuple[float, dict[str, int]]:
    start = time.perf_counter()
    report = validate(root, run_frictionless=frictionless, check_build=False)
    took = time.perf_counter() - start
    counts: dict[str, int] = {}
    for p in report.problems:
        counts[p.code] = counts.get(p.code, 0) + 1
    return took, counts


def time_frictionless(root: Path) -> tuple[float, dict[str, int]]:
    exe = Path(sys.executable).with_name("frictionless")
    start = time.perf_counter()
    done = subprocess.run(
        [str(exe), "validate", "--json", str(root / "datapackage.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    took = time.perf_counter() - start
    counts: dict[str, int] = {}
    try:
        for task in json.loads(done.stdout).get("tasks", []):
            for err in task.get("errors", []):
                counts[err["type"]] = counts.get(err["type"], 0) + 1
    except json.JSONDecodeError:
        counts["<unreadable output>"] = 1
    return took, counts


def _line(label: str, rows: int, took: float, counts: dict[str, int], note: str = "") -> None:
    found = ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "none"
    print(f"  {label:<28} {took:8.2f} s {rows / took:>12,.0f} rows/s  findings: {found}{note}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("evidence_rows", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--frictionless-rows", type=int, default=50_000)
    parser.add_argument("--errors-per-kind", type=int, default=100)
    parser.add_argument(
        "--frictionless-full",
        action="store_true",
        help="also time the frictionless CLI on the full package (minutes)",
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="vnfr-validate-bench-"))
    try:
        for label, size in (("full", args.evidence_rows), ("subset", args.frictionless_rows)):
            start = time.perf_counter()
            tables, articles = generate(size)
            valid, broken = work / f"{label}-valid", work / f"{label}-broken"
            write(valid, tables, articles)
            shutil.copytree(valid, broken)
            injected = inject(broken, args.errors_per_kind)
            rows = rows_in(valid)
            print(
                f"\n{label}: {rows:,} rows in 12 tables ({size:,} evidence rows), "
                f"generated in {time.perf_counter() - start:.0f} s; injected: "
                + ", ".join(f"{k} {v}" for k, v in injected.items())
            )
            for kind, root in (("valid", valid), ("broken", broken)):
                took, counts = time_ours(root, frictionless=False)
                _line(f"ours ({kind})", rows, took, counts)
                if label == "full" and args.frictionless_full:
                    took, counts = time_frictionless(root)
                    _line(f"frictionless CLI ({kind})", rows, took, counts)
                if label == "subset":
                    took, counts = time_ours(root, frictionless=True)
                    _line(f"ours + frictionless ({kind})", rows, took, counts)
                    took, counts = time_frictionless(root)
                    note = (
                        f"  -> {args.evidence_rows / size * took:.0f} s extrapolated "
                        "to the full package"
                    )
                    _line(f"frictionless CLI ({kind})", rows, took, counts, note)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
