"""Find place mentions in an article: gazetteer names, names in place contexts, and their role.

Runs the spaCy pipeline of :mod:`geomap.matcher` over the article text and turns its spans into
:class:`~geomap.model.Mention` values:

* gazetteer spans that are really part of another proper name are dropped: armed groups
  ("Jaish al-Ahrar", caught by a group-name head word), people ("Naji al Mustafa": a name glued
  to a capitalised word that is neither a place nor a place word; "Governor Diab": a title;
  "Afisi told": a village's name speaking), organisations ("Hawar news agency"), and common
  English words that only fold onto a village's key ("Aid to the Church in Need");
* capitalised names the gazetteer lacks become candidates when a place context surrounds them
  ("in X", "near X", "the town of X", "X village", "X countryside", lists after "in");
* each mention gets a ``kind_hint`` from the words after it ("X airbase" → airbase,
  "X province" → admin1) and a ``role``: ``event`` where something happened, ``mention`` for
  metonymy and background ("Moscow and Ankara brokered", "Turkey-backed", a dateline).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

import numpy
from spacy.attrs import LOWER, SENT_START
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from .dates import MONTHS, iter_full_dates
from .event_types import TAKEN_OUT_BEFORE, reports_event
from .gazetteer import Gazetteer, is_notable, lies_abroad
from .matcher import GROUP_HEADS, LIST_BULLETS, ORG_LABEL, PLACE_LABEL, WEAK_PLACE_LABEL, is_capitalised
from .model import Article, Mention
from .names import ARABIC_PROCLITICS, ARTICLES, TOPONYM_HEADS, fold, is_arabic, normalize

#: Words after a name that say what kind of place it is.
KIND_WORDS: dict[str, str] = {
    "airbase": "airbase", "airport": "airbase", "airfield": "airbase", "aerodrome": "airbase",
    "province": "admin1", "governorate": "admin1", "district": "admin2", "districts": "admin2", "subdistrict": "admin3",
    "nahiya": "admin3", "village": "settlement", "town": "settlement", "city": "settlement",
    "countryside": "admin1", "base": "airbase",
    **dict.fromkeys(["neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods", "quarter", "quarters"], "neighbourhood"),
    # A city's square or roundabout lies in the city: "al-Karama Square" is no Raqqa village.
    "square": "neighbourhood", "roundabout": "neighbourhood",
}
#: Arabic nouns written before a name that say its kind: "ريف إدلب" (Idlib countryside) is the
#: governorate, "مدينة إدلب" the city, "مطار حماة" the air base; also after a glued preposition
#: ("بريف إدلب", in the Idlib countryside).
ARABIC_KIND_WORDS: dict[str, str] = {
    "ريف": "admin1", "محافظة": "admin1", "منطقة": "admin2", "ناحية": "admin3", "مدينة": "settlement",
    "بلدة": "settlement", "قرية": "settlement", "حي": "neighbourhood", "مطار": "airbase", "قاعدة": "airbase",
}
#: Words before "of" that make the name after it a city's neighbourhood ("the neighbourhood of X"; but
#: "the neighbourhoods of X" are the city's).
_URBAN_NOUNS = frozenset({"neighbourhood", "neighborhood", "quarter"})
#: Nouns before "of" and a settlement's name: "the city of X", "the village of X".
_SETTLEMENT_NOUNS = frozenset({"city", "town", "village"})
#: Two-word forms of the same ("air base", "military airport").
KIND_PHRASES: dict[tuple[str, str], str] = {("air", "base"): "airbase", ("military", "airport"): "airbase", ("air", "field"): "airbase"}
_KIND_PHRASE_STARTS = frozenset(first for first, _ in KIND_PHRASES)  # the second word is read only after one

#: Adjectives that make a following governorate-or-city name mean the governorate.
REGION_ADJECTIVES = frozenset({"northern", "southern", "eastern", "western", "northwestern", "northeastern",
                               "southwestern", "southeastern", "north-western", "rural", "central"})
#: Prepositions after which a capitalised name is a place.
PLACE_PREPOSITIONS = frozenset({"in", "near", "at", "around", "outside", "into", "towards", "toward", "from", "across", "inside", "besieged", "entered", "captured", "recaptured", "seized", "shelled", "bombed", "struck", "targeted", "stormed", "hit", "pounded"})
#: Nouns after which "of X" names a place ("the town of X").
PLACE_NOUNS = frozenset({"village", "villages", "town", "towns", "city", "cities", "area", "areas", "region", "district", "province", "countryside", "outskirts", "suburb", "suburbs", "neighbourhood", "neighborhood", "camp", "outside", "south", "north", "east", "west", "vicinity", "environs"})
#: Words that may stand just before a place name without being part of a larger name.
LEFT_OK = frozenset({
    "northern", "southern", "eastern", "western", "central", "northwestern", "northeastern", "southwestern",
    "southeastern", "north", "south", "east", "west", "rural", "greater", "upper", "lower", "old", "new",
    "the", "in", "near", "of", "and", "or", "from", "to", "at", "on", "outside", "around", "between",
    "syria", "syrias", "syrian", "northwest", "northeast", "southwest", "southeast",
    # neighbours' possessives that lost their apostrophes in scraped text: "Turkeys Hatay province"
    "turkeys", "iraqs", "lebanons", "jordans", "israels",
    # Peoples' adjectives: "the Palestinian Yarmouk camp", "Kurdish Afrin" (see FOREIGN_DEMONYMS too).
    "palestinian", "kurdish", "turkish", "russian", "iraqi", "lebanese", "iranian", "american", "israeli",
    "jordanian", "arab", "armenian", "assyrian", "egyptian", "saudi",
})
#: Capitalised words that may follow a place name and still leave it a place. Not "Front": capitalised,
#: it names a group ("the Deir Ezzor Airport Front", "Southern Front"); the battle line is lower case
#: ("the Aleppo front").
RIGHT_OK = frozenset({"province", "governorate", "district", "subdistrict", "city", "town", "village",
                      "countryside", "airbase", "airport", "air", "military", "camp", "area", "region",
                      "plain", "plains", "valley", "mountains", "mountain", "river", "dam", "lake", "desert",
                      "frontline", "road", "highway", "crossing", "border", "prison",
                      # "near Deir ez-Zor Syria": a flattened "Deir ez-Zor, Syria"; "near the city of Deir
                      # al-Zor Syrias SANA state news agency reported": a possessive that lost its apostrophe
                      "syria", "syrias"})
#: Words that end an organisation's name ("Aleppo University", "Idlib Media Center").
ORGANISATION_WORDS = frozenset({
    "university", "college", "school", "council", "brigade", "brigades", "battalion", "battalions", "division",
    "regiment", "army", "forces", "movement", "party", "committee", "committees", "hospital", "media", "center",
    "centre", "office", "network", "revolutionaries", "martyrs", "group", "company", "club", "times", "post",
    "news", "today", "agency", "radio", "tv", "channel", "coordination", "union", "front", "operations", "room",
    "liberation", "shield", "spring", "peace", "olive", "branch", "euphrates", "declaration", "process", "talks",
    "conference", "agreement", "accord", "memorandum", "press", "legion",
})
#: Names of people Syria news repeats most that are also villages' names ("Assad", a hamlet near
#: Aleppo). Never a place alone, and a name next to one is a person's ("Ammar al-Assad").
PERSON_NAMES = frozenset({"assad", "bashar", "putin", "erdogan"})
#: Common given names in Syria news. A place name next to one, capitalised, is part of a person's
#: name ("Omar Hassan", "Mustafa Khaled"), even at the start of a sentence.
GIVEN_NAMES = frozenset({
    "mohammed", "muhammad", "mohammad", "mohamed", "ahmed", "ahmad", "ali", "omar", "umar", "hassan", "hasan",
    "hussein", "husain", "hussain", "khaled", "khalid", "mahmoud", "mahmud", "mustafa", "mostafa", "ibrahim",
    "youssef", "yousef", "yusuf", "abdullah", "abdallah", "hamza", "bilal", "fadi", "rami", "samir", "walid",
    "saeed", "salim", "karim", "kareem", "tarek", "tariq", "yasser", "yaser", "anas", "osama", "usama",
    "majid", "maher", "nabil", "nizar", "riad", "riyad", "ziad", "zaid", "zeid", "fatima", "aisha", "maryam",
    "layla", "rania", "hala", "huda", "samira", "amal", "jamil", "adel", "adnan", "haitham", "hisham", "ayman",
    "imad", "emad", "munir", "mounir", "raed", "wael", "qasim", "kassem", "jihad", "faisal", "suleiman",
    "salah", "amin", "jamal", "abbas", "hamed", "hamid", "nasser", "ghassan", "bassam", "hussam", "issam",
    "fouad", "mazen", "samer", "marwan", "mohannad", "muhannad", "firas", "feras", "louay", "sami", "hani", "tamer",
    "hazem", "hazim", "talal", "manar", "manal", "ammar", "bashir", "iyad", "eyad", "ghaith", "qusay", "wissam",
    "wassim", "yahya", "khalil", "ismail", "fares", "mazloum", "mazlum", "qassim", "qasem", "mariam", "miriam",
    "nour", "noor", "zeinab", "zainab", "khadija", "lina", "dima", "reem", "rasha", "yara",
})
#: Titles, ranks and kinship words that stand before a person's name, in any case: a place name
#: right after one is the person's ("Governor Diab", "Colonel Saleh", "Dr. Darwish", "his brother
#: Bassil"). "Sheikh" is left out: it opens place names ("Sheikh Maqsoud").
TITLES = frozenset({
    "governor", "minister", "president", "premier", "general", "colonel", "lieutenant", "brigadier", "captain",
    "commander", "sergeant", "spokesman", "spokeswoman", "envoy", "ambassador", "mayor", "senator", "judge",
    "imam", "bishop", "archbishop", "patriarch", "prince", "king", "queen", "emir", "dr", "mr", "mrs", "ms",
    "prof", "professor", "gen", "col", "lt", "brig", "capt", "sgt", "cmdr", "brother", "sister", "son",
    "daughter", "wife", "husband", "cousin", "uncle", "nephew", "journalist", "photographer", "correspondent",
    "activist",
})
#: Words right after a one-word name that make it a person speaking ("… Afisi told al-Araby",
#: "Al-Barazi, whose comments …"): a village does not speak, a capital may ("Damascus said"), so
#: the test is for names no notable place is spelled as.
SPEECH_WORDS = frozenset({
    "told", "said", "says", "added", "explained", "noted", "wrote", "stressed", "indicated", "affirmed",
    "asserted", "tweeted", "commented", "argued", "who", "whose",
})
#: Nouns after a name, in any case, that make it an organisation's ("al-Baath party's building",
#: "the Suqour al-Sham brigade"). Not "front" ("the Aleppo front" is a battle line), nor "news" or
#: "agency" alone ("Idlib news" is news from Idlib, "the Atlanta agency" an office there).
ORGANISATION_NOUNS = frozenset({"party", "movement", "legion", "brigade", "brigades", "battalion", "battalions",
                                "newspaper", "family", "clan", "tribe"})  # "the Bisho family", "the Tayy tribe"
#: Words that make a following "agency" or organisation noun a medium's name ("the Kurdish Hawar
#: news agency", "Anadolu press agency").
_MEDIA_WORDS = frozenset({"news", "press", "media"})
#: Lower-case particles inside people's names: a single name right after one is a surname.
NAME_PARTICLES = frozenset({"de", "van", "von", "der", "bin", "ibn", "bint", "du", "da", "di", "del", "della", "dos"})
#: Words that open longer place names ("New Jersey", "San Jose", "Port Sudan"): never a place alone,
#: and a place name right after one, capitalised, is part of another place's name, not itself.
NAME_HEADS = frozenset({"new", "san", "santa", "saint", "fort", "port", "mount", "lake", "cape", "los", "las"})
#: Capitalised words that are never place names on their own.
NOT_NAMES = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "the", "a", "an", "this", "that", "these", "those", "he", "she", "it", "they", "we", "i", "his", "her",
    "their", "its", "our", "mr", "mrs", "ms", "dr", "president", "minister", "general", "colonel", "reuters",
    "afp", "ap", "sana", "state", "government", "regime", "army", "forces", "rebels", "militants", "opposition",
    "ministry", "council", "nations", "un", "us", "eu", "isis", "isil", "is", "daesh", "ypg", "sdf", "fsa",
    "saa", "hts", "nato", "who", "unicef", "ocha", "unhcr", "sohr", "islamic", "kurdish", "arab", "syrian",
    "russian", "turkish", "iranian", "american", "israeli", "lebanese", "iraqi", "jordanian", "western",
    "local", "pro", "anti", "sources", "activists", "residents", "civilians", "people", "children",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "corp",
    "co", "st", "mt", "gen", "lt", "sgt", "capt", "col", "maj", "gov", "sen", "rep", "jr", "sr", "no", "vs",
    # Faiths and peoples: each is also a village's name or spelling somewhere ("Shiite" folds like Shate).
    "shiite", "shiites", "shia", "sunni", "sunnis", "alawite", "alawites", "druze", "christian", "christians",
    "yazidi", "yazidis", "turkmen", "kurd", "kurds", "arabs",
    # Sites and networks a page's share buttons and sources name ("Share: Facebook | Twitter | Google+").
    "google", "facebook", "twitter", "whatsapp", "telegram", "youtube", "instagram", "tiktok",
    # Compass words: "Southern Aleppo" in a headline, "the West"; in Arabic the adjective follows
    # ("ريف إدلب الجنوبي", southern Idlib countryside).
    "north", "south", "east", "northern", "southern", "eastern", "central", "northeast", "northwest",
    "southeast", "southwest", "الشمالي", "الجنوبي", "الشرقي", "الغربي", "الشمالية", "الجنوبية", "الشرقية",
    "الغربية", "الأوسط", "الوسطى",
}) | PERSON_NAMES
#: Verbs and auxiliaries that make a preceding country or capital an actor, not a location.
ACTOR_VERBS = frozenset({
    "has", "have", "had", "is", "was", "were", "will", "would", "could", "should", "can", "said", "says", "say",
    "brokered", "negotiated", "agreed", "accused", "accuses", "announced", "backed", "backs", "supports",
    "supported", "sent", "sends", "deployed", "denied", "denies", "warned", "warns", "stated", "claimed",
    "claims", "called", "calls", "urged", "urges", "condemned", "condemns", "demanded", "launched", "stemmed",
    "rejected", "signed", "welcomed", "vowed", "threatened", "responded", "intervened", "insisted", "wants",
    "believes", "believed", "hopes", "blamed", "blames", "told", "reported", "confirmed", "provided",
    "provides", "continues", "continued", "plans", "planned", "pledged", "offered", "did", "does",
    "vows", "welcomes", "rejects", "pledges", "threatens", "responds", "insists", "demands", "denounced",
    "denounces", "commented", "expressed", "expresses", "refused", "refuses", "opposed", "opposes",
    # a plural subject's present, as headlines write it: "Damascus and Moscow deny any chemical attack"
    "deny", "warn", "accuse", "reject", "condemn", "vow", "demand", "urge", "blame", "threaten", "refuse", "welcome",
    # an outlet or a monitor named like a village: "Nabaa has documented 19 killings"
    "documented", "documents",
})
#: What a government does, after an auxiliary ("Damascus has denied", "Damascus did not comment"):
#: the place is the government; "Idlib was shelled" stays a place.
#: Only what is said or decided counts: in "the city of Homs has claimed the lives of 40" the blast did.
_ACTOR_VERBS_AFTER_AUXILIARY = frozenset({
    "denied", "deny", "rejected", "reject", "accused", "accuse", "warned", "warn", "condemned", "condemn", "welcomed",
    "welcome", "said", "say", "announced", "announce", "vowed", "vow", "threatened", "threaten", "demanded", "demand",
    "insisted", "insist", "refused", "refuse", "agreed", "agree", "signed", "sign", "responded", "respond",
    "commented", "comment", "confirmed", "confirm", "urged", "blamed", "pledged", "accepted", "accept", "recognised",
    "recognized", "recognise", "recognize", "want", "wanted", "called", "asked", "requested", "approved", "documented",
    "sent"})
#: The auxiliaries of an active verb: after "is", "was", "were" a participle is passive ("the
#: fighting in Aleppo is reported to have killed").
_ACTIVE_AUXILIARIES = frozenset({"has", "have", "had", "will", "would", "could", "should", "can", "did", "does"})
#: What a government is doing, after "is" or "was": "Damascus is sending thousands of fighters".
_ACTOR_PROGRESSIVES = frozenset({"sending", "deploying", "demanding", "accusing", "denying", "seeking", "negotiating",
                                 "pressing", "threatening", "planning", "refusing", "insisting"})
#: Words an auxiliary may have before its verb: "has not commented", "has repeatedly denied".
_ADVERBS_AFTER_AUXILIARY = frozenset({"not", "n't", "also", "repeatedly", "already", "long", "strongly", "previously",
                                      "yet", "never", "publicly", "officially", "so", "far", "consistently", "again"})
#: Words after a hyphen that turn a place into a modifier ("Turkey-backed", "Idlib-based").
MODIFIER_SUFFIXES = frozenset({"backed", "led", "based", "allied", "affiliated", "controlled", "held",
                               "supported", "sponsored", "aligned", "funded", "trained", "brokered"})
#: Words joined before a name to tell whose side someone is on: "pro-Damascus media", "anti-Ankara".
MODIFIER_PREFIXES = frozenset({"pro", "anti"})
_FOREIGN_KINDS = frozenset({"country", "city"})
_MAX_CONTEXT_NAME_TOKENS = 5


def find_mentions(doc: Doc, article: Article, gazetteer: Gazetteer, *, datelines: Sequence[tuple[int, int]] = (),
                  spans_key: str = "places") -> list[Mention]:
    """Place mentions of one processed Doc, in text order.

    ``datelines`` are the character ranges of datelines ("DAMASCUS:", "… BEIRUT (AFP) …",
    :func:`geomap.read.dateline_spans`): where the report was filed.
    """
    sentences = _Sentences(doc, article.text)
    credits = _credit_lines(article.text)
    # A SpanGroup makes new Span objects on every pass, and each label_ is a string look-up.
    found: dict[str, list[Span]] = {PLACE_LABEL: [], WEAK_PLACE_LABEL: [], ORG_LABEL: []}
    for span in doc.spans.get(spans_key, []):
        found.setdefault(span.label_, []).append(span)
    found[PLACE_LABEL] = _without_parts_of_longer_names(found[PLACE_LABEL], gazetteer)
    listed = _listed_places(doc, found[PLACE_LABEL], gazetteer)
    people: set[str] = set()  # surnames, filled by _keep_place
    name_ends = {s.end - 1 for s in found[PLACE_LABEL]}
    places = [s for s in found[PLACE_LABEL] if _keep_place(s, gazetteer, sentences, listed, people, name_ends)]
    place_starts, place_ends = {s.start for s in places}, {s.end for s in places}
    hyphen_pairs = _hyphenated_places(doc, found[PLACE_LABEL])
    places += [s for s in found[PLACE_LABEL] if s.start in hyphen_pairs and s.start not in place_starts]
    places.sort(key=lambda s: s.start)
    places += [s for s in found[WEAK_PLACE_LABEL]
               if (_in_place_context(s, place_starts, place_ends) or _a_region_after_the_preposition(s, gazetteer))
               and not _after_a_bare_arabic_preposition(s)
               and _keep_place(s, gazetteer, sentences, listed, name_ends=name_ends) and _weak_word_spelled_as_a_place(s, gazetteer)]
    if people:  # "Abu Mohammad al-Golani" named, "Golani's grip" is his, not a village's
        places = [s for s in places if len(s) > 1 or fold(s.text) not in people
                  or _spelled_as_a_place(s, gazetteer, notable=True)]
    if credits:  # "(Reporting by Laila Bassam in Beirut; …)": names are the reporters', places where they were
        places = [s for s in places if not _inside(s, credits) or _previous_word_is(s, "in")]
        datelines = [*datelines, *credits]
    for span in places:
        span.label_ = PLACE_LABEL
    places = _joined_hamlet_names(places, gazetteer)
    organisations = found[ORG_LABEL]
    taken = {i for s in places + organisations for i in range(s.start, s.end)}
    heads = [s.start for s in found[PLACE_LABEL] if s.start not in place_starts and _heads_a_longer_toponym(s)]
    spans = [s for s in places + list(_context_candidates(doc, taken, sentences, heads))
             if _PATRONYMIC_AFTER.match(article.text, s.end_char) is None]  # "Hisham bin Abdul Malik" is a man
    spans.sort(key=lambda s: s.start)
    hints = _list_kind_hints(doc, spans, [_kind_hint(span) for span in spans])
    mentions = []
    for span, kind_hint in zip(spans, hints):
        origin = "gazetteer" if span.label_ == PLACE_LABEL else "context"
        kinds = gazetteer.kinds_for_key(span.id_) if origin == "gazetteer" else frozenset()
        foreign = bool(kinds) and kinds <= _FOREIGN_KINDS
        also_abroad = bool(kinds & _FOREIGN_KINDS)  # some place abroad has the name
        spoken_abroad = foreign or also_abroad and _spelled_as_a_place_abroad(span, gazetteer)
        government = _stands_for_a_government(span, sentences, foreign=spoken_abroad)
        role = _role(span, sentences, foreign=foreign, spoken_abroad=spoken_abroad, dateline=_inside(span, datelines),
                     government=government, witnessed=not also_abroad and _where_a_witness_is(span))
        sent = sentences.of(span)
        start = _written_start(article.text, span.start_char, sent.start_char)
        mentions.append(Mention(
            doc_id=article.id, text=article.text[start:span.end_char], start_char=start, end_char=span.end_char,
            sentence=sentences.text_of(sent), role=role, origin=origin, kind_hint=kind_hint,  # type: ignore[arg-type]
            sentence_start=sent.start_char,
            place_context=origin == "context" or _has_place_word_after(span) or _in_place_context(span, place_starts, place_ends),
            government=government, abroad=also_abroad and _after_a_foreign_demonym(span),
        ))
    return mentions


#: The Arabic article written before a name, which the name's key leaves out: glued by a hyphen
#: ("al-Bayda", "as-Safira") or, as "al"/"el" only, by a space ("Al Bab"): "at", "an" and "as"
#: before a space are English words.
_ARTICLE_BEFORE = re.compile(r"(?:\b(?:" + "|".join(sorted(ARTICLES, key=len, reverse=True)) + r")[-‐]|\b(?i:al|el) )$", re.IGNORECASE)


#: "son of", "daughter of" and a capitalised name after a name: a person's ("near Hisham bin Abdul
#: Malik street" is no Khasham; "Khalid ibn al-Walid").
_PATRONYMIC_AFTER = re.compile(r"[ \t]+(?:bin|ibn|bint|ben|Bin|Ibn|Bint|Ben)[ \t]+(?:(?:al|el)[-‐])?[A-Z]")


def _joined_hamlet_names(places: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """Two one-word names side by side that are each only a hamlet's ("Shir Mughar": Shir, a
    Latakia hamlet, and a spelling of Maghara in Idlib) are one name the gazetteer lacks, left to
    the near spellings and the geocoder; a notable place beside another keeps both ("Homs Akrameh
    neighbourhood", a list that lost its commas)."""
    starts, ends = {s.start for s in places}, {s.end for s in places}
    joined: list[Span] = []
    for span in places:
        previous = joined[-1] if joined else None
        if previous is not None and previous.end == span.start and len(previous) == 1 and len(span) == 1 \
                and previous.label_ != "CANDIDATE" and previous.doc[previous.start].whitespace_ == " " \
                and not _in_a_list(previous.start, span.end, starts, ends) \
                and not _spelled_as_a_place(previous, gazetteer, notable=True) \
                and not _spelled_as_a_place(span, gazetteer, notable=True):
            joined[-1] = Span(span.doc, previous.start, span.end, label="CANDIDATE")
        else:
            joined.append(span)
    return joined


def _in_a_list(start: int, end: int, starts: set[int], ends: set[int]) -> bool:
    """True when the names at tokens ``start``..``end`` stand among more names, perhaps joined by a
    comma or "and" (a list that lost its commas: "in Kels Shahroura Sarraf and Hajjar")."""
    return start in ends or end in starts or start - 1 in ends or end + 1 in starts


def _written_start(text: str, start: int, floor: int) -> int:
    """Where a name begins as written, its Arabic article included: "al-Bayda" is the spelling the
    gazetteer compares, not "Bayda", which is another village's."""
    article = _ARTICLE_BEFORE.search(text, max(floor, start - 4), start)
    return article.start() if article else start


#: A wire story's credit line, "(Reporting by Tom Perry and Laila Bassam in Beirut; Editing by Giles
#: Elgood)", also alone on its line without brackets ("Editing by Hogir Al-Abdo"), or a byline
#: alone on its line: "By ZEINA KARAM, Associated Press", "By Orhan Qereman and Tom Perry",
#: "By Lina Haddad | Homs | 20 January 2026".
_CREDIT_LINE = re.compile(r"\((?:Additional\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Ww]ritten)\s+by\b[^()\n]{0,300}\)"
                          r"|(?m:^[ \t]*(?:Additional\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Ww]ritten)[ \t]+by\b[^\n]{0,200}$)"
                          r"|(?m:^[ \t]*(?:By|BY)[ \t]+[A-Z][\w'’.-]*(?:[ \t]+(?:and[ \t]+)?[A-Z][\w'’.-]*|,[ \t]*[A-Z][\w'’.-]*){0,8}"
                          r"(?:[ \t]*[|•·][ \t]*[^|•·.\n]{1,40})*[ \t]*$)")


def _credit_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of the credit lines and bylines in a text (:data:`_CREDIT_LINE`)."""
    if "by" not in text and "By" not in text and "BY" not in text:
        return []
    return [m.span() for m in _CREDIT_LINE.finditer(text)]


def _inside(span: Span, ranges: Sequence[tuple[int, int]]) -> bool:
    return bool(ranges) and any(start <= span.start_char < end for start, end in ranges)


def _previous_word_is(span: Span, word: str) -> bool:
    return span.start > 0 and span.doc[span.start - 1].lower_ == word


def merge_entity_mentions(doc: Doc, article: Article, mentions: list[Mention]) -> list[Mention]:
    """Add a trained pipeline's GPE/LOC/FAC entities that no other rule found, as candidates."""
    covered = [(m.start_char, m.end_char) for m in mentions]
    sentences = _Sentences(doc)
    extra = []
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        if any(s < ent.end_char and ent.start_char < e for s, e in covered):
            continue
        government = _stands_for_a_government(ent, sentences, foreign=False)
        extra.append(Mention(
            doc_id=article.id, text=ent.text, start_char=ent.start_char, end_char=ent.end_char,
            sentence=sentences.of(ent).text,
            role=_role(ent, sentences, foreign=False, spoken_abroad=False, dateline=False, government=government),  # type: ignore[arg-type]
            origin="model", kind_hint="airbase" if ent.label_ == "FAC" else None,
            sentence_start=sentences.of(ent).start_char, government=government,
        ))
    return sorted(mentions + extra, key=lambda m: m.start_char)


# ------------------------------------------------------------------------- filtering

#: Arabic articles spelled like English words: alone and lower-case they are those words ("Daraa
#: at Sanamayn", "an Idlib town"); only a hyphen makes them articles ("as-Safira").
_ENGLISH_LOOKALIKES = frozenset({"at", "an", "as", "en"})


def _is_article(doc: Doc, token: Token) -> bool:
    """True when ``token`` is an Arabic article inside a name ("al", "el", "ash-")."""
    text = token.text
    if text not in _ENGLISH_LOOKALIKES:
        return token.lower_ in ARTICLES
    return token.i + 1 < len(doc) and doc[token.i + 1].text in "-‐"


def _previous_word(span: Span) -> Token | None:
    """The token before the span, skipping Arabic articles and hyphens ("Jaish al-Ahrar")."""
    doc = span.doc
    for i in range(span.start - 1, -1, -1):
        token = doc[i]  # made once: every Token is a new object
        if not (_is_article(doc, token) or token.is_punct and token.text in "-‐"):
            return token
    return None


class _Sentences:
    """The sentences of a Doc, found once: ``span.sent`` walks the tokens on every call, and
    so does ``Span.text``, so sentence texts are sliced from the article's text instead."""

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        self.doc = doc
        length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
        self.text = text if text is not None and len(text) == length else doc.text
        self.starts = _sentence_starts(doc)
        self.ends = self.starts[1:] + [len(doc)]
        self._spans: dict[int, Span] = {}  # made on demand: most sentences name no place
        self._title_case: dict[int, bool] = {}
        self._triggered: dict[int, bool] = {}
        self._furniture: list[int] | None = None  # where link and tag lists start, read on first use
        self._written: dict[int, int] = {}  # by a name's start: where it starts as written
        self._lead: int | None = None  # the first sentence of prose, found on first use

    def _index(self, span: Span) -> int:
        return max(bisect.bisect_right(self.starts, span.start) - 1, 0)

    def of(self, span: Span) -> Span:
        """The sentence a span starts in."""
        return self._at(self._index(span))

    def _at(self, index: int) -> Span:
        """Sentence number ``index``."""
        sent = self._spans.get(index)
        if sent is None:
            sent = self._spans[index] = self.doc[self.starts[index]:self.ends[index]]
        return sent

    def written_start(self, span: Span) -> int:
        """Where a name begins as written, its Arabic article included (:func:`_written_start`);
        found once for the several rules that read the words before it."""
        start = self._written.get(span.start_char)
        if start is None:
            start = self._written[span.start_char] = _written_start(self.text, span.start_char, self.of(span).start_char)
        return start

    def text_of(self, span: Span) -> str:
        """A sentence's or a name's text, without building it token by token."""
        return self.text[span.start_char:span.end_char]

    def title_case(self, span: Span) -> bool:
        index = self._index(span)
        if index not in self._title_case:
            # Token by token: few sentences get here, so whole-Doc attribute arrays would cost more.
            content_words = [token.text for token in self.of(span) if token.is_alpha and len(token) >= 3 and not token.is_stop]
            self._title_case[index] = _is_title_case(content_words)
        return self._title_case[index]

    def triggered(self, span: Span) -> bool:
        """True when the span's sentence says something happened, or is an item of a list whose
        heading sentence does ("Killed today in Idlib:" over "- 1 woman in Kansafra")."""
        return self._triggered_at(self._index(span))

    def _triggered_at(self, index: int) -> bool:
        if index not in self._triggered:
            text = self._text_at(index)
            told = reports_event(text)
            heading, item = index, False
            while heading > 0:  # past the list's items, not read, to the sentence that heads them
                before = self._text_at(heading - 1).strip()
                if _NUMBER_MARK.fullmatch(before):
                    heading -= 2  # "1." is a sentence of its own before its item
                elif text.lstrip()[:1] in LIST_BULLETS or _is_table_row(text):
                    heading -= 1  # a table's rows are its items, headed by the sentence above the table
                else:
                    break
                item = True
                text = self._text_at(heading) if heading >= 0 else ""
            if not told and item and heading >= 0:
                told = reports_event(text)
            if not told and index + 1 < len(self.starts) and index > self._lead_index() \
                    and _is_a_dated_heading(self._text_at(index)):
                told = reports_event(self._text_at(index + 1))  # an incident's heading, then what happened
            self._triggered[index] = told
        return self._triggered[index]

    def _lead_index(self) -> int:
        """The number of the first sentence of prose (:data:`_LEAD_TOKENS` tokens or more): the lines
        above it are the page's title, date line and dateline ("AMMAN/DAMASCUS, 8 February 2023")."""
        if self._lead is None:
            self._lead = next((i for i, (start, end) in enumerate(zip(self.starts, self.ends)) if end - start >= _LEAD_TOKENS),
                              len(self.starts))
        return self._lead

    def _text_at(self, index: int) -> str:
        return self.text_of(self._at(index))

    def after_furniture(self, span: Span) -> bool:
        """True when a page's link or tag list (:data:`_PAGE_FURNITURE`) opens before the span in
        its sentence, or heads the lines the span is in ("Related news" alone on its line, then a
        link a line up to a blank line). The text is searched once, and only when it has one of
        their words."""
        if self._furniture is None:
            text = self.text
            self._furniture = [(m.start(), _list_end(text, m.end())) for m in _PAGE_FURNITURE.finditer(text)] \
                if any(word in text for word in _FURNITURE_WORDS) else []
        if not self._furniture:
            return False
        i = bisect.bisect_right(self._furniture, (span.start_char, len(self.text))) - 1
        if i < 0:
            return False
        start, list_end = self._furniture[i]
        return start >= self.of(span).start_char or span.start_char < list_end


def _is_a_dated_heading(text: str) -> bool:
    """A short line that names an incident by its place and day, over the sentence that tells of it
    ("6 October 2015 — Latamneh Surgical Hospital, Latamneh (Hama). Russian aircraft struck …",
    "Taldou, Houla region (Homs governorate), 25 May 2012")."""
    return len(text) <= _DATED_HEADING_CHARS and next(iter_full_dates(text), None) is not None


#: The fewest tokens of a sentence of prose, which no title or date line runs to.
_LEAD_TOKENS = 15
#: The longest an incident's dated heading runs.
_DATED_HEADING_CHARS = 120


def _is_table_row(text: str) -> bool:
    """A table's row: cells parted by "|" or tabs ("03/10/2019 | Kafr Rouma village | Idlib")."""
    return text.count("|") >= 2 or text.count("\t") >= 2


#: A list item's number, a sentence of its own before the item ("2."; bullets: matcher.LIST_BULLETS).
_NUMBER_MARK = re.compile(r"[0-9]{1,3}[.)]")


def _sentence_starts(doc: Doc) -> list[int]:
    """Indices of the tokens that open a sentence; the first token always does. Found by numpy:
    a Python loop over every token's flag cost more than the rest of the sentence bookkeeping."""
    if not len(doc):
        return []
    starts: list[int] = numpy.flatnonzero(doc.to_array(SENT_START) == 1).tolist()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    return starts


def _is_title_case(words: list[str]) -> bool:
    """A headline in title case ("Rebels Shell Army Posts Near Saraqib"): every content word
    (``words``: the sentence's alphabetic non-stop words of 3 letters or more) capitalised, so
    capitalisation says nothing about where a name ends."""
    lower = sum(not word[0].isupper() for word in words)
    return len(words) - lower >= 3 and lower <= 1 and lower / max(len(words), 1) < 0.2


def _next_word(span: Span) -> Token | None:
    """The token after the span, skipping Arabic articles and hyphens ("Naji al-Mustafa")."""
    doc = span.doc
    for i in range(span.end, len(doc)):
        token = doc[i]  # made once: every Token is a new object
        if not (_is_article(doc, token) or token.text in "-‐"):
            return token
    return None


def _keep_place(span: Span, gazetteer: Gazetteer, sentences: _Sentences, beside: set[int] = frozenset(),
                surnames: set[str] | None = None, name_ends: set[int] = frozenset()) -> bool:
    """Drop gazetteer names that are part of a group's, an organisation's or a person's name,
    or not names at all. A capitalised ordinary English word after the name ("Deir Ezzor
    Monitor", a headline's source) does not make it part of a longer name; an organisation
    word ("Aleppo University") or an unknown name ("Hama Khalid") does. A one-word name written
    as a surname, after a given name or a title ("Abu Mohammad al-Golani", "Colonel al-Saleh"),
    goes into ``surnames``, folded, for the later mentions of the same person ("Golani's grip")."""
    doc = span.doc
    single = doc[span.start] if len(span) == 1 else None
    if single is not None and (single.lower_.rstrip(".-‐+") in NOT_NAMES or single.lower_ in NAME_HEADS):
        return False  # "Dec.", "Mar.", "US" (an actor, mostly), "New"
    if single is not None and single.text in _ARABIC_NOT_NAMES and (
            span.start == 0 or _arabic_kind_word(doc[span.start - 1].text) is None):
        return False  # "في تشرين الأول" (in October), "دخلت المدينة" (entered the city): not Tishrine nor Medina
    if single is not None and single.text.endswith(".") and single.text.count(".") == 1:
        return False  # an abbreviation: "Sen.", "Minn.", "Gen." ("U.S." has two dots)
    if single is not None and single.text.strip("()-–—:") in _AGENCY_ACRONYMS:
        return False  # "DAMASCUS, (SANA)-": the state news agency, not al-Sinaa nor As-Saan
    if single is not None and _MIXED_CASE_ACRONYM.fullmatch(single.text):
        return False  # "Government of Syria (GoS) forces": no spelling of Kas Kaskan
    if single is not None and span.id_ in TOPONYM_HEADS and _opens_a_longer_name(span):  # id_: the matched key
        return False  # "Jabal al-Arab", "Jabal Shahshabu", which the gazetteer lacks: "Jabal" alone is no place
    before = _previous_word(span)
    if before is not None and _is_group_head(before.text):
        return False
    preceding = doc[span.start - 1] if span.start > 0 else None
    if preceding is not None and preceding.lower_ in NAME_HEADS and preceding.text[0].isupper():
        return False  # "New Jersey" is not Jersey
    if single is not None and preceding is not None and preceding.lower_ in NAME_PARTICLES:
        return False  # "de Mistura", "bin Salman", "van Rompuy": a person's name
    after = _next_word(span)
    given_before = _is_given_name(before)
    if given_before or _is_given_name(after):
        if surnames is not None and single is not None and given_before:
            surnames.add(fold(span.text))
        return False  # "Omar Hassan", "(Muhammad Hamed/Reuters)", even in a headline's title case
    if _after_a_title(span):
        if surnames is not None and single is not None:
            surnames.add(fold(span.text))
        return False  # "Governor Diab", "Dr. Darwish", "Colonel al-Saleh"
    if single is not None and not _after_an_article(span, sentences.text) \
            and _a_demonym(single.text, gazetteer):  # "al-Basiri" is a village, "al-Homsi" a family
        return False  # "displaced Homsis", "an Idlibi activist": people of Homs and Idlib, which they fold onto
    if _after_a_foreign_demonym(span) and not _spelled_as_a_place(span, gazetteer, abroad=True) \
            and not any(map(lies_abroad, gazetteer.places_spelled(sentences.text[sentences.written_start(span):span.end_char]))):
        return False  # "the Iraqi town of Haditha", "Iraqi Sinjar": not the Syrian places spelled alike ("al-Qaim" is Iraq's)
    if _after_a_naming_phrase(span) and not _spelled_as_a_place(span, gazetteer, notable=True):
        return False  # "identified as Abu Obaida", "known as Abu Jaber"; "the town known as Kobani" stays
    if single is not None and _is_given_name(single) and not _after_an_article(span, sentences.text) \
            and (_is_surname(after) or not _spelled_as_a_place(span, gazetteer)):
        # "Riad Hijab", a photo credit "Hazem Sabbagh"; "Patrick in January 2014 and Mazen in November
        # 2017", a man folded onto Midan; "al-Omar" is a family's or a place's
        return False
    if _a_kunya(span) and _spoken_of_as_a_person(span, before, after) \
            and not _spelled_as_a_place(span, gazetteer, notable=True):
        return False  # "said Abu Omar", "the commander, Abu Hussein, said": a man called by his son
    following = doc[span.end] if span.end < len(doc) else None
    if following is not None and _opens_organisation_noun(following):
        return False  # "Hawar news agency", "al-Baath party's"
    if following is not None and following.lower_ in _FACILITY_NOUNS and before is not None and before.lower_ == "the" \
            and not gazetteer.places_spelled(span.text):
        return False  # "the Al-Shami hospital", "the Al-Sayed house": a family's name, only folded onto a place's
    if following is not None and following.lower_ == "agency" and not (
            _spelled_as_a_place(span, gazetteer, notable=True) or _spelled_as_a_place(span, gazetteer, abroad=True)):
        return False  # "the Hawar agency" is an outlet (Hawar a hamlet's other name); "the Atlanta agency" is Atlanta's
    if following is not None and following.text == "," and _described_as_a_person(doc, span.end + 1) \
            and not _after_place_word(span):
        if surnames is not None and single is not None:
            surnames.add(fold(span.text))  # "Abdi warned", after "Mazloum Abdi, the SDF commander"
        return False  # "Abu Omar, a teacher who had lived in al-Sukkari"; not "shelling in Idlib, a spokesman said"
    if single is not None and following is not None and following.lower_ in SPEECH_WORDS \
            and not _after_place_word(span) and not _spelled_as_a_place(span, gazetteer, notable=True):
        return False  # "… Afisi told al-Araby", "Al-Barazi whose comments"; "Damascus said" stays
    # In a title-case headline capitalisation says nothing, so a capitalised word beside the name
    # does not join it to a longer one; that sentence test is the costliest, so it comes last.
    return not _glued_to_a_capitalised_word(span, before, after, gazetteer.english_vocabulary, beside, name_ends) \
        or sentences.title_case(span)


#: Buildings named after a family or a saint as often as after their village ("the Al-Shami hospital").
_FACILITY_NOUNS = frozenset({"hospital", "house", "home", "mosque", "church", "bakery", "clinic", "school", "farm", "shop",
                             "pharmacy", "family"})
#: Nouns that describe a person in apposition: "Abu Omar, a teacher", "Hamid, a 34-year-old father of three".
_PERSON_NOUNS = frozenset({"teacher", "resident", "father", "mother", "doctor", "nurse", "activist", "spokesman",
                           "spokeswoman", "commander", "fighter", "farmer", "student", "journalist", "reporter",
                           "photographer", "lawyer", "engineer", "surgeon", "volunteer", "survivor", "witness",
                           "widow", "son", "daughter", "brother", "sister", "man", "woman", "boy", "girl",
                           "mechanic", "shopkeeper", "driver", "pharmacist", "researcher"})
#: Nouns of a post, which "the" opens as often as "a": "Mazloum Abdi, the SDF commander-in-chief",
#: "Ghazal Ghazal, the head of the Supreme Alawite Islamic Council".
_POST_NOUNS = frozenset({"head", "leader", "chief", "commander", "spokesman", "spokeswoman", "founder", "director",
                         "chairman", "president", "minister", "mufti", "cleric", "elder"})


def _described_as_a_person(doc: Doc, i: int) -> bool:
    """True when the words from token ``i`` describe a person: "a teacher", "an activist", "a
    34-year-old father", "a former fighter", "the head of", "the SDF commander", or an age set off
    by commas before them or a clause ("45, a father of four", "32, who arrived"); or where they come
    from ("Hardani, originally from the Iraqi city of Fallujah", "…, born in Homs"), which no place is."""
    if i + 1 < len(doc) and (doc[i].lower_, doc[i + 1].lower_) in (("originally", "from"), ("born", "in")):
        return True
    if i + 2 < len(doc) and len(doc[i].text) <= 2 and doc[i].text.isdigit() and doc[i + 1].text == ",":
        return doc[i + 2].lower_ in _AFTER_AN_AGE or _described_as_a_person(doc, i + 2)
    if i >= len(doc) or doc[i].lower_ not in ("a", "an", "the"):
        return False
    nouns = _POST_NOUNS if doc[i].lower_ == "the" else _PERSON_NOUNS | _POST_NOUNS
    for k in range(i + 1, min(i + 8, len(doc))):
        word = doc[k].lower_
        if word in nouns:
            return True
        # Digits by their text: the pipeline's vocabulary leaves out spaCy's number flag.
        if not (doc[k].is_alpha or word.isdigit() or word in "-‐" or word in ("'s", "’s")) \
                or word in ("of", "in", "and", "who", "which"):
            return False
    return False


#: Words after a person's age set off by commas: "Fatima, 32, who arrived", "Abu Omar, 45, said".
_AFTER_AN_AGE = frozenset({"who", "whose", "said", "says", "told", "added", "from", "originally"})
#: The first word of a kunya, a name after one's child ("Abu Omar", "Umm Khaled"), as keys.
_KUNYA_HEADS = frozenset(normalize(word) for word in ("abu", "abou", "umm", "um", "om"))


def _a_kunya(span: Span) -> bool:
    """True for "Abu" or "Umm" and a given name ("Abu Hussein", "Umm Khaled"): how people are
    called in Syria news, though villages bear such names too."""
    if span.id_.partition(" ")[0] not in _KUNYA_HEADS:  # the matched key: most names open with no kunya's word
        return False
    doc = span.doc
    words = [token for token in (doc[i] for i in range(span.start, span.end)) if token.lower_ not in ARTICLES and token.text not in "-‐"]
    return len(words) == 2 and normalize(words[0].text) in _KUNYA_HEADS and _is_given_name(words[1])


def _spoken_of_as_a_person(span: Span, before: Token | None, after: Token | None) -> bool:
    """True when the words beside a name make it a speaker: "said X", "X told", "the commander, X,
    said"; not "residents of X said" nor "in X"."""
    if before is None or _in_place_context(span, frozenset(), frozenset()) or _has_place_word_after(span):
        return False
    return before.lower_ in SPEECH_WORDS or (after is not None and (
        (after.lower_ in SPEECH_WORDS and before.lower_ != "of") or (before.text == "," and after.text == ",")))


#: Heads of place names that also open people's names and epithets ("Umm al-Khair", "Sheikh
#: al-Islam", "Bani al-Abbas"): no longer name after them is taken for a place's.
_PERSONAL_HEADS = frozenset(normalize(word) for word in ("umm", "shaykh", "bani"))


#: Head words that name the land itself (mountain, mound, village, spring, valley…): one before a
#: capitalised word opens a longer name ("Jabal Shahshabu"), where "Abu", "Khan" or "Bab" may open a
#: person's or stand alone.
_LAND_HEADS = frozenset(normalize(word) for word in (
    "jabal", "tal", "kafr", "dayr", "ayn", "wadi", "khirbet", "jisr", "marj", "sahl", "tulul", "qalaat", "maarat",
    "rasm", "rajm", "jubb", "bir", "nahr", "mazraa", "mazraat", "qaryat", "hawsh"))


def _heads_a_longer_toponym(span: Span) -> bool:
    """True for a head word of place names that the gazetteer also has as a name ("Maaret",
    "Kafr", "Tal") opening a longer name that the gazetteer lacks as written ("Maaret al-Noaman",
    "Jabal Shahshabu"): that name is a place's, to be looked for by its near spellings."""
    return len(span) == 1 and span.id_ in TOPONYM_HEADS and span.id_ not in _PERSONAL_HEADS and _opens_a_longer_name(span)


def _without_parts_of_longer_names(places: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """The names that are not the rest of a longer name a head word opens: in "Jabal Zain
    al-Abidin", a hill the gazetteer lacks, "Zain" and "al-Abidin" are no hamlets of their own.
    A place of note keeps its name ("Tal Tamr and Hasakah")."""
    heads = [span for span in places if len(span) == 1 and span.id_ in _LAND_HEADS and _opens_a_longer_name(span)]
    if not heads:
        return places
    inside: set[int] = set()
    for head in heads:
        name = _name_at(head.doc, head.start, set())
        if name is not None:
            inside.update(range(head.end, name.end))
    return [span for span in places if span.start not in inside or _spelled_as_a_place(span, gazetteer, notable=True)]


def _opens_a_longer_name(span: Span) -> bool:
    """True when a head word runs into more of a name: a glued Arabic article ("Jabal al-Arab"), or,
    for a head that names the land (:data:`_LAND_HEADS`), a capitalised word ("Jabal Zain al-Abidin"),
    not a kind word ("Marjeh Square")."""
    if _before_a_glued_article(span):
        return True
    doc = span.doc
    if span.id_ not in _LAND_HEADS or span.end == len(doc) or doc[span.end - 1].whitespace_ != " ":
        return False
    following = doc[span.end]
    return _is_name_token(following) and following.lower_ not in KIND_WORDS and following.lower_ not in PLACE_NOUNS


def _before_a_glued_article(span: Span) -> bool:
    """True when an Arabic article glued to the next word follows the name ("Jabal al-Arab")."""
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].lower_ in ARTICLES and doc[span.end + 1].text in "-‐"


#: An acronym written in mixed case ("GoS", "GoI", "NSAGs" is all capitals): no place is spelled so.
_MIXED_CASE_ACRONYM = re.compile(r"[A-Z][a-z]{1,2}[A-Z]{1,3}s?")
#: News agencies whose acronyms fold onto village names.
_AGENCY_ACRONYMS = frozenset({"SANA", "ANHA", "SMART", "QNA", "IRNA"})


def _is_surname(word: Token | None) -> bool:
    """A capitalised word that can be a surname: not a place word ("Hamid Village") nor a word
    that is never a name ("Hassan said Monday")."""
    return word is not None and word.is_alpha and word.text[0].isupper() and word.lower_ not in RIGHT_OK \
        and word.lower_ not in KIND_WORDS and word.lower_ not in NOT_NAMES


def _after_a_title(span: Span) -> bool:
    """True when a title stands right before the name, or before its glued article ("Governor
    al-Barazi"); not further back ("the governor at al-Baath party's building")."""
    doc = span.doc
    i = span.start - 1
    glued = i > 0 and doc[i].text in "-‐"
    if glued:
        i -= 1
    if i > 0 and (doc[i].lower_ in ("al", "el") or glued and doc[i].lower_ in ARTICLES):
        i -= 1  # not "at", "an", "as" alone: English words too
    return i >= 0 and doc[i].lower_.rstrip(".") in TITLES


#: Adjectives of Syria's neighbours and of other countries whose places Syrian news names: a name
#: right after one ("Iraqi Sinjar", "the Turkish town of Kilis") lies in that country.
#: Not the adjectives of countries with bases or camps in Syria ("the Russian Hmeimim base", "the
#: American al-Tanf base", "the Iranian-run", "the Palestinian Yarmouk camp").
FOREIGN_DEMONYMS = frozenset({"iraqi", "turkish", "lebanese", "jordanian", "israeli", "egyptian", "saudi",
                              "libyan", "yemeni"})


def _after_a_foreign_demonym(span: Span) -> bool:
    """True when a foreign country's adjective stands before the name, alone or with a place noun
    ("Iraqi Sinjar", "the Iraqi town of Haditha", "the Turkish border town of Kilis"), past an
    Arabic article, or before a list after a plural noun ("the Lebanese villages of al-Qasr and Hawsh
    al-Sayyed Ali")."""
    doc = span.doc
    before = _previous_word(span)
    if before is None:
        return False
    i = before.i
    if before.lower_ in ("and", ",", "or"):
        i -= 1
        while i >= 0 and span.start - i <= _MAX_LIST_TOKENS and (
                doc[i].text[:1].isupper() or doc[i].text in "-‐," or doc[i].lower_ in ("and", "or") or _is_article(doc, doc[i])):
            i -= 1
        if not (i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lower_ in _PLURAL_PLACE_NOUNS):
            return False
    if i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lower_ in PLACE_NOUNS:
        i -= 2
        if i >= 0 and doc[i].lower_ == "border":
            i -= 1
    return i >= 0 and doc[i].lower_ in FOREIGN_DEMONYMS


#: Plural place nouns before a list of names of one country: "the Lebanese villages of A and B".
_PLURAL_PLACE_NOUNS = frozenset({"villages", "towns", "cities", "areas"})


#: Endings that make a people's word of a place's name: "Homsi(s)", "Idlibi", "Hamawi", "Daraawis".
_DEMONYM_ENDING = re.compile(r"(?:w?i)s?$")


def _a_demonym(word: str, gazetteer: Gazetteer) -> bool:
    """True for a word that is a notable town's name with a people's ending ("Homsis", "Hamawi")
    and is no place's name itself: it folds onto the town's key only because vowels fold away.
    Not a village's: "Sukkari" is a quarter of Aleppo, not the people of a Sukkar."""
    ending = _DEMONYM_ENDING.search(word)
    if ending is None or ending.start() < 3 or not word[:1].isupper():
        return False
    return any(is_notable(place) for place in gazetteer.places_spelled(word[:ending.start()])) \
        and not gazetteer.places_spelled(word)


#: Words before a name that say a person is named: "identified as Abu Obaida", "a man named Hamad";
#: filed under their last word, which is all most names' previous word is ever compared with.
_NAMING_PHRASES: dict[str, tuple[tuple[str, ...], ...]] = {
    "as": (("identified", "as"), ("known", "as")), "nicknamed": (("nicknamed",),), "dubbed": (("dubbed",),),
    "named": (("named",),), "alias": (("alias",),), "aka": (("aka",),), "guerre": (("nom", "de", "guerre"),),
}


def _after_a_naming_phrase(span: Span) -> bool:
    """True when the name follows words that name a person ("identified as", "known as", "named")."""
    doc = span.doc
    end = span.start
    if end > 0 and doc[end - 1].text in "\"'“‘":  # known as "Abu Jaber"
        end -= 1
    if end == 0:
        return False
    for phrase in _NAMING_PHRASES.get(doc[end - 1].lower_, ()):
        start = end - len(phrase)
        if start >= 0 and all(doc[start + k].lower_ == word for k, word in enumerate(phrase)):
            return True
    return False


def _after_an_article(span: Span, text: str) -> bool:
    """True when an Arabic article is written before the name ("al-Omar", "Al Bab"; not the English
    "an" of "an Idlibi activist"), as the mention's text reads it (:func:`_written_start`)."""
    return _written_start(text, span.start_char, 0) != span.start_char


def _opens_organisation_noun(word: Token) -> bool:
    """True for an organisation noun, or one or "agency" after "news"/"press"/"media"."""
    if word.lower_ in _MEDIA_WORDS and word.i + 1 < len(word.doc):
        following = word.doc[word.i + 1].lower_
        return following == "agency" or following in ORGANISATION_NOUNS
    return word.lower_ in ORGANISATION_NOUNS


def _after_place_word(span: Span) -> bool:
    """True after a place preposition, "of" or a list's "and" ("residents of X said", "fighters in
    A and X who attacked"): then X may be a place and the clause after it the people's."""
    before = _previous_word(span)
    return before is not None and (before.lower_ in PLACE_PREPOSITIONS or before.lower_ in _LIST_WORDS)


#: Words before a place in a place context or a list of places.
_LIST_WORDS = frozenset({"of", "and", "or", ","})


def _spelled_as_a_place(span: Span, gazetteer: Gazetteer, *, notable: bool = False, abroad: bool = False) -> bool:
    """True when the name is written as one of a place's names (a notable place's, with
    ``notable``; a city's or country's outside Syria, with ``abroad``: "Kilis"), not only folded
    onto its key ("Need" onto Niddeh): :meth:`Gazetteer.places_spelled`. Asked only of a few
    suspect spans; the match is remembered."""
    return any((not notable or is_notable(place)) and (not abroad or lies_abroad(place))
               for place in gazetteer.places_spelled(span.text))


def _weak_word_spelled_as_a_place(span: Span, gazetteer: Gazetteer) -> bool:
    """A common English word found as a Syrian place ("in Need", "Near Bus Convoy", "from CIS
    countries") is one only when written as a place's name ("the village of Hass"), not folded onto
    its key. A key that also holds a city or country abroad is left to the resolver, which weighs
    stories about elsewhere ("from Mecca", "in Columbia")."""
    if span.text.lower() not in gazetteer.english_vocabulary or gazetteer.kinds_for_key(span.id_) & _FOREIGN_KINDS:
        return True
    return _spelled_as_a_place(span, gazetteer)


def _is_given_name(word: Token | None) -> bool:
    """A capitalised given name ("Omar", "Muhammad")."""
    return word is not None and word.text[:1].isupper() and word.lower_ in GIVEN_NAMES


def _glued_to_a_capitalised_word(span: Span, before: Token | None, after: Token | None,
                                 vocabulary: frozenset[str], beside: set[int] = frozenset(),
                                 name_ends: set[int] = frozenset()) -> bool:
    """True when a capitalised word beside the name makes it part of a longer name: an unknown
    name or one joined by an Arabic article ("Naji al-Mustafa"), or an organisation word after it;
    not a word of the next or previous name of a list (``beside``, see :func:`_listed_places`).
    ``name_ends`` are the last tokens of the gazetteer's names: one opening a sentence is a place
    ("Homs Akrameh neighbourhood"), not a given name."""
    if before is not None and (before.i in beside and before.lower_ not in NOT_NAMES):
        before = None  # "Aleppo Hama Damascus": a list that lost its commas
    if after is not None and (after.i in beside and after.lower_ not in NOT_NAMES):
        after = None
    if before is not None and _is_word(before) and before.text[0].isupper() and before.lower_ not in LEFT_OK \
            and (before.lower_ not in NOT_NAMES or before.lower_ in PERSON_NAMES):
        # A sentence's first word is capitalised anyway, unless an article joins it to the name
        # ("Naji al-Mustafa said…").
        joined_by_article = any(_is_article(span.doc, span.doc[k]) for k in range(before.i + 1, span.start))
        if joined_by_article or not before.is_sent_start or (before.lower_ not in vocabulary and before.i not in name_ends):
            return True  # "Rahmi Dogan, the Hatay governor, said": neither an English word nor a place opens it
    if after is not None and _is_word(after) and after.text[0].isupper() and after.lower_ not in RIGHT_OK \
            and (after.lower_ not in NOT_NAMES or after.lower_ in PERSON_NAMES):
        arabic_name_goes_on = after.i > span.end  # "Naji al-Mustafa": an article joins the next name
        if arabic_name_goes_on or after.lower_ in ORGANISATION_WORDS or after.lower_ not in vocabulary:
            return True
    return False


def _listed_places(doc: Doc, spans: list[Span], gazetteer: Gazetteer) -> set[int]:
    """First and last tokens of place names listed side by side after a place context, a list
    that lost its commas ("in Daraa Hama Idlib and Homs", "the villages of Kafr Zita Jub al-Rayan"):
    each name is a place, not part of its neighbour's longer name. Without the context, names side
    by side stay one name ("Minister Omran al-Zoubi said", "the Sawaiq al-Rahman brigade"); so do
    a name's opening word and the rest ("Kafr Awid", "Jabal al-Arbaeen"), and a name joined to a
    minor one by an Arabic article ("Rasm al-Sabaa", "Dier el-Zour"), unlike "Talbisa al-Rastan"."""
    listed: set[int] = set()
    run: list[Span] = []
    for span in [*sorted(spans, key=lambda s: s.start), None]:
        if span is not None and run and _next_in_list(doc, run[-1], span, gazetteer):
            run.append(span)
            continue
        if len(run) > 1 and _in_place_context(run[0], set(), set()):
            listed.update(i for s in run for i in (s.start, s.end - 1))
        run = [span] if span is not None else []
    return listed


def _next_in_list(doc: Doc, previous: Span, span: Span, gazetteer: Gazetteer) -> bool:
    """True when ``span`` can be the next name of a list that lost its commas after ``previous``."""
    between = range(previous.end, span.start)
    if not all(_is_article(doc, doc[i]) or doc[i].text in "-‐" for i in between):
        return False
    if len(previous) == 1 and normalize(previous.text) in TOPONYM_HEADS or _is_group_head(previous.text):
        return False
    return not between or _spelled_as_a_place(span, gazetteer, notable=True)  # joined by an article


def _hyphenated_places(doc: Doc, spans: list[Span]) -> set[int]:
    """Start tokens of place names joined by a hyphen or dash ("Lebanon-Syria border",
    "Russia-Turkey talks", "the Deir ez-Zor - Palmyra highway"): each is a place, not part of
    the other's longer name."""
    by_start = {s.start: s for s in spans}
    paired: set[int] = set()
    for span in spans:
        hyphen = span.end
        if hyphen + 1 < len(doc) and doc[hyphen].text in "-‐–" \
                and hyphen + 1 in by_start and doc[span.start].lower_ not in ARTICLES:
            paired.update((span.start, hyphen + 1))
    return paired


@lru_cache(maxsize=100_000)
def _is_group_head(word: str) -> bool:
    """True for an armed group's head word ("Jaish", "Liwa"); remembered, since news repeats its
    words and every place name's neighbour is asked."""
    return normalize(word) in GROUP_HEADS


def _in_place_context(span: Span, starts: set[int], ends: set[int]) -> bool:
    """A word that is also English is a place after "in"/"near"/"the village of", in a list
    with other places ("Hass and Kafr Sajna"), before a place in brackets ("Habit (Idleb)",
    "Harem (northern Idlib countryside)") or in brackets after a name in such a context ("the town of
    Reco (Raju)");
    ``starts``/``ends`` are those places' token bounds."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if _after_a_place_word(doc, span.start):
        return True
    after = doc[span.end] if span.end < len(doc) else None
    listed_after = after is not None and after.text in _LIST_JOINERS and span.end + 1 in starts
    listed_before = before is not None and before.text in _LIST_JOINERS and span.start - 1 in ends
    if before is not None and before.text == "(" and span.start >= 3 and is_capitalised(doc[span.start - 2].text) \
            and _after_a_place_word(doc, span.start - 2):
        return True  # the other name of a name told as a place: "the town of Reco (Raju)"
    # "Habit (Idleb)", "Harem (northern Idlib countryside)": a place within the bracket's first words
    bracketed_place = after is not None and after.text == "(" and any(
        i in starts for i in range(span.end + 1, min(span.end + 1 + _BRACKET_WORDS_BEFORE_A_PLACE, len(doc)))
        if ")" not in doc[span.end + 1:i].text)
    return listed_after or listed_before or bracketed_place


def _after_a_place_word(doc: Doc, start: int) -> bool:
    """True when the word at token ``start`` follows "in"/"near", "the village of", "residents of" or an
    Arabic place word."""
    before = doc[start - 1] if start > 0 else None
    return before is not None and (before.lower_ in PLACE_PREPOSITIONS or (
        before.lower_ == "of" and start > 1 and (doc[start - 2].lower_ in PLACE_NOUNS or doc[start - 2].lower_ in _DWELLERS))
        or before.text in ARABIC_PLACE_WORDS or _arabic_kind_word(before.text) is not None)


#: People named by where they live: "Residents of Harem said …".
_DWELLERS = frozenset({"residents", "inhabitants"})
#: How far into a bracket after a name a place may start to make the name one: "(northern Idlib …)".
_BRACKET_WORDS_BEFORE_A_PLACE = 3


def _a_region_after_the_preposition(span: Span, gazetteer: Gazetteer) -> bool:
    """A region's name that is also English, written with "the" after "in"/"near": "in the Badia"
    (not "in the West Wing", "at the Columbia Metropolitan Airport": no region is spelled so)."""
    doc = span.doc
    return span.start > 1 and doc[span.start - 1].lower_ == "the" and doc[span.start - 2].lower_ in PLACE_PREPOSITIONS \
        and "region" in gazetteer.kinds_for_key(span.id_)


def _after_a_bare_arabic_preposition(span: Span) -> bool:
    """True for an Arabic word whose only place word is the preposition "ب" glued to it ("بجروح",
    with wounds): enough for a name ("بحلب", in Aleppo), not for a common word that a village shares."""
    return span.start > 0 and span.doc[span.start - 1].text == "ب" and is_arabic(span.text[:1])


#: Arabic words that are no place unless a kind word names them one ("بلدة تشرين", the town of
#: Tishrine): the months' words ("تشرين" of "تشرين الأول", "آذار") and "the city" ("المدينة"), which
#: Arabic news uses for the city it tells of, not for Medina.
_ARABIC_NOT_NAMES = frozenset({*(month.split()[0] for month in MONTHS if not month.isascii()), "المدينة", "المدينه"})


#: Arabic words after which a name is a place: "في" in, "قرب" near, "ب" in (split off the name),
#: "محيط" around, "أطراف" the outskirts of, and plural kind nouns ("قرى", villages).
ARABIC_PLACE_WORDS = frozenset({"في", "قرب", "ب", "محيط", "أطراف", "اطراف", "مخيم", "بلدات", "قرى", "مدن", "أحياء",
                                "احياء", "إلى", "الى", "من"})
#: What joins the names of a list: "Hass and Kafr Sajna", "البارة وكنصفرة" ("و" split off the name).
_LIST_JOINERS = frozenset({",", "and", "or", "،", "و", "أو", "او"})


def _spelled_as_a_place_abroad(span: Span, gazetteer: Gazetteer) -> bool:
    """True when every place spelled as the name is written lies abroad ("Ankara"; not "Aleppo"), or
    every notable one does: "Doha" is Qatar's capital, whatever hamlet shares its spelling."""
    spelled = gazetteer.places_spelled(span.text)
    if not spelled:
        return False
    notable = [place for place in spelled if is_notable(place)]
    return all(lies_abroad(place) for place in (notable or spelled))


# ------------------------------------------------------------------------- context candidates

def _is_name_token(token: Token) -> bool:
    """A capitalised word that is no month, weekday or title."""
    return token.text[:1].isupper() and _is_word(token) and token.lower_ not in NOT_NAMES


def _is_word(token: Token) -> bool:
    """Letters only, or with an ain or hamza written as an apostrophe ("Ma'arat", "Qal'at")."""
    return token.is_alpha or _APOSTROPHE_WORD.fullmatch(token.text) is not None


_APOSTROPHE_WORD = re.compile(r"[^\W\d_]+(?:['’`ʿʾ][^\W\d_]+)+")


def _name_at(doc: Doc, i: int, taken: set[int]) -> Span | None:
    """The capitalised name starting at token i ("Umm al-Khalakhi"), or None."""
    if i >= len(doc) or i in taken or not _is_name_token(doc[i]) or _is_group_head(doc[i].text):
        return None
    end = i + 1
    while end < len(doc) and end not in taken and end - i < _MAX_CONTEXT_NAME_TOKENS:
        token = doc[end]
        if _is_name_token(token) and token.lower_ not in RIGHT_OK:
            end += 1
        elif token.lower_ in ARTICLES and end + 2 < len(doc) and doc[end + 1].text in "-‐" and _is_name_token(doc[end + 2]):
            end += 3
        elif token.lower_ in ARTICLES and end + 1 < len(doc) and _is_name_token(doc[end + 1]):
            end += 2
        else:
            break
    if end == i + 1 and len(doc[i].text) >= 3 and doc[i].text.isupper():
        return None  # an acronym ("In Daraa, ACLED records"): a place the gazetteer lacks is not written so
    if end < len(doc) and doc[end].lower_ in _NOUNS_AFTER_A_PEOPLES_WORD:
        return None  # a people's adjective: "in the Kazakh capital", "on the Lebanese side"
    return Span(doc, i, end, label="CANDIDATE")


#: Nouns after which an unknown capitalised word is a people's adjective, not a place's name.
_NOUNS_AFTER_A_PEOPLES_WORD = frozenset({"capital", "side", "army", "government", "authorities", "president", "minister",
                                         "ministry", "officials", "people", "forces", "troops", "militias", "president's"})


def _context_candidates(doc: Doc, taken: set[int], sentences: _Sentences, heads: Sequence[int] = ()) -> Iterable[Span]:
    """Capitalised names the gazetteer lacks, in places where only a place name can stand, and
    those that open with a toponym's head word (``heads``: "Maaret al-Noaman", anywhere)."""
    found: dict[int, Span] = {}
    for index in heads:
        name = _name_at(doc, index, taken)
        if name is not None and len(name) > 1:
            found[index] = name
    lowers = doc.to_array(LOWER)
    # Words are compared as hashes and only tokens that can open a place context become Token
    # objects (creating one per token is slow); most "of"s follow no place noun.
    for index, lower_hash in _context_openers(lowers):
        after_preposition = lower_hash in _PREPOSITION_HASHES or (
            lower_hash == _OF_HASH and index > 0 and int(lowers[index - 1]) in _PLACE_NOUN_HASHES)
        if after_preposition:
            i = index + 1
            if i < len(doc) and lowers[i] == _THE_HASH:
                i += 1
            # A list after the preposition: "in A, B, C and near D", "shelled al-A and B".
            while True:
                if i + 2 in taken and doc[i].lower_ in ARTICLES and doc[i + 1].text in "-‐":
                    i += 2  # a known place with a glued Arabic article: the list goes on after it
                name = _name_at(doc, i, taken)
                if name is not None:
                    found.setdefault(name.start, name)
                    i = name.end
                elif i < len(doc) and i in taken:
                    while i < len(doc) and i in taken:
                        i += 1
                else:
                    break
                if i < len(doc) and doc[i].text in {",", "and", "or"}:
                    i += 1
                    if i < len(doc) and doc[i].lower_ in {"and", "near", "in", "the"}:
                        i += 1
                    continue
                break
        elif lower_hash in _KIND_WORD_HASHES and index > 0 and not doc[index].text[0].isupper():
            j = index - 1
            start = j
            while start > 0 and (_is_name_token(doc[start - 1]) or doc[start - 1].lower_ in ARTICLES or doc[start - 1].text in "-‐"):
                start -= 1
            while start <= j and not _is_name_token(doc[start]):
                start += 1
            if start <= j and all(k not in taken for k in range(start, j + 1)) and _is_name_token(doc[j]):
                found.setdefault(start, Span(doc, start, j + 1, label="CANDIDATE"))
    return (span for span in found.values()
            if (sentences.of(span).start != span.start or len(span) > 1 or _has_place_word_after(span))
            and "syria" not in sentences.text_of(span).lower()  # "Syrias", "Assyrian": the country's name inflected
            and (span.end == len(doc) or not _opens_organisation_noun(doc[span.end]))  # "from the Bisho family"
            and not _after_a_foreign_demonym(span))  # "the Lebanese town of Hermel": no Syrian place to look for


_PREPOSITION_HASHES = frozenset(hash_string(w) for w in PLACE_PREPOSITIONS)
_PLACE_NOUN_HASHES = frozenset(hash_string(w) for w in PLACE_NOUNS)
_KIND_WORD_HASHES = frozenset(hash_string(w) for w in KIND_WORDS)
_OF_HASH, _THE_HASH = hash_string("of"), hash_string("the")
_CONTEXT_OPENERS = _PREPOSITION_HASHES | _KIND_WORD_HASHES | {_OF_HASH}
_LOW_BITS = 0xFFFF
_OPENERS_LOW_BITS = numpy.zeros(_LOW_BITS + 1, dtype=bool)
_OPENERS_LOW_BITS[[h & _LOW_BITS for h in _CONTEXT_OPENERS]] = True


def _context_openers(lowers: numpy.ndarray) -> list[tuple[int, int]]:
    """Index and lower-case hash of every word that can open a place context ("in", "of",
    "village"), given every token's lower-case hash. A table of the openers' low 16 bits picks
    them out in one numpy pass, where a set test of every token in Python cost more than all the
    rules after it; the set test then drops the rare other word whose hash shares those bits."""
    maybe = numpy.flatnonzero(_OPENERS_LOW_BITS[lowers & _LOW_BITS])
    return [(i, h) for i, h in zip(maybe.tolist(), lowers[maybe].tolist()) if h in _CONTEXT_OPENERS]


def _has_place_word_after(span: Span) -> bool:
    return span.end < len(span.doc) and span.doc[span.end].lower_ in KIND_WORDS


# ------------------------------------------------------------------------- kind and role

#: Plural kind words after a list of names: each name of the list is of that kind ("al-Qusour and
#: al-Joura neighbourhoods").
_PLURAL_KIND_WORDS = frozenset({"neighbourhoods", "neighborhoods", "districts", "quarters"})


def _list_kind_hints(doc: Doc, spans: list[Span], hints: list[str | None]) -> list[str | None]:
    """The kind hints of names listed before a plural kind word, which names them all: one pass
    from the last name back, carrying the kind along the list while its names are joined by "and",
    "or" or commas."""
    hints = list(hints)
    carried = False  # the name after this one ends a list with a plural kind word, or is in one
    for i in range(len(spans) - 1, -1, -1):
        span = spans[i]
        if carried and _joined(doc, span, spans[i + 1]):
            hints[i] = hints[i] or hints[i + 1]
            continue
        carried = hints[i] is not None and _word_after(span) in _PLURAL_KIND_WORDS
    return hints


def _after_an_urban_noun(span: Span) -> bool:
    """True after "the neighbourhood of", past an Arabic article ("the neighbourhood of al-Hamidiya"),
    or in the list after "the neighbourhoods of" ("… of al-Salihin, al-Kallaseh and Sheikh Maqsoud");
    not for the city in "the Midan neighbourhood of Damascus" or "the eastern neighbourhoods of Aleppo"."""
    doc = span.doc
    i = span.start - 1
    listed = False
    while i > 0 and span.start - i <= _MAX_LIST_TOKENS:
        token = doc[i]
        if token.text in "-‐" or _is_article(doc, token) or (listed and _is_name_token(token)):
            i -= 1
        elif token.text in (",", "and", "or"):
            listed = True
            i -= 1
        else:
            break
    # "the neighbourhoods of" names a list; before one name it names the city ("of Aleppo", "the
    # residential neighbourhoods of Qamishli, killing two": a comma before no other name ends no list).
    opens_a_list = span.end < len(doc) and doc[span.end].text in (",", "and") and _name_follows(doc, span.end + 1)
    nouns = _PLURAL_KIND_WORDS if listed else _URBAN_NOUNS | _PLURAL_KIND_WORDS if opens_a_list else _URBAN_NOUNS
    return i > 0 and doc[i].lower_ == "of" and doc[i - 1].lower_ in nouns and not (i > 1 and doc[i - 2].text[:1].isupper()) \
        and not _one_of_several(doc, i - 1)


#: Words that make a kind noun one of several ("a residential neighbourhood of Suqaylabiyah",
#: "several neighbourhoods of Hama and Aleppo": the towns that hold them).
_INDEFINITE = frozenset({"a", "an", "one", "another", "several", "many", "some", "various", "numerous", "few", "two", "three",
                         "four", "five", "dozens"})


def _one_of_several(doc: Doc, noun: int) -> bool:
    """True when the noun at ``noun`` is one of several, by an indefinite word before it and at
    most two adjectives: "a residential neighbourhood of al-Suqaylabiyah", whose name is the town's."""
    i = noun - 1
    while i >= 0 and noun - i <= 3 and doc[i].text.isalpha() and doc[i].text.islower() and doc[i].lower_ not in _INDEFINITE:
        i -= 1
    return i >= 0 and noun - i <= 3 and doc[i].lower_ in _INDEFINITE


def _name_follows(doc: Doc, i: int) -> bool:
    """True when a name starts at token ``i``, past "and" and an Arabic article ("and al-Shaar")."""
    while i < len(doc) and (doc[i].lower_ == "and" or doc[i].text in "-‐" or _is_article(doc, doc[i])):
        i += 1
    return i < len(doc) and _is_name_token(doc[i])


#: How far back a list of names is read for the plural kind word before it.
_MAX_LIST_TOKENS = 30
#: What can stand right before a name of the neighbourhoods named after "of".
_BEFORE_A_LISTED_NAME = frozenset({"of", ",", "and", "or", "-", "‐"}) | ARTICLES


def _joined(doc: Doc, span: Span, following: Span) -> bool:
    """True when only "and", "or" and commas stand between two names, besides the next one's glued
    article ("al-Qosour, al-Hamidiya and al-Jora")."""
    return following.start > span.end and all(
        token.lower_ in ("and", "or", ",") or token.text in "-‐" or _is_article(doc, token)
        for token in doc[span.end:following.start])


def _word_after(span: Span) -> str:
    """The lower-case word after a name, past "residential" or a compass adjective ("al-Jora
    residential neighbourhoods", "Daraa eastern countryside"); "" at the end (a token is never empty)."""
    doc = span.doc
    following = doc[span.end].lower_ if span.end < len(doc) else ""
    if (following == "residential" or following in REGION_ADJECTIVES) and span.end + 1 < len(doc):
        following = doc[span.end + 1].lower_
    return following


def _kind_hint(span: Span) -> str | None:
    doc = span.doc
    following = _word_after(span)
    if following in KIND_WORDS:
        return KIND_WORDS[following]
    if following in _KIND_PHRASE_STARTS and span.end + 1 < len(doc):
        phrase_kind = KIND_PHRASES.get((following, doc[span.end + 1].lower_))
        if phrase_kind is not None:
            return phrase_kind
    last = fold(doc[span.end - 1].text)
    if last in KIND_WORDS and KIND_WORDS[last] == "airbase":
        return "airbase"
    if following in ("'s", "’s"):  # "Daraa's (northern) countryside"
        rest = [doc[i].lower_ for i in range(span.end + 1, min(span.end + 3, len(doc)))]
        if rest and rest[0] in REGION_ADJECTIVES:
            rest = rest[1:]
        if rest and KIND_WORDS.get(rest[0]) == "admin1":
            return "admin1"
    two_before = doc[span.start - 2].lower_ if span.start > 1 else ""
    preceding = doc[span.start - 1].lower_ if span.start > 0 else ""
    arabic_kind = _arabic_kind_word(preceding)
    if arabic_kind is not None:
        return arabic_kind
    before = (two_before, preceding)
    if "province" in before or "governorate" in before or before == ("countryside", "of"):
        return "admin1"
    if preceding in REGION_ADJECTIVES:  # "southern Idlib": the governorate, not the city
        return "admin1"
    if preceding == "of" and two_before in _SETTLEMENT_NOUNS:
        return "settlement"  # "the city of Dirbêsiyê" is the town, not its subdistrict
    # Most names have no "of", list word or article before them: the walk back is not begun.
    if preceding in _BEFORE_A_LISTED_NAME and _after_an_urban_noun(span):
        return "neighbourhood"  # "the neighbourhood(s) of (al-)X", but not the city in "the X neighbourhood of C"
    return None


def _arabic_kind_word(word: str) -> str | None:
    """The kind an Arabic noun before a name gives it (:data:`ARABIC_KIND_WORDS`), or None."""
    if not word or not is_arabic(word[0]):
        return None
    return next((ARABIC_KIND_WORDS[word[len(p):]] for p in ("", *ARABIC_PROCLITICS)
                 if word.startswith(p) and word[len(p):] in ARABIC_KIND_WORDS), None)


def _stands_for_a_government(span: Span, sentences: _Sentences, *, foreign: bool) -> bool:
    """True for a name that stands for a government, or an outlet someone told: "accused Damascus
    of 'savagery'", "told Qasioun", "the Damascus government", "loyal to Damascus" (``foreign``:
    spelled as a place abroad, where governments sit)."""
    return _charged_or_urged(span) or _previous_word_is(span, "told") or _followed_by_a_government_noun(span) \
        or _named_as_a_government(span, sentences, foreign=foreign)


def _role(span: Span, sentences: _Sentences, *, foreign: bool, spoken_abroad: bool, dateline: bool,
          government: bool, witnessed: bool = False) -> str:
    """``event`` where something happened; ``mention`` for actors, modifiers and background.
    ``spoken_abroad``: the name is abroad or spelled as a city or country there, where officials speak
    from ("In Ankara, the minister warned") and governments sit ("the regimes in Riyadh and
    Ankara"), though a Syrian village folds alike (Anqarah). ``witnessed``: someone there tells of it
    ("our reporter in Saraqib says …"), so what follows the name is no place speaking."""
    if dateline or not (sentences.triggered(span) or _in_a_location_field(span, sentences)) \
            or sentences.after_furniture(span):
        return "mention"  # filed there, or a sentence that tells of nothing happening
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.text in "-‐" and span.end + 1 < len(doc) and doc[span.end + 1].lower_ in MODIFIER_SUFFIXES:
        return "mention"
    if span.start >= 2 and doc[span.start - 1].text in "-‐" and doc[span.start - 2].lower_ in MODIFIER_PREFIXES:
        return "mention"  # "pro-Damascus media": a side taken, not a place
    if _previous_word_is(span, "since") or _in_a_since_when_clause(span, sentences):
        return "mention"  # "its biggest operation since Baghouz": a battle named as a time
    if government or _names_a_body(span) or _names_an_office(span, sentences):
        return "mention"  # a government, an outlet told something, a body of people, an office
    if _where_words_were_said(span, sentences, foreign=spoken_abroad) \
            or (_followed_by_actor_verb(span, strict=not foreign) and not witnessed) \
            or _named_as_the_origin_of_forces(span, sentences) or _named_as_a_refuge(span, sentences) \
            or _named_as_a_home(span, sentences) or _told_as_long_before(span, sentences) \
            or _told_as_a_prospect(span, sentences):
        return "mention"
    if foreign:
        before = _previous_word(span)
        if before is not None and before.lower_ in ("'s", "’s") and before.i > 1:
            # past the country it lies in: "a mortar attack on Turkey's Nusaybin"
            i = before.i - 1
            while i > 0 and is_capitalised(doc[i].text) and is_capitalised(doc[i - 1].text):
                i -= 1
            before = doc[i - 1] if i > 0 else None
        if before is not None and before.lower_ == "the" and before.i > 0:  # "struck near the Masnaa crossing"
            placed = doc[before.i - 1].lower_ in _WHERE_PREPOSITIONS
        elif before is not None and before.lower_ == "on" and before.i > 0:  # "a rocket attack on Karkamış"
            placed = doc[before.i - 1].lower_ in _HIT_ON_WORDS
        else:
            placed = before is not None and before.lower_ in PLACE_PREPOSITIONS
        placed = placed or _told_as_a_place(span, sentences)
        return "event" if placed else "mention"
    return "event"


#: Words whose "on" tells where something happened: "a rocket attack on Karkamış", "shells fell on
#: Kilis" (not "pressure on Ankara").
_HIT_ON_WORDS = frozenset({"attack", "attacks", "strike", "strikes", "airstrike", "airstrikes", "raid", "raids", "assault",
                           "shelling", "bombing", "bombardment", "offensive", "fire", "rockets", "shells", "missiles",
                           "fell", "landed"})
#: Prepositions that tell where something is, before "the" and a name ("near the Masnaa crossing";
#: not "excluded from the Geneva process").
_WHERE_PREPOSITIONS = frozenset({"in", "near", "at", "around", "outside", "inside", "into", "across"})
#: Words that tell a name abroad as where something is: "the Lebanese city of Hermel", "the Turkish
#: border town of Karkamış", "the Turkish border towns of Akcakale and Nusaybin"; or a list after
#: "in" ("rallies in Kilis and Reyhanli") or after what fell on it ("rockets fell on Kilis and Reyhanli").
_TOLD_AS_A_PLACE = re.compile(r"(?:(?P<kind>\b(?i:cit(?:y|ies)|towns?|villages?|provinces?|districts?|camps?|ports?))\s+of\s+"
                              r"|\b(?:in|near|at|into|inside|outside|across|(?i:" + "|".join(sorted(_HIT_ON_WORDS, reverse=True)) + r")\s+on)"
                              r"\s+(?:the\s+)?)(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"
                              r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+))*(?:the\s+)?$")


