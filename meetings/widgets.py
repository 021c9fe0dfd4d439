"""Select widgets that write their options directly instead of one template per option.

Django renders each <option> through a template; a filter form with three
lists of 249 countries spent most of a page's time there. These widgets keep
Django's markup (and its escaping) and write the options in one pass.
"""

import html

from django import forms
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe


def escaped(value) -> str:
    """What django.utils.html.conditional_escape gives, without its wrappers for lazy text."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


class FastSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        attributes = self.build_attrs(self.attrs, attrs)
        attributes["name"] = name
        if self.allow_multiple_selected:
            attributes["multiple"] = True
        selected = {str(item) for item in self.format_value(value)}
        # Plain f-strings: format_html's checks per argument cost more than the rest
        # of the page's widgets together (about 1,000 options a form).
        options = "".join(
            f'<option value="{escaped(option_value)}"'
            f"{' selected' if str(option_value) in selected else ''}>"
            f"{escaped(option_label)}</option>"
            for option_value, option_label in self.choices
        )
        return mark_safe(f"<select{flatatt(attributes)}>{options}</select>")  # noqa: S308

    def format_value(self, value):
        if value is None:
            return [""] if not self.allow_multiple_selected else []
        if not isinstance(value, (tuple, list)):
            value = [value]
        return ["" if item is None else str(item) for item in value]


class FastSelectMultiple(FastSelect):
    allow_multiple_selected = True

    def value_from_datadict(self, data, files, name):
        try:
            getter = data.getlist
        except AttributeError:
            getter = data.get
        return getter(name)

    def value_omitted_from_data(self, data, files, name):
        return False
