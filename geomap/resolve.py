"""Resolve an article's place mentions to gazetteer entries, the geocoder as fallback.

Resolution is per article, in two passes, because the other places of a report decide what an
ambiguous name means: there are at least four villages called Zarzur, and the one meant is the
one in the governorate the article names ("southern Idlib") or near its other places.

1. Every mention is looked up alone. Governorate names and confidently resolved places
   (one candidate, or a clear winner) become the document's context; the governorates each
   sentence names are kept too.
2. Every mention is ranked again with that context, a governorate named in its own sentence
   first; names the gazetteer lacks get a fuzzy lookup that must land inside the context, then
   the fallback geocoder, whose answer is rejected when it lies far from the article's area.

Village names are also surnames, acronyms and words, so two guards keep them honest: in a story
that is not about Syria a name that can only be a hamlet (or a variant spelling) is dropped, and
a single word that only normalises like a hamlet outside the story's area, or like a city abroad,
counts only where a place context says so ("in X", "X village").

A neighbourhood ("the X neighbourhood of C") lies in a city: in the city named with it, else in
one the article names. A place of that name elsewhere is another place, so the mention is left to
its city rather than mapped there.

"Nothing found" is not an error: such a mention is left out and reported as unresolved.
"""

from __future__ import annotations

import collections
import logging
import re
import statistics
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from .gazetteer import NEAR_KM, URBAN_KM, Area, Gazetteer, admin1_at, haversine_km, is_notable, km_outside, lies_abroad
from .model import AREA_KINDS, Candidate, Mention, Place, ResolvedMention
from .names import TOPONYM_HEADS, fold, normalize, without_article

log = logging.getLogger("geomap")

#: A geocode callable: query → Place or None (see :class:`geomap.geocode.Geocoder`).
GeocodeFn = Callable[..., "Place | None"]

#: A fuzzy or geocoded answer farther than this from the article's other places is rejected.
MAX_FALLBACK_KM = 150.0
#: At most this many of an article's confidently resolved places serve as context for the others.
MAX_ANCHORS = 50
#: Score gap between the best and second candidate that makes a resolution confident.
CONFIDENT_GAP = 0.08
#: "X province", "X governorate": X is named as a governorate, so no hamlet ("Anbar province").
_PROVINCE_AFTER = re.compile(r"\s+(?:province|governorate)\b", re.IGNORECASE)
#: News and gazetteers may file a village near a border in either governorate: one this close to
#: the governorate its sentence names may still be meant (Skik, Idlib, 3 km from Hama's border).
BORDER_KM = 25.0
#: The words between a neighbourhood and the city that contains it: "X neighbourhood of (the city of) C",
#: "X residential neighbourhoods in eastern C", "X Square in the centre of C".
_CONTAINER = re.compile(r"\s*(?:[a-z]+\s+)?(?:neighbou?rhoods?|quarter|district|square)\s+(?:of|in)\s+(?:the\s+)?"
                        r"(?:(?:centre|center|heart|middle)\s+of\s+(?:the\s+)?)?"
                        r"(?:(?:northern|southern|eastern|western|central|old)\s+)?(?:(?:city|town)\s+of\s+)?",
                        re.IGNORECASE)
#: After a district's name, the city it is a quarter of: "the Hilaliya district of Qamishli".
_DISTRICT_OF = re.compile(r"\s+district\s+of\s+(?:the\s+)?(?:(?:city|town)\s+of\s+)?[A-Z]")
#: Between a place and the governorate named as what contains it: "Barzeh in Damascus", "the Barzeh
#: research centre in Damascus", "Tafas,
#: Daraa", "Kafr Nabl town in southern Idlib", "Hish in the countryside of Idlib", "Habit (Idleb)",
#: "Busr al-Harir in neighbouring Deraa province".
_CONTAINER_AFTER = re.compile(
    r"(?:\s+(?:district|neighbou?rhood|area|town|village|city|camp|suburb"
    r"|(?:[a-z]+\s+)?(?:centre|center|prison|hospital|facility|complex|factory|plant)))?\s*(?:,|,?\s+in|\s*\()\s*(?:the\s+)?(?:(?:neighbou?ring|nearby)\s+)?"
    r"(?:(?:north|south)?-?(?:east|west)?(?:ern)?\s+|(?:north|south)(?:ern)?\s+)?"
    r"(?:(?:countryside|province|governorate|city)\s+of\s+)?", re.IGNORECASE)
#: Between a landmark's name and the place it is in: "the al-Omar mosque in Saraqib".
_IN = re.compile(r"\s+in\s+(?:the\s+)?(?:(?:city|town|village|neighbou?rhood|district|quarter)\s+of\s+)?", re.IGNORECASE)
#: Between a building's or a market's name and the place it is in: "the Sheikh Saad market in al-Mezzeh".
_FACILITY_IN = re.compile(r"\s+(?:market|souq|souk|bazaar|hospital|clinic|school|mosque|church|bakery|roundabout|street|square)"
                          + _IN.pattern, re.IGNORECASE)
#: Between a place and the country or city abroad named as what contains it: "Istiklal Street in
#: Istanbul", "Reyhanli in Turkey's Hatay province", "Qandil in northern Iraq". Not a comma: "Tal
#: Abyad, Turkey said" and "Damascus, Beirut and Baghdad" name no container.
_IN_ABROAD = re.compile(r"(?:\s+(?:street|square|district|neighbou?rhood|area|town|village|city|camps?|mountains?))?\s+in\s+"
                        r"(?:the\s+)?(?:(?:north|south)?-?(?:east|west)?(?:ern)?\s+)?", re.IGNORECASE)
#: After a border crossing's name: "the Bab al-Salama crossing", "Kafr Lusin border crossing".
_CROSSING_AFTER = re.compile(r"\s+(?:border\s+)?crossings?\b", re.IGNORECASE)
#: Words before a place named as where people or things came from ("fighters moving east from
#: Daraa", "reinforcements arriving from Homs"): it says nothing of where the sentence's other places lie.
_NAMED_AS_ORIGIN = re.compile(r"\b(?:moving|moved|came|coming|arrived|arriving|advancing|advanced|sent|deployed|fled|"
                              r"fleeing|displaced|reinforcements|fighters|convoy|convoys)(?:\s+\w+)?\s+from\s+(?:the\s+)?$",
                              re.IGNORECASE)
#: The heads (mound, ruin) a village is named with or without: "Tell Mardikh" is Mardikh.
_MOUND_HEADS = frozenset({normalize("Tell"), normalize("Khirbet")})
#: Governorates that lie inside another: Damascus city is an enclave in Rural Damascus, so a story
#: that names either is about the area of both ("Jobar … in Damascus countryside" is Damascus's Jobar).
ENCLAVES: dict[str, str] = {"Damascus": "Rural Damascus"}


@dataclass
class ResolveReport:
    """What resolution could not do, for the build summary."""

    unresolved: list[str] = field(default_factory=list)


def _about_syria(mentions: Sequence[Mention], candidates: Sequence[list[Candidate]], vocabulary: frozenset[str]) -> bool:
    """True when the article names Syria or a notable Syrian place (spelled as the gazetteer
    spells it, or in another spelling of more than one word: "Deir Ezour"), a minor one by a
    name that is not plain English and is either two words or more or where something happened
    ("clashes in Tafas"), or minor Syrian places by two different names. One minor village
    alone is no evidence ("Kelly", "Abdi", "EIB"), however many villages share its name ("Baja")."""
    minor: set[str] = set()  # the names, not the places: one name of two hamlets is one clue
    for mention, found in zip(mentions, candidates):
        for c in found[:3]:
            if lies_abroad(c.place):
                continue
            exact = c.match in ("exact", "user")
            if (exact or _word_count(mention.text) > 1) and (c.place.id == "country:SY" or is_notable(c.place)):
                return True
            if exact and not _ordinary_english(mention.text, vocabulary) and (
                    _word_count(mention.text) > 1 or (mention.place_context and mention.role == "event")):
                # Two words or more spelled as a Syrian place ("Kafr Nabudah", not "Eastern and
                # Western"), or one where something happened ("shelled Latamneh", "clashes in Tafas").
                return True
            if exact:
                minor.add(mention.text.casefold())
    return len(minor) >= 2


def _with_enclaves(governorates: Iterable[str]) -> set[str]:
    """The governorates with those that enclose or are enclosed by them (Damascus, Rural Damascus)."""
    out = set(governorates)
    for enclave, around in ENCLAVES.items():
        if enclave in out or around in out:
            out.update((enclave, around))
    return out


