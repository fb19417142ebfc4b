"""Handler REST API: the reports of the user's own organisations, and the main actions.

Scoped by `visible_reports`: another organisation's report is a 404, as on the pages.
Contact details are not part of this API (see serializers).
"""

from django.db.models import Count, Q
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from wijkaanpak.programme.api.filters import validated
from wijkaanpak.reports import services
from wijkaanpak.reports.domain import deadlines
from wijkaanpak.reports.domain.workflow import OPEN_STATUSES
from wijkaanpak.reports.models import Category, Status
from wijkaanpak.reports.permissions import CHANGE, VIEW, visible_reports

from .serializers import (
    NoteInput,
    ReasonInput,
    ReportDetailSerializer,
    ReportFilter,
    ReportSerializer,
)


class HandlerPermission(permissions.BasePermission):
    """Reading needs reports.view_report; every action needs reports.change_report too."""

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated and user.has_perm(VIEW)):
            return False
        return view.action in ("list", "retrieve") or user.has_perm(CHANGE)


PARAMETERS = [
    OpenApiParameter(
        "status", OpenApiTypes.STR, enum=Status.values, description="Only this status."
    ),
    OpenApiParameter(
        "category",
        OpenApiTypes.STR,
        description="Category slug; a main category includes its sub-categories.",
    ),
    OpenApiParameter("neighbourhood", OpenApiTypes.STR, description="Neighbourhood slug."),
    OpenApiParameter(
        "overdue",
        OpenApiTypes.BOOL,
        description="true: open reports whose next due date (pickup before pickup, "
        "resolution after) has passed; false: all others.",
    ),
]


def _action_schema(summary, request):
    return extend_schema(
        summary=summary,
        request=request,
        responses={200: ReportDetailSerializer, 400: OpenApiTypes.OBJECT, 409: OpenApiTypes.OBJECT},
    )


@extend_schema_view(
    list=extend_schema(
        summary="List reports of my organisations",
        description="Reports handled by the organisations the user is a member of. "
        "Contact details of reporters are not in the API.",
        parameters=PARAMETERS,
    ),
    retrieve=extend_schema(summary="Get a report with its history"),
)
class ReportViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [HandlerPermission]
    lookup_field = "reference"
    lookup_value_regex = r"[A-Za-z0-9-]{1,20}"

    def get_serializer_class(self):
        return ReportSerializer if self.action == "list" else ReportDetailSerializer

    def get_queryset(self):
        reports = (
            services.with_next_due(visible_reports(self.request.user))
            .select_related("area", "neighbourhood", "category", "organisation", "duplicate_of")
            .annotate(contact_count=Count("contacts", distinct=True))
        )
        if self.action != "list":
            return reports.prefetch_related("events").order_by("pk")
        params = validated(ReportFilter, self.request)
        if "status" in params:
            reports = reports.filter(status=params["status"])
        if "category" in params:
            category = Category.objects.filter(slug=params["category"]).first()
            reports = (
                services.filter_queue(reports, category=category) if category else reports.none()
            )
        if "neighbourhood" in params:
            reports = reports.filter(neighbourhood__slug=params["neighbourhood"])
        if params.get("overdue") is not None:
            late = Q(next_due_on__lt=deadlines.today(), status__in=OPEN_STATUSES)
            reports = reports.filter(late) if params["overdue"] else reports.exclude(late)
        return reports.order_by("next_due_on", "received_at", "pk")

    def _act(self, request, serializer_class, run):
        report = self.get_object()
        data = serializer_class(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            run(report, data.validated_data)
        except services.WorkflowError as exc:
            if exc.field:
                raise ValidationError({exc.field: [exc.message]}) from exc
            return Response({"detail": exc.message}, status=status.HTTP_409_CONFLICT)
        return Response(ReportDetailSerializer(self.get_queryset().get(pk=report.pk)).data)

    @_action_schema("Pick up a report", NoteInput)
    @action(detail=True, methods=["post"])
    def pickup(self, request, reference=None):
        return self._act(
            request,
            NoteInput,
            lambda r, d: services.pick_up(
                r, user=request.user, internal_note=d.get("internal_note", "")
            ),
        )

    @_action_schema("Resolve a report (reason required)", ReasonInput)
    @action(detail=True, methods=["post"])
    def resolve(self, request, reference=None):
        return self._act(
            request,
            ReasonInput,
            lambda r, d: services.resolve(
                r, user=request.user, reason=d["reason"], internal_note=d.get("internal_note", "")
            ),
        )

    @_action_schema("Cancel a report (reason required)", ReasonInput)
    @action(detail=True, methods=["post"])
    def cancel(self, request, reference=None):
        return self._act(
            request,
            ReasonInput,
            lambda r, d: services.cancel(
                r, user=request.user, reason=d["reason"], internal_note=d.get("internal_note", "")
            ),
        )

    @_action_schema("Tell the reporter why a step comes later", ReasonInput)
    @action(detail=True, methods=["post"], url_path="late-reason")
    def late_reason(self, request, reference=None):
        return self._act(
            request,
            ReasonInput,
            lambda r, d: services.record_late_reason(r, user=request.user, reason=d["reason"]),
        )
