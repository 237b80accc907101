"""A new field and a new table, end to end, in a copy of the repository.

What docs/architecture.md promises: a new field is its schema plus its
annotation field; a new table is its schema, one registry entry and its
annotation model. After the generators (`scripts/gen_models.py`,
`scripts/gen_docs.py`), the build, the models, the docs and `validate` follow
with no other edit.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

_SKIP = {".git", ".venv", "__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}
_SKIP |= {".hypothesis"}

PLACES_SCHEMA = {
    "$schema": "https://datapackage.org/profiles/2.0/tableschema.json",
    "title": "Places",
    "description": "Places the sources name, one row per place.",
    "fields": [
        {
            "name": "place_id",
            "type": "string",
            "description": "Stable slug, prefixed pl-.",
            "constraints": {"required": True, "pattern": "^pl-[a-z0-9.-]+$"},
        },
        {
            "name": "name",
            "type": "string",
            "description": "Name as the source gives it.",
            "constraints": {"required": True, "minLength": 1},
        },
        {
            "name": "kind",
            "type": "string",
            "description": "What kind of place.",
            "constraints": {"required": True, "enum": ["city", "country", "building"]},
            "categories": [
                {"value": "city", "label": "A city."},
                {"value": "country", "label": "A country."},
                {"value": "building", "label": "A building."},
            ],
        },
    ],
    "primaryKey": ["place_id"],
    "missingValues": [""],
}
PLACES_ENTRY = """    TableSpec(
        "places",
        "Place",
        "fact",
        section="places",
        annotation="PlaceAnn",
        renames={_ID: "place_id"},
        identity=("kind",),
    ),
"""
PLACE_MODEL = """

class PlaceAnn(Columns):
    id: str
    name: str | None = None
    kind: str | None = None
    evidence: Evidence
"""
SETTING_FIELD = {
    "name": "setting",
    "type": "string",
    "description": "Bilateral or multilateral, as the source says.",
    "constraints": {"enum": ["bilateral", "multilateral"]},
}


def _copy(repo: Path, target: Path) -> Path:
    def ignore(folder: str, names: list[str]) -> set[str]:
        top = Path(folder) == repo  # the top-level build/ and dist/ are outputs, not code
        return {n for n in names if n in _SKIP or (top and n in ("build", "dist"))}

    shutil.copytree(repo, target, ignore=ignore)
    return target


def _run(root: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root)}  # the copy's vnfr_data, not the installed one
    done = subprocess.run(
        [sys.executable, *args], cwd=root, env=env, text=True, capture_output=True, check=False
    )
    assert not check or done.returncode == 0, f"{args}: {done.stderr[-2000:]}"
    return done


def _rows(root: Path, name: str) -> list[dict[str, str]]:
    with open(root / "data" / "csv" / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _insert(path: Path, before: str, text: str) -> None:
    source = path.read_text(encoding="utf-8")
    assert before in source, (path, before)
    path.write_text(source.replace(before, text + before, 1), encoding="utf-8")


def _source_file(root: Path) -> tuple[Path, dict[str, object]]:
    paths = sorted(p for p in (root / "data" / "annotations").glob("*.yaml"))
    for path in paths:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(doc, dict) and doc.get("events"):
            return path, doc
    raise AssertionError("no source file with events")


def test_a_new_field_and_a_new_table_follow_everywhere(repo: Path, tmp_path: Path) -> None:
    root = _copy(repo, tmp_path / "repo")

    # A field: its schema and its annotation field.
    events = root / "schemas" / "events.json"
    descriptor = json.loads(events.read_text(encoding="utf-8"))
    descriptor["fields"].append(SETTING_FIELD)
    events.write_text(json.dumps(descriptor, indent=2) + "\n", encoding="utf-8")
    _insert(
        root / "vnfr_data" / "annotations" / "format.py",
        "    participants: list[Participant] = []",
        "    setting: str | None = None\n",
    )
    # A table: its schema, one registry entry, its annotation model.
    (root / "schemas" / "places.json").write_text(
        json.dumps(PLACES_SCHEMA, indent=2) + "\n", encoding="utf-8"
    )
    _insert(
        root / "vnfr_data" / "schema" / "registry.py",
        '    TableSpec("evidence", "Evidence", "evidence"),',
        PLACES_ENTRY,
    )
    with open(root / "vnfr_data" / "annotations" / "format.py", "a", encoding="utf-8") as f:
        f.write(PLACE_MODEL)
    # The data: one annotation gives the field and a place.
    path, doc = _source_file(root)
    event = doc["events"][0]  # type: ignore[index]
    event["setting"] = "bilateral"
    doc["places"] = [
        {"id": "pl-test", "name": "Test place", "kind": "city", "evidence": [*event["evidence"]]}
    ]
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")

    _run(root, "scripts/gen_models.py")
    _run(root, "-m", "vnfr_data", "build")
    _run(root, "scripts/gen_docs.py")

    models = (root / "vnfr_data" / "schema" / "models.py").read_text(encoding="utf-8")
    assert "class Place(Record):" in models and 'places: "Table[Place]"' in models
    assert 'setting: Literal["bilateral", "multilateral"] | None' in models
    for name in ("evidence", "claims", "withdrawals"):  # the shared record_table vocabulary
        enum = json.loads((root / "schemas" / f"{name}.json").read_text(encoding="utf-8"))
        assert (
            "places"
            in next(f for f in enum["fields"] if f["name"] == "record_table")["constraints"]["enum"]
        )
    assert _rows(root, "places") == [{"place_id": "pl-test", "name": "Test place", "kind": "city"}]
    given = {r["event_id"]: r["setting"] for r in _rows(root, "events")}
    assert given[event["id"]] == "bilateral"  # type: ignore[index]
    cited = {(r["record_table"], r["record_id"]) for r in _rows(root, "evidence")}
    assert ("places", "pl-test") in cited
    docs = (root / "docs" / "annotations.md").read_text(encoding="utf-8")
    assert "**events.setting**" in docs and "**places.kind**" in docs
    codebook = (root / "docs" / "codebook.md").read_text(encoding="utf-8")
    assert "places" in codebook and "setting" in codebook
    editors = json.loads((root / "schemas" / "annotation.schema.json").read_text(encoding="utf-8"))
    assert "PlaceAnn" in editors["definitions"]
    loaded = _run(
        root, "-c", "import vnfr_data; print(vnfr_data.load().places['pl-test'].kind)"
    ).stdout
    assert loaded.strip() == "city"

    report = json.loads(_run(root, "-m", "vnfr_data", "validate", "--format", "json").stdout)
    assert report["valid"], report["errors"][:5]

    # And the new vocabulary is enforced at the annotator's line.
    event["setting"] = "trilateral"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    failed = _run(root, "-m", "vnfr_data", "build", check=False)
    assert failed.returncode == 1
    assert path.name in failed.stderr and "trilateral" in failed.stderr
