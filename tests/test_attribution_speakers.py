"""Attribution phrases: speaker, title, cue verb and hedge, on the sentence shapes of wire copy."""

from __future__ import annotations

import pytest

from reader.loading import article_from_text
from reader.findings.quotes import extract_quotes, quotes_in_text
from reader.findings.speakers import attribute_quotes, attributions_in_paragraph, extract_attributions, same_speaker


def one(text: str):
    (attribution,) = attributions_in_paragraph(0, text, quotes_in_text(0, text))
    return attribution


@pytest.mark.parametrize(
    "text, speaker, verb, title",
    [
        ("“We will stay,” said Maria Velasquez, the union’s regional secretary.", "Maria Velasquez", "said",
         "the union’s regional secretary"),
        ("“We will stay,” Velasquez told reporters outside the hall.", "Velasquez", "told reporters", None),
        ("Labour Minister Farid Qaddouri, who has avoided the dispute, said the law allowed it.", "Farid Qaddouri",
         "said", "Labour Minister"),
        ("The talks foundered over shift caps, a source familiar with the talks said.",
         "a source familiar with the talks", "said", None),
        ("Imports fell by a fifth, according to the National Shipping Registry.", "the National Shipping Registry",
         "according to", None),
        ("“We will win,” Smith wrote on Truth Social.", "Smith", "wrote on Truth Social", None),
        ("Maria Velasquez, the union’s regional secretary, told reporters: “No.”", "Maria Velasquez",
         "told reporters", "the union’s regional secretary"),
    ],
)
def test_speaker_cue_and_title(text, speaker, verb, title):
    attribution = one(text)
    assert (attribution.speaker, attribution.verb, attribution.title) == (speaker, verb, title)
    assert text[attribution.start : attribution.end] == attribution.phrase


def test_hedge_and_loaded_verbs():
    hedged = one("The association said it believed the vote would prolong the dispute.")
    assert hedged.hedge == "it believed" and hedged.cue == "said it believed"
    assert one("“The money is there,” Velasquez claimed.").is_loaded
    assert not one("“The money is there,” Velasquez said.").is_loaded


def test_anonymous_sources():
    assert one("The deal is close, a source familiar with the matter said.").anonymous
    assert one("“We will not pay,” said an official, who asked not to be named.").anonymous
    assert not one("“We will not pay,” said Edwin Marsh.").anonymous


def test_quoted_words_are_never_cues():
    assert attributions_in_paragraph(0, "“He said no and she claimed yes.”", quotes_in_text(0, "“He said no and she claimed yes.”")) == []


def test_nouns_that_look_like_verbs_are_not_cues():
    text = "The council estimated early claims at 45 million crowns."
    assert [a.verb for a in attributions_in_paragraph(0, text, [])] == ["estimated"]


def test_pronoun_resolved_only_when_unambiguous():
    article = article_from_text(
        "Labour Minister Farid Qaddouri has so far resisted using the law, but his tone hardened this week as "
        "the strike went on. “The law allows it,” he said.\n\n"
        "Edwin Marsh met Ruth Okonjo on Friday to discuss the shipping delays at the harbour. “We talked,” she said."
    )
    quotes = extract_quotes(article)
    attributions = extract_attributions(article, quotes)
    by_paragraph = {a.paragraph: a for a in attributions}
    assert by_paragraph[0].resolved == "Farid Qaddouri"
    assert by_paragraph[1].resolved is None  # two people named before "she": left unresolved


def test_every_piece_of_a_multi_paragraph_quote_has_the_speaker():
    article = article_from_text(
        "“It belongs to the whole country, and the whole country is now paying the price of this strike,” "
        "Labour Minister Farid Qaddouri said in a statement on Wednesday. “We will act.\n\n"
        "“I have asked both parties to meet again on Monday.”"
    )
    quotes = extract_quotes(article)
    speakers = attribute_quotes(article, quotes, extract_attributions(article, quotes))
    assert [s.speaker for s in speakers] == ["Farid Qaddouri"] * 3


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Maria Velasquez", "Velasquez", True),
        ("Ms Velasquez", "Maria Velasquez", True),
        ("Farid Qaddouri", "Kaddouri", True),
        ("the Harbour and Transport Workers’ Union", "the union", True),
        ("Ruth Okonjo", "Peter Lang", False),
        ("he", "Peter Lang", None),
        ("Søren Dahl", "Soren Dahl", True),
        ("President Zelenskiy", "Zelenskyy", True),
        # One letter of a name is another person unless transliteration explains it.
        ("JD Vance", "JD Vince", False),
        ("Karoline Leavitt", "Levitt", False),
    ],
)
def test_same_speaker(a, b, same):
    assert same_speaker(a, b) is same


