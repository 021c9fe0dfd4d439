"""Who keeps each derived value (docs/decisions/0020); the ones Python keeps are set here.

The database keeps what it can compute from rows alone, in the transaction of every
change, whoever makes it (admin, import, shell, raw SQL): the meetings' id arrays
(topics, topic groups, people, posts, portfolios), the search vectors, the facet totals,
the archive's, reference and display versions (migrations 0010-0018, mapped in
meetings/README.md).

Python keeps what needs meetings.text.normalize: a meeting's search document (its own
text) and each reference row's names document. Both are functions of their own row
only, set here before every save, raw fixture loads included; bulk loaders call the same
functions (meetings.search). A change made in raw SQL to a row's own text is the one
case they miss: ``manage.py check_integrity`` finds it and ``--fix`` repairs it.
"""

from django.db.models.signals import pre_save

from meetings.models import Meeting, NamesIndexed
from meetings.search import meeting_document, names_document


def set_search_document(sender, instance, **kwargs):
    instance.search_document = meeting_document(instance)


def set_search_names(sender, instance, **kwargs):
    instance.search_names = names_document(instance)


def connect():
    pre_save.connect(set_search_document, sender=Meeting, dispatch_uid="search-document")
    for model in NamesIndexed.__subclasses__():
        pre_save.connect(set_search_names, sender=model, dispatch_uid=f"names-{model.__name__}")
