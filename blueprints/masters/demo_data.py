"""Demo data for one realistic district, Aurangabad (Chhatrapati Sambhajinagar),
Maharashtra. Pure data: nothing here touches the database (seed.py does that).

What it describes:

* the district, its 9 real tehsils, one block (panchayat samiti) per tehsil;
* about 1,300 gram panchayats with 1-4 villages each, named from real Marathi
  village-name stems and suffixes (English and Devanagari), with populations;
* the real municipal bodies (a corporation, councils, nagar panchayats);
* offices: the Collectorate and its branches, the Zilla Parishad and its
  departments, some line departments, every tehsil office, panchayat samiti
  and municipal office;
* Aaple Sarkar Seva Kendras (CSCs) in about two of every three GPs;
* demo users, one or more for every role.

The gram panchayats, villages and CSCs are generated from a seeded
``random.Random(2026)``, so every run yields exactly the same rows and codes.

Demo sign-in
------------
Every demo user's password is ``DEMO_PASSWORD`` ("zila-demo-2026").
The roles that must use a second factor (admin, district_manager, office_head,
establishment)
are seeded already enrolled, all with the same TOTP secret ``DEMO_TOTP_SECRET``
("ZILADEMOZILADEMOZILADEMOZILADEMO"). Add it to any authenticator app (or run
``python -c "import pyotp; print(pyotp.TOTP('ZILADEMOZILADEMOZILADEMOZILADEMO').now())"``)
to get the six-digit codes. These credentials are public: never seed them into
a production database.
"""

import random
from dataclasses import dataclass
from functools import cache

DEMO_PASSWORD = "zila-demo-2026"  # noqa: S105 (public demo credential, by design)
# "ZILADEMO" repeated: 32 characters, all in the base32 alphabet (A-Z, 2-7).
DEMO_TOTP_SECRET = "ZILADEMO" * 4
RANDOM_SEED = 2026

DISTRICT = {
    "code": "AUR",
    "name_en": "Aurangabad (Chhatrapati Sambhajinagar)",
    "name_local": "औरंगाबाद (छत्रपती संभाजीनगर)",
    "state_en": "Maharashtra",
    "state_local": "महाराष्ट्र",
}

# The 9 tehsils: (key, English, Marathi, number of GPs in its block). The GP
# counts follow the real blocks' relative sizes and add up to 1,300.
TEHSIL_SPECS = (
    ("AUR", "Aurangabad", "औरंगाबाद", 185),
    ("PTN", "Paithan", "पैठण", 185),
    ("GGP", "Gangapur", "गंगापूर", 180),
    ("VJP", "Vaijapur", "वैजापूर", 180),
    ("KND", "Kannad", "कन्नड", 175),
    ("KLD", "Khuldabad", "खुलताबाद", 65),
    ("SLD", "Sillod", "सिल्लोड", 170),
    ("SGN", "Soegaon", "सोयगाव", 65),
    ("PHL", "Phulambri", "फुलंब्री", 95),
)


def tehsil_code(key: str) -> str:
    return f"TH-{key}"


def block_code(key: str) -> str:
    return f"BL-{key}"


def municipality_code(key: str) -> str:
    return f"ULB-{key}"


# --- village names ------------------------------------------------------------
#
# Marathi village names are mostly a stem (a tree, a deity, a caste, a feature
# of the land) plus a settlement suffix: Pimpal + gaon = पिंपळगाव. Stems are
# written so that plain concatenation is right in both scripts. Each stem lists
# the suffixes it is really seen with, so that no "Jaitakhed" appears.

# key: (English, Marathi, weight) -- "gaon" is by far the most common ending.
SUFFIXES = {
    "g": ("gaon", "गाव", 6),
    "w": ("wadi", "वाडी", 3),
    "p": ("pur", "पूर", 2),
    "k": ("kheda", "खेडा", 2),
    "h": ("khed", "खेड", 1),
    "n": ("ner", "नेर", 1),
    "d": ("wada", "वाडा", 1),
    "v": ("gavhan", "गव्हाण", 1),
    "r": ("nagar", "नगर", 1),
}

