"""Speakers presented before their quotations with no verb of saying (`summarizer.presented`), and the records
of the bare quotations after them."""

import pytest

from summarizer.extract import candidates, resolve_source
from summarizer.presented import bare_quotation, colon_presented, presented_speaker
from summarizer.segment import segment


@pytest.mark.parametrize(("sentence", "language", "speaker"), [
    ("Il primo a parlare è stato il sindaco di Senigallia, Marco Ricci.", "it",
     "il sindaco di Senigallia, Marco Ricci"),
    ("In un primo momento, infatti, il primo a parlare era stato il ministro Salvini.", "it", "il ministro Salvini"),
    ("Quindi il ministro dell'Interno, Matteo Piantedosi.", "it", "il ministro dell'Interno, Matteo Piantedosi"),
    ("El primero en comparecer fue el alcalde, Sergio Parra.", "es", "el alcalde, Sergio Parra"),
    ("Por último, la consejera de Medio Ambiente, Elena Vidal.", "es",
     "la consejera de Medio Ambiente, Elena Vidal"),
    ("Puis ce fut au tour du préfet de police, Antoine Duval.", "fr", "préfet de police, Antoine Duval"),
    ("Em seguida, o comandante dos bombeiros, coronel Marcos Lima.", "pt",
     "o comandante dos bombeiros, coronel Marcos Lima"),
    ("First to the microphones was the city's fire chief, Dana Ortiz.", "en", "the city's fire chief, Dana Ortiz"),
    ("Первым к журналистам вышел мэр города Игорь Седов.", "ru", "мэр города Игорь Седов"),
    ("Затем — начальник областного управления МЧС Сергей Лапин.", "ru",
     "начальник областного управления МЧС Сергей Лапин"),
    # the name first, its title after it
    ("Alle parole del prefetto hanno fatto seguito quelle di Fabrizio Curcio, capo della Protezione civile", "it",
     "Fabrizio Curcio, capo della Protezione civile"),
])
def test_a_sentence_presents_the_speaker_it_ends_with(sentence, language, speaker):
    assert presented_speaker(sentence, language) == speaker


@pytest.mark.parametrize(("sentence", "language"), [
    ("The flood hit the mayor's office in Derna.", "en"),  # a place at the end, no one's name
    ("Police arrested two men near Leeds.", "en"),
    ("The mayor said the dam held, according to Tom Reyes.", "en"),  # it attributes: no presentation
    ("Il sindaco Marco Ricci ha contato 4 dispersi.", "it"),  # a figure: a statement of its own
    ("«I dispersi sono 4».", "it"),  # a quotation presents no one
])
def test_a_sentence_that_presents_no_one(sentence, language):
    assert presented_speaker(sentence, language) is None


def test_a_colon_presents_the_speaker_of_the_bare_quotation_after_it():
    assert colon_presented("Le siguió el portavoz de la Guardia Civil, el teniente Andrés Molina: «Los desalojados "
                           "fueron 120, no 300».", "es") == "el portavoz de la Guardia Civil, el teniente Andrés Molina"
    assert colon_presented("Then came the sheriff, Paul Grady: a long silence.", "en") is None  # no quotation
    assert bare_quotation("«Al momento risultano 2 dispersi, non 4».")
    assert not bare_quotation("«Al momento risultano 2 dispersi», ha detto.")


TEXT = ("Alluvione a Senigallia\n\nResta incerto il numero dei dispersi dopo l'alluvione di Senigallia. Il primo "
        "a parlare è stato il sindaco di Senigallia, Marco Ricci. «I dispersi sono 4, tra cui un bambino». «Le "
        "squadre lavorano senza sosta».\n\nPoco dopo è intervenuta la prefetta di Ancona, Laura Gatti. «Al momento "
        "risultano 2 dispersi, non 4».\n\nIl fiume Misa è esondato poco dopo la mezzanotte.")


def test_the_bare_quotations_are_records_of_the_presented_speakers():
    sentences = segment(TEXT, "it")
    story = {s.id: s for s in sentences}
    quotes = [s.id for s in sentences if bare_quotation(s.text)]
    assert set(quotes) <= set(candidates(sentences, {1}, language="it"))
    speakers = {sid: resolve_source(sid, "the outlet", "outlet", story, "it").source for sid in quotes}
    assert list(speakers.values()) == ["il sindaco di Senigallia, Marco Ricci"] * 2 + [
        "la prefetta di Ancona, Laura Gatti"]
    # the outlet's own sentence after them stays the outlet's
    last = max(story)
    assert resolve_source(last, "the outlet", "outlet", story, "it").source == "the outlet"
