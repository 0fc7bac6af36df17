"""Date and type resolved mentions, and gather them into event records.

A sentence that states no date of its own takes the day an earlier sentence of the same
paragraph stated ("On 2 May, … Later that day, …"), before falling back to the publication date.
A month or a year ("the town had been shelled in 2016") is background and is not carried on.

One event per (article, place, date, type, role): repeated mentions of the same place in the
same kind of report add to its ``reports`` count instead of stacking markers. A governorate or
country named in the same sentence as a town inside it is background to that town's event
("air strikes in Saraqib, in Idlib province"), so it is kept as a ``mention``; so is a place
named only to say where another one lies ("near Amuda, west of Qamishli").
"""

from __future__ import annotations

import bisect
import collections
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from .dates import CLOCK_TIME, DAY_COUNTS, EventDate, date_clauses, date_event, iter_full_dates, latest_told_day, make_date, opens_with_its_date, slash_dates_day_first
from .event_types import TAKEN_OUT_BEFORE, classify_event
from .gazetteer import URBAN_KM, haversine_km, lies_abroad
from .model import AREA_KINDS, Article, Event, Mention, Place, ResolvedMention

#: Kinds that a finer place in the same sentence makes background.
_COARSE = AREA_KINDS
#: Words before a place named as what another faces across a border: "across the border from",
#: "opposite", "facing", "faces".
_FACING = r"\b(?:across\s+(?:the\s+border\s+)?from|(?:directly\s+|just\s+)?opposite|facing|faces|faced)"
#: Between such words and the place's name: "the Syrian town of", "the YPG-held city of".
_TO_THE_NAME = r"\s+(?:the\s+)?(?:(?:[\w-]+\s+)?(?:city|town|village|border\s+town)\s+of\s+|(?:[\w-]+\s+)?capital\s+)?$"
#: Words before a place named as a landmark for another: "west of Qamishli", "10 km from Idlib",
#: "opposite Ras al-Ain", "west of the Syrian capital", "on the slopes of", "shook windows as far away as".
_REFERENCE_POINT = re.compile(
    r"(?:\b(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|"
    r"south-west|km|kms|kilometres|kilometers|miles)\s+(?:of|from)|\b(?:slopes|foothills)\s+of|\bas\s+far\s+(?:away\s+)?as|"
    + _FACING + ")" + _TO_THE_NAME, re.IGNORECASE)
_ACROSS_THE_BORDER = re.compile(_FACING + _TO_THE_NAME, re.IGNORECASE)
#: How the words before a place end when one of those two expressions can match them: testing it
#: is far cheaper than the expression's search.
_REFERENCE_ENDINGS = ("of", "from", "the", "opposite", "facing", "faces", "faced", "capital", "as")
_KIND_WORD = r"(?:towns?|villages?|city|cities|areas?|camps?|neighbou?rhoods?|districts?|countryside)"
_LISTED_NAME = r"(?:(?:al|el|as|ash|ad|ar|at|az|an)[-‐])?[A-Z][\w'’‐-]*"
#: Between a place and a bracket that names what contains it: "Al-Yadudah town (Daraa)", and past the
#: other names of a list: "Ein Issa and Tal Tamer countryside (Raqqa, Hasakah)".
_BEFORE_BRACKET = re.compile(
    rf"^\s*{_KIND_WORD}?(?:\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+){_LISTED_NAME}(?:\s+{_LISTED_NAME})*"
    rf"(?:\s+{_KIND_WORD})?)*\s*\($")
#: After "X, Governorate": the end of the clause ("near Saraqab, Idlib.", "struck Kafr Nabl, Idlib,
#: killing two"); not a list going on ("Saraqib, Idlib and Ariha").
_CLAUSE_END = re.compile(r"^\s*(?:province|governorate)?\s*(?:[.;:)]|$|,\s*(?!and\b|or\b)[a-z])")
#: Between a place and the governorate after it: "Saraqab, Idlib", "Kafr Nabl in Maarat al-Numan district, Idlib",
#: "Ras al-Ain (Sere Kaniye), Hasakah".
_COMMA_AFTER = re.compile(r"^\s*(?:\([^()]*\))?\s*(?:district|subdistrict|countryside|area|town|village|city)?\s*,\s*$")
#: Between a finer place and the governorate's namesake city that contains it: "Kafr Nabl in Idlib".
_IN_CONTAINER = re.compile(r"^\s*,?\s+in\s+(?:the\s+)?$")
#: After a place that contains the next one: "Idlib's Khan Sheikhun", "Idlib province's rebel-held Saraqib".
_POSSESSIVE = re.compile(r"^(?:\s+(?:province|governorate|city))?['’]s\s+(?:[a-z][a-z-]*\s+){0,3}$")
#: A place used as an adjective for the next one: "the (northwestern) Idlib town of Khan Sheikhun".
_ADJECTIVE_BEFORE = re.compile(r"\bthe\s+(?:[a-z][a-z-]*\s+){0,3}$", re.IGNORECASE)
_ADJECTIVE_AFTER = re.compile(r"^\s+(?:(?:province|governorate|countryside)\s+)?"
                              r"(?:town|city|village|district|area|suburb|neighbou?rhood)s?\s+of\s+(?:the\s+)?$")
#: After a place used as the adjective of a smaller one: "the Damascus suburb", "the Idlib town";
#: not "the Idlib town of Saraqib".
_SMALLER_PLACE_AFTER = re.compile(r"\s+(?:suburb|town|village|neighbou?rhood|camp)\b(?!\s+of\b)", re.IGNORECASE)
#: Between an event place and a place named to say where it lies: "struck Kafr Nabl near Maarat al-Numan",
#: "the Bab al-Salama crossing near Azaz".
_NEAR_ANOTHER = re.compile(r"^\s*(?:(?:border\s+)?(?:crossing|air\s?base|airport|base|camp|checkpoint|dam|field|hill|bridge|"
                           r"area|town|village|city|district|neighbou?rhood)\s*)?,?\s+"
                           r"(?:near|outside|close\s+to|on\s+the\s+outskirts\s+of)\s+(?:the\s+)?"
                           r"(?:(?:town|city|village)\s+of\s+)?$", re.IGNORECASE)
#: Words after a place named as the end of a road: "the Deir ez-Zor - Palmyra highway", "the Aleppo road".
_ROAD_END = re.compile(r"^(?:\s*[-‐–]\s*[^\s,.;()]+(?:[ -][^\s,.;()]+){0,3})?\s+(?:highway|road|motorway)\b", re.IGNORECASE)
#: Words before a place named as the end of a road: "the road linking Aleppo to Idlib", "the highway
#: between Homs and Hama", "the road from Damascus to Beirut".
_ROAD_FROM = re.compile(r"\b(?i:road|(?<!en\s)route|highway|motorway)s?\s+(?:linking|connecting|between|from|to)\s+(?:the\s+)?"
                        r"(?:(?:[^\s,.;()]+\s+){1,4}?(?:to|and|with)\s+(?:the\s+)?(?:[a-z][a-z-]*\s+){0,3})?$")


