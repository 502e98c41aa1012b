"""E-mail addresses: strict validation (the ``email-validator`` package, no network) and
``mailto:`` links built only from the validated parts.

A map's addresses end up as links in the public notice and as ``mailto:`` IRIs in the DPV
export. A value such as ``x@org.example?bcc=spy%40evil.example`` would add a hidden recipient
to every message written through such a link, so an address must be a plain ``local@domain``
(no display name, quoted local part, IP literal or URL query), and the link is made from the
parsed local part (percent-encoded, RFC 6068) and the domain in its ASCII (IDNA) form.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote

from email_validator import EmailNotValidError, ValidatedEmail, validate_email

#: Characters RFC 6068 lets stand unencoded in the local part of a ``mailto:`` address
#: (unreserved and "some-delims" less ``'``, which some HTML and Markdown consumers mishandle).
_MAILTO_SAFE = "!$()*+,;:-._~"


class InvalidEmail(ValueError):
    """``value`` is not a plain e-mail address; ``reason`` says why."""

    def __init__(self, value: str, reason: str) -> None:
        self.value = value
        self.reason = reason
        super().__init__(reason)


@lru_cache(maxsize=4096)
def parse(value: str) -> ValidatedEmail:
    """The parts of ``value``, or :class:`InvalidEmail`. Syntax only: no DNS look-up."""
    try:
        return validate_email(
            value,
            check_deliverability=False,
            allow_display_name=False,
            allow_quoted_local=False,
            allow_domain_literal=False,
            allow_empty_local=False,
            globally_deliverable=True,
        )
    except EmailNotValidError as exc:
        raise InvalidEmail(value, str(exc)) from None


def mailto(value: str) -> str:
    """A ``mailto:`` URI for the address ``value``, built from its validated parts only."""
    parts = parse(value)
    return f"mailto:{quote(parts.local_part, safe=_MAILTO_SAFE)}@{parts.ascii_domain}"
