"""True cost by IRR: agreement with numpy-financial, the flat-fee figures, the flags."""

from __future__ import annotations

import numpy_financial as npf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.apr import (CostInputError, flag_cost, flat_fee_cost, level_loan_cost, monthly_irr,
                         nominal_cost, true_cost)
from planner.legal import get
from planner.negotiation import load_settings
from planner.negotiation.schedule import annuity


class TestIrr:
    @settings(max_examples=150, deadline=None)
    @given(principal=st.floats(100, 1e6), rate=st.floats(0.1, 200), months=st.integers(1, 120))
    def test_agrees_with_numpy_financial(self, principal, rate, months):
        pmt = annuity(principal, rate, months)
        ours = level_loan_cost(principal, rate, months).apr_pct
        theirs = float(npf.irr([-principal] + [pmt] * months)) * 1200
        assert ours == pytest.approx(rate, abs=0.01)
        assert ours == pytest.approx(theirs, abs=0.01)
        if rate <= 60:                        # npf.rate's Newton iteration diverges on extreme rates
            assert ours == pytest.approx(float(npf.rate(months, -pmt, principal, 0)) * 1200, abs=0.01)

    def test_irr_of_uneven_flows_matches_npf_irr(self):
        flows = [1000, 300, 300, 300, 200]
        i = monthly_irr(flows[0], flows[1:])
        assert i == pytest.approx(float(npf.irr([-1000] + flows[1:])), abs=1e-9)

    def test_zero_cost(self):
        assert true_cost(1200, [100] * 12).apr_pct == pytest.approx(0, abs=1e-9)

    @pytest.mark.parametrize("received, pays", [(0, [1]), (100, []), (100, [10, 10]), (100, [-5, 200])])
    def test_bad_inputs(self, received, pays):
        with pytest.raises(CostInputError):
            monthly_irr(received, pays)


class TestFlatFee:
    def test_075_per_month_is_about_17_5_effective(self):
        c = flat_fee_cost(12_000, 0.75, 12)
        assert c.effective_pct == pytest.approx(17.5, abs=0.05)
        assert c.apr_pct == pytest.approx(16.22, abs=0.01)
        assert c.total_cost == pytest.approx(1080)

    def test_1_per_month_is_about_23_7_effective(self):
        assert flat_fee_cost(10_000, 1.0, 12).effective_pct == pytest.approx(23.7, abs=0.05)

    def test_upfront_fee_raises_the_cost(self):
        assert flat_fee_cost(10_000, 0.75, 12, upfront_fees=300).apr_pct > flat_fee_cost(10_000, 0.75, 12).apr_pct


class TestFlags:
    def test_licensed_over_and_source_not_cited_as_law(self):
        f = flag_cost(flat_fee_cost(10_000, 2.0, 12), "consumer_finance")
        assert f.level == "over" and f.threshold_pct == 24 and f.source_id == "licensed_cost_cap_24"
        assert not get("licensed_cost_cap_24").verified and not f.source_verified
        assert "待核实" in f.message("zh") and "to be confirmed" in f.message("en")

    def test_private_loan_uses_four_times_lpr(self):
        f = flag_cost(15.0, "private_loan")
        assert f.level == "over" and f.threshold_pct == 12 and f.source_verified
        assert "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》" in f.message("zh")
        g = flag_cost(14.0, "private_loan", load_settings({"lpr_one_year_pct": 3.85}))
        assert g.threshold_pct == pytest.approx(15.4) and g.level == "within"

    def test_compounded_only(self):
        f = flag_cost(23.5, "online_loan")          # 23.5 % nominal → 26.2 % compounded
        assert f.level == "over_compounded" and f.over
        assert nominal_cost(23.5).effective_pct > 24

    def test_cards_have_no_cap(self):
        assert flag_cost(99.0, "credit_card").level == "no_threshold"

    def test_every_flag_message_renders(self):
        for kind in ("credit_card", "online_loan", "private_loan"):
            for rate in (5.0, 23.9, 40.0):
                f = flag_cost(rate, kind)
                assert f.message("zh") and f.message("en")