def _governorates_named(found: list[Candidate], *, exactly: bool = False) -> set[str]:
    """The governorates a name can be, as written or spelled another way (not near spellings);
    ``exactly``: only as written ("Latakia", "Hasakeh province"; not "Zara", which only
    normalises like Daraa)."""
    matches = ("exact", "user") if exactly else ("exact", "user", "variant")
    return {c.place.admin1 for c in found if c.place.kind == "admin1" and c.place.admin1 and c.match in matches}


def _lies_outside(place: Place, governorates: Iterable[str]) -> bool:
    """True for a place outside the governorates and more than :data:`BORDER_KM` from each: not a
    border village filed in the neighbouring one."""
    return place.admin1 not in _with_enclaves(governorates) \
        and all(km_outside(place.lat, place.lon, governorate) > BORDER_KM for governorate in governorates)


def _one_place_per_name(resolved: list[ResolvedMention], placed_by_its_sentence: list[bool]) -> list[ResolvedMention]:
    """One place per name in an article: where one sentence says where a town lies ("The Daraa
    governorate said … near Nawa"), the same name elsewhere ("strikes near Syria's Nawa", "west of
    Nawa") is that town, not a namesake near the article's other places. Only a sentence's other
    names count (or a place the name is told to lie by), and only for a town, village or quarter
    asked for as the same kind or as none, never against a sentence that places its own mention or
    against a notable town."""
    if not any(placed_by_its_sentence):
        return resolved
    placed: dict[tuple[str, str | None], set[str]] = collections.defaultdict(set)  # by name as written and kind asked for
    by_id: dict[str, Place] = {}
    for item, grounded in zip(resolved, placed_by_its_sentence):
        if grounded and item.place.kind not in AREA_KINDS:
            placed[item.mention.text, item.mention.kind_hint].add(item.place.id)
            by_id[item.place.id] = item.place
    if not placed:
        return resolved
    out = []
    for item, grounded in zip(resolved, placed_by_its_sentence):
        text, kind_hint = item.mention.text, item.mention.kind_hint
        # A name asked for as no kind ("Our hearts with al-Bayda") is the one placed as any kind.
        ids = placed.get((text, kind_hint)) if kind_hint is not None else \
            {pid for (name, _), found in placed.items() if name == text for pid in found} or None
        if ids is not None and len(ids) == 1 and not grounded and item.place.id not in ids \
                and item.place.kind not in AREA_KINDS and not is_notable(item.place):  # "near Hama" is the city still
            item = replace(item, place=by_id[next(iter(ids))])
        out.append(item)
    return out


def _the_town_named_otherwise(resolved: list[ResolvedMention], resolved_at: dict[int, int], candidates: Sequence[list[Candidate]],
                              placed_by_its_sentence: list[bool]) -> None:
    """Make a name spelled like a town of note the article names otherwise that town, not a hamlet
    that shares the spelling, unless its own sentence places it there: "Ras al-Ain" in a list of
    northern towns, then "a car bomb exploded near a bakery in Ras al-Ayn", is one town, not a Rural
    Damascus village also called Ras al-Ayn. In place, by mention index (``resolved_at``)."""
    notable = {item.place.id: item.place for item in resolved if is_notable(item.place) and item.place.kind == "settlement"}
    if not notable:
        return
    for index, at in resolved_at.items():
        item = resolved[at]
        if is_notable(item.place) or item.place.kind in AREA_KINDS or placed_by_its_sentence[at]:
            continue
        same = {c.place.id for c in candidates[index] if c.match in ("exact", "user") and c.place.id in notable}
        if len(same) == 1:
            resolved[at] = replace(item, place=notable[same.pop()])


def _buildings_in_places(mentions: Sequence[Mention], candidates: Sequence[list[Candidate]]) -> set[int]:
    """The mentions that name a building, a market or a landmark in the place named right after
    them ("the Sheikh Saad market in al-Mezzeh", "the al-Omar mosque in Saraqib"), by index."""
    landmarks = {index for index in _named_next(mentions, _IN) if candidates[index] and candidates[index][0].place.kind == "landmark"}
    return landmarks.union(_named_next(mentions, _FACILITY_IN))


def _without_buildings_elsewhere(resolved: list[ResolvedMention], resolved_at: dict[int, int],
                                 buildings: set[int]) -> list[ResolvedMention]:
    """Leave out a building's name whose place lies far from the place it is said to be in: the Sheikh
    Saad market in Damascus's al-Mezzeh is no Daraa village of that name, the al-Omar mosque in Saraqib
    no Daraa mosque, the Salem mosque in Ariha no Indian city. The place it is in stays."""
    far = set()
    for index in buildings:
        if index not in resolved_at or index + 1 not in resolved_at:
            continue
        building, around = resolved[resolved_at[index]].place, resolved[resolved_at[index + 1]].place
        # (not in a governorate, nor in a city named like one: "the Bab al-Salam crossing in Aleppo")
        if building.kind not in AREA_KINDS and around.kind not in AREA_KINDS and around.name != around.admin1 \
                and _apart(building, around) > URBAN_KM:
            far.add(resolved_at[index])
    return [item for at, item in enumerate(resolved) if at not in far]


def _quarters_listed_together(resolved: list[ResolvedMention], resolved_at: dict[int, int], listed: set[int],
                              candidates: Sequence[list[Candidate]]) -> None:
    """A name listed beside a city's quarter is a quarter of that city when the city has one of
    that name, rather than a place of that name farther off, a quarter of another city too (Hama,
    Homs, Aleppo and Deir ez-Zor each have a Hamidiya): "al-Midan and al-Sulaymaniyah" are
    both Aleppo's quarters, not Iraq's city; "al-Mashhad and al-Sukkari" not a village 28 km out.
    In place, along each list in both directions, so a quarter found passes on down the list."""
    pairs = [(index, index + 1) for index in sorted(listed)]
    for near, far in [*((b, a) for a, b in pairs), *reversed(pairs)]:  # the list's later names, then its earlier
        if near not in resolved_at or far not in resolved_at:
            continue
        quarter, other = resolved[resolved_at[near]].place, resolved[resolved_at[far]]
        if quarter.kind != "neighbourhood" or _in_a_city(other.place, (quarter,)):
            continue
        same_city = next((c for c in candidates[far] if c.place.kind == "neighbourhood" and _in_a_city(c.place, (quarter,))), None)
        if same_city is not None:
            resolved[resolved_at[far]] = ResolvedMention(other.mention, same_city.place, "gazetteer", same_city.score)


def _named_by_others(sentence_governorates: dict[int, dict[str, set[str]]], mention: Mention) -> set[str]:
    """The governorates the other names of a mention's sentence name."""
    named = sentence_governorates.get(mention.sentence_start, {})
    return {governorate for text, governorates in named.items() if text != mention.text for governorate in governorates}


#: The importance of a town of some size (a population, or a district or sub-district centre):
#: spelled as written, it outweighs a hamlet that only one source spells like it.
_TOWN_IMPORTANCE = 0.15

#: What joins the names of a list: "Shabki, Duma and Rami".
_LIST_BETWEEN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|or\s+)")
#: What stands between a place and the one it is told to lie by: "al-Bayda south of Baniyas",
#: "Jobar, near Baba Amr", "Kafr Nabl, 10 km west of Maarat al-Numan", "Ras al-Nabaa inside Baniyas",
#: "al-Badu, in the centre of Raqqa city".
_BESIDE_BETWEEN = re.compile(
    r"(?:\s+(?:village|town|neighbou?rhood|district|area|hill|camp))?\s*,?\s+(?:(?:just|some|about|roughly)\s+)?"
    r"(?:[0-9]+(?:\.[0-9]+)?\s*(?:km|kilometres|kilometers|miles)\s+)?"
    r"(?:(?:north|south|east|west)(?:-?(?:north|south|east|west))?(?:ern)?\s+(?:of|outskirts\s+of)|near|nearby|outside|inside|"
    r"close\s+to|next\s+to|adjacent\s+to|on\s+the\s+(?:(?:north|south|east|west)(?:ern)?\s+)?(?:outskirts|edge)\s+of|"
    r"in\s+the\s+(?:outskirts|suburbs|(?:(?:north|south)(?:ern)?|(?:east|west)(?:ern)?|cent(?:re|er)|heart|middle)\s+of))\s+"
    r"(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?", re.IGNORECASE)
#: How far apart two places told to lie by each other may be.
_BESIDE_KM = 30.0
#: Beyond this, no namesake of a name told to lie by a town of note (without a distance) is that place.
_FAR_FROM_BESIDE_KM = 75.0


