"""Pilot tests of the reader: synchronised scrolling, navigation keys, view toggles, layouts."""

from __future__ import annotations

import dataclasses
import io

import pytest
from rich.console import Console
from textual.widgets import Input

from reader.view.grid import CellKind
from reader.loading import article_from_text
from reader.model import Finding, FindingKind, Severity, TextSpan
from reader.ui import app as app_module
from reader.ui.app import ReaderApp
from reader.ui.help import HelpScreen
from reader.ui.panes import ArticlePane
from tests.conftest import settle, wait_for_analysis

pytestmark = pytest.mark.usefixtures("reader_private_config")


def offsets(app) -> list[float]:
    return [pane.scroll_y for pane in app._visible_panes()]


def assert_in_step(app) -> float:
    values = offsets(app)
    assert len(set(values)) == 1, values
    return values[0]


def top_row(app) -> int:
    """The grid row drawn at the top of the panes."""
    return app.view.layout.row_at(int(app._visible_panes()[0].scroll_y))


async def test_panes_scroll_together_with_every_scroll_key(sample_articles):
    app = ReaderApp(sample_articles)
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_for_analysis(pilot)
        assert len(app._visible_panes()) == 5
        assert assert_in_step(app) == 0
        await pilot.press("j", "j", "down")
        assert assert_in_step(app) == 3
        await pilot.press("k")
        assert assert_in_step(app) == 2
        await pilot.press("pagedown")
        page = app._visible_panes()[0].scrollable_content_region.height - 1
        assert assert_in_step(app) == 2 + page
        await pilot.press("pageup")
        assert assert_in_step(app) == 2
        await pilot.press("end")
        bottom = assert_in_step(app)
        assert bottom == app._visible_panes()[0].max_scroll_y > 0
        await pilot.press("home")
        assert assert_in_step(app) == 0
        # Scrolling one pane directly (mouse wheel) drags the others along.
        app._visible_panes()[3].scroll_to(y=7, animate=False, immediate=True)
        await pilot.pause()
        assert assert_in_step(app) == 7


async def test_rows_have_equal_heights_in_every_pane(sample_articles, sample_comparison):
    app = ReaderApp(sample_articles, comparison=sample_comparison)
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_for_analysis(pilot)
        panes = app._visible_panes()
        assert len({pane.virtual_size.height for pane in panes}) == 1
        view = app.view
        # Each displayed row is as tall as its tallest cell, plus the spacing line.
        for row in range(len(view.grid.rows)):
            natural = max(view.natural_height(p.column, row, p.text_width()) for p in panes)
            expected = natural + 1 if natural else 0
            assert view.layout.heights[row] == expected


async def test_n_and_N_walk_changed_rows_and_s_keeps_only_substantive(sample_articles, sample_comparison):
    app = ReaderApp(sample_articles, comparison=sample_comparison)
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_for_analysis(pilot)
        view = app.view
        changed = [r for r in range(len(view.grid.rows)) if view.layout.heights[r] and view.row_changed(r)]
        start = view.cursor
        await pilot.press("n")
        first = next(r for r in changed if r > start)
        assert view.cursor == first
        assert top_row(app) == first
        await pilot.press("n")
        second = next(r for r in changed if r > first)
        assert view.cursor == second
        await pilot.press("N")
        assert view.cursor == first
        await pilot.press("s")
        assert view.substantive_only
        await pilot.press("home", "n", "n", "n")
        substantive = [r for r in range(len(view.grid.rows)) if view.layout.heights[r] and view.grid.rows[r].substantive_in(view.version_columns())]
        assert view.cursor == substantive[2]
        assert all(view.grid.rows[r].substantive_in(view.version_columns()) for r in substantive)
        assert len(substantive) < len(changed)


async def test_m_jumps_between_moved_paragraph_and_its_reading_position(sample_articles, sample_comparison):
    app = ReaderApp(sample_articles, comparison=sample_comparison)
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_for_analysis(pilot)
        view = app.view
        await pilot.press("tab")  # focus version 2, the earlier write-through with a moved paragraph
        assert view.focused == 2
        await pilot.press("m")
        cell = view.grid.rows[view.cursor].cells[2]
        assert cell.moved, "m goes to the next moved paragraph"
        moved_row = view.cursor
        await pilot.press("m")
        ghost = view.grid.rows[view.cursor].cells[2]
        assert ghost.kind is CellKind.GHOST and view.cursor == cell.counterpart
        assert top_row(app) == view.cursor
        await pilot.press("m")
        assert view.cursor == moved_row


