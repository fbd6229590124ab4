"""`summarize eval GOLD.yaml`: score the tool against gold annotations.

Gold format (keys beyond these are ignored):

    articles:
      - id: seed-000
        file: path/to/article.txt        # relative to the gold file
        events:
          - what: short paraphrase        # for humans (and content overlap when there are no numbers)
            numbers: ["1,200"]            # exact strings from the text
            source_any: ["TASS", "RIA"]   # any one, case-insensitive; "reporter" = the outlet's own voice
            source_not: ["On Monday"]     # optional: words the source must not hold (a time or place phrase
                                          # before the speaker is not the speaker)
            status: unverified
            status_also_ok: [claimed]     # optional
            id: toll-agencies             # optional; what `contests` refers to
            contests: [toll-ministry]     # optional: gold events this one conflicts with (figures of one quantity
                                          # from two sources, a denial and what it denies), given on both events
            revises: toll-first           # optional: the gold event whose figure the same source revises here
            units: {"$263 billion": USD}  # optional: the unit a figure must carry
            key: true                     # optional: the article's main happening
            quote: "ЦАХАЛ опроверг"       # optional: words of the event's own sentence, as written; when given,
                                          # the event is found by them alone (a foreign record's summary may
                                          # have no English words to match `what`)
        must_not_include: ["Kenya"]       # keywords that must not appear in any event or the digest
        loaded_terms_not_in_neutral_voice: ["terrorists"]
        speakers: ["TASS", "RIA", "the defence ministry"]   # optional: every party the article presents as a
                                          # speaker or cited agency; a record's source that matches none is a fragment
        not_records: ["could not be independently verified"]   # optional: text of sentences that are never a
                                          # record's own sentence (furniture, a note about earlier claims)

A gold event is found when an output event carries all its numbers or, for one
without numbers, names a matching source and shares content words with it.
Source and status accuracy are measured over the found events. A gold contest is
linked when the two found events' records list each other in `contradicted_by`.
A false link is a link between two found gold events that the gold does not give:
a `contradicted_by` either way between events that contest nothing of each other,
or a `superseded_by` where the gold gives no revision (a share such as "19 of
those killed" revises no total). Only gold events with an `id` are compared.
Each gold event not found, found with another source or status, and each contest
not linked is one line of `misses` (gold id, then what the record gave).
A translation is unsupported when the summary of a record of a non-English
article gives a number its evidence does not, or a name its evidence does not
spell (compared on the first four letters, Latin or Cyrillic).

The digest is scored as a summary:
- compression: its words over the article's story words (sentences that are not
  page furniture);
- key coverage: the `key` gold events whose numbers, or whose source, the digest
  gives; for one in the outlet's own voice with no figure (nothing to look for),
  whether a digest sentence cites its record;
- disputes together: of the gold contests whose two events both carry numbers
  and both appear in the digest, those whose figures share one digest sentence;
- direct quotes: quoted spans of more than three words in the digest (a party's
  quoted label is one to three words);
- unattributed: digest sentences that cite a record its source claims (any status
  but asserted) without naming that source (a word of four letters or more of
  its name); English articles only, since a translated sentence names the source
  in English and the record in the article's language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import get_args

from summarizer.errors import InputError, attempt
from summarizer.neutral import QUOTED
from summarizer.numbers import extract_numbers, in_english
from summarizer.schema import ArticleResult, Event, Status

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
STATUSES = get_args(Status)
_STOP = {"the", "a", "an", "of", "in", "on", "at", "to", "and", "or", "by", "for", "from", "with", "that", "its",
         "his", "her", "their", "was", "were", "is", "are", "has", "have", "had", "be", "been", "as", "it", "they",
         "said", "says", "say", "this", "after", "over", "into", "more", "than"}


@dataclass
class Score:
    """Counts for one article, or summed over all of them."""

    article: str
    gold_events: int = 0
    found_events: int = 0
    gold_numbers: int = 0
    found_numbers: int = 0
    source_ok: int = 0
    status_ok: int = 0
    quotes: int = 0
    verbatim_quotes: int = 0
    leaks: list[str] = field(default_factory=list)
    loaded_terms: list[str] = field(default_factory=list)
    gold_contests: int = 0
    linked_contests: int = 0
    false_links: list[str] = field(default_factory=list)
    gold_units: int = 0
    units_ok: int = 0
    records: int = 0
    furniture_records: list[str] = field(default_factory=list)
    fragment_sources: list[str] = field(default_factory=list)
    unsupported_translations: list[str] = field(default_factory=list)
    story_words: int = 0
    digest_words: int = 0
    gold_key: int = 0
    key_covered: int = 0
    gold_disputes: int = 0
    disputes_together: int = 0
    digest_quotes: list[str] = field(default_factory=list)
    unattributed: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    llm_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    error: str | None = None

    def rates(self) -> dict[str, float | None]:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None

        return {"event_recall": ratio(self.found_events, self.gold_events),
                "number_recall": ratio(self.found_numbers, self.gold_numbers),
                "source_accuracy": ratio(self.source_ok, self.found_events),
                "status_accuracy": ratio(self.status_ok, self.found_events),
                "contest_recall": ratio(self.linked_contests, self.gold_contests),
                "unit_accuracy": ratio(self.units_ok, self.gold_units),
                "grounding": ratio(self.verbatim_quotes, self.quotes),
                "compression": ratio(self.digest_words, self.story_words),
                "key_coverage": ratio(self.key_covered, self.gold_key),
                "dispute_rate": ratio(self.disputes_together, self.gold_disputes)}

    def add(self, other: Score) -> None:
        for name in ("gold_events", "found_events", "gold_numbers", "found_numbers", "source_ok", "status_ok",
                     "quotes", "verbatim_quotes", "llm_calls", "prompt_tokens", "completion_tokens",
                     "gold_contests", "linked_contests", "gold_units", "units_ok", "records", "story_words",
                     "digest_words", "gold_key", "key_covered", "gold_disputes", "disputes_together"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("leaks", "loaded_terms", "false_links", "furniture_records", "fragment_sources",
                     "unsupported_translations", "digest_quotes", "unattributed", "misses"):
            getattr(self, name).extend(getattr(other, name))
        self.seconds = round(self.seconds + other.seconds, 3)

    def as_dict(self) -> dict:
        return {**asdict(self), **self.rates()}


# What each field of a gold article and of a gold event must be (see the module docstring); a value of another
# type is bad input, one line and exit 3, never a traceback in the middle of scoring.
_TEXT, _FIGURE = (str,), (str, int, float)
_ARTICLE_FIELDS = {"file": ("a file name", _TEXT), "id": ("a name", _FIGURE), "events": ("a list", list),
                   "must_not_include": ("a list of texts", [_TEXT]),
                   "loaded_terms_not_in_neutral_voice": ("a list of texts", [_TEXT]),
                   "speakers": ("a list of texts", [_TEXT]), "not_records": ("a list of texts", [_TEXT])}
_EVENT_FIELDS = {"what": ("a text", _TEXT), "numbers": ("a list of figures", [_FIGURE]),
                 "source_any": ("a list of texts", [_TEXT]), "status": ("a status", _TEXT),
                 "source_not": ("a list of texts", [_TEXT]),
                 "status_also_ok": ("a list of statuses", [_TEXT]), "id": ("a name", _FIGURE),
                 "contests": ("a list of event ids", [_FIGURE]), "units": ("a mapping of figures to units", dict),
                 "key": ("true or false", (bool,)), "quote": ("a text", _TEXT), "revises": ("an event id", _FIGURE)}


def read_gold(path: Path) -> object:
    """The gold file's YAML, parsed. A file that is not UTF-8 YAML text raises InputError with one line."""
    import yaml

    from summarizer.read import read_bytes

    data = read_bytes(str(path))  # missing, a folder, a FIFO, too large: one line
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: a gold file must be UTF-8 text (byte {exc.start + 1} is not)") from None
    if "\x00" in text:
        raise InputError(f"{path}: is a binary file, not a gold file (YAML text)")
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: not valid YAML ({str(exc).splitlines()[0]})") from None
    except (ValueError, RecursionError) as exc:  # a date like 2024-02-30, nesting too deep
        raise InputError(f"{path}: not valid YAML ({type(exc).__name__}: {exc})") from None


