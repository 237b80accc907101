"""The curated layer: the annotation format and its safe, located loading."""

from .format import QuoteRef, SourceFile, SourceMeta
from .load import annotation_files, load_actors, load_source_file

__all__ = [
    "QuoteRef",
    "SourceFile",
    "SourceMeta",
    "annotation_files",
    "load_actors",
    "load_source_file",
]