async def test_number_keys_toggle_version_panes(sample_articles, sample_comparison):
    app = ReaderApp(sample_articles, comparison=sample_comparison)
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_for_analysis(pilot)
        assert app.view.displayed == [0, 1, 2, 3, 4]
        await pilot.press("2")
        assert app.view.displayed == [0, 1, 3, 4]
        assert not app.query_one("#column-2").display
        await pilot.press("2")
        assert app.view.displayed == [0, 1, 2, 3, 4]
        assert app.query_one("#column-2").display
        assert app.view.focused == 2
        assert len(set(offsets(app))) == 1


async def test_b_makes_the_focused_version_the_base(sample_articles):
    app = ReaderApp(sample_articles)
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("tab")
        assert app.view.focused == 2
        chosen = app.view.grid.articles[2]
        await pilot.press("b")
        await wait_for_analysis(pilot)
        assert app.view.grid.articles[0] is chosen
        assert app.view.comparison.base is chosen
        assert [a.name for a in app.view.grid.articles[1:]] == [
            a.name for a in sample_articles if a is not chosen
        ]
        header = str(app.query_one("#header-0").render())
        assert chosen.name in header


async def test_z_folds_unchanged_rows(sample_articles):
    app = ReaderApp(sample_articles[:2])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(pilot)
        full = app.view.layout.total
        await pilot.press("z")
        await settle(pilot)
        assert app.view.fold
        assert app.view.fold_counts, "the trimmed reprint has unchanged paragraphs"
        assert app.view.layout.total < full
        for row in app.view.fold_counts:
            assert app.view.layout.heights[row] == 1
        await pilot.press("z")
        await settle(pilot)
        assert app.view.layout.total == full


async def test_search_highlights_and_n_continues_until_escape(sample_articles, sample_comparison):
    app = ReaderApp(sample_articles, comparison=sample_comparison)
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"crane", "enter")
        view = app.view
        assert view.search == "crane"
        matches = app._search_rows()
        assert len(matches) >= 2
        assert view.cursor == matches[0]
        await pilot.press("n")
        assert view.cursor == matches[1]
        await pilot.press("N")
        assert view.cursor == matches[0]
        assert "crane" in str(app.query_one("#status").render())
        await pilot.press("escape")
        assert view.search == ""
        await pilot.press("n")  # back to changed rows
        assert view.row_changed(view.cursor)


async def test_colon_goes_to_a_paragraph_of_the_focused_version(sample_articles, sample_comparison):
    app = ReaderApp(sample_articles, comparison=sample_comparison)
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("tab")  # version 2
        await pilot.press("colon", "1", "2", "enter")
        view = app.view
        assert view.cursor == view.grid.row_of(2, 11)
        assert top_row(app) == view.cursor
        await pilot.press("colon", *"999", "enter")  # out of range: a message, no move
        assert view.cursor == view.grid.row_of(2, 11)


async def test_d_cycles_noise_display(sample_articles):
    app = ReaderApp(sample_articles[:2])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(pilot)
        modes = lambda: set(app.view.noise.values())  # noqa: E731
        assert modes() == {"dim"}
        pane = app.query_one("#pane-1", ArticlePane)
        before = app.view.generation
        await pilot.press("d")
        assert modes() == {"hide"}
        assert app.view.generation > before
        await pilot.press("d")
        assert modes() == {"show"}
        await pilot.press("d")
        assert modes() == {"dim"}
        assert pane.render_line(0) is not None


async def test_u_shows_the_unified_view_of_the_focused_pair(sample_articles, sample_comparison):
    app = ReaderApp(sample_articles, comparison=sample_comparison)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("u")
        await settle(pilot)
        panes = app._visible_panes()
        assert [p.id for p in panes] == ["pane-unified"]
        assert app.query_one("#column-unified").display
        assert not app.query_one("#column-0").display
        header = str(app.query_one("#header-unified").render())
        assert "01-reprint-trimmed.txt" in header
        await pilot.press("u")
        await settle(pilot)
        assert [p.column for p in app._visible_panes()] == [0, 1]


async def test_narrow_terminal_shows_base_and_focused_version(sample_articles, sample_comparison):
    app = ReaderApp(sample_articles, comparison=sample_comparison)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(pilot)
        assert app.view.displayed == [0, 1]
        await pilot.press("tab")
        assert app.view.displayed == [0, 2] and app.view.focused == 2
        await pilot.press("4")
        assert app.view.displayed == [0, 4]
        assert "1 of 4 versions shown" in str(app.query_one("#status").render())
        await pilot.resize_terminal(200, 50)
        await settle(pilot)
        assert app.view.displayed == [0, 1, 2, 3, 4]


