"""Grounding, for any Unicode text: every evidence quote of a record is verbatim article text, the text of
the sentence it cites, and every number of a record is written in its evidence.

The model is the fake one answering every candidate sentence (all the quotes and numbers are filled by
code from the sentences, whatever a model answers), so this runs the whole pipeline in milliseconds.
"""


from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer.briefing.cache import ResultCache
from summarizer.llm.fake import FakeTransport, outlet_records_answer
from summarizer.llm.settings import LLMSettings
from summarizer.numbers import extract_numbers
from summarizer.pipeline import Summarizer
from summarizer.read import Article
from summarizer.schema import ArticleResult
from summarizer.segment import segment

_ANY_CHAR = st.characters(codec="utf-8", exclude_categories=("Cs",))
_WORD = st.one_of(
    st.text(alphabet=_ANY_CHAR, min_size=1, max_size=7),
    st.sampled_from([
        "the", "governor", "said", "according to", "officials", "denied", "killed", "in", "Kyiv", "Харків",
        "1,200", "3.5 million", "73", "40%", "twenty-one", "seven", "June 7, 2024", "U.S.", "Mr.", "(AP)", "—",
        "«", "»", "Cafe\u0301", "👍🏽", "👨\u200d👩\u200d👧", "مرحبا", "שלום", "\u200f", "\u00a0", "\u2028", "\r",
        "١٢٣", "{{", "}}", "{%", "%}", "{#", "{{ 7 * 7 }}",
    ]),
)
_SENTENCE = st.lists(_WORD, min_size=3, max_size=14).flatmap(
    lambda words: st.sampled_from([".", "!", "?", ".\u201d", "", "\u3002"]).map(lambda end: " ".join(words) + end))
_ARTICLE = st.lists(st.tuples(_SENTENCE, st.sampled_from([" ", "  ", "\n", "\r\n", "\n\n", "\r\n\r\n", "\u00a0"])),
                    min_size=1, max_size=12).map(lambda xs: "".join(s + b for s, b in xs))

_SUMMARIZER = Summarizer(LLMSettings.resolve(env={}, fixtures="off", digest="composed"),
                         transport=FakeTransport(responder=outlet_records_answer))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])  # ~25 ms an example
@given(_ARTICLE, st.sampled_from(["en", "de", "ar"]))
def test_every_quote_and_number_of_any_unicode_article_is_verbatim(text, language):
    result = _SUMMARIZER.summarize(Article(text=text, path="a.txt", language=language))
    sentences = {s.id: s for s in segment(text, language)}
    for event in result.events:
        for ev in event.evidence:
            assert ev.quote == sentences[ev.sentence_id].text  # the cited sentence, whole
            s = sentences[ev.sentence_id]
            assert text[s.start:s.end] == ev.quote  # at its place in the article, character for character
        evidence = " ".join(ev.quote for ev in event.evidence)
        assert all(n.text in evidence for n in event.numbers)
        assert {(n.text, n.value) for n in event.numbers} <= {
            (n.text, n.value) for ev in event.evidence for n in extract_numbers(ev.quote, language)}
    # And as the cache stores and returns it.
    assert ArticleResult.model_validate_json(result.model_dump_json()) == result


def test_a_cached_result_keeps_its_quotes_verbatim(tmp_path):
    text = "Le maire a déclaré lundi que 12 personnes ont été sauvées du café 👍🏽, selon la mairie.\r\n"
    result = _SUMMARIZER.summarize(Article(text=text, path="a.txt", language="fr"))
    assert result.events
    cache = ResultCache(tmp_path)
    cache.put("0" * 32, result)
    assert [ev.quote for e in cache.get("0" * 32).events for ev in e.evidence] == \
        ["Le maire a déclaré lundi que 12 personnes ont été sauvées du café 👍🏽, selon la mairie."]


def test_a_backslash_in_a_source_name_is_text_not_a_template():
    # Found by the property test above ("0 0 0 according to \\. "): the source name was used as a
    # replacement template, so a backslash in it raised re.error and the article failed.
    text = "They said the plant was shut on Monday, according to Mr \\1 Smith."
    result = _SUMMARIZER.summarize(Article(text=text, path="a.txt", language="en"))
    assert [ev.quote for e in result.events for ev in e.evidence] == [text]
