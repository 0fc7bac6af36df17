"""Property tests: extraction never fails on arbitrary text, and offsets always point at the mention;
the fast paths give the answers of the plain code they shortcut."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import string
import unicodedata
from unittest import mock

import spacy
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from geomap.event_types import (
    DEVICE_CUES,
    EVENT_WORDS,
    LEXICON,
    classify_event,
    reports_event,
)
from geomap.model import Article
from geomap.names import (
    _MARK_TABLE,
    _NON_WORD,
    _SPECIAL_LETTERS,
    _WORD_SYNONYMS,
    ARTICLES,
    _arabic_word_key,
    fold,
    is_arabic,
    normalize,
    variants,
    word_key,
)
from geomap.pipeline import Extractor

PIECES = st.sampled_from([
    "Abu al-Duhur", "Tell Salmo", "Idlib", "province", "air strikes", "hit", "in", "near", "the", "village of",
    "Jaish al-Ahrar", "on Monday", "11 January 2018", ",", ".", "\n\n", "DAMASCUS:", "Khuwayn al-Kabir", "Airbase",
    "خوين الكبير", "أبو الظهور", "Ma'arrat an-Nu'man", "‘Atshan", "Turkey-backed", "Moscow and Ankara brokered",
    "Zarzour", "clashes", "<script>alert(1)</script>", "Deir ez-Zor", "\u200f", "e\u0301", "İ", "ß", "🙂",
])
NEWSLIKE = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40).map(" ".join)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(text=st.one_of(st.text(max_size=300), NEWSLIKE))
def test_extraction_never_raises_and_offsets_match(extractor: Extractor, text: str) -> None:
    for event in extractor.events(Article(id="p", text=text)):
        assert text[event.start_char:event.end_char] == event.mention
        assert -90 <= event.lat <= 90 and -180 <= event.lon <= 180
        assert event.role in ("event", "mention")
        assert event.date is None or len(event.date) == 10


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_token_by_token_keys_equal_the_name_key(name: str) -> None:
    """The matcher normalises text token by token; the gazetteer normalises whole names. They must agree."""
    per_token = " ".join(k for k in (normalize(part) for part in name.split()) if k)
    assert per_token == normalize(name)
    assert all(v and v == v.strip() for v in variants(name))


#: The letter folds of ``word_key`` as first written, one expression pass each, in order: the
#: built gazetteer stores keys they made, so the faster folds must give exactly their keys.
_LETTER_FOLDS_AS_WRITTEN = [
    (r"sch|ch", "sh"), (r"dj", "j"), (r"ph", "f"), (r"ck", "k"), (r"dh|th|z|d", "d"), (r"q|g|k|c", "k"),
    (r"uw", "w"), (r"ei|ey|ai|ay", "ay"), (r"aw|ow|ou|oo|uw|o", "u"), (r"u(?=[aei])", "w"),
    (r"ee|ie|e|i", "a"), (r"(.)\1+", r"\1"),
]


def _word_key_as_written(word: str) -> str:
    """``word_key`` as first written, its letter folds one expression pass each."""
    if not word:
        return ""
    if is_arabic(word[0]):
        return _arabic_word_key(word)
    if word in ARTICLES:
        return ""
    word = re.sub(r"^e(?=([tdszrln])\1[a-z]{2})", "", _WORD_SYNONYMS.get(word, word))
    if word in _WORD_SYNONYMS.values():
        return word
    for pattern, repl in _LETTER_FOLDS_AS_WRITTEN:
        word = re.sub(pattern, repl, word)
    return word if word.isdigit() else re.sub(r"(?<=[a-z]{2})ah?$", "", word)


def _fold_as_written(text: str) -> str:
    """``fold`` without its shortcuts: one path for every text."""
    text = unicodedata.normalize("NFKD", text.translate(_MARK_TABLE))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", text.casefold().translate(_SPECIAL_LETTERS)).strip()


def test_word_key_gives_the_keys_of_the_folds_as_written_for_every_short_word() -> None:
    """Every word of up to four letters the folds read or write: each order between two folds shows."""
    for length in range(1, 5):
        for letters in itertools.product("acdeghijkopqstuwyz", repeat=length):
            word = "".join(letters)
            assert word_key.__wrapped__(word) == _word_key_as_written(word), word


#: Longer words: digraphs, diphthongs and their letters, synonyms, script boundaries; then an ending.
LETTER_PIECES = st.sampled_from([
    "sch", "ch", "dj", "ph", "ck", "dh", "th", "uw", "ei", "ey", "ai", "ay", "aw", "ow", "ou", "oo", "ee", "ie",
    *"abcdeghijklnopqrstuwyz", "ezz", "enn", "tell", "abou", "kebir", "al", "1", "\n", "\u05ff", "\u0600", "ظ", "ـ",
])
ENDINGS = st.sampled_from(["", "a", "ah", "a\n", "ah\n", "\n"])


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.tuples(st.lists(LETTER_PIECES, max_size=10).map("".join), ENDINGS).map("".join),
                 st.text(max_size=12)))
def test_word_key_gives_the_keys_of_the_folds_as_written(word: str) -> None:
    assert word_key(word) == _word_key_as_written(word)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=20), PIECES))
def test_fold_gives_the_text_of_the_fold_as_written(text: str) -> None:
    assert fold(text) == _fold_as_written(text)


AFFIX_PIECES = st.sampled_from([
    "km", "5km", "$", "US$5", "C$", "'s", "’S", "n't", "(", ")", "-", "—", ".", "...", "…", ",", ":", "/", "°C.", "+",
    "Idlib's", "al-Bab", "U.S.", "e.g.", "3.5", "10,000", "°", "©", "£", "%", "#", "«", "»", "\"", "'",
])
AFFIX_TEXT = st.lists(st.one_of(AFFIX_PIECES, st.text(alphabet="aZ9.-'$ ", max_size=8), st.text(max_size=6)),
                      max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(text=AFFIX_TEXT)
def test_guarded_affix_searches_tokenise_exactly_like_spacy(extractor: Extractor, text: str) -> None:
    """geomap's blank pipeline skips affix searches that cannot match; the tokens must be spaCy's own."""
    ours = [t.text for t in extractor.nlp.tokenizer(text)]
    assert ours == [t.text for t in _SPACY_ENGLISH.tokenizer(text)]


_SPACY_ENGLISH = spacy.blank("en")


def test_the_guarded_tokenizer_serialises_as_spacys_own(extractor: Extractor) -> None:
    """spaCy writes the expressions behind the affix searches; the guards must hand them over."""
    restored = spacy.blank("en")
    restored.tokenizer.from_bytes(extractor.nlp.tokenizer.to_bytes())
    text = "US$5 in Idlib's (northern) countryside, 5km away."
    assert [t.text for t in restored(text)] == [t.text for t in _SPACY_ENGLISH(text)]


_FINAL_MARKS = {".", "!", "?", "…", "...", "؟", "。", "!!", "??", "?!"}
_BULLET_MARKS = {"-", "–", "—", "•", "*", "·", "▪", "●", "◦", "‣"}


def _sentence_starts_by_loop(doc) -> list[int]:  # noqa: ANN001 - a spaCy Doc
    """The rules of ``geomap_sentences``, token by token: a sentence starts at the first word after
    a final mark, or at an opening bracket or quote after a space; and after a blank line, a line
    break that ends a short line with no closing punctuation before a capitalised word, or a line
    break before a list's bullet or number ("- ", "• ", "2. ")."""
    starts, after_final = [0], False
    for token in doc:
        opens = token.is_left_punct and token.i > 0 and bool(doc[token.i - 1].whitespace_)
        if after_final and (not token.is_punct or opens):
            starts.append(token.i)
            after_final = False
        after_final = after_final or token.text in _FINAL_MARKS
    line_start = 0
    for token in doc:
        if not token.is_space or "\n" not in token.text:
            continue
        following = token.i + 1
        while following < len(doc) and doc[following].is_space:
            following += 1
        if following < len(doc) and token.i > 0:
            short_line = token.idx - doc[line_start].idx < 80 and not doc[token.i - 1].text.endswith((".", ",", ";", ":"))
            first = doc[following].text
            list_item = first in _BULLET_MARKS or (first.isdigit() and len(first) <= 3 and following + 1 < len(doc)
                                                   and doc[following + 1].text in (".", ")"))
            line = []  # the next line's tokens, for a table's row: two cells parted by "|" or tabs
            for next_token in doc[following:following + 80]:
                if next_token.is_space and "\n" in next_token.text:
                    break
                line.append(next_token)
            marks = [t for t in line if t.text == "|" or (t.is_space and "\t" in t.text)]
            table_row = len(marks) >= 2
            clock = re.compile(r"(?:[01]?\d|2[0-3])[:.][0-5]\d")
            timed = clock.fullmatch(first) is not None or (first == "[" and following + 1 < len(doc)
                                                          and clock.fullmatch(doc[following + 1].text) is not None)
            if token.text.count("\n") >= 2 or (short_line and first[:1].isupper()) or list_item or table_row or timed:
                starts.append(following)
        line_start = following
    return sorted(set(starts))


