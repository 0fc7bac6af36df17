"""Tests for geomap.dates: every rule, its precision and source, and robustness."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geomap.dates import EventDate, date_clauses, date_event, iter_full_dates, opens_with_its_date, slash_dates_day_first

THU = dt.date(2018, 1, 11)  # a Thursday


def _d(sentence: str, published: dt.date | None = THU) -> tuple[str | None, str | None, str | None]:
    result = date_event(sentence, published)
    return result.date, result.precision, result.source


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("On 11 January 2018, jets struck a fuel depot.", "2018-01-11"),
        ("Jets struck a fuel depot on January 11, 2018.", "2018-01-11"),
        ("Jets struck a fuel depot on January 11 2018.", "2018-01-11"),
        ("The depot was hit on 11 Jan. 2018 at dawn.", "2018-01-11"),
        ("The depot was hit on 11th of January 2018.", "2018-01-11"),
        ("The depot was hit on Sept. 3, 2016.", "2016-09-03"),
        ("The report dated 2018-01-11 lists the dead.", "2018-01-11"),
        ("The report dated 11.01.2018 lists the dead.", "2018-01-11"),
        ("The report dated 11-01-2018 lists the dead.", "2018-01-11"),
        ("The report dated 13/01/2018 lists the dead.", "2018-01-13"),
        ("The report dated 01/13/2018 lists the dead.", "2018-01-13"),
        ("Monday 8 January 2018: shelling resumed.", "2018-01-08"),
    ],
)
def test_explicit_day_dates(sentence: str, expected: str) -> None:
    assert _d(sentence) == (expected, "day", "sentence")
    # A full date does not need the publication date.
    assert _d(sentence, None) == (expected, "day", "sentence")


def test_a_number_ending_the_line_before_does_not_take_a_dates_month() -> None:
    """"Release No: 20171010-01" then "Oct. 10, 2017" on the next line: "01 Oct" is no date, and
    must not take the month from the date the line starts with."""
    text = "Release No: 20171010-01\nOct. 10, 2017\n"
    assert [date for _, _, date in iter_full_dates(text)] == [dt.date(2017, 10, 10)]
    assert _d("The batch 2019-03 of 12 Oct. 4, 2017 reports.")[0] == "2017-10-04"


def test_an_ambiguous_slash_date_is_read_as_the_texts_others_are_written() -> None:
    """A report's table writes all its slash dates one way: where one reads only day first
    ("13/10/2019"), "03/10/2019" is 3 October; where they disagree or none tells, nothing is guessed."""
    assert slash_dates_day_first("03/10/2019 | Kafr Rouma\n13/10/2019 | Tal Abyad") is True
    assert slash_dates_day_first("10/03/2019 and 10/13/2019") is False
    assert slash_dates_day_first("03/10/2019, 13/10/2019 and 10/13/2019") is None
    assert slash_dates_day_first("03/10/2019") is None
    assert date_event("03/10/2019 | Kafr Rouma village | 5", THU, day_first=True).date == "2019-10-03"
    assert date_event("03/10/2019 | Kafr Rouma village | 5", THU, day_first=False).date == "2019-03-10"


@pytest.mark.parametrize("written", ["10/26/2024", "10.26.2024", "10-26-2024"])
def test_a_numeric_date_that_reads_only_month_first_is_read_so(written: str) -> None:
    """An American date line's "10/26/2024": the day is past 19, where month-first dates had gone unread."""
    assert [date for _, _, date in iter_full_dates(f"Updated {written} 09:12")] == [dt.date(2024, 10, 26)]
    assert _d(f"The strike on {written} killed four.") == ("2024-10-26", "day", "sentence")
    assert slash_dates_day_first("10/26/2019 and 10/03/2019") is False


def test_slash_dates_no_reading_decides_are_read_as_the_months_written_out_say() -> None:
    """No slash date reads only one way, but the text names "March 2018": "1/3/2018" … "7/3/2018"
    are days of March (day first), not of January to July."""
    text = "Report: the killing of 312 civilians in the first week of March 2018\n- On 1/3/2018, jets struck.\n- On 7/3/2018 …"
    assert slash_dates_day_first(text) is True
    assert slash_dates_day_first("In January 2018: on 1/3/2018 and on 5/3/2018 …") is None  # neither reading fits every date
    assert date_event("- On 1/3/2018, warplanes fired missiles on Kafr Batna.", THU, day_first=True).date == "2018-03-01"


