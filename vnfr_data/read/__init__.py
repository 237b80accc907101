"""What an importer needs: the dataset and its tables (base install only: pyarrow, pydantic).

Names are imported on first use (PEP 562): validate reads the descriptor through
`read.descriptor` without importing the dataset and table classes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:
    from .dataset import Dataset, load
    from .table import Table

_HOMES = {"Dataset": ".dataset", "load": ".dataset", "Table": ".table"}

__all__ = ["Dataset", "Table", "load"]


__getattr__, __dir__ = lazy_exports(__name__, _HOMES, __all__)
