"""CLI subcommands, as a registry: each module here has ``NAME``, ``HELP``,
``add_arguments(parser)`` and ``run(args) -> int``.  Adding a command is one
module plus one entry in :data:`COMMANDS`."""

COMMANDS: list[str] = [
    "planner.commands.simulate",
    "planner.commands.compare",
    "planner.commands.batch",
    "planner.commands.propose",
    "planner.commands.report",
    "planner.commands.letters",
    "planner.commands.month",
    "planner.commands.calendar",
    "planner.commands.admin",
]
