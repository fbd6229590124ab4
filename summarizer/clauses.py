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
figure counts what the whole sentence counts. So does one that says the verb once and lists the other parties'
figures after it (`_elided`: "habla de 250 muertos, la Cruz Roja de 1.200 y los ayuntamientos de 2.000",
"МВД насчитало 12 тысяч участников, организаторы — 40 тысяч"), each item a record whose source is the party
it names; and one that sets another party's figure against the first after a word such as "contre" (`versus`:
"9 500 manifestants, contre 60 000 selon l'intersyndicale"). A sentence gives at most `SLOTS` records.

Each clause is then a record of its own: its words are its verbatim quote, its source is read from them
(`resolve_source`: the model's reading checked against the clause's grammar), its figures are its own; its
summary is the clause in its own words (`own_words`), in the article's language.
"""

from __future__ import annotations

import dataclasses
import re

from summarizer.attribution import _unelided, is_speaker, parse_attribution
from summarizer.contests import UNNAMED, Claim, held, quantities
from summarizer.language import lexicon
from summarizer.numbers import extract_numbers
from summarizer.segment import SLOTS, Sentence
from summarizer.sources import same_source


def sentence_of(key: int) -> int:
    """The id of the sentence whose clause is keyed `key`."""
    return key // SLOTS


def split(text: str, language: str | None) -> tuple[str, ...] | None:
    """The clauses of a sentence that tells two or more parties' claims, verbatim (a later one with its word of
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
    # (a range of two parties' estimates: "entre el 18% según la empresa y el 85% según el comité")
    enumerated = _enumerated(text, sorted(cuts + _range_cuts(text, lex)), language)
    return _embedded(text, language) or _after_semicolon(text, language) or enumerated \
        or _elided(text, cuts, language) or _versus(text, cuts, language) or _denied_after(text, cuts, language) \
        or _listed(text, cuts, language)


OWNER_WORDS = 12  # words of a party's name between a claim's noun and what it says ("les affirmations des syndicats
# selon lesquelles", "сообщения федеральных СМИ о том, что")
ANSWER_GAP = 4  # words between a denial and the claim it takes as its object ("denied the Russian reports that")
NOUN_BEFORE = 3  # words before a claim's noun that may name its party ("Hamas's", "the union's", "Russian media")


def _embedded(text: str, language: str | None) -> tuple[str, str] | None:
    """(the claim, the sentence) of a sentence whose party answers another party's claim that it names with what
    that claim says: "Jaguar has dismissed union claims that it is to lay off up to 2,000 workers, reiterating
    ...", "Berichte, wonach 2015 1,5 Millionen Flüchtlinge kommen, werden dementiert", "a démenti les
    informations selon lesquelles ...", "опроверг сообщения СМИ о том, что ..."; or None. The claim runs from its
    noun (`earlier_claims`, with the party named before it) through the words that open what it says
    (`content_openers`) to the next comma or the sentence's end; the sentence denies it (`denial`,
    `claim_predicates`) outside those words. The claim is a record of its own; the sentence, the answer's."""
    lex = lexicon(language)
    if lex.content_openers is None:
        return None
    for noun in lex.earlier_claims.finditer(text):
        if lex.figure_nouns is not None and lex.figure_nouns.fullmatch(noun.group(0)):
            continue  # "a figure that the chief executive dismissed": a figure is no claim a clause tells
        opener = _content_opener(text[noun.end():], lex)
        if opener is None or any(lex.cue.fullmatch(w.strip(",;:«»“”\"")) for w in opener.group(0).split()[:-1]):
            # (not "назвали публикацию ... «ложью» и заявили, что ...": the speaker's own verb opens that)
            continue
        start = _claim_start(text, noun.start(), lex)
        said = noun.end() + opener.end()
        cuts = [said + m.start() for m in re.finditer(r",\s", text[said:])
                if not _in_quote(text[:said + m.start()]) and len(text[said:said + m.start()].split()) >= 3]
        end = cuts[0] if cuts else _before_predicate(text, said, lex)
        claim = text[start:end].rstrip(" .")
        if len(text[said:end].split()) < 3 or _in_quote(text[:start]) or not _answers(text, start, end, lex):
            continue
        return claim, text
    return None


