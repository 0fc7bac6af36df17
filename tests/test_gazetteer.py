"""The packaged gazetteer: every spelling of a place finds the right point, offline."""

from __future__ import annotations

import pytest

from geomap.errors import GazetteerError
from geomap.gazetteer import Area, Gazetteer, default_gazetteer, haversine_km, load_gazetteer
from geomap.names import normalize

# (spelling as written in news, expected point, kind) — points from OCHA / GeoNames / OurAirports.
SPELLINGS = [
    ("Tell Salmo", (35.726, 37.074), "settlement"), ("Tall Salmu", (35.726, 37.074), "settlement"),
    ("Tal Silmo", (35.726, 37.074), "settlement"),
    ("Abu al-Duhur", (35.739, 37.045), "settlement"), ("Abu az Zuhur", (35.739, 37.045), "settlement"),
    ("Abul Thohur", (35.739, 37.045), "settlement"), ("Abu ad-Duhur", (35.739, 37.045), "settlement"),
    ("Khuwayn al-Kabir", (35.479, 36.835), "settlement"), ("Big Khwein", (35.479, 36.835), "settlement"),
    ("Umm al-Khalakhil", (35.512, 36.881), "settlement"), ("Atshan", (35.406, 36.823), "settlement"),
    ("Maarrat al-Numan", (35.648, 36.676), "settlement"), ("Ma'arrat an Nu'man", (35.648, 36.676), "settlement"),
    ("Maarat al-Numan", (35.648, 36.676), "settlement"),
    ("Deir ez-Zor", (35.336, 40.14), "settlement"), ("Dayr az Zawr", (35.336, 40.14), "settlement"),
    ("Deir Ezzor", (35.336, 40.14), "settlement"),
    ("Raqqa", (35.95, 39.01), "settlement"), ("Ar-Raqqa", (35.95, 39.01), "settlement"), ("Raqqah", (35.95, 39.01), "settlement"),
    ("Manbij", (36.527, 37.955), "settlement"), ("Menbij", (36.527, 37.955), "settlement"),
    ("Palmyra", (34.56, 38.27), "settlement"), ("Tadmor", (34.56, 38.27), "settlement"), ("Tadmur", (34.56, 38.27), "settlement"),
    ("Jisr al-Shughur", (35.81, 36.32), "settlement"), ("Jisr ash-Shughur", (35.81, 36.32), "settlement"),
    ("Khan Sheikhoun", (35.44, 36.65), "settlement"), ("Khan Shaykhun", (35.44, 36.65), "settlement"),
    ("Aleppo", (36.20, 37.16), "settlement"), ("Halab", (36.20, 37.16), "settlement"),
    ("Homs", (34.73, 36.71), "settlement"), ("Hims", (34.73, 36.71), "settlement"),
    ("Hama", (35.13, 36.75), "settlement"), ("Hamah", (35.13, 36.75), "settlement"),
    ("Latakia", (35.52, 35.78), "settlement"), ("Lattakia", (35.52, 35.78), "settlement"),
    ("Tartus", (34.89, 35.89), "settlement"), ("Tartous", (34.89, 35.89), "settlement"),
    ("Daraa", (32.62, 36.10), "settlement"), ("Deraa", (32.62, 36.10), "settlement"), ("Dar'a", (32.62, 36.10), "settlement"),
    ("Qamishli", (37.05, 41.22), "settlement"), ("Al-Qamishli", (37.05, 41.22), "settlement"), ("Kamishli", (37.05, 41.22), "settlement"),
    ("Hasakah", (36.50, 40.75), "settlement"), ("Al-Hasakeh", (36.50, 40.75), "settlement"),
    ("Idleb", (35.93, 36.63), "settlement"), ("Saraqib", (35.86, 36.80), "settlement"), ("Saraqeb", (35.86, 36.80), "settlement"),
    ("Kafr Nabl", (35.61, 36.56), "settlement"), ("Kafranbel", (35.61, 36.56), "settlement"),
    ("Douma", (33.57, 36.40), "settlement"), ("Duma", (33.57, 36.40), "settlement"),
    ("Kobani", (36.89, 38.35), "settlement"), ("Ayn al-Arab", (36.89, 38.35), "settlement"), ("Kobane", (36.89, 38.35), "settlement"),
    ("Afrin", (36.51, 36.87), "settlement"), ("Azaz", (36.59, 37.04), "settlement"), ("A'zaz", (36.59, 37.04), "settlement"),
    ("Al-Bab", (36.37, 37.52), "settlement"), ("Jarablus", (36.82, 38.01), "settlement"),
    ("Tal Abyad", (36.70, 38.95), "settlement"), ("Tell Abiad", (36.70, 38.95), "settlement"),
    ("Ras al-Ayn", (36.85, 40.07), "settlement"), ("Ras al-Ain", (36.85, 40.07), "settlement"),
    ("Al-Mayadin", (35.02, 40.45), "settlement"), ("Mayadeen", (35.02, 40.45), "settlement"),
    ("Abu Kamal", (34.45, 40.92), "settlement"), ("Albu Kamal", (34.45, 40.92), "settlement"),
    ("Tabqa", (35.83, 38.55), "settlement"), ("Zabadani", (33.72, 36.10), "settlement"),
    ("Daraya", (33.46, 36.24), "settlement"), ("Darayya", (33.46, 36.24), "settlement"), ("Harasta", (33.56, 36.37), "settlement"),
    ("Sweida", (32.71, 36.57), "settlement"), ("As-Suwayda", (32.71, 36.57), "settlement"),
    ("Bosra", (32.52, 36.48), "settlement"), ("Salamiyah", (35.01, 37.05), "settlement"),
    ("Abu al-Duhur Airbase", (35.732, 37.104), "airbase"), ("Abu ad Duhur Air Base", (35.732, 37.104), "airbase"),
    ("Idlib province", (35.86, 36.57), "admin1"), ("Moscow", (55.75, 37.62), "city"), ("Ankara", (39.93, 32.86), "city"),
    ("Turkey", (39.0, 35.2), "country"),
    # Landmarks the sources lack, curated in gazetteer/aliases.csv; and spellings the news uses for source places.
    ("Jaber border crossing", (32.545, 36.205), "landmark"), ("Bab al-Salameh crossing", (36.632, 37.05), "landmark"),
    ("Tishrin Dam", (36.38, 38.183), "landmark"), ("Euphrates Dam", (35.867, 38.567), "landmark"),
    ("Jabal al-Sheikh", (33.40, 35.87), "landmark"), ("Jabal al-Bishri", (35.37, 39.33), "landmark"),
    ("Ghweiran", (36.49, 40.745), "neighbourhood"), ("Masaken Hanano", (36.234, 37.206), "neighbourhood"),
    ("Rmelan", (37.007, 41.950), "settlement"), ("Alouk", (36.858, 40.149), "settlement"),
    ("al-Wafideen camp", (33.598, 36.432), "settlement"),
    ("Jabal al-Arab", (32.65, 36.72), "region"), ("Yarmouk Valley", (32.75, 35.95), "region"),
    ("al-Omar oil field", (35.00, 40.56), "landmark"), ("Conoco gas field", (35.30, 40.33), "landmark"),
    ("al-Baghouz", (34.47, 40.95), "settlement"), ("Hatay", (36.206, 36.157), "city"),
    # City neighbourhoods as the news spells them (OCHA spells them "Salah Ad-Deen", "Bustan Al-Qaser"…).
    ("Salaheddine", (36.181, 37.123), "neighbourhood"), ("Bustan al-Qasr", (36.191, 37.142), "neighbourhood"),
    ("al-Siryan", (36.219, 37.149), "neighbourhood"), ("Bab Sbaa", (34.722, 36.718), "neighbourhood"),
    # Kurdish spellings; the crossing rather than the villages called Bab al-Hawa; the camp, not its GeoNames twin.
    ("Tirbespiyê", (37.029, 41.543), "settlement"), ("Swêdiyê", (36.955, 42.158), "settlement"),
    ("Bab al-Hawa", (36.230, 36.673), "landmark"), ("Rukban", (33.31, 38.70), "landmark"),
    ("Bekaa", (33.85, 35.90), "region"), ("Hamidiyah market", (33.511, 36.304), "neighbourhood"),
    ("Albukamal", (34.455, 40.917), "settlement"), ("Qereqozax", (36.635, 38.21), "settlement"),
    ("al-Hosn", (34.786, 36.272), "settlement"), ("Beit Sahem", (33.471, 36.338), "settlement"),
    ("Harjalla", (33.372, 36.314), "settlement"),
    # Spellings of Erbil and Hermel that Syrian hamlets share or fold onto; Aleppo's classical names
    # are no longer its own, so Bara is the Idlib town; the activists' "Damascus Suburbs".
    ("Irbil", (36.19, 44.01), "city"), ("Arbil", (36.19, 44.01), "city"), ("Hermel", (34.394, 36.385), "city"),
    ("Bara", (35.68, 36.53), "settlement"), ("Damascus Suburbs", (33.60, 36.38), "admin1"),
    # Damascus's Jobar, not the Homs village Jober; the neighbours' border regions, camps and towns.
    ("Jobar", (33.526, 36.336), "neighbourhood"), ("Akkar", (34.53, 36.10), "region"),
    ("Wadi Khaled", (34.62, 36.28), "region"), ("Anbar province", (33.40, 42.00), "region"),
    ("Nineveh", (36.30, 42.60), "region"), ("Iraqi Kurdistan", (36.40, 44.20), "region"),
    ("Mount Shingal", (36.37, 41.75), "region"), ("Zaatari", (32.30, 36.32), "landmark"),
    ("Azraq camp", (31.91, 36.58), "landmark"), ("Beit Shean", (32.50, 35.50), "city"),
    # Crossings, camps and airfields that strike and aid reports name and the sources lack; Quneitra's
    # centre by its other name; Tiyas air base by what news calls it.
    ("Masnaa crossing", (33.69, 35.92), "landmark"), ("Arida crossing", (34.63, 35.98), "landmark"),
    ("Al-Qaem crossing", (34.44, 40.95), "landmark"), ("al-Hamdan airport", (34.48, 40.88), "airbase"),
    ("Minet al-Beida", (35.59, 35.78), "landmark"), ("Roj camp", (37.00, 42.09), "landmark"),
    ("Madinat al-Baath", (33.171, 35.873), "settlement"), ("T4 airport", (34.523, 37.630), "airbase"),
    ("T4 base", (34.523, 37.630), "airbase"), ("Deir e-Zor", (35.338, 40.140), "settlement"),
    ("Marea", (36.483, 37.195), "settlement"),
    # Turkish border towns and crossings, and Iraqi places, that Turkish outlets name and the world layer lacks.
    ("Karkamış", (36.83, 38.00), "city"), ("Cilvegözü", (36.24, 36.69), "landmark"), ("Öncüpınar", (36.64, 37.08), "landmark"),
    ("Yayladağı", (35.90, 36.06), "city"), ("Altinozu", (36.11, 36.25), "city"), ("Qandil", (36.50, 45.00), "region"),
    ("Makhmour", (35.78, 43.58), "city"), ("Shingal", (36.32, 41.86), "city"),
    # City quarters the wartime news names that the sources lack.
    ("Inshaat", (34.722, 36.700), "neighbourhood"), ("Tariq al-Bab", (36.205, 37.180), "neighbourhood"),
    ("Raml camp", (35.505, 35.780), "neighbourhood"), ("al-Mishlab", (35.945, 39.045), "neighbourhood"),
    # Army bases and hills of the ISIS years.
    ("Division 17", (36.00, 39.02), "airbase"), ("Brigade 93", (36.36, 38.87), "airbase"),
    ("Brigade 137", (35.31, 40.06), "airbase"), ("Jabal Tharda", (35.26, 40.20), "landmark"),
    # The Kurdish outlets' area north of Aleppo, and Kobani's hill.
    ("Şehba region", (36.47, 37.10), "region"), ("Shahba region", (36.47, 37.10), "region"),
    ("Mishtanur", (36.88, 38.36), "landmark"), ("Mistanour hill", (36.88, 38.36), "landmark"),
    # City quarters and roads of wartime Aleppo and Damascus that the sources lack or spell otherwise.
    ("Castello Road", (36.255, 37.155), "landmark"), ("Bab al-Nayrab", (36.194, 37.170), "neighbourhood"),
    ("Dahiyet al-Assad", (36.180, 37.080), "neighbourhood"), ("Karm al-Beik", (36.200, 37.180), "neighbourhood"),
    ("Rashidin", (36.172, 37.065), "neighbourhood"),
    ("Old City of Aleppo", (36.199, 37.158), "neighbourhood"), ("Rukneddine", (33.542, 36.299), "neighbourhood"),
    ("Old City of Damascus", (33.510, 36.309), "neighbourhood"),
    # Lebanese border towns of the Qusayr and Qalamoun battles, in the spellings news uses.
    ("Arsal", (34.18, 36.42), "city"), ("Ersal", (34.18, 36.42), "city"), ("Ras Baalbek", (34.26, 36.42), "city"),
    ("Labweh", (34.20, 36.35), "city"),
    # Quarters of besieged Old Homs.
    ("Bustan al-Diwan", (34.730, 36.717), "neighbourhood"), ("al-Qarabis", (34.745, 36.712), "neighbourhood"),
    # Places of well-known events that no source holds, or holds under another name.
    ("al-Lajat", (33.02, 36.45), "region"), ("al-Maqwas", (32.705, 36.585), "neighbourhood"),
    ("Lake Assad", (35.98, 38.25), "landmark"), ("Tokhar", (36.64, 37.98), "settlement"),
    ("Tel Shamiram", (36.63, 40.33), "settlement"), ("al-Qubeir", (35.18, 36.55), "settlement"),
    ("Jabal al-Aqra", (35.953, 35.969), "landmark"), ("Observatory 45", (35.88, 36.00), "landmark"),
    ("Ras al-Nabaa", (35.172, 35.945), "neighbourhood"), ("Ish al-Warwar", (33.545, 36.325), "neighbourhood"),
    ("1070 Apartment Project", (36.175, 37.115), "neighbourhood"), ("Jandoul roundabout", (36.235, 37.165), "landmark"),
    ("Tha'la military airport", (32.705, 36.413), "airbase"),
    ("Kefraya", (35.990, 36.678), "settlement"), ("al-Fuaa", (35.983, 36.702), "settlement"),
    # Wartime Raqqa.
    ("al-Naeem roundabout", (35.9515, 39.0115), "landmark"), ("Bab Baghdad", (35.951, 39.026), "landmark"),
    ("al-Rumaila", (35.955, 39.04), "neighbourhood"), ("Hisham bin Abdul Malik", (35.941, 39.019), "neighbourhood"),
    ("al-Eis", (35.994, 37.003), "settlement"), ("Menagh", (36.525, 37.047), "settlement"),
    # Quarters of Qamishli and Hasakah city that OCHA's neighbourhoods lack.
    ("al-Tayy", (37.035, 41.225), "neighbourhood"), ("Halko", (37.055, 41.245), "neighbourhood"),
    ("al-Nashwa", (36.49, 40.725), "neighbourhood"),
    # Daraa city's station district; the upper and lower villages of al-Baghouz.
    ("Daraa al-Mahatta", (32.619, 36.113), "neighbourhood"), ("Baghouz al-Tahtani", (34.457, 40.959), "settlement"),
    # Iraqi towns of the border region in their English spellings.
    ("Dohuk", (36.866, 42.988), "city"), ("Tal Afar", (36.377, 42.449), "city"), ("Zakho", (37.144, 42.682), "city"),
    # Places the February 2023 earthquake reports name: a Harem-district town, Latakia's northern Raml, Aleppo's citadel.
    ("Bsania", (36.177, 36.487), "settlement"), ("al-Raml al-Shamali", (35.545, 35.775), "neighbourhood"),
    ("Aleppo Citadel", (36.199, 37.163), "landmark"),
    # Landmarks of Aleppo, Damascus and Daraa that reports name, and the prison quarter of Hasakah as Kurdish outlets spell it.
    ("Saadallah al-Jabiri Square", (36.2085, 37.1505), "landmark"), ("al-Omari Mosque", (32.6135, 36.1035), "landmark"),
    ("Great Mosque of Damascus", (33.5116, 36.3066), "landmark"), ("Gweiran", (36.49, 40.745), "neighbourhood"),
    # The bare "Golan" is the Heights, not the Aleppo village OCHA files as "Golan - Qurret Qawaqez"; the bare
    # "Mezzeh" the Damascus quarter, not the airport named for it; spellings the 2019 and 2025 reports use.
    ("Golan", (33.0, 35.77), "region"), ("Mezzeh", (33.516, 36.27), "settlement"), ("al-Jabin", (35.34, 36.513), "settlement"),
    ("Walga", (32.747, 36.527), "settlement"), ("Kafarsouseh", (33.49, 36.262), "neighbourhood"),
    ("Buqrus Fawqani", (35.07, 40.42), "settlement"), ("Wadi al-Deif", (35.63, 36.70), "airbase"),
    ("Zablatani", (33.5175, 36.3285), "neighbourhood"), ("Bab al-Saghir cemetery", (33.5053, 36.3025), "landmark"),
    ("al-Karama Square", (32.7088, 36.5663), "landmark"), ("Fakhr al-Din al-Maani castle", (34.5635, 38.2565), "landmark"),
    # Palmyra's monuments, al-Qaryatayn's monastery and the Badia road village as reports of 2015-2021 name them.
    ("Temple of Bel", (34.5475, 38.2735), "landmark"), ("Temple of Baalshamin", (34.5553, 38.2672), "landmark"),
    ("Tetrapylon", (34.5518, 38.2685), "landmark"), ("Palmyra amphitheatre", (34.5510, 38.2675), "landmark"),
    ("Mar Elian monastery", (34.23, 37.24), "landmark"), ("Kobajjep", (35.075, 39.678), "settlement"),
    # Quarters of wartime Aleppo as the 2012-2016 reports spell them.
    ("al-Shaar", (36.210, 37.186), "neighbourhood"), ("Jamiat al-Zahraa", (36.224, 37.099), "neighbourhood"),
    ("Bani Zeid", (36.228, 37.155), "neighbourhood"), ("al-Hellok", (36.223, 37.174), "neighbourhood"),
    ("Aleppo University", (36.210, 37.119), "neighbourhood"),
    # Qamishli by its Syriac name and its prison; the Turkish side of the Kobani crossing.
    ("Beth Zalin", (37.048, 41.225), "settlement"), ("Allaya prison", (37.04, 41.22), "landmark"),
    ("Mürşitpınar", (36.925, 38.365), "landmark"),
    # Turkish and local names of Latakia's mountains and resort town.
    ("Bayırbucak", (35.82, 36.03), "region"), ("Slunfeh", (35.593, 36.195), "settlement"),
]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