SENTENCE_PIECES = st.sampled_from(["Idlib", "hit", ".", "!", "?", "...", "…", "(", ")", "\"", "“", "”", "'", " ", ",",
                                   "Mr.", "U.S.", "3.5", "?!", "؟", "«", "»", "\n", "\n\n", " \n ", "\t", "Wed 05 Apr 2017",
                                   "Idlib Daily, a short header of some fifty letters", ".\"", "hit.“Idlib", "!(", ".«",
                                   "a line of text that goes on and on well past the eighty characters a header has",
                                   "-", "•", "2", "12.", "3)", "1234.", "|", "08:58", "[", "]"])


@settings(max_examples=300, deadline=None)
@given(st.lists(SENTENCE_PIECES, max_size=30).map(" ".join))
@example("Idlib Daily, a short header of some fifty letters \n Idlib hit . \n\n hit")
def test_sentence_starts_follow_the_punctuation_and_line_rules(extractor: Extractor, text: str) -> None:
    doc = extractor.nlp.make_doc(text)
    if len(doc):
        doc = extractor.nlp.get_pipe("geomap_sentences")(doc)
        assert [t.i for t in doc if t.is_sent_start] == _sentence_starts_by_loop(doc)


SYRIA_PIECES = st.sampled_from(["Syria", "SYRIAN", "Assyria", "سوريا", "HTS", "hts", "Ahrar al-Sham", "AHRAR AL SHAM",
                                "Jaysh al Islam", "Hay'at Tahrir al-Sham", "Nusra Front", "Zenki", "sham", " ", "-", ".",
                                "İ", "K"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(SYRIA_PIECES, st.text(max_size=5)), max_size=12).map("".join))
