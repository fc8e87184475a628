"""Paragraph kinds and article metadata found in the shapes real wire copy and reprints take."""

from __future__ import annotations

from reader.loading import article_from_text
from reader.loading.structure import split_paragraphs
from reader.model import ParagraphKind as K

LEDE = (
    "Dock workers at Port Alder, the country's busiest container harbour, voted on Thursday to extend "
    "their strike by another 10 days, deepening a standoff that has left more than 40 ships offshore."
)
BODY = "The talks, mediated by the Ministry of Labour, foundered over the union's demand for a cap on shifts."


def kinds_of(*paragraphs: str) -> list[K]:
    return [p.kind for p in article_from_text("\n\n".join(paragraphs)).paragraphs]


def test_single_newline_layout_with_stray_spaces():
    assert split_paragraphs("Headline\n  By Jo Roe\n PORT ALDER: text.\n\n") == ["Headline", "By Jo Roe", "PORT ALDER: text."]


def test_blank_line_layout_joins_wrapped_lines_and_page_breaks_split():
    assert split_paragraphs("One line\nwrapped here.\n\nTwo.\n \nThree.") == ["One line wrapped here.", "Two.", "Three."]
    assert split_paragraphs("Page one.\fPage two.") == ["Page one.", "Page two."]


def test_wire_top_matter_and_glued_dateline():
    article = article_from_text(
        "\n\n".join(["Dockers extend strike", "By Hannah Lindqvist and Tomas Ferreira", f"PORT ALDER, Nov 21 (Meridian) -{LEDE}", BODY])
    )
    assert [p.kind for p in article.paragraphs] == [K.HEADLINE, K.BYLINE, K.BODY, K.BODY]
    assert article.dateline == "PORT ALDER, Nov 21"
    assert article.credit == "Meridian"
    lede = article.paragraphs[2]
    assert lede.body_text == LEDE


def test_metadata_line_glued_to_the_first_paragraph():
    article = article_from_text(f" date 2024-03-07 PORT ALDER/EASTMERE: {LEDE}\n{BODY}")
    lede = article.paragraphs[0]
    assert lede.kind is K.BODY
    assert lede.body_text == LEDE
    assert article.dateline == "PORT ALDER/EASTMERE"


def test_dateline_with_region_and_agency():
    article = article_from_text(f"Strike\n\nKYIV, Ukraine (AP) \u2014 {LEDE}\n\n{BODY}")
    assert article.credit == "AP"
    assert article.paragraphs[1].body_text == LEDE


def test_bylines_in_real_forms():
    assert kinds_of("Dockers extend strike", "By Jane Roe, John Doe and Ann Poe", LEDE)[1] is K.BYLINE
    assert kinds_of("Dockers extend strike", "Jane Roe, John Doe and Ann Poe The Daily Example", LEDE)[1] is K.BYLINE
    article = article_from_text("\n\n".join(["Dockers extend strike", "Hannah Lindqvist", LEDE]))
    assert article.paragraphs[1].kind is K.BYLINE
    assert article.byline == "Hannah Lindqvist"


def test_caption_and_source_line_before_the_headline():
    article = article_from_text(
        "\n".join([
            "Cranes stand idle at a container terminal in Port Alder on Nov 19. MERIDIAN/Jo Example",
            "Source: Meridian",
            "Port Alder dockers to vote on longer strike",
            "By Jo Roe",
            f"PORT ALDER: {LEDE}",
        ])
    )
    assert [p.kind for p in article.paragraphs] == [K.CAPTION, K.CREDIT, K.HEADLINE, K.BYLINE, K.BODY]
    assert article.credit == "Meridian"
    assert article.headline == "Port Alder dockers to vote on longer strike"


def test_other_caption_credits():
    assert kinds_of("Strike", LEDE, "A crane operator on the quay. REUTERS/Jo Example/File Photo", BODY)[2] is K.CAPTION
    assert kinds_of("Strike", LEDE, "Dock workers march on Friday (photo: Jo Example/AP)", BODY)[2] is K.CAPTION


