"""The lender catalogue (``data/lenders.toml``): common platforms and banks, their kind, where their own
customer service is, their legal entity where it is a well-known fact, and the typical terms assumed when a
person does not know a rate or a minimum.

>>> find_lender("招行").name
'招商银行信用卡'
>>> find_lender("蚂蚁 花呗").kind.value
'consumer_finance'
>>> find_lender("我表哥") is None
True
>>> typical_terms("credit_card").min_payment_pct
10.0
"""

from __future__ import annotations

import difflib
import re
import tomllib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .i18n import register, t
from .models import DebtKind

ENTITY_UNKNOWN = "lenders.entity_unknown"
register({
    ENTITY_UNKNOWN: {"zh": "见合同首页/借款协议中的贷款人名称",
                     "en": "see the lender's name on the first page of the contract / loan agreement"},
})


@dataclass(frozen=True, slots=True)
class Terms:
    """Typical terms assumed for "不知道": an annual rate and a minimum as percent of the balance, and why."""
    annual_rate: float
    min_payment_pct: float
    why_zh: str
    why_en: str

    def why(self, lang: str = "zh") -> str:
        return self.why_en if lang == "en" else self.why_zh


@dataclass(frozen=True, slots=True)
class Lender:
    id: str
    name: str
    name_en: str
    kind: DebtKind
    entity: str                      # '' when not a well-known public fact (see entity_text)
    service_zh: str
    service_en: str
    hotline: str
    aliases: tuple[str, ...]
    terms: Terms

    def label(self, lang: str = "zh") -> str:
        return self.name_en if lang == "en" else self.name

    def service(self, lang: str = "zh") -> str:
        return self.service_en if lang == "en" else self.service_zh

    def entity_text(self, lang: str = "zh") -> str:
        """The legal entity, or where to find it in the contract."""
        return self.entity or t(ENTITY_UNKNOWN, lang)

    def keys(self) -> tuple[str, ...]:
        return tuple(_norm(k) for k in (self.id, self.name, self.name_en, *self.aliases))


class CatalogueError(ValueError):
    """``data/lenders.toml`` is malformed; ``problems`` lists every problem found."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


def _norm(text: object) -> str:
    """Full-width folded, case-folded, without spaces and punctuation that people type differently."""
    folded = unicodedata.normalize("NFKC", str(text or "")).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


_LENDER_FIELDS = {"id", "name", "name_en", "kind", "entity", "service_zh", "service_en", "hotline", "aliases",
                  "annual_rate", "min_payment_pct", "why_zh", "why_en"}
_REQUIRED = ("id", "name", "name_en", "kind", "service_zh", "service_en")


def _terms(entry: Mapping, base: Terms | None, where: str, problems: list[str]) -> Terms | None:
    values = {}
    for field, top in (("annual_rate", 100.0), ("min_payment_pct", 100.0)):
        value = entry.get(field, getattr(base, field, None))
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value <= top:
            problems.append(f"{where}: {field} must be a number between 0 and {top:g}")
            return None
        values[field] = float(value)
    for field in ("why_zh", "why_en"):
        value = entry.get(field, getattr(base, field, ""))
        if not isinstance(value, str) or not value:
            problems.append(f"{where}: {field} must be a non-empty text")
            return None
        values[field] = value
    return Terms(**values)


def parse_catalogue(raw: Mapping) -> tuple[dict[DebtKind, Terms], tuple[Lender, ...]]:
    """Validate the parsed TOML; raises :class:`CatalogueError` with every problem."""
    problems: list[str] = []
    kinds: dict[DebtKind, Terms] = {}
    for code, entry in raw.get("kinds", {}).items():
        if code not in DebtKind._value2member_map_:
            problems.append(f"kinds.{code}: not a debt kind")
            continue
        terms = _terms(entry, None, f"kinds.{code}", problems)
        if terms:
            kinds[DebtKind(code)] = terms
    problems += [f"kinds.{k.value}: missing" for k in DebtKind if k.value not in raw.get("kinds", {})]
    lenders: list[Lender] = []
    seen: dict[str, str] = {}
    for i, entry in enumerate(raw.get("lender", []), start=1):
        where = f"lender #{i} ({entry.get('id', '?')})"
        unknown = set(entry) - _LENDER_FIELDS
        missing = [f for f in _REQUIRED if not isinstance(entry.get(f), str) or not entry.get(f).strip()]
        if unknown:
            problems.append(f"{where}: unknown fields {sorted(unknown)}")
        if missing:
            problems.append(f"{where}: missing {missing}")
            continue
        if entry["kind"] not in DebtKind._value2member_map_:
            problems.append(f"{where}: kind {entry['kind']!r} is not a debt kind")
            continue
        aliases = entry.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            problems.append(f"{where}: aliases must be a list of texts")
            continue
        kind = DebtKind(entry["kind"])
        terms = _terms(entry, kinds.get(kind), where, problems) if kind in kinds else None
        if terms is None:
            continue
        lender = Lender(id=entry["id"], name=entry["name"], name_en=entry["name_en"], kind=kind,
                        entity=entry.get("entity", ""), service_zh=entry["service_zh"],
                        service_en=entry["service_en"], hotline=entry.get("hotline", ""),
                        aliases=tuple(aliases), terms=terms)
        for key in lender.keys():
            if key in seen and seen[key] != lender.id:
                problems.append(f"{where}: name or alias {key!r} is also used by {seen[key]}")
            seen[key] = lender.id
        lenders.append(lender)
    if problems:
        raise CatalogueError(problems)
    return kinds, tuple(lenders)


@cache
def _catalogue() -> tuple[dict[DebtKind, Terms], tuple[Lender, ...]]:
    text = resources.files("planner.data").joinpath("lenders.toml").read_text("utf-8")
    return parse_catalogue(tomllib.loads(text))


def lenders() -> tuple[Lender, ...]:
    """Every lender in the catalogue, in the file's order."""
    return _catalogue()[1]


