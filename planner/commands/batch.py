"""``batch``: many portfolios as JSON Lines (stdin → stdout by default)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "batch"
HELP = "simulate many cases given as JSON Lines / 批量模拟（JSON Lines）"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--input", type=Path, help="JSON Lines file (default: standard input)")
    p.add_argument("--output", type=Path, help="where to write results (default: standard output)")
    p.add_argument("--lang", default="en", choices=["zh", "en"], help="language of error messages")


def run(args: argparse.Namespace) -> int:
    from ..batch import run_lines
    source = args.input.open(encoding="utf-8-sig") if args.input else sys.stdin
    try:
        out_lines = run_lines(source, lang=args.lang)
        if args.output:
            with args.output.open("w", encoding="utf-8") as f:
                for line in out_lines:
                    f.write(line + "\n")
        else:
            write = sys.stdout.write
            for line in out_lines:
                write(line + "\n")
    finally:
        if args.input:
            source.close()
    return 0
