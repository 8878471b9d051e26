"""Accuracy, measured (issue 4): the reader against the hand-labelled texts.

The overall target F1 on the whole labelled set must stay at or above 0.95, and every
field of the five real seed texts must agree with its gold label. Run
``make eval-reading`` (or ``python -m thidua.reading.evaluate -v``) to see where it misses.
"""

from __future__ import annotations

import pytest

from thidua.reading import evaluate as ev
from thidua.reading import read_text

MIN_F1 = 0.95
SEEDS = [f"seed_00{i}" for i in range(5)]


@pytest.fixture(scope="module")
def report() -> ev.Report:
    return ev.evaluate(reader=read_text)


def test_every_labelled_text_is_read_without_error(report):
    assert report.errors == []


def test_overall_target_f1_is_at_least_095(report):
    f1 = report.prf[2]
    assert f1 >= MIN_F1, "\n" + ev.format_report(report, verbose=True)


@pytest.mark.parametrize("name", SEEDS)
def test_every_field_of_the_seed_matches_its_gold(report, name):
    document = report.document(name)
    assert document.error is None
    assert ev.compare_reading(document.gold, document.predicted) == []
