"""Regenerate sample_articles/formats/ from the fictional harbour-strike story.

Each file carries the same story as its plain-text original in sample_articles/harbour-strike/, in the
shape real feeds and sites deliver it, so tests can check that every loader gives back the original
paragraphs. Run from the project root:  python benchmarks/make_format_samples.py
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
STORY = ROOT / "sample_articles" / "harbour-strike"
OUT = ROOT / "sample_articles" / "formats"


def paragraphs(name: str) -> list[str]:
    text = (STORY / name).read_text(encoding="utf-8")
    return [" ".join(block.split()) for block in re.split(r"\n\s*\n", text) if block.strip()]


def _is_subhead(text: str) -> bool:
    return text.isupper() and len(text.split()) <= 5


def nitf(paras: list[str]) -> str:
    headline, byline, *body = paras
    content = []
    for text in body:
        tag = "hl2" if _is_subhead(text) else "p"
        content.append(f"      <{tag}>{escape(text)}</{tag}>")
    body_xml = "\n".join(content)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE nitf SYSTEM "http://www.nitf.org/IPTC/NITF/3.5/specification/dtd/nitf-3-5.dtd">
<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/" version="-//IPTC//DTD NITF 3.5//EN">
  <head>
    <title>{escape(headline)}</title>
    <docdata>
      <doc-id id-string="MRD-2026-11-21-PORT-STRIKE-WT3"/>
      <date.issue norm="20261121T183000Z"/>
      <doc.copyright holder="Meridian News Agency" year="2026"/>
    </docdata>
    <pubdata type="web" position.section="Business"/>
  </head>
  <body>
    <body.head>
      <hedline>
        <hl1>{escape(headline)}</hl1>
      </hedline>
      <byline>{escape(byline)}</byline>
      <distributor>Meridian</distributor>
      <dateline>
        <location><city>PORT ALDER</city></location>
        <story.date norm="20261121T183000Z">Nov 21</story.date>
      </dateline>
    </body.head>
    <body.content>
{body_xml}
    </body.content>
  </body>
</nitf>
"""


def newsml_g2(paras: list[str]) -> str:
    headline, byline, *body = paras
    content = []
    for text in body:
        tag = "h2" if _is_subhead(text) else "p"
        content.append(f"            <{tag}>{escape(text)}</{tag}>")
    body_xml = "\n".join(content)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
  <header>
    <sent>2026-11-21T18:30:00Z</sent>
    <sender>meridian.example</sender>
  </header>
  <itemSet>
    <newsItem guid="urn:newsml:meridian.example:20261121:port-strike" version="3" standard="NewsML-G2"
        standardversion="2.29" conformance="power" xml:lang="en-GB">
      <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"/>
      <rightsInfo>
        <copyrightHolder literal="Meridian News Agency"/>
        <copyrightNotice>Copyright 2026 Meridian News Agency. All rights reserved.</copyrightNotice>
      </rightsInfo>
      <itemMeta>
        <itemClass qcode="ninat:text"/>
        <provider literal="Meridian"/>
        <versionCreated>2026-11-21T18:30:00Z</versionCreated>
        <pubStatus qcode="stat:usable"/>
        <edNote>Writethrough: adds minister's statement, shipping line comment</edNote>
      </itemMeta>
      <contentMeta>
        <urgency>3</urgency>
        <contentCreated>2026-11-21T09:05:00Z</contentCreated>
        <located type="cptype:city" qcode="city:PORTALDER">
          <name>Port Alder</name>
        </located>
        <creator role="crol:author"><name>Hannah Lindqvist</name></creator>
        <creator role="crol:author"><name>Tomas Ferreira</name></creator>
        <infoSource role="cinfosrc:origserv" literal="Meridian"/>
        <language tag="en-GB"/>
        <subject type="cpnat:abstract" qcode="medtop:09000000"><name>labour</name></subject>
        <slugline>PORT-STRIKE/</slugline>
        <headline>{escape(headline)}</headline>
        <by>{escape(byline)}</by>
        <creditline>Meridian</creditline>
        <dateline>PORT ALDER, Nov 21 (Meridian)</dateline>
      </contentMeta>
      <contentSet>
        <inlineXML contenttype="application/xhtml+xml" wordcount="{sum(len(t.split()) for t in body)}">
          <html xmlns="http://www.w3.org/1999/xhtml">
          <head><title>{escape(headline)}</title></head>
          <body>
{body_xml}
          </body>
          </html>
        </inlineXML>
      </contentSet>
    </newsItem>
  </itemSet>
