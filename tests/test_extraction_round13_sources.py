"""Issue 17's thirteenth round, sources: the archive knows the national papers and sites of
the countries it covers whose domain says nothing of their country (youm7.com, annahar.com,
gulfnews.com), so a home minister named by title only on their pages is their country's; an
initial ("S. Jaishankar", "the U.S. envoy") does not end a sentence; an Algerian wilaya or a
Moroccan province the list of cities lacks ("بولاية X", "بإقليم X") is where they met, not a
city named elsewhere.

Written in our own words about invented meetings.
"""

import datetime
import json
from pathlib import Path

import pytest

from meetings.extraction.dates import sentence_break
from meetings.extraction.document import Document
from meetings.extraction.pipeline import country_of_domain
from tests.extraction_support import draft_of

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 4, 16)
OUTLETS = Path(__file__).resolve().parent.parent / "fixtures" / "outlets.json"


@pytest.mark.parametrize(
    "url, text, sides",
    [
        ("https://www.youm7.com/story/2026/4/15/7100200",
         "استقبل وزير الري والموارد المائية صباح الأربعاء وزيرة المياه الأوغندية، وبحثا "
         "التعاون في إدارة الموارد المائية.", {"EG", "UG"}),
        ("https://www.lorientlejour.com/article/1450001/",
         "Le ministre de l'Énergie a reçu mercredi son homologue chypriote pour évoquer "
         "l'interconnexion électrique entre les deux pays.", {"LB", "CY"}),
        ("https://gulfnews.com/uae/government/minister-meets-indian-counterpart-1.5000001",
         "The Minister of Industry and Advanced Technology met his Indian counterpart on "
         "Wednesday to discuss investment in heavy industries.", {"AE", "IN"}),
    ],
)  # fmt: skip
def test_a_national_site_s_home_minister_is_its_country_s(gazetteer, url, text, sides):
    assert country_of_domain(url, gazetteer) is None  # the domain alone says nothing
    draft = draft_of(text, gazetteer, published=DAY, url=url)
    assert set(draft.countries) == sides


def test_every_outlet_has_its_own_domain_and_no_arabic_name_that_is_a_common_phrase():
    outlets = [row["fields"] for row in json.loads(OUTLETS.read_text())]
    domains = [outlet["domain"] for outlet in outlets if outlet["domain"]]
    assert len(domains) == len(set(domains))
    # A byline is looked for in the text's first lines by the outlet's names: an Arabic name
    # that reads as words of a sentence ("المصري اليوم", "the Egyptian ... today") would be
    # taken for one. Such outlets are known by their domain and Latin name only.
    for outlet in outlets:
        assert not outlet["name_ar"].endswith(" اليوم"), outlet["name"]


@pytest.mark.parametrize(
    "text, left",
    [
        ("External Affairs Minister S. Jaishankar said on Thursday", "S"),
        ("Heavy Industries Minister H.D. Kumaraswamy met", "D"),
        ("the U.S. Secretary of State met", "S"),
    ],
)
def test_an_initial_does_not_end_a_sentence(text, left):
    document = Document.from_text(text)
    originals = [document.original(i, i + 1) for i in range(len(document.tokens))]
    index = originals.index(left)
    assert not sentence_break(document, index, index + 1)


def test_a_sentence_still_ends_after_a_word():
    document = Document.from_text("They met in Rabat. The talks went on.")
    originals = [document.original(i, i + 1) for i in range(len(document.tokens))]
    index = originals.index("Rabat")
    assert sentence_break(document, index, index + 1)


def test_remarks_after_an_initial_are_no_meeting(gazetteer):
    draft = draft_of(
        "External Affairs Minister S. Jaishankar on Thursday answered remarks made by "
        "Canada's Foreign Minister in a television interview, saying both sides were "
        "working to restore consular services.",
        gazetteer,
        published=DAY,
        url="https://www.thehindu.com/news/national/article1.ece",
    )
    assert draft.countries == []


@pytest.mark.parametrize(
    "text",
    [
        "أشرف وزير الداخلية، كمال بن عيسى، أمس الأربعاء، رفقة نظيره الموريتاني سيدي ولد "
        "أحمد، بولاية تمنراست على تدشين معبر حدودي، حيث عقد الوزيران جلسة عمل. وكان الوزير "
        "قد استقبل الأسبوع الماضي بالجزائر العاصمة وفدا من رجال الأعمال.",
        "ترأس وزير الداخلية، كمال بن عيسى، أمس الأربعاء، رفقة نظيره الموريتاني سيدي ولد "
        "أحمد، بإقليم وادي الرمال اجتماعا للوزيرين حول أمن الحدود. وكان الوزير قد زار "
        "الجزائر العاصمة الشهر الماضي.",
    ],
)
def test_a_wilaya_or_province_the_list_lacks_is_the_place_not_the_capital(gazetteer, text):
    draft = draft_of(text, gazetteer, published=DAY, outlet="Echorouk")
    assert set(draft.countries) == {"DZ", "MR"}
    assert draft.host_country == "DZ"
    assert draft.place is None
