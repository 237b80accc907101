"""How long a user waits: import, load(), first table, all typed records.

A script that measures and prints (not a test). Run:
    python benchmarks/load_benchmark.py
"""

from __future__ import annotations

import subprocess
import sys
import time


def _fresh_process(code: str) -> float:
    """Seconds for `code` in a new interpreter, so import caches do not flatter us."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def main() -> None:
    baseline = _fresh_process("pass")
    steps = {
        "import vnfr_data": "import vnfr_data",
        "+ load()": "import vnfr_data; vnfr_data.load()",
        "+ events as Arrow": "import vnfr_data; vnfr_data.load().events.arrow",
        "+ every table as typed records": (
            "import vnfr_data\nds = vnfr_data.load()\nfor t in ds.tables.values(): list(t)"
        ),
    }
    print(f"{'step':<34} {'seconds':>8}   (interpreter start-up {baseline:.3f}s subtracted)")
    for label, code in steps.items():
        runs = sorted(_fresh_process(code) - baseline for _ in range(5))
        print(f"{label:<34} {runs[2]:>8.3f}")


if __name__ == "__main__":
    main()
