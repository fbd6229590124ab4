from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.segment import number_sentences, segment

TEXT = (
    "Headline about the exchange\n\n"
    "MOSCOW — Russia said on Sunday it returned 1,200 bodies. U.S. officials told Reuters it was 3.5 km away.\n"
    "A second paragraph. It has two sentences.\n"
)


def test_sentences_are_verbatim_spans_with_stable_ids():
    sentences = segment(TEXT)
    assert [s.text for s in sentences] == [
        "Headline about the exchange",
        "MOSCOW — Russia said on Sunday it returned 1,200 bodies.",
        "U.S. officials told Reuters it was 3.5 km away.",
        "A second paragraph.",
        "It has two sentences.",
    ]
    assert [s.id for s in sentences] == [1, 2, 3, 4, 5]
    assert [s.paragraph for s in sentences] == [1, 2, 2, 3, 3]
    for s in sentences:
        assert TEXT[s.start:s.end] == s.text
    assert segment(TEXT) == sentences  # deterministic


def test_numbered_form_keeps_paragraph_breaks_and_hides_boilerplate():
    text = "Story sentence one. Story sentence two.\nNext paragraph here.\nSubscribe\nRelated\nOther story headline"
    sentences = segment(text)
    assert number_sentences(sentences) == (
        "[1] Story sentence one.\n[2] Story sentence two.\n\n[3] Next paragraph here."
    )
    assert [s.boilerplate is not None for s in sentences] == [False, False, False, True, True, True]


def test_boilerplate_detection_on_a_fixture_article(article_path):
    text = article_path("remains_exchange.txt").read_text()
    flagged = {s.text: s.boilerplate for s in segment(text) if s.boilerplate}
    assert flagged == {
        "A volunteer loads boxes of aid onto a truck in Kharkiv, Ukraine, on Friday.": "photo caption",
        "(Photo: staff photographer)": "photo caption",
        "Related": "related-articles heading",
        "Kiev hosts donors' conference on reconstruction": "related-articles block",
        "Subscribe to our morning briefing": "related-articles block",
    }


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_any_unicode_text_segments_into_verbatim_spans(text):
    sentences = segment(text)
    for s in sentences:
        assert text[s.start:s.end] == s.text
        assert s.text.strip() == s.text and s.text
    assert [s.id for s in sentences] == list(range(1, len(sentences) + 1))
    assert [s.start for s in sentences] == sorted(s.start for s in sentences)


def test_text_addressed_to_ai_systems_is_never_shown_to_the_model(article_path):
    sentences = segment(article_path("injected_note.txt").read_text())
    flagged = [s for s in sentences if s.boilerplate]
    assert [s.text[:22] for s in flagged] == ["NOTE TO AI SUMMARISERS"]
    assert flagged[0].boilerplate == "instructions addressed to AI systems (prompt injection), ignored"
    assert "sabotage" not in number_sentences(sentences)
