import pytest
from hypothesis import assume, given, settings
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


# Article-like text in any script: words of arbitrary Unicode (combining marks, emoji with skin tones and
# ZWJ sequences, right-to-left scripts and marks, NBSP, line and paragraph separators, CR), abbreviations
# and figures that challenge a sentence splitter, joined by spaces, sentence ends, LF and CRLF line breaks.
_ANY_CHAR = st.characters(codec="utf-8", exclude_categories=("Cs",))
_WORDS = st.one_of(
    st.text(alphabet=_ANY_CHAR, min_size=1, max_size=8),
    st.sampled_from([
        "Kyiv", "said", "officials", "the", "Zelensky", "Mr.", "U.S.", "e.g.", "3.5", "1,200", "...", "?!", "(", ")",
        "«", "»", "\u201c", "\u201d", "—", "Cafe\u0301", "Café", "👍🏽", "👨\u200d👩\u200d👧", "🇺🇦", "مرحبا", "שלום",
        "\u200f", "\u200e", "\u202b", "١٢٣", "İstanbul", "ß", "ﬁ", "\u00a0", "\u2028", "\u2029", "\u0085", "\r",
        "\t", "\x0b", "\ufeff", "\x1c", "\x1f", "1.", "2.", "(3)",
    ]),
)
_BREAKS = st.sampled_from(["", " ", " ", "  ", "\u00a0", ". ", "! ", "? ", ".\u00a0", "\u3002", "\u061f ", "\n", "\r\n",
                           "\n\n", "\r\n\r\n", ".\n", ".\r\n", " \n ", "\t"])
ARTICLE_TEXT = st.lists(st.tuples(_WORDS, _BREAKS), max_size=40).map(lambda xs: "".join(w + b for w, b in xs))


def _key(sentences):
    return [(s.id, s.paragraph, s.start, s.end, s.text, s.boilerplate) for s in sentences]


@settings(max_examples=200, deadline=None)
@given(ARTICLE_TEXT, st.sampled_from(["en", "de", "ru", "ar", "fa", "hi", "ja", "zh", "xx"]))  # xx: no rules
def test_article_text_in_any_script_segments_into_verbatim_ordered_spans_and_loses_nothing(text, language):
    sentences = segment(text, language)
    assert [s.id for s in sentences] == list(range(1, len(sentences) + 1))
    end = 0
    for s in sentences:
        assert text[s.start:s.end] == s.text  # the quote filled from this sentence is verbatim
        assert s.text and s.text == s.text.strip() and "\n" not in s.text
        assert s.start >= end  # in reading order, never overlapping
        end = s.end
    assert [s.paragraph for s in sentences] == sorted(s.paragraph for s in sentences)
    # Nothing but whitespace falls between the sentences: when the splitter alters a piece, the rest of
    # the paragraph is kept as one sentence (see `_split_paragraph`), never dropped.
    covered = [False] * len(text)
    for s in sentences:
        covered[s.start:s.end] = [True] * (s.end - s.start)
    assert "".join(c for c, inside in zip(text, covered, strict=True) if not inside).strip() == ""
    assert _key(segment(text, language)) == _key(sentences)  # same text, same ids


@settings(max_examples=200, deadline=None)
@given(ARTICLE_TEXT, ARTICLE_TEXT)
def test_a_paragraph_added_at_the_end_does_not_renumber_the_sentences_before_it(text, more):
    # Paragraphs are the lines, each split on its own, so text added after a line break leaves every
    # earlier sentence as it was. (Text appended to the last line itself may re-split that line: pysbd
    # reads the whole paragraph, e.g. "( Mr.. " then ") ".)
    before = segment(text)
    assert _key(segment(text + "\n" + more)[: len(before)]) == _key(before)


@settings(max_examples=200, deadline=None)
@given(ARTICLE_TEXT)
def test_crlf_and_lf_line_endings_give_the_same_sentences_and_ids(text):
    # The article id (and so the cache key) is the same whatever the line endings: a result cached for
    # one must have the same sentence ids and quotes as the other would.
    lf = text.replace("\r\n", "\n")
    crlf = lf.replace("\n", "\r\n")
    assert [(s.id, s.paragraph, s.text, s.boilerplate) for s in segment(crlf)] == \
        [(s.id, s.paragraph, s.text, s.boilerplate) for s in segment(lf)]


