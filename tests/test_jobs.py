"""Reading job postings: evidence, negation, boilerplate, classification, ranking, and the CLI."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from rolefit.catalogue.load import load_catalogue
from rolefit.cli import app
from rolefit.files.answers import load_answers
from rolefit.model.answers import complete
from rolefit.model.catalogue import Catalogue
from rolefit.postings.company import company_names
from rolefit.postings.read import (
    PostingError,
    Reading,
    content_lines,
    find_evidence,
    make_posting,
    rank,
    read_posting,
    read_postings,
)
from rolefit.postings.sections import parts
from rolefit.postings.verdict import NOT_DATA
from rolefit.scoring.fit import fit_role

from helpers import EXAMPLES, ROOT

runner = CliRunner()
POSTINGS = ROOT / "tests" / "postings"
CAT = load_catalogue()


def with_lexicon(catalogue: Catalogue, lexicon: dict[str, tuple[str, ...]]) -> Catalogue:
    tasks = tuple(replace(t, lexicon=lexicon.get(t.id, ())) for t in catalogue.tasks)
    return replace(catalogue, tasks=tasks)


SMALL = with_lexicon(
    CAT,
    {
        "bi-dashboards": ("dashboards", "looker"),
        "ab-experiments": ("a/b testing",),
        "etl-pipelines": ("dbt", "data pipelines"),
        "build-models": ("deep learning", "pytorch"),
    },
)


def evidence_of(text: str, catalogue: Catalogue = SMALL) -> list[str]:
    found, _ = find_evidence(make_posting("p", text), catalogue)
    return [e.task for e in found]


# -- evidence --------------------------------------------------------------------------------


def test_phrases_match_whole_words_in_any_case() -> None:
    assert evidence_of("Title\nYou will build Looker DASHBOARDS.") == ["bi-dashboards"]
    assert evidence_of("Title\nWe use dbtx and lookerish.") == []
    assert evidence_of("Title\nYou will own data\\n  pipelines in dbt.") == ["etl-pipelines"]


def test_a_multi_word_phrase_matches_across_spaces() -> None:
    assert evidence_of("Title\nRun A/B   testing at scale.") == ["ab-experiments"]


@pytest.mark.parametrize(
    "line",
    [
        "No deep learning experience required.",
        "You will not be building dashboards.",
        "This role is without any PyTorch work.",
        "Deep learning is not required.",
        "This is not a Looker dashboards role.",
        "Rather than building dashboards, you will travel.",
        "Instead of data pipelines, you will meet customers.",
    ],
)
def test_negated_mentions_are_not_evidence(line: str) -> None:
    found, negated = find_evidence(make_posting("p", f"Title\n{line}"), SMALL)
    assert found == []
    assert negated


def test_a_negation_in_another_sentence_does_not_count() -> None:
    assert evidence_of("Title\nNo travel. You will train deep learning models.") == ["build-models"]
    assert evidence_of("Title\nThis is not a BI role. You will train deep learning models.") == ["build-models"]
    found, negated = find_evidence(make_posting("p", "T\nWhat you'll do\nA science role, not a Looker one."), SMALL)
    assert found == [] and [e.task for e in negated] == ["bi-dashboards"]
    assert evidence_of("Title\nRather than Looker dashboards, you will train deep learning models.") == ["build-models"]


def test_boilerplate_sections_and_eeo_lines_are_skipped() -> None:
    text = (
        "Data Analyst\n## What you'll do\nBuild Looker dashboards.\n"
        "## Benefits\nA dashboard of perks, and we run A/B testing on our snack budget.\n"
        "## About you\nYou know dbt.\n"
        "We are an equal opportunity employer and use dashboards regardless of background.\n"
    )
    lines = content_lines(text)
    assert not any("perks" in line or "equal opportunity" in line for line in lines)
    assert sorted(evidence_of(text)) == ["bi-dashboards", "etl-pipelines"]


def test_one_line_counts_once_per_task() -> None:
    assert evidence_of("Title\nLooker dashboards, more dashboards, Looker everywhere.") == ["bi-dashboards"]


# -- classification --------------------------------------------------------------------------


def test_too_little_evidence_is_said_so() -> None:
    reading = read_posting(make_posting("p", "Analyst\nWork with our data.\nJoin a friendly team."), CAT)
    assert reading.insufficient
    assert reading.top is None
    assert reading.label(CAT) == "not enough evidence"
    assert reading.confidence == 0
    # an ad that names no data work at all is not too little: it is no data job
    chef = read_posting(make_posting("p", "Chef\nCook pasta.\nClean the kitchen."), CAT)
    assert not chef.insufficient and chef.top is None and chef.verdict() == "none"
    assert chef.label(CAT) == "none of these: not a data job" and chef.confidence > 0
    # a title that names a data job, and one task: which data job is still not said
    vague = read_posting(make_posting("p", "Data Scientist - Remote\n\nPython, SQL, machine learning.\n"), CAT)
    assert vague.insufficient and vague.verdict() == "insufficient"


def _manifest(folder: Path) -> list[dict[str, object]]:
    data = yaml.safe_load((folder / "manifest.yaml").read_text())
    return data if isinstance(data, list) else data["postings"]


def test_accuracy_over_the_postings_set(capsys: pytest.CaptureFixture[str]) -> None:
    """Each posting's archetype (or hybrid pair) as in the manifest, for at least 85% of them."""
    entries = _manifest(POSTINGS)
    assert len(entries) >= 15
    confusion: Counter[tuple[str, str]] = Counter()
    right = 0
    for entry in entries:
        reading = read_posting(read_postings([str(POSTINGS / str(entry["file"]))]).postings[0], CAT)
        got = reading.top or "insufficient"
        expected = str(entry["expected"])
        ok = got == expected or (
            entry.get("hybrid") is not None
            and reading.hybrid is not None
            and set(reading.hybrid) == {expected, str(entry["hybrid"])}
        )
        ok = ok and bool(reading.mislabelled) == bool(entry.get("mislabelled"))
        right += ok
        confusion[(expected, got)] += 1
    accuracy = right / len(entries)
    with capsys.disabled():
        print(f"\njob postings: {right}/{len(entries)} right ({accuracy:.0%}); (expected, got): {dict(confusion)}")
    assert right == len(entries)


def test_adversarial_postings_are_not_confident_guesses() -> None:
    for entry in _manifest(POSTINGS / "adversarial"):
        path = str(POSTINGS / "adversarial" / str(entry["file"]))
        if entry["expect"] == "unreadable":
            with pytest.raises(PostingError, match="empty"):
                read_postings([path])
            continue
        reading = read_posting(read_postings([path]).postings[0], CAT)
        if entry["expect"] == "insufficient":
            assert reading.insufficient, entry["file"]
        elif entry["expect"] == "not-data":
            assert reading.not_data and reading.outside == NOT_DATA and reading.top is None, entry["file"]
        else:
            assert reading.insufficient or reading.hybrid is not None or reading.confidence < 0.2, entry["file"]


# -- ranking with answers --------------------------------------------------------------------


def test_ranking_is_the_fit_to_each_posting_s_own_profile() -> None:
    texts = {
        "bi": "BI Developer\nLooker dashboards. Dashboards for sales. dbt data pipelines. More dbt.",
        "ml": "ML Scientist\nDeep learning with PyTorch. PyTorch models. Deep learning research. A/B testing.",
    }
    readings = [read_posting(make_posting(k, v), SMALL) for k, v in texts.items()]
    answers = complete(load_answers(EXAMPLES / "researcher.yaml", CAT), CAT)
    ranked = rank(readings, SMALL, answers)
    assert [j.reading.posting.name for j in ranked] == ["ml", "bi"]
    for job in ranked:
        assert job.fit is not None
        from rolefit.postings.read import posting_role

        assert job.fit.score == fit_role(posting_role(job.reading), SMALL, answers).score


# -- the command -----------------------------------------------------------------------------


