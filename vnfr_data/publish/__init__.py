"""Publish: render the tables to CSV, Parquet and a descriptor, then swap them in atomically.

Names are imported on first use (PEP 562): validate and the rules import
`publish.writers` (the one CSV spelling of a cell) without the descriptor, the
lock and the swap, and their imports (subprocess among them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:
    from ..read.descriptor import DESCRIPTOR
    from .descriptor import render, sha256_hex
    from .lock import LOCK, PublishRefused, shared
    from .swap import MANIFEST, STAGING, pending, publish, recover, unchanged

#: Where each public name lives.
_HOMES = {
    "DESCRIPTOR": "..read.descriptor",
    "render": ".descriptor",
    "sha256_hex": ".descriptor",
    "LOCK": ".lock",
    "PublishRefused": ".lock",
    "shared": ".lock",
    **{
        name: ".swap"
        for name in ("MANIFEST", "STAGING", "pending", "publish", "recover", "unchanged")
    },
}

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


__getattr__, __dir__ = lazy_exports(__name__, _HOMES, __all__)
