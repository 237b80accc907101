"""How long `vnfr-data site` takes on larger packages (a script that measures and prints).

    python benchmarks/site_benchmark.py [EVIDENCE_ROWS ...]

Generates synthetic, valid packages with the validation benchmark's generator
(default 10,000 and 50,000 evidence rows, the other tables in proportion), then
times reading the package, rendering every page and writing the site
atomically, each separately, and prints the size of the output.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from validate_benchmark import generate, write  # noqa: E402

import vnfr_data  # noqa: E402
from vnfr_data.site.build import site_files  # noqa: E402
from vnfr_data.site.data import read_site_data  # noqa: E402
from vnfr_data.site.write import write_site  # noqa: E402


def run(evidence_rows: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "package"
        tables, articles = generate(evidence_rows)
        write(root, tables, articles)
        t0 = time.perf_counter()
        data = read_site_data(vnfr_data.load(root))
        t1 = time.perf_counter()
        files = site_files(data)
        t2 = time.perf_counter()
        write_site(files, Path(tmp) / "site")
        t3 = time.perf_counter()
        pages = sum(1 for p in files if p.endswith(".html"))
        size = sum(len(b) for b in files.values())
        records = sum(
            len(data.table(t)) for t in ("events", "statements", "agreements", "figures", "actors")
        )
        print(
            f"{evidence_rows:>9,} evidence rows, {len(articles):,} articles, {records:,} records: "
            f"read {t1 - t0:.2f} s, render {t2 - t1:.2f} s ({pages / (t2 - t1):,.0f} pages/s), "
            f"write {t3 - t2:.2f} s; {pages:,} pages, {size / 1e6:.1f} MB, "
            f"search index {len(files['assets/search-index.js']) / 1e6:.1f} MB"
        )


def main(argv: list[str]) -> None:
    for n in [int(a) for a in argv] or [10_000, 50_000]:
        run(n)


if __name__ == "__main__":
    main(sys.argv[1:])