def test_information_separators_before_a_list_number_do_not_crash_the_segmenter():
    # pysbd's numbered-list rule int()s "\x1f2" (whitespace to its regex, not to int): ValueError, and the
    # article failed as an internal error. Its sentences are now found as with a space there.
    for sep in "\x1c\x1d\x1e\x1f":
        text = f"1. The first point, said the mayor. {sep}2. The second one."
        sentences = segment(text)
        assert [s.text for s in sentences] == [text[s.start:s.end] for s in sentences]
        assert [(s.start, s.end) for s in sentences] == [(s.start, s.end) for s in segment(text.replace(sep, " "))]
    assert [s.text for s in segment("0 0 \x1f0. ")] == ["0 0 \x1f0."]


def test_a_paragraph_the_segmenter_fails_on_is_kept_as_one_sentence(monkeypatch):
    class Broken:
        def segment(self, text):
            raise IndexError("list index out of range")

    monkeypatch.setattr("summarizer.segment._segmenter", lambda language: Broken())
    assert [(s.id, s.paragraph, s.text) for s in segment(" First one. Second one. \r\nNext line.")] == [
        (1, 1, "First one. Second one."), (2, 2, "Next line.")]


_PLAIN = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\n"), max_size=120)
_NEWSY = st.lists(st.sampled_from(["the", "governor", "said", ",", "“", "”", "\"", "'", "12,000", "Kyiv", "—",
                                   "(", "Харків", "  ", "\t", "\u00a0", "%", "-", "3", "Mr", "é"]),
                  max_size=30).map(" ".join)
# What pysbd reads specially, glued to words or not: words with an apostrophe inside, quotes, ";" and ":",
# every language's sentence punctuation, full-width brackets, pysbd's own markers, list and abbreviation bits.
_PYSBD_PIECES = st.lists(st.sampled_from([
    "Ukraine's", "Ukraine’s", "O‘Brien", "don't", "l'homme", "rock’n’roll", "donors'", "'tis", "'", "’", "‘",
    "Kyiv", "Bar", "the", "said", "I", "A", "x", "Co", "KG", "Mr", "U.S", "ii", "a", "1", "3", "1,200", "pm",
    " ", " ", " ", "  ", "\t", "\u00a0", ";", ":", ",", "-", "(", ")", "[", "]", "\"", "“", "”", "«", "»", ".",
    "!", "?", "…", "。", "．", "！", "？", "（", "）", "「", "」", "؟", "،", "۔", "։", "՜", "।", "|", "።", "፧", "။",
    "၏", "ȸ", "ȹ", "☉", "☈", "☇", "☄", "∯", "∮", "♨", "☝", "♟", "♝", "ǃ", "ƪ", "⁃", "☏", "⎋", "♬", "♭", "&",
    "&ᓴ&", "&⎋&", "&✂&", "&⌬&", "ᓰ", "ᓷ", "\r", "\u2028", "\x0c",
]), max_size=16).map("".join)
_PYSBD_LANGUAGES = ["am", "ar", "bg", "da", "de", "el", "en", "es", "fa", "fr", "hi", "hy", "it", "ja", "kk", "mr",
                    "my", "nl", "pl", "ru", "sk", "ur", "zh", "xx"]


@settings(max_examples=1000, deadline=None)
@given(st.one_of(_PLAIN, _NEWSY, _PYSBD_PIECES),
       st.sampled_from(["", ".", "!", "?", "”", "…", "。", "'", "’", ")", "ȸ", "|", "،", ";", ":"]),
       st.sampled_from(_PYSBD_LANGUAGES))
def test_the_one_sentence_shortcut_gives_what_the_segmenter_gives(text, end, language):
    from summarizer.segment import _one_sentence, _pysbd_spans, _split_paragraph

    para = text + end
    body = para.strip()
    assume(body and _one_sentence(body, language))  # a paragraph the shortcut takes
    assert _split_paragraph(para, language) == _pysbd_spans(para, language)


@pytest.mark.parametrize("para, language", [
    ("قال المسؤول، إن الهجوم وقع صباحا.", "ar"),  # the Arabic comma ends a sentence for pysbd
    ("राम घर गया | सीता आई।", "hi"), ("ab ። cd", "am"), ("یہ ایک ہے۔ وہ دو", "ur"), ("a b၏ c d", "my"), ("a ՜ b", "hy"),
    ("Ａ．Ｂ", "ja"), ("「abc」 Def.", "en"), ("（abc）Def.", "en"),  # full-width stops and brackets
    ("Foo a; Bar baz.", "el"), ("Foo a: Bar baz.", "hy"),  # ";" and ":" where they end sentences
    ("Foo -' Bar baz.", "en"), ("It is 'over' Now.", "en"),  # an apostrophe that closes a quotation
    ("ivȸ", "en"), ("aȹ", "it"),  # pysbd's markers, even last
])
def test_what_may_end_a_sentence_goes_to_the_segmenter(para, language):
    from summarizer.segment import _one_sentence, _pysbd_spans, _split_paragraph

    assert not _one_sentence(para.strip(), language)
    assert _split_paragraph(para, language) == _pysbd_spans(para, language)


