"""Parse a contributor's YAML safely: size, depth and alias limits, a line for every path.

Annotation files come from pull requests, so parsing must survive hostile input
(alias bombs, deep nesting, huge files) and still tell a person the line of
every problem.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..errors import ProblemsFound, YamlError
from ..paths import shown

#: Largest annotation file we read; a bigger one is refused, not parsed.
MAX_FILE_BYTES = 8 * 1024 * 1024

#: libyaml's safe loader when present (pure-Python parsing dominates build time otherwise).
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


#: Deepest nesting an annotation file may have; real files stay below 10.
MAX_DEPTH = 100


class _TooDeep(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


def _check_depth(text: str) -> None:
    """Refuse deep nesting before composing: libyaml's composer recurses and can crash
    the interpreter on a hostile file. Parsing events is iterative, so this scan is safe."""
    depth = 0
    for event in yaml.parse(text, Loader=_SafeLoader):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                raise _TooDeep(mark.line + 1 if mark is not None else 1)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1


class _AliasFound(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


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
            for key, value in node.value:
                if id(key) in seen:
                    raise _AliasFound(key.start_mark.line + 1)
                seen.add(id(key))
                stack.append((value, (*path, key.value)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*path, i)) for i, item in enumerate(node.value))
    return out


def line_of(lines: dict[tuple[Any, ...], int], loc: tuple[Any, ...]) -> int | None:
    for cut in range(len(loc), -1, -1):
        if loc[:cut] in lines:
            return lines[loc[:cut]]
    return None


def read_yaml(path: Path) -> tuple[Any, dict[tuple[Any, ...], int]]:
    """Parse one annotation file; returns the data and a path -> line index."""
    name = shown(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ProblemsFound([YamlError(f"cannot read file: {exc.strerror}", file=name)]) from None
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
    try:
        _check_depth(text)
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
    except yaml.YAMLError:
        pass  # reported with its location by the parse below
    loader = _SafeLoader(text)
    try:
        node = loader.get_single_node()
        lines = _line_index(node) if node is not None else {}
        data = loader.construct_document(node) if node is not None else None
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
        raise ProblemsFound([YamlError(str(problem), file=name, row=row)]) from None
    except RecursionError:
        raise ProblemsFound([YamlError("nesting too deep", file=name)]) from None
    finally:
        loader.dispose()
    return data, lines
