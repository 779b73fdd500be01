"""One reader for the dates a person gives: a year or month as an end bound
means its last day, wherever the date comes from."""
import datetime as dt

import pytest

from allies.dates import parse_date, parse_day, parse_window, period
from allies.errors import InputError


@pytest.mark.parametrize("text,first,last", [
    ("2018", dt.date(2018, 1, 1), dt.date(2018, 12, 31)),
    ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
    ("2023-02", dt.date(2023, 2, 1), dt.date(2023, 2, 28)),
    ("2022-02-24", dt.date(2022, 2, 24), dt.date(2022, 2, 24)),
    ("March 2019", dt.date(2019, 3, 1), dt.date(2019, 3, 31)),
    ("5 Sept. 2021", dt.date(2021, 9, 5), dt.date(2021, 9, 5)),
    ("February 24, 2022", dt.date(2022, 2, 24), dt.date(2022, 2, 24)),
])
def test_a_period_has_a_first_and_a_last_day(text, first, last):
    assert period(text)[:2] == (first, last)
    assert parse_date(text, "since") == first
    assert parse_date(text, "until", end=True) == last


def test_until_a_year_keeps_the_whole_year():
    assert parse_window("2018", "2018") == (dt.date(2018, 1, 1), dt.date(2018, 12, 31))
    assert parse_window(None, "2018-11") == (None, dt.date(2018, 11, 30))
    assert parse_window("", "") == (None, None)


@pytest.mark.parametrize("text", ["last year", "2018-13", "2018-02-30", "31/12/2020", "20188"])
def test_unreadable_dates_are_one_line_errors(text):
    with pytest.raises(InputError, match=r"^until: not a date"):
        parse_date(text, "until", end=True)


def test_an_empty_window_says_why_without_naming_flags():
    with pytest.raises(InputError) as caught:
        parse_window("2020", "2019")
    assert str(caught.value) == "since (2020-01-01) is after until (2019-12-31): the window is empty"


def test_an_article_date_is_one_day():
    assert parse_day("2024-05-07") == dt.date(2024, 5, 7)
    with pytest.raises(InputError, match="not a day"):
        parse_day("2024", "date")


def test_every_window_reader_agrees_on_until_a_year(tmp_path):
    """The CLI flags, the Python API, export and the REST filters all read
    --until 2018 as the end of 2018 (one of them once read 2018-01-01)."""
    from allies.relations.views import dyad_table
    from allies.store import Store
    from allies.imports.export import event_filter
    from allies.web.queries import EventFilter

    store = Store(tmp_path / "s.duckdb")
    try:
        assert dyad_table(store, "RUS", "AZE", until="2018").until == dt.date(2018, 12, 31)
        assert "DATE '2018-12-31'" in event_filter(store.con, until="2018")
        where, params = EventFilter(until="2018").where()
        assert "2018-12-31" in params
    finally:
        store.close()
