"""Plotly figure specifications (plain JSON) for the pages.

The browser draws them with the locally served plotly.js; nothing here
needs the plotly Python API, and every label is data, never markup.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..relations.charts import TimeBins, binned, time_bins
from .countries import country_name

COOPERATION = ("verbal_cooperation", "material_cooperation")
CONFLICT = ("verbal_conflict", "material_conflict")

# One colour per direction; its conflict bars are a pale shade of it.
DIRECTION_COLOURS = ("#1f6feb", "#d9480f")
CONFLICT_COLOURS = ("#9ec2f7", "#f4a98a")
VERDICT_COLOURS = {
    "allied": "#0b7a3e",
    "cooperative": "#5cb85c",
    "mixed": "#d4a017",
    "tense": "#e8590c",
    "hostile": "#c92a2a",
    "unknown": "#868e96",
}

BASE_LAYOUT = {
    "margin": {"l": 50, "r": 20, "t": 30, "b": 40},  # room at the top for plotly's tool bar
    "height": 320,
    "paper_bgcolor": "#ffffff",
    "plot_bgcolor": "#ffffff",
    "font": {"family": "system-ui, sans-serif", "size": 12},
    "legend": {"orientation": "h", "y": -0.2},
    "xaxis": {"gridcolor": "#eceff3", "type": "date", "tickformat": "%b %Y", "hoverformat": "%B %Y"},
    "yaxis": {"gridcolor": "#eceff3", "zerolinecolor": "#adb5bd"},
}


MS_PER_DAY = 86_400_000
WEB_MAX_TICKS = 6  # upright labels on a phone-wide plot


def _time_axis(bins: TimeBins) -> dict[str, Any]:
    """A date axis over the bins' span, one tick label per period under its
    middle: plotly's own ticks repeat a month or fall to days on short spans."""
    low, high = bins.span()
    ticks = bins.ticks()
    labels, year = [], None
    for day, label in ticks:
        # Upright and short enough for a phone-wide plot: the month, and under
        # it the year where the year changes (never "Nov 2023, Nov 2023").
        labels.append(label if bins.unit == "year" else day.strftime("%b") if day.year == year
                      else day.strftime("%b<br>%Y"))
        year = day.year
    return {**BASE_LAYOUT["xaxis"], "range": [low.isoformat(), high.isoformat()],
            "tickmode": "array", "tickvals": [day.isoformat() for day, _ in ticks],
            "ticktext": labels, "tickangle": 0,
            "hoverformat": "%Y" if bins.unit == "year" else "%B %Y"}


def monthly_charts(rows: list[dict[str, Any]], a: str, b: str) -> list[dict[str, Any]]:
    """Two figures from the rows of :func:`allies.relations.dyad_table`:
    cooperation and conflict per direction, and the mean Goldstein score per
    direction; per month, or per year when months would be slivers. The
    Goldstein line breaks where a period has no events."""
    bins = time_bins([row["month"] for row in rows], max_ticks=WEB_MAX_TICKS)
    cells = binned(rows, bins)
    xs = [bins.middle(key).isoformat() for key in bins.keys]
    width = bins.bar_days() * MS_PER_DAY
    activity: list[dict[str, Any]] = []
    trend: list[dict[str, Any]] = []
    for colour, pale, (source, target) in zip(DIRECTION_COLOURS, CONFLICT_COLOURS, ((a, b), (b, a))):
        label = f"{country_name(source)} → {country_name(target)}"
        for kind, quads, sign in (("cooperation", COOPERATION, 1), ("conflict", CONFLICT, -1)):
            counts = [sum((cells.get((source, target, key)) or {}).get(q, 0) for q in quads) for key in bins.keys]
            # Conflict hangs below the axis, cooperation stands above it.
            activity.append({
                "type": "bar", "name": f"{label}: {kind}",
                "x": xs, "y": [sign * c for c in counts], "width": [width] * len(xs),
                "customdata": counts, "hovertemplate": f"%{{customdata}} {kind} events<extra>{label}</extra>",
                "marker": {"color": colour if sign > 0 else pale},
            })
        means = [(cells.get((source, target, key)) or {}).get("goldstein_mean") for key in bins.keys]
        trend.append({
            "type": "scatter", "mode": "lines+markers", "name": label, "connectgaps": False,
            "x": xs, "y": [None if v is None else round(v, 2) for v in means],
            "line": {"color": colour, "width": 2},
        })
    axis = _time_axis(bins)
    return [
        {"id": "chart-activity", "data": activity,
         "title": f"Cooperation (above) and conflict (below) {bins.label}",
         "layout": {**BASE_LAYOUT, "barmode": "relative", "xaxis": axis,
                    "yaxis": {**BASE_LAYOUT["yaxis"], "title": {"text": "events"}}}},
        {"id": "chart-goldstein", "data": trend,
         "title": f"Goldstein score, mean {bins.label}",
         "layout": {**BASE_LAYOUT, "xaxis": axis,
                    "yaxis": {**BASE_LAYOUT["yaxis"], "range": [-10.5, 10.5],
                              "title": {"text": "hostile −10 … +10 cooperative"}}}},
    ]


