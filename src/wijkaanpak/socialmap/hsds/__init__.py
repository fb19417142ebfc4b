"""Open Referral HSDS 3 view of the social map: serialisation shared by the export and the API.

The mapping from our models to HSDS objects is documented in docs/hsds.md. The HSDS JSON
schemas the tests validate against are in `schemas/` (CC BY-SA 4.0, Open Referral).
"""