def load_gold(path: Path, data: object = None) -> list[dict]:
    """The gold file's articles (`data`: its YAML when already read), each with `path` resolved against the
    gold file's folder. A file that is not UTF-8 YAML text of the documented shape raises InputError with one
    line."""
    if data is None:
        data = read_gold(path)
    articles = data.get("articles") if isinstance(data, dict) else None
    if not isinstance(articles, list) or not articles:
        raise InputError(f"{path}: a gold file needs a non-empty 'articles' list")
    for i, article in enumerate(articles, start=1):
        if not isinstance(article, dict) or not article.get("file"):
            raise InputError(f"{path}: article {i} has no 'file'")
        _check_fields(path, f"article {i}", article, _ARTICLE_FIELDS)
        article["id"] = str(article["id"]) if article.get("id") is not None else Path(article["file"]).stem
        article["path"] = (path.parent / article["file"]).resolve()
        events = article["events"] = article.get("events") or []
        for j, event in enumerate(events, start=1):
            if not isinstance(event, dict) or "status" not in event or "source_any" not in event:
                raise InputError(f"{path}: every event of {article['id']} needs 'source_any' and 'status'")
            _check_fields(path, f"event {j} of {article['id']}", event, _EVENT_FIELDS)
            for status in [event["status"], *(event.get("status_also_ok") or [])]:
                if status not in STATUSES:
                    raise InputError(f"{path}: event {j} of {article['id']} has the status {status!r}, not one of "
                                     f"{', '.join(STATUSES)}")
            units = event.get("units") or {}
            if not all(isinstance(k, _FIGURE) and isinstance(v, str) for k, v in units.items()):
                raise InputError(f"{path}: 'units' of event {j} of {article['id']} must map figures to unit names")
    return articles


