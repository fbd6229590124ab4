"""Is a statement attributed? Words that attribute a claim, and the repair that names the source.

Used by the validators of both answers: an event summary or digest sentence about
a claim that is not the outlet's own (`asserted`) must say whose claim it is.
"""

from __future__ import annotations

import functools
import re

from summarizer.language import Lexicon, lexicon
from summarizer.numbers import extract_numbers

# Words that attribute a statement to someone: a sentence using one is not the writer's own claim.
ATTRIBUTION_CUES = re.compile(
    r"\b(said|says|say|saying|according|claim\w*|report\w*|alleg\w*|den(?:y|ies|ied)|accus\w*|"
    r"assert\w*|stat(?:ed|es)|told|insist\w*|acknowledg\w*|announc\w*|wrote|writes|posted|"
    r"confirm\w*|reject\w*|dismiss\w*|contend\w*|argu\w*|warn\w*|prais\w*|call\w*|cited|"
    r"estimat\w*|unverified|unconfirmed|could not (?:be )?(?:independently )?verif\w*)\b",
    re.IGNORECASE,
)
GENERIC_WORDS = {"the", "a", "an", "of", "and", "its", "their", "state", "news", "local", "official",
                  "officials", "source", "sources", "unnamed", "agency", "agencies"}

_LOWER_AFTER_COMMA = {"The", "A", "An", "This", "That", "These", "Those", "Its", "Their", "His", "Her", "Some",
                      "Several", "Many", "At", "In", "On", "By", "More", "Most", "About", "Around", "Over",
                      "It", "They", "There", "He", "She", "We", "After", "Before", "During", "Since", "While",
                      "When", "Among", "For", "From", "With", "Under", "Up"}


def names_source(text: str, source: str) -> bool:
    """Does the sentence attribute (a cue word) or name the source (a distinctive word of it)?"""
    if ATTRIBUTION_CUES.search(text):
        return True
    words = {w.lower() for w in re.findall(r"[\w'’-]+", source)} - GENERIC_WORDS
    lowered = text.lower()
    return any(re.search(rf"\b{re.escape(w)}\b", lowered) for w in words if len(w) > 2)


def attributed(text: str, source: str, original: bool = False) -> str:
    """`text` as a claim of `source` ("According to X, ..."), unless it already says whose it is. A sentence
    left in its own language (`original`) gets its source before a colon ("представитель разведки: При
    взрыве ..."), which reads in every language, not English words around it."""
    text = text.strip()
    if not text or names_source(text, source):
        return text
    if original:
        source = source.strip()
        return f"{source[:1].upper()}{source[1:]}: {text}"
    first, _, rest = text.partition(" ")
    if first in _LOWER_AFTER_COMMA:  # "The army ..." -> "..., the army ..."; "Kyiv ..." stays
        first = first.lower()
    return f"According to {source.strip()}, {first}{' ' if rest else ''}{rest}"


_TIME_WORDS = re.compile(r"(?:\s+(?:on|last|this|late|early)\s+\w+|\s+(?:separately|also|previously|earlier|later|"
                         r"again|then|in turn|yesterday|today|overnight|both|has|have|had|was|were|is|are|since|now|"
                         r"already|subsequently|publicly|reportedly|"
                         r"has also|have also))+\s*$", re.IGNORECASE)
DENIAL = re.compile(r"\b(?:den(?:y|ies|ied)|reject\w*|dismiss\w*|refut\w*|disput\w*|false|untrue)\b",
                    re.IGNORECASE)
# Where a subject written before its cue begins, and where a source written after its cue ends.
_CLAUSE_START = re.compile(r"(?<!\d),|,(?!\d)|[;:“”\"«»()—–]|\s-\s|^")  # "51,2 Prozent": no clause break
# an initial's full stop ends no name ("U.N. refugee agency officials", "M. Koulamallah")
_SOURCE_END = re.compile(r"(?<!\d),|,(?!\d)|[;:!?“”\"«»()—–]|(?<!\b[A-Z])\.|\s-\s|$")
_TOKEN = re.compile(r"[\w'’.-]+")
# ", Lapo Pistelli,": two to four words set off by commas (a person's name where all are capitalised)
_SET_OFF_NAME = re.compile(r"\s*,\s*((?:[^\W\d_][\w'’.-]*\s+){1,3}[^\W\d_][\w'’-]*)\s*,")


@functools.lru_cache(maxsize=8192)  # a sentence is read for its own record and again as the one before others
def parse_attribution(sentence: str, language: str | None = "en") -> tuple[str, str] | None:
    """(source, cue) as the sentence states them, in its language, or None; a title with the name set off
    after it ("Secondo il viceministro degli Esteri, Lapo Pistelli,") is kept whole (`_parse`)."""
    lex = lexicon(language)
    sentence = without_ages(sentence, lex)
    parsed = _dash_incise(sentence, lex) or _parse(sentence, lex)
    if parsed and not is_speaker(parsed[0], lex) and lex.according is not None:
        # "El acuerdo prevé un aumento del 8%, según el sindicato": a thing forecasts nothing; the party the
        # sentence is told after speaks
        at = sentence.lower().find(parsed[1].lower())
        cue_end = at + len(parsed[1]) if at >= 0 else len(sentence)  # (not the cue itself: "laut eigenen Angaben")
        cited = next((p for m in lex.according.finditer(sentence) if m.start() >= cue_end
                      and (p := _parse(sentence[m.start():], lex)) and is_speaker(p[0], lex)), None)
        parsed = cited or parsed
    if parsed and lex.recording is not None and lex.recording.fullmatch(parsed[1]) \
            and parsed[0].split()[-1].lower() in lex.place_nouns:
        # "A região registrou 180 milímetros de chuva", "I due reparti hanno registrato 2.100 parti": a place (a
        # ward, a unit) or a period records; it says nothing
        return None
    if parsed and _passive_without_agent(sentence, parsed, lex):
        return None  # "Mehrere Tote wurden in den Orten Durrës, Thumanë und Shijak gemeldet": no one named
    return (_joined(sentence, _without_channel(_with_name(sentence, parsed[0], lex), lex), lex), parsed[1]) \
        if parsed else None


JOINED_WORDS = 6  # the most words of a party joined to a source by "and" ("et les secouristes en zones rebelles")


def _joined(sentence: str, source: str, lex: Lexicon) -> str:
    """`source` whole where it ends with a conjunction ("le ministère syrien de la Santé et"): with the party
    joined to it, up to the clause's end, where that is a speaker of a few words ("... et les secouristes en
    zones rebelles"), else without the conjunction."""
    words = source.split()
    if len(words) < 2 or words[-1].lower() not in lex.conjunctions:
        return source
    at = sentence.find(source)
    rest = re.split(r"[,;:.!?()«»“”\"]", sentence[at + len(source):])[0].split() if at >= 0 else []
    if rest and len(rest) <= JOINED_WORDS and is_speaker(" ".join(rest), lex):
        return f"{source} {' '.join(rest)}"
    return " ".join(words[:-1])


def _passive_without_agent(sentence: str, parsed: tuple[str, str], lex: Lexicon) -> bool:
    """In a language whose main clause puts its finite verb second and its participle last (`verb_second`), is
    the cue the participle of a passive (`passive_auxiliaries`: "Mehrere Tote wurden ... gemeldet.") whose
    source is no agent after "von"? Then the words before the participle are no speaker."""
    if not lex.passive_auxiliaries or not lex.verb_second:
        return False
    source, cue = parsed
    at = sentence.find(source)
    cue_at = sentence.lower().find(cue.lower(), at + len(source)) if at >= 0 else -1
    if at < 0 or cue_at < 0:
        return False
    before = sentence[:at].split()
    last = re.fullmatch(r"\s*[.!?]?\s*", sentence[cue_at + len(cue):])
    return last is not None and any(w.lower() in lex.passive_auxiliaries for w in sentence[:at].split()) \
        and not (before and before[-1].lower() in lex.passive_agent)


_DASH_INCISE = re.compile(r"(?<=\S)\s*[–—]\s*(?P<inside>[^–—«»“”\"]{3,100}?)\s*[–—]\s*(?=\S)")


def _without_scene(source: str, lex: Lexicon) -> str:
    """A party cited with its clause's verb right after it, without the scene the sentence goes on to ("Secondo
    gli organizzatori | al corteo hanno partecipato 15.000 persone", "según la policía | en la plaza había ..."):
    the words from a preposition after a party's noun, where no name follows ("police in Kyiv" is kept whole,
    and so is every German phrase)."""
    if lex.capitalised_nouns:
        return source
    tokens = source.split()
    for i in range(1, len(tokens) - 1):
        if tokens[i].lower() in lex.prepositions - lex.genitive and lex.speakers.search(tokens[i - 1]) \
                and not any(w[:1].isupper() for w in tokens[i + 1:]):
            return " ".join(tokens[:i])
    return source


def _dash_incise(sentence: str, lex: Lexicon) -> tuple[str, str] | None:
    """(speaker, verb) of an incise set off by dashes inside a quotation ("“La Guardia costiera ha detto di ...
    – ha scritto il fondatore della ong, Oscar Camps – ma non hanno detto che ...”", "«... —ha escrito el
    fundador— ...»"): the quote is the speaker's whatever it reports others said; None where there is none."""
    opened = re.match(r"\s*[“«„\"]", sentence)
    if opened is None:
        return None
    for m in _DASH_INCISE.finditer(sentence, opened.end()):
        words = m.group("inside").split()
        at = 1 if words and words[0].lower() in lex.auxiliaries and len(words) > 1 else 0
        if not words or not (lex.cue.fullmatch(words[at]) or at and words[at].isalpha() and words[at].islower()):
            continue  # (a cue, or any participle after an auxiliary: "—ha escrito el fundador—")
        start = m.start("inside") + m.group("inside").find(words[at]) + len(words[at])
        source = _source_after(sentence[:m.end("inside")], start, lex)
        if source and is_speaker(source, lex):
            rest = sentence[start:m.end("inside")]
            named = re.fullmatch(r"\s*" + re.escape(source) + r",\s*((?:[^\W\d_][\w'’.-]*\s*){1,4})", rest)
            if named and all(w[:1].isupper() for w in named.group(1).split()):  # "il fondatore della ong, Marco
                source = f"{source}, {named.group(1).strip()}"  # Neri"
            return source, words[at].lower()
    return None


# platforms a statement is made on, named before its speaker ("sur la messagerie Telegram Pavlo Kyrylenko")
CHANNELS = frozenset({"telegram", "twitter", "facebook", "instagram", "youtube", "tiktok", "whatsapp", "vkontakte",
                      "viber", "threads", "bluesky", "weibo", "wechat"})


def _without_channel(source: str, lex: Lexicon) -> str:
    """`source` without the party it is quoted through ("A nurse at Carrow General Hospital quoted by the Red
    Cross": the nurse; "un médecin de l'hôpital cité par Médecins du Monde": the doctor)."""
    words = source.split()
    cut = next((i for i in range(1, len(words) - 1) if words[i].lower() in lex.cited_by
                and words[i + 1].lower() in lex.passive_agent | lex.genitive), None)
    return " ".join(words[:cut]).rstrip(",") if cut else source


def without_ages(sentence: str, lex: Lexicon) -> str:
    """`sentence` without the ages set off after names ("Moses Baluku, 52, recounted", "Ursula Brandt (78)
    berichtete", "Luis Andrade, de 70 años, contó", the language's `ages`), which stand between a speaker and
    the cue: "Moses Baluku recounted", "said Andriy, a marine"."""
    if lex.ages is None:
        return sentence

    def drop(m: re.Match) -> str:
        if not m.group("name")[:1].isupper() and not lex.speakers.match(m.group("name")):
            return m.group(0)  # (a party's head: "El principal acusado, de 41 años, ha asegurado")
        if m.group("paren") is not None or m.group("close") != ",":
            return m.group("name") + (m.group("close") or "")
        following = sentence[m.end():].split()[:2]
        verb = any(lex.cue.fullmatch(w.strip(",.").lower()) for w in following)
        return m.group("name") + ("" if verb else ",")  # "Baluku, 52, recounted"; "Andriy, 29, a marine"

    return lex.ages.sub(drop, sentence)


def _with_name(sentence: str, source: str, lex: Lexicon) -> str:
    """`source` and the person's name set off by commas right after it, where `source` is a title ("il capo
    della Protezione Civile, Fabrizio Curcio,", "dem Sprecher der Polizei, Hans Müller,"): a reader wants the
    name, and a later "Curcio" is the same speaker."""
    at = sentence.find(source)
    name = _SET_OFF_NAME.match(sentence, at + len(source)) if at >= 0 and source else None
    if name is None or not lex.speakers.search(source) or source.split()[0].lower() in lex.pronouns:
        return source
    words = name.group(1).split()
    if not all(_unelided(w)[:1].isupper() for w in words) or any(
            w.lower() in lex.not_in_source | lex.determiners | lex.pronouns or lex.cue.fullmatch(w) for w in words) \
            or lex.speakers.search(name.group(1)) or not is_speaker(name.group(1), lex):
        return source  # "Der Sprecher, Der Spiegel": a party, no person's name
    return f"{source}, {name.group(1)}"


