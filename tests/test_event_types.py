"""Tests for geomap.event_types: one case per cue family, precedence, robustness."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geomap.event_types import (ARABIC_CUE_PREFIXES, DEVICE_CUES, EVENT_WORDS, LEXICON, PRECEDENCE, classify_event,
                                reports_event)
from geomap.model import EVENT_TYPES
from geomap.names import is_arabic


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # airstrike
        ("Air strikes hit a bakery in the town before dawn.", "airstrike"),
        ("An airstrike flattened two houses on the edge of the village.", "airstrike"),
        ("Air-strikes resumed over the southern countryside.", "airstrike"),
        ("Air raids pounded the besieged suburb for a third day.", "airstrike"),
        ("The clinic was bombed by warplanes, medics said.", "airstrike"),
        ("Russian jets struck rebel supply lines near the highway.", "airstrike"),
        ("Helicopters dropped barrel bombs on residential blocks.", "airstrike"),
        ("A drone strike hit a car on the ring road.", "airstrike"),
        # shelling
        ("Government forces shelled the old quarter overnight.", "shelling"),
        ("Artillery pounded hills west of the city.", "shelling"),
        ("Mortar rounds landed near a school.", "shelling"),
        ("Rocket fire hit a residential district.", "shelling"),
        ("Heavy bombardment continued on the eastern suburbs.", "shelling"),
        # clashes
        ("Clashes erupted at a checkpoint south of the town.", "clashes"),
        ("Heavy fighting continued on the outskirts.", "clashes"),
        ("Fierce battles raged in the orchards.", "clashes"),
        ("Firefights broke out between rival factions.", "clashes"),
        ("The two groups exchanged fire across the river.", "clashes"),
        # offensive
        ("The army launched an offensive to retake the plain.", "offensive"),
        ("Troops advanced towards the airbase from the north.", "offensive"),
        ("Rebels captured three villages, a monitor said.", "offensive"),
        ("Loyalist units recaptured the crossroads.", "offensive"),
        ("Opposition factions announced a counter-offensive.", "offensive"),
        ("Militants launched an assault on the military academy.", "offensive"),
        # explosion
        ("A car bomb tore through a busy street.", "explosion"),
        ("An explosion rocked the vegetable market.", "explosion"),
        ("A blast hit a bus station, state media said.", "explosion"),
        ("An IED went off beside a patrol.", "explosion"),
        ("A suicide bomber blew himself up at the gate.", "explosion"),
        # killing
        ("Gunmen killed three farmers in their fields.", "killing"),
        ("The group executed eleven captives.", "killing"),
        ("A local council member was shot dead outside his home.", "killing"),
        ("Survivors described a massacre in the hamlet.", "killing"),
        ("Militants slit the throats of the men near the town on Wednesday.", "killing"),
        ("A shopkeeper was stabbed outside his store.", "killing"),
        ("A woman was stoned to death in the square.", "killing"),
        # displacement
        ("Thousands were displaced from the countryside.", "displacement"),
        ("Families fled towards the border on foot.", "displacement"),
        ("Civilians were evacuated on green buses.", "displacement"),
        ("Refugees crowded the crossing point.", "displacement"),
        # protest
        ("Hundreds joined a protest after Friday prayers.", "protest"),
        ("A demonstration filled the main square.", "protest"),
        ("Residents held a rally against conscription.", "protest"),
        # other
        ("The governor opened a new water station.", "other"),
        ("Fighters gathered in the square to hear the speech.", "other"),
        ("", "other"),
    ],
)
def test_each_type(sentence: str, expected: str) -> None:
    assert classify_event(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected", "why"),
    [
        ("A car bomb went off as jets circled overhead.", "explosion", "device cues outrank everything"),
        ("A suicide attack followed the shelling of the checkpoint.", "explosion", "device cues outrank"),
        ("Air strikes killed twelve civilians.", "airstrike", "means outrank killing"),
        ("Shelling killed a child and wounded four.", "shelling", "means outrank killing"),
        ("Warplanes and artillery pounded the town.", "airstrike", "airstrike before shelling"),
        ("Barrel bombs and mortars fell on the district.", "airstrike", "barrel bombs are airstrikes"),
        ("Air strikes caused huge explosions at the depot.", "airstrike", "airstrike before explosion"),
        ("Shells exploded near the bakery.", "shelling", "shelling before explosion"),
        ("Fighting intensified as the army advanced.", "offensive", "offensive before clashes"),
        ("The offensive was preceded by clashes.", "offensive", "offensive before clashes"),
        ("Clashes killed nine fighters.", "clashes", "clashes before killing"),
        ("Security forces killed five protesters.", "protest", "protest before killing"),
        ("Protesters fled when troops fired tear gas.", "protest", "protest before displacement"),
        ("Families fled after gunmen killed the mayor.", "displacement", "displacement before killing"),
        ("Shelling forced families to flee.", "shelling", "means before displacement"),
        ("Thousands fled the offensive.", "offensive", "offensive before displacement"),
    ],
)
def test_precedence(sentence: str, expected: str, why: str) -> None:
    assert classify_event(sentence) == expected, why


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("شنت طائرات حربية غارات على البلدة فجر اليوم", "airstrike"),  # warplanes carried out raids
        ("وقصفت قوات النظام القرية بالمدفعية", "shelling"),  # and regime forces shelled the village
        ("انفجرت سيارة مفخخة قرب السوق", "explosion"),  # a car bomb went off near the market
        ("دارت اشتباكات عنيفة على أطراف المدينة", "clashes"),  # fierce clashes on the city's edge
        ("سيطرت الفصائل على التلة بعد معارك", "offensive"),  # the factions took the hill after battles
        ("خرجت مظاهرة في الساحة الرئيسية", "protest"),  # a demonstration in the main square
        ("نزوح مئات العائلات من القرى", "displacement"),  # hundreds of families displaced
        ("اغتيال قيادي سابق برصاص مجهولين", "killing"),  # a former commander assassinated
        ("افتتح المحافظ محطة مياه جديدة", "other"),  # the governor opened a water station
    ],
)
def test_arabic_cues_after_glued_articles_and_prepositions(sentence: str, expected: str) -> None:
    assert classify_event(sentence) == expected
    assert reports_event(sentence) == (expected != "other")


def test_case_and_dashes_do_not_matter() -> None:
    assert classify_event("AIR STRIKES HIT THE TOWN") == "airstrike"
    assert classify_event("a counter\u2013offensive began") == "offensive"
    assert classify_event("car\u2010bomb") == "explosion"


def test_cues_match_at_word_starts_only() -> None:
    # "died" must not meet the cue "ied"; "upgraded" must not meet "grad".
    assert classify_event("The old man died at home.") == "killing"
    assert classify_event("The road was upgraded.") == "other"


def test_lexicon_covers_every_event_type() -> None:
    assert set(PRECEDENCE) == set(LEXICON)
    assert set(PRECEDENCE) | {"other"} == set(EVENT_TYPES)
    assert set(DEVICE_CUES) <= set(EVENT_TYPES)
    for cues in [*LEXICON.values(), *DEVICE_CUES.values()]:
        for cue in cues:
            assert cue == cue.lower() and re.fullmatch(r"(?:[a-z ]+|[\u0621-\u064a ]+)\*?", cue), cue


def test_non_string_input() -> None:
    assert classify_event(None) == "other"  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises(sentence: str) -> None:
    assert classify_event(sentence) in EVENT_TYPES


# The lexicon's meaning written as regular expressions, one per type, tried in precedence order:
# the automaton that reads every cue at once must agree with it on any text.
_SEP = r"[\s\-\u2010-\u2015]*"


_PROCLITIC = "(?:" + "|".join(map(re.escape, ARABIC_CUE_PREFIXES)) + ")?"


def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    parts = [(_PROCLITIC if is_arabic(cue) else "") + _SEP.join(re.escape(word) for word in cue.rstrip("*").split())
             + (r"\w*" if cue.endswith("*") else r"(?!\w)") for cue in cues]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")")


_REFERENCE = [(t, _cue_pattern(c)) for t, c in DEVICE_CUES.items()] + [(t, _cue_pattern(LEXICON[t])) for t in PRECEDENCE]
_REFERENCE_EVENT_WORDS = _cue_pattern(EVENT_WORDS)


def _reference_type(sentence: str) -> str:
    text = re.sub(r"[\-\u2010-\u2015]+", " ", sentence.lower())
    return next((t for t, pattern in _REFERENCE if pattern.search(text)), "other")


_CUE_WORDS = st.sampled_from(sorted({w for cues in [*LEXICON.values(), *DEVICE_CUES.values(), EVENT_WORDS]
                                     for cue in cues for w in cue.rstrip("*").split()}))
_CUE_TEXT = st.lists(st.one_of(_CUE_WORDS, st.sampled_from([" ", "  ", "-", "—", "\n", "s", "ed", "_", "x", "İ", "."]),
                               st.text(max_size=4)), max_size=14).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.one_of(_CUE_TEXT, st.text(max_size=80)))
def test_one_pass_scan_agrees_with_the_lexicon_as_regular_expressions(sentence: str) -> None:
    assert classify_event(sentence) == _reference_type(sentence)
    text = re.sub(r"[\-\u2010-\u2015]+", " ", sentence.lower())
    expected = _reference_type(sentence) != "other" or _REFERENCE_EVENT_WORDS.search(text) is not None
    assert reports_event(sentence) == (bool(sentence) and expected)


def test_event_words_without_a_type_still_report_an_event() -> None:
    assert classify_event("Three people were wounded near the market.") == "other"
    assert reports_event("Three people were wounded near the market.")
    assert not reports_event("The ministers met to discuss trade.")


def test_a_grenade_and_the_wounding_it_did_report_an_explosion() -> None:
    """Grenade attacks on checkpoints are common in the south: "threw a hand grenade … wounding two"."""
    sentence = "Unknown persons threw a hand grenade at a checkpoint in Sheikh Saad, wounding two members."
    assert classify_event(sentence) == "explosion"
    assert reports_event("A guard opened up on the crowd at Nawa, wounding three.")
    assert not reports_event("Unknown persons threw stones at a checkpoint.")


@pytest.mark.parametrize("sentence", [
    "17:20 - Syrian government forces took Maskanah on Saturday, according to SANA.",
    "Government forces reached the Nasib border crossing with Jordan this afternoon.",
    "On 9 September, the army broke through to the Deir ez-Zor airbase.",
    "Opposition factions take Khan al-Asal, cut Aleppo-Damascus highway",
    "Saraqib falls to opposition",
    "Syria live: Opposition closes in on Homs as regional ministers meet in Doha",
])
def test_forces_taking_reaching_or_breaking_through_tell_of_an_offensive(sentence: str) -> None:
    assert classify_event(sentence) == "offensive"


def test_the_aggression_state_media_tell_of_is_an_event() -> None:
    assert reports_event("The ministry condemned the Israeli aggression on al-Kiswah.")


def test_a_breakthrough_in_talks_is_no_offensive() -> None:
    assert not reports_event("Diplomats hailed a breakthrough in the talks.")


def test_a_side_leaving_a_place_reports_an_event_but_a_call_to_leave_does_not() -> None:
    assert reports_event("Hezbollah pulls out of Qusayr as thousands head for the Lebanese border")
    assert reports_event("Turkish army withdraws from Morek post in Syria's Hama")
    assert not reports_event("He called on the groups to pull out of Idlib.")


def test_bombardment_told_as_pounding_reports_an_event() -> None:
    """War reports' "pounded", "hammering"; "pounds" is money as often ("5,000 Syrian pounds")."""
    assert reports_event("The regime pounded the outskirts of Saraqib overnight.")
    assert reports_event("Government forces kept hammering Jobar for a third day.")
    assert not reports_event("A litre of fuel now costs 5,000 Syrian pounds in Damascus.")


