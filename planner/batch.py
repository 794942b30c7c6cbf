"""Batch simulation of many portfolios (JSON Lines in, JSON Lines out).

Each input line is one case::

    {"id": "c1", "debts": [{"name": "借呗", "balance": 12000, "annual_rate": 14.6,
                            "min_payment": 1120}, ...],
     "budget": 3000 | [3000, 0, ...], "strategy": "avalanche", "order": [...], "horizon": 600}

Each output line is ``{"id": ..., <the model's outputs>}`` or ``{"id": ..., "error": "..."}``;
a bad case never stops the batch.

Speed: debts given as plain JSON numbers take a fast path (typed and range-checked
with numpy for the whole batch, no :class:`~planner.models.Debt` objects); anything
else — text such as ``"18%"``, or a value the fast check rejects — goes through
the full parser, which is the authority on what is valid and says why.  All cases
then run through one vectorised engine call per allocation kind.
"""

from __future__ import annotations

import json
import math
import re
import multiprocessing as mp
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

import numpy as np
import orjson

from .csv_io import MAX_ROWS as MAX_DEBTS_PER_CASE     # the same cap as a CSV portfolio
from .batch_input import InputEncodingError, decode_input  # noqa: F401  (part of this module's API)
from .engine import BatchInput, run_batch
from .escape import name_text
from .simulate import ALLOCATION_CODES
from .i18n import normalize_lang
from .models import (DEFAULT_HORIZON, MAX_AMOUNT_YUAN, MAX_HORIZON, MAX_OVERDUE_DAYS, MAX_RATE_PCT, MAX_NAME_LEN,
                     MAX_TEXT_LEN, Budget, InvalidInput, PlannerError, ValidationIssue, name_key)
from .parsing import _KIND_WORDS, ParseError, parse_debt_rows
from .results import cents
from .strategies import get_strategy

_NUM_FIELDS = ("balance", "annual_rate", "daily_rate", "min_payment", "min_payment_pct", "penalty_rate",
               "late_fee_pct", "overdue_days", "arrears")
_NAN = float("nan")


class CaseError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(slots=True)
class _Row:
    """The three attributes the strategies' order functions read."""

    name: str
    balance: float
    annual_rate: float


_TEXT_FIELDS = ("name", "kind", "official_channel", "notes")
_KNOWN_KEYS = frozenset(_TEXT_FIELDS + _NUM_FIELDS)
_PLAIN_NUMBERS = frozenset((int, float, type(None)))


def _fast_rows(debts: list) -> list[tuple] | None:
    """Plain-number debts → ``(name, balance, annual, daily, min_payment, pct, penalty, late_fee, days,
    arrears)`` tuples with ``None`` for absent numbers; ``None`` when any debt is not plain.

    Only the *shape* is checked here; ranges and defaults are handled for the
    whole batch at once with numpy (:func:`_fast_arrays`).
    """
    rows = []
    kinds, known, plain, fields = _KIND_WORDS, _KNOWN_KEYS, _PLAIN_NUMBERS, _NUM_FIELDS
    for d in debts:
        if type(d) is not dict or not d.keys() <= known:
            return None                      # not an object, or an unknown key: the full parser reports it
        get = d.get
        name = get("name")
        nums = tuple(map(get, fields))
        if type(name) is not str or not plain.issuperset(map(type, nums)):   # bool is its own type: rejected
            return None
        name = name.strip() if name.isprintable() else name_text(name)
        if not name or len(name) > MAX_NAME_LEN:
            return None
        kind = get("kind")
        if kind is not None and (type(kind) is not str or kind.casefold() not in kinds):
            return None
        channel, notes = get("official_channel"), get("notes")
        if ((channel is not None and (type(channel) is not str or len(channel) > MAX_TEXT_LEN))
                or (notes is not None and (type(notes) is not str or len(notes) > MAX_TEXT_LEN))):
            return None
        rows.append((name,) + nums)
    return rows