def _parse(sentence: str, lex: Lexicon) -> tuple[str, str] | None:
    """(source, cue) as the sentence states them, in its language, or None.

    Read with the language's lexicon (`language.py`): a marker before the
    source ("according to X", "según X", "по словам X"), a marker after it
    ("X zufolge"), the agent of a passive cue ("announced by X"), a subject
    before its cue ("X said", ", X said.") or one after it (", said X.",
    ", afirmó el portavoz", "teilte das Ministerium mit"). A source is a noun
    phrase that can speak (`is_speaker`): a name, a pronoun or a head word such
    as "ministry"; a discourse phrase ("That being said") or the subject of
    another verb ("the authority had no confirmed information") is none. A
    pronoun source ("he said") is returned as written, lower case; the caller
    resolves it."""
    opener = lex.back_attribution.match(sentence.strip()) if lex.back_attribution is not None else None
    if opener:  # "Об этом сообщил X", "Das teilte X mit": the speaker follows the opener
        source = _source_after(sentence.strip(), opener.end(), lex) \
            or _source_after(sentence.strip(), opener.end(), lex, verb_first=False)
        whose = _whose_figures(sentence.strip()[opener.end():], lex)
        if whose:  # "Das geht aus einem Prüfbericht des Rechnungshofs hervor": the party, not its document
            source = _source_after(sentence.strip(), opener.end() + whose, lex, verb_first=False) or source
        elif source and any(w.lower() in lex.documents for w in source.split()[:2]):
            # "That is the central finding of a report published on Monday by the campaign group X": the agent
            source = _agent_in_clause(sentence.strip(), opener.end(), lex) or source
        if source:
            cue = lex.cue.search(opener.group(0))
            if cue:
                return source, cue.group(0).lower()
            # "That is the latest count released by X", "Das ist die jüngste Bilanz des X": the participle or
            # the figure's noun, not the preposition before the party
            closed = lex.prepositions | lex.passive_agent | lex.genitive | lex.determiners
            words = [w for w in re.findall(r"[^\W\d_]+", opener.group(0)) if w.lower() not in closed]
            return source, (words[-1] if words else opener.group(0).split()[-1]).lower()
    introduced = _introduced_document(sentence, lex)
    if introduced:  # 'Ecco il comunicato: «...»', 'Here is the statement in full: "..."': the document's words
        return introduced
    quoted = quoted_spans(sentence)
    told = _document_author(sentence, quoted, lex)
    if told:  # "..., говорится в заявлении Минобороны России": the document's author tells the whole sentence
        return told
    marker, pronouns = lex.pronoun_markers
    cited = marker.search(sentence) if marker is not None else None
    if cited and not any(a < cited.start() < b for a, b in quoted):  # "По его словам, ...": "он"
        return pronouns[" ".join(cited.group(0).lower().split())], " ".join(cited.group(0).lower().split())
    if lex.own_account is not None:
        m = lex.own_account.search(sentence)
        subject = _sentence_subject(sentence[:m.start()], lex, own=True) if m else None
        if m and not sentence[:m.start()].strip():  # "Eigenen Angaben zufolge hat das Militär ...": after the verb
            subject = _sentence_subject(" ".join(sentence[m.end():].split()[1:]), lex, own=True)
        if subject and m:
            return subject, " ".join(m.group(0).lower().split())
    for pattern in lex.described_sources:  # "Nach iranischen Angaben": Iranian figures, no party named; before a
        # marker the phrase holds ("según datos oficiales": not "datos oficiales las bajas")
        described = pattern.search(sentence)
        if described and any(a <= described.start() < b for a, b in quoted):
            continue  # '"Nach unseren Schätzungen hat ...", zitiert die Zeitung X': the speaker's words
        if described and not (lex.own_account is not None and lex.own_account.search(sentence)):
            return described.group("source"), described.group(0).replace(described.group("source"), "").strip().lower()
    own = lex.own_account.search(sentence) if lex.own_account is not None else None
    relative = lex.according_relative.search(sentence) if lex.according_relative is not None else None
    if relative and not any(a < relative.start() < b for a, b in quoted):
        # "è stato rivisto al ribasso dalla Bbc, secondo cui ...": the noun the marker stands for
        party = _antecedent(sentence[:relative.start()], lex)
        if party:
            return party, " ".join(relative.group(0).lower().split())
    if lex.according is not None:
        for m in lex.according.finditer(sentence):
            if own and own.start() <= m.start() < own.end():
                continue  # "laut eigenen Angaben": the subject's own account, no one else's
            if any(a < m.start() < b for a, b in quoted):
                continue  # "“According to the ground information we got, ...”, he said": the speaker's words
            named = [w.strip(",;:") for w in sentence[m.end():].split()[:3]]
            if any(w.lower() in lex.relatives for w in named[:2]):
                continue  # "la notizia secondo cui il Questore avrebbe ...", "según la cual": what a report says
            if len(named) >= 2 and named[0].lower() in lex.demonstratives and lex.pronouns \
                    and (_figure_headed(named[1], lex) or lex.earlier_claims.fullmatch(named[1])) \
                    and not (len(named) > 2 and _genitive_length(named[2], lex) is not None
                             or named[2:] and named[2].lower() in lex.prepositions):
                # (not "According to these figures from the UN": the party is named)
                # "D'après ces résultats, ...", "Según estas cifras": the figures of the source named before
                return min(lex.pronouns), " ".join(m.group(0).lower().split())
            after = m.end()
            # "según informa el Servicio Nacional", "segundo informou a Defesa Civil": the verb is no part of who
            # speaks
            cue_word = re.match(r"\s*([^\W\d_]+)\s+", sentence[after:])
            if cue_word and lex.cue.fullmatch(cue_word.group(1)) and cue_word.group(1).lower() not in lex.determiners:
                after += cue_word.end()
            addressed = _ADDRESSED.match(sentence, after)
            if addressed and addressed.group("place").lower() in lex.speaker_place:
                # "Как сообщили «Газете.Ru» в пресс-службе ...": the paper told is no speaker, the office after it is
                after = addressed.start("place")
            source = _owner_of_figures(sentence[after:], lex) or _source_after(
                sentence, after, lex, verb_first=False) or _marked(sentence[after:], lex)
            at = sentence.find(source, m.end()) if source else -1
            citing = lex.according.search(sentence, at + 1) if at >= 0 else None
            if source and citing and citing.start() < at + len(source):
                # "Як повідомляє Дождь з посиланням на ...": the party ends where it cites another
                source = sentence[at:citing.start()].strip(" ,") or source
            whose = _whose_figures(sentence[m.end():], lex)
            if whose:  # "según denuncias de organizaciones ...", "secondo i dati della Protezione civile", "according
                # to a new report from Spain's accident commission": the party, not its document
                source = _source_after(sentence, m.end() + whose, lex, verb_first=False) or source
            if not source or _figure_headed(source, lex) or _document_headed(source, lex):
                # "Secondo quanto riportato in un primo momento dalla Cnn,", "d'après les résultats provisoires
                # communiqués vendredi soir par le ministre", "según reportes epidemiológicos emitidos por el
                # Ministerio de Salud": the participle's agent
                source = _agent_in_clause(sentence, m.end(), lex) or source
            if source and (re.match(rf"\s*{re.escape(source)}\s+[^\W\d_]", sentence[m.end():])
                           or re.search(r"\d", source)):  # (where a comma or the sentence's end closes it, and
                source = _without_scene(source, lex)  # it holds no figure, it is whole)
            if source:
                # "Their spokesman said that ..., owned according to him by ...": the speaker who comes first
                # reports what follows, a marker inside the words said is theirs
                first = _by_cue(sentence[:m.start()], lex) if m.start() else None
                return first or (source, " ".join(m.group(0).lower().split()))
    opening = lex.according_opening.match(sentence) if lex.according_opening is not None else None
    if opening:  # "Per i sindacati confederali al corteo hanno partecipato ...": the unions' figure
        source = _source_after(sentence, opening.end(), lex, verb_first=False) or _marked(sentence[opening.end():], lex)
        tokens = (source or "").split()
        if not (source and re.match(rf"\s*{re.escape(source)}\s*,", sentence[opening.end():])):
            # the party ends at a preposition or at the next article ("Per i sindacati | la giornata di
            # sciopero"), unless a comma closes it ("Pour le préfet de la Lize, ...")
            tokens = tokens[:next((i for i, t in enumerate(tokens) if i > 1 and t.lower() in lex.determiners
                                   or i and t.lower() in lex.prepositions), len(tokens))]
        head = tokens[1] if len(tokens) > 1 and tokens[0].lower() in lex.determiners else tokens[0] if tokens else ""
        if head and _names_party(head, lex) and is_speaker(" ".join(tokens), lex):
            return " ".join(tokens), opening.group(0).strip(" \"“«").lower()
    if lex.according_after is not None:
        for m in lex.according_after.finditer(sentence):
            named = sentence[:m.start()].split()[-2:]
            if named and lex.earlier_claims is not None and lex.earlier_claims.fullmatch(named[-1]) \
                    and all(w.lower() in lex.determiners | lex.demonstratives for w in named[:-1]) and lex.pronouns:
                # "kam den Angaben zufolge auf 44,2 Prozent": the figures of the source named before
                return min(lex.pronouns), m.group(0).lower()
            # "..., sagte ein Beamter des Ministeriums der Nachrichtenagentur Suna zufolge": the one a cue before
            # the marker says spoke; the party the marker names only relays what was said
            told = _by_cue(sentence[:m.start()], lex)
            source = _subject_before(sentence, m.start(), lex)
            if told and told[0] != source:
                return told
            if source:
                return source, m.group(0).lower()
    inverted = lex.inverted_subject.search(sentence) if lex.inverted_subject is not None else None
    if inverted and not any(a < inverted.start() < b for a, b in quoted):
        # "« ... », a-t-elle ajouté": the pronoun after its verb speaks; the cue is the verb, or the participle
        # after its auxiliary
        verb = inverted.group("verb")
        participle = re.match(r"\s+([^\W\d_]+)", sentence[inverted.end():])
        said = participle.group(1) if verb.lower() in lex.auxiliaries and participle \
            and lex.cue.fullmatch(participle.group(1)) else verb
        if lex.cue.fullmatch(said):
            return inverted.group("pronoun").lower(), said.lower()
    quoting = lex.quoting.search(sentence) if lex.quoting is not None else None
    if quoting and not any(a < quoting.start() < b for a, b in quoted) \
            and (speaker := _quoted_speaker(_source_after(sentence, quoting.end(), lex, verb_first=False) or "", lex,
                                            sentence[quoting.end():])):
        # '"...", zitiert die "Rheinische Post" Verbandssprecher Torsten Reinwald.': the one quoted speaks
        return speaker, quoting.group(0).lower()
    closing = lex.closing_markers.search(sentence) if lex.closing_markers is not None else None
    if closing and not any(a < closing.start() < b for a, b in quoted):
        # "..., käme man auf tausend Tiere, so Reinwald.": the speaker the sentence closes with
        source = _source_after(sentence, closing.end(), lex, verb_first=False)
        if source and is_speaker(source, lex):
            return source, closing.group(0).strip(" ,").lower()
    return _by_cue(sentence, lex) or _figures_subject(sentence, lex) or _figure_source(sentence, lex) \
        or _incise(sentence, lex) or _figure_agent(sentence, lex) or _label(sentence, lex)


_LABEL = re.compile(r"\s*(?P<head>[^:«“„\"\d]{2,60}?)\s*:\s+\S")
LABEL_WORDS = 4  # the most words of a speaker's label before a colon ("ДСНС:", "Emergency service:")


def _label(sentence: str, lex: Lexicon) -> tuple[str, str] | None:
    """(speaker, ":") where the sentence opens with a label that names a party by a speaker's word of the
    language and a colon ("ДСНС: травмовано 38 осіб", "Emergency service: 46 people injured"): the line is that
    party's report; None where the head is no such label (a place, "Related:", words with a verb of saying)."""
    m = _LABEL.match(sentence)
    if m is None or any(labels is not None and labels.match(sentence.strip())
                        for labels in (lex.source_labels, lex.quote_labels)):
        return None  # "Quelle: dpa", "Source: X": a credit line, read as such (extract.labelled_by)
    head = m.group("head").strip()
    words = head.split()
    if len(words) > LABEL_WORDS or not lex.speakers.search(head) or lex.cue.search(head) \
            or not is_speaker(head, lex) or not words[0][:1].isupper():
        return None
    return head, ":"


# the words before a colon and an opening quotation mark that open a sentence
_INTRODUCED = re.compile(r"\s*(?P<head>[^:«“„\"]{1,80}?)\s*:\s*[«“„\"]")
INTRODUCING_WORDS = 8  # words before the colon of a sentence whose document introduces a quotation


def _introduced_document(sentence: str, lex: Lexicon) -> tuple[str, str] | None:
    """(document, its noun) where the sentence's first words name a document that introduces the quotation
    after a colon ("Ecco il comunicato: «...»", "Here is the statement in full: "...""): its owner where it
    names one ("la nota della Questura": "la Questura"), else the document; None otherwise."""
    m = _INTRODUCED.match(sentence)
    words = m.group("head").split() if m else []
    documents = {d.lower() for d in lex.documents}
    at = next((i for i, w in enumerate(words) if w.lower() in documents), None)
    if at is None or len(words) > INTRODUCING_WORDS \
            or any(lex.cue.fullmatch(w.strip(",;")) for w in words[:at] + words[at + 1:]):
        return None  # ("The report found: ...", "In its statement the ministry said: ...": the cue's own)
    owner = owner_of(" ".join(words[at:]), lex, bounded=False) if at + 1 < len(words) else None
    phrase = " ".join(words[at - 1:at + 1]) if at and words[at - 1].lower() in lex.determiners else words[at]
    return (owner if owner and is_speaker(owner, lex) else phrase), words[at].lower()


def _document_author(sentence: str, quoted: list[tuple[int, int]], lex: Lexicon) -> tuple[str, str] | None:
    """(author, verb) where an impersonal verb says which document tells the sentence and whose it is
    (`document_says`: "..., йдеться в заяві Міноборони РФ", "..., heißt es in einer Mitteilung des
    Landratsamts", "..., si legge in una nota del Viminale"); None where none does or it names no author."""
    if lex.document_says is None:
        return None
    for m in lex.document_says.finditer(sentence):
        if any(a < m.start() < b for a, b in quoted):
            continue
        words = sentence[m.end():].split()
        at = 0
        while at < len(words) and words[at].lower() in lex.prepositions | lex.speaker_place | lex.determiners \
                | lex.indefinite | lex.expletives:
            at += 1  # "es in einer", "в"
        if at >= len(words) or not any(words[at].lower().strip(",.").startswith(d.lower()) for d in lex.documents):
            continue
        document = re.search(rf"\s*{re.escape(words[at])}", sentence[m.end():])
        start = m.end() + document.end() if document else len(sentence)
        author = _source_after(sentence, start, lex, verb_first=False)
        if author and author.lower() not in lex.pronouns and is_speaker(author, lex):
            return author, m.group(0).lower()
    return None


# a quote closing before a comma or a dash, then the words to the sentence's end: '...," quipped X.', "», — отрезал
# X.", "», revoit à la hausse le rectorat."
_INCISE = re.compile(r"(?:,\s*[”»\"’]|[”»\"’]\s*,|[”»\"’]?\s*,?\s+[—–])\s*(?:[—–]\s*)?"
                     r"(?P<tail>[^\"“”«»—–]+?)[.!?…]?\s*$")
INCISE_WORDS = 12  # the most words an incise after a quote holds
CLOSING_WORDS = 5  # words of a sentence's last clause after a comma that may tell who said it all (", she added")
NAMED_FIGURE = 40  # characters after a verb of naming within which a figure makes it a cue ("nannte eine Zahl von 300")
RELATIVE_WORDS = 2  # words of a relative clause up to a cue beyond which the cue is the clause's own verb
QUOTED_WORDS_REACH = 60  # characters after a verb of quoting within which "слова" names whose words they are
FEW = 12  # a count written in words up to which a subject of people may hold it ("The three men denied")
INCISE_SKIP = 3  # the most words of a phrase of manner or time between its verb and the speaker ("à la hausse")


def _incise(sentence: str, lex: Lexicon) -> tuple[str, str] | None:
    """(speaker, verb) of the incise after a quote: where a quote ends and the sentence ends with a verb and its
    subject, that verb reports the quote whatever it means ("», revoit à la hausse le rectorat", '," quipped race
    director Tom Ellery', '," Ellery quipped', "», — отрезал директор компании", "ironizó la portavoz"); where
    the language drops subjects, a verb alone ('", ha ironizado sobre la cifra ...') is the last source's. The
    quote may have opened in a sentence before this one. None where the words after the quote are no such pair."""
    m = _INCISE.search(sentence)
    if m is None or not sentence[:m.start()].strip():
        return None
    tail = m.group("tail")
    words = tail.split()
    if not words or len(words) > INCISE_WORDS:
        return None
    closed = lex.determiners | lex.prepositions | lex.conjunctions | lex.relatives | lex.complementizers \
        | lex.genitive | lex.demonstratives | lex.possessives | lex.passive_agent
    at = 1 if words[0].lower() in lex.auxiliaries and len(words) > 1 else 0  # "ha ironizado", "a ironisé"
    verb = words[at]
    if not re.search(r"[”»\"’]", sentence[m.start():m.start("tail")]) and not lex.cue.fullmatch(verb.strip(",")):
        return None  # "з них 7 – діти", "из них 6 — дети": a dash with no quote before it is a copula, no incise
    start = m.start("tail") + tail.find(verb) + len(verb)
    if verb.isalpha() and verb.islower() and verb not in closed and len(verb) > 2:
        for skip in range(INCISE_SKIP + 1):  # "revoit à la hausse le rectorat": a phrase of manner, then who
            rest = sentence[start:].split()
            if skip and (not rest or skip > len(rest) or rest[0].lower() not in lex.prepositions | lex.ends_source
                         or rest[0].lower() in lex.passive_agent):
                break  # (not "scandé par les manifestants": a participle's agent, no incise)
            at_word = start + len(sentence[start:]) - len(sentence[start:].lstrip())
            for w in rest[:skip]:
                at_word = sentence.index(w, at_word) + len(w)
            source = _source_after(sentence, at_word, lex)
            if not source:  # "le rectorat en fin de journée": a party with its article, up to a phrase of time
                clause = _SOURCE_END.split(sentence[at_word:], maxsplit=1)[0].split()
                cut = next((i for i, w in enumerate(clause) if i and w.lower() in (
                    lex.prepositions | lex.ends_source) - lex.genitive), len(clause))
                source = " ".join(clause[:cut]) if _determined(clause[:cut], lex) else None
            head = source.split()[-1].lower() if source else ""
            if head in lex.documents:  # "», continua il racconto su Twitter di Camps":
                tail = _SOURCE_END.split(sentence[at_word:], maxsplit=1)[0]  # whose account it is
                owner = re.search(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(lex.genitive))) + r")\s+("
                                  r"(?:[^\W\d_][\w'’.-]*\s*){1,4})$", tail.strip()) if lex.genitive else None
                if owner and all(w[:1].isupper() for w in owner.group(1).split()):
                    return owner.group(1).strip(), verb.lower()
            if source and (is_speaker(source, lex) or _determined(source.split(), lex)) \
                    and not lex.earlier_claims.search(source) and not _figure_headed(source, lex):
                return (source.lower() if source.lower() in lex.pronouns else source), verb.lower()
        if lex.pro_drop and lex.pronouns and (len(words) == at + 1 or words[at + 1].lower() in lex.prepositions):
            return min(lex.pronouns), verb.lower()  # '", ha ironizado sobre ...': no subject written, the last one
        return None
    last = words[-1].strip(",")
    subject = " ".join(words[:-1])
    if len(words) > 1 and last.isalpha() and last.islower() and last not in closed and len(last) > 2 \
            and is_speaker(subject, lex) and not lex.cue.fullmatch(last):
        return (subject.lower() if subject.lower() in lex.pronouns else subject), last.lower()  # '," Ellery quipped'
    return None


