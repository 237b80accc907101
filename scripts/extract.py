#!/usr/bin/env python3
"""Draft annotations for a new article: the same as `vnfr-data extract ARTICLE`.

python scripts/extract.py data/articles/005_<hash>.txt [--out FILE] [--published YYYY-MM-DD]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from vnfr_data.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(["extract", *sys.argv[1:]]))
