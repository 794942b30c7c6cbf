"""Hypothesis profiles of the fuzz suite (issue 11).

``fuzz-quick`` (default) keeps each target to a few seconds inside ``make test``; ``make fuzz`` selects
``fuzz-long`` through ``PLANNER_FUZZ_PROFILE``.  The profiles are applied per test (``@FUZZ``), never
loaded globally, so the other property tests keep their own settings.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("fuzz-quick", max_examples=40, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("fuzz-long", max_examples=3_000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

FUZZ = settings.get_profile(os.environ.get("PLANNER_FUZZ_PROFILE", "fuzz-quick"))
