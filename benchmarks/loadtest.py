"""Bounded load test: N concurrent browser sessions against ONE app process (``make loadtest``).

Loopback only (the app listens on 127.0.0.1, the browsers are Debian's Chromium driven by Playwright,
nothing else is contacted) and bounded: a fixed list of concurrency levels, a fixed number of rounds per
session, a per-step timeout and a hard overall time limit, after which everything is stopped.

Each session is an agency counsellor's realistic sitting (agency accounts on, a SQLite database in a
temporary directory, one client per counsellor with a saved plan):

1. ``sign in``  — the account form (argon2 verification);
2. ``open client`` — clients page, open the file (its latest plan becomes the working state);
3. ``change budget`` — income +¥100 on the budget page, until the new "available" figure shows;
4. ``compare`` — the strategy comparison with its charts;
5. ``negotiate`` — the negotiation page (proposals, letters);
6. ``export PDF`` — the PDF page, "Make the PDF" until it is generated, then the download.

Steps 2–6 repeat ``--rounds`` times.  A step's latency is from the click / key press to the page being
idle with its expected content.  Reported per concurrency level: p50 / p95 per step (ms), the app
process's resident memory (with the sessions alive, and its peak) and the memory per session (over the
process after a warm-up session); and the
largest level whose interactive steps (open, budget, compare, negotiate) keep p95 ≤ 300 ms.

The browsers run on the same machine as the app, and they take CPU from it: the figures are a lower
bound of what a dedicated app server does.

    python benchmarks/loadtest.py [--levels 1,2,4,8] [--rounds 2] [--max-seconds 900] [--out FILE]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planner import BudgetPlan, read_debts_csv, t  # noqa: E402
from planner.storage import Agency, Principal, Repository, scoped  # noqa: E402
from tests.e2e.appserver import app_server  # noqa: E402
from tests.e2e.conftest import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402
import ui.text.budget, ui.text.clients, ui.text.compare, ui.text.report, ui.text.negotiate  # noqa: E401,E402,F401

STEPS = ("sign in", "open client", "change budget", "compare", "negotiate", "export PDF")
INTERACTIVE = ("open client", "change budget", "compare", "negotiate")
TARGET_MS = 300
THINK_S = 10.0                  # a counsellor's pause between interactions (assumption, stated in the report)
STEP_TIMEOUT_MS = 120_000
PASSWORD = "load test password"
VIEWPORT = {"width": 1280, "height": 900}        # the sidebar menu open (a counsellor at a desk)
PLAN = BudgetPlan(income=15_000, expenses={"rent": 2_800, "food": 1_500, "transport": 400, "dependants": 800,
                                           "medical": 200, "other": 300}, buffer=500)
IDLE_JS = """() => !document.querySelector("[data-testid='stStatusWidget'] [data-testid='stStatusWidgetRunningIcon']")
                 && !document.querySelector("[data-stale='true']")
                 && !document.querySelector("[data-testid='stSkeleton']")"""


def email(i: int) -> str:
    return f"counsellor{i}@loadtest.example"


def seed(url: str, n: int) -> None:
    repo = Repository.open(url)
    agency = Agency.of(repo)
    debts = read_debts_csv(ROOT / "sample_debts.csv").debts
    for i in range(n):
        user = agency.accounts.add_user(email(i), "counsellor", password=PASSWORD)
        mine = scoped(repo, Principal.of(user))
        client = mine.create_client(f"Load test client {i}")
        mine.save_plan_version(client.id, debts=debts, budget=PLAN, strategy="avalanche", label="seed",
                               expected_version=client.version)
    repo.close()


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_ms(pid: int) -> float:
    """CPU time (user + system, all threads) the process has used, in ms."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


async def idle(pg) -> None:
    await pg.wait_for_function(IDLE_JS, timeout=STEP_TIMEOUT_MS)


async def nav(pg, key: str, title_key: str) -> None:
    await pg.get_by_test_id("stSidebarNavItems").get_by_role("link", name=t(key, "en"), exact=True).click()
    await pg.locator("h1", has_text=t(title_key, "en")).wait_for(timeout=STEP_TIMEOUT_MS)
    await idle(pg)


