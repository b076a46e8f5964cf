"""A first guess at what a claim is about, from the words it uses; the editor confirms or changes it."""

import re
from bisect import bisect_left
from functools import lru_cache
from operator import itemgetter

from reports.importers.text import Tokens, lowered_runs

# Word beginnings for each topic; a word ending in "$" must match whole. Listed in the order that settles a tie:
# who controls which ground is what most war reporting is about.
TOPIC_WORDS = {
    "territorial_control": """captur advanc seiz liberat recaptur regain control bridgehead pushed withdr retreat kilomet
        km² occupiers захопи захопл звільни просуну відтісни контрол окупува плацдарм захват захвати продвину освобод
        отбросил оккупирова""",
    "strikes": """missile drone shell strike airstrike bomb shahed artillery ракет дрон обстріл удар бомб бпла шахед
        безпілотник беспилотник обстрел авиаудар""",
    "casualties": """killed wounded injured dead casualt losses perished died загину загибл поранен втрат убит ранен
        погиб потер""",
    "ground_combat": """assault attack clash combat battle engagement repel fighting offensive counteroffensive штурм атак
        боїв боєзіткн бойов відбили наступ боев боестолкн отбили""",
    "diplomacy": """ceasefire cease peace negotiat talks$ diplomat sanction recogni summit agreement treaty перемир
        переговор мирн дипломат санкц визнанн перемири признани""",
    "mobilisation": "mobiliz mobilis conscript recruit draft manpower мобіліз призов рекрут мобилиз призыв",
    "occupation": """occupied civilian deport filtration collaborat passporti окупован цивільн депорт фільтрац колаборант
        оккупированн жител фильтрац""",
    "infrastructure": """power energy grid electric substation bridge dam$ railway port$ gas$ heating енерг електр
        інфраструкт підстанц міст$ энерг электр инфраструкт подстанц""",
}
_WORD = re.compile(r"[^\W_]+")
_EXACT: dict[str, str] = {}
_PREFIXES: dict[str, str] = {}
for _topic, _words in TOPIC_WORDS.items():
    for _word in _words.split():
        if _word.endswith("$"):
            _EXACT.setdefault(_word[:-1], _topic)
        else:
            _PREFIXES.setdefault(_word, _topic)
_LENGTHS = sorted({len(prefix) for prefix in _PREFIXES}, reverse=True)
_ORDER = {topic: rank for rank, topic in enumerate(TOPIC_WORDS)}
_offset = itemgetter(0)


def suggest_topic(text: str) -> str:
    """The topic whose words the text uses most; "other" when none."""
    return topic_between(topic_words(text), 0, len(text))


def topic_words(text: str, tokens: Tokens | None = None) -> list[tuple[int, str]]:
    """(offset, topic) of each word of the text that speaks of a topic; read once per article, from its tokens
    when they are given and have the same words."""
    shared = lowered_runs(text, tokens)
    words, starts = shared if shared else ([word.lower() for word in _WORD.findall(text)], None)
    found = [(index, topic) for index, topic in enumerate(map(_topic_of, words)) if topic]
    if found and starts is None:
        starts = [match.start() for match in _WORD.finditer(text)]
    return [(starts[index], topic) for index, topic in found]


# A word's topic is worked out once: news copy uses the same few thousand words over and over.
@lru_cache(maxsize=100_000)
def _topic_of(word: str) -> str | None:
    """The topic a word (in lower case) speaks of: the one it is listed for whole, or by its longest listed start."""
    topic = _EXACT.get(word)
    if topic is None:
        for length in _LENGTHS:
            if length <= len(word):
                topic = _PREFIXES.get(word[:length])
                if topic:
                    break
    return topic


def topic_between(marks: list[tuple[int, str]], start: int, end: int) -> str:
    """The topic of the text between two offsets, from the marks topic_words() found (in text order)."""
    scores: dict[str, int] = {}
    for _mark_offset, topic in marks[bisect_left(marks, start, key=_offset) : bisect_left(marks, end, key=_offset)]:
        scores[topic] = scores.get(topic, 0) + 1
    if not scores:
        return "other"
    return min(scores, key=lambda topic: (-scores[topic], _ORDER[topic]))
