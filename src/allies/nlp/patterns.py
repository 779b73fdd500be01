"""The coder's word tables, read once from ``data/*.tsv``.

- verb patterns: lemma + frame (prepositions/particles, object nouns) -> CAMEO
- noun patterns: event nouns ("invasion", "air strike") -> CAMEO
- support verbs: verbs that hand their event to their object noun
- voice words: negation, modals, condition markers, verbs of saying and the
  verbs that govern a "to"-clause (intent, appeal, demand, reject, threaten ...)
- carrier codes: how such a verb recodes the event of its clause
- symmetric codes: events coded both ways when two actors do them together
- irregular verbs: past forms for the rule-based path
- coreference words: "the two leaders", "the country" and the like
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def _rows(name: str) -> list[list[str]]:
    """Rows of a TSV data file, without comments, blank lines or the header."""
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    rows = [row for row in csv.reader(
        (line for line in text.splitlines() if line.strip() and not line.startswith("#")),
        delimiter="\t", quoting=csv.QUOTE_NONE)]
    return rows[1:]


@dataclass(frozen=True)
class Frame:
    """One way a verb codes: the words it needs besides itself, and the code."""

    preps: frozenset[str]        # prepositions/particles that must hang on the verb
    object_groups: tuple[frozenset[str], ...]  # each group needs one of its lemmas among the objects
    cameo: str
    order: int                   # position in the file, to break ties

    @property
    def objects(self) -> frozenset[str]:
        """Every object lemma the frame names (empty: any object or none)."""
        return frozenset().union(*self.object_groups)

    @property
    def specificity(self) -> int:
        return len(self.preps) + 2 * len(self.object_groups)

    def accepts(self, preps: set[str], objects: set[str]) -> bool:
        return self.preps <= preps and all(group & objects for group in self.object_groups)


CARRIER_KINDS = ("intent", "appeal", "demand", "reject", "threaten")
CARRIER_GENERAL = {"intent": "030", "appeal": "020", "demand": "100", "reject": "120", "threaten": "130"}


class PatternBook:
    """All word tables; build with :func:`pattern_book` (cached)."""

    def __init__(self) -> None:
        self.verbs: dict[str, list[Frame]] = {}
        for order, row in enumerate(_rows("verb_patterns.tsv")):
            if len(row) < 3 or not row[-1].strip().isdigit():
                raise ValueError(f"verb_patterns.tsv: expected verb, frame, code: {row!r}")
            # the frame's items may also sit in columns of their own
            lemma, frame, code = row[0].strip().lower(), " ".join(c.strip() for c in row[1:-1]), row[-1].strip()
            preps, groups = set(), []
            if frame != "-":
                for item in frame.split():
                    if item.startswith("="):
                        groups.append(frozenset(item[1:].split("|")))
                    else:
                        preps.add(item)
            self.verbs.setdefault(lemma, []).append(Frame(frozenset(preps), tuple(groups), code, order))
        for frames in self.verbs.values():
            frames.sort(key=lambda f: (-f.specificity, f.order))

        self.nouns: dict[str, str] = {}
        self.noun_verbs: dict[str, str] = {}  # "deployment" -> "deploy": the verb whose frames refine it
        for row in _rows("noun_patterns.tsv"):
            noun = row[0].strip().lower()
            self.nouns.setdefault(noun, row[1].strip())
            if len(row) > 2 and row[2].strip():
                self.noun_verbs[noun] = row[2].strip().lower()
        self.support_verbs = frozenset(row[0].strip().lower() for row in _rows("support_verbs.tsv"))

        self.voice: dict[str, set[str]] = {}
        self.word_category: dict[str, set[str]] = {}
        for row in _rows("voice_words.tsv"):
            word, category = row[0].strip().lower(), row[1].strip()
            self.voice.setdefault(category, set()).add(word)
            self.word_category.setdefault(word, set()).add(category)

        self.carriers: dict[str, dict[str, str]] = {}
        for row in _rows("carrier_codes.tsv"):
            self.carriers[row[0].strip()] = {kind: value.strip() for kind, value in zip(CARRIER_KINDS, row[1:])}

        mutual = [(row[0].strip().lower(), row[1].strip() == "yes") for row in _rows("symmetric_codes.tsv")]
        self.symmetric = tuple(item for item, _ in mutual if item[:1].isdigit())
        self.symmetric_with = tuple(item for item, both in mutual if item[:1].isdigit() and both)
        self.mutual_verbs = frozenset(item for item, _ in mutual if not item[:1].isdigit())
        self.mutual_verbs_with = frozenset(item for item, both in mutual if not item[:1].isdigit() and both)
        self.coreference: dict[str, str] = {row[0].strip().lower(): row[1].strip() for row in _rows("coreference.tsv")}
        self.armed_codes: dict[str, str] = {row[0].strip(): row[1].strip() for row in _rows("armed_codes.tsv")}
        # code -> kind of source -> code: see data/source_codes.tsv
        self.source_codes: dict[str, dict[str, str]] = {}
        for row in _rows("source_codes.tsv"):
            self.source_codes.setdefault(row[0].strip(), {})[row[1].strip()] = row[2].strip()
        self.epithets: dict[str, str] = {row[0].strip().lower(): row[1].strip() for row in _rows("epithets.tsv")}
        self.irregular: dict[str, str] = {}
        for row in _rows("irregular_verbs.tsv"):
            for form in row[1:]:
                self.irregular[form.strip().lower()] = row[0].strip().lower()

    # ------------------------------------------------------------------ verbs
    def match_verb(self, lemma: str, preps: set[str], objects: set[str]) -> Frame | None:
        """The most specific frame of ``lemma`` whose needs are all present."""
        for frame in self.verbs.get(lemma, ()):
            if frame.accepts(preps, objects):
                return frame
        return None

    def verb_lemma(self, word: str) -> str | None:
        """The lemma of a verb form that the tables know, by irregular form or
        regular suffix ("staged" -> "stage", "shelled" -> "shell", "carries" -> "carry")."""
        lower = word.lower().replace("’", "'")
        if lower in self.irregular:
            return self.irregular[lower]
        candidates = [lower]
        if lower.endswith("ies") or lower.endswith("ied"):
            candidates.append(lower[:-3] + "y")
        if lower.endswith("es") or lower.endswith("ed"):
            candidates += [lower[:-2], lower[:-1]]
        if lower.endswith("s"):
            candidates.append(lower[:-1])
        if lower.endswith("ing"):
            candidates += [lower[:-3], lower[:-3] + "e"]
        for candidate in list(candidates[1:]):
            if len(candidate) > 3 and candidate[-1] == candidate[-2]:
                candidates.append(candidate[:-1])  # "stopped" -> "stop"
        for candidate in candidates:
            if candidate in self.verbs or candidate in self.support_verbs:
                return candidate
        return None

    def noun_code(self, lemma: str, modifier: str | None = None) -> str | None:
        """Code of an event noun, trying "modifier noun" ("air strike") first."""
        if modifier:
            code = self.nouns.get(f"{modifier} {lemma}")
            if code:
                return code
        return self.nouns.get(lemma)

    def is_(self, word: str, category: str) -> bool:
        return category in self.word_category.get(word, ())

    def carrier_code(self, kind: str, inner: str) -> str:
        """Recode an inner event's code under a carrier verb of ``kind``."""
        for length in (len(inner), 3, 2):
            row = self.carriers.get(inner[:length])
            if row and row.get(kind, "-") != "-":
                return row[kind]
        return CARRIER_GENERAL[kind]

    def is_symmetric(self, code: str, lemma: str | None = None, with_object: bool = False) -> bool:
        """Whether an event is mutual: by its code, or by its verb ("clash", "fight").

        ``with_object``: whether it also goes back from the verb's object ("met with Y").
        """
        if with_object:
            return lemma in self.mutual_verbs_with or any(code.startswith(p) for p in self.symmetric_with)
        return lemma in self.mutual_verbs or any(code.startswith(prefix) for prefix in self.symmetric)


@lru_cache(maxsize=1)
def pattern_book() -> PatternBook:
    return PatternBook()
