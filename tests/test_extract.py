"""From article text to located, dated, typed events: the rules of geomap extract."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import geomap
from geomap.gazetteer import default_gazetteer, haversine_km
from geomap.mentions import find_mentions
from geomap.model import Article, Event
from geomap.pipeline import Extractor
from geomap.read import find_published_date, read_articles


def _events(extractor: Extractor, text: str, published: dt.date | None = None, doc_id: str = "t") -> list[Event]:
    return extractor.events(Article(id=doc_id, text=text, published=published))


def _by_mention(events: list[Event]) -> dict[str, Event]:
    return {e.mention: e for e in events}


def _near(event: Event, lat: float, lon: float, km: float = 5.0) -> bool:
    return haversine_km(event.lat, event.lon, lat, lon) <= km


# ------------------------------------------------------------------- the sample articles

def test_seed_004_clashes_are_dated_located_events(extractor: Extractor, seeds_dir: Path) -> None:
    [article] = read_articles([seeds_dir / "004_23ec9be7b3f8adf8.txt"])
    events = extractor.events(article)
    found = _by_mention([e for e in events if e.role == "event"])
    expected = {
        "Tell Salmo": (35.726, 37.074), "Atshan": (35.406, 36.823), "Khuwayn al-Kabir": (35.479, 36.835),
        "Zarzour": None, "Umm al-Khalakhi": (35.512, 36.881), "Abu al-Duhur Airbase": (35.732, 37.104),
        "Abu al-Duhur": (35.739, 37.045),
    }
    for mention, point in expected.items():
        assert mention in found, f"{mention} is not an event: {sorted(found)}"
        event = found[mention]
        assert event.date == "2018-01-11", (mention, event.date)
        assert event.admin1 in ("Idlib", "Hama")
        if point:
            assert _near(event, *point), (mention, event.lat, event.lon)
    assert found["Abu al-Duhur Airbase"].kind == "airbase"
    assert found["Abu al-Duhur"].kind == "settlement"
    # The Zarzour of this report is the one near the other places, in Idlib.
    assert found["Zarzour"].admin1 == "Idlib"
    mentions = " ".join(e.mention for e in events)
    for group in ("Jaish al-Ahrar", "Ahrar", "Faylaq al-Sham", "Hayat Tahrir al-Sham", "Sham"):
        assert group not in {e.mention for e in events}
    assert "Jaish" not in mentions


def test_seed_000_idlib_airstrike_and_background_capitals(extractor: Extractor, seeds_dir: Path) -> None:
    [article] = read_articles([seeds_dir / "000_2acda65c6de32bc8.txt"])
    assert article.published is None
    events = extractor.events(article)
    idlib = [e for e in events if e.mention == "Idlib" and e.role == "event"]
    assert any(e.event_type == "airstrike" for e in idlib)
    for capital in ("Moscow", "Ankara"):
        assert {e.role for e in events if e.mention == capital} == {"mention"}
    assert all(e.date is None for e in events), "'on Monday' must not become a date without a publication date"
    damascus = [e for e in events if e.mention == "DAMASCUS"]
    assert damascus and all(e.role == "mention" for e in damascus), "a dateline is where the report was filed"



def test_a_name_opened_by_a_toponym_head_is_a_candidate_anywhere(extractor: Extractor) -> None:
    """"Maaret al-Noaman" opening a line: the gazetteer has neither the spelling nor "Maaret" alone
    as the place meant; a toponym's head word joined by an article to a name makes the whole a
    place's name, looked for by near spelling, where no preposition says so."""
    text = ("Maaret al-Noaman: regime warplanes dropped barrel bombs on the market on Monday.\n\n"
            "Maaret al-Noaman was shelled again on Tuesday, activists in Idlib province said.")
    events = [e for e in _events(extractor, text, dt.date(2014, 5, 7)) if e.mention == "Maaret al-Noaman"]
    assert [(e.place, e.role, e.date) for e in events] == [
        ("Maarat al-Numan", "event", "2014-05-05"), ("Maarat al-Numan", "event", "2014-05-06")]

# ------------------------------------------------------------------- rules, on our own texts

def test_longest_match_airbase_over_town(extractor: Extractor) -> None:
    events = _events(extractor, "Rebels shelled the Abu al-Duhur Airbase on 3 March 2018, and clashes spread to Abu al-Duhur.")
    found = _by_mention(events)
    assert found["Abu al-Duhur Airbase"].kind == "airbase"
    assert found["Abu al-Duhur"].kind == "settlement"


def test_kind_words_after_a_name(extractor: Extractor) -> None:
    events = _events(extractor, "Warplanes struck the Abu al-Duhur air base and villages in Idlib province on Friday.",
                     published=dt.date(2018, 1, 13))
    found = _by_mention(events)
    assert found["Abu al-Duhur air base"].kind == "airbase"  # the base's own name, generic word included
    assert found["Idlib"].kind == "admin1"
    assert found["Abu al-Duhur air base"].date == "2018-01-12" and found["Abu al-Duhur air base"].date_source == "relative"


def test_scholarly_transliterations_with_an_ain_mark(extractor: Extractor) -> None:
    """A lower-case article glued to an ain mark ("al-'Ulayyaniyah") still opens a name: the
    tokenizer keeps the three together, so the name starts in the middle of the token."""
    found = _by_mention(_events(extractor, "On 5 March 2019, regime forces shelled al-'Ulayyaniyah in Homs countryside."))
    assert found["al-'Ulayyaniyah"].place == "Alianiyeh" and found["al-'Ulayyaniyah"].role == "event"
    assert found["al-'Ulayyaniyah"].admin1 == "Homs"


def test_generic_words_end_names_and_base_means_airbase(extractor: Extractor) -> None:
    """"T4 airbase" ends in a lower-case word; "the Hmeimim base" is the air base, not the village;
    a list after "shelled" goes on past a name with a glued article."""
    events = _events(extractor, "Missiles struck the T4 airbase near Palmyra. Drones hit the Hmeimim base. "
                                "Regime forces shelled al-Lataminah and Kafrnbuda in Hama countryside.")
    found = _by_mention(events)
    assert found["T4 airbase"].kind == "airbase" and found["T4 airbase"].admin1 == "Homs"
    assert found["Hmeimim"].kind == "airbase"
    assert (found["Kafrnbuda"].admin1, found["Kafrnbuda"].kind) == ("Hama", "settlement")
    region = _by_mention(_events(extractor, "Factions clashed in Jindires and Rajo in the Afrin region."))
    assert (region["Afrin region"].kind, region["Afrin region"].role) == ("admin2", "mention")


def test_area_and_governorate_context_pick_the_town(extractor: Extractor) -> None:
    events = _events(extractor, "Heavy fighting raged in the Abu al-Duhur area in southern Idlib on Sunday.")
    found = _by_mention(events)
    assert found["Abu al-Duhur"].kind == "settlement"
    assert found["Idlib"].kind == "admin1"


def test_ambiguous_village_follows_the_article(extractor: Extractor) -> None:
    text = ("Government troops advanced on Zarzur after shelling Jisr al-Shughur and Darkush in western Idlib "
            "on 2 May 2019.")
    zarzur = _by_mention(_events(extractor, text))["Zarzur"]
    assert zarzur.admin1 == "Idlib" and _near(zarzur, 35.955, 36.339, 10)


def test_a_citys_districts_are_its_quarters(extractor: Extractor) -> None:
    """"the Hamidiya and Hader districts of Hama" are Hama's quarters, not a village named Hamidiya
    38 km away nor an Aleppo Hadher; the plural kind word names every name of its list."""
    text = "Snipers fired in the Hamidiya and Hader districts of Hama. Rockets hit the al-Qusour and al-Joura districts of Deir ez-Zor."
    found = {e.mention: (e.place, e.admin1, e.kind) for e in _events(extractor, text, dt.date(2012, 8, 1))}
    assert found["Hamidiya"] == ("al-Hamidiya", "Hama", "neighbourhood")
    assert found["Hader"] == ("al-Hader", "Hama", "neighbourhood")
    assert found["al-Joura"][1:] == ("Deir ez-Zor", "neighbourhood") and found["al-Qusour"][1:] == ("Deir ez-Zor", "neighbourhood")
    # "several neighbourhoods of Hama and Aleppo": the cities that hold them, not quarters named so.
    text = "Buildings collapsed in Jableh and in several neighbourhoods of Hama and Aleppo on Monday."
    found = {e.mention: (e.place, e.admin1) for e in _events(extractor, text, dt.date(2023, 2, 7))}
    assert found["Hama"] == ("Hama", "Hama") and found["Aleppo"] == ("Aleppo", "Aleppo")


def test_a_quarter_listed_beside_a_citys_quarter_moves_to_that_city(extractor: Extractor) -> None:
    """Hama, Homs, Aleppo and Deir ez-Zor each have a Hamidiya quarter: the one beside Hama's Hader
    is Hama's, in a story that names Deir ez-Zor too."""
    text = ("Syrian troops stormed the protest hub of Hama on Sunday, killing nearly 100 people. He said tanks had "
            "entered the city and that snipers were firing from rooftops in the Hamidiya and Hader districts. Elsewhere, "
            "at least 19 people were killed in Deir Ezzor in the east when troops opened fire on protesters.")
    found = {e.mention: (e.place, e.admin1) for e in _events(extractor, text, dt.date(2011, 7, 31))}
    assert found["Hamidiya"][1] == found["Hader"][1] == "Hama"


def test_a_district_of_a_city_is_no_village_far_from_it(extractor: Extractor) -> None:
    """"the Hilaliya district of Qamishli" is a quarter the gazetteer lacks, not the Hilaliyeh village
    79 km off (nor a Zaytuneh village for "Zeitoun"); "the Kafr Nabl district of Idlib" names the
    governorate, and stays the town."""
    for quarter in ("Hilaliya", "Zeitoun"):
        text = f"Gunmen attacked a police post in the {quarter} district of Qamishli on Monday."
        found = _by_mention(_events(extractor, text, dt.date(2023, 1, 10)))
        assert "Qamishli" in found and quarter not in found, quarter
    text = "Shelling hit the Kafr Nabl district of Idlib on Monday."
    assert _by_mention(_events(extractor, text, dt.date(2019, 5, 7)))["Kafr Nabl"].admin1 == "Idlib"


def test_a_list_in_a_governorate_is_no_other_spelling_of_a_town_elsewhere(extractor: Extractor) -> None:
    """"al-Zakah, al-Arbaeen and Lahaya in the northern countryside of Hama": al-Arbaeen is no Arbin
    by Damascus, however notable, but a near spelling in Hama; "Sweida city, Shahba and Qrayya" keeps
    its Sweida village, though the sentence spells only Damascus exactly."""
    text = "Shelling hit al-Zakah, al-Arbaeen and Lahaya in the northern countryside of Hama on Monday."
    assert {e.mention: e.admin1 for e in _events(extractor, text, dt.date(2019, 5, 7))}["al-Arbaeen"] == "Hama"
    text = "Protests broke out in Sweida city, Shahba and Qrayya; demonstrators blocked the road to Damascus."
    assert {e.mention: e.admin1 for e in _events(extractor, text, dt.date(2023, 8, 18))}["Qrayya"] == "As-Suwayda"


def test_the_city_of_the_sentence_before_holds_its_districts(extractor: Extractor) -> None:
    """"… on the verge of victory in Aleppo. Shelling hit the east of the city, including the districts
    of al-Sukkari …": Aleppo's quarter, though the story's events are in Palmyra."""
    text = ("Islamic State fighters recaptured Palmyra on Sunday. The setback came as the army was on the verge of "
            "victory in Aleppo. Government shelling hit the east of the city, including the districts of al-Sukkari "
            "and al-Kalasa, on Sunday.")
    found = {e.mention: (e.place, e.admin1) for e in _events(extractor, text, dt.date(2016, 12, 12))}
    assert found["al-Sukkari"] == ("As-Sukkari", "Aleppo")


def test_a_village_lies_by_the_places_told_around_it_in_a_toll_of_many_governorates(extractor: Extractor) -> None:
    """A daily toll that names Hama too: "Three martyrs fell in Douma" after Zabadani and Madaya is
    Douma by Damascus; "arrests in Nawa and Jassem" after Dael is Daraa's Nawa."""
    text = ("Daily report - Saturday 4 February 2012\n\nSeven martyrs fell in Zabadani and Madaya after shelling. "
            "Three martyrs fell in Douma when security forces opened fire on a funeral.\n\n"
            "Two martyrs fell in Hama's Hamidiya neighbourhood, and gunfire was heard in Kafr Zita.\n\n"
            "One martyr fell in Dael, and a campaign of arrests was launched in Nawa and Jassem.")
    found = _by_mention(_events(extractor, text))
    assert (found["Douma"].admin1, found["Nawa"].admin1) == ("Rural Damascus", "Daraa")


def test_a_village_lies_by_the_town_of_note_its_sentence_names(extractor: Extractor) -> None:
    """"the Sunni village of al-Bayda … the nearby coastal city of Baniyas": the al-Bayda 7 km from the
    town, not the Hama one 38 km off, though a Golan hamlet is spelled Baniyas too."""
    text = ("Troops killed at least 50 people in the Sunni village of al-Bayda on Thursday, and on Friday the "
            "shelling spread to the nearby coastal city of Baniyas.")
    found = _by_mention(_events(extractor, text, dt.date(2013, 5, 3)))
    assert (found["al-Bayda"].admin1, found["Baniyas"].admin1) == ("Tartus", "Tartus")
    # Another spelling of the name too, close by the places of its own sentence: Hamediyeh, 8 km from
    # al-Qusayr, not the Hamidiyeh by Aleppo that the round-up's other places lie near.
    text = ("Army units killed terrorists in Khan al-Asal, al-Sheikh Saeed and the vicinity of Kuweires airport in "
            "Aleppo on Monday. The army also destroyed terrorists' hideouts in al-Qusair countryside in Arjoun and "
            "al-Hamidiyeh.")
    assert _by_mention(_events(extractor, text, dt.date(2013, 4, 22)))["al-Hamidiyeh"].admin1 == "Homs"
    # Not when the village chosen lies by them already, nor for another place the sentence names itself.
    text = ("Regime forces stationed in Morek and Souran also fired artillery and rocket shells on al-Lataminah and "
            "the village of Latmin on Monday.")
    found = _by_mention(_events(extractor, text, dt.date(2019, 5, 28)))
    assert (found["al-Lataminah"].place, found["Latmin"].place) == ("Latamneh", "Latmin")


def test_what_humanitarian_reports_tell_of_is_an_event(extractor: Extractor) -> None:
    """An outbreak's first case, towns flattened by an earthquake, an aid convoy arriving."""
    text = ("The first cholera case was confirmed in Jarablus on 19 September. Rescuers said the towns of Harem and "
            "Salqin had been wiped off the map. An aid convoy arrived in Rukban on Monday.")
    roles = {e.mention: e.role for e in _events(extractor, text, published=dt.date(2022, 9, 28))}
    assert roles == {"Jarablus": "event", "Harem": "event", "Salqin": "event", "Rukban": "event"}
    text = "The earthquake flattened Jandaris. Buildings also came down in Harem and Salqin."
    assert {e.role for e in _events(extractor, text, published=dt.date(2023, 2, 7))} == {"event"}
    text = "The Hamdan family walked back into Deir al-Asafir on 18 February."
    assert {e.mention: e.role for e in _events(extractor, text, published=dt.date(2025, 3, 2))} == {"Deir al-Asafir": "event"}


def test_a_headline_in_the_present_tells_of_a_capture(extractor: Extractor) -> None:
    text = "Syrian Kurdish forces take Tal Abyad from Islamic State\n\nKurdish forces captured the border town on Monday."
    assert {e.mention: e.role for e in _events(extractor, text, published=dt.date(2015, 6, 16))} == {"Tal Abyad": "event"}


def test_the_caliphates_punishments_are_events(extractor: Extractor) -> None:
    text = "ISIS publicly flogged two men in Tabqa on Monday. On Friday the group crucified a man in Raqqa."
    assert {e.mention: e.role for e in _events(extractor, text, published=dt.date(2015, 3, 4))} == {"Tabqa": "event", "Raqqa": "event"}


def test_a_body_found_is_an_event(extractor: Extractor) -> None:
    text = "In al-Hol camp, the body of an Iraqi woman was found this morning near the fifth sector."
    assert {e.mention: e.role for e in _events(extractor, text, published=dt.date(2023, 3, 2))} == {"al-Hol camp": "event"}


def test_a_detention_is_an_event(extractor: Extractor) -> None:
    roles = {e.mention: e.role for e in _events(
        extractor, "On Sunday, Israeli soldiers detained three shepherds near the town of Jubata al-Khashab in the "
                   "northern countryside of Quneitra.")}
    assert roles == {"Jubata al-Khashab": "event", "Quneitra": "mention"}


def test_armed_groups_people_and_demonyms_are_not_places(extractor: Extractor) -> None:
    text = ("Fighters of Jaish al-Izza and Ahrar al-Sham attacked army posts near Kafr Zita on 4 May 2019, "
            "said Naji al-Mustafa, a spokesman for the National Liberation Front. Turkish-backed factions and "
            "Russian aircraft were also involved.")
    mentions = {e.mention for e in _events(extractor, text)}
    assert "Kafr Zita" in mentions
    assert not mentions & {"Izza", "al-Izza", "Sham", "al-Sham", "Ahrar", "Mustafa", "Naji", "Turkish", "Russian", "Liberation"}


def test_a_name_and_its_other_name_in_brackets_are_one_place(extractor: Extractor) -> None:
    """"al-Malikiyah (Derik)": an Aleppo village is also called al-Malikiyah, and the sentence names
    Aleppo's countryside; Derik, the other name, says it is the Hasakah town."""
    text = ("Turkish shelling hit Marea, al-Sheikh Issa and Tal Rifaat in the northern countryside of Aleppo on Monday. "
            "Turkish airstrikes targeted the Kobani (Ain al-Arab) area in the eastern countryside of Aleppo, including "
            "a grain silo in the village of Zor Maghar, as well as the surroundings of the town of al-Malikiyah (Derik) "
            "in the far north-east of al-Hasakah, where 11 civilians were killed.")
    found = _by_mention(_events(extractor, text))
    assert (found["al-Malikiyah"].place, found["al-Malikiyah"].admin1) == ("Al-Malikeyyeh", "Hasakah")


def test_baghouz_beside_al_hol_is_the_euphrates_town(extractor: Extractor) -> None:
    """GeoNames gives a Hasakah hamlet the variant "Bāghūz"; news of Baghouz names al-Hol in Hasakah,
    where its people were taken, and still means the town by Abu Kamal."""
    text = "Women and children evacuated from Baghouz on Monday were taken to al-Hol camp in Hasakah province."
    assert _by_mention(_events(extractor, text))["Baghouz"].admin1 == "Deir ez-Zor"


def test_a_village_told_to_lie_west_of_a_town_is_its_namesake_west_of_it(extractor: Extractor) -> None:
    """Two Hasakah villages fold like "Hemo", 6 km west and 10 km east of Qamishli: "west of" says which."""
    text = "Turkish drones struck a car near Hemo, west of Qamishlo city, on Monday."
    hemo = _by_mention(_events(extractor, text, dt.date(2023, 1, 10)))["Hemo"]
    assert hemo.lon < 41.225 and _near(hemo, 37.05, 41.16, km=5)


def test_sinjar_beside_dohuk_is_the_iraqi_town(extractor: Extractor) -> None:
    text = ("Peshmerga fighters clashed with the jihadists on Sunday, as Yazidis who fled Sinjar in August remained in "
            "camps in Dohuk province.")
    found = _by_mention(_events(extractor, text, dt.date(2014, 10, 6)))
    assert found["Sinjar"].admin1 is None and _near(found["Sinjar"], 36.32, 41.86, km=10)


def test_a_lebanese_border_town_in_its_english_spelling_is_found(extractor: Extractor) -> None:
    """After "the Lebanese town of", a name must be spelled as a place abroad is: GeoNames has Arsal
    only as "Aarsâl"."""
    text = "In the northeastern Lebanese town of Arsal, residents said families from Qusayr had begun arriving."
    arsal = _by_mention(_events(extractor, text))["Arsal"]
    assert (arsal.place, arsal.admin1) == ("Arsal", None)


def test_factions_named_after_sultans_and_regions_are_not_places(extractor: Extractor) -> None:
    """Turkish-backed factions: "Sultan Murad" is no village Murad, "Ahrar al-Sharqiya" no eastern place."""
    text = ("Sultan Murad faction kidnaps three civilians in Cindirês, seizes olive harvest\n\n"
            "Fighters of the Hamza Division and Ahrar al-Sharqiya clashed in Afrin.")
    assert {e.mention for e in _events(extractor, text)} == {"Cindirês", "Afrin"}


def test_metonymy_is_a_mention_not_an_event(extractor: Extractor) -> None:
    text = ("Moscow and Ankara brokered a ceasefire after air strikes on Saraqib on 1 March 2020. "
            "Turkey has been sending reinforcements. Damascus said the strikes hit militants. "
            "Iran-backed militias joined the offensive near Saraqib.")
    events = _events(extractor, text)
    roles = {(e.mention, e.role) for e in events}
    assert ("Saraqib", "event") in roles
    for actor in ("Moscow", "Ankara", "Turkey", "Damascus", "Iran"):
        assert (actor, "event") not in roles, actor


@pytest.mark.parametrize(
    "sentence",
    [
        "Air strikes hit Saraqib, and Damascus vows to repel the attack.",
        "Shelling killed five in Saraqib, but Damascus has denied any involvement.",
        "Shelling killed five in Saraqib; Damascus did not comment on the toll.",
        "Forces loyal to Damascus shelled Saraqib.",
        "Shelling hit Saraqib despite a truce brokered by Moscow and Ankara.",
        "Clashes between the regime in Damascus and rebels hit Saraqib.",
        "The ministry condemned the regimes in Moscow and Ankara after shelling hit Saraqib.",
        "Shelling hit Saraqib on Monday, which pro-Damascus media blamed on rebels.",
        "Anti-Damascus fighters said shelling hit Saraqib.",
        "Shelling hit Saraqib. Ankara has so far refused to act unless the coalition targets the government of "
        "President Bashar al-Assad in Damascus.",
        "Shelling hit Saraqib.\n\n- Damascus and Moscow deny any chemical attack",
        # an aside between the seat and its verb; officials meeting their peers
        "Shelling hit Saraqib. Ankara, for its part, has repeatedly threatened a new military operation.",
        "Shelling hit Saraqib, and Turkish officials have met their Syrian counterparts in Damascus and Ankara.",
        # a deal's seat, a statement made from a capital, an agency's offices
        "Shelling hit Saraqib on Monday. The offensive was halted by two agreements, one signed with Washington on 17 "
        "October and another reached with Moscow in Sochi five days later.",
        "Fighting raged in Saraqib on Monday. The fighting follows the collapse of a ceasefire negotiated by John Kerry "
        "and Sergei Lavrov in Geneva earlier this month.",
        "A bomb killed six in Saraqib on Thursday. Iran's foreign ministry spokesman condemned the attack from Tehran.",
        "A mine killed a boy near Saraqib on Monday.\n\nThe UN Mine Action Service, which has offices in Damascus and "
        "Gaziantep, estimates that one in two Syrians lives in an area contaminated with explosive ordnance.",
    ],
)
def test_a_government_named_by_its_seat_is_a_mention(extractor: Extractor, sentence: str) -> None:
    roles = {(e.mention, e.role) for e in _events(extractor, sentence)}
    assert ("Saraqib", "event") in roles
    assert not {(name, "event") for name in ("Damascus", "Moscow", "Ankara", "Sochi", "Geneva", "Tehran")} & roles


@pytest.mark.parametrize(
    ("sentence", "spoken_from"),
    [
        ("President Erdogan said in Ankara on Tuesday that jets struck Manbij.", "Ankara"),
        ("An Israeli army spokeswoman in Tel Aviv declined to comment on the strike near Kisweh.", "Tel Aviv"),
        ("In Ankara, the defence minister said on Sunday that operations near Manbij continue.", "Ankara"),
        ("In Amman, the foreign ministry also condemned the strikes on Daraa.", "Amman"),
        ("EU officials urged a halt, and in Washington, senators condemned the shelling of Qamishli.", "Washington"),
        ("In Damascus, the foreign ministry called the strikes on Kisweh an unjustified escalation.", "Damascus"),
        ("The UN envoy said in Damascus that aid convoys were shelled near Douma.", "Damascus"),
        ("The opposition coalition, meeting in Istanbul, said shelling killed 30 people in Zamalka.", "Istanbul"),
        ("The defence minister told President Vladimir Putin in Moscow that jets had struck Saraqib.", "Moscow"),
        ("The SDF said in a statement read in Ain Issa that its fighters had taken Abu Hurayrah after clashes.", "Ain Issa"),
        ("In a speech delivered at a mosque in Damascus, the president condemned the killings in Jableh.", "Damascus"),
        ("The Security Council held an emergency session in New York after strikes on Idlib.", "New York"),
        ("A resident told AP by phone from Douma that shelling killed five people in Harasta.", "Douma"),
        ("In Brussels, NATO ambassadors held emergency talks after the strike on Balyun in Syria.", "Brussels"),
        ("State television, broadcasting from Damascus, said troops entered Jisr al-Shughour on Monday.", "Damascus"),
        ("The coalition denied hitting the dam near Tabqa, saying in a statement from its headquarters in Baghdad "
         "that it had only struck militants.", "Baghdad"),
        ("Sheikh al-Hijri, in a video from his home in the town of Qanawat, urged calm after clashes in Sweida.", "Qanawat"),
        ("Jets struck Morek on Monday in violation of the ceasefire agreed in Astana.", "Astana"),
        ("Washington accused Damascus of 'savagery' after troops shelled Jisr al-Shughour.", "Damascus"),
        ("Turkey blamed Ankara's critics, and the UN urged Moscow to halt the strikes on Ariha.", "Moscow"),
        ("President Erdogan said on Sunday in Istanbul that jets struck Maarat al-Numan.", "Istanbul"),
        ("The antiquities directorate said in a statement from Damascus that strikes damaged the Ain Dara temple.", "Damascus"),
        ("\"Tal Abyad is completely liberated,\" the YPG spokesman told AFP from Qamishli.", "Qamishli"),
        ("Our correspondent, reporting from Gaziantep, said jets struck Atarib on Saturday.", "Gaziantep"),
        ("The defence ministry said on its website in Moscow that jets struck Idlib on Monday.", "Moscow"),
        ("A Pentagon spokesman tells reporters in Washington that the strike hit a depot in Albu Kamal.", "Washington"),
        ("The UN Security Council in New York met after the strike on Ariha on Monday.", "New York"),
        ("The spokeswoman said in a statement in Moscow that the bombings in Jableh aimed to derail talks.", "Moscow"),
        ("A US official told the Associated Press in Washington that Israel struck Albu Kamal on Monday.", "Washington"),
        ("The ministry sent letters to the U.N. in New York after the rebel offensive on Kessab.", "New York"),
        ("Russia said on its foreign ministry website in Moscow that the strike on Mezzeh was unacceptable.", "Moscow"),
        ("Clashes hit Dhiban on Monday. Regime-affiliated media in Damascus portrayed them as an uprising.", "Damascus"),
        ("The SDF said in a statement issued from Hasakah that 17 fighters were killed in clashes near Ain Issa.", "Hasakah"),
        ("Lavrov, at a news conference in the Russian city of Sochi, said jets had struck Idlib.", "Sochi"),
        ("General Rudskoy told a briefing in Moscow that jets struck Douma on Monday.", "Moscow"),
        ("The SDF announced on 9 September from the town of al-Shaddadi the start of an offensive on Hajin.", "al-Shaddadi"),
        ("Jets struck Raqqa on Monday, according to coalition statements issued in Baghdad.", "Baghdad"),
        ("Jets struck Tal Rifaat on Monday. The prime minister told lawmakers in Ankara that the operation would go on.",
         "Ankara"),
        ("Troops recaptured Palmyra on Sunday. In a phone call from Moscow, Putin congratulated Assad on the recapture.", "Moscow"),
        ("Clashes hit Raqqa. A commander, speaking at a press conference in the village of Hazima, said the battle began.",
         "Hazima"),
        ("Jets struck Raqqa on Monday. Amnesty, in a report released in London, says the strikes are killing civilians.",
         "London"),
        ("Troops advanced near Nubl on Monday. The encirclement is almost complete, a military source told state news "
         "agency SANA in Damascus.", "Damascus"),
        ("Rebels surrendered in Daraya on Monday. In Damascus, state television broadcast an amnesty decree.", "Damascus"),
        ("Troops took control of Mayadin. Assad hailed the victory in a telegram sent from Damascus to the commanders.",
         "Damascus"),
        ("Rebels shelled Daraa on Monday. The deal was welcomed in Amman, where officials fear a new wave of refugees.",
         "Amman"),
        ("Shelling hit Idlib on Monday. Researchers also interviewed wounded people in hospitals in Antakya.", "Antakya"),
        ("Shelling hit Idlib on Monday. Mark Cutts wrote on social media from Gaziantep that the UN was alarmed by "
         "reports of civilian casualties.", "Gaziantep"),
        ("Jets struck Saraqib.\n\nTurkish army retaliates, hits regime targets; emergency security meeting held in Ankara",
         "Ankara"),
        ("Shelling hit Tal Abyad.\n\n18:30 - UN Security Council met behind closed doors in New York; European members "
         "called for a halt to the offensive.", "New York"),
        ("Shelling hit Daraa.\n\nUpdate 8: In Beirut, Lebanese officials said they are ready to help with the return of "
         "refugees after the shelling.", "Beirut"),

    ],
)
def test_where_someone_spoke_is_a_mention(extractor: Extractor, sentence: str, spoken_from: str) -> None:
    roles = {e.mention: e.role for e in _events(extractor, sentence)}
    assert roles[spoken_from] == "mention"
    assert "event" in {role for name, role in roles.items() if name != spoken_from}


