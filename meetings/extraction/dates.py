"""Find the meeting's date in an article.

Our own patterns find the spans (a day and a month name, a bare weekday,
"today", a month alone); dateparser turns each span into a date. Month names
of the Maghreb (ماي, يوليوز, غشت, شتنبر, نونبر, دجنبر), of Algeria and
Tunisia (جانفي, فيفري, أفريل, جوان, جويلية, أوت) and of the Levant (نيسان,
تشرين الأول...) are mapped to the standard ones first. A bare weekday
("اليوم الثلاثاء", "ce mardi", "on Tuesday") is the latest such day on or
before the publication date.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from dataclasses import dataclass

from meetings.extraction.document import Document, PhraseMatcher, word_forms

# Normalised month words -> month number. Two-word Levantine names first.
ARABIC_MONTHS = {
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6,
    "تموز": 7, "اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
    "يناير": 1, "جانفي": 1, "فبراير": 2, "فيفري": 2, "مارس": 3, "ابريل": 4, "افريل": 4,
    "مايو": 5, "ماي": 5, "يونيو": 6, "يونيه": 6, "جوان": 6, "يوليو": 7, "يوليوز": 7,
    "يوليه": 7, "جويلية": 7, "اغسطس": 8, "غشت": 8, "اوت": 8, "سبتمبر": 9, "شتنبر": 9,
    "اكتوبر": 10, "نوفمبر": 11, "نونبر": 11, "ديسمبر": 12, "دجنبر": 12,
}  # fmt: skip
# The standard Arabic names dateparser reads.
STANDARD_ARABIC = {
    1: "يناير", 2: "فبراير", 3: "مارس", 4: "أبريل", 5: "مايو", 6: "يونيو",
    7: "يوليو", 8: "أغسطس", 9: "سبتمبر", 10: "أكتوبر", 11: "نوفمبر", 12: "ديسمبر",
}  # fmt: skip
LATIN_MONTHS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sept": 9, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
STANDARD_ENGLISH = {number: name for name, number in LATIN_MONTHS.items() if len(name) > 4}
STANDARD_ENGLISH.update({5: "may", 3: "march", 6: "june", 7: "july"})

WEEKDAYS = {
    "الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعة": 4, "السبت": 5,
    "الاحد": 6, "اثنين": 0, "ثلاثاء": 1, "اربعاء": 2, "خميس": 3, "جمعة": 4, "سبت": 5, "احد": 6,
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
# Words that make an unqualified Arabic weekday word a day: يوم, اليوم, أمس, مساء...
ARABIC_DAY_CUES = {"يوم", "اليوم", "امس", "مساء", "صباح", "ظهر", "نهار"}
TODAY = {"اليوم", "aujourd'hui", "aujourd", "today"}
YESTERDAY = {"امس", "البارحة", "hier", "yesterday"}
# The day before yesterday: "أمس الأول", "أول أمس", "أول من أمس", "avant-hier", "the day before
# yesterday"; and parts of today: "this morning", "ce matin", "cet après-midi".
DAY_BEFORE_YESTERDAY = PhraseMatcher.of((
    "امس الاول", "اول امس", "اول من امس", "avant hier", "avant-hier", "the day before yesterday",
))  # fmt: skip
# The day after tomorrow, in announcements: "يعقد ... بعد غد جلسة مباحثات".
DAY_AFTER_TOMORROW = PhraseMatcher.of((
    "بعد غد", "apres-demain", "apres demain", "the day after tomorrow",
))  # fmt: skip
# "met ... last night": yesterday (French "hier soir" and Arabic "مساء أمس" are read by
# their word of yesterday).
LAST_NIGHT = PhraseMatcher.of(("last night", "late last night"))
PART_OF_TODAY = PhraseMatcher.of((
    "this morning", "this afternoon", "this evening", "ce matin", "cet apres-midi",
    "cet apres midi", "ce soir", "ce matin meme",
))  # fmt: skip
PAST = {"الماضي", "الماضية", "المنصرم", "المنصرمة", "dernier", "derniere", "last", "past"}
FUTURE = {"المقبل", "المقبلة", "القادم", "القادمة", "prochain", "prochaine", "next", "coming"}
TOMORROW = {"غدا", "demain", "tomorrow"}
# Words that put what follows in the future: "will meet on Friday", "se rendra demain",
# "سيجري غدا". French verbs in the future tense are recognised by their ending.
FUTURE_MARKERS = {
    "will", "due", "expected", "scheduled", "doit", "doivent", "devrait", "devraient", "prevu",
    "prevue", "attendu", "attendue", "سيجري", "سيلتقي", "سيحل", "ستعقد", "سيعقد", "سيقوم",
    "سيبحث", "ستبحث", "سيتوجه", "ستتوجه", "يرتقب", "المرتقب", "المرتقبة", "غدا", "demain",
    "tomorrow", "المنتظر", "ينتظر", "المتوقع", "يتوقع", "سيزور", "ستزور",
    # "بعد غد" (the day after tomorrow); French futures too short for FRENCH_FUTURE.
    "غد", "aura", "auront", "sera", "seront", "fera", "feront", "iront",
    # A trip told in the present, as news tells what is to come: "يتحول الوزير يوم الأحد
    # إلى", "travels to X on Sunday", "s'envole dimanche pour X".
    # (Not "يلتقي", "يتوجه": Arabic headlines tell past meetings in the present.)
    "يتحول", "تتحول", "travels", "envole",
}  # fmt: skip
FRENCH_FUTURE = re.compile(r"^\w{3,}(era|ira|dra|vra|ront)$")  # recevra, rencontrera
THIS = {"this", "ce", "cette", "on", "يوم", "هذا"}
# "until Tuesday", "jusqu'à mardi", "حتى الثلاثاء": the end of a stay, not the day of a
# meeting; a stay being reported, it ends on the next such day.
UNTIL = {"until", "till", "through", "حتي", "jusqu"}
# "12", "12th", "1er"; Arabic writes "الـ17" (the 17th), normalised "ال17".
ORDINAL = re.compile(r"^(?:ال)?(\d{1,2})(st|nd|rd|th|er|e)?$")
# An English ordinal alone: "held on the 14th", a day of the publication's month.
ENGLISH_ORDINAL = re.compile(r"^(\d{1,2})(st|nd|rd|th)$")
MONTH_CUES = {"شهر", "خلال", "mois", "courant", "during", "month", "en", "in", "au"}
YEAR = re.compile(r"^(19[5-9]\d|20\d\d)$")
NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](20\d\d)\b|\b(20\d\d)-(\d{2})-(\d{2})\b")
# Words near which the meeting's own date is usually given.
MEETING_CUES = {
    "مباحثات", "محادثات", "اجتماع", "لقاء", "استقبل", "استقبلت", "التقي", "التقت", "اجري",
    "اجرت", "يبحث", "تبحث", "بحث", "تباحث", "جلسة", "زيارة", "عقد", "عقدت", "عقدا",
    "entretien", "entretenu", "entretenue", "recu", "recue", "rencontre", "reunion",
    "entretiens", "discussions", "s'est", "visite", "talks", "met", "meeting", "received",
    "held", "meets", "hosted", "visit",
    # Meetings to come, in announcements: "il s'entretiendra mercredi", "سيلتقي الأحد".
    "entretiendra", "s'entretiendra", "rencontrera", "recevra", "يلتقي", "سيلتقي", "سيجري",
}  # fmt: skip


# The month of the publication, or the one before: "earlier this month", "le mois dernier".
THIS_MONTH = PhraseMatcher()
for _phrase in (
    "this month", "earlier this month", "ce mois-ci", "plus tot ce mois", "ce mois", "هذا الشهر",
    "mois en cours", "mois courant",
    "الشهر الجاري", "الشهر الحالي", "مطلع الشهر الجاري", "مطلع هذا الشهر",
):  # fmt: skip
    THIS_MONTH.add(_phrase, 0)
for _phrase in (
    "last month", "earlier last month", "le mois dernier", "le mois passe", "الشهر الماضي",
    "الشهر المنصرم", "الشهر الفائت",
):  # fmt: skip
    THIS_MONTH.add(_phrase, -1)
# A day of the publication's month without its name: "le 12 courant", "the 12th instant",
# "the 12th of this month", "في الثالث عشر من الشهر الجاري". Arabic writes the day as an
# ordinal word (normalised, without hamza).
CURRENT_MONTH_WORDS = {"courant", "instant", "inst"}
OF_THE_MONTH = {"من", "of", "de", "du"}
_ARABIC_UNITS = ["الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن",
                 "التاسع"]  # fmt: skip
ARABIC_ORDINAL_DAYS = {unit: number for number, unit in enumerate(_ARABIC_UNITS, 1)}
ARABIC_ORDINAL_DAYS.update({"العاشر": 10, "العشرين": 20, "الثلاثين": 30, "الحادي عشر": 11})
for _number, _unit in enumerate(_ARABIC_UNITS[1:], 2):
    ARABIC_ORDINAL_DAYS[f"{_unit} عشر"] = 10 + _number
for _number, _unit in enumerate(["الحادي", *_ARABIC_UNITS[1:]], 1):
    ARABIC_ORDINAL_DAYS[f"{_unit} والعشرين"] = 20 + _number
ARABIC_ORDINAL_DAYS["الحادي والثلاثين"] = 31


def day_number_at(words: list[str], position: int) -> tuple[int, int] | None:
    """(day of the month, the position after it) for "12", "12th" or "الثالث عشر"."""
    number = ORDINAL.match(words[position])
    if number:
        value = int(number.group(1))
        return (value, position + 1) if 1 <= value <= 31 else None
    if position + 1 < len(words):
        value = ARABIC_ORDINAL_DAYS.get(f"{words[position]} {words[position + 1]}")
        if value:
            return value, position + 2
    value = ARABIC_ORDINAL_DAYS.get(words[position])
    return (value, position + 1) if value else None


# Verbs that report what was said: a date right after them is the day of the statement
# ("the ministry announced on Tuesday", "أعلنت الوزارة اليوم السبت أن..."), not of the meeting.
# Arriving is not meeting: "will arrive in Riyadh on Wednesday and hold talks on Thursday".
# Nor is leaving or going home: "left for Malé on Saturday", "before returning to Lisbon on
# Sunday", "will leave for Manama tomorrow (Tuesday)" and meet on Wednesday.
ARRIVAL_VERBS = {
    "arrive", "arrives", "arrived", "arriving", "arrivera", "arrivee", "يصل", "سيصل",
    "وصل", "يحل", "سيحل", "lands", "landed",
    "leave", "leaves", "left", "leaving", "depart", "departs", "departed", "return",
    "returns", "returned", "returning", "quitte", "quittera", "quitter", "regagne",
    "regagnera", "regagner", "repart", "repartira", "repartir", "retour", "rentrer",
    "rentrera", "يغادر", "سيغادر", "غادر", "مغادرة", "يعود", "سيعود", "عودته", "العودة",
    # Beginning a visit, whose talks come on another day: "يبدأ ... الثلاثاء زيارة رسمية".
    "يبدا", "تبدا", "سيبدا", "ستبدا", "begins", "begin", "entame", "entamera", "entamer",
    # The day of the journey, not of the talks: "يتحول يوم الأحد إلى مدريد ... يلتقي يوم
    # الاثنين", "travels to X on Sunday", "s'envole dimanche pour X".
    "يتحول", "تتحول", "travels", "envole", "envolera",
    # "يتوجه وزير المالية غدا الثلاثاء إلى الهند ... يلتقي خلالها يوم الخميس".
    "يتوجه", "سيتوجه", "تتوجه", "ستتوجه", "يسافر", "سيسافر", "تسافر", "ستسافر",
}  # fmt: skip
REPORTING_VERBS = {
    "announced", "said", "told", "stated", "reported", "indicated", "annonce", "indique",
    "precise", "declare", "rapporte", "اعلن", "اعلنت", "ذكر", "ذكرت", "افاد", "افادت", "قال",
    "قالت", "اوضح", "اوضحت", "صرح", "صرحت",
    # "un communiqué publié mardi", "a statement issued on Tuesday", "ما أعلنته الوزارة".
    "publie", "publiee", "published", "issued", "اعلنته", "اعلنتها", "نشرته", "نشرتها",
}  # fmt: skip


@dataclass(frozen=True)
class DateCandidate:
    date: datetime.date
    precision: str  # "day" or "month"
    start: int  # token span
    end: int
    how: str  # "explicit", "weekday", "relative", "month", "numeric", "until"
    to_come: bool = False  # the words put it in the future: "will meet on Thursday", "demain"


def parse_span(text: str, language: str, base: datetime.date | None) -> datetime.date | None:
    """dateparser on a span our patterns found, relative to the publication date."""
    import dateparser

    settings = {
        "PREFER_DATES_FROM": "past",
        "DATE_ORDER": "DMY",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if base:
        settings["RELATIVE_BASE"] = datetime.datetime.combine(base, datetime.time(12))
    parsed = dateparser.parse(text, languages=[language], settings=settings)
    return parsed.date() if parsed else None


def latest_weekday(weekday: int, base: datetime.date, *, strictly_before: bool) -> datetime.date:
    """The latest ``weekday`` on or before ``base`` (strictly before when asked)."""
    delta = (base.weekday() - weekday) % 7
    if delta == 0 and strictly_before:
        delta = 7
    return base - datetime.timedelta(days=delta)


def in_future(document: Document, position: int) -> bool:
    """A future marker earlier in the sentence: "will meet his counterpart on Friday"."""
    for index in range(position - 1, max(position - 16, 0) - 1, -1):
        if index + 1 < len(document.tokens) and sentence_break(document, index, index + 1):
            break
        word = document.tokens[index].text
        # With its proclitics too: "وسيزور الوزير يوم الخميس".
        if any(form in FUTURE_MARKERS for form, _ in word_forms(word)):
            return True
        # "rencontrera", "se rendra"; not "Pereira" or "Ribera".
        if FRENCH_FUTURE.match(word) and document.original(index, index + 1).islower():
            return True
    return False


def sentence_break(document: Document, left: int, right: int) -> bool:
    """A full stop or a line break between tokens ``left`` and ``right``."""
    start = document.origins[document.tokens[left].end - 1] + 1
    end = document.origins[document.tokens[right].start]
    gap = document.text[start:end]
    if gap.startswith(". ") and document.tokens[left].text in ABBREVIATIONS:
        return "\n" in gap  # "Dr. Amthal", "M. Nhaga": a title's abbreviation
    written = document.original(left, left + 1)
    if gap.startswith(".") and len(written) == 1 and written.isupper() and written.isascii():
        return "\n" in gap  # an initial: "S. Jaishankar", "H.D. Kumaraswamy", "the U.S. envoy"
    return bool(re.search(r"[.!?؟\n]", gap))


# Abbreviated titles written with a full stop before a name.
ABBREVIATIONS = {"dr", "mr", "mrs", "ms", "m", "mm", "mme", "pr", "prof", "st", "sen", "gen"}


def weekday_candidate(
    document: Document, position: int, weekday: int, published: datetime.date
) -> DateCandidate | None:
    """A weekday read against the publication date: the latest such day on or before it,
    unless the words say it is to come ("next Friday", "demain, mercredi", "will meet on
    Friday"). A day of the month beside it ("mercredi 4") must agree."""
    words = [token.text for token in document.tokens]
    before = words[position - 1] if position else ""
    after = words[position + 1] if position + 1 < len(words) else ""
    start = position - 1 if before in TODAY | YESTERDAY | TOMORROW | THIS else position
    end = position + 1
    to_come = True
    until = bool(UNTIL.intersection(words[max(position - 2, 0) : position]))
    if until:
        day = published + datetime.timedelta(days=(weekday - published.weekday()) % 7)
    elif before in TOMORROW:
        day = published + datetime.timedelta(days=1)
    elif after in FUTURE or (before in FUTURE) or in_future(document, start):
        day = published + datetime.timedelta(days=(weekday - published.weekday() - 1) % 7 + 1)
    else:
        to_come = False
        strictly = before in YESTERDAY or after in PAST or before in PAST
        day = latest_weekday(weekday, published, strictly_before=strictly)
    # "mercredi 4", "Wednesday the 4th", "الأربعاء 4": the day of the month decides.
    number_at = position + 2 if after in ARTICLES_BEFORE_DAY else position + 1
    number = ORDINAL.match(words[number_at]) if number_at < len(words) else None
    if number and month_of(document, number_at + 1) is None:
        nearest = day_of_month_near(int(number.group(1)), weekday, published)
        if nearest:
            day, end = nearest, number_at + 1
    if day.weekday() != weekday:
        return None  # "tomorrow, Friday" published on a Tuesday: the words disagree
    return DateCandidate(day, "day", start, end, "until" if until else "weekday", to_come)


ARTICLES_BEFORE_DAY = {"the", "le"}


def nearest_year(day: datetime.date, published: datetime.date) -> datetime.date:
    """A day and month without a year: the year that puts it nearest the publication."""
    options = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            options.append(day.replace(year=year))
        except ValueError:  # 29 February
            continue
    return min(options, key=lambda option: abs((option - published).days), default=day)


def day_of_month_near(number: int, weekday: int, published: datetime.date) -> datetime.date | None:
    """The day numbered ``number`` that falls on ``weekday``, nearest the publication date."""
    options = []
    for months in (-1, 0, 1):
        month = (published.month - 1 + months) % 12 + 1
        year = published.year + (published.month - 1 + months) // 12
        try:
            day = datetime.date(year, month, number)
        except ValueError:
            continue
        if day.weekday() == weekday:
            options.append(day)
    return min(options, key=lambda day: abs((day - published).days), default=None)


def month_of(document: Document, position: int) -> tuple[int, int] | None:
    """(month number, words used) for a month name starting at token ``position``."""
    words = document.words(position, position + 2)
    if not words:
        return None
    if len(words) == 2 and f"{words[0]} {words[1]}" in ARABIC_MONTHS:
        return ARABIC_MONTHS[f"{words[0]} {words[1]}"], 2
    for form, _removed in word_forms(words[0]):
        if form in ARABIC_MONTHS:
            return ARABIC_MONTHS[form], 1
    if words[0] in LATIN_MONTHS:
        return LATIN_MONTHS[words[0]], 1
    return None


def find_dates(
    document: Document, language: str, published: datetime.date | None
) -> list[DateCandidate]:
    """Every date the article gives, as precisely as it gives it."""
    words = [token.text for token in document.tokens]
    found: list[DateCandidate] = []
    used: set[int] = set()

    # 1. A day number with a month name, with or without a year: 15 أبريل 2024, 12 juillet.
    for position, word in enumerate(words):
        if not word.isdigit() or not 1 <= int(word) <= 31:
            continue
        month = month_of(document, position + 1)
        if not month:
            # English order: April 15(, 2024)
            month = month_of(document, position - 1) if position else None
            if not month or month[1] != 1:
                continue
            start, after = position - 1, position + 1
        else:
            start, after = position, position + 1 + month[1]
        year = words[after] if after < len(words) and YEAR.match(words[after]) else None
        month_name = STANDARD_ARABIC[month[0]] if language == "ar" else STANDARD_ENGLISH[month[0]]
        span_text = f"{int(word)} {month_name}" + (f" {year}" if year else "")
        parsed = parse_span(span_text, "ar" if language == "ar" else "en", published)
        if parsed and published and not year:
            parsed = nearest_year(parsed, published)  # "demain, 4 décembre": this year's
        if parsed:
            end = after + 1 if year else after
            to_come = in_future(document, start)
            found.append(DateCandidate(parsed, "day", start, end, "explicit", to_come))
            used.update(range(start, end))

    # 2. Numeric dates: 15/04/2024, 2024-04-15.
    for match in NUMERIC_DATE.finditer(document.normalized):
        parsed = parse_span(match.group(), "en", published)
        if parsed:
            position = token_at(document, match.start())
            found.append(DateCandidate(parsed, "day", position, position + 1, "numeric"))
            used.add(position)

    # 3. Weekdays, today, yesterday and tomorrow, resolved against the publication date.
    if published:
        for matcher, days in ((DAY_BEFORE_YESTERDAY, 2), (PART_OF_TODAY, 0), (LAST_NIGHT, 1)):
            for match in matcher.find(document):
                if used.intersection(range(match.start, match.end)):
                    continue
                day = published - datetime.timedelta(days=days)
                found.append(DateCandidate(day, "day", match.start, match.end, "relative"))
                used.update(range(match.start, match.end))
        for match in DAY_AFTER_TOMORROW.find(document):
            following = words[match.end] if match.end < len(words) else ""
            if used.intersection(range(match.start, match.end)) or any(
                form in WEEKDAYS for form, _ in word_forms(following)
            ):
                continue  # "بعد غد الثلاثاء": the weekday is read, with its future
            day = published + datetime.timedelta(days=2)
            found.append(
                DateCandidate(day, "day", match.start, match.end, "relative", to_come=True)
            )
            used.update(range(match.start, match.end))
        for position, word in enumerate(words):
            if position in used:
                continue
            before = words[position - 1] if position else ""
            after = words[position + 1] if position + 1 < len(words) else ""
            forms = {form for form, _ in word_forms(word)}
            weekday = next((WEEKDAYS[form] for form in forms if form in WEEKDAYS), None)
            if weekday is not None:
                following = position + 2 if after in ARTICLES_BEFORE_DAY else position + 1
                if following in used:
                    continue  # "le lundi 16 mars", "Monday, March 16": the date decides
                arabic_bare = language == "ar" and not word.startswith("ال")
                if arabic_bare and before not in ARABIC_DAY_CUES | TOMORROW:
                    continue  # أحد ("one"), جمعة... are words too
                candidate = weekday_candidate(document, position, weekday, published)
                if candidate:
                    found.append(candidate)
                    used.update(range(candidate.start, candidate.end))
            elif forms & TODAY and not (forms & {"اليوم"} and after in WEEKDAYS):
                found.append(DateCandidate(published, "day", position, position + 1, "relative"))
            elif forms & YESTERDAY and after not in WEEKDAYS:
                day = published - datetime.timedelta(days=1)
                found.append(DateCandidate(day, "day", position, position + 1, "relative"))
            elif forms & TOMORROW and after not in WEEKDAYS:
                day = published + datetime.timedelta(days=1)
                found.append(
                    DateCandidate(day, "day", position, position + 1, "relative", to_come=True)
                )
        # "le 12 courant", "في الثالث عشر من الشهر الجاري": a day of the publication's month.
        this_month = {match.start: match for match in THIS_MONTH.find(document)}
        for position in range(len(words)):
            if position in used:
                continue
            number = day_number_at(words, position)
            if not number:
                continue
            after = number[1]
            if after < len(words) and words[after] in CURRENT_MONTH_WORDS:
                end = after + 1
            elif (
                ENGLISH_ORDINAL.match(words[position])
                and words[position - 2 : position] == ["on", "the"]
                and month_of(document, after) is None
                and not (after < len(words) and words[after] in OF_THE_MONTH)
            ):
                end = after  # "held on the 14th": this month's 14th
            else:
                if after < len(words) and words[after] in OF_THE_MONTH:
                    after += 1
                match = this_month.get(after)
                if match is None or match.payload != 0:
                    continue
                end = match.end
            try:
                day = published.replace(day=number[0])
            except ValueError:
                continue
            # A day of this month after the publication is to come, whatever the verb's tense.
            to_come = day > published or in_future(document, position)
            found.append(DateCandidate(day, "day", position, end, "explicit", to_come))
            used.update(range(position, end))
        # "earlier this month", "le mois dernier", "الشهر الماضي": a month, counted back
        # from the publication.
        for match in this_month.values():
            if used.intersection(range(match.start, match.end)):
                continue
            first = published.replace(day=1)
            if match.payload == -1:
                first = (first - datetime.timedelta(days=1)).replace(day=1)
            found.append(DateCandidate(first, "month", match.start, match.end, "month"))
            used.update(range(match.start, match.end))

    # 4. A month without a day: خلال شهر أكتوبر الماضي, en mars dernier, in March 2024.
    for position in range(len(words)):
        if position in used:
            continue
        month = month_of(document, position)
        if not month:
            continue
        before = words[position - 1] if position else ""
        after_position = position + month[1]
        after = words[after_position] if after_position < len(words) else ""
        has_year = bool(YEAR.match(after))
        if not (before in MONTH_CUES or has_year or after in PAST):
            continue
        if after in FUTURE:
            continue
        month_name = STANDARD_ARABIC[month[0]] if language == "ar" else STANDARD_ENGLISH[month[0]]
        span_text = f"{month_name} {after}" if has_year else month_name
        parsed = parse_span(span_text, "ar" if language == "ar" else "en", published)
        if parsed:
            end = after_position + 1 if has_year else after_position
            found.append(DateCandidate(parsed.replace(day=1), "month", position, end, "month"))
    found = [same_weekday_to_come(candidate, found, words) for candidate in found]
    return sorted(found, key=lambda candidate: candidate.start)


def same_weekday_to_come(
    candidate: DateCandidate, found: list[DateCandidate], words: list[str]
) -> DateCandidate:
    """A bare weekday ("يبحث مع نظيره الخميس" in a headline) the week before the same weekday
    that the text puts to come ("بعد غد الخميس", "jeudi prochain", "will meet on Thursday"):
    the same day, told twice, unless a word of the past marks it ("الخميس الماضي")."""
    if candidate.how != "weekday" or candidate.to_come:
        return candidate
    around = words[max(candidate.start - 1, 0) : candidate.end + 1]
    if PAST.intersection(around) or YESTERDAY.intersection(around):
        return candidate
    later = candidate.date + datetime.timedelta(days=7)
    if any(other.how == "weekday" and other.to_come and other.date == later for other in found):
        return dataclasses.replace(candidate, date=later, to_come=True)
    return candidate


# An Arabic credit may touch its dash: "رام الله 20-2-2026 وفا- التقت...", and so may a credit
# in brackets: "عمان 15 تشرين الأول (بترا)- بحث...".
DATELINE = re.compile(
    r"^[^\n]{0,60}?(\([^)\n]{1,40}\)\s*)?(?:\s|(?<=[\u0600-\u06FF)]))(?:[-–—]{1,2}|=)\s"
)
# The place, a dash, the date, then the agency: "مدريد - 14 مارس 2025 (ومع) -", "TUNIS - 3 mai
# (TAP) -". DATELINE alone would stop at the first dash and leave the date in the text.
DATED_DATELINE = re.compile(
    r"^[^\n()]{1,40}?\s[-–—]\s[^\n()]{0,30}?\d[^\n()]{0,20}?\([^)\n]{1,40}\)\s*[-–—]{1,2}\s"
)
# The agency first, then the place and the date: "(ANSA) - ROME, JUL 23 -".
AGENCY_FIRST_DATELINE = re.compile(
    r"^\s*\([^)\n]{1,40}\)\s*[-–—]\s*[^\n]{0,50}?\d{1,2}(?:\s\w+)?\s[-–—]\s"
)
# A government's readout: the date, a dash, the place, a dash, the ministry: "October 30,
# 2026 - Toronto, Ontario - Global Affairs Canada", "30 octobre 2026 - Genève - ...". The
# dateline is the place's part.
DATE_FIRST_DATELINE = re.compile(
    r"^(?:[^\W\d_]+\.?\s\d{1,2},?\s\d{4}|\d{1,2}\s[^\W\d_]+\s\d{4})\s[-–—]\s"
    r"(?P<place>[^\n\d\-–—]{2,40}?)\s[-–—]\s"
)
# The Gulf agencies' way: "المنامة في 22 مايو /بنا/ استقبل...".
SLASHED_DATELINE = re.compile(r"^[^\n/]{0,60}?/[^/\n]{1,25}/")
# A dateline on a line of its own: "الرياض 29 صفر 1446 هـ الموافق 03 سبتمبر 2024 م واس",
# "بغداد / الصباح الجديد": short, with a number or a slash, no sentence in it.
# The digit is a date's or a year's, standing alone: not an amount ("pledges $120m", "15%",
# "50 مليون دولار").
DATELINE_LINE = re.compile(
    r"^(?=[^\n]*(?:/|(?<![\w$€£])\d{1,4}"
    r"(?![\w%$€£]|\s(?:millions?|milliards?|billions?|مليون|مليار))))"
    r"[^\n.!?؟:]{3,80}(?=\n)"
)
# The place, the date and the agency's credit, the text right after it with no dash:
# "Luanda, Jul 1 (Prensa Latina) Cuban Foreign Minister...", "ISLAMABAD, Jan 26 (APP): ...".
UNDASHED_DATELINE = re.compile(
    r"^[^\n()]{1,40}?[,،]\s[^\n()]{0,20}?\d{1,2}[^\n()\d]{0,10}?\s\([^)\n]{1,40}\):?\s"
    r"(?=[A-ZÀ-Þ\u0600-\u06FF])"
)
# An Arabic dateline with no comma nor dash: "بكين 15 ديسمبر 2025 (شينخوا) أجرى ...".
ARABIC_UNDASHED_DATELINE = re.compile(
    r"^[\u0600-\u06FF ]{2,30}\s\d{1,2}\s[\u0600-\u06FF]{3,12}(?:\s\d{4})?\s\([^)\n]{1,30}\)\s"
    r"(?=[\u0600-\u06FF])"
)
# The agency's credit closing the dateline with a stop: "Kinshasa, 3 juin 2025 (ACP).-".
CREDIT_DATELINE = re.compile(r"^[^\n()]{1,60}?\([^)\n]{1,40}\)\.\s?[-–—]{1,2}\s?")
# A city alone on the first line, in capitals, as wires file it: "ANKARA", "NOUAKCHOTT".
# A city in capitals and a colon, as some papers file it: "DHAKA: ...", "LAHORE: ...".
CAPITALS_COLON = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ '’-]{2,30}:\s")
CAPITALS_LINE = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ '’-]{2,30}(?=\s*\n)")
TITLE_LINE = re.compile(r"^[^\n]{3,150}(?<![.!?؟])\n")
# On the line after a headline, a place in capitalised words (or one or two Arabic words) and
# a colon with no space, then the first sentence: "Kuwait City: The Minister of ...".
TITLED_COLON = re.compile(
    r"^(?:[A-Z][a-zà-ÿ]+(?: [A-Z][a-zà-ÿ]+){0,2}:\s(?=[A-Z])"
    r"|[\u0621-\u064a]+(?: [\u0621-\u064a]+)?:\s)"
)


def dateline_span(document: Document, with_date: bool = False) -> tuple[int, int]:
    """The tokens [start, end) of the dateline ("RABAT -", "الرياض (واس) -", "KUWAIT, Oct 15
    (KUNA) --"): at the top of the article, or on the line after a title (a page's
    headline, "Source: WAM"); (0, 0) if there is none. A readout's date before the place
    ("October 30, 2026 - Toronto, Ontario -") is in it only ``with_date``."""
    text = document.text
    starts = [0]
    title = TITLE_LINE.match(text)
    if title:
        # The dateline may follow the headline after a blank line.
        rest = text[title.end() :]
        starts.append(title.end() + len(rest) - len(rest.lstrip()))
    for start in starts:
        rest = text[start:]
        dated = DATE_FIRST_DATELINE.match(rest)
        first = start
        if dated:
            start, rest = start + dated.start("place"), rest[dated.start("place") :]
        match = next(
            (
                found
                for pattern in (
                    AGENCY_FIRST_DATELINE,
                    DATED_DATELINE,
                    CREDIT_DATELINE,
                    DATELINE,
                    SLASHED_DATELINE,
                    DATELINE_LINE,
                    UNDASHED_DATELINE,
                    ARABIC_UNDASHED_DATELINE,
                    CAPITALS_COLON,
                    CAPITALS_LINE,
                    TITLED_COLON if start else None,
                )
                if pattern and (found := pattern.match(rest))
            ),
            None,
        )
        if match:
            end = start + match.end()
            tokens = [
                index
                for index, token in enumerate(document.tokens)
                if start <= document.origins[token.start] < end
            ]
            if tokens:
                if dated and with_date:
                    date_start = next(
                        index
                        for index, token in enumerate(document.tokens)
                        if document.origins[token.start] >= first
                    )
                    return date_start, tokens[-1] + 1
                return tokens[0], tokens[-1] + 1
    return 0, 0


def token_at(document: Document, character: int) -> int:
    for index, token in enumerate(document.tokens):
        if token.end > character:
            return index
    return max(len(document.tokens) - 1, 0)


def choose_date(
    candidates: list[DateCandidate], document: Document, published: datetime.date | None
) -> DateCandidate | None:
    """The candidate most likely to be the meeting's date."""
    if not candidates:
        return None
    words = [token.text for token in document.tokens]
    cue_positions = [
        index
        for index, word in enumerate(words)
        if any(form in MEETING_CUES for form, _ in word_forms(word))
    ]
    total = max(len(words), 1)

    # A bare "today" is weaker than a date or a weekday: "اليوم" also means "nowadays".
    # The end of a stay ("until Tuesday") is kept only for want of anything else.
    weights = {"explicit": 3.0, "numeric": 3.0, "weekday": 3.0, "relative": 1.5, "month": 1.0,
               "until": -4.0}  # fmt: skip

    # "ROME, Nov 22 (Reuters) -": a dateline gives the publication date, not the meeting's.
    dateline_start, dateline_end = dateline_span(document, with_date=True)

    def score(candidate: DateCandidate) -> float:
        value = weights[candidate.how]
        in_dateline = dateline_start <= candidate.start and candidate.end <= dateline_end
        if in_dateline:
            value -= 5.0  # the wire's date: the meeting's only when the text gives none
        if reported_on(words, candidate.start):
            value -= 5.0  # "the ministry announced on Tuesday": when it was said
        elif (
            reported_on(words, candidate.start, ARRIVAL_VERBS, reach=9)
            or heading_after(words, candidate.end)
        ) and len(candidates) > 1:
            # "arrives on Wednesday" beside the day of the talks; more so in an announcement
            # ("will leave for Tashkent on Friday ... talks on Saturday"), where the day to
            # come nearest the publication would otherwise win.
            value -= 5.0 if candidate.to_come else 3.0
        if starts_a_stay(words, candidate.start) and any(
            other.to_come and other.date > candidate.date for other in candidates
        ):
            # "يؤدي بداية من غد الأربعاء زيارة ... يلتقي خلالها يوم الخميس", "starting
            # Wednesday, a three-day visit ... will meet on Thursday": the first day of the
            # stay, not the day of the talks.
            value -= 5.0
        if pluperfect_sentence(document, words, candidate.start):
            value -= 3.0  # "Bettel avait déjà été reçu en mars": an earlier event's date
        if candidate.start < total * 0.3 and not in_dateline:
            value += 2.0
        value -= candidate.start / total  # earlier is better
        if any(abs(candidate.start - cue) <= 12 for cue in cue_positions):
            value += 3.0
        elif in_a_sentence_with(cue_positions, candidate.start, document):
            # "met Ghana's Minister for Gender, Children and Social Protection, A. B.,
            # yesterday": long titles between the verb and the day of the same sentence.
            value += 2.0
        if published:
            age = (published - candidate.date).days
            if -7 <= age < -1 and candidate.to_come:
                # Announced within the week in words of the future ("will hold talks ... on
                # Saturday", "بعد غد"): nearly as likely as tomorrow (+2 below), not less
                # likely than a day past.
                value += 1.5
            elif age < -1:
                # After publication: announced, not held; less so when the words say it is
                # to come ("will travel to Rabat on Thursday", "recevra le 5 juin"): the
                # article announces it.
                to_come = candidate.to_come or in_future(document, candidate.start)
                value -= 2.0 if to_come else 10.0
            elif age <= 10:
                value += 2.0
            elif age > 120 and candidate.precision == "day":
                value -= 3.0  # another, older event
        return value

    return max(candidates, key=score)


def in_a_sentence_with(positions: list[int], position: int, document: Document) -> bool:
    """One of ``positions`` is in the sentence of token ``position``: the
    nearest before it or the nearest after it, with no sentence break between."""
    before = max((other for other in positions if other < position), default=None)
    after = min((other for other in positions if other > position), default=None)
    return any(
        other is not None
        and not any(
            sentence_break(document, index, index + 1)
            for index in range(min(other, position), max(other, position))
        )
        for other in (before, after)
    )


# "يغادر ... اليوم الاثنين متوجها إلى الهند": the day of the departure, heading somewhere.
HEADING = {"متوجها", "متوجهة", "متوجهين", "متجها", "متجهة", "قاصدا", "قاصدة"}


def heading_after(words: list[str], end: int) -> bool:
    """One of HEADING right after the date (token ``end`` or the next)."""
    return any(form in HEADING for word in words[end : end + 2] for form, _ in word_forms(word))


# Words that give the first day of a stay: "بداية من غد", "à partir de demain", "starting
# tomorrow".
STAY_STARTS = {"بداية", "ابتداء", "اعتبارا", "partir", "starting", "beginning"}


def starts_a_stay(words: list[str], start: int) -> bool:
    """One of STAY_STARTS within the four words before token ``start``."""
    return any(
        form in STAY_STARTS
        for word in words[max(start - 4, 0) : start]
        for form, _ in word_forms(word)
    )


PLUPERFECT = {"had", "avait", "avaient"}
ARABIC_WAS = {"كان", "كانت", "وكان", "وكانت", "كانا", "وكانا"}


def pluperfect_sentence(document: Document, words: list[str], position: int) -> bool:
    """The sentence of token ``position`` tells what had happened before: "had met",
    "avait été reçu", "وكان ... قد زار"."""
    start = position
    while start > 0 and not sentence_break(document, start - 1, start):
        start -= 1
    end = position + 1
    while end < len(words) and not sentence_break(document, end - 1, end):
        end += 1
    sentence = set(words[start:end])
    return bool(sentence & PLUPERFECT) or bool(sentence & ARABIC_WAS and "قد" in sentence)


def reported_on(
    words: list[str], start: int, verbs: set[str] = REPORTING_VERBS, reach: int = 6
) -> bool:
    """A reporting verb (or one of ``verbs``) just before the date, within ``reach`` words
    (an Arabic verb's subject may stand between: "يبدأ وزير الداخلية X Y بعد غد الثلاثاء"),
    and no word of a meeting between them."""
    for index in range(start - 1, max(start - reach, 0) - 1, -1):
        forms = {form for form, _ in word_forms(words[index])}
        if forms & MEETING_CUES:
            return False
        if forms & verbs:
            return True
    return False
