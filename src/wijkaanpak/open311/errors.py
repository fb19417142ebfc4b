"""Errors in the form GeoReport v2 defines: an HTTP status and a list of (code, description)."""


class Open311Error(Exception):
    """Refuses a request; the view renders it as the spec's errors list in the asked format.

    The spec's rule: 404 for what does not exist, 403 for a missing or wrong api_key, 400 for
    any other request that cannot be fulfilled. Several descriptions may be returned at once.
    """

    def __init__(self, status: int, *descriptions: str, headers: dict | None = None):
        super().__init__("; ".join(descriptions))
        self.status = status
        self.descriptions = list(descriptions)
        self.headers = headers or {}

    def as_payload(self) -> list[dict]:
        return [{"code": self.status, "description": text} for text in self.descriptions]
