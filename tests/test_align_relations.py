"""Small hand-made cases, one per relation the aligner must get right (and the errors it must not make)."""

import pytest

from reader.align.paragraphs import align, order_rows
from reader.model import Article, Paragraph, ParagraphKind, Row, RowKind
from reader.settings.profile import default_profile, parse_profile

K = ParagraphKind

P = {
    "lede": "Dock workers at the harbour voted on Thursday to extend their strike by another ten days, "
    "deepening a standoff that has left more than forty cargo ships waiting at anchor offshore.",
    "vote": "About 78 per cent of members who cast ballots backed the extension, on a turnout of 81 per cent, "
    "said the union, which organised the vote after talks with terminal operators broke down.",
    "quote": "\u201cWe did not walk out for a few extra coins,\u201d said Maria Velasquez, the union\u2019s regional "
    "secretary. \u201cWe walked out because people are working 14-hour shifts on old cranes.\u201d",
    "offer": "The terminal association said it had put a fair offer on the table, a nine per cent rise over "
    "two years, and urged the union to return to the negotiating table without preconditions.",
    "ships": "Figures from the harbour master showed 43 vessels waiting at anchor on Thursday, up from 29 a "
    "week earlier, and several lines have begun diverting cargo to the smaller port to the south.",
    "retail": "Retailers have warned of shortages of some imported goods ahead of the holiday season, and the "
    "chamber of commerce said a third of its members had reported delayed deliveries this month.",
    "law": "Under the ports act, the government can order striking workers back to work for up to sixty "
    "days if a stoppage threatens essential supplies, a power it has used only once before.",
}
# Same topic, same vocabulary, different paragraphs: must never pair with the ones above.
UNRELATED = {
    "mood": "At the union hall in the old customs quarter the mood on Thursday afternoon was defiant, and "
    "some dock workers wore hard hats daubed with slogans about cranes and the harbour.",
    "economist": "A transport economist said ports are a choke point and that a strike at the biggest "
    "harbour is felt by retailers and car plants everywhere within about a month.",
}


def article(*paragraphs, name="x.txt") -> Article:
    paras = []
    for i, p in enumerate(paragraphs):
        kind, text = p if isinstance(p, tuple) else (K.BODY, p)
        paras.append(Paragraph(i, text, kind))
    return Article(name, tuple(paras))


def rows_of(rows: list[Row]) -> set[tuple[str, tuple, tuple]]:
    return {(r.kind.value, r.base, r.other) for r in rows}


def pairs_of(rows: list[Row]) -> set[tuple[int, int]]:
    return {(i, j) for r in rows for i in r.base for j in r.other}


def test_identical_articles_pair_in_place():
    base = article(*P.values())
    rows = align(base, article(*P.values()))
    assert rows_of(rows) == {("edited", (i,), (i,)) for i in range(len(P))}
    assert all(r.similarity == 1.0 for r in rows)


def test_lightly_edited_paragraph_pairs():
    edited = P["vote"].replace("About 78", "Nearly 80").replace("broke down", "collapsed late on Wednesday")
    rows = align(article(P["lede"], P["vote"], P["quote"]), article(P["lede"], edited, P["quote"]))
    assert ("edited", (1,), (1,)) in rows_of(rows)


def test_unrelated_paragraphs_at_the_same_position_are_never_paired():
    base = article(P["lede"], P["vote"], P["quote"], P["offer"])
    other = article(P["lede"], UNRELATED["mood"], P["quote"], UNRELATED["economist"])
    rows = rows_of(align(base, other))
    assert ("deleted", (1,), ()) in rows and ("inserted", (), (1,)) in rows
    assert ("deleted", (3,), ()) in rows and ("inserted", (), (3,)) in rows


def test_byline_never_matches_body_text_naming_the_same_people():
    base = article((K.BYLINE, "By Maria Velasquez and Edwin Marsh"), P["lede"])
    other = article("Maria Velasquez and Edwin Marsh met on Thursday.", P["lede"])
    rows = rows_of(align(base, other))
    assert ("deleted", (0,), ()) in rows and ("inserted", (), (0,)) in rows


