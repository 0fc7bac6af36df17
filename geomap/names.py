"""The one normal form for place names, shared by gazetteer building, lookup and matching.

Syrian place names reach English text through many transliteration schemes: "Abu al-Duhur",
"Abu az Zuhur", "Abul Thohur" and "Abou ed Douhoûr" are one town. :func:`normalize` maps such
spellings to one *key* by folding what transliterations disagree on (diacritics, ayn/hamza
marks, the Arabic article and its sun-letter forms, short vowels, dh/th/z/d, q/k/g, doubled
letters, a final -a/-eh) while keeping the consonants that tell names apart.

The key is built word by word (:func:`word_key`), so a text scanner can normalise tokens one at
a time and still produce exactly the key of a multi-word name. :func:`skeleton` drops vowels
too, for the looser candidate search that fuzzy matching ranks afterwards.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# ---------------------------------------------------------------------------- Arabic script

_ARABIC_LETTER = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_ARABIC_MARKS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي", "ک": "ك", "ی": "ي", "ظ": "ض"})
#: Generic Arabic words that name the kind, not the place ("ناحية" subdistrict, "محافظة" governorate…).
_ARABIC_GENERIC = frozenset(w.translate(_ARABIC_FOLD) for w in ("ناحيه", "محافظه", "منطقه", "مدينه", "قريه", "مركز", "بلده", "مخيم"))

# ---------------------------------------------------------------------------- Latin script

_MARKS = "'’‘`ʿʾ´ʻʼ′\u02bb\u02bc\u02be\u02bf"
_MARK_TABLE = str.maketrans("", "", _MARKS)
_SPECIAL_LETTERS = str.maketrans({"ı": "i", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d", "ł": "l", "ħ": "h"})
_NON_WORD = re.compile(r"[^0-9a-z\u0600-\u06FF]+")

#: The Arabic article in every transliteration, including assimilated sun-letter forms.
ARTICLES = frozenset(
    {"al", "el", "il", "ul", "l", "ad", "ed", "ar", "er", "as", "es", "ash", "esh", "at", "et",
     "az", "ez", "an", "en", "ath", "adh", "ed"}
)

#: Words spelled many ways that mean the same thing in place names; folded to one form.
_WORD_SYNONYMS: dict[str, str] = {
    **dict.fromkeys(["tell", "tall", "tal", "tel", "til", "tl"], "tal"),
    **dict.fromkeys(["kabir", "kebir", "kbir", "kabeer", "kebeer", "kbeer", "kabira", "kabireh",
                     "kbireh", "kebireh", "kbira", "big", "great", "greater"], "kabir"),
    **dict.fromkeys(["saghir", "sghir", "saghira", "saghireh", "sghireh", "sgheer", "seghir", "zghir",
                     "zgheer", "small", "little", "lesser", "saghirah", "sughra", "soghra"], "saghir"),
    **dict.fromkeys(["abu", "abou", "abo", "aboo", "abul", "abol", "aboul"], "abu"),
    **dict.fromkeys(["umm", "um", "oum", "oumm", "om", "omm", "im"], "um"),
    **dict.fromkeys(["deir", "dayr", "dair", "der", "deyr"], "dayr"),
    **dict.fromkeys(["kafr", "kfar", "kafar", "kefr", "kfr", "kafer"], "kafr"),
    **dict.fromkeys(["ain", "ayn", "ein", "eyn", "aen"], "ayn"),
    **dict.fromkeys(["khirbet", "khirbat", "kherbet", "khirba", "khirbeh"], "khirba"),
    **dict.fromkeys(["sheikh", "shaykh", "shaikh", "sheik", "cheikh", "shekh", "shikh"], "shaykh"),
    **dict.fromkeys(["upper", "fawqani", "fouqani", "foqani", "fauqani", "fawkani"], "fawqani"),
    **dict.fromkeys(["lower", "tahtani", "tahtany"], "tahtani"),
    **dict.fromkeys(["eastern", "east", "sharqi", "sharki", "charqi", "sharqiyah", "sharqiya", "sharqiyeh"], "sharqi"),
    **dict.fromkeys(["western", "west", "gharbi", "gharby", "gharbiyah", "gharbiya", "gharbiyeh"], "gharbi"),
    **dict.fromkeys(["northern", "north", "shamali", "chamali", "shimali"], "shamali"),
    **dict.fromkeys(["southern", "south", "janubi", "jnubi", "janoubi", "jenoubi"], "janubi"),
}

#: Position words that English names put first ("Big Khwein") and Arabic names last
#: ("Khuwayn al-Kabir"); :func:`variants` adds the other order.
POSITION_WORDS = frozenset({"kabir", "saghir", "fawqani", "tahtani", "sharqi", "gharbi", "shamali", "janubi"})

# The letter folds of :func:`_fold_letters` were first written as twelve expression passes;
# most are plain substrings, which str.replace folds at a fraction of the cost.
# tests/test_properties.py keeps those passes and checks that the keys are still theirs.
_DIPHTHONG_AW = re.compile(r"aw|ow|ou|oo|uw|o")
_U_BEFORE_VOWEL = re.compile(r"u(?=[aei])")
#: A character the next one repeats: deleting each leaves one of every run, as ``(.)\1+`` → ``\1``
#: would, without the template replacement that costs more than the whole search.
_REPEATED = re.compile(r"(.)(?=\1)")
#: An article glued to a sun letter it assimilated to: "Ezzor" in "Deir Ezzor", "Ennasr".
_ASSIMILATED_ARTICLE = re.compile(r"^e(?=([tdszrln])\1[a-z]{2})")
_TRAILING = re.compile(r"(?<=[a-z]{2})ah?$")


@lru_cache(maxsize=100_000)
def word_key(word: str) -> str:
    """Normal form of one already lower-cased, mark-free word; "" for an article.

    >>> word_key("thohur"), word_key("zuhur"), word_key("al")
    ('duhur', 'duhur', '')
    """
    if not word:
        return ""
    if word[0] >= "\u0600" and _ARABIC_LETTER.match(word):  # Arabic script starts at U+0600
        return _arabic_word_key(word)
    if word in ARTICLES:
        return ""
    word = _WORD_SYNONYMS.get(word, word)
    if word[0] == "e":
        word = _ASSIMILATED_ARTICLE.sub("", word)
    if word in _CANONICAL_WORDS:
        return word
    word = _fold_letters(word)
    if "a" in word[-3:]:  # where a final -a/-ah can be ($ also allows a newline after it)
        word = _TRAILING.sub("", word)
    return word


def _fold_letters(word: str) -> str:
    """Fold the letters transliterations disagree on. The order matters: digraphs before their
    single letters, diphthongs before vowel merging."""
    # Consonant digraphs: "ch" for shin (French/German; "sch" leaves a doubled s, dropped last),
    # French "dj" for jim, "ph" for f, dhal and tha as d ("dh" first, so that "thh" keeps one h).
    word = word.replace("ch", "sh").replace("dj", "j").replace("ph", "f").replace("dh", "d").replace("th", "d")
    # "uw" as w ("Khuwayn" = "Khwein"), then the diphthong ay ("ey" becomes "ay" with the e's below).
    word = word.replace("uw", "w").replace("ei", "ay").replace("ai", "ay")
    # Damma and diphthong aw as u. These spellings overlap ("oow", "ouw"), so they take one
    # left-to-right expression pass, not one replace each.
    if "o" in word or "w" in word:
        word = _DIPHTHONG_AW.sub("u", word)
    if "u" in word:  # French "oua" for "wa": "Khouaine" = "Khwein"
        word = _U_BEFORE_VOWEL.sub("w", word)
    # Single letters, once no digraph or diphthong needs them: zay, dad and za as d; qaf,
    # ghayn-as-g and kaf as k ("gh" keeps its h, so "kh"/"gh" stay apart from k; "ck" leaves a
    # doubled k); the short vowels e and i as a ("ee" and "ie" leave a doubled a).
    word = word.replace("z", "d").replace("q", "k").replace("g", "k").replace("c", "k")
    word = word.replace("e", "a").replace("i", "a")
    return _REPEATED.sub("", word)  # doubled letters (shadda) and long vowels


_CANONICAL_WORDS = frozenset(_WORD_SYNONYMS.values())


def _arabic_word_key(word: str) -> str:
    word = _ARABIC_MARKS.sub("", word).translate(_ARABIC_FOLD)
    if word in _ARABIC_GENERIC:
        return ""
    if word.startswith("ال") and len(word) > 3:
        word = word[2:]
    return word


@lru_cache(maxsize=100_000)
def fold(text: str) -> str:
    """Lower-case, strip diacritics and ayn/hamza marks, keep letters, digits and spaces."""
    if text.isascii() and text.isalnum():  # most tokens of English news: no mark, nothing to split
        return text.lower()
    text = text.translate(_MARK_TABLE)
    if text.isascii():  # most words of English news: nothing to decompose
        return _NON_WORD.sub(" ", text.lower()).strip()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().translate(_SPECIAL_LETTERS)
    return _NON_WORD.sub(" ", text).strip()


def without_article(folded: str) -> str:
    """A folded name without its leading Arabic article, which gazetteers drop at will ("Midan"
    for al-Midan): a name written with its article is spelled as the gazetteer's either way."""
    first, _, rest = folded.partition(" ")
    return rest if rest and first in ARTICLES else folded


