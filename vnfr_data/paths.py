"""Where the shipped data lives, in a wheel or in a source checkout.

In a wheel the data sits inside the package (`vnfr_data/_data/`, mapped there at
build time); in a source checkout or an editable install it is the repository's
`data/` and `schemas/`. Finding both through one function keeps every other
module ignorant of how the package was installed.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

#: The file name of a data package's descriptor, inside the package directory.
DESCRIPTOR = "datapackage.json"
_PACKAGE_DIR = Path(__file__).resolve().parent
_REPO_DIR = _PACKAGE_DIR.parent


@functools.cache
def _bundled() -> Path | None:
    # The package directory itself, as `importlib.resources.files` would give it for an
    # installed package (whose import costs a tenth of `import vnfr_data`).
    bundled = _PACKAGE_DIR / "_data"
    return bundled if bundled.is_dir() else None


def data_dir() -> Path:
    """The directory holding `datapackage.json`, `csv/`, `parquet/` and `articles/`."""
    bundled = _bundled()
    return bundled if bundled is not None else _REPO_DIR / "data"


def schemas_dir() -> Path:
    """The directory holding the Frictionless Table Schemas (the schema's single source)."""
    bundled = _bundled()
    return bundled / "schemas" if bundled is not None else _REPO_DIR / "schemas"


def docs_dir() -> Path | None:
    """The documents (datasheet template, annotation format), when shipped or checked out."""
    bundled = _bundled()
    docs = bundled / "docs" if bundled is not None else _REPO_DIR / "docs"
    return docs if docs.is_dir() else None


def repo_dir() -> Path | None:
    """The source checkout, when running from one (the build needs annotations)."""
    return _REPO_DIR if (_REPO_DIR / "pyproject.toml").is_file() else None


def shown(path: Path) -> str:
    """A path as a person should see it in a report: relative to where they stand.

    Resolved as `Path.resolve` would, with each directory resolved once (a build shows
    thousands of files from a few directories); a file that is itself a link, or a
    name with `..`, is resolved in full."""
    try:
        here = _resolved(os.getcwd())
        if path.name in ("", ".", "..") or path.is_symlink():
            target = path.resolve()
        else:
            target = _resolved(str(path.parent)) / path.name
        return str(target.relative_to(here))
    except (ValueError, OSError):
        return str(path)


@functools.lru_cache(maxsize=256)
def _resolved(directory: str) -> Path:
    return Path(directory).resolve()