def _fast_arrays(rows: list[tuple]) -> tuple[np.ndarray, np.ndarray]:
    """``(M, 8)`` floats (balance, annual, penalty, min_payment, pct, late_fee, days, arrears; NaN =
    unset) and a row-wise validity mask that is at least as strict as ``validate_debt``."""
    raw = np.array([r[1:] for r in rows], dtype=object)
    raw[raw == None] = np.nan  # noqa: E711  (element-wise)
    bal, annual, daily, mp, pct, pen, lf, days, arr = raw.astype(float).T
    ok = np.isnan(annual) != np.isnan(daily)           # exactly one of the two rates
    annual = np.where(np.isnan(annual), daily * 365, annual)
    pct = np.where(np.isnan(pct), 0.0, pct)
    lf = np.where(np.isnan(lf), 0.0, lf)
    days = np.where(np.isnan(days), 0.0, days)
    a = np.column_stack([bal, annual, pen, mp, pct, lf, days, arr])
    return a, ok & _fast_valid(a)


def _fast_valid(a: np.ndarray) -> np.ndarray:
    """Row-wise: does each (M, 8) numeric row pass every check of ``validate_debt``? (conservative)"""
    bal, rate, pen, mp, pct, lf, days, arr = a.T
    with np.errstate(invalid="ignore"):
        ok = np.isfinite(bal) & (bal > 0) & (bal <= MAX_AMOUNT_YUAN)
        ok &= np.isfinite(rate) & (rate >= 0) & (rate <= MAX_RATE_PCT)
        ok &= np.isfinite(mp) & (mp >= 0) & (mp <= MAX_AMOUNT_YUAN)
        ok &= np.isfinite(pct) & (pct >= 0) & (pct <= 100)
        ok &= np.isfinite(lf) & (lf >= 0) & (lf <= 100)
        ok &= np.isnan(pen) | ((pen >= 0) & (pen <= MAX_RATE_PCT))
        ok &= np.isfinite(days) & (days >= 0) & (days <= MAX_OVERDUE_DAYS) & (days == np.floor(days))
        ok &= np.isnan(arr) | ((arr >= 0) & (arr <= bal))
    return ok


def _slow_rows(debts: list, lang: str) -> tuple[list[str], np.ndarray]:
    """The authoritative parser: names and ``(n, 8)`` values, or CaseError with every problem."""
    if not all(isinstance(d, Mapping) for d in debts):
        raise CaseError("debts must be a list of objects" if lang == "en" else "debts 必须是对象列表")
    issues = [ValidationIssue(row, col, str(d[col]), "not_finite")        # NaN / Infinity are not "blank"
              for row, d in enumerate(debts, start=1) for col in _NUM_FIELDS
              if isinstance(d.get(col), float) and not math.isfinite(d[col])]
    if issues:
        raise CaseError("; ".join(i.message(lang) for i in issues))
    parsed, issues = parse_debt_rows([dict(d) for d in debts])
    errors = [i for i in issues if i.is_error]
    if errors:
        raise CaseError("; ".join(i.message(lang) for i in errors))
    values = np.array([(d.balance, d.annual_rate, _NAN if d.penalty_rate is None else d.penalty_rate,
                        d.min_payment, d.min_payment_pct, d.late_fee_pct, float(d.overdue_days),
                        _NAN if d.arrears is None else d.arrears) for d in parsed], dtype=float)
    return [d.name for d in parsed], values


def _budget(value, lang: str) -> Budget:
    try:
        if isinstance(value, list):
            return Budget.of([_strict_number(v) for v in value])
        return Budget.of(_strict_number(value))
    except InvalidInput as e:
        raise CaseError("; ".join(e.messages(lang))) from None
    except (TypeError, ValueError):
        raise CaseError(ValidationIssue(None, "budget", str(value)[:40], "not_a_number").message(lang)) from None


def _strict_number(v) -> float:
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        if isinstance(v, str):
            from .parsing import parse_amount
            try:
                return parse_amount(v)
            except ParseError:
                raise ValueError(v) from None
        raise TypeError(v)
    return float(v)


@dataclass(slots=True)
class _Prepared:
    id: object
    debts: list
    rows: list | None          # fast-path tuples, until checked
    budget: Budget
    strategy: str
    order: tuple
    horizon: int
    names: list | None = None
    values: np.ndarray | None = None   # (n, 8): balance, rate, penalty, min_payment, pct, late_fee, days, arrears
    perm: list | None = None


