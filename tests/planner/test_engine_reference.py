"""The engine agrees with an independent implementation of docs/model.md to the cent."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner import debts_from_records, simulate
from planner.batch import run_cases, run_lines
from tests.planner.reference import reference_simulate
from tests.planner.strategies_st import case

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _via_simulate(c: dict) -> dict:
    r = simulate(debts_from_records(c["debts"]), c["budget"], c["strategy"], order=c.get("order"),
                 horizon=c["horizon"], series=False)
    return r.to_dict()


def _reference(c: dict) -> dict:
    return reference_simulate(c["debts"], c["budget"], c["strategy"], c.get("order", ()), c["horizon"])


@SETTINGS
@given(case())
def test_simulate_matches_reference(c):
    assert _via_simulate(c) == _reference(c)


@SETTINGS
@given(st.lists(case(), min_size=1, max_size=12))
def test_batch_matches_reference(cases):
    """The batch path (fast numeric path, all cases in one vectorised call) gives the same numbers."""
    out = run_cases([{**c, "id": i} for i, c in enumerate(cases)])
    for i, (c, o) in enumerate(zip(cases, out)):
        assert o.pop("id") == i
        assert o == _reference(c)


@settings(max_examples=60, deadline=None)
@given(st.lists(case(), min_size=1, max_size=6))
def test_batch_with_text_values_matches(cases):
    """Numbers given as text ("18%", "¥3,000") take the full parser and still agree."""
    def textify(d):
        d = dict(d)
        d["balance"] = f"¥{d['balance']:,}"
        if "annual_rate" in d:
            d["annual_rate"] = f"{d['annual_rate']!r}%"
        return d
    text_cases = [{**c, "debts": [textify(d) for d in c["debts"]]} for c in cases]
    assert run_cases(text_cases) == run_cases(cases)


def test_parallel_batch_equals_single_process():
    import random

    from benchmarks.portfolios import random_case
    rng = random.Random(7)
    cases = [random_case(rng, rng.randint(1, 12), f"c{i}") for i in range(40)]
    lines = [json.dumps({**c, "id": i}) for i, c in enumerate(cases)] + ["not json", ""]
    assert list(run_lines(lines, workers=2)) == list(run_lines(lines, workers=1))
