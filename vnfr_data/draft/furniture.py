"""Find the article body and mark page furniture, by the shape of lines, not by site.

A saved news page is the article plus furniture: menus, a date line, photo
captions, a credit line, "See also" lists of teasers with timestamps, comment
prompts. Each line is classified on its own form (a caption names a photo, a
timestamp looks like "08:59 | 22/10/2024", an end marker is a bare "See more"),
then the body is the run of prose between the header and the first end marker.
Facts are only ever drafted from prose lines of the body: anything else is
furniture, which is what makes "zero drafts from furniture" hold on pages
nobody has seen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..sources.folding import fold
from ..sources.lexicon import MONTH_NAMES
from .body import body_lines
from .lexicon import CITIES
from .text import Span

#: A photo caption or credit: "(Photo: VNA)", "- Photo: VNA |", "Photo: Reuters", "(Illustrative photo)".
_CAPTION = re.compile(
    r"\(\s*(?:[\w ]{0,20}\s)?(?:photo|photos|image|images|illustration|video|graphic|infographic)"
    r"s?\b[^)]*\)"
    r"|(?:^|[\s|–—-])(?:photo|photos|image|illustration|file photo|video)s?\s*(?:by\s|:|\|)"
    r"|\bphoto\s+courtesy\b"
    r"|\((?:left|right|centre|center|middle|front|[lrc]|(?:second|third) from (?:left|right))\b[^)]{0,20}\)"
    # "— VNS Photo Đoàn Tùng": a credit naming the photographer, diacritics and all
    r"|\bphoto(?:\s*:\s*|\s+)(?-i:(?:[A-ZÀ-ÖØ-ÞĐ][\w.]*\s*){0,3})$",
    re.IGNORECASE,
)
#: "08:59 | 22/10/2024", "22/10/2024 08:59", "10:05 GMT+7", "2 hours ago".
_TIMESTAMP = re.compile(
    r"\b\d{1,2}:\d{2}\s*(?:[|,·•-]\s*)?\d{1,2}/\d{1,2}/\d{2,4}\b"
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}\s*(?:[|,·•-]\s*)?\d{1,2}:\d{2}\b"
    r"|\b\d{1,2}:\d{2}\s*(?:am|pm)?\s*(?:\(?\s*GMT\s*[+-]\s*\d+\s*\)?|ICT|UTC)"
    r"|\b\d+\s+(?:minutes?|hours?|days?)\s+ago\b",
    re.IGNORECASE,
)
#: A line that closes the article: what follows is about other pages.
_END_MARKER = re.compile(
    r"^(?:see also|see more(?: news)?|related|related (?:news|articles?|stories|posts|content)"
    r"|read more|read also|also read|more news|more stories|most (?:read|viewed|popular)"
    r"|latest(?: news)?|multimedia|tags?|keywords?|topics?|share(?: this(?: article| story)?)?"
    r"|comments?|leave a (?:comment|reply)|post a comment|add a comment|write a comment"
    r"|other news|in other news|you (?:may|might) also like|recommended(?: for you)?|back to top"
    r"|top stories|trending|editor[’']s picks?|follow us(?: on .*)?|subscribe(?: .*)?"
    r"|newsletter|advertisement|sponsored(?: content)?"
    # Vietnamese-language sites: "Tin liên quan" (related news), "Tin khác", "Xem thêm"
    r"|tin liên quan|tin khác|tin cùng chuyên mục|bài liên quan|xem thêm|đọc thêm)"
    r"\s*(?:\(\d+\))?\s*[:»›>]?\s*$",
    re.IGNORECASE,
)
#: "Tags: a, b", "Keywords: ..." also close the article.
_LIST_MARKER = re.compile(r"^(?:tags?|keywords?|topics?)\s*:", re.IGNORECASE)
#: An inline pointer to another article inside the body: "Read more: ...", "Related: ...".
_INLINE_RELATED = re.compile(
    r"^(?:read more|read also|also read|see also|related(?: news| article| story)?|more)\s*[:>»›]\s*\S",
    re.IGNORECASE,
)
#: Comment prompts, reading times, date headers: page metadata.
_META = re.compile(
    r"\bno comments?\b|\bleave a (?:comment|reply)\b|\b\d+\s+comments?\b|\bcomments?\s*\(\d+\)"
    r"|\bbe the first to comment\b|\b\d+\s*-?\s*min(?:ute)?s?\s+read\b"
    r"|^\s*(?:date|published|posted|updated|last updated|posted on|published on)\b\s*:?\s*\S*\d"
    r"|^\s*(?:home|news)\s*[|»›>/]",
    re.IGNORECASE,
)
#: "By Nguyen Van An", "Reporter: ...", "Written by ...".
_BYLINE = re.compile(
    r"^(?i:by|reporter|reporters|written by|author|story by|text by|edited by|posted by)\s*:?\s+"
    r"[A-Z][\w’'.-]*(?:\s+(?:(?:and|with|in|de|du|van|le|la)\s+)?[A-Z][\w’'.-]*){0,7}"
    r"\s*(?:[,|–—-].{0,80})?$"
)
#: A short credit line: "VNA", "VNA/VNS", "Source: Reuters", "(AFP)", "– VNS".
_CREDIT = re.compile(
    r"^[\s(\[–—-]*(?:(?:source|sources|credit|theo)\s*:\s*[\w .&/-]{1,40}"
    r"|[A-Z][A-Z0-9&.]{1,12}(?:\s*[/,&]\s*[A-Z][A-Z0-9&.]{1,12}){0,3})[\s)\]./]*$",
    re.IGNORECASE,
)
_CREDIT_CASE = re.compile(r"^[^a-z]*$|^\s*(?i:source|sources|credit|theo)\s*:")
#: Appeals, subscription and copyright lines, agency disclaimers, wire credits and cookie-consent
#: banners: the page talking about itself ("Donate to keep our journalism free.", "Subscribe to
#: ... for 4.99 USD a month", "Copyright 2026 ...", "Reporting by ...; Editing by ...").
_APPEAL = re.compile(
    r"\b(?:donat(?:e|ion)s?|subscri(?:be|ption|bers?)|newsletter|sign up|log in to|support (?:us|our)"
    r"|all rights reserved|copyright|©|reporting by|editing by|writing by|our standards"
    r"|trust principles|website contains|in summari[sz]ed form|read without limits"
    r"|every contribution|print this article|share this article|follow us"
    r"|did you find this|was this (?:article|story|page) (?:helpful|useful)|rate this (?:article|story)"
    r"|listen to this (?:article|story)"
    # cookie banners, downloads and galleries
    r"|(?:value|respect|care about) your privacy|(?:use|uses|using) cookies"
    r"|cookie (?:settings|policy|preferences)|privacy (?:policy|settings|preferences|notice)"
    r"|photo gallery|bình luận"
    # editors' notes and corrections: the page about its own versions ("Editor's note: this
    # article was updated ...", "Correction: an earlier version said ...")
    r"|editor[’']s note|this (?:article|story) (?:was|has been) (?:updated|corrected|amended)"
    r"|an earlier version of this (?:article|story|report)"
    r"|^(?:correction|clarification|update|updated)(?=\s*:)"
    # social-media prompts: "Follow VnExpress International on Facebook"
    r"|(?:follow|like|join) [\w .&-]{1,40} on (?:facebook|twitter|x|instagram|youtube|tiktok|zalo"
    r"|telegram|linkedin|whatsapp)\b)\b"
    r"|\((?:PDF|DOCX?|XLSX?|PPTX?)\b[^)]{0,20}\)",
    re.IGNORECASE,
)
#: Menus and breadcrumbs: several short items between separators.
_MENU_SEPARATOR = re.compile(r"\s[|»›>·•]\s")
_BREADCRUMB = re.compile(r"^[\w&' -]{1,30}(?:\s[»›>/]\s[\w&' -]{1,30})+$")
#: Capital letters, Vietnamese ones included ("HÀ NỘI", "ĐÀ NẴNG", "HUẾ"): a capitals-only
#: dateline is a city in any alphabet the corpus writes.
_CAPS = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.isupper() and c.lower() != c)
#: A dateline opening the body: "Paris (VNA) - ", "HANOI, May 26 (VNA) – ", "(VOV5) – ", "VOV.VN - ",
#: "HÀ NỘI — ".
DATELINE = re.compile(
    r"^(?:(?:[A-Z][\w .,’'-]{0,40}?\s*)?\([A-Z][\w./ -]{0,20}\)\s*[-–—:]\s+"
    rf"|[{_CAPS}][{_CAPS}0-9]+(?:(?:[.,] ?| )[{_CAPS}0-9]{{2,}})*"
    r"(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2})?\s*[-–—]\s+)"
)
#: Leading date stamp glued to a title line (" date 2025-05-27 Headline ...").
_TITLE_STAMP = re.compile(
    r"^\s*(?:(?:date|published|posted|updated)\s*:?\s*)?\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?\s+",
    re.IGNORECASE,
)
_TERMINAL = tuple('.!?"”’)') + ("./.",)
#: Single interface words of a saved page: "Menu", "Search", "Log in".
_UI_WORD = re.compile(
    r"^(?:menu|search|home|login|log in|sign in|sign up|register|subscribe|english|tiếng việt"
    r"|skip to (?:main )?content|close|back|next|previous|print|email|share|follow us)$",
    re.IGNORECASE,
)
#: A bare time, or a full date, on a short line: "Thursday, 22 May 2025 | 14:30".
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
_MONTH_NAMES = "|".join(MONTH_NAMES)
_DATE_ONLY = re.compile(
    rf"\b\d{{1,2}}\s+(?:{_MONTH_NAMES})\s+\d{{4}}\b|\b(?:{_MONTH_NAMES})\s+\d{{1,2}},\s+\d{{4}}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{4}\b"
)


@dataclass(frozen=True)
class Line:
    """One non-empty line of the page, its stripped span, and what it is."""

    span: Span
    text: str
    kind: str  # title | prose | heading | caption | timestamp | end | related | meta | byline | credit | menu


@dataclass(frozen=True)
class Layout:
    """Where the title and the body are, and which lines are furniture."""

    text: str
    title: Span
    body: Span
    lines: tuple[Line, ...]
    #: Set when the page's shape gave no body and the body is a best effort (say so in the draft).
    note: str | None = None

    @property
    def prose(self) -> tuple[Line, ...]:
        """Body lines facts may be drafted from: prose only (no headings, captions, credits)."""
        return tuple(
            line for line in self.lines if line.kind == "prose" and self.body.contains(line.span)
        )

    @property
    def header(self) -> tuple[Line, ...]:
        """Lines before the body (title, date line, standfirst, captions)."""
        return tuple(line for line in self.lines if line.span.end <= self.body.start)

    @property
    def furniture(self) -> tuple[Span, ...]:
        """Every span that is not body prose: outside the body, or a non-prose body line."""
        spans = [Span(0, self.body.start), Span(self.body.end, len(self.text))]
        spans += [
            line.span
            for line in self.lines
            if self.body.contains(line.span) and line.kind != "prose"
        ]
        return tuple(s for s in spans if len(s) > 0)

    def in_prose(self, span: Span) -> bool:
        """True when `span` lies inside one prose line of the body."""
        return any(line.span.contains(span) for line in self.prose)


def _word_count(text: str) -> int:
    return len(text.split())


def classify(text: str) -> str:
    """The kind of one stripped line, from its form alone (title is decided by position)."""
    n = _word_count(text)
    if _END_MARKER.match(text) or _LIST_MARKER.match(text):
        return "end"
    if _INLINE_RELATED.match(text) and n <= 25:
        return "related"
    if _CAPTION.search(text) and n <= 60:
        return "caption"
    if _UI_WORD.match(text):
        return "menu"
    if (_TIMESTAMP.search(text) and n <= 25) or (_TIME.search(text) and n <= 8):
        return "timestamp"
    if _DATE_ONLY.search(text) and n <= 6 and not text.endswith(_TERMINAL):
        return "meta"
    if _META.search(text) and n <= 60:
        return "meta"
    if _APPEAL.search(text) and n <= 60:
        return "meta"
    if _BYLINE.match(text):
        return "byline"
    if n <= 4 and _CREDIT.match(text) and _CREDIT_CASE.match(text):
        return "credit"
    separators = len(_MENU_SEPARATOR.findall(text))
    if (separators >= 2 and n <= 30) or (separators == 1 and n <= 6) or _BREADCRUMB.match(text):
        return "menu"
    if text.endswith(_TERMINAL) and n >= 5:
        return "prose"
    if n >= 16:
        return "prose"
    return "heading"


def _lines(text: str) -> list[Line]:
    """Every non-empty line with its stripped span and kind."""
    out: list[Line] = []
    offset = 0
    for raw in text.split("\n"):
        lead = len(raw) - len(raw.lstrip())
        stripped = raw.strip()
        if stripped:
            start = offset + lead
            out.append(Line(Span(start, start + len(stripped)), stripped, classify(stripped)))
        offset += len(raw) + 1
    return out


def _label(line: Line, below: list[Line]) -> bool:
    """A masthead ("LE COURRIER DU MEKONG": no small letters) or a section label ("Culture &
    Society": three words or fewer) above a heading of headline size, before any prose."""
    headings = []
    for x in below:
        if x.kind == "prose":
            break
        if x.kind == "heading" and len(x.text.split()) >= 4 and re.search(r"[a-z]", x.text):
            headings.append(x)
    if not headings:
        return False
    return not re.search(r"[a-z]", line.text) or len(line.text.split()) <= 3


def _title(lines: list[Line], text: str) -> tuple[int, Span]:
    """Index and span of the headline: the first line that is not page chrome."""
    for i, line in enumerate(lines):
        stamp = _TITLE_STAMP.match(line.text)
        stamped_title = stamp is not None and len(line.text[stamp.end() :].split()) >= 4
        chrome = {"menu", "meta", "timestamp", "byline", "credit", "caption", "end", "related"}
        if line.kind in chrome and not stamped_title:
            continue
        if line.kind == "prose" and DATELINE.match(line.text):
            break  # the lead of the body: the page has no headline
        if len(line.text.split()) < 3 and any(
            len(x.text.split()) >= 4 for x in lines[i + 1 : i + 6]
        ):
            continue  # a headline has a few words; a lone short line first is page chrome
        if line.kind == "heading" and _label(line, lines[i + 1 : i + 8]):
            continue  # a masthead or a section label above the headline
        start = line.span.start + (stamp.end() if stamp else 0)
        return i, Span(start, line.span.end)
    return -1, Span(0, 0)


def layout(text: str) -> Layout:
    """Title, body and furniture of a saved article page."""
    lines = _lines(text)
    if not lines:
        return Layout(text, Span(0, 0), Span(0, 0), ())
    title_index, title = _title(lines, text)
    if title_index >= 0:
        lines[title_index] = Line(lines[title_index].span, lines[title_index].text, "title")
    found = body_lines(lines, title_index, DATELINE)
    if found is None:
        return Layout(text, title, Span(0, 0), tuple(lines))
    first, last, note = found
    body = Span(lines[first].span.start, lines[last].span.end)
    if title_index < 0:
        title = _lead_title(text, lines[first])
    return Layout(text, title, body, tuple(lines), note)


def _lead_title(text: str, lead: Line) -> Span:
    """A page without a headline (a caption first, then the lead) is titled by the lead's first
    sentence, without its dateline: the only words the page gives for what it is about."""
    m = DATELINE.match(lead.text)
    start = lead.span.start + (m.end() if m else 0)
    end = text.find(". ", start, lead.span.end)
    stop = lead.span.end if end == -1 else end
    if text[stop - 1 : stop] == ".":
        stop -= 1
    return Span(start, stop)


_CITY_KEYS = frozenset(fold(c) for c in CITIES)
_AGENCY_IN_DATELINE = re.compile(
    r"^[^()]{0,40}\((?P<agency>[A-Z][A-Za-z.]{1,15})\)\s*[-–—:]|^(?P<site>[A-Z]{2,}(?:\.[A-Z]{2,})*)\s*[-–—]\s"
)


def publisher(doc: Layout) -> str | None:
    """The agency that signs the article: in the dateline ("Paris (VNA) -"), else the credit line."""
    prose = doc.prose
    if prose:
        m = _AGENCY_IN_DATELINE.match(prose[0].text)
        name: str | None = None
        if m:
            name = m.group("agency") or m.group("site")
            if m.group("site") and fold(name) in _CITY_KEYS:
                name = None  # "PARIS - ...": a place, not a publisher
        if m and name:
            # A site name keeps its brand, not its domain: "VOV.VN" -> "VOV".
            return re.sub(r"\.(?:VN|COM|NET|ORG|FR|INFO)$", "", name, flags=re.IGNORECASE)
    for line in doc.lines:
        if line.span.start >= doc.body.end and line.kind == "credit":
            text = re.sub(
                r"^(?:source|sources|credit)\s*:\s*", "", line.text.strip(" ()[]–—-/."), flags=re.I
            )
            return text.split("/")[0].strip() or None
        if line.span.start >= doc.body.end and line.kind == "end":
            break
    return None
