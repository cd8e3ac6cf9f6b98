"""Reading ads as job boards scrape them: glued lists, site notices, idioms and headings of real ads."""

from __future__ import annotations

from pathlib import Path

from rolefit.catalogue.load import load_catalogue
from rolefit.postings.kinds import small_firm_signs
from rolefit.postings.read import find_evidence, make_posting
from rolefit.postings.sections import parts
from rolefit.postings.words import same_word

CAT = load_catalogue()


def tasks_of(text: str) -> list[str]:
    found, _ = find_evidence(make_posting("p", text), CAT)
    return [e.task for e in found]


def test_qualities_are_not_marketing_attribution() -> None:
    assert not same_word("attributes", "attribution") and not same_word("attribute", "attribution")
    assert same_word("attributions", "attribution")
    assert "predictive-analytics" not in tasks_of("Research Scientist\nKey skills and attributes\nCurious and kind.\n")
    assert "predictive-analytics" in tasks_of("Data Scientist\n- Build multi-touch attribution models.\n")


def test_having_no_problem_doing_the_work_is_doing_it() -> None:
    assert "etl-pipelines" in tasks_of("Data Engineer\n- You have no problem writing dbt data pipelines.\n")
    assert "etl-pipelines" not in tasks_of("Data Engineer\n- You will not write dbt data pipelines.\n")


def test_the_work_that_other_teams_rely_on_is_the_hire_s() -> None:
    """ "The dashboards that teams rely on": "dashboards" is no part of a team's name."""
    assert "bi-dashboards" in tasks_of("Data Scientist\n- You'll build KPI dashboards that teams rely on.\n")
    assert "bi-dashboards" not in tasks_of("Data Scientist\n- Our BI team builds the KPI dashboards.\n")


def test_headings_that_lead_in_or_name_the_employer() -> None:
    ad = (
        "Data Scientist\n"
        "So, what will you do as a Data Scientist at Notion?\n"
        "You'll build churn models.\n"
        "You might be a fit for this role if...\n"
        "You know SQL.\n"
    )
    assert [(p.kind, p.text) for p in parts(ad)] == [
        ("duties", "You'll build churn models."),
        ("requirements", "You know SQL."),
    ]


def test_the_first_hire_on_data_is_the_one_data_person() -> None:
    assert small_firm_signs("as the first hire working full-time on data at acme, you will shape it.")[1]
    assert not small_firm_signs("as the first hire working on the payments team, you will shape it.")[1]


def test_a_scraped_ad_s_glued_star_bullets_and_headings_are_its_lines() -> None:
    ad = (
        "Data Scientist\n"
        "Acme sells shoes online to a million people.ESSENTIAL RESPONSIBILITIES:* Build churn models in Python"
        "* Run A/B tests on the checkout* Present findings to the executives and the board"
        "* Mentor two analystsQUALIFICATIONS:* Three years of SQL* A degree in statistics\n"
    )
    got = [(p.kind, p.text) for p in parts(ad)]
    assert got[1:] == [
        ("duties", "Build churn models in Python"),
        ("duties", "Run A/B tests on the checkout"),
        ("duties", "Present findings to the executives and the board"),
        ("duties", "Mentor two analysts"),
        ("requirements", "Three years of SQL"),
        ("requirements", "A degree in statistics"),
    ]
    # a line with a star or two is not a glued list
    assert len(parts("Data Scientist\nBuild models* in Python for our customers, every day of the week.\n")) == 1


def test_a_careers_site_s_cookie_notice_is_no_part_of_the_ad() -> None:
    ad = (
        "Data Scientist\nPlease enable cookies in your browser to experience all the personalized features of "
        "this site.\nWhat you will do\n- Build churn models\n"
    )
    assert [p.kind for p in parts(ad)] == ["apply", "duties"]
    assert "build-models" not in tasks_of(ad.replace("- Build churn models", "- Present findings"))


def test_a_founding_mission_is_no_small_firm() -> None:
    assert not small_firm_signs("battelle is guided by a founding mission and its founding principles.")[0]
    assert small_firm_signs("join us as a founding engineer.")[0]


_LAB = (
    "What you'll do\n- Design and run flow cytometry assays for our clients' studies\n"
    "- Keep the laboratory's instruments calibrated\n- Write study protocols and present results to sponsors\n"
    "- Research new staining methods and publish in peer-reviewed journals\n- Train junior lab technicians\n"
    "- Order reagents and manage the bench schedule\n- Lead cross-functional projects with our stakeholders\n"
)


