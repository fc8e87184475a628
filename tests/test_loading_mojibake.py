"""A copy whose site broke the encoding ("unionâ€™s": UTF-8 read as Windows-1252 and saved again) compares
as the text it was, and every report and the pane header say it was repaired; clean text is never touched."""

from __future__ import annotations

import json

import pytest

from reader.comparison import compare
from reader.loading import load_bytes
from reader.model import Category
from reader.report import render

WIRE = (
    "Dock workers extend strike\n\n"
    "PORT ALDER, Nov 21 (Meridian) – The union’s members voted on Thursday to extend the strike, "
    "its secretary said. “We will not go back for a few extra coins,” Maria Velásquez told reporters.\n\n"
    "Talks with the operators’ association in Zürich are due to resume on Monday.\n"
)


def _mojibake(text: str) -> bytes:
    """What a site does: UTF-8 bytes read as Windows-1252 (bytes it leaves undefined read as Latin-1, as
    browsers do), then saved again as UTF-8."""
    import ftfy.bad_codecs  # noqa: F401 - registers "sloppy-windows-1252"

    return text.encode("utf-8").decode("sloppy-windows-1252").encode("utf-8")


def test_a_mis_encoded_copy_has_no_change_and_no_finding_and_says_it_was_repaired():
    wire = load_bytes("wire.txt", WIRE.encode("utf-8"))
    copy = load_bytes("copy.txt", _mojibake(WIRE))
    assert "â€" not in " ".join(p.text for p in copy.paragraphs)
    assert copy.repaired_encoding == "2 paragraphs: UTF-8 read as Windows-1252"
    version = compare(wire, [copy]).versions[0]
    changes = [s for row in version.rows for s in row.segments if s.is_change and s.category is Category.SUBSTANTIVE]
    assert changes == [] and version.findings == ()
    comparison = compare(wire, [copy])
    report = json.loads(render(comparison, "json"))
    assert report["versions"][0]["repaired_encoding"] == "2 paragraphs: UTF-8 read as Windows-1252"
    assert report["base"]["repaired_encoding"] is None
    for fmt in ("markdown", "html"):
        assert "mis-encoded text repaired (2 paragraphs: UTF-8 read as Windows-1252)" in render(comparison, fmt)


@pytest.mark.parametrize("clean", [
    "Café in Zürich, naïve résumé, Søren Kierkegaard and Łukasz Kılıçdaroğlu.",
    "“Quoted” — with dashes – and ‘single’ marks… and «guillemets».",
    "The fee is €5 or £4, about 25°C, with 1½ hours to go.",
])
def test_clean_text_with_accents_and_typography_is_never_changed(clean):
    article = load_bytes("clean.txt", f"Headline\n\n{clean}\n".encode("utf-8"))
    assert article.paragraphs[1].text == clean and article.repaired_encoding is None
