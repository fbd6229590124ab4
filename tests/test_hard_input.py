"""Hard input: a 25,000-word article, a foreign one, a page of boilerplate, answers that never validate."""

import json

import pytest

from summarizer.compose import compose
from summarizer.errors import LLMError
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


SPANISH = {  # the model's English for the fixture's sentences
    2: "About 1,200 dockers began a 48-hour strike at the port of Valencia on Monday, according to the union.",
    3: "The port authority said 14 ships were waiting to berth and put the losses at 3 million euros a day.",
    4: "The union denied that the strike put the supply of medicines at risk.",
}


def _spanish_answer(body):
    schema = body["response_format"]["json_schema"]["schema"]
    assert "english" in schema["$defs"]["EventDraft"]["required"]
    out = {"boilerplate": []}
    for key in schema["properties"]:
        if key != "boilerplate":
            english = SPANISH.get(int(key), "El puerto movió 5,4 millones de contenedores.")  # a copy, not English
            source = {2: "the Coordinadora union", 3: "the port authority", 4: "the union"}.get(int(key), "the outlet")
            out[key] = {"english": english, "source": source, "cue": "said" if int(key) in SPANISH else "",
                        "source_type": "outlet" if source == "the outlet" else "official", "contests": []}
    return json.dumps(out)


def test_a_foreign_article_gets_english_records_and_verbatim_original_evidence(article_path):
    path = article_path("spanish_port.txt")
    text = open(path, encoding="utf-8").read()
    fake = FakeTransport(responder=_spanish_answer)
    result = Summarizer(LLMSettings.resolve(env={}, digest="composed"), transport=fake).summarize_file(path)
    assert result.article.language == "es"
    assert "english" in fake.requests[0]["messages"][-1]["content"]  # the prompt asks for the English
    by_sentence = {e.evidence[0].sentence_id: e for e in result.events}
    assert by_sentence[3].summary.startswith("The port authority said 14 ships")
    assert by_sentence[4].status == "claimed" and by_sentence[4].attribution.cue == "negó"  # the sentence's word
    for e in result.events:
        assert all(ev.quote in text for ev in e.evidence)  # evidence stays Spanish, verbatim
    assert [n.text for n in by_sentence[2].numbers] == ["1.200", "48"]  # numbers as written in the original
    copied = [e for sid, e in by_sentence.items() if sid not in SPANISH]
    assert copied and all(e.summary == e.evidence[0].quote for e in copied)  # a copy is not taken for English
    assert result.digest.text.startswith("About 1,200 dockers began a 48-hour strike")


