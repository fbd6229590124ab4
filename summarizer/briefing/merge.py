"""The daily briefing, merge stage: one storyline per real-world event that several articles report.

An article reports one main event: the one its headline and lead tell (an
analysis or an opinion piece, labelled so in its headline, reports none: it is
in no storyline). So the merge works on articles first, then on their records:

1. **What each article is about**: the sentence embedding (`embed.py`, a
   multilingual model, so a German and an English report of one strike meet) of
   its headline and lead records; the names its headline gives (its `setting`:
   words the article writes with a capital in mid-sentence and never in lower
   case, so "Missile" in a headline is no name) and the capitalised words of its
   headline and lead. A name in many of
   the day's articles ("Ukraine", "Gaza") is not specific; spellings are
   compared by a skeleton (Kostiantynivka, Kostyantynivka, Kostjantyniwka and
   Костянтинівка are one place).
2. **Which articles report one event**: two articles whose headlines both name
   something specific, and neither of those names is in the other's headline or
   lead, report different events (a strike in Dnipro and one in Zaporizhzhia
   read alike), and so do two whose headlines and lead sentences date their
   events to different days (`when.py`: a quake on Monday, its aftershock on
   Wednesday); otherwise their distance is one minus the cosine of their
   vectors, put on the English scale for their two languages (`calibrated`: the
   model puts unrelated texts closer together in some languages than in
   others). Average-linkage clustering (scipy) joins articles while the
   mean distance between two groups is under STORY_DISTANCE.
   `--merge model` asks the model instead about the pairs within
   CANDIDATE_DISTANCE, one call on their lead records (`confirm.py`), and joins
   the pairs it confirms. A group of two or more articles is a storyline.
3. **Which records a storyline shows**: each article's records whose evidence is
   about the storyline's event: the event is the mean vector of the articles' lead
   records, and a record is shown when its cosine to it is within RECORD_MARGIN of
   its own article's lead's (the lead always), so a paragraph of background about
   another event stays out. Figures are never averaged or resolved: each is
   listed with its source, status, article and time, and the units whose figures
   differ between sources are named. A figure with a stated scope ("this year",
   "so far") is not in conflict with one of another scope.
4. **A title that reads like a headline**: the member article's English headline
   nearest the storyline's centre that has at most TITLE_WORDS words, quotes no one and
   carries no loaded label; failing that, the nearest one with its quoted words
   and loaded labels taken out.

Memory: the merge keeps one vector (1.5 KiB) and a few names per article, not
the articles; each storyline loads the articles it cites when it is written
(`Storylines`), so neither the articles nor the storylines are held together.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import TYPE_CHECKING

from summarizer.briefing.when import event_days, one_time
from summarizer.compose import storyline_summary
from summarizer.numbers import CURRENCY_SIGNS
from summarizer.schema import ArticleMeta, ArticleResult, Dispute, Event, Figure, Storyline, StorylineItem

if TYPE_CHECKING:
    import numpy as np

STORY_DISTANCE = 0.12  # mean cosine distance under which groups of articles join (one minus the similarity)
LEAD_RECORDS = 3  # what an article is about: its headline and its first records
CANDIDATE_DISTANCE = 0.16  # article pairs worth asking the model about (--merge model)
RECORD_MARGIN = 0.14  # a record this close to the storyline's event as its article's lead is, or closer, is shown
FIGURE_MARGIN = 0.18  # or this close, where it gives a figure of a quantity the records within RECORD_MARGIN count
COMMON_NAME = 0.15  # a name in more than this share of the day's articles (and in more than 3) is not specific
TRANSLATION_SHARE = 0.3  # of the distance of a sentence and its translation, taken off two reports' distance
SHARED_SETTING = 0.85  # what is left of the distance of two reports in two languages whose headlines name one place
APART = 1.0  # the distance of two articles whose headlines name specific names that the other does not give
NAME_MATCH = 0.8  # two name skeletons this alike (difflib ratio) are one place spelled two ways
TITLE_WORDS = 12
# where a sentence's main clause ends ("killed | after a stampede"), and the words no headline ends with
_CLAUSE_ENDS = {"after", "as", "when", "while", "during", "following", "amid", "despite", "because", "since", "where",
                "which", "who"}
_OPEN_ENDS = {"the", "a", "an", "of", "in", "on", "at", "to", "for", "during", "after", "before", "that", "which",
              "who", "has", "have", "had", "is", "are", "was", "were", "and", "or", "but", "with", "by", "from", "as",
              "its", "their", "his", "her", "been", "be", "into", "than", "amid", "while", "when", "without", "over",
              "about", "against", "under", "between", "our", "my"}
_AUXILIARIES = {"has", "have", "had", "is", "are", "was", "were", "will"}
_SAID = re.compile(r"\b(?:says?|said|according to|reports?|reported|told|claims?|claimed)\b", re.IGNORECASE)
LANGUAGE_GAPS = Path(__file__).with_name("language_gaps.json")  # written by bench/language_gap.py
_CAPITALISED = re.compile(r"\b[^\W\d_][\w-]*")  # a word that starts with a letter
_MID_SENTENCE = re.compile(r"(?<=[\w,;)%»”’] )[^\W\d_][\w-]*")  # a word after a word and a space
_TIME_FRAME = re.compile(
    r"\b(?:this|last|the past|past) (?:week|month|year|weekend|day|24 hours)\b|\bso far\b|\bin total\b|"
    r"\bsince (?:the )?(?:beginning|start)(?: of (?:the|this) (?:year|month|war|invasion))?\b|\bto date\b|"
    r"\bovernight\b|\bon (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.IGNORECASE)
_OPENING = re.compile(r"\W*(\w+)\s+(?:the\s+)?([^\W\d_][\w'’-]*)")  # a sentence's first two words
_YEAR_OPENING = re.compile(r"\W*(\w+)\s+((?:1[89]|20)\d\d)\b")  # "In 2011 a magnitude 7.1 quake ...", "В 2011 году"
_AGE = re.compile(r"[A-Z][\w’'-]+, \0,")  # a name, then the figure (written as \0) between commas
# what says when, or how far a count has got, but no span of its own: "10 wounded so far" and "13 wounded on
# Thursday" are two counts of one attack's wounded
_NO_SPAN = re.compile(r"overnight|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|so far|to date|"
                  r"in total", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“”«»„][^\"“”«»„]*[\"“”«»„]|(?:^|(?<=\s))['‘][^'‘’]*['’](?=\s|$|[,.;:])")
_OPENS_QUOTE = re.compile(r"\s*[\"“”«»„‘']")
_QUOTE_MARKS = re.compile(r"[\"“”«»„]|(?:^|\s)['‘]|['’](?:\s|$)")
_CYRILLIC = dict(zip("абвгґдеєжзиіїйклмнопрстуфхцчшщьюяёыэъ",
                     ["a", "b", "v", "h", "g", "d", "e", "ie", "zh", "z", "y", "i", "i", "i", "k", "l", "m", "n",
                      "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "iu", "ia", "e", "y",
                      "e", ""], strict=True))
_SPELLINGS = ((re.compile(r"tsch"), "ch"), (re.compile(r"sch"), "sh"), (re.compile(r"(?<!s)ch"), "kh"),
              (re.compile(r"w"), "v"), (re.compile(r"ck"), "k"), (re.compile(r"ph"), "f"))


def skeleton(name: str) -> str:
    """A spelling-independent key: Cyrillic transliterated, lower case, no accents, German spellings of Slavic
    names in English form (w: v, sch: sh, ch: kh), "ph" as "f" (Philippines, Filipinas), no vowels or y/j, no
    doubled letters."""
    text = "".join(_CYRILLIC.get(c, c) for c in name.lower())
    text = unicodedata.normalize("NFKD", text)
    letters = "".join(c for c in text if c.isalpha() and c.isascii())
    for pattern, replacement in _SPELLINGS:
        letters = pattern.sub(replacement, letters)
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouyj]", "", letters))


def _same_name(a: str, b: str) -> bool:
    """One name spelled two ways; a skeleton of two letters (Gaza, Goma) only as it is, or with one letter more
    at its end (Genoa, Genova)."""
    short, long = sorted((a, b), key=len)
    if len(short) <= 2:
        return long.startswith(short) and len(long) - len(short) <= 1
    return SequenceMatcher(None, a, b).ratio() >= NAME_MATCH


def _position(event: Event) -> int:
    return min((ev.sentence_id for ev in event.evidence), default=10**9)


def lead_of(result: ArticleResult) -> Event | None:
    """The article's lead record: the one whose evidence comes first in the article."""
    return min(result.events, key=_position, default=None)


