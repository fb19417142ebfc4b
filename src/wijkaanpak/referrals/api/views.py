"""Referrals REST API for staff: only the referrer's and the receiver's organisations (A1).

Another organisation's referral is not in the list and is a 404 on every detail URL, as on
the pages. The second factor is enforced by SecondFactorMiddleware for all of /api/; the
permission class checks it again so this API stays closed if the middleware is moved.
"""

from django.db import transaction
from django.http import HttpResponse
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, permissions, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import JSONParser
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from wijkaanpak.accounts import second_factor
from wijkaanpak.idempotency import services as idempotency
from wijkaanpak.programme.api.filters import validated
from wijkaanpak.referrals.domain.workflow import WorkflowError
from wijkaanpak.referrals.models import Referral
from wijkaanpak.referrals.services import processing, reach
from wijkaanpak.referrals.services.progress import change_state
from wijkaanpak.referrals.views.detail import shown_data_kinds

from . import creating
from .serializers import (
    CountsFilter,
    MonthCountsSerializer,
    ReferralCreateInput,
    ReferralDetailSerializer,
    ReferralFilter,
    ReferralSerializer,
    StateChangeInput,
)

VIEW = "referrals.view_referral"
ADD = "referrals.add_referral"
CHANGE = "referrals.change_referral"
# The workflow names the referral's field; the API's field for it is `to_state`.
STATE_FIELDS = {"state": "to_state"}


class ReferralPermission(permissions.BasePermission):
    """Reading needs view_referral and a passed second factor; creating needs add_referral,
    a state change add_referral (withdraw) or change_referral (the receiver's steps)."""

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated and user.has_perm(VIEW)):
            return False
        if second_factor.required_for(user) and not second_factor.is_verified(user):
            return False
        if view.action == "create":
            return user.has_perm(ADD)
        if view.action == "state":
            return user.has_perm(ADD) or user.has_perm(CHANGE)
        return True


IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key",
    OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    description="Send a unique key (1-200 visible ASCII characters) to make a retry safe: "
    "the same key with the same body returns the first answer and creates nothing new.",
)
ERRORS = OpenApiResponse(OpenApiTypes.OBJECT, description="Field names with Dutch messages.")


@extend_schema_view(
    list=extend_schema(
        summary="List referrals of my organisations",
        description="Referrals sent or received by the organisations the user works for. "
        "No personal fields: read those on the detail, which is in the processing log.",
        parameters=[
            OpenApiParameter(
                "state",
                OpenApiTypes.STR,
                enum=Referral.State.values,
                description="Only this state.",
            )
        ],
    ),
    retrieve=extend_schema(
        summary="Get a referral with its consent and history",
        description="Each call writes one record in the processing log.",
    ),
)
class ReferralViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    permission_classes = [ReferralPermission]
    parser_classes = [JSONParser]
    lookup_field = "reference"
    lookup_value_regex = r"[A-Za-z0-9-]{1,20}"

    def get_serializer_class(self):
        return ReferralDetailSerializer if self.action == "retrieve" else ReferralSerializer

    def get_queryset(self):
        referrals = Referral.objects.visible_to(self.request.user).select_related(
            "area", "offer", "referring_organisation", "receiving_organisation"
        )
        if self.action == "retrieve":
            return referrals.select_related("consent", "neighbourhood").prefetch_related(
                "events__actor_organisation"
            )
        if self.action == "list":
            params = validated(ReferralFilter, self.request)
            if "state" in params:
                referrals = referrals.filter(state=params["state"])
        return referrals.order_by("-sent_at", "-pk")

    def retrieve(self, request, *args, **kwargs):
        referral = self.get_object()
        with transaction.atomic():
            data = self.get_serializer(referral).data
            processing.record(
                referral,
                user=request.user,
                action="read",
                data_kinds=shown_data_kinds(referral, referral.events.all()),
                request_path=request.path,
            )
        return Response(data)

    @extend_schema(
        summary="Refer a household (consent first)",
        description="The consent is part of the request and must cover every kind of data "
        "sent. Supports `Idempotency-Key`. The answer has no personal fields.",
        parameters=[IDEMPOTENCY_KEY],
        request=ReferralCreateInput,
        responses={
            201: ReferralSerializer,
            400: ERRORS,
            409: OpenApiResponse(OpenApiTypes.OBJECT, description="Same key still running."),
            422: OpenApiResponse(OpenApiTypes.OBJECT, description="Key used for another body."),
        },
    )
    def create(self, request, *args, **kwargs):
        try:
            stored = idempotency.run_once(
                scope=f"referrals:{request.user.pk}",
                key=idempotency.key_from_request(request),
                request_fingerprint=creating.fingerprint(request.data),
                produce=lambda: self._create(request),
            )
        except idempotency.IdempotencyError as refused:
            return Response({"detail": refused.message}, status=refused.status_code)
        response = HttpResponse(
            stored.body, status=stored.status_code, content_type=stored.content_type
        )
        if stored.status_code == 201:
            reference = creating.reference_in(stored.body)
            response["Location"] = reverse(
                "referrals-api:referral-detail", kwargs={"reference": reference}
            )
        if stored.replayed:
            response["Idempotent-Replayed"] = "true"
        return response

    def _create(self, request) -> idempotency.StoredResponse:
        status, body = creating.create(request)
        return idempotency.StoredResponse(
            status, JSONRenderer().render(body).decode(), "application/json"
        )

    @extend_schema(
        summary="Move a referral to another state",
        description="The receiving organisation takes the steps received, intake planned, "
        "started, completed and not started; the referring organisation may withdraw.",
        request=StateChangeInput,
        responses={200: ReferralSerializer, 400: ERRORS},
    )
    @action(detail=True, methods=["post"])
    def state(self, request, reference=None):
        referral = self.get_object()
        data = StateChangeInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            change_state(
                referral,
                user=request.user,
                to_state=data.validated_data["to_state"],
                note=data.validated_data.get("note", ""),
                intake_on=data.validated_data.get("intake_on"),
                request_path=request.path,
            )
        except WorkflowError as exc:
            field = STATE_FIELDS.get(exc.field, exc.field or "non_field_errors")
            raise ValidationError({field: [exc.message]}) from exc
        return Response(ReferralSerializer(self.get_queryset().get(pk=referral.pk)).data)

    @extend_schema(
        summary="Counts per offer and month of my organisations' referrals",
        description="Sent, received, started, completed and not started, each in the month "
        "(Amsterdam time) the step happened. Counted from rows that survive erasure.",
        parameters=[
            OpenApiParameter("year", OpenApiTypes.INT, description="Only months of this year.")
        ],
        responses={200: MonthCountsSerializer(many=True)},
    )
    @action(detail=False, methods=["get"], pagination_class=None)
    def counts(self, request):
        params = validated(CountsFilter, request)
        rows = reach.counts(self.get_queryset())
        if "year" in params:
            rows = [row for row in rows if row.month.year == params["year"]]
        return Response(MonthCountsSerializer(rows, many=True).data)