@pytest.mark.parametrize(("name", "point", "kind"), SPELLINGS)
def test_spelling_resolves_within_5_km(gazetteer: Gazetteer, name: str, point: tuple[float, float], kind: str) -> None:
    best = gazetteer.lookup(name, limit=1)
    assert best, f"{name!r} not found"
    place = best[0].place
    distance = haversine_km(place.lat, place.lon, *point)
    assert distance <= (300 if kind == "country" else 5), f"{name!r} -> {place.name} ({place.kind}) {distance:.1f} km away"
    assert place.kind == kind


@pytest.mark.parametrize("name", ["Cilvegözü crossing", "Öncüpınar crossing"])
def test_the_turkish_sides_of_the_border_crossings_lie_abroad(gazetteer: Gazetteer, name: str) -> None:
    """A curated point beside the border must not be snapped to the nearest Syrian district."""
    place = gazetteer.lookup(name, limit=1)[0].place
    assert (place.kind, place.admin1) == ("landmark", None)


@pytest.mark.parametrize("group", ["Jaish al-Ahrar", "Failaq al-Sham", "Faylaq al-Sham", "Hayat Tahrir al-Sham",
                                   "Free Syrian Army", "Syrian Arab Army", "National Liberation Front"])
def test_armed_groups_are_not_places(gazetteer: Gazetteer, group: str) -> None:
    assert gazetteer.lookup(group) == []