def test_the_cheap_syria_clues_never_hide_a_match(text: str) -> None:
    """``names_syria`` looks for plain clues before running its expression; it must answer as the
    expression alone does."""
    from geomap.pipeline import _SYRIA, names_syria

    assert names_syria(text) == (_SYRIA.search(text) is not None)


NAME_PIECES = st.sampled_from([
    "Abu", "al-Duhur", "Abu al-Duhur", "Airbase", "air", "base", "Tell", "Salmo", "Khuwayn", "al-Kabir", "Big",
    "Khwein", "Deir", "ez-Zor", "Ezzor", "Kafr", "Nabudah", "Jaish", "al-Ahrar", "Ahrar", "al-Sham", "Hayat",
    "Tahrir", "al-Qaeda", "Islamic", "State", "Gaza", "Idlib", "countryside", "the", "in", "and", "-", ",",
    "Ma'arrat", "an-Nu'man", "Umm", "al-Khalakhi", "New", "York", "Aleppo", "University", "T4", "airbase",
    "hezbollah", "islamic", "state", "free", "syrian", "army",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(NAME_PIECES, st.text(alphabet="aAlL-. ,", max_size=6)), max_size=25).map(" ".join))
def test_names_grown_from_key_prefixes_are_every_known_key_in_the_text(extractor: Extractor, text: str) -> None:
    """The matcher grows a name token by token from where one may start; it must find the same
    spans as trying every run of tokens against every key."""
    from spacy.tokens import Span
    from spacy.util import filter_spans

    matcher = extractor.nlp.get_pipe("geomap_places")
    doc = extractor.nlp.make_doc(text)
    keys = [matcher.token_key(token.text) for token in doc]
    # Where a sentence in lower case lets a name start without a capital (a rule tested on its own).
    lower_case = matcher._lower_case_openers(doc, [matcher._learn(t.orth, t.text) for t in doc])
    every_run = []
    for first in range(len(doc)):
        for last in range(first, len(doc)):
            name = " ".join(k for k in keys[first:last + 1] if k)
            # A name runs over keyless tokens only where they join its words: "al", "-", spaces.
            bridged = all(matcher._learn(t.orth, t.text)[3] for t in doc[first:last + 1] if not keys[t.i])
            if keys[first] and keys[last] and bridged and name in matcher._names.keys:
                capitalised = matcher._learn(doc[first].orth, doc[first].text)[1] or first in lower_case
                label = matcher._label(doc, first, last, name, capitalised=capitalised, lower_case=first in lower_case)
                if label:
                    every_run.append(Span(doc, first, last + 1, label=label, span_id=name))
    expected = [(s.start, s.end, s.label_, s.id_) for s in filter_spans(every_run)]
    assert [(s.start, s.end, s.label_, s.id_) for s in matcher.match(doc)] == expected