def test_what_an_office_said_happened_where_is_of_that_place(extractor: Extractor) -> None:
    """"…, and in Jableh, where state media said 48 people were killed": Jableh is where it happened."""
    text = "Blocks collapsed in Latakia on Monday, and in Jableh, where state media said 48 people were killed."
    assert {e.mention: e.role for e in _events(extractor, text)} == {"Latakia": "event", "Jableh": "event"}


def test_people_speaking_in_a_syrian_town_tell_of_it_unless_an_office_speaks(extractor: Extractor) -> None:
    """"In Idlib, residents said the strike killed five" tells of Idlib; "In Damascus, the foreign
    ministry called…" (above) is where an office spoke."""
    roles = {e.mention: e.role for e in _events(extractor, "In Idlib, residents said the strike killed five.")}
    assert roles == {"Idlib": "event"}
    speech = "Erdogan, speaking to refugees in the southern city of Gaziantep, said the attack killed 12 soldiers."
    assert {e.mention: e.role for e in _events(extractor, speech)} == {"Gaziantep": "mention"}
    speech = "Speaking to reporters in the border province of Kilis, the minister said the attack killed 12 soldiers."
    assert {e.mention: e.role for e in _events(extractor, speech)} == {"Kilis": "mention"}


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("Shelling hit Dana on Monday, said a mother of five originally from Kafr Sajna.",
         {"Dana": "event", "Kafr Sajna": "mention"}),
        ("The strike on Monday killed a teacher born in Homs and two others in Saraqib.",
         {"Homs": "mention", "Saraqib": "event"}),
        ("Troops led by a general who was born in Jableh captured Kafr Nabuda on Monday.",
         {"Jableh": "mention", "Kafr Nabuda": "event"}),
        ("Jets struck Ariha on Monday, said the rescue group, which is based in Gaziantep.",
         {"Ariha": "event", "Gaziantep": "mention"}),
        ("The Russian reconciliation centre, headquartered at the Hmeimim airbase, said mortars hit Kasab on Monday.",
         {"Hmeimim airbase": "mention", "Kasab": "event"}),
        ("The victims of Monday's shelling on Tafas were originally from the villages of Al-Sa'an and Sheikh Hilal.",
         {"Tafas": "event", "Al-Sa'an": "mention", "Sheikh Hilal": "mention"}),
        ("Jets struck Ariha on Monday. Most had originally fled from Hama, Eastern Ghouta and southern Idlib.",
         {"Ariha": "event", "Hama": "mention", "Eastern Ghouta": "mention", "Idlib": "mention"}),
        ("A gunman whose family comes from Quneitra shot two men in Jasim on Monday.",
         {"Quneitra": "mention", "Jasim": "event"}),
        ("The Russians, who are based at the Izraa checkpoint, stayed out of the clashes in Daraa al-Balad on Monday.",
         {"Izraa": "mention", "Daraa al-Balad": "event"}),
        ("Troops shelled Maarat al-Numan on Monday to regain the M5 highway that links Damascus to Aleppo.",
         {"Maarat al-Numan": "event", "Damascus": "mention", "Aleppo": "mention"}),
        ("Jets pounded Saraqib on Monday, on the M5 highway linking the capital Damascus to second city Aleppo.",
         {"Saraqib": "event", "Damascus": "mention", "Aleppo": "mention"}),
        ("Shelling hit Hish on Monday. Most residents are originally from villages near Kafranbel and Hass.",
         {"Hish": "event", "Kafranbel": "mention", "Hass": "mention"}),
        # Unless something happened there too.
        ("Strikes hit a highway linking Masyaf with the town of Wadi al-Uyun, where a car was burnt out on Monday.",
         {"Masyaf": "mention", "Wadi al-Uyun": "event"}),  # "where" tells of the name right before it
        # Where forces, fire or aircraft came from, and where partners operate from: where they went or struck is the news.
        ("On Sunday, troops advancing along the highway from Palmyra captured the village of Kabajeb.",
         {"Palmyra": "mention", "Kabajeb": "event"}),
        ("The group transferred hundreds of its fighters from Raqqa to attack Palmyra on Monday.",
         {"Raqqa": "mention", "Palmyra": "event"}),
        ("IS fighters were coming from the direction of Jarablus when they attacked Kobani on Monday.",
         {"Jarablus": "mention", "Kobani": "event"}),
        ("Shells fired from Kafr Nabl hit Hish on Monday. Fire also came from regime positions near Maarat al-Numan.",
         {"Kafr Nabl": "mention", "Hish": "event", "Maarat al-Numan": "mention"}),
        ("Russian warplanes taking off from the Hmeimim airbase struck al-Huwayz on Tuesday.",
         {"Hmeimim airbase": "mention", "al-Huwayz": "event"}),
        ("The offensive was launched in January from the area of the Tiyas airbase and captured Palmyra on Thursday.",
         {"Tiyas airbase": "mention", "Palmyra": "event"}),
        ("Sorties were flown from the Hmeimim base against targets near Palmyra on Monday.",
         {"Hmeimim": "mention", "Palmyra": "event"}),
        ("A Syrian Su-22 jet, departing from Shayrat airbase, dropped a bomb on Ltamenah on Monday.",
         {"Shayrat airbase": "mention", "Ltamenah": "event"}),
        ("The aircraft had taken off from Hmeimim airbase before striking Ariha on Monday.",
         {"Hmeimim airbase": "mention", "Ariha": "event"}),
        ("The deal was reached in Busra al-Sham on Monday, after clashes, with Russian officers flown in from Hmeimim.",
         {"Busra al-Sham": "event", "Hmeimim": "mention"}),
        ("Troops arrested two men at a checkpoint near Sanamayn on Monday while they were travelling to Damascus.",
         {"Sanamayn": "event", "Damascus": "mention"}),
        ("Jets struck Hajin on Monday, killing SDF commanders, many of whom are from Qamishli and Afrin.",
         {"Hajin": "event", "Qamishli": "mention", "Afrin": "mention"}),
        ("Gunmen killed a Druze general from Sweida in Damascus on Monday.", {"Sweida": "mention", "Damascus": "event"}),
        ("Israeli jets fired six missiles from the direction of the occupied Golan Heights at a building in Mezzeh.",
         {"Golan Heights": "mention", "Mezzeh": "event"}),
        ("WHO said airstrikes hit two hospitals in Kafr Nabl, which it supports from its country office in Damascus and "
         "through cross-border operations from Gaziantep.", {"Kafr Nabl": "event", "Damascus": "mention", "Gaziantep": "mention"}),
        ("Partners working out of Sweida treated the wounded after shelling hit Busra al-Harir on Monday.",
         {"Sweida": "mention", "Busra al-Harir": "event"}),
        ("Partners operating from Gaziantep are assessing needs after the strikes on Atarib on Monday.",
         {"Gaziantep": "mention", "Atarib": "event"}),
        ("The attackers who stormed the prison in Hasakah on Monday had infiltrated from Iraq and from the countryside of "
         "Deir ez-Zor.",
         {"Hasakah": "event", "Iraq": "mention", "Deir ez-Zor": "mention"}),
        ("Officials said jets fired missiles at around 4:20 a.m. from the direction of the occupied Golan Heights at "
         "targets near Kisweh.", {"Golan Heights": "mention", "Kisweh": "event"}),
        ("Residents said the coalition helicopters came from the base at the al-Omar oil field before the raid on Diban.",
         {"al-Omar oil field": "mention", "Diban": "event"}),
        ("The raid on Ariha recalled the years when Russian jets operated from Hmeimim.", {"Ariha": "event", "Hmeimim": "mention"}),
        ("Their helicopter came under fire from the ground near Palmyra.", {"Palmyra": "event"}),
        ("The strike on the runway forced aid flights to be diverted to Latakia.", {"Latakia": "mention"}),
        ("The convoy was heading to Al-Mayadin when it was struck near Albukamal.", {"Al-Mayadin": "mention", "Albukamal": "event"}),
        ("The wounded of the shelling of Tasil were taken to hospitals in Nawa and in the town of Sheikh Maskin.",
         {"Tasil": "event", "Nawa": "mention", "Sheikh Maskin": "mention"}),
        ("Most returnees headed to Saraqeb after the shelling stopped.", {"Saraqeb": "event"}),
        ("The injured were brought to the state hospital in Akçakale.", {"Akçakale": "mention"}),
        ("Turkish jets struck Tal Rifaat. Erdogan, speaking at a party congress in Gaziantep, said the strikes would go on.",
         {"Tal Rifaat": "event", "Gaziantep": "mention"}),
        ("In Damascus, President Assad affirmed that the capture of Yabroud was a victory.",
         {"Yabroud": "event", "Damascus": "mention"}),
        ("Car bombs killed 42 people in Baalbek. Mikati condemned the bombing from his home in Tripoli.",
         {"Baalbek": "event", "Tripoli": "mention"}),
        ("Jets struck Yabroud. Most refugees in Lebanon come from Homs and Qusayr.",
         {"Yabroud": "event", "Lebanon": "mention", "Homs": "mention", "Qusayr": "mention"}),
        ("A car bomb exploded in al-Bab. The injured were transported to hospitals in Gaziantep and Kilis.",
         {"al-Bab": "event", "Gaziantep": "mention", "Kilis": "mention"}),
        ("A car bomb exploded in al-Rai. The wounded were taken across the border to hospitals in the Turkish town of Kilis.",
         {"al-Rai": "event", "Kilis": "mention"}),
        ("Buses carrying 1,200 people left Babbila, Yalda and Beit Sahm in the morning and would head to Jarablus.",
         {"Babbila": "event", "Yalda": "event", "Beit Sahm": "event", "Jarablus": "mention"}),
        ("Under the deal, 700 fighters will be allowed safe passage to rebel-held Idlib province after shelling hit Douma.",
         {"Idlib": "mention", "Douma": "event"}),
        ("A convoy of 55 buses carrying 2,800 fighters left the Quneitra crossing area for the Idlib de-escalation zone.",
         {"Quneitra": "event", "Idlib": "mention"}),
        ("On Thursday, the body of a teacher from Saraqib was found near the town of Binnish.",
         {"Saraqib": "mention", "Binnish": "event"}),
        ("ISIS executed 17 young men from the town of Saraqib on Friday.", {"Saraqib": "event"}),
        ("Shelling hit Sarmada on Monday. Rescuers took the injured man to a hospital in Bab al-Hawa.",
         {"Sarmada": "event", "Bab al-Hawa": "mention"}),
        ("Thousands protested in Suwayda on Friday. Protesters came by bus and pickup from Shahba and Salkhad.",
         {"Suwayda": "event", "Shahba": "mention", "Salkhad": "mention"}),
        ("Protesters took to the streets in Homs on Friday.", {"Homs": "event"}),
        ("Shelling hit Sarmada on Monday. A man from there, who lived in a camp near Atmeh, was among the dead.",
         {"Sarmada": "event", "Atmeh": "mention"}),
        ("A shell killed three in Tal Rifaat on Monday. The wounded were taken to the Avrin hospital in Fafin.",
         {"Tal Rifaat": "event", "Fafin": "mention"}),
        ("Erdogan has threatened a new ground operation against the YPG in Tal Rifaat, Manbij and Kobani.",
         {"Tal Rifaat": "mention", "Manbij": "mention", "Kobani": "mention"}),
        ("Sheikh al-Hijri, whose seat is in Qanawat, backed the protests that spread to Shahba on Monday.",
         {"Qanawat": "mention", "Shahba": "event"}),
        ("The commander, who grew up in Jableh, led the offensive that took Hama on Thursday.",
         {"Jableh": "mention", "Hama": "event"}),
        ("Muallem, who flew in from Damascus via Athens, said jets had struck Douma.",
         {"Damascus": "mention", "Athens": "mention", "Douma": "event"}),
        ("Several families interviewed by UNHCR in Amman and Beirut cited the attack.", {"Amman": "mention", "Beirut": "mention"}),
        ("Police shot a protester in Qamishli. Kurdish parties in exile in Berlin and Stockholm condemned the killing.",
         {"Qamishli": "event", "Berlin": "mention", "Stockholm": "mention"}),
        ("Shelling hit Raqqa on Monday. Abu Hamza fled with his family and now lives in the Turkish city of Gaziantep.",
         {"Raqqa": "event", "Gaziantep": "mention"}),
        ("Researchers interviewed witnesses of the massacre in Houla on Monday.", {"Houla": "event"}),
        ("Families displaced from Khan Shaykhun and Al-Habeet told the Commission that shelling hit Atmeh.",
         {"Khan Shaykhun": "mention", "Al-Habeet": "mention", "Atmeh": "event"}),
        ("The victims of the strike on Atmeh had fled at least once, many of them from Maarat al-Numan and Saraqib.",
         {"Atmeh": "event", "Maarat al-Numan": "mention", "Saraqib": "mention"}),
        ("Thousands fled from Saraqib on Monday as shelling intensified.", {"Saraqib": "event"}),
        ("Shelling hit Atmeh. Many there have already been displaced two or three times, from Khan Shaykhun and Saraqib.",
         {"Atmeh": "event", "Khan Shaykhun": "mention", "Saraqib": "mention"}),
        ("More than 100,000 people have fled from Maarat al-Numan since Monday.", {"Maarat al-Numan": "event"}),
        ("Families returned to Kafr Nabl this week from camps in Sarmada and Kafr Lusin after a blast.",
         {"Kafr Nabl": "event", "Sarmada": "mention", "Kafr Lusin": "mention"}),
        ("Demining teams worked ahead of planned returns to Khan Shaykhun after a landmine killed two.",
         {"Khan Shaykhun": "mention"}),
        ("\"I am from Baba Amr, but on the night of the massacre I was staying in Khaldiyeh,\" she said.",
         {"Baba Amr": "mention", "Khaldiyeh": "event"}),
        ("The jets dropped the bombs on Khan Shaykhun after taking off from Shayrat airfield.",
         {"Khan Shaykhun": "event", "Shayrat airfield": "mention"}),
        ("Forty lorries of food arrived in Madaya on Monday evening after setting out from Damascus in the morning.",
         {"Madaya": "event", "Damascus": "mention"}),
        ("Gunmen who set out from Tadef attacked a checkpoint in al-Bab on Monday.", {"Tadef": "mention", "al-Bab": "event"}),
        ("He studied medicine at Aleppo University and was killed in Douma on Monday.",
         {"Aleppo University": "mention", "Douma": "event"}),
        ("Air strikes hit camps near Atmeh on Monday, sheltering 20,000 people, many of whom were displaced from Aleppo "
         "and Homs.", {"Atmeh": "event", "Aleppo": "mention", "Homs": "mention"}),
        ("Jableh lies a few kilometres south of the Russian Hmeimim Airbase, from where Russian warplanes have been "
         "carrying out airstrikes.", {"Jableh": "event", "Hmeimim Airbase": "mention"}),
        ("Gunmen killed 20 in Aqrab on Monday. The Observatory called for the killers of the civilians to be referred to "
         "the International Criminal Court in The Hague.", {"Aqrab": "event", "The Hague": "mention"}),
        ("A car bomb killed 20 in Halfaya on Sunday, as the envoy arrived in Damascus from Beirut for talks with the "
         "president.", {"Halfaya": "event", "Damascus": "mention", "Beirut": "mention"}),
        ("Shelling hit Idlib on Monday. The wounded were treated in hospitals in Antakya.", {"Idlib": "event", "Antakya": "mention"}),
        ("The buses left eastern Aleppo on Thursday. Erdogan told reporters in Ankara that his country was ready to "
         "receive the wounded in hospitals in Kilis.", {"Aleppo": "event", "Ankara": "mention", "Kilis": "mention"}),
        ("A father from al-Bara who now lives near Atmeh said shelling hit Kansafra on Monday.",
         {"al-Bara": "mention", "Atmeh": "mention", "Kansafra": "event"}),
        ("A fighter from Kafranbel was killed in clashes in Hass on Monday.", {"Kafranbel": "mention", "Hass": "event"}),
        ("Regime forces stationed in Morek and Souran fired rocket shells on al-Lataminah.",
         {"Morek": "mention", "Souran": "mention", "al-Lataminah": "event"}),
        ("The faction's spokesman, speaking to SMART from the city of Maarat al-Numan, said fighters repelled an attack "
         "on al-Hamamiyat.", {"Maarat al-Numan": "mention", "al-Hamamiyat": "event"}),
        ("Since 2012, when government forces withdrew from Amuda and Derik, the area has been shelled by Turkey.",
         {"Amuda": "mention", "Derik": "mention", "Turkey": "mention"}),
        ("Many were displaced again since they first left Hama or Homs years ago, after the shelling of Ariha.",
         {"Hama": "mention", "Homs": "mention", "Ariha": "event"}),
        ("The ministry condemned the strikes and accused Israel of trying to widen the war in Gaza.",
         {"Israel": "mention", "Gaza": "mention"}),
    ],
)
def test_a_home_a_seat_or_a_road_end_is_background(extractor: Extractor, text: str, roles: dict[str, str]) -> None:
    """Where someone comes from or was born, where a body is based, where a road goes, and where
    forces, fire or aircraft came from are not where the news happened."""
    assert {e.mention: e.role for e in _events(extractor, text, published=dt.date(2019, 12, 24))} == roles


def test_a_home_or_seat_is_where_something_happened_unless_words_were_recorded_there(extractor: Extractor) -> None:
    """"A video from his home in Qanawat" is where words were recorded; "abducted from his home in
    Qanawat" is where the abduction happened."""
    roles = {e.mention: e.role for e in _events(extractor, "Gunmen abducted him from his home in Qanawat on Monday.")}
    assert roles == {"Qanawat": "event"}


def test_a_city_abroad_that_a_syrian_village_folds_like_is_where_words_were_said(extractor: Extractor) -> None:
    """"Ankara" folds like Anqarah, a Hasakah village, and "Cairo" like Qahera; spelled as written
    they are the capitals, where officials speak from."""
    roles = {e.mention: e.role for e in _events(extractor, "In Ankara, the foreign minister warned of a massacre. "
                                                            "In Cairo, the Arab League condemned the killings.")}
    assert roles == {"Ankara": "mention", "Cairo": "mention"}


def test_an_aleppo_quarter_the_sources_lack_is_found_in_an_aleppo_story(extractor: Extractor) -> None:
    """Bab al-Faraj is also a Hasakah village; "in Aleppo" makes it the quarter by the clock tower."""
    found = _by_mention(_events(extractor, "A mosque in Bab al-Faraj in Aleppo was damaged by rockets on Monday."))
    assert (found["Bab al-Faraj"].place, found["Bab al-Faraj"].kind) == ("Bab al-Faraj", "neighbourhood")


def test_a_name_listed_beside_a_city_quarter_is_that_citys_quarter(extractor: Extractor) -> None:
    """Aleppo has quarters named al-Sulaymaniyah and al-Mashhad; listed beside its al-Midan and
    al-Sukkari they are those, not Iraq's city or a village of that name 28 km out."""
    found = _by_mention(_events(extractor, "Rockets struck al-Midan and al-Sulaymaniyah in Aleppo on Monday."))
    assert (found["al-Sulaymaniyah"].admin1, found["al-Sulaymaniyah"].kind, found["al-Sulaymaniyah"].role) == \
        ("Aleppo", "neighbourhood", "event")
    found = _by_mention(_events(extractor, "Barrel bombs fell on al-Mashhad, al-Ansari al-Sharqi and al-Sukkari."))
    assert found["al-Mashhad"].kind == "neighbourhood"
    assert haversine_km(found["al-Mashhad"].lat, found["al-Mashhad"].lon, 36.176, 37.143) < 5


def test_a_district_of_the_city_named_before_it_is_that_citys_quarter(extractor: Extractor) -> None:
    """"The X district" is a city's quarter where its words name the city first or as its container;
    not a city named after it as a reference point for another ("… district of the city, 162 km north
    of the capital Damascus" in a Homs story)."""
    text = "In Aleppo, lines of taxis stretched outside a station in the Sulaymaniyah district from before dawn."
    found = _by_mention(_events(extractor, text))["Sulaymaniyah"]
    assert (found.admin1, found.kind) == ("Aleppo", "neighbourhood")  # not Iraq's city
    found = _by_mention(_events(extractor, "Mortar shells hit the Sulaymaniyah district of Aleppo."))["Sulaymaniyah"]
    assert (found.admin1, found.kind) == ("Aleppo", "neighbourhood")
    text = ("Twin bomb attacks killed 50 people in the Syrian city of Homs on Sunday. Two cars exploded at a traffic "
            "light in al-Zahraa district of the city located 162 kilometers north of the capital Damascus.")
    assert _by_mention(_events(extractor, text))["al-Zahraa"].admin1 == "Homs"


def test_a_district_told_to_lie_by_a_city_is_the_district(extractor: Extractor) -> None:
    """"The Afrin district north of Aleppo" is the district where it happened, Aleppo only where it
    lies: not a hamlet called Afrin by the city, nor the city's airport."""
    found = _by_mention(_events(extractor, "Fighting raged in the Afrin district north of Aleppo."))
    assert (found["Afrin"].place, found["Afrin"].role) == ("Afrin region", "event")
    assert (found["Aleppo"].place, found["Aleppo"].role) == ("Aleppo", "mention")


def test_sehba_beside_afrin_is_the_area_north_of_aleppo(extractor: Extractor) -> None:
    """"Şehba" folds like Shahba, the As-Suwayda town; beside Afrin it is the area around Tal Rifaat."""
    found = _by_mention(_events(extractor, "Turkish drones struck villages in Afrin and Şehba on Monday."))
    assert (found["Şehba"].place, found["Şehba"].admin1) == ("Shahba region", "Aleppo")
    assert _by_mention(_events(extractor, "Protesters gathered in Shahba and Salkhad on Friday."))["Shahba"].admin1 == "As-Suwayda"


def test_a_capital_abroad_that_a_syrian_hamlet_is_spelled_like_is_where_words_were_said(extractor: Extractor) -> None:
    """A Syrian hamlet is spelled "Doha" too; the notable place of that spelling, Qatar's capital, is
    where leaders met."""
    text = "The attack came a day after Arab leaders meeting in Doha handed the seat to the opposition."
    assert {e.mention: e.role for e in _events(extractor, text)}["Doha"] == "mention"


def test_in_a_city_abroad_comma_a_speaker_makes_it_where_words_were_said(extractor: Extractor) -> None:
    # No event in Syria here to demote places abroad: the words after "In Beijing," decide.
    text = "In Beijing, the Commerce Ministry said the tariffs hit farmers. In Kabul, a bomb killed ten people."
    roles = {e.mention: e.role for e in _events(extractor, text)}
    assert roles == {"Beijing": "mention", "Kabul": "event"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Aleppo has been shelled for days.",  # passive: the place suffered it
        "The fighting in Aleppo is reported to have killed 130 civilians.",
        "An explosion in the city of Homs has claimed the lives of 40 people.",  # the blast did
        "Rebels fought the regime in Idlib after air strikes.",  # the regime's forces there
    ],
)
def test_a_place_where_things_happen_stays_an_event(extractor: Extractor, sentence: str) -> None:
    assert [e.role for e in _events(extractor, sentence)] == ["event"]


def test_outlets_and_offices_named_after_places_are_not_events(extractor: Extractor) -> None:
    text = ("SDF commander Mazloum Abdi told Rudaw that Turkish drones struck Qamishli, according to the "
            "Autonomous Administration of North and East Syria (AANES). The Aleppo Health Directorate "
            "confirmed five dead in shelling, Middle East Eye reported.")
    assert [(e.mention, e.role) for e in _events(extractor, text)] == [("Qamishli", "event"), ("Aleppo", "mention")]
    # A village written exactly as its name stays one, though it normalises like an outlet's name.
    assert [e.place for e in _events(extractor, "Fighting raged around Rodo and Anis on Tuesday.")] == ["Rodo", "Anis"]
    # Outlets Syrian news quotes: Hezbollah's television, opposition agencies; the Russian parliament.
    quoted = ("The army shelled Zabadani on Monday, Al-Manar reported. Activists told Shaam News Network and "
              "Qasioun News Agency that jets struck Douma. The Russian Duma approved the deal.")
    assert [e.mention for e in _events(extractor, quoted)] == ["Zabadani", "Douma"]
    assert [e.place for e in _events(extractor, "Shells fell on al-Manara near Damascus on Monday.")][0] == "Al Manara"
    # Whom someone told: an outlet named alone ("told Qasioun" is no Mount Qasioun) or a government.
    told = "Shelling hit Raqqa on Monday, an activist told Qasioun."
    assert {e.mention: e.role for e in _events(extractor, told)} == {"Raqqa": "event", "Qasioun": "mention"}


def test_foreign_places_can_be_events_when_something_happens_there(extractor: Extractor) -> None:
    events = _events(extractor, "A car bomb exploded in Ankara on 13 March 2016, killing 37 people.")
    ankara = _by_mention(events)["Ankara"]
    assert ankara.role == "event" and ankara.event_type == "explosion"


def test_one_event_per_place_date_and_type(extractor: Extractor) -> None:
    text = ("Air strikes hit Saraqib on 2 February 2020. Later that day more air strikes hit Saraqib. "
            "Clashes broke out in Saraqib on 5 February 2020.")
    events = [e for e in _events(extractor, text) if e.mention == "Saraqib"]
    assert [(e.date, e.event_type, e.reports) for e in events] == [("2020-02-02", "airstrike", 2), ("2020-02-05", "clashes", 1)]


def test_only_a_day_is_carried_to_the_next_sentences(extractor: Extractor) -> None:
    published = dt.date(2018, 1, 11)
    text = ("Air strikes hit Saraqib on Monday. Maarat al-Numan had been shelled in 2016. "
            "Rescuers searched the rubble in Saraqib.")
    assert {e.date for e in _events(extractor, text, published) if e.mention == "Saraqib"} == {"2018-01-08"}
    text = "Maarat al-Numan had been shelled in 2016. Rescuers searched the rubble in Saraqib."
    assert [(e.mention, e.date) for e in _events(extractor, text, published)] == [
        ("Maarat al-Numan", "2016-01-01"), ("Saraqib", "2018-01-11")]


def test_a_place_named_by_an_event_of_an_earlier_year_is_history_of_that_year(extractor: Extractor) -> None:
    """"On Sunday, protesters held pictures of victims of the 2013 chemical attack in Ghouta": the
    protest is Sunday's, Ghouta the 2013 attack's."""
    text = ("In Idlib, a few hundred people protested on Sunday evening, holding pictures of victims of the 2013 "
            "chemical attack in Ghouta.")
    found = {e.mention: (e.role, e.date, e.date_precision) for e in _events(extractor, text, dt.date(2023, 5, 8))}
    assert found == {"Idlib": ("event", "2023-05-07", "day"), "Ghouta": ("mention", "2013-01-01", "year")}
    text = "Shelling hit Tal Abyad on Monday. Turkey's 2019 offensive took Ras al-Ain from the Kurdish-led forces."
    found = {e.mention: (e.role, e.date) for e in _events(extractor, text, dt.date(2025, 1, 26))}
    assert found["Ras al-Ain"] == ("mention", "2019-01-01")


def test_days_and_weeks_later_move_the_storys_day_on(extractor: Extractor) -> None:
    text = ("Gunmen killed a teacher in Mansoura on 14 June. Nine days later, a second man was killed near Tabqa. "
            "Two weeks later, a third was shot dead in Raqqa.")
    dates = {e.mention: e.date for e in _events(extractor, text, dt.date(2017, 7, 20))}
    assert dates == {"Mansoura": "2017-06-14", "Tabqa": "2017-06-23", "Raqqa": "2017-07-07"}


