"""Names of agreements the text describes instead of naming, as a curator would write them.

News prose rarely names a contract: it says what the document is for. A curator names it by
its kind and its object, so the draft does the same:

- "an agreement under which France will help restore the opera house" -> "Agreement on the
  restoration of the opera house" (the verb of the clause as its noun, helpers such as "help"
  or "jointly" dropped);
- "an agreement to buy 20 aircraft" -> "Agreement on the purchase of 20 aircraft";
- "a financing agreement under which France will lend Vietnam 120 million euros for the metro
  line" -> "Financing agreement for the metro line" (a transfer of money is named by what the
  money is for; its amount is a figure, not part of the name);
- "a memorandum of understanding on nuclear training", "an agreement between X and Y" keep
  their words.

A verb the table does not know keeps its infinitive ("Agreement to expand ..."), which a
reviewer reads as plainly as a noun.
"""

from __future__ import annotations

import re

#: Verbs of a purpose clause and the noun a curator names the agreement by.
NOMINALISED: dict[str, str] = {
    "build": "construction",
    "construct": "construction",
    "restore": "restoration",
    "renovate": "renovation",
    "upgrade": "upgrading",
    "modernise": "modernisation",
    "modernize": "modernisation",
    "develop": "development",
    "buy": "purchase",
    "purchase": "purchase",
    "acquire": "acquisition",
    "sell": "sale",
    "supply": "supply",
    "deliver": "delivery",
    "produce": "production",
    "manufacture": "manufacture",
    "train": "training",
    "establish": "establishment",
    "set up": "establishment",
    "create": "creation",
    "open": "opening",
    "operate": "operation",
    "manage": "management",
    "protect": "protection",
    "preserve": "preservation",
    "conserve": "conservation",
    "promote": "promotion",
    "expand": "expansion",
    "strengthen": "strengthening",
    "exchange": "exchange",
    "transfer": "transfer",
    "share": "sharing",
    "implement": "implementation",
    "launch": "launch",
    "design": "design",
    "maintain": "maintenance",
    "repair": "repair",
    "install": "installation",
    "research": "research",
    "study": "study",
    "survey": "survey",
    "recognise": "recognition",
    "recognize": "recognition",
    "cooperate": "cooperation",
    "co-operate": "cooperation",
    "collaborate": "collaboration",
    "combat": "combating",
    "fight": "fight",
    "prevent": "prevention",
    "reduce": "reduction",
    "digitise": "digitisation",
    "digitize": "digitisation",
    "host": "hosting",
}

#: Verbs of giving money: the agreement is named by what the money is for.
TRANSFER_VERBS = frozenset(
    {"lend", "loan", "grant", "give", "provide", "offer", "fund", "finance", "invest", "allocate"}
)

#: Words between the subject and the verb that say nothing about the object.
_HELPERS = r"(?:(?:help|jointly|together|also|further|to|gradually|then)\s+)*"

_CLAUSE = re.compile(
    r"^(?:under which|by which|whereby|through which|that will|which will)\s+"
    r"(?:(?P<subject>[^,;]*?)\s+)?(?:will|would|is to|are to|shall|agreed to|agrees to|commits to)\s+"
    + _HELPERS
    + r"(?P<rest>.+)$"
)
_INFINITIVE = re.compile(r"^to\s+" + _HELPERS + r"(?P<rest>.+)$")
_PURPOSE = re.compile(r"\bfor\s+(?P<purpose>(?:the|a|an)\s+.+|[A-Z].+)$")
_AMOUNT = re.compile(
    r"^(?:[\w-]+\s+)?(?:about\s+|around\s+|up to\s+|some\s+)?(?:[\d.,]+|one|two|three|five|ten)"
    r"(?:\s+(?:million|billion|thousand))?\s+(?:euros?|dollars?|USD|EUR|VND|yen)\b\s*"
)


def _verb_phrase(rest: str) -> str | None:
    """ "restore the opera house" -> "the restoration of the opera house"; "lend Vietnam 120
    million euros for the metro" -> "for the metro"; None when the verb is not known."""
    m = re.match(r"(?P<verb>set up|[a-z-]+)\s+(?P<object>.+)$", rest)
    if m is None:
        return None
    verb, obj = m.group("verb"), m.group("object").strip()
    if verb in TRANSFER_VERBS:
        purpose = _PURPOSE.search(obj)
        return f"for {purpose.group('purpose')}" if purpose else None
    if verb in NOMINALISED:
        obj = re.sub(r"^(?:and|to)\s+", "", obj)
        return f"on the {NOMINALISED[verb]} of {obj}"
    return None


def curated_name(kind: str, tail: str) -> str:
    """A curator's name for a document of `kind` ("agreement", "financing agreement",
    "memorandum of understanding") that the text describes by `tail`, the words after it
    ("under which France will help restore the opera house", "to buy 20 aircraft", "on
    nuclear training", ""). Always a name: the text's own words when no rule fits."""
    head = kind[0].upper() + kind[1:]
    tail = " ".join(tail.split()).strip(" ,;:.")
    if not tail:
        return head
    clause = _CLAUSE.match(tail) or _INFINITIVE.match(tail)
    if clause is not None:
        phrase = _verb_phrase(clause.group("rest"))
        if phrase is not None:
            return f"{head} {phrase}"
        if _INFINITIVE.match(tail):
            return f"{head} {tail}"
        # "under which X will VERB ...": the clause without its subject and modal.
        return f"{head} to {clause.group('rest')}"
    for_money = re.match(r"^(?:worth|valued at)\s+", tail)
    if for_money:
        return head
    tail = _AMOUNT.sub("", tail) if tail.startswith("of ") else tail
    return f"{head} {tail}"
