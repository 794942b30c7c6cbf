"""The repayment strategies, as a registry: adding one is one entry.

Each strategy says how a month's budget is allocated (``allocation``) and, for
priority strategies, the order in which debts receive money (``order``), fixed
once at the start from the inputs (docs/model.md).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .i18n import register, t
from .models import Debt, InvalidInput, UnknownStrategy, ValidationIssue, name_key

# allocation kinds understood by the engine
PRIORITY = "priority"   # dues in priority order, then extra to the first debt in that order
MINIMUM = "minimum"     # dues in input order, nothing extra
SPREAD = "spread"       # dues, then extra in proportion to what remains


OrderFn = Callable[[Sequence[Debt], Sequence[str]], list[int]]


def _input_order(debts: Sequence[Debt], _order: Sequence[str] = ()) -> list[int]:
    return list(range(len(debts)))


def _avalanche(debts: Sequence[Debt], _order: Sequence[str] = ()) -> list[int]:
    return sorted(range(len(debts)), key=lambda i: (-debts[i].annual_rate, debts[i].balance, i))


def _snowball(debts: Sequence[Debt], _order: Sequence[str] = ()) -> list[int]:
    return sorted(range(len(debts)), key=lambda i: (debts[i].balance, -debts[i].annual_rate, i))


def _custom(debts: Sequence[Debt], order: Sequence[str] = ()) -> list[int]:
    """Named debts first, in the given order; the rest follow in input order."""
    position = {name_key(d.name): i for i, d in enumerate(debts)}
    issues, chosen = [], []
    for name in order:
        i = position.get(name_key(name))
        if i is None:
            issues.append(ValidationIssue(None, "order", str(name), "unknown_order_name"))
        elif i not in chosen:
            chosen.append(i)
    if issues:
        raise InvalidInput(issues)
    return chosen + [i for i in range(len(debts)) if i not in chosen]


@dataclass(frozen=True)
class Strategy:
    key: str
    allocation: str
    order: OrderFn

    def label(self, lang: str = "zh") -> str:
        return t(f"strategy.{self.key}", lang)

    def short_label(self, lang: str = "zh") -> str:
        """The name alone (雪崩法 / Avalanche), for table cells, legends and headings where the long label's
        bracket would nest in another one; say what it means once nearby (see ``description``)."""
        return t(f"strategy.{self.key}.short", lang)

    def description(self, lang: str = "zh") -> str:
        return t(f"strategy.{self.key}.help", lang)


STRATEGIES: dict[str, Strategy] = {
    s.key: s for s in (
        Strategy("avalanche", PRIORITY, _avalanche),
        Strategy("snowball", PRIORITY, _snowball),
        Strategy("custom", PRIORITY, _custom),
        Strategy("spread", SPREAD, _input_order),
        Strategy("minimum", MINIMUM, _input_order),
    )
}

register({
    "strategy.avalanche": {"zh": "先还利率最高的（雪崩法）", "en": "Highest rate first (avalanche)"},
    "strategy.avalanche.help": {
        "zh": "先付清每笔的应还款，多出的钱全部用来还利率最高的一家，还清后再还下一家。",
        "en": "Pay every debt's amount due, then put all extra money on the highest-rate debt until it is cleared, then the next."},
    "strategy.snowball": {"zh": "先还余额最小的（雪球法）", "en": "Smallest balance first (snowball)"},
    "strategy.snowball.help": {
        "zh": "先付清每笔的应还款，多出的钱全部用来还余额最小的一家，尽快减少欠款平台数。",
        "en": "Pay every amount due, then put all extra money on the smallest balance, to cut the number of lenders fast."},
    "strategy.custom": {"zh": "自定义顺序", "en": "Your own order"},
    "strategy.custom.help": {
        "zh": "先付清每笔的应还款，多出的钱按您指定的顺序一家一家还。",
        "en": "Pay every amount due, then clear the debts one at a time in the order you choose."},
    "strategy.spread": {"zh": "每家都还一点（平摊）", "en": "A little to everyone (spread)"},
    "strategy.spread.help": {
        "zh": "把钱按比例分给所有平台。钱不够时每家都只拿到一部分，可能全部逾期。",
        "en": "Share the money across all lenders in proportion. When money is short every lender gets only part, and all may fall into arrears."},
    "strategy.minimum": {"zh": "只还最低还款", "en": "Minimum payments only"},
    "strategy.avalanche.short": {"zh": "雪崩法", "en": "Avalanche"},
    "strategy.snowball.short": {"zh": "雪球法", "en": "Snowball"},
    "strategy.custom.short": {"zh": "自定义顺序", "en": "Your own order"},
    "strategy.spread.short": {"zh": "平摊", "en": "Spread"},
    "strategy.minimum.short": {"zh": "只还最低", "en": "Minimums only"},
    "strategy.minimum.help": {
        "zh": "每月只还应还金额，不多还一分。",
        "en": "Pay only what is due each month, nothing extra."},
})


def get_strategy(name: str) -> Strategy:
    try:
        return STRATEGIES[str(name).strip().lower()]
    except KeyError:
        raise UnknownStrategy(str(name), STRATEGIES) from None


def strategy_names() -> list[str]:
    return list(STRATEGIES)