def _told_as_a_place(span: Span, sentences: _Sentences) -> bool:
    """True for a name abroad the words tell as a place (:data:`_TOLD_AS_A_PLACE`)."""
    start = sentences.of(span).start_char
    written = sentences.written_start(span)
    before = sentences.text[max(start, written - 80):written]
    if not before.endswith((" of ", ", ", " and ", " or ", " the ")):
        return False
    told = _TOLD_AS_A_PLACE.search(before)
    # Not where something was seen or came from: "a photo captured from the town of Nusaybin".
    return told is not None and not (told.group("kind") and _FROM_BEFORE.search(before, 0, told.start("kind")))


#: "from" and up to three words after it, before a place's kind ("from the nearby Turkish town of").
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)


#: The label of an incident record's place ("Location: al Susah, Deir ez Zor, Syria").
_LOCATION_FIELD = re.compile(r"[ \t]*(?:(?i:incident|event|attack|strike)[ \t]+)?(?:Location|LOCATION|location|Place|PLACE)[ \t]*:")


def _in_a_location_field(span: Span, sentences: _Sentences) -> bool:
    """True for a place on an incident record's location line: where the record's event happened,
    though the line tells of nothing happening."""
    start = sentences.of(span).start_char
    line_start = sentences.text.rfind("\n", start, span.start_char) + 1 or start
    return _LOCATION_FIELD.match(sentences.text, line_start) is not None


