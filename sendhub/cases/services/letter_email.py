"""Letters by email: the text in the body, the PDF attached (and the plan, for a covering letter).

A letter that cannot be emailed goes on the print queue, so it still reaches the family by post.
"""

from __future__ import annotations

import logging

from django.core.mail import EmailMessage
from django.utils import timezone

from sendhub.cases.models import Delivery, Letter

logger = logging.getLogger(__name__)


def send_letter_email(letter_pk: int) -> None:
    """Email the letter (text in the body, PDF attached); on failure it goes on the print queue."""
    send_letter_emails([letter_pk])


def send_letter_emails(letter_pks: list[int]) -> None:
    """Email each letter (text in the body, PDF attached); one that fails goes on the print queue.

    The letters are read in one query and marked in two, so a batch's emails cost no query apiece.
    """
    sent: list[int] = []
    failed: list[int] = []
    for letter in Letter.objects.select_related("document__plan_version__plan__child").filter(
        pk__in=letter_pks
    ):
        message = EmailMessage(subject=letter.subject, body=letter.body, to=[letter.recipient_email])
        if letter.document is not None:
            with letter.document.file.open("rb") as handle:
                message.attach(letter.document.original_name, handle.read(), "application/pdf")
            version = letter.document.plan_version
            if version is not None:  # a covering letter: the plan (draft, final or amended) goes with it
                from sendhub.cases.services.plan_document import plan_pdf

                name = f"ehc-plan-{version.plan.child.reference}-v{version.number}.pdf"
                message.attach(name, plan_pdf(version), "application/pdf")
        try:
            message.send()
        except Exception:  # any mail failure: the letter must still reach the family, by post
            logger.exception("Letter %s could not be emailed; put on the print queue", letter.pk)
            failed.append(letter.pk)
            continue
        sent.append(letter.pk)
    if failed:
        Letter.objects.filter(pk__in=failed).update(delivery=Delivery.POST)
    if sent:
        Letter.objects.filter(pk__in=sent).update(emailed_at=timezone.now())
