from decimal import Decimal

from reports.importers.quantities import find_quantity


def quantity(text, language="en"):
    found = find_quantity(text, language)
    return (found.value, found.unit) if found else None


def test_square_kilometres_are_a_measure():
    assert quantity("about 266 square kilometers") == (Decimal(266), "km²")


def test_a_measure_wins_over_a_share_in_the_same_sentence():
    assert quantity("the last one percent of Luhansk region (about 266 square kilometers)") == (Decimal(266), "km²")


def test_a_percentage_in_words():
    assert quantity("the one percent of the region") == (Decimal(1), "%")


def test_tenfold_is_ten_times():
    assert quantity("a tenfold advantage in manpower") == (Decimal(10), "times")


def test_counted_things_may_have_words_between_number_and_noun():
    assert quantity("repelled 17 Russian assaults") == (Decimal(17), "assaults")


def test_thousands_separators_and_scales():
    assert quantity("lost 1,200 soldiers") == (Decimal(1200), "soldiers")
    assert quantity("понад 1,5 тис. дронів", "uk") == (Decimal(1500), "drones")


def test_a_year_is_not_a_count():
    assert quantity("in 2023 Russian troops captured the town") is None


def test_ukrainian_counts():
    assert quantity("ворог 47 разів атакував", "uk") == (Decimal(47), "times")