def test_a_page_that_is_nearly_all_boilerplate_gives_its_few_events_and_no_furniture(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("Subscribe to our newsletter\nAdvertisement\n"
                    "Flooding closed the coastal road near Odesa on Monday, the regional emergency service said.\n"
                    "Share this article\nLEAVE A REPLY\nPlease enter your comment!\nSign up for our daily briefing\n"
                    "Related\nFloods in Mykolaiv: what we know so far\nThe week in pictures\n", encoding="utf-8")
    fake = FakeTransport(responder=outlet_records_answer)
    result = Summarizer(LLMSettings.resolve(env={}, digest="composed"), transport=fake).summarize_file(str(path))
    assert [e.evidence[0].quote for e in result.events] == [
        "Flooding closed the coastal road near Odesa on Monday, the regional emergency service said."]
    said = " ".join([result.article.title or "", result.digest.text, *(e.summary for e in result.events)])
    assert not any(w in said for w in ("Subscribe", "REPLY", "comment", "Share", "Sign up", "Advert", "Mykolaiv"))
    assert len(result.dropped) == 9


def test_answers_that_never_validate_are_an_error_not_an_empty_result(article_path):
    bad = json.dumps({"2": {"source": "", "cue": "", "source_type": "nobody", "contests": []}})
    fake = FakeTransport(bad, bad, bad)
    summarizer = Summarizer(LLMSettings.resolve(env={}, digest="composed"), transport=fake)
    with pytest.raises(LLMError, match=r"never validated \(3 tries\)"):
        summarizer.summarize_file(article_path("grid_repairs.txt"))


def test_a_confirmation_the_filters_miss_is_one_more_claim_and_upgrades_nothing(tmp_path):
    path = tmp_path / "bridge.txt"
    path.write_text("Separatist commanders said their fighters had destroyed a bridge near Izium.\n"
                    "The claim could not be independently verified.\n"
                    "International observers have since confirmed the separatist account in full.\n", encoding="utf-8")
    answer = json.dumps({"1": {"source": "separatist commanders", "cue": "said", "source_type": "official",
                               "contests": []},
                         "3": {"source": "the outlet", "cue": "", "source_type": "outlet", "contests": [1]},
                         "boilerplate": []})
    fake = FakeTransport(answer)
    result = Summarizer(LLMSettings.resolve(env={}, digest="composed"), transport=fake).summarize_file(str(path))
    claim, confirmation = result.events
    assert claim.status == "unverified" and claim.contradicted_by == []  # the article's own note decides
    assert confirmation.attribution.source == "International observers" and confirmation.status == "claimed"
    told, _ = compose(result.events, "en", story_words=300)  # room for every record
    assert "International observers" in told.text  # said by whom, never as the outlet's fact


def test_template_syntax_in_an_article_reaches_the_model_verbatim_and_is_quoted_verbatim(tmp_path):
    # instructor renders messages as Jinja templates when it is handed a validation context; an article is
    # never a template: "{{ 7 * 7 }}" must not become 49, "{%" must not crash, indentation must not be cut.
    lines = ["    Officials said {{ 7 * 7 }} homes in Sumy lost power on Monday.",
             "    The governor said {% if true %}repairs{% endif %} would take a week.",
             "    A spokesman said {# twelve #} crews were at work and {% raw %} was a typo."]
    path = tmp_path / "templated.txt"
    path.write_text("Power cut in Sumy\n\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
    fake = FakeTransport(responder=outlet_records_answer)
    result = Summarizer(LLMSettings.resolve(env={}, digest="composed"), transport=fake).summarize_file(str(path))
    prompt = "\n".join(m["content"] for m in fake.requests[0]["messages"])
    for line in lines:
        assert line.strip() in prompt
    assert "49 homes" not in prompt
    assert sorted(e.evidence[0].quote for e in result.events) == sorted(line.strip() for line in lines)


def test_a_spanish_records_figures_have_the_values_the_article_means(article_path):
    # "1.200" is 1200 in Spanish (not 1.2), "5,4 millones" is 5,400,000; the text stays as written.
    path = article_path("spanish_port.txt")
    text = open(path, encoding="utf-8").read()
    fake = FakeTransport(responder=outlet_records_answer)
    result = Summarizer(LLMSettings.resolve(env={}, digest="composed"), transport=fake).summarize_file(path)
    numbers = {n.text: (n.value, n.unit) for e in result.events for n in e.numbers}
    assert numbers == {"1.200": (1200.0, "estibadores"), "48": (48.0, "horas"), "14": (14.0, "buques"),
                       "3 millones": (3_000_000.0, "EUR"), "60 por ciento": (60.0, "%"),
                       "5,4 millones": (5_400_000.0, "contenedores")}
    assert all(n in text for n in numbers)
    # A storyline compares figures by value: the Spanish 1.200 and an English 1,200 are one figure.
    english = Summarizer(LLMSettings.resolve(env={}, digest="composed"), transport=fake).summarize_text(
        "Strike at Valencia port\n\nAbout 1,200 dockers began a 48-hour strike at the port of Valencia, "
        "the union said.")
    assert {n.value for e in english.events for n in e.numbers if n.text == "1,200"} == {
        n.value for e in result.events for n in e.numbers if n.text == "1.200"} == {1200.0}


def test_an_english_digest_gives_a_spanish_records_1200_as_1_200(article_path):
    sentence = ("About 1,200 dockers began a 48-hour strike at the port of Valencia, "
                "according to the Coordinadora union.")

    def answer(body):
        schema = body["response_format"]["json_schema"]["schema"]
        if "sentences" in schema["properties"]:
            return json.dumps({"sentences": [{"text": sentence, "event_ids": ["e1"]}]})
        return _spanish_answer(body)

    fake = FakeTransport(responder=answer)
    result = Summarizer(LLMSettings.resolve(env={}, digest="model"), transport=fake).summarize_file(
        article_path("spanish_port.txt"))
    assert [n.text for n in result.events[0].numbers] == ["1.200", "48"]
    assert result.digest.text == sentence  # "1,200" is the record's "1.200": accepted without a re-ask
    assert result.usage.llm_calls == 2 and not [d for d in result.dropped if d.stage == "digest"]
