"""A version's class (copy, write-through, independent) and the findings that follow it; headlines and corrections."""

from __future__ import annotations

from reader.comparison import compare
from reader.loading import article_from_text
from reader.model import FindingKind as F, Relation, Severity

HEADLINE = "Floods cut off three Kenyan towns as 38 die"
BODY = [
    "NAIROBI, Kenya (AP) \u2014 Floodwaters cut off three towns in western Kenya on Tuesday as rescuers raced to "
    "reach families stranded on rooftops, officials said.",
    "\u201cWe have never seen the river rise this fast, and we are still counting the missing,\u201d county "
    "commissioner Ruth Lagat told reporters in Kisumu.",
    "The Red Cross said more than 2,000 people had been moved to schools and churches on higher ground overnight.",
    "Roads into the valley were closed after a bridge collapsed under the weight of debris carried by the river.",
    "Forecasters warned that more heavy rain was expected in the region until the end of the week at least.",
]
CORRECTION = "CORRECTION: An earlier version of this story misstated the number of towns cut off."
WIRE = "\n\n".join([HEADLINE, "By JANE ROE Associated Press", *BODY, CORRECTION])


def version(text: str):
    return compare(article_from_text(WIRE, "wire.txt"), [article_from_text(text, "copy.txt")]).versions[0]


def kinds(found, severity=None):
    return [f.kind for f in found if severity is None or f.severity is severity]


def test_a_copy_is_a_copy_and_a_replaced_headline_fact_is_major():
    v = version(WIRE.replace("as 38 die", "as 47 die"))
    assert v.relation is Relation.COPY
    (headline,) = [f for f in v.findings if f.kind is F.HEADLINE_CHANGED]
    assert headline.severity is Severity.MAJOR and "38 became 47" in headline.message


def test_a_reworded_headline_keeping_its_facts_is_minor():
    v = version(WIRE.replace(HEADLINE, "Floods cut off three Kenyan towns, leaving 38 dead"))
    assert [f.severity for f in v.findings if f.kind is F.HEADLINE_CHANGED] == [Severity.MINOR]


def test_a_headline_taking_another_figure_of_the_story_is_minor_and_a_swapped_number_word_major():
    taken = version(WIRE.replace(HEADLINE, "Floods force more than 2,000 Kenyans from their homes"))
    assert [f.severity for f in taken.findings if f.kind is F.HEADLINE_CHANGED] == [Severity.MINOR]
    swapped = version(WIRE.replace(HEADLINE, "Floods cut off five Kenyan towns as 38 die"))
    assert [f.severity for f in swapped.findings if f.kind is F.HEADLINE_CHANGED] == [Severity.MAJOR]


def test_a_headline_adding_a_figure_the_story_never_states_is_major_and_one_from_the_story_minor():
    invented = version(WIRE.replace(HEADLINE, "Floods cut off three Kenyan towns as 38 die, 5,000 flee"))
    (headline,) = [f for f in invented.findings if f.kind is F.HEADLINE_CHANGED]
    assert headline.severity is Severity.MAJOR and "5,000 added" in headline.message
    from_story = version(WIRE.replace(HEADLINE, "Floods cut off three Kenyan towns as 38 die, 2,000 moved"))
    assert [f.severity for f in from_story.findings if f.kind is F.HEADLINE_CHANGED] == [Severity.MINOR]


def test_a_rewrite_retelling_the_wire_sentence_by_sentence_is_a_copy():
    retold = [
        "Floodwaters have cut off three towns in western Kenya, with rescuers racing on Tuesday to reach "
        "families stranded on their rooftops, according to officials.",
        "County commissioner Ruth Lagat told reporters in Kisumu she had never seen the river rise this fast "
        "and that the missing were still being counted.",
        "More than 2,000 people were moved overnight to schools and churches on higher ground, the Red Cross said.",
        "A bridge collapsed under the weight of debris carried by the river, and roads into the valley were closed.",
        "Heavy rain is expected to continue in the region until at least the end of the week, forecasters warned.",
    ]
    v = version("\n\n".join([HEADLINE, *retold]))
    assert v.relation is Relation.COPY
    assert F.CREDIT_REMOVED in kinds(v.findings, Severity.MAJOR)


def test_a_dropped_correction_is_major_and_a_kept_one_is_nothing():
    assert F.CORRECTION_REMOVED in kinds(version(WIRE.replace("\n\n" + CORRECTION, "")).findings, Severity.MAJOR)
    assert F.CORRECTION_REMOVED not in kinds(version(WIRE.replace("By JANE ROE", "By The")).findings)


def test_a_copy_of_another_write_through_reports_a_reworded_quote_as_minor():
    earlier_lede = ("NAIROBI, Kenya (AP) \u2014 Rescuers in western Kenya were trying to reach families on rooftops "
                    "on Tuesday after floodwaters rose overnight.")
    text = WIRE.replace(BODY[0], earlier_lede).replace("still counting the missing", "still looking for the missing")
    v = version(text)
    assert v.relation is Relation.WRITE_THROUGH
    (altered,) = [f for f in v.findings if f.kind is F.QUOTE_ALTERED]
    assert altered.severity is Severity.MINOR and "another write-through" in altered.message


