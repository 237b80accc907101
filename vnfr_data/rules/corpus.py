"""The source texts as one `Corpus`, built once for the rules that slice them.

Both the evidence-quotes rule and the statement-texts rule need the texts
concatenated with the byte offset of every character (`sources.slices`): four
bytes a character, computed over the whole corpus. Built by whichever comes
first, through `Inputs.shared`, and dropped once both have had it.
"""

from __future__ import annotations

from ..sources.slices import Corpus
from .declare import Inputs

#: The rules that slice the texts (evidence quotes, statement texts).
USERS = 2


def shared_corpus(data: Inputs) -> tuple[list[str], Corpus]:
    """`Corpus.of(data.texts)`: the source ids in order and their texts as one corpus."""
    return data.shared.get(("corpus", id(data.texts)), lambda: Corpus.of(data.texts), users=USERS)