def test_days_counted_on_from_the_story_and_what_goes_on_now(extractor: Extractor) -> None:
    """"Two days later" moves the story's day on; a sentence told in the present ("families are
    sleeping in olive groves in Dana") is of the report's day, unless it tells of then too."""
    published = dt.date(2022, 10, 18)
    text = ("On Friday, gunmen attacked a checkpoint in Nawa. Two days later, two fighters were killed in an ambush "
            "near Tasil. Many families are sleeping in olive groves in Dana. In Jasim, houses collapsed and rescuers "
            "are still pulling families out.")
    assert [(e.mention, e.date) for e in _events(extractor, text, published)] == [
        ("Nawa", "2022-10-14"), ("Tasil", "2022-10-16"), ("Dana", "2022-10-18"), ("Jasim", "2022-10-16")]


def test_a_day_without_its_year_in_a_report_without_a_date_is_of_the_stated_year(extractor: Extractor) -> None:
    """No publication date: "on 20 January" after "18 January 2022" is 20 January 2022; "on Monday"
    has nothing to count from and is no date of its own."""
    text = ("Heavy snow began on 18 January 2022 in Azaz. A child died of cold near Harim on 20 January. "
            "Councils in Marea distributed fuel on 21 March. Jets struck Sarmada on Monday.")
    dates = {e.mention: (e.date, e.date_source) for e in _events(extractor, text)}
    assert dates["Harim"] == ("2022-01-20", "sentence") and dates["Marea"] == ("2022-03-21", "sentence")
    assert dates["Sarmada"][1] != "relative"
    # The nearest such day: a January after "on 8 December 2024" is of the next year.
    text = ("After the change of government on 8 December 2024, families returned to southern Idlib.\n\n"
            "- On 4 January, a farmer was killed when his tractor hit a mine near Kafr Nabl.")
    assert {e.mention: e.date for e in _events(extractor, text)}["Kafr Nabl"] == "2025-01-04"


def test_each_place_takes_the_day_of_its_own_clause(extractor: Extractor) -> None:
    published = dt.date(2018, 1, 11)
    text = ("On Monday, air strikes hit Saraqib and Ariha, and on Tuesday shelling hit Maarat al-Numan. "
            "Jets struck Kafr Nabl on 3 January and Saraqib again on 5 January.")
    assert [(e.mention, e.date) for e in _events(extractor, text, published)] == [
        ("Saraqib", "2018-01-08"), ("Ariha", "2018-01-08"), ("Maarat al-Numan", "2018-01-09"),
        ("Kafr Nabl", "2018-01-03"), ("Saraqib", "2018-01-05")]


def test_an_incident_records_date_and_location_fields(extractor: Extractor) -> None:
    """An incident record's "Incident date:" dates the record below it; its "Location:" line names
    where the incident happened, though the line tells of nothing happening."""
    text = ("CIVILIAN CASUALTY INCIDENTS\nPublished: March 11, 2019\n\n"
            "Incident date: November 19, 2018\nLocation: al Susah, Deir ez Zor, Syria\nCivilians reported killed: 8-12\n\n"
            "Summary:\nBetween eight and 12 civilians were reportedly killed by Coalition airstrikes on al Susah.")
    found = {(e.mention, e.role, e.date) for e in _events(extractor, text) if e.mention == "al Susah"}
    assert found == {("al Susah", "event", "2018-11-19")}


def test_a_village_near_which_something_happened_in_a_governorates_countryside(extractor: Extractor) -> None:
    """"in the western countryside of As-Sweida, near Walgha and Ed-Dour": the clashes were by the
    villages; the governorate's city is no event they lie near."""
    text = "Sporadic clashes were reported on 22 July in the western countryside of As-Sweida, near Walgha and Ed-Dour."
    roles = {e.mention: e.role for e in _events(extractor, text, published=dt.date(2025, 7, 25))}
    assert roles["Walgha"] == roles["Ed-Dour"] == "event"


def test_a_list_of_places_before_a_later_day_takes_that_day(extractor: Extractor) -> None:
    """"… Nubl on 3 January, and … A'zaz and Ma'arrat al-Nu'man on 5 January": the "and" inside
    the list does not open a clause; "On the same day" afterwards is the later of the two days."""
    published = dt.date(2018, 1, 11)
    text = ("Forces broke the siege of Nubl on 3 January, and a week later missiles struck hospitals in A'zaz "
            "and Ma'arrat al-Nu'man on 5 January. On the same day, Kurdish-led forces captured Tal Rifaat.")
    assert [(e.mention, e.date) for e in _events(extractor, text, published)] == [
        ("Nubl", "2018-01-03"), ("A'zaz", "2018-01-05"), ("Ma'arrat al-Nu'man", "2018-01-05"), ("Tal Rifaat", "2018-01-05")]


def test_that_day_and_the_next_day_follow_the_story_day(extractor: Extractor) -> None:
    published = dt.date(2018, 1, 20)
    text = ("Government forces entered Saraqib on 3 January 2018 after days of clashes.\n\n"
            "Earlier that day, air strikes hit Ariha.\n\n"
            "The following day, shelling hit Maarat al-Numan. A day later, rockets hit Kafr Nabl.\n\n"
            "Rescuers said civilians fled Khan Sheikhun the previous day.")
    assert [(e.mention, e.date) for e in _events(extractor, text, published)] == [
        ("Saraqib", "2018-01-03"), ("Ariha", "2018-01-03"), ("Maarat al-Numan", "2018-01-04"),
        ("Kafr Nabl", "2018-01-05"), ("Khan Sheikhun", "2018-01-04")]


def test_the_day_a_statement_was_made_does_not_date_the_story(extractor: Extractor) -> None:
    published = dt.date(2018, 1, 11)  # a Thursday
    text = "The minister said on Wednesday that the army would respond. Air strikes hit Saraqib, killing five."
    assert [(e.mention, e.date, e.date_source) for e in _events(extractor, text, published)] == [
        ("Saraqib", "2018-01-11", "published")]


def test_a_governorate_named_as_where_fighters_came_from_places_nothing(extractor: Extractor) -> None:
    text = ("Clashes continued in Sweida province on Tuesday. Tribal fighters moving east from Daraa "
            "governorate seized the village of Thaala.")
    assert {e.mention: e.admin1 for e in _events(extractor, text)}["Thaala"] == "As-Suwayda"


def test_a_place_named_as_lying_abroad_is_no_syrian_namesake(extractor: Extractor) -> None:
    text = ("Turkish drones struck a car near Qamishli in Syria on Monday. In Turkey, protesters gathered in "
            "Istiklal Street in Istanbul, and fighters returned to Hermel in Lebanon and Qandil in northern Iraq.")
    places = {e.mention: e.place for e in _events(extractor, text)}
    assert "Qamishli" in places and "Istanbul" in places
    # Damascus and Sweida have an Istiqlal quarter, Hama a Harmal and Latakia a Qandil: none is meant;
    # Hermel is the Lebanese town, Qandil the Iraqi mountains.
    assert "Istiklal" not in places
    assert (places["Hermel"], places["Qandil"]) == ("El Hermel", "Qandil mountains")
    camps = _events(extractor, "Refugees live in the Zaatari and Azraq camps in Mafraq, Jordan.")
    assert all(e.admin1 is None for e in camps)  # not al-Azraq near Aleppo


def test_a_tell_the_gazetteer_files_without_its_head_is_that_village(extractor: Extractor) -> None:
    found = _by_mention(_events(extractor, "Clashes erupted near Tell Mardikh, in the eastern countryside of Idlib."))
    assert found["Tell Mardikh"].place == "Mardikh"  # not Tal Maraq, a near spelling 40 km off


def test_an_english_word_before_a_bracketed_governorate_is_a_place(extractor: Extractor) -> None:
    found = _by_mention(_events(extractor, "Regime forces shelled the outskirts of Habit (Idleb) and Kansafra (Idleb)."))
    assert (found["Habit"].place, found["Habit"].admin1, found["Habit"].role) == ("Hbit", "Idlib", "event")


def test_an_english_word_in_brackets_after_a_name_told_as_a_place_is_a_place(extractor: Extractor) -> None:
    """"the town of Reco (Raju)": Raju, also a word of English lists, is the other name of a name the
    words tell as a town; "the Nigerian Air Force (NAF)" tells of no place."""
    raju = _by_mention(_events(extractor, "Turkish shells hit the town of Reco (Raju) near the border on Monday."))["Raju"]
    assert (raju.place, raju.admin1, raju.role) == ("Raju", "Aleppo", "event")
    assert "NAF" not in _by_mention(_events(extractor, "Recruits of the Nigerian Air Force (NAF) paraded on Monday."))


def test_an_english_word_before_a_bracket_that_places_it_is_a_place(extractor: Extractor) -> None:
    """A list's entry "Harem (northern Idlib countryside):" names the town, and files no report there."""
    found = _by_mention(_events(extractor, "Harem (northern Idlib countryside): At least 90 buildings collapsed fully or partially."))
    assert (found["Harem"].place, found["Harem"].admin1, found["Harem"].role) == ("Harim", "Idlib", "event")
    assert "Harem" not in _by_mention(_events(extractor, "Harem (3 dead): the guards fled."))


def test_unknown_names_in_place_contexts_go_to_the_geocoder() -> None:
    asked: list[tuple[str, dict]] = []

    def fake_geocode(query: str, **options: object) -> geomap.Place | None:
        asked.append((query, options))
        if query == "Tell Zimrabad":
            return geomap.Place(id="geocoder:test:1", name="Tell Zimrabad", kind="settlement", lat=35.70, lon=37.00,
                                source="test")
        return None

    extractor = Extractor(geocode=fake_geocode)
    text = "Clashes were reported in Saraqib, Tell Zimrabad and Khirbet Quzquzan near Abu al-Duhur on 3 January 2018."
    events = _by_mention(extractor.events(Article(id="g", text=text)))
    assert events["Tell Zimrabad"].resolver == "geocoder" and events["Tell Zimrabad"].role == "event"
    queries = {q for q, _ in asked}
    assert {"Tell Zimrabad", "Khirbet Quzquzan"} <= queries
    assert all(options.get("country_codes") == ("sy",) for _, options in asked), "an article about Syria biases to Syria"
    assert "Khirbet Quzquzan" in extractor.report.unresolved


def test_offsets_point_at_the_mention(extractor: Extractor) -> None:
    text = "DAMASCUS, Syria — Shelling hit Douma and Harasta in Eastern Ghouta on Tuesday, 20 February 2018."
    events = _events(extractor, text)
    assert events
    for event in events:
        assert text[event.start_char:event.end_char] == event.mention


def test_extract_api_and_geodataframe() -> None:
    events = geomap.extract("Air strikes hit Saraqib in southern Idlib on 3 May 2019.")
    saraqib = next(e for e in events if e.mention == "Saraqib")
    assert (saraqib.date, saraqib.event_type, saraqib.role) == ("2019-05-03", "airstrike", "event")
    frame = geomap.to_geodataframe(events)
    assert frame.crs.to_epsg() == 4326 and len(frame) == len(events)
    row = frame[frame["mention"] == "Saraqib"].iloc[0]
    assert (row.geometry.x, row.geometry.y) == (saraqib.lon, saraqib.lat)


def test_user_places_extend_extraction(tmp_path: Path) -> None:
    places = tmp_path / "places.csv"
    places.write_text("name,lat,lon,kind,aliases,admin1\nTell Tuqan,35.7581,37.0383,settlement,Tal Touqan,Idlib\n",
                      encoding="utf-8")
    events = geomap.extract("Shelling hit Tal Touqan on 2 January 2018.", places=places)
    [event] = [e for e in events if e.mention == "Tal Touqan"]
    assert event.resolver == "user" and event.place == "Tell Tuqan"


@pytest.mark.parametrize("text", ["", "   ", "no places here at all.", "<script>alert(1)</script>"])
def test_texts_without_places_give_no_events(extractor: Extractor, text: str) -> None:
    assert _events(extractor, text) == []


def test_hyphenated_place_pairs_and_sentence_initial_people(extractor: Extractor) -> None:
    pair = _by_mention(_events(extractor, "Shelling hit the Lebanon-Syria border near Qusayr on 3 May 2019."))
    assert {"Lebanon", "Syria", "Qusayr"} <= set(pair)
    person = {e.mention for e in _events(extractor, "Naji al-Mustafa said clashes hit Saraqib on 3 May 2019.")}
    assert person == {"Saraqib"}
    assert "Idlib" in {e.mention for e in _events(extractor, "Yesterday Idlib was shelled on 3 May 2019.")}


def test_english_words_spelled_like_arabic_articles_do_not_join_names(extractor: Extractor) -> None:
    """"at", "an", "as" alone are English: "Daraa at Sanamayn" is two places, not a man's name
    joined by an article as in "Naji al-Mustafa"."""
    found = [e.mention for e in _events(extractor, "Rebels shelled the road from Damascus to Daraa at Sanamayn.")]
    assert found == ["Damascus", "Daraa", "Sanamayn"]
    assert [e.mention for e in _events(extractor, "Naji al-Mustafa said clashes hit Saraqib.")] == ["Saraqib"]


def test_a_day_stated_in_a_sentence_without_a_place_carries_on(extractor: Extractor) -> None:
    """"On Friday, rebels attacked. Clashes hit Aleppo." dates Aleppo to Friday: the day is
    the story's even where its sentence names no place; a month does not carry, a new paragraph
    starts afresh unless the day is the news day, and the nearest day wins."""
    def dates(text: str) -> list[tuple[str, str | None, str | None]]:
        return [(e.mention, e.date, e.date_source) for e in _events(extractor, text, published=dt.date(2016, 10, 29))]

    assert dates("On Friday, rebels launched a major offensive. Heavy clashes hit Aleppo and Idlib.") == [
        ("Aleppo", "2016-10-28", "relative"), ("Idlib", "2016-10-28", "relative")]
    assert dates("On Friday rebels attacked. In March, Hama was shelled. Clashes hit Saraqib.") == [
        ("Hama", "2016-03-01", "sentence"), ("Saraqib", "2016-10-28", "relative")]
    assert dates("On Monday, jets struck Ariha. On Friday rebels attacked. Clashes hit Saraqib.") == [
        ("Ariha", "2016-10-24", "relative"), ("Saraqib", "2016-10-28", "relative")]
    assert dates("Rebels launched an offensive on 12 October 2016.\n\nHeavy clashes hit Aleppo.") == [
        ("Aleppo", "2016-10-29", "published")]
    # The lede's news day (a week or less before publication) goes on into the next paragraphs.
    assert dates("Jets struck Ariha on Friday, killing five.\n\nShelling also hit Saraqib and Sarmin.") == [
        ("Ariha", "2016-10-28", "relative"), ("Saraqib", "2016-10-28", "relative"), ("Sarmin", "2016-10-28", "relative")]


def test_pipeline_is_rebuilt_when_its_strings_pile_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """Memory stays bounded on a long stream: past MAX_PIPELINE_STRINGS the spaCy pipeline is
    replaced, and the events do not change."""
    from geomap import pipeline

    extractor = pipeline.Extractor()
    texts = ["Air strikes hit Saraqib in Idlib province on 3 May 2019.",
             "Shelling killed two people in Kafr Nabl on Tuesday, 4 June 2019.",
             "Clashes near Tell Salmo and Abu al-Duhur airbase on 11 January 2018."]
    expected = [extractor.events(Article(id=str(i), text=t)) for i, t in enumerate(texts)]
    first = extractor.nlp
    monkeypatch.setattr(pipeline, "MAX_PIPELINE_STRINGS", 0)
    again = [extractor.events(Article(id=str(i), text=t)) for i, t in enumerate(texts)]
    assert again == expected
    assert extractor.nlp is not first
    assert len(extractor.nlp.vocab.strings) < len(first.vocab.strings)


def test_a_replaced_pipeline_is_freed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The extractor hides what lives as long as it does from the garbage collector (gc.freeze);
    a pipeline it replaces must still be freed, or a long stream would keep every one: the frozen
    objects do not pile up as pipelines come and go."""
    import gc

    from geomap import pipeline

    extractor = pipeline.Extractor()
    monkeypatch.setattr(pipeline, "MAX_PIPELINE_STRINGS", 0)  # a new pipeline after every article
    frozen = []
    for i in range(4):
        extractor.events(Article(id=str(i), text="Air strikes hit Saraqib on 3 May 2019."))
        frozen.append(gc.get_freeze_count())
    assert max(frozen) - min(frozen) < 0.1 * min(frozen), frozen


def test_village_namesakes_are_not_places_in_stories_about_elsewhere(extractor: Extractor) -> None:
    """Minor Syrian villages share names with surnames and acronyms; outside a story about
    Syria such a name is not taken for the village (written by us, in the style of a business
    and a sports story)."""
    business = Article(id="b", text=("The EIB signed a loan with Kemira in Helsinki on Monday. "
                                     "\"It is a good day,\" Kelly said, and Hammad agreed."))
    places = {e.place for e in extractor.events(business)}
    assert places <= {"Helsinki"}, places
    syrian = Article(id="s", text="Shelling hit Kafr Nabl and Hish on Monday, the Syrian Observatory said.")
    assert {"Kafr Nabl", "Hish"} <= {e.mention for e in extractor.events(syrian)}


def test_a_near_spelling_inside_the_story_beats_a_namesake_elsewhere(extractor: Extractor) -> None:
    """"Hanida" normalises like Hanadi in Latakia, but the story is about Raqqa, where the
    village of Hunaydah lies: vowels are what transliterations disagree on."""
    text = "Air strikes hit Raqqa on Saturday. The coalition bombed Hanida village to the west of Raqqa, activists said."
    hanida = next(e for e in extractor.events(Article(id="h", text=text)) if e.mention == "Hanida")
    assert hanida.admin1 == "Raqqa"
    assert haversine_km(hanida.lat, hanida.lon, 35.83, 38.70) < 15  # Hunaydah (Who's On First)


def test_a_surname_that_normalises_like_a_far_village_is_not_a_place(extractor: Extractor) -> None:
    """In a Damascus story, "Sabbagh" (a surname) only normalises like As Sabakh in Hasakah;
    with no place context around it, it is not taken for that village."""
    text = ("Mortar shells hit the Old City of Damascus on Monday. "
            "Sabbagh said the shells fell near a school.")
    mentions = {e.mention for e in extractor.events(Article(id="s", text=text))}
    assert "Old City of Damascus" in mentions and "Sabbagh" not in mentions  # the quarter, the longest name


def test_the_sentence_governorate_outweighs_the_rest_of_the_article(extractor: Extractor) -> None:
    """Damascus and Aleppo both have a Midan neighbourhood; the sentence says which."""
    text = ("Shelling hit Damascus and Hama on Friday. "
            "Two people were killed in a rocket attack on al-Midan neighborhood in Aleppo.")
    midan = next(e for e in extractor.events(Article(id="m", text=text)) if e.mention == "al-Midan")
    assert midan.admin1 == "Aleppo"


def test_a_name_that_only_normalises_like_a_governorate_is_not_its_own_context(extractor: Extractor) -> None:
    """"Zara" folds onto Daraa's key, but a village of the Homs story is spelled so; the name
    must not name its own sentence's governorate and so pull itself to Daraa."""
    text = ("Troops took the town of Tal Kalakh in western Homs countryside on Thursday. "
            "They also seized the villages of al-Zara and al-Hawash after heavy clashes.")
    zara = next(e for e in extractor.events(Article(id="z", text=text)) if e.mention == "al-Zara")
    assert (zara.place, zara.admin1) == ("Zara", "Homs")


def test_the_governorate_named_as_a_container_outweighs_the_sentence_and_the_article(extractor: Extractor) -> None:
    """"Barzeh" is spelled like a Homs hamlet (Burza) and a Damascus neighbourhood (Barza); its
    sentence and the next name Homs, but "in Damascus" says where it is."""
    text = ("Missiles struck a research centre in Barzeh in Damascus, a depot west of Homs and a post near Homs "
            "on Saturday. Jets also hit the T4 airbase in Homs.")
    barzeh = next(e for e in extractor.events(Article(id="b", text=text)) if e.mention == "Barzeh")
    assert (barzeh.place, barzeh.admin1) == ("Barzeh", "Damascus")


def test_a_governorate_containing_one_name_is_not_the_context_of_the_names_after_it(extractor: Extractor) -> None:
    """"Busr al-Harir in neighbouring Deraa province" says where Busr al-Harir is, not al-Mazraa after
    it, which is the Sweida village the story told of (Deraa has an al-Mazraa too)."""
    text = ("Clashes spread to the villages of al-Mazraa and Walgha west of Sweida city on Sunday. On Monday army "
            "convoys moved through Busr al-Harir in neighbouring Deraa province and were approaching al-Mazraa.")
    events = extractor.events(Article(id="m", text=text))
    assert {e.admin1 for e in events if e.mention == "al-Mazraa"} == {"As-Suwayda"}
    assert next(e for e in events if e.mention == "Busr al-Harir").admin1 == "Daraa"


def test_a_name_listed_with_villages_is_the_namesake_among_them(extractor: Extractor) -> None:
    """Duma is a town by Damascus and a village in Sweida, beside Tima and al-Shabki; a town of note
    gives way only to two such villages, so "Quneitra and Watiyah" keeps the town of Quneitra; listed
    with two towns of note ("Baniyas, Homs and Douma"), a name is its town of note in a Sweida story too."""
    text = ("Fighters bused out of the Yarmouk camp south of Damascus in May had regrouped in the desert east of "
            "Sweida. In al-Shabki, Rami, Duma, Tima and al-Matouna, gunmen killed entire families on Wednesday.")
    assert {e.mention: e.admin1 for e in extractor.events(Article(id="d", text=text))}["Duma"] == "As-Suwayda"
    text = "Shelling hit Douma, Harasta and Arbin on Monday. Warplanes struck Quneitra and Watiyah on Monday."
    admin1s = {e.mention: e.admin1 for e in extractor.events(Article(id="q", text=text))}
    assert admin1s["Douma"] == "Rural Damascus" and admin1s["Quneitra"] == "Quneitra"
    text = ("In the southern city of Suwayda, hundreds gathered again on Friday. The uprising began in March 2011 in "
            "Deraa. Protests quickly spread to Baniyas, Homs and Douma.")
    assert {e.mention: e.admin1 for e in extractor.events(Article(id="s", text=text))}["Douma"] == "Rural Damascus"


def test_countries_faiths_and_leaders_are_not_hamlets(extractor: Extractor) -> None:
    """A village near Aleppo is called Qatar and another Assad; "Shiite" folds like Shate."""
    text = ("Shelling hit Aleppo and Azaz on Monday, killing Shiite pilgrims. Qatar condemned the attack. "
            "Assad forces advanced, said Dr Ammar al-Assad.")
    events = extractor.events(Article(id="q", text=text))
    qatar = next(e for e in events if e.mention == "Qatar")
    assert qatar.kind == "country"
    assert not {"Shiite", "Assad", "al-Assad", "Ammar"} & {e.mention for e in events}


def test_abbreviations_and_organisations_are_not_places(extractor: Extractor) -> None:
    """"Jan." folds like Janah, "Sen." like Sanaa, "Hamas" like Hamis: none is a place here."""
    text = "Sen. Smith spoke in Damascus on Jan. 5, 2019. Hamas said the State Duma met. Shelling hit Idlib, the U.S. said."
    mentions = [e.mention for e in extractor.events(Article(id="a", text=text))]
    assert mentions == ["Damascus", "Idlib", "U.S."]


def test_syrian_news_outlets_named_after_places_are_not_places(extractor: Extractor) -> None:
    """A header line's outlet ("Enab Baladi – Tafas") is no village Enab, and "Raqqa is Being
    Slaughtered Silently" reports from Raqqa without naming an event there."""
    text = ("Enab Baladi – Tafas\n\nGunmen killed a commander in Tafas on Sunday, Raqqa is Being Slaughtered "
            "Silently and the Aleppo Media Center said.")
    assert [e.mention for e in extractor.events(Article(id="a", text=text))] == ["Tafas", "Tafas"]


def test_a_name_that_only_sounds_like_a_capital_abroad_is_not_a_place(extractor: Extractor) -> None:
    """"Manal" normalises like Manila; in a Damascus story it is a woman's name."""
    text = "Shells hit the Midan district of Damascus on Monday, Manal told reporters."
    assert "Manal" not in {e.mention for e in extractor.events(Article(id="m", text=text))}


def test_a_name_after_a_name_particle_is_a_surname(extractor: Extractor) -> None:
    """"Mistura" folds like the village Al Masturah, "Salman" like a hamlet: here they are people."""
    text = "Shelling hit Aleppo on Monday, UN envoy Staffan de Mistura said. Mohammed bin Salman visited Damascus."
    assert [e.mention for e in extractor.events(Article(id="p", text=text))] == ["Aleppo", "Damascus"]


def test_gaza_is_a_place_and_al_qaeda_is_not(extractor: Extractor) -> None:
    """"Gaza" and "al-Qaeda" normalise alike; the city's own spelling makes it the place."""
    text = "Israeli air strikes hit Gaza on Monday. Al Qaeda fighters attacked Idlib."
    events = extractor.events(Article(id="g", text=text))
    assert [(e.mention, e.place) for e in events] == [("Gaza", "Gaza"), ("Idlib", "Idlib")]


def test_names_opened_by_new_or_san_are_whole_names(extractor: Extractor) -> None:
    """"New" folds like Niue and "New Jersey" ends in Jersey: neither is that place. A world city
    filed as "New York City" answers to "New York"."""
    text = "Protests spread from New York to New Jersey on Monday. New fighting hit Idlib."
    events = extractor.events(Article(id="n", text=text))
    assert [(e.mention, e.place) for e in events] == [("New York", "New York City"), ("Idlib", "Idlib")]
    assert _near(events[0], 40.71, -74.01, km=10)


def test_loose_spellings_are_not_trusted_in_stories_about_elsewhere(extractor: Extractor) -> None:
    """"Baja" is a Hama village and spelled like Bijie in China: in a Mexican story, neither. In a
    Syrian story the same village stands."""
    abroad = "Flood waters rose in Baja California on Monday, officials in Tijuana said."
    assert [e.mention for e in extractor.events(Article(id="b", text=abroad))] == ["Tijuana"]
    syrian = "Syrian government shelling hit the village of Baja in Hama countryside on Monday."
    baja = _by_mention(extractor.events(Article(id="s", text=syrian)))["Baja"]
    assert (baja.place, baja.admin1) == ("Baja", "Hama")


def test_short_reports_naming_syrian_villages_are_syrian(extractor: Extractor) -> None:
    """A report need not say "Syria": a name of two words spelled as a Syrian village, or one
    where something happened, is evidence enough; one word that only names a hamlet, said of
    nothing happening, is not ("Kelly said")."""
    events = extractor.events(Article(id="k", text="Rebels repelled an attack on Kafr Nabudah on Monday."))
    assert [(e.place, e.admin1) for e in events] == [("Kafr Nabutha", "Hama")]
    events = extractor.events(Article(id="t", text="Clashes erupted in Tafas on Monday."))
    assert [(e.place, e.admin1, e.role) for e in events] == [("Tafs", "Daraa", "event")]
    assert extractor.events(Article(id="c", text="Kelly said the council met on Monday.")) == []


def test_arabic_compass_adjectives_are_not_places(extractor: Extractor) -> None:
    """"الجنوبي" (southern) is also a neighbourhood's name; after "ريف إدلب" it is the adjective."""
    events = extractor.events(Article(id="a", text="خان شيخون تعرضت لغارات جوية في ريف إدلب الجنوبي"))
    assert [e.place for e in events] == ["Khan Sheikhoun", "Idlib"]


def test_plain_english_words_that_name_a_village_do_not_make_a_story_syrian(extractor: Extractor) -> None:
    """"Eastern and Western" is spelled like a village in Idlib; in a Kenyan story it is neither
    evidence of Syria nor a place."""
    text = "Rains hit the Eastern and Western regions of Kenya, and roads to Nakuru were cut."
    assert "Eastern and Western" not in {e.mention for e in extractor.events(Article(id="k", text=text))}


def test_countryside_of_a_governorate_and_landmark_places_are_background(extractor: Extractor) -> None:
    """"Daraa's northern countryside" and "the countryside of Aleppo" mean the governorates; a town
    named to say where another lies ("west of Qamishli") is not where the event happened."""
    text = ("Gunmen killed a former commander in Jasim, in Daraa's northern countryside. A landmine exploded "
            "near Maskanah in the eastern countryside of Aleppo. Drones struck a car near Amuda, west of Qamishli.")
    found = _by_mention(_events(extractor, text, published=dt.date(2019, 5, 7)))
    assert (found["Daraa"].kind, found["Daraa"].role) == ("admin1", "mention")
    assert (found["Aleppo"].kind, found["Aleppo"].role) == ("admin1", "mention")
    assert found["Amuda"].role == "event" and found["Qamishli"].role == "mention"
    alone = _by_mention(_events(extractor, "Shells hit villages west of Qamishli.", published=dt.date(2019, 5, 7)))
    assert alone["Qamishli"].role == "event"  # the only place the report gives
    landmarks = ("Shells killed three women in Madaya, west of the capital Damascus, on Monday. Israeli troops entered "
                 "Beit Jinn, on the slopes of Mount Hermon. The blast in Tartus shook windows as far away as Baniyas.")
    roles = {e.mention: e.role for e in _events(extractor, landmarks, published=dt.date(2019, 5, 7))}
    assert roles == {"Madaya": "event", "Damascus": "mention", "Beit Jinn": "event", "Mount Hermon": "mention",
                     "Tartus": "event", "Baniyas": "mention"}


