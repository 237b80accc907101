"""Write the data package atomically: stage everything, then swap it in.

A crash never leaves half a dataset: all files are written and fsynced into
`.staging/` first, a manifest marks the stage complete, and only then are the
files moved into place with `os.replace`, descriptor last. A build that finds
a complete stage left by a crash finishes the swap before doing anything else;
an incomplete stage is discarded.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pyarrow as pa

from ._version import RELEASE_DATE, __version__
from .build import BuildResult
from .schema import RESOURCES, table_schema
from .tables_io import csv_bytes, parquet_bytes

STAGING = ".staging"
MANIFEST = "MANIFEST"
MANAGED_DIRS = ("csv", "parquet")
DESCRIPTOR = "datapackage.json"

LICENSES = [
    {
        "name": "CC-BY-4.0",
        "path": "https://creativecommons.org/licenses/by/4.0/",
        "title": "Creative Commons Attribution 4.0: the annotations and every table of this package",
    },
    {
        "name": "MIT",
        "path": "https://opensource.org/license/mit",
        "title": "MIT: the vnfr_data code that builds and reads the package",
    },
    {
        "name": "LicenseRef-publishers-copyright",
        "title": (
            "The article texts in articles/ remain the property of their publishers; "
            "they are included verbatim only so that evidence can be checked"
        ),
    },
]


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def render(result: BuildResult) -> dict[str, bytes]:
    """Every output file, by path relative to the data directory."""
    files: dict[str, bytes] = {}
    resources: list[dict[str, Any]] = []
    for name in RESOURCES:
        schema = table_schema(name)
        table: pa.Table = result.tables[name]
        csv_data = csv_bytes(table)
        parquet_data = parquet_bytes(
            table,
            {
                "vnfr:dataset_version": __version__,
                "vnfr:resource": name,
                "vnfr:schema_fingerprint": schema.fingerprint(),
            },
        )
        files[f"csv/{name}.csv"] = csv_data
        files[f"parquet/{name}.parquet"] = parquet_data
        resources.append(
            {
                "name": name,
                "type": "table",
                "title": schema.descriptor.get("title", name),
                "description": schema.descriptor.get("description", ""),
                "path": f"csv/{name}.csv",
                "scheme": "file",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": len(csv_data),
                "hash": f"sha256:{sha256_hex(csv_data)}",
                "rows": table.num_rows,
                "schema": {k: v for k, v in schema.descriptor.items() if k != "$schema"},
                "vnfr:parquet": {
                    "path": f"parquet/{name}.parquet",
                    "format": "parquet",
                    "mediatype": "application/vnd.apache.parquet",
                    "bytes": len(parquet_data),
                    "hash": f"sha256:{sha256_hex(parquet_data)}",
                    "schema_fingerprint": schema.fingerprint(),
                },
            }
        )
    descriptor = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "vnfr-data",
        "title": "vnfr-data: Vietnam–France relations from news articles",
        "description": (
            "Events, statements, agreements and figures of Vietnam–France relations, "
            "each traced to verbatim evidence spans of its source article."
        ),
        "version": __version__,
        "created": f"{RELEASE_DATE}T00:00:00Z",
        "keywords": ["Vietnam", "France", "international relations", "events", "CAMEO", "PLOVER"],
        "licenses": LICENSES,
        "sources": [
            {
                "title": a.meta.title,
                "path": f"articles/{a.meta.file}",
                **({"publisher": a.meta.publisher} if a.meta.publisher else {}),
                "sha256": a.sha256,
            }
            for a in sorted(result.articles.values(), key=lambda a: a.meta.id)
        ],
        "resources": resources,
    }
    text = json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"
    files[DESCRIPTOR] = text.encode("utf-8")
    return files


def _fsync_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _swap(root: Path) -> None:
    stage = root / STAGING
    names = (stage / MANIFEST).read_text(encoding="utf-8").split("\n")
    names = [n for n in names if n]
    # Descriptor last: until it moves, readers see the old, self-consistent package.
    for name in sorted(names, key=lambda n: n == DESCRIPTOR):
        if not (stage / name).exists():
            continue  # moved before an interruption
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(stage / name, target)
    keep = set(names)
    for managed in MANAGED_DIRS:
        for old in sorted((root / managed).glob("*")):
            if f"{managed}/{old.name}" not in keep and old.is_file():
                old.unlink()
    shutil.rmtree(stage)


def recover(root: Path) -> str | None:
    """Finish or discard a stage left by an interrupted publish."""
    stage = root / STAGING
    if not stage.exists():
        return None
    if (stage / MANIFEST).is_file():
        _swap(root)
        return "finished an interrupted publish"
    shutil.rmtree(stage)
    return "discarded an incomplete stage"


def publish(files: dict[str, bytes], root: Path) -> None:
    """Write `files` under `root` so that no reader ever sees a mix of two builds."""
    recover(root)
    stage = root / STAGING
    stage.mkdir(parents=True)
    for name, data in sorted(files.items()):
        _fsync_write(stage / name, data)
    _fsync_write(stage / MANIFEST, "".join(f"{n}\n" for n in sorted(files)).encode("utf-8"))
    _swap(root)


def unchanged(files: dict[str, bytes], root: Path) -> bool:
    return all((root / n).is_file() and (root / n).read_bytes() == d for n, d in files.items())
