"""The SEND Inclusion Board (and the Quality Assurance Board): meetings, and the decisions and actions
each meeting records, tracked to completion."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse

from sendhub.lib.dates import long_date
from sendhub.strategy.models.removal import AllRowsManager, LiveManager


class BoardKind(models.TextChoices):
    INCLUSION = "inclusion", "SEND Inclusion Board"
    QUALITY = "quality", "Quality Assurance Board"


# Each board's own list of meetings and open actions.
BOARD_LIST_URLS: dict[str, str] = {
    BoardKind.INCLUSION: "strategy:meeting_list",
    BoardKind.QUALITY: "strategy:qa_meeting_list",
}


class BoardMeeting(models.Model):
    board = models.CharField(max_length=10, choices=BoardKind.choices, default=BoardKind.INCLUSION)
    held_on = models.DateField()
    attendees = models.TextField(help_text="One name and role a line")
    agenda = models.TextField(help_text="One item a line")
    version = models.PositiveIntegerField(default=1)  # optimistic locking for the edit page
    removed_at = models.DateTimeField(null=True, blank=True, help_text="Removed (kept for the audit trail)")

    objects = LiveManager()  # a removed meeting leaves the list, its page and the open-action logs
    with_removed = AllRowsManager()

    class Meta:
        ordering = ["-held_on", "-pk"]
        base_manager_name = "with_removed"
        constraints = [
            models.CheckConstraint(name="meeting_board_valid", condition=Q(board__in=BoardKind.values)),
            models.UniqueConstraint(
                fields=["board", "held_on"],
                name="meeting_one_a_day_per_board",
                condition=Q(removed_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_board_display()}, {long_date(self.held_on)}"

    def get_absolute_url(self) -> str:
        return reverse("strategy:meeting_detail", args=[self.pk])

    def list_url(self) -> str:
        return reverse(BOARD_LIST_URLS[self.board])


class ItemKind(models.TextChoices):
    DECISION = "decision", "Decision"
    ACTION = "action", "Action"


class BoardItem(models.Model):
    """A decision or an action recorded at a meeting; an action stays open until completed."""

    meeting = models.ForeignKey(BoardMeeting, models.CASCADE, related_name="items")
    kind = models.CharField(max_length=8, choices=ItemKind.choices)
    text = models.TextField()
    owner = models.CharField(max_length=200, blank=True)
    due = models.DateField(null=True, blank=True)
    completed_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)  # optimistic locking for the edit page
    removed_at = models.DateTimeField(null=True, blank=True, help_text="Removed (kept for the audit trail)")

    objects = LiveManager()  # removed items are left out of the meeting page and every pack
    with_removed = AllRowsManager()

    class Meta:
        ordering = ["meeting", "pk"]
        base_manager_name = "with_removed"
        constraints = [
            models.CheckConstraint(name="board_item_kind_valid", condition=Q(kind__in=ItemKind.values)),
            models.CheckConstraint(
                name="board_action_has_owner_and_due",
                condition=Q(kind=ItemKind.DECISION) | (~Q(owner="") & Q(due__isnull=False)),
            ),
            models.CheckConstraint(
                name="board_decision_not_completed",
                condition=Q(kind=ItemKind.ACTION) | Q(completed_on__isnull=True),
            ),
        ]
        indexes = [  # open actions across meetings, for the pack's action log
            models.Index(
                fields=["due"],
                name="board_open_actions",
                condition=Q(kind="action", completed_on__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]