def test_jobs_command_on_a_folder_as_json_and_ranked(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Analytics Engineer\nBuild Looker dashboards and dbt models in Snowflake.\n")
    first = runner.invoke(app, ["jobs", str(tmp_path), "--format", "json"])
    assert first.exit_code == 0, first.output
    data = json.loads(first.stdout)
    assert data["postings"][0]["posting"] == "a"
    table = runner.invoke(app, ["jobs", str(tmp_path), "--answers", str(EXAMPLES / "builder.yaml")])
    assert table.exit_code == 0, table.output
    assert "Your fit" in table.stdout


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_jobs_says_how_much_evidence_it_does_not_quote(fmt: str) -> None:
    """Text and Markdown quote a few lines; the rest is counted, not silently left out."""
    for posting in sorted(POSTINGS.glob("*.*")):
        if posting.suffix not in (".md", ".txt"):
            continue
        data = json.loads(runner.invoke(app, ["jobs", str(posting), "--format", "json"]).stdout)
        (reading,) = data["postings"]
        tasks = {e["task"] for e in reading["evidence"]}
        out = runner.invoke(app, ["jobs", str(posting), "--format", fmt], env={"COLUMNS": "200"}).stdout
        quoted = out.count("\n  • ") if fmt == "text" else out.count("\n- **")
        left = len(tasks) - quoted
        assert left >= 0
        if left:
            assert f"…and evidence for {left} more task{'' if left == 1 else 's'}" in out, posting
        else:
            assert "more task" not in out, posting


def test_jobs_with_a_partial_answers_file_says_how_much_is_answered(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Analytics Engineer\nBuild Looker dashboards and dbt models in Snowflake.\n")
    few = tmp_path / "few.yaml"
    few.write_text("format: 1\nanswers:\n  build-models: {skill: 3, interest: 4}\n")
    result = runner.invoke(app, ["jobs", str(tmp_path / "a.md"), "--answers", str(few)])
    assert result.exit_code == 0, result.output
    assert f"{few} answers 2 of 62 questions; the other 60 count as neutral" in result.stderr
    # (without --full, a file from an adaptive or quick quiz would stop again where it had stopped)
    assert f"(rolefit quiz --answers {few} --full asks them)" in " ".join(result.stderr.split())
    full = runner.invoke(app, ["jobs", str(tmp_path / "a.md"), "--answers", str(EXAMPLES / "builder.yaml")])
    assert "count as neutral" not in full.stderr


@pytest.mark.parametrize(("args", "needle"), [(["nope.md"], "no such file"), (["--answers", "x.yaml", "."], "")])
def test_jobs_errors(tmp_path: Path, args: list[str], needle: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["jobs", *args])
    assert result.exit_code == 2
    assert needle in result.stderr
    assert "Traceback" not in result.output


def test_jobs_on_an_empty_folder(tmp_path: Path) -> None:
    result = runner.invoke(app, ["jobs", str(tmp_path)])
    assert result.exit_code == 2
    assert "no postings" in result.stderr


def test_you_fit_jobs_with_real_postings() -> None:
    """`you.fit(jobs)` over postings: each scored by its own profile, as `rolefit jobs --answers` ranks them."""
    from rolefit import Profile

    you = Profile.from_file(EXAMPLES / "researcher.yaml")
    postings = read_postings([str(POSTINGS / "rnd-02-legal-nlp.txt"), str(POSTINGS / "dp-01-retail-startup.md")])
    result = you.fit(postings)
    assert [f.role.id for f in result] == ["rnd-02-legal-nlp", "dp-01-retail-startup"]
    readings = [read_posting(p, you.catalogue) for p in postings]
    ranked = rank(readings, you.catalogue, complete(you.answers, you.catalogue))
    assert [round(f.score, 6) for f in result] == [round(j.fit.score, 6) for j in ranked if j.fit]


def test_jobs_reads_stdin_and_uses_a_custom_catalogue_s_lexicons() -> None:
    text = (POSTINGS / "dp-01-retail-startup.md").read_text()
    result = runner.invoke(app, ["jobs", "-", "--format", "json"], input=text)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["postings"][0]["archetype"] == "data-person"
    orbit = ROOT / "examples" / "catalogues" / "orbit-analytics"
    result = runner.invoke(app, ["jobs", "-", "--format", "json", "--catalogue", str(orbit)], input=text)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["postings"][0]["archetype"] == "analytics-engineer"


ANALYTICS_ENGINEERING_AD = (
    "Data Scientist\n\nWhat you will do\n"
    "- Build and maintain dbt models of our warehouse in Snowflake\n"
    "- Write ELT pipelines from our product database into the warehouse\n"
    "- Build Looker dashboards and reports for the sales team\n"
    "- Own the data warehouse schema and its data quality checks\n"
)


def test_a_custom_catalogue_with_a_role_of_a_kind_gives_that_role_not_outside() -> None:
    """A job of a kind the built-in roles leave outside is the custom catalogue's role of that kind
    (its "Analytics engineer" role), and what the verdict of another kind points to can be read up."""
    orbit = str(ROOT / "examples" / "catalogues" / "orbit-analytics")
    result = runner.invoke(app, ["jobs", "-", "--format", "json", "--catalogue", orbit], input=ANALYTICS_ENGINEERING_AD)
    posting = json.loads(result.stdout)["postings"][0]
    assert (posting["outside"], posting["archetype"]) == (None, "analytics-engineer"), result.output
    result = runner.invoke(app, ["explain", "data engineering", "--catalogue", orbit])
    assert result.exit_code == 0, result.output
    assert "a job of another kind" in result.stdout


LATIN = "expected UTF-8 text, found byte 0xe9 at offset 18 (perhaps Windows-1252 or Latin-1; save it as UTF-8)"


def _mixed_folder(tmp_path: Path) -> Path:
    """Two good postings, a binary file and a latin-1 one, all with posting suffixes."""
    folder = tmp_path / "postings"
    folder.mkdir()
    for name in ("rnd-02-legal-nlp.txt", "dp-01-retail-startup.md"):
        (folder / name).write_bytes((POSTINGS / name).read_bytes())
    (folder / "blob.txt").write_bytes(b"\x00\x01\x02binary\xff\x00")
    (folder / "latin.md").write_bytes("Data Scientist\nCaf\xe9 chain: A/B tests and dashboards\n".encode("latin-1"))
    (folder / "notes.pdf").write_bytes(b"\x00\x01")  # not a posting's suffix: not read, named as skipped
    return folder


def test_jobs_reads_the_rest_of_a_folder_and_names_each_unreadable_file(tmp_path: Path) -> None:
    """As `score` does: the good postings are read and reported, each bad file is named once with
    the reason, on one line of its own, and the exit code is 2 at the end."""
    folder = _mixed_folder(tmp_path)
    result = runner.invoke(app, ["jobs", str(folder), "--format", "json"])
    assert result.exit_code == 2
    assert [p["posting"] for p in json.loads(result.stdout)["postings"]] == ["dp-01-retail-startup", "rnd-02-legal-nlp"]
    assert result.stderr.splitlines() == [
        f"rolefit: {folder}: 1 entry skipped, not .txt, .md, .markdown, .html or .htm postings: notes.pdf",
        f"rolefit: could not read {folder / 'blob.txt'}: expected UTF-8 text, found byte 0xff at offset 9 "
        "(this looks like a binary file, not text)",
        f"rolefit: could not read {folder / 'latin.md'}: {LATIN}",
    ]
    assert "Traceback" not in result.output
    table = runner.invoke(app, ["jobs", str(folder)])
    assert table.exit_code == 2
    assert "Senior NLP Data Scientist" in table.stdout
    assert table.stderr.count("could not read") == 2


def test_jobs_names_a_file_once_however_often_it_is_given(tmp_path: Path) -> None:
    folder = _mixed_folder(tmp_path)
    result = runner.invoke(app, ["jobs", str(folder / "blob.txt"), str(folder), "--format", "json"])
    assert result.exit_code == 2
    assert result.stderr.count("blob.txt") == 1
    assert len(json.loads(result.stdout)["postings"]) == 2


def test_jobs_with_several_arguments_reads_past_a_missing_file_and_an_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    args = [str(tmp_path / "nope.md"), str(tmp_path / "empty"), str(POSTINGS / "rnd-02-legal-nlp.txt")]
    result = runner.invoke(app, ["jobs", *args, "--format", "json"])
    assert result.exit_code == 2
    assert [p["posting"] for p in json.loads(result.stdout)["postings"]] == ["rnd-02-legal-nlp"]
    assert result.stderr.splitlines() == [
        f"rolefit: could not read {tmp_path / 'nope.md'}: no such file; expected a job posting, as text",
        f"rolefit: could not read {tmp_path / 'empty'}: no postings (.txt, .md, .markdown, .html, .htm) in this folder",
    ]


def test_one_unreadable_file_alone_is_one_error_line(tmp_path: Path) -> None:
    folder = _mixed_folder(tmp_path)
    result = runner.invoke(app, ["jobs", str(folder / "latin.md")])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"rolefit: {folder / 'latin.md'}: {LATIN}"]


def test_a_file_in_another_encoding_is_named_as_such(tmp_path: Path) -> None:
    (tmp_path / "u16.txt").write_bytes("Data Scientist\nBuild dashboards\n".encode("utf-16"))
    result = runner.invoke(app, ["jobs", str(tmp_path / "u16.txt")])
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("(this looks like UTF-16; save it as UTF-8)")


@pytest.mark.parametrize(
    ("data", "said"),
    [
        ("Data Scientist\nBuild dashboards\n".encode("utf-16-le"), "(this looks like UTF-16; save it as UTF-8)"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xdf\xa4", "zipped document, not text"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00>\x00", "a program, not text"),
        (b"Data Scientist\nBuild\x00 models\n", "(this looks like a binary file, not text)"),
    ],
)
def test_a_file_that_is_not_text_is_named_for_what_it_is(tmp_path: Path, data: bytes, said: str) -> None:
    """A Word document or a program is not taken for UTF-16, nor UTF-16 without its mark for text."""
    (tmp_path / "ad.md").write_bytes(data)
    result = runner.invoke(app, ["jobs", str(tmp_path / "ad.md")])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert said in result.stderr
    assert "UTF-16" not in result.stderr or "UTF-16" in said


def test_read_postings_collects_the_failures_of_a_folder(tmp_path: Path) -> None:
    found = read_postings([str(_mixed_folder(tmp_path))])
    assert [p.name for p in found] == ["dp-01-retail-startup", "rnd-02-legal-nlp"]
    assert len(found) == 2
    assert [f.path.name for f in found.failures] == ["blob.txt", "latin.md"]
    assert found.failures[1].message == LATIN and found.failures[1].line is None


# -- reading real ads as a careful reader does ------------------------------------------------


def test_headings_without_colons_skip_benefits_and_weigh_nice_to_haves_little() -> None:
    text = "Data Scientist\nWhat you'll do\nBuild Looker dashboards.\nBenefits\nA dashboard of perks.\n"
    text += "**Nice to have**\nPyTorch.\n"
    found, _ = find_evidence(make_posting("p", text), SMALL)
    by_task = {e.task: e for e in found}
    assert set(by_task) == {"bi-dashboards", "build-models"}
    assert "perks" not in by_task["bi-dashboards"].line
    assert by_task["build-models"].weight < by_task["bi-dashboards"].weight


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("About the job", "open"),
        ("About The Role", "duties"),
        ("About Acme Labs", "company"),
        ("ABOUT US", "company"),
        ("Why you'll love working here", "benefits"),
        ("About you", "requirements"),
        ("Full job description", "open"),
        ("Other open roles in Data", "openings"),
        ("How we hire", "apply"),
        ("Perks and Benefits", "benefits"),
        ("Duties and Responsibilities", "duties"),
        ("What You’ll Do", "duties"),
        ("Who are you?", "requirements"),
        ("Benefits At Collibra", "benefits"),
        ("Daily and Monthly Responsibilities - What You Will Do:", "duties"),
        ("Benefits | Perks", "benefits"),
        ("Data Scientist - Remote", None),
    ],
)
def test_about_headings_name_a_company_only_when_a_name_follows(heading: str, kind: str | None) -> None:
    from rolefit.postings.sections import heading_kind

    assert heading_kind(heading) == kind


def test_a_linkedin_paste_is_read_as_the_job_and_titled_by_its_hiring_sentence() -> None:
    text = (
        "About the job\n\nWe are looking for a Senior Data Scientist to join our growth team. "
        "You will design A/B tests and analyse user behaviour.\n\nResponsibilities\n- Build dashboards\n"
    )
    posting = make_posting("li", text)
    assert posting.title == "Senior Data Scientist"
    found, _ = find_evidence(posting, CAT)
    assert {"ab-experiments", "behaviour-statistics"} <= {e.task for e in found if e.weight > 0}
    assert make_posting("x", "About the job\nWe are seeking an experienced analyst.\n").title == ""
    assert make_posting("x", "About the job\nWe are recruiting our first Data Engineer & Analyst.").title == (
        "Data Engineer & Analyst"
    )


def test_a_folder_s_readme_and_sources_are_not_postings_nor_notes_on_them_but_a_notes_file_may_be(
    tmp_path: Path,
) -> None:
    """A project's own files are skipped by name; notes on the ads by what they say (they name the
    ads by file name), whatever they are called: a notes.md that holds an ad is an ad."""
    (tmp_path / "README.md").write_text("# Ads\nWe build dashboards and data pipelines.\n", encoding="utf-8")
    (tmp_path / "SOURCES.md").write_text("Where the ads came from: A/B testing blogs.\n", encoding="utf-8")
    (tmp_path / "reasons.md").write_text("- ad.md: rnd, for its NLP models.\n- notes.md: product.\n", encoding="utf-8")
    (tmp_path / "ad.md").write_text((POSTINGS / "rnd-02-legal-nlp.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "notes.md").write_bytes((POSTINGS / "prod-02-marketplace.txt").read_bytes())
    found = read_postings([str(tmp_path)])
    assert [p.name for p in found] == ["ad", "notes"]
    assert found.skipped == (
        f"{tmp_path / 'reasons.md'}: skipped, notes on the postings beside it, not a posting (it names 2 of them "
        "by file name: ad.md, notes.md); name it on its own to read it",
    )
    assert [p.name for p in read_postings([str(tmp_path / "README.md")])] == ["README"]  # named alone: read
    assert [p.name for p in read_postings([str(tmp_path / "reasons.md")])] == ["reasons"]


def test_a_requirement_among_the_duties_weighs_as_a_requirement() -> None:
    from rolefit.postings.sections import parts

    got = parts("Data Scientist\nResponsibilities\nBuild Looker dashboards.\n5+ years of experience with PyTorch\n")
    assert [(p.kind, p.weight < 1) for p in got] == [("duties", False), ("requirements", True)]


def test_a_doer_is_not_the_deed_and_a_numbered_item_may_lack_its_space() -> None:
    from rolefit.postings.sections import clean
    from rolefit.postings.words import same_word

    assert not same_word("schedulers", "schedule") and not same_word("researchers", "research")
    assert same_word("models", "model") and same_word("filtering", "filter")
    assert clean("1.Experience in SQL") == "Experience in SQL" and clean("3.5 years of SQL") == "3.5 years of SQL"


def test_a_sentence_that_lists_things_is_not_a_tool_list() -> None:
    from rolefit.postings.evidence import is_stack_line

    assert is_stack_line("Python, SQL, dbt, Looker, Airflow")
    assert not is_stack_line(
        "Prepares and presents papers, posters, invention disclosures for peer review at conferences"
    )


def test_a_title_that_says_r_and_d_claims_research() -> None:
    from rolefit.postings.features import NAMES, features
    from rolefit.postings.verdict import distinctive

    at = NAMES.index("title:ML or research")
    for title, claims in (
        ("R&D Sr Data Scientist", 1.0),
        ("Data Scientist, R & D", 1.0),
        ("Data Scientist", 0.0),
        ("Research Scientist", 1.0),
        ("Quantitative UX Researcher", 0.0),  # user research is product work, not ML research
        ("User Experience Researcher", 0.0),
        ("AI/MLOps Engineer", 0.0),  # the machinery that runs models, not ML research
        ("Machine Learning Platform Engineer", 0.0),
        ("Machine Learning Engineer", 1.0),
        ("Computational Postdoc: single-cell genomics", 1.0),  # a postdoc does research
        ("Postdoctoral Fellow, Statistics", 1.0),
        ("Scientist Computational Biology", 1.0),
    ):
        assert features({"build-models": 1.0}, distinctive(CAT), title, "")[at] == claims, title


def test_a_postdoc_with_little_evidence_is_read_not_abstained_on() -> None:
    """A postdoc's title names research as "Data Scientist" names a data job: two tasks are enough."""
    text = (
        "Computational Postdoc: genomics of the brain\n\nThe candidate will explore new analysis methods "
        "using deep learning.\nProfile\nA track record of publications in computational journals.\n"
    )
    reading = read_posting(make_posting("p", text), CAT)
    assert not reading.insufficient and reading.top == "rnd"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Subject: Data Scientist opportunity - fintech\nHi Sam,\n", "Data Scientist opportunity - fintech"),
        ("Acme | Senior Data Scientist | Remote | $150k\nWe build models.\n", "Senior Data Scientist"),
        (
            "About the job\nFounding Data Person (first data hire)\n\nWe are a 25-person startup.\n",
            "Founding Data Person (first data hire)",
        ),
        ("Full job description\nData Analyst\nYou will build reports.\n", "Data Analyst"),
        ("ACME INC\n4.2\nData Scientist\nBeaverton, OR\nMore\nWe build models.\n", "Data Scientist"),
        ("Acme\n4.2\nWe sell shoes.\n", "Acme"),  # (a rating and no job after it: the first line still)
        ("Acme - Data Scientist - Remote - full-time - https://acme.com\nWe are hiring.\n", "Data Scientist"),
        ("Data Scientist - Marketing\nYou will build models.\n", "Data Scientist - Marketing"),  # (one dash: whole)
        (
            "Acme | MLOps Engineer | Remote | " + "You will own our training pipelines and model serving. " * 4,
            "MLOps Engineer",
        ),
    ],
)
def test_the_title_is_the_job_a_paste_names(text: str, title: str) -> None:
    assert make_posting("p", text).title == title


