"""Issue 17, dates, from the misses of heldout24 to 26 read after their measurement: the day of
a meeting told in the sentence that says they met, with long titles between the verb and the
day, lost to a day to come of the delegation's programme; the day a minister leaves ("يتوجه
غدا الثلاثاء إلى الهند", "يغادر اليوم الاثنين متوجها إلى") was taken for the day of the talks
announced; and a weekday after a future verb with its "and" ("وسيزور الوزير يوم الخميس") was
read as the last such day, in the past.

The articles are in our own words about invented meetings.
"""

import datetime

import pytest

from meetings.extraction import read_article
from meetings.extraction.pipeline import Extraction
from tests.extraction_support import draft_of

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 11, 11)  # a Wednesday


@pytest.mark.parametrize(
    "text",
    [
        "Morocco's Minister of Solidarity, Social Inclusion and Family, Karima Alaoui, met "
        "Ghana's Minister for Gender, Children and Social Protection, Ama Mensah, yesterday in "
        "Accra at the ministry's offices.\n\nThe two ministers discussed women's cooperatives "
        "and microcredit.\n\nThe Moroccan delegation will travel to Kumasi on Thursday.",
        "La ministre marocaine de la Solidarité, de l'Insertion sociale et de la Famille, "
        "Karima Alaoui, a rencontré la ministre ghanéenne du Genre, de l'Enfance et de la "
        "Protection sociale, Ama Mensah, hier à Accra.\n\nLes deux ministres ont parlé des "
        "coopératives de femmes.\n\nLa délégation marocaine se rendra jeudi à Kumasi.",
        "التقت وزيرة التضامن والإدماج الاجتماعي والأسرة المغربية كريمة العلوي بوزيرة النوع "
        "الاجتماعي والطفولة والحماية الاجتماعية الغانية أما منساه أمس في أكرا.\n\nوتناولت "
        "المباحثات التعاونيات النسائية.\n\nوسيتوجه الوفد المغربي يوم الخميس إلى كوماسي.",
    ],
)  # fmt: skip
def test_the_day_of_the_meeting_beats_a_day_of_the_programme_to_come(gazetteer, text):
    draft = draft_of(text, gazetteer, published=DAY)
    assert draft.date == datetime.date(2026, 11, 10)
    assert not draft.announcement


@pytest.mark.parametrize(
    "text",
    [
        "يتوجه وزير المالية المصري، شريف عبد الرحيم، غدا الخميس إلى الهند في زيارة تستغرق "
        "أربعة أيام، يلتقي خلالها يوم السبت المقبل وزيرة المالية الهندية راديكا سينغ في "
        "نيودلهي.",
        "يغادر وزير المواصلات والاتصالات البحريني محمد يوسف الكعبي أرض الوطن اليوم الأربعاء "
        "متوجها إلى جمهورية "
        "الهند في زيارة رسمية، يعقد خلالها بعد غد الجمعة مباحثات مع وزير الطيران المدني "
        "الهندي راجيف شارما في نيودلهي.",
        "Le ministre égyptien des Finances, Chérif Abdelrahim, quitte Le Caire jeudi pour "
        "l'Inde, où il rencontrera samedi prochain à New Delhi la ministre indienne des "
        "Finances, Radhika Singh.",
        "Egypt's finance minister Sherif Abdelrahim leaves Cairo on Thursday for India, where "
        "he will meet Indian finance minister Radhika Singh in New Delhi next Saturday.",
    ],
)  # fmt: skip
def test_the_day_a_minister_leaves_is_not_the_day_of_the_talks(gazetteer, text):
    draft = draft_of(text, gazetteer, published=DAY)
    announced = {datetime.date(2026, 11, 14), datetime.date(2026, 11, 13)}
    assert draft.date in announced
    assert draft.announcement


def days_read(text, gazetteer):
    """Every day the extractor read in the text, and whether it is to come."""
    extraction = Extraction(read_article(text, published=DAY), gazetteer)
    extraction.run()
    return {(candidate.date, candidate.to_come) for candidate in extraction.date_candidates}


@pytest.mark.parametrize(
    "text",
    [
        "يلتقي وزير الطيران البحريني محمد الكعبي بعد غد الجمعة في نيودلهي وزير الطيران الهندي "
        "راجيف شارما.\n\nوسيزور الوزير يوم السبت مدينة مومباي.",
        "Le ministre bahreïni de l'Aviation, Mohamed Kaabi, rencontrera vendredi à New Delhi "
        "le ministre indien de l'Aviation, Rajiv Sharma, et il visitera samedi Bombay.",
        "Bahrain's aviation minister Mohamed Kaabi will meet India's aviation minister Rajiv "
        "Sharma in New Delhi on Friday, and he will visit Mumbai on Saturday.",
    ],
)  # fmt: skip
def test_a_weekday_after_a_verb_of_the_future_is_to_come(gazetteer, text):
    days = days_read(text, gazetteer)
    assert (datetime.date(2026, 11, 14), True) in days  # Saturday to come
    assert not any(day == datetime.date(2026, 11, 7) for day, _ in days)  # not the last one
    draft = draft_of(text, gazetteer, published=DAY)
    assert draft.date == datetime.date(2026, 11, 13)
    assert draft.announcement
