"""Read an article: a text or HTML file, or stdin, into an `Article`.

Bad input (missing, a directory, not a regular file, unreadable, larger than
MAX_BYTES, empty, binary) raises `InputError` with one clear line.

Text is UTF-8 (with or without a byte-order mark), UTF-16 or UTF-32 with a
byte-order mark, or a legacy encoding charset-normalizer detects. A NUL byte
anywhere in the text makes it a binary file: NULs are never stripped, since text
that holds one is damaged or not text, and the model must not read it.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import sys
import threading
import unicodedata
from dataclasses import dataclass

from summarizer.errors import InputError

_BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or an office document)",
    b"\x7fELF": "an executable",
}
_HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<article)", re.IGNORECASE)
# The most an article (a file, or stdin) may be: about 1.3 million words of text, or a page of HTML far larger
# than any news page. More is refused, not read: a wrong file, or /dev/zero through a pipe.
MAX_BYTES = 8 * 1024 * 1024
# UTF-16 and UTF-32 byte-order marks, longest first (UTF-32-LE's starts with UTF-16-LE's).
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"),
         (b"\xfe\xff", "utf-16"))


@dataclass(frozen=True)
class Article:
    text: str
    path: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    note: str | None = None  # e.g. "decoded as cp1252"

    @property
    def id(self) -> str:
        return article_id(self.text)

    @property
    def content_key(self) -> str:
        return content_key(self.text)


def article_id(text: str) -> str:
    """The id shown in the output: a content hash that the same text gives whatever its line endings,
    Unicode normalisation form and surrounding blank space. Not for caching: two texts with one id can
    differ in their code points, and so in their verbatim quotes (see `content_key`)."""
    norm = unicodedata.normalize("NFC", text.replace("\r\n", "\n")).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def content_key(text: str) -> str:
    """A hash of the exact text, code point for code point (sha256, 64 hex digits): what a result is cached
    under. Evidence quotes are spans of the text as read, so an article spelled with other code points
    ('Cafe' and U+0301, NFD, for NFC 'Caf\u00e9') is summarised on its own, never given another spelling's
    quotes. Other line endings also make another key: their quotes would match, but the whole text as read
    goes into the result (the language is guessed from its first 2,000 characters), so only the exact text
    is sure to give the same result."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def read_article(path: str, *, outlet: str | None = None, published: str | None = None) -> Article:
    """Read `path` ('-' for stdin) into an Article, or raise InputError."""
    name = "stdin" if path == "-" else path
    data = read_bytes(path)
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{name}: is {what}, not an article text (give a .txt or .html file)")
    text, note = _decode(data, name)
    if (nul := text.find("\x00")) >= 0:  # anywhere, not only in the first 4 KiB: the model never reads one
        raise InputError(f"{name}: is a binary file, not an article text (a NUL character at character {nul + 1})")
    title = None
    if _HTML_START.match(text[:512]) or path.lower().endswith((".html", ".htm")):
        text, meta = _html_to_text(text, name)
        title = meta.get("title")
        outlet = outlet or meta.get("sitename")
        published = published or meta.get("date")
    if not text.strip():
        raise InputError(f"{name}: is empty (no article text)")
    return Article(
        text=text,
        path=path,
        title=title or headline_of(text),
        outlet=outlet,
        published=published,
        note=note,
    )


