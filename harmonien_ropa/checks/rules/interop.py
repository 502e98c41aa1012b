"""ROPA8xx: interoperability: the ``dpv:`` and ``fideslang:`` keys name terms that exist."""

from __future__ import annotations

from collections.abc import Iterator

from ...core.diagnostics import Severity
from ...interop.vocabulary import did_you_mean, dpv_term, fideslang
from ...interop.vocabulary import dpv as dpv_vocabulary
from ..rule import Context, Hit, Loc, Rule, describe

#: Which fideslang kind the ``fideslang:`` key of each part of the map names.
_FIDESLANG_KINDS = {
    "data_categories": "data_category",
    "data_subjects": "data_subject",
    "activities": "data_use",
}


def _keyed(ctx: Context, key: str) -> Iterator[tuple[Loc, str, str]]:
    """(location, part of the map, value) of every ``key`` set on a category, subject or activity."""
    for part, entries in (
        ("data_categories", ctx.data_categories()),
        ("data_subjects", ctx.data_subjects()),
        ("activities", ctx.activities()),
    ):
        for loc, entry in entries:
            value = getattr(entry, key)
            if value is not None:
                yield loc, part, value


class DpvTermUnknown(Rule):
    """A ``dpv:`` key must name a term that W3C DPV defines, spelt as DPV spells it.

    Tools that read the DPV export look terms up in the published vocabulary; a term it does
    not define (``pd:Behavioral`` where DPV writes ``pd:Behavioural``, ``pd:PurchaseHistory``
    where it has ``pd:Purchase``) means nothing to them. The terms are checked against the
    list of DPV 2.3's ``dpv:``, ``pd:``, ``eu-gdpr:`` and ``loc:`` terms shipped with the
    package; the finding suggests the same term in DPV's spelling, the existing concept for it
    or its closest broader concept. Until it is corrected, the export uses that concept or
    leaves the term out, and says so. A full IRI outside DPV's namespaces is not checked.

    Failing::

        data_categories:
          - id: email
            name: {nb: e-postadresse, en: e-mail address}
            dpv: pd:EmailAdress

    Passing::

        data_categories:
          - id: email
            name: {nb: e-postadresse, en: e-mail address}
            dpv: pd:EmailAddress
    """

    code = "ROPA801"
    name = "dpv-term-unknown"
    severity = Severity.WARNING
    law = "GDPR Art. 30(1), 5(2); W3C Data Privacy Vocabulary (DPV) 2.3"
    message = "{owner}: '{term}' is not a term of {vocabulary}{hint}"
    fix = "use a term DPV defines (https://w3id.org/dpv), e.g. the one suggested, or remove 'dpv:'"

    def check(self, ctx: Context) -> Iterator[Hit]:
        vocabulary = dpv_vocabulary()
        for loc, _, value in _keyed(ctx, "dpv"):
            term = dpv_term(value)
            if term is None or term in vocabulary:
                continue
            yield self.hit(
                (*loc, "dpv"),
                key=False,
                owner=describe(ctx.datamap, loc),
                term=value,
                vocabulary=vocabulary.name,
                hint=did_you_mean(vocabulary.suggest(term)),
            )


#: Part of the map → (the DPV concept its ``dpv:`` terms are kinds of, what that is in words).
_DPV_ROOTS = {
    "data_categories": (("dpv:PersonalData",), "personal data"),
    "data_subjects": (("dpv:DataSubject", "dpv:HumanSubject"), "data subject"),
    "activities": (("dpv:Purpose",), "purpose"),
}


class DpvTermWrongKind(Rule):
    """A ``dpv:`` key must name the right kind of DPV concept for where it stands.

    A data category is typed with a kind of personal data (``pd:EmailAddress``, under
    ``dpv:PersonalData``), a data subject with a kind of data subject (``dpv:Customer``, under
    ``dpv:HumanSubject``) and an activity with a purpose (``dpv:DirectMarketing``, under
    ``dpv:Purpose``). A term of another kind exists but says something else in the export: a
    category typed as a purpose is no personal data to a tool that reads it.

    Failing::

        data_categories:
          - id: email
            name: {nb: e-postadresse, en: e-mail address}
            dpv: dpv:DirectMarketing

    Passing::

        data_categories:
          - id: email
            name: {nb: e-postadresse, en: e-mail address}
            dpv: pd:EmailAddress
    """

    code = "ROPA803"
    name = "dpv-term-wrong-kind"
    severity = Severity.WARNING
    law = "GDPR Art. 30(1), 5(2); W3C Data Privacy Vocabulary (DPV) 2.3"
    message = "{owner}: '{term}' is a DPV term, but not a kind of {kind} ({root})"
    fix = "use a narrower concept of the one named, e.g. from https://w3id.org/dpv"

    def check(self, ctx: Context) -> Iterator[Hit]:
        vocabulary = dpv_vocabulary()
        for loc, part, value in _keyed(ctx, "dpv"):
            term = dpv_term(value)
            if term is None or term not in vocabulary:
                continue
            roots, kind = _DPV_ROOTS[part]
            if term in roots or any(a in roots for a in vocabulary.ancestors(term)):
                continue
            yield self.hit(
                (*loc, "dpv"),
                key=False,
                owner=describe(ctx.datamap, loc),
                term=value,
                kind=kind,
                root=roots[-1],
            )


class FideslangKeyUnknown(Rule):
    """A ``fideslang:`` key must be a current key of fideslang's taxonomy, of the right kind.

    A data category takes a data category key (``user.contact.email``), a data subject a data
    subject key (``customer``) and an activity a data use (``marketing.communications.email``).
    Fides refuses a manifest with a key its taxonomy does not have; a deprecated key still
    loads but has a successor. The keys are checked against the fideslang taxonomy shipped with
    the package; the finding suggests the current name, the same key in fideslang's spelling or
    the closest broader key, which the Fides export uses until the key is corrected.

    Failing::

        data_categories:
          - id: email
            name: {nb: e-postadresse, en: e-mail address}
            fideslang: user.contact.e_mail

    Passing::

        data_categories:
          - id: email
            name: {nb: e-postadresse, en: e-mail address}
            fideslang: user.contact.email
    """

    code = "ROPA802"
    name = "fideslang-key-unknown"
    severity = Severity.WARNING
    law = "GDPR Art. 30(1), 5(2); fideslang taxonomy (Fides)"
    message = "{owner}: '{value}' is not a current fideslang {kind} key{hint}"
    fix = "use a key of fideslang's taxonomy (https://ethyca.github.io/fideslang/), e.g. the one suggested"

    def check(self, ctx: Context) -> Iterator[Hit]:
        taxonomy = fideslang()
        for loc, part, value in _keyed(ctx, "fideslang"):
            kind = _FIDESLANG_KINDS[part]
            if taxonomy.known(kind, value):
                continue
            other = [k for k in _FIDESLANG_KINDS.values() if k != kind and taxonomy.known(k, value)]
            hint = f" (it is a {other[0].replace('_', ' ')} key)" if other else ""
            yield self.hit(
                (*loc, "fideslang"),
                key=False,
                owner=describe(ctx.datamap, loc),
                value=value,
                kind=kind.replace("_", " "),
                hint=hint + did_you_mean(taxonomy.suggest(kind, value)),
            )


RULES: tuple[type[Rule], ...] = (DpvTermUnknown, DpvTermWrongKind, FideslangKeyUnknown)
