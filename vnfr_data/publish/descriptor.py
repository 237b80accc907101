"""Render the package: every output file's bytes, the descriptor with hashes last.

The descriptor is the package's table of contents (Frictionless Data Package
v2): version, licenses, sources, and the bytes and sha256 of every file, so a
downloader can check what they got.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from .._version import RELEASE_DATE, __version__
from ..read.descriptor import DESCRIPTOR, PROFILE, TWIN, csv_path, parquet_path
from ..read.verified import Digest
from ..schema import RESOURCES, table_schema
from .writers import csv_bytes, parquet_bytes

if TYPE_CHECKING:
    from ..build import BuildResult

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


def parquet_metadata(name: str) -> dict[str, str]:
    """The key-value metadata of a table's Parquet file, which `load()` checks."""
    return {
        "vnfr:dataset_version": __version__,
        "vnfr:resource": name,
        "vnfr:schema_fingerprint": table_schema(name).fingerprint(),
    }


def resource_entry(
    name: str, rows: int, csv_data: bytes | Digest, parquet_data: bytes | Digest
) -> dict[str, Any]:
    """A resource of the descriptor: what the files are, their bytes and sha256 (from the
    files, or from their digests when they were hashed already)."""
    schema = table_schema(name)
    csv_digest = csv_data if isinstance(csv_data, Digest) else Digest.of(csv_data)
    parquet_digest = parquet_data if isinstance(parquet_data, Digest) else Digest.of(parquet_data)
    return {
        "name": name,
        "type": "table",
        "title": schema.descriptor.get("title", name),
        "description": schema.descriptor.get("description", ""),
        "path": csv_path(name),
        "scheme": "file",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": csv_digest.size,
        "hash": f"sha256:{csv_digest.sha256}",
        "rows": rows,
        "schema": {k: v for k, v in schema.descriptor.items() if k != "$schema"},
        TWIN: {
            "path": parquet_path(name),
            "format": "parquet",
            "mediatype": "application/vnd.apache.parquet",
            "bytes": parquet_digest.size,
            "hash": f"sha256:{parquet_digest.sha256}",
            "schema_fingerprint": schema.fingerprint(),
        },
    }


def source_entry(title: str, path: str, publisher: str | None, sha256: str) -> dict[str, Any]:
    return {
        "title": title,
        "path": path,
        **({"publisher": publisher} if publisher else {}),
        "sha256": sha256,
    }


def sources_of_table(sources: pa.Table) -> list[dict[str, Any]]:
    """The descriptor's sources from the sources table (sorted by id, as the build's)."""
    rows = sources.select(["source_id", "title", "path", "publisher", "sha256"]).to_pylist()
    return [
        source_entry(r["title"], r["path"], r["publisher"], r["sha256"])
        for r in sorted(rows, key=lambda r: r["source_id"])
    ]


def document(resources: list[dict[str, Any]], sources: list[dict[str, Any]]) -> dict[str, Any]:
    """The whole descriptor: a function of the files, the sources and this release."""
    return {
        "$schema": PROFILE,
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
        "sources": sources,
        "resources": resources,
    }


def render(result: BuildResult) -> dict[str, bytes]:
    """Every output file, by path relative to the data directory."""
    files: dict[str, bytes] = {}
    resources: list[dict[str, Any]] = []
    for name in RESOURCES:
        table: pa.Table = result.tables[name]
        csv_data = csv_bytes(table)
        parquet_data = parquet_bytes(table, parquet_metadata(name))
        files[csv_path(name)] = csv_data
        files[parquet_path(name)] = parquet_data
        resources.append(resource_entry(name, table.num_rows, csv_data, parquet_data))
    sources = [
        source_entry(a.meta.title, f"articles/{a.meta.file}", a.meta.publisher, a.sha256)
        for a in sorted(result.articles.values(), key=lambda a: a.meta.id)
    ]
    text = json.dumps(document(resources, sources), indent=2, ensure_ascii=False) + "\n"
    files[DESCRIPTOR] = text.encode("utf-8")
    return files
