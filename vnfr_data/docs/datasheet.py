"""The generated parts of the datasheet: what the package holds, its files and licenses.

The datasheet's prose (motivation, collection, uses and misuses) is written by
people in `docs/datasheet.md`; the facts that change with the data are blocks
between markers, rendered here from the data, so a new article cannot leave
the datasheet counting the old corpus.
"""

from __future__ import annotations

from collections import Counter

from .._version import RELEASE_DATE, __version__
from ..read import Dataset
from ..schema import RESOURCES
from .markdown import cell, code, fill_blocks, table

#: What each kind of file is, and its license (the descriptor's `licenses` say the same).
FILE_KINDS: tuple[tuple[str, str, str], ...] = (
    ("`csv/*.csv`", "the tables, as CSV (UTF-8, header row, empty = missing)", "CC BY 4.0"),
    ("`parquet/*.parquet`", "the same tables, typed, as Parquet", "CC BY 4.0"),
    (
        "`datapackage.json`",
        "Frictionless descriptor: Table Schemas, sizes, SHA-256 of every file",
        "CC BY 4.0",
    ),
    ("`annotations/*.yaml`", "the curated facts with their verbatim quotes", "CC BY 4.0"),
    ("`reference/crosswalk.csv`", "our vocabularies mapped to CAMEO and PLOVER", "CC BY 4.0"),
    (
        "`articles/*.txt`",
        "the source articles, byte for byte, so that evidence can be checked",
        "the publishers' copyright: not licensed by this project",
    ),
    ("`vnfr_data/` (the Python package)", "the code that builds, reads and checks", "MIT"),
    (
        "release archive, DuckDB and SQLite files (`vnfr-data export`)",
        "the tables above in one file or one archive, with this datasheet and the codebook",
        "CC BY 4.0, except the article texts as above",
    ),
)


def render_datasheet(ds: Dataset, document: str) -> str:
    """`document` (docs/datasheet.md) with its generated blocks filled from `ds`."""
    return fill_blocks(
        document,
        {
            "version": _version(),
            "composition": _composition(ds),
            "distribution": "\n".join(table(["file", "what", "license"], FILE_KINDS)),
            "errata": _known_gaps(ds),
        },
    )


def _version() -> str:
    return f"This datasheet describes vnfr-data **{__version__}** (released {RELEASE_DATE})."


def _composition(ds: Dataset) -> str:
    sources = list(ds.sources)
    publishers = Counter(s.publisher or "not named in the text" for s in sources)
    languages = Counter(s.language for s in sources)
    dated = sorted(s.published_date for s in sources if s.published_date is not None)
    lines = [
        f"- {len(sources)} articles ({', '.join(f'{n} {code(k)}' for k, n in languages.items())}); "
        "publisher as the text names it: "
        + ", ".join(f"{name} {n}" for name, n in sorted(publishers.items()))
        + ".",
        f"- Publication dates (as far as known) from {dated[0]} to {dated[-1]}; "
        + ", ".join(
            f"{n} {kind}"
            for kind, n in sorted(Counter(s.published_date_precision for s in sources).items())
        )
        + " precision."
        if dated
        else "- No article states its publication date.",
        f"- {len(ds.evidence)} evidence spans ground "
        f"{sum(len(ds.table(t)) for t in ('events', 'statements', 'agreements', 'figures'))} "
        "facts (events, statements, agreements, figures) and the links between them.",
        "",
    ]
    lines += table(
        ["table", "rows", "one row per"],
        [
            [
                code(name),
                str(len(ds.table(name))),
                cell(ds.table(name).schema.descriptor["description"]),
            ]
            for name in RESOURCES
        ],
    )
    return "\n".join(lines)


def _known_gaps(ds: Dataset) -> str:
    sources = list(ds.sources)
    events = list(ds.events)
    statements = list(ds.statements)
    disputed = {(c.record_table, c.record_id, c.field) for c in ds.claims if c.disputed}
    several = {
        (c.record_table, c.record_id, c.field) for c in ds.claims if c.reason != "only_claim"
    }
    items = [
        f"{sum(s.publisher is None for s in sources)} of {len(sources)} articles do not name "
        "their publisher in the text; the publisher is then left empty.",
        f"{sum(s.url is None for s in sources)} of {len(sources)} articles have no URL: "
        "the texts do not give their own address, and none is added from outside the corpus.",
        f"{sum(s.published_date_basis != 'stated' for s in sources)} of {len(sources)} "
        "publication dates are inferred or unknown (see `published_date_note`).",
        f"{sum(e.date_start is None for e in events)} of {len(events)} events are undated, "
        f"{sum(e.date_precision in ('month', 'year') for e in events)} dated only to the month "
        "or year.",
        f"{sum(s.quote_kind == 'direct' for s in statements)} of {len(statements)} statements "
        "are direct quotes; the others are the source's paraphrase.",
        f"{len(several)} fields are given by more than one source; {len(disputed)} fields of "
        f"{len({(t, r) for t, r, _ in disputed})} records are disputed between sources (listed "
        "in each row's `disputed_fields`; every claim is in the table `claims`, ranked by the "
        "stated rule, never by publication order).",
    ]
    return "\n".join(f"- {item}" for item in items)
