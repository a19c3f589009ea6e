"""The one way contributed YAML is read: safe, bounded, strict.

Every YAML file a pull request can touch (``resolution.yaml``, ``adoption.yaml``, ``tags.yaml``,
``series.yaml``, commentary front matter) is read by :func:`load`, which

- builds only plain data (libyaml's parser with PyYAML's safe constructor: no ``!!python/...``
  tag is ever constructed);
- refuses a mapping that gives a key twice (PyYAML would silently keep the last);
- limits aliases: a file may use a few (``*anchor``, at most :data:`MAX_ALIASES`, counted while
  it is read), and what they expand to is measured without expanding it (each node once), so an
  alias bomb (aliases of aliases, a billion laughs) is refused before anything walks it;
- bounds nesting: libyaml refuses more than 1,000 levels, and :data:`MAX_DEPTH` is checked on
  the data without recursion, so no later stage can run out of stack;
- reports an impossible date (``2018-02-30``) as a problem at its line, not a traceback.

Every problem is a :class:`~generator.errors.DataError` naming ``path:line``.  Text without an
anchor (``&``) cannot hold an alias and takes the quickest path: libyaml all the way, with only
the duplicate-key check added in Python.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import yaml

from generator.errors import DataError, Problem

MAX_ALIASES = 100
"""Aliases one file may use: far more than any hand-written file needs."""
MAX_EXPANDED = 100_000
"""Values a file with aliases may hold once they are expanded."""
MAX_DEPTH = 64
"""Nesting of mappings and lists (a resolution's data is about 12 deep)."""

_BASE: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Refused(yaml.constructor.ConstructorError):
    """A limit of this module, reported like any YAML error (with the node's line)."""


class _Loader(_BASE):  # type: ignore[valid-type,misc]
    """libyaml's parser when available; strict mappings, checked dates."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        pairs = node.value
        if len(pairs) > 1 and len({(k.tag, k.value) for k, _ in pairs if isinstance(k, yaml.ScalarNode)}) != len(pairs):
            seen: set[Any] = set()
            for key_node, _ in pairs:
                if isinstance(key_node, yaml.ScalarNode):
                    key = (key_node.tag, key_node.value)
                    if key in seen:
                        raise _Refused(
                            None, None, f"the key {key_node.value!r} is given twice in one mapping", key_node.start_mark
                        )
                    seen.add(key)
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return mapping

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> datetime.date | datetime.datetime:
        try:
            value: datetime.date | datetime.datetime = super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError) as exc:
            raise _Refused(None, None, f"impossible date {node.value!r} ({exc})", node.start_mark) from None
        return value


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)
_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_yaml_map)


class _CountingLoader(_Loader):
    """For text with anchors: counts every use of a node already built (an alias)."""

    aliases = 0

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects:
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise _Refused(
                    None, None, f"more than {MAX_ALIASES} aliases (*name): refused as an alias bomb", node.start_mark
                )
        return super().construct_object(node, deep=deep)


def _problem(shown: str, exc: yaml.YAMLError) -> Problem:
    mark = getattr(exc, "problem_mark", None)
    line = mark.line + 1 if mark is not None else 0
    problem = getattr(exc, "problem", None) or str(exc)
    if "exceeded maximum nesting depth" in problem:
        problem = "nested too deeply"
    return Problem(shown, line, f"not valid YAML: {problem}")


def _depth(data: Any) -> int:
    """Nesting depth of ``data``, a tree (no aliases), level by level: no recursion; stops
    counting past :data:`MAX_DEPTH`."""
    depth = 0
    level = [data]
    while level and depth <= MAX_DEPTH:
        depth += 1
        below: list[Any] = []
        for value in level:
            below.extend(c for c in (value.values() if type(value) is dict else value) if type(c) in (dict, list))
        level = below
    return depth


def _measure(data: Any) -> tuple[int, int, dict[int, int]]:
    """(nesting depth, number of values once every alias is expanded, that number for each
    container by its ``id``) of ``data``, computed without recursion and without expanding
    anything (each container is visited once)."""
    height: dict[int, int] = {}
    size: dict[int, int] = {}
    stack: list[tuple[Any, bool]] = [(data, False)]
    while stack:
        value, done = stack.pop()
        key = id(value)
        children = [c for c in (value.values() if isinstance(value, dict) else value) if isinstance(c, dict | list)]
        if done:
            height[key] = 1 + max((height[id(c)] for c in children), default=0)
            size[key] = len(value) + sum(size[id(c)] for c in children)
            continue
        if key in height:
            continue
        stack.append((value, True))
        stack.extend((c, False) for c in children if id(c) not in height)
    return height.get(id(data), 0), size.get(id(data), 0), size


def load(text: str, shown: str) -> Any:
    """The data of the YAML ``text`` of the file ``shown``; :class:`DataError` if it is not
    valid YAML or breaks a limit of this module."""
    loader = _CountingLoader(text) if "&" in text else _Loader(text)
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as exc:
        raise DataError([_problem(shown, exc)]) from None
    except RecursionError:
        raise DataError([Problem(shown, 0, "not valid YAML: nested too deeply")]) from None
    finally:
        loader.dispose()
    if isinstance(data, dict | list):
        aliased = isinstance(loader, _CountingLoader) and loader.aliases > 0
        depth, expanded, sizes = _measure(data) if aliased else (_depth(data), 0, {})
        if depth > MAX_DEPTH:
            line = _line(text, lambda node, level, index: level > MAX_DEPTH)
            raise DataError([Problem(shown, line, f"nested more than {MAX_DEPTH} levels deep")])
        if aliased and expanded > MAX_EXPANDED:
            # The line of the first top-level entry that expands past the limit.
            big = [
                i
                for i, v in enumerate(data.values() if isinstance(data, dict) else data)
                if sizes.get(id(v), 0) > MAX_EXPANDED // 2
            ]
            first = big[0] if big else -1
            line = _line(text, lambda node, level, index: level == 1 and index == first)
            raise DataError(
                [Problem(shown, line, f"its aliases (*name) expand to {expanded:,} values: refused as an alias bomb")]
            )
    return data


def _line(text: str, wanted: Callable[[yaml.Node, int, int], bool]) -> int:
    """The line of the first node, in document order, for which ``wanted(node, nesting level,
    index among its siblings)`` holds (0 if none); walks without recursion, each node once."""
    loader = _BASE(text)
    try:
        root = loader.get_single_node()
    except yaml.YAMLError:
        return 0
    finally:
        loader.dispose()
    stack: list[tuple[yaml.Node, int, int]] = [(root, 0, 0)] if root is not None else []
    seen: set[int] = set()
    while stack:
        node, level, index = stack.pop()
        if wanted(node, level, index):
            return int(node.start_mark.line) + 1
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            children = [v for _, v in node.value]
        elif isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        else:
            continue
        stack.extend((child, level + 1, i) for i, child in reversed(list(enumerate(children))))
    return 0


def compose(text: str, shown: str) -> yaml.Node | None:
    """The node tree of ``text`` (for line numbers); only called on text :func:`load` accepted."""
    loader = _BASE(text)
    try:
        node: yaml.Node | None = loader.get_single_node()
    except yaml.YAMLError as exc:
        raise DataError([_problem(shown, exc)]) from None
    finally:
        loader.dispose()
    return node


__all__ = ["MAX_ALIASES", "MAX_DEPTH", "compose", "load"]
