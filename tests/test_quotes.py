"""Quote extraction: marks of every kind, nesting, apostrophes, multi-paragraph quotes, spans."""

from __future__ import annotations

from reader.loading import article_from_text
from reader.findings.quotes import comparable_text, extract_quotes, quote_key, quotes_in_text


def texts(paragraph: str) -> list[str]:
    return [q.text for q in quotes_in_text(0, paragraph)]


def test_curly_and_straight_quotes():
    assert texts("“We will stay,” she said.") == ["We will stay,"]
    assert texts('"We will stay," she said.') == ["We will stay,"]


def test_mixed_marks_curly_open_straight_close():
    assert texts('“We will stay," she said. "Until May.”') == ["We will stay,", "Until May."]


def test_span_covers_the_marks_and_text_is_inside():
    paragraph = "He said: “Not now.” Then he left."
    (quote,) = quotes_in_text(3, paragraph)
    assert paragraph[quote.start : quote.end] == "“Not now.”"
    assert quote.span.paragraph == 3 and quote.text == "Not now."


def test_nested_single_quote_stays_inside_the_outer_quote():
    paragraph = "“The mediator asked, ‘Are you here to deal?’ I said yes,” she said."
    (quote,) = quotes_in_text(0, paragraph)
    assert quote.text == "The mediator asked, ‘Are you here to deal?’ I said yes,"
    (nested,) = quote.nested
    assert paragraph[nested[0] : nested[1]] == "‘Are you here to deal?’"


def test_nested_quote_closed_with_a_straight_apostrophe():
    paragraph = "“He asked, ‘Are you sure?' and we said no,” she said."
    assert texts(paragraph) == ["He asked, ‘Are you sure?' and we said no,"]


def test_apostrophes_are_not_quote_marks():
    paragraph = "The union’s leader said the workers’ pay and the ’90s deal weren't fair."
    assert texts(paragraph) == []


def test_plural_possessive_inside_a_nested_quote_does_not_close_it():
    paragraph = "“They told us, ‘the workers’ rights come last,’ and left,” he said."
    (quote,) = quotes_in_text(0, paragraph)
    (nested,) = quote.nested
    assert paragraph[nested[0] : nested[1]] == "‘the workers’ rights come last,’"


def test_british_single_quotes_as_primary_marks():
    assert texts("‘We will not move,’ she said. It’s final.") == ["We will not move,"]


def test_unclosed_quote_runs_to_the_paragraph_end():
    (quote,) = quotes_in_text(0, "“It belongs to the whole country.")
    assert not quote.closed and quote.text == "It belongs to the whole country."


def test_multi_paragraph_quote_is_linked():
    article = article_from_text(
        "“This harbour does not belong to the operators or to the union,” Labour Minister Farid Qaddouri said "
        "in a statement on Wednesday. “It belongs to the whole country.\n\n"
        "“I have asked both parties to meet on Monday.”\n\n"
        "“A new quote,” said Marsh."
    )
    quotes = extract_quotes(article)
    assert [q.paragraph for q in quotes] == [0, 0, 1, 2]
    second, continued, new = quotes[1], quotes[2], quotes[3]
    assert not second.closed and continued.continued and continued.group == second.group
    assert not new.continued and new.group != second.group


def test_quotes_in_headlines_and_credits_are_not_extracted():
    article = article_from_text(
        "Union says “we stay”\n\nBy Jo Roe\n\nPORT ALDER (Meridian) - Workers voted to stay out on strike again "
        "on Thursday, officials said, in a ballot that drew a large turnout across the harbour.\n\n"
        "(Reporting by Jo Roe; Editing by “Ed” Smith)"
    )
    assert extract_quotes(article) == []


def test_comparison_key_ignores_marks_case_and_edge_punctuation():
    assert quote_key("Our members ‘spoke’,") == quote_key('our members "spoke".')
    assert comparable_text("  We won’t go,  ") == "We won’t go"


def test_straight_marks_with_apostrophes_and_possessives():
    assert texts("\"It's the workers' right,\" he said.") == ["It's the workers' right,"]
    assert texts("'We're here,' she said.") == ["We're here,"]
    assert texts("'The workers' pay is low,' she said.") == ["The workers' pay is low,"]


def test_inch_marks_and_stray_closers_are_not_quotes():
    assert texts('They laid a 6" pipe under the quay.') == []


def test_german_and_french_marks():
    assert texts("Er sagte: „Wir bleiben.“ Dann ging er.") == ["Wir bleiben."]
    assert texts("Il a dit : « Nous restons ». Puis il est parti.") == [" Nous restons "]


def test_quote_after_a_glued_dateline():
    (quote,) = quotes_in_text(0, "PORT ALDER (Meridian) - “We stay,” she said.", start=24)
    assert quote.text == "We stay,"


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_ALPHABET = st.sampled_from(list("ab sS.,:;-–()'\"“”‘’«»„0") + ["said ", "He ", " the ", "\n\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_any_text_gives_quotes_inside_their_paragraph(text):
    for quote in quotes_in_text(0, text):
        assert 0 <= quote.start < quote.end <= len(text)
        assert text[quote.start] in "\"“”„‟«»″'‘’‚‛‹›`"
        assert quote.text in text[quote.start : quote.end]


def test_house_quote_styles_are_quotation_marks():
    # Doubled single marks, TeX style, low-high and guillemets, as sites typeset them.
    assert texts("He said ‘‘we will not go back’’ and left.") == ["we will not go back"]
    assert texts("He said ``we will not go back'' and left.") == ["we will not go back"]
    assert texts("She said: ''It is over'', and left.") == ["It is over"]
    assert texts("Er sagte „wir gehen nicht zurück“ und ging.") == ["wir gehen nicht zurück"]
    assert [comparable_text(t) for t in texts("Il a dit « nous ne reculerons pas » hier.")] == ["nous ne reculerons pas"]


def test_doubled_marks_span_both_characters_and_keep_apostrophes_inside():
    paragraph = "‘‘It’s the workers’ money,’’ he said."
    (quote,) = quotes_in_text(0, paragraph)
    assert paragraph[quote.start : quote.end] == "‘‘It’s the workers’ money,’’"
    assert quote.text == "It’s the workers’ money,"


def test_spaced_apostrophe_opens_no_quote():
    assert texts("Kenya ’s president said the ‘‘toll is rising’’.") == ["toll is rising"]
    assert texts("The union ’s leader said they don ’t know.") == []


def test_a_spaced_apostrophe_compares_as_the_apostrophe():
    assert quote_key("somebody else ’s problem") == quote_key("somebody else’s problem")
    assert comparable_text("I don ’t trust it") == "I don’t trust it"


def test_curly_marks_nest_inside_guillemets():
    paragraph = "«It is “program support”, and nobody reads past page one», she said."
    (quote,) = quotes_in_text(0, paragraph)
    assert quote.text == "It is “program support”, and nobody reads past page one"
    assert [paragraph[a:b] for a, b in quote.nested] == ["“program support”"]