def _listed_beside_a_place_in(index: int, listed: set[int], candidates: Sequence[list[Candidate]],
                              governorates: frozenset[str]) -> bool:
    """True when the mention stands in a list ("Shabki, Duma and Rami") beside a name whose best
    place lies in one of ``governorates``: a village of the list, not a city of its name elsewhere.
    ``listed``: the mentions followed by the next name of their list (:func:`_named_next`)."""
    return any(candidates[i] and candidates[i][0].place.admin1 in governorates for i in _list_neighbours(index, listed))


def _list_neighbours(index: int, listed: set[int]) -> list[int]:
    """The mentions right before and after the mention in its list (``listed``: as for
    :func:`_listed_beside_a_place_in`)."""
    return [i for i, joined in ((index - 1, index - 1 in listed), (index + 1, index in listed)) if joined]


def _where_list_partners_lie(index: int, listed: set[int], candidates: Sequence[list[Candidate]]) -> set[str]:
    """The governorates of the names beside the mention in its list that are spelled as written as
    places of one governorate only, which say where the list lies as a governorate named would: "in
    al-Hol and Areesha camps, … east of Aleppo city" is Hasakah's Areesha. ``listed``: as for
    :func:`_listed_beside_a_place_in`."""
    where = set()
    for i in _list_neighbours(index, listed):
        spelled = {c.place.admin1 for c in candidates[i] if c.match in ("exact", "user")}
        if len(spelled) == 1 and None not in spelled:
            where |= spelled
    return where


def _sole_governorate(found: list[Candidate]) -> set[str]:
    """The one governorate every candidate of a notable place's name lies in (Afrin: the town,
    its district and subdistrict, all in Aleppo), or nothing when they are spread over several,
    abroad, or only hamlets (a hamlet's namesake is too often a word or a person)."""
    governorates = {c.place.admin1 for c in found if c.match != "fuzzy"}
    notable = any(c.match in ("exact", "user") and is_notable(c.place) for c in found)
    return governorates if notable and len(governorates) == 1 and None not in governorates else set()


def _ordinary_english(text: str, vocabulary: frozenset[str]) -> bool:
    """True when every word of a phrase is a frequent English word."""
    words = [w for w in fold(text).split() if w.isalpha()]
    return bool(words) and all(w in vocabulary for w in words)


def _word_count(name: str) -> int:
    """How many words a name has, its Arabic article not counted ("Al Bab" is one word)."""
    return len(normalize(name).split())


def _telling_words(name: str) -> int:
    """How many words of a name say which place it is: not articles, nor the generic word that
    opens many names ("Tell", "Kafr", "Deir")."""
    return sum(word not in TOPONYM_HEADS for word in normalize(name).split())


def _sentence_before(mentions: Sequence[Mention]) -> dict[int, int]:
    """By sentence start, the start of the sentence before it that names a place."""
    starts = sorted({m.sentence_start for m in mentions})
    return dict(zip(starts[1:], starts))


#: How near a place its sentence names a village spelled otherwise than the name must lie to be taken
#: for it over the village the article's context chose (right beside it: an anchor may be a near
#: spelling itself).
_SPELLED_APART_BESIDE_KM = 10.0


def _beside_the_places_told_around(index: int, mentions: Sequence[Mention], found: Sequence[Candidate],
                                   anchors: Sequence[tuple[int, Place]], answer: tuple[Place, str, float],
                                   sentence_before: dict[int, int]) -> tuple[Place, str, float]:
    """A village the article's context chose gives way to a namesake spelled as written far closer
    (a third of the distance, within :data:`NEAR_KM`) to the places its sentence and the one before
    name, or to a town of note the sentence names (:func:`_towns_of_note`): a daily toll's "Three
    martyrs fell in Douma" after "… in Zabadani and Madaya" is Douma by Damascus, though the toll
    names Hama too; "the village of al-Bayda … the nearby coastal city of Baniyas" is the Bayda by
    Baniyas, not the Hama one 38 km from it. A village spelled otherwise gives way only right beside
    (:data:`_SPELLED_APART_BESIDE_KM`) the places its own sentence names, when the one chosen lies far
    from them."""
    place = answer[0]
    if answer[1] != "gazetteer" or place.kind not in ("settlement", "neighbourhood") or is_notable(place):
        return answer
    sentence = mentions[index].sentence_start
    before = sentence_before.get(sentence, sentence)
    around = [(p.lat, p.lon) for i, p in anchors
              if i != index and p.id != place.id and mentions[i].sentence_start in (before, sentence)]
    if not around:
        return answer
    same_sentence = [(p.lat, p.lon) for i, p in anchors if i != index and p.id != place.id and mentions[i].sentence_start == sentence]
    named_here = {p.id for i, p in anchors if mentions[i].sentence_start == sentence}  # "al-Lataminah and … Latmin": two places
    within = min(NEAR_KM, _km_to_nearest(place, around) / 3)  # far closer, as for names told to lie by each other
    # Another spelling too, close by the places of its own sentence when the village chosen lies far from
    # them: "in al-Qusair countryside in Arjoun and al-Hamidiyeh" is Hamediyeh 8 km from al-Qusayr, not the
    # Hamidiyeh by Aleppo the rest of a round-up is near; not a place the sentence names itself.
    beside = next((c for c in found if c.match in ("exact", "user") and c.place.kind == place.kind
                   and _km_to_nearest(c.place, around) <= within), None) \
        or next((c for c in found if c.match == "variant" and c.place.kind == "settlement" and same_sentence
                 and _km_to_nearest(place, same_sentence) > NEAR_KM and c.place.id not in named_here
                 and _km_to_nearest(c.place, same_sentence) <= min(_SPELLED_APART_BESIDE_KM, within)), None)
    return (beside.place, answer[1], beside.score) if beside is not None else answer


def _towns_of_note(candidates: Sequence[list[Candidate]]) -> list[tuple[int, Place]]:
    """The Syrian towns of note of the mentions (:func:`_town_of_note`), by mention index. Not anchors
    of the whole article (a town's hamlet namesakes keep their own pull there), but what a village
    of the same sentence lies by: "the village of al-Bayda … the nearby coastal city of Baniyas"."""
    return [(index, town) for index, town in enumerate(map(_town_of_note, candidates)) if town is not None]


def _town_of_note(found: Sequence[Candidate]) -> Place | None:
    """The Syrian town of note a name is spelled as, when no other town of note shares the name:
    "Baniyas" is the coastal town, whatever hamlets (one in the Golan) are spelled so."""
    if found and found[0].match in ("exact", "user") and found[0].place.admin1 is not None \
            and found[0].place.kind not in AREA_KINDS and is_notable(found[0].place) \
            and not any(c.place.kind not in AREA_KINDS and is_notable(c.place) for c in found[1:]):
        return found[0].place
    return None


def _km_to_nearest(place: Place, points: Sequence[tuple[float, float]]) -> float:
    return min(haversine_km(place.lat, place.lon, lat, lon) for lat, lon in points)


def _near_any(place: Place, points: Sequence[tuple[float, float]]) -> bool:
    """True when a place lies within :data:`NEAR_KM` of one of the points."""
    return any(haversine_km(place.lat, place.lon, lat, lon) <= NEAR_KM for lat, lon in points)


def _in_a_city(place: Place, cities: Sequence[Place]) -> bool:
    """True when a place lies within a neighbourhood's distance of one of the cities."""
    return any(haversine_km(place.lat, place.lon, city.lat, city.lon) <= URBAN_KM for city in cities)


def _syrian_only_by_chance(found: list[Candidate]) -> bool:
    """True when a name's candidates are minor Syrian places or places spelled differently, at
    least one of them Syrian: in a story about elsewhere, "Kantor" is not a village of that
    alternate name, "Hammad" not a spelling of Hama, and "Baja" neither the Hama village nor
    Bijie in China."""
    return any(c.place.admin1 is not None for c in found) and all(
        c.match == "variant" or (c.place.admin1 is not None and not is_notable(c.place)) for c in found)


def _named_as_origin(mention: Mention) -> bool:
    """True when the words before a place name it as where people came from (:data:`_NAMED_AS_ORIGIN`).
    Only the words just before it are read, and only when they end in "from" or "from the"."""
    start = mention.start_char - mention.sentence_start
    return _after_from(mention) and _NAMED_AS_ORIGIN.search(mention.sentence[max(start - 50, 0):start].lower()) is not None


def _named_next(mentions: Sequence[Mention], between: re.Pattern[str]) -> Iterator[int]:
    """The indexes of the mentions followed, in their sentence, by another mention with only
    ``between`` standing between the two ("Barzeh in Damascus", "Istiklal Street in Istanbul")."""
    for index in range(len(mentions) - 1):
        mention, following = mentions[index], mentions[index + 1]
        offset = mention.sentence_start
        if following.sentence_start == offset and \
                between.fullmatch(mention.sentence, mention.end_char - offset, following.start_char - offset):
            yield index