def test_ambiguous_name_follows_governorate_context(gazetteer: Gazetteer) -> None:
    zarzurs = gazetteer.lookup("Zarzur", limit=10)
    assert len({c.place.admin1 for c in zarzurs}) >= 2, "the test needs a name in several governorates"
    for governorate in {c.place.admin1 for c in zarzurs if c.place.kind == "settlement"}:
        assert gazetteer.lookup("Zarzur", context=governorate, limit=1)[0].place.admin1 == governorate


def test_nearby_place_context_pulls_candidates(gazetteer: Gazetteer) -> None:
    near_khuwayn = gazetteer.lookup("Atshan", context="Khuwayn al-Kabir", limit=1)[0].place
    assert haversine_km(near_khuwayn.lat, near_khuwayn.lon, 35.479, 36.835) < 15
    far = gazetteer.lookup("Atshan", context=(37.0, 40.6), limit=1)[0].place
    assert haversine_km(far.lat, far.lon, 37.0, 40.6) < 25


def test_an_exact_spelling_inside_the_context_beats_a_variant_near_a_context_place(gazetteer: Gazetteer) -> None:
    """"Thiban" in a round-up that names Deir ez-Zor, where a Thiban lies, and Homs and Palmyra:
    not Debbin by Homs, which it only normalises like; a notable place spelled apart keeps its pull."""
    context = ["Deir ez-Zor", "Homs", "Palmyra", "Karm al-Zeitoun"]
    assert gazetteer.lookup("Thiban", limit=1)[0].match == "exact", "the test needs an exact Thiban"
    assert any(c.place.name == "Debbin" for c in gazetteer.lookup("Thiban", limit=10)), "and a variant elsewhere"
    best = gazetteer.lookup("Thiban", context=context, limit=1)[0]
    assert (best.place.name, best.place.admin1) == ("Thiban", "Deir ez-Zor")
    assert gazetteer.lookup("Sermin", context=["Idlib", "Saraqib"], limit=1)[0].place.name == "Sarmin"
    # "the small town of Dabiq in the northern Aleppo countryside", in a story that also tells of
    # Kobani: Dabiq, not the hamlet by Kobani whose Kurdish name "Debik" folds alike.
    best = gazetteer.lookup("Dabiq", context=["Aleppo", "Kobani"], limit=1)[0]
    assert best.match == "exact" and haversine_km(best.place.lat, best.place.lon, 36.54, 37.27) < 3