@dataclass
class MergeIndex:
    """What the merge keeps of a briefing: per article, its vector, headline, lead record id and places."""

    articles: list[int] = field(default_factory=list)  # the article's index in the briefing
    leads: list[str] = field(default_factory=list)  # its lead record's id
    titles: list[str] = field(default_factory=list)
    cut: list[bool] = field(default_factory=list)  # a title made of a sentence cut where no clause ends
    languages: list[str] = field(default_factory=list)
    settings: list[frozenset[str]] = field(default_factory=list)  # skeletons of the names its headline gives
    names: list[frozenset[str]] = field(default_factory=list)  # skeletons of the names its headline and lead give
    days: list[frozenset[str]] = field(default_factory=list)  # the days its headline and lead sentence date it to
    happenings: list[frozenset[str]] = field(default_factory=list)  # the `follow_ups` its headline tells
    mentioned: list[frozenset[str]] = field(default_factory=list)  # the `follow_ups` its headline and lead mention
    vectors: list[np.ndarray] = field(default_factory=list)

    @classmethod
    def of(cls, results: Iterable[ArticleResult]) -> MergeIndex:
        index = cls()
        for article, result in enumerate(results):
            index.add(article, result)
        return index

    def add(self, article: int, result: ArticleResult) -> None:
        """Keep what the merge needs of one article (one with no records reports nothing to merge, nor does
        an analysis or an opinion piece: `genre`)."""
        from summarizer.briefing.embed import embed

        lead = lead_of(result)
        title = (result.article.title or "").strip()
        if lead is None or genre(title, result.article.language):
            return
        first = sorted(result.events, key=_position)[:LEAD_RECORDS]
        lead_text = " ".join(ev.quote for e in first for ev in e.evidence)
        text = f"{title}. {lead_text}" if title else lead_text
        body = " ".join(ev.quote for e in result.events for ev in e.evidence)
        self.articles.append(article)
        self.leads.append(lead.id)
        # a page with no headline: its lead, made one ("X will not seek a fifth term, the presidency confirmed");
        # a quotation is no headline ('"Today, we have been dealing with the failure of Araf ...," Coe said'): the
        # first of its records that is none
        told = next((e for e in sorted(result.events, key=_position) if not _OPENS_QUOTE.match(_evidence(e))), lead)
        made, cut = _headline(told.summary, "en" if told.summary != _evidence(told) else result.article.language)
        self.titles.append(title or made)
        self.cut.append(not title and cut)
        self.languages.append(result.article.language or "en")
        self.settings.append(setting(title or _evidence(lead), body, result.article.language))
        self.names.append(_names(text))
        self.days.append(event_days(f"{title}. {_evidence(lead)}", result.article.language))
        self.happenings.append(follow_ups(title or _evidence(lead), result.article.language))
        self.mentioned.append(follow_ups(text, result.article.language))
        self.vectors.append(embed([text])[0])

    def __len__(self) -> int:
        return len(self.articles)

    def specific_settings(self) -> list[frozenset[str]]:
        """Each article's setting without the names many of the day's articles give ("Russia", "Gaza", "EU"),
        or with them where it gives no other: "Death toll rises in China quake" is still placed, apart from a
        quake in Ecuador, on a day of Chinese quakes."""
        count: dict[str, int] = {}
        for names in self.names:
            for k in names:
                count[k] = count.get(k, 0) + 1
        common = {k for k, n in count.items() if n > max(3, COMMON_NAME * len(self.names))}
        return [s - common or s for s in self.settings]

    def distances(self) -> np.ndarray:
        """The square matrix of article distances: one minus the cosine on the English scale (`calibrated`),
        or APART for two articles whose headlines name specific names, none of them given by the other
        article's headline or lead (a strike in Dnipro, one in Zaporizhzhia), for two whose leads date
        their events to different days (`when.one_time`: a quake on Monday, its aftershock on Wednesday), and
        for two where one headline tells a happening that follows an event (`follow_ups`: a court
        appearance, funerals, an investigation) that the other's headline and lead never mention."""
        import numpy as np

        if not self.vectors:
            return np.zeros((0, 0), dtype=np.float64)
        matrix = np.stack(self.vectors).astype(np.float64)
        distance = calibrated(np.clip(1.0 - matrix @ matrix.T, 0.0, 2.0), self.languages)
        from summarizer.language import lexicon

        settings, names = self.specific_settings(), self.names
        # ("Flugverbot für Boeing-Maschinen" names no place: a German headline's nouns are all capitalised)
        placing = [not lexicon(language).capitalised_nouns for language in self.languages]
        nothing = [frozenset[str]()] * len(names)
        happenings, mentioned = self.happenings or nothing, self.mentioned or nothing
        for i in range(len(names)):
            for j in range(i + 1, len(names)):
                elsewhere = placing[i] and placing[j] and settings[i] and settings[j] \
                    and not _meets(settings[i], names[j]) and not _meets(settings[j], names[i])
                # "Christchurch shooting suspect appears in court", "Funerals for Ethiopia crash victims": a
                # happening that follows the event, which a report of the event itself does not mention
                followed = happenings[i] - mentioned[j] or happenings[j] - mentioned[i]
                if elsewhere or followed or not one_time(self.days[i], self.days[j]):
                    distance[i, j] = distance[j, i] = APART
                elif self.languages[i] != self.languages[j] and _meets(settings[i], settings[j]):
                    distance[i, j] = distance[j, i] = distance[i, j] * SHARED_SETTING
        np.fill_diagonal(distance, 0.0)
        return distance