def _prepare(case, lang: str) -> _Prepared:
    """Check one case's structure; debts take the fast path when they are plain numbers."""
    if not isinstance(case, dict):
        raise CaseError("a case must be a JSON object" if lang == "en" else "每行必须是一个 JSON 对象")
    debts = case.get("debts")
    if debts is not None and not isinstance(debts, list):
        raise CaseError(f"debts must be a list of objects, not {_json_type(debts)}" if lang == "en"
                        else f"debts 必须是对象列表，而不是{_json_type(debts, 'zh')}")
    if not debts:
        raise CaseError(ValidationIssue(None, None, "", "no_debts").message(lang))
    if len(debts) > MAX_DEBTS_PER_CASE:
        raise CaseError(f"too many debts in one case ({len(debts)}; at most {MAX_DEBTS_PER_CASE})" if lang == "en"
                        else f"一个案例的债务过多（{len(debts)} 笔；最多 {MAX_DEBTS_PER_CASE} 笔）")
    if "budget" not in case:
        raise CaseError(ValidationIssue(None, "budget", "", "required").message(lang))
    budget = _budget(case["budget"], lang)
    try:
        strategy = get_strategy(case.get("strategy") or "avalanche").key
    except PlannerError:
        from .strategies import STRATEGIES
        raise CaseError(ValidationIssue(None, "strategy", str(case.get("strategy")), "unknown_strategy",
                                        (("choices", ", ".join(STRATEGIES)),)).message(lang)) from None
    order = case.get("order") or []
    if not isinstance(order, list) or not all(isinstance(o, str) for o in order):
        raise CaseError(ValidationIssue(None, "order", str(order)[:40], "order_not_list").message(lang))
    horizon = case.get("horizon", DEFAULT_HORIZON)
    if horizon is None:
        horizon = DEFAULT_HORIZON
    if isinstance(horizon, bool) or not isinstance(horizon, int) or not 1 <= horizon <= MAX_HORIZON:
        raise CaseError(ValidationIssue(None, "horizon", str(horizon), "horizon_range",
                                        (("limit", MAX_HORIZON),)).message(lang))
    return _Prepared(_case_id(case), debts, _fast_rows(debts), budget, strategy, tuple(order), horizon)


def _json_type(value: object, lang: str = "en") -> str:
    en = {str: "text", dict: "an object", bool: "true/false", int: "a number", float: "a number"}
    zh = {str: "文本", dict: "对象", bool: "布尔值", int: "数字", float: "数字"}
    return (zh if lang == "zh" else en).get(type(value), type(value).__name__)


def _finish(it: _Prepared, lang: str) -> None:
    """Names unique, priority order fixed (raises CaseError)."""
    seen: dict[str, int] = {}
    for i, name in enumerate(it.names, start=1):
        key = name_key(name)
        if key in seen:
            raise CaseError(ValidationIssue(i, "name", name, "duplicate_name", (("first", seen[key]),)).message(lang))
        seen[key] = i
    bal, rate = it.values[:, 0].tolist(), it.values[:, 1].tolist()
    try:
        it.perm = get_strategy(it.strategy).order([_Row(*r) for r in zip(it.names, bal, rate)], it.order)
    except InvalidInput as e:
        raise CaseError("; ".join(e.messages(lang))) from None


