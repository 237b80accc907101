"""Every speed target of the project, measured side by side in one run, references included.

A script that measures and prints (not a test). Run:
    python benchmarks/ratios.py            # the sizes of the targets (about 10-15 minutes)
    python benchmarks/ratios.py --quick    # small sizes, few rounds (about 2 minutes)

Each contender runs in a fresh process, in interleaved rounds (`measure`), and
the ratios are of medians. What is compared:

  validation package (1,000,000 evidence rows, `validate_benchmark.generate`):
    ours        vnfr-data validate DIR --no-frictionless --no-build-check
    plain       benchmarks/plain_reference.py DIR (the same checks in plain Arrow)
    fl          frictionless validate DIR/datapackage.json (once: it takes minutes)
  shipped data (the package's own data/):
    default     vnfr-data validate
    ours alone  vnfr-data validate --no-frictionless --no-build-check
    ours half   vnfr-data validate --no-frictionless (the fresh-build check included)
    fl half     frictionless validate datapackage.json
    floor       python -c "import pyarrow.parquet, pydantic"
  loading:
    records     import vnfr_data; every table of load() as typed records
  building (5,000 synthetic articles, `build_benchmark.make_corpus`):
    full        vnfr-data build --data DIR with no cache
    one edit    the same after one annotation is edited (the cache of the full build)

`--quick` uses 100,000 evidence rows and 1,000 articles: its ratios show the
direction, not the targets' numbers.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from build_benchmark import _edit, make_corpus
from measure import Contender, Run, interleave, machine, ratio_line, run
from validate_benchmark import generate, rows_in, write

from vnfr_data.paths import data_dir

HERE = Path(__file__).resolve().parent
PY = sys.executable
CLI = [PY, "-m", "vnfr_data"]
FRICTIONLESS = str(Path(PY).with_name("frictionless"))
FLOOR = "import pyarrow.parquet, pydantic"
MODEL = "\nfrom pydantic import BaseModel\nclass A(BaseModel):\n    x: int\nA.model_construct(x=1)"
COMPUTE = "\nimport pyarrow.compute, pyarrow.csv"
#: A fresh, small interpreter that runs the command and reports its peak memory: a child
#: forked straight from this (large) process would count this process's pages as its own
#: high-water mark (ru_maxrss survives fork and exec).
PEAK = (
    "import resource, subprocess, sys\n"
    "r = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE)\n"
    "sys.stdout.buffer.write(r.stdout)\n"
    "print(f'\\npeak-kb {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}')\n"
    "sys.exit(r.returncode)"
)
RECORDS = "import vnfr_data\nfor t in vnfr_data.load().tables.values(): list(t)"


def _peak_mb(c: Contender) -> float | None:
    """The child's own peak when it ran through PEAK (else unknown: see PEAK)."""
    found = [line for r in c.runs for line in r.stdout.splitlines() if line.startswith("peak-kb ")]
    return max(int(line.split()[1]) for line in found) / 1024 if found else None


def _table(contenders: list[Contender]) -> None:
    print(f"  {'':<46} {'runs':>4} {'wall s':>8} {'cpu s':>7} {'peak MB':>8}")
    for c in contenders:
        peak = _peak_mb(c)
        shown = f"{peak:8.0f}" if peak is not None else f"{'-':>8}"
        print(f"  {c.label:<46} {len(c.runs):>4} {c.wall:8.3f} {c.cpu:7.2f} {shown}")


def validation(work: Path, evidence: int, rounds: int, fl_rounds: int) -> list[str]:
    start = time.perf_counter()
    root = work / "package"
    # In a child: this process stays small (see PEAK).
    made = run([PY, str(Path(__file__).resolve()), "--generate", str(evidence), str(root)])
    if made.returncode != 0:
        raise SystemExit(f"generating the package failed:\n{made.stdout}")
    rows = rows_in(root)
    print(
        f"\nvalidation package: {rows:,} rows in 12 tables ({evidence:,} evidence rows), "
        f"generated in {time.perf_counter() - start:.0f} s"
    )
    peak = [PY, "-c", PEAK]
    ours = Contender(
        "ours: validate --no-frictionless --no-build-check",
        [*peak, *CLI, "validate", str(root), "--no-frictionless", "--no-build-check"],
    )
    plain = Contender(
        "plain pyarrow.csv + pyarrow.compute reference",
        [*peak, PY, str(HERE / "plain_reference.py"), str(root)],
    )
    fl = Contender(
        "frictionless validate",
        [*peak, FRICTIONLESS, "validate", str(root / "datapackage.json")],
        rounds=fl_rounds,
    )

    def check(c: Contender, r: Run) -> None:
        if r.returncode != 0:
            raise SystemExit(f"{c.label} found problems in the valid package:\n{r.stdout[-2000:]}")

    interleave([ours, plain, fl], rounds, check=check)
    _table([ours, plain, fl])
    size = f"{evidence / 1e6:g}M-evidence package"
    ref = ours.wall / plain.wall
    fast = fl.wall / ours.wall
    mem = (_peak_mb(ours) or 0) / (_peak_mb(fl) or 1)
    return [
        ratio_line(f"validate / plain-Arrow reference ({size})", ref, "<= 1.0", ref <= 1.0),
        ratio_line(f"frictionless / validate ({size})", fast, ">= 15", fast >= 15),
        ratio_line("validate peak memory / frictionless peak memory", mem, "<= 1.0", mem <= 1.0),
    ]