def test_a_laboratory_s_scientist_is_no_data_job_whatever_its_research_and_studies() -> None:
    from rolefit.postings.read import read_posting
    from rolefit.postings.verdict import NOT_DATA

    lab = read_posting(make_posting("p", "Senior Scientist, Flow Cytometry\n" + _LAB), CAT)
    assert lab.outside == NOT_DATA and lab.top is None and not lab.insufficient and lab.not_data
    # under a title that names a data job, or with the lines of one, it is read as ever
    assert not read_posting(make_posting("p", "Data Scientist\n" + _LAB), CAT).not_data
    ml = _LAB.replace("flow cytometry assays", "deep learning models").replace("staining methods", "neural networks")
    ml = ml.replace("Order reagents", "Build data pipelines")
    assert not read_posting(make_posting("p", "Research Scientist\n" + ml), CAT).not_data
    # and a short ad is not judged by the share of its lines
    assert not read_posting(make_posting("p", "Research Scientist\n" + "\n".join(_LAB.splitlines()[:4])), CAT).not_data


def test_what_you_will_love_is_the_benefits() -> None:
    ad = "Data Scientist\nWhat you'll do:\n- Build churn models\nWhat you'll love:\n- Comprehensive dental cover\n"
    assert [p.kind for p in parts(ad)] == ["duties", "benefits"]
    assert [p.kind for p in parts(ad.replace("What you'll love:", "What You Will Love About Acme"))][-1] == "benefits"


def test_a_behavioural_profile_is_what_the_hire_needs() -> None:
    ad = "Data Scientist\nWhat you'll do:\n- Build pricing models\nBehavioral Profile\n- Curious and rigorous\n"
    assert [p.kind for p in parts(ad)] == ["duties", "requirements"]


def test_an_analytical_laboratory_is_no_data_title() -> None:
    from rolefit.postings.read import read_posting

    title = "Principal Scientist, Quality Control and Analytical Technologies\n"
    assert read_posting(make_posting("p", title + _LAB), CAT).not_data
    assert not read_posting(make_posting("p", "Principal Analytics Scientist\n" + _LAB), CAT).not_data


def test_a_list_run_into_one_line_with_spaced_dashes_is_its_items() -> None:
    ad = (
        "Data Scientist\nWe help small shops sell more online, every day. Responsibilities - Selecting features"
        " and training classifiers - Data mining with state-of-the-art methods - Cleaning and verifying"
        " the data we collect - Presenting results to the sales team\nWith Regards,\nJane\n"
    )
    got = [(p.kind, p.text) for p in parts(ad)]
    assert got[1:-1] == [
        ("duties", "Selecting features and training classifiers"),
        ("duties", "Data mining with state-of-the-art methods"),
        ("duties", "Cleaning and verifying the data we collect"),
        ("duties", "Presenting results to the sales team"),
    ]
    assert got[-1] == ("apply", "Jane")  # (after "With Regards,": the signature)
    # a header of short fields is no list
    assert len(parts("Data Analyst\nGoody - Data Analyst - Remote - Part Time\nBuild dashboards.\n")) == 2


def test_test_and_factory_automation_is_no_data_pipeline() -> None:
    for line in (
        "Build automation regression test frameworks.",
        "Join a global leader in warehouse automation.",
        "Use your automation skills.",
    ):
        assert "automate-pipelines" not in tasks_of(f"Data Engineer\n- {line}\n"), line
    assert "automate-pipelines" in tasks_of("Data Engineer\n- Automate the nightly loads.\n")


def test_not_being_afraid_of_the_work_is_doing_it() -> None:
    assert "bi-dashboards" in tasks_of("Data Analyst\n- You are not afraid to build Looker dashboards yourself.\n")
    assert "bi-dashboards" in tasks_of("Data Analyst\n- Not being afraid of building Looker dashboards.\n")
    assert "bi-dashboards" not in tasks_of("Data Analyst\n- You will not build Looker dashboards.\n")


def test_a_strong_plus_and_strongly_desired_are_nice_to_haves() -> None:
    for line in ("Experience with Spark is a significant plus", "Airflow is a strong plus", "dbt strongly desired"):
        assert [p.kind for p in parts(f"Data Engineer\nRequirements\n- {line}\n")] == ["nice"], line