# (English stem, Marathi stem, suffix keys it takes)
STEMS = (
    ("Pimpal", "पिंपळ", "gwkhnv"),  # pipal tree
    ("Deul", "देऊळ", "gw"),  # temple
    ("Shiv", "शिव", "pwr"),
    ("Nim", "निम", "gwk"),  # neem
    ("Bor", "बोर", "gwdv"),  # jujube
    ("Wad", "वड", "gn"),  # banyan
    ("Jamb", "जांब", "gwk"),
    ("Ambe", "आंबे", "gw"),  # mango
    ("Karanj", "करंज", "gwkh"),
    ("Babhul", "बाभूळ", "gwkh"),  # babul (acacia)
    ("Umbar", "उंबर", "gwkh"),  # cluster fig
    ("Chinch", "चिंच", "gwkh"),  # tamarind
    ("Jambhul", "जांभूळ", "gwk"),
    ("Son", "सोन", "gwh"),
    ("Dev", "देव", "gwph"),
    ("Ram", "राम", "pwr"),
    ("Mahal", "महाल", "gk"),
    ("Nand", "नांद", "gwk"),
    ("Shel", "शेल", "gwd"),
    ("Ad", "आड", "gw"),
    ("Loha", "लोह", "gw"),
    ("Dhaman", "धामण", "gwk"),
    ("Male", "माळे", "gw"),
    ("Pal", "पाल", "wh"),
    ("Sawar", "सावर", "gwk"),
    ("Hiwar", "हिवर", "gwkh"),
    ("Dongar", "डोंगर", "gwv"),  # hill
    ("Kham", "खाम", "gwk"),
    ("Jal", "जळ", "gk"),
    ("Gole", "गोळे", "gw"),
    ("Kasar", "कासार", "wk"),
    ("Jate", "जाते", "gw"),
    ("Limbe", "लिंबे", "gw"),
    ("Sultan", "सुलतान", "pw"),
    ("Ghode", "घोडे", "gw"),
    ("Wagh", "वाघ", "wpd"),  # tiger
    ("Anand", "आनंद", "pwr"),
    ("Ganesh", "गणेश", "pwr"),
    ("Vitthal", "विठ्ठल", "wp"),
    ("Laxmi", "लक्ष्मी", "pr"),
    ("Kumbhar", "कुंभार", "wd"),  # potters
    ("Dhangar", "धनगर", "wd"),  # shepherds
    ("Mali", "माळी", "wg"),  # gardeners
    ("Shiras", "शिरस", "gwk"),
    ("Ranjan", "रांजण", "gw"),
    ("Tis", "तीस", "g"),
    ("Dahe", "दहे", "gw"),
    ("Bhal", "भाल", "gw"),
    ("Khad", "खड", "gw"),
    ("Vir", "वीर", "gw"),
    ("Jaita", "जैता", "p"),
    ("Kolhe", "कोल्हे", "w"),
    ("Sind", "सिंद", "kh"),
    ("Chand", "चांद", "pwg"),
    ("Kalyan", "कल्याण", "pw"),
    ("Sakhar", "साखर", "kw"),
    ("Ape", "आपे", "g"),
    ("Bhawani", "भवानी", "pr"),
    ("Pangar", "पांगर", "wk"),  # Indian coral tree
    ("Khair", "खैर", "gw"),  # catechu tree
    ("Palas", "पळस", "gkw"),  # flame of the forest
    ("Bel", "बेल", "gh"),  # bael tree
    ("Kel", "केळ", "gw"),  # banana
    ("Hanumant", "हनुमंत", "gw"),
    ("Nage", "नागे", "w"),
    ("Bhokar", "भोकर", "g"),
    ("Mhais", "म्हैस", "gw"),  # buffalo
    ("Nilaj", "निलज", "g"),
    ("Kaud", "कौड", "g"),
    ("Ghane", "घाणे", "g"),
    ("Dawar", "दावर", "w"),
    ("Sale", "साळे", "g"),
    ("Kach", "कच", "n"),
    ("Saja", "साजा", "p"),
    ("Tajna", "ताजना", "p"),
    ("Nevar", "नेवर", "g"),
    ("Kay", "काय", "g"),
    ("Saw", "साव", "k"),
    ("Kol", "कोळ", "w"),  # Koli fishermen
)