def test_ambiguous_slash_date_is_not_read() -> None:
    assert _d("The report dated 11/01/2018 lists the dead.") == ("2018-01-11", "day", "published")


def test_invalid_calendar_date_is_skipped() -> None:
    assert _d("The list dated 31 February 2018 was forged.") == ("2018-01-11", "day", "published")


def test_a_late_evening_weekday_in_gmt_is_the_day_before_syrias() -> None:
    """"2:30 a.m. (2330 GMT Tuesday)" is Wednesday in Syria: the GMT weekday dates nothing; a
    morning one ("0700 GMT Tuesday") is the same day there."""
    assert _d("The rockets struck Zamalka at around 2:30 a.m. (2330 GMT Tuesday).") == ("2018-01-11", "day", "published")
    assert _d("Air strikes on Aleppo halted from 0700 GMT Tuesday.") == ("2018-01-09", "day", "relative")


def test_years_ago_today_is_that_very_day() -> None:
    assert _d("A year ago today, rebels entered Damascus.") == ("2017-01-11", "day", "relative")
    assert _d("Two years ago, rebels entered Damascus.") == ("2016-01-01", "year", "relative")
    assert _d("Thirteen years ago today, residents pulled bodies from basements.") == ("2005-01-11", "day", "relative")


def test_arabic_today_is_the_publication_day_and_the_next_day_is_not() -> None:
    """"فجر اليوم" (at dawn today) is the report's day; "اليوم التالي" (the next day) is no "today"."""
    assert _d("ردت المدفعية التركية فجر اليوم على مواقع في محيط سراقب.") == ("2018-01-11", "day", "relative")
    assert _d("وفي اليوم التالي قصفت الطائرات بلدة حزارين.")[2] != "relative"


def test_a_month_of_a_year_is_that_month() -> None:
    """"in August of 2013" is August 2013, not the last August before the report."""
    assert _d("Rebels seized the base in August of 2013.") == ("2013-08-01", "month", "sentence")
    assert _d("The first case turned up in December of 2003.") == ("2003-12-01", "month", "sentence")


def test_day_and_month_take_the_year_from_the_publication_date() -> None:
    assert _d("On January 11 the army entered the town.") == ("2018-01-11", "day", "sentence")
    assert _d("On 9 January the army entered the town.") == ("2018-01-09", "day", "sentence")
    # Not after the publication date: December belongs to the previous year.
    assert _d("On December 30 the army entered the town.") == ("2017-12-30", "day", "sentence")
    result = date_event("On January 11 the army entered the town.", THU)
    assert "year from publication date" in result.reason


@pytest.mark.parametrize(
    "sentence",
    [
        "Talks will resume in Geneva on January 20.",
        "The vote is scheduled for 25 March.",
        "Elections will be held in March.",
        "The envoy is expected to arrive in Damascus on January 14.",
        "Inspectors are expected to start their work in Douma on January 14.",
        "The UN hopes to convene peace talks in Geneva on 25 January.",
        "The envoy is due to arrive in Damascus on January 14.",
    ],
)
def test_a_day_or_month_still_to_come_is_not_last_years(sentence: str) -> None:
    assert _d(sentence) == ("2018-01-11", "day", "published")
    # With its year the date is what it says.
    assert _d("Talks will resume in Geneva on January 20, 2018.")[0] == "2018-01-20"


def test_a_day_a_few_days_after_publication_is_a_later_update_of_that_year() -> None:
    """A live blog or a thread dated by its first post tells of later days as past ("UPDATE 15 Jul:
    jets struck …"): within a week after the publication date a day is of its year, not last year's."""
    assert _d("UPDATE 15 Jul: Israeli jets struck tanks near Sami'a.", dt.date(2025, 7, 14))[0] == "2025-07-15"
    assert _d("UPDATE 15 Jul: Israeli jets struck tanks near Sami'a.", dt.date(2025, 6, 14))[0] == "2024-07-15"


def test_day_and_month_without_publication_date_give_nothing() -> None:
    result = date_event("On January 11 the army entered the town.", None)
    assert result == EventDate(None, None, None, result.reason)
    assert "no year" in result.reason


