from datetime import date

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Make a first-run database ready in one process: roles, the bundled programme, target "
        "proposals, report categories, this year's wijkschouw, the social map with example offers, "
        "metrics and the demo logins. "
        "Every step is idempotent, so a second start only checks."
    )

    def handle(self, *args, **options):
        out = {"stdout": self.stdout, "stderr": self.stderr}
        call_command("migrate", interactive=False, verbosity=0, **out)
        call_command("sync_roles", **out)
        call_command("load_programme", **out)
        call_command("propose_targets", **out)
        call_command("load_report_categories", **out)
        call_command("plan_inspections", year=date.today().year, **out)
        call_command("sync_offers", **out)
        call_command("load_social_map_demo", **out)
        call_command("compute_metrics", **out)
        call_command("create_demo_user", **out)
