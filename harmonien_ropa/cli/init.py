"""``init``: write a starter data map, asking a few questions on a terminal."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from . import EXIT_INVALID, EXIT_OK, output_path

if TYPE_CHECKING:
    from ..outputs.starter import Answers, Lang
    from ..source.catalogue import CatalogueEntry
    from . import Subparsers

#: How often a question is asked again after an answer that is not valid, before its default
#: is taken (so that a script feeding bad answers cannot loop for ever).
RETRIES = 3


def register(sub: Subparsers) -> None:
    parser = sub.add_parser(
        "init",
        help="write a starter data map to PATH (asks a few questions on a terminal)",
        description="Write a starter data map in the current format to PATH. On a terminal it "
        "asks for the organisation, a contact and which common activities apply (ticket sales, "
        "newsletter, members, employees, website analytics, social media, accounting), and "
        "which service from the vendor catalogue each uses (every service of the kind, or "
        "another one), and for each service what the catalogue does not say (whether its "
        "data-processing agreement is in place, where it stores the data); every legal point the answers and the "
        "catalogue do not settle is marked as an assumption to confirm. Without a terminal, or with --yes, "
        "it writes a commented starter with every common activity. The file is written "
        "atomically and only if it loads. Exit 0 when written, 2 when PATH exists (without "
        "--force) or the options are invalid, 3 when it cannot be written.",
    )
    parser.add_argument("path", metavar="PATH", type=output_path, help="the file to write")
    parser.add_argument(
        "--force", action="store_true", help="replace PATH if it exists (default: refuse)"
    )
    parser.add_argument(
        "--yes",
        "-y",
        action="store_true",
        help="ask nothing: write the commented starter with every common activity",
    )
    parser.add_argument(
        "--lang",
        choices=("nb", "nn", "en"),
        default="en",
        help="language of the questions, the comments and the notes in the map (default: en): "
        "nb (bokmål), nn (nynorsk) or en (English); the map's texts are written in it and in "
        "English (a nynorsk map declares 'languages: [nn, en]'; the others publish in nb and en)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..core.errors import OutputError
    from ..outputs.starter import Answers, starter
    from ..source.loading import loads

    path = Path(args.path)
    if (path.exists() or path.is_symlink()) and not args.force:
        print(f"harmonien-ropa: error: {_text(args.lang)['exists'].format(path=path)}", file=sys.stderr)  # fmt: skip
        return EXIT_INVALID
    if path.is_dir():
        print(f"harmonien-ropa: error: {_text(args.lang)['is_folder'].format(path=path)}", file=sys.stderr)  # fmt: skip
        return EXIT_INVALID
    interactive = not args.yes and interactive_terminal()
    if not interactive and not args.yes:
        print(
            "harmonien-ropa: no terminal: writing the commented starter without asking "
            "(answers on standard input are not read; run 'init' in a terminal to answer the "
            "questions, or pass --yes to say that the starter is what you want)",
            file=sys.stderr,
        )
    answers = ask(args.lang, _input) if interactive else Answers(lang=args.lang)
    text = starter(answers, commented=not interactive)
    loads(text, str(path))  # a starter that does not load would be a bug: raises LoadError
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        write_atomically(path, text.encode("utf-8"), replace=args.force)
    except FileExistsError:
        print(f"harmonien-ropa: error: {_text(args.lang)['exists_meanwhile'].format(path=path)}", file=sys.stderr)  # fmt: skip
        return EXIT_INVALID
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    print(_text(args.lang)["done"].format(path=path))
    return EXIT_OK


def interactive_terminal() -> bool:
    """True when questions can be asked: standard input and output are terminals."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def _input(prompt: str) -> str:
    return input(prompt)