def test_month_and_year() -> None:
    assert _d("In March 2017 the siege tightened.") == ("2017-03-01", "month", "sentence")
    assert _d("The siege tightened in Oct 2016.", None) == ("2016-10-01", "month", "sentence")


def test_month_without_year_is_the_latest_such_month() -> None:
    assert _d("The siege tightened in March.") == ("2017-03-01", "month", "sentence")
    assert _d("The siege tightened in January.") == ("2018-01-01", "month", "sentence")
    assert _d("The siege tightened last January.") == ("2017-01-01", "month", "sentence")
    assert _d("The siege tightened in March.", None)[0] is None


def test_month_before_a_count_is_still_the_month() -> None:
    # A count after the comma is not the day or year of the month: only a year (or day and year) is.
    assert _d("During December, 200 civilians were killed.") == ("2017-12-01", "month", "sentence")
    assert _d("In March, 15 people died in the shelling.") == ("2017-03-01", "month", "sentence")
    assert _d("In March, 2017 the siege tightened.") == ("2017-03-01", "month", "sentence")
    assert _d("The siege tightened in March 15, 2017.") == ("2017-03-15", "day", "sentence")


def test_month_words_that_are_also_verbs() -> None:
    assert _d("Officials said dozens may die without aid.")[2] == "published"
    assert _d("Thousands march in the capital.")[2] == "published"
    assert _d("Doctors said 2 may not survive.")[2] == "published"
    assert _d("The truce began on 2 May.") == ("2017-05-02", "day", "sentence")


def test_bare_year() -> None:
    assert _d("The town fell in 2016.") == ("2016-01-01", "year", "sentence")
    assert _d("The town fell in early 2016.", None) == ("2016-01-01", "year", "sentence")
    assert _d("Fighting has gone on since 2011.")[2] == "published"
    assert _d("The 2016-17 campaign failed.")[2] == "published"


def test_a_date_written_with_an_arabic_comma() -> None:
    """SANA's English pages write "23 May، 2016" (U+060C)."""
    assert _d("Army units struck Hama on 23 May، 2016.") == ("2016-05-23", "day", "sentence")
    assert _d("Army units struck Hama on May 23، 2016.") == ("2016-05-23", "day", "sentence")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("قتل خمسة مدنيين في قصف على سراقب يوم 15 آذار 2024", "2024-03-15"),  # Levantine month name
        ("غارات على سراقب في ١٢ تشرين الثاني ٢٠١٩", "2019-11-12"),  # Eastern Arabic digits, a two-word month
        ("قصف على دوما في 3 من أيار 2016", "2016-05-03"),  # "3 of May"
        ("قصف على دوما في 3 ايار 2016", "2016-05-03"),  # without its hamza
        ("انفجار في حلب في 7 أغسطس 2015", "2015-08-07"),  # the month name used further west
    ],
)
def test_arabic_dates(sentence: str, expected: str) -> None:
    assert _d(sentence) == (expected, "day", "sentence")


def test_an_arabic_day_and_month_take_the_publication_year_and_a_month_stem_alone_is_no_month() -> None:
    """"3 من أيار" takes the publication year; "كان" (was) opens "كانون" but is no month by itself."""
    assert _d("قصف على دوما في 3 من أيار") == ("2017-05-03", "day", "sentence")  # published on 11 January 2018
    assert _d("كان 12 منهم أطفالا في حلب")[2] == "published"


def test_a_year_that_names_what_happened_then() -> None:
    """"its 2019 incursion into Ras al-Ain", "the 2013 chemical attack": history of that year; a
    count ("the 2000 fighters") is no year, and a day the sentence states still wins."""
    assert _d("Its 2019 incursion into Ras al-Ain stretched the SDF.") == ("2019-01-01", "year", "sentence")
    assert _d("The 2013 chemical attack on Ghouta killed hundreds.") == ("2013-01-01", "year", "sentence")
    assert _d("The 2000 fighters attacked Idlib.")[2] == "published"
    assert _d("Unlike the 2013 attack, the strike on 3 March 2017 killed 40.")[0] == "2017-03-03"


