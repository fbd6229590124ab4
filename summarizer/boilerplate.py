"""Deterministic detection of page furniture that is never evidence.

Comment prompts, share and subscribe buttons, cookie notices, photo captions,
the "Related" / "More like this" block (everything after such a heading is
other articles' teasers), and text addressed to AI systems (prompt injection). What is caught here
is hidden from the model and listed in the output's `dropped`; the model may flag more.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

REPEATED_WORDS = 6  # words from which a sentence given twice is one the page repeats (not "Read more.")

# Whole-sentence furniture (matched against the stripped sentence).
_FURNITURE = re.compile(
    r"""^(?:
        leave\ a\ (?:reply|comment) | please\ enter\ your\ (?:comment|name|email).* |
        share(?:\ (?:this|post|article|this\ (?:article|story|post)))?:? | share\ on\ \w+ |
        subscribe(?:\ now)?!? | subscribe\ to\ (?:our|the)\ .* | sign\ up(?:\ for.*)? |
        popular | trending | most\ read | advertisement | sponsored | read\ more:? |
        don'?t\ miss(?:\ any)?.* | follow\ us.* | comments?(?:\ \(\d+\))?:? |
        spot_img(?:spot_img)* | accept\ (?:all\ )?cookies.* | .*\buses?\ cookies\b.* |
        (?:click|tap)\ here.* | newsletter.* | tags?:.* | image:.* | photo:.* | date: | https?://\S+ |
        \{\{.*\}\} | [^>]{1,40}(?:>>|›)[^>]{1,40} |  # a template's tags, a breadcrumb ("English>>China Society")
        (?:suscr[ií]ba(?:se|te)|suscr[ií]bete|abonnez-vous|abonnieren\ sie|jetzt\ abonnieren|iscriviti|
           підпишіться|подпишитесь)\b.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)


def is_furniture(line: str) -> bool:
    """A whole line that is page furniture ("Subscribe", "Advertisement", "LEAVE A REPLY"), in any language
    with a file (`language.py`): consent banners, paywall offers, audio-player labels, "skip to" links."""
    from summarizer.language import whole_line

    line = _LIST_MARK.sub("", line.strip())  # "1. Skip to content", "• Subscribe": an item of a list of them
    return bool(_FURNITURE.match(line)) or whole_line("furniture", line)


_LIST_MARK = re.compile(r"^(?:\d{1,2}[.)]|[•·▪►*])\s+")


def is_related_heading(line: str) -> bool:
    """A heading after which the rest of the page is other articles ("Related", "Mehr zum Thema")."""
    from summarizer.language import whole_line

    line = line.strip()
    return bool(_RELATED.match(line)) or whole_line("related", line)


# A heading after which the rest of the page is other articles.
_RELATED = re.compile(
    r"^(?:related(?:\ (?:articles|stories|posts|news))?|more\ like\ this|more\ from.*|"
    r"you\ may\ also\ like|recommended(?:\ for\ you)?|read\ next|see\ also):?$",
    re.IGNORECASE | re.VERBOSE,
)
# Text addressed to AI systems rather than readers: an injection attempt, never evidence.
_INJECTION = re.compile(
    r"\b(?:ignore\s+(?:all\s+|any\s+)?(?:your\s+|the\s+)?(?:previous|prior|above|earlier)\s+instructions?|"
    r"note\s+to\s+(?:ai|a\.i\.|llms?|language\s+models?|(?:ai\s+)?summari[sz]ers?|chatbots?|assistants?)\b|"
    r"(?:ai|llm)\s+(?:summari[sz]ers?|assistants?|models?)\s*:|system\s+prompt|you\s+are\s+now\s+|"
    r"(?:for|to)\s+(?:automated|ai|a\.i\.)\s+(?:summary\s+|summari[sz]ation\s+|news\s+)?"
    r"(?:tools?|systems?|summari[sz]ers?|models?|assistants?|readers?)\b|"
    r"treat\s+(?:them|this|these|it|the\s+\w+)\s+as\s+(?:an?\s+)?(?:established\s+|confirmed\s+)?facts?\b)",
    re.IGNORECASE,
)
# Chat-template tokens and role tags, in any language: "<|im_start|>system", "[INST]", "<<SYS>>", "</assistant>".
_CHAT_TOKENS = r"<\|[a-z_]*(?:im_?start|im_?end|system|user|assistant|endoftext|eot_?id|header_?id)[a-z_]*\|>|" \
               r"\[/?INST\]|<</?SYS>>|</?(?:system|assistant|user)(?:_prompt|_message)?>"