#: A web page's links and tags, which scraped text runs into the article: "Related Posts Army
#: units eliminate terrorists in Homs", "Tags: Jableh, Tartus", "Category: Aleppo". Case matters:
#: "related to" is prose.
_PAGE_FURNITURE = re.compile(r"\b(?:Related(?:\s+(?i:posts|articles|news|stories|topics|content)|:|(?=[ \t]*\n))|RELATED|Tags?:|Categor(?:y|ies):|Filed\s+under:"
                             r"|Read\s+(?:more|also)\b|Also\s+read|See\s+also|More\s+on\s+this|More\s+stories"
                             r"|Most\s+(?:read|popular|viewed|shared)\b|MOST\s+READ|You\s+may\s+also\s+like|Trending(?=[ \t]*:?[ \t]*\n))"
                             # a link opening its line: "Read: 'We are waiting for death': Civilians trapped in …"
                             r"|(?m:^[ \t]*(?:Read|READ|Watch|WATCH)[ \t]*:)"
                             # run into the text after a view count: "Print Tweet Views 458 Related Lebanon charges …",
                             # "... 91 Related US Mistakes …"
                             r"|(?<=[0-9)] )Related(?=\s+[A-Z])")
def _list_end(text: str, after: int) -> int:
    """Where the lines headed by a link or tag list's heading end (the next blank line), when the
    heading ends its line ("Related news", "Read more:"); else ``after``: a heading run into prose."""
    line_end = text.find("\n", after)
    if line_end < 0 or text[after:line_end].strip(" \t:"):
        return after
    blank = _PARAGRAPH_END.search(text, line_end + 1)
    return blank.start() if blank else len(text)


