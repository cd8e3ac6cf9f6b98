"""Two quizzes sharing one state folder: the second is stopped, the first one's answers are kept.

A quiz takes ``session.lock`` in the state folder on its first use of the session and keeps it
until it ends. These tests use real processes: a small Python program that holds the lock
(and waits for a line on its stdin before letting go), the real CLI without a terminal, and
the real CLI in a pseudo-terminal. A lock left by a killed process is taken over.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from rolefit.errors import USER_ERROR, OutputError
from rolefit.model.answers import Answers, question_ids
from rolefit.model.catalogue import Catalogue
from rolefit.quiz import lock as locks
from rolefit.quiz.lock import LOCK_FILE, Holder, QuizInProgress, acquire, read_holder
from rolefit.quiz.session import Session, load_session, lock_path, quiz_lock, save_session, session_path

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pids and signals as POSIX has them")

HOLDER = """
import sys
from pathlib import Path
from rolefit.quiz.lock import acquire
with acquire(Path(sys.argv[1])):
    print("held", flush=True)
    sys.stdin.readline()
"""


@contextmanager
def held_elsewhere(folder: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the lock on ``folder`` until the block ends."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline() == "held\n"  # (blocks only until it holds the lock)
        yield proc
    finally:
        if proc.poll() is None:
            assert proc.stdin is not None
            proc.stdin.close()
        proc.wait(timeout=10)


def dead_pid() -> int:
    """The pid of a process that has ended (and been reaped)."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait(timeout=10)
    return proc.pid