#: Words before a place named as where people come from: "a young man from the town of Jasim",
#: "displaced people from Eastern Ghouta and", "teams from Jableh and", "a teacher from al-Tayyana",
#: "a father of four from al-Hirak", "insurgents from Idlib province",
#: "a member of the Military Security branch from Ghasm".
_SOMEONES_HOME = re.compile(
    r"\b(?i:m[ae]n|wom[ae]n|boys?|girls?|child(?:ren)?|youths?|teenagers?|civilians?|people|persons?|residents?"
    r"|famil(?:y|ies)|merchants?|traders?|farmers?|shepherds?|drivers?|workers?|fighters?|gunmen|victims?|survivors?"
    r"|insurgents?|rebels?|militants?|jihadists?|militiamen"
    r"|(?:school)?teachers?|doctors?|students?|engineers?|nurses?|pharmacists?|lawyers?"
    r"|brothers?|sisters?|sons?|daughters?|fathers?|mothers?|husbands?|wi(?:fe|ves)|widows?|relatives|detainees?|refugees?"
    r"|teams?|crews?|volunteers"
    r"|members?(?:\s+of\s+(?:the\s+|a\s+)?[\w-]+(?:\s+[\w-]+){0,3}?)?)"
    r"(?:\s+of\s+(?:two|three|four|five|six|seven|eight|nine|ten|[0-9]+))?\s+from\s+"
    r"(?:the\s+(?:[a-z]+\s+)?(?:towns?|villages?|cit(?:y|ies)|areas?|countryside|districts?)\s+of\s+(?:the\s+)?)?"
    r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s*(?:,\s*(?:and\s+)?|\s+and\s+(?:from\s+)?(?:the\s+)?))*$")