def _check_fields(path: Path, where: str, item: dict, fields: dict) -> None:
    for name, (what, kind) in fields.items():
        value = item.get(name)
        if value is None:
            continue
        if isinstance(kind, list):  # a list of values of these types
            ok = isinstance(value, list) and all(isinstance(v, kind[0]) and not isinstance(v, bool) for v in value)
        else:
            ok = isinstance(value, kind) and (kind == (bool,) or not isinstance(value, bool))
        if not ok:
            raise InputError(f"{path}: '{name}' of {where} must be {what}, not {_shown(value)}")


def _shown(value) -> str:
    """A wrong value in a few words: its YAML type and, when short, itself."""
    kind = {bool: "true/false", int: "a number", float: "a number", str: "a text", list: "a list",
            dict: "a mapping"}.get(type(value), type(value).__name__)
    text = repr(value)
    return f"{kind} ({text})" if len(text) <= 40 else kind


def score(gold: dict, result: ArticleResult, text: str) -> Score:
    """Score one article's output against its gold annotations."""
    s = Score(article=gold["id"])
    u = result.usage
    s.llm_calls, s.prompt_tokens, s.completion_tokens, s.seconds = (
        u.llm_calls, u.prompt_tokens, u.completion_tokens, u.seconds)
    events = result.events
    s.records = len(events)
    written = {n.text.lower() for e in events for n in e.numbers}
    units = {n.text.lower(): (n.unit or "").lower() for e in events for n in e.numbers}
    unmatched = list(events)
    found: dict[str, Event] = {}
    for g in gold["events"]:
        numbers = [str(n) for n in g.get("numbers") or []]
        s.gold_events += 1
        s.gold_numbers += len(numbers)
        s.found_numbers += sum(n.lower() in written for n in numbers)
        for figure, unit in (g.get("units") or {}).items():
            s.gold_units += 1
            s.units_ok += units.get(str(figure).lower()) == str(unit).lower()
        match = next((e for e in unmatched if _matches(g, numbers, e)), None)
        name = str(g.get("id") or g.get("what", ""))[:60]
        if match is None:
            s.misses.append(f"{name}: not found")
            continue
        unmatched.remove(match)
        if g.get("id"):
            found[str(g["id"])] = match
        s.found_events += 1
        source_ok = _source_matches(g["source_any"], match) and not any(
            str(w).lower() in match.attribution.source.lower() for w in g.get("source_not") or [])
        status_ok = match.status in {g["status"], *(g.get("status_also_ok") or [])}
        s.source_ok += source_ok
        s.status_ok += status_ok
        if not source_ok:
            s.misses.append(f"{name}: source {match.attribution.source!r} ({match.id})")
        if not status_ok:
            s.misses.append(f"{name}: status {match.status}, gold {g['status']} ({match.id})")
    pairs = {tuple(sorted((str(g["id"]), str(o)))) for g in gold["events"] if g.get("id")
             for o in g.get("contests") or []}
    for a, b in sorted(pairs):
        s.gold_contests += 1
        ea, eb = found.get(a), found.get(b)
        linked = bool(ea and eb and ea.id in eb.contradicted_by and eb.id in ea.contradicted_by)
        s.linked_contests += linked
        if ea and eb and not linked:
            s.misses.append(f"{a} / {b}: contest not linked ({ea.id}, {eb.id})")
    _false_links(s, gold, found, pairs)
    not_records = [str(t).lower() for t in gold.get("not_records") or []]
    s.furniture_records = [e.evidence[0].quote for e in events
                           if any(t in e.evidence[0].quote.lower() for t in not_records)]
    speakers = gold.get("speakers")
    if speakers is not None:
        s.fragment_sources = [e.attribution.source for e in events if e.attribution.source_type != "outlet"
                              and (not _is_speaker(e.attribution.source, speakers)
                                   or _ragged(e.attribution.source, result.article.language)
                                   and _bare(e.attribution.source) not in {_bare(str(n)) for n in speakers})]
    if result.article.language != "en":
        s.unsupported_translations = [e.summary for e in events if not _translation_supported(e, result.article)]
    quotes = [ev.quote for e in events for ev in e.evidence]
    s.quotes, s.verbatim_quotes = len(quotes), sum(q in text for q in quotes)
    visible = " ".join([result.digest.text, *(f"{e.summary} {e.attribution.source}" for e in events)]).lower()
    s.leaks = [k for k in gold.get("must_not_include") or [] if k.lower() in visible]
    own_voice = QUOTED.sub(" ", result.digest.text).lower()
    s.loaded_terms = [t for t in gold.get("loaded_terms_not_in_neutral_voice") or []
                      if re.search(rf"\b{re.escape(t.lower())}", own_voice)]
    _score_digest(s, gold, result, text, found, pairs)
    return s


