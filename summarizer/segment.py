"""Split an article deterministically into numbered sentences.

Paragraphs are the article's lines; each is split into sentences with pysbd
(rule-based, no model). Every sentence keeps its character span so that
`article.text[start:end] == sentence.text` always holds: evidence quotes are
filled from these spans and are verbatim by construction.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache

from summarizer.language import lexicon


@dataclass(frozen=True)
class Sentence:
    id: int  # 1-based, in reading order
    paragraph: int  # 1-based
    start: int
    end: int
    text: str
    boilerplate: str | None = None  # why this sentence is page furniture, if it is


SLOTS = 8  # the records one sentence may give: sentence `i`'s clauses are keyed `SLOTS * i`, `SLOTS * i + 1`, ...


# pysbd's Segmenter.segment stores the text in the instance (`self.original_text`) and reads it back to find
# the sentences' spans: two threads sharing one (a briefing's articles run at once) could get each other's
# spans. The cached segmenters are shared, so their calls are serialised; segmentation is a small share of
# an article's time.
_SEGMENTING = threading.Lock()


@lru_cache(maxsize=4)
def _segmenter(language: str):
    import pysbd

    try:
        return pysbd.Segmenter(language=language, clean=False)
    except ValueError:  # a language pysbd has no rules for
        return pysbd.Segmenter(language="en", clean=False)


_PARAGRAPH = re.compile(r"[^\n]+")
# The information separators U+001C..U+001F are whitespace to `re` but not to int(): pysbd's numbered-list
# rule matches "<sep>2." with \s and int()s it, and raises ValueError ("1. a \x1f2. b"). They are whitespace
# to str.strip as well, so pysbd reads a space in their place: same length, the spans hold for the paragraph.
_PYSBD_SAFE = str.maketrans(dict.fromkeys("\x1c\x1d\x1e\x1f", " "))


def segment(text: str, language: str = "en") -> list[Sentence]:
    """Number the sentences of `text`; ids are stable for the same text."""
    from summarizer.boilerplate import classify

    spans: list[tuple[int, int, int]] = []
    for para_no, match in enumerate(
        (m for m in _PARAGRAPH.finditer(text) if m.group().strip()), start=1
    ):
        for start, end in _split_paragraph(match.group(), language):
            spans.append((para_no, match.start() + start, match.start() + end))
    texts = [text[s:e] for _, s, e in spans]
    reasons = classify(texts, [p for p, _, _ in spans])
    return [
        Sentence(id=i, paragraph=p, start=s, end=e, text=t, boilerplate=r)
        for i, ((p, s, e), t, r) in enumerate(zip(spans, texts, reasons, strict=True), start=1)
    ]


# Where pysbd may end a sentence: a paragraph with none of these before its last character is one sentence,
# and pysbd (the slowest step of reading an article) is not asked; property tests hold the two equal.
# - sentence punctuation of every language pysbd knows (its `Punctuations`), closing quotes and brackets,
#   line and page breaks;
# - ";" and ":" only where pysbd ends sentences with them (Greek ";", Armenian, Arabic and Persian ":");
# - an apostrophe, unless it is inside a word ("Ukraine's", "O’Brien"): pysbd's quotation rules need one
#   that opens or closes a quotation, with no word character on one side.
_MAY_END_CHARS = ".!?)]\"“”«»…。！？．）」؟،۔։՜।|።፧။၏\u2028\u2029\x85\r\x0b\x0c"
_MAY_END = re.compile(rf"[{re.escape(_MAY_END_CHARS)}]|(?<!\w)['‘’]|['‘’](?!\w)")
_ENDS_WITH = {"el": ";", "ar": ":", "fa": ":", "hy": ":"}  # ";" and ":" as pysbd's `Punctuations` of a language
_MAY_END_IN = {lang: re.compile(rf"{_MAY_END.pattern}|{re.escape(c)}") for lang, c in _ENDS_WITH.items()}
# pysbd's own markers (it writes them in place of punctuation while it works, then back): one in the text,
# even last, may end or alter a sentence.
_MARKERS = re.compile("[ȸȹ☉☈☇☄∯∮♨☝♟♝ǃƪ⁃☏⎋♬♭&ᓰᓱᓳᓴᓷᓸ✂⌬]")


def _one_sentence(body: str, language: str) -> bool:
    """Is the paragraph `body` (stripped) one sentence whatever pysbd's rules: nothing before its last
    character may end a sentence, and it holds none of pysbd's markers?"""
    return not _MAY_END_IN.get(language, _MAY_END).search(body, 0, len(body) - 1) and not _MARKERS.search(body)