def test_bylines_sharing_a_name_pair_and_different_bylines_do_not():
    base = article((K.BYLINE, "By Hannah Lindqvist and Tomas Ferreira"), P["lede"], P["vote"], P["quote"])
    kept = article((K.BYLINE, "Hannah Lindqvist and Priya Raman The Daily Example"), P["lede"], P["vote"], P["quote"])
    other = article((K.BYLINE, "By Lena Marchetti"), P["lede"], P["vote"], P["quote"])
    assert ("edited", (0,), (0,)) in rows_of(align(base, kept))
    assert ("deleted", (0,), ()) in rows_of(align(base, other))


def test_short_paragraphs_need_near_identity():
    base = article((K.SUBHEAD, "TALKS STALL"), P["lede"], "\u201cNo,\u201d she said.")
    other = article((K.SUBHEAD, "SHIPS WAIT"), P["lede"], "\u201cYes,\u201d he said.")
    rows = rows_of(align(base, other))
    assert ("edited", (1,), (1,)) in rows
    assert pairs_of(align(base, other)) == {(1, 1)}


def test_metadata_pairs_only_with_its_own_kind():
    base = article(P["lede"], P["vote"], (K.CREDIT, "(Reporting by Hannah Lindqvist; Editing by Graham Whitlock)"))
    other = article(
        P["lede"],
        P["vote"],
        (K.CREDIT, "This article was produced by Meridian News Agency. It has not been edited by The Example."),
        (K.CREDIT, "(Additional reporting by Our Staff)"),
    )
    rows = rows_of(align(base, other))
    assert ("edited", (2,), (3,)) in rows  # trailer with trailer, whatever its wording
    assert ("inserted", (), (2,)) in rows  # a disclaimer is not a trailer


def test_split_paragraph_is_one_row():
    first, second = P["ships"].split(", and several")
    other = article(P["lede"], first + ".", "Several" + second, P["retail"])
    rows = rows_of(align(article(P["lede"], P["ships"], P["retail"]), other))
    assert rows == {("edited", (0,), (0,)), ("split", (1,), (1, 2)), ("edited", (2,), (3,))}


def test_three_way_split():
    long = " ".join([P["vote"], P["offer"], P["law"]])
    rows = rows_of(align(article(P["lede"], long), article(P["lede"], P["vote"], P["offer"], P["law"])))
    assert ("split", (1,), (1, 2, 3)) in rows


def test_merged_paragraphs_are_one_row():
    merged = P["quote"] + " " + P["offer"]
    rows = rows_of(align(article(P["lede"], P["quote"], P["offer"], P["law"]), article(P["lede"], merged, P["law"])))
    assert rows == {("edited", (0,), (0,)), ("merged", (1, 2), (1,)), ("edited", (3,), (2,))}


def test_moved_paragraph_is_the_only_one_marked_moved():
    keys = ["lede", "vote", "quote", "offer", "ships", "retail", "law"]
    moved = ["lede", "law", "vote", "quote", "offer", "ships", "retail"]
    rows = align(article(*(P[k] for k in keys)), article(*(P[k] for k in moved)))
    assert rows_of(rows) == {("edited", (0,), (0,)), ("moved", (6,), (1,))} | {
        ("edited", (i,), (i + 1,)) for i in range(1, 6)
    }


def test_rewritten_lede_still_aligns():
    lede = (
        "Dock workers at the harbour were due to vote on Thursday on whether to extend their strike by another "
        "ten days, in a standoff that has already left more than forty cargo ships waiting at anchor offshore."
    )
    rows = rows_of(align(article(P["lede"], P["vote"], P["quote"]), article(lede, P["vote"], P["quote"])))
    assert ("edited", (0,), (0,)) in rows


def test_reordered_lede_still_aligns_through_containment():
    lede = (
        "More than forty cargo ships are waiting at anchor offshore after dock workers at the harbour voted "
        "on Thursday to extend their strike by another ten days, deepening the standoff."
    )
    rows = rows_of(align(article(P["lede"], P["vote"], P["quote"]), article(lede, P["vote"], P["quote"])))
    assert ("edited", (0,), (0,)) in rows