def typical_terms(kind: DebtKind | str, lender: Lender | None = None) -> Terms:
    """The terms assumed for "不知道": the lender's own typical terms, else its kind's."""
    if lender is not None:
        return lender.terms
    code = kind.value if isinstance(kind, DebtKind) else str(kind)
    return _catalogue()[0][DebtKind(code) if code in DebtKind._value2member_map_ else DebtKind.OTHER]


def lender_by_id(lender_id: str) -> Lender | None:
    return next((lender for lender in lenders() if lender.id == lender_id), None)


def assumption_source(name: object, kind: object) -> tuple[DebtKind, Lender | None]:
    """Whose typical terms stand in for "不知道": the catalogue lender the name refers to when its kind
    agrees (or no kind was given), else the kind's.  ``kind`` is a :class:`DebtKind`, a code or blank."""
    code = kind.value if isinstance(kind, DebtKind) else str(kind or "").strip()
    given = DebtKind(code) if code in DebtKind._value2member_map_ else None
    lender = find_lender(name)
    if lender is not None and (given is None or lender.kind == given):
        return lender.kind, lender
    return given or DebtKind.OTHER, None


def assumed_terms(debt) -> Terms:
    """The typical terms a debt's assumed values came from (its ``assumed_basis``: a lender id, else its kind)."""
    lender = lender_by_id(debt.assumed_basis) if getattr(debt, "assumed_basis", "") else None
    return typical_terms(debt.kind, lender)


@cache
def _index() -> dict[str, Lender]:
    return {key: lender for lender in lenders() for key in lender.keys()}


_GENERIC = re.compile("信用卡|银行|贷款|借款|分期|网贷|卡|creditcard|card|bank|loan")


def find_lender(name: object) -> Lender | None:
    """The catalogue entry a typed name refers to: exact name/alias, else the longest alias inside the text
    (``招行信用卡尾号1234`` → 招商银行信用卡), else a close spelling; ``None`` when nothing fits."""
    key = _norm(name)
    if not key:
        return None
    index = _index()
    if key in index:
        return index[key]
    if not _GENERIC.sub("", key):
        return None                                  # only generic words (信用卡, 银行贷款 …): no lender named
    inside = [k for k in index if len(k) >= 2 and k in key]
    if inside:
        return index[max(inside, key=len)]
    close = difflib.get_close_matches(key, list(index), n=1, cutoff=0.66) if len(key) >= 3 else []
    return index[close[0]] if close else None


def known_entity(name: object, kind: DebtKind) -> str:
    """The lender's legal entity when the catalogue knows it for certain: the typed name is an exact name or
    alias, or contains one (never a mere close spelling), and the kind agrees; else ``''``.

    >>> known_entity("借呗", DebtKind.CONSUMER_FINANCE), known_entity("借呗", DebtKind.PRIVATE_LOAN)
    ('重庆蚂蚁消费金融有限公司', '')
    """
    key = _norm(name)
    index = _index()
    found = index.get(key)
    if found is None and _GENERIC.sub("", key):
        inside = [k for k in index if len(k) >= 2 and k in key]
        found = index[max(inside, key=len)] if inside else None
    return found.entity if found is not None and found.kind == kind else ""


def suggest_lenders(text: object, limit: int = 8) -> list[Lender]:
    """Catalogue entries whose name or alias starts with / contains what was typed (for autocomplete)."""
    key = _norm(text)
    if not key:
        return list(lenders())[:limit]
    ranked: list[tuple[int, int, Lender]] = []
    for order, lender in enumerate(lenders()):
        keys = lender.keys()
        if any(k.startswith(key) for k in keys):
            ranked.append((0, order, lender))
        elif any(key in k for k in keys):
            ranked.append((1, order, lender))
    found = [lender for *_, lender in sorted(ranked, key=lambda r: r[:2])]
    best = find_lender(text)
    if best is not None and best not in found:
        found.append(best)
    return found[:limit]


__all__ = ["CatalogueError", "ENTITY_UNKNOWN", "Lender", "Terms", "assumed_terms", "assumption_source", "find_lender",
           "lender_by_id", "lenders", "parse_catalogue", "suggest_lenders", "typical_terms"]
