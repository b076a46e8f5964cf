"""The sources of a synthetic archive: its publishers and claimants ("voices"), real and synthetic.

Synthetic sources are named from parts combined in a fixed order, so every run names them alike; they are
created once and reused by later runs.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify

from reports.models import Source

SYNTHETIC_PUBLISHERS = 60
SOURCES_AT_FULL_SCALE, FULL_SCALE_ARTICLES = 1000, 250_000

# Name parts of the synthetic publishers (prefixes, nouns, countries) and claimants.
PUBLISHER_NAMES = {
    "en": (["Atlantic", "Northern", "Capital", "Continental", "Meridian", "Harbour", "Summit", "Coastal", "Liberty", "Union"],
           ["Herald", "Ledger", "Dispatch", "Chronicle", "Courier", "Wire", "Observer", "Gazette"],
           ["US", "GB", "CA", "DE", "PL"]),
    "uk": (["Dnipro", "Podillia", "Polissia", "Slobozhanshchyna", "Tavria", "Volyn", "Siver", "Prychornomoria"],
           ["Novyny", "Holos", "Visnyk", "Kurier", "Ekspres", "Dzerkalo"], ["UA"]),
    "ru": (["Baltic", "Riga", "Narva", "Daugava", "Neman"], ["Vedomosti", "Vestnik", "Obozrevatel", "Reporter"],
           ["LV", "LT", "EE"]),
}  # fmt: skip
PUBLISHER_SHARE = {"en": 28, "uk": 20, "ru": 12}
PUBLISHER_KINDS = ("newspaper", "news_agency", "broadcaster")
CLAIMANT_REGIONS = ["Eastern", "Southern", "Black Sea", "Azov", "Dnipro", "Donbas", "Baltic", "Transatlantic", "Carpathian",
                    "Steppe", "Northern", "Central European", "Nordic", "Danube", "Polissia", "Pontic", "Tavrian", "Siverian",
                    "Western", "Caucasus"]  # fmt: skip
CLAIMANT_FIELDS = ["Security", "Defence", "Conflict", "Strategy", "Policy", "Human Rights", "Frontline", "Open Source",
                   "Geospatial", "Civil Protection"]  # fmt: skip
CLAIMANT_BODIES = [("Institute", "think_tank", "US GB UA PL EE DE"), ("Monitor", "osint", "UA GB NL FI"),
                   ("Centre", "think_tank", "GB UA LT CZ"), ("Watch", "ngo", "UA CH US"), ("Command", "military", "UA RU"),
                   ("Office", "government", "UA RU US PL"), ("Mission", "international", "CH AT BE"),
                   ("Group", "osint", "UA EE US"), ("Council", "government", "UA GB FR"),
                   ("Foundation", "ngo", "UA DE SE")]  # fmt: skip
RELIABILITY_CYCLE = "BCCDFCBDEFACCF"


@dataclass(frozen=True)
class Voice:
    """A source as generated text names it."""

    id: int
    slug: str
    label: str
    languages: tuple


@dataclass(frozen=True)
class SourceSpec:
    name: str
    short_name: str
    kind: str
    country: str
    reliability: str
    languages: tuple  # the languages it publishes in; empty for a claimant

    @property
    def slug(self) -> str:
        return "synthetic-" + slugify(self.name)


def _spread(index: int, combinations: int) -> int:
    """The index-th of `combinations` name combinations, each visited once and neighbours far apart."""
    # 7919 is prime and divides none of the counts used here, so the walk is a permutation.
    return index * 7919 % combinations


def publisher_specs() -> list[SourceSpec]:
    specs = []
    for language, count in PUBLISHER_SHARE.items():
        prefixes, nouns, countries = PUBLISHER_NAMES[language]
        for i in range(count):
            prefix, noun = divmod(_spread(i, len(prefixes) * len(nouns)), len(nouns))
            name = f"{prefixes[prefix]} {nouns[noun]}"
            kind, country = PUBLISHER_KINDS[i % 3], countries[i % len(countries)]
            specs.append(SourceSpec(name, "", kind, country, RELIABILITY_CYCLE[i % 14], (language,)))
    return specs


def claimant_specs(count: int) -> list[SourceSpec]:
    specs, combinations = [], len(CLAIMANT_REGIONS) * len(CLAIMANT_FIELDS) * len(CLAIMANT_BODIES)
    for i in range(count):
        region, rest = divmod(_spread(i, combinations), len(CLAIMANT_FIELDS) * len(CLAIMANT_BODIES))
        field, body = divmod(rest, len(CLAIMANT_BODIES))
        noun, kind, countries = CLAIMANT_BODIES[body]
        name = f"{CLAIMANT_REGIONS[region]} {CLAIMANT_FIELDS[field]} {noun}"
        # Only some organisations go by initials; texts name the others in full.
        short = "".join(word[0] for word in name.split()) if i % 2 == 0 else ""
        countries = countries.split()
        specs.append(SourceSpec(name, short, kind, countries[i % len(countries)], RELIABILITY_CYCLE[i % 14], ()))
    return specs


def _languages_of(country: str) -> tuple:
    return {"UA": ("uk", "en"), "RU": ("ru",), "BY": ("ru",)}.get(country, ("en",))


def voices_prepare(*, articles: int) -> tuple[list[Voice], list[Voice], int]:
    """Publishers and claimants, most prominent first; the synthetic ones are created when missing."""
    real = list(Source.objects.filter(is_synthetic=False).order_by("slug"))
    # The long tail of rarely quoted claimants grows with the archive, up to ~1,000 sources in all.
    wanted = 200 + (SOURCES_AT_FULL_SCALE - 200) * min(1, articles / FULL_SCALE_ARTICLES)
    specs = publisher_specs() + claimant_specs(max(140, round(wanted) - SYNTHETIC_PUBLISHERS - len(real)))
    real_names = {source.name for source in real}
    with transaction.atomic():
        existing = {s.slug: s for s in Source.objects.filter(is_synthetic=True, slug__in=[spec.slug for spec in specs])}
        missing = [
            Source(
                name=spec.name + (" (synthetic)" if spec.name in real_names else ""),
                short_name=spec.short_name,
                slug=spec.slug,
                kind=spec.kind,
                country=spec.country,
                website=f"https://synthetic.invalid/sources/{spec.slug}/",
                description="Synthetic source generated for scale tests; not a real organisation.",
                reliability=spec.reliability,
                is_synthetic=True,
            )
            for spec in specs
            if spec.slug not in existing
        ]
        # bulk_create writes no history rows, as befits data nobody edited.
        existing.update({source.slug: source for source in Source.objects.bulk_create(missing)})

    def voice(source, languages):
        return Voice(source.pk, source.slug, source.short_name or source.name, languages)

    publishers = [voice(source, _languages_of(source.country)) for source in real]
    publishers += [voice(existing[spec.slug], spec.languages) for spec in specs if spec.languages]
    claimants = [voice(source, ()) for source in real] + [voice(existing[spec.slug], ()) for spec in specs if not spec.languages]
    return publishers, claimants, len(missing)