def _figure_source(sentence: str, lex: Lexicon) -> tuple[str, str] | None:
    """(source, its noun) where the sentence attributes nothing but gives figures that name their kind of source
    (`figure_sources`: "the official death toll in Assam is just 48"), or None."""
    opening = lex.concessive.match(sentence) if lex.concessive is not None else None
    head = sentence[opening.end() if opening else 0:]
    for pattern in lex.figure_sources:
        found = pattern.search(head)
        # the clause's subject, among its first words ("Die offizielle Zahl der Toten stagniert ... bei 700"),
        # not a phrase further on ("між даними спостерігачів та офіційними даними ЦВК")
        before = head[:found.start()].split() if found else []
        if before and before[0].islower() and before[0].endswith(lex.gerund_endings):
            continue  # "contradicting the official toll of 27": a gerund's object, no subject that speaks
        if found and len(before) <= 1 and re.search(r"\d", head[found.end():]):
            # ("The official death toll is far below the figure of more than 80 given by the opposition": the
            # figure the sentence gives is the opposition's)
            return _figure_agent(head[found.end():], lex, anywhere=True) \
                or (found.group("source"), found.group("source").split()[-1].lower())
    return None


_QUOTED_NAME = r"[«“„\"][^«»“”„\"]{1,60}[»”“\"]"  # a short name in quotes ("«Суспільне»", '"24 канал"')
FIGURE_AGENT_WORDS = 3  # words between a figure and the participle that names its party ("4,2 % calculado por X")
FIGURE_AGENT_LEAD = 2  # words before that figure, at the sentence's start ("The 3.1 million tonnes shown by X")


def _figure_agent(sentence: str, lex: Lexicon, anywhere: bool = False) -> tuple[str, str] | None:
    """(party, participle) where a figure is given as a party's by a participle and its agent (the language's
    `figure_participles`): "El 4,2% calculado por las consultoras privadas", "The 3.1 million tonnes shown by
    the company", "die von der Gesellschaft genannten 34 Millionen Euro"; else None. The figure opens the
    sentence, or stands `anywhere` in it."""
    if lex.figure_participles is None or not lex.passive_agent:
        return None
    agents = "|".join(re.escape(a) for a in sorted(lex.passive_agent, key=len, reverse=True))
    said = rf"(?P<said>(?:{lex.figure_participles.pattern})[^\W\d_]*)"
    quoted = quoted_spans(sentence)
    for n in extract_numbers(sentence, lex.code):
        at = sentence.find(n.text)
        if at < 0 or any(a <= at < b for a, b in quoted):
            continue  # "“... the figure of 900 given by the unions is wrong”": the speaker's words
        if not anywhere and len(sentence[:at].split()) > FIGURE_AGENT_LEAD + (FIGURE_AGENT_WORDS + 3
                                                                               if lex.capitalised_nouns else 0):
            break  # the figure must open the sentence, its subject (not "..., not the 34 million given by X"); in
            # German with the agent and participle before it ("Die von der Gesellschaft genannten 34 Millionen")
        after = re.match(rf"(?:\s+[^\W\d_][\w'’-]*){{0,{FIGURE_AGENT_WORDS}}}?\s+{said}\s+(?:{agents})\s",
                         sentence[at + len(n.text):], re.IGNORECASE)
        if after:
            source = _agent_phrase(_source_after(sentence, at + len(n.text) + after.end() - 1, lex,
                                                 verb_first=False) or "", lex)
            if source and is_speaker(source, lex):
                return source, after.group("said").lower()
        # the agent before the participle, as German writes it ("die von der Gesellschaft genannten 34 Mio.")
        before = re.search(rf"(?<!\w)(?:{agents})\s+(?P<party>[^,;:]{{2,60}}?)\s+{said}\s+$", sentence[:at],
                           re.IGNORECASE)
        if before and len(sentence[:before.start()].split()) <= FIGURE_AGENT_LEAD \
                and is_speaker(_trim(before.group("party"), lex), lex):
            return _trim(before.group("party"), lex), before.group("said").lower()
    return None


def _quoted_speaker(phrase: str, lex: Lexicon, after: str = "") -> str | None:
    """The speaker after a verb of quoting and the party that quotes ("die «Rheinische Post» Verbandssprecher
    Torsten Reinwald": "Verbandssprecher Torsten Reinwald"; in the text `after` the verb, "«Интерфакс» слова
    представителя ведомства": "представителя ведомства"), or None."""
    first = phrase.split()[:1]
    rest = re.sub(rf"^\S+\s+(?:{_QUOTED_NAME}|\S+)\s+", "", phrase.strip(), count=1) \
        if first and first[0].lower() in lex.determiners else ""
    words_of = lex.quoted_words.search(after[:QUOTED_WORDS_REACH]) if lex.quoted_words is not None else None
    if words_of:  # "приводит РИА Новости слова адвоката": the one whose words are quoted
        rest = re.split(r"[,.;:]", after[words_of.end():], maxsplit=1)[0]
    words = rest.split()
    if words and words[0].lower() in lex.determiners:
        words = words[1:]  # "zitiert die Zeitung den Sprecher X"
    speaker = " ".join(words)
    return speaker if speaker and is_speaker(speaker, lex) else None


def _agent_phrase(phrase: str, lex: Lexicon) -> str | None:
    """The party a participle's agent names, up to its last word that names one (a head of `speakers` or a
    capitalised word) among its first four: "las consultoras" of "las consultoras privadas duplica la cifra",
    "quotidiano" of "quotidiano includono invece"; None where none does."""
    tokens = phrase.split()[:4]
    ends = [i for i, t in enumerate(tokens) if lex.speakers.match(_unelided(t))
            or _unelided(t)[:1].isupper() and (i or t.lower() not in lex.determiners)]
    return " ".join(tokens[:ends[-1] + 1]) if ends else None


def _whose_figures(rest: str, lex: Lexicon) -> int | None:
    """Where the party starts after a marker that names its figures or statements first ("según denuncias de
    X", "secondo i dati della X", "selon les chiffres de X"): the offset after the genitive word, or None."""
    words = list(re.finditer(r"[\w’'-]+", rest))[:4]
    for i, w in enumerate(words[:3]):
        document = w.group(0).lower() in lex.documents and i + 1 < len(words)
        if (lex.earlier_claims.fullmatch(w.group(0)) or document) and i + 1 < len(words):
            joined = _genitive_length(words[i + 1].group(0), lex)
            if joined is None and document and words[i + 1].group(0).lower() in lex.prepositions | lex.passive_agent:
                joined = len(words[i + 1].group(0))  # "a report in the Evening Ledger", "un article du «Monde»"
            elif joined is None and document and not lex.genitive and lex.speakers.match(words[i + 1].group(0)):
                joined = 0  # "в сообщении пресс-службы МЧС": the owner right after its document, in its case
            return words[i + 1].start() + joined if joined is not None else None
        if w.group(0).lower() not in lex.determiners and not w.group(0).islower():
            return None
    return None


def _antecedent(before: str, lex: Lexicon) -> str | None:
    """The noun phrase that ends `before` and can speak: the whole clause before the marker ("il portavoce
    dell'esercito, secondo cui"), else the words after its last preposition or connector ("rivisto al ribasso
    dalla Bbc, secondo cui": "Bbc")."""
    clause = re.split(r"[,;:(]\s*", before.rstrip(" ,"))[-1].strip()
    raw = clause.split()
    tokens = [_unelided(t) for t in raw]  # "dall'Ansa": the preposition is elided into the name
    # the phrase starts after the last preposition, connector or cue, or at a word an elided one opens
    closed = lex.prepositions | lex.passive_agent | lex.conjunctions | lex.auxiliaries | lex.complementizers \
        | lex.genitive
    cuts = [i + 1 for i, t in enumerate(raw) if t.lower() in closed or lex.cue.fullmatch(t)]
    cuts += [i for i, t in enumerate(raw) if tokens[i] != t]
    start = max(cuts, default=0)
    # "a rencontré le ministre": a verb in lower case before the article is no part of the phrase
    article = next((i for i in range(start + 1, len(tokens)) if tokens[i].lower() in lex.determiners
                    and all(t.islower() for t in tokens[start:i])), None)
    phrase = _trim(" ".join(tokens[article if article is not None else start:]), lex)
    if phrase and not is_speaker(phrase, lex):  # "They met the minister, who said": from the last article
        article = max((i for i, t in enumerate(tokens) if t.lower() in lex.determiners), default=None)
        phrase = _trim(" ".join(tokens[article:]), lex) if article is not None else ""
    return phrase if phrase and is_speaker(phrase, lex) else None


def _agent_in_clause(sentence: str, start: int, lex: Lexicon) -> str | None:
    """The agent of a participle in the marker's clause, among its first few words ("Secondo quanto riportato in
    un primo momento dalla Cnn", "según lo informado por la Fiscalía"), or None."""
    clause = re.split(r"[,;:]\s", sentence[start:])[0]
    for i, m in enumerate(re.finditer(r"\S+", clause)):
        if i >= 8:
            break
        if i and m.group(0).lower() in lex.passive_agent:
            return _source_after(sentence, start + m.end(), lex, verb_first=False)
    return None


def _head_word(phrase: str, lex: Lexicon) -> str:
    """The phrase's first word after its determiners and demonstratives ("les résultats provisoires": "résultats"),
    or ""."""
    return next((w for w in phrase.split() if w.lower() not in lex.determiners | lex.demonstratives), "")


def _figure_headed(phrase: str, lex: Lexicon) -> bool:
    """Is the phrase headed by a noun of figures ("les résultats provisoires communiqués")?"""
    head = _head_word(phrase, lex)
    return bool(head) and lex.figure_nouns is not None and bool(lex.figure_nouns.fullmatch(head))


def _document_headed(phrase: str, lex: Lexicon) -> bool:
    """Is the phrase headed by a document ("los reportes emitidos", "reportes epidemiológicos")?"""
    return _head_word(phrase, lex).lower() in lex.documents


def _genitive_length(word: str, lex: Lexicon) -> int | None:
    """How much of `word` is a genitive of the language: all of it ("de", "della", "des"), its elided article
    ("d'" of "d'Amnesty", "dell'" of "dell'Onu"), or None."""
    if word.lower() in lex.genitive:
        return len(word)
    return next((len(g) for g in lex.genitive if g[-1:] in "'’" and len(word) > len(g)
                 and word.lower().startswith(g)), None)


def _names_party(word: str, lex: Lexicon) -> bool:
    """Does the noun after an article head a party: a speaker's head word, or a name where a capital makes one
    ("la Prefettura", "i sindacati")?"""
    return bool(lex.speakers.match(word)) or word[:1].isupper() and not lex.capitalised_nouns


def _marked(rest: str, lex: Lexicon) -> str | None:
    """The noun phrase right after a marker ("según el gremio, ...", "according to the guild,"), up to the end of
    its clause, when it is a determiner and a few plain words: the marker makes it the source."""
    clause = _SOURCE_END.split(rest, maxsplit=1)[0].split()
    if lex.earlier_claims is not None and any(lex.earlier_claims.fullmatch(w) for w in clause):
        return None  # "according to the latest figures": whose, it does not say
    return " ".join(clause) if _determined(clause, lex) else None


def _figures_subject(sentence: str, lex: Lexicon) -> tuple[str, str] | None:
    """(party, noun) where the sentence opens with a party's figures and no cue ("La stima della Questura è di
    8.000", "The interior ministry's figures show 23 arrests"): the figures speak for their party."""
    opening = re.sub(r"^\W*(?:\w+\W+){0,2}?\w+,\s+", "", sentence.strip())  # "En tanto, los últimos datos ..."
    clause = _SOURCE_END.split(opening, maxsplit=1)[0]
    owner = owner_of(clause, lex, bounded=False)
    if owner is None:
        return None
    noun = lex.earlier_claims.search(clause)
    return (owner, noun.group(0).lower()) if noun else None


def claims_owner(text: str, lex: Lexicon) -> str | None:
    """The party whose claims a sentence names ("rejected the union's claims", "hat die Angaben der
    Gewerkschaft ... zurückgewiesen"): the first noun of `earlier_claims` in `text` that is joined to a party
    that can speak; None if there is none."""
    for m in lex.earlier_claims.finditer(text) if lex.earlier_claims is not None else ():
        before = text[:m.start()].split()
        for k in (2, 1, 0):  # "the union's claims", "die Angaben der ...", "Angaben der ..."
            if k <= len(before):
                owner = owner_of(" ".join([*before[len(before) - k:], text[m.start():]]), lex, bounded=False)
                if owner:
                    return owner
    return None


def owner_of(phrase: str, lex: Lexicon, bounded: bool = True) -> str | None:
    """The party whose figures or statements the noun phrase `phrase` opens with ("Les chiffres de la
    préfecture": "la préfecture"; "The interior ministry's figures": "The interior ministry"), up to the
    clause's verb (where the phrase is not `bounded`, its noun phrase); None if it opens with none or its party
    cannot speak."""
    if lex.earlier_claims is None:
        return None
    words = phrase.split()
    at = next((i for i, w in enumerate(words[:5]) if lex.earlier_claims.fullmatch(w)), None)
    if at is None:
        return None
    before, rest = words[:at], words[at + 1:]
    if before and before[-1].endswith(("'s", "’s")):  # "The interior ministry's figures"
        owner = [*before[:-1], before[-1][:-2]]
    elif all(w.lower() in lex.determiners or w[:1].islower() for w in before) and rest:
        if not lex.capitalised_nouns and len(rest) > 1 and _genitive_length(rest[1], lex) is not None \
                and rest[0].islower() and rest[0].lower() not in lex.not_in_source and not lex.cue.fullmatch(rest[0]):
            rest = rest[1:]  # "las cifras oficiales del Ministerio": an adjective before whose they are
        # (a language that marks the genitive by case names the party right after: "данные организаторов")
        joined = _genitive_length(rest[0], lex) if rest and lex.genitive else 0 if rest else None
        if joined is None:
            return None
        # "les chiffres de la préfecture", "le décompte d'Amnesty", "le stime dell'Onu"
        owner = [rest[0][joined:], *rest[1:]] if joined < len(rest[0]) else rest[1:]
    else:
        return None
    kept: list[str] = []
    for w in owner:
        if kept and w[:1] in "«“\"„" and kept[-1][-1:] in "»”\"“":
            break  # "публикацию «Финансового Урала» «ложью»": the name ends, a quoted word of the sentence follows
        if w[-1:] in ",;:" and w[:-1]:
            kept.append(w[:-1])  # "i numeri dell'Eco: «Sono fantasiosi»": the phrase ends at the colon
            break
        if w.lower() in lex.not_in_source or lex.cue.fullmatch(w) or any(c.isdigit() for c in w) \
                or not lex.genitive and kept and w.lower() in lex.prepositions \
                or lex.capitalised_nouns and kept and w[:1].islower() and w.lower() not in lex.determiners:
            break  # the clause's verb ("Die Zahlen des Ministeriums nennen ...")
        kept.append(w)
    party = _noun_phrase(kept, lex) if not (bounded or lex.capitalised_nouns) else " ".join(kept)
    return party if party and (is_speaker(party, lex) or _determined(party.split(), lex)) else None


_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»|„[^“”\"]*[“”\"]")  # (German „…" typed with a straight close)


def quoted_spans(sentence: str) -> list[tuple[int, int]]:
    """The spans of the direct quotes `sentence` opens and closes, and of one it opens and does not close
    (to its end): a cue inside one is the speaker's word ("“Esta não é a verdade”, disse ...", 'Пряма
    мова: "На даний момент ... не зафіксовано'), not the attribution."""
    if re.match(r"\s*«\s", sentence) and re.search(r"»(?=\w)", sentence):
        # "« Außerdem betont Wörner, ...: »Wir zählen ...": the « that closes the quote before it, and a German
        # »quote« opening after it
        sentence = re.sub(r"^(\s*)«", r"\1 ", sentence)
        spans = [m.span() for m in re.finditer(r"»[^«»]*«", sentence)]
        opened = re.search(r"»(?=\w)", re.sub(r"»[^«»]*«", lambda m: " " * len(m.group(0)), sentence))
        return spans + ([(opened.start(), len(sentence))] if opened else [])
    spans = [m.span() for m in _QUOTED.finditer(sentence)]
    rest = _QUOTED.sub(lambda m: " " * len(m.group(0)), sentence)
    opened = re.search(r"[“„«\"](?=\w)", rest)
    if opened and not re.search(r"[”»\"]", rest[opened.end():]):
        spans.append((opened.start(), len(sentence)))
    return spans