# What text is read as before it is matched for injection (`for_matching`). Invisible characters (zero-width
# spaces and joiners, the soft hyphen, word joiners, direction marks and isolates, variation selectors, Hangul
# fillers, the byte-order mark) split a word for a pattern but not for a model, and are dropped; Unicode tag
# characters (U+E0020-E007E) spell ASCII a model reads but a person never sees, and are read as that ASCII.
_INVISIBLE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
                        "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\U000e0001\U000e007f\U000e0100-\U000e01ef]")
_TAGS = re.compile("[\U000e0020-\U000e007e]")
_EMPHASIS = str.maketrans("", "", "*_`~")  # Markdown emphasis inside a phrase ("ignore **all** previous ...")
# Letters that look like Latin ones (Cyrillic, Greek, small capitals, dotless i, script g): a Latin word spelled
# with one of them ("Іgnore" with a Cyrillic І) is read as Latin. NFKC has already made full-width letters and
# mathematical alphanumerics ASCII.
_LOOK_ALIKES = str.maketrans(
    "аеорсухіјѕԁԛԝһӏкмнтвАВЕКМНОРСТУХІЈЅԀҮӀ"  # Cyrillic
    "αοριυνκτΑΒΕΖΗΙΚΜΝΟΡΤΥΧ"  # Greek
    "ᴀʙᴄᴅᴇɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢıɡɑ",  # small capitals, dotless i, script g, Latin alpha
    "aeopcyxijsdqwhlkmhtbABEKMHOPCTYXIJSDYI"
    "aopiuvktABEZHIKMNOPTYX"
    "abcdeghijklmnoprstuvwyziga",
)


def for_matching(text: str) -> tuple[str, str]:
    """`text` as the injection patterns read it: (native, latin). Both: tag characters read as ASCII, invisible
    characters dropped, NFKC (full-width and styled letters become plain ones), Markdown emphasis marks dropped.
    `latin` also reads every Cyrillic and Greek letter that looks like a Latin one as that Latin letter; the
    patterns of Russian and Ukrainian match `native`."""
    text = _TAGS.sub(lambda m: chr(ord(m.group()) - 0xE0000), text)
    text = unicodedata.normalize("NFKC", _INVISIBLE.sub("", text)).translate(_EMPHASIS)
    return text, text.translate(_LOOK_ALIKES)


@cache
def _injection_checks() -> tuple[re.Pattern, dict[str, list[re.Pattern]], list[re.Pattern]]:
    """The injection patterns (the English ones above, the chat tokens, each language's `injection`), sorted
    for a quick search: (a pattern matching the words one of them needs, the patterns each such word is
    needed by, the patterns that need no word). Most sentences hold none of the words, and most patterns are
    never run on them: searching every pattern costs ten times more than the rest of reading a sentence."""
    from summarizer.language import injection

    patterns = [_INJECTION, re.compile(_CHAT_TOKENS, re.IGNORECASE), *injection()]
    by_word: dict[str, list[re.Pattern]] = {}
    always: list[re.Pattern] = []
    for pattern in patterns:
        words = _required_words(pattern)
        if not words:
            always.append(pattern)
        for word in words or ():
            by_word.setdefault(word, []).append(pattern)
    return re.compile(f"(?=({_trie(by_word)}))"), by_word, always


