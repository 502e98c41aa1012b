"""Cookies and similar technologies: what the organisation stores on or reads from people's
devices (ekomloven § 3-15), one entry per cookie, storage key, pixel, SDK or e-mail tracker.

The fields are kept simple so that a scan of the real website can be compared with them: the
``name`` as the browser shows it, the ``domain`` that sets it, the ``provider`` as a party id.
Whether consent is needed is not written here: :mod:`harmonien_ropa.law.devices` derives it
from the ``purpose`` (strictly necessary ones are exempt).
"""

from __future__ import annotations

from pydantic import Field

from .base import Ref, ShortText, Statement, Text
from .legal import TrackerKind, TrackerPurpose


class Tracker(Statement):
    """One cookie or similar technology, the party behind it and the activity it serves."""

    name: ShortText = Field(
        description="The name as a browser or scanner shows it: the cookie's name (e.g. '_ga'), "
        "the storage key, or the pixel's or SDK's name (e.g. 'Meta Pixel').",
        examples=["_ga"],
    )
    domain: ShortText | None = Field(
        default=None,
        description="The domain that sets or reads it, as a scanner reports it "
        "(e.g. '.harmonien.no', 'facebook.com').",
        examples=[".harmonien.no"],
    )
    kind: TrackerKind = Field(
        default=TrackerKind.COOKIE,
        description="cookie, local_storage, pixel, sdk or email_tracking (open tracking in "
        "e-mails).",
        examples=["pixel"],
    )
    first_party: bool = Field(
        default=True,
        description="True if set under the organisation's own domain (even when a provider's "
        "script sets it), false for a third-party domain.",
        examples=[False],
    )
    provider_id: Ref | None = Field(
        default=None,
        alias="provider",
        description="Id of the party whose technology it is (under 'parties'); leave out for "
        "the organisation's own.",
        examples=["google"],
    )
    purpose: TrackerPurpose = Field(
        description="strictly_necessary (exempt from consent under ekomloven § 3-15 second "
        "paragraph), preferences, statistics or marketing.",
        examples=["statistics"],
    )
    lifetime: ShortText | None = Field(
        default=None,
        description="How long it is kept: 'session', or an ISO 8601 duration such as P13M.",
        examples=["P13M"],
    )
    activity_id: Ref = Field(
        alias="activity",
        description="Id of the activity the information is used for.",
        examples=["web-analytics"],
    )
    description: Text | None = Field(
        default=None,
        description="What it does, in plain words.",
        examples=[{"nb": "Skiller besøkende fra hverandre.", "en": "Tells visitors apart."}],
    )
