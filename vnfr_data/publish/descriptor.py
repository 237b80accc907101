"""Render the package: every output file's bytes, the descriptor with hashes last.

The descriptor is the package's table of contents (Frictionless Data Package
v2): version, licenses, sources, and the bytes and sha256 of every file, so a
downloader can check what they got.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pyarrow as pa

from .._version import RELEASE_DATE, __version__
from ..build import BuildResult
from ..schema import RESOURCES, table_schema
from .writers import csv_bytes, parquet_bytes

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
