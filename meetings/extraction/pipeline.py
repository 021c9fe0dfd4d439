"""Article → draft meeting: every step of DESIGN.md's "From article to draft meeting".

``extract(article, gazetteer)`` returns a ``Draft``: the suggested facts, each
with the spans of the article they came from. It saves nothing and knows
nothing of Django or HTTP.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import itertools
import re
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext_noop

from meetings.extraction.article import Article, host_of, on_domain
from meetings.extraction.dates import (
    REPORTING_VERBS,
    WEEKDAYS,
    choose_date,
    dateline_span,
    find_dates,
    in_future,
    sentence_break,
)
from meetings.extraction.document import Document, Match, PhraseMatcher, word_forms
from meetings.extraction.gazetteer import Gazetteer, in_a_brand_name, names_a_venue_of
from meetings.extraction.knowledge import (
    Agency,
    agency_named,
    credited_agencies,
    is_international_agency,
    shared_demonyms,
    venues,
)
from meetings.extraction.notes import EditorNote
from meetings.extraction.people import BOUNDARY, Participant, PeopleFinder, participants_from
from meetings.text import normalize

PLACE_PREPOSITIONS = {"في", "بمدينة", "بالعاصمة", "مدينة", "العاصمة", "a", "au", "en", "in",
                      "at", "to", "الي", "capital", "capitale"}  # fmt: skip
DESTINATION_WORDS = {"to", "الي"}
EVENT_WORDS = {"conference", "summit", "forum", "sommet", "salon", "expo", "cop",
               "مؤتمر", "قمة", "منتدي", "معرض", "اسبوع"}  # fmt: skip
# The verb of a reception: its subject is the host.
RECEIVED_WORDS = {"استقبل", "استقبلت", "received", "receives", "hosted", "welcomed", "recu",
                  "recue", "recoit", "accueilli", "accueillie", "accueille"}  # fmt: skip
PASSIVE_BY = {"par", "by", "من"}
COUNTERPART_WORDS_LATIN = {"counterpart", "homologue"}
FRENCH_PARTICIPLES = {"recu", "recue", "recus", "recues", "accueilli", "accueillie"}
# "His counterpart" right after an Arabic verb of reception is its object, the guest.
COUNTERPART_WORDS = {"نظيره", "نظيرته", "نظيريه", "نظراءه"}
# Heads of state: one who receives a minister gives an audience, not a ministerial meeting.
HEADS_OF_STATE = {"president", "presidente", "الرئيس", "king", "roi", "الملك", "العاهل",
                  "sultan", "السلطان", "فخامة", "جلالة"}  # fmt: skip
# At the host's office or ministry: the host's capital.
OFFICE = PhraseMatcher.of((
    "بمكتبه", "بمكتبها", "في مكتبه", "في مكتبها", "بمقر الوزارة", "في مقر الوزارة",
    "بديوان عام الوزارة", "بديوان الوزارة", "في ديوان عام الوزارة",
    "بمقر وزارة", "في مقر وزارة", "dans son bureau", "a son bureau", "au siege du ministere",
    "au siege du departement", "au siege de son departement", "au siege de son ministere",
    "in his office", "in her office", "at his office", "at her office",
    "at the ministry", "at the foreign ministry", "at the ministry's headquarters",
    "at the foreign office", "au foreign office",
    "a son cabinet", "dans son cabinet", "en son cabinet", "in his chambers",
    "au ministere",
))  # fmt: skip
# An office that is the host's own: "at his office", "à son cabinet", "بمكتبه". Any other
# (a ministry, a palace, a building) is owned by the minister named just before it when the
# text says no more ("met X at the ministry's headquarters").
# Words that bring in the guest after the place: "at the ministry with X", "avec", "مع".
WITH_WORDS = {"with", "avec", "مع"}
# "until Wednesday", "jusqu'au 12", "إلى غاية الأربعاء", "حتى الخميس": the end of a span.
UNTIL_WORDS = {"until", "till", "jusqu", "غايه", "غاية", "حتي", "حتى"}
OWN_OFFICE_WORDS = {"his", "her", "son", "sa", "بمكتبه", "بمكتبها", "مكتبه", "مكتبها"}
# The word of a ministry or a government whose demonym, right after, says whose seat it is:
# "siège du ministère espagnol de la Justice", "بمقر وزارة الدفاع الهندية", "siège du
# gouvernement helvétique".
# ("بمقر الوزارة", the ministry with its article, is the host's own.)
MINISTRY_WORDS = {"ministere", "ministry", "gouvernement", "government", "departement",
                  "department", "وزارة", "حكومة"}  # fmt: skip
# The same with the Arabic article, read as another country's only with a feminine demonym
# right after ("بمقر الوزارة اليابانية").
DEFINITE_MINISTRY_WORDS = {"الوزارة", "الحكومة"}
# A building the archive does not know, named with a capital: "at National Defence
# Headquarters", "at the TATTE Building", "at the Home Office": the host's seat, as an office.
BUILDING_WORDS = {"headquarters", "hq", "building", "office", "ministry", "stadium"}
# An office or ministry right before "in"/"à" and a place the archive does not know: its
# address ("main office in Pasay City"), a district of the host's seat.
ADDRESS_WORDS = (BUILDING_WORDS - {"stadium"}) | {
    "offices",
    "siege",
    "bureau",
    "bureaux",
    "headquarter",
}  # a stadium's district may be outside the seat
# A named venue in the meeting's sentence: "au camp de Roux", "au quartier Reine Élisabeth",
# "rue de Varenne" (see unknown_venues_in_lead).
# The title of a state before its name: "the Republic of India", "دولة الكويت".
STATE_TITLES = {"republic", "kingdom", "state", "sultanate", "emirate", "republique", "royaume",
                "etat", "sultanat", "جمهورية", "الجمهورية", "مملكة", "المملكة", "دولة",
                "سلطنة"}  # fmt: skip
VENUE_NOUNS = {"camp", "quartier", "caserne", "base", "residence", "domaine", "edifice", "immeuble",
               "stade"}  # fmt: skip
# A stadium named in Arabic by a name no list knows ("بملعب X"): like an office, the host's
# seat unless a city is named with it.
STADIUM_WORDS = {"ملعب"}
STREET_WORDS = {"rue", "avenue", "boulevard"}
# Going somewhere for the meeting: "will leave for Manama", "left for Tokyo", "bound for".
LEAVING_FOR = {"leave", "leaves", "leaving", "left", "depart", "departs", "departed",
               "head", "heads", "headed", "bound", "fly", "flies", "flew"}  # fmt: skip
# A reporter's city in a wire's credit: "(Reporting by X in Baku", "de notre correspondant
# à Tunis", "مراسلنا في بغداد".
CREDIT_WORDS = {"reporting", "writing", "editing", "reported", "correspondent",
                "correspondant", "correspondante", "مراسل", "مراسلنا", "مراسلة"}  # fmt: skip
# The visitor: "Y, who is visiting", "الذي يقوم بزيارة", "en visite".
VISITING = PhraseMatcher.of((
    "الذي يقوم بزيارة", "التي تقوم بزيارة", "الذي يزور", "التي تزور", "في زيارة",
    "qui effectue une visite", "en visite", "who is visiting", "who is on a visit",
    "on a visit", "who was visiting",
))  # fmt: skip
# Before "to"/"en"/"إلى" and a side's name: the side visited, the host.
VISIT_WORDS = {"visit", "visite", "زيارة", "بزيارة", "traveled", "travelled", "travels",
               "travel", "traveling", "travelling", "rendu", "rendue", "rendra", "rend",
               # "En déplacement au Canada", "on a working trip to Kenya".
               "deplacement", "trip",
               "arrive", "arrivee", "وصل", "يصل", "سيصل", "توجه", "يتوجه", "سيتوجه",
               # "في إطار زيارتها الحالية لمصر": the visit of him, of her, of them.
               "زيارته", "زيارتها", "زيارتهما", "زيارتهم", "بزيارته", "بزيارتها"}  # fmt: skip
ARRIVED_IN = {"arrived", "arrives", "arrive", "arriving", "landed"}
FUTURE_WORDS = {"المقبل", "المقبلة", "القادم", "القادمة", "سيعقد", "ستعقد", "prochain", "prochaine",
                "next", "upcoming", "will"}  # fmt: skip
# Words that put a city in another meeting, to come: "invited him to Banjul", "agreed to
# hold in Riyadh", "la commission mixte prévue à Abuja", "دعوة لزيارة بغداد".
INVITATION_WORDS = {
    "invitation", "invite", "invited", "invites", "convenu", "convenus", "convenues", "agreed",
    "prevue", "prevu", "prevues", "scheduled", "planned", "دعوة", "لزيارة", "المقرر", "المرتقب",
    "المرتقبة", "اتفق", "اتفقا", "واتفق", "دعا",
}  # fmt: skip
# A meeting agreed to be held later: "agreed to convene ... in Manila", "ont convenu de tenir
# à Abuja", "اتفق الطرفان على عقد ... بدكار" (see agreed_to_hold).
AGREED_WORDS = {"agreed", "agree", "convenu", "convenus", "convenues", "convenir"}
HOLD_WORDS = {"hold", "convene", "organise", "organize", "tenir", "organiser", "reunir"}
# A past verb of holding: in an announcement, the city after it is an earlier meeting's.
HELD_WORDS = {"عقدت", "انعقدت", "عقد", "held", "tenue", "tenu", "tenues", "deroulee", "deroule"}
# Words that put a city in an earlier event: "lors de la dernière visite à Nairobi".
PAST_WORDS = {"dernier", "derniere", "last", "previous", "precedente", "precedent", "earlier",
              "الماضي", "الماضية", "السابقة", "السابق", "الاخيرة", "المنصرم",
              # Without the article: "خلال لقاء سابق", "lors d'une réunion antérieure".
              "سابق", "سابقة", "anterieur", "anterieure", "prior"}  # fmt: skip
# Buildings named after their city: "مركز دبي التجاري العالمي", "Centre international de
# conférences de Dakar", "the Abuja International Conference Centre".
# A port or an airport named for its city ("au Port autonome de Lomé", "at the Port of
# Mombasa", "بميناء طنجة", "à l'aéroport de Niamey") is a venue in that city as well.
VENUE_WORDS = {"مركز", "قصر", "فندق", "قاعة", "centre", "center", "palais", "palace", "hotel",
               "salle", "hall", "port", "ميناء", "airport", "aeroport", "مطار", "stade", "stadium",
               "ملعب", "اكسبو", "expo"}  # fmt: skip
# A city where something is based is not where ministers met: "whose secretariat is based
# in Tunis", "ومقرها الرباط".
BASED_WORDS = {"based", "headquartered", "basee", "base", "siege", "مقرها", "مقره", "ومقرها",
               "ومقره"}  # fmt: skip
# On the sidelines of a gathering: a city of neither side may be the place.
SIDELINES = PhraseMatcher.of(
    ("على هامش", "en marge", "on the sidelines", "on the margins", "في اطار")
)
MEETING_WORDS = {
    "مباحثات", "محادثات", "اجتماع", "اجتماعا", "لقاء", "استقبل", "استقبلت", "التقي", "التقت",
    "اجري", "اجرت", "يبحث", "تبحث", "بحث", "بحثا", "تباحث", "جلسة", "مباحثاتهما",
    "entretien", "entretenu", "entretenue", "recu", "recue", "rencontre", "reunion",
    "entretiens", "discussions", "visite", "talks", "met", "meeting", "received", "held",
    "meets", "hosted", "discussed", "عقد", "عقدت", "عقدا", "retrouves", "entretenus",
    # "se sont rencontrés", "se sont réunis" (round eleven).
    "rencontres", "reunis",
    # Meetings to come, in announcements.
    "seance", "session", "audience", "مقابلة", "المقابلة", "receive",
    "recevra", "rencontrera", "entretiendra", "meet", "سيجري", "سيلتقي", "سيستقبل", "يستقبل",
    "يلتقي", "تلتقي", "welcomed", "accueilli", "accueillie", "s'entretiendra",
}  # fmt: skip
# Capitalised words after "in"/"à" that are no place: "in Parliament", "à Son Excellence".
NOT_PLACE_NAMES = {"parliament", "son", "sa", "ses", "his", "her", "their", "the", "la", "le",
                   "les", "l", "mr", "m", "mme", "mrs", "ms", "dr", "french", "english", "arabic",
                   "francais", "anglais", "arabe", "person", "presence", "attendance"}  # fmt: skip
PALACE_WORDS = {"palais", "palace", "palacio", "قصر"}
# A villa named where they met ("à la Villa X", "at Villa X", "بفيلا X"): like a palace, the
# host's seat when no city is named with it.
VILLA_WORDS = {"villa", "فيلا"}
# Other venues that stand, like a palace, for the host's seat when no city is named with them:
# a hotel or a residence ("à l'hôtel X", "at the X residence", "بفندق X", "بإقامة X"), and a
# conference centre written as a name ("au Centre international de conférences X").
# A city after these, unlike after a ministry or a palace, is no address of the host's seat:
# "à l'hôtel X à Saint-Louis" is in Saint-Louis.
CENTRE_WORDS = {"centre", "center"}
LODGING_WORDS = {"hotel", "residence", "فندق", "اقامة", "إقامة"} | CENTRE_WORDS
# Grounds that may lie outside the host's seat, like a hotel: "at the X Exhibition Centre in
# Y", "au parc des expositions de X", "بمعرض X في Y": the place after it is theirs, not a
# district of the seat.
GROUNDS_WORDS = {"exhibition", "exhibitions", "expo", "exposition", "expositions", "resort",
                 "circuit", "fairground", "fairgrounds", "معرض", "منتجع", "حلبة", "stadium",
                 "stade", "ملعب"}  # fmt: skip
HOST_VENUE_WORDS = (
    PALACE_WORDS | VILLA_WORDS | (LODGING_WORDS - CENTRE_WORDS)
)  # a centre: only as a name
# "في مدينة X", "بمحافظة X", "بولاية X", "بإقليم X": a city, a governorate, a wilaya or a
# province, named as where they met.
AREA_WORDS = {"بمدينة", "مدينة", "بمحافظة", "محافظة", "بولاية", "ولاية", "باقليم", "اقليم"}
# Another meeting added to the one reported: "also", "également", "كما", "par ailleurs".
ALSO_WORDS = {"also", "separately", "egalement", "aussi", "ailleurs", "كما", "ايضا", "اخر"}
# Ministers of two sides named together: "الوزيران المغربي والبرتغالي".
PLURAL_MINISTERS = {"الوزيران", "الوزيرين", "وزيرا", "وزيري", "ministres", "ministers",
                    # "الجانبان الكويتي والعراقي", "the Kuwaiti and Iraqi sides"
                    "الجانبان", "الجانبين", "الطرفان", "الطرفين", "sides", "parties"}  # fmt: skip
# Phrases that say two sides met, as opposed to many.
BILATERAL = PhraseMatcher.of((
    "ثنائي", "ثنائيا", "الثنائي", "الثنائية", "البلدين", "الجانبين", "الطرفين", "الوزيرين",
    "الوزيران", "البلدان", "الجانبان", "الطرفان",
    "bilateral", "bilaterale", "bilaterales", "bilateraux", "les deux pays", "les deux ministres",
    "les deux parties", "both countries", "two countries", "both sides", "the two sides",
    "the two ministers",
))  # fmt: skip
# Words of gatherings of many countries.
MULTILATERAL = PhraseMatcher.of((
    "مؤتمر", "قمة", "منتدي", "conference", "sommet", "forum", "summit", "ministerial meeting",
    "reunion ministerielle", "اجتماع وزاري",
))  # fmt: skip
MANY_COUNTRIES = 6
# Taking part in a session of a body of many ("شارك ... في أشغال الدورة العادية لمجلس وزراء
# ...", "a pris part à la session du Conseil des ministres de ...", "attended the council of
# ... ministers"): what the article reports is the gathering.
TAKES_PART = PhraseMatcher.of((
    "شارك", "شاركت", "يشارك", "تشارك", "حضر", "حضرت", "يحضر", "participe", "participe a",
    "a participe", "a pris part", "prend part", "took part", "takes part", "attended",
    "attends", "participated", "participates", "participating",
    # A session opened "with the participation of" ministers of many countries.
    "بمشاركة", "avec la participation", "with the participation", "افتتحت", "افتتاح",
    "ouverture", "s'est ouverte", "opened", "opening",
))  # fmt: skip
SESSION_OF_MANY = PhraseMatcher.of((
    "مجلس وزراء", "لمجلس وزراء", "الدورة العادية", "الدورة الاستثنائية", "اشغال الدورة",
    "اجتماعات الدورة", "conseil des ministres", "session ordinaire", "session extraordinaire",
    "council of ministers", "ministerial council", "ordinary session", "extraordinary session",
    "conseil ministeriel", "المجلس الوزاري", "reunion ministerielle", "ministerial meeting",
    "اجتماع وزاري", "الاجتماع الوزاري",
))  # fmt: skip
# A body of two countries: "اللجنة المشتركة الموريتانية الغينية", "joint commission".
JOINT_WORDS = {"المشتركة", "المشتركه", "المشترك", "العليا", "mixte", "joint"}
PREPARING_WORDS = {"الاستعدادات", "التحضير", "للتحضير", "لتحضير", "preparations", "preparing",
                   "preparatifs", "preparation"}  # fmt: skip
# A panel of a forum or conference, on which ministers speak side by side: no meeting.
PANEL = PhraseMatcher.of((
    "جلسة حوارية", "جلسة نقاشية", "ندوة حوارية", "حلقة نقاش", "table ronde", "table-ronde",
    "panel", "panel discussion", "round table", "roundtable", "debat public",
))  # fmt: skip
# Words that say the two met, which a panel's sentence does not have.
MET_WORDS = {"التقي", "التقت", "استقبل", "استقبلت", "مباحثات", "محادثات", "met", "meets",
             "received", "talks", "rencontre", "recu", "recue", "entretenu", "entretenue",
             "entretien", "entretiens"}  # fmt: skip
# A meeting of three or more said in so many words ("آلية التعاون الثلاثي", "les trois
# ministres", "a trilateral meeting"), or a host receiving "his counterparts": a gathering.
SEVERAL_SIDES = PhraseMatcher.of((
    "الثلاثي", "الثلاثية", "ثلاثي", "ثلاثية", "الوزراء الثلاثة", "الرباعي",
    "الرباعية", "نظراءه", "نظرائه", "نظيراته", "trilateral", "trilaterale", "tripartite",
    "quadrilateral", "quadripartite", "les trois ministres", "ses homologues",
    "the three ministers", "his counterparts", "her counterparts",
    "vingt-sept", "des vingt sept",
))  # fmt: skip
# A meeting called off: "la visite ... a été reportée", "was postponed", "تم تأجيل الزيارة".
CALLED_OFF = PhraseMatcher.of((
    "reportee", "reporte", "reportees", "annulee", "annule", "ajournee", "ajourne",
    "postponed", "cancelled", "canceled", "called off", "put off", "تاجيل", "تاجلت", "تاجل",
    # Said less plainly: "appears to have been shelved", "mise en veilleuse", "en suspens".
    "shelved", "scrapped", "in doubt", "unlikely to travel", "mise en veilleuse", "en suspens",
    "compromise", "غير مؤكدة", "مستبعدة",
    "ارجئت", "ارجيء", "ارجاء", "الغاء", "الغيت", "الغي",
))  # fmt: skip
# A message sent is not a meeting: "بعث برقية تهنئة", "a adressé un message de félicitations",
# "sent a congratulatory cable".
MESSAGE_SENT = PhraseMatcher.of((
    "برقية", "برقيته", "برقيتي", "برقيات", "رسالة تهنئة", "رسالة تعزية",
    "message de felicitations", "message de condoleances", "telegramme de felicitations",
    "lettre de felicitations",
    "message de felicitation", "congratulatory message", "congratulatory cable",
    "message of congratulations", "message of condolence", "cable of congratulations",
    "letter of congratulations", "congratulatory letter", "condolence message",
    # A written or oral message handed over by an envoy: the minister who wrote it is not
    # there. "X received his counterpart, who handed over a message" keeps its meeting word.
    "رسالة خطية", "رسالة مكتوبة", "رسالة شفوية", "رسالة شفهية", "written message",
    "oral message", "verbal message", "message ecrit", "message oral", "message verbal",
    "lettre manuscrite",
    # A book of condolences signed at an embassy: the ambassador who holds it is no minister.
    "book of condolences", "condolence book", "condolences book", "register of condolences",
    "registre de condoleances", "livre de condoleances", "سجل التعازي", "سجل التعزية",
    "دفتر التعازي", "سجل العزاء", "دفتر العزاء",
))  # fmt: skip
# Words spoken at a distance: a minister answering another's remarks in a press conference
# or an interview has not met him.
REMARKS = PhraseMatcher.of((
    "press conference", "news conference", "press briefing", "interview", "remarks",
    "conference de presse", "point de presse", "declarations", "مؤتمر صحفي",
    "مؤتمرا صحفيا", "مؤتمر صحافي", "مؤتمرا صحافيا", "تصريحات", "مقابلة تلفزيونية",
    "مقابلة صحفية",
    # An interview given to the outlet: "répond à nos questions", "told us", "حوار خاص".
    "nos questions", "our questions", "exclusive interview", "entretien exclusif",
    "interview exclusive", "dans une interview", "اسئلتنا", "اسءلتنا", "حوار خاص",
    "حوارا خاصا", "في حوار مع", "في حوار ل", "في حديث خاص",
    # An interview a paper published: "في حوار نشرته صحيفة", "in an interview published by
    # the daily", "dans un entretien accordé au quotidien".
    "نشرته صحيفة", "نشرته جريدة", "نشرتها صحيفة", "نشرتها جريدة", "نشره موقع", "نشرته مجلة",
    "entretien accorde au", "entretien accorde a", "interview accordee au",
    "interview accordee a", "entretien publie par", "interview publiee par",
    "interview published by", "interview with the daily", "interview with the newspaper",
    "told the newspaper", "told the daily",
))  # fmt: skip
# The minister met his own country's community abroad: "أفراد الجالية", "la communauté
# marocaine résidant", "members of the diaspora". Not a meeting of two countries' ministers.
DIASPORA_MET = PhraseMatcher.of((
    "افراد الجالية", "ابناء الجالية", "بافراد الجالية", "بابناء الجالية",
    "membres de la communaute", "membres de la diaspora", "la diaspora",
    "members of the community", "members of the diaspora", "the diaspora", "expatriate community",
))  # fmt: skip
# Any country's community, named by its demonym: a word of a community right before it
# ("الجالية التونسية", "ressortissants sénégalais", "la communauté malienne") or right after
# it ("the Moroccan community", "Egyptian expatriates", "مغاربة العالم", "التونسيين بالخارج").
COMMUNITY_BEFORE_DEMONYM = PhraseMatcher.of((
    "الجالية", "جالية", "الجاليات", "ressortissants", "ressortissantes", "communaute",
    "diaspora", "expatries",
))  # fmt: skip
COMMUNITY_AFTER_DEMONYM = PhraseMatcher.of((
    "community", "communities", "diaspora", "nationals", "expatriates", "expats", "العالم",
    "المهجر", "بالخارج", "في الخارج", "المقيمين", "المقيمون", "المقيمين بالخارج",
))  # fmt: skip
# A minister honoured by a university: "honorary doctorate", "doctorat honoris causa",
# "الدكتوراه الفخرية". A ceremony of honour is not a meeting of two countries' ministers.
HONOUR_CONFERRED = PhraseMatcher.of((
    "honorary doctorate", "honorary degree", "honorary doctorate degree", "honoris causa",
    "doctorat honoris causa", "docteur honoris causa", "الدكتوراه الفخرية", "دكتوراه فخرية",
    "الدكتوراة الفخرية", "دكتوراة فخرية", "شهادة الدكتوراه الفخرية",
))  # fmt: skip
# A minister going home after the meeting: "she returns to Pretoria", "avant de regagner le
# Maroc", "يعود إلى الرباط". The city or country after it is the minister's own.
RETURNS_HOME = PhraseMatcher.of((
    "returns to", "return to", "will return to", "returned to", "returning to", "flies back to",
    "regagner", "regagnera", "regagne", "rentrer a", "rentrera a", "rentre a", "retournera a",
    "retourner a", "يعود الي", "سيعود الي", "العودة الي", "عودته الي", "عودتها الي", "تعود الي",
    "ستعود الي", "يعود", "تعود", "سيعود", "ستعود",
))  # fmt: skip
RETURN_LINKS = {"le", "la", "l", "the", "to", "a", "الي"}
# A meeting that prepares another: "اجتماعا تحضيريا", "une réunion préparatoire", "a
# preparatory meeting". Held by one government's ministers alone for a joint commission
# ("la commission mixte", "the joint committee", "اللجنة المشتركة"), it is no meeting of two.
JOINT_COMMISSION = PhraseMatcher.of((
    "اللجنة المشتركة", "للجنة المشتركة", "اللجنة الحكومية المشتركة", "للجنة الحكومية المشتركة",
    "اللجنة العليا المشتركة", "للجنة العليا المشتركة", "commission mixte", "comite mixte",
    "haute commission mixte", "joint commission", "joint committee",
))  # fmt: skip
PREPARATORY = PhraseMatcher.of((
    "تحضيري", "تحضيريا", "التحضيري", "تحضيرية", "التحضيرية", "preparatoire", "preparatoires",
    "preparatory",
))  # fmt: skip
# A party who is not a minister of a country: an official below minister ("مساعد وزير
# الخارجية", "deputy minister", "vice-ministre"), senior officials, the head of an
# international organisation or a ministry's administration ("Director-General",
# "directeur régional de l'OMS", "الأمين العام").
NOT_A_MINISTER = PhraseMatcher.of((
    "مساعد وزير", "مساعدة وزير", "نائب وزير", "نائبة وزير", "وكيل وزارة", "وكيل وزير",
    "كبار المسؤولين", "الامين العام", "الامينة العامة", "المدير العام", "المديرة العامة",
    "المدير الاقليمي", "المديرة الاقليمية", "المدير التنفيذي",
    "deputy minister", "assistant minister", "vice minister", "vice-minister",
    "deputy foreign minister", "senior officials", "permanent secretary", "under-secretary",
    "undersecretary", "secretary-general", "secretary general", "director-general",
    "director general", "regional director", "executive director", "managing director",
    "vice-ministre", "vice ministre", "ministre adjoint", "ministre adjointe",
    "hauts fonctionnaires", "secretaire general", "secretaire generale", "directeur general",
    "directrice generale", "directeur regional", "directrice regionale",
    "directeur executif", "directrice executive",
    # The head of a company, of a general staff or of a central bank (or a province) is no
    # minister: "l'administrateur délégué du groupe", "chief executive", "الرئيس التنفيذي",
    # "chef d'état-major général des armées", "رئيس أركان", "Governor of the Central Bank".
    "chief executive", "chief executive officer", "ceo", "pdg", "p-dg", "administrateur delegue",
    "administratrice deleguee", "president-directeur general", "president directeur general",
    "الرئيس التنفيذي", "الرئيسة التنفيذية", "chef d'etat-major", "chef d'etat major",
    "chief of defence staff", "chief of defense staff", "chief of staff", "chief of general staff",
    "chiefs of defence staff", "chefs d'etat-major", "رئيس اركان", "رئيس الاركان",
    "رئيس هيئة الاركان", "رؤساء اركان", "governor", "governors", "gouverneur", "gouverneure",
    "gouverneurs", "محافظ", "محافظا", "محافظي",
    # A commissioner of a union of states (the European Union, the African Union) is no
    # country's minister, though his nationality is given: "المفوضة الأوروبية ... الكرواتية".
    "european commissioner", "eu commissioner", "commissioner of the european union",
    "african union commissioner", "au commissioner", "commissioner of the african union",
    "commissaire europeen", "commissaire europeenne", "commissaire de l'union europeenne",
    "commissaire de l'ue", "commissaire de l'union africaine", "المفوض الاوروبي",
    "المفوضة الاوروبية", "مفوض الاتحاد الاوروبي", "مفوضة الاتحاد الاوروبي",
    "المفوض الاوروبية", "مفوض الاتحاد الافريقي", "مفوضة الاتحاد الافريقي",
    # The head of a United Nations agency: "UN High Commissioner for Refugees", "le
    # Haut-Commissaire des Nations unies aux droits de l'homme", "المفوض السامي".
    "high commissioner", "un high commissioner", "haut-commissaire", "haut commissaire",
    "haute-commissaire", "haute commissaire", "المفوض السامي", "المفوضة السامية",
))  # fmt: skip
# A former minister is no minister: "former Indonesian foreign minister", "l'ancien ministre",
# "وزير الخارجية السابق" (the word before the title, or in Arabic after it).
FORMER_WORDS = {"former", "ex", "ancien", "ancienne", "anciens", "anciennes"}
FORMER_WORDS_AFTER = {"السابق", "السابقة", "الاسبق", "الاسبقة"}
# A column two ministers sign together is no report of a meeting: "tribune commune", "a joint
# op-ed", "مقال مشترك".
JOINT_COLUMN = PhraseMatcher.of((
    "tribune commune", "tribune conjointe", "tribune cosignee", "cosignee", "cosigne",
    "co-signee", "co-signe", "op-ed", "joint op-ed", "joint article", "co-signed", "cosigned",
    "co-authored", "co-written", "opinion piece", "مقال مشترك", "مقالا مشتركا", "مقال رأي مشترك",
    "مقالة مشتركة",
))  # fmt: skip
# A copy of an ambassador's credentials handed to a foreign minister is an audience:
# "نسخة من أوراق اعتماده", "copie figurée de ses lettres de créance", "a copy of his
# credentials".
CREDENTIALS = PhraseMatcher.of((
    "اوراق اعتماد", "اوراق اعتماده", "اوراق اعتمادها", "lettres de creance", "copie figuree",
    "credentials", "letters of credence",
))  # fmt: skip
# A cabinet's session, reported in the article's first sentence: "عقد مجلس الوزراء جلسته", "le
# Conseil des ministres s'est réuni", "the cabinet held its weekly meeting".
CABINET = PhraseMatcher.of((
    "مجلس الوزراء", "conseil des ministres", "conseil de gouvernement", "مجلس الحكومة",
    "cabinet", "council of ministers",
))  # fmt: skip
CABINET_SESSION = PhraseMatcher.of((
    "جلسته", "جلستها", "جلسة", "اجتماعه", "session", "seance", "s'est reuni", "weekly meeting",
    "held its", "reunion hebdomadaire", "met on", "approved", "a approuve", "a adopte",
    "الموافقة", "وافق", "قرر", "ratification", "ratifying", "تصديق",
))  # fmt: skip
# Words that say a minister (or two) is one of the parties.
PLURAL_MINISTER_WORDS = {"ministers", "ministres", "وزراء", "الوزراء", "الوزيران", "الوزيرين"}
# A member of a parliament's question to a minister is sent too, whatever meeting it asks
# about: "a adressé une question écrite au ministre", "سؤالا كتابيا إلى وزير".
QUESTION_SENT = PhraseMatcher.of((
    "question ecrite", "question orale", "written question", "parliamentary question",
    "سؤال كتابي", "سؤالا كتابيا", "سؤال شفوي", "سؤالا شفويا",
))  # fmt: skip
# A minister answering the questions of a parliament's members in its sitting: "faced questions
# from senators", "a répondu aux questions des députés", "رد على أسئلة النواب".
QUESTION_WORDS = {"questions", "question", "questioning", "اسئلة", "اسئله", "تساؤلات", "اسءلة"}
MEMBERS_OF_PARLIAMENT = {
    "senators", "mps", "lawmakers", "legislators", "parliamentarians", "deputies", "senateurs",
    "deputes", "parlementaires", "elus", "النواب", "البرلمانيين", "المستشارين", "الشيوخ",
    "البرلمان", "النيابية",
}  # fmt: skip
# Articles, prepositions and a possessive between two countries' names joined: "du Niger et du
# Tchad", "Chile's and Peru's".
JOINING_WORDS = {"de", "du", "des", "d", "l", "la", "le", "les", "the", "of", "s"}
SITTING_WORDS = {"seance", "session", "جلسة", "held", "عقد", "عقدت"}
# Words of a border: a country named beside one is a subject of the talks.
BORDER_WORDS = {"border", "borders", "frontier", "frontiere", "frontieres", "frontalier",
                "frontaliere", "الحدود", "الحدودية", "الحدودي", "حدود"}  # fmt: skip
# A meeting denied: "نفت الوزارة ... لقاء", "le ministère a démenti toute rencontre", "the
# ministry denied reports that ... met".
DENIED = PhraseMatcher.of((
    "نفت", "نفي", "تنفي", "ينفي", "وتنفي", "وينفي", "تكذيب", "كذبت", "dement", "dementi",
    "dementent", "dementi formel", "denied", "denies", "deny", "dismissed reports",
    "rejected reports", "dismissed as false", "dismissed as fake", "rejected as false",
    "qualifie de fausses", "qualifie de faux",
))  # fmt: skip
# Ministers of another time: "the then Irish and Spanish justice ministers", "son homologue
# de l'époque", "نظيره آنذاك", a former or late minister ("l'ancien ministre", "الراحل"), one
# whose death the article reports ("s'est éteint", "passed away", "توفي").
ANOTHER_TIME = PhraseMatcher.of((
    "the then", "at the time", "years ago", "former", "de l'epoque", "a l'epoque", "ancien",
    "ancienne", "feu", "il y a des annees", "انذاك", "حينذاك", "وقتذاك", "حينها", "الراحل",
    "الراحلة", "الفقيد", "الفقيدة", "الوزير السابق", "قبل سنوات",
    "s'est eteint", "s'est eteinte", "decede", "decedee", "deces", "died", "passed away",
    "obituary", "توفي", "توفيت", "وفاة", "رحيل", "نعي", "نعت",
))  # fmt: skip
# A column signed by ministers is no report of a meeting: its label on the first line.
OPINION_LABELS = {"opinion", "op-ed", "oped", "tribune", "point de vue", "chronique",
                  "editorial", "commentary", "رأي", "مقال رأي", "وجهة نظر", "منبر"}  # fmt: skip
# Members of a parliament are not a government's ministers: a minister receiving a
# delegation of them gives an audience ("a delegation of Swedish MPs", "وفدا برلمانيا").
PARLIAMENTARIANS = PhraseMatcher.of((
    "members of parliament", "parliamentarians", "parliamentary delegation", "mps",
    "lawmakers", "legislators", "senators", "parlementaires", "deputes", "senateurs",
    "delegation parlementaire", "برلمانيين", "البرلمانيين", "برلمانيا", "برلماني",
    "النواب", "اعضاء البرلمان", "اعضاء مجلس الشيوخ",
    # A parliament's chamber or friendship group: "a member of the House of Representatives
    # of Japan", "la Parliamentary Friendship League", "groupe d'amitié parlementaire".
    "house of representatives", "chamber of deputies", "parliamentary friendship",
    "friendship group", "friendship league", "groupe d'amitie", "chambre des deputes",
    "assemblee nationale", "national assembly", "البرلمانية", "مجلس الامة",
    # Arabic's friendship groups and parliament's delegations ("وفدا عن مجموعة الصداقة").
    "مجموعة الصداقة", "مجموعة صداقة", "الجمعية الوطنية", "وفدا برلمانيا", "الوفد البرلماني",
    "مجلس النواب",
))  # fmt: skip
# Times that name no day: the date is left for the editor rather than guessed.
VAGUE_TIME = PhraseMatcher.of((
    "الاسبوع الماضي", "الاسبوع المنصرم", "الاسبوع الجاري", "هذا الاسبوع", "مطلع الاسبوع",
    "la semaine derniere", "cette semaine", "en debut de semaine", "last week", "this week",
    "earlier this week",
))  # fmt: skip
# A call is not a meeting.
PHONE = PhraseMatcher.of((
    "اتصال هاتفي", "اتصالا هاتفيا", "مكالمة هاتفية", "مباحثات هاتفية", "هاتفيا",
    "par telephone", "entretien telephonique", "appel telephonique", "phone call",
    "telephone call", "by phone", "by telephone", "phone conversation",
    # Calls and video calls said in other ways.
    "echange telephonique", "conversation telephonique", "au telephone", "telephoniquement",
    "a telephone", "visioconference", "par visioconference", "videoconference",
    "video call", "video conference", "by video link", "phoned", "telephoned",
    "spoke by phone", "مكالمة", "اتصالا", "عبر تقنية الفيديو", "عبر تقنية التناظر المرئي",
    "اتصال مرئي", "اتصالا مرئيا",
))  # fmt: skip
MAX_TOPICS = 6
# Words of ministers, for a sentence that says ministers met without naming them.
MINISTER_WORDS = {"minister", "ministers", "ministre", "ministres", "وزير", "وزيرة", "وزيرا",
                  "الوزير", "الوزيرة", "وزراء", "الوزراء", "الوزيران", "الوزيرين"}  # fmt: skip
# An ambassador is not a minister: a minister receiving one gives an audience, not a meeting.
# The words before an envoy who attended the ministers' meeting.
PRESENCE_WORDS = {"حضور", "بحضور", "presence", "attended", "accompanied", "accompagne",
                  "accompagnee"}  # fmt: skip
AMBASSADOR = PhraseMatcher.of(
    ("ambassadeur", "ambassadrice", "ambassador", "سفير", "سفيرة", "السفير", "السفيرة")
)


@dataclass
class Evidence:
    """Where in the article a suggestion comes from."""

    start: int
    end: int
    text: str
    note: str = ""


@dataclass
class MinisterSuggestion:
    name: str
    country: str | None
    post: str
    portfolio: str | None
    rank: str
    role: str  # "lead" or "accompanying"
    known: bool
    id: int | None = None
    slug: str = ""
    country_reason: str = ""
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Draft:
    """What the extractor proposes for one article. Nothing here is saved."""

    language: str
    date: datetime.date | None = None
    date_precision: str = "day"
    announcement: bool = False  # the article announces a meeting still to come
    countries: list[str] = field(default_factory=list)
    candidate_countries: list[str] = field(default_factory=list)  # most mentioned first
    host_country: str | None = None
    place: str | None = None  # city slug
    place_name: str = ""
    ministers: list[MinisterSuggestion] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    title: str = ""
    author: str = ""
    outlet: str = ""
    published: datetime.date | None = None
    url: str = ""
    text: str = ""
    evidence: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        """The documented JSON form (docs/extraction.md)."""
        return {
            "language": self.language,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision if self.date else None,
            "announcement": self.announcement,
            "countries": sorted(self.countries),
            "host_country": self.host_country,
            "place": self.place_name or None,
            "place_slug": self.place,
            "ministers": [
                {
                    "name": minister.name,
                    "country": minister.country,
                    "post": minister.post,
                    "portfolio": minister.portfolio,
                    "rank": minister.rank,
                    "role": minister.role,
                    "known": minister.known,
                    "id": minister.id,
                    "evidence": [asdict(item) for item in minister.evidence],
                }
                for minister in self.ministers
            ],
            "topics": self.topics,
            "source": {
                "title": self.title,
                "author": self.author,
                "outlet": self.outlet,
                "published": self.published.isoformat() if self.published else None,
                "url": self.url,
            },
            "evidence": {
                key: (
                    {k: [asdict(e) for e in v] for k, v in value.items()}
                    if isinstance(value, dict)
                    else [asdict(e) for e in value]
                )
                for key, value in self.evidence.items()
            },
            "warnings": self.warnings,
        }


def office_warning(capital_not_named: bool, seat_is_capital: bool) -> str:
    """The warning for a place inferred from an office (a ministry, "the capital"): one whole
    sentence per case, so that translators translate sentences, not their pieces."""
    if capital_not_named and seat_is_capital:
        return gettext_noop(
            "No city named: the meeting was at the host's capital, not named, so the host's "
            "capital is proposed. Check it."
        )
    if capital_not_named:
        return gettext_noop(
            "No city named: the meeting was at the host's capital, not named, so the host's "
            "city of the dateline is proposed. Check it."
        )
    if seat_is_capital:
        return gettext_noop(
            "No city named: the meeting was at the host's ministry, so the host's capital is "
            "proposed. Check it."
        )
    return gettext_noop(
        "No city named: the meeting was at the host's ministry, so the host's city of the "
        "dateline is proposed. Check it."
    )


class Extraction:
    """One run of the pipeline over one article."""

    def __init__(self, article: Article, gazetteer: Gazetteer):
        self.article = article
        self.gazetteer = gazetteer
        self.document = Document.from_text(article.text)
        self.words = [token.text for token in self.document.tokens]
        self.language = article.language
        self.not_a_meeting = False  # a phone call or a multilateral gathering
        self.set_aside: set[str] = set()  # countries only of other meetings
        self.sentence_starts: list[int] | None = None
        self.earlier_sentences: dict[int, bool] = {}
        self.draft = Draft(
            language=self.language,
            title=article.title,
            author=article.author,
            published=article.published,
            url=article.url,
            text=article.text,
        )

    @functools.cached_property
    def sidelines(self) -> list[Match]:
        return SIDELINES.find(self.document)

    @functools.cached_property
    def dateline(self) -> tuple[int, int]:
        return dateline_span(self.document)

    @functools.cached_property
    def dated_dateline(self) -> tuple[int, int]:
        """The dateline with a readout's date before its place ("October 30, 2026 - X -")."""
        return dateline_span(self.document, with_date=True)

    @functools.cached_property
    def venues_named(self) -> list[Match]:
        """The palaces and ministries the archive knows, named in the text: found once."""
        return venues().find(self.document)

    @functools.cached_property
    def vague_times(self) -> list[Match]:
        """Vague times ("last week", "la semaine dernière"): found once, asked of every city."""
        return VAGUE_TIME.find(self.document)

    def evidence(self, start: int, end: int, note: str = "") -> Evidence:
        first, last = self.document.original_span(start, end)
        return Evidence(first, last, self.document.text[first:last], note)

    def run(self) -> Draft:
        self.finder = finder = PeopleFinder(self.document, self.gazetteer)
        self.find_outlet()
        self.find_credit()
        self.find_date()
        self.demonym_ends = {match.end for match in finder.demonyms.values()}
        mentions = finder.mentions()
        # Words of a title ("State Secretary for Asylum") are not what the meeting is about.
        self.title_words = {
            position
            for mention in mentions
            if mention.title_span
            for position in range(*mention.title_span)
        }
        participants, nameless = participants_from(mentions, self.gazetteer, self.draft.date)
        self.wire_over_official_title(participants)
        self.apply_source_country(participants, nameless)
        self.person_positions = positions_of(participants, nameless)
        self.name_positions = {
            position
            for mention in mentions
            if mention.name_span
            for position in range(*mention.name_span)
        }
        self.find_countries(finder, participants, nameless)
        self.complete_sides(participants)
        # Who received whom, read again with the countries the sides completed.
        self.person_positions = positions_of(participants, nameless)
        self.find_place()
        if self.side_from_place(participants) and self.office is not None:
            # The host's side, now known, owns the office where they met: its seat over a
            # city of that side named in passing further on.
            draft = self.draft
            before = (
                draft.place,
                draft.place_name,
                draft.host_country,
                draft.evidence.get("place"),
            )
            warnings = list(draft.warnings)
            self.find_place()
            if draft.place is None or draft.host_country != before[2]:
                draft.place, draft.place_name, draft.host_country, draft.evidence["place"] = before
                draft.warnings = warnings
            else:
                draft.warnings = warnings + [w for w in draft.warnings if w not in warnings]
        self.side_from_statement(participants)
        self.find_topics()
        self.draft.ministers = [self.suggestion(p) for p in participants]
        self.draft.ministers.sort(key=lambda m: (m.role != "lead", m.country or ""))
        self.posts_of_counterparts()
        return self.draft

    def posts_of_counterparts(self) -> None:
        """ "His Italian counterpart Matteo Piantedosi" holds the post of the other side's
        minister: propose that post rather than the word "counterpart"."""
        for minister in self.draft.ministers:
            words = minister.post.split()
            if not words or not any(
                form.startswith(("نظير", "homologue", "counterpart"))
                for form, _ in word_forms(normalize(words[0]))
            ):
                continue
            other = next(
                (
                    m
                    for m in self.draft.ministers
                    if m.role == "lead"
                    and m.country != minister.country
                    and m.post
                    and not normalize(m.post).startswith(("نظير", "homologue", "counterpart"))
                ),
                None,
            )
            if other:
                minister.post = other.post
                minister.portfolio = minister.portfolio or other.portfolio

    # 1. Outlet: given, in the HTML, or named in the byline at the top of the text.
    def find_outlet(self) -> None:
        outlet = self.gazetteer.outlet_named(self.article.outlet, self.article.url)
        if (
            outlet
            and outlet.domain
            and self.article.url
            and not on_domain(self.article.url, outlet.domain)
        ):
            # The page names its site as a known outlet does ("الصباح"), but is on another
            # domain (a namesake of another country): the site's own domain decides.
            outlet = self.gazetteer.outlet_named(None, self.article.url)
        if outlet is None and not self.article.outlet:
            # No outlet named: perhaps the byline names one ("بغداد / الصباح الجديد" names
            # an outlet the archive does not know, not "الصباح": only when none is given).
            top = Document.from_text(self.article.text[:400])
            matches = self.gazetteer.outlet_bylines.find(top)
            if matches:
                outlet = self.gazetteer.outlet_named(matches[0].payload)
            if outlet and self.article.url and not on_domain(self.article.url, outlet.domain):
                # The page is on another site: the byline's name is a namesake's ("الصباح"
                # of a paper whose site is not the archive's outlet's); the site decides.
                outlet = None
        self.outlet_country = outlet.country if outlet else None
        # An international agency (AFP, Reuters, ANSA, EFE...) reports from every country:
        # its own is no hint of where a meeting took place.
        self.reports_from_anywhere = bool(outlet) and is_international_agency(
            outlet.name, outlet.name_ar
        )
        self.draft.outlet = outlet.name if outlet else self.article.outlet
        if outlet is None and self.article.outlet:
            # An outlet the archive does not know: an agency by its name ("SPA", "KUNA"),
            # or a paper named after its country or city ("Rabat Éco", "الشروق الجزائرية").
            agencies = agency_named(self.article.outlet)
            if agencies:
                agency = self.choose_agency(agencies)
                self.outlet_country = agency.country
                self.reports_from_anywhere = agency.country is None
            else:
                self.outlet_country = self.country_in_name(self.article.outlet)
        if outlet is None and self.outlet_country is None and self.article.url:
            self.outlet_country = country_of_domain(
                self.article.url, self.gazetteer
            ) or country_in_site_name(self.article.url, self.gazetteer)

    def country_in_name(self, name: str) -> str | None:
        """The one country a name names, by a country, a demonym or a city."""
        document = Document.from_text(name)
        countries = self.gazetteer.find_country_names(document)
        codes = {match.payload for match in countries}
        codes |= {match.payload for match in self.gazetteer.demonyms.find(document)}
        for match in self.gazetteer.city_names.find(document):  # "Lisbon Wire": a city
            codes.add(self.gazetteer.city_by_slug[match.payload].country)
        return codes.pop() if len(codes) == 1 else None

    def dateline_country(self) -> str | None:
        """The country of the dateline's city, or the country it names ("الجزائر -")."""
        start, end = self.dateline
        for match in self.finder.city_matches:
            if start <= match.start and match.end <= end:
                return self.gazetteer.city_by_slug[match.payload].country
        for match in self.finder.country_names.values():
            if start <= match.start and match.end <= end:
                return match.payload
        return None

    def choose_agency(self, agencies: list[Agency]) -> Agency:
        """Of agencies with the same name (APS: Algeria's and Senegal's), the one of the
        dateline's country, else of the country the article names most, else the first."""
        if len(agencies) == 1:
            return agencies[0]
        home = self.dateline_country()
        for agency in agencies:
            if agency.country and agency.country == home:
                return agency
        # A wire from a third country's capital, in a national paper: the paper's own
        # country's agency ("NOUAKCHOTT (APS)" in a Senegalese daily is Senegal's APS).
        outlet = getattr(self, "outlet_country", None)
        for agency in agencies:
            if agency.country and agency.country == outlet:
                return agency
        named = Counter(
            match.payload
            for table in (self.finder.country_names, self.finder.demonyms)
            for match in table.values()
        )
        return max(agencies, key=lambda agency: named[agency.country] if agency.country else 0)

    # 1b. A national agency credited in the dateline or the text ("الرياض (واس) -",
    # "(MAP)", "selon l'APS"): its country is one side, and outweighs the outlet's,
    # which may only be relaying the wire.
    def find_credit(self) -> None:
        national = [m for m in credited_agencies(self.document) if m.payload.country]
        self.credit = None
        if national:
            first = national[0]
            same = [m for m in national if (m.start, m.end) == (first.start, first.end)]
            agency = self.choose_agency([match.payload for match in same])
            self.credit = next(match for match in same if match.payload is agency)
        home = self.dateline_country()
        if (
            self.credit
            and self.credit.payload.is_short
            and self.outlet_country
            and home == self.outlet_country != self.credit.payload.country
        ):
            # "Taipei, Feb. 3 (CNA)" on a Taiwanese site: the dateline and the outlet agree
            # on a country; the abbreviation is that country's agency, a namesake of the one
            # the archive knows (Cyprus's CNA).
            self.credit = None
        self.source_country = self.credit.payload.country if self.credit else self.outlet_country

    # 6. Date.
    def find_date(self) -> None:
        published = self.article.published
        candidates = find_dates(self.document, self.language, published)
        chosen = choose_date(candidates, self.document, published)
        self.date_candidates, self.chosen_date = candidates, chosen
        vague = self.vague_times
        if chosen and chosen.how == "relative":
            # "last week" beside "today" ("اليوم" is also "nowadays"): no day is given. A
            # vague time after the sentence of "yesterday" is another event's ("had met last
            # week", "travels on to Tonga later this week").
            sentence_end = self.sentence_around(chosen.start)[1]
            vague = [match for match in vague if match.start < sentence_end]
        if chosen and not (vague and chosen.how == "relative"):
            self.draft.date, self.draft.date_precision = chosen.date, chosen.precision
            if published and chosen.date > published:
                # Every date the article gives is to come: it announces the meeting.
                self.draft.announcement = True
                self.draft.warnings.append(
                    gettext_noop(
                        "This article announces a meeting that had not taken place when it was "
                        "published: check that it did before publishing it."
                    )
                )
            self.draft.evidence["date"] = [self.evidence(chosen.start, chosen.end, chosen.how)]
        elif vague:
            # "last week": no day can be given, and guessing one would mislead.
            self.draft.evidence["date"] = [self.evidence(vague[0].start, vague[0].end, "vague")]
            self.draft.warnings.append(
                gettext_noop("The article does not say on which day the meeting was.")
            )
        elif published:
            self.draft.date, self.draft.date_precision = published, "day"
            self.draft.evidence["date"] = []
            self.draft.warnings.append(
                gettext_noop("No date in the text: the publication date is proposed. Check it.")
            )
        else:
            self.draft.warnings.append(
                gettext_noop("No date found, and no publication date was given.")
            )

    # 5. An unqualified minister in a national outlet or agency wire is that country's.
    def apply_source_country(self, participants: list[Participant], nameless) -> None:
        if not self.source_country:
            self.apply_dateline_country(participants, nameless)
            return
        reason = "agency" if self.credit else "outlet"
        unqualified = [
            participant
            for participant in participants
            if participant.country is None
            and not participant.accompanying
            and any(mention.head for mention in participant.mentions)
        ]
        self.held_back = None
        # An outlet's, not a wire's (whose long official names give more people than two),
        # and only when a demonym names another country ("son homologue français").
        foreign = any(
            match.payload != self.source_country for match in self.finder.demonyms.values()
        )
        if (
            len(unqualified) == 2
            and not self.credit
            and foreign
            and all(p.country in (None, self.source_country) for p in participants)
        ):
            # Both ministers by title only, the other side by a demonym elsewhere ("X reçu
            # par son homologue français, ministre de la Justice, Y"): the outlet's own
            # minister is the one it names first; the second is the other side's, given by
            # complete_sides (or the outlet's after all, when no other side is found).
            self.held_back = unqualified[1]
        for participant in participants:
            described = any(mention.head for mention in participant.mentions)
            if participant.country is None and described and participant is not self.held_back:
                participant.country = self.source_country
                participant.country_reason = reason
        for mention in nameless:
            if mention.country is None and not mention.counterpart and mention.head:
                mention.country = self.source_country
                mention.country_span = mention.head

    def wire_over_official_title(self, participants: list[Participant]) -> None:
        """A title only one country is known to use ("وزير الخارجية وشؤون المغتربين") gave a
        minister a country that the article names nowhere else, in a wire of another country
        (its agency credited, or its dateline when no outlet is given: "عدن - سبأ:"): the
        wire names its own minister by his title, as wires do; a foreign minister would be
        given his nationality. Another country may use the same words: the wire's wins."""
        if self.credit:
            home = self.credit.payload.country
        elif not self.source_country:
            home = self.dateline_country()
        else:
            return
        if not home:
            return
        titles = {(match.start, match.end) for match in self.finder.official_titles}
        if any(
            p.country == home and any(m.country_span not in titles for m in p.mentions)
            for p in participants
        ):
            return
        named = {
            match.payload
            for table in (self.finder.demonyms, self.finder.country_names)
            for match in table.values()
            if (match.start, match.end) not in titles
        }
        by_title = [
            p
            for p in participants
            if p.country
            and p.country != home
            and p.country not in named
            and not p.accompanying
            and all(m.country_span in titles for m in p.mentions if m.country)
        ]
        if len(by_title) != 1:
            return
        participant = by_title[0]
        participant.country = home
        participant.country_reason = "agency" if self.credit else "dateline"
        for mention in participant.mentions:
            if mention.country:
                mention.country = home

    def dateline_is_a_gathering(self) -> bool:
        """ "BANGKOK - ... met X in the Thai capital Bangkok, on the sidelines of the annual
        meetings": the wire is filed from a gathering abroad, its city named again beside
        the sidelines; the city's country is the gathering's host, not a side."""
        start, end = self.dateline
        sidelines = [match.start for match in self.sidelines if match.start < 60]
        cities = {
            match.payload
            for match in self.finder.city_matches
            if start <= match.start and match.end <= end
        }
        return bool(sidelines) and any(
            match.payload in cities
            and not start <= match.start < end
            and any(abs(match.start - position) < 20 for position in sidelines)
            for match in self.finder.city_matches
        )

    def apply_dateline_country(self, participants: list[Participant], nameless) -> None:
        """No outlet or agency gives a country, but the wire's dateline names a city ("ANKARA
        -", "أنقرة/", "DAKAR, 3 mars"): a minister it names by title alone ("Foreign Minister
        X", "وزير الخارجية X", "le ministre des Affaires étrangères X") is of the country the
        wire was filed from, as a wire names its own country's ministers. Not when another
        minister is of that country: then the dateline is the guest's hosts."""
        home = self.dateline_country()
        if not home or self.dateline_is_a_gathering():
            return
        given = {p.country for p in participants if p.country}
        given |= {m.country for m in nameless if m.country}
        if home in given:
            return
        unqualified = [
            p
            for p in participants
            if p.country is None
            and not p.accompanying
            and any(mention.head and not mention.counterpart for mention in p.mentions)
        ]
        if len(unqualified) != 1 or not given:
            return
        unqualified[0].country = home
        unqualified[0].country_reason = "dateline"

    # 3. Countries: people and counterparts first, then demonyms and names.
    def find_countries(self, finder: PeopleFinder, participants, nameless) -> None:
        # A counterpart with a nationality or a name ("نظيره الإيطالي"), not "their counterparts".
        self.counterpart_relation = any(
            mention.counterpart and (mention.country or mention.name)
            for mention in [*nameless, *(m for p in participants for m in p.mentions)]
        )
        names_read_as_demonyms = set()
        for mention in nameless:
            if self.demonym_of_a_name(mention):
                names_read_as_demonyms.add(mention.country_span)
                mention.country = mention.country_span = None
        self.lead = lead = self.lead_sentence(participants, nameless)
        named = [
            (mention.head or mention.name_span)[0]
            for mention in [*nameless, *(m for p in participants for m in p.mentions)]
            if mention.head or mention.name_span
        ]
        self.first_person = min(named) if named else None
        self.share_demonyms(finder, participants, nameless)
        scores: Counter[str] = Counter()
        spans: dict[str, list[Evidence]] = defaultdict(list)
        strong: set[str] = set()
        used_spans: set[tuple[int, int]] = set(names_read_as_demonyms)
        for participant in participants:
            if not participant.country:
                continue
            if all(self.earlier_event((m.head or m.name_span)[0]) for m in participant.mentions):
                # Met before, in another event ("had received Australia's minister in
                # February"): not a side of this meeting.
                scores[participant.country] += 0.5
                continue
            first = participant.mentions[0]
            position = (first.head or first.name_span)[0]
            later = in_future(self.document, position)
            if participant.accompanying or (later and not self.draft.announcement):
                # Accompanying, or to be met later ("he is expected in Oslo to meet...").
                scores[participant.country] += 3
            else:
                scores[participant.country] += 6
                if lead[0] <= position < lead[1]:
                    # Named in the sentence that reports the meeting: one of the two who
                    # met, more than a minister of a third country named further on.
                    scores[participant.country] += 4
            strong.add(participant.country)
            mention = participant.mentions[0]
            span = mention.country_span or mention.name_span
            if span:
                spans[participant.country].append(self.evidence(*span, "person"))
            for each in participant.mentions:
                if each.country_span:
                    used_spans.add(each.country_span)
        for mention in nameless:
            if mention.country and mention.head and self.earlier_event(mention.head[0]):
                scores[mention.country] += 0.5
            elif (
                mention.country
                and mention.head
                and not self.draft.announcement
                and self.to_come(mention.head[0])
            ):
                # A counterpart of a visit still to come ("elle doit se rendre en Guinée
                # équatoriale, où elle sera reçue par son homologue équato-guinéen"): no side
                # of the meeting reported.
                scores[mention.country] += 0.5
            elif mention.country:
                scores[mention.country] += 4 if mention.counterpart else 3
                strong.add(mention.country)
                spans[mention.country].append(self.evidence(*mention.country_span, "title"))
                used_spans.add(mention.country_span)
        for match in [*self.paired_demonyms(finder), *self.paired_names(finder)]:
            # "الوزيران المغربي والبرتغالي", "les ministres marocain et portugais"; "les
            # ministres des Affaires étrangères du Niger et du Tchad se sont rencontrés".
            scores[match.payload] += 4
            strong.add(match.payload)
            spans[match.payload].append(self.evidence(match.start, match.end, "demonym"))
            used_spans.add((match.start, match.end))
        total = max(len(self.words), 1)
        for table, weight, note in (
            (finder.demonyms, 1.5, "demonym"),
            (finder.country_names, 1.0, "name"),
        ):
            mentions_of: Counter[str] = Counter()
            for match in table.values():
                if (match.start, match.end) in used_spans:
                    continue
                if mentions_of[match.payload] >= 3:
                    continue
                mentions_of[match.payload] += 1
                if self.earlier_event(match.start):
                    scores[match.payload] += 0.25  # named in the story of an earlier event
                    continue
                if self.on_a_border(match):
                    # "the Thai-Cambodian border situation", "la frontière algéro-malienne",
                    # "الحدود مع مالي": a border is a subject of the talks, not a side.
                    scores[match.payload] += 0.25
                    continue
                if note == "demonym" and self.capital_of_a_demonym(match):
                    # "في العاصمة التايلاندية بانكوك", "in the Thai capital": a place.
                    scores[match.payload] += 0.25
                    continue
                if note == "name" and self.is_place_phrase(match):
                    # "la crise au Soudan", "in Libya": where something is, not who met.
                    scores[match.payload] += 0.25
                    continue
                bonus = 0.5 if match.start < total * 0.2 else 0.0
                scores[match.payload] += weight + bonus
                spans[match.payload].append(self.evidence(match.start, match.end, note))
        # A capital named outside a place phrase stands for its country: "Rabat and Madrid agreed".
        for match in finder.city_matches:
            city = self.gazetteer.city_by_slug[match.payload]
            if city.is_capital and not self.is_place_phrase(match):
                scores[city.country] += 0.75
        self.country_scores = scores
        ranked = [code for code, _ in scores.most_common()]
        chosen = [code for code in ranked if code in strong][:2]
        self.in_lead = in_lead = self.countries_in_lead(participants, nameless)
        if len(in_lead) == 2:
            # The sentence that reports the meeting names two countries' ministers: they
            # are the sides, whoever else the article names more often.
            chosen = sorted(in_lead, key=lambda code: -scores[code])
        # Not two countries whose ministers were met in another meeting the article adds
        # ("He also met separately with the foreign ministers of Brazil and Chile").
        pairs = {
            match.payload
            for match in self.paired_names(finder)
            if not self.another_meeting(match.start)
        }
        if len(pairs) == 2 and len(in_lead) != 2:
            # "Chile's and Peru's foreign ministers met": the two countries joined are the
            # sides, more than a third country's minister who hosted or mediated.
            chosen = sorted(pairs, key=lambda code: -scores[code])
        if len(chosen) == 1 and (self.counterpart_relation or lead != (0, 0)):
            chosen = self.named_other_side(chosen, ranked, scores, spans)
        if len(chosen) == 1 and self.source_country and self.source_country not in chosen:
            # "X received his Emirati counterpart" in a Moroccan outlet or a MAP wire: X is
            # Moroccan, though named without a title.
            counterparts = [
                m
                for m in [*nameless, *(m for p in participants for m in p.mentions)]
                if m.counterpart and m.country == chosen[0]
            ]
            if (
                counterparts
                or any(p.country is None for p in participants)
                or names_read_as_demonyms  # "سالم بن علي الإيطالي وزير الدولة": home side
            ):
                chosen.append(self.source_country)
                for participant in participants:
                    if participant.country is None and not participant.accompanying:
                        participant.country = self.source_country
                        participant.country_reason = "agency" if self.credit else "outlet"
                if self.credit:
                    spans[self.source_country].append(
                        self.evidence(self.credit.start, self.credit.end, "agency")
                    )
        if len(chosen) == 2 and len(in_lead) == 1:
            chosen = self.without_other_meetings(chosen, participants, nameless)
            if len(chosen) == 1:
                # "the Kuwaiti and Iraqi sides agreed": the side joined to the one known.
                paired = [match.payload for match in self.paired_demonyms(finder)]
                pairs = [set(paired[index : index + 2]) for index in range(0, len(paired), 2)]
                joined = {code for pair in pairs if chosen[0] in pair for code in pair}
                joined.discard(chosen[0])
                if len(joined) == 1:
                    chosen.append(joined.pop())
            if len(chosen) == 1 and any(
                p.country is None and not p.accompanying for p in participants
            ):
                # The country set aside was a minister's of another meeting; the one of no
                # country given is of a country the article names on its own ("le réseau
                # algérien"), as when no other minister is named.
                chosen = self.named_other_side(
                    chosen, [c for c in ranked if c not in self.set_aside], scores, spans
                )
        if len(chosen) == 1:
            # "X a reçu le ministre polonais, en visite en Tunisie": the country visited is
            # the side of the host whose country is given nowhere else.
            hosts = [p for p in participants if p.country is None and not p.accompanying]
            visited = self.visit_destination(chosen[0]) if len(hosts) == 1 else None
            if visited:
                chosen.append(visited)
                hosts[0].country, hosts[0].country_reason = visited, "visit"
                spans[visited].append(self.evidence(*visited_at(visited, finder), "visit"))
            home = self.home_returned_to(chosen[0]) if len(hosts) == 1 and not visited else None
            if home:
                # "X held talks with Angola's minister ... She returns to Pretoria on
                # Saturday": the minister of no country given goes home to the other side.
                code, start, end = home
                chosen.append(code)
                hosts[0].country, hosts[0].country_reason = code, "returns home"
                spans[code].append(self.evidence(start, end, "returns home"))
        if len(chosen) == 2 and self.looks_multilateral(strong, scores, chosen):
            chosen = self.no_meeting(
                gettext_noop(
                    "More than two countries take part: this looks like a multilateral meeting."
                ),
                gathering=True,
            )
        self.draft.candidate_countries = ranked[:6]
        if chosen and self.gathering_of_several(scores, chosen):
            chosen = self.no_meeting(
                gettext_noop(
                    "More than two countries take part: this looks like a multilateral meeting."
                ),
                gathering=True,
            )
        if chosen and self.on_a_panel():
            chosen = self.no_meeting(
                gettext_noop(
                    "The ministers took part in a panel of a forum: speaking side by side is not "
                    "a meeting."
                )
            )
        if chosen and self.called_off(chosen):
            chosen = self.no_meeting(
                gettext_noop("The meeting was postponed or cancelled: it did not take place.")
            )
        if chosen and self.questions_of_parliament():
            chosen = self.no_meeting(
                gettext_noop(
                    "A minister answered members of a parliament's questions in its sitting: not a "
                    "meeting of two countries' ministers."
                )
            )
        if chosen and self.message_sent():
            chosen = self.no_meeting(
                gettext_noop(
                    "A message was sent (of congratulations, of condolences; a written question to "
                    "a minister): a message is not a meeting."
                )
            )
        if not self.not_a_meeting and self.party_not_a_minister():
            chosen = self.no_meeting(
                gettext_noop(
                    "One party is not a minister of a country (an official below minister, the "
                    "head of an organisation): not a ministerial meeting."
                )
            )
        if not self.not_a_meeting and self.remarks_only():
            chosen = self.no_meeting(
                gettext_noop(
                    "A minister answered another's remarks (a press conference, an interview): "
                    "they did not meet."
                )
            )
        if chosen and self.diaspora_met():
            chosen = self.no_meeting(
                gettext_noop(
                    "A minister met his country's community abroad, not another country's "
                    "minister: not a ministerial meeting."
                )
            )
        if chosen and self.denied():
            chosen = self.no_meeting(
                gettext_noop("The article reports that a meeting is denied: it did not take place.")
            )
        if chosen and self.of_another_time():
            chosen = self.no_meeting(
                gettext_noop(
                    "The ministers named are of another time (former, late, 'the then'): the "
                    "article recalls meetings, it does not report one."
                )
            )
        if chosen and self.joint_column():
            chosen = self.no_meeting(
                gettext_noop("Two ministers signed a column together: a column is not a meeting.")
            )
        if chosen and self.credentials_handed():
            chosen = self.no_meeting(
                gettext_noop(
                    "A minister received a copy of an ambassador's credentials: an audience is not "
                    "a ministerial meeting."
                )
            )
        if chosen and self.cabinet_session():
            chosen = self.no_meeting(
                gettext_noop(
                    "The article reports a cabinet's session and its decisions, not a meeting of "
                    "two countries' ministers."
                )
            )
        if chosen and self.opinion_column():
            chosen = self.no_meeting(
                gettext_noop(
                    "This is an opinion column, signed by ministers: not the report of a meeting."
                )
            )
        members = self.ambassadors_received(participants, nameless, PARLIAMENTARIANS)
        # Also when no country was chosen: the audience's day is no meeting's.
        if members and (members.intersection(chosen) or len(chosen) < 2):
            chosen = self.no_meeting(
                gettext_noop(
                    "The minister received members of a parliament, not a minister: an audience "
                    "is not a ministerial meeting."
                )
            )
        envoys = self.ambassadors_received(participants, nameless)
        if envoys and (envoys.intersection(chosen) or len(chosen) < 2):
            chosen = self.no_meeting(
                gettext_noop(
                    "The minister received an ambassador, not a minister: an audience is not a "
                    "ministerial meeting."
                )
            )
        if chosen and self.head_of_state_audience():
            chosen = self.no_meeting(
                gettext_noop(
                    "A head of state received the minister: an audience is not a ministerial "
                    "meeting."
                )
            )
        if not self.not_a_meeting and self.officials_met():
            chosen = self.no_meeting(
                gettext_noop(
                    "The officials who met are not ministers (governors, chiefs of staff, heads of "
                    "companies): not a ministerial meeting."
                )
            )
        if not self.not_a_meeting and self.honour_conferred(participants):
            chosen = self.no_meeting(
                gettext_noop(
                    "A minister received an honour from a university (an honorary doctorate): a "
                    "ceremony is not a ministerial meeting."
                )
            )
        if chosen and self.one_government_prepares():
            chosen = self.no_meeting(
                gettext_noop(
                    "The ministers of one government prepared a meeting with another country, "
                    "whose ministers were not there: not a ministerial meeting."
                )
            )
        if chosen and self.is_phone_call():
            chosen = self.no_meeting(gettext_noop("This reports a phone call, not a meeting."))
        elif len(chosen) == 1 and self.other_side_unknown(participants, nameless):
            # One side is clear, the other is not named: better to propose the one.
            self.draft.warnings.append(
                EditorNote(
                    gettext_noop(
                        "Only one side is clear (%(country)s): the other country could not be "
                        "identified. Choose it."
                    ),
                    country=chosen[0],
                )
            )
        elif len(chosen) < 2 and lead == (0, 0) and not self.not_a_meeting and not self.says_met():
            # No sentence names a minister and says they met, and no sentence says that
            # ministers met (a twinning, an airlift, a visa decision): no meeting, nor its
            # date. "The foreign ministers of Morocco and Jordan met" keeps its date and place.
            chosen = self.no_meeting(
                gettext_noop("No bilateral meeting found: no sentence says that ministers met.")
            )
        elif len(chosen) < 2 and self.interview_told():
            chosen = self.no_meeting(
                gettext_noop(
                    "The article reports what a minister said in an interview or to the press, "
                    "and no meeting: no meeting's date either."
                )
            )
        elif len(chosen) < 2 and self.diaspora_met():
            chosen = self.no_meeting(
                gettext_noop(
                    "A minister met his country's community abroad, not another country's "
                    "minister: not a ministerial meeting."
                )
            )
        elif len(chosen) < 2 and self.one_government_prepares():
            chosen = self.no_meeting(
                gettext_noop(
                    "The ministers of one government prepared a meeting with another country, "
                    "whose ministers were not there: not a ministerial meeting."
                )
            )
        elif len(chosen) < 2 and self.only_former_ministers():
            chosen = self.no_meeting(
                gettext_noop(
                    "The ministers named are former ministers, no minister in office: no "
                    "meeting of two countries' ministers, nor its date."
                )
            )
        elif len(chosen) < 2:
            chosen = []
            self.draft.warnings.append(
                gettext_noop(
                    "No bilateral meeting found: fewer than two countries could be identified."
                )
            )
        elif not any(form in MEETING_WORDS for word in self.words for form, _ in word_forms(word)):
            self.draft.warnings.append(
                gettext_noop("The article does not say that a meeting took place.")
            )
        self.draft.countries = sorted(chosen)
        self.draft.evidence["countries"] = {code: spans[code][:3] for code in chosen}

    def capital_of_a_demonym(self, match: Match) -> bool:
        """A demonym that qualifies a capital ("العاصمة التايلاندية", "la capitale
        thaïlandaise", "the Thai capital"): where the meeting is, not who met."""
        before = self.words[match.start - 1] if match.start else ""
        after = self.words[match.end] if match.end < len(self.words) else ""
        return any(
            form in {"العاصمه", "العاصمة", "capitale"} for form, _ in word_forms(before)
        ) or (after == "capital")

    def home_returned_to(self, side: str) -> tuple[str, int, int] | None:
        """The one country, other than the side known, that a minister returns to after the
        meeting ("she returns to Pretoria", "avant de regagner le Maroc", "يعود إلى الرباط"):
        the city or the country right after the words of a return (an article between)."""
        places = {m.start: self.gazetteer.city_by_slug[m.payload].country
                  for m in self.finder.city_matches}  # fmt: skip
        places.update({m.start: m.payload for m in self.finder.country_names.values()})
        found = set()
        where = None
        for match in RETURNS_HOME.find(self.document):
            # "regagner le Maroc", "وتعود الوزيرة إلى تونس": an article, or the minister's
            # word and "إلى", between.
            for start in range(match.end, min(match.end + 3, len(self.words))):
                if start > match.end and self.words[start - 1] not in RETURN_LINKS:
                    continue
                if start in places and places[start] != side:
                    found.add(places[start])
                    where = (start, start + 1)
                    break
        if len(found) != 1 or where is None:
            return None
        return found.pop(), *where

    def visit_destination(self, side: str) -> str | None:
        """The one country the meeting's sentence says a minister is visiting ("en visite en
        Tunisie", "on a working visit to Ghana", "في زيارة إلى تونس"), other than the side
        known, when the meeting's sentence has a word of a meeting or of receiving."""
        start, end = self.lead
        found = set()
        for match in self.finder.country_names.values():
            if match.payload == side or not start + 2 <= match.start < end:
                continue
            previous = self.words[match.start - 1]
            to = previous in {"to", "en", "au", "aux", "الي"} or match.proclitics.endswith("ل")
            before = self.words[max(match.start - 5, start) : match.start - 1]
            if to and any(form in VISIT_WORDS for word in before for form, _ in word_forms(word)):
                found.add(match.payload)
        return found.pop() if len(found) == 1 else None

    def demonym_of_a_name(self, mention) -> bool:
        """ "خالد بن أحمد السويدي وزير الدولة": in Arabic a demonym follows the noun it
        qualifies, so one just before a minister's title ends the name before it (a family
        name, "السويدي", "المصري"), not the title's nationality."""
        if self.language != "ar" or not mention.country_span or not mention.head:
            return False
        start, end = mention.country_span
        if end > mention.head[0] or start == 0:
            return False
        before = self.words[start - 1]
        return (
            before not in MINISTER_WORDS
            and before not in PLURAL_MINISTERS
            and not any(
                form in MINISTER_WORDS or form in COUNTERPART_WORDS
                for form, _ in word_forms(before)
            )
        )

    def named_other_side(self, chosen, ranked, scores, spans) -> list[str]:
        """ "X and his Spanish counterpart": the other side need only be named once. Not
        when no sentence says anyone met and only one country's ministers are named (a
        cabinet's session, "مجلس الحكومة"): a country named in passing is no side."""
        needed = 1.0 if self.counterpart_relation else 2.0
        # A country named only as a place ("rentre de Lusaka, en Zambie", "in Libya") is
        # where something is, not who met: it needs a name or a demonym of its own.
        others = [
            code for code in ranked if code not in chosen and scores[code] >= needed and spans[code]
        ]
        return [*chosen, others[0]] if others else chosen

    def share_demonyms(self, finder: PeopleFinder, participants, nameless) -> None:
        """ "الوزير الكونغولي" in an article about the Republic of the Congo's minister: a
        demonym two countries share is the other's when the article names it as often and
        its minister takes part (knowledge: shared_demonyms.json)."""
        named = Counter(match.payload for match in finder.country_names.values())
        # Ministers whose country the article gives by its name ("وزير المحروقات لجمهورية
        # الكونغو"), not by a demonym.
        by_name = {(m.start, m.end) for m in finder.country_names.values()}
        mentions = [*nameless, *(m for p in participants for m in p.mentions)]
        start, end = self.lead
        # Not a counterpart outside the meeting's sentence: another meeting's ("le ministre
        # congolais, qui s'était arrêté à Brazzaville, ... son homologue de la République du
        # Congo").
        sides = {
            m.country
            for m in mentions
            if m.country
            and m.country_span in by_name
            and not (
                m.counterpart
                and (start, end) != (0, 0)
                and not start <= (m.head or m.name_span or (-1,))[0] < end
            )
        }
        in_lead = {
            m.country
            for m in mentions
            if m.country and start <= (m.head or m.name_span or (-1,))[0] < end
        }
        self.demonyms_named_beside(finder, participants, nameless)
        for owner, others in shared_demonyms().items():
            # Its minister takes part, or the outlet or wire is its own ("dominicanewsonline").
            other = next(
                (code for code in others if code in sides or code == self.source_country), None
            )
            # The wire or outlet of the other country ("Brazzaville (ACI)") reads its own
            # demonym even when it never writes its country's name.
            least = named[owner] if other == self.source_country else max(named[owner], 1)
            if other is None or named[other] < least:
                continue
            if {owner, other} <= in_lead:
                continue  # "le ministre dominicain a reçu son homologue de la Dominique"
            spans = set()
            for start, match in list(finder.demonyms.items()):
                if match.payload == owner:
                    finder.demonyms[start] = Match(match.start, match.end, other, match.proclitics)
                    spans.add((match.start, match.end))
            for mention in [*nameless, *(m for p in participants for m in p.mentions)]:
                if mention.country == owner and mention.country_span in spans:
                    mention.country = other
            for participant in participants:
                given = next((m for m in participant.mentions if m.country), None)
                if participant.country == owner and given and given.country == other:
                    participant.country = other

    def on_a_border(self, match: Match) -> bool:
        """A demonym or a country's name beside a word of a border: "Thai-Cambodian border",
        "frontière algéro-malienne", "الحدود الجزائرية المالية", "the border with Mali"."""
        around = self.words[max(match.start - 3, 0) : match.end + 2]
        return any(form in BORDER_WORDS for word in around for form, _ in word_forms(word))

    def without_other_meetings(self, chosen: list[str], participants, nameless) -> list[str]:
        """The sentence that reports the meeting names one side's minister and one of no
        country given; the other country chosen is only of ministers met in another meeting
        the article adds ("He also held talks with Qatar's prime minister", "Il s'est
        également entretenu avec...", "كما التقى ...": the host of a forum, say) or to be met
        later ("he will meet...", "il rencontrera...", "سيلتقي..."). It is no side: better one
        side and the other unknown."""
        start, end = self.lead
        unknown = [
            p
            for p in participants
            if p.country is None
            and not p.accompanying
            and start <= (p.mentions[0].head or p.mentions[0].name_span)[0] < end
        ]
        if not unknown:
            return chosen
        other = next(code for code in chosen if code not in self.in_lead)
        positions = [
            (m.head or m.name_span)[0]
            for p in participants
            if p.country == other
            for m in p.mentions
        ]
        positions += [m.head[0] for m in nameless if m.country == other and m.head]
        later = [] if self.draft.announcement else positions
        if any(start <= match.start < end for match in self.sidelines) and all(
            not start <= position < end for position in positions
        ):
            # "met X on the sidelines of a forum in Manama": the forum's host, whose
            # minister the article names elsewhere, is not the other side.
            hosts = {
                self.gazetteer.city_by_slug[match.payload].country
                for match in self.finder.city_matches
                if start <= match.start < end
            }
            if other in hosts:
                self.set_aside.add(other)
                return [code for code in chosen if code != other]
        if positions and all(
            self.another_meeting(position) or (position in later and self.to_come(position))
            for position in positions
        ):
            self.set_aside.add(other)
            return [code for code in chosen if code != other]
        return chosen

    def to_come(self, position: int) -> bool:
        """A minister to be met later, outside the meeting's sentence: "is due in Ottawa on
        Thursday, where he will meet..."."""
        start, end = self.sentence_around(position)
        return not (start < self.lead[1] and self.lead[0] < end) and in_future(
            self.document, position
        )

    def another_meeting(self, position: int) -> bool:
        """Token ``position`` is in a sentence, not the meeting's, that adds another meeting:
        a word of a meeting and "also" ("also held talks", "s'est également entretenu",
        "كما التقى", "par ailleurs", "في سياق آخر")."""
        start, end = self.sentence_around(position)
        if start < self.lead[1] and self.lead[0] < end:
            return False
        forms = {form for word in self.words[start:end] for form, _ in word_forms(word)}
        return bool(forms & ALSO_WORDS) and bool(forms & MEETING_WORDS)

    def demonyms_named_beside(self, finder: PeopleFinder, participants, nameless) -> None:
        """A shared demonym with the other country's name a few words on, in the same
        sentence, is that country's: "وزير ... والكونغوليين في الخارج بجمهورية الكونغو",
        "ministre ... des Congolais de l'étranger de la République du Congo", "minister of
        ... Congolese Abroad of the Republic of the Congo"."""
        names = sorted(finder.country_names.values(), key=lambda match: match.start)
        for owner, others in shared_demonyms().items():
            for start, match in list(finder.demonyms.items()):
                if match.payload != owner:
                    continue
                beside = next(
                    (
                        found
                        for found in names
                        if match.end <= found.start <= match.end + 6
                        and self.sentence_around(found.start)[0]
                        == self.sentence_around(match.start)[0]
                    ),
                    None,
                )
                if beside is None or beside.payload not in others:
                    continue
                finder.demonyms[start] = Match(
                    match.start, match.end, beside.payload, match.proclitics
                )
                span = (match.start, match.end)
                for mention in [*nameless, *(m for p in participants for m in p.mentions)]:
                    if mention.country == owner and mention.country_span == span:
                        mention.country = beside.payload
                for participant in participants:
                    given = next((m for m in participant.mentions if m.country), None)
                    if given and given.country_span == span:
                        participant.country = beside.payload

    def countries_in_lead(self, participants, nameless) -> set[str]:
        """The countries of the people named in the sentence that reports the meeting."""
        start, end = self.lead
        found = {
            p.country
            for p in participants
            if p.country
            and not p.accompanying
            and start <= (p.mentions[0].head or p.mentions[0].name_span)[0] < end
        }
        found |= {
            m.country
            for m in nameless
            if m.country and m.head and not m.accompanying and start <= m.head[0] < end
        }
        return found

    def gathering_of_several(self, scores, chosen: list[str]) -> bool:
        """The article says three or more met ("trilateral", "les trois ministres", "his
        counterparts"), names at least three countries, and nothing says two of them met on
        their own (bilateral talks, on the sidelines). Not when the sentence that reports the
        meeting names the two sides' ministers and the words of several are in another
        sentence: they tell of something else ("the quadripartite border agreement", "his
        counterparts of a regional meeting the day before")."""
        several = SEVERAL_SIDES.find(self.document)
        if not several:
            return False
        start, end = self.lead
        if (
            self.lead != (0, 0)
            and len(chosen) == 2
            and set(chosen) == self.in_lead
            and not any(start <= match.start < end for match in several)
        ):
            return False
        if BILATERAL.find(self.document) or self.sidelines:
            return False
        return sum(1 for score in scores.values() if score >= 1) >= 3

    def no_meeting(self, warning: str, gathering: bool = False) -> list[str]:
        """What the article reports is not a meeting of two countries' ministers: no
        countries, and the editor told why. A gathering of many keeps its date (it took
        place, and two of its ministers may have met there)."""
        self.draft.warnings.append(warning)
        self.not_a_meeting = True
        if gathering:
            return []
        # Nor a date of one: the day of a call, an audience or a trip called off would be
        # taken for a meeting's.
        self.draft.date = self.draft.date_precision = None
        self.draft.evidence.pop("date", None)
        self.draft.announcement = False
        self.draft.warnings = [
            w for w in self.draft.warnings if "announces" not in w and "No date" not in w
        ]
        return []

    def says_met(self) -> bool:
        """A sentence has a word of a meeting and a word of ministers ("the foreign ministers
        of Morocco and Jordan met")."""
        start = 0
        for index in range(1, len(self.words) + 1):
            if index < len(self.words) and not sentence_break(self.document, index - 1, index):
                continue
            forms = {form for word in self.words[start:index] for form, _ in word_forms(word)}
            if forms & MEETING_WORDS and forms & MINISTER_WORDS:
                return True
            start = index
        return False

    def interview_told(self) -> bool:
        """The first minister's sentence or the next tells of an interview or remarks ("In
        an interview with the paper at his office, X said"), and no word that ministers met
        comes before it: what the minister said is reported, not a meeting. A minister of
        no country given counts by his name."""
        people = sorted(self.person_positions) or sorted(self.name_positions)
        if not people:
            return False
        start, end = self.sentence_around(people[0])
        if end < len(self.words):
            end = self.sentence_around(end)[1]
        remarks = [m.start for m in REMARKS.find(self.document) if start <= m.start < end]
        if not remarks:
            return False
        return not any(
            form in MET_WORDS for word in self.words[: remarks[0]] for form, _ in word_forms(word)
        )

    def ministers_in_order(self) -> list[int]:
        """Where ministers of a known country are named, in order; when none is, the first
        minister named, of no country given."""
        people = sorted(self.person_positions)
        if not people and self.first_person is not None:
            return [self.first_person]
        return people

    def diaspora_met(self) -> bool:
        """The sentence of the first minister named says he met his country's community
        abroad ("التقى ... بأفراد الجالية", "a rencontré des membres de la communauté"), and
        names no other minister, no counterpart: the only minister is his country's."""
        people = self.ministers_in_order()
        if not people:
            return False
        start, end = self.sentence_around(people[0])
        if any(start <= position < end for position in people[1:]):
            return False
        if any(self.finder.is_counterpart(index) for index in range(start, end)):
            return False
        if any(start <= match.start < end for match in DIASPORA_MET.find(self.document)):
            return True
        ministers = sum(
            1
            for word in self.words[start:end]
            if any(form in MINISTER_WORDS for form, _ in word_forms(word))
        )
        # "le ministre ... a rencontré la ministre dominicaine ... sur les ressortissants
        # haïtiens": a second minister in the sentence is whom he met, the community a topic.
        return ministers < 2 and any(
            start <= position < end for position in self.communities_named()
        )

    def communities_named(self) -> list[int]:
        """Where a country's community is named by its demonym: "الجالية التونسية",
        "ressortissants sénégalais", "the Moroccan community", "مغاربة العالم"."""
        demonyms = self.finder.demonyms
        ends = {match.end: match for match in demonyms.values()}
        found = [
            match.start
            for match in COMMUNITY_BEFORE_DEMONYM.find(self.document)
            if match.end in demonyms
            or (match.end + 1 in demonyms and self.words[match.end] in {"des", "de"})
        ]
        found += [
            ends[match.start].start
            for match in COMMUNITY_AFTER_DEMONYM.find(self.document)
            if match.start in ends
        ]
        return found

    def honour_conferred(self, participants) -> bool:
        """The sentence of the meeting or of the first minister named tells of an honour a
        university conferred ("an honorary doctorate", "doctorat honoris causa", "الدكتوراه
        الفخرية"), and the ministers named are of one country: a ceremony, not a meeting."""
        countries = {p.country for p in participants if p.country}
        return len(countries) <= 1 and self.said_in_first_sentences(HONOUR_CONFERRED)

    def one_government_prepares(self) -> bool:
        """The sentence of the first minister named tells of a preparatory meeting for a
        joint commission ("اجتماعا تحضيريا للجنة المشتركة", "une réunion préparatoire de la
        commission mixte", "a preparatory meeting for the joint committee") and names no
        counterpart: one government prepares a session with the other, which was not there."""
        if self.first_person is None:
            return False
        start, end = self.sentence_around(self.first_person)
        if any(self.finder.is_counterpart(index) for index in range(start, end)):
            return False
        prepares = [m.start for m in PREPARATORY.find(self.document) if start <= m.start < end]
        return bool(prepares) and any(
            prepares[0] < match.start < end for match in JOINT_COMMISSION.find(self.document)
        )

    def only_former_ministers(self) -> bool:
        """No minister in office is named, and the article names former ministers ("deux
        anciens ministres", "former foreign ministers", "وزير الخارجية السابق"): they met
        as private persons; no meeting, nor its date or place."""
        return not self.person_positions and bool(self.former_ministers())

    def officials_met(self) -> bool:
        """The first sentence with a word of a meeting names officials who are not ministers
        (two central bank governors, two chiefs of staff) and no minister: what met were
        they; a minister named further on is no side of it."""
        start = 0
        for index in range(1, len(self.words) + 1):
            if index < len(self.words) and not sentence_break(self.document, index - 1, index):
                continue
            forms = {form for word in self.words[start:index] for form, _ in word_forms(word)}
            if forms & MEETING_WORDS:
                officials = any(
                    start <= match.start < index for match in NOT_A_MINISTER.find(self.document)
                )
                # A minister's sentence further on ("the defence minister is expected to
                # visit") is no meeting of his.
                return (
                    officials
                    and not forms & MINISTER_WORDS
                    and (self.lead == (0, 0) or self.lead[0] >= index)
                )
            start = index
        return False

    def called_off(self, chosen: list[str]) -> bool:
        """The sentence that reports the meeting, or the first one, says it was postponed or
        cancelled ("la visite ... a été reportée", "the talks were called off", "تأجيل"); or
        a side's minister is named only in sentences that say so ("son entretien avec le
        ministre ivoirien a été reporté")."""
        sentences = [self.lead]
        people = sorted(self.person_positions)
        if people:
            sentences.append(self.sentence_around(people[0]))
        if self.first_person is not None:
            # The first minister named, of a country given or not ("وزير الخارجية X" in a
            # paper of his own country): "la visite que devait effectuer le ministre ... a été
            # reportée".
            sentences.append(self.sentence_around(self.first_person))
        found = CALLED_OFF.find(self.document)
        if any(start <= match.start < end for match in found for start, end in sentences):
            return True
        called_off = {self.sentence_around(match.start) for match in found}
        for country in chosen:
            where = [at for at, code in self.person_positions.items() if code == country]
            if where and all(any(start <= at < end for start, end in called_off) for at in where):
                return True
        return False

    def message_sent(self) -> bool:
        """The sentence of the first minister named says a message was sent (a cable of
        congratulations), and no word of a meeting is in it; or that a member of a
        parliament sent him a question (about a visit, a meeting: still a question)."""
        people = self.ministers_in_order()
        if not people:
            return False
        start, end = self.sentence_around(people[0])
        if any(start <= match.start < end for match in QUESTION_SENT.find(self.document)):
            return True
        messages = [m for m in MESSAGE_SENT.find(self.document) if start <= m.start < end]
        if not messages:
            return False
        # "a reçu un message écrit", "received a written message": receiving a message.
        received = {index for m in messages for index in range(m.start - 3, m.start)}
        return not any(
            form in MEETING_WORDS
            for index in range(start, end)
            if index not in received
            for form, _ in word_forms(self.words[index])
        )

    def questions_of_parliament(self) -> bool:
        """The article's first sentence tells of a minister answering members of a
        parliament's questions ("faced questions from senators", "a répondu aux questions des
        députés", "أجاب على أسئلة النواب"), with no word of a meeting in it: a sitting of a
        parliament is no meeting; foreign ministers named further on are contacts to come."""
        start, end = self.sentence_around(0)
        if end - start < 6 and end < len(self.words):  # a dateline line
            start, end = self.sentence_around(end)
        words = self.words[start:end]
        asked = any(
            word in QUESTION_WORDS and MEMBERS_OF_PARLIAMENT.intersection(words[i + 1 : i + 4])
            for i, word in enumerate(words)
        )
        # A parliament's sitting is a "séance", a "جلسة": no meeting of ministers.
        return asked and not any(
            form in MEETING_WORDS and form not in SITTING_WORDS
            for word in words
            for form, _ in word_forms(word)
        )

    def meeting_sentence(self) -> tuple[int, int] | None:
        """The sentence that reports the meeting, else that of the first person named."""
        if self.lead != (0, 0):
            return self.lead
        people = sorted(self.person_positions)
        return self.sentence_around(people[0]) if people else None

    def party_not_a_minister(self) -> bool:
        """The sentence of the meeting names an official below minister or the head of an
        organisation ("مساعد وزير الخارجية", "Director-General", "le directeur régional de
        l'OMS"), and the article up to its end fewer than two ministers: two countries'
        ministers did not meet. A minister, his counterpart (or "the two ministers") and a
        secretary-general beside them still make a meeting."""
        sentence = self.meeting_sentence()
        if not sentence:
            return False
        start, end = sentence
        if start == 0 and end < len(self.words) and self.is_headline(start, end):
            # The headline ("le patron d'Eni reçu par X"): the first sentence under it tells
            # who was received.
            end = self.sentence_around(end)[1]
        spans = [(m.start, m.end) for m in NOT_A_MINISTER.find(self.document)]
        spans += self.former_ministers()
        others = [span for span in spans if start <= span[0] < end]
        if not others:
            return False
        covered = {i for first, last in spans if first < end for i in range(first, last)}
        ministers = 0
        # From the top: two ministers named before the meeting's sentence (which may name a
        # director-general who attended) met.
        last = None
        for index in range(0, end):
            if index in covered:
                continue
            forms = {form for form, _ in word_forms(self.words[index])}
            counted = bool(forms & PLURAL_MINISTER_WORDS) or bool(forms & MINISTER_WORDS)
            if (
                counted
                and last is not None
                and index - last <= 2
                and set(self.words[last + 1 : index]) <= {"and", "et"}
            ):
                # One minister of two posts: "Deputy Prime Minister and Minister of Foreign
                # Affairs", "Premier ministre et ministre de la Défense".
                last = index
                continue
            if forms & PLURAL_MINISTER_WORDS:
                ministers += 2
            elif forms & MINISTER_WORDS or self.finder.is_counterpart(index):
                ministers += 1
            if counted:
                last = index
        return ministers < 2

    def is_headline(self, start: int, end: int) -> bool:
        """Tokens ``start`` to ``end`` are a headline: a short first line with no full stop."""
        first, last = self.document.original_span(start, end)
        line = self.document.text[first:last]
        following = self.document.text[last : last + 2]
        return end - start < 25 and "\n" not in line and not following.startswith((".", "!", "?"))

    def former_ministers(self) -> list[tuple[int, int]]:
        """The words of a former minister's title: "former Indonesian foreign minister",
        "l'ancien ministre des Affaires étrangères", "وزير الخارجية الإندونيسي السابق": from
        "former" to the minister's word three words on at most (in Arabic, from the minister's
        word to "السابق" four words on)."""
        spans = []
        for index, word in enumerate(self.words):
            if word in FORMER_WORDS:
                for after in range(index + 1, min(index + 5, len(self.words))):
                    if self.words[after] in MINISTER_WORDS or self.finder.is_counterpart(after):
                        spans.append((index, after + 1))
                        break
            elif word in FORMER_WORDS_AFTER:
                for before in range(index - 1, max(index - 6, -1), -1):
                    if self.words[before] in MINISTER_WORDS:
                        spans.append((before, index + 1))
                        break
        return spans

    def joint_column(self) -> bool:
        """The sentence of the meeting or of the first minister named tells of a column two
        ministers signed together ("une tribune commune", "a joint op-ed", "مقال مشترك")."""
        return self.said_in_first_sentences(JOINT_COLUMN)

    def credentials_handed(self) -> bool:
        """A copy of an ambassador's credentials handed to a minister: an audience."""
        return self.said_in_first_sentences(CREDENTIALS)

    def said_in_first_sentences(self, matcher: PhraseMatcher) -> bool:
        sentences = [self.lead] if self.lead != (0, 0) else []
        if self.first_person is not None:
            sentences.append(self.sentence_around(self.first_person))
        return any(
            start <= match.start < end
            for match in matcher.find(self.document)
            for start, end in sentences
        )

    def cabinet_session(self) -> bool:
        """The article's first sentence tells of a cabinet's session ("عقد مجلس الوزراء
        جلسته", "le Conseil des ministres s'est réuni", "the cabinet approved"): ministers
        named in it or further on are signatories or subjects of its decisions."""
        start, end = self.sentence_around(0)
        if end - start < 6 and end < len(self.words):  # a dateline line ("بغداد - واع")
            start, end = self.sentence_around(end)
        cabinet = [
            m
            for m in CABINET.find(self.document)
            if start <= m.start < end
            and (self.words[m.start] != "cabinet" or self.language == "en")
            # "Cabinet Secretary for Labour", "a cabinet minister": a minister's post.
            and self.words[m.end : m.end + 1] not in (["secretary"], ["minister"], ["member"])
        ]
        return bool(cabinet) and any(
            start <= m.start < end for m in CABINET_SESSION.find(self.document)
        )

    def remarks_only(self) -> bool:
        """The sentence of the first minister named tells of remarks, an interview or a
        press conference, and no word of a meeting is in it. The first minister of a country
        given, or the first named of any: "the health minister answers our questions" in a
        paper that names no country of his."""
        people = sorted(self.person_positions)[:1]
        if self.first_person is not None:
            people.append(self.first_person)
        if not people:
            return False
        found = REMARKS.find(self.document)
        remarks = [match.start for match in found]
        # "entretien accordé au quotidien": the phrase's own word is no meeting's.
        inside = {index for match in found for index in range(match.start, match.end)}
        return any(
            self.remarks_in(*self.sentence_around(person), remarks, inside) for person in people
        )

    def remarks_in(self, start: int, end: int, remarks: list[int], inside=frozenset()) -> bool:
        if not any(start <= at < end for at in remarks):
            return False
        if any(self.finder.is_counterpart(index) for index in range(start, end)):
            return False  # a joint press conference "with his counterpart": they met
        return not any(
            form in MEETING_WORDS
            for index in range(start, end)
            if index not in inside
            for form, _ in word_forms(self.words[index])
        )

    def denied(self) -> bool:
        """The sentence that reports the meeting opens with a denial, before anyone is
        named: "نفت وزارة ... صحة ... لقاء جمع ...", "Le ministère a démenti la rencontre
        entre X et Y", "The ministry denied reports that X met Y"."""
        start, end = self.lead
        people = [position for position in self.person_positions if start <= position < end]
        if not people:
            return False
        return any(start <= match.start < min(people) for match in DENIED.find(self.document))

    def of_another_time(self) -> bool:
        """Every minister of the sides is named in a sentence that sets him in another time:
        a former or late minister, "the then ... ministers", "son homologue de l'époque", a
        death ("s'est éteint", "توفي"). An obituary, a court's or a history's account recalls
        meetings; it reports none."""
        positions = [
            *self.person_positions,
            *(
                match.start for match in self.paired_demonyms(self.finder)
            ),  # "the then Irish and Spanish ministers"
        ]
        if not positions:
            return False
        found = [match.start for match in ANOTHER_TIME.find(self.document)]
        found += self.years_long_past()
        other_time = {self.sentence_around(position) for position in found}
        return all(self.sentence_around(position) in other_time for position in positions)

    def years_long_past(self) -> list[int]:
        """Where the article sets something in a year long gone: "in 1985", "en 1993", "عام
        1994", "سنة 1994" (five years or more before the publication; not "since", which
        runs to now)."""
        this_year = (self.article.published or datetime.date.today()).year
        found = []
        for index, word in enumerate(self.words[1:], start=1):
            if not (word.isdigit() and len(word) == 4 and 1900 <= int(word) <= this_year - 5):
                continue
            since = self.words[index - 2] if index > 1 else ""
            if self.words[index - 1] in {"in", "en", "عام", "سنة", "في"} and since not in {
                "منذ",
                "مند",
            }:
                found.append(index)
        return found

    def opinion_column(self) -> bool:
        """The article's first line, or its title, is labelled as an opinion column
        ("OPINION | ...", "Tribune", "رأي"): ministers who sign it report no meeting."""
        lines = [self.article.title, self.article.text.lstrip().split("\n", 1)[0]]
        for line in lines:
            label = normalize(re.split(r"\s[|:\-–—]\s|[|:]", line, maxsplit=1)[0]).strip()
            if label in {normalize(each) for each in OPINION_LABELS}:
                return True
        return False

    def ambassadors_received(self, participants, nameless, matcher=AMBASSADOR) -> set[str]:
        """Countries represented in the meeting's sentence by their ambassador ("l'ambassadeur
        du Japon", "Japan's ambassador", "السفير الياباني", "سفير اليابان"), or by members of
        their parliament, and by no minister."""
        start, end = self.lead
        envoys = set()
        # A counterpart met in the meeting's sentence ("نظيره الفرنسي").
        counterpart = any(
            m.counterpart and m.country and start <= (m.head or m.name_span or (-1,))[0] < end
            for m in [*nameless, *(m for p in participants for m in p.mentions)]
        )
        for match in matcher.find(self.document):
            if not start <= match.start < end:
                continue
            before = self.words[max(match.start - 3, 0) : match.start]
            if counterpart and any(
                form in PRESENCE_WORDS for word in before for form, _ in word_forms(word)
            ):
                # "met his French counterpart, in the presence of Lebanon's ambassador", "في
                # حضور سفير", "en présence de": the envoy attended the ministers' meeting; he
                # was not the one received.
                continue
            country = self.country_beside(match)
            if country:
                envoys.add(country)
        ministers = {
            p.country
            for p in participants
            if p.country and start <= (p.mentions[0].head or p.mentions[0].name_span)[0] < end
        }
        ministers |= {
            m.country for m in nameless if m.country and m.head and start <= m.head[0] < end
        }
        return envoys - ministers

    def head_of_state_audience(self) -> bool:
        """ "President Faye received Morocco's foreign minister", "استقبل الرئيس ... وزير
        خارجية", "le roi a reçu le ministre": a head of state receives, and the sentence
        that reports it names the ministers of one country only."""
        start, end = self.lead
        if len(self.in_lead) > 1:
            return False
        for index in range(start, end):
            if self.words[index] not in RECEIVED_WORDS:
                continue
            passive = self.words[index + 1 : index + 2] in (["by"], ["par"])
            if self.language == "ar" or passive:
                around = range(index + 1, min(index + 4, end))
            else:
                around = range(max(index - 7, start), index)
            return any(
                self.words[i] in HEADS_OF_STATE and i not in self.finder.heads for i in around
            )
        return False

    def country_beside(self, match: Match) -> str | None:
        """The country a word is qualified with: a demonym or a country's name right after it
        (after "du", "of", "de la"), or before it ("Japan's ambassador", "Japanese envoy")."""
        position = match.end
        if position < len(self.words) and self.words[position] in {"du", "de", "d", "of", "from"}:
            position += 1
        if position < len(self.words) and self.words[position] in {"la", "l", "the"}:
            position += 1
        for table in (self.finder.demonyms, self.finder.country_names):
            if position in table:
                return table[position].payload
        for table in (self.finder.demonyms, self.finder.country_names):
            for found in table.values():
                if found.end == match.start or (
                    found.end == match.start - 1 and self.words[match.start - 1] == "s"
                ):
                    return found.payload
        return None

    def lead_sentence(self, participants, nameless) -> tuple[int, int]:
        """The tokens of the first sentence that names a person and says they met."""
        people = sorted(
            (mention.head or mention.name_span)[0]
            for mention in [*nameless, *(m for p in participants for m in p.mentions)]
            if mention.head or mention.name_span
        )
        start = 0
        for index in range(len(self.words) + 1):
            if index < len(self.words) and not (
                index and sentence_break(self.document, index - 1, index)
            ):
                continue
            sentence = range(start, index)
            if any(position in sentence for position in people) and any(
                form in MEETING_WORDS
                for word in self.words[start:index]
                for form, _ in word_forms(word)
            ):
                return start, index
            start = index
        return 0, 0

    def paired_demonyms(self, finder: PeopleFinder) -> list[Match]:
        """Two demonyms joined, beside a plural or dual minister word: both are sides."""
        found = []
        demonyms = sorted(finder.demonyms.values(), key=lambda match: match.start)
        for first, second in itertools.pairwise(demonyms):
            between = self.words[first.end : second.start]
            # و + ال is split off by the normalisation: المغربي و البرتغالي.
            joined = between in (["و"], ["et"], ["and"]) or (
                not between and second.proclitics.startswith("و")
            )
            if (
                not between
                and first.payload != second.payload
                and JOINT_WORDS.intersection(self.words[max(first.start - 3, 0) : first.start])
            ):
                # "اللجنة المشتركة الموريتانية الغينية", "the joint commission ... Guinean":
                # a joint body of two countries, named by their demonyms side by side; not
                # its next session, which ministers of one country prepare ("الدورة المقبلة").
                before = self.words[max(first.start - 7, 0) : first.start]
                if not (FUTURE_WORDS | PREPARING_WORDS).intersection(before):
                    found += [first, second]
                continue
            if not joined and 1 <= len(between) <= 5 and first.payload != second.payload:
                # Each demonym followed by its minister's name: "وزيرا الدفاع اللبناني X
                # والسوري Y", "les ministres libanais X et syrien Y".
                anded = second.proclitics.startswith("و") or between[-1] in {"و", "et", "and"}
                named = not any(word in MINISTER_WORDS for word in between)
                before = self.words[max(first.start - 4, 0) : first.start]
                if anded and named and PLURAL_MINISTERS.intersection(before):
                    found += [first, second]
                continue
            if not joined or first.payload == second.payload:
                continue
            earlier = [other for other in demonyms if other.start < first.start]
            if earlier and first.start - earlier[-1].end <= 2:
                continue  # the last two of a longer list: "the Saudi, Jordanian and Qatari"
            around = self.words[max(first.start - 3, 0) : second.end + 3]
            if PLURAL_MINISTERS.intersection(around):
                found += [first, second]
        return found

    def paired_names(self, finder: PeopleFinder) -> list[Match]:
        """Two countries' names joined after a plural or dual minister word, in a sentence
        that says they met: "the foreign ministers of Chile and Peru met", "les ministres
        de la Santé du Niger et du Tchad se sont réunis", "التقى وزيرا خارجية تونس ومالي"."""
        found = []
        names = sorted(finder.country_names.values(), key=lambda match: match.start)
        for first, second in itertools.pairwise(names):
            between = [w for w in self.words[first.end : second.start] if w not in JOINING_WORDS]
            joined = between in (["et"], ["and"], ["و"]) or (
                not between and second.proclitics.startswith("و")
            )
            if not joined or first.payload == second.payload:
                continue
            earlier = [other for other in names if other.start < first.start]
            if earlier and first.start - earlier[-1].end <= 3:
                continue  # the last two of a longer list
            start, end = self.sentence_around(first.start)
            if second.end > end:
                continue
            around = [
                *self.words[max(first.start - 7, start) : first.start],
                *self.words[second.end : min(second.end + 4, end)],
            ]
            sentence = self.words[start:end]
            met = any(form in MEETING_WORDS for word in sentence for form, _ in word_forms(word))
            ministers = PLURAL_MINISTER_WORDS.union(("وزيرا", "وزيري"))
            if met and ministers.intersection(around):
                # "the situation in Sudan and Libya" is where, not who; "وزيرا التجارة في
                # تونس ومالي" is who.
                close = self.words[max(first.start - 3, start) : first.start]
                if not self.is_place_phrase(first) or ministers.intersection(close):
                    found += [first, second]
        return found

    def other_side_unknown(self, participants, nameless) -> bool:
        """Someone met someone whose country the article does not give."""
        if not any(form in MEETING_WORDS for word in self.words for form, _ in word_forms(word)):
            return False
        unknown_person = any(p.country is None and not p.accompanying for p in participants)
        # "his counterpart", "Le ministre des Affaires étrangères" of no country given.
        unknown_title = any(
            m.country is None and not m.accompanying and not self.bare_title(m) for m in nameless
        )
        return unknown_person or unknown_title

    def bare_title(self, mention) -> bool:
        """ "the minister" alone (no portfolio, no counterpart) when no sentence reports a
        meeting: the article's own minister named again ("the minister inspected the
        troops"), no other side."""
        return (
            self.lead == (0, 0)
            and not mention.counterpart
            and not mention.portfolio
            and mention.head is not None
            and mention.head[1] - mention.head[0] == 1
        )

    def is_phone_call(self) -> bool:
        """A call mentioned at the top of the article is what the article reports."""
        calls = PHONE.find(self.document)
        return bool(calls) and calls[0].start < max(60, len(self.words) // 4)

    def looks_multilateral(self, strong, scores, chosen) -> bool:
        """Many countries, and nothing that says two of them met on their own."""
        # Not the countries of other meetings the article adds (the forum's host...).
        strong = strong - self.set_aside
        third = max((scores[code] for code in strong if code not in chosen), default=0)
        if len(strong) >= 4 and third >= 0.8 * scores[chosen[1]]:
            return True
        if self.counterpart_relation or BILATERAL.find(self.document):
            return False
        if self.lead == (0, 0) and len(strong) >= 3:
            return True  # ministers of three countries, and no sentence says two met
        if self.sidelines and set(chosen) <= self.in_lead:
            return False  # two ministers met on the sidelines of a gathering of many
        if self.takes_part_in_a_session():
            return True
        gathering = bool(MULTILATERAL.find(self.document))
        if (
            self.lead == (0, 0)
            and len(strong) == 2
            and not gathering
            and self.first_person is not None
        ):
            # No word of a meeting, but the first sentence that names a minister names both
            # sides' ("X's minister and Y's minister agreed in Vilnius"): the other countries
            # are subjects, as when it says they met.
            start, end = self.sentence_around(self.first_person)
            if {code for at, code in self.person_positions.items() if start <= at < end} == set(
                chosen
            ):
                return False
        named = sum(1 for score in scores.values() if score > 0)
        second = self.sentence_around(self.sentence_around(0)[1])
        if set(chosen) == self.in_lead and not gathering and self.lead[0] <= second[0]:
            # The article opens with the sentence that reports the meeting, which names the
            # two sides' ministers, and no gathering is named: the other countries are
            # subjects ("Samoa and Tonga have pushed...", "a three-nation tour").
            return False
        return named >= MANY_COUNTRIES or (gathering and named >= 4)

    def takes_part_in_a_session(self) -> bool:
        """The first sentence that names a minister says they took part in a session of a
        body of many: a council of ministers, an ordinary session, a ministerial meeting."""
        people = sorted(self.person_positions)
        if not people:
            return False
        # The article's first sentence too: "افتتحت أشغال الدورة ... لمجلس وزراء الداخلية
        # العرب بمشاركة وزراء ...", before any minister is named.
        sentences = {self.sentence_around(people[0]), self.sentence_around(0)}
        if self.dateline[1] and self.dateline[1] < len(self.words):
            # A dateline on a line of its own ("القاهرة في 4 أغسطس /أ ش أ/"): the first
            # sentence is the one under it.
            sentences.add(self.sentence_around(self.dateline[1]))
        return any(
            all(
                any(start <= match.start < end for match in matcher.find(self.document))
                for matcher in (TAKES_PART, SESSION_OF_MANY)
            )
            for start, end in sentences
        )

    def on_a_panel(self) -> bool:
        """The first sentence that names a minister says they took part in a panel ("شارك
        ... في جلسة حوارية", "took part in a panel", "ont participé à une table ronde"), and
        no word there says they met."""
        people = self.ministers_in_order()
        if not people:
            return False
        start, end = self.sentence_around(people[0])
        if any(form in MET_WORDS for w in self.words[start:end] for form, _ in word_forms(w)):
            return False
        return all(
            any(start <= match.start < end for match in matcher.find(self.document))
            for matcher in (TAKES_PART, PANEL)
        )

    # People with no country yet: the one side that has nobody.
    def complete_sides(self, participants: list[Participant]) -> None:
        held_back = getattr(self, "held_back", None)
        self.held_back = None
        self.complete_other_side(participants)
        if held_back is not None and held_back.country is None:
            held_back.country = self.source_country
            held_back.country_reason = "agency" if self.credit else "outlet"

    def complete_other_side(self, participants: list[Participant]) -> None:
        if len(self.draft.countries) != 2:
            return
        represented = {p.country for p in participants if p.country}
        missing = [code for code in self.draft.countries if code not in represented]
        unassigned = [p for p in participants if not p.country]
        if len(missing) == 1 and len(unassigned) == 1:
            unassigned[0].country = missing[0]
            unassigned[0].country_reason = "the other side"
            return
        # "X, ministre des Affaires étrangères (his country read in his title), s'est
        # entretenu avec son homologue Y" in an agency's wire: Y was given the agency's
        # country, which is X's; Y is of the other side, which has no minister.
        sides = [p for p in participants if p.country and not p.accompanying]
        guessed = [p for p in sides if p.country_reason in {"agency", "outlet"}]
        if (
            len(missing) == 1
            and not unassigned
            and len(guessed) == 1
            and any(
                p.country == guessed[0].country and p.country_reason not in {"agency", "outlet"}
                for p in sides
            )
        ):
            guessed[0].country = missing[0]
            guessed[0].country_reason = "the other side"
        elif (
            len(missing) == 1
            and not unassigned
            and len(sides) == 2
            and len(guessed) == 2
            and guessed[0].country == guessed[1].country
            and len({self.sentence_around(first_mentioned(p)) for p in guessed}) == 1
        ):
            # Both were given the agency's country: its wire names its own minister first,
            # the guest after ("أجرى الوزير ... مباحثات مع وزير المالية ..., الذي يزور").
            later = max(guessed, key=first_mentioned)
            later.country, later.country_reason = missing[0], "the other side"

    # 7. Place: "بالرباط", "à Rabat", "in Rabat", a venue ("au Quai d'Orsay"), a dateline
    # ("RABAT -", "الرياض (واس) -"); else who received whom, and where.
    def is_place_phrase(self, match: Match) -> bool:
        previous = self.words[match.start - 1] if match.start else ""
        if match.proclitics.endswith("ب") or previous in PLACE_PREPOSITIONS:
            return True
        # "at the Kremlin", "au palais de Carthage": an article between; "في العاصمة
        # العمانية مسقط", "in the Omani capital Muscat": a demonym between.
        before = self.words[match.start - 2] if match.start > 1 else ""
        article = previous in {"the", "le", "la", "l"}
        demonym = match.start in self.demonym_ends
        return (article or demonym) and before in PLACE_PREPOSITIONS

    def in_named_venue(self, match: Match) -> bool:
        """A city in the name of the building where they met: "في مركز دبي التجاري العالمي",
        "au Centre international de conférences de Dakar", "at the Abuja Continental", "at
        the Lagos International Sea Port" (the city first, then the venue's word)."""
        if in_a_brand_name(self.document, match):
            return True  # "au Novotel Oran Les Falaises"
        previous = self.words[match.start - 1] if match.start else ""
        before = self.words[match.start - 2] if match.start > 1 else ""
        if names_a_venue_of(self.document, match.end) is not None and (
            previous in PLACE_PREPOSITIONS
            or (previous in {"the", "le", "la", "l"} and before in PLACE_PREPOSITIONS)
        ):
            return True
        for index in range(match.start - 1, max(match.start - 6, 0) - 1, -1):
            if self.words[index] in PLACE_PREPOSITIONS and index < match.start - 1:
                return False  # "in" before the city's own words: read as usual
            venue = [removed for form, removed in word_forms(self.words[index])
                     if form in VENUE_WORDS]  # fmt: skip
            if not venue:
                continue
            previous = self.words[index - 1] if index else ""
            before = self.words[index - 2] if index > 1 else ""
            return (
                venue[0].endswith("ب")
                or previous in PLACE_PREPOSITIONS
                or (previous in {"the", "le", "la", "l"} and before in PLACE_PREPOSITIONS)
            )
        return False

    def side_from_place(self, participants: list[Participant]) -> bool:
        """One side known, a minister of unknown country, a meeting in a city of another
        country, and no gathering of many: the minister is the host's ("X a reçu à Rabat
        son homologue sénégalais" in an outlet not named)."""
        sides, host = self.draft.countries, self.draft.host_country
        unknown = [p for p in participants if p.country is None and not p.accompanying]
        if len(sides) != 1 or not host or host in sides or len(unknown) != 1:
            return False
        gatherings = [*MULTILATERAL.find(self.document), *self.sidelines]
        if any(
            self.near_the_lead(match.start) and not self.in_the_past(match.start)
            for match in gatherings
        ):
            # On the sidelines of a gathering, the host country need be neither side; not
            # a gathering where they met before ("last met on the sidelines of the G20"),
            # nor one the article names far from the meeting ("then left for a summit").
            return False
        if self.draft.evidence.get("place") == []:
            return False  # the place was itself inferred from the outlet: no evidence of the host
        unknown[0].country, unknown[0].country_reason = host, "place"
        self.draft.countries = sorted([*sides, host])
        self.draft.warnings = [w for w in self.draft.warnings if not w.startswith("Only one")]
        self.draft.warnings.append(
            EditorNote(
                gettext_noop(
                    "%(country)s is proposed as a side because the meeting took place there and "
                    "the other minister's country is not given. Check it."
                ),
                country=host,
            )
        )
        return True

    def names_an_event(self, match: Match) -> bool:
        """A city in the name of a gathering: "the Munich Security Conference", "منتدى دافوس"."""
        around = self.words[max(match.start - 2, 0) : match.end + 2]
        return any(form in EVENT_WORDS for word in around for form, _ in word_forms(word))

    def find_place(self) -> None:
        if self.not_a_meeting:
            return  # a call, or a gathering of many: no place of a bilateral meeting
        cues = [
            index
            for index, word in enumerate(self.words)
            if any(form in MEETING_WORDS for form, _ in word_forms(word))
        ]
        candidates = [
            (score, match, city, how)
            for match, city, how in self.places_named()
            if (score := self.place_score(match, city, how, cues)) is not None
        ]
        office = self.office_place(cues, candidates)
        if office:
            candidates.append(office)
        candidates = self.far_from_the_lead(candidates)
        # The sentence of the meeting names a place the archive does not know ("à Lille",
        # "in Aqaba", "في مدينة ..."): the dateline, an office or a city named elsewhere
        # would be another place; the country they give is kept as the host's.
        unknown = self.unknown_place_in_lead()
        if unknown:
            fallback = max(candidates, key=lambda candidate: candidate[0], default=None)
            candidates = [
                candidate
                for candidate in candidates
                if candidate[3] != "office"
                and self.lead[0] <= candidate[1].start < self.lead[1]
                and not self.in_dateline(candidate[1])
            ]
        best = max(candidates, key=lambda candidate: candidate[0], default=None)
        if best and best[0] >= 3:
            _score, match, city, how = best
            note = "inferred" if how == "office" else ""
            self.set_place(city, [self.evidence(match.start, match.end, note)])
            if how == "office":
                capital_not_named = any(
                    form in {"capitale", "capital", "العاصمة"}
                    for word in self.words[match.start : match.end]
                    for form, _ in word_forms(word)
                )
                self.draft.warnings.append(office_warning(capital_not_named, city.is_capital))
            return
        if unknown:
            self.draft.warnings.append(
                EditorNote(
                    gettext_noop(
                        "The meeting took place in %(place)s, which is not in the archive's "
                        "list of cities: add it, or choose the place."
                    ),
                    place=self.document.original(*unknown),
                )
            )
        host, _office = self.host_from_the_text()
        if host:
            self.draft.host_country = host
            headline = self.city_of_the_headline(host)
            if headline:
                # "Montréal, escale diplomatique du ministre" over "En déplacement au Canada,
                # le ministre s'est entretenu ...": the visited side's city the headline names.
                self.set_place(
                    self.gazetteer.city_by_slug[headline.payload],
                    [self.evidence(headline.start, headline.end, "inferred")],
                )
                self.draft.warnings.append(
                    gettext_noop(
                        "The host's city is named only in the headline: it is proposed as the "
                        "place. Check it."
                    )
                )
            return
        at_home = self.credit or not self.reports_from_anywhere
        home = at_home and self.source_country and self.source_country in self.draft.countries
        if unknown:
            if fallback and fallback[0] >= 3:
                self.draft.host_country = fallback[2].country
            elif home:
                self.draft.host_country = self.source_country
            return
        if home:
            # A national outlet that names no place usually reports a meeting at home.
            capital = self.capital_of(self.source_country)
            self.draft.host_country = self.source_country
            self.draft.evidence["place"] = []
            if capital:
                self.set_place(capital, [])
            self.draft.warnings.append(
                gettext_noop(
                    "No place named: the outlet's country and its capital are proposed. Check them."
                )
            )

    def city_of_the_headline(self, host: str) -> Match | None:
        """The one city of the host's country that the headline names, when the text names
        no place: "Montréal, escale diplomatique du ministre du Transport"."""
        start, end = self.sentence_around(0)
        if not self.words or not self.is_headline(start, end):
            return None
        found = [
            match
            for match in self.finder.city_matches
            if start <= match.start < end
            and not self.in_dateline(match)  # "الرياض – عكاظ": where the paper filed it
            and self.gazetteer.city_by_slug[match.payload].country == host
        ]
        return found[0] if len({match.payload for match in found}) == 1 else None

    def far_from_the_lead(self, candidates: list) -> list:
        """A city named as a place where the meeting's sentence (or the one before or after
        it) or the dateline names one too: a city named further on, two paragraphs down
        ("a consulate in the city of X", "courses in X"), is of another matter, and loses
        to the city by the meeting."""
        anchored = any(
            score >= 3 and (self.near_the_lead(match.start) or self.in_dateline(match))
            for score, match, _city, _how in candidates
        )
        if not anchored:
            return candidates
        return [
            (score - 3, match, city, how)
            if how == "name"
            and self.further_on(match.start)
            and not self.in_dateline(match)
            and not self.office_address(match)
            and not self.building_address_by_a_headline_lead(match)
            else (score, match, city, how)
            for score, match, city, how in candidates
        ]

    def further_on(self, position: int) -> bool:
        """Token ``position`` is after the sentence that follows the meeting's."""
        start, end = self.lead
        if (start, end) == (0, 0):
            return False
        return end < len(self.words) and position >= self.sentence_around(end)[1]

    def other_side_of_the_guest_after(self, office: Match) -> str | None:
        """ "X held talks at the Y residence with South Africa's Minister Z", "a présidé à
        l'hôtel Y une séance de travail avec le ministre jordanien", "بفندق Y مع وزير ...
        الأردني": the first side named after the office in its sentence, brought in by
        "with", is the guest; the host is the other side."""
        sides = self.draft.countries
        if len(sides) != 2:
            return None
        _start, end = self.sentence_around(office.start)
        named = min(
            (
                match
                for table in (self.finder.country_names, self.finder.demonyms)
                for match in table.values()
                if office.end <= match.start < end and match.payload in sides
            ),
            key=lambda match: match.start,
            default=None,
        )
        if named is None:
            return None
        if not any(
            form in WITH_WORDS
            for word in self.words[max(named.start - 4, office.end) : named.start]
            for form, _ in word_forms(word)
        ):
            return None
        return next(code for code in sides if code != named.payload)

    def unknown_place_in_lead(self) -> tuple[int, int] | None:
        """A place the archive does not know, named as where the meeting was: in the sentence
        that reports it, "à" or "in" before a capitalised name that is no city, country,
        person, month or weekday ("à Lille", "in Aqaba"), or "في مدينة"/"بمدينة" before a
        word that is no city; or so named in the sentence that gives the meeting's date and
        tells of the meeting too ("جاء ذلك خلال لقاء جمعهما، الثلاثاء ...، في مدينة ..."). The
        tokens of the name, or None."""
        found = self.unknown_place_between(*self.lead)
        chosen = self.chosen_date
        if found or chosen is None or self.lead[0] <= chosen.start < self.lead[1]:
            return found
        start, end = self.sentence_around(chosen.start)
        if (start, end) == self.sentence_around(self.dateline[0]) or not any(
            form in MEETING_WORDS for word in self.words[start:end] for form, _ in word_forms(word)
        ):
            return None
        return self.unknown_place_between(start, end)

    def unknown_place_between(self, start: int, end: int) -> tuple[int, int] | None:
        known = set()
        for table in (self.finder.city_matches, self.finder.country_names.values(),
                      self.finder.demonyms.values(), self.venues_named):  # fmt: skip
            for match in table:
                known.update(range(match.start, match.end))
        for match in self.finder.known.values():
            known.update(range(match.start, match.end))
        known.update(self.name_positions)
        for candidate in self.date_candidates:
            known.update(range(candidate.start, candidate.end))
        for index in range(start, min(end, len(self.words)) - 1):
            word, following = self.words[index], index + 1
            if following in known or following in self.finder.heads:
                continue
            if word in {"a", "in"} and self.document.original(index, index + 1) in {"à", "in"}:
                written = self.document.original(following, following + 1)
                if not (written[:1].isupper() and written.isalpha()):
                    continue
                if self.words[following] in NOT_PLACE_NAMES:
                    continue
                if self.address_of_an_office(index):
                    continue  # "au siège du ministère, à Ben Aknoun": the office's address
                last = following + 1
                while last < end and self.document.original(last, last + 1)[:1].isupper():
                    last += 1  # "Sharm El Sheikh"
                return following, last
            if word in AREA_WORDS and (word.startswith("ب") or self.words[index - 1] == "في"):
                if any(form in VENUE_WORDS for form, _ in word_forms(self.words[following])):
                    continue  # "في مدينة إكسبو ...": a venue, whose city comes after it
                if self.address_of_an_office(index):
                    continue  # "بمقر الوزارة بمدينة ...": a district of the host's seat
                return following, following + 1
            if (
                word == "بالعاصمة" or (word == "العاصمة" and self.words[index - 1] == "في")
            ) and not self.words[following].startswith("ال"):
                # "بالعاصمة سيئول": a capital by a name the list lacks (an adjective,
                # "العاصمة الاتحادية", is read as the host's capital)
                return following, following + 1
            # "dans la province de X", "in the governorate of X": an area the list lacks.
            linked = following + 1
            if (
                word in {"province", "gouvernorat", "governorate", "wilaya", "prefecture"}
                and self.words[following] in {"de", "d", "of"}
                and linked < end
                and linked not in known
                and self.document.original(linked, linked + 1)[:1].isupper()
                and {"dans", "in", "a"} & set(self.words[max(index - 2, 0) : index])
            ):
                return linked, linked + 1
        return None

    def address_of_an_office(self, index: int) -> bool:
        """ "à"/"in" at token ``index`` gives the address of the office or ministry named just
        before it, in the same sentence ("au siège du ministère, à Ben Aknoun", "at the
        ministry's offices on Oxford Road in New Kingston", "the DFA main office in Pasay
        City", "the seat of the Foreign Ministry in Casco Viejo"): a district of the host's
        seat, not another place."""
        office = self.office
        if (
            office
            and not any(
                form in LODGING_WORDS | GROUNDS_WORDS
                for word in self.words[office.start : office.end]
                for form, _ in word_forms(word)
            )
            and 0 <= index - office.end <= 10
            and self.sentence_around(office.start) == self.sentence_around(index)
        ):
            return True
        return any(
            form in ADDRESS_WORDS
            for word in self.words[max(index - 2, 0) : index]
            for form, _ in word_forms(word)
        )

    def places_named(self):
        """(match, city, how) for each way the article names a city: by its name, by a
        building ("the Viminale"), by its country in a dateline ("الجزائر (واج) -", "KUWAIT,
        Oct 15 (KUNA)": the capital), or as a country's capital ("العاصمة الإثيوبية", "the
        Turkish capital", "la capitale éthiopienne")."""
        for match in self.finder.city_matches:
            yield match, self.gazetteer.city_by_slug[match.payload], "name"
        for match in self.venues_named:
            city = self.gazetteer.city_by_slug.get(match.payload)
            if city:
                yield match, city, "building" if match.length > 1 else "name"
        for match in self.finder.country_names.values():
            capital = self.capital_of(match.payload)
            if capital and self.in_dateline(match):
                yield match, capital, "name"
            before = self.words[match.start - 1] if match.start else ""
            if capital and any(
                form in {"العاصمة", "capitale", "capital"} for form, _ in word_forms(before)
            ):
                # "في العاصمة تونس", "dans la capitale Koweït": a capital named like its
                # country is the city.
                yield Match(match.start - 1, match.end, match.payload), capital, "capital"
        for match in self.finder.demonyms.values():
            before = self.words[match.start - 1] if match.start else ""
            after = self.words[match.end] if match.end < len(self.words) else ""
            capital = self.capital_of(match.payload)
            if not capital:
                continue
            if any(form in {"العاصمة", "capitale"} for form, _ in word_forms(before)):
                yield Match(match.start - 1, match.end, match.payload), capital, "capital"
            elif after == "capital":
                yield Match(match.start, match.end + 1, match.payload), capital, "capital"

    def in_dateline(self, match: Match) -> bool:
        start, end = self.dateline
        return start <= match.start <= start + 2 and (
            match.end <= end
            or (self.followed_by_dash(match) and match.end not in self.country_starts)
        )

    @functools.cached_property
    def country_starts(self) -> set[int]:
        """Where a country's name or demonym begins: "Niger-Bénin :" at the top is a pair of
        sides in a headline, not a dateline."""
        return {
            match.start
            for table in (self.finder.country_names, self.finder.demonyms)
            for match in table.values()
        }

    def place_score(self, match: Match, city, how: str, cues: list[int]) -> float | None:
        """How surely the city is where the meeting took place; None when it is not named as
        a place at all."""
        sides = self.draft.countries
        if how == "building" and len(sides) == 2 and city.country not in sides:
            # A ministry's building named as any country's ("the Foreign Office") in a
            # meeting of two others: their own ministry, not that city.
            return None
        if (
            how == "name"
            and city.country not in sides
            and any(
                named.start == match.start and named.end == match.end and named.payload in sides
                for named in self.finder.country_names.values()
            )
        ):
            # "عمان" is Amman and Oman: in a meeting with Oman, "معرض عمان الدولي" names the
            # side, not Jordan's capital.
            return None
        if how == "name" and self.said_from(match):
            return None  # "a statement issued in Islamabad": where it was said, not held
        if how == "name" and self.in_credit(match):
            return None  # "(Reporting by X in Baku": where a reporter was, not the meeting
        if how == "building" and self.speaks(match):
            # "a indiqué le Quai d'Orsay", "said the Kremlin", "according to the Foreign
            # Office": the ministry that gave the news, not where the ministers met.
            return None
        dateline = how == "name" and self.in_dateline(match)
        if dateline and not sides:
            return None  # no meeting found: where the wire was filed is no meeting's place
        if dateline:
            # Where the wire was filed: the place unless the text names another
            # near the words of the meeting.
            score = 4.0
            if any(self.lead[0] <= found.start < self.lead[1] for found in self.sidelines):
                score -= 1  # met on the sidelines of a gathering: where it was held
            visited = self.visited_side
            if visited and city.country != visited:
                # "ISLAMABAD: X will leave for Tashkent on an official visit to Uzbekistan":
                # the wire was filed at the guest's home, the meeting is in the side visited.
                score -= 2
        elif (
            how in {"building", "capital"}
            or self.is_place_phrase(match)
            or self.names_an_event(match)
            or self.in_named_venue(match)
            or self.left_for(match)
            or self.office_address(match)
        ):
            # Near the words of the meeting, or a venue in the sentence that reports it, or
            # right after the meeting's own date ("ont passé en revue le 13 mai à Douala").
            in_lead = self.lead[0] <= match.start < self.lead[1]
            near = (
                any(abs(match.start - cue) <= 15 for cue in cues)
                or (in_lead and (self.in_named_venue(match) or self.names_an_event(match)))
                or self.after_the_date(match)
                or (in_lead and self.is_place_phrase(match) and self.after_the_office(match))
            )
            score = 3.5 + (2 if near else 0)
            if in_lead and self.is_place_phrase(match) and len(self.draft.countries) < 2:
                # One side known: the city the meeting's own sentence names ("hosted X for
                # talks ... in Nairobi") over a city of that side named further on.
                score += 1.5
            if (
                in_lead
                and self.is_place_phrase(match)
                and city.country in sides
                and self.source_country in sides
                and city.country != self.source_country
                and self.dateline_in(self.source_country)
            ):
                # "Dubai: X met ... at the Foreign Ministry in Santiago": the dateline is the
                # national paper's own desk, the meeting's sentence names the other side's city.
                score += 1
            if self.office_address(match) and city.country in sides:
                # "في مقر وزارة ... بالعاصمة X", "at his office in the Y Building, X": the
                # office's own city, over the dateline of a wire filed at the guest's home.
                score += 1.5
            if (
                match.start
                and self.words[match.start - 1] in DESTINATION_WORDS
                and self.further_on(match.start)
            ):
                # "a trade mission to X in the autumn", two paragraphs down: another trip.
                score -= 5
            if match.start and (
                self.words[match.start - 1] in DESTINATION_WORDS or self.left_for(match)
            ):
                score -= 0.5  # "arrived in Rabat" before "met in Rabat": "in" is better
        else:
            return None
        if city.country in sides:
            score += 1
        elif not dateline and self.gathering_city(match):
            # "ce mercredi à Dubaï ..., en marge de l'Arabian Travel Market", "بطنجة ... على
            # هامش منتدى": the gathering's city, whose country need be neither side, counts
            # as a side's would.
            score += 1
        elif len(sides) == 2 and not dateline and not self.gathering_place(match):
            score -= 2  # a city of neither side, named away from the meeting's sentence
        before = self.words[max(match.start - 6, 0) : match.start]
        after = self.words[match.end : match.end + 6]
        # "next month in Rome"; "على أن تلتئم في الخرطوم" (to convene in Khartoum): another,
        # later meeting.
        later = (
            FUTURE_WORDS.intersection(before + after[:3])
            or "علي ان" in " ".join(before)
            or self.agreed_to_hold(match)
            or in_future(self.document, match.start)  # "une commission se tiendra à Kinshasa"
        )
        if later and not self.draft.announcement:
            score -= 5
        elif INVITATION_WORDS.intersection(before[-4:]) and not self.draft.announcement:
            score -= 5  # "invited him to Banjul", "agreed to hold in Riyadh"
        elif self.draft.announcement and self.held_before(before):
            score -= 5  # an announcement: "اجتماعات اللجنة التي عقدت في براغ" were earlier
        elif self.another_time(match) or self.earlier_event(match.start):
            score -= 5  # "in Madrid last October", "lors de la dernière visite à Nairobi"
        if BASED_WORDS.intersection(before[-3:]):
            score -= 3
        return score + 1 - match.start / max(len(self.words), 1)  # earlier is better

    def dateline_in(self, country: str) -> bool:
        """The dateline names a city of ``country``."""
        return any(
            self.in_dateline(match)
            and self.gazetteer.city_by_slug[match.payload].country == country
            for match in self.finder.city_matches
        )

    def office_address(self, match: Match) -> bool:
        """A city a few words after the office where they met, in its sentence, with a place
        phrase or after a comma: "في مقر وزارة ... في العاصمة X", "at his office in the Old
        Y Building, X", "at the ministry's offices in Z, X"."""
        office = self.office
        return (
            self.after_the_office(match)
            and (self.near_the_lead(office.start) or self.near_a_headline_lead(office.start))
            and self.sentence_around(office.start) == self.sentence_around(match.start)
            and (
                self.is_place_phrase(match)
                or self.words[match.start] in {"العاصمة", "بالعاصمة"}
                # "au siège du ministère ..., dans la Nouvelle capitale administrative"
                or "dans" in self.words[max(match.start - 2, 0) : match.start]
                or self.document.gap(match.start, match.start).strip() in {",", "،"}
            )
        )

    def after_the_office(self, match: Match) -> bool:
        """A city a few words after the office where they met, in its sentence: "في مقر
        وزارة ... في العاصمة X", "au siège du ministère de ... à X", "at the ministry's
        offices in X": the office's city, however far from the verb of the meeting."""
        office = self.office
        return bool(office) and 0 <= match.start - office.end <= 8

    @staticmethod
    def held_before(before: list[str]) -> bool:
        """A past verb of holding right before the city ("التي عقدت في براغ", "held in
        Prague", "qui s'est tenue à Prague"), not "will be held", "سيعقد"."""
        near = before[-3:]
        return bool(HELD_WORDS.intersection(near)) and not (
            FUTURE_WORDS.intersection(before) or {"be", "sera", "seront"}.intersection(near)
        )

    def in_credit(self, match: Match) -> bool:
        """A city in a wire's credit line: "(Reporting by Nailia Bagirova in Baku",
        "de notre correspondant à Tunis", "مراسلنا في بغداد"."""
        start = self.sentence_around(match.start)[0]
        before = self.words[max(match.start - 8, start) : match.start]
        return any(form in CREDIT_WORDS for word in before for form, _ in word_forms(word))

    def left_for(self, match: Match) -> bool:
        """A city a minister leaves for, in the sentence that reports the meeting ("will
        leave for Manama tomorrow ..., during which he will hold talks"): where they meet."""
        if match.start < 2 or self.words[match.start - 1] != "for":
            return False
        # In the meeting's sentence or the one before it ("will leave for Tashkent on
        # Friday ... During the visit, Mr Dar will hold talks"), not after it ("Okello then
        # left for Kampala").
        return (
            self.words[match.start - 2] in LEAVING_FOR
            and self.near_the_lead(match.start)
            and match.start < self.lead[1]
        )

    def after_the_date(self, match: Match) -> bool:
        """A city after a preposition right after the meeting's date, away from the
        dateline: "le 13 mai à Douala", "on Tuesday in Accra"."""
        chosen = self.chosen_date
        if chosen is None or self.dateline[0] <= chosen.start < self.dateline[1]:
            return False
        return 0 <= match.start - chosen.end <= 2 and self.is_place_phrase(match)

    def said_from(self, match: Match) -> bool:
        """A city right after a reporting verb and "in" ("a statement issued in Islamabad",
        "un communiqué publié à Alger", "بيان صدر في الرباط"): where the news was given."""
        if match.start < 2:
            return False
        previous, verb = self.words[match.start - 1], self.words[match.start - 2]
        if not (previous in PLACE_PREPOSITIONS or match.proclitics.endswith("ب")):
            verb = previous
        forms = {form for form, _ in word_forms(verb)}
        return bool(forms & (REPORTING_VERBS | {"صدر", "الصادر", "صادر"}))

    def side_from_statement(self, participants: list[Participant]) -> None:
        """One side known, one minister of no country given, and a statement issued from a
        capital of another country ("according to a Foreign Office statement issued in
        Islamabad"): the minister's own ministry gave the news from home."""
        sides = self.draft.countries
        unknown = [p for p in participants if p.country is None and not p.accompanying]
        if len(sides) != 1 or len(unknown) != 1:
            return
        capitals = {
            city.country
            for match in self.finder.city_matches
            if (city := self.gazetteer.city_by_slug[match.payload]).is_capital
            and city.country not in sides
            and self.said_from(match)
        }
        if len(capitals) != 1:
            return
        country = capitals.pop()
        unknown[0].country, unknown[0].country_reason = country, "statement"
        self.draft.countries = sorted([*sides, country])
        self.draft.warnings = [w for w in self.draft.warnings if not w.startswith("Only one")]
        self.draft.warnings.append(
            EditorNote(
                gettext_noop(
                    "%(country)s is proposed as a side because a statement on the meeting was "
                    "issued in its capital and the minister's country is not given. Check it."
                ),
                country=country,
            )
        )

    def speaks(self, match: Match) -> bool:
        """A building named as who said something: right after a reporting verb or
        "according to" ("a indiqué le Quai d'Orsay", "selon le Quai d'Orsay", "according to
        the Kremlin", "أفاد قصر الإليزيه"), or right before one ("the Kremlin said")."""
        before = self.words[max(match.start - 3, 0) : match.start]
        after = self.words[match.end : match.end + 1]
        forms = {form for word in [*before, *after] for form, _ in word_forms(word)}
        return bool(forms & (REPORTING_VERBS | {"selon", "according", "وفق", "حسب", "وفقا"}))

    def gathering_place(self, match: Match) -> bool:
        """A city named with a gathering, or in the sentence that reports the meeting."""
        if self.names_an_event(match):
            return True
        start, end = self.lead
        if start <= match.start < end:
            return True
        return any(abs(found.start - match.start) <= 20 for found in self.sidelines)

    def agreed_to_hold(self, match: Match) -> bool:
        """ "واتفقا على عقد اجتماع اللجنة المشتركة في نواكشوط": a meeting they agreed to hold
        there, later."""
        start = max(self.sentence_around(match.start)[0], match.start - 20)
        words = self.words[start : match.start]
        if any(
            word == "عقد" and "علي" in {form for form, _ in word_forms(previous)}
            for previous, word in itertools.pairwise(words)
        ):
            return True
        # "agreed to convene the joint committee in Manila", "ont convenu ... de tenir à
        # Abuja une réunion": the agreement, then the verb of holding, before the city.
        agreed = next((i for i, word in enumerate(words) if word in AGREED_WORDS), None)
        return agreed is not None and bool(HOLD_WORDS.intersection(words[agreed + 1 :]))

    def gathering_city(self, match: Match) -> bool:
        """A city named as the place in the sentence that reports the meeting, which also
        says that they met on the sidelines of a gathering."""
        start, end = self.lead
        return (
            start <= match.start < end
            and self.is_place_phrase(match)
            and any(start <= found.start < end for found in self.sidelines)
        )

    def another_time(self, match: Match) -> bool:
        """A date other than the meeting's, or a word of the past, right by the city."""
        chosen = self.chosen_date
        # The meeting's own date and the words around it ("يناير الماضي", "last Tuesday").
        chosen_span = range(chosen.start - 2, chosen.end + 2) if chosen else range(0)
        dateline = range(*self.dated_dateline)
        for candidate in self.date_candidates:
            if candidate is chosen or candidate.date == (chosen.date if chosen else None):
                continue
            if candidate.start in dateline:
                continue  # "NEW YORK, Sept 23 (QNA) -": the wire's date, not another event's
            if chosen and abs((candidate.date - chosen.date).days) <= 2 and candidate.to_come:
                continue  # "will arrive in Riyadh on Wednesday" and meet on Thursday: one visit
            if UNTIL_WORDS.intersection(self.words[max(candidate.start - 3, 0) : candidate.start]):
                # "فعاليات ... المنعقد بباريس إلى غاية الأربعاء", "held in Paris until
                # Wednesday": the end of the gathering they met at, not another event's date.
                continue
            if match.end <= candidate.start <= match.end + 4 or (
                match.start - 4 <= candidate.end <= match.start
            ):
                return True
        # "met in Doha last week": a vague time is the meeting's own, not another.
        vague = {
            position for found in self.vague_times for position in range(found.start, found.end)
        }
        window = range(max(match.start - 4, 0), min(match.end + 3, len(self.words)))
        return any(
            self.words[position] in PAST_WORDS
            and position not in chosen_span
            and position not in vague
            for position in window
        )

    def sentence_around(self, position: int) -> tuple[int, int]:
        """The tokens [start, end) of the sentence that holds token ``position``."""
        if self.sentence_starts is None:
            # Found once: the rules ask for the sentence of every name and city.
            self.sentence_starts = [0] + [
                index
                for index in range(1, len(self.words))
                if sentence_break(self.document, index - 1, index)
            ]
        found = bisect.bisect_right(self.sentence_starts, position) - 1
        following = self.sentence_starts[found + 1 : found + 2]
        return self.sentence_starts[found], following[0] if following else len(self.words)

    def earlier_event(self, position: int) -> bool:
        """Token ``position`` is in a sentence about an earlier event, not the one reported:
        a pluperfect with another date or a word of the past ("the minister had received
        Australia's minister in February", "lors de la précédente session, il avait
        rencontré...", "وكان الوزير قد زار طوكيو في أبريل الماضي"). The sentence that
        reports the meeting never is."""
        start, end = self.sentence_around(position)
        if start not in self.earlier_sentences:
            self.earlier_sentences[start] = self.tells_an_earlier_event(start, end)
        return self.earlier_sentences[start]

    def near_the_lead(self, position: int) -> bool:
        """Token ``position`` is in the sentence that reports the meeting, or the one before
        or after it."""
        start, end = self.lead
        if (start, end) == (0, 0):
            return True
        first = self.sentence_around(start - 1)[0] if start else start
        last = self.sentence_around(end)[1] if end < len(self.words) else end
        return first <= position < last

    def near_a_headline_lead(self, position: int) -> bool:
        """The meeting's sentence found is the headline ("وزير العدل بحث مع نظيره المصري"):
        token ``position`` is in the body's first sentence after it (the dateline skipped),
        or the one after that, which tell the meeting the headline sums up."""
        start, end = self.lead
        if (start, end) == (0, 0) or not self.is_headline(start, end):
            return False
        first = self.sentence_around(end)
        if first[0] == self.dateline[0] and first[1] < len(self.words):
            first = self.sentence_around(first[1])
        if first[1] >= len(self.words):
            return first[0] <= position
        return first[0] <= position < self.sentence_around(first[1])[1]

    def building_address_by_a_headline_lead(self, match: Match) -> bool:
        """ "The meeting was held at the Egyptian housing ministry's headquarters in the New
        Administrative Capital", after a headline read as the meeting's sentence: the city of
        a building named just before it, in the sentences that tell the meeting."""
        before = self.words[max(match.start - 8, 0) : match.start]
        return (
            self.near_a_headline_lead(match.start)
            and self.is_place_phrase(match)
            and any(
                form in ADDRESS_WORDS or form == "مقر"
                for word in before
                for form, _ in word_forms(word)
            )
        )

    def in_the_past(self, position: int) -> bool:
        """Token ``position`` is in an earlier event's sentence, or in a sentence other than
        the meeting's with a word of the past ("the two ministers last met on the sidelines
        of...", "lors du dernier sommet", "في القمة السابقة")."""
        if self.earlier_event(position):
            return True
        start, end = self.sentence_around(position)
        if start < self.lead[1] and self.lead[0] < end:
            return False
        return any(word in PAST_WORDS for word in self.words[start:end])

    def tells_an_earlier_event(self, start: int, end: int) -> bool:
        if start < self.lead[1] and self.lead[0] < end:
            return False
        words = self.words[start:end]
        arabic = {"كان", "كانت", "وكان", "وكانت", "كانا", "وكانا"}
        pluperfect = {"had", "avait", "avaient"}.intersection(words) or (
            arabic.intersection(words) and "قد" in words
        )
        if not pluperfect:
            return False
        chosen = self.chosen_date
        if any(
            start <= candidate.start < end and (chosen is None or candidate.date != chosen.date)
            for candidate in self.date_candidates
        ):
            return True
        return any(word in PAST_WORDS for word in words)

    def office_place(self, cues: list[int], candidates) -> tuple | None:
        """ "Received at his office", "بمقر الوزارة", "au siège du ministère" near the words
        of the meeting: the host's seat, the dateline's city when it is the host's, else the
        host's capital."""
        office = self.office
        if office is None:
            return None
        if any(
            how in {"name", "capital"} and abs(match.start - office.end) <= 6
            for _score, match, _city, how in candidates
        ) or any(
            0 <= match.start - office.end <= 6
            # a city of neither side that no place phrase kept is a name the list confuses
            # with a district ("au siège du département à Hay X"), not the office's city
            and self.gazetteer.city_by_slug[match.payload].country in self.draft.countries
            for match in self.finder.city_matches
        ):
            # "au siège du ministère du Commerce, à Tunis", "au siège du ministère, à Val
            # d'Hydra (Alger)": the city is named.
            return None
        sentence = self.sentence_around(office.start)
        before = self.sentence_around(sentence[0] - 1) if sentence[0] else sentence
        if any(
            how == "name"
            and city.country in self.draft.countries
            and before[0] <= match.start < sentence[1]
            and self.is_place_phrase(match)
            and not self.in_dateline(match)
            and not self.agreed_to_hold(match)  # "واتفق الطرفان على عقد ... بلومي": later
            for _score, match, city, how in candidates
        ):
            # "pour rencontrer à Brazzaville son homologue. ... tenues au siège du ministère
            # congolais": a side's city named as the place, by the office, is its city.
            return None
        host = (
            self.office_owner(office)
            or self.host_from_the_text()[0]
            or self.office_of_the_subject(office, own_only=True)
        )
        # Whose building it is, read from the minister named before it only: a guess, which
        # a dateline's city or any city named as the place beats.
        guessed = not host
        if guessed:
            host = self.office_of_the_minister_before(office) or self.office_of_the_subject(office)
        if not host:
            host = self.other_side_of_the_guest_after(office)
        if not host:
            return None
        seat = next(
            (
                city
                for _score, match, city, how in candidates
                if how == "name" and city.country == host and self.in_dateline(match)
            ),
            None,
        ) or self.capital_of(host)
        if seat is None:
            return None
        near = any(abs(office.start - cue) <= 15 for cue in cues)
        score = 3.5 + (2 if near else 0) + 1 + 1 - office.start / max(len(self.words), 1)
        if guessed:
            score = 3.5
        return score, office, seat, "office"

    def office_owner(self, office: Match) -> str | None:
        """The country of a ministry or government named with its demonym or country right
        after the word ("au palais de Parcent, siège du ministère espagnol de la Justice",
        "بمقر وزارة الصحة الجزائرية", "au Palais fédéral, siège du gouvernement helvétique")."""
        named = {
            match.start: match.payload
            for table in (self.finder.demonyms, self.finder.country_names)
            for match in table.values()
        }
        for index in range(office.start, min(office.end + 6, len(self.words))):
            if not any(
                form in MINISTRY_WORDS for form, _ in word_forms(self.words[index])
            ) and not self.ministry_with_its_demonym(index, named):
                continue
            if index and self.words[index - 1] in OWN_OFFICE_WORDS:
                continue  # "au siège de son département, son homologue malien": his own
            # "the Ghanaian Ministry of Transport": the demonym before, inside the office's
            # own words.
            around = [*range(max(index - 2, office.start), index), *range(index + 1, index + 3)]
            for position in around:
                if position > index and (
                    WITH_WORDS.intersection(self.words[index + 1 : position])
                    or self.words[position + 1 : position + 2] == ["s"]
                ):
                    # "at the ministry with Ghana's minister", "au ministère avec son
                    # homologue malien", "بمقر الوزارة مع نظيره": the guest's country, not
                    # the ministry's.
                    continue
                if position in named and not any(
                    mark in self.document.original(min(index, position), max(index, position) + 1)
                    for mark in ",،"
                ):
                    return named[position]
        return None

    def ministry_with_its_demonym(self, index: int, named: dict) -> bool:
        """ "بمقر الوزارة اليابانية", "في مقر الحكومة الكندية": the ministry with its article,
        which alone is the host's own, followed by a demonym agreeing with it (feminine) is
        that country's, wherever the wire was filed."""
        return (
            self.words[index] in DEFINITE_MINISTRY_WORDS
            and index + 1 in named
            and self.words[index + 1].endswith("ية")
        )

    @functools.cached_property
    def visited_side(self) -> str | None:
        """The side visited, found once (asked of the dateline)."""
        return self.visited_country() if len(self.draft.countries) == 2 else None

    def visited_country(self) -> str | None:
        """The side visited: "as part of a working visit to Japan", "en visite de travail en
        Algérie", "في زيارة عمل إلى الجزائر"."""
        sides = self.draft.countries
        for match in self.finder.country_names.values():
            if match.payload not in sides or match.start < 2:
                continue
            match = self.with_state_title(match)
            previous = self.words[match.start - 1]
            to = previous in {"to", "en", "au", "aux"} or match.proclitics.endswith("ل")
            if previous == "الي":
                to = True
            if previous == "in" and self.words[match.start - 2] in ARRIVED_IN:
                return match.payload  # "arrived in Ghana on Tuesday for talks"
            before = self.words[max(match.start - 8, 0) : match.start - 1]
            if to and any(form in VISIT_WORDS for word in before for form, _ in word_forms(word)):
                return match.payload
        return None

    def with_state_title(self, match: Match) -> Match:
        """A country's name with the title of its state before it: "the Republic of India",
        "le Royaume de Belgique", "جمهورية الهند", "دولة الكويت" (the match from the title, or
        from "the" before a title the name already holds)."""
        start, proclitics = match.start, match.proclitics
        titled = any(form in STATE_TITLES for form, _ in word_forms(self.words[start]))
        if not titled:
            if start >= 2 and self.words[start - 1] in {"of", "de", "du", "d"}:
                start -= 1
            removed = (
                next(
                    (
                        cut
                        for form, cut in word_forms(self.words[start - 1])
                        if form in STATE_TITLES
                    ),
                    None,
                )
                if start
                else None
            )
            if removed is None:
                return match
            start, proclitics = start - 1, removed
        if start and self.words[start - 1] in {"the", "la", "le", "l"}:
            start -= 1
        return Match(start, match.end, match.payload, proclitics)

    def office_of_the_minister_before(self, office: Match) -> str | None:
        """A ministry or building, not the host's own office, is the seat of the minister
        named right before it in its sentence ("met Japan's minister X at the ministry's
        headquarters", "met the British Home Secretary X at the Home Office"). Not in Arabic,
        where "بحث X مع Y في مقر وزارة ..." names the guest last."""
        if self.language == "ar":
            return None
        words = self.words[office.start : office.end]
        if any(form in OWN_OFFICE_WORDS for word in words for form, _ in word_forms(word)):
            return None
        sides = self.draft.countries
        start = self.sentence_around(office.start)[0]
        before = [
            (position, country)
            for position, country in self.person_positions.items()
            if start <= position < office.start and office.start - position <= 20
        ]
        if not before:
            return None
        position, country = max(before)
        if country in sides and (
            COUNTERPART_WORDS_LATIN.intersection(self.words[max(position - 3, 0) : position + 2])
            or WITH_WORDS.intersection(self.words[max(position - 4, 0) : position])
        ):
            # "met his Mozambican counterpart X at Capital Hill", "met with Chile's minister X
            # at the ministry": the counterpart, the one met with, is the guest; the seat is
            # the other side's.
            return next((code for code in sides if code != country), None)
        return country if country in sides else None

    def office_of_the_subject(self, office: Match, own_only: bool = False) -> str | None:
        """An office that is "his"/"her" own ("met her Tongan counterpart at her office"),
        the ministry with its article in Arabic ("التقى X ... بديوان عام الوزارة Y"), or an
        office in a sentence that names no one ("The meeting took place at the ministry's
        headquarters"): the seat of the subject of the meeting, the minister named first
        in the office's sentence (else in the meeting's); when that one is "his counterpart",
        the other side's."""
        sides = self.draft.countries
        if len(sides) != 2:
            return None
        start, end = self.sentence_around(office.start)
        people = sorted(
            (position, country)
            for position, country in self.person_positions.items()
            if start <= position < end
        )
        words = self.words[office.start : office.end]
        own = self.language == "ar" or any(
            form in OWN_OFFICE_WORDS for word in words for form, _ in word_forms(word)
        )
        if (people or own_only) and not own:
            return None  # someone named by it: read by office_of_the_minister_before
        if not people and own:
            # "التقى X، ... بديوان عام الوزارة، Y، وزير ... بجمهورية القمر": X's country not
            # read, the country named after the office is the guest's.
            named = sorted(
                (match.start, match.payload)
                for table in (self.finder.country_names, self.finder.demonyms)
                for match in table.values()
                if office.end <= match.start < end and match.payload in sides
            )
            if named:
                return next(code for code in sides if code != named[0][1])
        if not people:
            people = sorted(
                (position, country)
                for position, country in self.person_positions.items()
                if self.lead[0] <= position < self.lead[1]
            )
        if not people:
            return None
        position, country = people[0]
        if country not in sides:
            return None
        if position > office.start:
            # "بحث X، أمس بديوان الوزارة، مع وزيرة الخارجية في جمهورية ليبيريا": no one read
            # before the office, the first named after it is the guest.
            return next(code for code in sides if code != country)
        around = self.words[max(position - 3, 0) : position + 2]
        if COUNTERPART_WORDS_LATIN.intersection(around) or any(
            form in COUNTERPART_WORDS for word in around for form, _ in word_forms(word)
        ):
            return next(code for code in sides if code != country)
        return country

    @functools.cached_property
    def office(self) -> Match | None:
        """Where the host received: "at his office", "au siège du ministère", or a palace
        the archive does not know ("au palais X", "at the X Palace", "بقصر X"), which stands
        for the host's seat as an office does."""
        found = [
            match
            for match in OFFICE.find(self.document)
            # "au ministère des Affaires étrangères" names a ministry, not where they met
            if not (
                self.words[match.end - 1] == "ministere"
                and match.end < len(self.words)
                and self.words[match.end] in {"de", "des", "du", "d"}
                and match.length == 2
            )
        ]
        found += [*self.unknown_palaces(), *self.unknown_buildings()]
        return min(found, key=lambda match: match.start, default=None)

    def unknown_buildings(self) -> list[Match]:
        """ "at National Defence Headquarters", "at the TATTE Building", "at the Home
        Office": a building written with capitals, after "at", that the archive does not
        know."""
        known = {position for match in self.venues_named
                 for position in range(match.start, match.end)}  # fmt: skip
        found = []
        for index, word in enumerate(self.words):
            if word not in BUILDING_WORDS or index in known:
                continue
            if not self.document.original(index, index + 1)[:1].isupper():
                continue
            start = index
            while start > 0 and index - start < 4:
                previous = self.document.original(start - 1, start)
                if not previous[:1].isupper() or self.words[start - 1] == "the":
                    break
                start -= 1
            if start > 1 and self.words[start - 1] == "the":
                start -= 1
            if start < index and self.words[start - 1] == "at":
                found.append(Match(start - 1, index + 1, True))
        return found + self.unknown_venues_in_lead()

    def after_de(self, index: int) -> int:
        """The first token of a name after "de", "du", "de la", "d'" (or none) at ``index``."""
        if index < len(self.words) and self.words[index] in {"de", "du", "des", "d"}:
            index += 1
            if index < len(self.words) and self.words[index] in {"la", "l"}:
                index += 1
        return index

    def unknown_venues_in_lead(self) -> list[Match]:
        """A named venue the archive does not know, in the sentence that reports the meeting:
        "at APEC Haus", "at Capital Hill" (capitalised words after "at" that are no city,
        country, person or gathering), "au camp de Roux", "au quartier Reine Élisabeth", "rue
        de Varenne". Like an office, it stands for the host's seat."""
        start, end = self.lead
        if (start, end) == (0, 0):
            return []
        known = set(self.name_positions) | {
            position
            for table in (self.finder.city_matches, self.finder.country_names.values(),
                          self.finder.demonyms.values(), self.venues_named)
            for match in table
            for position in range(match.start, match.end)
        }  # fmt: skip
        found = []
        for index in range(start, min(end, len(self.words)) - 1):
            word, name = self.words[index], index + 1
            if word in VENUE_NOUNS and index and self.words[index - 1] in {"au", "a", "la", "l"}:
                # "au camp de Roux", "à la caserne X"
                name = self.after_de(index + 1)
                head = index - 1 if self.words[index - 1] == "au" else index
            elif word in STREET_WORDS:
                name, head = self.after_de(index + 1), index  # "rue de Varenne", "rue de la Loi"
            elif word == "at" and self.document.original(index, index + 1) == "at":
                head = index
            elif (
                word == "au"
                and index
                and (self.words[index - 1] in WEEKDAYS or self.words[index - 1] in RECEIVED_WORDS)
            ):
                # "a reçu lundi au Bernerhof": a received guest "au" a name no list knows is
                # a building of the host's seat.
                head = index
            elif (
                any(form in STADIUM_WORDS for form, _ in word_forms(word))
                and (word.startswith("ب") or self.words[index - 1] == "في")
                and not any(
                    match.start in range(index + 1, index + 6) for match in self.finder.city_matches
                )
            ):
                # "بملعب X": a stadium no list knows, whose city is not named with it
                found.append(Match(index, index + 1, True))
                continue
            elif self.unnamed_capital(index, known):
                found.append(Match(index, index + 2, True))
                continue
            else:
                continue
            last = name
            while (
                last < end
                and last not in known
                and self.document.original(last, last + 1)[:1].isupper()
                and self.words[last] not in EVENT_WORDS
            ):
                last += 1
            # "at APEC Haus" (two words at least after "at"), not "at Davos Forum"
            long_enough = last - name >= (2 if word == "at" else 1)
            if long_enough and last < len(self.words) and self.words[last] not in EVENT_WORDS:
                found.append(Match(head, last, True))
        return found

    def unnamed_capital(self, index: int, known: set[int]) -> bool:
        """ "dans la capitale fédérale", "in the capital", "في العاصمة الاتحادية": a capital
        named by no city, country or demonym after it, in the meeting's sentence; like an
        office, the host's capital."""
        word = self.words[index]
        forms = {form for form, _ in word_forms(word)}
        if not forms & {"capitale", "capital", "العاصمة"} or index + 1 in known:
            return False
        following = self.document.original(index + 1, index + 2)
        if self.language != "ar" and following[:1].isupper():
            return False  # "in the capital Muscat", a name the list lacks: not this rule
        if self.language == "ar":
            if following[:2] != "ال":
                return False  # "بالعاصمة سيئول": a name, not an adjective
            return word.startswith("ب") or self.words[index - 1] == "في"
        return (
            index > 1
            and self.words[index - 1] in {"la", "the"}
            and self.words[index - 2] in {"dans", "in", "a", "de", "of"}
        )  # "dans la vieille ville de la capitale fédérale"

    def unknown_palaces(self) -> list[Match]:
        known = {position for match in self.venues_named
                 for position in range(match.start, match.end)}  # fmt: skip
        found = []
        for index, word in enumerate(self.words):
            forms = word_forms(word)
            palace = next((removed for form, removed in forms if form in HOST_VENUE_WORDS), None)
            if (
                palace is None
                and word in CENTRE_WORDS
                and self.document.original(index, index + 1)[:1].isupper()
            ):
                # "au Centre international de conférences X": a centre written as a name,
                # not "au centre des discussions"
                palace = ""
            if palace is None or index in known:
                continue
            before = self.words[max(index - 3, 0) : index]
            after = self.words[index + 1 : index + 2]
            if before[-2:] in (["a", "l"], ["a", "la"]):
                before = before[:-1]  # "à l'hôtel X", "à la Villa X"
            if palace.endswith("ب") or (before and before[-1] in PLACE_PREPOSITIONS):
                found.append(Match(index, index + 2 if after else index + 1, True))  # au palais X
            elif "the" in before[-3:] and "at" in before[-3:]:
                found.append(Match(index - 1, index + 1, True))  # at the X Palace
            elif self.named_before_at_the(index):
                found.append(Match(index - 1, index + 1, True))  # at the X Y Z residence
        return found

    def named_before_at_the(self, index: int) -> bool:
        """ "at the Dar X Y residence": up to four capitalised words between "at the" and the
        venue's word."""
        start = index
        while start > 0 and index - start < 4:
            if not self.document.original(start - 1, start)[:1].isupper():
                break
            start -= 1
        return start < index and start > 1 and self.words[start - 2 : start] == ["at", "the"]

    def set_place(self, city, evidence: list[Evidence]) -> None:
        self.draft.place = city.slug
        self.draft.place_name = city.names.get("en") or city.slug
        self.draft.host_country = city.country
        self.draft.evidence["place"] = evidence

    def capital_of(self, country: str):
        return next(
            (city for city in self.gazetteer.cities if city.country == country and city.is_capital),
            None,
        )

    def host_from_the_text(self) -> tuple[str | None, tuple[int, int] | None]:
        """The host's country when no city is named, and the words that say it was at the
        host's office or ministry. The host is who received ("X received Y", "استقبل X Y",
        "Y was received by X"), or the side other than the visitor ("Y, who is visiting").
        """
        sides = self.draft.countries
        if len(sides) != 2:
            return None, None
        people = sorted(self.person_positions.items())  # token -> country
        office = self.office
        office_span = (office.start, office.end) if office else None
        visited = self.visited_country()
        if visited:
            # "Y, who is on an official visit to Oman", "traveled to Panama, where he met":
            # the country visited is the host, whoever the verb's subject is read to be.
            return visited, office_span
        visit = next(iter(VISITING.find(self.document)), None)
        if visit:
            guests = [country for position, country in people if position < visit.start]
            if guests and guests[-1] in sides:
                return next(code for code in sides if code != guests[-1]), office_span
        verb = next((i for i, word in enumerate(self.words) if word in RECEIVED_WORDS), None)
        if verb is None:
            return None, office_span
        following = self.words[verb + 1 : verb + 3]
        passive = PASSIVE_BY.intersection(following) or (
            verb and self.words[verb - 1] in {"ete", "was", "been", "etait", "being"}
        )
        if (
            self.language == "ar"
            and self.words[verb + 1 : verb + 2]
            and any(form in COUNTERPART_WORDS for form, _ in word_forms(self.words[verb + 1]))
        ):
            # "إن الوزير العوضي استقبل نظيره المصري": the subject came before the verb; "his
            # counterpart" right after it is the guest, the other side the host.
            guest = next((country for position, country in people if position > verb), None)
            host = next((code for code in sides if code != guest), None) if guest in sides else None
        elif self.appositive_participle(verb) and not PASSIVE_BY.intersection(following):
            # "son homologue seychellois, Denis Hoareau, reçu au ministère": the guest is
            # the one named before; the host, the other side.
            guest = next((country for position, country in reversed(people) if position < verb),
                         None)  # fmt: skip
            host = next((code for code in sides if code != guest), None) if guest in sides else None
        elif self.language == "ar" or passive:
            host = next((country for position, country in people if position > verb), None)
        else:
            host = next(
                (country for position, country in reversed(people) if position < verb), None
            )
            guest = next((country for position, country in people if position > verb), None)
            if host is None and guest in sides:
                # "X a reçu ... son homologue malien", X's country not read: the other side.
                host = next(code for code in sides if code != guest)
        return (host, office_span) if host in sides else (None, None)

    def appositive_participle(self, verb: int) -> bool:
        """A French participle of reception set after a comma, "son homologue seychellois,
        Denis Hoareau, reçu au ministère": it tells of the guest before it, as a passive."""
        if self.language != "fr" or not verb or self.words[verb] not in FRENCH_PARTICIPLES:
            return False
        start = self.document.origins[self.document.tokens[verb - 1].end - 1] + 1
        end = self.document.origins[self.document.tokens[verb].start]
        return "," in self.document.text[start:end]

    def followed_by_dash(self, match: Match) -> bool:
        if match.end >= len(self.words):
            return False
        start = self.document.origins[self.document.tokens[match.end - 1].end - 1] + 1
        end = self.document.origins[self.document.tokens[match.end].start]
        gap = self.document.text[start:end]
        return bool(BOUNDARY.search(gap)) and any(mark in gap for mark in "-–—(")

    # 8. Topics: keywords on normalised text.
    def find_topics(self) -> None:
        counts: Counter[str] = Counter()
        spans: dict[str, list[Evidence]] = defaultdict(list)
        for match in self.gazetteer.topic_keywords.find(self.document):
            if match.start in self.title_words:
                continue
            counts[match.payload] += 1
            if len(spans[match.payload]) < 3:
                spans[match.payload].append(self.evidence(match.start, match.end))
        chosen = [slug for slug, _ in counts.most_common(MAX_TOPICS)]
        # The most specific topics: a parent stays only when discussed more than its children.
        parents = {topic.slug: topic.parent for topic in self.gazetteer.topics}
        children_hits: Counter[str] = Counter()
        for slug in chosen:
            if parents.get(slug):
                children_hits[parents[slug]] += counts[slug]
        chosen = [s for s in chosen if not children_hits[s] or counts[s] > children_hits[s]]
        self.draft.topics = chosen
        self.draft.evidence["topics"] = {slug: spans[slug] for slug in chosen}

    def post_as_written(self, start: int, end: int) -> str:
        """The words of a title without the nationality it was written with: "Spain's
        foreign minister", "وزير الخارجية الإسباني" give "foreign minister", "وزير الخارجية"."""
        nationality = {
            position
            for table in (self.finder.demonyms, self.finder.country_names)
            for match in table.values()
            if start <= match.start and match.end <= end
            for position in range(match.start, match.end)
        }
        kept = [
            position
            for position in range(start, end)
            if position not in nationality
            and not (self.words[position] == "s" and position - 1 in nationality)
        ]
        # "وزير التجارة في [جمهورية كوريا]", "ministre ... de [la Guinée]": no dangling link.
        while kept and self.words[kept[-1]] in {"في", "in", "of", "de", "du", "d", "des", "la",
                                                 "l", "the", "from", "من", "لدي", "republic",
                                                 "republique", "جمهورية", "لجمهورية", "au",
                                                 "government", "gouvernement", "الحكومة",
                                                 "حكومة"}:  # fmt: skip
            kept.pop()
        # "وزير الداخلية الأستاذ ...", "le ministre M. ...": an honorific is the name's.
        while kept and self.finder.is_honorific(kept[-1]):
            kept.pop()
        if not kept:
            return ""
        # Keep the article's own spacing and punctuation inside each run of kept words.
        runs, first = [], kept[0]
        for index, position in enumerate(kept):
            following = kept[index + 1] if index + 1 < len(kept) else None
            if following != position + 1:
                runs.append(self.document.original(first, position + 1))
                first = following
        return " ".join(runs)

    def suggestion(self, participant: Participant) -> MinisterSuggestion:
        evidence = []
        post = ""
        for mention in participant.mentions[:3]:
            if mention.name_span:
                evidence.append(self.evidence(*mention.name_span, "name"))
            if mention.title_span:
                evidence.append(self.evidence(*mention.title_span, "title"))
                if not post:
                    start, end = mention.title_span
                    post = self.post_as_written(start, max(end, mention.post_end or 0))
        person = self.gazetteer.person_by_id.get(participant.person_id)
        if person:
            mandate = person.mandate_on(self.draft.date)
            if mandate:
                language = self.language if self.language in mandate.post_titles else "en"
                post = mandate.post_titles.get(language) or mandate.post_titles.get("en") or post
        return MinisterSuggestion(
            name=participant.name,
            country=participant.country,
            post=post.strip(" ،,"),
            portfolio=participant.portfolio,
            rank=participant.rank,
            role="accompanying" if participant.accompanying else "lead",
            known=person is not None,
            id=person.id if person else None,
            slug=person.slug if person else "",
            country_reason=participant.country_reason,
            evidence=evidence,
        )


def visited_at(country: str, finder: PeopleFinder) -> tuple[int, int]:
    """Where the country visited is named."""
    match = next(m for m in finder.country_names.values() if m.payload == country)
    return match.start, match.end


def first_mentioned(participant: Participant) -> int:
    """Where the participant is first mentioned (the first token of a head or a name)."""
    spans = [m.head or m.name_span for m in participant.mentions]
    return min((span[0] for span in spans if span), default=0)


def positions_of(participants: list[Participant], nameless) -> dict[int, str]:
    """Where each person is mentioned (first token of the mention), with their country."""
    positions = {}
    for participant in participants:
        for mention in participant.mentions:
            span = mention.head or mention.name_span
            if participant.country and span:
                positions[span[0]] = participant.country
    for mention in nameless:
        if mention.country and mention.head:
            positions[mention.head[0]] = mention.country
    return positions


# Country-code domains used as generic ones (.tv, .io...): no hint of a country.
GENERIC_DOMAINS = {
    "io", "co", "me", "tv", "ai", "fm", "am", "ws", "cc", "to", "gg", "la", "sh", "st", "nu",
    "tk", "ly", "ms", "vc", "so", "ag", "gs", "im",
}  # fmt: skip


# Two letters ending a site's name that are words first: "news-in", "info-de", "voice-of-us".
WORDS_AS_CODES = {"in", "it", "at", "is", "be", "by", "do", "no", "so", "my", "me", "to",
                  "go", "on", "an", "as", "us", "de", "la", "le", "el", "al", "et", "en",
                  "ma"}  # fmt: skip


def country_of_domain(url: str, gazetteer: Gazetteer) -> str | None:
    """The country of a site's country-code domain: "emiratesledger.ae" is the Emirates';
    else of a code or a country's name the site's name carries after a hyphen or as a word
    of its own: "elwatan-dz.com", "tsa-algerie.com", "maroc-diplomatique.net"."""
    host = host_of(url)
    suffix = host.rsplit(".", 1)[-1]
    if len(suffix) == 2 and suffix not in GENERIC_DOMAINS:
        code = "GB" if suffix == "uk" else suffix.upper()
        return code if code in gazetteer.country_by_code else None
    name = host.removeprefix("www.").rsplit(".", 1)[0]
    parts = [part for part in re.split(r"[-.]", name) if part]
    if len(parts) < 2:
        return None
    found = set()
    last = parts[-1]
    code = last.upper()
    if len(last) == 2 and last not in GENERIC_DOMAINS | WORDS_AS_CODES:
        found |= {code} & set(gazetteer.country_by_code)
    document = Document.from_text(" ".join(part.capitalize() for part in parts))
    found |= {match.payload for match in gazetteer.find_country_names(document)
              if match.length == 1 and len(document.tokens[match.start].text) > 3}  # fmt: skip
    return found.pop() if len(found) == 1 else None


# Words papers and sites are named with: "jamaicaobserver", "omandaily", "focustaiwan".
NEWS_WORDS = {"news", "online", "daily", "times", "observer", "post", "herald", "tribune",
              "today", "express", "focus", "star", "mail", "gazette", "web", "info", "infos",
              "press", "journal", "monitor", "voice", "live", "the", "new", "weekly", "sun",
              "chronicle", "insider", "reporter", "review", "standard", "guardian", "mirror",
              "dispatch", "wire", "hebdo", "actu", "matin", "soir", "nation"}  # fmt: skip


def made_of_news_words(text: str) -> bool:
    """``text`` is one or more of the words sites are named with, run together."""
    ends = {0}
    for end in range(1, len(text) + 1):
        if any(text[start:end] in NEWS_WORDS for start in ends if start < end):
            ends.add(end)
    return len(text) in ends and bool(text)


def country_in_site_name(url: str, gazetteer: Gazetteer) -> str | None:
    """A site named as its country's paper, the words run together: "jamaicaobserver.com"
    is Jamaica's, "focustaiwan.tw" Taiwan's, "dominicanewsonline.com" Dominica's (not the
    Dominican Republic's: "ewsonline" is no word). Only a country's one-word name, before or
    after the words of a paper's name, so that no other reading remains."""
    host = host_of(url)
    name = host.removeprefix("www.").split(".", 1)[0]
    found = set()
    for cut in range(4, len(name) - 2):
        for country, rest in ((name[:cut], name[cut:]), (name[-cut:], name[:-cut])):
            if not made_of_news_words(rest):
                continue
            document = Document.from_text(country.capitalize())
            found |= {
                match.payload
                for match in gazetteer.find_country_names(document)
                if match.start == 0 and match.end == len(document.tokens)
            }
    return found.pop() if len(found) == 1 else None


def extract(article: Article, gazetteer: Gazetteer) -> Draft:
    """Propose a meeting from an article. Saves nothing."""
    return Extraction(article, gazetteer).run()
