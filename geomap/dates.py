"""Date each event sentence: its most precise date, written out or relative, else the publication date.

Pure regex work, because it runs on every event sentence of large corpora; dateparser is
not used here, and cheap substring tests skip the expressions in sentences they cannot match.
Every rule returns an ISO-8601 ``YYYY-MM-DD`` string plus a precision: a month-precision date
is the first of the month, a year-precision date the first of January. Nothing is invented:
without a publication date, phrases that need one ("on Monday", "yesterday", "on January 11")
give no date.

Decisions (the brief left them open):

* The most precise date of a sentence dates it, whether written out or relative: in "the
  town, taken in 2016, was shelled on Monday" or "after clashes last month, jets struck on
  Monday" the year and the month are background to the day. Between dates of the same
  precision an explicit one beats a relative one, and the leftmost wins among each kind.
* A sentence that states different days for different places ("jets struck Kafr Nabl on
  Monday, and shelling hit Hass on Tuesday") gives each clause its own day
  (:func:`date_clauses`); where no clause break separates the days, the sentence keeps one.
* The day something was said ("the monitor said on Sunday that jets struck on Saturday")
  yields to any other day the sentence names; without one it dates the sentence, before a
  month or a year, which are mostly background ("after clashes last month, jets struck the
  town, a monitor said on Sunday").
* A date after "since" ("killed since March 2011", "fighting since Tuesday") starts a period
  that runs up to the report, so it dates nothing; the sentence takes another date or the
  publication date.
* "on Monday" / "Monday" is the most recent Monday *on or before* the publication date:
  wire copy (AP/Reuters style) names the weekday even for the day of publication, so the
  same day counts. "last Monday" is strictly before it. (On the FA-KES development half, of
  239 articles whose first weekday was the publication weekday, 173 had the publication day
  as annotated event date and none the week before.) "Monday's raid" is Monday, also without
  its apostrophe ("Mondays raid", as scraped copy often has it). "On Mondays" (a habit), "the
  first Monday in March" (counted in a month) and a Monday still to come ("next Monday",
  "talks will resume on Monday") date nothing.
* "last week" is the publication date minus 7 days, precision "day", and the reason says
  it is approximate. "N weeks ago" works the same way.
* "on January 11" without a year takes the most recent January 11 not after the
  publication date (so a January article about "December 30" gets the previous year);
  one still to come ("talks will resume on January 20", "elections scheduled for March")
  dates nothing.
* Numeric dates: ``2018-01-11`` always; ``11.01.2018`` and ``11-01-2018`` are read day
  first (dots and dashes are day-first conventions); ``11/01/2018`` when unambiguous (one part
  above 12, or both equal), or as the text's unambiguous slash dates are written (a report's
  table writes them all alike).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

import ahocorasick

from .names import ARTICLES

__all__ = ["CLOCK_TIME", "EventDate", "date_clauses", "date_event", "iter_full_dates", "latest_told_day", "slash_dates_day_first", "MONTHS"]

Precision = Literal["day", "month", "year"]
Source = Literal["sentence", "relative", "published"]


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened, how precisely, where that came from, and why."""

    date: str | None
    precision: Precision | None
    source: Source | None
    reason: str
    #: The day something was said ("a monitor said on Sunday"), dating a sentence that names no
    #: other: not a day the story goes on from.
    said: bool = False
    #: A day or month written without its year, which the publication date gave ("On 7 April").
    year_assumed: bool = False


#: Month names and abbreviations (lower case) → month number.
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
    # Arabic: the Levantine names Syrian media use, and the ones from the Latin names used further
    # west, with and without the hamza Arabic news often leaves out ("15 آذار 2024", "3 أيار").
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "اذار": 3, "نيسان": 4, "أيار": 5, "ايار": 5, "حزيران": 6,
    "تموز": 7, "آب": 8, "أيلول": 9, "ايلول": 9, "تشرين الأول": 10, "تشرين الاول": 10, "تشرين الثاني": 11,
    "كانون الأول": 12, "كانون الاول": 12,
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
    "يوليو": 7, "يوليه": 7, "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11,
    "ديسمبر": 12,
}  # fmt: skip
#: A clock time ("08:58", "8.58"): what opens an alert channel's or a live blog's items.
CLOCK_TIME = r"(?:[01]?\d|2[0-3])[:.][0-5]\d"
#: Eastern Arabic and Persian digits, read as the digits they are ("١٥ آذار ٢٠٢٤").
_EASTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

_WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
    # Arabic, with and without the hamza Arabic news often leaves out
    "الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الاربعاء": 2, "الخميس": 3,
    "الجمعة": 4, "السبت": 5, "الأحد": 6, "الاحد": 6,
}  # fmt: skip
#: "Yesterday" in Arabic.
_ARABIC_YESTERDAY = ("أمس", "امس")
#: Arabic "today" ("صباح اليوم", this morning; "فجر اليوم", at dawn today); not "اليوم التالي", the next day.
_ARABIC_TODAY = "اليوم"

_NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}  # fmt: skip


