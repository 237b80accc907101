"""Build time: a full build of a synthetic corpus, and a rebuild after one edited annotation.

A script that measures and prints (not a test). Run:
    python benchmarks/build_benchmark.py [N_ARTICLES] [--rounds N] [--scaling 100 1000 ...]

Each synthetic article has a furniture line, a body of 20 sentences and an
annotation file with events, participants, statements, an agreement and
figures, all quoting the body, so every stage of the build is exercised.

`vnfr-data build --data DIR` runs in a fresh process, in interleaved rounds
(medians): the full build (no cache yet: every file parsed, the cache and the
snapshot written), then the same build after one annotation is edited (its
file parsed, the rest from the cache). The target is a rebuild at most 10% of
the full build. After the last round a fresh `build --check` (no cache) must
agree, byte for byte, with what the rebuild wrote. `--scaling` also times the
full build in-process at other sizes (articles per second should stay flat).
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml
from measure import Run, machine, ratio_line, run

from vnfr_data.build import build_tables
from vnfr_data.publish import render

REPO = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "vnfr_data"]


def _article(i: int) -> tuple[str, str]:
    source_id = hashlib.sha256(str(i).encode()).hexdigest()[:16]
    sentences = [
        f"Minister Alpha {i} met Minister Beta {i} in Hanoi on May {1 + i % 28}.",
        *[f"Alpha {i} affirmed point {k} of the talks number {i}." for k in range(16)],
        f"Trade number {i} reached {1 + i % 9}.{i % 10} billion USD, up {i % 20} percent.",
        f"Both sides agreed to implement the Framework {i} Agreement (FA{i}).",
        f"The next round number {i} is scheduled for October.",
    ]
    text = f"Headline {i}\nMenu | Home | News\n" + " ".join(sentences) + "\nSee also\n"
    return source_id, text


def _annotation(i: int, source_id: str, text: str) -> dict[str, object]:
    body = text.split("\n")[2]
    statements = [
        {
            "id": f"st-{source_id[:8]}-{k:02d}",
            "speaker": f"alpha-{i}",
            "event": f"ev-2025-05-talks-{i}",
            "type": "affirm",
            "quote_kind": "paraphrase",
            "topics": ["cooperation"],
            "evidence": [f"affirmed point {k} of the talks number {i}."],
        }
        for k in range(16)
    ]
    return {
        "source": {
            "id": source_id,
            "file": f"{i:05d}_{source_id}.txt",
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "title": f"Headline {i}",
            "published_date": "2025-05-28",
            "published_date_precision": "day",
            "published_date_basis": "stated",
            "language": "en",
            "body": {"start": body[:30], "end": body[-25:]},
        },
        "mentions": {
            f"alpha-{i}": [f"Minister Alpha {i} met"],
            f"beta-{i}": [f"Minister Beta {i} in"],
        },
        "events": [
            {
                "id": f"ev-2025-05-talks-{i}",
                "type": "talks",
                "title": f"Talks {i}",
                "date_start": "2025-05-01",
                "date_end": "2025-05-31",
                "date_precision": "month",
                "date_basis": "inferred",
                "date_note": "year from the publication date",
                "status": "occurred",
                "location": "Hanoi",
                "country": "VN",
                "participants": [
                    {
                        "actor": f"alpha-{i}",
                        "role": "Minister",
                        "participation": "host",
                        "evidence": [f"Minister Alpha {i} met"],
                    },
                ],
                "evidence": [f"met Minister Beta {i} in Hanoi"],
            }
        ],
        "statements": statements,
        "agreements": [
            {
                "id": f"ag-fa-{i}",
                "name": f"Framework {i} Agreement",
                "short_name": f"FA{i}",
                "type": "cooperation_mechanism",
                "status": "being_implemented",
                "evidence": [f"the Framework {i} Agreement (FA{i})"],
            }
        ],
        "figures": [
            {
                "id": f"fig-{source_id[:8]}-01",
                "metric": "trade_value",
                "subject": f"trade number {i}",
                "value": (1 + i % 9) * 10**9 + (i % 10) * 10**8,
                "unit": "USD",
                "qualifier": "exact",
                "as_reported": f"{1 + i % 9}.{i % 10} billion USD",
                "evidence": [f"reached {1 + i % 9}.{i % 10} billion USD"],
            },
        ],
    }


def make_corpus(root: Path, n: int) -> None:
    shutil.copytree(REPO / "data" / "reference", root / "reference")
    (root / "articles").mkdir(parents=True)
    (root / "annotations").mkdir()
    actors = []
    for i in range(n):
        source_id, text = _article(i)
        (root / "articles" / f"{i:05d}_{source_id}.txt").write_text(text, encoding="utf-8")
        doc = _annotation(i, source_id, text)
        (root / "annotations" / f"{source_id}.yaml").write_text(
            yaml.safe_dump(doc), encoding="utf-8"
        )
        actors += [
            {"id": f"alpha-{i}", "name": f"Alpha {i}", "type": "person", "country": "VN"},
            {"id": f"beta-{i}", "name": f"Beta {i}", "type": "person", "country": "FR"},
        ]
    (root / "annotations" / "actors.yaml").write_text(yaml.safe_dump(actors), encoding="utf-8")


def _scaling(sizes: list[int]) -> None:
    print(
        f"  {'articles':>8} {'records':>8} {'evidence':>9} {'build s':>8} {'render s':>9} {'articles/s':>11}"
    )
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "data"
            make_corpus(root, n)
            start = time.perf_counter()
            result = build_tables(root)
            built = time.perf_counter()
            render(result)
            done = time.perf_counter()
            records = sum(
                result.tables[t].num_rows for t in ("events", "statements", "figures", "agreements")
            )
            evidence = result.tables["evidence"].num_rows
            print(
                f"  {n:>8} {records:>8} {evidence:>9} {built - start:>8.2f} {done - built:>9.2f} "
                f"{n / (done - start):>11.0f}"
            )


def _edit(root: Path, round_: int) -> None:
    """Change one annotation (a title) the way a contributor would."""
    path = sorted(p for p in (root / "annotations").glob("*.yaml") if p.name != "actors.yaml")[7]
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.startswith("  title: Talks "):
            lines[i] = f"  title: Talks edited in round {round_}\n"
            break
    else:
        raise SystemExit("no event title to edit")
    path.write_text("".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="?", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--scaling", type=int, nargs="*", default=[])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        make_corpus(root, args.articles)
        cache = Path(tmp) / ".cache"
        build = [*CLI, "build", "--data", str(root)]
        full: list[Run] = []
        edit: list[Run] = []
        for i in range(args.rounds):
            shutil.rmtree(cache, ignore_errors=True)
            full.append(run(build))
            _edit(root, i)
            edit.append(run(build))
            for r in (full[-1], edit[-1]):
                if r.returncode != 0:
                    raise SystemExit(f"build failed: {r.stdout}")
            print(f"  round {i + 1}/{args.rounds} done", file=sys.stderr, flush=True)
        check = run([*CLI, "build", "--data", str(root), "--check"])
        same = check.returncode == 0
        print(f"machine: {machine()}")
        print(
            f"{args.articles} articles; {args.rounds} interleaved rounds of fresh `vnfr-data build`"
            " processes, medians"
        )
        print(f"  {'':<40} {'wall s':>7} {'cpu s':>7} {'peak MB':>8}")
        for label, runs in (("full build (no cache)", full), ("rebuild after one edit", edit)):
            wall = statistics.median(r.wall for r in runs)
            cpu = statistics.median(r.cpu for r in runs)
            peak = max(r.peak_mb for r in runs)
            print(f"  {label:<40} {wall:7.2f} {cpu:7.2f} {peak:8.0f}")
        value = statistics.median(e.wall / f.wall for f, e in zip(full, edit, strict=True))
        print(ratio_line("one-edit rebuild / full build", value, "<= 0.10", value <= 0.10))
        print(
            "  a fresh `build --check` agrees with the rebuild's files: "
            + ("yes (byte for byte)" if same else "NO")
        )
    if args.scaling:
        print("full build in-process, by corpus size:")
        _scaling(args.scaling)


if __name__ == "__main__":
    main()
