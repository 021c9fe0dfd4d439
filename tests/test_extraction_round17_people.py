"""Issue 17, people, as an editor found them trying heldout25 in the admin: a portfolio joined
by "و" (and) in Arabic ("وزير الداخلية وما وراء البحار", Interior and Overseas) was taken for
the minister's name, and an honorific between an Arabic title and the name ("وزير الداخلية
الأستاذ ...") was proposed as part of the post. The French and English forms were already
read right; they stay here so that the three languages keep agreeing.

The articles are in our own words about invented meetings.
"""

import datetime

import pytest

from tests.extraction_support import draft_of, people

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 11, 11)  # a Wednesday


def posts(draft):
    return {minister.name: minister.post for minister in draft.ministers}


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        ("استقبل وزير الخارجية المغربي السيد كريم بنعلي أمس الثلاثاء بالرباط وزير الخارجية "
         "البرتغالي جواو فالي.", "كريم بنعلي", "وزير الخارجية"),
        ("استقبل وزير الداخلية الأستاذ فهد بن ناصر العتيبي اليوم في مكتبه بالرياض وزير "
         "الداخلية الإسباني خوان مورينو.", "فهد بن ناصر العتيبي", "وزير الداخلية"),
        ("Le ministre marocain des Affaires étrangères M. Karim Benali a reçu mardi à Rabat "
         "le ministre portugais des Affaires étrangères, João Vale.",
         "Karim Benali", "ministre des Affaires étrangères"),
        ("Kenya's Health Cabinet Secretary Dr Amina Wanjiru met her Ugandan counterpart "
         "Grace Okello in Nairobi on Tuesday.", "Amina Wanjiru", "Health Cabinet Secretary"),
    ],
)  # fmt: skip
def test_an_honorific_before_the_name_is_not_part_of_the_post(gazetteer, text, name, post):
    assert posts(draft_of(text, gazetteer, published=DAY))[name] == post


@pytest.mark.parametrize(
    ("text", "minister", "post"),
    [
        ("استقبل وزير الداخلية وما وراء البحار في الجمهورية الفرنسية جان لوران أمس الثلاثاء "
         "بباريس وزير الداخلية المغربي عبد الله الرامي.",
         ("جان لوران", "FR"), "وزير الداخلية وما وراء البحار"),
        ("استقبل وزير الداخلية والجماعات المحلية في الجمهورية التونسية سامي الغربي أمس "
         "الثلاثاء بتونس وزير الداخلية الإيطالي ماركو فيرو.",
         ("سامي الغربي", "TN"), "وزير الداخلية والجماعات المحلية"),
        ("Le ministre français de l'Intérieur et des Outre-mer, Jean Laurent, a reçu mardi à "
         "Paris le ministre marocain de l'Intérieur, Abdallah Rami.",
         ("Jean Laurent", "FR"), "ministre de l'Intérieur et des Outre-mer"),
        ("France's Minister of the Interior and Overseas Jean Laurent received Morocco's "
         "interior minister Abdallah Rami in Paris on Tuesday.",
         ("Jean Laurent", "FR"), "Minister of the Interior and Overseas"),
    ],
)  # fmt: skip
def test_a_portfolio_joined_by_and_is_part_of_the_title(gazetteer, text, minister, post):
    draft = draft_of(text, gazetteer, published=DAY)
    assert minister in people(draft)
    assert posts(draft)[minister[0]] == post


def test_a_name_that_begins_like_and_is_still_a_name(gazetteer):
    # وليد begins with و: it is a name when no country and other name follow it.
    draft = draft_of(
        "استقبل وزير الخارجية وليد حمدي في دمشق أمس الثلاثاء نظيره الأردني أيمن الصفدي.",
        gazetteer,
        published=DAY,
    )
    assert "وليد حمدي" in posts(draft)


def test_the_homeland_a_minister_leaves_is_not_part_of_his_name(gazetteer):
    draft = draft_of(
        "يغادر وزير المواصلات البحريني محمد يوسف الكعبي أرض الوطن اليوم الأربعاء متوجها إلى "
        "الهند، حيث يلتقي بعد غد الجمعة وزير الطيران المدني الهندي راجيف شارما.",
        gazetteer,
        published=DAY,
    )
    assert ("محمد يوسف الكعبي", "BH") in people(draft)
