"""Dates a person gives: the one reader for CLI flags, question text, the
Python API, the REST API and web forms.

A date may be a day (2022-02-24, "24 February 2022", "February 24, 2022"), a
month (2022-02, "February 2022") or a year (2022). A month or year names a
period: as a start bound it means the period's first day, as an end bound its
last day, so ``until=2018`` keeps every event of 2018.

Dates found in article text ("last week", "on December 5") are a different
thing and are resolved by :mod:`allies.nlp.dates`.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from .errors import InputError

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
# A date as it may appear inside a sentence (used by the question parser).
DATE_PATTERN = (rf"(?:(?:\d{{1,2}}\s+)?(?:{MONTH_NAMES})\.?(?:\s+\d{{1,2}},?)?\s+\d{{4}}"
                rf"|\d{{4}}-\d{{1,2}}(?:-\d{{1,2}})?|\d{{4}})")
_ISO = re.compile(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")
_WORDS = re.compile(rf"(?:(\d{{1,2}})\s+)?({MONTH_NAMES})\.?(?:\s+(\d{{1,2}}),?)?\s+(\d{{4}})", re.I)
HINT = "use YYYY, YYYY-MM or YYYY-MM-DD"


def period(value: Any) -> tuple[dt.date, dt.date, str]:
    """(first day, last day, precision) of the day, month or year ``value``
    names; precision is 'day', 'month' or 'year'. ValueError when unreadable."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value, value, "day"
    text = str(value).strip().rstrip(".")
    match = _ISO.fullmatch(text)
    if match:
        year, month, day = int(match.group(1)), match.group(2), match.group(3)
    else:
        match = _WORDS.fullmatch(text)
        if not match:
            raise ValueError(f"not a date: {text!r}")
        year, month, day = int(match.group(4)), str(_MONTHS[match.group(2).lower()]), match.group(1) or match.group(3)
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    month_no = int(month)
    if day is None:
        if not 1 <= month_no <= 12:
            raise ValueError(f"month must be 1 to 12: {text!r}")
        return dt.date(year, month_no, 1), dt.date(year, month_no, calendar.monthrange(year, month_no)[1]), "month"
    day_value = dt.date(year, month_no, int(day))
    return day_value, day_value, "day"


def parse_date(value: Any, what: str = "date", *, end: bool = False) -> dt.date | None:
    """The day ``value`` names, or None for None or blank. A month or year is
    its first day, or its last day when ``end`` (an end bound). InputError
    naming ``what`` when unreadable."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        first, last, _ = period(value)
    except (ValueError, KeyError):
        raise InputError(f"{what}: not a date ({HINT}): {str(value).strip()[:40]!r}") from None
    return last if end else first


def parse_day(value: Any, what: str = "date") -> dt.date | None:
    """One exact day (an article's date): a bare year or month is refused,
    since it would pin every event to an arbitrary day."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        first, _, precision = period(value)
    except (ValueError, KeyError):
        precision, first = "", None
    if precision != "day":
        raise InputError(f"{what}: not a day (use YYYY-MM-DD): {str(value).strip()[:40]!r}")
    return first


def parse_window(since: Any = None, until: Any = None) -> tuple[dt.date | None, dt.date | None]:
    """(since, until) as days: ``since`` from its first day, ``until`` to its
    last. InputError when the window ends before it starts."""
    start, stop = parse_date(since, "since"), parse_date(until, "until", end=True)
    check_window(start, stop)
    return start, stop


def check_window(since: dt.date | None, until: dt.date | None) -> None:
    """InputError when ``since`` is after ``until`` (an empty window)."""
    if since and until and since > until:
        raise InputError(f"since ({since.isoformat()}) is after until ({until.isoformat()}): the window is empty")


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
