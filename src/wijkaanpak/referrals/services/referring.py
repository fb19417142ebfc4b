"""Referring a household: consent first (P9), then the minimal data, then the receiver hears.

All in one transaction: a referral never exists without its consent, and no data reaches the
receiving partner's inbox unless the consent covers it.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models.functions import Length
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkaanpak import workdays
from wijkaanpak.interventions.models import AgeBand
from wijkaanpak.referrals.models import Consent, DataKind, Referral, ReferralEvent
from wijkaanpak.referrals.services import notify, processing

# A referral always carries these: without them the partner cannot reach the household.
REQUIRED_DATA = frozenset({DataKind.NAME, DataKind.CONTACT, DataKind.REASON, DataKind.URGENCY})
MAX_NAME = 120
MAX_CONTACT = 200
MAX_REASON = 1000


class ReferralInputError(ValueError):
    """Input that cannot be stored; `errors` maps a field name to a Dutch message."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


@dataclass(frozen=True)
class ConsentInput:
    given_by: str
    relation: str
    given_on: dt.date
    method: str
    data_kinds: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class ReferralInput:
    person_name: str
    contact_route: str
    reason: str
    urgency: str = Referral.Urgency.NORMAL
    age_band: str = ""
    neighbourhood: object = None


def _clean(text: str) -> str:
    return " ".join((text or "").split())


def data_sent(data: ReferralInput) -> set[str]:
    kinds = set(REQUIRED_DATA)
    if data.age_band:
        kinds.add(DataKind.AGE_BAND)
    if data.neighbourhood is not None:
        kinds.add(DataKind.NEIGHBOURHOOD)
    return kinds


def validate(
    *, user, referring_organisation, offer, consent: ConsentInput, data: ReferralInput, today
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not offer.is_published or not offer.accepts_referrals or offer.organisation_id is None:
        errors["offer"] = _("Naar dit aanbod kunt u niet verwijzen.")
    if not user.memberships.filter(organisation=referring_organisation).exists():
        errors["referring_organisation"] = _("U werkt niet voor deze organisatie.")
    if not _clean(consent.given_by):
        errors["consent_given_by"] = _("Vul in wie toestemming gaf (naam of initialen).")
    elif len(_clean(consent.given_by)) > MAX_NAME:
        errors["consent_given_by"] = _("Gebruik hooguit %(n)s tekens.") % {"n": MAX_NAME}
    if consent.relation not in Consent.Relation.values:
        errors["consent_relation"] = _("Kies wie de toestemming gaf.")
    if consent.method not in Consent.Method.values:
        errors["consent_method"] = _("Kies hoe de toestemming is gegeven.")
    if consent.given_on is None:
        errors["consent_given_on"] = _("Vul de datum van de toestemming in.")
    elif consent.given_on > today:
        errors["consent_given_on"] = _("De toestemming kan niet in de toekomst gegeven zijn.")
    unknown = set(consent.data_kinds) - set(DataKind.values)
    if unknown:
        errors["consent_data_kinds"] = _("Onbekende soort gegevens.")
    else:
        missing = data_sent(data) - set(consent.data_kinds)
        if missing:
            errors["consent_data_kinds"] = _(
                "De toestemming moet gelden voor alle gegevens die mee gaan. Nu ontbreekt: %(k)s."
            ) % {"k": ", ".join(str(DataKind(k).label) for k in sorted(missing))}
    for name, value, limit, message in (
        ("person_name", data.person_name, MAX_NAME, _("Vul een naam of initialen in.")),
        (
            "contact_route",
            data.contact_route,
            MAX_CONTACT,
            _("Vul in hoe de partner contact opneemt."),
        ),
        ("reason", data.reason, MAX_REASON, _("Schrijf kort de reden van de verwijzing.")),
    ):
        if not (value or "").strip():
            errors[name] = message
        elif len(value.strip()) > limit:
            errors[name] = _("Gebruik hooguit %(n)s tekens.") % {"n": limit}
    if data.urgency not in Referral.Urgency.values:
        errors["urgency"] = _("Kies de urgentie.")
    if data.age_band and data.age_band not in AgeBand.values:
        errors["age_band"] = _("Kies een leeftijdsgroep uit de lijst.")
    if data.neighbourhood is not None and data.neighbourhood.area_id != offer.area_id:
        errors["neighbourhood"] = _("Kies een buurt uit dit gebied.")
    return errors


def next_reference(year: int) -> str:
    prefix = f"VW-{year}-"
    last = (
        Referral.objects.filter(reference__startswith=prefix)
        .order_by(Length("reference").desc(), "-reference")
        .values_list("reference", flat=True)
        .first()
    )
    number = int(last.removeprefix(prefix)) + 1 if last else 1
    return f"{prefix}{number:05d}"


def _save_with_reference(referral: Referral, year: int) -> None:
    # Two referrals at once may compute the same number; the unique index refuses one.
    for _attempt in range(10):
        referral.reference = next_reference(year)
        try:
            with transaction.atomic():
                referral.save()
            return
        except IntegrityError:
            if Referral.objects.filter(reference=referral.reference).exists():
                continue
            raise
    raise IntegrityError("no free referral reference")


def receive_due_on(sent_at: dt.datetime) -> dt.date:
    """The receiver confirms receipt within N working days (default 5), as for reports."""
    start = workdays.next_working_day(workdays.local_date(sent_at))
    return workdays.add_working_days(start, settings.REFERRAL_RECEIVE_WORKING_DAYS)


@transaction.atomic
def refer(
    *,
    user,
    referring_organisation,
    offer,
    consent: ConsentInput,
    data: ReferralInput,
    request_path: str = "",
    now=None,
) -> Referral:
    now = now or timezone.now()
    errors = validate(
        user=user,
        referring_organisation=referring_organisation,
        offer=offer,
        consent=consent,
        data=data,
        today=workdays.local_date(now),
    )
    if errors:
        raise ReferralInputError(errors)
    stored_consent = Consent.objects.create(
        area=offer.area,
        offer=offer,
        given_by=_clean(consent.given_by),
        relation=consent.relation,
        given_on=consent.given_on,
        method=consent.method,
        data_kinds=sorted(consent.data_kinds),
        recorded_by=user,
    )
    referral = Referral(
        area=offer.area,
        offer=offer,
        consent=stored_consent,
        referring_organisation=referring_organisation,
        receiving_organisation=offer.organisation,
        referred_by=user,
        person_name=_clean(data.person_name),
        contact_route=_clean(data.contact_route),
        reason=data.reason.strip(),
        urgency=data.urgency,
        age_band=data.age_band,
        neighbourhood=data.neighbourhood,
        state=Referral.State.SENT,
        sent_at=now,
        receive_due_on=receive_due_on(now),
    )
    _save_with_reference(referral, workdays.local_date(now).year)
    ReferralEvent.objects.create(
        referral=referral,
        from_state="",
        to_state=Referral.State.SENT,
        actor=user,
        actor_organisation=referring_organisation,
    )
    processing.record(
        referral, user=user, action="create", data_kinds=data_sent(data), request_path=request_path
    )
    notify.new_referral(referral)
    return referral
