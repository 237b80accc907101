"""Names a package exports but imports only on first use (PEP 562).

A package's `__init__` lists where each public name lives; `import vnfr_data`
(or `vnfr_data.read`, `vnfr_data.publish`) then costs nothing until a name is
used, which keeps `load()` and `validate` start-up at the import floor.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Collection, Mapping
from typing import Any


def lazy_exports(
    package: str, homes: Mapping[str, str], exported: Collection[str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The module `__getattr__` and `__dir__` of `package`: a name of `homes` is imported
    from its module (relative to `package`) when first asked for, then kept in the
    package's namespace so that the next access is a plain attribute."""
    namespace = vars(sys.modules[package])

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(home, package), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(exported))

    return __getattr__, __dir__
