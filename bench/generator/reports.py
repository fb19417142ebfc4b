"""A million reports over the twenty areas and ten years, with their history, contacts,
retention and the deadline breaches the daily check recorded up to yesterday.

Rows stream into COPY (one connection per table), so memory stays flat.
"""

import base64
import datetime as dt
from dataclasses import dataclass

from wijkaanpak.reports.models import Category

from . import timeline as tl
from .calendar import AMSTERDAM, Calendar, at
from .names import STREETS
from .pg import copy_streams

REPORT_COLUMNS = (
    "id", "reference", "status_token", "area_id", "neighbourhood_id", "category_id",
    "organisation_id", "address", "location_description", "latitude", "longitude",
    "description", "status", "received_at", "pickup_due_on", "resolution_due_on",
    "picked_up_at", "picked_up_by_id", "closed_at", "public_reason", "duplicate_of_id",
    "source", "contact_anonymised_at",
)  # fmt: skip
EVENT_COLUMNS = (
    "id", "report_id", "at", "kind", "actor_id", "actor_label", "contact_id",
    "from_status", "to_status", "public_text", "internal_note",
)  # fmt: skip
CONTACT_COLUMNS = ("id", "report_id", "role", "email", "phone", "wants_updates", "created_at")
BREACH_COLUMNS = ("id", "report_id", "kind", "due_on", "recorded_at", "reason_given")
TABLES = {
    "report": ("reports_report", REPORT_COLUMNS),
    "event": ("reports_reportevent", EVENT_COLUMNS),
    "contact": ("reports_reportcontact", CONTACT_COLUMNS),
    "breach": ("reports_deadlinebreach", BREACH_COLUMNS),
}
DESCRIPTIONS = [
    "Er ligt veel zwerfafval bij het speelveld.", "Vuilniszakken naast de container.",
    "Straatlantaarn doet het niet.", "Losliggende stoeptegels, gevaarlijk voor ouderen.",
    "Kapotte bank in het park.", "Hondenpoep op de stoep bij de school.",
    "Graffiti op de muur van de portiek.", "Overhangende takken boven het fietspad.",
    "Kapot speeltoestel.", "Grofvuil in de groenstrook.", "Verstopte put, water blijft staan.",
    "Fietswrak tegen het hek.", "Lekkage in de portiek.", "Deur van de berging sluit niet.",
]  # fmt: skip
SOURCES = ["website"] * 14 + ["open311"] * 4 + ["wijkschouw"] * 2
RETENTION_DAYS = 365
ANONYMISED_NOTE = (
    "Bewaartermijn van 365 dagen na afsluiten verstreken. Verwijderd: contactgegevens van "
    "{n} persoon/personen, 0 foto('s), het adres van 0 verstuurde e-mail(s)."
)


@dataclass(frozen=True)
class Kind:
    category_id: int
    organisation_kind: str
    term: int


def kinds() -> list[Kind]:
    """The categories a report is filed under, with the kind of organisation handling it."""
    leaves = Category.objects.filter(is_active=True, children__isnull=True)
    return [
        Kind(c.pk, c.handling_organisation.kind, c.resolution_term_days)
        for c in leaves.select_related("handling_organisation").order_by("pk")
    ]