def test_headings_of_real_ads_name_their_parts() -> None:
    from rolefit.postings.sections import heading_kind

    named = {
        "duties": (
            "Responsibilities include, but are not limited to:",
            "As a Data Scientist At P&G You Will",
            "The Analyst contributes to the objectives of the team by:",
            "What are the day to day responsibilities?",
            "POSITION ACCOUNTABILITIES:",
            "Initial projects will include:",
            "Your day looks something like this:",
            "These are some typical responsibilities:",
            "How You'll Contribute",
        ),
        "requirements": (
            "What you will have:",
            "Highly competitive candidates will have:",
            "Experience & Training Required:",
            "To be successful in this role you must have the following:",
            "Technical Skill Requirements:",
            "Skill Sets:",
        ),
        "nice": (
            "Skills Preferred:",
            "Optional Requirements:",
            "Desirable for the role",
            "Additional Desired Skills:",
            "DESIRED SKILLS/KNOWLEDGE/ABILITIES",
            "Some Other Relevant Skills You May Have:",
        ),
    }
    for kind, headings in named.items():
        for text in headings:
            assert heading_kind(text) == kind, text
    assert heading_kind("Benefits At Collibra") == "benefits"


def test_words_in_another_sense_beside_them() -> None:
    assert "build-models" not in tasks_of("Data Engineer\n- Set up Databricks clusters for the analysts.\n")
    assert "build-models" in tasks_of("Data Scientist\n- Use k-means clustering on customer data.\n")
    assert "mentoring" not in tasks_of("Data Analyst\n- Deliver reports with minimal guidance.\n")
    assert "mentoring" in tasks_of("Data Analyst\n- Provide guidance to junior analysts.\n")
    assert "hiring" not in tasks_of("Data Analyst\n- The hire will be responsible for the weekly reports.\n")
    assert "etl-pipelines" not in tasks_of(
        "Data Scientist\n- Solve the problems that matter to our oncology pipeline.\n"
    )


def test_idioms_of_a_negator_that_affirm_the_work() -> None:
    assert "build-models" in tasks_of("Data Scientist\n- NLP isn't a foreign word to you: you train NLP models.\n")
    assert "build-models" in tasks_of("Data Scientist\n- You will not simply train deep learning models.\n")


def test_no_data_job_is_scored_as_a_fit() -> None:
    import pytest

    from rolefit import Profile, RolefitError

    from helpers import EXAMPLES

    you = Profile.from_file(EXAMPLES / "researcher.yaml")
    lab = make_posting("lab", "Senior Scientist, Flow Cytometry\n" + _LAB)
    ml = make_posting(
        "ml",
        "ML Scientist\n- Train deep learning models in PyTorch.\n- Implement papers from NeurIPS.\n"
        "- Label datasets with annotators.\n",
    )
    assert [f.role.id for f in you.fit([lab, ml])] == ["ml"]
    with pytest.raises(RolefitError, match="none can be scored"):
        you.fit([lab])


