"""`summarize eval` on a storyline gold file: are the briefing's storylines the real-world events?

Gold format (fixtures/gold/storylines.yaml is one):

    day: ../day                   # the articles' folder, relative to the gold file
    events:
      - id: market-strike
        title: Missile strike on Kostiantynivka market
        articles: [01_wire.txt, 07_regional.txt]
        conflicts:                # figures of one quantity that differ: shown side by side in one storyline
          - quantity: dead
            figures: {"16": "the interior ministry", "17": "the governor"}
    distractors: [04_other.txt]   # articles whose event no other article reports
    records:                      # optional: sentences (a verbatim fragment) about another event than the
      01_wire.txt:                # article's own; event null = background, in no storyline
        - {quote: "Last week a drone hit", event: null}

Scores, each as precision, recall and F1:
- over articles: pairwise (two articles linked by a storyline vs. reporting one gold event) and B-cubed
  (for each article, the articles it is linked to against those of its event);
- over records: pairwise across articles and B-cubed, a record's gold event being its article's unless
  `records` says otherwise; a record in no storyline is a cluster of its own, and so is, in the gold, a
  record of an event only one article reports (no storyline should hold it);
plus the storylines whose title reads like a quote, a cut-off sentence or a long one, and the gold
conflicts no storyline shows side by side.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from summarizer.briefing.merge import title_fault
from summarizer.errors import InputError
from summarizer.schema import BriefingResult

if TYPE_CHECKING:
    from summarizer.briefing.build import Merge
    from summarizer.llm.settings import LLMSettings



@dataclass
class StorylineGold:
    path: Path
    folder: Path
    event_of: dict[str, str]  # article file name -> its event id (a distractor: "only:<file>")
    events: dict[str, dict]
    records: dict[str, list[tuple[str, str | None]]] = field(default_factory=dict)

    @property
    def files(self) -> list[Path]:
        return sorted(self.folder / name for name in self.event_of)


def is_storyline_gold(data: object) -> bool:
    return isinstance(data, dict) and "day" in data and "events" in data


def load_storyline_gold(path: Path, data: dict) -> StorylineGold:
    """The gold from the parsed YAML `data`; a wrong shape is one line (InputError, exit 3)."""
    folder = (path.parent / str(data["day"])).resolve()
    if not folder.is_dir():
        raise InputError(f"{path}: 'day' must name the folder of the articles ({folder} is none)")
    event_of: dict[str, str] = {}
    events: dict[str, dict] = {}
    for i, event in enumerate(data.get("events") or [], start=1):
        if not isinstance(event, dict) or not event.get("id") or not isinstance(event.get("articles"), list):
            raise InputError(f"{path}: event {i} needs an 'id' and a list of 'articles'")
        events[str(event["id"])] = event
        for name in event["articles"]:
            _claim(path, event_of, str(name), str(event["id"]))
    for name in data.get("distractors") or []:
        _claim(path, event_of, str(name), f"only:{name}")
    missing = [name for name in event_of if not (folder / name).is_file()]
    if missing:
        raise InputError(f"{path}: no article file {missing[0]!r} in {folder}")
    records: dict[str, list[tuple[str, str | None]]] = {}
    for name, items in (data.get("records") or {}).items():
        for item in items or []:
            if not isinstance(item, dict) or not isinstance(item.get("quote"), str):
                raise InputError(f"{path}: each record of {name} needs a 'quote'")
            event = item.get("event")
            if event is not None and str(event) not in events:
                if event_of.get(str(event)) != f"only:{event}":
                    raise InputError(f"{path}: a record of {name} names the event {event!r}, which is neither an "
                                     "event nor a distractor")
                event = f"only:{event}"  # the main event of a distractor article
            records.setdefault(str(name), []).append((item["quote"], None if event is None else str(event)))
    return StorylineGold(path=path, folder=folder, event_of=event_of, events=events, records=records)


def _claim(path: Path, event_of: dict[str, str], name: str, event: str) -> None:
    if name in event_of:
        raise InputError(f"{path}: the article {name!r} is listed twice (each article reports one event)")
    event_of[name] = event


@dataclass
class PRF:
    precision: float | None
    recall: float | None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 0.0 if p + r == 0 else round(2 * p * r / (p + r), 3)

    def as_dict(self) -> dict:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1}


def _ratio(hits: int, total: int) -> float | None:
    return round(hits / total, 3) if total else None


def pairwise(predicted: set[frozenset], gold: set[frozenset]) -> PRF:
    hits = len(predicted & gold)
    return PRF(_ratio(hits, len(predicted)), _ratio(hits, len(gold)))


def b_cubed(predicted: dict, gold: dict) -> PRF:
    """B-cubed over the items of `gold`: each item's cluster (a set holding the item) in both."""
    precision = [len(predicted[x] & gold[x]) / len(predicted[x]) for x in gold]
    recall = [len(predicted[x] & gold[x]) / len(gold[x]) for x in gold]
    return PRF(round(sum(precision) / len(precision), 3) if precision else None,
               round(sum(recall) / len(recall), 3) if recall else None)


