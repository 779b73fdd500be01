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
- code classes: the CAMEO codes each mechanism applies to, and the codes some give
- role words: the prepositions and sectors that say which role a phrase plays
- word classes: named sets of words ("@easing_verb", "@restriction") that a
  verb pattern may use in its verb column or in an object group, so one row
  covers every verb of ending a measure times every kind of measure

Each file is checked against its schema (:data:`SCHEMAS`) when loaded, and every
row is kept with its file and line: the rules an event names.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

from .actors import SECTOR_SUFFIX
from .tables import (Column, DataFileError, Row, Schema, all_of, cameo_code, carrier_code, nonempty, one_of,
                     read_tsv, word)


@dataclass(frozen=True)
class Frame:
    """One way a verb codes: the words it needs besides itself, and the code."""

    preps: frozenset[str]        # prepositions/particles that must hang on the verb
    object_groups: tuple[frozenset[str], ...]  # each group needs one of its lemmas among the objects
    cameo: str
    order: int                   # position in the file, to break ties
    where: str = ""              # "verb_patterns.tsv:123": the rule's data file and line
    # each group needs one of its lemmas among the things acted on ("~a|b"): see patients()
    patient_groups: tuple[frozenset[str], ...] = ()

    @property
    def objects(self) -> frozenset[str]:
        """Every object lemma the frame names (empty: any object or none)."""
        return frozenset().union(*self.object_groups, *self.patient_groups)

    @property
    def specificity(self) -> int:
        return len(self.preps) + 2 * (len(self.object_groups) + len(self.patient_groups))

    def accepts(self, preps: set[str], objects: set[str], patients: dict[str, set[str]] | None = None,
                aimed: tuple[str, ...] = ()) -> bool:
        if not (self.preps <= preps and all(group & objects for group in self.object_groups)):
            return False
        if not self.patient_groups:
            return True
        if not patients:
            return False
        # what the verb acts on: its direct object (key ""), or the object of a preposition
        # that aims it ("hit back at the claims") or that the frame names ("fought over the wording")
        acted_on = set().union(*(patients.get(key, ()) for key in ("", *aimed, *self.preps)))
        return all(group & acted_on for group in self.patient_groups)


NO_EVENT = "none"  # verb_patterns.tsv, carrier_codes.tsv: the use makes no event
CARRIER_KINDS = ("intent", "appeal", "demand", "reject", "threaten")
# The voice categories the coder's mechanisms read (see data/voice_words.tsv for what each means).
VOICE_CATEGORIES = frozenset((
    "negation", "hypothetical", "future", "conditional", "obligation", "speech", "admission", "allegation",
    "receiving", "topic", "hollow", "purpose", "naming", "helping", "help_noun", "incursion", "frontier", "responsibility",
    "intent", "appeal", "demand", "reject", "threaten", "deny", "order", "future_frame", "hope_frame", "sport",
))
# The code classes of data/code_classes.tsv: those that name codes a mechanism applies
# to, and those that name the one code a mechanism gives.
CODE_CLASSES = ("statement", "placed", "moved_object", "acted_on_of", "forces_placed", "helping", "force", "answering",
                "incursion", "wielded", "violence", "fired_from", "threat", "scheduled", "announced_intent", "announced_threat",
                "alleged_violence", "harm_to_side", "summons", "charged_clause")
GIVEN_CODES = ("helped_to_fight", "hosted_forces", "alleged_act", "claimed_own_act", "must_demand")
ROLE_CLASSES = ("target_prep", "location_prep", "nearby_prep", "host_prep", "destination_prep", "aimed_prep", "noun_target_prep",
                "addressee_prep", "cause_prep", "pair_prep", "mutual_prep", "harmed_place_prep", "origin_prep",
                "topic_prep", "reason_prep", "exception_prep", "official_sector", "armed_sector", "unarmed_sector",
                "harm_verb", "projectile_verb", "spread_prep", "reaction_mark", "shared_subject_prep", "kind_head", "local_sector",
                "state_sector", "nonstate_sector", "member_noun", "leading_verb", "enacted_noun", "abroad_noun", "envoy_noun", "pact_noun")
# Who acts, for data/source_codes.tsv: a state named as itself, or a sector.
SOURCE_KINDS = ("state", *SECTOR_SUFFIX)