_PARAGRAPH_END = re.compile(r"\n[ \t]*\n")
#: A word every match of :data:`_PAGE_FURNITURE` contains: most sentences have none.
_FURNITURE_WORDS = ("Related", "RELATED", "Tag", "Read", "read", "READ", "Watch", "WATCH", "See", "More", "Most", "MOST", "You may",
                    "Trending", "Categor", "Filed")


#: Words before a place where something was said or met about, not done: "said in a speech in
#: Canakkale", "speaking in Beirut", "told reporters in Moscow", "told lawmakers in Ankara", "peace
#: talks in Geneva", "a news conference in the Russian city of Yekaterinburg", "a press conference in
#: the village of Hazima", "told a briefing in Moscow"; not "a
#: meeting in Idlib", which an air strike may hit.
_SAID_IN = re.compile(r"\b(?:(?:speaking|spoke|talking)\s+to\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+(?=\s+(?:in|at)\s)"
                      r"|(?:speaking|spoke|talking)\s+(?:at|during|after)\s+(?:an?|the|his|her|their)\s+(?:[\w'’-]+\s+){0,3}?"
                      r"(?:ceremony|rally|conference|congress|convention|summit|meeting|gathering|funeral|forum|event|memorial|celebration|session|reception|dinner"
                      r"|palace|parliament|office|residence|headquarters|ministry|embassy|university)|speaking|spoke|speech|(?:told|tells?|telling)\s+(?:the\s+)?(?:reporters|journalists|lawmakers|legislators|parliament|"
                      r"parliamentarians|deputies|MPs|senators|supporters|delegates|crowds?|an?\s+(?:news|press)\s+conference|an?\s+rally)|told(?:\s+the)?(?:\s+(?-i:[A-Z][\w'’.-]*)){1,4}|(?:news|press)\s+conference|interview|remarks|"
                      r"told\s+(?:the\s+)?(?:[a-z]+\s+){0,2}(?:news\s+agency|agency|television|TV|media|channel|newspaper|radio)(?:\s+(?-i:[A-Z][\w'’.-]*)){0,3}|"
                      r"interviewed(?:\s+by(?:\s+(?:the\s+)?(?-i:[A-Z][\w'’.-]*)){1,3})?|"
                      r"talks|summit|briefing|said|says|stated|declared|announced|(?<!the\s)media|television|newspapers?|"
                      # officials meeting their peers: "Turkish officials have met their Syrian counterparts in Damascus"
                      r"(?:met|meet|meets|meeting)\s+(?:with\s+)?(?:their|his|her|its)\s+(?:[\w'’-]+\s+){0,2}?counterparts?|"
                      r"(?:chaired|chairs|chairing|convened|hosted|hosts|presided\s+over)\s+(?:an?|the)\s+(?:[\w'’-]+\s+){0,3}?(?:meeting|session|conference|summit)|"
                      r"(?:speech|statement|address|report|telegram|letter|message|video)e?s?\s+"
                      r"(?:delivered|read|issued|released|made|given|broadcast|sent|published|recorded|filmed|taped)(?:\s+(?:at|from)\s+an?\s+\w+)?"
                      r"|(?:was|were|been|being)\s+(?:welcomed|condemned|denounced|critici[sz]ed|praised|hailed|applauded)"
                      r"|interviewed(?:\s+(?!(?:of|to|about|from|after|over|on|in|at)\b)(?-i:[a-z])[\w'’-]*){1,3}?"
                      r"(?:\s+in\s+(?:hospitals?|camps?|clinics?|shelters?))?)"
                      r"(?:\s+(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day|\s+(?:today|yesterday|tonight|earlier|later))?"
                      r"(?:\s+on\s+(?:its|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:website|telegram(?:\s+channel)?|channel|account|page)"
                      r"|\s+in\s+an?\s+(?:written\s+)?(?:statement|interview|speech|post))?"
                      # "a press conference at the border command centre in (the southern) Hatay province",
                      # "speaking after a cabinet session at the Grand Serail in Beirut"
                      r"(?:\s+at\s+(?:the|an?|its|his|her|their)\s+(?:[\w'’-]+\s+){0,3}?(?:cent(?:re|er)|headquarters|palace|serail|parliament"
                      r"|base|office|building|ministry|embassy|hotel|hall))?"
                      r"(?:\s+(?:held|given|hosted|convened|organi[sz]ed))?"  # "a press conference held in the town of Ain Issa"
                      r"\s+(?:in|at)\s+(?:the\s+)?(?:(?:southern|northern|eastern|western|central)\s+)?"
                      r"(?:(?:(?:(?-i:[A-Z])[\w-]*|southern|northern|eastern|western|border)\s+)?(?:city|town|village|capital|province)\s+of\s+)?"
                      r"(?:(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)*\s*(?:,\s*(?:and\s+)?|\s+and\s+))*$", re.IGNORECASE)
