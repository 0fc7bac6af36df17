"""People, organisations and plain words whose names spell like Syrian villages are not places;
real places in the same wording stay. Texts are written for these tests."""

from __future__ import annotations

import datetime as dt

from geomap.model import Article, Event
from geomap.pipeline import Extractor

PUBLISHED = dt.date(2017, 5, 4)


def _events(extractor: Extractor, text: str) -> list[Event]:
    return extractor.events(Article(id="t", text=text, published=PUBLISHED))


def _mentions(extractor: Extractor, text: str) -> set[str]:
    return {e.mention for e in _events(extractor, text)}


def test_a_name_after_a_title_is_a_person(extractor: Extractor) -> None:
    mentions = _mentions(extractor, "Governor Diab visited the wounded on Tuesday after shelling in Hama killed "
                                    "five people. The hospital surgeon Dr. Darwish was among the dead. His brother "
                                    "Bassil said the governor of Homs had sent ambulances.")
    assert not mentions & {"Diab", "Darwish", "Bassil"}
    assert {"Hama", "Homs"} <= mentions


def test_a_minor_name_before_a_speech_verb_is_a_person(extractor: Extractor) -> None:
    events = _events(extractor, "\"The commander has been held for four months,\" Afisi told reporters on Tuesday. "
                                "Al-Barazi, whose remarks came during a visit, said clashes hit Taftanaz. "
                                "Damascus said the strikes hit militants. Gunmen in Sarmin and Atshan who "
                                "attacked a checkpoint were killed.")
    roles = {(e.mention, e.role) for e in events}
    assert not {e.mention for e in events} & {"Afisi", "Barazi", "Al-Barazi"}
    assert ("Damascus", "mention") in roles  # a capital speaking is background, not a person
    assert {"Taftanaz", "Sarmin", "Atshan"} <= {e.mention for e in events}  # "Atshan who": a list of places


def test_a_given_name_before_a_surname_is_a_person(extractor: Extractor) -> None:
    mentions = _mentions(extractor, "Riad Hijab, coordinator of the opposition delegation, wrote that air strikes "
                                    "hit Saraqib on Tuesday.\nPhoto: Hazem Sabbagh\nClashes broke out at the "
                                    "al-Omar oil field east of Deir ez-Zor.")
    assert not mentions & {"Riad", "Hazem"}
    assert {"Saraqib", "al-Omar oil field", "Deir ez-Zor"} <= mentions  # after "al-", a given name is a family's or a place's


def test_a_surname_stays_the_persons_later_in_the_article(extractor: Extractor) -> None:
    mentions = _mentions(extractor, "Thousands protested in Idlib against Abu Mohammad al-Golani on Friday. The "
                                    "protests, the largest challenge to Golani's grip, spread to Binnish. Civil defence "
                                    "chief Raed al-Saleh said fires hit Latakia. The fires spread, al-Saleh said.")
    assert mentions == {"Idlib", "Binnish", "Latakia"}  # not Qola nor Sali, villages spelled alike


def test_a_name_before_an_organisation_noun_is_an_organisation(extractor: Extractor) -> None:
    mentions = _mentions(extractor, "According to the Kurdish Hawar news agency, clashes erupted near Tabqa on "
                                    "Tuesday. Officials met at al-Baath party's building in Aleppo. Fighters of the "
                                    "al-Sham Legion and the Hazm movement reinforced the Hama front. Rebels shelled "
                                    "the so-called Deir Ezzor Airport Front. Idlib news: shelling hit Saraqib.")
    assert not mentions & {"Hawar", "Baath", "al-Baath", "Sham", "al-Sham", "Hazm", "Deir Ezzor Airport", "Ezzor Airport"}
    assert {"Tabqa", "Aleppo", "Hama", "Idlib", "Saraqib"} <= mentions


def test_english_words_on_a_loose_key_are_not_places(extractor: Extractor) -> None:
    text = ("Blast Occurs Near Bus Convoy Leaving Besieged Towns\n"
            "Aid to the Church in Need said that mercenaries from CIS countries were killed after militants "
            "captured Base 46 in Fierce Fighting. Warplanes struck a school in the village of Hass on Tuesday.")
    mentions = _mentions(extractor, text)
    assert not mentions & {"Bus", "Need", "CIS", "Base", "Fierce"}
    assert "Hass" in mentions  # an English word written as the village's name, in a place context


