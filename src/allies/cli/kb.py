"""``allies kb``: ask the actor knowledge base and the CAMEO code book.

    allies kb actor "Russian Foreign Minister Sergei Lavrov" --date 2022-12-05
    allies kb mentions --date 2022-12-05 "Azerbaijani troops shelled Armenian positions."
    allies kb country Azeri
    allies kb holder AZE foreign_minister --date 2015-06-01
    allies kb cameo 042
    allies kb cameo --search sanctions

Every sub-command takes ``--json`` for machine-readable output.
"""
from __future__ import annotations

import json
import sys

from ..errors import InputError
from ..nlp.actors import ROLES



def register(sub) -> None:
    parser = sub.add_parser("kb", help="look up actors, office holders and CAMEO codes",
                            description="Ask the actor knowledge base and the CAMEO code book.")
    kb_sub = parser.add_subparsers(dest="kb_command", metavar="WHAT")

    actor = kb_sub.add_parser("actor", help="the actor a phrase stands for")
    actor.add_argument("phrase", help='a noun phrase, e.g. "the Azerbaijani Foreign Ministry"')
    _date_and_json(actor)
    actor.set_defaults(func=cmd_actor)

    mentions = kb_sub.add_parser("mentions", help="actor mentions in a text (or a file, or stdin with -)")
    mentions.add_argument("text", nargs="?", default=None, help="the text; '-' or nothing reads stdin")
    mentions.add_argument("--file", metavar="PATH", help="read the text from this file")
    _date_and_json(mentions)
    mentions.set_defaults(func=cmd_mentions)

    country = kb_sub.add_parser("country", help="ISO3 code and name of a country word (name, adjective, capital, code)")
    country.add_argument("name")
    country.add_argument("--json", action="store_true", help="print JSON")
    country.set_defaults(func=cmd_country)

    holder = kb_sub.add_parser("holder", help="who held an office on a date")
    holder.add_argument("owner", help="a country (any form) or an organisation code such as NATO")
    holder.add_argument("role", help=", ".join(ROLES))
    _date_and_json(holder)
    holder.set_defaults(func=cmd_holder)

    cameo = kb_sub.add_parser("cameo", help="a CAMEO code, a root's codes, or codes whose name has words")
    cameo.add_argument("code", nargs="?", help="a CAMEO code such as 042 or 19")
    cameo.add_argument("--search", metavar="WORDS",
                       help="codes whose name or PLOVER labels hold all these words, or that the coder gives "
                            "for them (case-insensitive): --search tariff")
    cameo.add_argument("--json", action="store_true", help="print JSON")
    cameo.set_defaults(func=cmd_cameo)

    rules = kb_sub.add_parser("rules", help="the event coder's rules, with the data file and line of each")
    rules.add_argument("which", nargs="?", help="a data file (verb_patterns.tsv), a rule (verb_patterns.tsv:266) "
                                                "or words its row must contain")
    rules.add_argument("--json", action="store_true", help="print JSON")
    rules.set_defaults(func=cmd_rules)

    parser.set_defaults(func=lambda args: _usage(parser))


def _date_and_json(parser) -> None:
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="the article's date (picks office holders)")
    parser.add_argument("--json", action="store_true", help="print JSON")


def _usage(parser) -> int:
    parser.print_help()
    return 2


def _check_date(date: str | None) -> str | None:
    from ..nlp.actors import clean_date

    if date is None:
        return None
    cleaned = clean_date(date)
    if cleaned is None:
        raise InputError(f"not a date (use YYYY-MM-DD): {date!r}")
    return cleaned


def _actor_dict(actor) -> dict:
    return {"text": actor.text, "code": actor.code, "country": actor.country,
            "sector": actor.sector, "person": actor.person}


def _actor_line(actor) -> str:
    parts = [actor.code or "-", actor.country or "-", actor.sector or "-"]
    if actor.person:
        parts.append(actor.person)
    return "\t".join(parts)


def cmd_actor(args) -> int:
    from ..nlp.actors import ActorKB

    date = _check_date(args.date)
    actor = ActorKB.default().lookup(args.phrase, date=date)
    if args.json:
        print(json.dumps(_actor_dict(actor) if actor else None, ensure_ascii=False))
        return 0 if actor else 1
    if actor is None:
        print(f"no known actor in {args.phrase!r}", file=sys.stderr)
        return 1
    print(_actor_line(actor))
    return 0


def cmd_mentions(args) -> int:
    from ..nlp.actors import ArticleActors

    date = _check_date(args.date)
    if args.file:
        try:
            with open(args.file, encoding="utf-8") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read {args.file}: {exc.strerror if isinstance(exc, OSError) else exc}")
    elif args.text is None or args.text == "-":
        text = sys.stdin.read()
    else:
        text = args.text
    mentions = ArticleActors(date=date).find_mentions(text)
    if args.json:
        rows = [{"start": s, "end": e, **_actor_dict(a)} for s, e, a in mentions]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    for start, end, actor in mentions:
        print(f"{start}\t{end}\t{actor.text}\t{_actor_line(actor)}")
    return 0


