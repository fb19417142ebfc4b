"""Workbook sheets for what issue 4 added: status history, money, reach, evaluations, stories."""

from django.utils.translation import gettext as _

from wijkaanpak.interventions.models import (
    AgeBand,
    Evaluation,
    EvidenceLevel,
    Intervention,
    SpendingEntry,
    Theme,
)
from wijkaanpak.programme.models import Programme

from .columns import Column, col, euro, label, with_header


def _theme_labels(row: dict) -> str:
    labels = []
    for code in row.get("themes") or []:
        try:
            labels.append(str(Theme(code).label))
        except ValueError:
            labels.append(code)
    return ", ".join(labels)


def programme_columns() -> list[Column]:
    return [
        with_header(_("Status van de editie"), label(Programme.State, "state")),
        col(_("Vastgesteld op"), "adopted_at"),
        col(_("Vastgesteld door"), "adopted_by"),
        col(_("Vorige editie"), "previous_edition"),
        col(_("Wat er verandert en waarom"), "change_rationale"),
    ]


def intervention_columns() -> list[Column]:
    return [
        Column(_("Thema's"), _theme_labels),
        col(_("Trekker"), "lead_partner"),
        col(_("Start"), "starts_on"),
        col(_("Einde"), "ends_on"),
        col(_("Hoe vaak"), "recurrence"),
        col(_("Geplande plaatsen"), "planned_capacity"),
        euro(_("Budget (euro)"), "budget_cents"),
        with_header(_("Bewijskracht"), label(EvidenceLevel, "evidence_level")),
        col(_("Databank en vindplaats"), "databank_reference"),
        col(_("Zelfde interventie in de vorige editie"), "previous"),
    ]


def record_sheets(data: dict) -> list[tuple[str, list[Column], list[dict]]]:
    def per_intervention(key: str) -> list[dict]:
        return [
            {**item, "intervention": i["slug"], "intervention_name": i["name"]}
            for i in data["interventions"]
            for item in i.get(key) or []
        ]

    intervention_cols = [
        col(_("Interventie"), "intervention"),
        col(_("Naam interventie"), "intervention_name"),
    ]
    return [
        (
            _("Statuswijzigingen"),
            [
                *intervention_cols,
                with_header(_("Van"), label(Intervention.Status, "from_status")),
                with_header(_("Naar"), label(Intervention.Status, "to_status")),
                col(_("Datum"), "changed_on"),
                col(_("Reden"), "reason"),
                col(_("Door"), "changed_by"),
                col(_("Vastgelegd op"), "recorded_at"),
            ],
            per_intervention("status_changes"),
        ),
        (
            _("Boekingen"),
            [
                *intervention_cols,
                col(_("Boeking"), "id"),
                with_header(_("Soort"), label(SpendingEntry.Kind, "kind")),
                euro(_("Bedrag (euro)"), "amount_cents"),
                col(_("Datum"), "on"),
                col(_("Toelichting"), "note"),
                col(_("Ingevoerd door"), "entered_by"),
                col(_("Ingevoerd op"), "entered_at"),
            ],
            per_intervention("spending"),
        ),
        (
            _("Bereik"),
            [
                *intervention_cols,
                col(_("Begin periode"), "period_start"),
                col(_("Einde periode"), "period_end"),
                with_header(_("Leeftijd"), label(AgeBand, "age_band")),
                col(_("Buurt"), "neighbourhood"),
                col(_("Deelnemers"), "participants"),
                col(_("Activiteiten"), "activities_held"),
                col(_("Bron"), "source"),
                col(_("Ingevoerd door"), "entered_by"),
                col(_("Ingevoerd op"), "entered_at"),
            ],
            per_intervention("reach"),
        ),
        (
            _("Evaluaties"),
            [
                *intervention_cols,
                col(_("Datum"), "evaluated_on"),
                col(_("Methode"), "method"),
                col(_("Wie evalueerde"), "evaluator"),
                col(_("Bevindingen"), "findings"),
                with_header(_("Oordeel"), label(Evaluation.Judgement, "judgement")),
                with_header(_("Bewijskracht"), label(EvidenceLevel, "evidence_level")),
                col(_("Databank en vindplaats"), "databank_reference"),
                col(_("Ingevoerd door"), "entered_by"),
                col(_("Ingevoerd op"), "entered_at"),
            ],
            per_intervention("evaluations"),
        ),
        (
            _("Lijnbudgetten"),
            [
                col(_("Lijn"), "line"),
                col(_("Jaar"), "year"),
                euro(_("Budget (euro)"), "amount_cents"),
                col(_("Toelichting"), "note"),
            ],
            [
                {**budget, "line": line["slug"]}
                for line in data["lines"]
                for budget in line.get("budgets") or []
            ],
        ),
        (
            _("Verhaal achter de curve"),
            [
                col(_("Indicator"), "indicator"),
                col(_("Naam indicator"), "indicator_name"),
                col(_("Het verhaal achter de curve"), "story_behind_the_curve"),
                col(_("Partners die kunnen helpen"), "partners"),
                col(_("Wat werkt"), "what_works"),
                col(_("Actieplan"), "action_plan"),
                col(_("Bijgewerkt door"), "updated_by"),
                col(_("Bijgewerkt op"), "updated_at"),
            ],
            [
                {**ind["story"], "indicator": ind["slug"], "indicator_name": ind["name"]}
                for ind in data["indicators"]
                if ind.get("story")
            ],
        ),
    ]