def _carrier_inner(value: str) -> str | None:
    return None if value == "*" else cameo_code(value)


def _code_or_verb(value: str) -> str | None:
    return cameo_code(value) if value[:1].isdigit() else word(value)


def _frame(value: str) -> str | None:
    if not value:
        return "empty frame (write - for none)"
    if any(item in ("=", "~") or "||" in item for item in value.split()):
        return f"empty object group in {value!r}"
    return None


def _code_or_none(value: str) -> str | None:
    return None if value == NO_EVENT else cameo_code(value)


_YES_NO = one_of(("yes", "no"), "yes/no value")
def _verb_or_class(value: str) -> str | None:
    return word(value[1:] if value.startswith("@") else value)


SCHEMAS = {
    "verb_patterns.tsv": Schema((Column("verb", _verb_or_class), Column("frame", _frame),
                                 Column("cameo", _code_or_none)), spill="frame"),
    "word_classes.tsv": Schema((Column("class", word), Column("word", word))),
    "noun_patterns.tsv": Schema((Column("noun", word), Column("cameo", cameo_code),
                                 Column("verb", word, optional=True))),
    "support_verbs.tsv": Schema((Column("verb", word),)),
    "voice_words.tsv": Schema((Column("word", word), Column("category", one_of(VOICE_CATEGORIES, "category")))),
    "carrier_codes.tsv": Schema((Column("inner", _carrier_inner),
                                 *(Column(kind, carrier_code) for kind in CARRIER_KINDS))),
    "symmetric_codes.tsv": Schema((Column("code_or_verb", _code_or_verb), Column("with_object", _YES_NO))),
    "coreference.tsv": Schema((Column("word", word), Column("kind", one_of(("pair", "the_pair", "pair_head", "state"), "kind")))),
    "armed_codes.tsv": Schema((Column("code", cameo_code), Column("code_when_armed", cameo_code))),
    "source_codes.tsv": Schema((Column("code", cameo_code), Column("source", one_of(SOURCE_KINDS, "kind of source")),
                                Column("code_when", cameo_code))),
    "epithets.tsv": Schema((Column("word", word), Column("cameo", cameo_code))),
    "code_classes.tsv": Schema((Column("class", one_of((*CODE_CLASSES, *GIVEN_CODES), "code class")),
                                Column("code", cameo_code))),
    "role_words.tsv": Schema((Column("class", one_of(ROLE_CLASSES, "role class")), Column("word", word))),
    "irregular_verbs.tsv": Schema((Column("lemma", word), Column("forms", all_of(nonempty, word))), rest="forms"),
}


def table(name: str) -> list[Row]:
    """The checked rows of one of the coder's data files."""
    return read_tsv(__package__, name, SCHEMAS[name])


