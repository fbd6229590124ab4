"""The daily briefing, merge stage: one storyline per event reported by several articles, figures side by side.

Candidate pairs of records of different articles are found deterministically on
what they share: names (normalised across transliterations: Kyiv/Kiev,
Kostiantynivka/Kostyantynivka, Zelensky/Zelenskiy reduce to the same consonant
skeleton), figures (same value and unit, or the same kind: "people" killed) and
words. A name found in most of the briefing's articles ("Russia", "Ukraine" in a
war briefing) weighs little. Two records are paired only when each is the
other's best match in its article, which limits (but does not prevent) chains of
pairs joining unrelated records into one story. The model
then confirms the pairs in one call that shows it only the records
(`confirm.py`), so the merge is cheap.

Figures are never averaged or resolved: a storyline lists each with its source,
status, article and time, and names the units whose figures differ. A figure
with a stated scope ("this year", "in the past week", "so far") is not in
conflict with one of another scope.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from summarizer.schema import ArticleResult, Event, Figure, Storyline, StorylineItem

CANDIDATE_THRESHOLD = 3.0  # worth asking the model about
PAIR_THRESHOLD = 4.5  # merged without the model
COMMON_WORD_SHARE = 0.6  # words in more of the briefing's records say nothing about which event
_WORD = re.compile(r"[^\W\d_]{5,}")
_COMMON = set("""about according after against again agency agencies already another around because before
being between could during every first found further their there these those three under until where which
while would people official officials reported reports report statement statements region regions ministry
said says saying told added country state states since still other later earlier""".split())
_TIME_FRAME = re.compile(
    r"\b(?:this|last|the past|past) (?:week|month|year|weekend|day|24 hours)\b|\bso far\b|\bin total\b|"
    r"\bsince (?:the )?(?:beginning|start)\b|\bto date\b|\bovernight\b|\bon (?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday)\b", re.IGNORECASE)


def skeleton(name: str) -> str:
    """A spelling-independent key: lower case, no accents, no vowels or y/j, no doubled letters."""
    text = unicodedata.normalize("NFKD", name.lower())
    letters = "".join(c for c in text if c.isalpha() and c.isascii())
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouyj]", "", letters))


@dataclass
class _Record:
    article: int
    event: Event
    names: set[str] = field(default_factory=set)
    figures: set[tuple[float, str]] = field(default_factory=set)
    words: set[str] = field(default_factory=set)


@dataclass
class Pair:
    """Two records of different articles that may report the same event (a candidate for the model)."""

    id: int
    a: tuple[int, str]  # (article index, event id)
    b: tuple[int, str]
    score: float


Confirm = Callable[[list[Pair], list[ArticleResult]], set[int]]


def candidate_pairs(results: list[ArticleResult]) -> list[Pair]:
    """Records of different articles that are each other's best match, scored on shared names, figures, words."""
    records = [_features(i, e) for i, r in enumerate(results) for e in r.events]
    article_df = {n: len(arts) for n, arts in _articles_by_name(records).items()}
    word_df = Counter(w for r in records for w in r.words)
    n_articles, n_records = len(results), len(records)

    def score(a: _Record, b: _Record) -> float:
        shared = a.names & b.names
        rare_names = {n for n in shared if article_df[n] <= max(2, n_articles // 2)}
        figures = a.figures & b.figures
        units = {u for _, u in a.figures if u} & {u for _, u in b.figures if u}
        words = [w for w in a.words & b.words if n_records < 5 or word_df[w] / n_records <= COMMON_WORD_SHARE]
        if not (rare_names or figures or len(words) >= 2):
            return 0.0
        return (3.0 * len(rare_names) + 0.5 * len(shared - rare_names) + 3.0 * len(figures) + 1.5 * len(units)
                + min(3.0, float(len(words))))

    best: dict[tuple[int, int], tuple[float, int]] = {}  # (record, other article) -> (score, record)
    for i, a in enumerate(records):
        for j, b in enumerate(records):
            if a.article != b.article:
                value = score(a, b)
                if value >= CANDIDATE_THRESHOLD and value > best.get((i, b.article), (0.0, -1))[0]:
                    best[(i, b.article)] = (value, j)
    pairs = []
    for (i, _article), (value, j) in sorted(best.items()):
        if i < j and best.get((j, records[i].article), (0.0, -1))[1] == i:  # each is the other's best match
            a, b = records[i], records[j]
            pairs.append(Pair(len(pairs) + 1, (a.article, a.event.id), (b.article, b.event.id), round(value, 2)))
    return pairs


def storylines(results: list[ArticleResult], confirm: Confirm | None = None) -> list[Storyline]:
    """Storylines across the articles (each with records of at least two articles), biggest first.

    Candidate pairs come from `candidate_pairs`; `confirm` (the model, on the
    records only) keeps the pairs that report the same event. Without it, pairs
    scoring at least PAIR_THRESHOLD are kept."""
    pairs = candidate_pairs(results)
    if confirm is not None and pairs:
        kept = confirm(pairs, results)
        pairs = [p for p in pairs if p.id in kept]
    else:
        pairs = [p for p in pairs if p.score >= PAIR_THRESHOLD]
    parent: dict[tuple[int, str], tuple[int, str]] = {}

    def find(x: tuple[int, str]) -> tuple[int, str]:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in pairs:
        parent[find(p.a)] = find(p.b)
    groups: dict[tuple[int, str], list[tuple[int, str]]] = {}
    for x in list(parent):
        groups.setdefault(find(x), []).append(x)
    by_key = {(i, e.id): _features(i, e) for i, r in enumerate(results) for e in r.events}
    stories = [sorted(g, key=lambda x: (x[0], int(x[1][1:]))) for g in groups.values()]
    stories.sort(key=lambda g: (-len({a for a, _ in g}), -len(g), g[0]))
    return [_storyline(n, [by_key[x] for x in g], results) for n, g in enumerate(stories, start=1)]


def _articles_by_name(records: list[_Record]) -> dict[str, set[int]]:
    seen: dict[str, set[int]] = {}
    for r in records:
        for n in r.names:
            seen.setdefault(n, set()).add(r.article)
    return seen


def _features(article: int, event: Event) -> _Record:
    names = {skeleton(n) for n in [*event.actors, *event.locations] if len(n) >= 4}
    figures = {(n.value, (n.unit or "")[:5].lower()) for n in event.numbers}
    words = {w.lower()[:6] for w in _WORD.findall(event.summary) if w.lower() not in _COMMON}
    return _Record(article, event, {n for n in names if len(n) >= 2}, figures, words)


def _storyline(n: int, records: list[_Record], results: list[ArticleResult]) -> Storyline:
    records.sort(key=lambda r: (r.article, int(r.event.id[1:])))
    items, figures = [], []
    for r in records:
        result, e = results[r.article], r.event
        path = result.article.path or result.article.id
        items.append(StorylineItem(article=path, title=result.article.title, outlet=result.article.outlet,
                                   event_id=e.id, summary=e.summary, source=e.attribution.source, status=e.status))
        quoted = " ".join(ev.quote for ev in e.evidence)
        frame = _TIME_FRAME.search(quoted)
        for num in e.numbers:
            figures.append(Figure(text=num.text, value=num.value, unit=num.unit, source=e.attribution.source,
                                  status=e.status, article=path, event_id=e.id, when=e.when,
                                  time_frame=frame.group(0) if frame else None))
    return Storyline(id=f"s{n}", title=_title(records), items=items, figures=figures,
                     conflicts=_conflicts(figures))


def _title(records: list[_Record]) -> str:
    first = records[0].event
    names = Counter(n for r in records for n in [*r.event.locations, *r.event.actors])
    shared = [name for name, count in names.most_common(3) if count > 1]
    words = first.summary.split()
    head = " ".join(words[:14]) + (" …" if len(words) > 14 else "")
    return f"{', '.join(shared)}: {head}" if shared else head


def _conflicts(figures: list[Figure]) -> list[str]:
    """Units whose figures differ between sources within the same time frame."""
    by_unit: dict[tuple[str, str | None], set[tuple[float, str]]] = {}
    for f in figures:
        if f.unit:
            by_unit.setdefault((f.unit.lower()[:5], f.time_frame), set()).add((f.value, f.source.lower()))
    out = []
    for (unit, _frame), claims in by_unit.items():
        if len({v for v, _ in claims}) > 1 and len({s for _, s in claims}) > 1:
            full = next(f.unit for f in figures if f.unit and f.unit.lower()[:5] == unit)
            if full not in out:
                out.append(full)
    return out