def test_a_later_write_through_with_a_new_lede_is_a_write_through_and_a_cut_lede_is_a_copy():
    later_lede = ("NAIROBI, Kenya (AP) \u2014 The death toll from flooding in western Kenya rose to 52 on Wednesday "
                  "as the government declared a national disaster and sent army helicopters.")
    v = version(WIRE.replace(BODY[0], later_lede).replace("still counting the missing", "still looking for the missing"))
    assert v.relation is Relation.WRITE_THROUGH
    assert [f.severity for f in v.findings if f.kind is F.QUOTE_ALTERED] == [Severity.MINOR]
    # the same page without the lede and nothing in its place is cut, not updated: a copy
    assert version(WIRE.replace(BODY[0] + "\n\n", "")).relation is Relation.COPY


def test_a_copy_of_another_write_through_carries_that_version_s_headline_and_notes():
    earlier_lede = ("NAIROBI, Kenya (AP) \u2014 Rescuers in western Kenya were trying to reach families on rooftops "
                    "on Tuesday after floodwaters rose overnight.")
    text = WIRE.replace(BODY[0], earlier_lede).replace("\n\n" + CORRECTION, "")
    v = version(text.replace(HEADLINE, HEADLINE.replace("three", "two"), 1))
    assert v.relation is Relation.WRITE_THROUGH
    headline = [f for f in v.findings if f.kind is F.HEADLINE_CHANGED]
    assert headline and all(f.severity is Severity.MINOR and "another write-through" in f.message for f in headline)
    correction = [f for f in v.findings if f.kind is F.CORRECTION_REMOVED]
    assert correction and all(f.severity is Severity.INFO for f in correction)


def test_an_agency_s_corrects_line_is_a_correction():
    from reader.findings.notices import is_correction

    assert is_correction("(Corrects spelling of pharmacist's surname in paragraph 19 to Wierzbicki from Wierzbicky)")
    assert is_correction("CORRECTION: An earlier version of this story misstated the toll.")
    assert not is_correction("The coalition corrects course on pensions, ministers say.")


def test_an_independent_story_is_not_judged_as_a_reprint():
    own = [
        "KISUMU, Kenya \u2014 In the hills above the lake, the Otieno family watched their maize fields vanish "
        "under brown water for the second time in three years.",
        "Farmers here say the drainage channels promised after the last floods were never dug, and that the county "
        "has spent the money on roads that now lie under water.",
        "\u201cWe have never seen the river rise this fast, and we are still counting the missing,\u201d county "
        "commissioner Ruth Lagat said.",
        "Neighbours have taken in dozens of families, sharing rice and beans cooked over charcoal in school yards.",
        "Nobody in the village expects the government's promised compensation to arrive before the next rains.",
    ]
    v = version("\n\n".join(["A village watches its fields drown again", "By Sam Otieno, Lakeside Standard", *own]))
    assert v.relation is Relation.INDEPENDENT
    assert not {F.BYLINE_REMOVED, F.BYLINE_ADDED, F.CREDIT_REMOVED, F.DATELINE_CHANGED, F.HEADLINE_CHANGED,
                F.CORRECTION_REMOVED} & set(kinds(v.findings))


def test_an_independent_story_lifting_much_of_the_wire_without_credit_is_major():
    own = ["KISUMU, Kenya \u2014 Our reporter spent the night with families waiting for the boats to come back.",
           "Local fishermen used their own canoes to carry the elderly to the church on the hill, they said.",
           "The county says it has no money left for the emergency, and the fishermen say nobody has asked them."]
    v = version("\n\n".join(["Night of the boats", "By Sam Otieno, Lakeside Standard", *own, *BODY[2:]]))
    assert v.relation is Relation.INDEPENDENT
    lifted = [f for f in v.findings if f.kind is F.CREDIT_REMOVED]
    assert lifted and lifted[0].severity is Severity.MAJOR and "credits Associated Press nowhere" in lifted[0].message
    # it points at what was taken: the three lifted wire paragraphs and where the story carries them
    assert {4, 5, 6} <= set(lifted[0].base) and set(lifted[0].other) == {5, 6, 7}


def test_a_count_word_changed_in_the_headline_is_a_changed_fact():
    changed = version(WIRE.replace("as 38 die", "as hundreds die"))
    assert changed.relation is Relation.COPY
    (headline,) = [f for f in changed.findings if f.kind is F.HEADLINE_CHANGED]
    assert headline.severity is Severity.MAJOR and "hundreds" in headline.message


def test_an_independent_story_s_own_quote_beside_a_lifted_one_is_info():
    own = ["KISUMU, Kenya \u2014 Our reporter spent the night with families waiting for the boats to come back.",
           "Local fishermen used their own canoes to carry the elderly to the church on the hill, they said.",
           "The county says it has no money left for the emergency, and the fishermen say nobody has asked them."]
    lifted = BODY[1] + " \u201cWe are the ones who go out in the dark,\u201d said fisherman Peter Ochieng."
    v = version("\n\n".join(["Night of the boats", "By Sam Otieno, Lakeside Standard", *own, lifted]))
    assert v.relation is Relation.INDEPENDENT
    added = [f for f in v.findings if f.kind is F.QUOTE_ADDED]
    assert added and all(f.severity is Severity.INFO for f in added)
    # the same quote put into a reprint's paragraph is an insertion worth a look
    reprint = version(WIRE.replace(BODY[1], lifted))
    assert [f.severity for f in reprint.findings if f.kind is F.QUOTE_ADDED] == [Severity.MINOR]
