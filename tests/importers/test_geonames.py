from reports.importers.geonames import Match, Place, Settlement, Unit, centre_of, match_settlements, name_key


def place(geonames_id, *names, unit="UA-09", latitude=48.9, longitude=38.4):
    return Place(geonames_id=geonames_id, names=names, unit=unit, latitude=latitude, longitude=longitude)


def settlement(code, name_uk, unit="UA-09"):
    return Settlement(code=code, name_uk=name_uk, unit=unit)


def matched(places, settlements):
    return {match.settlement.code: match.place.geonames_id for match in match_settlements(places, settlements)}


def test_a_place_named_like_one_settlement_of_its_oblast_gives_it_a_point():
    assert matched([place(1, "Kreminna", "Кремінна")], [settlement("UA1", "Кремінна")]) == {"UA1": 1}


def test_the_latin_name_alone_matches_through_the_national_transliteration():
    assert matched([place(1, "Kruhliakivka", unit="UA-63")], [settlement("UA1", "Кругляківка", unit="UA-63")]) == {"UA1": 1}


def test_apostrophes_and_case_do_not_stop_a_match():
    assert matched([place(1, "Мар’їнка", unit="UA-14")], [settlement("UA1", "Мар'їнка", unit="UA-14")]) == {"UA1": 1}
    assert name_key("Мар’їнка") == name_key("МАРʼЇНКА")


def test_a_settlement_of_the_same_name_in_another_oblast_is_not_matched():
    assert matched([place(1, "Кремінна", unit="UA-14")], [settlement("UA1", "Кремінна", unit="UA-09")]) == {}


def test_a_name_that_two_settlements_of_one_oblast_share_gives_neither_a_point():
    settlements = [settlement("UA1", "Новоолександрівка"), settlement("UA2", "Новоолександрівка")]

    assert matched([place(1, "Новоолександрівка")], settlements) == {}


def test_a_settlement_that_two_places_name_gets_no_point():
    places = [place(1, "Миролюбівка"), place(2, "Myroliubivka")]

    assert matched(places, [settlement("UA1", "Миролюбівка")]) == {}


def test_the_same_name_in_two_oblasts_matches_each_in_its_own():
    places = [place(1, "Степове", unit="UA-09"), place(2, "Степове", unit="UA-14")]
    settlements = [settlement("UA1", "Степове", unit="UA-09"), settlement("UA2", "Степове", unit="UA-14")]

    assert matched(places, settlements) == {"UA1": 1, "UA2": 2}


def located(*settlements):
    return {item.code: Match(item, place(index, item.name_uk)) for index, item in enumerate(settlements)}


def test_a_hromada_is_placed_at_the_settlement_it_is_named_after():
    centre, village = settlement("UA1", "Кремінна"), settlement("UA2", "Діброва")
    hromada = Unit("UAH", "Кремінська", (centre, village))

    assert centre_of(hromada, located(centre, village)).settlement == centre


def test_a_raion_is_placed_at_its_city():
    city = settlement("UA1", "Краматорськ")

    assert centre_of(Unit("UAP", "Краматорський", (city,)), located(city)).settlement == city


def test_a_unit_whose_centre_has_no_point_gets_none():
    centre, village = settlement("UA1", "Лиман"), settlement("UA2", "Діброва")

    assert centre_of(Unit("UAH", "Лиманська", (centre, village)), located(village)) is None


def test_a_settlement_that_merely_starts_like_the_unit_is_not_its_centre():
    lookalike = settlement("UA1", "Новоолександрівка")

    assert centre_of(Unit("UAH", "Новоайдарська", (lookalike,)), located(lookalike)) is None
