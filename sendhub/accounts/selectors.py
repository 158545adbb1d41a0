"""Reads for accounts: the administrator's list of accounts and a person's confirmed authenticator apps."""

from __future__ import annotations

from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404
from django_otp.plugins.otp_totp.models import TOTPDevice

from sendhub.accounts.models import Team, User


def users() -> QuerySet[User]:
    return User.objects.select_related("team").order_by("full_name")


def get_user(pk: int) -> User:
    return get_object_or_404(User, pk=pk)


def get_active_user(pk: int) -> User:
    return get_object_or_404(User, pk=pk, is_active=True)


def teams_with_member_counts() -> QuerySet[Team]:
    return Team.objects.annotate(members_count=Count("members")).order_by("name")


def get_team(pk: int) -> Team:
    return get_object_or_404(Team, pk=pk)


def confirmed_devices(user: User) -> QuerySet[TOTPDevice]:
    """The authenticator apps the person has confirmed with a code (at most one; see otp.confirm_device)."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True)
