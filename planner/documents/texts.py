"""Registers the documents' texts: every ``templates/*.toml`` (``{key: {zh, en}}``) into :mod:`planner.i18n`."""

from __future__ import annotations

import tomllib
from importlib import resources

from ..i18n import register

TEMPLATES = ("common", "application", "script", "private", "family")


def load() -> None:
    for name in TEMPLATES:
        text = resources.files(__package__).joinpath("templates", f"{name}.toml").read_text("utf-8")
        register(tomllib.loads(text))


load()