# Whole names that are not a stem plus a suffix.
STANDALONE_NAMES = (
    ("Sawangi", "सावंगी"),
    ("Takli", "टाकळी"),
    ("Chincholi", "चिंचोली"),
    ("Loni", "लोणी"),
    ("Nandur", "नांदूर"),
    ("Dhanora", "धानोरा"),
    ("Kumbhephal", "कुंभेफळ"),
    ("Pimpri", "पिंप्री"),
    ("Hivra", "हिवरा"),
    ("Wadala", "वडाळा"),
    ("Mandwa", "मांडवा"),
    ("Ashti", "आष्टी"),
    ("Khandobachiwadi", "खंडोबाचीवाडी"),
    ("Rui", "रुई"),
    ("Jogeshwari", "जोगेश्वरी"),
    ("Nagzari", "नागझरी"),
    ("Chikhali", "चिखली"),
    ("Pokhari", "पोखरी"),
    ("Dhakephal", "ढाकेफळ"),
    ("Kadethan", "कडेठाण"),
    ("Tondoli", "टोंडोळी"),
    ("Mhasla", "म्हसला"),
    ("Shekta", "शेकटा"),
    ("Wakdi", "वाकडी"),
    ("Nandra", "नांद्रा"),
    ("Sarola", "सारोळा"),
    ("Gevrai", "गेवराई"),
    ("Kumbhari", "कुंभारी"),
    ("Dhamori", "धामोरी"),
    ("Khirdi", "खिर्डी"),
    ("Tembhurni", "टेंभुर्णी"),
    ("Shivrai", "शिवराई"),
    ("Pangra", "पांगरा"),
)
STANDALONE_SHARE = 0.18

# A second word that tells apart places of the same name, as in "Deogaon
# Rangari", "Pimpalgaon Walan", "Nipani Wadgaon". (English, Marathi, before?)
QUALIFIERS = (
    ("Raja", "राजा", False),
    ("Bazar", "बाजार", False),
    ("Kazi", "काझी", False),
    ("Rangari", "रंगारी", False),
    ("Kolhati", "कोल्हाटी", False),
    ("Pandhari", "पांढरी", False),
    ("Walan", "वळण", False),
    ("Ghat", "घाट", False),
    ("Jahagir", "जहागीर", False),
    ("Pathar", "पठार", False),
    ("Nipani", "निपाणी", True),
    ("Siddhanath", "सिद्धनाथ", True),
    ("Bazar", "बाजार", True),
)
QUALIFIED_SHARE = 0.15

# Where a name occurs twice in a block, Maharashtra calls the bigger one
# Budruk ("big") and the smaller Khurd ("small"). A drawn name that the block
# already has is kept this often (else drawn again), so pairs stay a minority.
DUPLICATE_KEEP_SHARE = 0.15
BUDRUK = ("Budruk", "बुद्रुक")
KHURD = ("Khurd", "खुर्द")
TANDA = ("Tanda", "तांडा")  # a Banjara hamlet beside a village

# Real, well-known villages of each tehsil; they open each block's list, are
# given the larger populations and always have a CSC.
ANCHORS = {
    "AUR": (
        ("Karmad", "करमाड"),
        ("Ladsawangi", "लाडसावंगी"),
        ("Pimpri Raja", "पिंप्री राजा"),
        ("Gandheli", "गांधेली"),
        ("Shendra", "शेंद्रा"),
        ("Varud Kazi", "वरुड काझी"),
        ("Daulatabad", "दौलताबाद"),
        ("Pisadevi", "पिसादेवी"),
    ),
    "PTN": (
        ("Bidkin", "बिडकीन"),
        ("Pachod", "पाचोड"),
        ("Adul", "आडूळ"),
        ("Dhorkin", "ढोरकीन"),
        ("Chitegaon", "चितेगाव"),
        ("Vihamandwa", "विहामांडवा"),
        ("Balanagar", "बालानगर"),
        ("Nandar", "नांदर"),
    ),
    "GGP": (
        ("Waluj", "वाळूज"),
        ("Lasur", "लासूर"),
        ("Shendurwada", "शेंदूरवादा"),
        ("Turkabad", "तुर्काबाद"),
        ("Jamgaon", "जामगाव"),
        ("Manjri", "मांजरी"),
        ("Bhendala", "भेंडाळा"),
        ("Siddhanath Wadgaon", "सिद्धनाथ वडगाव"),
    ),
    "VJP": (
        ("Shiur", "शिऊर"),
        ("Lasurgaon", "लासूरगाव"),
        ("Mahalgaon", "महालगाव"),
        ("Garaj", "गारज"),
        ("Loni Khurd", "लोणी खुर्द"),
        ("Babhulgaon", "बाभूळगाव"),
        ("Khandala", "खंडाळा"),
        ("Virgaon", "वीरगाव"),
    ),
    "KND": (
        ("Pishor", "पिशोर"),
        ("Chapaner", "चापानेर"),
        ("Nachanvel", "नाचनवेल"),
        ("Deogaon Rangari", "देवगाव रंगारी"),
        ("Chikalthan", "चिकलठाण"),
        ("Hatnoor", "हतनूर"),
        ("Karanjkheda", "करंजखेडा"),
        ("Aurala", "औराळा"),
    ),
    "KLD": (
        ("Verul", "वेरूळ"),
        ("Bazar Sawangi", "बाजार सावंगी"),
        ("Gadana", "गदाणा"),
        ("Sultanpur", "सुलतानपूर"),
        ("Mhaismal", "म्हैसमाळ"),
    ),
    "SLD": (
        ("Ajanta", "अजिंठा"),
        ("Bharadi", "भराडी"),
        ("Golegaon", "गोळेगाव"),
        ("Andhari", "अंधारी"),
        ("Ambhai", "आंभई"),
        ("Shivna", "शिवना"),
        ("Undangaon", "उंडणगाव"),
        ("Panwadod", "पानवडोद"),
    ),
    "SGN": (
        ("Fardapur", "फर्दापूर"),
        ("Banoti", "बनोटी"),
        ("Jarandi", "जरंडी"),
        ("Sawaldbara", "सावळदबारा"),
        ("Nimbayati", "निंबायती"),
        ("Ghosla", "घोसला"),
    ),
    "PHL": (
        ("Pal", "पाल"),
        ("Wadod Bazar", "वडोद बाजार"),
        ("Babra", "बाबरा"),
        ("Ganori", "गणोरी"),
        ("Pathri", "पाथ्री"),
        ("Aland", "आळंद"),
    ),
}

