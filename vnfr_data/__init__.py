"""vnfr-data: Vietnam–France relations as typed, evidence-grounded tables.

>>> import vnfr_data
>>> ds = vnfr_data.load()
>>> ds.events.get("ev-2024-10-partnership-upgrade").status
'occurred'

Names are imported on first use (PEP 562): `import vnfr_data` costs nothing
until `load()` or a model is touched, so the command line and its child
processes start without pyarrow or pydantic when they do not need them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._lazy import lazy_exports
from ._version import __version__

if TYPE_CHECKING:
    from .errors import PackageError
    from .read import Dataset, Table, load
    from .schema import RESOURCES
    from .schema.models import (
        Actor,
        Agreement,
        AgreementEvent,
        AgreementParty,
        Claim,
        CrosswalkEntry,
        Event,
        EventParticipant,
        Evidence,
        Figure,
        Record,
        Source,
        Statement,
        Withdrawal,
    )

#: Where each public name lives.
_HOMES = {
    "PackageError": ".errors",
    "Dataset": ".read",
    "Table": ".read",
    "load": ".read",
    "RESOURCES": ".schema",
    **{
        name: ".schema.models"
        for name in (
            "Actor",
            "Agreement",
            "AgreementEvent",
            "AgreementParty",
            "Claim",
            "CrosswalkEntry",
            "Event",
            "EventParticipant",
            "Evidence",
            "Figure",
            "Record",
            "Source",
            "Statement",
            "Withdrawal",
        )
    },
}

__all__ = [
    "RESOURCES",
    "Actor",
    "Agreement",
    "AgreementEvent",
    "AgreementParty",
    "Claim",
    "CrosswalkEntry",
    "Dataset",
    "Event",
    "EventParticipant",
    "Evidence",
    "Figure",
    "PackageError",
    "Record",
    "Source",
    "Statement",
    "Table",
    "Withdrawal",
    "__version__",
    "load",
]


__getattr__, __dir__ = lazy_exports(__name__, _HOMES, __all__)