#: The same for a place abroad, where officials speak from: "an army spokeswoman in Tel Aviv",
#: "officials in Washington", "the foreign ministry in Amman".
_SPOKEN_FROM_ABROAD = re.compile(r"\b(?:spokes(?:wo)?m[ae]n|spokesperson|officials?|ministry|minister|embassy|envoy|diplomats?|"
                                 r"leaders?|president|government|meeting|met|meet|meets|session|adopted|convened|gathered|"
                                 r"voted|conference|council|reached|signed|agreed|negotiated|brokered|agreement|deal|accord"
                                 r"|(?:meeting|talks|summit|session|conference|consultations)\s+(?:was\s+|were\s+)?held"
                                 r"|(?:met|meets|convened|gathered)\s+(?:behind\s+closed\s+doors|privately|again|separately|on\s+\w+day)"
                                 r"|un|u\.n\.|united\s+nations|headquarters"
                                 # a deal made there, with words between: "another reached with Moscow in Sochi", "a
                                 # ceasefire negotiated by Kerry and Lavrov in Geneva" (at home, "the deal was reached in
                                 # Busra al-Sham" tells of the town)
                                 r"|(?:deal|agreement|accord|truce|ceasefire|cease-fire|memorandum|another)\s+(?:(?:was|were|had\s+been)\s+)?"
                                 r"(?:signed|reached|agreed|sealed|struck|brokered|negotiated)\b[^.;:!?]{0,40}?)\s+(?:in|at)\s+$",
                                 re.IGNORECASE)
