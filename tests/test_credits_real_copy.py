"""Credits as real copies carry them: the agency in a byline or copyright line, bylines of agency names."""

from __future__ import annotations

from reader.comparison import compare
from reader.loading import article_from_text
from reader.model import FindingKind as F, Severity

LEDE = ("floodwaters cut off three towns in western Kenya on Tuesday as rescuers raced to reach families "
        "stranded on rooftops, officials said.")
BODY = [
    "The Red Cross said more than 2,000 people had been moved to schools and churches on higher ground overnight.",
    "Roads into the valley were closed after a bridge collapsed under the weight of debris carried by the river.",
    "Forecasters warned that more heavy rain was expected in the region until the end of the week at least.",
]
WIRE = "\n\n".join(["Floods cut off three Kenyan towns", "By JANE ROE and OMAR FARAH Associated Press",
                    "NAIROBI, Kenya (AP) \u2014 Floodwaters " + LEDE[len("floodwaters "):], *BODY,
                    "Copyright 2026 The Associated Press. All rights reserved."])


def findings(copy: str):
    comparison = compare(article_from_text(WIRE, "wire.txt"), [article_from_text(copy, "copy.txt")])
    return comparison.versions[0].findings


def of_kind(found, kind):
    return [f for f in found if f.kind is kind]


def test_dateline_credit_dropped_while_the_byline_keeps_the_agency_is_minor():
    copy = "\n\n".join(["Floods cut off three Kenyan towns", "By The Associated Press",
                        "NAIROBI, Kenya \u2014 Floodwaters " + LEDE[len("floodwaters "):], *BODY])
    removed = of_kind(findings(copy), F.CREDIT_REMOVED)
    assert removed and all(f.severity is Severity.MINOR for f in removed)
    assert "still credited in the byline" in removed[0].message


def test_a_copy_crediting_the_agency_nowhere_gets_a_major_credit_removed():
    copy = "\n\n".join(["Floods cut off three Kenyan towns", "NAIROBI \u2014 Floodwaters " + LEDE[len("floodwaters "):], *BODY])
    removed = of_kind(findings(copy), F.CREDIT_REMOVED)
    assert any(f.severity is Severity.MAJOR and "no credit to Associated Press remains" in f.message for f in removed)


def test_an_agency_only_byline_is_not_both_removed_and_added():
    copy = "\n\n".join(["Floods cut off three Kenyan towns", "The Associated Press | Wednesday, March 3, 2026, 7:05 a.m.",
                        "NAIROBI, Kenya (AP) \u2014 Floodwaters " + LEDE[len("floodwaters "):], *BODY])
    found = findings(copy)
    assert not of_kind(found, F.BYLINE_ADDED)
    (removed,) = of_kind(found, F.BYLINE_REMOVED)
    assert "JANE ROE" in removed.message and "OMAR FARAH" in removed.message


def test_a_byline_that_lost_one_of_two_names_reports_that_name_only():
    copy = WIRE.replace("By JANE ROE and OMAR FARAH Associated Press", "By Jane Roe, Associated Press")
    found = findings(copy)
    (removed,) = of_kind(found, F.BYLINE_REMOVED)
    assert "OMAR FARAH" in removed.message and "JANE" not in removed.message
    assert not of_kind(found, F.BYLINE_ADDED) and not of_kind(found, F.CREDIT_REMOVED)


def test_a_page_timestamp_is_never_compared_as_the_dateline():
    copy = "\n\n".join(["Floods cut off three Kenyan towns", "Updated March 3, 2026 at 6:10 am",
                        "By JANE ROE and OMAR FARAH Associated Press",
                        "NAIROBI, Kenya (AP) \u2014 Floodwaters " + LEDE[len("floodwaters "):], *BODY,
                        "Copyright 2026 The Associated Press. All rights reserved."])
    assert not [f for f in findings(copy) if f.severity is not Severity.INFO]


def test_reporters_job_titles_and_places_are_not_names():
    from reader.findings.credits import credit_names

    assert credit_names("By Henry Saltmarsh, PA City Editor, and Maya Kettering, PA Business Reporter") == [
        "Henry Saltmarsh", "Maya Kettering"]
    assert credit_names("(Reporting by Merle Kasak in Tallinn and Daniel Orwin in Stockholm; Editing by Tom Hebden)") == [
        "Merle Kasak", "Daniel Orwin", "Tom Hebden"]
    assert credit_names("UK Markets") == []


CONTRIBUTORS = "Associated Press writers Ana Ruiz in Mombasa and Peter Lind in Kampala contributed to this report."


def test_the_ap_contributors_line_cut_is_a_credit_finding():
    wire = WIRE.replace("\n\nCopyright", f"\n\n{CONTRIBUTORS}\n\nCopyright")
    copy = WIRE.replace("\n\nCopyright 2026 The Associated Press. All rights reserved.", "")
    comparison = compare(article_from_text(wire, "wire.txt"), [article_from_text(copy, "copy.txt")])
    removed = [f for f in comparison.versions[0].findings if f.kind is F.CREDIT_REMOVED]
    trailer = [f for f in removed if "Trailer credit removed" in f.message]
    assert len(trailer) == 1 and "Ana Ruiz" in trailer[0].message
    assert trailer[0].severity is Severity.MINOR  # the agency is still credited in the byline and dateline


def test_another_write_through_s_own_trailer_is_information_not_a_credit_removed():
    from reader.findings.attribution import _as_update
    from reader.model import Finding

    wire = article_from_text(WIRE.replace("\n\nCopyright", f"\n\n{CONTRIBUTORS}\n\nCopyright"), "wire.txt")
    trailer = next(p.index for p in wire.paragraphs if p.text == CONTRIBUTORS)
    replaced = Finding(F.CREDIT_REMOVED, Severity.MINOR, (trailer,), (9,), CONTRIBUTORS, "Peter Lind contributed.", "Trailer credit replaced")
    cut = Finding(F.CREDIT_REMOVED, Severity.MINOR, (trailer,), (), CONTRIBUTORS, None, "Trailer credit removed")
    assert _as_update(replaced, wire).severity is Severity.INFO
    assert _as_update(cut, wire).severity is Severity.MINOR  # a write-through copy that drops it still drops it
