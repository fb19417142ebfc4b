import pytest

from wijkaanpak.reports.checks import report_form_rate_is_valid


@pytest.mark.parametrize(("rate", "errors"), [("20/hour", 0), ("5/m", 0), ("veel", 1), ("", 1)])
def test_a_wrong_form_rate_stops_the_start(settings, rate, errors):
    settings.REPORT_FORM_RATE = rate
    assert len(report_form_rate_is_valid(None)) == errors
