"""Broken and hostile inputs: each gives one line on stderr naming the input and the problem, exit code 2,
and never a traceback."""

from __future__ import annotations

import gzip
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from reader import cli

ROOT = Path(__file__).resolve().parent.parent
WIRE = ROOT / "sample_articles" / "harbour-strike" / "00-wire.txt"
REPRINT = ROOT / "sample_articles" / "harbour-strike" / "01-reprint-trimmed.txt"

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<nitf><body><body.content><p>&lol9;</p></body.content></body></nitf>
"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE nitf [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<nitf><body><body.content><p>&secret;</p></body.content></body></nitf>
"""

EXTERNAL_PARAMETER_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE nitf [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>
<nitf><body><body.content><p>text</p></body.content></body></nitf>
"""


def run_compare(*paths: str, extra: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", "compare", *paths, "--format", "json", *extra],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )


def assert_one_line_error(result_code: int, stderr: str, *expected: str) -> None:
    assert result_code == 2, stderr
    assert "Traceback" not in stderr
    assert stderr.endswith("\n") and stderr.count("\n") == 1, repr(stderr)
    assert stderr.startswith("reader: error: ")
    for text in expected:
        assert text in stderr, (text, stderr)


def _zip_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _write(path: Path, content: bytes | str) -> str:
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return str(path)


BAD_FILES = {
    "empty.txt": (b"", "is empty"),
    "blank.txt": (b"  \n\n\t\n", "no text found"),
    "report.pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "PDF"),
    "photo.png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "PNG image"),
    "photo.jpg": (b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(64), "JPEG image"),
    "archive.zip": (_zip_bytes({"notes.txt": b"hello"}), "ZIP archive, not an article"),
    "archive.gz": (gzip.compress(b"hello world"), "gzip archive"),
    "program.bin": (b"\x7fELF\x02\x01\x01" + bytes(100), "executable"),
    "random.bin": (bytes((i * 7919 + 13) % 256 for i in range(4000)), "binary"),
    "mixed-utf8.txt": ("Dock workers \u2013 the union\u2019s members".encode() + b" voted \xff\xfe here", "invalid UTF-8"),
    "nul.txt": (b"Dock workers voted\x00 to extend the strike.", "NUL bytes"),
    "billion-laughs.xml": (BILLION_LAUGHS, "declares XML entities"),
    "external-entity.xml": (EXTERNAL_ENTITY, "declares XML entities"),
    "external-dtd.xml": (EXTERNAL_PARAMETER_ENTITY, "refused"),
    "broken.docx": (b"PK\x03\x04" + bytes(200), "not a readable Word document"),
    "page.html": (b"<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>", "no article text"),
}


@pytest.fixture(scope="module")
def bad_file_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, str, str]]:
    """Run the CLI on every bad file at once (separate processes, started together to keep the suite fast)."""
    folder = tmp_path_factory.mktemp("bad")
    running = {}
    for name, (content, _) in BAD_FILES.items():
        running[name] = subprocess.Popen(
            [sys.executable, "-m", "reader", "compare", str(WIRE), _write(folder / name, content), "--format", "json"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        )
    results = {}
    for name, process in running.items():
        stdout, stderr = process.communicate(timeout=180)
        results[name] = (process.returncode, stdout, stderr)
    return results


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_is_a_one_line_error(bad_file_runs: dict, name: str):
    code, stdout, stderr = bad_file_runs[name]
    assert_one_line_error(code, stderr, name, BAD_FILES[name][1])
    assert stdout == ""


def test_missing_file(tmp_path: Path):
    result = run_compare(str(WIRE), str(tmp_path / "nowhere.txt"))
    assert_one_line_error(result.returncode, result.stderr, "nowhere.txt: no such file")


def test_folder_without_articles_and_folders_where_files_are_expected(tmp_path: Path):
    result = run_compare(str(WIRE), str(tmp_path))
    assert_one_line_error(result.returncode, result.stderr, str(tmp_path), "no article files")
    result = run_compare(str(WIRE), str(REPRINT), extra=("--profile", str(tmp_path)))
    assert_one_line_error(result.returncode, result.stderr, str(tmp_path))
    result = run_compare(str(WIRE), str(REPRINT), extra=("-o", str(tmp_path)))
    assert_one_line_error(result.returncode, result.stderr, str(tmp_path))


def test_file_over_the_size_limit_and_limit_is_configurable(tmp_path: Path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:  # 50 MB, sparse: cheap to create
        handle.truncate(50 * 1024 * 1024)
    result = run_compare(str(WIRE), str(big))
    assert_one_line_error(result.returncode, result.stderr, "big.txt", "52,428,800 bytes", "--max-bytes")
    result = run_compare(str(WIRE), str(REPRINT), extra=("--max-bytes", "1000"))
    assert_one_line_error(result.returncode, result.stderr, "00-wire.txt", "1,000-byte limit")


def test_single_huge_paragraph(tmp_path: Path):
    path = _write(tmp_path / "one-paragraph.txt", "word " * (1024 * 1024))
    result = run_compare(str(WIRE), path)
    assert_one_line_error(result.returncode, result.stderr, "one-paragraph.txt", "5,242,879 characters", "--max-paragraph-chars")


def test_too_many_paragraphs_and_limit_is_configurable(tmp_path: Path):
    path = _write(tmp_path / "many.txt", "A short paragraph.\n\n" * 100_000)
    result = run_compare(str(WIRE), path)
    assert_one_line_error(result.returncode, result.stderr, "many.txt", "100,000 paragraphs", "--max-paragraphs")
    result = run_compare(str(WIRE), str(REPRINT), extra=("--max-paragraphs", "5"))
    assert_one_line_error(result.returncode, result.stderr, "00-wire.txt", "5-paragraph limit")


def test_bad_option_values_are_one_line_errors():
    for extra, problem in ((("--max-bytes", "0"), "--max-bytes"), (("--encoding", "klingon-8"), "unknown encoding"),
                           (("--timeout", "-1"), "--timeout"), (("--max-paragraphs", "many"), "invalid int")):
        result = run_compare(str(WIRE), str(REPRINT), extra=extra)
        assert_one_line_error(result.returncode, result.stderr, problem)


def test_docx_zip_bomb_is_refused(tmp_path: Path):
    bomb = _zip_bytes({"word/document.xml": b"<w:document/>" + b" " * (30 * 1024 * 1024), "[Content_Types].xml": b"<x/>"})
    path = _write(tmp_path / "bomb.docx", bomb)
    result = run_compare(str(WIRE), path, extra=("--max-bytes", "1000000"))
    assert_one_line_error(result.returncode, result.stderr, "bomb.docx", "inflates to")


def test_file_name_with_escape_sequences_and_newline_stays_one_harmless_line(tmp_path: Path):
    name = "evil\x1b]52;c;cHduZWQ=\x07\x1b[31m\nname\u202e.txt"
    path = tmp_path / name
    path.write_bytes(b"")
    result = run_compare(str(WIRE), str(path))
    assert_one_line_error(result.returncode, result.stderr, "is empty")
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr and "\u202e" not in result.stderr
    assert "\u241b]52;c;cHduZWQ=\u2407" in result.stderr


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture):
    locked = tmp_path / "locked.txt"
    locked.write_text("Dock workers voted to extend the strike by another ten days.\n")
    locked.chmod(0)
    if os.geteuid() == 0:
        # Root reads anything: make open() fail the way it does for other users.
        real_open = open

        def denying_open(file, *args, **kwargs):
            if str(file) == str(locked):
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr("reader.loading.read.open", denying_open, raising=False)
    code = cli.main(["compare", str(WIRE), str(locked)])
    stderr = capsys.readouterr().err
    assert_one_line_error(code, stderr, "locked.txt: permission denied")


def test_file_changing_while_being_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture):
    growing = tmp_path / "growing.txt"
    growing.write_text("Dock workers voted to extend the strike by another ten days.\n")
    from reader.loading import read

    real_read = read._read_capped

    def read_while_appending(handle, source, max_bytes):
        data = real_read(handle, source, max_bytes)
        with open(growing, "a", encoding="utf-8") as writer:  # another program still writing the file
            writer.write("A paragraph added during the read.\n")
        return data

    monkeypatch.setattr(read, "_read_capped", read_while_appending)
    code = cli.main(["compare", str(WIRE), str(growing)])
    stderr = capsys.readouterr().err
    assert_one_line_error(code, stderr, "growing.txt", "changed while being read")


