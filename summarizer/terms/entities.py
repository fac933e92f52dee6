"""Names that jieba cuts into several tokens, joined back into one unit.

Three general shapes, read off the tokens' parts of speech and a few closed classes of
characters and words (no list of names):

- a transliterated name, pieces joined by a name dot: 塔米姆·本·哈马德·阿勒萨尼 (塔 / 米姆 / · / 本 ...);
- a person's name cut after the surname: 刘 + 芳菲, 戴 + 秀英 (a common surname, then a
  given name jieba tags as a name);
- a chain of place names: 博爱县 + 磨头镇 (磨头 + 镇 first), 菏泽市 + 牡丹区;
- an organisation: the words before an organisation's generic head (公司, 银行, 委员会, 局 ...):
  焦作诺尔曼炉业有限公司, 国家食品药品监督管理总局, 科工局.

A unit is a half-open range of token indices of one sentence, with the part of speech that
stands for it (``nr`` a person, ``ns`` a place, ``nt`` an organisation). Units never cross
punctuation, so nothing joins across a comma or a quote. The tokens' tags are read as the
class bits of :mod:`summarizer.terms.tags`, given alongside the tokens.
"""

from __future__ import annotations

from typing import Final

from summarizer.document import Token
from summarizer.terms.tags import (
    GIVEN_NAME,
    NAME_PIECE,
    NOT_A_NAME_PIECE,
    NOT_A_SURNAME,
    ORGANISATION_HEAD,
    ORGANISATION_WORD,
    PLACE_PIECE,
)

PERSON: Final = "nr"
PLACE: Final = "ns"
ORGANISATION: Final = "nt"

# The dots that join the pieces of a transliterated name (normalised text keeps each as is).
NAME_DOTS: Final = frozenset({"·", "•", "・", "‧", "∙"})
# The characters that end a place's name: an administrative division (孟州市, 磨头镇, 牡丹区,
# 锡林郭勒盟), read by the names here and by the keywords' shape (福州 / 福州市 take one slot).
PLACE_ENDINGS: Final = frozenset("省市县区镇乡村州旗盟")
# A word of three characters or more ending with one of these is a place's name; 区 is left
# out, since so many common nouns end with it (开发区, 示范区, 保护区).
_NAME_OF_PLACE_ENDINGS: Final = PLACE_ENDINGS - {"区"}
# The generic nouns of places, read off a word's last two characters: 大城市, 直辖市, 县级市,
# 城市, 新农村 name no place, and a chain of places never takes them (大城市 + 里约热内卢).
_GENERIC_PLACE_ENDS: Final = frozenset(
    {
        "城市", "都市", "城镇", "乡镇", "农村", "乡村", "山村",
        "县城", "辖市", "级市", "辖区", "级县", "级区", "省份",
    }
)  # fmt: skip
# The generic heads of organisation names, as jieba cuts them. Read by the key phrase grammar
# too: a run of nouns ending on one is an organisation's name, taken whole (summarizer.keyphrases).
ORGANISATION_HEADS: Final = frozenset(
    {
        "有限公司", "有限责任公司", "股份有限公司", "公司", "集团", "银行", "大学", "学院", "中学",
        "小学", "医院", "委员会", "常委会", "研究院", "研究所", "科学院", "协会", "学会", "联合会",
        "基金会", "总局", "管理局", "法院", "检察院", "出版社", "电视台", "博物馆", "博物院",
        "图书馆", "俱乐部", "事务所", "研究中心", "合作社", "党委", "党组", "纪委", "监委",
        "局", "厅", "委", "署",
    }
)  # fmt: skip
# The commonest Chinese surnames (of one character): general knowledge of names, not of news.
SURNAMES: Final = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴"
    "霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚"
    "岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
# The classes of single characters above, by code point (Basic Multilingual Plane): the tests
# of a token of one character, or of a word's last one, read a byte of this table where a set
# would hash the token's string, or a string made of its last character first. Callgrind:
# words and names 0.584 -> 0.530 M instructions per article, of which 0.02 M reappears in the
# keywords, which now hash those strings first; a set of the code points cost 0.06 M more
# instead (each code point beyond 256 made into an int object for the look-up).
_NAME_DOT: Final = 1
_PLACE_ENDING: Final = 2
_NAME_OF_PLACE_ENDING: Final = 4
_SURNAME: Final = 8
_PLANE: Final = 0x10000