def test_where_someone_comes_from_is_background_beside_where_it_happened(extractor: Extractor) -> None:
    """"A young man from Jasim was kidnapped on the road between al-Yadudah and al-Muzayrib": the
    kidnapping was on that road; his home town is where it happened only when nothing else is named."""
    text = ("On Tuesday, a young man from the town of Jasim was kidnapped on the road between al-Yadudah and "
            "al-Muzayrib. Police detained 11 people in Azaz on Wednesday, most of them displaced people from Eastern "
            "Ghouta and Homs. Civil defence teams from Jableh fought a fire in Baniyas after the blast. Two farmers from "
            "Kafr Nabl were killed by a landmine on Monday.")
    roles = {e.mention: e.role for e in _events(extractor, text, published=dt.date(2020, 11, 18))}
    assert roles == {"Jasim": "mention", "al-Yadudah": "event", "al-Muzayrib": "event", "Azaz": "event",
                     "Eastern Ghouta": "mention", "Homs": "mention", "Jableh": "mention", "Baniyas": "event",
                     "Kafr Nabl": "event"}


def test_a_town_across_the_border_is_where_the_shell_fell_not_the_syrian_town_it_faces(extractor: Extractor) -> None:
    """"In Akcakale, across the border from Tal Abyad, a mortar shell hit a house": the event is in the
    Turkish town; the Syrian town it faces only says where that lies."""
    roles = {e.mention: e.role for e in _events(
        extractor, "In Akcakale, across the border from Tal Abyad, a mortar shell hit a house on Monday. Mortar "
                   "rounds landed in Ceylanpinar, opposite Ras al-Ain. In Nusaybin, facing the YPG-held city of "
                   "Qamishli, shells killed five.", published=dt.date(2019, 10, 11))}
    assert roles == {"Akcakale": "event", "Tal Abyad": "mention", "Ceylanpinar": "event", "Ras al-Ain": "mention",
                     "Nusaybin": "event", "Qamishli": "mention"}


def test_given_names_make_people_and_syrian_groups_make_syrian_stories(extractor: Extractor) -> None:
    """"Omar" is a village near Aleppo and "Omar Hassan" a man; a story about Ahrar al-Sham is
    Syrian even when it never says "Syria", so a variant spelling of a village stands in it."""
    text = "In Idlib, Omar Hassan, a father of four, said the strike hit his home. Rescuers pulled bodies from rubble in Ariha."
    found = _by_mention(_events(extractor, text))
    assert set(found) == {"Idlib", "Ariha"} and found["Ariha"].role == "event"
    groups = "Abu Mohammed, a commander of Ahrar al-Sham, said fighters captured Tal Hamkah."
    assert [(e.place, e.admin1) for e in _events(extractor, groups)] == [("Tal Hamki", "Idlib")]


def test_a_city_named_as_the_adjective_of_a_smaller_place_is_background(extractor: Extractor) -> None:
    """"the Damascus suburb" is Daraya, named before; "the Jobar neighbourhood" is Jobar itself;
    alone in its sentence, "the Idlib town" is still the best place there is."""
    text = ("Rebels began leaving Daraya on Friday, ending a four-year siege of the Damascus suburb. "
            "Shells hit the Jobar neighbourhood. Jets pounded the Idlib town for hours.")
    roles = [(e.mention, e.role) for e in _events(extractor, text)]
    assert roles == [("Daraya", "event"), ("Damascus", "mention"), ("Jobar", "event"), ("Idlib", "event")]


def test_containers_in_brackets_road_ends_and_a_trailing_governorate_are_background(extractor: Extractor) -> None:
    """Event notes name what contains the place ("(As-Suqaylabiyah, Hama)", "town (Daraa)",
    "near Saraqab, Idlib.") and roads by their ends: the event is at the place, not at those."""
    text = ("On 3 May 2019, regime forces shelled Kafr Nabuda (As-Suqaylabiyah, Hama). On 12 June 2019, gunmen "
            "shot dead a former fighter in Al-Yadudah town (Daraa). On 4 March 2020, a Turkish drone struck a convoy "
            "near Saraqab, Idlib. On 1 January 2021, ISIS attacked a bus on the Deir-ez-Zor - Palmyra highway "
            "near Ash-Shoula.")
    roles = {e.mention: e.role for e in _events(extractor, text)}
    assert roles == {"Kafr Nabuda": "event", "As-Suqaylabiyah": "mention", "Hama": "mention", "Al-Yadudah": "event",
                     "Daraa": "mention", "Saraqab": "event", "Idlib": "mention", "Deir-ez-Zor": "mention",
                     "Palmyra": "mention", "Ash-Shoula": "event"}
    assert next(e for e in _events(extractor, text) if e.mention == "Saraqab").event_type == "airstrike"
    linked = {e.mention: e.role for e in _events(extractor, "Airstrikes hit a market in Urem al-Kubra, which lies on "
                                                            "the road linking Aleppo to the rebel-held province of Idlib.")}
    assert linked == {"Urem al-Kubra": "event", "Aleppo": "mention", "Idlib": "mention"}
    between = {e.mention: e.role for e in _events(extractor, "Clashes cut the highway between Homs and Hama near Rastan.")}
    assert between == {"Homs": "mention", "Hama": "mention", "Rastan": "event"}
    en_route = {e.mention: e.role for e in _events(extractor, "Jets hit him en route to cover strikes in Huraytan and Anadan.")}
    assert en_route == {"Huraytan": "event", "Anadan": "event"}
    listed = {e.mention: e.role for e in _events(
        extractor, "On 6 January 2020, Turkish forces shelled Ein Issa and Tal Tamer countryside (Raqqa, Hasakah).")}
    assert listed == {"Ein Issa": "event", "Tal Tamer": "event", "Raqqa": "mention", "Hasakah": "mention"}


def test_a_governorate_or_its_namesake_city_named_as_a_container_is_background(extractor: Extractor) -> None:
    """"Idlib" around a village is the governorate, whatever the words: a possessive, an adjective,
    "in Idlib", "X, Idlib, killing…", "X near Y": the event is at the village. A city is still an
    event place for its own neighbourhoods, and a list goes on past a comma."""
    def roles(text: str) -> dict[str, str]:
        return {e.mention: e.role for e in _events(extractor, text, published=dt.date(2019, 5, 7))}

    assert roles("Air strikes killed 12 people in Idlib's Khan Sheikhun on Tuesday.") == {
        "Idlib": "mention", "Khan Sheikhun": "event"}
    assert roles("Air strikes killed 12 people in the northwestern Idlib town of Khan Sheikhun.") == {
        "Idlib": "mention", "Khan Sheikhun": "event"}
    assert roles("Warplanes struck Kafr Nabl, Idlib, killing two civilians.") == {"Kafr Nabl": "event", "Idlib": "mention"}
    assert roles("Warplanes struck Kafr Nabl near Maarat al-Numan in Idlib, killing two civilians.") == {
        "Kafr Nabl": "event", "Maarat al-Numan": "mention", "Idlib": "mention"}
    assert roles("Jets struck the Tabqa airbase near Raqqa.") == {"Tabqa airbase": "event", "Raqqa": "mention"}
    assert roles("Clashes hit Kafr Nabl and near Maarat al-Numan.") == {"Kafr Nabl": "event", "Maarat al-Numan": "event"}
    district = _by_mention(_events(extractor, "Jets struck Kafr Nabl in Maarat al-Numan district, Idlib, killing two."))
    assert (district["Maarat al-Numan"].kind, district["Maarat al-Numan"].role) == ("admin2", "mention")
    assert district["Idlib"].role == "mention" and district["Kafr Nabl"].role == "event"
    assert roles("Mortar shells hit the Midan neighbourhood of Aleppo.") == {"Midan": "event", "Aleppo": "event"}
    assert roles("Warplanes struck Kafr Nabl, Idlib and Ariha.") == {"Kafr Nabl": "event", "Idlib": "event", "Ariha": "event"}
    assert roles("Reports from Kafr Nabl said Idlib was shelled.")["Idlib"] == "event"
    assert roles("Regime forces shelled Darat Izza in Jebel Semaan, Aleppo. 3 civilians were killed.") == {
        "Darat Izza": "event", "Jebel Semaan": "mention", "Aleppo": "mention"}
    assert roles("A car bomb exploded in Ras al-Ain (Sere Kaniye), Hasakah, killing 4 civilians.") == {
        "Ras al-Ain": "event", "Hasakah": "mention"}


def test_a_kind_word_picks_the_place_of_that_kind(extractor: Extractor) -> None:
    """"Hasakeh province" is the governorate even though the city is spelled exactly so, and "the
    Maarat al-Numan district" the district, which the town's spelling only approaches."""
    found = _by_mention(_events(extractor, "The governor of Hasakeh province said Qamishli was shelled. "
                                           "Warplanes struck villages in the Maarat al-Numan district."))
    assert found["Hasakeh"].kind == "admin1"
    assert (found["Maarat al-Numan"].kind, found["Maarat al-Numan"].place) == ("admin2", "Al Ma'ra")
    abroad = {e.mention: e.admin1 for e in _events(extractor, "Iraqi forces retook Ramadi in western Anbar province.")}
    assert abroad["Anbar"] is None  # Iraq's governorate, no Aleppo hamlet spelled so
    assert {e.mention for e in _events(extractor, "Idlib province, where Atmeh lies, was shelled.")} == {"Idlib", "Atmeh"}


def test_the_governorate_a_sentence_spells_out_overrules_a_far_namesake(extractor: Extractor) -> None:
    """A one-word variant of a hamlet far outside the governorate its sentence names is not that
    hamlet ("Kels" is no Hasakah village in a Latakia list); a near spelling inside it is looked for
    instead ("al-Salehia" in Raqqa); a village just across the border stays (Skik, Idlib, in a
    list of Hama villages)."""
    def places(text: str) -> dict[str, str | None]:
        return {e.mention: e.admin1 for e in _events(extractor, text)}

    assert places("The army shelled Kels, Shahroura and Sarraf in Latakia's northern countryside on Thursday.") == {
        "Shahroura": "Latakia", "Sarraf": "Latakia", "Latakia": "Latakia"}
    assert places("An airstrike hit al-Salehia village in the northern countryside of Raqqa.")["al-Salehia"] == "Raqqa"
    assert places("Clashes erupted in Mourek, Atshan and Skeak in the northern Hama countryside.")["Skeak"] == "Idlib"


def test_the_middle_east_is_a_region_and_background_to_finer_events(extractor: Extractor) -> None:
    """"the Middle East" is a place (a region beyond any governorate), not an event place when the
    story names where things happened."""
    alone = _by_mention(_events(extractor, "He was killed on duty in the Middle East on 29 March 2018."))
    assert (alone["Middle East"].kind, alone["Middle East"].role) == ("region", "event")
    finer = _by_mention(_events(extractor, "Air strikes hit Saraqib. Tensions rose across the Middle East and in Northern Syria."))
    assert finer["Saraqib"].role == "event"
    assert finer["Middle East"].role == "mention" and finer["Northern Syria"].role == "mention"


def test_a_name_does_not_run_across_a_full_stop(extractor: Extractor) -> None:
    """"in Syria. East of Damascus" is Syria, then Damascus, not "Eastern Syria" read across the
    sentence end; an editor's brackets stay inside a name ("the [Hama] airport")."""
    mentions = [(e.mention, e.place) for e in _events(extractor, "IS gained confidence in Syria. East of Damascus clashes broke out.")]
    assert mentions == [("Syria", "Syria"), ("Damascus", "Damascus")]
    airport = _events(extractor, '"They are 10 kilometres from the [Hama] airport" said the monitor.')
    assert [(e.mention, e.kind) for e in airport] == [("Hama] airport", "airbase")]


def test_a_datelines_date_says_when_the_report_was_filed_not_the_event(extractor: Extractor) -> None:
    text = ("Thousands protest in Idlib\n\nMarch 16, 2024 5:52 PM GMT\n\nIDLIB, Syria, March 16 (Reuters) - Thousands of "
            "people took to the streets of Idlib city on Friday. Protesters also gathered in Binnish and Sarmada.")
    found = {e.mention: e.date for e in _events(extractor, text, published=dt.date(2024, 3, 16)) if e.role == "event"}
    assert found["Binnish"] == found["Sarmada"] == "2024-03-15"  # "on Friday", the day before the dateline's


def test_a_headline_takes_the_day_its_lead_states(extractor: Extractor) -> None:
    text = ("Syrian army captures Maarat al-Numan in push on last rebel bastion\n\nJANUARY 29, 2020 / 9:41 AM\n\n"
            "BEIRUT (Reuters) - Government forces took control of Maarat al-Numan in Idlib province on Tuesday, the "
            "army said on Wednesday.\n\nShelling hit Saraqib.")
    found = [(e.mention, e.date) for e in _events(extractor, text, published=dt.date(2020, 1, 29)) if e.role == "event"]
    assert found[0] == ("Maarat al-Numan", "2020-01-28")  # the headline: Tuesday, as its lead says
    # A page's header with blank lines between its outlet, headline, dateline and date is a header still.
    page = ("Enab Baladi\nDaraa: Former commander killed in Tafas\n\nEnab Baladi – Daraa\n\n16/03/2021\n\n"
            "A former commander was killed on Monday by gunmen in the city of Tafas.")
    assert {(e.mention, e.date) for e in _events(extractor, page, published=dt.date(2021, 3, 16))} == {
        ("Daraa", "2021-03-15"), ("Tafas", "2021-03-15")}
    # A text that opens with its body has no headline: its first sentence keeps the publication day.
    body = _events(extractor, "Shelling hit Saraqib.\n\nOn Monday, jets struck Idlib.", published=dt.date(2020, 1, 29))
    assert [(e.mention, e.date) for e in body] == [("Saraqib", "2020-01-29"), ("Idlib", "2020-01-27")]


def test_a_headline_place_takes_the_first_news_day_the_body_states_for_it(extractor: Extractor) -> None:
    """"… takes Maarat al-Numan, Saraqib falls": Saraqib fell on Friday, as the body says, though the
    lead dates the story Saturday; a day long before the report is background, not the headline's."""
    text = ("Regime forces take Maarat al-Numan, Saraqib falls\n\nDamascus, 30 November 2024\n\n"
            "Regime forces took Maarat al-Numan on Saturday, 30 November. Fighters had captured Saraqib on Friday "
            "after heavy clashes.")
    headline = {e.mention: e.date for e in _events(extractor, text, published=dt.date(2024, 11, 30))
                if e.start_char < text.index("Damascus")}
    assert headline == {"Maarat al-Numan": "2024-11-30", "Saraqib": "2024-11-29"}
    older = ("Security campaign in al-Hol camp enters third week\n\n12 September 2022\n\n"
             "Forces began arresting suspects in al-Hol camp on 25 August, the SDF said.")
    first = _events(extractor, older, published=dt.date(2022, 9, 12))[0]
    assert (first.mention, first.date) == ("al-Hol camp", "2022-09-12")
    # The lead tells the headline's day, whatever role it gives the place (the victims' home town
    # beside the dam where it happened); a later day in the body does not.
    nawa = ("Nine killed in Daraa's Nawa as Israeli troops push towards al-Jabiliya dam\n\nSyria Direct | 3 April 2025\n\n"
            "Nine young men from the city of Nawa were killed late on Wednesday when Israeli forces shelled a wood "
            "near the al-Jabiliya dam. On Thursday, mourners in Nawa buried the dead as drones struck the city again.")
    first = _events(extractor, nawa, published=dt.date(2025, 4, 3))[1]
    assert (first.mention, first.date) == ("Nawa", "2025-04-02")


def test_a_scraped_pages_menus_and_share_lines_do_not_hide_its_headline(extractor: Extractor) -> None:
    """Menus, breadcrumbs and "Updated"/"Share" lines above the body are not counted as header lines,
    so the headline is still read as one (dated by its lead); a table's rows end the header."""
    page = ("Skip to main content\nThe National\nNews | UAE | World | Business | Opinion\nHome > World > Middle East\n"
            "At least 92 killed in Houla as UN monitors count the dead\nPhil Sands\nMay 27, 2012\n"
            "Updated: May 27, 2012 01:12 AM\nShare: Facebook | Twitter | Email\n"
            "Residents said government forces killed 92 people in Houla on Friday.")
    headline = next(e for e in _events(extractor, page, published=dt.date(2012, 5, 27)) if e.mention == "Houla")
    assert headline.start_char < page.index("Phil") and headline.date == "2012-05-25"


def test_the_publication_date_repeated_in_a_pages_header_dates_nothing(extractor: Extractor) -> None:
    text = ("Turkish-backed FSA clears Jandairis Date of publication 9 March 2018 Mehmet Emin Dogan | 09.03.2018 The "
            "statement said the town was taken on Thursday along with the villages of Sheikh Hadid and Qarmitlaq.")
    found = {e.mention: e.date for e in _events(extractor, text, published=dt.date(2018, 3, 9))}
    assert found["Sheikh Hadid"] == found["Qarmitlaq"] == "2018-03-08"  # Thursday, not the byline's stamp


def test_places_dated_long_before_the_report_are_background(extractor: Extractor) -> None:
    """A sentence dated by an earlier year ("in 2014", "last year"), by a month over three months
    before the report ("In July 2016") or by a day over a year before it gives history, not the
    news: its places are mentions. Last month, or a day a few months back, is still news."""
    text = ("Warplanes struck Manbij on Monday. DAESH took Manbij in 2014. Rebels used gas in Aleppo last year. "
            "On 1 March 2012 regime forces seized Baba Amr. In July 2016, militants killed 20 people in Tal Abyad. "
            "Rebels shelled Hama last month. On 2 January 2017, jets struck Saraqib.")
    found = [(e.mention, e.date, e.role) for e in _events(extractor, text, published=dt.date(2017, 4, 5))]
    assert found == [("Manbij", "2017-04-03", "event"), ("Manbij", "2014-01-01", "mention"),
                     ("Aleppo", "2016-01-01", "mention"), ("Baba Amr", "2012-03-01", "mention"),
                     ("Tal Abyad", "2016-07-01", "mention"), ("Hama", "2017-03-01", "event"),
                     ("Saraqib", "2017-01-02", "event")]
    undated = _events(extractor, "Air strikes hit Manbij in 2014.")  # no publication date: nothing says it is past
    assert [(e.date, e.role) for e in undated] == [("2014-01-01", "event")]


def test_a_chronologys_entries_are_events_however_long_ago(extractor: Extractor) -> None:
    """A line that opens with its date and a dash or colon is an entry of a timeline: what happened
    that day, an event however long before the report; the same date inside prose is history."""
    text = ("Syria's war: a timeline\n10 December 2024\n\n"
            "25 May 2012 – More than 100 villagers are killed in Houla, in Homs province.\n"
            "April 2011: The army besieges Baniyas as the protests spread.\n"
            "Activists recall that on 21 August 2013 rockets hit Zamalka.\n")
    found = [(e.mention, e.date, e.role) for e in _events(extractor, text, published=dt.date(2024, 12, 10))
             if e.mention != "Syria"]
    assert found == [("Houla", "2012-05-25", "event"), ("Homs", "2012-05-25", "mention"),
                     ("Baniyas", "2011-04-01", "event"), ("Zamalka", "2013-08-21", "mention")]


def test_a_day_without_its_year_in_a_passage_about_an_earlier_year_is_of_that_year(extractor: Extractor) -> None:
    """"4 April 2017 – a sarin attack on Khan Sheikhoun … On 7 April, US cruise missiles strike
    Shayrat airbase": 7 April 2017, not of the report's year, and part of the same entry; in a
    story of this week, "on 7 April" stays this year's."""
    text = ("Syria's war: a timeline\n10 December 2024\n\n"
            "4 April 2017 – A sarin attack on Khan Sheikhoun kills more than 80 people. On 7 April, US cruise "
            "missiles strike Shayrat airbase.\n")
    found = [(e.mention, e.date, e.role) for e in _events(extractor, text, published=dt.date(2024, 12, 10))
             if e.mention != "Syria"]
    assert found == [("Khan Sheikhoun", "2017-04-04", "event"), ("Shayrat airbase", "2017-04-07", "event")]
    news = "Jets struck Saraqib on Monday. On 7 April, missiles hit Shayrat airbase."
    assert [e.date for e in _events(extractor, news, published=dt.date(2024, 4, 10))] == ["2024-04-08", "2024-04-07"]


def test_a_date_heading_dates_the_entries_below_it(extractor: Extractor) -> None:
    """A live blog's heading, a line that is a date alone ("Friday, 29 November 2024"), dates the
    entries under it up to the next heading, across blank lines; the page's own date line above
    is when it was updated, and dates nothing."""
    text = ("LIVE: Rebels push on\nLast updated: 1 December 2024\n\nFriday, 29 November 2024\n\n"
            "14:05 GMT – Rebels captured Saraqib after heavy fighting.\n\n"
            "19:45 GMT – Air strikes hit Sarmin, killing four civilians.\n\n"
            "Saturday 30 Nov 2024\n\n11:15 GMT – Rebels have taken Khan Sheikhoun without a fight.\n")
    found = {e.mention: e.date for e in _events(extractor, text, published=dt.date(2024, 12, 1))}
    assert (found["Saraqib"], found["Sarmin"], found["Khan Sheikhoun"]) == ("2024-11-29", "2024-11-29", "2024-11-30")
    no_heading = text.replace("Friday, 29 November 2024\n\n", "").replace("Saturday 30 Nov 2024\n\n", "")
    assert {e.date for e in _events(extractor, no_heading, published=dt.date(2024, 12, 1))} == {"2024-12-01"}
    # A situation report's label for the day its items tell of, under its own date line.
    report = ("DAILY SITUATION REPORT\nReport date: 28 May 2019\nIncidents recorded on 27 May 2019 (06:00 to 06:00)\n\n"
              "Summary: fighting went on along the front lines.\n\n"
              "HAMA\n• Kafr Zita: Russian airstrikes on the western outskirts.\n• al-Latamneh: two missiles hit the town.\n")
    found = {e.mention: e.date for e in _events(extractor, report, published=dt.date(2019, 5, 28))}
    assert (found["Kafr Zita"], found["al-Latamneh"]) == ("2019-05-27", "2019-05-27")
    # A channel digest's day set off by rules, without its year; "this morning" under it is of that day.
    digest = ("Channel digest – Monday 17 October 2022\n\n——— Saturday 15 October ———\n\n"
              "[08:12] Heavy clashes since dawn in the city of Jasim in Daraa.\n\n"
              "[11:05] Gunmen shot dead a former commander near Nawa this morning.\n\n"
              "——— Sunday 16 October ———\n\n[10:10] An IED exploded on the Tafas road.\n")
    found = {e.mention: e.date for e in _events(extractor, digest, published=dt.date(2022, 10, 17))}
    assert (found["Jasim"], found["Nawa"], found["Tafas"]) == ("2022-10-15", "2022-10-15", "2022-10-16")
    # A live blog's weekday and day alone on a line, without rules.
    blog = ("Syria offensive - as it happened\n\nLast modified on Thu 19 Jul 2018 18.05 BST\n\nWednesday 18 July\n\n"
            "14.05 BST\nGovernment troops entered the town of Inkhil in northern Daraa.\n\nTuesday 17 July\n\n"
            "19.00 BST\nRebels in Nawa have agreed to surrender after two days of strikes.\n")
    found = {e.mention: e.date for e in _events(extractor, blog, published=dt.date(2018, 7, 19))}
    assert (found["Inkhil"], found["Nawa"]) == ("2018-07-18", "2018-07-17")


def test_an_incidents_dated_heading_is_where_the_sentence_under_it_tells_of(extractor: Extractor) -> None:
    """An incident list's heading names the place and day, the next sentence what happened there
    without naming it again; a date line over the page's first prose is no such heading."""
    text = ("Attacks on Health Care in Syria: Selected Incidents\n\n"
            "The following entries are drawn from our mapping of attacks on medical facilities and personnel in Syria.\n\n"
            "6 October 2015 — Latamneh Surgical Hospital, Latamneh (Hama). Russian aircraft struck the area "
            "around the hospital with four missiles.\n\n"
            "Taldou, Houla region (Homs governorate), 25 May 2012\n\n"
            "On the afternoon of 25 May, armed men entered the neighbourhood and killed dozens of families.\n")
    found = _by_mention(_events(extractor, text))
    assert (found["Latamneh"].role, found["Latamneh"].date) == ("event", "2015-10-06")
    assert (found["Taldou"].role, found["Taldou"].date) == ("event", "2012-05-25")
    dated_line = "Damascus, 14 February 2019\n\nGunmen killed three people in a raid on a market in Jaramana on Wednesday night."
    assert _by_mention(_events(extractor, dated_line))["Damascus"].role == "mention"


def test_a_live_blog_entry_is_of_the_news_day_or_of_the_day_its_body_tells(extractor: Extractor) -> None:
    """Each entry opened by its clock time starts afresh: the day an earlier entry named ("since the
    start of the operation on Wednesday") is not carried into the next one; an entry's headline alone
    on its line takes the day the body under it tells."""
    text = ("LIVE: Turkey's offensive in northeast Syria\nThursday, October 10, 2019\n\n"
            "10:05 — Turkey says it has hit 181 targets since the start of the operation on Wednesday afternoon.\n\n"
            "11:40 — Mortar rounds struck the Turkish border town of Akcakale, killing a child.\n\n"
            "12:30 — State media says nine killed near Nawa\n\n"
            "SANA reports that nine people were killed by shelling on the outskirts of Nawa on Wednesday night.\n")
    found = {e.mention: e.date for e in _events(extractor, text, published=dt.date(2019, 10, 10)) if e.role == "event"}
    assert (found["Akcakale"], found["Nawa"]) == ("2019-10-10", "2019-10-09")


def test_news_spellings_of_aleppo_villages_and_quarters_are_found_in_text(extractor: Extractor) -> None:
    """Spellings the matcher does not reach from the sources' own ("Qabtan Eljabal", "Masharqa",
    "Qastal Jend"): the near-spelling lookup is not run on every capitalised word."""
    text = ("A helicopter was shot down over Qubtan al-Jabal, west of Aleppo. Buildings fell in Aleppo's "
            "al-Mashariqa neighbourhood, and clashes went on in Qastal Jindo north of Afrin.")
    found = {e.mention: (round(e.lat, 2), round(e.lon, 2)) for e in _events(extractor, text)}
    assert (found["Qubtan al-Jabal"], found["al-Mashariqa"], found["Qastal Jindo"]) == ((36.26, 36.95), (36.2, 37.14), (36.63, 37.02))
    mountains = _by_mention(_events(extractor, "A drone killed three fighters near Kabani in the Kurd Mountains of Latakia."))
    assert mountains["Kurd Mountains"].place == "Jabal al-Akrad"
    homs = _by_mention(_events(extractor, "Residents of the al-Zahraa and Akrama neighbourhoods of Homs fled as battles "
                                          "raged on Jabal Zain al-Abidin north of Hama."))
    assert [(homs[name].admin1, homs[name].kind) for name in ("al-Zahraa", "Akrama", "Jabal Zain al-Abidin")] == \
        [("Homs", "neighbourhood"), ("Homs", "neighbourhood"), ("Hama", "landmark")]
    south = _by_mention(_events(extractor, "Israeli troops raided Kodana in Quneitra and struck Jabal al-Mani near Kisweh."))
    assert (south["Kodana"].place, south["Jabal al-Mani"].admin1) == ("Kodneh", "Rural Damascus")
    deir = _by_mention(_events(extractor, "In Deir ez-Zor city, shells hit al-Huweiqa, Harabesh, al-Rashidiya and the Panorama "
                                          "roundabout, and IS attacked al-Baghiliyah and Saqr island."))
    assert {deir[name].admin1 for name in ("al-Huweiqa", "Harabesh", "al-Rashidiya", "Panorama roundabout", "al-Baghiliyah",
                                           "Saqr island")} == {"Deir ez-Zor"}
    # A name that ends in a lower-case kind word: "the Panorama roundabout", "Um al-Zennar church".
    homs = _by_mention(_events(extractor, "A fire broke out near the Old Clock Tower and Um al-Zennar church in Homs."))
    assert (homs["Old Clock Tower"].kind, homs["Um al-Zennar church"].kind) == ("landmark", "landmark")
    daraa = _by_mention(_events(extractor, "In Daraa, shelling came from the Daraa stadium and the Panorama roundabout."))
    assert daraa["Panorama roundabout"].admin1 == "Daraa"