def test_the_islamic_state_by_its_full_name_is_not_a_place(extractor: Extractor) -> None:
    mentions = _mentions(extractor, "Fighters of the Islamic State of Iraq and al-Sham attacked army posts in "
                                    "Deir ez-Zor on Tuesday.")
    assert not mentions & {"Sham", "al-Sham", "Iraq"}
    assert "Deir ez-Zor" in mentions


def test_a_name_after_a_naming_phrase_is_a_person(extractor: Extractor) -> None:
    """"identified as Abu Obaida", "known as 'Abu Jaber'", "a man named Hamad" name people, even
    where a hamlet is spelled so; a notable place stays one ("the town known as Kobani")."""
    mentions = _mentions(extractor, "Three fighters, one identified as Abu Obaida of Tunisia, were killed in an ambush "
                                    "in al-Ghabra village. The council appointed Hashem al-Sheikh, also known as "
                                    "\"Abu Jaber\", as leader. A man named Hamad was killed in Saraqib.")
    assert not mentions & {"Abu Obaida", "Abu Jaber", "Hamad"}
    assert {"al-Ghabra", "Saraqib"} <= mentions
    assert "Kobani" in _mentions(extractor, "The town known as Kobani was shelled on Tuesday.")


def test_a_name_after_a_neighbours_adjective_lies_in_that_country(extractor: Extractor) -> None:
    """"Iraqi Sinjar" is not the Idlib village spelled so but the Iraqi town; a city abroad stays ("the Turkish border
    town of Kilis"); a people's adjective before a Syrian place does not glue to it ("the
    Palestinian Yarmouk camp", "Kurdish Afrin"), nor does a country with bases in Syria ("the
    Russian Hmeimim base")."""
    found = _mentions(extractor, "Strikes killed 10 militants near Iraqi Sinjar. Shells fell on the Turkish border town "
                                 "of Kilis. Shelling hit the Palestinian Yarmouk camp and Kurdish Afrin. Drones "
                                 "attacked the Russian Hmeimim base.")
    assert {"Sinjar", "Kilis", "Yarmouk camp", "Afrin", "Hmeimim"} <= found
    assert [e.admin1 for e in _events(extractor, "Strikes killed 10 militants near Iraqi Sinjar.")] == [None]
    # Nor is the name a candidate for a near spelling in the story's area: Harmel is a Tartus village.
    lebanese = _events(extractor, "Shelling hit Tartus on Monday. Two rockets fired from Syria slammed into the "
                                  "Lebanese town of Hermel late on Tuesday, wounding a child.")
    assert [(e.place, e.admin1) for e in lebanese if e.mention == "Hermel"] == [("El Hermel", None)]


def test_the_generic_head_of_an_unknown_name_is_no_place(extractor: Extractor) -> None:
    # The gazetteer lacks "Jabal al-Bishra" and "Tell al-Sultan": their heads alone fold onto Jablah and Tal villages.
    found = _mentions(extractor, "Clashes hit Sweida on Monday near Jabal al-Bishra. Shelling hit Tell al-Sultan and al-Bab.")
    assert found == {"Sweida", "al-Bab"}


def test_a_square_lies_in_its_city_and_a_region_may_follow_the(extractor: Extractor) -> None:
    events = _events(extractor, "Hundreds of people gathered in al-Karama Square in As-Suwayda city on Thursday. "
                                "IS cells attacked troops in the Badia east of Homs.")
    places = {e.mention: (e.place, e.role) for e in events}
    assert not {"Karama", "al-Karama"} & set(places)  # a village in Raqqa, 400 km away
    assert places["As-Suwayda"][1] == "event"
    assert places["Badia"][0] == "Badia"
    roundabout = _events(extractor, "In Raqqa city, residents gathered at the al-Naim roundabout on Monday to protest.")
    assert {e.admin1 for e in roundabout} == {"Raqqa"}  # not Naem, a Homs village 275 km away


def test_families_tribes_forces_and_feasts_are_not_places(extractor: Extractor) -> None:
    found = _mentions(extractor, "Three brothers from the Bisho family were killed in Qamishli. Members of the Shaitat "
                                 "tribe fled. Iran's Quds Force commander visited Damascus. Kurds celebrated Nowruz.")
    assert found == {"Qamishli", "Damascus", "Iran"}


