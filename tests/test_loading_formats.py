"""Every format reader gives back the story's paragraphs, in order, with the right kinds and metadata."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from reader.errors import InputError
from reader.loading import load_article, load_bytes
from reader.model import ParagraphKind

SAMPLES = Path(__file__).resolve().parent.parent / "sample_articles"
STORY = SAMPLES / "harbour-strike"
FORMATS = SAMPLES / "formats"


def texts(article) -> list[str]:
    return [p.text for p in article.paragraphs]


def kinds(article) -> list[ParagraphKind]:
    return [p.kind for p in article.paragraphs]


def test_nitf_gives_the_wire_paragraphs_and_metadata():
    wire = load_article(str(STORY / "00-wire.txt"))
    nitf = load_article(str(FORMATS / "00-wire.nitf.xml"))
    assert nitf.source_format == "nitf"
    assert texts(nitf) == texts(wire)
    assert kinds(nitf) == kinds(wire)
    assert nitf.headline == wire.headline
    assert nitf.byline == "Hannah Lindqvist and Tomas Ferreira"
    assert nitf.dateline == "PORT ALDER, Nov 21"
    assert nitf.credit == "Meridian"
    assert nitf.published == "2026-11-21T18:30:00Z"


def test_newsml_g2_gives_the_wire_paragraphs_and_metadata():
    wire = load_article(str(STORY / "00-wire.txt"))
    g2 = load_article(str(FORMATS / "05-wire.newsml-g2.xml"))
    assert g2.source_format == "newsml-g2"
    assert texts(g2) == texts(wire)
    assert kinds(g2) == kinds(wire)
    assert g2.byline == "Hannah Lindqvist and Tomas Ferreira"
    assert g2.credit == "Meridian"
    assert g2.dateline.startswith("PORT ALDER")
    assert [p.text for p in g2.paragraphs if p.kind is ParagraphKind.SUBHEAD] == ["TALKS STALL", "WIDER DISCONTENT"]


def test_saved_web_page_gives_the_article_without_site_furniture():
    reprint = load_article(str(STORY / "01-reprint-trimmed.txt"))
    page = load_article(str(FORMATS / "01-reprint-trimmed.html"))
    assert page.source_format == "html"
    assert texts(page) == texts(reprint)
    assert kinds(page) == kinds(reprint)
    assert page.headline == reprint.headline
    assert page.byline == "Hannah Lindqvist and Tomas Ferreira"
    assert page.published == "2026-11-21"
    joined = " ".join(texts(page))
    for furniture in ("cookies", "Accept all", "Subscribe", "Share", "Read more", "Advertisement", "winter tyres",
                      "Related stories", "ferry operator", "morning briefing", "Privacy policy", "Coastal Courier"):
        assert furniture not in joined


def test_web_page_with_br_separated_paragraphs_and_no_article_markup():
    page = b"""<html><head><title>Harbour strike widens</title></head><body>
    <div id="menu"><a href="/">Home</a> <a href="/news">News</a></div>
    <div class="content"><h1>Harbour strike widens</h1>
    Dock workers at Port Alder voted on Thursday to extend their strike by another ten days, the union said.<br><br>
    About 78 per cent of members who cast ballots backed the extension, on a turnout of 81 per cent.<br><br>
    The terminal operators said they were ready to talk again at any time.</div>
    <div class="footer">Copyright The Example Post</div></body></html>"""
    article = load_bytes("page.html", page)
    body = [p.text for p in article.paragraphs if p.kind is ParagraphKind.BODY]
    assert body[0].startswith("Dock workers at Port Alder")
    assert body[-1] == "The terminal operators said they were ready to talk again at any time."
    assert len(body) == 3
    assert article.headline == "Harbour strike widens"


def test_web_page_charset_declared_in_meta_is_honoured():
    html = '<html><head><meta charset="windows-1252"><title>T</title></head><body><article><h1>Caf\u00e9 owners protest</h1>' + (
        "<p>\u201cWe cannot pay this,\u201d said the owner of the caf\u00e9 on the quay \u2013 one of many.</p>" * 3
    ) + "</article></body></html>"
    article = load_bytes("page.html", html.encode("cp1252"))
    assert article.encoding == "windows-1252"
    assert any("\u201cWe cannot pay this,\u201d" in p.text for p in article.paragraphs)


def test_docx_gives_the_paragraphs_with_styles_as_kinds():
    altered = load_article(str(STORY / "04-quotes-altered.txt"))
    word = load_article(str(FORMATS / "04-quotes-altered.docx"))
    assert word.source_format == "docx"
    assert texts(word) == texts(altered)
    assert kinds(word) == kinds(altered)
    assert word.headline == altered.headline


def test_docx_tables_and_soft_breaks():
    document = docx.Document()
    document.add_paragraph("Strike widens", style="Title")
    paragraph = document.add_paragraph("Dock workers voted on Thursday")
    paragraph.add_run().add_break()
    paragraph.add_run("to extend their strike, the union said.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Ships waiting: 43"
    table.cell(0, 1).text = "A week earlier: 29"
    document.add_heading("TALKS STALL", level=2)
    buffer = io.BytesIO()
    document.save(buffer)
    article = load_bytes("draft.docx", buffer.getvalue())
    assert texts(article) == [
        "Strike widens",
        "Dock workers voted on Thursday to extend their strike, the union said.",
        "Ships waiting: 43",
        "A week earlier: 29",
        "TALKS STALL",
    ]
    assert article.paragraphs[0].kind is ParagraphKind.HEADLINE
    assert article.paragraphs[-1].kind is ParagraphKind.SUBHEAD


def test_docx_detected_by_content_even_without_the_suffix():
    document = docx.Document()
    document.add_paragraph("Harbour talks resume on Monday after the strike vote, officials said.")
    buffer = io.BytesIO()
    document.save(buffer)
    assert load_bytes("<stdin>", buffer.getvalue()).source_format == "docx"


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        ("\u201cOur members have spoken,\u201d said Mar\u00eda \u2013 the union\u2019s secretary.".encode("cp1252"), "windows-1252"),
        ("Les dockers de Port Alder ont vot\u00e9 la gr\u00e8ve \u00e0 l'unanimit\u00e9, a d\u00e9clar\u00e9 le syndicat.".encode("latin-1"), "iso-8859-1"),
        ("Hafenarbeiter in Port Alder stimmten f\u00fcr die Verl\u00e4ngerung des Streiks.".encode("utf-16"), "utf-16-le"),
        ("Dock workers \u2013 the union\u2019s members \u2013 voted.".encode("utf-16-be"), "utf-16-be"),
        (b"\xef\xbb\xbf" + "Dock workers \u2013 the union\u2019s members \u2013 voted.".encode("utf-8"), "utf-8-sig"),
        ("Dock workers \u2013 the union\u2019s members \u2013 voted.".encode("utf-8"), "utf-8"),
        ("Dock workers in Port Alder voted to extend the strike by ten days.".encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_encodings_are_detected_and_named(encoded: bytes, encoding: str):
    if encoding == "utf-16-be":
        encoded = b"\xfe\xff" + encoded
    article = load_bytes("legacy.txt", encoded)
    assert article.encoding == encoding
    original = encoded.decode({"windows-1252": "cp1252", "iso-8859-1": "latin-1"}.get(encoding, "utf-8" if "8" in encoding else "utf-16"))
    assert article.paragraphs[0].text == original.lstrip("\ufeff")


def test_cp1252_sample_reads_like_its_utf8_original():
    original = load_article(str(STORY / "02-reprint-earlier-writethrough.txt"))
    legacy = load_article(str(FORMATS / "02-reprint-earlier-writethrough.cp1252.txt"))
    assert legacy.encoding == "windows-1252"
    assert texts(legacy) == texts(original)
    assert kinds(legacy) == kinds(original)


def test_utf16_sample_reads_like_its_utf8_original():
    original = load_article(str(STORY / "03-rewrite-independent.txt"))
    utf16 = load_article(str(FORMATS / "03-rewrite-independent.utf16.txt"))
    assert utf16.encoding == "utf-16-le"
    assert texts(utf16) == texts(original)


def test_forced_encoding_wins_over_detection():
    from reader.loading import Limits

    data = "Minister \u0159ekl, \u017ee vl\u00e1da p\u0159ijme opat\u0159en\u00ed.".encode("cp1250")
    article = load_bytes("czech.txt", data, Limits(encoding="cp1250"))
    assert article.paragraphs[0].text == "Minister \u0159ekl, \u017ee vl\u00e1da p\u0159ijme opat\u0159en\u00ed."
    assert article.encoding == "cp1250"


def test_markdown_markup_is_removed_and_headings_typed():
    text = (
        "# Dock workers vote to extend strike\n\nBy **Hannah Lindqvist**\n\n"
        "PORT ALDER, Nov 21 (Meridian) -Dock workers at [Port Alder](https://example.org/port) voted on *Thursday* "
        "to extend their strike by another 10 days, deepening a standoff over pay and shifts.\n\n"
        "## TALKS STALL\n\n> \u201cWe are ready to talk tonight,\u201d said Edwin Marsh.\n"
    )
    article = load_bytes("story.md", text.encode())
    assert article.source_format == "markdown"
    assert texts(article)[0] == "Dock workers vote to extend strike"
    assert article.paragraphs[0].kind is ParagraphKind.HEADLINE
    assert texts(article)[1] == "By Hannah Lindqvist"
    assert "at Port Alder voted on Thursday" in texts(article)[2]
    assert article.paragraphs[3].kind is ParagraphKind.SUBHEAD
    assert texts(article)[4] == "\u201cWe are ready to talk tonight,\u201d said Edwin Marsh."


def test_html_saved_as_txt_is_still_read_as_a_page():
    page = (FORMATS / "01-reprint-trimmed.html").read_bytes()
    article = load_bytes("saved-page.txt", page)
    assert article.source_format == "html"
    assert "cookies" not in " ".join(texts(article))


def test_nitf_with_html_entities_media_caption_and_blockquote():
    nitf = b"""<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE nitf SYSTEM "nitf-3-2.dtd">