def _by_stem(names: list[str]) -> str:
    """An alternation of ``names`` in which those sharing their first three letters share one
    branch, longest first ("sep(?:tember|t)?"): at a word the expression tests each stem once,
    where a flat list tests every name, and it tries the names in the same order as one sorted
    longest first, so the same one wins."""
    stems: dict[str, list[str]] = {}
    for name in sorted(names, key=len, reverse=True):
        stems.setdefault(name[:3], []).append(name[3:])
    # The stem alone only where it is a name ("sep", not the "كان" of "كانون الثاني").
    return "|".join(stem + (f"(?:{'|'.join(r for r in rests if r)}){'?' if '' in rests else ''}" if any(rests) else "")
                    for stem, rests in stems.items())


#: Every month name and abbreviation starts with one of these.
_STEMS = tuple(sorted({name[:3] for name in MONTHS}))
#: The first letters of the Arabic month names.
_ARABIC_INITIALS = "".join(sorted({name[0] for name in MONTHS if not name.isascii()}))
_MON = rf"(?:{_by_stem(list(MONTHS))})\.?"
_MONTH_NAME = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_DAY = r"(?:[0-3]?[0-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89][0-9]{2}|20[0-9]{2})"
#: The space between a month and its day: not across a blank line ("since July.\n\n7 Aug 2016").
_GAP = r"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)"

# Patterns run without IGNORECASE (several times faster) on ASCII-lower-cased text, which keeps
# every offset, so the original text can still be asked whether a month was capitalised.
def _ascii_lower(text: str) -> str:
    """``text`` with only A-Z lower-cased ("İ".lower() is two characters, "\u212a".lower() is "k").
    ``str.lower`` does just that to ASCII text; other text goes through UTF-8, whose bytes below
    128 are ASCII characters, for ``bytes.lower``: twenty times faster than ``str.translate``.
    Eastern Arabic digits become ASCII ones, one character each."""
    if text.isascii():
        return text.lower()
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass").translate(_EASTERN_DIGITS)


def _automaton(words: tuple[str, ...]) -> ahocorasick.Automaton:
    """An automaton that finds any of ``words`` in one pass (``next(automaton.iter(text), None)``)."""
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


# One alternation, most complete forms first, so at any position the fullest date wins; the last
# group of a match names its form (``m.lastgroup``). A date starts a word, so the match begins with
# the character before it (text is searched with a space in front): the search then skips in C to
# the next non-word character instead of trying the expression at every position. The look-ahead
# after it lists the letters a date can start with. The forms are grouped by what they start with
# (a digit, a month's stem, a preposition), each group behind a look-ahead; no two groups can match
# at one position, and inside a group the forms keep their order, so the same form wins as in one
# flat alternation.
_EXPLICIT_SOURCE = (
    rf"[^\w.](?=[0-9adefijlmnost{_ARABIC_INITIALS}])(?:"
    r"(?=[0-9])(?:"
    rf"(?P<iso_y>{_YEAR})[-/](?P<iso_m>[01]?[0-9])[-/](?P<iso_d>[0-3]?[0-9])(?:(?![\w/-])|(?=t[0-9]))"
    rf"|(?P<num_a>[0-3]?[0-9])(?P<num_sep>[./-])(?P<num_b>[0-3]?[0-9])(?P=num_sep)(?P<num_y>{_YEAR})(?![0-9_/-]|\.[0-9])"
    rf"|(?P<dmy_d>{_DAY})(?:\s+(?:of|من))?[\s-]+(?P<dmy_m>{_MON})[\s,،-]+(?P<dmy_y>{_YEAR})\b"
    rf"|(?P<dm_d>{_DAY})(?:\s+(?:of|من))?{_GAP}(?P<dm_m>{_MON})(?![\w-])(?!\.?\s+{_DAY}(?:[,،]\s*|\s+){_YEAR}\b)"
    rf")|(?={'|'.join(_STEMS)})(?:"
    rf"(?P<mdy_m>{_MON}){_GAP}(?P<mdy_d>{_DAY})(?:[,،]\s*|\s+|(?<=[0-9]{{2}}))(?P<mdy_y>{_YEAR})\b"
    rf"|(?P<my_m>{_MON})(?:[,،]?\s+|\s+of\s+)(?P<my_y>{_YEAR})\b"
    rf"|(?P<md_m>{_MON}){_GAP}(?P<md_d>{_DAY})(?![\w]|:[0-9]|[.,]?[0-9])"
    r")|(?=(?:in|during|early|late|mid|last|of)[\s-])(?:"
    rf"(?P<mo_pre>(?:in|during|early|late|mid|last|of)[\s-]+(?:(?:early|late|mid)[\s-]+)?)"
    rf"(?P<mo_m>{_MONTH_NAME})(?![\w-])(?!\.?\s*[0-9]|[.,،]\s*(?:{_DAY}[,،]?\s+)?{_YEAR}\b|\s+of\s+{_YEAR}\b)"
    rf"|(?P<yr_pre>(?:in|during|of)\s+(?:(?:early|late|mid)[\s-]+)?)(?P<yr_y>{_YEAR})(?![\w/-]|[.,][0-9])"
    r")|(?=(?:the|its|their)\s)(?:"
    # A year naming what happened then: "its 2019 incursion", "the 2013 chemical attack" (not a
    # count: "the 2000 fighters").
    rf"(?:the|its|their)\s+(?P<yr_y2>{_YEAR})(?=\s+[a-z-]*[a-rt-z]\b)"
    r"))"
)
_EXPLICIT = re.compile(_EXPLICIT_SOURCE)
#: The same expression for ASCII text, where it matches the same (\w, \s are then table look-ups),
#: unless the text holds one of the four ASCII separators that only Unicode's \s counts as space.
_EXPLICIT_ASCII = re.compile(_EXPLICIT_SOURCE, re.ASCII)
_UNICODE_ONLY_SPACES = ("\x1c", "\x1d", "\x1e", "\x1f")


