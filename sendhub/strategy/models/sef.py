"""The self-evaluation form (SEF): one section per theme of the local area SEND inspection framework
(Ofsted and CQC, 2023), with strengths, areas for development and the evidence for them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class SefTheme(models.TextChoices):
    # The framework's themes, in its order (wording summarised).
    IDENTIFICATION = (
        "identification",
        "Needs are identified accurately and assessed in a timely and effective way",
    )
    PARTICIPATION = (
        "participation",
        "Children, young people and families participate in decisions about their plans",
    )
    RIGHT_HELP = "right_help", "Children and young people receive the right help at the right time"
    NEXT_STEPS = (
        "next_steps",
        "Children and young people are well prepared for their next steps and achieve strong outcomes",
    )
    INCLUSION = "inclusion", "Children and young people are valued, visible and included in their communities"
    LEADERSHIP = "leadership", "Leaders are ambitious, work together and commission services to meet needs"
    EVALUATION = "evaluation", "Leaders evaluate the impact of services and act on what they find"


class SefSection(models.Model):
    theme = models.CharField(max_length=16, choices=SefTheme.choices, unique=True)
    strengths = models.TextField(blank=True)
    areas_for_development = models.TextField(blank=True)
    evidence = models.TextField(blank=True, help_text="Documents and where they are, one a line")
    measures = models.ManyToManyField("strategy.Measure", blank=True, related_name="sef_sections")
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.CheckConstraint(name="sef_theme_valid", condition=Q(theme__in=SefTheme.values))]

    def __str__(self) -> str:
        return self.get_theme_display()
