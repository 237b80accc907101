"""Coverage report: is every sentence of every article body accounted for?

For each source, counts the body sentences covered by evidence, those marked
`no_fact` in the annotations (with their reasons) and those uncovered, and
prints a table. Exit 1 when any sentence is uncovered, so CI catches gaps.
`--show` lists the uncovered (and with -v the no-fact) sentences.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from vnfr_data.build import build_tables
from vnfr_data.errors import ProblemsFound
from vnfr_data.review.coverage import coverage_of_build


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(Path(__file__).resolve().parent.parent / "data"))
    parser.add_argument("--show", action="store_true", help="print uncovered sentences")
    parser.add_argument("-v", "--verbose", action="store_true", help="also print no-fact sentences")
    args = parser.parse_args()
    try:
        result = build_tables(Path(args.data))
    except ProblemsFound as exc:
        for p in exc.problems:
            print(p, file=sys.stderr)
        return 2
    report = coverage_of_build(result)
    header = f"{'source':<18} {'sentences':>9} {'covered':>8} {'no_fact':>8} {'uncovered':>9}"
    print(header)
    print("-" * len(header))
    totals = [0, 0, 0, 0]
    for sid, items in report.items():
        counts = [len(items)] + [
            sum(s.status == k for s in items) for k in ("covered", "no_fact", "uncovered")
        ]
        totals = [t + c for t, c in zip(totals, counts, strict=True)]
        print(f"{sid:<18} {counts[0]:>9} {counts[1]:>8} {counts[2]:>8} {counts[3]:>9}")
    print("-" * len(header))
    print(f"{'total':<18} {totals[0]:>9} {totals[1]:>8} {totals[2]:>8} {totals[3]:>9}")
    if args.show or args.verbose:
        for sid, items in report.items():
            for s in items:
                if s.status == "uncovered" or (args.verbose and s.status == "no_fact"):
                    why = f" [{s.reason}]" if s.reason else ""
                    print(f"{sid} {s.status} {s.start}:{s.end}{why}: {s.text[:160]}")
    print(f"README row: | total | {' | '.join(str(t) for t in totals)} |")
    return 1 if totals[3] else 0


if __name__ == "__main__":
    raise SystemExit(main())