def test_a_quarter_lies_in_the_city_its_sentence_names_though_a_namesake_lies_by_another(extractor: Extractor) -> None:
    """Idlib and Baniyas both have an al-Qusour quarter: the one the sentence's city holds, though the
    Idlib one lies right at Idlib, which the sentence before names."""
    text = ("Clashes went on in Idlib. By Friday, the violence had spread to Baniyas, where gunmen went door to door "
            "in the al-Qusour neighbourhood.")
    assert _by_mention(_events(extractor, text))["al-Qusour"].admin1 == "Tartus"
    idlib = "In Idlib city, shells struck the al-Qusour neighbourhood on Friday, killing five civilians."
    assert _by_mention(_events(extractor, idlib))["al-Qusour"].admin1 == "Idlib"


def test_a_past_perfect_clause_dates_only_its_own_places(extractor: Extractor) -> None:
    """A year in a relative clause in the past perfect is a time before the one the sentence tells of:
    it dates the places in the clause, and the one it is about, not the others."""
    published = dt.date(2024, 11, 28)
    captured = ("The factions said they had captured Kafr Naha and the base of the 46th Regiment near al-Atarib, "
                "a sprawling compound that regime forces had taken in early 2020.")
    found = _by_mention(_events(extractor, captured, published=published))
    assert [(found[name].role, found[name].date) for name in ("Kafr Naha", "al-Atarib")] == [("event", "2024-11-28")] * 2
    fled = "Shelling killed members of the al-Khalaf family, who had fled to Raqqa from al-Qusayr in 2013."
    assert _by_mention(_events(extractor, fled, published=published))["al-Qusayr"].date == "2013-01-01"
    joined = "Protests spread in Tartus governorate, which had joined the uprising in April 2011."
    assert _by_mention(_events(extractor, joined, published=published))["Tartus"].role == "mention"


def test_a_place_of_note_spelled_as_written_is_not_outweighed_by_a_near_spelling_in_the_storys_governorate(
        extractor: Extractor) -> None:
    """"Ghouta" is the Eastern Ghouta, though the story names Homs, which has a quarter "Ghota"."""
    text = "The council discussed the attack on Ghouta. Israel struck the T4 airbase in Homs on Monday."
    assert _by_mention(_events(extractor, text))["Ghouta"].place == "Eastern Ghouta"


def test_a_text_that_opens_with_a_live_blog_entry_is_read(extractor: Extractor) -> None:
    """A pasted live blog may start with its first entry's clock time: that entry is the text's first
    paragraph, which has no paragraph break before it."""
    one_line = "19:45 – A regime helicopter was shot down over Atarib, west of Aleppo."
    assert [e.mention for e in _events(extractor, one_line) if e.role == "event"] == ["Atarib"]
    entries = ("08:10 – Jets struck Saraqib\n\nThe strikes on the town came on Monday night, activists said.\n\n"
               "09:30 – Shelling hit Atarib.")
    found = {e.mention: e.date for e in _events(extractor, entries, published=dt.date(2019, 10, 10))}
    assert found["Saraqib"] == "2019-10-07"


def test_hit_opens_a_place_and_a_region_names_its_governorate(extractor: Extractor) -> None:
    """"raids hit Hass" is a place context like "struck"; a region inside one governorate
    ("Eastern Ghouta") is context for a misspelled name beside it ("Kafarbatna" is Kafr Batna)."""
    found = _by_mention(_events(extractor, "The raids hit Hass around 11:30 am, an activist in Idlib said."))
    assert (found["Hass"].admin1, found["Hass"].role) == ("Idlib", "event")
    listed = [e.mention for e in _events(extractor, "Bomb blasts hit Tartous, Homs and Hasakeh on Monday.")]
    assert listed == ["Tartous", "Homs", "Hasakeh"]
    ghouta = _by_mention(_events(extractor, "Shelling hit Kafarbatna in Eastern Ghouta."))
    assert (ghouta["Kafarbatna"].place, ghouta["Kafarbatna"].role) == ("Kafr Batna", "event")


def test_a_governorate_named_in_the_sentence_does_not_turn_a_famous_name_into_a_hamlet(extractor: Extractor) -> None:
    """"Ghouta" is the Eastern Ghouta, not a Homs hamlet spelled so, although the sentence also
    names Homs: a place the story would be about by its name alone keeps it."""
    text = ("In Ghouta, a rebel-held area in the Damascus suburbs, artillery hit Douma while clashes went on "
            "in Daraa, Latakia and Homs.")
    found = _by_mention(_events(extractor, text))
    assert (found["Ghouta"].place, found["Ghouta"].admin1) == ("Eastern Ghouta", "Rural Damascus")


def test_a_far_namesake_of_several_words_is_not_taken_for_a_village_beside_the_story(extractor: Extractor) -> None:
    """"Tell Sakher" beside Kafr Nabuda (Hama) only normalises like a Hasakah village 300 km off;
    the gazetteer lacks the Hama one, so no place is better than that one."""
    found = {e.mention: e.admin1 for e in _events(extractor, "HTS fighters attacked regime positions in Kafr Nabuda and Tell Sakher.")}
    assert found == {"Kafr Nabuda": "Hama"}


def test_a_variant_of_two_telling_words_stays_in_a_roundup_about_elsewhere(extractor: Extractor) -> None:
    """Two words spelled unlike the gazetteer ("Deraa al-Balad" for Dar'a al Balad) are rarely
    alike by chance, so a roundup's paragraph about Daraa keeps it though the rest is in Raqqa."""
    text = ("Raids hit Raqqa and Tabqa on Monday, killing three. "
            "In Deraa al-Balad, residents protested against the election on Friday.")
    found = {e.mention: e.admin1 for e in _events(extractor, text)}
    assert found["Deraa al-Balad"] == "Daraa"


def test_a_plural_kind_word_after_a_list_names_the_kind_of_each(extractor: Extractor) -> None:
    """"al-Qosour and al-Jora residential neighbourhoods in Deir Ezzor city": both are
    neighbourhoods of that city, so Jora is not the Damascus neighbourhood spelled so."""
    found = {e.mention: (e.kind, e.admin1) for e in _events(
        extractor, "Shells hit al-Qosour and al-Jora residential neighborhoods in Deir Ezzor city.")}
    assert found["al-Qosour"] == ("neighbourhood", "Deir ez-Zor")
    assert "al-Jora" not in found or found["al-Jora"][1] == "Deir ez-Zor"
    listed = {e.mention: (e.kind, e.admin1) for e in _events(
        extractor, "Shells hit al-Qosour, al-Hamidiya and al-Jora residential neighborhoods in Deir Ezzor city.")}
    assert listed["al-Hamidiya"] == ("neighbourhood", "Deir ez-Zor")  # not the Tartus village: the list names its kind


def test_damascus_countryside_is_rural_damascus_and_damascus_is_inside_it(extractor: Extractor) -> None:
    """"Damascus countryside" is the Rural Damascus governorate, which encloses Damascus: its
    Jobar is Damascus's, not the Homs village spelled exactly so. Gaza stays Gaza there."""
    text = ("The Syrian army eliminated 15 militants in Qalamoun and advanced in Jobar and the areas around it "
            "in Damascus countryside. Protests in Gaza were reported.")
    found = _by_mention(_events(extractor, text))
    assert (found["Damascus countryside"].place, found["Damascus countryside"].kind) == ("Rural Damascus", "admin1")
    assert found["Jobar"].admin1 == "Damascus" and found["Jobar"].role == "event"
    assert found["Gaza"].place == "Gaza"


def test_a_dateline_inside_a_flattened_page_is_where_the_report_was_filed(extractor: Extractor) -> None:
    text = ("Army eliminates 75 militants in Daraa Sputnik 09.04.2017 Get short URL. DAMASCUS (Sputnik) The Syrian "
            "army eliminated 75 militants in the southern city of Daraa, a source said.")
    roles = {e.mention: e.role for e in _events(extractor, text)}
    assert roles["DAMASCUS"] == "mention" and roles["Daraa"] == "event"


def test_one_word_that_only_sounds_like_a_place_abroad_is_not_one(extractor: Extractor) -> None:
    """"Noma" normalises like Nouméa: a woman in a story with no Syrian place in it either."""
    text = "Noma said the police had failed her. Noma works as a domestic worker in Cape Town."
    assert "Noma" not in {e.mention for e in _events(extractor, text)}
    agency = "Moscow, SANA- The foreign ministry said strikes hit Idlib."  # the agency, not Sanaa
    assert [e.mention for e in _events(extractor, agency)] == ["Moscow", "Idlib"]


def test_hamlet_spellings_do_not_beat_people_or_organisations(extractor: Extractor) -> None:
    """"Hamas" is also a spelling of the hamlet Hamis, "Sajed" sounds like Sayed, "Salah Amin" is
    a man: in a story that names Syria none of them is a place, but a place context still makes
    one ("the village of Sajed")."""
    text = ("Syrian refugees in Lebanon wait. Sajed hopes the community will help. Israel and Hamas declared "
            "a truce, and Salah Amin scored twice.")
    assert {e.mention for e in _events(extractor, text)} <= {"Lebanon", "Israel"}
    placed = "Shelling hit the village of Sajed on Monday, Syrian activists said."
    assert [e.mention for e in _events(extractor, placed)] == ["Sajed"]


def test_a_given_name_next_to_a_place_name_makes_a_person_even_in_title_case(extractor: Extractor) -> None:
    """A photo credit "(Muhammad Hamed/Reuters)" is title case, where capitals say nothing, yet
    "Hamed" after "Muhammad" is a man, not a spelling of Hama."""
    text = "Syrian refugees queue for bread in Irbid, Jordan. (Muhammad Hamed/Reuters)"
    assert "Hamed" not in {e.mention for e in _events(extractor, text)}


def test_a_notable_place_names_its_governorate_for_its_sentence(extractor: Extractor) -> None:
    """Every "Afrin" lies in Aleppo, so "the Sheikh Hadid area of Afrin" is Aleppo's Sheikh
    El-Hadid, not the Hama village spelled exactly "Sheikh Hadid"."""
    text = "Two civilians were killed when a landmine exploded in the Sheikh Hadid area of Afrin."
    found = _by_mention(_events(extractor, text))
    assert found["Sheikh Hadid"].admin1 == "Aleppo" and _near(found["Sheikh Hadid"], 36.50, 36.60, km=10)


def test_a_place_followed_by_syria_is_still_a_place(extractor: Extractor) -> None:
    """Flattened pages drop the comma of "Deir ez-Zor, Syria"; "Syria" after a name does not make
    the two one longer name."""
    text = "The offensive against militants on the eastern bank of the Euphrates near Deir ez-Zor Syria continues."
    assert "Deir ez-Zor" in {e.mention for e in _events(extractor, text)}


# ------------------------------------------------------------------- neighbourhoods lie in their city

def test_a_neighbourhood_resolves_inside_the_city_named_with_it(extractor: Extractor) -> None:
    text = ("Rebel rockets hit al-Jamilia neighbourhood in Aleppo city on Tuesday, wounding four people. "
            "Clashes also broke out in the Midan neighbourhood of Damascus.")
    found = _by_mention(_events(extractor, text))
    aleppo, damascus = (36.2021, 37.1343), (33.5102, 36.2913)
    # Not the village of Jamel near Jarablus, 90 km away, whose name only normalises alike.
    assert found["al-Jamilia"].kind == "neighbourhood" and _near(found["al-Jamilia"], *aleppo, km=12)
    # Aleppo has a Midan too; the sentence says which city's.
    assert found["Midan"].admin1 == "Damascus" and _near(found["Midan"], *damascus, km=12)


def test_a_neighbourhood_named_only_like_a_village_elsewhere_is_left_to_its_city(extractor: Extractor) -> None:
    text = ("Army units entered the Barzeh district of Damascus on Monday. "
            "Militants were killed in the al-Arfi neighbourhood of Deir Ezzor on Monday, the army said.")
    events = _events(extractor, text)
    found = _by_mention(events)
    # The gazetteer has no al-Arfi in Deir ez-Zor: the Hama village that spells alike is another
    # place, so the city named as its container carries the event.
    assert "al-Arfi" not in found, (found["al-Arfi"].place, found["al-Arfi"].admin1)
    assert found["Deir Ezzor"].admin1 == "Deir ez-Zor" and found["Deir Ezzor"].role == "event"
    # Howayqa, once missing too, is the city's al-Huweiqa, not the Damascus suburb spelled alike.
    howayqa = _by_mention(_events(extractor, text.replace("al-Arfi", "Howayqa")))
    assert howayqa["Howayqa"].admin1 == "Deir ez-Zor"


def test_a_neighbourhoods_namesake_town_is_not_one_of_the_storys_cities(extractor: Extractor) -> None:
    # "Arbaeen" is spelled like Arbin, a town by Damascus: the quarter lies in Hama, the city named.
    text = "In Hama city, the Al-Arbaeen neighbourhood was hit by shelling on Monday."
    assert {e.admin1 for e in _events(extractor, text)} == {"Hama"}


def test_a_neighbourhood_of_a_city_abroad_is_not_a_syrian_village(extractor: Extractor) -> None:
    text = "A coalition air strike hit a building in al-Jadida neighbourhood in western Mosul, the Syrian Observatory said."
    assert all(e.admin1 is None for e in _events(extractor, text) if e.mention == "al-Jadida")


def test_the_neighbourhoods_of_a_city_leave_the_city_a_city(extractor: Extractor) -> None:
    text = "Gunfire was heard in most neighbourhoods of Homs on Friday as clashes spread, activists in Syria said."
    homs = _by_mention(_events(extractor, text))["Homs"]
    assert homs.place == "Homs" and homs.kind == "settlement"
    # A comma after the city that opens a clause, not a list of quarters.
    text = "Turkish shells have hit residential neighbourhoods of Qamishli, killing two civilians, the SDF said."
    qamishli = _by_mention(_events(extractor, text))["Qamishli"]
    assert (qamishli.kind, qamishli.admin1, qamishli.role) == ("settlement", "Hasakah", "event")


# ------------------------------------------------------------------- English words spelled like villages

def test_an_english_word_spelled_like_a_village_is_not_a_place_even_after_in(extractor: Extractor) -> None:
    """The mention stage drops them (tests/test_mentions_people.py); here, in a whole extraction."""
    text = ("Fifty hostages were taken in Syria, the charity Aid to the Church in Need said on Monday. "
            "Fighters from CIS countries were killed near Raqqa.")
    mentions = {e.mention for e in _events(extractor, text)}
    assert "Need" not in mentions and "CIS" not in mentions
    assert "Raqqa" in mentions


def test_a_name_is_written_with_its_arabic_article(extractor: Extractor) -> None:
    """The mention is the name as written, article and all, which is also what the gazetteer
    compares: "al-Bayda" by Baniyas is the village filed "Al Bayda" there, not Haba near Safita,
    filed "Bayda"."""
    text = ("On Thursday, 2 May 2013, militias stormed the village of al-Bayda in Tartus province, about 8 km south "
            "of Baniyas city, and killed dozens of people.")
    bayda = _by_mention(_events(extractor, text))["al-Bayda"]
    assert text[bayda.start_char:bayda.end_char] == "al-Bayda"
    assert bayda.admin1 == "Tartus" and _near(bayda, 35.12, 35.95, km=5)


def test_an_arabic_article_keeps_a_name_that_is_also_an_english_word(extractor: Extractor) -> None:
    text = "Displaced families were taken to the cities of al-Rai and Manbij near the Turkish border in Syria."
    found = _by_mention(_events(extractor, text))
    assert found["al-Rai"].admin1 == "Aleppo" and found["Manbij"].admin1 == "Aleppo"


# ------------------------------------------------------------------- lists that lost their commas

def test_place_names_listed_without_commas_are_each_a_place(extractor: Extractor) -> None:
    """Feeds and scraped pages often drop commas: "in Daraa Hama Idlib and Homs" is four places,
    not one unknown name; a village list after "the villages of" too."""
    text = ("Government bombardment hit rebel positions in Daraa Hama Idlib and Homs provinces on Monday. "
            "Warplanes struck the towns of Kafr Zita Jub al-Rayan and Kafr Nabudah in northern Hama.")
    found = _by_mention(_events(extractor, text))
    for name, governorate in [("Daraa", "Daraa"), ("Hama", "Hama"), ("Idlib", "Idlib"), ("Kafr Zita", "Hama"),
                              ("Jub al-Rayan", "Hama"), ("Kafr Nabudah", "Hama")]:
        assert name in found and found[name].admin1 == governorate, (name, sorted(found))


def test_names_side_by_side_without_a_place_context_stay_one_name(extractor: Extractor) -> None:
    """A person or a group named by two words that are also villages is not a list of villages,
    and a place name's opening word is not a place of its own ("Jabal al-Arbaeen", "Kafr Awid")."""
    text = ("Information Minister Omran al-Zoubi said on Monday that the army shelled Saraqib in Syria. "
            "The Sawaiq al-Rahman brigade announced the death of a commander. "
            "Air strikes hit the towns of Saraqib Jabal al-Arbaeen and Kafr Awid in Idlib countryside.")
    events = _events(extractor, text)
    mentions = {e.mention for e in events}
    assert not mentions & {"Omran", "Zoubi", "al-Zoubi", "Sawaiq", "Rahman", "al-Rahman", "Jabal", "Kafr"}, mentions
    assert "Saraqib" in mentions


def test_an_arabic_report_gives_located_typed_dated_events(extractor: Extractor) -> None:
    """Arabic reports glue "and" and "in" to names ("ومعرة النعمان"), name the kind before the name
    ("ريف إدلب", the Idlib countryside: the governorate), and date by weekday or "yesterday"."""
    text = ("قصفت قوات النظام بلدة كفرنبل في ريف إدلب الجنوبي، وشنت طائرات حربية غارات على خان شيخون "
            "ومعرة النعمان يوم الثلاثاء.\nوانفجرت سيارة مفخخة في مدينة إدلب أمس.")
    events = extractor.events(Article(id="ar", text=text, published=dt.date(2019, 5, 8)))
    found = [(e.place, e.kind, e.role, e.event_type, e.date) for e in events]
    assert found == [
        ("Kafr Nabl", "settlement", "event", "airstrike", "2019-05-07"),
        ("Idlib", "admin1", "mention", "airstrike", "2019-05-07"),
        ("Khan Sheikhoun", "settlement", "event", "airstrike", "2019-05-07"),
        ("Maarat al-Numan", "settlement", "event", "airstrike", "2019-05-07"),
        ("Idlib", "settlement", "event", "explosion", "2019-05-07"),
    ]
    maarat = events[3]
    assert text[maarat.start_char:maarat.end_char] == maarat.mention == "معرة النعمان"  # "و" (and) is not the name's


def test_frequent_arabic_words_spelled_like_villages_are_not_places(extractor: Extractor) -> None:
    """"الحربية" (military), "الروسية" (Russian) and "عنيفة" (violent) are also villages' names;
    only a place word before one ("في", "قرية") makes it a place. Groups are not places."""
    text = ("نفذت الطائرات الحربية الروسية غارات عنيفة على بلدة البارة في ريف إدلب. "
            "وقال مسؤول في الإدارة الذاتية إن قوات سوريا الديمقراطية صدت الهجوم.")
    events = extractor.events(Article(id="ar", text=text))
    assert [(e.place, e.role) for e in events] == [("Bara", "event"), ("Idlib", "mention")]


def test_a_name_written_with_an_apostrophe_stays_whole(extractor: Extractor) -> None:
    """"Ma'arat Harmah" is one name (Ma'arrat Hurmah, spelled apart): neither "Ma'arat" alone nor
    "Harmah", a Hasakah hamlet's spelling, is the place."""
    text = "Regime forces shelled Maar Shurin, Ma'arat Harmah, Kafr Sajnah and Hish in southern Idlib."
    found = {e.mention: (e.place, e.admin1) for e in _events(extractor, text)}
    assert found["Ma'arat Harmah"] == ("Ma'arrat Hurmah", "Idlib")
    assert "Harmah" not in found and "Ma'arat" not in found
    # "Ra's" (head, cape) is no "Ra" with a possessive.
    text = "Kurdish fighters and rebels clashed in Ra's al-'Ayn on the Turkish border on Monday in Syria."
    assert {e.mention: (e.place, e.admin1) for e in _events(extractor, text)} == {"Ra's al-'Ayn": ("Ras al-Ayn", "Hasakah"),
                                                                                   "Syria": ("Syria", None)}


def test_a_sentence_dense_with_names_is_no_headline(extractor: Extractor) -> None:
    """Two lower-case words among eight ("strikes hit") make a report's sentence, not a title-case
    headline, so "Kafr" is no place alone before an unknown capitalised word; the governorate in
    brackets after a misspelled name picks its near spelling ("Kafr Nubudah (Hama)": Kafr Nabutha,
    not Kafr Nabl in Idlib, which the sentence also names)."""
    found = {e.mention: (e.place, e.admin1, e.role)
             for e in _events(extractor, "Russian strikes hit Kafr Nubudah (Hama) and Habit (Idleb).")}
    assert found["Kafr Nubudah"] == ("Kafr Nabutha", "Hama", "event")
    assert found["Hama"][2] == "mention"
    assert "Kafr" not in found


def test_a_place_that_names_a_government_or_a_body_is_background(extractor: Extractor) -> None:
    """"the Damascus government" and "the Deir ez-Zor Military Council" act; the place stays, as a
    clue to where the story is, but no event is there. "Near Aleppo government forces advanced"
    is a place and then troops."""
    text = ("The Deir ez-Zor Military Council said its fighters clashed with tribesmen in Dhiban. "
            "Shelling by the Damascus government hit Douma. Near Aleppo government forces advanced. "
            "The Daraa Central Committee said gunmen attacked Tafas.")
    roles = [(e.mention, e.role) for e in _events(extractor, text)]
    assert roles == [("Deir ez-Zor", "mention"), ("Dhiban", "event"), ("Damascus", "mention"), ("Douma", "event"),
                     ("Aleppo", "event"), ("Daraa", "mention"), ("Tafas", "event")]


def test_a_credit_line_names_reporters_and_where_they_filed_from(extractor: Extractor) -> None:
    """A wire story's "(Reporting by …; Editing by …)" names people, some spelled like villages
    ("Bassam", Bseimeh), and where they were ("in Beirut"): background."""
    text = ("Syrian jets struck Saraqib on Monday, killing five. (Reporting by Tom Perry and Laila Bassam "
            "in Beirut and Parisa Hafezi in Dubai; Editing by Giles Elgood)")
    roles = {e.mention: e.role for e in _events(extractor, text)}
    assert roles == {"Saraqib": "event", "Beirut": "mention", "Dubai": "mention"}


def test_a_byline_names_reporters(extractor: Extractor) -> None:
    """A byline alone on its line ("By ZEINA KARAM, Associated Press", "By Orhan Qereman and Tom
    Perry") names people, some spelled like villages (Al Karm, Jaramana)."""
    text = ("Syrian forces kill 6 in raid on mosque in Daraa\n\nBy ZEINA KARAM, Associated Press\n"
            "By Orhan Qereman and Tom Perry\n\nSyrian forces killed six people in Daraa on Wednesday.")
    assert {e.mention for e in _events(extractor, text)} == {"Daraa"}


def test_a_byline_may_go_on_with_short_fields_after_a_bar(extractor: Extractor) -> None:
    """"By Lina Haddad | Homs | 20 January 2026": Haddad is the reporter (a Hasakah village is
    spelled so); a lead run into the byline's line after the bar is still read ("By Talent Gondo |
    Harare's Third Street will soon be renamed …")."""
    text = "By Lina Haddad | Homs | 20 January 2026\n\nShelling hit Talbiseh on Monday, killing two people."
    assert {e.mention for e in _events(extractor, text)} == {"Talbiseh"}
    run_on = "By Talent Gondo | Shelling hit Talbiseh on Monday, killing two people in the town."
    assert "Talbiseh" in {e.mention for e in _events(extractor, run_on)}


def test_a_peoples_word_made_of_a_towns_name_is_not_the_town(extractor: Extractor) -> None:
    """"Homsis", "an Idlibi activist", "Hamawi doctors" are people; "Sukkari", a quarter of
    Aleppo, ends as a people's word does but names no notable town's people."""
    text = ("Displaced Homsis returned to Talbiseh on Monday. An Idlibi activist and two Hamawi doctors "
            "were killed in shelling on Saraqib.")
    assert {e.mention for e in _events(extractor, text)} == {"Talbiseh", "Saraqib"}


def test_a_place_abroad_is_background_beside_an_event_in_syria(extractor: Extractor) -> None:
    """The shells fell on Tal Rifaat, not in Kilis; Moscow is where the recapture was reported."""
    text = ("On 8 March 2019, Turkish forces shelled YPG positions in Tal Rifaat from the Kilis area. "
            "In Moscow, the defence minister told Putin of the recapture of Palmyra.")
    roles = {e.mention: e.role for e in _events(extractor, text)}
    assert roles == {"Tal Rifaat": "event", "Kilis": "mention", "Moscow": "mention", "Palmyra": "event"}


def test_a_place_abroad_the_words_tell_as_a_place_is_an_event(extractor: Extractor) -> None:
    """"Rockets slammed into the Lebanese city of Hermel", "rallies in Kilis and Reyhanli": where it
    happened, though no preposition stands right before the name; not "a photo taken from the town of
    Nusaybin"."""
    text = ("Several rockets fired from Syria slammed into the Lebanese city of Hermel on Monday. Small rallies were "
            "held in Kilis and Reyhanli on Friday. A photo taken from the town of Nusaybin showed smoke rising. "
            "The rebels were excluded from the Geneva talks.")
    roles = {e.mention: e.role for e in _events(extractor, text, published=dt.date(2013, 6, 3))}
    assert roles == {"Syria": "mention", "Hermel": "event", "Kilis": "event", "Reyhanli": "event", "Nusaybin": "mention",
                     "Geneva": "mention"}
    gate = _events(extractor, "Protesters gathered near the Reyhanli border gate on Monday.", published=dt.date(2013, 6, 3))
    assert [(e.mention, e.role) for e in gate] == [("Reyhanli", "event")]
    # Turkish spellings, a town after its country's possessive, an attack on a town.
    turkish = ("Rockets fired from Syria hit Şanlıurfa on Monday. Eight civilians were killed in a mortar attack on "
               "Turkey's Nusaybin. Erdoğan spoke after a deadly rocket attack on Karkamış.")
    roles = {e.mention: e.role for e in _events(extractor, turkish, published=dt.date(2019, 10, 14))}
    assert roles == {"Syria": "mention", "Şanlıurfa": "event", "Turkey": "mention", "Nusaybin": "event", "Karkamış": "event"}
    # The plural kind, and a list after it.
    towns = "19:50 - Mortar rounds fired from Syria hit the Turkish border towns of Akcakale and Nusaybin, killing five."
    roles = {e.mention: e.role for e in _events(extractor, towns, published=dt.date(2019, 10, 10))}
    assert (roles["Akcakale"], roles["Nusaybin"]) == ("event", "event")


def test_each_row_of_a_table_is_an_item_with_its_own_date(extractor: Extractor) -> None:
    """A report's table ("Date | Place | Victims") under a heading that tells of killings: each row
    is an item of that heading, dated by its own cell, not by the row before it; "03/10/2019" is
    read day first, as the table's other dates are written."""
    text = ("Civilian death toll in October 2019\nReleased: Friday, 1 November 2019\n\nThe network documented the "
            "killing of 226 civilians in Syria in October 2019, among them 46 children. Most were killed in air strikes "
            "and shelling in the north-west and in the operation launched on 9 October in the north-east.\n\n"
            "Massacres documented in October 2019:\n\n"
            "Date        | Place                 | Victims\n"
            "03/10/2019  | Kafr Rouma village    | 5\n"
            "13/10/2019  | Tal Abyad city        | 5\n"
            "22/10/2019  | Kafr Nabl town        | 5\n"
            "26/10/2019  | al Bukamal city       | 6\n")
    found = {e.mention: (e.role, e.date) for e in _events(extractor, text) if e.mention != "Syria"}
    assert found == {"Kafr Rouma": ("event", "2019-10-03"), "Tal Abyad": ("event", "2019-10-13"),
                     "Kafr Nabl": ("event", "2019-10-22"), "al Bukamal": ("event", "2019-10-26")}


def test_each_item_opened_by_a_clock_time_is_a_sentence(extractor: Extractor) -> None:
    """An alert channel's or a live blog's items, one a line and opened by a time ("08:58 Jableh: …"),
    are sentences of their own: each keeps its own type, and one item's "this month" dates no other."""
    text = ("Syria alerts — Monday, 23 May 2016\n\n"
            "08:58 Jableh: series of explosions near the main bus station\n"
            "15:40 Aleppo: clashes around Khan Tuman continue, militias try to retake hills lost this month\n"
            "16:20 Idlib: Russian jets struck Saraqib, 4 killed incl. 2 children\n")
    found = {e.mention: (e.event_type, e.date) for e in _events(extractor, text, published=dt.date(2016, 5, 23))
             if e.role == "event"}
    assert found["Jableh"] == ("explosion", "2016-05-23") and found["Saraqib"] == ("airstrike", "2016-05-23")
    assert found["Khan Tuman"][0] == "offensive"