def _false_links(s: Score, gold: dict, found: dict[str, Event], pairs: set[tuple[str, ...]]) -> None:
    """Links between found gold events that the gold does not give (see the module docstring); a revision the
    gold gives and the records do not is one line of `misses`."""
    revisions = {(str(g["revises"]), str(g["id"])) for g in gold["events"] if g.get("id") and g.get("revises")}
    by_record = {e.id: gid for gid, e in found.items()}
    for gid, e in sorted(found.items()):
        for other in e.contradicted_by:
            oid = by_record.get(other)
            if oid and tuple(sorted((gid, oid))) not in pairs and (gid < oid or e.id not in found[oid].contradicted_by):
                s.false_links.append(f"{gid} / {oid}: contested ({e.id}, {other}), the gold gives no contest")
        oid = by_record.get(e.superseded_by or "")
        if oid and (gid, oid) not in revisions:
            s.false_links.append(f"{gid} / {oid}: revised in {e.superseded_by}, the gold gives no revision")
    for first, later in sorted(revisions):
        ea, eb = found.get(first), found.get(later)
        if ea and eb and ea.superseded_by != eb.id:
            s.misses.append(f"{first} / {later}: revision not given ({ea.id}, {eb.id})")


def _score_digest(s: Score, gold: dict, result: ArticleResult, text: str, found: dict[str, Event],
                  pairs: set[tuple[str, ...]]) -> None:
    """The digest as a summary (see the module docstring): compression, key coverage, disputes together,
    direct quotes, unattributed claims."""
    from summarizer.segment import segment

    digest = result.digest
    language = result.article.language or "en"
    s.story_words = sum(len(x.text.split()) for x in segment(text, language)
                        if not x.boilerplate)
    s.digest_words = len(digest.text.split())
    lowered = digest.text.lower()
    cited = {i for x in digest.sentences for i in x.event_ids}
    for g in gold["events"]:
        if g.get("key"):
            s.gold_key += 1
            numbers, sources = g.get("numbers") or [], [x for x in g.get("source_any") or [] if x != "reporter"]
            record = found.get(str(g.get("id"))) if g.get("id") else _found_record(g, result.events)
            s.key_covered += any(written.lower() in lowered for n in numbers for written in _forms(str(n), language)) \
                or any(str(src).lower() in lowered for src in sources) \
                or not numbers and not sources and record is not None and record.id in cited
    sentences = [x.text for x in digest.sentences] or [digest.text]
    for a, b in sorted(pairs):
        ea, eb = found.get(a), found.get(b)
        if not (ea and eb and ea.numbers and eb.numbers):
            continue
        where_a = {i for i, t in enumerate(sentences) for n in ea.numbers if n.text in t or in_english(n) in t}
        where_b = {i for i, t in enumerate(sentences) for n in eb.numbers if n.text in t or in_english(n) in t}
        if where_a and where_b:
            s.gold_disputes += 1
            s.disputes_together += bool(where_a & where_b)
    s.digest_quotes = [q for q in QUOTED.findall(digest.text) if len(q.split()) > 3]
    by_id = {e.id: e for e in result.events}
    if (result.article.language or "en") == "en":  # elsewhere the source is named in the article's language
        s.unattributed = [x.text for x in digest.sentences for e in (by_id.get(i) for i in x.event_ids)
                          if e is not None and e.status != "asserted" and e.attribution.source_type != "outlet"
                          and not _names_source(e.attribution.source, x.text)]