def _required_words(pattern: re.Pattern) -> frozenset[str] | None:
    """Lower-case strings one of which is in any text `pattern` matches (its first run of two or more literal
    characters that every match holds, or the first set of alternatives that each has one), or None.

    Reads the pattern with the standard library's own regular expression parser, `re._parser`, and its
    opcodes, `re._constants`: private modules, since Python has no public way to read a pattern (the
    `sre_parse` and `sre_constants` aliases are deprecated since 3.11 and warn when imported). Checked on
    CPython 3.11.7, 3.12.1 and 3.13.0, which give the same words for every injection pattern. Should a later Python
    move or reshape them, a failure here gives None (the pattern is searched in every sentence: slower, never
    wrong), and tests/test_boilerplate.py fails on the shape the words are read from, so that a change that
    raises nothing and gives other words is seen too."""
    try:
        # typeshed has no stubs for these private modules (only for the deprecated sre_* aliases)
        from re import _constants as sre  # type: ignore[attr-defined]  # noqa: PLC2701 - no public parser
        from re import _parser as parser  # type: ignore[attr-defined]

        return _sequence_words(parser.parse(pattern.pattern, pattern.flags), sre)
    except Exception:  # noqa: BLE001 - a pattern it cannot read is searched in every sentence
        return None


def _sequence_words(items, sre) -> frozenset[str] | None:
    """Of the parts every match of `items` has, the one whose shortest word is longest (the rarest)."""
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, value in [*items, (None, None)]:
        if op is sre.LITERAL:
            run.append(chr(value))
            continue
        if len(run) >= 2:
            options.append(frozenset({"".join(run).lower()}))
        run = []
        found = None
        if op is sre.SUBPATTERN:
            found = _sequence_words(value[-1], sre)
        elif op is sre.ATOMIC_GROUP:
            found = _sequence_words(value, sre)
        elif op is sre.BRANCH:
            branches = [_sequence_words(branch, sre) for branch in value[1]]
            every = [words for words in branches if words is not None]
            found = frozenset().union(*every) if len(every) == len(branches) else None  # one with none: None
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and value[0] >= 1:
            found = _sequence_words(value[2], sre)
        if found:
            options.append(found)
    return max(options, key=lambda words: min(map(len, words)), default=None)


def _trie(words) -> str:
    """One regular expression for `words` as a trie (a shared beginning is tried once): fast where an
    alternation of hundreds of words is slow. Its match at a place is the longest of the words there."""
    root: dict = {}
    for word in words:
        node = root
        for c in word:
            node = node.setdefault(c, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(c) + build(rest) for c, rest in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root) or "(?!)"


def _candidates(text: str) -> list[re.Pattern]:
    """The patterns worth searching in `text`: those that need no word, and those whose word it holds."""
    words, by_word, always = _injection_checks()
    found = {word[:n] for word in words.findall(text.lower()) for n in range(2, len(word) + 1)}
    return [*always, *dict.fromkeys(p for w in found if w in by_word for p in by_word[w])]


def is_injection(text: str) -> bool:
    """Is `text` addressed to a model (an instruction, a chat role marker), in any language with a file, however
    it is spelled: with invisible characters in its words, full-width or look-alike letters?"""
    return _matches(*for_matching(text.strip()))


def _matches(native: str, latin: str) -> bool:
    return any(p.search(text) for text in dict.fromkeys((native, latin)) for p in _candidates(text))


def _across(first: tuple[str, str], second: tuple[str, str]) -> bool:
    """Is there an instruction that begins in the line `first` and ends in `second` (each as `for_matching`
    reads it), read as one line: "Ignore all previous" / "instructions and ...", "NOTE TO AI" / "SUMMARISERS:"?
    Each pattern on its own, so that a shorter match of one ("note to AI") hides no longer one of another."""
    for a, b in dict.fromkeys(((first[0], second[0]), (first[1], second[1]))):
        joined = f"{a} {b}"
        for pattern in _candidates(joined):
            if any(m.start() < len(a) and m.end() > len(a) + 1 for m in pattern.finditer(joined)):
                return True
    return False


