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


#: For comparing claims (`normal_text`): dashes, single and double quote marks.
_CLAIM_DASHES = dict.fromkeys(
    map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-"
)
_CLAIM_SINGLE = dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032`"), "'")
_CLAIM_DOUBLE = dict.fromkeys(map(ord, "\u201c\u201d\u201e\u201f\u2033"), '"')
_CLAIM_FOLD = {**_CLAIM_DASHES, **_CLAIM_SINGLE, **_CLAIM_DOUBLE}


def normal_text(value: str) -> str:
    """The form two sources' texts of one field are compared in: Unicode NFKC, every
    dash as "-", every single quote or apostrophe as "'", every double quote as '"',
    runs of white space as one space, case folded. Diacritics are kept ("Lâm" is not
    "Lam" here): a claim's words are compared, not searched for."""
    text = unicodedata.normalize("NFKC", value).translate(_CLAIM_FOLD)
    return " ".join(text.split()).casefold()


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
    # "Việt Nam" and "Viet Nam" are spelt "vietnam" in ids, as in the dataset's own ids; so is
    # "Hà Nội" "hanoi" ("the Hà Nội People’s Committee" is hanoi-peoples-committee).
    folded = re.sub(r"\bviet nam\b", "vietnam", fold(text))
    folded = re.sub(r"\bha noi\b", "hanoi", folded)
    parts = re.findall(r"[a-z0-9]+", folded.replace("'", ""))
    return "-".join(parts[:max_words]) or "x"
