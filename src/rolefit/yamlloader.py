"""PyYAML's safe loader, made strict: no aliases, anchors, merge keys or duplicate keys."""

from __future__ import annotations

from typing import Any

import yaml

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader  # type: ignore[assignment]

__all__ = ["Rejected", "SafeLoader", "StrictLoader"]


class Rejected(yaml.MarkedYAMLError):
    """YAML that parses but that rolefit does not accept (aliases, duplicate keys)."""

    def __init__(self, problem: str, mark: Any) -> None:
        super().__init__(problem=problem, problem_mark=mark)


class StrictLoader(SafeLoader):
    """A safe loader that also refuses aliases and duplicate keys."""

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
            keys = [k.value if isinstance(k, yaml.ScalarNode) else id(k) for k, _ in node.value]
            if len(set(keys)) != len(keys):  # rare: find the first repeated key, for the message
                seen: dict[Any, Any] = {}
                for (key_node, _), key in zip(node.value, keys, strict=True):
                    if key in seen:
                        first = seen[key].start_mark.line + 1
                        raise Rejected(f"duplicate key '{key}' (first given on line {first})", key_node.start_mark)
                    seen[key] = key_node
            if "<<" in keys:
                merge = next(k for k, _ in node.value if k.tag == "tag:yaml.org,2002:merge" or k.value == "<<")
                if merge.tag == "tag:yaml.org,2002:merge":
                    raise Rejected("merge keys (<<) are not allowed", merge.start_mark)
        return super().construct_mapping(node, deep=deep)
