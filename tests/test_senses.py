"""Words of a lexicon read in the sense the line gives them: each case beside one that keeps the task."""

from __future__ import annotations

import pytest

from rolefit.catalogue.load import load_catalogue
from rolefit.postings.company import company_names
from rolefit.postings.evidence import find_evidence
from rolefit.postings.read import make_posting

CAT = load_catalogue()


def tasks(line: str) -> set[str]:
    found, _ = find_evidence(make_posting("p", f"Data Scientist\nWhat you will do\n{line}"), CAT)
    return {e.task for e in found}


@pytest.mark.parametrize(
    ("task", "other", "same"),
    [
        # "scientific units" and "non-academic" read no papers, nor does research that is an errand or analysis
        ("implement-papers", "Research alternatives to accomplish tasks.", "Research new methods for speech."),
        ("implement-papers", "Conduct research to provide insight on trends.", "Publish research at NeurIPS."),
        ("implement-papers", "Make decisions based on key research data.", "Do applied research in NLP."),
        ("implement-papers", "Build storage for the scientific units.", "Follow the scientific literature on vision."),
        (
            "implement-papers",
            "Build storage for the scientific units.",
            "Keep abreast of scientific and regulatory developments.",
        ),
        # consulting colleagues is no meeting with outsiders; consulting clients is
        (
            "external-meetings",
            "Drive plans by consulting with business partners, managers and co-workers.",
            "Consulting with clients on their data strategy.",
        ),
        ("implement-papers", "Seven years of non-academic experience.", "Seven years of academic experience."),
        # a user's behaviour, engagement, adoption and retention; not a device's, a contract's, a vision's, staff's
        (
            "behaviour-statistics",
            "Investigate anomalous behavior of the devices.",
            "Study customer behaviour in the app.",
        ),
        ("behaviour-statistics", "Suggest behavioral health interventions.", "Analyse behavioral data of listeners."),
        ("behaviour-statistics", "Join us for a 6-month engagement.", "Grow user engagement on the feed."),
        ("behaviour-statistics", "Lead the technical engagements with clients.", "Track engagement of new users."),
        ("behaviour-statistics", "Engage in projects of high priority.", "Measure engagement with playlists."),
        ("behaviour-statistics", "Adopt an MLOps mentality.", "Drive adoption of the new checkout."),
        ("behaviour-statistics", "Improve employee retention with HR.", "Improve retention of subscribers."),
        # a workflow is a pipeline's when it is data's; a schedule kept is no job scheduled
        ("automate-pipelines", "Know a data science workflow end to end.", "Run ETL workflows every night."),
        ("automate-pipelines", "Meet deadlines and honoring schedules.", "Automation of the nightly data loads."),
        # requirements gathered, not met; stakeholders asked, not served
        ("gather-requirements", "Write code to address requirements.", "Define new platform requirements."),
        (
            "gather-requirements",
            "Deliver software meeting customer requirements.",
            "Translate needs into requirements.",
        ),
        (
            "gather-requirements",
            "Keep data available for key stakeholders.",
            "Work with stakeholders on their questions.",
        ),
        (
            "gather-requirements",
            "Thrive in a cross-functional environment.",
            "Align cross-functional partners on goals.",
        ),
        ("gather-requirements", "Reuse assets within the complete scope of AXA.", "Scope projects with the business."),
        # a job's name is whom the ad wants, not the work (the title is weighed apart)
        ("etl-pipelines", "We are looking for a talented Data Engineer to join us.", "Do the data engineering."),
        ("bi-dashboards", "As a BI Engineer, you will own the work.", "Build BI dashboards for sales."),
        ("build-models", "As a Machine Learning Engineer you will join us.", "Apply machine learning to churn."),
        # an address's ending is no AI
        ("build-models", "Email me at jan at acme dot ai.", "Apply AI to invoices."),
        ("build-models", "Experience with Qlik, Knime, H20.ai or Celect.", "Experience with Knime and AI."),
        # the same words written apart
        ("exploratory-analysis", "Write code to ship features.", "Analyze large data sets."),
        ("behaviour-statistics", "Write code to ship features.", "Test hypotheses with the product team."),
        ("clean-data", "Write code to ship features.", "Clean and normalize data from vendors."),
        # a degree, a page's date and a verb: not papers, not a spreadsheet
        ("implement-papers", "You have an academic degree in statistics.", "Work with academic partners."),
        ("implement-papers", "Publish Date Aug. 10, 2021", "Publish your results."),
        ("quick-win-analysis", "You excel at bringing people together.", "Build quick analyses in Excel."),
        ("quick-win-analysis", "Excels with ambiguity.", "Advanced Excel and SQL."),
        ("quick-win-analysis", "You excel in building trust.", "Proficient in Excel."),
        # a place of research, clinical research; a study that looks back; deals in a pipeline
        ("implement-papers", "Join us at our new Research Site in San Diego.", "Research new methods for speech."),
        ("implement-papers", "Knowledge of clinical research and FDA rules.", "Do applied research in NLP."),
        ("agile-process", "Analyse the data of a retrospective cohort study.", "Run sprint retrospectives."),
        ("etl-pipelines", "Support the sales pipeline velocity analysis.", "Maintain the pipeline that loads events."),
        ("etl-pipelines", "Analyse click-stream data from the website.", "Process streaming data with Flink."),
        # a role model, a financial or 3D model, a BI model: none is trained
        ("build-models", "Serves as a role model for quality.", "Build a model to predict churn."),
        ("build-models", "Experience with financial modeling in Excel.", "Experience with predictive modeling."),
        ("build-models", "Deliver a self-service BI model for the organisation.", "Train a model to rank results."),
        ("build-models", "Dimensional and Data vault modelling.", "Statistical and machine learning modelling."),
        # a soft skill asked of anyone, a department, a degree's field: not presenting findings
        ("present-findings", "A degree in Communication Sciences or Economics.", "Communicate results to the board."),
        (
            "present-findings",
            "Excellent verbal and written communication skills.",
            "Communicate findings to executives.",
        ),
        ("present-findings", "Work with the marketing communications agency.", "Communicate results to the board."),
        # the hiring level, customer engagements, whom one reports to
        ("hiring", "The hiring level will be set by the panel.", "Hire two analysts this year."),
        ("behaviour-statistics", "Log sales reps' customer engagements in the CRM.", "Track user engagement."),
        ("bi-dashboards", "You will report to the Global BI Teamlead.", "Build reports for finance."),
        # a cloud named is a tool, not a model deployed (nor is Good Clinical Practice)
        ("deploy-models", "Build the data platform on Azure and AWS.", "Deploy models to AWS SageMaker."),
        ("deploy-models", "Knowledge of ICH guidelines and GCP.", "Put models into production on GCP."),
        # a laboratory's experiments; streams of work or of money
        ("ab-experiments", "Apply Design of Experiments to the process.", "Design experiments on the checkout."),
        ("ab-experiments", "Run sequencing experiments in the wet-lab.", "Run experiments on the checkout."),
        ("ab-experiments", "Run bench experiments on the new alloy.", "Run field experiments on pricing."),
        ("etl-pipelines", "Lead the data work streams.", "Process streaming data with Flink."),
        # a hire's own conduct, employees engaged
        ("behaviour-statistics", "Demonstrate behavioral standards of the firm.", "Run behavioral analyses of users."),
        ("behaviour-statistics", "Having engaged employees is key to our success.", "Track user engagement."),
        # the firm's hiring, not the hire's: "can hire", "converting hires", "the hiring manager"
        ("hiring", "We are fully remote and can hire internationally.", "Hire and grow a team of analysts."),
        ("hiring", "Our team has a record of converting hires to FTE.", "Hire two data engineers."),
        ("hiring", "You will first meet the hiring manager.", "Own hiring for the analytics team."),
        # whom results are shared with is their audience, not whom requirements come from
        (
            "gather-requirements",
            "Present findings to product managers.",
            "Work with product managers to define metrics.",
        ),
        (
            "gather-requirements",
            "Share insights with product owners and engineers.",
            "Partner with product owners on the roadmap.",
        ),
        (
            "present-findings",
            "Deliver weekly reports to the product team.",
            "Deliver weekly reports to the leadership team.",
        ),
        (
            "gather-requirements",
            "Provide stakeholders with analysis of churn.",
            "Work with stakeholders to define metrics.",
        ),
        (
            "gather-requirements",
            "Empower business stakeholders with self-serve data.",
            "Gather requirements from business stakeholders.",
        ),
        (
            "present-findings",
            "Inform decisions with business partners.",
            "Inform decisions with senior leadership and business partners.",
        ),
        # "report" as the verb of telling or answering to is no report of data
        (
            "bi-dashboards",
            "Report back on progress every week.",
            "Deliver weekly reports to the leadership team.",
        ),
        ("bi-dashboards", "Report results to business stakeholders.", "Build reports on sales performance."),
        # the unit of the boss a hire reports to; experience outside academia
        (
            "implement-papers",
            "You will report to the Senior Manager, Research and Innovation.",
            "Research new methods for speech.",
        ),
        (
            "implement-papers",
            "Two years of industry experience (preferably outside of academia).",
            "Experience in academia.",
        ),
        # a job's name held before, with no article: "experience as BI Integration Expert"
        ("bi-dashboards", "Five years of experience as BI Integration Expert.", "Build BI reports for finance."),
        # the words of a link or an e-mail address are no work
        (
            "hiring",
            "By applying you accept our policy at https://www.acme.com/recruitment-privacy-policy/",
            "Lead recruiting for the data team.",
        ),
        ("hiring", "Questions? Write to recruiting@acme.com.", "Lead recruiting for the data team."),
        # databases used are no warehouse set up; databases designed, built or run are
        ("data-warehouse", "Mine and analyze data from company databases.", "Design and maintain our databases."),
        ("data-warehouse", "Use database tools to support other departments.", "Own database administration."),
        ("data-warehouse", "Experience querying databases with SQL.", "Raise the database and write the API."),
        # colleagues communicated with, status communicated: no results shared
        (
            "present-findings",
            "Communicating and coordinating with internal and external partners as needed.",
            "Communicate these recommendations to the stakeholders.",
        ),
        ("present-findings", "Teamwork and effective communication are essential.", "Communicate complex analyses."),
        # a document is no report of data
        ("bi-dashboards", "Write weekly status reports for the client.", "Build reports for finance."),
        ("bi-dashboards", "Write up reports that other team members can use.", "Automate the monthly reporting."),
        ("bi-dashboards", "Prepare technical reports on each study.", "Own the sales reports in Tableau."),
        # data sources used are no sources found
        ("source-data", "Generate evidence using diverse data sources.", "Identify and evaluate new data sources."),
        # a unit named "Research and Development" does no R&D itself
        (
            "implement-papers",
            "Join our rapidly growing Research and Development Department.",
            "Do applied research in NLP.",
        ),
        (
            "implement-papers",
            "Work closely with the threat research and development team on features.",
            "Research new methods for speech.",
        ),
        # stakeholders kept informed, or whom questions come from, set no requirements
        (
            "gather-requirements",
            "Plan the work, keeping stakeholders informed on progress.",
            "Work with stakeholders to define the metrics.",
        ),
    ],
)
def test_a_word_in_another_sense_is_not_its_task(task: str, other: str, same: str) -> None:
    """Each line of the first kind says nothing of the task; the one beside it does."""
    assert task not in tasks(other)
    assert task in tasks(same)


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("What's the Job?", "duties"),
        ("What you'll do...", "duties"),
        ("Highlights of Responsibilities:", "duties"),
        ("Your daily work includes:", "duties"),
        ("How you will make a difference:", "duties"),
        ("Expectations and Tasks:", "duties"),
        ("[RESPONSIBILITY STATEMENTS]", "duties"),
        ("What are we looking for?", "requirements"),
        ("Let's Talk About You", "requirements"),
        ("The ideal profile", "requirements"),
        ("Competencies Needed for Success", "requirements"),
        ("WHAT ARE THE SELECTION REQUIREMENTS?", "requirements"),
        ("Bonus Qualifications", "nice"),
        ("Stand-out Skills", "nice"),
        ("Added bonus if you have", "nice"),
        ("Not required, but nice to have:", "nice"),
        ("What Working At EY Offers", "benefits"),
        ("Your future at OMP", "benefits"),
        ("Get to know Klaviyo", "company"),
        ("Your challenge", "duties"),
        ("Your daily work as a Data Science Software Engineer includes:", "duties"),
        ("ESSENTIAL JOB FUNCTIONS:", "duties"),
        ("Key Accountabilities", "duties"),
        ("OBJECTIVES/PURPOSE", "duties"),
        ("MISSIONS", "duties"),
        ("Here is a snapshot of your day-to-day responsibilities:", "duties"),
        ("What will you be doing?", "duties"),
        ("Task & Responsibilities", "duties"),
        ("Required:", "requirements"),
        ("Required Knowledge, Skills, and/or Abilities:", "requirements"),
        ("Minimum Education and Experience:", "requirements"),
        ("Who we're looking for:", "requirements"),
        ("Who are we looking for?", "requirements"),
        ("Your profile, skills and talents", "requirements"),
        ("Our ideal candidate", "requirements"),
        ("What Will Make You Successful", "requirements"),
        ("Preferred Education, Additional Qualifications and Experience:", "nice"),
        ("Ideally you'd have:", "nice"),
        ("Desired Experience and Skills", "nice"),
        ("SWIB Offers:", "benefits"),
        ("WHAT TAKEDA CAN OFFER YOU:", "benefits"),
        ("Dodge Data & Analytics offers comprehensive benefits, which include:", "benefits"),
        ("At dataroots, we are offering:", "benefits"),
        ("By choosing us, you get", "benefits"),
        ("Offer", "benefits"),
        ("Physical Demands", "benefits"),
        ("About Dodge Data & Analytics:", "company"),
        ("Who is Service Express?", "company"),
        ("So, what does Novetta do?", "company"),
        ("JOB SPECIFICATIONS:", "requirements"),
        ("Technical Requirements:", "requirements"),
        ("Minimum Education/Skills:", "requirements"),
        ("What You Need for this Position", "requirements"),
        ("You will need these skills and experience to be successful:", "requirements"),
        ("Principal Duties & Responsibilities:", "duties"),
        ("Essential Job Duties:", "duties"),
        ("In this newly created role, you will:", "duties"),
        ("The main activities are :", "duties"),
        ("About Role", "duties"),
        ("Highly Desired:", "nice"),
        ("Desired Education / Skills:", "nice"),
        ("Additional Skills that are a plus:", "nice"),
        ("Some Nice-to-haves, Or Opportunities To Learn", "nice"),
        ("Knowledge of several of the following areas is desirable:", "nice"),
        ("In Return, You Can Expect", "benefits"),
        ("Why consider Novartis?", "benefits"),
        ("Working Conditions/Physical Requirements", "benefits"),
        ("Additional Information", "apply"),
        ("About Acme™", "company"),
        ("THE PROBLEMS YOU'LL SOLVE", "duties"),
        ("Impact You'll Make:", "duties"),
        ("More concretely, what will you do day-to-day?", "duties"),
        ("Your Responsibilities As Our Lead Data Scientist", "duties"),
        ("THE EXPERIENCE YOU'LL NEED", "requirements"),
        ("Essential Business Experience and Technical Skills:", "requirements"),
        ("Candidate's Profile", "requirements"),
        ("Recommended Qualifications:", "nice"),
        ("We'd Love to See:", "nice"),
        ("THE PERKS YOU'LL ENJOY", "benefits"),
        ("Why We're Proud To Be Mavens!", "company"),
        ("Must-Have Qualifications", "requirements"),
        ("Mandatory Requirements:", "requirements"),
        ("EXPERIENCE REQUIREMENT:", "requirements"),
        ("Essential Requirements:", "requirements"),
        ("Mandatory Skills:", "requirements"),
        ("Required Experience, Skills, & Technologies", "requirements"),
        ("Nice If You Have:", "nice"),
        ("It'd be even better if you:", "nice"),
        ("POSITION OBJECTIVES:", "duties"),
        ("Build Your Career:", "benefits"),
        ("Retirement:", "benefits"),
        ("Paid Time Off (PTO):", "benefits"),
        ("Department Overview", "team"),
        ("Ideally you also have:", "nice"),
        ("The Data Scientist is responsible for:", "duties"),
        ("A successful Data Scientist contributes to the success of our go-to-market team by:", "duties"),
        ("You meet our minimum qualifications for the job if you:", "requirements"),
        ("You meet the requirements if you have:", "requirements"),
    ],
)
def test_headings_in_everyday_words_name_their_part(heading: str, kind: str) -> None:
    """Headings of real ads that named no part: the lines under them were read as unheaded."""
    from rolefit.postings.sections import heading_kind, parts

    assert heading_kind(heading) == kind
    assert parts(f"Data Scientist\n{heading}\nBuild churn models in Python.\n")[-1].kind == kind
    # (a link in brackets is no heading)
    assert heading_kind("[Data Dream Teams](https://example.com/teams)") is None


