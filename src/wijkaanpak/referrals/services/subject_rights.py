"""Requests of a referred person (AVG art. 15 and 17): find, show everything, erase (P7).

Finding: names and contact routes are encrypted, so SQL cannot search them. The referrals of
one area are decrypted and compared here, newest first, at most SEARCH_CAP of them; the
page says so when an area holds more. A kenmerk is found in SQL.

Showing: the export covers the referral, its consent, every model that points at the
referral (SECTIONS; a test walks Referral's relations and fails when one is missing), the
processing-log records about its pseudonym and the mails about it. Staff identities are left
out (WITHHELD): the person gets to know which organisation did what, not which colleague.

Erasing: closed referrals are erased at once (retention.erase, ground "request"); an open
referral is still being worked on and must be withdrawn by the referrer first.
"""

import datetime as dt
import re
import uuid
from dataclasses import dataclass, field

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkaanpak.audit import activities
from wijkaanpak.audit.models import ProcessingRecord
from wijkaanpak.notifications.models import OutboxMessage
from wijkaanpak.referrals.models import DataKind, ErasureRecord, Referral
from wijkaanpak.referrals.services import notify, processing, retention

SEARCH_CAP = 5000
# Reverse relations of Referral that the export shows, by accessor name.
SECTIONS = ("events", "erasures", "questions")
# Fields about staff (not about the person) and internal keys, per model label.
WITHHELD = {
    "referrals.Referral": {"id", "referred_by"},
    "referrals.Consent": {"id", "recorded_by"},
    "referrals.ReferralEvent": {"id", "referral", "actor"},
    "referrals.ErasureRecord": {"id", "referral", "erased_by"},
    "questiondesk.Question": {"id", "referral", "recorded_by"},
    "audit.ProcessingRecord": {"id", "actor_id", "actor_name", "request_path"},
}
MESSAGE_FIELDS = ("created_at", "kind", "subject", "state", "sent_at")
# Dutch labels for fields whose model gives none (the models are shared and fixed).
FIELD_LABELS = {
    "subject_id": gettext_lazy("pseudoniem van de persoon"),
    "area": gettext_lazy("gebied"),
    "offer": gettext_lazy("aanbod"),
    "consent": gettext_lazy("toestemming"),
    "referring_organisation": gettext_lazy("verwijzende organisatie"),
    "receiving_organisation": gettext_lazy("ontvangende organisatie"),
    "neighbourhood": gettext_lazy("buurt"),
    "recorded_at": gettext_lazy("vastgelegd op"),
    "created_at": gettext_lazy("gemaakt op"),
    "from_state": gettext_lazy("van stand"),
    "to_state": gettext_lazy("naar stand"),
    "at": gettext_lazy("tijdstip"),
    "actor_organisation": gettext_lazy("organisatie"),
    "ground": gettext_lazy("grond"),
    "fields": gettext_lazy("gewiste gegevens"),
    "erased_at": gettext_lazy("gewist op"),
    "state": gettext_lazy("stand"),
    "sent_at": gettext_lazy("verstuurd op"),
}
SECTION_LABELS = {
    "events": gettext_lazy("Verloop"),
    "erasures": gettext_lazy("Wat er gewist is"),
    "questions": gettext_lazy("Vragen bij de tweede huiskamer"),
    "processing_log": gettext_lazy("Wie de gegevens heeft verwerkt (verwerkingenlog)"),
    "messages": gettext_lazy("Verstuurde berichten over de verwijzing"),
}


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", (text or "").casefold()).split())


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text or "")


def name_matches(stored: str, wanted: str) -> bool:
    """'J. Jansen' is 'j jansen': case, dots and spaces do not matter."""
    return bool(_words(wanted)) and _words(stored) == _words(wanted)


def contact_matches(stored: str, wanted: str) -> bool:
    """A phone number matches on its digits; anything else as words inside the stored route."""
    digits = _digits(wanted)
    if len(digits) >= 6:
        return digits in _digits(stored)
    return bool(_words(wanted)) and _words(wanted) in _words(stored)


@dataclass
class SearchResult:
    referrals: list[Referral]
    searched: int
    capped: bool


def find(area, *, name: str, contact_route: str = "", reference: str = "") -> SearchResult:
    """Referrals in `area` of the person named, with their contact route or a kenmerk."""
    if reference:
        found = Referral.objects.filter(area=area, reference=reference.strip().upper())
        matches = [
            r
            for r in found.select_related("consent")
            if r.erased_at
            or name_matches(r.person_name, name)
            or name_matches(r.consent.given_by, name)
        ]
        return SearchResult(matches, len(found), capped=False)
    candidates = list(
        Referral.objects.filter(area=area, erased_at=None)
        .select_related("consent", "offer")
        .order_by("-sent_at", "-pk")[: SEARCH_CAP + 1]
    )
    capped = len(candidates) > SEARCH_CAP
    candidates = candidates[:SEARCH_CAP]
    matches = [
        r
        for r in candidates
        if (name_matches(r.person_name, name) or name_matches(r.consent.given_by, name))
        and contact_matches(r.contact_route, contact_route)
    ]
    return SearchResult(matches, len(candidates), capped)