def test_names_in_a_sentence_written_in_lower_case_are_found(extractor: Extractor) -> None:
    """An unedited channel writes in lower case but for acronyms ("06:10 daraa al-balad: heavy
    shelling", "yadudah: convoy hit by IED"): capitals say nothing there, so names are looked for
    without them; a common English word among them still needs a place context."""
    text = ("syria: daraa field msgs, unedited\n\n"
            "06:10 daraa al-balad: heavy shelling since dawn by 4th div, 2 dead 5 inj\n"
            "11:00 yadudah: mil convoy hit by IED on the road, 1 soldier killed\n"
            "13:20 the need for aid is huge, ppl say\n")
    found = {e.mention: e.place for e in _events(extractor, text, published=dt.date(2021, 7, 29)) if e.role == "event"}
    assert found == {"daraa al-balad": "Dar'a al Balad", "yadudah": "Yadudeh"}


def test_a_chronologys_first_entry_keeps_its_day(extractor: Extractor) -> None:
    """A strike tracker with no date line: its first entry's date is taken for the report's, and that
    entry is still dated by it, not by its "this month"."""
    text = ("Strike tracker: Israeli attacks on Syria, selected entries\n\n"
            "28 Dec 2021 — Missiles hit the container terminal at Latakia port for the second time this month.\n\n"
            "10 Jun 2022 — A strike on Damascus International Airport left runways out of service.\n")
    published = find_published_date(text)
    assert published == dt.date(2021, 12, 28)
    found = {e.mention: e.date for e in _events(extractor, text, published=published) if e.role == "event"}
    assert found["Latakia"] == "2021-12-28" and found["Damascus International Airport"] == "2022-06-10"


def test_a_lines_label_is_what_contains_its_places(extractor: Extractor) -> None:
    """An alert's or a daily toll's label ("16:20 Idlib: Russian jets struck Saraqib") names the
    governorate its line's places lie in: background beside them, as "Saraqib in Idlib" is."""
    text = ("Syria alerts\n\n"
            "16:20 Idlib: Russian jets struck Saraqib, 4 killed incl. 2 children\n"
            "17:00 Hama: jets struck Kafr Zita\n")
    found = {e.mention: e.role for e in _events(extractor, text, published=dt.date(2019, 5, 7))}
    assert found == {"Syria": "mention", "Idlib": "mention", "Saraqib": "event", "Hama": "mention", "Kafr Zita": "event"}


def test_a_timelines_year_heading_dates_its_entries(extractor: Extractor) -> None:
    """A timeline's year alone on a line ("2012") is the year of the entries under it ("July 20 -
    Rebel fighters sweep into …"), not the report's."""
    text = ("TIMELINE-Key events in the battle for Aleppo\n\nDecember 13, 2016\n\n"
            "Syrian forces were on the verge of retaking eastern Aleppo on Tuesday.\n\n"
            "The following are key events in the fight for the city:\n\n2012\n\n"
            "July 20 - Rebel fighters sweep into the Salaheddine district and seize eastern neighbourhoods.\n\n"
            "2013\n\nFeb. 12 - Rebels overrun the Kuweires military airport east of the city.\n")
    found = {e.mention: e.date for e in _events(extractor, text, published=dt.date(2016, 12, 13)) if e.role == "event"}
    assert found["Salaheddine"] == "2012-07-20" and found["Kuweires military airport"] == "2013-02-12"


def test_a_name_before_bin_or_ibn_is_a_persons(extractor: Extractor) -> None:
    """"near Hisham bin Abdul Malik street" names a man (no Khasham village), whose name Raqqa's
    quarter of that name bears: the quarter, or nothing."""
    text = ("Syria: SDF fighters took Raqqa and advanced in Deir ez-Zor. Fighting was reported early this morning near "
            "Hisham bin Abdul Malik street, according to activists.")
    found = {e.mention: (e.place, e.admin1) for e in _events(extractor, text, published=dt.date(2017, 8, 1))}
    assert set(found) - {"Hisham bin Abdul Malik"} == {"Syria", "Raqqa", "Deir ez-Zor"}
    assert found.get("Hisham bin Abdul Malik", ("Hisham bin Abdul Malik", "Raqqa")) == ("Hisham bin Abdul Malik", "Raqqa")


def test_a_building_named_after_a_family_is_no_place(extractor: Extractor) -> None:
    """"the Al-Shami hospital in Ariha" is a hospital of that name, not Damascus (al-Sham) by a fold;
    a building named after its village as written stays that village."""
    found = {e.mention for e in _events(extractor, "Syria: strikes hit near a bakery and the Al-Shami hospital in "
                                                   "Ariha on Monday.")}
    assert found == {"Syria", "Ariha"}
    found = {e.mention for e in _events(extractor, "Syria: a strike hit the Kansafra school in Idlib on Monday.")}
    assert {"Kansafra", "Idlib"} <= found


def test_a_place_named_as_a_governors_or_mayors_is_background(extractor: Extractor) -> None:
    """"Gaziantep Governor Davut Gul said", "the governor of Turkey's Hatay province": the office, not
    where the rockets fell; "kill 45 in Syria's Homs - Governor" is where they killed."""
    text = ("Rockets hit Karkamis on Sunday, wounding several people, Gaziantep Governor Davut Gul said. The governor of "
            "Turkey's Hatay province said two soldiers were killed in an air raid on Idlib.")
    roles = {e.mention: e.role for e in _events(extractor, text, published=dt.date(2022, 11, 21))}
    assert roles["Gaziantep"] == roles["Hatay"] == "mention" and roles["Idlib"] == "event"


def test_a_compass_countryside_and_a_speech_place_are_background(extractor: Extractor) -> None:
    """"Daraa eastern countryside" is the governorate around the shelled town; "speaking in
    Beirut" and "a speech in Canakkale" say where words were said."""
    text = ("Army units shelled Busra al-Harir in Daraa eastern countryside on Friday. Jumblatt, speaking in "
            "Beirut, condemned the attack. Erdogan said in a speech in Canakkale that the militants fled.")
    found = {e.mention: (e.kind, e.role) for e in _events(extractor, text)}
    assert found["Daraa"] == ("admin1", "mention")
    assert found["Beirut"][1] == found["Canakkale"][1] == "mention"


def test_a_border_crossing_is_its_own_place_or_gets_no_near_spelling(extractor: Extractor) -> None:
    """The gazetteer has the main crossings; the others are spelled near villages that only sound
    alike (a misspelt "Bab al-Salamiya" is nearest Bab Laymun), which are no place for the blast."""
    found = {e.mention: e.place for e in _events(
        extractor, "On 5 March 2019, an IED exploded in the town of Azaz (Aleppo) near the Bab al-Salama crossing.")}
    assert found == {"Azaz": "Azaz", "Aleppo": "Aleppo", "Bab al-Salama crossing": "Bab al-Salama crossing"}
    found = {e.mention: e.place for e in _events(
        extractor, "On 5 March 2019, an IED exploded in the town of Azaz (Aleppo) near the Bab al-Salamiya crossing.")}
    assert found == {"Azaz": "Azaz", "Aleppo": "Aleppo"}




def test_where_forces_or_convoys_came_from_is_background(extractor: Extractor) -> None:
    """Reinforcements and convoys are news where they arrive or fight, not where they set out or
    passed through; people who fled, or victims who came from a place, still mark it."""
    def roles(text: str) -> dict[str, str]:
        return {e.mention: e.role for e in _events(extractor, text, published=dt.date(2020, 3, 5))}

    assert roles("The army sent reinforcements from Raqqa to Deir ez-Zor on Monday, where clashes raged.") == {
        "Raqqa": "mention", "Deir ez-Zor": "event"}
    assert roles("Troops, reinforced by convoys from Idlib, Aleppo and Hama, stormed Baniyas on Friday.") == {
        "Idlib": "mention", "Aleppo": "mention", "Hama": "mention", "Baniyas": "event"}
    assert roles("Fighters who arrived from Idlib attacked positions in Kafr Nabl on Sunday.") == {
        "Idlib": "mention", "Kafr Nabl": "event"}
    assert roles("Most victims came from Zamalka and Ein Tarma, where rockets struck on Wednesday.") == {
        "Zamalka": "event", "Ein Tarma": "event"}
    assert roles("Families fled from Saraqib on Tuesday after heavy shelling.") == {"Saraqib": "event"}
    assert roles("SDF reinforcements coming from al-Hasakah and al-Raqqa entered Ain Issa on Monday after shelling.") == {
        "al-Hasakah": "mention", "al-Raqqa": "mention", "Ain Issa": "event"}


def test_what_a_comparison_goes_back_to_is_background(extractor: Extractor) -> None:
    """"The worst since the end of April, when clashes in Jaramana killed dozens" is history;
    "fighting has gone on since Monday, when jets struck Saraqib" is the news."""
    def roles(text: str) -> dict[str, str]:
        return {e.mention: e.role for e in _events(extractor, text, published=dt.date(2020, 7, 13))}

    assert roles("Clashes hit Sweida on Monday. The fighting was the worst since the end of April, when clashes "
                 "in Jaramana and Ashrafiyat Sahnaya killed dozens.") == {
        "Sweida": "event", "Jaramana": "mention", "Ashrafiyat Sahnaya": "mention"}
    assert roles("Fires hit Latakia countryside on Monday, the largest since September 2016, when blazes "
                 "destroyed forest near Kessab.")["Kessab"] == "mention"
    assert roles("Fighting has gone on since Monday, when jets struck Saraqib.") == {"Saraqib": "event"}


def test_a_place_that_only_a_threat_plan_or_forecast_is_about_is_background(extractor: Extractor) -> None:
    """"forces would continue east to Manbij, Kobani", "the advance will be … towards Hamdaniyeh" tell
    of nothing that happened there, though the sentence tells of something else ("the city fell");
    "the toll could rise in Saqba, where jets struck" does."""
    roles = {e.mention: e.role for e in _events(
        extractor, "Jets struck Afrin on Sunday. On the day the city fell, Erdogan said Turkish forces would continue "
                   "east to Manbij, Kobani and the Iraqi border. The advance will be from Anadan towards Hamdaniyeh, a "
                   "commander said. Activists said the toll could rise in Saqba, where jets struck a market.",
        published=dt.date(2018, 3, 19))}
    assert roles == {"Afrin": "event", "Manbij": "mention", "Kobani": "mention", "Anadan": "mention",
                     "Hamdaniyeh": "mention", "Saqba": "event"}
    # A threat or plan told by what it is to do to the place: "determined to 'clean' Tal Rifaat and Manbij".
    roles = {e.mention: e.role for e in _events(
        extractor, "Erdogan said on Tuesday that Ankara was determined to \"clean\" Tal Rifaat and Manbij, a day after "
                   "shelling killed two in Afrin. The army vowed to retake Saraqib after rebels shelled Hama.",
        published=dt.date(2022, 7, 20))}
    assert roles == {"Ankara": "mention", "Tal Rifaat": "mention", "Manbij": "mention", "Afrin": "event",
                     "Saraqib": "mention", "Hama": "event"}
    # What is denied did not happen: "did not strike any targets in the city of Homs".
    roles = {e.mention: e.role for e in _events(
        extractor, "Russian aircraft did not strike any targets in the city of Homs, the ministry said, after jets hit "
                   "Talbiseh on Monday.", published=dt.date(2015, 10, 7))}
    assert roles == {"Homs": "mention", "Talbiseh": "event"}


def test_a_source_after_a_comma_is_no_partner_of_a_syrian_place(extractor: Extractor) -> None:
    """"… killed in attack in Syria's Palmyra, Pentagon says": the Pentagon is the source, not a
    government beside Palmyra; "Damascus, Moscow and Tehran have said" still lists governments."""
    found = {e.mention: e.role for e in _events(extractor, "Two soldiers killed in attack in Palmyra, Pentagon says")}
    assert found == {"Palmyra": "event"}
    found = {e.mention: e.role for e in _events(extractor, "Damascus, Moscow and Tehran have said the strikes "
                                                           "violated the truce in Idlib.")}
    assert found["Damascus"] == "mention" and found["Idlib"] == "event"


def test_a_witness_there_tells_of_the_place(extractor: Extractor) -> None:
    """"Our reporter in Saraqib says fighters control the town", "SANA's reporter in Aleppo said six
    civilians were killed", "Residents of Baniyas said gunmen went from house to house": the news is
    there; a source abroad ("a security source in Baghdad said") and a place that speaks ("Damascus
    said") are not. A sweep and tanks driving into a village happen somewhere too."""
    def roles(text: str) -> dict[str, str]:
        return {e.mention: e.role for e in _events(extractor, text, published=dt.date(2016, 9, 6))}

    assert roles("Our reporter in Saraqib says opposition fighters are in full control of the town in Syria.") == {
        "Saraqib": "event", "Syria": "mention"}
    assert roles("SANA reporter in Aleppo said that six civilians were killed by rocket shells on Monday.") == {
        "Aleppo": "event"}
    assert roles("A security source in Baghdad said Iraqi aircraft were ready to strike inside Syria if needed.")[
        "Baghdad"] == "mention"
    assert roles("Residents of Baniyas said gunmen went from house to house on Friday, killing men in Syria.")[
        "Baniyas"] == "event"
    assert roles("Residents of the village of Nawa told AFP that Israeli tanks drove into the village in Syria.")[
        "Nawa"] == "event"
    # A name that is also an English word, told as where residents live: "Harem" is Harim.
    assert roles("Residents of Harem said a five-storey building collapsed in the first tremor on Monday.") == {
        "Harem": "event"}
    # Collapsed homes are an event to map: "residents dug through the debris of collapsed apartment buildings".
    assert roles("In the coastal city of Jableh, residents dug through the debris of collapsed apartment buildings "
                 "on Monday.") == {"Jableh": "event"}
    assert roles("Syrian army units launched a sweep on Sunday in the desert around al-Sukhnah.")["al-Sukhnah"] == "event"
    # With the name's article between: "residents in al-Hamidiyah said".
    assert roles("Residents in al-Hamidiyah said troops with bulldozers entered the village in Syria on Monday.")[
        "al-Hamidiyah"] == "event"


def test_what_happened_months_or_years_before_is_background(extractor: Extractor) -> None:
    """"… a year after a sarin attack on Khan Sheikhoun" compares with history; "two days after
    shelling on Hish" is still the news."""
    def roles(text: str) -> dict[str, str]:
        return {e.mention: e.role for e in _events(extractor, text, published=dt.date(2018, 4, 8))}

    assert roles("Rescuers said gas killed dozens in Douma in Syria's Eastern Ghouta on Saturday. The reports came "
                 "almost exactly a year after a sarin attack on Khan Sheikhoun.")["Khan Sheikhoun"] == "mention"
    assert roles("The strike on Ariha on Saturday came two days after shelling on Hish in Idlib province.")["Hish"] == "event"


def test_where_people_fled_to_is_background(extractor: Extractor) -> None:
    """A flight happens where people fled from; where they went is background, unless something
    happened there too ("fled to Idlib, where an air strike killed five"). Coming home is news."""
    def roles(text: str) -> dict[str, str]:
        return {e.mention: e.role for e in _events(extractor, text, published=dt.date(2020, 3, 5))}

    assert roles("Dozens of families fled Jasim on Monday to al-Harra and Namer after shelling.") == {
        "Jasim": "event", "al-Harra": "mention", "Namer": "mention"}
    assert roles("Thousands fled to camps near Atmeh and Kafr Lusin after strikes on Saraqib on Monday.") == {
        "Atmeh": "mention", "Kafr Lusin": "mention", "Saraqib": "event"}
    assert roles("Residents fled to Raqqa city and to al-Tabqa as clashes hit Ain Issa on Monday.") == {
        "Raqqa": "mention", "al-Tabqa": "mention", "Ain Issa": "event"}
    assert roles("Civilians fled to Idlib, where an air strike killed five people on Monday.") == {"Idlib": "event"}
    assert roles("Families now sheltering in camps around Atmeh come from Khan Sheikhoun, where an air strike killed "
                 "five people on Monday.") == {"Atmeh": "mention", "Khan Sheikhoun": "event"}
    assert roles("Hundreds of families returned to Saraqib on Monday after the shelling stopped.") == {"Saraqib": "event"}
    # Where fighters withdrew or retreated to, and where the wounded were taken, likewise.
    assert roles("Army troops captured Palmyra on Monday as ISIS fighters retreated east towards Sukhnah and Deir "
                 "ez-Zor.") == {"Palmyra": "event", "Sukhnah": "mention", "Deir ez-Zor": "mention"}
    assert roles("Shelling killed five people in Tal Abyad on Monday. The wounded were taken to hospitals in Raqqa "
                 "and Kobani.") == {"Tal Abyad": "event", "Raqqa": "mention", "Kobani": "mention"}
    assert roles("Rebels have taken Saraqib after heavy shelling on Monday.") == {"Saraqib": "event"}
    # Where people shelter, and where the dead were buried; not a building sheltering people that was hit.
    assert roles("After the quake on Monday, families are sheltering in mosques in Idleb city and in tents in "
                 "Atmeh and Kafr Lusin.") == {"Idleb": "mention", "Atmeh": "mention", "Kafr Lusin": "mention"}
    assert roles("Shelling killed a girl in Saraqib on Monday. She was buried on Tuesday in the cemetery of "
                 "Darat Izza.") == {"Saraqib": "event", "Darat Izza": "mention"}
    assert roles("Families took refuge in Sarmada after air strikes on Maarat al-Numan on Monday.") == {
        "Sarmada": "mention", "Maarat al-Numan": "event"}
    assert roles("On Monday, an air strike hit a school sheltering displaced families in the town of Saraqib.") == {
        "Saraqib": "event"}
    assert roles("Five people were killed while sheltering in a basement in Douma on Monday.") == {"Douma": "event"}
    # People struck where they sheltered: the strike is where they sheltered.
    assert roles("Russian airstrikes kill 17 civilians sheltering in a basement in Daraa on Monday.") == {"Daraa": "event"}
    assert roles("Russian warplanes on Monday targeted a basement where families were sheltering in the town of "
                 "Inkhil.") == {"Inkhil": "event"}
    assert roles("Jets shelled Saraqib on Monday and survivors are sheltering in Atmeh.") == {
        "Saraqib": "event", "Atmeh": "mention"}
    # Where the wounded were moved for treatment, where soldiers were going home on leave.
    assert roles("Shelling killed five in Khan Shaykhun on Monday. Dozens of the injured were moved north to hospitals "
                 "in Maarat al-Numan.") == {"Khan Shaykhun": "event", "Maarat al-Numan": "mention"}
    assert roles("Militants opened fire on a bus near Kabajeb on Monday as the soldiers were heading home on leave to "
                 "Damascus and Homs.") == {"Kabajeb": "event", "Damascus": "mention", "Homs": "mention"}
    assert roles("Troops moved to Saraqib on Monday after shelling.") == {"Saraqib": "event"}
    assert roles("Shelling wounded five in Marea on Monday. The wounded were taken to a hospital in the town of Kilis "
                 "across the border.") == {"Marea": "event", "Kilis": "mention"}
    # A clause after the hospital's town that tells of nothing happening there: "where his condition …"
    assert roles("A mine wounded a child in Deir Hafer on Monday. The child was taken to a hospital in Aleppo city, "
                 "where his condition was described as critical.") == {"Deir Hafer": "event", "Aleppo": "mention"}
    assert roles("Thousands have fled the fighting in Raqqa to camps in Ain Issa, where aid agencies have started to "
                 "vaccinate children.")["Ain Issa"] == "event"
    assert roles("Troops took Mayadin on Monday, and the surviving militants fled north towards al-Asharah, where the "
                 "army plans to pursue them.")["al-Asharah"] == "mention"
    # A plan read after "which was shelled" is no state of the place: the shelling happened there.
    assert roles("Thousands fled from Saraqib to Douma, which was shelled by regime forces who will not stop, on "
                 "Monday.")["Douma"] == "event"
    assert roles("Shelling hit a shelter in Atmeh on Monday.") == {"Atmeh": "event"}
    # Camps people live in, hospitals the wounded were ferried or taken to by a longer way.
    assert roles("After the shelling of Jisr al-Shughour on Monday, thousands are living in camps in Turkey's Hatay "
                 "province.") == {"Jisr al-Shughour": "event", "Turkey": "mention", "Hatay": "mention"}
    assert roles("Jets bombed Azaz on Monday. The wounded were taken by car across the crossing to a hospital in "
                 "Kilis.") == {"Azaz": "event", "Kilis": "mention"}
    assert roles("Shelling hit Ras al-Ain on Monday. Ambulances ferried the wounded to a hospital in Ceylanpinar.") == {
        "Ras al-Ain": "event", "Ceylanpinar": "mention"}
    # Displacement "towards" places, in brackets, with "or", and the province of a camp; crossing into camps.
    assert roles("Shelling hit Kansafra on Monday. Civilian displacement from Kansafra towards the Turkish border "
                 "(Atmeh, Deir Hassan and Qah camps) has been reported.") == {
        "Kansafra": "event", "Atmeh": "mention", "Deir Hassan": "mention", "Qah": "mention"}
    assert roles("Strikes hit Kafr Nabuda on Monday. IDPs are moving north towards Atmeh, Sarmada and areas in "
                 "Afrin.") == {"Kafr Nabuda": "event", "Atmeh": "mention", "Sarmada": "mention", "Afrin": "mention"}
    assert roles("After the shelling of Kafr Nabuda on Monday, the newly displaced have moved to areas near the "
                 "Turkish border, including Atmeh, Sarmada and Dana.") == {
        "Kafr Nabuda": "event", "Atmeh": "mention", "Sarmada": "mention", "Dana": "mention"}
    assert roles("Jets struck Saraqib on Monday. Most of them fled north toward camps near the Turkish border, in the "
                 "areas of Atmeh and Sarmada.") == {"Saraqib": "event", "Atmeh": "mention", "Sarmada": "mention"}
    assert roles("Shelling hit Homs on Monday. Others said they would head for Rastan and Talbiseh.") == {
        "Homs": "event", "Rastan": "mention", "Talbiseh": "mention"}
    assert roles("Shelling hit Talbiseh on Monday. Civilians would not accept being displaced to Idlib or "
                 "Jarablus.") == {"Talbiseh": "event", "Idlib": "mention", "Jarablus": "mention"}
    assert roles("Shelling hit Jisr al-Shughur on Monday. Most have crossed into camps near Kilis in Hatay province.") == {
        "Jisr al-Shughur": "event", "Kilis": "mention", "Hatay": "mention"}
    # Unless the place where they went was hit itself.
    assert roles("Fighters fled Qusayr on Monday towards al-Dabaa and on to Buwaida al-Sharqiya, which was shelled on "
                 "Wednesday.")["Buwaida al-Sharqiya"] == "event"


def test_the_neighbourhood_of_an_arabic_name_and_a_list_of_neighbourhoods(extractor: Extractor) -> None:
    """"the neighbourhood of al-Hamidiya" and every name listed after "the neighbourhoods of" are
    neighbourhoods of the city named, not villages spelled alike elsewhere; before one name,
    "the neighbourhoods of Aleppo" names the city."""
    text = ("In Deir ez-Zor city, jets struck the neighbourhood of al-Hamidiya on Friday. "
            "In Aleppo city, buildings collapsed in the neighbourhoods of al-Kallaseh, al-Ma'adi and Sheikh Maqsoud. "
            "Shelling hit the eastern neighbourhoods of Aleppo.")
    found = {(e.mention, e.kind, e.admin1) for e in _events(extractor, text)}
    assert ("al-Hamidiya", "neighbourhood", "Deir ez-Zor") in found
    assert {("al-Kallaseh", "neighbourhood", "Aleppo"), ("Sheikh Maqsoud", "neighbourhood", "Aleppo")} <= found
    assert not any(mention == "al-Ma'adi" for mention, _, _ in found)  # no Aleppo neighbourhood of that name: not Mazzeh
    assert ("Aleppo", "settlement", "Aleppo") in found
    # The story's cities are where something happened: "In Damascus, SANA denied" does not bring Damascus's
    # Joura into a Deir ez-Zor story.
    text = ("ISIS shelled Deir Ezzor on Monday. Snipers targeted the besieged neighbourhoods of al-Joura and "
            "al-Qusour. In Damascus, SANA denied the reports.")
    found = {e.mention: e.admin1 for e in _events(extractor, text, published=dt.date(2016, 5, 3))}
    assert found.get("al-Joura") != "Damascus" and found["al-Qusour"] == "Deir ez-Zor"
    # A district of a Syrian story is no other spelling of a city abroad ("the Sinaa district" is not Sanaa).
    text = "Syria: SDF fighters advanced in Raqqa on Monday. Shells struck houses in the Sinaa district near the front."
    assert "Sinaa" not in {e.mention for e in _events(extractor, text)}
    # Spelled as written but for its article, it is still that town: "the town of Ramtha" is Ar Ramtha, Jordan.
    text = "Syria: smugglers from Daraa tried to cross the border near the town of Ramtha on Monday; a soldier was killed."
    assert {e.mention: e.place for e in _events(extractor, text)}["Ramtha"] == "Ar Ramthā"


def test_a_name_placed_by_one_sentence_is_that_place_throughout(extractor: Extractor) -> None:
    """One sentence says Nawa is Daraa's; the headline and a later "west of Nawa" are the same
    town, not the hamlet of that name beside Hama, which the story also names. A notable town
    stays itself: "near Hama" is the city though one sentence names a Hama in Rural Damascus."""
    text = ("Israeli strikes near Syria's Nawa kill nine\n\nThe Daraa governorate said nine civilians were killed "
            "in the bombardment near Nawa on Wednesday. Israeli warplanes also struck the Hama military airport and "
            "the city of Hama. Tanks advanced towards the dam area west of Nawa.")
    assert {e.admin1 for e in _events(extractor, text, published=dt.date(2025, 4, 3)) if e.mention == "Nawa"} == {"Daraa"}
    text = ("Warplanes struck Hama in the Damascus countryside on Monday. "
            "Heavy clashes broke out between government troops and rebels near Hama on Tuesday.")
    found = [(e.place, e.admin1) for e in _events(extractor, text, published=dt.date(2025, 4, 3)) if e.mention == "Hama"]
    assert found[-1] == ("Hama", "Hama")


def test_two_names_told_to_lie_by_each_other_are_the_namesakes_that_do(extractor: Extractor) -> None:
    """"al-Bayda south of Baniyas" is the coastal village by Baniyas (not a Beida in Hama), and the
    headline's "al-Bayda" is the same village; "Jobar, near Baba Amr" is the Homs quarter, not
    Damascus's Jobar; "Zabadani near Damascus" stays the town, not its district's middle."""
    text = ("Our hearts with al-Bayda and Baniyas\n\nOn Thursday, militias stormed the village of al-Bayda south "
            "of Baniyas and killed dozens of civilians.")
    assert {(e.place, e.admin1) for e in _events(extractor, text, published=dt.date(2013, 5, 5))
            if e.mention in ("al-Bayda", "Baniyas")} == {("Beida", "Tartus"), ("Banyas", "Tartus")}
    found = {e.mention: e.admin1 for e in _events(extractor, "Heavy clashes went on in Jobar, near Baba Amr, on Monday.")}
    assert found == {"Jobar": "Homs", "Baba Amr": "Homs"}
    found = {e.mention: e.kind for e in _events(extractor, "Buses left Zabadani near Damascus on Monday after shelling.")}
    assert found == {"Zabadani": "settlement", "Damascus": "settlement"}
    # A namesake spelled as written in the second's governorate is not left for a village by it that
    # only folds like it: "Maskanah east of Aleppo" is the town 85 km out, not Masqan by the city.
    found = {e.mention: e.place for e in _events(extractor, "Syrian troops moved into the towns of Deir Hafer and "
                                                            "Maskanah east of Aleppo on Saturday.")}
    assert found["Maskanah"] == "Maskanah"
    # None of a name's places by the town it is told to lie in: not a Bado 230 km off ("in the centre of
    # Raqqa city"), nor Mil by Manbij for "al-Maleh north of Aleppo"; a region keeps its place.
    found = {e.mention for e in _events(extractor, "An airstrike hit a building in al-Badu, in the centre of Raqqa "
                                                   "city, on Monday.")}
    assert found == {"Raqqa"}
    found = {e.mention for e in _events(extractor, "Rebels and troops fought around al-Maleh north of Aleppo on Monday.")}
    assert found == {"Aleppo"}
    # Unless one lies the way the words say, a little farther: Athriya, 78 km east of Salamiyah in the desert.
    found = {e.mention: e.place for e in _events(extractor, "A shepherd was killed by a landmine in the desert near "
                                                            "Ithriyah, east of Salamiyah, on Monday.")}
    assert found["Ithriyah"] == "Athriya"
    found = {e.mention: e.place for e in _events(extractor, "Hundreds died in a sarin attack in Ghouta on the outskirts "
                                                            "of Damascus in August 2013.")}
    assert found["Ghouta"] == "Eastern Ghouta"