def _run_group(items: list[_Prepared], lang: str) -> list[dict]:
    P = len(items)
    N = max(len(it.names) for it in items)
    L = max(len(it.budget.monthly) for it in items)
    # every debt row in priority order, with its (portfolio, slot) position
    a = np.concatenate([it.values[it.perm] for it in items])
    counts = np.array([len(it.names) for it in items])
    pidx = np.repeat(np.arange(P), counts)
    slot = np.arange(len(a)) - np.repeat(np.cumsum(counts) - counts, counts)
    bal, rate, pen, mp, pct, lf, days, arr = a.T
    pen = np.where(np.isnan(pen), 1.5 * rate, pen)
    arr = np.where(np.isnan(arr), np.minimum(bal, mp * np.ceil(days / 30)), arr)
    cols = {}
    for key, vec in (("balance", bal), ("rate", rate), ("penalty_rate", pen), ("min_payment", mp),
                     ("min_pct", pct), ("late_fee_pct", lf), ("arrears", arr)):
        m = np.zeros((P, N))
        m[pidx, slot] = vec
        cols[key] = m
    budget = np.zeros((P, L))
    blen = np.empty(P, dtype=np.int64)
    for p, it in enumerate(items):
        budget[p, :len(it.budget.monthly)] = it.budget.monthly
        blen[p] = len(it.budget.monthly)
    horizon = np.array([it.horizon for it in items], dtype=np.int64)
    allocation = np.array([ALLOCATION_CODES[get_strategy(it.strategy).allocation] for it in items], dtype=np.int64)
    out = run_batch(BatchInput(budget=budget, budget_len=blen, horizon=horizon, allocation=allocation, **cols))
    # back to input order: column i of a portfolio is its i-th debt as given (padding columns are zero)
    perm = np.concatenate([np.asarray(it.perm, dtype=np.int64) for it in items])
    inv = np.zeros((P, N), dtype=np.int64)
    inv[pidx, perm] = slot
    used = np.arange(N) < counts[:, None]

    def input_order(m: np.ndarray) -> np.ndarray:
        return np.where(used, np.take_along_axis(m, inv, axis=1), 0.0)

    paid, interest, fees, final = (input_order(m) for m in (out.paid, out.interest, out.fees, out.final_balance))
    # totals summed one debt after another in input order, like SimulationResult (cumsum is sequential)
    totals = {k: np.cumsum(m, axis=1)[:, -1] for k, m in
              (("total_paid", paid), ("total_interest", interest), ("total_fees", fees), ("remaining_balance", final))}
    with np.errstate(invalid="ignore"):
        finite = np.isfinite(totals["remaining_balance"] + totals["total_interest"] + totals["total_fees"])
    paid_l, interest_l, fees_l = (round_cents(m).tolist() for m in (paid, interest, fees))
    payoff = np.where(used, np.take_along_axis(out.payoff_month, inv, axis=1), 0).tolist()
    marr = np.where(used, np.take_along_axis(out.months_in_arrears, inv, axis=1), 0).tolist()
    tot_l = {k: round_cents(v).tolist() for k, v in totals.items()}
    unspent_l = round_cents(out.unspent).tolist()
    mtdf = out.months_to_debt_free.tolist()
    diverges = None
    results = []
    for p, it in enumerate(items):
        if not finite[p]:
            diverges = diverges or ValidationIssue(None, None, "", "diverges").message(lang)
            results.append({"id": it.id, "error": diverges})
            continue
        yp, mp_ = payoff[p], marr[p]
        debts = [{"name": name, "payoff_month": yp[i] or None, "months_in_arrears": mp_[i],
                  "paid": pd_, "interest": ip, "fees": fp}
                 for i, (name, pd_, ip, fp) in enumerate(zip(it.names, paid_l[p], interest_l[p], fees_l[p]))]
        results.append({
            "id": it.id,
            "months_to_debt_free": mtdf[p] or None,
            "total_paid": tot_l["total_paid"][p],
            "total_interest": tot_l["total_interest"][p],
            "total_fees": tot_l["total_fees"][p],
            "unspent": unspent_l[p],
            "remaining_balance": tot_l["remaining_balance"][p],
            "debts": debts,
        })
    return results


def round_cents(a: np.ndarray) -> np.ndarray:
    """``round(x, 2)`` element-wise with exactly Python's result (and ``-0.0`` → ``0.0``), vectorised.

    ``np.round`` scales by 100 first, so it can differ from Python's correctly rounded ``round`` only
    next to a half cent or for huge values; those few elements are rounded by Python.

    >>> round_cents(np.array([1.005, 2.675, -0.001, 0.125, 1e20 / 3])).tolist() == [
    ...     round(1.005, 2), round(2.675, 2), 0.0, round(0.125, 2), round(1e20 / 3, 2)]
    True
    """
    a = np.asarray(a, dtype=float)
    with np.errstate(invalid="ignore", over="ignore"):
        r = np.round(a, 2)
        scaled = a * 100
        risky = ~(np.abs(np.abs(scaled - np.trunc(scaled)) - 0.5) > 1e-6) | ~(np.abs(a) < 1e9)
    for idx in np.flatnonzero(risky):
        r.flat[idx] = round(float(a.flat[idx]), 2)
    return r + 0.0