def _ending_time_phrase(text: str, lex: Lexicon) -> str:
    """The phrase of `time_words` that `text` ends with: of two words or more ("pour sa part", "de son côté"), or
    one right after an auxiliary ("avait alors"); else ""."""
    if lex.time_words is None:
        return ""
    for m in lex.time_words.finditer(text):
        phrase = m.group(0).strip()
        before = text[:m.start()].split()
        if m.end() == len(text) and phrase and (" " in phrase or phrase.islower() and before
                                                and _unelided(before[-1]).lower() in lex.auxiliaries):
            return m.group(0)
    return ""


PARTICIPLE_REACH = 3  # words before a past participle among which its auxiliary stands, and after it its agent


def _describing_participle(cue: str, before: list[str], after: str, lex: Lexicon) -> bool:
    """Is the cue a past participle (`participle_endings`) with no auxiliary in the words `before` it and no
    agent in the words `after` it: one that describes the noun before it, where no one speaks?"""
    if " " in cue or not cue.islower() or not lex.participle_endings or not cue.endswith(lex.participle_endings):
        return False
    auxiliaries = lex.auxiliaries | lex.passive_auxiliaries
    phrase = _ending_time_phrase(" ".join(before), lex)  # "a pour sa part accusé"
    before = " ".join(before)[:-len(phrase)].split() if phrase else before
    # "a déclaré", "l'a confirmé", "fue anunciado"; "a ... justifié ..., et accusé": one auxiliary for both
    reach = before if before and before[-1].lower() in lex.conjunctions | lex.joins else before[-PARTICIPLE_REACH:]
    if any(re.split(r"['’]", w.lower())[-1].strip(",") in auxiliaries for w in reach):
        return False
    return not any(w.lower().strip(",") in lex.passive_agent or w.lower().startswith(("dall'", "dall’"))
                   for w in after.split()[:PARTICIPLE_REACH + 1])  # "annoncé mercredi par la CENI"


def _describes_figure(words: list[str], lex: Lexicon) -> bool:
    """Do the `words` before a cue end in a relative clause on a figure or a report ("la cifra que reconoce la
    propia compañía", "the figure that the company acknowledges"): the cue describes it, and speaks for no one?"""
    at = next((k for k in range(len(words) - 1, 0, -1)
               if words[k].lower() in lex.relatives | lex.complementizers), None)
    if at is None or lex.figure_nouns is None or len(words) - at - 1 > RELATIVE_WORDS + 1 \
            or any("," in w for w in words[at - 1:]):
        return False
    return bool(lex.figure_nouns.fullmatch(words[at - 1].lower()))


def _by_cue(sentence: str, lex: Lexicon) -> tuple[str, str] | None:
    """(source, cue) from a cue verb of `sentence` and its subject or the speaker after it, or None."""
    quoted = quoted_spans(sentence)
    cues = _cues(sentence, lex)
    last_clause = sentence.rfind(", ")
    tail = sentence[last_clause + 2:].rstrip(" .!?\"”»").split() if last_clause >= 0 else []
    closing = [m for m in cues if tail and m.start() > last_clause and len(tail) <= CLOSING_WORDS
               and tail[0].lower() not in lex.relatives | lex.complementizers | lex.relative_openers
               and (m.group(0).split()[-1] == tail[-1] or m.group(0).split()[-1] == tail[0] and not lex.pro_drop)
               and not lex.denial.fullmatch(m.group(0))]
    # "..., the authority still expects grain exports to reach 1.2 million tonnes, she added": the closing
    # "she added" tells the whole sentence, a cue inside it is what was said
    for m in closing + [m for m in cues if m not in closing]:
        cue = m.group(0)
        if any(a < m.start() < b for a, b in quoted):
            continue
        if lex.claim_predicates is not None and lex.claim_predicates.fullmatch(cue):
            continue  # "Информация о гибели ... не соответствует действительности": said of the claim
        clause = re.split(r"[,;:.!?]", sentence[m.end():], maxsplit=1)
        if lex.other_verb_particles and clause[0].split()[-1:] \
                and clause[0].split()[-1].lower() in lex.other_verb_particles \
                and not (len(clause) > 1 and clause[1].split()[:1]
                         and clause[1].split()[0].lower() in lex.complementizers) \
                and not (lex.counting is not None and lex.counting.match(sentence, m.start())):
            continue  # "Die Landesregierung hält an dem Projekt fest": another verb, nothing said (not "Der
            # Bericht hält fest, dass ...", nor a count told with its particle: "geht von 90 Toten aus")
        if cue.lower() in lex.passive_cues or lex.impersonal is not None and any(
                i.start() <= m.start() < i.end() for i in lex.impersonal.finditer(sentence)):
            continue  # "Ущерб оценивается в ...", "Se considera el proyecto más caro": no speaker
        if lex.gerund_endings and cue.lower().endswith(lex.gerund_endings) \
                and sentence[:m.start()].rstrip().endswith(",") and (found := _main_subject(sentence[:m.start()], lex)):
            return found, cue.lower()  # "le ministère ... a apporté un démenti ..., estimant que": the ministry
        if cue[:1].isupper() and sentence[:m.start()].strip():
            continue  # "The United States", "Angaben": a name or a noun, not the cue
        if lex.verb_second and m.start() > last_clause >= 0 and not sentence[last_clause + 2:m.start()].strip() \
                and (after := _source_after(sentence, m.end(), lex) or _plain_after(sentence[m.end():], lex)):
            # "..., die teils der Al-Nusra-Front angehörten, meldete Sana weiter", "..., viele davon aus der
            # Verwaltung, die ... habe, erklärte die Geschäftsleitung": a cue opening the last clause in a
            # verb-second language has its speaker after it, whatever the relative clauses before it
            return after, cue.lower()
        colon = re.search(r":\s*((?:\S+\s+){0,2})$", sentence[:m.start()]) if lex.pro_drop else None
        if colon and all(w.islower() and w not in lex.determiners for w in colon.group(1).split()) \
                and (owner := claims_owner(sentence[:colon.start()], lex)):
            # "... en las estadísticas oficiales del Ministerio del Interior: tan sólo reconoce 379": the party
            # whose figures the colon opens
            return owner, cue.lower()
        if lex.pro_drop and lex.pronouns and not sentence[:m.start()].strip(" \"“«—–-"):
            return min(lex.pronouns), cue.lower()  # "Advirtieron que ...": no written subject, the last source's
        opening = sentence[:m.start()].split()
        while opening and opening[0].lower().strip(",") in lex.auxiliaries:
            opening = opening[1:]
        if lex.pro_drop and lex.pronouns and opening and sentence.split()[:1] \
                and sentence.split()[0].lower().strip(",") in lex.auxiliaries \
                and sentence.split()[1:2] and sentence.split()[1].lower() in lex.auxiliaries \
                and not any(_unelided(w)[:1].isupper() for w in opening):
            # "Poi hanno rivisto il conteggio e ora parlano di 140": the sentence opens with its verb and goes
            # on to the cue, no subject written (not "Poi hanno detto i sindacati": the subject after the cue)
            return min(lex.pronouns), cue.lower()
        before = sentence[:m.start()]
        words = before.split()
        if words and words[-1].lower() in lex.infinitive:
            continue  # "prompting companies to warn": an infinitive, nobody speaks
        if _describing_participle(cue, words, sentence[m.end():], lex):
            continue  # "Possibilità mai considerata, ...", "sans donner de bilan détaillé": an adjective
        after_comma = re.split(r",\s", before)
        relative = after_comma[-1].split() if len(after_comma) > 1 else []
        if len(relative) > RELATIVE_WORDS and relative[0].lower() in lex.relatives | lex.relative_openers:
            continue  # "..., die rund 3,1 Millionen Menschen versichert": a relative clause's own verb, said of
            # what it describes ("..., who said" is its antecedent's cue)
        if words and words[-1].lower() in lex.determiners and not lex.capitalised_nouns:
            continue  # "Según la denuncia", "the report": a noun after its article, not the verb
        if _describes_figure(words, lex):
            continue  # "supera ... la cifra que reconoce la propia compañía": a figure described, no speaker
        if lex.object_first and lex.earlier_claims is not None and "," not in before \
                and (any(lex.earlier_claims.fullmatch(w) for w in words[:2])
                     or words[:1] and words[0].lower() in lex.object_articles):
            # "Информацию о взрыве сообщило агентство «БелПресс»", "Ці дані спростував речник ДСНС ...", "Die
            # Vorwürfe wies das Unternehmen zurück", "Den Bericht bestätigte die Werksfeuerwehr": a noun of claims
            # or an object's article opens the sentence; the speaker is the subject after the cue
            subject = _source_after(sentence, m.end(), lex) \
                or (_verb_second_subject(sentence[m.end():], lex) if lex.verb_second else None)
            if subject and not any(c.isdigit() for c in subject) and not _figure_headed(subject, lex):
                return subject, cue.lower()  # (not "Die «Washington Post» hatte diese Zahl ... genannt")
            if not lex.verb_second:
                continue  # whoever it is, not the object
            # ("Die Zahlen des Bergbauministeriums nennen zudem 52 Verletzte": a figure after the verb is its
            # object; the figures before it are the subject, read below)
        if lex.verb_second and words and words[0].lower() in lex.prepositions and "," not in before \
                and not (lex.according is not None and lex.according.search(before)):
            # "Mit Blick auf die Bergung warnte das Landesbergamt ...", "Unter Verweis auf ... schätzen sie":
            # the phrase before the verb is not its subject, the noun phrase after it is
            subject = _verb_second_subject(sentence[m.end():], lex)
            if subject and subject.lower() not in lex.expletives:  # not "Wie viele Tote gab es wirklich?"
                return (subject.lower() if subject.lower() in lex.pronouns else subject), cue.lower()
        if not lex.capitalised_nouns and _after_modifiers(words, lex):
            continue  # "los tres acusados han negado", "El principal acusado": a noun, its article before
        if lex.fixed_order and len(words) > 1 and words[-2].lower() in lex.prepositions \
                and words[-1][:1].islower() and words[-1].isalpha() and words[-1].lower() not in lex.prepositions:
            continue  # "Commenting on unconfirmed reports": a noun in a prepositional phrase, not the cue
        # "annoncé mercredi 12 mars par la CENI": a day or a date may stand between the participle and its agent
        timed = lex.time_words.match(sentence[m.end():].lstrip(" ,")) if lex.time_words is not None else None
        skip = len(sentence[m.end():]) - len(sentence[m.end():].lstrip(" ,")) + timed.end() - 1 \
            if timed and timed.end() > 1 else 0
        adverb = re.match(r"\s+(\w+)(?=\s)", sentence[m.end() + skip:])
        if adverb and lex.adverb_endings and adverb.group(1).islower() and len(adverb.group(1)) > 5 \
                and adverb.group(1).endswith(lex.adverb_endings):
            skip += adverb.end()  # "divulgadas anteriormente pelas secretarias": a manner or time adverb between
        agent = re.match(r"\s+(\w+)\s", sentence[m.end() + skip:])
        plain = [w for w in words if not (lex.adverb_endings and w.islower() and len(w) > 5
                                          and w.endswith(lex.adverb_endings))]  # "foi prontamente desmentida"
        if agent and agent.group(1).lower() in lex.passive_agent and not lex.capitalised_nouns:
            # (German writes the agent before its participle; "sprachen von 130 Toten" is "spoke of")
            # "was announced by Beijing": the agent speaks; "the measures announced by Beijing hit ...": a
            # participle, not what the sentence attributes
            source = _source_after(sentence, m.end() + skip + agent.end(), lex, verb_first=False)
            conceded = lex.concessive is not None and lex.concessive.match(re.split(r"[,;:]\s", before)[-1])
            if source and plain and (plain[-1].lower() in lex.not_in_source
                                     or plain[-1].lower() in lex.passive_auxiliaries and not conceded
                                     or lex.earlier_claims is not None
                                     and any(lex.earlier_claims.fullmatch(w) for w in words[-2:])
                                     or _counted(before)):
                # "was announced by X", "i dati diffusi dal governo", "O balanço oficial divulgado pelo X", "às
                # 12 mortes anunciadas por X": a figure or a report of the agent's
                return source, cue
            if source:
                continue
            # "anunciou por volta das 16h": no agent after "por", the cue's own subject speaks
        if len(words) > 1 and lex.figure_nouns is not None and lex.figure_nouns.fullmatch(words[-1]) \
                and words[-2].lower() in lex.determiners and words[-2].lower() not in lex.demonstratives:
            continue  # "Le bilan avancé de 900 morts": a figure speaks not; the participle names who gave it
        if plain and plain[-1].lower() in lex.passive_auxiliaries and not (
                len(plain) > 1 and plain[-2].lower() in lex.pronouns):
            # "The government is accused of ...", "è accusato di", "devem ser divulgados": no agent, no speaker
            # ("..., it was claimed": an unnamed one, read as before)
            continue
        if lex.capitalised_nouns and re.match(r"[\"“”»]?\s*(?:[,.;:!?]|$)", sentence[m.end():]) \
                and (found := _participle_subject(sentence, lex, m.start())):
            # the participle closes its clause ("Der Betreiber hat die Angaben ... als "haltlos" bezeichnet und
            # zurückgewiesen"): the subject opens the sentence before the auxiliary, or follows it
            return found, cue
        following = sentence[m.end():].split()[:1]
        joined = bool(following) and following[0].lower() in lex.genitive
        if (owner := _possessor(words, joined, lex)) is not None:
            if owner and joined:  # "than the Interior Ministry's earlier estimate of 52": a noun, its party's figure
                return owner, cue.lower()
            continue  # "The union's claim was rejected by ...": a noun, not the cue
        if lex.capitalised_nouns and (found := _verb_last_subject(sentence, m, lex)):
            return found, cue  # "während die Veranstalter von 25.000 Menschen sprachen": the clause's subject
        relative = _relative_subject(words, before, lex)
        if relative:  # "du premier vice-président de la CEI, Sounou Koné, qui annonçait": the antecedent
            return relative, cue.lower()
        bare = before.rstrip()
        # "a déclaré", "has said", "a formellement démenti", "l’aveva garantito" (a clitic elided into it)
        while True:
            if words and (_unelided(words[-1]).lower() in lex.auxiliaries
                          or words[-1].lower() in lex.as_words and len(words) > 1 and words[-2].endswith(",")
                          or lex.adverb_endings and words[-1].islower() and len(words[-1]) > 5
                          and words[-1].endswith(lex.adverb_endings) and not lex.speakers.search(words[-1])
                          and len(words) > 1 and words[-2].lower() not in lex.determiners):  # not "Le gouvernement"
                bare = bare[: bare.rfind(words.pop())].rstrip()
            elif phrase := _ending_time_phrase(bare, lex):
                # "a pour sa part déclaré", "avait alors dénombré": a phrase between the auxiliary and the verb
                bare = bare[:-len(phrase)].rstrip()
                words = bare.split()
            else:
                break
        after_break = (not bare or bare[-1] in ",“”\"«»—–:" or bare.endswith(" -")) \
            and not re.search(r"\S\s[—–]\s[^—–]+\s[—–]$", bare)  # not "Mahdi Karroubi — another candidate —"
        subject = bare.rstrip(" ,")
        clauses = [c.split() for c in re.split(r",", subject)]
        # "X, Y said" reads Y after the cue first, unless the clause before the cue is an aside on the subject
        # ("A spokesman, contacted by Reuters, denied the report")
        # ("The governor, however, denied the soldiers went ...": a discourse word set off after the subject)
        readings = ("after", "before") if after_break and not (len(clauses) > 1 and (
            _aside(clauses[-1], lex) or _appositive(" ".join(clauses[-1]), " ".join(clauses[-2]), lex)
            or _titled(clauses[-1], clauses[-2], lex) or _filler(" ".join(clauses[-1]), lex)
            or " ".join(clauses[-1]).lower() in lex.discourse)) else ("before", "after")
        if readings[0] == "before" and after_break and lex.pro_drop \
                and (closer := _source_after(sentence, m.end(), lex)) and len(closer.split()) <= CLOSING_WORDS \
                and not any(w in lex.documents or lex.earlier_claims is not None and lex.earlier_claims.fullmatch(w)
                            for w in closer.lower().split()) \
                and re.match(rf"\s*{re.escape(closer)}\s*(?:[.!?…]*\s*$|;)", sentence[m.end():]):
            # "Работники похудели, двоим нужна помощь в больнице, сообщила представитель министерства.": in a
            # language that drops its subjects and puts them after the cue, the speaker that closes the sentence
            # after its cue, not a clause before it read as an aside (nor the claim it denies: "negó el informe")
            readings = ("after", "before")
        shared = bool(words) and words[-1].lower() in lex.conjunctions and not after_break
        for reading in readings:
            if reading == "after" and (lex.fixed_order or shared) and not after_break:
                # "They blamed alleged militants for ...": an adjective; "... et accusé les autorités de ...": the
                # second verb of the sentence's subject, its object after it
                continue
            quoted_before = bare.rstrip(" ,-—–")[-1:] in ("»", "”", "\"")  # "«...», a réagi le hurdler"
            source = (_source_after(sentence, m.end(), lex)
                      or (_described(sentence, m.end(), lex) if quoted_before else None)) \
                if reading == "after" else _subject_before(sentence, len(subject), lex)
            if source and reading == "after" and not after_break and source.lower() in lex.pronouns:
                continue  # "Wie viele Tote gab es wirklich?": "es" after a cue mid-clause is no speaker
            if source and reading == "before" and (after_break and extract_numbers(source, lex.code) or any(
                    n.unit and not _few(n) for n in extract_numbers(source, lex.code))
                    and not lex.speakers.search(source)):
                # "Збитки ... перевищать три мільярди гривень, попереджають у ...": what was said; "Höchstens 8
                # Prozent erwartet dagegen die Gesellschaft": the object before the verb, a figure of something
                # (but "The three men denied ...": a few people, written in words, are the subject)
                continue
            if source and reading == "before" and lex.according is not None and lex.according.match(source):
                continue  # "Secondo quanto riportano le agenzie": the marker is no subject, the speaker follows
            if source and reading == "before" and after_break and source[:1] in "«“„\"" \
                    and subject[-1:] in "»”“\"":
                continue  # "«Basta», ha detto il premier": the quote before the cue is what was said
            if source:
                return (source.lower() if source.lower() in lex.pronouns else source), cue
        said = re.match(r"\s*(?:[,.;:!?]|$)|\s+(\w+)", sentence[m.end():])
        if lex.pro_drop and lex.pronouns and words and said and (
                said.group(1) is None or said.group(1).lower() in lex.complementizers | lex.prepositions):
            lead = [w for w in words[-3:] if w.lower() not in lex.auxiliaries]
            # "..., ha aggiunto, che ...", "“...”, declarou.", "Sin embargo, señaló que ...", "“...”, declaró en
            # Canal N.": no written subject, the last source's
            if not lead or lead[-1][-1:] in ",”»\"":
                return min(lex.pronouns), cue.lower()
        if lex.pro_drop and lex.pronouns and before.split() and said and said.group(1) \
                and said.group(1).lower() in lex.determiners \
                and all(w.lower() in lex.auxiliaries for w in before.split()):
            # "Han cuestionado el informe ...", "Poi elencano le adesioni ...": the sentence opens with its verb
            # (no speaker after it, read above), its object follows; no written subject, the last source's
            return min(lex.pronouns), cue.lower()
    return None


