"""When an event happened, from the article's date and the sentence's words.

News reports past events relative to the day they are written: "on Monday"
is the latest Monday on or before the article date, "yesterday" the day
before it, "on December 5" the latest December 5 not after it (give or take a
week, so announced dates just ahead still land in the current year).
"""
from __future__ import annotations

import re
from datetime import date, timedelta

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}

_MONTH_NAME = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
               r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_DAY = re.compile(_MONTH_NAME + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?", re.I)
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_NAME + r"(?:,?\s+(\d{4}))?", re.I)
_WEEKDAY = re.compile(r"\b(last\s+|this\s+|on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_RELATIVE = re.compile(
    r"\b(yesterday|today|tonight|this (?:morning|afternoon|evening)|last night|overnight"
    r"|the day before yesterday|last week|last month|last year|earlier this week"
    r"|(\d+|two|three|four|five|six|seven|ten) (days?|weeks?) ago)\b", re.I)
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}


def parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    match = _ISO.search(str(value))
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _month_number(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")[:4] if name.lower().startswith("sept") else name.lower()[:3]]


def _latest(month: int, day: int, year: int | None, today: date) -> date | None:
    try:
        if year:
            return date(year, month, day)
        candidate = date(today.year, month, day)
    except ValueError:
        return None
    # A date well after the article is last year's ("on December 28" in a January article).
    if candidate > today + timedelta(days=7):
        try:
            candidate = date(today.year - 1, month, day)
        except ValueError:
            return None
    return candidate


def resolve_date(text: str, article_date: str | None) -> str | None:
    """ISO date of the event a sentence reports; the article date when no phrase says otherwise."""
    today = parse_iso(article_date)
    explicit = _ISO.search(text)
    if explicit:
        found = parse_iso(explicit.group(0))
        if found:
            return found.isoformat()
    if today is None:
        # Without an anchor only a fully written date can be placed.
        return _written_date(text)
    match = _MONTH_DAY.search(text)
    if match:
        found = _latest(_month_number(match.group(1)), int(match.group(2)),
                        int(match.group(3)) if match.group(3) else None, today)
        if found:
            return found.isoformat()
    match = _DAY_MONTH.search(text)
    if match:
        found = _latest(_month_number(match.group(2)), int(match.group(1)),
                        int(match.group(3)) if match.group(3) else None, today)
        if found:
            return found.isoformat()
    match = _RELATIVE.search(text)
    if match:
        return _relative_date(match, today)
    match = _WEEKDAY.search(text)
    if match:
        weekday = _WEEKDAYS[match.group(2).lower()]
        back = (today.weekday() - weekday) % 7
        if (match.group(1) or "").strip().lower() == "last" and back == 0:
            back = 7
        return (today - timedelta(days=back)).isoformat()
    background = _background_date(text, today)
    return (background or today).isoformat()


def _written_date(text: str) -> str | None:
    """The first fully written date ("March 3, 2024", "3 March 2024"), if the sentence has one."""
    for pattern, month_group, day_group in ((_MONTH_DAY, 1, 2), (_DAY_MONTH, 2, 1)):
        match = pattern.search(text)
        if match and match.group(3):
            try:
                return date(int(match.group(3)), _month_number(match.group(month_group)),
                            int(match.group(day_group))).isoformat()
            except ValueError:
                return None
    return None


def _relative_date(match: re.Match, today: date) -> str:
    """The date a relative phrase ("yesterday", "three days ago") means, counted back from ``today``."""
    phrase = match.group(1).lower()
    if phrase in ("yesterday", "last night", "overnight"):
        return (today - timedelta(days=1)).isoformat()
    if phrase == "the day before yesterday":
        return (today - timedelta(days=2)).isoformat()
    if phrase == "last week":
        return (today - timedelta(days=7)).isoformat()
    if phrase == "earlier this week":
        return (today - timedelta(days=today.weekday() and 1)).isoformat()
    if phrase == "last month":
        first = today.replace(day=1)
        return (first - timedelta(days=1)).replace(day=min(today.day, 28)).isoformat()
    if phrase == "last year":
        return today.replace(year=today.year - 1, day=min(today.day, 28)).isoformat()
    if match.group(2):
        amount = match.group(2).lower()
        count = int(amount) if amount.isdigit() else _NUMBER_WORDS[amount]
        days = count * (7 if match.group(3).lower().startswith("week") else 1)
        return (today - timedelta(days=days)).isoformat()
    return today.isoformat()


# Background in wire copy: "Azerbaijan retook Karabakh in September 2023", "The two
# countries fought a war in 2020". A month or a year before the article's, with no
# day phrase in the sentence, dates the sentence's act (the middle of that month or
# year), unless a subordinate clause opens before it, which leaves the main act
# current.
_IN_MONTH_YEAR = re.compile(r"\b(?:in|during|by|until)\s+(?:late\s+|early\s+|mid-?)?" + _MONTH_NAME
                            + r",?\s+(\d{4})\b", re.I)
_IN_YEAR = re.compile(r"\b(?:in|during)\s+(?:late\s+|early\s+|mid-?)?(\d{4})\b(?!\s*-)", re.I)
# A subordinate clause before the year: the year belongs to it, not to the main act
# ("met, the first time since the civil war began in 2011"; "Georgia, which fought
# Russia in 2008, protested").
_SUBORDINATOR = re.compile(r"\b(?:which|who|whose|when|where|that|since|after|before|while|until|because|as)\b",
                              re.I)


def clause_date(clause: str, sentence_date: str | None) -> str | None:
    """The earlier month or year a reported clause gives its own act, or None: in "Putin
    says that Russian air defence shot down the airliner in December 2024" the shooting
    is of December 2024, although the saying, and so the sentence, is of today."""
    today = parse_iso(sentence_date)
    found = _background_date(clause, today) if today is not None else None
    return found.isoformat() if found else None


# A past act that lasted years ("they fought for 35 years", "occupied the area for
# two decades") began long before the article: it is background, dated at its start.
_FOR_YEARS = re.compile(r"\b(?:fought|battled|clashed|occupied|ruled|waged\s+\w+(?:\s+\w+)?|feuded|warred)\s+"
                        r"(?:each other\s+|one another\s+)?for\s+(?:more than\s+|over\s+|nearly\s+|almost\s+)?"
                        r"(\d{1,3}|two|three|four|five|six|seven|ten|several|many)\s+(years|decades)\b", re.I)


def _lasting_since(text: str, today: date) -> date | None:
    match = _FOR_YEARS.search(text)
    if match is None or _SUBORDINATOR.search(text[:match.start()]):
        return None
    amount = match.group(1).lower()
    count = int(amount) if amount.isdigit() else _NUMBER_WORDS.get(amount, 3)
    years = count * (10 if match.group(2).lower() == "decades" else 1)
    return date(today.year - years, 7, 1) if 1 <= years < 200 else None


def _background_date(text: str, today: date) -> date | None:
    lasting = _lasting_since(text, today)
    if lasting is not None:
        return lasting
    for pattern in (_IN_MONTH_YEAR, _IN_YEAR):
        match = pattern.search(text)
        if match is None or _SUBORDINATOR.search(text[:match.start()]):
            continue
        year = int(match.group(match.lastindex))
        if pattern is _IN_MONTH_YEAR:
            found = date(year, _month_number(match.group(1)), 15) if 1900 < year else None
            if found and (found.year, found.month) < (today.year, today.month):
                return found
        elif 1900 < year < today.year:
            return date(year, 7, 1)
    return None


# -- datelines ---------------------------------------------------------------
# A wire dateline opens an article's first paragraph: the place in capitals or
# with a date or an agency, then a dash or a colon ("NEW DELHI, May 7, 2025 —",
# "MOSCOW (Reuters) -", "Baku, 3 March 2024:", "KABUL, Afghanistan (AP) --").
_PLACE_WORD = r"[A-Z][\w.'’-]*"
_MONTH_ANY_CASE = "(?i:" + _MONTH_NAME + ")"
_DATELINE = re.compile(
    r"^(?P<place>" + _PLACE_WORD + r"(?: " + _PLACE_WORD + r"){0,3}"
    r"(?:, (?!" + _MONTH_ANY_CASE + r"\b)" + _PLACE_WORD + r"(?: " + _PLACE_WORD + r"){0,2})?)"
    r"(?:,? (?P<date>" + _MONTH_ANY_CASE + r" \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?"
    r"|\d{1,2}(?:st|nd|rd|th)? " + _MONTH_ANY_CASE + r"(?:,? \d{4})?))?"
    r"(?: ?\((?P<agency>[^()\n]{1,40})\))?"
    r" ?(?P<dash>—|–|--|-|:)(?= )")


class Dateline:
    """A dateline found at the start of a paragraph: its place as written, the date it
    gives (ISO, or None), and where the paragraph's own words begin."""

    __slots__ = ("date", "end", "place")

    def __init__(self, place: str, date: str | None, end: int):
        self.place, self.date, self.end = place, date, end

    def __repr__(self) -> str:
        return f"Dateline({self.place!r}, {self.date!r}, {self.end})"


def parse_dateline(paragraph: str, article_date: str | None = None) -> Dateline | None:
    """The dateline opening ``paragraph``, or None.

    The place must be written in capitals ("MOSCOW") or come with a date or an
    agency; a title-case place with a bare dash ("Moscow - the talks") is prose. A
    date without a year takes it from ``article_date`` and is None without one.
    """
    lead = len(paragraph) - len(paragraph.lstrip())
    match = _DATELINE.match(paragraph[lead:lead + 160])
    if not match:
        return None
    place = match.group("place")
    letters = [ch for ch in place.split(",")[0] if ch.isalpha()]
    if not (match.group("date") or match.group("agency")) and not all(ch.isupper() for ch in letters):
        return None
    if match.group("dash") == "-" and not (match.group("date") or match.group("agency")) and len(letters) < 3:
        return None
    found = resolve_date(match.group("date"), article_date) if match.group("date") else None
    end = lead + match.end()
    while end < len(paragraph) and paragraph[end] == " ":
        end += 1
    return Dateline(place.strip(" ,"), found, end)
