"""The dyad charts' time axis: bars wide enough to see, a Goldstein line that
breaks where nothing happened, tick labels that never repeat."""
from __future__ import annotations

import datetime as dt
import re

from allies.web.charts import monthly_charts

DAY_MS = 86_400_000


def rows(*months: str, source: str = "AZE", target: str = "RUS") -> list[dict]:
    return [{"month": m, "source": source, "target": target, "verbal_cooperation": 2, "material_cooperation": 0,
             "verbal_conflict": 1, "material_conflict": 0, "events": 3, "goldstein_mean": 1.5} for m in months]


def figures(data):
    activity, goldstein = monthly_charts(data, "AZE", "RUS")
    return activity, goldstein


def test_a_long_sparse_span_is_drawn_in_yearly_bars():
    activity, goldstein = figures(rows("2018-01", "2022-03", "2022-04", "2025-10"))
    bars = activity["data"][0]
    assert [x[:4] for x in bars["x"]] == [str(y) for y in range(2018, 2026)]
    assert all(width > 250 * DAY_MS for width in bars["width"])  # not one-pixel slivers
    assert "per year" in activity["title"]
    # Quiet years break the line instead of a straight segment across them.
    line = dict(zip((x[:4] for x in goldstein["data"][0]["x"]), goldstein["data"][0]["y"]))
    assert line["2018"] == 1.5 and line["2019"] is None and line["2021"] is None and line["2022"] == 1.5
    assert goldstein["data"][0]["connectgaps"] is False


def test_monthly_bars_have_a_width_and_the_line_breaks_at_empty_months():
    activity, goldstein = figures(rows("2022-01", "2022-02", "2022-06"))
    assert "per month" in activity["title"]
    assert all(20 * DAY_MS < width < 31 * DAY_MS for width in activity["data"][0]["width"])
    ys = goldstein["data"][0]["y"]
    assert ys == [1.5, 1.5, None, None, None, 1.5]


def test_tick_labels_never_repeat():
    for data in (rows("2023-11"), rows("2023-11", "2023-12"), rows("2022-01", "2023-12"),
                 rows("2019-05", "2023-02"), rows("2001-01", "2024-12")):
        for figure in figures(data):
            labels, year, named = figure["layout"]["xaxis"]["ticktext"], None, []
            for label in labels:  # the year is written where it changes
                month, _, new_year = label.partition("<br>")
                year = new_year or year
                named.append(month if re.fullmatch(r"\d{4}", month) else f"{month} {year}")
            assert labels and len(named) == len(set(named)) <= 7, labels
            assert all(name[-4:].isdigit() for name in named)


def test_one_month_has_a_sane_axis_and_bar():
    activity, _ = figures(rows("2023-11"))
    axis = activity["layout"]["xaxis"]
    low, high = (dt.date.fromisoformat(day) for day in axis["range"])
    assert (high - low).days >= 5 * 28  # the month stands among its neighbours, not across the plot
    assert "Nov" in axis["ticktext"] or "Nov<br>2023" in axis["ticktext"]
    assert all(re.fullmatch(r"[A-Z][a-z]{2}(<br>\d{4})?", label) for label in axis["ticktext"])  # months, not days
    assert activity["data"][0]["width"][0] < 31 * DAY_MS