def test_a_government_named_in_a_sentence_says_nothing_of_where_its_places_lie(extractor: Extractor) -> None:
    """"Damascus government factions shell … Ashrafieh" is Aleppo's Ashrafieh, not Ashrafiet Sahnaya
    by Damascus; "protesters in … Marea … against talk of 'reconciliation' with Damascus" is the
    Aleppo town, which no Damascus-area spelling replaces."""
    text = ("Damascus government factions shell Sheikh Maqsoud, Ashrafieh neighborhoods; civilians killed\n\n"
            "ALEPPO – Factions shelled the Sheikh Maqsoud and Ashrafieh neighborhoods of Aleppo on Tuesday.")
    assert {e.admin1 for e in _events(extractor, text) if e.mention == "Ashrafieh"} == {"Aleppo"}
    text = ("Angry protesters in al-Bab, Qabasin, Marea and Azaz took to the streets on Saturday, chanting against "
            "Turkey's talk of \"reconciliation\" with Damascus.")
    assert {e.admin1 for e in _events(extractor, text) if e.mention == "Marea"} == {"Aleppo"}


def test_a_village_named_in_a_governorate_where_no_place_of_its_name_lies(extractor: Extractor) -> None:
    """"the village of Taranja in Quneitra province": the gazetteer spells Taranja only inside a
    Latakia compound name; the sentence says where it lies, so the Quneitra near spelling (Tarnaja)."""
    text = "On Wednesday, Israeli troops raided the village of Taranja in Quneitra province and detained two men."
    assert [(e.place, e.admin1) for e in _events(extractor, text) if e.mention == "Taranja"] == [("Tarnaja", "Quneitra")]


def test_a_neighbourhood_lies_in_the_city_its_sentence_names(extractor: Extractor) -> None:
    """The story names Damascus too, which has Arbin beside it; "In Hama, … the al-Arbaeen
    neighborhood" is Hama's."""
    text = ("Shelling hit Damascus and Aleppo on Monday. "
            "In Hama, seven members of one family were killed when their building fell in the al-Arbaeen neighborhood.")
    arbaeen = [e for e in _events(extractor, text) if e.mention == "al-Arbaeen"]
    assert all(e.admin1 == "Hama" for e in arbaeen)


def test_the_city_of_a_name_asks_for_a_town(extractor: Extractor) -> None:
    """"the city of Dirbêsiyê" asks for the town, not the subdistrict of its name."""
    text = "Jets struck the city of Dirbêsiyê and the town of Saraqib."
    mentions = find_mentions(extractor.nlp(text), Article(id="k", text=text), extractor.gazetteer)
    assert {m.text: m.kind_hint for m in mentions} == {"Dirbêsiyê": "settlement", "Saraqib": "settlement"}


def test_a_town_hint_keeps_a_city_abroad(extractor: Extractor) -> None:
    """A settlement hint must not turn "the northern city of Irbid, Jordan" into a Syrian village
    spelled alike: a city abroad is a town too."""
    irbid = next(e for e in _events(extractor, "An officer stands guard in the northern city of Irbid, Jordan.")
                 if e.mention == "Irbid")
    assert (irbid.place, irbid.admin1) == ("Irbid", None)


def test_a_place_named_as_a_time_or_where_a_deal_was_reached_is_background(extractor: Extractor) -> None:
    """"its biggest operation since Baghouz" names a battle as a time; "the agreement was reached in
    Ankara" a city abroad where a deal was made."""
    text = ("Ghweiran prison attack: IS's biggest operation since Baghouz. The fighting killed 20 in Hasakah. "
            "The evacuation agreement for Aleppo was reached in Ankara between Russia and Turkey.")
    roles = {e.mention: e.role for e in _events(extractor, text)}
    assert roles["Baghouz"] == "mention" and roles["Ankara"] == "mention" and roles["Hasakah"] == "event"


def test_reaching_the_outskirts_taking_positions_and_looting_happen_somewhere(extractor: Extractor) -> None:
    text = ("Rebels said they had reached the outskirts of Rastan and Talbiseh on Friday. "
            "Israeli forces also took positions on the Syrian side of Mount Hermon. "
            "Crowds looted the presidential residence in the Malki district of Damascus.")
    roles = {e.mention: e.role for e in _events(extractor, text)}
    assert {roles["Rastan"], roles["Talbiseh"], roles["Mount Hermon"], roles["Malki"]} == {"event"}



def test_a_day_after_a_clause_puts_its_places_a_day_earlier(extractor: Extractor) -> None:
    """"The advance comes a day after the regime took Kafr Nabuda": the takeover was the day
    before the story's day; a sentence that states its own day ("… captured Layramoun on
    Tuesday") keeps it."""
    text = ("Syrian troops advanced on Khan Sheikhoun on Tuesday. "
            "The advance comes a day after the regime took control of Kafr Nabuda, north of the town. "
            "It came two days after the army captured the Layramoun district on Sunday.")
    dates = {e.mention: e.date for e in _events(extractor, text, published=dt.date(2019, 8, 21))}
    assert dates == {"Khan Sheikhoun": "2019-08-20", "Kafr Nabuda": "2019-08-19", "Layramoun": "2019-08-18"}


def test_a_sentence_opening_days_after_a_clause_is_that_many_days_after_the_storys_day(extractor: Extractor) -> None:
    """"Two days after they arrived, a landmine exploded outside Zebdin": two days after the return
    the story told; a place inside the opening clause is of the story's day."""
    text = ("The family walked back into Deir al-Asafir on 18 February. Two days after they arrived, a landmine "
            "exploded outside Zebdin. A day after troops entered Harasta, shelling hit Douma.")
    dates = {e.mention: e.date for e in _events(extractor, text, published=dt.date(2025, 3, 20))}
    assert dates == {"Deir al-Asafir": "2025-02-18", "Zebdin": "2025-02-20", "Harasta": "2025-02-20",
                     "Douma": "2025-02-21"}


def test_a_city_abroad_spelled_as_written_beats_a_small_syrian_town_that_folds_alike(extractor: Extractor) -> None:
    """"Gaza" in a Daraa story is Gaza, not Jizeh (a Daraa town of importance 0.2 that folds alike)."""
    text = "Jets struck Manbij in Syria on Monday, killing 20 people in Daraa.\n\nRelated:\n1. Gaza ceasefire: second prisoner exchange\n"
    gaza = next(e for e in _events(extractor, text) if e.mention == "Gaza")
    assert (gaza.place, gaza.admin1) == ("Gaza", None)


def test_a_name_listed_among_villages_of_the_sentences_governorate_is_one_of_them(extractor: Extractor) -> None:
    """"Duma" listed among villages of the Sweida story is the Sweida village, not Douma by Damascus
    (which the story names too), though a notable town spelled as written otherwise keeps its name
    against the sentence's governorate."""
    text = ("Suicide bombings killed more than 200 people in the southern province of Sweida on Wednesday.\n\n"
            "Bombers struck Sweida city while IS fighters stormed villages to the east of the city, including "
            "Shabki, Tarba, Duma and Ghaida.\n\n"
            "The attackers had held out in the desert since they were bussed out of the Yarmuk camp south of Damascus.")
    duma = next(e for e in _events(extractor, text, published=dt.date(2018, 7, 25)) if e.mention == "Duma")
    assert (duma.place, duma.admin1) == ("Duma", "As-Suwayda")


def test_a_town_spelled_as_written_outweighs_a_hamlet_only_the_articles_governorates_favour(extractor: Extractor) -> None:
    """"al-Shadadi" is the Hasakah town, though one source also spells an Aleppo hamlet "Shadād" and
    the story names Aleppo province; the governorate a sentence names still places its hamlet ("Ar
    Rasm in Idlib", not a Daraa town also called Rasm)."""
    def places(text: str) -> dict[str, str | None]:
        return {e.mention: e.admin1 for e in _events(extractor, text, published=dt.date(2016, 3, 28))}

    assert places("Troops retook Palmyra on Sunday as fighting went on in Aleppo province. Washington says a "
                  "coalition air strike killed a senior IS finance official near al-Shadadi last week.")["al-Shadadi"] == "Hasakah"
    assert places("Pro-government forces captured Ar Rasm in Idlib overnight in Syria.")["Rasm"] == "Idlib"


def test_a_city_abroad_spelled_as_written_outweighs_a_syrian_town_spelled_so_by_one_source(extractor: Extractor) -> None:
    """"Erbil" is the Iraqi city, not Arbin by Damascus (which one source spells "Erbil"), even in a
    sentence that names Damascus; "Arbin" is still the town."""
    events = _events(extractor, "Air strikes hit Arbin in Eastern Ghouta on Sunday. The US envoy visited Damascus "
                                "and Erbil last month to push the talks.", published=dt.date(2025, 10, 8))
    places = {e.mention: (e.place, e.admin1) for e in events}
    assert places["Erbil"] == ("Erbil", None) and places["Arbin"] == ("Arbin", "Rural Damascus")


def test_a_namesake_abroad_lies_in_the_country_the_story_names(extractor: Extractor) -> None:
    """"Tripoli" in a story that names Lebanon is the Lebanese city, in one that names Libya the
    Libyan capital; a story that names neither keeps the larger city."""
    lebanon = _events(extractor, "Syrian refugees in Lebanon fear more raids. Gunmen clashed in Tripoli on Sunday, "
                                 "a security source said.", published=dt.date(2024, 5, 6))
    libya = _events(extractor, "Syrian fighters sent to Libya clashed near Tripoli on Sunday, a monitor said.",
                    published=dt.date(2024, 5, 6))
    neither = _events(extractor, "Gunmen clashed in Tripoli on Sunday, a security source said.", published=dt.date(2024, 5, 6))
    country = {name: next(e.place_id for e in events if e.mention == "Tripoli")
               for name, events in (("lebanon", lebanon), ("libya", libya), ("neither", neither))}
    place = default_gazetteer().get
    assert place(country["lebanon"]).country == "LB"
    assert place(country["libya"]).country == place(country["neither"]).country == "LY"


def test_a_sentence_set_among_places_abroad_keeps_its_names_there(extractor: Extractor) -> None:
    """Among Turkish cities, "Osmaniye" is the Turkish city, not a hamlet by Aleppo; "Haditha in Anbar
    province" is no Syrian village either. A city things came from, or one beside the village,
    leaves a Syrian village its place ("shelled Sajo", by Kilis; "rockets fired from Kilis hit Abu Qalqal")."""
    events = _events(extractor, "In Türkiye, thousands of buildings collapsed in the cities of Kahramanmaraş, "
                                "Gaziantep, Antakya, Malatya and Osmaniye on Monday. ISIS attacked Haditha in "
                                "Anbar province on Sunday.", published=dt.date(2023, 2, 7))
    places = {e.mention: e.admin1 for e in events}
    assert places["Osmaniye"] is None and places["Anbar"] is None and "Haditha" not in places
    border = _events(extractor, "Syrian Kurdish fighters said Turkish artillery in Kilis shelled Sajo on Monday. "
                                "Rockets fired from Kilis hit Abu Qalqal.", published=dt.date(2018, 1, 23))
    assert {e.mention: e.admin1 for e in border if e.admin1} == {"Sajo": "Aleppo", "Abu Qalqal": "Aleppo"}


def test_border_places_of_the_neighbours_are_not_syrian_villages(extractor: Extractor) -> None:
    """Curated names of neighbouring regions, camps and towns that the world layer lacks: Wadi
    Khaled and Akkar in Lebanon, Zaatari camp in Jordan, Beit She'an in Israel."""
    events = _events(extractor, "Syrian shells hit Wadi Khaled in Akkar on Thursday. Most refugees live in Zaatari "
                                "camp. An Iranian drone from Syria was shot down near Beit Shean.")
    assert {e.mention: (e.place, e.admin1) for e in events if e.mention != "Syria"} == {
        "Wadi Khaled": ("Wadi Khaled", None), "Akkar": ("Akkar", None), "Zaatari camp": ("Zaatari camp", None),
        "Beit Shean": ("Beit She'an", None)}


def test_governorates_listed_with_commas_do_not_contain_each_other(extractor: Extractor) -> None:
    """"Quneitra, Daraa and Suwayda provinces" is a list, not a Quneitra quarter of Daraa city
    ("Tafas, Daraa" still places Tafas in Daraa)."""
    places = {e.mention: (e.place, e.admin1, e.kind) for e in _events(
        extractor, "Israel demands the demilitarisation of southern Syria, including Quneitra, Daraa and Suwayda "
                   "provinces. Gunmen killed a man in Tafas, Daraa on Monday.")}
    assert places["Quneitra"][1] == "Quneitra" and places["Quneitra"][2] != "neighbourhood"
    assert places["Tafas"][1] == "Daraa"


def test_an_english_word_is_no_other_spelling_of_a_place_abroad(extractor: Extractor) -> None:
    """A menu's "Israel at War" is not Warri in Nigeria, though "at" reads as a place context; a name
    the words put abroad is in a place context ("fled to Arsal in Lebanon": Lebanon's Arsal, GeoNames' Aarsâl)."""
    places = {e.mention: e.place for e in _events(
        extractor, "Israel at War\nHundreds of Syrian refugees fled to Arsal in Lebanon on Monday.")}
    assert "War" not in places and places["Arsal"] == "Arsal"


def test_a_countryside_belongs_to_a_town_not_to_a_hamlet_of_its_name(extractor: Extractor) -> None:
    """"the Baniyas countryside" is the coastal town's, not that of a Golan hamlet also called Baniyas
    though the story names Quneitra; a village "in the Baniyas countryside" lies in the town's
    governorate (al-Bayda by Baniyas, not the Homs desert's)."""
    text = ("Israeli troops advanced into the village of Kudna in the Quneitra countryside on Sunday.\n\n"
            "Security forces arrested eleven men in a raid on the village of al-Bayda in the Baniyas countryside "
            "on Monday, the Interior Ministry said.")
    places = {e.mention: e.admin1 for e in _events(extractor, text, published=dt.date(2025, 3, 12))}
    assert places["Baniyas"] == "Tartus" and places["al-Bayda"] == "Tartus"


def test_a_land_head_before_a_capitalised_word_opens_a_longer_name(extractor: Extractor) -> None:
    """"Jabal Zain al-Abidin", a hill the gazetteer lacks, is not "Jabal" (Jbala, Idlib), "Zain" (Zeineh)
    and "al-Abidin" (Abdin, Daraa), nor is "Jabal Shahshabu"; "Maarat Harma" is found by its near
    spelling; a kind word after the head is no more of a name ("Marjeh Square")."""
    found = {e.mention: e.place for e in _events(
        extractor, "Regime forces pushed north of Hama on Tuesday. The decisive fighting took place on Jabal Zain "
                   "al-Abidin, a strategic mountain overlooking the city. Rebels stormed Tal Malah and Jabal Shahshabu. "
                   "A car bomb exploded near Marjeh Square in central Damascus.\n"
                   "12 June 2021 | Maarat Harma | Idlib | Shelling | 1 | Elderly man killed in his home.")}
    assert found["Maarat Harma"] == "Ma'arrat Hurmah" and found["Marjeh"] == "El Marjeh" and found["Tal Malah"] == "Tal Milh"
    assert not {"Jabal", "Zain", "al-Abidin", "Abidin"} & set(found)


def test_two_hamlet_names_side_by_side_are_one_name(extractor: Extractor) -> None:
    """"Shir Mughar" is one village the gazetteer lacks, not Shir (Latakia) and a spelling of
    Maghara (Idlib); a list that lost its commas stays a list, and a notable place keeps its name."""
    events = _events(extractor, "The Turkish observation post in Shir Mughar, in the Jabal Shahshabu area, came under "
                                "regime shelling on Monday in Syria.")
    assert not {"Shir", "Mughar"} & {e.mention for e in events}
    found = {e.mention for e in _events(extractor, "The army put the terrorists in its line of fire in Kels Shahroura "
                                                   "Sarraf and Hajjar east of Rabia in Latakia on Thursday.")}
    assert {"Shahroura", "Hajjar"} <= found and "Kels Shahroura" not in found
    assert {"Homs", "Akrameh"} <= {e.mention for e in _events(extractor, "Shelling hit Homs Akrameh neighbourhood on Tuesday.")}


def test_each_item_of_a_list_is_a_sentence_of_its_own(extractor: Extractor) -> None:
    """A numbered or bulleted item opens its own sentence, so one item's "last week" does not date
    the items around it, which take the day the list's heading sentence tells."""
    text = ("The following civilians were killed yesterday in the southern Idlib countryside:\n"
            "1. Ahmad al-Omar, 46 (Hish) - airstrike on his house\n"
            "2. Samir Darwish, 39 (Kafr Sajna) - shot dead days after his arrest last week\n"
            "3. Fatima al-Ali, 34 (Maarzita) - barrel bomb\n"
            "- Khaled Hamid, 28 (Khan al-Subul) - airstrike on the motorway\n")
    found = {e.mention: e.date for e in _events(extractor, text, published=dt.date(2020, 1, 30))}
    assert (found["Hish"], found["Maarzita"], found["Khan al-Subul"]) == ("2020-01-29", "2020-01-29", "2020-01-29")
    # An item with no word of its own for what happened tells of what its list's heading says; a
    # sibling item's words do not count.
    text = ("Civilians killed today in the Idlib countryside by regime shelling:\n- 1 woman in Kansafra\n"
            "- 2 children in Ariha\n\nTop lines\n- Strikes hit Saraqib\n- Schools reopen in Sarmada\n")
    roles = {e.mention: e.role for e in _events(extractor, text, published=dt.date(2020, 1, 30))}
    assert (roles["Kansafra"], roles["Ariha"], roles["Saraqib"], roles["Sarmada"]) == ("event", "event", "event", "mention")


def test_a_day_told_before_the_first_place_dates_the_next_paragraphs(extractor: Extractor) -> None:
    """"Wednesday's attacks began before dawn." names no place; the paragraphs after it tell of
    that day until another is stated, as a sentence in the same paragraph would."""
    text = ("The death toll from suicide bombings in Syria's south has risen to 215, a monitor said.\n\n"
            "Wednesday's coordinated attacks began before dawn, and fighters went from house to house.\n\n"
            "Three suicide bombers blew themselves up in Sweida city near the vegetable market.\n\n"
            "In the village of al-Shbiki, at least 38 people were killed.")
    found = {e.mention: e.date for e in _events(extractor, text, published=dt.date(2018, 7, 26))}
    assert (found["Sweida"], found["al-Shbiki"]) == ("2018-07-25", "2018-07-25")


def test_without_a_publication_date_the_latest_day_told_makes_older_years_history(extractor: Extractor) -> None:
    """A report is no older than the days it tells of: with no publication date, a year or month
    long before the latest day stated is background; a day stated in full stays an incident's own."""
    text = ("On July 4, 2015, Hezbollah launched an offensive on Zabadani. In 2013 its fighters led the assault "
            "on Qusayr.\n\nOn 3 May 2013, regime forces shelled Kafr Nabuda.")
    roles = {e.mention: e.role for e in _events(extractor, text)}
    assert (roles["Zabadani"], roles["Qusayr"], roles["Kafr Nabuda"]) == ("event", "mention", "event")
    # Days still to come do not count: "will hold elections on 3 June 2016" is no floor.
    text = "Parliament will hold elections on 3 June 2016. In 2015 barrel bombs hit Daraya."
    assert _by_mention(_events(extractor, text))["Daraya"].role == "event"


def test_one_neighbourhood_of_a_town_names_the_town(extractor: Extractor) -> None:
    """"a residential neighbourhood of al-Suqaylabiyah" is in the town: no quarter of that name is
    asked for; "the neighbourhood of al-Hamidiya" is still the quarter."""
    found = _by_mention(_events(extractor, "Rockets struck a residential neighbourhood of al-Suqaylabiyah on Sunday.",
                                published=dt.date(2019, 4, 15)))
    assert found["al-Suqaylabiyah"].place == "As-Suqaylabiyah" and found["al-Suqaylabiyah"].kind == "settlement"
    found = _by_mention(_events(extractor, "Shells hit the neighbourhood of al-Hamidiya in Homs on Sunday.",
                                published=dt.date(2013, 4, 15)))
    assert found["al-Hamidiya"].kind == "neighbourhood"


def test_a_dateline_alone_on_its_line_is_where_the_report_was_filed(extractor: Extractor) -> None:
    """"AMMAN, 14 April 2014" on a line of its own is the dateline: Amman is no event."""
    text = ("Syria Direct — \"We could smell it\": chlorine in Kafr Zita\n\nAMMAN, 14 April 2014\n\nResidents of Kafr Zita "
            "say a helicopter dropped a barrel bomb containing toxic gas on the town late on Friday night, killing two people.")
    found = _by_mention(_events(extractor, text, published=dt.date(2014, 4, 14)))
    assert found["AMMAN"].role == "mention" and found["Kafr Zita"].role == "event"
    assert found["Kafr Zita"].date == "2014-04-11"


def test_where_words_were_said_opening_a_sentence(extractor: Extractor) -> None:
    """"In the Turkish capital Ankara, the minister described …" and "From Damascus, the Patriarch
    appealed …" say where someone spoke; "From Idlib, rebels fired rockets" does not."""
    published = dt.date(2012, 7, 14)
    for text, place in [("In the Turkish capital Ankara, Foreign Minister Ahmet Davutoglu described the killings "
                         "as a crime against humanity.", "Ankara"),
                        ("From Damascus, the Greek Orthodox Patriarch John X appealed for an end to the shelling.", "Damascus"),
                        ("President Bashar al-Assad chaired an emergency cabinet meeting in Damascus on the damage.", "Damascus"),
                        ("The UN, which runs its cross-border operation from Gaziantep, said the shipment was ready.", "Gaziantep")]:
        assert _by_mention(_events(extractor, text, published=published))[place].role == "mention", text
    assert _by_mention(_events(extractor, "From Idlib, rebels fired rockets at Hama on Monday.", published=published))["Hama"].role == "event"


def test_where_people_come_from_in_a_list_after_of_them(extractor: Extractor) -> None:
    """"people who fled, many of them from Kafr Zita and Morek", "Volunteers from the nearby villages
    of Kafr Safra and Hammam", "troops from the Hmeimim air base" name homes and bases, not events."""
    published = dt.date(2020, 1, 20)
    text = ("More than 60 camps around Atmeh now house people who fled, many of them from Kafr Zita, al-Lataminah "
            "and Morek. Volunteers from the nearby villages of Kafr Safra and Hammam arrived with diggers. Russia said "
            "troops from the Hmeimim air base were deployed to clear rubble in Jableh.")
    roles = {e.mention: e.role for e in _events(extractor, text, published=published)}
    assert {roles[m] for m in ("Kafr Zita", "al-Lataminah", "Morek", "Kafr Safra", "Hammam", "Hmeimim air base")} == {"mention"}
    assert roles["Jableh"] == "event"


def test_the_villages_of_a_neighbour_are_no_syrian_namesakes(extractor: Extractor) -> None:
    """"the Lebanese villages of al-Qasr and Hawsh al-Sayyed Ali" are in Lebanon, past the article and
    along the list: not Sweida's Qasr nor the Homs side's village; "the Iraqi town of al-Qaim" is
    Iraq's town, spelled as the world layer has it once its article is read."""
    found = _by_mention(_events(extractor, "Syrian forces shelled the Lebanese villages of al-Qasr and Hawsh al-Sayyed Ali "
                                           "on Tuesday, and hit Qusayr.", published=dt.date(2025, 3, 17)))
    assert "al-Qasr" not in found and "Hawsh al-Sayyed Ali" not in found and found["Qusayr"].admin1 == "Homs"
    found = _by_mention(_events(extractor, "US aircraft struck targets in the Iraqi town of al-Qaim.", published=dt.date(2024, 2, 3)))
    assert found["al-Qaim"].admin1 is None and found["al-Qaim"].lat == pytest.approx(34.39, abs=0.05)


def test_a_given_name_alone_is_no_place_it_folds_onto(extractor: Extractor) -> None:
    """"Mazen in November 2017" is a man, not Damascus's Midan; Daraa's classical name "Adraa" no
    longer pulls Adra, the town of the prison north-east of Damascus, 110 km south."""
    text = ("In Syria, the family was told in 2018 that both had died, Patrick in January 2014 and Mazen in "
            "November 2017. He had been held in Adra central prison.")
    found = _by_mention(_events(extractor, text, published=dt.date(2019, 5, 1)))
    assert "Mazen" not in found and found["Adra"].admin1 == "Rural Damascus"
    assert not _events(extractor, "Samer fled the shelling with his children in Syria.", published=dt.date(2019, 5, 1))[1:]


def test_a_facility_named_for_its_place_lies_in_the_governorate_after_it(extractor: Extractor) -> None:
    """"the Barzeh research centre in Damascus" is Damascus's Barzeh though Homs is named around
    it, as "Barzeh in Damascus" is."""
    text = ("Douma was then the last rebel-held town in eastern Ghouta. Rebels surrendered the town days after the attack, "
            "and the allies launched strikes on 14 April 2018 against targets including the Barzeh research centre in "
            "Damascus and a storage site near Homs. Earlier reports blamed attacks on al-Lataminah, in northern Hama, on "
            "jets flown from the Shayrat airbase.")
    assert _by_mention(_events(extractor, text, published=dt.date(2018, 4, 15)))["Barzeh"].admin1 == "Damascus"


def test_speeches_from_a_place_and_routes_between_places(extractor: Extractor) -> None:
    """"speaking at the presidential palace in Baabda", "In a televised speech from Beirut", "speaking
    after a cabinet session at the Grand Serail in Beirut" say where words were said; "the route
    between Azaz and Marea" names the road's ends; "crossed the border from X" where forces came from."""
    published = dt.date(2025, 2, 8)
    for text, place in [("Lebanon's President, speaking at the presidential palace in Baabda, said he had ordered the army "
                         "to respond.", "Baabda"),
                        ("In a televised speech from Beirut, Hassan Nasrallah said his fighters would go wherever the "
                         "battle requires.", "Beirut"),
                        ("The minister, speaking after a cabinet session at the Grand Serail in Beirut, said Israel was "
                         "isolating the Bekaa.", "Beirut"),
                        ("Iraqi units crossed the border from the Iraqi town of Al-Qa'im on Monday.", "Al-Qa'im")]:
        assert _by_mention(_events(extractor, text, published=published))[place].role == "mention", text
    roles = {e.mention: e.role for e in _events(extractor, "A car bomb exploded on the route between Azaz and Marea on "
                                                           "Monday, near Kaljibrin.", published=published)}
    assert (roles["Azaz"], roles["Marea"], roles["Kaljibrin"]) == ("mention", "mention", "event")


def test_each_dated_line_of_a_chronology_is_a_sentence_of_its_own(extractor: Extractor) -> None:
    """Lines that open with their date and a dash ("2018-01-21 – Rajo – …") are entries of their own,
    each with its day, though none ends with a full stop; the Umayyad Mosque of a story about Aleppo
    is Aleppo's."""
    text = ("Selected incidents (event date – location – description – fatalities):\n"
            "2018-01-21 – Rajo (Afrin district) – Turkish artillery shelled the town centre – 3\n"
            "2018-01-28 – Ain Dara – airstrike damages the temple – 0\n"
            "2018-02-08 – Jinderes – airstrikes on residential areas; a bakery hit – 8\n\n"
            "On 22 December 2016, army units entered the Old City of Aleppo and cleared mines around the Umayyad Mosque.")
    found = _by_mention(_events(extractor, text, published=dt.date(2018, 3, 24)))
    assert (found["Rajo"].date, found["Ain Dara"].date, found["Jinderes"].date) == ("2018-01-21", "2018-01-28", "2018-02-08")
    assert found["Umayyad Mosque"].admin1 == "Aleppo"


def test_a_town_abroad_and_the_province_after_its_district(extractor: Extractor) -> None:
    """"Karkamış district of Gaziantep" is the border town, not a quarter of a city the gazetteer
    lacks; the province after it only says where it lies: so is Hatay after "the Reyhanlı district of";
    "a video recorded in Damascus" is where words were said."""
    published = dt.date(2019, 10, 14)
    found = _by_mention(_events(extractor, "Mortar shells fired from Syria landed in Karkamış district of Gaziantep on "
                                           "Sunday.", published=published))
    assert found["Karkamış"].role == "event" and found["Gaziantep"].role == "mention"
    found = _by_mention(_events(extractor, "Rockets landed in Kilis and in the Reyhanlı district of Hatay province on "
                                           "Sunday.", published=published))
    assert (found["Kilis"].role, found["Reyhanlı"].role, found["Hatay"].role) == ("event", "event", "mention")
    found = _by_mention(_events(extractor, "In a video recorded in Damascus, President Bashar al-Assad described the battle "
                                           "as a turning point.", published=published))
    assert found["Damascus"].role == "mention"