async def test_survives_tiny_terminal_and_back(sample_articles):
    long_word = "https://example.org/" + "x" * 300
    wire = article_from_text(f"Headline\n\nA paragraph with {long_word} inside.\n\nAnother paragraph here.", "w.txt")
    version = article_from_text(f"Headline\n\nA paragraph with {long_word} in it.\n\nAnother paragraph.", "v.txt")
    app = ReaderApp([wire, version])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.resize_terminal(20, 5)
        await pilot.pause()
        await pilot.press("n", "j", "pagedown", "u", "u")
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert app.view.layout.total > 0
        lines = [pane.render_line(y).text for pane in app._visible_panes() for y in range(15)]
        assert any("https://example.org/xxx" in line for line in lines)
        assert all(len(line) <= 80 for line in lines)


def _with_findings(monkeypatch, articles):
    """Inject two findings into the first version so f/F/Enter can be exercised without the attribution module."""
    real_compare = app_module.compare

    def compare(base, others, profile=None, progress=None):
        comparison = real_compare(base, others, profile, progress=progress)
        version = comparison.versions[0]
        quote = base.paragraphs[4].text
        kept_7 = next(row.other[0] for row in version.rows if 7 in row.base and row.other)  # where wire ¶8 went
        findings = (
            Finding(FindingKind.QUOTE_ALTERED, Severity.MINOR, (4,), (4,), "a", "b", "Quote changed a little.",
                    (TextSpan(4, 0, 10),), (TextSpan(4, 0, 10),)),
            Finding(FindingKind.QUOTE_ALTERED, Severity.MAJOR, (7,), (kept_7,), "c", "d", "Quote reworded.",
                    (TextSpan(7, 2, 12),), (TextSpan(kept_7, 2, 12),)),
        )
        assert quote
        findings = tuple(sorted(findings, key=lambda f: f.order))  # stored as the comparison stores them
        versions = (dataclasses.replace(version, findings=findings), *comparison.versions[1:])
        return dataclasses.replace(comparison, versions=versions)

    monkeypatch.setattr(app_module, "compare", compare)


async def test_f_F_and_enter_jump_to_findings_and_highlight_spans(sample_articles, monkeypatch):
    _with_findings(monkeypatch, sample_articles)
    app = ReaderApp(sample_articles)
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_for_analysis(pilot)
        view = app.view
        assert app.query_one("#findings").display  # wide screen: the panel is open
        await pilot.press("f")
        column, finding = view.finding
        assert column == 1 and finding.severity is Severity.MAJOR  # most severe first
        assert view.cursor == view.grid.row_of(0, 7)
        assert top_row(app) == view.cursor
        await pilot.press("f")
        assert view.finding[1].severity is Severity.MINOR
        assert view.cursor == view.grid.row_of(0, 4)
        await pilot.press("F")
        assert view.finding[1].severity is Severity.MAJOR
        # The highlighted spans carry the finding style in both panes.
        base_pane = app.query_one("#pane-0", ArticlePane)
        finding_style = base_pane._style("finding-quote")  # the injected findings are quote findings
        y = view.layout.starts[view.cursor] - int(base_pane.scroll_y)
        styled = [seg for line in range(4) for seg in base_pane.render_line(y + line) if seg.style and finding_style.bgcolor and seg.style.bgcolor == finding_style.bgcolor]
        assert styled
        # Enter on the panel list jumps to the highlighted entry.
        app.query_one("#findings-list").focus()
        await pilot.press("down", "enter")
        assert view.finding[1].severity is Severity.MINOR
        assert isinstance(app.focused, ArticlePane)


async def test_p_toggles_the_findings_panel(sample_articles, sample_comparison):
    app = ReaderApp(sample_articles, comparison=sample_comparison)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(pilot)
        panel = app.query_one("#findings")
        assert not panel.display
        await pilot.press("p")
        assert panel.display
        await pilot.press("p")
        assert not panel.display


async def test_help_lists_every_binding(sample_articles):
    app = ReaderApp(sample_articles[:2])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=200, record=True, file=io.StringIO())
        console.print(app.screen.body)
        text = console.export_text()
        for binding in ReaderApp.BINDINGS:
            assert (binding.tooltip or binding.description) in text
        await pilot.press("escape")
        assert app.screen is app.screen_stack[0]


def test_every_binding_has_an_id_and_a_description():
    ids = [b.id for b in ReaderApp.BINDINGS]
    assert all(ids) and len(set(ids)) == len(ids)
    assert all(b.description.strip() for b in ReaderApp.BINDINGS)


