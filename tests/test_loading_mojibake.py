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


@pytest.mark.parametrize("about_mojibake", [
    "In a mis-decoded file, é appears as Ã© on screen.",
    "Readers saw â€™ where the site meant ’, the paper said.",
])
def test_a_sentence_that_shows_mojibake_beside_the_right_character_is_kept_as_written(about_mojibake):
    article = load_bytes("clean.txt", f"Headline\n\n{about_mojibake}\n".encode("utf-8"))
    assert article.paragraphs[1].text == about_mojibake and article.repaired_encoding is None


def test_the_pane_header_says_a_copy_was_repaired_and_the_wire_header_does_not():
    from reader.ui.panes import header_text
    from reader.ui.view_state import ViewState
    from reader.view.grid import build_grid

    comparison = compare(load_bytes("wire.txt", WIRE.encode("utf-8")), [load_bytes("copy.txt", _mojibake(WIRE))])
    state = ViewState(comparison, build_grid(comparison), [True, True])
    assert "(mis-encoded text repaired)" in header_text(state, 1, 1).plain.splitlines()[0]
    assert "repaired" not in header_text(state, 0, None).plain


# UTF-16 saved without a byte-order mark: CJK holds NULs only where it has ASCII (spaces, newlines), or none.
UTF16_TEXTS = [
    "東京は晴れ。中国語のテキスト",
    "東京で港湾労働者がストライキを延長した。\n\n組合は月曜日に交渉を再開する。\n",
    "新华社北京电，国务院总理今天在人民大会堂会见了来访的代表团。",
    "부두 노동자들이 파업을 연장했다.\n\n노조는 월요일에 협상을 재개한다.\n",
    "Reuters 報道によると、東京で 2024 年に\n",
    "Dock workers in Zürich voted “yes” to extend the strike.\n",
]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", UTF16_TEXTS)
def test_utf16_without_a_byte_order_mark_loads(text, codec):
    article = load_bytes("story.txt", text.encode(codec))
    assert article.encoding == codec
    assert [p.text for p in article.paragraphs] == [p.strip() for p in text.split("\n\n") if p.strip()]


@pytest.mark.parametrize("data", [
    # 8-bit text of even length read as UTF-16 would pair its ASCII bytes into CJK ("Bush hid the facts").
    "He said “no” to the plan, the union’s leader said. ".encode("cp1252") * 3,
    "Hafenarbeiter stimmten für die Verlängerung des Streiks, sagte der Sprecher.".encode("cp1252"),
    # Legacy CJK encodings read as UTF-16 fall into Hangul, surrogate and private-use ranges.
    "東京で港湾労働者がストライキを延長した。組合は月曜日に交渉を再開する。".encode("shift_jis"),
    "新华社北京电，国务院总理今天在人民大会堂会见了来访的代表团。".encode("gbk"),
    "中華民國總統今日在臺北發表談話，表示將持續推動經濟發展。".encode("big5"),
])
def test_other_encodings_of_even_length_are_not_taken_for_utf16(data):
    from reader.errors import InputError
    from reader.loading.decode import decode_bytes

    data += b" " * (len(data) % 2)  # UTF-16 has an even number of bytes
    try:
        _, encoding = decode_bytes("story.txt", data)
    except InputError:  # legacy CJK with no declared encoding may be refused (--encoding), never misread
        return
    assert not encoding.startswith("utf-16")