def test_a_hamlet_named_like_a_town_of_its_governorate_is_not_pulled_up_by_nearby_places(gazetteer: Gazetteer) -> None:
    """"Afrin" in a story set in Atarib and Aleppo city: the town of Afrin, not the Afrin hamlet by
    Aleppo city; "Hama" beside Damascus and Daraa: the city."""
    afrins = [c.place for c in gazetteer.lookup("Afrin", limit=10) if c.place.kind == "settlement"]
    assert len({p.id for p in afrins}) >= 2 and len({p.admin1 for p in afrins}) == 1, "the test needs two Aleppo Afrins"
    best = gazetteer.lookup("Afrin", context=Area(frozenset({"Aleppo", "Idlib"}), ((36.14, 36.83), (36.20, 37.16))),
                            limit=1)[0].place
    assert haversine_km(best.lat, best.lon, 36.51, 36.87) < 5
    # Nor, anywhere, a hamlet that shares a governorate's name: "Hama" by Damascus or "Quneitra" in Daraa
    # city, in a tally of the dead by governorate.
    tally = Area(frozenset({"Rural Damascus", "Damascus", "Daraa", "Hama", "Quneitra"}),
                 ((33.51, 36.29), (32.62, 36.11), (33.60, 36.38)))
    assert gazetteer.lookup("Hama", context=tally, limit=1)[0].place.importance > 0.5
    assert gazetteer.lookup("Quneitra", context=tally, limit=1)[0].place.importance > 0.5


