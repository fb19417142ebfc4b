import factory

from wijkaanpak.areas.models import Area, Neighbourhood, Organisation, Place


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Wijk {n}")
    slug = factory.Sequence(lambda n: f"wijk-{n}")
    municipality = "Vlaardingen"


class NeighbourhoodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Neighbourhood

    area = factory.SubFactory(AreaFactory)
    name = factory.Sequence(lambda n: f"Buurt {n}")
    slug = factory.Sequence(lambda n: f"buurt-{n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    slug = factory.Sequence(lambda n: f"organisatie-{n}")


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place

    area = factory.SubFactory(AreaFactory)
    name = factory.Sequence(lambda n: f"Vindplek {n}")
    slug = factory.Sequence(lambda n: f"vindplek-{n}")


def join_areas(user, *areas):
    """Make `user` staff of `areas` (Area objects or slugs): a member of a new organisation
    that serves them, which is how staff come to work in an area (areas.access)."""
    from wijkaanpak.areas.models import Area, Membership

    organisation = OrganisationFactory()
    organisation.areas.add(*(Area.objects.get(slug=a) if isinstance(a, str) else a for a in areas))
    Membership.objects.create(user=user, organisation=organisation)
    return user
