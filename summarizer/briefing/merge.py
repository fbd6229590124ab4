"""The daily briefing, merge stage: one storyline per event reported by several articles, figures side by side.

Each record becomes a weighted bag of what it mentions, and records are compared
by the cosine of their bags (tf-idf over the briefing's records):

- names, normalised across transliterations (Kyiv/Kiev, Kostiantynivka/
  Kostyantynivka, Zelensky/Zelenskiy reduce to the same consonant skeleton),
  weighted NAME_WEIGHT, except a name found in most of the briefing's articles
  ("Russia", "Ukraine" in a war briefing), which weighs COMMON_WEIGHT;
- words, with the ways news names the same thing reduced to one concept
  (bodies/remains/fallen/killed: dead; handed over/returned/exchanged: moved;
  see CONCEPTS); common words, weekdays and the words of the record's own
  names ("Ukrainian" beside "Ukraine", "President" in a title) left out;
- figures of ten or more, with the concept of their unit (1,200 bodies and 1,200
  households are not the same figure).

`--merge rules` groups records by group-average clustering (`clusters`): the two
groups whose records are most similar on average join, again and again, until no
two groups reach STORY_THRESHOLD. Averaging over every pair of records, those of
one article included, keeps a story from chaining through one shared word, and
lets a story gather every record of it that an article has (the handover, its
figures, the verification note). `--merge model` asks the model instead: the
records that are each other's best match across two articles (`candidate_pairs`)
are shown to it, the records only, in one call (`confirm.py`), so the merge is
cheap. Either way a storyline is a group with records of at least two articles.

The merge keeps only the records' features in memory (`MergeIndex`), its graph of
similar records in flat arrays (`Graph`) and one heap entry per group while it
clusters: a briefing streams its articles, and each storyline loads the records it
lists when it is written (`Storylines`), so neither the articles nor the storylines
are held.

Figures are never averaged or resolved: a storyline lists each with its source,
status, article and time, and names the units whose figures differ. A figure
with a stated scope ("this year", "in the past week", "so far") is not in
conflict with one of another scope.
"""

from __future__ import annotations

import heapq
import math
import re
import sys
import unicodedata
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import accumulate

from summarizer.schema import ArticleMeta, ArticleResult, Event, Figure, Storyline, StorylineItem

