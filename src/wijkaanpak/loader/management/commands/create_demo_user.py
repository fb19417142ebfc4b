import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from wijkaanpak.accounts.roles import (
    COORDINATOR,
    INSPECTION_COORDINATOR,
    QUESTION_DESK,
    REFERRAL_RECEIVER,
    REFERRER,
    REPORT_HANDLER,
)
from wijkaanpak.areas.models import Membership, Organisation

DEMO_USERNAME = "demo-coordinator"
# The demo login also handles the municipality's reports, so the queue can be tried, logs
# questions at the programme office and refers families.
DEMO_ORGANISATION = "gemeente-vlaardingen"
DEMO_ROLES = (COORDINATOR, REPORT_HANDLER, INSPECTION_COORDINATOR, REFERRER, QUESTION_DESK)
# A second login on the receiving side, so a warm referral can be followed both ways. The
# organisation exists only when the example social map is loaded.
PARTNER_USERNAME = "demo-partner"
PARTNER_ORGANISATION = "buurtgezinnen"


class Command(BaseCommand):
    help = (
        "Development only: (re)create the demo logins with fresh passwords and print them: a "
        "coordinator (also handles reports, logs questions, refers families) and a partner who "
        "receives referrals."
    )

    def _login(self, username, first_name, last_name, roles, organisation_slug) -> str:
        password = secrets.token_urlsafe(12)
        user, _ = get_user_model().objects.get_or_create(username=username)
        user.is_staff = True
        user.is_superuser = False
        user.first_name = first_name
        user.last_name = last_name
        user.email = f"{username}@example.org"
        user.set_password(password)
        user.save()
        user.groups.set(Group.objects.filter(name__in=roles))
        organisation = Organisation.objects.filter(slug=organisation_slug).first()
        if organisation is not None:
            Membership.objects.get_or_create(user=user, organisation=organisation)
        return password

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo login exists only in development (DEBUG on).")
        password = self._login(DEMO_USERNAME, "Demo", "Coördinator", DEMO_ROLES, DEMO_ORGANISATION)
        lines = [
            "\nDemo login (programmacoördinator; behandelt meldingen van de gemeente, registreert "
            "vragen en verwijst gezinnen): http://127.0.0.1:8000/accounts/inloggen/",
            f"  gebruikersnaam: {DEMO_USERNAME}\n  wachtwoord:     {password}",
        ]
        if Organisation.objects.filter(slug=PARTNER_ORGANISATION).exists():
            partner_password = self._login(
                PARTNER_USERNAME, "Demo", "Partner", (REFERRAL_RECEIVER,), PARTNER_ORGANISATION
            )
            lines.append(
                "Demo login van een partner (ontvangt verwijzingen naar Buurtgezinnen):\n"
                f"  gebruikersnaam: {PARTNER_USERNAME}\n  wachtwoord:     {partner_password}"
            )
        if settings.OTP_REQUIRED:
            lines.append(
                "  tweede stap:    AAN - koppel bij de eerste keer inloggen een app (TOTP)"
            )
        else:
            lines.append(
                "  tweede stap:    UIT - alleen in de ontwikkelinstellingen (OTP_REQUIRED=False);\n"
                "                  in productie logt elke medewerker in met een code uit een app"
            )
        self.stdout.write(self.style.SUCCESS("\n".join(lines) + "\n"))
