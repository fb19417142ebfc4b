"""Staff pages of warm referrals: the list and inbox, the referral form, one referral."""

from .detail import referral_detail, referral_step
from .pages import referral_list, referral_new

__all__ = ["referral_detail", "referral_list", "referral_new", "referral_step"]
