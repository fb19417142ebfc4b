"""One report's life as the services would write it: the steps, then its state at `now`.

The mix (per report, seeded): 3% merged into an earlier report as duplicates, 3% cancelled
before pickup; the rest picked up, 90% within the five working days, 10% later (40% of
those with a late reason given before the deadline); a quarter planned, some waiting for
a third party; 12% resolved after the category's term; 0.4% never closed; 1.5% of the
resolved ones reopened and resolved again. Steps after `now` have not happened yet.
"""

import datetime as dt
import random
from dataclasses import dataclass, field

from .calendar import Calendar, at

RECEIVED, PICKED_UP, PLANNED, WAITING = (
    "received",
    "picked_up",
    "planned",
    "waiting_for_third_party",
)
RESOLVED, CANCELLED, REOPENED, DUPLICATE = "resolved", "cancelled", "reopened", "duplicate"
CLOSED = frozenset({RESOLVED, CANCELLED, DUPLICATE})

_PICKUP_OFFSETS = [0, 1, 2, 3, 4, 5]
_PICKUP_WEIGHTS = [22, 26, 16, 11, 8, 7]  # of 90: the on-time pickups
RESOLVE_TEXTS = [
    "Opgeruimd.",
    "Gerepareerd door de buitendienst.",
    "Het afval is opgehaald en de plek is schoongemaakt.",
    "De lamp is vervangen.",
    "De eigenaar heeft het probleem verholpen.",
    "We hebben het gecontroleerd en opgelost.",
]
CANCEL_TEXTS = [
    "Dit is geen openbare ruimte; de eigenaar is verantwoordelijk.",
    "We konden het probleem niet vinden op de opgegeven plek.",
    "Dit valt buiten ons werkgebied; we hebben u doorverwezen.",
]
LATE_TEXTS = [
    "Door drukte pakken we uw melding een paar dagen later op.",
    "We wachten op materiaal; we komen volgende week.",
    "De buitendienst is deze week elders ingezet.",
]
PLAN_TEXTS = ["We komen binnen twee weken langs.", "", "Ingepland voor de volgende ronde."]
NOTES = ["Gebeld met de melder.", "Foto's bekeken.", "Overlegd met de wijkbeheerder."]


@dataclass(slots=True)
class Step:
    at: dt.datetime
    kind: str
    from_status: str = ""
    to_status: str = ""
    public_text: str = ""
    internal_note: str = ""
    by_handler: bool = True


@dataclass(slots=True)
class Story:
    steps: list[Step]
    status: str = RECEIVED
    picked_up_at: dt.datetime | None = None
    closed_at: dt.datetime | None = None
    public_reason: str = ""
    all_steps: list[Step] = field(default_factory=list)


class Simulator:
    def __init__(self, rng: random.Random, cal: Calendar, now: dt.datetime):
        self.rng = rng
        self.cal = cal
        self.now = now

    def _work(self, index: int, after: dt.datetime) -> dt.datetime:
        """A moment in office hours on working day `index`, always after `after`."""
        moment = at(self.cal.day(index), self.rng.randrange(510, 1020))
        if moment <= after:
            moment = after + dt.timedelta(minutes=self.rng.randrange(20, 180))
        return moment

    def lifecycle(self, received: dt.datetime, day: dt.date, term: int) -> list[Step]:
        rng, s = self.rng, self.cal.start(day)
        steps = [Step(received, "created", "", RECEIVED, by_handler=False)]
        if rng.random() < 0.03:
            moment = self._work(s + rng.randrange(0, 5), received)
            text = rng.choice(CANCEL_TEXTS)
            steps.append(Step(moment, "status_changed", RECEIVED, CANCELLED, text))
            return steps
        if rng.random() < 0.9:
            # A short resolution term (3 days) means an earlier pickup.
            k = min(rng.choices(_PICKUP_OFFSETS, _PICKUP_WEIGHTS)[0], term)
        else:
            k = 5 + rng.randrange(1, 16)
            if rng.random() < 0.4:
                moment = self._work(s + rng.randrange(2, 6), received)
                steps.append(Step(moment, "late_reason", public_text=rng.choice(LATE_TEXTS)))
        steps.append(Step(self._work(s + k, steps[-1].at), "status_changed", RECEIVED, PICKED_UP))
        status = PICKED_UP
        roll = rng.random()
        if roll < 0.25 or roll > 0.92:
            to = PLANNED if roll < 0.25 else WAITING
            moment = self._work(s + k + 1, steps[-1].at)
            steps.append(Step(moment, "status_changed", status, to, rng.choice(PLAN_TEXTS)))
            status = to
        if rng.random() < 0.1:
            moment = self._work(s + k + 1, steps[-1].at)
            steps.append(Step(moment, "note", internal_note=rng.choice(NOTES)))
        if rng.random() < 0.004:
            return steps  # never closed: the long tail of the queue
        if rng.random() < 0.12:
            r = term + rng.randrange(1, max(3, term) * 2)
        else:
            r = rng.randint(k, max(k, term))
        closing = RESOLVED if rng.random() < 0.95 else CANCELLED
        text = rng.choice(RESOLVE_TEXTS if closing == RESOLVED else CANCEL_TEXTS)
        steps.append(Step(self._work(s + r, steps[-1].at), "status_changed", status, closing, text))
        if closing == RESOLVED and rng.random() < 0.015:
            back = steps[-1].at + dt.timedelta(days=rng.randrange(1, 10), hours=rng.randrange(24))
            steps.append(
                Step(back, "status_changed", RESOLVED, REOPENED, "Het is nog niet opgelost.")
            )
            index = self.cal.start(back.date()) + rng.randrange(1, 8)
            again = self._work(index, back)
            steps.append(
                Step(again, "status_changed", REOPENED, RESOLVED, rng.choice(RESOLVE_TEXTS))
            )
        return steps

    def story(self, steps: list[Step]) -> Story:
        """The report's fields at `now`, as the services would have left them."""
        story = Story([st for st in steps if st.at <= self.now], all_steps=steps)
        for st in story.steps:
            if st.kind == "late_reason":
                story.public_reason = st.public_text
            elif st.to_status and st.kind != "created":
                if st.to_status == PICKED_UP and story.picked_up_at is None:
                    story.picked_up_at = st.at
                if st.public_text or st.to_status in CLOSED or st.to_status == REOPENED:
                    story.public_reason = st.public_text
                story.status = st.to_status
                story.closed_at = st.at if st.to_status in CLOSED else None
        return story