def test_a_page_of_ads_says_what_no_data_job_is_and_charts_the_rest(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from rolefit.cli import app
    from rolefit.report.postings import NOT_DATA_NOTE

    (tmp_path / "lab.txt").write_text("Senior Scientist, Flow Cytometry\n" + _LAB, encoding="utf-8")
    (tmp_path / "ml.txt").write_text(
        "ML Scientist\n- Train deep learning models in PyTorch.\n- Implement papers from NeurIPS.\n"
        "- Label datasets with annotators.\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    shown = " ".join(runner.invoke(app, ["jobs", str(tmp_path)]).stdout.split())
    assert "none of these: not a data job" in shown and 'For "not a data job"' in shown
    page = tmp_path / "ads.html"
    assert runner.invoke(app, ["jobs", str(tmp_path), "-o", str(page)]).exit_code == 0
    html = page.read_text(encoding="utf-8")
    lab = html[html.index("Senior Scientist, Flow Cytometry (lab)</h2>") :]  # (named with its file, as on screen)
    lab = lab[: lab.index("</section>")]
    assert NOT_DATA_NOTE.split(":")[0] in lab and "The lines that show it" not in lab and "<mark>" not in lab
    assert "The chance of each verdict" in html  # (the chart shows the data job's chances)


def test_a_page_rolefit_wrote_into_the_folder_of_its_postings_is_no_posting(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from rolefit.cli import app

    (tmp_path / "ml.txt").write_text(
        "ML Scientist\n- Train deep learning models in PyTorch.\n- Implement papers from NeurIPS.\n", encoding="utf-8"
    )
    runner = CliRunner()
    assert runner.invoke(app, ["jobs", str(tmp_path), "-o", str(tmp_path / "page.html")]).exit_code == 0
    again = runner.invoke(app, ["jobs", str(tmp_path)])
    assert again.exit_code == 0 and "What these" not in again.stdout and "(page)" not in again.stdout
    assert "a page rolefit wrote" in again.output
    alone = runner.invoke(app, ["jobs", str(tmp_path / "page.html")])
    assert alone.exit_code == 2 and "a page rolefit wrote, not a job posting" in alone.output


def test_serving_as_the_expert_is_no_meeting_with_outside_experts() -> None:
    ad = "Data Scientist\n- Serve as a subject matter expert to our business partners on churn.\n"
    assert "external-meetings" not in tasks_of(ad)
    assert "external-meetings" in tasks_of("Data Scientist\n- Work with subject matter experts to learn the domain.\n")
    assert "external-meetings" not in tasks_of("Data Scientist\n- You will be the domain expert for pricing.\n")


def test_a_paragraph_whose_line_breaks_were_lost_is_cut_at_its_headings_and_sentences() -> None:
    """A whole ad run into one line: a heading after an ellipsis and two spaces, a heading glued to
    the sentence after it, and a "You" in capitals where a line break was lost, each part its own."""
    intro = "We are a retailer with shops in ten countries and a passion for customers. " * 6
    ad = (
        "Marketing Data Analyst\n"
        + intro
        + "You will shape our roadmap for CRM, lead scoring, ROI…   Key Responsibilities You develop and maintain"
        " reports for the sales team You listen to stakeholders and their wishes. Thank You for reading this ad"
        " today. What you will be doing At Acme we value analysts who measure campaigns every week.\n"
    )
    lines = {p.text: p.kind for p in parts(ad)}
    assert lines["You develop and maintain reports for the sales team"] == "duties"
    assert lines["You listen to stakeholders and their wishes."] == "duties"
    assert "Thank You for reading this ad today." in lines  # (a capital "You" after "Thank" is no lost break)
    assert lines["At Acme we value analysts who measure campaigns every week."] == "duties"
    # a name after a small word is no heading's end: "The mission of | Data Science team ..." is one sentence
    mission = "The mission of Data Science team at Acme is to serve the whole company with numbers. " * 7
    assert next(p.text for p in parts("Data Scientist\n" + mission)).startswith("The mission of Data Science team")


def test_markdown_italics_are_no_part_of_a_quote_and_a_footnote_star_stays() -> None:
    ad = "Data Scientist\n\n- Run *A/B experiments* on checkout pages.\n- *Build* churn models.\n- Salary* and bonus*\n"
    lines = [p.text for p in parts(ad)]
    assert lines == ["Run A/B experiments on checkout pages.", "Build churn models.", "Salary* and bonus*"]


def test_a_title_with_the_ad_after_it_on_its_line_is_the_title_alone() -> None:
    ad = "Data Scientist. You will build Looker dashboards, maintain ETL pipelines in Airflow and run A/B tests.\n"
    assert make_posting("p", ad).title == "Data Scientist"
    rest = " You will build Looker dashboards and maintain ETL pipelines in Airflow.\n"
    for title, glue in (("Sr. Data Scientist", "."), ("Senior Data Analyst", " -"), ("Data Scientist", ":")):
        assert make_posting("p", title + glue + rest).title == title, glue
    assert make_posting("p", "Data Scientist - Sales\n\nYou will build models.\n").title == "Data Scientist - Sales"
    # (not a sentence that only starts with a job's name, nor an abbreviation's stop)
    assert make_posting("p", "Sr. Data Scientist\n\nYou will build models.\n").title == "Sr. Data Scientist"
    long = "Data Scientist wanted for our growing analytics team in Ghent and Brussels. We build models.\n"
    assert make_posting("p", long).title != "Data Scientist wanted for our growing analytics team in Ghent and Brussels"
