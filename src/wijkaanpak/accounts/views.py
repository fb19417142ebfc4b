"""Login in two steps: password, then the code from an authenticator app (security.md A5)."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from . import second_factor
from .forms import CodeForm


def safe_next(request) -> str:
    """The page to go to after login: only a path on this site, never another host."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def step_url(name: str, next_url: str) -> str:
    return f"{reverse(name)}?{urlencode({'next': next_url})}"


class LoginView(auth_views.LoginView):
    """Step one. A user who needs the second factor goes on to step two, not to `next`."""

    template_name = "registration/login.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "otp_required": settings.OTP_REQUIRED}

    def get_success_url(self):
        target = super().get_success_url()
        if second_factor.required_for(self.request.user):
            return step_url("accounts:second-factor", target)
        return target


def _second_step_guard(request):
    """Where to send a request that should not be on a second-step page, or None."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not second_factor.required_for(request.user) or second_factor.is_verified(request.user):
        return redirect(safe_next(request))
    return None


@never_cache
@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
def verify(request):
    """Step two for a user with a linked app: ask the current code."""
    if (elsewhere := _second_step_guard(request)) is not None:
        return elsewhere
    device = second_factor.confirmed_device(request.user)
    if device is None:
        return redirect(step_url("accounts:enrol", safe_next(request)))
    form = CodeForm(request.POST if request.method == "POST" else None, device=device)
    if request.method == "POST" and form.is_valid():
        second_factor.complete(request, device)
        return redirect(safe_next(request))
    return render(request, "accounts/verify.html", {"form": form, "next": safe_next(request)})


@never_cache
@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
def enrol(request):
    """Step two for a user without an app yet: link one by scanning, then prove it with a code."""
    if (elsewhere := _second_step_guard(request)) is not None:
        return elsewhere
    if second_factor.confirmed_device(request.user) is not None:
        return redirect(step_url("accounts:second-factor", safe_next(request)))
    device = second_factor.pending_device(request.user)
    form = CodeForm(request.POST if request.method == "POST" else None, device=device)
    if request.method == "POST" and form.is_valid():
        second_factor.confirm(device)
        second_factor.complete(request, device)
        messages.success(
            request, _("Uw app is gekoppeld. Voortaan vraagt de site de code uit de app.")
        )
        return redirect(safe_next(request))
    context = {
        "form": form,
        "next": safe_next(request),
        "qr_code": second_factor.qr_code_svg(device),
        "secret": second_factor.secret_for_manual_entry(device),
    }
    return render(request, "accounts/enrol.html", context)


def locked_out(request, original_response=None, credentials=None):
    """django-axes calls this once the failure limit is reached (security.md A6)."""
    cool_off = settings.AXES_COOLOFF_TIME
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": int(cool_off.total_seconds() // 60),
    }
    return render(request, "accounts/locked_out.html", context, status=429)
