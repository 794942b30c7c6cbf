"""Check the incident log against the collection rules in ``data/collection_rules.toml``.

The rules are data: each one is a list of incident-level clauses (tags, who was
contacted, channel, hour of day) and/or one log-level aggregate (e.g. more than
3 calls from one lender on one day).  The engine below knows the *kinds* of
condition, never a particular rule, so a new rule is one TOML entry.

>>> from datetime import date, time
>>> from planner.rights.incidents import Incident
>>> inc = Incident("某某贷", date(2026, 3, 5), "call", "third_party", "说我欠钱不还",
...                time=time(23, 10), relationship="同事", tags=("disclosure",))
>>> [h.rule_id for h in check_incident(inc)]
['third_party_contact', 'disclosure', 'night_contact']
"""

from __future__ import annotations

import tomllib
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources

from .. import legal
from ..i18n import register, t
from .incidents import Incident
from .vocab import CHANNELS, ROLES, TAGS

SEVERITIES = ("high", "medium")

# condition name -> (check(incident, argument) -> bool, validate(argument) -> error text or None)
def _ids_in(vocab: Mapping[str, object]) -> Callable[[object], str | None]:
    def check(arg: object) -> str | None:
        if not isinstance(arg, list) or not arg:
            return "must be a non-empty list"
        bad = [a for a in arg if a not in vocab]
        return f"unknown ids {bad}" if bad else None
    return check


def _hours(arg: object) -> str | None:
    ok = isinstance(arg, list) and len(arg) == 2 and all(isinstance(h, int) and 0 <= h <= 24 for h in arg)
    return None if ok and arg[0] < arg[1] else "must be [from_hour, to_hour) with 0 <= from < to <= 24"


def _outside_hours(inc: Incident, arg: list[int]) -> bool:
    return inc.time is not None and not (arg[0] <= inc.time.hour < arg[1])


CONDITIONS: dict[str, tuple[Callable[[Incident, object], bool], Callable[[object], str | None]]] = {
    "tags_any": (lambda inc, arg: any(tag in inc.tags for tag in arg), _ids_in(TAGS)),
    "role_in": (lambda inc, arg: inc.contact_role in arg, _ids_in(ROLES)),
    "channel_in": (lambda inc, arg: inc.channel in arg, _ids_in(CHANNELS)),
    "hour_outside": (_outside_hours, _hours),
}

# aggregate grouping and measures
GROUPS: dict[str, Callable[[Incident], tuple]] = {
    "lender": lambda inc: (inc.lender,),
    "lender_day": lambda inc: (inc.lender, inc.date),
}


def _distinct_third_parties(incs: Sequence[Incident]) -> int:
    return len(third_parties(incs))


MEASURES: dict[str, Callable[[Sequence[Incident]], int]] = {
    "sum_count": lambda incs: sum(inc.count for inc in incs),
    "distinct_third_parties": _distinct_third_parties,
}


def third_parties(incidents: Sequence[Incident]) -> list[str]:
    """Distinct people other than the borrower who were contacted (by relationship, as typed)."""
    seen: dict[str, str] = {}
    for inc in incidents:
        if inc.is_third_party:
            seen.setdefault(" ".join(inc.relationship.casefold().split()), inc.relationship)
    return list(seen.values())


class RuleTableError(ValueError):
    """The rule table is malformed (a developer error, raised at load time)."""


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    title_zh: str
    title_en: str
    description_zh: str
    description_en: str
    complaint_zh: str = ""           # the fact in the complainant's voice (first person), for drafts
    complaint_en: str = ""
    sources: tuple[str, ...] = ()
    to_confirm: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    police: tuple[str, ...] = ()     # laws the police outline lists as "may apply"
    when: tuple[Mapping[str, object], ...] = ()
    aggregate: Mapping[str, object] | None = None

    def title(self, lang: str = "zh") -> str:
        return self.title_en if lang == "en" else self.title_zh

    def description(self, lang: str = "zh") -> str:
        return self.description_en if lang == "en" else self.description_zh

    def complaint(self, lang: str = "zh") -> str:
        """What happened, as the borrower states it in a complaint (first person, factual)."""
        return self.complaint_en if lang == "en" else self.complaint_zh

    def cited_sources(self, lender_kind: object | None = legal.ANY_KIND) -> list[legal.LegalSource]:
        """The verified sources behind the rule (each with its kind and scope), kept to those in scope for
        ``lender_kind`` (default: every lender kind, e.g. the rule table); :func:`planner.legal.cite`
        refuses anything not verified."""
        ids = legal.in_scope(self.sources, lender_kind)
        for s in ids:
            legal.cite(s)
        return [legal.get(s) for s in ids]

    def citations(self, lang: str = "zh", lender_kind: object | None = legal.ANY_KIND) -> list[str]:
        """Verified sources as citation text, kept to those in scope for ``lender_kind``
        (default: every lender kind, e.g. the rule table)."""
        return [s.title(lang) for s in self.cited_sources(lender_kind)]

    def to_confirm_titles(self, lang: str = "zh", lender_kind: object | None = legal.ANY_KIND) -> list[str]:
        return [legal.get(s).title(lang) for s in legal.in_scope(self.to_confirm, lender_kind)]

    def matches(self, inc: Incident) -> bool:
        """Whether one of the incident-level clauses holds."""
        return any(_clause(inc, clause) for clause in self.when)