def test_agency_acronyms_and_page_furniture_are_no_event_places(extractor: Extractor) -> None:
    events = _events(extractor, "DEIR EZZOR, (SANA)- Four civilians were killed when shells hit Mayadin. Related Posts "
                                "Army units eliminate terrorists in Homs and Aleppo. Tags: Jableh, Tartus")
    roles = {e.mention: e.role for e in events}
    assert "SANA" not in roles
    assert roles["Mayadin"] == "event"
    assert roles["Homs"] == roles["Aleppo"] == roles["Jableh"] == roles["Tartus"] == "mention"


def test_a_related_links_heading_on_its_own_line_heads_the_links_below_it(extractor: Extractor) -> None:
    """"Related news" alone on its line, then one link a line: every link is page furniture, up to
    the blank line; the article's own sentences are not."""
    text = ("Jets struck Ariha on Monday, killing five people.\n\nRelated news\n"
            "• Turkish drone kills SDF commander in Qamishli\n• Protests in Suwayda over fuel prices\n\n"
            "Shelling also hit Saraqib on Monday.")
    roles = {e.mention: e.role for e in _events(extractor, text)}
    assert roles == {"Ariha": "event", "Qamishli": "mention", "Suwayda": "mention", "Saraqib": "event"}
    # "Related" alone, "Most read": the same.
    text = ("Jets struck Ariha on Monday, killing five people.\n\nRelated\n"
            "- Turkey says observation post near Morek targeted again\n\nMost read\n"
            "- Military Operations Command announces curfew in Homs\n")
    assert {e.mention: e.role for e in _events(extractor, text)} == {"Ariha": "event", "Turkey": "mention", "Morek": "mention",
                                                                  "Homs": "mention"}


def test_an_unknown_word_opening_a_sentence_before_a_name_makes_it_a_person(extractor: Extractor) -> None:
    """"Rahmi Dogan, the Hatay governor": no English word and no place opens that sentence, so
    the name goes on from it (Dogan is no Duqan); a place opening it still leaves the next one a
    place ("Homs Akrameh neighbourhood")."""
    mentions = _mentions(extractor, "Rahmi Dogan, the Hatay governor, said the soldiers were killed near Idlib. "
                                    "Rahmi Dogan said more troops were sent to Aleppo. "
                                    "Shelling hit Homs on Monday. Homs Akrameh neighbourhood was shelled on Tuesday.")
    assert "Dogan" not in mentions
    assert {"Idlib", "Akrameh"} <= mentions


def test_a_name_described_as_a_person_is_a_person(extractor: Extractor) -> None:
    """"Abu Omar, a teacher who had lived there": the apposition says who he is; "Saraqib, a town
    in Idlib" and "Turkey, a NATO member" stay places."""
    mentions = _mentions(extractor, "\"We are leaving our city,\" Abu Omar, a teacher who had lived in Aleppo, said. "
                                    "Shelling hit Saraqib, a town in Idlib province. Turkey, a NATO member, sent troops.")
    assert "Abu Omar" not in mentions
    assert {"Aleppo", "Saraqib", "Turkey"} <= mentions
    # With her age, or "the" and a post; the same name later is the same person's. A place
    # after "in" stays a place before "the spokesman said".
    mentions = _mentions(extractor, "Samira, a 51-year-old mother of three, said gunmen took her husband in Baniyas. "
                                    "For Samira, the explanations mean little. Mazloum Abdi, the SDF commander-in-chief, "
                                    "said Turkish strikes hit Qamishli. Abdi warned of a ground invasion. "
                                    "Ghazal Ghazal, the head of the Alawite council, called for protests in Latakia. "
                                    "Clashes went on in Idlib, the spokesman said.")
    assert not mentions & {"Samira", "Abdi", "Ghazal", "Ghazal Ghazal"}
    assert {"Baniyas", "Qamishli", "Latakia", "Idlib"} <= mentions


