"""Markdown input is read as CommonMark: the story's words come out, the markup does not, and hostile
Markdown is read or refused in one line without unbounded work."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.errors import InputError
from reader.settings.limits import Limits
from reader.loading import load_bytes
from reader.model import ParagraphKind

ROOT = Path(__file__).resolve().parent.parent
LEDE = "PORT ALDER (Meridian) - Dock workers voted on Thursday to extend their strike by another ten days."


def load(markdown: str, limits: Limits | None = None):
    return load_bytes("story.md", textwrap.dedent(markdown).encode(), limits)


def texts(article) -> list[str]:
    return [p.text for p in article.paragraphs]


def kind_of(article, text: str) -> ParagraphKind:
    return next(p.kind for p in article.paragraphs if p.text == text)


def test_setext_title_is_the_headline_and_its_underline_is_gone():
    article = load(f"Dock workers extend strike\n==========================\n\n{LEDE}\n")
    assert texts(article) == ["Dock workers extend strike", LEDE]
    assert article.headline == "Dock workers extend strike"
    assert article.paragraphs[0].kind is ParagraphKind.HEADLINE


def test_atx_title_is_the_headline_and_lower_headings_are_subheads():
    article = load(f"# Dock workers extend strike #\n\n{LEDE}\n\n## Talks stall\n\nThe talks foundered on pay.\n")
    assert texts(article)[0] == "Dock workers extend strike"
    assert article.paragraphs[0].kind is ParagraphKind.HEADLINE
    assert kind_of(article, "Talks stall") is ParagraphKind.SUBHEAD


def test_setext_level_two_heading_is_a_subhead():
    article = load(f"# Strike\n\n{LEDE}\n\nTalks stall\n-----------\n\nThe talks foundered on pay.\n")
    assert kind_of(article, "Talks stall") is ParagraphKind.SUBHEAD
    assert not any("---" in t for t in texts(article))


def test_emphasis_and_strikethrough_markers_are_removed():
    article = load(f"{LEDE}\n\nThe **union** said *on* _Friday_ that __pay__ was ~~not~~ the issue.\n")
    assert texts(article)[1] == "The union said on Friday that pay was not the issue."


def test_links_become_their_text_and_images_are_dropped():
    article = load(
        f"""\
        {LEDE}

        Workers at [Port Alder](https://example.org/port "the port") and the [north dock][n] walked out.
        ![Pickets at the gate](https://example.org/pickets.jpg) The union said so.

        [n]: https://example.org/north
        """
    )
    assert texts(article)[1] == "Workers at Port Alder and the north dock walked out. The union said so."
    assert not any("example.org" in t or "Pickets" in t for t in texts(article))


def test_inline_html_tags_are_removed_and_their_text_kept():
    article = load(f"{LEDE}\n\nThe <b>union</b> said <span class=\"x\">it would</span> talk &amp; wait.\n")
    assert texts(article)[1] == "The union said it would talk & wait."


def test_script_style_and_comments_are_dropped_whole():
    article = load(
        f"""\
        {LEDE}

        The union said<script>document.write("injected")</script> it would talk.<!-- editor: check -->

        <script>
        var tracking = "injected";
        </script>

        <style>
        p {{ color: red; }}
        </style>

        <div><p>Talks resume on <em>Monday</em>.</p><p>Ships wait offshore.</p></div>
        """
    )
    assert texts(article)[1:] == ["The union said it would talk.", "Talks resume on Monday.", "Ships wait offshore."]


def test_a_table_row_is_one_body_paragraph_not_a_subhead():
    article = load(
        f"""\
        {LEDE}

        | Terminal | Status |
        |----------|--------|
        | North Dock | *Closed* |
        | Grain Pier | Open |

        The talks foundered on pay.
        """
    )
    assert texts(article)[1:4] == ["Terminal Status", "North Dock Closed", "Grain Pier Open"]
    assert all(p.kind is ParagraphKind.BODY for p in article.paragraphs[1:4])
    assert not any("|" in t or "---" in t for t in texts(article))


def test_list_items_are_paragraphs_without_their_markers():
    article = load(
        f"""\
        {LEDE}

        - Pay rises of four percent
        - Shorter night shifts
          1. Nested item about overtime

        The talks foundered on pay.
        """
    )
    assert texts(article)[1:4] == ["Pay rises of four percent", "Shorter night shifts", "Nested item about overtime"]
    assert all(p.kind is ParagraphKind.BODY for p in article.paragraphs[1:4])


def test_blockquote_text_is_kept_and_its_lines_joined():
    article = load(f"{LEDE}\n\n> \u201cWe are ready to talk tonight,\u201d\n> said Edwin Marsh.\n")
    assert texts(article)[1] == "\u201cWe are ready to talk tonight,\u201d said Edwin Marsh."


def test_soft_and_hard_line_breaks_inside_a_paragraph_become_spaces():
    article = load(f"{LEDE}\n\nThe union said\nit would talk  \nagain on\\\nMonday.\n")
    assert texts(article)[1] == "The union said it would talk again on Monday."


def test_code_blocks_are_kept_as_plain_paragraphs():
    article = load(f"{LEDE}\n\n```text\nStatement from the\nport authority.\n\nSecond part.\n```\n")
    assert texts(article)[1:] == ["Statement from the port authority.", "Second part."]


def test_without_any_blank_line_each_line_is_a_paragraph_as_in_a_text_file():
    article = load(f"# Strike\n{LEDE}\nThe union said *so*.\n")
    assert texts(article) == ["Strike", LEDE, "The union said so."]


def test_front_matter_gives_headline_and_byline_and_is_not_text():
    article = load(f"---\ntitle: 'Dockers extend strike'\nauthor: Jo Roe\nlayout: post\n---\n\n{LEDE}\n")
    assert texts(article) == ["Dockers extend strike", "Jo Roe", LEDE]
    assert article.headline == "Dockers extend strike"
    assert article.paragraphs[1].kind is ParagraphKind.BYLINE


def test_quotes_nested_too_deep_to_follow_are_refused_not_silently_cut():
    assert texts(load(f"{LEDE}\n\n{'>' * 13} Deep but readable.\n"))[1] == "Deep but readable."
    with pytest.raises(InputError, match="nested too deep to read"):
        load(f"{LEDE}\n\n{'>' * 14} Words the parser would skip.\n")


def test_the_paragraph_limit_is_applied_to_markdown_blocks():
    with pytest.raises(InputError, match="30 paragraphs, over the 20-paragraph limit"):
        load("- item\n" * 30, Limits(max_paragraphs=20))


HOSTILE = {
    "50,000 '**a'": "'**a' * 50_000",
    "100,000 '['": "'[' * 100_000",
    "50,000 '!['": "'![' * 50_000",
    "100,000 inline tags": "'<b>' * 100_000",
    "40,000 blank lines": "'First words.\\n' + '\\n \\n' * 20_000 + 'Last words.\\n'",
    "2 MB of '>'": "'>' * 2_000_000 + ' x'",
    "2 MB of nested list markers": "'- ' * 1_000_000 + 'x'",
    "quotes deepening line by line": "''.join('>' * (i % 3000) + ' x\\n' for i in range(700))",
    "lists nested by indentation": "''.join(' ' * (2 * (i % 1000)) + '- x\\n' for i in range(2000))",
    "front matter field of 300,000 spaces": "'---\\ntitle: a' + ' ' * 300_000 + 'b\\n---\\n\\nText.\\n'",
}

RUN_ONE = """
import sys
from reader.errors import ReaderError
from reader.loading import load_bytes
try:
    article = load_bytes("hostile.md", ({expr}).encode())
    print("article", len(article.paragraphs))
except ReaderError as error:
    print("refused", str(error))
"""


@pytest.mark.parametrize("expr", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_markdown_gives_an_article_or_a_one_line_error(expr: str):
    # The timeout only guards against a hang; the reader's work is bounded by its checks before parsing.
    done = subprocess.run(
        [sys.executable, "-c", RUN_ONE.format(expr=expr)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    outcome = done.stdout.splitlines()
    assert len(outcome) == 1
    assert outcome[0].startswith(("article ", "refused hostile.md: "))


def test_markup_heavy_text_is_refused_before_parsing_with_a_way_out():
    with pytest.raises(InputError, match=r"100,000 Markdown marks .* \.txt name"):
        load_bytes("hostile.md", b"[" * 100_000)


def test_markup_within_the_bounds_is_still_parsed():
    article = load(f"{LEDE}\n\n" + "Pay **rose** by [four](https://example.org) percent. " * 2_000)
    assert texts(article)[1].startswith("Pay rose by four percent. Pay rose")
