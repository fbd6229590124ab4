"""Where a record's figures count: the place each figure's clause names, and the areas a sentence gives its
figures for.

"27 people were killed in Colombo, 19 in Negombo": 27 counts in Colombo, 19 in Negombo (`place_names`,
`figure_places`); "250 000 personnes ont manifesté dans toute la France": the whole country; "Another 12 died
elsewhere": other places than those named (`figure_areas`). The contest rules (`contests.py`) compare figures of
one quantity place by place, the composed digest (`compose.py`) names a breakdown's places and the briefing
(`briefing/merge.py`) sets one place's figures from several outlets side by side. Places are read by their
language's `locatives` ("in", "à", "в"), keyed by their first five letters (`place_key`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from summarizer.language import Lexicon, lexicon
from summarizer.names import country_keys
from summarizer.numbers import extract_numbers
from summarizer.segment import SLOTS, Sentence

if TYPE_CHECKING:
    from summarizer.contests import Claim


PLACE_WORDS = 3  # capitalised words a place's name may have ("Nova Friburgo", "Rio de Janeiro" is "Rio")


PLACE_AFTER = 4  # words after a figure (auxiliaries not counted) in which a place preposition names its place ("14
# people had been killed in Tyre"), before any other preposition


def is_broken_down(places: Mapping[int, Mapping[float, str | None]]) -> bool:
    """Do the records give figures for two places or more ("in Berlin 70.000 Teilnehmer, in Hamburg 65.000")?"""
    return len({p for found in places.values() for p in found.values() if p}) >= 2


def opening_place(text: str, lex: Lexicon) -> str:
    """The place a sentence opens with, what it is about ("À Lyon, ...", "In neighbouring Koraput district,
    ...", "And in Kharkiv, ..."), lower case; else "": its figures count there, not everywhere. The phrase runs
    from a preposition to the first comma, within a few words, and names a place (a capitalised word that is no
    date)."""
    opening = text.split(",", 1)[0].split() if "," in text else []
    if opening and opening[0].lower() in lex.conjunctions:
        opening = opening[1:]
    if not 2 <= len(opening) <= 5 or opening[0].lower() not in lex.prepositions | lex.speaker_place \
            or lex.dates is not None and lex.dates.search(" ".join(opening)) \
            or lex.capitalised_nouns and len(opening) > 2 \
            or any(lex.cue.fullmatch(w) for w in opening) or lex.according is not None and lex.according.match(text) \
            or lex.according_opening is not None and lex.according_opening.match(text):
        return ""  # "In der Nacht": every noun has its capital; "У Міноборони заявили", "Per la Nbc": a speaker
    names = [w for w in opening[1:] if w[:1].isupper() and w.lower() not in lex.determiners]
    return names[-1].lower()[:5] if names and not lex.speakers.search(" ".join(names)) else ""


def figure_places(text: str, lex: Lexicon, language: str | None, before: str = "") -> dict[float, str | None]:
    """{figure value: the place its clause gives it, keyed by the first five letters of its name}: see
    `place_names`."""
    return {value: place_key(name) for value, name in place_names(text, lex, language, before).items()}


def place_names(text: str, lex: Lexicon, language: str | None, before: str = "") -> dict[float, str | None]:
    """{figure value: the place its clause gives it, as written}: the name after a place preposition
    (`locatives`: "in Berlin", "à Lyon", "в Харькове") right before the figure ("in Hamburg 65.000"), else right
    after it in its clause, before any other figure ("85% na Bahia", "27 people were killed in Colombo, 19 in
    Negombo"), else the one last before it ("Die Veranstalter zählten in Berlin 70.000 Teilnehmer"), else, where
    the clause says "there" (`there`: "Verdi zählte dort 18.000"), the place named last in the sentence `before`
    it, else the place the sentence opens with ("In the city of Kherson, 2 people were killed"); None for a
    figure of no place."""
    out: dict[float, str | None] = {}
    if not lex.locatives:
        return out
    there = _last_place(before, lex) if before and lex.there is not None and lex.there.search(text) else None
    # "In the city of Kherson, 2 people were killed": a place the sentence opens with, before its first comma
    opening = text.split(",", 1)[0] if "," in text and opening_place(text, lex) else ""
    named = [w.strip(".»“”\"") for w in opening.split()[1:] if w[:1].isupper()]
    scope = named[-1] if named else None
    areas = figure_areas(text, lex, language)
    at = 0
    spans: list[tuple[int, float]] = []
    for n in extract_numbers(text, language):
        found = text.find(n.text, at)
        if found < 0:
            continue
        at = found + len(n.text)
        spans.append((found, n.value))
        if n.value in areas:  # "nationwide", "elsewhere in Bagmati province": a total, or other places
            out.setdefault(n.value, ELSEWHERE if areas[n.value] == ELSEWHERE else None)
            continue
        head = text[:found]
        if head.count("(") > head.count(")"):  # "35,000 in Brussels (21,000 on the main route, ...)": its parts
            bracket = head.rfind("(")
            whole = [v for f, v in spans if f < bracket]
            if whole and out.get(whole[-1]):
                out.setdefault(n.value, out[whole[-1]])
                continue
        clause = re.split(r"[,;:(]", head)[-1]
        words = clause.split()
        place = _place_at(words, len(words) - 2, lex) if len(words) >= 2 else None  # "in Hamburg 45.000 und in
        # Köln 20.000": the place right before the figure is its own, the one after the next figure's
        if place is None:
            place = _place_after(re.split(r"[,;:(]", text[at:])[0], lex, language)
        if place is None:
            place = _last_place(clause, lex)
        if place is None and there is not None and lex.there is not None and lex.there.search(clause):
            place = there
        if place is None and scope is not None and found > len(opening):
            place = scope
        if place is None and lex.place_back is not None \
                and lex.place_back.search(clause + " " + re.split(r"[,;:(]", text[at:])[0]):
            place = PLACE_BACK  # "The organisers spoke of 60,000 in the capital": resolved by `figure_places_of`
        out.setdefault(n.value, place)
    return out


ELSEWHERE = "elsewhere"  # the place of a figure given for other places than those named ("another 12 elsewhere")


PLACE_BACK = "⟨named⟩"  # the place of a figure given "in the capital", "in città": see `figure_places_of`
AREA_OPENING = 6  # the most words of a phrase a sentence opens with that sets its figures' area ("Au niveau
# national, ...")


def figure_areas(text: str, lex: Lexicon, language: str | None) -> dict[float, str]:
    """{figure value: "whole" or `ELSEWHERE`} for the figures of `text` that its words give for the whole
    country or region (`whole_area`: "nationwide", "dans toute la France", "Bundesweit gingen ...") or for other
    places than the one named (`elsewhere`: "Another 12 people died elsewhere", "в других районах"): in the
    figure's clause, or in a short phrase the sentence opens with ("Au niveau national, la police estime ...")."""
    out: dict[float, str] = {}
    if lex.whole_area is None and lex.elsewhere is None:
        return out
    first = text.split(",", 1)[0] if "," in text else ""
    opening = first if len(first.split()) <= AREA_OPENING else ""
    at = 0
    for n in extract_numbers(text, language):
        found = text.find(n.text, at)
        if found < 0:
            continue
        at = found + len(n.text)
        clause = re.split(r"[,;:(]", text[:found])[-1] + n.text + re.split(r"[,;:()]", text[at:])[0]
        said = clause + (" " + opening if found > len(opening) else "")
        if lex.elsewhere is not None and lex.elsewhere.search(said):
            out.setdefault(n.value, ELSEWHERE)
        elif lex.whole_area is not None and lex.whole_area.search(said):
            out.setdefault(n.value, "whole")
    return out


def areas_named(claims: list[Claim], sentences: Mapping[int, Sentence], language: str | None) -> bool:
    """Does a record give a figure for the whole country or region, or for other places (`figure_areas`)? Then
    the article sets a total and other places apart from one place's figures, as a breakdown does."""
    lex = lexicon(language)
    return any(figure_areas(sentences[c.sid].text, lex, language) for c in claims)


def place_key(name: str | None) -> str | None:
    """A place's name as `figure_places` keys it: the first five letters of its first word ("Nova Friburgo":
    "nova")."""
    return name.split()[0].lower()[:5] if name else None


def breakdown_places(placed: Iterable[Mapping[float, str | None]]) -> set[str]:
    """The places of the sentences that give a quantity for two places or more (each a `figure_places` or a
    `place_names` map), keyed as `place_key` does: the parts a total is broken down into."""
    out: set[str] = set()
    for found in placed:  # ("another 12 elsewhere" and "the capital" are no part of a breakdown)
        keys = {place_key(p) for p in found.values() if p} - {place_key(ELSEWHERE), place_key(PLACE_BACK)}
        if len(keys) >= 2:
            out |= {k for k in keys if k}
    return out


def _place_at(words: list[str], k: int, lex: Lexicon) -> str | None:
    """The place named after the word at `k` when it is a place preposition: the capitalised words after it
    ("in Nova Friburgo"), as written; else None."""
    if k + 2 < len(words) and words[k].lower() in lex.locatives and words[k + 1].lower() in lex.determiners \
            and words[k + 2].lower()[:5] in country_keys(lex.code):
        k += 1  # "in der Türkei": a country's name after its article
    elif k + 1 >= len(words) or words[k].lower() not in lex.locatives:
        return None
    if not words[k + 1][:1].isupper():
        return None
    name = [words[k + 1]]
    for word in words[k + 2:k + 1 + PLACE_WORDS]:
        if not word[:1].isupper() or re.search(r"[.,;:»“”\"]$", name[-1]):
            break
        name.append(word)
    after = words[k + 1 + len(name):k + 3 + len(name)]
    if len(after) == 2 and after[0].lower() in lex.conjunctions and after[1][:1].isupper() \
            and not re.search(r"[.,;:»“”\"]$", name[-1]):
        return None  # "en Oaxaca y Chiapas": several places, all of them
    return " ".join(name).strip(".,;:»“”\"")


def _place_after(following: str, lex: Lexicon, language: str | None) -> str | None:
    """The place named right after a figure in its clause: after a place preposition among its next few words,
    before any other figure or preposition ("85% na Bahia", "27 people were killed in Colombo, 19 in Negombo",
    "7 человек погибли в Крымске"; not "34 muertos por las lluvias en Oaxaca"); else None."""
    words = following.split()
    read = 0
    for k in range(len(words) - 1):
        if extract_numbers(words[k], language):
            return None  # "19 in Negombo and 15 in Kalutara": the next figure's place
        place = _place_at(words, k, lex)
        if place:
            return place
        if words[k].lower() in lex.prepositions:
            return None  # "34 muertos por las lluvias en Oaxaca": the place of another phrase
        read += words[k].lower() not in lex.auxiliaries  # "14 people had been killed in Tyre"
        if read >= PLACE_AFTER:
            return None
    return None


def _places_named(text: str, lex: Lexicon) -> set[str]:
    """Every place `text` names after a place preposition, as `figure_places` keys it."""
    words = text.split()
    return {place_key(_place_at(words, k, lex)) or "" for k in range(len(words))} - {""}


def _last_place(text: str, lex: Lexicon) -> str | None:
    """The place named last in `text` after a place preposition ("In Leipzig kamen ..."), as written, or
    None."""
    words = text.split()
    return next((place for k in range(len(words) - 2, -1, -1) if (place := _place_at(words, k, lex))), None)


def differ_in_a_place(a: set[float], b: set[float], places_a: dict[float, str | None],
                       places_b: dict[float, str | None]) -> bool:
    """Do two sets of figures of one quantity differ in a place both give (or both give for no place)?"""
    by_a: dict[str | None, set[float]] = {}
    by_b: dict[str | None, set[float]] = {}
    for values, places, by in ((a, places_a, by_a), (b, places_b, by_b)):
        for v in values:
            by.setdefault(places.get(v), set()).add(v)
    return any(by_a[p] != by_b[p] for p in by_a.keys() & by_b.keys())


def figure_places_of(claims: list[Claim], sentences: Mapping[int, Sentence], language: str | None
                     ) -> dict[int, dict[float, str | None]]:
    """{record position: `figure_places` of its sentence, "there" read against the sentence before}."""
    lex = lexicon(language)
    out = {}
    for c in claims:
        before = previous_sentence(sentences, c.sid)
        out[c.pos] = figure_places(sentences[c.sid].text, lex, language,
                                   sentences[before].text if before is not None else "")
        first = opening_clause(sentences, c.sid)
        if first != c.sid and not any(out[c.pos].values()) \
                and not figure_areas(sentences[c.sid].text, lex, language):
            # "In Hamburg zählte die Polizei 12.000, die Veranstalter kamen auf 30.000", "À Lyon, la préfecture a
            # compté 18 000 manifestants, contre 45 000 selon les organisateurs": a later clause with no place of
            # its own counts where the first clause of its sentence counts, where that is one place
            opened = set(figure_places(sentences[first].text, lex, language).values())
            if len(opened) == 1:
                out[c.pos] = dict.fromkeys(out[c.pos], place_key(next(iter(opened))))
    # a sentence that gives figures for two places or more breaks a quantity down ("27 people were killed in
    # Colombo, 19 in Negombo"); a place no such sentence names ("mindestens 11 Menschen" "in Niederbayern")
    # holds them all, and so does the place the title names ("Hundreds feared dead in Assam floods": a story's
    # first line with no full stop): a figure given for it is a total, like one given for no place
    # "Brussels police counted 35,000 marchers in the capital": the one place the article's figures are given
    # for, if there is one
    named = {p for found in out.values() for p in found.values() if p and p not in (place_key(PLACE_BACK),
                                                                                    place_key(ELSEWHERE))}
    for found in out.values():
        for v, p in found.items():
            if p == place_key(PLACE_BACK):
                found[v] = next(iter(named)) if len(named) == 1 else None
    # "Occurrence a dénombré 47 800 manifestants au total" after "47 800 personnes à Paris": the same figure
    # counts the same place, where one place only is given for it and no words give it for the whole
    given: dict[float, set[str]] = {}
    for found in out.values():
        for v, p in found.items():
            if p and p not in (place_key(PLACE_BACK), place_key(ELSEWHERE)):
                given.setdefault(v, set()).add(p)
    for c in claims:
        areas = figure_areas(sentences[c.sid].text, lex, language)
        out[c.pos] = {v: next(iter(given[v])) if p is None and v not in areas and len(given.get(v, ())) == 1
                      else p for v, p in out[c.pos].items()}
        # "47 800 manifestants au total : 13 100 dans ..., 34 700 dans ...": the smaller figures beside a place's
        # figure, given for no place, are its parts
        own = {p for p in out[c.pos].values() if p}
        if len(own) == 1 and (top := max(v for v, p in out[c.pos].items() if p)) \
                and next(iter(own)) not in (place_key(PLACE_BACK), place_key(ELSEWHERE)):
            out[c.pos] = {v: next(iter(own)) if p is None and v not in areas and v < top else p
                          for v, p in out[c.pos].items()}
    if areas_named(claims, sentences, language):  # "95 000 personnes ont manifesté jeudi en France" beside "250 000
        # dans tout le pays": the one country figures are given for is the whole
        countries = {p for found in out.values() for p in found.values() if p in country_keys(language)}
        if len(countries) == 1:
            out = {pos: {v: None if p in countries else p for v, p in found.items()} for pos, found in out.items()}
    parts = breakdown_places(out.values())
    story = sorted((s for s in sentences.values() if not s.boilerplate), key=lambda s: s.id)
    titled = bool(story) and not re.search(r"[.!?…\"”»]\s*$", story[0].text) \
        and sum(1 for s in story if s.paragraph == story[0].paragraph) == 1
    # (not a place a sentence opens with: "In the city of Kherson, 2 people were killed" under "Shelling kills 4
    # in Kherson region")
    whole = _places_named(story[0].text, lex) - {opening_place(s.text, lex) for s in story} if titled else set()
    if len(whole) > 1 and whole & country_keys(language):  # "Manifestations en France : des milliers de personnes
        whole &= country_keys(language)  # à Paris": the country is the whole, the city one place in it
    return {pos: {v: None if p != place_key(ELSEWHERE) and (p in whole - parts or parts and p not in parts) else p
                  for v, p in found.items()} for pos, found in out.items()}


def opening_clause(sentences: Mapping[int, Sentence], sid: int) -> int:
    """The key of the first clause of the sentence whose clause is keyed `sid` (`SLOTS`), or `sid` itself."""
    first = sid - sid % SLOTS
    return first if first in sentences else sid


def previous_sentence(sentences: Mapping[int, Sentence], sid: int) -> int | None:
    """The id of the story sentence right before `sid` (page furniture skipped), or None."""
    return max((i for i in sentences if i < sid and not sentences[i].boilerplate), default=None)
