from datetime import date

from django.core.management.base import BaseCommand

from wijkaanpak.programme.models import Programme
from wijkaanpak.programme.services.computed import compute_programme
from wijkaanpak.programme.services.progress import today


class Command(BaseCommand):
    help = "Recompute effort indicators fed by registered metrics, per month. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--since", type=date.fromisoformat, help="First month (YYYY-MM-DD).")

    def handle(self, *args, since=None, **options):
        last = today()
        for programme in Programme.objects.all():
            first = since or programme.starts_on
            for result in compute_programme(programme, first, last):
                if result.missing_metric:
                    self.stderr.write(
                        f"{result.indicator}: no metric registered as "
                        f"{result.indicator.metric_key!r}; nothing computed."
                    )
                    continue
                counts = ", ".join(f"{k}: {v}" for k, v in sorted(result.outcomes.items()))
                self.stdout.write(f"{result.indicator}: {result.months} months ({counts or '-'})")
