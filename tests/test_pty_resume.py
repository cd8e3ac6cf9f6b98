"""In a real pseudo-terminal: Ctrl-C in a ``--quick --save`` quiz, then ``--resume`` from another
folder, goes on in the quick order and ends with the answers given (only those) in the ``--save`` file."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from rolefit.catalogue.load import load_catalogue
from rolefit.errors import INTERRUPTED
from rolefit.files.answers import load_answers_and_mode
from rolefit.model.answers import Answers
from rolefit.quiz.order import Plan
from rolefit.quiz.prompts import CHOICE_HINT, TASK_HINT
from rolefit.quiz.session import load_session, session_path
from rolefit.quiz.take import AUTOSAVE_NAME

pexpect = pytest.importorskip("pexpect")

pytestmark = [
    pytest.mark.pty,
    pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals need a POSIX system"),
]

ENTER, CTRL_C = "\r", "\x03"
ACTIVE = re.compile(f"{re.escape(TASK_HINT)}|{re.escape(CHOICE_HINT)}")
REVIEW = re.compile(re.escape("Review: is this right?"))
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def spawn(cwd: Path, *args: str) -> Any:
    env = dict(os.environ, PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm", NO_COLOR="1")
    for name in ("ROLEFIT_CATALOGUE", "COLUMNS", "LINES"):
        env.pop(name, None)
    return pexpect.spawn(
        sys.executable,
        ["-m", "rolefit", "quiz", *args],
        cwd=str(cwd),
        env=env,
        dimensions=(40, 120),
        encoding="utf-8",
        timeout=20,
    )


def finish(child: Any) -> tuple[int, str]:
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus, " ".join(ANSI.sub("", child.before).split())


def test_ctrl_c_then_resume_saves_in_the_save_file(tmp_path: Path) -> None:
    cat = load_catalogue()
    started, later = tmp_path / "started", tmp_path / "later"
    started.mkdir()
    later.mkdir()
    child = spawn(started, "--quick", "--save", "me.yaml")
    # the first context question: its last choice; the second: its first; a task: 3
    first = cat.context[0]
    for keys in (str(len(first.choices)), "1", "3"):
        child.expect(ACTIVE)
        child.send(keys)
    child.expect(ACTIVE)
    child.send(CTRL_C)
    status, tail = finish(child)
    assert status == INTERRUPTED
    assert "3 answers are saved" in tail
    assert "(the answers then go to me.yaml)" in tail
    assert "Traceback" not in tail
    session = load_session(cat)
    assert session is not None
    assert session.answers.count == 3
    assert session.save == started / "me.yaml"
    assert session.quiz_mode == "quick"
    assert session.answers.value(f"context:{first.id}") == first.choices[-1].id
    assert not (started / "me.yaml").exists()

    plan = Plan(cat, "quick", session.answers, session.asked)
    child = spawn(later, "--resume")
    asked = 0
    while child.expect([REVIEW, ACTIVE]) == 1:
        asked += 1
        question = plan.next()
        assert question is not None
        plan.answer(question, 1)
        child.send("1")
    assert plan.next() is None  # the rest of the quick quiz, as the library orders it
    assert asked == plan.count - 3
    child.send(ENTER)
    saved = started / "me.yaml"
    child.expect_exact(f"Answers saved in {saved}")
    status, tail = finish(child)
    assert status == 0, tail
    answers, mode = load_answers_and_mode(saved, cat)
    assert mode == "quick"
    assert answers == plan.answers  # only the answers given
    assert answers != Answers()
    assert not (later / AUTOSAVE_NAME).exists()
    assert not list(later.iterdir())
    assert not session_path().exists()
