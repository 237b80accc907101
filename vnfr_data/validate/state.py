"""What validation has read so far, shared by its stages."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..rules import Tables
from ..rules.locate import Where
from .package import PackageDir


@dataclass
class PackageState:
    pkg: PackageDir
    tables: Tables = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    rows: dict[str, np.ndarray] = field(default_factory=dict)
    #: The bytes of every package file read so far, by path in the package.
    raw: dict[str, bytes] = field(default_factory=dict)

    @property
    def where(self) -> Where:
        return Where(self.files, self.rows)