def test_one_sentence_paragraphs_with_an_apostrophe_in_a_word_or_a_semicolon_skip_the_segmenter():
    from summarizer.segment import _one_sentence

    assert _one_sentence("Ukraine's general staff denied it; Russia’s army said nothing.", "en")
    assert not _one_sentence("Ukraine's general staff denied it; Russia’s army said nothing.", "el")


def test_semicolon_and_colon_end_sentences_where_pysbd_says_they_do():
    from pysbd.languages import LANGUAGE_CODES

    from summarizer.segment import _ENDS_WITH

    expected = {code: "".join(c for c in ";:" if c in lang.Punctuations) for code, lang in LANGUAGE_CODES.items()}
    assert _ENDS_WITH == {code: chars for code, chars in expected.items() if chars}


# A paragraph longer than the segmenter's window is read a window at a time (pysbd's time grows with the square
# of its text). On sentences whose quotations and asides close within them, each different (pysbd replaces a
# repeated one everywhere at once), the windows give what pysbd gives reading the paragraph whole.
_WORD = st.sampled_from(["the", "governor", "said", "Kyiv", "Mr.", "Dr.", "U.S.", "3.5", "1,200", "p.m.", "a.m.",
                         "e.g.", "etc.", "Jan.", "No.", "St.", "km", "Харків", "Ukraine's", "i.e.", "vs.", "Co.",
                         "Inc.", "...", "—", "a", "I", "Gen.", "approx.", "5", "ca.", "Nr.", "Sr.", "z.B."])
_WORDS = st.lists(_WORD, min_size=1, max_size=12).map(" ".join)
_ASIDE = st.tuples(st.sampled_from(["“", "\"", "«", "'", "("]), _WORDS, st.sampled_from([".", ",", "!", "?", ""]))
_SENTENCE = st.tuples(st.sampled_from(["The", "A", "Officials", "He", "In", "Russia", "Mr.", "1.", "Il", "Der"]),
                      _WORDS, st.one_of(st.none(), _ASIDE), _WORDS,
                      st.sampled_from([".", ".", "?", "!", "…", ".”", ":"]))
_CLOSE = {"“": "”", "\"": "\"", "«": "»", "'": "'", "(": ")"}


def _sentence(i: int, parts) -> str:
    opener, before, aside, after, end = parts
    text = f"{opener} {before}"
    if aside:
        mark, words, stop = aside
        tag = "q" + "".join("bcdfghjklm"[int(d)] for d in str(i)) + "x"  # a word of its own, no list number
        text += f" {mark}{words} {tag}{stop}{_CLOSE[mark]}"
    return f"“{text} {after}.”" if end == ".”" else f"{text} {after}{end}"


_LONG_PARAGRAPH = st.lists(_SENTENCE, min_size=10, max_size=40).map(
    lambda parts: " ".join(_sentence(i, p) for i, p in enumerate(parts)))


@settings(max_examples=80, deadline=None)
@given(_LONG_PARAGRAPH, st.sampled_from(["en", "de", "es", "fr", "ru"]))
def test_a_paragraph_read_window_by_window_segments_as_it_does_whole(para, language):
    from summarizer.segment import _pysbd_pieces, _pysbd_spans, _rejoin

    assume(len(para) > 900)
    whole = _rejoin(para, _pysbd_pieces(para, language))
    assert _pysbd_spans(para, language, window=900, margin=300) == whole