def test_a_one_paragraph_post_is_read_sentence_by_sentence() -> None:
    post = (
        "Acme | MLOps Engineer | Remote | We serve 2,000 forecasting models for grocers. "
        "You'll own the model serving on Kubernetes and the feature store, and the CI/CD for model releases. "
        "Our data scientists build the models, you make them run reliably in production. "
        "We are a friendly bunch who like long walks and good coffee, and we meet twice a year in Lisbon. "
        "We have offices in three cities, a dog called Pixel and a book club that reads one novel a month. "
        "Apply: jobs@acme.example"
    )
    found, _ = find_evidence(make_posting("p", post), CAT)
    tasks = {e.task for e in found}
    assert {"model-api", "deploy-models"} <= tasks  # the duties, though the paragraph ends with how to apply
    assert all(len(e.line) < 200 for e in found)  # quoted sentence by sentence, not the whole post


def test_sentences_a_scrape_ran_together_are_read_one_by_one() -> None:
    """A scraped ad whose breaks were lost runs its sentences and headings together ("growth.,Drives",
    "drivers.Key Responsibilities:Explore"); an address ("www.Acme.com", "Jobs.Europe@acme.com") is
    not cut."""
    from rolefit.postings.sections import parts

    blurb = "Acme makes freight software for hauliers across Europe and has done so since the year 2009. " * 4
    text = (
        "Data Scientist\n" + blurb + "Read more at www.AcmeFreight.com today.Company Description:Acme was founded "
        "by two drivers.Key Responsibilities:Explore data sources and train machine learning models.,Run A/B "
        "tests on pricing.,Write to Jobs.Europe@acme.com with questions.Benefits:Free lunch and a gym."
    )
    found = parts(text)
    lines = [p.text for p in found]
    assert "Explore data sources and train machine learning models." in lines
    assert "Run A/B tests on pricing." in lines
    assert any("www.AcmeFreight.com today." in line for line in lines)
    assert any(line.startswith("Write to Jobs.Europe@acme.com") for line in lines)
    kinds = {p.text: p.kind for p in found}
    assert kinds["Explore data sources and train machine learning models."] == "duties"
    assert kinds["Acme was founded by two drivers."] == "company"
    assert kinds["Free lunch and a gym."] == "benefits"


def test_work_of_other_named_teams_and_their_models_is_theirs_not_the_hire_s() -> None:
    duties = "Title\nWhat you'll do\n"
    assert evidence_of(duties + "Our data engineering team builds the data pipelines.") == []
    assert evidence_of(duties + "Our BI team builds the Looker dashboards.") == []
    assert evidence_of(duties + "You will join our team and build Looker dashboards.") == ["bi-dashboards"]
    assert evidence_of(duties + "Our data science team trains deep learning models.") == ["build-models"]
    assert evidence_of(duties + "You train deep learning models.") == ["build-models"]
    assert evidence_of(duties + "You get their deep learning models into production.") == []


def test_the_offer_is_not_the_job_even_without_a_heading() -> None:
    from rolefit.postings.sections import parts

    text = "T\nRequirements\nSQL.\nAn attractive salary and fringe benefits (car, phone, meal vouchers).\n"
    assert [p.kind for p in parts(text)] == ["requirements", "benefits"]
    assert [p.kind for p in parts("T\nResponsibilities\nBuild dashboards of employee benefits.\n")] == ["duties"]


def test_an_equal_opportunity_paragraph_is_that_to_its_end() -> None:
    from rolefit.postings.sections import parts

    eeo = (
        "The company provides equal employment opportunities (EEO) to all employees and applicants without regard "
        "to race, color, religion, sex, national origin, age, disability or genetics. In addition to federal law "
        "requirements, the company complies with applicable state and local laws governing nondiscrimination in "
        "employment in every location. This policy applies to all terms and conditions of employment, including "
        "recruiting, hiring, placement, promotion, termination, layoff, recall, transfer and training."
    )
    found = parts(f"T\nResponsibilities\nBuild dashboards for the sales team.\n\n{eeo}\n")
    assert [p.kind for p in found] == ["duties", "eeo", "eeo", "eeo"]
    # under a heading that says so, however it is worded, every line is that text
    said = parts(
        "T\nWhat you will do\nBuild dashboards.\nWe believe in equal employment opportunities:\nWe hire people.\n"
    )
    assert [p.kind for p in said] == ["duties", "eeo"]
    # a paragraph of the job that only ends on the policy keeps its first sentences
    mixed = parts("T\nYou will build the models we ship. " + eeo + "\n")
    assert mixed[0].kind != "eeo" and {p.kind for p in mixed[1:]} == {"eeo"}


def test_what_the_candidate_has_is_a_requirement_even_among_the_duties() -> None:
    from rolefit.postings.sections import parts

    text = (
        "T\nResponsibilities\nBuild models that price auctions.\n"
        "The right candidate will possess strong communication skills and knows Spark.\n"
        "You have shipped models to production.\nYou are fluent in SQL.\nYou will own the roadmap.\n"
        "Our dream applicant has built pricing models.\n"
    )
    kinds = ["duties", "requirements", "requirements", "requirements", "duties", "requirements"]
    assert [p.kind for p in parts(text)] == kinds


def test_a_sentence_that_leads_into_a_list_starts_the_part_it_names() -> None:
    from rolefit.postings.sections import heading_kind, parts

    text = "T\nRequirements\nSQL\nYou have the technical competence to perform advanced analytics:\nApache Airflow\n"
    assert [p.kind for p in parts(text)] == ["requirements", "requirements"]
    assert heading_kind("Nice to have:") == "nice" and heading_kind("**The Team You Will Join**") == "unnamed"
    assert heading_kind("The Team You Will Join:") == "unnamed"
    # a lead-in after another part starts the part it names, not the blurb's
    after_blurb = "T\nAbout us\nAcme makes shoes.\nYou will be responsible for the following:\nBuild churn models.\n"
    assert [p.kind for p in parts(after_blurb)] == ["company", "duties"]
    needs = "T\nWhat you will do\nBuild churn models.\nThe ideal candidate will have:\nPython and SQL\n"
    assert [p.kind for p in parts(needs)] == ["duties", "requirements"]


def test_a_plus_at_the_end_of_a_paragraph_is_that_sentence_s() -> None:
    from rolefit.postings.sections import parts

    one = parts("T\nRequirements\nYou know SQL well. You have run A/B tests. Airflow is a big plus.\n")
    assert [p.kind for p in one] == ["requirements"]
    assert [p.kind for p in parts("T\nRequirements\nAirflow is a big plus.\n")] == ["nice"]


def test_the_stemmer_s_false_friends_stay_apart() -> None:
    from rolefit.postings.words import same_word

    assert not same_word("product", "production") and not same_word("conversation", "conversion")
    assert same_word("products", "product") and same_word("conversions", "conversion")
    assert "deploy-models" not in evidence_of("Title\nPresent findings to product managers.", CAT)


@pytest.mark.parametrize(
    ("word", "other"),
    [
        ("executives", "execute"),
        ("restful", "rest"),
        ("generative", "generate"),
        ("significance", "significant"),
        ("relevance", "relevant"),
        ("integrity", "integration"),
        ("collective", "collection"),
        ("embeddings", "embedded"),
        ("engine", "engineer"),
        ("recommendations", "recommended"),
        ("requirements", "requiring"),
    ],
)
def test_words_of_one_stem_but_another_kind_stay_apart(word: str, other: str) -> None:
    from rolefit.postings.words import same_word, stem

    assert stem(word) == stem(other)  # (the stemmer joins them: the check is what keeps them apart)
    assert not same_word(word, other) and not same_word(other, word)


@pytest.mark.parametrize(
    ("word", "other"),
    [
        ("behavioural", "behaviour"),
        ("statistical", "statistics"),
        ("automation", "automated"),
        ("deployment", "deploying"),
        ("models", "model"),
        ("dashboarding", "dashboards"),
    ],
)
def test_inflections_and_their_kin_still_meet(word: str, other: str) -> None:
    from rolefit.postings.words import same_word

    assert same_word(word, other) and same_word(other, word)


def test_a_posting_s_other_words_of_a_lexicon_stem_are_not_evidence() -> None:
    assert "present-findings" not in evidence_of("Title\nDesign, execute, and evaluate experiments.", CAT)
    assert "model-api" not in evidence_of("Title\nExplain what you learned to the rest of the company.", CAT)
    # a lexicon may list two words of one stem, and each is found ("segmentation" and "segments")
    assert "predictive-analytics" in evidence_of("Title\nBuild customer segments.", CAT)
    assert "predictive-analytics" in evidence_of("Title\nOwn the segmentation of our players.", CAT)


def test_a_model_s_experiment_is_no_product_test() -> None:
    def tests_products(line: str) -> bool:
        return "ab-experiments" in evidence_of(f"Title\n{line}", CAT)

    assert not tests_products("You have experimented with different hyperparameter optimization methods.")
    assert not tests_products("Set up experiment tracking for the research team.")
    assert not tests_products("Run training experiments on our GPU cluster.")
    assert tests_products("Run experiments on the checkout page and judge the results.")
    assert tests_products("Statistical analysis, modeling, experiments and reporting.")  # (a list: each its own)


def test_present_as_a_state_is_no_presentation() -> None:
    def presents(line: str) -> bool:
        return "present-findings" in evidence_of(f"Title\n{line}", CAT)

    assert not presents("Maintain current data initiatives and improve present-day structures.")
    assert not presents("Check that the data present in the warehouse is complete.")
    assert presents("Present your findings to the leadership team.")


def test_a_team_s_name_is_a_few_words_before_it_not_the_hire_s_work() -> None:
    line = "Use data to increase user reach and user engagement to help product teams define their strategies."
    assert "behaviour-statistics" in evidence_of(f"Title\n{line}", CAT)
    assert "etl-pipelines" not in evidence_of("Title\nThe data pipelines team builds the warehouse.", CAT)


def test_what_the_hire_s_own_team_does_counts_and_the_company_blurb_does_not() -> None:
    from rolefit.postings.sections import parts

    found = parts("T\nWe sell shoes online.\nThe data science team builds the data-driven features of the company.\n")
    assert [p.kind for p in found] == ["company", "team"]
    assert 0 < found[1].weight < parts("T\nResponsibilities\nBuild features.\n")[0].weight
    found = parts("T\nHealth Union is the only digital health company that builds engagement for patients.\n")
    assert [p.kind for p in found] == ["company"]
    # what "is a plus" or "is a must" is the hire's to have, not the company describing itself
    for line in ("Image and video analytics is a plus.", "Experience deploying models in production is a must."):
        assert parts(f"T\n{line}\n")[0].kind != "company", line
    assert parts("T\nAcme is a bank for small firms.\n")[0].kind == "company"


def test_research_of_a_market_or_an_errand_is_no_r_and_d() -> None:
    def researches(line: str) -> bool:
        return "implement-papers" in evidence_of(f"Title\n{line}", CAT)

    assert not researches("Lead UX research and customer research for the app.")
    assert not researches("Apply operations research to the supply chain.")
    assert not researches("Research discrepancies between reports and their sources.")
    assert not researches("Researching links between network quality and churn.")
    assert researches("Research and develop machine learning systems for text.")
    assert researches("Research new algorithms for ranking.")
    assert researches("Conduct research on speech recognition.")
    assert not researches("Acme Labs is looking for a Research Engineer to join us.")  # (a title)
    assert researches("Experience with market analysis, research and publishing.")  # (a list: each its own)


def test_work_done_by_another_team_in_the_passive_is_theirs() -> None:
    line = "Our ranking models are built and deployed by a separate ML engineering team."
    assert not {"build-models", "deploy-models"} & set(evidence_of(f"Title\n{line}", CAT))
    line = "Pipelines are owned by data engineers; you build the models."
    assert "etl-pipelines" not in evidence_of(f"Title\n{line}", CAT)
    # help given, or a use made of the work, is no work given away
    line = "Architect and maintain a data platform used by our customers and data scientists."
    assert "data-warehouse" in evidence_of(f"Title\nDuties\n{line}", CAT)
    line = "You will be supported by the data engineering team and build dashboards."
    assert "bi-dashboards" in evidence_of(f"Title\n{line}", CAT)


def test_a_company_s_blurb_under_a_duties_heading_is_the_company_s() -> None:
    from rolefit.postings.sections import parts

    text = (
        "Manager, Data Science\nThe Opportunity\nFounded in 2009, Acme is the world's leading AI writing company.\n"
        "You will lead a team that builds models.\n"
    )
    assert [p.kind for p in parts(text)] == ["company", "duties"]


def test_a_list_run_into_one_line_is_cut_into_its_items() -> None:
    from rolefit.postings.sections import parts

    text = "Data Scientist\nKey Responsibilities: -Build dashboards for sales -Analyze data from many sources\n"
    assert [(p.kind, p.text) for p in parts(text)] == [
        ("duties", "Build dashboards for sales"),
        ("duties", "Analyze data from many sources"),
    ]
    assert [p.text for p in parts("T\nWe ship in 2020 -2021 only.\n")] == ["We ship in 2020 -2021 only."]