def _possessor(words: list[str], joined: bool, lex: Lexicon) -> str | None:
    """Where a cue-like word follows a possessive ("the union's claim"; "the Interior Ministry's earlier
    estimate of 52": an adjective between, where a genitive follows, `joined`), it is a noun: the party that
    owns it ("" where none can speak); None where no possessive stands right before it ("Ukraine's military
    said": a verb)."""
    at = len(words) - 1 if words and words[-1].endswith(("'s", "’s")) else \
        len(words) - 2 if joined and len(words) > 1 and words[-2].endswith(("'s", "’s")) and words[-1].islower() \
        and words[-1].isalpha() else None
    if at is None:
        return None
    kept = [words[at][:-2]]
    for w in reversed(words[max(0, at - 5):at]):
        low = w.lower()
        if w[-1:] in ",;:" or low in lex.prepositions | lex.conjunctions | lex.not_in_source | lex.complementizers \
                or lex.cue.fullmatch(low) or not w.isalpha():
            break
        kept.insert(0, w)
        if low in lex.determiners:
            break
    owner = " ".join(kept)
    return owner if is_speaker(owner, lex) else ""


def _verb_last_subject(sentence: str, cue: re.Match, lex: Lexicon) -> str | None:
    """The subject of a German subordinate clause whose cue stands last ("während die Veranstalter von 25.000
    Menschen sprachen", "nachdem das Bündnis zunächst 30.000 gemeldet hatte,"): the noun phrase right after
    the conjunction that opens the clause (or at the clause's start, where the conjunction was cut off), or
    None."""
    after = re.match(r"\s*(\w+)?\s*(?:[,.;:!?]|$)", sentence[cue.end():])
    if after is None or after.group(1) and after.group(1).lower() not in lex.auxiliaries:
        return None
    parts = re.split(r"[,;:]\s", sentence[:cue.start()])
    clause = parts[-1].split()
    if clause and clause[0].lower() in lex.conjunctions:
        clause = clause[1:]
    elif len(parts) > 1 or not any(c.isdigit() for c in parts[-1]):
        return None  # "Ein Vertreter des Roten Kreuzes sagte, ...": a main clause, its verb second
    if len(clause) > 1 and clause[0].lower() in lex.pronouns:
        return clause[0].lower()  # "..., wie er auf Anfrage des SPIEGEL mitteilt": the pronoun, the last speaker
    if len(clause) < 3 or clause[0].lower() not in lex.determiners and not clause[0][:1].isupper():
        return None
    subject = _after_auxiliary(clause, lex)
    return subject if subject and len(subject.split()) < len(clause) and is_speaker(subject, lex) else None


def _relative_subject(words: list[str], before: str, lex: Lexicon) -> str | None:
    """The antecedent of a relative pronoun that is the cue's subject ("the airline, which argues", "la
    Plateforme ... (Poeci) qui a communiqué", "министром, который заявил"), or None. Auxiliaries and a time
    word may stand between the pronoun and the cue."""
    lowered = [w.lower() for w in words]
    at = len(lowered) - 1
    while at > 0 and (lowered[at] in lex.auxiliaries or lex.time_words is not None
                      and lex.time_words.fullmatch(" " + lowered[at])):
        at -= 1
    if at < 1:
        return None
    # "las organizaciones humanitarias, que ya elevan": after a comma, "que" opens a relative clause
    relative = lowered[at] in lex.relatives and lowered[at] not in lex.complementizers \
        or lowered[at] in lex.complementizers and words[at - 1].endswith(",")
    if not relative:
        return None
    head = before[:before.rfind(words[at])]
    head = re.sub(r"\s*\([^()]*\)\s*$", "", head.rstrip(" ,"))  # "(Poeci) qui": the name before the aside
    return _antecedent(head, lex)


def _main_subject(before: str, lex: Lexicon) -> str | None:
    """The subject of the sentence's main clause, in the text before a gerund: the noun phrase that opens the
    first of its comma-separated clauses that can speak ("Mercredi, le ministère russe de la Défense a apporté
    ...": the ministry), or None."""
    for clause in re.split(r",\s*", before):
        if clause.split()[:1] and clause.split()[0].lower() in lex.conjunctions:
            continue  # "Alors que les messages se multipliaient, elles ont donné ...": a subordinate clause
        phrase = _noun_phrase(_TIME_WORDS.sub("", clause).split()[:12], lex)
        if phrase and is_speaker(phrase, lex):
            return phrase
    return None


def _cues(sentence: str, lex: Lexicon) -> list[re.Match]:
    """The cue words of `sentence` in order, then the verbs of naming that a denial word, a judgement of a
    crowd's size or a failure follows ("the company called the union's accusation 'a lie'", "nannte diese Angabe
    „Unsinn“", "described the turnout as small", "bezeichnete den Streik als Flop"); "a group called X" names no
    one."""
    asked = [(a.start(), a.end()) for a in lex.asked.finditer(sentence)] if lex.asked is not None else []
    found = [m for m in lex.cue.finditer(sentence)  # "No mesmo comunicado, o governo garante": a noun, no cue
             if _last_word(sentence[:m.start()]) not in lex.noun_markers
             and not _last_word(sentence[:m.start()]).endswith(lex.possessive_endings)  # "activists' claims"
             and not any(a <= m.start() < b for a, b in asked)  # "Questionada sobre ...": the question asked
             and not _kept_object(sentence, m, lex)]
    for phrased in (lex.revising, lex.counting):
        # "Мінагрополітики знизило прогноз", "ha rivisto la stima al ribasso", "kamen die Beamten nur auf 9.000"
        if phrased is not None:
            found += [m for m in phrased.finditer(sentence) if not any(c.start() == m.start() for c in found)]
    found.sort(key=lambda m: m.start())
    if lex.naming is not None:
        # (or a quote: "ha definito la situazione «fuori controllo»", where an object or an auxiliary shows the
        # verb is said of something, not "a group called "X"")
        found += [m for m in lex.naming.finditer(sentence) if lex.denial.search(sentence, m.end())
                  or lex.small_crowd is not None and lex.small_crowd.search(sentence, m.end())  # "described the
                  # turnout as small"
                  or lex.failure is not None and lex.failure.search(sentence, m.end())  # "als Flop bezeichnet"
                  or (quote := re.match(r"[^.;:«“\"„]{0,60}?(?=[«“\"„])", sentence[m.end():]))
                  and (quote.group(0).strip() or _last_word(sentence[:m.start()]) in lex.auxiliaries)
                  or re.match(rf"[^.;:]{{0,{NAMED_FIGURE}}}?\d", sentence[m.end():])
                  and _first_word(sentence[m.end():]) not in lex.prepositions]  # "називає строк у 20 місяців",
        # not "called for calm after 3 people died"
    return found


def _kept_object(sentence: str, cue: re.Match, lex: Lexicon) -> bool:
    """Is a cue of `clause_cues` a verb of keeping here: neither after what was said ("..., maintained the
    ministry") nor before it (a complementizer, a quotation, a colon, a possessive: "maintains its innocence", a
    figure: "mantiene la cifra de 30.000"), but before another object ("La Aemet mantiene el aviso rojo")?"""
    if cue.group(0).lower() not in lex.clause_cues or re.search(r"[,«“\"„:]\s*$", sentence[:cue.start()]):
        return False
    after = re.split(r"[,;.!?]", sentence[cue.end():])[0]
    first = _first_word(after)
    return not (first in lex.complementizers | lex.possessives or re.match(r"\s*[:«“\"„]", after)
                or re.search(r"\d", after))


def _first_word(text: str) -> str:
    words = text.split()
    return words[0].lower().strip(",;:") if words else ""


def _last_word(text: str) -> str:
    """The last word of `text`, lower-cased, without the punctuation before it ("«O" -> "o"); "" if none."""
    words = re.findall(r"[\w'’-]+", text[-40:])
    return words[-1].lower() if words else ""


def _counted(before: str) -> bool:
    """Do the words before a participle end with a figure and what it counts ("12 mortes", "the 40 deaths")?"""
    return re.search(r"\d[\d.,]*(?:\s+\w+){0,2}\s*$", before) is not None


def _participle_subject(sentence: str, lex: Lexicon, end: int) -> str | None:
    """The subject of a German clause whose verb is an auxiliary and a closing participle (at `end`): the words
    before the auxiliary, or after it where a fronted phrase stands first ("In der Ukraine haben Teilnehmer
    ..."). The auxiliary stands before the participle: "X sagte, sie habe schon am Nachmittag ..." has none."""
    words = list(re.finditer(r"\S+", sentence[:end]))
    aux = next((i for i, w in enumerate(words[:10]) if i and w.group(0).lower() in lex.auxiliaries), None)
    if aux is None:
        return None
    subject = _subject_before(sentence, words[aux].start(), lex)  # "Der Gouverneur der Region, Adam Harun, hatte"
    if subject and any(w.lower() in lex.prepositions for w in subject.split()[:2]) \
            or words[0].group(0).lower() in lex.prepositions:
        # "Bereits am Morgen hatte ...", "Über den Rückruf hatten das Morgenblatt und ...": a fronted phrase of
        # time, place or topic stands first, the subject after the auxiliary
        subject = None
    if not subject:
        subject = _after_auxiliary([w.group(0) for w in words[aux + 1:]], lex)
    return subject if subject and is_speaker(subject, lex) else None


def _after_auxiliary(tokens: list[str], lex: Lexicon) -> str:
    """The subject right after a German auxiliary: its determiner and nouns, and one prepositional phrase after
    them ("Teilnehmer an den Verhandlungen" of "haben Teilnehmer an den Verhandlungen zur Beendigung ...")."""
    kept: list[str] = []
    title = _TITLE.match(" ".join(tokens[1:])) if tokens and tokens[0].lower() in lex.determiners else None
    if title:  # 'die "Bild am Sonntag"': a name in quotes, whatever its words
        return f"{tokens[0]} {title.group(0)}"
    for token in tokens:
        if token.lower() in lex.determiners and not kept or token[:1].isupper() and not any(c.isdigit() for c in token):
            kept.append(token)
            continue
        break
    rest = tokens[len(kept):]
    if kept and len(rest) >= 3 and rest[0].lower() in lex.prepositions and rest[1].lower() in lex.determiners \
            and rest[2][:1].isupper():
        kept += rest[:3]
    return " ".join(kept).strip(",")


def _sentence_subject(head: str, lex: Lexicon, own: bool = False) -> str | None:
    """The noun phrase a sentence opens with, up to its verb ("Das Verteidigungsministerium hat ..."), when it
    can speak, or where the sentence cites its `own` account ("Die Opfer sind laut eigenen Angaben ..."),
    when it is a plain noun phrase; else None."""
    kept: list[str] = []
    for token in head.split():
        if token.lower() in lex.not_in_source or lex.cue.fullmatch(token) or len(kept) > 8 \
                or any(c.isdigit() for c in token):
            break  # "hat das Militär 20 Drohnen ...": a figure opens the object
        kept.append(token)
    subject = _trim(" ".join(kept), lex)
    return subject if kept and (is_speaker(subject, lex) or own and _determined(subject.split(), lex)) else None


