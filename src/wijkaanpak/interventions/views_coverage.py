"""Public pages and downloads of the coverage matrices ("sluitend aanbod")."""

import csv
import io

from django import forms
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from wijkaanpak.programme.selectors import current_programme

from .services.coverage import (
    Scope,
    age_theme_table,
    goal_table,
    programme_age_theme_matrix,
    programme_goal_matrix,
)

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# "Also in preparation" shows every gap too, and what is planned for it.
DEFAULT_SCOPE = Scope.WITH_PREPARATION


class CoverageFilterForm(forms.Form):
    aanbod = forms.ChoiceField(
        label=gettext_lazy("Welke interventies tellen mee?"),
        choices=Scope.choices,
        required=False,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": gettext_lazy(
                "Kies 'Alleen lopende interventies' of 'Ook interventies in voorbereiding'."
            )
        },
    )


def _scope(request) -> tuple[CoverageFilterForm, str]:
    form = CoverageFilterForm(request.GET or {"aanbod": DEFAULT_SCOPE})
    if form.is_valid() and form.cleaned_data["aanbod"]:
        return form, form.cleaned_data["aanbod"]
    return form, DEFAULT_SCOPE


def _page(request, area, template, build):
    programme = current_programme(area)
    form, scope = _scope(request)
    return render(
        request,
        template,
        {
            "area_slug": area,
            "programme": programme,
            "form": form,
            "scope": scope,
            "with_preparation": scope == Scope.WITH_PREPARATION,
            "matrix": build(programme, scope),
            "query": f"?aanbod={scope}",
        },
    )


@require_safe
def coverage_index(request, area):
    current_programme(area)  # 404 for an unknown area, before redirecting
    return redirect("interventions:coverage-goals", area=area)


@require_safe
def coverage_goals(request, area):
    return _page(request, area, "interventions/coverage_goals.html", programme_goal_matrix)


@require_safe
def coverage_ages(request, area):
    return _page(request, area, "interventions/coverage_ages.html", programme_age_theme_matrix)


def _download(request, area, fmt, name, title, build, table):
    programme = current_programme(area)
    _form, scope = _scope(request)
    headers, rows = table(build(programme, scope))
    filename = f"{programme.area.slug}-{programme.edition_year}-sluitend-aanbod-{name}.{fmt}"
    if fmt == "csv":
        response = HttpResponse(_csv(headers, rows), content_type="text/csv; charset=utf-8")
    else:
        explanation = [
            _("Programma: %(title)s, editie %(year)s")
            % {"title": programme.title, "year": programme.edition_year},
            _("Meegeteld: %(scope)s") % {"scope": Scope(scope).label},
            _("Een gat is een cel zonder interventie die nu loopt (of bestendigd is)."),
        ]
        response = HttpResponse(_xlsx(title, headers, rows, explanation), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def coverage_goals_download(request, area, fmt):
    return _download(request, area, fmt, "doelen", _("Doelen"), programme_goal_matrix, goal_table)


@require_safe
def coverage_ages_download(request, area, fmt):
    return _download(
        request,
        area,
        fmt,
        "leeftijd-en-thema",
        _("Leeftijd en thema"),
        programme_age_theme_matrix,
        age_theme_table,
    )


def _csv(headers: list[str], rows: list[list]) -> str:
    # Semicolons and a byte-order mark: Dutch Excel then opens the file in columns, with é intact.
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue()


def _xlsx(title: str, headers: list[str], rows: list[list], explanation: list[str]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap
    sheet.freeze_panes = "B2"
    for column in sheet.columns:
        longest = max(len(str(c.value or "")) for c in column)
        sheet.column_dimensions[column[0].column_letter].width = min(max(longest, 10), 50)
    notes = book.create_sheet(_("Uitleg"))
    for line in explanation:
        notes.append([line])
    notes.column_dimensions["A"].width = 90
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