class Generator:
    def __init__(self, rng, cal: Calendar, plans, handlers, now: dt.datetime, today: dt.date):
        self.rng, self.cal, self.plans, self.now, self.today = rng, cal, plans, now, today
        self.sim = tl.Simulator(rng, cal, now)
        self.staff = {}  # organisation id -> [(user id, label)]
        for user, organisation in handlers:
            label = f"{user.first_name} {user.last_name}".strip()[:100]
            self.staff.setdefault(organisation.pk, []).append((user.pk, label))
        self.kinds = kinds()
        self.kind_weights = [rng.uniform(0.2, 3.0) for _ in self.kinds]
        self.places = [(rng.uniform(51.3, 53.2), rng.uniform(3.8, 6.9)) for _ in plans]
        self.counts = dict.fromkeys(TABLES, 0)
        self.numbers: dict[int, int] = {}
        self.last: dict[tuple[int, int], tuple] = {}

    def receipts(self, total: int, first: dt.date) -> list[tuple[dt.datetime, int]]:
        """(received_at, area index) for `total` reports from `first` to now, in time order."""
        rng, days = self.rng, (self.today - first).days + 1
        dates = [first + dt.timedelta(days=d) for d in range(days)]
        # 5% more reports every year, fewer at weekends.
        weights = [
            1.05 ** (d / 365) * (0.55 if dates[d].weekday() >= 5 else 1.0) for d in range(days)
        ]
        picks = rng.choices(range(days), weights=weights, k=total)
        areas = rng.choices(range(len(self.plans)), [p.weight for p in self.plans], k=total)
        out = []
        for d, a in zip(picks, areas, strict=True):
            moment = at(dates[d], int(rng.triangular(420, 1380, 660)))
            if moment > self.now:
                moment = self.now - dt.timedelta(minutes=rng.randrange(1, 600))
            out.append((moment, a))
        out.sort()
        return out

    def run(self, url: str, total: int, first: dt.date) -> dict[str, int]:
        receipts = self.receipts(total, first)
        kinds = self.rng.choices(self.kinds, self.kind_weights, k=total)
        with copy_streams(url, TABLES) as write:
            self.write = write
            for report_id, ((received, a), kind) in enumerate(zip(receipts, kinds, strict=True), 1):
                self._report(report_id, received, self.plans[a], a, kind)
        return self.counts

    def _next(self, name: str) -> int:
        self.counts[name] += 1
        return self.counts[name]

    def _reference(self, day: dt.date) -> str:
        number = self.numbers.get(day.year, 0) + 1
        self.numbers[day.year] = number
        return f"M-{day.year}-{number:05d}"

    def _report(self, report_id, received, plan, a, kind: Kind) -> None:
        rng = self.rng
        day = received.astimezone(AMSTERDAM).date()
        reference = self._reference(day)
        organisation = plan.handlers[kind.organisation_kind]
        handler_id, handler_label = rng.choice(self.staff[organisation.pk])
        source = rng.choice(SOURCES)
        original = self._original(a, kind, received)
        if original is not None:
            steps = self._merged(received, original)
        else:
            steps = self.sim.lifecycle(received, day, kind.term)
        story = self.sim.story(steps)
        closes = [st.at for st in steps if st.to_status in tl.CLOSED]
        self.last[(a, kind.category_id)] = (
            report_id,
            received,
            closes[0] if closes else None,
            reference,
        )
        pickup_due = self.cal.due(day, 5)
        resolution_due = self.cal.due(day, kind.term)
        anonymised = self._anonymised_at(story)
        merged = story.status == tl.DUPLICATE
        lat, lon = self.places[a]
        self.write["report"](
            (report_id, reference, self._token(), plan.area.pk, rng.choice(plan.quadrants).pk,
             kind.category_id, organisation.pk, f"{rng.choice(STREETS)} {rng.randrange(1, 250)}",
             "", f"{lat + rng.uniform(-0.01, 0.01):.6f}", f"{lon + rng.uniform(-0.01, 0.01):.6f}",
             rng.choice(DESCRIPTIONS), story.status, received, pickup_due, resolution_due,
             story.picked_up_at, handler_id if story.picked_up_at else None, story.closed_at,
             story.public_reason, original[0] if merged else None, source, anonymised)
        )  # fmt: skip
        has_contact = original is None and rng.random() < 0.6
        if has_contact:
            email = "" if anonymised else f"melder{report_id}@voorbeeld.invalid"
            wants = bool(email) and rng.random() < 0.7
            self.write["contact"](
                (self._next("contact"), report_id, "reporter", email, "", wants, received)
            )
        for st in story.steps:
            if st.by_handler:
                self._event(report_id, st, handler_id, handler_label)
            else:
                self._event(report_id, st, None, source)
        if merged:
            note = f"Melding {reference} is hiermee samengevoegd (0 contactpersonen)."
            step = tl.Step(story.steps[-1].at, "merged", internal_note=note)
            self._event(original[0], step, handler_id, handler_label)
        if anonymised:
            note = ANONYMISED_NOTE.format(n=1 if has_contact else 0)
            step = tl.Step(anonymised, "contact_anonymised", internal_note=note)
            self._event(report_id, step, None, "systeem")
        self._breaches(report_id, story, pickup_due, resolution_due)

    def _token(self) -> str:
        return (
            base64.urlsafe_b64encode(self.rng.getrandbits(256).to_bytes(32, "big"))
            .rstrip(b"=")
            .decode()
        )

    def _event(self, report_id, st: tl.Step, actor_id, label) -> None:
        self.write["event"](
            (
                self._next("event"),
                report_id,
                st.at,
                st.kind,
                actor_id,
                label,
                None,
                st.from_status,
                st.to_status,
                st.public_text,
                st.internal_note,
            )
        )

    def _original(self, a: int, kind: Kind, received):
        """An earlier open report about the same thing nearby, for 3% of the reports."""
        if self.rng.random() >= 0.03:
            return None
        found = self.last.get((a, kind.category_id))
        if found is None or received - found[1] > dt.timedelta(days=7):
            return None
        merge_at = received + dt.timedelta(hours=self.rng.randrange(2, 48))
        if found[2] is not None and found[2] <= merge_at:
            return None
        return (*found, merge_at)

    def _merged(self, received, original) -> list[tl.Step]:
        text = (
            f"Deze melding gaat over hetzelfde als melding {original[3]}. We werken verder aan "
            "die melding en houden u daarover op de hoogte."
        )
        return [
            tl.Step(received, "created", "", tl.RECEIVED, by_handler=False),
            tl.Step(
                original[4],
                "merged",
                tl.RECEIVED,
                tl.DUPLICATE,
                text,
                f"Samengevoegd met {original[3]}.",
            ),
        ]

    def _anonymised_at(self, story: tl.Story) -> dt.datetime | None:
        if story.closed_at is None:
            return None
        night = story.closed_at.astimezone(AMSTERDAM).date() + dt.timedelta(days=RETENTION_DAYS + 1)
        moment = at(night, 180)
        return moment if moment <= self.now else None

    def _breaches(self, report_id, story: tl.Story, pickup_due, resolution_due) -> None:
        """What the daily check recorded up to yesterday's run (security.md R3)."""
        last_run = self.today - dt.timedelta(days=1)
        picked = story.picked_up_at.astimezone(AMSTERDAM).date() if story.picked_up_at else None
        closed = story.closed_at.astimezone(AMSTERDAM).date() if story.closed_at else None
        if pickup_due < last_run and (
            (picked is None and closed is None)
            or (picked is not None and picked > pickup_due)
            or (picked is None and closed is not None and closed > pickup_due)
        ):
            reason = self._reason(story, pickup_due, ("late_reason",))
            self._breach(report_id, "pickup", pickup_due, reason)
        if (
            resolution_due < last_run
            and story.status != tl.DUPLICATE
            and (closed is None or closed > resolution_due)
        ):
            reason = self._reason(story, resolution_due, ("late_reason", tl.PLANNED, tl.WAITING))
            self._breach(report_id, "resolution", resolution_due, reason)

    @staticmethod
    def _reason(story: tl.Story, due: dt.date, kinds) -> str:
        end = at(due + dt.timedelta(days=1), 0)
        texts = [
            st.public_text
            for st in story.steps
            if st.at < end and st.public_text and (st.kind in kinds or st.to_status in kinds)
        ]
        return texts[-1] if texts else ""

    def _breach(self, report_id, kind, due_on, reason) -> None:
        recorded = at(due_on + dt.timedelta(days=1), 390)
        self.write["breach"]((self._next("breach"), report_id, kind, due_on, recorded, reason))
