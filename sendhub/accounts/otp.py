"""TOTP second factor (django-otp): set-up with a QR code, confirmation, verification."""

from __future__ import annotations

import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.db import transaction
from django.http import HttpRequest
from django_otp import user_has_device
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from sendhub.accounts.models import User
from sendhub.core.audit import record_event
from sendhub.core.params import parse_int

SESSION_KEY = "sendhub_pending_totp_key"


def pending_device(request: HttpRequest) -> TOTPDevice:
    """An unsaved device whose secret lives in the session until the person proves they scanned it."""
    key = request.session.get(SESSION_KEY)
    if not key:
        key = random_hex(20)
        request.session[SESSION_KEY] = key
    return TOTPDevice(user=request.user, name="Authenticator app", key=key, confirmed=False)


def secret_text(device: TOTPDevice) -> str:
    raw = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def qr_svg(device: TOTPDevice) -> str:
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode("utf-8").split("?>", 1)[-1]


def may_enrol(request: HttpRequest) -> bool:
    """Set-up (first or again) is open to a session that has given a code from the current authenticator,
    or to an account with none (never set up, or reset by an administrator). A session signed in with
    the password alone can never replace an authenticator."""
    verified = getattr(request.user, "is_verified", lambda: False)()
    return bool(verified or not user_has_device(request.user, confirmed=True))


@transaction.atomic
def reset_devices(*, user: User, by: User) -> int:
    """An administrator's reset, for a lost phone: the person sets up two-step again at next sign-in."""
    removed, _ = TOTPDevice.objects.filter(user=user).delete()
    record_event(actor=by, action="accounts.otp.reset", target=user, data={"devices": removed})
    return removed


@transaction.atomic
def confirm_device(*, device: TOTPDevice, token: str, by: User) -> bool:
    # The device is not saved yet, so check the code directly (django-otp's verify_token saves the device).
    checker = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    if (number := parse_int(token, minimum=0)) is None or not checker.verify(number, device.tolerance):
        return False
    device.last_t = checker.t()
    TOTPDevice.objects.filter(user=device.user).delete()  # one authenticator app per person
    device.confirmed = True
    device.save()
    record_event(actor=by, action="accounts.otp.confirmed", target=device.user)
    return True