def _content_opener(after_noun: str, lex) -> re.Match | None:
    """The words right after a claim's noun up to those that open what it says (`content_openers`), the party's
    name among them as group 1 ("by the campaign group Friends of the Leadon", "des syndicats"), or None."""
    return re.match(rf"((?:\s+[^\s,.;:!?]+){{0,{OWNER_WORDS}}}?)(?:{lex.content_openers.pattern})", after_noun,
                    re.IGNORECASE)


def _before_predicate(text: str, said: int, lex) -> int:
    """Where a claim that runs to no comma ends: before the denial that is its predicate and the auxiliaries
    before that ("Claims that 30 swimmers fell ill | have been denied", "Les rumeurs selon lesquelles ... | ont
    par ailleurs été démenties"), else at the sentence's end."""
    denial = lex.denial.search(text, said)
    if denial is None:
        return len(text)
    end = denial.start()
    for m in reversed(list(re.finditer(r"\S+", text[said:denial.start()]))):
        if m.group(0).lower() not in lex.auxiliaries | lex.passive_auxiliaries:
            break
        end = said + m.start()
    return end


def _answers(text: str, start: int, end: int, lex) -> bool:
    """Does the sentence deny the claim it tells from `start` to `end`: a denial right before it, its object
    ("dismissed union claims that", "wies Berichte zurück, wonach"), or one after it, its predicate ("...,
    werden dementiert", "... sont fausses")? ("rejected the accusation, saying in a statement that ...": the
    statement is the denier's own.)"""
    before = [m for m in lex.denial.finditer(text[:start])]
    if before and not re.search(r"[,.;:]", text[before[-1].end():start]) \
            and len(text[before[-1].end():start].split()) <= ANSWER_GAP:
        return True
    # (its predicate: only auxiliaries or a few lower-case words before it, no one named; "a figure that the
    # carrier's chief executive, Mr Willie Walsh, dismissed" is a relative clause about the figure)
    said_no = [m for m in (lex.denial.search(text, end),
                           lex.claim_predicates.search(text, end) if lex.claim_predicates is not None else None) if m]
    if not said_no:
        return False
    between = re.findall(r"[^\W\d_][\w'’-]*", text[end:min(m.start() for m in said_no)])
    return len(between) <= ANSWER_GAP and (lex.capitalised_nouns or not any(w[:1].isupper() for w in between))


def _claim_start(text: str, at: int, lex) -> int:
    """Where the noun phrase of a claim's noun at `at` begins: its determiner and the party named before it
    ("the union's claims", "union claims", "Russian media reports"), never a verb or a cue."""
    start = at
    for m in reversed(list(re.finditer(r"\S+", text[:at]))[-NOUN_BEFORE:]):
        word = m.group(0)
        bare = word.lower().strip("«»“”„\"")
        if word[-1:] in ",;:." or lex.cue.fullmatch(bare) or bare in lex.auxiliaries \
                or bare in lex.prepositions or bare in lex.conjunctions:
            break
        party = not lex.capitalised_nouns and (word.endswith(("'s", "’s")) or word[:1].isupper()
                                               or bool(lex.speakers.match(bare)))
        if not (bare in lex.determiners or party):
            break
        start = m.start()
    return start


def embedded_speaker(clause: str, language: str | None) -> tuple[str, str] | None:
    """(source, cue) of a claim named by its noun and what it says (`_embedded`): the party named between the
    noun and what it says ("claims by the campaign group Friends of the Leadon that": "the campaign group ...";
    "les affirmations de la Coordination paysanne selon lesquelles"; "утверждения депутата Игоря Лазарева,
    будто"), else the one named before it ("the union's claims": "the union"), else the noun phrase ("union
    claims", "Berichte", "reports"); its cue the noun. None for any other clause."""
    lex = lexicon(language)
    if lex.content_openers is None:
        return None
    noun = lex.earlier_claims.search(clause)
    if noun is None or noun.start() > len(" ".join(clause[:noun.start()].split()[:NOUN_BEFORE])) + 1:
        return None
    opener = _content_opener(clause[noun.end():], lex)
    if opener is None:
        return None
    between = opener.group(1).split()
    while between and between[-1].lower() in lex.trailing:  # "Berichte zurück, wonach"
        between = between[:-1]
    if between and between[0].lower() in lex.genitive | lex.passive_agent:  # "claims by", "les affirmations de"
        between = between[1:]
    while len(between) > 1 and between[0].lower() in lex.determiners:
        between = between[1:]
    if between:
        return " ".join(between), noun.group(0)
    before = clause[:noun.start()].split()
    ending = next((e for e in lex.possessive_endings if before and before[-1].endswith(e)), None)
    if ending:  # "the union's claims", "activists' claims": the party, without its possessive ending
        cut = len(ending) - re.search(r"['’]", ending).start()  # type: ignore[union-attr]
        return " ".join([*before[:-1], before[-1][:-cut]]), noun.group(0)
    words = [*before, noun.group(0)]
    while len(words) > 1 and words[0].lower() in lex.determiners:
        words = words[1:]
    return " ".join(words), noun.group(0)


