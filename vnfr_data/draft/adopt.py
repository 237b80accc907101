"""What a reviewer does to a draft they accept whole: the adoption step, as code.

A draft writes records that need a not-yet-known actor commented out, and
lists the proposed `actors.yaml` entries in its header. Accepting everything
means appending those entries, uncommenting the records and deleting the
`# DRAFT` markers. The evaluation scores drafts after exactly this step (so a
statement by a newly proposed speaker counts when the speaker is right), and
the tests use it to prove that an accepted draft builds without retyping.
"""

from __future__ import annotations

import re

_PROPOSED = re.compile(r"^# - (\{id: .*\})\s*$")
_COMMENTED = re.compile(r"^(\s+)# (?!DRAFT\b)(.*)$")
_MARKER = re.compile(r"^\s*# DRAFT\b")
_EMPTY_MENTIONS = "mentions: {}  # once actors exist: drop {} and uncomment"


def accept_all(text: str) -> tuple[str, list[str]]:
    """(the annotation file with every drafted record kept and no `# DRAFT` marker left,
    the proposed actors as `actors.yaml` lines)."""
    actors: list[str] = []
    out: list[str] = []
    for line in text.splitlines():
        proposed = _PROPOSED.match(line)
        if proposed:
            actors.append(f"- {proposed.group(1)}")
            continue
        if _MARKER.match(line) or line.startswith("#"):
            continue
        commented = _COMMENTED.match(line)
        kept = commented.group(1) + commented.group(2) if commented else line
        if _MARKER.match(kept):  # a marker inside a commented-out record: it goes too
            continue
        out.append(kept)
    fixed = "\n".join(out).replace(_EMPTY_MENTIONS, "mentions:")
    return fixed + "\n", actors
