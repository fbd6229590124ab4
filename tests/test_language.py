"""Language knowledge as data (`summarizer/languages/*.yaml`): page furniture, captions, verification notes and
sentence pieces, in every language the tool reads."""

import pytest

from summarizer.boilerplate import is_furniture
from summarizer.contests import is_note
from summarizer.read import headline_of
from summarizer.segment import segment


@pytest.mark.parametrize("line", [
    "Skip to main content", "Listen to this article (1 min)", "We use cookies to improve your experience.",
    "Subscribe for $1 a week to keep reading", "Shop the autumn sale: 30% off all jackets",
    "Zum Hauptinhalt springen", "Artikel anhören (2 Min.)", "Wir verwenden Cookies, um unser Angebot zu verbessern.",
    "Saltar al contenido principal", "Utilizamos cookies propias y de terceros.", "Suscríbase a nuestro boletín.",
    "Aller au contenu principal", "Écouter cet article (2 min)", "Abonnez-vous à notre newsletter.",
    "Ouça este conteúdo (2 min)", "Assine por R$ 1,90 no primeiro mês.", "Vai al contenuto principale",
    "Questo sito utilizza cookie tecnici.", "Перейти к основному содержанию", "Мы используем файлы cookie.",
    "Перейти до основного вмісту", "Ми використовуємо файли cookie, щоб покращити роботу сайту.",
    # free trials and appeals for support
    "E-Paper gratis testen Jetzt vier Wochen kostenlos lesen, das Test-Abo endet automatisch",
    "Mit nur 5,- Euro sind Sie dabei!", "Support independent journalism in Donetsk region: become a member",
    "Essai gratuit pendant 30 jours", "Prueba gratis durante un mes", "Prova gratis per 30 giorni",
    "Teste grátis por 7 dias", "Бесплатная пробная подписка на месяц",
    # a page's text-size control after a byline, a bare address
    "Giovanni Mourão Tamanho do texto", "Text size", "Schriftgröße", "https://p.dw.com/p/1EXqk",
    # a link to the wire's copy, navigation, a page's date and template lines, a breadcrumb, a channel promotion
    "Read it at Reuters", "Menu", "Navigation", "Latest News:", "UPDATED: Tuesday, 4 March, 2025",
    "{{#items}} {{/items}}", "World>>Asia Pacific", "Join our WhatsApp channel for breaking news!",
    # skip links, listed and numbered
    "1. Skip to content", "2. Skip to main menu", "3. Skip to more DW sites", "• Subscribe",
])
def test_page_furniture_of_every_language_is_furniture(line):
    assert is_furniture(line)


@pytest.mark.parametrize("line", [
    "The ministry said 19 people were killed.", "Laut dem Ministerium wurden 19 Menschen getötet.",
    "Le porte-conteneurs a été touché par un missile.", "По словам губернатора, погибли 19 человек.",
    "The council said the report was read at the meeting.", "Prices rose 3% > the target, the bank said.",
    "1. The ministry said 40 people died.", "Skipping meals is bad for you, doctors said.",
])
def test_story_sentences_are_not_furniture(line):
    assert not is_furniture(line)


def test_a_furniture_first_line_is_no_title():
    assert headline_of("Skip to main content\n\nStorm cancels island ferries for a second day\n\nText.") == \
        "Storm cancels island ferries for a second day"


def test_a_title_stands_past_section_labels_date_lines_and_one_teaser_sentence():
    page = ("Menu\n\nWorld\n\nMonday, 3 March 2025\n\n"
            "Flooding in the valley has cut off four villages, the regional governor says.\n\n"
            "Floods cut off four villages in the valley\n\nText.")
    assert headline_of(page) == "Floods cut off four villages in the valley"
    story = ("Flooding in the valley has cut off four villages, the governor says.\n\n"
             "Rescuers reached two of them by boat on Sunday.\n\nRoads remain closed\n\nText.")
    assert headline_of(story) is None  # two sentences: the story has begun, a subheading is no title


def test_a_caption_or_a_quoted_sentence_is_no_title():
    caption = ("Vendors in the Old City on March 6, 2025. (Photo by Name / AFP)\n\n"
               "The military said a blast near the Old City was caused by a missile.\n\nText.")
    assert headline_of(caption) is None
    assert headline_of('An opposition leader rejected the results over accusations of "gross fraud."\n\nText.') \
        is None
    assert headline_of("Opposition rejects Comoros vote over \"fraud\"\n\nText.") == \
        'Opposition rejects Comoros vote over "fraud"'


def test_a_short_paragraph_before_a_photo_credit_line_is_its_caption():
    text = ("Die Armee meldet Geländegewinne.\n\nRussische Artillerie im Gebiet Donezk.\n\n"
            "(Foto: Verteidigungsministerium/dpa)\n\nDer Generalstab wies die Darstellung zurück.\n")
    reasons = {s.text: s.boilerplate for s in segment(text, "de")}
    assert reasons["Russische Artillerie im Gebiet Donezk."] == "photo caption"
    assert reasons["(Foto: Verteidigungsministerium/dpa)"] == "photo caption"
    assert reasons["Der Generalstab wies die Darstellung zurück."] is None