REFERENCE_PIECES = st.sampled_from(["west", "North", "km", "10", "kilometres", "miles", "of", "OF", "from", "the",
                                    "town", "city", "near", "thereof", " ", "  ", "\n", "\t", ",", "-"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(REFERENCE_PIECES, st.text(max_size=4)), max_size=10).map(" ".join),
       st.sampled_from(["", " ", "  ", "\n"]))
def test_the_cheap_reference_point_test_answers_as_the_expression(before: str, end: str) -> None:
    """"west of X" is found by a quick look at the last word before the expression runs; both must agree."""
    from geomap.events import _REFERENCE_POINT, _names_reference_point

    text = before + end
    assert _names_reference_point(text) == (_REFERENCE_POINT.search(text) is not None)
#: One date or relative phrase for each word the date gates look for (month, year, relative word).
DATE_PHRASES = st.sampled_from([
    "Jan. 3", "3 February", "in March", "April 3", "May 3", "in June", "July 3", "3 aug", "Sept. 3", "in October",
    "November 3", "dec 3", "in 1999", "in 2015", "2018-01-11", "11.01.2018", "today", "Tonight", "yesterday",
    "last night", "this morning", "two days ago", "on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday",
    "on Saturday", "on Sunday", "11 March 2018", "last Friday", "next Thursday", "earlier this month", "last year",
])
DATE_TEXT = st.lists(st.one_of(DATE_PHRASES, st.sampled_from([" ", ", ", ".", "-", "/", "\n", "on ", "in ", "of ", "11",
                                                              "2018", "İ", "\u212a", "\u0661"]), st.text(max_size=4)),
                     max_size=8).map("".join)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(DATE_PHRASES, DATE_TEXT, st.text(alphabet="adefijlmnosrtuchyvgbpk0129 .,-/", max_size=40)),
       st.one_of(st.none(), st.dates()))
def test_the_date_gates_never_hide_a_date(sentence: str, published: dt.date | None) -> None:
    """Dating skips its expressions when a cheap test says they cannot match (no year or month, no
    relative word); with every test made to pass, it must answer the same."""
    from geomap import dates

    gated = (dates.date_event(sentence, published), list(dates.iter_full_dates(sentence)))
    with mock.patch.multiple(dates, _may_name_date=lambda lowered: True, _may_be_relative=lambda lowered: True,
                             _YEAR_SEARCH=lambda lowered: True):
        assert (dates.date_event(sentence, published), list(dates.iter_full_dates(sentence))) == gated



@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.text(alphabet=st.characters(max_codepoint=127)),
                 st.text(alphabet=st.characters(exclude_categories=()))))  # with lone surrogates
@example("A\ud83d\ude42B\udfff\ud800Z \u212a İ É")
@example("\u0660 ١٢ \u06f5")
def test_the_quick_lower_casing_changes_only_ascii_capitals(text: str) -> None:
    """Dating lower-cases ASCII text with ``str.lower`` and other text through UTF-8 with ``bytes.lower``:
    both must keep every character but A-Z (and Eastern Arabic digits, read as ASCII ones, one
    character each), so offsets and the original's capitals still line up."""
    from geomap.dates import _EASTERN_DIGITS, _ascii_lower

    lowered = text.translate(str.maketrans(string.ascii_uppercase, string.ascii_lowercase))
    assert _ascii_lower(text) == (lowered if text.isascii() else lowered.translate(_EASTERN_DIGITS))


