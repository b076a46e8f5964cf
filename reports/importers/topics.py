"""A first guess at what a claim is about, from the words it uses; the editor confirms or changes it."""

import re

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
# Most words speak of no topic, and a word can begin with one of the prefixes only if its first letters begin one.
_SHORTEST = _LENGTHS[-1]
_HEADS = frozenset(prefix[:_SHORTEST] for prefix in _PREFIXES)
_ORDER = {topic: rank for rank, topic in enumerate(TOPIC_WORDS)}


def suggest_topic(text: str) -> str:
    """The topic whose words the text uses most; "other" when none."""
    return topic_between(topic_words(text), 0, len(text))


def topic_words(text: str, tokens: Tokens | None = None) -> list[tuple[int, str]]:
    """(offset, topic) of each word of the text that speaks of a topic; read once per article, from its tokens
    when they are given and have the same words."""
    shared = lowered_runs(text, tokens)
    words, starts = shared if shared else ([word.lower() for word in _WORD.findall(text)], None)
    candidates = [index for index, word in enumerate(words) if word[:_SHORTEST] in _HEADS or word in _EXACT]
    if candidates and starts is None:
        starts = [match.start() for match in _WORD.finditer(text)]
    marks = []
    for index in candidates:
        word = words[index]
        topic = _EXACT.get(word)
        if topic is None:
            for length in _LENGTHS:
                if length <= len(word):
                    topic = _PREFIXES.get(word[:length])
                    if topic:
                        break
        if topic:
            marks.append((starts[index], topic))
    return marks


def topic_between(marks: list[tuple[int, str]], start: int, end: int) -> str:
    scores: dict[str, int] = {}
    for offset, topic in marks:
        if start <= offset < end:
            scores[topic] = scores.get(topic, 0) + 1
    if not scores:
        return "other"
    return min(scores, key=lambda topic: (-scores[topic], _ORDER[topic]))
