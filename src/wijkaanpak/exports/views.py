"""Downloads of a whole programme. Staff of the area only: measurements carry who entered
them, and drafts are in it."""

import json
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from wijkaanpak.areas.access import area_staff_only
from wijkaanpak.programme.models import Programme

from .services import programme_as_dict, programme_as_xlsx

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def staff_required(view):
    """Anonymous users go to the login page; a logged-in non-staff user gets 403."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_staff:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def latest_programme(area_slug: str, year: str | None = None) -> Programme:
    """The newest edition, draft or adopted (staff export their work in progress too), or the
    edition of ``?editie=`` when asked."""
    editions = Programme.objects.select_related("area", "previous_edition", "adopted_by").filter(
        area__slug=area_slug
    )
    if year:
        if not year.isdigit():
            raise Http404
        editions = editions.filter(edition_year=int(year))
    programme = editions.order_by("-edition_year").first()
    if programme is None:
        raise Http404
    return programme


def attachment(content, content_type: str, programme: Programme, extension: str):
    filename = (
        f"{programme.area.slug}-{programme.edition_year}-programma-"
        f"{timezone.localdate().isoformat()}.{extension}"
    )
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
@never_cache
@staff_required
@area_staff_only
def export_xlsx(request, area):
    programme = latest_programme(area, request.GET.get("editie"))
    return attachment(programme_as_xlsx(programme), XLSX_TYPE, programme, "xlsx")


@require_safe
@never_cache
@staff_required
@area_staff_only
def export_json(request, area):
    programme = latest_programme(area, request.GET.get("editie"))
    body = json.dumps(
        programme_as_dict(programme), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
    )
    return attachment(body, "application/json; charset=utf-8", programme, "json")
