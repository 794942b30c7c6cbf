"""``batch``: many portfolios as JSON Lines (stdin → stdout by default).

File-level problems (a missing or unreadable ``--input``, an undecodable file, an ``--output``
that cannot be written or is the input itself) are reported before any case is computed;
case-level problems become that line's ``error``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..escape import terminal
from ..i18n import t
from ._common import EXIT_INPUT, EXIT_OK
from ._output import check_output, write_atomic

NAME = "batch"
HELP = "simulate many cases given as JSON Lines / 批量模拟（JSON Lines）"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--input", type=Path, help="JSON Lines file, UTF-8 (default: standard input)")
    p.add_argument("--output", type=Path, help="where to write results (default: standard output)")
    p.add_argument("--lang", default="en", choices=["zh", "en"], help="language of error messages")


def run(args: argparse.Namespace) -> int:
    from ..batch import InputEncodingError, decode_input, run_lines
    lang = args.lang
    if args.output is not None:
        problem = check_output(args.output, [args.input], lang)
        if problem:
            print(problem, file=sys.stderr)
            return EXIT_INPUT
    try:
        data = args.input.read_bytes() if args.input else sys.stdin.buffer.read()
    except OSError as e:
        print(t("cli.cannot_read", lang, path=terminal(str(args.input)), reason=e.strerror or str(e)),
              file=sys.stderr)
        return EXIT_INPUT
    try:
        text, note = decode_input(data, lang)
    except InputEncodingError as e:
        print(e.message, file=sys.stderr)
        return EXIT_INPUT
    if note:
        print(note, file=sys.stderr)
    out_lines = run_lines(text.splitlines(), lang=lang)
    if args.output:
        try:
            write_atomic(args.output, ((line + "\n").encode("utf-8") for line in out_lines))
        except OSError as e:
            print(t("cli.out.cannot_write", lang, path=terminal(str(args.output)), reason=e.strerror or str(e)),
                  file=sys.stderr)
            return EXIT_INPUT
    else:
        write = sys.stdout.write
        for line in out_lines:
            write(line + "\n")
    return EXIT_OK