def make_events(article: Article, resolved: Sequence[ResolvedMention],
                date_lines: Sequence[tuple[int, int]] = (), sentences: Sequence[tuple[int, int]] = ()) -> list[Event]:
    """Event records for one article, in text order of their first mention.

    ``date_lines`` are the character ranges of the article's own date ("AFP, Sunday 1 Feb 2015")
    and of its dateline ("IDLIB, Syria, March 16 (Reuters) -"): they say when the report was
    published or filed, not when the event happened, so they never date one.
    ``sentences`` are the article's sentence bounds: a day stated in a sentence that names no
    place carries on too ("On Friday, rebels attacked. Clashes hit Aleppo.").
    """
    resolved = _demote_containers(_demote_reference_points(_demote_abroad(_demote_coarse(resolved))))
    events: dict[tuple, Event] = {}
    reports: dict[tuple, int] = {}
    dated: dict[int, tuple[EventDate, str]] = {}  # per sentence: date and type are computed once
    clauses: dict[int, list[tuple[int, EventDate]]] = {}  # per sentence stating several days: each clause's
    unstated: set[int] = set()  # sentences that state no day: "a day after" in them counts back from the story's
    story_date: EventDate | None = None  # the last day a sentence of the current paragraph stated
    last_day: EventDate | None = None  # the last day any sentence stated
    paragraph_breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(article.text)]
    day_first = slash_dates_day_first(article.text)  # how its slash dates are written: "03/10/2019" in a table
    paragraph = -1
    headings = _date_headings(article.text, date_lines, article.published)
    heading_starts = [start for start, _ in headings]
    passed = 0  # the date headings above the last paragraph read

    def opening(index: int) -> int:  # where paragraph number ``index`` begins
        return paragraph_breaks[index - 1] if index > 0 else 0

    bounds = sorted(sentences)
    header_end = _header_end(article.text)
    lead: list[EventDate | None] = []  # the lead's day, read once when a headline or the lead needs it
    lead_start = next((start for start, _ in bounds if start >= header_end), None)
    history: dict[tuple[str | None, str | None], bool] = {}  # by date and precision: long before the report
    # Without a publication date, the latest day the text tells of: a year or month long before it lies
    # long before the report too ("On July 4, 2015, … In 2013 its fighters led the assault on Qusayr");
    # a day stated in full is an incident's own, as a list of dated incidents gives them.
    no_older_than = latest_told_day(article.text) if article.published is None else None
    entries: set[int] = set()  # the sentences of a chronology's entries: each opens its line with its date
    entry_ends = 0  # where the last entry's line ends
    places_in = collections.Counter(item.mention.sentence_start for item in resolved)
    read_up_to = 0  # the sentences that open before this offset need not be read for a day again
    read: list[tuple[ResolvedMention, EventDate, str, str]] = []  # each mention with its day, type and role
    for item in resolved:
        mention, place = item.mention, item.place
        if mention.sentence_start not in dated:
            this_paragraph = bisect.bisect_right(paragraph_breaks, mention.sentence_start)
            if this_paragraph != paragraph:
                paragraph = this_paragraph
                if _TIMESTAMP.match(article.text, opening(paragraph)):
                    # A live blog's next entry ("11:40 — Mortars struck …"): the news day goes on, not the day
                    # the last entry told of; an entry's headline alone on its line, the day its body tells.
                    story_date = _entry_day(article, paragraph, paragraph_breaks, bounds, date_lines, day_first)
                elif not _news_day(story_date, article.published):
                    story_date = None  # an older day was background; the news day goes on
                above = bisect.bisect_left(heading_starts, mention.sentence_start)
                if above and (above > passed or story_date is None):
                    story_date = last_day = headings[above - 1][1]  # a live blog's "Friday, 29 November 2024"
                passed = above
            sentence = _without(mention.sentence, mention.sentence_start, date_lines)
            if sentence != mention.sentence and opens_with_its_date(mention.sentence):
                # A chronology's first entry ("28 Dec 2021 — Missiles hit …"), whose date was taken for
                # the report's own: it is the entry's day.
                sentence = mention.sentence
            when = date_event(sentence, article.published, day_first=day_first)
            if when.source == "relative" and passed and headings[passed - 1][1].date < (article.published or dt.date.max).isoformat():
                # "this morning", "yesterday" under a live blog's or a digest's day heading: of that day
                when = date_event(sentence, dt.date.fromisoformat(headings[passed - 1][1].date),  # type: ignore[arg-type]
                                  day_first=day_first)
            if when.date is None and article.published is None and (story_date or last_day) is not None:
                when = _in_a_story_of_known_year(sentence, story_date or last_day, day_first) or when  # type: ignore[arg-type]
            if (when.year_assumed or when.source == "published") and "year" in sentence \
                    and (year := _that_year(article.text, mention.sentence_start, sentence)) is not None:
                moved = _in_the_year_of(when, year, article.published)  # "taking Yabroud on 16 March of that year"
                when = when if moved is when else replace(moved, year_assumed=False)
            stated = when.source in ("sentence", "relative")
            if when.year_assumed and story_date is not None and _long_before(story_date, article.published):
                when = _in_the_year_of(when, int(story_date.date[:4]), article.published)  # type: ignore[index]  # "4 April 2017 – … On 7 April"
            # Only where the sentence stated a day and names more than one place can its clauses differ.
            clauses[mention.sentence_start] = \
                date_clauses(sentence, article.published, day_first=day_first) if stated and places_in[mention.sentence_start] > 1 else []
            if stated:
                if _a_day_the_story_goes_on_from(when):
                    # "… on 3 February, and … A'zaz and Ma'arrat on 15 February. On the same day, …": the
                    # story goes on from the latest day its clauses state.
                    latest = max((day for _, day in clauses[mention.sentence_start]), key=lambda day: day.date or "",
                                 default=when)
                    story_date, read_up_to, last_day = latest, mention.sentence_start, latest
            elif mention.sentence_start < header_end and when.source == "published":
                # A headline says what the lead tells: "Syrian army captures Maarat al-Numan" is the
                # day the lead gives ("took the town on Tuesday"), not the publication day.
                if not lead:
                    lead.append(_lead_day(article, bounds, header_end, date_lines, day_first))
                if lead[0] is not None:
                    when = _carried(lead[0], 0)
            elif article.published is not None and not passed and _told_as_now(mention.sentence, story_date, article.published):
                pass  # "Most of those fleeing Ariha are heading north": the report's day, not the story's last
            else:
                told = _day_told_before(article, bounds, mention.sentence_start, max(read_up_to, opening(paragraph)),
                                        dated, date_lines, day_first)
                if told is None and mention.sentence_start == lead_start and story_date is None:
                    # A lead with no day of its own, whose next sentence tells it again with its day: "At
                    # least 31 civilians were killed when air strikes hit … Maaret al-Numan. The raids on
                    # Monday morning struck the market …"
                    if not lead:
                        lead.append(_lead_day(article, bounds, header_end, date_lines, day_first))
                    told = lead[0]
                if told is None and story_date is None and article.published and read_up_to < opening(paragraph):
                    # Before the story has a day, a news day told in an earlier paragraph ("Wednesday's
                    # attacks began before dawn." before the paragraphs that name the villages).
                    earlier = _day_told_before(article, bounds, opening(paragraph), max(read_up_to, header_end),
                                               dated, date_lines, day_first)
                    told = earlier if _news_day(earlier, article.published) else None
                read_up_to = mention.sentence_start
                story_date = told or story_date
                shift = _days_after_the_story_day(mention.sentence)
                if story_date is None and shift is not None:
                    story_date = last_day  # "that day", "the next day" point back past a paragraph break
                if story_date is not None:  # "Later that day, more strikes hit X": the story's date
                    when = _carried(story_date, shift or 0)
                    if shift:
                        story_date = last_day = when  # the story has moved on a day
            dated[mention.sentence_start] = (when, classify_event(mention.sentence))
            if stated and opens_with_its_date(mention.sentence):  # a chronology's entry, to the end of its line
                opens = mention.sentence_start + len(mention.sentence) - len(mention.sentence.lstrip())
                line_end = article.text.find("\n", opens)
                entry_ends = len(article.text) if line_end < 0 else line_end
            if mention.sentence_start < entry_ends:
                entries.add(mention.sentence_start)  # what happened that day, however long ago
            if not stated:
                unstated.add(mention.sentence_start)
        when, event_type = dated[mention.sentence_start]
        if (own := _day_of_its_relative_clause(mention, article.published, day_first)) is not None:
            when = own  # "starting with Busra al-Harir, which it seized on June 26": the place's own day
        elif clauses[mention.sentence_start]:  # "struck A on Monday, and B on Tuesday": the day of its own clause
            offset = mention.start_char - mention.sentence_start
            when = next(day for first, day in reversed(clauses[mention.sentence_start]) if first <= offset)
        elif when.source == "sentence" and when.precision != "day" and "had" in mention.sentence \
                and (outside := _outside_a_past_perfect_clause(mention)) is not None:
            # "captured Kafr Naha …, a compound that regime forces had taken in early 2020": Kafr Naha's
            # day is the rest of the sentence's, else the story's or the report's
            redated = date_event(_without(outside, mention.sentence_start, date_lines), article.published, day_first=day_first)
            when = redated if redated.source != "published" or story_date is None else _carried(story_date, 0)
        elif mention.sentence_start in unstated and when.precision == "day" and when.date is not None:
            earlier = _days_before_in_the_sentence(mention)
            if earlier:  # "The advance comes a day after the regime took Kafr Nabuda": the day before
                when = _carried(when, -earlier)
        if (when.date, when.precision) not in history:
            history[(when.date, when.precision)] = _long_before(when, article.published or (no_older_than if when.precision != "day" else None))
        role = "mention" if history[(when.date, when.precision)] and mention.sentence_start not in entries else mention.role
        year = _a_past_years_event_at(mention, article.published)
        if year is not None:  # "victims of the 2013 chemical attack in Ghouta": of that year, and history
            when, role = EventDate(f"{year}-01-01", "year", "sentence", f"the {year} event named before it"), "mention"
        read.append((item, when, event_type, role))
    if header_end:
        read = _headline_places_dated_by_the_body(read, header_end, unstated, article.published)
    for item, when, event_type, role in read:
        mention, place = item.mention, item.place
        key = (place.id, when.date, event_type, role)
        if key in events:
            reports[key] += 1
            continue
        reports[key] = 1
        events[key] = Event(
            doc_id=article.id,
            place=place.name,
            mention=mention.text,
            start_char=mention.start_char,
            end_char=mention.end_char,
            lat=round(place.lat, 6),
            lon=round(place.lon, 6),
            kind=place.kind,
            admin1=place.admin1,
            place_id=place.id,
            resolver=item.resolver,
            score=round(item.score, 4),
            role=role,
            date=when.date,
            date_precision=when.precision,
            date_source=when.source,
            event_type=event_type,
            sentence=mention.sentence,
            title=article.title,
            source=article.source,
            name_ar=place.name_ar,
        )
    counted = [replace(event, reports=reports[key]) if reports[key] > 1 else event for key, event in events.items()]
    return sorted(counted, key=lambda e: (e.start_char, e.place_id))


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
#: A live blog's entry opening with its clock time: "11:40 — ", "09:15 GMT: ", "2.05pm: ", "[14:20] ".
_TIMESTAMP = re.compile(r"\s*\[?[0-2]?[0-9][:.][0-5][0-9](?:\s*(?i:am|pm|a\.m\.|p\.m\.))?(?:\s*(?:GMT|UTC|local\s+time|[A-Z]{3,4}))?\]?"
                        r"\s*(?:[-–—:|]|(?=\s+[A-Z]))")


def _headline_places_dated_by_the_body(told: list[tuple[ResolvedMention, EventDate, str, str]], header_end: int,
                                       unstated: set[int], published: dt.date | None) -> list[tuple[ResolvedMention, EventDate, str, str]]:
    """A place the headline names without a day of its own takes the first news day the body states
    for it ("… takes most of Aleppo city, Saraqib falls" over a lead dated Saturday and "Saraqib fell
    on Friday" further down), not the lead's day nor the publication day; an older day the body
    tells of is background ("the campaign began on 25 August")."""
    body_day: dict[str, EventDate] = {}
    lead = next((item.mention.sentence_start for item, *_ in told if item.mention.sentence_start >= header_end), None)
    for item, when, _, role in told:
        mention = item.mention
        # The lead tells what the headline does, whatever role its words give the place: "Nine young
        # men from the city of Nawa were killed … late on Wednesday" under "Nine killed in Daraa's Nawa".
        if mention.sentence_start >= header_end and (role == "event" or mention.sentence_start == lead) \
                and mention.sentence_start not in unstated \
                and item.place.id not in body_day and _a_day_the_story_goes_on_from(when) and _news_day(when, published):
            body_day[item.place.id] = when
    if not body_day:
        return told
    return [(item, _carried(body_day[item.place.id], 0), event_type, role)
            if item.mention.sentence_start < header_end and item.mention.sentence_start in unstated
            and item.place.id in body_day else (item, when, event_type, role)
            for item, when, event_type, role in told]


