"""Type each event sentence with a small, documented lexicon of word stems.

Matching works on the lower-cased sentence with hyphens and dashes read as spaces, so
"air strikes", "air-strikes" and "airstrikes" all meet the cue ``air strike*``. A cue is a
word or phrase; a trailing ``*`` accepts any word ending ("shell*" → shelled, shelling);
the words of a phrase may be written apart, hyphenated or joined.

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

import re
from functools import lru_cache

__all__ = ["LEXICON", "DEVICE_CUES", "PRECEDENCE", "classify_event"]

#: Cues that outrank every other type: the device itself says "explosion".
DEVICE_CUES: dict[str, tuple[str, ...]] = {
    "explosion": (
        "car bomb*", "truck bomb*", "motorcycle bomb*", "roadside bomb*", "suicide bomb*",
        "suicide attack*", "suicide car*", "suicide vest*", "explosive vest*", "explosive belt*",
        "explosive device*", "improvised explosive*", "ied", "ieds", "vbied*", "booby trap*",
        "landmine*", "land mine*", "bomb laden", "explosives laden", "bomb blast*",
    ),
}  # fmt: skip

#: Event type → cue words and phrases (lower case; ``*`` = any word ending).
LEXICON: dict[str, tuple[str, ...]] = {
    "airstrike": (
        "air strike*", "air raid*", "air attack*", "air force", "air forces", "air campaign*",
        "aerial bombard*", "aerial attack*", "aerial bombing*", "bombing raid*", "bombing run*",
        "warplane*", "war plane*", "fighter plane*", "plane", "planes", "jet", "jets",
        "fighter jet*", "aircraft", "helicopter*", "gunship*", "barrel bomb*", "sortie*",
        "drone strike*", "drone attack*", "missile strike*", "cruise missile*", "bombers",
        "strategic bomber*", "long range bomber*", "bomber jet*", "coalition strike*",
    ),
    "shelling": (
        "shell", "shells", "shelled", "shelling*", "artillery", "mortar*", "rocket*",
        "missile", "missiles", "bombard*", "howitzer*", "tank fire", "tank round*",
        "grad", "cannon*", "projectile*",
    ),
    "explosion": (
        "explosion*", "explod*", "blast", "blasts", "detonat*", "bomb", "bombs", "bombed",
        "bombing", "bombings", "bomber", "blew up", "blown up", "blew himself up",
        "blew herself up",
    ),
    "offensive": (
        "offensive*", "counter offensive*", "counteroffensive*", "advance", "advances",
        "advanced", "advancing", "captur*", "recaptur*", "seize", "seized", "seizing",
        "retook", "retake*", "retaken", "regain*", "took control", "take control",
        "taken control", "taking control", "gained control", "gained ground", "stormed",
        "overran", "overrun", "launched an assault", "assault", "assaults", "liberat*",
        "ground operation*", "military operation*", "incursion*", "push into", "pushed into",
        "encircl*", "offensive operation*",
    ),
    "clashes": (
        "clash*", "fighting", "fought", "fights", "battle", "battles", "battled",
        "battling", "firefight*", "fire fight*", "gunfight*", "gun battle*", "skirmish*",
        "exchange of fire", "exchanges of fire", "exchanged fire", "exchanging fire",
        "infighting", "street fight*", "combat",
    ),
    "protest": (
        "protest*", "demonstration*", "demonstrator*", "rally", "rallies", "rallied",
        "sit in*", "marched", "marchers", "took to the streets", "take to the streets",
        "chanting", "chanted",
    ),
    "displacement": (
        "displac*", "fled", "flee", "flees", "fleeing", "evacuat*", "refugee*", "exodus",
        "uprooted", "idp", "idps", "forced from their homes", "left their homes",
        "abandoned their homes", "forced out", "expelled",
    ),
    "killing": (
        "kill", "kills", "killed", "killing*", "executed", "execution*", "shot dead",
        "gunned down", "massacre*", "murder*", "assassinat*", "behead*", "slaughter*",
        "death toll", "dead", "died", "lynch*",
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

_SEP = r"[\s\-\u2010-\u2015]*"
_DASHES = re.compile(r"[\-\u2010-\u2015]+")


def _compile(cues: tuple[str, ...]) -> re.Pattern[str]:
    """One regex per type: cues at a word start, ``*`` → any word ending, else a word end."""
    parts = []
    for cue in sorted(cues, key=len, reverse=True):
        stem = cue.rstrip("*")
        body = _SEP.join(re.escape(word) for word in stem.split())
        parts.append(body + (r"\w*" if cue.endswith("*") else r"(?!\w)"))
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")")


_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    [(t, _compile(c)) for t, c in DEVICE_CUES.items()] + [(t, _compile(LEXICON[t])) for t in PRECEDENCE]
)


def classify_event(sentence: str) -> str:
    """The event type of one sentence, one of :data:`geomap.model.EVENT_TYPES`; never raises.

    Memoised: finding mentions asks whether a sentence reports something, and dating events asks
    its type again.
    """
    if not isinstance(sentence, str) or not sentence:
        return "other"
    return _classify(sentence)


@lru_cache(maxsize=4096)
def _classify(sentence: str) -> str:
    text = _DASHES.sub(" ", sentence.lower())
    for event_type, pattern in _RULES:
        if pattern.search(text):
            return event_type
    return "other"
