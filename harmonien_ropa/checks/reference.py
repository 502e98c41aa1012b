"""The rule reference page, generated from the registry so that it cannot drift."""

from __future__ import annotations

from ..core.load_codes import LOAD_CODES
from .examples import base_text
from .registry import GROUPS, RULES
from .scan_rules import SCAN_GROUP, SCAN_GROUP_TITLE, SCAN_PREFIX, SCAN_RULES

_INTRO = """\
# Rule reference

`harmonien-ropa check` runs the rules below over the data map and reports each finding as
`file:line:column: severity CODE message`, with the law it rests on and a fix. This page is
generated from the rule registry (`harmonien_ropa.checks.reference.markdown()`).

- **Severities**: `error` (the map shows a breach or a gap the law does not allow),
  `warning` (a likely gap or a risk to look at), `info` (worth knowing).
  `--fail-on error|warning|info|never` decides which findings make the exit code 1
  (default `error`); invalid input exits with 2, with the [load problems](#load-problems)
  ROPA001–ROPA010.
- **Today**: rules about dates (a review that is overdue, a catalogue entry checked long ago)
  count from `--today YYYY-MM-DD`, else the environment variable `HARMONIEN_ROPA_TODAY`, else
  the system clock. Only `check` reads the clock; `render` (its banner and `--final`) leaves
  those rules out, so the same map always renders the same files.
- **Selecting rules**: `--select` and `--ignore` take codes (`ROPA101`), code prefixes
  (`ROPA1`), group names (`legal-basis`) or rule names (`missing-legal-basis`), comma-separated.
  The same keys (`select`, `ignore`, `fail-on`) can be set under `[tool.harmonien_ropa]` in
  `pyproject.toml` and under `settings: check:` in the YAML; the YAML overrides
  `pyproject.toml`, and the command line overrides both. The `pyproject.toml` read is the
  nearest one from the data file's folder up to the repository root (the folder holding
  `.git`), never above it; outside a repository only the data file's own folder counts, and
  `--config FILE` names one. The file used is named on standard error.
- **Acknowledging a finding**: add it to the `acknowledge:` list of the entry it is about (or of
  an entry that contains it), with a reason. Acknowledged findings are listed apart and do not
  fail the check; an acknowledgement that no longer matches a finding is itself reported
  (ROPA902).

  ```yaml
  activities:
    - id: social-media-pages
      acknowledge:
        - code: ROPA302
          reason: Meta decides how long page data is kept; reviewed yearly.
  ```

- **Examples**: each rule's failing and passing examples are fragments merged into the
  [reference map](#reference-map) at the end of this page (list entries are matched by `id`).
  The test suite runs every example, so each rule is shown firing and staying silent.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _load_problems() -> list[str]:
    """The section on the problems that stop a map from loading, from their one table."""
    first, last = LOAD_CODES[0].code, LOAD_CODES[-1].code
    parts = [
        "## Load problems\n",
        f"Before any rule runs, the map must load. A problem that stops it ({first}–{last}) is "
        "reported the same way, `file:line:column: error CODE message` with a fix, every one at "
        "once, and exits with 2; these codes cannot be selected, ignored or acknowledged.\n",
        "| code | name | what it means |",
        "| --- | --- | --- |",
    ]
    parts += [
        f"| [{c.code}](#{c.code.lower()}) | `{c.name}` | {_cell(c.summary)} |" for c in LOAD_CODES
    ]
    parts.append("")
    for code in LOAD_CODES:
        parts.append(f"### {code.code}\n")
        parts.append(f"**`{code.name}`**: {code.summary}\n")
        parts.append(f"- Fix: {code.fix}\n")
        parts.append("Example:\n")
        parts.append(f"```yaml\n{code.example}```\n")
    return parts


def _scan_findings() -> list[str]:
    """The section on the findings of ``scan``, from their one table."""
    parts = [
        f"## {SCAN_PREFIX}1xx: {SCAN_GROUP_TITLE}\n",
        "`harmonien-ropa scan URL` compares what a website loads and stores with the map (see "
        "[the website scan](../scan.md)). Its findings have codes of their own, honour the same "
        "`select`, `ignore` and `fail-on` settings, and point at the entry of the map they are "
        "about, else at the map file (line 0). "
        f"Group name for `--select`/`--ignore`: `{SCAN_GROUP}`.\n",
        "| code | name | severity | law | message |",
        "| --- | --- | --- | --- | --- |",
    ]
    parts += [
        f"| {r.code} | `{r.name}` | {r.severity.value} | {_cell(r.law)} | {_cell(r.message)} |"
        for r in SCAN_RULES.values()
    ]
    parts.append("")
    for rule in SCAN_RULES.values():
        parts.append(f"- **{rule.code}** `{rule.name}`: {rule.summary} Fix: {rule.fix}.")
    parts.append("")
    return parts


def markdown() -> str:
    """The whole rule reference as Markdown."""
    parts = [_INTRO, "## All rules\n"]
    parts.append("| code | name | severity | law | message |")
    parts.append("| --- | --- | --- | --- | --- |")
    for code, rule in RULES.items():
        parts.append(
            f"| [{code}](#{code.lower()}) | `{rule.name}` | {rule.severity.value} "
            f"| {_cell(rule.law)} | {_cell(rule.message)} |"
        )
    parts.append("")
    for group in GROUPS:
        rules = [rule for code, rule in RULES.items() if code.startswith(group.prefix)]
        parts.append(f"## {group.prefix}xx: {group.title}\n")
        parts.append(f"Group name for `--select`/`--ignore`: `{group.name}`.\n")
        for rule in rules:
            examples = rule.examples()
            parts.append(f"### {rule.code}\n")
            parts.append(f"**`{rule.name}`**: {rule.summary()}\n")
            if rule.explanation():
                parts.append(rule.explanation() + "\n")
            parts.append(f"- Severity: `{rule.severity.value}`")
            parts.append(f"- Law: {rule.law}")
            parts.append(f"- Message: `{rule.message}`")
            parts.append(f"- Fix: {rule.fix}\n")
            parts.append("Failing:\n")
            parts.append(f"```yaml\n{examples['failing']}```\n")
            parts.append("Passing:\n")
            parts.append(f"```yaml\n{examples['passing']}```\n")
    parts.extend(_scan_findings())
    parts.extend(_load_problems())
    parts.append("## Reference map\n")
    parts.append("The examples above are merged into this map, which has no findings.\n")
    parts.append(f"```yaml\n{base_text()}```")
    return "\n".join(parts) + "\n"