#: The first line of a text's body ends as a sentence does ("… the army said on Wednesday."); a
#: headline, a byline or a date line does not.
_BODY_LINE = re.compile(r".*[.!?][\"”'’)]?\s*$")
#: Only so many lines that are not blank open a text as its header, not counting a page's menus,
#: breadcrumbs and share or update lines (:data:`_PAGE_FURNITURE_LINE`, unless they end as a
#: sentence does, as a table's rows may).
_HEADER_LINES = 6
#: A line of a web page's furniture: "News | UAE | World", "Home > World > Middle East", "Share:
#: Facebook | Twitter", "Updated: May 27, 2012 01:12 AM", "Skip to main content".
_PAGE_FURNITURE_LINE = re.compile(r"(?:[^|>›»\n]*[|>›»]){2}|\s*(?:Share\b|Skip\s+to\b|(?:Last\s+)?[Uu]pdated\b)")


def _header_end(text: str) -> int:
    """The offset where a text's body begins: the first line that ends as a sentence does, among
    the first few lines that are not blank nor a page's furniture (a page puts blank lines and menus
    between its headline, byline and date); 0 when the text opens with its body or runs on without
    line breaks (then nothing is a headline)."""
    offset = 0
    read = 0
    for line in text.split("\n", 4 * _HEADER_LINES):
        if line.strip() and not (_PAGE_FURNITURE_LINE.match(line) and not _BODY_LINE.match(line)):
            if read == _HEADER_LINES:
                return 0
            if _BODY_LINE.match(line):
                return offset
            read += 1
        offset += len(line) + 1
    return 0


def _lead_day(article: Article, bounds: Sequence[tuple[int, int]], header_end: int,
              date_lines: Sequence[tuple[int, int]], day_first: bool | None) -> EventDate | None:
    """The day the lead (the body's first sentence) states, if it states one; if it states no date at
    all, the day of the next sentence when that tells the lead's event again ("The raids on Monday
    morning struck the market …", :data:`_THE_LEAD_AGAIN`)."""
    at = next((i for i, (start, _) in enumerate(bounds) if start >= header_end), None)
    if at is None:
        return None
    first = bounds[at]
    told = date_event(_without(article.text[first[0]:first[1]], first[0], date_lines), article.published, day_first=day_first)
    second = next(((start, end) for start, end in bounds[at + 1:] if article.text[start:end].strip()), None)
    if told.source == "published" and second is not None and _THE_LEAD_AGAIN.match(article.text, second[0]):
        told = date_event(_without(article.text[second[0]:second[1]], second[0], date_lines), article.published, day_first=day_first)
    return told if _a_day_the_story_goes_on_from(told) and _news_day(told, article.published) else None


#: A sentence that opens by naming the lead's event again: "The raids on Monday morning …", "The
#: attack, which took place on Sunday, …".
_THE_LEAD_AGAIN = re.compile(r"\s*(?:The|These|Those)\s+(?:[\w-]+\s+){0,2}?(?:raids?|strikes?|airstrikes?|attacks?|bombings?"
                             r"|blasts?|explosions?|shelling|bombardment|assault|clashes|fighting|massacre|killings?)\b")


def _entry_day(article: Article, paragraph: int, paragraph_breaks: Sequence[int], bounds: Sequence[tuple[int, int]],
               date_lines: Sequence[tuple[int, int]], day_first: bool | None) -> EventDate | None:
    """The day of a live blog's entry that opens paragraph number ``paragraph`` with its clock time:
    for a headline alone on its lines ("8:02 am — Syrian state media says nine killed near Nawa"), the
    day the first sentence under it tells ("… on Wednesday night"); else none, the news day."""
    start = paragraph_breaks[paragraph - 1] if paragraph > 0 else 0
    end = paragraph_breaks[paragraph] if paragraph < len(paragraph_breaks) else len(article.text)
    if "\n" in article.text[start:end].strip() or end - start > _ENTRY_HEADLINE_CHARS:
        return None
    return _lead_day(article, bounds, end, date_lines, day_first)


#: The longest a live blog entry's headline runs, alone in its paragraph.
_ENTRY_HEADLINE_CHARS = 200


def _day_told_before(article: Article, bounds: Sequence[tuple[int, int]], start: int, floor: int,
                     dated: dict[int, tuple[EventDate, str]], date_lines: Sequence[tuple[int, int]],
                     day_first: bool | None) -> EventDate | None:
    """The day stated by the nearest sentence naming no place before offset ``start`` (and from
    ``floor`` on): "On Friday, rebels attacked. Clashes hit Aleppo." A sentence with a place was
    read already. Read backwards, so most sentences are never read at all."""
    i = bisect.bisect_left(bounds, (start, -1))
    while i > 0:
        i -= 1
        first, last = bounds[i]
        if first < floor:
            return None
        if first in dated:
            continue
        told = date_event(_without(article.text[first:last], first, date_lines), article.published, day_first=day_first)
        if _a_day_the_story_goes_on_from(told):
            return told
    return None


#: A line that is a date alone, perhaps after its weekday or a report's label for the day its
#: items tell of: a live blog's or a chronicle's heading over the entries of that day ("Friday, 29
#: November 2024"), a situation report's "Incidents recorded on 27 May 2019 (06:00 to 06:00)", an
#: incident record's "Incident date: November 19, 2018".
#: Lines short enough and ending in a year (and a time span) are found first, in one pass: reading
#: every date of a text costs ten times more.
_SHORT_LINE_ENDING_IN_A_YEAR = re.compile(r"^[^\n]{4,60}(?<![\d/.-])(?:1[89]|20)\d\d[ \t]*(?:\([^\n()]{0,30}\)[ \t]*)?$",
                                          re.MULTILINE)
_DATE_HEADING = re.compile(r"[ \t]*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?[ \t]+"
                           r"|(?:incidents?|events?|violations?|attacks?)[ \t]+(?:recorded|documented|reported)[ \t]+(?:on|for)[ \t]+"
                           r"|(?:incident|event|attack|strike)[ \t]+date[ \t]*:[ \t]*|date[ \t]+of[ \t]+(?:the[ \t]+)?(?:incident|event|attack|strike)[ \t]*:[ \t]*)?"
                           r"(?P<date>.{6,30}?)[ \t]*(?:\([^()]*\)[ \t]*)?", re.IGNORECASE)


#: A line that is a year alone: a timeline's heading over its entries ("2012", then "July 20 - Rebel
#: fighters sweep into …"), whose days are of that year.
_YEAR_HEADING = re.compile(r"^[ \t]*(?P<year>(?:19|20)[0-9]{2})[ \t]*:?[ \t]*$", re.MULTILINE)


