"""How an actor phrase's words are read: sector words, titles, names after titles.
The small word classes that decide them are data (data/function_words.tsv)."""
from __future__ import annotations

import re
from dataclasses import replace

from ..function_words import alternation, function_words, word_rows
from ..tables import DataFileError
from .entries import ANCHOR_KINDS, SECTOR_SUFFIX, Analysis, Match
from .tokens import Token

# The word classes of data/function_words.tsv (the file says what each is for).
DETERMINERS = function_words("determiner")
_PLACE_PREPOSITIONS = function_words("place_preposition")
AFFIX_BEFORE = function_words("affix_before")
AFFIX_AFTER = function_words("affix_after")
GLUE = re.compile(rf"^(?:{alternation('phrase_glue')})$", re.IGNORECASE)
FORMER = function_words("former")
NOT_NAME = function_words("not_name")
NAME_SUFFIXES = function_words("name_suffix")
NAME_PARTICLES = function_words("name_particle")
PREDICATE_WORDS = function_words("predicate_word")


def _dominant_sectors() -> tuple[str, ...]:
    """The sectors that decide a phrase whatever its head word says, in order; each must be a sector."""
    rows = word_rows("dominant_sector")
    for row in rows:
        if row["word"] not in SECTOR_SUFFIX:
            raise DataFileError(f"{row.where}: column word: unknown sector {row['word']!r}")
    return tuple(row["word"] for row in rows)


_DOMINANT_SECTORS = _dominant_sectors()


def as_of(match: Match, date: str | None) -> Match:
    """The match with only the dated institution entries that hold on ``date``.

    Undated entries always hold; among dated ones the entry covering the date
    wins, else (no date, or a date outside every span) the latest one.
    """
    dated = [e for e in match.entries if e.kind == "institution" and (e.start or e.end)]
    if len(dated) < 2:
        return match
    chosen = None
    if date is not None:
        chosen = next((e for e in dated if (e.start or "") <= date and (e.end is None or date < e.end)), None)
    if chosen is None:
        chosen = max(dated, key=lambda e: (e.end is None, e.end or "", e.start or ""))
    return Match(match.start, match.end, tuple(e for e in match.entries if e not in dated or e is chosen))


def singular_titles(analysis: Analysis) -> list[str]:
    """The titles of a phrase, full then head word ("foreign minister", "minister"); plurals left out."""
    titles: list[str] = []
    for match in analysis.matches:
        entry = match.first("sector")
        if entry is None or not entry.is_title:
            continue
        words = [t.key for t in analysis.tokens[match.start:match.end] if t.key != "-"]
        if not words or words[-1].endswith("s"):
            continue
        for title in (" ".join(words), words[-1]):
            if title not in titles:
                titles.append(title)
    return titles


def share_coordinated_sectors(text: str, tokens: list[Token], mentions: list) -> list:
    """"Azerbaijani and Turkish troops": the first adjective shares the sector of the second."""
    for index in range(len(mentions) - 2, -1, -1):
        start, end, actor, chunk = mentions[index]
        next_start, _next_end, next_actor, next_chunk = mentions[index + 1]
        if actor.sector is not None or len(chunk) != 1 or next_actor.sector is None or not next_actor.country:
            continue
        first, following = chunk[0][2], next_chunk[0][2]
        if first is None or following is None:
            continue
        first_country, next_country = first.first("country"), following.first("country")
        if not (first_country and first_country.adjective and next_country and next_country.adjective):
            continue
        if text[end:next_start].strip().lower() not in ("and", "or", ",", ", and", "and the"):
            continue
        shared = replace(actor, code=actor.country + SECTOR_SUFFIX.get(next_actor.sector, ""),
                         sector=next_actor.sector)
        mentions[index] = (start, end, shared, chunk)
    return mentions


def split_cell(cell: str) -> list[str]:
    return [part.strip() for part in (cell or "").split("|") if part.strip()]


def demonym_forms(adjective: str) -> list[str]:
    """An adjective and its plural as a noun ("Azerbaijani" -> "Azerbaijanis")."""
    lowered = adjective.lower()
    if lowered.endswith(("ese", "sh", "ss", "x")) or (lowered.endswith("ch") and lowered != "czech"):
        return [adjective]  # "Chinese", "British", "Swiss", "Dutch" have no plural in -s
    return [adjective, adjective + "s"]


_HYPHENATED_NAME = re.compile(r"(?<=[^\W\d_])-([^\W\d_])")


def name_forms(name: str) -> list[str]:
    """A person's name as written in the table and with its hyphens as spaces: news
    copy writes "Lee Jae-myung" also "Lee Jae Myung", "Kim Jong-un" "Kim Jong Un"."""
    spaced = _HYPHENATED_NAME.sub(lambda m: " " + m.group(1).upper(), name)
    return [name] if spaced == name else [name, spaced]


def spelling_forms(phrase: str) -> list[str]:
    """British and American spellings of the same phrase."""
    forms = {phrase}
    pairs = (("Organization", "Organisation"), ("organization", "organisation"),
             ("defense", "defence"), ("Defense", "Defence"), ("center", "centre"), ("Center", "Centre"))
    for a, b in pairs:
        for form in list(forms):
            if a in form:
                forms.add(form.replace(a, b))
            if b in form:
                forms.add(form.replace(b, a))
    return sorted(forms)


