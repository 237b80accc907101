"""The contribution gate: articles never edited, drafts never published, errors at the line.

Each test breaks one promise the way a contributor (or an attacker) could, rebuilds
where a rebuild could hide it, and checks that the build, validate or the pull
request check refuses it, naming the file, the line and what to do.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from vnfr_data.build import build_tables
from vnfr_data.cli import PipeSafe, main
from vnfr_data.errors import ProblemsFound
from vnfr_data.validate import validate

SEED_004 = "3c061884a9f81943"
ARTICLE_004 = f"articles/004_{SEED_004}.txt"
REPO = Path(__file__).resolve().parent.parent
GUARD = REPO / "scripts" / "check_corpus_unchanged.py"


def _refused_at_the_pin(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Build refuses with the pin line of 004's annotation; validate says INVALID, cause first."""
    assert main(["build", "--data", str(data)]) == 1
    err = capsys.readouterr().err
    assert f"annotations/{SEED_004}.yaml, row 4, field 'source.sha256': [hash-mismatch]" in err
    report = validate(data, run_frictionless=False)
    assert report.exit_code == 1
    assert report.problems[0].code == "hash-mismatch"
    pinned = [p for p in report.problems if p.field == "source.sha256"]
    assert pinned and str(pinned[0].file).endswith(f"{SEED_004}.yaml")


def test_one_byte_appended_to_an_article_then_rebuilt_is_refused(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open(data_copy / ARTICLE_004, "ab") as handle:
        handle.write(b" ")
    _refused_at_the_pin(data_copy, capsys)


def test_edited_page_furniture_then_rebuilt_is_refused(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = data_copy / ARTICLE_004
    text = path.read_text(encoding="utf-8")
    assert "No Comments" in text.split("\n", 2)[1]  # the category line, outside the body
    path.write_text(text.replace("No Comments", "2 Comments", 1), encoding="utf-8")
    _refused_at_the_pin(data_copy, capsys)


def test_an_article_without_a_pin_is_refused_with_the_value_to_review(data_copy: Path) -> None:
    path = data_copy / "annotations" / f"{SEED_004}.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if "sha256:" not in line), encoding="utf-8")
    with pytest.raises(ProblemsFound) as info:
        build_tables(data_copy)
    [problem] = info.value.problems
    digest = hashlib.sha256((data_copy / ARTICLE_004).read_bytes()).hexdigest()
    assert problem.code == "incomplete-record" and problem.field == "source.sha256"
    assert problem.expected == f"sha256: {digest}"


def _three_way(data: Path, change: str) -> None:
    """Break one of article, pin and `sources.sha256` (or article and pin together)."""
    article = data / ARTICLE_004
    annotation = data / "annotations" / f"{SEED_004}.yaml"
    sources = data / "csv" / "sources.csv"
    old = hashlib.sha256(article.read_bytes()).hexdigest()
    if change in ("article", "article and pin"):
        article.write_bytes(article.read_bytes() + b" ")
    new = hashlib.sha256(article.read_bytes()).hexdigest() if change != "pin" else "f" * 64
    if change in ("pin", "article and pin"):
        annotation.write_text(annotation.read_text(encoding="utf-8").replace(old, new), "utf-8")
    if change == "sources.sha256":
        sources.write_text(sources.read_text(encoding="utf-8").replace(old, "f" * 64), "utf-8")


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ("article", f"annotations/{SEED_004}.yaml"),  # the pin says what was reviewed
        ("pin", f"annotations/{SEED_004}.yaml"),
        ("article and pin", "csv/sources.csv"),  # consistent again, but not what was published
        ("sources.sha256", "csv/sources.csv"),
    ],
)
def test_validate_checks_article_pin_and_sources_against_each_other(
    data_copy: Path, change: str, where: str
) -> None:
    _three_way(data_copy, change)
    report = validate(data_copy, run_frictionless=False)
    assert report.exit_code == 1
    mismatches = [p for p in report.problems if p.code == "hash-mismatch"]
    assert any(
        str(p.file).endswith(where) and p.field in ("sha256", "source.sha256") for p in mismatches
    )


# -- the pull request check: articles the base holds are never edited -----------------------


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture()
def base_repo(tmp_path: Path) -> Path:
    """A repository whose base commit holds the corpus and its annotations."""
    if shutil.which("git") is None:
        pytest.skip("git not installed")
    repo = tmp_path / "repo"
    for sub in ("articles", "annotations"):
        shutil.copytree(REPO / "data" / sub, repo / "data" / sub)
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "base")
    return repo


