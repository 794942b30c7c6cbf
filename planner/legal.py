"""Legal sources and official channels, loaded from ``data/legal_sources.toml``.

That file is the one place where a law, an article or a channel is written
down, with its confidence.  Only ``verified`` entries may be *cited* to a user
(:func:`cite` refuses the rest); ``likely`` ones may be mentioned as "to be
confirmed" channels or facts.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

CONFIDENCES = ("verified", "likely")


@dataclass(frozen=True)
class LegalSource:
    id: str
    law_zh: str
    law_en: str
    article_zh: str      # "第678条" ('' when the source is cited as a whole)
    article_en: str      # "art. 678"
    summary_zh: str
    summary_en: str
    confidence: str

    @property
    def verified(self) -> bool:
        return self.confidence == "verified"

    def title(self, lang: str = "zh") -> str:
        """``《中华人民共和国民法典》第678条`` / ``Civil Code of the PRC, art. 678``."""
        if lang == "en":
            return f"{self.law_en}, {self.article_en}" if self.article_en else self.law_en
        return f"{self.law_zh}{self.article_zh}"

    def summary(self, lang: str = "zh") -> str:
        return self.summary_en if lang == "en" else self.summary_zh


class UnverifiedCitation(ValueError):
    """A template or rule tried to cite a source that is not verified."""


@cache
def sources() -> dict[str, LegalSource]:
    raw = tomllib.loads(resources.files("planner.data").joinpath("legal_sources.toml").read_text("utf-8"))
    out = {}
    for key, entry in raw.items():
        src = LegalSource(id=key, **entry)
        if src.confidence not in CONFIDENCES:
            raise ValueError(f"{key}: confidence must be one of {CONFIDENCES}")
        out[key] = src
    return out


def get(source_id: str) -> LegalSource:
    return sources()[source_id]


def cite(source_id: str, lang: str = "zh") -> str:
    """The citation text of a **verified** source; raises for anything else."""
    src = get(source_id)
    if not src.verified:
        raise UnverifiedCitation(f"{source_id} is {src.confidence}, not verified: it must not be cited")
    return src.title(lang)
