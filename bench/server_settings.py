"""Production settings for runs on loopback (bench, fuzzing, the kill test).

Everything is production (DEBUG off, ATOMIC_REQUESTS, manifest static files, OTP) except the
rate limits: a load generator is one client address sending thousands of requests, which the
per-address limits are there to stop. Plain HTTP works because SECURE_SSL_REDIRECT is set
off in the environment (bench/servers.py), as behind a TLS-terminating proxy.
"""

from wijkaanpak.conf.production import *  # noqa: F403

REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": []}  # noqa: F405
OPEN311_POST_RATE = "1000000/hour"
REPORT_FORM_RATE = "1000000/hour"