def test_the_title_again_is_no_work_and_a_list_of_gerunds_is_a_sentence() -> None:
    text = "Kajabi - Data Engineer Lead - Remote\n\nRole: Data Engineer Lead\n\nLocation: Remote\n"
    assert "etl-pipelines" not in evidence_of(text, CAT)
    found = find_evidence(
        make_posting("p", "T\nDuties\nBuilding, updating and maintaining dashboards and reports\n"), CAT
    )
    assert [e.weight for e in found[0] if e.task == "bi-dashboards"] == [1.0]  # (no tech-stack list)


def test_the_name_in_a_web_address_is_a_company_not_a_tool() -> None:
    assert "etl-pipelines" not in evidence_of("Title\nResponsibilities\nOwn reporting at Hive.co.", CAT)
    assert "etl-pipelines" in evidence_of("Title\nResponsibilities\nQuery Hive and Spark tables.", CAT)


def test_a_line_that_is_only_a_link_is_no_work() -> None:
    text = "T\nDuties\n- [How our team built its data pipelines](https://example.com/blog)\n- Build dashboards.\n"
    assert "etl-pipelines" not in evidence_of(text, CAT) and "bi-dashboards" in evidence_of(text, CAT)


def test_the_company_hiring_and_the_streaming_business_are_no_tasks() -> None:
    assert "hiring" not in evidence_of("Title\nAcme is hiring a Data Scientist. A contract to hire.", CAT)
    assert "hiring" in evidence_of("Title\nYou will be hiring two analysts.", CAT)
    assert "etl-pipelines" not in evidence_of("Title\nJoin a new leader in the streaming space.", CAT)
    assert "etl-pipelines" in evidence_of("Title\nBuild streaming pipelines with Kafka.", CAT)


def test_what_we_need_from_you_is_the_requirements() -> None:
    from rolefit.postings.sections import heading_kind, parts

    assert heading_kind("Typical responsibilities are:") == "duties"
    about = parts("T\nAbout us\nWe sell shoes.\nThe data science team builds the data-driven features.\n")
    assert [p.kind for p in about] == ["company", "team"]

    assert heading_kind("What we need from you") == "requirements"
    assert heading_kind("What We Expect From You:") == "requirements"


def test_stakeholder_engagement_and_trying_new_tools_are_no_product_work() -> None:
    assert "behaviour-statistics" not in evidence_of("Title\nExcellent stakeholder engagement skills.", CAT)
    assert "behaviour-statistics" in evidence_of("Title\nImprove engagement across the app.", CAT)
    assert "ab-experiments" not in evidence_of("Title\nLove to experiment with new technology.", CAT)
    assert "ab-experiments" in evidence_of("Title\nExperiment with pricing on the checkout page.", CAT)


def test_behaviour_of_bots_and_research_into_users_are_not_what_they_seem() -> None:
    assert "behaviour-statistics" not in evidence_of("Title\nAnalyze detection mechanisms and bot behaviors.", CAT)
    assert "behaviour-statistics" in evidence_of("Title\nAnalyse customer behaviour across the funnel.", CAT)
    assert "implement-papers" not in evidence_of("Title\nDrive research to improve user experience.", CAT)
    duties = "Title\nWhat you will do\nYou will research what shoppers pursue in their decisions."
    assert "implement-papers" not in evidence_of(duties, CAT)
    assert "implement-papers" in evidence_of("Title\nResearch new methods that help users find songs.", CAT)
    assert "implement-papers" in evidence_of("Title\nResearch models for shoppers.", CAT)
    # a list of departments names whom the hire works with: its "Research" is neither R&D nor a study of users
    assert "implement-papers" not in evidence_of("Title\nWork with Design, Research, User Services and Legal.", CAT)


@pytest.mark.parametrize(
    "line",
    [
        "Drive collaboration across Engineering, Product, Design, Research, User Services, Trust & Safety and Legal.",
        "Work with Sales Operations, Business Intelligence, Marketing and other stakeholders on the metrics.",
        "Partner with Engineering, Product, Account Managers, DataOps and DevOps.",
    ],
)
def test_a_list_of_departments_is_whom_the_hire_works_with_not_the_work(line: str) -> None:
    assert not {"implement-papers", "bi-dashboards", "ci-cd"} & set(
        evidence_of(f"Title\nWhat you will do\n{line}", CAT)
    )


def test_skills_written_in_capitals_are_still_the_hire_s_work() -> None:
    duties = "Title\nWhat you will do\n"
    assert "build-models" in evidence_of(duties + "Apply Machine Learning, Statistics and Optimization.", CAT)
    assert "ab-experiments" in evidence_of(duties + "Own Marketing Analytics, Product Analytics and A/B Testing.", CAT)
    assert "implement-papers" in evidence_of(duties + "Research new ranking methods with Product and Design.", CAT)


def test_a_team_the_hire_leads_does_the_hire_s_work() -> None:
    duties = "Title\nWhat you will do\n"
    assert "build-models" in evidence_of(duties + "Lead a team of motivated ML engineers who build models.", CAT)
    assert "build-models" in evidence_of(duties + "Join a team of engineers who train deep learning models.", CAT)
    assert "build-models" not in evidence_of(duties + "Our ML engineers, who train the models, will help.", CAT)


def test_building_ml_solutions_is_machine_learning_but_ml_tooling_is_not() -> None:
    def weight(line: str) -> float:
        found, _ = find_evidence(make_posting("p", f"Title\nWhat you will do\n{line}"), CAT)
        return max((e.weight for e in found if e.task == "build-models"), default=0.0)

    assert weight("Build end-to-end ML solutions that deliver product value.") == 1.0
    assert weight("Build machine learning models for search.") == 1.0
    assert 0 < weight("Improve the ML tooling of the company.") < 0.5


def test_experience_with_an_adjective_is_a_requirement_where_no_heading_says() -> None:
    got = parts("Data Scientist\nPractical experience with predictive modelling and forecasting.\n")
    assert got[-1].kind == "requirements"
    got = parts("Data Scientist\nThe ability to apply advanced data science techniques.\n")
    assert got[-1].kind == "requirements"
    for line in ("Candidates must have strong experience in data manipulation tools.", "The candidate will have SQL."):
        assert parts(f"Data Scientist\n{line}\n")[-1].kind == "requirements"
    # (what the candidate will do is the duties)
    assert parts("Data Scientist\nThe candidate will build machine learning models.\n")[-1].kind == "open"


def test_text_mining_and_sentiment_analysis_are_model_work() -> None:
    for line in ("Perform activities that require text mining.", "Run sentiment analysis on reviews."):
        assert "build-models" in evidence_of(f"Title\n{line}", CAT)


def test_a_time_schedule_is_no_scheduled_job_and_we_hire_is_no_hiring_task() -> None:
    assert "automate-pipelines" not in evidence_of("Title\nAble to work on a tight time schedule.", CAT)
    assert "hiring" not in evidence_of("Title\nWe hire the best and brightest.", CAT)
    assert "hiring" in evidence_of("Title\nResponsibilities\nHelp us hire our next analysts.", CAT)
    line = "Pay is shared during the hiring process; you must be authorised to work at the time of hire."
    assert "hiring" not in evidence_of(f"Title\nResponsibilities\n{line}", CAT)


def test_a_phrase_that_ends_in_a_joining_word_leaves_it_to_the_next() -> None:
    found = evidence_of("Title\nMake advances in bot detection and implement those advances in production.", CAT)
    assert {"implement-papers", "deploy-models"} <= set(found)


def test_a_peer_review_of_code_is_no_paper() -> None:
    line = "Collaborate through version control and peer-reviewed code."
    assert "implement-papers" not in evidence_of(f"Title\n{line}", CAT)
    assert "implement-papers" in evidence_of("Title\nShare your results in peer-reviewed venues.", CAT)


def test_what_the_hire_must_have_is_a_requirement() -> None:
    from rolefit.postings.sections import parts

    found = parts("T\nWe sell shoes.\nMust be familiar with modern data stack (Git, DBT, Fivetran).\n")
    assert found[-1].kind == "requirements"


def test_a_duty_done_with_other_teams_is_still_the_hire_s() -> None:
    line = "In collaboration with the revenue and engineering teams, build the pricing model and run A/B tests."
    assert "ab-experiments" in evidence_of(f"Title\n{line}", CAT)
    assert "ab-experiments" not in evidence_of("Title\nThe marketing teams, who run A/B tests, will help you.", CAT)
    assert "ab-experiments" not in evidence_of("Title\nThe growth teams run A/B tests.", CAT)


def test_a_field_s_name_before_another_noun_counts_little() -> None:
    def weight(line: str) -> float:
        found, _ = find_evidence(make_posting("p", f"Title\n{line}"), CAT)
        return max((e.weight for e in found if e.task == "build-models"), default=0.0)

    alone = weight("Apply machine learning to pricing.")
    assert alone > 0
    assert 0 < weight("Grow ML usage across several business units.") < alone
    assert 0 < weight("Drive ML-focused solutions across the business.") < alone
    assert weight("Use ML and statistics to price homes.") == alone  # (a list: the field on its own)


def test_a_duty_that_lists_things_is_no_tool_list() -> None:
    from rolefit.postings.evidence import is_stack_line

    assert not is_stack_line("Design, build and operate batch and streaming pipelines in Spark and Kafka")
    assert not is_stack_line("Build and maintain Tableau dashboards for revenue, occupancy and cost reporting")
    assert is_stack_line("Spark, Kafka, Airflow, dbt and Looker")


def test_plurals_and_inflections_match_through_the_stemmer() -> None:
    assert evidence_of("Title\nYou will be building Looker dashboard and data pipeline.") == [
        "bi-dashboards",
        "etl-pipelines",
    ]


def test_greek_and_latin_plurals_meet_their_singular() -> None:
    """Porter 2 stems "analyses" to "analys" and "analysis" to "analysi": the plural is looked up
    first, as a lemmatizer's exceptions would, so "ad hoc analyses" are ad hoc analysis."""
    from rolefit.postings.words import same_word, stem

    for plural, singular in (("analyses", "analysis"), ("hypotheses", "hypothesis"), ("criteria", "criterion")):
        assert stem(plural) == stem(singular) and same_word(plural, singular)
    assert evidence_of("Title\nYou run ad hoc analyses for the sales team.", CAT) == ["quick-win-analysis"]
    assert "exploratory-analysis" in evidence_of("Title\nExecute exploratory analyses of trial data.", CAT)


def test_negation_covers_the_whole_list_and_not_only_keeps_both() -> None:
    assert evidence_of("Title\nYou will not build dashboards or maintain data pipelines.") == []
    assert sorted(evidence_of("Title\nNot only dashboards but also data pipelines.")) == [
        "bi-dashboards",
        "etl-pipelines",
    ]


def test_an_idiom_of_a_negator_denies_nothing() -> None:
    """ "Don't hesitate to", "no stranger to", a "go/no-go" decision: the work is still the job's."""
    assert evidence_of("Title\nYou don't hesitate to build Looker dashboards.") == ["bi-dashboards"]
    assert evidence_of("Title\nYou are no stranger to dbt data pipelines.") == ["etl-pipelines"]
    assert evidence_of("Title\nMake go/no-go calls and build Looker dashboards.") == ["bi-dashboards"]
    assert evidence_of("Title\nYou don't build Looker dashboards.") == []


def test_other_teams_work_and_stack_lists_count_less_or_not_at_all() -> None:
    assert evidence_of("Title\nOur data engineering team handles the data pipelines in dbt.") == []
    found, _ = find_evidence(make_posting("p", "Title\nTech stack: PyTorch, dbt, Looker, Kafka, Spark\n"), SMALL)
    assert found and all(e.weight < 0.5 for e in found)


def test_whom_the_hire_reports_to_is_not_reporting_work() -> None:
    assert "bi-dashboards" not in evidence_of("Title\nReporting to the Head of Data, you will write SQL.", CAT)
    assert "bi-dashboards" not in evidence_of("Title\nThis role reports directly to the Chief Product Officer.", CAT)
    assert "bi-dashboards" in evidence_of("Title\nBuild self-service reporting to share insights.", CAT)


def test_a_pure_data_engineering_ad_is_outside_the_archetypes() -> None:
    text = (
        "Senior Data Engineer\n## Responsibilities\n- Build and maintain ETL pipelines in Airflow.\n"
        "- Design the data warehouse in Snowflake and its dimensional models.\n- Ingest data from Kafka streams.\n"
        "- Orchestrate batch jobs and monitor pipeline failures.\n- Own data ingestion from new data sources.\n"
    )
    reading = read_posting(make_posting("de", text), CAT)
    assert reading.top is None and reading.outside == "data engineering"
    result = runner.invoke(app, ["jobs", "-", "--format", "json"], input=text)
    data = json.loads(result.stdout)["postings"][0]
    assert data["archetype"] is None and data["outside"] == "data engineering"