</newsMessage>
"""


def web_page(paras: list[str]) -> str:
    """A reprint as a news site serves it: site navigation, cookie banner, share buttons, an ad slot,
    an in-article "Read more" box, related stories, a newsletter form and a footer around the article."""
    headline, byline, *body = paras
    names = byline.removeprefix("By ")
    e = html.escape
    blocks = []
    for number, text in enumerate(body):
        if _is_subhead(text):
            blocks.append(f"        <h2>{e(text)}</h2>")
        else:
            blocks.append(f"        <p>{e(text)}</p>")
        if number == 3:
            blocks.append(
                '        <aside class="read-more"><strong>Read more:</strong> '
                '<a href="/business/brennick-port-expansion">Brennick port bets on expansion as rivals stall</a>'
                "</aside>"
            )
        if number == 7:
            blocks.append(
                '        <div class="ad-slot" id="ad-mid-article"><span class="ad-label">Advertisement</span>'
                '<div class="ad">Save 20% on winter tyres at Eastmere Motors. Offer ends Sunday.</div></div>'
            )
    article_body = "\n".join(blocks)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{e(headline)} | The Coastal Courier</title>
  <meta name="author" content="{e(names)}">
  <meta property="og:title" content="{e(headline)}">
  <meta property="og:site_name" content="The Coastal Courier">
  <meta property="article:published_time" content="2026-11-21T19:10:00+00:00">
  <script type="application/ld+json">
  {{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "{e(headline)}",
    "datePublished": "2026-11-21T19:10:00+00:00",
    "author": [{{"@type": "Person", "name": "Hannah Lindqvist"}}, {{"@type": "Person", "name": "Tomas Ferreira"}}],
    "publisher": {{"@type": "Organization", "name": "The Coastal Courier"}}}}
  </script>
  <link rel="stylesheet" href="/static/site.css">
</head>
<body>
  <div id="cookie-banner" class="cookie-consent">
    <p>We use cookies to improve your experience and to show you relevant advertising.
    By continuing to browse the site you agree to our use of cookies.</p>
    <button>Accept all</button> <button>Manage settings</button>
  </div>
  <header class="site-header">
    <a class="logo" href="/">The Coastal Courier</a>
    <nav class="main-nav">
      <ul>
        <li><a href="/news">News</a></li><li><a href="/business">Business</a></li>
        <li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li>
        <li><a href="/weather">Weather</a></li><li><a href="/subscribe">Subscribe</a></li>
      </ul>
    </nav>
  </header>
  <nav class="breadcrumb"><a href="/">Home</a> / <a href="/business">Business</a> / Shipping</nav>
  <main>
    <article class="story">
      <header>
        <h1 class="headline">{e(headline)}</h1>
        <p class="byline">{e(byline)}</p>
        <time datetime="2026-11-21T19:10:00+00:00">21 November 2026, 7:10pm</time>
        <div class="share-buttons">
          <a href="https://social.example/share">Share on Social</a>
          <a href="mailto:?subject=story">Email</a>
          <button>Copy link</button>
        </div>
      </header>
      <div class="article-body">
{article_body}
      </div>
      <div class="share-buttons bottom">
        <span>Share this article</span>
        <a href="https://social.example/share">Share</a> <a href="mailto:?subject=story">Email</a>
      </div>
      <ul class="tags"><li><a href="/tag/port-alder">Port Alder</a></li><li><a href="/tag/strikes">Strikes</a></li></ul>
    </article>
    <section class="related">
      <h3>Related stories</h3>
      <ul>
        <li><a href="/business/ferry-fares">Port Alder ferry operator warns of fare rises as fuel costs climb</a></li>
        <li><a href="/news/eastmere-rail">Eastmere rail workers plan solidarity stoppage</a></li>
        <li><a href="/business/retail-shortages">Shoppers told to expect gaps on shelves before the holidays</a></li>
      </ul>
    </section>
    <section class="newsletter">
      <h3>Get the morning briefing</h3>
      <form><input type="email" placeholder="Your email"><button>Sign up</button></form>
    </section>
  </main>
  <footer class="site-footer">
    <p>&copy; 2026 The Coastal Courier. All rights reserved.</p>
    <ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy policy</a></li>
    <li><a href="/contact">Contact</a></li></ul>
  </footer>
  <script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"event": "pageview"}});</script>
</body>
</html>
"""


def word_document(paras: list[str], target: Path) -> None:
    import docx

    document = docx.Document()
    document.core_properties.title = paras[0]
    document.core_properties.author = "Copy desk"
    headline, byline, *body = paras
    document.add_paragraph(headline, style="Title")
    document.add_paragraph(byline)
    for text in body:
        if _is_subhead(text):
            document.add_heading(text, level=2)
        else:
            document.add_paragraph(text)
    document.save(target)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    wire = paragraphs("00-wire.txt")
    (OUT / "00-wire.nitf.xml").write_text(nitf(wire), encoding="utf-8")
    (OUT / "05-wire.newsml-g2.xml").write_text(newsml_g2(wire), encoding="utf-8")
    (OUT / "01-reprint-trimmed.html").write_text(web_page(paragraphs("01-reprint-trimmed.txt")), encoding="utf-8")
    # A legacy Windows file: single-newline paragraphs, CRLF line ends, curly quotes and dashes in cp1252.
    earlier = (STORY / "02-reprint-earlier-writethrough.txt").read_text(encoding="utf-8")
    (OUT / "02-reprint-earlier-writethrough.cp1252.txt").write_bytes(earlier.replace("\n", "\r\n").encode("cp1252"))
    rewrite = (STORY / "03-rewrite-independent.txt").read_text(encoding="utf-8")
    (OUT / "03-rewrite-independent.utf16.txt").write_bytes(rewrite.encode("utf-16"))
    word_document(paragraphs("04-quotes-altered.txt"), OUT / "04-quotes-altered.docx")


if __name__ == "__main__":
    main()
