import pytest

from summarizer.errors import InputError
from summarizer.read import article_id, read_article


def test_missing_path(tmp_path):
    with pytest.raises(InputError, match=r"nope\.txt: no such file$"):
        read_article(str(tmp_path / "nope.txt"))


def test_directory(tmp_path):
    with pytest.raises(InputError, match="is a directory, not an article file"):
        read_article(str(tmp_path))


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  "])
def test_empty_or_whitespace(tmp_path, content):
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=r"blank\.txt: is empty \(no article text\)"):
        read_article(str(path))


@pytest.mark.parametrize("content, what", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
    (b"some\x00binary\x00bytes", "a binary file"),
])
def test_binary(tmp_path, content, what):
    path = tmp_path / "file.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=f"is {what}"):
        read_article(str(path))


def test_cp1252_is_detected_and_decoded(tmp_path):
    text = "Officials said the caf\u00e9 was hit \u2014 \u201cit was awful,\u201d a witness said. " * 3
    path = tmp_path / "cp1252.txt"
    path.write_bytes(text.encode("cp1252"))
    article = read_article(str(path))
    assert article.text == text
    assert article.note and article.note.startswith("decoded as")


def test_html_article_text_and_metadata(tmp_path):
    body = " ".join(["The regional governor said that 12 buses were damaged in the attack on Monday."] * 4)
    html = (f"<html><head><title>Buses damaged in attack</title><meta property='og:site_name' "
            f"content='Example News'></head><body><nav>Home | World | Subscribe</nav><article>"
            f"<h1>Buses damaged in attack</h1><p>{body}</p><p>{body}</p></article>"
            f"<footer>Share this article</footer></body></html>")
    path = tmp_path / "page.html"
    path.write_text(html)
    article = read_article(str(path))
    assert "12 buses were damaged" in article.text
    assert "Subscribe" not in article.text
    assert article.title == "Buses damaged in attack"
    assert article.outlet == "Example News"


def test_article_id_is_stable_across_line_endings():
    assert article_id("One line.\nTwo line.\n") == article_id("One line.\r\nTwo line.\r\n")
    assert article_id("One line.") != article_id("Another line.")


def test_headline_is_the_title(article_path):
    article = read_article(str(article_path("grid_repairs.txt")))
    assert article.title == "Power restored to most of Sumy after overnight drone attack"


@pytest.mark.parametrize("text, encoding", [
    ("Officials said the strike \u2014 the third this week \u2014 hit a market. " * 4, "cp1252"),  # one kind of byte
    ("Le maire a d\u00e9clar\u00e9 lundi que douze personnes ont \u00e9t\u00e9 sauv\u00e9es. " * 4, "latin-1"),
    ("Міністерство оборони заявило про атаку. " * 4, "cp1251"),
])
def test_legacy_encodings_decode_to_the_same_text(tmp_path, text, encoding):
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    article = read_article(str(path))
    assert article.text == text and article.note.startswith("decoded as")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_decoded_not_taken_for_binary(tmp_path, codec):
    text = "Міністерство заявило, що 12 будинків пошкоджено. Officials said the caf\u00e9 was hit. " * 80
    path = tmp_path / "notepad.txt"
    data = text.encode(codec)
    path.write_bytes(data if codec in ("utf-16", "utf-32") else "\ufeff".encode(codec) + data)
    article = read_article(str(path))
    assert article.text == text and article.note == f"decoded as {codec[:6].upper()}"


@pytest.mark.parametrize("content, message", [
    (b"A" * 5000 + b"\x00" + b"more text", "is a binary file, not an article text (a NUL byte at byte 5001)"),
    ("Text, then ".encode("utf-16") + b"\x00\x00", "is a binary file, not an article text (a NUL character at "
                                                  "character 12)"),
    (b"\xff\xfeodd", "starts as UTF-16 text but is not (truncated data at byte 4)"),
])
def test_a_nul_anywhere_is_binary_and_a_broken_utf16_file_one_line(tmp_path, content, message):
    path = tmp_path / "file.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_article(str(path))
    assert info.value.one_line() == f"{path}: {message}"


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    import io
    import sys

    monkeypatch.setattr("summarizer.read.MAX_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_bytes(b"Officials said it. " * 60)
    with pytest.raises(InputError, match=r"big\.txt: is larger than 1,000 bytes, the most an article may be$"):
        read_article(str(path))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 1001)))
    with pytest.raises(InputError, match=r"^stdin: is larger than"):
        read_article("-")


def test_a_headline_loses_a_close_button_before_it_and_a_skip_link_is_no_headline():
    from summarizer.read import headline_of

    assert headline_of("× President issues order to ground all jets\n\nWASHINGTON — The president said.\n") \
        == "President issues order to ground all jets"
    assert headline_of("Jump directly to the content\n\nTheresa May's Brexit deal defeated again\n\nThe House "
                       "voted.\n") == "Theresa May's Brexit deal defeated again"