def _character_classes() -> bytes:
    table = bytearray(_PLANE)
    for characters, bit in (
        (NAME_DOTS, _NAME_DOT),
        (PLACE_ENDINGS, _PLACE_ENDING),
        (_NAME_OF_PLACE_ENDINGS, _NAME_OF_PLACE_ENDING),
        (SURNAMES, _SURNAME),
    ):
        for character in characters:
            table[ord(character)] |= bit
    return bytes(table)


_CHARACTER_CLASSES: Final = _character_classes()


def _character_class(text: str, at: int) -> int:
    """The classes above of ``text[at]`` (0 for none), read without making a string of it."""
    code = ord(text[at])
    return _CHARACTER_CLASSES[code] if code < _PLANE else 0


MAX_ORGANISATION_WORDS: Final = 4  # words before the head
MAX_NAME_CHARS: Final = 20


class Unit:
    """Tokens ``start`` to ``stop`` (exclusive) of a sentence, read as one name."""

    def __init__(self, start: int, stop: int, pos: str) -> None:
        self.start: Final = start
        self.stop: Final = stop
        self.pos: Final = pos

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Unit):
            return NotImplemented
        return (self.start, self.stop, self.pos) == (other.start, other.stop, other.pos)

    def __hash__(self) -> int:
        return hash((self.start, self.stop, self.pos))

    def __repr__(self) -> str:
        return f"Unit(start={self.start!r}, stop={self.stop!r}, pos={self.pos!r})"


def name_units(tokens: tuple[Token, ...], flags: list[int]) -> list[Unit]:
    """The multi-token names of one sentence, in order, none overlapping another: at each token
    the longest name starting there, found left to right. ``flags`` are the tokens' tag bits."""
    count = len(tokens)
    # Most tokens can start no name: one pass finds where the organisations' heads and the
    # name dots are, so that each token is tried only for the shapes it could start. Only a
    # head with a head's tag is one (``_organisation_at`` takes no other, and stops at any
    # head's text itself), and a dot is one character: the other tokens, most of them, are
    # looked up in neither set (-0.1 M instructions per article, callgrind).
    heads: list[int] = []
    dotted = False
    for index in range(count):
        text = tokens[index].text
        if len(text) == 1 and _character_class(text, 0) & _NAME_DOT:
            dotted = True
        elif flags[index] & ORGANISATION_HEAD and text in ORGANISATION_HEADS:
            heads.append(index)
    units: list[Unit] = []
    next_head = 0  # the first of ``heads`` after the current token
    index = 0
    while index < count:
        flag = flags[index]
        unit: Unit | None = None
        if dotted and flag & NAME_PIECE:
            unit = _transliteration_at(tokens, flags, index)
        if unit is None and not flag & NOT_A_SURNAME:
            text = tokens[index].text
            if len(text) == 1 and _character_class(text, 0) & _SURNAME:
                unit = _surname_and_name_at(tokens, flags, index)
        if unit is None:
            while next_head < len(heads) and heads[next_head] <= index:
                next_head += 1
            organisation: Unit | None = None
            if next_head < len(heads) and heads[next_head] - index <= MAX_ORGANISATION_WORDS:
                organisation = _organisation_at(tokens, flags, index)
            place = _places_at(tokens, flags, index) if flag & PLACE_PIECE else None
            if organisation is not None and (place is None or organisation.stop >= place.stop):
                unit = organisation
            else:
                unit = place
        if unit is None:
            index += 1
        else:
            units.append(unit)
            index = unit.stop
    return units


def _transliteration_at(tokens: tuple[Token, ...], flags: list[int], index: int) -> Unit | None:
    """塔 米姆 · 本 · 哈马德: one or two name-like tokens, then one or more dot-joined pieces."""
    count = len(tokens)
    if not flags[index] & NAME_PIECE:
        return None
    first_piece_end = index + 1
    # A first piece of two tokens (塔 + 米姆) only when the first is short.
    if (
        first_piece_end < count
        and len(tokens[index].text) <= 2
        and flags[first_piece_end] & NAME_PIECE
        and first_piece_end + 1 < count
        and tokens[first_piece_end + 1].text in NAME_DOTS
    ):
        first_piece_end += 1
    stop = first_piece_end
    pieces = 0
    while stop + 1 < count and tokens[stop].text in NAME_DOTS:
        piece_start = stop + 1
        if flags[piece_start] & NOT_A_NAME_PIECE or tokens[piece_start].text in NAME_DOTS:
            break
        piece_end = piece_start + 1
        # A short piece may go on with one more name-like token (英 + 格拉姆).
        if piece_end < count and len(tokens[piece_start].text) <= 2 and flags[piece_end] & NAME_PIECE:
            piece_end += 1
        stop = piece_end
        pieces += 1
    if pieces == 0 or _chars(tokens, index, stop) > MAX_NAME_CHARS:
        return None
    return Unit(index, stop, PERSON)