def follow_ups(text: str, language: str | None = None) -> frozenset[str]:
    """The kinds of happening that follow an event (`follow_ups` in the language files: "court", "funeral",
    "investigation") that `text` tells, in its language or in English."""
    from summarizer.language import lexicon

    kinds = (*lexicon(language).follow_ups, *(lexicon("en").follow_ups if language != "en" else ()))
    return frozenset(kind for kind, pattern in kinds if pattern.search(text))


def genre(headline: str, language: str | None = None) -> str | None:
    """The label that opens the headline of a piece reporting no event of its own ("Analysis: How ...",
    "Opinion | ...", "Kommentar: ..."; `genres` in the language files), or None."""
    from summarizer.language import lexicon

    label = re.match(r"\s*([^:|–—]{2,30}?)\s*[:|–—]", headline)
    return label.group(1) if label and label.group(1).lower() in lexicon(language).genres else None


def _names(text: str) -> frozenset[str]:
    """The skeletons (two letters or more) of the capitalised words of `text`: what it may name."""
    return frozenset(k for w in _CAPITALISED.findall(text) if w[0].isupper() and len(k := skeleton(w)) >= 2)


def setting(headline: str, body: str, language: str | None = None) -> frozenset[str]:
    """Where the headline places its event: the skeletons (two letters or more) of its names. A name is a
    word that the article's `body` writes with a capital in mid-sentence and never in lower case, so a
    capitalised headline noun ("Missile strike on ...", "Rafah Camp Devastation") is none; a headline
    that gives no name is placed by its demonyms ("626 Ethiopian troops killed"). In a language that
    capitalises its nouns (German: `capitalised_nouns` in its language file) case tells little: its setting
    may join two reports (`SHARED_SETTING`) but sets none apart (`MergeIndex.distances`)."""
    from summarizer.names import demonyms_of

    lower = {w.lower() for w in _CAPITALISED.findall(body) if w[0].islower()}
    capital = {w for w in _MID_SENTENCE.findall(body) if w[0].isupper() and w.lower() not in lower}
    words = [w for w in _CAPITALISED.findall(headline) if w in capital and not demonyms_of(w)]
    words = words or demonyms_of(headline)
    return frozenset(k for w in words if len(k := skeleton(w)) >= 2)