def test_rewrite_links_only_the_lifted_quote_as_partial():
    base = article(*P.values())
    lifted = (
        "The union leader, who has led the walkout since the start, was blunt about its aim: \u201cWe walked out "
        "because people are working 14-hour shifts on old cranes.\u201d"
    )
    other = article(UNRELATED["mood"], lifted, UNRELATED["economist"])
    rows = align(base, other)
    assert {(r.kind.value, r.base, r.other) for r in rows if r.has_both_sides} == {("partial", (2,), (1,))}
    (row,) = [r for r in rows if r.has_both_sides]
    (bs, be, os_, oe), *_ = row.shared_spans
    assert base.texts(row.base)[bs:be] == "We walked out because people are working 14-hour shifts on old cranes"
    assert other.texts(row.other)[os_:oe] == base.texts(row.base)[bs:be]


def test_shared_name_is_not_a_lifted_passage():
    base = article(*P.values())
    other = article(
        "Maria Velasquez, the union\u2019s regional secretary, will address a rally on Saturday in the city centre.",
        UNRELATED["mood"],
    )
    assert not pairs_of(align(base, other))


def test_house_style_variants_count_as_equal_words_with_a_profile():
    styled = P["vote"].replace("per cent", "percent").replace("organised", "organized")
    base, other = article(P["lede"], P["vote"]), article(P["lede"], styled)
    with_profile = {r.base: r.similarity for r in align(base, other, default_profile())}
    without = {r.base: r.similarity for r in align(base, other, parse_profile("extends: none", "bare"))}
    assert with_profile[(1,)] == 1.0
    assert without[(1,)] < 1.0


def test_dateline_prefix_does_not_disturb_matching():
    base = Article("a", (Paragraph(0, "PORT ALDER, Nov 21 (Meridian) -" + P["lede"], K.BODY, 31),))
    other = Article("b", (Paragraph(0, "PORT ALDER: " + P["lede"], K.BODY, 12),))
    (row,) = align(base, other)
    assert row.kind is RowKind.EDITED and row.similarity == 1.0


def test_inserted_paragraph_follows_its_anchor_and_rows_are_deterministic():
    base = article(P["lede"], P["vote"], P["quote"])
    other = article(P["lede"], P["vote"], UNRELATED["mood"], P["quote"])
    rows = align(base, other)
    assert [(r.kind.value, r.base, r.other) for r in rows] == [
        ("edited", (0,), (0,)),
        ("edited", (1,), (1,)),
        ("inserted", (), (2,)),
        ("edited", (2,), (3,)),
    ]
    assert align(base, other) == rows
    assert order_rows(list(reversed(rows))) == rows


def test_duplicate_paragraphs_pair_in_order():
    base = article(P["lede"], "Read the full story.", P["vote"], "Read the full story.")
    rows = rows_of(align(base, article(P["lede"], "Read the full story.", P["vote"], "Read the full story.")))
    assert rows == {("edited", (i,), (i,)) for i in range(4)}


def test_empty_articles():
    assert align(article(), article()) == []
    rows = align(article(P["lede"]), article())
    assert rows_of(rows) == {("deleted", (0,), ())}


def test_four_way_split_of_a_long_paragraph():
    long = " ".join([P["vote"], P["offer"], P["law"], P["retail"]])
    parts = article(P["lede"], P["vote"], P["offer"], P["law"], P["retail"])
    assert ("split", (1,), (1, 2, 3, 4)) in rows_of(align(article(P["lede"], long), parts))


def test_line_read_as_subhead_in_one_file_and_body_in_the_other_still_pairs():
    base = article(P["lede"], (K.SUBHEAD, "Talks stall as ships queue"), P["vote"])
    other = article(P["lede"], "Talks stall as ships queue", P["vote"])
    assert ("edited", (1,), (1,)) in rows_of(align(base, other))
    assert ("deleted", (1,), ()) in rows_of(align(base, article(P["lede"], "Ships queue as talks resume", P["vote"])))


def test_many_junk_lines_pair_only_when_identical():
    junk = [(K.BOILERPLATE, f"Related link number {i} about something else") for i in range(250)]
    base = article(P["lede"], *junk)
    other = article(P["lede"], *reversed(junk), (K.BOILERPLATE, "Related link number 7 about something new"))
    rows = align(base, other)
    paired = {(r.base, r.other) for r in rows if r.has_both_sides}
    assert ((8,), (len(junk) - 7,)) in paired  # "number 7" found at its reversed position
    assert all(base.texts(r.base) == other.texts(r.other) for r in rows if r.has_both_sides)


