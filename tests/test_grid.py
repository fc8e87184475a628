"""The display grid on small hand-made comparisons: placement, gaps, additions, moves, splits, merges."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.comparison import compare
from reader.view.grid import CellKind, base_paragraphs, build_grid, unified_paragraphs, version_paragraphs
from reader.loading import article_from_text
from reader.model import Category, Comparison, Op, Row, RowKind, Segment, VersionComparison
from reader.loading.sources import load_sources

SAMPLES = Path(__file__).resolve().parent.parent / "sample_articles" / "harbour-strike"


def article(name: str, *paragraphs: str):
    return article_from_text("\n\n".join(paragraphs), path=name)


def t(name: str) -> str:
    """A body-sized paragraph standing for ``name`` (single words would be read as headlines)."""
    return f"Paragraph {name} of the story talks about the strike at the port and its workers."


BASE = article("wire.txt", *(t(w) for w in "ABCDEF"))


def comparison(*versions: tuple) -> Comparison:
    return Comparison(BASE, tuple(VersionComparison(a, tuple(rows)) for a, rows in versions))


def rows_of(*spec):
    return [Row(RowKind(kind), tuple(b), tuple(o)) for kind, b, o in spec]


def assert_every_paragraph_once(grid):
    for column, art in enumerate(grid.articles):
        shown = [p for row in grid.rows for cell in [row.cells[column]] if cell.kind is CellKind.TEXT for p in cell.paragraphs]
        assert sorted(shown) == list(range(len(art.paragraphs))), (column, shown)


def reading_order(grid, column):
    """Paragraph numbers in the order a reader meets them in a column (moved ones at their ghost)."""
    order = []
    for row in grid.rows:
        cell = row.cells[column]
        if cell.kind is CellKind.GHOST or (cell.kind is CellKind.TEXT and not cell.moved):
            order += list(cell.paragraphs)
    return order


def test_identical_version_sits_row_by_row_beside_the_base():
    copy = article("copy.txt", *(p.text for p in BASE.paragraphs))
    rows = rows_of(*[("equal", [i], [i]) for i in range(6)])
    grid = build_grid(comparison((copy, rows)))
    assert len(grid.rows) == 6
    for i, row in enumerate(grid.rows):
        assert row.cells[0].paragraphs == (i,)
        assert row.cells[1].paragraphs == (i,)
        assert not row.cells[1].changed
    assert_every_paragraph_once(grid)


def test_cut_paragraph_leaves_a_gap_and_added_one_gets_its_own_row():
    version = article("v.txt", t("A"), t("B"), t("new"), t("D"), t("E"), t("F"))  # C cut, "new" added after B
    rows = rows_of(
        ("edited", [0], [0]), ("edited", [1], [1]), ("deleted", [2], []), ("inserted", [], [2]),
        ("edited", [3], [3]), ("edited", [4], [4]), ("edited", [5], [5]),
    )
    grid = build_grid(comparison((version, rows)))
    assert_every_paragraph_once(grid)
    kinds = [(row.cells[0].kind, row.cells[1].kind) for row in grid.rows]
    gap_row = next(r for r, row in enumerate(grid.rows) if row.cells[1].kind is CellKind.GAP)
    assert grid.rows[gap_row].cells[0].paragraphs == (2,)
    assert grid.rows[gap_row].cells[1].substantive  # a body paragraph was cut
    added_row = grid.row_of(1, 2)
    assert grid.rows[added_row].cells[0].kind is CellKind.BLANK
    assert grid.rows[added_row].cells[1].label.endswith("added in this version")
    # Between B and D, where it sits in the version; after the cut C, as a diff shows cuts before additions.
    assert gap_row == grid.row_of(0, 1) + 1
    assert added_row == gap_row + 1 == grid.row_of(0, 3) - 1
    assert len(kinds) == 7
    assert reading_order(grid, 1) == [0, 1, 2, 3, 4, 5]


def test_moved_paragraph_shown_beside_counterpart_with_a_ghost_at_its_reading_position():
    # The version puts base F first: F A B C D E.
    version = article("v.txt", t("F"), t("A"), t("B"), t("C"), t("D"), t("E"))
    rows = rows_of(*[("equal", [i], [i + 1]) for i in range(5)], ("moved", [5], [0]))
    grid = build_grid(comparison((version, rows)))
    assert_every_paragraph_once(grid)
    real = grid.row_of(1, 0)
    assert real == grid.row_of(0, 5)  # beside the base paragraph it came from
    cell = grid.rows[real].cells[1]
    assert cell.moved and cell.label == "moved: ¶1 in this version"
    ghost_row = cell.counterpart
    ghost = grid.rows[ghost_row].cells[1]
    assert ghost.kind is CellKind.GHOST
    assert ghost.label == "¶1 moved: shown at wire ¶6"
    assert ghost.counterpart == real
    assert ghost_row < grid.row_of(0, 0)  # before the wire's first paragraph, as in the version
    assert reading_order(grid, 1) == [0, 1, 2, 3, 4, 5]


def test_split_and_merge_show_the_many_side_as_one_cell():
    version = article("v.txt", t("A"), t("B1"), t("B2"), t("CD"), t("E"), t("F"))
    rows = rows_of(
        ("equal", [0], [0]), ("split", [1], [1, 2]), ("merged", [2, 3], [3]),
        ("equal", [4], [4]), ("equal", [5], [5]),
    )
    grid = build_grid(comparison((version, rows)))
    assert_every_paragraph_once(grid)
    split_row = grid.rows[grid.row_of(1, 1)]
    assert split_row.cells[1].paragraphs == (1, 2) and split_row.cells[0].paragraphs == (1,)
    assert "split" in split_row.cells[1].label
    merged_row = grid.rows[grid.row_of(1, 3)]
    assert merged_row.cells[0].paragraphs == (2, 3) and merged_row.cells[1].paragraphs == (3,)
    assert "merged" in merged_row.cells[1].label


def test_merge_in_one_version_groups_the_base_for_every_version():
    merged = article("m.txt", t("A"), t("B"), t("CD"), t("E"), t("F"))
    kept = article("k.txt", *(p.text for p in BASE.paragraphs))
    merged_rows = rows_of(("equal", [0], [0]), ("equal", [1], [1]), ("merged", [2, 3], [2]),
                          ("equal", [4], [3]), ("equal", [5], [4]))
    kept_rows = rows_of(*[("equal", [i], [i]) for i in range(6)])
    grid = build_grid(comparison((merged, merged_rows), (kept, kept_rows)))
    assert_every_paragraph_once(grid)
    row = grid.rows[grid.row_of(0, 2)]
    assert row.cells[0].paragraphs == (2, 3)
    assert row.cells[2].paragraphs == (2, 3)  # the other version's two paragraphs share the cell
    assert grid.row_of(0, 3) == grid.row_of(0, 2)


def test_additions_of_two_versions_after_the_same_paragraph_share_rows():
    one = article("one.txt", t("A"), t("x1"), t("B"), t("C"), t("D"), t("E"), t("F"))
    two = article("two.txt", t("A"), t("y1"), t("y2"), t("B"), t("C"), t("D"), t("E"), t("F"))
    rows_one = rows_of(("equal", [0], [0]), ("inserted", [], [1]), *[("equal", [i], [i + 1]) for i in range(1, 6)])
    rows_two = rows_of(("equal", [0], [0]), ("inserted", [], [1]), ("inserted", [], [2]),
                       *[("equal", [i], [i + 2]) for i in range(1, 6)])
    grid = build_grid(comparison((one, rows_one), (two, rows_two)))
    assert_every_paragraph_once(grid)
    assert len(grid.rows) == 6 + 2
    assert grid.row_of(1, 1) == grid.row_of(2, 1)


def test_a_rewrites_own_opening_sits_after_the_wire_paragraphs_it_cut_not_above_the_wire_headline():
    rewrite = article("rewrite.txt", t("own1"), t("own2"), t("D"), t("own3"))
    rows = rows_of(("deleted", [0], []), ("deleted", [1], []), ("deleted", [2], []), ("inserted", [], [0]),
                   ("inserted", [], [1]), ("partial", [3], [2]), ("inserted", [], [3]), ("deleted", [4], []),
                   ("deleted", [5], []))
    grid = build_grid(comparison((rewrite, rows)))
    assert_every_paragraph_once(grid)
    assert grid.row_of(0, 0) == 0  # the wire's first paragraph opens the screen
    assert grid.row_of(0, 2) < grid.row_of(1, 0) < grid.row_of(1, 1) < grid.row_of(0, 3) == grid.row_of(1, 2)
    assert grid.row_of(1, 3) > grid.row_of(0, 5)  # its own ending follows the wire's cut ending
    assert reading_order(grid, 1) == [0, 1, 2, 3]


def test_metadata_is_labelled_with_its_kind():
    wire = article_from_text("Headline about the port strike\n\nBy Jane Roe\n\nThe body of the story is here.", "w")
    version = article_from_text("Headline about the port strike\n\nBy Jane Roe\n\nThe body of the story is here.", "v")
    grid = build_grid(compare(wire, [version]))
    byline_row = grid.rows[grid.row_of(0, 1)]
    assert "byline" in byline_row.cells[0].label
    assert byline_row.cells[0].metadata
    assert not grid.rows[grid.row_of(0, 2)].cells[0].metadata


def test_word_marks_fall_on_the_changed_words_on_each_side():
    wire = article("w", "Dockers voted on Tuesday.")
    version = article("v", "Dockers voted on Monday.")
    segments = (
        Segment(Op.EQUAL, "Dockers voted on ", "Dockers voted on "),
        Segment(Op.REPLACE, "Tuesday", "Monday", Category.SUBSTANTIVE, True),
        Segment(Op.EQUAL, ".", "."),
    )
    row = Row(RowKind.EDITED, (0,), (0,), 0.9, segments)
    grid = build_grid(Comparison(wire, (VersionComparison(version, (row,)),)))
    cells = grid.rows[0].cells
    (other,) = version_paragraphs(cells[1], version)
    (mark,) = other.marks
    assert other.text[mark.start : mark.end] == "Monday" and mark.fact
    (base,) = base_paragraphs(cells[0], wire, cells[1])
    (mark,) = base.marks
    assert base.text[mark.start : mark.end] == "Tuesday"
    (unified,) = unified_paragraphs(cells[0], cells[1], wire, version)
    assert unified.text == "Dockers voted on TuesdayMonday."
    assert [(unified.text[m.start : m.end], m.kind) for m in unified.marks] == [("Tuesday", "delete"), ("Monday", "insert")]


def test_unified_text_shows_noise_replacements_as_the_new_text_only_when_collapsed():
    wire = article("w", "About 78 per cent voted.")
    version = article("v", "About 78 percent voted.")
    segments = (
        Segment(Op.EQUAL, "About 78 ", "About 78 "),
        Segment(Op.REPLACE, "per cent", "percent", Category.STYLE),
        Segment(Op.EQUAL, " voted.", " voted."),
    )
    grid = build_grid(Comparison(wire, (VersionComparison(version, (Row(RowKind.EDITED, (0,), (0,), 0.9, segments),)),)))
    cells = grid.rows[0].cells
    (full,) = unified_paragraphs(cells[0], cells[1], wire, version)
    assert full.text == "About 78 per centpercent voted."
    (collapsed,) = unified_paragraphs(cells[0], cells[1], wire, version, frozenset({Category.STYLE}))
    assert collapsed.text == "About 78 percent voted."
    assert [(m.kind, m.category) for m in collapsed.marks] == [("insert", Category.STYLE)]


def test_partial_row_marks_the_shared_span():
    wire = article("w", 'The minister said "we will not bow to pressure from anyone" on Friday.')
    version = article("v", 'A long profile piece that quotes "we will not bow to pressure from anyone" again.')
    start_b = wire.paragraphs[0].text.index('"we')
    start_o = version.paragraphs[0].text.index('"we')
    length = len('"we will not bow to pressure from anyone"')
    row = Row(RowKind.PARTIAL, (0,), (0,), 0.3, (), ((start_b, start_b + length, start_o, start_o + length),))
    grid = build_grid(Comparison(wire, (VersionComparison(version, (row,)),)))
    (other,) = version_paragraphs(grid.rows[0].cells[1], version)
    assert [(m.kind, other.text[m.start : m.end]) for m in other.marks] == [("shared", '"we will not bow to pressure from anyone"')]


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="samples not present")
def test_samples_every_paragraph_once_and_reading_order_kept_for_every_base():
    articles = load_sources([str(SAMPLES)])
    for b in range(len(articles)):
        others = [a for i, a in enumerate(articles) if i != b]
        grid = build_grid(compare(articles[b], others))
        assert_every_paragraph_once(grid)
        for column, art in enumerate(grid.articles):
            order = reading_order(grid, column)
            assert order == sorted(order), (b, column)
        for row in grid.rows:
            for cell in row.cells:
                if cell.counterpart is not None:
                    assert grid.rows[cell.counterpart].cells[row.cells.index(cell)].counterpart is not None


def _marked(paragraphs, kind):
    """Per paragraph, the characters under at least one mark of ``kind``, in text order."""
    return [
        "".join(c for i, c in enumerate(p.text) if any(m.kind == kind and m.start <= i < m.end for m in p.marks))
        for p in paragraphs
    ]


def test_unified_text_highlights_a_finding_across_its_deleted_and_inserted_words(sample_comparison):
    grid = build_grid(sample_comparison)
    version = next(v for v, c in enumerate(sample_comparison.versions, 1) if c.article.name.startswith("04"))
    finding = next(
        f for f in sample_comparison.versions[version - 1].findings if f.kind.value == "quote_altered" and "generous" in f.other_text
    )
    row = grid.rows[grid.row_of(version, finding.other[0])]
    plain = unified_paragraphs(row.cells[0], row.cells[version], grid.articles[0], grid.articles[version])
    lit = unified_paragraphs(row.cells[0], row.cells[version], grid.articles[0], grid.articles[version], finding=finding)
    assert [p.text for p in lit] == [p.text for p in plain]
    highlighted = "".join(_marked(lit, "finding-quote"))
    assert "a fairgenerous offer on the table" in highlighted  # struck "fair" and inserted "generous" both lit
    assert highlighted.strip("“”,").startswith("We have put") and highlighted.strip("“”,").endswith("if the union is")
    assert not any(_marked(plain, "finding-quote"))


def test_unified_text_highlights_an_attribution_on_a_cut_wire_paragraph(sample_comparison):
    grid = build_grid(sample_comparison)
    version = next(v for v, c in enumerate(sample_comparison.versions, 1) if c.article.name.startswith("01"))
    finding = next(f for f in sample_comparison.versions[version - 1].findings if f.kind.value == "credit_removed"
                   and "Reporting by" in (f.base_text or ""))
    row = grid.rows[grid.row_of(0, finding.base[0])]
    assert row.cells[version].kind is CellKind.GAP
    lit = unified_paragraphs(row.cells[0], row.cells[version], grid.articles[0], grid.articles[version], finding=finding)
    assert "".join(_marked(lit, "finding")) == finding.base_text


def test_a_version_still_being_compared_is_blank_and_the_others_are_placed_as_usual():
    from reader.comparison import assemble, compare_each, pending_version
    from reader.settings.profile import default_profile

    base = article("wire.txt", "One two three four.", "Five six seven eight.", "Nine ten eleven twelve.")
    cut = article("cut.txt", "One two three four.", "Nine ten eleven twelve.")
    same = article("same.txt", "One two three four.", "Five six seven eight.", "Nine ten eleven twelve.")
    profile = default_profile()
    first = next(compare_each(base, [cut, same], profile))
    partial = assemble(base, [first, pending_version(same)], profile)
    assert not partial.complete
    grid = build_grid(partial)
    assert [row.cells[1].kind for row in grid.rows] == [CellKind.TEXT, CellKind.GAP, CellKind.TEXT]
    assert all(row.cells[2].kind is CellKind.BLANK for row in grid.rows)

    full = compare(base, [cut, same])
    assert full.complete
    assert full.versions[0] == first  # what the first screen showed is what the whole analysis says
    assert [row.cells[2].kind for row in build_grid(full).rows] == [CellKind.TEXT] * 3


def test_the_collector_stays_paused_between_versions():
    """A collection between versions would walk every earlier result (4,000 paragraphs x 10 versions: 9.8 s instead of 7.5 s)."""
    import gc

    base = article("wire.txt", "One two three four.", "Five six seven eight.")
    states = []
    assert gc.isenabled()
    compare(base, [base, base, base], progress=lambda done, total, name: states.append(gc.isenabled()))
    assert states[:3] == [False] * 3  # before each version (the last call comes after them all)
    assert gc.isenabled()


def test_same_place_finds_a_rows_paragraph_in_a_regrouped_grid():
    from reader.view.grid import same_place

    base = article("wire.txt", "Alpha beta gamma delta.", "Epsilon zeta eta theta.", "Iota kappa lambda mu.")
    added = article("added.txt", "A new opening paragraph here.", "Alpha beta gamma delta.", "Epsilon zeta eta theta.",
                    "Iota kappa lambda mu.")
    plain = build_grid(compare(base, [base]))
    regrouped = build_grid(compare(base, [base, added]))
    third = plain.row_of(0, 2)
    assert regrouped.rows[same_place(plain, regrouped, third)].cells[0].paragraphs == (2,)


def test_substantive_only_navigation_stops_where_a_finding_is():
    """A cut trailer credit is no body paragraph, but its credit_removed finding makes it a stop for n/N."""
    from pathlib import Path

    from reader.comparison import compare
    from reader.loading import load_article
    from reader.model import Severity
    from reader.view.grid import build_grid

    folder = Path(__file__).resolve().parent.parent / "sample_articles" / "harbour-strike"
    wire, *others = [load_article(str(p)) for p in sorted(folder.glob("0*.txt"))]
    comparison = compare(wire, others)
    grid = build_grid(comparison)
    for column, version in enumerate(comparison.versions, start=1):
        for finding in version.findings:
            if finding.severity is Severity.INFO:
                continue
            rows = [grid.row_of(0, i) for i in finding.base] + [grid.row_of(column, j) for j in finding.other]
            assert any(r is not None and grid.rows[r].substantive_in([column]) for r in rows), finding.message


def test_the_unified_view_tells_wire_paragraphs_from_the_version_s():
    from pathlib import Path

    from reader.comparison import compare
    from reader.loading import load_article
    from reader.view.grid import CellKind, build_grid, unified_paragraphs

    folder = Path(__file__).resolve().parent.parent / "sample_articles" / "harbour-strike"
    wire, *others = [load_article(str(p)) for p in sorted(folder.glob("0*.txt"))]
    comparison = compare(wire, others)
    grid = build_grid(comparison)
    seen = set()
    for row in grid.rows:
        base_cell, version_cell = row.cells[0], row.cells[1]
        for styled in unified_paragraphs(base_cell, version_cell, wire, others[0]):
            seen.add((version_cell.kind is CellKind.GAP, styled.wire))
    assert (True, True) in seen and (False, False) in seen and (False, True) not in seen and (True, False) not in seen
