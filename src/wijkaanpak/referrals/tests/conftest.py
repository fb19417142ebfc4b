"""A small world for referral tests: a school refers to Buurtgezinnen, run by a welfare partner;
a third organisation and other roles must see nothing of it.
"""

from types import SimpleNamespace

import pytest

from wijkaanpak.accounts import roles

from . import factories as f


@pytest.fixture
def world(westwijk):
    f.sync_roles()
    area = westwijk.area
    school = f.organisation("ikc-de-wereldwijzer", "IKC De Wereldwijzer", area)
    welfare = f.organisation("minters", "Minters", area)
    other = f.organisation("stroomopwaarts", "Stroomopwaarts", area)
    buurtgezinnen = f.offer(area, welfare)
    return SimpleNamespace(
        area=area,
        school=school,
        welfare=welfare,
        other=other,
        offer=buurtgezinnen,
        specialist=f.staff("gezinsspecialist", roles.REFERRER, school),
        receiver=f.staff("ontvanger", roles.REFERRAL_RECEIVER, welfare),
        other_receiver=f.staff("andere-ontvanger", roles.REFERRAL_RECEIVER, other),
        other_referrer=f.staff("andere-verwijzer", roles.REFERRER, other),
        coordinator=f.staff("coordinator", roles.COORDINATOR, school),
    )
