"""PyYAML's safe loader, made strict: no aliases, anchors, merge keys or duplicate keys.

:func:`load` reads a document as ``yaml.load(text, Loader=StrictLoader)`` does, faster: libyaml
composes the nodes, then one tight function builds the plain text, lists and mappings that
make up nearly all of a catalogue, and hands any other node (numbers, dates, other tags) to
PyYAML's constructor. PyYAML's own constructor walks every node through several generic
layers, which took longer than parsing a large catalogue.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from typing import Any

import yaml
from yaml.constructor import ConstructorError

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader  # type: ignore[assignment]

__all__ = ["Rejected", "SafeLoader", "StrictLoader", "load"]

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_MERGE = "tag:yaml.org,2002:merge"
_VALUE = "tag:yaml.org,2002:value"  # the key "=", which PyYAML reads as the text "="
_ALIAS = "aliases and anchors (&name, *name) are not allowed; write the value out"
_NESTED = object()
# Where an anchor may start: after a space, a line start or a flow or block indicator. Text such
# as "R&D" cannot hold one, so a catalogue full of it is not scanned twice.
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[{,:?-])&[^\s\[\]{},]", re.MULTILINE)


class Rejected(yaml.MarkedYAMLError):
    """YAML that parses but that rolefit does not accept (aliases, duplicate keys)."""

    def __init__(self, problem: str, mark: Any) -> None:
        super().__init__(problem=problem, problem_mark=mark)


class StrictLoader(SafeLoader):
    """A safe loader that also refuses aliases, anchors and duplicate keys."""

    def __init__(self, stream: Any) -> None:
        super().__init__(stream)
        self._text = stream if isinstance(stream, str) else None

    def get_single_data(self) -> Any:
        if self._text is not None:
            refuse_anchors(self._text)
        return super().get_single_data()

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise Rejected("aliases and anchors (&name, *name) are not allowed; write the value out", node.start_mark)
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, KeyError, IndexError, AttributeError, TypeError, OverflowError) as exc:
            # PyYAML raises these for values it cannot build, e.g. 2024-02-30 or "!!int x"
            raise Rejected(
                f"not valid YAML: the value {node.value!r} cannot be read ({exc})", node.start_mark
            ) from None

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        if isinstance(node, yaml.MappingNode):
            _check_keys(node)
        return super().construct_mapping(node, deep=deep)


def _check_keys(node: yaml.MappingNode) -> None:
    """Refuse a mapping with a key given twice, or with a merge key (``<<``, or any key tagged ``!!merge``)."""
    keys = [k.value if isinstance(k, yaml.ScalarNode) else id(k) for k, _ in node.value]
    if len(set(keys)) != len(keys):  # rare: find the first repeated key, for the message
        seen: dict[Any, Any] = {}
        for (key_node, _), key in zip(node.value, keys, strict=True):
            if key in seen:
                first = seen[key].start_mark.line + 1
                raise Rejected(f"duplicate key '{key}' (first given on line {first})", key_node.start_mark)
            seen[key] = key_node
    for key_node, _ in node.value:
        if key_node.tag == _MERGE:
            raise Rejected("merge keys (<<) are not allowed", key_node.start_mark)


def load(text: str) -> Any:
    """The document in ``text``, exactly as ``yaml.load(text, Loader=StrictLoader)`` reads it."""
    loader = StrictLoader(text)
    try:
        root = loader.get_single_node()
        document = None if root is None else _Builder(loader).build(root)
    except RecursionError:
        document = _NESTED  # nested deeper than Python recurses: PyYAML's constructor, which does not recurse, can
    finally:
        loader.dispose()
    if document is _NESTED:
        return yaml.load(text, Loader=StrictLoader)  # (which refuses anchors itself)
    refuse_anchors(text)
    return document


def refuse_anchors(text: str) -> None:
    """Refuse an anchor (``&name``) even when no alias uses it: the README promises neither is taken."""
    if "&" not in text or _MAYBE_ANCHOR.search(text) is None:
        return
    for event in yaml.parse(text, Loader=SafeLoader):
        if getattr(event, "anchor", None) is not None:
            raise Rejected(_ALIAS, event.start_mark)


class _Builder:
    """Python values from composed nodes: text, lists and mappings here, the rest by PyYAML."""

    def __init__(self, loader: StrictLoader) -> None:
        self.loader = loader
        self.seen: set[int] = set()  # every node built: meeting one again means an alias

    def build(self, node: Any) -> Any:
        seen = self.seen
        if id(node) in seen:
            raise Rejected(_ALIAS, node.start_mark)
        seen.add(id(node))
        kind, tag = type(node), node.tag
        if tag == _STR and kind is yaml.ScalarNode:
            return node.value
        if tag == _SEQ and kind is yaml.SequenceNode:
            return [self.build(item) for item in node.value]
        if tag == _MAP and kind is yaml.MappingNode:
            _check_keys(node)
            mapping: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == _VALUE and type(key_node) is yaml.ScalarNode:
                    key_node.tag = _STR  # as PyYAML's flatten_mapping does
                key = self.build(key_node)
                if type(key) is not str and not isinstance(key, Hashable):
                    raise ConstructorError(
                        "while constructing a mapping", node.start_mark, "found unhashable key", key_node.start_mark
                    )
                mapping[key] = self.build(value_node)
            return mapping
        if kind is not yaml.ScalarNode:
            self._mark_inside(node)
        return self.loader.construct_object(node, deep=True)

    def _mark_inside(self, node: Any) -> None:
        """Note the nodes inside one PyYAML builds, so that an alias between the two is still caught."""
        pairs = node.value if isinstance(node, yaml.MappingNode) else [(child,) for child in node.value]
        for pair in pairs:
            for child in pair:
                if id(child) in self.seen:
                    raise Rejected(_ALIAS, child.start_mark)
                self.seen.add(id(child))
                if not isinstance(child, yaml.ScalarNode):
                    self._mark_inside(child)
