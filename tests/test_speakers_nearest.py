"""A quote's nearest cue, found through an index of the paragraph's cues, is the one comparing every cue
would choose (the rule: the cue whose statement holds the quote, else the smallest gap, a sentence break
counting 200 characters, ties to the first written)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.findings.quotes import Quote
from reader.findings.speakers import Attribution, _Cues


def _brute_force(text: str, quote: Quote, candidates: list[Attribution]) -> Attribution:
    for attribution in candidates:
        a, b = attribution.statement
        if a <= quote.start and quote.end <= b + 1:
            return attribution

    def distance(attribution: Attribution) -> int:
        if attribution.start >= quote.end:
            gap = text[quote.end : attribution.start]
        elif attribution.end <= quote.start:
            gap = text[attribution.end : quote.start]
        else:
            return 0
        return len(gap) + (200 if re.search(r"[.!?]\s", gap) else 0)

    return min(candidates, key=distance)


@st.composite
def paragraphs(draw):
    text = draw(st.text(alphabet="ab .!?", min_size=20, max_size=120))
    size = len(text)

    def span(longest: int):
        start = draw(st.integers(0, size - 1))
        return start, draw(st.integers(start, min(size, start + longest)))

    cues = []
    for _ in range(draw(st.integers(1, 8))):
        start, end = span(15)
        statement = span(40) if draw(st.booleans()) else (0, 0)
        cues.append(Attribution(0, start, end, "X", "said", "say", statement=statement))
    start, end = span(30)
    return text, Quote(0, start, max(end, start + 1), "", True), cues


@settings(max_examples=400, deadline=None)
@given(paragraphs())
def test_the_indexed_nearest_cue_is_the_brute_force_one(case):
    text, quote, cues = case
    assert _Cues(cues).nearest(text, quote) is _brute_force(text, quote, cues)


def test_each_quote_of_a_paragraph_of_thousands_takes_its_own_cue():
    text = " ".join(f"“We will stay out,” Jo Roe{n % 50} said." for n in range(3000))
    cues, quotes, at = [], [], 0
    for n in range(3000):
        quote_end = at + len("“We will stay out,”")
        quotes.append(Quote(0, at, quote_end, "We will stay out,", True))
        cue_end = text.index("said.", quote_end) + 4
        cues.append(Attribution(0, quote_end + 1, cue_end, f"Jo Roe{n % 50}", "said", "say"))
        at = cue_end + 2
    index = _Cues(cues)
    assert [index.nearest(text, q).speaker for q in quotes[:60]] == [f"Jo Roe{n % 50}" for n in range(60)]
