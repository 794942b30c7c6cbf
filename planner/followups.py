"""Follow-ups and escalation: a dated ladder per lender, and the next step with its date.

The ladder (a registry, :data:`LADDERS`) for a lender that does not answer::

    applied → no written answer within N days → follow-up letter → the lender's complaint channel
            → the regulator → mediation

N (``answer_days``, default :data:`DEFAULT_ANSWER_DAYS`) is **our default, not a legal deadline**: no rule
gives a lender a fixed number of days to answer a negotiation request. Each later step waits N days after
the previous one was done (or would have been due). A refusal starts its own ladder (please reconsider
with updated figures → complaint → regulator → mediation); an accepted answer ends the ladder (pay as
agreed). A private lender has no complaint channel and no regulator: follow-up letter → mediation
(人民调解).

The regulator depends on the lender (the legal entity in the contract decides): 12378 (NFRA) for banks,
card issuers and consumer-finance companies; the local financial regulator (地方金融管理局) for small-loan
companies. Both channels are *likely* in ``data/legal_sources.toml`` — mentioned as channels, never cited
as law.

State lives in the workspace's ``followups`` section (what the person recorded)::

    {"answer_days": 15, "lenders": {"借呗": {"applied": "2026-12-01", "done": {"followup_letter": "2026-12-17"}}}}

>>> from datetime import date
>>> from planner import Debt
>>> d = Debt("借呗", kind="online_loan", balance=100, annual_rate=0, min_payment=10)
>>> s = next_step(d, {"applied": "2026-12-01"}, status="proposed", today=date(2026, 12, 20))
>>> s.key, s.due.isoformat(), s.overdue
('followup_letter', '2026-12-16', True)
>>> next_step(d, {}, status="proposed", today=date(2026, 12, 20)).key
'apply'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from .agreements import optional_date
from .i18n import register, t
from .models import Debt, DebtKind, name_key

DEFAULT_ANSWER_DAYS = 15
MAX_ANSWER_DAYS = 120

# step key → the letter that goes with it (planner/templates/followup/<letter>.<lang>.txt.j2), if any
STEP_LETTERS: dict[str, str | None] = {
    "apply": "holding", "followup_letter": "no_reply", "reconsider": "reconsider",
    "complaint": None, "regulator": None, "mediation": None, "keep_agreement": None,
}
LADDERS: dict[str, tuple[str, ...]] = {
    "no_answer": ("followup_letter", "complaint", "regulator", "mediation"),
    "refused": ("reconsider", "complaint", "regulator", "mediation"),
    "no_answer_private": ("followup_letter", "mediation"),
    "refused_private": ("reconsider", "mediation"),
}

LETTERS: tuple[str, ...] = ("holding", "no_reply", "reconsider", "change", "statement", "cannot_keep")

register({
    "fu.letter.holding": {"zh": "暂缓催收说明函", "en": "Holding letter"},
    "fu.letter.no_reply": {"zh": "未获答复跟进函", "en": "No-reply follow-up letter"},
    "fu.letter.reconsider": {"zh": "请求重新考虑函", "en": "Request to reconsider"},
    "fu.letter.change": {"zh": "情况变化告知函", "en": "Change of circumstances"},
    "fu.letter.statement": {"zh": "索取合同及费用明细函", "en": "Request for the contract and an itemised statement"},
    "fu.letter.cannot_keep": {"zh": "无法按协议还款告知函", "en": "I cannot keep the agreed plan"},
    "fu.answer_days.label": {"zh": "等待书面答复的天数（本工具的默认值，不是法定期限）",
                             "en": "Days to wait for a written answer (our default, not a legal deadline)"},
    "fu.step.apply": {"zh": "提交协商申请（可先发“暂缓催收”说明函）",
                      "en": "Send the application (a holding letter first if you need time)"},
    "fu.step.followup_letter": {"zh": "未收到书面答复：发跟进函", "en": "No written answer: send the follow-up letter"},
    "fu.step.reconsider": {"zh": "方案被拒：发“请重新考虑”函（附最新数字）",
                           "en": "Offer refused: ask them to reconsider (with updated figures)"},
    "fu.step.complaint": {"zh": "向贷款方的官方投诉渠道投诉（{channel}）",
                          "en": "Complain through the lender's own complaint channel ({channel})"},
    "fu.step.regulator": {"zh": "向监管部门反映：{regulator}", "en": "Contact the regulator: {regulator}"},
    "fu.step.mediation": {"zh": "申请调解：{mediation}", "en": "Ask for mediation: {mediation}"},
    "fu.step.keep_agreement": {"zh": "已达成协议：按协议按时还款，保留书面协议",
                               "en": "Agreed: pay as agreed and keep the written agreement"},
    "fu.channel.default": {"zh": "App内客服/投诉入口或合同上的官方客服电话",
                           "en": "the in-app service/complaint entry or the official hotline in the contract"},
    "fu.regulator.bank": {"zh": "国家金融监督管理总局消费者投诉热线 12378",
                          "en": "the NFRA consumer hotline 12378"},
    "fu.regulator.platform": {"zh": "持牌消费金融公司或银行：12378；小额贷款公司：当地地方金融管理局（看合同上的贷款方全称）",
                              "en": "a consumer-finance company or bank: 12378; a small-loan company: the local financial "
                                    "regulator (地方金融管理局) — the contract names the lender's legal entity"},
    "fu.mediation.financial": {"zh": "金融纠纷调解组织（可向 12378 或当地金融管理部门询问本地的调解机构）",
                               "en": "a financial dispute mediation body (12378 or the local regulator can tell you which one)"},
    "fu.mediation.private": {"zh": "人民调解委员会（社区/村委会可以联系）",
                             "en": "a people's mediation committee (ask your neighbourhood or village committee)"},
})

_BANK_KINDS = {DebtKind.CREDIT_CARD, DebtKind.BANK_LOAN}


@dataclass(frozen=True, slots=True)
class Step:
    """The next thing to do with a lender: ``key`` (see :data:`STEP_LETTERS`), its date, whether it is late."""

    lender: str
    key: str
    due: date
    overdue: bool
    letter: str | None

    def text(self, debt: Debt, lang: str = "zh", escape=None) -> str:
        return step_text(self.key, debt, lang, escape)


def step_text(key: str, debt: Debt, lang: str = "zh", escape=None) -> str:
    """The step in words; ``escape`` (e.g. :func:`planner.escape.markdown`) is applied to the user's text
    (the channel) for the sink it goes to."""
    from .escape import terminal
    channel = " ".join(terminal(debt.official_channel).split())
    channel = (escape(channel) if escape else channel) if channel else t("fu.channel.default", lang)
    regulator = t("fu.regulator.bank" if debt.kind in _BANK_KINDS else "fu.regulator.platform", lang)
    mediation = t("fu.mediation.private" if debt.kind == DebtKind.PRIVATE_LOAN else "fu.mediation.financial", lang)
    return t(f"fu.step.{key}", lang, channel=channel, regulator=regulator, mediation=mediation)


def answer_days(followups: Mapping[str, object]) -> int:
    """The waiting time setting (clamped to 1…120 days; anything unreadable → the default)."""
    value = followups.get("answer_days") if isinstance(followups, Mapping) else None
    try:
        days = int(value)
    except (TypeError, ValueError):
        return DEFAULT_ANSWER_DAYS
    return max(1, min(days, MAX_ANSWER_DAYS))


def ladder(debt: Debt, status: str) -> tuple[str, ...]:
    private = "_private" if debt.kind == DebtKind.PRIVATE_LOAN else ""
    return LADDERS[("refused" if status == "refused" else "no_answer") + private]


def next_step(debt: Debt, state: Mapping[str, object], *, status: str, today: date,
              days: int = DEFAULT_ANSWER_DAYS, answered_on: date | None = None) -> Step:
    """The lender's next step (``state``: this lender's ``{"applied": date, "done": {step: date}}``)."""
    if status == "accepted":
        return Step(debt.name, "keep_agreement", answered_on or today, False, None)
    applied = optional_date(state.get("applied")) if isinstance(state, Mapping) else None
    if applied is None and status in ("proposed", "no_answer") and answered_on is not None:
        applied = answered_on            # a recorded "proposal sent" dates the application
    done = state.get("done") if isinstance(state, Mapping) and isinstance(state.get("done"), Mapping) else {}
    if applied is None:
        return Step(debt.name, "apply", today, False, STEP_LETTERS["apply"])
    if status == "refused":
        previous = answered_on or applied
        wait = 0                        # ask them to reconsider straight away
    else:
        previous, wait = applied, days
    for key in ladder(debt, status):
        due = previous + timedelta(days=wait)
        finished = optional_date(done.get(key))
        if finished is None:
            return Step(debt.name, key, due, due < today, STEP_LETTERS.get(key))
        previous, wait = finished, days
    last = ladder(debt, status)[-1]
    return Step(debt.name, last, previous, False, None)


def next_steps(debts: Sequence[Debt], followups: Mapping[str, object], answers: Mapping[str, Mapping[str, object]],
               *, today: date) -> dict[str, Step]:
    """The next step for every debt, from the workspace's ``followups`` and ``negotiation["answers"]``."""
    days = answer_days(followups)
    lenders = followups.get("lenders") if isinstance(followups, Mapping) else None
    lenders = {name_key(k): v for k, v in lenders.items()} if isinstance(lenders, Mapping) else {}
    answers = {name_key(k): v for k, v in answers.items()} if isinstance(answers, Mapping) else {}
    out = {}
    for d in debts:
        ans = answers.get(name_key(d.name)) or {}
        status = str(ans.get("status") or "proposed") if isinstance(ans, Mapping) else "proposed"
        answered = optional_date(ans.get("date")) if isinstance(ans, Mapping) and ans else None
        out[d.name] = next_step(d, lenders.get(name_key(d.name)) or {}, status=status, today=today, days=days,
                                answered_on=answered)
    return out