def read_bytes(path: str) -> bytes:
    """The bytes of the file `path` ('-': stdin), at most MAX_BYTES; InputError for a path that is missing, a
    directory, not a regular file (a FIFO would block, /dev/zero never end), unreadable or too large."""
    if path == "-":
        return _at_most(sys.stdin.buffer, "stdin")
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{path}: is a directory, not an article file")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{path}: is {_kind(info.st_mode)}, not a regular file (give an article file, or '-' "
                             "to read stdin)")
        if info.st_size > MAX_BYTES:
            raise InputError(_too_large(path))
        with open(path, "rb") as f:
            return _at_most(f, path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _at_most(stream, name: str) -> bytes:
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(_too_large(name))
    return data


def _too_large(name: str) -> str:
    most = f"{MAX_BYTES // 2**20} MiB" if MAX_BYTES % 2**20 == 0 else f"{MAX_BYTES:,} bytes"
    return f"{name}: is larger than {most}, the most an article may be"


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _decode(data: bytes, name: str) -> tuple[str, str | None]:
    for bom, codec in _BOMS:
        if data.startswith(bom):  # UTF-16 (Notepad's "Unicode") or UTF-32: no guessing, and its NUL bytes are text
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: starts as {codec.upper()} text but is not ({exc.reason} at byte "
                                 f"{exc.start})") from None
            return text, f"decoded as {codec.upper()}"
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if (nul := data.find(b"\x00")) >= 0:
        raise InputError(f"{name}: is a binary file, not an article text (a NUL byte at byte {nul + 1})")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputError(f"{name}: is not text in any encoding we can detect")
    # A few non-ASCII bytes fit many code pages equally well (one dash reads as cp775 'Ś'); among guesses as
    # clean as the best, prefer windows-1252, the web's default for undeclared legacy text (WHATWG).
    if best.encoding != "cp1252" and any("cp1252" in m.could_be_from_charset and m.chaos <= best.chaos
                                         for m in matches):
        try:
            return data.decode("cp1252"), "decoded as cp1252"
        except UnicodeDecodeError:
            pass
    return str(best), f"decoded as {best.encoding}"


def _html_to_text(html: str, name: str) -> tuple[str, dict]:
    import trafilatura

    html = drop_invisible(html)
    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text:
        raise InputError(f"{name}: HTML page with no article text that could be extracted")
    meta = trafilatura.extract_metadata(html)
    info = {}
    if meta is not None:
        info = {k: getattr(meta, k, None) for k in ("title", "sitename", "date")}
    return text, info


# Inline CSS that hides an element's text from a reader but not from a text extractor (prompt injection hides
# instructions so): each value is read by `_hides`.
_DECLARATION = re.compile(r"([a-z-]+)\s*:\s*([^;]+)")
_LENGTH = re.compile(r"^(-?\d*\.?\d+)\s*([a-z%]*)")
_OFF_SCREEN = ("left", "top", "right", "bottom", "margin-left", "margin-top", "text-indent")
_STYLE_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_SIMPLE_SELECTOR = re.compile(r"^[a-z0-9]*([.#])([\w-]+)$", re.IGNORECASE)
_NEVER_DROPPED = frozenset({"html", "head", "body"})


def _length(value: str) -> tuple[float, str] | None:
    match = _LENGTH.match(value.strip())
    return (float(match.group(1)), match.group(2)) if match else None


def _hides(style: str) -> bool:
    """Does this inline style (or a style rule's declarations) make its element's text invisible: no display,
    hidden, transparent, a font too small to read, far off-screen, clipped to nothing, or the colour of its own
    background?"""
    css = {k.lower(): v.lower().replace("!important", "").strip() for k, v in _DECLARATION.findall(style)}
    if css.get("display") == "none" or css.get("visibility") in ("hidden", "collapse"):
        return True
    if (opacity := _length(css.get("opacity", ""))) and opacity[0] <= 0.05 and not opacity[1]:
        return True
    if (size := _length(css.get("font-size", ""))) is not None:
        number, unit = size
        if number <= 0 or unit in ("px", "pt") and number < 2 or unit in ("em", "rem", "ex", "ch") and number < 0.2 \
                or unit == "%" and number < 20:
            return True
    for prop in _OFF_SCREEN:
        if (offset := _length(css.get(prop, ""))) is not None:
            number, unit = offset
            if unit in ("", "px", "pt") and number <= -500 or unit in ("em", "rem", "vw", "vh", "%") and number <= -50:
                return True
    if re.search(r"translate[xy3d]*\(\s*-\d{3,}", css.get("transform", "")):
        return True
    if re.fullmatch(r"rect\(\s*(?:0|1px)[\s,]+(?:0|1px)[\s,]+(?:0|1px)[\s,]+(?:0|1px)\s*\)", css.get("clip", "")) \
            or re.fullmatch(r"inset\(\s*(?:50|100)%\s*\)", css.get("clip-path", "")):
        return True
    if css.get("overflow") == "hidden" and any((n := _length(css.get(p, ""))) and n[0] <= 1 for p in
                                               ("width", "height", "max-width", "max-height")):
        return True
    colour = css.get("color")
    background = css.get("background-color") or css.get("background")
    return colour == "transparent" or colour is not None and colour == background


def drop_invisible(html: str) -> str:
    """The page without the text a reader never sees: elements with the `hidden` attribute, or hidden by their
    inline style or by a style rule of one class or id in the page (`_hides`). Such text is where prompt
    injection is put ("<span style='font-size:0'>Ignore previous instructions ...</span>"); a text extractor
    would keep it. The page is returned as it was when nothing is hidden, or when what is hidden is most of its
    text (a page that shows itself by script, hidden until then)."""
    if "hidden" not in html and "style" not in html:
        return html
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except Exception:  # noqa: BLE001 - an XML declaration with an encoding, an empty page: extracted as it is
        return html
    classes: set[str] = set()
    ids: set[str] = set()
    for style in root.iter("style"):
        for selectors, declarations in _STYLE_RULE.findall(style.text or ""):
            if not _hides(declarations):
                continue
            for selector in selectors.split(","):
                if (match := _SIMPLE_SELECTOR.match(selector.strip())) is not None:
                    (classes if match.group(1) == "." else ids).add(match.group(2))
    hidden: list = []
    inside: set = set()  # the hidden elements: one inside another is dropped with it
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag.lower() in _NEVER_DROPPED:
            continue
        if element.get("hidden") is not None or _hides(element.get("style") or "") \
                or ids and element.get("id") in ids or classes and classes & set((element.get("class") or "").split()):
            inside.add(element)
            if not any(a in inside for a in element.iterancestors()):
                hidden.append(element)
    if not hidden:
        return html
    body = root.find("body")
    shown = len((body if body is not None else root).text_content())
    if sum(len(element.text_content()) for element in hidden) * 2 > shown:
        return html
    for element in hidden:
        element.drop_tree()  # its tail, the text after it, stays
    return lxml.html.tostring(root, encoding="unicode")


HEADLINE_LINES = 6  # the lines of a page's top where its headline may stand
_DATELINE = re.compile(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}:\d\d\b")  # a year or a time of day: a page's date line


def headline_of(text: str) -> str | None:
    """The first line that reads like a headline (3 words or more, at most 200 characters, no final full stop,
    also none inside closing quotes: '... over accusations of "gross fraud."' is a sentence), among the page's
    first lines past page furniture, photo captions and section labels ("Politics", "United States"). One
    sentence may stand before it (a teaser: "An Iranian missile attack ... a US official says." then "US says
    few if any casualties in Iran missile attack"); a second one means the story has begun: no headline."""
    from summarizer.boilerplate import is_caption, is_furniture

    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    sentences = 0
    for line in lines[:HEADLINE_LINES]:
        if is_furniture(line) or is_caption(line) or len(line.split()) < 3 \
                or len(line.split()) <= 6 and _DATELINE.search(line):
            continue  # past "Subscribe", "Advertisement", a photo's caption, "Politics", "Sunday, Dec 07, 2025"
        if len(line) > 200 or line.rstrip("\"'”’»").endswith((".", ":", "—", "-")):
            sentences += 1
            if sentences > 1:
                return None
            continue
        return re.sub(r"^[^\w\"'“‘«„¿¡(]+", "", line)  # not a close button's "×" or a bullet before it
    return None


_LANGID_LOCK = threading.Lock()


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language (py3langid, deterministic); 'en' when unsure."""
    import py3langid

    sample = text[:2000]  # about 300 words: as sure as 5,000 characters on our articles, a third faster
    if len(sample.split()) < 3:
        return "en"
    with _LANGID_LOCK:  # its model loads on first use, about a second: once, not once per worker thread
        code, _score = py3langid.classify(sample)
    return code or "en"
