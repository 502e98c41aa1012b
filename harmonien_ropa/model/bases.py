"""Legal bases of an activity: one for the whole activity, or several, each for a part.

An activity states its Art. 6(1) basis either in the single form (``legal_basis:`` with
``legal_source``, ``legitimate_interest``, ``balancing_test`` and ``consent`` beside it) or as a
list ``legal_bases:``, each entry with the part of the processing it ``covers`` (employment:
the contract for pay, a legal obligation for tax reporting). :class:`Basis` is the one view of
either form that the law layer, the outputs and the checker read (``Activity.bases``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import Field

from .base import ShortText, Statement, Text
from .legal import ConsentMechanism, LegalBasis

Loc = tuple[str | int, ...]


class Consent(Statement):
    """How consent is obtained, where the proof of it is kept and how it is withdrawn."""

    mechanism: ConsentMechanism | None = Field(
        default=None,
        description="How consent is asked for: opt_in_form, double_opt_in (confirmed by a "
        "link sent to the address), checkbox (unticked), consent_banner, signed_form; "
        "pre_ticked, bundled (tied to accepting terms) and by_use ('by using our services you "
        "accept') give no valid consent (GDPR Art. 4(11), 7(2), 7(4), recital 32).",
        examples=["double_opt_in"],
    )
    records: Text | None = Field(
        default=None,
        description="Where the records of consent are kept (who consented, when, to what, "
        "how), so that consent can be demonstrated (GDPR Art. 7(1)).",
        examples=[
            {
                "nb": "Påmeldingslogg i nyhetsbrevverktøyet.",
                "en": "Sign-up log in the newsletter tool.",
            }
        ],
    )
    withdrawal: Text | None = Field(
        default=None,
        description="How people withdraw consent, as easily as they gave it (GDPR Art. 7(3)); "
        "the activity's 'consent_withdrawal' is used when this is left out.",
        examples=[
            {"nb": "Lenken nederst i hver e-post.", "en": "The link at the bottom of every e-mail."}
        ],
    )
    age_check: Text | None = Field(
        default=None,
        description="For online services offered to people who may be children: how age is "
        "checked or a parent's consent obtained below 13 years (personopplysningsloven § 5, "
        "GDPR Art. 8).",
        examples=[
            {"nb": "Under 13 år melder en forelder på.", "en": "Below 13, a parent signs up."}
        ],
    )


class BasisPart(Statement):
    """One Art. 6(1) basis of an activity and the part of the processing it covers."""

    basis: LegalBasis
    covers: Text | None = Field(
        default=None,
        description="The part of the activity's processing this basis covers, e.g. "
        "'paying salaries' or 'reporting to the tax authorities'.",
        examples=[
            {"nb": "rapportering til Skatteetaten", "en": "reporting to the tax authorities"}
        ],
    )
    law: ShortText | None = Field(
        default=None,
        description="The law behind a legal_obligation or public_task basis, "
        "e.g. 'skatteforvaltningsloven § 7-2'.",
        examples=["skatteforvaltningsloven § 7-2"],
    )
    legitimate_interest: Text | None = Field(
        default=None,
        description="For legitimate_interests: the interest pursued and why it is not "
        "overridden by the person's interests (balancing).",
    )
    balancing_test: ShortText | None = Field(
        default=None, description="Reference to the legitimate-interests assessment."
    )
    consent: Consent | None = Field(
        default=None,
        description="For consent: how it is obtained, recorded and withdrawn.",
        examples=[
            {"mechanism": "checkbox", "records": {"nb": "I registeret.", "en": "In the register."}}
        ],
    )


#: The field names of a basis, in the single form (on the activity) and in a ``legal_bases``
#: entry, keyed by what they hold.
SINGLE_FIELDS = {
    "basis": "legal_basis",
    "law": "legal_source",
    "legitimate_interest": "legitimate_interest",
    "balancing_test": "balancing_test",
    "consent": "consent",
}
PART_FIELDS = {name: name for name in (*SINGLE_FIELDS, "covers")}


@dataclass(frozen=True, slots=True)
class Basis:
    """One legal basis of an activity, whichever form the map uses.

    ``owner`` is the entry holding the fields (the activity in the single form, the
    ``legal_bases`` entry otherwise) and ``loc`` its place relative to the activity (``()`` or
    ``("legal_bases", i)``); :meth:`field` names a field as the YAML writes it there, so that a
    finding or an assumption points at the right line.
    """

    basis: LegalBasis | None
    covers: Text | None
    law: str | None
    legitimate_interest: Text | None
    balancing_test: str | None
    consent: Consent | None
    withdrawal: Text | None
    owner: Statement = field(repr=False, compare=False)
    loc: Loc

    def field(self, name: str) -> str:
        """The YAML name of ``name`` (``basis``, ``law``, …) on :attr:`owner`."""
        return (PART_FIELDS if self.loc else SINGLE_FIELDS).get(name, name)

    def at(self, name: str) -> Loc:
        """The location of field ``name`` relative to the activity."""
        return (*self.loc, self.field(name))

    def is_assumed(self, name: str) -> bool:
        return self.owner.is_assumed(self.field(name))

    @property
    def is_part(self) -> bool:
        """True for an entry of ``legal_bases`` (one of several, or one with its part named)."""
        return bool(self.loc)
