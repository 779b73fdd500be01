"""Sub-commands of the event coder (owned by the nlp stage)."""
from __future__ import annotations


def register(sub) -> None:
    from ..nlp.evaluate import add_arguments

    parser = sub.add_parser(
        "eval", help="measure the event coder on labelled sentences",
        description="Quad-class accuracy and macro-F1 on the ConfliBERT CAMEO sentences, and "
                    "(source country, target country, CAMEO root) precision/recall/F1 on the "
                    "PETRARCH-2 validation records, with confusion matrices.")
    add_arguments(parser)
    parser.set_defaults(func=_eval)


def _eval(args) -> int:
    from ..nlp.evaluate import run

    return run(args)
