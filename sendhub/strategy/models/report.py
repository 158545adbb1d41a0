"""The annual progress report's publication on the Local Offer: a staff member publishes a plan's report;
until then (or after it is withdrawn) its public page does not exist."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse


class ReportPublication(models.Model):
    plan = models.OneToOneField("strategy.Plan", models.CASCADE, related_name="publication")
    published_at = models.DateTimeField()
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True)

    class Meta:
        ordering = ["-plan__year"]

    def __str__(self) -> str:
        return f"Progress report {self.plan.year}"

    def get_absolute_url(self) -> str:
        return reverse("strategy:public_report", args=[self.plan.year])
