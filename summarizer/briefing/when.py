"""When an article's event happened, as its headline and lead sentence date it.

Two reports of one event date it alike, or one of them does not date it. A follow-up dates itself to another
day than the report it follows: "A magnitude 4.8 aftershock shook Van on Wednesday" against "an earthquake
struck Van late on Monday"; "unions said on Wednesday they would stop work again on Friday" against "a strike
shut the port on Tuesday". The merge sets such reports apart (`MergeIndex.distances`), as it does reports
placed in two places.

What dates an event: a day of the week (`days` in the language files, Monday to Sunday) and a date, a day
number with a month (`months`: "22 July", "July 22", "3 de agosto", "22 июля"). A day named as another
event's ("Monday's earthquake") is not the article's own, unless the sentence updates that event's count
("the death toll from Monday's earthquake rose to 94": `toll_updates` in the language files). Relative days
("yesterday", "hier", "вчера") are not read: they depend on the day of writing, which an article seldom gives.
"""

from __future__ import annotations

import re

DATE_SLACK = 1  # days between two dates that may be one event's: a report dated the next day, a time zone
_POSSESSIVE = re.compile(r"\w*['’]s\b")  # "Monday's earthquake": another event's day
_DAY_BEFORE = re.compile(r"(?<!\d)(\d{1,2})(?:\.|er|º|st|nd|rd|th)?\s+$")  # "22 ", "1er ", "6. "
_DAY_AFTER = re.compile(r"\s+(\d{1,2})(?!\d)")  # " 22"


def event_days(text: str, language: str | None) -> frozenset[str]:
    """The days of the week ("d0" is Monday) and the dates ("m6-22" is 22 July) that `text` dates its event to,
    read with `language`'s names; none where its file does not list all seven days and twelve months."""
    from summarizer.language import lexicon

    lex = lexicon(language)
    update = lex.toll_updates is not None and lex.toll_updates.search(text) is not None
    out = set()
    for n, pattern in enumerate(lex.weekdays):
        out |= {f"d{n}" for m in pattern.finditer(text) if update or not _POSSESSIVE.match(text, m.end())}
    for n, pattern in enumerate(lex.month_names):
        for m in pattern.finditer(text):
            day = _DAY_BEFORE.search(text, 0, m.start()) or _DAY_AFTER.match(text, m.end())
            if day and 1 <= int(day.group(1)) <= 31:
                out.add(f"m{n}-{int(day.group(1))}")
    return frozenset(out)


def _ordinal(date: str) -> int:
    month, day = date[1:].split("-")
    return int(month) * 31 + int(day)


def one_time(a: frozenset[str], b: frozenset[str]) -> bool:
    """May two articles dated `a` and `b` (`event_days`) report one event: they name a common day of the week
    where both name one, and dates at most DATE_SLACK days apart where both give one?"""
    days_a, days_b = {d for d in a if d[0] == "d"}, {d for d in b if d[0] == "d"}
    dates_a, dates_b = [_ordinal(d) for d in a if d[0] == "m"], [_ordinal(d) for d in b if d[0] == "m"]
    if days_a and days_b and not days_a & days_b:
        return False
    return not (dates_a and dates_b and all(abs(x - y) > DATE_SLACK for x in dates_a for y in dates_b))
