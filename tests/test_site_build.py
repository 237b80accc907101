"""`vnfr-data site` without a browser: every page, byte-identical rebuilds, atomic writes,
the claims adapter, and the exact text and highlights of every article page."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from site_html import read_text

import vnfr_data
from vnfr_data.cli import main
from vnfr_data.site import site_files
from vnfr_data.site.claims import read_claims
from vnfr_data.site.data import read_site_data
from vnfr_data.site.record_page import record_html
from vnfr_data.site.write import MARKER, NotASite, write_site

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return site_files(read_site_data(vnfr_data.load(DATA)))


def test_same_data_gives_the_same_bytes(files: dict[str, bytes]) -> None:
    again = site_files(read_site_data(vnfr_data.load(DATA)))
    assert again.keys() == files.keys()
    assert [p for p in files if files[p] != again[p]] == []


def test_a_page_per_article_and_record(files: dict[str, bytes]) -> None:
    ds = vnfr_data.load(DATA)
    expected = {f"articles/{s.source_id}.html" for s in ds.sources}
    expected |= {f"events/{e.event_id}.html" for e in ds.events}
    expected |= {f"statements/{s.statement_id}.html" for s in ds.statements}
    expected |= {f"agreements/{a.agreement_id}.html" for a in ds.agreements}
    expected |= {f"figures/{f.figure_id}.html" for f in ds.figures}
    expected |= {f"actors/{a.actor_id}.html" for a in ds.actors}
    assert expected <= set(files)
    assert {"index.html", "articles.html", "assets/search-index.js", "assets/site.css"} <= set(
        files
    )


def test_article_text_is_the_source_and_every_span_is_marked_over_its_offsets(
    files: dict[str, bytes],
) -> None:
    ds = vnfr_data.load(DATA)
    evidence = ds.evidence.arrow.to_pylist()
    for source in ds.sources:
        page = read_text(files[f"articles/{source.source_id}.html"].decode())
        text = ds.source_text(source.source_id)
        assert page.text == text
        found = page.spans()
        shown = Counter(
            (
                page.anchors[k]["data-table"],
                page.anchors[k]["data-record"],
                start,
                end,
                quote,
            )
            for k, (start, end, quote) in found.items()
        )
        rows = [e for e in evidence if e["source_id"] == source.source_id]
        wanted = Counter(
            (e["record_table"], e["record_id"], e["char_start"], e["char_end"], e["quote"])
            for e in rows
        )
        assert shown == wanted, source.source_id
        for m in page.marks:  # the depth of a mark is the number of quotes over it
            over = sum(e["char_start"] <= m.start and e["char_end"] >= m.end for e in rows)
            assert len(m.keys) == over
            assert f"d{min(over, 3)}" in m.classes


def test_furniture_is_outside_the_body_section(files: dict[str, bytes]) -> None:
    ds = vnfr_data.load(DATA)
    source = ds.sources.get("9ffa17363db973bd")
    assert source is not None
    html = files[f"articles/{source.source_id}.html"].decode()
    text = ds.source_text(source.source_id)
    body = read_text(html.replace('class="body"', 'id="the-body" class="body"', 1), "the-body")
    assert body.text == text[source.body_start : source.body_end]
    assert html.count('<section class="fur"') == 2


def test_record_pages_show_evidence_sentences_and_disputes(files: dict[str, bytes]) -> None:
    html = files["agreements/ag-unclos.html"].decode()
    # "UNCLOS" and "UNCLOS 1982" are compatible (one refines the other): ranked, not disputed.
    assert "UNCLOS 1982" in html and 'class="is-disputed"' not in html
    event = files["events/ev-2024-10-08-talks-lam-macron-paris.html"].decode()
    assert 'id="claims-p-to-lam-role"' in event  # a disputed field of a participant
    assert "Vietnamese head of state" in event and "reviewer_rejected" in event
    assert 'class="badge disputed"' in event
    ds = vnfr_data.load(DATA)
    statement = ds.statements.get("st-3c061884-02")
    assert statement is not None
    page = files["statements/st-3c061884-02.html"].decode()
    for span in ds.evidence_for("statements", "st-3c061884-02"):
        assert f">{span.quote}</mark>" in page.replace("&#x27;", "'")


def test_claims_adapter_prefers_a_claims_table_with_ranks() -> None:
    conflicts = [
        {
            "record_table": "events",
            "record_id": "ev-x",
            "field": "title",
            "source_id": "a" * 16,
            "claimed_value": "A",
            "chosen": False,
        },
        {
            "record_table": "events",
            "record_id": "ev-x",
            "field": "title",
            "source_id": "b" * 16,
            "claimed_value": "B",
            "chosen": True,
        },
    ]
    old = read_claims({"conflicts": conflicts})
    assert old.origin == "conflicts"
    assert [(c.value, c.rank) for c in old.of("events", "ev-x")] == [
        ("B", "preferred"),
        ("A", "normal"),
    ]
    assert old.disputed("events", "ev-x", {"title": "B"}) == ("title",)
    claims = [
        {
            "record_table": "events",
            "record_id": "ev-x",
            "field": "title",
            "source_id": "a" * 16,
            "value": "A",
            "rank": "deprecated",
            "reason": "misprint",
        },
        {
            "record_table": "events",
            "record_id": "ev-x",
            "field": "title",
            "source_id": "b" * 16,
            "value": "B",
            "rank": "preferred",
            "reason": "stated twice",
        },
        {
            "record_table": "events",
            "record_id": "ev-x",
            "field": "status",
            "source_id": "b" * 16,
            "value": "occurred",
            "rank": "normal",
            "reason": None,
        },
    ]
    new = read_claims({"claims": claims, "conflicts": conflicts})
    assert new.origin == "claims"
    assert [(c.field, c.rank, c.reason) for c in new.of("events", "ev-x")] == [
        ("title", "preferred", "stated twice"),
        ("status", "normal", None),
        ("title", "deprecated", "misprint"),
    ]
    # A disputed_fields column decides over the claims' values.
    assert new.disputed("events", "ev-x", {"disputed_fields": ["status"]}) == ("status",)
    assert new.disputed("events", "ev-x", {}) == ("title",)


def test_record_page_marks_disputed_fields_from_the_column() -> None:
    data = read_site_data(vnfr_data.load(DATA))
    row = data.get("events", "ev-2024-10-08-talks-lam-macron-paris")
    assert row is not None
    row["disputed_fields"] = ["location"]
    row["source_ids"] = ["b54d33d30688bb27"]
    html = record_html(data, "events", "ev-2024-10-08-talks-lam-macron-paris")
    assert (
        '<tr class="is-disputed"><th scope="row">Location <code class="col">location</code>' in html
    )
    assert 'id="claims-location"' in html and ">Paris</td>" in html  # 004's claim
    assert "Cited by 1 article" in html


def test_write_replaces_a_site_and_refuses_other_directories(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site({"index.html": b"one", "a/b.html": b"x", MARKER: b""}, out)
    write_site({"index.html": b"two", MARKER: b""}, out)
    assert (out / "index.html").read_bytes() == b"two" and not (out / "a").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no staging left over
    other = tmp_path / "mine"
    other.mkdir()
    (other / "notes.txt").write_text("keep me")
    with pytest.raises(NotASite):
        write_site({"index.html": b"x"}, other)
    assert (other / "notes.txt").read_text() == "keep me"


def test_cli_writes_the_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["site", str(out), "--data", str(DATA)]) == 0
    assert "wrote" in capsys.readouterr().out
    index = (out / "assets" / "search-index.js").read_text(encoding="utf-8")
    payload = json.loads(index.removeprefix("window.VNFR_INDEX = ").removesuffix(";\n"))
    assert len(payload["records"]) == sum(
        len(getattr(vnfr_data.load(DATA), t))
        for t in ("events", "statements", "agreements", "figures", "actors")
    )


def test_cli_reports_unusable_input_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["site", str(tmp_path / "out"), "--data", str(tmp_path / "nothing")]) == 2
    err = capsys.readouterr().err
    assert "unusable-input" in err and "datapackage.json" in err and "Traceback" not in err
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "x.txt").write_text("x")
    assert main(["site", str(mine), "--data", str(DATA)]) == 2
    assert "not written by `vnfr-data site`" in capsys.readouterr().err


class _Table:
    def __init__(self, arrow: object) -> None:
        self.arrow = arrow


class _Package:
    """A loaded package as the site sees it (tables, source_text, root), with UNCLOS's
    short name made a dispute a reviewer resolved, and one more single claim."""

    def __init__(self) -> None:
        import pyarrow as pa

        real = vnfr_data.load(DATA)
        self.root = real.root
        self.source_text = real.source_text
        self.tables: dict[str, _Table] = {name: _Table(t.arrow) for name, t in real.tables.items()}
        rows = []
        for c in real.claims:
            row = c.model_dump()
            if (c.record_id, c.field) == ("ag-unclos", "short_name"):
                preferred = c.rank == "preferred"
                row |= {
                    "disputed": True,
                    "reason": "latest_status" if preferred else "not_chosen",
                    "reason_note": "checked against the treaty's name" if preferred else None,
                }
            rows.append(row)
        rows.append(
            {
                "record_table": "agreements",
                "record_id": "ag-unclos",
                "field": "agreement_type",
                "source_id": "4e4932886980e1bb",
                "value": "convention",
                "note": "as the source calls it",
                "rank": "preferred",
                "reason": "only_claim",
                "reason_note": None,
                "disputed": False,
            }
        )
        self.tables["claims"] = _Table(pa.Table.from_pylist(rows))
        agreements = real.agreements.arrow
        disputed = [
            ["short_name"] if i == "ag-unclos" else []
            for i in agreements["agreement_id"].to_pylist()
        ]
        at = agreements.schema.get_field_index("disputed_fields")
        self.tables["agreements"] = _Table(
            agreements.set_column(at, "disputed_fields", pa.array(disputed, pa.list_(pa.string())))
        )


def test_a_package_with_a_claims_table_shows_ranks_and_reasons() -> None:
    data = read_site_data(_Package())
    assert data.claims.origin == "claims"
    html = record_html(data, "agreements", "ag-unclos")
    assert '<th scope="col">Rank</th><th scope="col">Reason</th>' in html
    assert "<code>latest_status</code>" in html and "Reviewer: checked against" in html
    assert 'id="claims-short_name"' in html and 'class="is-disputed"' in html
    assert "claims-agreement_type" not in html  # a single, undisputed claim is no dispute
    assert "disputed_fields" not in html  # the column is shown as marks, not as a field
    event = record_html(data, "events", "ev-2024-10-08-talks-lam-macron-paris")
    assert 'id="claims-p-to-lam-role"' in event  # disputed per claim, no disputed_fields column
    files = site_files(data)
    assert "agreements/ag-unclos.html" in files


def test_a_withdrawn_record_keeps_a_page_saying_why() -> None:
    import pyarrow as pa

    package = _Package()
    package.tables["withdrawals"] = _Table(
        pa.Table.from_pylist(
            [
                {
                    "record_table": "events",
                    "record_id": "ev-2024-10-gone",
                    "withdrawn_in": "0.2.0",
                    "reason": "a duplicate of ev-2024-10-08-talks-lam-macron-paris",
                },
                {
                    "record_table": "evidence",
                    "record_id": "x",
                    "withdrawn_in": "0.2.0",
                    "reason": "not a paged table",
                },
            ]
        )
    )
    files = site_files(read_site_data(package))
    page = files["events/ev-2024-10-gone.html"].decode()
    assert "withdrawn from the dataset in version <strong>0.2.0</strong>" in page
    assert "a duplicate of ev-2024-10-08-talks-lam-macron-paris" in page
    assert 'href="events/ev-2024-10-gone.html"' in files["index.html"].decode()
    assert not any(p.startswith("evidence/") for p in files)


def test_evidence_that_is_not_its_quote_is_reported_not_drawn() -> None:
    import pyarrow as pa

    from vnfr_data.errors import ProblemsFound

    package = _Package()
    evidence = package.tables["evidence"].arrow
    quotes = evidence["quote"].to_pylist()
    quotes[0] = quotes[0] + " (edited)"
    column = evidence.schema.get_field_index("quote")
    package.tables["evidence"] = _Table(
        evidence.set_column(column, evidence.schema.field(column), pa.array(quotes))
    )
    with pytest.raises(ProblemsFound) as found:
        read_site_data(package)
    [problem] = found.value.problems
    assert problem.code == "quote-mismatch" and problem.value == quotes[0]


def test_cli_refuses_a_damaged_package_without_drawing_it(
    data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = data_copy / "parquet" / "evidence.parquet"
    path.write_bytes(path.read_bytes()[:-100])
    assert main(["site", str(tmp_path / "out"), "--data", str(data_copy)]) == 2
    err = capsys.readouterr().err
    assert "evidence.parquet" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()  # nothing half-drawn