def test_most_precise_explicit_date_wins() -> None:
    sentence = "In 2016 the town fell, and on 3 March 2017 it was retaken."
    assert _d(sentence) == ("2017-03-03", "day", "sentence")
    assert _d("The first raid on 5 May 2017 and the second on 9 May 2017.")[0] == "2017-05-05"


def test_a_list_items_month_and_day_before_a_colon() -> None:
    """"January 6: an airstrike hit the hospital" dates its item; a time after the day is no date's part."""
    assert _d("January 6: an airstrike put the hospital in Kafr Nabl out of service.") == ("2018-01-06", "day", "sentence")
    assert _d("On January 6 at 10:30, an airstrike hit Kafr Nabl.") == ("2018-01-06", "day", "sentence")


def test_explicit_beats_relative() -> None:
    assert _d("Yesterday, 10 January 2018, jets returned.")[2] == "sentence"
    assert _d("Rebels entered the town on Monday, as they had in March 2017.")[0] == "2018-01-08"


@pytest.mark.parametrize(
    "sentence",
    [
        "The town, taken by rebels in 2016, was shelled on Monday.",
        "After rebels seized the town last month, jets struck it on Monday.",
        "Jets that had spared the town last year struck it on Monday.",
    ],
)
def test_a_day_beats_a_background_month_or_year(sentence: str) -> None:
    assert _d(sentence) == ("2018-01-08", "day", "relative")


@pytest.mark.parametrize(
    "sentence",
    [
        "More than 300,000 people have been killed since March 2011.",
        "Clashes since mid-March have displaced thousands.",
        "At least 90 fighters have died since Tuesday in the battle for the air base.",
        "Prices have doubled since last month.",
    ],
)
def test_a_date_after_since_starts_a_period_and_dates_nothing(sentence: str) -> None:
    assert _d(sentence) == ("2018-01-11", "day", "published")


def test_since_leaves_the_other_dates_of_the_sentence() -> None:
    assert _d("Shelling since Monday killed 20, and jets struck again on Wednesday.") == ("2018-01-10", "day", "relative")
    assert _d("Shelling since March 2011 ended on 2 January 2018.") == ("2018-01-02", "day", "sentence")


def test_a_month_beats_a_background_year() -> None:
    assert _d("The siege that began last year tightened in March 2017.") == ("2017-03-01", "month", "sentence")
    assert _d("Rebels who took the town in 2016 lost it last month.") == ("2017-12-01", "month", "relative")


@pytest.mark.parametrize(
    ("sentence", "expected", "precision"),
    [
        ("Residents said jets struck today.", "2018-01-11", "day"),
        ("Jets struck the town this morning.", "2018-01-11", "day"),
        ("Shelling on the town since midnight killed two.", "2018-01-11", "day"),
        ("Heavy clashes since dawn in the city.", "2018-01-11", "day"),
        ("Jets struck the town yesterday.", "2018-01-10", "day"),
        ("Jets struck the town last night.", "2018-01-10", "day"),
        ("Jets struck the day before yesterday.", "2018-01-09", "day"),
        ("Jets struck two days ago.", "2018-01-09", "day"),
        ("Jets struck 3 days ago.", "2018-01-08", "day"),
        ("Jets struck the town on Monday.", "2018-01-08", "day"),
        ("Jets struck the town Tuesday night.", "2018-01-09", "day"),
        ("Jets struck the town last Monday.", "2018-01-08", "day"),
        ("Jets struck the town last Friday.", "2018-01-05", "day"),
        ("Jets struck the town last week.", "2018-01-04", "day"),
        ("Jets struck the town two weeks ago.", "2017-12-28", "day"),
        ("Jets struck the town last month.", "2017-12-01", "month"),
        ("Jets struck the town two months ago.", "2017-11-01", "month"),
        ("Jets struck the town earlier this month.", "2018-01-01", "month"),
        ("Jets struck the town earlier this year.", "2018-01-01", "year"),
        ("Jets struck the town last year.", "2017-01-01", "year"),
        ("قصفت الطائرات البلدة أمس", "2018-01-10", "day"),  # jets struck the town yesterday
        ("قصفت الطائرات البلدة يوم الاثنين", "2018-01-08", "day"),  # ... on Monday
        ("قصفت الطائرات البلدة يوم الأربعاء", "2018-01-10", "day"),  # ... on Wednesday, with its hamza
    ],
)
def test_relative(sentence: str, expected: str, precision: str) -> None:
    assert _d(sentence) == (expected, precision, "relative")


