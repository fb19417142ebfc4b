"""A region's parent follows from its code."""

import pytest

from wijkaanpak.cbs.regions import parent_code


@pytest.mark.parametrize(
    "code, parent",
    [
        ("NL00", None),
        ("GM0622", "NL00"),
        ("WK062203", "GM0622"),
        ("BU06220301", "WK062203"),
        ("WK0363AB", "GM0363"),
        ("BU0363AB01", "WK0363AB"),
    ],
)
def test_parent_code(code, parent):
    assert parent_code(code) == parent
