"""``python -m planner``: the command line (see :mod:`planner.cli`)."""

import os
import sys

from .cli import main

code = main()
# Everything is written and its files closed; flush the standard streams and leave without the
# interpreter's teardown, which costs a quarter of a second once the compiled engine is loaded
# (a third of a small batch's run time).  Nothing is lost: no command leaves work for exit time.
try:
    sys.stdout.flush()
    sys.stderr.flush()
except BrokenPipeError:  # e.g. `| head`
    pass
os._exit(code)