def _subject_before(sentence: str, end: int, lex: Lexicon) -> str | None:
    """The speaker written just before `end`: the clause's subject, back to its start, or None."""
    head = re.sub(r"\s*\([^()]*\)\s*$", "", sentence[:end])  # "The federation (Famurs) said": no aside
    # nor one between dashes: "Mahdi Karroubi — another pro-reform candidate defeated in the election — said"
    head = re.sub(r"\s[—–]\s[^—–]{1,150}\s[—–]\s*$", "", head)
    # a short name in guillemets is part of the phrase ("Die US-Zeitung «Wall Street Journal» berichtete")
    # (or in straight or German quotes right after a word: 'Видання "Енергетичний вісник" написало'), and so is
    # a short aside in brackets ("El Tribunal Superior de Justicia Electoral (TSJE) terminó ... y aseguró")
    masked = re.sub(r"«[^«»]{1,40}»|(?<=\w )\([^()]{1,40}\)", lambda q: "x" * len(q.group(0)), head)
    # (or right before the cue: 'Волонтеры проекта "Белый счетчик" насчитали')
    masked = re.sub(r"(\w+ )(\"[^\"]{1,40}\"|„[^“\"]{1,40}[“\"])", lambda q: q.group(1) + "x" * len(q.group(2))
                    if lex.speakers.match(q.group(1)) or not head[q.end():].strip() else q.group(0),
                    masked)  # not 'В комментарии "Укринформу"'

    starts = [m.end() for m in _CLAUSE_START.finditer(masked)]
    at = len(starts) - 1
    raw = head[starts[at]:] if starts else head
    joining = raw.split()
    if joining and joining[0].lower() in lex.conjunctions and len(joining) <= 2 and at >= 1 \
            and all(w.lower() in lex.determiners or w.islower() and len(w) <= 3 for w in joining[1:]):
        # "La Russie a justifié ... par ce chiffre, et accusé ...", "..., y lo situó en 198" (a clitic before it):
        # the second verb of the sentence's subject
        opening = _noun_phrase(head.split(), lex)
        return opening if opening and is_speaker(opening, lex) else None
    opened = _adverb_clause_subject(raw.split(), lex)
    if opened is not None:  # "the eastern Batticaloa region where the government (said)", "..., where the army
        return opened  # (said)": the subject of the clause a relative adverb opens, not the place before it
    # "A witness, who ..., said", "Un portavoz de las FAR, contactado por la AFP, negó", "The Civil Defence,
    # volunteers who ..., had earlier said": an aside, or only the cue's auxiliaries, sends back a clause
    relatives_only = True  # the asides sent back are relative clauses ("Die Beobachtungsstelle, die ...")
    while at >= 1 and head[starts[at] - 1] == "," and (
            _aside(raw.split(), lex) or _filler(raw, lex)
            or _appositive(raw, head[starts[at - 1]: starts[at] - 1], lex)) \
            and (at >= 2 or " ".join(head[starts[at - 1]: starts[at] - 1].lower().split()) not in lex.discourse):
        # (not "Нагадаємо, голова партії": a discourse word that opens the sentence is no noun the clause sets
        # off; one set off by commas after a subject is an aside: "Imatong State's governor, however, denied")
        relatives_only = relatives_only and bool(raw.split()) and (
            raw.split()[0].lower() in lex.relatives | lex.relative_openers)
        at -= 1
        raw = head[starts[at]: starts[at + 1] - 1]
    opener = _discourse_opener(raw.split(), lex) if at == 0 else 0
    if 0 < opener < len(raw.split()):
        # "Проте Державна служба з надзвичайних ситуацій (повідомила)", "Натомість у міській раді (заявили)",
        # "Toutefois le Service d'État ... (a indiqué)": a discourse word that no comma sets off opens the
        # sentence; the speaker follows it
        raw = " ".join(raw.split()[opener:])
    set_apart = _without_setting(raw.split(), lex)  # "Около 7 часов утра замглавы МЧС (сообщил)": the deputy head
    subject = _trim(_TIME_WORDS.sub("", raw if set_apart is None else " ".join(set_apart)), lex)
    tokens = subject.split()
    while len(tokens) > 1 and tokens[-1].lower() in lex.clitics:  # "La policía lo (desmiente)": the object's pronoun
        tokens = tokens[:-1]
        subject = " ".join(tokens)
    if len(tokens) > 1 and tokens[1].lower() in lex.passive_agent:
        return None  # "overseen by the US": a participle's agent, not who speaks
    if tokens and tokens[-1].lower() in lex.conjunctions:
        # "The ruling military council described the raid as a massacre and accused ...": the subject of both verbs
        subject = _noun_phrase(tokens, lex)
        return subject if subject and is_speaker(subject, lex) else None
    placed = len(tokens) > 1 and tokens[0].lower() in lex.speaker_place
    if placed:  # "В Минобороны заявили": the ministry
        tokens = tokens[1:]
        subject = " ".join(tokens)
    if len(tokens) > 2 and tokens[-2].lower() in lex.demonstratives and lex.earlier_claims.fullmatch(tokens[-1]):
        tokens = tokens[:-2]  # "В полиции эти данные (опровергли)": the object before the verb, not the speaker's
        subject = " ".join(tokens)
    elif placed and len(tokens) > 1 and lex.earlier_claims.fullmatch(tokens[-1]) and tokens[-1].islower():
        tokens = tokens[:-1]  # "В Операции Объединенных сил данные (опровергают)": the same, with no demonstrative
        subject = " ".join(tokens)
    intro = head[:starts[at]].split() if starts else []
    introduced = 0 < len(intro) <= 4 and intro[-1].endswith(",") and not any(
        lex.cue.fullmatch(w.strip(",")) or any(c in w for c in "\"“”«»") for w in intro)
    # (a plain subject opens the clause of its cue, or the sentence before relative clauses on it; not "The truce,
    # overseen by the US, said nothing")
    opens = raw.strip() == head.strip() or at == 0 and relatives_only and head[starts[at]:].startswith(raw)
    if is_speaker(subject, lex) or _plain_subject(tokens, lex) and opens \
            or introduced and (_determined(tokens, lex) or not lex.determiners and _plain_subject(tokens, lex)):
        # "At first, the owner (claimed)", "Нагадаємо, прес-служба партії (заявила)": a short opening phrase
        return subject
    lowered = [t.lower() for t in tokens]
    relative = next((i for i in range(1, len(tokens) - 1) if lowered[i] in lex.relatives | lex.complementizers
                     and lowered[i + 1] not in lex.determiners | lex.demonstratives | lex.possessives | lex.pronouns
                     and not tokens[i + 1][:1].isupper()), None)  # a subject's relative: "that investigated ..."
    if relative and (lowered[0] in lex.determiners or _unelided(tokens[0])[:1].isupper()) \
            and lex.speakers.search(" ".join(tokens[:relative])) and is_speaker(" ".join(tokens[:relative]), lex):
        return " ".join(tokens[:relative])  # "a parliamentary committee that investigated deaths (put the figure)"
    if len(tokens) > 12 and (lowered[0] in lex.determiners or _unelided(tokens[0])[:1].isupper()):
        # "The head of a government inquiry into the clearing of a protest camp in Marsk (said)": the speaker and
        # what it is of, up to the first phrase of place or topic (not "ratificó ante un juez ...": a verb)
        cut = next((i for i in range(2, len(tokens)) if lowered[i] in lex.prepositions - lex.genitive), None)
        opening = " ".join(tokens[:cut]) if cut else ""
        if opening and lex.speakers.search(opening) and is_speaker(opening, lex):
            return opening
    aux = next((i for i, t in enumerate(lowered) if i and t in lex.auxiliaries), None)
    if lex.capitalised_nouns and aux is not None and is_speaker(_trim(" ".join(tokens[:aux]), lex), lex):
        # the verb comes last: "Die Miliz hat diese Angaben als Propaganda (zurückgewiesen)"
        return _trim(" ".join(tokens[:aux]), lex)
    # the first auxiliary with a determiner after it: the subject stands after the verb
    first_aux = next((i for i, t in enumerate(lowered[:-1]) if t in lex.auxiliaries
                      and lowered[i + 1] in lex.determiners), None)
    if lex.capitalised_nouns and first_aux is not None and lowered[0] not in lex.determiners:
        # "Schon zuvor hatte die Behörde ...", "Am Mittwoch hatte das Ministerium von 20 Toten ..."
        words: list[str] = []
        for w in tokens[first_aux + 1:first_aux + 8]:
            if any(c.isdigit() for c in w) or words and w.lower() in lex.determiners and words[-1][:1].isupper():
                break  # a figure, or the object's determiner ("die Behörde den Amtsinhaber ...")
            words.append(w)
        inverted = _noun_phrase(words, lex)
        if inverted and is_speaker(inverted, lex):
            return inverted
    for i in range(len(tokens) - 1, 0, -1):  # "The ministry provided no evidence and Ukraine"
        if tokens[i].lower() in lex.conjunctions:
            tail = " ".join(tokens[i + 1:])
            return tail if is_speaker(tail, lex) else None
    closed = lex.not_in_source | lex.ends_source | lex.prepositions
    last = max((i for i, t in enumerate(lowered) if t in closed), default=None)
    tail = " ".join(tokens[last + 1:]) if last is not None else ""
    if last is not None and last + 1 < len(tokens) and not lex.speakers.match(tokens[last + 1]):
        # "Ma in serata la Prefettura (ha smentito)": the time phrase's noun, then the party from its article
        article = next((i for i in range(last + 1, len(tokens) - 1) if lowered[i] in lex.determiners), None)
        if article is not None and _names_party(tokens[article + 1], lex) \
                and is_speaker(" ".join(tokens[article:]), lex):
            return " ".join(tokens[article:])
    if tail and lex.speakers.search(tail) and is_speaker(tail, lex):
        return tail  # "Утром во вторник несколько СМИ (сообщили)": after the time words, a party's head
    return None


def _adverb_clause_subject(tokens: list[str], lex: Lexicon) -> str | None:
    """The speaker after the last relative adverb of `tokens` with an article after it ("region where the
    government", "where the army"), where those words name a party; else None."""
    lowered = [t.lower() for t in tokens]
    at = max((i for i in range(len(tokens) - 2) if lowered[i] in lex.relatives and lowered[i + 1] in lex.determiners),
             default=None)
    rest = " ".join(tokens[at + 1:]) if at is not None else ""
    return rest if rest and lex.speakers.search(rest) and is_speaker(rest, lex) else None


def _discourse_opener(tokens: list[str], lex: Lexicon) -> int:
    """How many of `tokens` a discourse phrase of the language (`discourse`: "проте", "toutefois", "sin
    embargo") takes at their head, the longest that fits; 0 where none opens them."""
    lowered = [t.lower().strip(",") for t in tokens]
    return max((len(d.split()) for d in lex.discourse if lowered[:len(d.split())] == d.split()), default=0)


def _without_setting(tokens: list[str], lex: Lexicon) -> list[str] | None:
    """The speaker of a clause that opens with the time or place of the statement, with no comma after it
    ("Около 7 часов утра замглавы МЧС Дагестана", "Horas después el sindicato", "Під час брифінгу в Харкові
    міський голова"): the words from the first that can open a speaker's phrase (an article, a speaker's word
    with the adjectives before it, a name) and follows no preposition, article or figure, where they are a
    speaker's word or a name and the words before them are no party's place ("В пресс-службе МВД"). None where
    the clause opens otherwise, or in a language that writes every noun with a capital."""
    lowered = [t.lower() for t in tokens]
    if len(tokens) < 3 or lex.capitalised_nouns or not (
            lowered[0] in lex.prepositions | lex.demonstratives | lex.setting_openers
            or lex.time_words is not None and any(lex.time_words.fullmatch(w) for w in lowered[:2])):
        return None
    closed = lex.prepositions | lex.genitive | lex.determiners | lex.speaker_place
    for i in range(1, len(tokens)):
        word = tokens[i]
        if lowered[i - 1] in closed or lowered[i] not in lex.determiners and (
                any(c.isdigit() for c in tokens[i - 1]) or lowered[i - 1] in lex.numerals[1]):
            continue
        if not (lowered[i] in lex.determiners | lex.indefinite or lex.speakers.match(word) or word[:1].isupper()) \
                or i > 1 and word[:1].isupper() and lex.speakers.match(tokens[i - 1]) and tokens[i - 1][:1].isupper():
            continue  # (not "РФ" of "у Міноборони РФ": a name goes on)
        start = i
        while start > 1 and lex.adjective_endings and tokens[start - 1].islower() \
                and lowered[start - 1].endswith(lex.adjective_endings) and lowered[start - 2] not in closed \
                and not (lex.time_words and lex.time_words.fullmatch(lowered[start - 1])):
            start -= 1  # "міський голова"
        rest = " ".join(tokens[start:])
        placed = any(lowered[j] in lex.speaker_place and lex.speakers.match(tokens[j + 1]) for j in range(start - 1))
        named = lex.speakers.search(rest) or any(w[:1].isupper() for w in tokens[start:start + 2])
        if placed or not named or not is_speaker(rest, lex):
            return None  # "В пресс-службе МВД Иван Иванов": the party it is placed in; "gli alberghi": no party
        return tokens[start:]
    return None


def _appositive(clause: str, before: str, lex: Lexicon) -> bool:
    """Is the clause a noun phrase in apposition to a speaker before it ("The electoral commission for Anjouan,
    the archipelago's densely populated island, declared ..."): it opens with a small determiner, holds no
    clause word and cannot speak itself, while the clause before it can?"""
    words, named = clause.split(), before.split()
    run = len(named) - next((i for i, w in enumerate(reversed(named)) if not w[:1].isupper()), len(named))
    if 2 <= len(named) - run <= 4 and named[run - 1].lower() in lex.conjunctions | lex.relatives | lex.complementizers:
        named = named[run:]  # "Sono quasi le 12 quando Matteo Salvini, ministro ...,": the full name its clause ends on
    dated = lex.dates is not None and lex.dates.search(" ".join(named))  # "Earlier Tuesday, an opposition leader said"
    if not lex.capitalised_nouns and 1 <= len(named) <= 4 and all(w[:1].isupper() for w in named) and not dated \
            and 1 < len(words) <= 16 and words[0][:1].islower() \
            and (lex.speakers.match(words[0]) or len(named) > 1 and named[0].lower() not in lex.prepositions
                 and named[0].lower() not in lex.determiners) \
            and not any(lex.cue.fullmatch(w) or w.lower() in lex.relatives for w in words):
        # a title after a name: "Adilson Manuel, porta-voz da organização da marcha de sábado, disse"; any phrase
        # after a full name: "Janet Urman, one of the nurses picketing in front of the hospital Tuesday, said"
        return True
    if (_circumstance(words, lex) or _when(words, lex)) and is_speaker(_trim(before, lex), lex):
        return True  # "Организаторы, выступая перед журналистами, заявили", "A Cruz Vermelha, falando à imprensa,"
    # a name's possessive is its determiner ("Comoros’ most populous island"), its head the last word
    possessive = words[0].endswith(("'s", "’s", "s'", "s’")) and not lex.speakers.search(words[-1])
    # a description after a name, even of a kind that speaks ("The Dessary Human Rights Centre, a local
    # monitoring group, speaks of 38")
    described = words[0].lower() in lex.indefinite and bool(named) and all(
        w[:1].isupper() or w.lower() in lex.genitive for w in named)  # a name ("Hamas", "The Dessary Human Rights
    # Centre", "Ordine dei Medici"), not "Interviewed by local radio"
    return 1 < len(words) <= 8 and (words[0] in lex.determiners and not is_speaker(clause.strip(), lex)
                                    or possessive or described) \
        and not any(w.lower() in lex.not_in_source or lex.cue.fullmatch(w) for w in words) \
        and is_speaker(_trim(before, lex), lex)


def _titled(name: list[str], title: list[str], lex: Lexicon) -> bool:
    """Is `name` a proper name set off after a title that opens with an article ("Le bailleur social, Lille
    Habitat, a rejeté", "a spokesman for the operator, Caucasus Coal, told reporters"): the subject before its
    cue, not a clause of its own before a speaker after the cue?"""
    title = [w for w in title if any(c.isalnum() for c in w)]  # '"That is nonsense," a spokesman'
    return 1 <= len(name) <= 4 and all(w[:1].isupper() for w in name) and len(title) > 1 \
        and title[0].lower() in lex.determiners and name[0].lower() not in lex.pronouns \
        and not any(c.isdigit() for w in title for c in w) and not any(lex.cue.fullmatch(w) for w in name) \
        and is_speaker(" ".join(name), lex)


def _when(words: list[str], lex: Lexicon) -> bool:
    """Is the clause only a time ("la mattina del 12 marzo", "am Abend des 3. Mai"): a day or month name and a
    few words, no party's head?"""
    clause = " ".join(words)
    return 1 < len(words) <= 8 and lex.dates is not None and lex.dates.search(clause) is not None \
        and not lex.speakers.search(clause) and not any(lex.cue.fullmatch(w.strip(",.")) for w in words)


def _circumstance(words: list[str], lex: Lexicon) -> bool:
    """Is the clause a circumstance of the speaking, set off between commas: a gerund or participle and its
    complements ("выступая в эфире местного радио", "parlando dal palco", "speaking to reporters")? It opens
    with a word in lower case that heads no party and is no article, pronoun, conjunction or cue, and holds no
    cue, figure or preposition opening it ("у Міноборони РФ" names a party): the speaker is the clause before."""
    if not 2 <= len(words) <= 12 or lex.fixed_order or words[-1][:1].isupper() and words[-2][:1].isupper() \
            or lex.speakers.search(" ".join(words[:2])):
        return False  # English: ", said X" reads first; "член партии ПАРНАС Михаил Шнейдер": a name, no aside
    first = words[0].lower()
    closed = lex.determiners | lex.pronouns | lex.conjunctions | lex.relatives | lex.auxiliaries \
        | lex.complementizers | lex.prepositions | lex.speaker_place
    return words[0].isalpha() and words[0].islower() and not lex.capitalised_nouns and first not in closed \
        and not lex.speakers.match(words[0]) and not any(any(c.isdigit() for c in w) for w in words) \
        and not any(lex.cue.fullmatch(w.strip(",.")) for w in words)


def _filler(clause: str, lex: Lexicon) -> bool:
    """A clause before the cue that holds no subject: only auxiliaries and time words ("had earlier"), one adverb
    ("strongly"), or the rest of a clause that opens with its auxiliary ("hatte am Mittwoch ... von 210 Toten")."""
    words = _TIME_WORDS.sub("", clause).split()
    if words and lex.time_words is not None:  # the language's own ("в свою очередь", "dal canto suo")
        words = lex.time_words.sub("", " ".join(words).strip(" ,")).split()
    if not words:
        return True
    if words[0].lower() in lex.auxiliaries:  # not "раніше англійський телеканал Sky News": a party after the adverb
        return len(words) == 1 or not is_speaker(_trim(" ".join(words[1:]), lex), lex)
    lone = words[0].lower()  # "strongly", not "he" or "officials"
    return len(words) == 1 and _unelided(words[0])[:1].islower() and lone not in lex.pronouns \
        and not lex.speakers.search(lone)  # "l’AFP" is a name

