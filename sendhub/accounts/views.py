from __future__ import annotations

from typing import Any

from axes.utils import reset as axes_reset
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django_otp import login as otp_login
from django_otp import user_has_device

from sendhub.accounts import onboarding, otp, selectors, services
from sendhub.accounts.forms import (
    InviteForm,
    OtpTokenForm,
    ResetRequestForm,
    SetPasswordForm,
    SignInForm,
    TeamForm,
    UserForm,
)
from sendhub.core.access import AuthenticatedHttpRequest, post_only, requires
from sendhub.core.audit import record_event
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
def otp_setup(request: AuthenticatedHttpRequest) -> HttpResponse:
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
def otp_verify(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = OtpTokenForm(request.POST or None)
    devices = selectors.confirmed_devices(request.user)
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
    users = selectors.users()
    page = page_of(request, users, 50)
    return render(request, "accounts/user_list.html", {"page_obj": page})


@requires("accounts.manage_users")
def user_edit(request: AuthenticatedHttpRequest, pk: int | None = None) -> HttpResponse:
    instance = selectors.get_user(pk) if pk else None
    form = UserForm(request.POST or None, instance=instance) if instance else InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if instance is None:
            user = onboarding.invite_user(form_data=dict(form.cleaned_data), by=request.user)
            messages.success(request, f"Account made and invitation sent to {user.email}")
        else:
            user = services.save_user(form_data=dict(form.cleaned_data), instance=instance, by=request.user)
            messages.success(request, f"Account saved for {user.email}")
        return redirect("accounts:user_list")
    has_otp = instance is not None and user_has_device(instance, confirmed=True)
    return render(
        request, "accounts/user_form.html", {"form": form, "instance": instance, "has_otp": has_otp}
    )


@post_only("accounts.manage_users")
def user_otp_reset(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    user = selectors.get_user(pk)
    otp.reset_devices(user=user, by=request.user)
    messages.success(
        request, f"Two-step sign-in reset for {user.email}. They will set it up again when they next sign in."
    )
    return redirect("accounts:user_edit", pk=user.pk)


@post_only("accounts.manage_users")
def user_invite(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """A new invitation (the old link stops working only once a password is set)."""
    user = selectors.get_active_user(pk)
    onboarding.send_invitation(user=user, by=request.user)
    messages.success(request, f"Invitation sent again to {user.email}")
    return redirect("accounts:user_edit", pk=user.pk)


@requires("accounts.manage_users")
def team_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = TeamForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        team = services.save_team(name=form.cleaned_data["name"], instance=None, by=request.user)
        messages.success(request, f"Team {team.name} added")
        return redirect("accounts:team_list")
    teams = selectors.teams_with_member_counts()
    return render(request, "accounts/team_list.html", {"form": form, "teams": teams})


@requires("accounts.manage_users")
def team_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    team = selectors.get_team(pk)
    form = TeamForm(request.POST or None, instance=team)
    if request.method == "POST" and form.is_valid():
        old_name = selectors.get_team(pk).name
        services.save_team(name=form.cleaned_data["name"], instance=team, by=request.user)
        messages.success(request, f"Team {old_name} renamed {team.name}")
        return redirect("accounts:team_list")
    members = team.members.order_by("full_name")
    return render(request, "accounts/team_form.html", {"form": form, "team": team, "members": members})


# Password reset and invitation: Django's views, GOV.UK templates, links built from SENDHUB_SITE_URL.


@login_not_required
def password_reset(request: HttpRequest) -> HttpResponse:
    """Ask for a reset link. The answer is the same whether or not an account uses the address."""
    form = ResetRequestForm(request.POST or None)
    if request.method == "POST":
        if not onboarding.may_request_reset(request):
            return render(request, "accounts/password_reset_limited.html", status=429)
        if form.is_valid():
            users = form.users()
            for user in users:
                onboarding.send_account_email(
                    user=user,
                    template="password_reset",
                    context={"link": onboarding.link("password_reset_confirm", user)},
                )
            onboarding.record_reset_request(request=request, user=users[0] if users else None)
            return redirect("password_reset_done")
    return render(
        request,
        "accounts/password_reset.html",
        {"form": form, "link_lifetime": onboarding.link_lifetime_text()},
    )


@login_not_required
def password_reset_done(request: HttpRequest) -> HttpResponse:
    return render(
        request, "accounts/password_reset_done.html", {"link_lifetime": onboarding.link_lifetime_text()}
    )


@method_decorator(login_not_required, name="dispatch")
class SetPasswordView(auth_views.PasswordResetConfirmView):
    """Follows an emailed link (reset or invitation) and sets the password; the link then stops working."""

    form_class = SetPasswordForm
    template_name = "accounts/password_set.html"
    purpose = "reset"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "purpose": self.purpose,
            "link_lifetime": onboarding.link_lifetime_text(),
        }

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        axes_reset(username=form.user.email)  # a locked-out person who reset their password may sign in
        record_event(
            actor=None,
            action=f"accounts.password.set_by_{self.purpose}",
            target=form.user,
            request=self.request,
        )
        return response

    def get_success_url(self) -> str:
        return reverse("password_reset_complete")


password_reset_confirm = SetPasswordView.as_view()
invitation = SetPasswordView.as_view(purpose="invitation")


@login_not_required
def password_reset_complete(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/password_reset_complete.html")