CANDIDATE_THRESHOLD = 0.10  # cosine worth asking the model about (--merge model)
STORY_THRESHOLD = 0.055  # group-average cosine at which groups of records join (--merge rules)
FLOOR = 0.03  # a pair less similar than this counts as 0: keeps the graph of similar records sparse
NEIGHBOURS = 12  # and so does keeping each record's most similar records only
HEAP_SLACK = 64  # the clustering's heap is cut back to the live groups' best links past twice them and this
NAME_WEIGHT = 3.0  # a shared place or person says more than a shared word
FIGURE_WEIGHT = 2.0
COMMON_WEIGHT = 0.7  # a name in most articles ("Russia" in a war briefing) says little
_WEIGHT = {"N": NAME_WEIGHT, "W": 1.0, "F": FIGURE_WEIGHT}
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
    "dead": "bodies body remains fallen corpses corpse dead deaths death killed killing kills died",
    "hurt": "wounded injured injuring injuries",
    "moved": "handed hand handover handing returned return returning repatriation repatriated repatriate "
             "received receive receiving exchange exchanges exchanged swap swapped",
}
_CONCEPT = {w: f"#{c}" for c, words in CONCEPTS.items() for w in words.split()}
_COMMON_KEYS = {w[:6] for w in _COMMON} - set(_CONCEPT)  # "regional" is as common as "region"
_TIME_FRAME = re.compile(
    r"\b(?:this|last|the past|past) (?:week|month|year|weekend|day|24 hours)\b|\bso far\b|\bin total\b|"
    r"\bsince (?:the )?(?:beginning|start)(?: of (?:the|this) (?:year|month|war|invasion))?\b|\bto date\b|"
    r"\bovernight\b|\bon (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.IGNORECASE)


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
    return None if word[:6] in _COMMON_KEYS else word[:6]


def features(event: Event) -> dict[str, float]:
    """The record's names ("N:"), words or concepts ("W:") and figures ("F:"), with their weights."""
    out: dict[str, float] = {}
    names = [*event.actors, *event.locations]
    for name in names:
        key = skeleton(name)
        if len(name) >= 4 and len(key) >= 2:
            out[f"N:{key}"] = NAME_WEIGHT
    named = {concept(w) for name in names for w in _WORD.findall(name)}  # counted once, as the name
    for word in _WORD.findall(event.summary):
        term = concept(word)
        if term and term not in named:
            out[f"W:{term}"] = 1.0
    for n in event.numbers:
        if n.value >= MIN_FIGURE:
            unit = concept((n.unit or "").split()[-1]) if n.unit else ""
            out[f"F:{n.value:g}:{unit}"] = FIGURE_WEIGHT
    return out


@dataclass
class MergeIndex:
    """What the merge keeps of a briefing: each record's article, id and features, not the articles."""

    keys: list[tuple[int, str]] = field(default_factory=list)  # (article index, event id)
    bags: list[tuple[str, ...]] = field(default_factory=list)  # feature keys; the weight is the prefix's

    @classmethod
    def of(cls, results: Iterable[ArticleResult]) -> MergeIndex:
        index = cls()
        for article, result in enumerate(results):
            index.add(article, result)
        return index

    def add(self, article: int, result: ArticleResult) -> None:
        for event in result.events:
            self.keys.append((article, event.id))
            self.bags.append(tuple(sys.intern(k) for k in features(event)))

    def weights(self) -> tuple[dict[str, float], list[float]]:
        """Each feature's tf-idf weight (a name in most articles weighs COMMON_WEIGHT) and each record's norm:
        a record's unit vector has weight[k] / norm for each feature k it has."""
        articles = {a for a, _ in self.keys}
        spread: dict[str, set[int]] = {}
        for (article, _), bag in zip(self.keys, self.bags, strict=True):
            for key in bag:
                if key.startswith("N:"):
                    spread.setdefault(key, set()).add(article)
        df = Counter(k for bag in self.bags for k in bag)
        common = {k for k, arts in spread.items() if len(arts) > max(2, len(articles) // 2)}
        weight = {k: (COMMON_WEIGHT if k in common else _WEIGHT[k[0]]) * math.log(1 + len(self.bags) / n)
                  for k, n in df.items()}
        return weight, [math.sqrt(sum(weight[k] * weight[k] for k in bag)) or 1.0 for bag in self.bags]

    def similar(self) -> Graph:
        """Each record's most similar other records (at most NEIGHBOURS of its own, at least FLOOR) and their
        cosine, kept symmetric. Only records that share a feature are scored (an inverted index)."""
        weight, norms = self.weights()
        postings: dict[str, tuple[list[int], array[float]]] = {}  # feature -> its records, their vectors' values
        for j, bag in enumerate(self.bags):
            for k in bag:
                records, values = postings.setdefault(k, ([], array("d")))
                records.append(j)
                values.append(weight[k] / norms[j])
        n = len(self.bags)
        top = array("q", [-1]) * (n * NEIGHBOURS)  # record i's best: top[i * NEIGHBOURS:][:NEIGHBOURS], -1 for none
        top_score = array("d", bytes(8 * n * NEIGHBOURS))
        for i, bag in enumerate(self.bags):
            scores: dict[int, float] = {}
            for k in bag:  # in the bag's order, so each sum adds up as a full dot product would
                w = weight[k] / norms[i]
                for j, wj in zip(*postings[k]):
                    scores[j] = scores.get(j, 0.0) + w * wj
            scores.pop(i, None)
            best = heapq.nlargest(NEIGHBOURS, ((s, -j) for j, s in scores.items() if s >= FLOOR))
            for slot, (s, j) in enumerate(best, start=i * NEIGHBOURS):
                top[slot], top_score[slot] = -j, s
        del postings
        return Graph.symmetric(top, top_score)


@dataclass(frozen=True)
class Graph:
    """Each record's most similar records, symmetric, in flat arrays (a third of the memory of a dict a
    record): record i's neighbours are `to[start[i]:start[i + 1]]`, ascending, with their cosines in `score`."""

    start: array[int]
    to: array[int]
    score: array[float]

    @classmethod
    def symmetric(cls, top: array[int], top_score: array[float]) -> Graph:
        """From each record's own best (NEIGHBOURS slots a record, -1 where it has fewer): two records are
        linked when either lists the other. When both do, the later record's score is kept (the same cosine,
        summed in its own order)."""
        n = len(top) // NEIGHBOURS

        def links() -> Iterator[tuple[int, int, float]]:
            for slot, j in enumerate(top):
                i = slot // NEIGHBOURS
                if j >= 0 and not (j > i and i in top[j * NEIGHBOURS:(j + 1) * NEIGHBOURS]):
                    yield i, j, top_score[slot]

        degree = array("q", bytes(8 * n))
        for i, j, _ in links():
            degree[i] += 1
            degree[j] += 1
        start = array("q", [0, *accumulate(degree)])
        del degree
        to, score = array("q", bytes(8 * start[-1])), array("d", bytes(8 * start[-1]))
        fill = start[:-1]
        for i, j, s in links():
            for a, b in ((i, j), (j, i)):
                to[fill[a]], score[fill[a]] = b, s
                fill[a] += 1
        for i in range(n):  # each row in ascending order
            row = sorted(zip(to[start[i]:start[i + 1]], score[start[i]:start[i + 1]]))
            to[start[i]:start[i + 1]] = array("q", (j for j, _ in row))
            score[start[i]:start[i + 1]] = array("d", (s for _, s in row))
        return cls(start, to, score)

    def __len__(self) -> int:
        return len(self.start) - 1

    def row(self, i: int) -> tuple[array[int], array[float]]:
        """Record i's neighbours and their cosines (copies)."""
        return self.to[self.start[i]:self.start[i + 1]], self.score[self.start[i]:self.start[i + 1]]


@dataclass
class Pair:
    """Two records of different articles that may report the same event (a candidate for the model)."""

    id: int
    a: tuple[int, str]  # (article index, event id)
    b: tuple[int, str]
    score: float  # cosine of the two records' weighted features


Confirm = Callable[[list[Pair], dict[tuple[int, str], Event]], set[int]]


def candidate_pairs(index: MergeIndex, threshold: float = CANDIDATE_THRESHOLD) -> list[Pair]:
    """Records of different articles that are each other's best match, scoring at least `threshold`."""
    keys, graph = index.keys, index.similar()
    best: dict[tuple[int, int], tuple[float, int]] = {}  # (record, other article) -> (score, record)
    for i, (article, _) in enumerate(keys):
        for j, value in zip(*graph.row(i)):
            other = keys[j][0]
            if other != article and value >= threshold and value > best.get((i, other), (0.0, -1))[0]:
                best[(i, other)] = (value, j)
    pairs: list[Pair] = []
    for (i, _other), (value, j) in sorted(best.items()):
        if i < j and best.get((j, keys[i][0]), (0.0, -1))[1] == i:  # each is the other's best match
            pairs.append(Pair(len(pairs) + 1, keys[i], keys[j], round(value, 3)))
    return pairs


def clusters(index: MergeIndex, threshold: float = STORY_THRESHOLD) -> list[list[int]]:
    """Group-average clustering of the records (indices into `index.keys`): the two groups with the highest
    mean similarity over all their pairs of records join, until none reaches `threshold`; ties go to the pair
    of lower ids (a group made by joining takes the next id). Deterministic; each group starts with its most
    central record.

    For memory, a group's links (to groups, with the summed similarity) are its graph row until a neighbour
    joins another group, then two arrays of its own; and the heap holds each group's best link (if it reaches
    `threshold`), not every pair. A pair's mean changes only when one of its groups joins another, which
    makes a new group, so an entry of two live groups is exact; the best pair of all is the best link of both
    its groups, so it is on the heap, and it is the first live entry off it."""
    members = _joined_groups(index.similar(), threshold)
    weight, norms = index.weights()
    return [_central_first(g, index, weight, norms) for g in members.values()]


def _joined_groups(graph: Graph, threshold: float) -> dict[int, list[int]]:
    """`clusters`' joining: group id -> its records, in the order the groups were made."""
    members: dict[int, list[int]] = {i: [i] for i in range(len(graph))}
    changed: dict[int, tuple[array[int], array[float]]] = {}  # group -> links, where not its graph row
    best: dict[int, tuple[float, int, int]] = {}  # group -> its best link as a heap entry (-mean, lower, higher)
    heap: list[tuple[float, int, int]] = []

    def links(g: int) -> tuple[array[int], array[float]]:
        return changed[g] if g in changed else graph.row(g)

    def push(g: int, entry: tuple[float, int, int]) -> None:
        best[g] = entry
        heapq.heappush(heap, entry)

    def find_best(g: int) -> None:
        size, found = len(members[g]), (-threshold, -1, -1)  # at least threshold: the mean's negative at most
        for h, s in zip(*links(g)):
            mean = -s / (size * len(members[h]))
            if mean <= found[0]:
                entry = (mean, g, h) if g < h else (mean, h, g)
                if entry < found or found[1] < 0:
                    found = entry
        if found[1] < 0:
            best.pop(g, None)
        else:
            push(g, found)

    for g in range(len(graph)):
        find_best(g)
    new = len(graph)
    while heap:
        _, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue  # one of them has joined another group since
        members[new] = members.pop(a) + members.pop(b)
        joined = dict(zip(*links(a)))
        for other, s in zip(*links(b)):
            joined[other] = joined.get(other, 0.0) + s
        for gone in (a, b):
            joined.pop(gone, None)
            changed.pop(gone, None)
            best.pop(gone, None)
        size = len(members[new])
        for other, s in joined.items():
            to, sums = changed[other] = links(other)
            for gone in (a, b):
                k = bisect_left(to, gone)
                if k < len(to) and to[k] == gone:
                    del to[k], sums[k]
            to.append(new)
            sums.append(s)
            held, entry = best.get(other), (-s / (size * len(members[other])), other, new)
            if held is not None and (a in held[1:] or b in held[1:]):
                find_best(other)  # its best link was to a group that is gone
            elif -entry[0] >= threshold and (held is None or entry < held):  # a mean of its links to a and b:
                push(other, entry)  # never above both, but rounding may put it above the held one
        changed[new] = array("q", sorted(joined)), array("d", (joined[g] for g in sorted(joined)))
        find_best(new)
        new += 1
        if len(heap) > 2 * len(best) + HEAP_SLACK:  # mostly entries of gone groups or bettered links
            heap = sorted(best.values())
    return members


def _central_first(group: list[int], index: MergeIndex, weight: dict[str, float], norms: list[float]
                   ) -> list[int]:
    """The group, its most central record first: the highest summed cosine to the group's records of other
    articles (what links the story across outlets; it names the story). Summed feature by feature, so a
    big group costs its records' features, not their pairs."""
    if len(group) == 1:
        return group
    total: defaultdict[str, float] = defaultdict(float)  # feature -> summed over the group's records
    own: defaultdict[tuple[int, str], float] = defaultdict(float)  # (article, feature) -> summed over its records
    for j in group:
        for k in index.bags[j]:
            total[k] += weight[k] / norms[j]
            own[index.keys[j][0], k] += weight[k] / norms[j]

    def linked(i: int) -> float:
        article = index.keys[i][0]
        return round(sum(weight[k] / norms[i] * (total[k] - own[article, k]) for k in index.bags[i]), 9)

    return sorted(group, key=lambda i: (-linked(i), i))


def storylines(results: list[ArticleResult], confirm: Confirm | None = None) -> list[Storyline]:
    """Storylines across the articles (each with records of at least two articles), biggest first."""
    return list(merged(MergeIndex.of(results), results.__getitem__, confirm))


def merged(index: MergeIndex, load: Callable[[int], ArticleResult], confirm: Confirm | None = None
           ) -> Storylines:
    """Storylines from the index; `load(article)` gives an article's result back for the records listed.

    Without `confirm`, groups come from `clusters`. With it (the model, shown
    the records only), the candidate pairs it keeps are joined. The groups are
    found here; each storyline is built when it is read (`Storylines`)."""
    keys = index.keys
    if confirm is None:
        groups = [[keys[i] for i in group] for group in clusters(index)]
    else:
        pairs = candidate_pairs(index)
        events = _events(load, {k for p in pairs for k in (p.a, p.b)})
        kept = confirm(pairs, {k: r.event for k, r in events.items()}) if pairs else set()
        groups = [sorted(g, key=_order) for g in _joined([p for p in pairs if p.id in kept])]
    groups = [g for g in groups if len({a for a, _ in g}) > 1]
    groups.sort(key=lambda g: (-len({a for a, _ in g}), -len(g), min(g)))
    return Storylines(groups, load)


class Storylines:
    """A briefing's storylines, biggest first, each built from its records when it is read and then let go: a
    sized iterable (`report.write` streams it), so the storylines never sit in memory together, nor do the
    articles they cite. Each group is a list of (article index, event id); its first record names the
    storyline (the central one with `--merge rules`, the first in the articles' order with `--merge model`)."""

    def __init__(self, groups: list[list[tuple[int, str]]], load: Callable[[int], ArticleResult]) -> None:
        self.groups, self._load = groups, load

    def __len__(self) -> int:
        return len(self.groups)

    def __iter__(self) -> Iterator[Storyline]:
        for n, group in enumerate(self.groups, start=1):
            records = _events(self._load, set(group))
            yield _storyline(n, [records[k] for k in sorted(group, key=_order)], title=records[group[0]])


def _order(key: tuple[int, str]) -> tuple[int, int]:
    return key[0], int(key[1][1:])


def _joined(pairs: list[Pair]) -> list[list[tuple[int, str]]]:
    """The groups of records that the pairs connect (union-find)."""
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
    return list(groups.values())


@dataclass
class _Record:
    article: ArticleMeta  # not the whole result: a storyline keeps only what it cites
    event: Event


def _events(load: Callable[[int], ArticleResult], wanted: set[tuple[int, str]]) -> dict[tuple[int, str], _Record]:
    """The wanted records, each article loaded once."""
    out: dict[tuple[int, str], _Record] = {}
    for article in sorted({a for a, _ in wanted}):
        result = load(article)
        for event in result.events:
            if (article, event.id) in wanted:
                out[(article, event.id)] = _Record(result.article, event)
    return out


def _storyline(n: int, records: list[_Record], title: _Record) -> Storyline:
    items, figures = [], []
    for r in records:
        meta, e = r.article, r.event
        path = meta.path or meta.id
        items.append(StorylineItem(article=path, title=meta.title, outlet=meta.outlet,
                                   event_id=e.id, summary=e.summary, source=e.attribution.source, status=e.status))
        quoted = " ".join(ev.quote for ev in e.evidence)
        frame = _TIME_FRAME.search(quoted)
        for num in e.numbers:
            figures.append(Figure(text=num.text, value=num.value, unit=num.unit, source=e.attribution.source,
                                  status=e.status, article=path, event_id=e.id, when=e.when,
                                  time_frame=frame.group(0) if frame else None))
    return Storyline(id=f"s{n}", title=_title(records, title), items=items, figures=figures,
                     conflicts=_conflicts(figures))


def _title(records: list[_Record], central: _Record) -> str:
    """The central record's first words, after the names that records of two or more articles give."""
    spelled: dict[str, str] = {}  # skeleton -> the first spelling met (Kostiantynivka, Kostyantynivka: one name)
    by_article: dict[str, set[str]] = {}
    for r in records:
        for name in [*r.event.locations, *r.event.actors]:
            spelled.setdefault(skeleton(name), name)
            by_article.setdefault(r.article.id, set()).add(skeleton(name))
    names = Counter(key for keys in by_article.values() for key in sorted(keys))
    shared = [spelled[key] for key, count in names.most_common(3) if count > 1]
    words = central.event.summary.split()
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
