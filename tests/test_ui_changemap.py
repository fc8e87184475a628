"""The change map: marks from the core's rows and findings, heat-map compression, clicks that jump."""

from __future__ import annotations

from reader.view.grid import build_grid
from reader.model import Category, Op, Row, RowKind, Segment
from reader.ui.changemap import (
    GLYPHS,
    ChangeMap,
    Mark,
    line_ranges,
    marks_from_grid,
    row_mark,
)
from tests.ui_extras_fixtures import HostApp, run, small_comparison


def test_row_marks_follow_kind_and_word_change_categories():
    noise = (Segment(Op.REPLACE, "colour", "color", Category.SPELLING),)
    words = (Segment(Op.INSERT, "", "loudly", Category.SUBSTANTIVE),)
    fact = (Segment(Op.REPLACE, "40", "60", Category.SUBSTANTIVE, fact=True),)
    assert row_mark(Row(RowKind.EQUAL, (0,), (0,))) is Mark.EQUAL
    assert row_mark(Row(RowKind.EDITED, (0,), (0,), segments=noise)) is Mark.NOISE
    assert row_mark(Row(RowKind.EDITED, (0,), (0,), segments=words)) is Mark.EDITED
    assert row_mark(Row(RowKind.EDITED, (0,), (0,), segments=fact)) is Mark.FACT
    assert row_mark(Row(RowKind.MOVED, (0,), (3,), segments=noise)) is Mark.MOVED
    assert row_mark(Row(RowKind.SPLIT, (0,), (0, 1))) is Mark.RESTRUCTURED
    assert row_mark(Row(RowKind.INSERTED, (), (2,))) is Mark.INSERTED
    assert row_mark(Row(RowKind.DELETED, (2,), ())) is Mark.DELETED


def test_every_mark_has_its_own_glyph_so_the_map_reads_without_colour():
    assert len(set(GLYPHS.values())) == len(GLYPHS)


def test_marks_from_grid_line_up_with_display_rows():
    comparison = small_comparison()
    grid = build_grid(comparison)
    columns = marks_from_grid(grid, comparison)
    assert len(columns) == 2 and all(len(c) == len(grid.rows) for c in columns)
    cut_row = grid.row_of(0, 3)
    assert columns[0][cut_row] is Mark.DELETED
    assert columns[0][grid.row_of(1, 2)] is Mark.FACT
    assert columns[1][grid.row_of(2, 1)] is Mark.INSERTED
    assert columns[1][grid.row_of(0, 1)] is Mark.FINDING


def test_line_ranges_cover_every_position_once_in_order():
    for positions, lines in [(5, 10), (10, 10), (2000, 37), (37, 36)]:
        ranges = line_ranges(positions, lines)
        assert len(ranges) == min(positions, lines)
        assert ranges[0].start == 0 and ranges[-1].end == positions
        assert all(a.end == b.start for a, b in zip(ranges, ranges[1:]))
    assert line_ranges(0, 10) == [] and line_ranges(10, 0) == []


def test_long_story_is_compressed_keeping_the_strongest_mark():
    column = [Mark.EQUAL] * 100
    column[57] = Mark.FINDING

    async def body():
        app = HostApp(lambda: ChangeMap([column], id="map"))
        async with app.run_test(size=(40, 12)) as pilot:
            await pilot.pause()
            change_map = app.query_one(ChangeMap)
            lines = change_map._lines()
            assert len(lines) == change_map.size.height - 1
            text = [change_map.render_line(y).text for y in range(1, len(lines) + 1)]
            flagged = [y for y, line in enumerate(text) if GLYPHS[Mark.FINDING] in line]
            assert len(flagged) == 1
            assert lines[flagged[0]].start <= 57 < lines[flagged[0]].end

    run(body())


def test_clicking_a_line_posts_a_jump_to_its_strongest_row():
    column_a = [Mark.EQUAL, Mark.EQUAL, Mark.NOISE, Mark.DELETED, Mark.EQUAL, Mark.EQUAL]
    column_b = [Mark.EQUAL] * 6
    jumps = []

    class Recorder(HostApp):
        def on_change_map_jump(self, message: ChangeMap.Jump) -> None:
            jumps.append((message.position, message.version))

    async def body():
        app = Recorder(lambda: ChangeMap([column_a, column_b], id="map"))
        async with app.run_test(size=(40, 5)) as pilot:  # 4 map lines for 6 rows: lines span rows
            await pilot.pause()
            change_map = app.query_one(ChangeMap)
            line = next(i for i, r in enumerate(change_map._lines()) if r.start <= 3 < r.end)
            await pilot.click(ChangeMap, offset=(1, line + 1))
            await pilot.click(ChangeMap, offset=(2, 0))
            await pilot.pause()
        assert jumps[0] == (3, 0)
        assert jumps[1][1] == 1  # the header names the version column

    run(body())


def test_window_and_cursor_are_drawn_with_gutter_symbols():
    async def body():
        app = HostApp(lambda: ChangeMap([[Mark.EQUAL] * 6], id="map"))
        async with app.run_test(size=(40, 10)) as pilot:
            change_map = app.query_one(ChangeMap)
            change_map.window = (1, 4)
            change_map.cursor = 2
            await pilot.pause()
            gutters = [change_map.render_line(y).text[0] for y in range(1, 7)]
            assert gutters == [" ", "│", "▶", "│", " ", " "]

    run(body())


def test_new_columns_are_drawn_in_place_of_the_old_ones():
    async def body():
        app = HostApp(lambda: ChangeMap([[Mark.EQUAL] * 6], id="map"))
        async with app.run_test(size=(40, 10)) as pilot:
            change_map = app.query_one(ChangeMap)
            await pilot.pause()
            assert GLYPHS[Mark.DELETED] not in change_map.render_line(3).text
            change_map.set_columns([[Mark.EQUAL, Mark.EQUAL, Mark.DELETED, Mark.EQUAL, Mark.EQUAL, Mark.EQUAL]])
            await pilot.pause()
            assert change_map.render_line(3).text[1] == GLYPHS[Mark.DELETED]

    run(body())


def test_info_findings_do_not_hide_what_happened_to_the_paragraph():
    import dataclasses

    from reader.model import Severity

    comparison = small_comparison()
    quotes = comparison.versions[1]
    info = dataclasses.replace(quotes.findings[0], severity=Severity.INFO)
    comparison = dataclasses.replace(
        comparison, versions=(comparison.versions[0], dataclasses.replace(quotes, findings=(info,)))
    )
    assert marks_from_grid(build_grid(comparison), comparison)[1][build_grid(comparison).row_of(0, 1)] is Mark.EDITED
