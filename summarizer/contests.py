"""Which records of one article contest each other, and which claims a verification note is about.

Decided by code from the article's words, whatever the model said (its `contests`
are one more signal, in `extract.to_events`):

- **Figures.** Two records of different sources (not one speaking for the other:
  "Carlotta Sami, portavoce dell’UNHCR,") that give different figures for
  the same quantity (the dead, the injured, the displaced, the missing, the
  detained: `quantities` in the language file) of one incident contest each
  other: both are disputed. One incident: no sentence between them opens
  another ("In a separate incident", `new_incident`), they do not give different
  times ("last week", "on Friday") or years ("In 2019, the agency recorded 41"),
  nor is one of an earlier occasion of the same kind ("at the previous
  protest, three weeks ago": `earlier_occasion`), and they are in the same or neighbouring
  paragraphs or do not name different places. A later figure
  of the same source for the same quantity is a revision, not a conflict
  (`revisions`: the earlier record is superseded by the later).
- **Denials.** A record whose sentence denies or rejects ("denied", "rejected the
  accusation", "wies zurück", "negó", "опроверг") answers a claim of another
  source: the claim it names back ("the accusation", "the claims", "the report")
  is the latest earlier one; a denial with its own words ("denied striking the
  market") answers the first claim of another source that shares a word with it
  (none: no link). A denial that answers a question ("Asked about the Red
  Crescent's figure", "Interrogée sur le chiffre des pompiers": `asked`)
  answers the claims of the party the question names.
  A denial that names them back with no word of their own ("dismissed the
  report", "rejected the claims") answers what that source said last: its
  claims right before, no other party's between; a plural ("the claims")
  answers that whole run. A denial that names a quantity ("rejected the
  figures of the dead", "опроверг данные о числе погибших") answers the claims
  that count it in the incident: all of them in the plural, the last in the
  singular ("disputed that toll"). A denial that names a party's figures or
  claims ("a démenti le bilan de la Monusco", "desmintió las cifras del
  sindicato") answers all that party's claims in the incident, those of the
  spokesperson a title names with it ("Marta Ibáñez, portavoz de
  Coordinadora") too; one that joins another with "also" ("информацию также
  опровергли") answers what that one answered. The claims are denied; each
  points at the denial and the denial at them.
- **Vague counts.** A party's count in words of an order of magnitude ("hundreds
  of workers", "Tausenden Teilnehmern", "тысячи горожан": `vague_counts`) spans
  from twice that order to under ten times it; a figure of another party for the
  same thing outside that span contests it ("only 40 employees", "600 человек").
  The same thing: the quantity the words count as a figure would, or in a story
  of a gathering, where they name none, the count of the claim right before or
  after. A figure within the span agrees.
- **Crowds judged small.** A party's record that judges a gathering small or a
  failure and gives no figure ("described the turnout as small", "назвали акцію
  нечисленною": `small_crowd`; "a greve foi um fracasso": `failure` with a word of
  the gathering) contests each other party's count of the crowd.
- **Verification notes.** A short sentence saying something could not be
  verified, with no figure of its own, is no record. It is about the claims
  before it, back to the paragraph before the last one or the previous note: the
  claims of the source it names ("Zelensky's statements could not be verified"),
  else all of them when it speaks of them in the plural ("The two accounts",
  "Die Angaben", "Ninguna de las dos versiones"), else what the last source
  said. A note inside a paragraph of claims is about that paragraph's claims.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from summarizer.attribution import claims_owner, parse_attribution, quoted_spans
from summarizer.language import Lexicon, constituents, is_back_attribution, is_verification, lexicon
from summarizer.names import ends_with_person, names_of, whens
from summarizer.numbers import extract_numbers
from summarizer.places import (
    areas_named,
    differ_in_a_place,
    figure_places_of,
    is_broken_down,
    opening_clause,
    opening_place,
    previous_sentence,
)
from summarizer.segment import SLOTS, Sentence
from summarizer.sources import acronyms, is_back_reference, mentions, refers_to, same_source

_WORDS = re.compile(r"\w+")
WINDOW = 8  # words before a figure that may say what it counts ("The death toll ... has risen to about 11,300")
NEAR = 8  # words right after a figure that say what it counts before any word before it
AFTER = 12  # words of its own clause after it ("41.156 Menschen in der Türkei ... getötet worden")
REPEATED = 2  # sentences back in which a party's denial, told again, finds its first telling
DENIAL_REACH = 4  # records back that "rejected the claims" reaches when no words tell which claims
SUBJECT_WORDS = 5  # words after "that" in which a claim names whom it is about ("que los tres acusados")
MIN_OVERLAP = 2  # words a denial and a claim share for the one to answer the other ("Lysiwka", "Kontrolle")
GIVES_BACK = 2  # words from a cue to the "this figure" that is its object ("hatte diese Zahl")
POINTED_BACK = 2  # records back in which "this figure" finds the figure it points to
TAKEN_UP_HEAD = 5  # words at a sentence's head where a figure given before is taken up ("Of the 28 killed")
TAKEN_UP_LEAST = 10  # the smallest such figure that says which: a 2 or a 3 may be any count
NEAR_PARAGRAPHS = 2  # figures this close are of one incident, whatever places they name
# what an outlet's own figure may dispute with a party's ("At least 73 died" against "63 dead, the agency said")
TOLLS = {"dead", "injured", "missing", "displaced", "detained", "participants", "on_board"}
ACTED = 3  # words before a figure of people where a verb says what happened to them ("mataron a 6 ...")
CROWDS = {"participants", "people"}  # quantities of people who gathered, that such a verb turns into its own
ACTS = {"dead", "injured", "detained", "missing", "rescued"}  # what such a verb says happened to them
CLAUSE_END = 3  # words at the end of a figure's clause where its verb may stand ("... getötet worden")
FAR = 25  # words of its clause before a figure after a preposition ("the toll from ... remained at 2,360")
SPEAKER_AFTER = 3  # words after "Another" that may name a speaker ("Another Pakistani official")
NOT_DATING = 6  # words before a year that may make it a comparison's or a deadline's ("frente a los 300 de 2023")
SUBGROUP_BEFORE = 3  # words before a figure's quantity word that may name a group within it ("minori ... arrivati")
SCALE_APART = 1000  # figures this many times apart are no two counts of one thing (a jibe, or another thing)
CROWD_AT_LEAST = 1000  # the least bare figure that is a crowd in a story of a gathering
BARE_AT_LEAST = 2  # the least figure with no word of its own that may count what the claim before it counts
ELLIPSIS_RATIO = 10  # and the most it may differ from that claim's figure, either way ("8 mil" and "40 mil")
SUBTOTAL = 5  # words before a figure that may make it part of a total ("Allein in der Hauptstadt seien neun")


@dataclass(frozen=True)
class Claim:
    """What the contest rules read of a record: its position, sentence, source and whether it is the outlet's."""

    pos: int
    sid: int
    source: str
    outlet: bool


def quantities(text: str, lex: Lexicon, language: str | None, parts: set[float] | None = None
               ) -> dict[str, set[float]]:
    """{quantity: values} of the figures in `text` that count a known quantity (its words near the figure);
    the figures that count part of a total ("dont 11 à Paris") go to `parts` where given."""
    counted, partial = _quantities(text, lex.code, language)
    if parts is not None:
        parts.update(partial)
    return {name: set(values) for name, values in counted.items()}


def _counts_noun(word: str, lex: Lexicon) -> bool:
    """Is the word one of a quantity's words (`quantities`: "dead", "Verletzte", "погибших")?"""
    return any(words.match(word) for _, words in lex.quantities)


_HYPHENED = re.compile(r"-[^\W\d_]")  # a figure joined to the word after it: one word with it, no count


@functools.lru_cache(maxsize=4096)  # a sentence is read for contests, revisions and parts
def _quantities(text: str, code: str, language: str | None) -> tuple[dict[str, frozenset[float]], frozenset[float]]:
    lex = lexicon(code)
    parts: set[float] = set()
    out: dict[str, set[float]] = {}
    bare: list[float] = []  # figures with no word of their own ("от 40 до 60")
    unnamed: dict[str, set[float]] = {}  # figures of things the language data has no word for
    figures = [(text.find(n.text), n.text, n.value, n.unit) for n in extract_numbers(text, language)]
    figures += number_words(text, lex)
    gaps = _gap_figures(text, [(at, value) for at, _, value, _ in figures], lex)
    for at, written, value, unit in figures:
        if at in gaps:
            continue  # "La diferencia entre ambas cifras, 90.000 personas": a difference, no count
        if at < 0 or value <= 0 or unit and lex.measures is not None and lex.measures.match(unit):
            continue  # "for three kilometres": a distance, whatever families are named near it
        if _HYPHENED.match(text, at + len(written)) and not (unit or "").isupper():
            continue  # "a 9-storey block", "12-річний хлопчик", "9-этажном доме": a figure that describes its noun
        if lex.measures_before is not None and (named := _WORDS.findall(text[:at])[-1:]) \
                and lex.measures_before.match(named[0]):
            continue  # "a magnitude 5.9 earthquake ..., killing eight": a magnitude, no count of the dead
        following = " ".join(_WORDS.findall(text[at + len(written):])[:6])
        own = re.split(r"[,.;:]", text[at + len(written):], maxsplit=1)[0].strip()  # its clause, after it
        percent = "%" in written or unit == "%"  # "58,2 % des voix", "10 percent of the votes": a share anyway
        if lex.increments_after is not None and lex.increments_after.match(own):
            parts.add(value)
            continue  # "perecieron cinco personas más", "five more bodies": added to a count, none of its own
        clause = re.split(r"[,;:]\s", text[:at])[-1]  # "including 5 children, and 40 injured": 40 is no part
        lead_in = " ".join(_WORDS.findall(clause)[-SUBTOTAL:])
        if lex.subtotals is not None and lex.subtotals.search(lead_in) \
                or lex.part_of is not None and (lex.part_of.search(following)  # "Among the dead were 30 children"
                                                or lex.part_of.search(lead_in)) \
                or lex.share_of is not None and lex.share_of.match(text[at + len(written):]) \
                or not percent and _share(text[at + len(written):], lex) \
                or _subgroup(following.split(), lex):
            parts.add(value)
            continue  # "dont huit dans la capitale", "30 children were among the dead", "двух погибших журналистах"
        before = _WORDS.findall(text[:at])[-WINDOW:]
        since_comma = _WORDS.findall(clause)
        if since_comma and unit and unit[:1].isalpha() and not unit.isupper() and not _counts_noun(unit, lex) \
                and unit.lower() not in lex.prepositions | lex.people | lex.not_units:
            # "погибли 172 человека, вода повредила около 200 социально значимых объектов": a figure with a noun
            # of its own, in a clause of its own, counts nothing a word before that clause names
            before = since_comma[-WINDOW:]
        after = []  # the figure's own clause: "killed 19 people and wounded 60" counts 19 killed
        # up to the next figure: "погибли не менее 5 человек, еще 8 пострадали" counts 5 dead, not 5 injured
        # ("the official death toll is just 48, relief groups claim hundreds are missing": where the figure's clause
        # names what it counts before it, a comma right after the figure closes it; not "raised its count to 27,
        # saying more bodies had been recovered")
        own_words = _WORDS.findall(clause)
        named_before = any(words.match(" ".join(own_words[j:])) for _, words in lex.quantities
                           for j in range(len(own_words)))
        # (or its noun and a comma: "Загинули троє людей, серед поранених двоє дітей" counts three dead)
        closing = re.match(r"(\s+[^\W\d_]+)?,\s", text[at + len(written):])
        closes = closing is not None and not (closing.group(1) and any(
            words.match(closing.group(1).strip()) for _, words in lex.quantities))
        rest = "" if named_before and closes else text[at + len(written):]
        # (up to the next figure: "le vittime sono oltre 4500 con 10.000 feriti" counts 4500 dead, not injured)
        for word in _WORDS.findall(re.split(r"[;.]\s|,\s+(?=\D{0,12}\d)|\s(?=\d)", rest)[0])[:AFTER]:
            if word.lower() in lex.conjunctions:
                break
            after.append(word)
        if unit and after[:1] != [unit]:  # "$263 billion": the unit the figure is written with
            after = [unit, *after]
        # what the words after the figure count, else the nearest before it, else the clause's verb
        nearest: tuple[tuple[int, int], str] | None = None  # (how near, the quantity)
        acted: tuple[int, str] | None = None  # the nearest other quantity named right before it
        for name, words in lex.quantities:
            # the words right after it first; further on in its clause only where none before says
            near = [(0 if i < NEAR else 2, i) for i in range(len(after)) if words.match(" ".join(after[i:]))]
            near += [(1, len(before) - j) for j in range(len(before)) if words.match(" ".join(before[j:]))]
            if near and (nearest is None or min(near) < nearest[0]):
                nearest = (min(near), name)
            close = [d for kind, d in near if kind == 1 and d <= ACTED or kind == 0 and 0 < d <= ACTED]
            if close and name in ACTS and (acted is None or min(close) < acted[0]):
                acted = (min(close), name)
        own_noun = unit is not None and unit[:1].isalpha() and not unit.isupper() \
            and unit.lower() not in lex.prepositions | lex.people  # (not a currency: "em R$ 1,6 bilhão")
        if nearest is not None and nearest[0][0] == 1 and own_noun and before \
                and before[-1].lower() in lex.among_things:
            nearest = None  # "killed ... at two mosques", "dans trois villages": the figure counts its own noun
        if nearest is not None and nearest[1] in CROWDS and nearest[0][0] == 0 and acted is not None:
            nearest = ((1, acted[0]), acted[1])  # "hanno ucciso 16 manifestanti", "ont blessé 14 manifestants":
            # the act counts the people it names, the dead and the injured, not a crowd (so does one after
            # them: "12 protesters were arrested")
        if nearest is None and (unit is None or unit.lower() in lex.prepositions | lex.people) and before \
                and before[-1].lower() in lex.prepositions:
            # "the official toll from the typhoon that ripped through ... on Nov. 8 remained at 2,360": what
            # stood at the figure is the clause's subject, further back than the window
            far = _WORDS.findall(clause)[-FAR:]
            for name, words in lex.quantities:
                if any(words.match(" ".join(far[j:])) for j in range(len(far))):
                    nearest = ((3, 0), name)
                    break
        if nearest is None:
            # "mindestens 25 Kämpfer seien bei dem Angriff der Armee ... getötet worden", "19 fighters ... had been
            # surrounded ... and killed": the verb that closes the figure's clause, where no word near it says
            # (up to the next figure: "two helicopters and 40 tonnes of food" names no verb of the two)
            own_clause = re.split(r"[,;:]\s|[.!?](?:\s|$)|\s(?=\d)", text[at + len(written):])[0]
            clause_words = [w.lower() for w in _WORDS.findall(own_clause)]
            joins = lex.conjunctions | lex.auxiliaries | lex.passive_auxiliaries
            # the verb of the figure's own subject: last where the language puts it there, else right after a
            # conjunction or an auxiliary ("... and killed"; not "41 villages were flooded and the storm killed")
            nearest = next((((4, 0), name) for name, words in lex.quantities
                            for j in range(max(1, len(clause_words) - CLAUSE_END), len(clause_words))
                            if words.match(" ".join(clause_words[j:]))
                            and (lex.verb_final or clause_words[j - 1] in joins)), None)
        if nearest is not None and nearest[0][0] == 1 and lex.subgroups is not None:
            word = len(before) - nearest[0][1]  # "i minori non accompagnati arrivati a marzo sono stati 402"
            if any(lex.subgroups.match(w) for w in before[max(0, word - SUBGROUP_BEFORE):word]):
                parts.add(value)
                continue
        counts = nearest[1] if nearest is not None else None
        if counts is None and _lost(before, after, lex):
            counts = "dead"  # "n'avoir perdu que 8 combattants", "4 de sus combatientes cayeron": a side's own dead
        if counts is None and any(w.lower() in lex.people for w in after[:3]):
            counts = "people"  # "1,4 milhão de pessoas na Paulista": a crowd, where the story has one
        if counts in CROWDS and percent:
            counts = "turnout"  # "18 % de grévistes": a share of those who could join, the rate of a strike
        if counts in MEASURED and percent:
            continue  # "310.000 toneladas ..., un 25% menos": a change, not a weight
        if counts in MEASURED and (thing := _measured_thing(text[at + len(written):], counts, lex)):
            counts = f"{counts}:{thing}"  # "2 млн тонн кукурудзи", "3,9 млн тонн зерна": two things weighed
        if counts is not None:
            out.setdefault(counts, set()).add(value)
        elif unit is None or unit.lower() in lex.prepositions:
            bare.append(value)
        if counts is None and (thing := _named_thing(text[:at], text[at + len(written):], unit, percent, lex)):
            unnamed.setdefault(thing, set()).add(value)
    if len(out) == 1 and bare:  # "погибли не 300 человек, ..., а от 40 до 60": the one quantity the sentence counts
        next(iter(out.values())).update(bare)
    if not out:  # no quantity of the language's: what the sentence's words name ("450.000 Asylbewerbern")
        out = unnamed
    for name in _zeros(text, lex):  # "killed 17 rebels but no civilians", "Kein Zivilist wurde verletzt"
        out.setdefault(name, set()).add(0.0)
    return {name: frozenset(values) for name, values in out.items()}, frozenset(parts)