def _split_paragraph(para: str, language: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of one paragraph, whitespace trimmed."""
    body = para.strip()
    if _one_sentence(body, language):
        lead = len(para) - len(para.lstrip())
        return [(lead, lead + len(body))]
    return _unglued(para, _pysbd_spans(para, language))


# A page whose sentences lost the space after their full stop ("... mitteilen.Die verkohlten Überreste",
# "... the police said.The vessel"): a word of three letters or more, the stop, then a capitalised word.
# Not a web address's ("Pravda.Ru", "www.Example.Com"), nor an abbreviation of two letters ("St.Petersburg").
_UPPER = "A-ZÀ-ÞА-ЯЁІЇЄҐ"
_GLUED = re.compile(rf"(?<![\w.])([^\W\d_][^\W\d_]*[^\W\d_{_UPPER}]{{2}}[.!?])([{_UPPER}][^\W\d_{_UPPER}]+)")
_DOMAINS = frozenset({"com", "net", "org", "info", "ru", "ua", "de", "fr", "it", "es", "uk", "eu", "gov", "edu", "io",
                      "co", "ch", "at", "pl", "nl", "pt", "br", "by", "kz", "tv"})


def _unglued(para: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` with each one cut where a sentence ends with no space before the next (`_GLUED`)."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        for m in _GLUED.finditer(para, start, end):
            token = re.search(r"\S*$", para[:m.start()]).group(0) + m.group(0)  # type: ignore[union-attr]
            if m.group(2).lower() in _DOMAINS or re.search(r"[/@]|www", token, re.IGNORECASE):
                continue
            out.append((start, m.end(1)))
            start = m.start(2)
        out.append((start, end))
    return out


# pysbd's time grows with the square of the text it is given (each abbreviation it finds is replaced by a
# regular expression run over the whole text): 50 KB in one paragraph took seconds, 5 MB hours. A paragraph
# longer than WINDOW characters is read a window at a time: the sentences pysbd ends in a window with at
# least MARGIN characters of text after them (or its first one) are kept, and the next window starts at the
# first sentence not kept, so the work is linear in the paragraph's length. pysbd decides a sentence end
# from the text around it, so where quotations and asides close within MARGIN characters a window gives the
# ends the whole paragraph gives (a property test holds the two equal); a paragraph up to WINDOW characters,
# nearly every news paragraph, is read whole, as before.
WINDOW = 3_000
MARGIN = 500
_SPACE = re.compile(r"\s+")
_BLANK = re.compile(r"\s*")


def _pysbd_spans(para: str, language: str, window: int = WINDOW, margin: int = MARGIN) -> list[tuple[int, int]]:
    para = para.translate(_PYSBD_SAFE)  # one character for one: spans in it are spans in the paragraph
    if len(para) <= window:
        return _rejoin(para, _pysbd_pieces(para, language), language)
    out: list[tuple[int, int]] = []
    start = context = 0  # the text not yet settled; where the window begins (the last sentence settled)
    while True:
        end = start + window
        # pysbd reads a sentence's start in its context (a quotation mark opens one after a space): the
        # window holds the last sentence settled too, and a sentence settled before is never undone.
        pieces = [(max(s, start), e) for s, e in
                  ((context + s, context + e) for s, e in _pysbd_pieces(para[context:end], language)) if e > start]
        if end >= len(para):  # the paragraph's end: every sentence in the window is settled
            out += pieces
            return _rejoin(para, out, language)
        settled = [p for p in pieces[:-1] if p[1] <= end - margin] or pieces[:1] * (len(pieces) > 1)
        if settled:
            out += settled
            context, start = settled[-1][0], pieces[len(settled)][0]
            continue
        # No sentence ends in the window: a sentence longer than it is cut at its last space (a cut before a
        # lower-case word is joined again by `_rejoin`), or at the window's end when it has none.
        cut = max((m.start() for m in _SPACE.finditer(para, start, end) if m.start() > start), default=end)
        if para[start:cut].strip():
            lead = len(para[start:cut]) - len(para[start:cut].lstrip())
            out.append((start + lead, start + len(para[start:cut].rstrip())))
        blank = _BLANK.match(para, cut)
        assert blank is not None  # `\s*` matches anywhere, if only the empty string
        start = context = blank.end()  # the next word: no context to read it in
        if start >= len(para):
            return _rejoin(para, out, language)


def _pysbd_pieces(para: str, language: str) -> list[tuple[int, int]]:
    """pysbd's sentences of `para` as character spans, whitespace trimmed (not yet `_rejoin`ed)."""
    try:
        with _SEGMENTING:  # a pysbd Segmenter keeps the text it works on in itself: one call at a time
            pieces = _segmenter(language).segment(para)
    except Exception:  # noqa: BLE001 - a crash in pysbd's rules must not fail the article
        pieces = []  # the paragraph is kept as one sentence
    out: list[tuple[int, int]] = []
    cursor = 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        at = para.find(piece, cursor)
        if at < 0:  # the segmenter altered the text: keep the rest as one sentence
            break
        out.append((at, at + len(piece)))
        cursor = at + len(piece)
    rest = para[cursor:]
    if rest.strip():
        lead = len(rest) - len(rest.lstrip())
        out.append((cursor + lead, cursor + len(rest.rstrip())))
    return out


def _rejoin(para: str, spans: list[tuple[int, int]], language: str = "en") -> list[tuple[int, int]]:
    """Join a piece that starts with a lower-case letter to the one before: no sentence starts so, and
    pysbd splits after abbreviations it does not know ("740 тис. тонн, заявив ...", "ca. 30 km"); a piece
    after one of the language's `abbreviations` that comes before a name ("в с. | Піски", "на вул. |
    Шевченка"); a site's domain cut from its name at the dot ("Газету.|Ru"); and a piece of closing marks
    only (the quote mark pysbd leaves after 'Menschen."' at a paragraph's end)."""
    abbreviations = lexicon(language).abbreviations
    out: list[tuple[int, int]] = []
    for start, end in spans:
        last = para[out[-1][0]:out[-1][1]].rsplit(None, 1)[-1].lstrip("(«\"„") if out else ""  # as written
        domain = re.match(r"[^\W\d_]+", para[start:end])  # "Газету.|Ru": a site's name cut at its dot
        glued = bool(out) and start == out[-1][1] and domain is not None and domain.group(0).lower() in _DOMAINS
        if out and (para[start].islower() or not re.search(r"\w", para[start:end]) or last in abbreviations
                    or glued):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def headline_ids(sentences: list[Sentence], title: str | None) -> set[int]:
    """Ids of the sentences of the first paragraph when it is the article's title."""
    first = [s for s in sentences if s.paragraph == 1]
    if title and first and " ".join(s.text for s in first) == title.strip():
        return {s.id for s in first}
    return set()


def number_sentences(sentences: list[Sentence], headline: AbstractSet[int] = frozenset()) -> str:
    """The numbered form the model reads: one '[id] text' line per sentence, blank line between
    paragraphs; the headline, if any, comes first without an id (it is not evidence)."""
    lines: list[str] = []
    title = " ".join(s.text for s in sentences if s.id in headline)
    if title:
        lines += [f"Headline: {title}", ""]
    last_para = None
    for s in sentences:
        if s.boilerplate or s.id in headline:
            continue
        if last_para is not None and s.paragraph != last_para:
            lines.append("")
        lines.append(f"[{s.id}] {s.text}")
        last_para = s.paragraph
    return "\n".join(lines)
