"""Assemble every file of the site from a loaded dataset.

`site_files` is pure (data in, bytes out, nothing written), which is what makes
the output deterministic and testable; `build_site` adds the atomic write.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from .article_page import article_html
from .data import PAGED, SiteData, read_site_data
from .list_pages import articles_html, index_html, table_list_html
from .record_page import record_html
from .refs import article_path, record_path
from .search_index import index_script
from .tombstones import tombstone_html, withdrawn
from .write import MARKER, write_site

ASSETS = ("site.css", "article.js", "search.js")


def _asset(name: str) -> bytes:
    return (resources.files("vnfr_data.site") / "assets" / name).read_bytes()


def site_files(data: SiteData) -> dict[str, bytes]:
    """Every file of the site by its path from the site root."""
    files: dict[str, bytes] = {}

    def put(path: str, text: str) -> None:
        if path in files:
            raise ValueError(f"two pages want the path {path!r}")
        files[path] = text.encode("utf-8")

    put("index.html", index_html(data))
    put("articles.html", articles_html(data))
    for table in PAGED:
        put(f"tables/{table}.html", table_list_html(data, table))
    for source in data.table("sources"):
        put(article_path(str(source["source_id"])), article_html(data, source))
    for table, key in PAGED.items():
        for row in data.table(table):
            put(record_path(table, str(row[key])), record_html(data, table, str(row[key])))
    for row in withdrawn(data):
        put(record_path(str(row["record_table"]), str(row["record_id"])), tombstone_html(data, row))
    for name in ASSETS:
        files[f"assets/{name}"] = _asset(name)
    files["assets/search-index.js"] = index_script(data)
    files[MARKER] = f"vnfr-data site {data.version}\n".encode()
    return files


def build_site(dataset: Any, out_dir: Path) -> dict[str, int]:
    """Write the site of `dataset` (from `vnfr_data.load`) to `out_dir`; return page counts."""
    data = read_site_data(dataset)
    files = site_files(data)
    write_site(files, out_dir)
    counts = {"articles": len(data.table("sources"))}
    counts.update({t: len(data.table(t)) for t in PAGED})
    counts["files"] = len(files)
    return counts