_FIGURE = re.compile(r"[^\w\s]?\d")  # a figure's first digit, maybe after its currency sign ("£45 million")


def _after_semicolon(text: str, language: str | None) -> tuple[str, str] | None:
    """The two clauses of a sentence whose second clause, after a semicolon, is another party's figure or denial
    ("Westwind expects ... 350,000 passengers; the port authority puts the figure at 190,000"), or None."""
    lex = lexicon(language)
    for m in re.finditer(r";\s", text):
        if _in_quote(text[:m.start()]):
            continue
        first, second = text[:m.start()], text[m.end():]
        theirs, ours = parse_attribution(second, language), parse_attribution(first, language)
        if theirs and theirs[0].lower() not in lex.pronouns and not (ours and same_source(ours[0], theirs[0])) \
                and extract_numbers(first, language) \
                and (extract_numbers(second, language) or lex.denial.search(second)):
            return first, second
    return None


def _range_cuts(text: str, lex) -> list[int]:
    """Where a word of a range (`ranges`) opens its last figure, maybe after an article: "to 40%", "y el 85%",
    "all'80%", "до 90%"; the space before it."""
    cuts = []
    for m in re.finditer(r"\s(\w+)['’]?", text):
        if m.group(1).lower() not in lex.ranges:
            continue
        rest = text[m.end():].lstrip()
        article = rest.split(None, 1)
        if _FIGURE.match(rest) or len(article) > 1 and article[0].lower() in lex.determiners \
                and _FIGURE.match(article[1]):
            cuts.append(m.start())
    return cuts


def _in_quote(before: str) -> bool:
    """Does `before` leave a quote open?"""
    return before.count("“") > before.count("”") or before.count("«") > before.count("»") \
        or before.count("„") > before.count("“") or before.count('"') % 2 == 1


def _enumerated(text: str, cuts: list[int], language: str | None) -> tuple[str, ...] | None:
    """The clauses of a sentence that sets sources' figures side by side, each with its marker ("480 000
    manifestants selon la police, 1,2 million selon les syndicats, 800 000 selon le cabinet Occurrence"), or
    None."""
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
            offset = cut + 1 + len(text[cut + 1:]) - len(second)
            rest = _enumerated(second, [c - offset for c in cuts if c > cut], language)
            return (first, *rest) if rest and len(rest) < SLOTS else (first, second)
    return None


def _elided(text: str, cuts: list[int], language: str | None) -> tuple[str, ...] | None:
    """The clauses of a sentence that says its verb once and then lists other parties' figures ("Sanitäter
    sprechen von 60 Verletzten, das Rote Kreuz von 75"; "habla de 250 muertos, la Cruz Roja de 1.200 y los
    ayuntamientos de la zona de más de 2.000"; "МВД насчитало 12 тысяч, организаторы — 40 тысяч"; "dista de
    las 266 confirmadas por X, las 305 del Y, y las 448 de la Z"), or None. The first clause gives a figure
    (and names its speaker, unless every item names its own party after its figure); each item after it is
    a party and a figure (`elided_speaker`)."""
    if not cuts:
        return None
    first = text[:cuts[0]]
    if not extract_numbers(first, language):
        return None
    lex = lexicon(language)
    parts = [first]
    for start, end in zip(cuts, [*cuts[1:], len(text)], strict=True):
        item = text[start + 1:end].strip()
        if elided_speaker(first, item, language):
            parts.append(item)
            continue
        words = item.split()  # "la Cruz Roja de 1.200 y los ayuntamientos de ... 2.000": two items
        at = next((i for i in range(len(words) - 2, 0, -1) if words[i].lower() in lex.joins), None)
        if at is None:
            return None
        head, tail = " ".join(words[:at]), " ".join(words[at:])
        if not (elided_speaker(first, head, language) and elided_speaker(first, tail, language)):
            return None
        parts += [head, tail]
    ours = parse_attribution(first, language)
    named = [elided_speaker(first, p, language) for p in parts[1:]]
    if len(parts) > SLOTS or any(ours and same_source(ours[0], n[0]) for n in named if n):
        return None
    return tuple(parts)


