"""Actor mentions in running text: phrases cut at commas, verbs and line breaks,
names learned in an article rescanned where they come again."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ...model import Actor
from .entries import ANCHOR_KINDS, SECTOR_SUFFIX, Analysis, Match
from .phrases import GLUE, name_text, names_after_titles, pick_sector, share_coordinated_sectors
from .tokens import Token, tokenize

if TYPE_CHECKING:
    from .article import ArticleActors
    from .kb import ActorKB


def mentions(kb: ActorKB, text: str, date: str | None, memory: ArticleActors | None) -> list:
    """(start, end, actor, chunk) of each actor phrase in ``text``; ``memory`` learns and
    resolves names as the article goes (``None``: the knowledge base alone)."""
    tokens = tokenize(text)
    keys = [t.key for t in tokens]
    positions: dict[str, list[int]] = {}  # token key -> where it occurs, to skip useless rescans
    for index, key in enumerate(keys):
        positions.setdefault(key, []).append(index)

    def comes_again(name_key: tuple[str, ...], after: int) -> bool:
        return any(keys[p:p + len(name_key)] == list(name_key)
                   for p in positions.get(name_key[0], ()) if p >= after)

    out = []
    previous: tuple[int, Actor, bool] | None = None  # (end token, actor, ended possessive)
    position = 0
    while True:
        learned_before = set(memory._by_key) if memory is not None else set()
        restart = None
        for chunk, names in _chunks(kb, text, tokens, position, memory):
            start, end = chunk[0][0], chunk[-1][1]
            chunk_matches = [m for _s, _e, m in chunk if m is not None]
            analysis = Analysis(tokens, chunk_matches, names)
            span_text = text[tokens[start].start:tokens[end - 1].end]
            if memory is not None:
                actor = memory._resolve_analysis(analysis, span_text)
            else:
                actor = kb._resolve(analysis, span_text, date)
            if actor is None and previous is not None and previous[2] and previous[0] == start:
                actor = _possessed(previous[1], chunk_matches, span_text, tokens, names, memory)
            if actor is not None:
                out.append((tokens[start].start, tokens[end - 1].end, actor, chunk))
                previous = (end, actor, tokens[end - 1].possessive)
            else:
                previous = None
            if memory is not None and len(memory._by_key) != len(learned_before):
                new_keys = set(memory._by_key) - learned_before
                learned_before |= new_keys
                if any(comes_again(key, end) for key in new_keys):
                    restart = end  # a name was learned and comes again: rescan the rest
                    break
        if restart is None:
            return share_coordinated_sectors(text, tokens, out)
        position = restart


def _chunks(kb: ActorKB, text: str, tokens: list[Token], position: int, memory: ArticleActors | None):
    """Actor phrases from token ``position`` on: (pieces, unknown names) in text order."""
    learned = memory._by_key if memory is not None else None
    matches = kb._scan(tokens, learned or None, position)
    names, absorbed = names_after_titles(tokens, matches)
    matches = [m for m in matches if id(m) not in absorbed]
    pieces: list[tuple[int, int, Match | None]] = [(m.start, m.end, m) for m in matches]
    pieces += [(s, e, None) for s, e in names]
    pieces.sort(key=lambda p: p[0])
    chunks: list[list[tuple[int, int, Match | None]]] = []
    for piece in pieces:
        if chunks and _joins(text, tokens, chunks[-1], piece):
            chunks[-1].append(piece)
        else:
            chunks.append([piece])
    for chunk in chunks:
        yield chunk, [(s, e) for s, e, m in chunk if m is None]


def _possessed(owner: Actor, chunk_matches, span_text, tokens, names, memory) -> Actor | None:
    """"Putin's spokesman", "Aliyev's aide": a phrase owned by a person is of their state."""
    sector, _role, _title = pick_sector(chunk_matches)
    if not owner.country or not sector:
        return None
    sector = "government" if sector == "organisation" else sector
    actor = Actor(text=span_text, code=owner.country + SECTOR_SUFFIX.get(sector, ""),
                  country=owner.country, sector=sector, person=name_text(tokens, names))
    if memory is not None:
        memory._learn(actor)
    return actor


def _joins(text: str, tokens: list[Token], chunk, piece) -> bool:
    """Whether ``piece`` continues the actor phrase in ``chunk``."""
    last_start, last_end, last_match = chunk[-1]
    gap = text[tokens[last_end - 1].after:tokens[piece[0]].start]
    if last_match is not None and last_match.first("person", "learned") and tokens[last_end - 1].possessive:
        return False  # "Putin's spokesman": a new actor
    if "\n" in gap or (gap.strip() and not GLUE.match(" ".join(gap.split()))):
        return False  # line breaks, commas, verbs, conjunctions: a new phrase
    new = piece[2]
    if new is None:
        return True  # a name after a title
    anchors = [m.first(*ANCHOR_KINDS) for _s, _e, m in chunk if m is not None and m.first(*ANCHOR_KINDS)]
    new_anchor = new.first(*ANCHOR_KINDS)
    if new_anchor is not None and anchors:
        # "U.S. State Department", "Russia's Gazprom" are one actor; "Russia Ukraine" two
        same_state = (len(anchors) == 1 and new_anchor.kind == "institution"
                      and anchors[0].kind == "country" and anchors[0].value == new_anchor.value)
        if not same_state:
            return False
    if new.first("person", "learned") and any(
            m is not None and m.first("person", "learned") for _s, _e, m in chunk):
        return False
    if not gap.strip():
        return True
    if "based" in gap:
        # "Kyiv-based journalists": a place, then what is based there
        return last_match is not None and last_match.first(*ANCHOR_KINDS) is not None \
            and new.first("sector") is not None
    # "of": "foreign minister of Azerbaijan", "troops of Russia" only after a sector word
    return last_match is not None and last_match.first("sector") is not None