# Photo captions: "(Reuters photo)", "(Photo: AFP)", "... (AP Photo/Name)".
_CREDIT_ONLY = re.compile(r"^\((?:[\w .&/-]+ )?(?:photo|foto|fotos|image|imagen|imagem|immagine|bild|фото|зображення)"
                          r"\s*[:/][^)]*\)$", re.IGNORECASE)
CAPTION_WORDS = 15  # a caption before a credit line is short
_CAPTION = re.compile(r"\((?:[\w .&/-]+ )?(?:photo|foto|image|imagen|imagem|immagine|bild|фото|зображення)"
                      r"(?:\s*[:/][^)]*)?\)\s*$|\((?:photo|foto|фото)[^)]*\)", re.IGNORECASE)


def is_caption(line: str) -> bool:
    """A photo caption or credit: "... (Photo by Name / AFP)", "(Foto: dpa)", a short line with a credit run into
    it ("Руйнування у ДонецькуФото: Menahem KahanaAFP/Getty Images")."""
    line = line.strip()
    return bool(_CAPTION.search(line)) or len(line.split()) <= CAPTION_WORDS and bool(_CREDIT_INSIDE.search(line))


def is_credit(line: str) -> bool:
    """A short photo credit alone: "Photo: Reuters/Louiza Vradi", "Foto: Marlon Costa/Folhapress", "©AFP",
    "/ JUAN CARLOS CAVAL (EFE)". The sentence before it on its line is the caption it credits."""
    line = line.strip()
    return len(line.split()) <= CAPTION_WORDS and bool(_CREDIT_LINE.match(line))


# A credit alone: a word for a photo and a colon, the copyright sign, or a slash before a name in capitals and its
# agency in brackets (the sentence before it on its line is the caption it credits).
_CREDIT_LINE = re.compile(r"(?i:(?:photo|foto|fotos|image|imagen|imagem|immagine|bild|фото|зображення|credit|crédit|"
                          r"crédito)\s*:\s*\S)|©\s*\S|/\s*[A-ZÀ-ÝА-ЯІЇЄҐ][A-ZÀ-ÝА-ЯІЇЄҐ .'-]+\s*\([\w .&-]{2,30}\)\s*$")


_CREDIT_INSIDE = re.compile(r"(?<=[^\W\d_])(?:photo|foto|fotos|bild|image|imagen|imagem|immagine|фото|зображення)"
                            r"\s*:\s*\S", re.IGNORECASE)
# A line that is only a date, after a byline's name at most: "Андрій Пробитюк8 лютого 2015 р.", "11 апр 2014,
# 12:49", "06-June-2019", "16 dicembre 2021 a" (a month written out, or short, or in digits)
_DATE_LINE = re.compile(
    r"^(?:[^\W\d_](?:[^\W\d_]|['’.-])*(?:,?\s+|(?=\d))){0,3}"  # a name, words separated (no backtracking)
    r"(?<!\d)\d{1,2}\.?[\s./-]+(?P<month>[^\W\d_]+\.?|\d{1,2})[\s./-]+(?:19|20)\d\d"
    r"(?:\s*\S{1,3}\.?)?(?:,?\s*\d{1,2}[:.h]\d\d)?$")


DATE_LINE_CHARS = 80  # a date line is short


def is_date_line(line: str) -> bool:
    """A dateline or a byline with its date, no story: the date's month a month name of a language with a file
    or short ("апр", "dic."), and any words before it names (capitalised)."""
    from summarizer.language import months

    line = line.strip()
    m = _DATE_LINE.match(line) if len(line) <= DATE_LINE_CHARS else None
    if m is None:
        return False
    month = m.group("month").rstrip(".")
    before = line[:m.start("month")].split()[:-1]
    named = all(w[:1].isupper() for w in re.findall(r"[^\W\d_]+", " ".join(before)))
    return named and (month.isdigit() or len(month) <= 4 or bool(months().match(month)))


INJECTION = "instructions addressed to AI systems (prompt injection), ignored"
_FINAL = (".", "!", "?", "…", '"', "”", "»", "’", "'", ")", "。")  # a line that ends a sentence


