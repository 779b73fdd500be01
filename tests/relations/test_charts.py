"""The `dyad --plot` figure: its legends sit outside every plot, so they hide
no bar, and its axis has one label per period."""
from __future__ import annotations

import pytest

from allies.relations.charts import _figure, time_bins
from allies.relations.views import DyadTable

pytest.importorskip("matplotlib")


def table(*months: str) -> DyadTable:
    rows = []
    for i, month in enumerate(months):
        for source, target in (("AZE", "RUS"), ("RUS", "AZE")):
            rows.append({"month": month, "source": source, "target": target, "verbal_cooperation": 4 + i,
                         "material_cooperation": 2, "verbal_conflict": 3, "material_conflict": 1,
                         "events": 10 + i, "goldstein_mean": 1.0 - i})
    return DyadTable("AZE", "RUS", None, None, rows, [])


@pytest.mark.parametrize("months", [("2024-03",), ("2023-01", "2023-02", "2023-03"), ("2018-06", "2025-01")])
def test_legends_overlap_no_plot(months):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = _figure(table(*months))
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    legends = list(fig.legends) + [ax.get_legend() for ax in fig.axes if ax.get_legend()]
    assert len(legends) == 2
    for legend in legends:
        box = legend.get_window_extent(renderer)
        for ax in fig.axes:
            assert not box.overlaps(ax.get_window_extent(renderer)), (months, legend)


def test_one_label_per_tick():
    for months in (["2023-11"], ["2023-11", "2023-12"], ["2021-01", "2023-12"], ["2001-01", "2024-12"]):
        bins = time_bins(months)
        labels = [label for _, label in bins.ticks()]
        assert labels and len(labels) == len(set(labels)), labels
    assert time_bins(["2018-01", "2025-10"]).unit == "year"
    assert time_bins(["2022-01", "2023-12"]).unit == "month"
