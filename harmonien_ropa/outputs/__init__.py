"""Renderers: pure functions from a :class:`DataMap` to output files (:class:`Artifact`).

Each renderer lives in its own module and is listed in :data:`RENDERERS` by output name, as
``"module:function"`` so that only the renderers asked for are imported. A renderer takes the
data map and :class:`RenderOptions` and returns a :class:`RenderResult`; it never writes files.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from ..core.collector import collector_paused
from ..core.errors import RenderError
from ..core.languages import LANGUAGES, LanguageError, choose

# The model is not imported here: ``render`` on the command line imports this package (the
# output names, the options, ``dot_spares``) before the map is read, and starts Graphviz's
# processes while the model is imported (see :mod:`.dot_spares`).
if TYPE_CHECKING:
    from ..checks.publication import Blocker
    from ..model.datamap import DataMap
    from .dot_spares import DotSpares
    from .staging import Artifact

#: Output name → "module:function" of its renderer, in the order ``render`` runs them.
RENDERERS: dict[str, str] = {
    "model": "harmonien_ropa.outputs.model_json:render",
    "notice": "harmonien_ropa.outputs.notice_pages:render",
    "graph": "harmonien_ropa.outputs.diagram:render",
    "dpv": "harmonien_ropa.outputs.dpv_export:render",
    "fides": "harmonien_ropa.outputs.fides_export:render",
    "changes": "harmonien_ropa.outputs.changelog_files:render",
    "docx": "harmonien_ropa.outputs.word:render",
    "pdf": "harmonien_ropa.outputs.pdf:render",
    "record": "harmonien_ropa.outputs.record_formats:render",
}

#: Outputs made only when named (``--only docx,pdf``): slower, and needing more installed.
ON_REQUEST: frozenset[str] = frozenset({"docx", "pdf"})


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """What to render and how."""

    #: The languages to render, each of them one the map publishes in; empty (the default)
    #: means all of them (``organisation.languages``, by default nb and en), the first being
    #: the map's default language.
    languages: tuple[str, ...] = ()
    draft: bool = False
    #: The previous version of the map, for "what changed" sections and version history.
    previous: DataMap | None = None
    #: Where a renderer may hand over each file as soon as it is made, instead of keeping it in
    #: its result, so that a large map's outputs need not all be in memory at once (the
    #: command line stages them on disk). Files handed over are not in ``artifacts``.
    deliver: Callable[[Artifact], None] | None = field(default=None, compare=False, repr=False)
    #: What keeps the notice from being published (see :mod:`harmonien_ropa.checks.publication`),
    #: when the caller has worked it out already with its own checker configuration; ``None``
    #: lets the notice ask the checker with the map's own ``settings.check``. The notice shows
    #: a "not ready for publication" banner while any remains.
    blockers: tuple[Blocker, ...] | None = field(default=None, compare=False, repr=False)
    #: Put before every id of the notice's fragment and every reference to one, so that two
    #: fragments in one page do not clash (see :mod:`harmonien_ropa.render.cms`).
    id_prefix: str = ""
    #: Also write ``notice.fragment.css``: the notice's stylesheet scoped to the fragment.
    fragment_css: bool = False
    #: Let a renderer return while work it started goes on outside Python (Graphviz drawing
    #: the pictures), for a caller with other outputs to make meanwhile: that work is then in
    #: the result's ``later``, and the caller must finish (or cancel) each. Without it, every
    #: renderer returns all its files.
    background: bool = field(default=False, compare=False)
    #: ``dot`` processes started ahead for the graph's pictures (see :mod:`.dot_spares`), by a
    #: caller that starts them before the map is read; without them each picture starts its own.
    dot_spares: DotSpares | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        # A language named twice is rendered once (its files would otherwise be made twice).
        object.__setattr__(self, "languages", tuple(dict.fromkeys(self.languages)))
        from .cms import valid_prefix

        if not valid_prefix(self.id_prefix):
            raise RenderError(
                f"invalid id prefix '{self.id_prefix[:50]}': start with a letter, then use "
                "letters, digits, '-' and '_' (at most 40), e.g. 'hr-'"
            )
        unknown = [lang for lang in self.languages if lang not in LANGUAGES]
        if unknown:
            raise RenderError(
                f"unknown language(s) {', '.join(unknown)}; choose from {', '.join(LANGUAGES)}"
            )

    def for_map(self, datamap: DataMap) -> RenderOptions:
        """These options with the languages resolved for ``datamap``: all it publishes in when
        none are named; a language it does not publish in raises :class:`RenderError`."""
        try:
            chosen = choose(datamap.languages, self.languages or None)
        except LanguageError as exc:
            raise RenderError(str(exc)) from None
        if chosen == self.languages:
            return self
        return dataclasses.replace(self, languages=chosen)


@dataclass(slots=True)
class RenderResult:
    """Files a renderer produced, and messages for the user (e.g. a missing tool).

    ``details`` are messages only for those who look at this output closely (the command line
    shows them when the output is asked for by name or with ``--verbose``), such as the terms
    an export left out or replaced by broader ones.
    """

    artifacts: list[Artifact] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    #: Work still going on, with :attr:`RenderOptions.background` only: each gives the rest
    #: of the files when finished.
    later: list[Later] = field(default_factory=list)

    def add(self, artifact: Artifact, options: RenderOptions) -> None:
        """Hand ``artifact`` over to ``options.deliver``, or keep it in this result."""
        if options.deliver is None:
            self.artifacts.append(artifact)
        else:
            options.deliver(artifact)

    def extend(self, other: RenderResult) -> None:
        self.artifacts.extend(other.artifacts)
        self.messages.extend(other.messages)
        self.details.extend(other.details)
        self.later.extend(other.later)


class Later(Protocol):
    """Work a renderer left going on (see :attr:`RenderOptions.background`)."""

    def finish(self) -> Iterable[Artifact]:
        """Wait for the work and give its files (each as soon as it is made, to a caller that
        takes them one at a time); raises what a renderer raises."""

    def cancel(self) -> None:
        """Stop the work (nothing if it is finished)."""


Renderer = Callable[["DataMap", RenderOptions], RenderResult]


def renderer(name: str) -> Renderer:
    """The renderer registered under ``name`` (imported on first use)."""
    try:
        target = RENDERERS[name]
    except KeyError:
        raise RenderError(f"unknown output '{name}'; choose from {', '.join(RENDERERS)}") from None
    module_name, _, function = target.partition(":")
    found: Renderer = getattr(importlib.import_module(module_name), function)

    @functools.wraps(found)
    def run(datamap: DataMap, options: RenderOptions) -> RenderResult:
        with collector_paused():
            return found(datamap, options.for_map(datamap))

    return run


def render(
    datamap: DataMap, only: Iterable[str] | None = None, options: RenderOptions | None = None
) -> RenderResult:
    """Run the renderers named in ``only`` (by default all but those made :data:`ON_REQUEST`)
    and collect their files in memory."""
    result = RenderResult()
    for _, part in render_each(datamap, only, options):
        result.extend(part)
    return result


def output_names(only: Iterable[str] | None = None) -> list[str]:
    """The outputs ``only`` names (by default all but those made :data:`ON_REQUEST`), once each,
    in the order given."""
    if only is None:
        return [name for name in RENDERERS if name not in ON_REQUEST]
    return list(dict.fromkeys(only))


def render_each(
    datamap: DataMap, only: Iterable[str] | None = None, options: RenderOptions | None = None
) -> Iterator[tuple[str, RenderResult]]:
    """Like :func:`render`, one renderer at a time: (output name, its result) in order.

    A caller that writes each result out before asking for the next (as ``render`` on the
    command line does) holds only one renderer's files in memory at a time.
    """
    opts = options or RenderOptions()
    for name in output_names(only):
        yield name, renderer(name)(datamap, opts)
