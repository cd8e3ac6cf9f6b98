"""The keys of a quiz prompt, and running one: a digit answers at once, nothing is pre-selected.

A select prompt from questionary points at a choice from the start, so Enter on a prompt the
person never touched would credit them with that choice. Here a fresh prompt points at
nothing that counts: its pointer is hidden and Enter does nothing until a digit or an arrow
has chosen (the answer to a question asked again, going back, is chosen already). A digit
answers at once; ``b`` or the left arrow goes back; Esc asks how to pause; ``s`` stops (when
offered). Ctrl-C becomes :class:`QuizInterrupted` carrying every answer given so far, a
missing terminal :class:`InputRequiredError`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

import prompt_toolkit.application.application as _application
import questionary
from prompt_toolkit.filters import Condition
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent, merge_key_bindings
from prompt_toolkit.keys import Keys
from prompt_toolkit.layout import Window
from prompt_toolkit.styles import DynamicStyle, Style, merge_styles
from questionary.prompts.common import InquirerControl

from rolefit.errors import InputRequiredError, QuizInterrupted
from rolefit.model.answers import Answers

#: What a prompt returns when the user asks to go back, to pause, or to stop here.
BACK = "<back>"
PAUSE = "<pause>"
STOP = "<stop>"
BACK_KEYS = ("b", "left")
STOP_KEY = "s"
#: How an untouched prompt looks: nothing highlighted.
_UNTOUCHED = Style.from_dict({"highlighted": "noreverse nobold nounderline"})


def share_default_bindings() -> None:
    """Make prompt_toolkit build its default key bindings once per process, not three times a prompt.

    A questionary select prompt is made of two PromptSessions and an Application, and each of the
    three loads the default Emacs, Vi and mouse bindings afresh (thousands of bindings): on a slow
    machine most of the time a prompt takes to appear. Those bindings keep no state of their own
    (their filters and handlers look at whichever application is running), so one set serves every
    prompt, as it serves every key press of one. Done when this module is imported (only the quiz
    imports it); doing it again changes nothing.
    """
    name = "load_key_bindings"  # (the name application.py imported it under; it exports no such name)
    load = getattr(_application, name)
    if not hasattr(load, "cache_info"):
        setattr(_application, name, functools.cache(load))


share_default_bindings()


def _control(prompt: questionary.Question) -> InquirerControl | None:
    for window in prompt.application.layout.find_all_windows():
        if isinstance(window, Window) and isinstance(window.content, InquirerControl):
            return window.content
    return None


def _bindings(
    control: InquirerControl | None,
    *,
    back: bool,
    stop: bool,
    digits: Mapping[str, int],
    chosen: bool,
) -> tuple[KeyBindings, DynamicStyle | None]:
    keys = KeyBindings()
    state = {"touched": chosen}
    untouched = Condition(lambda: not state["touched"])

    @keys.add(Keys.SIGINT)
    def _interrupt(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    def leave(result: str) -> Callable[[KeyPressEvent], None]:
        def handler(event: KeyPressEvent) -> None:
            event.app.erase_when_done = True
            event.app.exit(result=result)

        return handler

    if back:
        for key in BACK_KEYS:
            keys.add(key)(leave(BACK))
    if stop:
        keys.add(STOP_KEY)(leave(STOP))
    keys.add(Keys.Escape, eager=True)(leave(PAUSE))  # at once: not the prefix of a longer binding
    if control is None:
        return keys, None

    pointer = control.pointer
    if not chosen:
        control.pointer = " "  # no pointer until something is chosen

    for digit, index in digits.items():

        def answer(event: KeyPressEvent, index: int = index) -> None:
            control.pointed_at = index
            control.is_answered = True
            event.app.exit(result=control.get_pointed_at().value)

        keys.add(digit, eager=True)(answer)

    @keys.add(Keys.Enter, filter=untouched, eager=True)
    def _nothing_chosen(event: KeyPressEvent) -> None:
        """Enter does nothing until a choice has been made."""

    @keys.add(Keys.Down, filter=untouched, eager=True)
    def _first(event: KeyPressEvent) -> None:
        state["touched"] = True
        control.pointer, control.pointed_at = pointer, 0

    @keys.add(Keys.Up, filter=untouched, eager=True)
    def _last(event: KeyPressEvent) -> None:
        state["touched"] = True
        control.pointer, control.pointed_at = pointer, control.choice_count - 1

    return keys, DynamicStyle(lambda: None if state["touched"] else _UNTOUCHED)


#: Seconds a lone ESC waits before it is the Esc key.
ESC_WAIT = 0.1


def run_prompt(
    prompt: questionary.Question,
    *,
    back: bool,
    answers: Answers | None = None,
    stop: bool = False,
    digits: Mapping[str, int] | None = None,
    chosen: bool = True,
) -> Any:
    """Ask one prompt; translate Ctrl-C and a missing terminal into rolefit's errors.

    ``digits``: keys that answer at once, each with the index of its choice; ``chosen``: whether
    the prompt already points at a real answer (else Enter waits for a digit or an arrow).
    """
    app = prompt.application
    # How long a lone ESC byte waits for the rest of a key's escape sequence: prompt_toolkit's
    # half a second made Esc slow; an arrow key's bytes arrive together, even over ssh.
    app.ttimeoutlen = ESC_WAIT
    control = _control(prompt) if digits is not None else None
    extra, style = _bindings(control, back=back, stop=stop, digits=digits or {}, chosen=chosen or control is None)
    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), extra])
    if style is not None:
        app.style = merge_styles([app.style, style]) if app.style is not None else style
    try:
        value = prompt.unsafe_ask()
    except KeyboardInterrupt:
        raise QuizInterrupted("quiz interrupted", answers=answers) from None
    except EOFError:
        raise InputRequiredError(
            "the quiz needs a terminal; to score answers from a file use "
            "'rolefit quiz --answers FILE' (see 'rolefit template')"
        ) from None
    if value is None:  # pragma: no cover - questionary returns None only when cancelled
        raise QuizInterrupted("quiz interrupted", answers=answers)
    return value