@pytest.mark.parametrize(
    ("sentence", "reports"),
    [
        ("A 7.8-magnitude earthquake struck northern Syria.", True),
        ("The worst-affected areas include Jandairis and Harim.", True),
        ("In Jableh, a residential building collapsed.", True),
        ("Talks collapsed in Geneva.", False),  # only buildings and houses collapse as events
        ("The ministers met to discuss the affected sectors.", False),
    ],
)
def test_disasters_are_events_of_type_other(sentence: str, reports: bool) -> None:
    assert reports_event(sentence) is reports
    assert classify_event(sentence) == "other"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Who holds an area is background: no event.
        ("The rebels control almost all of Qabun and Tishreen.", None),
        ("Aleppo has been divided between government and rebel control since 2012.", None),
        ("Qamishli is under the shared control of the regime and Kurdish authorities.", None),
        # Taking, establishing or losing control is an offensive.
        ("The army established full control over Jabal Badro on Sunday.", "offensive"),
        ("Government forces restored control of the town after a week.", "offensive"),
        ("The rebels lost control of Khan Sheikhoun.", "offensive"),
    ],
)
def test_holding_an_area_is_no_event_but_taking_it_is(sentence: str, expected: str | None) -> None:
    assert reports_event(sentence) is (expected is not None)
    if expected:
        assert classify_event(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Armed groups took over several checkpoints near Tafas.", "offensive"),
        ("On Tuesday they took the towns of Halfaya and Taybat al-Imam.", "offensive"),
        ("Rebels also took the neighboring towns of Qabasin and Bizaah Friday.", "offensive"),
        ("Hundreds of people gathered in al-Karama Square on Thursday.", "other"),
        ("Security forces were searching houses in the Akrama neighbourhood.", "other"),
        ("The fires spread through the forests around Qastal Maaf.", "other"),
        ("Hundreds of returnees reached Palmyra this week.", "other"),
        ("Seven trucks crossed through al-Raee and passed through Bab al-Salama.", "other"),
        ("Thousands of families have returned to Kafr Nabl.", "other"),
        # Headlines in the present tense, and the state media's words for a recapture.
        ("Army units enter al-Rastan and Talbiseh after exit of last batch of terrorists", "other"),
        ("Army takes control of Salma town in Lattakia northern countryside", "offensive"),
        ("Army General Command announces restoring security and stability to Aleppo city", "offensive"),
        ("Israeli troops demolished three houses near the observation point.", "other"),
        ("A patrol beat a young man to death in the village.", "other"),
    ],
)
def test_takeovers_gatherings_searches_fires_returns_and_crossings_are_events(sentence: str, expected: str) -> None:
    assert reports_event(sentence)
    assert classify_event(sentence) == expected


def test_gathering_information_or_searching_for_a_donor_is_no_event() -> None:
    assert not reports_event("Information gathered through this investigation will help us.")
    assert not reports_event("His wife has taken on the search for a donor.")


@pytest.mark.parametrize(
    ("sentence", "reports"),
    [
        ("Turkey threatened to launch an offensive on Manbij.", False),
        ("The army's next target is expected to be Saraqeb.", False),
        ("Russia warned it would strike Idlib.", False),
        ("A deal will see rebels evacuated to Idlib.", False),
        ("Jets struck Ariha, and officials said they would rebuild the school.", True),  # the strike happened
        ("He said the offensive would resume after the attack on Tal Tamr.", True),  # so did the attack
        ("The camp in Ain Issa was not targeted, the ministry said.", False),  # denied
        ("Jets not only struck Saraqib but also hit Binnish.", True),
    ],
)
def test_what_is_only_threatened_planned_expected_or_denied_has_not_happened(sentence: str, reports: bool) -> None:
    assert reports_event(sentence) is reports
