"""What an importer needs: the dataset and its tables (base install only: pyarrow, pydantic)."""

from .dataset import Dataset, Table, load

__all__ = ["Dataset", "Table", "load"]
