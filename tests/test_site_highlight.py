"""Highlighting: overlapping, nested, adjacent and identical spans, non-BMP text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from site_html import read_text

from vnfr_data.site.evidence_html import CONTEXT, context_bounds
from vnfr_data.site.highlight import Span, line_breaks, render, segments
from vnfr_data.sources.sentences import split_sentences


def _cover(segs: list, key: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in segs if key in s.keys]


def test_no_span_is_one_plain_segment() -> None:
    segs = segments(0, 5, [])
    assert [(s.start, s.end, s.keys) for s in segs] == [(0, 5, ())]


def test_nested_span_splits_its_parent() -> None:
    segs = segments(0, 10, [Span("a", 0, 10), Span("b", 2, 5)])
    assert [(s.start, s.end, s.keys, s.opens) for s in segs] == [
        (0, 2, ("a",), ("a",)),
        (2, 5, ("a", "b"), ("b",)),
        (5, 10, ("a",), ()),
    ]


def test_overlapping_spans_share_the_middle() -> None:
    segs = segments(0, 9, [Span("b", 3, 9), Span("a", 0, 6)])
    assert [(s.start, s.end, s.keys) for s in segs] == [
        (0, 3, ("a",)),
        (3, 6, ("a", "b")),
        (6, 9, ("b",)),
    ]


def test_identical_and_adjacent_spans() -> None:
    segs = segments(0, 6, [Span("x", 0, 3), Span("y", 0, 3), Span("z", 3, 6)])
    assert [(s.start, s.end, s.keys, s.opens) for s in segs] == [
        (0, 3, ("x", "y"), ("x", "y")),
        (3, 6, ("z",), ("z",)),
    ]


def test_spans_are_clipped_to_the_range_and_cut_at_breaks() -> None:
    segs = segments(4, 12, [Span("a", 0, 6), Span("b", 10, 20)], breaks=[8, 9, 100])
    assert [(s.start, s.end, s.keys, s.opens) for s in segs] == [
        (4, 6, ("a",), ()),
        (6, 8, (), ()),
        (8, 9, (), ()),
        (9, 10, (), ()),
        (10, 12, ("b",), ("b",)),
    ]


@pytest.mark.parametrize(
    "spans", [[Span("a", 3, 3)], [Span("a", 5, 2)], [Span("a", 0, 1), Span("a", 1, 2)]]
)
def test_bad_spans_are_refused(spans: list[Span]) -> None:
    with pytest.raises(ValueError):
        segments(0, 10, spans)


def test_non_bmp_characters_count_as_one_offset() -> None:
    text = "Hi 😀 there 𝔘nity ok"
    start = text.index("😀")
    emoji = Span("e", start, start + 1)
    word = Span("w", text.index("𝔘"), text.index("𝔘") + len("𝔘nity"))
    both = Span("b", start, text.index(" ok"))
    html = '<div id="text">' + render(text, segments(0, len(text), [emoji, word, both])) + "</div>"
    page = read_text(html)
    assert page.text == text
    spans = page.spans()
    assert spans["e"] == (emoji.start, emoji.end, "😀")
    assert spans["w"] == (word.start, word.end, "𝔘nity")
    assert spans["b"][2] == text[both.start : both.end]


def test_render_escapes_and_marks_depth_and_starts() -> None:
    text = "a <b> & c"
    out = render(text, segments(0, len(text), [Span("o", 0, 9), Span("i", 2, 5)]))
    assert "<b>" not in out and "&lt;b&gt;" in out and "&amp;" in out
    assert '<mark class="hl d2 s" data-ev="o i">&lt;b&gt;</mark>' in out
    assert '<mark class="hl d1 s" data-ev="o">a </mark>' in out


def test_anchor_is_placed_where_each_span_starts() -> None:
    text = "abcdef"
    out = render(
        text,
        segments(0, 6, [Span("p", 1, 4), Span("q", 1, 2)]),
        anchor=lambda k: f"<i id={k}></i>",
    )
    assert out.startswith("a<i id=p></i><i id=q></i><mark")


def test_line_breaks_cut_around_each_newline() -> None:
    assert line_breaks("ab\ncd\n\ne", 0, 8) == [2, 3, 5, 6, 6, 7]
    assert line_breaks("ab\ncd", 3, 5) == []


@pytest.mark.parametrize(
    ("quote", "context"),
    [
        ("second one", "The second one is here."),
        ("The second one is here.", "The second one is here."),
        ("is here. Third", "The second one is here. Third “quoted.”"),
        ("Mr. Smith", "Mr. Smith spoke."),
    ],
)
def test_evidence_context_is_the_sentences_the_quote_touches(quote: str, context: str) -> None:
    text = (
        "Title line\nFirst sentence. The second one is here. Third “quoted.” Mr. Smith spoke.\nNext"
    )
    start = text.index(quote)
    begin, end = context_bounds(text, split_sentences(text), start, start + len(quote))
    assert text[begin:end] == context


def test_evidence_context_is_cut_on_a_long_line() -> None:
    text = "word " * 1000
    start = 2500
    begin, end = context_bounds(text, split_sentences(text), start, start + 4)
    assert (begin, end) == (start - CONTEXT, start + 4 + CONTEXT)


_CHARS = st.sampled_from(list("ab \n.") + ["é", "😀", "𝔘", "<", "&", "\u0301"])


@st.composite
def _text_and_spans(draw: st.DrawFn) -> tuple[str, list[Span]]:
    text = "".join(draw(st.lists(_CHARS, min_size=1, max_size=40)))
    n = draw(st.integers(0, 8))
    spans = []
    for i in range(n):
        a = draw(st.integers(0, len(text) - 1))
        b = draw(st.integers(a + 1, len(text)))
        spans.append(Span(f"k{i}", a, b))
    return text, spans


@settings(max_examples=300, deadline=None)
@given(_text_and_spans())
def test_every_span_renders_exactly_over_its_offsets(case: tuple[str, list[Span]]) -> None:
    text, spans = case
    segs = segments(0, len(text), spans, line_breaks(text, 0, len(text)))
    # Segments tile the range, and each covering set is exactly the spans over it.
    assert [s.start for s in segs][0] == 0 and segs[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(segs, segs[1:], strict=False))
    for seg in segs:
        over = {s.key for s in spans if s.start <= seg.start and s.end >= seg.end}
        assert set(seg.keys) == over
    page = read_text('<div id="text">' + render(text, segs) + "</div>")
    assert page.text == text
    found = page.spans()
    assert set(found) == {s.key for s in spans}
    for span in spans:
        assert found[span.key] == (span.start, span.end, text[span.start : span.end])
        assert _cover(segs, span.key)[0][0] == span.start
