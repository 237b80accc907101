"""The frame every page shares: head, skip link, header with search, landmarks, footer.

Pages are plain strings built with `esc`; there is no template engine, so the
output depends on nothing but the data and this code (same data, same bytes).
Every link is relative, so the site works from a file:// path or any host.
"""

from __future__ import annotations

import html
import string
from collections.abc import Sequence

NAV: tuple[tuple[str, str], ...] = (
    ("index.html", "Overview"),
    ("articles.html", "Articles"),
    ("tables/events.html", "Events"),
    ("tables/statements.html", "Statements"),
    ("tables/agreements.html", "Agreements"),
    ("tables/figures.html", "Figures"),
    ("tables/actors.html", "Actors"),
)

_SAFE = set(string.ascii_letters + string.digits + "-_.")


def esc(value: object) -> str:
    """Text escaped for HTML content and attribute values."""
    return html.escape(str(value), quote=True)


def file_name(record_id: str) -> str:
    """A file name for a record id: safe characters kept, others as ``~hex``."""
    name = "".join(c if c in _SAFE else f"~{ord(c):x}" for c in record_id)
    return "~" + name if name.startswith(".") or not name else name


def page(
    *,
    title: str,
    body: str,
    path: str,
    version: str,
    scripts: Sequence[str] = (),
    description: str = "",
) -> str:
    """A whole HTML document; `path` is the page's own path from the site root."""
    root = "../" * path.count("/")
    current = ' aria-current="page"'
    nav = "".join(
        f'<li><a href="{root}{href}"{current if href == path else ""}>{esc(label)}</a></li>'
        for href, label in NAV
    )
    tags = "".join(f'<script src="{root}assets/{esc(s)}" defer></script>' for s in scripts)
    meta = f'<meta name="description" content="{esc(description)}">' if description else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)} · vnfr-data</title>\n{meta}"
        f'<link rel="stylesheet" href="{root}assets/site.css">\n{tags}\n</head>\n<body>\n'
        '<a class="skip" href="#main">Skip to content</a>\n'
        '<header class="site">\n<div class="wrap bar">\n'
        f'<a class="brand" href="{root}index.html">vnfr-data '
        "<span>Vietnam–France relations · provenance browser</span></a>\n"
        f'<form class="quick" role="search" action="{root}index.html" method="get">'
        '<label for="q-top" class="vh">Search records</label>'
        '<input id="q-top" name="q" type="search" placeholder="Search records" autocomplete="off">'
        '<button type="submit">Search</button></form>\n'
        f'</div>\n<nav class="wrap" aria-label="Main"><ul class="nav">{nav}</ul></nav>\n</header>\n'
        f'<main id="main" class="wrap" tabindex="-1">\n{body}\n</main>\n'
        '<footer class="site"><div class="wrap">'
        f"<p>vnfr-data {esc(version)}. Tables and annotations: CC BY 4.0. "
        "Article texts: the property of their publishers, shown only so that evidence can be checked.</p>"
        "</div></footer>\n</body>\n</html>\n"
    )


def breadcrumb(path: str, trail: Sequence[tuple[str, str]], here: str) -> str:
    """A breadcrumb: (href from root, label) pairs, then the current page's label."""
    root = "../" * path.count("/")
    items = "".join(f'<li><a href="{root}{href}">{esc(label)}</a></li>' for href, label in trail)
    return (
        f'<nav class="crumbs" aria-label="Breadcrumb"><ol>{items}'
        f'<li aria-current="page">{esc(here)}</li></ol></nav>'
    )
