"""Parse a contributor's YAML safely: size, depth and alias limits, a line for every path.

Annotation files come from pull requests, so parsing must survive hostile input
(alias bombs, deep nesting, huge files) and still tell a person the line of
every problem.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..errors import ProblemsFound, UnsafeFileError, YamlError
from ..paths import shown
from ..safe_files import UnsafeFile, read_inside, relative_inside

#: Largest annotation file we read; a bigger one is refused, not parsed.
MAX_FILE_BYTES = 8 * 1024 * 1024

#: libyaml's safe loader when present (pure-Python parsing dominates build time otherwise).
_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _Unreadable(yaml.constructor.ConstructorError):
    def __init__(self, problem: str, mark: Any, expected: str) -> None:
        super().__init__(None, None, problem, mark)
        self.expected = expected


class _SafeLoader(_BaseLoader):  # type: ignore[misc]
    """The safe loader, with two changes that keep every mistake a located problem.

    Dates stay text: the annotation models parse them, so `2025-02-30` or year
    `0000` is an error at its field and line instead of an exception inside
    PyYAML. And a value PyYAML cannot construct (an integer of 5,000 digits, an
    explicit `!!timestamp` that is no date) becomes a YAML error at its node.
    """

    yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
        for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
    }

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError, TypeError) as exc:
            problem = str(exc)
            expected = "a plain value: text, a number, true/false, a date as YYYY-MM-DD"
            if "digits" in problem and "integer" in problem:
                problem = "number too long"
                expected = "a number of at most 38 digits"
            raise _Unreadable(
                f"cannot read this value: {problem}", node.start_mark, expected
            ) from None


#: Deepest nesting an annotation file may have; real files stay below 10.
MAX_DEPTH = 100


class _TooDeep(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


def _compose(loader: Any) -> yaml.Node | None:
    """The document's root node, composed from the parser's events without recursion.

    libyaml's composer recurses (a hostile file nesting a million levels deep
    crashes the interpreter), so the nodes are built here on an explicit stack,
    and nesting deeper than MAX_DEPTH is refused as it is met: one pass over
    the text, where a depth scan followed by libyaml's composer took two. The
    nodes, marks and errors are those of PyYAML's composer. A composer error
    (an undefined alias, a duplicate anchor, a second document) is raised only
    once the rest of the stream shows no deeper nesting, as when the depth was
    scanned first.
    """
    loader.get_event()  # stream start
    if loader.check_event(yaml.StreamEndEvent):
        loader.get_event()
        return None
    loader.get_event()  # document start
    anchors: dict[str, yaml.Node] = {}
    #: Open collections, each with the key it holds while its value is composed.
    stack: list[list[Any]] = []
    root: yaml.Node | None = None
    error: yaml.YAMLError | None = None
    while True:
        event = loader.get_event()
        node: yaml.Node | None = None
        if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            if error is None:
                stack[-1][0].end_mark = event.end_mark
            stack.pop()
            if not stack:
                break
            continue
        opens = isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent))
        if opens and len(stack) + 1 > MAX_DEPTH:
            mark = event.start_mark
            raise _TooDeep(mark.line + 1 if mark is not None else 1)
        if error is None:
            node, error = _node(loader, event, anchors)
        if opens:
            stack.append([node, None])
        if error is None:
            if len(stack) > (1 if opens else 0):
                parent = stack[-2] if opens else stack[-1]
                if isinstance(parent[0], yaml.SequenceNode):
                    parent[0].value.append(node)
                elif parent[1] is None:
                    parent[1] = node
                else:
                    parent[0].value.append((parent[1], node))
                    parent[1] = None
            elif root is None:
                root = node
        if not stack:
            break
    loader.get_event()  # document end
    if error is not None:
        raise error
    if not loader.check_event(yaml.StreamEndEvent):
        event = loader.get_event()
        raise yaml.composer.ComposerError(
            "expected a single document in the stream",
            root.start_mark if root is not None else None,
            "but found another document",
            event.start_mark,
        )
    loader.get_event()  # stream end
    return root


def _node(
    loader: Any, event: Any, anchors: dict[str, yaml.Node]
) -> tuple[yaml.Node | None, yaml.YAMLError | None]:
    """The node an event starts (or the one an alias names), as PyYAML's composer makes it."""
    start: Any = event.start_mark
    if isinstance(event, yaml.AliasEvent):
        if event.anchor not in anchors:
            message = "found undefined alias"  # libyaml's wording
            return None, yaml.composer.ComposerError(None, None, message, start)
        return anchors[event.anchor], None
    anchor = event.anchor
    if anchor is not None and anchor in anchors:
        return None, yaml.composer.ComposerError(
            "found duplicate anchor; first occurrence",  # libyaml's wording
            anchors[anchor].start_mark,
            "second occurrence",
            start,
        )
    tag = event.tag
    node: yaml.Node
    if isinstance(event, yaml.ScalarEvent):
        if tag is None or tag == "!":
            tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        end: Any = event.end_mark
        node = yaml.ScalarNode(tag, event.value, start, end, style=event.style)
    elif isinstance(event, yaml.SequenceStartEvent):
        if tag is None or tag == "!":
            tag = loader.resolve(yaml.SequenceNode, None, event.implicit)
        node = yaml.SequenceNode(tag, [], start, None, flow_style=event.flow_style)
    else:
        if tag is None or tag == "!":
            tag = loader.resolve(yaml.MappingNode, None, event.implicit)
        node = yaml.MappingNode(tag, [], start, None, flow_style=event.flow_style)
    if anchor is not None:
        anchors[anchor] = node
    return node, None


