"""The column checks as SQL on partitioned Parquet: how validation runs past one machine.

A demonstration for docs/scaling.md (it measures and prints; not a test). Run:
    python benchmarks/duckdb_checks.py PACKAGE_DIR [--partitions N] [--memory-limit 2GB]

It writes the package's Parquet tables as a hive-partitioned dataset (evidence
split by a hash bucket of `source_id`, the unit of work of the corpus), then
runs the Table Schemas' column checks as one SQL query each, generated from the
same schemas `vnfr-data validate` reads (required, enum, pattern, length,
minimum, primary key, foreign keys), and quotes against their article slice.
DuckDB here; the same statements are Spark SQL with `regexp_like` for
`regexp_full_match`. It prints each check's failing-row count, the time, and
the process's peak memory. No home-made distribution: an engine that already
spills to disk and splits work across cores or machines does it.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from vnfr_data.schema import RESOURCES, table_schema


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def checks(name: str) -> list[tuple[str, str]]:
    """(label, SQL counting the failing rows) for every column constraint of a table."""
    schema = table_schema(name)
    t = f"t_{name}"
    out: list[tuple[str, str]] = []
    for f in schema.fields:
        c = _quote(f.name)
        if f.required:
            out.append((f"{name}.{f.name} required", f"SELECT count(*) FROM {t} WHERE {c} IS NULL"))
        if f.type == "list":
            continue
        if f.enum:
            values = ", ".join(_literal(v) for v in f.enum)
            out.append(
                (f"{name}.{f.name} enum", f"SELECT count(*) FROM {t} WHERE {c} NOT IN ({values})")
            )
        if f.pattern:
            out.append(
                (
                    f"{name}.{f.name} pattern",
                    f"SELECT count(*) FROM {t} WHERE NOT regexp_full_match({c}, "
                    f"{_literal(f.pattern.removeprefix('^').removesuffix('$'))})",
                )
            )
        if f.min_length is not None:
            out.append(
                (
                    f"{name}.{f.name} minLength",
                    f"SELECT count(*) FROM {t} WHERE length({c}) < {f.min_length}",
                )
            )
        if f.max_length is not None:
            out.append(
                (
                    f"{name}.{f.name} maxLength",
                    f"SELECT count(*) FROM {t} WHERE length({c}) > {f.max_length}",
                )
            )
        if f.minimum is not None:
            out.append(
                (f"{name}.{f.name} minimum", f"SELECT count(*) FROM {t} WHERE {c} < {f.minimum}")
            )
        if f.type == "string" and f.enum is None and f.pattern is None:
            out.append(
                (
                    f"{name}.{f.name} NFC, no control character",
                    f"SELECT count(*) FROM {t} WHERE {c} <> nfc_normalize({c}) "
                    f"OR regexp_matches({c}, '[\\x00-\\x08\\x0b-\\x1f\\x7f]')",
                )
            )
    key = ", ".join(_quote(k) for k in schema.primary_key)
    out.append(
        (
            f"{name} primary key",
            f"SELECT count(*) FROM (SELECT {key} FROM {t} GROUP BY {key} HAVING count(*) > 1)",
        )
    )
    for fk in schema.foreign_keys:
        (col,), (ref,) = fk["fields"], fk["reference"]["fields"]
        other = f"t_{fk['reference']['resource'] or name}"
        out.append(
            (
                f"{name}.{col} -> {fk['reference']['resource']}",
                f"SELECT count(*) FROM {t} a WHERE a.{_quote(col)} IS NOT NULL AND NOT EXISTS "
                f"(SELECT 1 FROM {other} b WHERE b.{_quote(ref)} = a.{_quote(col)})",
            )
        )
    return out


QUOTES = """
SELECT count(*) FROM t_evidence e JOIN texts s USING (source_id)
WHERE substr(s.text, e.char_start + 1, e.char_end - e.char_start) <> e.quote
"""


NO_TEXT = """
SELECT count(*) FROM t_evidence e WHERE NOT EXISTS (SELECT 1 FROM texts s WHERE s.source_id = e.source_id)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package", type=Path)
    parser.add_argument("--partitions", type=int, default=16)
    parser.add_argument("--memory-limit", default="2GB")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    root: Path = args.package
    work = Path(tempfile.mkdtemp(prefix="vnfr-duckdb-"))
    con = duckdb.connect(config={"memory_limit": args.memory_limit, "threads": args.threads})
    try:
        start = time.perf_counter()
        for name in RESOURCES:
            src = root / "parquet" / f"{name}.parquet"
            dest = work / name
            con.execute(
                f"COPY (SELECT *, hash(source_id) % {args.partitions} AS part FROM "
                f"read_parquet({_literal(str(src))})) TO {_literal(str(dest))} "
                "(FORMAT parquet, PARTITION_BY (part))"
                if name == "evidence"
                else f"COPY (SELECT * FROM read_parquet({_literal(str(src))})) TO "
                f"{_literal(str(dest) + '.parquet')} (FORMAT parquet)"
            )
        written = time.perf_counter() - start
        for name in RESOURCES:
            where = (
                f"read_parquet({_literal(str(work / name / '**' / '*.parquet'))}, "
                "hive_partitioning = true)"
                if name == "evidence"
                else f"read_parquet({_literal(str(work / name) + '.parquet')})"
            )
            con.execute(f"CREATE VIEW t_{name} AS SELECT * FROM {where}")
        con.execute(
            "CREATE VIEW texts AS SELECT s.source_id, f.content AS text FROM t_sources s "
            f"JOIN read_text({_literal(str(root / 'articles' / '*.txt'))}) f "
            "ON f.filename LIKE '%/' || substr(s.path, 10)"
        )
        every = [c for name in RESOURCES for c in checks(name)]
        every.append(("evidence quote = its article slice", QUOTES))
        every.append(("evidence without its article text", NO_TEXT))
        start = time.perf_counter()
        failing = {}
        for label, sql in every:
            row = con.execute(sql).fetchone()
            failing[label] = int(row[0]) if row else -1
        took = time.perf_counter() - start
        rows = sum(
            int(con.execute(f"SELECT count(*) FROM t_{n}").fetchone()[0])  # type: ignore[index]
            for n in RESOURCES
        )
    finally:
        con.close()
        shutil.rmtree(work, ignore_errors=True)
    bad = {k: v for k, v in failing.items() if v}
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{rows:,} rows; partitioned Parquet written in {written:.1f} s; {len(every)} SQL checks "
        f"in {took:.1f} s ({rows / took:,.0f} rows/s); process peak {rss:.0f} MB "
        f"(DuckDB memory_limit {args.memory_limit}, {args.threads} threads)"
    )
    print("failing rows: " + (", ".join(f"{k} {v}" for k, v in bad.items()) or "none"))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
