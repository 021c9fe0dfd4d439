"""Every development case of issue 17's rounds five to thirteen, as an editor sees its draft.

The cases are eval/dev17's ``r5-*`` to ``r13c-*`` articles, written for each round in our own
words about invented meetings, each class of miss in Arabic, French and English (a round's
files are named ``<round>-<class letter><n>-<language>-...``). Each round's file of tests
(tests/test_extraction_round5.py and on) checks its smaller rules on their own.
"""

import pytest

from tests.extraction_support import case_id, check_case, languages_by_class, round_cases

pytestmark = pytest.mark.django_db

# A round's prefix in eval/dev17 and the number of classes of miss its cases cover, at least.
ROUNDS = {
    "r5": 13,
    "r6": 6,
    "r7": 3,
    "r8c": 3,
    "r8p": 3,
    "r8q": 4,
    "r9c": 2,
    "r9p": 1,
    "r10c": 3,
    "r10p": 3,
    "r11c": 3,
    "r11p": 5,
    "r12c": 5,
    "r12p": 3,
    "r13c": 6,
    "r13p": 4,
    "r14c": 5,
    "r14p": 4,
    "r15c": 4,
    "r15p": 4,
    "r16p": 5,
    "r16c": 6,
}
# Round nine's sides are titles of English and French only ("Defence Secretary", "secrétaire
# du Cabinet"): Arabic names these ministers "وزير", read since the first round.
ENGLISH_AND_FRENCH_ONLY = ["r9s"]


@pytest.mark.parametrize("prefix", ROUNDS)
def test_every_class_has_its_three_languages(prefix):
    classes = languages_by_class(round_cases(prefix))
    assert len(classes) >= ROUNDS[prefix]
    assert all(languages == {"ar", "fr", "en"} for languages in classes.values())


@pytest.mark.parametrize(
    "path",
    [path for prefix in [*ROUNDS, *ENGLISH_AND_FRENCH_ONLY] for path in round_cases(prefix)],
    ids=case_id,
)
def test_round_case(gazetteer, path):
    check_case(path, gazetteer)