def words(text: str) -> list[str]:
    """The normalised words of a name, articles dropped (see :func:`word_key`)."""
    keys = (word_key(w) for w in fold(text).split())
    return [k for k in keys if k]


def normalize(name: str) -> str:
    """The match key of a place name: equal keys mean "the same name, spelled differently".

    >>> normalize("Abu al-Duhur") == normalize("Abul Thohur") == normalize("Abu az-Zuhur")
    True
    """
    return " ".join(words(name))


#: Words that open Arabic place names ("Kafr Awid", "Jabal al-Arbaeen", "Masaken Hanano"): one of them
#: right before another name is that name's first word, even where the gazetteer has a place of its own
#: by that word.
TOPONYM_HEADS = frozenset(normalize(word) for word in (
    "kafr", "tal", "jabal", "jebel", "ayn", "dayr", "khan", "bab", "abu", "umm", "rasm", "rajm", "rujm", "jubb",
    "jebb", "jeb", "hweijet", "huwayjat", "hawsh", "housh", "hosh", "masaken", "masakin", "burj", "borj", "bani",
    "bayt", "beit", "qasr", "marj", "wadi", "khirbet", "shaykh", "ard", "qaryat", "mazraat", "mazraa", "nahr",
    "jisr", "bir", "ras", "hay", "harat", "sahl", "dahiyat", "maarat", "maaret", "qalaat", "tulul", "tuloul",
))


