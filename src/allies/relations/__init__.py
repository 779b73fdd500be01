"""The relations engine: formal ties, dyad analysis and verdicts.

Interface (stable): ``ask(store, question, since=None, until=None) -> Answer``
where ``Answer.to_dict()`` gives ``{dyad, verdict, confidence, formal_ties,
summary, evidence}`` and ``Answer.to_text()`` a readable answer.
"""
