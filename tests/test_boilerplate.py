"""The injection prefilter's reading of regular expressions (`boilerplate._required_words`).

It reads a pattern with CPython's private parser (`re._parser`) and opcodes (`re._constants`): Python has no
public way to do it. These tests fail when a Python version moves or reshapes what it reads, rather than let the
prefilter quietly search every pattern in every sentence (a failure it survives, slower) or, worse, read other
words than the pattern needs (injected lines whose words it missed would reach the model).
"""

import re

import pytest

from summarizer.boilerplate import _CHAT_TOKENS, _INJECTION, _required_words
from summarizer.language import injection

OPCODES = ("LITERAL", "SUBPATTERN", "ATOMIC_GROUP", "BRANCH", "MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


def test_the_private_parser_still_has_the_shape_the_prefilter_reads():
    from re import _constants as sre  # noqa: PLC2701
    from re import _parser as parser

    assert all(hasattr(sre, name) for name in OPCODES), [name for name in OPCODES if not hasattr(sre, name)]
    # a parsed pattern is a sequence of (opcode, value); a literal's value is its code point
    assert [(op, value) for op, value in parser.parse("ab", 0)] == [(sre.LITERAL, 97), (sre.LITERAL, 98)]
    # a group: its items last in the value; a branch: (None, [items of each alternative]); an atomic group:
    # its items; a repeat: (min, max, items)
    (op, value), = parser.parse("(ab)", 0)
    assert op is sre.SUBPATTERN and list(value[-1]) == [(sre.LITERAL, 97), (sre.LITERAL, 98)]
    (op, value), = parser.parse("(?:ab|c)", 0)
    assert op is sre.BRANCH and value[0] is None and [list(b) for b in value[1]] == [
        [(sre.LITERAL, 97), (sre.LITERAL, 98)], [(sre.LITERAL, 99)]]
    (op, value), = parser.parse("(?>ab)", 0)
    assert op is sre.ATOMIC_GROUP and list(value) == [(sre.LITERAL, 97), (sre.LITERAL, 98)]
    for pattern, repeat in (("(?:ab){2,3}", sre.MAX_REPEAT), ("(?:ab){2,3}?", sre.MIN_REPEAT),
                            ("(?:ab){2,3}+", sre.POSSESSIVE_REPEAT)):
        (op, value), = parser.parse(pattern, 0)
        assert op is repeat and value[:2] == (2, 3) and list(value[2]) == [(sre.LITERAL, 97), (sre.LITERAL, 98)]


@pytest.mark.parametrize(("pattern", "words"), [
    (r"ignore previous", {"ignore previous"}),  # a run of literal characters
    (r"IGNORE\s+all", {"ignore"}),  # lower-cased; of the runs every match has, the one with the longest word
    (r"ab[cd]ef", {"ab"}),  # a set of characters ends a run (a tie: the first)
    (r"x(note)y", {"note"}),  # a group
    (r"(?>assistant)\b", {"assistant"}),  # an atomic group
    (r"(?:system|user):", {"system", "user"}),  # alternatives: one of them
    (r"(?:system|u):", None),  # an alternative with no word of two letters: no word is needed
    (r"(?:model)+", {"model"}), (r"(?:model)+?", {"model"}), (r"(?:model)++", {"model"}),  # at least once
    (r"(?:model)*x", None), (r"(?:model)?x", None),  # maybe never
    (r"\w+", None),
])
def test_the_words_a_pattern_needs_are_read_from_it(pattern, words):
    assert _required_words(re.compile(pattern)) == (None if words is None else frozenset(words))


def test_every_injection_pattern_has_words_to_look_for():
    """None would mean the pattern is searched in every sentence: the parser failed on it."""
    patterns = [_INJECTION, re.compile(_CHAT_TOKENS, re.IGNORECASE), *injection()]
    assert [p.pattern for p in patterns if not _required_words(p)] == []


@pytest.mark.parametrize("language, line, caption", [
    ("es", "Vecinos achican agua de un bajo en Javalí Nuevo. / JUAN CARLOS CAVAL (EFE)",
     "Vecinos achican agua de un bajo en Javalí Nuevo."),
    ("pt", "Bombeiros procuram vítimas em encosta no Recife. Foto: Marlon Costa/Folhapress",
     "Bombeiros procuram vítimas em encosta no Recife."),
    ("en", "Firefighters battle the flames near Varnavas on Sunday. Photo: Reuters/Louiza Vradi",
     "Firefighters battle the flames near Varnavas on Sunday."),
    ("fr", "Un arbre tombé sur une voiture à Brest, jeudi matin. ©AFP",
     "Un arbre tombé sur une voiture à Brest, jeudi matin."),
])
def test_a_caption_and_its_credit_on_one_line_are_both_furniture(language, line, caption):
    from summarizer.segment import segment
    text = f"A title of the story\n{line}\n\nThe story's first sentence tells what happened on Sunday.\n"
    sentences = segment(text, language)
    assert all(s.boilerplate for s in sentences if s.paragraph == 2)  # the credit: furniture or a caption
    assert [s.boilerplate for s in sentences if s.text == caption] == ["photo caption"]
    assert sentences[0].boilerplate is None and sentences[-1].boilerplate is None  # the title, the story


def test_a_story_line_with_a_capitalised_name_in_brackets_is_no_credit():
    from summarizer.boilerplate import is_credit
    assert not is_credit("The figure was confirmed by the World Health Organization (WHO).")
    assert not is_credit("/ el portavoz (EFE) dijo que no")
    assert is_credit("© Reuters") and is_credit("Bild: dpa")


@pytest.mark.parametrize(("line", "furniture"), [
    ("Découvrez une collection de montres d'exception et devenez le propriétaire de l'une d'entre elles.", True),
    ("1 Подписывайтесь на Газету.Ru в MAX Все ключевые события — в нашем канале.", True),
    ("Підписуйтесь на наш Telegram-канал", True),
    ("Discover our new range of offers.", True),
    ("Die Polizei entdeckte eine Leiche im Keller.", False),
    ("Les enquêteurs ont découvert une cache d'armes.", False),
])
def test_a_promotion_or_a_prompt_to_subscribe_is_furniture_in_every_language(line, furniture):
    from summarizer.boilerplate import is_furniture

    assert is_furniture(line) is furniture