def _meets(names: frozenset[str], others: frozenset[str]) -> bool:
    return any(_same_name(a, b) for a in names for b in others)


@functools.cache
def _language_scale() -> tuple[float, dict[str, tuple[float, float]]]:
    data = json.loads(LANGUAGE_GAPS.read_text(encoding="utf-8"))
    return float(data["reference"]), {pair: (float(g), float(u)) for pair, (g, u) in data["pairs"].items()}


def calibrated(distance: np.ndarray, languages: list[str]) -> np.ndarray:
    """Distances between texts in `languages` (one per row and column), each put on the English scale: the
    model puts two unrelated texts closer in some languages than in others (0.12 apart in Portuguese, 0.21
    in English, measured on parallel sentences: language_gaps.json), so a pair's distance is multiplied by
    the English figure over its languages' one. A pair with a language not measured is left as it is.

    The same table gives the distance of a sentence and its own translation (0.06 to 0.12): two reports of
    one event in two languages are that much further apart than in one. A share of it (`TRANSLATION_SHARE`)
    is taken off a pair of two languages before the scaling; not all of it, which joined unrelated reports in
    two languages on real news: a headline and lead full of names are much nearer their translation than
    the table's sentences are."""
    import numpy as np

    reference, pairs = _language_scale()
    kinds = sorted(set(languages))
    table = [[pairs.get(" ".join(sorted((a, b))), (0.0, reference)) for b in kinds] for a in kinds]
    unrelated = np.array([[u for _, u in row] for row in table])
    gap = np.array([[g for g, _ in row] for row in table])
    which = np.ix_(*[np.array([kinds.index(lang) for lang in languages], dtype=np.intp)] * 2)
    nearer = np.clip(distance - TRANSLATION_SHARE * gap[which], 0.0, None)
    return np.asarray(nearer * (reference / unrelated[which]))


@dataclass
class Pair:
    """Two articles that may report the same event (a candidate for the model), by their lead records."""

    id: int
    a: tuple[int, str]  # (article index, lead record id)
    b: tuple[int, str]
    score: float  # cosine of the two articles' vectors


Confirm = Callable[[list[Pair], dict[tuple[int, str], Event]], set[int]]


def candidate_pairs(index: MergeIndex, distance: float = CANDIDATE_DISTANCE) -> list[Pair]:
    """Article pairs within `distance` of each other (places compatible), closest first."""
    d = index.distances()
    found = [(float(d[i, j]), i, j) for i in range(len(index)) for j in range(i + 1, len(index)) if d[i, j] < distance]
    return [Pair(n, (index.articles[i], index.leads[i]), (index.articles[j], index.leads[j]), round(1.0 - dist, 3))
            for n, (dist, i, j) in enumerate(sorted(found), start=1)]


def clusters(index: MergeIndex, distance: float = STORY_DISTANCE) -> list[list[int]]:
    """Groups of two or more articles (positions in the index) by average linkage under `distance`."""
    if len(index) < 2:
        return []
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    tree = linkage(squareform(index.distances(), checks=False), method="average")
    labels = fcluster(tree, t=distance, criterion="distance")
    groups: dict[int, list[int]] = {}
    for position, label in enumerate(labels):
        groups.setdefault(int(label), []).append(position)
    return [g for g in groups.values() if len(g) > 1]


def storylines(results: list[ArticleResult], confirm: Confirm | None = None) -> list[Storyline]:
    """Storylines across the articles (each with records of at least two articles), biggest first."""
    return list(merged(MergeIndex.of(results), results.__getitem__, confirm))


def merged(index: MergeIndex, load: Callable[[int], ArticleResult], confirm: Confirm | None = None
           ) -> Storylines:
    """Storylines from the index; `load(article)` gives an article's result back when a storyline is written.

    Without `confirm`, groups come from `clusters`. With it (the model, shown the candidate pairs' lead
    records), the pairs it confirms are joined."""
    if confirm is None:
        groups = clusters(index)
    else:
        pairs = candidate_pairs(index)
        position = {(index.articles[i], index.leads[i]): i for i in range(len(index))}
        leads = _lead_events(load, {k for p in pairs for k in (p.a, p.b)})
        kept = confirm(pairs, leads) if pairs else set()
        groups = _joined([(position[p.a], position[p.b]) for p in pairs if p.id in kept])
    groups.sort(key=lambda g: (-len(g), min(index.articles[i] for i in g)))
    return Storylines(index, [sorted(g, key=lambda i: index.articles[i]) for g in groups], load)