def test_the_table_names_each_file_and_says_what_sure_means(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.md").write_text(
            "Data Scientist\n- Train deep learning models in PyTorch.\n- Implement papers from NeurIPS.\n"
            "- Label datasets with annotators.\n",
            encoding="utf-8",
        )
    (tmp_path / "chef.txt").write_text("Chef\nCook pasta.\nClean the kitchen.\n", encoding="utf-8")
    result = runner.invoke(app, ["jobs", str(tmp_path)])
    assert result.exit_code == 0, result.output
    table = result.stdout.split("Sure: how often")[0].splitlines()[1:]
    assert [line.split()[:3] for line in table] == [
        ["Data", "Scientist", "(a)"],  # the same title twice, told apart by the file
        ["Data", "Scientist", "(b)"],
        ["Chef", "(chef)", "none"],
    ]
    chef = table[2]
    assert "none of these: not a data job" in chef and chef.rstrip().endswith("%")
    assert "Sure: how often verdicts" in " ".join(result.stdout.split())
    md = runner.invoke(app, ["jobs", str(tmp_path), "--format", "md"]).stdout
    assert "## Data Scientist (a)" in md and "## Data Scientist (b)" in md


def test_a_quote_of_a_long_line_shows_the_words_that_matched_even_inflected() -> None:
    from rolefit.report.postings import QUOTE_WIDTH, _quotes

    filler = "We are a friendly team that enjoys long lunches and good coffee in the office. " * 3
    text = "Data Scientist\nWhat you'll do\n" + filler + "You will study the behavior of players in our games.\n"
    reading = read_posting(make_posting("p", text), load_catalogue())
    line = next(e for e in reading.evidence if e.task == "behaviour-statistics")
    assert len(line.line) > QUOTE_WIDTH and line.phrase not in line.line.lower()
    quote = dict(_quotes(reading, load_catalogue(), limit=9))["behaviour-statistics"]
    assert quote.startswith("…") and "behavior of players" in quote


def test_a_quote_shows_the_phrase_where_it_stands_not_its_first_word_elsewhere() -> None:
    from rolefit.report.postings import QUOTE_WIDTH, _quotes

    line = (
        "We want someone focused on the quantitative side of the business, who is curious and technical, "
        "who likes our coffee and our people, and who turns our data into actionable business intelligence."
    )
    reading = read_posting(make_posting("p", "Data Scientist\nWhat you'll do\n" + line + "\n"), CAT)
    mention = next(e for e in reading.evidence if e.task == "bi-dashboards")
    assert len(mention.line) > QUOTE_WIDTH and mention.line.lower().count("business") == 2
    quote = dict(_quotes(reading, CAT, limit=9))["bi-dashboards"]
    assert "business intelligence" in quote and quote.startswith("…")


@pytest.mark.parametrize(
    ("line", "task", "starts", "ends"),
    [
        # a sentence of a paragraph: not the end of the one before, nor the start of the next
        (
            "We are a growing company with offices in many cities and a culture of learning across the team. "
            "You will study the behavior of players in our games and report what you find to the studio. "
            "We meet in the office on Tuesdays and Thursdays, and the rest of the week wherever suits each of us.",
            "behaviour-statistics",
            "…You will study",
            "to the studio.",
        ),
        # an item of a list run into one line; "e.g. NumPy" ends no sentence
        (
            "Ability to work in a fast-paced team with many partners across several countries and time zones "
            "• Solid experience in A/B testing with tools (e.g. Optimizely, Statsig) and causal inference "
            "• Python and SQL at a level that lets you build and maintain your own pipelines for the team",
            "ab-experiments",
            "…Solid experience in A/B testing with tools (e.g. Optimizely",
            "causal inference",
        ),
    ],
)
def test_a_quote_of_a_long_line_is_the_sentence_or_item_of_its_mention(
    line: str, task: str, starts: str, ends: str
) -> None:
    from rolefit.report.postings import QUOTE_WIDTH, _quotes

    reading = read_posting(make_posting("p", "Data Scientist\nWhat you'll do\n" + line + "\n"), CAT)
    assert len(next(e for e in reading.evidence if e.task == task).line) > QUOTE_WIDTH
    quote = dict(_quotes(reading, CAT, limit=9))[task]
    assert quote.startswith(starts) and quote.endswith(ends)


def test_a_line_is_quoted_once_though_it_shows_two_tasks() -> None:
    from rolefit.report.postings import _quotes

    text = "Data Scientist\nWhat you'll do\nTrain deep learning models and run A/B tests on them.\nLabel datasets.\n"
    reading = read_posting(make_posting("p", text), CAT)
    assert len({e.task for e in reading.evidence if "Train" in e.line}) >= 2
    lines = [line for _, line in _quotes(reading, CAT)]
    assert len(lines) == len(set(lines))


def test_markdown_has_a_fit_column_only_with_answers_and_gives_the_model_s_chances() -> None:
    posting = str(POSTINGS / "rnd-02-legal-nlp.txt")
    plain = runner.invoke(app, ["jobs", posting, "--format", "md"]).stdout
    assert plain.splitlines()[0] == "| Posting | Really is | Sure |" and "The model's chances:" in plain
    ranked = runner.invoke(app, ["jobs", posting, "--format", "md", "--answers", str(EXAMPLES / "researcher.yaml")])
    assert ranked.stdout.splitlines()[0] == "| # | Posting | Really is | Sure | Your fit |"
    assert ranked.stdout.splitlines()[2].startswith("| 1 | ")


def test_a_posting_without_enough_evidence_is_ranked_last_and_unscored(tmp_path: Path) -> None:
    (tmp_path / "vague.txt").write_text("Data Scientist\nPython, SQL, machine learning.\n", encoding="utf-8")
    (tmp_path / "ml.txt").write_text((POSTINGS / "rnd-02-legal-nlp.txt").read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(
        app, ["jobs", str(tmp_path), "--answers", str(EXAMPLES / "researcher.yaml"), "--format", "json"]
    )
    rows = json.loads(result.stdout)["postings"]
    assert [r["posting"] for r in rows] == ["ml", "vague"]
    assert "fit" in rows[0] and "fit" not in rows[1]


def test_to_learn_never_repeats_what_already_suits_you() -> None:
    result = runner.invoke(
        app, ["jobs", str(POSTINGS / "prod-04-fintech-app.txt"), "--answers", str(EXAMPLES / "analyst.yaml")]
    )
    assert result.exit_code == 0, result.output
    line = " ".join(result.stdout.split())
    suits = line.split("suits you: ")[1].split(";")[0].split(", ")
    learn = line.split("to learn: ")[1].split(";")[0].split(", ")
    assert not set(suits) & set(learn)


@pytest.mark.parametrize(
    "line",
    [
        "Strong knowledge of ETL tools and data / dimensional modeling.",
        "You understand how data is modeled in our warehouse.",
        "Pull and model data from Google Analytics.",
        "You model raw event data in the warehouse.",
        "Experience in a subscription business model.",
    ],
)
def test_a_lone_model_of_data_or_of_a_business_is_not_model_building(line: str) -> None:
    assert "build-models" not in evidence_of("Title\nWhat you'll do\n" + line, CAT)


def test_a_lone_model_that_is_trained_is_still_model_building() -> None:
    for line in ("You build a model to predict churn.", "You develop data-driven models and algorithms."):
        assert "build-models" in evidence_of("Title\nWhat you'll do\n" + line, CAT)


@pytest.mark.parametrize(
    ("text", "signs"),
    [
        ("We are about to make our 1st data hire.", (True, True)),
        ("You will be our first analytics hire.", (True, True)),
        ("You will act as our data analyst champion for marketing and sales.", (True, True)),
        ("Be the expert and champion of external marketing databases.", (False, False)),
        ("Champion data-driven decisions across our 2,800 employees.", (False, False)),
        ("Take over our fledgling Snowflake warehouse.", (True, True)),  # (a data function just begun)
        ("Acme has grown from a fledgling business to a global brand.", (False, False)),
        # the go-to person for something else is not the one data hire
        ('You will be the "go-to person" for volume data incidents.', (False, False)),
        ("You act as the go-to person for questions on the marketing tools.", (False, False)),
        ("You will be the go-to person for all things data.", (True, True)),
        ("Become our go-to data person.", (True, True)),
        # a team of six is a small firm's; a team of 10, 40 or 200 is not (the count is the whole number)
        ("We are a small team of 6 developers.", (True, False)),
        ("We are a team of 6 and growing.", (True, False)),
        ("Join a multidisciplinary team of 10 specialists.", (False, False)),
        ("Our speech team of 40 researchers and engineers builds models.", (False, False)),
        # a startup's spirit or mindset is the hire's attitude, wherever the hire works
        ("First of all, you must have a true startup spirit.", (False, False)),
        # a large firm that works like a startup is no small firm
        ("Operating as a tech startup within a Fortune 100 company, we redefine insurance.", (False, False)),
        ("You'll be a part of a startup-like environment.", (False, False)),
        ("A forward-thinking start-up culture, inside of a well-established bank.", (False, False)),
        ("We are a fast-growing start-up in Ghent.", (True, False)),
        ("We are a 12-person startup.", (True, False)),
        # idioms: a paycheck, a start-up's spirit, a founding long ago
        ("We offer more than just your paycheck.", (False, False)),
        ("It is just you and the founders.", (True, True)),
        ("We keep the entrepreneurial spirit of a start-up.", (False, False)),
        ("We have grown since our founding in 1992.", (False, False)),
        ("We are a startup of twelve.", (True, False)),
        ("Join our founding team.", (True, False)),
        # what the candidate brings is not what the firm is
        ("Past working experience in a start-up environment.", (False, False)),
        ("Start-up experience is a plus.", (False, False)),
        ("You have worked at early-stage companies before.", (False, False)),
        ("We are an early-stage startup. Experience with SQL is a must.", (True, False)),
    ],
)
def test_the_signs_of_a_small_firm_s_one_data_hire(text: str, signs: tuple[bool, bool]) -> None:
    from rolefit.postings.kinds import small_firm_signs

    assert small_firm_signs(text) == signs


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_an_answers_file_given_as_a_posting_is_refused_with_the_option_it_needs(tmp_path: Path, suffix: str) -> None:
    given = tmp_path / f"me{suffix}"
    given.write_bytes((EXAMPLES / "researcher.yaml").read_bytes())
    result = runner.invoke(app, ["jobs", str(given)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and str(given) in result.stderr and "--answers" in result.stderr


def test_an_empty_posting_is_a_mistake_named_as_such(tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("  \n\n", encoding="utf-8")
    alone = runner.invoke(app, ["jobs", str(empty)])
    assert alone.exit_code == 2 and str(empty) in alone.stderr and "empty" in alone.stderr
    piped = runner.invoke(app, ["jobs", "-"], input="")
    assert piped.exit_code == 2 and "<stdin>" in piped.stderr
    (tmp_path / "dp-01.md").write_bytes((POSTINGS / "dp-01-retail-startup.md").read_bytes())
    folder = runner.invoke(app, ["jobs", str(tmp_path), "--format", "json"])
    assert folder.exit_code == 2 and [p["posting"] for p in json.loads(folder.stdout)["postings"]] == ["dp-01"]
    assert folder.stderr.count("could not read") == 1 and "empty" in folder.stderr


def test_a_posting_of_one_line_is_read_as_the_job() -> None:
    found = evidence_of("We need someone to build dashboards in Looker and run A/B tests", CAT)
    assert {"bi-dashboards", "ab-experiments"} <= set(found)
    titled = evidence_of("Data Analyst\nWe need someone to build dashboards in Looker and run A/B tests", CAT)
    assert {"bi-dashboards", "ab-experiments"} <= set(titled)  # "we need someone" is the job, not the company


def test_to_stand_up_a_warehouse_is_no_stand_up_meeting() -> None:
    assert "agile-process" not in evidence_of("Title\nWhat you'll do\nStand up our first data warehouse.", CAT)
    assert "agile-process" in evidence_of("Title\nWhat you'll do\nJoin the daily stand-ups of the team.", CAT)


@pytest.mark.parametrize("title", ["Data Pipeline Engineer", "Data Infrastructure Engineer", "Pipelines Engineer"])
def test_a_title_of_data_plumbing_claims_data_engineering(title: str) -> None:
    from rolefit.postings.kinds import TITLES

    assert next(kind for kind, pattern in TITLES if pattern.search(title)) == "data engineering"


def test_market_behaviour_and_automated_reports_are_not_what_they_seem() -> None:
    line = "Title\nResponsibilities\nBuild a pricing algorithm that adjusts nightly rates to live market behavior."
    assert "behaviour-statistics" not in evidence_of(line, CAT)
    assert "behaviour-statistics" in evidence_of("Title\nResponsibilities\nStudy user behavior in the app.", CAT)
    got = evidence_of("Title\nResponsibilities\nDevelop automated performance dashboards for marketing.", CAT)
    assert "automate-pipelines" not in got
    assert "bi-dashboards" in got
    assert "automate-pipelines" in evidence_of("Title\nResponsibilities\nAutomate the nightly data loads.", CAT)


def test_a_user_researchers_research_is_of_people() -> None:
    body = "\nResponsibilities\nGenerate hypotheses and plans for high-impact research.\n"
    assert "implement-papers" not in evidence_of("Quantitative User Experience Researcher" + body, CAT)
    assert "implement-papers" not in evidence_of("Senior UX Researcher" + body, CAT)
    assert "implement-papers" in evidence_of("Research Scientist" + body, CAT)


def test_a_sentence_that_introduces_the_team_is_its_work_not_the_jobs() -> None:
    text = (
        "Title\nThe position\n"
        "We're a tight-knit team of data scientists and BI professionals who love dashboards.\n"
        "Own the pricing model.\n"
    )
    kinds = {p.text.split()[0]: p.kind for p in parts(text)}
    assert kinds["We're"] == "team"
    assert kinds["Own"] == "duties"


@pytest.mark.parametrize(
    "line",
    [
        "Our research team publishes at NeurIPS and CVPR.",
        "Our Applied ML group is part of the platform organisation.",
        "Our data science team builds the ranking models.",
        "Our Consumer Panel team manages a panel of 5,000 families.",
    ],
)
def test_a_sentence_about_our_team_under_the_duties_is_the_teams(line: str) -> None:
    kinds = {p.text: p.kind for p in parts(f"Title\nJob description\n{line}\nTrain models for detection.\n")}
    assert kinds[line] == "team"
    assert kinds["Train models for detection."] == "duties"


@pytest.mark.parametrize("line", ["Join our research team and publish.", "You will grow our team of analysts."])
def test_joining_or_growing_our_team_is_the_hires_work(line: str) -> None:
    kinds = {p.text: p.kind for p in parts(f"Title\nJob description\n{line}\n")}
    assert kinds[line] == "duties"


@pytest.mark.parametrize("marker", ["-", "•", "*", "–"])
def test_a_bullet_marker_glued_to_its_item_is_no_part_of_it(marker: str) -> None:
    (part,) = parts(f"Title\nWhat you will do\n{marker}Read and reproduce recent papers\n")
    assert part.text == "Read and reproduce recent papers" and part.kind == "duties"
    items = parts("Title\nWhat you will do\n-Train models for detection -Deploy them -Write up results\n")
    assert [p.text for p in items] == ["Train models for detection", "Deploy them", "Write up results"]


def test_papers_are_research_but_white_papers_are_not() -> None:
    assert "implement-papers" in evidence_of("Title\nDuties\nRead and reproduce recent papers.\n", CAT)
    assert "implement-papers" not in evidence_of("Title\nDuties\nWrite white papers and case studies.\n", CAT)
    assert "implement-papers" not in evidence_of("Title\nDuties\nReplace paper-based forms.\n", CAT)


def test_a_scraped_ad_whose_line_breaks_were_lost_is_read_item_by_item() -> None:
    text = (
        "Data Scientist\n\nThe Data Scientist will be responsible for auditing data and reporting . "
        "The Data Scientist MUST HAVE + Minimum 5 years of web analytics experience + Experience in data analysis "
        "+ Proficiency in Tableau RESPONSIBILITIES + Data mining + Creating forecasts using statistical models "
        "+ Make recommendations for process improvements. We are an Equal Employment Opportunity Employer."
    )
    texts = [p.text for p in parts(text)]
    assert "Data mining" in texts and "Creating forecasts using statistical models" in texts
    assert not any("Data mining" in t and t != "Data mining" for t in texts)
    kinds = {p.text: p.kind for p in parts(text)}
    assert kinds["We are an Equal Employment Opportunity Employer."] == "eeo"
    assert kinds["Data mining"] != "eeo"  # the list is not swallowed by the last sentence's EEO words
    assert {"exploratory-analysis", "behaviour-statistics"} <= set(evidence_of(text, CAT))


def test_pay_plus_perks_on_one_line_is_no_list() -> None:
    line = "Acme | ML Engineer | Remote | $200k - $350k + Benefits + Equity | https://acme.example"
    texts = [p.text for p in parts(f"Title\n\n{line}\nBuild models.\n")]
    assert "Benefits" not in texts and "Build models." in texts


def test_a_paragraph_s_sentence_may_end_with_a_space_before_its_stop() -> None:
    filler = "We value curiosity and care in everything we do, every day, with every customer we serve. " * 5
    text = f"Title\n\n{filler}You will build the reporting . You will run A/B tests on the checkout.\n"
    texts = [p.text for p in parts(text)]
    assert "You will build the reporting ." in texts and "You will run A/B tests on the checkout." in texts


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("Work with the business, product, analytics and engineering leaders.", False),
        ("Own product analytics for the checkout.", True),
        ("Run A/B tests on the checkout.", True),
        ("Talk to product (analytics is someone else's).", False),
    ],
)
def test_a_phrase_is_not_read_across_a_comma_or_a_bracket(line: str, found: bool) -> None:
    from rolefit.postings.words import LexiconIndex, tokens

    index = LexiconIndex([("t", ["product analytics", "a/b tests"])])
    assert bool(index.scan(tokens(line))) is found


@pytest.mark.parametrize(
    "heading",
    ["Perks of the job:", "Our perks", "Perks & Benefits", "Benefits of working here:", "Perks of working with us"],
)
def test_a_perks_heading_with_words_after_it_starts_the_benefits(heading: str) -> None:
    from rolefit.postings.sections import heading_kind

    assert heading_kind(heading) == "benefits"
    text = f"Title\nWhat you will do\nBuild models.\n{heading}\nConference and training reimbursement\n"
    assert {p.text: p.kind for p in parts(text)}["Conference and training reimbursement"] == "benefits"


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("You will be highly engaged through all stages of a project.", False),
        ("Stay engaged with the wider team.", False),
        ("Lead data governance engagements, from assessment to roadmap.", False),  # a consultancy's
        ("Support proposal responses for engagements in the analytics domain.", False),
        ("Measure user engagement and retention.", True),
        ("Grow the share of engaged users.", True),
    ],
)
def test_an_engaged_hire_is_no_user_engagement(line: str, found: bool) -> None:
    assert ("behaviour-statistics" in evidence_of(f"Title\nDuties\n{line}\n", CAT)) is found