def test_trailer_credits_disclaimers_and_page_junk():
    got = kinds_of(
        "Strike", LEDE, BODY,
        "(Reporting by Hannah Lindqvist in Port Alder; Editing by Graham Whitlock)",
        "This article was produced by Meridian News Agency. It has not been edited by The Daily Example.",
        "You may be interested in", "/", "Read more: Brennick port bets on expansion", "Advertisement",
        "Share this article", "Port Alder ferry operator warns of fare rises",
    )
    assert got[3:5] == [K.CREDIT, K.CREDIT]
    assert got[5:] == [K.BOILERPLATE] * 6


def test_trailer_without_parentheses_and_contributor_line():
    got = kinds_of(
        "Strike", LEDE, BODY,
        "Associated Press writer Jo Roe in Eastmere contributed to this report.",
        "Reporting by Hannah Lindqvist; Editing by Graham Whitlock",
    )
    assert got[3:] == [K.CREDIT, K.CREDIT]


def test_subheads_in_capitals_and_title_case_but_not_short_sentences():
    got = kinds_of("Strike", LEDE, "TALKS STALL", BODY, "Shifting Positions", BODY, "He declined to comment.", "More than 40 ships waited.")
    assert got[2] is K.SUBHEAD
    assert got[4] is K.SUBHEAD
    assert got[6:] == [K.BODY, K.BODY]


def test_a_body_sentence_starting_like_a_credit_is_body():
    got = kinds_of("Strike", LEDE, "Reporting by the local radio station first revealed the vote, officials said, adding that talks would resume.", BODY, BODY, BODY, BODY)
    assert got[2] is K.BODY


def test_a_slash_in_ordinary_words_is_not_a_photo_credit():
    got = kinds_of("Strike", LEDE, "The union said it would keep negotiating on behalf of members and/or their families.", BODY)
    assert got[2] is K.BODY
    got = kinds_of("Strike", LEDE, "Velasquez said she spoke on his/her behalf", BODY)
    assert got[2] is K.BODY


def test_date_lines_and_agency_lines_are_metadata():
    # A page timestamp names no place: it is page furniture, never the dateline.
    article = article_from_text("\n\n".join([
        "Dockers extend strike", "By Jo Roe", "Nov. 21, 2026 4:05 PM GMT", LEDE, BODY, "Updated: 21 November 2026", "(Reuters)",
    ]))
    assert [p.kind for p in article.paragraphs] == [K.HEADLINE, K.BYLINE, K.BOILERPLATE, K.BODY, K.BODY, K.BOILERPLATE, K.CREDIT]
    assert article.dateline is None
    assert article.credit == "Reuters"
    assert kinds_of("Strike", LEDE, "On 21 November 2026 the union voted again.", BODY)[2] is K.BODY


SCRAPED_PAGE = """Local News Front
Sign in
World News
Floodwaters cut off three towns as rescuers race against rain
A A
By JANE ROE and OMAR FARAH Associated Press
Updated March 3, 2026 at 6:10 am
SHARE POST EMAIL PRINT COMMENTS
FILE - In this Feb. 2, 2026, file photo, residents wade through water in Kisumu. (AP Photo/Sam Otieno, File)
Enter your postcode for local weather
NAIROBI, Kenya (AP) — Floodwaters cut off three towns in western Kenya on Tuesday as rescuers raced to reach families stranded on rooftops, officials said.
The Red Cross said more than 2,000 people had been moved to schools and churches on higher ground.
JOIN NOW
Copyright 2026 The Associated Press. All rights reserved."""


def test_scraped_page_furniture_timestamps_and_captions_are_not_metadata_of_the_story():
    article = article_from_text(SCRAPED_PAGE)
    kinds = [p.kind for p in article.paragraphs]
    assert kinds == [
        K.BOILERPLATE, K.BOILERPLATE, K.BOILERPLATE, K.HEADLINE, K.BOILERPLATE, K.BYLINE, K.BOILERPLATE,
        K.BOILERPLATE, K.CAPTION, K.BOILERPLATE, K.BODY, K.BODY, K.BOILERPLATE, K.CREDIT,
    ]
    assert article.headline == "Floodwaters cut off three towns as rescuers race against rain"
    assert article.dateline == "NAIROBI" and article.credit == "AP"
    assert article.paragraphs[10].body_text.startswith("Floodwaters cut off")


