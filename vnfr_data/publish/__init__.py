"""Publish: render the tables to CSV, Parquet and a descriptor, then swap them in atomically."""

from ..read.descriptor import DESCRIPTOR
from .descriptor import render, sha256_hex
from .swap import MANIFEST, STAGING, publish, recover, unchanged

__all__ = [
    "DESCRIPTOR",
    "MANIFEST",
    "STAGING",
    "publish",
    "recover",
    "render",
    "sha256_hex",
    "unchanged",
]