def test_xml_entity_attack_is_refused_quickly_without_expansion(tmp_path: Path):
    from reader.errors import InputError
    from reader.loading import load_article

    with pytest.raises(InputError, match="declares XML entities"):
        load_article(_write(tmp_path / "lolz.xml", BILLION_LAUGHS))
    # Even saved with a .txt name, XML content goes through the safe parser.
    with pytest.raises(InputError, match="declares XML entities"):
        load_article(_write(tmp_path / "lolz.txt", BILLION_LAUGHS))


def test_no_yaml_is_loaded_unsafely_anywhere():
    unsafe = ("yaml.load(", "yaml.unsafe_load", "yaml.full_load", "Loader=yaml.Loader", "UnsafeLoader", "FullLoader")
    offenders = []
    for path in (ROOT / "reader").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        offenders += [f"{path.name}: {pattern}" for pattern in unsafe if pattern in source]
    assert offenders == []


def test_python_object_tag_in_a_profile_is_refused(tmp_path: Path):
    marker = tmp_path / "executed"
    for text in (f'!!python/object/apply:os.system ["touch {marker}"]\n',
                 f'name: !!python/object/apply:os.system ["touch {marker}"]\n',
                 'style: [[!!python/name:os.system , "x"]]\n'):
        profile = _write(tmp_path / "evil.yaml", text)
        result = run_compare(str(WIRE), str(REPRINT), extra=("--profile", profile))
        assert_one_line_error(result.returncode, result.stderr, "evil.yaml")
        assert not marker.exists()