ZERO_REACH = 4  # words after a word of none ("no", "kein") that may say what it counts


def _zeros(text: str, lex: Lexicon) -> list[str]:
    """What the sentence says none of were counted ("no civilians", "Kein Zivilist wurde verletzt", "aucune
    victime"): a known quantity named within a few words after the word of none, else the noun right after
    it (as `_named_thing` names a thing no quantity word names)."""
    out = []
    for m in lex.zero.finditer(text) if lex.zero is not None else ():
        words = _WORDS.findall(text[m.end():])[:ZERO_REACH]
        if not words or not words[0].isalpha():
            continue
        words = words[:next((k for k, w in enumerate(words) if not w.isalpha()  # not "no evidence of 12 deaths"
                             or w.lower() in lex.relatives | lex.complementizers), len(words))]  # nor "nessun
        # accordo che preveda licenziamenti"
        named = next((name for name, pattern in lex.quantities for k in range(len(words))
                      if pattern.match(" ".join(words[k:]))), None)
        noun = words[0].lower()
        closed = lex.determiners | lex.prepositions | lex.auxiliaries | lex.conjunctions | lex.not_units
        if named is None and len(noun) > 3 and noun not in closed and not lex.cue.fullmatch(noun):
            named = UNNAMED + noun[:STEM]
        if named is not None and (named in TOLLS or named.startswith(UNNAMED)):
            out.append(named)  # (a toll's none, not "ni un solo despido": a refusal, no count of jobs)
    return out


VICTIM_REACH = 3  # words after a figure within which its noun says whom a toll counts ("4 de sus combatientes")
LOSS_REACH = 3  # words before a figure, or after its noun, within which a verb of losing tells a side's dead


def _group(words: list[str], lex: Lexicon) -> str | None:
    """The group of people (`victims`: "combatants", "forces", "civilians", "people") the first of `words`
    that names one names, else None."""
    for w in words:
        found = next((name for name, pattern in lex.victims if pattern.match(w)), None)
        if found is not None:
            return found
    return None


def _lost(before: list[str], after: list[str], lex: Lexicon) -> bool:
    """Does a verb of losing (`losses`) tell the figure between `before` and `after` as a side's own dead:
    right before it ("perso soltanto 30 uomini") or right after its noun ("4 de sus combatientes cayeron"),
    the figure counting people (`victims`), not jobs?"""
    if lex.losses is None or _group(after[:VICTIM_REACH], lex) is None:
        return False
    return any(lex.losses.fullmatch(w) for w in before[-LOSS_REACH:] + after[:VICTIM_REACH + 1])


def victims_of(text: str, lex: Lexicon, language: str | None) -> dict[float, str]:
    """{figure value: the group of people it counts}, where the noun right after it names one ("40
    assaillants": combatants, "6 soldats": forces, "3 civils": civilians; "no civilians": 0, civilians); men
    of no side said ("30 uomini", "10 человек") are of none, and so are those said to be among the dead ("entre
    los muertos había al menos cuatro civiles": who the dead were, disputed)."""
    out: dict[float, str] = {}
    figures = [(text.find(n.text), n.text, n.value) for n in extract_numbers(text, language)]
    figures += [(at, written, value) for at, written, value, _ in number_words(text, lex)]
    for at, written, value in figures:
        if at < 0 or lex.part_of is not None and lex.part_of.search(text, 0, at):
            continue  # "entre los muertos había al menos cuatro civiles": the same dead, said to be others
        group = _group(_WORDS.findall(text[at + len(written):])[:VICTIM_REACH], lex)
        if group is not None and group != "people":
            out[value] = group
    for m in lex.zero.finditer(text) if lex.zero is not None else ():
        group = _group(_WORDS.findall(text[m.end():])[:1], lex)
        if group is not None and group != "people":
            out[0.0] = group
    return out


def _other_victims(a: AbstractSet[float], b: AbstractSet[float], victims_a: Mapping[float, str],
                   victims_b: Mapping[float, str]) -> bool:
    """Do two tolls count different groups of people ("6 soldats" against "40 assaillants"): every figure of
    each names its group, and no group is in both, nor in a count of none either gives ("killed 17 rebels and
    no civilians" against "43 civilians")?"""
    groups_a, groups_b = [victims_a.get(v) for v in a], [victims_b.get(v) for v in b]
    if not groups_a or not groups_b or None in groups_a or None in groups_b:
        return False
    return not ({*groups_a, victims_a.get(0.0)} & {*groups_b, victims_b.get(0.0)}) - {None}


def _armed_share(a: AbstractSet[float], b: AbstractSet[float], victims_a: Mapping[float, str],
                 victims_b: Mapping[float, str]) -> bool:
    """Is one toll the armed men a party says it killed, fewer than the other's toll of people it names no group
    of ("17 fighters were killed" against "killed 28 people")? They may be among them: no conflict (more
    fighters than the dead of all kinds would be one)."""
    for (x, vx), (y, vy) in (((a, victims_a), (b, victims_b)), ((b, victims_b), (a, victims_a))):
        if x and y and all(vx.get(v) in ARMED for v in x) and not any(vy.get(v) for v in y) and max(x) < min(y):
            return True
    return False


ARMED = {"combatants", "forces"}  # `victims` groups of armed men
MEASURED = {"tonnes", "litres", "hectares", "kilograms"}  # quantities that weigh or measure some thing


def _measured_thing(following: str, counts: str, lex: Lexicon) -> str | None:
    """What a measure counts, named right after its unit in `following` (the text after the figure: "tonnes of
    maize", "тонн кукурудзи", "Tonnen Mais"), by its first letters; None where no noun follows ("40 млн тонн.",
    "455 million tonnes showed by the firm"): the measure alone."""
    unit = dict(lex.quantities)[counts].search(following)
    if unit is None or re.search(r"[,;:.!?]", following[:unit.start()]):
        return None
    after_unit = re.sub(r"^\w*", "", following[unit.end():])  # past the rest of the unit's own word
    words = re.findall(r"[^\W\d_]+|\d\S*", re.split(r"[,;:.!?]", after_unit, maxsplit=1)[0])[:2]
    of = {g.rstrip("'’").lower() for g in lex.genitive}
    if words and words[0].lower() in of:
        words = words[1:]  # "tonnes of maize", "tonnes d'acier"
    elif lex.genitive and not (lex.capitalised_nouns and words[:1] and words[0][:1].isupper()):
        return None  # a language with a word for "of" writes it ("tonnes showed by the firm": no thing)
    closed = lex.determiners | lex.prepositions | lex.conjunctions | lex.relatives | lex.complementizers \
        | lex.auxiliaries | lex.not_units | lex.pronouns
    thing = words[0] if words else ""
    if len(thing) <= 3 or not thing.isalpha() or thing.lower() in closed or lex.cue.fullmatch(thing):
        return None
    return thing.lower()[:STEM]


UNNAMED = "~"  # opens the name of a thing a figure counts that the language data has no word for
STEM = 5  # letters of a word that name the thing a figure counts where the language data has no word for it
THING_BEFORE = 4  # words before a share or an amount among which the thing it measures is named


def _named_thing(before: str, after: str, unit: str | None, percent: bool, lex: Lexicon) -> str | None:
    """What a figure of no known quantity counts, as a name two sentences can share: the noun written after it
    ("900.000 Asylbewerbern", "12 миллионов записей"), or for a share or an amount the last word before it
    that is no article, preposition, auxiliary or figure ("the budget deficit in 2019 was 4.4 percent", "o
    desmatamento na região cresceu 68%"), cut to its first letters; None where there is none."""
    closed = lex.determiners | lex.prepositions | lex.auxiliaries | lex.conjunctions | lex.relatives \
        | lex.complementizers | lex.not_units | lex.pronouns | lex.genitive | lex.people
    if unit and not percent and unit.isalpha() and len(unit) > 3 and unit.lower() not in closed \
            and not unit.isupper() and not (lex.measures is not None and lex.measures.match(unit)) \
            and not (lex.capitalised_nouns and not re.match(rf"\s*{re.escape(unit.capitalize())}\b", after)) \
            and not lex.cue.fullmatch(unit):
        # (not "30.000 gemeldet", "212 cited": a verb)
        return UNNAMED + unit.lower()[:STEM]
    if not (percent or unit and unit.isupper()):
        return None  # a bare figure: the sentence's one quantity, if it has one
    words = [w for w in _WORDS.findall(re.split(r"[,;:]\s", before)[-1]) if not w.isdigit()][-THING_BEFORE:]
    named = next((w for w in reversed(words) if w.isalpha() and len(w) > 3 and w.lower() not in closed), None)
    return f"{UNNAMED}{'%' if percent else unit}{named.lower()[:STEM]}" if named else None


GAP_AFTER, GAP_BEFORE = 9, 6  # words from a gap word within which its figure stands, after it or before it


def _gap_figures(text: str, starts: list[tuple[int, float]], lex: Lexicon) -> set[int]:
    """Where the figures that are a gap between two counts start (`starts`: where each figure of `text` does, and
    its value; "the two estimates" is none): for each word of the language's `gaps`, the first figure after it in
    its sentence ("That gap of 90,000", "Разница между данными МЧС и больницы составила 5"), else the last before
    it ("14.500 Menschen: Um diese Zahl unterscheiden sich", "um höchstens 2.000 Teilnehmer unterschieden")."""
    if lex.gaps is None:
        return set()
    marked: set[int] = set()
    counted = [at for at, value in starts if value > 2]
    for gap in lex.gaps.finditer(text):
        after = [at for at in counted if at > gap.start() and not re.search(r"[.;!?]\s", text[gap.end():at])
                 and len(_WORDS.findall(text[gap.end():at])) <= GAP_AFTER]
        before = [at for at in counted if at < gap.start() and not re.search(r"[.;!?]\s", text[at:gap.start()])
                  and len(_WORDS.findall(text[at:gap.start()])) <= GAP_BEFORE + 1]
        if len(after) > 1 and any(w.lower() in lex.joins for w in _WORDS.findall(text[after[0]:after[1]])):
            continue  # "the difference between the police's 9,000 and the organisers' 24,000": the two counts
        if after:
            marked.add(min(after))
        elif before:
            marked.add(max(before))
    return marked


