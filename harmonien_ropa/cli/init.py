"""``init``: write a starter data map, asking a few questions on a terminal."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from . import EXIT_INVALID, EXIT_OK, output_path

if TYPE_CHECKING:
    from ..outputs.starter import Answers, Lang
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
        "which service from the vendor catalogue each uses; every legal point the answers do "
        "not settle is marked as an assumption to confirm. Without a terminal, or with --yes, "
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
        choices=("nb", "en"),
        default="en",
        help="language of the questions and of the notes in the map (default: en); the map's "
        "texts are written in both",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..core.errors import OutputError
    from ..outputs.starter import Answers, starter
    from ..source.loading import loads

    path = Path(args.path)
    if (path.exists() or path.is_symlink()) and not args.force:
        print(
            f"harmonien-ropa: error: {path} already exists; choose another path, or add --force "
            "to replace it",
            file=sys.stderr,
        )
        return EXIT_INVALID
    if path.is_dir():
        print(f"harmonien-ropa: error: {path} is a folder; name a file", file=sys.stderr)
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
        print(f"harmonien-ropa: error: {path} already exists (created meanwhile)", file=sys.stderr)
        return EXIT_INVALID
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    print(_DONE[args.lang].format(path=path))
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
    from ..outputs.starter import ACTIVITIES, VENDOR_CATEGORY, Answers
    from ..source.catalogue import catalogue

    text = _QUESTIONS[lang]
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
            category = VENDOR_CATEGORY.get(ident)
            if category is None:
                continue
            offered = [
                e.id for e in catalogue().values() if e.category == category and _usable(e.id)
            ]
            if not offered:
                continue
            prompt = text["vendor"].format(activity=text[ident], ids=", ".join(offered))
            found = _ask(read, prompt, _one_of(offered, text["choose"]))
            if found:
                answers.vendors[ident] = found
    except EOFError:
        print()
    return answers


def _one_of(allowed: list[str], problem: str) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        return None if value in allowed else problem

    return check


def _usable(ident: str) -> bool:
    """True if the entry alone makes a valid party (legal entity, country and role known)."""
    from ..source.catalogue import catalogue, fill

    return {"name", "country", "role"} <= set(fill(catalogue()[ident], "parties"))


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


def _yes(read: Callable[[str], str], prompt: str, lang: Lang) -> bool:
    for _ in range(RETRIES):
        value = read(prompt).strip().lower()
        if not value or value in _NO[lang]:
            return False
        if value in _YES[lang]:
            return True
        print("  " + _QUESTIONS[lang]["yes_no_help"])
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
    digits = value.replace(" ", "")
    return digits.isdigit() and len(digits) == 9


def _is_email(value: str) -> bool:
    from ..core.emails import InvalidEmail, parse

    try:
        parse(value)
    except InvalidEmail:
        return False
    return True


_YES = {"nb": ("j", "ja", "y", "yes"), "en": ("y", "yes", "j", "ja")}
_NO = {"nb": ("n", "nei", "no"), "en": ("n", "no", "nei")}

_QUESTIONS: dict[str, dict[str, str]] = {
    "nb": {
        "intro": "Et nytt datakart. Trykk Enter for å hoppe over et spørsmål; det som står åpent, "
        "merkes som en antakelse å bekrefte.",
        "organisation": "Organisasjonens navn: ",
        "org_number": "Organisasjonsnummer (9 siffer): ",
        "contact_name": "Kontaktperson for personvern: ",
        "contact_email": "E-postadresse for personvernspørsmål: ",
        "activities": "Hvilke av disse gjør dere?",
        "ticket-sales": "Billettsalg",
        "newsletter": "Nyhetsbrev",
        "members": "Medlemsregister",
        "employees": "Ansatte",
        "website-analytics": "Statistikk for nettstedet",
        "social-media": "Sosiale medier",
        "accounting": "Regnskap",
        "yes_no": " (j/n) ",
        "yes_no_help": "svar j (ja) eller n (nei)",
        "vendor": "{activity}: hvilken tjeneste fra katalogen ({ids}; Enter for ingen)? ",
        "choose": "velg en av tjenestene i listen, eller trykk Enter",
        "bad_text": "høyst 500 tegn, uten kontrolltegn",
        "bad_org": "9 siffer, f.eks. 999 999 999",
        "bad_email": "ikke en gyldig e-postadresse, f.eks. navn@eksempel.no",
    },
    "en": {
        "intro": "A new data map. Press Enter to skip a question; what is left open is marked as "
        "an assumption to confirm.",
        "organisation": "Organisation's name: ",
        "org_number": "Organisation number (9 digits): ",
        "contact_name": "Privacy contact person: ",
        "contact_email": "E-mail address for privacy questions: ",
        "activities": "Which of these do you do?",
        "ticket-sales": "Ticket sales",
        "newsletter": "Newsletter",
        "members": "Members' register",
        "employees": "Employees",
        "website-analytics": "Website analytics",
        "social-media": "Social media",
        "accounting": "Accounting",
        "yes_no": " (y/n) ",
        "yes_no_help": "answer y (yes) or n (no)",
        "vendor": "{activity}: which service from the catalogue ({ids}; Enter for none)? ",
        "choose": "choose one of the services listed, or press Enter",
        "bad_text": "at most 500 characters, without control characters",
        "bad_org": "9 digits, e.g. 999 999 999",
        "bad_email": "not a valid e-mail address, e.g. name@example.org",
    },
}

_DONE = {
    "nb": "skrev {path}; neste steg: harmonien-ropa check --data {path}",
    "en": "wrote {path}; next: harmonien-ropa check --data {path}",
}
