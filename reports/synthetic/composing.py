"""Composing synthetic articles: who publishes, where and when, which claims, and the text around them."""

import datetime
import hashlib
import math
import random
from decimal import Decimal

from reports.models.regions import FIRST_LEVEL_PATH, SEGMENT_WIDTH
from reports.synthetic.dates import FIRST_DAY, LAST_DAY, date_text, occurred_period
from reports.synthetic.phrasing import Place, number_text
from reports.synthetic.sources import Voice
from reports.synthetic.vocabulary import (
    CLAIM_TEMPLATES,
    DATELINES,
    FILLERS,
    LANGUAGE_INDEX,
    LEADS,
    QUANTITY_PHRASES,
    TITLES,
    UNITS_BY_TOPIC,
)
from reports.synthetic.weights import (
    CLAIM_COUNT_DISTRIBUTION,
    LANGUAGE_DISTRIBUTION,
    LANGUAGES,
    STATUS_DISTRIBUTION,
    TOPIC_DISTRIBUTION,
    Weighted,
    zipf,
)

# The five front-line oblasts carry most of the reporting; Sumy and Russia's border oblasts some of it.
FIRST_LEVEL_WEIGHTS = {
    "UA-14": 26, "UA-23": 14, "UA-63": 14, "UA-09": 10, "UA-65": 10,
    "UA-59": 4, "UA-12": 3, "UA-30": 3, "UA-51": 3, "UA-48": 2, "UA-74": 2, "UA-43": 2, "RU-KRS": 3, "RU-BEL": 3,
}  # fmt: skip
KIND_WEIGHTS = {"settlement": 5, "area": 4, "raion": 2, "hromada": 1.5}
_FIRST_DAY_ORDINAL, _DAYS = FIRST_DAY.toordinal(), (LAST_DAY - FIRST_DAY).days + 1


def _quantity(rng: random.Random, unit: str):
    if unit == "km²":
        value = max(0.5, round(rng.lognormvariate(2.3, 1.1), 1))
    elif unit == "%":
        value = rng.choice([0.5, 1, 1.5, 2, 3, 5, 7, 10, 15, 20, 25, 30])
    elif unit == "people":
        value = int(rng.lognormvariate(3.0, 1.4)) + 1
    else:
        value = rng.randint(2, 160)
    value = int(value) if float(value).is_integer() else value
    return Decimal(str(value)), value


