"""What the search index stores for one person: name key, full pinyin, initials, reversed phone.

Each indexed column holds one token per spelling, so the FTS5 ``unicode61`` tokenizer never splits
a name: ``张三`` is the single token ``张三`` and ``zs`` the single token ``zs``. Whole-token matches
are exact matches and token-prefix matches are prefix matches, whatever the length of the name
(the trigram tokenizer would find nothing for the 2-character names that are most names).

Polyphonic surnames are indexed under both readings where it is cheap to know them: 单 is ``dan``
in a word but ``shan`` as a surname; pypinyin reads names as words, so a small table of surname
readings adds the second spelling. ``ü`` is indexed both as ``v`` (what an IME takes) and ``u``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from app.validation.text import clean

# Surnames whose reading differs from the character's most common word reading.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "单": ("shan",), "曾": ("zeng",), "区": ("ou",), "仇": ("qiu",), "解": ("xie",), "查": ("zha",),
    "朴": ("piao",), "盖": ("ge",), "乐": ("yue",), "覃": ("qin",), "缪": ("miao",), "翟": ("zhai",),
    "折": ("she",), "召": ("shao",), "种": ("chong",), "员": ("yun",), "秘": ("bi",), "繁": ("po",),
    "华": ("hua",), "任": ("ren",), "沈": ("shen",), "曲": ("qu",), "薄": ("bo",), "柏": ("bai",),
    "重": ("chong",), "宿": ("su",), "贲": ("ben",), "句": ("gou",), "隗": ("wei",), "眭": ("sui",),
    "莘": ("shen",), "费": ("fei",), "郇": ("huan",), "谌": ("chen",), "逄": ("pang",), "乜": ("nie",),
    "阚": ("kan",), "黑": ("he",), "能": ("nai",), "牟": ("mu",), "祭": ("zhai",), "过": ("guo",),
    "尉": ("yu",), "褚": ("chu",), "都": ("du",), "相": ("xiang",), "藏": ("zang",), "传": ("chuan",),
    "长": ("chang",), "率": ("shuai",), "蕃": ("pi",), "洗": ("xian",), "哈": ("ha",), "朝": ("chao",),
    "尉迟": ("yu", "chi"), "万俟": ("mo", "qi"), "长孙": ("zhang", "sun"), "澹台": ("tan", "tai"),
    "令狐": ("ling", "hu"), "单于": ("chan", "yu"), "乐正": ("yue", "zheng"),
}
_NAME_CACHE_SIZE = 65_536
_CHAR_CACHE_SIZE = 32_768


@dataclass(frozen=True, slots=True)
class IndexTerms:
    """Column values of one ``person_fts`` row; several spellings are separated by spaces."""

    name: str
    pinyin: str
    initials: str
    phone_rev: str


def name_key(name: str) -> str:
    """A name as one token: letters and digits only (drops spaces and the middle dot of 买买提·艾力)."""
    return "".join(char for char in clean(name).lower() if char.isalnum())


@lru_cache(maxsize=_CHAR_CACHE_SIZE)
def _char_syllable(char: str) -> str:
    # pypinyin costs ~0.4 s to import and load: only code that indexes or searches pays for it.
    from pypinyin import Style, lazy_pinyin

    chunk = "".join(lazy_pinyin(char, style=Style.NORMAL)).lower()
    return "".join(c for c in chunk if "a" <= c <= "z" or "0" <= c <= "9")


def _word_syllables(key: str) -> list[str]:
    """One syllable per character, each read on its own: a name is not a phrase, and reading
    characters alone is many times faster than pypinyin's phrase segmentation (imports of a million)."""
    syllables: list[str] = []
    latin = ""
    for char in key:
        if char.isascii():
            latin += char
            continue
        if latin:
            syllables.append(latin)
            latin = ""
        syllable = _char_syllable(char)
        if syllable:
            syllables.append(syllable)
    if latin:
        syllables.append(latin)
    return syllables


def _spellings(key: str) -> list[list[str]]:
    default = _word_syllables(key)
    spellings = [default]
    for length in (2, 1):
        reading = SURNAME_READINGS.get(key[:length]) if len(key) > length else None
        if reading is not None:
            if len(default) >= length and list(reading) != default[:length]:
                spellings.append([*reading, *default[length:]])
            break
    with_u = [[syllable.replace("v", "u") for syllable in spelling] for spelling in spellings]
    spellings.extend(spelling for spelling in with_u if spelling not in spellings)
    return spellings


def _unique(values: list[str]) -> str:
    return " ".join(dict.fromkeys(value for value in values if value))


@lru_cache(maxsize=_NAME_CACHE_SIZE)
def name_terms(name: str) -> tuple[str, str, str]:
    """(name key, full pinyin spellings, initials spellings) of a name; cached: names repeat a lot."""
    key = name_key(name)
    spellings = _spellings(key) if key else []
    pinyin = _unique(["".join(spelling) for spelling in spellings])
    initials = _unique(["".join(syllable[0] for syllable in spelling) for spelling in spellings])
    return key, pinyin, initials


def phone_digits_reversed(phone: str | None) -> str:
    """Phone digits back to front, so "ends with 1234" is the token prefix ``4321``."""
    return "".join(char for char in clean(phone or "") if char.isdigit())[::-1]


def index_terms(name: str, phone: str | None) -> IndexTerms:
    key, pinyin, initials = name_terms(name)
    return IndexTerms(name=key, pinyin=pinyin, initials=initials, phone_rev=phone_digits_reversed(phone))
