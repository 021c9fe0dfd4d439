"""Find the people of a meeting: ministers the archive knows, and new ones from titles.

A title ("وزير الداخلية الإيطالي", "la ministre française des Affaires
étrangères", "Italian Interior Minister") or a counterpart word ("نظيره",
"son homologue", "his counterpart") is read with what surrounds it: the
portfolio, a demonym or country for the person's country, and the name that
follows (or precedes, in an apposition: "عبد الوافي لفتيت، وزير الداخلية").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from meetings.extraction.document import Document, Match, PhraseMatcher, word_forms
from meetings.extraction.gazetteer import Gazetteer
from meetings.extraction.knowledge import capitalised_countries, official_titles

HEADS = {
    # phrase: rank
    "وزير": "minister", "وزيرة": "minister", "الوزير": "minister", "الوزيرة": "minister",
    "كاتب الدولة": "secretary_of_state", "كاتبة الدولة": "secretary_of_state",
    "الوزير المنتدب": "minister_delegate", "الوزيرة المنتدبة": "minister_delegate",
    "رئيس الحكومة": "head_of_government", "رئيسة الحكومة": "head_of_government",
    "رئيس الوزراء": "head_of_government", "رئيسة الوزراء": "head_of_government",
    "الوزير الاول": "head_of_government", "المفوض الاوروبي": "official",
    "المفوضة الاوروبية": "official", "الكاتب العام": "official", "المدير العام": "official",
    "ministre": "minister", "ministre delegue": "minister_delegate",
    "ministre deleguee": "minister_delegate", "secretaire d'etat": "secretary_of_state",
    "premier ministre": "head_of_government", "chef du gouvernement": "head_of_government",
    "commissaire europeen": "official", "commissaire europeenne": "official",
    "minister": "minister", "secretary of state": "secretary_of_state",
    "state secretary": "secretary_of_state", "prime minister": "head_of_government",
    "home secretary": "minister", "foreign secretary": "minister",
    "european commissioner": "official", "commissioner": "official",
    "رئيس الدبلوماسية": "minister", "chef de la diplomatie": "minister",
    "top diplomat": "minister", "chief diplomat": "minister",
    "cabinet secretary": "minister",
    # An interim government's ministers are its Advisers: "Foreign Affairs Adviser".
    "foreign affairs adviser": "minister", "adviser for foreign affairs": "minister",
    "conseiller aux affaires etrangeres": "minister", "مستشار الشؤون الخارجية": "minister",
    # Kenya's ministers are Cabinet Secretaries, in French "secrétaires du Cabinet".
    "secretaire du cabinet": "minister", "secretaire de cabinet": "minister",
    # Mexico's ministers are Secretaries, the Philippines' too: "la secrétaire aux
    # Relations extérieures", "Secretary of Foreign Affairs".
    "secretaire aux relations exterieures": "minister",
    "secretaire des relations exterieures": "minister",
    "secretary of foreign relations": "minister", "secretary of foreign affairs": "minister",
    "foreign relations secretary": "minister", "foreign affairs secretary": "minister",
    "secretaria de relaciones exteriores": "minister",
}  # fmt: skip
# Where ministers are Secretaries (the Philippines, the United States, the United Kingdom), a
# portfolio before "Secretary" makes a minister's title: "Philippine Defence Secretary",
# "Trade Secretary". "Permanent Secretary", "Principal Secretary" have no portfolio: not one.
SECRETARY_HEADS = {
    f"{portfolio} secretary"
    for portfolio in (
        "defence", "defense", "trade", "finance", "energy", "health", "agriculture",
        "education", "labor", "labour", "transport", "transportation", "justice",
        "environment", "tourism", "interior",
    )
}  # fmt: skip
HEADS.update(dict.fromkeys(SECRETARY_HEADS, "minister"))
COUNTERPART_WORDS = {"homologue", "homologues", "counterpart", "counterparts"}
HONORIFICS = {
    "السيد", "السيدة", "m", "mme", "mr", "mrs", "ms", "dr", "monsieur", "madame", "الشيخ",
    "الشيخة", "الامير", "الاميرة", "سمو", "معالي", "الدكتور", "الدكتورة", "sheikh", "sheikha",
    "cheikh", "prince", "princess", "princesse", "excellency",
    # Ranks and callings written before a minister's name: "الفريق محمد تومبا", "المهندس
    # ضو البيت", "le général Tine", "Ambassador Yusuf Tuggar", "السفير علي يوسف".
    "الفريق", "اللواء", "العميد", "العقيد", "المشير", "المهندس", "المهندسة", "السفير",
    "السفيرة", "الاستاذ", "الاستاذة", "general", "colonel", "ambassador", "ambassadeur",
    "ambassadrice", "professor", "professeur", "pr", "eng",
}  # fmt: skip
# Honorifics that are also given names: "Cheikh Niang", "Sheikh Hasina".
GIVEN_NAME_HONORIFICS = {"cheikh", "sheikh", "cheick"}
# Honorifics that are also words: "HE" (His Excellency) only in capitals, not "he".
CAPITAL_HONORIFICS = {"he", "hh", "hrh"}
# Words of names that do not count towards a name's length: bin, ould, al...
NAME_PARTICLES = {"بن", "ولد", "بنت", "ابن", "ابو", "عبد"}
# Words that are part of a title rather than of a name.
TITLE_WORDS = {
    "شؤون", "لشؤون", "الشؤون", "بشؤون", "المكلف", "المكلفة", "الدولة", "لدي", "المنتدب",
    "المنتدبة", "العام", "العامة", "الاول", "الاولي", "الحكومة", "الوزراء", "الخارج",
    "والتعاون", "التعاون", "الافريقي", "بالخارج", "المقيمين", "المغاربة", "ب", "و", "ل",
    # A regional cooperation in a foreign minister's title: "والتعاون الشرق أفريقي".
    "الشرق", "افريقي",
    "de", "des", "du", "la", "le", "l", "et", "charge", "chargee", "aupres", "d", "etat",
    "of", "the", "and", "for", "state", "affairs", "cooperation", "federal", "federale",
    # Words of ministers' titles in French and English that are capitalised in titles.
    "rural", "development", "maritime", "forests", "forets", "water", "eau", "sustainable",
    "durable", "digital", "numerique", "transition", "solidarity", "solidarite", "reforms",
    "reform", "reformes", "institutional", "institutionnelles", "democratic", "renewal",
    "renouveau", "democratique", "overseas", "outre", "mer", "territories", "territoriales",
    "collectivites", "relations", "security", "securite", "migration", "asylum", "asile",
    "integration", "housing", "logement", "labour", "labor", "employment", "emploi", "travail",
    "environment", "environnement", "climate", "climat", "culture", "youth", "jeunesse",
    "sports", "sport", "tourism", "tourisme", "transport", "transports", "equipment",
    "equipement", "logistics", "logistique", "planning", "amenagement", "social", "sociale",
    "protection", "health", "sante", "family", "famille", "european", "europeennes", "europe",
    "international", "internationale", "trade", "commerce", "industry", "industrie", "economy",
    "economie", "finance", "finances", "budget", "public", "publique", "services", "innovation",
    "research", "recherche", "higher", "superieur", "education", "nationale", "national",
    "defence", "defense", "armed", "forces", "armees", "home", "interior", "interieur",
    "foreign", "justice", "energy", "energie", "mines", "mining", "agriculture", "fisheries",
    "peche", "food", "alimentaire", "sovereignty", "souverainete", "vice", "deputy", "first",
    "premier", "delegate", "delegue", "deleguee", "minister", "ministre", "secretary",
    "secretaire", "general", "generale", "chief", "top", "diplomat", "s",
    "affaires", "etrangeres", "exterieures",
    # More words of ministers' titles: "Cabinet Secretary for Environment, Climate Change and
    # Forestry", "ministre de l'Hydraulique", "حكومة الوحدة الوطنية".
    "change", "forestry", "hydraulics", "hydraulique", "sanitation", "assainissement",
    "hygiene", "childhood", "enfance", "diaspora", "expatriates", "communities", "communautes",
    "exports", "exportations", "promotion", "investment", "investissement", "infrastructure",
    "infrastructures", "petroleum", "petrole", "hydrocarbons", "hydrocarbures", "resources",
    "ressources", "irrigation", "aviation", "civil", "handicrafts",
    "artisanat", "communication", "communications", "information", "media", "medias",
    "gender", "genre", "women", "femme", "femmes", "customs", "douanes",
    "acting", "interim", "حكومة", "بحكومة", "لحكومة",
    # Plurals and adjectives of French titles: "ministre des Pêches et des Infrastructures
    # maritimes et portuaires", "des Mines et de la Géologie".
    "peches", "maritimes", "portuaires", "ports", "port", "geologie", "geology",
    "scientifique", "scientific", "universite", "university", "universities", "technologies",
    "technology", "technologie", "telecommunications", "postes", "posts", "nationales",
    "etrangere", "exterieure", "exterieur", "intergouvernementales", "regionale", "regional",
    "decentralisation", "decentralization", "urbanisme", "urban", "cities", "ville", "villes",
}  # fmt: skip
# Nouns of titles that take an adjective after them ("Administration territoriale").
TITLE_NOUNS = {"administration", "securite", "economie", "fonction", "formation", "sante",
               "action", "education", "enseignement", "recherche"}  # fmt: skip
# Words that link a title to the country it serves: "ministre des Affaires étrangères du
# Nigeria", "his counterpart from the United States", "ministre de la République ...".
COUNTRY_LINKS = {"de", "du", "des", "d", "of", "from", "من"}
ARTICLES = {"la", "l", "the", "le"}
GOVERNMENT_WORDS = {"government", "gouvernement", "الحكومة", "حكومة"}
STATE_WORDS = {"جمهورية", "مملكة", "دولة", "سلطنة", "republic", "kingdom", "state", "republique",
               "royaume", "etat"}  # fmt: skip
POSSESSIVES = {"his", "her", "their", "son", "sa", "ses", "leur"}
# "Libya's acting FM", "the Austrian Federal Minister", "le ministre fédéral allemand".
RANK_PREFIXES = {"vice", "deputy", "first", "نائب", "acting", "interim", "federal", "federale"}
NAME_STOPS = {
    "في", "مع", "علي", "الي", "عن", "من", "اليوم", "امس", "يوم", "خلال", "الذي", "التي", "اللي",
    "بحضور", "حيث", "كما", "ان", "انه", "قد", "لقد", "ثم", "او", "وذلك", "هذا", "هذه", "بين",
    "حول", "بشان", "عقب", "بعد", "قبل", "منذ", "مساء", "صباح", "امام", "لدي", "الذين", "ضمن",
    "مباحثات", "محادثات", "لقاء", "اجتماعا", "اجتماع", "جلسة", "اجري", "استقبل", "التقي",
    "بحث", "اكد", "قال", "اعلن", "اعرب", "شدد", "ابرز", "اوضح", "استعرض", "تباحث", "ترأس",
    "ترؤس", "دعا", "جدد", "عبر", "نوه", "يبحث", "تبحث", "اجرت", "استقبلت", "التقت", "يستقبل",
    "تستقبل", "يلتقي", "تلتقي", "اشاد", "اشادت", "كانت", "كان", "مرفوقا", "مرفوقة", "برفقة",
    "رفقة", "وفد", "الوفد", "المغربي", "بالمغرب", "رفقته", "لها", "له", "عدد", "وزير",
    "وزيرة", "الوزير", "الوزيرة", "نظيره", "نظيرته", "تم", "بان", "لان", "انها", "كي", "حتي",
    "ديال", "خلاله", "خلالها", "عليه", "اليه", "منه", "فيه", "فيها", "بلاده", "بلادها", "ايضا",
    "كذلك", "جهته", "جهتها", "جانبه", "جانبها", "بدوره", "بدورها", "وقد", "فقد", "اما",
    # Where the meeting was, often right after a name: "علي يوسف الشريف بمكتبه".
    "بمكتبه", "بمكتبها", "مكتبه", "مكتبها", "بمقر", "مقر",
    "بديوان", "ديوان",
    # Where a minister leaves from, right after his name: "يغادر ... الدوسري أرض الوطن".
    "ارض",
    # What a meeting did, right after the last name of a sentence: "..., تناولت العلاقات".
    "تناولت", "تناول", "تطرق", "تطرقت", "همت", "ركزت", "شملت", "خصصت", "تمحورت",
    # A headline's verb, capitalised like a name: "Kayouh, US Transportation Secretary
    # Discuss World Cup ...".
    "discuss", "discusses", "meet", "meets", "met", "hold", "holds", "held", "talks",
    "receives", "received", "sign", "signs",
}  # fmt: skip
# What is discussed, and days, often follow a name without a comma; they may be words
# of a title ("وزير العلاقات الخارجية"), not of a name.
NAME_ENDS = {
    "العلاقات", "العلاقة", "التعاون", "سبل", "افاق", "الوضع", "الاوضاع", "تطورات", "القضايا",
    "قضايا", "المستجدات", "ملفات", "الملفات", "مجالات", "الشراكة", "الاثنين", "الثلاثاء",
    "الاربعاء", "الخميس", "الجمعة", "السبت", "الاحد",
    # Times, often right after a name: "يستقبل فلان الأسبوع المقبل وزيرة ...".
    "الاسبوع", "الشهر", "العام", "السنة", "غدا",
}  # fmt: skip
# An Arabic word with a preposition glued to the article (بالدور, للجالية) is never a name.
NOT_A_NAME_WORD = re.compile(r"^(ب|ل|ك|و|ف|وب|ول|فب|فل)ال|^لل")
LATIN_PARTICLES = {
    "de", "di", "da", "del", "della", "van", "von", "der", "den", "le", "la", "el", "al", "ben",
    "bin", "ibn", "abu", "bou", "dos", "das", "du", "ter", "bint", "bent", "ould", "ag", "wa",
}  # fmt: skip
TITLE_PARTICLES = {"de", "des", "du", "l", "d", "et", "of", "the", "and", "for", "la", "le", "les",
                   "au", "aux"}  # fmt: skip
ACCOMPANYING_CUES = {
    "مرفوقا", "مرفوقة", "برفقة", "رفقة", "مرفوق", "بحضور", "accompagne", "accompagnee",
    "accompanied", "presence", "alongside", "entoure", "entouree",
}  # fmt: skip
# Words after which an Arabic name may run straight into its title (no comma).
INTRODUCERS = {"مع", "استقبل", "استقبلت", "التقي", "التقت", "يستقبل", "تستقبل", "يلتقي",
               "تلتقي"}  # fmt: skip
# A reception in the passive: the name after "par"/"by" is the host's.
PASSIVE_HOSTS = {"recu", "recue", "recus", "accueilli", "accueillie", "received", "welcomed",
                 "hosted", "استقبل", "استقبلت"}  # fmt: skip
TITLE_REACH = 16  # tokens from a title's head to where an official title may still start
MAX_NAME_WORDS = 5  # Mauritanian names run long: محمد أحمد ولد محمد الأمين
SENTENCE_END = re.compile(r"[.!?؟\n]")
BOUNDARY = re.compile(r"[،,.:;()\[\]\"«»!?؟\n|–—-]")
ARABIC = re.compile(r"[\u0600-\u06ff]")

_HEADS = PhraseMatcher()
for _phrase, _rank in HEADS.items():
    _HEADS.add(_phrase, _rank)


@dataclass
class Mention:
    """A person as one passage of the article presents them."""

    head: tuple[int, int] | None = None  # token span of the title or counterpart word
    rank: str = "minister"
    counterpart: bool = False
    portfolio: str | None = None
    country: str | None = None
    country_span: tuple[int, int] | None = None
    name: str = ""
    name_span: tuple[int, int] | None = None
    person_id: int | None = None
    accompanying: bool = False
    title_end: int | None = None
    title_start: int | None = None  # English titles start before the head: "Foreign Minister"
    post_end: int | None = None  # an official title may run beyond the words read as a title

    @property
    def title_span(self) -> tuple[int, int] | None:
        if self.head is None:
            return None
        start = min(self.head[0], self.title_start if self.title_start is not None else 10**9)
        return (start, max(self.head[1], self.title_end or 0))


@dataclass
class Participant:
    """A person of the meeting, with every mention that names or describes them."""

    name: str
    person_id: int | None = None
    country: str | None = None
    country_reason: str = ""
    portfolio: str | None = None
    rank: str = "minister"
    post: str = ""
    accompanying: bool = False
    mentions: list[Mention] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"id:{self.person_id}" if self.person_id else f"name:{name_key(self.name)}"


REPUBLIC_WORDS = {"جمهورية", "republique", "republic"}


def name_key(name: str) -> str:
    from meetings.text import normalize

    return normalize(name)


class PeopleFinder:
    """Reads people out of one document with the gazetteer's names."""

    def __init__(self, document: Document, gazetteer: Gazetteer):
        self.document = document
        self.gazetteer = gazetteer
        self.words = [token.text for token in document.tokens]
        self.known = self.by_start(gazetteer.person_names.find(document))
        self.demonyms = self.by_start(gazetteer.demonyms.find(document))
        countries = gazetteer.find_country_names(document)
        self.country_names = self.by_start(countries)
        for match in capitalised_countries(document):
            self.country_names.setdefault(match.start, match)
        for match in countries:
            # "American" in "American Samoa", "Dominican" in "Dominican Republic": the
            # country's name, no demonym of another.
            for start in range(match.start, match.end):
                inside = self.demonyms.get(start)
                if inside and inside.end <= match.end and inside.length < match.length:
                    del self.demonyms[start]
        # Portfolio phrases overlap titles ("وزير الداخلية", "foreign minister"): keep them all.
        self.portfolios = self.longest_by_start(gazetteer.portfolio_keywords.find_all(document))
        self.city_matches = gazetteer.find_cities(document, countries)
        self.cities = self.by_start(self.city_matches)
        self.heads = self.by_start(_HEADS.find(document))
        self.title_vocabulary = self.build_title_vocabulary()
        self.official_titles = official_titles().find(document)

    @staticmethod
    def by_start(matches: list[Match]) -> dict[int, Match]:
        return {match.start: match for match in matches}

    @staticmethod
    def longest_by_start(matches: list[Match]) -> dict[int, Match]:
        longest: dict[int, Match] = {}
        for match in matches:
            if match.start not in longest or match.length > longest[match.start].length:
                longest[match.start] = match
        return longest

    def portfolio_around(self, start: int, end: int) -> Match | None:
        """A portfolio phrase that includes tokens [start, end) ("foreign minister")."""
        for match in self.portfolios.values():
            if match.start <= start and end <= match.end:
                return match
        return None

    def build_title_vocabulary(self) -> set[str]:
        vocabulary = set(TITLE_WORDS)
        for tokens in self.gazetteer.portfolio_keywords.index.values():
            for phrase, _slug in tokens:
                vocabulary.update(phrase)
        return vocabulary

    # -- helpers on tokens ---------------------------------------------------

    def boundary_between(self, left: int, right: int) -> bool:
        """True when punctuation or a line break separates token ``left`` from ``right``."""
        if left < 0 or right >= len(self.words):
            return True
        tokens = self.document.tokens
        start = self.document.origins[tokens[left].end - 1] + 1
        end = self.document.origins[tokens[right].start]
        gap = self.document.text[start:end]
        # A hyphen inside a word joins it: Grande-Marlaska, Pannier-Runacher.
        return gap not in ("-", "'", "’") and bool(BOUNDARY.search(gap))

    def parenthesised_city(self, position: int) -> Match | None:
        """A city in brackets at token ``position``: "(برازافيل)", "(Kinshasa)"."""
        city = self.cities.get(position)
        if not city or not position or city.end >= len(self.words) + 1:
            return None
        tokens = self.document.tokens
        start = self.document.origins[tokens[position - 1].end - 1] + 1
        end = self.document.origins[tokens[position].start]
        closing = self.document.original_span(city.start, city.end)[1]
        if (
            "(" in self.document.text[start:end]
            and self.document.text[closing : closing + 1] == ")"
        ):
            return city
        return None

    def paragraph_between(self, left: int, right: int) -> bool:
        """True when a line break separates token ``left`` from ``right``."""
        if left < 0 or right >= len(self.words):
            return False
        tokens = self.document.tokens
        start = self.document.origins[tokens[left].end - 1] + 1
        end = self.document.origins[tokens[right].start]
        return "\n" in self.document.text[start:end]

    def sentence_ends_before(self, position: int) -> bool:
        """True when a full stop or a line break comes just before token ``position``."""
        if position <= 0:
            return False
        tokens = self.document.tokens
        start = self.document.origins[tokens[position - 1].end - 1] + 1
        end = self.document.origins[tokens[position].start]
        return bool(SENTENCE_END.search(self.document.text[start:end]))

    def is_capitalised(self, position: int) -> bool:
        start, _end = self.document.original_span(position, position + 1)
        return self.document.text[start : start + 1].isupper()

    def is_arabic(self, position: int) -> bool:
        return bool(ARABIC.match(self.words[position]))

    def is_counterpart(self, position: int) -> bool:
        word = self.words[position]
        if word in COUNTERPART_WORDS:
            return True
        return any(form.startswith("نظير") for form, _ in word_forms(word))

    def entity_at(self, position: int) -> bool:
        return (
            any(
                position in table
                for table in (self.demonyms, self.country_names, self.portfolios, self.cities)
            )
            or position in self.heads
        )

    # -- reading names ---------------------------------------------------------

    def is_honorific(self, position: int) -> bool:
        word = self.words[position]
        if word in CAPITAL_HONORIFICS:
            return self.document.original(position, position + 1).isupper()
        return word in HONORIFICS

    def is_stop(self, position: int) -> bool:
        """A word that ends a name; "على" (on) is one, the name علي is not, though the two
        are alike once normalised."""
        word = self.words[position]
        if word == "علي":
            return self.document.original(position, position + 1).endswith("ى")
        if word in NAME_STOPS or word in NAME_ENDS:
            return True
        # "وبحث معه", "وأكد", "فاستعرض": a verb after "and" is no name.
        return any(
            removed in {"و", "ف"} and form in NAME_STOPS and len(form) > 2
            for form, removed in word_forms(word)[1:]
        )

    def name_length(self, start: int, end: int) -> int:
        particles = LATIN_PARTICLES | NAME_PARTICLES
        return sum(1 for word in self.words[start:end] if word not in particles)

    def name_forward(self, position: int) -> tuple[int, int] | None:
        """A person's name starting at ``position``: (start, end) tokens, or None."""
        first = position
        while position < len(self.words) and self.is_honorific(position):
            position += 1
        if position >= len(self.words):
            return None
        if (
            position - first == 1
            and self.words[first] in GIVEN_NAME_HONORIFICS
            and self.is_capitalised(first)
        ):
            # "Cheikh Niang": Cheikh is a given name as often as a title; with one word
            # after it, it is the name's first word.
            alone = self.name_forward(position)
            return alone if alone else self.name_forward_from(first)
        return self.name_forward_from(position)

    def name_forward_from(self, position: int) -> tuple[int, int] | None:
        if position >= len(self.words):
            return None
        if position in self.known:
            match = self.known[position]
            return match.start, match.end
        end = position
        arabic = self.is_arabic(position)
        ended = False  # a name ends at punctuation, a stop word or another entity
        while end < len(self.words):
            word = self.words[end]
            if end > position and self.boundary_between(end - 1, end):
                ended = True
                break
            if self.is_stop(end) or self.is_counterpart(end) or self.entity_at(end):
                ended = True
                break
            if end > position and end in self.known:
                ended = True
                break
            if NOT_A_NAME_WORD.match(word):
                return None
            if arabic and (not self.is_arabic(end) or (end == position and word.startswith("ال"))):
                ended = end > position
                break
            particle = word in LATIN_PARTICLES and end > position
            if not arabic and not self.is_capitalised(end) and not particle:
                ended = True
                break
            if self.name_length(position, end) == MAX_NAME_WORDS:
                break
            end += 1
        else:
            ended = True
        # "فؤاد حسين والوفد المرافق": و of "and" is split off the article, not a name's.
        while end > position and self.words[end - 1] in LATIN_PARTICLES | {"و"}:
            end -= 1
        if not ended or end - position < 2:
            return None
        return position, end

    def name_backward(self, position: int) -> tuple[int, int] | None:
        """A name ending just before ``position`` (exclusive), as in "Name, minister of..."."""
        end = position
        if end - 1 >= 0 and any(m.end == end for m in self.known.values()):
            match = next(m for m in self.known.values() if m.end == end)
            return match.start, match.end
        start = end
        while start > 0 and self.name_length(start, end) < MAX_NAME_WORDS:
            candidate = start - 1
            word = self.words[candidate]
            if candidate < end - 1 and self.boundary_between(candidate, candidate + 1):
                break
            if self.is_stop(candidate) or self.is_honorific(candidate) or self.entity_at(candidate):
                break
            if self.is_arabic(candidate) != self.is_arabic(end - 1):
                break
            latin = not self.is_arabic(candidate)
            if latin and not self.is_capitalised(candidate) and word not in LATIN_PARTICLES:
                break
            start = candidate
        while start < end and self.words[start] in LATIN_PARTICLES:
            start += 1
        if end - start < 2:
            return None
        return start, end

    # -- reading titles --------------------------------------------------------

    def read_title(self, mention: Mention, position: int) -> int:
        """Read portfolio, demonym and title words after a head; return where the name may start."""
        limit = min(position + 16, len(self.words))
        while position < limit:
            if position in self.known:
                break
            if self.paragraph_between(position - 1, position):
                break  # a headline's title does not run into the first paragraph's
            # After a comma the title may go on ("Agriculture, Maritime Fisheries"),
            # or a name may start ("وزير الداخلية، عبد الوافي لفتيت").
            comma = position > 0 and self.boundary_between(position - 1, position)
            if comma and not self.title_continues(position):
                break
            if position in self.portfolios:
                match = self.portfolios[position]
                mention.portfolio = mention.portfolio or match.payload
                position = mention.title_end = match.end
                continue
            if position in self.demonyms:
                match = self.demonyms[position]
                mention.country = match.payload
                mention.country_span = (match.start, match.end)
                position = mention.title_end = match.end
                continue
            country = self.country_after_link(position) or self.country_after_in(mention, position)
            if country:
                mention.country = country.payload
                mention.country_span = (country.start, country.end)
                position = mention.title_end = country.end
                city = self.parenthesised_city(position)
                if city:
                    # "جمهورية الكونغو (برازافيل)", "Congo (Kinshasa)": the capital in
                    # brackets says which country; the name comes after it.
                    mention.country = self.gazetteer.city_by_slug[city.payload].country
                    mention.country_span = (country.start, city.end)
                    position = mention.title_end = city.end
                continue
            if self.title_word(position):
                position += 1
                mention.title_end = position
                continue
            official = self.official_title_covering(position)
            if official:
                # A title only one country uses goes on ("... et des Tunisiens à l'étranger"):
                # the name comes after it. Its words beyond the usual title words still count
                # for topics (a ministry of "Foreign Affairs, Migration and ..." talks of it).
                mention.country = mention.country or official.payload
                mention.country_span = mention.country_span or (official.start, official.end)
                position = mention.post_end = official.end
                continue
            coordinated = self.coordinated_portfolio_end(mention, position)
            if coordinated:
                position = mention.title_end = coordinated
                continue
            break
        return position

    def coordinated_portfolio_end(self, mention: Mention, position: int) -> int | None:
        """ "وزير الداخلية وما وراء البحار في الجمهورية الفرنسية جان موروا": after a portfolio,
        Arabic words joined by "و" (and) that lead to "في" + a country with a name after it
        are more of the portfolio ("and Overseas"), not the minister's name. Where "في" is."""
        word = self.words[position]
        if mention.portfolio is None or not self.is_arabic(position):
            return None
        if not (word.startswith("و") and len(word) > 1) or self.is_stop(position):
            return None
        for following in range(position + 1, min(position + 5, len(self.words))):
            if self.boundary_between(following - 1, following) or following in self.known:
                return None
            country = self.country_after_in(mention, following)
            if country:
                # Only when the name comes after the country: else the words were the name.
                return following if self.name_forward(country.end) else None
        return None

    def official_title_covering(self, position: int) -> Match | None:
        for match in self.official_titles:
            if match.start <= position < match.end:
                return match
        return None

    def country_after_link(self, position: int) -> Match | None:
        """A country name that a title leads to: "du Nigeria", "from the United States",
        "de la République démocratique du Congo"; in Arabic right after the title, in
        construct ("وزير خارجية المجر") or with ل ("لجمهورية الدومينيكان")."""
        if self.words[position] in COUNTRY_LINKS:
            after = position + 1
            article = after < len(self.words) and self.words[after] in ARTICLES
            if article and after not in self.country_names:
                after += 1  # "from the United States", but "from The Gambia" is one name
            if after in self.country_names and not self.boundary_between(position, after):
                return self.country_names[after]
            return None
        match = self.country_names.get(position)
        following = position + 1
        # "لجمهورية الكونغو (برازافيل)": "Republic" before a name the gazetteer read as
        # another of the country's names ("الكونغو برازافيل").
        if (
            match is None
            and following in self.country_names
            and not self.boundary_between(position, following)
            and any(form in REPUBLIC_WORDS for form, _ in word_forms(self.words[position]))
        ):
            found = self.country_names[following]
            return Match(position, found.end, found.payload, found.proclitics)
        if match is None:
            return None
        previous = self.words[position - 1] if position else ""
        if previous in COUNTRY_LINKS or (
            previous in ARTICLES and position > 1 and self.words[position - 2] in COUNTRY_LINKS
        ):
            return match
        if self.is_arabic(position) and not self.boundary_between(position - 1, position):
            return match
        return None

    def country_after_in(self, mention: Mention, position: int) -> Match | None:
        """ "وزير الشؤون الخارجية في غينيا بيساو", "minister of trade in the Government of
        Ghana": after a portfolio, "in" + a country names the country the minister serves."""
        if mention.portfolio is None or self.words[position] not in {"في", "in", "du", "au"}:
            return None
        after = position + 1
        following = self.words[after] if after < len(self.words) else ""
        if self.words[position] in {"du", "au"} and following not in GOVERNMENT_WORDS:
            return None  # only "du gouvernement malien", "au gouvernement de ..."
        if after < len(self.words) and self.words[after] in ARTICLES:
            after += 1
        if after < len(self.words) and self.words[after] in GOVERNMENT_WORDS:
            after += 1
            if after < len(self.words) and self.words[after] in {"of", "de", "du", "d"}:
                after += 1
        state = after < len(self.words) and self.words[after] in STATE_WORDS
        if state and after not in self.country_names:  # "في جمهورية فيتنام", "Republic of"
            after += 2 if self.words[after + 1 : after + 2] in (["of"], ["de"]) else 1
        if after in self.country_names and not self.boundary_between(position, after):
            return self.country_names[after]
        if after in self.demonyms and after > position + 1:  # "في الحكومة المالية"
            return self.demonyms[after]
        return None

    def title_word(self, position: int) -> bool:
        """A word that continues a title rather than starting a name."""
        word = self.words[position]
        following = self.words[position + 1] if position + 1 < len(self.words) else ""
        if word == "في" and following in {"الحكومة", "حكومة"}:
            return True  # "وزير الخارجية في الحكومة السورية الانتقالية"
        if word in NAME_STOPS or position in self.known:
            return False
        if word in self.title_vocabulary:
            return True
        if self.is_arabic(position):
            # Names do not start with the article; titles are made of nouns that do,
            # or of "و" + a noun in construct: وزير البيئة وأمن الطاقة; or of a portfolio
            # in construct before a country: وزير خارجية المجر.
            if word.startswith("ال"):
                return True
            if "ال" + word in self.title_vocabulary and position + 1 in self.country_names:
                return True
            return word.startswith("و") and following.startswith("ال")
        # "ministre de l'Outre-mer", "Minister of the Interior": a word after a particle.
        previous = self.words[position - 1] if position else ""
        if previous in TITLE_PARTICLES:
            return True
        # "l'Administration territoriale", "la Sécurité publique": an adjective in lower case
        # after a capitalised word of the title.
        return (
            position > 0
            and not self.is_capitalised(position)
            and self.is_capitalised(position - 1)
            and self.words[position - 1] in TITLE_NOUNS
        )

    def title_continues(self, position: int) -> bool:
        return (
            position in self.portfolios
            or position in self.demonyms
            or self.words[position] in self.title_vocabulary
            or self.official_title_covering(position) is not None
        )

    def portfolio_before(self, position: int, head_start: int) -> Match | None:
        """A portfolio phrase ending at ``position``, or at the head one running into it."""
        for match in self.portfolios.values():
            if match.start >= position:
                continue
            if match.end == position or (position == head_start and match.end > position):
                return match
        return None

    def read_before_head(self, mention: Mention, head_start: int) -> int:
        """English titles come first: "Italian Interior Minister", "Italy's interior minister"."""
        position = head_start
        while position > 0:
            previous = position - 1
            portfolio = self.portfolio_before(position, head_start)
            demonym = next((m for m in self.demonyms.values() if m.end == position), None)
            if portfolio and not self.boundary_between(previous, position):
                mention.portfolio = mention.portfolio or portfolio.payload
                position = portfolio.start
                continue
            if demonym and not self.boundary_between(previous, position):
                mention.country = mention.country or demonym.payload
                mention.country_span = (demonym.start, demonym.end)
                position = demonym.start
                continue
            country = next((m for m in self.country_names.values() if m.end == position), None)
            if (
                country
                and not self.is_arabic(previous)
                and not self.boundary_between(previous, position)
            ):
                # A name used as an adjective: "his US counterpart", "the UK Home Secretary".
                mention.country = mention.country or country.payload
                mention.country_span = (country.start, country.end)
                position = country.start
                continue
            if self.words[previous] == "s" and previous > 0:
                country = next((m for m in self.country_names.values() if m.end == previous), None)
                if country:
                    mention.country = mention.country or country.payload
                    mention.country_span = (country.start, country.end)
                    position = country.start
                    continue
            if self.words[previous] in POSSESSIVES:
                position = previous
                continue
            if self.words[previous] in RANK_PREFIXES:
                position = previous  # "vice-Premier ministre", "Deputy Prime Minister"
                continue
            break
        return position

    # -- the whole document --------------------------------------------------------

    def mentions(self) -> list[Mention]:
        found: list[Mention] = []
        covered: set[int] = set()
        positions = sorted(
            set(self.heads) | {i for i in range(len(self.words)) if self.is_counterpart(i)}
        )
        for position in positions:
            if position in covered:
                continue
            counterpart = self.is_counterpart(position)
            head = self.heads.get(position)
            end = head.end if head and not counterpart else position + 1
            mention = Mention(
                head=(position, end),
                rank=head.payload if head else "minister",
                counterpart=counterpart,
            )
            around = self.portfolio_around(position, end)
            if around:
                mention.portfolio = around.payload
            title_start = self.read_before_head(mention, position)
            while title_start < position and self.words[title_start] in POSSESSIVES:
                title_start += 1  # "his Italian counterpart": the post starts after "his"
            mention.title_start = title_start
            name_start = self.read_title(mention, end)
            name = None
            if name_start < len(self.words) and not self.sentence_ends_before(name_start):
                name = self.name_forward(name_start)
            # "Matteo Piantedosi, Italy's interior minister"; "عبد الوافي لفتيت، وزير الداخلية".
            before = position if self.is_arabic(position) else title_start
            # Not before "Secretary": in a headline "Kayouh, US Transportation Secretary
            # Discuss ..." the name before the comma is the other side's.
            secretary = head is not None and " ".join(self.words[position:end]) in SECRETARY_HEADS
            if name is None and before > 0 and not secretary:
                # After a comma, or an honorific without one: "الأمير فيصل بن فرحان وزير الخارجية".
                candidate = self.name_backward(before)
                if candidate and (
                    self.boundary_between(before - 1, before)
                    or (candidate[0] > 0 and self.is_honorific(candidate[0] - 1))
                    or self.introduces_a_person(candidate[0] - 1)
                ):
                    name = candidate
            if name:
                self.set_name(mention, name)
                # A title between the head and its name is this person's: "his counterpart
                # from the United States, Transportation Secretary Sean Duffy".
                covered.update(range(min(position, name[0]), name[1]))
            mention.accompanying = self.is_accompanying(min(title_start, position))
            covered.update(range(position, max(end, mention.title_end or 0)))
            found.append(mention)
        for start, match in self.known.items():
            if start not in covered:
                mention = Mention()
                self.set_name(mention, (match.start, match.end))
                mention.accompanying = self.is_accompanying(start)
                found.append(mention)
        for position in self.hosts_by_name():
            # "Reçu ... par Nasser Bourita, le ministre mauritanien...": the host, by name only.
            name = self.name_forward(position)
            if name and not covered.intersection(range(*name)):
                mention = Mention()
                self.set_name(mention, name)
                covered.update(range(*name))
                found.append(mention)
        found.sort(key=lambda m: (m.head or m.name_span or (0, 0))[0])
        found = self.join_appositions(found)
        self.apply_official_titles(found)
        return found

    def join_appositions(self, mentions: list[Mention]) -> list[Mention]:
        """A counterpart without a name and the title right after its comma are one person:
        "his counterpart from the United States, Transportation Secretary Sean Duffy"."""
        joined: list[Mention] = []
        for mention in mentions:
            previous = joined[-1] if joined else None
            if (
                previous is not None
                and previous.counterpart
                and not previous.name
                and mention.head
                and not mention.counterpart
                and mention.name
                and not mention.country
            ):
                end = max(previous.head[1], previous.title_end or 0)
                start = min(mention.head[0], mention.title_start or mention.head[0])
                if (
                    start == end
                    and self.boundary_between(end - 1, end)
                    and not self.paragraph_between(end - 1, end)
                    and not self.sentence_ends_before(start)
                ):
                    previous.name, previous.name_span = mention.name, mention.name_span
                    previous.person_id = mention.person_id
                    previous.portfolio = previous.portfolio or mention.portfolio
                    continue
            joined.append(mention)
        return joined

    def hosts_by_name(self) -> list[int]:
        """Where a name follows a passive reception: "reçu par", "accueillie par", "received
        by", "welcomed by" (the name's first token)."""
        found = []
        for index in range(1, len(self.words) - 1):
            arabic = self.words[index] in {"طرف", "قبل"} and self.words[index - 1] == "من"
            if self.words[index] not in {"par", "by"} and not arabic:
                continue
            if not PASSIVE_HOSTS.intersection(self.words[max(index - 12, 0) : index]):
                continue  # "reçu ce mardi à Rabat par ...", "استقبل ... من طرف ..."
            following = index + 1
            if self.entity_at(following):
                continue
            if (arabic and self.is_arabic(following)) or self.is_capitalised(following):
                found.append(following)
        return found

    def apply_official_titles(self, mentions: list[Mention]) -> None:
        """A title only one country uses ("... African Cooperation and Moroccan Expatriates")
        gives the country of the minister it describes: the head before it in the sentence."""
        heads = [mention.head[0] for mention in mentions if mention.head]
        for mention in mentions:
            if mention.country or not mention.head:
                continue
            start = mention.head[0]
            later = [head for head in heads if head > start]
            limit = min([*later, start + TITLE_REACH])
            for match in self.official_titles:
                within = start <= match.start < limit or match.start <= start < match.end
                if within and not self.sentence_between(start, match.start):
                    mention.country = match.payload
                    mention.country_span = (match.start, match.end)
                    break

    def sentence_between(self, first: int, last: int) -> bool:
        return any(self.sentence_ends_before(p) for p in range(first + 1, last + 1))

    def introduces_a_person(self, position: int) -> bool:
        """ "التقى إسبن بارث إيدي وزير خارجية النرويج", "مع X وزير ...": in Arabic a name
        may come right before its title, after the verb of the meeting or "with"."""
        return position >= 0 and self.is_arabic(position) and self.words[position] in INTRODUCERS

    def set_name(self, mention: Mention, span: tuple[int, int]) -> None:
        mention.name_span = span
        mention.name = self.document.original(*span)
        if span[0] in self.known and self.known[span[0]].end == span[1]:
            mention.person_id = self.known[span[0]].payload

    def is_accompanying(self, position: int) -> bool:
        window = self.words[max(position - 4, 0) : position]
        return any(
            form in ACCOMPANYING_CUES or form.startswith(("مرفوق", "accompagn"))
            for word in window
            for form, _ in word_forms(word)
        )