def _container_governorates(mentions: Sequence[Mention], candidates: Sequence[list[Candidate]]) -> dict[int, set[str]]:
    """The governorates named as containing a mention, by mention index: the next mention of its
    sentence, when only "in" or a comma stands between them and it names a governorate. After a
    governorate's own name a comma makes a list: "Quneitra, Daraa and Suwayda provinces"."""
    named = ((index, _governorates_named(candidates[index + 1]) or _countryside_governorate(mentions[index + 1], candidates[index + 1]))
             for index in _named_next(mentions, _CONTAINER_AFTER)
             if not (_governorates_named(candidates[index], exactly=True) and _comma_between(mentions[index], mentions[index + 1])))
    return {index: governorates for index, governorates in named if governorates}


def _comma_between(mention: Mention, following: Mention) -> bool:
    return "," in mention.sentence[mention.end_char - mention.sentence_start:following.start_char - mention.sentence_start]


def _countryside_governorate(mention: Mention, found: list[Candidate]) -> set[str]:
    """The governorate of a town or district named for its countryside ("al-Bayda in the Baniyas
    countryside"), when its notable places of that spelling lie in one: its hamlet namesakes have
    no countryside."""
    if mention.kind_hint != "admin1":
        return set()
    governorates = {c.place.admin1 for c in found if c.match in ("exact", "user") and is_notable(c.place)}
    return governorates if len(governorates) == 1 and None not in governorates else set()


def _named_as_abroad(mentions: Sequence[Mention], candidates: Sequence[list[Candidate]]) -> set[int]:
    """The mentions named as lying in a country or city abroad, by index: the next mention of
    the sentence follows "in" and its best candidate is a foreign country or city."""
    return {index for index in _named_next(mentions, _IN_ABROAD)
            if candidates[index + 1] and _is_abroad(candidates[index + 1][0].place)}


def _placed_beside(mentions: Sequence[Mention], candidates: Sequence[list[Candidate]]) -> dict[int, str]:
    """The place meant by each of two names told to lie by each other ("al-Bayda south of
    Baniyas"), by mention index, where each name has namesakes and some lie far closer together
    than the first-ranked ones: within :data:`_BESIDE_KM` and a third of their distance (al-Bayda
    and Baniyas on the coast, not a Beida in Hama 38 km off): the best-ranked place of the second
    name that has a namesake of the first by it, and the best-ranked such namesake. Points only:
    a district's or a governorate's point is the middle of an area ("Zabadani near Damascus" is
    the town, 32 km from the capital, not its district's middle). A town of note named second
    keeps its place: a hamlet of its name is no reference, and a namesake spelled as written in the
    second's governorate is not left for one that only folds like it, nor for a place of another
    kind ("north of Aleppo" is the city, not its airport); a district named first is no point told to
    lie anywhere. A name none of whose places
    lies within :data:`_FAR_FROM_BESIDE_KM` of the Syrian town of note it is told to lie by, with no
    distance given, is "" (none of them), unless one lies the way the words say ("east of") within
    :data:`_BESIDE_KM` more."""
    chosen: dict[int, str] = {}
    for index in _named_next(mentions, _BESIDE_BETWEEN):
        if mentions[index].kind_hint in AREA_KINDS:
            continue  # "the Afrin district north of Aleppo" is the district, no hamlet by the city
        first = [c for c in candidates[index] if c.place.kind not in AREA_KINDS]
        second = [c for c in candidates[index + 1] if c.place.kind not in AREA_KINDS]
        if not first or not second:
            continue
        apart = _apart(first[0].place, second[0].place)
        if is_notable(second[0].place):  # a town of note is what the words mean, not a hamlet that shares its name
            second = [c for c in second if is_notable(c.place) and c.place.kind == second[0].place.kind]  # nor its airport
        mention = mentions[index]
        between = mention.sentence[mention.end_char - mention.sentence_start:mentions[index + 1].start_char - mention.sentence_start]
        for reference in second:  # the best-ranked place of the second name with a namesake of the first by it
            beside = [c for c in first if _apart(c.place, reference.place) <= min(_BESIDE_KM, apart / 3)]
            # the one that lies the way the words say, if any does: "Hemo, west of Qamishli"
            near = next((c for c in beside if _lies_as_told(c.place, reference.place, between)), beside[0] if beside else None)
            if near is not None and not (near.match == "variant" and _spelled_in(first, reference.place.admin1)):
                chosen.setdefault(index, near.place.id)
                chosen.setdefault(index + 1, reference.place.id)
                break
        else:
            reference = second[0].place
            if candidates[index][0].place.kind not in AREA_KINDS and is_notable(reference) and reference.admin1 is not None \
                    and not any(ch.isdigit() for ch in between) \
                    and all(_apart(c.place, reference) > _FAR_FROM_BESIDE_KM for c in first):
                # "al-Badu, in the centre of Raqqa city" is no Bado by Homs; but a namesake a little
                # farther off that lies the way the words say is it, in the desert's wide spaces: "near
                # Ithriyah, east of Salamiyah" is Athriya, 78 km east (not Mil, 134 km north-east of
                # Aleppo, for "al-Maleh north of Aleppo").
                way_told = _TOLD_WAY.search(between) is not None
                told_way = [c for c in first if way_told and _lies_as_told(c.place, reference, between)
                            and _apart(c.place, reference) <= _FAR_FROM_BESIDE_KM + _BESIDE_KM]
                chosen.setdefault(index, told_way[0].place.id if told_way else "")
    return chosen


def _lies_as_told(place: Place, reference: Place, between: str) -> bool:
    """True when a place lies the way the words between it and its reference say ("west of"), or
    they name no way."""
    told = _TOLD_WAY.search(between)
    if told is None:
        return True
    way = told.group(0).lower()
    return ("north" not in way or place.lat > reference.lat) and ("south" not in way or place.lat < reference.lat) \
        and ("east" not in way or place.lon > reference.lon) and ("west" not in way or place.lon < reference.lon)


#: The way one place lies from another: "north of", "south-east of", "western outskirts of".
_TOLD_WAY = re.compile(r"\b(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?(?=\s+(?:of|outskirts\s+of)\b)", re.IGNORECASE)


#: A name's other name in brackets right after it: "al-Malikiyah (Derik)", "Kobani (Ain al-Arab)".
_OTHER_NAME_BETWEEN = re.compile(r"\s*\(\s*")


def _bracketed_names(mentions: Sequence[Mention]) -> Iterator[int]:
    """The index of each mention followed by another name in brackets: "Zirgan (Abu Rasin)"."""
    for index in _named_next(mentions, _OTHER_NAME_BETWEEN):
        second, following = mentions[index + 1], mentions[index + 1].end_char - mentions[index + 1].sentence_start
        if second.sentence[following:following + 2].lstrip().startswith(")"):
            yield index


def _as_its_other_name(resolved: list[ResolvedMention], resolved_at: dict[int, int], bracketed: Iterable[int],
                       first: Sequence[list[Candidate]]) -> None:
    """Put a name at the town its other name in brackets is, when the name went to a place far off
    in another governorate: "the town of Zirgan (Abu Rasin)" is Abu Rasin, not a hamlet 300 km west
    that folds like Zirgan. Not when the brackets name a governorate, its capital or another area,
    which say what contains the name ("Tal Tamr (Hasakah)")."""
    for index in bracketed:
        if index not in resolved_at or index + 1 not in resolved_at:
            continue
        item, other = resolved[resolved_at[index]], resolved[resolved_at[index + 1]]
        if other.place.kind in AREA_KINDS or other.place.admin1 is None or _governorates_named(first[index + 1]) \
                or item.place.admin1 == other.place.admin1 or _apart(item.place, other.place) <= _FAR_FROM_BESIDE_KM:
            continue
        resolved[resolved_at[index]] = replace(item, place=other.place, resolver=other.resolver, score=other.score)


def _named_twice(bracketed: Iterable[int], candidates: Sequence[list[Candidate]]) -> dict[int, str]:
    """The place meant by a name and its other name in brackets after it, by mention index: the
    best-ranked place of the first that the second names too ("the town of al-Malikiyah (Derik)" in
    a sentence about Aleppo's countryside is Derik, not an Aleppo namesake of al-Malikiyah).
    ``bracketed``: the mentions followed by such a name (:func:`_bracketed_names`)."""
    chosen: dict[int, str] = {}
    for index in bracketed:
        others = {c.place.id for c in candidates[index + 1]}
        both = next((c.place.id for c in candidates[index] if c.place.id in others), None)
        if both is not None:
            chosen[index] = chosen[index + 1] = both
    return chosen


