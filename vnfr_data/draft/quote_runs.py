"""Quotations that run over several sentences belong to one statement.

News prose quotes a speaker over sentences and attributes the quotation once:

    “France and Vietnam share more than a past. They share a vision,” Macron wrote on X.
    “Our localities have much to learn,” said Marcadier. “Le Havre is only the beginning.”

The attributed sentence is drafted as the statement; a sentence before it that opens the
quotation (and does not close it), or after it that is wholly quoted, with no reporting verb of
its own, is the same speaker's words, so it becomes a further quote of that statement (its text
is the whole claim). Each step looks at the neighbouring sentence only, a bounded number of
times: linear in the article's length.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from .sentences import Sentence
from .text import Span

if TYPE_CHECKING:
    from .statements import DraftStatement

_OPEN, _CLOSE = "“", "”"
_RUN = 3  # sentences a quotation may run over on either side of its attribution
_WHOLLY_QUOTED = re.compile(r"^\s*“[^“”]+”\s*$")


def _opens_only(text: str) -> bool:
    """ "“France and Vietnam share more than a past.": opens a quotation it does not close."""
    t = text.lstrip()
    return t.startswith(_OPEN) and _CLOSE not in t


def _inside(text: str) -> bool:
    """A sentence of a quotation's middle: no quotation mark at all."""
    return _OPEN not in text and _CLOSE not in text


def continue_quotes(
    sentences: list[Sentence], statements: list[DraftStatement]
) -> list[DraftStatement]:
    """`statements`, each quoted one extended over the quoted sentences around it (and then
    direct: its words are a quotation, even where its own sentence holds only the end of it)."""
    taken = {st.sentence for st in statements}
    out: list[DraftStatement] = []
    for st in statements:
        more: list[Span] = []
        s = sentences[st.sentence]
        # Before: the quotation closes in this sentence, opened in an earlier one.
        head = s.text.lstrip()
        closes = _CLOSE in s.text.split(_OPEN)[0] and not head.startswith(_OPEN)
        if closes and st.evidence.start <= s.start + len(s.text) - len(head):
            k = st.sentence - 1
            run: list[Span] = []
            while k >= 0 and st.sentence - k <= _RUN and k not in taken:
                prev = sentences[k]
                if _opens_only(prev.text):
                    more += [prev.span, *reversed(run)]
                    break
                if not _inside(prev.text):
                    break
                run.append(prev.span)
                k -= 1
        # After: whole sentences in quotation marks, with no statement of their own.
        k = st.sentence + 1
        direct = st.quote_kind == "direct" or bool(more)
        while direct and k < len(sentences) and k - st.sentence <= _RUN and k not in taken:
            if not _WHOLLY_QUOTED.match(sentences[k].text):
                break
            more.append(sentences[k].span)
            k += 1
        quoted = dataclasses.replace(st, more=tuple(more), quote_kind="direct")
        out.append(quoted if more else st)
    return out
