"""Words as the actor knowledge base compares them: folded, tokenized, case-classed.

Case matters where an alias says so: a short acronym ("US", "WHO") only matches
capitals, a capitalised alias ("Turkey", "NATO") only a capitalised word ("Nato"
is a common spelling), and lower-case words (sector words) match any case.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

_TOKEN = re.compile(r"[^\W_]+(?:[.'’][^\W_]+)*|[-&+]")
_SPACED_POSSESSIVE = re.compile(r"\s*['’]\s*$")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, accents removed, curly apostrophes straightened."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.replace("’", "'").replace("‘", "'").lower()


@dataclass(frozen=True)
class Token:
    key: str  # folded, dots removed, possessive removed
    start: int
    end: int
    text: str
    after: int  # where the word ends in the text, possessive included
    possessive: bool = False

    @property
    def is_upper(self) -> bool:
        letters = [ch for ch in self.text if ch.isalpha()]
        return bool(letters) and all(ch.isupper() for ch in letters)

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str) -> list[Token]:
    """Words (with their offsets) as the knowledge base compares them (see
    :func:`_tokenize`; the same phrases come back many times in an article)."""
    return list(_tokenize(text))


@lru_cache(maxsize=20_000)
def _tokenize(text: str) -> tuple[Token, ...]:
    """Words (with their offsets) as the knowledge base compares them.

    "U.S." is one word keyed "us"; "Moscow's" is "moscow", marked possessive,
    as is "Azerbaijanis'" ; a hyphen is a word of its own, so "Russia-Ukraine"
    names two states and "Guinea-Bissau" matches as three words.
    """
    tokens = []
    length = len(text)
    for match in _TOKEN.finditer(text):
        raw = match.group()
        start, end = match.span()
        after = end
        possessive = False
        folded = fold(raw)
        if folded.endswith("'s") and len(folded) > 2:
            raw, folded, end, possessive = raw[:-2], folded[:-2], end - 2, True
        elif folded.endswith("s") and end < length and text[end] in "'’" and (
                end + 1 == length or not text[end + 1].isalnum()):
            after, possessive = end + 1, True
        elif "." in raw and end < length and text[end] == ".":
            end = after = end + 1  # "U.S." keeps its last dot
        if folded == "s" and tokens and _SPACED_POSSESSIVE.match(text, tokens[-1].end, start):
            # "the government ' s ability": text tokenised with spaces around the apostrophe
            tokens[-1] = replace(tokens[-1], possessive=True, after=end)
            continue
        tokens.append(Token(folded.replace(".", ""), start, end, text[start:end], after, possessive))
    return tuple(tokens)


def name_key(name: str) -> str:
    """A person's name as a lookup key: "George W. Bush" and "george w bush" agree."""
    return " ".join(t.key for t in tokenize(name) if t.key != "-") or fold(name)


# Case classes of alias tokens (see the module docstring).
_EXACT, _CAP, _ANY = 2, 1, 0


def case_class(token_text: str) -> int:
    letters = [ch for ch in token_text if ch.isalpha()]
    if 2 <= len(letters) <= 3 and all(ch.isupper() for ch in letters):
        return _EXACT  # "US", "UN", "WHO", "U.K.", "MI6": short acronyms that are also words
    if token_text[:1].isupper():
        return _CAP  # "Turkey", "G7", and longer acronyms also written "Nato", "Opec", "Ecowas"
    return _ANY  # "troops", "of", "-"


def case_ok(classes: tuple[int, ...], tokens: list[Token]) -> bool:
    for cls, token in zip(classes, tokens):
        if cls == _EXACT and not token.is_upper:
            return False
        if cls == _CAP and not token.is_capitalised:
            return False
    return True