def _listed_with_villages(mentions: Sequence[Mention], candidates: Sequence[list[Candidate]], listed: set[int]) -> dict[int, str]:
    """The place meant by a name listed with villages that only one place each is spelled as (or,
    with no place spelled so, folds to), by mention index: its one namesake spelled as written
    within :data:`_BESIDE_KM` of one of them, or, for a name whose best-ranked place is a town of
    note, of two. In "In al-Shabki, Rami, Duma,
    Tima and al-Matouna, gunmen killed entire families", Duma is the Sweida village among the
    others, not the town by Damascus. Listed with two towns of note, a name is its namesake of note:
    "Protests spread to Baniyas, Homs and Douma" in a Sweida story is Douma by Damascus, not the Sweida
    village also spelled so. ``listed``: as for :func:`_listed_beside_a_place_in`."""
    chosen: dict[int, str] = {}
    for members in _lists(listed):
        villages = {}
        for index in members:
            found = candidates[index]
            # spelled as written, or the one place the name folds to ("Shbiki" is only Shubayki)
            written = [c.place for c in found if c.match in ("exact", "user")] or [c.place for c in found[:1] if len(found) == 1]
            if len(written) == 1 and written[0].kind == "settlement":
                villages[index] = written[0]
        towns = {index for index in members if _town_of_note(candidates[index]) is not None}
        for index in members:
            found = candidates[index]
            if index in villages or not found or found[0].place.kind in AREA_KINDS or mentions[index].kind_hint in AREA_KINDS:
                continue
            if len(towns - {index}) >= 2 and not any(c.place.kind in ("admin1", "region") for c in found):
                # (a governorate's or a region's name is left to the rest: "Raqqa", "Şehba")
                notable = [c.place.id for c in found if c.match in ("exact", "user") and c.place.kind == "settlement"
                           and is_notable(c.place)]
                if len(notable) == 1:
                    chosen[index] = notable[0]
                    continue
            others = [place for other, place in villages.items() if other != index]
            needed = 2 if is_notable(found[0].place) else 1
            beside = [c.place.id for c in found if c.match in ("exact", "user") and c.place.kind == "settlement"
                      and sum(_apart(c.place, village) <= _BESIDE_KM for village in others) >= needed]
            if len(beside) == 1:
                chosen[index] = beside[0]
    return chosen


def _lists(listed: set[int]) -> Iterator[list[int]]:
    """The mention indexes of each list: runs of mentions each followed by the next name of its list."""
    run: list[int] = []
    for index in sorted(listed):
        if run and index != run[-1]:
            yield run
            run = []
        run = run or [index]
        run.append(index + 1)
    if run:
        yield run


def _spelled_in(found: Sequence[Candidate], admin1: str | None) -> bool:
    """True when one of the places spelled as written lies in the governorate: "Maskanah east of
    Aleppo" is the town spelled so, 85 km out, not a village by the city that only folds like it."""
    return any(c.match in ("exact", "user") and c.place.admin1 == admin1 for c in found)


def _apart(a: Place, b: Place) -> float:
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def _countries_named(mentions: Sequence[Mention], candidates: Sequence[list[Candidate]]) -> frozenset[str]:
    """The codes of the countries a story names as written ("Lebanon", "Libya")."""
    return frozenset(found[0].place.country for found in candidates
                     if found and found[0].place.kind == "country" and found[0].match in ("exact", "user") and found[0].place.country)


def _names_told_abroad(mentions: Sequence[Mention], candidates: Sequence[list[Candidate]]) -> dict[str, list[tuple[float, float]]]:
    """The names, as written, of the mentions in sentences that place what they tell abroad, with
    the points of the places abroad that do: another name there is a city or region abroad, spelled as written,
    where something happened ("buildings collapsed in the cities of Kahramanmaraş, … Malatya and
    Osmaniye"), and none is a Syrian place of note. A country says neither ("the al-Waleed crossing
    with Iraq"), nor does a government, a place things came from ("shells fired from Kilis") or where
    words were said ("the coalition, meeting in Istanbul, said shelling killed 30 in Zamalka"). One
    name is one place in an article: the same name elsewhere is told abroad too."""
    abroad: dict[int, list[tuple[str, tuple[float, float]]]] = collections.defaultdict(list)  # by sentence
    at_home: set[int] = set()
    for mention, found in zip(mentions, candidates):
        if not found or mention.government or found[0].place.id == "country:SY":
            continue
        best = found[0]
        if lies_abroad(best.place):
            if mention.role == "event" and mention.place_context and best.match in ("exact", "user") \
                    and best.place.kind != "country" and not _after_from(mention):
                abroad[mention.sentence_start].append((mention.text, (best.place.lat, best.place.lon)))
        elif is_notable(best.place):
            at_home.add(mention.sentence_start)
    told: dict[str, list[tuple[float, float]]] = {}
    for mention in mentions:
        if mention.sentence_start not in at_home:
            points = [point for name, point in abroad.get(mention.sentence_start, ()) if name != mention.text]
            if points:
                told.setdefault(mention.text, []).extend(points)
    return told


def _after_from(mention: Mention) -> bool:
    start = mention.start_char - mention.sentence_start
    return mention.sentence[max(start - 10, 0):start].lower().endswith(("from ", "from the "))


def _is_abroad(place: Place) -> bool:
    return lies_abroad(place) and place.kind in ("country", "city")


