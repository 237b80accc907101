"""Build time as the corpus grows: synthetic articles and annotations, then `build_tables` + `render`.

A script that measures and prints (not a test). Run:
    python benchmarks/build_benchmark.py [N_ARTICLES ...]
Each synthetic article has a furniture line, a body of 20 sentences and an
annotation file with events, participants, statements, an agreement and
figures, all quoting the body, so every stage of the build is exercised.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

from vnfr_data.build import build_tables
from vnfr_data.publish import render

REPO = Path(__file__).resolve().parent.parent


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


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [100, 1000]
    print(
        f"{'articles':>8} {'records':>8} {'evidence':>9} {'build s':>8} {'render s':>9} {'articles/s':>11}"
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
                f"{n:>8} {records:>8} {evidence:>9} {built - start:>8.2f} {done - built:>9.2f} "
                f"{n / (done - start):>11.0f}"
            )


if __name__ == "__main__":
    main()