@pytest.mark.parametrize(
    "line",
    [
        "The information of this description has been designed to indicate the general nature of work performed.",
        "The actual essential duties, responsibilities and qualifications may vary by department, reporting structure.",
        "It is not designed to contain or be interpreted as a comprehensive inventory of all duties.",
        "Acme reports payments and other transfers of value to health care providers as required by transparency laws.",
        "Reimbursement of recruiting expenses may be a reportable transfer of value under the Sunshine Act.",
    ],
)
def test_a_job_description_s_small_print_is_no_work(line: str) -> None:
    (part,) = [p for p in parts(f"Title\nResponsibilities\n{line}\n") if p.text == line]
    assert part.weight == 0.0


LINKEDIN = """About the job
Data Scientist, Growth
Streamly · Berlin (Hybrid)

About the job
Streamly is Europe's fastest-growing podcast app with 20 million monthly listeners.

Responsibilities
• Design, run and analyse A/B tests on onboarding and pricing
• Build models to predict listener churn

Streamly is an equal opportunity employer.
"""


def test_the_employers_name_is_no_work() -> None:
    """'Streamly' stems like 'streaming': named in the LinkedIn header line, the blurb and the
    equal-opportunity sentence, it is the employer, not pipeline work."""
    found = evidence_of(LINKEDIN, CAT)
    assert "etl-pipelines" not in found
    assert {"ab-experiments", "build-models"} <= set(found)
    # the same words, not the name: still work
    assert "etl-pipelines" in evidence_of("Title\nWhat you will do\nBuild our streaming pipelines.", CAT)


def test_only_the_whole_name_is_set_aside() -> None:
    text = "Title\nAt Zest AI, we lend fairly.\nWhat you will do\nApply AI to underwriting.\n"
    assert "build-models" in evidence_of(text, CAT)
    assert company_names(text) == ("Zest AI",)
    assert company_names("Title\nBasic Qualifications\n· A degree\n") == ()
    assert company_names("Title\nWe are Blue Owl. We are an equal opportunity employer.\n") == ()
    assert company_names("Title\nAbout Hive.co\nWe make tickets.\n") == ("Hive.co",)


def test_a_recommendation_model_is_built_and_a_well_modelled_warehouse_is_no_model() -> None:
    duties = "Title\nWhat you will do\n"
    assert evidence_of(duties + "Ship a simple recommendation model.", CAT) == ["build-models"]
    assert "present-findings" in evidence_of(duties + "Present findings and recommendations to leadership.", CAT)
    assert "build-models" not in evidence_of(duties + "Keep the warehouse fast and well modelled.", CAT)
    assert "build-models" in evidence_of(duties + "Train and tune the churn models.", CAT)


@pytest.mark.parametrize(
    "heading", ["## What you won't do", "What you will not do:", "**What this job is not**", "## Out of scope"]
)
def test_what_the_job_is_not_is_negated_under_its_own_heading(heading: str) -> None:
    text = (
        "Data Scientist, Growth\n## What you'll do\n- Design and analyse A/B tests.\n"
        f"{heading}\n- Build or maintain ETL pipelines\n- Build Tableau dashboards\n"
    )
    found, negated = find_evidence(make_posting("p", text), CAT)
    assert "ab-experiments" in {e.task for e in found}
    assert not {"etl-pipelines", "bi-dashboards"} & {e.task for e in found}
    assert {"etl-pipelines", "bi-dashboards"} <= {e.task for e in negated}


def test_a_tech_stack_section_of_a_tool_a_line_counts_as_one_line_of_tools() -> None:
    duties = "Product Data Scientist\n## What you'll do\n- Design and analyse A/B tests on onboarding.\n"
    tools = ["Snowflake", "dbt", "Fivetran", "Airflow", "Looker", "Kafka", "Spark"]
    stacked, _ = find_evidence(make_posting("p", duties + "### Tech stack\n" + "".join(f"- {t}\n" for t in tools)), CAT)
    inline, _ = find_evidence(make_posting("p", duties + "- Tech stack: " + ", ".join(tools) + "\n"), CAT)
    weight: dict[str, float] = {}
    for e in stacked:
        weight.setdefault(e.task, 0.0)
        weight[e.task] += e.weight
    assert weight["ab-experiments"] == 1.0
    assert all(w <= 0.35 for t, w in weight.items() if t != "ab-experiments")  # each tool's task once, as tools
    assert {e.task for e in stacked} == {e.task for e in inline}
    # the lines after a "Tech stack:" line are not tools
    after, _ = find_evidence(make_posting("p", duties + "Tech stack: dbt, Looker\n- Run churn analyses.\n"), CAT)
    assert {e.part for e in after if e.task == "exploratory-analysis" or e.task == "predictive-analytics"} != {"stack"}


def test_the_boss_s_title_is_no_work_and_other_senses_of_common_words() -> None:
    def found(line: str) -> set[str]:
        return set(evidence_of(f"Title\nWhat you will do\n{line}", CAT))

    assert "bi-dashboards" not in found("You will report to the Director of Business Intelligence.")
    assert "bi-dashboards" not in found("Reporting to the Head of BI, you will run A/B tests.")
    assert "ab-experiments" in found("Reporting to the Head of BI, you will run A/B tests.")
    assert "bi-dashboards" in found("You will report to the Head of Data and build Tableau dashboards.")
    assert "present-findings" not in found("Own our recommendations feed and its ranking.")
    assert "present-findings" in found("Make recommendations to product managers.")
    assert "predictive-analytics" not in found("Improve instance segmentation of cells in microscopy images.")
    assert "build-models" in found("Improve instance segmentation of cells in microscopy images.")
    assert "predictive-analytics" in found("Build customer segmentation for marketing.")
    assert "hiring" not in found("You'll be our first data hire.")
    assert "hiring" in found("Hire and grow the data team.")


@pytest.mark.parametrize(
    ("line", "task"),
    [
        ("Share results with the whole company.", "present-findings"),
        ("Explain findings to the wider company.", "present-findings"),
        ("Run randomised controlled trials of new features.", "ab-experiments"),
        ("Build pipelines in Azure Data Factory.", "etl-pipelines"),
    ],
)
def test_words_people_write_for_a_task(line: str, task: str) -> None:
    assert task in evidence_of(f"Title\nWhat you will do\n{line}", CAT)
    assert "deploy-models" not in evidence_of("Title\nWhat you will do\nBuild pipelines in Azure Data Factory.", CAT)


def test_the_first_data_hire_is_read_even_with_one_task_named() -> None:
    text = "Senior Data Analyst\nWe're hiring our first data hire, and you will help with retention.\n"
    assert not read_posting(make_posting("p", text), CAT).insufficient
    assert read_posting(make_posting("p", "Senior Data Analyst\nYou will help with retention.\n"), CAT).insufficient