class Resolver:
    """Gazetteer first, geocoder as fallback; both injected so tests pass fakes."""

    def __init__(self, gazetteer: Gazetteer, geocode: GeocodeFn | None = None) -> None:
        self.gazetteer = gazetteer
        self.geocode = geocode

    def resolve(self, mentions: Sequence[Mention], report: ResolveReport | None = None, *,
                names_syria: bool = False) -> list[ResolvedMention]:
        """Resolve one article's mentions (in text order); unresolved names go to ``report``.

        ``names_syria``: the text says "Syria" or "Syrian" somewhere, even where no place
        mention does ("Syrian army"), so its village names are taken at their word.
        """
        lookups: dict[tuple[str, str | None, str], list[Candidate]] = {}
        first = [self._candidates(m, lookups) for m in mentions]
        governorates, anchors = self._document_context(mentions, first)
        # Each place anchors the others once, however often the article names it; a mention is
        # not its own context unless the article names its place elsewhere too.
        anchor_places: dict[str, Place] = {}
        anchor_mentions: collections.Counter[str] = collections.Counter()
        anchor_of: dict[int, str] = {}
        for index, place in anchors:
            anchor_places.setdefault(place.id, place)
            anchor_mentions[place.id] += 1
            anchor_of[index] = place.id
        # The governorates each sentence names: "al-Midan neighbourhood in Aleppo" means Aleppo's
        # Midan even when the article also names Damascus, which has one too; so does a place
        # whose every spelling lies in one governorate ("the Sheikh Hadid area of Afrin").
        # By sentence, then by the name that names them: a name is its own context only as written
        # ("the villages of al-Zara and al-Hosrajiya" in a Homs story: "Zara" only normalises like Daraa).
        # A governorate named as what contains the name before it names nothing for the names after
        # it: in "moved through Busr al-Harir in neighbouring Deraa province and were approaching
        # al-Mazraa", al-Mazraa is the one of the story's Sweida.
        containers = _container_governorates(mentions, first)
        sentence_governorates: dict[int, dict[str, set[str]]] = collections.defaultdict(dict)
        spelled_governorates: dict[int, set[str]] = collections.defaultdict(set)  # only those spelled out
        containing: dict[int, list[tuple[int, set[str], set[str]]]] = collections.defaultdict(list)  # by sentence
        named_by: dict[int, tuple[set[str], set[str]]] = {}  # by lookup: a repeated name shares one list
        for index, (mention, found) in enumerate(zip(mentions, first)):
            if not found or mention.government or _named_as_origin(mention):
                # "Damascus government factions shell … Ashrafieh", "fighters moving east from Daraa
                # governorate seized al-Mazraa": not where Ashrafieh or al-Mazraa is
                continue
            if id(found) not in named_by:
                named_by[id(found)] = (_governorates_named(found) or _sole_governorate(found),
                                       _governorates_named(found, exactly=True))
            named, spelled = named_by[id(found)]
            if index - 1 in containers:
                containing[mention.sentence_start].append((mention.start_char, named, spelled))
                continue
            sentence_governorates[mention.sentence_start].setdefault(mention.text, set()).update(named)
            spelled_governorates[mention.sentence_start].update(spelled)
        abroad = _named_as_abroad(mentions, first)
        countries = _countries_named(mentions, first)
        listed = set(_named_next(mentions, _LIST_BETWEEN))  # "Shabki, Duma and Rami": each name before the next
        bracketed = list(_bracketed_names(mentions))  # "Zirgan (Abu Rasin)": read once for both passes that use it
        beside = _listed_with_villages(mentions, first, listed) | _placed_beside(mentions, first) | _named_twice(bracketed, first)
        told_abroad = _names_told_abroad(mentions, first)
        vocabulary = self.gazetteer.english_vocabulary
        about_syria = names_syria or _about_syria(mentions, first, vocabulary)
        sentence_before = _sentence_before(mentions)
        towns = _towns_of_note(first)
        cities = self._neighbourhood_cities(mentions, first, governorates, sentence_before)
        times_named = collections.Counter(m.text for m in mentions)
        resolved: list[ResolvedMention] = []
        placed_by_its_sentence: list[bool] = []  # by resolved mention: its sentence's other names say where it lies
        answers: dict[tuple, tuple[Place, str, float] | None] = {}  # a repeated name resolves once
        contexts: dict[str | None, tuple[list[Place], Area]] = {}  # by the anchor left out
        resolved_at: dict[int, int] = {}  # mention index -> its place in ``resolved``
        for index, mention in enumerate(mentions):
            named_abroad = index in abroad or mention.abroad
            if (not about_syria or named_abroad) and _syrian_only_by_chance(first[index]):
                continue  # "Istiklal Street in Istanbul" is no Syrian quarter of that name
            # "Hermel in Lebanon", "the Lebanese town of Hermel": the town abroad, not a Tartus namesake
            named_abroad = named_abroad and any(lies_abroad(c.place) for c in first[index])
            if mention.origin != "gazetteer" and _ordinary_english(mention.text, vocabulary) and index not in containers:
                continue  # "in Government-held areas": a capitalised phrase, not an unknown place; "Habit (Idleb)" is one
            own = anchor_of.get(index)
            excluded = own if own is not None and anchor_mentions[own] == 1 else None
            # Closer still, the governorate named right after a place as what contains it: "a research
            # centre in Barzeh in Damascus" is Damascus's Barzeh though the sentence names Homs too.
            contained = index in containers
            ahead = [(named, spelled) for start, named, spelled in containing.get(mention.sentence_start, ())
                     if start >= mention.start_char]
            said = frozenset(spelled_governorates.get(mention.sentence_start, set()).union(*(spelled for _, spelled in ahead)))
            partners = frozenset(_where_list_partners_lie(index, listed, first))
            others = set() if contained else _named_by_others(sentence_governorates, mention).union(*(named for named, _ in ahead))
            local = frozenset(containers[index] if contained else others | said)
            cities_here = cities.get(index, ())
            listed_here = bool(local) and _listed_beside_a_place_in(index, listed, first, local)
            abroad_around = tuple(told_abroad.get(mention.text, ()))
            memo = (mention.text, mention.kind_hint, mention.origin, excluded, local, contained, said, partners,
                    tuple(c.id for c in cities_here), listed_here, named_abroad, abroad_around, beside.get(index))
            if memo not in answers:
                if excluded not in contexts:
                    anchors_here = [p for pid, p in anchor_places.items() if pid != excluded][:MAX_ANCHORS]
                    contexts[excluded] = (anchors_here, self.gazetteer.area([*sorted(governorates), *anchors_here]))
                result = self._resolve_one(mention, first[index], governorates, *contexts[excluded], local=local,
                                           contained=contained, said=said, partners=partners, about_syria=about_syria, cities=cities_here,
                                           listed_here=listed_here, named_abroad=named_abroad,
                                           told_abroad=abroad_around, countries=countries, beside=beside.get(index))
                answers[memo] = (result.place, result.resolver, result.score) if result else None
            answer = answers[memo]
            if answer is None:
                if report is not None:
                    report.unresolved.append(mention.text)
                continue
            if not (local or contained or beside.get(index) or cities_here) and times_named[mention.text] == 1:
                # (a name the article names again is one place throughout: see _one_place_per_name; a
                # quarter lies in the city its sentence, the one before or the article names)
                answer = _beside_the_places_told_around(index, mentions, first[index], [*anchors, *towns], answer,
                                                        sentence_before)
            resolved.append(ResolvedMention(mention, *answer))  # type: ignore[arg-type]
            resolved_at[index] = len(resolved) - 1
            around = local if contained else others
            placed_by_its_sentence.append(bool(around) and answer[0].admin1 in _with_enclaves(around)
                                          or beside.get(index) == answer[0].id)
        _quarters_listed_together(resolved, resolved_at, listed, first)
        _as_its_other_name(resolved, resolved_at, bracketed, first)
        _the_town_named_otherwise(resolved, resolved_at, first, placed_by_its_sentence)
        return _without_buildings_elsewhere(_one_place_per_name(resolved, placed_by_its_sentence), resolved_at,
                                            _buildings_in_places(mentions, first))

    # ---------------------------------------------------------------- passes

    def _candidates(self, mention: Mention, lookups: dict[tuple[str, str | None, str], list[Candidate]]) -> list[Candidate]:
        if mention.origin != "gazetteer":
            return []
        key = (mention.text, mention.kind_hint, mention.origin)
        if key not in lookups:
            lookups[key] = self.gazetteer.lookup(mention.text, kind=mention.kind_hint, fuzzy=False, limit=10)
        return lookups[key]

    def _document_context(
        self, mentions: Sequence[Mention], candidates: Sequence[list[Candidate]]
    ) -> tuple[set[str], list[tuple[int, Place]]]:
        governorates: set[str] = set()
        anchors: list[tuple[int, Place]] = []
        for index, (mention, found) in enumerate(zip(mentions, candidates)):
            if not found:
                continue
            governorates.update(_governorates_named(found))
            best = found[0].place
            if best.admin1 is None:
                continue
            confident = len(found) == 1 or found[0].score - found[1].score >= CONFIDENT_GAP
            if not confident:
                continue
            if best.kind in AREA_KINDS:  # a district or region inside one governorate ("Eastern Ghouta")
                if found[0].match in ("exact", "user"):
                    governorates.add(best.admin1)
            else:
                anchors.append((index, best))
        return _with_enclaves(governorates), anchors

    def _neighbourhood_cities(self, mentions: Sequence[Mention], candidates: Sequence[list[Candidate]],
                              governorates: set[str], sentence_before: dict[int, int]) -> dict[int, tuple[Place, ...]]:
        """Where each neighbourhood an article names can lie, by mention index: the city named as
        its container ("the Howayqa neighbourhood of Deir ez-Zor"), else the cities its sentence
        names ("In Hama, … in the al-Arbaeen neighborhood") with the article's others in their
        governorates, else the article's cities and those of the sentence before (``sentence_before``,
        :func:`_sentence_before`)."""
        # And a district a city holds a quarter of that name of: "In Aleppo, … in the Sulaymaniyah district".
        # And "the Hilaliya district of Qamishli", a quarter of a city the gazetteer may lack.
        wanted = [i for i, m in enumerate(mentions) if m.kind_hint == "neighbourhood"
                  or m.kind_hint == "admin2" and (any(c.place.kind == "neighbourhood" for c in candidates[i])
                                                  or _DISTRICT_OF.match(m.sentence, m.end_char - m.sentence_start))]
        if not wanted:
            return {}
        # Not the neighbourhoods' own namesakes: "the Al-Arbaeen neighbourhood" in a Hama story is
        # no sign that Arbin, a town by Damascus, is one of the story's cities.
        # Nor a city named only as background ("In Damascus, SANA denied …" in a Deir ez-Zor story): the
        # cities where something happened, when the article has any.
        named = [(m, found) for m, found in zip(mentions, candidates) if m.kind_hint != "neighbourhood"]
        told = [found for m, found in named if m.role == "event"]
        article = self._cities(told, set().union(*map(_governorates_named, told))) \
            or self._cities([found for _, found in named], governorates)
        by_start = {m.start_char: i for i, m in enumerate(mentions)}
        cities = {}
        for i in wanted:
            mention = mentions[i]
            after = _CONTAINER.match(mention.sentence, mention.end_char - mention.sentence_start)
            container = by_start.get(mention.sentence_start + after.end()) if after else None
            named = self.gazetteer.lookup(mentions[container].text, fuzzy=False) if container is not None else []
            own = self._cities([named], _governorates_named(named), any_size=True)
            if mention.kind_hint != "neighbourhood":
                # A district is a city's quarter where its words name the city first ("In Aleppo, … in the
                # Sulaymaniyah district") or as its container; not "… district of the city located 162 km
                # north of the capital Damascus", nor "the Kafr Nabl district of Idlib", the governorate.
                if not any(c.place.kind == "neighbourhood" for c in candidates[i]):
                    own = () if _governorates_named(named) else own
                    if not own:
                        continue
                quarter_of = own or self._sentence_cities(mentions, candidates, mention.sentence_start, before=i)
                if quarter_of:
                    cities[i] = quarter_of
                continue
            here = self._sentence_cities(mentions, candidates, mention.sentence_start)
            if here:  # and the article's other cities in the same governorates ("Harasta … Mazzeh 86")
                around = _with_enclaves(c.admin1 for c in here if c.admin1)
                here = (*here, *(c for c in article if c.admin1 in around and c not in here))
            else:  # or the city the sentence before names: "… victory in Aleppo. Shelling hit the east of the city, the districts of al-Sukkari and …"
                before = sentence_before.get(mention.sentence_start)
                if before is not None:
                    here = tuple(c for c in self._sentence_cities(mentions, candidates, before) if c not in article)
                    here = (*article, *here) if here else ()
            cities[i] = own or here or article
        return cities

    def _sentence_cities(self, mentions: Sequence[Mention], candidates: Sequence[list[Candidate]],
                         sentence_start: int, *, before: int | None = None) -> tuple[Place, ...]:
        """The cities one sentence names (before mention number ``before``, if given), and the
        capitals of the governorates it spells out."""
        named = [found for m, found in zip(mentions[:before], candidates[:before])
                 if m.sentence_start == sentence_start and m.kind_hint != "neighbourhood"]
        return self._cities(named, set().union(*(_governorates_named(found, exactly=True) for found in named)))

    def _cities(self, candidates: Iterable[list[Candidate]], governorates: set[str], *,
                any_size: bool = False) -> tuple[Place, ...]:
        """The cities named by some mentions (their best candidate, at home or abroad; a notable
        town unless ``any_size``) and the capitals of the governorates they name."""
        cities = {c.place.id: c.place for found in candidates for c in found[:1]
                  if c.place.kind in ("settlement", "city") and (any_size or is_notable(c.place))}
        for governorate in sorted(governorates):
            for name in (governorate, ENCLAVES.get(governorate)):
                capital = self.gazetteer.capital(name) if name else None
                if capital is not None:
                    cities[capital.id] = capital
        return tuple(cities.values())

    def _resolve_one(self, mention: Mention, found: list[Candidate], governorates: set[str],
                     area: list[Place], context: Area, *, local: frozenset[str] = frozenset(), contained: bool = False,
                     said: frozenset[str] = frozenset(), partners: frozenset[str] = frozenset(), about_syria: bool = True,
                     cities: Sequence[Place] = (), listed_here: bool = False,
                     named_abroad: bool = False, told_abroad: Sequence[tuple[float, float]] = (),
                     countries: frozenset[str] = frozenset(), beside: str | None = None) -> ResolvedMention | None:
        """The mention's place; ``local`` are the governorates its sentence names, or (``contained``)
        the one named right after it as what contains it. A near spelling is only looked for in a
        story about Syria: elsewhere the Syrian governorates it names are there by chance ("New
        York" is not Nawa). A neighbourhood ("the X neighbourhood") must lie in one of the story's
        ``cities``, or be filed as a neighbourhood when the story names no city; one ``named_abroad``
        must lie abroad, and so must a hamlet's namesake in a sentence set among places
        ``told_abroad`` (:func:`_names_told_abroad`), unless near them or placed by the story. Of
        namesakes abroad, one in a country the story names (``countries``) is meant: "Tripoli" in
        a story that names Lebanon is Lebanon's, not Libya's capital. ``said``: the governorates
        its sentence spells out; ``partners``: those of the names beside it in its list
        (:func:`_where_list_partners_lie`); a hamlet of one of them that only folds like the name is
        no chance namesake. ``beside`` is the place
        :func:`_placed_beside` chose for a name told to lie by another ("" for none of its namesakes)."""
        fits = None
        elsewhere = False  # every place of the name lies outside the city: only a near spelling can be in it
        if mention.kind_hint == "neighbourhood":
            fits = (lambda place: _in_a_city(place, cities)) if cities else (lambda place: place.kind == "neighbourhood")
            elsewhere = bool(found) and not any(fits(c.place) for c in found)
            found = [c for c in found if fits(c.place)]
        elif mention.kind_hint == "admin2" and cities:
            quarters = [c for c in found if c.place.kind == "neighbourhood" and _in_a_city(c.place, cities)]
            if quarters:  # "the Sulaymaniyah district" of the city its sentence names, not Iraq's city
                fits, found = (lambda place: place.kind == "neighbourhood" and _in_a_city(place, cities)), quarters
            elif _DISTRICT_OF.match(mention.sentence, mention.end_char - mention.sentence_start) \
                    and not any(c.place.kind in ("admin2", "admin3", "neighbourhood") or lies_abroad(c.place) for c in found):
                # "the Hilaliya district of Qamishli": a quarter of the city the gazetteer lacks, not a
                # village of the name 79 km off; only a near spelling in the city can be it. A town
                # abroad is its district's seat: "Karkamış district of Gaziantep".
                fits = lambda place: _in_a_city(place, cities)  # noqa: E731
                elsewhere = bool(found) and not any(fits(c.place) for c in found)
                found = [c for c in found if fits(c.place)]
        if named_abroad:
            fits = lies_abroad if fits is None else (lambda place, inside=fits: inside(place) and lies_abroad(place))
            found = [c for c in found if fits(c.place)]
        if mention.origin == "gazetteer" and found:
            ranked = self.gazetteer.lookup(mention.text, kind=mention.kind_hint, context=context, fuzzy=False,
                                           limit=1 if fits is None else len(found))
            ranked = [c for c in ranked if fits is None or fits(c.place)]
            best = ranked[0] if ranked else found[0]
            if countries and lies_abroad(best.place) and best.place.country not in countries:
                best = next((c for c in found if c.match == best.match and lies_abroad(c.place)
                             and c.place.country in countries and (fits is None or fits(c.place))), best)
            if told_abroad and fits is None and not lies_abroad(best.place) and not is_notable(best.place) \
                    and best.place.admin1 not in _with_enclaves(local) and not _near_any(best.place, context.points) \
                    and not _near_any(best.place, told_abroad):
                # "… in the cities of Kahramanmaraş, Gaziantep, Antakya, Adıyaman, Malatya and Osmaniye":
                # Osmaniye is the Turkish city, not a hamlet by Aleppo the rest of the story is far from
                return self._resolve_one(mention, found, governorates, area, context, local=local, contained=contained,
                                         said=said, partners=partners, about_syria=about_syria, cities=cities, listed_here=listed_here,
                                         named_abroad=True, countries=countries)
            if best.match == "variant":
                # Only the article's governorates favour a hamlet that one source spells like the name:
                # a town spelled as written outweighs it ("al-Shadadi" is the Hasakah town, not an
                # Aleppo hamlet also spelled "Shadād"); the sentence's own governorates or the
                # article's places nearby would not ("the town of Safsafah near Al Tabqah"). A city
                # abroad spelled as written outweighs a Syrian town too, unless named as inside its
                # governorate: "Erbil" is the Iraqi city, not Arbin by Damascus, which one source spells
                # so, even beside Damascus.
                hamlet_by_chance = not is_notable(best.place) and best.place.admin1 not in _with_enclaves(local) \
                    and not _near_any(best.place, context.points)
                best = next((c for c in found if c.match in ("exact", "user") and c.place.importance >= _TOWN_IMPORTANCE
                             and (hamlet_by_chance or _is_abroad(c.place) and not contained)
                             and (fits is None or fits(c.place))), best)
            if local and best.place.admin1 not in local and any(c.place.admin1 in local for c in found):
                # The governorate named in the same sentence outweighs the rest of the article; the one
                # named as its container outweighs the article's other places too.
                nearer = self.gazetteer.lookup(mention.text, kind=mention.kind_hint, fuzzy=False, limit=1,
                                               context=Area(local, () if contained else context.points))
                famous_here = best.match in ("exact", "user") and is_notable(best.place)
                if nearer and nearer[0].place.admin1 in local and (fits is None or fits(nearer[0].place)) \
                        and (is_notable(nearer[0].place) or not famous_here or listed_here):
                    best = nearer[0]  # but a city spelled as written is not a hamlet that shares its name
            if mention.kind_hint == "admin1" and not is_notable(best.place):
                # "the Baniyas countryside": a town or a district has a countryside, a hamlet of the
                # name (Banias in the Golan, in a story that names Quneitra too) has none
                best = next((c for c in found if c.match in ("exact", "user") and c.place.kind in ("settlement", "city")
                             and is_notable(c.place) and (fits is None or fits(c.place))), best)
            if beside == "":  # told to lie by a town none of its namesakes lies near: a near spelling there, else the geocoder
                nearby = self._near_spelling_inside(mention, governorates, area, frozenset(), fits=fits, about_syria=about_syria)
                return nearby or self._geocode(mention, governorates, area)
            if beside and best.place.id != beside:
                best = next((c for c in found if c.place.id == beside and (fits is None or fits(c.place))), best)
            if _PROVINCE_AFTER.match(mention.sentence, mention.end_char - mention.sentence_start) \
                    and best.place.kind in ("settlement", "neighbourhood") and not is_notable(best.place):
                return self._geocode(mention, governorates, area)  # "Anbar province" is no Aleppo hamlet
            if contained and not is_notable(best.place) and not any(c.place.admin1 in local for c in found) \
                    and _lies_outside(best.place, local):
                # "the village of Taranja in Quneitra province": no place of that name lies there, so
                # a near spelling there ("Tarnaja"), else the geocoder; not a Latakia namesake.
                nearby = self._near_spelling_inside(mention, governorates, area, local, fits=fits, about_syria=about_syria)
                return nearby or self._geocode(mention, governorates, area)
            one_word_variant = best.match == "variant" and _word_count(mention.text) == 1
            abroad = lies_abroad(best.place)
            # The governorate its own sentence names says where a village is: "Kels, Shahroura and
            # Sarraf in Latakia countryside" is no Hasakah hamlet that only normalises like "Kels".
            told_there = best.place.admin1 in said or best.place.admin1 in partners  # its sentence or list says it lies there
            elsewhere_than_said = best.match == "variant" and bool(said) and _lies_outside(best.place, said) and not told_there
            # A notable town too, when a list puts the name among the named governorate's villages:
            # "al-Zakah, al-Arbaeen and Lahaya in the northern countryside of Hama" is no Arbin by Damascus.
            if one_word_variant and (abroad or listed_here and _lies_outside(best.place, local) or (not is_notable(best.place) and (
                    elsewhere_than_said or not told_there and not self._inside(best.place, governorates, area)))):
                # One word that only normalises like a place abroad ("Noma said" is not Nouméa), or
                # like a minor village outside the story's area (or in a story with no area):
                # "Sabbagh said", "Sajed hopes" are people, unless a place context says otherwise;
                # then a near spelling inside the area ("Hanida" in a Raqqa story: Hunaydah)
                # beats the namesake elsewhere (Hanadi, Latakia). An English word is no other
                # spelling of a place abroad, whatever its context ("Israel at War" is not Warri); one
                # the words put abroad is in a place context ("fled to Arsal in Lebanon").
                if not (mention.place_context or named_abroad) \
                        or abroad and _ordinary_english(mention.text, self.gazetteer.english_vocabulary):
                    return None
                nearby = self._near_spelling_inside(mention, governorates, area, said if elsewhere_than_said else frozenset(),
                                                    fits=fits, about_syria=about_syria)
                if nearby is not None:
                    return nearby
                if elsewhere_than_said or abroad and about_syria and not named_abroad \
                        and mention.kind_hint in ("neighbourhood", "settlement", "admin2", "admin3") \
                        and without_article(fold(best.matched_name)) != without_article(fold(mention.text)):
                    # "the Sinaa district" of a Raqqa story is no other spelling of Sanaa, Yemen ("the
                    # town of Ramtha" is Ar Ramtha, Jordan, spelled without its article)
                    return self._geocode(mention, governorates, area)
            elif best.match == "variant" and not is_notable(best.place) and best.place.admin1 is not None and (
                    elsewhere_than_said or (governorates or area) and _telling_words(mention.text) < 2
                    and not told_there and not self._inside(best.place, governorates, area)):
                # A name whose one telling word only normalises like a hamlet far outside the story's
                # area ("Tell Sakher" beside Kafr Nabuda is no Hasakah village; the gazetteer lacks the
                # Hama one): a near spelling inside the area, else the geocoder, rather than a place
                # 300 km off. Two telling words are rarely alike by chance: a roundup's "Deraa
                # al-Balad" is Daraa's old city though the rest of the story is in Raqqa.
                nearby = self._near_spelling_inside(mention, governorates, area, said if elsewhere_than_said else frozenset(),
                                                    fits=fits, about_syria=about_syria)
                return nearby or self._geocode(mention, governorates, area)
            return ResolvedMention(mention, best.place, "user" if best.place.source == "user" else "gazetteer", best.score)
        headless = self._headless_inside(mention, governorates, area, fits=fits) if about_syria else None
        if headless is not None:
            return headless
        nearby = None
        if about_syria and local:  # a near spelling in the governorates its sentence names first: "Kafr Nubudah (Hama)"
            nearby = self._near_spelling(mention, set(local), [p for p in area if p.admin1 in local],
                                         only_fuzzy=elsewhere, fits=fits)
        if about_syria and nearby is None:
            nearby = self._near_spelling(mention, governorates, area, only_fuzzy=elsewhere, fits=fits)
        if nearby is not None:
            return nearby
        geocoded = self._geocode(mention, governorates, area)
        return geocoded if geocoded is None or fits is None or fits(geocoded.place) else None

    def _headless_inside(self, mention: Mention, governorates: set[str], area: list[Place], *,
                         fits: Callable[[Place], bool] | None) -> ResolvedMention | None:
        """A name the gazetteer lacks that it files without its "Tell" or "Khirbet": "Tell Mardikh"
        is Mardikh, spelled exactly so, when that lies inside the story's area (a near spelling of
        the whole name, Tal Maraq, lies 40 km off). Not other heads: "Kafr Nabl" is not Nabl, nor
        "Bab Touma" Touma."""
        words = mention.text.split()
        if len(words) < 2 or normalize(words[0]) not in _MOUND_HEADS:
            return None
        for candidate in self.gazetteer.lookup(" ".join(words[1:]), fuzzy=False, limit=5):
            if candidate.match in ("exact", "user") and candidate.place.admin1 is not None \
                    and self._inside(candidate.place, governorates, area) and (fits is None or fits(candidate.place)):
                return ResolvedMention(mention, candidate.place, "gazetteer", candidate.score)
        return None

    def _near_spelling_inside(self, mention: Mention, governorates: set[str], area: list[Place], said: frozenset[str], *,
                              fits: Callable[[Place], bool] | None, about_syria: bool) -> ResolvedMention | None:
        """A near spelling instead of a namesake found elsewhere: inside the governorates the
        sentence spells out (``said``) when there are any, else inside the story's area."""
        if not about_syria:
            return None
        around, near = (_with_enclaves(said), []) if said else (governorates, area)
        return self._near_spelling(mention, around, near, only_fuzzy=True, fits=fits)

    def _near_spelling(self, mention: Mention, governorates: set[str], area: list[Place], *,
                       only_fuzzy: bool = False, fits: Callable[[Place], bool] | None = None) -> ResolvedMention | None:
        """A misspelling is only trusted inside the article's area, so only that area is searched;
        ``fits`` narrows it further (a neighbourhood must lie in a city). Never for a border
        crossing: the gazetteer has only the main ones, and the near spelling of another is a
        village that only sounds alike."""
        around = sorted(governorates | {p.admin1 for p in area if p.admin1})
        if not around or _CROSSING_AFTER.match(mention.sentence, mention.end_char - mention.sentence_start):
            return None
        found = self.gazetteer.lookup(mention.text, kind=mention.kind_hint, context=[*around, *area],
                                      fuzzy="only" if only_fuzzy else True, limit=3 if fits is None else 10)
        for candidate in found:
            if self._inside(candidate.place, governorates, area) and (fits is None or fits(candidate.place)):
                return ResolvedMention(mention, candidate.place, "gazetteer", candidate.score)
        return None

    def _inside(self, place: Place, governorates: set[str], area: list[Place]) -> bool:
        """A loose match is trusted only inside the article's governorates or near its places."""
        if place.admin1 and place.admin1 in governorates:
            return True
        return any(haversine_km(place.lat, place.lon, p.lat, p.lon) <= MAX_FALLBACK_KM / 3 for p in area)

    def _geocode(self, mention: Mention, governorates: set[str], area: list[Place]) -> ResolvedMention | None:
        if self.geocode is None:
            return None
        about_syria = bool(governorates or area)
        near = None
        if area:
            near = (statistics.median(p.lat for p in area), statistics.median(p.lon for p in area))
        place = self.geocode(
            mention.text,
            country_codes=("sy",) if about_syria else None,
            near=near,
            max_distance_km=MAX_FALLBACK_KM if near else None,
        )
        if place is None:
            return None
        place = replace(place, admin1=admin1_at(place.lat, place.lon))  # canonical governorate, or None abroad
        return ResolvedMention(mention, place, "geocoder", 0.5)
