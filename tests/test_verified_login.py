import pytest
from django.http import HttpRequest
from django_otp.middleware import OTPMiddleware

pytestmark = pytest.mark.django_db


def test_login_verified_gives_a_session_that_passed_the_second_factor(
    client, django_user_model, login_verified
):
    user = django_user_model.objects.create_user("staff", is_staff=True)
    login_verified(client, user)
    request = HttpRequest()
    request.session = client.session
    request.user = user
    OTPMiddleware(lambda r: None)(request)
    assert request.user.is_verified()
