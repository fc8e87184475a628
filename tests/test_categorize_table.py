"""Table-driven checks of change categories on sentence pairs, positive and negative cases.

Each case diffs two sentences with the built-in profile and lists the changes a journalist must see:
(base text, other text, category, fact). Surrounding spaces of a change are ignored when comparing.
"""

from __future__ import annotations

import pytest

from reader.diff.categorize import categorize
from reader.model import Category
from reader.settings.profile import default_profile
from reader.diff.words import diff_words

T, P, SP, ST, SUB = (
    Category.TYPOGRAPHY,
    Category.PUNCTUATION,
    Category.SPELLING,
    Category.STYLE,
    Category.SUBSTANTIVE,
)


def changes(base: str, other: str) -> list[tuple[str, str, Category, bool]]:
    return [
        (s.base_text.strip(), s.other_text.strip(), s.category, s.fact)
        for s in diff_words(base, other, default_profile())
        if s.is_change
    ]


CASES = {
    # --- typography: quote marks, apostrophes, dashes, spaces, ellipses ---------------------------------
    "curly to straight double quotes": (
        "\u201cWe are ready,\u201d he said.",
        '"We are ready," he said.',
        [("\u201c", '"', T, False), ("\u201d", '"', T, False)],
    ),
    "curly apostrophe in a word": (
        "the union\u2019s demand",
        "the union's demand",
        [("union\u2019s", "union's", T, False)],
    ),
    "single to double quote marks": (
        "He asked, \u2018Are you here?\u2019 and left.",
        'He asked, "Are you here?" and left.',
        [("\u2018", '"', T, False), ("\u2019", '"', T, False)],
    ),
    "en dash to hyphen": ("a fair offer \u2013 a 9% rise", "a fair offer - a 9% rise", [("\u2013", "-", T, False)]),
    "em dash to double hyphen": ("supplies \u2014 a power", "supplies -- a power", [("\u2014", "--", T, False)]),
    "ellipsis character": ("We will see\u2026 maybe.", "We will see... maybe.", [("\u2026", "...", T, False)]),
    "no-break space": ("about 180\u00a0kilometres", "about 180 kilometres", [("", "", T, False)]),
    "space added after a dateline dash": ("(Meridian) -Dock workers", "(Meridian) - Dock workers", [("", "", T, False)]),
    # --- punctuation ------------------------------------------------------------------------------------
    "commas moved inside a quote": (
        "I think frankly that the minister, he is wrong",
        "I think, frankly, that the minister he is wrong",
        [("", ",", P, False), ("", ",", P, False), (",", "", P, False)],
    ),
    "full stop to semicolon": (
        "They left. Then it rained.",
        "They left; then it rained.",
        [(".", ";", P, False), ("Then", "then", ST, False)],
    ),
    "quote mark removed is punctuation, never substantive": (
        "described \u201ca real stalemate\u201d here",
        "described a real stalemate here",
        [("\u201c", "", P, False), ("\u201d", "", P, False)],
    ),
    "comma before a clause is not a serial comma": (
        "He said, and then he left.",
        "He said and then he left.",
        [(",", "", P, False)],
    ),
    # --- spelling: US/UK, transliterations, small edits inside a name ------------------------------------
    "UK to US spelling from the profile list": ("which organised the vote", "which organized the vote", [("organised", "organized", SP, False)]),
    "UK to US -our rule": ("the colour of the flag", "the color of the flag", [("colour", "color", SP, False)]),
    "UK to US -re rule": ("about 180 kilometres south", "about 180 kilometers south", [("kilometres", "kilometers", SP, False)]),
    "UK to US -elled rule": ("she travelled north", "she traveled north", [("travelled", "traveled", SP, False)]),
    "UK to US -yse rule": ("they analysed it", "they analyzed it", [("analysed", "analyzed", SP, False)]),
    "UK to US with a curly possessive": (
        "the harbour\u2019s container berths",
        "the harbor's container berths",
        [("harbour\u2019s", "harbor's", SP, False)],
    ),
    "capitalised UK to US spelling": ("Labour Minister Farid", "Labor Minister Farid", [("Labour", "Labor", SP, False)]),
    "transliteration from the profile": ("Muammar Gaddafi said", "Muammar Qaddafi said", [("Gaddafi", "Qaddafi", SP, False)]),
    "transliteration of a place": ("talks in Kiev ended", "talks in Kyiv ended", [("Kiev", "Kyiv", SP, False)]),
    "small edit inside a name not in the profile": (
        "Minister Farid Qaddouri said",
        "Minister Farid Kaddouri said",
        [("Qaddouri", "Kaddouri", SP, False)],
    ),
    "accents dropped from a name": ("President Erdo\u011fan said", "President Erdogan said", [("Erdo\u011fan", "Erdogan", SP, False)]),
    "different country is not a spelling variant": ("troops left Iran", "troops left Iraq", [("Iran", "Iraq", SUB, True)]),
    "longer different name is not a spelling variant": (
        "exports to Austria rose",
        "exports to Australia rose",
        [("Austria", "Australia", SUB, True)],
    ),
    "country and its neighbour are different": ("flights to Niger resumed", "flights to Nigeria resumed", [("Niger", "Nigeria", SUB, True)]),
    "similar lowercase words are not spelling": ("a letter from the mayor", "a letter form the mayor", [("from", "form", SUB, False)]),
    "four to for is not US spelling": ("four ships waited", "for ships waited", [("four", "for", SUB, True)]),
    # --- style: house-style equivalences, numerals, dates, capitals, hyphenation --------------------------
    "U.S. to US": ("the U.S. envoy", "the US envoy", [("U.S.", "US", ST, False)]),
    "U.S.-based to US-based": ("including U.S.-based Calloway Lines", "including US-based Calloway Lines", [("U.S.", "US", ST, False)]),
    "per cent to percent is one change": ("about 78 per cent of members", "about 78 percent of members", [("per cent", "percent", ST, False)]),
    "per cent to a percent sign is one change": ("a 9 per cent rise", "a 9% rise", [("per cent", "%", ST, False)]),
    "any more to anymore": ("they will not wait any more", "they will not wait anymore", [("any more", "anymore", ST, False)]),
    "numeral to word": ("another 10 days", "another ten days", [("10", "ten", ST, False)]),
    "ordinal word to numeral": ("in its third week", "in its 3rd week", [("third", "3rd", ST, False)]),
    "thousands separator": ("about 5,000 dock workers", "about 5000 dock workers", [("5,000", "5000", T, False)]),
    "abbreviated month": ("began on Nov 1, when", "began on November 1, when", [("Nov 1", "November 1", ST, False)]),
    "day-first date": ("on Nov. 21 the union", "on 21 November the union", [("Nov. 21", "21 November", ST, False)]),
    "ISO date": ("signed on 2024-03-07 in", "signed on March 7, 2024 in", [("2024-03-07", "March 7, 2024", ST, False)]),
    "capitals of a title": ("said Labour Minister Farid", "said labour minister Farid", [("Labour", "labour", ST, False), ("Minister", "minister", ST, False)]),
    "capitals of a subhead": ("TALKS STALL", "Talks stall", [("TALKS", "Talks", ST, False), ("STALL", "stall", ST, False)]),
    "hyphenated compound": ("a well-known figure", "a well known figure", [("-", "", ST, False)]),
    "dash between clauses is not hyphenation": ("it ended - then rain", "it ended then rain", [("-", "", P, False)]),
    "hyphen dropped inside a word": ("send an e-mail today", "send an email today", [("e-mail", "email", ST, False)]),
    "time written with a glued unit": ("at 2 p.m. on Friday", "at 2pm on Friday", [("2 p.m.", "2pm", ST, False)]),
    "thin-space thousands": ("some 40\u202f000 people", "some 40,000 people", [("40\u202f000", "40,000", T, False)]),
    "on before a weekday": ("voted on Thursday to extend", "voted Thursday to extend", [("on", "", ST, False)]),
    "on before a date": ("began on Nov 1, when", "began Nov 1, when", [("on", "", ST, False)]),
    "on before something else is substantive": ("voted on the plan", "voted the plan", [("on", "", SUB, False)]),
    "per cent to pc glued to the number": ("a 5 per cent rise", "a 5pc rise", [("5 per cent", "5pc", ST, False)]),
    "possessive of a name ending in s": ("Jones\u2019 offer", "Jones's offer", [("Jones\u2019", "Jones's", ST, False)]),
    "plural possessive is not singular": ("the workers' union", "the worker's union", [("workers'", "worker's", SUB, False)]),
    "comma moved inside the closing quote": (
        "talks were \u201cconstructive\u201d, adding",
        'talks were "constructive," adding',
        [("\u201c", '"', T, False), ("\u201d,", ',"', ST, False)],
    ),
    "serial comma": ("red, white, and blue flags", "red, white and blue flags", [(",", "", ST, False)]),
    "courtesy title point": ("said Mr. Marsh", "said Mr Marsh", [("Mr.", "Mr", ST, False)]),
    "abbreviation points not in the profile": ("flights to N.Y. resumed", "flights to NY resumed", [("N.Y.", "NY", ST, False)]),
    "pronoun us is not the country": ("they told us nothing", "they told US nothing", [("us", "US", SUB, True)]),
    "a part is not apart": ("it fell a part slowly", "it fell apart slowly", [("a part", "apart", SUB, False)]),
    # --- substantive, and fact-bearing --------------------------------------------------------------------
    "changed number is never noise, the unit change stays style": (
        "About 78 per cent backed it",
        "About 87 percent backed it",
        [("78", "87", SUB, True), ("per cent", "percent", ST, False)],
    ),
    "changed amount": ("costs us $40,000 a day", "costs us $45,000 a day", [("$40,000", "$45,000", SUB, True)]),
    "decimal point moved": ("inflation ran at 7.4 per cent", "inflation ran at 74 per cent", [("7.4", "74", SUB, True)]),
    "number word changed": ("another ten days", "another eleven days", [("ten", "eleven", SUB, True)]),
    "date changed": ("began on Nov 1, when", "began on Nov 3, when", [("Nov 1", "Nov 3", SUB, True)]),
    "weekday changed": ("to meet again on Monday.", "to meet again on Tuesday.", [("Monday", "Tuesday", SUB, True)]),
    "clarification inserted": (
        "to meet again on Tuesday to talk.",
        "to meet again on Tuesday (March 5) to talk.",
        [("", "(March 5)", SUB, True)],
    ),
    "name replaced": ("said Ruth Okonjo, head of", "said Peter Lang, head of", [("Ruth Okonjo", "Peter Lang", SUB, True)]),
    "negation inserted": ("the talks were over", "the talks were not over", [("", "not", SUB, True)]),
    "negation contracted": ("we can absorb that", "we cannot absorb that", [("can", "cannot", SUB, True)]),
    "contraction keeps the negation": ("we do not accept it", "we don't accept it", [("do not", "don't", ST, False)]),
    "quantity made vague": ("at least 40 ships", "dozens of ships", [("at least 40", "dozens of", SUB, True)]),
    "time changed": ("at 3pm on Friday", "at 2pm on Friday", [("3pm", "2pm", SUB, True)]),
    "decade changed": ("the 1990s boom", "the 1980s boom", [("1990s", "1980s", SUB, True)]),
    "doubled letter in a name": ("Minister Haddadi said", "Minister Hadadi said", [("Haddadi", "Hadadi", SP, False)]),
    "final vowel of a first name changes the person": ("said Mario Rossi", "said Maria Rossi", [("Mario", "Maria", SUB, True)]),
    "reworded quote word": ("a fair offer on the table", "a generous offer on the table", [("fair", "generous", SUB, False)]),
    "speech verb changed": ("Velasquez said.", "Velasquez claimed.", [("said", "claimed", SUB, False)]),
    "hedge dropped": ("said it believed the vote would", "said the vote would", [("it believed", "", SUB, False)]),
    # One normaliser, as real copy carries noise: full-name dates, letters, scale words, money, grouping.
    "full stop after a full month": ("reopen on 21 November.", "reopen on Nov 21.", [("21 November", "Nov 21", ST, False)]),
    "o with stroke": ("said Søren Dahl", "said Soren Dahl", [("Søren", "Soren", SP, False)]),
    "l with stroke": ("Łukasz Nowak said", "Lukasz Nowak said", [("Łukasz", "Lukasz", SP, False)]),
    "dotless i and cedilla": ("leader Kılıçdaroğlu said", "leader Kilicdaroglu said", [("Kılıçdaroğlu", "Kilicdaroglu", SP, False)]),
    "ae spelling from the table": ("an anaemic recovery", "an anemic recovery", [("anaemic", "anemic", SP, False)]),
    "oe spelling from the table": ("the paediatric ward", "the pediatric ward", [("paediatric", "pediatric", SP, False)]),
    "scale word": ("some 1.5 million people", "some 1,500,000 people", [("1.5 million", "1,500,000", ST, False)]),
    "spoken hundreds": ("two hundred workers", "200 workers", [("two hundred", "200", ST, False)]),
    "money with a glued scale": ("a $5m fund", "a $5 million fund", [("$5m", "$5 million", ST, False)]),
    "glued billions": ("a £1.5bn deal", "a £1,500,000,000 deal", [("£1.5bn", "£1,500,000,000", ST, False)]),
    "space-grouped thousands": ("some 10 000 fans", "some 10,000 fans", [("10 000", "10,000", T, False)]),
    "transliterated qaf": ("said Omar Qaddouri", "said Omar Kaddouri", [("Qaddouri", "Kaddouri", SP, False)]),
    "Slavic ending": ("President Zelenskiy said", "President Zelenskyy said", [("Zelenskiy", "Zelenskyy", SP, False)]),
    "contraction written out": ("“I’ve been there,” he said", "“I have been there,” he said", [("I’ve", "I have", ST, False)]),
    "negative contraction": ("“We won’t stop,” she said", "“We will not stop,” she said", [("won’t", "will not", ST, False)]),
    "has is not is": ("the union has agreed", "the union is agreed", [("has", "is", SUB, False)]),
    # ...and what the normaliser must never fold: another value, currency or person.
    "scale value changed": ("some 1.5 million people", "some 1.6 million people", [("1.5 million", "1.6 million", SUB, True)]),
    "scale word changed": ("a $5m fund", "a $5bn fund", [("$5m", "$5bn", SUB, True)]),
    "currency changed": ("a $5m fund", "a £5m fund", [("$5m", "£5m", SUB, True)]),
    "a dozen is not twelve": ("a dozen boats", "12 boats", [("a dozen", "12", SUB, True)]),
    "one vowel of a name": ("said Vance", "said Vince", [("Vance", "Vince", SUB, True)]),
    "another vowel of a name": ("Putin said", "Patin said", [("Putin", "Patin", SUB, True)]),
    "one letter of a name dropped": ("Leavitt said", "Levitt said", [("Leavitt", "Levitt", SUB, True)]),
    "h of a name": ("said John Dale", "said Jon Dale", [("John", "Jon", SUB, True)]),
}