@pytest.mark.parametrize("text", ["[bold red]x[/] and [link=http://evil]y[/link]", "esc \x1b[31mred\x1b[0m bell \x07"])
async def test_article_text_is_shown_literally(text):
    wire = article_from_text(f"A first paragraph of the story.\n\n{text} in the wire.", "w.txt")
    version = article_from_text(f"A first paragraph of the story.\n\n{text} in the version.", "v.txt")
    app = ReaderApp([wire, version])
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_analysis(pilot)
        screen_text = "\n".join(
            "".join(seg.text for seg in pane.render_line(y)) for pane in app._visible_panes() for y in range(10)
        )
        assert "\x1b" not in screen_text and "\x07" not in screen_text
        if "[bold" in text:
            assert "[bold red]x[/]" in screen_text and "[link=http://evil]y[/link]" in screen_text
        else:
            assert "␛[31mred␛[0m" in screen_text


async def test_command_palette_offers_the_actions(sample_articles):
    app = ReaderApp(sample_articles[:2])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for binding in ReaderApp.BINDINGS:
            if binding.id.startswith(("nav.", "view.")) and binding.action != "end_search":
                assert binding.description in titles
        assert any("typography" in t for t in titles)


async def test_search_words_are_not_markup(sample_articles):
    app = ReaderApp(sample_articles[:2])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("slash", *"[bold]zzz[/", "enter")
        await pilot.pause()
        assert app.view.search == "[bold]zzz[/"
        messages = [n.message for n in app._notifications]
        assert any("[bold]zzz[/" in m for m in messages)


async def test_f_says_what_the_finding_is_when_the_panel_is_closed(sample_articles, sample_comparison):
    app = ReaderApp(sample_articles, comparison=sample_comparison)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(pilot)
        assert not app.query_one("#findings").display  # 80 columns: no panel
        await pilot.press("f")
        await pilot.pause()
        column, finding = app.view.finding
        said = [n for n in app._notifications if n.message == finding.message]
        assert said and said[-1].title.startswith("Finding 1 of ")
        assert finding.severity.value.upper() in said[-1].title
        await pilot.press("p", "f")  # with the panel open, the panel says it: no toast
        await pilot.pause()
        assert len([n for n in app._notifications if n.title.startswith("Finding")]) == len(said)


async def _search(pilot, word: str) -> None:
    await pilot.press("slash")
    for key in word:
        await pilot.press(key)
    await pilot.press("enter")
    await pilot.pause()


async def test_search_finds_the_same_matches_at_any_width_and_shows_a_hidden_version(sample_articles, sample_comparison):
    counts = {}
    for size in ((80, 24), (200, 50)):
        app = ReaderApp(sample_articles, comparison=sample_comparison)
        async with app.run_test(size=size) as pilot:
            await wait_for_analysis(pilot)
            await _search(pilot, "strike")
            counts[size] = len(app._search_rows())
    assert counts[(80, 24)] == counts[(200, 50)] > 0
    app = ReaderApp(sample_articles, comparison=sample_comparison)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(pilot)
        assert 3 not in app.view.displayed  # 80 columns: the wire and one version
        await _search(pilot, "Brandt")  # only the independent rewrite (version 3) quotes him
        await pilot.pause()
        assert app.view.focused == 3 and 3 in app.view.displayed
        cell = app.view.grid.rows[app.view.cursor].cells[3]
        assert any("Brandt" in sample_articles[3].paragraphs[p].text for p in cell.paragraphs)


async def test_the_status_line_says_where_the_cursor_is_in_paragraphs_first(sample_articles, sample_comparison):
    app = ReaderApp(sample_articles, comparison=sample_comparison)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(pilot)
        status = str(app.query_one("#status").render())
        total = len(sample_articles[0].paragraphs)
        assert f"wire ¶1 of {total}" in status[:40]  # before anything a narrow line may cut
        await pilot.press("end")
        await pilot.pause()
        assert f"wire ¶1 of {total}" not in str(app.query_one("#status").render())


async def test_at_80_columns_the_findings_panel_opens_below_the_panes_keeping_their_width(sample_articles, sample_comparison):
    from reader.ui.app import MIN_PANE_WIDTH

    app = ReaderApp(sample_articles, comparison=sample_comparison)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("p")
        await pilot.pause()
        panel = app.query_one("#findings")
        panes = [app.query_one(f"#pane-{c}") for c in app.view.displayed]
        assert panel.display and panel.region.y > max(p.region.y for p in panes)  # below them
        assert all(p.region.width >= MIN_PANE_WIDTH for p in panes)
        options = app.query_one("#findings-list")
        assert options.scroll_y == 0  # on its first entry
    app = ReaderApp(sample_articles, comparison=sample_comparison)
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_for_analysis(pilot)
        panel = app.query_one("#findings")
        assert panel.display and panel.region.x > 0 and not panel.has_class("below")  # beside, when it fits
