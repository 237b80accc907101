"""Find an actor by what a person would type: its id, its name or an alias.

"To Lam", "to lam", "Tô Lâm" and "to-lam" all name one actor. Case and
diacritics are ignored (NFKD, combining marks dropped; đ counts as d), so a
user need not type Vietnamese accents. A name two actors share is refused
rather than guessed.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from .conditions import suggestions

if TYPE_CHECKING:
    from ..schema.models import Actor
    from .table import Table


class UnknownRecord(KeyError):
    """An id or name that is not in the table; the message lists close matches."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


def fold(text: str) -> str:
    """Lower case, no diacritics, single spaces: the form names are compared in."""
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def resolve_actor(actors: Table[Actor], name_or_id: str) -> Actor:
    """The one actor whose id, name or alias is `name_or_id` (see the module doc)."""
    if not isinstance(name_or_id, str):
        raise TypeError(f"an actor is named by its id, name or alias (a string): {name_or_id!r}")
    found = actors.get(name_or_id)
    if found is not None:
        return found  # type: ignore[no-any-return]
    wanted = fold(name_or_id)
    hits = [a for a in actors if wanted in {fold(n) for n in (a.actor_id, a.name, *a.aliases)}]
    if len(hits) == 1:
        return hits[0]
    if hits:
        raise ValueError(
            f"{name_or_id!r} names several actors: "
            + ", ".join(f"{a.actor_id} ({a.name})" for a in hits)
            + "; pass the actor_id"
        )
    known = [n for a in actors for n in (a.actor_id, a.name, *a.aliases)]
    raise UnknownRecord(
        f"no actor with id, name or alias {name_or_id!r} ({suggestions(name_or_id, known)})"
    )