GP_POPULATION = (800, 9000)
ANCHOR_POPULATION = (5500, 9000)
# How many villages a GP has: 1, 2, 3 or 4, with these weights.
VILLAGES_PER_GP_WEIGHTS = (50, 30, 15, 5)
FIRST_VILLAGE_CODE = 541000  # census-2011-like six-digit village codes
CSC_SHARE = 2 / 3
CSC_STATUS_WEIGHTS = {"active": 91, "suspended": 4, "proposed": 3, "closed": 2}


def _base_name(rng: random.Random) -> tuple[str, str]:
    """One plain village name: a stem with a suffix it takes, or a whole name."""
    if rng.random() < STANDALONE_SHARE:
        return rng.choice(STANDALONE_NAMES)
    stem_en, stem_mr, keys = rng.choice(STEMS)
    key = rng.choices(keys, weights=[SUFFIXES[k][2] for k in keys])[0]
    suffix_en, suffix_mr, _ = SUFFIXES[key]
    return stem_en + suffix_en, stem_mr + suffix_mr


def _place_name(rng: random.Random) -> tuple[str, str]:
    """A plain name, sometimes with a distinguishing second word."""
    en, mr = _base_name(rng)
    if rng.random() < QUALIFIED_SHARE:
        q_en, q_mr, before = rng.choice(QUALIFIERS)
        if before:
            return f"{q_en} {en}", f"{q_mr} {mr}"
        return f"{en} {q_en}", f"{mr} {q_mr}"
    return en, mr


def _gp_population(rng: random.Random) -> int:
    # Most GPs are small, a few are large: an exponential tail over the floor.
    low, high = GP_POPULATION
    return min(high, low + int(rng.expovariate(1 / 1000)))


def _with(name: tuple[str, str], word: tuple[str, str]) -> tuple[str, str]:
    return f"{name[0]} {word[0]}", f"{name[1]} {word[1]}"


def _block_gp_names(rng: random.Random, key: str, count: int, reserved: set[str]):
    """One block's GPs as [(name_en, name_mr, population, is_anchor)], names
    unique, and the set of names taken (to keep its villages' names apart).

    A generated name may occur at most twice; the pair become Budruk and Khurd.
    ``taken`` holds every name already spoken for, including the Budruk and
    Khurd forms of accepted names, so that no disambiguated name can clash."""
    taken = set(reserved)
    entries = []
    for en, mr in ANCHORS[key]:
        taken.add(en)
        entries.append([en, mr, rng.randint(*ANCHOR_POPULATION), True])
    seen: dict[str, list] = {}
    while len(entries) < count:
        en, mr = _place_name(rng)
        if en in seen:
            if len(seen[en]) >= 2 or rng.random() >= DUPLICATE_KEEP_SHARE:
                continue
        else:
            forms = {en, f"{en} {BUDRUK[0]}", f"{en} {KHURD[0]}"}
            if forms & taken:
                continue
            taken |= forms
            seen[en] = []
        entry = [en, mr, _gp_population(rng), False]
        seen[en].append(entry)
        entries.append(entry)
    for pair in seen.values():
        if len(pair) == 2:
            pair.sort(key=lambda e: -e[2])
            pair[0][:2] = _with(pair[0][:2], BUDRUK)
            pair[1][:2] = _with(pair[1][:2], KHURD)
    return [tuple(e) for e in entries], taken