async def session(browser, base: str, i: int, rounds: int, times: dict[str, list[float]],
                  ready: asyncio.Event, alive: asyncio.Event, pid: int, cpu: dict[str, list[float]]) -> None:
    context = await browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    pg = await context.new_page()
    pg.set_default_timeout(STEP_TIMEOUT_MS)

    async def step(name: str, coro) -> None:
        start, used = time.perf_counter(), cpu_ms(pid)
        await coro
        times[name].append((time.perf_counter() - start) * 1000)
        cpu[name].append(cpu_ms(pid) - used)        # the app's CPU for this step (alone only at 1 session)

    try:
        await pg.goto(f"{base}/?lang=en")
        await pg.get_by_test_id("stForm").wait_for()
        await pg.get_by_label("E-mail", exact=True).fill(email(i))
        await pg.get_by_label("Password", exact=True).fill(PASSWORD)

        async def sign_in():
            await pg.get_by_role("button", name="Sign in").click()
            await pg.get_by_test_id("stSidebarNavItems").wait_for()
            await idle(pg)
        await step("sign in", sign_in())
        for r in range(rounds):
            async def open_client():
                await nav(pg, "page.clients", "ui.clients.title")
                await pg.get_by_role("button", name=t("ui.clients.open", "en")).click()
                await pg.locator("h3", has_text=f"Load test client {i}").wait_for()
                await idle(pg)
            await step("open client", open_client())
            await nav(pg, "page.budget", "ui.budget.title")
            income = pg.get_by_label(t("ui.budget.income", "en"), exact=True)
            await income.fill(str(15_000 + 100 * (r + 1)))
            expected = f"{8_500 + 100 * (r + 1):,}"

            async def change_budget():
                await income.press("Enter")
                await pg.locator("[data-testid='stMetricValue']", has_text=expected).first.wait_for()
                await idle(pg)
            await step("change budget", change_budget())

            async def compare():
                await nav(pg, "page.compare", "ui.compare.title")
                await pg.locator("[data-testid='stVegaLiteChart'] .marks").first.wait_for()
            await step("compare", compare())
            await step("negotiate", nav(pg, "page.negotiate", "ui.neg.title"))

            async def export_pdf():
                await nav(pg, "page.report", "ui.report.title")
                await pg.get_by_role("button", name=t("ui.report.build", "en")).click()      # built on demand
                async with pg.expect_download() as info:
                    await pg.get_by_role("button", name=t("ui.report.download", "en")).click()
                download = await info.value
                await download.path()
            await step("export PDF", export_pdf())
        ready.set()
        await alive.wait()               # keep the session open until memory is measured
    finally:
        await context.close()


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


base_rss: list[float] = []          # the app process after the warm-up session, before any measured one


async def level(browser, base: str, pid: int, n: int, rounds: int) -> dict:
    times: dict[str, list[float]] = {s: [] for s in STEPS}
    cpu: dict[str, list[float]] = {s: [] for s in STEPS}
    readies = [asyncio.Event() for _ in range(n)]
    alive = asyncio.Event()
    before = rss_mb(pid)
    peak = [before]

    async def sample() -> None:
        while True:
            peak[0] = max(peak[0], rss_mb(pid))
            await asyncio.sleep(0.25)
    sampler = asyncio.create_task(sample())
    started = time.perf_counter()
    tasks = [asyncio.create_task(session(browser, base, i, rounds, times, readies[i], alive, pid, cpu)) for i in range(n)]
    waiting = asyncio.gather(*(e.wait() for e in readies))
    done, _ = await asyncio.wait([asyncio.ensure_future(waiting), *tasks], return_when=asyncio.FIRST_COMPLETED)
    for task in tasks:
        if task.done() and task.exception() is not None:
            alive.set()
            raise task.exception()
    await waiting
    with_sessions = rss_mb(pid)
    alive.set()
    await asyncio.gather(*tasks)
    sampler.cancel()
    return {"sessions": n, "rounds": rounds, "wall_s": round(time.perf_counter() - started, 1),
            "app_cpu_ms_mean": {s: round(statistics.fmean(v)) for s, v in cpu.items() if v},
            "rss_before_mb": round(before, 1), "rss_with_sessions_mb": round(with_sessions, 1),
            "rss_peak_mb": round(peak[0], 1),
            "mb_per_session": round((with_sessions - base_rss[0]) / n, 1) if base_rss else None,
            "steps": {s: {"n": len(v), "p50_ms": round(percentile(v, 0.5)), "p95_ms": round(percentile(v, 0.95)),
                          "max_ms": round(max(v)) if v else None} for s, v in times.items()}}