def elided_speaker(first: str, item: str, language: str | None) -> tuple[str, str] | None:
    """(party, cue) of an item that lists another party's figure after a sentence's `first` clause, or None
    where `item` is no such item. Either the party, then the first figure's preposition or a dash, then the
    figure, the cue the first clause's ("la Cruz Roja de 1.200" after "El comité ... habla de 250 muertos":
    "la Cruz Roja", "habla"); or the figure, then the party after a genitive or an agent's preposition, the
    cue the word that joins them ("las 305 del Centro Nicaragüense ...": "Centro Nicaragüense ...",
    "del")."""
    mine = extract_numbers(item, language)
    figures = extract_numbers(first, language)
    if not figures or not mine:
        return None
    lex = lexicon(language)
    at = item.find(mine[0].text)
    before, after = item[:at].split(), item[at + len(mine[0].text):].split()
    if before and before[0].lower() in lex.joins:
        before = before[1:]
    owned = _owner_after(before, after, lex)
    if owned is not None:
        return owned
    ours = parse_attribution(first, language)
    if ours is None or len(after) > 3 or not before:
        return None
    words = first[:first.find(figures[0].text)].split()
    link = words[-1].lower() if words and words[-1].lower() in lex.prepositions | lex.genitive else None
    if before[-1] in "—–-":  # "организаторы — 40 тысяч"
        party = before[:-1]
    elif link is not None:  # "la Cruz Roja de 1.200", "los ayuntamientos de la zona de más de 2.000"
        # (at most two words, "más de", "rund", between the preposition and the figure)
        joined = next((i for i in range(max(len(before) - 3, 1), len(before)) if before[i].lower() == link), None)
        party = before[:joined] if joined is not None else []
    else:  # "Die Polizei zählte 8.000 Teilnehmer, die Veranstalter 25.000"
        party = before
    name = " ".join(party)
    if not party or len(party) > 7 or any(c.isdigit() for c in name) or name.lower() in lex.pronouns \
            or lex.determiners and not (party[0].lower() in lex.determiners or _capital(party[0])) \
            or not is_speaker(name, lex):
        return None
    return name, ours[1]


def _owner_after(before: list[str], after: list[str], lex) -> tuple[str, str] | None:
    """(party, joining word) of an item whose figure comes first and its party after it: "las 305 del Centro
    Nicaragüense de Derechos Humanos (Cenidh)", "les 40 000 de la CGT", "the 74 given by the inquiry": at most
    an article before the figure, at most one word (what it counts, a participle) before the genitive or the
    agent's preposition."""
    if len(before) > 1 or before and before[0].lower() not in lex.determiners:
        return None
    link = next((i for i, w in enumerate(after[:2]) if w.lower() in lex.genitive | lex.passive_agent), None)
    if link is None:
        return None
    party = re.sub(r"\s*\([^()]*\)?\s*$|[.;]$", "", " ".join(after[link + 1:])).strip()
    words = party.split()
    if not words or len(words) > 9 or any(c.isdigit() for c in party) or not is_speaker(party, lex) \
            or not any(_capital(w) for w in words):
        return None
    return party, after[link].lower()