@dataclass
class StorylineScore:
    articles_pairwise: PRF
    articles_b_cubed: PRF
    records_pairwise: PRF
    records_b_cubed: PRF
    storylines: int
    gold_events: int
    bad_titles: list[str]
    conflicts_shown: int
    gold_conflicts: int
    missing_conflicts: list[str]
    wrong_links: list[str]  # article pairs a storyline links that report different events
    # disputes that set the figures of two of an event's gold conflicts against each other ("in Brussels" and
    # "nationwide" on one line)
    mixed_conflicts: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "articles": {"pairwise": self.articles_pairwise.as_dict(), "b_cubed": self.articles_b_cubed.as_dict()},
            "records": {"pairwise": self.records_pairwise.as_dict(), "b_cubed": self.records_b_cubed.as_dict()},
            "storylines": self.storylines, "gold_events": self.gold_events, "bad_titles": self.bad_titles,
            "conflicts_shown": self.conflicts_shown, "gold_conflicts": self.gold_conflicts,
            "missing_conflicts": self.missing_conflicts, "wrong_links": self.wrong_links,
            "mixed_conflicts": self.mixed_conflicts,
        }


def score_storylines(gold: StorylineGold, briefing: BriefingResult) -> StorylineScore:
    """Score the briefing's storylines against the gold (see the module docstring)."""
    name_of = {a.article.path: Path(a.article.path).name for a in briefing.articles if a.article.path}
    story_of: dict[tuple[str, str], str] = {}
    linked: dict[str, set[str]] = {name: {name} for name in gold.event_of}
    predicted_pairs: set[frozenset] = set()
    for story in briefing.storylines:
        members = {name_of.get(item.article, Path(item.article).name) for item in story.items}
        for item in story.items:
            story_of[(name_of.get(item.article, Path(item.article).name), item.event_id)] = story.id
        for a in members & set(gold.event_of):
            linked[a] |= members & set(gold.event_of)
        predicted_pairs |= {frozenset(p) for p in combinations(sorted(members & set(gold.event_of)), 2)}
    by_event: dict[str, set[str]] = {}
    for name, event in gold.event_of.items():
        by_event.setdefault(event, set()).add(name)
    gold_pairs = {frozenset(p) for names in by_event.values() for p in combinations(sorted(names), 2)}
    articles_pw = pairwise(predicted_pairs, gold_pairs)
    articles_b3 = b_cubed(linked, {name: by_event[event] for name, event in gold.event_of.items()})

    # records: (article, event id) -> gold event (None: background) and predicted storyline
    record_gold: dict[tuple[str, str], str | None] = {}
    for result in briefing.articles:
        name = Path(result.article.path or "").name
        if name not in gold.event_of:
            continue
        for record in result.events:
            quotes = " ".join(e.quote for e in record.evidence)
            said = [ev for fragment, ev in gold.records.get(name, []) if fragment in quotes]
            record_gold[(name, record.id)] = said[0] if said else gold.event_of[name]
    shared = {event for event, names in by_event.items() if len(names) > 1}  # events a storyline should hold
    gold_cluster: dict[tuple[str, str], set] = {}
    for key, told in record_gold.items():  # a record of an event only one article reports: in no storyline
        gold_cluster[key] = {k for k, e in record_gold.items() if e == told} if told in shared else {key}
    story_members: dict[str, set] = {}
    for key in record_gold:
        if key in story_of:
            story_members.setdefault(story_of[key], set()).add(key)
    predicted_cluster = {key: story_members[story_of[key]] if key in story_of else {key} for key in record_gold}
    records_b3 = b_cubed(predicted_cluster, gold_cluster)
    cross = [(a, b) for a, b in combinations(sorted(record_gold), 2) if a[0] != b[0]]
    records_pw = pairwise(
        {frozenset(p) for p in cross if p[0] in story_of and story_of[p[0]] == story_of.get(p[1])},
        {frozenset(p) for p in cross if record_gold[p[0]] is not None and record_gold[p[0]] == record_gold[p[1]]})

    bad_titles = [f"{s.id}: {s.title!r} ({fault})" for s in briefing.storylines if (fault := title_fault(s.title))]
    shown, missing = 0, []
    gold_conflicts = [(eid, c) for eid, e in gold.events.items() for c in e.get("conflicts") or []]
    for eid, conflict in gold_conflicts:
        wanted = [_gold_figure(str(f)) for f in (conflict.get("figures") or {})]
        if any(all(w & {x for f in d.figures for x in (_figure(f.text), f"{f.value:g}")} for w in wanted)
               for s in briefing.storylines for d in s.disputes):
            shown += 1
        else:
            shown_as = sorted(str(f) for f in (conflict.get("figures") or {}))
            missing.append(f"{eid}: {conflict.get('quantity', '')} {' vs '.join(shown_as)}".strip())
    wrong = sorted(" + ".join(sorted(p)) for p in predicted_pairs - gold_pairs)
    return StorylineScore(articles_pw, articles_b3, records_pw, records_b3, len(briefing.storylines),
                          len(gold.events), bad_titles, shown, len(gold_conflicts), missing, wrong,
                          _mixed(gold, briefing))