def _lead_events(load: Callable[[int], ArticleResult], wanted: set[tuple[int, str]]) -> dict[tuple[int, str], Event]:
    out: dict[tuple[int, str], Event] = {}
    for article in sorted({a for a, _ in wanted}):
        for event in load(article).events:
            if (article, event.id) in wanted:
                out[(article, event.id)] = event
    return out


def _joined(pairs: list[tuple[int, int]]) -> list[list[int]]:
    """The groups of articles that the pairs connect (union-find)."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        parent[find(a)] = find(b)
    groups: dict[int, list[int]] = {}
    for x in list(parent):
        groups.setdefault(find(x), []).append(x)
    return list(groups.values())


class Storylines:
    """A briefing's storylines, biggest first, each built from its articles when it is read and then let go: a
    sized iterable (`report.write` streams it), so the storylines never sit in memory together, nor do the
    articles they cite. Each group lists positions in the index, in the articles' order."""

    def __init__(self, index: MergeIndex, groups: list[list[int]], load: Callable[[int], ArticleResult]) -> None:
        self.index, self.groups, self._load = index, groups, load

    def __len__(self) -> int:
        return len(self.groups)

    def __iter__(self) -> Iterator[Storyline]:
        for n, group in enumerate(self.groups, start=1):
            yield self._storyline(n, group)

    def _storyline(self, n: int, group: list[int]) -> Storyline:
        import numpy as np

        from summarizer.briefing.embed import embed

        centre = np.mean([self.index.vectors[i] for i in group], axis=0)
        centre /= np.linalg.norm(centre) or 1.0
        results = [self._load(self.index.articles[i]) for i in group]
        texts = [[_evidence(e) for e in result.events] for result in results]
        # what the event is, sentence by sentence: the mean of the lead records' vectors
        leads = embed([_evidence(e) for i, r in zip(group, results, strict=True) for e in r.events
                       if e.id == self.index.leads[i]])
        event = leads.mean(axis=0)
        event /= np.linalg.norm(event) or 1.0
        read: list[tuple[ArticleResult, Event, list[Figure], bool]] = []  # each record, its figures, whether near
        for i, result, article_texts in zip(group, results, texts, strict=True):
            near = embed(article_texts) @ event if article_texts else []
            lead = max((s for r, s in zip(result.events, near, strict=True) if r.id == self.index.leads[i]),
                       default=1.0)
            places = _places([(_position(e), t) for e, t in zip(result.events, article_texts, strict=True)],
                             result.article.language)
            counted: tuple[int, str] | None = None  # the sentence of the article's last figure, what it counts
            for record, similarity, where in zip(result.events, near, places, strict=True):
                told = []
                sentence = _position(record)
                for f in _figures(result.article, record):
                    if f.quantity is None and f.unit is None and counted is not None and counted[0] == sentence:
                        # "À Bruxelles, la police a compté 35 000 manifestants, | contre 80 000 selon les
                        # organisateurs": a bare figure in a later clause counts what the sentence's figure counts
                        f = f.model_copy(update={"quantity": counted[1]})
                    counted = (sentence, f.quantity) if f.quantity else counted
                    told.append(f.model_copy(update={"place": where[f.value]}) if where.get(f.value) else f)
                near_enough = record.id == self.index.leads[i] or similarity >= lead - RECORD_MARGIN
                if near_enough or told and similarity >= lead - FIGURE_MARGIN:
                    read.append((result, record, told, near_enough))
        # a record a little farther out that gives a figure of a quantity the near ones count ("Police said about
        # 180,000 people took part in marches nationwide" beside "In Brussels, police counted 35,000 marchers")
        # completes the figures side by side
        counts = {f.quantity for _, _, told, near_enough in read if near_enough for f in told if f.quantity}
        items, figures, records = [], [], {}
        for result, record, told, near_enough in read:
            if near_enough or any(f.quantity in counts for f in told):
                items.append(_item(result.article, record))
                figures += told
                records[(result.article.path or result.article.id, record.id)] = (record, result.article.language)
        lead_texts = [_evidence(e) for r, i in zip(results, group, strict=True) for e in r.events
                      if e.id == self.index.leads[i]]
        names = frozenset().union(*(_names(t) for t in [*lead_texts, *(self.index.titles[i] for i in group)]))
        disputes = _disputes([f for f in figures if not _other_incident(records[(f.article, f.event_id)],
                                                                        lead_texts, names)])
        english = [r for r in results if (r.article.language or "en").startswith("en")] or results
        lead = next((r.digest.sentences[0].text for r in english if r.digest.sentences), None)
        summary = storyline_summary([r.article.outlet or re.split(r"[/\\]", r.article.path or r.article.id)[-1]
                                     for r in results], lead, disputes)
        return Storyline(id=f"s{n}", title=self._title(group, centre), summary=summary, items=items,
                         figures=figures, conflicts=[d.label for d in disputes], disputes=disputes)

    def _title(self, group: list[int], centre: np.ndarray) -> str:
        """The English headline nearest the centre that reads like one (the briefing is in English; another
        language's only when no member is English); else the nearest, its quotes taken out."""
        from summarizer.neutral import loaded_terms

        nearest = sorted(group, key=lambda i: (self.index.languages[i] != "en",
                                               -float(self.index.vectors[i] @ centre)))
        # (a sentence cut where no clause ends, "... involving 24 of his 27-strong executive", only when no member
        # has a title that reads whole, in any language)
        for i in [i for i in nearest if not self.index.cut[i]] + [i for i in nearest if self.index.cut[i]]:
            title = self.index.titles[i]
            if title_fault(title, self.index.languages[i]) is None and not loaded_terms(title):
                return title
        title = _QUOTED.sub("", self.index.titles[nearest[0]])
        for term in loaded_terms(title):
            title = re.sub(rf"\b{re.escape(term)}\b", "", title, flags=re.IGNORECASE)
        return headline_from(title, self.index.languages[nearest[0]])


