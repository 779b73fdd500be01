"""The relations engine: formal ties, dyad analysis and verdicts.

Python API (stable; the CLI, web pages and REST API are thin layers over it)::

    from allies.relations import ask, check, dyad_table, network, parse_question

- ``ask(store, question, since=None, until=None) -> Answer``: judge the two
  countries a question names. ``Answer.to_dict()`` gives ``{dyad: [ISO3, ISO3],
  names, verdict, confidence, answer, formal_ties: [...], summary, gap,
  evidence: [{sentence, article_id, title, date, url, stance, event}],
  evidence_for, evidence_against, analysis}``; ``Answer.to_text()`` a readable
  answer. Verdicts: allied, cooperative, mixed, tense, hostile, unknown.
  Each evidence item's ``event`` has ``kind`` "event" (a coded or imported
  event: source, target, cameo, quad, goldstein, ...) or "statement" (a
  sentence speaking of, or disputing, an alliance: voice, claim). ``analysis``
  holds per-direction figures, monthly rows, year-by-year balance, voices
  (who says what) and third parties.
- ``check(store, claim, since=None, until=None) -> CheckResult``: weigh a claim
  ("Russia is an ally of Azerbaijan"); ``outcome`` is supported, contradicted,
  mixed or "not enough evidence".
- ``dyad_table(store, x, y, since=None, until=None) -> DyadTable``: monthly counts
  by direction and quad class with Goldstein means, per-direction figures
  (balance, material against verbal, words against deeds, trend).
- ``network(store, x, since=None, until=None) -> Network``: one country's
  relations with every other, ranked from closest to most hostile.
- ``parse_question(text) -> Question``: the two countries, relation asked and window.
- ``formal_ties(store, x, y)``: treaties, blocs and declarations between two states.
- ``prepare(store)``: build the relations cache (sorted dyad events, per-country
  months, alliance statements) and load the built-in ties now, instead of on the
  first question after new events arrive; call it after a large import. A store
  opened read-only with a stale cache is answered from ``events`` directly
  (correct, but slower on millions of events).
- ``Counting(per_report=True, weak=False, min_sources=1, root_only=False)``: how
  dataset rows count (one report per source article, GDELT's single-mention rows
  that are not root events left uncounted); set ``store.counting = Counting(...)``
  before asking to judge with stricter or looser rules. ``analysis["datasets"]``
  and ``DyadTable.datasets`` give the reports counted and rows found per dataset.
- ``import_atop(store, path)`` lives in :mod:`allies.imports.atop`.

Countries may be given as names, adjectives, capitals or ISO3 codes; unknown
ones raise :class:`allies.errors.InputError`. All ``to_dict()`` results are
JSON-serialisable.
"""
from __future__ import annotations

from .answer import Answer, CheckResult, ask, check, evidence, judge_dyad, resolve_pair
from .cache import Counting, refresh
from .countries import country_name, resolve_country
from .question import Question, parse_question
from .ties import FormalTie, builtin_ties, load_builtin_ties, ties_between
from .views import DyadTable, Network, dyad_table, formal_ties, network


def prepare(store, force: bool = False) -> bool:
    """Bring the relations cache and built-in ties up to date; True if the cache was rebuilt."""
    rebuilt = refresh(store, force=force)
    load_builtin_ties(store)
    return rebuilt


__all__ = [
    "Answer", "CheckResult", "Counting", "DyadTable", "FormalTie", "Network", "Question",
    "ask", "builtin_ties", "check", "country_name", "dyad_table", "evidence", "formal_ties",
    "judge_dyad", "load_builtin_ties", "network", "parse_question", "prepare", "resolve_country", "resolve_pair",
    "ties_between",
]