#: Words before a place someone spoke from: "told AP by phone from Damascus", "in a phone call from
#: Moscow", "speaking from Idlib",
#: "state television, broadcasting from Damascus", "said from Damascus", "told AFP from Qamishli",
#: "reporting from Gaziantep", "said in a statement from Damascus", "a statement issued from Hasakah",
#: "announced on 9 September from the town of al-Shaddadi".
_SPOKE_FROM = re.compile(r"\b(?:by\s+(?:tele)?phone|(?:(?:tele)?phone|video)\s+calls?|speech(?:es)?|address|(?:speaking|spoke|talking)(?:\s+to\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+)?|broadcasting|broadcast|said|says|reporting|announced|declared"
                         r"|statements?(?:\s+(?:issued|released|sent|published|broadcast))?"
                         r"|(?:reports?|telegrams?|letters?|messages?)\s+(?:issued|released|sent|published|broadcast)"
                         r"|wrote|writing|posted|posting|tweeted"
                         # "condemned the attack from Tehran"
                         r"|(?:condemned|denounced|welcomed)(?:\s+(?:the|an?|this|these)\s+(?:[\w-]+\s+){0,2}?(?:attacks?|bombings?|strikes?|killings?|massacres?))?"
                         r"|told(?:\s+(?-i:[A-Z][\w'’.-]*)){1,4})(?:\s+on\s+[\w ]{3,20}?)?\s+from\s+(?:the\s+)?"
                         r"(?:(?:town|city|village)\s+of\s+)?$", re.IGNORECASE)
#: A statement or recording made at someone's home or seat: "a statement from its headquarters in
#: Baghdad", "in a video from his home in the town of Qanawat", "condemned the bombing from his home in Tripoli".
_RECORDED_AT_A_SEAT = re.compile(r"\b(?:(?:statement|video|message|broadcast|speech|address|recording|communiqu[eé])s?"
                                 r"|said|says|spoke|speaking|condemned|condemns|called|calls|declared|announced|told|tells)\b[^.;:]{0,40}?"
                                 r"\bfrom\s+(?:his|her|its|their)\s+(?:home|house|headquarters|office|base|residence)\s+in\s+"
                                 r"(?:the\s+(?:town|city|village)\s+of\s+)?$", re.IGNORECASE)
#: After "In X," opening a sentence: who spoke there ("In Ankara, the defence minister said…"); not a
#: word after a hyphen ("facing the YPG-held city").
_SPEECH_VERBS = (r"(?:said|says|condemned|condemns|urged|urges|called|calls|welcomed|welcomes|"
                 r"declined|announced|announces|warned|warns|denied|denies|accused|accuses|praised|told|stated|"
                 r"insisted|demanded|pledged|vowed|voiced|expressed|rejected|rejects|appealed|appeals|described|describes|held|holds|"
                 r"met|meets|convened|agreed|voted|adopted|affirmed|affirms|stressed|stresses|emphasi[sz]ed|"
                 r"asserted|confirmed|confirms|reported|reports|broadcast|aired)")
#: (The comma may be left out before "the": "while in Washington the State Department said".)
_SPEECH_AFTER = re.compile(r"(?:,\s+|\s+(?=the\s))(?!(?i:where|which|when)\b)[^,.;:]{0,80}?(?<![-‐])\b" + _SPEECH_VERBS + r"\b",
                           re.IGNORECASE)

#: The same with an office speaking: "In Damascus, the foreign ministry called …", "In Damascus,
#: President Bashar al-Assad, speaking to a delegation, said …".
_OFFICIAL_SPEECH_AFTER = re.compile(r"(?:,\s+|\s+(?=the\s))(?!(?i:where|which|when)\b)(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:ministry|minister|government|administration|presidency|president"
                                    r"|authorities|officials|spokes(?:man|woman|person)|state\s+(?:television|TV|media|news\s+agency))\b"
                                    r"(?:[^,.;:]{0,80}?(?<![-‐])\b" + _SPEECH_VERBS + r"|(?:\s+[A-Z][\w'’-]*){1,4},\s+(?:speaking|addressing|talking))\b",
                                    re.IGNORECASE)


#: A place someone came to for talks, or came from (with :data:`_ARRIVED_IN` before it): a visit, not
#: news of the place: "Brahimi arrived in Damascus from Beirut on Sunday by road for talks".
_FOR_TALKS_AFTER = re.compile(r"[^.;:!?]{0,50}?\bfor\s+(?:talks|consultations|meetings?|negotiations)\b")
_ARRIVED_IN = re.compile(r"\b(?:arriv(?:ed|es|ing)\s+in|landed\s+in|(?:travell?(?:ed|ing)|fl(?:ew|ying)|came|went|headed)\s+to"
                         r"|visit(?:ed|ing|s)?)\s+(?:the\s+)?(?:[A-Z]\w*\s+)?(?:capital\s+)?"
                         r"(?:[A-Z][\w'’-]*\s+(?:by\s+(?:road|air|car)\s+)?from\s+(?:the\s+)?(?:[A-Z]\w*\s+)?(?:capital\s+)?)?$")


def _where_words_were_said(span: Span, sentences: _Sentences, *, foreign: bool) -> bool:
    """True for a place named as where someone spoke: "said in Ankara", "speaking in Beirut", or came
    for talks ("arrived in Damascus from Beirut … for talks", :data:`_FOR_TALKS_AFTER`); abroad also
    "a spokeswoman in Tel Aviv" and "In Amman, the ministry condemned the strikes"."""
    sentence = sentences.of(span)
    written = sentences.written_start(span)  # before "al-Shaddadi"
    before = sentences.text[max(sentence.start_char, written - 70):written]
    in_a_city = before.endswith((" city of ", " town of ", " village of ", " capital of ", " province of ")) and (" in the " in before or " at the " in before)
    if (in_a_city or before.endswith((" in ", " at ", " the ", ", ", " and ", "ern ", " central "))) and (
            _SAID_IN.search(before) is not None or (foreign and _SPOKEN_FROM_ABROAD.search(before) is not None)):
        return True  # "said in Ankara", "a news conference in the Russian city of Yekaterinburg"
    if before.endswith((" from ", " from the ", " town of ", " city of ", " village of ")) and _SPOKE_FROM.search(
            sentences.text, max(sentence.start_char, written - 60), written) is not None:
        return True  # "told AP by phone from Damascus", "announced on 9 September from the town of al-Shaddadi"
    if before.endswith((" in ", " of ")) and _RECORDED_AT_A_SEAT.search(
            sentences.text, max(sentence.start_char, written - 100), written) is not None:
        return True  # "a statement from its headquarters in Baghdad"
    after = sentences.text[span.end_char:min(span.end_char + 80, sentence.end_char)]
    if " for " in after and _FOR_TALKS_AFTER.match(after) is not None and _ARRIVED_IN.search(before) is not None:
        return True  # "Lakhdar Brahimi arrived in Damascus by road from Beirut for talks with Assad": a visit
    lead = sentences.text[sentence.start_char:span.start_char]
    if lead.strip().lower() == "from":
        return _SPEECH_AFTER.match(sentences.text, span.end_char, sentence.end_char) is not None  # "From Damascus, the Patriarch appealed …"
    if not (lead.strip().lower() == "in" or _CLAUSE_IN.search(lead) is not None or _IN_THE_CITY.fullmatch(lead) is not None):
        return False
    # Abroad anyone speaks from the place; in Syria an office does ("In Damascus, the foreign ministry
    # called the strikes…"), while "In Idlib, residents said…" tells of Idlib.
    return (_SPEECH_AFTER if foreign else _OFFICIAL_SPEECH_AFTER).match(sentences.text, span.end_char, sentence.end_char) is not None


#: "In the Turkish capital X," "In the city of X," opening a sentence as "In X," does.
_IN_THE_CITY = re.compile(r"\s*in\s+the\s+(?:[\w-]+\s+)?(?:capital|city)(?:\s+of)?\s+", re.IGNORECASE)
#: "…, and in X" or "; in X" opening a clause, as "In X" opens a sentence; so does a live blog
#: entry's "Update 8: In X" or "19:50 – In X".
_CLAUSE_IN = re.compile(r"[,;:–—]\s+(?:and\s+|while\s+)?in\s+$", re.IGNORECASE)


def _any_of(*words: str) -> Callable[[str], re.Match[str] | None]:
    """A search for any of ``words`` in one pass in C (testing each word in turn is a Python step each)."""
    return re.compile("|".join(map(re.escape, words))).search


#: Words before a place that make it a government or its backer: "forces loyal to Damascus", "a
#: truce brokered by Moscow and Ankara", "'reconciliation' with Damascus", "the regime in Damascus";
#: a list of names may come between.
_ACTOR_BEFORE = re.compile(r"(?i:\b(?:loyal\s+to|allied\s+(?:to|with)|(?:backed|brokered|sponsored|supported|mediated)\s+by"
                           r"|(?:reconciliation|normali[sz]ation|rapprochement|talks|negotiations|deal|agreement)[\"”’']?\s+with"
                           r"|(?P<seat>(?:regimes?|governments?|authorities|leaderships?|rulers)(?:\s+(?:of|led\s+by)\s+(?:President\s+)?"
                           r"(?:(?:al|el)-)?[A-Z][\w'’-]*(?:\s+(?:(?:al|el)-)?[A-Z][\w'’-]*){0,3})?\s+in)))\s+(?:the\s+)?"
                           r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s*(?:,\s*(?:and\s+)?|\s+and\s+))*$")


#: A word every match of :data:`_ACTOR_BEFORE` contains (as written, lower-case after a capital).
_ACTOR_BEFORE_WORDS = _any_of("oyal", "llied", "by ", "egime", "overnment", "uthorities", "eadership", "ulers", "with")


def _named_as_a_government(span: Span, sentences: _Sentences, *, foreign: bool) -> bool:
    """True after "loyal to", "backed by", "brokered by", "talks with" ("forces loyal to Damascus"), and after
    "the regime in" or "the authorities in" where that is a seat of government: a capital abroad
    or Damascus ("fighting the regime in Idlib" is fighting in Idlib)."""
    start = max(span.start_char - 80, 0)
    before = sentences.text[start:span.start_char]
    if not before.endswith(" ") or _ACTOR_BEFORE_WORDS(before) is None:
        return False  # most places: the expression is tried only where one of its words stands
    found = _ACTOR_BEFORE.search(before, max(sentences.of(span).start_char - start, 0))
    return found is not None and (not found.group("seat") or foreign or fold(span.text) == "damascus")


#: Words before a place that name it as where forces or convoys came from or passed through:
#: "reinforcements arriving from Homs", "reinforced by convoys from Idlib, Aleppo and Hama",
#: "militia fighters were on their way from Iraq via the Albukamal crossing", "the offensive was
#: launched in January from the area of the T4 airbase"; where protesters came from to a rally
#: ("Protesters came by bus from Shahba, Salkhad and al-Qurayya"). Not people who fled (a
#: displacement happens where they fled from) nor "most victims came from Zamalka".
_ORIGIN_OF_FORCES = re.compile(
    r"\b(?i:reinforcements?|reinforced|convoys?|infiltrat(?:ed|ing|ors?)"
    r"|(?:fighters|troops|militants|militiamen|forces|soldiers|units|officers|protesters|demonstrators|mourners|crowds)\s+"
    r"(?:\w+\s+){0,5}?(?:arriving|arrived|coming|came|sent|brought|transferred|deployed|redeployed|moving|moved|bussed|advancing|flown)"
    r"|(?:sent|brought|transferred|deployed|redeployed|moved|bussed)\s+(?:\w+\s+){0,4}?(?:fighters|troops|militants|militiamen|forces|soldiers|units)"
    r"|(?:fire|shells|rockets|missiles|mortars|shelling)\s+(?:\w+\s+){0,2}?(?:came|coming|fired|launched)"
    r"|(?:fired|launched)\s+(?:\w+\s+){0,3}?(?:shells|rockets|missiles|mortars|rounds|projectiles)"
    r"|(?:warplanes?|jets?|aircraft|planes?|helicopters?|drones?|bombers?)[,\s]+(?:[\w,]+\s+){0,7}?(?:tak(?:e|es|ing)\s+off|took\s+off|taken\s+off"
    r"|depart(?:ing|ed)|flying|flew|flown|launched|fired|came(?!\s+under)|coming(?!\s+under)|operat(?:ed|ing|e|es))"
    r"|(?:sorties|missions|flights)\s+(?:\w+\s+){0,2}?(?:flown|launched|carried\s+out)"
    r"|(?:offensive|operation|attack|assault|campaign)s?\s+(?:\w+\s+){0,4}?(?:launched|began|started)"
    r"|(?:launched|began|started)\s+(?:the|an?|their|its)\s+(?:[\w-]+\s+){0,2}?(?:offensive|operation|attack|assault|campaign)s?"
    # the aircraft told before: "… dropped the bombs after taking off from Shayrat airfield"
    r"|(?:after|before|when|having)\s+(?:taking|took|taken)\s+off"
    # whoever set out from a place: "the militants, who had set out from their strongholds in", "lorries … after setting out from"
    r"|(?:set|sets|setting)\s+out)"
    r"\b[^.;:!?]{0,60}?\b(?i:from|via|out\s+of)\s+(?:the\s+)?(?:(?i:direction|outskirts|area|countryside)\s+of\s+(?:the\s+)?)?"
    r"(?:(?:[a-z][\w-]*\s+){1,3}(?i:in|near|around|at)\s+(?:the\s+)?|(?:occupied|rebel-held|regime-held|besieged)\s+"
    r"|[a-z][\w-]*['’]s\s+)?"
    r"(?:(?:(?i:a[lnrsdtz]|el|ash)[-‐ ])?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s*(?:,\s*(?:and\s+)?|\s+and\s+(?:from\s+)?(?:the\s+)?"
    r"(?:(?i:countryside|outskirts|area)\s+of\s+(?:the\s+)?)?|\s+via\s+(?:the\s+)?))*$")
#: Forces or fire told after a place as coming from it: "…, from where Russian warplanes carry out
#: strikes", "…, from which the rockets were fired" (not "from where thousands fled": a flight is an event).
_ORIGIN_AFTER = re.compile(r"(?:\s+[\w-]+){0,2}?,?\s+from\s+(?:where|which)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?"
                           r"(?i:warplanes|jets|aircraft|planes|helicopters|drones|forces|troops|militants|fighters|rockets"
                           r"|missiles|shells|mortars|strikes|airstrikes|raids|sorties)\b")
#: The way fire came, whatever the words before: "fired at around 4:20 a.m. from the direction of".
_FROM_THE_DIRECTION_OF = re.compile(r"\b(?i:from\s+(?:the\s+)?direction\s+of)\s+(?:the\s+)?(?:occupied\s+)?$")
#: How the text before a match of :data:`_ORIGIN_OF_FORCES` ends.
_BEFORE_AN_ORIGIN = ("from ", "via ", "the ", ", ", "and ", "From ", "Via ", "of ", "in ", "near ", "around ", "occupied ",
                     "rebel-held ", "regime-held ", "besieged ", "'s ", "’s ")
#: A piece of a word every match of :data:`_ORIGIN_OF_FORCES` contains.
_ORIGIN_OF_FORCES_WORDS = _any_of("irection", "einforce", "onvoy", "ighters", "roops", "ilitants", "ilitiamen", "orces", "oldiers", "nits", "fficers",
                                  "nfiltrat", "fire", "hells", "ockets", "issiles", "ortars", "helling", "arplane", "jet",
                                  "ircraft", "plane", "elicopter", "drone", "bomber", "aunched", "began", "tarted", "orties",
                                  "issions", "flights", "rotesters", "emonstrators", "ourners", "rowds", "king off", "took off",
                                  "ken off", "et out", "ets out", "ting out")


def _named_as_the_origin_of_forces(span: Span, sentences: _Sentences) -> bool:
    """True for a place forces or convoys came from or passed through (:data:`_ORIGIN_OF_FORCES`):
    where they went, or what they did, is the event."""
    if "from wh" in sentences.text[span.end_char:span.end_char + 20] and _ORIGIN_AFTER.match(sentences.text, span.end_char):
        return True  # "the Hmeimim Airbase, from where Russian warplanes have been carrying out airstrikes"
    written = sentences.written_start(span)  # before "al-Hasakah"
    start = max(written - 120, 0)
    before = sentences.text[start:written]
    if not before.endswith(_BEFORE_AN_ORIGIN) or _ORIGIN_OF_FORCES_WORDS(before) is None:
        return False
    return _FROM_THE_DIRECTION_OF.search(before) is not None \
        or _ORIGIN_OF_FORCES.search(before, max(sentences.of(span).start_char - start, 0)) is not None


