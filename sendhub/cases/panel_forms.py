"""Forms for the panel agenda: which meeting to show, and listing a request for a meeting."""

from __future__ import annotations

from django import forms

from sendhub.cases.forms import date_field


class PanelDateForm(forms.Form):
    """Read from the query string: the agenda opens at the next panel when no date is given."""

    on = date_field("Show the agenda for the panel on", "date of the panel", required=False)


class PanelListingForm(forms.Form):
    panel_on = date_field("Panel meeting", "date of the panel meeting", required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
