"""`reader compare --format json` keeps the reader.compare/1 contract (schema in reader/report/compare.schema.json)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from reader.cli import main
from reader.report.json_report import render_json
from tests.report_helpers import SAMPLE_FILES, SAMPLES, hostile_comparison, samples_with_findings

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "reader" / "report" / "compare.schema.json").read_text(encoding="utf-8"))


def test_schema_itself_is_valid():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def _compare_json(capsys, *args: str) -> dict:
    assert main(["compare", *args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture(scope="module")
def sample_output() -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "compare", *SAMPLE_FILES, "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _check_contract(document: dict) -> None:
    """Everything the contract promises beyond what a JSON Schema can say."""
    jsonschema.validate(document, SCHEMA)
    base_paragraphs = document["base"]["paragraphs"]
    assert [p["index"] for p in base_paragraphs] == list(range(len(base_paragraphs)))
    for version in document["versions"]:
        paragraphs = version["paragraphs"]
        assert [p["index"] for p in paragraphs] == list(range(len(paragraphs)))
        seen_base, seen_other = set(), set()
        for row in version["rows"]:
            assert all(0 <= i < len(base_paragraphs) for i in row["base"]), row
            assert all(0 <= i < len(paragraphs) for i in row["other"]), row
            assert row["base"] or row["other"], "a row with neither side"
            if row["kind"] == "inserted":
                assert row["base"] == [] and row["other"]
            if row["kind"] == "deleted":
                assert row["other"] == [] and row["base"]
            if row["kind"] in ("split", "merged"):
                assert len(row["base"]) + len(row["other"]) > 2, row
            if not (row["base"] and row["other"]):
                assert row["changes"] == [], "changes only for rows with both sides"
            if row["kind"] == "edited":
                assert row["changes"], "an edited row names its word changes"
            base_text = "\n".join(base_paragraphs[i]["text"] for i in row["base"])
            other_text = "\n".join(paragraphs[i]["text"] for i in row["other"])
            for change in row["changes"]:
                assert change["base_text"] in base_text and change["other_text"] in other_text, change
                assert change["base_text"] != change["other_text"], change
            for b_start, b_end, o_start, o_end in row.get("shared_spans", []):
                assert 0 <= b_start < b_end <= len(base_text) and 0 <= o_start < o_end <= len(other_text), row
            seen_base.update(row["base"])
            seen_other.update(row["other"])
        assert seen_base == set(range(len(base_paragraphs))), "every base paragraph appears in a row"
        assert seen_other == set(range(len(paragraphs))), "every version paragraph appears in a row"
        for finding in version["findings"]:
            assert all(0 <= i < len(base_paragraphs) for i in finding["base"]), finding
            assert all(0 <= i < len(paragraphs) for i in finding["other"]), finding
            if finding["row"] is not None:
                assert 0 <= finding["row"] < len(version["rows"])
            for side, texts in (("base_spans", base_paragraphs), ("other_spans", paragraphs)):
                for span in finding[side]:
                    assert span["paragraph"] < len(texts) and span["start"] <= span["end"]
                    assert span["end"] <= len(texts[span["paragraph"]]["text"])


def test_sample_output_keeps_the_contract(sample_output):
    _check_contract(sample_output)
    assert sample_output["schema"] == "reader.compare/1"


def test_one_version_per_other_in_the_order_given(sample_output, capsys):
    assert [Path(v["path"]).name for v in sample_output["versions"]] == [Path(p).name for p in SAMPLE_FILES[1:]]
    assert sample_output["base"]["path"] == SAMPLE_FILES[0]
    reordered = [SAMPLE_FILES[0], SAMPLE_FILES[3], SAMPLE_FILES[1]]
    document = _compare_json(capsys, *reordered)
    assert [v["path"] for v in document["versions"]] == reordered[1:]
    _check_contract(document)


def test_paths_are_kept_as_given_and_files_are_fingerprinted(sample_output):
    import hashlib

    for article in [sample_output["base"], *sample_output["versions"]]:
        assert article["sha256"] == hashlib.sha256(Path(article["path"]).read_bytes()).hexdigest()


def test_rows_carry_real_word_changes(sample_output):
    quotes_altered = sample_output["versions"][3]
    changes = [c for row in quotes_altered["rows"] for c in row["changes"]]
    assert any(c["base_text"].strip() == "fair" and c["other_text"].strip() == "generous" for c in changes)
    assert {c["category"] for c in changes} >= {"typography", "substantive"}


def test_findings_keep_the_contract_and_point_at_their_row():
    document = json.loads(render_json(samples_with_findings()))
    _check_contract(document)
    version = document["versions"][3]
    assert version["findings"], "the hand-labelled findings are serialised"
    for finding in version["findings"]:
        row = version["rows"][finding["row"]]
        assert set(finding["base"]) & set(row["base"]) or set(finding["other"]) & set(row["other"])


def test_article_text_is_carried_verbatim():
    document = json.loads(render_json(hostile_comparison()))
    _check_contract(document)
    assert document["base"]["paragraphs"][0]["text"].startswith('Officials said <script>alert("x")</script>')
    assert document["versions"][0]["findings"][0]["base_spans"] == [{"paragraph": 0, "start": 15, "end": 45}]


def test_a_folder_argument_expands_in_name_order(capsys):
    document = _compare_json(capsys, str(SAMPLES))
    assert [Path(v["path"]).name for v in document["versions"]] == [Path(p).name for p in SAMPLE_FILES[1:]]


def test_contract_holds_for_every_input_format(capsys):
    """Web pages, Word files, NITF/NewsML and legacy encodings all produce the same contract."""
    formats = sorted(str(p) for p in (ROOT / "sample_articles" / "formats").iterdir())
    assert len(formats) >= 5
    document = _compare_json(capsys, SAMPLE_FILES[0], *formats)
    assert [v["path"] for v in document["versions"]] == formats
    _check_contract(document)


def test_publication_dates_the_files_state_are_reported(capsys):
    formats = ROOT / "sample_articles" / "formats"
    document = _compare_json(
        capsys, str(formats / "00-wire.nitf.xml"), str(formats / "05-wire.newsml-g2.xml"), SAMPLE_FILES[1]
    )
    assert document["base"]["published"] == "2026-11-21T18:30:00Z"
    assert document["versions"][0]["published"] == "2026-11-21T09:05:00Z"
    assert document["versions"][1]["published"] is None  # a plain text file states no date
    _check_contract(document)