def figures_of(claims: list[Claim], sentences: dict[int, Sentence], language: str | None
               ) -> dict[int, dict[str, set[float]]]:
    """{record position: its sentence's `quantities`}: read once, for contests and for revisions."""
    lex = lexicon(language)
    out = {c.pos: quantities(sentences[c.sid].text, lex, language) for c in claims}
    crowd = _crowd_story(claims, sentences, out, lex)
    aboard = any("on_board" in found for found in out.values())  # "36 Passagiere an Bord": a vehicle's people
    for found in out.values():  # people counted with nothing said of them: a crowd in a story of one, else
        people = found.pop("people", set())  # the people on board in a story that counts them
        if people and (crowd or aboard):
            found.setdefault("participants" if crowd else "on_board", set()).update(people)
    for c in claims if crowd else ():  # "¿Pero cuántos miles? Según la Delegación del Gobierno, 45.000.": in a
        # story of a gathering, a party's bare figure of thousands is its count of the crowd
        if not c.outlet and not any(not name.startswith(UNNAMED) for name in out[c.pos]):
            bare = _bare(sentences[c.sid].text, language)
            if bare:
                out[c.pos] = {"participants": bare}
    for i, c in enumerate(claims):  # "cifra la producción en apenas 240.000 toneladas": the weight of the thing
        # an earlier claim weighed ("310.000 toneladas de aceite de oliva"), where one did
        for measured in [name for name in out[c.pos] if name in MEASURED]:
            things = {name for b in claims[:i] for name in out[b.pos] if name.startswith(measured + ":")}
            if len(things) == 1:
                out[c.pos][next(iter(things))] = out[c.pos].pop(measured)
    for i, c in enumerate(claims):  # "korrigierte es die Zahl am Abend auf 25.000", "elevó después la cifra a 9"
        text = sentences[c.sid].text
        values = {n.value for n in extract_numbers(text, language)}
        if values and not any(not name.startswith(UNNAMED) for name in out[c.pos]):
            # "»Wir ... kamen auf höchstens 9.500.", "a list of 212 names": a value an earlier claim gave for one
            # known quantity, told again with no word of it, counts that quantity
            again = next((name for b in reversed(claims[:i]) for name, given in out[b.pos].items()
                          if not name.startswith(UNNAMED) and values & given and values & given >= {
                              v for v in values if v > 12}), None)
            if again is not None:
                out[c.pos] = {again: values & {v for b in claims[:i] for v in out[b.pos].get(again, ())}}
                continue
            before = claims[i - 1] if i else None
            counted = next(iter(out[before.pos].values())) if before is not None and len(out[before.pos]) == 1 \
                else set()
            if not out[c.pos] and before is not None and not c.outlet and not before.outlet \
                    and _elliptic(text, lex, language) and not same_source(before.source, c.source) \
                    and len(counted) == 1 and not years_of(text, language) and min(values) >= BARE_AT_LEAST \
                    and 1 / ELLIPSIS_RATIO <= min(values) / min(counted) <= ELLIPSIS_RATIO:
                # "O sindicato APP fala em 40 mil, cinco vezes mais." right after "A Secretaria ... estimou em 8 mil
                # o número de manifestantes": another party's figure of the same count, with no word of its own
                out[c.pos] = {next(iter(out[before.pos])): values}
                continue
            if not out[c.pos] and before is not None and not c.outlet and not before.outlet \
                    and not same_source(before.source, c.source) and set(out[before.pos]) <= {ANSWERED} \
                    and _answer(text, lex, language) and _answer(sentences[before.sid].text, lex, language) \
                    and not years_of(text, language) and not years_of(sentences[before.sid].text, language):
                # "Quanti sono i minori? Secondo l'ong, 47. Per la Prefettura, 31.": parties that answer one
                # after the other with a bare figure each count the same thing, whatever it is
                given = {n.value for n in extract_numbers(sentences[before.sid].text, language)}
                if min(values) >= BARE_AT_LEAST and min(given) >= BARE_AT_LEAST \
                        and 1 / ELLIPSIS_RATIO <= min(values) / min(given) <= ELLIPSIS_RATIO:
                    out[before.pos] = {ANSWERED: set(given)}
                    out[c.pos] = {ANSWERED: set(values)}
                    continue
        if any(not name.startswith(UNNAMED) for name in out[c.pos]) or not values or lex.figure_nouns is None \
                or not lex.figure_nouns.search(text):
            continue  # (a thing its own words name gives way to what "the figure" counted before)
        # the figure named by its noun counts what the same source counted before, else what an earlier figure
        # of the same value counts, else what the figure right before it counts ("..., even though a committee
        # ... put the figure at 30")
        earlier = [b for b in reversed(claims[:i]) if len(out[b.pos]) == 1]
        # (the noun in the figure's clause before it: "put the figure at 30", "Kadyrov's estimate was far below
        # the more than 500"; not "le décompte de la Croix-Rouge, 1 200")
        named = any(re.search(rf"{re.escape(m.group(0))}\s+(?:[^\s,;:]+\s+){{0,7}}{re.escape(n.text)}", text)
                    for m in lex.figure_nouns.finditer(text) if _determined_noun(text[:m.start()], lex)
                    for n in extract_numbers(text, language))
        like = next((b for b in earlier if not b.outlet and same_source(b.source, c.source)), None) or next(
            (b for b in earlier if any(values & v for v in out[b.pos].values())), None) or (next(
                (b for b in reversed(claims[:i]) if out[b.pos]), None) if named else None)
        if like is not None and len(out[like.pos]) != 1:
            like = None
        if like is not None:
            out[c.pos] = {next(iter(out[like.pos])): values}
    for i, c in enumerate(claims):  # "Die «Washington Post» hatte diese Zahl ... genannt": the figure it points to
        text = sentences[c.sid].text
        if c.outlet or out[c.pos] or lex.figure_back is None or extract_numbers(text, language) \
                or _denies(text, lex) or not _gives_back(text, lex, language):
            continue
        pointed = next((b for b in reversed(claims[max(0, i - POINTED_BACK):i]) if out[b.pos]), None)
        if pointed is not None and len(out[pointed.pos]) == 1:
            out[c.pos] = {name: set(values) for name, values in out[pointed.pos].items()}
    return out


def _gives_back(text: str, lex: Lexicon, language: str | None) -> bool:
    """Is "this figure" the object of the sentence's cue, right after it ("hatte diese Zahl ... genannt", "reported
    that figure"; not "a justifié l'envoi de ses secouristes par ce chiffre")?"""
    parsed = parse_attribution(text, language)
    at = text.lower().find(parsed[1].lower()) if parsed else -1
    if at < 0 or lex.figure_back is None:
        return False
    back = lex.figure_back.search(text, at)
    return back is not None and len(text[at:back.start()].split()) <= GIVES_BACK


def _determined_noun(before: str, lex: Lexicon) -> bool:
    """Does the word before a noun make it one ("the figure", "la cifra", "Kadyrov's estimate"), not a verb
    ("officials estimate that")?"""
    last = before.split()[-1:] if before.strip() else []
    return bool(last) and (last[0].lower() in lex.determiners | lex.demonstratives | lex.possessives
                           or last[0].endswith(("'s", "’s")))


def _share(after: str, lex: Lexicon) -> bool:
    """Do the words after a figure make it a share of a count ("19 of those killed", "17 der Verletzten", "17 из
    задержанных"): a partitive word, then a word of a quantity?"""
    opened = lex.partitive.match(after) if lex.partitive is not None else None
    if opened is None:
        return False
    rest = _WORDS.findall(after[opened.end():])[:4]
    if rest and rest[0].lower() in lex.relatives | lex.complementizers:
        rest = rest[1:]  # "32 of those who died"
    return any(words.match(" ".join(rest[:3])) for _, words in lex.quantities)


def _speaks_for(a: Claim, b: Claim, sentences: dict[int, Sentence], lex: Lexicon) -> bool:
    """Does `a`'s source speak for `b`'s: set off after its name with a title that names it ("Carlotta Sami,
    portavoce dell’UNHCR per il Sud Europa, ha detto")? Then their figures are one party's, not rivals. What
    `b` is named by are the capitals of its source but those after a preposition ("le gouvernorat de Kessa": a
    place, not the party "la Ligue kessanaise" speaks for). Or one of its officials names it (`party_of`)."""
    if a.outlet or b.outlet:
        return False
    if party_of(a.source, b.source, lex):  # "ein hochrangiger Beamter des Ministeriums", "Das Gesundheitsministerium"
        return True
    title = _title(a, sentences, lex)
    words = re.findall(r"[\w'’-]+", b.source)
    named = " ".join(w for k, w in enumerate(words) if w[:1].isupper()  # not "spokesman"
                     and not (k and words[k - 1].lower() in lex.prepositions | lex.genitive))
    return bool(title) and bool(named) and refers_to(title, named)


def _title(c: Claim, sentences: Mapping[int, Sentence], lex: Lexicon) -> str:
    """What the claim's sentence sets off after its source's name: a title (", porte-parole militaire de la
    Monusco,"; at the sentence's end where the name follows its cue: "said Laura Mendes, a spokeswoman for
    OCHA.") or an acronym in brackets ("(OCHA)"); "" (also where what is set off holds a figure: a clause, no
    title)."""
    text = sentences[c.sid].text
    at = text.find(c.source)
    if at < 0:
        return ""
    rest = text[at + len(c.source):]
    found = re.match(r"\s*(?:\(([^()]{1,30})\)|,([^,]{1,80}),)", rest)
    before = text[:at].split()
    cued = bool(before) and lex.cue.fullmatch(before[-1].strip(",")) is not None
    if found is None and cued:  # (not "According to a local monitoring group, only two rockets were fired.")
        found = re.match(r"\s*,([^,]{1,80}?)[.!?]?[\"”»]?\s*$()", rest)
    title = (found.group(1) or found.group(2) or "").strip() if found else ""
    return "" if re.search(r"(?<!\w)\d[\d.,]*(?!\w)", title) else title


def _happened(text: str, lex: Lexicon) -> str:
    """The sentence's first phrase of time that is not when its source spoke ("said Friday", "told reporters on
    Monday": the day of the statement, not of what it counts), lower-cased; "" if none."""
    for m in whens(text):
        if not any(lex.cue.fullmatch(w.strip(",")) for w in text[:m.start()].split()[-3:]):
            return m.group(0).lower()
    return ""


_YEAR = re.compile(r"(?<![\d.,])(?:1[89]|20)\d\d(?![\d.,]?\d)")


def _months(text: str, lex: Lexicon) -> tuple[frozenset[int], frozenset[int]]:
    """(the month `text` opens with, within its first words: "In July, ..."; the months it names, or all twelve
    where it names none and no day of the week either), as numbers: a sentence dated to a day of the week tells
    this week's events, one that opens with a month another's ("In July, a glide bomb ... killing two teachers"
    against "on Wednesday ... killing at least 19"); one dated to neither may tell either ("A metà gennaio il
    Comune aveva annunciato 1,8 milioni" against the paper's "un milione")."""
    named = frozenset(i for i, pattern in enumerate(lex.month_names) if pattern.search(text))
    opening = " ".join(text.split()[:OPENING_WORDS])
    opens = frozenset(i for i in named if lex.month_names[i].search(opening))
    if not named and not any(day.search(text) for day in lex.weekdays):
        named = frozenset(range(len(lex.month_names)))
    return opens, named


OPENING_WORDS = 3  # "In early July, ...": where a sentence dates itself


def years_of(text: str, language: str | None) -> frozenset[str]:
    """The years that date a sentence's counts ("In 2019", "Nel 2016", "В 2021 году"): four digits that are no
    figure of it, nor the year of a comparison or a deadline (`not_dating`: "in calo del 12% rispetto allo
    stesso mese del 2023", "bis Ende 2026")."""
    found = [m for m in _YEAR.finditer(text)]
    if not found:
        return frozenset()
    figures = " ".join(n.text for n in extract_numbers(text, language))
    not_dating = lexicon(language).not_dating
    return frozenset(m.group(0) for m in found if m.group(0) not in figures and not (
        not_dating is not None and not_dating.search(" ".join(text[:m.start()].split()[-NOT_DATING:]))))


def parts_of(claims: list[Claim], sentences: dict[int, Sentence], language: str | None) -> dict[int, set[float]]:
    """{record position: the figures its sentence gives as part of a total}."""
    lex = lexicon(language)
    out: dict[int, set[float]] = {c.pos: set() for c in claims}
    for c in claims:
        quantities(sentences[c.sid].text, lex, language, out[c.pos])
    return out


def revisions(claims: list[Claim], figures: dict[int, dict[str, set[float]]],
              earlier: AbstractSet[int] = frozenset(), relayed: AbstractSet[int] = frozenset(),
              quoted: Mapping[int, int] | None = None, occasions: AbstractSet[int] = frozenset(),
              years: Mapping[int, frozenset[str]] | None = None,
              places: Mapping[int, Mapping[float, str | None]] | None = None,
              victims: Mapping[int, Mapping[float, str]] | None = None,
              since: AbstractSet[int] = frozenset(), areas: bool = False) -> dict[int, int]:
    """{position of a record: position of the record that revises it, in which its source gives another figure
    for the same quantity}: the later one ("The ministry later raised its count to 27" revises its "at least
    19"), unless the later one's sentence marks its figure as given before (`earlier`, the positions whose
    sentence has an `earlier_count` word: "which had given an earlier toll of 60"). A figure the source
    relays from another party (`relayed`: "explicó que, según la información de la Policía Nacional, ...
    73,178") is that party's, and no earlier count of its own. Figures of one quotation (`quoted`: the
    position of each record whose sentence is inside one, and the id of the sentence that opened it) are the
    parts of one statement ("voluntary separations ... 400", "a reduction of 250 agency positions"), and a
    thing only a figure's own words name (`UNNAMED`) is too loosely read to be counted again. A figure of an
    earlier occasion (`occasions`: "At the previous protest, organisers had counted 5,000") is no count of the
    day's, nor is the day's a revision of it; nor is one of another year (`years`: the years each record's
    sentence gives, "o movimento de 1989, quando 35 milhões ..."), nor one of another place (`places`: the place
    each record's figures are given for, `figure_places`: "In Dresden sprach die Polizei von 20.000" is no
    earlier count of "In Chemnitz ... von 4.000"), nor one of other people's dead (`victims`, `victims_of`: "6
    soldats ont été tués" revises no "tué 40 assaillants"), nor one counted since a period began (`since`,
    `cumulative_counts`: "Since the start of the war, 2,954 ..."). Where the article gives figures for the whole
    country or for other places (`areas`, `areas_named`), a total and one place's figure are apart too."""
    out: dict[int, int] = {}
    quoted = quoted or {}
    victims = victims or {}
    years = years or {}
    places = places or {}
    broken_down = is_broken_down(places) or areas
    for i, a in enumerate(claims):
        for b in claims[i + 1:]:
            if a.pos in relayed or b.pos in relayed or quoted.get(a.pos, -1) == quoted.get(b.pos, -2) \
                    or (a.pos in occasions) != (b.pos in occasions) or (a.pos in since) != (b.pos in since) \
                    or years.get(a.pos, frozenset()) != years.get(b.pos, frozenset()) \
                    or _other_places(places.get(a.pos, {}), places.get(b.pos, {}), broken_down):
                continue
            if not a.outlet and not b.outlet and same_source(a.source, b.source) and any(
                    name in figures[b.pos] and not name.startswith(UNNAMED) and values != figures[b.pos][name]
                    and not values <= figures[b.pos][name]  # "... 73,178 ... 32,578": said again, not revised
                    and not (name in TOLLS and _other_victims(values, figures[b.pos][name], victims.get(a.pos, {}),
                                                              victims.get(b.pos, {})))
                    for name, values in figures[a.pos].items()):
                reviser, revised = (a, b) if b.pos in earlier and a.pos not in earlier else (b, a)
                if any(len(values) > 1 and max(values) < min(figures[revised.pos][name])
                       for name, values in figures[reviser.pos].items() if name in figures[revised.pos]):
                    continue  # "a hospital registry of 64 deaths and over 40 bodies": the parts of a count, no new one
                out[revised.pos] = reviser.pos
                break
    return out


def _other_places(a: Mapping[float, str | None], b: Mapping[float, str | None], broken_down: bool = False) -> bool:
    """Are two records' figures all given for places, and for none in common? Where the article breaks a
    quantity down place by place (`broken_down`), a total (no place) and a place's figure have none in common."""
    where_a, where_b = set(a.values()), set(b.values())
    if broken_down:
        return bool(where_a) and bool(where_b) and not where_a & where_b
    return bool(where_a) and bool(where_b) and None not in where_a | where_b and not where_a & where_b


def earlier_occasions(claims: list[Claim], sentences: Mapping[int, Sentence], language: str | None) -> set[int]:
    """The positions of the records whose sentence tells an earlier occasion of the same kind
    (`earlier_occasion`: "At the previous protest, three weeks ago, ...", "La anterior marcha, celebrada el
    pasado 12 de octubre, ...")."""
    from summarizer.clauses import sentence_of  # (clauses.py reads this module)

    pattern = lexicon(language).earlier_occasion
    if pattern is None:
        return set()
    # (a clause of the sentence that tells it tells the same occasion: "..., reunió a 4.000 personas según la
    # Policía Local | y 10.000, según la plataforma vecinal"; one named after the sentence's first figure is
    # what that figure is compared with: "ha sido inferior al 20% registrado en la huelga del pasado mes de marzo,
    # ... muy superior a la anterior convocatoria", "approchant le million, contre 800.000 il y a deux mois")
    told = {sentence_of(k) for k, s in sentences.items()
            if (found := pattern.search(s.text)) and found.start() < _first_figure(s.text, language)}
    return {c.pos for c in claims if sentence_of(c.sid) in told}