#: Words before a place named as where people fleeing went: "fled to Raqqa city and to al-Tabqa",
#: "families displaced from Darayya towards Idlib province", "flee to camps near Atmeh and Kafr
#: Lusin"; where fighters retreated ("retreating east towards Sukhnah and Deir Ezzor"), where
#: the wounded were taken or treated ("taken to hospitals in Hasakeh and Kobani", "treated in hospitals in
#: Antakya", "taken across the border for treatment in Sanliurfa", "transported to al-Bab Hospital and
#: to hospitals in Gaziantep", "to hospitals in the Turkish town of Kilis", "took the injured man to a
#: hospital in Bab al-Hawa"); where people shelter
#: ("sheltering in mosques in Idleb city and in tents in Atmeh") and where the dead were buried.
#: What happened, happened where they left; not "returned to al-Waer", where they came home,
#: nor "a school sheltering displaced families in al-Mansoura", the building that was hit, nor
#: where people were killed "while sheltering in a basement in Douma".
_REFUGE = re.compile(
    r"(?:\b(?i:fled|flee|flees|fleeing|displaced|displacement|evacuated|evacuees|bussed|relocated|sought\s+refuge|seeking\s+refuge"
    r"|took\s+refuge|retreat(?:ed|ing|s)?|withdr[ae]w(?:n|ing|s)?|ferried|crossed|safe\s+passage"
    r"|(?:taken|transferred|transported|rushed|admitted|brought)(?=\s+to\b|[^.;:!?]{0,60}?\bto\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:hospitals?|clinics?)\b)"
    r"|(?:moved|evacuated)(?=[^.;:!?]{0,30}?\bto\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:hospitals?|clinics?)\b)"
    r"|(?:took|take|takes|taking)(?=[^.;:!?]{0,60}?\bto\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:hospitals?|clinics?)\b))"
    r"\b[^.;:!?]{0,80}?\b(?i:to|towards?|into)"
    r"|\b(?i:moving|moved|heading|headed|left|leaving)\b[^.;:!?]{0,80}?\b(?i:towards?)|\b(?i:head(?:s|ed|ing)?\s+for)"
    r"|\b(?i:left|leaving|leave|leaves)\b[^.;:!?]{0,60}?\b(?i:for)"
    r"|\b(?i:head(?:s|ed|ing)?|diverted|rerouted|redirected)\s+(?:back\s+|instead\s+|home\s+(?:on\s+leave\s+)?)?(?i:to|towards?)"
    r"|(?<!while )(?<!when )\b(?i:shelter(?:ing|ed)(?=\s+(?:in|at|inside)\b)"
    r"|(?:take|takes|taking|took|taken|seek|seeks|seeking|sought|find|finding|found)\s+(?:shelter|refuge)"
    r"|(?:living|live|lives|lived|staying|stay|stays|stayed)\s+in\s+(?:\w+\s+)?(?:camps?|tents|shelters)"
    r"|(?:treated|receiv(?:e|ed|es|ing)|recovering|hospitali[sz]ed)(?=[^.;:!?]{0,40}?\bin\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:hospitals?|clinics?)\s+in\b)"
    r"|(?:for|under|receiving)\s+(?:medical\s+)?treatment(?=\s+(?:in|at)\b)"
    r"|buried(?:\s+on\s+\w+day)?(?=\s+(?:in|at)\b))\b[^.;:!?]{0,60}?\b(?i:in|at|inside|near))"
    r"\s+(?:the\s+)?(?:(?:[a-z][\w-]*|[A-Z][\w'’-]*(?=\s+(?i:hospital|clinic)))\s+){0,4}?(?:(?:in|near|around|of)\s+(?:the\s+)?)?"
    r"(?:(?:[A-Z][a-z]+\s+)?(?:[a-z]+\s+)?(?:city|town|village)\s+of\s+)?(?:[\w -]{0,40}(?:\(|,?\s+including|\s+such\s+as|,\s+in\s+the\s+areas?\s+of)\s*)?"
    r"(?:(?:(?i:a[lnrsdtz]|el|ash)[-‐ ])?[A-Z][\w'’-]*(?:\s+(?:(?i:a[lnrsdtz]|e[lsz])[-‐])?[A-Z][\w'’-]*)*"
    r"(?:\s+(?:city|town|village|camps?|area|province))?"
    r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+(?:(?:to|in)\s+)?(?:the\s+)?|\s+in\s+(?:the\s+)?)"
    r"(?:[a-z]+\s+(?:in|of|near|around)\s+(?:the\s+)?)?)*$")
#: How the text before a match of :data:`_REFUGE` ends, and a piece of a word every match contains.
_BEFORE_A_REFUGE = (" to ", " towards ", " toward ", " into ", " in ", " at ", " inside ", " near ", " around ", " of ",
                    " the ", ", ", " and ", " or ", "(", " including ", " as ", "-held ", "-controlled ", " for ")
_REFUGE_WORDS = _any_of("fle", "displac", "evacu", "bussed", "passage", "relocat", "refuge", "retreat", "withdr", "taken", "transferred", "transported", "brought", "took", "take",
                        "rushed", "admitted", "shelter", "buried", "ferried", "camp", "tents", "crossed", "moving", "moved",
                        "heading", "headed", "left", "leaving", "head", "divert", "rerout", "redirect", "treated", "receiv",
                        "recovering", "hospitali", "treatment")


def _named_as_a_refuge(span: Span, sentences: _Sentences) -> bool:
    """True for a place people fleeing went to or shelter in (:data:`_REFUGE`): the flight is where they fled from."""
    sentence_start = sentences.of(span).start_char
    written = sentences.written_start(span)  # before "al-Harra"
    start = max(written - 140, 0)
    before = sentences.text[start:written]
    if before.endswith((" to ", " for ", " of ", ", ", " and ", " the ")) and ("trav" in before or " way " in before
                                                                       or "route" in before or "bound" in before) \
            and _TRAVELLING_TO.search(before, max(sentence_start - start, 0)) is not None:
        return True
    if not before.endswith(_BEFORE_A_REFUGE) or _REFUGE_WORDS(before) is None:
        return False
    where = _WHERE_AFTER.match(sentences.text, span.end_char)
    if where is not None and not (where.group().endswith("where") and _A_STATE_THERE.match(sentences.text, where.end())):
        return False  # "fled to Idlib, where an air strike killed five", "to Douma, which was shelled": something happened there too
    refuge = _REFUGE.search(before, max(sentence_start - start, 0))
    if refuge is None or _STRUCK_WHILE_SHELTERING.match(before, max(sentence_start - start, 0), refuge.end()):
        return False  # "kill 17 civilians sheltering in a basement in Mseifra": they were struck where they sheltered
    # Where people go back to is where the return happens: "most returnees headed to Saraqeb".
    return "return" not in before[max(refuge.start() - 15, 0):refuge.end()].lower()


#: People struck where they sheltered, up to the shelter word: "kill 17 civilians sheltering in",
#: "targeted a basement where families were sheltering in", "a school sheltering displaced families in".
_STRUCK_WHILE_SHELTERING = re.compile(
    r".*?\b(?i:kill(?:s|ed|ing)?|hit(?:s|ting)?|str(?:uck|ike|ikes)|target(?:s|ed|ing)|bomb(?:s|ed)|shell(?:s|ed)"
    r"|pound(?:s|ed|ing)|attack(?:s|ed)?|raid(?:s|ed)?|wound(?:s|ed|ing)|injur(?:e|es|ed|ing)|destroy(?:s|ed|ing)?)"
    r"\s+(?:(?!(?i:and|or|but|who|after|then|while)\s)[\w,-]+\s+){0,6}?(?:(?i:where|as)\s+(?:[\w-]+\s+){1,3}?(?i:were|was|had\s+been|are|is)\s+)?(?i:shelter(?:ing|ed))\b")


#: A state told after "where", which is no news of the place: "taken to a hospital in Aleppo city, where
#: his condition was described as critical", "fled towards Oum Suhairij …, where they are holed up",
#: "fled north towards al-Asharah, where the Syrian Army plans to pursue them".
_A_STATE_THERE = re.compile(r"\s+(?:(?:his|her|their|its)\s+conditions?\b|(?:he|she|they|it|many|most)\s+(?:of\s+them\s+)?"
                            r"(?:is|are|was|were|remains?|remained|have\s+been|had\s+been)\s+(?:still\s+)?(?:being\s+)?"
                            r"(?:holed\s+up|treated|hospitali[sz]ed|staying|living|sheltering|in\s+(?:a\s+)?(?:stable|critical|serious))"
                            # or only a plan: "…, where the army plans to pursue them"
                            r"|(?:[\w-]+\s+){1,4}?(?:plans?|planned|will|would|intends?|hopes?|(?:is|are)\s+expected)\s)",
                            re.IGNORECASE)
#: What follows a place when something happened there too: "fled to Idlib, where an air strike
#: killed five", "to Douma, which was shelled". Not across another place it names: in "sheltering
#: around Atmeh come from Khan Sheikhoun, where a sarin attack killed", the attack was in Khan Sheikhoun.
_WHERE_AFTER = re.compile(r"(?:(?!\s(?:from|to|in|into|and|of)\s+(?:the\s+)?[A-Z])[^.;:!?]){0,30}?,?\s+"
                          r"(?:where\b|which\s+(?:was|were|has\s+been|had\s+been|is\s+being)\s+(?:\w+\s+)?"
                          r"(?:shelled|bombed|struck|hit|attacked|targeted|raided|stormed|besieged|pounded)\b)")

#: What happened months or years before the news, named to compare: "almost exactly a year after a
#: sarin attack on Khan Sheikhoun", "two years since the siege of Madaya".
_LONG_BEFORE = re.compile(r"\b(?i:a|one|two|three|four|five|six|seven|eight|nine|ten|[0-9]{1,2}|several|many)\s+(?i:years?|months?)"
                          r"\s+(?i:after|since)\b[^.;:!?,]{0,80}$")


def _told_as_long_before(span: Span, sentences: _Sentences) -> bool:
    """True for a place in a clause about what happened months or years before (:data:`_LONG_BEFORE`,
    :data:`_AGO_AFTER`), or named as a whole war's (:data:`_A_WAR_IN`)."""
    start = sentences.of(span).start_char
    before = sentences.text[max(start, span.start_char - 100):span.start_char]
    return ("after" in before or "since" in before) and _LONG_BEFORE.search(before) is not None \
        or before.endswith(" in ") and _A_WAR_IN.search(before) is not None \
        or " ago" in sentences.text[span.end_char:span.end_char + 60] \
        and _AGO_AFTER.match(sentences.text, span.end_char, min(span.end_char + 60, sentences.of(span).end_char)) is not None


#: Years or months ago, in the name's clause: "since they first left Hama or Homs years ago".
_AGO_AFTER = re.compile(r"[^.;:!?,]{0,40}?\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|[0-9]{1,2}|several|many)?\s*"
                        r"(?:years?|months)\s+ago\b", re.IGNORECASE)
#: A war named by its place, which is no one event: "triggered the war in Gaza", "the civil war in Syria".
_A_WAR_IN = re.compile(r"\b(?i:the)\s+(?:[\w-]+\s+){0,2}?(?i:war|conflict|crisis)\s+in\s+$")


#: A word of direction before a name: "southern Idlib", "rural Damascus".
_DIRECTION_WORD = r"(?:(?:north|south|east|west)(?:ern)?\s+|rural\s+)"
#: Names before a place in a list: "from Homs, eastern Ghouta or", "linking Aleppo and".
_NAMES_BEFORE = (rf"(?:{_DIRECTION_WORD}?(?:(?i:a[lnrsdtz]|el|ash)[-‐ ])?[A-Z][\w'’-]*(?:\s+(?:(?i:a[lnrsdtz]|e[lsz])[-‐])?[A-Z][\w'’-]*)*"
                 r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+))*")
#: What is only threatened, planned or expected, and the few words to the place it is about: "Turkey
#: threatened to launch an offensive on Manbij", "forces would continue east to Manbij, Kobani and",
#: "the army's next target is expected to be Saraqeb", "Ankara was determined to 'clean' Tal Rifaat";
#: or denied: "Russian aircraft did not strike any targets in the city of Homs".
#: Not "could" or "might" ("the toll could rise in Douma" tells of Douma), nor a toll that "will rise".
_PROSPECT_BEFORE = re.compile(
    r"\b(?i:will|would|(?:did|does|do|has|have|had)\s+not|(?:did|does|do|has|have|had)n[’']t|never"
    r"|(?:threaten(?:s|ed|ing)?|plan(?:s|ned|ning)?|vow(?:s|ed|ing)?|intend(?:s|ed|ing)?|aim(?:s|ed|ing)?"
    r"|prepar(?:e|es|ed|ing)|seek(?:s|ing)?)\s+to|(?:is|are|was|were)\s+(?:expected|set|due|poised|likely|determined)\s+to|next\s+target)"
    r"(?!\s+(?:likely\s+)?(?:rise|climb|increase|grow)\b)(?:\s+(?!(?i:and|but|while|after|before|when|where)\b)[\w'’-]+){0,6}?"
    r"\s+(?i:on|to|towards?|into|against|at|in|from|be)\s+(?:the\s+)?(?:(?i:town|city|village)\s+of\s+)?" + _NAMES_BEFORE + "$"
    # or the operation threatened or planned against it: "has threatened a new ground operation against the
    # YPG in Tal Rifaat, Manbij and"
    r"|\b(?i:threaten(?:s|ed|ing)?|plan(?:s|ned|ning)?|prepar(?:e|es|ed|ing)\s+for)\s+(?:a|an|another|the|its)\s+(?:[\w-]+\s+){0,3}?"
    r"(?i:operation|offensive|incursion|attack|assault)\b[^.;:!?]{0,60}?\s(?i:in|on|against|into)\s+(?:the\s+)?"
    r"(?:(?i:town|city|village)\s+of\s+)?" + _NAMES_BEFORE + "$"
    # or what is planned, expected or proposed for the place: "ahead of planned returns to Kafr Nabl"
    r"|\b(?i:planned|expected|proposed|future|upcoming)\s+(?:[\w-]+\s+){0,2}?(?i:returns?|visits?|operations?|offensives?"
    r"|attacks?|deployments?|patrols?)\s+(?i:to|on|in|into|against)\s+(?:the\s+)?(?:(?i:town|city|village)\s+of\s+)?"
    + _NAMES_BEFORE + "$"
    # or what a threat or plan is to do to the place: "vowed to retake Saraqib", "determined to 'clean' Tal Rifaat"
    r"|\b(?i:(?:threaten(?:s|ed|ing)?|plan(?:s|ned|ning)?|vow(?:s|ed|ing)?|intend(?:s|ed|ing)?|prepar(?:e|es|ed|ing))\s+to"
    r"|(?:is|are|was|were)\s+(?:determined|poised)\s+to)\s+[\"“'‘]?[a-z][\w-]*[\"”'’]?\s+(?:the\s+)?(?:(?i:town|city|village)\s+of\s+)?"
    + _NAMES_BEFORE + "$"
    # or named as the next target: "its next targets were the IS-held towns of", "The next target,
    # according to the source, will be the city of"
    r"|\b(?i:next\s+(?:targets?|objectives?|goals?))\b[^.;:!?]{0,60}?\s(?i:is|are|was|were|be|include|included|including)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:(?i:towns?|cit(?:y|ies)|villages?)\s+of\s+)?" + _NAMES_BEFORE + "$")
#: Where someone was travelling or bound, right before the name: "arrested while travelling to
#: Damascus", "a convoy bound for Idlib" (not "en route to cover strikes in Huraytan": the strikes were there).
_TRAVELLING_TO = re.compile(r"\b(?i:travel(?:l?ing|l?ed|s)?|on\s+(?:his|her|their|its)\s+way|en\s+route|bound)\s+(?i:to|for)\s+"
                            r"(?:the\s+)?(?:(?i:town|city|village)\s+of\s+)?" + _NAMES_BEFORE + "$")


def _told_as_a_prospect(span: Span, sentences: _Sentences) -> bool:
    """True for a place that what is only threatened, planned or expected is about (:data:`_PROSPECT_BEFORE`),
    or named as what is aimed at (:data:`_AS_TARGETS_AFTER`)."""
    start = sentences.of(span).start_char
    written = sentences.written_start(span)  # before "al-Qaryatain"
    before = sentences.text[max(start, written - 120):written]
    if ("will" in before or "would" in before or " to " in before or "target" in before or " not " in before
            or "n't" in before or "n’t" in before or "never" in before or "threat" in before or "plan" in before
            or "prepar" in before) and _PROSPECT_BEFORE.search(before) is not None:
        return True
    after = sentences.text[span.end_char:span.end_char + 80]
    return " as " in after and _AS_TARGETS_AFTER.match(after) is not None


#: A place named with others as what is aimed at: "naming Tal Rifaat, Manbij and Kobani as objectives".
_AS_TARGETS_AFTER = re.compile(r"(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?:al|el|ash|as|ar|ad|at|az)[-‐])?[A-Z][\w'’-]*"
                               r"(?:\s+[A-Z][\w'’-]*)*)*\s+as\s+(?:(?:possible|potential|likely|next|future|its|their|the\s+next)\s+)?"
                               r"(?:objectives|targets|goals)\b")


#: What a place may be called before its name ("the capital Damascus", "second city Aleppo", "the
#: town of", "the Turkish city of", "villages near"), as a home or a road's end.
_DESCRIBED = (r"(?:(?:the\s+)?(?:[A-Z][a-z]+\s+)?(?:(?:nearby|neighbou?ring|surrounding)\s+)?(?:(?i:towns?|cit(?:y|ies)|villages?|areas?|countryside|provinces?|governorates?|capital|second\s+city"
              r"|(?:provincial|coastal|border|northern|southern|eastern|western)\s+(?:city|town|capital)|[a-z]+\s+checkpoint)"
              r"\s+(?:(?:of|near|around)\s+(?:the\s+)?)?)|the\s+)?")
