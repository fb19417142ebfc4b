"""The pages `make bench` loads, and staff sessions that passed the second factor.

Runs inside a Django process set up with the same settings and SECRET_KEY as the gunicorn
under test (bench.scratch.loopback_env), so the sessions made here are valid there.
"""

import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.db import SessionStore
from django.db.models import Count, Q
from django.urls import NoReverseMatch, reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkaanpak.accounts.roles import REPORT_HANDLER
from wijkaanpak.accounts.sessions import LOGIN_AT_KEY
from wijkaanpak.areas.models import Area, Membership, Organisation
from wijkaanpak.reports.domain.workflow import OPEN_STATUSES

BACKEND = "django.contrib.auth.backends.ModelBackend"
LINE = "kind"
INDICATOR = "kinderen-in-armoede"  # national, so every area has it with ten years of figures


@dataclass(frozen=True)
class Page:
    key: str
    label: str
    path: str | None  # None: the page does not exist in this version
    staff: bool = False


def busiest_area() -> Area:
    """The generated area with the most reports: the heaviest public pages."""
    return (
        Area.objects.exclude(slug="westwijk")
        .annotate(n=Count("reports"))
        .order_by("-n", "slug")
        .first()
    )


def busiest_organisation() -> Organisation:
    """The organisation with the most open reports: the longest handler queue."""
    return (
        Organisation.objects.annotate(
            n=Count("reports", filter=Q(reports__status__in=OPEN_STATUSES))
        )
        .order_by("-n", "slug")
        .first()
    )


def _path(name: str, *args) -> str | None:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def pages(area: Area) -> list[Page]:
    slug = area.slug
    return [
        Page("overview", "programme overview", _path("programme:overview", slug)),
        Page("line", f"line page ({LINE})", _path("programme:line", slug, LINE)),
        Page("indicator", "indicator page", _path("programme:indicator", slug, INDICATOR)),
        Page("national", "national comparison", _path("programme:national-comparison")),
        Page("queue", "handlers' queue (staff)", _path("reports_handlers:queue"), staff=True),
        Page(
            "open311",
            "Open311 requests list",
            f"{_path('open311:requests', 'json')}?jurisdiction_id={slug}",
        ),
    ]


def handlers(organisation: Organisation, count: int) -> list:
    """`count` handlers of the organisation (made once), each with a confirmed TOTP device."""
    User = get_user_model()
    group = Group.objects.get(name=REPORT_HANDLER)
    users = []
    for n in range(1, count + 1):
        user, created = User.objects.get_or_create(
            username=f"bench-{organisation.slug}-{n:02d}"[:150],
            defaults={"is_staff": True, "first_name": "Bench", "last_name": f"handler {n}"},
        )
        if created:
            user.set_unusable_password()
            user.save()
            user.groups.add(group)
            Membership.objects.get_or_create(user=user, organisation=organisation)
        users.append(user)
    return users


def session_cookie(user) -> str:
    """A session as after login and the second step (accounts.views), as a Cookie header."""
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="bench", defaults={"confirmed": True}
    )
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = BACKEND
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session[LOGIN_AT_KEY] = time.time()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"
