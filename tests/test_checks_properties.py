"""Properties of the checker over generated variations of the reference map."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from harmonien_ropa.checks import RULES, CheckConfig, check
from harmonien_ropa.checks.examples import example_text
from harmonien_ropa.checks.rules.governance import dpia_reasons
from harmonien_ropa.model import DpiaStatus, LegalBasis, MarketingChannel
from harmonien_ropa.source.loading import loads_with_positions

_ACTIVITY = st.fixed_dictionaries(
    {
        "legal_basis": st.sampled_from([None, *(b.value for b in LegalBasis)]),
        "marketing": st.lists(st.sampled_from([c.value for c in MarketingChannel]), unique=True),
        "profiling": st.booleans(),
        "combines_datasets": st.booleans(),
        "large_scale": st.booleans(),
        "automated_decisions": st.booleans(),
        "existing_customer_exception": st.booleans(),
        "dpia": st.one_of(
            st.none(), st.builds(lambda s: {"status": s}, st.sampled_from(list(DpiaStatus)))
        ),
        "data_categories": st.sampled_from([["name", "email"], ["name", "email", "health"]]),
        "sources": st.sampled_from(
            [[{"kind": "data_subject"}], [{"kind": "third_party"}], []],
        ),
    }
)


def _overlay(activity: dict[str, Any]) -> str:
    data = {
        "data_categories": [
            {"id": "health", "name": {"nb": "helse", "en": "health"}, "special_category": True}
        ],
        "activities": [{"id": "membership", **activity}],
    }
    if activity["dpia"] is not None:
        data["activities"][0]["dpia"] = {"status": str(activity["dpia"]["status"])}
    return yaml.safe_dump(data, sort_keys=False)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_ACTIVITY, st.sets(st.sampled_from(sorted(RULES)), min_size=1, max_size=8))
def test_findings_are_well_placed_consistent_and_selectable(
    activity: dict[str, Any], chosen: set[str]
) -> None:
    text = example_text(_overlay(activity))
    loaded = loads_with_positions(text, "generated.yaml")
    full = check(loaded, CheckConfig(fail_on="never"))
    lines = text.splitlines()
    for finding in full.findings:
        assert 1 <= finding.line <= len(lines)
        assert 1 <= finding.column <= len(lines[finding.line - 1]) + 1
        assert finding.code in RULES
    # running a selection gives exactly those rules' findings of the full run
    subset = check(loaded, CheckConfig(select=tuple(sorted(chosen))))
    assert subset.findings == tuple(d for d in full.findings if d.code in chosen)
    # the DPIA rule agrees with the published criteria
    act = loaded.datamap.activities[0]
    done = act.dpia is not None and act.dpia.status in (DpiaStatus.DONE, DpiaStatus.IN_PROGRESS)
    fired = any(d.code == "ROPA701" for d in full.findings)
    assert fired == (bool(dpia_reasons(loaded.datamap, act)) and not done)
    # the checker is deterministic
    assert check(loaded, CheckConfig(fail_on="never")).findings == full.findings
