"""Packaging and citation: what PyPI shows and what a citing user copies must be true."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

import vnfr_data
from vnfr_data._version import RELEASE_DATE


def test_citation_has_the_dataset_version_and_date(repo: Path) -> None:
    citation = yaml.safe_load((repo / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0"
    assert citation["version"] == vnfr_data.__version__
    assert str(citation["date-released"]) == RELEASE_DATE
    assert citation["type"] == "dataset" and citation["license"] == "CC-BY-4.0"
    assert citation["authors"] and citation["title"] and citation["message"]
    readme = (repo / "README.md").read_text(encoding="utf-8")
    assert f"version {vnfr_data.__version__}" in readme.partition("## How to cite")[2]


def test_readme_links_work_on_a_pypi_page(repo: Path) -> None:
    """PyPI shows the README without the repository: a relative link would be dead there."""
    readme = (repo / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)]+)\)", readme) + re.findall(r"<(\w+://[^>]+)>", readme)
    relative = [t for t in targets if not re.match(r"(https?://|mailto:|#)", t)]
    assert not relative, f"make these links absolute: {relative}"


def test_classifiers_say_status_and_python_versions(repo: Path) -> None:
    project = tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    classifiers = project["classifiers"]
    assert any(c.startswith("Development Status ::") for c in classifiers)
    assert any(re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c) for c in classifiers)
    assert "CC-BY-4.0" in project["license"] and "MIT" in project["license"]
