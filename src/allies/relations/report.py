"""A self-contained HTML report on a dyad: verdict, ties, chart (inline SVG),
each side's figures, voices, third parties and cited evidence. All text is
escaped by Jinja2's autoescaping; the only unescaped markup is the SVG that
matplotlib writes (it escapes its own text)."""
from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

from ..dates import parse_window
from ..errors import InputError
from .answer import judge_dyad, resolve_pair
from .charts import svg_string
from .countries import country_name
from .question import Question
from .views import dyad_table


def render_report(store, x: str, y: str, since=None, until=None) -> str:
    """The HTML report on countries ``x`` and ``y`` as a string."""
    import jinja2

    a, b = resolve_pair(x, y)
    since, until = parse_window(since, until)
    question = Question(text=f"How are relations between {country_name(a)} and {country_name(b)}?",
                        a=a, b=b, since=since, until=until)
    answer = judge_dyad(store, question).to_dict()
    table = dyad_table(store, a, b, since, until)
    source = resources.files("allies.relations").joinpath("templates", "report.html").read_text(encoding="utf-8")
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return env.from_string(source).render(
        title=f"{country_name(a)} – {country_name(b)}: relations report", names=answer["names"], answer=answer,
        chart=svg_string(table), generated=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))


def write_report(store, x: str, y: str, out: str | Path, since=None, until=None) -> Path:
    out = Path(out)
    if out.parent and not out.parent.exists():
        raise InputError(f"--out: folder does not exist: {out.parent}")
    html = render_report(store, x, y, since, until)
    out.write_text(html, encoding="utf-8")
    return out