def _date_headings(text: str, date_lines: Sequence[tuple[int, int]], published: dt.date | None) -> list[tuple[int, EventDate]]:
    """Where each date heading of a text begins, and its day, in text order; not the article's own
    date line, which says when it was published. A heading without its year ("——— Saturday 15
    October ———", a channel digest's) is of the latest such day up to the publication date."""
    headings = []
    for line in _SHORT_LINE_ENDING_IN_A_YEAR.finditer(text):
        heading = _DATE_HEADING.fullmatch(line.group())
        dates = list(iter_full_dates(heading.group("date"))) if heading else []
        if len(dates) == 1 and dates[0][:2] == (0, len(heading.group("date"))):
            start = line.start()
            if not any(a <= start + heading.start("date") < b for a, b in date_lines):
                day = dates[0][2].isoformat()
                headings.append((start, EventDate(day, "day", "sentence", f"the date heading above: {day}")))
    for line in _YEAR_HEADING.finditer(text):  # a timeline's "2012" over its entries "July 20 - …"
        year = line.group("year")
        headings.append((line.start(), EventDate(f"{year}-01-01", "year", "sentence", f"the year heading above: {year}")))
    if published is not None:
        for line in _DAY_HEADING_WITHOUT_YEAR.finditer(text):
            told = date_event(line.group("day") or line.group("weekday"), published)
            if told.precision == "day" and told.source == "sentence" and told.date is not None:
                headings.append((line.start(), EventDate(told.date, "day", "sentence", f"the date heading above: {told.date}")))
    headings.sort(key=lambda heading: heading[0])
    return headings


#: A day without its year set off as a heading by rules of dashes or stars: "——— Saturday 15 October ———",
#: "*** Monday, March 4 ***"; a date alone on its line without them may be a headline's or a byline's.
_DAY_HEADING_WITHOUT_YEAR = re.compile(
    r"^[ \t]*(?:[—–\-=*~_#]{2,}[ \t]*(?P<day>(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?[ \t]+)?"
    r"(?:[0-3]?[0-9][ \t]+[A-Za-z]{3,9}\.?|[A-Za-z]{3,9}\.?[ \t]+[0-3]?[0-9]))[ \t]*[—–\-=*~_#]{2,}"
    # or its weekday too, alone on its line: a live blog's "Wednesday 18 July"
    r"|(?P<weekday>(?:mon|tues|wednes|thurs|fri|satur|sun)day,?[ \t]+(?:[0-3]?[0-9][ \t]+[A-Za-z]{3,9}|[A-Za-z]{3,9}[ \t]+[0-3]?[0-9])))"
    r"[ \t]*$",
    re.MULTILINE | re.IGNORECASE)


#: A relative clause right after a place: ", which it seized on June 26", ", where more than 200 people
#: died on 6 February".
_WHICH_CLAUSE = re.compile(r",\s+(?:which|where)\s+[^,.;:()]{0,80}")


def _day_of_its_relative_clause(mention: Mention, published: dt.date | None, day_first: bool | None) -> EventDate | None:
    """The day a relative clause right after the place states, which is the place's own ("The army
    launched its offensive on June 19, starting with Busra al-Harir, which it seized on June 26"); not
    a period's start ("which had been besieged since 2 January") nor a year or a month."""
    clause = _WHICH_CLAUSE.match(mention.sentence, mention.end_char - mention.sentence_start)
    if clause is None or not any(c.isdigit() for c in clause.group()):
        return None
    told = date_event(clause.group(), published, day_first=day_first)
    return told if told.source == "sentence" and told.precision == "day" else None


def _in_the_year_of(when: EventDate, year: int, published: dt.date | None) -> EventDate:
    """A day written without its year in a passage about an earlier year ("4 April 2017 – a sarin
    attack … On 7 April, US cruise missiles strike Shayrat", "in May of that year"): of the passage's
    year, not the report's, unless that would put it after the report. A sentence with no date of its
    own ("Later that year, …") is of that year."""
    if when.source == "published":
        if published is not None and year > published.year:
            return when
        return EventDate(date=f"{year:04d}-01-01", precision="year", source="sentence",
                         reason=f"'that year': {year}, the last year the text names before")
    try:
        moved = dt.date.fromisoformat(when.date).replace(year=year)  # type: ignore[arg-type]
    except ValueError:  # 29 February
        return when
    if published is not None and moved > published:
        return when
    return replace(when, date=moved.isoformat(), reason=f"{when.reason}, in the year of the passage it is told in")


#: The year a passage told before: "in May of that year", "Later that year", "that same year".
_THAT_YEAR = re.compile(r"\b(?:that|the\s+same)\s+year\b(?!['’]s)", re.IGNORECASE)
#: A year written out: 1990–2039.
_A_YEAR = re.compile(r"\b(?:199[0-9]|20[0-3][0-9])\b")


def _that_year(text: str, sentence_start: int, sentence: str) -> int | None:
    """The year "that year" in the sentence means: the last year the text writes before it, in the
    sentence too ("stormed in the spring of 2014, taking Yabroud on 16 March of that year"), if any."""
    that = _THAT_YEAR.search(sentence)
    if that is None:
        return None
    years = _A_YEAR.findall(text, 0, sentence_start + that.start())
    return int(years[-1]) if years else None


def _in_a_story_of_known_year(sentence: str, story: EventDate, day_first: bool | None) -> EventDate | None:
    """A day written without its year ("on 20 January") in a report with no publication date,
    after a sentence that stated a full date ("18 January 2022"): the nearest such day, mostly of
    that year. Days counted from the publication ("on Monday", "yesterday") stay unknown."""
    if story.date is None:
        return None
    told = date_event(sentence, dt.date.fromisoformat(story.date), day_first=day_first)
    if told.source != "sentence" or not told.year_assumed:
        return None
    # The nearest such day to the story's: "On 4 January" after "on 8 December 2024" is of 2025.
    day, story_day = dt.date.fromisoformat(told.date), dt.date.fromisoformat(story.date)  # type: ignore[arg-type]
    nearest = min((d for d in (make_date(story_day.year + shift, day.month, day.day) for shift in (-1, 0, 1)) if d),
                  key=lambda d: abs((d - story_day).days))
    return replace(told, date=nearest.isoformat(), reason=f"{told.reason}, in the year of the story's nearest day")


#: A year naming what happened at the place right after: "victims of the 2013 chemical attack in Ghouta",
#: "Turkey's 2019 offensive between Tal Abyad and", "the 2012 massacre of", "Turkey's 2019 offensive took".
_A_YEARS_EVENT_BEFORE = re.compile(
    r"\b(?:the|its|their|[A-Z][\w-]*['’]s)\s+(?P<year>(?:19|20)[0-9]{2})\s+(?:[\w-]+\s+){0,2}?"
    r"(?:attacks?|massacres?|offensive|siege|battle|war|earthquake|uprising|bombings?|assault|campaign|operation|incursion|strikes?)"
    r"\s+(?:in|on|of|against|at|near|between|for|(?:took|captured|seized|overran|hit|struck|destroyed|emptied|devastated|reached)"
    r"(?:\s+control\s+of)?)\s+(?:the\s+)?(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s*(?:,\s*(?:and\s+)?|\s+and\s+))*$")


def _a_past_years_event_at(mention: Mention, published: dt.date | None) -> int | None:
    """The year of an event of a year before the report's that the words name the place by, whatever
    day the sentence states: "On Sunday, protesters held pictures of victims of the 2013 chemical
    attack in Ghouta" tells of Ghouta in 2013."""
    if published is None:
        return None
    start = mention.start_char - mention.sentence_start
    before = mention.sentence[max(start - 90, 0):start]
    found = _A_YEARS_EVENT_BEFORE.search(before) if " 19" in before or " 20" in before else None
    year = int(found.group("year")) if found is not None else None
    return year if year is not None and year < published.year else None


