#!/usr/bin/env python3
"""Is draft extraction linear in the length of an article? Time 10 kB, 100 kB and 1 MB bodies.

A body is generated from varied news sentences (names, dates, figures,
reporting verbs, quotations, agreements, events), each made distinct by its
numbers, so that quotes stay unique as they would in a real article, and laid
out both as paragraphs and as one single line (the shape that once made the
sentence splitter quadratic). Each size is drafted and rendered in this
process; the script prints CPU seconds, CPU microseconds per byte and wall seconds. Linear time means
the per-byte cost stays flat from 10 kB to 1 MB.

    python benchmarks/extract_benchmark.py [--sizes 10000,100000,1000000] [--one-line]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from vnfr_data.draft import extract, render  # noqa: E402

_PEOPLE = [
    ("French Minister for Foreign Trade", "Claire Dubois"),
    ("Vietnamese Deputy Minister of Industry and Trade", "Nguyen Van Hai"),
    ("Ambassador", "Pierre Laurent"),
    ("Deputy Prime Minister", "Tran Thi Mai"),
    ("Chairman of the provincial People’s Committee", "Le Quang Minh"),
]
_MONTHS = ["January", "March", "May", "June", "September", "October", "November"]


def _sentence(rng: random.Random, n: int) -> str:
    title, name = _PEOPLE[n % len(_PEOPLE)]
    month = _MONTHS[n % len(_MONTHS)]
    day = 1 + n % 28
    year = 2000 + n % 26
    value = f"{1 + n % 9}.{n % 100:02d}"
    shapes = [
        f"{title} {name} said on {month} {day}, {year} that two-way trade reached {value} billion USD, up {n % 40}.{n % 10} percent.",
        f"“Cooperation project number {n} will continue,” {name.split()[-1]} told reporters in Hanoi.",
        f"The two sides signed {2 + n % 7} memoranda of understanding on project {n} during the visit to Paris in {month} {year}.",
        f"According to {name}, more than {100 + n} French companies invested about €{value} million in {year}.",
        f"He stressed that the {n}th meeting of the joint committee is scheduled to take place from {month} {day} to {day + 1}, {year}.",
        f"Delegates of {n + 3} provinces attended the forum on the Comprehensive Strategic Partnership in {month} last year.",
    ]
    return shapes[rng.randrange(len(shapes))]


def article(size: int, one_line: bool, seed: int = 7) -> str:
    """A page of about `size` bytes of body: headline, dateline, body, a related-news footer."""
    rng = random.Random(seed)
    head = "Vietnam and France expand cooperation across many fields\nHANOI (VNA) – "
    parts: list[str] = []
    length, n = 0, 0
    while length < size:
        s = _sentence(rng, n)
        parts.append(s)
        length += len(s.encode("utf-8")) + 1
        n += 1
    sep = " " if one_line else "\n"
    return head + sep.join(parts) + "\nRelated news\nVietnam, Laos sign trade deal\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--sizes", default="10000,100000,1000000")
    p.add_argument("--one-line", action="store_true", help="only the single-line layout")
    args = p.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",")]
    layouts = [True] if args.one_line else [False, True]
    # CPU time of this (single-threaded) process: on a shared machine wall time measures the
    # neighbours too; both are printed.
    print("| body | layout | CPU seconds | CPU µs per byte | wall seconds |")
    print("|---:|---|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for one_line in layouts:
            for size in sizes:
                path = Path(tmp) / "000_00000000000000ff.txt"
                path.write_text(article(size, one_line), encoding="utf-8")
                t0, c0 = time.perf_counter(), time.process_time()
                draft = extract(path, published=None)
                render(draft)
                wall, cpu = time.perf_counter() - t0, time.process_time() - c0
                layout = "one line" if one_line else "paragraphs"
                print(
                    f"| {size:,} B | {layout} | {cpu:.2f} | {1e6 * cpu / size:.1f} | {wall:.2f} |",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