def _forms(figure: str, language: str) -> set[str]:
    """A gold figure as written and as an English digest writes it ("18.000": also "18,000")."""
    return {figure, *(in_english(n) for n in extract_numbers(figure, language))}


def _found_record(gold: dict, events: list[Event]) -> Event | None:
    numbers = [str(n) for n in gold.get("numbers") or []]
    return next((e for e in events if _matches(gold, numbers, e)), None)


def _names_source(source: str, sentence: str) -> bool:
    """Does the sentence name the source: one of its words of four letters or more, not a stop word
    ("Ukraine's interior ministry": "ministry" or "interior"; "Rosa Huamán": "Huamán")?"""
    words = [w for w in _WORD.findall(source.lower()) if len(w) >= 4 and w not in _STOP]
    said = set(_WORD.findall(sentence.lower()))
    return not words or any(w in said or w.removesuffix("'s") in said for w in words)


def _matches(gold: dict, numbers: list[str], event: Event) -> bool:
    if gold.get("quote"):  # a locator: words of the event's own sentence, as written
        return any(str(gold["quote"]) in ev.quote for ev in event.evidence[:1])
    if numbers:
        carried = {n.text.lower() for n in event.numbers}
        return all(n.lower() in carried for n in numbers)
    if not _source_matches(gold["source_any"], event):
        return False
    want = _content(gold.get("what", ""))
    have = _content(event.summary + " " + " ".join(ev.quote for ev in event.evidence))
    return len(want & have) >= min(2, len(want))


def _source_matches(source_any: list[str], event: Event) -> bool:
    source = event.attribution.source.lower()
    for name in source_any:
        name = str(name).lower()
        if name == "reporter":
            if event.attribution.source_type == "outlet":
                return True
        elif name in source or (source and source in name):
            return True
    return False


