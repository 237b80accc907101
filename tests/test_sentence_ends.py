"""The sentence-end test read from the bytes agrees with the regex it stands for.

`ends_sentence` used to cut a window of characters after each statement's last
span and match `_SENTENCE_END` on it; it now reads the window's characters
from the corpus's bytes, one position at a time. The reference below is the
window and the regex, and random texts full of sentence ends, line feeds and
closing marks (curly and straight), with spans anywhere (at the text's end,
past it, unknown sources), must give the same answer row by row.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given, settings
from hypothesis import strategies as st

from vnfr_data.sources.statement_text import _LOOKAHEAD, _SENTENCE_END, ends_sentence

_CHARS = "ab é.!?\n”’\"')]“("


def _reference(texts: dict[str, str], rows: list[tuple[str, int | None]], body: dict) -> list:
    out = []
    for sid, end in rows:
        text = texts.get(sid)
        if text is None or end is None or end - 1 < 0 or end - 1 > len(text):
            out.append(False)
            continue
        window = text[end - 1 : min(end + _LOOKAHEAD, len(text))]
        matched = pc.match_substring_regex(pa.array([window]), _SENTENCE_END)[0].as_py()
        out.append(bool(matched) or body.get(sid, -1) == end)
    return out


@st.composite
def _cases(draw: st.DrawFn) -> tuple[dict[str, str], list[tuple[str, int | None]], dict]:
    texts = {f"s{i}": draw(st.text(_CHARS, max_size=14)) for i in range(draw(st.integers(1, 3)))}
    rows = []
    for _ in range(draw(st.integers(1, 8))):
        sid = draw(st.sampled_from([*texts, "unknown"]))
        end = draw(st.integers(-1, 17) | st.none())
        rows.append((sid, end))
    body = {sid: draw(st.integers(0, 15)) for sid in texts if draw(st.booleans())}
    return texts, rows, body


@settings(deadline=None, max_examples=300)
@given(_cases())
def test_bytes_agree_with_the_regex(case: tuple[dict, list, dict]) -> None:
    texts, rows, body = case
    per_source = pa.table(
        {
            "source_id": pa.array([r[0] for r in rows], pa.string()),
            "last_end": pa.array([r[1] for r in rows], pa.int64()),
        }
    )
    encoded = {k: v.encode("utf-8") for k, v in texts.items()}
    got = ends_sentence(per_source, encoded, body).tolist()
    assert got == _reference(texts, rows, body)


def test_it_can_fail() -> None:
    texts = {"a": "He said “yes.” Then no", "b": "Done’)"}
    rows = [("a", 13), ("a", 14), ("a", 10), ("a", 22), ("b", 4), ("b", 6), ("a", 3)]
    per_source = pa.table(
        {
            "source_id": pa.array([r[0] for r in rows], pa.string()),
            "last_end": pa.array([r[1] for r in rows], pa.int64()),
        }
    )
    got = ends_sentence(per_source, {k: v.encode() for k, v in texts.items()}, {}).tolist()
    assert got == [True, False, False, True, True, True, False]
    assert got == _reference(texts, rows, {})
