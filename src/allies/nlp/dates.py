"""When an event happened, from the article's date and the sentence's words.

News reports past events relative to the day they are written: "on Monday"
is the latest Monday on or before the article date, "yesterday" the day
before it, "on December 5" the latest December 5 not after it (give or take a
week, so announced dates just ahead still land in the current year).

History is dated as history, so that a window of recent months leaves it out:
a past month or year ("in 2016"), a span of years at its end ("from 1998 to
2000"), "after June 2020" the month after; "earlier this month" is the middle of
the month so far, and a phrase of the story ("days earlier", "a week later")
counts from the sentence before (:class:`StoryDates`). A time phrase dates the act
of its own clause: one in a subordinate clause leaves the main act current
(:func:`parsed_main_clause` with a parse, a subordinator before it without), and
the coder dates the subordinate act by it (:func:`clause_date`). The words are
data (``data/date_words.tsv``); this module holds the mechanism.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache

from .tables import Column, Schema, one_of, read_tsv, word

DATA_FILE = "date_words.tsv"
# Whether a time phrase at character offsets (start, end) of a sentence dates its main
# clause (from a parse); end is given for a relative phrase ("the previous day"), which
# dates the noun it hangs on where it hangs on one ("a drone attack the previous day").
MainClause = Callable[[int, "int | None"], bool]

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


def resolve_date(text: str, article_date: str | None, story_date: str | None = None,
                 main_clause: MainClause | None = None) -> str | None:
    """ISO date of the event a sentence reports; the article date when no phrase says otherwise.

    ``story_date`` is the date of the sentence before, which phrases such as "days earlier"
    count from (see :class:`StoryDates`); without it they count from the article's date.
    ``main_clause`` says from a parse whether a character offset of ``text`` lies in the
    sentence's main clause (:func:`parsed_main_clause`): a past time outside it is the time
    of a subordinate clause, not of the sentence's act.
    """
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
    relative = _relative_date(text, today, parse_iso(story_date), main_clause)
    if relative is not None:
        return relative.isoformat()
    match = _WEEKDAY.search(text)
    if match:
        weekday = _WEEKDAYS[match.group(2).lower()]
        back = (today.weekday() - weekday) % 7
        if (match.group(1) or "").strip().lower() == "last" and back == 0:
            back = 7
        return (today - timedelta(days=back)).isoformat()
    background = _background_date(text, today, main_clause)
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


def _relative_date(text: str, today: date, story: date | None, main_clause: MainClause | None = None,
                   in_clause: bool = False) -> date | None:
    """The date a relative phrase ("yesterday", "three days ago", "days earlier", "earlier this
    month") means, or None: counted from the article's date ``today`` or, for a phrase of the
    story ("a week earlier"), from ``story``, the date of the sentence before. The first
    phrase that dates the clause counts; ``in_clause``: ``text`` is a clause already."""
    words = _date_words()
    for match in words.pattern.finditer(text):
        found = _phrase_date(text, match, words, today, story, main_clause, in_clause)
        if found is not None:
            return found
    return None


def _phrase_date(text: str, match: re.Match, words: _DateWords, today: date, story: date | None,
                 main_clause: MainClause | None, in_clause: bool) -> date | None:
    if _not_a_count(text, match, words):
        return None
    if match.group("phrase"):
        anchor, shift = words.phrases[match.group("phrase").lower()]
    else:
        count = (match.group("count") or "-").lower().replace(",", "")
        number = int(count) if count.isdigit() else words.counts[re.sub(r"\s+", " ", count)]
        unit = (match.group("unit") or match.group("unit_plural")).lower()
        days, months = words.units[unit]
        anchor, sign = words.relatives[match.group("relative").lower()]
        shift = (sign, number * days, number * months)
        if number * (days + 31 * months) > 365 * 150:
            return None  # "2,300 years ago": an age, not a date in the news
    # A time in a clause below the main one is that clause's time, as a background year is
    # ("Hasina, whose government fell last year, has lived in India since"). Without a parse
    # only a month or more back is tested (a subordinator anywhere before it is a weak sign,
    # and "said that ... yesterday" is common); with one, every phrase is.
    far = shift[0] == "so_far" and shift[1] == "year" or shift[0] != "so_far" and shift[2]
    if (main_clause is not None or far) and not _main_clause(text, match, main_clause, in_clause):
        return None
    start = story if anchor == "story" and story is not None and story <= today else today
    if shift[0] == "so_far":
        return _so_far(shift[1], today)
    sign, days, months = shift
    found = _add_months(start, -months if sign == "-" else months) - timedelta(days=days if sign == "-" else -days)
    return min(found, today)


def _not_a_count(text: str, match: re.Match, words: _DateWords) -> bool:
    """Whether a bare plural ("years ago") is part of a larger number ("166 million years
    ago", "hundreds of years ago"), or a phrase is a possessive ("the previous year's record")."""
    if text[match.end():match.end() + 2] in ("'s", "’s"):
        return True
    if match.group("unit_plural"):
        before = text[:match.start()].split()
        return bool(before) and (before[-1][-1:].isdigit() or before[-1].lower() in words.scale)
    return False


def _so_far(period: str, today: date) -> date:
    """The middle of the week, month or year so far: "earlier this month"."""
    if period == "week":
        first = today - timedelta(days=today.weekday())
    elif period == "month":
        first = today.replace(day=1)
    else:
        first = today.replace(month=1, day=1)
    return first + (today - first) / 2


def _add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, its day of the month kept up to the 28th."""
    if not months:
        return day
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, min(day.day, 28))


class _DateWords:
    """The date words of ``data/date_words.tsv``, with the expression that finds them."""

    def __init__(self, rows):
        self.phrases: dict[str, tuple] = {}
        self.counts: dict[str, int] = {}
        self.units: dict[str, tuple[int, int]] = {}
        self.relatives: dict[str, tuple[str, str]] = {}
        self.scale: set[str] = set()
        self.words: dict[str, list[str]] = {kind: [] for kind in _WORD_KINDS}
        for row in rows:
            kind, words, value = row["kind"], row["words"], row["value"]
            if kind == "phrase":
                anchor, amount, unit = value.split()
                if amount == "so_far":
                    self.phrases[words] = (anchor, ("so_far", unit))
                else:
                    self.phrases[words] = (anchor, (amount[0], *_amount(int(amount[1:]), unit)))
            elif kind == "count":
                self.counts[words] = int(value)
            elif kind == "unit":
                amount, unit = value.split()
                self.units[words] = _amount(int(amount), unit)
            elif kind == "scale":
                self.scale.add(words)
            elif kind == "relative":
                anchor, sign = value.split()
                self.relatives[words] = (anchor, sign)
            else:
                self.words[kind].append(words)

        def alternation(words) -> str:
            return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
        counts = alternation(w for w in self.counts if w != "-")
        # a counted phrase ("three days ago", "a week earlier") or a plural with no count
        # ("days earlier"); the fixed phrases after it, longest first
        self.pattern = re.compile(
            rf"\b(?:(?:(?P<count>\d[\d,]*|{counts})\s+(?P<unit>{alternation(self.units)})s?"
            rf"|(?P<unit_plural>{alternation(self.units)})s)\s+(?P<relative>{alternation(self.relatives)})"
            rf"|(?P<phrase>{alternation(self.phrases)}))\b", re.I)

    def alternation(self, kind: str) -> str:
        return "|".join(re.escape(w) for w in sorted(self.words[kind], key=len, reverse=True))


def _amount(count: int, unit: str) -> tuple[int, int]:
    """(days, months) of ``count`` units of ``unit`` ("day" or "month")."""
    return (count, 0) if unit == "day" else (0, count)


_WORD_KINDS = ("at", "after", "range_start", "range_end", "subordinator", "own_time")
_KINDS = ("phrase", "count", "unit", "relative", "scale", *_WORD_KINDS)


def _check_value(value: str) -> str | None:
    if value == "-" or re.fullmatch(r"\d+|\d+ (?:day|month)|(?:article|story) [-+](?:\d+ (?:day|month))?"
                                    r"|(?:article|story) so_far (?:week|month|year)", value):
        return None
    return f"{value!r} is not a date-word value (see the file's header)"


SCHEMA = Schema((Column("kind", one_of(_KINDS, "date-word kind")), Column("words", word),
                 Column("value", _check_value)))


@lru_cache(maxsize=1)
def date_word_rows() -> tuple:
    """Every row of the date-word file, in file order (for `allies kb rules`)."""
    return tuple(read_tsv(__package__, DATA_FILE, SCHEMA))


@lru_cache(maxsize=1)
def _date_words() -> _DateWords:
    return _DateWords(date_word_rows())


class StoryDates:
    """Dates an article's sentences in order, each phrase of the story ("days earlier",
    "a week later") counted from the date of the sentence before it."""

    def __init__(self, article_date: str | None):
        self.article_date = article_date
        self.last: str | None = None

    def date(self, text: str, main_clause: MainClause | None = None) -> str | None:
        self.last = resolve_date(text, self.article_date, self.last, main_clause)
        return self.last


def opens_clause(verb) -> bool:
    """Whether a parsed verb sits in a clause below its sentence's main one."""
    token = verb
    while token.head.i != token.i:
        if token.pos_ in ("VERB", "AUX") and token.dep_ in _CLAUSE_DEPS:
            return True
        token = token.head
    return False


# Dependencies that open a clause of its own below the main one: a past time inside one is
# that clause's ("is charged for killing patients between 2021 and 2024": the charge is now).
# An infinitive (xcomp) belongs to its verb's act ("agreed to restore ties in March 2023").
_CLAUSE_DEPS = frozenset({"advcl", "acl", "relcl", "pcomp", "ccomp", "csubj", "csubjpass", "parataxis"})


def parsed_main_clause(span) -> MainClause:
    """A :data:`MainClause` test from a spaCy span (a sentence, or a clause): an offset
    lies in the main clause when no verb on its token's way up to the span's root opens a
    clause of its own. Offsets are in the span's text with leading space stripped."""
    lead = len(span.text) - len(span.text.lstrip())
    root = span.root

    own_time = frozenset(_date_words().words["own_time"])

    def main(start: int, end: int | None = None) -> bool:
        token = next((t for t in span if t.idx - span.start_char >= start + lead), None)
        first = token
        if token is not None and end is not None:
            # the word the phrase hangs on: a common noun has the time ("the floods a week ago")
            inside = {t.i for t in span if start + lead <= t.idx - span.start_char < end + lead}
            top = token
            while top.head.i in inside and top.head.i != top.i:
                top = top.head
            # (not an adjective: "an overnight drone attack" is the attack's own time, and the
            # act's; nor a name, nor one word: the parser often hangs a clause's adverb,
            # "fires missiles at Ukraine overnight", on the nearest noun)
            if len(inside) > 1 and top.head.i != top.i and top.head.pos_ == "NOUN" and top.dep_ != "amod":
                return False
        while token is not None and token.i != root.i and token.head.i != token.i:
            if token.pos_ in ("VERB", "AUX") and token.dep_ in _CLAUSE_DEPS:
                return False
            if token is not first and token.dep_ == "prep" and token.lower_ in own_time:
                return False  # "following a railway explosion earlier this month": the explosion's time
            token = token.head
        return True
    return main


def _main_clause(text: str, match: re.Match, main_clause: MainClause | None, in_clause: bool = False) -> bool:
    """Whether a time phrase lies in the sentence's main clause: the parse says so where
    there is one; else no subordinator opens before it (``in_clause``: ``text`` is a clause
    cut at its subordinator already)."""
    if main_clause is not None:
        return main_clause(match.start(), match.end() if match.re is _date_words().pattern else None)
    return in_clause or not _background().subordinator.search(text[:match.start()])


# Background in wire copy: "Azerbaijan retook Karabakh in September 2023", "The two
# countries fought a war in 2020", "fought a border war from 1998 to 2000". A month or a
# year before the article's, with no day phrase in the sentence, dates the sentence's act
# (the middle of that month or year; a span at its end, when it was last true; "after June
# 2020" the month after), unless a subordinate clause opens before it, which leaves the
# main act current ("Georgia, which fought Russia in 2008, protested"). The words that
# open these phrases are data (the at, after, range_* and subordinator rows of
# date_words.tsv).
_QUALIFIER = r"(?:(?:late|early|mid)(?:\s+|-))?"


class _BackgroundPatterns:
    def __init__(self, words: _DateWords):
        at, after, subordinator = (words.alternation(k) for k in ("at", "after", "subordinator"))
        start, end = words.alternation("range_start"), words.alternation("range_end")
        not_span = r"\b(?!\s*[-–]\s*\d)"
        self.subordinator = re.compile(rf"\b(?:{subordinator})\b", re.I)
        self.at_month_year = re.compile(rf"\b(?:{at})\s+{_QUALIFIER}{_MONTH_NAME},?\s+(\d{{4}}){not_span}", re.I)
        self.at_year = re.compile(rf"\b(?:{at})\s+{_QUALIFIER}(\d{{4}}){not_span}", re.I)
        self.at_decade = re.compile(rf"\b(?:{at})\s+the\s+{_QUALIFIER}(\d{{3}}0)s\b", re.I)
        self.after = re.compile(rf"\b(?:{after})\s+{_QUALIFIER}(?:{_MONTH_NAME},?\s+)?(\d{{4}}){not_span}", re.I)
        month_of = rf"(?:{_MONTH_NAME},?\s+)?"
        self.span = re.compile(rf"\b(?:{start})\s+{_QUALIFIER}{month_of}(\d{{4}})\s+(?:{end})\s+{_QUALIFIER}"
                               rf"{month_of}(\d{{4}})\b", re.I)
        self.dashed_span = re.compile(rf"\b(?:{at}|{start})\s+(\d{{4}})\s*[-–]\s*(\d{{4}}|\d{{2}})\b", re.I)


@lru_cache(maxsize=1)
def _background() -> _BackgroundPatterns:
    return _BackgroundPatterns(_date_words())


def clause_date(clause: str, sentence_date: str | None, main_clause: MainClause | None = None) -> str | None:
    """The earlier month or year a reported or subordinate clause gives its own act, or
    None: in "Putin says that Russian air defence shot down the airliner in December 2024"
    the shooting is of December 2024, although the saying, and so the sentence, is of
    today; so is the killing in "a court sentences him for killing a soldier in January
    2024". ``main_clause`` tests offsets of ``clause`` against its own main clause."""
    today = parse_iso(sentence_date)
    if today is None:
        return None
    found = _background_date(clause, today, main_clause, in_clause=True)
    if found is None:
        # "Amnesty says Riyadh executed 345 people last year", "an attack the previous day"
        found = _relative_date(clause, today, None, main_clause, in_clause=True)
        found = found if found is not None and found < today else None
    return found.isoformat() if found else None


# A past act that lasted years ("they fought for 35 years", "occupied the area for
# two decades") began long before the article: it is background, dated at its start.
_FOR_YEARS = re.compile(r"\b(?:fought|battled|clashed|occupied|ruled|waged\s+\w+(?:\s+\w+)?|feuded|warred)\s+"
                        r"(?:each other\s+|one another\s+)?for\s+(?:more than\s+|over\s+|nearly\s+|almost\s+)?"
                        r"(\d{1,3}|two|three|four|five|six|seven|ten|several|many)\s+(years|decades)\b", re.I)


def _lasting_since(text: str, today: date) -> date | None:
    match = _FOR_YEARS.search(text)
    if match is None or _background().subordinator.search(text[:match.start()]):
        return None
    amount = match.group(1).lower()
    count = int(amount) if amount.isdigit() else _date_words().counts.get(amount, 3)
    years = count * (10 if match.group(2).lower() == "decades" else 1)
    return date(today.year - years, 7, 1) if 1 <= years < 200 else None


def _month_or_year(year: int, month: str | None, today: date) -> date | None:
    """The middle of a month or a year that ended before the article's month or year."""
    if not 1900 < year:
        return None
    if month:
        found = date(year, _month_number(month), 15)
        return found if (found.year, found.month) < (today.year, today.month) else None
    return date(year, 7, 1) if year < today.year else None


def _background_date(text: str, today: date, main: MainClause | None = None, in_clause: bool = False) -> date | None:
    lasting = _lasting_since(text, today)
    if lasting is not None:
        return lasting
    patterns = _background()

    def main_clause(match: re.Match | None) -> bool:
        return match is not None and _main_clause(text, match, main, in_clause)

    for match in patterns.span.finditer(text):
        if main_clause(match):
            return _month_or_year(int(match.group(4)), match.group(3), today)
    match = patterns.dashed_span.search(text)
    if main_clause(match):
        first, last = match.group(1), match.group(2)
        end = int(first[:2] + last) if len(last) == 2 else int(last)
        return _month_or_year(end + (100 if end < int(first) else 0), None, today)
    match = patterns.at_month_year.search(text)
    if main_clause(match):
        found = _month_or_year(int(match.group(2)), match.group(1), today)
        if found:
            return found
    match = patterns.at_year.search(text)
    if main_clause(match):
        found = _month_or_year(int(match.group(1)), None, today)
        if found:
            return found
    match = patterns.at_decade.search(text)
    if main_clause(match) and int(match.group(1)) + 9 < today.year:
        return date(int(match.group(1)) + 5, 1, 1)
    match = patterns.after.search(text)
    if main_clause(match):
        year, month = int(match.group(2)), match.group(1)
        found = _month_or_year(year, month, today)
        if found is not None:
            # just after the month or the year named, if that is still before the article's
            after_it = _add_months(found.replace(day=1), 1) if month else date(year + 1, 1, 1)
            if after_it < today and (month or year + 1 < today.year):
                return after_it
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
