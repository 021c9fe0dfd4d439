"""The filter form's select widgets write Django's markup, escaped, in one pass."""

from django import forms
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from meetings.widgets import FastSelect, FastSelectMultiple

CHOICES = [
    ("", gettext_lazy("Any country")),
    ('x"><script>', "<b>Bold</b> & co"),
    ("MA", "Morocco"),
    ("safe", mark_safe("<em>kept</em>")),
]


def test_options_are_escaped_and_the_chosen_one_is_selected():
    html = FastSelect(choices=CHOICES).render("country", "MA", attrs={"id": "id_country"})
    assert html.startswith('<select id="id_country" name="country">')
    assert '<option value="">Any country</option>' in html
    assert (
        '<option value="x&quot;&gt;&lt;script&gt;">&lt;b&gt;Bold&lt;/b&gt; &amp; co</option>'
        in html
    )
    assert '<option value="MA" selected>Morocco</option>' in html
    assert "<em>kept</em>" in html  # text already marked safe is not escaped twice
    assert "<script>" not in html


def test_its_markup_is_what_django_writes():
    field = forms.ChoiceField(choices=[(c, str(label)) for c, label in CHOICES[:3]])
    django_html = forms.Select(choices=field.choices).render("country", "MA")
    fast_html = FastSelect(choices=field.choices).render("country", "MA")

    def options(markup):
        return [line.strip() for line in markup.replace("><", ">\n<").splitlines() if line]

    assert options(fast_html) == options(django_html)


def test_a_multiple_select_marks_every_chosen_value():
    html = FastSelectMultiple(choices=CHOICES).render("topic", ["MA", "safe"])
    assert "multiple" in html
    assert html.count(" selected>") == 2