def test_the_hiring_of_analysts_is_still_hiring_work() -> None:
    """A job's name stops at the verb before it: "hiring two analysts" is hiring."""
    assert "hiring" in tasks("You will be hiring two analysts.")
    assert "mentoring" in tasks("Mentor junior data scientists.")


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Experience in market research is a plus (preferably in the food industry).", "nice"),
        ("Bonus points for using Luigi, Airflow or AWS Glue.", "nice"),
        ("Massive bonus if you're experienced with AWS and Kubernetes.", "nice"),
        ("It's a big plus if you have used Airflow.", "nice"),
        ("Spark (preferred).", "nice"),
        ("Degree in statistics (masters preferred).", "requirements"),
        ("We need candidates who have a first experience in machine learning.", "requirements"),
        ("Looking for someone with SQL and Python.", "requirements"),
        ("This role requires broad knowledge of statistics.", "requirements"),
        ("You should have three years of SQL.", "requirements"),
    ],
)
def test_what_a_line_says_of_itself_names_its_part(line: str, kind: str) -> None:
    from rolefit.postings.sections import parts

    assert parts(f"Data Scientist\n{line}\n")[-1].kind == kind


def test_a_company_described_is_not_the_work_but_the_business_s_requests_are() -> None:
    """What a company is ("a data warehousing company", "the leading ETL provider") is no task; the
    business's requests and teams the hire works with are the hire's work."""
    assert "data-warehouse" not in tasks("Acme is a data warehousing company.")
    assert "etl-pipelines" not in tasks("We are the leading ETL provider in Europe.")
    assert "data-warehouse" in tasks("Design our data warehouse.")
    assert "quick-win-analysis" in tasks("Manage incoming analytic requests from business leaders.")
    assert "predictive-analytics" in tasks(
        "Conduct financial analysis including market analysis, customer segmentation."
    )
    assert "gather-requirements" in tasks("Liaise between business teams on key initiatives.")
    assert "external-meetings" in tasks("Collaborate closely with domain experts in energy.")
    assert "etl-pipelines" not in tasks("Our data engineering team builds the pipelines.")


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("Collect, compile, sort and verify the data before it is entered.", {"source-data"}),
        (
            "Extract, clean, and analyze large, disparate, and disorderly data sets.",
            {"clean-data", "exploratory-analysis"},
        ),
        ("Work to retrieve, clean and normalize data.", {"clean-data"}),
        ("Clean the data.", {"clean-data"}),
        # how much data, and whose, between the verb and the data
        ("Analyze a wide variety of data: sales, web and survey.", {"exploratory-analysis"}),
        ("Gather and analyze campaign data.", {"source-data", "exploratory-analysis"}),
    ],
)
def test_verbs_that_share_one_object_each_do_their_work(line: str, found: set[str]) -> None:
    """A lexicon's "clean data", "collect data" found across a list of verbs or words between."""
    assert found <= tasks(line)


