"""Where the article body begins and ends among the classified lines of a page.

The body is the run of prose between the header and the first line that closes
the article. Not every furniture line closes it: a "Share" button, an
"Advertisement" label, a "Sign up for ..." appeal or a "Published on: ..." line
can sit between two paragraphs of one article. Such a line is *soft*: the body
goes on when article prose follows it at once. A list head ("Related", "Tags:"),
a credit ("VNA"), a copyright or a bare timestamp closes it for good. When the
page's shape gives no body at all, the longest run of prose is taken as a
best-effort body and the layout says so (the draft repeats it for the reviewer),
rather than drafting nothing. Every look-ahead is bounded: linear in the page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from .text import Span

#: End markers that are buttons or labels, not the head of a list of other pages.
_SOFT_END = re.compile(
    r"^(?:share(?: this(?: article| story)?)?|print|email|advertisement|sponsored(?: content)?"
    r"|subscribe(?: .*)?|newsletter|follow us(?: on .*)?)\s*[:»›>]?\s*$",
    re.IGNORECASE,
)
#: A labelled page date ("Published on: 18/11/2026 - 18:05"), as opposed to a teaser's timestamp.
_LABELLED_DATE = re.compile(
    r"^\s*(?:published|posted|updated|modified|last updated)\b", re.IGNORECASE
)
_TERMINAL = tuple('.!?"”’')
#: Lines that close the body unless soft.
_CLOSING = frozenset({"end", "timestamp", "credit", "meta"})
#: Lines passed over while looking for the prose that resumes the article.
_PASSED = frozenset({"menu", "caption", "related", "byline"})
_LOOK_AHEAD = 4


class _Line(Protocol):
    @property
    def span(self) -> Span: ...

    @property
    def text(self) -> str: ...

    @property
    def kind(self) -> str: ...


def soft(line: _Line) -> bool:
    """A furniture line that may sit inside an article: a button, a label, an appeal, a date."""
    if line.kind == "end":
        return bool(_SOFT_END.match(line.text))
    if line.kind == "timestamp":
        return bool(_LABELLED_DATE.match(line.text))
    return line.kind == "meta"


def _article_prose(line: _Line) -> bool:
    """A paragraph of the article: prose of a sentence's length that ends like one."""
    return line.kind == "prose" and len(line.text.split()) >= 8 and line.text.endswith(_TERMINAL)


def _resumes(lines: Sequence[_Line], i: int) -> bool:
    """True when article prose follows lines[i] within a few passed-over furniture lines."""
    for j in range(i + 1, min(len(lines), i + 1 + _LOOK_AHEAD)):
        line = lines[j]
        if _article_prose(line):
            return True
        if line.kind in _PASSED or soft(line):
            continue
        return False
    return False


def _shingles(text: str, size: int = 8) -> set[tuple[str, ...]]:
    """Eight-word windows, to spot a line repeated elsewhere on the page."""
    tokens = re.findall(r"\w+", text.lower())
    return {tuple(tokens[i : i + size]) for i in range(max(0, len(tokens) - size + 1))}


def _repeated_later(line: _Line, later: Sequence[_Line]) -> bool:
    """A standfirst or teaser repeats (part of) a later paragraph word for word (a photo
    caption that repeats the lead's names and titles is not a paragraph: the lead stays)."""
    mine = _shingles(line.text)
    if not mine:
        return False
    return any(mine & _shingles(other.text) for other in later if other.kind == "prose")


def _above_header(lines: Sequence[_Line], i: int, stop: int) -> bool:
    """True when a byline or a labelled date follows lines[i] before the next prose line; or
    any header line (a bare date and time, "By X  May 26, 2026 | 09:30", a credit "VNA") that
    the article's paragraphs follow: the line above it is a standfirst, not the article."""
    for j in range(i + 1, min(stop, i + 1 + _LOOK_AHEAD)):
        line = lines[j]
        if line.kind == "prose":
            return False
        if line.kind == "byline" or (line.kind in {"timestamp", "meta"} and soft(line)):
            return any(x.kind == "prose" for x in lines[j + 1 : stop])
        if line.kind in {"timestamp", "meta", "credit"}:
            # a bare timestamp also heads a teaser below a one-paragraph article: only an
            # article below (two paragraphs at least) makes the line above it a standfirst
            below = [x for x in lines[j + 1 : stop][: 2 * _LOOK_AHEAD] if _article_prose(x)]
            return len(below) >= 2 and not _teasers_below(lines, j)
    return False


