"""How ``--help`` reads: paragraphs that wrap to the terminal, one example per line, plain metavars.

typer 0.29 keeps every line break of a docstring, prints a type after each parameter (``<bool>``
after a flag, ``<list[str]>`` after ``FILE...``) and writes a required argument as ``{FILE...}...``
in the usage line. :func:`apply` fixes that for a command group and all its commands: lines of a
paragraph are joined (a paragraph whose lines start with ``$`` is a list of examples and keeps them),
no type is shown where a metavar says it, and the usage line shows ``FILE...`` and ``ROLE``.
"""

from __future__ import annotations

from typing import Any

from typer.core import TyperArgument, TyperOption


class _Argument(TyperArgument):
    def _usage_display_name(self) -> str:
        name = self.display_name_raw
        return name if self.required else f"[{name}]"

    def _rich_display_name(self) -> str:
        return self.display_name_raw

    def display_type_rich(self, ctx: Any) -> str | None:
        return None


class _Option(TyperOption):
    def display_type_rich(self, ctx: Any) -> str | None:
        return None if self.is_flag else super().display_type_rich(ctx)


def reflow(text: str | None) -> str | None:
    """Join the lines of each paragraph; keep the lines of an examples paragraph (each starts with '$')."""
    if not text:
        return text
    import inspect

    paragraphs = inspect.cleandoc(text).split("\n\n")
    out = []
    for paragraph in paragraphs:
        lines = [line.strip() for line in paragraph.splitlines()]
        if any("$[/]" in line or line.startswith("$") for line in lines):
            out.append("\n".join(lines))
        else:
            out.append(" ".join(lines))
    return "\n\n".join(out)


def restyle_param(param: Any) -> None:
    if type(param) is TyperArgument:
        param.__class__ = _Argument
    elif type(param) is TyperOption:
        param.__class__ = _Option


def _restyle(command: Any) -> None:
    command.help = reflow(command.help)
    for param in command.params:
        restyle_param(param)


def apply(group: Any) -> None:
    """Restyle ``group``'s help and that of each of its commands."""
    _restyle(group)
    for command in group.commands.values():
        _restyle(command)
        original = command.get_help_option

        def help_option(ctx: Any, original: Any = original) -> Any:
            option = original(ctx)
            if option is not None and option.metavar is None:
                option.metavar = ""  # a flag: no "<bool>"
            return option

        command.get_help_option = help_option
