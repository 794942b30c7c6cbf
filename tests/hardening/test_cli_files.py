"""Issue 11 items 1 and 4: CLI output files are never the input, are written atomically, and file-level
problems are clear messages before any work; case-level problems become that line's error."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_debts.csv"
CASE = {"id": "c", "debts": [{"name": "借呗", "balance": 1000, "annual_rate": 12, "min_payment": 100}], "budget": 500}


def _case_line(**kw) -> str:
    return json.dumps({**CASE, **kw}, ensure_ascii=False)


def test_batch_refuses_the_input_as_output_and_keeps_it(tmp_path, capsys):
    src = tmp_path / "cases.jsonl"
    src.write_text(_case_line() + "\n", encoding="utf-8")
    before = src.read_bytes()
    assert main(["batch", "--input", str(src), "--output", str(src)]) == 1
    assert src.read_bytes() == before
    assert "input" in capsys.readouterr().err
    # the same file under another spelling and through a hard link
    (tmp_path / "sub").mkdir()
    assert main(["batch", "--input", str(src), "--output", str(tmp_path / "sub" / ".." / "cases.jsonl")]) == 1
    link = tmp_path / "link.jsonl"
    os.link(src, link)
    assert main(["batch", "--input", str(src), "--output", str(link)]) == 1
    assert src.read_bytes() == before


def test_report_refuses_to_overwrite_its_input_csv(tmp_path, capsys):
    csv = tmp_path / "debts.csv"
    csv.write_bytes(SAMPLE.read_bytes())
    assert main(["report", str(csv), "--budget", "3000", "--out", str(csv), "--date", "2026-12-01"]) == 1
    assert csv.read_bytes() == SAMPLE.read_bytes()
    incidents = tmp_path / "log.csv"
    incidents.write_text("x\n", encoding="utf-8")
    assert main(["report", str(csv), "--budget", "3000", "--out", str(incidents), "--incidents", str(incidents),
                 "--date", "2026-12-01"]) == 1
    assert incidents.read_text(encoding="utf-8") == "x\n"


def test_outputs_are_written_through_a_temporary_file_and_renamed(tmp_path):
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(_case_line() + "\n", encoding="utf-8")
    dst.write_text("old\n", encoding="utf-8")
    inode = dst.stat().st_ino
    assert main(["batch", "--input", str(src), "--output", str(dst)]) == 0
    assert json.loads(dst.read_text(encoding="utf-8"))["id"] == "c"
    assert dst.stat().st_ino != inode                     # a new file renamed over the old one
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_missing_input_and_unwritable_output_are_clear_messages_before_any_work(tmp_path, capsys, monkeypatch):
    import planner.batch as batch
    calls = []
    monkeypatch.setattr(batch, "run_cases", lambda *a, **k: calls.append(1) or [])
    assert main(["batch", "--input", str(tmp_path / "nope.jsonl"), "--output", str(tmp_path / "o.jsonl")]) == 1
    assert "nope.jsonl" in capsys.readouterr().err
    src = tmp_path / "in.jsonl"
    src.write_text(_case_line() + "\n", encoding="utf-8")
    assert main(["batch", "--input", str(src), "--output", str(tmp_path / "no" / "dir" / "o.jsonl")]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert main(["batch", "--input", str(src), "--output", str(tmp_path)]) == 1
    assert calls == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_output_folder(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(_case_line() + "\n", encoding="utf-8")
    ro = tmp_path / "ro"
    ro.mkdir(mode=0o500)
    assert main(["batch", "--input", str(src), "--output", str(ro / "o.jsonl")]) == 1
    assert "permission" in capsys.readouterr().err


@pytest.mark.parametrize("encoding", ["gbk", "utf-16", "utf-16-le", "utf-8-sig"])
def test_batch_reads_gbk_and_utf16_files(tmp_path, capsys, encoding):
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_bytes((_case_line() + "\n" + _case_line(id="d") + "\n").encode(encoding))
    assert main(["batch", "--input", str(src), "--output", str(dst)]) == 0
    out = [json.loads(x) for x in dst.read_text(encoding="utf-8").splitlines()]
    assert [o["id"] for o in out] == ["c", "d"]
    assert out[0]["debts"][0]["name"] == "借呗"


def test_stdin_bytes_are_decoded_like_a_file_no_lone_surrogates():
    data = (_case_line() + "\n").encode("gbk")
    proc = subprocess.run([sys.executable, "-m", "planner", "batch"], input=data, capture_output=True, cwd=ROOT,
                          env={**os.environ, "LC_ALL": "C", "PYTHONIOENCODING": ""}, check=True)
    out = json.loads(proc.stdout.decode("utf-8"))
    assert out["debts"][0]["name"] == "借呗"


def test_deep_nesting_is_that_lines_error_and_the_batch_goes_on(tmp_path):
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    deep = "[" * 100_000 + "]" * 100_000
    deep_in_case = _case_line()[:-1] + ', "extra": ' + "[" * 2000 + "]" * 2000 + "}"
    deep_id = '{"id": ' + "[" * 400 + "]" * 400 + ', "debts": [], "budget": 1}'
    src.write_text("\n".join([_case_line(), deep, deep_in_case, deep_id, _case_line(id="last")]) + "\n",
                   encoding="utf-8")
    assert main(["batch", "--input", str(src), "--output", str(dst)]) == 0
    out = [json.loads(x) for x in dst.read_text(encoding="utf-8").splitlines()]
    assert len(out) == 5
    assert out[0]["id"] == "c" and "error" not in out[0] and out[4]["id"] == "last" and "error" not in out[4]
    assert "line 2" in out[1]["error"] and "error" in out[3]


@pytest.mark.parametrize("case, words", [
    ({"debts": "借呗", "budget": 1}, "list"),
    ({"debts": [{"name": "a", "balance": float("nan"), "annual_rate": 1, "min_payment": 1}], "budget": 1}, "nan"),
    ({"debts": [{"name": "a", "balance": float("inf"), "annual_rate": 1, "min_payment": 1}], "budget": 1}, "inf"),
])
def test_batch_says_what_is_wrong(case, words):
    from planner.batch import run_lines
    out = json.loads(next(run_lines([json.dumps(case)])))
    assert words in out["error"].lower() and "required" not in out["error"] and "no debts" not in out["error"]


def test_batch_caps_debts_per_case_like_the_csv_path():
    from planner.batch import run_lines
    from planner.csv_io import MAX_ROWS
    debts = [{"name": f"d{i}", "balance": 10, "annual_rate": 1, "min_payment": 1} for i in range(MAX_ROWS + 1)]
    out = [json.loads(x) for x in run_lines([json.dumps({"id": "big", "debts": debts, "budget": 10}),
                                             _case_line()])]
    assert "500" in out[0]["error"] and "error" not in out[1]


def test_small_cases_are_never_padded_to_a_huge_one_and_results_do_not_change():
    import random

    from benchmarks.portfolios import random_case
    from planner.batch import MAX_GROUP_CELLS, _groups, _prepare, run_cases
    rng = random.Random(5)
    cases = [random_case(rng, rng.randint(1, 4), f"s{i}") for i in range(12)] + [random_case(rng, 300, "big")]
    items = [_prepare(c, "en") for c in cases]
    for it in items:
        it.names = [d["name"] for d in it.debts]
    groups = _groups(items)
    big = len(cases) - 1
    assert [big] in groups                                     # the big case runs alone
    for g in groups:
        width = max(len(items[k].names) for k in g)
        assert all(len(items[k].names) * 2 >= width or width == 1 or len(items[k].names) >= width // 2 for k in g)
        assert len(g) * width <= max(MAX_GROUP_CELLS, width)
    together = run_cases(cases)
    alone = [run_cases([c])[0] for c in cases]
    assert together == alone


def test_a_failing_write_is_a_message_and_leaves_the_old_file(tmp_path, capsys, monkeypatch):
    import errno

    import planner.commands._output as output
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(_case_line() + "\n", encoding="utf-8")
    dst.write_text("old\n", encoding="utf-8")
    real_replace = os.replace
    monkeypatch.setattr(output.os, "replace", lambda a, b: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space")))
    assert main(["batch", "--input", str(src), "--output", str(dst)]) == 1
    assert "No space" in capsys.readouterr().err
    assert dst.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == sorted(["in.jsonl", "out.jsonl"]) or \
        not any(p.name.endswith(".part") for p in tmp_path.iterdir())
    monkeypatch.setattr(output.os, "replace", real_replace)


def test_long_inputs_run_in_slices_with_the_same_output(monkeypatch):
    import random

    import planner.batch as batch
    from benchmarks.portfolios import random_case
    rng = random.Random(8)
    lines = [json.dumps(random_case(rng, rng.randint(1, 6), f"c{i}")) for i in range(30)] + ["{broken"]
    whole = list(batch.run_lines(lines, workers=1))
    monkeypatch.setattr(batch, "FLUSH_DEBTS", 7)
    sliced = list(batch.run_lines(lines, workers=1))
    assert sliced == whole and len(whole) == 31
