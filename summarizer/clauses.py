"""Two parties' claims in one sentence make two records.

"The government said 46 people were killed, while the Committee of Doctors said at least 108 had died";
"Although the official death toll is just 48, relief groups claim hundreds are missing"; "..., although the
company denied these figures". News often sets one party's figure against another's in a single sentence; one
record for it keeps one source, and the contest between them is lost. Such a sentence splits at the clause
that opens with a word of contrast (`contrast`: "while", "mientras", "tandis que", "während", "а") after a
comma, or after the clause that a concessive word opens the sentence with (`concessive`: "Although",
"Aunque", "Obwohl", "Хотя"), where:

- the second clause names a speaker of its own (`parse_attribution`) that is not the first clause's;
- the first clause gives a figure, and the second a figure or a denial (or the first opens with the
  concessive word).

A sentence that sets two sources' figures side by side, each with its own marker ("480 000 manifestants selon la
police, 1,2 million selon les syndicats"), splits the same way (`_enumerated`); the second clause's bare
figure counts what the whole sentence counts.

Each clause is then a record of its own: its words are its verbatim quote, its source is read from them
(`resolve_source`: the model's reading checked against the clause's grammar), its figures are its own; its
summary is the clause in its own words (`own_words`), in the article's language.
"""

from __future__ import annotations

import dataclasses
import re

from summarizer.attribution import parse_attribution, same_source
from summarizer.contests import Claim, quantities
from summarizer.language import lexicon
from summarizer.numbers import extract_numbers
from summarizer.segment import Sentence


def split(text: str, language: str | None) -> tuple[str, str] | None:
    """The two clauses of a sentence that tells two parties' claims, verbatim (the second with its word of
    contrast), or None where it tells one."""
    lex = lexicon(language)
    opening = lex.concessive.match(text) if lex.concessive is not None else None
    # (not a comma inside a quote: "“We counted 46 bodies, while the army said 10,” said the doctor")
    cuts = [m.start() for m in re.finditer(r",\s", text) if not _in_quote(text[:m.start()])]
    for cut in cuts:
        first, second = text[:cut], text[cut + 1:].strip()
        contrast = lex.contrast.match(second) if lex.contrast is not None else None
        if not (contrast or opening and cut == cuts[0]):
            continue
        said = second[contrast.end():] if contrast else second
        theirs = parse_attribution(said, language)
        if theirs is None or theirs[0].lower() in lex.pronouns:
            continue
        ours = parse_attribution(first, language)
        if ours is not None and same_source(ours[0], theirs[0]):
            continue
        figure = bool(extract_numbers(first, language))
        if figure and (opening or extract_numbers(second, language) or lex.denial.search(said)):
            return first, second
    return _enumerated(text, cuts, language)


def _in_quote(before: str) -> bool:
    """Does `before` leave a quote open?"""
    return before.count("“") > before.count("”") or before.count("«") > before.count("»") \
        or before.count("„") > before.count("“") or before.count('"') % 2 == 1


def _enumerated(text: str, cuts: list[int], language: str | None) -> tuple[str, str] | None:
    """The two clauses of a sentence that sets two sources' figures side by side, each with its marker ("480 000
    manifestants selon la police, 1,2 million selon les syndicats"), or None."""
    lex = lexicon(language)
    if lex.according is None:
        return None
    for cut in cuts:
        first, second = text[:cut], text[cut + 1:].strip()
        if not (extract_numbers(first, language) and extract_numbers(second, language)):
            continue
        ours, theirs = parse_attribution(first, language), parse_attribution(second, language)
        if ours and theirs and lex.according.fullmatch(ours[1]) and lex.according.fullmatch(theirs[1]) \
                and theirs[0].lower() not in lex.pronouns and not same_source(ours[0], theirs[0]):
            return first, second
    return None


def clause_sentences(sentences: dict[int, Sentence], language: str | None
                     ) -> tuple[dict[int, Sentence], dict[int, list[int]]]:
    """The article's sentences re-keyed so that a split sentence's clauses are sentences of their own: sentence
    `i` is `2 * i` (its first clause, where it splits), its second clause `2 * i + 1`; and, for each sentence
    id, the keys of its records."""
    keyed: dict[int, Sentence] = {}
    keys: dict[int, list[int]] = {}
    for sid, s in sentences.items():
        parts = None if s.boilerplate else split(s.text, language)
        if parts is None:
            keyed[2 * sid] = dataclasses.replace(s, id=2 * sid)
            keys[sid] = [2 * sid]
            continue
        first, second = parts
        keyed[2 * sid] = dataclasses.replace(s, id=2 * sid, text=first)
        keyed[2 * sid + 1] = dataclasses.replace(s, id=2 * sid + 1, text=second)
        keys[sid] = [2 * sid, 2 * sid + 1]
    return keyed, keys


def without_contrast(clause: str, language: str | None) -> str:
    """A clause without the word of contrast that opens it ("while the Committee of Doctors said ...")."""
    lex = lexicon(language)
    contrast = lex.contrast.match(clause) if lex.contrast is not None else None
    return clause[contrast.end():].lstrip(" ,") if contrast else clause


def own_words(clause: str, language: str | None) -> str:
    """A clause as a sentence of its own, for a summary ("The Committee of Doctors said ...", "The official
    death toll in Assam is just 48."); its quote keeps the word of contrast or concession."""
    rest = without_contrast(clause, language)
    lex = lexicon(language)
    opening = lex.concessive.match(rest) if lex.concessive is not None else None
    rest = rest[opening.end():].lstrip(" ,") if opening else rest
    rest = rest.rstrip()
    return rest[:1].upper() + rest[1:] + ("" if rest[-1:] in ".!?»”\"" else ".")


def clause_figures(figures: dict[int, dict[str, set[float]]], claims: list[Claim], clauses: dict[int, Sentence],
                   sentences: dict[int, Sentence], language: str | None) -> dict[int, dict[str, set[float]]]:
    """`figures` (`contests.figures_of` on the clauses), with what a second clause's bare figure counts where
    only its whole sentence says ("..., 1,2 million selon les syndicats": the marchers)."""
    for claim in claims:
        if claim.sid % 2 and not figures[claim.pos]:
            values = {n.value for n in extract_numbers(clauses[claim.sid].text, language)}
            whole = quantities(sentences[claim.sid // 2].text, lexicon(language), language)
            figures[claim.pos] = {name: set(counted) & values for name, counted in whole.items()
                                  if set(counted) & values}
    return figures