def test_when_no_posting_can_be_read_the_errors_and_one_closing_line_are_shown(tmp_path: Path) -> None:
    (tmp_path / "blank.txt").write_text("\n", encoding="utf-8")
    out = tmp_path / "jobs.md"
    result = runner.invoke(app, ["jobs", str(tmp_path / "blank.txt"), str(tmp_path / "nope.md"), "-o", str(out)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert not out.exists()
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 3
    assert lines[-1] == f"rolefit: no posting could be read, so no report was written to {out}"


def test_a_posting_too_thin_to_judge_says_what_it_shows_in_words() -> None:
    result = runner.invoke(app, ["jobs", "-"], input="Data Analyst\nKeep the office tidy and order the coffee.\n")
    assert result.exit_code == 0
    said = " ".join(result.stdout.split())
    assert "no mention of any of a data role's tasks" in said
    assert "0 mentions" not in said


def test_jobs_takes_glob_patterns_and_reads_stdin_once(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text((POSTINGS / "rnd-01-speech-lab.md").read_text(), encoding="utf-8")
    (tmp_path / "b.txt").write_text((POSTINGS / "prod-02-marketplace.txt").read_text(), encoding="utf-8")
    result = runner.invoke(app, ["jobs", f"{tmp_path}/**/*.md", f"{tmp_path}/*.txt", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert {p["posting"] for p in json.loads(result.stdout)["postings"]} == {"a", "b"}
    result = runner.invoke(app, ["jobs", f"{tmp_path}/*.pdf"])
    assert result.exit_code == 2
    assert "no postings (.txt, .md, .markdown, .html, .htm) match this pattern" in result.stderr
    result = runner.invoke(app, ["jobs", "-", str(tmp_path / "b.txt"), "-"], input="Data Scientist\nRun A/B tests.\n")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("rolefit: <stdin>: '-' is given twice (as POSTING twice); standard input")


def test_the_untouched_template_ranks_no_postings(tmp_path: Path) -> None:
    blank = tmp_path / "blank.yaml"
    assert runner.invoke(app, ["template", "-o", str(blank)]).exit_code == 0
    result = runner.invoke(app, ["jobs", str(POSTINGS / "prod-02-marketplace.txt"), "--answers", str(blank)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"{blank}: this is the untouched template" in result.stderr


def test_the_fields_of_an_indeed_page_are_no_work() -> None:
    text = (
        "Data Analyst\nJob details\nJob type\nFull-time\nShift and schedule\n8 hour shift\nMonday to Friday\n"
        "Full job description\nBuild Tableau dashboards for the sales team.\nWork Location: In person\n"
    )
    found, _ = find_evidence(make_posting("p", text), CAT)
    assert {e.task for e in found} == {"bi-dashboards"}
    assert "automate-pipelines" not in {e.task for e in found}  # (a shift's "schedule" is no scheduled job)


def test_a_whole_linkedin_page_pasted_is_titled_by_its_job_and_its_furniture_is_no_work() -> None:
    text = (
        "Acme Robotics\nShare\nShow more options\nData Scientist\nAcme Robotics · Boston, MA (On-site)\n"
        "Easy Apply\nSave\nMeet the hiring team\nJane Doe\nHead of Data Engineering at Acme Robotics\n"
        "Job poster\n\nAbout the job\nIn this role you will:\n- Run experiments on new releases\n"
        "- Present findings to leadership\n"
    )
    posting = make_posting("li", text)
    assert posting.title == "Data Scientist"
    found, _ = find_evidence(posting, CAT)
    assert {e.task for e in found} == {"ab-experiments", "present-findings"}


def test_a_duty_with_its_examples_in_brackets_is_no_tool_list_and_its_quote_is_the_duty() -> None:
    from rolefit.postings.evidence import is_stack_line

    assert not is_stack_line("Pick and set up our data warehouse (BigQuery or Snowflake, your call)")
    assert is_stack_line("Tools (Spark, Airflow, dbt, Kafka)")
    assert is_stack_line("Python, SQL, Spark, Airflow (and dbt)")
    text = (
        "Founding Data Scientist\n**About the role**\nRight now our data lives in a production database.\n"
        "**Responsibilities**\n- Pick and set up our data warehouse (BigQuery or Snowflake, your call)\n"
        "- Build the pipelines that bring in data from Stripe\n"
    )
    result = runner.invoke(app, ["jobs", "-"], input=text)
    assert "“Pick and set up our data warehouse" in " ".join(result.stdout.split())


PAGE = (
    "<!DOCTYPE html><html><head><title>Data Scientist, Growth | Acme</title>"
    "<script>var s = 'build dashboards and ETL pipelines';</script><style>p{}</style></head><body>"
    "<nav><a href='/'>Data engineering jobs</a></nav><h1>Data Scientist, Growth</h1>"
    "<p>Acme is a leading marketplace.</p><h2>What you&#8217;ll do</h2><ul>"
    "<li>Design, run and analyse <b>A/B tests</b> on onboarding</li>"
    "<li>Build models to predict churn and segment users</li></ul>"
    "<h2>Benefits</h2><ul><li>A learning budget for machine learning courses</li></ul>"
    "<footer>We also hire data engineers to build ETL pipelines.</footer></body></html>"
)


@pytest.mark.parametrize("name", ["ad.html", "ad.htm", "ad.txt"])
def test_a_saved_web_page_is_read_as_the_text_a_reader_sees(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text(PAGE, encoding="utf-8")
    (posting,) = read_postings([str(tmp_path)]).postings
    assert posting.title == "Data Scientist, Growth"
    found = {e.task for e in find_evidence(posting, CAT)[0]}
    assert {"ab-experiments", "predictive-analytics"} <= found
    assert not {"etl-pipelines", "bi-dashboards"} & found  # (the script, the menu and the footer are no ad)
    assert "build-models" not in {e.task for e in find_evidence(posting, CAT)[0] if "course" in e.line}


@given(st.text(alphabet=st.sampled_from(list("<>/=\"' abcdhilpstuvy!-&#;\n")), max_size=300))
@settings(max_examples=150, deadline=None)
def test_any_markup_is_read_without_an_error(markup: str) -> None:
    from rolefit.postings.html_text import page_text

    text = page_text("<html>" + markup)
    assert isinstance(text, str) and "<script" not in text.lower()


def test_a_runner_up_nearly_as_likely_is_said_to_be_close_behind(tmp_path: Path) -> None:
    ad = (
        "# Senior Data Scientist, Personalisation\n## What you'll do\n"
        "- Train and tune deep learning recommendation models in PyTorch\n"
        "- Design and run A/B tests for every new model, and analyse the results\n"
        "- Analyse user behaviour to find where personalisation fails\n"
        "- Segment users and forecast their engagement\n"
        "- Deploy the models to production and monitor them\n"
    )
    from rolefit.report.reading import close_behind

    reading = read_posting(make_posting("p", ad), CAT)
    # (by the chances the verdict is given with, not by this ad's: they move with each refit of the model)
    mixed = replace(
        reading, hybrid=None, chances=(("product", 0.5), ("rnd", 0.4), ("data-person", 0.06), ("none", 0.04))
    )
    assert close_behind(mixed, CAT).startswith("Close behind: R&D data scientist (40% against 50%): the ad mixes")
    apart = replace(mixed, chances=(("product", 0.7), ("rnd", 0.2), ("data-person", 0.06), ("none", 0.04)))
    assert close_behind(apart, CAT) == ""
    assert close_behind(replace(mixed, hybrid=("product", "rnd")), CAT) == ""
    roles = [p for c, p in reading.chances if c != "none"]
    close = not reading.hybrid and roles[1] >= 0.6 * roles[0]
    result = runner.invoke(app, ["jobs", "-"], input=ad)
    said = " ".join(result.stdout.split())
    assert ("Close behind:" in said and "the ad mixes both kinds of work" in said) == close
    clear = runner.invoke(app, ["jobs", str(POSTINGS / "rnd-01-speech-lab.md")])
    assert "Close behind" not in clear.stdout
    out = tmp_path / "jobs.html"
    assert runner.invoke(app, ["jobs", "-", "-o", str(out)], input=ad).exit_code == 0
    assert ("Close behind:" in out.read_text(encoding="utf-8")) == ("Close behind:" in said)


def test_the_first_in_a_team_is_not_the_company_s_first_data_hire() -> None:
    from rolefit.postings.kinds import small_firm_signs

    assert small_firm_signs("you'll be the first data scientist dedicated to search.") == (False, False)
    assert small_firm_signs("you will be the first data scientist on the payments squad.") == (False, False)
    assert small_firm_signs("join a 40-person data organisation.") == (False, False)
    assert small_firm_signs("we are hiring our first data scientist.") == (True, True)
    assert small_firm_signs("we are a 40-person startup.")[0]
    assert small_firm_signs("you will be the first person in the company to take care of the data.")[1]


def test_work_for_later_counts_less_than_the_work_now() -> None:
    def weight(line: str) -> float:
        found, _ = find_evidence(make_posting("p", f"Title\nWhat you will do\n{line}"), CAT)
        return max((e.weight for e in found if e.task == "build-models"), default=0.0)

    assert weight("Build predictive models for churn.") == 1.0
    assert weight("Later, as we grow, build our first predictive models.") == 0.5
    assert weight("In future, to develop models for predictive maintenance.") == 0.5
    assert weight("You will shape the future of our models.") == 1.0


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("2. Responsibilities", "duties"),
        ("3.1 Requirements", "requirements"),
        ("II. Benefits", "benefits"),
        ("4) Perks", "benefits"),
        ("🎁 Perks", "benefits"),
        ("💡 What you'll do", "duties"),
    ],
)
def test_numbered_and_emoji_headings_are_headings(heading: str, kind: str) -> None:
    from rolefit.postings.sections import heading_kind

    assert heading_kind(heading) == kind
    text = f"Data Scientist\n{heading}\n- A budget to attend conferences such as NeurIPS\n"
    got = parts(text)
    assert got[-1].kind == kind
    assert "Requirements" not in {e.line for e in find_evidence(make_posting("p", text), CAT)[0]}


def test_emoji_and_numbered_bullets_are_bullets_and_a_duty_with_our_is_a_duty() -> None:
    from rolefit.postings.sections import clean

    assert clean("✅ Build models for churn") == "Build models for churn"
    assert clean("3.3 Build models") == "Build models"
    assert clean("3.5 years of SQL") == "3.5 years of SQL"
    assert "ab-experiments" in evidence_of("Data Scientist\nRun A/B tests on our checkout\n", CAT)
    assert evidence_of("Data Scientist\nOur company runs A/B tests on shoes.\n", CAT) == []


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Back to jobs\nData Scientist, Search Relevance\nAcme\n", "Data Scientist, Search Relevance"),
        ("Skip to main content\nCareers\nData Scientist - Segmentation\nRemote\n", "Data Scientist - Segmentation"),
        (
            "Orbis Robotics logo\nMachine Learning Scientist, Perception\nBoston\n",
            "Machine Learning Scientist, Perception",
        ),
        ("🚀 We're hiring: Product Data Scientist @ Beatloop 🎧\n\nWe make music apps.\n", "Product Data Scientist"),
        (
            "NORTHFIELD plc        JOB DESCRIPTION\nResearch Scientist – Grid Forecasting\nLondon\n",
            "Research Scientist – Grid Forecasting",
        ),
    ],
)
def test_the_title_is_the_job_under_a_page_s_furniture(text: str, title: str) -> None:
    assert make_posting("p", text).title == title


def test_a_pdf_s_page_headers_numbers_and_broken_words_are_mended() -> None:
    text = (
        "NORTHFIELD plc      JOB DESCRIPTION\nResearch Scientist – Grid Forecasting\nResponsibilities\n"
        "- Analyse rider behav-\niour across the network and re-\nsearch new forecasting methods\nPage 1 of 2\n"
        "NORTHFIELD plc      JOB DESCRIPTION\nResearch Scientist – Grid Forecasting\nResponsibilities\n"
        "- Build models of demand\n"
    )
    got = [(p.kind, p.text) for p in parts(text)]
    assert got == [
        ("duties", "Analyse rider behaviour across the network and research new forecasting methods"),
        ("duties", "Build models of demand"),
    ]


def test_a_job_that_names_no_data_work_is_no_data_job() -> None:
    ad = (
        "Warehouse Shift Supervisor\nWhat you'll do\n- Lead a team of 25 warehouse operatives on the night shift\n"
        "- Plan the pick and load schedule so every trailer leaves on time\n"
        "- Monitor KPIs on our WMS dashboards and report them to the shift manager each morning\n"
        "- Train new starters\nWhat you'll need\n- Confident with Excel\n"
    )
    reading = read_posting(make_posting("p", ad), CAT)
    assert reading.not_data and not reading.insufficient and reading.outside == NOT_DATA
    result = runner.invoke(app, ["jobs", "-"], input=ad)
    said = " ".join(result.stdout.split())
    assert "none of these: not a data job" in said and "names data work" in said
    assert "Monitor KPIs" not in said  # (its mentions of a data role's tasks are not quoted as the job's)
    data_ad = ad.replace("Monitor KPIs", "Analyse the data behind the KPIs")
    assert not read_posting(make_posting("p", data_ad), CAT).not_data


def test_a_careers_site_s_menu_is_not_the_title() -> None:
    text = (
        "Skip to main content\nCareers at Brookvale Retail Group\nSearch for Jobs\nSign In\n"
        "Data Scientist - Segmentation\nApply\n"
    )
    assert make_posting("p", text).title == "Data Scientist - Segmentation"


def test_every_format_says_the_same_of_your_fit_to_a_posting(tmp_path: Path) -> None:
    ad = str(POSTINGS / "prod-02-marketplace.txt")
    answers = str(EXAMPLES / "analyst.yaml")
    data = json.loads(runner.invoke(app, ["jobs", ad, "--answers", answers, "--format", "json"]).stdout)
    fit = data["postings"][0]["fit"]
    titles = {t.id: t.title for t in CAT.tasks}

    def said(key: str, none: str) -> str:
        return ", ".join(titles[t] for t in fit[key]) or none

    line = (
        f"Your fit {fit['score']:.0f}: suits you: {said('suits_you', 'nothing in particular')}; "
        f"to learn: {said('to_learn', 'nothing pressing')}; you would avoid: {said('to_avoid', 'nothing')}."
    )
    assert not set(fit["suits_you"]) & set(fit["to_learn"])  # (what you would need to learn does not suit you yet)
    text = runner.invoke(app, ["jobs", ad, "--answers", answers], env={"COLUMNS": "400"}).stdout
    assert line in " ".join(text.split())
    md = runner.invoke(app, ["jobs", ad, "--answers", answers, "--format", "md"]).stdout
    assert line in md
    page = tmp_path / "jobs.html"
    assert runner.invoke(app, ["jobs", ad, "--answers", answers, "-o", str(page)]).exit_code == 0
    assert line.replace("'", "&#39;") in page.read_text(encoding="utf-8") or line in page.read_text(encoding="utf-8")


def test_a_quote_with_a_wide_character_wraps_whole_at_80_columns() -> None:
    ad = (
        "Data Scientist\nResponsibilities\n- 🎧 Analyse product usage 🎧 in the app and report on a weekly basis "
        "to the product squads and the wider company every week\n- Run A/B tests\n- Study the funnel conversion\n"
    )
    result = runner.invoke(app, ["jobs", "-"], input=ad, env={"COLUMNS": "80"})
    said = " ".join(result.stdout.split())
    assert "report on a weekly basis to the product squads" in said
    assert "“Analyse product usage 🎧 in the app" in said  # (the emoji bullet is a bullet, not the quote's)


@pytest.mark.parametrize(
    ("line", "task", "counted"),
    [
        ("Improve 3D detection and segmentation of parts in scans.", "predictive-analytics", False),
        ("Build customer segmentation for marketing.", "predictive-analytics", True),
        ("Build ELT pipelines from Postgres, Segment and our EHR integrations.", "predictive-analytics", False),
        ("Segment users by behaviour.", "predictive-analytics", True),
        ("Survey and reimplement recent methods from the literature.", "behaviour-statistics", False),
        ("Design user surveys and analyse them.", "behaviour-statistics", True),
        ("You will be paired with a mentor.", "mentoring", False),
        ("Mentor junior analysts.", "mentoring", True),
        ("Design the warehouse models in dbt.", "build-models", False),
        ("Work on two client engagements a year.", "behaviour-statistics", False),
        ("Analyse user engagement.", "behaviour-statistics", True),
    ],
)
def test_a_word_s_object_settles_its_sense(line: str, task: str, counted: bool) -> None:
    assert (task in evidence_of(f"Title\nWhat you will do\n{line}", CAT)) is counted


def test_a_job_board_s_similar_jobs_are_other_openings() -> None:
    text = (
        "Data Analyst\nWhat you will do\n- Build Tableau dashboards\nSimilar Jobs\nMachine Learning Engineer - Fraud\n"
    )
    assert [p.kind for p in parts(text)] == ["duties", "openings"]


def test_an_ad_in_another_language_says_so_rather_than_guess() -> None:
    ad = (
        "Data Scientist Produit (H/F)\nVos missions\n- Concevoir et analyser des tests A/B sur le parcours "
        "d'achat de nos clients, avec les équipes produit et marketing, chaque semaine.\n- Suivre les "
        "indicateurs clés et présenter les résultats aux équipes de direction de manière claire.\n- Construire "
        "des modèles de segmentation des utilisateurs et de prévision de la demande pour le site.\nVotre profil\n"
        "- Trois ans d'expérience en science des données, maîtrise de Python et de SQL, esprit d'équipe.\n"
    )
    reading = read_posting(make_posting("p", ad), CAT)
    assert reading.insufficient and reading.foreign
    assert "does not seem to be in English" in " ".join(runner.invoke(app, ["jobs", "-"], input=ad).stdout.split())
    english = read_posting(make_posting("p", (POSTINGS / "prod-02-marketplace.txt").read_text()), CAT)
    assert not english.foreign


FRENCH_AD = (
    "Data Scientist Produit (H/F)\nVos missions\n- Concevoir et analyser des tests A/B sur le parcours "
    "d'achat de nos clients.\n- Construire "
    "des modèles de segmentation des utilisateurs et de prévision de la demande pour le site.\n"
)


def test_an_ad_in_another_language_gets_no_verdict_from_a_catalogue_of_your_own_either(catalogue_dir: Path) -> None:
    """Roles of your own (the model does not read them): an ad in French is still said to be one, and
    not read by its English words; a short one (under 40 words) is told too."""
    roles = catalogue_dir / "roles.yaml"
    text = roles.read_text(encoding="utf-8").replace("id: product", "id: growth-analyst")
    roles.write_text(text.replace(" product: ", " growth-analyst: "), encoding="utf-8")
    own = load_catalogue(catalogue_dir)
    reading = read_posting(make_posting("p", FRENCH_AD), own)
    assert len(FRENCH_AD.split()) < 40
    assert reading.insufficient and reading.foreign
    english = read_posting(make_posting("p", (POSTINGS / "prod-02-marketplace.txt").read_text()), own)
    assert not english.foreign and not english.insufficient


def test_a_catalogue_whose_lexicons_are_in_another_language_reads_ads_in_it(catalogue_dir: Path) -> None:
    """A hiring manager's catalogue in French: a French ad is no foreign ad to it."""
    tasks = catalogue_dir / "tasks.yaml"
    french = (
        "      - tests A/B\n      - segmentation des utilisateurs\n      - prévision de la demande\n"
        "      - le parcours des clients et les équipes de la direction\n      - les modèles pour le site\n"
    )
    tasks.write_text(
        tasks.read_text(encoding="utf-8").replace("    lexicon:\n", "    lexicon:\n" + french), encoding="utf-8"
    )
    own = load_catalogue(catalogue_dir)
    assert not read_posting(make_posting("p", FRENCH_AD), own).foreign


def test_postings_of_one_name_in_two_folders_are_told_apart(tmp_path: Path) -> None:
    for folder, sample in (("c1", "rnd-01-speech-lab.md"), ("c2", "prod-02-marketplace.txt")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / ("ad" + Path(sample).suffix)).write_text((POSTINGS / sample).read_text(), encoding="utf-8")
    found = read_postings([str(tmp_path / "c1"), str(tmp_path / "c2")])
    assert [p.name for p in found.postings] == ["c1/ad", "c2/ad"]
    assert [p.name for p in read_postings([str(tmp_path / "c1")]).postings] == ["ad"]


def test_a_table_drawn_in_text_is_read_a_row_a_line() -> None:
    grid = (
        "Data Lead\nThe job, roughly:\n+------------------------------+--------+\n"
        "| Responsibility               | % time |\n"
        "+------------------------------+--------+\n| Set up a data warehouse and  | 35%    |\n"
        "| the pipelines from Shopify   |        |\n+------------------------------+--------+\n"
        "| Build dashboards the founders| 25%    |\n| use every week               |        |\n"
        "+------------------------------+--------+\n"
    )
    texts = [p.text for p in parts(grid)]
    assert "Set up a data warehouse and the pipelines from Shopify — 35%" in texts
    assert "Build dashboards the founders use every week — 25%" in texts
    assert not any("|" in t or "+--" in t for t in texts)
    markdown = "Data Analyst\n| Task | Time |\n|---|---|\n| Build dashboards | 20% |\n| Run A/B tests | 30% |\n"
    assert [p.text for p in parts(markdown)][-2:] == ["Build dashboards — 20%", "Run A/B tests — 30%"]


def test_a_folder_s_other_files_and_sub_folders_are_named_as_skipped(tmp_path: Path) -> None:
    (tmp_path / "ad.txt").write_text((POSTINGS / "prod-02-marketplace.txt").read_text(), encoding="utf-8")
    (tmp_path / "ad.rtf").write_text("{\\rtf1 Data Scientist}", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "README.md").write_text("# Ads\n", encoding="utf-8")
    result = runner.invoke(app, ["jobs", str(tmp_path)])
    assert result.exit_code == 0
    assert (
        result.stderr.strip()
        == f"rolefit: {tmp_path}: 2 entries skipped, not .txt, .md, .markdown, .html or .htm postings: ad.rtf, sub/"
    )


def test_a_posting_given_as_answers_is_named_as_such() -> None:
    result = runner.invoke(
        app, ["jobs", str(POSTINGS / "prod-02-marketplace.txt"), "--answers", str(POSTINGS / "rnd-01-speech-lab.md")]
    )
    assert result.exit_code == 2
    assert "a .md file is more likely a job posting (rolefit jobs" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_lead_in_to_a_list_is_not_the_quote_where_a_duty_says_as_much() -> None:
    ad = (
        "Research Scientist\n## The role\nThis role blends research with machine learning engineering. You will:\n"
        "- Reimplement methods from recent papers and compare them on our data\n"
        "- Train and tune forecasting models\n"
    )
    said = " ".join(runner.invoke(app, ["jobs", "-"], input=ad).stdout.split())
    assert "Turn research papers into code: “Reimplement methods from recent papers" in said


def test_a_bare_list_of_tools_is_no_other_language() -> None:
    from rolefit.postings.language import not_english

    tools = "Acme | Senior Data Scientist | Remote | " + ", ".join(["Python", "SQL", "Spark", "Airflow", "dbt"] * 10)
    assert not not_english(tools)
    assert not_english(" ".join(["Wir suchen eine Person, die mit uns und für die Daten arbeitet"] * 6))


def test_the_jobs_page_rounds_each_fit_as_the_screen_does() -> None:
    from rolefit.postings.rank import JobFit
    from rolefit.report.html.jobs_page import posting_view

    answers = complete(load_answers(EXAMPLES / "analyst.yaml", CAT), CAT)
    job = rank(
        [read_posting(make_posting("p", (POSTINGS / "prod-02-marketplace.txt").read_text()), CAT)], CAT, answers
    )[0]
    assert job.fit is not None
    edge = JobFit(job.reading, replace(job.fit, score=37.46))  # (37.5 at the JSON's one decimal)
    view = posting_view(1, edge.reading, CAT, edge)
    assert view["fit"] == "37"
    assert view["fit_line"].startswith("Your fit 37:")  # (not the JSON's figure rounded again: 38)


_SHORT_DUTIES = [
    "Build dashboards in Tableau.",
    "Train machine learning models.",
    "Run A/B tests.",
    "Maintain ETL pipelines.",
    "Present findings to executives.",
    "Clean data.",
    "Deploy models to production.",
    "Gather requirements from stakeholders.",
    "Mentor junior analysts.",
    "Label datasets.",
    "Analyse user behaviour.",
]


def _short_ad(first: str, second: str, title: str = "Data Scientist") -> tuple[Reading, float]:
    from rolefit.postings import classifier
    from rolefit.postings.features import features
    from rolefit.postings.verdict import distinctive

    reading = read_posting(make_posting("p", f"{title}\nWhat you'll do\n- {first}\n- {second}\n"), CAT)
    odds = classifier.chances(features(reading.weights, distinctive(CAT), title, reading.posting.text))
    return reading, odds[0][1]


_SHORT_TITLES = ("Data Scientist", "Data Analyst", "Data Specialist")


@given(st.sampled_from(_SHORT_DUTIES), st.sampled_from(_SHORT_DUTIES), st.sampled_from(_SHORT_TITLES))
@settings(max_examples=40, deadline=None)
def test_a_two_line_ad_gets_a_verdict_only_where_the_model_can_tell(first: str, second: str, title: str) -> None:
    from rolefit.postings.verdict import UNSURE

    reading, top = _short_ad(first, second, title)
    if reading.thin and not reading.insufficient:
        assert top >= UNSURE, (first, second, top)


def test_two_line_ads_fall_on_both_sides_of_the_model_s_doubt() -> None:
    from rolefit.postings.verdict import UNSURE

    seen: Counter[tuple[bool, bool]] = Counter()
    for title in _SHORT_TITLES:
        for k, first in enumerate(_SHORT_DUTIES):
            for second in _SHORT_DUTIES[k + 1 :]:
                reading, top = _short_ad(first, second, title)
                if reading.thin:
                    seen[(top >= UNSURE, reading.insufficient)] += 1
    assert seen[(True, False)] and seen[(False, True)] and not seen[(False, False)], seen


def test_the_json_of_a_posting_without_a_verdict_says_why() -> None:
    """ "abstained": the screen's reason (not in English, too little evidence); null with a verdict."""
    import json as jsonlib

    thin = "Data Scientist\n\nYou will build models.\n"
    for ad, why in ((FRENCH_AD, "does not seem to be in English"), (thin, "")):
        result = runner.invoke(app, ["jobs", "-", "--format", "json"], input=ad)
        (posting,) = jsonlib.loads(result.stdout)["postings"]
        assert posting["label"] == "not enough evidence" and posting["abstained"], posting
        assert why in posting["abstained"]
        assert posting["abstained"] in " ".join(runner.invoke(app, ["jobs", "-"], input=ad).stdout.split())
    clear = (POSTINGS / "prod-02-marketplace.txt").read_text(encoding="utf-8")
    (posting,) = jsonlib.loads(runner.invoke(app, ["jobs", "-", "--format", "json"], input=clear).stdout)["postings"]
    assert posting["abstained"] is None