def _guard(repo: Path) -> tuple[int, str]:
    done = subprocess.run(
        [sys.executable, str(GUARD), "main", "--repo", str(repo)],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.returncode, done.stdout + done.stderr


def test_a_new_article_passes_the_pull_request_check(base_repo: Path) -> None:
    (base_repo / "data" / "articles" / "005_0123456789abcdef.txt").write_text("new\n")
    assert _guard(base_repo)[0] == 0


def test_an_article_edited_with_its_pin_fails_the_pull_request_check(base_repo: Path) -> None:
    article = base_repo / "data" / ARTICLE_004
    annotation = base_repo / "data" / "annotations" / f"{SEED_004}.yaml"
    old = hashlib.sha256(article.read_bytes()).hexdigest()
    article.write_bytes(article.read_bytes() + b" ")
    new = hashlib.sha256(article.read_bytes()).hexdigest()
    annotation.write_text(annotation.read_text(encoding="utf-8").replace(old, new))
    # Consistent again, so the build alone would accept it:
    shutil.copytree(REPO / "data" / "reference", base_repo / "data" / "reference")
    build_tables(base_repo / "data")
    status, output = _guard(base_repo)
    assert status == 1
    assert f"data/{ARTICLE_004}" in output and "bytes differ" in output
    assert f"{SEED_004}.yaml" in output and "pinned SHA-256" in output


def test_a_removed_article_fails_and_an_unknown_base_gives_no_verdict(base_repo: Path) -> None:
    (base_repo / "data" / ARTICLE_004).unlink()
    status, output = _guard(base_repo)
    assert status == 1 and "never removed" in output
    done = subprocess.run(
        [sys.executable, str(GUARD), "no-such-branch", "--repo", str(base_repo)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr


# -- drafts are reviewed before they are built ------------------------------------------------


@pytest.mark.parametrize(
    "marker",
    [
        "  # DRAFT: event phrase 'talks'; date from the dateline\n",
        # A statement whose speaker the text does not name, still commented out:
        "  # DRAFT| - id: st-3c061884-99\n",
    ],
    ids=["record-marker", "commented-out-statement"],
)
def test_a_draft_marker_left_in_a_curated_file_is_refused_by_build_and_validate(
    data_copy: Path, marker: str
) -> None:
    path = data_copy / "annotations" / f"{SEED_004}.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("  - id: ev-"))
    lines.insert(at, marker)
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(ProblemsFound) as info:
        build_tables(data_copy)
    assert [(p.code, p.row) for p in info.value.problems] == [("draft-marker", at + 1)]
    report = validate(data_copy, run_frictionless=False)
    assert report.problems[0].code == "draft-marker" and report.exit_code == 1


# -- errors where the contributor typed ------------------------------------------------------


def test_a_misspelt_actor_gets_a_did_you_mean(data_copy: Path) -> None:
    path = data_copy / "annotations" / f"{SEED_004}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  emmanuel-macron: [", "  emmanuel-macrn: [", 1), "utf-8")
    with pytest.raises(ProblemsFound) as info:
        build_tables(data_copy)
    [problem] = [p for p in info.value.problems if p.value == "emmanuel-macrn"]
    assert problem.expected is not None and "did you mean emmanuel-macron" in problem.expected
    assert str(problem.file).endswith(path.name) and problem.row is not None


def test_a_date_in_another_format_says_how_to_write_it(data_copy: Path) -> None:
    path = data_copy / "annotations" / f"{SEED_004}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("date_start: 2024-10-08", "date_start: 8/10/2024", 1), "utf-8")
    with pytest.raises(ProblemsFound) as info:
        build_tables(data_copy)
    [problem] = info.value.problems
    assert problem.expected is not None and "YYYY-MM-DD" in problem.expected
    assert problem.field is not None and problem.field.endswith("date_start")


# -- the exit status is the verdict, whatever happens to the output ---------------------------


def _invalid_package(data_copy: Path) -> Path:
    """Every evidence quote changed: hundreds of problems, far more than a pipe buffers."""
    path = data_copy / "csv" / "evidence.csv"
    head, *rows = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text(head + "".join(r.replace(',"', ',"x', 1) for r in rows), encoding="utf-8")
    return data_copy


def test_validate_piped_into_head_still_exits_non_zero(data_copy: Path) -> None:
    if shutil.which("bash") is None or shutil.which("head") is None:
        pytest.skip("needs bash and head")
    root = _invalid_package(data_copy)
    command = (
        "set -o pipefail; "
        f"'{sys.executable}' -m vnfr_data validate '{root}' --no-frictionless --no-build-check "
        "| head -1"
    )
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, check=False)
    assert done.returncode == 1, done.stderr
    assert len(done.stdout.splitlines()) == 1 and "Traceback" not in done.stderr


class _ClosedPipe(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError


def test_a_closed_pipe_keeps_the_verdict(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _invalid_package(data_copy)
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    assert main(["validate", str(root), "--no-frictionless", "--no-build-check"]) == 1
    safe = PipeSafe(_ClosedPipe())
    assert safe.write("lost") == 4 and safe.broken


def test_a_mention_alone_does_not_cover_a_sentence(data_copy: Path) -> None:
    from claims_helpers import add_source, talks_article, talks_claim

    from vnfr_data.review.coverage import coverage_of_build

    sid = "ffff000000000006"
    claim = talks_claim(8)
    claim["evidence"] = ["The two sides discussed trade and climate cooperation."]
    add_source(
        data_copy,
        sid,
        talks_article(8, "2024-10-10"),
        published="2024-10-10",
        events=[claim],
        mentions={"to-lam": ["Vietnamese leader To Lam"]},  # in the first sentence only
    )
    first, second = coverage_of_build(build_tables(data_copy))[sid]
    assert (first.status, second.status) == ("uncovered", "covered")