#: The explicit-date expression as first written: one flat alternation, every month name listed
#: longest first, tried at every position. The grouped expression that skips to word starts, run on
#: text after one space, must find the same dates with the same groups.
#: Since 8aed5ec the Arabic month names too, and "N من MONTH".
_ARABIC_MONTHS_AS_WRITTEN = ["كانون الثاني", "شباط", "آذار", "اذار", "نيسان", "أيار", "ايار", "حزيران", "تموز", "آب", "أيلول",
                             "ايلول", "تشرين الأول", "تشرين الاول", "تشرين الثاني", "كانون الأول", "كانون الاول", "يناير",
                             "فبراير", "مارس", "أبريل", "ابريل", "إبريل", "مايو", "يونيو", "يونيه", "يوليو", "يوليه", "أغسطس",
                             "اغسطس", "سبتمبر", "أكتوبر", "اكتوبر", "نوفمبر", "ديسمبر"]
_MON_AS_WRITTEN = r"(?:" + "|".join(sorted(
    ["january", "jan", "february", "feb", "march", "mar", "april", "apr", "may", "june", "jun", "july", "jul",
     "august", "aug", "september", "sept", "sep", "october", "oct", "november", "nov", "december", "dec",
     *_ARABIC_MONTHS_AS_WRITTEN],
    key=len, reverse=True)) + r")\.?"
_MONTH_NAME_AS_WRITTEN = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_DAY_AS_WRITTEN = r"(?:[0-3]?[0-9])(?:st|nd|rd|th)?"
_YEAR_AS_WRITTEN = r"(?:1[89][0-9]{2}|20[0-9]{2})"
#: Since 4dfaae6 a month and its day are not read across a blank line; since 1425c48 a count after
#: "in March," does not keep the month from standing alone.
_GAP_AS_WRITTEN = r"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)"
_EXPLICIT_AS_WRITTEN = re.compile(
    r"(?=[0-9adefijlmnost" + "".join(sorted({name[0] for name in _ARABIC_MONTHS_AS_WRITTEN})) + r"])(?<![\w.])(?:"
    rf"(?P<iso_y>{_YEAR_AS_WRITTEN})[-/](?P<iso_m>[01]?[0-9])[-/](?P<iso_d>[0-3]?[0-9])(?:(?![\w/-])|(?=t[0-9]))"
    rf"|(?P<num_a>[0-3]?[0-9])(?P<num_sep>[./-])(?P<num_b>[01]?[0-9])(?P=num_sep)(?P<num_y>{_YEAR_AS_WRITTEN})"
    r"(?![0-9_/-]|\.[0-9])"
    rf"|(?P<dmy_d>{_DAY_AS_WRITTEN})(?:\s+(?:of|من))?[\s-]+(?P<dmy_m>{_MON_AS_WRITTEN})[\s,،-]+(?P<dmy_y>{_YEAR_AS_WRITTEN})\b"
    rf"|(?P<mdy_m>{_MON_AS_WRITTEN}){_GAP_AS_WRITTEN}(?P<mdy_d>{_DAY_AS_WRITTEN})(?:[,،]?\s+|(?<=[0-9]{{2}}))(?P<mdy_y>{_YEAR_AS_WRITTEN})\b"
    rf"|(?P<dm_d>{_DAY_AS_WRITTEN})(?:\s+(?:of|من))?{_GAP_AS_WRITTEN}(?P<dm_m>{_MON_AS_WRITTEN})(?![\w-])"
    rf"(?!\.?\s+{_DAY_AS_WRITTEN}(?:[,،]\s*|\s+){_YEAR_AS_WRITTEN}\b)"
    rf"|(?P<my_m>{_MON_AS_WRITTEN})[,،]?\s+(?P<my_y>{_YEAR_AS_WRITTEN})\b"
    rf"|(?P<md_m>{_MON_AS_WRITTEN}){_GAP_AS_WRITTEN}(?P<md_d>{_DAY_AS_WRITTEN})(?![\w]|:[0-9]|[.,]?[0-9])"
    rf"|(?P<mo_pre>(?:in|during|early|late|mid|last|of)[\s-]+(?:(?:early|late|mid)[\s-]+)?)"
    rf"(?P<mo_m>{_MONTH_NAME_AS_WRITTEN})(?![\w-])(?!\.?\s*[0-9]|[.,،]\s*(?:{_DAY_AS_WRITTEN}[,،]?\s+)?{_YEAR_AS_WRITTEN}\b)"
    rf"|(?P<yr_pre>(?:in|during|of)\s+(?:(?:early|late|mid)[\s-]+)?)(?P<yr_y>{_YEAR_AS_WRITTEN})(?![\w/-]|[.,][0-9])"
    rf"|(?:the|its|their)\s+(?P<yr_y2>{_YEAR_AS_WRITTEN})(?=\s+[a-z-]*[a-rt-z]\b)"
    r")"
)
_MONTH_WORDS = ["january", "jan", "february", "feb", "march", "mar", "april", "apr", "may", "june", "jun", "july", "jul",
                "august", "aug", "september", "sept", "sep", "october", "oct", "november", "nov", "december", "dec"]
