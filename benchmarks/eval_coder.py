"""Accuracy of the event coder on ``../shared/data/dev`` (see allies.nlp.evaluate).

    PYTHONPATH=src python benchmarks/eval_coder.py [--data DIR] [--rules] [--show N]
"""
import sys

from allies.errors import AlliesError
from allies.nlp.evaluate import main

if __name__ == "__main__":
    try:
        sys.exit(main())
    except AlliesError as exc:
        print(f"eval_coder: {exc}", file=sys.stderr)
        sys.exit(2)
