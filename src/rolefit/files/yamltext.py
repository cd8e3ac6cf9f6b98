"""Reading YAML files with errors that say where the problem is.

PyYAML's C loader is used where it is built in (it is several times faster);
the pure-Python one otherwise. PyYAML is slow to import, so it is imported only
when needed: answers files are first read by :mod:`rolefit.plainyaml`. Input is
bounded and strict: at most :data:`rolefit.inputs.MAX_BYTES`, UTF-8 (a BOM is fine), no
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
ErrorType = Callable[..., RolefitError]


def parse(text: str, name: str, error: ErrorType, *, plain: bool = False) -> Any:
    """Parse one YAML document safely.

    With ``plain``, the text is first read by :mod:`rolefit.plainyaml` (answers files are
    written in its subset), and PyYAML is imported only for what that reader does not take.
    """
    if plain:
        data = plainyaml.load(text)
        if data is not plainyaml.NOT_PLAIN:
            return data
    import yaml

    from rolefit.files import strictyaml as yamlloader
    from rolefit.files.strictyaml import Rejected

    try:
        return yamlloader.load(text)
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


def check(model: type[M], data: Any, text: str, name: str, error: ErrorType) -> tuple[M | None, list[RolefitError]]:
    """Validate parsed data with ``model``: the result, or every problem found, each located."""
    from pydantic import ValidationError  # only catalogue files need it, and only when not cached

    try:
        require_mapping(data, text, name, error)
    except RolefitError as exc:
        return None, [exc]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        problems = []
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            problems.append(
                error(describe_problem(err), file=name, key=describe_location(data, loc), line=line_of(text, loc))
            )
        return None, problems


def describe_problem(err: Any) -> str:
    """Pydantic's error, said as what was expected and what was found."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    got = err.get("input")
    found = "" if isinstance(got, (dict, list)) else f" (got {got!r})"
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


def line_of(text: str, loc: Sequence[int | str]) -> int | None:
    """The 1-based line of the node at ``loc`` (or its nearest parent)."""
    import yaml

    from rolefit.files.strictyaml import SafeLoader

    try:
        node = yaml.compose(text, Loader=SafeLoader)
    except yaml.YAMLError:  # pragma: no cover - the text parsed once already
        return None
    best = node.start_mark.line + 1 if node is not None else None
    for step in loc:
        if isinstance(node, yaml.MappingNode):
            found = None
            for key, value in node.value:
                if key.value == step:
                    found = (key, value)
                    break
            if found is None:
                return best
            best = found[0].start_mark.line + 1
            node = found[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            if step >= len(node.value):
                return best
            node = node.value[step]
            best = node.start_mark.line + 1
        else:
            return best
    return best