def cli(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real CLI, no terminal."""
    return subprocess.run(
        [sys.executable, "-m", "rolefit", *args],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def some_session(catalogue: Catalogue, count: int = 3) -> Session:
    answers = Answers()
    for q in question_ids(catalogue, context=False)[:count]:
        answers = answers.with_answer(q, 3)
    return Session(answers, quick=False)


# -- the lock itself --------------------------------------------------------------------------


def test_the_lock_file_says_who_holds_it_and_goes_when_released(state_dir: Path) -> None:
    before = time.time()
    with acquire(state_dir) as lock:
        holder = read_holder(state_dir / LOCK_FILE)
        assert holder == lock.holder
        assert holder is not None
        assert (holder.pid, holder.host) == (os.getpid(), socket.gethostname())
        assert before <= holder.started <= time.time()
        with acquire(state_dir) as again:  # the same process may take it again
            assert again is lock
        assert (state_dir / LOCK_FILE).exists()  # still held by the outer one
    assert not (state_dir / LOCK_FILE).exists()


def test_a_lock_held_by_another_live_process_is_refused_with_its_pid_and_time(state_dir: Path) -> None:
    with held_elsewhere(state_dir) as proc:
        holder = read_holder(state_dir / LOCK_FILE)
        assert holder is not None
        assert holder.pid == proc.pid
        with pytest.raises(QuizInProgress) as caught:
            acquire(state_dir)
    started = time.strftime("%H:%M", time.localtime(holder.started))
    assert str(caught.value) == (
        f"a quiz is in progress in another terminal (pid {proc.pid}, started {started}); "
        f"finish it there, or remove {(state_dir / LOCK_FILE).absolute()} if it is not running"
    )
    assert not (state_dir / LOCK_FILE).exists()  # released when the holder ended
    with acquire(state_dir):
        pass


@pytest.mark.parametrize("why", ["dead", "killed", "old", "unreadable"])
def test_a_stale_lock_is_taken_over_with_a_notice(state_dir: Path, why: str) -> None:
    path = state_dir / LOCK_FILE
    if why == "dead":
        path.write_text(Holder(dead_pid(), socket.gethostname(), time.time()).text(), encoding="utf-8")
    elif why == "killed":
        with held_elsewhere(state_dir) as proc:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=10)
        assert read_holder(path) is not None  # a kill leaves the lock behind
    elif why == "old":  # its pid is alive (this test's parent), but it is over a day old
        path.write_text(Holder(os.getppid(), socket.gethostname(), time.time() - 25 * 3600).text(), encoding="utf-8")
    else:
        path.write_bytes(b"\xff garbage")
        old = time.time() - 60
        os.utime(path, (old, old))
    notices: list[str] = []
    with acquire(state_dir, notices.append) as lock:
        assert read_holder(path) == lock.holder
    assert len(notices) == 1
    assert notices[0].startswith("notice: took over the lock of a quiz that is no longer running")
    assert not path.exists()


def test_a_lock_of_another_host_is_live_until_it_is_old(state_dir: Path) -> None:
    path = state_dir / LOCK_FILE
    path.write_text(Holder(dead_pid(), "elsewhere.example", time.time()).text(), encoding="utf-8")
    with pytest.raises(QuizInProgress, match=r"\(pid \d+ on elsewhere\.example, started"):
        acquire(state_dir)
    path.write_text(Holder(dead_pid(), "elsewhere.example", time.time() - locks.STALE_AFTER - 5).text())
    with acquire(state_dir):
        pass


def test_a_lock_being_written_right_now_is_not_taken_over(state_dir: Path) -> None:
    (state_dir / LOCK_FILE).write_bytes(b"")  # created, its content not written yet
    with pytest.raises(QuizInProgress, match="just starting"):
        acquire(state_dir)


# -- the session and the lock -----------------------------------------------------------------


def test_session_load_and_save_refuse_while_another_quiz_holds_the_lock(catalogue: Catalogue, state_dir: Path) -> None:
    save_session(some_session(catalogue), catalogue)
    before = session_path().read_bytes()
    with held_elsewhere(state_dir):
        with pytest.raises(QuizInProgress):
            load_session(catalogue)
        with pytest.raises(QuizInProgress):
            save_session(some_session(catalogue, 5), catalogue)
    assert session_path().read_bytes() == before


def test_a_quiz_whose_lock_was_taken_over_stops_saving(catalogue: Catalogue, state_dir: Path) -> None:
    """Its lock was old enough to be taken: its saves would overwrite the other quiz's answers."""
    with quiz_lock(lambda _: None):
        save_session(some_session(catalogue, 2), catalogue)
        mine = read_holder(lock_path())
        assert mine is not None
        assert mine.pid == os.getpid()
        lock_path().write_text(Holder(os.getppid(), "elsewhere.example", time.time()).text(), encoding="utf-8")
        taken = session_path().read_bytes()
        with pytest.raises(OutputError, match="another quiz has taken over the session"):
            save_session(some_session(catalogue, 4), catalogue)
        assert session_path().read_bytes() == taken
    assert lock_path().exists()  # the other quiz's lock is not removed


def test_the_quiz_keeps_the_lock_while_its_session_waits_for_the_report(catalogue: Catalogue, state_dir: Path) -> None:
    from rolefit.quiz.session import clear_session

    with quiz_lock(lambda _: None):
        save_session(some_session(catalogue), catalogue)
    assert read_holder(lock_path()) is not None  # the report is not shown yet
    clear_session()
    assert not session_path().exists()
    assert not lock_path().exists()


def test_a_failed_quiz_releases_the_lock(catalogue: Catalogue, state_dir: Path) -> None:
    def interrupted_quiz() -> None:
        with quiz_lock(lambda _: None):
            save_session(some_session(catalogue), catalogue)
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        interrupted_quiz()
    assert not lock_path().exists()
    assert load_session(catalogue) is not None  # the answers stay


# -- the real CLI -----------------------------------------------------------------------------


def test_resume_while_another_quiz_runs_is_one_line_and_touches_nothing(
    catalogue: Catalogue, state_dir: Path, tmp_path: Path
) -> None:
    save_session(some_session(catalogue), catalogue)
    before = session_path().read_bytes()
    with held_elsewhere(state_dir) as proc:
        run = cli(tmp_path, "quiz", "--resume")
    assert run.returncode == USER_ERROR, run
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith(f"rolefit: a quiz is in progress in another terminal (pid {proc.pid}, started ")
    assert f"remove {state_dir / LOCK_FILE} if it is not running" in lines[0]
    assert session_path().read_bytes() == before
    assert list(state_dir.iterdir()) == [session_path()]  # nothing moved aside, the lock went with its holder


def test_scripted_reports_do_not_need_the_lock(state_dir: Path, tmp_path: Path) -> None:
    """--answers FILE without a terminal never uses the session: it runs beside a quiz."""
    from helpers import EXAMPLES

    with held_elsewhere(state_dir):
        run = cli(tmp_path, "quiz", "--answers", str(EXAMPLES / "researcher.yaml"), "--format", "json")
    assert run.returncode == 0, run.stderr


# -- two quizzes on terminals -----------------------------------------------------------------


def test_two_quizzes_on_terminals_the_second_is_stopped_the_first_keeps_its_answers(
    catalogue: Catalogue, state_dir: Path, tmp_path: Path
) -> None:
    """A answers two questions; B, started meanwhile, stops at once (one line naming A's pid) and
    leaves A's session alone; A's Ctrl-C keeps exactly A's answers and releases the lock; then a
    new quiz can resume them."""
    pty = pytest.importorskip("test_pty")
    first = pty.spawn(tmp_path)
    for _ in range(2):  # the two context questions, answered by their first choice's digit
        assert pty.next_prompt(first, catalogue).question is not None
        first.send("1")
    assert pty.next_prompt(first, catalogue).question is not None  # A's answers are saved as given
    held = read_holder(lock_path())
    assert held is not None
    assert held.pid == first.pid

    second = pty.spawn(tmp_path)
    status, tail = pty.finish(second)
    assert status == USER_ERROR
    lines = [line for line in tail.replace("\r", "").splitlines() if line.strip()]
    assert lines == [
        f"rolefit: a quiz is in progress in another terminal (pid {first.pid}, "
        f"started {time.strftime('%H:%M', time.localtime(held.started))}); finish it there, "
        f"or remove {lock_path()} if it is not running"
    ], tail
    with pytest.raises(QuizInProgress):  # A still holds it: nothing of A's was touched
        load_session(catalogue)

    first.send(pty.Key.CTRL_C.value)
    status, tail = pty.finish(first)
    assert status == 130
    assert "2 answers are saved" in tail
    assert not lock_path().exists()
    session = load_session(catalogue)
    assert session is not None
    assert session.answers.count == 2
    assert sorted(p.name for p in state_dir.iterdir()) == ["session.yaml"]  # nothing moved aside


def test_a_quiz_takes_over_the_lock_of_a_killed_one_and_releases_it_after_the_report(
    catalogue: Catalogue, state_dir: Path, tmp_path: Path
) -> None:
    pty = pytest.importorskip("test_pty")
    with held_elsewhere(state_dir) as proc:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    assert lock_path().exists()
    child = pty.spawn(tmp_path, "--quick", "--save", "me.yaml")
    child.expect_exact(f"took over the lock of a quiz that is no longer running (pid {proc.pid}")
    from rolefit.files.answers import load_answers
    from rolefit.model.answers import complete

    from helpers import EXAMPLES

    researcher = complete(load_answers(EXAMPLES / "researcher.yaml", catalogue), catalogue)
    pty.answer_to_review(child, catalogue, researcher)
    child.send(pty.Key.ENTER.value)
    status, _ = pty.finish(child)
    assert status == 0
    assert (tmp_path / "me.yaml").is_file()
    assert not lock_path().exists()
    assert not session_path().exists()
