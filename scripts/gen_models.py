"""Regenerate what is derived from the schemas and the registry: the shared field definitions
in schemas/*.json (vnfr_data/schema/shared.py), vnfr_data/schema/models.py, the vocabulary
section of docs/annotations.md and schemas/annotation.schema.json (run after editing a
schema, the registry, a shared definition or an annotation model)."""

import csv
from pathlib import Path

from vnfr_data.annotations.json_schema import SCHEMA_PATH, render_annotation_schema
from vnfr_data.schema import RESOURCES, table_schema
from vnfr_data.schema.codegen import VOCAB_END, VOCAB_START, render_formatted, render_vocabularies
from vnfr_data.schema.shared import render_schema_text

repo = Path(__file__).resolve().parent.parent
for name in RESOURCES:  # first: everything below is derived from the schemas
    path = repo / "schemas" / f"{name}.json"
    text = render_schema_text(name)
    if path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path} (shared field definitions)")
table_schema.cache_clear()
models = repo / "vnfr_data" / "schema" / "models.py"
models.write_text(render_formatted(repo), encoding="utf-8")
print(f"wrote {models}")

with open(repo / "data" / "reference" / "crosswalk.csv", encoding="utf-8") as handle:
    crosswalk = {(r["vocabulary"], r["code"]): r["definition"] for r in csv.DictReader(handle)}
docs = repo / "docs" / "annotations.md"
text = docs.read_text(encoding="utf-8")
head, _, rest = text.partition(VOCAB_START)
_, _, tail = rest.partition(VOCAB_END)
docs.write_text(head + render_vocabularies(crosswalk) + tail, encoding="utf-8")
print(f"wrote {docs}")

editors = repo / SCHEMA_PATH
editors.write_text(render_annotation_schema(), encoding="utf-8")
print(f"wrote {editors}")
