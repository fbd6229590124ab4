"""Deterministic detection of page furniture that is never evidence.

Comment prompts, share and subscribe buttons, cookie notices, photo captions,
the "Related" / "More like this" block (everything after such a heading is
other articles' teasers), and text addressed to AI systems (prompt injection). What is caught here is hidden from the model and
listed in the output's `dropped`; the model may flag more.
"""

from __future__ import annotations

import re

# Whole-sentence furniture (matched against the stripped sentence).
_FURNITURE = re.compile(
    r"""^(?:
        leave\ a\ (?:reply|comment) | please\ enter\ your\ (?:comment|name|email).* |
        share(?:\ (?:this|post|article|this\ (?:article|story|post)))?:? | share\ on\ \w+ | subscribe(?:\ now)?!? | subscribe\ to\ (?:our|the)\ .* | sign\ up(?:\ for.*)? |
        popular | trending | most\ read | advertisement | sponsored | read\ more:? |
        don'?t\ miss(?:\ any)?.* | follow\ us.* | comments?(?:\ \(\d+\))?:? |
        spot_img(?:spot_img)* | accept\ (?:all\ )?cookies.* | .*\buses?\ cookies\b.* |
        (?:click|tap)\ here.* | newsletter.* | tags?:.* | image:.* | photo:.* | date: |
        (?:suscr[ií]ba(?:se|te)|suscr[ií]bete|abonnez-vous|abonnieren\ sie|jetzt\ abonnieren|iscriviti|
           підпишіться|подпишитесь)\b.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)


def is_furniture(line: str) -> bool:
    """A whole line that is page furniture ("Subscribe", "Advertisement", "LEAVE A REPLY"), in any language
    with a file (`language.py`): consent banners, paywall offers, audio-player labels, "skip to" links."""
    from summarizer.language import whole_line

    line = line.strip()
    return bool(_FURNITURE.match(line)) or whole_line("furniture", line)


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
# Photo captions: "(Reuters photo)", "(Photo: AFP)", "... (AP Photo/Name)".
_CREDIT_ONLY = re.compile(r"^\((?:[\w .&/-]+ )?(?:photo|foto|fotos|image|imagen|imagem|immagine|bild|фото|зображення)"
                          r"\s*[:/][^)]*\)$", re.IGNORECASE)
CAPTION_WORDS = 15  # a caption before a credit line is short
_CAPTION = re.compile(r"\((?:[\w .&/-]+ )?(?:photo|foto|image|imagen|imagem|immagine|bild|фото|зображення)"
                      r"(?:\s*[:/][^)]*)?\)\s*$|\((?:photo|foto|фото)[^)]*\)", re.IGNORECASE)


def is_caption(line: str) -> bool:
    """A photo caption or credit: "... (Photo by Name / AFP)", "(Foto: dpa)"."""
    return bool(_CAPTION.search(line.strip()))


def classify(texts: list[str], paragraphs: list[int]) -> list[str | None]:
    """Give each sentence the reason it is boilerplate, or None for article text."""
    reasons: list[str | None] = [None] * len(texts)
    related_from = None
    for i, text in enumerate(texts):
        t = text.strip()
        if related_from is None and is_related_heading(t):
            related_from = i
        if related_from is not None:
            reasons[i] = "related-articles block" if i > related_from else "related-articles heading"
        elif _INJECTION.search(t):
            reasons[i] = "instructions addressed to AI systems (prompt injection), ignored"
        elif is_caption(t):
            reasons[i] = "photo caption"
        elif is_furniture(t):
            reasons[i] = "page furniture (comment, share, subscribe or similar prompt)"
    # A short paragraph right before a paragraph that is only a photo credit ("(Foto: dpa)") is its caption.
    for i, text in enumerate(texts):
        if reasons[i] == "photo caption" and _CREDIT_ONLY.match(text.strip()) and paragraphs.count(paragraphs[i]) == 1:
            first = paragraphs.index(paragraphs[i])
            before = [j for j, p in enumerate(paragraphs) if first and p == paragraphs[first - 1]]
            if before and reasons[before[0]] is None and sum(len(texts[j].split()) for j in before) <= CAPTION_WORDS:
                for j in before:
                    reasons[j] = "photo caption"
    # A caption paragraph is captioned as a whole: mark its other sentences too.
    caption_paras = {p for p, r in zip(paragraphs, reasons, strict=True) if r == "photo caption"}
    for i, p in enumerate(paragraphs):
        if p in caption_paras and reasons[i] is None:
            reasons[i] = "photo caption"
    return reasons