async def run(levels: list[int], rounds: int, max_seconds: float) -> dict:
    from playwright.async_api import async_playwright
    load_at_start = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="planner-loadtest-") as tmp:
        data = Path(tmp) / "data"
        seed(f"sqlite:///{data / 'planner.sqlite3'}", max(levels) + 1)
        env = {"PLANNER_DATA_DIR": str(data), "PLANNER_ACCOUNTS": "on"}
        with app_server(env, log=Path(tmp) / "app.log") as (base, proc):
            async with async_playwright() as p:
                browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS,
                                                  headless=True)
                results = []
                deadline = time.monotonic() + max_seconds
                # warm-up (numba compile, caches): one full session with the spare account, not measured
                await level(browser, base, proc.pid, 1, 1)
                await asyncio.sleep(2)
                base_rss.append(rss_mb(proc.pid))
                for n in levels:
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        print(f"time limit reached before level {n}", file=sys.stderr)
                        break
                    try:
                        results.append(await asyncio.wait_for(level(browser, base, proc.pid, n, rounds), remaining))
                    except asyncio.TimeoutError:
                        print(f"time limit reached during level {n}", file=sys.stderr)
                        break
                    print(summary_line(results[-1]), file=sys.stderr)
                await browser.close()
    within = [r["sessions"] for r in results
              if all(r["steps"][s]["p95_ms"] <= TARGET_MS for s in INTERACTIVE)]
    single = next((r for r in results if r["sessions"] == 1), None)
    return {"when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "cpus": os.cpu_count(),
            "rss_after_warmup_mb": round(base_rss[0], 1) if base_rss else None,
            "load_avg_at_end": os.getloadavg(),
            "load_avg_at_start": load_at_start, "target_ms": TARGET_MS, "levels": results,
            "sessions_within_target": max(within) if within else 0,
            "derived": derive(single["app_cpu_ms_mean"]) if single else None}


def derive(app_cpu_ms: dict[str, float], think_s: float = THINK_S) -> dict[str, float]:
    """Sessions one process serves within the target, from the app's CPU per interactive step measured
    alone (independent of how loaded the machine was), assuming one interaction per ``think_s`` seconds
    per session and one busy core per process (the GIL): an M/M/1 queue, whose p95 response time is
    ``c · ln 20 / (1 − ρ)`` for service time ``c`` and utilisation ``ρ``.

    >>> derive({"open client": 60, "change budget": 60, "compare": 60, "negotiate": 60})["sessions"]
    66
    """
    c = statistics.fmean(app_cpu_ms[s] for s in INTERACTIVE)
    rho = max(0.0, 1 - c * math.log(20) / TARGET_MS)
    return {"service_ms": round(c), "think_s": think_s, "max_utilisation": round(rho, 2),
            "sessions": int(rho * think_s * 1000 / c) if c > 0 else 0}


def summary_line(r: dict) -> str:
    steps = "  ".join(f"{s}: {v['p50_ms']}/{v['p95_ms']}" for s, v in r["steps"].items())
    return f"{r['sessions']} sessions ({r['wall_s']} s, +{r['mb_per_session']} MB/session): {steps}"


def markdown(report: dict) -> str:
    lines = ["| sessions | " + " | ".join(f"{s} p50 / p95 (ms)" for s in STEPS)
             + " | RSS with sessions / peak (MB) | MB per session |",
             "|---:|" + "---:|" * len(STEPS) + "---:|---:|"]
    for r in report["levels"]:
        cells = [f"{r['steps'][s]['p50_ms']} / {r['steps'][s]['p95_ms']}" for s in STEPS]
        lines.append(f"| {r['sessions']} | " + " | ".join(cells) +
                     f" | {r['rss_with_sessions_mb']} / {r['rss_peak_mb']} | {r['mb_per_session']} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", default="1,2,4,8", help="concurrent sessions per level (comma list, ≤ 16)")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of steps 2-6 per session (≤ 5)")
    parser.add_argument("--max-seconds", type=float, default=900, help="hard time limit (≤ 1800)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "loadtest.json")
    args = parser.parse_args(argv)
    levels = [int(x) for x in args.levels.split(",") if x.strip()]
    if not levels or max(levels) > 16 or min(levels) < 1 or not 1 <= args.rounds <= 5 or args.max_seconds > 1800:
        parser.error("bounded: levels 1..16, rounds 1..5, max-seconds ≤ 1800")
    # stop cleanly (app process and browsers closed) on Ctrl-C or SIGTERM, even when started in the background
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    report = asyncio.run(run(levels, args.rounds, args.max_seconds))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(markdown(report))
    print(f"\nmeasured: sessions with interactive p95 ≤ {TARGET_MS} ms: {report['sessions_within_target']}"
          f" (load average at start {report['load_avg_at_start']})")
    if report["derived"]:
        d = report["derived"]
        print(f"app CPU per step alone (ms): {report['levels'][0]['app_cpu_ms_mean']}")
        print(f"derived: {d['sessions']} sessions per process (interactive service {d['service_ms']} ms of CPU, "
              f"one interaction per {d['think_s']} s, utilisation ≤ {d['max_utilisation']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
