"""The one-pass composer builds exactly the nodes libyaml's composer builds, or the same error.

`safe_yaml` composes a document from the parser's events on an explicit stack,
refusing deep nesting as it goes, instead of scanning the depth first and then
letting libyaml's (recursive) composer parse the text a second time.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from vnfr_data.annotations import safe_yaml
from vnfr_data.paths import data_dir


def _tree(node: yaml.Node | None, seen: set[int] | None = None) -> Any:
    """A node as plain data: tag, value, style and both marks, recursively."""
    if node is None:
        return None
    seen = set() if seen is None else seen
    marks = (node.start_mark.line, node.start_mark.column, node.end_mark.line, node.end_mark.column)
    if id(node) in seen:
        return ("alias", marks)
    seen.add(id(node))
    if isinstance(node, yaml.ScalarNode):
        return ("scalar", node.tag, node.value, node.style, marks)
    if isinstance(node, yaml.SequenceNode):
        return ("seq", node.tag, node.flow_style, marks, [_tree(v, seen) for v in node.value])
    return (
        "map",
        node.tag,
        node.flow_style,
        marks,
        [(_tree(k, seen), _tree(v, seen)) for k, v in node.value],
    )


def _both(text: str) -> tuple[Any, Any]:
    def run(compose: Any) -> Any:
        loader = safe_yaml._SafeLoader(text)
        try:
            return ("ok", _tree(compose(loader)))
        except yaml.YAMLError as exc:
            return ("error", type(exc).__name__, str(exc))
        except safe_yaml._TooDeep as exc:
            return ("deep", exc.line)
        finally:
            loader.dispose()

    return run(safe_yaml._compose), run(lambda loader: loader.get_single_node())


values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8) | st.floats(allow_nan=False),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=25,
)


@settings(deadline=None)
@given(values, st.booleans())
def test_any_document_composes_to_the_same_nodes(value: Any, flow: bool) -> None:
    text = yaml.safe_dump(value, default_flow_style=flow, allow_unicode=True)
    ours, libyaml = _both(text)
    assert ours == libyaml


def test_the_annotations_compose_to_the_same_nodes() -> None:
    for path in sorted((data_dir() / "annotations").glob("*.yaml")):
        ours, libyaml = _both(path.read_text(encoding="utf-8"))
        assert ours == libyaml, path.name


@pytest.mark.parametrize(
    "text",
    [
        "",
        "# only a comment\n",
        "a: &x [1, 2]\nb: *x\n",
        "a: *nowhere\n",
        "a: &x 1\nb: &x 2\n",
        "---\na: 1\n---\nb: 2\n",
        "[1, 2\n",
        "a: b: c\n",
        "? [complex, key]\n: value\n",
        "!!str 12\n",
        "- ! plain\n",
        "a: 'quoted'\nb: \"double\"\nc: |\n  block\n",
    ],
)
def test_special_cases_compose_to_the_same_nodes_or_errors(text: str) -> None:
    ours, libyaml = _both(text)
    assert ours == libyaml


def test_deep_nesting_is_refused_in_the_same_pass() -> None:
    deep = "[" * (safe_yaml.MAX_DEPTH + 1) + "]" * (safe_yaml.MAX_DEPTH + 1)
    loader = safe_yaml._SafeLoader(deep)
    with pytest.raises(safe_yaml._TooDeep):
        safe_yaml._compose(loader)
    ok = "[" * safe_yaml.MAX_DEPTH + "]" * safe_yaml.MAX_DEPTH
    ours, libyaml = _both(ok)
    assert ours == libyaml and ours[0] == "ok"
    # An undefined alias before the deep part: the depth is still what is reported.
    loader = safe_yaml._SafeLoader("- *nowhere\n- " + deep + "\n")
    with pytest.raises(safe_yaml._TooDeep):
        safe_yaml._compose(loader)