def test_a_list_of_tools_before_data_is_no_verb_list() -> None:
    from rolefit.postings.coordination import shared_objects
    from rolefit.postings.words import Words

    assert tasks("Experience with Python, SQL and data.") == set()
    pairs = [(i, w.words) for i, w in shared_objects(Words("collect, clean and analyze the data"))]
    assert pairs == [(0, ["collect", "data"]), (1, ["clean", "data"]), (3, ["analyze", "data"])]
    assert shared_objects(Words("we clean data")) == []  # (one verb next to its object: matched as it stands)


def test_the_members_of_a_team_are_who_is_in_it_not_the_work() -> None:
    joining = "The Data Scientist will be joining a team of passionate data scientists, product managers and engineers."
    assert "gather-requirements" not in tasks(joining)
    assert "gather-requirements" in tasks("Work with product managers on the roadmap.")
    assert {"mentoring", "build-models"} <= tasks("Lead a team of ML engineers who build models.")


def test_a_paste_that_doubles_its_line_breaks_keeps_its_bullets_whole() -> None:
    from rolefit.postings.sections import parts

    text = (
        "Data Engineer\nResponsibilities:\n\n• Take ownership of building data ingress pipelines for both existing\n\n"
        "data assets and new data sources\n\n• Build scalable APIs\n\nAbout us.\n\nwe are small.\n"
    )
    lines = [p.text for p in parts(text)]
    assert (
        "Take ownership of building data ingress pipelines for both existing data assets and new data sources" in lines
    )
    assert "we are small." in lines  # (a sentence ended before the blank line: no join)
    consisting = "Work with a team consisting of computational biologists and machine learning scientists."
    assert "build-models" not in tasks(consisting)