def taken_up_figures(claims: list[Claim], sentences: Mapping[int, Sentence],
                     figures: Mapping[int, Mapping[str, set[float]]], language: str | None) -> dict[int, set[float]]:
    """{record position: the figures its sentence takes up at its head ("Of the 28 killed", "Sur les 41
    personnes tuées", "Из 108 раненых") that an earlier record of the same source gave}: the sentence breaks
    that figure down."""
    out: dict[int, set[float]] = {}
    for i, c in enumerate(claims):
        values = head_figures(sentences[c.sid].text, language)
        given = {v for b in claims[:i] if b.sid != c.sid and (b.outlet and c.outlet or not b.outlet and not c.outlet
                                                              and same_source(b.source, c.source))
                 for found in figures[b.pos].values() for v in found}
        if values & given:
            out[c.pos] = values & given
    return out


def head_figures(text: str, language: str | None) -> set[float]:
    """The figures among a sentence's first words that may take up one given before ("Of the 28 killed", "Dos 35
    feridos"): a 2 or a 3 may be any count, and says nothing of which."""
    head = " ".join(text.split()[:TAKEN_UP_HEAD])
    return {n.value for n in extract_numbers(head, language) if n.value >= TAKEN_UP_LEAST}


def _own_parts(c: Claim, values: set[float], taken_up: Mapping[int, set[float]],
               placed: Mapping[int, Mapping[float, str | None]]) -> set[float]:
    """The figures of a record that are its own: all of them, but where it breaks down a figure its source gave
    before (`taken_up`), only its parts given for a place (`placed`, where the article gives figures place by
    place)."""
    if c.pos not in taken_up:
        return values
    return {v for v in values - taken_up[c.pos] if placed.get(c.pos, {}).get(v)}


def cumulative_counts(claims: list[Claim], sentences: Mapping[int, Sentence], language: str | None) -> set[int]:
    """The positions of the records whose sentence counts since a period began (`cumulative`: "Since the start
    of the war, 2,954 people have been killed", "Desde el inicio del asedio", "С начала года"): another quantity
    than a count of a day, which it neither contests nor revises, unless it is the smaller one, or the story's
    first figures are such a count (then the story is about it)."""
    pattern = lexicon(language).cumulative
    if pattern is None:
        return set()
    out = set()
    for c in claims:
        text = sentences[c.sid].text
        quoted = quoted_spans(text)  # (not "назвав це «найкращим результатом від початку року»": words said)
        if any(not any(a <= m.start() < b for a, b in quoted) for m in pattern.finditer(text)):
            out.add(c.pos)
    return out


def _short_total(a: Claim, b: Claim, since: AbstractSet[int], figures: Mapping[int, Mapping[str, set[float]]]
                 ) -> bool:
    """Is the count since a period began smaller than the other record's count of the same quantity, which
    falls within it ("solo reconocen 412 entradas ... en lo que va de año" against "2.500 personas lograron
    entrar ... en esas 48 horas")? Then the two do conflict."""
    total, other = (a, b) if a.pos in since else (b, a)
    return any(name in figures[other.pos] and max(values) < max(figures[other.pos][name])
               for name, values in figures[total.pos].items() if values)


def _first_figure(text: str, language: str | None) -> int:
    """Where the first figure of `text` starts (its length where it has none)."""
    return min((at for n in extract_numbers(text, language) if (at := text.find(n.text)) >= 0), default=len(text))


def earlier_counts(claims: list[Claim], sentences: dict[int, Sentence], language: str | None) -> set[int]:
    """The positions of the records whose sentence marks its figure as one given before (`earlier_count`)."""
    marker = lexicon(language).earlier_count
    return {c.pos for c in claims if marker is not None and marker.search(sentences[c.sid].text)}


def relayed_figures(claims: list[Claim], sentences: dict[int, Sentence], language: str | None) -> set[int]:
    """The positions of the records whose sentence cites another party than the record's source with a marker
    ("explicó que, según la información de la Policía Nacional, ..."): their figures are that party's."""
    lex = lexicon(language)
    out: set[int] = set()
    for c in claims:
        text = sentences[c.sid].text
        for m in lex.according.finditer(text) if lex.according is not None and not c.outlet else ():
            cited = re.split(r"[,;:]", text[m.end():], maxsplit=1)[0]
            if re.search(r"\b[^\W\d_]*[A-ZÀ-ÝА-ЯІЇЄҐ]", cited) and not mentions(cited, c.source) \
                    and not mentions(c.source, cited.strip()):
                out.add(c.pos)
    return out


def link_contests(claims: list[Claim], sentences: dict[int, Sentence], language: str | None,
                  figures: dict[int, dict[str, set[float]]] | None = None
                  ) -> tuple[dict[int, set[int]], set[int], set[int]]:
    """(contested, denied, deniers): for each record position, the positions of the records it contests
    (both ways); the positions of claims another record denies; the positions of the records that deny."""
    lex = lexicon(language)
    contested: dict[int, set[int]] = {c.pos: set() for c in claims}
    denied: set[int] = set()
    deniers: set[int] = set()
    figures = figures if figures is not None else figures_of(claims, sentences, language)
    figures = own_figures(claims, sentences, figures, lex)
    places = {c.pos: {p.lower() for p in names_of(sentences[c.sid].text)[1]} for c in claims}
    parts = parts_of(claims, sentences, language)
    when = {c.pos: _happened(sentences[c.sid].text, lex) for c in claims}
    placed = figure_places_of(claims, sentences, language)
    # a quantity given place by place ("in Berlin 70.000, in Hamburg 65.000"), or for the whole country and
    # for one place ("nationwide", "in Brussels"): its figures compared per place
    broken_down = is_broken_down(placed) or areas_named(claims, sentences, language)
    years = {c.pos: years_of(sentences[c.sid].text, language) for c in claims}
    victims = {c.pos: victims_of(sentences[c.sid].text, lex, language) for c in claims}
    months = {c.pos: _months(sentences[c.sid].text, lex) for c in claims}
    # "At the previous protest, three weeks ago, organisers had counted 5,000": figures of an earlier occasion
    occasions = earlier_occasions(claims, sentences, language)
    since = cumulative_counts(claims, sentences, language)  # "Since the start of the war, 2,954 ..."
    # (where the story's first figures count since a period began, the story is that count: "з початку року ...
    # загинули 46 енергетиків" against "загиблих щонайменше 38")
    first = next((c for c in claims if any(figures[c.pos].values())), None)
    background_since = first is not None and first.pos not in since
    taken_up = taken_up_figures(claims, sentences, figures, language)  # "Of the 28 killed, 11 were in Tyre"
    # "hundreds of workers" against "only 40 employees": a count in words of an order against a figure outside it
    vague = {frozenset((x.pos, y.pos)) for x, y in _vague_contests(claims, sentences, language, figures)}
    incident, opened = {}, 0
    for sid in sorted(sentences):  # "In a separate incident ...": a sentence that opens another incident
        if not sentences[sid].boilerplate and opens_incident(sentences[sid].text, lex):
            opened += 1
        incident[sid] = opened
    for i, a in enumerate(claims):
        for b in claims[i + 1:]:
            if a.outlet and b.outlet or same_source(a.source, b.source) or incident[a.sid] != incident[b.sid] \
                    or _speaks_for(a, b, sentences, lex) or _speaks_for(b, a, sentences, lex):
                continue
            near = sentences[b.sid].paragraph - sentences[a.sid].paragraph <= NEAR_PARAGRAPHS
            if when[a.pos] and when[b.pos] and _dated(when[a.pos], lex) != _dated(when[b.pos], lex) \
                    and (_dated(when[a.pos], lex) and _dated(when[b.pos], lex)
                         or not _dated(when[a.pos], lex) and not _dated(when[b.pos], lex)
                         and when[a.pos] != when[b.pos]) \
                    and sentences[b.sid].paragraph - sentences[a.sid].paragraph > 1:
                continue  # "on Thursday" and "on Friday", paragraphs apart: two incidents ("trapped on Tuesday",
                # next paragraph "still underground on Wednesday": one); "yesterday" and "on Monday" may be one
                # day, and "on Monday" and "on Monday morning" are
            if years[a.pos] != years[b.pos] or (a.pos in occasions) != (b.pos in occasions) \
                    or (a.pos in since) != (b.pos in since) and background_since \
                    and not _short_total(a, b, since, figures) \
                    or months[a.pos][0] - months[b.pos][1] or months[b.pos][0] - months[a.pos][1]:
                continue  # "In 2019, the same agency recorded 41 flood deaths", "Lors de la précédente journée
                # de mobilisation, la CGT avait compté 600 000 personnes", "In July, a glide bomb ... killing two
                # teachers": a count of another period or occasion
            if not near and places[a.pos] and places[b.pos] and not places[a.pos] & places[b.pos]:
                continue  # far apart, in places that differ: two incidents
            # (a later clause of a sentence is in the place its first clause opens with)
            scope_a = opening_place(sentences[opening_clause(sentences, a.sid)].text, lex)
            scope_b = opening_place(sentences[opening_clause(sentences, b.sid)].text, lex)
            if scope_a != scope_b and (scope_a and scope_a not in sentences[b.sid].text.lower()
                                       or scope_b and scope_b not in sentences[a.sid].text.lower()):
                continue  # "À Lyon, la préfecture a compté 18 000 personnes": a count of one place, not of all
            outlet = a if a.outlet else b if b.outlet else None
            if outlet is not None and lex.background is not None and lex.background.search(sentences[outlet.sid].text):
                continue  # "Last year, hurricane Otis left more than 50 dead": the outlet's background
            if frozenset((a.pos, b.pos)) in vague:
                contested[a.pos].add(b.pos)
                contested[b.pos].add(a.pos)
            contrary = outlet is not None and lex.reality is not None \
                and lex.reality.match(sentences[outlet.sid].text.lstrip(" «\"“„")) is not None
            for name, given in figures[a.pos].items():
                if outlet is not None and name not in TOLLS and not contrary:
                    continue  # "employs about 3,500 people": the outlet's figures of other things are no claim
                    # (but "In reality, the line carries fewer than 14,000": set against a party's figure)
                values = _own_parts(a, given, taken_up, placed if broken_down else {})
                other = _own_parts(b, figures[b.pos].get(name, set()), taken_up, placed if broken_down else {})
                if not values or name in figures[b.pos] and not other:
                    continue  # "Of the 28 killed, 4 were children": the total is told again, its parts contest
                    # nothing (a part of a place may: "11 were in Tyre" against "14 in Tyre alone")
                figures_b = {**figures[b.pos], name: other} if name in figures[b.pos] else figures[b.pos]
                if broken_down and not differ_in_a_place(values, figures_b.get(name, set()),
                                                          placed[a.pos], placed[b.pos]):
                    continue  # "In Berlin sprach auch die Polizei von 70.000": the organisers' Berlin figure
                    # (not their national total, nor their Hamburg one)
                if name in TOLLS and (_other_victims(values, figures_b.get(name, set()), victims[a.pos],
                                                     victims[b.pos])
                                      or _armed_share(values, figures_b.get(name, set()), victims[a.pos],
                                                      victims[b.pos])):
                    continue  # "6 soldats ont été tués" against "tué 40 assaillants": other people's dead; "17
                    # fighters were killed" against "killed 28 people": perhaps among them
                if name in figures_b and values != figures_b[name] \
                        and not figures_b[name] <= parts[a.pos] and not values <= parts[b.pos] \
                        and _one_scale(values, figures_b[name]):
                    # "between 16 and 20" is not "20"; "15 interpellations, dont 11 à Paris" agrees with 11; "El CIS
                    # de Tezanos daba entre 10 y 12 personas" is a jibe at 45.000, no count
                    contested[a.pos].add(b.pos)
                    contested[b.pos].add(a.pos)
    for a, b in _small_crowd(claims, sentences, lex, figures, incident):  # "described the turnout as small"
        contested[a.pos].add(b.pos)
        contested[b.pos].add(a.pos)
    for a, b in _figures_answered(claims, sentences, lex, language, incident):  # "put that figure at 90"
        contested[a.pos].add(b.pos)
        contested[b.pos].add(a.pos)
    answered: dict[int, list[Claim]] = {}
    for i, d in enumerate(claims):
        # (one party named two ways, "Israel's military" and "The Israeli army", answers none of its own words)
        targets = [t for t in _answered(i, claims, sentences, lex, language, incident)
                   if not one_party(d.source, t.source, lex)]
        before = claims[i - 1] if i else None
        if targets and before is not None and answered.get(before.pos) and lex.also is not None \
                and lex.also.search(sentences[d.sid].text) and not same_source(before.source, d.source):
            # "В Генштабе ВСУ эти сведения опровергли. В штабе ... информацию также опровергли.": what the
            # denial before it answered, not that denial
            targets = [t for t in targets if t.pos not in deniers] \
                + [t for t in answered[before.pos] if t not in targets and not same_source(t.source, d.source)]
        again = next((c for c in reversed(claims[:i]) if answered.get(c.pos)
                      and sum(1 for sid in sentences if c.sid < sid <= d.sid) <= REPEATED
                      and same_source(c.source, d.source)), None) if not d.outlet and not targets else None
        if again is not None and _denies(sentences[d.sid].text, lex):
            # "X rejected Radio Pwani's report. «There is no truth in this fabricated story», X said.": the party's
            # denial told again, finding no claim of its own, answers what its first one answered
            targets = list(answered[again.pos])
        answered[d.pos] = targets
        if not targets:
            continue
        deniers.add(d.pos)
        for t in targets:
            denied.add(t.pos)
            contested[d.pos].add(t.pos)
            contested[t.pos].add(d.pos)
    for i, c in enumerate(claims):  # "a small fraction of what had been reported": disputed, not denied
        for t in _countered(i, claims, sentences, lex, incident, denied):
            contested[c.pos].add(t.pos)
            contested[t.pos].add(c.pos)
    return contested, denied, deniers


def _crowd_story(claims: list[Claim], sentences: Mapping[int, Sentence], out: Mapping[int, Mapping[str, object]],
                 lex: Lexicon) -> bool:
    """Is the story one of a gathering: a count of participants, a rally, a march, a strike, a crowd judged
    small?"""
    return any("participants" in found for found in out.values()) or any(
        pattern is not None and pattern.search(sentences[c.sid].text)
        for c in claims for pattern in (lex.gatherings, lex.small_crowd))


VAGUE_SPAN = (2, 10)  # "hundreds" count from twice a hundred to under ten times it


