"""Charts of a dyad: events by quad class per direction, and the Goldstein
mean per direction. Matplotlib with the Agg backend (no display).

:func:`time_bins` decides, for these charts and the web's, whether bars are
months or years and where the ticks go: a long span in months would draw
one-pixel slivers, and a free tick locator repeats "Nov 2023" or shows days."""
from __future__ import annotations

import calendar
import datetime as dt
import io
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from .countries import country_name
from .views import DyadTable

QUAD_COLOURS = {"verbal_cooperation": "#8fc98f", "material_cooperation": "#2e8b57",
                "verbal_conflict": "#f0a07a", "material_conflict": "#c0392b"}
QUAD_LABELS = {"verbal_cooperation": "verbal cooperation", "material_cooperation": "material cooperation",
               "verbal_conflict": "verbal conflict", "material_conflict": "material conflict"}
MAX_MONTH_BARS = 48   # a longer span is drawn in yearly bars
MAX_TICKS = 8
TICK_STEPS = (1, 2, 3, 6, 12, 24, 60, 120)  # months between ticks
BAR_FILL = 0.8        # share of its period a bar covers
MIN_PERIODS = 5       # periods an axis shows at least


@dataclass(frozen=True)
class TimeBins:
    """The periods of a chart's time axis: every month (``unit`` 'month',
    keys 'YYYY-MM') or every year ('year', keys 'YYYY') from the first with
    events to the last, so quiet periods show as gaps."""

    unit: str
    keys: list[str]
    tick_months: int  # months between two ticks (a multiple of 12 for years)

    @property
    def tick_format(self) -> str:
        return "%Y" if self.tick_months % 12 == 0 else "%b %Y"

    @property
    def label(self) -> str:
        return "per year" if self.unit == "year" else "per month"

    def key_of(self, month: str) -> str:
        return month[:4] if self.unit == "year" else month[:7]

    def start(self, key: str) -> dt.date:
        return dt.date(int(key[:4]), int(key[5:7]) if self.unit == "month" else 1, 1)

    def end(self, key: str) -> dt.date:
        if self.unit == "year":
            return dt.date(int(key), 12, 31)
        year, month = int(key[:4]), int(key[5:7])
        return dt.date(year, month, calendar.monthrange(year, month)[1])

    def middle(self, key: str) -> dt.date:
        start = self.start(key)
        return start + (self.end(key) - start) / 2

    def bar_days(self) -> float:
        return BAR_FILL * (365.25 if self.unit == "year" else 30.44)

    def span(self) -> tuple[dt.date, dt.date]:
        """The axis range: at least MIN_PERIODS periods, the data's in the
        middle, so one month is one bar of a month's width, not the whole plot."""
        if not self.keys:
            return dt.date.today(), dt.date.today()
        extra = max(0, MIN_PERIODS - len(self.keys))
        before, after = (extra + 1) // 2, extra // 2
        period = 365.25 if self.unit == "year" else 30.44
        pad = dt.timedelta(days=period * 0.5)
        return (self.start(self.keys[0]) - dt.timedelta(days=period * before) - pad,
                self.end(self.keys[-1]) + dt.timedelta(days=period * after) + pad)

    def ticks(self) -> list[tuple[dt.date, str]]:
        """(position, label) of each tick: under the middle of a period, one
        label per period and ``tick_months`` apart, so no label repeats."""
        if not self.keys:
            return []
        low, high = self.span()
        index = low.year * 12 + low.month - 1
        step = self.tick_months
        index += -index % step
        out = []
        while True:
            year, month = divmod(index, 12)
            key = str(year) if self.unit == "year" else f"{year:04d}-{month + 1:02d}"
            middle = self.middle(key)
            if middle > high:
                break
            if middle >= low:
                out.append((middle, middle.strftime(self.tick_format)))
            index += step
        return out


def time_bins(months: list[str], max_bars: int = MAX_MONTH_BARS, max_ticks: int = MAX_TICKS) -> TimeBins:
    """The bins for rows whose months ('YYYY-MM') are ``months``."""
    present = sorted({m[:7] for m in months})
    if not present:
        return TimeBins("month", [], 1)
    first, last = (int(present[0][:4]), int(present[0][5:7])), (int(present[-1][:4]), int(present[-1][5:7]))
    count = (last[0] - first[0]) * 12 + last[1] - first[1] + 1
    if count > max_bars:
        keys = [str(year) for year in range(first[0], last[0] + 1)]
        step = next(s for s in TICK_STEPS if s >= 12 and math.ceil(len(keys) * 12 / s) <= max_ticks)
        return TimeBins("year", keys, step)
    keys = []
    year, month = first
    while (year, month) <= last:
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    step = next((s for s in TICK_STEPS if math.ceil(count / s) <= max_ticks), TICK_STEPS[-1])
    return TimeBins("month", keys, step)


