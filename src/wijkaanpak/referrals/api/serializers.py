"""Shapes of the referrals API.

The list, and the answer to a create or a state change, carry no personal fields: the list
is not in the processing log, and a create's answer is stored in plain text for
Idempotency-Key replays. The personal fields (name, contact route, reason, notes, who gave
consent) are only in the detail, and every detail read writes one processing-log record (P1).
"""

from rest_framework import serializers

from wijkaanpak.interventions.models import AgeBand
from wijkaanpak.referrals.domain import workflow
from wijkaanpak.referrals.models import Consent, DataKind, Referral, ReferralEvent
from wijkaanpak.referrals.services import access
from wijkaanpak.referrals.services.referring import MAX_CONTACT, MAX_NAME, MAX_REASON

SUMMARY_FIELDS = [
    "reference",
    "state",
    "state_display",
    "area",
    "offer",
    "offer_name",
    "referring_organisation",
    "receiving_organisation",
    "sent_at",
    "receive_due_on",
    "received_at",
    "intake_on",
    "started_at",
    "closed_at",
    "escalated_at",
    "erased_at",
]


class ReferralSerializer(serializers.ModelSerializer):
    state_display = serializers.CharField(source="get_state_display", read_only=True)
    area = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    offer = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    offer_name = serializers.CharField(source="offer.name", read_only=True)
    referring_organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    receiving_organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Referral
        fields = SUMMARY_FIELDS
        read_only_fields = fields


class ConsentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Consent
        fields = [
            "given_by",
            "relation",
            "given_on",
            "method",
            "data_kinds",
            "recorded_at",
            "withdrawn_at",
        ]
        read_only_fields = fields


class ReferralEventSerializer(serializers.ModelSerializer):
    # Declared: a read-only model field loses allow_null/allow_blank, and the schema would
    # then promise a value where the first event has no previous state or a system actor.
    actor_organisation = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True
    )
    from_state = serializers.ChoiceField(
        choices=Referral.State.choices, allow_blank=True, read_only=True
    )

    class Meta:
        model = ReferralEvent
        fields = ["at", "from_state", "to_state", "note", "actor_organisation"]
        read_only_fields = fields


class ReferralDetailSerializer(ReferralSerializer):
    neighbourhood = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    age_band = serializers.ChoiceField(choices=AgeBand.choices, allow_blank=True, read_only=True)
    consent = ConsentSerializer(read_only=True)
    events = ReferralEventSerializer(many=True, read_only=True)
    next_steps = serializers.SerializerMethodField(
        help_text="The states the requesting user may move this referral to now."
    )

    class Meta(ReferralSerializer.Meta):
        fields = [
            *SUMMARY_FIELDS,
            "person_name",
            "contact_route",
            "reason",
            "urgency",
            "age_band",
            "neighbourhood",
            "not_started_reason",
            "consent",
            "events",
            "next_steps",
        ]
        read_only_fields = fields

    def get_next_steps(self, referral) -> list[str]:
        user = self.context["request"].user
        return [
            state
            for side in sorted(access.sides(user, referral))
            for state in workflow.allowed_targets(referral.state, side)
        ]


class ConsentInput(serializers.Serializer):
    given_by = serializers.CharField(max_length=MAX_NAME, help_text="Name or initials.")
    relation = serializers.ChoiceField(choices=Consent.Relation.choices)
    given_on = serializers.DateField()
    method = serializers.ChoiceField(choices=Consent.Method.choices)
    data_kinds = serializers.ListField(
        child=serializers.ChoiceField(choices=DataKind.choices),
        allow_empty=False,
        help_text="The kinds of data the consent covers; it must cover every kind sent.",
    )


class ReferralCreateInput(serializers.Serializer):
    area = serializers.SlugField(help_text="Slug of the area, e.g. `westwijk`.")
    offer = serializers.SlugField(help_text="Slug of the offer in that area.")
    referring_organisation = serializers.SlugField(
        required=False,
        help_text="Slug of the organisation you refer for; may be left out when you work "
        "for one organisation only.",
    )
    person_name = serializers.CharField(max_length=MAX_NAME)
    contact_route = serializers.CharField(max_length=MAX_CONTACT)
    reason = serializers.CharField(max_length=MAX_REASON)
    urgency = serializers.ChoiceField(
        choices=Referral.Urgency.choices, default=Referral.Urgency.NORMAL
    )
    age_band = serializers.ChoiceField(choices=AgeBand.choices, required=False, allow_blank=True)
    neighbourhood = serializers.SlugField(
        required=False, allow_blank=True, help_text="Slug of a neighbourhood of the area."
    )
    consent = ConsentInput(help_text="Recorded before any data goes to the receiving partner.")


class StateChangeInput(serializers.Serializer):
    to_state = serializers.ChoiceField(choices=Referral.State.choices)
    note = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=2000,
        help_text="Required when the referral does not start or is withdrawn.",
    )
    intake_on = serializers.DateField(
        required=False, allow_null=True, help_text="Required for 'intake_planned'."
    )


class ReferralFilter(serializers.Serializer):
    state = serializers.ChoiceField(choices=Referral.State.choices, required=False)


class CountsFilter(serializers.Serializer):
    year = serializers.IntegerField(required=False, min_value=2000, max_value=2100)


class MonthCountsSerializer(serializers.Serializer):
    offer = serializers.CharField(source="offer_slug", help_text="Slug of the offer.")
    offer_name = serializers.CharField()
    month = serializers.DateField(help_text="The first day of the month.")
    sent = serializers.IntegerField()
    received = serializers.IntegerField()
    started = serializers.IntegerField()
    completed = serializers.IntegerField()
    not_started = serializers.IntegerField()
