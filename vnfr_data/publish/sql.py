"""SQL for the database downloads, derived from the Table Schemas.

One DDL generator for both engines, so DuckDB and SQLite declare the same
tables, primary keys and foreign keys; the convenience views are plain SQL that
both run. SQLite has no decimal, date, boolean or list type: numbers are
NUMERIC (integers exact, fractions as doubles), dates ISO text, booleans 0/1,
and lists JSON arrays (so `json_each` works on them).
"""

from __future__ import annotations

from typing import Literal

from ..schema import RESOURCES, TableSchema, table_schema

Engine = Literal["duckdb", "sqlite"]

_TYPES: dict[Engine, dict[str, str]] = {
    "duckdb": {
        "string": "VARCHAR",
        "integer": "BIGINT",
        "number": "DECIMAL(38, 6)",
        "date": "DATE",
        "boolean": "BOOLEAN",
        "list": "VARCHAR[]",
    },
    "sqlite": {
        "string": "TEXT",
        "integer": "INTEGER",
        "number": "NUMERIC",
        "date": "TEXT",
        "boolean": "INTEGER",
        "list": "TEXT",
    },
}

#: Convenience views: name -> (what a row is, SQL). Both engines run the same SQL.
VIEWS: dict[str, tuple[str, str]] = {
    "statements_with_speaker": (
        "each statement with its speaker's and addressee's names and its event's title and dates",
        """SELECT s.*, sp.name AS speaker_name, ad.name AS addressee_name,
       e.title AS event_title, e.date_start AS event_date_start,
       e.date_end AS event_date_end, e.date_precision AS event_date_precision
FROM statements AS s
JOIN actors AS sp ON sp.actor_id = s.speaker_id
LEFT JOIN actors AS ad ON ad.actor_id = s.addressee_id
LEFT JOIN events AS e ON e.event_id = s.event_id""",
    ),
    "figures_with_source": (
        "each figure once per source that reports it, with the source's title, publisher and date",
        """SELECT DISTINCT f.*, src.source_id, src.title AS source_title,
       src.publisher AS source_publisher, src.published_date AS source_published_date
FROM figures AS f
JOIN evidence AS ev ON ev.record_table = 'figures' AND ev.record_id = f.figure_id
JOIN sources AS src ON src.source_id = ev.source_id""",
    ),
}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_table(schema: TableSchema, engine: Engine) -> str:
    """CREATE TABLE with the schema's columns, required fields, primary and foreign keys."""
    types = _TYPES[engine]
    lines = []
    for f in schema.fields:
        not_null = f.required or f.type == "list" or f.name in schema.primary_key
        lines.append(f"  {_quote(f.name)} {types[f.type]}" + (" NOT NULL" if not_null else ""))
    lines.append(f"  PRIMARY KEY ({', '.join(_quote(k) for k in schema.primary_key)})")
    for fk in schema.foreign_keys:
        ref = fk["reference"]
        target = ref.get("resource") or schema.name
        lines.append(
            f"  FOREIGN KEY ({', '.join(_quote(c) for c in fk['fields'])}) "
            f"REFERENCES {_quote(target)} ({', '.join(_quote(c) for c in ref['fields'])})"
        )
    return f"CREATE TABLE {_quote(schema.name)} (\n" + ",\n".join(lines) + "\n)"


def create_statements(engine: Engine) -> list[str]:
    """Every CREATE TABLE in dependency order, then the views."""
    tables = [create_table(table_schema(name), engine) for name in RESOURCES]
    views = [f"CREATE VIEW {_quote(name)} AS\n{sql}" for name, (_, sql) in VIEWS.items()]
    return tables + views


def self_references(schema: TableSchema) -> tuple[str, ...]:
    """The columns of foreign keys to the table itself (events.part_of, events.fulfils)."""
    return tuple(
        str(fk["fields"][0])
        for fk in schema.foreign_keys
        if (fk["reference"].get("resource") or schema.name) == schema.name
    )