@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_change_categories(case):
    base, other, expected = CASES[case]
    assert changes(base, other) == expected


@pytest.mark.parametrize(
    "base, other",
    [
        ("\u201cYes,\u201d she said.", '"Yes," she said.'),
        ("\u2018nested\u2019", "'nested'"),
        ("\u201cquote\u201d", "quote"),
        ("\u201cquote\u201d", "\u2018quote\u2019"),
        ("word \u2014 word", "word, word"),
    ],
)
def test_a_changed_quote_mark_or_dash_is_never_substantive(base, other):
    assert all(c[2] is not SUB for c in changes(base, other))


@pytest.mark.parametrize(
    "base, other",
    [
        ("78", "87"),
        ("7.4", "74"),
        ("10", "11"),
        ("ten", "11"),
        ("Nov 21", "Nov 25"),
        ("1,000", "10,000"),
        ("3rd", "4th"),
        ("2016", "2018"),
    ],
)
def test_a_changed_number_is_never_noise(base, other):
    found = changes(f"it was {base} then", f"it was {other} then")
    assert found and all(c[2] is SUB and c[3] for c in found)


def test_fact_is_only_ever_set_on_substantive_changes():
    pairs = [(case[0], case[1]) for case in CASES.values()]
    for base, other in pairs:
        for segment in diff_words(base, other, default_profile()):
            if segment.fact:
                assert segment.category is SUB
            if not segment.is_change:
                assert segment.category is None and not segment.fact


@pytest.mark.parametrize(
    "base, other, category",
    [
        ("per cent", "percent", ST),
        ("U.S.", "US", ST),
        ("harbour", "harbor", SP),
        ("Qaddouri", "Kaddouri", SP),
        ("\u201c", '"', T),
        (",", ";", P),
        ("said", "claimed", SUB),
    ],
)
def test_categorize_on_change_texts(base, other, category):
    assert categorize(base, other, default_profile())[0] is category


def test_a_spaced_apostrophe_is_typography():
    from reader.model import Category as C
    from reader.settings.profile import default_profile
    from reader.diff.words import diff_words

    for wire, copy in (("Russia’s envoy", "Russia ’s envoy"), ("they don’t know", "they don ’t know")):
        changes = [s for s in diff_words(wire, copy, default_profile()) if s.is_change]
        assert changes and all(s.category is C.TYPOGRAPHY for s in changes), (wire, copy)