def _a_day_the_story_goes_on_from(when: EventDate) -> bool:
    """A day the sentence states itself, not the day something was said ("a monitor said on Sunday")
    nor a day counted roughly back ("his arrest last week", "two weeks ago")."""
    return when.source in ("sentence", "relative") and when.precision == "day" and not when.said \
        and "(approximate" not in when.reason


#: Words that date a sentence by the story's day: the same day ("that day", "later that day",
#: "the same day"), the day before ("the previous day", "a day earlier") or the day after ("the
#: next day", "the following day", "a day later"), or more ("nine days later", "two weeks later"); "the
#: day before yesterday" is a date of its own.
_STORY_DAY = re.compile(
    r"\b(?:(?P<same>(?:that|the\s+same)\s+(?:day|morning|afternoon|evening|night))"
    r"|(?P<before>the\s+(?:previous|preceding)\s+day|the\s+day\s+before(?!\s+yesterday)|a\s+day\s+(?:earlier|before))"
    r"|(?P<after>the\s+(?:next|following)\s+day|the\s+day\s+after|a\s+day\s+later)"
    r"|(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|[2-9]|[12][0-9]|30)\s+(?P<unit>days|weeks?)\s+"
    r"(?:(?P<later>later)|earlier|before(?!\s+(?:the|a|an|it|they|he|she)\b)))\b",
    re.IGNORECASE)


def _days_after_the_story_day(sentence: str) -> int | None:
    """How many days after the story's day a sentence says it is (0, -1, 1, "two days later" 2…),
    or None when it does not refer to that day."""
    lowered = sentence.lower()
    if "day" not in lowered and "that" not in lowered and "same" not in lowered and "week" not in lowered:  # most have none
        return None
    opening = _OPENS_DAYS_AFTER.match(sentence)
    if opening is not None:  # "Two days after they arrived, a landmine exploded …": the story's day, then two more
        return DAY_COUNTS[opening.group("n").lower()]
    found = _STORY_DAY.search(sentence)
    if found is None:
        return None
    if found.group("n"):
        days = DAY_COUNTS[found.group("n").lower()] * (7 if found.group("unit").lower().startswith("week") else 1)
        return days if found.group("later") else -days
    return {"same": 0, "before": -1, "after": 1}[found.lastgroup]  # type: ignore[index]


#: "a day after", "two days after" before a clause: what the clause tells came that many days
#: before the rest of the sentence ("The advance comes a day after the regime took Kafr Nabuda").
#: Read only in a sentence that states no day itself: one that does ("two days after the army
#: captured Layramoun on Tuesday") may state the clause's.
_DAYS_AFTER = re.compile(r"\b(?P<n>a|one|two|three|[1-3])\s+days?\s+after\s+(?=[\w\"“])", re.IGNORECASE)
#: The same opening a sentence, up to the comma that ends its clause: "Two days after they arrived,
#: a landmine exploded outside Zebdin" tells of two days after the story's day.
_OPENS_DAYS_AFTER = re.compile(r"[\W]*(?P<n>a|one|two|three|four|five|six|[1-6])\s+days?\s+after\b[^,.;:!?]{1,100},",
                               re.IGNORECASE)


def _days_before_in_the_sentence(mention: Mention) -> int:
    """How many days before its sentence's day a mention lies, told by "a day after" before it; 0
    when nothing says so."""
    before = mention.sentence[:mention.start_char - mention.sentence_start]
    if "after" not in before:
        return 0
    opening = _OPENS_DAYS_AFTER.match(before)
    if opening is not None and opening.end() <= len(before):
        return 0  # past the opening clause: its day is the sentence's (:func:`_days_after_the_story_day`)
    counts = [DAY_COUNTS[found.group("n").lower()] for found in _DAYS_AFTER.finditer(before)]
    return counts[-1] if counts else 0  # the nearest "a day after" before the name


#: What is going on as the report is written: "families are sleeping in olive groves".
_TOLD_AS_NOW = re.compile(r"\b(?:is|are)\s+(?:now\s+|still\s+|currently\s+)?(?!being\b)[a-z]{2,}ing\b")
#: A verb in the past: "blocks collapsed, and rescuers are still pulling families out" tells of then.
_PAST_VERB = re.compile(r"\b(?:was|were|had|did|[a-z]{3,}ed)\b", re.IGNORECASE)


def _told_as_now(sentence: str, story: EventDate | None, published: dt.date) -> bool:
    """True for a sentence that tells only what is going on as the report is written, in a story
    whose last day is not after the report's (a live blog's later entries go on past it)."""
    now = _TOLD_AS_NOW.search(sentence)
    return now is not None and _PAST_VERB.search(sentence, 0, now.start()) is None \
        and (story is None or story.date is None or story.date <= published.isoformat())


#: A relative clause in the past perfect, to its comma: "that regime forces had taken in early 2020",
#: "who had fled to Raqqa from al-Qusayr in 2013".
_PAST_PERFECT_CLAUSE = re.compile(r"\b(?:that|which|who|whom|whose)\s+(?:[\w'’-]+\s+){0,6}?had\s+[^,;:()]*")
#: What may stand between a name and the relative clause about it: its kind, more names of a list, a comma.
_KIND_AFTER = r"(?:\s+(?:governorate|province|city|town|village|district|area|countryside|neighbou?rhood|camp|region))?"
_TO_ITS_CLAUSE = re.compile(_KIND_AFTER + r"(?:(?:,\s*|\s+)(?:and\s+|or\s+)?(?:from\s+|in\s+)?(?:(?:a[lnrsdtz]|el|ash)[-‐])?[A-Z][\w'’-]*"
                            r"(?:\s+(?:(?:al|el)[-‐])?[A-Z][\w'’-]*)*" + _KIND_AFTER + r")*,?\s*")


def _outside_a_past_perfect_clause(mention: Mention) -> str | None:
    """The sentence with its past perfect relative clauses blanked out, when the name lies outside
    them and is not what they are about: a year or a month such a clause states is a time before
    the one the sentence reports ("the factions captured Kafr Naha …, a compound that regime forces
    had taken in early 2020"). None for a name inside one ("families who had fled to Raqqa from
    al-Qusayr in 2013") or before one about it ("Tartus governorate, which had joined the uprising in
    April 2011"): the clause's time is the name's."""
    clauses = [m.span() for m in _PAST_PERFECT_CLAUSE.finditer(mention.sentence)]
    start, end = mention.start_char - mention.sentence_start, mention.end_char - mention.sentence_start
    if not clauses or any(first <= start < last or first >= end and _TO_ITS_CLAUSE.fullmatch(mention.sentence, end, first)
                          for first, last in clauses):
        return None
    return _without(mention.sentence, 0, clauses)


def _carried(day: EventDate, shift: int) -> EventDate:
    """The story's day, ``shift`` days on, for a sentence that states none."""
    if not shift or day.date is None:
        return replace(day, reason=f"carried over from an earlier sentence: {day.reason}")
    date = (dt.date.fromisoformat(day.date) + dt.timedelta(days=shift)).isoformat()
    return replace(day, date=date, source="relative",
                   reason=f"{'the day before' if shift < 0 else 'the day after'} an earlier sentence's day: {day.reason}")