def step_to_show(step: Step | None, status: str) -> Step | None:
    """The step the month list shows next to a lender with that month status: a lender paid as the contract
    asks needs no negotiation step (``apply``); one that falls behind does."""
    if step is None or (step.key == "apply" and status != "behind"):
        return None
    return step


def mark_done(followups: Mapping[str, object], lender: str, key: str, on: date) -> dict[str, object]:
    """A copy of the ``followups`` section with ``key`` done on ``on`` (``apply`` records the application date)."""
    out = dict(followups)
    lenders = dict(out.get("lenders") or {})
    state = dict(lenders.get(lender) or {})
    if key == "apply":
        state["applied"] = on.isoformat()
    else:
        done = dict(state.get("done") or {})
        done[key] = on.isoformat()
        state["done"] = done
    lenders[lender] = state
    out["lenders"] = lenders
    return out


def deadlines(steps: Mapping[str, Step], debts: Sequence[Debt], lang: str = "zh"):
    """The next steps as calendar deadlines (:class:`planner.reminders.Deadline`), accepted ones left out."""
    from .reminders import Deadline
    by_name = {d.name: d for d in debts}
    return [Deadline(name, s.key, s.due, f"{name} · {step_text(s.key, by_name[name], lang)}")
            for name, s in steps.items() if s.key not in ("keep_agreement", "apply") and name in by_name]


__all__ = ["DEFAULT_ANSWER_DAYS", "LADDERS", "LETTERS", "STEP_LETTERS", "Step", "answer_days", "deadlines", "ladder",
           "mark_done", "next_step", "next_steps", "step_text", "step_to_show"]
