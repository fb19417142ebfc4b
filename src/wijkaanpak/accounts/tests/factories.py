import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission


class UserFactory(factory.django.DjangoModelFactory):
    """A user; pass permissions=["app_label.codename", ...] to grant rights directly."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("een-lang-testwachtwoord")

    @factory.post_generation
    def permissions(self, create, extracted, **kwargs):
        if not create or not extracted:
            return
        for name in extracted:
            app_label, codename = name.split(".", 1)
            self.user_permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