def _bare(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", " ".join(text.lower().split()))


def _is_speaker(source: str, speakers: list) -> bool:
    """Is `source` one of the gold speakers: equal, or holding one of them, or held whole-word in one?"""
    src = _bare(source)
    for name in map(_bare, map(str, speakers)):
        if src == name or re.search(rf"(?<!\w){re.escape(name)}", src) or re.search(
                rf"(?<!\w){re.escape(src)}(?!\w)", name):
            return True
    return False


def _ragged(source: str, language: str | None) -> bool:
    """Does a source that holds a gold speaker open with a cue ("informa el Servicio Nacional") or end with a
    conjunction ("le ministère de la Santé et")? Then it is a fragment of the sentence, not the speaker."""
    from summarizer.language import lexicon

    lex = lexicon(language)
    words = [w.strip(",;:.") for w in source.split()]
    return bool(words) and (bool(lex.cue.fullmatch(words[0])) and words[0].lower() not in lex.determiners
                            or len(words) > 1 and words[-1].lower() in lex.conjunctions)


def _translation_supported(event: Event, article) -> bool:
    """Is the summary of a record of a foreign article the sentence itself, or a translation that gives its
    numbers and names (`translation.supported_translation`)? The attribution that code adds ("According to
    X, ...") is the record's, not the translation's."""
    from summarizer.translation import supported_translation

    quoted = " ".join(ev.quote for ev in event.evidence)
    summary = event.summary.strip()
    if summary in quoted or _bare_clause(summary) in _bare_clause(quoted):
        return True  # the sentence itself, or a clause of it in its own words ("La Cruz Roja de 1.200.")
    source = event.attribution.source
    for lead in (f"According to {source}, ", f"{source[:1].upper()}{source[1:]}: "):
        if summary.startswith(lead):
            summary = summary[len(lead):]
            if summary.strip("\"“”") in quoted or _bare_clause(summary) in _bare_clause(quoted):
                return True  # the sentence itself, or a clause of it, after its attribution
    # (the sentence it translates: the record's own, not a note joined to its evidence)
    return supported_translation(summary, f"{event.evidence[0].quote} {source}", article.language)


def _bare_clause(text: str) -> str:
    """A clause without its closing punctuation, lower case: what a clause's own words (`clauses.own_words`)
    keep of it."""
    return text.strip().rstrip(".!?").lower()


def _content(text: str) -> set[str]:
    return {w.lower()[:6] for w in _WORD.findall(text) if w.lower() not in _STOP and len(w) > 2}


@dataclass
class Scores:
    """A gold file's scores: one row per article, their total, and the exit code of the worst failure."""

    rows: list[Score]
    total: Score
    exit_code: int = 0

    def as_dict(self) -> dict:
        return {"articles": [r.as_dict() for r in self.rows], "total": self.total.as_dict()}


def evaluate_all(articles: list[dict], summarizer, warn: Callable[[str], None] = lambda line: None) -> Scores:
    """Summarise each gold article (`load_gold`) and score it. An article that fails counts as nothing
    found, and `warn` gets its one line; the others are still scored."""
    from summarizer.read import read_article

    rows, total, exit_code = [], Score(article="total"), 0
    for gold in articles:
        def work(gold: dict = gold) -> Score:
            article = read_article(str(gold["path"]))
            return score(gold, summarizer.summarize(article), article.text)

        done = attempt(str(gold["id"]), work)
        row = done.value
        if row is None:
            row = Score(article=gold["id"], error=done.error, gold_events=len(gold["events"]),
                        gold_numbers=sum(len(e.get("numbers") or []) for e in gold["events"]))
            warn(f"{gold['id']}: {done.error}" + (" (set SUMMARIZER_DEBUG=1 for the traceback)" if done.internal
                                                 else ""))
            exit_code = max(exit_code, done.exit_code)
        rows.append(row)
        total.add(row)
    return Scores(rows, total, exit_code)