def _denied_after(text: str, cuts: list[int], language: str | None) -> tuple[str, str] | None:
    """The two clauses of a sentence whose last clause is another party's denial of what comes before it, after
    a comma and a relative about that whole clause (`answer_openers`): "han responsabilizado al Gobierno de
    ..., lo que Ortega ha negado", "..., which the ministry denied"; or None."""
    lex = lexicon(language)
    if lex.answer_openers is None:
        return None
    for cut in cuts[-1:]:
        first, second = text[:cut], text[cut + 1:].strip()
        opened = lex.answer_openers.match(second)
        if not opened or not lex.denial.search(second):
            continue
        said = first.split()[-1:]
        if said and lex.cue.fullmatch(said[0].strip(",")):
            continue  # "зазначив, що дані ... є перебільшеними": "що" opens what was said, no answer
        theirs = parse_attribution(second[opened.end():].strip(), language)
        ours = parse_attribution(first, language)
        if theirs and theirs[0].lower() not in lex.pronouns and not (ours and same_source(ours[0], theirs[0])) \
                and (lex.cue.fullmatch(theirs[1]) or lex.denial.search(theirs[1])
                     or lex.naming is not None and lex.naming.fullmatch(theirs[1])):  # "which X described as "false""
            return first, second
    return None


def _listed(text: str, cuts: list[int], language: str | None) -> tuple[str, ...] | None:
    """The clauses of a sentence that lists parties' claims one after another, each with its own speaker, cue
    and figure ("В МЧС настаивают, что ... погиб 171 человек, Следственный комитет сообщает о 164 погибших, в
    Минздраве сказали, что жертв 165"; "Das Innenministerium sprach von 171 Toten, das Gesundheitsministerium
    meldete 164"), or None. A piece that names no other speaker, or comes before its group has a figure,
    goes on its group; a group with no figure of its own goes on the one before it."""
    pronouns = lexicon(language).pronouns
    groups: list[list[str]] = []
    sources: list[str] = []

    def counts(group: list[str], source: str) -> bool:  # a figure of its own ("citing two people ...": none)
        text = ",".join(group)
        return bool(extract_numbers(text.replace(source, " ") if source else text, language))

    for start, end in zip([-1, *cuts], [*cuts, len(text)], strict=True):
        piece = text[start + 1:end]
        theirs = parse_attribution(piece.strip(), language)
        new = theirs is not None and groups and theirs[0].lower() not in pronouns \
            and not same_source(theirs[0], sources[-1]) and counts(groups[-1], sources[-1])
        if not groups or new:
            groups.append([piece])
            sources.append(theirs[0] if theirs else "")
        else:
            groups[-1].append(piece)
    merged: list[str] = []
    for group, source in zip(groups, sources, strict=True):
        if merged and not counts(group, source):
            merged[-1] += "," + ",".join(group)
        else:
            merged.append(",".join(group))
    if not 2 <= len(merged) <= SLOTS or not sources[0]:
        return None
    return tuple(m.strip() for m in merged)


def _capital(word: str) -> bool:
    return _unelided(word.lstrip("«\"“„"))[:1].isupper()  # "l'Observatoire" too


def _versus(text: str, cuts: list[int], language: str | None) -> tuple[str, str] | None:
    """The two clauses of a sentence that sets another party's figure against the first after a comma and a
    word such as "contre" (`versus`): "La préfecture a compté 9 500 manifestants, contre 60 000 selon
    l'intersyndicale", "..., ao contrário dos 15 mil anunciados pelos organizadores"; or None."""
    lex = lexicon(language)
    if lex.versus is None:
        return None
    for cut in cuts:
        first, second = text[:cut], text[cut + 1:].strip()
        opened = lex.versus.match(second)
        if not opened or not extract_numbers(first, language) or not extract_numbers(second, language):
            continue
        theirs = parse_attribution(second[opened.end():].strip(), language)
        ours = parse_attribution(first, language)
        if theirs and theirs[0].lower() not in lex.pronouns and not (ours and same_source(ours[0], theirs[0])):
            return first, second
    return None


def clause_sentences(sentences: dict[int, Sentence], language: str | None
                     ) -> tuple[dict[int, Sentence], dict[int, list[int]]]:
    """The article's sentences re-keyed so that a split sentence's clauses are sentences of their own: sentence
    `i` is `SLOTS * i` (its first clause, where it splits), its next clauses `SLOTS * i + 1`, ...; and, for each
    sentence id, the keys of its records."""
    keyed: dict[int, Sentence] = {}
    keys: dict[int, list[int]] = {}
    for sid, s in sentences.items():
        parts = (None if s.boilerplate else split(s.text, language)) or (s.text,)
        if _retold(parts, sid, sentences, language):
            parts = (s.text,)
        keys[sid] = [SLOTS * sid + i for i in range(len(parts))]
        for key, part in zip(keys[sid], parts, strict=True):
            keyed[key] = dataclasses.replace(s, id=key, text=part)
    return keyed, keys


