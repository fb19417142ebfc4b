"""Staff work on measurements: enter one, correct one, import a file. Rules live in services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wijkaanpak.areas.access import area_staff_only

from ..forms import CorrectionForm, ImportForm, MeasurementForm, apply_service_errors
from ..models import Measurement
from ..selectors import current_programme
from ..services.imports import COLUMNS, ImportRejected, import_measurements, template_csv
from ..services.imports import summary_message as import_summary_message
from ..services.measurements import Outcome, correct_measurement, save_measurement
from ..services.parsing import plain_number

ADD = "programme.add_measurement"
CHANGE = "programme.change_measurement"
SHOWN_ERRORS = 200


def _may_correct(user) -> bool:
    return user.has_perm(CHANGE)


@login_required
@permission_required(ADD, raise_exception=True)
@area_staff_only
@require_http_methods(["GET", "POST"])
def measurement_add(request, area):
    programme = current_programme(area)
    form = MeasurementForm(request.POST if request.method == "POST" else None, programme=programme)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            measurement, outcome = save_measurement(
                data["indicator"],
                value=data["value"],
                period_start=data["period_start"],
                period_end=data["period_end"],
                scope=data["scope"],
                source=data["source"],
                note=data["note"],
                entered_by=request.user,
                allow_correction=_may_correct(request.user),
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _outcome_message(measurement, outcome))
            return redirect("programme:measurement-add", area=area)
    recent = list(
        Measurement.objects.current()
        .filter(indicator__programme=programme)
        .select_related("indicator")
        .order_by("-entered_at", "-pk")[:10]
    )
    for m in recent:
        m.display_value = plain_number(m.value)
    return render(
        request,
        "programme/staff/measurement_form.html",
        {
            "area_slug": area,
            "programme": programme,
            "form": form,
            "recent": recent,
            "may_correct": _may_correct(request.user),
        },
    )


def _outcome_message(measurement: Measurement, outcome: Outcome) -> str:
    names = {"name": measurement.indicator.name, "value": plain_number(measurement.value)}
    if outcome == Outcome.UNCHANGED:
        return (
            _("Deze meting stond er al precies zo: %(name)s, %(value)s. Er is niets veranderd.")
            % names
        )
    if outcome == Outcome.CORRECTED:
        names["old"] = plain_number(measurement.supersedes.value)
        return (
            _(
                "Er stond al een meting voor deze periode. %(name)s is gecorrigeerd van "
                "%(old)s naar %(value)s. De oude waarde blijft bewaard."
            )
            % names
        )
    return _("De meting is opgeslagen: %(name)s, %(value)s.") % names


@login_required
@permission_required((ADD, CHANGE), raise_exception=True)
@area_staff_only
@require_http_methods(["GET", "POST"])
def measurement_correct(request, area, pk):
    programme = current_programme(area)
    measurement = get_object_or_404(
        Measurement.objects.select_related("indicator", "entered_by"),
        pk=pk,
        indicator__programme=programme,
    )
    newest = None
    if measurement.superseded_at is not None:
        newest = (
            Measurement.objects.current()
            .of_series(measurement.indicator)
            .filter(scope=measurement.scope, period_end=measurement.period_end)
            .first()
        )
    initial = {
        "value": plain_number(measurement.value),
        "period_start": measurement.period_start,
        "source": measurement.source,
    }
    form = CorrectionForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            corrected = correct_measurement(
                measurement,
                value=data["value"],
                period_start=data["period_start"],
                source=data["source"],
                note=data["note"],
                entered_by=request.user,
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(
                request,
                _(
                    "De meting is gecorrigeerd van %(old)s naar %(new)s. "
                    "De oude waarde blijft bewaard."
                )
                % {"old": plain_number(measurement.value), "new": plain_number(corrected.value)},
            )
            return redirect("programme:measurement-add", area=area)
    return render(
        request,
        "programme/staff/measurement_correct.html",
        {
            "area_slug": area,
            "programme": programme,
            "measurement": measurement,
            "newest": newest,
            "form": form,
        },
    )


@login_required
@permission_required(ADD, raise_exception=True)
@area_staff_only
@require_http_methods(["GET", "POST"])
def measurement_import(request, area):
    programme = current_programme(area)
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            summary = import_measurements(
                programme,
                form.cleaned_data["file"],
                entered_by=request.user,
                allow_correction=_may_correct(request.user),
            )
        except ImportRejected as exc:
            errors = exc.errors
        else:
            messages.success(request, import_summary_message(summary))
            return redirect("programme:measurement-import", area=area)
    indicators = programme.indicators.select_related("line").order_by(
        "line__number", "position", "name"
    )
    return render(
        request,
        "programme/staff/measurement_import.html",
        {
            "area_slug": area,
            "programme": programme,
            "form": form,
            "columns": [(name, required, help) for name, (required, help) in COLUMNS.items()],
            "indicators": indicators,
            "row_errors": errors[:SHOWN_ERRORS],
            "error_count": len(errors),
            "hidden_error_count": max(len(errors) - SHOWN_ERRORS, 0),
        },
    )


@login_required
@permission_required(ADD, raise_exception=True)
@area_staff_only
@require_http_methods(["GET"])
def measurement_import_template(request, area):
    programme = current_programme(area)
    response = HttpResponse(template_csv(programme), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="metingen-voorbeeld.csv"'
    return response