def test_refuges_landmarks_faced_and_press_conferences_in_a_province(extractor: Extractor) -> None:
    """"returned to their homes after fleeing to the villages of Nubl and Zahraa": the refuge, though a
    return is told just before; "faces the Bab al-Salameh crossing" names a landmark; "a press conference
    at the border command centre in the southern Hatay province" is where words were said."""
    published = dt.date(2019, 1, 12)
    roles = {e.mention: e.role for e in _events(extractor, "Kurdish families returned to their homes after fleeing to the "
                                                           "regime-held villages of Nubl and Zahraa during the operation.",
                                                published=published)}
    assert (roles["Nubl"], roles["Zahraa"]) == ("mention", "mention")
    roles = {e.mention: e.role for e in _events(extractor, "Kilis, which lies a few kilometers from the Syrian border and "
                                                           "faces the Bab al-Salameh crossing, was hit by rockets.",
                                                published=published)}
    assert (roles["Kilis"], roles["Bab al-Salameh crossing"]) == ("event", "mention")
    roles = {e.mention: e.role for e in _events(extractor, "Speaking at a press conference at the border command centre in "
                                                           "the southern Hatay province, Akar said drones had destroyed a "
                                                           "drone.", published=published)}
    assert roles["Hatay"] == "mention"


def test_a_name_and_its_other_name_in_brackets_are_one_town(extractor: Extractor) -> None:
    """"the town of Zirgan (Abu Rasin)" is Abu Rasin, not a hamlet 300 km west that folds like
    Zirgan; "Tal Tamr (Hasakah)" names its governorate, which does not move the town."""
    published = dt.date(2019, 11, 4)
    found = _by_mention(_events(extractor, "On Monday, artillery shells struck the town of Zirgan (Abu Rasin), south-east "
                                           "of Serêkaniyê, killing a man in Syria.", published=published))
    assert found["Zirgan"].place == "Abu Rasin" and found["Zirgan"].admin1 == "Hasakah"
    found = _by_mention(_events(extractor, "Shells hit Tal Tamr (Hasakah) on Monday in Syria.", published=published))
    assert found["Tal Tamr"].place == "Tal Tamr"


def test_wounded_treated_abroad_and_firefighters_from_a_town(extractor: Extractor) -> None:
    """"taken across the border for treatment in Sanliurfa" is where the wounded went, and
    "Firefighters from Rmelan" where they came from: neither is where anything happened."""
    published = dt.date(2024, 10, 24)
    text = ("A Turkish soldier was killed in Syria. Some of the wounded were taken across the border for treatment in "
            "Sanliurfa, the ministry said. Firefighters from Rmelan were still trying to contain the blaze in Tal Adas.")
    roles = {e.mention: e.role for e in _events(extractor, text, published=published)}
    assert (roles["Sanliurfa"], roles["Rmelan"], roles["Tal Adas"]) == ("mention", "mention", "event")


def test_where_the_dead_came_from_and_places_named_as_objectives(extractor: Extractor) -> None:
    """"Several of the dead were from Jableh and the countryside of Tartus" tells their homes; "naming
    Tal Rifaat, Manbij and Kobani as objectives" what is only aimed at; the attack is near Kobajjep."""
    published = dt.date(2020, 12, 31)
    text = ("ISIS gunmen attacked a bus near Kobajjep on the Deir ez-Zor road in Syria on Wednesday. Several of the dead "
            "were from Jableh and the countryside of Tartus. Erdogan said a ground operation will follow, naming Tal "
            "Rifaat, Manbij and Kobani as objectives.")
    roles = {e.mention: e.role for e in _events(extractor, text, published=published)}
    assert roles["Kobajjep"] == "event"
    assert {roles[m] for m in ("Jableh", "Tartus", "Tal Rifaat", "Manbij", "Kobani")} == {"mention"}


def test_deployments_evacuations_vigils_and_roadblocks_are_events(extractor: Extractor) -> None:
    """Forces deployed in a town, rebels boarding buses out of a village, a candlelight vigil and a
    road blocked with burning tyres happened there; a soldier from Tartus killed elsewhere did not die
    in Tartus."""
    published = dt.date(2025, 7, 14)
    text = ("Interior ministry forces deployed on Saturday afternoon in the town of al-Mazraa, the ministry said. "
            "On Sunday, rebels boarded green buses in the village of Deir Qanun and were due to be taken to Idlib. "
            "Residents of Jaramana held a candlelight vigil on Sunday. In Ariqa, young men blocked the road with burning "
            "tyres. Among the dead was a soldier from Tartus who was on leave.")
    found = _by_mention(_events(extractor, text, published=published))
    assert {found[m].role for m in ("al-Mazraa", "Deir Qanun", "Jaramana", "Ariqa")} == {"event"}
    assert found["Idlib"].role == "mention" and found["Tartus"].role == "mention"
    assert found["Jaramana"].event_type == "protest" and found["Ariqa"].event_type == "protest"


def test_an_article_joined_by_a_unicode_hyphen(extractor: Extractor) -> None:
    """"al‑Qamishli" with a non-breaking hyphen (U+2011) or a hyphen (U+2010), as some outlets write
    it, is Qamishli, as "al-Qamishli" is."""
    for text in ("Thousands demonstrated in al\u2011Qamishli on Friday.", "Thousands demonstrated in al\u2010Qamishli on Friday."):
        found = _events(extractor, text, published=dt.date(2012, 3, 18))
        assert [(e.place, e.role) for e in found] == [("Qamishli", "event")], text


def test_arabic_words_a_village_shares_are_no_places(extractor: Extractor) -> None:
    """"بجروح" (with wounds) is no Jruh, "في تشرين الأول" (in October) no Tishrine, "دخلت المدينة"
    (entered the city) no Medina and "وزارة" (ministry) no Zarah; "بلدة تشرين" (the town of Tishrine),
    "بحلب" (in Aleppo) and "وإدلب" (and Idlib) are places."""
    published = dt.date(2019, 10, 15)
    text = ("أصيب ثلاثة مدنيين بجروح جراء قصف مدفعي على بلدة كفرنبل يوم الإثنين. "
            "دخلت قوات الجيش المدينة بعد معارك عنيفة في تشرين الأول.")
    assert [e.place for e in _events(extractor, text, published=published)] == ["Kafr Nabl"]
    places = {e.place for e in _events(extractor, "قصفت الطائرات بحلب وبلدة تشرين يوم الإثنين.", published=published)}
    assert {"Aleppo", "Tishrine"} <= places
    # A frequent word read as a glued "و" and a village's name stays whole: "وزارة" (ministry) is no Zarah;
    # a name after "و" is still split off ("وإدلب", and Idlib).
    text = "أعلنت وزارة الدفاع أن الطائرات قصفت حلب وإدلب يوم الإثنين."
    assert [e.place for e in _events(extractor, text, published=published)] == ["Aleppo", "Idlib"]


def test_statues_toppled_and_flags_raised_happened_there(extractor: Extractor) -> None:
    """A statue toppled in Jaramana and a flag raised over the Quneitra crossing are events; "the
    town of Dimas" is the Rural Damascus town, not the capital, whose French name folds like it."""
    published = dt.date(2024, 12, 9)
    text = ("Residents toppled a statue of Hafez al-Assad in the Jaramana suburb on Sunday. Fighters raised the "
            "national flag over the Quneitra crossing. Government forces shelled the town of Dimas, on the "
            "Damascus-Beirut highway.")
    found = _by_mention(_events(extractor, text, published=published))
    assert found["Jaramana"].role == "event" and found["Dimas"].admin1 == "Rural Damascus"


def test_a_possessive_that_lost_its_apostrophe_does_not_lengthen_a_name(extractor: Extractor) -> None:
    """Scraped text drops apostrophes: "near the city of Deir al-Zor Syrias SANA state news agency
    reported" names Deir ez-Zor, whose al-Jafra then is the one south of the city, not Aleppo's."""
    text = ("An Islamic State car bomb killed 20 people at a site where displaced families are located in eastern "
            "Syria near the city of Deir al-Zor Syrias SANA state news agency reported on Friday. It said the bombing "
            "took place near the al-Jafra area which is located south of the city.")
    found = _by_mention(_events(extractor, text, published=dt.date(2017, 11, 17)))
    assert found["Deir al-Zor"].admin1 == "Deir ez-Zor" and found["al-Jafra"].admin1 == "Deir ez-Zor"

    found = _by_mention(_events(extractor, "Rockets fired from Syria hit Turkeys Hatay province on Monday.",
                                published=dt.date(2016, 4, 25)))
    assert found["Hatay"].place == "Antakya"


def test_what_fell_on_a_town_abroad_tells_where_it_fell(extractor: Extractor) -> None:
    """"Rockets fell on Kilis and Reyhanli": both Turkish towns were hit, the second of the list too."""
    text = "It was the second day in a row that rockets fell on Kilis and Reyhanli."
    roles = {e.mention: e.role for e in _events(extractor, text, published=dt.date(2018, 1, 22))}
    assert roles == {"Kilis": "event", "Reyhanli": "event"}
    roles = {e.mention: e.role for e in _events(extractor, "Two shells landed on Reyhanli.", published=dt.date(2018, 1, 22))}
    assert roles == {"Reyhanli": "event"}
    text = "LIVE: Hezbollah offensive on the Arsal barrens – updates"
    assert [(e.mention, e.role) for e in _events(extractor, text, published=dt.date(2017, 7, 21))] == [("Arsal", "event")]


def test_speech_after_a_place_without_its_comma_or_by_a_named_president(extractor: Extractor) -> None:
    """"while in Washington the State Department said" (no comma after the name) and "In Damascus,
    President Bashar Assad, speaking to a delegation, said" tell where words were said."""
    text = ("In Moscow, the Kremlin said it would back the army's operations, while in Washington the State "
            "Department said it was close to suspending talks on a ceasefire.")
    roles = {e.mention: e.role for e in _events(extractor, text, published=dt.date(2016, 10, 1))}
    assert roles["Moscow"] == roles["Washington"] == "mention"
    text = ("In Damascus, President Bashar Assad, speaking to a delegation of Lebanese politicians, said the army "
            "would strike terrorism with an iron fist.")
    assert [(e.mention, e.role) for e in _events(extractor, text, published=dt.date(2014, 3, 16))] == [("Damascus", "mention")]


def test_insurgents_and_kin_from_a_place_come_from_it_beside_where_it_happened(extractor: Extractor) -> None:
    """"Insurgents from Idlib province fired rockets …, killing four in the Hamdaniyeh district" and "a
    father of four from al-Hirak, told … near the Nasib border crossing" name homes beside the places
    where it happened; troops taken out of a place ("withdrew its troops from Morek") leave it the event."""
    text = ("Insurgents from Idlib province fired rockets into the west of the city on Saturday, killing four people in "
            "the Hamdaniyeh district of Aleppo.")
    roles = {e.mention: e.role for e in _events(extractor, text, published=dt.date(2016, 10, 1))}
    assert roles["Idlib"] == "mention" and roles["Hamdaniyeh"] == "event"
    text = ("The planes did not leave the sky for a minute, Abu Mahmoud, a father of four from al-Hirak, told Syria "
            "Direct on Wednesday from an olive grove near the Nasib border crossing.")
    roles = {e.mention: e.role for e in _events(extractor, text, published=dt.date(2018, 6, 27))}
    assert roles == {"al-Hirak": "mention", "Nasib border crossing": "event"}
    text = "Turkey withdrew its troops from Morek on Tuesday after shelling hit Khan Shaykhun."
    roles = {e.mention: e.role for e in _events(extractor, text, published=dt.date(2019, 8, 20))}
    assert roles["Morek"] == "event"


def test_who_now_lives_in_a_tent_near_a_town_names_a_home(extractor: Extractor) -> None:
    """"a teacher from Ariha who now lives in a tent near Sarmada": where she lives is no event."""
    text = "The shelling has not stopped, said a teacher from Ariha who now lives in a tent near Sarmada."
    roles = {e.mention: e.role for e in _events(extractor, text, published=dt.date(2018, 6, 27))}
    assert roles["Sarmada"] == "mention"


def test_next_targets_are_prospects(extractor: Extractor) -> None:
    """"its next targets were the IS-held towns of al-Qaryatain" and "The next target, according to the
    source, will be the city of Al-Mayadeen" tell of no fighting there yet; an Arabic article before the
    name ("al-") does not hide the words before it."""
    text = ("Syrian troops recaptured Palmyra on Sunday. The army said its next targets were the IS-held towns of "
            "al-Qaryatain. The next target, according to the military source, will be the city of Al-Mayadeen.")
    roles = {e.mention: e.role for e in _events(extractor, text, published=dt.date(2016, 3, 27))}
    assert roles == {"Palmyra": "event", "al-Qaryatain": "mention", "Al-Mayadeen": "mention"}


def test_a_link_line_of_a_scraped_page_is_no_event(extractor: Extractor) -> None:
    """A line opening "Read:" links another story: its places are no events of this one; a page's
    category line names no event either."""
    text = ("Government jets struck Busra al-Harir on Wednesday.\n\n"
            "Read: 'We are waiting for death': Civilians trapped in northern Homs pocket ahead of evacuation\n\n"
            "Shelling also hit Nawa.")
    roles = {e.mention: e.role for e in _events(extractor, text, published=dt.date(2018, 6, 27))}
    assert roles == {"Busra al-Harir": "event", "Homs": "mention", "Nawa": "event"}
    # Nor is the page's category line: "Posted on: 3 January, 2019 | Category: Aleppo".
    text = ("The Syrian Observatory For Human Rights\n\nRebels storm Darat Izza after two days of fighting in the western "
            "countryside of Aleppo\n\nPosted on: 3 January, 2019 | Category: Aleppo\n\nThe number of those killed in the "
            "fighting between HTS and Zenki in the western countryside of Aleppo has risen to 67 since Tuesday.")
    roles = {(e.mention, e.sentence[:9]): e.role for e in _events(extractor, text)}
    assert roles[("Aleppo", "Posted on")] == "mention"


def test_disease_cases_floods_and_fires_happen_where_they_are_told(extractor: Extractor) -> None:
    """Humanitarian maps show outbreaks and disasters too: cases confirmed in a town, a boy drowned in
    a flooded camp, villages ablaze."""
    text = ("Two further cases were confirmed in Latakia on Sunday. A boy drowned in a flooded drainage channel in a "
            "camp near Atmeh on Monday. Forests around Masyaf and the village of Ayn Halaqim were also ablaze.")
    roles = {e.mention: e.role for e in _events(extractor, text, published=dt.date(2022, 10, 12))}
    assert roles == {"Latakia": "event", "Atmeh": "event", "Masyaf": "event", "Ayn Halaqim": "event"}


def test_a_list_says_where_its_villages_lie(extractor: Extractor) -> None:
    """"villages north-east of the city, including Duma, Shbiki and Shreihi" in a Sweida story: Duma is the
    Sweida village beside two that only fold like one place each, not the town by Damascus; "al-Hol and
    Areesha camps" beside "east of Aleppo city" is Hasakah's Areesha, which its list partner places."""
    text = ("IS fighters stormed a string of villages to the north-east of Sweida city on Wednesday, including Duma, "
            "Shbiki and Shreihi.")
    found = _by_mention(_events(extractor, text, published=dt.date(2018, 7, 25)))
    assert found["Duma"].admin1 == found["Shbiki"].admin1 == "As-Suwayda"
    text = ("Cholera cases rose on Sunday. Partners scaled up water trucking in al-Hol and Areesha camps and repaired "
            "the Al-Khafsa water plant, east of Aleppo city.")
    found = _by_mention(_events(extractor, text, published=dt.date(2022, 12, 7)))
    assert found["Areesha"].admin1 == "Hasakah"


def test_abbasiyyin_square_is_in_damascus(extractor: Extractor) -> None:
    """"near Abbasiyeen Square and in Bab Touma" is the Damascus square, not a Daraa quarter."""
    text = ("Mortar shells struck Damascus on Tuesday. The shells struck near Abbasiyeen Square and in Bab Touma, "
            "wounding 11. Clashes continued around Sheikh Miskin in Daraa.")
    found = _by_mention(_events(extractor, text, published=dt.date(2015, 1, 27)))
    assert found["Abbasiyeen Square"].admin1 == "Damascus"


def test_a_plea_on_a_government_and_a_ministry_s_seat_are_background(extractor: Extractor) -> None:
    """"called on Damascus to recognise" and "asked Moscow to halt" name governments; "the Ministry of
    Emergency and Disaster Management in Damascus dispatched" names its seat."""
    text = ("The SDF called on Damascus to recognise the administration after the battle in Baghouz. Turkey asked "
            "Moscow to halt the offensive on Idlib. The Ministry of Emergency and Disaster Management in Damascus "
            "dispatched machinery to drain flooded roads in Jableh.")
    roles = {e.mention: e.role for e in _events(extractor, text, published=dt.date(2019, 3, 23))}
    assert roles == {"Damascus": "mention", "Baghouz": "event", "Turkey": "mention", "Moscow": "mention",
                     "Idlib": "event", "Jableh": "event"}


def test_where_aircraft_had_flown_from_and_an_offensive_was_launched_from(extractor: Extractor) -> None:
    """"helicopters that took part in the operation had flown from the coalition base in al-Shaddadi",
    "the aircraft had flown in from the coalition's Kharab al-Jir base" and "launched the offensive on
    March 21 from bases around Rabia" name where forces came from, not where they struck."""
    text = ("A raid hit Atmeh on Friday. Residents said helicopters that took part in the operation had flown from the coalition base in "
            "al-Shaddadi. Witnesses said the aircraft had flown in from the coalition's Kharab al-Jir base before "
            "striking Jarablus. Rebels launched the offensive on March 21 from bases around Rabia, opening a front in Kasab.")
    roles = {e.mention: e.role for e in _events(extractor, text, published=dt.date(2014, 3, 23))}
    assert (roles["al-Shaddadi"], roles["Kharab al-Jir"], roles["Rabia"]) == ("mention", "mention", "mention")
    assert (roles["Jarablus"], roles["Kasab"]) == ("event", "event")


def test_a_name_told_where_it_comes_from_is_a_person(extractor: Extractor) -> None:
    """"Hardani, originally from the Iraqi city of Fallujah" is a man, not the village Hardana."""
    text = ("A coalition raid killed an ISIS leader on Friday in the city of al-Bab, east of Aleppo. Residents told The "
            "New Arab that Hardani, originally from the Iraqi city of Fallujah, had lived in al-Bab for several years.")
    assert "Hardani" not in {e.mention for e in _events(extractor, text, published=dt.date(2025, 7, 25))}


def test_sajur_front_and_euphrates_villages_by_their_news_names(extractor: Extractor) -> None:
    """News names of villages on the Manbij fronts: "Arab Hassan", "Aoun al-Dadat", "Shuyukh"."""
    text = ("Shells landed in fields near Arab Hassan on Tuesday. Civilians were released near the village of Aoun "
            "al-Dadat, north of Manbij. Turkish artillery shelled the town of Shuyukh, west of Kobani.")
    found = _by_mention(_events(extractor, text, published=dt.date(2018, 12, 26)))
    assert (found["Arab Hassan"].place, found["Aoun al-Dadat"].place, found["Shuyukh"].place) == \
        ("Arab Hasan Kabir", "Dadat", "Shuyukh Tahtani")


def test_an_airbase_aircraft_flew_out_of_and_the_town_it_lies_by_are_background(extractor: Extractor) -> None:
    """"jets flying out of the Hmeimim Airbase near Jableh conducted airstrikes around Rabia": the base is
    where they came from and Jableh only says where the base is; "crossed into Syria near the town of
    Hader" still places the crossing by Hader (a country is no place to lie by)."""
    text = ("Russian fighter jets flying out of the Hmeimim Airbase near Jableh conducted over 40 airstrikes on rebel "
            "positions around Rabia. Hundreds of Druze crossed the fence into Syria near the town of Hader on Wednesday.")
    roles = {e.mention: e.role for e in _events(extractor, text, published=dt.date(2016, 1, 24))}
    assert roles == {"Hmeimim Airbase": "mention", "Jableh": "mention", "Rabia": "event", "Syria": "mention",
                     "Hader": "event"}


def test_related_links_run_into_scraped_text_after_a_view_count(extractor: Extractor) -> None:
    """Scraped pages run their related links into the text: "Print Tweet Views 458 Related Blast Occurs at
    Syrian Army Checkpoint in Damascus" tells of another story, not of Damascus."""
    text = ("32 killed in Syrias Daraa NGO Friday 15 Aug 2014 Print Tweet Views 458 Related Blast Occurs at Syrian Army "
            "Checkpoint in Damascus - Reports. Shelling killed 32 people in Daraa on Friday.")
    roles = [(e.mention, e.role) for e in _events(extractor, text, published=dt.date(2014, 8, 15))]
    assert ("Damascus", "mention") in roles and ("Daraa", "event") in roles


def test_people_from_the_towns_of_a_list_and_people_taken_out_of_them(extractor: Extractor) -> None:
    """"Fighters from the neighbouring towns of Inkhil and Nawa joined the battle in Jasim": their homes;
    "buses evacuated sick and wounded residents from the besieged towns of al-Fuaa and Kafraya": the
    evacuation happened there."""
    text = "Fighters from the neighbouring towns of Inkhil and Nawa joined the battle in Jasim on Saturday."
    roles = {e.mention: e.role for e in _events(extractor, text, published=dt.date(2022, 10, 15))}
    assert roles == {"Inkhil": "mention", "Nawa": "mention", "Jasim": "event"}
    text = ("Buses evacuated sick and wounded residents from the besieged towns of al-Fuaa and Kafraya on Wednesday, "
            "as rebels left Madaya.")
    roles = {e.mention: e.role for e in _events(extractor, text, published=dt.date(2017, 4, 12))}
    assert roles["al-Fuaa"] == roles["Kafraya"] == "event"


def test_a_town_named_by_two_spellings_is_one_town(extractor: Extractor) -> None:
    """"Ras al-Ain" in a list of northern towns and "a car bomb exploded near a bakery in Ras al-Ayn" are the
    Hasakah town, not a Rural Damascus village also spelled Ras al-Ayn."""
    text = ("Turkey plans homes in Azaz, Jarablus, al-Bab, Tal Abyad and Ras al-Ain. Refugees fled Damascus years ago. "
            "On Monday, a car bomb exploded near a bakery in Ras al-Ayn, killing three civilians.")
    found = _by_mention(_events(extractor, text, published=dt.date(2022, 5, 24)))
    assert found["Ras al-Ayn"].admin1 == found["Ras al-Ain"].admin1 == "Hasakah"


def test_buildings_that_have_collapsed_are_events(extractor: Extractor) -> None:
    """"dozens of buildings have collapsed in the towns of Jindires, Salqin, Harem and Armanaz": an auxiliary
    between the noun and the verb still tells of the collapse."""
    text = "The civil defence says dozens of buildings have collapsed in the towns of Jindires, Salqin and Harem."
    roles = {e.mention: e.role for e in _events(extractor, text, published=dt.date(2023, 2, 6))}
    assert roles == {"Jindires": "event", "Salqin": "event", "Harem": "event"}


def test_that_year_is_the_last_year_the_text_wrote(extractor: Extractor) -> None:
    """"taking Yabroud on 16 March of that year" after "in the spring of 2014", and "Later that year" after
    "in November 2013": the year the text wrote last, not the publication's."""
    text = ("Hezbollah stormed the Qalamoun mountains in the spring of 2014, taking Yabroud on 16 March of that year. "
            "The army had taken Qara in November 2013. Later that year, jets struck Douma.")
    found = _by_mention(_events(extractor, text, published=dt.date(2023, 5, 1)))
    assert found["Yabroud"].date == "2014-03-16"
    assert (found["Douma"].date, found["Douma"].date_precision) == ("2013-01-01", "year")


def test_a_building_named_like_a_place_far_from_where_it_stands_is_left_out(extractor: Extractor) -> None:
    """"the Sheikh Saad market in al-Mezzeh" is no Daraa village, "the al-Quds hospital in the Sukkari
    neighbourhood" no Latakia quarter; the places they stand in stay, and a crossing "in Aleppo" (a
    governorate's name) keeps its place."""
    text = ("A shell struck the Sheikh Saad market in al-Mezzeh on Monday. The al-Quds hospital in the Sukkari "
            "neighbourhood was hit on Wednesday. Trucks crossed at the Bab al-Salam crossing in Aleppo on Monday.")
    places = {e.mention: e.admin1 for e in _events(extractor, text, published=dt.date(2016, 4, 28))}
    assert "Sheikh Saad" not in places and "al-Quds" not in places
    assert places["al-Mezzeh"] == "Damascus" and places["Bab al-Salam crossing"] == "Aleppo"


def test_an_outlet_named_like_a_village_that_documented_killings_is_no_event(extractor: Extractor) -> None:
    """"Nabaa has documented 19 killings in Daraa": the outlet, whatever village shares its name."""
    text = "Nabaa has documented 19 killings in Daraa since January."
    roles = {e.mention: e.role for e in _events(extractor, text, published=dt.date(2024, 3, 1))}
    assert roles.get("Nabaa", "mention") == "mention" and roles["Daraa"] == "event"


def test_martyrs_a_government_sending_fighters_fire_from_positions_and_a_conference_held(extractor: Extractor) -> None:
    """Activists' tolls ("Idlib: 14 martyrs, among them 6 in Saraqeb"); "Damascus is sending thousands of
    fighters from Idlib … to the coast"; "fired mortar shells from their positions in Jobar on … Abbasiyeen"
    (the Damascus quarter); "a press conference held in the town of Ain Issa"."""
    published = dt.date(2016, 3, 1)
    roles = {e.mention: e.role for e in _events(extractor, "Idlib: 14 martyrs, among them 6 in Saraqeb and 3 in Binnish.",
                                                published=published)}
    assert (roles["Saraqeb"], roles["Binnish"]) == ("event", "event")
    text = "Damascus is sending thousands of fighters from Idlib and Hama to the coast, where clashes erupted in Jableh."
    roles = {e.mention: e.role for e in _events(extractor, text, published=published)}
    assert roles == {"Damascus": "mention", "Idlib": "mention", "Hama": "mention", "Jableh": "event"}
    text = "Terrorists fired mortar shells from their positions in Jobar on residential neighbourhoods in Abbasiyeen, killing two."
    found = _by_mention(_events(extractor, text, published=published))
    assert found["Jobar"].role == "mention" and (found["Abbasiyeen"].role, found["Abbasiyeen"].admin1) == ("event", "Damascus")
    text = "The SDF announced the start of the battle at a press conference held in the town of Ain Issa."
    assert [(e.mention, e.role) for e in _events(extractor, text, published=published)] == [("Ain Issa", "mention")]


def test_a_place_s_own_day_in_its_relative_clause(extractor: Extractor) -> None:
    """"launched its offensive on June 19, starting with Busra al-Harir, which it seized on June 26": Busra
    al-Harir's day is June 26; a period's start ("which had been besieged since 2 January") is no day."""
    text = "The army launched its offensive in eastern Daraa on June 19, starting with Busra al-Harir, which it seized on June 26."
    found = _by_mention(_events(extractor, text, published=dt.date(2018, 7, 1)))
    assert found["Busra al-Harir"].date == "2018-06-26"
    text = "Jets struck al-Atarib, which had been besieged since 2 January, on Monday."
    assert [e.date for e in _events(extractor, text, published=dt.date(2018, 7, 4))] == ["2018-07-02"]


def test_this_morning_in_a_later_clause_dates_its_own_places(extractor: Extractor) -> None:
    """"seized the Masaken Hanano district on Saturday, … and pushed on this morning into Jabal Badro":
    Jabal Badro is of the publication day, Masaken Hanano of Saturday."""
    text = ("Pro-government forces seized the Masaken Hanano district on Saturday, and pushed on this morning into "
            "Jabal Badro and al-Haydariya, a monitoring group said.")
    dates = {e.mention: e.date for e in _events(extractor, text, published=dt.date(2016, 11, 27))}
    assert dates == {"Masaken Hanano": "2016-11-26", "Jabal Badro": "2016-11-27", "al-Haydariya": "2016-11-27"}


def test_a_lead_without_a_day_takes_the_day_of_the_next_sentence_that_tells_it_again(extractor: Extractor) -> None:
    """"At least 31 civilians were killed when air strikes hit a market in Maaret al-Numan. The raids on
    Monday morning struck the market …": the lead's event, and the headline's, are Monday's."""
    text = ("Air raids on market in Syria's Maaret al-Numan kill dozens\n\n"
            "At least 31 civilians were killed when air strikes hit a crowded vegetable market in the rebel-held town "
            "of Maaret al-Numan, according to rescuers.\n\n"
            "The raids on Monday morning struck the market and the homes around it, the civil defence said.")
    assert {e.date for e in _events(extractor, text, published=dt.date(2019, 7, 23)) if e.mention == "Maaret al-Numan"} \
        == {"2019-07-22"}