DATE_PIECES = st.one_of(
    st.integers(0, 40).map(str), st.integers(1799, 2100).map(str), st.sampled_from(["st", "nd", "rd", "th", "t1", "01"]),
    st.sampled_from(_MONTH_WORDS).map(str.capitalize), st.sampled_from(_MONTH_WORDS),
    st.sampled_from(_MONTH_WORDS).map(str.upper),
    st.sampled_from(["in", "during", "early", "late", "mid", "last", "of", "on", "monday", "ma", "octo", "x", "_",
                     "the", "its", "their", "attack", "fighters"]),
    st.sampled_from([" ", "  ", ", ", ",", "،", "، ", ".", "-", "/", "\n", ":", "(", "é", "İ", "\u212a", "\u00a0", "\u2028"]),
)
EXPLICIT_TEXT = st.lists(DATE_PIECES, max_size=12).map("".join)


@settings(max_examples=1500, deadline=None)
@given(st.one_of(EXPLICIT_TEXT, DATE_TEXT, st.text(alphabet="adefijlmnosrtuchyvgbpk0129 .,-/\n", max_size=40)))
@example("Jan. 3Jan. 3\x1fJan. 3")  # U+001F is a space to Unicode's \s, not to ASCII's
@example("in March, 3 February")  # a day after the comma is not the month's
@example("since July.\n\n7 Aug 2016")  # nor across a blank line
@example("Jan. 3Jan. 3 شباط")  # an Arabic month after its day
@example("3 من أيار 2016 كان")  # "3 of May 2016"; a month's stem alone ("كان", was) is no month
def test_the_grouped_date_expression_finds_the_dates_of_the_flat_one(text: str) -> None:
    """Dates are found by an expression grouped by how a date starts, searched from the character
    before each word; it must find what the flat expression finds, group for group, and a match's
    last group must name its form (dating reads the form from it)."""
    from geomap.dates import _RANK, _ascii_lower, _explicit_matches

    lowered = _ascii_lower(text)
    expected = [(m.start(), m.end(), m.groupdict()) for m in _EXPLICIT_AS_WRITTEN.finditer(lowered)]
    found = list(_explicit_matches(" " + lowered))
    assert [(m.start(), m.end() - 1, m.groupdict()) for m in found] == expected
    for m in found:
        assert m.lastgroup in _RANK
        assert {name.split("_")[0] for name, value in m.groupdict().items() if value is not None} == {
            m.lastgroup.split("_")[0]}


def _header_as_written(text: str) -> str:
    """``geomap.read._header`` as first written, one expression match per line."""
    end = 0
    seen = 0
    for m in re.finditer(r"[^\n]*\n?", text[:600]):
        if not m.group():
            break
        end = m.end()
        if m.group().strip():
            seen += 1
            if seen >= 8:
                break
    return text[:end]


def _dateline_span_as_written(text: str) -> tuple[int, int] | None:
    """``geomap.read.dateline_span`` as first written, its lines found by an expression."""
    from geomap.read import _DATELINE, _NOT_PLACES

    head = _header_as_written(text)
    for line in re.finditer(r"^.*$", head, re.MULTILINE):
        if not line.group().strip():
            continue
        m = _DATELINE.match(head, line.start(), line.end())
        if m is None:
            continue
        place = m.group("upper") or m.group("title") or m.group("titled")
        if any(word.strip(".-") in _NOT_PLACES for word in place.upper().replace("-", " ").split()):
            continue
        return line.start() + (len(line.group()) - len(line.group().lstrip())), m.end()
    return None