def speaker_before(sentence: str, pronoun: str, language: str | None = "en") -> str | None:
    """The party a pronoun source stands for when the same sentence names it in a clause before ("Para la
    Delegación del Gobierno, la asistencia fue menor: según ellos, ..."): the last such clause's noun phrase
    that can speak, without the preposition it opens with; else None."""
    lex = lexicon(language)
    at = re.search(rf"(?<!\w){re.escape(pronoun)}(?!\w)", sentence, re.IGNORECASE)
    if at is None:
        return None
    for clause in reversed(re.split(r"[,;:]", sentence[:at.start()])[:-1]):
        tokens = clause.split()
        if tokens and tokens[0].lower() in lex.conjunctions:
            continue  # "..., and the authority still expects ...": another clause's subject, not a party cited
        while tokens and tokens[0].lower() in lex.prepositions:
            tokens = tokens[1:]
        phrase = _noun_phrase(tokens[:12], lex)
        if phrase and phrase.lower() not in lex.pronouns and is_speaker(phrase, lex):
            return phrase
    return None


def opening_subject(sentence: str, language: str | None = "en") -> str | None:
    """The noun phrase a sentence opens with when it can speak ("Los sindicatos" of "Los sindicatos convocantes
    ofrecieron una versión muy distinta."): the subject a next sentence with no written one goes on with."""
    lex = lexicon(language)
    tokens = sentence.split()[:12]
    if len(tokens) > 1 and tokens[0].lower() in lex.prepositions | lex.speaker_place and not lex.capitalised_nouns:
        # "В опубликованном видео Гусев звонит ...", "На своем Youtube-канале Вольнов опубликовал": after the
        # opening phrase, the last word of the first run of capitalised words (the phrase may end with a name)
        first = next((i for i, t in enumerate(tokens) if i and t[:1].isupper()), len(tokens))
        last = next((i for i in range(first, len(tokens)) if not tokens[i][:1].isupper()), len(tokens)) - 1
        placed = tokens[max(first, last) - 1].lower() in lex.prepositions | lex.speaker_place  # "в Москве"
        if not placed and not any(t.endswith(",") for t in tokens[:last + 1]):  # "In Kyiv, Mayor ...": as before
            tokens = tokens[max(first, last):]
    phrase = _noun_phrase(tokens, lex)
    phrase = re.sub(r"\s*\([^()]*\)$", "", phrase.rstrip(" ,;")).rstrip(" ,;")  # "Jair Bolsonaro (PSL),"
    if phrase and is_speaker(phrase, lex):
        return phrase
    # "Este jueves, el ministro del Interior, Juan José Santiváñez, acudió al Pleno": after a phrase of time
    return _main_subject(sentence, lex)


def _verb_second_subject(after: str, lex: Lexicon) -> str | None:
    """The subject written right after a verb in second place ("... warnte das Landesbergamt vor ...", "...
    schätzt die Gewerkschaft IG BCE die Zahl ...", "... schätzen sie die Opferzahlen ..."): a pronoun, or the noun
    phrase up to a figure, a preposition, the clause's end or the next determiner after a capitalised word (the
    object's); None where that is no speaker."""
    words: list[str] = []
    for w in after.split()[:8]:
        bare = w.strip(",.;:!?")
        if any(c.isdigit() for c in bare) or words and (bare.lower() in lex.prepositions or bare.lower() in
                                                        lex.determiners and words[-1][:1].isupper()):
            break
        words.append(bare)
        if bare != w or bare.lower() in lex.pronouns:
            break
    subject = _noun_phrase(words, lex)
    # (as a subject before its cue, a determined noun phrase speaks whatever its head: "das Landesbergamt")
    return subject if subject and (is_speaker(subject, lex) or _determined(subject.split(), lex)
                                   and not _figure_headed(subject, lex)) else None  # (not "hatte diese Zahl")


def _noun_phrase(tokens: list[str], lex: Lexicon) -> str:
    """The noun phrase `tokens` open with, up to the first small word after its head that is no head, name or
    short connector: "The ruling army-led Sovereign Council" of "... Council described the incident as ..."."""
    if tokens and tokens[0].lower() in lex.pronouns:
        return tokens[0]  # "they blamed ... and denied": the pronoun is the whole subject
    kept: list[str] = []
    headed = False
    for token in tokens:
        small = token[:1].islower() and not lex.speakers.match(token)
        if headed and small and len(token) > 3 and token.lower() not in lex.determiners:
            break
        kept.append(token)
        headed = headed or not small and token.lower() not in lex.determiners
    while kept and (kept[-1][:1].islower() and not lex.speakers.match(kept[-1])):
        kept.pop()  # "of", "the" before the verb
    return " ".join(kept)


def _plain_after(rest: str, lex: Lexicon) -> str | None:
    """The plain noun phrase right after a closing cue ("erklärte die Geschäftsleitung am Nachmittag", "teilte
    die Gewerkschaft mit"), up to a word that ends a source or a verb's particle, or None."""
    words = []
    for word in re.split(r"[,.;:!?]", rest, maxsplit=1)[0].split():
        if word.lower() in lex.ends_source or word.lower() in lex.prepositions:
            break
        words.append(word)
    opening = [words[0][:1].upper() + words[0][1:], *words[1:]] if words else []  # (as if it opened a sentence)
    return " ".join(words) if _plain_subject(opening, lex) else None


def _plain_subject(tokens: list[str], lex: Lexicon) -> bool:
    """A noun phrase opening the sentence as the subject of its cue ("La compagnie a affirmé", "The carrier
    said"): a determiner and up to three words, none a clause's word or a name's connector, so that whatever the
    head noun, the speech verb makes it the speaker."""
    if not tokens or not tokens[0][:1].isupper():
        return False
    if _determined(tokens, lex):
        return True
    # "Die Beobachtungsstelle für Menschenrechte (in Genf)", "Das Amt für Wissenschaft und Forschung": a noun
    # and the rest of its name after a preposition, in capitals
    link = next((i for i in range(2, min(len(tokens), 5)) if tokens[i].lower() in lex.prepositions | lex.genitive), 0)
    rest = tokens[link + 1:]
    return bool(link) and _determined(tokens[:link], lex) and 1 <= len(rest) <= 4 \
        and rest[0][:1].isupper() and rest[-1][:1].isupper() \
        and all(w[:1].isupper() or w.lower() in lex.conjunctions | lex.determiners | lex.genitive | lex.prepositions
                for w in rest)


def _determined(tokens: list[str], lex: Lexicon) -> bool:
    """A determiner and up to three words, none a clause's word or a name's connector ("el gremio", "the
    guild"): where the sentence makes it a party ("según el gremio", "las cifras del gremio"), it is one,
    whatever its head noun."""
    lowered = [t.lower().strip("'’,") for t in tokens]
    closed = lex.not_in_source | lex.conjunctions | lex.relatives | lex.complementizers | lex.passive_agent \
        | lex.pronouns | lex.determiners | lex.prepositions
    return 2 <= len(tokens) <= 4 and lowered[0] in lex.determiners \
        and all(w.isalpha() and w not in closed for w in lowered[1:])


def _aside(tokens: list[str], lex: Lexicon) -> bool:
    """Is the clause an aside on the subject before it: a relative clause ("who ...", "volunteers who ..."), a
    prepositional phrase ("bajo la coordinación de ..."), or a participle naming who asked ("contacted by
    Reuters", "contactado por la AFP", "speaking on condition of anonymity")?"""
    lowered = [t.lower().strip(",") for t in tokens]
    return bool(tokens) and (any(t in lex.relatives for t in lowered) or lowered[0] in lex.relative_openers
                             or lowered[0] in lex.not_sources
                             or lowered[0] in lex.prepositions - lex.conjunctions  # "wie die Zeitung (berichtete)"
                             or lowered[0] in lex.genitive and any(  # "del que depende Enfesa", "de la que"
                                 t in lex.relatives | lex.relative_openers | lex.complementizers for t in lowered[1:3])
                             or len(tokens) > 1 and lowered[1] in lex.passive_agent)


_OWNED = re.compile(r"\s+((?:[^\W\d_][\w.-]*\s+){0,4}?[^\W\d_][\w.-]*?)['’]s?\s+(?:own\s+|[^\W\d_]+\s+)?"
                    r"([^\W\d_]+)")


# a paper's name in quotes right after a cue, then a place preposition ("сообщили «Газете.Ru» в пресс-службе")
_ADDRESSED = re.compile(r"\s*(?:«[^«»]{1,40}»|„[^„“]{1,40}“|\"[^\"]{1,40}\")\s+(?P<place>[^\W\d_]+)\s+(?=[^\W\d_])")


def _owner_of_figures(rest: str, lex: Lexicon) -> str | None:
    """The party whose figures a marker cites by a possessive ("By the police's estimate", "by the organisers'
    count"): the words before the apostrophe, where a figure noun (`figure_nouns`) follows it; else None."""
    owned = _OWNED.match(rest)
    if owned is None or lex.figure_nouns is None or not lex.figure_nouns.fullmatch(owned.group(2)):
        return None
    return owned.group(1)


def _source_after(sentence: str, start: int, lex: Lexicon, verb_first: bool = True) -> str | None:
    """The speaker written from `start` on ("according to X,", ", said X, a spokesman", "afirmó el portavoz
    que ..."), or None. After a cue (`verb_first`) the source runs to the end of the clause or to what opens
    the words said ("que", "dass", "that"); a clause's verb or negation there makes it no source ("said
    troops were attempting ..."). After a marker ("laut X wurden ...") it ends at the clause's verb."""
    rest = sentence[start:]
    if verb_first and lex.time_words is not None and (when := lex.time_words.match(rest.lstrip())) and when.end():
        rest = rest.lstrip()[when.end():]  # "сообщили во вторник вечером агентству ... в МЧС": when, then who
    lead = lex.addressees.match(rest.lstrip()) if verb_first and lex.addressees is not None else None
    if lead:  # "disse à CNN o porta-voz ...", "заявил изданию X глава ...": the speaker follows the addressee
        rest = rest.lstrip()[lead.end():]
    titled = re.match(rf"\s*({_QUOTED_NAME})", rest)
    # "Про це повідомляє «Суспільне».": a name in quotes, ending the clause
    if titled and len(titled.group(1).split()) <= 6 and re.match(r"\s*(?:[.,;:!?)]|$)", rest[titled.end():]):
        # (after a marker, any short name in quotes: 'Як повідомляє "24 канал",')
        return titled.group(1) if is_speaker(titled.group(1), lex) or not verb_first else None
    if titled and verb_first and rest[titled.end():].split()[:1] and \
            rest[titled.end():].split()[0].lower() in lex.speaker_place:  # 'заявили "Интерфаксу" в ведомстве'
        rest = rest[titled.end():]
    told = re.match(r"\s*(?:[A-ZА-ЯІЇЄҐ][\w.-]*\s+){1,3}(?=(\w+)\s)", rest) \
        if verb_first and lex.speaker_place else None
    if told and told.group(1).lower() in lex.speaker_place:
        # "сообщили ТАСС в ГУ МЧС": the agency told, a name before the place that speaks, is no speaker
        placed = _source_after(rest[told.end():], 0, lex)
        if placed and (lex.speakers.search(placed) or ACRONYM.fullmatch(placed)) and is_speaker(placed, lex):
            return placed
    # a short name in guillemets is part of the phrase ("По мнению координатора «Левого фронта» Сергея ...")
    if titled and not verb_first and len(titled.group(1).split()) <= 6:
        # "Laut einem Bericht des «Nordbote» sollen ...": the paper's name, then the clause
        return titled.group(1).strip("«»“”„\"")
    masked = re.sub(r"«[^«»]{1,40}»(?=\s+\w|[.!?]?\s*$)", lambda q: "x" * len(q.group(0)), rest)
    if not verb_first:  # after a marker, a name in quotes ends no clause ('За інформацією прес-служби "X", ...')
        masked = re.sub(r"(?<=\w )[\"“„«][^\"“”„«»,.]{1,60}[\"”“»]", lambda q: "x" * len(q.group(0)), masked)
    stop = _SOURCE_END.search(masked)
    tokens = rest[: stop.start() if stop else len(rest)].split()
    cited = lex.according.search(" ".join(tokens)) if verb_first and lex.according is not None else None
    if cited and cited.start() > 0:  # "повідомляє газета X з посиланням на ...", "said X, citing ...": X ends there
        tokens = " ".join(tokens)[:cited.start()].split()
    expletive = verb_first and len(tokens) > 2 and tokens[0].lower() in lex.expletives
    if expletive:  # "heißt es in einer Mitteilung": no one, the statement speaks
        tokens = tokens[1:]
    if verb_first and len(tokens) > 1 and (tokens[0].lower() in lex.speaker_place
                                           or expletive and tokens[0].lower() in lex.prepositions):
        placed = _trim(" ".join(tokens[1:]), lex)  # "утверждают в Минобороны Азербайджана": the ministry
        # (or one named in quotes: "попереджають у «Степовому полі»")
        if (lex.speakers.search(placed) or ACRONYM.fullmatch(placed)
                or re.fullmatch(_QUOTED_NAME, placed)) and is_speaker(placed, lex):
            return placed
    if verb_first and not lex.fixed_order and tokens and tokens[0] in lex.prepositions | lex.ends_source:
        # "ha scritto sui social il segretario ...", "dijo en rueda de prensa el portavoz": where and how it was
        # said, then the speaker from its article
        at = next((i for i in range(2, min(5, len(tokens) - 1)) if tokens[i].lower() in lex.determiners
                   and tokens[i].lower() not in lex.genitive and lex.speakers.match(tokens[i + 1])
                   or tokens[i][:1].isupper() and tokens[i + 1][:1].isupper() and not lex.capitalised_nouns),
                  None)  # "dijo en rueda de prensa Marta Cuellar": a name
        if at is not None and tokens[at].lower() in CHANNELS and at + 2 < len(tokens) \
                and tokens[at + 1][:1].isupper() and tokens[at + 2][:1].isupper():
            at += 1  # "a précisé sur la messagerie Telegram Pavlo Kyrylenko": the channel, then the name
        if at is not None and not any(t.lower() in lex.complementizers or t[:1].isupper() and t.lower() not in CHANNELS
                                      for t in tokens[:at]):
            tokens = tokens[at:]
    heads = [t for t in tokens[:3] if t.lower() not in lex.determiners | lex.demonstratives | lex.possessives]
    if verb_first and heads and (lex.earlier_claims.fullmatch(heads[0]) or _figure_headed(heads[0], lex)):
        return None  # "a contesté mercredi les résultats de la CENI": the verb's object, not who speaks
    kept: list[str] = []
    for at, token in enumerate(tokens):
        lowered = token.lower().strip("'’")
        if kept and lex.earlier_claims is not None and any(lex.earlier_claims.fullmatch(k) for k in kept[-2:]) \
                and tokens[at + 1:at + 2] and tokens[at + 1].lower() in lex.passive_agent:
            kept.append(token)  # "the numbers reported by X": a participle, `_trim` keeps X
            continue
        if not kept and verb_first and (lowered in lex.ends_source or lowered in lex.prepositions):
            return None  # "said in a statement that ...", "a fait état sur Twitter de": no source after the cue
        if not kept and verb_first and any(token.lower() == c or c[-1:] in "'’" and token.lower().startswith(c)
                                           for c in lex.complementizers):
            return None  # "affirment qu'un des services ferme": what is said follows the cue, not who says it
        if kept and (lowered in lex.not_sources or lowered in lex.trailing or lowered in lex.complementizers
                     or lowered in lex.ends_source):
            break
        rest = " " + " ".join(tokens[at:])
        if kept and lex.time_words is not None and (when := lex.time_words.match(rest)) and when.end() == len(rest):
            break  # "anunciaram as autoridades locais nesta terça-feira": the time the speaker spoke
        if kept and verb_first and lex.capitalised_nouns and kept[-1][:1].isupper() and not kept[-1].endswith("-") \
                and token[:1].islower() \
                and lowered not in lex.determiners | lex.prepositions | lex.genitive | lex.joins \
                and not (lex.negations is not None and lex.negations.fullmatch(lowered)) \
                and (lowered in lex.auxiliaries | lex.conjunctions or lowered not in lex.not_in_source
                     and not lex.cue.fullmatch(lowered)
                     and not (lex.reported_speech is not None and lex.reported_speech.fullmatch(lowered))):
            break  # "sprach auch die Polizei letztlich von 70.000", "kamen die Beamten aber nur auf": the noun
            # phrase ends at its head, an adverb of the clause follows (not "Sprecher der Polizei", "nicht"; and
            # not a verb: "berichtete am Montag, Mitglieder seien erkrankt" names no source after its cue)
        named = token[:1].isupper() and not lex.capitalised_nouns  # "il capo dello Stato": a name's word, no verb
        if kept and (lowered in lex.not_in_source and not named or lex.cue.fullmatch(lowered)
                     or (lex.reported_speech is not None and lex.reported_speech.fullmatch(lowered))):
            if verb_first:
                return None
            break
        if kept and re.fullmatch(r"\d[\d.,]*", token):
            break  # "nach Angaben der UN 500 Zivilisten": a figure opens what is counted, the name ended
        if kept and not verb_first and not lex.capitalised_nouns and ACRONYM.fullmatch(kept[-1]) \
                and token.islower() and lowered not in lex.genitive | lex.prepositions | lex.determiners:
            break  # "annoncés ... par la CENI donnent": after an acronym, the clause's verb
        if kept and verb_first and lex.capitalised_nouns and lowered in lex.prepositions \
                and lex.speakers.search(kept[-1]):
            break  # "veranschlagt die Projektgesellschaft für den Tunnel ...": the subject ends at a preposition
        if not kept and verb_first and lex.capitalised_nouns and lowered in lex.auxiliaries and tokens[at + 1:]:
            continue  # "erwartet dagegen die Projektgesellschaft": an adverb before the subject
        if kept and lex.capitalised_nouns and verb_first and token[:1].isupper() and not ACRONYM.fullmatch(token) \
                and kept[0].lower() in lex.determiners and lex.speakers.search(kept[-1]) and len(kept) > 1 \
                and extract_numbers(" ".join(tokens[at:at + 5]), lex.code):
            break  # "veranschlagt die Projektgesellschaft Kosten von 2,4 Milliarden": the subject, then an object
            # with its figure (not "sagte der Dorfbewohner Ram Bahadur Thapa")
        if kept and lex.capitalised_nouns and verb_first and lowered in lex.determiners \
                and kept[0].lower() not in lex.determiners and lowered not in lex.indefinite \
                and kept[-1][:1].isupper():  # not "Vedat Bulut von der Ärztekammer"
            break  # "warf Maduro der Opposition ... vor": after a name, a determiner opens its object
        if kept and not lex.capitalised_nouns and not verb_first \
                and (any(_unelided(k)[:1].isupper() for k in kept) or lex.speakers.search(kept[-1])) \
                and kept[-1].lower() not in lex.prepositions | lex.genitive \
                and (lowered in lex.determiners - lex.genitive - lex.prepositions - lex.possessives
                     or _elided_article(token, lex)):
            break  # "secondo il ministero guidato da Matteo Salvini le adesioni sono state", "Secondo la Protezione
            # civile i morti sono 21", "Secondo i sindacati l'adesione è stata": a new subject
        if not lex.capitalised_nouns and not verb_first and _clause_after_name(kept, tokens[at:], lex):
            break  # "Secondo Hrw prove video ... indicano che", "Segundo a Oxfam relatos de moradores indicam que":
            # one short name, then the clause's own subject and verb
        if kept and lex.capitalised_nouns and not verb_first and token[:1].islower() \
                and kept[-1][:1].isupper() and lowered not in lex.determiners \
                and not kept[-1].endswith("-"):  # not "Dokumentations- und Beratungsstelle": one name
            break  # "Laut Sarudny schoss die Flugabwehr ...": the noun phrase ended, the clause's verb follows
        kept.append(token)
        if len(kept) == 1 and lowered in lex.pronouns:
            break  # "selon lui, ...": the pronoun is the source
        if len(kept) > 12:
            return None
    dangling = lex.prepositions | lex.genitive | lex.determiners
    while len(kept) > 1 and kept[-1].lower() in dangling:  # "i sindacati la giornata di sciopero del (17 ...)"
        kept.pop()
    source = _trim(_TIME_WORDS.sub("", " ".join(kept)), lex)
    if verb_first:  # after its cue a source starts with its head: "said Maria Lopes", "afirmó el portavoz"
        words = source.split()
        words = _share_of(words, lex) or words  # "said one of the nurses": the head of the whole
        heads = [w for w in words if w.lower() not in lex.determiners][:2]
        named = words[:1] == heads[:1] if lex.capitalised_nouns else True  # German: a name has no article
        if not any(_unelided(w)[:1].isupper() and named or lex.speakers.search(w) or w.lower() in lex.pronouns
                   for w in heads) and not (lex.capitalised_nouns and words and lex.speakers.search(words[-1])):
            return None  # (a German phrase ends with its head: "die Kalmtaler Wärmetechnik GmbH")
    return source if is_speaker(source, lex) else None


