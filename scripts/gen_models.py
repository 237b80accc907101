"""Regenerate what is derived from schemas/*.json: vnfr_data/schema/models.py and the
vocabulary section of docs/annotations.md (run after editing a schema)."""

import csv
from pathlib import Path

from vnfr_data.schema.codegen import VOCAB_END, VOCAB_START, render_formatted, render_vocabularies

repo = Path(__file__).resolve().parent.parent
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