def _explicit_matches(padded: str) -> Iterator[re.Match[str]]:
    """The matches of :data:`_EXPLICIT` in ``padded``, lower-cased text after one space. A match
    starts with the character before its date: the date is ``padded[m.start() + 1 : m.end()]``, and
    ``m.start()``, ``m.end() - 1`` are its offsets in the text without the space."""
    ascii_alike = padded.isascii() and not any(space in padded for space in _UNICODE_ONLY_SPACES)
    return (_EXPLICIT_ASCII if ascii_alike else _EXPLICIT).finditer(padded)


_YEAR_SEARCH = re.compile(_YEAR).search
#: Every explicit date has a year from 1800 to 2099 or a month, whose names start with these stems.
_DATE_WORDS = _automaton(_STEMS + tuple(str(year) for year in range(1800, 2100)))


def _may_name_date(lowered: str) -> bool:
    """False when no explicit date can be in ``lowered``. A bare number ("killed 12") does not let
    a sentence through, and one automaton pass finds stems and years in two thirds of the time of
    an automaton for the stems and an expression for the years."""
    return next(_DATE_WORDS.iter(lowered), None) is not None


_REL_DAY = re.compile(
    r"(?<!\w)(?:"
    r"(?P<dby>the\s+day\s+before\s+yesterday)"
    r"|(?P<today>today|tonight|this\s+(?:morning|afternoon|evening)|since\s+(?:midnight|dawn|(?:the\s+)?early\s+morning)"
    r"|" + _ARABIC_TODAY + r"(?!\s+(?:التالي|السابق)))"
    r"|(?P<yday>yesterday|last\s+night|" + "|".join(_ARABIC_YESTERDAY) + ")"
    r"|(?P<ago_n>[0-9]{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"
    r"\s+(?P<ago_u>days?|weeks?|months?|years?)\s+ago(?P<ago_today>\s+today)?"
    r"|(?P<lastu>last|this|earlier\s+this)\s+(?P<lastu_u>week|month|year)"
    r"|(?P<wd_pre>(?:last|this\s+past|past|on|late|early)\s+)?"
    r"(?P<wd>" + "|".join(_WEEKDAYS) + r")(?P<wd_s>s(?=\s+(?!and\b|or\b)[a-z]))?"
    r")(?!\w)"
)
#: Every match of :data:`_REL_DAY` contains one of these ("the day before yesterday", "last night",
#: "this morning", "earlier this year", "two days ago", "on Monday").
_RELATIVE_WORDS = _automaton(("today", "tonight", "yesterday", "this", "last", "ago", "since", *_WEEKDAYS, *_ARABIC_YESTERDAY,
                              _ARABIC_TODAY))


def _may_be_relative(lowered: str) -> bool:
    """False when :data:`_REL_DAY` cannot match ``lowered`` (most sentences)."""
    return next(_RELATIVE_WORDS.iter(lowered), None) is not None


#: A weekday after these words is not a past day ("next Monday", "every Friday"), nor one day
#: counted back from the publication date ("the fourth Thursday in November"). ("a Monday" can be
#: one: "in a Monday raid".)
_NOT_PAST_WEEKDAY = re.compile(r"(?:next|every|coming|each|following|until|till|first|second|third|fourth|fifth"
                               # a late-evening time in GMT, whose weekday is the day before Syria's: "at
                               # 2:30 a.m. (2330 GMT Tuesday)" is Wednesday there ("0700 GMT Tuesday" is Tuesday)
                               r"|2[1-3]:?[0-5][0-9]\s*(?:gmt|utc))\s+$")
#: A weekday, or a month or day of the month without a year, a few words after these is still to
#: come ("talks will resume on Monday", "a vote scheduled for April 25", "will be held in March",
#: "funerals are due to be held on Tuesday", "a meeting set for Saturday", "inspectors are expected to
#: start their work in Douma on Sunday", "the envoy is due to arrive in Damascus on Monday", "the UN
#: hopes to convene talks in Geneva on 25 January"), not a day back from the publication date. (Not
#: "due to" alone: "closed due to shelling on Monday" is past; nor "had been due to start on
#: Wednesday", a day gone by.)
_FUTURE = re.compile(r"\b(?:will|shall|scheduled|planned|slated|(?:set|expected|plans?)\s+(?:to|for)|(?:hopes?|hoping|aims?|intends?)\s+to"
                     r"|due\s+to\s+be|(?:is|are)\s+due\s+to\s+(?:arrive|visit|meet|begin|start|open|resume|hold|travel|sign|vote|leave|attend))"
                     r"(?:\s+[\w-]+){0,5}(?:\s+(?:on|for))?\s+$")
#: A day right after these words is when something was said ("a monitor said on Sunday", "told
#: AFP on Sunday", "in a statement on Sunday", "condemned on Wednesday the aggression … on Tuesday
#: night"), and the sentence may name the day it happened
#: too ("... that jets struck on Saturday"). ("reported" is left out: "strikes were reported late
#: Saturday" is when they happened.)
_REPORTED = re.compile(r"(?:said|says|announced|stated|added|confirmed|claimed|told(?:\s+[\w-]+){1,2}|in\s+a\s+statement"
                       r"|condemned|condemns|denounced|denounces|denied|denies|accused|accuses|warned|warns|blamed|blames)\s+$")