def _hamlet_name(rng: random.Random, gp_base: tuple[str, str], taken: set[str]):
    """A further village of a GP: a -wadi, a tanda beside the GP's village, or
    another stem name; unique within the block (numbered as a last resort)."""
    for _ in range(30):
        roll = rng.random()
        if roll < 0.2:
            en, mr = _with(gp_base, TANDA)
        elif roll < 0.6:
            stem_en, stem_mr, _ = rng.choice(STEMS)
            en, mr = stem_en + SUFFIXES["w"][0], stem_mr + SUFFIXES["w"][1]
        else:
            en, mr = _place_name(rng)
        if en not in taken:
            taken.add(en)
            return en, mr
    n = 2
    while f"{gp_base[0]} {n}" in taken:
        n += 1
    taken.add(f"{gp_base[0]} {n}")
    return f"{gp_base[0]} {n}", f"{gp_base[1]} {_devanagari_digits(n)}"


def _devanagari_digits(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "०१२३४५६७८९"))


def _split_population(rng: random.Random, total: int, parts: int) -> list[int]:
    """The GP's population over its villages; the main village is the biggest."""
    if parts == 1:
        return [total]
    main = int(total * rng.uniform(0.5, 0.8))
    weights = [rng.random() + 0.2 for _ in range(parts - 1)]
    rest = total - main
    others = [int(rest * w / sum(weights)) for w in weights]
    others[0] += rest - sum(others)
    return [main, *others]


# --- municipalities and offices ---------------------------------------------

# (tehsil key, kind, wards)
MUNICIPALITY_SPECS = (
    ("AUR", "corporation", 115),
    ("PTN", "council", 23),
    ("GGP", "council", 20),
    ("VJP", "council", 23),
    ("KND", "council", 23),
    ("KLD", "council", 20),
    ("SLD", "council", 26),
    ("SGN", "nagar_panchayat", 17),
    ("PHL", "nagar_panchayat", 17),
)
_BODY_NAMES = {
    "corporation": ("Municipal Corporation", "महानगरपालिका"),
    "council": ("Municipal Council", "नगरपरिषद"),
    "nagar_panchayat": ("Nagar Panchayat", "नगरपंचायत"),
}

# (code suffix, English, Marathi)
COLLECTORATE_BRANCHES = (
    ("REV", "Revenue Branch", "महसूल शाखा"),
    ("SETU", "e-District / Setu Cell", "ई-डिस्ट्रिक्ट / सेतू कक्ष"),
    ("GAD", "General Administration Branch", "सामान्य प्रशासन शाखा"),
    ("SUP", "Supply Branch", "पुरवठा शाखा"),
    ("ELE", "Election Branch", "निवडणूक शाखा"),
    ("LR", "Land Records Branch", "भूमी अभिलेख शाखा"),
    ("HOME", "Home Branch", "गृह शाखा"),
    ("REH", "Rehabilitation Branch", "पुनर्वसन शाखा"),
    ("MIN", "Minor Minerals Branch", "गौण खनिज शाखा"),
    ("DMC", "District Disaster Management Cell", "जिल्हा आपत्ती व्यवस्थापन कक्ष"),
    ("MUN", "Municipal Administration Branch", "नगरपालिका प्रशासन शाखा"),
)
ZP_DEPARTMENTS = (
    ("GAD", "General Administration Department", "सामान्य प्रशासन विभाग"),
    ("RWS", "Rural Water Supply Department", "ग्रामीण पाणी पुरवठा विभाग"),
    ("HLT", "Health Department", "आरोग्य विभाग"),
    ("EDP", "Education Department (Primary)", "शिक्षण विभाग (प्राथमिक)"),
    ("WCW", "Women and Child Welfare Department", "महिला व बाल कल्याण विभाग"),
    ("AGR", "Agriculture Department", "कृषी विभाग"),
    ("SW", "Social Welfare Department", "समाज कल्याण विभाग"),
    ("PAN", "Panchayat Department", "पंचायत विभाग"),
    ("FIN", "Finance Department", "वित्त विभाग"),
    ("CON", "Construction Department", "बांधकाम विभाग"),
)
# District offices of state departments. They answer to their own department,
# not to the Collector, so they have no parent office here.
LINE_DEPARTMENTS = (
    ("DSWO", "District Social Welfare Office", "जिल्हा समाज कल्याण कार्यालय"),
    ("DSAO", "District Agriculture Office", "जिल्हा अधीक्षक कृषी अधिकारी कार्यालय"),
    ("DDR", "District Deputy Registrar, Co-operative Societies", "जिल्हा उपनिबंधक, सहकारी संस्था"),
)


