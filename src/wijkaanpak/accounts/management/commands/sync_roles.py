from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError

from wijkaanpak.accounts.roles import ROLE_PERMISSIONS


class Command(BaseCommand):
    help = "Create or update the staff roles (groups) and their rights. Idempotent."

    def handle(self, *args, **options):
        for role, codenames in ROLE_PERMISSIONS.items():
            permissions = []
            for dotted in codenames:
                app_label, codename = dotted.split(".")
                try:
                    permissions.append(
                        Permission.objects.get(content_type__app_label=app_label, codename=codename)
                    )
                except Permission.DoesNotExist as exc:
                    raise CommandError(f"Unknown permission {dotted}; run migrate first.") from exc
            group, _ = Group.objects.get_or_create(name=role)
            group.permissions.set(permissions)
        self.stdout.write(f"Roles in order: {', '.join(ROLE_PERMISSIONS)}")
