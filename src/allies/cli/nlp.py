"""Sub-commands of the event coder (owned by the nlp stage)."""
from __future__ import annotations

from pathlib import Path


def register(sub) -> None:
    from ..nlp.evaluate import add_arguments

    _add_explain(sub)
    parser = sub.add_parser(
        "eval", help="measure the event coder on labelled sentences",
        description="Quad-class accuracy and macro-F1 on the ConfliBERT CAMEO sentences, and "
                    "(source country, target country, CAMEO root) precision/recall/F1 on the "
                    "PETRARCH-2 validation records, with confusion matrices.")
    add_arguments(parser)
    # The corpus section runs the whole chain (ingest, store, relations): allies.corpus_eval.
    parser.add_argument("--corpus", action="store_true",
                        help="instead: verdicts on the 2025 news corpus against the labelled pairs")
    parser.add_argument("--corpus-store", type=Path, default=None, metavar="PATH",
                        help="with --corpus: ingest into PATH and keep it; reuse it when it exists")
    parser.set_defaults(func=_eval)


def _eval(args) -> int:
    if args.corpus:
        from ..errors import InputError
        from ..nlp.evaluate import DEV_DATA_ENV, find_dev_data
        from ..corpus_eval import run_corpus

        folder = find_dev_data(args.data)
        if folder is None:
            raise InputError(f"evaluation data not found: give --data DIR, set {DEV_DATA_ENV}, or run from a "
                             "clone with ../shared/data/dev beside the repository")
        return run_corpus(folder, args.corpus_store, show_summary=args.show > 0)
    from ..nlp.evaluate import run

    return run(args)


def _add_explain(sub) -> None:
    """``allies code --explain``: the "code" command itself is registered by cli/core.py."""
    code = sub.choices.get("code")
    if code is None:
        return
    code.add_argument("--explain", action="store_true",
                      help="print each sentence's decision path (parse, actors, triggers, rules, events) "
                           "instead of JSON")
    plain = code.get_default("func")
    code.set_defaults(func=lambda args: _explain(args) if args.explain else plain(args))


def _explain(args) -> int:
    import sys

    from ..errors import InputError
    from ..nlp import Coder, default_coder
    from ..nlp.coder.explain import explain
    from .core import _checked_date, _read_input

    date = _checked_date(args.date)
    try:
        text = _read_input(args.path).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"input is not valid UTF-8 (byte offset {exc.start})") from None
    if args.lines:
        raise InputError("--explain reads one text; leave out --lines")
    from ..ingest.readers import text_document

    coder = Coder(model=None) if args.no_model else default_coder()
    print(explain(coder, text_document(text, date, doc_id=1)))
    sys.stdout.flush()
    return 0