def _title_words(language: str | None) -> tuple[frozenset[str], frozenset[str], frozenset[str], re.Pattern]:
    """(words that open a clause after a main one, words no headline ends with, auxiliaries, cues of saying) in
    `language`: the English lists, and for another language the same kinds of word from its language file."""
    if language in (None, "en"):
        return frozenset(_CLAUSE_ENDS), frozenset(_OPEN_ENDS), frozenset(_AUXILIARIES), _SAID
    from summarizer.language import lexicon

    lex = lexicon(language)
    opening = lex.conjunctions | lex.relatives | lex.complementizers
    return (frozenset(opening), frozenset(opening | lex.determiners | lex.prepositions | lex.genitive
                                          | lex.possessives), frozenset(lex.passive_auxiliaries), lex.cue)


_APPOSITION = re.compile(r",\s+(?:[^\W\d_][\w'’.-]*\s+){0,3}[^\W\d_][\w'’.-]*,\s+")  # ", Imran Khan, "


def headline_from(sentence: str, language: str | None = None) -> str:
    """`_headline`'s title."""
    return _headline(sentence, language)[0]


def _headline(sentence: str, language: str | None = None) -> tuple[str, bool]:
    """A sentence made a title of at most TITLE_WORDS words that ends where a clause ends: without its closing
    attribution (", a US official says"), its opening time phrase ("On Thursday,"), a name set off by commas
    where it is too long ("El primer ministro de Pakistán, Imran Khan, cae tras ..."), and cut where its main
    clause ends ("Dozens of mourners have been killed | after a stampede erupted during ..."); a title that still
    runs on is cut before its words that leave it open ("... killed during" loses "during"). The words are the
    `language`'s. With it, whether the sentence was cut where no clause ends (at TITLE_WORDS words, or where a
    statement's words were told after its speaker) and may not read whole."""
    clause_ends, open_ends, auxiliaries, said = _title_words(language)
    text = re.sub(r"\s+([,;:.])", r"\1", " ".join(sentence.split())).strip(" ,;:-.")
    parts = text.rsplit(", ", 1)
    if len(parts) == 2 and said.search(parts[1]) and len(parts[0].split()) >= 4:
        text = parts[0]  # "..., a US official says"
    opening = re.match(r"(?:[^,]{1,30}), (?=\S)", text)
    if opening and len(opening.group(0).split()) <= 4 and len(text[opening.end():].split()) >= 4:
        text = text[opening.end():]
        text = text[:1].upper() + text[1:]  # "On Thursday, the ministry ..."
    while len(text.split()) > TITLE_WORDS and (named := _APPOSITION.search(text)) \
            and any(w[:1].isupper() for w in named.group(0).split()):
        text = text[:named.start()] + " " + text[named.end():]
    words = text.split()
    if len(words) > TITLE_WORDS and (told := _told(text, language)):
        return told, True  # "Le président américain Donald Trump a annoncé mercredi que ...": "Donald Trump: ..."
    truncated = False
    if len(words) > TITLE_WORDS:
        cut = next((i for i, w in enumerate(words) if 4 <= i <= TITLE_WORDS and (
            w.lower() in clause_ends or words[i - 1].endswith((",", ";", ":")))), None)
        # else what the subject is, before its verb's auxiliary ("A missile attack on two bases | has caused ...")
        cut = cut or next((i for i, w in enumerate(words) if 4 <= i <= TITLE_WORDS and w.lower() in auxiliaries), None)
        words, truncated = (words[:cut], False) if cut else (words[:TITLE_WORDS], True)
    while len(words) > 3 and words[-1].lower().strip(",;:") in open_ends:
        words.pop()
    return " ".join(words).strip(" ,;:-"), truncated


