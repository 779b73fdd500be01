"""``allies code --explain`` and ``allies kb rules``: the coder's decisions in words.

Every rule an event names is a data row ("verb_patterns.tsv:266"); :func:`rule_rows`
indexes them and :func:`explain` prints a text's decision path: the parse, the
actors found, the triggers with the rules that made them, and the events kept or
dropped, each with its rules.
"""
from __future__ import annotations

from ...model import Document, Event
from ..patterns import PatternBook
from ..tables import Row


def rule_rows(book: PatternBook) -> dict[str, Row]:
    """Every rule row of the coder's data files, by "file:line"."""
    return {row.where: row for row in book.rows}


def describe(row: Row) -> str:
    """A rule row in words: "verb send, frame =aid, cameo 073"."""
    values = ", ".join(f"{name} {value}" for name, value in row.values.items() if value)
    return values + (" " + " ".join(row.extra) if row.extra else "")


def _rules_lines(book: PatternBook, rule: str | None, indent: str) -> list[str]:
    rows = rule_rows(book)
    lines = []
    for ref in (rule or "").split(" + "):
        if ref:
            row = rows.get(ref)
            lines.append(f"{indent}rule {ref}: {describe(row) if row else 'a mechanism of the coder'}")
    return lines


def _event_line(event: Event) -> str:
    target = event.target.text if event.target else "-"
    voice = ("negated " if event.negated else "") + event.modality
    return (f"{event.source.text or '?'} ({event.source.code or '-'}) -> {target} "
            f"({event.target.code if event.target else '-'}): {event.cameo} {event.quad}, {voice}, "
            f"confidence {event.confidence:.2f}, trigger {event.trigger!r}")


def _parse_lines(sent) -> list[str]:
    lines = ["  parse:"]
    for token in sent:
        if token.is_space:
            continue
        entity = f" {token.ent_iob_}-{token.ent_type_}" if token.ent_type_ else ""
        lines.append(f"    {token.i:3} {token.text:15} {token.lemma_:12} {token.pos_:5} {token.dep_:9} "
                     f"<- {token.head.i}{entity}")
    return lines


def _sentence_lines(book: PatternBook, trace, mentions) -> list[str]:
    lines = _parse_lines(trace.sent)
    lines.append("  actors:" + ("" if mentions else " none"))
    lines += [f"    {m.actor.text!r} -> {m.actor.code or '-'} ({m.actor.country or '-'}, {m.actor.sector or '-'})"
              for m in mentions]
    lines.append("  triggers:" + ("" if trace.triggers else " none (no verb or noun matched a pattern)"))
    for index, trigger in sorted(trace.triggers.items()):
        lines.append(f"    {trigger.token.text!r} (token {index}): {trigger.cameo} by {trigger.words!r}"
                     + ("" if trigger.specific else ", the verb's plain frame"))
        lines += _rules_lines(book, " + ".join(trigger.rules), "      ")
    kept = {id(event) for event in trace.events}
    empty = " none" + (" (no actor on either side)" if trace.triggers else "")
    lines.append("  events:" + ("" if trace.candidates else empty))
    for _, index, event in sorted(trace.candidates, key=lambda item: (item[0], item[1])):
        if id(event) in kept:
            lines.append(f"    {_event_line(event)}")
            lines += _rules_lines(book, event.rule, "      ")
        else:
            why = "a verb of saying that reports another event" if index in trace.reporters \
                and book.in_class("statement", event.cameo) else "the same source, target and code as an event before"
            lines.append(f"    dropped ({why}): {_event_line(event)}")
    return lines


def explain(coder, text: str | Document, date: str | None = None) -> str:
    """The decision path of every sentence of ``text`` (a text, or an article as read), as lines of text."""
    document = text if isinstance(text, Document) else Document(text=text, date=date, doc_id=1)
    if coder.nlp is None:
        coded = next(coder.code_documents([document]))
        lines = ["no spaCy model: the rule-based path (words around each verb, no parse)"]
        for event in coded.events:
            lines.append(f"  {_event_line(event)}")
            lines += _rules_lines(coder.book, event.rule, "    ")
        return "\n".join(lines)
    extractor = coder.extractor
    extractor.trace = []
    try:
        coded = next(coder.code_documents([document]))
        traces = extractor.trace
    finally:
        extractor.trace = None
    lines = [f"model {coder.model_name}"]
    for number, (sentence, trace) in enumerate(zip(coded.sentences, traces)):
        mentions = [m for m in coded.mentions if m.sentence_index == sentence.index]
        lines.append(f"sentence {number}: {sentence.text}")
        lines += _sentence_lines(coder.book, trace, mentions)
    return "\n".join(lines)