def test_a_line_that_starts_with_a_duty_verb_is_the_job_though_it_says_our() -> None:
    from rolefit.postings.sections import parts

    for line in (
        "Discussing and validating the functional requirements with our product managers.",
        "Ensure our customers get their reports on time.",
    ):
        assert parts(f"Data Scientist\n{line}\n")[-1].kind == "open", line
    assert parts("Data Scientist\nOur customers love our freight software.\n")[-1].kind == "company"
    assert parts("Data Scientist\nYour team\nIt builds the forecasts.\n")[-1].kind == "team"


def test_the_small_print_for_recruiters_is_how_to_apply() -> None:
    from rolefit.postings.sections import parts

    for line in (
        "Please note that Acme does not accept unsolicited resumes from recruiters or employment agencies.",
        "We do not work with recruitment agencies.",
    ):
        assert parts(f"Data Scientist\n{line}\n")[-1].kind == "apply", line
    assert "hiring" not in tasks("Acme does not accept unsolicited resumes; agencies may not hire on our behalf.")
    # (only the line's first sentence is read for it: a duty before it stays the job)
    assert parts("Data Scientist\nBuild models for pricing. We do not accept unsolicited resumes.\n")[-1].kind == "open"


def test_a_heading_run_onto_the_end_of_a_line_starts_its_part() -> None:
    from rolefit.postings.sections import parts

    text = (
        "BI Engineer\nResponsibilities\nWork with the site's BI team to ensure an effective collaboration Benefits\n"
        "Possibility to follow extra training\n"
    )
    got = [(p.kind, p.text) for p in parts(text)]
    assert got[-2] == ("duties", "Work with the site's BI team to ensure an effective collaboration")
    assert got[-1] == ("benefits", "Possibility to follow extra training")
    # (a sentence that ends in the word is no heading)
    sentence = "Data querying languages such as SQL, Hive and Preferred Qualifications"
    assert [p.text for p in parts(f"BI Engineer\nResponsibilities\n{sentence}\n")] == [sentence]


