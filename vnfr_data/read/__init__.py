"""What an importer needs: the dataset and its tables (base install only: pyarrow, pydantic).

Names are imported on first use (PEP 562): validate reads the descriptor through
`read.descriptor` without importing the dataset and table classes.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .dataset import Dataset, load
    from .table import Table

_HOMES = {"Dataset": ".dataset", "load": ".dataset", "Table": ".table"}

__all__ = ["Dataset", "Table", "load"]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
