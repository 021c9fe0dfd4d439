"""Submitting admin change forms as a browser would: every field and inline, as rendered."""

import datetime


def value_of(form, name):
    value = form[name].value()
    if value is None or value is False:
        return None
    if value is True:
        return "on"
    if isinstance(value, (list, tuple)):
        return [getattr(item, "pk", item) for item in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return getattr(value, "pk", value)


def change_form_data(response, **changes):
    """The POST data of the admin change form in ``response``, with ``changes`` applied."""
    data = {}
    form = response.context["adminform"].form
    for name in form.fields:
        value = value_of(form, name)
        if value is not None:
            data[form.add_prefix(name)] = value
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        for inline_form in formset.forms:
            for name in inline_form.fields:
                value = value_of(inline_form, name)
                if value is not None:
                    data[inline_form.add_prefix(name)] = value
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}