def vague_counts(claims: list[Claim], sentences: Mapping[int, Sentence], language: str | None
                 ) -> dict[int, tuple[float, float, str | None]]:
    """{record position: (least, most, quantity)} of a party's count in words of an order of magnitude
    ("hundreds of workers", "des dizaines de milliers de manifestants", "тысячи горожан"): its span, and what it
    counts as a figure in its place would (None: nothing named). A record that gives a figure of that quantity
    itself ("Dezenas de escolas ..., 45 estabelecimentos") has none: its figure says it."""
    lex = lexicon(language)
    pattern, orders = lex.vague_counts
    if pattern is None:
        return {}
    link = "|".join(re.escape(w) for w in sorted(lex.genitive, key=len, reverse=True)) or "(?!)"
    out: dict[int, tuple[float, float, str | None]] = {}
    for c in claims:
        text = sentences[c.sid].text
        if c.outlet:
            continue
        written = [(at, at + len(n.text)) for n in extract_numbers(text, language) if (at := text.find(n.text)) >= 0]
        for m in pattern.finditer(text):
            if any(a <= m.start() < b for a, b in written):
                continue  # "5 тысяч человек", "3 mil": a figure's scale word
            order, end = orders[m.group(0).lower()], m.end()
            again = re.match(r"\s+(\w+)\s+", text[end:])  # "hundreds and hundreds", "Hunderte und Aberhunderte"
            same = pattern.match(text, end + again.end()) if again and again.group(1).lower() in lex.conjunctions \
                else None
            end = same.end() if same else end
            end += len(text[end:]) - len(text[end:].lstrip("”\"»’"))  # "“hundreds and hundreds” of workers"
            joined = re.match(rf"\s+(?:{link})(?:\s+|(?<=['’]))", text[end:], re.IGNORECASE)
            after = pattern.match(text, end + joined.end()) if joined else pattern.match(text, end + 1) \
                if text[end:end + 1] == " " else None
            if after is not None:  # "tens of thousands", "des dizaines de milliers", "десятки тысяч"
                order, end = order * orders[after.group(0).lower()], after.end()
                joined = re.match(rf"\s+(?:{link})(?:\s+|(?<=['’]))", text[end:], re.IGNORECASE)
            least = VAGUE_SPAN[0] * order
            # what it counts: its words read as a figure of the span's least would be
            told = f"{text[:m.start()]}{least:.0f} {text[end + (joined.end() if joined else 0):].lstrip()}"
            named = [name for name, values in quantities(told, lex, language).items()
                     if least in values and not name.startswith(UNNAMED)]
            own = quantities(text, lex, language)
            if named and named[0] in own:
                break  # its own figure of the thing says how many
            out[c.pos] = (least, VAGUE_SPAN[1] * order, named[0] if named else None)
            break
    return out


def _vague_contests(claims: list[Claim], sentences: Mapping[int, Sentence], language: str | None,
                    figures: Mapping[int, Mapping[str, set[float]]]) -> list[tuple[Claim, Claim]]:
    """Pairs (vague count, figure) of two parties that count one thing and do not agree: the figure is outside
    the span. The thing is the vague count's quantity; where it names none, in a story of a gathering, the
    claim right before or after it, whatever it counts ("Der Landvolk-Verband sprach dagegen von Tausenden
    Teilnehmern" after the police's 1.200)."""
    lex = lexicon(language)
    vague = vague_counts(claims, sentences, language)
    if not vague:
        return []
    crowd = _crowd_story(claims, sentences, figures, lex)
    at = {c.pos: i for i, c in enumerate(claims)}
    out = []
    for pos, (least, most, name) in vague.items():
        i = at[pos]
        for j, other in enumerate(claims):
            if j == i or other.outlet or other.pos in vague or same_source(claims[i].source, other.source):
                continue
            given = figures[other.pos]
            if name is not None:
                values = given.get(name) or (set().union(*(given[k] for k in CROWDS | {"turnout"} if k in given))
                                             if name in CROWDS and crowd else set())
            else:
                values = set().union(*given.values()) if crowd and abs(j - i) == 1 else set()
            if values and all(not least <= v < most for v in values):
                out.append((claims[i], other))
    return out


def _small_crowd(claims: list[Claim], sentences: dict[int, Sentence], lex: Lexicon,
                 figures: dict[int, dict[str, set[float]]], incident: dict[int, int]) -> list[tuple[Claim, Claim]]:
    """(judge, count) pairs: a party's record that judges the gathering small or a failure and gives no figure of
    its own (`small_crowd`: "South Wales Police described the turnout as small", "назвали акцію нечисленною";
    `failure` with a word of the gathering: "a greve foi um fracasso") against
    each record of another party in the incident that counts the crowd ("Organisers said about 12,000 people
    marched")."""
    def judged(text: str) -> bool:  # "described the turnout as small", "said the strike had been a failure"
        return lex.small_crowd is not None and lex.small_crowd.search(text) is not None \
            or lex.failure is not None and lex.gatherings is not None and lex.failure.search(text) is not None \
            and lex.gatherings.search(text) is not None

    counts = [c for c in claims if not c.outlet and any(figures[c.pos].get(name) for name in CROWDS)]
    return [(a, b) for a in claims if not a.outlet and judged(_up_to_speaker(sentences[a.sid].text, a.source, lex))
            and not any(figures[a.pos].values())
            for b in counts if not same_source(a.source, b.source) and incident[a.sid] == incident[b.sid]
            and not _speaks_for(a, b, sentences, lex) and not _speaks_for(b, a, sentences, lex)]


def _up_to_speaker(text: str, source: str, lex: Lexicon) -> str:
    """`text` without the clauses after the one that names `source` that turn to another voice with a word of
    contrast (`turns`: "Les syndicats se félicitent de l'importance des cortèges, | la grève a en revanche été
    peu suivie": the outlet's); all of it otherwise ("За даними поліції, "повсюдно вони носять вкрай
    малочисельний характер"", "The turnout was small, police said")."""
    if lex.turns is None:
        return text
    pieces = re.split(r"(?<=[,;])\s", text)
    at = next((i for i, p in enumerate(pieces) if source and source.lower() in p.lower()), None)
    if at is None:
        return text
    turn = next((i for i in range(at + 1, len(pieces)) if lex.turns.search(pieces[i])), None)
    return " ".join(pieces[:turn]) if turn is not None else text


def own_figures(claims: list[Claim], sentences: dict[int, Sentence], figures: dict[int, dict[str, set[float]]],
                lex: Lexicon) -> dict[int, dict[str, set[float]]]:
    """`figures`, without those a denial or a hypothetical repeats from the claims before it ("В полиции назвали
    данные организаторов о 40 тысячах участников не соответствующими действительности": the organisers' 40 000,
    not the police's own count; "Si fueran 120.000 personas no cabrían en la plaza"), and without those a denial
    gives after its denial word ("rejected reports that 80 soldiers had been killed")."""
    out = dict(figures)
    for i, d in enumerate(claims):
        said = {v for values in figures[d.pos].values() for v in values}
        text = sentences[d.sid].text
        if d.outlet or not said or not (lex.denial.search(text)
                                        or lex.conditionals is not None and lex.conditionals.search(text)):
            continue
        before = {v for c in claims[:i] if not c.outlet and not same_source(c.source, d.source)
                  for values in figures[c.pos].values() for v in values}
        denial = lex.denial.search(text)
        first = _first_figure(text, None)
        between = text[denial.end():first].split() if denial is not None else []
        # (not "negou que tenha havido mortes ... e falou em 2 mortos": a statement of its own after the denial)
        own = any(w.lower() in lex.conjunctions and any(lex.cue.fullmatch(x) for x in between[k + 1:k + 3])
                  for k, w in enumerate(between))
        after = denial is not None and first > denial.start() and not own
        if said <= before or after:  # "rejected reports that 80 soldiers had been killed": the figures it denies
            out[d.pos] = {}
    return out


def _countered(i: int, claims: list[Claim], sentences: dict[int, Sentence], lex: Lexicon,
               incident: dict[int, int], denied: AbstractSet[int]) -> list[Claim]:
    """The claim that record `i` sets its own against, where its sentence says so (`counters`: "a small fraction
    of what had been reported", "less than 10 percent that estimated by the U.N. health agency", "набагато менша,
    ніж та, що була опублікована") and denies nothing: the last earlier claim of a party it names after the
    comparison, else the last earlier claim another record denies (the dispute it joins), else the last earlier
    claim of another party in the incident that gives a figure."""
    c = claims[i]
    text = sentences[c.sid].text
    compared = lex.counters.search(text) if lex.counters is not None and not c.outlet else None
    if compared is None or lex.denial.search(text):
        return []
    others = [o for o in claims[:i] if not o.outlet and not same_source(o.source, c.source)
              and incident[o.sid] == incident[c.sid] and not lex.denial.search(sentences[o.sid].text)]
    named = [o for o in others if refers_to(text[compared.start():], o.source)]
    if named:
        return named[-1:]
    disputed = [o for o in others if o.pos in denied]
    if disputed:
        return disputed[-1:]
    with_figures = [o for o in others[-DENIAL_REACH:] if extract_numbers(sentences[o.sid].text)]
    return with_figures[-1:]


