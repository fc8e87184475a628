"""Small inputs that used to cost minutes or gigabytes (issue 22): each class, at a size of a few hundred KB,
gives the right Article or a one-line error, and is refused before the expensive step when refused.
Speed itself is measured by benchmarks/robustness_hostile.py, never asserted here."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from reader.settings.config import MAX_SETTINGS_BYTES, SettingsFileError, load_settings_yaml, read_settings_text
from reader.errors import InputError, ReaderError
from reader.settings.limits import Limits
from reader.loading import load_bytes
from reader.loading import word as word_module
from reader.loading.structure import byline_text, classify, dateline_of, is_junk, split_paragraphs
from reader.model import ParagraphKind
from reader.settings.profile import load_profile, resolve_profile

ROOT = Path(__file__).resolve().parent.parent
WIRE = ROOT / "sample_articles" / "harbour-strike" / "00-wire.txt"
SENTENCE = "Dock workers at the port voted on Thursday to extend their strike for another week, the union said."
LEDE = "PORT ALDER, March 3 (Meridian) - " + SENTENCE


def story_around(middle: str) -> str:
    return "Strike extended\n\n" + LEDE + middle + SENTENCE + "\n"


def alias_bomb(indent: str) -> str:
    """Nine lists, each nine times the one before (9**9 strings once expanded)."""
    lines = [f'{indent}- &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{indent}- &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


# --- Blank lines, page breaks, junk ----------------------------------------------------------------


@pytest.mark.parametrize(
    "middle",
    ["\n" + " \n" * 100_000 + "\n", "\n\f" * 100_000, "\u2029" * 100_000, "\n" + "\t\u00a0\n" * 100_000],
    ids=["blank lines", "form feeds", "U+2029", "tabs and no-break spaces"],
)
def test_long_runs_of_blank_lines_separate_paragraphs(middle):
    assert split_paragraphs(story_around(middle) + "\n" * 50_000) == ["Strike extended", LEDE, SENTENCE]


def test_blank_lines_at_the_edges_do_not_make_a_single_newline_text_a_blank_line_one():
    text = " \n\n\t\nHeadline here\n  Second line\nThird line\n \n\n  "
    assert split_paragraphs(text) == ["Headline here", "Second line", "Third line"]


def test_punctuation_only_and_furniture_lines_are_junk_but_a_dotted_paragraph_with_words_is_not():
    dots = ". " * 50_000
    assert is_junk(dots) and is_junk("* * *") and is_junk("Advertisement") and is_junk("Read more >>")
    assert not is_junk(dots + "and then the union spoke")
    assert not is_junk("Advertisement revenue fell by a third")
    paragraphs, _ = classify([LEDE, dots, dots + "end of the story", SENTENCE])
    assert [p.kind for p in paragraphs[1:3]] == [ParagraphKind.BOILERPLATE, ParagraphKind.BODY]


def test_long_runs_of_spaces_keep_bylines_and_datelines():
    assert byline_text("By Jo Roe" + " " * 50_000 + "|  Wednesday, March 4, 2026 10:00 AM") == "Jo Roe"
    match = dateline_of("PORT ALDER" + " " * 50_000 + "- Dock workers voted.")
    assert match is not None and match.group("place") == "PORT ALDER"
    assert dateline_of("By " + "\u00a0" * 50_000 + "x") is None


# --- Web pages -------------------------------------------------------------------------------------


def _page(body: str) -> bytes:
    return ("<!doctype html><html><head><title>Strike extended</title></head><body><article><h1>Strike extended</h1>"
            f"<p>{LEDE}</p>{body}</article></body></html>").encode()


@pytest.fixture
def no_extraction(monkeypatch):
    """Fail if the page reaches trafilatura: a refusal must come before the expensive extraction."""
    import trafilatura

    def refuse(*args, **kwargs):
        raise AssertionError("the page was parsed before it was refused")

    monkeypatch.setattr(trafilatura, "bare_extraction", refuse)


def test_many_div_paragraphs_are_refused_before_parsing(no_extraction):
    page = _page("".join(f"<div>Line {n}</div>" for n in range(25_000)))
    with pytest.raises(InputError, match=r"25,\d{3} paragraphs \(p, div, li... elements\), over the 20,000-paragraph limit") as error:
        load_bytes("divs.html", page)
    assert "\n" not in str(error.value)


def test_a_page_with_too_much_visible_markup_is_refused_before_parsing(no_extraction):
    page = _page(f"<p>{SENTENCE}</p>" * 5_000)  # 540 KB of markup
    with pytest.raises(InputError, match="bytes of markup outside scripts and styles"):
        load_bytes("big.html", page, Limits(max_bytes=1_000_000))


def test_paragraph_tags_inside_scripts_styles_and_comments_do_not_count():
    hidden = "<script>var s = '" + "<p>" * 25_000 + "';</script><style>/* <p> */</style><!--" + "<div>" * 25_000 + "-->"
    visible = "".join(f"<p>{SENTENCE} Number {n}.</p>" for n in range(4))
    article = load_bytes("page.html", _page(visible + hidden))
    assert article.source_format == "html"
    assert [p.text for p in article.paragraphs][-1] == f"{SENTENCE} Number 3."


def test_an_unclosed_script_does_not_hide_the_markup_after_it(no_extraction):
    page = _page("<script>" + "<div>x</div>" * 25_000)
    with pytest.raises(InputError, match="paragraph limit"):
        load_bytes("unclosed.html", page)


# --- Word documents --------------------------------------------------------------------------------

_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _document_xml(body: str) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document {_W_NS}><w:body>{body}</w:body></w:document>'.encode()


def _paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _docx(document: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    import docx

    template = io.BytesIO()
    docx.Document().save(template)
    buffer = io.BytesIO()
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in source.namelist():
            archive.writestr(name, document if name == "word/document.xml" else source.read(name))
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _understate(data: bytes, name: str, declared: int) -> bytes:
    """Rewrite the inflated size the local header and the central directory state for ``name``."""
    patched = bytearray(data)
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        start = 0
        while (start := patched.find(signature, start)) >= 0:
            if patched[start + name_at : start + name_at + len(name)] == name.encode():
                patched[start + size_at : start + size_at + 4] = declared.to_bytes(4, "little")
            start += 4
    return bytes(patched)


@pytest.fixture
def inflated(monkeypatch) -> list[int]:
    """The bytes the members read really inflated to (the reader's own count, not the zip directory's)."""
    produced: list[int] = []
    original = word_module._BudgetStream.read

    def counting(self, size=-1):
        chunk = original(self, size)
        produced.append(len(chunk))
        return chunk

    monkeypatch.setattr(word_module._BudgetStream, "read", counting)
    return produced


def test_docx_whose_directory_understates_document_xml_is_refused(inflated):
    document = _document_xml(_paragraph(LEDE) + _paragraph("a" * 1_000_000) * 3)
    data = _understate(_docx(document), "word/document.xml", 2_000)
    with pytest.raises(InputError, match="not a readable Word document") as error:
        load_bytes("understated.docx", data)
    assert "\n" not in str(error.value) and "(error)" not in str(error.value)
    assert sum(inflated) < 1_000_000


def test_docx_that_honestly_inflates_past_the_budget_is_refused_while_reading(inflated):
    limits = Limits(max_bytes=100_000)
    document = _document_xml(_paragraph(LEDE) + _paragraph("strike " * 100_000) * 10)  # 7 MB, 20 KB zipped
    data = _docx(document)
    assert len(data) < 100_000
    with pytest.raises(InputError, match="inflates to over 400,000 bytes"):
        load_bytes("inflates.docx", data, limits)
    assert sum(inflated) < 400_000 + 2 * 65_536


def test_docx_of_many_empty_paragraphs_is_refused_by_count():
    data = _docx(_document_xml(_paragraph(LEDE) + "<w:p/>" * 30_000))
    with pytest.raises(InputError, match="over 2,000 paragraph elements"):
        load_bytes("empty.docx", data, Limits(max_paragraphs=1_000))


def test_docx_with_thousands_of_entries_is_refused():
    data = _docx(_document_xml(_paragraph(LEDE)), {f"word/media/x{n}.bin": b"" for n in range(6_000)})
    with pytest.raises(InputError, match="6,0\\d\\d entries"):
        load_bytes("entries.docx", data)


def test_docx_with_a_corrupt_deflate_stream_is_named_damaged():
    data = bytearray(_docx(_document_xml(_paragraph(LEDE) * 200)))
    start = data.find(b"PK\x03\x04" + bytes(0), data.find(b"word/document.xml") - 30)
    body = start + 30 + len(b"word/document.xml") + 40
    data[body : body + 40] = b"\xff" * 40
    with pytest.raises(InputError, match="not a readable Word document") as error:
        load_bytes("corrupt.docx", bytes(data))
    assert "(error)" not in str(error.value)


def test_docx_paragraphs_of_many_runs_are_merged_in_order():
    runs = "".join(f'<w:r><w:t xml:space="preserve">w{n} </w:t></w:r>' for n in range(20))
    article = load_bytes("runs.docx", _docx(_document_xml(_paragraph(LEDE) + f"<w:p>{runs}</w:p>" * 2_000)))
    assert len(article.paragraphs) == 2_001
    assert article.paragraphs[1].text == " ".join(f"w{n}" for n in range(20))


def test_docx_text_box_paragraphs_stay_inside_their_paragraph():
    box = ("<w:r><w:pict><w:txbxContent>" + _paragraph("boxed words") + "</w:txbxContent></w:pict></w:r>")
    article = load_bytes("box.docx", _docx(_document_xml(_paragraph(LEDE) + f"<w:p><w:r><w:t>Before </w:t></w:r>{box}</w:p>")))
    assert [p.text for p in article.paragraphs][1:] == ["Before boxed words"]


# --- Config, profile and theme files -----------------------------------------------------------------


@pytest.fixture
def config(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "config"
    folder.mkdir()
    monkeypatch.setenv("READER_CONFIG_DIR", str(folder))
    return folder


def _not_regular_files(tmp_path: Path) -> dict[str, Path]:
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.yaml"
    zero.symlink_to("/dev/zero")
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# " + b"x" * MAX_SETTINGS_BYTES + b"\nname: x\n")
    return {"fifo": fifo, "/dev/zero": zero, "folder": folder, "big": big}


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero", "folder", "big"])
def test_settings_files_are_read_only_when_regular_and_small(tmp_path, kind):
    path = _not_regular_files(tmp_path)[kind]
    with pytest.raises(SettingsFileError) as error:
        read_settings_text(path)
    message = str(error.value)
    assert message.startswith(str(path)) and "\n" not in message
    assert any(word in message for word in ("not a regular file", "is a folder", "byte limit"))


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero", "big"])
def test_config_yaml_that_is_not_a_small_file_gives_one_problem_and_defaults(config, kind):
    from reader.ui.keymap import load_settings

    source = _not_regular_files(config.parent)[kind]
    (config / "config.yaml").symlink_to(source)
    settings = load_settings()
    assert settings.keys == {} and settings.theme is None
    assert len(settings.problems) == 1 and "config.yaml" in settings.problems[0] and "settings ignored" in settings.problems[0]


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero", "big"])
def test_profile_that_is_not_a_small_file_is_a_one_line_error(tmp_path, kind):
    path = _not_regular_files(tmp_path)[kind]
    with pytest.raises(ReaderError, match="profile") as error:
        load_profile(path)
    assert "\n" not in str(error.value)


def test_yaml_aliases_are_refused_without_expanding(config):
    from reader.ui.keymap import load_settings
    from reader.ui.theming import ThemeError, load_theme_file

    with pytest.raises(SettingsFileError, match="aliases"):
        load_settings_yaml("a: &a [*a]\n", "self.yaml")
    (config / "config.yaml").write_text("keys:\n  app.export:\n" + alias_bomb("    "), encoding="utf-8")
    problems = load_settings().problems
    assert len(problems) == 1 and "aliases" in problems[0] and len(problems[0]) < 300
    (config / "profile.yaml").write_text("style:\n" + alias_bomb("  "), encoding="utf-8")
    with pytest.raises(ReaderError, match="aliases"):
        resolve_profile()
    theme = config / "bomb.yaml"
    theme.write_text("name: bomb\nprimary: '#ff0000'\nvariables:\n  reader-insert:\n" + alias_bomb("    "), encoding="utf-8")
    with pytest.raises(ThemeError, match="aliases"):
        load_theme_file(theme)


def test_messages_quote_only_the_start_of_a_long_value(config):
    from reader.ui.keymap import load_settings
    from reader.ui.theming import ThemeError, theme_from_mapping

    (config / "config.yaml").write_text(f"theme: [{'x' * 50_000}]\nkeys:\n  {'k' * 1_000}: {'v' * 50_000}\n",
                                        encoding="utf-8")
    problems = load_settings().problems
    assert len(problems) == 2 and all(len(p) < 300 for p in problems)
    with pytest.raises(ThemeError) as error:
        theme_from_mapping({"name": "t", "primary": "#" + "f" * 100_000}, "t.yaml")
    assert len(str(error.value)) < 300


def test_an_unsearchable_config_folder_is_a_one_line_error_not_a_crash(config, monkeypatch):
    real_stat = os.stat

    def stat(path, *args, **kwargs):
        if str(path).startswith(str(config)):
            raise PermissionError(13, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)
    with pytest.raises(ReaderError, match="permission denied") as error:
        resolve_profile()
    assert "profile.yaml" in str(error.value) and "\n" not in str(error.value)


@pytest.mark.parametrize(
    "variables, words",
    [
        ({"border": "red; } Screen { background: red"}, "not CSS or a $variable"),
        ({"border": "$border"}, "not CSS or a $variable"),
        ({"primary-lighten-1": "$secondary"}, "not CSS or a $variable"),
        ({"block-cursor-text-style": "#ff0000"}, "must be a text style"),
        ({"border": "bold"}, "is not a colour"),
        ({"border": "auto 50%"}, "is not a colour"),
    ],
)
def test_theme_variables_the_app_could_not_use_are_rejected(config, variables, words):
    from reader.ui.theming import DEFAULT_THEME, ThemeError, choose_theme, load_catalogue, theme_from_mapping

    with pytest.raises(ThemeError, match=words.replace("$", r"\$")):
        theme_from_mapping({"name": "t", "primary": "#123456", "variables": variables}, "t.yaml")
    themes = config / "themes"
    themes.mkdir()
    lines = "".join(f"  {name}: '{value}'\n" for name, value in variables.items())
    (themes / "t.yaml").write_text(f"name: t\nprimary: '#123456'\nvariables:\n{lines}", encoding="utf-8")
    catalogue = load_catalogue()
    assert "t" not in catalogue.themes and len(catalogue.problems) == 1
    assert choose_theme("t", catalogue).name == DEFAULT_THEME


def test_a_theme_that_passes_validation_runs_in_the_app(config):
    from tests.ui_extras_fixtures import HostApp, run
    from reader.ui.theming import install_themes

    themes = config / "themes"
    themes.mkdir()
    (themes / "custom.yaml").write_text(
        "name: custom\nprimary: '#123456'\nvariables:\n  border: '#ff0000'\n  text: 'auto 80%'\n"
        "  link-background: initial\n  block-cursor-text-style: 'bold underline'\n  reader-insert: '#00ff00 50%'\n",
        encoding="utf-8",
    )

    async def body():
        app = HostApp()
        async with app.run_test(size=(80, 24)) as pilot:
            assert install_themes(app, "custom") == []
            await pilot.pause()
            assert app.theme == "custom" and app.theme_variables["border"] == "#ff0000"

    run(body())


# --- Through the command line (hang guard only: a generous timeout) ----------------------------------------

CLI_CASES = {
    "blank-lines.txt": story_around("\n" + " \n" * 300_000 + "\n").encode(),
    "u2029.txt": story_around("\u2029" * 300_000).encode(),
    "dots.txt": story_around("\n\n" + ". " * 50_000 + "end\n\n").encode(),
}


def test_hostile_text_files_compare_cleanly_from_the_command_line(tmp_path):
    running = {}
    for name, content in CLI_CASES.items():
        path = tmp_path / name
        path.write_bytes(content)
        running[name] = subprocess.Popen(
            [sys.executable, "-m", "reader", "compare", str(WIRE), str(path), "--format", "json"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
            env={**os.environ, "READER_CONFIG_DIR": str(tmp_path / "config")},
        )
    for name, process in running.items():
        stdout, stderr = process.communicate(timeout=180)
        assert process.returncode == 0 and stderr == "", (name, stderr)
        assert json.loads(stdout)