def test_a_kunya_said_or_set_off_by_commas_is_a_person(extractor: Extractor) -> None:
    """"Abu" or "Umm" and a given name is how people are called ("said Abu Omar", "the commander,
    Abu Hussein, said"), though villages bear such names; an age set off by commas says a person
    too ("Fatima, 32, who arrived"). A village of that name in a place context stays a place."""
    mentions = _mentions(extractor, "Rebels in Syria's Idlib province pushed east. \"The cellars are not safe,\" said Abu "
                                    "Omar, 45, a father of four from Douma. The commander of Faylaq al-Sham in the area, Abu "
                                    "Hussein, said that the factions stormed Tadef. \"We walked for days,\" said Fatima, 32, "
                                    "who arrived in Akcakale. Umm Khaled told reporters the shelling hit Saraqib.")
    assert not mentions & {"Abu Omar", "Abu Hussein", "Fatima", "Umm Khaled"}
    assert {"Douma", "Tadef", "Akcakale", "Saraqib"} <= mentions
    for text in ("Jets struck the village of Abu Omar in Syria's Idlib province on Monday.",
                 "In Syria's Idlib province, Russian jets carried out raids on Abu Omar on Friday night.",
                 "In Syria's Idlib province, residents of Abu Omar said the shelling went on."):
        assert "Abu Omar" in _mentions(extractor, text)


def test_a_post_with_a_possessive_and_more_given_names(extractor: Extractor) -> None:
    """"Mazloum Abdi, the SDF's commander-in-chief" is a person (and so is "Abdi" later); an acronym
    listed after a place ("In Daraa, ACLED records …") is no unknown place."""
    mentions = _mentions(extractor, "Turkish strikes hit Qamishli in Syria on Monday. Mazloum Abdi, the SDF's "
                                    "commander-in-chief, called it a war crime. Abdi, who was born in Kobani, spoke "
                                    "on Tuesday. In Daraa, ACLED records 11 attacks this week. Government of Syria (GoS) "
                                    "forces shelled Kafr Nabudah.")
    assert not mentions & {"Abdi", "Mazloum Abdi", "ACLED", "GoS"}
    assert {"Qamishli", "Kobani", "Daraa"} <= mentions
    # A people's adjective before a noun is no unknown place; an operations room named after places is a group.
    mentions = _mentions(extractor, "After talks in the Kazakh capital failed, jets struck Kafr Nabuda in Syria on Monday. "
                                    "The Hawar Kilis operations room said its fighters took Qabasin.")
    assert not mentions & {"Kazakh", "Hawar Kilis", "Hawar", "Kilis"}
    assert {"Kafr Nabuda", "Qabasin"} <= mentions
    # An armed group abroad, a news agency and a think tank whose names fold onto villages.
    mentions = _mentions(extractor, "Houthi forces attacked Marib in Yemen on Monday. Jets struck Kafr Nabl in Syria, "
                                    "TASS said, and ISW analysts said the strikes hit Saraqib.")
    assert not mentions & {"Houthi", "TASS", "ISW"} and {"Kafr Nabl", "Saraqib"} <= mentions


def test_outlets_and_credit_lines_are_not_places(extractor: Extractor) -> None:
    """"the Hawar agency", "Zaman al-Wasl" are outlets; "Editing by Hogir Al-Abdo" alone on its line
    credits an editor."""
    mentions = _mentions(extractor, "A drone hit a car near Sheikh Issa, according to the Hawar agency. "
                                    "A Zaman al-Wasl investigation found trucks diverted in Jindires.\n\n"
                                    "Reporting by Mohammed Hussein in Tal Tamr\nEditing by Hogir Al-Abdo\n")
    assert not mentions & {"Hawar", "Zaman", "Zaman al-Wasl", "Mohammed Hussein", "Hussein", "Al-Abdo"}
    # A newspaper whose name, without its article, is a spelling of As-Safira.
    assert _mentions(extractor, "Residents who stayed in Yabroud told As-Safir by telephone that troops entered.") == {"Yabroud"}
    assert {"Sheikh Issa", "Jindires", "Tal Tamr"} <= mentions
    # A city spelled as written stays itself before "agency".
    assert "Atlanta" in _mentions(extractor, "In Georgia, a coalition led by the Atlanta agency will draft a plan.")


def test_share_buttons_are_not_places(extractor: Extractor) -> None:
    """A scraped page's "Share: Facebook | Twitter | Google+" (Google folds like an Aleppo village)."""
    assert _mentions(extractor, "Jets struck al-Bab in Aleppo province on Monday.\nShare: Facebook | Twitter | Google+\n") == {
        "al-Bab", "Aleppo"}
