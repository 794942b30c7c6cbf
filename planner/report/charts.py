"""The PDF's chart, drawn with matplotlib (Agg, no browser) in the report's own font.

The chart is returned as PNG bytes; metadata is stripped so the same inputs
always give the same bytes (and so the same PDF).
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

import numpy as np

from . import fonts

# One colour per strategy (colour-blind-safe, Okabe–Ito); the chosen one is drawn thicker.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")


def balance_chart(series: Mapping[str, np.ndarray], *, chosen: str, labels: Mapping[str, str],
                  x_label: str, y_label: str, title: str = "", max_months: int | None = None,
                  size_in: tuple[float, float] = (7.2, 3.4), dpi: int = 170) -> bytes:
    """Lines of the total balance per strategy (month 0 = today) as PNG bytes.

    ``series`` maps a strategy key to its total balance after each month; the
    curve starts at today's total.  The x axis ends a little after the slowest
    strategy that clears the debts (or ``max_months``).
    """
    from matplotlib.figure import Figure   # no pyplot: no global backend or figure state
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    family = fonts.matplotlib_family()
    fig = Figure(figsize=size_in, dpi=dpi)
    ax = fig.add_subplot(1, 1, 1)
    horizon = max_months or _x_extent(series)
    for i, (key, values) in enumerate(series.items()):
        values = np.asarray(values, dtype=float)[:horizon + 1]
        months = np.arange(len(values))
        is_chosen = key == chosen
        ax.plot(months, values, color=PALETTE[i % len(PALETTE)], linewidth=2.4 if is_chosen else 1.3,
                alpha=1.0 if is_chosen else 0.85, zorder=3 if is_chosen else 2,
                label=labels.get(key, key) + (" ★" if is_chosen else ""))
    ax.set_xlim(0, horizon)
    ax.set_ylim(bottom=0)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=12))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:,.0f}"))
    for label in ax.get_xticklabels() + ax.get_yticklabels():
        label.set_fontfamily(family)
        label.set_fontsize(7.5)
    ax.set_xlabel(x_label, fontfamily=family, fontsize=8.5, color="#495057")
    ax.set_ylabel(y_label, fontfamily=family, fontsize=8.5, color="#495057")
    if title:
        ax.set_title(title, fontfamily=family, fontsize=10, color="#17345D", loc="left")
    ax.grid(True, color="#DEE2E6", linewidth=0.6)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color("#ADB5BD")
    ax.tick_params(colors="#495057", length=2.5)
    legend = ax.legend(loc="upper right", frameon=False, prop={"family": family, "size": 7.5})
    for text in legend.get_texts():
        text.set_color("#212529")
    fig.subplots_adjust(left=0.1, right=0.985, top=0.965 if not title else 0.9, bottom=0.14)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None})
    return buf.getvalue()


def _x_extent(series: Mapping[str, np.ndarray]) -> int:
    """A little past the slowest strategy that clears the debts (at least 12 months)."""
    ends: list[int] = []
    for values in series.values():
        arr = np.asarray(values, dtype=float)
        cleared = np.nonzero(arr <= 0.005)[0]
        if cleared.size:
            ends.append(int(cleared[0]))
    longest = max((len(v) - 1 for v in series.values()), default=12)
    if not ends:
        return max(12, min(longest, 120))
    end = max(ends)
    return max(12, min(longest, int(np.ceil(end * 1.08))))


def totals_from(balances: Mapping[str, Sequence[float]], start: float) -> dict[str, np.ndarray]:
    """Prepend today's total to each month-end series (so every curve starts at month 0)."""
    return {k: np.concatenate([[start], np.asarray(v, dtype=float)]) for k, v in balances.items()}
