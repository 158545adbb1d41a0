"""The local outbox: what the demo (and a council trying SEND Hub out) sends instead of real email."""

from __future__ import annotations

from django.db import models


class OutboxMessage(models.Model):
    to = models.TextField(help_text="Recipients, one per line")
    from_email = models.CharField(max_length=254)
    subject = models.CharField(max_length=300)
    body = models.TextField()
    html_body = models.TextField(blank=True)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        indexes = [models.Index(fields=["-sent_at"], name="outbox_newest_first")]

    def __str__(self) -> str:
        return self.subject

    @property
    def recipients(self) -> list[str]:
        return [line for line in self.to.splitlines() if line]