def write_atomically(path: Path, content: bytes, *, replace: bool) -> None:
    """Write ``content`` to ``path`` through a temporary file in the same folder, so that
    ``path`` holds either nothing (or its old content) or all of it. Without ``replace`` an
    existing ``path`` is never overwritten (raises FileExistsError), even one created meanwhile."""
    import tempfile  # here, not at the top: every command imports this module for its help

    fd, temporary = tempfile.mkstemp(prefix=".init-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o666 & ~_umask())  # as a file the user created (mkstemp: 0600)
        if replace:
            os.replace(temporary, path)
        else:
            os.link(temporary, path)  # fails if path exists: no overwrite, no window
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


# -- the questions -----------------------------------------------------------------------------


def ask(lang: Lang, read: Callable[[str], str]) -> Answers:
    """Ask the questions with ``read`` (``input``); an empty answer takes the default, and the
    end of input takes the defaults of every question left."""
    from ..outputs.starter import ACTIVITIES, Answers

    text = _text(lang)
    answers = Answers(lang=lang, activities=())
    print(text["intro"])
    try:
        short = _checked(_is_short, text["bad_text"])
        answers.organisation = _ask(read, text["organisation"], short)
        answers.org_number = _ask(
            read, text["org_number"], _checked(_is_org_number, text["bad_org"])
        )
        answers.contact_name = _ask(read, text["contact_name"], short)
        answers.contact_email = _ask(
            read, text["contact_email"], _checked(_is_email, text["bad_email"])
        )
        print(text["activities"])
        chosen: list[str] = []
        for ident in ACTIVITIES:
            if _yes(read, text[ident] + text["yes_no"], lang):
                chosen.append(ident)
                answers.activities = tuple(chosen)
        for ident in chosen:
            _ask_service(read, ident, answers)
        for entry in _chosen_entries(answers):
            _ask_about(read, entry, answers)
    except EOFError:
        print()
    return answers


def _ask_service(read: Callable[[str], str], activity: str, answers: Answers) -> None:
    """Which service of the catalogue ``activity`` uses: every entry of the kinds it needs, by
    number or id, another service, or none."""
    from ..outputs.starter_vendors import offered

    text = _text(answers.lang)
    entries = offered(activity)
    if not entries:
        return
    print(text["vendor"].format(activity=text[activity]))
    width = len(str(len(entries) + 1))
    for number, entry in enumerate(entries, 1):
        who = entry.legal_entity or entry.name
        where = f", {entry.country}" if entry.country else ""
        print(f"  {number:>{width}}  {entry.name} ({who}{where}) [{entry.id}]")
    other = len(entries) + 1
    print(f"  {other:>{width}}  {text['other']}")
    by_answer = {entry.id: entry.id for entry in entries}
    by_answer.update({str(n): entry.id for n, entry in enumerate(entries, 1)})
    others = {str(other), *_OTHER_WORDS}
    found = _ask(read, text["choose_prompt"], _one_of([*by_answer, *others], text["choose"]))
    if found is None:
        return
    if found in others:
        answers.other = (*answers.other, activity)
    else:
        answers.vendors[activity] = by_answer[found]


def _chosen_entries(answers: Answers) -> list[CatalogueEntry]:
    from ..source.catalogue import catalogue

    return [catalogue()[ident] for ident in dict.fromkeys(answers.vendors.values())]


def _ask_about(read: Callable[[str], str], entry: CatalogueEntry, answers: Answers) -> None:
    """What the catalogue does not say about ``entry`` and only the user knows: where it is
    established (when the catalogue does not confirm it) and, for a processor, whether the
    data-processing agreement is in place; and where it stores the data (a system's hosting
    countries). An empty answer leaves it to be assumed, or, for the hosting, not known."""
    from ..core.countrycodes import is_country
    from ..outputs.starter_vendors import asks_dpa, knows_country

    text = _text(answers.lang)
    name = entry.legal_entity or entry.name
    if not knows_country(entry):
        country = _ask(
            read,
            text["country"].format(name=name),
            _checked(lambda value: is_country(value.upper()), text["bad_country"]),
        )
        if country is not None:
            answers.countries[entry.id] = country.upper()
    if asks_dpa(entry):
        signed = _yes_or_unknown(read, text["dpa"].format(name=name), answers.lang)
        if signed is not None:
            answers.dpa[entry.id] = signed
    hosting = _ask(
        read,
        text["hosting"].format(name=entry.name),
        _checked(lambda value: bool(_countries(value)), text["bad_countries"]),
    )
    if hosting is not None:
        answers.hosting[entry.id] = _countries(hosting)


def _countries(value: str) -> tuple[str, ...]:
    """The country codes of an answer such as ``NO, ie``, or nothing if any is not one."""
    from ..core.countrycodes import is_country

    codes = tuple(dict.fromkeys(code.upper() for code in value.replace(",", " ").split()))
    return codes if codes and all(is_country(code) for code in codes) else ()


def _one_of(allowed: list[str], problem: str) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        return None if value in allowed else problem

    return check


def _ask(read: Callable[[str], str], prompt: str, check: Callable[[str], str | None]) -> str | None:
    for _ in range(RETRIES):
        value = read(prompt).strip()
        if not value:
            return None
        problem = check(value)
        if problem is None:
            return value
        print(f"  {problem}")
    return None


def _yes_or_unknown(read: Callable[[str], str], prompt: str, lang: Lang) -> bool | None:
    """Yes, no, or None for an empty answer (not known)."""
    for _ in range(RETRIES):
        value = read(prompt).strip().lower()
        if not value:
            return None
        if value in _NO[lang]:
            return False
        if value in _YES[lang]:
            return True
        print("  " + _text(lang)["yes_no_help"])
    return None


def _yes(read: Callable[[str], str], prompt: str, lang: Lang) -> bool:
    for _ in range(RETRIES):
        value = read(prompt).strip().lower()
        if not value or value in _NO[lang]:
            return False
        if value in _YES[lang]:
            return True
        print("  " + _text(lang)["yes_no_help"])
    return False


def _checked(valid: Callable[[str], bool], problem: str) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        return None if valid(value) else problem

    return check


def _is_short(value: str) -> bool:
    from pydantic import TypeAdapter, ValidationError

    from ..model.base import ShortText

    try:
        TypeAdapter(ShortText).validate_python(value)
    except ValidationError:
        return False
    return True


def _is_org_number(value: str) -> bool:
    from ..core.orgnumbers import norwegian_problem

    return norwegian_problem(value) is None


def _is_email(value: str) -> bool:
    from ..core.emails import InvalidEmail, parse

    try:
        parse(value)
    except InvalidEmail:
        return False
    return True


_YES = {
    "nb": ("j", "ja", "y", "yes"),
    "nn": ("j", "ja", "y", "yes"),
    "en": ("y", "yes", "j", "ja"),
}
_NO = {"nb": ("n", "nei", "no"), "nn": ("n", "nei", "no"), "en": ("n", "no", "nei")}
#: Answers that choose a service not in the catalogue (besides its number in the list).
_OTHER_WORDS = ("other", "annen", "anna", "annan")


def _text(lang: Lang) -> Mapping[str, str]:
    """The questions and messages in ``lang`` (``templates/i18n/init.yaml``)."""
    from ..source.i18n import strings

    return strings("init", lang)
