"""The daily briefing, merge stage: one storyline per event reported by several articles, figures side by side.

Candidate pairs of records of different articles are found deterministically:
each record becomes a weighted bag of what it mentions, and pairs are scored by
the cosine of the two bags (tf-idf over the briefing's records):

- names, normalised across transliterations (Kyiv/Kiev, Kostiantynivka/
  Kostyantynivka, Zelensky/Zelenskiy reduce to the same consonant skeleton),
  weighted NAME_WEIGHT, except a name found in most of the briefing's articles
  ("Russia", "Ukraine" in a war briefing), which weighs like a word;
- words, with the ways news names the same thing reduced to one concept
  (bodies/remains/fallen/killed: dead; handed over/returned/exchanged: moved;
  see CONCEPTS), common words and weekdays left out;
- figures of ten or more, with the concept of their unit (1,200 bodies and 1,200
  households are not the same figure).

Two records are paired only when each is the other's best match in its article,
which limits (but does not prevent) chains of pairs joining unrelated records
into one story. The model can then confirm the pairs in one call that shows it
only the records (`confirm.py`), so the merge is cheap.

Figures are never averaged or resolved: a storyline lists each with its source,
status, article and time, and names the units whose figures differ. A figure
with a stated scope ("this year", "in the past week", "so far") is not in
conflict with one of another scope.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from summarizer.schema import ArticleResult, Event, Figure, Storyline, StorylineItem

CANDIDATE_THRESHOLD = 0.10  # cosine worth asking the model about
PAIR_THRESHOLD = 0.15  # merged without the model
NAME_WEIGHT = 3.0  # a shared place or person says more than a shared word
MIN_FIGURE = 10  # smaller figures ("two regions", "4 people") match by chance
_WORD = re.compile(r"[^\W\d_]{4,}")
_COMMON = set("""about according after against again agency agencies already another around because before
being between could during every first found further their there these those three under until where which
while would people official officials reported reports report statement statements region regions ministry
said says saying told added country state states since still other later earlier over that this with from
have were will also more than into they them been what when said some most only just like year years week
weeks month months monday tuesday wednesday thursday friday saturday sunday january february march april june
july august september october november december""".split())
CONCEPTS = {
    "dead": "bodies body remains fallen corpses dead deaths death killed killing kills died",
    "hurt": "wounded injured injuring injuries",
    "moved": "handed hand handover handing returned return returning repatriation repatriated repatriate "
             "received receive exchange exchanges exchanged swap swapped",
}
_CONCEPT = {w: f"#{c}" for c, words in CONCEPTS.items() for w in words.split()}
_TIME_FRAME = re.compile(
    r"\b(?:this|last|the past|past) (?:week|month|year|weekend|day|24 hours)\b|\bso far\b|\bin total\b|"
    r"\bsince (?:the )?(?:beginning|start)\b|\bto date\b|\bovernight\b|\bon (?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday)\b", re.IGNORECASE)


def skeleton(name: str) -> str:
    """A spelling-independent key: lower case, no accents, no vowels or y/j, no doubled letters."""
    text = unicodedata.normalize("NFKD", name.lower())
    letters = "".join(c for c in text if c.isalpha() and c.isascii())
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouyj]", "", letters))


def concept(word: str) -> str | None:
    """What a word counts as: its concept, its first six letters, or None for a common word."""
    word = word.lower()
    if word in _CONCEPT:
        return _CONCEPT[word]
    return None if word in _COMMON else word[:6]


@dataclass
class _Record:
    article: int
    event: Event


@dataclass
class Pair:
    """Two records of different articles that may report the same event (a candidate for the model)."""

    id: int
    a: tuple[int, str]  # (article index, event id)
    b: tuple[int, str]
    score: float  # cosine of the two records' weighted features


Confirm = Callable[[list[Pair], list[ArticleResult]], set[int]]


def candidate_pairs(results: list[ArticleResult], threshold: float = CANDIDATE_THRESHOLD) -> list[Pair]:
    """Records of different articles that are each other's best match, scoring at least `threshold`."""
    keys = [(i, e) for i, r in enumerate(results) for e in r.events]
    vectors = _vectors([a for a, _ in keys], [features(e) for _, e in keys], len(results))
    postings: dict[str, list[tuple[int, float]]] = {}  # feature -> (record, weight): only records that share
    for j, vector in enumerate(vectors):                 # a feature are scored, not every pair of records
        for k, w in vector.items():
            postings.setdefault(k, []).append((j, w))
    best: dict[tuple[int, int], tuple[float, int]] = {}  # (record, other article) -> (score, record)
    for i, (article, _) in enumerate(keys):
        scores: dict[int, float] = {}
        for k, w in vectors[i].items():  # in the vector's order, so each sum adds up as a full dot product would
            for j, wj in postings[k]:
                scores[j] = scores.get(j, 0.0) + w * wj
        for j in sorted(scores):
            other, value = keys[j][0], scores[j]
            if other != article and value >= threshold and value > best.get((i, other), (0.0, -1))[0]:
                best[(i, other)] = (value, j)
    pairs = []
    for (i, _other), (value, j) in sorted(best.items()):
        if i < j and best.get((j, keys[i][0]), (0.0, -1))[1] == i:  # each is the other's best match
            (a, ea), (b, eb) = keys[i], keys[j]
            pairs.append(Pair(len(pairs) + 1, (a, ea.id), (b, eb.id), round(value, 3)))
    return pairs


def features(event: Event) -> dict[str, float]:
    """The record's names ("N:"), words or concepts ("W:") and figures ("F:"), with their weights."""
    out: dict[str, float] = {}
    for name in [*event.actors, *event.locations]:
        key = skeleton(name)
        if len(name) >= 4 and len(key) >= 2:
            out[f"N:{key}"] = NAME_WEIGHT
    for word in _WORD.findall(event.summary):
        key = concept(word)
        if key:
            out[f"W:{key}"] = 1.0
    for n in event.numbers:
        if n.value >= MIN_FIGURE:
            unit = concept((n.unit or "").split()[-1]) if n.unit else ""
            out[f"F:{n.value:g}:{unit}"] = 2.0
    return out


def _vectors(articles: list[int], bags: list[dict[str, float]], n_articles: int) -> list[dict[str, float]]:
    """Unit-length tf-idf vectors; a name in most articles weighs like a word."""
    spread: dict[str, set[int]] = {}
    for article, bag in zip(articles, bags, strict=True):
        for key in bag:
            if key.startswith("N:"):
                spread.setdefault(key, set()).add(article)
    df = Counter(k for bag in bags for k in bag)
    out = []
    for bag in bags:
        common = {k for k in bag if k in spread and len(spread[k]) > max(2, n_articles // 2)}
        v = {k: (1.0 if k in common else w) * math.log(1 + len(bags) / df[k]) for k, w in bag.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out.append({k: x / norm for k, x in v.items()})
    return out


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
    by_key = {(i, e.id): _Record(i, e) for i, r in enumerate(results) for e in r.events}
    stories = [sorted(g, key=lambda x: (x[0], int(x[1][1:]))) for g in groups.values()]
    stories.sort(key=lambda g: (-len({a for a, _ in g}), -len(g), g[0]))
    return [_storyline(n, [by_key[x] for x in g], results) for n, g in enumerate(stories, start=1)]


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
