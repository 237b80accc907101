"""How long a user waits to load the data, against the floor of importing its two dependencies.

A script that measures and prints (not a test). Run:
    python benchmarks/load_benchmark.py [--rounds N]

Each contender runs in a fresh interpreter, in interleaved rounds (medians):

  floor      import pyarrow.parquet, pydantic
  import     import vnfr_data
  load       import vnfr_data; vnfr_data.load()
  arrow      ... and every table as Arrow
  records    ... and every table as typed records (the target: <= 1.2x the floor)

Not a step but what the floor leaves out: `import pydantic` imports none of
pydantic's model machinery (it is lazy), and a record is a `pydantic.BaseModel`,
so `from pydantic import BaseModel` on top of the floor is printed beside them; and
every step's time includes the interpreter's exit, which a notebook never waits for,
so the floor and the records step are also timed ending with `os._exit(0)`.
Every contender runs once untimed first, and children may write bytecode (to a cache
of their own, see `measure.CHILD_ENV`): an installed wheel has its modules compiled by
pip, so a user never pays for compiling vnfr_data; with PYTHONDONTWRITEBYTECODE set,
as on the benchmark machine, each run recompiled the package from source instead
(19 modules, 36 ms of CPU to compile). The floor's packages are installed and compiled either way.
"""

from __future__ import annotations

import argparse
import sys

from measure import Contender, interleave, machine, ratio_line

FLOOR = "floor: import pyarrow.parquet, pydantic"
RECORDS = "+ every table as typed records"
STEPS = {
    FLOOR: "import pyarrow.parquet, pydantic",
    "import vnfr_data": "import vnfr_data",
    "+ load()": "import vnfr_data; vnfr_data.load()",
    "+ every table as Arrow": (
        "import vnfr_data\nfor t in vnfr_data.load().tables.values(): t.arrow"
    ),
    RECORDS: "import vnfr_data\nfor t in vnfr_data.load().tables.values(): list(t)",
}


#: Not a step: the floor with pydantic's model machinery, which any pydantic record needs.
BASEMODEL = "import pyarrow.parquet, pydantic\nfrom pydantic import BaseModel"
#: Appended to the floor and to the records step for what a session that goes on (a
#: notebook) waits for: the same work without the interpreter's exit, which clears
#: every module and collects pydantic's and pyarrow's objects.
NO_EXIT = "\nimport os\nos._exit(0)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    start = Contender("interpreter start-up", [sys.executable, "-c", "pass"])
    steps = [Contender(label, [sys.executable, "-c", code]) for label, code in STEPS.items()]
    model = Contender("(floor + from pydantic import BaseModel)", [sys.executable, "-c", BASEMODEL])
    kept = [
        Contender(f"({label}, no exit)", [sys.executable, "-c", STEPS[label] + NO_EXIT])
        for label in (FLOOR, RECORDS)
    ]
    extra = [model, *kept]
    interleave([start, *steps, *extra], args.rounds, warmup=True)
    print(f"machine: {machine()}")
    print(f"{args.rounds} interleaved rounds, medians of fresh processes (start-up included)")
    print(f"  {'step':<50} {'wall s':>7} {'cpu s':>7} {'peak MB':>8}")
    for c in [start, *steps, *extra]:
        print(f"  {c.label:<50} {c.wall:7.3f} {c.cpu:7.3f} {c.peak_mb:8.0f}")
    floor, records = steps[0], steps[-1]
    value = records.wall / floor.wall
    print(
        ratio_line(
            "load() and every typed record / the import floor", value, "<= 1.2", value <= 1.2
        )
    )
    print(f"  (floor + BaseModel alone / the import floor: {model.wall / floor.wall:.2f}x)")
    session = kept[1].wall / kept[0].wall
    print(f"  (the same two without the interpreter's exit, as in a notebook: {session:.2f}x)")


if __name__ == "__main__":
    main()
