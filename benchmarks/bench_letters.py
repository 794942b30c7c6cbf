"""Benchmark (d): one lender's application as PDF and .docx (what the dashboard builds on click) — target
median ≤ 1.5 s for the PDF (the report's font machinery: load + subset of Noto Sans CJK) and ≤ 0.3 s for
the .docx.  ``python benchmarks/bench_letters.py`` prints JSON.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TARGET_PDF_S = 1.5
TARGET_DOCX_S = 0.3


def run(repeat: int = 5) -> dict:
    from planner import read_debts_csv
    from planner.documents import BorrowerProfile, application, docx_bytes, pdf_bytes
    from planner.negotiation import propose

    debts = read_debts_csv((ROOT / "sample_debts.csv").read_bytes()).debts
    plan = propose(debts, 3000, start=date(2027, 1, 1))
    doc = application(plan, "招商银行信用卡", "zh", BorrowerProfile(name="张三"), on=date(2026, 12, 1))
    pdf_bytes(doc, "zh")                                   # warm-up (imports, font lookup)
    out = {}
    for name, fn, target in (("pdf", lambda: pdf_bytes(doc, "zh"), TARGET_PDF_S),
                             ("docx", lambda: docx_bytes(doc), TARGET_DOCX_S)):
        walls, cpus = [], []
        for _ in range(repeat):
            w0, c0 = time.perf_counter(), time.process_time()
            fn()
            walls.append(time.perf_counter() - w0)
            cpus.append(time.process_time() - c0)
        out[name] = {"median_s": round(statistics.median(walls), 3), "cpu_median_s": round(statistics.median(cpus), 3),
                     "target_s": target, "ok": statistics.median(walls) <= target}
    return out


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
