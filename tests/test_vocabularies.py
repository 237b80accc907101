"""Vocabularies are written once, in the Table Schemas: code that writes values takes them there.

The annotation models read their vocabularies from the schemas (`annotations.columns`),
so a draft that follows the annotation format uses only schema values; the draft
extractor's own tables (reporting verbs -> statement types, triggers -> event types
...) are checked here through what it writes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from vnfr_data.annotations import format as annotation_format
from vnfr_data.annotations.columns import column_of
from vnfr_data.annotations.source_file import SourceFile
from vnfr_data.draft.draft import render
from vnfr_data.draft.pipeline import extract
from vnfr_data.schema import table_schema

REPO = Path(__file__).resolve().parent.parent
# Every article is drafted, the independent sets' included: a page whose shape gives no body
# gets a best-effort body that the draft says is one (223 and 234 were once refused outright).
ARTICLES = sorted(
    [
        *(REPO / "data" / "articles").glob("*.txt"),
        *(REPO / "tests" / "fixtures" / "extract").glob("*.txt"),
        *(REPO / "tests" / "draft_dev" / "articles").glob("*.txt"),
    ]
)


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.name)
def test_every_draft_follows_the_format_and_its_vocabularies(article: Path) -> None:
    draft = extract(article, actors=REPO / "data" / "annotations" / "actors.yaml")
    doc = yaml.safe_load(render(draft))
    SourceFile.model_validate(doc)  # raises naming the key and the vocabulary it misses


def test_source_meta_vocabularies_are_the_schema_s() -> None:
    for key in ("published_date_precision", "published_date_basis"):
        check = column_of("SourceMeta", key)
        assert check is not None
        assert check.field.enum == table_schema("sources").field(key).enum
    model = annotation_format.SourceMeta
    assert "Literal" not in str(model.model_fields["published_date_precision"].annotation)
