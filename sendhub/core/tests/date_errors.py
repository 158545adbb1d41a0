"""Reading a date's error where a person sees it: inside the date's own form group, boxes marked in error."""

from __future__ import annotations

import lxml.html


def date_error(html: bytes, name: str) -> str:
    """The error message shown on the date field `name` (its day box is `<name>_0`), asserting the GOV.UK
    markup: the group in error, the message in it, each of the three boxes with the error class."""
    page = lxml.html.fromstring(html)
    (group,) = page.xpath(f"//div[contains(@class,'govuk-form-group--error')][.//input[@name='{name}_0']]")
    for part in range(3):
        assert "govuk-input--error" in group.xpath(f".//input[@name='{name}_{part}']/@class")[0]
    summary = page.xpath("//div[contains(@class,'govuk-error-summary')]//a")
    assert any(a.get("href") == f"#id_{name}_0" for a in summary), "the summary links to the day box"
    return " ".join(group.xpath(".//p[@class='govuk-error-message']")[0].text_content().split())