def _elided_article(token: str, lex: Lexicon) -> bool:
    """Is `token` a noun with its article elided onto it ("l'adesione", "l'affluence"), not a genitive
    ("dell'Istat", "d'Amnesty")?"""
    m = re.match(r"([^\W\d_]{1,3}['’])[^\W\d_]", token)
    return m is not None and m.group(1).lower() in lex.determiners - lex.genitive - lex.prepositions


def _described(sentence: str, start: int, lex: Lexicon) -> str | None:
    """A speaker told by what it is, after the cue of an incise that follows a quote ("», a réagi jeudi le
    hurdler, en ...", "», a écrit le champion du monde 2015 sur ...", "”, said the striker"): its article and up
    to three words, to the first preposition, figure or clause word; None where no article opens it."""
    rest = sentence[start:]
    if lex.time_words is not None and (when := lex.time_words.match(rest.lstrip(" ,"))) and when.end():
        rest = rest.lstrip(" ,")[when.end():]  # "a réagi jeudi le hurdler": when, then who
    tokens = re.split(r"[,;:.!?()«»“”\"]", rest, maxsplit=1)[0].split()
    if not tokens or tokens[0].lower() not in lex.determiners and _unelided(tokens[0]) == tokens[0]:
        return None
    kept = tokens[:1]
    for token in tokens[1:]:
        lowered = token.lower()
        if lowered in lex.prepositions | lex.genitive | lex.determiners | lex.complementizers | lex.conjunctions \
                | lex.pronouns | lex.relatives or lex.cue.fullmatch(lowered) or re.fullmatch(r"[\d.,]+", token) \
                or len(kept) > 3:
            break
        kept.append(token)
    described = " ".join(kept)
    if _figure_headed(described, lex):
        return None  # "Die «Washington Post» hatte diese Zahl ... genannt": the figure, no speaker
    return described if len(kept) > 1 or _unelided(kept[0]) != kept[0] else None


def _clause_after_name(kept: list[str], rest: list[str], lex: Lexicon) -> bool:
    """Does a clause of its own follow the marker's party `kept` in `rest`: one short name ("Hrw", "l'Onu",
    "Acnur") and then lower-case words, two or more, up to what opens the words said ("... indicano che")? Not
    a name's lower-case word ("la Protezione civile", "la Croce rossa": no "che" after a verb)."""
    names = [_unelided(k) for k in kept if k.lower() not in lex.determiners]
    if len(names) != 1 or not names[0][:1].isupper() or len(names[0]) > 6 or not rest or not rest[0][:1].islower():
        return False
    if rest[0].lower() in lex.genitive | lex.prepositions | lex.determiners | lex.conjunctions:
        return False
    opens = next((i for i, t in enumerate(rest) if t.lower() in lex.complementizers), None)
    return opens is not None and opens >= 2 and all(t[:1].islower() for t in rest[:opens])


def _unelided(word: str) -> str:
    """A word without the quote marks before it, and without a small elided article ("l'AFP", "dell'ONU"):
    what says whether it is a name."""
    bare = word.lstrip("«\"“„")
    return bare if bare[:1].isupper() else re.sub(r"^[^\W\d_]{1,4}['’](?=\w)", "", bare)


CLOSING_WORDS = 6  # a speaker that closes its sentence after the cue is a short noun phrase ("заявил глава ...")


def _share_of(words: list[str], lex: Lexicon) -> list[str] | None:
    """The words of the whole that a phrase takes one or a few of ("one of the nurses", "eine der
    Krankenschwestern", "одна из медсестер", "two of the rescuers": "the nurses"), or None."""
    if len(words) < 3 or lex.partitive is None:
        return None
    first = words[0].lower()
    if not (first in lex.ones or first == "one" or first.isdigit() or extract_numbers(first, lex.code)):
        return None
    rest = " ".join(words[1:])
    share = lex.partitive.match(rest)
    return rest[share.end():].split() or None if share else None


def is_speaker(phrase: str, language: str | Lexicon | None = "en") -> bool:
    """Is `phrase` a noun phrase that can be a source: a pronoun, a name, or a phrase headed by a word of a
    party that can speak ("the regional governor", "Verteidigungsministerium", "el portavoz militar")?
    A discourse phrase, a phrase holding a clause's verb or a negation, or a bare determiner is not."""
    lex = language if isinstance(language, Lexicon) else lexicon(language)
    words = phrase.split()
    if not words or len(words) > 12:
        return False
    if phrase[:1] in "«“„\"" and not re.search(r".[»”“\"]", phrase):
        return False  # "«Жоден український ...": the words of a quote that opens, not a name in quotes
    if len(words) == 1 and re.search(r"[^\W\d_]/[^\W\d_]", phrase):
        return False  # "Tübingen/Überlingen/dpa.": a dateline's places and agency, no one who speaks
    if (whole := _share_of(words, lex)) is not None:  # "eine der Krankenschwestern", "одна из медсестер"
        return is_speaker(" ".join(whole), lex)
    lowered = [w.lower().strip("'’,.") for w in words]
    if lowered[0] in lex.pronouns:
        return len(words) == 1  # "They blamed" is a pronoun and a verb, no name
    if len(words) > 1 and lowered[0] in lex.determiners and _TITLE.fullmatch(" ".join(words[1:])):
        return True  # 'die "Bild am Sonntag"', 'la "Gazzetta"': a title in quotes names a paper or a party
    text = " ".join(lowered)
    if any(text == d or text.startswith(d + " ") for d in lex.discourse):
        return False
    # a capital inside the phrase is a name's word ("Ferrovie dello Stato"), not the verb "stato"; in German
    # every noun has one, and its clause words are written small anyway
    # ("Gli organizzatori del corteo di venerdì": a day after "of" is a noun's complement, no time of a clause)
    inner = [w for i, (w, raw) in enumerate(zip(lowered[1:], words[1:]), start=1)
             if (lex.capitalised_nouns or not raw[:1].isupper())
             and not (lowered[i - 1] in lex.genitive and any(p.match(w) for p in lex.weekdays))]
    # a first name spelt like a month ("Julio Benítez", "April Ryan") opens a name of capitalised words
    full_name = len(words) > 1 and all(w[:1].isupper() for w in words) and lowered[1] not in lex.not_in_source
    if any(w in lex.not_in_source or w in lex.pronouns and len(words) > 1 for w in inner) \
            or lowered[0] in lex.not_in_source and not full_name \
            or lex.reported_speech is not None and any(lex.reported_speech.fullmatch(w) for w in lowered):
        return False
    if all(w in lex.determiners or w in lex.demonstratives for w in lowered):
        return False  # "the", "Este" (of "Este jueves, ..."): no noun
    if lex.figure_nouns is not None and all(w in lex.determiners | lex.demonstratives or lex.figure_nouns.fullmatch(w)
                                            for w in lowered):
        return False  # "Numeri (solo ufficiosi)", "The figures": figures speak for a party, they are none
    content = [w for w in lowered if w not in lex.determiners | lex.demonstratives]
    if lex.figure_nouns is not None and len(content) > 1 and not any(w[:1].isupper() for w in words[1:]) \
            and (lex.figure_nouns.fullmatch(content[-1]) or lex.figure_nouns.fullmatch(content[0])):
        return False  # "The official death toll", "Le bilan officiel": a figure headed so, whatever its adjective
    if len(words) > 1 and lowered[-1] in lex.prepositions | lex.genitive | lex.determiners:
        return False  # "the government of": a phrase cut off before its noun
    if len(words) > 1 and lowered[0] in lex.genitive and lowered[0] not in _PARTICLES and not lex.capitalised_nouns:
        return False  # "da Polícia Federal", "della Protezione civile": the rest of a phrase, not its head
    if any(_BIG_NUMBER.fullmatch(w) for w in words) or any(
            w.isdigit() and lowered[i + 1:i + 2] and lowered[i + 1] in lex.people for i, w in enumerate(words)):
        return False  # "Von der Trennung von 25.000 und ...", "погибли 10 человек": a figure's clause
    if lowered[0] in lex.prepositions and lowered[0] not in lex.speaker_place:
        return False  # "En parecidos términos se", "In Brussels": a prepositional phrase speaks not
    if len(words) > 1 and words[0].islower() and lowered[0].endswith(lex.gerund_endings) \
            and lowered[1] in lex.determiners:
        return False  # "contradicting the official (claim)": a verb and its object
    if lex.speakers.search(phrase):
        return True
    names = [w for i, w in enumerate(words) if _unelided(w)[:1].isupper() and lowered[i] not in lex.determiners]
    if lex.capitalised_nouns:  # every German noun is capitalised: a name is a phrase with no determiner
        return bool(names) and (lowered[0] not in lex.determiners or any(ACRONYM.fullmatch(w) for w in names)) \
            and len(words) <= 4  # "Die RSF": an acronym is a name
    # a name before any preposition: in "lanzó un dato falso sobre la cantidad ... en El Alto" the only name
    # is where something happened, and the phrase a clause
    head = next((i for i, low in enumerate(lowered) if i and low in lex.prepositions), len(words))
    # ("Ce résultat": a demonstrative that opens the sentence has a capital, it names nothing)
    return any(_unelided(w)[:1].isupper() and low not in lex.determiners | lex.demonstratives
               for w, low in zip(words[:head], lowered))


def _trim(text: str, lex: Lexicon | None = None) -> str:
    """A source phrase without the connector before it, the addressee after it ("Bulut der Deutschen
    Presse-Agentur") and the time words around it ("Пізніше у Міноборони", "27 лютого речник ... вперше")."""
    text = re.sub(r"^(?:and|but|while|as|which|who)\s+", "", text.strip(), flags=re.IGNORECASE)
    words = text.split()
    if lex is not None and len(words) > 1 and words[0].lower() in lex.conjunctions | lex.relatives \
            and (words[1].lower() in lex.determiners or words[1][:1].isupper()
                 or lex.time_words is not None and lex.time_words.match(" ".join(words[1:]))):
        # "wie die Polizei (mitteilte)", "como (informó) la policía", "Ma oggi la Guardia costiera (ha smentito)"
        text = text.split(None, 1)[1]
    claims = lex.earlier_claims.search(text) if lex is not None and lex.earlier_claims is not None else None
    if claims and lex is not None:  # "the numbers reported by University officials": the officials
        words = text[claims.end():].split()
        agent = next((i for i, w in enumerate(words[:3]) if w.lower() in lex.passive_agent), None)
        if agent is not None and is_speaker(" ".join(words[agent + 1:]), lex):
            text = " ".join(words[agent + 1:])  # else "a joint statement issued by both delegations" whole
    if lex is not None:
        text = owner_of(text, lex) or text  # "Les chiffres de la préfecture": the prefecture
        addressee = lex.addressees.search(text) if lex.addressees is not None else None
        if addressee and text[:addressee.start()].strip(" ,"):
            text = text[:addressee.start()]
        if lex.time_words is not None:  # (not "del corteo di venerdì": after "of", a noun's complement)
            text = text.strip(" ,")
            text = lex.time_words.sub(lambda m: m.group(0) if text[:m.start()].split()[-1:] and text[:m.start()]
                                      .split()[-1].lower() in lex.genitive else "", text)
    return text.strip(" ,.'’-")


def _few(number) -> bool:
    """Is `number` a few, written in words ("three men", "Two accused")?"""
    return number.text.isalpha() and number.value <= FEW and number.unit != "%"


def _after_modifiers(words: list[str], lex: Lexicon) -> bool:
    """Do `words` end with an article and one or two words that stand between an article and its noun
    (`noun_modifiers`: "los otros dos", "El principal")?"""
    for k in (1, 2):
        if len(words) > k and words[-k - 1].lower() in lex.determiners \
                and all(w.lower() in lex.noun_modifiers for w in words[-k:]):
            return True
    return False


_PARTICLES = {"de", "di", "von", "van", "of", "from", "des", "d'", "d’"}  # "de Gaulle", "von der Leyen", "des proches"
_BIG_NUMBER = re.compile(r"\d{1,3}(?:[.,\u00a0 ]\d{3})+|\d{5,}")
ACRONYM = re.compile(r"\b[^\W\d_a-zа-яіїєґ]{2,6}\b")  # "RSF", "SAF", "IDF", "ЗСУ": capitals only
_TITLE = re.compile(r"[\"„“«][^\W\d_][^\"„“”«»]{0,38}[\"“”»]")  # a name in quotes: a paper's, a party's


# an elided article or preposition before a name ("L'ANM", "dell'Unhcr", "d'Israël"), not an Irish name's "O'"