def _retold(parts: tuple[str, ...], sid: int, sentences: dict[int, Sentence], language: str | None) -> bool:
    """Is `parts` a claim its sentence's named party denies with no party named for the claim ("Министерство
    опровергает информацию о том, что ... погибло 780 человек") whose figure another sentence of the article
    gives? Then that sentence is the claim's record, and the denial answers it there. (A denial that names no
    one, "Berichte, wonach ..., werden dementiert", is no record that can deny: the claim keeps its own.)"""
    if len(parts) != 2 or parts[1] != sentences[sid].text or parts[0] not in parts[1] \
            or parse_attribution(parts[1].replace(parts[0], "", 1), language) is None:
        return False
    named = embedded_speaker(parts[0], language)
    noun = lexicon(language).earlier_claims.search(parts[0])
    if named is None or noun is None or named[0] != noun.group(0):
        return False
    values = {n.value for n in extract_numbers(parts[0], language)}
    return any(values & {n.value for n in extract_numbers(other.text, language)}
               for i, other in sentences.items() if i != sid and not other.boilerplate)


def without_contrast(clause: str, language: str | None) -> str:
    """A clause without the word of contrast that opens it ("while the Committee of Doctors said ...", "contre
    60 000 selon l'intersyndicale", "y los ayuntamientos ...", "lo que Ortega ha negado")."""
    lex = lexicon(language)
    contrast = lex.contrast.match(clause) if lex.contrast is not None else None
    contrast = contrast or (lex.versus.match(clause) if lex.versus is not None else None)
    contrast = contrast or (lex.answer_openers.match(clause) if lex.answer_openers is not None else None)
    if contrast is None and clause.split()[:1] and clause.split()[0].lower() in lex.joins | lex.ranges:
        return clause.split(None, 1)[1] if len(clause.split()) > 1 else clause
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
    """`figures` (`contests.figures_of` on the clauses), with what a later clause's bare figure counts where
    only its whole sentence says ("..., 1,2 million selon les syndicats": the marchers), else where the other
    clauses of its sentence all count one thing (the items of a list)."""
    for claim in claims:
        # (a thing only the clause's own words name, `UNNAMED`, gives way to what its sentence counts)
        if claim.sid % SLOTS and all(name.startswith(UNNAMED) for name in figures[claim.pos]):
            unnamed = figures[claim.pos]
            values = {n.value for n in extract_numbers(clauses[claim.sid].text, language)}
            whole = quantities(sentences[sentence_of(claim.sid)].text, lexicon(language), language)
            figures[claim.pos] = {name: set(counted) & values for name, counted in whole.items()
                                  if set(counted) & values}
            people = figures[claim.pos].pop("people", set())  # "... 5 тисяч людей, тоді як ... про 20 тисяч": the
            # people the article counts, as its other figures of people do (`figures_of`)
            kind = next((k for k in ("participants", "on_board") if any(k in f for f in figures.values())), None)
            if people and kind:
                figures[claim.pos].setdefault(kind, set()).update(people)
            siblings = {name for c in claims if c is not claim and sentence_of(c.sid) == sentence_of(claim.sid)
                        for name in figures[c.pos]}
            if values and all(name.startswith(UNNAMED) for name in figures[claim.pos]) and len(siblings) == 1:
                # "..., las 305 del Centro Nicaragüense ...": an item of a list counts what the others count
                # (what only the first item's words name too: "osciló entre el 18% según la empresa y el 85% ...")
                figures[claim.pos] = {next(iter(siblings)): values}
            elif all(name.startswith(UNNAMED) for name in figures[claim.pos]):
                figures[claim.pos] = unnamed
    for claim in claims:  # the answer to a claim it names (`_embedded`) gives none of that claim's figures
        told = {v for c in claims if held(c, claim, clauses) for values in figures[c.pos].values() for v in values}
        if told:
            figures[claim.pos] = {name: values - told for name, values in figures[claim.pos].items() if values - told}
    return figures
