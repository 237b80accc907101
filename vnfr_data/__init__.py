"""vnfr-data: Vietnam–France relations as typed, evidence-grounded tables.

>>> import vnfr_data
>>> ds = vnfr_data.load()
>>> ds.events.get("ev-2024-10-partnership-upgrade").status
'occurred'
"""

from ._version import __version__
from .errors import PackageError
from .read import Dataset, Table, load
from .schema import RESOURCES
from .schema.models import (
    Actor,
    Agreement,
    AgreementEvent,
    AgreementParty,
    Conflict,
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

__all__ = [
    "RESOURCES",
    "Actor",
    "Agreement",
    "AgreementEvent",
    "AgreementParty",
    "Conflict",
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
