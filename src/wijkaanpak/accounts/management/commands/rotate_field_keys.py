"""Re-encrypt every encrypted field under the first key of FIELD_ENCRYPTION_KEYS (P4).

Tokens are read and written as they are stored (raw SQL), so nothing else on the row changes
(no `updated_at`) and a token already under the first key is left alone: a second run
changes nothing. All models are done in one transaction: a value no key can read stops the
run and nothing is changed.
"""

from cryptography.fernet import Fernet, InvalidToken
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from wijkaanpak import crypto


def _under_first_key(first: Fernet, token: str) -> bool:
    try:
        first.decrypt(token.encode())
    except InvalidToken:
        return False
    return True


def _batches(table: str, pk: str, columns: list[str], size: int):
    """Rows (pk, *tokens) in pk order, `size` at a time; names are quoted names from _meta."""
    select = ", ".join(columns)
    last = None
    while True:
        where, params = ("", [size]) if last is None else (f"WHERE {pk} > %s ", [last, size])
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {pk}, {select} FROM {table} {where}ORDER BY {pk} LIMIT %s",  # noqa: S608
                params,
            )
            rows = cursor.fetchall()
        if not rows:
            return
        yield rows
        last = rows[-1][0]


def rotate_model(model, first: Fernet, batch_size: int) -> tuple[int, int]:
    """(values re-encrypted, values already under the first key) for one model."""
    fields = [f for f in model._meta.concrete_fields if isinstance(f, crypto.EncryptedTextField)]
    quote = connection.ops.quote_name
    columns = [quote(f.column) for f in fields]
    table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
    rotated = current = 0
    for rows in _batches(table, pk, columns, batch_size):
        for pk_value, *tokens in rows:
            changes = {}
            for column, token in zip(columns, tokens, strict=True):
                if not token:
                    continue
                if _under_first_key(first, token):
                    current += 1
                    continue
                try:
                    changes[column] = crypto.rotate(token)
                except InvalidToken as exc:
                    raise CommandError(
                        f"{model._meta.label} {pk_value}, {column}: no key in "
                        "FIELD_ENCRYPTION_KEYS can read this value. Nothing was changed."
                    ) from exc
            if changes:
                assignments = ", ".join(f"{c} = %s" for c in changes)
                with connection.cursor() as cursor:
                    cursor.execute(
                        f"UPDATE {table} SET {assignments} WHERE {pk} = %s",  # noqa: S608
                        [*changes.values(), pk_value],
                    )
                rotated += len(changes)
    return rotated, current


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted field of every model under the first key in "
        "FIELD_ENCRYPTION_KEYS. Run after putting a new key first; then the old key can go. "
        "Idempotent, in one transaction."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, batch_size=500, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        crypto.fernet()  # a missing or malformed key stops here with a clear message
        first = Fernet(settings.FIELD_ENCRYPTION_KEYS[0].encode())
        with transaction.atomic():
            for model in apps.get_models():
                if not crypto.encrypted_fields(model) or model._meta.proxy:
                    continue
                rotated, current = rotate_model(model, first, batch_size)
                self.stdout.write(
                    f"{model._meta.label}: {rotated} values re-encrypted, "
                    f"{current} already under the first key."
                )
