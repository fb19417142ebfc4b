"""GeoReport v2 endpoints. Plain Django views: the spec fixes the shapes and the errors, so
they stay out of DRF and out of our OpenAPI schema.

Writes are authenticated by api_key only. No session is read (a logged-in browser cannot
post on someone's behalf), so the CSRF check, which protects session-authenticated
forms, is not needed and is switched off.
"""

import json
from functools import wraps

from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from . import intake, queries, serialise, throttle
from .errors import Open311Error
from .rendering import FORMATS, render, to_json


def open311(*methods: str, root: str):
    """Checks the format suffix and the method; renders Open311Error in the spec's format."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, fmt: str, **kwargs):
            if fmt not in FORMATS:
                error = Open311Error(
                    404, _("Formaat '%(fmt)s' bestaat niet. Gebruik .json of .xml.") % {"fmt": fmt}
                )
                return HttpResponse(
                    to_json(error.as_payload()), status=404, content_type=FORMATS["json"]
                )
            try:
                if request.method not in (*methods, "HEAD" if "GET" in methods else ""):
                    raise Open311Error(
                        405,
                        _("Methode %(method)s is hier niet toegestaan.")
                        % {"method": request.method},
                        headers={"Allow": ", ".join(methods)},
                    )
                payload, status = view(request, *args, **kwargs)
                response = render(fmt, root, payload, status=status)
            except Open311Error as error:
                response = render(fmt, "errors", error.as_payload(), status=error.status)
                for name, value in error.headers.items():
                    response[name] = value
            if request.method == "POST":
                response["Cache-Control"] = "no-store"
            return response

        return wrapper

    return decorate


@open311("GET", root="services")
def service_list(request):
    queries.area_for(request.GET.get("jurisdiction_id"))
    return [serialise.service(category) for category in queries.service_list()], 200


@open311("GET", root="service_definition")
def service_definition(request, service_code: str):
    area = queries.area_for(request.GET.get("jurisdiction_id"))
    category = queries.service(service_code)
    return serialise.service_definition(category, queries.neighbourhoods(area)), 200


def _post(request):
    wait = throttle.wait_seconds(request)
    if wait is not None:
        raise Open311Error(
            429,
            _("Te veel meldingen in korte tijd. Probeer het over %(n)d seconden opnieuw.")
            % {"n": wait},
            headers={"Retry-After": str(wait)},
        )
    stored = intake.submit(request)
    return json.loads(stored.body), stored.status_code


@csrf_exempt
@open311("GET", "POST", root="service_requests")
def request_list(request):
    if request.method == "POST":
        return _post(request)
    area = queries.area_for(request.GET.get("jurisdiction_id"))
    return [serialise.service_request(r) for r in queries.requests(area, request.GET)], 200


@open311("GET", root="service_requests")
def request_detail(request, service_request_id: str):
    area = queries.area_for(request.GET.get("jurisdiction_id"))
    return [serialise.service_request(queries.request(area, service_request_id))], 200