def _told(sentence: str, language: str | None) -> str | None:
    """A long sentence that reports what someone said ("X announced on Wednesday that Y"), as a headline
    "X: Y" (the speaker's name, then what was said, cut as `headline_from` cuts), or None."""
    from summarizer.attribution import parse_attribution
    from summarizer.language import lexicon

    parsed = parse_attribution(sentence, language)
    lex = lexicon(language)
    if parsed is None:
        return None
    source, cue = parsed
    at = sentence.find(cue) if cue else -1
    after = sentence[at + len(cue):].split() if at >= 0 else []
    that = next((k for k, w in enumerate(after[:4]) if w.lower() in lex.complementizers), None)
    if that is None or any(w.endswith((",", ";", ":")) for w in after[:that]) \
            or not sentence.lstrip().startswith(source):
        return None  # (only "X said on Wednesday that ...", the speaker first)
    named = [w for w in source.split() if w[:1].isupper()]
    speaker = " ".join(named[-2:]) if len(source.split()) > 3 and len(named) >= 2 else source
    content = " ".join(after[that + 1:])
    said = headline_from(content[:1].upper() + content[1:], language).split()[:TITLE_WORDS - len(speaker.split())]
    while len(said) > 3 and said[-1].lower().strip(",;:") in _title_words(language)[1]:
        said.pop()
    return f"{speaker}: {' '.join(said)}" if len(said) >= 3 else None


def title_fault(title: str, language: str | None = None) -> str | None:
    """Why a storyline title does not read like a headline, or None."""
    if _QUOTE_MARKS.search(title):
        return "quotes a party"
    words = title.split()
    open_ends = _title_words(language)[1]
    if title.rstrip().endswith(("…", "...")) or words and words[-1].lower().strip(",;:") in open_ends:
        return "a cut-off sentence"
    if len(title.split()) > TITLE_WORDS:
        return f"longer than {TITLE_WORDS} words"
    return None


def _evidence(event: Event) -> str:
    return " ".join(ev.quote for ev in event.evidence)


def _item(meta: ArticleMeta, e: Event) -> StorylineItem:
    return StorylineItem(article=meta.path or meta.id, title=meta.title, outlet=meta.outlet, event_id=e.id,
                         summary=e.summary, source=e.attribution.source, status=e.status)


# Quantities a figure counts only when it is written with their word ("99,000 tonnes", "265 passengers"), or
# for one that counts people, with a word for people ("300 people on board"); a figure merely near the word
# ("90,000 tonnes, according to two people familiar with the talks") counts none of them. {name: counts people}
# quantities that are themselves shares, whose percentages of one story are one quantity (a strike's turnout, a
# year's inflation); a percentage of any other is a share of some whole the record does not say
RATES = {"turnout", "inflation", "unemployment", "on_time", "cancelled", "deficit"}
WRITTEN_WITH = {"tonnes": False, "litres": False, "hectares": False, "kilograms": False, "on_board": True}


def _figures(meta: ArticleMeta, e: Event) -> list[Figure]:
    """The record's figures, each with what it counts: a quantity of the language file ("killed",
    "Tote", "morts" count the dead), else its unit unless that is a measure ("20 km"), a percentage or
    people in general. An age ("said Yousef, 34, who ...") is no figure of the story: it is not listed."""
    from summarizer.contests import UNNAMED, number_words, quantities
    from summarizer.language import lexicon
    from summarizer.schema import Number

    text = " ".join(ev.quote for ev in e.evidence)
    frames = [m.group(0) for m in _TIME_FRAME.finditer(text)]  # a span first: "so far this year" is this year
    frame = next((f for f in frames if not _NO_SPAN.fullmatch(f)), frames[0] if frames else None)
    lex = lexicon(meta.language)
    counted = quantities(text, lex, meta.language)
    out = []
    words = dict(lex.quantities)
    # (and the number words of another language than English, which a record's figures do not list:
    # "Quarante personnes au moins ont trouvé la mort")
    for num in [*e.numbers, *(Number(text=said, value=value, unit=unit) for _, said, value, unit
                              in number_words(text, lex) if not any(said == n.text for n in e.numbers))]:
        # (a thing no quantity of the language names is told by the figure's unit, as below, across articles)
        quantity = next((name for name, values in counted.items() if num.value in values
                         and not name.startswith(UNNAMED)), None)
        unit = (num.unit or "").lower()
        if quantity is not None and num.unit == "%" and quantity not in RATES:
            quantity = None  # "PAS 50.2%, the Patriotic Bloc 24.2%": shares of different wholes, no one quantity
        if quantity in WRITTEN_WITH and not (words[quantity].match(unit)
                                             or WRITTEN_WITH[quantity] and unit in lex.people):
            quantity = None  # "two people familiar with the talks" near "tonnes": no tonnage
        if _AGE.search(text.replace(num.text, "\0", 1)):
            continue  # "said Yousef, 34, who ...": an age, no figure of the story
        if quantity == "turnout" and num.unit != "%":
            quantity = "participants"  # "put the turnout at 420,000": a count of those who took part, no rate
        if quantity is None and num.unit and num.unit != "%" and num.unit.lower() not in lex.people \
                and not (lex.measures is not None and lex.measures.match(num.unit)):
            quantity = num.unit.lower()
        out.append(Figure(text=num.text, value=num.value, unit=num.unit, source=e.attribution.source,
                          status=e.status, article=meta.path or meta.id, event_id=e.id, when=e.when,
                          time_frame=frame, quantity=quantity))
    return out