def _office(code, name_en, name_local, level, kind, parent=None, **area):
    row = {
        "code": code,
        "name_en": name_en,
        "name_local": name_local,
        "level": level,
        "kind": kind,
        "parent": parent,
        "tehsil": None,
        "block": None,
        "municipality": None,
    }
    row.update(area)
    return row


def _offices(tehsil_names: dict[str, tuple[str, str]]) -> list[dict]:
    """Every office, parents before their children."""
    en, mr = tehsil_names["AUR"]
    rows = [
        _office("COLL", f"Collectorate, {en}", f"जिल्हाधिकारी कार्यालय, {mr}", "district",
                "collectorate_branch"),
        _office("ZP", f"Zilla Parishad, {en}", f"जिल्हा परिषद, {mr}", "district",
                "zp_department"),
    ]  # fmt: skip
    for code, name_en, name_mr in COLLECTORATE_BRANCHES:
        rows.append(
            _office(f"COLL-{code}", name_en, name_mr, "district", "collectorate_branch", "COLL")
        )
    for code, name_en, name_mr in ZP_DEPARTMENTS:
        rows.append(_office(f"ZP-{code}", name_en, name_mr, "district", "zp_department", "ZP"))
    for code, name_en, name_mr in LINE_DEPARTMENTS:
        rows.append(_office(code, name_en, name_mr, "district", "line_department"))
    for key, (t_en, t_mr) in tehsil_names.items():
        rows.append(
            _office(f"TO-{key}", f"Tehsil Office, {t_en}", f"तहसील कार्यालय, {t_mr}", "tehsil",
                    "tehsil_office", "COLL", tehsil=tehsil_code(key))
        )  # fmt: skip
    for key, (t_en, t_mr) in tehsil_names.items():
        rows.append(
            _office(f"PS-{key}", f"Panchayat Samiti, {t_en}", f"पंचायत समिती, {t_mr}", "block",
                    "block_office", "ZP", block=block_code(key), tehsil=tehsil_code(key))
        )  # fmt: skip
    for key, kind, _wards in MUNICIPALITY_SPECS:
        t_en, t_mr = tehsil_names[key]
        body_en, body_mr = _BODY_NAMES[kind]
        # Councils and nagar panchayats are supervised through the Collectorate's
        # municipal administration branch; a corporation answers to the state.
        parent = None if kind == "corporation" else "COLL-MUN"
        rows.append(
            _office(f"MO-{key}", f"{t_en} {body_en} Office", f"{t_mr} {body_mr} कार्यालय",
                    "municipality", "municipal_office", parent,
                    municipality=municipality_code(key), tehsil=tehsil_code(key))
        )  # fmt: skip
    for n, row in enumerate(rows):
        row.update(_office_contact(row["code"], n, tehsil_names))
    return rows


# The STD codes and PIN codes of the tehsil headquarters (the district's own
# are 0240 and 431001).
STD_CODES = {"AUR": "0240", "PTN": "02431", "GGP": "02433", "VJP": "02436", "KND": "02435",
             "KLD": "02437", "SLD": "02430", "SGN": "02432", "PHL": "02434"}  # fmt: skip
PIN_CODES = {"AUR": "431001", "PTN": "431107", "GGP": "431109", "VJP": "423701", "KND": "431103",
             "KLD": "431101", "SLD": "431112", "SGN": "431120", "PHL": "431111"}  # fmt: skip
# Where each kind of office stands, by the first part of its code.
_SITES = {
    "COLL": ("Collectorate campus, Adalat Road", "जिल्हाधिकारी कार्यालय परिसर, अदालत रोड"),
    "ZP": ("Zilla Parishad building, Station Road", "जिल्हा परिषद इमारत, स्टेशन रोड"),
    "TO": ("Tehsil office building, near the bus stand", "तहसील कार्यालय इमारत, बसस्थानकाजवळ"),
    "PS": ("Panchayat Samiti campus", "पंचायत समिती परिसर"),
    "MO": ("Main Road", "मुख्य रस्ता"),
}
_OTHER_SITE = ("Administrative building, Jubilee Park", "प्रशासकीय इमारत, ज्युबिली पार्क")


