"""The contributor CI and the published hook keep their hardening.

The workflow runs a pull request's code, so: read-only token, never
`pull_request_target`, no persisted credentials, every action pinned by commit
SHA with the release it is named in a comment. The pre-commit hook offered to
other repositories pins frictionless like constraints.txt and validates the
repository it runs in, never the data inside the installed vnfr-data.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

WORKFLOW = Path(".github/workflows/validate.yml")


def _workflow(repo: Path) -> tuple[str, dict[Any, Any]]:
    text = (repo / WORKFLOW).read_text(encoding="utf-8")
    return text, yaml.safe_load(text)


def test_the_workflow_token_is_read_only_and_never_for_pull_request_target(repo: Path) -> None:
    text, flow = _workflow(repo)
    triggers = flow.get("on", flow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers and "pull_request_target" not in triggers
    code = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    assert not [line for line in code if "pull_request_target" in line]
    assert flow["permissions"] == {"contents": "read"}
    for name, job in flow["jobs"].items():
        assert job.get("permissions", {"contents": "read"}) == {"contents": "read"}, name


def test_every_action_is_pinned_by_commit_sha(repo: Path) -> None:
    text, flow = _workflow(repo)
    uses = re.findall(r"uses:\s*(\S+)(.*)", text)
    assert uses
    for ref, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", ref), ref
        assert re.fullmatch(r"\s*# v\d+\.\d+\.\d+", comment), (ref, comment)
    for job in flow["jobs"].values():
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_the_published_hook_pins_frictionless_and_validates_its_repository(repo: Path) -> None:
    [hook] = yaml.safe_load((repo / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["entry"] == "vnfr-data validate --repository"
    pinned = {
        d.split("==")[0]: d.split("==")[1] for d in hook["additional_dependencies"] if "==" in d
    }
    constraints = (repo / "constraints.txt").read_text(encoding="utf-8")
    version = re.search(r"^frictionless==(\S+)$", constraints, re.M)
    assert version is not None and pinned["frictionless[parquet]"] == version.group(1)


def _hook(cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vnfr_data", "validate", "--repository", "--no-frictionless"],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_the_hook_checks_the_repository_it_runs_in(data_copy: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=empty, check=True)
    done = _hook(empty)
    assert done.returncode == 2 and "no data package" in done.stderr
    other = data_copy.parent
    subprocess.run(["git", "init", "-q"], cwd=other, check=True)
    (data_copy / "csv" / "events.csv").write_bytes(b"event_id\n")
    (other / "sub").mkdir()
    done = _hook(other / "sub")  # from a subdirectory: the top of the repository counts
    assert done.returncode == 1, done.stdout[-500:]
    assert str(data_copy / "csv" / "events.csv") in done.stdout


def test_pull_requests_may_not_edit_an_article_main_holds(repo: Path) -> None:
    """The corpus check runs on pull requests against their base, with its history fetched."""
    text = (repo / WORKFLOW).read_text(encoding="utf-8")
    assert "python scripts/check_corpus_unchanged.py" in text
    assert "github.event_name == 'pull_request'" in text and "github.base_ref" in text
    assert "fetch-depth: 0" in text