def cmd_country(args) -> int:
    from ..nlp.actors import ActorKB

    kb = ActorKB.default()
    iso3 = kb.resolve_country(args.name)
    if args.json:
        print(json.dumps({"iso3": iso3, "name": kb.country_name(iso3) if iso3 else None}, ensure_ascii=False))
        return 0 if iso3 else 1
    if iso3 is None:
        print(f"no known country in {args.name!r}", file=sys.stderr)
        return 1
    print(f"{iso3}\t{kb.country_name(iso3)}")
    return 0


def cmd_holder(args) -> int:
    from ..nlp.actors import ActorKB

    kb = ActorKB.default()
    date = _check_date(args.date)
    if args.role not in ROLES:
        raise InputError(f"unknown role {args.role!r}; one of: {', '.join(ROLES)}")
    owner = args.owner if kb.is_organisation(args.owner) else kb.resolve_country(args.owner)
    if owner is None:
        raise InputError(f"not a known country or organisation: {args.owner!r}")
    term = kb.holder(owner, args.role, date)
    if args.json:
        row = None if term is None else {"name": term.name, "owner": owner, "role": term.role,
                                         "start": term.start, "end": term.end}
        print(json.dumps(row, ensure_ascii=False))
        return 0 if term else 1
    if term is None:
        print(f"no known {args.role} of {owner} on {date or 'the current date'}", file=sys.stderr)
        return 1
    print(f"{term.name}\t{owner}\t{term.role}\t{term.start}\t{term.end or 'in office'}")
    return 0


def cmd_cameo(args) -> int:
    from ..nlp.codebook import CODEBOOK, cameo

    if args.search:
        entries = search_codes(args.search)
        if not entries and not args.json:
            print(f"no CAMEO code's name or trigger words match {args.search!r}", file=sys.stderr)
    elif args.code:
        entry = cameo(args.code)
        if entry is None:
            raise InputError(f"unknown CAMEO code: {args.code!r}")
        # a root lists its whole family
        entries = [entry] + ([e for e in CODEBOOK if e.root == entry.code and e.code != entry.code]
                             if len(entry.code) == 2 else [])
    else:
        entries = [CODEBOOK.get(root) for root in CODEBOOK.roots()]
    if args.json:
        rows = [{"code": e.code, "name": e.name, "goldstein": e.goldstein, "quad": e.quad,
                 "plover": e.plover, "plover_mode": e.plover_mode, "root": e.root} for e in entries]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0 if entries else 1
    for e in entries:
        print(f"{e.code}\t{e.goldstein:+.1f}\t{e.quad}\t{e.plover or '-'}\t{e.name}")
    return 0 if entries else 1


def _stem(word: str) -> str:
    word = word.casefold()
    for ending, replacement in (("ies", "y"), ("es", ""), ("s", "")):
        if len(word) > 4 and word.endswith(ending):
            return word[: -len(ending)] + replacement
    return word


def search_codes(query: str) -> list:
    """CAMEO codes for ``query``, case-insensitive: codes whose name or PLOVER
    labels hold every word, then codes the coder gives for those words (event
    nouns, verbs and the objects in their frames: "tariff" -> 163 "impose ...
    tariff", 085 "lift ... tariff")."""
    from ..nlp.codebook import CODEBOOK
    from ..nlp.patterns import pattern_book

    words = [_stem(w) for w in query.split() if w.strip()]
    if not words:
        raise InputError("--search needs at least one word")

    def labels(entry) -> str:
        return " ".join(x for x in (entry.name, entry.plover, entry.plover_mode,
                                    getattr(entry, "plover_context", None)) if x).casefold()

    found = [e for e in CODEBOOK if all(w in labels(e) for w in words)]
    book = pattern_book()
    triggered: set[str] = set()
    for noun, code in book.nouns.items():
        if all(w in _stem(noun) for w in words):
            triggered.add(code)
    for verb, frames in book.verbs.items():
        for frame in frames:
            vocabulary = {_stem(verb), *(_stem(o) for o in frame.objects)}
            if all(any(w == v or w in v.split() for v in vocabulary) for w in words):
                triggered.add(frame.cameo)
    seen = {e.code for e in found}
    found += [CODEBOOK.get(code) for code in sorted(triggered) if code not in seen and CODEBOOK.get(code)]
    return found


def cmd_rules(args) -> int:
    from ..nlp.coder.explain import describe
    from ..nlp.dates import date_word_rows
    from ..nlp.descriptions.lexicon import lexicon_rows
    from ..nlp.function_words import all_rows
    from ..nlp.patterns import pattern_book

    # the event coder's rules, then the word classes, description words and date words it reads
    rows = [*pattern_book().rows, *all_rows(), *lexicon_rows(), *date_word_rows()]
    which = (args.which or "").strip()
    if which:
        words = which.lower().split()
        rows = [row for row in rows if row.file == which or row.where == which
                or all(word in " ".join((row.where, *row.values.values(), *row.extra)).lower() for word in words)]
        if not rows:
            raise InputError(f"no coder rule matches {which!r} (try a file name such as verb_patterns.tsv)")
    if args.json:
        print(json.dumps([{"rule": row.where, "file": row.file, "line": row.line, **row.values,
                           **({"more": list(row.extra)} if row.extra else {})} for row in rows],
                         ensure_ascii=False, indent=1))
        return 0
    for row in rows:
        print(f"{row.where}\t{describe(row)}")
    return 0