def _office_contact(code: str, n: int, tehsil_names) -> dict:
    """The demo address and enquiry line of an office: its town's PIN and
    STD code, a line number of its own."""
    kind, _, key = code.partition("-")
    key = key if key in tehsil_names else "AUR"
    site_en, site_mr = _SITES.get(kind, _OTHER_SITE)
    town_en, town_mr = tehsil_names[key]
    std, pin = STD_CODES[key], PIN_CODES[key]
    digits = 8 - (len(std) - 3)  # 0240-2xxxxxx, 02431-2xxxxx
    line = f"2{(331200 + 17 * n) % 10 ** (digits - 1):0{digits - 1}d}"
    return {
        "address_en": f"{site_en}, {town_en} {pin}",
        "address_local": f"{site_mr}, {town_mr} {_devanagari_digits(int(pin))}",
        "phone": f"{std}-{line}",
    }


# --- users ------------------------------------------------------------------

# The GP (in Paithan block) whose gram sevak and CSC operator are demo users.
DEMO_GP = ("PTN", "Bidkin")


def _user(username, role, full_name, full_name_local, n, designation, **binding):
    row = {
        "username": username,
        "role": role,
        "full_name": full_name,
        "full_name_local": full_name_local,
        "mobile": f"98000000{n:02d}",  # fake: 9800000001, 9800000002, ...
        "email": f"{username}@example.gov.in",
        "designation": designation,  # for the login list only, not a column
        "csc": None,
        "gram_panchayat": None,
        "office": None,
        "block": None,
        "tehsil": None,
    }
    row.update(binding)
    return row


def _users(gp_code: str, csc_code: str) -> list[dict]:
    return [
        _user("admin", "admin", "Prashant Deshmukh", "प्रशांत देशमुख", 1,
              "District Informatics Officer (portal administrator)"),
        _user("collector", "district_manager", "Rahul Gaikwad", "राहुल गायकवाड", 2,
              "Collector"),
        _user("cdo", "district_manager", "Meenakshi Shinde", "मीनाक्षी शिंदे", 3,
              "Chief Executive Officer, Zilla Parishad"),
        _user("tahsildar.paithan", "office_head", "Santosh Jadhav", "संतोष जाधव", 4,
              "Tahsildar, Paithan", office="TO-PTN"),
        _user("clerk.paithan", "office_user", "Vaishali More", "वैशाली मोरे", 5,
              "Clerk, Tehsil Office Paithan", office="TO-PTN"),
        _user("bdo.paithan", "block_officer", "Ganesh Pawar", "गणेश पवार", 6,
              "Block Development Officer, Paithan", block=block_code("PTN")),
        _user("sdo.paithan", "block_officer", "Smita Kale", "स्मिता काळे", 7,
              "Sub-Divisional Officer, Paithan", tehsil=tehsil_code("PTN")),
        _user("gramsevak.bidkin", "gp_staff", "Balasaheb Wagh", "बाळासाहेब वाघ", 8,
              "Gram Sevak, Bidkin", gram_panchayat=gp_code),
        _user("vle.bidkin", "csc_operator", "Amol Sonawane", "अमोल सोनवणे", 9,
              "Village Level Entrepreneur, Bidkin", csc=csc_code),
        _user("establishment", "establishment", "Sunita Kulkarni", "सुनीता कुलकर्णी", 10,
              "Superintendent (Establishment), General Administration", office="COLL-GAD"),
    ]  # fmt: skip


# --- the whole district -----------------------------------------------------


@dataclass(frozen=True)
class DemoData:
    """Rows per table, in insertion order. Foreign keys are given as the
    referenced row's code (a user's bindings likewise), not as ids."""

    district: dict
    tehsils: list[dict]
    blocks: list[dict]
    gram_panchayats: list[dict]
    villages: list[dict]
    municipalities: list[dict]
    offices: list[dict]
    cscs: list[dict]
    users: list[dict]


