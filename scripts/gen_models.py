"""Regenerate vnfr_data/models.py from schemas/*.json (run after editing a schema)."""

from pathlib import Path

from vnfr_data._codegen import render_formatted

repo = Path(__file__).resolve().parent.parent
target = repo / "vnfr_data" / "models.py"
target.write_text(render_formatted(repo), encoding="utf-8")
print(f"wrote {target}")