def test_agency_byline_beside_a_timestamp():
    article = article_from_text("Rescuers race rain\nThe Associated Press | Wednesday, March 3, 2026, 7:05 a.m.\n" + LEDE)
    assert [p.kind for p in article.paragraphs][:2] == [K.HEADLINE, K.BYLINE]
    assert article.byline == "The Associated Press"


def test_title_case_dateline_needs_an_agency_credit():
    article = article_from_text("Coach sacked after cup exit\n\nParis (AFP) - " + LEDE)
    assert article.dateline == "Paris" and article.credit == "AFP"
    assert article_from_text("Coach sacked\n\nParis - " + LEDE).dateline is None


def test_the_named_byline_and_the_longest_title_win_over_a_site_name_and_an_agency_line():
    article = article_from_text("\n".join([
        "MarketPulse Live", "UK Markets", "The Press Association | Thursday, April 16, 2026, 7:05 a.m.",
        "Eight Baltic nations agree cable patrols and a repair fund at Tallinn summit",
        "By HENRY SALTMARSH, PA City Editor, and MAYA KETTERING, PA Business Reporter", LEDE,
    ]))
    assert article.headline == "Eight Baltic nations agree cable patrols and a repair fund at Tallinn summit"
    assert article.byline.startswith("HENRY SALTMARSH")
    assert [p.kind for p in article.paragraphs][:3] == [K.BOILERPLATE, K.BOILERPLATE, K.BOILERPLATE]


def test_a_standfirst_under_the_headline_is_not_the_headline():
    article = article_from_text("\n".join([
        "Mancunian Evening Post", "Health", "Junior doctors to strike for five days after pay talks collapse",
        "Thousands of appointments face being postponed as the walkout hits four hospitals from Monday",
        "By Eleanor Whitcombe, PA Health Correspondent", LEDE,
    ]))
    assert article.headline == "Junior doctors to strike for five days after pay talks collapse"


def test_menus_breadcrumbs_and_mastheads_are_furniture_not_headlines():
    from reader.loading.furniture import is_furniture

    for line in ("News | Business | Sport | What’s On | Property", "Home  Local  Crime & Courts  Schools",
                 "International › Europe", "GLOBAL DESK DAILY  ·  English Edition"):
        assert is_furniture(line), line
    for line in ("By Jo Roe | Reuters", "Jane Roe, John Doe and Ann Poe The Daily Example", "TALKS STALL",
                 "Port Alder dock workers vote to extend strike as harbour talks stall"):
        assert not is_furniture(line), line
    article = article_from_text("\n".join(["News | World | Europe | Opinion", "Dock workers vote to extend strike", LEDE]))
    assert article.headline == "Dock workers vote to extend strike"


def test_a_masthead_line_shaped_like_a_dateline_is_not_the_lede():
    article = article_from_text(
        "RIVIERA POST -- English edition\n\nWorld | Business | Health\n\nRegulator orders recall of heart drug\n\n"
        "By Kate Holloway, Reuters\n\nGENEVA, March 4 (Reuters) - Europe's medicines regulator ordered a recall "
        "of a widely used blood pressure drug on Wednesday.\n\nThe company said it was cooperating.",
        "copy.txt",
    )
    assert (article.dateline, article.credit) == ("GENEVA, March 4", "Reuters")
    assert article.paragraphs[4].body_text.startswith("Europe's medicines regulator")


def test_a_site_tagline_above_the_menu_is_not_the_headline():
    article = article_from_text(
        "Sahara Tribune \u2014 Africa's news, every hour\nHome  Africa  World  Business  Sports  Videos\n"
        "Tunisia police fire tear gas, detain hundreds at protest over bill\nSana BEN AMOR\n14 May 2026, 10:40\n"
        "TUNIS (AFP) - Tunisian police fired tear gas to disperse thousands of protesters late on Wednesday.\n"
        "The ministry said 23 officers had been wounded.",
        "copy.txt",
    )
    assert article.headline == "Tunisia police fire tear gas, detain hundreds at protest over bill"