def participants_from(
    mentions: list[Mention], gazetteer: Gazetteer, day
) -> tuple[list[Participant], list[Mention]]:
    """Merge mentions into participants; also return the mentions that name nobody."""
    people: dict[str, Participant] = {}
    nameless: list[Mention] = []
    for mention in mentions:
        if not mention.name:
            nameless.append(mention)
            continue
        participant = find_participant(people, mention)
        if participant is None:
            participant = Participant(name=mention.name, person_id=mention.person_id)
            people[participant.key] = participant
        participant.mentions.append(mention)
        participant.portfolio = participant.portfolio or mention.portfolio
        if mention.head and participant.rank == "minister":
            participant.rank = mention.rank
        participant.accompanying = participant.accompanying or mention.accompanying
        if mention.country and not participant.country:
            participant.country = mention.country
            participant.country_reason = "counterpart" if mention.counterpart else "title"
    for participant in people.values():
        if participant.person_id:
            person = gazetteer.person_by_id[participant.person_id]
            participant.name = (
                person.name_ar
                if ARABIC.search(participant.name) and person.name_ar
                else (person.name_latin or participant.name)
            )
            mandate = person.mandate_on(day)
            if mandate:
                participant.country = mandate.country
                participant.country_reason = "mandate"
                participant.portfolio = mandate.portfolio or participant.portfolio
                participant.rank = mandate.rank
    return list(people.values()), nameless


def find_participant(people: dict[str, Participant], mention: Mention) -> Participant | None:
    if mention.person_id:
        return people.get(f"id:{mention.person_id}")
    key = name_key(mention.name)
    if f"name:{key}" in people:
        return people[f"name:{key}"]
    # A surname alone refers back to the full name given earlier.
    for participant in people.values():
        if participant.person_id is None:
            full = name_key(participant.name).split()
            if key.split() and key.split() == full[-len(key.split()) :]:
                return participant
    return None