class _AliasFound(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


class _BadKey(Exception):
    def __init__(self, line: int, message: str) -> None:
        self.line = line
        self.message = message


def _line_index(root: yaml.Node) -> dict[tuple[Any, ...], int]:
    """Map each path in the document to its line, refusing any node reached twice.

    A node reached twice is an alias: refusing them keeps an alias bomb from
    expanding in anything that walks the data. The walk is iterative, so deep
    nesting cannot overflow the stack.
    """
    out: dict[tuple[Any, ...], int] = {}
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, tuple[Any, ...]]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        if id(node) in seen:
            raise _AliasFound(node.start_mark.line + 1)
        seen.add(id(node))
        out[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for key, value in node.value:
                if id(key) in seen:
                    raise _AliasFound(key.start_mark.line + 1)
                seen.add(id(key))
                if not isinstance(key, yaml.ScalarNode):
                    raise _BadKey(key.start_mark.line + 1, "a key must be a plain name")
                if key.value in keys:
                    raise _BadKey(
                        key.start_mark.line + 1, f"key {key.value!r} appears twice in one mapping"
                    )
                keys.add(key.value)
                stack.append((value, (*path, key.value)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*path, i)) for i, item in enumerate(node.value))
    return out


def line_of(lines: dict[tuple[Any, ...], int], loc: tuple[Any, ...]) -> int | None:
    for cut in range(len(loc), -1, -1):
        if loc[:cut] in lines:
            return lines[loc[:cut]]
    return None


def read_yaml(path: Path, root: Path | None = None) -> tuple[Any, dict[tuple[Any, ...], int]]:
    """Parse one annotation file; returns the data and a path -> line index.

    `root` is the tree the file was contributed in (the data directory): the
    file must be a regular file inside it, reached through no link.
    """
    name = shown(path)
    base = root if root is not None else path.parent
    rel = relative_inside(base, path)
    try:
        if rel is None:
            raise UnsafeFile("outside", name, f"{name} is outside {shown(base)}")
        raw = read_inside(base, rel, MAX_FILE_BYTES)
    except UnsafeFile as exc:
        if exc.kind == "too-large":
            raise ProblemsFound(
                [YamlError("file too large", file=name, expected=f"at most {MAX_FILE_BYTES} bytes")]
            ) from None
        raise ProblemsFound(
            [UnsafeFileError(str(exc), file=name, expected="a regular file, not a link")]
        ) from None
    except OSError as exc:
        raise ProblemsFound([YamlError(f"cannot read file: {exc.strerror}", file=name)]) from None
    return parse_yaml(raw, name)


def parse_yaml(raw: bytes, name: str) -> tuple[Any, dict[tuple[Any, ...], int]]:
    """`read_yaml` for bytes read some other way (a git blob), with the same limits."""
    if len(raw) > MAX_FILE_BYTES:
        raise ProblemsFound(
            [YamlError("file too large", file=name, expected=f"at most {MAX_FILE_BYTES} bytes")]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProblemsFound(
            [YamlError(f"not UTF-8 at byte {exc.start}", file=name, expected="UTF-8 text")]
        ) from None
    loader = _SafeLoader(text)
    try:
        node = _compose(loader)
        lines = _line_index(node) if node is not None else {}
        data = loader.construct_document(node) if node is not None else None
    except _BadKey as exc:
        raise ProblemsFound(
            [YamlError(exc.message, file=name, row=exc.line, expected="key: value")]
        ) from None
    except _TooDeep as exc:
        raise ProblemsFound(
            [
                YamlError(
                    "nesting too deep",
                    file=name,
                    row=exc.line,
                    expected=f"at most {MAX_DEPTH} levels",
                )
            ]
        ) from None
    except _AliasFound as exc:
        raise ProblemsFound(
            [
                YamlError(
                    "YAML anchors and aliases are not allowed (anchor at this row)",
                    file=name,
                    row=exc.line,
                )
            ]
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        row = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        expected = getattr(exc, "expected", None)
        raise ProblemsFound(
            [YamlError(str(problem), file=name, row=row, expected=expected)]
        ) from None
    except RecursionError:
        raise ProblemsFound([YamlError("nesting too deep", file=name)]) from None
    finally:
        loader.dispose()
    return data, lines