def test_a_piece_starting_in_lower_case_belongs_to_the_sentence_before():
    pieces = [s.text for s in segment("Українська сторона оцінює цей обсяг у 740 тис. тонн, заявив він. Все.", "uk")]
    assert pieces == ["Українська сторона оцінює цей обсяг у 740 тис. тонн, заявив він.", "Все."]
    assert [s.text for s in segment("Es kamen ca. 30 Menschen. Dann ging er.", "de")] == \
        ["Es kamen ca. 30 Menschen.", "Dann ging er."]


@pytest.mark.parametrize("language, note", [
    ("en", "The two accounts could not be independently verified."),
    ("en", "The agency was unable to verify the claims."),
    ("en", "Neither account could be independently verified."),
    ("de", "Die Angaben ließen sich nicht unabhängig überprüfen."),
    ("de", "Die Angaben liessen sich zunächst nicht unabhängig überprüfen."),
    ("es", "Ninguna de las dos versiones pudo ser verificada de forma independiente."),
    ("fr", "Ces affirmations n'ont pas pu être vérifiées de manière indépendante."),
    ("pt", "As duas versões não puderam ser confirmadas de forma independente."),
    ("it", "I dati non hanno potuto essere verificati in modo indipendente."),
    ("ru", "Эти данные не удалось независимо проверить."),
    ("uk", "Ці цифри не вдалося незалежно перевірити."),
])
def test_a_verification_note_is_one_in_every_language(language, note):
    assert is_note(note, language)
    assert not is_note("Police said 12 miners were arrested.", language)


NEEDED = {"speech": "[said]", "denial": "[denied]", "verification": "['could not be verified']",
          "earlier_claims": "[claims]", "quantities": "{dead: [dead], injured: [injured]}"}


@pytest.mark.parametrize(("changed", "key"), [
    ({"speech": None, "denial": None}, "speech or denial"), ({"verification": None}, "verification"),
    ({"earlier_claims": None}, "earlier_claims"),
    ({"quantities": "{dead: [], injured: [injured]}"}, "quantities: dead"),  # a quantity with no words
])
def test_a_language_file_without_words_the_rules_need_fails_when_it_is_loaded(tmp_path, monkeypatch, changed, key):
    import summarizer.language as language

    def write(keys):
        text = "".join(f"{k}: {v}\n" for k, v in keys.items() if v is not None)
        (tmp_path / "xx.yaml").write_text(text, encoding="utf-8")

    monkeypatch.setattr(language, "_FOLDER", tmp_path)
    monkeypatch.setattr(language, "supported", lambda: ("xx",))
    write(NEEDED)  # `__wrapped__`: not the cached `lexicon`, so that the real languages' stay as they are
    assert language.lexicon.__wrapped__("xx").code == "xx"
    write(NEEDED | changed)
    with pytest.raises(ValueError, match=f"xx.yaml has no {key}$"):
        language.lexicon.__wrapped__("xx")


@pytest.mark.parametrize("line, dated", [
    ("Андрій Пробитюк8 лютого 2015 р.", True), ("11 апр 2014, 12:49", True), ("06-June-2019", True),
    ("16 dicembre 2021 a", True), ("Kyiv, 12 May 2024", True), ("12.05.2024", True),
    ("Putin met Xi 12 May 2024", False), ("On 12 May 2024 the army said 40 died.", False),
    ("a" * 3000, False),  # (a long line is read at once: no backtracking)
])
def test_a_line_that_is_only_a_date_after_a_byline_is_furniture(line, dated):
    from summarizer.boilerplate import is_date_line

    assert is_date_line(line) is dated


def test_a_caption_with_its_credit_run_into_it_is_a_caption():
    from summarizer.boilerplate import is_caption

    assert is_caption("Руйнування у ДонецькуФото: Menahem KahanaAFP/Getty Images")
    assert not is_caption("The minister said the photo: it was fake and 3 people died in a sentence long enough.")


def test_a_sentence_the_page_gives_again_is_told_once():
    text = ("Unions say 80 per cent of oil workers joined the strike on Monday.\n\n"
            "Support our journalism: donate today.\n\n"
            "Unions say 80 per cent of oil workers joined the strike on Monday.\n\nRead more.\n\nRead more.\n")
    reasons = [s.boilerplate for s in segment(text, "en")]
    assert reasons[0] is None and reasons[2] == "a sentence the page repeats"
    assert reasons[3] == reasons[4]  # a short line given twice is what it is, not a repeated story sentence


def test_a_quantity_word_marked_whole_is_no_word_beginning():
    from summarizer.contests import quantities
    from summarizer.language import lexicon

    fr, ru = lexicon("fr"), lexicon("ru")
    assert quantities("Le taux de ponctualité s'établit à 89 % sur la même période.", fr, "fr") == {"on_time": {89.0}}
    assert quantities("Douze marins ont péri, 12 au total.", fr, "fr").get("dead") == {12.0}
    assert "dead" not in quantities("Телеканал показал 5 сюжетов о наводнении.", ru, "ru")
    assert quantities("Найдены тела 5 человек.", ru, "ru") == {"dead": {5.0}}
