from __future__ import annotations

from django import forms

from sendhub.sen2.schema import SUPPORTED_EXPORT_YEARS

MAX_UPLOAD = 200 * 1024 * 1024


def year_field() -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label="Collection year",
        coerce=int,
        choices=[(y, str(y)) for y in reversed(SUPPORTED_EXPORT_YEARS)],
        help_text="The January census the return is for.",
        error_messages={
            "required": "Choose the collection year",
            "invalid_choice": "Choose a collection year",
        },
    )


class CurrentDataForm(forms.Form):
    year = year_field()


class FileForm(forms.Form):
    file = forms.FileField(
        label="SEN2 XML file",
        help_text="A return from SEND Hub or any other supplier.",
        error_messages={"required": "Choose a SEN2 XML file to check", "empty": "The chosen file is empty"},
    )

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError("The file must be smaller than 200 MB")
        return upload