#: Words of accusing right after the day, its subject before it: "The United States on Tuesday
#: accused …". Not "said": "jets pounded Aleppo on Thursday, said the Observatory" is the strike's day.
_REPORTED_AFTER = re.compile(r"\s+(?:accused|accuses|warned|condemned|condemns|denied|denies|blamed|blames)\b")
#: A date after this word starts a period that runs up to the report ("killed since March 2011",
#: "fighting since Tuesday"): it is not when the reported toll or state of things holds.
_PERIOD_START = re.compile(r"since\s+$")
#: After a weekday: its possessive ("Monday's raid"), which makes it the day of what follows.
_POSSESSIVE = re.compile(r"['’]s\b")


def _still_to_come(lowered: str, start: int) -> bool:
    """Whether the date at ``start`` follows a few words of :data:`_FUTURE` ("will be held on")."""
    return _FUTURE.search(lowered, max(start - 50, 0), start) is not None


def _day_said(lowered: str, start: int, end: int) -> bool:
    """Whether the day at ``start``..``end`` is when something was said: after a reporting word
    (:data:`_REPORTED`) or before one ("The United States on Tuesday accused … of an attack on Sunday")."""
    return _REPORTED.search(lowered, max(start - 40, 0), start) is not None or _REPORTED_AFTER.match(lowered, end) is not None


def _starts_a_period(lowered: str, start: int) -> bool:
    """Whether the date at ``start`` follows "since" (:data:`_PERIOD_START`)."""
    return _PERIOD_START.search(lowered, max(start - 8, 0), start) is not None


def make_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None for numbers that name none (30 February)."""
    try:
        return dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _day(text: str) -> int:
    """The number of a day as the expression reads it ("3", "21st"): digits, then any suffix."""
    return int(text.rstrip("dhnrst"))


def _month(text: str) -> int:
    return MONTHS[text.rstrip(".").lower()]


def _month_ok(m: re.Match[str], text: str, group: str) -> bool:
    """"may" and "march" are also words: as months they must be capitalised in ``text``."""
    return m.group(group).rstrip(".") not in ("may", "march") or text[m.start(group)].isupper()


def _numeric(a: int, b: int, year: int, sep: str, day_first: bool | None = None) -> dt.date | None:
    """``a SEP b SEP year``: day first for dots and dashes unless only month first reads
    ("10.26.2024"); slashes when unambiguous, or as the text's other slash dates are written
    (``day_first``, :func:`slash_dates_day_first`)."""
    if sep == "/":
        if a > 12 >= b:
            return make_date(year, b, a)
        if b > 12 >= a:
            return make_date(year, a, b)
        if a == b:
            return make_date(year, a, b)
        if day_first is not None:
            return make_date(year, b, a) if day_first else make_date(year, a, b)
        return None
    if b > 12 >= a:  # "10.26.2024": only month first reads
        return make_date(year, a, b)
    return make_date(year, b, a)


_SLASH_DATE = re.compile(r"(?<![\d/])([0-3]?\d)/([0-3]?\d)/((?:1[89]|20)\d\d)(?![\d/])")
#: A month's name and a year: "March 2018", "in March, 2018".
_MONTH_AND_YEAR = re.compile(r"\b(" + "|".join(sorted({m for m in MONTHS if len(m) > 3}, key=len, reverse=True))
                             + r")\.?,?\s+((?:19|20)[0-9]{2})\b", re.IGNORECASE)


def _months_named_with_years(text: str) -> set[tuple[int, int]]:
    """The (year, month) pairs a text writes as a month's name and a year ("March 2018")."""
    return {(int(m.group(2)), MONTHS[m.group(1).lower()]) for m in _MONTH_AND_YEAR.finditer(text)}


def slash_dates_day_first(text: str) -> bool | None:
    """How a text writes its slash dates, as those that read only one way show: True day first
    ("13/10/2019"), False month first ("10/13/2019"), None when none or both do. A table of a
    report writes them all alike, so its "03/10/2019" is 3 October."""
    if "/" not in text:
        return None
    pairs = [(int(m.group(1)), int(m.group(2)), int(m.group(3))) for m in _SLASH_DATE.finditer(text)]
    firsts = {a > 12 for a, b, _ in pairs if (a > 12) != (b > 12)}
    if firsts:
        return next(iter(firsts)) if len(firsts) == 1 else None
    # None reads only one way: the months the text writes out with their years may tell ("the first
    # week of March 2018" over "On 1/3/2018 …, On 5/3/2018 …" is day first).
    named = {(year, month) for month, _, year in iter_written_days(text) if year} | _months_named_with_years(text)
    if not pairs or not named:
        return None
    day_first, month_first = (all((year, b) in named for a, b, year in pairs), all((year, a) in named for a, b, year in pairs))
    return day_first if day_first != month_first else None