@dataclass(frozen=True)
class Entry:
    name: str
    label: str
    value: object  # JSON-ready
    text: str  # for the page


def _plain(value):
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def _text(value, display=None) -> str:
    if display is not None:
        return str(display)
    if value in (None, "", []):
        return _("leeg")
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).strftime("%d-%m-%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _label(model_field) -> str:
    default = model_field.name.replace("_", " ")
    if model_field.verbose_name != default:
        return str(model_field.verbose_name)
    return str(FIELD_LABELS.get(model_field.name, default))


def _kinds(codes: list) -> str:
    return ", ".join(str(DataKind(c).label) if c in DataKind.values else str(c) for c in codes)


def entries(obj: models.Model) -> list[Entry]:
    """Every field of `obj` except the withheld ones, with its Dutch label."""
    withheld = WITHHELD.get(obj._meta.label, {"id"})
    result = []
    for f in obj._meta.concrete_fields:
        if f.name in withheld:
            continue
        if f.is_relation:
            related = getattr(obj, f.name)
            value = None if related is None else str(related)
            display = None
        else:
            value = getattr(obj, f.attname)
            display = getattr(obj, f"get_{f.name}_display")() if f.choices and value else None
            if f.name == "data_kinds" and value:
                display = _kinds(value)
        result.append(Entry(f.name, _label(f), _plain(value), _text(value, display)))
    return result


@dataclass
class ReferralExport:
    reference: str
    referral: list[Entry]
    consent: list[Entry]
    sections: dict[str, list[list[Entry]]] = field(default_factory=dict)

    def labelled_sections(self) -> list[tuple[str, list[list[Entry]]]]:
        return [(str(SECTION_LABELS[name]), rows) for name, rows in self.sections.items()]

    def as_json(self) -> dict:
        return {
            "reference": self.reference,
            "referral": {e.name: e.value for e in self.referral},
            "consent": {e.name: e.value for e in self.consent},
            **{
                name: [{e.name: e.value for e in row} for row in rows]
                for name, rows in self.sections.items()
            },
        }


def export_referral(referral: Referral) -> ReferralExport:
    result = ReferralExport(referral.reference, entries(referral), entries(referral.consent))
    for accessor in SECTIONS:
        result.sections[accessor] = [entries(obj) for obj in getattr(referral, accessor).all()]
    records = ProcessingRecord.objects.filter(
        subject_type="household", subject_id=str(referral.subject_id)
    ).order_by("occurred_at", "id")
    result.sections["processing_log"] = [entries(r) for r in records]
    mails = OutboxMessage.objects.filter(topic_type=notify.TOPIC, topic_id=str(referral.pk))
    result.sections["messages"] = [
        [e for e in entries(m) if e.name in MESSAGE_FIELDS] for m in mails.order_by("pk")
    ]
    return result


def export(referrals) -> dict:
    return {
        "generated_at": timezone.localtime().isoformat(),
        "explanation": _(
            "Alle gegevens die wijkaanpak heeft over de verwijzing(en) van deze persoon: de "
            "verwijzing, de toestemming, het verloop, wat er gewist is, vragen aan de tweede "
            "huiskamer, wie de gegevens heeft ingezien of gewijzigd (per organisatie) en de "
            "berichten die erover zijn verstuurd. Namen van medewerkers staan er niet in."
        ),
        "referrals": [export_referral(r).as_json() for r in referrals],
    }


def log_inzage(referrals, *, user, request_path: str) -> None:
    """One "read" record per referral shown to the privacy officer."""
    for referral in referrals:
        processing.record(
            referral,
            user=user,
            action="read",
            data_kinds=DataKind.values,
            request_path=request_path,
            activity=activities.SUBJECT_REQUEST,
        )


@dataclass
class ErasureOutcome:
    erased: list[str] = field(default_factory=list)
    already_erased: list[str] = field(default_factory=list)
    still_open: list[Referral] = field(default_factory=list)


def erase_on_request(referrals, *, user, request_path: str) -> ErasureOutcome:
    outcome = ErasureOutcome()
    for referral in referrals:
        if referral.erased_at is not None:
            outcome.already_erased.append(referral.reference)
        elif not retention.is_closed(referral):
            outcome.still_open.append(referral)
        elif retention.erase(
            referral,
            ground=ErasureRecord.Ground.REQUEST,
            user=user,
            request_path=request_path,
        ):
            outcome.erased.append(referral.reference)
        else:  # erased by a concurrent run in the meantime
            outcome.already_erased.append(referral.reference)
    return outcome