def test_heavily_rewritten_lede_of_a_reprint_pairs_with_the_wire_lede():
    lede = (
        "More than forty cargo ships sat at anchor offshore on Friday as striking dock workers, who voted "
        "a day earlier to stay out for ten more days, kept the harbour closed for a third week."
    )
    keys = ["vote", "quote", "offer", "ships"]
    rows = rows_of(align(article(P["lede"], *(P[k] for k in keys)), article(lede, *(P[k] for k in keys))))
    assert ("edited", (0,), (0,)) in rows


def test_unrelated_first_paragraphs_are_not_forced_together():
    keys = ["vote", "quote", "offer", "ships"]
    rows = rows_of(align(article(P["lede"], *(P[k] for k in keys)), article(UNRELATED["economist"], *(P[k] for k in keys))))
    assert ("deleted", (0,), ()) in rows and ("inserted", (), (0,)) in rows


def test_alignment_leaves_the_garbage_collector_as_it_found_it():
    import gc

    base, other = article(P["lede"], P["vote"]), article(P["vote"], P["lede"])
    assert gc.isenabled()
    align(base, other)
    assert gc.isenabled()
    gc.disable()
    try:
        align(base, other)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_byline_printed_at_the_foot_is_not_a_moved_paragraph():
    base = article((K.BYLINE, "By Hannah Lindqvist"), P["lede"], P["vote"], P["quote"])
    other = article(P["lede"], P["vote"], P["quote"], (K.BYLINE, "By Hannah Lindqvist"))
    assert rows_of(align(base, other)) == {("edited", (i,), ((i - 1) % 4,)) for i in range(4)}


def test_paragraphs_without_words_pair_when_identical():
    base = article(P["lede"], "* * *", P["vote"], "\u2014")
    rows = rows_of(align(base, article(P["lede"], "* * *", P["vote"], "\u2014")))
    assert rows == {("edited", (i,), (i,)) for i in range(4)}
    rows = rows_of(align(base, article(P["lede"], "# # #", P["vote"])))
    assert ("deleted", (1,), ()) in rows and ("inserted", (), (1,)) in rows


def test_similarity_of_very_long_paragraphs_is_measured_in_stretches_and_stays_exact(monkeypatch):
    import random

    from rapidfuzz.distance import Indel

    from reader.align import paragraphs as align_module

    rng = random.Random(9)
    words = tuple(rng.choice([f"w{n}" for n in range(2000)] + ["the", "of"] * 200) for _ in range(3000))
    edited = list(words)
    for n in range(0, len(edited), 50):
        edited[n] = "changed"
    del edited[1000:1040]
    edited[2000:2000] = ["an", "added", "clause"]
    edited = tuple(edited)
    exact = Indel.normalized_similarity(words, edited)
    monkeypatch.setattr(align_module, "_LCS_CELLS", 40 * 40)
    assert align_module.similarity(words, edited) == pytest.approx(exact, abs=1e-12)
    assert align_module.similarity(words, words[::-1]) < 0.1  # no anchors in order: still the real LCS


@pytest.mark.parametrize(
    "wire, copy",
    [
        ("Talks resume on 21 November.", "Talks resume on Nov. 21."),
        ("Søren Dahl quit.", "Soren Dahl quit."),
        ("About 1.5 million people fled.", "About 1,500,000 people fled."),
        ("The anaemic recovery stalled.", "The anemic recovery stalled."),
        ("Some 10 000 fans came.", "Some 10,000 fans came."),
        ("Two hundred workers left.", "200 workers left."),
    ],
)
@pytest.mark.parametrize("length", [1, 12])
def test_a_paragraph_differing_only_by_noise_is_paired_whatever_its_length(wire, copy, length):
    filler = " The port stayed shut while the union met its members at the harbour hall." * (length - 1)
    base, other = article(P["lede"], wire + filler), article(P["lede"], copy + filler)
    assert (1, 1) in pairs_of(align(base, other, default_profile()))