@cache
def build() -> DemoData:
    """The demo district; the same rows on every call and every run."""
    rng = random.Random(RANDOM_SEED)
    tehsil_names = {key: (en, mr) for key, en, mr, _ in TEHSIL_SPECS}
    towns = {en for en, _ in tehsil_names.values()}  # towns are not GPs

    tehsils, blocks, gps, villages = [], [], [], []
    anchor_codes = set()
    village_code = FIRST_VILLAGE_CODE
    for block_no, (key, en, mr, gp_count) in enumerate(TEHSIL_SPECS, start=1):
        tehsils.append({"code": tehsil_code(key), "name_en": en, "name_local": mr,
                        "district": DISTRICT["code"]})  # fmt: skip
        blocks.append({"code": block_code(key), "name_en": en, "name_local": mr,
                       "tehsil": tehsil_code(key)})  # fmt: skip
        entries, taken = _block_gp_names(rng, key, gp_count, towns)
        # Serials follow the alphabet, as a block's register would.
        entries.sort(key=lambda e: e[0])
        for serial, (gp_en, gp_mr, population, is_anchor) in enumerate(entries, start=1):
            code = f"GP{block_no:02d}{serial:03d}"
            if is_anchor:
                anchor_codes.add(code)
            gps.append({"code": code, "name_en": gp_en, "name_local": gp_mr,
                        "block": block_code(key), "population": population})  # fmt: skip
            # Hamlets take the plain name, without Budruk/Khurd.
            base = (gp_en, gp_mr)
            for word in (BUDRUK, KHURD):
                if gp_en.endswith(f" {word[0]}"):
                    base = (gp_en[: -len(word[0]) - 1], gp_mr[: -len(word[1]) - 1])
            n_villages = rng.choices((1, 2, 3, 4), weights=VILLAGES_PER_GP_WEIGHTS)[0]
            names = [(gp_en, gp_mr)]
            names += [_hamlet_name(rng, base, taken) for _ in range(n_villages - 1)]
            for (v_en, v_mr), v_pop in zip(
                names, _split_population(rng, population, n_villages), strict=True
            ):
                village_code += rng.randint(1, 3)
                villages.append({"code": str(village_code), "name_en": v_en,
                                 "name_local": v_mr, "gram_panchayat": code,
                                 "population": v_pop})  # fmt: skip

    # About two CSCs for every three GPs. Anchors always have one; the rest are
    # drawn weighted by population (Efraimidis-Spirakis: the largest u**(1/w)).
    first_village = {}
    for v in villages:
        first_village.setdefault(v["gram_panchayat"], v["code"])
    wanted = round(len(gps) * CSC_SHARE)
    others = [g for g in gps if g["code"] not in anchor_codes]
    others.sort(key=lambda g: rng.random() ** (1 / g["population"]), reverse=True)
    chosen = anchor_codes | {g["code"] for g in others[: wanted - len(anchor_codes)]}
    statuses, weights = zip(*CSC_STATUS_WEIGHTS.items(), strict=True)
    cscs = []
    for gp in gps:
        if gp["code"] not in chosen:
            continue
        status = "active"
        if gp["code"] not in anchor_codes:
            status = rng.choices(statuses, weights=weights)[0]
        cscs.append({
            "code": f"CSC{10001 + len(cscs):05d}",
            "name_en": f"Aaple Sarkar Seva Kendra, {gp['name_en']}",
            "name_local": f"आपले सरकार सेवा केंद्र, {gp['name_local']}",
            "gram_panchayat": gp["code"],
            "village": first_village[gp["code"]],
            "status": status,
        })  # fmt: skip

    municipalities = []
    for key, kind, wards in MUNICIPALITY_SPECS:
        t_en, t_mr = tehsil_names[key]
        body_en, body_mr = _BODY_NAMES[kind]
        municipalities.append({"code": municipality_code(key), "name_en": f"{t_en} {body_en}",
                               "name_local": f"{t_mr} {body_mr}", "tehsil": tehsil_code(key),
                               "kind": kind, "wards": wards})  # fmt: skip

    demo_block, demo_gp_name = DEMO_GP
    demo_gp = next(
        g for g in gps if g["block"] == block_code(demo_block) and g["name_en"] == demo_gp_name
    )
    demo_csc = next(c for c in cscs if c["gram_panchayat"] == demo_gp["code"])

    return DemoData(
        district=dict(DISTRICT),
        tehsils=tehsils,
        blocks=blocks,
        gram_panchayats=gps,
        villages=villages,
        municipalities=municipalities,
        offices=_offices(tehsil_names),
        cscs=cscs,
        users=_users(demo_gp["code"], demo_csc["code"]),
    )
