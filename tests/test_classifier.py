"""The verdict's fitted model: its chances, the hybrid rule, the features it reads, and its fit."""

from __future__ import annotations

import math
import sys
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from rolefit.catalogue.load import load_catalogue
from rolefit.postings import classifier, kinds
from rolefit.postings.calibration import MODEL_BANDS, sure_model
from rolefit.postings.features import NAMES, features
from rolefit.postings.read import make_posting, read_posting
from rolefit.postings.verdict import distinctive

from helpers import ROOT

CAT = load_catalogue()
sys.path.insert(0, str(ROOT / "benchmarks"))
import logistic  # noqa: E402

vectors = st.lists(st.floats(-3, 3, allow_nan=False), min_size=len(NAMES), max_size=len(NAMES))

DE_AD = (
    "Senior Data Engineer\n## Responsibilities\n- Build and maintain ETL pipelines in Airflow.\n"
    "- Design the data warehouse in Snowflake and its dimensional models.\n- Ingest data from Kafka streams.\n"
    "- Orchestrate batch jobs and monitor pipeline failures.\n"
)
ML_AD = (
    "Machine Learning Scientist\n## What you'll do\n- Train deep learning models in PyTorch for speech.\n"
    "- Implement papers from NeurIPS and ICML and publish our research.\n- Label datasets with annotators.\n"
)


def test_the_weights_fit_the_features() -> None:
    """A row per verdict, a weight per feature and an intercept: a feature added without a refit fails."""
    assert len(classifier.WEIGHTS) == len(classifier.CLASSES)
    assert all(len(row) == len(NAMES) + 1 for row in classifier.WEIGHTS)
    reading = read_posting(make_posting("p", DE_AD), CAT)
    assert len(features(reading.weights, distinctive(CAT), "t", DE_AD)) == len(NAMES)


@given(vectors)
def test_chances_are_a_distribution_highest_first(x: list[float]) -> None:
    odds = classifier.chances(x)
    assert sorted(c for c, _ in odds) == sorted(classifier.CLASSES)
    assert math.isclose(sum(p for _, p in odds), 1.0)
    assert all(0.0 <= p <= 1.0 for _, p in odds)
    assert [p for _, p in odds] == sorted((p for _, p in odds), reverse=True)
    assert classifier.chances(x) == odds  # the same features, the same chances


@given(st.lists(st.floats(0.01, 1.0), min_size=4, max_size=4), st.floats(0.3, 1.0))
def test_a_hybrid_is_two_archetypes_the_second_nearly_as_likely(raw: list[float], share: float) -> None:
    total = sum(raw)
    odds = tuple(
        sorted(((c, p / total) for c, p in zip(classifier.CLASSES, raw, strict=True)), key=lambda q: (-q[1], q[0]))
    )
    said = classifier.decide(odds, share)
    (first, p1), (second, p2) = odds[0], odds[1]
    if first == "none":
        assert said == "none"
    elif second != "none" and p2 >= share * p1:
        assert said == "hybrid:" + "+".join(sorted((first, second)))
    else:
        assert said == first


def test_the_model_reads_a_data_engineering_ad_as_outside_and_an_ml_ad_as_rnd() -> None:
    de = read_posting(make_posting("de", DE_AD), CAT)
    assert de.chances and de.chances[0][0] == "none"
    assert de.verdict() == "none" and de.outside in kinds.KINDS and de.top is None
    ml = read_posting(make_posting("ml", ML_AD), CAT)
    assert ml.verdict() == "rnd" and ml.top == ml.leaning == "rnd"
    assert ml.confidence == sure_model(ml.chances[0][1])


def test_other_catalogues_are_read_by_closeness_not_by_the_model() -> None:
    renamed = replace(CAT, roles=tuple(replace(r, id=f"my-{r.id}") for r in CAT.roles))
    reading = read_posting(make_posting("ml", ML_AD), renamed)
    assert reading.chances == ()
    assert reading.verdict() == reading.similarity[0][0] == "my-rnd"