def test_a_sentence_longer_than_the_window_is_cut_at_a_space_and_joined_again():
    from summarizer.segment import WINDOW

    para = "Officials said " + "the long sentence goes on " * (2 * WINDOW // 26) + "until here. A short one."
    assert [s.text for s in segment(para)] == [para[:-len(" A short one.")], "A short one."]
    word = "x" * (WINDOW + 10) + ". Next one."  # no space to cut at: cut at the window's end, joined again
    assert [s.text for s in segment(word)] == ["x" * (WINDOW + 10) + ".", "Next one."]


def test_a_huge_paragraph_segments_into_verbatim_spans():
    base = ("In Sumy, the regional governor said 12 homes were damaged overnight. Repair crews worked through the "
            "day, Mr. Smith told reporters at 3 p.m. on Monday. \"We will rebuild,\" he said. ")
    text = base * 400  # 70 KB in one paragraph (its time: bench/segment.py)
    sentences = segment(text)
    assert len(sentences) == 3 * 400
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_articles_segmented_at_once_in_threads_get_their_own_sentences(monkeypatch):
    """A briefing summarises several articles at once; pysbd's Segmenter keeps the text it works on in the
    instance, and the segmenters are shared. Slowed down where pysbd reads that text back, two threads
    sharing one would get each other's spans."""
    import threading
    import time

    import pysbd
    from conftest import ARTICLES

    texts = [(ARTICLES / name).read_text(encoding="utf-8") for name in ("market_strike.txt", "remains_exchange.txt")]
    alone = [[(s.start, s.end) for s in segment(t)] for t in texts]
    real = pysbd.Segmenter.sentences_with_char_spans

    def slow(self, sentences):
        time.sleep(0.002)
        return real(self, sentences)

    monkeypatch.setattr(pysbd.Segmenter, "sentences_with_char_spans", slow)
    got: dict[int, list] = {0: [], 1: []}

    def work(i: int) -> None:
        for _ in range(3):
            got[i].append([(s.start, s.end) for s in segment(texts[i])])

    threads = [threading.Thread(target=work, args=(i,)) for i in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got[0] == [alone[0]] * 3 and got[1] == [alone[1]] * 3


def test_a_related_link_inside_the_story_does_not_end_it():
    """"Leia também" between two paragraphs of the story: the story goes on after it where a paragraph of full
    sentences follows (two or more, of prose length); teasers (short lines, no full stop) stay furniture."""
    text = ("A Petrobras negou a existência de irregularidade no contrato, segundo uma nota divulgada ontem.\n\n"
            "Leia também\n\n"
            "A estatal afirmou ainda que abriu procedimentos internos para investigar os contratos com a GDK. "
            "Nos casos em que foi considerado necessário, a empresa adotou medidas administrativas contra "
            "funcionários.\n\n"
            "Em nota, a GDK afirmou que mantém cláusula de confidencialidade com a Petrobras.\n")
    flagged = [s.boilerplate for s in segment(text, "pt")]
    assert flagged == [None, "related-articles heading", None, None, None]
    teasers = "Story sentence one. Story sentence two.\nRelated\nOther story headline\nAnother headline here\n"
    assert [s.boilerplate is not None for s in segment(teasers)] == [False, False, True, True, True]


@pytest.mark.parametrize("para, language, expected", [
    ("Drei Menschen starben, wie ein Sprecher mitteilte.Die Leichen wurden gefunden.", "de",
     ["Drei Menschen starben, wie ein Sprecher mitteilte.", "Die Leichen wurden gefunden."]),
    ("Rescue teams pulled 61 people out by nightfall.The Red Cross said 15 were missing.", "en",
     ["Rescue teams pulled 61 people out by nightfall.", "The Red Cross said 15 were missing."]),
    ("Il bilancio è salito a 12 morti.Secondo la Protezione civile i dispersi sono 3.", "it",
     ["Il bilancio è salito a 12 morti.", "Secondo la Protezione civile i dispersi sono 3."]),
    # a web address, an abbreviation of two letters: no sentence ends there
    ("Subscribe to Pravda.Ru Telegram channel! Read www.Example.Com today.", "en",
     ["Subscribe to Pravda.Ru Telegram channel!", "Read www.Example.Com today."]),
    ("He flew to St.Petersburg on Monday.", "en", ["He flew to St.Petersburg on Monday."]),
])
def test_sentences_that_lost_the_space_after_their_full_stop_are_two(para, language, expected):
    assert [s.text for s in segment(para, language)] == expected


@pytest.mark.parametrize(("text", "language", "count"), [
    ("Загинули 6 військових в с. Піски, ще троє поранені. Рятувальники працюють.", "uk", 2),
    ("Будинок на вул. Шевченка зруйновано. Мешканців евакуювали.", "uk", 2),
    ("В пос. Мирный вода затопила 120 домов. Эвакуация продолжается.", "ru", 2),
])
def test_a_short_word_with_its_stop_before_a_name_ends_no_sentence(text, language, count):
    sentences = segment(text, language)
    assert len(sentences) == count and sentences[0].text.endswith(".") and "." in sentences[0].text[:-1]


def test_a_site_s_name_is_not_cut_at_its_dot():
    sentences = segment("Подписывайтесь на Газету.Ru в MAX. Два человека погибли при пожаре.", "ru")
    assert [s.text for s in sentences] == ["Подписывайтесь на Газету.Ru в MAX.", "Два человека погибли при пожаре."]
