"""The one ranking of every search box (employees.search.rank): a field
that is exactly the query first, then the query as a phrase, then every
word whole, then beginnings of words; as typed or by sound, in either
script; a row missing a word is not a match."""

from blueprints.employees.search import ALL_WORDS, EXACT, PHRASE, PREFIXES, rank


def tier(q, *fields, min_sound=3):
    found = rank(q, fields, min_sound)
    return None if found is None else found[0]


def test_the_tiers():
    assert tier("tahsildar", "Tahsildar") == EXACT
    assert tier("tahsildar", "Naib Tahsildar") == PHRASE
    assert tier("tahsildar naib", "Naib Tahsildar") == ALL_WORDS
    assert tier("tahsil", "Tahsildar") == PREFIXES
    assert tier("naib tahsildar", "Tahsildar") is None  # every word, never any word


def test_exact_before_phrase_before_words_before_prefixes():
    keys = [
        rank("tahsildar", ["Naib Tahsildar"]),
        rank("tahsildar", ["Tahsildar"]),
        rank("tahsildar", ["Tahsildars"]),
    ]
    assert sorted(keys) == [keys[1], keys[0], keys[2]]


def test_both_scripts_and_spellings_meet():
    assert tier("तहसीलदार", "Tehsildar", "तहसीलदार") == EXACT
    assert tier("tehsildar", "तहसीलदार") == EXACT  # by sound, across scripts
    assert tier("talathi", "Talathi", "तलाठी") == EXACT
    assert tier("लिपिक", "Clerk", "लिपिक") == EXACT
    # As typed beats by sound within a tier.
    assert rank("jadhav", ["Jadhav"]) < rank("jadhav", ["जाधव"])


def test_short_sound_keys_can_be_refused():
    # "farm" and प्रमाण share the key "prm": scheme text asks for longer keys.
    assert tier("farm", "प्रमाणपत्र", min_sound=4) is None
    assert tier("farm", "farm pond", min_sound=4) == PHRASE
    assert tier("niradhaar", "निराधार", min_sound=4) == EXACT


def test_earlier_fields_win_a_tie():
    assert rank("kisan", ["PM-KISAN", "text"]) < rank("kisan", ["Other", "for kisan"])