#: Words before a place that name it as someone's home or an organisation's seat, not where
#: anything happened: "originally from Kafr Sajna", "a teacher born in Homs", "who hails from
#: Jableh", "a native of Daraa", "based in Gaziantep", "whose headquarters are in Damascus",
#: "its operational centre for Syria in Brussels", "commanders, many of whom are from Qamishli", "people who fled, many of them from Morek", "a Druze
#: general from Sweida" (not victims: "17 young men from the town of Altibni" were killed there, as
#: likely as not); or as an end of a road: "the M5 highway that
#: links Damascus to Aleppo", "the road connecting Saraqib and Ariha".
_HOME = re.compile(
    r"\b(?i:originally\s+(?:hails?\s+|fled\s+|came\s+|displaced\s+)?from|born(?:\s+and\s+(?:raised|bred))?\s+in|hail(?:s|ed|ing)?\s+from|natives?\s+of"
    r"|(?:family|families|parents)\s+(?:is|are|was|were|comes?|came)\s+(?:originally\s+)?from|operat(?:ing|es|ed|e|ions)\s+from"
    r"|(?:who|whom|I|we|I['’]m|we['’]re|of\s+them)\s+(?:(?:is|are|am|was|were|comes?|came)\s+)?(?:originally\s+|all\s+|mostly\s+)?from"
    r"|(?:dead|victims|casualties)\s+(?:is|are|was|were)\s+(?:originally\s+|all\s+|mostly\s+|largely\s+)?from"
    # people who now live elsewhere, told where they come from: "Most refugees in Lebanon come from Homs, Qusayr"
    r"|(?:refugees|arrivals|newcomers|families|residents|people|IDPs|displaced|evacuees)\b[^.;:!?]{0,40}?\bcomes?\s+"
    r"(?:mainly\s+|mostly\s+|largely\s+|originally\s+)?from"
    r"|(?:general|commanders?|officers?|officials?|activists?|journalists?|defectors?|spokes(?:man|woman|person)"
    r"|policem[ae]n|volunteers|rescuers|medics|paramedics|firefighters|delegations?)\s+from"
    # troops from a place, unless taken out of it ("withdrew its troops from Morek")
    r"|(?P<troops>troops|soldiers?)\s+from"
    r"|based\s+(?:in|at)|headquartered\s+(?:in|at)|headquarters\s+(?:is|are|was|were|lies|lie)\s+in|operational\s+cent(?:re|er)\b[^.;:!?,]{0,30}?\s+in"
    r"|seat\s+(?:is|was|lies)\s+in|grew\s+up\s+in|raised\s+in|stud(?:ied|ies|ying)\s+(?:[a-z]+\s+){0,2}?(?:at|in)|graduated\s+from|fl(?:ew|own)\s+(?:in\s+)?from"
    r"|crossed\s+(?:the\s+(?:border|frontier)\s+|over\s+|into\s+[A-Z]\w*\s+)?from|(?:stationed|positioned|entrenched)\s+in"
    # where people live abroad or in exile: "now lives in the Turkish city of Gaziantep", "parties in exile in Berlin"
    r"|(?:in|into)\s+exile\s+in|exiled\s+(?:\w+\s+)?in|now\s+(?:lives?|living|based|resides?|residing|settled)\s+in"
    r"(?:\s+an?\s+(?:tent|camp|shelter|house|flat|apartment)\s+(?:in|near|outside))?"
    # where people now elsewhere were driven from before: "families displaced from Khan Shaykhun",
    # "had already been displaced once, from Hama", "had fled at least once, many of them from"
    r"|(?:famil(?:y|ies)|people|persons|residents|civilians|children|those|IDPs)\s+(?:who\s+(?:were|had\s+been)\s+)?displaced\s+(?:\w+\s+){0,2}?from"
    r"|(?:many|most|some|all|thousands|hundreds)\s+of\s+whom\s+(?:were|had\s+been|have\s+been)\s+displaced\s+(?:\w+\s+){0,2}?from"
    r"|had\s+(?:already\s+|previously\s+|first\s+)?(?:been\s+displaced|fled)\b[^.;:!?]{0,40}?\bfrom"
    # or displaced before the news, as the present perfect tells it: "have already been displaced two
    # or three times, from Khan Shaykhun" (not "have fled from Saraqib since Monday", today's flight)
    r"|(?:have|has)\s+(?:already|previously|repeatedly)\s+(?:been\s+displaced|fled)\b[^.;:!?]{0,40}?\bfrom"
    r"|(?:have|has)\s+(?:been\s+displaced|fled)\s+(?:once|twice|(?:two|three|four|five|several|many|multiple)\s+times)\b[^.;:!?]{0,40}?\bfrom"
    r"|(?:(?:its|their|our|regional|field|country|liaison)\s+)+(?:offices?|hubs?)\s+in|hubs\s+in|(?:has|have|with)\s+offices\s+in|working\s+out\s+of|(?:supported|coordinated|run|managed)\s+from"
    # a ministry's seat: "the Ministry of Emergency and Disaster Management in Damascus dispatched …"
    r"|(?-i:Ministry|Directorate)\s+of\s+(?:(?:[A-Z][\w'’-]*|and|the|of)\s+){1,6}in"
    # a court's: "refer them to the International Criminal Court in The Hague"
    r"|(?-i:Court|Tribunal)\s+in"
    r"|(?:runs?|running|coordinates?|manages?)\s+(?:its|their|the)\s+(?:[\w-]+\s+){0,3}?(?:operations?|programmes?|programs?|response)\s+from"
    # where people came home from: "families returned to Kafr Nabl from camps in Sarmada and Kafr Lusin"
    r"|(?:return(?:ed|ing|s|ees)?|came\s+back|went\s+back|moved\s+back)\b[^.;:!?]{0,60}?\bfrom"
    r"(?:\s+(?:the\s+)?(?:[a-z]+\s+)?(?:camps?|tents|shelters|settlements)\s+(?:in|near|around|of))?"
    r"|(?:links?|linking|connects?|connecting)(?:\s+" + _DESCRIBED + _NAMES_BEFORE + r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s+(?:to|with|and))?)"
    r"\s+" + _DESCRIBED + _NAMES_BEFORE + r"(?:the\s+(?:countryside|outskirts|suburbs)\s+of\s+)?" + _DIRECTION_WORD + "?$")
#: A piece of a word every match of :data:`_HOME` contains.
_HOME_WORDS = _any_of("rigin", "born", "ourt", "ribunal", "hail", "ative", "based", "eadquarter", "entre", "enter", "link", "onnect", "famil", "parent",
                      "seat", "grew", "raised", "stud", "graduated", "flew", "flown", "crossed", "station", "position", "entrench", "displaced", "fled",
                      "perat", "ffice", "hub", "orking", "pported", "ordinated", "run", "naged", "who", "eneral", "ommander",
                      "fficer", "ctivist", "ournalist", "efector", "pokes", "roops", "oldier", "olicem", "olunteer", "escuer",
                      "edics", "elegation", "irefighter", "come", "exile", "now", "return", "came back",
                      "went back", "moved back", "m from", "re from", "them", "as from", "inistry", "irectorate")


def _named_as_a_home(span: Span, sentences: _Sentences) -> bool:
    """True for a place named as where someone comes from, where a body sits, or where a road
    ends (:data:`_HOME`)."""
    sentence_start = sentences.of(span).start_char
    written = sentences.written_start(span)
    start = max(written - 100, sentence_start)
    before = sentences.text[start:written]
    if not before.endswith((" ", "-")) or _HOME_WORDS(before) is None:
        return False
    if _WHERE_AFTER.match(sentences.text, span.end_char):
        return False  # "a highway linking Masyaf with Wadi al-Uyun, where a car was burnt out"
    home = _HOME.search(before)
    return home is not None and not (home.group("troops") and TAKEN_OUT_BEFORE.search(before, 0, home.start()))


#: Nouns after a place that make it an actor: "the Damascus government", "Ankara authorities".
_ACTOR_NOUNS = frozenset({"government", "regime", "authorities", "administration", "officials", "leadership"})
#: After an actor noun, these make it an adjective of troops in a place: "near Aleppo government forces".
_TROOP_NOUNS = frozenset({"forces", "troops", "soldiers", "aircraft", "jets", "warplanes", "fighters", "positions",
                          "artillery", "militias", "militiamen", "loyalists", "helicopters", "planes"})

#: A body of people named after its place: "Deir ez-Zor Military Council", "Aleppo Police Command",
#: "the Aleppo Health Directorate", "Zabadani Revolution Coordination Committee" (not "Idleb Syrian
#: Army Regains…", a headline).
_BODY_ADJECTIVES = frozenset({"military", "police", "security", "central", "revolutionary", "revolution", "local", "civil",
                              "provincial", "city", "media", "coordination", "governing", "executive", "health",
                              "education", "water", "electricity", "agriculture", "endowments"})
_BODY_NOUNS = frozenset({"council", "committee", "committees", "command", "brigade", "brigades", "battalion",
                         "battalions", "division", "regiment", "movement", "party", "front", "legion", "union",
                         "center", "centre", "office", "directorate", "department", "authority", "board"})


def _followed_by_a_government_noun(span: Span) -> bool:
    """True for a place that names a government: "the Damascus government", "Ankara authorities";
    not "near Aleppo government forces advanced", a place, then troops."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ not in _ACTOR_NOUNS:
        return False
    return span.end + 1 >= len(doc) or doc[span.end + 1].lower_ not in _TROOP_NOUNS


#: An office named after its place, after it or before it: "Gaziantep Governor Davut Gül", "Aleppo's
#: governor", "the governor of Turkey's Hatay province", "the mayor of Kilis".
_OFFICE_AFTER = re.compile(r"(?:['’]s)?\s+(?:(?i:deputy|vice)\s+)?(?i:governor|mayor)\b")
_IN_BEFORE = re.compile(r"\b(?i:in|near|at|outside|inside|into)\s+(?:[A-Z]\w*(?:['’]s|s)\s+)?$")
_OFFICE_BEFORE = re.compile(r"\b(?i:governor|mayor)\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]*['’]s\s+)?(?:(?i:city|town|province)\s+of\s+)?$")


def _names_an_office(span: Span, sentences: _Sentences) -> bool:
    """True for a place named as a governor's or mayor's (:data:`_OFFICE_AFTER`, :data:`_OFFICE_BEFORE`):
    the office speaks, nothing happened there for it."""
    text = sentences.text
    if "overnor" not in text[max(span.start_char - 60, 0):span.end_char + 20] \
            and "ayor" not in text[max(span.start_char - 60, 0):span.end_char + 20]:
        return False
    written = sentences.written_start(span)
    if _OFFICE_BEFORE.search(text, max(written - 60, 0), written) is not None:
        return True
    # After "in", a place: "kill 45 in Syria's Homs - Governor", a headline and its source.
    return _IN_BEFORE.search(text, max(written - 30, 0), written) is None and _OFFICE_AFTER.match(text, span.end_char) is not None


def _names_a_body(span: Span) -> bool:
    """True for a place that names a body of people: "the Deir ez-Zor Military Council", "Aleppo
    Police Command". Where the body sits is still a clue to where the story is, so the place stays,
    as background, and its governorate places the sentence's other names."""
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].lower_ in _BODY_ADJECTIVES and doc[span.end].text[:1].isupper() \
        and doc[span.end + 1].text[:1].isupper() and doc[span.end + 1].lower_ in _BODY_NOUNS


#: A clause that tells what a comparison goes back to: "the worst since the end of April, when clashes
#: in Jaramana killed dozens", "the largest since September 2016, when blazes destroyed forest near Kessab".
#: Not "fighting has gone on since Monday, when jets struck Saraqib": that is the news.
_SINCE_WHEN = re.compile(r"\b(?:\w{3,}est|worst|first|most)\b[^,;.]{0,60}\bsince\s+[^,;.]{1,40},\s+when\b[^;]*$"
                         # or a sentence that opens with the year it goes back to: "Since 2012, when government
                         # forces withdrew from Amuda, Derik and Kobani, the area has been run by …"
                         r"|^\s*Since\s+(?:(?:early|late|mid)[\s-]+)?(?:[A-Z][a-z]+\s+)?(?:19|20)[0-9]{2},\s+when\b[^;]*$")


def _in_a_since_when_clause(span: Span, sentences: _Sentences) -> bool:
    """True for a place named in a "since …, when …" clause: history a comparison goes back to."""
    start = sentences.of(span).start_char
    lead = sentences.text[start:span.start_char]
    return ("since" in lead or "Since" in lead) and _SINCE_WHEN.search(lead) is not None  # a superlative: "the worst since …"


#: Verbs whose object is a government ("accused Damascus of", "blamed Ankara for", "urged Moscow to").
_CHARGING_VERBS = frozenset({"accused", "accuses", "accusing", "blamed", "blames", "blaming", "urged", "urges", "urging",
                             "pressed", "presses", "pressing", "asked", "asks", "asking", "invited", "invites"})
#: Verbs of a plea "on" a government: "called on Damascus to".
_CALLING_VERBS = frozenset({"call", "calls", "called", "calling"})


def _charged_or_urged(span: Span) -> bool:
    """True for a place that is the object of a charge or a plea, a preposition after it: "accused
    Damascus of 'savagery'", "blamed Ankara for the attack", "urged Moscow to rein in", "called on
    Damascus to recognise", "asked Ankara to"."""
    doc = span.doc
    if span.start == 0 or span.end >= len(doc):
        return False
    before, after = doc[span.start - 1].lower_, doc[span.end].lower_
    if before == "on" and span.start > 1:  # "called on Damascus to recognise"
        return doc[span.start - 2].lower_ in _CALLING_VERBS and after == "to"
    return before in _CHARGING_VERBS and after in ("of", "for", "to")


_AUXILIARIES = frozenset({"has", "have", "had", "is", "was", "were", "will", "would", "could", "should", "can", "did", "does"})


#: People who tell the news from a place ("our correspondent in Marea says").
_REPORTER_NOUNS = frozenset({"reporter", "reporters", "correspondent", "correspondents", "journalist", "activist", "activists",
                             "source", "sources", "resident", "residents", "witness", "witnesses", "monitor", "doctor",
                             "doctors", "medic", "medics"})


#: The people of a place, who tell what happened there ("Residents of Baniyas said gunmen went from
#: house to house").
_RESIDENT_NOUNS = frozenset({"residents", "inhabitants", "locals", "villagers", "townspeople"})


def _where_a_witness_is(span: Span) -> bool:
    """True after "reporter in", "activists in" (:data:`_REPORTER_NOUNS`) or "residents of (the village
    of)" (:data:`_RESIDENT_NOUNS`): "our reporter in Saraqib says …", "residents of Baniyas said …"
    tell the news from where it happens."""
    doc, i = span.doc, span.start
    if i < 2:
        return False
    previous = doc[i - 1].lower_  # one Token each: most names have neither word before them
    if previous in ("-", "‐") and i >= 4 and doc[i - 2].lower_ in ARTICLES:  # "residents in al-Hamidiyah said"
        i -= 2
        previous = doc[i - 1].lower_
    if previous in ("in", "at"):
        return doc[i - 2].lower_ in _REPORTER_NOUNS
    if previous != "of":
        return False
    if i >= 5 and doc[i - 2].lower_ in PLACE_NOUNS and doc[i - 3].lower_ == "the":
        i -= 3  # "residents of the village of al-Hamidiyah"
        if doc[i - 1].lower_ != "of":
            return False
    return doc[i - 2].lower_ in _RESIDENT_NOUNS


#: Asides between a subject and its verb: "Ankara, for its part, has threatened", "Moscow, in turn, said".
_ASIDES = (("for", "its", "part"), ("for", "their", "part"), ("in", "turn"), ("meanwhile",), ("however",), ("too",),
           ("also",), ("in", "response"))


def _past_an_aside(doc: Doc, i: int) -> int:
    """The token after an aside set off by commas at token ``i`` (:data:`_ASIDES`), else ``i``."""
    if doc[i].text != ",":
        return i
    for aside in _ASIDES:
        end = i + 1 + len(aside)
        if end + 1 < len(doc) and doc[end].text == "," and tuple(t.lower_ for t in doc[i + 1:end]) == aside:
            return end + 1
    return i


def _followed_by_actor_verb(span: Span, *, strict: bool) -> bool:
    """True for "Moscow and Ankara brokered…", "Turkey has been…"; Syrian places only with
    reporting verbs ("Damascus said"), since "Idlib was shelled" is still a location."""
    doc = span.doc
    i = span.end
    # Skip a coordinated partner: "Moscow and Ankara …", "Turkey, Iran and Russia …".
    last_joint = ""
    for _ in range(4):
        if i < len(doc) and doc[i].lower_ in {"and", ","}:
            j = i + 1
            while j < len(doc) and _is_name_token(doc[j]):
                j += 1
            if j == i + 1:
                break
            last_joint, i = doc[i].lower_, j
        else:
            break
    if i >= len(doc) or strict and last_joint == ",":
        return False  # "killed in Syria's Palmyra, Pentagon says": a source, not a partner
    i = _past_an_aside(doc, i)  # "Ankara, for its part, has repeatedly threatened …"
    word = doc[i].lower_
    if word in ("'s", "’s"):
        return not strict
    if word not in ACTOR_VERBS:
        return False
    if not (strict and word in _AUXILIARIES):
        return True
    if word not in _ACTIVE_AUXILIARIES:
        # an active progressive: "Damascus is sending thousands of fighters" (not "Idlib was shelled")
        return i + 1 < len(doc) and doc[i + 1].lower_ in _ACTOR_PROGRESSIVES
    i += 1  # a Syrian place before an auxiliary: the government only when its verb says so
    while i < len(doc) and doc[i].lower_ in _ADVERBS_AFTER_AUXILIARY:
        i += 1
    return i < len(doc) and doc[i].lower_ in _ACTOR_VERBS_AFTER_AUXILIARY