def _clause(inc: Incident, clause: Mapping[str, object]) -> bool:
    return all(CONDITIONS[name][0](inc, arg) for name, arg in clause.items())


def _validate_conditions(rule_id: str, clause: Mapping[str, object]) -> None:
    for name, arg in clause.items():
        if name not in CONDITIONS:
            raise RuleTableError(f"{rule_id}: unknown condition {name!r} (known: {sorted(CONDITIONS)})")
        problem = CONDITIONS[name][1](arg)
        if problem:
            raise RuleTableError(f"{rule_id}: {name} {problem}")


def parse_rules(raw: Mapping[str, object]) -> tuple[Rule, ...]:
    """Build and check the rule table from parsed TOML (``{"rule": [...]}``)."""
    rules, seen = [], set()
    for entry in raw.get("rule", []):
        entry = dict(entry)
        rid = entry.get("id", "?")
        if rid in seen:
            raise RuleTableError(f"duplicate rule id {rid!r}")
        seen.add(rid)
        if entry.get("severity") not in SEVERITIES:
            raise RuleTableError(f"{rid}: severity must be one of {SEVERITIES}")
        known = legal.sources()
        for key in ("sources", "to_confirm", "channels", "police"):
            missing = [s for s in entry.get(key, []) if s not in known]
            if missing:
                raise RuleTableError(f"{rid}: {key} {missing} not in legal_sources.toml")
        unverified = [s for s in entry.get("sources", []) if not known[s].verified]
        if unverified:
            raise RuleTableError(f"{rid}: sources {unverified} are not verified; move them to to_confirm")
        not_laws = [s for s in entry.get("police", []) if known[s].kind != "法律"]
        if not_laws:
            raise RuleTableError(f"{rid}: police {not_laws} are not laws (no standards or channels there)")
        if not entry.get("complaint_zh") or not entry.get("complaint_en"):
            raise RuleTableError(f"{rid}: complaint_zh and complaint_en (the complainant's voice) are required")
        if not entry.get("sources") and not entry.get("channels"):
            raise RuleTableError(f"{rid}: give at least one verified source or a channel")
        for clause in entry.get("when", []):
            _validate_conditions(rid, clause)
        agg = entry.get("aggregate")
        if agg is not None:
            agg = dict(agg)
            if agg.get("group") not in GROUPS or agg.get("measure") not in MEASURES or \
                    not isinstance(agg.get("gt"), int):
                raise RuleTableError(f"{rid}: aggregate needs group in {sorted(GROUPS)}, "
                                     f"measure in {sorted(MEASURES)} and an integer gt")
            _validate_conditions(rid, {k: v for k, v in agg.items() if k not in ("group", "measure", "gt")})
        if not entry.get("when") and agg is None:
            raise RuleTableError(f"{rid}: no detection (when or aggregate)")
        rules.append(Rule(
            id=rid, severity=entry["severity"],
            **{k: entry[k] for k in ("title_zh", "title_en", "description_zh", "description_en",
                                     "complaint_zh", "complaint_en")},
            sources=tuple(entry.get("sources", ())), to_confirm=tuple(entry.get("to_confirm", ())),
            police=tuple(entry.get("police", ())),
            channels=tuple(entry.get("channels", ())), when=tuple(entry.get("when", ())), aggregate=agg))
    return tuple(rules)


@cache
def load_rules() -> tuple[Rule, ...]:
    text = resources.files("planner.data").joinpath("collection_rules.toml").read_text("utf-8")
    return parse_rules(tomllib.loads(text))


RULES: tuple[Rule, ...] = load_rules()
RULES_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}