def _full_date(m: re.Match[str], text: str, day_first: bool | None = None) -> dt.date | None:
    """The date of a match that names day, month and year, else None. ``text`` is what the
    match's offsets point into, with its capitals."""
    form, g = m.lastgroup, m.group
    if form == "iso_d":
        return make_date(int(g("iso_y")), int(g("iso_m")), int(g("iso_d")))
    if form == "num_y":
        return _numeric(int(g("num_a")), int(g("num_b")), int(g("num_y")), g("num_sep"), day_first)
    if form == "dmy_y" and _month_ok(m, text, "dmy_m"):
        return make_date(int(g("dmy_y")), _month(g("dmy_m")), _day(g("dmy_d")))
    if form == "mdy_y" and _month_ok(m, text, "mdy_m"):
        return make_date(int(g("mdy_y")), _month(g("mdy_m")), _day(g("mdy_d")))
    return None


def iter_full_dates(text: str) -> Iterator[tuple[int, int, dt.date]]:
    """Yield ``(start, end, date)`` for every date with day, month and year in ``text``.

    Shared with :mod:`geomap.read`, which looks for publication dates with it.
    """
    if not isinstance(text, str):
        return
    lowered = _ascii_lower(text)
    if _YEAR_SEARCH(lowered) is None:  # every full date has a year
        return
    padded = " " + text
    for m in _explicit_matches(" " + lowered):
        date = _full_date(m, padded)
        if date is not None:
            yield m.start(), m.end() - 1, date


def latest_told_day(text: str) -> dt.date | None:
    """The latest day the text states in full, leaving out days still to come ("talks will resume on
    3 May 2016"). A report is no older than the days it tells of, so this is a floor under a
    publication date it does not give."""
    lowered = _ascii_lower(text)
    return max((date for start, _, date in iter_full_dates(text) if not _still_to_come(lowered, start)), default=None)


