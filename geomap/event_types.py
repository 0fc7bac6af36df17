"""Type each event sentence with a small, documented lexicon of word stems.

Matching works on the lower-cased sentence with hyphens and dashes read as spaces, so
"air strikes", "air-strikes" and "airstrikes" all meet the cue ``air strike*``. A cue is a
word or phrase; a trailing ``*`` accepts any word ending ("shell*" → shelled, shelling);
the words of a phrase may be written apart, hyphenated or joined. Arabic cues (a few stems
per type, for Arabic reports) are also met after a glued article or preposition ("والقصف").

Precedence (first match wins, see :data:`PRECEDENCE`):

1. :data:`DEVICE_CUES` — a car bomb, IED or suicide bomber is an explosion even when the
   sentence also mentions jets or shelling.
2. The means of attack, most specific first: airstrike, shelling, then other explosions
   ("an explosion", "a blast": air strikes and shells also explode, so they outrank it).
   Barrel bombs are dropped by helicopters: airstrike.
3. Ground operations: offensive (a named push, captures) before clashes (fighting in general,
   which offensives also mention).
4. Protest, then displacement: both name what happened to people; a protest where people
   fled is still a protest.
5. Killing last, only when nothing more specific matches ("air strikes killed 12" is an
   airstrike; "gunmen shot dead a doctor" is a killing).
6. Otherwise "other".
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from functools import lru_cache
from typing import Any

import ahocorasick

from .names import ARABIC_PROCLITICS, is_arabic

__all__ = ["LEXICON", "DEVICE_CUES", "PRECEDENCE", "EVENT_WORDS", "ARABIC_CUE_PREFIXES", "TAKEN_OUT_BEFORE", "classify_event",
           "reports_event"]

#: Cues that outrank every other type: the device itself says "explosion".
DEVICE_CUES: dict[str, tuple[str, ...]] = {
    "explosion": (
        "car bomb*", "truck bomb*", "motorcycle bomb*", "roadside bomb*", "suicide bomb*",
        "suicide attack*", "suicide car*", "suicide vest*", "explosive vest*", "explosive belt*",
        "explosive device*", "improvised explosive*", "ied", "ieds", "vbied*", "booby trap*",
        "landmine*", "land mine*", "bomb laden", "explosives laden", "bomb blast*",
        # Arabic: car bomb, explosive device(s), explosive belt, suicide bomber, mine(s)
        "مفخخ*", "عبوة ناسفة", "عبوات ناسفة", "حزام ناسف", "انتحاري*", "لغم*", "ألغام", "الغام",
    ),
}  # fmt: skip

#: Event type → cue words and phrases (lower case; ``*`` = any word ending).
LEXICON: dict[str, tuple[str, ...]] = {
    "airstrike": (
        "air strike*", "air raid*", "air attack*", "air force", "air forces", "air campaign*",
        "aerial bombard*", "aerial attack*", "aerial bombing*", "bombing raid*", "bombing run*",
        "warplane*", "war plane*", "fighter plane*", "plane", "planes", "jet", "jets",
        "fighter jet*", "aircraft", "helicopter*", "gunship*", "barrel bomb*", "sortie*",
        "drone strike*", "drone attack*", "drone", "drones", "missile strike*", "cruise missile*", "bombers",
        "strategic bomber*", "long range bomber*", "bomber jet*", "coalition strike*",
        # Arabic: air raid(s), aircraft, warplanes, helicopters, barrel bombs, aerial bombardment
        "غارة*", "غارات", "طائرة*", "طائرات", "طيران", "حربي*", "مروحي*", "براميل متفجرة", "برميل متفجر", "قصف جوي",
    ),
    "shelling": (
        "shell", "shells", "shelled", "shelling*", "artillery", "mortar*", "rocket*",
        "missile", "missiles", "bombard*", "howitzer*", "tank fire", "tank round*",
        "grad", "cannon*", "projectile*",
        # Arabic: bombardment, artillery, rocket(s), shell(s), mortar
        "قصف*", "مدفعي*", "صاروخ*", "صواريخ", "قذيف*", "قذائف", "هاون",
    ),
    "explosion": (
        "explosion*", "explod*", "blast", "blasts", "detonat*", "bomb", "bombs", "bombed",
        "bombing", "bombings", "bomber", "blew up", "blown up", "blew himself up",
        "blew herself up", "grenade*",
        # Arabic: explosion, blast, bombing
        "انفجار*", "تفجير*",
    ),
    "offensive": (
        "offensive*", "counter offensive*", "counteroffensive*", "advance", "advances",
        "advanced", "advancing", "captur*", "recaptur*", "seize", "seized", "seizing",
        "retook", "retake*", "retaken", "regain*", "took control", "take control", "takes control",
        "taken control", "taking control", "gained control", "gained ground", "seized control",
        "full control", "established control", "establishes control",
        "imposed control", "imposes control", "restored control", "restores control", "wrested control",
        "extended control", "extended its control", "lost control", "loses control", "stormed",
        "restored security", "restores security", "restoring security", "restore security",
        # headlines in the present: "Syrian Kurdish forces take Tal Abyad"
        "forces take", "rebels take", "army takes", "army take", "troops take", "fighters take", "militants take",
        "jihadists take", "regime takes",
        "factions take", "opposition takes", "opposition take", "insurgents take", "militias take", "militia takes",
        "forces took", "troops took", "army took", "rebels took", "fighters took", "militants took", "jihadists took",
        "factions took", "opposition took",
        "forces reached", "troops reached", "army reached", "rebels reached", "fighters reached", "units reached",
        "factions reached", "forces reach", "troops reach", "army reaches", "rebels reach", "factions reach",
        # headlines: "Saraqib falls to opposition", "Opposition closes in on Homs"
        "falls to", "closes in on", "closing in on", "closed in on",
        "broke through", "breaking through", "broken through",
        "took over", "take over", "taken over", "taking over", "took the town*", "took the village*",
        "took the neighboring town*", "took the neighbouring town*", "took the nearby town*", "took the strategic town*",
        "took the neighboring village*", "took the neighbouring village*", "took the nearby village*",
        "took the city", "reached the outskirts",
        "overran", "overrun", "launched an assault", "assault", "assaults", "liberat*",
        "ground operation*", "military operation*", "incursion*", "push into", "pushed into",
        "encircl*", "offensive operation*",
        # Arabic: advance, took control, regained, stormed, military operation / campaign
        "تقدم*", "سيطر*", "استعاد*", "اقتحام*", "اقتحم*", "عملية عسكرية", "حملة عسكرية",
    ),
    "clashes": (
        "clash*", "fighting", "fought", "fights", "battle", "battles", "battled",
        "battling", "firefight*", "fire fight*", "gunfight*", "gun battle*", "skirmish*",
        "exchange of fire", "exchanges of fire", "exchanged fire", "exchanging fire",
        "infighting", "street fight*", "combat",
        # Arabic: clashes, battle(s), confrontations
        "اشتباك*", "معارك", "معركة", "مواجهات",
    ),
    "protest": (
        "protest*", "demonstration*", "demonstrator*", "rally", "rallies", "rallied",
        "sit in*", "marched", "marchers", "took to the streets", "take to the streets",
        "chanting", "chanted", "candlelight vigil*", "candle vigil*", "held a vigil", "held vigils", "burning tyres", "burning tires", "burned tyres", "burned tires",
        # Arabic: demonstration(s), protest(s), sit-in
        "مظاهر*", "تظاهر*", "احتجاج*", "اعتصام*",
    ),
    "displacement": (
        "displac*", "fled", "flee", "flees", "fleeing", "evacuat*", "refugee*", "exodus",
        "uprooted", "idp", "idps", "forced from their homes", "left their homes",
        "abandoned their homes", "forced out", "expelled",
        # Arabic: displacement, displaced, forced displacement, refugees, evacuation
        "نزوح", "نازح*", "تهجير*", "مهجر*", "لاجئ*", "إجلاء", "اجلاء",
    ),
    "killing": (
        "kill", "kills", "killed", "killing*", "executed", "execution*", "shot dead",
        "gunned down", "massacre*", "murder*", "assassinat*", "behead*", "slaughter*",
        "death toll", "dead", "died", "lynch*", "stabbed", "stabbing*", "strangled", "hanged", "beaten to death",
        "stoned to death", "burned to death", "burnt to death", "tortured to death", "starved to death",
        "crushed to death", "hacked to death", "shot to death", "froze to death", "frozen to death",
        "slit the throat*", "slit their throat*", "slitting the throat*", "cut the throat*", "throats slit", "throat slit",
        # activists' tolls: "Idlib: 14 martyrs, among them 6 in Saraqeb"
        "martyr", "martyrs", "martyred",
        # Arabic: killing, killed, dead, assassination, execution, massacre, martyr(s)
        "مقتل", "قتل*", "قتيل*", "قتلى", "اغتيال*", "إعدام*", "اعدام*", "مجزرة", "مجازر", "استشهاد", "شهيد*",
        "شهداء",
    ),
}  # fmt: skip

#: Order in which the lexicon is tried after :data:`DEVICE_CUES`; first match wins.
PRECEDENCE: tuple[str, ...] = (
    "airstrike",
    "shelling",
    "explosion",
    "offensive",
    "clashes",
    "protest",
    "displacement",
    "killing",
)

#: Words that say something happened without naming what (a place in a sentence with none of
#: them, nor any cue above, is background): same syntax as the lexicon.
EVENT_WORDS: tuple[str, ...] = (
    "attack*", "strik*", "struck", "hit", "hits", "target*", "raid*", "bomb*", "shell*", "clash*", "fight*",
    "battl*", "kill*", "dead", "died", "wounded", "wounding", "injur*", "casualt*", "destroy*", "damag*", "siege", "besieg*",
    "captur*", "seiz*", "advanc*", "offensive", "assault*", "explo*", "blast*", "displac*", "fled", "evacuat*",
    "protest*", "demonstrat*", "arrest*", "detained", "detaining", "detains", "kidnap*", "abduct*", "massacre*",
    "fire", "fired", "firing", "operation*", "battle", "fell", "recaptur*", "liberat*", "entered", "enter", "enters", "storm*", "ambush*", "drone*",
    "missile*", "rocket*", "mortar*", "sniper*", "rubble", "bodies", "body of", "found dead", "found shot", "toll", "shot", "gunmen", "gunfire",
    "eliminat*", "losses", "gathered in", "searched", "searching houses", "house search*", "search operation*",
    "search campaign*", "search and rescue", "crossed", "passed through", "returned to", "fires", "wildfire*", "blaze*", "returnee*",
    "returned to their homes", "buses carrying", "buses left", "buses leaving", "convoy left", "convoys left", "walked back", "came back to", "moved back to", "moved back into", "loot*", "took positions", "sweep", "sweeps", "combing", "drove into", "rolled into",
    # forces and evacuees on the move: "forces deployed on Saturday in al-Mazraa", "rebels boarded green buses in
    # Deir Qanun" (not a standing presence: "troops have been deployed since December on the Golan")
    "forces deployed", "troops deployed", "units deployed", "army deployed", "police deployed", "deployed on",
    "deployed into", "boarded buses", "boarded green buses", "boarded the buses", "boarded the green buses",
    "blocked the road*", "blocked roads",
    # a town changing hands without a shot told: "toppled a statue of Hafez al-Assad in Jaramana", "raised the flag over"
    "toppled a statue", "toppled the statue", "toppled statues", "toppled the statues", "being toppled", "was toppled",
    "were toppled", "raised the flag", "raised the national flag", "raised the revolution flag", "raised the opposition flag",
    "hoisted the flag", "hoisted the national flag",
    "demolish*", "razed", "razing", "bulldozed", "bulldozing", "beat", "beaten", "tortur*",
    # the punishments of the caliphate's years: "ISIS publicly flogged two men in Mansoura"
    "flogg*", "whipp*", "lashed", "crucif*", "stoned to death",
    # a side giving up a town: "rebels surrendered in Daraya", "Hezbollah pulls out of Qusayr", "Turkish army
    # withdraws from Morek post" (not a call "for them to pull out of Idlib")
    "surrendered", "pulls out of", "pulled out of", "pulling out of", "withdraws from", "withdrew from", "withdrawing from",
    "withdrawn from", "withdrawal from",
    # how Syrian state media tell of a strike: "the Israeli aggression on al-Kiswah"
    "aggression on", "aggression against",
    # how war reports say bombardment: "jets pounded Saraqib" (not "pounds", which is money too)
    "pounded", "pounding", "hammered", "hammering", "pummel*", "blitz*",
    # what humanitarian reports tell of: outbreaks, towns flattened, aid delivered, people arriving
    "outbreak*", "cholera", "suspected cases", "confirmed cases", "first case", "delivered", "delivering",
    "aid convoy*", "arrived", "arrivals", "wiped off", "flattened", "levelled", "leveled",
    # disasters, which humanitarian maps show too: "a building collapsed in Jableh"
    "earthquake*", "quake*", "tremor*", "aftershock*", "worst affected", "most affected", "building collaps*",
    "buildings collaps*", "collapsed building*", "collapsed apartment*", "collapsed home*", "collapsed house*", "house collaps*", "houses collaps*", "blocks collaps*", "came down",
    "caved in", "tents collaps*", "collapsed tents", "bridge collaps*", "roof collaps*", "roofs collaps*",
    "buildings have collapsed", "buildings had collapsed", "houses have collapsed", "homes have collapsed",
    "building has collapsed", "tents have collapsed",
    "drowned", "flooded", "flooding", "floods", "flash flood*", "floodwater*", "ablaze", "snowstorm*", "snow storm*",
    # and cases of disease counted where they were found: "two further cases were confirmed in Latakia"
    "new cases", "new case", "cases were", "case was", "cases have been", "recorded cases", "tested positive",
    # Arabic: attack, targeting, wounded, injuries, destruction, siege, arrest, kidnapping, ambush, earthquake
    "هجوم*", "هاجم*", "استهداف*", "استهدف*", "جرحى", "جريح*", "إصاب*", "اصاب*", "دمار", "حصار", "اعتقال*",
    "اختطاف*", "خطف*", "كمين", "زلزال*",
)  # fmt: skip

#: Words before people named "from" a place that take them out of it, so that the place is where
#: something happened, not their home: "withdrew its troops from", "buses evacuated sick and wounded
#: residents from", "to oust HTS militants from".
TAKEN_OUT_BEFORE = re.compile(r"\b(?i:withdr\w*|pull\w*|evacuat\w*|expel\w*|oust\w*|drive|drove|driven|remov\w*|depart\w*|exit\w*"
                              r"|transfer\w*|bus(?:ed|sed|ing|sing)|clear\w*|push\w*|rescu\w*)\s+(?:[\w'’-]+\s+){0,5}$")

_TYPES: tuple[str, ...] = tuple(DEVICE_CUES) + PRECEDENCE  # by rank: the first type found wins
_CUES: tuple[tuple[str, ...], ...] = tuple(DEVICE_CUES.values()) + tuple(LEXICON[t] for t in PRECEDENCE)
_EVENT_WORDS_RANK = len(_TYPES)  # event words rank after every type: they say "something", not what
_NO_RANK = _EVENT_WORDS_RANK + 1  # no cue, no event word
_DASHES = re.compile(r"[\-\u2010-\u2015]+")


#: Arabic writes the article and the conjunctions and prepositions (:data:`~geomap.names.ARABIC_PROCLITICS`)
#: as one word with the next: an Arabic cue is met after any of them ("والقصف", "بغارات", "للقصف": "ل"
#: and the article make "لل").
ARABIC_CUE_PREFIXES: tuple[str, ...] = (
    *ARABIC_PROCLITICS, "ال", *(p + "ال" for p in ARABIC_PROCLITICS if not p.endswith("ل")), "لل", "ولل", "فلل")


def _cue_forms(cue: str) -> list[str]:
    """The spellings of a cue's stem: its words apart or joined ("air strike", "airstrike"), and
    an Arabic one after each proclitic."""
    first, *rest = cue.rstrip("*").split()
    forms = [first + "".join(sep + word for sep, word in zip(seps, rest))
             for seps in itertools.product((" ", ""), repeat=len(rest))]
    if is_arabic(first):
        forms += [prefix + form for form in forms for prefix in ARABIC_CUE_PREFIXES]
    return forms


def _build_cue_automaton() -> Any:
    """One automaton for every cue of every type: a sentence is read once, not once per type.

    Each form carries its length, the best rank of its open-ended cues (``*``: they may end
    inside a word) and its best rank of all, so a hit costs one comparison, not a loop."""
    entries: dict[str, list[tuple[int, bool]]] = defaultdict(list)
    for rank, cues in enumerate((*_CUES, EVENT_WORDS)):
        for cue in cues:
            for form in _cue_forms(cue):
                entries[form].append((rank, cue.endswith("*")))
    automaton = ahocorasick.Automaton()
    for form, ranks in entries.items():
        open_rank = min((rank for rank, open_ended in ranks if open_ended), default=_NO_RANK)
        automaton.add_word(form, (len(form), open_rank, min(rank for rank, _ in ranks)))
    automaton.make_automaton()
    return automaton


_CUE_AUTOMATON = _build_cue_automaton()


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def classify_event(sentence: str) -> str:
    """The event type of one sentence, one of :data:`geomap.model.EVENT_TYPES`; never raises.

    Memoised: finding mentions asks whether a sentence reports something, and dating events asks
    its type again.
    """
    if not isinstance(sentence, str) or not sentence:
        return "other"
    return _scan(sentence)[0]


def reports_event(sentence: str) -> bool:
    """True when a sentence says something happened: a cue of some type, or an event word,
    outside what is only threatened, planned or expected ("Turkey threatened to launch an
    offensive on Manbij", "the army's next target is expected to be Saraqeb") or denied ("the
    camp was not targeted")."""
    if not isinstance(sentence, str) or not sentence or not _scan(sentence)[1]:
        return False  # the scan is remembered: classify_event reads the same sentence
    lowered = sentence.lower()
    if _PROSPECT_WORDS.isdisjoint(lowered.translate(_PUNCTUATION_TO_SPACE).split()):  # most sentences: no search
        return True
    return _scan(_PROSPECT.sub(" ", lowered))[1]


#: A threat, plan, expectation or denial and the few words of what it is about: what follows has
#: not happened. Not "may" (a month) nor "will" of a past report ("said it will"): "will" is here too,
#: as the words it governs are still to come.
_PROSPECT = re.compile(r"\b(?:will|would|could|might|shall|not(?!\s+only)|never|(?:threaten(?:s|ed|ing)?|plan(?:s|ned|ning)?|vow(?:s|ed|ing)?|intend(?:s|ed|ing)?|prepar(?:e|es|ed|ing)"
                       r"|aim(?:s|ed|ing)?|seek(?:s|ing)?|sought)\s+to"
                       r"|(?:is|are|was|were)\s+(?:expected|set|due|poised|likely|about|determined)\s+to|next\s+target)"
                       r"(?:\s+(?:not|n't|be|have|also))*(?:\s+[\w'’-]+){1,3}")
#: The words one of which every match of :data:`_PROSPECT` (lower case) contains.
_PROSPECT_WORDS = frozenset({
    "will", "would", "could", "might", "shall", "not", "never", "expected", "set", "due", "poised", "likely", "about", "determined",
    "next", *(verb + ending for verb in ("threaten", "vow", "intend", "aim") for ending in ("", "s", "ed", "ing")),
    "plan", "plans", "planned", "planning", "prepare", "prepares", "prepared", "preparing", "seek", "seeks", "seeking",
    "sought"})
_PUNCTUATION_TO_SPACE = str.maketrans({mark: " " for mark in ",.;:!?\"'’“”()[]-"})


@lru_cache(maxsize=4096)
def _scan(sentence: str) -> tuple[str, bool]:
    """The sentence's type and whether any cue or event word occurs in it. A cue starts a word,
    and ends one unless it ends in ``*``; dashes and runs of spaces read as one space."""
    lowered = sentence.lower()
    # Dashes become spaces (runs of spaces are joined next); str.replace is ten times faster than
    # the expression, and only "-" is a dash in ASCII text.
    spaced = lowered.replace("-", " ") if lowered.isascii() else _DASHES.sub(" ", lowered)
    text = " ".join(spaced.split())
    last = len(text) - 1
    best = _NO_RANK
    for end, (length, open_rank, any_rank) in _CUE_AUTOMATON.iter(text):
        start = end - length + 1
        if start > 0 and _is_word_char(text[start - 1]):
            continue
        rank = open_rank if end < last and _is_word_char(text[end + 1]) else any_rank
        if rank < best:
            best = rank
    return (_TYPES[best] if best < len(_TYPES) else "other"), best <= _EVENT_WORDS_RANK
