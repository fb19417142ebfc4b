import factory

from wijkaanpak.interventions.models import Intervention
from wijkaanpak.programme.tests.factories import ProgrammeFactory, ProgrammeLineFactory


class InterventionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Intervention
        skip_postgeneration_save = True

    programme = factory.SubFactory(ProgrammeFactory)
    line = factory.SubFactory(ProgrammeLineFactory, programme=factory.SelfAttribute("..programme"))
    kind = Intervention.Kind.INTERVENTION
    number = factory.Sequence(lambda n: n + 1)
    slug = factory.Sequence(lambda n: f"interventie-{n}")
    name = factory.Sequence(lambda n: f"Interventie {n}")
    status = Intervention.Status.RUNNING

    @factory.post_generation
    def goals(self, create, extracted, **kwargs):
        if create and extracted:
            self.goals.set(extracted)

    @factory.post_generation
    def partners(self, create, extracted, **kwargs):
        if create and extracted:
            self.partners.set(extracted)

    @factory.post_generation
    def places(self, create, extracted, **kwargs):
        if create and extracted:
            self.places.set(extracted)
