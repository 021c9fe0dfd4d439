"""People and their mandates in the Popolo shape (https://www.popoloproject.com/specs/).

Areas are countries, organizations their governments, posts the positions in them,
memberships the mandates, with start and end dates: the data joins other
open-government datasets that speak Popolo. Persons are the people of published
meetings only (optionally of one country's side); every name carries its language
tag: ``ar`` for Arabic script, ``und-Latn`` (undetermined language, Latin script) for
a name in Latin script, as BCP 47 writes them.
"""

import re

from meetings.models import Country, Mandate, Meeting, Minister, Participation, Post

ARABIC_LETTER = re.compile("[\u0600-\u06ff]")


def language_tag(name: str) -> str:
    return "ar" if ARABIC_LETTER.search(name) else "und-Latn"


def person_names(person) -> list[dict]:
    names = [(person.name_latin, "und-Latn"), (person.name_ar, "ar")]
    names += [(alias, language_tag(alias)) for alias in person.aliases]
    seen, tagged = set(), []
    for name, tag in names:
        if name and name not in seen:
            seen.add(name)
            tagged.append({"name": name, "lang": tag, "note": "script: " + tag})
    return tagged


def popolo(country: str | None = None) -> dict:
    """The people of published meetings (of ``country``'s side when given), their
    mandates, the posts of those mandates and the governments of those posts."""
    taking_part = Participation.objects.filter(meeting__status=Meeting.Status.PUBLISHED)
    if country:
        taking_part = taking_part.filter(country_id=country)
    people = Minister.objects.filter(pk__in=taking_part.values("minister_id")).order_by("slug")
    mandates = (
        Mandate.objects.filter(minister__in=people.values("pk"))
        .select_related("minister", "post")
        .order_by("pk")
    )
    if country:
        mandates = mandates.filter(post__country_id=country)
    posts = Post.objects.filter(pk__in=mandates.values("post_id")).select_related("portfolio")
    posts = posts.order_by("country_id", "slug")
    countries = Country.objects.filter(posts__in=posts.values("pk")).distinct().order_by("code")
    return {
        "areas": [
            {
                "id": f"country/{area.code}",
                "name": area.name_en,
                "classification": "country",
                "identifiers": [{"scheme": "ISO 3166-1 alpha-2", "identifier": area.code}],
                "other_names": [
                    {"name": area.name_ar, "lang": "ar", "note": "ar"},
                    {"name": area.name_fr, "lang": "fr", "note": "fr"},
                    {"name": area.name_en, "lang": "en", "note": "en"},
                ],
            }
            for area in countries
        ],
        "organizations": [
            {
                "id": f"government/{area.code}",
                "name": f"Government of {area.name_en}",
                "classification": "government",
                "area_id": f"country/{area.code}",
            }
            for area in countries
        ],
        "posts": [
            {
                "id": f"post/{post.country_id}/{post.slug}",
                "label": post.title_en or post.title_fr or post.title_ar,
                "other_labels": [
                    {"name": title, "lang": code, "note": code}
                    for code, title in (
                        ("ar", post.title_ar),
                        ("fr", post.title_fr),
                        ("en", post.title_en),
                    )
                    if title
                ],
                "role": post.get_rank_display(),
                "organization_id": f"government/{post.country_id}",
                **({"portfolio": post.portfolio.slug} if post.portfolio else {}),
            }
            for post in posts
        ],
        "persons": [
            {
                "id": f"person/{person.slug}",
                "name": person.name_latin or person.name_ar,
                "other_names": person_names(person),
                "identifiers": (
                    [{"scheme": "wikidata", "identifier": person.wikidata_id}]
                    if person.wikidata_id
                    else []
                ),
            }
            for person in people
        ],
        "memberships": [
            {
                "id": f"mandate/{mandate.pk}",
                "person_id": f"person/{mandate.minister.slug}",
                "organization_id": f"government/{mandate.post.country_id}",
                "post_id": f"post/{mandate.post.country_id}/{mandate.post.slug}",
                "role": mandate.post.title_en or mandate.post.title_fr or mandate.post.title_ar,
                "start_date": mandate.start.isoformat(),
                **({"end_date": mandate.end.isoformat()} if mandate.end else {}),
            }
            for mandate in mandates
        ],
    }
