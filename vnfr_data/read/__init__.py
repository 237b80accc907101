"""What an importer needs: the dataset and its tables (base install only: pyarrow, pydantic)."""

from .dataset import Dataset, load
from .table import Table

__all__ = ["Dataset", "Table", "load"]
