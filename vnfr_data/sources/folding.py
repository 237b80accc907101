"""The one character-folding table: how two spellings of the same words are compared.

News sites mix dash and quote variants freely, and write Vietnamese names with
or without their diacritics ("Việt Nam", "Viet Nam", "Vietnam"; "Tô Lâm",
"To Lam"). Folding maps all of them to one comparison key. It is only ever used
to *compare*: nothing folded is ever written into the data, so quotes stay the
source's own characters.
"""

from __future__ import annotations

import re
import unicodedata

#: Dash, quote and apostrophe variants, and the Vietnamese "đ" that NFKD does not decompose.
FOLD_CHARS: dict[str, str] = {
    "‐": "-",
    "‑": "-",
    "‒": "-",
    "–": "-",
    "—": "-",
    "―": "-",
    "−": "-",
    "’": "'",
    "‘": "'",
    "ʼ": "'",
    "“": '"',
    "”": '"',
    "„": '"',
    "«": '"',
    "»": '"',
    "đ": "d",
    "Đ": "D",
    "\u00a0": " ",
}
_TABLE = str.maketrans(FOLD_CHARS)
_NOT_ALNUM = re.compile(r"[^a-z0-9]")


def _base(c: str) -> str:
    """One character without its diacritics (NFKD, combining marks dropped)."""
    decomposed = unicodedata.normalize("NFKD", c)
    return "".join(x for x in decomposed if not unicodedata.combining(x)) or c


def fold(text: str) -> str:
    """Comparison key: no diacritics, one kind of dash and quote, lower case, single spaces."""
    text = unicodedata.normalize("NFKD", text.translate(_TABLE))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().split())


def fold_keep_length(text: str) -> str:
    """Fold for searching while keeping offsets: exactly one output character per input
    character, so a match in the folded text is at the same offsets in the original."""
    out = []
    for c in text.translate(_TABLE):
        if c.isascii():
            out.append(c.lower())
            continue
        low = _base(c).lower()
        out.append(low[0] if len(low) >= 1 else c)
    return "".join(out)


def name_key(text: str) -> str:
    """Looser key for names: folded, letters and digits only ("Viet Nam" == "Vietnam")."""
    return _NOT_ALNUM.sub("", fold(text))


def slug(text: str, max_words: int = 8) -> str:
    """Lowercase ASCII slug for ids: letters, digits and single hyphens."""
    # "Việt Nam" and "Viet Nam" are spelt "vietnam" in ids, as in the dataset's own ids.
    folded = re.sub(r"\bviet nam\b", "vietnam", fold(text))
    parts = re.findall(r"[a-z0-9]+", folded.replace("'", ""))
    return "-".join(parts[:max_words]) or "x"
