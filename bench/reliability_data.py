"""A small, realistic data set for fuzzing and the backup round trip, made through the real
services: reports with contacts and handling steps, warm referrals with consent (encrypted
fields, processing-log records), and one staff member with a session past the second factor.

Runs inside Django, in a process started with bench.scratch.manage:

    out = manage(url, "shell", "-c", "from bench.reliability_data import main; main()")
    json.loads(out.splitlines()[-1])  # {"sessionid": ..., "csrftoken": ..., "counts": {...}}
"""

import json
import secrets

from django.contrib.auth.models import Group
from django.db import transaction

STAFF_USERNAME = "fuzz-staff"
REPORTS = 24
REFERRALS = 6


def _organisations(area):
    from wijkaanpak.referrals.tests import factories as f

    school = f.organisation("ikc-de-wereldwijzer", "IKC De Wereldwijzer", area)
    welfare = f.organisation("minters", "Minters", area)
    return school, welfare, f.offer(area, welfare)


def _staff(organisations):
    """One member of every organisation here with every role that reads or changes via the API."""
    from wijkaanpak.accounts import roles
    from wijkaanpak.accounts.tests.factories import UserFactory
    from wijkaanpak.areas.models import Membership

    user = UserFactory(username=STAFF_USERNAME, email="fuzz-staff@example.org")
    names = [
        roles.COORDINATOR,
        roles.REPORT_HANDLER,
        roles.REFERRER,
        roles.REFERRAL_RECEIVER,
        roles.QUESTION_DESK,
        roles.INSPECTION_COORDINATOR,
    ]
    user.groups.set(Group.objects.filter(name__in=names))
    for organisation in organisations:
        Membership.objects.get_or_create(user=user, organisation=organisation)
    return user


def _reports(area, user) -> None:
    from wijkaanpak.reports import services
    from wijkaanpak.reports.models import Category

    categories = list(Category.objects.filter(parent__isnull=False, is_active=True)[:6])
    neighbourhoods = list(area.neighbourhoods.all()[:4])
    for n in range(REPORTS):
        report = services.create_report(
            area=area,
            neighbourhood=neighbourhoods[n % len(neighbourhoods)],
            category=categories[n % len(categories)],
            description=f"Melding {n} voor de betrouwbaarheidstests.",
            address="Korfmakerstraat",
            email=f"bewoner{n}@example.org",
            wants_updates=True,
            source="website",
        )
        if n % 3 == 0:
            services.pick_up(report, user=user)
        if n % 6 == 0:
            services.resolve(report, user=user, reason="Opgeruimd.")


def _session(user) -> dict:
    from conftest import verified_login
    from django.test import Client

    client = Client()
    verified_login(client, user)
    # The CSRF cookie holds a 32-character secret; the header may carry it unmasked.
    return {"sessionid": client.cookies["sessionid"].value, "csrftoken": secrets.token_hex(16)}


def seed() -> dict:
    from wijkaanpak.areas.models import Area, Organisation
    from wijkaanpak.referrals.tests import factories as f

    area = Area.objects.get(slug="westwijk")
    with transaction.atomic():
        school, welfare, offer = _organisations(area)
        handlers = Organisation.objects.filter(report_categories__isnull=False).distinct()
        user = _staff([school, welfare, *handlers])
        _reports(area, user)
        for n in range(REFERRALS):
            f.referral(user, school, offer, person_name=f"Gezin {n}")
    return _session(user)


def main() -> None:
    print(json.dumps(seed()))