def test_weekday_of_publication_is_the_same_day_but_last_weekday_is_a_week_back() -> None:
    # Wire copy names the weekday of the day it is published ("said on Thursday").
    assert _d("The monitor said on Thursday that jets struck.")[0] == "2018-01-11"
    assert _d("Jets struck last Thursday.")[0] == "2018-01-04"


@pytest.mark.parametrize(
    "sentence",
    [
        "Activists said on Thursday that jets struck the market on Monday.",
        "The army said Thursday that a raid late on Monday hit a depot.",
        "The monitor said Thursday that the town was shelled, and the shelling began Monday.",
        "A commander told AFP on Thursday that his men lost the hill on Monday.",
        "The army said in a statement on Thursday that it had retaken the hill on Monday.",
        "The United States on Thursday accused the regime of a chemical attack on Monday near Kabani.",
        "The foreign ministry condemned on Thursday the Israeli aggression on al-Kiswah on Monday night.",
    ],
)
def test_the_day_something_was_said_yields_to_the_day_it_happened(sentence: str) -> None:
    assert _d(sentence) == ("2018-01-08", "day", "relative")


def test_a_day_before_inverted_attribution_is_the_day_of_the_event() -> None:
    # "…, said the Observatory" after the day is no day of speaking.
    assert _d("Jets pounded Aleppo early on Monday, said the Observatory.")[0] == "2018-01-08"


def test_the_day_something_was_said_dates_a_sentence_with_no_other_day() -> None:
    assert _d("Jets struck the market, activists said on Monday.") == ("2018-01-08", "day", "relative")
    assert _d("After clashes last month, jets struck the town, a monitor said on Monday.")[0] == "2018-01-08"
    assert _d("After clashes in March 2017, jets struck the town, a monitor said on Monday.")[0] == "2018-01-08"
    assert _d("Strikes were reported late Monday and early Tuesday.")[0] == "2018-01-08"


def test_last_week_is_marked_approximate() -> None:
    assert "approximate" in date_event("Jets struck last week.", THU).reason


def test_future_weekdays_are_not_event_dates() -> None:
    assert _d("Talks resume next Monday.")[2] == "published"
    assert _d("Prayers are held every Friday.")[2] == "published"
    assert _d("Talks will resume in Geneva on Monday.")[2] == "published"
    assert _d("The envoy is expected to visit Damascus on Monday.")[2] == "published"
    assert _d("A vote was scheduled for Friday.")[2] == "published"
    assert _d("Funerals are due to be held on Tuesday in Bab Touma.")[2] == "published"
    assert _d("The envoy is due to arrive in Damascus on Monday.")[2] == "published"
    assert _d("The evacuation had been due to start on Monday but collapsed amid shelling.")[0] == "2018-01-08"
    assert _d("The envoy hopes to meet the president on Monday.")[2] == "published"
    assert _d("A meeting is set for Saturday in Cairo.")[2] == "published"
    assert _d("The talks are slated for Monday.")[2] == "published"
    # Not "set" nor "due to" alone: these happened.
    assert _d("Gunmen set fire to houses on Monday.")[0] == "2018-01-08"
    assert _d("The road was closed due to shelling on Monday.")[0] == "2018-01-08"
    assert _d("Officials said on Thursday they will meet Friday.") == ("2018-01-11", "day", "relative")
    # The future is a few words before the weekday, not anywhere in the sentence.
    assert _d("Aid will reach the town, which jets struck on Monday.")[0] == "2018-01-08"


@pytest.mark.parametrize(
    "sentence",
    ["Tuesday's attack killed 12 people.", "Tuesday\u2019s attack killed 12 people.", "Tuesdays attack killed 12 people."],
)
def test_possessive_weekday_with_or_without_its_apostrophe(sentence: str) -> None:
    # Scraped copy often loses the apostrophe: "Tuesdays attack" is still Tuesday's attack.
    assert _d(sentence) == ("2018-01-09", "day", "relative")


@pytest.mark.parametrize(
    "sentence",
    ["The market is shelled on Fridays.", "Aid convoys come on Mondays and Thursdays.", "The crossing opens Saturdays."],
)
def test_plural_weekday_is_a_habit(sentence: str) -> None:
    assert _d(sentence)[2] == "published"


