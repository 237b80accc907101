"""Fuzz the data package's readers: thousands of seeded mutations, one at a time.

Each mutation damages one file of a copy of `data/` (a CSV, a Parquet file or
the descriptor: a byte flipped, set, inserted or deleted; a line deleted,
doubled or swapped; the file cut; a cell or descriptor value edited). It is
then judged (`vnfr_data.testing.mutations`): `vnfr-data validate` must report
every mutation that changes data or metadata, with no traceback or internal
error and within ten minutes, and `load()` must refuse it or return exactly
the original tables. Three batches: the package as a downloader has it (no
annotations), the checkout (annotations: validate also rebuilds), and a batch
that also runs frictionless. Prints a summary per target and kind; exit 1 on
any miss, crash, hang or wrong load. The README reports a run of

    python scripts/fuzz_package.py --count 1000 --annotated 200 --frictionless 50
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import Counter
from pathlib import Path

from vnfr_data.testing.mutations import Summary, run

DATA = Path(__file__).resolve().parent.parent / "data"


def _report(label: str, summary: Summary, seconds: float) -> None:
    print(f"\n{label}: {summary.line()} in {seconds:.0f} s", flush=True)
    by_target = Counter(
        (o.mutation.file.split("/")[0].replace("datapackage.json", "descriptor"), o.mutation.kind)
        for o in summary.outcomes
    )
    verdicts = Counter((o.exit_code, o.load) for o in summary.outcomes)
    print(
        "  mutations by target and kind: "
        + ", ".join(f"{t} {k} {n}" for (t, k), n in sorted(by_target.items()))
    )
    print(
        "  verdicts (validate exit code, load()): "
        + ", ".join(f"{code}/{load} {n}" for (code, load), n in sorted(verdicts.items(), key=str))
    )
    for o in summary.outcomes:
        if o.missed or o.crash or o.hang or o.load == "wrong":
            print(
                f"  !! {o.mutation}: missed={o.missed} crash={o.crash} hang={o.hang} load={o.load}"
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--count", type=int, default=1000, help="mutations without annotations")
    parser.add_argument("--annotated", type=int, default=200, help="mutations with annotations")
    parser.add_argument(
        "--frictionless", type=int, default=50, help="mutations also run by frictionless"
    )
    args = parser.parse_args()
    total = Summary()
    with tempfile.TemporaryDirectory() as work:
        for label, count, annotated, frictionless, seed in (
            ("without annotations (as downloaded)", args.count, False, False, args.seed),
            ("with annotations (validate rebuilds)", args.annotated, True, False, args.seed + 1),
            ("with frictionless", args.frictionless, False, True, args.seed + 2),
        ):
            if not count:
                continue
            start = time.perf_counter()
            summary = run(
                args.data,
                Path(work),
                seed=seed,
                count=count,
                with_annotations=annotated,
                frictionless=frictionless,
            )
            _report(label, summary, time.perf_counter() - start)
            total.outcomes += summary.outcomes
    print(f"\ntotal: {total.line()}")
    bad = total.count("missed") + total.count("crash") + total.count("hang")
    return 1 if bad or any(o.load == "wrong" for o in total.outcomes) else 0


if __name__ == "__main__":
    raise SystemExit(main())
