"""What validation has read so far, shared by its stages."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..read.verified import Digest
from ..rules import Tables
from ..rules.locate import Where
from .package import PackageDir


@dataclass
class PackageState:
    pkg: PackageDir
    tables: Tables = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    #: The CSV row of each row of a table that does not hold every row of its file in
    #: order (rows were skipped); absent for the others: row i is CSV row i + 2.
    rows: dict[str, np.ndarray] = field(default_factory=dict)
    #: Size and sha256 of every package file read so far, by path in the package
    #: (each file is hashed once; its bytes are not kept).
    digests: dict[str, Digest] = field(default_factory=dict)

    @property
    def where(self) -> Where:
        return Where(self.files, self.rows)
