"""The merge's compact graph and clustering, checked against the plain algorithms on dicts of every pair.

`MergeIndex.similar` keeps its graph in flat arrays and `clusters` keeps one heap entry per group, for memory;
both must give exactly what the plain versions give: the same scores to the last bit, the same groups made in
the same order, the same candidate pairs for the model."""

import heapq
import random
from array import array
from itertools import accumulate

import pytest
from fakes import article_result, event

from summarizer.briefing.merge import (
    CANDIDATE_THRESHOLD,
    FLOOR,
    HEAP_SLACK,
    NEIGHBOURS,
    STORY_THRESHOLD,
    Graph,
    MergeIndex,
    _joined_groups,
    candidate_pairs,
    clusters,
)

_WORDS = ("strike market drone refinery border village handover bodies prisoners shelling governor convoy "
          "talks ceasefire grain harbour power outage bridge rail").split()
_NAMES = ["Kostiantynivka", "Kostyantynivka", "Kharkiv", "Sumy", "Odesa", "Zelensky", "Zelenskiy", "Belgorod",
          "Pokrovsk", "Kherson", "Dnipro", "Kursk"]


def _briefing(seed: int, articles: int = 30, records: int = 6) -> MergeIndex:
    """Random records over a small vocabulary, so that the graph is dense, with copies of earlier records
    (equal scores: the ties that the clustering must break the same way)."""
    r = random.Random(seed)
    made, results = [], []
    for a in range(articles):
        events = []
        for i in range(1, records + 1):
            if made and r.random() < 0.2:
                summary, numbers, places = r.choice(made)
            else:
                summary = " ".join(r.sample(_WORDS, r.randint(2, 6))) + "."
                figures = r.sample([12, 40, 1000], r.randint(0, 1))
                numbers = [(str(v), float(v), r.choice(["bodies", "people"])) for v in figures]
                places = r.sample(_NAMES, r.randint(0, 2))
                made.append((summary, numbers, places))
            events.append(event(i, summary, "the outlet", numbers, places))
        results.append(article_result(f"a{a}.txt", events))
    return MergeIndex.of(results)


def _plain_graph(index: MergeIndex) -> list[dict[int, float]]:
    """Every pair's cosine, summed in the first record's feature order; each record's NEIGHBOURS best (at least
    FLOOR), kept symmetric; where both records list each other, the later one's score."""
    weight, norms = index.weights()
    near: list[dict[int, float]] = [{} for _ in index.bags]
    for i, bag in enumerate(index.bags):
        scores = {}
        for j, other in enumerate(index.bags):
            shared = [k for k in bag if k in other]
            if j != i and shared:
                scores[j] = 0.0
                for k in shared:
                    scores[j] += weight[k] / norms[i] * (weight[k] / norms[j])
        for s, j in heapq.nlargest(NEIGHBOURS, ((s, -j) for j, s in scores.items() if s >= FLOOR)):
            near[i][-j] = near[-j][i] = s
    return near


def _plain_clusters(near: list[dict[int, float]], threshold: float, means: list[float] | None = None
                    ) -> dict[int, list[int]]:
    """Group-average clustering with every pair of groups on the heap: the best pair joins, ties to lower ids.
    Group id -> records, in the order the groups were made; the mean of each join goes to `means`."""
    members = {i: [i] for i in range(len(near))}
    links = {i: dict(row) for i, row in enumerate(near)}
    heap = [(-s, i, j) for i, row in enumerate(near) for j, s in row.items() if i < j]
    heapq.heapify(heap)
    new = len(near)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        if -negative < threshold:
            break
        if means is not None:
            means.append(-negative)
        members[new] = members.pop(a) + members.pop(b)
        joined = links.pop(a)
        for other, s in links.pop(b).items():
            joined[other] = joined.get(other, 0.0) + s
        joined.pop(a, None)
        joined.pop(b, None)
        links[new] = joined
        for other, s in joined.items():
            links[other].pop(a, None)
            links[other].pop(b, None)
            links[other][new] = s
            heapq.heappush(heap, (-s / (len(members[new]) * len(members[other])), other, new))
        new += 1
    return members