def binned(rows: list[dict[str, Any]], bins: TimeBins) -> dict[tuple[str, str, str], dict[str, Any]]:
    """The dyad table's monthly rows summed into ``bins``: per (source,
    target, key) the four quad counts, events and the events-weighted
    Goldstein mean."""
    out: dict[tuple[str, str, str], dict[str, Any]] = {}
    for row in rows:
        key = (row["source"], row["target"], bins.key_of(row["month"]))
        acc = out.setdefault(key, {**{q: 0 for q in QUAD_COLOURS}, "events": 0, "_gold": 0.0, "_scored": 0})
        for quad in QUAD_COLOURS:
            acc[quad] += row.get(quad) or 0
        acc["events"] += row.get("events") or 0
        if row.get("goldstein_mean") is not None:
            acc["_gold"] += row["goldstein_mean"] * (row.get("events") or 1)
            acc["_scored"] += row.get("events") or 1
    for acc in out.values():
        scored = acc.pop("_scored")
        gold = acc.pop("_gold")
        acc["goldstein_mean"] = round(gold / scored, 3) if scored else None
    return out


def _figure(table: DyadTable):
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import dates as mdates
    from matplotlib.figure import Figure

    bins = time_bins([r["month"] for r in table.rows])
    cells = binned(table.rows, bins)
    fig = Figure(figsize=(9, 7.2))
    ax_top, ax_bottom, ax_gold = fig.subplots(3, 1, sharex=True, gridspec_kw={"height_ratios": [2, 2, 1.4]})
    xs = [bins.middle(k) for k in bins.keys]
    for ax, (src, tgt) in ((ax_top, (table.a, table.b)), (ax_bottom, (table.b, table.a))):
        bottom = [0] * len(xs)
        for quad, colour in QUAD_COLOURS.items():
            values = [(cells.get((src, tgt, k)) or {}).get(quad, 0) for k in bins.keys]
            ax.bar(xs, values, width=bins.bar_days(), bottom=bottom, color=colour, label=QUAD_LABELS[quad])
            bottom = [b + v for b, v in zip(bottom, values)]
        ax.set_ylabel("events")
        ax.set_title(f"{country_name(src)} → {country_name(tgt)}", fontsize=10, loc="left")
        ax.set_ylim(0, max([*bottom, 1]) * 1.1)
    for (src, tgt), style in (((table.a, table.b), "-o"), ((table.b, table.a), "--s")):
        # NaN where a period has no events: the line breaks there instead of bridging years.
        values = [(cells.get((src, tgt, k)) or {}).get("goldstein_mean") for k in bins.keys]
        if any(v is not None for v in values):
            ax_gold.plot(xs, [float("nan") if v is None else v for v in values], style, markersize=3,
                         label=f"{country_name(src)} → {country_name(tgt)}")
    ax_gold.axhline(0, color="#777", linewidth=0.8)
    ax_gold.set_ylim(-10.5, 10.5)
    ax_gold.set_ylabel("Goldstein mean")
    if not bins.keys:
        ax_top.text(0.5, 0.5, "no counted events in the window", transform=ax_top.transAxes, ha="center")
        ax_gold.set_xticks([])
    else:
        low, high = bins.span()
        ax_gold.set_xlim(low, high)
        ticks = bins.ticks()
        ax_gold.set_xticks([mdates.date2num(day) for day, _ in ticks], [label for _, label in ticks])
    fig.suptitle(f"{country_name(table.a)} – {country_name(table.b)}: events {bins.label}")
    # Legends above the plots, outside every axis, so they never hide a bar or a point.
    handles, labels = ax_top.get_legend_handles_labels()
    if bins.keys:
        fig.legend(handles, labels, loc="upper center", ncols=4, fontsize=8, frameon=False,
                   bbox_to_anchor=(0.5, 0.955))
    if bins.keys and ax_gold.get_legend_handles_labels()[0]:
        ax_gold.legend(fontsize=8, loc="lower left", bbox_to_anchor=(0, 1.0), ncols=2, frameon=False)
    fig.autofmt_xdate()
    fig.tight_layout(rect=(0, 0, 1, 0.93))
    return fig


def save_plot(table: DyadTable, path: str | Path) -> Path:
    """Write the dyad chart as PNG or SVG, chosen by the file's extension."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise InputError(f"--plot: use a .png or .svg file name, not {path.name!r}")
    if path.parent and not path.parent.exists():
        raise InputError(f"--plot: folder does not exist: {path.parent}")
    fig = _figure(table)
    fig.savefig(path, format=fmt, dpi=110)
    return path


def svg_string(table: DyadTable) -> str:
    """The chart as inline SVG markup (no XML prologue), for HTML reports."""
    buf = io.StringIO()
    _figure(table).savefig(buf, format="svg")
    text = buf.getvalue()
    start = text.find("<svg")
    return text[start:] if start >= 0 else text