@pytest.mark.parametrize(
    "line",
    [
        "Develop offers for customers",
        "Personalise offers for our members",
        "Preferred location Brussels",
        "Your background in statistics",
        "What to expect",  # (the work, as often as the perks)
        "Degree in computer science required",
        "Experience with Spark",
        "Deep knowledge of Spark with Scala",
        "Beneficial for the team",
    ],
)
def test_a_line_like_a_new_heading_is_no_heading(line: str) -> None:
    """Lines that the headings of :func:`test_headings_in_everyday_words_name_their_part` must not
    swallow: a heading's own line gives no evidence, and starts a part."""
    from rolefit.postings.sections import heading_kind

    assert heading_kind(line) is None
    assert heading_kind("- " + line) is None


#: Unheaded, and under a duties heading.
_UNHEADED, _DUTIES = "Data Scientist\n\n", "Data Scientist\nJob Description\n"


@pytest.mark.parametrize(
    ("before", "line", "kind"),
    [
        # the hire named by a title does the work of an unheaded line, however much "our" data it is about
        (_UNHEADED, "The Data Engineer will be responsible for expanding our data pipeline architecture.", "open"),
        (_UNHEADED, "The Senior Data Scientist independently develops statistical models for our clients.", "open"),
        (_UNHEADED, "This analyst role ensures our monthly reports are accurate.", "open"),
        (_UNHEADED, "Our data team builds the pipelines behind our products.", "team"),
        (_UNHEADED, "Our platform serves thousands of customers.", "company"),
        # the company's blurb under a duties heading is the company's, but the duties stay
        (
            _DUTIES,
            "At Takeda, we are transforming the pharmaceutical industry through our R&D-driven leadership.",
            "company",
        ),
        (_DUTIES, "Spectricity incorporated in 2018, as a spin-off from imec, a leading R&D center.", "company"),
        (_DUTIES, "We support the Group's mission of driving prosperity through transport solutions.", "company"),
        (_DUTIES, "Ensure project staff are trained and adhere to global data management processes.", "duties"),
        (_DUTIES, "Staff Data Scientists are responsible for researching new trends in the industry.", "duties"),
        (_DUTIES, "We are looking for a data scientist to build models for our global clients.", "duties"),
        # an unheaded line that says what the firm is or does is its blurb, whatever "you" it goes on
        # to; not when it goes on to the hire's work or to whom it is looking for
        (
            _UNHEADED,
            "We're a VC-funded startup building an automation platform, where you have to take care of git flows.",
            "company",
        ),
        (_UNHEADED, "Acme is a VC-backed startup revolutionizing medicine, and you can be part of it.", "company"),
        (_UNHEADED, "Geomagical Labs is developing visual AI web applications for millions of users.", "company"),
        (_UNHEADED, "We are building a data platform and you will own its pipelines.", "open"),
        (_UNHEADED, "Goody is an e-commerce company. We are looking for an analyst to deliver dashboards.", "open"),
        (_UNHEADED, "Acme is a fintech company. You’ll build churn models.", "open"),
        # the poster's hello is no part of the job; nor what the hire "will need", asked or told
        (_UNHEADED, "Hi HN, my name is Jan, I am a co-founder and CEO of Ataraxis.", "company"),
        (_UNHEADED, "Hi! We are looking for a data scientist to build models.", "open"),
        (_UNHEADED, "To be successful in this role, you will need 3+ years of Python.", "requirements"),
        (_UNHEADED, "You will need to build models for pricing.", "open"),
        (_UNHEADED, "Are you a talented Machine Learning Engineer with experience in generative AI?", "requirements"),
    ],
)
def test_a_line_is_the_part_its_subject_makes_it(before: str, line: str, kind: str) -> None:
    from rolefit.postings.sections import parts

    assert parts(f"{before}{line}\n")[-1].kind == kind


