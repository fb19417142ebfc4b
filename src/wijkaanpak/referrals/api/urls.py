"""The referrals API: scoped to the referrer's and receiver's organisations."""

urlpatterns: list = []
