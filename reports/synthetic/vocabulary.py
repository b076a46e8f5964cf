"""The words of synthetic articles: claim sentences, quantities, context sentences, titles, leads, datelines.

Each entry is written in English, Ukrainian and Russian, the three languages of the archive's reporting.
"""

# Claim sentences: (statement in English, then the quoted sentence in en, uk, ru). ----
# Slots: {who} the claimant, {place} a region with its preposition, {when} a date phrase, {qty} a number.
LANGUAGE_INDEX = {"en": 1, "uk": 2, "ru": 3}
CLAIM_TEMPLATES = {
    "territorial_control": [
        ("Russian forces advanced {place}", "{who} assessed that Russian forces advanced {place}{when}{qty}.",
         "За оцінкою {who}, російські війська просунулися {place}{when}{qty}.",
         "По оценке {who}, российские войска продвинулись {place}{when}{qty}."),
        ("Ukrainian forces regained positions {place}",
         "According to {who}, Ukrainian forces regained positions {place}{when}{qty}.",
         "За даними {who}, українські сили відновили позиції {place}{when}{qty}.",
         "По данным {who}, украинские силы восстановили позиции {place}{when}{qty}."),
    ],
    "ground_combat": [
        ("Russian forces assaulted Ukrainian positions {place}",
         "{who} said Russian forces assaulted positions {place}{when}{qty}.",
         "{who} повідомляє, що російські війська штурмували позиції {place}{when}{qty}.",
         "{who} сообщает, что российские войска штурмовали позиции {place}{when}{qty}."),
        ("Ukrainian forces repelled attacks {place}", "Ukrainian defenders repelled attacks {place}{when}{qty}, {who} said.",
         "Українські захисники відбили атаки {place}{when}{qty}, повідомляє {who}.",
         "Украинские защитники отбили атаки {place}{when}{qty}, сообщает {who}."),
    ],
    "strikes": [
        ("Russia struck targets {place} with drones and missiles", "{who} reported drone and missile strikes {place}{when}{qty}.",
         "{who} повідомляє про удари дронів і ракет {place}{when}{qty}.",
         "{who} сообщает об ударах беспилотников и ракет {place}{when}{qty}."),
        ("Air defence intercepted attack drones {place}",
         "Air defence intercepted attack drones {place}{when}{qty}, according to {who}.",
         "Сили ППО збили ударні дрони {place}{when}{qty}, за даними {who}.",
         "Силы ПВО сбили ударные беспилотники {place}{when}{qty}, по данным {who}."),
    ],
    "casualties": [
        ("Civilians were killed or wounded {place}", "{who} said civilians were killed or wounded {place}{when}{qty}.",
         "{who} повідомляє про загиблих і поранених цивільних {place}{when}{qty}.",
         "{who} сообщает о погибших и раненых мирных жителях {place}{when}{qty}."),
        ("Russian forces suffered heavy losses {place}",
         "Russian forces suffered heavy losses {place}{when}{qty}, {who} claimed.",
         "Російські війська зазнали значних втрат {place}{when}{qty}, стверджує {who}.",
         "Российские войска понесли значительные потери {place}{when}{qty}, утверждает {who}."),
    ],
    "diplomacy": [
        ("Russia stalls ceasefire talks to gain ground {place}",
         "{who} assessed that Russia stalls ceasefire talks to gain ground {place}{when}{qty}.",
         "За оцінкою {who}, Росія затягує переговори про припинення вогню, щоб захопити більше територій {place}{when}{qty}.",
         "По оценке {who}, Россия затягивает переговоры о прекращении огня, чтобы захватить больше территорий "
         "{place}{when}{qty}."),
        ("Talks on security guarantees addressed the situation {place}",
         "{who} said talks on security guarantees addressed the situation {place}{when}{qty}.",
         "{who} заявляє, що переговори про гарантії безпеки стосувалися ситуації {place}{when}{qty}.",
         "{who} заявляет, что переговоры о гарантиях безопасности касались ситуации {place}{when}{qty}."),
    ],
    "mobilisation": [
        ("Occupation authorities forcibly mobilised residents {place}",
         "{who} reported forced mobilisation of residents {place}{when}{qty}.",
         "{who} повідомляє про примусову мобілізацію мешканців {place}{when}{qty}.",
         "{who} сообщает о принудительной мобилизации жителей {place}{when}{qty}."),
        ("Russia redeployed reserves {place}", "According to {who}, Russia redeployed reserves {place}{when}{qty}.",
         "За даними {who}, Росія перекинула резерви {place}{when}{qty}.",
         "По данным {who}, Россия перебросила резервы {place}{when}{qty}."),
    ],
    "occupation": [
        ("Occupying forces deported civilians {place}", "{who} documented the deportation of civilians {place}{when}{qty}.",
         "За даними {who}, окупанти депортували цивільних {place}{when}{qty}.",
         "По данным {who}, оккупанты депортировали мирных жителей {place}{when}{qty}."),
        ("Occupation authorities seized homes {place}", "{who} said occupation authorities seized homes {place}{when}{qty}.",
         "{who} заявляє, що окупаційна влада відбирає житло {place}{when}{qty}.",
         "{who} заявляет, что оккупационные власти отбирают жильё {place}{when}{qty}."),
    ],
    "infrastructure": [
        ("Energy infrastructure was damaged {place}", "{who} reported damage to energy infrastructure {place}{when}{qty}.",
         "{who} повідомляє про пошкодження енергетичної інфраструктури {place}{when}{qty}.",
         "{who} сообщает о повреждении энергетической инфраструктуры {place}{when}{qty}."),
        ("Power and water supply were restored {place}", "Power and water supply were restored {place}{when}{qty}, {who} said.",
         "Електро- та водопостачання відновлено {place}{when}{qty}, повідомляє {who}.",
         "Электро- и водоснабжение восстановлено {place}{when}{qty}, сообщает {who}."),
    ],
    "other": [
        ("The situation {place} remains tense", "{who} described the situation {place} as tense{when}{qty}.",
         "{who} характеризує ситуацію {place} як напружену{when}{qty}.",
         "{who} характеризует ситуацию {place} как напряжённую{when}{qty}."),
    ],
}  # fmt: skip
QUANTITY_PHRASES = {
    "km²": ("about {n} km²", "близько {n} км²", "около {n} км²"),
    "%": ("about {n} % of the area", "близько {n} % території", "около {n} % территории"),
    "people": ("{n} people", "осіб: {n}", "человек: {n}"),
    "assaults": ("{n} assaults", "штурмів: {n}", "штурмов: {n}"),
    "drones": ("{n} drones", "дронів: {n}", "беспилотников: {n}"),
}
UNITS_BY_TOPIC = {
    "territorial_control": ("km²", "km²", "%"), "ground_combat": ("assaults",), "strikes": ("drones",),
    "casualties": ("people",), "diplomacy": ("%",), "mobilisation": ("people",), "occupation": ("people",),
    "infrastructure": ("drones", "people"), "other": ("people",),
}  # fmt: skip
FILLERS = {
    "en": ["Fighting {place} has continued for several weeks.", "The claims could not be independently verified.",
           "Local officials urged residents {place} to take air raid alerts seriously.", "{who} did not give further details.",
           "Analysts caution that the situation {place} can change within hours.",
           "About {num} residents remain {place}, according to local authorities.",
           "Satellite images dated {date} show fresh damage {place}.",
           "Volunteers keep delivering water, food and medicine {place}.",
           "Both sides use drones extensively {place}, which makes any movement dangerous.",
           "The evacuation of families with children {place} continues.",
           "Earlier reports by {who} described a similar picture {place}.",
           "The next update is expected once new imagery is available.",
           "Residents {place} report power outages after overnight shelling.",
           "Military observers expect heavier fighting {place} in the coming days.",
           "Photos shared on {date} show destroyed vehicles {place}.",
           "Humanitarian convoys are still operating {place} despite shelling.", "Schools {place} have moved to remote learning.",
           "{who} published a map of the situation {place}."],
    "uk": ["Бої {place} тривають уже кілька тижнів.", "Ці дані неможливо незалежно перевірити.",
           "Місцева влада закликає мешканців {place} не нехтувати повітряними тривогами.", "{who} не наводить подробиць.",
           "Аналітики застерігають, що ситуація {place} може змінитися за лічені години.",
           "За даними місцевої влади, {place} залишається близько {num} мешканців.",
           "Супутникові знімки від {date} фіксують нові руйнування {place}.",
           "Волонтери й далі доставляють воду, їжу та ліки {place}.",
           "Обидві сторони активно застосовують дрони {place}, тож будь-яке пересування небезпечне.",
           "Евакуація родин з дітьми {place} триває.",
           "У попередніх зведеннях {who} описано подібну картину {place}.",
           "Наступне оновлення очікується після появи нових знімків.",
           "Мешканці {place} повідомляють про знеструмлення після нічних обстрілів.",
           "Військові спостерігачі очікують посилення боїв {place} найближчими днями.",
           "На фото від {date} видно знищену техніку {place}.", "Гуманітарні конвої й далі працюють {place}, попри обстріли.",
           "Школи {place} перейшли на дистанційне навчання.", "{who} оприлюднює мапу ситуації {place}."],
    "ru": ["Бои {place} продолжаются уже несколько недель.", "Эти данные невозможно независимо проверить.",
           "Местные власти призывают жителей {place} не игнорировать воздушные тревоги.", "{who} не приводит подробностей.",
           "Аналитики предупреждают, что ситуация {place} может измениться за считанные часы.",
           "По данным местных властей, {place} остаётся около {num} жителей.",
           "Спутниковые снимки от {date} фиксируют новые разрушения {place}.",
           "Волонтёры продолжают доставлять воду, еду и лекарства {place}.",
           "Обе стороны активно применяют беспилотники {place}, поэтому любое передвижение опасно.",
           "Эвакуация семей с детьми {place} продолжается.",
           "В предыдущих сводках {who} описана похожая картина {place}.",
           "Следующее обновление ожидается после появления новых снимков.",
           "Жители {place} сообщают об отключениях света после ночных обстрелов.",
           "Военные наблюдатели ожидают усиления боёв {place} в ближайшие дни.",
           "На фото от {date} видна уничтоженная техника {place}.",
           "Гуманитарные конвои продолжают работать {place}, несмотря на обстрелы.",
           "Школы {place} перешли на дистанционное обучение.", "{who} публикует карту ситуации {place}."],
}  # fmt: skip
TITLES = {
    "en": ["{who}: fighting continues {place}", "Situation {place} as of {date}", "{who} reports new attacks {place}",
           "Strikes {place}: what is known", "Front-line update: the situation {place}",
           "What {who} says about the situation {place}"],
    "uk": ["{who}: бої {place} тривають", "Ситуація {place} станом на {date}", "{who} повідомляє про нові атаки {place}",
           "Удари {place}: що відомо", "Зведення з фронту: ситуація {place}", "Що {who} каже про ситуацію {place}"],
    "ru": ["{who}: бои {place} продолжаются", "Ситуация {place} на {date}", "{who} сообщает о новых атаках {place}",
           "Удары {place}: что известно", "Сводка с фронта: ситуация {place}", "Что {who} говорит о ситуации {place}"],
}  # fmt: skip
LEADS = {
    "en": "{who} assesses the situation {place} as of {date}.",
    "uk": "{who} оцінює ситуацію {place} станом на {date}.",
    "ru": "{who} оценивает ситуацию {place} на {date}.",
}
DATELINES = {
    "en": ["Kyiv", "Kyiv", "Kharkiv", "Dnipro", "Zaporizhzhia", "Odesa", "London", "Washington", "Brussels"],
    "uk": ["Київ", "Київ", "Харків", "Дніпро", "Запоріжжя", "Одеса", "Краматорськ", "Суми"],
    "ru": ["Киев", "Рига", "Вильнюс", "Таллин", "Харьков"],
}