def _other_incident(found: tuple[Event, str | None], leads: list[str], names: frozenset[str]) -> bool:
    """Is the record about another incident than the storyline's, so that its figures are in no dispute:
    its sentence opens one ("In a separate incident"), or it says another day or month than the lead
    records do ("In July, a glide bomb ..."), or it opens with a year they do not give ("In 2011 a quake in
    Van killed more than 600"), or it opens in a place that none of the storyline's headlines
    and lead records name ("In Kramatorsk, 25 km to the north, ...")?"""
    from summarizer.contests import opens_incident
    from summarizer.language import lexicon

    record, language = found
    text = _evidence(record)
    lex = lexicon(language)
    if opens_incident(text, lex):
        return True
    if lex.dates is not None:
        said = {m.group(0).lower() for m in lex.dates.finditer(text)}
        if said and not said & {m.group(0).lower() for lead in leads for m in lex.dates.finditer(lead)}:
            return True
    year = _YEAR_OPENING.match(text)  # "In 2011 a magnitude 7.1 quake in Van killed more than 600 people."
    if year and year.group(1).lower() in lex.prepositions and not any(year.group(2) in lead for lead in leads):
        return True
    opening = _OPENING.match(text)  # "In Kramatorsk, about 25 km to the north, a bomb ..."
    # (not in a language that capitalises its nouns: "Nach Behördenangaben kamen 40 Menschen ums Leben")
    return bool(opening and not lex.capitalised_nouns and opening.group(1).lower() in lex.prepositions
                and opening.group(2)[0].isupper()
                and not any(_same_name(skeleton(opening.group(2)), n) for n in names))


def _places(told: list[tuple[int, str]], language: str | None) -> list[dict[float, str]]:
    """Per record of an article, the place each figure counts, as the article names it (`contests.article_places`:
    only where the article gives figures for the whole country or for other places too, or place by place):
    "in Brussels", beside "nationwide"; `ELSEWHERE` for a figure given "elsewhere"."""
    from summarizer.contests import article_places
    from summarizer.language import lexicon
    from summarizer.places import ELSEWHERE, place_key, place_names

    keys = article_places(told, language)
    lex = lexicon(language)
    spelled = {place_key(name): name for _, text in told for name in place_names(text, lex, language).values()
               if name and place_key(name) != place_key(ELSEWHERE)}
    spelled[place_key(ELSEWHERE)] = ELSEWHERE
    return [{v: spelled.get(k, k) for v, k in found.items() if k} for found in keys]


COUNTRY_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "ru", "uk")  # whose country names `country_code` reads


@functools.cache
def _countries() -> dict[str, str]:
    """{skeleton of a country's one-word name in a language of `COUNTRY_LANGUAGES` (Babel's territory names):
    its code}: Türkei, Turquie, Turquía and Türkiye are TR."""
    from summarizer.names import country_names

    out: dict[str, str] = {}
    for language in COUNTRY_LANGUAGES:
        for name, code in country_names(language).items():
            if len(key := skeleton(name)) >= 2:
                out.setdefault(key, code)
    return out


def country_code(name: str) -> str | None:
    """The code of the country `name` names in any of `COUNTRY_LANGUAGES`, or None."""
    return _countries().get(skeleton(name))


def _place_groups(figures: list[Figure]) -> dict[str, str]:
    """{place as a figure names it: the name its group is shown by}: one place spelled two ways or in two
    languages (Brussels, Bruxelles: `skeleton`, `_same_name`; Turkey, Türkei, Turquía: `country_code`) is
    one."""
    out: dict[str, str] = {}
    for f in figures:
        if f.place and f.place not in out:
            code = country_code(f.place)
            out[f.place] = next((shown for named, shown in out.items()
                                 if _same_name(skeleton(named), skeleton(f.place))
                                 or code is not None and country_code(named) == code), f.place)
    return out


def _disputes(figures: list[Figure]) -> list[Dispute]:
    """Per quantity, time frame and place, the figures when they differ between sources: side by side, biggest
    first. A day ("on Wednesday") says when, not over what span: it is no scope of its own. A sum of money and a
    count are never one quantity ("GBP 100 million" of equipment and "800 anti-tank missiles"). A place's figures
    are compared with that place's only, where a report gives figures for the whole country and for places
    (`Figure.place`: "35,000 in Brussels" is no conflict with "180,000 nationwide"); a figure given "elsewhere"
    is compared with none."""
    from summarizer.places import ELSEWHERE

    places = _place_groups(figures)
    by: dict[tuple[str, str | None, bool, str | None], list[Figure]] = {}
    for f in figures:
        if f.quantity and f.place != ELSEWHERE:
            scope = None if not f.time_frame or _NO_SPAN.fullmatch(f.time_frame) else f.time_frame.lower()
            money = f.unit in CURRENCY_SIGNS.values()
            # (a quantity's word by its first letters; what a measure weighs whole: "tonnes:кукур", "tonnes:зерна")
            by.setdefault((f.quantity if ":" in f.quantity else f.quantity[:5], scope, money,
                           places.get(f.place or "")), []).append(f)
    out: list[Dispute] = []
    for (_, _, _, place), group in by.items():
        if len({f.value for f in group}) > 1 and len({f.claimant.lower() for f in group}) > 1:
            group.sort(key=lambda f: f.value)
            out.append(Dispute(quantity=group[0].quantity or "", place=place, figures=group))
    return out
