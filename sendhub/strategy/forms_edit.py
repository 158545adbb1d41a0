"""The edit and remove forms: the create forms with the version the page was opened at."""

from __future__ import annotations

from django import forms

from sendhub.strategy.forms import ItemForm, UpdateForm, ValueForm


class _Versioned(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class UpdateEditForm(UpdateForm, _Versioned):
    pass


class ValueEditForm(ValueForm, _Versioned):
    pass


class ItemEditForm(ItemForm, _Versioned):
    pass


class RemoveForm(_Versioned):
    pass