def test_other_duties_as_assigned_is_small_print_only_on_a_line_of_its_own() -> None:
    from rolefit.postings.sections import parts

    alone = parts("Data Scientist\nResponsibilities\nBuild churn models.\nOther duties as assigned.\n")
    assert [p.kind for p in alone] == ["duties", "eeo"]
    duties = "Develop data quality procedures, automate analytic processes, and other duties as assigned; " * 2
    assert parts(f"Data Scientist\nResponsibilities\n{duties}\n")[-1].kind == "duties"
    assert "clean-data" in tasks(duties)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        # a job board's fields of the ad
        ("Job Segment: Database, Scientific, SQL, Technology", "company"),
        ("Req ID: 162685", "company"),
        ("Hiring Manager: Jan Peeters, phone: +32 2 555 01 01", "company"),
        ("Reporting to: Data & API Delivery Manager", "company"),
        # the equal-opportunity policy's last sentence; the recruiters' small print after a first sentence
        ("This policy applies to all terms and conditions of employment, including recruiting, hiring.", "eeo"),
        (
            "PLEASE NOTE: At this time, Acme will not sponsor a visa for this position. To all recruitment agencies: "
            "please do not forward resumes.",
            "apply",
        ),
    ],
)
def test_the_ad_s_fields_and_small_print_are_no_work(line: str, kind: str) -> None:
    from rolefit.postings.sections import parts

    assert parts(f"Data Scientist\nResponsibilities\n{line}\n")[-1].kind == kind
    assert tasks(line) == set()


