"""Long, foreign and nearly-empty articles: split into parts that fit the model, never a crash."""

import json

from summarizer.llm.fake import FakeTransport, outlet_records_answer
from summarizer.llm.settings import LLMSettings
from summarizer.pipeline import PART_CHARS, Summarizer, split_parts
from summarizer.segment import segment

TOWNS = ["Sumy", "Kharkiv", "Poltava", "Dnipro", "Odesa", "Lviv", "Chernihiv", "Mykolaiv"]


def long_article(words: int) -> str:
    """A made-up wire report of about `words` words: paragraphs of three sentences, one figure each."""
    paragraphs, count, n = ["Officials report damage across several regions"], 0, 0
    while count < words:
        town = TOWNS[n % len(TOWNS)]
        para = (f"In {town}, the regional governor said {n + 3} homes were damaged overnight. "
                f"Repair crews worked through the day to restore water and heating to the district. "
                f"Residents told reporters the shelling lasted for about {n % 5 + 1} hours.")
        paragraphs.append(para)
        count += len(para.split())
        n += 1
    return "\n\n".join(paragraphs)


def test_parts_cover_every_sentence_once_in_order_and_end_at_paragraphs():
    sentences = segment(long_article(3000))
    parts = split_parts(sentences, {1}, limit=2000)
    assert len(parts) > 5
    assert [s.id for part in parts for s in part] == [s.id for s in sentences if s.id != 1]
    for part in parts:
        assert sum(len(s.text) + 8 for s in part) <= 2000
    for before, after in zip(parts, parts[1:]):
        assert before[-1].paragraph != after[0].paragraph


def test_a_paragraph_longer_than_a_part_is_split_between_sentences():
    text = " ".join(f"Sentence number {i} of one very long paragraph says little." for i in range(200))
    parts = split_parts(segment(text), limit=1000)
    assert len(parts) > 5 and all(parts)
    assert [s.id for p in parts for s in p] == list(range(1, 201))


def test_a_25000_word_article_is_asked_in_parts_and_the_records_joined():
    text = long_article(25_000)
    fake = FakeTransport(responder=_answer)
    summarizer = Summarizer(LLMSettings.resolve(env={}, digest="model"), transport=fake)
    result = summarizer.summarize_text(text)
    events_calls = [b for b in fake.requests if "boilerplate" in json.dumps(b["response_format"])]
    assert len(text) // PART_CHARS <= len(events_calls) <= 2 * len(text) // PART_CHARS
    for body in events_calls:  # every call fits: its article part is at most PART_CHARS
        article = body["messages"][1]["content"]
        assert len(article) < PART_CHARS + 500
    ids = [e.id for e in result.events]
    assert ids == [f"e{i}" for i in range(1, len(ids) + 1)]  # one numbering across the parts
    assert len(result.events) > 14 * (len(events_calls) - 1)
    assert all(e.evidence[0].quote in text for e in result.events)
    quoted = {e.evidence[0].sentence_id for e in result.events}
    assert len(quoted) == len(result.events)  # no sentence reported twice
    assert result.digest.sentences and result.usage.llm_calls == len(events_calls) + 1


def _answer(body):
    schema = body["response_format"]["json_schema"]["schema"]
    if "sentences" in schema["properties"]:
        ids = schema["$defs"]["DigestSentenceDraft"]["properties"]["event_ids"]["items"]["enum"][:1]
        return json.dumps({"sentences": [{"text": "The regional governor said 3 homes were damaged overnight.",
                                          "event_ids": ids}]})
    return outlet_records_answer(body)
