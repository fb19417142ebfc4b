"""POST requests: a report from another app, with its api_key, once per Idempotency-Key.

Not stored, because the purpose (handling the report, keeping the reporter informed) does
not need them: first_name, last_name, device_id, account_id, and attribute[] other than
the neighbourhood. media_url is not fetched: we do not download files from addresses a
client chooses (that invites server-side request forgery and unchecked uploads).
"""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from wijkaanpak.idempotency import services as idempotency
from wijkaanpak.reports.services import create_report

from . import queries, serialise
from .errors import Open311Error
from .models import ApiClient, Submission, hash_key
from .rendering import to_json

MAX_DESCRIPTION = 4000  # the spec's limit
MAX_ADDRESS = 200
# The names of create_report's fields in the spec's terms, for error messages.
_FIELD_NAMES = {
    "category": "service_code",
    "latitude": "lat",
    "longitude": "long",
    "address": "address_string",
}
_CONTROL = {chr(c) for c in range(32)} - {"\n", "\r", "\t"}


def client_for(params) -> ApiClient:
    key = (params.get("api_key") or "").strip()
    if not key:
        raise Open311Error(
            403, _("api_key ontbreekt. Een melding maken kan alleen met een sleutel.")
        )
    client = ApiClient.objects.filter(key_hash=hash_key(key)).first()
    if client is None:
        raise Open311Error(403, _("Deze api_key is niet geldig."))
    if not client.is_active:
        raise Open311Error(403, _("Deze api_key is ingetrokken."))
    return client


def _coordinate(raw: str, name: str, limit: int, errors: list[str]) -> Decimal | None:
    try:
        value = Decimal(raw.strip())
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite() or abs(value) > limit:
        errors.append(
            _("%(name)s moet een getal tussen -%(limit)d en %(limit)d zijn (WGS84).")
            % {"name": name, "limit": limit}
        )
        return None
    return value.quantize(Decimal("0.000001"))


def _text(params, name: str, limit: int, errors: list[str]) -> str:
    value = (params.get(name) or "").strip()
    if len(value) > limit:
        errors.append(_("%(name)s is langer dan %(n)d tekens.") % {"name": name, "n": limit})
    if any(c in _CONTROL for c in value):
        errors.append(_("%(name)s bevat tekens die niet zijn toegestaan.") % {"name": name})
    return value


def _location(params, errors: list[str]) -> dict:
    lat, long = (params.get("lat") or "").strip(), (params.get("long") or "").strip()
    address = _text(params, "address_string", MAX_ADDRESS, errors)
    location = {"address": address, "latitude": None, "longitude": None}
    if bool(lat) != bool(long):
        errors.append(_("Stuur lat en long allebei, of geen van beide."))
    elif lat:
        location["latitude"] = _coordinate(lat, "lat", 90, errors)
        location["longitude"] = _coordinate(long, "long", 180, errors)
    elif not address:
        errors.append(
            _("Geef de plek: lat en long, of address_string. (address_id kennen we niet.)")
        )
    return location


def _neighbourhood_slug(params, errors: list[str]) -> str:
    plain = (params.get("neighbourhood") or "").strip()
    attribute = (params.get(f"attribute[{serialise.NEIGHBOURHOOD_ATTRIBUTE}]") or "").strip()
    if plain and attribute and plain != attribute:
        errors.append(_("neighbourhood en attribute[neighbourhood] noemen verschillende buurten."))
    return plain or attribute


def _report_fields(params) -> dict:
    """Everything create_report needs, checked; all problems at once in one 400."""
    area = queries.area_for(params.get("jurisdiction_id"))
    category = queries.service(params.get("service_code"))
    errors: list[str] = []
    slug = _neighbourhood_slug(params, errors)
    try:
        neighbourhood = queries.neighbourhood(area, slug)
    except Open311Error as problem:
        errors.extend(problem.descriptions)
        neighbourhood = None
    location = _location(params, errors)
    description = _text(params, "description", MAX_DESCRIPTION, errors)
    if not description:
        errors.append(_("description ontbreekt: beschrijf wat er aan de hand is."))
    email = _text(params, "email", 254, errors)
    phone = _text(params, "phone", 30, errors)
    if errors:
        raise Open311Error(400, *errors)
    return {
        "area": area,
        "neighbourhood": neighbourhood,
        "category": category,
        "description": description,
        "email": email,
        "phone": phone,
        # Someone who leaves an e-mail address through an app expects to hear back.
        "wants_updates": bool(email),
        **location,
    }


def _create(client: ApiClient, fields: dict) -> idempotency.StoredResponse:
    try:
        report = create_report(source="open311", **fields)
    except ValidationError as invalid:
        raise Open311Error(
            400,
            *(
                f"{_FIELD_NAMES.get(field, field)}: {message}"
                for field, messages in invalid.message_dict.items()
                for message in messages
            ),
        ) from invalid
    Submission.objects.create(client=client, report=report)
    # Stored as JSON and rendered per request, so a replay may ask for .xml or .json.
    body = to_json([serialise.created(report)]).decode("utf-8")
    return idempotency.StoredResponse(201, body, "application/json")


def submit(request) -> idempotency.StoredResponse:
    params = request.POST
    client = client_for(params)
    try:
        key = idempotency.key_from_request(request)
    except idempotency.IdempotencyError as refused:
        raise Open311Error(refused.status_code, refused.message) from refused
    fields = _report_fields(params)
    body = {name: params.getlist(name) for name in params if name != "api_key"}
    try:
        return idempotency.run_once(
            scope=f"open311:{client.pk}",
            key=key,
            request_fingerprint=idempotency.fingerprint(body),
            produce=lambda: _create(client, fields),
        )
    except idempotency.IdempotencyError as refused:
        raise Open311Error(refused.status_code, refused.message) from refused
