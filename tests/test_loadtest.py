"""The load test is bounded (levels, rounds, time) and its statistics are right; running it is `make loadtest`."""

from __future__ import annotations

import pytest

from benchmarks import loadtest


@pytest.mark.parametrize("argv", [["--levels", "32"], ["--levels", "0"], ["--rounds", "9"],
                                  ["--max-seconds", "7200"], ["--levels", ""]])
def test_refuses_unbounded_runs(argv):
    with pytest.raises(SystemExit) as e:
        loadtest.main(argv)
    assert e.value.code == 2


def test_percentiles_interpolate():
    assert loadtest.percentile([100, 200, 300, 400], 0.5) == 250
    assert loadtest.percentile([10.0] * 19 + [1000.0], 0.95) == pytest.approx(59.5)
    assert loadtest.percentile([], 0.5) != loadtest.percentile([], 0.5)      # NaN


def test_report_table_has_every_step():
    level = {"sessions": 2, "steps": {s: {"p50_ms": 1, "p95_ms": 2} for s in loadtest.STEPS},
             "rss_with_sessions_mb": 400.0, "rss_peak_mb": 450.0, "mb_per_session": 12.5}
    table = loadtest.markdown({"levels": [level]})
    assert table.splitlines()[2] == "| 2 | " + " | ".join(["1 / 2"] * len(loadtest.STEPS)) + " | 400.0 / 450.0 | 12.5 |"
    assert all(s in table.splitlines()[0] for s in loadtest.STEPS)
