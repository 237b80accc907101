"""Read back the text and highlights of a site page with the standard HTML parser.

Used by the site tests (without a browser) to check that an article page's
``#text`` holds exactly the source text and that each span's marks spell its
quote at its offsets. Offsets here are Python str offsets, as in the evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


@dataclass
class Marked:
    keys: tuple[str, ...]
    start: int
    end: int
    text: str
    classes: tuple[str, ...]


@dataclass
class PageText:
    text: str = ""
    marks: list[Marked] = field(default_factory=list)
    anchors: dict[str, dict[str, str]] = field(default_factory=dict)

    def spans(self) -> dict[str, tuple[int, int, str]]:
        """Each key's (start, end, text), from its marks; asserts they are contiguous."""
        runs: dict[str, list[Marked]] = {}
        for m in self.marks:
            for k in m.keys:
                runs.setdefault(k, []).append(m)
        out = {}
        for key, marks in runs.items():
            for a, b in zip(marks, marks[1:], strict=False):
                assert a.end == b.start, f"span {key} is not contiguous at {a.end}..{b.start}"
            out[key] = (marks[0].start, marks[-1].end, "".join(m.text for m in marks))
        return out


class _Reader(HTMLParser):
    def __init__(self, root_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root_id = root_id
        self.depth = 0  # elements open inside the root (0: outside)
        self.skip_at: int | None = None  # depth of an open data-nontext element
        self.mark: tuple[tuple[str, ...], tuple[str, ...]] | None = None
        self.page = PageText()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if self.depth == 0:
            if a.get("id") == self.root_id:
                self.depth = 1
            return
        if tag in VOID:
            return
        self.depth += 1
        if "data-nontext" in a and self.skip_at is None:
            self.skip_at = self.depth
            if "anchor" in a.get("class", "").split():
                self.page.anchors[a["id"]] = a
        if tag == "mark" and self.skip_at is None:
            assert self.mark is None, "marks must not nest"
            self.mark = (tuple(a["data-ev"].split()), tuple(a.get("class", "").split()))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.depth == 0 or tag in VOID:
            return
        if self.skip_at == self.depth:
            self.skip_at = None
        if tag == "mark" and self.skip_at is None:
            self.mark = None
        self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth == 0 or self.skip_at is not None:
            return
        start = len(self.page.text)
        self.page.text += data
        if self.mark is not None:
            keys, classes = self.mark
            self.page.marks.append(Marked(keys, start, start + len(data), data, classes))


def read_text(html: str, root_id: str = "text") -> PageText:
    """The text and marks inside the element with id `root_id`, skipping data-nontext."""
    reader = _Reader(root_id)
    reader.feed(html)
    reader.close()
    return reader.page