def run_cases(cases: Iterable[object], *, lang: str = "en") -> list[dict]:
    """Simulate parsed JSON cases; one output dict per case, in input order."""
    lang = normalize_lang(lang)
    outputs: list[dict | None] = []
    prepared: list[tuple[int, _Prepared]] = []
    for i, case in enumerate(cases):
        try:
            prepared.append((i, _prepare(case, lang)))
            outputs.append(None)
        except CaseError as e:
            outputs.append({"id": _case_id(case), "error": e.message})
        except RecursionError:
            outputs.append({"id": _case_id(case), "error": _too_deep(lang)})
    # range checks for every fast-path debt of the batch at once
    fast = [it for _, it in prepared if it.rows is not None]
    if fast:
        values, valid = _fast_arrays([r for it in fast for r in it.rows])
        k = 0
        for it in fast:
            n = len(it.rows)
            if valid[k:k + n].all():
                it.names, it.values = [r[0] for r in it.rows], values[k:k + n]
            k += n
    ready = []
    for i, it in prepared:
        try:
            if it.values is None:
                it.names, it.values = _slow_rows(it.debts, lang)
            _finish(it, lang)
            ready.append((i, it))
        except CaseError as e:
            outputs[i] = {"id": it.id, "error": e.message}
        except RecursionError:
            outputs[i] = {"id": it.id, "error": _too_deep(lang)}
    for group in _groups([it for _, it in ready]):
        for k, res in zip(group, _run_group([ready[k][1] for k in group], lang)):
            outputs[ready[k][0]] = res
    return outputs  # type: ignore[return-value]


MAX_GROUP_CELLS = 250_000     # portfolios × debt slots per engine call: bounds the arrays (see _groups)


def _bucket(n: int) -> int:
    """The next power of two ≥ n: cases padded to at most twice their own size."""
    return 1 << max(0, n - 1).bit_length()


