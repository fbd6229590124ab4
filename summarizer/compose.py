"""The digest written by code from the records: what an editor's "what we know" box says.

Ranked, not positional:
1. the lead: the first record that can be told in English without a long direct quote (the happening the
   article is about);
2. each dispute in one sentence: records joined by `contradicted_by` (figures of one quantity from different
   sources, a denial and what it denies), the figures side by side with their claimants ("...; the Red Cross
   reported a toll of 41, a claim the provincial spokesman rejected");
3. the other records: figures of a counted quantity, then reactions, then the outlet's other lines; background
   (a year named, "in a separate incident") last.

Never: a party's silence ("did not respond to a request for comment", the language file's `no_comment`), a
record whose summary is mostly a direct quote (a quoted span of more than three words), a superseded figure,
an own-voice record that uses a loaded label (a party's record quotes the label as theirs).

Short: at most `MAX_SENTENCES` sentences and `MAX_WORDS` words, and no more than a third of the article's
story words once the lead and its dispute are said.

English: a record of an article in another language is used by its English summary where it has one
(`translation.py` checked it against its sentence); otherwise by its figures and its source as written, and
the sentence says which language the report is in. Every sentence cites the records it uses, and every
number and name in it is a record's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from summarizer.attribution import attributed
from summarizer.contests import opens_incident, quantities
from summarizer.language import Lexicon, lexicon
from summarizer.neutral import QUOTED, loaded_terms, quote_loaded_terms
from summarizer.numbers import extract_numbers, in_english
from summarizer.places import breakdown_places, place_key, place_names
from summarizer.schema import Digest, DigestSentence, Dispute, Dropped, Event
from summarizer.sources import same_source

MAX_SENTENCES = 4
MAX_WORDS = 85
MIN_WORDS = 5  # a summary shorter than this, or ending in "the", says nothing ("According to X, the.")
MAX_CLAUSES = 4  # records in one dispute's sentence (a model's digest sentence cites at most 4)
LONG_RECORD = 45  # words: a record longer than this is told by its figures where it has any
ENGLISH_SHARE = 1 / 6  # of a text's words English function words: English (a foreign sentence has few or none)
LANGUAGES = {"de": "German", "es": "Spanish", "fr": "French", "it": "Italian", "pt": "Portuguese",
             "ru": "Russian", "uk": "Ukrainian"}
# How the digest gives a figure of each quantity (contests.py's names, from the language files' `quantities`).
PHRASES = {"dead": "a toll of {}", "injured": "{} injured", "displaced": "{} displaced", "missing": "{} missing",
           "detained": "{} detained", "prisoners": "{} prisoners", "rescued": "{} rescued",
           "participants": "a crowd of {}", "people": "{} people", "votes": "{} votes", "munitions": "{} projectiles",
           "on_board": "{} on board", "tonnes": "{} tonnes", "litres": "{} litres", "hectares": "{} hectares",
           "kilograms": "{} kilograms"}
_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH = frozenset("""the of and to in on at for with by from as was were is are be been has have had said says
that this these than it its their his her they he she we who which would will not but or after before a an
gave reported toll claim report according while when where also""".split())
_DANGLING = frozenset("the a an of and to in by with for at from as than that which who its their his her this "
                      "these".split())  # words no sentence ends with
_PRONOUN_CUE = re.compile(r"\b(?:he|she|they)(\s+)(?=said\b|says\b|added\b|adds\b|told\b|tells\b)", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_HEDGE = re.compile(r"\b(?:at least|more than|over|about|around|nearly|almost|up to|some|roughly|approximately|"
                    r"fewer than|less than)\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class _Told:
    """One digest sentence: its clauses and the records it cites."""

    clauses: tuple[str, ...]
    ids: tuple[str, ...]

    @property
    def text(self) -> str:
        text = "; ".join(self.clauses)
        text = text[:1].upper() + text[1:]
        return text if text[-1:] in ".!?\"”»" else text + "."

    @property
    def words(self) -> int:
        return len(self.text.split())


def compose(events: list[Event], language: str | None = "en", story_words: int | None = None,
            ) -> tuple[Digest, list[Dropped]]:
    """The digest of one article's records (see the module docstring), and the records it leaves out for a
    loaded label in the outlet's own voice."""
    code = (language or "en")[:2].lower()
    reader = _Reader(lexicon(code), code, {e.id: e for e in events})
    dropped = [Dropped(stage="digest", item=e.id, reason="the outlet's own voice uses the loaded label(s) "
                       + ", ".join(loaded_terms(e.summary))) for e in events if reader.loaded(e)]
    # (a revised figure stays where a usable record contests it: the dispute is told whole)
    candidates = [e for e in events if reader.usable(e) or reader.usable(e.model_copy(update={"superseded_by": None}))
                  and any(reader.usable(o) for o in events if o.id in e.contradicted_by)]
    if not candidates:
        return Digest(text="", sentences=[]), dropped
    groups = _groups(candidates)
    # the article's first record, where it can be told; else its first dispute; else the first that can be
    first = candidates[0]
    lead = first if reader.presentable(first) or _one_each(reader.figures(first)) else next(
        (e for e in candidates if e.id in groups), None) or next(
        (e for e in candidates if reader.presentable(e) or _one_each(reader.figures(e))), first)
    told: list[_Told] = []
    used: set[str] = set()

    def tell(sentence: _Told | None) -> None:
        if sentence is not None and sentence.ids:
            told.append(sentence)
            used.update(sentence.ids)

    opened = code != "en" and lead is not first and first.attribution.source_type != "outlet"
    if opened:  # an untranslated lead: whose account it is, at least
        tell(_Told((f"{_report(code)} opens with the account of {reader.source(first)}",), (first.id,)))
    # each dispute's sentences: the lead's first; a second dispute is said whatever the budget
    disputes = [reader.disputes(g) for g in _unique(groups.values())]
    lead_group = next((d for d in disputes if d and lead.id in d[0].ids), None)
    if lead.id in groups and lead_group:
        tell(lead_group[0])
    else:
        tell(reader.single(lead))
    disputes = [d[1:] if d is lead_group else d for d in disputes]
    rest: list[_Told | None] = [t for d in disputes for t in d]
    if rest:
        tell(rest.pop(0))
    budget = min(MAX_WORDS, max(sum(s.words for s in told), (story_words or 0) // 3))
    position = {e.id: n for n, e in enumerate(events)}
    rest += [reader.single(e) for e in sorted((e for e in candidates if e.id not in used and e.id not in groups),
                                               key=lambda e: (3 if reader.elsewhere(e, lead) else reader.rank(e),
                                                              position[e.id]))]
    for sentence in rest:
        if len(told) >= MAX_SENTENCES:
            break
        if sentence is not None and sentence.ids and not used & set(sentence.ids) \
                and sum(s.words for s in told) + sentence.words <= budget:
            tell(sentence)
    if opened and len(told) == 1:
        told.clear()
    if not told:  # nothing can be told in English: who the report quotes, else that there is nothing to give
        told.append(reader.accounts(candidates) or _Told(
            (f"{_report(code)} has no figure or named source to give in English",), (lead.id,)))
    elif code != "en" and not opened and not reader.english(reader.by_id[told[0].ids[0]]):
        told[0] = _Told((f"in {_report(code)}, {told[0].clauses[0]}", *told[0].clauses[1:]), told[0].ids)
    while len(told) > 1 and sum(s.words for s in told) > MAX_WORDS:  # the lead and a dispute can pass it
        told.pop()
    sentences = [DigestSentence(text=s.text, event_ids=list(s.ids)) for s in told]
    return Digest(text=" ".join(s.text for s in sentences), sentences=sentences), dropped


def _listed(names: list[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _report(code: str) -> str:
    """"this German-language report"; "this report" for English or a language without a name here."""
    name = LANGUAGES.get(code)
    return f"this {name}-language report" if name else "this report"


def is_english(text: str, names: Iterable[str] = ()) -> bool:
    """Is `text` English: a sixth of its words or more, the words of `names` (sources, places) aside, English
    function words ("the", "of", "said")?"""
    named = {w for name in names for w in _WORD.findall(name.lower())}
    words = [w for w in _WORD.findall(text.lower()) if w not in named or w in _ENGLISH]
    return bool(words) and sum(w in _ENGLISH for w in words) >= ENGLISH_SHARE * len(words)


def _written(figure: str, text: str) -> re.Match | None:
    """Where `figure` stands in `text` as a figure of its own: "4" is not in "41" nor "two" in "network"."""
    return re.search(rf"(?<![\w.,]){re.escape(figure)}(?![\w])", text, re.IGNORECASE)


def _one_each(figures: dict[str, list[tuple[str, str]]], said: dict[str, set[str]] | None = None,
              others: dict[str, set[str]] | None = None) -> dict[str, list[tuple[str, str]]]:
    """The quantities for which a record gives one figure not yet `said`. Two in one sentence are two sources'
    ("480 000 selon la police, 1,2 million selon la CGT") or a correction ("10 personas, no 25 como reportó la
    ONG"): the record's source is not both figures' source, and it is told by the one that the `others`
    (records of the same dispute) do not give, if there is one."""
    out = {}
    for q, values in figures.items():
        fresh = [v for v in values if v[1] not in (said or {}).get(q, set())]
        if len(values) > 1:
            fresh = [v for v in fresh if v[1] not in (others or {}).get(q, set())]
        if len(fresh) == 1:
            out[q] = fresh
    return out


def _groups(events: list[Event]) -> dict[str, list[Event]]:
    """{record id: the records of its dispute, in article order}, for records joined by `contradicted_by`."""
    by_id = {e.id: e for e in events}
    parent = {e.id: e.id for e in events}

    def root(i: str) -> str:
        while parent[i] != i:
            i = parent[i]
        return i

    for e in events:
        for other in e.contradicted_by:
            if other in by_id:
                parent[root(other)] = root(e.id)
    members: dict[str, list[Event]] = {}
    for e in events:
        members.setdefault(root(e.id), []).append(e)
    return {e.id: group for group in members.values() if len(group) > 1 for e in group}


def _unique(groups: Iterable[list[Event]]) -> list[list[Event]]:
    seen: list[list[Event]] = []
    for g in groups:
        if all(g is not s for s in seen):
            seen.append(g)
    return seen


@dataclass
class _Reader:
    """What the composer reads off a record, in the article's language."""

    lex: Lexicon
    code: str
    by_id: dict[str, Event]
    parts: set[str] | None = None  # the places the article gives a quantity for, place by place (`place`)

    def english(self, e: Event) -> bool:
        """Is the record's summary English: the article's own sentence in English, or a checked translation?"""
        own = e.summary.strip().rstrip(".")
        return self.code == "en" or not any(own in ev.quote for ev in e.evidence) and is_english(e.summary)

    def loaded(self, e: Event) -> bool:
        return e.status == "asserted" and bool(loaded_terms(e.summary))

    def usable(self, e: Event) -> bool:
        text = " ".join(ev.quote for ev in e.evidence)
        silent = self.lex.no_comment is not None and self.lex.no_comment.search(text) is not None
        return not silent and not self.loaded(e) and e.superseded_by is None

    def presentable(self, e: Event) -> bool:
        """Can the record be told by its own summary: English, no long direct quote?"""
        words = _WORD.findall(e.summary.lower())
        return self.english(e) and len(words) >= MIN_WORDS and words[-1] not in _DANGLING \
            and not any(len(q.split()) > 3 for q in QUOTED.findall(e.summary))

    def figures(self, e: Event) -> dict[str, list[tuple[str, str]]]:
        """{quantity: its figures, each (as the digest gives it, with "at least" and the like where the text
        gives them; as written)}. Where a sentence gives several figures of one quantity, those written with a
        noun ("58 bodies in the two villages": 58; "37 people had been killed, 20 on Monday and 17 on Tuesday":
        37). A denial's figures are the ones it denies ("bestritt Angaben, dass 90 Menschen ums Leben gekommen
        seien"); only in a language of fixed word order are those before the denial its own ("over 100 had
        lost their lives, rejecting the official figure")."""
        own_sentence = e.evidence[0].quote
        denial = self.lex.denial.search(own_sentence) if self.lex.denial is not None else None
        if denial is not None and not self.lex.fixed_order:
            return {}
        text = " ".join(ev.quote for ev in e.evidence)
        counted = quantities(text, self.lex, self.code)
        words = dict(self.lex.quantities)
        out: dict[str, list[tuple[str, str, int]]] = {}
        for n in e.numbers:
            if _written(n.text, e.attribution.source.lower()) is not None:  # "Two senior officials said": who
                continue
            found = _written(n.text, text)
            at = found.start() if found is not None else -1
            if denial is not None and not 0 <= at < denial.start() \
                    or self.lex.negations is not None and self.lex.negations.search(text[:max(at, 0)]):
                continue  # "не 300 человек, ..., а от 40 до 60": not the source's figure
            quantity = next((q for q, values in counted.items() if n.value in values), None)
            if quantity is None or n.text in (bare for _, bare, _ in out.get(quantity, [])):
                continue
            hedge = _HEDGE.search(text[:at]) if at > 0 and self.english(e) else None
            in_summary = _written(n.text, e.summary)
            if hedge is None and in_summary is not None:  # an English summary gives the hedge in English
                hedge = _HEDGE.search(e.summary[:in_summary.start()])
            unit = (n.unit or "").lower()
            noun = 2 if unit and quantity in words and words[quantity].match(unit) else int(unit in self.lex.people)
            shown = n.text if self.code == "en" else in_english(n)  # "18.000" of a German report: "18,000"
            out.setdefault(quantity, []).append(((hedge.group(0).lower() if hedge else "") + shown, n.text, noun))
        return {q: [(shown, bare) for shown, bare, noun in found if noun == max(x[2] for x in found)]
                for q, found in out.items()}

    def elsewhere(self, e: Event, lead: Event) -> bool:
        """Does the record open in a place the lead does not name ("In Kramatorsk, about 25 kilometres to the
        north, ...")? Another incident, told last if at all."""
        opening = re.match(r"\W*([^\W\d_]+)\s+([A-ZÀ-ÝА-ЯІЇЄҐ][\w'’-]+)", e.evidence[0].quote)
        return opening is not None and opening.group(1).lower() in self.lex.prepositions \
            and not (self.lex.dates is not None and self.lex.dates.fullmatch(opening.group(2))) \
            and opening.group(2) not in " ".join(ev.quote for ev in lead.evidence)

    def is_year(self, text: str, found: re.Match) -> bool:
        """Is "2023" a year ("in 2023", "since 2019,") rather than a count ("About 2000 people fled")?"""
        before = re.findall(r"[^\W\d_]+", text[:found.start()])[-1:]
        return bool(before) and before[0].lower() in self.lex.prepositions or not re.match(r"\s+[^\W\d_]",
                                                                                          text[found.end():])

    def rank(self, e: Event) -> int:
        """Where a record that is no lead and no dispute comes: figures of a counted quantity, reactions, the
        outlet's other lines, background."""
        text = " ".join(ev.quote for ev in e.evidence)
        if any(self.is_year(text, year) for year in _YEAR.finditer(text)) or opens_incident(text, self.lex) \
                or self.lex.background is not None and self.lex.background.search(text):
            return 3
        if set(self.figures(e)) - {"people"}:  # a count of something said of them: dead, displaced, ...
            return 0
        return 1 if e.status != "asserted" else 2

    def source(self, e: Event) -> str:
        # a title in quotes is named without them ("quotidien «La Voix du Nord-Est»"): no quote in the digest
        source = re.sub(r"[«»“”„\"]", "", e.attribution.source).strip()
        if e.attribution.source_type == "outlet" or not source:
            return "the report"
        first, _, rest = source.partition(" ")  # (a party named by a loaded label: the label is theirs, quoted)
        return quote_loaded_terms(f"{first.lower()} {rest}".strip() if first.lower() in self.lex.determiners
                                  else source)

    def clause(self, e: Event) -> str:
        """The record's own summary, saying whose claim it is."""
        text = e.summary.strip().rstrip(".")
        if e.status != "asserted":
            source = e.attribution.source.strip()
            named = {w for w in _WORD.findall(source.lower()) if len(w) > 3} & set(_WORD.findall(text.lower()))
            if e.attribution.source_type != "outlet" and not named:  # "..., she says": read alone, it names no one
                text = _PRONOUN_CUE.sub(lambda m: f"{source}{m.group(1)}", text, count=1)
            text = quote_loaded_terms(attributed(text, source))
        if e.status == "unverified":
            text += " (not independently verified)"
        return text

    def place(self, e: Event, bare: str) -> str | None:
        """Where the record's figure counts, as its sentence writes it, where the article gives the quantity
        place by place ("33 people had died in Colombo alone" among "27 ... in Colombo, 19 in Negombo"): a
        district's toll told as "a toll of 33" would read as the whole toll."""
        if self.parts is None:
            self.parts = breakdown_places(place_names(o.evidence[0].quote, self.lex, self.code)
                                          for o in self.by_id.values())
        values = extract_numbers(bare, self.code)
        place = place_names(e.evidence[0].quote, self.lex, self.code).get(values[0].value) if values else None
        return place if place_key(place) in self.parts else None

    def by_figures(self, e: Event, figures: dict[str, list[tuple[str, str]]]) -> str:
        phrases = [PHRASES.get(q, "a figure of {}").format(
            values[0][0] + (f" in {place}" if (place := self.place(e, values[0][1])) else ""))
            for q, values in figures.items()]
        verb = "gives" if e.attribution.source_type == "outlet" else "reported"
        text = f"{self.source(e)} {verb} {' and '.join(phrases[:2])}"
        return text + (" (not independently verified)" if e.status == "unverified" else "")

    def single(self, e: Event) -> _Told | None:
        if self.presentable(e) and (len(e.summary.split()) <= LONG_RECORD or not self.figures(e)):
            return _Told((self.clause(e),), (e.id,))
        figures = _one_each(self.figures(e))
        return _Told((self.by_figures(e, figures),), (e.id,)) if figures else None

    def accounts(self, events: list[Event]) -> _Told | None:
        """'This French-language report gives the accounts of A, B and C': the sources of records that can
        be told neither in English nor by their figures, a contested one with a source that contests it (at
        most four: what one sentence of a digest may cite)."""
        picked: list[Event] = []

        def new_source(e: Event) -> bool:
            return e.attribution.source_type != "outlet" and not any(
                same_source(e.attribution.source, p.attribution.source) for p in picked)

        for e in events:
            if len(picked) >= MAX_CLAUSES - 1 or not new_source(e) or e in picked:
                continue
            contested = [self.by_id[i] for i in e.contradicted_by if i in self.by_id]
            if contested and not any(c in picked for c in contested):
                contester = next((c for c in contested if new_source(c) and c is not e), None)
                if contester is None:
                    continue
                picked += [e, contester]
            else:
                picked.append(e)
        if not picked:
            return None
        return _Told((f"{_report(self.code)} gives the accounts of {_listed([self.source(e) for e in picked])}",),
                     tuple(e.id for e in picked))

    def denies(self, e: Event) -> bool:
        """Is the record a denial (its cue denies), not itself denied or disputed?"""
        return e.status not in ("denied", "disputed") and self.lex.denial is not None \
            and self.lex.denial.search(e.attribution.cue or "") is not None

    def answers(self, e: Event, said: list[Event]) -> Event | None:
        """The record said before in this sentence that `e` denies, if `e` is a denial."""
        return next((r for r in reversed(said) if r.id in e.contradicted_by), None) if self.denies(e) else None

    def disputes(self, group: list[Event]) -> list[_Told]:
        """The sentences of one dispute group: a sentence, then one for what it left out that still holds two
        records that contest each other ("the crowd ...; the detained ..."), and so on."""
        out: list[_Told] = []
        remaining = group
        while len(remaining) > 1:
            sentence = self.dispute(remaining)
            if not sentence.ids:
                break
            if len(sentence.ids) > 1 or not out:  # a record alone is no dispute, unless it leads
                out.append(sentence)
            remaining = [e for e in remaining if e.id not in sentence.ids]
        return out

    def dispute(self, group: list[Event]) -> _Told:
        """One sentence for the records of one dispute: the first told by its summary where it can be (else by
        its figures), each other record that contests one already told by the figure it gives that the sentence
        has not, a denial right after what it denies, and one with neither as "X gave another account". A
        record that contests nothing told yet is left out, so every record cited has a record it contests
        beside it."""
        clauses: list[str] = []
        said: list[Event] = []
        figures = {e.id: self.figures(e) for e in group}
        shown: dict[str, set[str]] = {}  # quantity -> the figures the sentence gives, as written
        ordered: list[Event] = []  # each record followed by its denials
        for e in group:
            for x in (e, *(d for d in group if e.id in d.contradicted_by and self.denies(d))):
                if x not in ordered:
                    ordered.append(x)
        for e in ordered:
            if len(said) >= MAX_CLAUSES:
                break
            others: dict[str, set[str]] = {}  # quantity -> the single figures the group's other records give
            for other in group:
                for q, values in figures[other.id].items():
                    if other is not e and len(values) == 1:
                        others.setdefault(q, set()).add(values[0][1])
            new = _one_each(figures[e.id], shown, others)
            if not clauses:
                if self.presentable(e) and len(e.summary.split()) <= LONG_RECORD:
                    clauses.append(self.clause(e))
                    new = _one_each(figures[e.id], None, others)  # the figures its summary gives
                elif new:
                    clauses.append(self.by_figures(e, new))
                else:
                    continue
            elif not any(r.id in e.contradicted_by or e.id in r.contradicted_by for r in said):
                continue  # it contests nothing told yet
            elif new:
                clauses.append(self.by_figures(e, new))  # the figure that differs
            elif (target := self.answers(e, said)) is not None:
                cue = e.attribution.cue.strip().lower()
                verb = cue if self.code == "en" and re.fullmatch(r"[a-z]+ed", cue) else "rejected"
                if target is said[-1]:
                    clauses[-1] += f", a claim {self.source(e)} {verb}"
                else:
                    clauses.append(f"{self.source(e)} {verb} the account of {self.source(target)}")
            elif any(same_source(e.attribution.source, r.attribution.source) for r in said) or all(
                    any(o.id in r.contradicted_by or r.id in o.contradicted_by for o in said if o is not r)
                    for r in said if r.id in e.contradicted_by or e.id in r.contradicted_by):
                continue  # its source has spoken here, or what it contests has its other side already
            else:
                clauses.append(f"{self.source(e)} gave another account")
            said.append(e)
            for q, values in new.items():
                shown.setdefault(q, set()).update(bare for _, bare in values)
        if len(said) == 1:  # the other side could not be told by its words or figures: who it is, at least
            alone = said[0]
            contester = next((x for x in ordered if x is not alone
                              and not same_source(x.attribution.source, alone.attribution.source)
                              and (x.id in alone.contradicted_by or alone.id in x.contradicted_by)), None)
            if contester is not None:
                clauses.append(f"{self.source(contester)} gave another account")
                said.append(contester)
        return _Told(tuple(clauses), tuple(e.id for e in said))


def storyline_summary(reports: list[str], lead: str | None, disputes: list[Dispute]) -> str:
    """A storyline's summary across its outlets, in one to three sentences: who reports it, what the first
    report's digest leads with, and which figures differ, side by side with who gives each."""
    names = list(dict.fromkeys(r for r in reports if r))
    sentences = [f"Reported by {_listed(names)}."] if names else []
    if lead:
        sentences.append(lead)
    differ = []
    for d in disputes[:2]:
        sides: dict[float, tuple[str, list[str]]] = {}
        for f in d.figures:
            text, who = sides.setdefault(f.value, (f.text, []))
            source = f.claimant
            if not any(same_source(source, w) or source.lower() == w.lower() for w in who):
                who.append(source)
        differ.append(f"for the {d.label}, " + "; ".join(f"{text} according to {' and '.join(who)}"
                                                              for text, who in sides.values()))
    if differ:
        sentences.append(f"Figures differ: {'; '.join(differ)}.")
    return " ".join(sentences)