@pytest.mark.parametrize(
    "sentence",
    [
        "Elections are held on the first Tuesday in March.",
        "The town council meets on the second Monday of each month.",
    ],
)
def test_counted_weekday_is_not_a_day_back(sentence: str) -> None:
    assert _d(sentence)[2] != "relative"
    assert _d("Three soldiers died in a Monday raid.") == ("2018-01-08", "day", "relative")


def test_this_week_names_no_day() -> None:
    assert _d("Jets struck earlier this week.")[2] == "published"


@pytest.mark.parametrize(
    "sentence", ["Jets struck the town on Monday.", "Jets struck yesterday.", "Jets struck last week."]
)
def test_relative_without_publication_date_gives_no_date(sentence: str) -> None:
    result = date_event(sentence, None)
    assert (result.date, result.precision, result.source) == (None, None, None)
    assert "no publication date" in result.reason


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A day after its place ends its clause; a day before its clause opens it.
        ("Jets struck Kafr Nabl on 3 January and Hass on 5 January.", [("Jets", "2018-01-03"), ("Hass", "2018-01-05")]),
        ("On Monday, jets struck Ariha and Sarmin, and on Tuesday they hit Binnish.",
         [("On Monday", "2018-01-08"), ("and on Tuesday", "2018-01-09")]),
        ("On Monday, jets struck Ariha, and shelling hit Binnish on Tuesday.",
         [("On Monday", "2018-01-08"), ("shelling", "2018-01-09")]),
        ("Jets struck Ariha on Monday; on Tuesday, rockets hit Binnish.", [("Jets", "2018-01-08"), ("; on Tuesday", "2018-01-09")]),
        ("Jets struck Ariha on Monday, killing five, and Binnish on Tuesday.", [("Jets", "2018-01-08"), ("Binnish", "2018-01-09")]),
        # "and" between two names lists them: the list's day comes after it.
        ("Jets struck Nubl on 3 January, and a week later A'zaz and Ma'arrat al-Nu'man on 10 January.",
         [("Jets", "2018-01-03"), ("a week later", "2018-01-10")]),
        # A day restated in brackets is one day: "yesterday (Wednesday)".
        ("Monday evening, drones struck a car near Derik, and yesterday (Wednesday) a strike hit Kobani.",
         [("Monday", "2018-01-08"), ("and yesterday", "2018-01-10")]),
        # A day counted on from the clause before: "two days later", "the next day".
        ("A helicopter was downed over Urum al-Kubra on 4 January, and two days later troops took Haritan.",
         [("A helicopter", "2018-01-04"), ("and two days later", "2018-01-06")]),
        ("Jets struck Saraqib on Monday and the next day troops entered Nairab.",
         [("Jets", "2018-01-08"), ("and the next day", "2018-01-09")]),
        # Or back from it, to the clause's comma: "a day after the SDF detained him in Hasakah".
        ("Clashes began in Dhiban on 5 January, a day after the SDF detained a commander in Hasakah.",
         [("Clashes", "2018-01-05"), (", a day after", "2018-01-04")]),
        ("Forces pushed into Ras al-Ain on Thursday, a day after Ankara launched airstrikes, with clashes around Tal Abyad.",
         [("Forces", "2018-01-11"), (", a day after", "2018-01-10"), (", with clashes", "2018-01-11")]),
    ],
)
def test_each_clause_takes_its_own_day(sentence: str, expected: list[tuple[str, str]]) -> None:
    clauses = date_clauses(sentence, THU)
    assert [(sentence[offset:offset + len(start)], when.date) for (offset, when), (start, _) in zip(clauses, expected)] == expected
    assert len(clauses) == len(expected) and all(when.precision == "day" for _, when in clauses)