def variants(name: str) -> set[str]:
    """Keys a name may appear under: its key, plus the other order of a position word.

    "Big Khwein" is written "Khuwayn al-Kabir" in Arabic word order, so both keys are given.
    """
    parts = words(name)
    if not parts:
        return set()
    keys = {" ".join(parts)}
    if len(parts) > 1 and parts[0] in POSITION_WORDS:
        keys.add(" ".join(parts[1:] + parts[:1]))
    elif len(parts) > 1 and parts[-1] in POSITION_WORDS:
        keys.add(" ".join(parts[-1:] + parts[:-1]))
    return keys


#: Bump when :func:`normalize` changes: the built gazetteer stores keys made with this version.
NORMALIZER_VERSION = 1

_VOWELS = re.compile(r"[aeiouy]")


def skeleton(key: str) -> str:
    """A key's consonant skeleton, for loose candidate search before fuzzy ranking."""
    return " ".join(w if _ARABIC_LETTER.match(w) else (_VOWELS.sub("", w) or w) for w in key.split())


#: Arabic conjunctions and prepositions written as one word with the next: "و" and, "ف" then,
#: "ب" in, "ل" to, "ك" like, alone or in pairs ("وب" and in).
ARABIC_PROCLITICS: tuple[str, ...] = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")


def is_arabic(text: str) -> bool:
    """True when the text contains Arabic-script letters."""
    return bool(_ARABIC_LETTER.search(text))