def _groups(items: list[_Prepared]) -> list[list[int]]:
    """Indexes of ``items`` in groups that run in one engine call each.

    Cases of similar size share a group (debt count, and budget length beyond 64 months, bucketed to
    powers of two), so a small case is never padded to the size of a huge one; a group holds at most :data:`MAX_GROUP_CELLS`
    portfolio × debt cells (and as many portfolio × budget-month cells).  The engine's arrays per call are
    therefore bounded by about ``MAX_GROUP_CELLS × 8 bytes × ~25 arrays`` ≈ 50 MB, whatever the mix.
    """
    by_key: dict[tuple[int, int], list[int]] = {}
    for k, it in enumerate(items):
        months = len(it.budget.monthly)
        by_key.setdefault((_bucket(len(it.names)), _bucket(months) if months > 64 else 64), []).append(k)
    groups = []
    for (n, months), members in sorted(by_key.items()):
        size = max(1, MAX_GROUP_CELLS // max(n, months))
        groups += [members[j:j + size] for j in range(0, len(members), size)]
    return groups


MAX_ID_DEPTH = 32


def _case_id(case: object) -> object:
    """The case's ``id`` as given (any JSON value), or ``None`` when it nests deeper than
    :data:`MAX_ID_DEPTH` levels (it could not be written back)."""
    ident = case.get("id") if isinstance(case, dict) else None
    stack = [(ident, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (list, dict)):
            if depth > MAX_ID_DEPTH:
                return None
            stack.extend((v, depth + 1) for v in (value.values() if isinstance(value, dict) else value))
    return ident


def _too_deep(lang: str) -> str:
    return "a value is nested too deeply" if lang == "en" else "某个值嵌套层数过多"


def run_lines(lines: Iterable[str], *, lang: str = "en", workers: int | None = None) -> Iterator[str]:
    """JSON Lines in → JSON Lines out, in input order (blank lines are skipped; a bad line yields
    an error line).

    Large batches are split across ``workers`` processes (default: up to 2 when
    there are at least 4,000 lines and the OS can fork); each handles a contiguous
    chunk, so the output order and content are the same as with one process.
    """
    lang = normalize_lang(lang)
    lines = list(lines)
    if workers is None:
        workers = min(2, os.cpu_count() or 1) if len(lines) >= PARALLEL_FROM else 1
    if workers > 1 and "fork" in mp.get_all_start_methods():
        _warm_up()  # compile or load the kernel once, before forking
        size = -(-len(lines) // workers)
        chunks = [(lines[k:k + size], k + 1, lang) for k in range(0, len(lines), size)]
        with mp.get_context("fork").Pool(len(chunks)) as pool:
            for part in pool.imap(_chunk_worker, chunks):
                yield from part
    else:
        yield from _run_chunk(lines, 1, lang)


PARALLEL_FROM = 4_000


def _chunk_worker(args: tuple[list[str], int, str]) -> list[str]:
    return list(_run_chunk(*args))


def _warm_up() -> None:
    run_cases([{"debts": [{"name": "x", "balance": 1.0, "annual_rate": 1.0, "min_payment": 1.0}], "budget": 1.0}])


FLUSH_DEBTS = 60_000          # parsed debts held at once: input is run in slices of about this size


def _run_chunk(lines: list[str], first_line: int, lang: str) -> Iterator[str]:
    """Parse and run ``lines`` in slices of about :data:`FLUSH_DEBTS` debts, so the parsed cases held in
    memory stay bounded however long the input is (outputs keep the input order)."""
    cases: list[object] = []
    held = 0
    for number, line in enumerate(lines, start=first_line):
        if not line.strip():
            continue
        try:
            case = _loads(line)
        except json.JSONDecodeError as e:
            case = _BadLine(number, e.msg)
        except RecursionError:
            case = _BadLine(number, "nested too deeply")
        except ValueError as e:         # e.g. an integer of more than 4,300 digits
            case = _BadLine(number, str(e)[:80])
        cases.append(case)
        debts = case.get("debts") if isinstance(case, dict) else None
        held += len(debts) if isinstance(debts, list) else 1
        if held >= FLUSH_DEBTS:
            yield from _run_slice(cases, lang)
            cases, held = [], 0
    yield from _run_slice(cases, lang)


def _run_slice(cases: list[object], lang: str) -> Iterator[str]:
    good = [c for c in cases if not isinstance(c, _BadLine)]
    results = iter(run_cases(good, lang=lang))
    for c in cases:
        if isinstance(c, _BadLine):
            msg = (f"line {c.number}: invalid JSON ({c.msg})" if lang == "en"
                   else f"第{c.number}行：不是有效的 JSON（{c.msg}）")
            yield _dumps({"id": None, "error": msg})
        else:
            yield _dumps(next(results))


_LONG_INTEGER = re.compile(r"\d{19}")


def _loads(line: str):
    """One input line, exactly as ``json.loads`` reads it; orjson (faster) when it would agree: orjson turns
    integers beyond 64 bits into floats and refuses NaN, Infinity and lone surrogates, which ``json`` keeps."""
    if not _LONG_INTEGER.search(line):
        try:
            return orjson.loads(line)
        except orjson.JSONDecodeError:
            pass
    return json.loads(line)


def _dumps(obj: dict) -> str:
    """One output line: orjson (about ten times faster than ``json``), falling back to ``json`` for what
    orjson refuses or would change: an integer id beyond 64 bits, a lone surrogate, a NaN id."""
    ident = obj.get("id")
    if not (type(ident) is float and not math.isfinite(ident)):
        try:
            return orjson.dumps(obj).decode("utf-8")
        except TypeError:
            pass
    return json.dumps(obj, separators=(",", ":"))   # ASCII-escaped: a lone surrogate stays writable


@dataclass(slots=True)
class _BadLine:
    number: int
    msg: str
