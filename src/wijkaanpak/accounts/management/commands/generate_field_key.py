from cryptography.fernet import Fernet
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Print a new key for FIELD_ENCRYPTION_KEYS (Fernet: 32 random bytes, url-safe base64). "
        "Nothing is stored; put the key first in the list, then run rotate_field_keys."
    )

    def handle(self, *args, **options):
        self.stdout.write(Fernet.generate_key().decode())
