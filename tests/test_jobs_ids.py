"""Each posting's id is its own: unique, the same for the same files, and today's where it was unique."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from rolefit.cli import app
from rolefit.postings.read import Posting, make_posting, read_postings

from helpers import EXAMPLES, ROOT, levels

runner = CliRunner()
SAMPLES = ROOT / "tests" / "postings"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "f3"
    folder.mkdir()
    (folder / "ad.txt").write_bytes((SAMPLES / "prod-02-marketplace.txt").read_bytes())
    (folder / "ad.md").write_bytes((SAMPLES / "rnd-01-speech-lab.md").read_bytes())
    return folder


def test_a_txt_and_an_md_of_one_name_are_two_postings_with_two_ids(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    args = ["jobs", str(folder), "--answers", str(EXAMPLES / "researcher.yaml")]
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)["postings"]
    assert [p["posting"] for p in data] == ["f3/ad.md", "f3/ad.txt"]
    assert data[0]["fit"]["score"] != data[1]["fit"]["score"]
    table = runner.invoke(app, [*args, "--format", "md"]).stdout
    for row in data:  # (each row its own fit: they were looked up by an id both had)
        line = next(line for line in table.splitlines() if f"({row['posting']})" in line)
        assert line.split("|")[-2].strip() == f"{row['fit']['score']:.0f}"
    again = runner.invoke(app, [*args, "--format", "json"])
    assert again.stdout == result.stdout  # (the same files, the same bytes)


def _before(postings: list[Posting], files: list[Path | None]) -> list[Posting]:
    """Today's ids, as the previous version gave them (where they were unique, they stay)."""
    names = Counter(p.name for p in postings)
    out = []
    for posting, file in zip(postings, files, strict=True):
        if names[posting.name] > 1 and file is not None:
            posting = replace(posting, name=f"{file.parent.name}/{file.stem}" if file.parent.name else str(file))
        out.append(posting)
    again = Counter(p.name for p in out)
    return [
        replace(p, name=str(f.with_suffix(""))) if again[p.name] > 1 and f is not None else p
        for p, f in zip(out, files, strict=True)
    ]


PARTS = st.sampled_from(["a", "b", "ad", "c1", "stdin", "<stdin>"])
PATHS = st.builds(
    lambda folders, stem, suffix, absolute: Path(("/" if absolute else "") + "/".join([*folders, stem + suffix])),
    st.lists(PARTS, max_size=3),
    PARTS,
    st.sampled_from([".txt", ".md", ".html", ""]),
    st.booleans(),
)


@given(files=st.lists(st.one_of(PATHS, st.none()), min_size=1, max_size=8))
@example(files=[Path("f3/ad.txt"), Path("f3/ad.md"), None, Path("stdin.txt")])
@example(files=[Path("/x/c1/ad.txt"), Path("/y/c1/ad.txt"), Path("/y/c1/ad.md"), Path("c1/ad.md")])
def test_ids_are_unique_stable_and_today_s_where_today_s_were_unique(files: list[Path | None]) -> None:
    from rolefit.postings.read import _apart

    files = list(dict.fromkeys(files))  # (each file once, and standard input once, as read_postings reads them)
    postings = [make_posting("stdin" if f is None else f.stem, "Data Scientist\n") for f in files]
    names = [p.name for p in _apart(postings, files)]
    assert len(set(names)) == len(names)
    assert names == [p.name for p in _apart(postings, files)]
    today = [p.name for p in _before(postings, files)]
    if len(set(today)) == len(today):
        assert names == today
    alone = Counter(p.name for p in postings)
    assert all(name == p.name for name, p in zip(names, postings, strict=True) if alone[p.name] == 1)


def test_read_postings_gives_a_txt_and_an_md_their_suffix(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "solo.txt").write_bytes((SAMPLES / "dp-01-retail-startup.md").read_bytes())
    found = read_postings([str(folder), str(tmp_path / "other")])
    assert [p.name for p in found] == ["f3/ad.md", "f3/ad.txt", "solo"]


# -- the Python API names a posting in a result's label as in its fit -------------------------

LABELLED = read_postings([str(SAMPLES)])


@settings(max_examples=30, deadline=None)
@given(
    skill=st.lists(levels, min_size=8, max_size=8),
    interest=st.lists(levels, min_size=8, max_size=8),
    picked=st.lists(st.sampled_from(range(len(LABELLED))), min_size=2, max_size=6, unique=True),
)
def test_a_label_over_postings_names_them_as_their_fits_do(
    skill: list[int], interest: list[int], picked: list[int]
) -> None:
    """Title and id alike ("Data Scientist, Marketplace (prod-02-marketplace)"), whether the top is
    one posting, two too close to split, or a tie."""
    from rolefit import Profile

    you = Profile.from_file(EXAMPLES / "analyst.yaml")
    tasks = [t.id for t in you.catalogue.tasks]
    answers = {t: {"skill": skill[k % 8], "interest": interest[(k * 3) % 8]} for k, t in enumerate(tasks)}
    you = Profile.from_answers(answers)
    postings = [LABELLED.postings[k] for k in picked]
    result = you.fit(postings)
    named = {p.name: f"{p.title} ({p.name})" if p.title and p.title != p.name else p.name for p in postings}
    by_id = {re.sub(r"[^a-z0-9]+", "-", n.lower()).strip("-"): shown for n, shown in named.items()}
    assert all(f.role.name == f.role.short == by_id[f.role.id] for f in result)
    first, second = result[0].role.name, result[1].role.name if len(result) > 1 else ""
    if result.tied:
        assert result.label.startswith(f"{first} / {second} / ") and result.label.endswith(" (tied)")
    else:
        assert result.label == (f"{first} / {second}" if result.hybrid else first)
