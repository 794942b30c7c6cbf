"""Negotiation proposals: instalments that fit the budget, per lender, with their timetable.

>>> from datetime import date
>>> from planner import Debt
>>> from planner.negotiation import METHODS, propose
>>> sorted(METHODS)
['equal_term', 'pro_rata', 'sequential']
>>> plan = propose([Debt("借呗", balance=12000, annual_rate=14.6, min_payment=1120, kind="online_loan")],
...                3000, "equal_term", start=date(2027, 1, 15))
>>> plan.feasible, plan.lines[0].months, plan.lines[0].first_payment
(True, 5, datetime.date(2027, 1, 15))

See docs/negotiation.md for the API and the rules.
"""

from . import messages  # noqa: F401  (registers the messages)
from .answers import AgreedLine, AnswerNote, NegotiationInputs, negotiation_inputs, reconsider_letter
from .core import min_capacity, propose, sequential_order_names, what_if_refused
from .errors import UnknownMethod
from .evaluate import PlanEvaluation, accepted_debt, evaluate
from .methods import METHODS, Method, get_method
from .plan import NegotiationPlan, Payment, ProposalLine, Reason, add_months, source_label
from .settings import (KindRule, NegotiationSettings, Setting, SettingsError, load_settings,
                       parse_settings)
from .terms import OVERRIDE_KEYS, proposed_rate

__all__ = sorted([
    "AgreedLine", "AnswerNote", "NegotiationInputs", "negotiation_inputs", "reconsider_letter",
    "KindRule", "METHODS", "Method", "NegotiationPlan", "NegotiationSettings", "OVERRIDE_KEYS",
    "Payment", "PlanEvaluation", "ProposalLine", "Reason", "Setting", "SettingsError", "UnknownMethod",
    "accepted_debt", "add_months", "evaluate", "get_method", "load_settings", "min_capacity",
    "parse_settings", "propose", "proposed_rate", "sequential_order_names", "source_label",
    "what_if_refused",
])
