"""Regenerate vnfr_data/models.py from schemas/*.json (run after editing a schema)."""

from pathlib import Path

from vnfr_data._codegen import render_models

target = Path(__file__).resolve().parent.parent / "vnfr_data" / "models.py"
target.write_text(render_models(), encoding="utf-8")
print(f"wrote {target}")