def _surname_and_name_at(tokens: tuple[Token, ...], flags: list[int], index: int) -> Unit | None:
    """刘 + 芳菲: a one-character surname, then a given name of one or two characters tagged
    as a name (a transliteration, tagged nrt, only after a token tagged as a name: 鲁 + 哈尼
    stays apart from 万 + 卢比)."""
    token = tokens[index]
    following = index + 1
    if len(token.text) != 1 or token.text not in SURNAMES or following == len(tokens):
        return None
    if flags[index] & NOT_A_SURNAME:
        return None
    given = tokens[following]
    if len(given.text) > 2:
        return None
    if flags[following] & GIVEN_NAME or (given.pos == "nrt" and token.pos in {"nr", "zg"}):
        return Unit(index, following + 1, PERSON)
    return None


def _place_piece_end(tokens: tuple[Token, ...], flags: list[int], index: int) -> int:
    """Where the place name starting at ``index`` ends (``index`` when none starts there)."""
    if not flags[index] & PLACE_PIECE:
        return index
    token = tokens[index]
    text = token.text
    if len(text) < 2:
        return index
    following = index + 1
    if following < len(tokens):
        suffix = tokens[following]
        # The endings are single characters: a longer word is tested against none of them.
        if (
            len(suffix.text) == 1
            and _character_class(suffix.text, 0) & _PLACE_ENDING
            and suffix.pos in {"n", "ng", "q", "ns"}
        ):
            return index if _generic_place(text) else following + 1  # 磨头 + 镇
    if token.pos == "ns" or (len(text) >= 3 and _character_class(text, -1) & _NAME_OF_PLACE_ENDING):
        return index if _generic_place(text) else following
    return index


def _generic_place(text: str) -> bool:
    """大城市, 直辖市: a common noun of places, no place's name (tested only where a word
    would be a place: the slice costs more than the tests before it)."""
    return text[-2:] in _GENERIC_PLACE_ENDS


def _places_at(tokens: tuple[Token, ...], flags: list[int], index: int) -> Unit | None:
    """Two or more place names in a row: 博爱县磨头镇."""
    end = _place_piece_end(tokens, flags, index)
    if end == index:
        return None
    while end < len(tokens):
        following = _place_piece_end(tokens, flags, end)
        if following == end:
            break
        end = following
    if end - index < 2 or _chars(tokens, index, end) > MAX_NAME_CHARS:
        return None  # one place alone is one token already (or 磨头 + 镇, which is a unit)
    return Unit(index, end, PLACE)


def _organisation_at(tokens: tuple[Token, ...], flags: list[int], index: int) -> Unit | None:
    """Up to ``MAX_ORGANISATION_WORDS`` nouns or names, then an organisation's head:
    焦作 诺尔曼 炉业 有限公司. The head itself must not open the run (中原银行, not 银行中原)."""
    count = len(tokens)
    stop = index
    while stop < count and stop - index < MAX_ORGANISATION_WORDS:
        if not flags[stop] & ORGANISATION_WORD or tokens[stop].text in ORGANISATION_HEADS:
            break
        stop += 1
    if stop in (index, count):
        return None
    head = tokens[stop]
    if head.text not in ORGANISATION_HEADS or not flags[stop] & ORGANISATION_HEAD:
        return None
    # A one-character head (局) must follow a word of two characters or more (科工局, not 该局).
    if len(head.text) == 1 and len(tokens[stop - 1].text) < 2:
        return None
    if _chars(tokens, index, stop + 1) > MAX_NAME_CHARS:
        return None
    return Unit(index, stop + 1, ORGANISATION)


def _chars(tokens: tuple[Token, ...], start: int, stop: int) -> int:
    return tokens[stop - 1].end - tokens[start].start
