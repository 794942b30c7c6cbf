"""`make bench`: performance targets of the planner (medians; see README "Performance").

(a) compare() on 20 debts with a 600-month horizon, all strategies, in-process  — target median ≤ 5 ms
(b) `python -m planner batch` on 10,000 portfolios of 10 debts, end to end        — target ≤ 2 s
(c) the PDF report for the sample portfolio (benchmarks/bench_report.py)          — target median ≤ 1.5 s
(d) one application letter as PDF / .docx (benchmarks/bench_letters.py)           — target median ≤ 1.5 s / 0.3 s
(e) `batch` on 3,000 small cases + one case at the 500-debt cap + one of 20,000 debts (refused at the cap),
    end to end: time and the child's peak RSS                                        — target peak RSS ≤ 500 MB
(f) speed as felt in a real browser at 390×844 (benchmarks/bench_browser.py): first page interactive ≤ 1.5 s,
    widget change settled p95 ≤ 300 ms, compare/negotiate first render ≤ 700 ms (skipped without Chromium)
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.portfolios import random_case  # noqa: E402


def median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def bench_compare() -> dict:
    from planner import compare, debts_from_records
    rng = random.Random(20)
    case = random_case(rng, 20, "bench")
    debts = debts_from_records(case["debts"])
    dues = sum(d.min_payment or d.balance * 0.1 for d in debts)
    out = {}
    # 1.3x dues: a typical plan; 0.3x dues: far below the dues, so every strategy runs the full 600 months
    for label, budget in (("budget 1.3x dues", dues * 1.3), ("budget 0.3x dues (every strategy 600 months)", dues * 0.3)):
        compare(debts, budget, horizon=600)  # warm-up
        res = compare(debts, budget, horizon=600)
        months = {k: r.months_run for k, r in res.results.items()}
        out[label] = {"median_ms": round(median_time(lambda: compare(debts, budget, horizon=600), 30) * 1000, 2),
                      "months_simulated": months, "target_ms": 5}
    return out


def bench_batch(n: int = 10_000) -> dict:
    rng = random.Random(10)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "cases.jsonl"
        dst = Path(tmp) / "out.jsonl"
        with src.open("w") as f:
            for i in range(n):
                f.write(json.dumps(random_case(rng, 10, f"c{i}"), ensure_ascii=False) + "\n")
        cmd = [sys.executable, "-m", "planner", "batch", "--input", str(src), "--output", str(dst)]
        runs = []
        for _ in range(5):
            t0 = time.perf_counter()
            subprocess.run(cmd, check=True, cwd=ROOT)
            runs.append(time.perf_counter() - t0)
        lines = dst.read_text().splitlines()
        errors = sum(1 for line in lines if '"error"' in line)
    return {"cases": n, "median_s": round(statistics.median(runs), 3), "runs_s": [round(r, 3) for r in runs],
            "errors": errors, "target_s": 2.0}


def bench_batch_mixed(small: int = 3_000) -> dict:
    """Issue 11: one huge case once padded every case of the run to its size (19 GB, 57 s)."""
    rng = random.Random(30)
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "cases.jsonl", Path(tmp) / "out.jsonl"
        with src.open("w") as f:
            for i in range(small):
                f.write(json.dumps(random_case(rng, rng.randint(1, 5), f"s{i}"), ensure_ascii=False) + "\n")
            f.write(json.dumps(random_case(rng, 500, "cap"), ensure_ascii=False) + "\n")
            f.write(json.dumps(random_case(rng, 20_000, "huge"), ensure_ascii=False) + "\n")
        runner = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
                  "subprocess.run(sys.argv[1:], check=True); "
                  "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
        cmd = [sys.executable, "-m", "planner", "batch", "--input", str(src), "--output", str(dst)]
        runs, peaks = [], []
        for _ in range(3):
            out = subprocess.run([sys.executable, "-c", runner, *cmd], check=True, cwd=ROOT, capture_output=True,
                                 text=True).stdout.split()
            runs.append(float(out[0]))
            peaks.append(int(out[1]) / 1024)          # ru_maxrss is in KiB on Linux
        lines = dst.read_text().splitlines()
    return {"cases": small + 2, "median_s": round(statistics.median(runs), 3),
            "peak_rss_mb": round(max(peaks), 1), "errors": sum(1 for line in lines if '"error"' in line),
            "target_peak_rss_mb": 500}


def bench_report() -> dict | None:
    try:
        from benchmarks.bench_report import run as report_run
    except ImportError:
        return None
    return report_run()


def main() -> int:
    results = {"compare_20_debts_600_months": bench_compare(), "batch_10k_x_10_debts": bench_batch(),
               "batch_3k_small_plus_huge": bench_batch_mixed()}
    report = bench_report()
    if report is not None:
        results["pdf_report_sample"] = report
    from benchmarks.bench_letters import run as letters_run
    results["application_letter"] = letters_run()
    from benchmarks.bench_browser import run as browser_run
    browser = browser_run()
    if browser is not None:
        results["browser_phone"] = browser
    print(json.dumps(results, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