def shipped(rounds: int) -> tuple[list[str], Contender]:
    package = data_dir() / "datapackage.json"
    print(f"\nshipped data: {package}")
    default = Contender("default: vnfr-data validate", [*CLI, "validate"])
    ours = Contender(
        "ours alone: --no-frictionless --no-build-check",
        [*CLI, "validate", "--no-frictionless", "--no-build-check"],
    )
    build = Contender(
        "ours half: --no-frictionless (build check in)", [*CLI, "validate", "--no-frictionless"]
    )
    fl = Contender(
        "frictionless half: frictionless validate", [FRICTIONLESS, "validate", str(package)]
    )
    floor = Contender(f"floor: {FLOOR}", [PY, "-c", FLOOR])
    records = Contender("load() + every table as typed records", [PY, "-c", RECORDS])
    # Not references: what the floor leaves out, for reading the ratios against it.
    model = Contender("(floor + one pydantic model class)", [PY, "-c", FLOOR + MODEL])
    compute = Contender("(floor + pyarrow.compute, pyarrow.csv)", [PY, "-c", FLOOR + COMPUTE])
    every = [default, ours, build, fl, floor, records, model, compute]
    interleave(every, rounds, warmup=True)
    for c in every:
        bad = [r.returncode for r in c.runs if r.returncode != 0]
        if len(bad) == len(c.runs):
            raise SystemExit(f"{c.label} exited {bad[0]}:\n{c.runs[0].stdout[-2000:]}")
        if bad:  # said, and left out of the medians
            print(f"  NOTE: {c.label}: {len(bad)} of {len(c.runs)} runs failed (exit {bad})")
            c.runs = [r for r in c.runs if r.returncode == 0]
    _table(every)
    # The default runs ours (every check but frictionless, the fresh-build check included)
    # and frictionless: its halves are `--no-frictionless` and frictionless alone.
    halves = max(build.wall, fl.wall)
    wait = default.wall / halves
    alone = ours.wall / floor.wall
    load = records.wall / floor.wall
    slower = "frictionless" if fl.wall >= build.wall else "--no-frictionless"
    return [
        ratio_line(f"default validate / slower half ({slower})", wait, "<= 1.2", wait <= 1.2),
        ratio_line(
            "--no-frictionless --no-build-check / import floor", alone, "<= 1.5", alone <= 1.5
        ),
        ratio_line("load() + every typed record / import floor", load, "<= 1.2", load <= 1.2),
    ], floor


def building(work: Path, articles: int, rounds: int) -> list[str]:
    start = time.perf_counter()
    root = work / "corpus" / "data"
    make_corpus(root, articles)
    cache = root.parent / ".cache"
    print(
        f"\nbuild: {articles:,} synthetic articles, made in {time.perf_counter() - start:.0f} s"
        " (the cache beside the data directory, emptied before each full build)"
    )
    cmd = [PY, "-c", PEAK, *CLI, "build", "--data", str(root)]
    full: list[Run] = []
    edit: list[Run] = []
    for i in range(rounds):
        shutil.rmtree(cache, ignore_errors=True)
        full.append(_run_checked(cmd, "full build"))
        _edit(root, i)
        edit.append(_run_checked(cmd, "rebuild after one edit"))
        print(f"  round {i + 1}/{rounds} done", file=sys.stderr, flush=True)
    check = _run_checked(
        [*CLI, "build", "--data", str(root), "--check"], "build --check", allow=True
    )
    print(f"  {'':<46} {'runs':>4} {'wall s':>8} {'cpu s':>7} {'peak MB':>8}")
    for label, runs in (("full build (no cache)", full), ("rebuild after one edit", edit)):
        wall = statistics.median(r.wall for r in runs)
        cpu = statistics.median(r.cpu for r in runs)
        peak = _peak_mb(Contender(label, cmd, runs=runs))
        print(f"  {label:<46} {len(runs):>4} {wall:8.3f} {cpu:7.2f} {peak or 0:8.0f}")
    same = check.returncode == 0
    print(
        "  a fresh `build --check` (no cache) agrees with the rebuild's files: "
        + ("yes, byte for byte" if same else "NO")
    )
    value = statistics.median(e.wall / f.wall for f, e in zip(full, edit, strict=True))
    return [
        ratio_line(
            f"one-edit rebuild / full build ({articles:,} articles)",
            value,
            "<= 0.10",
            value <= 0.10,
        )
    ]


def _run_checked(cmd: list[str], label: str, allow: bool = False) -> Run:
    r = run(cmd)
    if r.returncode != 0 and not allow:
        raise SystemExit(f"{label} exited {r.returncode}:\n{r.stdout[-2000:]}")
    return r


def main() -> None:
    if sys.argv[1:2] == ["--generate"]:  # the child that writes the validation package
        tables, articles = generate(int(sys.argv[2]))
        write(Path(sys.argv[3]), tables, articles)
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, few rounds")
    parser.add_argument("--evidence-rows", type=int)
    parser.add_argument("--articles", type=int)
    parser.add_argument("--rounds", type=int, help="rounds of the validation and build contenders")
    parser.add_argument("--skip", nargs="*", default=[], choices=["validation", "shipped", "build"])
    args = parser.parse_args()
    evidence = args.evidence_rows or (100_000 if args.quick else 1_000_000)
    articles = args.articles or (1_000 if args.quick else 5_000)
    rounds = args.rounds or (2 if args.quick else 3)
    print(f"machine at start: {machine()}")
    lines: list[str] = []
    with tempfile.TemporaryDirectory(prefix="vnfr-ratios-") as tmp:
        work = Path(tmp)
        if "shipped" not in args.skip:
            found, _floor = shipped(5 if args.quick else 15)
            lines += found
        if "validation" not in args.skip:
            lines += validation(work, evidence, rounds, rounds if args.quick else 1)
        if "build" not in args.skip:
            lines += building(work, articles, rounds)
    print(f"\nmachine at end: {machine()}")
    print("ratios (medians of interleaved fresh processes):")
    for line in lines:
        print(line)


if __name__ == "__main__":
    main()