def test_deeply_nested_markup_is_a_one_line_error(tmp_path: Path):
    xml = _write(tmp_path / "deep.xml", "<nitf><body><body.content>" + "<block>" * 50_000 + "<p>Dock workers voted.</p>"
                 + "</block>" * 50_000 + "</body.content></body></nitf>")
    result = run_compare(str(WIRE), xml)
    assert_one_line_error(result.returncode, result.stderr, "deep.xml", "nested too deeply")


def test_web_page_with_too_many_paragraphs_is_refused_before_extraction(tmp_path: Path):
    page = _write(tmp_path / "huge.html", "<html><body><article>" + "<p>Dock workers voted again.</p>" * 30 + "</article></body></html>")
    result = run_compare(page, str(WIRE), extra=("--max-paragraphs", "25"))
    assert_one_line_error(result.returncode, result.stderr, "huge.html", "30 paragraphs", "--max-paragraphs")


def test_unexpected_failure_is_still_one_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture):
    def broken(*args, **kwargs):
        raise KeyError("a bug")

    monkeypatch.setattr("reader.comparison.compare", broken)
    monkeypatch.delenv("READER_DEBUG", raising=False)
    code = cli.main(["compare", str(WIRE), str(REPRINT)])
    assert_one_line_error(code, capsys.readouterr().err, "unexpected KeyError")


def test_no_network_access_unless_a_url_is_given(monkeypatch: pytest.MonkeyPatch):
    import socket

    from reader.comparison import compare
    from reader.report import render
    from reader.loading.sources import load_sources

    def no_network(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket.socket, "connect_ex", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    articles = load_sources([str(ROOT / "sample_articles" / "formats")])
    comparison = compare(articles[0], articles[1:])
    for fmt in ("json", "markdown", "html"):
        assert render(comparison, fmt)


def test_office_files_that_are_not_docx_are_named():
    from reader.errors import InputError
    from reader.loading import load_bytes

    odt = _zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})
    with pytest.raises(InputError, match=r"OpenDocument text \(\.odt\); save it as \.docx"):
        load_bytes("draft.odt", odt)
    with pytest.raises(InputError, match="Excel workbook"):
        load_bytes("sheet.xlsx", _zip_bytes({"xl/workbook.xml": b"<x/>"}))
