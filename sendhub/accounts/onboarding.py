"""Invitations and password resets: an emailed, single-use link that expires, to set a password.

Both use Django's token generator: the token is tied to the password hash and the last sign-in, so it
stops working once used, and expires after PASSWORD_RESET_TIMEOUT (SENDHUB_EMAIL_LINK_HOURS). Links
are built from SENDHUB_SITE_URL, never from the request's Host header. Mail leaves through the
background job queue (core.mail).
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from sendhub.accounts.models import User
from sendhub.accounts.services import save_user
from sendhub.core.audit import record_event
from sendhub.core.models import AuditEvent

if TYPE_CHECKING:
    from django.http import HttpRequest

# At most SENDHUB_RATE_LIMITS["password_reset"] requests from one client address in an hour (they are
# audited, and the audit trail is the count, so every web process sees the same number).
RESET_REQUESTED = "accounts.password_reset.requested"


def link(view_name: str, user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse(view_name, kwargs={"uidb64": uid, "token": token})
    return f"{settings.SENDHUB_SITE_URL}{path}"


def link_lifetime_text() -> str:
    hours = settings.PASSWORD_RESET_TIMEOUT // 3600
    return f"{hours // 24} days" if hours % 24 == 0 and hours >= 48 else f"{hours} hours"


def send_account_email(*, user: User, template: str, context: dict[str, Any]) -> None:
    context = {
        "user": user,
        "service_name": settings.SENDHUB_SERVICE_NAME,
        "la_name": settings.SENDHUB_LA_NAME,
        "site_url": settings.SENDHUB_SITE_URL,
        "lifetime": link_lifetime_text(),
        **context,
    }
    subject = " ".join(render_to_string(f"accounts/email/{template}_subject.txt", context).split())
    body = render_to_string(f"accounts/email/{template}.txt", context)
    EmailMessage(subject=subject, body=body, to=[user.email]).send()


@transaction.atomic
def send_invitation(*, user: User, by: User | None) -> None:
    """Email `user` a link to set their password and sign in for the first time."""
    send_account_email(
        user=user,
        template="invitation",
        context={"link": link("accounts:invitation", user), "invited_by": by},
    )
    record_event(actor=by, action="accounts.user.invited", target=user, data={"role": user.role})


@transaction.atomic
def invite_user(*, form_data: dict[str, Any], by: User | None) -> User:
    """Create the account (no usable password) and send its invitation, in one transaction."""
    user = save_user(form_data=form_data, instance=None, by=by)
    send_invitation(user=user, by=by)
    return user


def reset_requests_from(address: str | None) -> int:
    since = timezone.now() - timedelta(hours=1)
    return AuditEvent.objects.filter(action=RESET_REQUESTED, ip_address=address, at__gte=since).count()


def may_request_reset(request: HttpRequest) -> bool:
    from sendhub.core.clientip import client_address
    from sendhub.core.ratelimit import limit_for

    return reset_requests_from(client_address(request)) < limit_for("password_reset").times


def record_reset_request(*, request: HttpRequest, user: User | None) -> None:
    record_event(actor=None, action=RESET_REQUESTED, target=user, request=request)