class Composer:
    """Writes synthetic articles, all drawn from one random generator: the same seed, the same articles."""

    def __init__(self, rng: random.Random, places: list[Place], publishers: list[Voice], claimants: list[Voice]):
        self.rng, self.places = rng, {place.id: place for place in places}
        heads = [place for place in places if (len(place.ancestor_ids) + 1) * SEGMENT_WIDTH == FIRST_LEVEL_PATH]
        # Without first-level units (an unusual gazetteer) every region stands for itself.
        head_ids = {place.id for place in heads}
        members = {place.id: [] for place in heads}
        self.head_of = {place.id: place for place in heads or places}
        for place in places:
            head_id = next((ancestor for ancestor in place.ancestor_ids if ancestor in head_ids), None)
            if head_id is not None:
                members[head_id].append(place)
                self.head_of[place.id] = self.places[head_id]
        default = {True: 1.0, False: 0.5}
        self.first_level = Weighted(
            heads or places, [FIRST_LEVEL_WEIGHTS.get(p.code, default[p.code.startswith("UA")]) for p in heads or places]
        )
        self.inside = {head: (self._weighted(inside, notable=True), self._weighted(inside)) for head, inside in members.items()}
        self.publishers = {lang: zipf([v for v in publishers if lang in v.languages], 0.9) for lang in LANGUAGES}
        self.claimants = zipf(claimants, 1.1)

    @staticmethod
    def _weighted(places: list[Place], notable: bool = False) -> Weighted | None:
        # Regions the gazetteer names (with aliases), and named areas, are the ones reports mention most.
        chosen = [place for place in places if not notable or place.aliases or place.kind == "area"]
        return Weighted(chosen, [KIND_WEIGHTS.get(place.kind, 1) for place in chosen]) if chosen else None

    def _inside(self, head: Place) -> Place:
        notable, every = self.inside.get(head.id, (None, None))
        roll = self.rng.random()
        if every is None or roll < 0.3:
            return head
        return notable.draw(self.rng) if notable and roll < 0.72 else every.draw(self.rng)

    def article(self, number: int):
        """One article: (COPY row after the id, created_at, region ids, cited source ids, claims)."""
        rng = self.rng
        language = LANGUAGE_DISTRIBUTION.draw(rng)
        publisher = self.publishers[language].draw(rng)
        # Reporting grows over time: the density of days rises linearly, threefold from first day to last.
        day = min(int((math.sqrt(1 + 8 * rng.random()) - 1) / 2 * _DAYS), _DAYS - 1)
        published = datetime.date.fromordinal(_FIRST_DAY_ORDINAL + day)
        head = self.first_level.draw(rng)
        places = [self._inside(head)]
        for _ in range(rng.choices((0, 1, 2), (55, 30, 15))[0]):
            place = self._inside(head if rng.random() < 0.6 else self.first_level.draw(rng))
            if place not in places:
                places.append(place)
        voices = []
        for _ in range(rng.choices((1, 2, 3), (45, 35, 20))[0]):
            voice = self.claimants.draw(rng)
            if voice not in voices:
                voices.append(voice)
        drafts = [self._claim(language, published, places, voices, publisher) for _ in range(CLAIM_COUNT_DISTRIBUTION.draw(rng))]
        body, offsets = self._body(language, published, [draft[0] for draft in drafts], places, voices + [publisher])
        claims = [
            ((statement, body[start:end], start, end, *rest), region_ids)
            for (_, statement, rest, region_ids), (start, end) in zip(drafts, offsets, strict=True)
        ]
        cited = list(dict.fromkeys(row[4] for row, _ in claims if row[4] is not None and row[4] != publisher.id))
        words = {"who": voices[0].label, "place": places[0].at(language), "date": date_text(published, language)}
        title, lead = rng.choice(TITLES[language]).format(**words), LEADS[language].format(**words)
        published_time = datetime.time(rng.randint(6, 22), rng.randint(0, 59)) if rng.random() < 0.8 else None
        created_at = datetime.datetime.combine(published, published_time or datetime.time(12), datetime.UTC)
        created_at += datetime.timedelta(minutes=rng.randint(3, 720))
        row = (
            title, f"synthetic-{number:06d}",
            f"https://synthetic.invalid/{publisher.slug.removeprefix('synthetic-')}/{published:%Y/%m/%d}/{number}",
            published, published_time, rng.choice(DATELINES[language]), language, lead if rng.random() < 0.6 else "",
            body, "draft" if rng.random() < 0.05 else "published", hashlib.sha256(body.encode()).hexdigest(), True,
            created_at, created_at, publisher.id,
        )  # fmt: skip
        return row, created_at, [place.id for place in places], cited, claims

    def _claim(self, language, published, places, voices, publisher):
        rng, index = self.rng, LANGUAGE_INDEX[language]
        topic = TOPIC_DISTRIBUTION.draw(rng)
        template = rng.choice(CLAIM_TEMPLATES[topic])
        place = rng.choice(places) if rng.random() < 0.65 else self._inside(self.head_of[places[0].id])
        regions = [place]
        if rng.random() < 0.3:
            wider = self.head_of[place.id]
            if topic == "diplomacy" and place.ancestor_ids:
                wider = self.places.get(place.ancestor_ids[0], wider)  # the country
            regions += [wider] if wider is not place else []
        # About one claim in twelve is the publisher's own statement: the publisher is its claimant.
        claimant = publisher if rng.random() < 0.08 else voices[0] if rng.random() < 0.5 else rng.choice(voices)
        asserted = published if rng.random() < 0.85 else max(published - datetime.timedelta(days=rng.randint(1, 3)), FIRST_DAY)
        start = end = None
        precision = when = ""
        if rng.random() < 0.7:
            start, end, precision, when = occurred_period(rng, asserted, language)
            when = " " + when
        value, unit, qty, qty_en = None, "", "", ""
        if rng.random() < 0.2:
            unit = rng.choice(UNITS_BY_TOPIC[topic])
            value, shown = _quantity(rng, unit)
            qty = f" ({QUANTITY_PHRASES[unit][index - 1].format(n=number_text(shown, language))})"
            qty_en = f" ({QUANTITY_PHRASES[unit][0].format(n=number_text(shown, 'en'))})"
        sentence = template[index].format(who=claimant.label, place=place.at(language), when=when, qty=qty)
        statement = template[0].format(place=place.at("en")) + qty_en
        rest = (claimant.id, asserted, start, end, precision, topic, value, unit, STATUS_DISTRIBUTION.draw(rng))
        return sentence, statement, rest, [region.id for region in regions]

    def _body(self, language, published, sentences, places, voices):
        """Paragraphs of claim sentences among context sentences; returns the text and each claim's offsets."""
        rng = self.rng
        items = [(sentence, index) for index, sentence in enumerate(sentences)]
        length, target = sum(len(sentence) + 1 for sentence in sentences), rng.randint(1000, 3000)
        fillers = []
        while length < target:
            # Each context sentence once before any comes back, as a writer would avoid repeating themselves.
            fillers = fillers or rng.sample(FILLERS[language], len(FILLERS[language]))
            filler = fillers.pop().format(
                place=rng.choice(places).at(language), who=rng.choice(voices).label,
                num=number_text(rng.randint(200, 20000), language), date=date_text(published, language),
            )  # fmt: skip
            items.append((filler, -1))
            length += len(filler) + 1
        rest = items[1:]
        rng.shuffle(rest)
        items = items[:1] + rest  # reports open with their main claim
        paragraphs, offsets, position = [], [None] * len(sentences), -2
        while items:
            size = rng.randint(2, 5)
            paragraph_items, items = items[:size], items[size:]
            position += 2
            for number, (sentence, index) in enumerate(paragraph_items):
                position += 1 if number else 0
                if index >= 0:
                    offsets[index] = (position, position + len(sentence))
                position += len(sentence)
            paragraphs.append(" ".join(sentence for sentence, _ in paragraph_items))
        return "\n\n".join(paragraphs), offsets