@pytest.mark.parametrize(
    "sentence",
    [
        "Jets struck Ariha on 3 January.",  # one day
        "The monitor said on Wednesday that jets struck Ariha on Tuesday.",  # the day it was said gives way
        "Shells fell overnight Monday and into Tuesday morning on Fuaa and Kafraya.",  # one span of days
        "From 3 to 5 January, jets struck Ariha.",
        "The council met on Monday, January 8, in Ariha.",  # one day, written twice
        "Jets struck Ariha on Monday (8 January).",
        "Forces on Sunday attacked in an offensive that began last Tuesday near Manbij.",  # no clause break
        "Jets struck Ariha and Binnish on Monday, and rescuers arrived on Monday night.",  # the same day
        "Jets struck Ariha on 3 January and talks will resume on Monday.",  # a day still to come
        "The strike came a day after the army took Kafr Nabuda on Tuesday.",  # the clause's own day
        # 7 January 2018 was a Sunday: the mass was that day's, not the Sunday before the report.
        "On 7 January, a bomber struck the church in Bab Touma and killed 25 during Sunday mass.",
    ],
)
def test_one_date_for_the_whole_sentence(sentence: str) -> None:
    assert date_clauses(sentence, THU) == []


def test_the_day_something_was_said_is_marked() -> None:
    assert date_event("The monitor said on Wednesday that five died.", THU).said
    assert not date_event("The monitor said Wednesday's strike destroyed a school.", THU).said
    assert not date_event("Jets struck Ariha on Wednesday.", THU).said


def test_published_fallback() -> None:
    result = date_event("Jets struck a fuel depot near the river.", THU)
    assert result == EventDate("2018-01-11", "day", "published", result.reason)


def test_nothing_at_all() -> None:
    result = date_event("Jets struck a fuel depot near the river.", None)
    assert (result.date, result.precision, result.source) == (None, None, None)
    assert result.reason


def test_datetime_published_is_accepted() -> None:
    assert _d("Jets struck yesterday.", dt.datetime(2018, 1, 11, 23, 30))[0] == "2018-01-10"


def test_relative_dates_near_the_calendar_start_do_not_raise() -> None:
    assert date_event("Jets struck last week.", dt.date(1, 1, 2)).source in ("relative", "published")
    assert date_event("Jets struck last year.", dt.date(1, 1, 2)).date is not None


def test_event_date_is_frozen_and_slotted() -> None:
    result = date_event("today", THU)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.date = "x"  # type: ignore[misc]
    assert not hasattr(result, "__dict__")


def test_iter_full_dates_header_forms() -> None:
    text = "Global Research, January 11, 2018 / Wed 05 Apr 2017 / 02.10.2017 / Sat Feb 28 2015"
    assert [d for _, _, d in iter_full_dates(text)] == [
        dt.date(2018, 1, 11),
        dt.date(2017, 4, 5),
        dt.date(2017, 10, 2),
        dt.date(2015, 2, 28),
    ]
    start, end, _ = next(iter_full_dates(text))
    assert text[start:end] == "January 11, 2018"


@settings(max_examples=300, deadline=None)
@given(st.text(), st.one_of(st.none(), st.dates()))
def test_never_raises(sentence: str, published: dt.date | None) -> None:
    result = date_event(sentence, published)
    assert result.source in (None, "sentence", "relative", "published")
    assert (result.date is None) == (result.precision is None) == (result.source is None)
    if result.date is not None:
        dt.date.fromisoformat(result.date)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["on", "in", "last", "Monday", "May", "March", "11", "31", "2018", "Jan.", "ago",
             "two", "days", "week", "/", "-", ".", ",", "of", "early", "yesterday", "\u0661"]
        )
    ).map(" ".join),
    st.one_of(st.none(), st.dates()),
)
def test_never_raises_on_date_like_text(sentence: str, published: dt.date | None) -> None:
    date_event(sentence, published)


@pytest.mark.parametrize(("sentence", "entry"), [
    ("25 May 2012 – More than 100 villagers are killed in Houla.", True),
    ("April 2011: The army besieges Baniyas.", True),
    ("March 3, 2013 - Rebels take Raqqa.", True),
    ("- August 24, 2014: The jihadists capture the Tabqa military airport.", True),  # a list's item
    ("• 4 March 2013 – Rebels seize Raqqa.", True),
    ("- In July 2018, militants killed 20 people.", False),
    ("On 25 May 2012 more than 100 villagers were killed.", False),
    ("In July 2018, militants killed 20 people.", False),
    ("25 May 2012 was the worst day.", False),
])
def test_a_chronology_entry_opens_with_its_date_and_a_dash_or_colon(sentence: str, entry: bool) -> None:
    assert opens_with_its_date(sentence) is entry