#: A day at most this long before the publication is the story's news day.
_NEWS_DAYS = 7


def _news_day(when: EventDate | None, published: dt.date | None) -> bool:
    """True for the day a report is about: its lede's "on Wednesday" goes on into the paragraphs
    that tell the rest of the same attack, where an older day ("an offensive launched on 12
    October") was background. Without a publication date any stated day is the best there is."""
    if when is None or when.date is None or when.precision != "day":
        return False
    return published is None or 0 <= (published - dt.date.fromisoformat(when.date)).days <= _NEWS_DAYS


def _long_before(when: EventDate, published: dt.date | None) -> bool:
    """True for a sentence dated long before the report ("Daraa was the cradle of the uprising in
    2011", "In July 2018, militants killed 200 people", "on 21 August 2013"): background, not the
    news. Long: a year before the report's own, a month ending more than three months before it,
    a day more than a year before it; a retrospective of last month's events stays news."""
    if published is None or when.date is None:
        return False
    date = dt.date.fromisoformat(when.date)
    if when.precision == "year":
        return date.year < published.year
    if when.precision == "month":
        month_end = (date.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        return (published - month_end).days > _BACKGROUND_MONTH_DAYS
    return (published - date).days > _BACKGROUND_DAY_DAYS


#: A month ending this many days before the report is background; a day this many days before it.
_BACKGROUND_MONTH_DAYS = 90
_BACKGROUND_DAY_DAYS = 365


def _without(sentence: str, offset: int, spans: Sequence[tuple[int, int]]) -> str:
    """The sentence with the parts inside ``spans`` (text offsets) blanked out."""
    for span in spans:
        start, end = max(span[0] - offset, 0), min(span[1] - offset, len(sentence))
        if start < end:
            sentence = sentence[:start] + " " * (end - start) + sentence[end:]
    return sentence


def _demote_coarse(resolved: Sequence[ResolvedMention]) -> list[ResolvedMention]:
    """Make an area a ``mention`` when there is an event at a place inside it: a governorate
    in the same sentence as one of its towns; a country, or a region wider than a governorate
    ("northern Syria", "the Middle East"), anywhere in an article with finer events."""
    fine = [r for r in resolved if r.mention.role == "event" and r.place.kind not in _COARSE]
    out = []
    for item in resolved:
        place = item.place
        if item.mention.role == "event" and place.kind in _COARSE:
            if place.kind == "country" or place.admin1 is None:  # or a region beyond one governorate
                inside = bool(fine)
            else:  # a district not by a town that only says where it lies: "the Afrin district north of Aleppo"
                inside = any(o.mention.sentence_start == item.mention.sentence_start and place.admin1 is not None
                             and o.place.admin1 == place.admin1
                             and not (place.kind in _DISTRICT_KINDS and _told_as_a_reference(o.mention)) for o in fine)
            if inside:
                item = replace(item, mention=replace(item.mention, role="mention"))
        out.append(item)
    return out


#: Areas small enough to be where something happened beside the town that says where they lie.
_DISTRICT_KINDS = frozenset({"admin2", "admin3"})


def _told_as_a_reference(mention: Mention) -> bool:
    """True for a place named as where another lies: "north of Aleppo", "near the capital Damascus"."""
    start = max(mention.start_char - mention.sentence_start, 0)
    return _names_reference_point(mention.sentence[max(start - 48, 0):start])


def _demote_abroad(resolved: Sequence[ResolvedMention]) -> list[ResolvedMention]:
    """Make a place abroad a ``mention`` when its sentence has an event inside Syria: "Turkish
    forces shelled Tal Rifaat from the Kilis area", "In Moscow, the minister told Putin of the
    recapture of Palmyra". Alone in its sentence it may still be where something happened, and so
    it may beside a Syrian town named only as what it faces ("In Akcakale, across the border from Tal
    Abyad, a mortar shell hit a house")."""
    in_syria = {r.mention.sentence_start for r in resolved if r.mention.role == "event" and r.place.admin1 is not None
                and not _faces_across_the_border(r.mention)}
    return [replace(r, mention=replace(r.mention, role="mention"))
            if r.mention.role == "event" and lies_abroad(r.place)
            and r.mention.sentence_start in in_syria else r for r in resolved]


def _faces_across_the_border(mention: Mention) -> bool:
    start = mention.start_char - mention.sentence_start
    return _names_reference_point(mention.sentence[max(start - 48, 0):start], _ACROSS_THE_BORDER)


def _demote_reference_points(resolved: Sequence[ResolvedMention]) -> list[ResolvedMention]:
    """Make a place a ``mention`` when it only says where another event of its sentence lies
    ("a drone hit a car near Amuda, west of Qamishli"; "jets struck Kafr Nabl near Maarat
    al-Numan"; "a bus on the Deir ez-Zor - Palmyra highway near Ash-Shoula"; "Urem al-Kubra lies
    on the road linking Aleppo to Idlib"): the event is not in Qamishli, nor in Maarat al-Numan,
    nor at the road's ends; or where someone comes from, beside any other place its sentence names
    but a landmark ("a young man from the town of Jasim was kidnapped on the road between al-Yadudah
    and al-Muzayrib")."""
    previous: dict[int, ResolvedMention] = {}  # the place named just before, in the same sentence
    for before, item in zip(resolved, resolved[1:]):
        if before.mention.sentence_start == item.mention.sentence_start:
            previous[id(item)] = before

    def is_landmark(item: ResolvedMention) -> bool:
        m = item.mention
        start = max(m.start_char - m.sentence_start, 0)
        before, after = m.sentence[max(start - 48, 0):start], m.sentence[m.end_char - m.sentence_start:]  # the words just before
        return _names_reference_point(before) or _ROAD_END.match(after) is not None \
            or _names_a_smaller_place(item, before, after) \
            or ("road" in m.sentence or "route" in m.sentence or "highway" in m.sentence or "motorway" in m.sentence) \
            and _ROAD_FROM.search(m.sentence[max(start - 100, 0):start]) is not None

    def near_another(item: ResolvedMention) -> bool:
        located, m = previous.get(id(item)), item.mention
        # Not after a governorate or its namesake city: "in the western countryside of As-Sweida, near
        # Walgha" places the event by Walgha. The place it lies by may be background itself, if no
        # area: "jets flying out of the Hmeimim Airbase near Jableh struck Rabia" (not "crossed into
        # Syria near the town of Hader").
        return located is not None and id(located) not in references \
            and (located.mention.role == "event" or located.place.kind not in _COARSE) \
            and not _names_a_governorate(located.place) \
            and _NEAR_ANOTHER.match(m.sentence[located.mention.end_char - m.sentence_start:m.start_char - m.sentence_start]) is not None

    def someones_home(item: ResolvedMention) -> bool:  # "a young man from the town of Jasim"
        m = item.mention
        start = max(m.start_char - m.sentence_start, 0)
        before = m.sentence[max(start - 80, 0):start]
        home = _SOMEONES_HOME.search(before) if " from " in before else None
        return home is not None and TAKEN_OUT_BEFORE.search(before, 0, home.start()) is None  # not "evacuated residents from"

    homes = {id(r) for r in resolved if r.mention.role == "event" and someones_home(r)}
    references = {id(r) for r in resolved if r.mention.role == "event" and id(r) not in homes and is_landmark(r)}
    references |= {id(r) for r in resolved if r.mention.role == "event" and id(r) not in homes and near_another(r)}
    located = {r.mention.sentence_start for r in resolved
               if r.mention.role == "event" and id(r) not in references and id(r) not in homes}
    # Where someone comes from says where the event is only when the sentence names no other place:
    # "a young man from Jasim was kidnapped on the road between al-Yadudah and al-Muzayrib".
    elsewhere = {r.mention.sentence_start for r in resolved
                 if r.mention.role == "event" and id(r) not in homes and not _told_as_a_reference(r.mention)}  # "west of the capital Damascus"
    return [replace(r, mention=replace(r.mention, role="mention"))
            if id(r) in references and r.mention.sentence_start in located
            or id(r) in homes and r.mention.sentence_start in elsewhere else r for r in resolved]


def _names_a_smaller_place(item: ResolvedMention, before: str, after: str) -> bool:
    """True for a governorate or its namesake city used as the adjective of a smaller place the
    sentence names otherwise: "Rebels left Daraya, ending the siege of the Damascus suburb"; not
    when the smaller place's name follows ("the Idlib town of Saraqib": see :func:`_contains`),
    nor for a place that is itself the neighbourhood ("the Jobar neighbourhood")."""
    return _names_a_governorate(item.place) and before.endswith(("the ", "The ")) \
        and _SMALLER_PLACE_AFTER.match(after) is not None


def _names_a_governorate(place: Place) -> bool:
    """True for a governorate or the city named like it ("Hama", "As-Suwayda")."""
    return place.kind == "admin1" or place.name == place.admin1


def _names_reference_point(before: str, expression: re.Pattern[str] = _REFERENCE_POINT) -> bool:
    """True when ``before`` ends like "west of", "10 km from the town of", "across the border from",
    "opposite", "facing the Syrian town of" (``expression``: these, or the border's words alone)."""
    return before[-1:].isspace() and before.rstrip().lower().endswith(_REFERENCE_ENDINGS) \
        and expression.search(before) is not None


def _demote_containers(resolved: Sequence[ResolvedMention]) -> list[ResolvedMention]:
    """Make a place a ``mention`` when it only says what contains another place of its sentence,
    as long as the sentence keeps an event elsewhere: see :func:`_contains`; abroad, the province
    after a town's district ("Karkamış district of Gaziantep")."""
    by_sentence: dict[int, list[ResolvedMention]] = {}
    for item in resolved:
        by_sentence.setdefault(item.mention.sentence_start, []).append(item)
    out = []
    for item in resolved:
        m, place = item.mention, item.place
        if m.role == "event" and place.admin1 is not None:
            here = [o for o in by_sentence[m.sentence_start] if o is not item]
            if any(o.mention.role == "event" for o in here) and any(
                    o.place.admin1 == place.admin1 and o.place.id != place.id and _contains(item, o) for o in here):
                item = replace(item, mention=replace(m, role="mention"))
        elif m.role == "event" and lies_abroad(place) and any(
                o.mention.role == "event" and lies_abroad(o.place) and o.place.id != place.id
                and _DISTRICT_OF_ABROAD.fullmatch(m.sentence, o.mention.end_char - m.sentence_start, m.start_char - m.sentence_start)
                for o in by_sentence[m.sentence_start]):
            item = replace(item, mention=replace(m, role="mention"))  # "Karkamış district of Gaziantep": in Karkamış
        out.append(item)
    return out


#: Between a town abroad and the province it lies in: "Karkamış district of Gaziantep", "the Reyhanlı
#: district of Hatay province".
_DISTRICT_OF_ABROAD = re.compile(r"\s+(?:district|province|county)\s+(?:of|in)\s+(?:the\s+)?", re.IGNORECASE)


def _namesake(place: Place, inner: Place) -> bool:
    """True when ``place`` stands for an area around ``inner``: it is an area, or a city named like
    its governorate (Idlib, Homs), which news uses for both, and ``inner`` is an area or lies outside
    the city ("Kafr Nabl in Idlib", "in Jebel Semaan, Aleppo" are the governorate; in "Baba Amr in
    Homs city" the event is in Homs too)."""
    if place.kind in _COARSE:
        return True
    return place.name == place.admin1 and (
        inner.kind in _COARSE or haversine_km(place.lat, place.lon, inner.lat, inner.lon) > URBAN_KM)


#: A line's label: its first name, after at most a clock time or a bullet, and a colon ("16:20 Idlib: …").
_LABEL_COLON = re.compile(r"[ \t]*:")
_LINE_OPENING = re.compile(rf"[\s\-–—•*]*(?:\[?{CLOCK_TIME}\]?[\s\-–—]*)?")


def _contains(outer: ResolvedMention, inner: ResolvedMention) -> bool:
    """True when the words say ``outer`` is named only as what contains ``inner``: in brackets
    after it ("Kafr Nabuda (As-Suqaylabiyah, Hama)", "Al-Yadudah town (Daraa)"); after it, at the
    end of a clause or after "in", when it is the governorate or its namesake city ("near Saraqab,
    Idlib.", "struck Kafr Nabl in Idlib"); before it, as a possessive ("Idlib's Khan Sheikhun") or,
    when it is the governorate or its namesake city, as an adjective ("the Idlib town of Khan
    Sheikhun"; but in "the Zahra neighbourhood of Aleppo" the event is in both); or as the label
    of its line ("16:20 Idlib: Russian jets struck Saraqib")."""
    m, o, offset = outer.mention, inner.mention, outer.mention.sentence_start
    sentence = m.sentence
    if o.end_char <= m.start_char:  # "inner … outer"
        before = sentence[:max(m.start_char - offset, 0)]
        bracket = before.rfind("(")
        if bracket >= 0 and ")" not in before[bracket:] and (not before[bracket + 1:].strip() or before.rstrip().endswith(",")) \
                and _BEFORE_BRACKET.match(sentence[o.end_char - offset:bracket + 1]):
            return True
        if not _namesake(outer.place, inner.place):
            return False
        between = sentence[o.end_char - offset:m.start_char - offset]
        return (_COMMA_AFTER.match(between) is not None and _CLAUSE_END.match(sentence[m.end_char - offset:]) is not None) \
            or _IN_CONTAINER.match(between) is not None
    if m.end_char > o.start_char:
        return False
    between = sentence[m.end_char - offset:o.start_char - offset]
    if _POSSESSIVE.match(between):
        return True
    if _LABEL_COLON.match(between) and _LINE_OPENING.fullmatch(
            sentence, sentence.rfind("\n", 0, m.start_char - offset) + 1, m.start_char - offset) \
            and _namesake(outer.place, inner.place):
        return True  # "16:20 Idlib: Russian jets struck Saraqib": the line's label
    return _namesake(outer.place, inner.place) and _ADJECTIVE_AFTER.match(between) is not None and \
        _ADJECTIVE_BEFORE.search(sentence[max(m.start_char - offset - 48, 0):m.start_char - offset]) is not None
