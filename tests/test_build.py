"""The build: byte-identical, order-independent, atomic, and loud about bad annotations."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from vnfr_data.build import build_tables
from vnfr_data.cli import main
from vnfr_data.errors import ProblemsFound
from vnfr_data.publish import publish, render


def _outputs(root: Path) -> dict[str, bytes]:
    files = {"datapackage.json": (root / "datapackage.json").read_bytes()}
    for sub in ("csv", "parquet"):
        files |= {f"{sub}/{p.name}": p.read_bytes() for p in sorted((root / sub).iterdir())}
    return files


def test_committed_data_is_exactly_what_the_build_makes(repo: Path) -> None:
    files = render(build_tables(repo / "data"))
    assert files == _outputs(repo / "data"), "run `vnfr-data build` and commit data/"


def _data_status(repo: Path) -> str:
    """`git status --porcelain` of data/: empty when the committed data is what is on disk."""
    return subprocess.run(
        ["git", "status", "--porcelain", "--", "data"],
        cwd=repo,
        text=True,
        capture_output=True,
        check=True,
    ).stdout


def test_build_on_a_clean_checkout_leaves_git_status_clean(repo: Path) -> None:
    if not (repo / ".git").exists():
        pytest.skip("not a git checkout")
    status = _data_status(repo)
    if status.strip():
        pytest.skip(f"data/ has uncommitted changes already: {status[:200]}")
    assert main(["build"]) == 0
    after = _data_status(repo)
    assert after == ""


def _shuffle_annotations(root: Path, seed: int) -> None:
    rng = random.Random(seed)
    for path in sorted((root / "annotations").glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(doc, list):
            rng.shuffle(doc)
        else:
            for key in ("events", "statements", "agreements", "figures"):
                rng.shuffle(doc.get(key) or [])
            mentions = list((doc.get("mentions") or {}).items())
            rng.shuffle(mentions)
            doc["mentions"] = dict(mentions)
        path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.mark.parametrize("seed", [1, 2])
def test_output_is_independent_of_record_order(data_copy: Path, seed: int) -> None:
    before = render(build_tables(data_copy))
    _shuffle_annotations(data_copy, seed)
    assert render(build_tables(data_copy)) == before


def test_rebuild_is_byte_identical(data_copy: Path) -> None:
    first = render(build_tables(data_copy))
    publish(first, data_copy)
    assert render(build_tables(data_copy)) == first == _outputs(data_copy)


def _first_source_file(root: Path) -> Path:
    return sorted(p for p in (root / "annotations").glob("*.yaml") if p.name != "actors.yaml")[0]


def test_a_quote_missing_from_the_article_fails_with_file_and_line(data_copy: Path) -> None:
    path = _first_source_file(data_copy)
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["statements"][0]["evidence"] = ["words this article never printed"]
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(ProblemsFound) as info:
        build_tables(data_copy)
    [problem] = [p for p in info.value.problems if p.code == "quote-not-found"]
    assert problem.file is not None and problem.file.endswith(path.name)
    assert problem.row is not None and problem.value == "words this article never printed"
    assert problem.field == "statements.0.evidence"


def test_an_ambiguous_quote_fails_until_its_occurrence_is_given(data_copy: Path) -> None:
    path = _first_source_file(data_copy)
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["statements"][0]["evidence"] = ["the"]
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(ProblemsFound) as info:
        build_tables(data_copy)
    assert any(p.code == "quote-ambiguous" for p in info.value.problems)
    doc["statements"][0]["evidence"] = [{"quote": "the", "occurrence": 2}]
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    build_tables(data_copy)


def _oldest_and_newest(root: Path) -> tuple[dict[Path, Any], Path, Path]:
    """Every source file's YAML, and the files of the oldest and newest dated sources."""
    paths = sorted(p for p in (root / "annotations").glob("*.yaml") if p.name != "actors.yaml")
    docs = {p: yaml.safe_load(p.read_text(encoding="utf-8")) for p in paths}
    dated = sorted(
        (d["source"]["published_date"], p)
        for p, d in docs.items()
        if d["source"].get("published_date")
    )
    return docs, dated[0][1], dated[-1][1]


