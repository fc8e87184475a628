"""Smaller loading items of issue 22: wire XML that is not one article is refused in one line instead of being
read as a version that cut the story (or as only its first story), and metadata values are bounded in every
format, so a huge attribute cannot make a huge report."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader import compare
from reader.errors import InputError
from reader.loading import MAX_METADATA_CHARS, article_from_text, load_bytes
from reader.report.json_report import render_json

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = "Dock workers at the port voted on Thursday to extend their strike for another week, the union said."
G2_NS = 'xmlns="http://iptc.org/std/nar/2006-10-01/"'


def nitf(body: str = f"<body.content><p>{SENTENCE}</p></body.content>", head: str = "") -> bytes:
    return (
        f'<?xml version="1.0"?><nitf><head><title>Strike extended</title>{head}</head><body>'
        f"<body.head><hedline><hl1>Strike extended</hl1></hedline><byline>By Jo Roe</byline></body.head>"
        f"{body}</body></nitf>"
    ).encode()


def g2_item(guid: str, content: str, provider: str = "Meridian") -> str:
    return (
        f'<newsItem guid="{guid}" version="1"><itemMeta><provider literal="{provider}"/></itemMeta>'
        f"<contentMeta><headline>Strike extended {guid}</headline></contentMeta>"
        f"<contentSet>{content}</contentSet></newsItem>"
    )


def text_content(words: str) -> str:
    return f'<inlineXML contenttype="application/xhtml+xml"><html><body><p>{words}</p></body></html></inlineXML>'


PICTURE = '<remoteContent href="photo.jpg" contenttype="image/jpeg"/>'


def g2_message(*items: str) -> bytes:
    return f'<?xml version="1.0"?><newsMessage {G2_NS}><itemSet>{"".join(items)}</itemSet></newsMessage>'.encode()


def refusal(name: str, data: bytes) -> str:
    with pytest.raises(InputError) as error:
        load_bytes(name, data)
    message = str(error.value)
    assert "\n" not in message
    return message


# --- NITF that holds no story ------------------------------------------------------------------------


def test_nitf_without_body_content_is_refused_not_read_as_a_headline_alone():
    message = refusal("wire.xml", nitf(body="<body.end><tagline>Copyright Meridian</tagline></body.end>"))
    assert message == "wire.xml: NITF document has no body.content: not an article"


@pytest.mark.parametrize(
    "content", ["<body.content></body.content>", "<body.content>  <p> </p>\n</body.content>",
                "<body.content><table><tr><td>3</td></tr></table></body.content>"],
    ids=["empty", "blank paragraphs", "only a table"],
)
def test_nitf_with_an_empty_body_content_is_refused(content):
    assert "NITF body.content holds no article text: not an article" in refusal("wire.xml", nitf(body=content))


def test_nitf_with_body_text_still_loads():
    article = load_bytes("wire.xml", nitf())
    assert [p.text for p in article.paragraphs] == ["Strike extended", "By Jo Roe", SENTENCE]


def test_the_refusal_reaches_the_command_line_as_one_line_and_exit_2(tmp_path):
    good, empty = tmp_path / "wire.xml", tmp_path / "cut.xml"
    good.write_bytes(nitf())
    empty.write_bytes(nitf(body=""))
    result = subprocess.run(
        [sys.executable, "-m", "reader", "compare", str(good), str(empty), "--format", "json"],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == f"reader: error: {empty}: NITF document has no body.content: not an article\n"


# --- Packages of several stories ---------------------------------------------------------------------


def test_a_newsml_g2_package_of_several_stories_is_refused_with_their_count():
    data = g2_message(*(g2_item(f"story-{n}", text_content(f"{SENTENCE} Story {n}.")) for n in range(3)))
    message = refusal("package.xml", data)
    assert message == (
        "package.xml: holds 3 news items; reader reads one article per file: split the package, one news item per file"
    )


def test_the_count_says_how_many_items_hold_text_when_some_are_pictures():
    story = text_content(SENTENCE)
    data = g2_message(g2_item("a", story), g2_item("photo", PICTURE), g2_item("b", story))
    assert "holds 3 news items, 2 with text; reader reads one article per file" in refusal("package.xml", data)


def test_the_one_story_among_pictures_is_read_wherever_it_stands():
    data = g2_message(g2_item("photo", PICTURE), g2_item("story", text_content(SENTENCE)), g2_item("graphic", PICTURE))
    article = load_bytes("package.xml", data)
    assert article.source_format == "newsml-g2"
    assert article.headline == "Strike extended story"
    assert [p.text for p in article.paragraphs][-1] == SENTENCE


def test_a_newsml_g2_item_without_body_text_is_refused():
    data = g2_message(g2_item("photo", PICTURE))
    assert "NewsML-G2 news item holds no article text" in refusal("photo.xml", data)


def test_a_newsml_1_envelope_of_several_nitf_stories_is_refused():
    story = nitf().decode().removeprefix('<?xml version="1.0"?>')
    data = f'<?xml version="1.0"?><NewsML><NewsItem>{story}</NewsItem><NewsItem>{story}</NewsItem></NewsML>'.encode()
    assert "holds 2 NITF documents; reader reads one article per file" in refusal("newsml1.xml", data)
    one = f'<?xml version="1.0"?><NewsML><NewsItem>{story}</NewsItem></NewsML>'.encode()
    assert load_bytes("newsml1.xml", one).source_format == "nitf"


# --- Metadata bounded in every format ----------------------------------------------------------------

HUGE = "Meridian News Agency " * 15_000  # 315,000 characters of words


def assert_bounded(value: str | None, original: str = HUGE) -> None:
    assert value is not None and len(value) <= MAX_METADATA_CHARS
    assert value.endswith("\u2026")
    kept = value.removesuffix("\u2026")
    assert original.startswith(kept) and original[len(kept)] == " ", "cut inside a word"


def test_a_huge_nitf_credit_attribute_is_cut_and_the_report_stays_small():
    article = load_bytes("wire.xml", nitf(head=f'<docdata><doc.copyright holder="{HUGE}"/></docdata>'))
    assert_bounded(article.credit)
    report = render_json(compare(article, article))
    assert len(report) < 20_000  # the whole attribute would be 630,000 characters (it appears twice)


def test_huge_nitf_dateline_and_date_are_cut():
    head_body = (
        f'<body.head><hedline><hl1>Strike extended</hl1></hedline><dateline><location>{HUGE}</location></dateline>'
        f"</body.head><body.content><p>{SENTENCE}</p></body.content>"
    )
    head = f'<head><docdata><date.release norm="{HUGE}"/></docdata></head>'
    data = f'<?xml version="1.0"?><nitf>{head}<body>{head_body}</body></nitf>'
    article = load_bytes("wire.xml", data.encode())
    assert_bounded(article.dateline)
    assert_bounded(article.published, HUGE.strip())


def test_a_huge_newsml_g2_provider_is_cut():
    article = load_bytes("item.xml", g2_message(g2_item("story", text_content(SENTENCE), provider=HUGE)))
    assert_bounded(article.credit)


def test_a_headline_found_in_plain_text_is_cut_too():
    headline = "Strike " + "x" * 5_000 + " extended"
    article = article_from_text(f"{headline}\n\nPORT ALDER, March 3 (Meridian) - {SENTENCE}\n")
    assert article.headline is not None and len(article.headline) <= MAX_METADATA_CHARS
    assert article.headline.endswith("\u2026")
    assert article.paragraphs[0].text == headline  # the paragraph itself is article text and stays whole


def test_short_metadata_is_unchanged():
    article = load_bytes("wire.xml", nitf(head='<docdata><doc.copyright holder="Meridian"/></docdata>'))
    assert (article.headline, article.byline, article.credit) == ("Strike extended", "Jo Roe", "Meridian")