def test_a_title_s_abbreviation_ends_no_sentence() -> None:
    """A paragraph is read sentence by sentence, but "The Sr. Data Analyst" is one sentence."""
    from rolefit.postings.sections import parts

    paragraph = (
        "The Sr. Data Analyst is a critical role to enabling our stakeholders, e.g. Finance, to make decisions. " * 6
    )
    pieces = [p.text for p in parts(f"Senior Data Analyst\n\n{paragraph}\n")]
    assert pieces and all(piece.startswith("The Sr. Data Analyst") for piece in pieces)


@pytest.mark.parametrize("marker", ["- ", ""])
def test_an_ad_pasted_twice_over_reads_as_once(marker: str) -> None:
    """Its lines counted once each: not twice the evidence, and not every repeated line dropped as
    a page's header (which left a plain-text ad pasted twice with no evidence at all)."""
    from rolefit.postings.read import read_posting

    lines = ["Build churn models in Python", "Run A/B tests on the checkout", "Present findings to product managers"]
    body = "Responsibilities\n" + "".join(f"{marker}{line}\n" for line in lines)
    body += "Requirements\n" + f"{marker}SQL and Python\n{marker}Experience with experimentation\n"
    once = read_posting(make_posting("p", "Data Scientist\n\n" + body), CAT).weights
    assert once
    for copies in (2, 3):
        again = read_posting(make_posting("p", "Data Scientist\n\n" + "\n".join([body] * copies)), CAT).weights
        assert again == once


def test_a_block_of_duties_pasted_again_counts_once() -> None:
    """A scrape that repeats one block (the duties twice, amid lines of their own) counts each
    sentence once, and keeps the block's lines (not dropped as a page's header)."""
    from rolefit.postings.read import read_posting

    duties = (
        "Responsibilities:\nGathers, cleans, transforms and reduces data from sources across the company\n"
        "Applies machine learning models to predict churn for the retention team\n"
    )
    head = "Data Scientist\n\nAbout us\nWe make garden tools in Ohio.\n"
    tail = "Requirements:\nStrong SQL and Python\nBenefits:\nA pension.\n"
    once = read_posting(make_posting("p", head + duties + tail), CAT).weights
    twice = read_posting(make_posting("p", head + duties + tail + duties), CAT).weights
    assert {"clean-data", "build-models"} <= set(once) and twice == once


@pytest.mark.parametrize(
    ("line", "pieces"),
    [
        # a heading after a sentence's stop, and one of a paste's part words before the part's first sentence
        ("You are in charge of data quality. YOUR PROFILE:", ["You are in charge of data quality.", "YOUR PROFILE:"]),
        ("Offer A competitive salary and a company car", ["Offer", "A competitive salary and a company car"]),
        ("Requirements You have a degree in statistics", ["Requirements", "You have a degree in statistics"]),
        ("Your mission As a Data Engineer, you will design", ["Your mission", "As a Data Engineer, you will design"]),
        # no heading: words that only look like one, and a sentence leading into its list
        ("Contact Centre analytics for the retail bank and its clients", None),
        ("Experience With Spark is required for this role", None),
        ("Python and SQL are what we use. Azure Data Factory", None),
        ("This role blends research with machine learning engineering. You will:", None),
    ],
)
def test_a_heading_glued_to_a_sentence_is_cut_from_it(line: str, pieces: list[str] | None) -> None:
    from rolefit.postings.run_in import run_in_items
    from rolefit.postings.sections import heading_kind

    assert run_in_items(line, heading_kind) == (pieces or [line])


def test_a_paste_s_glued_headings_start_their_parts() -> None:
    from rolefit.postings.sections import parts

    text = (
        "Data Engineer\n\nYou will be in charge of data quality for the group. YOUR ADVANTAGES:\n"
        "You will receive a full-time contract with a competitive salary package.\n"
    )
    assert parts(text)[-1].kind == "benefits"
    assert tasks("You will be in charge of data quality for the group.") == {"clean-data"}


def test_a_field_of_the_ad_on_one_line_heads_no_part() -> None:
    """ "Location: Brussels" is the ad's field: the lines after it are still the job's."""
    from rolefit.postings.sections import parts

    got = parts("Lead Data Scientist\nAbout The Role\nLocation: Brussels\nLead the data science team.\n")
    assert [p.kind for p in got] == ["benefits", "duties"]


def test_a_company_looking_for_a_hire_names_itself() -> None:
    """ "Python Predictions is currently looking for ...": its "Predictions" is a name, not the work."""
    text = "Data Engineer\n\nPython Predictions is currently looking for a data engineer.\n"
    assert company_names(text) == ("Python Predictions",)
    assert company_names("Data Engineer\n\nWe are looking for a data engineer. Our Team is looking too.\n") == ()


def test_a_colon_inside_brackets_heads_nothing() -> None:
    """ "(for example: collecting, ...)" is an example, not an inline heading that cuts the sentence."""
    from rolefit.postings.sections import parts

    line = "You will manage the end-to-end data process (for example: collecting, processing and storing data)."
    assert [p.text for p in parts(f"Data Engineer\nResponsibilities\n{line}\n")] == [line]


