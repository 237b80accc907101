"""Publish: render the tables to CSV, Parquet and a descriptor, then swap them in atomically."""

from ..read.descriptor import DESCRIPTOR
from .descriptor import render, sha256_hex
from .lock import LOCK, PublishRefused, shared
from .swap import MANIFEST, STAGING, pending, publish, recover, unchanged

__all__ = [
    "DESCRIPTOR",
    "LOCK",
    "MANIFEST",
    "STAGING",
    "PublishRefused",
    "pending",
    "publish",
    "recover",
    "render",
    "sha256_hex",
    "shared",
    "unchanged",
]
