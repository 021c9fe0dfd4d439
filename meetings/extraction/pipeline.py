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

from meetings.extraction.article import Article
from meetings.extraction.dates import (
    choose_date,
    dateline_span,
    find_dates,
    in_future,
    sentence_break,
)
from meetings.extraction.document import Document, Match, PhraseMatcher, word_forms
from meetings.extraction.gazetteer import Gazetteer
from meetings.extraction.knowledge import (
    Agency,
    agency_named,
    credited_agencies,
    is_international_agency,
    shared_demonyms,
    venues,
)
from meetings.extraction.people import BOUNDARY, Participant, PeopleFinder, participants_from
from meetings.text import normalize

PLACE_PREPOSITIONS = {"في", "بمدينة", "بالعاصمة", "مدينة", "العاصمة", "a", "au", "en", "in",
                      "at", "to", "الي", "capital", "capitale"}  # fmt: skip
DESTINATION_WORDS = {"to", "الي"}
EVENT_WORDS = {"conference", "summit", "forum", "sommet", "salon", "expo", "cop",
               "مؤتمر", "قمة", "منتدي", "معرض"}  # fmt: skip
# The verb of a reception: its subject is the host.
RECEIVED_WORDS = {"استقبل", "استقبلت", "received", "receives", "hosted", "welcomed", "recu",
                  "recue", "recoit", "accueilli", "accueillie", "accueille"}  # fmt: skip
PASSIVE_BY = {"par", "by", "من"}
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
))  # fmt: skip
# The visitor: "Y, who is visiting", "الذي يقوم بزيارة", "en visite".
VISITING = PhraseMatcher.of((
    "الذي يقوم بزيارة", "التي تقوم بزيارة", "الذي يزور", "التي تزور", "في زيارة",
    "qui effectue une visite", "en visite", "who is visiting", "who is on a visit",
    "on a visit", "who was visiting",
))  # fmt: skip
FUTURE_WORDS = {"المقبل", "المقبلة", "القادم", "القادمة", "سيعقد", "ستعقد", "prochain", "prochaine",
                "next", "upcoming", "will"}  # fmt: skip
# Words that put a city in another meeting, to come: "invited him to Banjul", "agreed to
# hold in Riyadh", "la commission mixte prévue à Abuja", "دعوة لزيارة بغداد".
INVITATION_WORDS = {
    "invitation", "invite", "invited", "invites", "convenu", "convenus", "convenues", "agreed",
    "prevue", "prevu", "prevues", "scheduled", "planned", "دعوة", "لزيارة", "المقرر", "المرتقب",
    "المرتقبة", "اتفق", "اتفقا", "واتفق", "دعا",
}  # fmt: skip
# Words that put a city in an earlier event: "lors de la dernière visite à Nairobi".
PAST_WORDS = {"dernier", "derniere", "last", "previous", "precedente", "precedent", "earlier",
              "الماضي", "الماضية", "السابقة", "السابق", "الاخيرة", "المنصرم",
              # Without the article: "خلال لقاء سابق", "lors d'une réunion antérieure".
              "سابق", "سابقة", "anterieur", "anterieure", "prior"}  # fmt: skip
# Buildings named after their city: "مركز دبي التجاري العالمي", "Centre international de
# conférences de Dakar", "the Abuja International Conference Centre".
VENUE_WORDS = {"مركز", "قصر", "فندق", "قاعة", "centre", "center", "palais", "palace", "hotel",
               "salle", "hall"}  # fmt: skip
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
    # Meetings to come, in announcements.
    "seance", "session", "audience", "مقابلة", "المقابلة", "receive",
    "recevra", "rencontrera", "entretiendra", "meet", "سيجري", "سيلتقي", "سيستقبل", "يستقبل",
    "يلتقي", "تلتقي", "welcomed", "accueilli", "accueillie", "s'entretiendra",
}  # fmt: skip
# Capitalised words after "in"/"à" that are no place: "in Parliament", "à Son Excellence".
NOT_PLACE_NAMES = {"parliament", "son", "sa", "ses", "his", "her", "their", "the", "la", "le",
                   "les", "l", "mr", "m", "mme", "mrs", "ms", "dr", "french", "english", "arabic",
                   "francais", "anglais", "arabe", "person", "presence", "attendance"}  # fmt: skip