<nitf><head><title>Strike</title></head><body>
<body.head><hedline><hl1>Dockers extend strike&mdash;again</hl1></hedline>
<byline>By <person>Jo Roe</person></byline><distributor>Meridian</distributor></body.head>
<body.content>
<media media-type="image"><media-reference source="crane.jpg"/><media-caption>Idle cranes at Port Alder.</media-caption>
<media-producer>MERIDIAN/Jo Example</media-producer></media>
<p>PORT ALDER (Meridian) - Dock workers voted to extend their strike, caf\xe9 owners said.</p>
<block><bq><p>&ldquo;We walked out for safety,&rdquo; said Maria Velasquez.</p></bq></block>
<ul><li>First point of the list.</li></ul>
</body.content><body.end><tagline>Copyright 2026 Meridian News Agency.</tagline></body.end></body></nitf>"""
    article = load_bytes("feed.xml", nitf)
    assert article.encoding == "iso-8859-1"
    assert texts(article) == [
        "Dockers extend strike\u2014again",
        "By Jo Roe",
        "Idle cranes at Port Alder.",
        "PORT ALDER (Meridian) - Dock workers voted to extend their strike, caf\u00e9 owners said.",
        "\u201cWe walked out for safety,\u201d said Maria Velasquez.",
        "First point of the list.",
        "Copyright 2026 Meridian News Agency.",
    ]
    assert article.paragraphs[2].kind is ParagraphKind.CAPTION
    assert article.paragraphs[-1].kind is ParagraphKind.CREDIT
    assert article.byline == "Jo Roe"


def test_newsml_g2_with_plain_text_inline_data():
    g2 = b"""<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x" version="1">