def _plain_candidate_pairs(index: MergeIndex, near: list[dict[int, float]], threshold: float) -> list[tuple]:
    """Records of different articles that are each other's best match, ties to the lower record."""
    keys, best = index.keys, {}
    for i, (article, _) in enumerate(keys):
        for j in sorted(near[i]):
            other, value = keys[j][0], near[i][j]
            if other != article and value >= threshold and value > best.get((i, other), (0.0, -1))[0]:
                best[(i, other)] = (value, j)
    return [(keys[i], keys[j], round(value, 3)) for (i, _), (value, j) in sorted(best.items())
            if i < j and best.get((j, keys[i][0]), (0.0, -1))[1] == i]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_graph_holds_each_records_best_matches_with_the_plain_scores(seed):
    index = _briefing(seed)
    graph = index.similar()
    plain = _plain_graph(index)
    assert len(graph) == len(plain) == 180
    assert [list(zip(*graph.row(i))) for i in range(len(graph))] == [sorted(row.items()) for row in plain]
    assert sum(len(row) for row in plain) > 12 * len(plain)  # dense: most records are listed by others too


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
@pytest.mark.parametrize("threshold", [0.03, STORY_THRESHOLD, 0.2, "a join's mean"])
@pytest.mark.parametrize("slack", [HEAP_SLACK, 0])  # 0: the heap is cut back after nearly every join
def test_the_clustering_makes_the_groups_of_the_plain_algorithm(monkeypatch, seed, threshold, slack):
    monkeypatch.setattr("summarizer.briefing.merge.HEAP_SLACK", slack)
    index = _briefing(seed)
    plain_graph = _plain_graph(index)
    if threshold == "a join's mean":  # exactly: a pair at the threshold joins
        means: list[float] = []
        _plain_clusters(plain_graph, STORY_THRESHOLD, means)
        threshold = means[len(means) // 2]
    plain = _plain_clusters(plain_graph, threshold)
    assert list(_joined_groups(index.similar(), threshold).items()) == list(plain.items())
    groups = clusters(index, threshold)  # the same groups, each its most central record first
    assert [sorted(g) for g in groups] == [sorted(g) for g in plain.values()]
    assert max(map(len, groups)) > 3 and sum(len(g) == 1 for g in groups) < len(groups)  # real joins happened


def test_the_clustering_matches_the_plain_algorithm_on_random_graphs_full_of_ties(monkeypatch):
    r = random.Random(7)
    for _ in range(300):
        n, scores = r.randint(0, 30), r.choice([[0.5, 0.25, 0.125, 1.0], [0.3, 0.06, 0.055], [r.random()]])
        near: list[dict[int, float]] = [{} for _ in range(n)]
        for i in range(n):
            for j in range(i + 1, n):
                if r.random() < 0.3:
                    near[i][j] = near[j][i] = r.choice(scores)
        graph = Graph(array("q", [0, *accumulate(map(len, near))]),
                      array("q", [j for row in near for j in sorted(row)]),
                      array("d", [row[j] for row in near for j in sorted(row)]))
        means: list[float] = []
        _plain_clusters(near, 0.0, means)
        for threshold in [STORY_THRESHOLD, *r.sample(means, min(2, len(means)))]:
            monkeypatch.setattr("summarizer.briefing.merge.HEAP_SLACK", r.choice([0, 1, HEAP_SLACK]))
            assert list(_joined_groups(graph, threshold).items()) == list(_plain_clusters(near, threshold).items())


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_candidate_pairs_for_the_model_are_the_plain_algorithms(seed):
    index = _briefing(seed)  # copies of a record in several articles: ties for the best match
    pairs = [(p.a, p.b, p.score) for p in candidate_pairs(index)]
    assert pairs == _plain_candidate_pairs(index, _plain_graph(index), CANDIDATE_THRESHOLD)
    assert len(pairs) > 10
