from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from sendhub.accounts import otp, services
from sendhub.accounts.forms import OtpTokenForm, SignInForm, UserForm
from sendhub.accounts.models import User
from sendhub.core.access import AuthenticatedHttpRequest, post_only, requires
from sendhub.core.paging import page_of


@method_decorator(login_not_required, name="dispatch")
class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


sign_in = SignInView.as_view()


@requires("accounts.view_profile")
def sign_out(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "accounts/logout.html")
    return auth_views.LogoutView.as_view()(request)


@requires("accounts.view_profile")
def profile(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/profile.html", {"has_otp": user_has_device(request.user)})


@method_decorator(requires("accounts.view_profile"), name="dispatch")
class ChangePasswordView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"

    def form_valid(self, form: Any) -> HttpResponse:
        messages.success(self.request, "Your password has been changed")
        return super().form_valid(form)

    def get_success_url(self) -> str:
        return "/account/"


password_change = ChangePasswordView.as_view()


@requires("accounts.view_profile")
def otp_setup(request: HttpRequest) -> HttpResponse:
    if not otp.may_enrol(request):
        # Replacing an authenticator needs the current one (or an administrator's reset): someone who
        # has only the password must not be able to swap in their own.
        messages.error(
            request, "Enter a code from your current authenticator app before you set up a new one"
        )
        return redirect("accounts:otp_verify")
    device = otp.pending_device(request)
    form = OtpTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if otp.confirm_device(device=device, token=form.cleaned_data["token"], by=request.user):
            otp_login(request, device)
            request.session.pop(otp.SESSION_KEY, None)
            messages.success(request, "Two-step sign-in is now set up for your account")
            return redirect("accounts:profile")
        form.add_error("token", "The security code is wrong or has expired. Enter the code shown now.")
    return render(
        request,
        "accounts/otp_setup.html",
        {"form": form, "qr_svg": otp.qr_svg(device), "secret": otp.secret_text(device)},
    )


@requires("accounts.view_profile")
def otp_verify(request: HttpRequest) -> HttpResponse:
    form = OtpTokenForm(request.POST or None)
    devices = TOTPDevice.objects.devices_for_user(request.user, confirmed=True)
    if not devices.exists():
        return redirect("accounts:otp_setup")
    if request.method == "POST" and form.is_valid():
        device = next((d for d in devices if d.verify_token(form.cleaned_data["token"])), None)
        if device is not None:
            otp_login(request, device)
            return redirect("core:home")
        form.add_error("token", "The security code is wrong or has expired. Enter the code shown now.")
    return render(request, "accounts/otp_verify.html", {"form": form})


@requires("accounts.manage_users")
def user_list(request: HttpRequest) -> HttpResponse:
    users = User.objects.select_related("team").order_by("full_name")
    page = page_of(request, users, 50)
    return render(request, "accounts/user_list.html", {"page_obj": page})


@requires("accounts.manage_users")
def user_edit(request: AuthenticatedHttpRequest, pk: int | None = None) -> HttpResponse:
    instance = get_object_or_404(User, pk=pk) if pk else None
    form = UserForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        user = services.save_user(form_data=dict(form.cleaned_data), instance=instance, by=request.user)
        messages.success(request, f"Account saved for {user.email}")
        return redirect("accounts:user_list")
    has_otp = instance is not None and user_has_device(instance, confirmed=True)
    return render(
        request, "accounts/user_form.html", {"form": form, "instance": instance, "has_otp": has_otp}
    )


@post_only("accounts.manage_users")
def user_otp_reset(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    user = get_object_or_404(User, pk=pk)
    otp.reset_devices(user=user, by=request.user)
    messages.success(
        request, f"Two-step sign-in reset for {user.email}. They will set it up again when they next sign in."
    )
    return redirect("accounts:user_edit", pk=user.pk)