HEADER_TEXT = st.lists(st.one_of(
    st.sampled_from(["\n", "\n\n", " \n", "\r\n", "\r", "\t", "\u2028", "\u00a0", " ", "x" * 90, "y " * 150, "DAMASCUS:", "BEIRUT (Reuters) -",
                     "IDLIB, Syria —", "BREAKING:", "Wed 05 Apr 2017", "Posted on 11 January 2018", "(AFP)", "HOMS (SANA)"]),
    st.text(max_size=6)), max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(HEADER_TEXT)
def test_header_lines_and_datelines_are_read_as_first_written(text: str) -> None:
    """The header and its lines are cut with ``str.split``, where expressions cut them first; and
    inline datelines are looked for only where a known agency is named: same header, same datelines."""
    from geomap import read

    assert read._header(text) == _header_as_written(text)
    assert read.dateline_span(text) == _dateline_span_as_written(text)
    with mock.patch.object(read, "_KNOWN_AGENCY_SEARCH", lambda text: True):
        ungated = read.dateline_spans(text)
    assert read.dateline_spans(text) == ungated


_DASHED_CUES = st.sampled_from(sorted({cue.rstrip("*").replace(" ", "-") for cues in
                                       (*LEXICON.values(), *DEVICE_CUES.values(), EVENT_WORDS) for cue in cues if " " in cue}))
DASHED_TEXT = st.lists(st.one_of(_DASHED_CUES, st.sampled_from([" ", "-", "--", " - ", "s", "x"]), st.text(max_size=4)),
                       max_size=8).map("".join)


@settings(max_examples=500, deadline=None)
@given(DASHED_TEXT)
def test_ascii_hyphens_read_like_unicode_ones(sentence: str) -> None:
    """Typing reads dashes as spaces, in ASCII text by ``str.replace``, in other text by an expression:
    a sentence must be typed the same with its hyphens written as U+2010."""
    other = sentence.replace("-", "\u2010")
    assert (classify_event(sentence), reports_event(sentence)) == (classify_event(other), reports_event(other))


MENTION_PIECES = st.sampled_from([
    "in", "In", "IN", "of", "Of", "the", "The", "village", "Village", "town of", "near", "NEAR", "city", "province",
    "air base", "Idlib", "Kafr Nabl", "Umm al-Khalakhi", "Jaish", ",", ".", "and", "\n\n", "İn", "ın",
    "kbg", "sja", "afus",  # their hashes share their low bits with those of "shelled", "into" and "at"
])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(MENTION_PIECES, st.text(max_size=6)), max_size=30).map(" ".join))
@example("kbg shelled sja into afus at Idlib")
def test_the_hash_bit_table_finds_every_place_context_opener_and_only_those(extractor: Extractor, text: str) -> None:
    """Context candidates are looked for after the words a table of hash bits points at; those must
    be exactly the words a plain look at every token finds."""
    from spacy.attrs import LOWER

    from geomap.mentions import KIND_WORDS, PLACE_PREPOSITIONS, _context_openers

    doc = extractor.nlp.make_doc(text)
    openers = PLACE_PREPOSITIONS | set(KIND_WORDS) | {"of"}
    assert _context_openers(doc.to_array(LOWER)) == [(t.i, t.lower) for t in doc if t.lower_ in openers]


TITLE_WORDS = st.sampled_from(["Rebels", "Shell", "Army", "Posts", "Near", "Saraqib", "near", "shelled", "the", "The",
                               "About", "about", "Gun", "war", "Over", "village", "Idlib", "Über", "über", "3rd", "ABCD",
                               "al-Sham", "x", ",", ".", "\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(TITLE_WORDS, st.sampled_from([True, False, None])), max_size=30))
def test_sentences_and_title_case_read_the_tokens_as_attribute_arrays_do(extractor: Extractor,
                                                                          words: list[tuple[str, bool | None]]) -> None:
    """Mention finding finds sentence starts with numpy and a headline's content words token by
    token; both must answer as the plain reading of whole-Doc attribute arrays."""
    from spacy.attrs import IS_ALPHA, IS_STOP, LENGTH, ORTH, SENT_START
    from spacy.tokens import Doc

    from geomap.mentions import _is_title_case, _Sentences

    doc = Doc(extractor.nlp.vocab, words=[w for w, _ in words], sent_starts=[s for _, s in words])
    sentences = _Sentences(doc)
    flags = doc.to_array(SENT_START).tolist()
    assert sentences.starts == [i for i, flag in enumerate(flags) if flag == 1 or i == 0]
    orths, alpha, length, stop = doc.to_array([ORTH, IS_ALPHA, LENGTH, IS_STOP]).T.tolist()
    for start, end in zip(sentences.starts, sentences.ends):
        content = [doc.vocab.strings[orths[i]] for i in range(start, end) if alpha[i] and length[i] >= 3 and not stop[i]]
        assert sentences.title_case(doc[start:end]) == _is_title_case(content)
