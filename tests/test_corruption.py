"""Broken and hostile input: each class is caught at its place, with its exit code, fast.

Every case damages a copy of the shipped package, then runs validate twice: as
a function (our checks only, the quick path) and through the CLI with
frictionless (JSON output), checking the problem code, file, row (the CSV
header is row 1) and field, the exit code, that no traceback escapes and that
nothing unexpected is reported. Rows and values are found in the data, not
hard-coded, so the tests hold while the annotations grow.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import signal
import unicodedata
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from vnfr_data.cli import main
from vnfr_data.validate import Report, validate

#: Consequences of editing a built file by hand, expected beside the targeted problem.
#: Echoes of a damaged table elsewhere: its hash, its twin, the build, the descriptor, and the
#: rows of other tables (claims, source_ids) that describe records it no longer holds.
ECHOES = {
    "hash-mismatch",
    "twin-mismatch",
    "stale-build",
    "row-count",
    "descriptor-mismatch",
    "claim-mismatch",
}


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail instead of hanging (generous: the point is 'no hang', not a benchmark)."""
    if not hasattr(signal, "SIGALRM"):  # pragma: no cover - not on Windows
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise TimeoutError(f"validate did not finish within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# -- CSV surgery on bytes, so that everything not targeted stays byte-identical ------------


def records(data: bytes) -> list[bytes]:
    """The records of a CSV, split on line ends outside quotes (terminators dropped)."""
    out, start, quoted = [], 0, False
    for i, byte in enumerate(data):
        if byte == ord('"'):
            quoted = not quoted
        elif byte == ord("\n") and not quoted:
            out.append(data[start:i])
            start = i + 1
    if start < len(data):
        out.append(data[start:])
    return out


def cells(record: bytes) -> list[bytes]:
    """The raw cells of a record (quotes kept), split on commas outside quotes."""
    out, start, quoted = [], 0, False
    for i, byte in enumerate(record):
        if byte == ord('"'):
            quoted = not quoted
        elif byte == ord(",") and not quoted:
            out.append(record[start:i])
            start = i + 1
    out.append(record[start:])
    return out


def quoted(text: str) -> bytes:
    return b'"' + text.replace('"', '""').encode("utf-8") + b'"'


class Csv:
    """One CSV of the package, edited by (row, field) with row 1 the header."""

    def __init__(self, root: Path, table: str) -> None:
        self.path = root / "csv" / f"{table}.csv"
        self.rows = records(self.path.read_bytes())
        self.header = [c.strip(b'"').decode() for c in cells(self.rows[0])]

    def row_with(self, field: str, predicate: Callable[[bytes], bool] = bool) -> int:
        """The first data row whose `field` cell satisfies predicate (default: not null)."""
        j = self.header.index(field)
        for number, record in enumerate(self.rows[1:], start=2):
            if predicate(cells(record)[j]):
                return number
        raise LookupError(f"no row with such a {field}")

    def get(self, row: int, field: str) -> bytes:
        return cells(self.rows[row - 1])[self.header.index(field)]

    def set(self, row: int, field: str, raw: bytes) -> None:
        parts = cells(self.rows[row - 1])
        parts[self.header.index(field)] = raw
        self.rows[row - 1] = b",".join(parts)

    def save(self, transform: Callable[[bytes], bytes] = lambda d: d) -> None:
        self.path.write_bytes(transform(b"".join(r + b"\n" for r in self.rows)))


def _quick(root: Path) -> Report:
    with deadline(60):
        return validate(root, run_frictionless=False, check_build=False)


def _cli(root: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, Any]:
    with deadline(120):
        code = main(["validate", str(root), "--format", "json", *extra])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, json.loads(out)


def assert_found(
    report: Report | dict[str, Any],
    code: str,
    *,
    file: str,
    row: int | None,
    field: str | None,
    allowed: Collection[str] = (),
) -> None:
    """The problem is there, at its place; everything else is an expected echo."""
    problems = (
        [p.to_dict() for p in report.problems] if isinstance(report, Report) else report["errors"]
    )
    hits = [
        p
        for p in problems
        if p["code"] == code
        and (p["file"] or "").endswith(file)
        and p["row"] == row
        and p["field"] == field
    ]
    assert hits, f"no {code} at {file} row {row} field {field}: {problems}"
    others = {p["code"] for p in problems} - {code} - ECHOES - set(allowed)
    assert not others, f"unexpected problems: {[p for p in problems if p['code'] in others]}"


def check(
    root: Path,
    capsys: pytest.CaptureFixture[str],
    code: str,
    *,
    file: str,
    row: int | None,
    field: str | None,
    exit_code: int = 1,
    allowed: Collection[str] = (),
) -> None:
    """Both entry points report the problem at its place with the exit code."""
    report = _quick(root)
    assert_found(report, code, file=file, row=row, field=field, allowed=allowed)
    assert report.exit_code == exit_code
    status, answer = _cli(root, capsys, "--no-build-check")
    assert status == exit_code == answer["exit_code"]
    assert_found(answer, code, file=file, row=row, field=field, allowed=allowed)


# -- structure of the CSV ------------------------------------------------------------------


def test_ragged_row_with_an_extra_cell(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv = Csv(data_copy, "agreements")
    row = len(csv.rows)  # the last row: skipping it must not shift any other row
    csv.rows[row - 1] += b',"surplus"'
    csv.save()
    check(
        data_copy,
        capsys,
        "extra-cell",
        file="agreements.csv",
        row=row,
        field=None,
        allowed={"missing-evidence", "orphan-evidence", "foreign-key"},
    )


def test_ragged_row_missing_a_cell(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv = Csv(data_copy, "actors")
    csv.rows[2] = b",".join(cells(csv.rows[2])[:-1])  # row 3 loses its last cell
    csv.save()
    check(
        data_copy,
        capsys,
        "missing-cell",
        file="actors.csv",
        row=3,
        field=csv.header[-1],
        allowed={"orphan-evidence", "foreign-key", "unknown-reference"},
    )


def test_a_later_problem_keeps_its_row_after_a_ragged_row(data_copy: Path) -> None:
    csv = Csv(data_copy, "events")
    csv.rows[1] += b',"surplus"'  # row 2 is skipped ...
    csv.set(4, "event_type", b'"not-a-type"')  # ... row 4 is still row 4
    csv.save()
    report = _quick(data_copy)
    assert_found(
        report,
        "constraint-error",
        file="events.csv",
        row=4,
        field="event_type",
        allowed={"extra-cell", "missing-evidence", "orphan-evidence", "foreign-key"},
    )


def test_thousands_of_ragged_rows_stop_the_read(data_copy: Path) -> None:
    """Each ragged row costs a Python call: past a thousand, the file is given up."""
    Csv(data_copy, "crosswalk").save(lambda data: data + b"x\n" * 5000)
    report = _quick(data_copy)
    ragged = [p for p in report.problems if p.code == "missing-cell"]
    assert len(ragged) == 1000 and ragged[0].row is not None
    assert_found(
        report, "csv-syntax", file="crosswalk.csv", row=None, field=None, allowed={"missing-cell"}
    )


def test_unclosed_quote(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv = Csv(data_copy, "actors")
    row = 3
    csv.set(row, "name", csv.get(row, "name")[:-1])  # drop the closing quote
    csv.save()
    check(
        data_copy,
        capsys,
        "csv-syntax",
        file="actors.csv",
        row=row,
        field=None,
        allowed={"orphan-evidence", "unknown-reference"},
    )


def test_unclosed_quote_at_the_end_of_the_file(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = Csv(data_copy, "actors")
    last = len(csv.rows)
    csv.save(lambda data: data + b'"dangling,"oops\n')
    check(
        data_copy,
        capsys,
        "csv-syntax",
        file="actors.csv",
        row=last + 1,
        field=None,
        allowed={"orphan-evidence", "unknown-reference"},
    )


def test_stray_quote_inside_a_field(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv = Csv(data_copy, "actors")
    csv.set(2, "name", b'"Al"ice"')
    csv.save()
    check(
        data_copy,
        capsys,
        "csv-syntax",
        file="actors.csv",
        row=2,
        field=None,
        allowed={"orphan-evidence", "unknown-reference"},
    )


def test_blank_row(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv = Csv(data_copy, "actors")
    csv.rows.insert(2, b"")  # a blank line becomes row 3
    csv.save()
    check(data_copy, capsys, "blank-row", file="actors.csv", row=3, field=None)


def test_empty_file(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (data_copy / "csv" / "figures.csv").write_bytes(b"")
    check(
        data_copy,
        capsys,
        "empty-file",
        file="figures.csv",
        row=None,
        field=None,
        allowed={"orphan-evidence"},
    )


@pytest.mark.parametrize("kind", ["missing", "extra", "reordered"])
def test_columns(data_copy: Path, capsys: pytest.CaptureFixture[str], kind: str) -> None:
    csv = Csv(data_copy, "agreements")
    names = list(csv.header)
    if kind == "missing":  # the whole column, header and cells
        drop = names.index("short_name")
        csv.rows = [b",".join(c for i, c in enumerate(cells(r)) if i != drop) for r in csv.rows]
        expected = ("missing-label", "short_name", {"orphan-evidence", "foreign-key"})
    elif kind == "extra":
        csv.rows = [r + (b',"note"' if i == 0 else b',"x"') for i, r in enumerate(csv.rows)]
        expected = ("extra-label", "note", set())
    else:  # a spreadsheet user swaps two columns: cells move with their labels
        a, b = names.index("agreement_type"), names.index("status")

        def swap(record: bytes) -> bytes:
            parts = cells(record)
            parts[a], parts[b] = parts[b], parts[a]
            return b",".join(parts)

        csv.rows = [swap(r) for r in csv.rows]
        expected = ("incorrect-label", "agreement_type", set())
    csv.save()
    code, field, allowed = expected
    check(data_copy, capsys, code, file="agreements.csv", row=1, field=field, allowed=allowed)
    if kind == "reordered":  # read by name: no cell is out of place
        report = _quick(data_copy)
        assert {p.code for p in report.problems} <= {"incorrect-label"} | ECHOES


# -- bytes and text ------------------------------------------------------------------------


def _rehash(root: Path, table: str) -> None:
    """Update the descriptor's bytes and hash for a CSV, as a careless tool would."""
    path = root / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    data = (root / "csv" / f"{table}.csv").read_bytes()
    for res in descriptor["resources"]:
        if res["name"] == table:
            res["bytes"], res["hash"] = len(data), "sha256:" + hashlib.sha256(data).hexdigest()
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


@pytest.mark.parametrize("rehash", [False, True], ids=["as-edited", "rehashed"])
def test_bom_is_invalid(data_copy: Path, capsys: pytest.CaptureFixture[str], rehash: bool) -> None:
    """Verdict: invalid. The canonical CSV is UTF-8 without BOM. Frictionless agrees on the
    shipped package (the bytes no longer match the descriptor's hash); if someone also
    rewrote the hash, frictionless accepts the BOM and only we say why the file is wrong."""
    Csv(data_copy, "actors").save(lambda d: b"\xef\xbb\xbf" + d)
    if rehash:
        _rehash(data_copy, "actors")
    check(data_copy, capsys, "byte-order-mark", file="actors.csv", row=1, field=None)
    _, answer = _cli(data_copy, capsys, "--no-build-check")
    from_frictionless = [e for e in answer["errors"] if e["code"] == "frictionless"]
    assert from_frictionless == []  # nothing beyond what we report
    codes = {e["code"] for e in answer["errors"]}
    assert ("hash-mismatch" in codes) is not rehash


@pytest.mark.parametrize("rehash", [False, True], ids=["as-edited", "rehashed"])
def test_crlf_is_invalid(data_copy: Path, capsys: pytest.CaptureFixture[str], rehash: bool) -> None:
    """Verdict: invalid, reported once at the first CRLF; the rows are still checked."""
    csv = Csv(data_copy, "events")
    csv.set(3, "event_type", b'"not-a-type"')
    csv.save(lambda d: d.replace(b"\n", b"\r\n"))
    if rehash:
        _rehash(data_copy, "events")
    check(
        data_copy,
        capsys,
        "line-ending",
        file="events.csv",
        row=1,
        field=None,
        allowed={"constraint-error"},
    )
    assert_found(
        _quick(data_copy),
        "constraint-error",
        file="events.csv",
        row=3,
        field="event_type",
        allowed={"line-ending"},
    )


def test_nul_byte(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv = Csv(data_copy, "events")
    row = csv.row_with("title")
    csv.set(row, "title", csv.get(row, "title")[:4] + b"\x00" + csv.get(row, "title")[4:])
    csv.save()
    check(data_copy, capsys, "control-character", file="events.csv", row=row, field="title")


def test_bytes_that_are_not_utf8(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv = Csv(data_copy, "statements")
    row = csv.row_with("text")
    csv.set(row, "text", b'"caf\xe9 au lait"')  # Latin-1
    csv.save()
    check(data_copy, capsys, "encoding-error", file="statements.csv", row=row, field="text")


def test_text_not_nfc(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv = Csv(data_copy, "actors")
    row = csv.row_with("name")
    decomposed = unicodedata.normalize("NFD", "Nguyễn Phú Trọng")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    csv.set(row, "name", quoted(decomposed))
    csv.save()
    check(data_copy, capsys, "text-not-nfc", file="actors.csv", row=row, field="name")


def test_multi_megabyte_cell_is_refused_quickly(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = Csv(data_copy, "events")
    row = csv.row_with("location")
    csv.set(row, "location", quoted("Hà Nội " * 300_000))  # ~3 MB, one cell
    csv.save()
    check(data_copy, capsys, "cell-too-large", file="events.csv", row=row, field="location")


@pytest.mark.parametrize("lead", ["=", "+", "-", "@"])
def test_formula_cell(data_copy: Path, capsys: pytest.CaptureFixture[str], lead: str) -> None:
    csv = Csv(data_copy, "figures")
    row = csv.row_with("subject")
    csv.set(row, "subject", quoted(lead + 'HYPERLINK("http://evil.example","x")'))
    csv.save()
    check(data_copy, capsys, "unsafe-cell", file="figures.csv", row=row, field="subject")


def test_formula_lead_in_a_list_cell(data_copy: Path) -> None:
    # aliases: a list of free text (topics have a vocabulary, checked below).
    csv = Csv(data_copy, "actors")
    csv.set(2, "aliases", quoted("=cmd|' /C calc'!A0;Lam"))
    csv.save()
    assert_found(_quick(data_copy), "unsafe-cell", file="actors.csv", row=2, field="aliases")


def test_a_topic_outside_the_vocabulary(data_copy: Path) -> None:
    csv = Csv(data_copy, "statements")
    csv.set(2, "topics", quoted("economy;iuu-yellow-card"))
    csv.save()
    assert_found(
        _quick(data_copy), "constraint-error", file="statements.csv", row=2, field="topics"
    )


# -- the descriptor and the files it names --------------------------------------------------


def _descriptor(root: Path) -> Any:
    return json.loads((root / "datapackage.json").read_text(encoding="utf-8"))


def _edit_descriptor(root: Path, edit: Callable[[dict[str, Any]], None]) -> None:
    path = root / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    edit(descriptor)
    path.write_text(json.dumps(descriptor), encoding="utf-8")


@pytest.mark.parametrize(
    "bad", ["/etc/passwd", "../../etc/passwd", "csv/../../x.csv", "https://evil.example/a.csv"]
)
def test_resource_path_leaving_the_package(
    data_copy: Path, capsys: pytest.CaptureFixture[str], bad: str
) -> None:
    _edit_descriptor(data_copy, lambda d: d["resources"][2].__setitem__("path", bad))
    report = _quick(data_copy)
    assert report.exit_code == 2
    assert_found(
        report, "unusable-input", file="datapackage.json", row=None, field="resources[2].path"
    )
    status, answer = _cli(data_copy, capsys)
    assert status == 2 and answer["errors"][0]["field"] == "resources[2].path"


def test_symlink_leaving_the_package(data_copy: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.csv"
    outside.write_bytes((data_copy / "csv" / "actors.csv").read_bytes())
    (data_copy / "csv" / "actors.csv").unlink()
    (data_copy / "csv" / "actors.csv").symlink_to(outside)
    report = _quick(data_copy)
    assert report.exit_code == 1
    assert_found(
        report,
        "unsafe-file",
        file="csv/actors.csv",
        row=None,
        field=None,
        allowed={"foreign-key", "unknown-reference", "orphan-evidence"},
    )
    assert str(tmp_path / "outside") not in json.dumps(report.to_dict())


def test_parquet_path_leaving_the_package(data_copy: Path) -> None:
    _edit_descriptor(
        data_copy, lambda d: d["resources"][0]["vnfr:parquet"].__setitem__("path", "/dev/zero")
    )
    report = _quick(data_copy)
    assert report.exit_code == 2
    assert_found(
        report,
        "unusable-input",
        file="datapackage.json",
        row=None,
        field="resources[0].vnfr:parquet.path",
    )


@pytest.mark.parametrize(
    "content",
    [b"", b"{not json", b"\xff\xfe{}", b"[" * 100_000 + b"]" * 100_000, b'{"resources": 3}'],
    ids=["empty", "syntax", "utf16", "deep", "no-list"],
)
def test_unusable_descriptor(
    data_copy: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    (data_copy / "datapackage.json").write_bytes(content)
    report = _quick(data_copy)
    assert report.exit_code == 2
    assert [p.code for p in report.problems] == ["unusable-input"]
    status, _ = _cli(data_copy, capsys)
    assert status == 2


def test_resource_without_a_path(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _edit_descriptor(
        data_copy,
        lambda d: next(r for r in d["resources"] if r["name"] == "crosswalk").pop("path"),
    )
    report = _quick(data_copy)
    index = next(
        i for i, r in enumerate(_descriptor(data_copy)["resources"]) if r["name"] == "crosswalk"
    )
    assert_found(
        report,
        "descriptor-error",
        file="datapackage.json",
        row=None,
        field=f"resources[{index}].path",
    )
    assert report.exit_code == 1
    status, answer = _cli(data_copy, capsys, "--no-build-check")
    assert status == 1


def test_missing_csv(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (data_copy / "csv" / "agreement_events.csv").unlink()
    check(
        data_copy,
        capsys,
        "missing-file",
        file="agreement_events.csv",
        row=None,
        field=None,
        allowed={"orphan-evidence"},
    )


def test_missing_parquet(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (data_copy / "parquet" / "events.parquet").unlink()
    check(data_copy, capsys, "missing-file", file="events.parquet", row=None, field=None)


def test_missing_article(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv = Csv(data_copy, "sources")
    row = 2
    path = csv.get(row, "path").strip(b'"').decode()
    (data_copy / path).unlink()
    check(data_copy, capsys, "missing-file", file="sources.csv", row=row, field="path")


def test_truncated_parquet(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = data_copy / "parquet" / "evidence.parquet"
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    check(data_copy, capsys, "parquet-error", file="evidence.parquet", row=None, field=None)


# -- annotation files (validate rebuilds from them) -----------------------------------------


def _evil_annotation(root: Path, text: str) -> Path:
    path = root / "annotations" / "ffffffffffffffff.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_unsafe_yaml_tag(
    data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    marker = tmp_path / "pwned"
    _evil_annotation(
        data_copy,
        "source:\n  id: ffffffffffffffff\n"
        f'events: !!python/object/apply:os.system ["touch {marker}"]\n',
    )
    with deadline(120):
        report = validate(data_copy, run_frictionless=False)
    assert not marker.exists()
    assert_found(report, "yaml-error", file="ffffffffffffffff.yaml", row=3, field=None)
    assert report.exit_code == 1
    with deadline(120):
        assert main(["validate", str(data_copy), "--no-frictionless"]) == 1
    assert "python/object" in capsys.readouterr().out and not marker.exists()


def test_alias_bomb(data_copy: Path) -> None:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 9):
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [" + ", ".join([f"*{chr(96 + i)}"] * 9) + "]")
    _evil_annotation(data_copy, "\n".join(lines) + "\n")
    with deadline(60):
        report = validate(data_copy, run_frictionless=False)
    hits = [p for p in report.problems if p.code == "yaml-error"]
    assert len(hits) == 1 and hits[0].file and hits[0].file.endswith("ffffffffffffffff.yaml")
    assert hits[0].row in (1, 2)  # the anchor, or its first alias
    assert report.exit_code == 1


def test_deeply_nested_yaml_does_not_kill_validate(data_copy: Path) -> None:
    """libyaml recurses per nesting level; a deep enough file crashes the interpreter.
    Validate runs the build in a child process, so this is a finding, not a crash."""
    _evil_annotation(data_copy, "[" * 200_000 + "]" * 200_000 + "\n")
    with deadline(120):
        report = validate(data_copy, run_frictionless=False)
    assert report.exit_code == 1
    assert [p.code for p in report.problems] == ["yaml-error"]


def test_the_report_groups_by_file_and_names_no_traceback(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = Csv(data_copy, "events")
    csv.set(2, "event_type", b'"not-a-type"')
    csv.set(3, "status", b'"maybe"')
    csv.save()
    shutil.rmtree(data_copy / "annotations")
    with deadline(120):
        assert main(["validate", str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert "events.csv: " in out and "row 2, field 'event_type'" in out
    assert "row 3, field 'status'" in out and out.rstrip().splitlines()[-1].startswith("INVALID")
