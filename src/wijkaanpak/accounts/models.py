from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """Our own user model from the start, so later fields need no data migration of auth."""

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"