<contentMeta><headline>Strike vote due</headline><by>Jo Roe</by><creditline>Meridian</creditline></contentMeta>
<contentSet><inlineData contenttype="text/plain">First paragraph of the story, with enough words to be a lede here.

Second paragraph.</inlineData></contentSet></newsItem>"""
    article = load_bytes("item.xml", g2)
    assert texts(article) == [
        "Strike vote due", "Jo Roe", "First paragraph of the story, with enough words to be a lede here.",
        "Second paragraph.",
    ]
    assert article.credit == "Meridian"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"<?xml version='1.0'?><rss><channel><item><title>x</title></item></channel></rss>", "feed"),
        (b"<?xml version='1.0'?><invoice><total>3</total></invoice>", "not a news format"),
        (b"<?xml version='1.0'?><nitf><body><p>unclosed</body></nitf>", "not well-formed"),
        (b"<?xml version='1.0'?><nitf><body><body.content></body.content></body></nitf>", "no article text"),
    ],
)
def test_unusable_xml_gives_a_clear_error(data: bytes, problem: str):
    with pytest.raises(InputError, match=problem):
        load_bytes("wire.xml", data)


PAGES = Path(__file__).resolve().parent / "pages"


def test_wordpress_style_page_keeps_only_the_article():
    page = load_article(str(PAGES / "wordpress-reprint.html"))
    assert page.headline == "Port Alder strike: dockers vote to stay out"
    assert page.byline == "Lena Marchetti"
    assert page.published == "2026-11-21"
    assert [p.kind for p in page.paragraphs].count(ParagraphKind.BOILERPLATE) == 0
    assert texts(page)[2:] == [
        "Vote extends a three-week stoppage at the country\u2019s busiest harbour.",
        "Dock workers at Port Alder voted on Thursday to extend their strike by another 10 days, the Harbour and "
        "Transport Workers\u2019 Union said.",
        # one <br> inside a paragraph is a soft line break
        "About 78 per cent of members backed the extension. Turnout was 81 per cent.",
        "\u201cWe have put a fair offer on the table,\u201d said Edwin Marsh.",
        "What happens next",
        "Labour Minister Farid Qaddouri said the government\u2019s patience was running out.",
        "The union plans a march on Saturday.",
    ]
    assert page.paragraphs[6].kind is ParagraphKind.SUBHEAD


def test_script_rendered_page_uses_the_embedded_article_body():
    page = load_article(str(PAGES / "script-rendered.html"))
    assert texts(page) == [
        "Dockers vote to extend strike",
        "Jo Roe",
        "PORT ALDER (Meridian) - Dock workers at Port Alder voted on Thursday to extend their strike by another 10 "
        "days, deepening a standoff that has left more than 40 ships offshore.",
        "About 78 per cent of members who cast ballots backed the extension, the union said.",
        "\"We have put a fair offer on the table,\" said Edwin Marsh.",
    ]
    assert page.credit == "Meridian"


def test_docx_tracked_changes_read_as_accepted():
    from docx.oxml.ns import qn
    from lxml import etree

    document = docx.Document()
    paragraph = document.add_paragraph("Dock workers voted ")
    inserted = etree.SubElement(paragraph._p, qn("w:ins"), {qn("w:id"): "1", qn("w:author"): "Desk"})
    etree.SubElement(etree.SubElement(inserted, qn("w:r")), qn("w:t")).text = "on Thursday "
    deleted = etree.SubElement(paragraph._p, qn("w:del"), {qn("w:id"): "2", qn("w:author"): "Desk"})
    etree.SubElement(etree.SubElement(deleted, qn("w:r")), qn("w:delText")).text = "reluctantly "
    paragraph.add_run("to extend the strike.")
    buffer = io.BytesIO()
    document.save(buffer)
    assert texts(load_bytes("tracked.docx", buffer.getvalue())) == ["Dock workers voted on Thursday to extend the strike."]


def test_web_page_with_a_stray_bad_byte_loads_with_a_replacement_character():
    page = ("<html><body><article><h1>Strike</h1><p>Dock workers at Port Alder \u2013 the busiest harbour \u2013 "
            "voted on Thursday to extend their strike.</p></article></body></html>").encode().replace(b"Thursday", b"Thurs\xffday")
    article = load_bytes("page.html", page)
    assert article.encoding == "utf-8, bad bytes replaced"
    assert "Thurs\ufffdday" in texts(article)[1]


def test_format_readers_stay_in_the_pure_core():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from reader.loading.sources import load_sources\n"
        f"load_sources([{str(FORMATS)!r}])\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=SAMPLES.parent, timeout=120)
    assert result.returncode == 0, result.stderr


def test_legacy_cyrillic_is_detected():
    text = "\u041c\u0438\u043d\u0438\u0441\u0442\u0440 \u0437\u0430\u044f\u0432\u0438\u043b, \u0447\u0442\u043e \u043f\u0440\u0430\u0432\u0438\u0442\u0435\u043b\u044c\u0441\u0442\u0432\u043e \u043f\u0440\u0438\u043c\u0435\u0442 \u043c\u0435\u0440\u044b."
    article = load_bytes("ru.txt", text.encode("cp1251"))
    assert article.encoding == "windows-1251"
    assert texts(article) == [text]


@pytest.mark.parametrize(
    "data",
    [
        b"Dock workers voted \xc3\x28 to extend the strike by another ten days, the union said.",
        b"abc \xff\xfe\xfd def",
        bytes(range(0x80, 0x100)) + b" text",
    ],
)
def test_bytes_that_are_neither_utf8_nor_a_legacy_text_are_refused(data: bytes):
    with pytest.raises(InputError, match="not valid UTF-8"):
        load_bytes("bad.txt", data)


def test_markdown_front_matter_gives_headline_and_byline():
    text = (
        "---\ntitle: \"Dockers extend strike\"\nauthor: Jo Roe\ndate: 2026-11-21\ntags: [strike]\n---\n\n"
        "PORT ALDER (Meridian) - Dock workers voted on Thursday to extend their strike by another ten days, "
        "the union said.\n\n## TALKS STALL\n\nThe talks foundered.\n"
    )
    article = load_bytes("post.md", text.encode())
    assert texts(article)[:2] == ["Dockers extend strike", "Jo Roe"]
    assert kinds(article)[:2] == [ParagraphKind.HEADLINE, ParagraphKind.BYLINE]
    assert not any("tags" in t or "date:" in t for t in texts(article))
    assert article.paragraphs[3].kind is ParagraphKind.SUBHEAD