RESUMED_SENTENCES, RESUMED_WORDS = 2, 8  # a paragraph of at least so many full sentences of so many words


def _story_resumes(i: int, texts: list[str], paragraphs: list[int]) -> bool:
    """Does sentence `i` open a paragraph of prose after a related-articles heading: at least two sentences,
    each of eight words or more and ending as a sentence ends? (Teasers are headlines: short, no full stop.)"""
    if i and paragraphs[i] == paragraphs[i - 1]:
        return False
    own = [t.strip() for t, p in zip(texts, paragraphs, strict=True) if p == paragraphs[i]]
    return len(own) >= RESUMED_SENTENCES and all(len(t.split()) >= RESUMED_WORDS and t.endswith(_FINAL) for t in own)


def classify(texts: list[str], paragraphs: list[int]) -> list[str | None]:
    """Give each sentence the reason it is boilerplate, or None for article text."""
    reasons: list[str | None] = [None] * len(texts)
    related_from = None
    read = [for_matching(text.strip()) for text in texts]
    for i, text in enumerate(texts):
        t = text.strip()
        if related_from is None and is_related_heading(t):
            related_from = i
        elif related_from is not None and _story_resumes(i, texts, paragraphs):
            related_from = None  # "Leia também" inside the story: a link, then the story goes on
        if related_from is not None:
            reasons[i] = "related-articles block" if i > related_from else "related-articles heading"
        elif _matches(*read[i]):
            reasons[i] = INJECTION
        elif is_caption(t):
            reasons[i] = "photo caption"
        elif is_furniture(t):
            reasons[i] = "page furniture (comment, share, subscribe or similar prompt)"
        elif is_date_line(t):
            reasons[i] = "a date line"
        elif is_credit(t):
            reasons[i] = "photo caption"
    # An instruction split over two lines or sentences ("Ignore all previous" / "instructions and ..."): the
    # two read together, where the first ends with no final punctuation (a sentence that ends is no broken
    # line). A line dropped as injection takes the next one with it only where one instruction runs on into it
    # ("NOTE TO AI" / "SUMMARISERS: ...").
    for i in range(len(texts) - 1):
        pair = reasons[i], reasons[i + 1]
        if set(pair) <= {None, INJECTION} and pair != (INJECTION, INJECTION) \
                and not read[i][0].rstrip().endswith(_FINAL) and _across(read[i], read[i + 1]):
            reasons[i] = reasons[i + 1] = INJECTION
    # A short paragraph right before a paragraph that is only a photo credit ("(Foto: dpa)") is its caption.
    for i, text in enumerate(texts):
        if reasons[i] == "photo caption" and _CREDIT_ONLY.match(text.strip()) and paragraphs.count(paragraphs[i]) == 1:
            first = paragraphs.index(paragraphs[i])
            before = [j for j, p in enumerate(paragraphs) if first and p == paragraphs[first - 1]]
            if before and reasons[before[0]] is None and sum(len(texts[j].split()) for j in before) <= CAPTION_WORDS:
                for j in before:
                    reasons[j] = "photo caption"
    # A caption paragraph is captioned as a whole: mark its other sentences too.
    # (a credit alone is one, whatever else it reads as: "Foto: Marlon Costa/Folhapress" after its caption)
    caption_paras = {p for p, r, t in zip(paragraphs, reasons, texts, strict=True)
                     if r == "photo caption" or r is not None and is_credit(t)}
    for i, p in enumerate(paragraphs):
        if p in caption_paras and reasons[i] is None:
            reasons[i] = "photo caption"
    # A sentence the page gives again word for word (a lead repeated after a promotion box) is told once.
    seen: set[str] = set()
    for i, text in enumerate(texts):
        said = " ".join(text.split())
        if reasons[i] is None and len(said.split()) >= REPEATED_WORDS and said in seen:
            reasons[i] = "a sentence the page repeats"
        seen.add(said)
    return reasons
