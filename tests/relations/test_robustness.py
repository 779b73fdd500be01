"""Whatever a user types, the engine answers or says in one line what is wrong."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allies.dates import parse_date
from allies.errors import InputError
from allies.relations import parse_question

WORDS = st.sampled_from(["Are", "Russia", "and", "Azerbaijan", "allies", "since", "2022", "–", "-", "Is", "an",
                         "ally", "of", "the", "US", "between", "in", "March", "1999", "not", "relations", "?",
                         "Guinea-Bissau", "Azeri", "until", "13", "2024-02", "Narnia", "RUS", "us"])


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.one_of(st.text(max_size=80), st.lists(WORDS, max_size=12).map(" ".join)))
def test_parse_question_answers_or_raises_input_error(text):
    try:
        q = parse_question(text)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert q.a != q.b and len(q.a) == 3 and len(q.b) == 3
    assert q.since is None or q.until is None or q.since <= q.until


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=20))
def test_parse_date_answers_or_raises_input_error(text):
    try:
        parse_date(text, "since")
    except InputError as exc:
        assert "\n" not in str(exc)