def _teasers_below(lines: Sequence[_Line], j: int) -> bool:
    """True when the lines after lines[j] are a teaser list (headlines with their own
    timestamps), not an article: another timestamp within the next few lines."""
    return any(x.kind == "timestamp" for x in lines[j + 1 : j + 1 + _LOOK_AHEAD])


def _start(lines: Sequence[_Line], first: int, stop: int, dateline: re.Pattern[str]) -> int:
    """Index of the first body line among lines[first:stop]: the dateline lead, else the first
    prose line that no later line repeats (a standfirst repeats the lead)."""
    candidates = [i for i in range(first, stop) if lines[i].kind == "prose"]
    for i in candidates:
        if dateline.match(lines[i].text):
            return i
    # A standfirst sits above the byline or date line, the article below it.
    candidates = [i for i in candidates if not _above_header(lines, i, stop)] or candidates
    for i in candidates:
        if not _repeated_later(lines[i], lines[i + 1 : stop]):
            return i
    return candidates[0] if candidates else first


#: A bare date line ("26/05/2026", "Monday, May 26, 2026"): a teaser's date, not a label.
_BARE_DATE = re.compile(
    r"^\W*(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|(?:[A-Za-z]+,?\s+)?\d{1,2}\s+"
    r"[A-Za-z]+\.?,?\s+\d{4}|(?:[A-Za-z]+,?\s+)?[A-Za-z]+\.?\s+\d{1,2},\s+\d{4})"
    r"(?:\s*[|,·•-]?\s*\d{1,2}:\d{2}(?:\s*[ap]m)?)?\W*$"
)


def _dated_teaser(line: _Line) -> bool:
    """A teaser's date or time line: a timestamp, or a bare date that no label introduces."""
    if line.kind == "timestamp":
        return not _LABELLED_DATE.match(line.text)
    return line.kind == "meta" and bool(_BARE_DATE.match(line.text))


def _teaser_list(lines: Sequence[_Line], i: int) -> bool:
    """lines[i] is a teaser's date and the list goes on: a headline, then another date."""
    return (
        _dated_teaser(lines[i])
        and i + 2 < len(lines)
        and lines[i + 1].kind in {"prose", "heading"}
        and _dated_teaser(lines[i + 2])
    )


def _end(lines: Sequence[_Line], first: int) -> int:
    """Index of the body's last prose line: the article goes on past soft furniture, and stops
    before a list of dated teasers ("Vietnam and France sign 12 deals ..." over "26/05/2026",
    another headline, another date), whose first headline is no paragraph of the article."""
    last = first
    for i in range(first + 1, len(lines)):
        line = lines[i]
        if line.kind == "prose":
            last = i
        elif _teaser_list(lines, i):
            if last == i - 1 and last > first:
                last = max(j for j in range(first, i - 1) if lines[j].kind == "prose")
            break
        elif line.kind in _CLOSING and not (soft(line) and _resumes(lines, i)):
            break
    return last


def _longest_run(lines: Sequence[_Line]) -> tuple[int, int] | None:
    """First and last index of the longest run of prose (soft furniture inside allowed)."""
    best: tuple[int, int, int] | None = None  # (characters, first, last)
    i = 0
    while i < len(lines):
        if lines[i].kind != "prose":
            i += 1
            continue
        last = _end(lines, i)
        size = lines[last].span.end - lines[i].span.start
        if best is None or size > best[0]:
            best = (size, i, last)
        i = last + 1
    return None if best is None else (best[1], best[2])


def body_lines(
    lines: Sequence[_Line], title_index: int, dateline: re.Pattern[str]
) -> tuple[int, int, str | None] | None:
    """(first, last, note) of the body's lines; the note says when the body is a best effort.

    The body starts after the headline, among the lines before the first list head that
    follows some prose (end markers in the header, such as a "Subscribe" menu, end nothing)."""
    after = title_index + 1
    first_prose = next((i for i in range(after, len(lines)) if lines[i].kind == "prose"), None)
    if first_prose is not None:
        stop = next(
            (
                i
                for i in range(first_prose, len(lines))
                if lines[i].kind == "end" and not soft(lines[i])
            ),
            len(lines),
        )
        first = _start(lines, first_prose, stop, dateline)
        if lines[first].kind == "prose":
            return first, _end(lines, first), None
    run = _longest_run(lines)
    if run is None:
        sized = [i for i, line in enumerate(lines) if len(line.text.split()) >= 5]
        if not sized:
            return None
        longest = max(sized, key=lambda i: len(lines[i].text))
        run = (longest, longest)
        why = "no line of the page reads as prose"
    else:
        why = "no prose follows the headline"
    note = (
        f"best-effort body: {why}, so the body is the page's longest run of text; "
        "check where the article begins and ends"
    )
    return run[0], run[1], note
