"""Factories for test data. Countries, topics and cities come from the reference fixtures."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from meetings.models import (
    City,
    Country,
    Mandate,
    Meeting,
    Minister,
    Participation,
    Post,
    Source,
    Topic,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("correct horse battery staple")


class EditorFactory(UserFactory):
    is_staff = True

    @factory.post_generation
    def editors_group(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name="Editors"))


class MinisterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Minister

    name_latin = factory.Sequence(lambda n: f"Person Number{n}")
    name_ar = factory.Sequence(lambda n: f"شخص رقم {n}")
    slug = factory.Sequence(lambda n: f"person-number-{n}")


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post

    country = factory.LazyFunction(lambda: Country.objects.get(code="MA"))
    slug = factory.Sequence(lambda n: f"post-{n}")
    title_en = factory.Sequence(lambda n: f"Minister of Things {n}")
    title_fr = factory.Sequence(lambda n: f"Ministre des Choses {n}")
    title_ar = factory.Sequence(lambda n: f"وزير الأشياء {n}")


class MandateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mandate

    minister = factory.SubFactory(MinisterFactory)
    post = factory.SubFactory(PostFactory)
    start = datetime.date(2020, 1, 1)
    end = None


class MeetingFactory(factory.django.DjangoModelFactory):
    """A published meeting between Morocco and Spain unless told otherwise."""

    class Meta:
        model = Meeting
        skip_postgeneration_save = True

    date = datetime.date(2023, 5, 10)
    country_a = factory.LazyFunction(lambda: Country.objects.get(code="MA"))
    country_b = factory.LazyFunction(lambda: Country.objects.get(code="ES"))
    status = Meeting.Status.PUBLISHED
    title_en = factory.Sequence(lambda n: f"Meeting number {n}")

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(Topic.objects.filter(slug__in=extracted))


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    meeting = factory.SubFactory(MeetingFactory)
    minister = factory.SubFactory(MinisterFactory)
    country = factory.SelfAttribute("meeting.country_a")
    role = Participation.Role.LEAD


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    meeting = factory.SubFactory(MeetingFactory)
    url = factory.Sequence(lambda n: f"https://news.example/articles/{n}")
    language = "ar"
    published_on = datetime.date(2023, 5, 10)


def city(slug):
    return City.objects.get(slug=slug)


class ChiefEditorFactory(UserFactory):
    is_staff = True

    @factory.post_generation
    def chief_editors_group(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name="Chief editors"))
