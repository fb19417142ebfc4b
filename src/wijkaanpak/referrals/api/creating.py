"""Creating a referral through the API: the JSON body to the referring service and back.

Every refusal is a dict of field names with Dutch messages (400), never an exception that
becomes a 500. Consent errors from the service ("consent_given_by") are nested under
"consent", where the client sent them.
"""

import json

from django.utils.translation import gettext as _

from wijkaanpak.areas.models import Area, Organisation
from wijkaanpak.idempotency import services as idempotency
from wijkaanpak.referrals.services.referring import (
    ConsentInput,
    ReferralInput,
    ReferralInputError,
    refer,
)
from wijkaanpak.socialmap.models import Offer

from .serializers import ReferralCreateInput, ReferralSerializer

CONSENT_PREFIX = "consent_"


def fingerprint(data) -> str:
    """The same JSON body gives the same fingerprint, whatever the order of its keys."""
    return idempotency.fingerprint(
        json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    )


def reference_in(body: str) -> str:
    return json.loads(body)["reference"]


def _nested(errors: dict[str, str]) -> dict:
    result: dict = {}
    for name, message in errors.items():
        if name.startswith(CONSENT_PREFIX):
            result.setdefault("consent", {})[name.removeprefix(CONSENT_PREFIX)] = [message]
        else:
            result[name] = [message]
    return result


def _referring_organisation(user, slug: str | None):
    if slug:
        return Organisation.objects.filter(slug=slug).first(), _("Deze organisatie bestaat niet.")
    own = list(Organisation.objects.filter(memberships__user=user).distinct()[:2])
    if len(own) == 1:
        return own[0], ""
    if not own:
        return None, _("U werkt niet voor een organisatie; u kunt niet verwijzen.")
    return None, _("Kies namens welke organisatie u verwijst.")


def _resolve(user, values: dict) -> tuple[dict, dict]:
    """The objects named by slug in the request, and errors for the slugs that name nothing."""
    errors: dict = {}
    found: dict = {}
    area = Area.objects.filter(slug=values["area"]).first()
    if area is None:
        errors["area"] = [_("Dit gebied bestaat niet.")]
    else:
        found["offer"] = Offer.objects.filter(area=area, slug=values["offer"]).first()
        if found["offer"] is None:
            errors["offer"] = [_("Dit aanbod bestaat niet in dit gebied.")]
        found["neighbourhood"] = None
        if values.get("neighbourhood"):
            found["neighbourhood"] = area.neighbourhoods.filter(
                slug=values["neighbourhood"]
            ).first()
            if found["neighbourhood"] is None:
                errors["neighbourhood"] = [_("Kies een buurt uit dit gebied.")]
    organisation, message = _referring_organisation(user, values.get("referring_organisation"))
    if organisation is None:
        errors["referring_organisation"] = [message]
    found["referring_organisation"] = organisation
    return found, errors


def create(request) -> tuple[int, dict]:
    """(201, the new referral's summary) or (400, errors by field)."""
    data = ReferralCreateInput(data=request.data)
    if not data.is_valid():
        return 400, data.errors
    values = data.validated_data
    found, errors = _resolve(request.user, values)
    if errors:
        return 400, errors
    consent = values["consent"]
    try:
        referral = refer(
            user=request.user,
            referring_organisation=found["referring_organisation"],
            offer=found["offer"],
            consent=ConsentInput(
                given_by=consent["given_by"],
                relation=consent["relation"],
                given_on=consent["given_on"],
                method=consent["method"],
                data_kinds=frozenset(consent["data_kinds"]),
            ),
            data=ReferralInput(
                person_name=values["person_name"],
                contact_route=values["contact_route"],
                reason=values["reason"],
                urgency=values["urgency"],
                age_band=values.get("age_band", ""),
                neighbourhood=found["neighbourhood"],
            ),
            request_path=request.path,
        )
    except ReferralInputError as refused:
        return 400, _nested(refused.errors)
    return 201, ReferralSerializer(referral).data
