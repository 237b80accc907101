"""How long a user waits to load the data, against the floor of importing its two dependencies.

A script that measures and prints (not a test). Run:
    python benchmarks/load_benchmark.py [--rounds N]

Each contender runs in a fresh interpreter, in interleaved rounds (medians):

  floor      import pyarrow.parquet, pydantic
  import     import vnfr_data
  load       import vnfr_data; vnfr_data.load()
  arrow      ... and every table as Arrow
  records    ... and every table as typed records (the target: <= 1.2x the floor)
"""

from __future__ import annotations

import argparse
import sys

from measure import Contender, interleave, machine, ratio_line

STEPS = {
    "floor: import pyarrow.parquet, pydantic": "import pyarrow.parquet, pydantic",
    "import vnfr_data": "import vnfr_data",
    "+ load()": "import vnfr_data; vnfr_data.load()",
    "+ every table as Arrow": (
        "import vnfr_data\nfor t in vnfr_data.load().tables.values(): t.arrow"
    ),
    "+ every table as typed records": (
        "import vnfr_data\nfor t in vnfr_data.load().tables.values(): list(t)"
    ),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    start = Contender("interpreter start-up", [sys.executable, "-c", "pass"])
    steps = [Contender(label, [sys.executable, "-c", code]) for label, code in STEPS.items()]
    interleave([start, *steps], args.rounds)
    print(f"machine: {machine()}")
    print(f"{args.rounds} interleaved rounds, medians of fresh processes (start-up included)")
    print(f"  {'step':<40} {'wall s':>7} {'cpu s':>7} {'peak MB':>8}")
    for c in [start, *steps]:
        print(f"  {c.label:<40} {c.wall:7.3f} {c.cpu:7.3f} {c.peak_mb:8.0f}")
    floor, records = steps[0], steps[-1]
    value = records.wall / floor.wall
    print(
        ratio_line(
            "load() and every typed record / the import floor", value, "<= 1.2", value <= 1.2
        )
    )


if __name__ == "__main__":
    main()
