"""Article text is inert: terminal escapes, bidi overrides and Rich markup in an article never act on the
terminal or the report; they show as visible text or are removed, in every output format."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reader.inert import make_inert, visible_name
from reader.loading import load_bytes

ROOT = Path(__file__).resolve().parent.parent
WIRE = ROOT / "sample_articles" / "harbour-strike" / "00-wire.txt"

CSI_RED = "\x1b[31mRED\x1b[0m"
OSC8_LINK = "\x1b]8;;https://evil.example/\x1b\\click here\x1b]8;;\x1b\\"
OSC52_CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x07"
C1_CSI = "\x9b2J"
BIDI = "\u202eevil\u202c and \u2066isolate\u2069"
RICH = "[bold red]LOUD[/bold red] [link=https://evil.example]link[/link]"
HTML = "<script>alert(1)</script> <b>bold</b> &amp;"

HOSTILE = "\n\n".join([
    f"Dockers extend strike {RICH}",
    "By Hannah Lindqvist and Tomas Ferreira",
    "PORT ALDER, Nov 21 (Meridian) -Dock workers at Port Alder, the country\u2019s busiest container harbour, "
    f"voted on Thursday {CSI_RED} to extend their strike {OSC8_LINK} by another 10 days.",
    f"\u201cOur members have spoken,\u201d said Maria Velasquez. {OSC52_CLIPBOARD} Bell\x07 and back\x08\x08\x08space.",
    f"The association said {BIDI} it believed the vote would prolong \u201cneedless disruption\u201d {C1_CSI}.",
    f"Markup in copy: {HTML}",
])

# Anything a terminal would act on: C0 controls except newline/tab, DEL, C1 controls, bidi controls.
DANGEROUS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def test_make_inert_shows_controls_and_drops_bidi():
    assert make_inert(CSI_RED) == "\u241b[31mRED\u241b[0m"
    assert make_inert(OSC52_CLIPBOARD) == "\u241b]52;c;cm0gLXJmIH4=\u2407"
    assert make_inert("a\x08b") == "a\u2408b"
    assert make_inert(C1_CSI) == "\\x9b2J"
    assert make_inert(BIDI) == "evil and isolate"
    assert make_inert(RICH) == RICH  # markup is plain text; renderers never parse it
    assert visible_name("a\nb\tc") == "a\u240ab\u2409c"


def test_loaded_article_text_and_metadata_are_inert():
    article = load_bytes("hostile.txt", HOSTILE.encode())
    for value in [p.text for p in article.paragraphs] + [article.headline, article.byline, article.dateline]:
        assert not DANGEROUS.search(value or ""), value
    assert RICH in article.headline
    assert "\u241b[31mRED\u241b[0m" in article.paragraphs[2].text


@pytest.mark.parametrize("fmt", ["html", "xml"])
def test_escapes_written_as_character_references_in_markup_formats_are_inert(fmt: str):
    if fmt == "html":
        data = ("<html><body><article><h1>Strike &#8238;evil</h1><p>Dock workers at Port Alder voted on "
                "Thursday to extend &#x9b;2J their strike, the union said. Bell &#7; here.</p></article></body></html>")
    else:
        data = ("<nitf><body><body.head><hedline><hl1>Strike &#8238;evil</hl1></hedline></body.head>"
                "<body.content><p>Dock workers voted to extend &#x9b;2J their strike.</p></body.content></body></nitf>")
    article = load_bytes(f"hostile.{fmt}", data.encode())
    for paragraph in article.paragraphs:
        assert not DANGEROUS.search(paragraph.text), paragraph.text
    # HTML maps &#x9b; to the Windows-1252 character "›", as browsers do; XML keeps U+009B, shown as text.
    assert ("\u203a2J" if fmt == "html" else "\\x9b2J") in " ".join(p.text for p in article.paragraphs)


@pytest.fixture(scope="module")
def hostile_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


def _report(fmt: str, hostile: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "compare", str(WIRE), str(hostile), "--format", fmt],
        capture_output=True, cwd=ROOT, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.decode("utf-8")


@pytest.mark.parametrize("fmt", ["json", "markdown", "html"])
def test_reports_hold_no_live_escapes(fmt: str, hostile_file: Path):
    output = _report(fmt, hostile_file)
    assert not DANGEROUS.search(output), repr(DANGEROUS.search(output).group())
    if fmt == "json":
        data = json.loads(output)
        texts = [p["text"] for p in data["versions"][0]["paragraphs"]]
        assert any("\u241b[31mRED\u241b[0m" in t for t in texts)
        assert any(RICH in t for t in texts)
        assert any(HTML in t for t in texts)
    else:
        shown = output.replace("\\", "")  # Markdown escapes brackets; the words must still be there
        assert "\u241b[31mRED" in shown
        assert "[bold red]LOUD" in shown


def test_html_report_escapes_article_markup(hostile_file: Path):
    output = _report("html", hostile_file)
    assert "<script>alert(1)</script>" not in output
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in output
    assert "<b>bold</b>" not in output


async def test_app_shows_markup_and_escapes_as_plain_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from reader.loading import load_article
    from reader.ui.app import ReaderApp
    from tests.conftest import wait_for_analysis

    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path))
    app = ReaderApp([load_article(str(WIRE)), load_bytes("hostile.txt", HOSTILE.encode())])
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.export_screenshot()
    shown = re.sub(r"<[^>]+>", "", screen).replace("&#160;", " ").replace("&#x241b;", "\u241b")
    assert "[bold red]LOUD[/bold red]" in shown  # markup shown as typed, never applied
    assert "\u241b[31mRED" in shown
    assert not DANGEROUS.search(screen)
