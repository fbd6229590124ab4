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

from summarizer.attribution import attributed, same_source
from summarizer.contests import opens_incident, quantities
from summarizer.language import Lexicon, lexicon
from summarizer.neutral import loaded_terms, quote_loaded_terms
from summarizer.schema import Digest, DigestSentence, Dispute, Dropped, Event

MAX_SENTENCES = 4
MAX_WORDS = 85
MIN_WORDS = 5  # a summary shorter than this, or ending in "the", says nothing ("According to X, the.")
MAX_CLAUSES = 4  # in one dispute's sentence
LONG_RECORD = 45  # words: a record longer than this is told only as the lead or by its figures
ENGLISH_SHARE = 1 / 6  # of a text's words English function words: English (a foreign sentence has few or none)
LANGUAGES = {"de": "German", "es": "Spanish", "fr": "French", "it": "Italian", "pt": "Portuguese",
             "ru": "Russian", "uk": "Ukrainian"}
# How the digest gives a figure of each quantity (contests.py's names, from the language files' `quantities`).
PHRASES = {"dead": "a toll of {}", "injured": "{} injured", "displaced": "{} displaced", "missing": "{} missing",
           "detained": "{} detained", "prisoners": "{} prisoners", "rescued": "{} rescued",
           "participants": "a crowd of {}", "people": "{} people", "votes": "{} votes", "munitions": "{} projectiles",
           "on_board": "{} on board", "tonnes": "{} tonnes", "litres": "{} litres", "hectares": "{} hectares",
           "kilograms": "{} kilograms"}
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»|„[^“”]*[“”]")
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
    candidates = [e for e in events if reader.usable(e)]
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
        tell(_Told((f"this {LANGUAGES.get(code, code)}-language report opens with the account of "
                    f"{reader.source(first)}",), (first.id,)))
    tell(reader.dispute([lead, *(e for e in groups.get(lead.id, []) if e is not lead)]) if lead.id in groups
         else reader.single(lead))
    disputes = [g for g in _unique(groups.values()) if not used & {e.id for e in g}]
    if disputes:  # both sides of a dispute are said, whatever the budget
        tell(reader.dispute(disputes.pop(0)))
    budget = min(MAX_WORDS, max(sum(s.words for s in told), (story_words or 0) // 3))
    rest: list[_Told | None] = [reader.dispute(g) for g in disputes]
    rest += [reader.single(e) for e in sorted((e for e in candidates if e.id not in used and e.id not in groups),
                                               key=lambda e: (3 if reader.elsewhere(e, lead) else reader.rank(e),
                                                              events.index(e)))]
    for sentence in rest:
        if len(told) >= MAX_SENTENCES:
            break
        if sentence is not None and sentence.ids and not used & set(sentence.ids) \
                and sum(s.words for s in told) + sentence.words <= budget:
            tell(sentence)
    if opened and len(told) == 1:
        told.clear()
    if not told:  # nothing can be told in English: who the report quotes, else its lead as written
        told.append(reader.accounts(candidates) or _Told((attributed(lead.summary, lead.attribution.source, True),),
                                                         (lead.id,)))
    elif code != "en" and not opened and not reader.english(reader.by_id[told[0].ids[0]]):
        told[0] = _Told((f"in this {LANGUAGES.get(code, code)}-language report, {told[0].clauses[0]}",
                         *told[0].clauses[1:]), told[0].ids)
    sentences = [DigestSentence(text=s.text, event_ids=list(s.ids)) for s in told]
    return Digest(text=" ".join(s.text for s in sentences), sentences=sentences), dropped


def is_english(text: str, names: Iterable[str] = ()) -> bool:
    """Is `text` English: a sixth of its words or more, the words of `names` (sources, places) aside, English
    function words ("the", "of", "said")?"""
    named = {w for name in names for w in _WORD.findall(name.lower())}
    words = [w for w in _WORD.findall(text.lower()) if w not in named or w in _ENGLISH]
    return bool(words) and sum(w in _ENGLISH for w in words) >= ENGLISH_SHARE * len(words)


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
            if n.text.lower() in e.attribution.source.lower():  # "Two senior officials said": who, not what
                continue
            at = text.find(n.text)
            if denial is not None and not 0 <= at < denial.start() \
                    or self.lex.negations is not None and self.lex.negations.search(text[:max(at, 0)]):
                continue  # "не 300 человек, ..., а от 40 до 60": not the source's figure
            quantity = next((q for q, values in counted.items() if n.value in values), None)
            if quantity is None or n.text in (bare for _, bare, _ in out.get(quantity, [])):
                continue
            hedge = _HEDGE.search(text[:at]) if at > 0 and self.english(e) else None
            summary_at = e.summary.find(n.text)
            if hedge is None and summary_at > 0:  # an English summary gives the hedge in English
                hedge = _HEDGE.search(e.summary[:summary_at])
            unit = (n.unit or "").lower()
            noun = 2 if unit and quantity in words and words[quantity].match(unit) else int(unit in self.lex.people)
            out.setdefault(quantity, []).append(((hedge.group(0).lower() if hedge else "") + n.text, n.text, noun))
        return {q: [(shown, bare) for shown, bare, noun in found if noun == max(x[2] for x in found)]
                for q, found in out.items()}

    def elsewhere(self, e: Event, lead: Event) -> bool:
        """Does the record open in a place the lead does not name ("In Kramatorsk, about 25 kilometres to the
        north, ...")? Another incident, told last if at all."""
        opening = re.match(r"\W*([^\W\d_]+)\s+([A-ZÀ-ÝА-ЯІЇЄҐ][\w'’-]+)", e.evidence[0].quote)
        return opening is not None and opening.group(1).lower() in self.lex.prepositions \
            and opening.group(2) not in " ".join(ev.quote for ev in lead.evidence)

    def rank(self, e: Event) -> int:
        """Where a record that is no lead and no dispute comes: figures of a counted quantity, reactions, the
        outlet's other lines, background."""
        text = " ".join(ev.quote for ev in e.evidence)
        if _YEAR.search(text) or opens_incident(text, self.lex) \
                or self.lex.background is not None and self.lex.background.search(text):
            return 3
        if set(self.figures(e)) - {"people"}:  # a count of something said of them: dead, displaced, ...
            return 0
        return 1 if e.status != "asserted" else 2

    def source(self, e: Event) -> str:
        source = e.attribution.source.strip()
        if e.attribution.source_type == "outlet" or not source:
            return "the report"
        first, _, rest = source.partition(" ")
        return f"{first.lower()} {rest}".strip() if first.lower() in self.lex.determiners else source

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

    def by_figures(self, e: Event, figures: dict[str, list[tuple[str, str]]]) -> str:
        phrases = [PHRASES.get(q, "a figure of {}").format(values[0][0]) for q, values in figures.items()]
        text = f"{self.source(e)} reported {' and '.join(phrases[:2])}"
        return text + (" (not independently verified)" if e.status == "unverified" else "")

    def single(self, e: Event) -> _Told | None:
        if self.presentable(e) and (len(e.summary.split()) <= LONG_RECORD or not self.figures(e)):
            return _Told((self.clause(e),), (e.id,))
        figures = _one_each(self.figures(e))
        return _Told((self.by_figures(e, figures),), (e.id,)) if figures else None

    def accounts(self, events: list[Event]) -> _Told | None:
        """'This French-language report gives the accounts of A, B and C': the sources of records that can
        be told neither in English nor by their figures."""
        by_source: dict[str, str] = {}
        for e in events:
            if e.attribution.source_type != "outlet" and len(by_source) < 3 and not any(
                    same_source(e.attribution.source, self.by_id[i].attribution.source) for i in by_source.values()):
                by_source[self.source(e).lower()] = e.id
        if not by_source:
            return None
        names = [self.source(self.by_id[i]) for i in by_source.values()]
        listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        return _Told((f"this {LANGUAGES.get(self.code, self.code)}-language report gives the accounts of {listed}",),
                     tuple(by_source.values()))

    def denies(self, e: Event) -> bool:
        """Is the record a denial (its cue denies), not itself denied or disputed?"""
        return e.status not in ("denied", "disputed") and self.lex.denial is not None \
            and self.lex.denial.search(e.attribution.cue or "") is not None

    def answers(self, e: Event, said: list[Event]) -> Event | None:
        """The record said before in this sentence that `e` denies, if `e` is a denial."""
        return next((r for r in reversed(said) if r.id in e.contradicted_by), None) if self.denies(e) else None

    def dispute(self, group: list[Event]) -> _Told:
        """One sentence for the records of one dispute: the first told by its summary where it can be, the
        others by their figures, a denial after what it denies."""
        clauses: list[str] = []
        said: list[Event] = []
        figures = {e.id: self.figures(e) for e in group}
        said_figures: dict[str, set[str]] = {}
        ordered: list[Event] = []  # each record followed by its denials: a denial right after what it denies
        for e in group:
            for x in (e, *(d for d in group if e.id in d.contradicted_by and self.denies(d))):
                if x not in ordered:
                    ordered.append(x)
        group = ordered
        for e in group:
            if len(clauses) >= MAX_CLAUSES:
                break
            target = self.answers(e, said)
            others: dict[str, set[str]] = {}  # quantity -> the figures the group's other records give
            for other in group:
                for q, values in figures[other.id].items():
                    if other is not e and len(values) == 1:
                        others.setdefault(q, set()).add(values[0][1])
            new = _one_each(figures[e.id], said_figures, others)
            if clauses and new:
                clauses.append(self.by_figures(e, new))  # the figure that differs
            elif target is not None:
                cue = e.attribution.cue.strip().lower()
                verb = cue if self.code == "en" and re.fullmatch(r"[a-z]+ed", cue) else "rejected"
                if said and target is said[-1]:
                    clauses[-1] += f", a claim {self.source(e)} {verb}"
                else:
                    clauses.append(f"{self.source(e)} {verb} the account of {self.source(target)}")
            elif not clauses and self.presentable(e) and len(e.summary.split()) <= LONG_RECORD:
                clauses.append(self.clause(e))
            elif new:
                clauses.append(self.by_figures(e, new))
            else:  # a later record without a figure that differs: its own sentence, if it ranks
                continue
            said.append(e)
            for q, values in figures[e.id].items():
                said_figures.setdefault(q, set()).update(bare for _, bare in values)
        return _Told(tuple(clauses), tuple(e.id for e in said))


def storyline_summary(reports: list[str], lead: str | None, disputes: list[Dispute]) -> str:
    """A storyline's summary across its outlets, in one to three sentences: who reports it, what the first
    report's digest leads with, and which figures differ, side by side with who gives each."""
    names = list(dict.fromkeys(r for r in reports if r))
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    sentences = [f"Reported by {listed}."]
    if lead:
        sentences.append(lead)
    differ = []
    for d in disputes[:2]:
        sides: dict[float, tuple[str, list[str]]] = {}
        for f in d.figures:
            text, who = sides.setdefault(f.value, (f.text, []))
            source = "the report" if f.source.lower() in ("the outlet", "outlet") else f.source
            if not any(same_source(source, w) or source.lower() == w.lower() for w in who):
                who.append(source)
        differ.append(f"for the {d.quantity}, " + "; ".join(f"{text} according to {' and '.join(who)}"
                                                              for text, who in sides.values()))
    if differ:
        sentences.append(f"Figures differ: {'; '.join(differ)}.")
    return " ".join(sentences)
