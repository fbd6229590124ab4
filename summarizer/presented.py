"""Speakers presented before their quotations, with no verb of saying.

News in Italian, Spanish, French, Portuguese and Russian often presents who speaks next in a sentence of its
own and then gives the quotation bare: "Poco dopo è intervenuta la prefetta di Ancona, Laura Gatti. «Al
momento risultano 2 dispersi»", "Затем — начальник областного управления МЧС Сергей Лапин. «...»", "Then came
the county sheriff, Paul Grady. "..."", or before a colon: "Le siguió el portavoz ..., el teniente Andrés
Molina: «...»". The quotation is the presented speaker's words, not the outlet's.

A sentence presents a speaker when it attributes nothing itself, gives no figure, and ends with a noun phrase
headed by a word for a party that can speak (the language's `speakers`) and closing on that party's name:
a first and last name ("la prefetta di Ancona, Laura Gatti") or a surname right after the title ("il ministro
Salvini"); or with a first and last name and a title set after it ("Fabrizio Curcio, capo della Protezione
civile nazionale"). A place at the end ("the mayor's office in Derna") presents no one.
"""

from __future__ import annotations

import re

from summarizer.attribution import parse_attribution
from summarizer.language import lexicon
from summarizer.names import ends_with_person
from summarizer.numbers import extract_numbers

_OPENS = re.compile(r"^\s*[\"“„«”»]")  # the marks a bare quotation opens with (German » too)
_CLOSES = re.compile(r"[\"”»“«][.!?]?\s*$")
_COLON = re.compile(r"^(?P<before>[^:\"“„«]+):\s*(?P<quote>[\"“„«].*)$", re.DOTALL)
PHRASE_WORDS = 12  # at most this many words from the title word to the end of the sentence
TITLE_WORDS = 8  # at most this many words in a title set after the name it follows
_CAPITAL = r"[A-ZÀ-ÝА-ЯЁІЇЄҐ][\w'’-]+"
_NAME_THEN_TITLE = re.compile(rf"(?<!\w){_CAPITAL}\s+{_CAPITAL},\s+(?P<title>[^,;:]+)$")
BACK_WORDS = 3  # "the city's fire chief": words before the title word that may still belong to its phrase


def bare_quotation(text: str) -> bool:
    """Is `text` a quotation and nothing else: it opens and closes with quote marks («...»., "...")?"""
    text = text.strip()
    return bool(_OPENS.match(text) and _CLOSES.search(text))


def presented_speaker(sentence: str, language: str | None) -> str | None:
    """The party `sentence` presents as the speaker of a quotation after it ("Then came the county sheriff,
    Paul Grady.": "the county sheriff, Paul Grady"), else None."""
    lex = lexicon(language)
    text = sentence.strip().rstrip(".:;!… ").strip()
    if not text or bare_quotation(sentence) or parse_attribution(sentence, language) is not None \
            or extract_numbers(text, language):
        return None
    for m in lex.speakers.finditer(text):
        previous = text[:m.start()].split()[-1:]
        if previous and previous[0].lower() in lex.prepositions:  # "Первым к журналистам вышел мэр": an addressee
            continue
        words = text[m.start():].split()
        if len(words) > PHRASE_WORDS or not words[-1][:1].isupper() or words[-1].isupper():
            continue
        tail = text[m.start():]
        if not (ends_with_person(tail) or len(words) == 2):  # "Claudio Palomba"; "ministro Salvini"
            continue
        return _with_determiner(text, m.start(), lex)
    named = _NAME_THEN_TITLE.search(text)  # "... quelle di Fabrizio Curcio, capo della Protezione civile"
    if named and lex.speakers.match(named.group("title")) and len(named.group("title").split()) <= TITLE_WORDS:
        return named.group(0)
    return None


def colon_presented(text: str, language: str | None) -> str | None:
    """The speaker a sentence presents before a colon and a bare quotation ("Le siguió el portavoz de la
    Guardia Civil, el teniente Andrés Molina: «Los desalojados fueron 120»."), else None."""
    m = _COLON.match(text.strip())
    if m is None or not bare_quotation(m.group("quote")):
        return None
    return presented_speaker(m.group("before"), language)


def _with_determiner(text: str, start: int, lex) -> str:
    """The phrase from the title word at `start` to the end of `text`, with the article and modifiers just
    before it that belong to it ("the city's fire chief, Dana Ortiz"), where an article is within
    BACK_WORDS words."""
    before = list(re.finditer(r"\S+", text[:start]))[-BACK_WORDS:]
    for m in reversed(before):
        word = m.group(0)
        if word.lower() in lex.genitive or word.lower() in lex.prepositions:  # "au tour du préfet ...": not
            break  # the phrase's
        if word.lower() in lex.determiners:
            return text[m.start():].strip()
        if word.endswith((",", ":")) or word in {"—", "–", "-"} or word[:1].isupper():
            break
    return text[start:].strip()