class PatternBook:
    """All word tables; build with :func:`pattern_book` (cached)."""

    def __init__(self) -> None:
        self.rows: list[Row] = []  # every rule row, for `allies kb rules`
        # (kind, key) -> "file:line" of the row that says it, for events' rules
        self.where: dict[tuple[str, ...], str] = {}
        self._in_class: dict[tuple[str, str], bool] = {}
        # Each step reads its files in turn: `rows` keeps the files' order.
        self._load_verbs()
        self._load_nouns()
        self._load_voice()
        self._load_carriers()
        self._load_classes()
        self._load_symmetric()
        self._load_code_changes()
        # the words of a match report, asked of every word of every sentence
        self.sport_words = frozenset(w for w, kinds in self.word_category.items() if "sport" in kinds)

    def _load_verbs(self) -> None:
        """Word classes, then each verb's frames, most specific first."""
        self.word_classes: dict[str, tuple[str, ...]] = {}
        for row in self._table("word_classes.tsv"):
            self.word_classes[row["class"]] = (*self.word_classes.get(row["class"], ()), row["word"])
        self.verbs: dict[str, list[Frame]] = {}
        for order, row in enumerate(self._table("verb_patterns.tsv")):
            preps, groups, patient_groups = set(), [], []
            if row["frame"] != "-":
                for item in row["frame"].split():
                    if item.startswith("="):
                        groups.append(frozenset(self._expand(item[1:].split("|"), row)))
                    elif item.startswith("~"):
                        patient_groups.append(frozenset(self._expand(item[1:].split("|"), row)))
                    else:
                        preps.add(item)
            frame = Frame(frozenset(preps), tuple(groups), row["cameo"], order, row.where, tuple(patient_groups))
            for verb in self._expand([row["verb"]], row):
                self.verbs.setdefault(verb, []).append(frame)
        for frames in self.verbs.values():
            frames.sort(key=lambda f: (-f.specificity, f.order))

    def _load_nouns(self) -> None:
        """Event nouns, the verbs that refine them, and support verbs."""
        self.nouns: dict[str, str] = {}
        self.noun_verbs: dict[str, str] = {}  # "deployment" -> "deploy": the verb whose frames refine it
        for row in self._table("noun_patterns.tsv"):
            self.nouns.setdefault(row["noun"], row["cameo"])
            self.where.setdefault(("noun", row["noun"]), row.where)
            if row["verb"]:
                self.noun_verbs[row["noun"]] = row["verb"]
        self.support_verbs = frozenset(row["verb"] for row in self._table("support_verbs.tsv"))

    def _load_voice(self) -> None:
        """Voice words by category, and each word's categories."""
        self.voice: dict[str, set[str]] = {}
        self.word_category: dict[str, set[str]] = {}
        for row in self._table("voice_words.tsv"):
            self.voice.setdefault(row["category"], set()).add(row["word"])
            self.word_category.setdefault(row["word"], set()).add(row["category"])
            self.where.setdefault(("voice", row["word"], row["category"]), row.where)

    def _load_carriers(self) -> None:
        """Carrier codes by inner code; the '*' row must give every kind."""
        self.carriers: dict[str, dict[str, str]] = {}
        for row in self._table("carrier_codes.tsv"):
            self.carriers[row["inner"]] = {kind: row[kind] for kind in CARRIER_KINDS}
            self.where[("carrier", row["inner"])] = row.where
        if any(self.carriers.get("*", {}).get(kind, "-") == "-" for kind in CARRIER_KINDS):
            raise DataFileError("carrier_codes.tsv: the row '*' must give a code for every kind of carrier")

    def _load_symmetric(self) -> None:
        """Symmetric codes and mutual verbs (each also with its object when the file says so)."""
        mutual = []
        for row in self._table("symmetric_codes.tsv"):
            mutual.append((row["code_or_verb"], row["with_object"] == "yes"))
            self.where[("symmetric", row["code_or_verb"])] = row.where
        self.symmetric = tuple(item for item, _ in mutual if item[:1].isdigit())
        self.symmetric_with = tuple(item for item, both in mutual if item[:1].isdigit() and both)
        self.mutual_verbs = frozenset(item for item, _ in mutual if not item[:1].isdigit())
        self.mutual_verbs_with = frozenset(item for item, both in mutual if not item[:1].isdigit() and both)

    def _load_code_changes(self) -> None:
        """Coreference words, codes that change when armed or by source, epithets and irregular verbs."""
        self.coreference: dict[str, str] = {row["word"]: row["kind"] for row in self._table("coreference.tsv")}
        self.armed_codes: dict[str, str] = {}
        for row in self._table("armed_codes.tsv"):
            self.armed_codes[row["code"]] = row["code_when_armed"]
            self.where[("armed", row["code"])] = row.where
        # code -> kind of source -> code: see data/source_codes.tsv
        self.source_codes: dict[str, dict[str, str]] = {}
        for row in self._table("source_codes.tsv"):
            self.source_codes.setdefault(row["code"], {})[row["source"]] = row["code_when"]
            self.where[("source", row["code"], row["source"])] = row.where
        self.epithets: dict[str, str] = {}
        for row in self._table("epithets.tsv"):
            self.epithets[row["word"]] = row["cameo"]
            self.where[("epithet", row["word"])] = row.where
        self.irregular: dict[str, str] = {}
        for row in self._table("irregular_verbs.tsv"):
            for form in (row["forms"], *row.extra):
                self.irregular[form] = row["lemma"]

    def _expand(self, items: list[str], row: Row) -> list[str]:
        """Words, with each "@class" replaced by the words of data/word_classes.tsv's class."""
        out: list[str] = []
        for item in items:
            if not item.startswith("@"):
                out.append(item)
            elif item[1:] in self.word_classes:
                out.extend(self.word_classes[item[1:]])
            else:
                raise DataFileError(f"{row.where}: unknown word class {item!r} (see word_classes.tsv)")
        return out

    def _load_classes(self) -> None:
        self.code_classes: dict[str, tuple[str, ...]] = {name: () for name in CODE_CLASSES}
        given: dict[str, list[str]] = {name: [] for name in GIVEN_CODES}
        for row in self._table("code_classes.tsv"):
            if row["class"] in given:
                given[row["class"]].append(row["code"])
                self.where[("given", row["class"])] = row.where
            else:
                self.code_classes[row["class"]] += (row["code"],)
        for name, codes in given.items():
            if len(codes) != 1:
                raise DataFileError(f"code_classes.tsv: class {name} must give exactly one code, not {len(codes)}")
        self.given_codes: dict[str, str] = {name: codes[0] for name, codes in given.items()}
        self.roles: dict[str, tuple[str, ...]] = {name: () for name in ROLE_CLASSES}
        for row in self._table("role_words.tsv"):
            if row["class"].endswith("_sector") and row["word"] not in SOURCE_KINDS:
                raise DataFileError(f"{row.where}: column word: unknown sector {row['word']!r}")
            self.roles[row["class"]] += (row["word"],)

    def _table(self, name: str) -> list[Row]:
        rows = table(name)
        self.rows.extend(rows)
        return rows

    def in_class(self, name: str, code: str) -> bool:
        """Whether a CAMEO code is in one of data/code_classes.tsv's classes (by prefix)."""
        key = (name, code)
        found = self._in_class.get(key)
        if found is None:  # (asked many times a sentence: kept once worked out)
            found = self._in_class[key] = any(code.startswith(prefix) for prefix in self.code_classes[name])
        return found

    def given(self, name: str) -> str:
        """The code a mechanism gives (data/code_classes.tsv): "helped_to_fight" -> "062"."""
        return self.given_codes[name]

    def role(self, name: str) -> tuple[str, ...]:
        """The words of one of data/role_words.tsv's classes, in file order."""
        return self.roles[name]

    # ------------------------------------------------------------------ verbs
    def match_verb(self, lemma: str, preps: set[str], objects: set[str],
                   patients: dict[str, set[str]] | None = None) -> Frame | None:
        """The most specific frame of ``lemma`` whose needs are all present. ``patients``:
        the lemmas of what the verb acts on, by preposition ("" for the direct object),
        for frames that name it ("~tone|chord")."""
        aimed = self.roles["aimed_prep"]
        for frame in self.verbs.get(lemma, ()):
            if frame.accepts(preps, objects, patients, aimed):
                return frame
        return None

    @cached_property
    def patient_verbs(self) -> frozenset[str]:
        """Verbs with a frame that names what they act on ("~..."): only these need it found."""
        return frozenset(verb for verb, frames in self.verbs.items() if any(f.patient_groups for f in frames))

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

    def is_sport(self, words) -> bool:
        """Whether a sentence's words (lower-cased forms or lemmas) report a match:
        "India beat Pakistan by six wickets" is a result between teams, no act
        between states."""
        return any(word in self.sport_words for word in words)

    def carrier_code(self, kind: str, inner: str) -> str:
        """Recode an inner event's code under a carrier verb of ``kind``."""
        return self.carrier_rule(kind, inner)[0]

    def carrier_rule(self, kind: str, inner: str) -> tuple[str, str]:
        """(code, "file:line" of the carrier_codes.tsv row that gives it)."""
        for length in (len(inner), 3, 2):
            row = self.carriers.get(inner[:length])
            if row and row.get(kind, "-") != "-":
                return row[kind], self.where[("carrier", inner[:length])]
        return self.carriers["*"][kind], self.where[("carrier", "*")]

    def symmetric_rule(self, code: str, lemma: str | None = None, with_object: bool = False) -> str | None:
        """The symmetric_codes.tsv row that makes an event mutual, if any."""
        items = (self.mutual_verbs_with, self.symmetric_with) if with_object else (self.mutual_verbs, self.symmetric)
        if lemma in items[0]:
            return self.where[("symmetric", lemma)]
        prefix = next((p for p in items[1] if code.startswith(p)), None)
        return self.where[("symmetric", prefix)] if prefix is not None else None

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
