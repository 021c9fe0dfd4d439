"""People and their mandates in the Popolo shape (https://www.popoloproject.com/specs/).

Areas are countries, organizations their governments, posts the positions in
them, memberships the mandates, with start and end dates: the data joins
other open-government datasets that speak Popolo.
"""

from meetings.models import Country, Mandate, Minister, Post


def popolo() -> dict:
    posts = Post.objects.select_related("portfolio").order_by("country_id", "slug")
    countries = Country.objects.filter(posts__isnull=False).distinct().order_by("code")
    return {
        "areas": [
            {
                "id": f"country/{country.code}",
                "name": country.name_en,
                "classification": "country",
                "identifiers": [{"scheme": "ISO 3166-1 alpha-2", "identifier": country.code}],
                "other_names": [
                    {"name": country.name_ar, "note": "ar"},
                    {"name": country.name_fr, "note": "fr"},
                ],
            }
            for country in countries
        ],
        "organizations": [
            {
                "id": f"government/{country.code}",
                "name": f"Government of {country.name_en}",
                "classification": "government",
                "area_id": f"country/{country.code}",
            }
            for country in countries
        ],
        "posts": [
            {
                "id": f"post/{post.country_id}/{post.slug}",
                "label": post.title_en or post.title_fr or post.title_ar,
                "other_labels": [
                    {"name": title, "note": code}
                    for code, title in (("ar", post.title_ar), ("fr", post.title_fr))
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
                "other_names": [
                    {"name": name} for name in (person.name_ar, *person.aliases) if name
                ],
                "identifiers": (
                    [{"scheme": "wikidata", "identifier": person.wikidata_id}]
                    if person.wikidata_id
                    else []
                ),
            }
            for person in Minister.objects.order_by("slug")
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
            for mandate in Mandate.objects.select_related("minister", "post").order_by("pk")
        ],
    }