PALACE_WORDS = {"palais", "palace", "قصر"}
# "في مدينة X", "بمحافظة X": a city or a governorate, named as where they met.
AREA_WORDS = {"بمدينة", "مدينة", "بمحافظة", "محافظة"}
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
))  # fmt: skip
SESSION_OF_MANY = PhraseMatcher.of((
    "مجلس وزراء", "لمجلس وزراء", "الدورة العادية", "الدورة الاستثنائية", "اشغال الدورة",
    "اجتماعات الدورة", "conseil des ministres", "session ordinaire", "session extraordinaire",
    "council of ministers", "ministerial council", "ordinary session", "extraordinary session",
    "conseil ministeriel", "المجلس الوزاري", "reunion ministerielle", "ministerial meeting",
    "اجتماع وزاري", "الاجتماع الوزاري",
))  # fmt: skip
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
))  # fmt: skip
# Members of a parliament are not a government's ministers: a minister receiving a
# delegation of them gives an audience ("a delegation of Swedish MPs", "وفدا برلمانيا").
PARLIAMENTARIANS = PhraseMatcher.of((
    "members of parliament", "parliamentarians", "parliamentary delegation", "mps",
    "lawmakers", "legislators", "senators", "parlementaires", "deputes", "senateurs",
    "delegation parlementaire", "برلمانيين", "البرلمانيين", "برلمانيا", "برلماني",
    "النواب", "اعضاء البرلمان", "اعضاء مجلس الشيوخ",
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
# An ambassador is not a minister: a minister receiving one gives an audience, not a meeting.
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
        self.side_from_place(participants)
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
        if outlet is None and not self.article.outlet:
            # No outlet named: perhaps the byline names one ("بغداد / الصباح الجديد" names
            # an outlet the archive does not know, not "الصباح": only when none is given).
            matcher = PhraseMatcher()
            for entry in self.gazetteer.outlets:
                for name in (entry.name, entry.name_ar):
                    if name and len(name) > 3:
                        matcher.add(name, entry.name)
            top = Document.from_text(self.article.text[:400])
            matches = matcher.find(top)
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
            self.outlet_country = country_of_domain(self.article.url, self.gazetteer)

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
        self.source_country = self.credit.payload.country if self.credit else self.outlet_country

    # 6. Date.
    def find_date(self) -> None:
        published = self.article.published
        candidates = find_dates(self.document, self.language, published)
        chosen = choose_date(candidates, self.document, published)
        self.date_candidates, self.chosen_date = candidates, chosen
        vague = VAGUE_TIME.find(self.document)
        if chosen and not (vague and chosen.how == "relative"):
            self.draft.date, self.draft.date_precision = chosen.date, chosen.precision
            if published and chosen.date > published:
                # Every date the article gives is to come: it announces the meeting.
                self.draft.announcement = True
                self.draft.warnings.append(
                    "This article announces a meeting that had not taken place when it was "
                    "published: check that it did before publishing it."
                )
            self.draft.evidence["date"] = [self.evidence(chosen.start, chosen.end, chosen.how)]
        elif vague:
            # "last week": no day can be given, and guessing one would mislead.
            self.draft.evidence["date"] = [self.evidence(vague[0].start, vague[0].end, "vague")]
            self.draft.warnings.append("The article does not say on which day the meeting was.")
        elif published:
            self.draft.date, self.draft.date_precision = published, "day"
            self.draft.evidence["date"] = []
            self.draft.warnings.append(
                "No date in the text: the publication date is proposed. Check it."
            )
        else:
            self.draft.warnings.append("No date found, and no publication date was given.")

    # 5. An unqualified minister in a national outlet or agency wire is that country's.
    def apply_source_country(self, participants: list[Participant], nameless) -> None:
        if not self.source_country:
            self.apply_dateline_country(participants, nameless)
            return
        reason = "agency" if self.credit else "outlet"
        for participant in participants:
            described = any(mention.head for mention in participant.mentions)
            if participant.country is None and described:
                participant.country = self.source_country
                participant.country_reason = reason
        for mention in nameless:
            if mention.country is None and not mention.counterpart and mention.head:
                mention.country = self.source_country
                mention.country_span = mention.head

    def apply_dateline_country(self, participants: list[Participant], nameless) -> None:
        """No outlet or agency gives a country, but the wire's dateline names a city ("ANKARA
        -", "أنقرة/", "DAKAR, 3 mars"): a minister it names by title alone ("Foreign Minister
        X", "وزير الخارجية X", "le ministre des Affaires étrangères X") is of the country the
        wire was filed from, as a wire names its own country's ministers. Not when another
        minister is of that country: then the dateline is the guest's hosts."""
        home = self.dateline_country()
        if not home:
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
        self.lead = lead = self.lead_sentence(participants, nameless)
        self.share_demonyms(finder, participants, nameless)
        scores: Counter[str] = Counter()
        spans: dict[str, list[Evidence]] = defaultdict(list)
        strong: set[str] = set()
        used_spans: set[tuple[int, int]] = set()
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
            elif mention.country:
                scores[mention.country] += 4 if mention.counterpart else 3
                strong.add(mention.country)
                spans[mention.country].append(self.evidence(*mention.country_span, "title"))
                used_spans.add(mention.country_span)
        for match in self.paired_demonyms(finder):
            # "الوزيران المغربي والبرتغالي", "les ministres marocain et portugais".
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
        if len(chosen) == 1 and (self.counterpart_relation or lead != (0, 0)):
            # "X and his Spanish counterpart": the other side need only be named once. Not
            # when no sentence says anyone met and only one country's ministers are named (a
            # cabinet's session, "مجلس الحكومة"): a country named in passing is no side.
            needed = 1.0 if self.counterpart_relation else 2.0
            # A country named only as a place ("rentre de Lusaka, en Zambie", "in Libya") is
            # where something is, not who met: it needs a name or a demonym of its own.
            others = [
                code
                for code in ranked
                if code not in chosen and scores[code] >= needed and spans[code]
            ]
            if others:
                chosen.append(others[0])
        if len(chosen) == 1 and self.source_country and self.source_country not in chosen:
            # "X received his Emirati counterpart" in a Moroccan outlet or a MAP wire: X is
            # Moroccan, though named without a title.
            counterparts = [
                m
                for m in [*nameless, *(m for p in participants for m in p.mentions)]
                if m.counterpart and m.country == chosen[0]
            ]
            if counterparts or any(p.country is None for p in participants):
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
        if len(chosen) == 2 and self.looks_multilateral(strong, scores, chosen):
            chosen = self.no_meeting(
                "More than two countries take part: this looks like a multilateral meeting."
            )
        self.draft.candidate_countries = ranked[:6]
        if chosen and self.gathering_of_several(scores):
            chosen = self.no_meeting(
                "More than two countries take part: this looks like a multilateral meeting."
            )
        if chosen and self.called_off(chosen):
            chosen = self.no_meeting(
                "The meeting was postponed or cancelled: it did not take place."
            )
        if chosen and self.message_sent():
            chosen = self.no_meeting(
                "The minister sent a message (of congratulations, of condolences): a message "
                "is not a meeting."
            )
        members = self.ambassadors_received(participants, nameless, PARLIAMENTARIANS)
        if chosen and members and (members.intersection(chosen) or len(chosen) < 2):
            chosen = self.no_meeting(
                "The minister received members of a parliament, not a minister: an audience "
                "is not a ministerial meeting."
            )
        envoys = self.ambassadors_received(participants, nameless)
        if envoys and (envoys.intersection(chosen) or len(chosen) < 2):
            chosen = self.no_meeting(
                "The minister received an ambassador, not a minister: an audience is not a "
                "ministerial meeting."
            )
        if chosen and self.head_of_state_audience():
            chosen = self.no_meeting(
                "A head of state received the minister: an audience is not a ministerial meeting."
            )
        if chosen and self.is_phone_call():
            chosen = self.no_meeting("This reports a phone call, not a meeting.")
        elif len(chosen) == 1 and self.other_side_unknown(participants, nameless):
            # One side is clear, the other is not named: better to propose the one.
            self.draft.warnings.append(
                f"Only one side is clear ({chosen[0]}): the other country could not be "
                "identified. Choose it."
            )
        elif len(chosen) < 2:
            chosen = []
            self.draft.warnings.append(
                "No bilateral meeting found: fewer than two countries could be identified."
            )
        elif not any(form in MEETING_WORDS for word in self.words for form, _ in word_forms(word)):
            self.draft.warnings.append("The article does not say that a meeting took place.")
        self.draft.countries = sorted(chosen)
        self.draft.evidence["countries"] = {code: spans[code][:3] for code in chosen}

    def share_demonyms(self, finder: PeopleFinder, participants, nameless) -> None:
        """ "الوزير الكونغولي" in an article about the Republic of the Congo's minister: a
        demonym two countries share is the other's when the article names it as often and
        its minister takes part (knowledge: shared_demonyms.json)."""
        named = Counter(match.payload for match in finder.country_names.values())
        # Ministers whose country the article gives by its name ("وزير المحروقات لجمهورية
        # الكونغو"), not by a demonym.
        by_name = {(m.start, m.end) for m in finder.country_names.values()}
        mentions = [*nameless, *(m for p in participants for m in p.mentions)]
        sides = {m.country for m in mentions if m.country and m.country_span in by_name}
        start, end = self.lead
        in_lead = {
            m.country
            for m in mentions
            if m.country and start <= (m.head or m.name_span or (-1,))[0] < end
        }
        self.demonyms_named_beside(finder, participants, nameless)
        for owner, others in shared_demonyms().items():
            other = next((code for code in others if code in sides), None)
            if other is None or named[other] < max(named[owner], 1):
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

    def gathering_of_several(self, scores) -> bool:
        """The article says three or more met ("trilateral", "les trois ministres", "his
        counterparts"), names at least three countries, and nothing says two of them met on
        their own (bilateral talks, on the sidelines)."""
        if not SEVERAL_SIDES.find(self.document):
            return False
        if BILATERAL.find(self.document) or self.sidelines:
            return False
        return sum(1 for score in scores.values() if score >= 1) >= 3

    def no_meeting(self, warning: str) -> list[str]:
        """What the article reports is not a meeting of two countries' ministers: no
        countries, and the editor told why."""
        self.draft.warnings.append(warning)
        self.not_a_meeting = True
        return []

    def called_off(self, chosen: list[str]) -> bool:
        """The sentence that reports the meeting, or the first one, says it was postponed or
        cancelled ("la visite ... a été reportée", "the talks were called off", "تأجيل"); or
        a side's minister is named only in sentences that say so ("son entretien avec le
        ministre ivoirien a été reporté")."""
        sentences = [self.lead]
        people = sorted(self.person_positions)
        if people:
            sentences.append(self.sentence_around(people[0]))
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
        congratulations), and no word of a meeting is in it."""
        people = sorted(self.person_positions)
        if not people:
            return False
        start, end = self.sentence_around(people[0])
        if not any(start <= match.start < end for match in MESSAGE_SENT.find(self.document)):
            return False
        return not any(
            form in MEETING_WORDS for word in self.words[start:end] for form, _ in word_forms(word)
        )

    def ambassadors_received(self, participants, nameless, matcher=AMBASSADOR) -> set[str]:
        """Countries represented in the meeting's sentence by their ambassador ("l'ambassadeur
        du Japon", "Japan's ambassador", "السفير الياباني", "سفير اليابان"), or by members of
        their parliament, and by no minister."""
        start, end = self.lead
        envoys = set()
        for match in matcher.find(self.document):
            if not start <= match.start < end:
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
            if not joined or first.payload == second.payload:
                continue
            earlier = [other for other in demonyms if other.start < first.start]
            if earlier and first.start - earlier[-1].end <= 2:
                continue  # the last two of a longer list: "the Saudi, Jordanian and Qatari"
            around = self.words[max(first.start - 3, 0) : second.end + 3]
            if PLURAL_MINISTERS.intersection(around):
                found += [first, second]
        return found

    def other_side_unknown(self, participants, nameless) -> bool:
        """Someone met someone whose country the article does not give."""
        if not any(form in MEETING_WORDS for word in self.words for form, _ in word_forms(word)):
            return False
        unknown_person = any(p.country is None and not p.accompanying for p in participants)
        # "his counterpart", "Le ministre des Affaires étrangères" of no country given.
        unknown_title = any(m.country is None and not m.accompanying for m in nameless)
        return unknown_person or unknown_title

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
        if SIDELINES.find(self.document) and set(chosen) <= self.in_lead:
            return False  # two ministers met on the sidelines of a gathering of many
        if self.takes_part_in_a_session():
            return True
        named = sum(1 for score in scores.values() if score > 0)
        gathering = bool(MULTILATERAL.find(self.document))
        return named >= MANY_COUNTRIES or (gathering and named >= 4)

    def takes_part_in_a_session(self) -> bool:
        """The first sentence that names a minister says they took part in a session of a
        body of many: a council of ministers, an ordinary session, a ministerial meeting."""
        people = sorted(self.person_positions)
        if not people:
            return False
        start, end = self.sentence_around(people[0])
        return all(
            any(start <= match.start < end for match in matcher.find(self.document))
            for matcher in (TAKES_PART, SESSION_OF_MANY)
        )

    # People with no country yet: the one side that has nobody.
    def complete_sides(self, participants: list[Participant]) -> None:
        if len(self.draft.countries) != 2:
            return
        represented = {p.country for p in participants if p.country}
        missing = [code for code in self.draft.countries if code not in represented]
        unassigned = [p for p in participants if not p.country]
        if len(missing) == 1 and len(unassigned) == 1:
            unassigned[0].country = missing[0]
            unassigned[0].country_reason = "the other side"

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
        "au Centre international de conférences de Dakar", "at the Abuja Continental"."""
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

    def side_from_place(self, participants: list[Participant]) -> None:
        """One side known, a minister of unknown country, a meeting in a city of another
        country, and no gathering of many: the minister is the host's ("X a reçu à Rabat
        son homologue sénégalais" in an outlet not named)."""
        sides, host = self.draft.countries, self.draft.host_country
        unknown = [p for p in participants if p.country is None and not p.accompanying]
        if len(sides) != 1 or not host or host in sides or len(unknown) != 1:
            return
        gatherings = [*MULTILATERAL.find(self.document), *self.sidelines]
        if any(
            self.near_the_lead(match.start) and not self.in_the_past(match.start)
            for match in gatherings
        ):
            # On the sidelines of a gathering, the host country need be neither side; not
            # a gathering where they met before ("last met on the sidelines of the G20"),
            # nor one the article names far from the meeting ("then left for a summit").
            return
        if self.draft.evidence.get("place") == []:
            return  # the place was itself inferred from the outlet: no evidence of the host
        unknown[0].country, unknown[0].country_reason = host, "place"
        self.draft.countries = sorted([*sides, host])
        self.draft.warnings = [w for w in self.draft.warnings if not w.startswith("Only one")]
        self.draft.warnings.append(
            f"{host} is proposed as a side because the meeting took place there and "
            "the other minister's country is not given. Check it."
        )

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
                seat = "capital" if city.is_capital else "city of the dateline"
                self.draft.warnings.append(
                    f"No city named: the meeting was at the host's ministry, so the host's "
                    f"{seat} is proposed. Check it."
                )
            return
        if unknown:
            self.draft.warnings.append(
                f"The meeting took place in {self.document.original(*unknown)}, which is not "
                "in the archive's list of cities: add it, or choose the place."
            )
        host, _office = self.host_from_the_text()
        if host:
            self.draft.host_country = host
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
                "No place named: the outlet's country and its capital are proposed. Check them."
            )

    def unknown_place_in_lead(self) -> tuple[int, int] | None:
        """A place the archive does not know, named as where the meeting was: in the sentence
        that reports it, "à" or "in" before a capitalised name that is no city, country,
        person, month or weekday ("à Lille", "in Aqaba"), or "في مدينة"/"بمدينة" before a
        word that is no city. The tokens of the name, or None."""
        start, end = self.lead
        known = set()
        for table in (self.finder.city_matches, self.finder.country_names.values(),
                      self.finder.demonyms.values(), venues().find(self.document)):  # fmt: skip
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
                if self.office and 0 <= index - self.office.end <= 3:
                    continue  # "au siège du ministère, à Ben Aknoun": the office's address
                last = following + 1
                while last < end and self.document.original(last, last + 1)[:1].isupper():
                    last += 1  # "Sharm El Sheikh"
                return following, last
            if word in AREA_WORDS and (word.startswith("ب") or self.words[index - 1] == "في"):
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

    def places_named(self):
        """(match, city, how) for each way the article names a city: by its name, by a
        building ("the Viminale"), by its country in a dateline ("الجزائر (واج) -", "KUWAIT,
        Oct 15 (KUNA)": the capital), or as a country's capital ("العاصمة الإثيوبية", "the
        Turkish capital", "la capitale éthiopienne")."""
        for match in self.finder.city_matches:
            yield match, self.gazetteer.city_by_slug[match.payload], "name"
        for match in venues().find(self.document):
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
            match.end <= end or self.followed_by_dash(match)
        )

    def place_score(self, match: Match, city, how: str, cues: list[int]) -> float | None:
        """How surely the city is where the meeting took place; None when it is not named as
        a place at all."""
        sides = self.draft.countries
        if how == "building" and len(sides) == 2 and city.country not in sides:
            # A ministry's building named as any country's ("the Foreign Office") in a
            # meeting of two others: their own ministry, not that city.
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
        elif (
            how in {"building", "capital"}
            or self.is_place_phrase(match)
            or self.names_an_event(match)
            or self.in_named_venue(match)
        ):
            # Near the words of the meeting, or a venue in the sentence that reports it.
            in_lead = self.lead[0] <= match.start < self.lead[1]
            near = any(abs(match.start - cue) <= 15 for cue in cues) or (
                in_lead and (self.in_named_venue(match) or self.names_an_event(match))
            )
            score = 3.5 + (2 if near else 0)
            if in_lead and self.is_place_phrase(match) and len(self.draft.countries) < 2:
                # One side known: the city the meeting's own sentence names ("hosted X for
                # talks ... in Nairobi") over a city of that side named further on.
                score += 1.5
            if match.start and self.words[match.start - 1] in DESTINATION_WORDS:
                score -= 0.5  # "arrived in Rabat" before "met in Rabat": "in" is better
        else:
            return None
        if city.country in sides:
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
            or in_future(self.document, match.start)  # "une commission se tiendra à Kinshasa"
        )
        if later and not self.draft.announcement:
            score -= 5
        elif INVITATION_WORDS.intersection(before[-4:]) and not self.draft.announcement:
            score -= 5  # "invited him to Banjul", "agreed to hold in Riyadh"
        elif self.another_time(match) or self.earlier_event(match.start):
            score -= 5  # "in Madrid last October", "lors de la dernière visite à Nairobi"
        if BASED_WORDS.intersection(before[-3:]):
            score -= 3
        return score + 1 - match.start / max(len(self.words), 1)  # earlier is better

    def gathering_place(self, match: Match) -> bool:
        """A city named with a gathering, or in the sentence that reports the meeting."""
        if self.names_an_event(match):
            return True
        start, end = self.lead
        if start <= match.start < end:
            return True
        return any(abs(found.start - match.start) <= 20 for found in SIDELINES.find(self.document))

    def another_time(self, match: Match) -> bool:
        """A date other than the meeting's, or a word of the past, right by the city."""
        chosen = self.chosen_date
        # The meeting's own date and the words around it ("يناير الماضي", "last Tuesday").
        chosen_span = range(chosen.start - 2, chosen.end + 2) if chosen else range(0)
        dateline = range(*self.dateline)
        for candidate in self.date_candidates:
            if candidate is chosen or candidate.date == (chosen.date if chosen else None):
                continue
            if candidate.start in dateline:
                continue  # "NEW YORK, Sept 23 (QNA) -": the wire's date, not another event's
            if chosen and abs((candidate.date - chosen.date).days) <= 2 and candidate.to_come:
                continue  # "will arrive in Riyadh on Wednesday" and meet on Thursday: one visit
            if match.end <= candidate.start <= match.end + 4 or (
                match.start - 4 <= candidate.end <= match.start
            ):
                return True
        # "met in Doha last week": a vague time is the meeting's own, not another.
        vague = {
            position
            for found in VAGUE_TIME.find(self.document)
            for position in range(found.start, found.end)
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
            how == "name" and abs(match.start - office.end) <= 6
            for _score, match, _city, how in candidates
        ):
            return None  # "au siège du ministère du Commerce, à Tunis": the city is named
        host, _span = self.host_from_the_text()
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
        return score, office, seat, "office"

    @functools.cached_property
    def office(self) -> Match | None:
        """Where the host received: "at his office", "au siège du ministère", or a palace
        the archive does not know ("au palais X", "at the X Palace", "بقصر X"), which stands
        for the host's seat as an office does."""
        found = [*OFFICE.find(self.document), *self.unknown_palaces()]
        return min(found, key=lambda match: match.start, default=None)

    def unknown_palaces(self) -> list[Match]:
        known = {position for match in venues().find(self.document)
                 for position in range(match.start, match.end)}  # fmt: skip
        found = []
        for index, word in enumerate(self.words):
            forms = word_forms(word)
            palace = next((removed for form, removed in forms if form in PALACE_WORDS), None)
            if palace is None or index in known:
                continue
            before = self.words[max(index - 3, 0) : index]
            after = self.words[index + 1 : index + 2]
            if palace.endswith("ب") or (before and before[-1] in PLACE_PREPOSITIONS):
                found.append(Match(index, index + 2 if after else index + 1, True))  # au palais X
            elif "the" in before[-3:] and "at" in before[-3:]:
                found.append(Match(index - 1, index + 1, True))  # at the X Palace
        return found

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
        visit = next(iter(VISITING.find(self.document)), None)
        if visit:
            guests = [country for position, country in people if position < visit.start]
            if guests and guests[-1] in sides:
                return next(code for code in sides if code != guests[-1]), office_span
        verb = next((i for i, word in enumerate(self.words) if word in RECEIVED_WORDS), None)
        if verb is None:
            return None, None
        following = self.words[verb + 1 : verb + 3]
        passive = PASSIVE_BY.intersection(following) or (
            verb and self.words[verb - 1] in {"ete", "was", "been", "etait", "being"}
        )
        if self.language == "ar" or passive:
            host = next((country for position, country in people if position > verb), None)
        else:
            host = next(
                (country for position, country in reversed(people) if position < verb), None
            )
        return (host, office_span) if host in sides else (None, None)

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


def on_domain(url: str, domain: str) -> bool:
    """The URL is on ``domain`` (or ``domain`` is not known)."""
    domain = domain.lower().removeprefix("www.")
    host = url.split("//", 1)[-1].split("/", 1)[0].split(":", 1)[0].lower().removeprefix("www.")
    return not domain or host == domain or host.endswith("." + domain)


def country_of_domain(url: str, gazetteer: Gazetteer) -> str | None:
    """The country of a site's country-code domain: "emiratesledger.ae" is the Emirates';
    else of a code or a country's name the site's name carries after a hyphen or as a word
    of its own: "elwatan-dz.com", "tsa-algerie.com", "maroc-diplomatique.net"."""
    host = url.split("//", 1)[-1].split("/", 1)[0].split(":", 1)[0].lower()
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


def extract(article: Article, gazetteer: Gazetteer) -> Draft:
    """Propose a meeting from an article. Saves nothing."""
    return Extraction(article, gazetteer).run()
