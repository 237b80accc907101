"""The codebook and the datasheet are generated from the schemas and the data, and current."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import replace_parquet

from vnfr_data import RESOURCES
from vnfr_data.docs import render_docs
from vnfr_data.docs.markdown import end_marker, fill_blocks, start_marker
from vnfr_data.schema import table_schema
from vnfr_data.schema.codegen import category_labels

DATASHEET_SECTIONS = (
    "## Motivation",
    "## Composition",
    "## Collection process",
    "## Preprocessing",
    "## Uses",
    "## Distribution and licenses",
    "## Maintenance and errata",
)


def test_committed_docs_equal_a_fresh_render(repo: Path) -> None:
    for path, text in render_docs(repo / "docs", repo / "data").items():
        assert path.read_text(encoding="utf-8") == text, f"run scripts/gen_docs.py ({path.name})"


def test_datasheet_answers_the_datasheet_questions(repo: Path) -> None:
    text = (repo / "docs" / "datasheet.md").read_text(encoding="utf-8")
    positions = [text.index(section) for section in DATASHEET_SECTIONS]
    assert positions == sorted(positions)
    for block in ("version", "composition", "distribution", "errata"):
        inside = text.partition(start_marker(block))[2].partition(end_marker(block))[0]
        assert inside.strip(), block


def test_codebook_documents_every_field_and_vocabulary_value(repo: Path) -> None:
    codebook = (repo / "docs" / "codebook.md").read_text(encoding="utf-8")
    for name in RESOURCES:
        schema = table_schema(name)
        section = codebook.partition(f"\n### {name}\n")[2].partition("\n### ")[0]
        assert section, name
        for field in schema.fields:
            row = next(
                line for line in section.splitlines() if line.startswith(f"| `{field.name}` |")
            )
            assert field.description in row, (name, field.name)
            assert "|  |" not in row, (name, field.name)  # no empty cell: example included
            if field.enum:
                for value, label in category_labels(schema, field.name).items():
                    assert f"| `{value}` | {label} |" in codebook, (name, field.name, value)


def test_codebook_shows_cameo_and_plover_codes(repo: Path) -> None:
    import csv

    codebook = (repo / "docs" / "codebook.md").read_text(encoding="utf-8")
    with open(repo / "data" / "reference" / "crosswalk.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            cameo = f"{row['cameo_code']} {row['cameo_label']}" if row["cameo_code"] else "—"
            line = (
                f"| `{row['code']}` | {row['definition']} | {cameo} | {row['plover_type'] or '—'} |"
            )
            assert line in codebook, row["code"]


def test_a_changed_table_makes_the_docs_stale(data_copy: Path, repo: Path) -> None:
    """Removing a row from the data changes the rendered codebook and datasheet."""
    import pyarrow.parquet as pq

    events = pq.read_table(data_copy / "parquet" / "events.parquet")
    replace_parquet(data_copy, "events", events.slice(1))
    fresh = {p.name: t for p, t in render_docs(repo / "docs", data_copy).items()}
    for name in ("codebook.md", "datasheet.md"):  # problems.md does not depend on the data
        text = fresh[name]
        assert (repo / "docs" / name).read_text(encoding="utf-8") != text, name


def test_a_missing_marker_is_an_error() -> None:
    with pytest.raises(ValueError, match="no generated block 'errata'"):
        fill_blocks("# datasheet\n", {"errata": "- x"})
