"""Reading YAML files with errors that say where the problem is.

PyYAML's C loader is used where it is built in (it is several times faster);
the pure-Python one otherwise. PyYAML is slow to import, so it is imported only
when needed: answers files are first read by :mod:`rolefit.files.plainyaml`. Input is
bounded and strict: at most :data:`rolefit.files.read.MAX_BYTES`, UTF-8 (a BOM is fine), no
aliases or anchors (shared nodes are how "billion laughs" documents blow up
whatever walks them), no duplicate keys (PyYAML would silently keep the last),
no language-specific tags.
Validation errors from pydantic are translated into one message naming the
file, the line, the key and what was expected.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from rolefit.errors import RolefitError
from rolefit.files import plainyaml

if TYPE_CHECKING:
    from pydantic import BaseModel

M = TypeVar("M", bound="BaseModel")
R = TypeVar("R")
Loc = Sequence[int | str]
ErrorType = Callable[..., RolefitError]


def parse(text: str, name: str, error: ErrorType, *, plain: bool = False) -> Any:
    """Parse one YAML document safely.

    With ``plain``, the text is first read by :mod:`rolefit.files.plainyaml` (answers files are
    written in its subset), and PyYAML is imported only for what that reader does not take.
    """
    if plain:
        data = plainyaml.load(text)
        if data is not plainyaml.NOT_PLAIN:
            return data
    from rolefit.files import strictyaml

    return _translated(lambda: strictyaml.load(text), text, name, error)


def parse_located(text: str, name: str, error: ErrorType) -> tuple[Any, Lines]:
    """Parse one YAML document safely, as :func:`parse` does, keeping where each of its nodes is.

    The text is composed once: its values are built from the nodes, and the same nodes give the
    :class:`Lines` of every key, so a file with many problems is still read only once.
    """
    from rolefit.files import strictyaml

    def load() -> tuple[Any, Lines]:
        strictyaml.refuse_anchors(text)
        loader = strictyaml.StrictLoader(text)
        try:
            root = loader.get_single_node()
            if root is None:
                return None, Lines(None)
            try:
                return strictyaml._Builder(loader).build(root), Lines(root)
            except RecursionError:
                pass  # nested deeper than Python recurses: built the slow way below, located all the same
        finally:
            loader.dispose()
        return strictyaml.load(text), Lines(root)

    return _translated(load, text, name, error)


def _translated(load: Callable[[], R], text: str, name: str, error: ErrorType) -> R:
    """``load()``, with whatever PyYAML raises said as ``error``, naming the file and the line."""
    import yaml

    from rolefit.files.strictyaml import Rejected

    try:
        return load()
    except Rejected as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark is not None else None
        raise error(str(exc.problem), file=name, line=line) from None
    except yaml.reader.ReaderError as exc:  # a control character or other unreadable one
        line = text.count("\n", 0, exc.position) + 1
        raise error(
            f"not valid YAML: a control character (#x{exc.character:04x}) is not allowed", file=name, line=line
        ) from None
    except (ValueError, KeyError, IndexError, AttributeError, TypeError, OverflowError) as exc:
        # PyYAML's constructors raise these for values they cannot build, e.g. 2024-02-30 or !!int x
        raise error(f"not valid YAML: a value cannot be read ({exc})", file=name) from None
    except RecursionError:
        raise error("not valid YAML: nested too deeply", file=name) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = str(getattr(exc, "problem", None) or exc)
        if "could not determine a constructor for the tag" in problem:
            problem = "tags such as !!python/... are not allowed"
        line = mark.line + 1 if mark is not None else None
        kind = "JSON" if name.lower().endswith(".json") else "YAML"
        raise error(f"not valid {kind}: {problem}", file=name, line=line) from None


def require_mapping(data: Any, text: str, name: str, error: ErrorType) -> None:
    """A document must be a mapping of keys (and not empty)."""
    if data is None and not text.strip():
        raise error("the file is empty; expected a mapping of keys", file=name)
    if not isinstance(data, dict):
        kind = "nothing" if data is None else type(data).__name__
        raise error(f"expected a mapping of keys at the top, found {kind}", file=name)


def validate(model: type[M], data: Any, text: str, name: str, error: ErrorType) -> M:
    """Validate parsed data with ``model``; the first problem is raised as ``error``."""
    result, problems = check(model, data, text, name, error)
    if problems:
        raise problems[0]
    assert result is not None
    return result


def check(
    model: type[M], data: Any, text: str, name: str, error: ErrorType, lines: Lines | None = None
) -> tuple[M | None, list[RolefitError]]:
    """Validate parsed data with ``model``: the result, or every problem found, each located.

    ``lines`` (from :func:`parse_located`) says where each key is; without it the text is composed
    again, once, when there is a problem to locate.
    """
    from pydantic import ValidationError  # only catalogue files need it, and only when not cached

    try:
        require_mapping(data, text, name, error)
    except RolefitError as exc:
        return None, [exc]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        where = lines if lines is not None else Lines.of_text(text)
        problems = []
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            problems.append(
                error(describe_problem(err), file=name, key=describe_location(data, loc), line=where.line(loc))
            )
        return None, problems


def as_written(value: Any) -> str:
    """A value as a file would have it: ``true``, ``null``, ``2.5``, ``'high'`` (not Python's ``True``)."""
    if value is True or value is False:
        return "true" if value else "false"
    if value is None:
        return "null"
    return repr(value)


def describe_problem(err: Any) -> str:
    """Pydantic's error, said as what was expected and what was found."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    got = err.get("input")
    found = "" if isinstance(got, (dict, list)) else f" (got {as_written(got)})"
    plain = {
        "missing": "this field is required but missing",
        "extra_forbidden": "unknown field",
        "less_than_equal": f"expected at most {ctx.get('le')}{found}",
        "greater_than_equal": f"expected at least {ctx.get('ge')}{found}",
        "int_type": f"expected a whole number{found}",
        "int_from_float": f"expected a whole number{found}",
        "int_parsing": f"expected a whole number{found}",
        "literal_error": f"expected {ctx.get('expected')}{found}",
        "dict_type": f"expected a mapping of keys and values{found}",
        "model_type": f"expected a mapping of keys and values{found}",
        "model_attributes_type": f"expected a mapping of keys and values{found}",
        "list_type": f"expected a list{found}",
        "string_type": f"expected text{found}",
        "float_type": f"expected a number{found}",
        "float_parsing": f"expected a number{found}",
        "bool_type": f"expected true or false{found}",
        "bool_parsing": f"expected true or false{found}",
        "string_pattern_mismatch": f"expected a lower-case id like 'build-models'{found}",
    }
    if kind in plain:
        return plain[kind]
    msg = str(err["msg"]).removeprefix("Value error, ")
    return f"{msg[0].lower()}{msg[1:]}{found}"


def describe_location(data: Any, loc: Sequence[int | str]) -> str:
    """A readable path, naming list entries by their id: ``roles[rnd].tasks[2].weight``."""
    parts: list[str] = []
    node = data
    for step in loc:
        if isinstance(step, int):
            label = str(step + 1)
            if isinstance(node, list) and step < len(node):
                node = node[step]
                if isinstance(node, dict) and isinstance(node.get("id"), str):
                    label = node["id"]
                elif isinstance(node, dict) and isinstance(node.get("task"), str):
                    label = node["task"]
                else:
                    label = f"#{step + 1}"
            parts.append(f"[{label}]")
        else:
            node = node.get(step) if isinstance(node, dict) else None
            parts.append(f".{step}" if parts else str(step))
    return "".join(parts) or "(top level)"


def line_of(text: str, loc: Loc) -> int | None:
    """The 1-based line of the node at ``loc`` (or its nearest parent)."""
    return Lines.of_text(text).line(loc)


class Lines:
    """Where each key of a composed document is: its path (keys and list indexes) to its 1-based line.

    The node tree is walked once, on the first question, into a map; each question after that is
    a look-up. A path that is not in the document gets the line of its nearest parent that is.
    """

    def __init__(self, root: Any) -> None:
        self._root = root
        self._map: dict[tuple[int | str, ...], int] | None = None

    @classmethod
    def of_text(cls, text: str) -> Lines:
        import yaml

        from rolefit.files.strictyaml import SafeLoader

        try:
            return cls(yaml.compose(text, Loader=SafeLoader))
        except yaml.YAMLError:  # pragma: no cover - the text parsed once already
            return cls(None)

    def line(self, loc: Loc) -> int | None:
        found = self._lines()
        path = tuple(loc)
        for end in range(len(path), -1, -1):
            line = found.get(path[:end])
            if line is not None:
                return line
        return None

    def _lines(self) -> dict[tuple[int | str, ...], int]:
        if self._map is None:
            self._map = _walk(self._root)
            self._root = None  # the nodes are no longer needed
        return self._map

    def __len__(self) -> int:
        return len(self._lines())


def _walk(root: Any) -> dict[tuple[int | str, ...], int]:
    """Every path in the node tree and its line: a mapping entry's is its key's, a list item's its own.

    Iterative (a document may nest deeper than Python recurses) and each node once (an alias,
    refused elsewhere, must not make it loop).
    """
    import yaml

    out: dict[tuple[int | str, ...], int] = {}
    if root is None:
        return out
    out[()] = root.start_mark.line + 1
    seen: set[int] = set()
    todo: list[tuple[tuple[int | str, ...], Any]] = [((), root)]
    mapping, sequence, scalar = yaml.MappingNode, yaml.SequenceNode, yaml.ScalarNode
    while todo:
        path, node = todo.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        kind = type(node)
        if kind is mapping:
            for key, value in node.value:
                if type(key) is scalar:
                    child = (*path, key.value)
                    if child not in out:  # a key given twice: its first place
                        out[child] = key.start_mark.line + 1
                    if type(value) is not scalar:
                        todo.append((child, value))
        elif kind is sequence:
            for index, item in enumerate(node.value):
                child = (*path, index)
                out[child] = item.start_mark.line + 1
                if type(item) is not scalar:
                    todo.append((child, item))
    return out
