"""Optional sign-in with Microsoft Entra ID (OpenID Connect), switched on by SENDHUB_USE_OIDC.

Accounts are never created from a token: an administrator creates the account and gives it a role,
and the person signs in with the same email address through Entra ID.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from sendhub.accounts.models import User


def email_from_claims(claims: dict[str, Any]) -> str:
    return (
        str(claims.get("email") or claims.get("preferred_username") or claims.get("upn") or "")
        .strip()
        .lower()
    )


class EntraIdBackend(OIDCAuthenticationBackend):
    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        email = email_from_claims(claims)
        if not email:
            return User.objects.none()
        return User.objects.filter(email=email, is_active=True)

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        return bool(email_from_claims(claims))