def test_sure_rises_with_the_model_s_chance() -> None:
    lows = [low for low, _ in MODEL_BANDS]
    assert lows == sorted(lows) and lows[0] == 0.0
    shares = [sure_model(p / 100) for p in range(101)]
    assert shares == sorted(shares)


def test_the_fit_is_the_penalised_optimum() -> None:
    """The benchmark's Newton fit: at its answer the penalised loss's gradient is zero."""
    rows = [
        ([0.9, 0.1], [1.0, 0.0, 0.0], 1.0),
        ([0.1, 0.8], [0.0, 1.0, 0.0], 1.0),
        ([0.5, 0.5], [0.0, 0.0, 1.0], 2.0),
        ([0.7, 0.6], [0.5, 0.0, 0.5], 1.0),
    ]
    c = 2.0
    coef = logistic.fit(rows, 3, c)
    for k in range(3):
        for i in range(3):  # two weights and the intercept
            grad = sum(w * (logistic.predict(coef, x)[k] - t[k]) * ([*x, 1.0][i]) for x, t, w in rows) + (
                coef[k][i] / c if i < 2 else 0.0
            )
            assert abs(grad) < 1e-6


def test_a_manager_s_hiring_and_mentoring_say_nothing_of_the_role() -> None:
    """For a manager any team's hires and mentees are the work; for anyone else building the team
    is the data person's: the role features drop them only under a manager's title."""
    tells = distinctive(CAT)
    weights = {"mentoring": 3.0, "hiring": 1.0, "build-models": 1.0, "deploy-models": 0.5}
    role = {name: k for k, name in enumerate(NAMES)}
    manager = features(weights, tells, "Machine Learning Engineering Manager", "")
    engineer = features(weights, tells, "Machine Learning Engineer", "")
    assert manager[role["role:data-person"]] < engineer[role["role:data-person"]]
    assert manager[role["role:rnd"]] == engineer[role["role:rnd"]]
    assert manager[role["role:rnd"]] > manager[role["role:data-person"]]


def test_an_ad_leaning_to_the_data_person_with_a_third_of_its_work_analysis_is_not_an_engineering_job() -> None:
    """Without a small firm's signs, pipeline work leaning to the data person is a job of another
    kind; not when a third or more of the evidence is analysis and models (a data scientist's)."""
    known = frozenset(t.id for t in CAT.tasks)
    base = {"etl-pipelines": 2.0, "data-warehouse": 1.0, "gather-requirements": 1.0, "present-findings": 1.0}
    text = "We are a global bank."
    assert kinds.outside_kind(base, "Data Scientist", text, known, top="data-person") is not None
    science = {**base, "exploratory-analysis": 1.5, "behaviour-statistics": 1.0, "build-models": 0.5}  # 3 of 8
    assert kinds.outside_kind(science, "Data Scientist", text, known, top="data-person") is None
    less = {**base, "exploratory-analysis": 0.5, "build-models": 0.3}  # 0.8 of 5.8
    assert kinds.outside_kind(less, "Data Scientist", text, known, top="data-person") is not None


def test_a_line_or_two_naming_half_the_kinds_of_work_is_not_enough_evidence() -> None:
    """Buzzwords describe no one job, however sure the model would be of them."""
    soup = (
        "Data Scientist\nYou will set up the data warehouse, build ETL pipelines in Airflow, create Looker dashboards, "
        "do quick-win analysis, implement NeurIPS papers, train deep learning models, label datasets, gather "
        "requirements, deploy models with Docker, set up CI/CD, build a feature store, run A/B tests, study user "
        "behaviour, build predictive analytics and present findings to stakeholders.\n"
    )
    reading = read_posting(make_posting("soup", soup), CAT)
    assert reading.thin and len(reading.weights) * 2 >= len(CAT.tasks)
    assert reading.insufficient and reading.verdict() == "insufficient"
    few = "Machine Learning Scientist\nYou will train deep learning models and implement NeurIPS papers.\n"
    assert read_posting(make_posting("few", few), CAT).verdict() == "rnd"