def test_conflicting_claims_are_kept_and_neither_is_shown_by_recency(data_copy: Path) -> None:
    docs, older, newer = _oldest_and_newest(data_copy)
    quote_old = docs[older]["statements"][0]["evidence"][0]
    quote_new = docs[newer]["statements"][0]["evidence"][0]
    for path, location, quote in (
        (older, "Older Town", quote_old),
        (newer, "Newer Town", quote_new),
    ):
        docs[path]["events"].append(
            {
                "id": "ev-2000-01-01-test",
                "type": "meeting",
                "title": "t",
                "status": "occurred",
                "location": location,
                "evidence": [quote],
            }
        )
        path.write_text(
            yaml.safe_dump(docs[path], allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    tables = build_tables(data_copy).tables
    events = tables["events"].to_pylist()
    row = next(e for e in events if e["event_id"] == "ev-2000-01-01-test")
    # Two independent sources, one each: no rule decides, so the row shows no location.
    assert row["location"] is None and row["disputed_fields"] == ["location"]
    claims = [
        c
        for c in tables["claims"].to_pylist()
        if c["record_id"] == "ev-2000-01-01-test" and c["field"] == "location"
    ]
    assert {(c["value"], c["rank"], c["reason"], c["disputed"]) for c in claims} == {
        ("Older Town", "normal", "unresolved", True),
        ("Newer Town", "normal", "unresolved", True),
    }


def test_cli_build_reports_problems_without_traceback(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (data_copy / "annotations" / "actors.yaml").write_text(
        "- {id: x, name: [unclosed\n", encoding="utf-8"
    )
    assert main(["build", "--data", str(data_copy)]) == 1
    err = capsys.readouterr().err
    assert "actors.yaml" in err and "yaml-error" in err and "Traceback" not in err


def test_cli_build_check(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--check"]) == 0
    assert "up to date" in capsys.readouterr().out


def test_python_dash_m_entry_point(repo: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "vnfr_data", "--version"], capture_output=True, text=True, check=True
    ).stdout
    assert out.startswith("vnfr-data ")


def test_deeply_nested_yaml_is_refused_not_crashed(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # libyaml's composer recurses: 200,000 levels would crash the interpreter.
    (data_copy / "annotations" / "actors.yaml").write_text(
        "[" * 200_000 + "]" * 200_000, encoding="utf-8"
    )
    assert main(["build", "--data", str(data_copy)]) == 1
    assert "nesting too deep" in capsys.readouterr().err


def test_a_date_and_its_basis_come_from_one_source(data_copy: Path) -> None:
    docs, older, newer = _oldest_and_newest(data_copy)
    claims = {
        older: {
            "date_start": "2001-02-03",
            "date_end": "2001-02-03",
            "date_precision": "day",
            "date_basis": "inferred",
            "date_note": "from the older source",
        },
        newer: {
            "date_start": "2001-02-01",
            "date_end": "2001-02-28",
            "date_precision": "month",
            "date_basis": "stated",
        },  # no note: must not borrow the older source's
    }
    for path, fields in claims.items():
        quote = docs[path]["statements"][0]["evidence"][0]
        docs[path]["events"].append(
            {
                "id": "ev-2001-02-test",
                "type": "meeting",
                "title": "t",
                "status": "occurred",
                **fields,
                "evidence": [quote],
            }
        )
        path.write_text(
            yaml.safe_dump(docs[path], allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    row = next(
        e
        for e in build_tables(data_copy).tables["events"].to_pylist()
        if e["event_id"] == "ev-2001-02-test"
    )
    assert (row["date_precision"], row["date_basis"], row["date_note"]) == ("month", "stated", None)
    assert str(row["date_start"]) == "2001-02-01"


def test_an_unreadable_file_is_reported_alone(data_copy: Path) -> None:
    path = _first_source_file(data_copy)
    path.write_text(path.read_text(encoding="utf-8") + "\n  - id: [broken\n", encoding="utf-8")
    with pytest.raises(ProblemsFound) as info:
        build_tables(data_copy)
    # Its actors now lack mentions, but the one cause is what must be reported.
    assert [p.code for p in info.value.problems] == ["yaml-error"]
    assert info.value.problems[0].file is not None and info.value.problems[0].file.endswith(
        path.name
    )


def test_an_empty_section_is_an_empty_list(data_copy: Path) -> None:
    path = _first_source_file(data_copy)
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert doc["figures"], "the fixture needs a file with figures"
    # A draft whose figures are all still commented out: `figures:` with no items.
    doc["figures"] = None
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    tables = build_tables(data_copy).tables
    cited = {
        e["record_id"]
        for e in tables["evidence"].to_pylist()
        if e["source_id"] == doc["source"]["id"]
    }
    assert cited and not any(i.startswith("fig-") for i in cited)