def _mixed(gold: StorylineGold, briefing: BriefingResult) -> list[str]:
    """The disputes that hold a figure only one of an event's gold conflicts gives and one only another gives
    ("35,000" of "marchers in Brussels" and "420,000" of "marchers nationwide"): figures of two quantities, or
    of two places, compared as one."""
    out = []
    for s in briefing.storylines:
        for d in s.disputes:
            shown = {x for f in d.figures for x in (_figure(f.text), f"{f.value:g}")}
            for eid, event in gold.events.items():
                conflicts = [set().union(*(_gold_figure(str(f)) for f in c.get("figures") or {}))
                             for c in event.get("conflicts") or []]
                own = [c - set().union(*(o for o in conflicts if o is not c)) for c in conflicts]
                hit = [k for k, values in enumerate(own) if values & shown]
                if len(hit) > 1:
                    names = [str((event.get("conflicts") or [])[k].get("quantity", "")) for k in hit]
                    out.append(f"{s.id} {d.label}: {eid} {' + '.join(names)}")
    return out


def _gold_figure(text: str) -> set[str]:
    """The values a gold figure may be shown as: those written in it, its notes in brackets left out ("109
    (around 4 pm)" is 109; "7,000 to 8,000" is either; "Forty-nine" is 49); a figure with no number
    ("Saturday") is compared as written, and no dispute of figures shows it."""
    from summarizer.numbers import extract_numbers

    written = re.sub(r"\([^)]*\)", " ", text)
    return {f"{n.value:g}" for n in extract_numbers(written, "en")} or {_figure(text)}


def _figure(text: str) -> str:
    """A figure as compared: digits and the decimal point only ("1,200" and "1200" are one figure)."""
    return re.sub(r"[^\d.]", "", text.replace(",", "")) or text


def evaluate_storylines(gold: StorylineGold, settings: LLMSettings, *, merge: Merge | None = None,
                        warn: Callable[[str], None] = lambda line: None) -> tuple[StorylineScore, int]:
    """Build the briefing of the gold's articles (no cache: the storylines of this model and code) and score
    it; also the briefing's exit code (an article that failed counts as reporting nothing)."""
    from summarizer.briefing.build import Briefing

    with Briefing(settings, use_cache=False, merge=merge).build([str(p) for p in gold.files]) as built:
        for line in built.warnings:
            warn(line)
        for failed in built.head.failed:
            warn(f"{failed.path}: {failed.reason}")
        return score_storylines(gold, built.result()), built.exit_code


def render_storyline_scores(score: StorylineScore, out: TextIO) -> None:
    """The storyline scores as a few lines of text."""

    def cell(value: float | None) -> str:
        return "   -" if value is None else f"{value:4.2f}"

    out.write(f"{score.storylines} storylines for {score.gold_events} gold events\n\n")
    out.write(f"{'':<18} precision  recall   F1\n")
    for name, prf in (("articles pairwise", score.articles_pairwise), ("articles B-cubed", score.articles_b_cubed),
                      ("records pairwise", score.records_pairwise), ("records B-cubed", score.records_b_cubed)):
        out.write(f"{name:<18} {cell(prf.precision):>9}  {cell(prf.recall):>6} {cell(prf.f1):>5}\n")
    out.write(f"\nconflicts shown side by side: {score.conflicts_shown}/{score.gold_conflicts}\n")
    for heading, lines in (("missing conflicts", score.missing_conflicts), ("titles that are no headline",
                                                                             score.bad_titles),
                           ("articles linked that report different events", score.wrong_links),
                           ("disputes that mix two gold conflicts", score.mixed_conflicts)):
        if lines:
            out.write(f"{heading}:\n" + "".join(f"  {line}\n" for line in lines))