def test_a_title_written_another_way_is_the_same_speaker():
    from reader.findings.speakers import same_speaker

    assert same_speaker("U.S. Attorney Karen Ostrowski", "US Attorney Karen Ostrowski") is True
    assert same_speaker("Assistant U.S. Attorney Daniel Perlow", "Daniel Perlow") is True
    assert same_speaker("Karen Ostrowski", "Daniel Perlow") is False


def test_a_single_letter_is_not_a_speaker():
    from reader.findings.quotes import quotes_in_text
    from reader.findings.speakers import attributions_in_paragraph

    text = "“We will decide on Monday,” J said."
    assert [a.speaker for a in attributions_in_paragraph(0, text, quotes_in_text(0, text))] == []


def test_lower_case_titles_before_a_name_are_titles():
    from reader.findings.speakers import _split_title

    assert _split_title("Chief executive Rachel Thornbury", None) == ("Rachel Thornbury", "Chief executive")
    assert _split_title("JDA general secretary Tom Ellery", None) == ("Tom Ellery", "JDA general secretary")


def test_where_words_were_said_is_never_the_speaker():
    from reader.findings.speakers import _looks_like_speaker

    for place in ("in a statement", "on Facebook", "at a rally", "remarks quoted by local media"):
        assert not _looks_like_speaker(place), place
    for speaker in ("the ministry", "Maria Velasquez", "a spokesman for the club", "Interior Minister Mourad Jlassi"):
        assert _looks_like_speaker(speaker), speaker


def test_he_or_she_never_stands_for_what_according_to_names():
    from reader.findings.attribution import Side
    from reader.loading import article_from_text

    text = ("Strike talks stall\n\nLawyer Anis Maaloul said his clients were held for 12 hours, according to remarks "
            "quoted by local media. “This is a violation of the code,” he told a radio station.")
    side = Side.of(article_from_text(text, "wire.txt"))
    (quote,) = [n for n, q in enumerate(side.quotes) if "violation" in q.text]
    assert side.speaker_of[quote].who == "Lawyer Anis Maaloul"


@pytest.mark.parametrize(
    "text, speaker, title",
    [
        ("Government spokesman Karim Ayadi defended the police response, telling a news conference that the "
         "state “will not allow the street to be used”.", "Karim Ayadi", "Government spokesman"),
        ("The ministry rejected the figures, saying they were “wildly inflated”.", "The ministry", None),
        ("She dismissed the report, saying it was “a fiction”.", "She", None),
    ],
)
def test_a_participle_cue_is_spoken_by_the_subject_of_its_sentence(text, speaker, title):
    attribution = one(text)
    assert (attribution.speaker, attribution.title) == (speaker, title)
    assert attribution.phrase.startswith(text[: len(attribution.phrase.split(" \u2026 ")[0])])


def test_a_participle_after_a_clause_without_a_plain_subject_names_nobody():
    text = "After weeks of talks that went nowhere, the offer collapsed, saying little about “the future”."
    assert attributions_in_paragraph(0, text, quotes_in_text(0, text)) == []


def test_a_name_in_apposition_to_a_description_is_the_speaker():
    attribution = one("The ferry’s operator, Camotes Seaways Corporation, said in a statement that it believed the "
                      "vessel was seaworthy.")
    assert (attribution.speaker, attribution.title) == ("Camotes Seaways Corporation", "The ferry’s operator")
    assert attribution.hedge == "that it believed"


def test_a_hedge_in_a_later_clause_of_the_statement_is_the_attribution_s_hedge():
    text = ("Southwest Mesa Electric Cooperative said in a statement that it had cut power to 9,800 customers, that "
            "it believed its equipment had been operating normally and that it was cooperating.")
    assert one(text).hedge == "that it believed"
    assert one(text.replace("that it believed its", "that its")).hedge is None
