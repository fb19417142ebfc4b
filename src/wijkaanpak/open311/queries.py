"""What an Open311 request asks for: the jurisdiction, the service, the filters.

Every refusal is an Open311Error with a Dutch description that names the parameter.
"""

import datetime as dt

from django.db.models import Max, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from wijkaanpak.areas.models import Area, Neighbourhood
from wijkaanpak.reports.domain.workflow import CLOSED_STATUSES, OPEN_STATUSES
from wijkaanpak.reports.models import Category, Report, ReportEvent
from wijkaanpak.workdays import AMSTERDAM

from .errors import Open311Error

MAX_RESULTS = 1000
MAX_SPAN = dt.timedelta(days=90)
MAX_IDS = 100
STATUSES = {"open": OPEN_STATUSES, "closed": CLOSED_STATUSES}


def area_for(jurisdiction_id: str | None) -> Area:
    """jurisdiction_id is an area's slug; with one area it may be left out (as the spec says)."""
    jurisdiction_id = (jurisdiction_id or "").strip()
    if jurisdiction_id:
        area = Area.objects.filter(slug=jurisdiction_id).first()
        if area is None:
            raise Open311Error(
                404, _("jurisdiction_id '%(id)s' bestaat niet.") % {"id": jurisdiction_id}
            )
        return area
    areas = list(Area.objects.all()[:2])
    if len(areas) == 1:
        return areas[0]
    if not areas:
        raise Open311Error(404, _("Er is nog geen gebied ingericht."))
    raise Open311Error(
        400,
        _("jurisdiction_id ontbreekt. Kies een van: %(ids)s.")
        % {"ids": ", ".join(Area.objects.values_list("slug", flat=True))},
    )


def services() -> QuerySet[Category]:
    """The categories a report can be filed under: active ones without active sub-categories.

    A main category with sub-categories is a group, not a service; a main category without
    them (such as "overig") is a service of its own.
    """
    return (
        Category.objects.filter(is_active=True)
        .filter(Q(parent__isnull=True) | Q(parent__is_active=True))
        .exclude(children__is_active=True)
        .select_related("parent")
    )


def service_list() -> list[Category]:
    """Services in the order of the category tree: a group's services together."""

    def place(category):
        group = category.parent or category
        return (group.position, group.name, category.position, category.name)

    return sorted(services(), key=place)


def service(service_code: str | None) -> Category:
    service_code = (service_code or "").strip()
    if not service_code:
        raise Open311Error(400, _("service_code ontbreekt."))
    category = services().filter(slug=service_code).first()
    if category is None:
        raise Open311Error(404, _("service_code '%(code)s' bestaat niet.") % {"code": service_code})
    return category


def neighbourhoods(area: Area) -> QuerySet[Neighbourhood]:
    return area.neighbourhoods.order_by("role", "name")


def neighbourhood(area: Area, slug: str) -> Neighbourhood:
    slug = slug.strip()
    known = neighbourhoods(area)
    found = known.filter(slug=slug).first() if slug else None
    if found is not None:
        return found
    # Only a refusal lists the choices.
    choices = ", ".join(known.values_list("slug", flat=True))
    if not slug:
        raise Open311Error(
            400,
            _("neighbourhood ontbreekt: geef de buurt van de melding. Kies een van: %(s)s.")
            % {"s": choices},
        )
    raise Open311Error(
        400,
        _("neighbourhood '%(slug)s' hoort niet bij dit gebied. Kies een van: %(s)s.")
        % {"slug": slug, "s": choices},
    )


def _moment(params, name: str) -> dt.datetime | None:
    raw = (params.get(name) or "").strip()
    if not raw:
        return None
    try:
        # A '+' in a query string arrives as a space when the client did not encode it.
        moment = parse_datetime(raw.replace(" ", "+"))
    except ValueError:
        moment = None
    if moment is None:
        raise Open311Error(
            400,
            _(
                "%(name)s is geen geldige datum en tijd. Gebruik ISO 8601, zoals "
                "2026-01-31T09:00:00+01:00."
            )
            % {"name": name},
        )
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=AMSTERDAM)
    return moment


def _window(params) -> tuple[dt.datetime, dt.datetime]:
    start, end = _moment(params, "start_date"), _moment(params, "end_date")
    if start is None and end is None:
        end = timezone.now()
    if start is None:
        start = end - MAX_SPAN
    if end is None:
        end = start + MAX_SPAN
    if start > end:
        raise Open311Error(400, _("start_date ligt na end_date."))
    if end - start > MAX_SPAN:
        raise Open311Error(400, _("De periode van start_date tot end_date is langer dan 90 dagen."))
    return start, end


def _list(params, name: str) -> list[str]:
    return [part.strip() for part in (params.get(name) or "").split(",") if part.strip()]


def requests_in(area: Area) -> QuerySet[Report]:
    # A subquery per listed report, not a join with GROUP BY over every report in the
    # window: the newest 1000 come straight from the (area, received_at) order.
    last_event = (
        ReportEvent.objects.filter(report=OuterRef("pk"))
        .order_by()
        .values("report")
        .annotate(last=Max("at"))
        .values("last")
    )
    return (
        Report.objects.filter(area=area)
        .select_related("category", "category__parent", "organisation")
        .annotate(last_event_at=Subquery(last_event))
    )


def requests(area: Area, params) -> QuerySet[Report]:
    """GET requests: the spec's filters; at most 90 days and 1000 results, newest first."""
    reports = requests_in(area).order_by("-received_at", "-pk")
    ids = _list(params, "service_request_id")
    if ids:
        if len(ids) > MAX_IDS:
            raise Open311Error(
                400, _("Vraag hoogstens %(n)d service_request_id's tegelijk op.") % {"n": MAX_IDS}
            )
        # The spec: service_request_id overrides every other filter.
        return reports.filter(reference__in=ids)[:MAX_RESULTS]
    start, end = _window(params)
    reports = reports.filter(received_at__gte=start, received_at__lte=end)
    codes = _list(params, "service_code")
    if codes:
        reports = reports.filter(category__slug__in=codes)
    statuses = _list(params, "status")
    unknown = [s for s in statuses if s not in STATUSES]
    if unknown:
        raise Open311Error(
            400, _("status '%(s)s' bestaat niet. Kies open of closed.") % {"s": unknown[0]}
        )
    if statuses:
        reports = reports.filter(status__in=set().union(*(STATUSES[s] for s in statuses)))
    return reports[:MAX_RESULTS]


def request(area: Area, service_request_id: str) -> Report:
    report = requests_in(area).filter(reference=service_request_id).first()
    if report is None:
        raise Open311Error(
            404,
            _("service_request_id '%(id)s' bestaat niet.") % {"id": service_request_id},
        )
    return report
