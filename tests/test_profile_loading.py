"""Style profiles: the built-in one, user files, the config-directory default, and clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.errors import ReaderError
from reader.model import Category
from reader.settings.profile import default_profile, load_profile, parse_profile, resolve_profile
from reader.diff.words import diff_words

SAMPLES = Path(__file__).resolve().parent.parent / "sample_articles" / "harbour-strike"


def categories(base: str, other: str, profile) -> list[Category]:
    return [s.category for s in diff_words(base, other, profile) if s.is_change]


def write(tmp_path: Path, text: str, name: str = "desk.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_builtin_profile_has_the_documented_groups():
    profile = default_profile()
    assert profile.name == "default"
    assert profile.is_style_variant("U.S.", "US") and profile.is_style_variant("per cent", "percent")
    assert profile.is_spelling_variant("Kiev", "Kyiv") and profile.is_spelling_variant("grey", "gray")
    assert not profile.is_style_variant("us", "US"), "capital-only spellings never match lowercase words"
    assert "Reuters" in profile.agencies


def test_user_profile_adds_to_the_builtin_one(tmp_path):
    path = write(
        tmp_path,
        "name: harbour desk\nstyle:\n  - [Port Alder Terminal Association, PATA]\n"
        "transliterations:\n  - [Velasquez, Velazquez]\nagencies: [Harbour Wire]\n",
    )
    profile = load_profile(path)
    assert profile.name == "harbour desk"
    assert categories("said PATA officials", "said Port Alder Terminal Association officials", profile) == [
        Category.STYLE
    ]
    assert categories("Velasquez said", "Velazquez said", profile) == [Category.SPELLING]
    assert categories("the U.S. said", "the US said", profile) == [Category.STYLE], "built-in groups kept"
    assert "Harbour Wire" in profile.agencies and "Reuters" in profile.agencies


def test_user_group_sharing_a_spelling_joins_the_builtin_group(tmp_path):
    profile = load_profile(write(tmp_path, "transliterations:\n  - [Kyiv, Kyyiv]\n"))
    assert categories("in Kiev today", "in Kyyiv today", profile) == [Category.SPELLING]


def test_extends_none_starts_from_an_empty_profile(tmp_path):
    profile = load_profile(write(tmp_path, "extends: none\nstyle:\n  - [colour, hue]\n"))
    assert categories("per cent of", "percent of", profile) == [Category.SUBSTANTIVE]
    assert profile.agencies == ()


def test_profile_name_defaults_to_the_file_name(tmp_path):
    assert load_profile(write(tmp_path, "style: []\n", "newsroom.yaml")).name == "newsroom"
    assert load_profile(write(tmp_path, "", "empty.yaml")).name == "empty"


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("style:\n  - [a, b]\n  - [c, d\n", 4, "invalid YAML"),
        ("style:\n  - [a, b]\n\tbad: tab\n", 3, "invalid YAML"),
        ("name: x\nstyles:\n  - [a, b]\n", 2, "unknown key 'styles'"),
        ("style:\n  - [a, b]\n  - just-one-string\n", 3, "must be a list of equivalent spellings"),
        ("spelling:\n  - [grey, gray]\n  - [colour]\n", 3, "at least two spellings"),
        ("style:\n  - [a, {b: c}]\n", 2, "must be a plain value"),
        ("style:\n  - [a, '']\n", 2, "is empty"),
        ("transliterations: Kiev\n", 1, "must be a list of groups"),
        ("agencies:\n  Reuters: yes\n", 2, "'agencies' must be a list"),
        ("extends: everything\n", 1, "'extends' must be 'default' or 'none'"),
        ("name: a\nname: b\n", 2, "'name' appears twice"),
        ("- [a, b]\n", 1, "a profile must be a mapping"),
    ],
)
def test_invalid_profiles_name_the_file_and_line(tmp_path, text, line, words):
    path = write(tmp_path, text)
    with pytest.raises(ReaderError) as error:
        load_profile(path)
    message = str(error.value)
    assert message.startswith(f"{path}, line {line}: "), message
    assert words in message and "\n" not in message


def test_unreadable_profiles_are_one_line_errors(tmp_path):
    with pytest.raises(ReaderError, match="cannot read profile"):
        load_profile(tmp_path / "missing.yaml")
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(ReaderError, match="not UTF-8"):
        load_profile(binary)


def test_yaml_tags_never_construct_objects(tmp_path):
    path = write(tmp_path, "style:\n  - [!!python/object/apply:os.system ['echo hi'], b]\n")
    with pytest.raises(ReaderError, match="line 2"):
        load_profile(path)


def test_parse_profile_reads_plain_scalars_as_written():
    profile = parse_profile("extends: none\nstyle:\n  - [no, nope]\n  - [10, '10.0']\n", "inline")
    assert profile.is_style_variant("no", "nope") and profile.is_style_variant("10", "10.0")


def test_config_directory_profile_is_loaded_when_present(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path))
    assert resolve_profile() is default_profile()
    write(tmp_path, "name: my desk\nstyle:\n  - [Port Alder, PA]\n", "profile.yaml")
    assert resolve_profile().name == "my desk"
    explicit = write(tmp_path, "name: other desk\n", "other.yaml")
    assert resolve_profile(explicit).name == "other desk", "--profile wins over the config directory"


def run_compare(capsys, *extra):
    code = main(["compare", str(SAMPLES / "00-wire.txt"), str(SAMPLES / "01-reprint-trimmed.txt"), *extra])
    return code, capsys.readouterr()


def test_cli_uses_the_config_directory_profile(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path))
    write(tmp_path, "name: strict desk\nextends: none\n", "profile.yaml")
    code, out = run_compare(capsys, "--format", "json")
    assert code == 0
    report = json.loads(out.out)
    assert report["profile"] == "strict desk"
    changes = [c for row in report["versions"][0]["rows"] for c in row["changes"]]
    # Without the built-in groups, "per cent" -> "percent" is no longer house style.
    assert any(c["base_text"] == "per cent" and c["category"] == "substantive" for c in changes)
    assert all(isinstance(c["fact"], bool) for c in changes)


def test_cli_reports_a_bad_profile_in_one_line(tmp_path, capsys):
    path = write(tmp_path, "style:\n  - [a, b]\n  - c\n")
    code, out = run_compare(capsys, "--profile", str(path))
    assert code == 2
    assert out.err.strip() == (
        f"reader: error: {path}, line 3: each 'style' entry must be a list of equivalent spellings, "
        'e.g. - ["U.S.", "US"]'
    )
    assert "Traceback" not in out.err


def test_a_desks_noise_patterns_make_their_matches_house_style():
    from reader.diff.words import diff_words
    from reader.model import Category
    from reader.settings.profile import default_profile, parse_profile

    profile = parse_profile("noise_patterns:\n  - '(?i)sponsored content:?'\n  - '\\(Photo: [^)]*\\)'\n",
                            "desk.yaml", base=default_profile())
    base = "The union said talks would resume on Monday."
    other = "Sponsored content: The union said talks would resume on Monday. (Photo: Lina Ortiz)"
    changes = [s for s in diff_words(base, other, profile) if s.is_change]
    assert changes and all(s.category is Category.STYLE for s in changes)
    plain = [s for s in diff_words(base, other, default_profile()) if s.is_change]
    assert any(s.category is Category.SUBSTANTIVE for s in plain)  # without the patterns: a real insertion
    changed = "The union said talks would resume on Tuesday. (Photo: Lina Ortiz)"
    days = [s for s in diff_words(base, changed, profile) if s.is_change and s.category is Category.SUBSTANTIVE]
    assert days and days[0].fact  # a changed fact beside the furniture stays a fact


@pytest.mark.parametrize(("pattern", "message"), [
    ("'(unclosed'", "not a valid regular expression"),
    ("'" + "x" * 201 + "'", "over 200 characters"),
])
def test_a_bad_noise_pattern_is_a_one_line_error_naming_it(pattern, message):
    from reader.settings.profile import parse_profile

    with pytest.raises(ReaderError) as caught:
        parse_profile(f"noise_patterns:\n  - {pattern}\n", "desk.yaml")
    assert message in str(caught.value) and "desk.yaml, line 2" in str(caught.value) and "\n" not in str(caught.value)


def test_a_noise_pattern_that_runs_out_of_time_matches_nothing():
    import dataclasses

    from reader.settings.profile import Profile

    class Slow:
        def fullmatch(self, text, timeout=None):
            raise TimeoutError

    profile = dataclasses.replace(Profile(), noise_patterns=(Slow(),))
    assert profile.is_user_noise("Sponsored content") is False


def test_no_noise_pattern_makes_a_changed_number_noise():
    from reader.diff.words import diff_words
    from reader.model import Category
    from reader.settings.profile import default_profile, parse_profile

    greedy = parse_profile("noise_patterns: ['.*']\n", "desk.yaml", base=default_profile())
    changes = [s for s in diff_words("Talks resume on 21 May.", "Talks resume on 23 May.", greedy) if s.is_change]
    assert changes and all(s.category is Category.SUBSTANTIVE and s.fact for s in changes)