def network_chart(center: str, partners: list[dict[str, Any]], limit: int = 30) -> dict[str, Any]:
    """A star of the country's relations: partners on a circle, edges
    coloured by verdict (the engine's standing), node size by the number of
    events. Only the ``limit`` busiest partners are drawn, in ranked order."""
    import math

    busiest = {p["country"] for p in sorted(partners, key=lambda p: -(p.get("events") or 0))[:limit]}
    partners = [p for p in partners if p["country"] in busiest]
    count = max(len(partners), 1)
    traces: list[dict[str, Any]] = []
    xs, ys, labels, sizes, colours, links = [0.0], [0.0], [country_name(center)], [26], ["#212529"], [""]
    positions = ["bottom center"]  # labels point away from the centre so edges never cross them
    by_verdict: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for i, partner in enumerate(partners):
        angle = 2 * math.pi * i / count
        x, y = math.cos(angle), math.sin(angle)
        verdict = partner.get("standing") or partner.get("verdict") or "unknown"
        by_verdict[verdict].append((x, y))
        xs.append(round(x, 4))
        ys.append(round(y, 4))
        labels.append(partner.get("name") or country_name(partner["country"]))
        sizes.append(10 + min(22, 3 * math.log1p(partner.get("events") or 0)))
        colours.append(VERDICT_COLOURS.get(verdict, VERDICT_COLOURS["unknown"]))
        links.append(f"/dyad?a={center}&b={partner['country']}")
        positions.append("middle right" if x > 0.3 else "middle left" if x < -0.3 else "top center" if y > 0 else "bottom center")
    for verdict, ends in by_verdict.items():
        edge_x: list[float | None] = []
        edge_y: list[float | None] = []
        for x, y in ends:
            edge_x += [0.0, round(x, 4), None]
            edge_y += [0.0, round(y, 4), None]
        traces.append({
            "type": "scatter", "mode": "lines", "name": verdict, "hoverinfo": "skip", "showlegend": False,
            "x": edge_x, "y": edge_y,
            "line": {"color": VERDICT_COLOURS.get(verdict, VERDICT_COLOURS["unknown"]), "width": 3},
        })
    traces.append({
        "type": "scatter", "mode": "markers+text", "name": "countries", "showlegend": False,
        "x": xs, "y": ys, "text": labels, "textposition": positions, "customdata": links,
        "hovertemplate": "%{text}<extra></extra>",
        "marker": {"size": sizes, "color": colours, "line": {"color": "#ffffff", "width": 1}},
    })
    axis = {"visible": False, "range": [-1.6, 1.6]}
    return {"id": "chart-network", "data": traces, "clickable": True,
            "title": f"Relations of {country_name(center)} (edge colour: standing)",
            "layout": {**BASE_LAYOUT, "height": 520, "xaxis": axis, "yaxis": {**axis, "scaleanchor": "x"}}}
