"""Charts of a dyad: monthly events by quad class per direction, and the
Goldstein mean per direction. Matplotlib with the Agg backend (no display)."""
from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from ..errors import InputError
from .countries import country_name
from .views import DyadTable

QUAD_COLOURS = {"verbal_cooperation": "#8fc98f", "material_cooperation": "#2e8b57",
                "verbal_conflict": "#f0a07a", "material_conflict": "#c0392b"}
QUAD_LABELS = {"verbal_cooperation": "verbal cooperation", "material_cooperation": "material cooperation",
               "verbal_conflict": "verbal conflict", "material_conflict": "material conflict"}


def _figure(table: DyadTable):
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    fig = Figure(figsize=(9, 6.5))
    ax_top, ax_bottom, ax_gold = fig.subplots(3, 1, sharex=True, gridspec_kw={"height_ratios": [2, 2, 1.4]})
    months = sorted({r["month"] for r in table.rows})
    x_of = {m: dt.date(int(m[:4]), int(m[5:]), 15) for m in months}
    for ax, (src, tgt) in ((ax_top, (table.a, table.b)), (ax_bottom, (table.b, table.a))):
        rows = {r["month"]: r for r in table.rows if r["source"] == src and r["target"] == tgt}
        bottom = [0] * len(months)
        for quad, colour in QUAD_COLOURS.items():
            values = [rows[m][quad] if m in rows else 0 for m in months]
            ax.bar([x_of[m] for m in months], values, width=25, bottom=bottom, color=colour, label=QUAD_LABELS[quad])
            bottom = [b + v for b, v in zip(bottom, values)]
        ax.set_ylabel("events")
        ax.set_title(f"{country_name(src)} → {country_name(tgt)}", fontsize=10, loc="left")
    ax_top.legend(fontsize=8, ncols=2, loc="upper left")
    for (src, tgt), style in (((table.a, table.b), "-o"), ((table.b, table.a), "--s")):
        points = [(x_of[r["month"]], r["goldstein_mean"]) for r in table.rows
                  if r["source"] == src and r["target"] == tgt and r["goldstein_mean"] is not None]
        if points:
            ax_gold.plot([p[0] for p in points], [p[1] for p in points], style, markersize=3,
                         label=f"{src}→{tgt}")
    ax_gold.axhline(0, color="#777", linewidth=0.8)
    ax_gold.set_ylim(-10.5, 10.5)
    ax_gold.set_ylabel("Goldstein mean")
    ax_gold.legend(fontsize=8, loc="upper left")
    if not months:
        ax_top.text(0.5, 0.5, "no counted events in the window", transform=ax_top.transAxes, ha="center")
    fig.suptitle(f"{country_name(table.a)} – {country_name(table.b)}: events by month")
    fig.autofmt_xdate()
    fig.tight_layout()
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
