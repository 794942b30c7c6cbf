"""``python -m planner`` / ``debt-planner``: the command line.

Subcommands live in :mod:`planner.commands` (a registry).  Exit codes: 0 ok,
1 the input has problems (each printed with row, column, value and reason),
2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from .commands import COMMANDS
from .escape import terminal


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="debt-planner",
        description="Debt repayment negotiation planner / 债务协商还款规划 (all data stays on this machine)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module_name in COMMANDS:
        module = importlib.import_module(module_name)
        p = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(p)
        p.set_defaults(_run=module.run)
    return parser


class _TerminalText:
    """A text stream that passes everything through :func:`planner.escape.terminal`: no escape
    sequence, OSC title or bidi override from a file or a name ever reaches the user's terminal."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(terminal(text))

    def __getattr__(self, name):
        return getattr(self._stream, name)


def main(argv: Sequence[str] | None = None) -> int:
    saved = sys.stdout, sys.stderr
    sys.stderr = _TerminalText(sys.stderr)          # usage errors quote what was typed, too
    try:
        args = build_parser().parse_args(argv)
        machine = getattr(args, "json", False) or getattr(args, "command", "") == "batch"   # JSON: escaped already
        if not machine:
            sys.stdout = _TerminalText(sys.stdout)
        return int(args._run(args) or 0)
    except BrokenPipeError:  # e.g. `| head`
        return 0
    finally:
        sys.stdout, sys.stderr = saved


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