def test_settlement_before_airbase_unless_asked(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Abu al-Duhur", limit=1)[0].place.kind == "settlement"
    assert gazetteer.lookup("Abu al-Duhur", kind="airbase", limit=1)[0].place.kind == "airbase"


def test_exact_over_variant_over_fuzzy(gazetteer: Gazetteer) -> None:
    exact = gazetteer.lookup("Khan Shaykhun", limit=1)[0]
    variant = gazetteer.lookup("Khan Sheikhun", limit=1)[0]
    fuzzy = gazetteer.lookup("Khan Shaykhunn al", limit=1)
    assert exact.match == "exact" and variant.match in ("exact", "variant")
    assert exact.score >= variant.score
    misspelt = gazetteer.lookup("Maarat al-Nouman", limit=1)[0]
    assert misspelt.place.name == exact.place.name or misspelt.place.admin1 == "Idlib"
    assert not fuzzy or fuzzy[0].score <= exact.score


def test_fuzzy_keeps_precision(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Xyzzyplugh") == []
    assert gazetteer.lookup("Kafr Nable", limit=1)[0].place.name == gazetteer.lookup("Kafr Nabl", limit=1)[0].place.name


def test_a_shared_first_word_makes_no_near_spelling(gazetteer: Gazetteer) -> None:
    """After a first word both share ("Mazraat", "Maarat"), the consonants decide: "Mazraat
    al-Qubeir" only shares "Mazraat" with "Mazra'at al-Qulay'ah" near Damascus; "Maaret al-Noaman"
    differs from "Maarat al-Numan" in its vowels alone."""
    assert not any(c.place.name == "Qleiah" for c in gazetteer.lookup("Mazraat al-Qubeir", context=["Rural Damascus"]))
    best = gazetteer.lookup("Maaret al-Noaman", limit=1)[0]
    assert best.place.name == "Maarat al-Numan" and best.match == "fuzzy"


def test_an_article_run_into_the_name_is_read_off(gazetteer: Gazetteer) -> None:
    """"Alwaer" is al-Waer, Homs's Wa'er neighbourhood, not a village that only looks alike; a name
    that itself starts with "Al" ("Aleppo", "Albu Kamal") is found as written first."""
    best = gazetteer.lookup("Alwaer", context=["Homs"], limit=1)[0]
    assert best.place.name == "Wa'er" and best.match == "variant"
    assert gazetteer.lookup("Aleppo", limit=1)[0].match == "exact"
    assert gazetteer.lookup("Alxq") == []


def test_a_name_written_with_its_article_is_spelled_as_the_gazetteers_with_or_without_it(gazetteer: Gazetteer) -> None:
    """Gazetteers drop the article at will: "al-Bayda" is spelled exactly as the Banyas village
    filed "Al Bayda" and as a Safita one filed "Bayda"; "Bayda" written bare is not "Al Bayda"."""
    def exact_ids(name: str) -> set[str]:
        return {c.place.id for c in gazetteer.lookup(name, limit=10, fuzzy=False) if c.match == "exact"}

    banyas_village = next(c.place.id for c in gazetteer.lookup("al-Bayda", context="Tartus", limit=10)
                          if c.place.admin2 == "Banyas")
    assert banyas_village in exact_ids("al-Bayda") and banyas_village in exact_ids("Al Bayda")
    assert banyas_village not in exact_ids("Bayda")
    assert exact_ids("Bayda") <= exact_ids("al-Bayda")


def test_a_seat_answers_to_its_subdistricts_name(gazetteer: Gazetteer) -> None:
    """OCHA files the town of Kasab (كسب) as "Kiseb" and its subdistrict, of the same Arabic name,
    as "Kasab": the town is spelled "Kasab" exactly too."""
    town = next(c for c in gazetteer.lookup("Kasab", kind="settlement", limit=5) if c.place.kind == "settlement")
    assert town.match == "exact" and haversine_km(town.place.lat, town.place.lon, 35.92, 35.98) < 3


def test_a_subdistricts_seat_spelled_only_by_another_source_is_the_seat(gazetteer: Gazetteer) -> None:
    """OCHA files the seat of Maskana subdistrict as "Maskana - Onaiza"; Who's On First's "Maskanah"
    is the seat, and outranks the villages elsewhere that are spelled Maskanah too."""
    best = gazetteer.lookup("Maskanah", limit=1)[0].place
    assert best.kind == "settlement" and haversine_km(best.lat, best.lon, 35.96, 38.04) < 3


def test_an_aleppo_quarter_the_sources_lack_is_found_beside_its_neighbours(gazetteer: Gazetteer) -> None:
    """Aleppo's Ard al-Hamra, beside al-Haydariya; a Rural Damascus village is spelled so too."""
    best = gazetteer.lookup("Ard al-Hamra", context=["Aleppo", "Haydariya"], limit=1)[0].place
    assert best.kind == "neighbourhood" and haversine_km(best.lat, best.lon, 36.226, 37.185) < 2


def test_a_quarter_ocha_spells_with_ei_answers_to_its_news_spelling(gazetteer: Gazetteer) -> None:
    """OCHA writes the long i of الحميدية as "ei" ("Hameidiyyeh"); news writes "al-Hamidiyeh"."""
    best = gazetteer.lookup("al-Hamidiyeh", context=["Homs", "Bab Hood"], limit=1)[0]
    assert best.match == "exact" and best.place.kind == "neighbourhood" and best.place.admin1 == "Homs"


def test_a_district_is_not_pulled_near_a_storys_places_by_its_middle_point(gazetteer: Gazetteer) -> None:
    """Menbij district's point lies 22 km from Deir Hafer, the town of Manbij 48 km: a story near
    Deir Hafer still means the town, not the middle of its district; asked for, the district."""
    deir_hafer = gazetteer.lookup("Deir Hafer", limit=1)[0].place
    assert gazetteer.lookup("Manbij", context=[deir_hafer], limit=1)[0].place.kind == "settlement"
    assert gazetteer.lookup("Manbij", context=[deir_hafer], kind="admin2", limit=1)[0].place.kind == "admin2"


def test_arabic_names(gazetteer: Gazetteer) -> None:
    place = gazetteer.lookup("خوين الكبير", limit=1)[0].place
    assert haversine_km(place.lat, place.lon, 35.479, 36.835) < 5
    assert gazetteer.lookup("أبو الظهور", limit=1)[0].place.admin1 == "Idlib"


def test_frequent_arabic_words_are_common_words_but_major_places_are_not(gazetteer: Gazetteer) -> None:
    common = gazetteer.common_words
    assert {normalize("الحربية"), normalize("عنيفة"), normalize("وإن")} <= common
    assert not {normalize("حلب"), normalize("إدلب"), normalize("بيروت"), normalize("البارة")} & common


def test_mapping_protocol_and_counts(gazetteer: Gazetteer) -> None:
    counts = gazetteer.counts()
    assert counts["admin1"] == 14 and counts["settlement"] > 5000 and counts["airbase"] >= 10 and counts["country"] > 100
    assert len(gazetteer) == sum(counts.values())
    first = next(iter(gazetteer))
    assert first.id in gazetteer and gazetteer.get(first.id) == first
    assert gazetteer.get("nope") is None and "nope" not in gazetteer


def test_a_remembered_lookup_is_the_same_and_callers_cannot_spoil_it(gazetteer: Gazetteer) -> None:
    first = gazetteer.lookup("Zarzour", fuzzy=False)
    expected = list(first)
    first.clear()  # a caller's list is its own
    assert gazetteer.lookup("Zarzour", fuzzy=False) == expected
    assert gazetteer.lookup("Zarzour", fuzzy=False, limit=2) == expected[:2]
    assert len(expected) >= 2 and gazetteer.lookup("Zarzour", fuzzy=False, context="Idlib")[0].place.admin1 == "Idlib"


def test_kinds_for_key_are_the_kinds_of_the_places_filed_under_it(gazetteer: Gazetteer) -> None:
    for name in ("Idlib", "Paris", "Zarzour", "Abu al-Duhur"):
        key = normalize(name)
        expected = {gazetteer.get(i).kind for i in gazetteer.ids_for_key(key)}
        assert expected and gazetteer.kinds_for_key(key) == expected == gazetteer.kinds_for_key(key)  # memo agrees
    assert gazetteer.kinds_for_key("no such key") == frozenset()


def test_user_places_are_merged_and_bad_rows_reported(tmp_path) -> None:  # noqa: ANN001
    places = tmp_path / "places.csv"
    places.write_text(
        "name,lat,lon,kind,aliases,admin1\n"
        "Tell Tuqan,35.7581,37.0383,settlement,Tal Touqan|Tall Tuqan,Idlib\n"
        "Broken Row,not-a-number,37.0,settlement,,\n"
        "Nowhere,95,10,settlement,,\n"
        "Bad Kind,35,37,spaceport,,\n",
        encoding="utf-8",
    )
    errors = []
    merged = load_gazetteer(places, on_error=errors.append)
    hit = merged.lookup("Tal Touqan", limit=1)[0]
    assert hit.place.source == "user" and hit.match == "user"
    assert [(e.line, "lat/lon" in e.reason or "range" in e.reason or "kind" in e.reason) for e in errors] == [
        (3, True), (4, True), (5, True)]
    assert str(errors[0]).startswith(f"{places}:3: ")
    assert "Tell Tuqan" not in {p.name for p in default_gazetteer()}  # the packaged one is untouched


def test_missing_columns_and_bad_directory(tmp_path) -> None:  # noqa: ANN001
    bad = tmp_path / "bad.csv"
    bad.write_text("title,x\nfoo,1\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="lacks column"):
        list(load_gazetteer(bad, on_error=lambda e: None))
    with pytest.raises(GazetteerError):
        Gazetteer.load(tmp_path / "missing")


def test_first_fuzzy_lookup_of_a_fresh_gazetteer_searches_the_named_governorate() -> None:
    """The per-governorate search pools are built on the first fuzzy lookup; that lookup must
    search the governorate it was asked about (a misspelling of Umm al-Khalakhil, in Idlib)."""
    fresh = Gazetteer.load()
    found = fresh.lookup("Umm al-Khalakhi", context=["Idlib"], fuzzy=True, limit=3)
    assert found and found[0].place.name == "Umm al-Khalakhil" and found[0].match == "fuzzy"


def test_national_capitals_count_as_capitals(gazetteer: Gazetteer) -> None:
    """OCHA's capital level 0 is the national capital (the build gives it to world capitals
    too): Amman is Jordan's capital, not a Damascus neighbourhood that normalises alike."""
    assert gazetteer.lookup("Damascus", limit=1)[0].place.importance >= 0.8
    best = gazetteer.lookup("Amman", context=["Damascus"], limit=1)[0]
    assert best.place.kind == "city" and best.place.admin1 is None


def test_fuzzy_pools_by_length_lose_no_match_above_the_threshold() -> None:
    """Near-spelling pools are searched in the slice of key lengths that can reach the threshold;
    a full search of the same pool finds nothing more."""
    from rapidfuzz import fuzz, process

    from geomap.gazetteer import FUZZY_THRESHOLD, default_gazetteer

    gazetteer = default_gazetteer()
    gazetteer._keys_in("Idlib", "")  # loads the pools
    keys, _ = gazetteer._keys_by_admin1["Idlib"]
    queries = [key[:-1] + "x" for key in keys[::40] if len(key) >= 5] + ["x" + key for key in keys[::97]]
    found = 0
    for query in queries:
        full = {k for k, _, _ in process.extract(query, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD, limit=None)}
        assert full <= set(gazetteer._keys_in("Idlib", query)), query
        found += len(full)
    assert found > 20


def test_governorates_are_placed_where_their_people_live() -> None:
    """A governorate named alone is mapped at its point: Homs's and Rural Damascus's lie near
    their towns, not in the desert middle of the area (OCHA's label points, 99–133 km away)."""
    from geomap.gazetteer import default_gazetteer, haversine_km

    gazetteer = default_gazetteer()
    homs = next(c.place for c in gazetteer.lookup("Homs", kind="admin1", limit=5) if c.place.kind == "admin1")
    rural = next(c.place for c in gazetteer.lookup("Rural Damascus", limit=5) if c.place.kind == "admin1")
    assert haversine_km(homs.lat, homs.lon, 34.73, 36.71) < 15
    assert haversine_km(rural.lat, rural.lon, 33.51, 36.29) < 25
