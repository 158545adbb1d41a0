from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models import Q
from django.utils import timezone

# The roles live in core so that the role predicates (core.predicates) import no app; every caller that
# imports them from here still can.
from sendhub.core.roles import COUNCIL_STAFF_ROLES as COUNCIL_STAFF_ROLES
from sendhub.core.roles import Role as Role


class Team(models.Model):
    """A SEND casework team (for example 0-5s, primary, secondary, post-16), led by a team manager."""

    name = models.CharField(max_length=100, unique=True)

    def __str__(self) -> str:
        return self.name


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("Enter an email address")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.update(is_staff=True, is_superuser=True, role=Role.ADMIN)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField("email address", unique=True)
    full_name = models.CharField(max_length=150)
    role = models.CharField(max_length=20, choices=Role.choices)
    team = models.ForeignKey(Team, models.SET_NULL, null=True, blank=True, related_name="members")
    schools = models.ManyToManyField(
        "schools.School",
        blank=True,
        related_name="staff_accounts",
        help_text="For SENCOs: the schools whose pupils they may see",
    )
    phone = models.CharField(max_length=30, blank=True)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField("can use the admin site", default=False)
    date_joined = models.DateTimeField(default=timezone.now)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    # createsuperuser asks for these; it makes an administrator, so it does not ask for a role.
    REQUIRED_FIELDS: ClassVar[list[str]] = ["full_name"]

    class Meta:
        ordering = ["full_name"]
        constraints = [
            models.CheckConstraint(name="user_role_valid", condition=Q(role__in=Role.values)),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @property
    def is_council_staff(self) -> bool:
        return self.role in COUNCIL_STAFF_ROLES

    @property
    def is_professional(self) -> bool:
        """Everyone but families (parents, carers and young people): council staff, SENCOs, providers and partners (the accounts
        SENDHUB_REQUIRE_STAFF_OTP puts behind two-step sign-in)."""
        return self.role not in {Role.PARENT, Role.YOUNG_PERSON}
