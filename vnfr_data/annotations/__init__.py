"""The curated layer: the annotation format and its safe, located loading."""

from .format import QuoteRef, SourceMeta
from .load import annotation_files, load_actors, load_source_file
from .source_file import SourceFile

__all__ = [
    "QuoteRef",
    "SourceFile",
    "SourceMeta",
    "annotation_files",
    "load_actors",
    "load_source_file",
]