@pytest.mark.parametrize(
    "line",
    [
        "They must also have exposure to data mining and building models.",
        "A strong candidate must demonstrate the ability to clean and analyze data.",
        "An applicant for this position must be enthusiastic about machine learning.",
    ],
)
def test_what_a_candidate_must_have_is_a_requirement_among_the_duties(line: str) -> None:
    from rolefit.postings.sections import parts

    assert parts(f"Data Scientist\nResponsibilities\n{line}\n")[-1].kind == "requirements"
    assert parts("Data Scientist\nResponsibilities\nThe candidate will be building models.\n")[-1].kind == "duties"


def test_a_company_that_is_the_recognised_leader_describes_itself() -> None:
    from rolefit.postings.sections import parts

    blurb = "Eversight is the recognized leader in AI-powered pricing. Our software acts as a coach for market leaders."
    assert parts(f"Data Scientist\nThe Opportunity\n{blurb}\n")[-1].kind == "company"
    assert "build-models" not in tasks(blurb)


def test_a_blurb_goes_on_through_its_paragraph_until_it_names_the_job() -> None:
    """A paragraph of a company's blurb (read sentence by sentence): a sentence after the blurb's that
    names neither the hire, nor whom the firm seeks, nor a duty, is the blurb too; a sentence may end
    in a trademark ("Apache Kafka®.")."""
    from rolefit.postings.sections import parts

    paragraph = (
        "Acme is the fastest-growing enterprise software company our investors have ever seen, with offices "
        "in nine countries. By pioneering a new technology category with an event streaming platform, it "
        "lets companies use their data as it happens rather than as static snapshots taken once a day. "
        "Our product has been adopted by Fortune 100 customers across all industries, and our founders "
        "were the original creators of Apache Kafka®. We're looking for a data scientist to build our "
        "forecasting models. You will own the churn dashboards."
    )
    kinds = {p.text: p.kind for p in parts(f"Data Scientist\n\n{paragraph}\n")}
    assert kinds[next(t for t in kinds if t.startswith("By pioneering"))] == "company"
    assert kinds[next(t for t in kinds if t.startswith("Our product"))] == "company"
    assert kinds[next(t for t in kinds if t.startswith("We're looking"))] == "open"
    assert kinds["You will own the churn dashboards."] == "open"


def test_two_spaces_before_a_capital_are_a_lost_line_break() -> None:
    """A scrape that lost its line breaks left two spaces: each item is a line of its own, a heading
    among them starts its part; in a paragraph read sentence by sentence, they end a sentence."""
    from rolefit.postings.sections import parts

    short = (
        "Work with the product owner to turn needs into an analytical approach  Work closely with a team of "
        "experts on dashboards  Your profile  You have five years of SQL"
    )
    got = [(p.kind, p.text) for p in parts(f"Data Analyst\nWhat you will do\n{short}\n")]
    assert got[0] == ("duties", "Work with the product owner to turn needs into an analytical approach")
    assert got[1] == ("duties", "Work closely with a team of experts on dashboards")
    assert got[-1] == ("requirements", "You have five years of SQL")
    long = "We value people. " * 30 + "You build models for pricing  Our offer includes a pension and a car"
    texts = [p.text for p in parts(f"Data Analyst\nWhat you will do\n{long}\n")]
    assert "You build models for pricing" in texts
    # (a title or a row of a table that lines words up is no list)
    assert [p.text for p in parts("Data Analyst\nWhat you will do\nPython  SQL  Tableau\n")] == ["Python  SQL  Tableau"]


def test_characters_a_reader_does_not_see_are_not_read() -> None:
    from rolefit.postings.posting import make_posting

    posting = make_posting("p", "Data Scientist\n\nBuild dashboards if\ufeffYou come, zero\u200bwidth, joi\u200dned.")
    assert posting.text.endswith("Build dashboards if You come, zero width, joined.")


@pytest.mark.parametrize(
    "lead_in", ["Experience with:", "Software Proficiency:", "Experience with the following tools:"]
)
def test_a_lead_in_to_a_list_of_needs_is_the_requirements_or_the_nice_to_haves_it_stands_in(lead_in: str) -> None:
    from rolefit.postings.sections import parts

    under_duties = parts(f"Data Scientist\nWhat you will do\nBuild models.\n{lead_in}\nTableau\n")
    assert under_duties[-1].kind == "requirements"
    under_nice = parts(f"Data Scientist\nNice to have\nA PhD.\n{lead_in}\nTableau\n")
    assert under_nice[-1].kind == "nice"
    # (so does a list of needs run onto its lead-in's line)
    assert parts("Data Scientist\nBonus qualifications\nExperience with AWS tools: EC2, S3\n")[-1].kind == "nice"