def pick_sector(matches: list[Match]) -> tuple[str | None, str | None, bool]:
    """(sector, role of the title, whether there is a title) of a phrase's sector words.

    The head word (the last one) decides, except that rebels and the
    opposition dominate ("rebel forces", "opposition lawmakers").
    """
    sector_entries = [m.first("sector") for m in matches]
    sector_entries = [e for e in sector_entries if e is not None]
    if not sector_entries:
        return None, None, False
    titles = [e for e in sector_entries if e.is_title]
    role = next((e.role for e in titles if e.role), None)
    for dominant in _DOMINANT_SECTORS:
        if any(e.value == dominant for e in sector_entries):
            return dominant, role, bool(titles)
    return sector_entries[-1].value, role, bool(titles)


def after_place_word(tokens: list[Token], match: Match) -> bool:
    i = match.start - 1
    while i >= 0 and tokens[i].key in DETERMINERS:
        i -= 1
    return i >= 0 and tokens[i].key in _PLACE_PREPOSITIONS


def names_after_titles(tokens: list[Token], matches: list[Match]) -> tuple[list[tuple[int, int]], set[int]]:
    """Runs of unknown capitalised words right after a title ("Defence Minister John Doe"),
    or after the state or body the title is "of" ("the President of Guyana Irfaan Ali").

    Returns the runs (token ranges) and the ids of person matches swallowed by
    a run: in "Foreign Minister Anna Johnson" the surname "Johnson" of a known
    person belongs to an unknown one.
    """
    covering: dict[int, Match] = {}
    for m in matches:
        for i in range(m.start, m.end):
            covering[i] = m
    names: list[tuple[int, int]] = []
    absorbed: set[int] = set()
    starts = {m.start: m for m in matches}
    for m in matches:
        entry = m.first("sector")
        if entry is None or not entry.is_title:
            continue
        begin = m.end
        after_of = begin + 1
        while after_of < len(tokens) and tokens[after_of].key in DETERMINERS:
            after_of += 1  # "the president of the United States Jane Roe"
        owner = starts.get(after_of)
        if begin < len(tokens) and tokens[begin].key == "of" and owner is not None \
                and owner.first(*ANCHOR_KINDS) and not tokens[owner.end - 1].possessive:
            begin = owner.end  # "the President of Guyana Irfaan Ali": the name follows the state
        i = begin
        swallowed: list[Match] = []
        while i < len(tokens):
            if i > begin and tokens[i].key == "-" and i + 1 < len(tokens) and i + 1 not in covering \
                    and tokens[i - 1].after == tokens[i].start and tokens[i].end == tokens[i + 1].start \
                    and tokens[i + 1].key not in AFFIX_AFTER:
                i += 2  # "Kim Do-hyun", "Lee Jae-myung": a given name joined by a hyphen
                continue
            if not (tokens[i].is_capitalised and tokens[i].key not in NOT_NAME):
                # "Omer al-Bashir", "Ursula von der Leyen": particles inside a name
                j = i
                while j < len(tokens) and j not in covering and (
                        tokens[j].key in NAME_PARTICLES or tokens[j].key == "-"):
                    j += 1
                if j == i or i == begin or j >= len(tokens) or not tokens[j].is_capitalised \
                        or tokens[j].key in NOT_NAME:
                    break
                i = j
            inner = covering.get(i)
            if inner is not None:
                only_people = all(e.kind in ("person", "learned") for e in inner.entries)
                # "Foreign Minister John Jordan": a one-word place inside a name already begun
                place_in_name = (inner.end - inner.start == 1 and tokens[i - 1].after == tokens[i].start - 1
                                 and all(e.kind in ("person", "learned", "country") for e in inner.entries))
                # "Defence Minister Kim Do-hyun" after "Kim" was learned from Kim Jong Un: a word
                # learned in the article, then more of a name nothing knows, is another person
                learned_begins = (i == begin and inner.end - inner.start == 1 and inner.end < len(tokens)
                                  and all(e.kind == "learned" for e in inner.entries)
                                  and inner.end not in covering and tokens[inner.end].is_capitalised
                                  and tokens[inner.end].key not in NOT_NAME and not tokens[i].possessive
                                  and tokens[i].after == tokens[inner.end].start - 1)
                if (i == begin and not learned_begins) or not (only_people or place_in_name):
                    break  # a known person right after the title, or another actor
                swallowed.append(inner)
                i = inner.end
            else:
                i += 1
            if tokens[i - 1].possessive:
                break
        if i > begin:
            names.append((begin, i))
            absorbed.update(id(x) for x in swallowed)
    return names, absorbed


def name_text(tokens: list[Token], names: list[tuple[int, int]]) -> str | None:
    """The first unknown name of a phrase, as written (without a possessive)."""
    if not names:
        return None
    start, end = names[0]
    parts = [tokens[start].text]
    for before, token in zip(tokens[start:end - 1], tokens[start + 1:end]):
        parts.append(token.text if token.start == before.after else " " + token.text)
    return "".join(parts)