def article_places(told: list[tuple[int, str]], language: str | None) -> list[dict[float, str | None]]:
    """For the records of one article (the id of each one's sentence and its text, in order; the clauses of one
    sentence share its id), the place each figure counts, keyed by the first five letters of its name, where the
    article gives figures for the whole country or for other places too, or place by place
    (`figure_places_of`); else no places: a storyline compares them with any report's."""
    keys: list[int] = []
    for sid, _ in told:  # a sentence's clauses keyed as `clauses.py` keys them
        keys.append(keys[-1] + 1 if keys and keys[-1] // SLOTS == sid else SLOTS * sid)
    sentences = {key: Sentence(key // SLOTS, key // SLOTS, 0, len(t), t) for key, (_, t) in zip(keys, told)}
    claims = [Claim(k, key, "", True) for k, key in enumerate(keys)]
    texts = [t for _, t in told]
    placed = figure_places_of(claims, sentences, language)
    if not (is_broken_down(placed) or areas_named(claims, sentences, language)):
        return [{} for _ in texts]
    return [dict(placed[k]) for k in range(len(texts))]


def opens_incident(text: str, lex: Lexicon) -> bool:
    """Does the sentence open another incident: a word of `new_incident` among its first words, in the
    outlet's voice ("In a separate incident", "Another attack"), not in a quote ("«Altro che 8.000»")?"""
    found = lex.new_incident.search(text) if lex.new_incident is not None else None
    # "Another official, ...", "Another Pakistani official said": another speaker, not another incident
    speaker = found is not None and lex.speakers.search(" ".join(text[found.end():].split()[:SPEAKER_AFTER]))
    return found is not None and not speaker and len(text[:found.start()].split()) < 4 \
        and not re.match(r"\W*[«“„\"]", text)


def _denies(text: str, lex: Lexicon) -> re.Match | None:
    """Where the sentence denies or rejects, in words ("rejected", "no truth"), by a label ("a lie") or a verdict."""
    return lex.denial.search(text) or _labelled(text, lex) or _judged(text, lex)


def _answered(i: int, claims: list[Claim], sentences: dict[int, Sentence], lex: Lexicon, language: str | None,
              incident: dict[int, int]) -> list[Claim]:
    """The claims that record `i` denies, if its sentence denies or rejects (see the module's notes)."""
    d = claims[i]
    text = sentences[d.sid].text
    said_no = None if d.outlet else _denies(text, lex)
    if said_no is not None and _denied_by_another(text, said_no, d.source, language):
        return []  # "..., a ministry spokeswoman said; the rebels have repeatedly denied ...": the rebels' denial
    if said_no is None:  # "«Je ne me suis jamais dopé»": a flat negation answers what others say of its speaker,
        # or of whom it names ("«Никаких денег Петров никогда не получал», — заявил его адвокат")
        flat = None if d.outlet or lex.never is None else lex.never.search(text)
        return _said_of(d, text.replace(d.source, " "), claims, sentences, lex, incident) if flat else []
    inner = [c for c in claims[:i] if held(c, d, sentences)]
    if inner:  # "Jaguar has dismissed union claims that ... 2,000 ...": that claim, answered by its own record
        # (`clauses._embedded`), and another party's that gives its figure, before or after it
        shown = _values(sentences[inner[0].sid].text, language)
        return [c for c in claims if shown and c is not d and c not in inner and not c.outlet
                and not same_source(c.source, d.source) and not own_side(c.source, d.source, lex)
                and not party_of(d.source, c.source, lex) and incident[c.sid] == incident[d.sid]
                and not lex.denial.search(sentences[c.sid].text) and shown & _values(sentences[c.sid].text, language)]
    bare = answers_previous(text, d.source, language)  # "Ein Unternehmenssprecher wies das zurück."
    named_back = re.match(r"\s*([^\W\d_]+)\s*(?:[,;:.]|$)", text[said_no.end():])
    if bare or named_back and named_back.group(1).lower() in lex.demonstratives:  # "denied that, saying ...":
        # what the sentence right before tells, if it is another party's record (a bare answer answers nothing else)
        previous = previous_sentence(sentences, d.sid)
        answered = [c for c in claims[:i] if c.sid == previous and not c.outlet and not same_source(c.source, d.source)]
        if bare or answered:
            return answered
    after = text[said_no.end():]
    # "rejected the accusation", and "told Reuters the claim was false": the claims it names back
    lead_in = text[max(0, said_no.start() - 40):said_no.start()]
    back = lex.earlier_claims.search(after[:60]) if lex.earlier_claims is not None else None
    back_in = after  # the text `back` was found in
    if back is None and lex.earlier_claims is not None:
        back, back_in = lex.earlier_claims.search(lead_in), lead_in
    if back is not None and lex.figure_back is not None and any(
            f.start() <= back.start() < f.end() for f in lex.figure_back.finditer(back_in)):
        back = None  # "wies die Zahl der Gewerkschaft zurück", "«Diese Zahl entbehrt ...»": a figure named back
    figure_named = lex.figure_back.search(after[:60]) if back is None and lex.figure_back is not None else None
    if figure_named:  # "wies diese Zahl zurück", "rejected that figure": the figure right before
        back, back_in = figure_named, after
    elif back is None and lex.figure_back is not None and (figure_named := lex.figure_back.search(lead_in)):
        back, back_in = figure_named, lead_in  # "nannte diese Zahl „Unsinn“", "called that figure a lie"
    # "Інформація про влучання у потяг ... не відповідає дійсності", "Les informations sur ... sont fausses":
    # the report the sentence opens with (after its article)
    opens = text.lstrip(" «\"“„")
    first = opens.split(None, 1)
    if len(first) > 1 and first[0].lower() in lex.determiners:
        opens = first[1]
    opening = lex.earlier_claims.match(opens) if lex.earlier_claims is not None else None
    if back is None and opening and lex.claim_predicates is not None and lex.claim_predicates.search(text):
        back, back_in = opening, opens
    # a denial answers a claim; "rejected that version" may answer another party's denial too
    # (the claim the denial's own sentence names and tells, "denied reports that ...", is answered by its own
    # record; the denial reaches the others as if it were not told: `held`)
    others = [c for c in claims[:i] if not c.outlet and not same_source(c.source, d.source)
              and not own_side(c.source, d.source, lex) and not party_of(d.source, c.source, lex)
              and not one_party(d.source, c.source, lex)
              and (back or not lex.denial.search(sentences[c.sid].text)) and not held(c, d, sentences)]
    if not others and back:
        # "Depuis plusieurs jours, les informations faisant état de ... fusent. L'armée a démenti ces informations.":
        # pointed back at the reports the outlet told just before it
        told = claims[i - 1] if i else None
        just_told = [told] if told is not None and told.outlet and incident[told.sid] == incident[d.sid] \
            and _pointed(back_in, back, lex) else []
        # "démenti ces informations" first, the report it denies after it (the agency's, told later)
        return just_told + _answered_later(i, claims, sentences, lex, language, incident, pointed=True)
    back_word = back.group(0).lower() if back else ""  # "the accusation", "die Darstellung"
    names_back = bool(back)
    # "ha definito quella cifra «una menzogna che offende ...»": a figure named back, no clause of what was said
    said = "" if figure_named else _what_was_said(after, lex)
    wanted = _stems(said, lex)
    figures_said = _values(said or after, language)
    if wanted:  # "denied reports that Kyiv had delayed the exchange": the claim must say that
        saying = [c for c in others if figures_said & _values(sentences[c.sid].text, language)
                  or not figures_said
                  and len(wanted & _stems(sentences[c.sid].text, lex)) * 2 >= max(1, len(wanted))]
        # ("não confirmou os números e negou que ...": where none says it in those words, the claims it names
        # back before the denial)
        if saying or not back or back_in is not lead_in or figures_said:
            others = saying
        names_back = bool(others)
    # "rejected the union's claims", "die Angaben der Gewerkschaft", "dismissed the police figures": that party's
    owner = claims_owner(text, lex) or _modifier_owner(text, lex)
    owned = _plain(_stems(owner, lex)) if owner else set()
    # where the denier is the subject before its cue, a name there is its own title ("El ministro de Transporte,
    # Ramiro Alcázar, rechazó ...": not the transport ministry's claim); the claim it denies is named after it
    head = text[:said_no.start()]
    named_in = after if mentions(head, d.source) else text
    named = [c for c in others if mentions(named_in, c.source)
             or owner and (mentions(c.source, owner) or same_source(c.source, owner)  # "la CENI"
                           or mentions(_title(c, sentences, lex), owner)  # "la Mission de l'ONU en RDC (Monusco)"
                           or bool(_stems(c.source, lex)) and _plain(_stems(c.source, lex)) <= owned
                           or bool(owned) and owned <= _plain(_stems(c.source, lex))
                           or _name_key(c.source) == _name_key(owner) != frozenset())]
    # (an inflected name: "данные организаторов" are what "организаторы" said, "«Финансового Урала»" what
    # "журнал «Финансовый Урал»" said)
    named += [c for c in others if c not in named and any(  # and "журнала", the party named back
        c.pos > n.pos and not _name_key(c.source) and bool(_stems(c.source, lex))
        and _stems(c.source, lex) <= _stems(n.source, lex) for n in named)]
    if owner:  # "las cifras del sindicato": and its spokespeople's ("Marta Ibáñez, portavoz de Coordinadora")
        named += [c for c in others if c not in named and any(_speaks_for(c, n, sentences, lex) for n in named)]
    asked = lex.asked.search(text) if lex.asked is not None else None
    if asked:  # "Asked about the Red Crescent's figure, the spokesman replied: «Not true»": the party it names
        question = re.split(r"[,:;]", text[asked.end():], maxsplit=1)[0]
        named = [c for c in others if refers_to(question, c.source)] or named
    recorded = {c.sid for c in claims}
    # what the denial is about: its words and those after it, not its source's name or the word naming the
    # claims back ("the report" is no word of a claim that "reporters" were briefed)
    # (what the denier goes on to say counts, as a record of its own too: "Lysiwka sei weiterhin unter ukrainischer
    # Kontrolle.")
    own = {c.sid for c in claims[i + 1:] if same_source(c.source, d.source)}
    context = _stems(text + " " + _next(sentences, d.sid, lex, recorded - own), lex) - _stems(d.source, lex) \
        - _stems(back_word, lex)
    overlap = {c.pos: len(context & _stems(sentences[c.sid].text + " " + _next(sentences, c.sid, lex, recorded),
                                           lex)) for c in others}
    kind = back_word[:4]
    same_kind = [c for c in others if kind and _cue_of(sentences[c.sid].text, lex)[:4] == kind]
    # "denied these claims", "wies diese Zahl zurück": those right before
    pointed = back is not None and (figure_named is not None or _pointed(back_in, back, lex))
    stated = _values(text, language)  # "The figure of 3,000 deaths is an exaggeration": the claim giving 3,000
    given = stated - _values(d.source, language)  # not "Two army officers told ... the claim was false"
    if given and not named and not back \
            and not any(given & _values(sentences[c.sid].text, language) for c in others):
        # "“80 тисяч? Це брехня. ...”": a figure no earlier claim gives, that of a report told after it
        later = [c for c in _answered_later(i, claims, sentences, lex, language, incident, pointed=bool(back))
                 if given & _values(sentences[c.sid].text, language)]
        if later:
            return later
    if given and not named:  # "Die von der Gewerkschaft genannte Zahl von 1.200 ist falsch": the claim giving 1.200
        named = [c for c in others if given & _values(sentences[c.sid].text, language)]
    target: Claim | None
    if named and given and all(is_held(c, claims, sentences) for c in named):
        # "80 тисяч? Це брехня.": the claim a headline's denial tells, and the report that tells it in full after
        later = [c for c in _answered_later(i, claims, sentences, lex, language, incident, pointed=bool(back))
                 if given & _values(sentences[c.sid].text, language)]
        return named[-1:] + later
    if named:
        target = named[-1]
    elif pointed and others and i - claims.index(others[-1]) <= DENIAL_REACH:
        # "Diese Zahl ist Schwachsinn": the last claim that gives a figure ("Das Unternehmen bestätigte die Zahl
        # nicht", with none, only speaks of it)
        giving = [c for c in others if _values(sentences[c.sid].text, language)] if figure_named else []
        target = giving[-1] if giving and i - claims.index(giving[-1]) <= DENIAL_REACH else others[-1]
    elif same_kind:  # "rejected the accusation": the claim that accused
        target = same_kind[-1]
    elif others and max(overlap.values()) >= MIN_OVERLAP:  # the claim it speaks of; latest or first of a tie
        best = max(overlap.values())
        tied = [c for c in others if overlap[c.pos] == best]
        target = tied[-1] if names_back else tied[0]
    elif names_back:
        target = others[-1] if others and i - claims.index(others[-1]) <= DENIAL_REACH else None
    else:  # "denied striking civilian targets": the first claim it shares a word with, one of its own words
        # before one of the sentence after it ("a démenti toute menace": "menacés", not the prefect named next)
        own_words = _stems(text, lex) - _stems(d.source, lex) - _stems(back_word, lex)
        target = next((c for c in others if own_words & _stems(sentences[c.sid].text, lex)), None) \
            or next((c for c in others if overlap[c.pos]), None)
    counted = _named_quantities(after, lex) if back else set()
    counting = [c for c in others if incident[c.sid] == incident[d.sid]
                and counted & _named_quantities(sentences[c.sid].text, lex)
                and (not stated or stated & _values(sentences[c.sid].text, language))] if counted else []
    if counting:  # "rejected the figures of the dead": the claims that count the dead (the last: "that toll")
        targets = counting if _plural(back_word) else counting[-1:]
    elif target is None:
        targets = []
    elif names_back and (overlap[target.pos] < MIN_OVERLAP or _plural(back_word) or pointed):
        # "dismissed the report", "denied the claims": what that source said last, all of it where plural
        targets = _run(claims[:i], target, DENIAL_REACH, language)
    else:
        targets = [target]
    # a party's denial answers another party, never its own side ("Ein Polizeisprecher" not "Die Polizei", which
    # `_run` may reach past the claim named)
    # (nor its own official's: "Das Gesundheitsministerium hat bestritten" and "ein Beamter des Ministeriums")
    targets = [t for t in targets if not party_of(d.source, t.source, lex) and not party_of(t.source, d.source, lex)
               and not same_source(d.source, t.source)]
    if not back and not named:  # "The RSF denied killing civilians": also what others accuse it of after the denial
        next_cue = lex.cue.search(after)
        said_no_more = after[:next_cue.start()] if next_cue else after
        denied_words = _stems(said_no_more, lex) - _stems(d.source, lex)
        targets = targets + [c for c in claims[i + 1:] if len(denied_words) >= MIN_OVERLAP and not c.outlet
                             and not same_source(c.source, d.source) and incident[c.sid] == incident[d.sid]
                             and not lex.denial.search(sentences[c.sid].text)
                             and len(denied_words & _stems(sentences[c.sid].text, lex)) >= MIN_OVERLAP
                             and figures_said <= _values(sentences[c.sid].text, language)]
        if not targets and (counted := _named_quantities(after[:80], lex)):
            # "он отметил, что завышенное число погибших ...": the other sources' claims that count the dead,
            # before or after it
            targets = [c for c in claims if c is not d and not c.outlet and not same_source(c.source, d.source)
                       and incident[c.sid] == incident[d.sid] and not lex.denial.search(sentences[c.sid].text)
                       and counted & _named_quantities(sentences[c.sid].text, lex)
                       and (not stated or stated & _values(sentences[c.sid].text, language))]
    if named and back is not None and (_plural(back_word) or _document(back_word, lex) or owner):
        # "Il Comune respinge i numeri dell'Eco", "calificó el informe de «mamarracho»", "a démenti le bilan de la
        # Monusco": all that party's claims of the incident, not only the last
        targets += [c for c in named if c not in targets and incident[c.sid] == incident[d.sid]
                    and not party_of(d.source, c.source, lex)]
    if not back and not named and (not targets or _accused(d.source, text[:said_no.start()], lex)):
        # "Los tres acusados han negado cualquier implicación": what other parties said of the denier (all the
        # accusers said, where the accused deny: "«Мой подзащитный вину не признает, все работы были выполнены»")
        targets += [c for c in _said_of(d, text[:said_no.start()], claims, sentences, lex, incident)
                    if c not in targets]
    if not targets:
        targets = _answered_later(i, claims, sentences, lex, language, incident, pointed=bool(back))
    return targets


def _said_of(d: Claim, head: str, claims: list[Claim], sentences: dict[int, Sentence], lex: Lexicon,
             incident: dict[int, int]) -> list[Claim]:
    """The claims of other parties, before or after a denial that names no claim, that say something of the
    denier: the denier (its names, or its head noun: "los tres acusados") is the subject of what they say, first
    after "that", after the cue ("Prosecutors say the former chief executive") or after the comma of "According
    to X,". The denier is the denial's source or a name in the subject its sentence opens with ("Михаил Мень не
    признает свою вину", told by his lawyer); a denier told by what it is ("le hurdler", "the 58-year-old former
    chief executive") is also the person named last before it, and so is a claim's subject told so ("Selon le
    quotidien, l'athlète aurait ..."). What the accusers of a case say (`accusers`: prosecutors, investigators,
    an indictment) is about everyone it names, and all of it about the accused (`accused`): a denial of
    involvement answers what the accusers say the denier did."""
    words = [w.strip("«»“”\"'’,.") for w in d.source.split()]
    about = [w for w in words if w[:1].isupper() and w.lower() not in lex.determiners]
    if words and words[-1][:1].islower() and words[-1].lower() not in lex.pronouns:
        about.append(words[-1])  # the head noun of "los tres acusados"
    # (a name in the subject, not the capital that opens the sentence)
    about += [w for w in re.findall(r"(?<=\s)[^\W\d_][\w'’-]{3,}", head) if w[:1].isupper()]
    about = [a for a in about if len(a) >= 4]
    accused = _accused(d.source, head, lex)
    which = _which(d.source, lex) if accused else set()  # "El principal acusado", "the two other accused"
    described = _told_by_kind(words, lex) and not accused and not lex.speakers.search(d.source)
    person = _person_before(sentences, d.sid) if described else None
    if person:
        about.append(person)
    if not about:
        return []
    out = []
    others = [c for c in claims if not (
        c is d or c.outlet or same_source(c.source, d.source) or party_of(d.source, c.source, lex)
        or incident[c.sid] != incident[d.sid] or lex.denial.search(sentences[c.sid].text))]
    opened = {c.pos: [subject for k, opener in enumerate(said) if opener.lower() in lex.complementizers
                      or opener.endswith(",") or lex.cue.fullmatch(opener.strip(",")) is not None
                      for subject in [said[k + 1:k + 1 + SUBJECT_WORDS]]]
              for c in others for said in [sentences[c.sid].text.replace(c.source, " ").split()]}
    accusing = [c for c in others if _of_kind(c.source, lex.accusers)]
    # the accused: those the accusers' first claim naming someone is about, by their kind or their names
    # ("Prosecutors say the former chief executive, Sipho Ndlovu, ..."), not whom a later one names (the victim:
    # "La acusación particular asegura que el joyero, Tomás Arjona, ...")
    named = ({w.strip("«»“”\"'’,.") for subject in opened[c.pos] for w in subject if w[:1].isupper() and len(w) >= 4}
             for c in accusing) if accused else iter(())
    defendants = next((found for found in named if found), set())
    for c in others:
        said = sentences[c.sid].text.replace(c.source, " ").split()
        if c in accusing and accused and lex.requests is not None and lex.requests.search(sentences[c.sid].text):
            continue  # "La fiscalía pide ocho años de prisión": a request, no account of what the accused did
        if c in accusing:  # "The National Prosecuting Authority also alleges that R31 million ... Ndlovu's"
            said = [w for w in said if not _of_kind(w, lex.accusers)]  # not "La acusación" for "acusados"
            of_them = any(_same_word(w, a, lex) for w in said for a in about) if not accused else (
                _which(sentences[c.sid].text, lex) & which if which else not defendants or any(
                    _same_word(w, a, lex) for w in said for a in [*defendants, *about]))
            # ("La procura accusa tre dirigenti": naming none of them, all it says is of the accused)
            if of_them:
                out.append(c)
            continue
        if any(_same_word(w, a, lex) for subject in opened[c.pos] for w in subject for a in about) \
                or person and any(_told_by_kind(subject, lex) for subject in opened[c.pos]) \
                and _person_before(sentences, c.sid) == person:
            out.append(c)
    return out


def _one_scale(a: AbstractSet[float], b: AbstractSet[float]) -> bool:
    """Can two sets of figures be two counts of one thing: their highest figures no more than `SCALE_APART` times
    apart (the highest: "от 15 до 20 тыс." reads 15 and 20 000); a count of none sets itself against any figure."""
    low, high = sorted((max(a), max(b)))
    return low <= 0 or high / low <= SCALE_APART


def _dated(when: str, lex: Lexicon) -> frozenset[str]:
    """The days of the week and months a phrase of time names ("on Monday morning": Monday), none for a time
    relative to the day of writing ("yesterday", "last week"), which they cannot be told apart from."""
    return frozenset(m.group(0).lower() for m in lex.dates.finditer(when)) if lex.dates is not None else frozenset()


def _bare(text: str, language: str | None) -> set[float]:
    """The values of the figures of thousands or more in `text` that nothing follows in their clause but a
    closing quote ("Según la Delegación del Gobierno, 45.000.", ": «más de 50.000».")."""
    out = set()
    for n in extract_numbers(text, language):
        at = text.find(n.text)
        if at >= 0 and n.value >= CROWD_AT_LEAST and not n.unit and not _YEAR.fullmatch(n.text) \
                and re.match(r"[\"”»“'’\s]*(?:[,.;:!?]|$)", text[at + len(n.text):]):
            out.add(n.value)
    return out


def _elliptic(text: str, lex: Lexicon, language: str | None) -> bool:
    """Is the sentence's one figure given with no word of what it counts: right after its cue and a preposition
    at most, with nothing after it in its clause ("O sindicato APP fala em 40 mil, cinco vezes mais", "Die
    Gewerkschaft spricht von 1.400.")?"""
    numbers = extract_numbers(text, language)
    if len(numbers) != 1:
        return False
    at = text.find(numbers[0].text)
    cue = next((m for m in lex.cue.finditer(text, 0, max(at, 0))), None)
    return at >= 0 and cue is not None and len(_WORDS.findall(text[cue.end():at])) <= 1 \
        and re.match(r"\s*(?:[,.;:!?]|$)", text[at + len(numbers[0].text):]) is not None


ANSWER_WORDS = 3  # the most words between a cue and the bare figure it gives ("habla de «más de 120.000»")
ANSWERED = UNNAMED + "answer"  # what bare figures given one after the other by two parties count


def _answer(text: str, lex: Lexicon, language: str | None) -> bool:
    """Does the sentence give one bare figure and nothing else: after its cue and a few words at most ("Die
    Polizei spricht von 3000.", "habla de «más de 120.000»"), or right after an opening that cites its party
    ("Según la Delegación del Gobierno, 45.000.", "Per la Prefettura, 31."), with nothing after it?"""
    numbers = extract_numbers(text, language)
    if len(numbers) != 1 or numbers[0].unit:
        return False
    at = text.find(numbers[0].text)
    if at < 0 or not re.match(r"[\"”»“'’\s]*(?:[.;!?]|$)", text[at + len(numbers[0].text):]):
        return False
    cue = next((m for m in reversed(list(lex.cue.finditer(text, 0, at)))), None)
    if cue is not None and len(_WORDS.findall(text[cue.end():at])) <= ANSWER_WORDS:
        return True
    opening = lex.according_opening.match(text.lstrip(" \"“«")) if lex.according_opening is not None else None
    opened = opening is not None or lex.according is not None and lex.according.match(text.lstrip(" \"“«"))
    comma = text.rfind(",", 0, at)
    return bool(opened) and comma >= 0 and len(_WORDS.findall(text[comma:at])) <= ANSWER_WORDS - 1


def _labelled(text: str, lex: Lexicon) -> re.Match | None:
    """The verb of naming by which a party calls another's claims or report by a quoted label ("calificó el
    informe de «mamarracho»", "nannte den Bericht „handwerklich unsauber“", "назвали публикацию ... «ложью»"): a
    rejection, whatever the label says; None where there is none."""
    for m in lex.naming.finditer(text) if lex.naming is not None else ():
        before_quote = re.match(r"[^.;:«“\"„]{0,60}?(?=[«“\"„])", text[m.end():])
        words = [w.lower() for w in re.findall(r"[^\W\d_]+", before_quote.group(0))] if before_quote else []
        if any(lex.earlier_claims is not None and lex.earlier_claims.fullmatch(w) or _document(w, lex)
               for w in words):
            return m
    return None


def _judged(text: str, lex: Lexicon) -> re.Match | None:
    """A denial word said of the claims the sentence opens with ("Die Zahl der Veranstalter ist deutlich zu
    hoch", "The figure is far too high"), after its speaker where a marker opens it ("For the minister, the
    villagers' account is propaganda"): the predicate, or None."""
    if lex.claim_predicates is None:
        return None
    opens = text.lstrip(" «»\"“„")
    marker = lex.according_opening.match(opens) if lex.according_opening is not None else None
    if marker and "," in opens[marker.end():]:
        opens = opens[opens.index(",", marker.end()) + 1:].lstrip()
    for _ in range(2):  # "the villagers' account": an article, a possessor
        first = opens.split(None, 1)
        if len(first) > 1 and (first[0].lower() in lex.determiners | lex.demonstratives
                               or first[0].endswith(("'", "’", "'s", "’s"))):
            opens = first[1]
    noun = (lex.earlier_claims.match(opens) if lex.earlier_claims is not None else None) or (
        lex.figure_nouns.match(opens) if lex.figure_nouns is not None else None)
    if noun:
        return lex.claim_predicates.search(opens, noun.end())
    for back in lex.figure_back.finditer(text) if lex.figure_back is not None else ():
        # "juge ce chiffrage nettement sous-évalué", "вважає цю суму завищеною": a figure named back, judged
        verdict = lex.claim_predicates.search(text, back.end())
        if verdict and len(_WORDS.findall(text[back.end():verdict.start()])) <= JUDGED_WORDS:
            return verdict
    return None


JUDGED_WORDS = 2  # the most words between a figure named back and the verdict on it ("ce chiffrage nettement
# sous-évalué")


def _document(word: str, lex: Lexicon) -> bool:
    """Is `word` one of the language's `documents` in any case ("публикацию" for "публикации")?"""
    return any(word == doc or len(doc) >= 6 and word.startswith(doc[:-2]) for doc in lex.documents)


def _name_key(text: str) -> frozenset[str]:
    """The first four letters of each capitalised word of four letters or more (a name in any case:
    "«Финансового Урала»" and "«Финансовый Урал»" are one)."""
    return frozenset(w.lower()[:4] for w in re.findall(r"[^\W\d_][\w'’-]{3,}", text) if w[:1].isupper())


def _accused(source: str, head: str, lex: Lexicon) -> bool:
    """Do the accused of a case speak: the `source` is of their kind, or the subject its sentence opens with
    (`head`: their lawyer for them, "«Мой подзащитный вину не признает»")?"""
    return (_of_kind(source, lex.accused) or _of_kind(head, lex.accused)) and not _of_kind(source, lex.accusers)


def _of_kind(source: str, kinds: AbstractSet[str]) -> bool:
    """Does `source` hold a word that begins as one of `kinds` does ("Prosecutors" for "prosecut", "la pubblica
    accusa")?"""
    lowered = source.lower()
    return any(re.search(rf"(?<![\w'’]){re.escape(kind)}", lowered) for kind in kinds)


def _which(text: str, lex: Lexicon) -> set[str]:
    """The words that pick some of the accused out of all ("principal", "otros", "other" before "acusados",
    "accused"), not their number ("los tres acusados": all of them)."""
    words = [w.strip("«»“”\"'’,.").lower() for w in text.split()]
    return {m for k, w in enumerate(words) if any(w.startswith(a) for a in lex.accused)
            for m in words[max(0, k - 2):k] if m in lex.noun_modifiers and not extract_numbers(m)
            and m not in lex.numerals[1]}


def _person_before(sentences: dict[int, Sentence], sid: int) -> str | None:
    """The last name of the person named last in the story before sentence `sid` (a first name and a last:
    "Mathis Garnier" gives "Garnier"), or None."""
    for before in sorted((i for i in sentences if i < sid), reverse=True):
        people = [a for a in names_of(sentences[before].text)[0] if ends_with_person(a)]
        if people:
            return people[-1].split()[-1]
    return None


def _told_by_kind(subject: list[str], lex: Lexicon) -> bool:
    """Does a clause's subject name someone by what they are, an article and a common noun ("l'athlète", "the
    former chief executive"), not by a name?"""
    first = subject[0].lower() if subject else ""
    elided = re.match(r"([^\W\d_]{1,2}['’])([^\W\d_]+)$", first)
    if elided:  # "l'athlète", not "qu'il"
        return elided.group(1) in lex.determiners and elided.group(2) not in lex.pronouns
    return first in lex.determiners and len(subject) > 1 and subject[1][:1].islower()


def _same_word(word: str, name: str, lex: Lexicon) -> bool:
    """Is `word` the word `name`, with any ending ("Меню" for "Мень", "acusado" for "acusados"), or one of its
    kind ("procesados" for "acusados": `accused`)?"""
    word, name = word.lower().strip("«»“”\"'’,.;:"), name.lower()
    stem = name[:max(3, min(5, len(name) - 1))]
    return word == name or len(word) >= len(stem) and word.startswith(stem) \
        or any(word.startswith(k) for k in lex.accused) and any(name.startswith(k) for k in lex.accused)


def held(claim: Claim, answer: Claim, sentences: dict[int, Sentence]) -> bool:
    """Is `claim` the one `answer`'s sentence names and tells whole ("Jaguar has dismissed union claims that
    ...", `clauses._embedded`): the clause right before it, within its words?"""
    inner, outer = sentences[claim.sid].text, sentences[answer.sid].text
    return claim.sid == answer.sid - 1 and len(inner) < len(outer) and inner in outer


def is_held(claim: Claim, claims: list[Claim], sentences: dict[int, Sentence]) -> bool:
    """Is `claim` told whole inside the next record's sentence (`held`)?"""
    following = [c for c in claims if c.pos == claim.pos + 1]
    return bool(following) and held(claim, following[0], sentences)


def party_of(speaker: str, party: str, lex: Lexicon) -> bool:
    """Does `speaker` speak for `party`, naming all its words in its own ("Ein Polizeisprecher" for "Die
    Polizei", "an army spokesman" for "the army")? A party's denial answers another party, not its own figures
    (not "the Defence Ministry" for "the Interior Ministry": not all their words)."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", party) if w.lower() not in lex.determiners
             and (len(w) > 3 or len(w) > 1 and w.isupper())]  # "Un portavoz de las FAR": the FAR's
    own = [w.lower() for w in re.findall(r"[^\W\d_]+", speaker)]
    if {o for o in own if not any(o.startswith(w[:4]) for w in words)} & constituents():
        return False  # "rebel military spokesman X" does not speak for "a military spokesman"
    return bool(words) and len(own) > len(words) - (1 if lex.capitalised_nouns else 0) \
        and all(any(o.startswith(w[:max(4, len(w) - 2)])
                    or lex.capitalised_nouns and len(o) >= 6 and (w.endswith(o) or o.endswith("s")
                                                                  and w.endswith(o[:-1]))  # "Gesellschaft",
                    # "des Ministeriums": its head
                    for o in own) for w in words)  # ("Ein Sprecher der Gesellschaft" for "die Projektgesellschaft")


def one_party(a: str, b: str, lex: Lexicon) -> bool:
    """Are `a` and `b` one party named two ways: headed by one group of the language's `same_party` ("The
    Israeli army", "Israel's military"; "das Militär", "Israels Streitkräfte"), with no group of people
    (`constituents`: "rebel") in one only, and the names their other words give agreeing where both give one
    ("Israeli", "Israel's"; not "the Russian army" and "the Ukrainian army")? Or one of them its official, who
    names all the other's words (`party_of`: "ein Beamter des Ministeriums", "Das Gesundheitsministerium")?"""
    if party_of(a, b, lex) or party_of(b, a, lex):
        return True

    def read(name: str) -> tuple[frozenset[str] | None, list[str]]:
        words = re.findall(r"[^\W\d_]+", name)
        text = " ".join(w.lower() for w in words)
        for group in lex.same_party:
            for item in group:
                found = re.search(rf"(?<!\w){re.escape(item)}\w*", text)
                if found:
                    rest = [w for w in (text[:found.start()] + " " + text[found.end():]).split()
                            if w not in lex.determiners and len(w) > 2]
                    return group, rest
        return None, []

    kind_a, rest_a = read(a)
    kind_b, rest_b = read(b)
    if kind_a is None or kind_a is not kind_b or set(rest_a) & constituents() != set(rest_b) & constituents():
        return False
    named_a = [w for w in rest_a if any(x.lower() == w and x[:1].isupper() for x in re.findall(r"[^\W\d_]+", a))]
    named_b = [w for w in rest_b if any(x.lower() == w and x[:1].isupper() for x in re.findall(r"[^\W\d_]+", b))]
    return not named_a or not named_b or any(x[:4] == y[:4] for x in named_a for y in named_b)


def own_side(figures: str, speaker: str, lex: Lexicon) -> bool:
    """Are `figures` a country's own, described by its adjective ("georgischen Angaben", "iranischen Angaben"),
    and `speaker` one of that country's ("Das georgische Innenministerium", "Irans UN-Sprecher")? A party's
    denial answers the other side, not its own side's figures."""
    words = figures.split()
    if len(words) != 2 or lex.earlier_claims is None or not lex.earlier_claims.fullmatch(words[1]) \
            or words[0].lower() in lex.determiners | lex.demonstratives | lex.possessives or len(words[0]) < 6:
        return False
    stem = words[0].lower()[:4]
    return any(w.lower().startswith(stem) for w in re.findall(r"[^\W\d_]+", speaker))


def _answered_later(i: int, claims: list[Claim], sentences: dict[int, Sentence], lex: Lexicon,
                    language: str | None, incident: dict[int, int], pointed: bool) -> list[Claim]:
    """The claims after denial `i` that it answers, when none before it does: news often opens with the denial
    ("Pakistan's ISPR denied India's claims that it had killed seven soldiers", "Информация о гибели семи
    ... не соответствует действительности") and gives the claim later. The later claims of other sources in
    the incident that give a figure the denial names ("семи", "seven"); else those of a source it names; else
    those that count a quantity it names; else, where it names the claims back ("ces informations"), the
    first."""
    d = claims[i]
    text = sentences[d.sid].text
    said_no = lex.denial.search(text)
    quoted_claim = re.search(r"(?<!\w)(?:" + "|".join(map(re.escape, lex.relatives)) + r")\s+(\w+)",
                             text[said_no.end():], re.IGNORECASE) if said_no and lex.relatives else None
    if quoted_claim and lex.cue.fullmatch(quoted_claim.group(1)):
        return []  # "rechazó la acusación de Duque, quien aseguró que ...": the claim it denies is its own words
    later = [c for c in claims[i + 1:] if not c.outlet and not same_source(c.source, d.source)
             and not own_side(c.source, d.source, lex)
             and incident[c.sid] == incident[d.sid] and not lex.denial.search(sentences[c.sid].text)]
    if not later:
        return []
    figures = _figures(text, lex, language)
    # (or that point back to it right after: "rejected reports that 80 soldiers had been killed. ... The weekly
    # Nord Observer had reported that figure")
    giving = [c for c in later if figures & _figures(sentences[c.sid].text, lex, language)
              or figures and claims.index(c) - i <= POINTED_BACK + 1 and _gives_back(sentences[c.sid].text, lex,
                                                                                     language)]
    if giving:
        return giving
    if any(not c.outlet and not same_source(c.source, d.source) and not held(c, d, sentences) for c in claims[:i]):
        return []  # another party spoke before it: only a figure the denial names reaches past it
    spelled = " ".join(acronyms(text))  # "India's Border Security Force's claims": the BSF's
    named = [c for c in later if mentions(text, c.source) or spelled and same_source(c.source, spelled)]
    if named:  # "dismissed a report by the weekly Ledger claiming ... 12,000 jobs": what the Ledger says
        # later, whatever figure it gives then
        return named[:1]
    if figures:
        return []
    counted = _named_quantities(text, lex)
    counting = [c for c in later if counted & _named_quantities(sentences[c.sid].text, lex)]
    if counted and (counting or not pointed):
        return counting
    return later[:1] if pointed else []  # "Інформація про влучання у пасажирський потяг": no count, the report


def number_words(text: str, lex: Lexicon) -> list[tuple[int, str, float, str | None]]:
    """(position, words, value, the word after) of the number words of `text` outside English ("trois missiles",
    "Пять мирных жителей", "семи"), which `extract_numbers` does not read."""
    pattern, values = lex.numerals
    if pattern is None:
        return []
    # (a number word inside a written figure is part of it: "60 per cento" is no 100)
    spans = [(at, at + len(n.text)) for n in extract_numbers(text, lex.code) if (at := text.find(n.text)) >= 0]
    return [(m.start(), m.group(0), values[m.group(0).lower()], unit.group(1) if unit else None)
            for m in pattern.finditer(text) for unit in [re.match(r"\s+(\w+)", text[m.end():])]
            if (lex.scale_words is None or not lex.scale_words.match(text[m.end():]))  # not "двух сотнях"
            and (lex.multipliers is None or not lex.multipliers.match(text[m.end():]))  # not "trois fois plus"
            and not any(a <= m.start() < b for a, b in spans)]


def _figures(text: str, lex: Lexicon, language: str | None) -> set[float]:
    """The values of the figures `text` gives, in digits or in number words ("семи", "sept")."""
    return _values(text, language) | {value for _, _, value, _ in number_words(text, lex)}


def two_sided(text: str, language: str | None) -> bool:
    """Does one sentence give two sources' different figures for one quantity ("480 000 manifestants selon la
    police, 1,2 million selon les syndicats", "The university reports 900 ..., while the union reports up to
    2,100 strikers")? Then its record is disputed by itself."""
    lex = lexicon(language)
    pieces = [p for p in re.split(r",\s|;\s|\s[—–]\s", text) if extract_numbers(p, language)]
    sources = [parsed[0] for p in pieces if (parsed := parse_attribution(p.strip(), language))]
    distinct = [a for i, a in enumerate(sources) if not any(same_source(a, b) for b in sources[:i])]
    return len(distinct) >= 2 and any(len(values) >= 2 for name, values in quantities(text, lex, language).items()
                                      if name != "people")


def _subgroup(words: list[str], lex: Lexicon) -> bool:
    """Do the words after a figure name a group within a toll ("двух погибших журналистах", "nine children"),
    not a whole ("mulheres e homens")?"""
    if lex.subgroups is None:
        return False
    for i, w in enumerate(words[:2]):
        if lex.subgroups.match(w):
            return not (words[i + 1:i + 2] and words[i + 1].lower() in lex.conjunctions)
    return False


def _values(text: str, language: str | None) -> set[float]:
    return {n.value for n in extract_numbers(text, language)}


def _pointed(text: str, back: re.Match, lex: Lexicon) -> bool:
    """Is the word naming the claims back pointed with a demonstrative ("these claims", "diese Angaben", "ці
    твердження")? Then it is about the claims right before the denial."""
    before = text[:back.start()].split()[-1:]
    return bool(before) and before[0].lower() in lex.demonstratives


def _named_quantities(text: str, lex: Lexicon) -> set[str]:
    """The quantities whose words `text` holds, with or without a figure ("данные о числе погибших",
    "Пять мирных жителей погибли")."""
    return {name for name, words in lex.quantities if words.search(text)}


def _figures_answered(claims: list[Claim], sentences: dict[int, Sentence], lex: Lexicon, language: str | None,
                      incident: dict[int, int]) -> list[tuple[Claim, Claim]]:
    """(earlier, later) pairs where the later record refers back to a figure ("The Civil Defence put that figure
    at 90", "Украинская сторона оценивает это число в 6 аппаратов") and gives another: the last figure of
    another source before it, in the same incident, is the one it answers."""
    if lex.figure_back is None:
        return []
    numbers = {c.pos: extract_numbers(sentences[c.sid].text, language) for c in claims}
    parts = parts_of(claims, sentences, language)  # "the figure included 342 of its members": a part, no answer
    values = {pos: {n.value for n in found} - parts[pos] for pos, found in numbers.items()}
    numbers = {pos: [n for n in found if n.value in values[pos]] for pos, found in numbers.items()}
    pairs = []
    for i, b in enumerate(claims):
        text = sentences[b.sid].text
        back = lex.figure_back.search(text) if not b.outlet and values[b.pos] else None
        if back is None or text.find(numbers[b.pos][0].text) < back.start():
            continue  # "24 soldiers, although this figure has not been confirmed": its own figure, not another's
        earlier = [c for c in reversed(claims[:i]) if not c.outlet and values[c.pos]
                   and incident[c.sid] == incident[b.sid]]
        # ("Die Zahl von 4.000 entbehrt jeglicher Grundlage": the figure it names back is the claim giving 4.000)
        a = next((c for c in earlier if values[c.pos] & values[b.pos]), None) or next(iter(earlier), None)
        if a is not None and not same_source(a.source, b.source) and values[a.pos] != values[b.pos]:
            pairs.append((a, b))
    return pairs


def _denied_by_another(text: str, said_no: re.Match, source: str, language: str | None) -> bool:
    """Is the denial `said_no` in a clause after a ";" that names a speaker of its own, another than `source`
    ("Die Helfer hätten stark abgenommen, sagte eine Ministeriumssprecherin; die Rebellen haben Misshandlungen
    stets bestritten")? Then it is that party's denial, not one of the record's source."""
    start = text.rfind(";", 0, said_no.start())
    if start < 0:
        return False
    clause = re.split(r";", text[start + 1:], maxsplit=1)[0].strip()
    named = parse_attribution(clause, language)
    return named is not None and not same_source(named[0], source)


def _what_was_said(after: str, lex: Lexicon) -> str:
    """What a denial says was claimed, where it says it in a clause of its own ("denied reports that Kyiv had
    delayed the exchange", "negó que la huelga ..."): the words after the complementizer, else ""."""
    words = after.split()
    for i, w in enumerate(words[:6]):
        if w.lower() in lex.complementizers and len(words) - i > 3:  # "disputed that toll": no clause
            return " ".join(words[i + 1:])
        if w[-1:] in ",;:":  # "denied the accusations, saying that ...": what it said, not what it denied
            break
    return ""


def _cue_of(text: str, lex: Lexicon) -> str:
    m = lex.cue.search(text)
    return m.group(0).lower() if m else ""


def _next(sentences: dict[int, Sentence], sid: int, lex: Lexicon, recorded: set[int]) -> str:
    """The sentences after `sid` that are no record and name no source of their own, at most two ("Lysiwka
    sei weiterhin unter ukrainischer Kontrolle."): what a claim or a denial goes on to say."""
    out: list[str] = []
    for i in sorted(i for i in sentences if sid < i)[:3]:
        after = sentences[i]
        if after.boilerplate:
            continue
        if is_back_attribution(after.text, lex.code):  # "Das teilte X mit.": part of the claim before it
            continue
        if i in recorded or lex.cue.search(after.text) or len(out) == 2:
            break
        out.append(after.text)
    return " ".join(out)


def _modifier_owner(text: str, lex: Lexicon) -> str | None:
    """The party a word joined to a noun of claims names ("dismissed the police figures", "The military claim",
    "les chiffres préfectoraux", "i dati sindacali", "полицейские данные"): the content word right before or
    right after the noun; in a language that writes its compounds solid, the compound's first part ("die
    Polizeiangaben"). None if there is none. A word that names no party matches no claim's source by its stem
    ("the latest figures"), so it answers nothing."""
    if lex.earlier_claims is None:
        return None
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    skip = lex.determiners | lex.not_in_source | lex.prepositions | lex.genitive | lex.auxiliaries
    for k, word in enumerate(words):
        if lex.earlier_claims.fullmatch(word):
            for near in (words[k - 1] if k else "", words[k + 1] if k + 1 < len(words) else ""):
                if len(near) >= 5 and near.lower() not in skip and not lex.cue.fullmatch(near) \
                        and not lex.denial.fullmatch(near):
                    return near
        elif lex.capitalised_nouns and word[:1].isupper():
            part = next((word[:at] for at in range(4, len(word) - 3)
                         if lex.earlier_claims.fullmatch(word[at:])), None)  # "Polizei|angaben"
            if part:
                return part
    return None


def _plain(stems: set[str]) -> set[str]:
    """Stems without their accents ("Polícia" and "policiais" share "polic")."""
    return {"".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)) for s in stems}


def _stems(text: str, lex: Lexicon) -> set[str]:
    """Content words of `text`, by their first five letters (Lysiwka/Lysiwkas, ukrainische/ukrainischer):
    words of five letters or more that are not a cue or a clause's verb ("seien", "worden", "said")."""
    skip = lex.not_in_source | lex.auxiliaries | lex.complementizers
    return {w.lower()[:5] for w in re.findall(r"[^\W\d_]{5,}", text) if w.lower() not in skip
            and not lex.cue.fullmatch(w) and (lex.reported_speech is None or not lex.reported_speech.fullmatch(w))}


def answers_previous(text: str, source: str, language: str | None) -> bool:
    """Is the sentence a bare answer to the one before it, no word of its own but its source and cue ("Ein
    Unternehmenssprecher wies das zurück.", "The ministry denied this.")? Then it answers that sentence only."""
    lex = lexicon(language)
    own = {w.lower()[:5] for w in re.findall(r"[^\W\d_]{5,}", text) if w.lower() in lex.trailing}
    # the verdict is no word of its own ("il s'agirait d'une « fausse information »", "se trataría de un bulo"),
    # nor does it name a claim back ("information")
    verdict = lex.denial.sub(" ", text)
    verdict = lex.claim_predicates.sub(" ", verdict) if lex.claim_predicates is not None else verdict
    named = lex.earlier_claims.search(verdict) or lex.figure_back is not None and lex.figure_back.search(text)
    return lex.denial.search(text) is not None and not named and not _stems(verdict, lex) - _stems(source, lex) - own


def is_note(text: str, language: str | None) -> bool:
    """A short sentence that only says something could not be verified ("The two accounts could not be
    independently verified."): no record of its own, evidence for the claims before it."""
    return is_verification(text, language) and len(_WORDS.findall(text)) < 25 \
        and not any(c.isdigit() for n in extract_numbers(text, language) for c in n.text)  # "the two accounts"


def verification_notes(claims: list[Claim], story: dict[int, Sentence], language: str | None,
                       contested: dict[int, set[int]] | None = None) -> dict[int, list[int]]:
    """{record position: the sentence ids of the notes about it}: the claims of its paragraph or the two
    before; those it names; or, where it says "both" or "the two" of them ("Les deux bilans n'ont pas pu être
    vérifiés"), the claims that contest each other since the last note, wherever they stand; where it speaks of
    "the figures", the claims that give figures."""
    lex = lexicon(language)
    contested = contested or {}
    out: dict[int, list[int]] = {}
    last_note = last_sid = 0
    ids = sorted(story)
    for sid in ids:
        text = story[sid].text
        if not is_note(text, language):
            continue
        para = story[sid].paragraph
        earliest = max(last_note, min((i for i in ids if story[i].paragraph >= para - 2), default=0))
        if any(story[i].paragraph == para for i in ids if last_note < i < sid):
            earliest = max(last_note, min(i for i in ids if story[i].paragraph == para))
        last_note = sid
        # a note inside a paragraph is about that paragraph's claims; a note of its own, the two paragraphs before
        window = [c for c in claims if earliest <= c.sid < sid and not c.outlet]
        both = lex.both is not None and lex.both.search(text)
        sides = [c for c in claims if last_sid <= c.sid < sid and contested.get(c.pos)] if both else []
        if not sides and lex.figure_nouns is not None and lex.figure_nouns.search(text):
            # "The figures could not be independently verified": the claims that give figures, in its paragraphs
            # or else since the last note; not a minister's dismissal right before it
            sides = [c for c in window if _counting(story[c.sid].text, language)] or [
                c for c in claims
                if last_sid <= c.sid < sid and not c.outlet and _counting(story[c.sid].text, language)]
        last_sid = sid
        if not window and not sides:
            continue
        named = [c for c in window if mentions(text, c.source)]
        plural = lex.earlier_claims is not None and lex.earlier_claims.search(text)
        if named:
            targets = named
        elif plural and _plural(plural.group(0)):
            targets = sides or window
        else:  # "the battlefield report": what the last source said, all of it
            targets = _run(window, window[-1], len(window), language)
        for c in targets:
            out.setdefault(c.pos, []).append(sid)
    return out


def _counting(text: str, language: str | None) -> bool:
    """Does the sentence give a figure that is no part of a word joined by a hyphen ("a 40-tonne crane" is
    none)?"""
    return any(not _HYPHENED.match(text, text.find(n.text) + len(n.text)) for n in extract_numbers(text, language))


def _run(claims: list[Claim], last: Claim, reach: int, language: str | None = None) -> list[Claim]:
    """`last` and the claims of the same source right before it (no other party's between), at most `reach`;
    "The group said", "The paramilitary said" go on with the party before them; one before the run joins it
    where the party before that reference is the run's ("Il sindaco, invece, ha detto", between the ANM and the
    unions, is no union's)."""
    at = claims.index(last)
    start = at
    while start > 0 and at - start + 1 < reach and not claims[start - 1].outlet \
            and (same_source(claims[start - 1].source, claims[start].source)
                 or same_source(claims[start - 1].source, last.source)
                 or is_back_reference(claims[start].source, language)
                 or is_back_reference(claims[start - 1].source, language) and start >= 2
                 and (refers_to(last.source, claims[start - 2].source)
                      or refers_to(claims[start - 2].source, last.source))):
        start -= 1
    return claims[start:at + 1]


def _plural(word: str) -> bool:
    """Does the word of a note name several claims? Plural forms end in -s, -en, -es, -i, -е, -и, -ї ...;
    "information", "Angaben", "данные" count as several."""
    word = word.lower()
    return not word.endswith(("claim", "report", "account", "statement", "figure", "estimate", "toll",
                              "accusation", "allegation", "version", "versión", "darstellung", "behauptung",
                              "bericht", "vorwurf", "acusación", "accusa", "acusação", "обвинение", "zahl",
                              "angabe", "bilanz", "schätzung", "chiffre", "bilan", "estimation", "cifra", "balance",
                              "balanço", "bilancio", "stima", "número", "numero", "цифра", "цифру", "число"))