@dataclass(frozen=True)
class RuleHit:
    """Incident ``incident_id`` breaks rule ``rule_id``; ``params`` say why for log-level rules."""

    rule_id: str
    incident_id: str
    severity: str
    params: tuple[tuple[str, object], ...] = ()

    @property
    def rule(self) -> Rule:
        return RULES_BY_ID[self.rule_id]

    def explain(self, lang: str = "zh", rules: Sequence[Rule] | None = None) -> str:
        """The rule's title, plus the measured figure for log-level hits."""
        rule = next((r for r in rules or RULES if r.id == self.rule_id), None)
        title = rule.title(lang) if rule else self.rule_id
        p = dict(self.params)
        if "measure" in p:
            return t(f"rights.hit.{p['measure']}", lang, title=title, **p)
        return title


def check_incident(incident: Incident, rules: Sequence[Rule] = RULES) -> list[RuleHit]:
    """Incident-level rule hits (tags, who, channel, hour), in table order."""
    return [RuleHit(r.id, incident.id, r.severity) for r in rules if r.matches(incident)]


def check_log(incidents: Sequence[Incident], rules: Sequence[Rule] = RULES) -> dict[str, list[RuleHit]]:
    """Every hit for every incident, incl. log-level ones (counts per lender per day …).

    Returns ``{incident id: [hits in table order]}`` with an entry (maybe empty)
    for each incident.  A log-level hit is attached to each incident of the
    offending group that passes the rule's filter.
    """
    found: dict[str, dict[str, RuleHit]] = {inc.id: {} for inc in incidents}
    for inc in incidents:
        for hit in check_incident(inc, rules):
            found[inc.id][hit.rule_id] = hit
    for rule in rules:
        agg = rule.aggregate
        if agg is None:
            continue
        clause = {k: v for k, v in agg.items() if k not in ("group", "measure", "gt")}
        groups: dict[tuple, list[Incident]] = defaultdict(list)
        for inc in incidents:
            if _clause(inc, clause):
                groups[GROUPS[agg["group"]](inc)].append(inc)
        for key, members in groups.items():
            value = MEASURES[agg["measure"]](members)
            if value > agg["gt"]:
                params = (("measure", agg["measure"]), ("value", value), ("limit", agg["gt"]))
                if isinstance(key[-1], date):
                    params += (("date", key[-1].isoformat()),)
                for inc in members:
                    found[inc.id][rule.id] = RuleHit(rule.id, inc.id, rule.severity, params)
    order = {r.id: i for i, r in enumerate(rules)}
    return {iid: sorted(hits.values(), key=lambda h: order[h.rule_id]) for iid, hits in found.items()}


@dataclass(frozen=True)
class LenderSummary:
    lender: str
    incidents: int
    contacts: int                       # sum of counts (one log line may stand for several calls)
    first: date
    last: date
    by_rule: dict[str, int] = field(default_factory=dict)    # rule id -> incidents breaking it
    third_parties: tuple[str, ...] = ()
    serious: bool = False

    def to_record(self) -> dict[str, object]:
        return {"lender": self.lender, "incidents": self.incidents, "contacts": self.contacts,
                "first": self.first.isoformat(), "last": self.last.isoformat(), "by_rule": dict(self.by_rule),
                "third_parties": list(self.third_parties), "serious": self.serious}


def summarize(incidents: Sequence[Incident], hits: Mapping[str, Sequence[RuleHit]] | None = None,
              rules: Sequence[Rule] = RULES) -> list[LenderSummary]:
    """One :class:`LenderSummary` per lender (sorted by name)."""
    hits = check_log(incidents, rules) if hits is None else hits
    by_lender: dict[str, list[Incident]] = defaultdict(list)
    for inc in incidents:
        by_lender[inc.lender].append(inc)
    order = {r.id: i for i, r in enumerate(rules)}
    out = []
    for lender in sorted(by_lender):
        incs = by_lender[lender]
        counts = Counter(h.rule_id for inc in incs for h in hits.get(inc.id, ()))
        out.append(LenderSummary(
            lender=lender, incidents=len(incs), contacts=sum(i.count for i in incs),
            first=min(i.date for i in incs), last=max(i.date for i in incs),
            by_rule={k: counts[k] for k in sorted(counts, key=lambda k: order.get(k, 99))},
            third_parties=tuple(third_parties(incs)),
            serious=any(h.severity == "high" for inc in incs for h in hits.get(inc.id, ()))))
    return out


def is_serious(hits: Mapping[str, Sequence[RuleHit]]) -> bool:
    """Whether any hit is of high severity (then a police report outline is offered)."""
    return any(h.severity == "high" for hs in hits.values() for h in hs)


register({
    # the count only: the "3 a day" of GB/T 45251 is a recommendation for online loans, not a limit for every lender
    "rights.hit.sum_count": {"zh": "{title}（{date} 共{value}次）",
                             "en": "{title} ({value} on {date})"},
    "rights.hit.distinct_third_parties": {"zh": "{title}（已告知{value}人）",
                                          "en": "{title} ({value} people told)"},
})
