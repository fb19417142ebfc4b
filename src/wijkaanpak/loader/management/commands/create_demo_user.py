import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from wijkaanpak.accounts.roles import COORDINATOR, INSPECTION_COORDINATOR, REPORT_HANDLER
from wijkaanpak.areas.models import Membership, Organisation

DEMO_USERNAME = "demo-coordinator"
# The demo login also handles the municipality's reports, so the queue can be tried.
DEMO_ORGANISATION = "gemeente-vlaardingen"


class Command(BaseCommand):
    help = (
        "Development only: (re)create a coordinator login that also handles the municipality's "
        "reports, with a fresh password, and print it."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo login exists only in development (DEBUG on).")
        password = secrets.token_urlsafe(12)
        user, _ = get_user_model().objects.get_or_create(username=DEMO_USERNAME)
        user.is_staff = True
        user.is_superuser = False
        user.first_name = "Demo"
        user.last_name = "Coördinator"
        user.set_password(password)
        user.save()
        roles = (COORDINATOR, REPORT_HANDLER, INSPECTION_COORDINATOR)
        user.groups.set(Group.objects.filter(name__in=roles))
        organisation = Organisation.objects.filter(slug=DEMO_ORGANISATION).first()
        if organisation is not None:
            Membership.objects.get_or_create(user=user, organisation=organisation)
        if settings.OTP_REQUIRED:
            second_step = (
                "  tweede stap:    AAN - koppel bij de eerste keer inloggen een app (TOTP)\n"
            )
        else:
            second_step = (
                "  tweede stap:    UIT - alleen in de ontwikkelinstellingen (OTP_REQUIRED=False);\n"
                "                  in productie logt elke medewerker in met een code uit een app\n"
            )
        self.stdout.write(
            self.style.SUCCESS(
                "\nDemo login (programmacoördinator, behandelt meldingen van de gemeente): "
                "http://127.0.0.1:8000/accounts/inloggen/\n"
                f"  gebruikersnaam: {DEMO_USERNAME}\n  wachtwoord:     {password}\n{second_step}"
            )
        )