def _as_date(value: dt.date | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


#: A day and month told as past this many days after the publication date are of its year: a
#: live blog's or a thread's later updates ("UPDATE 15 Jul: jets struck …" under a first post of 14 July).
_UPDATE_DAYS = 7


def _the_day_meant(month: int, day: int, ref: dt.date) -> dt.date | None:
    """The ``month``/``day`` a report published on ``ref`` tells of as past: the latest one not
    after ``ref`` (this year's or last year's), unless this year's is at most a week after it."""
    this_year = make_date(ref.year, month, day)
    if this_year is not None and 0 < (this_year - ref).days <= _UPDATE_DAYS:
        return this_year
    for year in (ref.year, ref.year - 1, ref.year - 2):  # -2 only for 29 February
        d = make_date(year, month, day)
        if d is not None and d <= ref:
            return d
    return None


def _month_before(month: int, ref: dt.date, *, strictly: bool) -> dt.date | None:
    year = ref.year if (month < ref.month or (month == ref.month and not strictly)) else ref.year - 1
    return make_date(year, month, 1)


def _shift_months(ref: dt.date, months: int) -> dt.date | None:
    index = ref.year * 12 + (ref.month - 1) - months
    return make_date(index // 12, index % 12 + 1, 1)


#: How precise each form of :data:`_EXPLICIT` is (0 day, 1 month, 2 year), by the last group of its match.
_RANK = {"iso_d": 0, "num_y": 0, "dmy_y": 0, "mdy_y": 0, "dm_m": 0, "md_d": 0, "my_y": 1, "mo_m": 1, "yr_y": 2, "yr_y2": 2}
_PRECISIONS: tuple[Precision, ...] = ("day", "month", "year")
_FULL_FORMS = frozenset({"iso_d", "num_y", "dmy_y", "mdy_y"})


def _more_precise(a: EventDate, b: EventDate) -> bool:
    """Whether ``a`` names a shorter span than ``b`` (a day rather than a month or a year)."""
    return _PRECISIONS.index(a.precision) < _PRECISIONS.index(b.precision)


def _said(padded: str, m: re.Match[str]) -> str:
    """The date a match of :data:`_EXPLICIT` read, as written."""
    return padded[m.start() + 1 : m.end()].strip()


#: The groups of a day written with its month's name, by form: (month, day, year or None).
_WRITTEN_DAY_GROUPS = {"dmy_y": ("dmy_m", "dmy_d", "dmy_y"), "mdy_y": ("mdy_m", "mdy_d", "mdy_y"),
                       "dm_m": ("dm_m", "dm_d", None), "md_d": ("md_m", "md_d", None)}


def iter_written_days(text: str) -> Iterator[tuple[int, int, int | None]]:
    """Yield ``(month, day, year or None)`` for every day written with its month's name in
    ``text`` ("February 19", "19 February 2023"), not numeric dates.

    Shared with :mod:`geomap.read`, which reads an ambiguous numeric date line ("07/03/2023") by them.
    """
    padded = " " + text
    for m in _explicit_matches(" " + _ascii_lower(text)):
        groups = _WRITTEN_DAY_GROUPS.get(m.lastgroup)  # type: ignore[arg-type]
        if groups is None or not _month_ok(m, padded, groups[0]):
            continue
        month, day, year = groups
        yield _month(m.group(month)), _day(m.group(day)), int(m.group(year)) if year else None


#: A weekday's name, English or Arabic.
_WEEKDAY_NAME = re.compile(r"\b(?:[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|[Ss]atur|[Ss]un)day\b|"
                           + "|".join(name for name in _WEEKDAYS if not name.isascii()))


def iter_weekdays(text: str) -> Iterator[int]:
    """Yield the weekday (Monday is 0) of every weekday named in ``text``.

    Shared with :mod:`geomap.read`, which reads an ambiguous numeric date line by them too.
    """
    for m in _WEEKDAY_NAME.finditer(text):
        yield _WEEKDAYS[m.group().lower()]


def _explicit(sentence: str, lowered: str, published: dt.date | None,
              day_first: bool | None = None) -> tuple[EventDate | None, str | None]:
    """The most precise explicit date (leftmost on ties); without one, why a date named without
    a year could not be used, if one was. ``lowered`` is ``_ascii_lower(sentence)``.

    Matches come left to right, so a later one wins only by being more precise: the others are
    not read, and the reason is written for the winner alone."""
    if not _may_name_date(lowered):
        return None, None
    padded = " " + sentence
    best: tuple[int, dt.date, str, re.Match[str]] | None = None  # rank, date, reason to fill in, match
    unusable: re.Match[str] | None = None
    for m in _explicit_matches(" " + lowered):
        form = m.lastgroup
        rank = _RANK[form]  # type: ignore[index]
        if best is not None and rank >= best[0]:
            continue  # later and no more precise
        if _starts_a_period(lowered, m.start()):
            continue
        g = m.group
        date: dt.date | None
        if form in _FULL_FORMS:
            date, reason = _full_date(m, padded, day_first), "date in sentence: {!r}"
        elif form in ("dm_m", "md_d"):
            day_group, month_group = ("dm_d", "dm_m") if form == "dm_m" else ("md_d", "md_m")
            if not _month_ok(m, padded, month_group):
                continue
            month, day = _month(g(month_group)), _day(g(day_group))
            if make_date(2000, month, day) is None:  # 2000 is a leap year: 29 Feb is valid
                continue
            if _still_to_come(lowered, m.start()):
                continue  # "will be held on April 25" is not last year's April 25
            if published is None:
                unusable = m
                continue
            date = _the_day_meant(month, day, published)
            reason = "date in sentence: {!r} (year from publication date)"
        elif form == "my_y":
            date, reason = make_date(int(g("my_y")), _month(g("my_m")), 1), "month in sentence: {!r}"
        elif form == "mo_m":
            if not padded[m.start("mo_m")].isupper():  # "in march" is a word, "in March" a month
                continue
            if _still_to_come(lowered, m.start()):
                continue
            if published is None:
                unusable = m
                continue
            date = _month_before(_month(g("mo_m")), published, strictly=g("mo_pre").startswith("last"))
            reason = "month in sentence: {!r} (year from publication date)"
        else:
            date, reason = make_date(int(g("yr_y") or g("yr_y2")), 1, 1), "year in sentence: {!r}"
        if date is not None:
            best = (rank, date, reason, m)
            if rank == 0:
                break  # nothing after it can be more precise
    if best is None:
        if unusable is None:
            return None, None
        return None, f"{_said(padded, unusable)!r} has no year and there is no publication date"
    rank, date, reason, m = best
    return EventDate(date.isoformat(), _PRECISIONS[rank], "sentence", reason.format(_said(padded, m)),
                     year_assumed=m.lastgroup in ("dm_m", "md_d", "mo_m")), None


def _relative(sentence: str, lowered: str, published: dt.date | None) -> tuple[EventDate | None, str | None]:
    """The most precise relative phrase (leftmost on ties) resolved against the publication date:
    "after clashes last month, jets struck on Monday" is dated by "on Monday". A day on which
    something was said ("activists said on Monday") comes after any other day. ``lowered`` is
    ``_ascii_lower(sentence)``."""
    if not _may_be_relative(lowered):
        return None, None
    best: EventDate | None = None
    reported: EventDate | None = None
    for m in _REL_DAY.finditer(lowered):
        g = m.group
        said = " ".join(sentence[m.start() : m.end()].split())
        if g("wd") and (_NOT_PAST_WEEKDAY.search(lowered, 0, m.start()) or (g("wd_s") and g("wd_pre"))
                        or _still_to_come(lowered, m.start())):
            continue  # "next Monday", "every Friday", "will meet on Monday"; "on Fridays" is a habit
        if _starts_a_period(lowered, m.start()):
            continue
        if published is None:
            return None, f"{said!r} is relative and there is no publication date"
        date: dt.date | None
        precision: Precision = "day"
        note = ""
        try:
            if g("dby"):
                date = published - dt.timedelta(days=2)
            elif g("today"):
                date = published
            elif g("yday"):
                date = published - dt.timedelta(days=1)
            elif g("ago_n"):
                raw = g("ago_n").lower()
                n = int(raw) if raw.isdigit() else _NUMBERS[raw]
                unit = g("ago_u").lower().rstrip("s")
                if unit == "day":
                    date = published - dt.timedelta(days=n)
                elif unit == "week":
                    date, note = published - dt.timedelta(days=7 * n), " (approximate)"
                elif unit == "month":
                    date, precision = _shift_months(published, n), "month"
                elif g("ago_today"):  # "a year ago today, as rebels entered Damascus": that very day
                    date = make_date(published.year - n, published.month, published.day)
                else:
                    date, precision = make_date(published.year - n, 1, 1), "year"
            elif g("lastu"):
                unit = g("lastu_u").lower()
                this = not g("lastu").lower().startswith("last")
                if unit == "week":
                    if this:
                        continue  # "this week" names no day: leave it to the publication date
                    date, note = published - dt.timedelta(days=7), " (approximate: publication date minus 7 days)"
                elif unit == "month":
                    date, precision = _shift_months(published, 0 if this else 1), "month"
                else:
                    date, precision = make_date(published.year - (0 if this else 1), 1, 1), "year"
            else:
                weekday = _WEEKDAYS[g("wd").lower()]
                strictly = (g("wd_pre") or "").lower().startswith("last")
                back = (published.weekday() - weekday) % 7
                if back == 0 and strictly:
                    back = 7
                date = published - dt.timedelta(days=back)
        except (ValueError, OverflowError):
            date = None
        if date is None:
            continue
        found = EventDate(date.isoformat(), precision, "relative", f"relative: {said!r}{note}")
        if precision == "day" and _day_said(lowered, m.start(), m.end()) and not (g("wd_s") or _POSSESSIVE.match(lowered, m.end())):
            # "said Wednesday's strike": the strike's day, not the day it was said
            reported = reported or dataclasses.replace(found, said=True)
            continue
        if best is not None and not _more_precise(found, best):
            continue
        best = found
        if precision == "day":
            break  # nothing after it can be more precise
    if reported is not None and (best is None or best.precision != "day"):
        return reported, None
    return best, None


def date_event(sentence: str, published: dt.date | None, *, day_first: bool | None = None) -> EventDate:
    """Date one event sentence; never raises, never invents a date it cannot ground. ``day_first``:
    how the text writes slash dates (:func:`slash_dates_day_first`), for one that reads both ways."""
    if not isinstance(sentence, str):
        sentence = "" if sentence is None else str(sentence)
    published = _as_date(published)
    lowered = _ascii_lower(sentence)  # once for both: lower-casing long sentences is not free
    found, why_not = _explicit(sentence, lowered, published, day_first)
    if found is not None and found.precision == "day":
        return found
    relative, why_not_rel = _relative(sentence, lowered, published)
    if relative is not None and (found is None or _more_precise(relative, found)):
        return relative
    if found is not None:
        return found
    if published is not None:
        return EventDate(published.isoformat(), "day", "published", "no date in sentence: publication date")
    reason = why_not or why_not_rel or "no date in sentence and no publication date"
    return EventDate(None, None, None, reason)


#: Where one clause of a sentence ends and the next begins: a comma or semicolon (with a
#: conjunction after it or not), or a conjunction between clauses.
_CLAUSE_BREAK = re.compile(r"\s*(?:[,;]\s*(?:(?:and|while|but|then|before|after)\s+)?|\s(?:and|while|but|then)\s+)")
#: What stands before a later day that opens its clause ("…, and on Tuesday they…", "…; on Tuesday,
#: rockets…"): a comma, semicolon or conjunction, then the day's preposition.
_OPENS_CLAUSE = re.compile(r"(?:[,;]|\b(?:and|while|but|then))\s*(?:(?:on|early|late|by)\s+)?$")
#: The relative forms of :data:`_REL_DAY` that name one day.
_RELATIVE_DAY_FORMS = frozenset({"dby", "today", "yday", "wd"})
#: Words that join two days into one span ("from 3 to 5 May", "on Monday and Tuesday"): no break there.
_DAY_PAIR = re.compile(r",?\s*(?:-|–|(?:and\s+)?(?:to|into|until|till|through)|and|or|\()?\s*")


#: A month's stem, a weekday or a relative day word: a sentence with fewer than two of them names
#: at most one day in words (two numeric dates in one sentence are left to :func:`date_event`).
_DAY_WORDS = _automaton(_STEMS + tuple(_WEEKDAYS) + ("today", "tonight", "this morning", "this afternoon", "this evening",
                                                     "yesterday", *_ARABIC_YESTERDAY, _ARABIC_TODAY))


def _days_stated(lowered: str, at_least: int = 2) -> list[tuple[int, int]]:
    """``(start, end)`` of every day a sentence names, written out or relative, leaving out the
    day something was said: the candidates for :func:`date_clauses` (none unless it names ``at_least``)."""
    if len(list(itertools.islice(_DAY_WORDS.iter(lowered), at_least))) < at_least:
        return []
    days = [(m.start(), m.end() - 1) for m in _explicit_matches(" " + lowered) if _RANK[m.lastgroup] == 0] \
        if _may_name_date(lowered) else []  # type: ignore[index]
    if _may_be_relative(lowered):
        days += [(m.start(), m.end()) for m in _REL_DAY.finditer(lowered)
                 if m.lastgroup in _RELATIVE_DAY_FORMS or (m.group("ago_u") or "").startswith("day")]
    return sorted(day for day in days if not _day_said(lowered, day[0], day[1]))


#: What follows a chronology entry's date: a dash or a colon ("25 May 2012 – ", "April 2011: ").
_ENTRY_MARK = re.compile(r"\s*[–—:-]\s")


def opens_with_its_date(sentence: str) -> bool:
    """True for an entry of a chronology: a sentence that opens with its date, then a dash or a
    colon ("25 May 2012 – More than 100 villagers are killed in Houla"), which tells what happened
    that day however long ago; also as a list's item ("- August 24, 2014: The jihadists capture …")."""
    head = sentence.lstrip().lstrip("-–—•*·").lstrip()[:40]
    first = next(_explicit_matches(" " + _ascii_lower(head)), None)
    return first is not None and first.start() == 0 and _ENTRY_MARK.match(head, first.end() - 1) is not None


def _joins_two_names(sentence: str, start: int, end: int) -> bool:
    """True for a comma or "and" between two names ("hospitals in A'zaz and Ma'arrat al-Nu'man on
    15 February"): a list the later day dates as a whole, not where its clause begins."""
    before, after = sentence[:start].rsplit(None, 1), sentence[end:].split(None, 1)
    if not (before and after and before[-1][:1].isupper()):
        return False
    article, hyphen, name = after[0].replace("‐", "-").partition("-")
    return (name if hyphen and article.lower() in ARTICLES else after[0])[:1].isupper()  # "al-Bab", "as-Safira"


#: A day counted on from the day the sentence stated before: "two days later", "the next day"; or
#: back from it: "a day after the SDF detained …" (what the clause tells came that day before).
_DAYS_LATER = re.compile(r"\b(?:(?P<n>a|one|two|three|four|five|[1-9])\s+days?\s+(?P<how>later|after)|the\s+(?:next|following)\s+day)\b")
#: How many days a count of days names ("two days later", "a day after").
DAY_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
              "ten": 10, **{str(n): n for n in range(1, 32)}}


def date_clauses(sentence: str, published: dt.date | None, *, day_first: bool | None = None) -> list[tuple[int, EventDate]]:
    """The dates of the clauses of a sentence that states different days for different places:
    ``(offset, date)`` for each clause, in order; empty when one date dates the whole sentence.

    "Jets struck Kafr Nabl on Monday, and shelling hit Hass on Tuesday": a day after its place
    ends its clause, so the clause breaks at the comma before "and"; "On Monday, jets struck A;
    on Tuesday, B" opens each clause with its day. Each clause is then dated as a sentence of its
    own (:func:`date_event`), and unless every one gets a day of its own the sentence keeps one date.
    """
    lowered = _ascii_lower(sentence)
    later = {m.start(): DAY_COUNTS.get(m.group("n") or "", 1) * (-1 if m.group("how") == "after" else 1)
             for m in _DAYS_LATER.finditer(lowered)} \
        if "later" in lowered or "after" in lowered or "next day" in lowered or "following day" in lowered else {}
    days = _days_stated(lowered, 1 if later else 2)
    if later and days:  # "… on 14 February, and two days later government forces took Haritan"
        days = sorted(days + [(start, start + 1) for start in later if start > days[0][0]])
        later = {start: n for start, n in later.items() if start > days[0][0]}
    if len(days) < 2:
        return []
    cuts = [0]
    for (_, previous_end), (start, _) in zip(days, days[1:]):
        if start not in later and _DAY_PAIR.fullmatch(lowered, previous_end, start):
            continue  # "from 3 to 5 May", "on Monday and Tuesday": one span of days
        opening = _OPENS_CLAUSE.search(lowered, previous_end, start)
        if opening is not None:  # the clause opens with its day: it starts at its comma or conjunction
            cuts.append(opening.start())
            continue
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(lowered, previous_end, start)
                  if m.group().strip() and (m.start() == previous_end or not _joins_two_names(sentence, m.start(), m.end()))]
        if not breaks:  # "forces on Sunday engaged in an offensive that began last Tuesday": one clause
            return []
        cuts.append(breaks[-1])
    if len(cuts) < 2:
        return []
    # A clause told as a day before ends at its next comma, where the sentence's day resumes ("… on
    # Thursday, a day after Ankara launched airstrikes, with heavy clashes reported around Serekaniye").
    resumes = {comma for start, n in later.items() if n < 0
               for comma in [lowered.find(", ", start)] if comma > 0 and comma not in cuts}
    cuts = sorted({*cuts, *resumes})
    clauses: list[tuple[int, EventDate]] = []
    stated = [start for start, _ in days if start not in later]
    for first, last in zip(cuts, cuts[1:] + [len(sentence)]):
        if first in resumes and len(clauses) >= 2:
            clauses.append((first, clauses[-2][1]))
            continue
        shift = next((n for start, n in later.items() if first <= start < last), None)
        if shift is not None and shift < 0 and any(first <= start < last for start in stated):
            shift = None  # "came a day after the army took Kafr Nabuda on Tuesday": the clause's own day
        if shift is not None and clauses and clauses[-1][1].date is not None:  # "two days later": the last day, moved on
            day = dt.date.fromisoformat(clauses[-1][1].date) + dt.timedelta(days=shift)
            clauses.append((first, EventDate(day.isoformat(), "day", "relative", f"{shift:+d} day(s) from the clause before")))
        else:
            clauses.append((first, date_event(sentence[first:last], published, day_first=day_first)))
    # A weekday that a date stated before it falls on is that date: "On 22 June, a bomber struck …
    # during Sunday mass" (22 June 2025 was a Sunday), not the Sunday before the report.
    for i, ((first, when), last) in enumerate(zip(clauses, [start for start, _ in clauses[1:]] + [len(sentence)])):
        if when.source != "relative" or when.date is None:
            continue
        weekday = dt.date.fromisoformat(when.date).weekday()
        if weekday not in set(iter_weekdays(sentence[first:last])):
            continue  # "yesterday", not a weekday the clause names
        stated_day = next((day for _, day in reversed(clauses[:i]) if day.source == "sentence" and day.precision == "day"
                           and day.date is not None and dt.date.fromisoformat(day.date).weekday() == weekday), None)
        if stated_day is not None:
            clauses[i] = (first, stated_day)
    if any(when.source not in ("sentence", "relative") or when.precision != "day" for _, when in clauses) \
            or len({when.date for _, when in clauses}) < 2:
        return []
    return clauses
