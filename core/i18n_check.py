"""`make translations-check`: fail when a string in the code is missing from
the catalogues, or a Hindi/Marathi entry is untranslated or fuzzy."""

import subprocess
import sys
import tempfile
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("hi", "mr")


def extracted_ids() -> set[str]:
    with tempfile.TemporaryDirectory() as tmp:
        pot = Path(tmp) / "messages.pot"
        subprocess.run(  # noqa: S603 (fixed argv, no user input)
            [
                sys.executable,
                "-m",
                "babel.messages.frontend",
                "extract",
                "-F",
                "babel.cfg",
                "-k",
                "_l",
                # blueprints.home.lines.counted(count, singular, plural, ...)
                "-k",
                "counted:2,3",
                "-o",
                str(pot),
                ".",
            ],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        with pot.open("rb") as fh:
            return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fh) if m.id}


def problems() -> list[str]:
    wanted = extracted_ids()
    found = []
    for lang in LANGUAGES:
        path = ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po"
        if not path.exists():
            found.append(f"{lang}: catalogue missing ({path})")
            continue
        with path.open("rb") as fh:
            catalog = read_po(fh)
        have = {}
        for m in catalog:
            if m.id:
                have[m.id if isinstance(m.id, str) else m.id[0]] = m
        for msgid in sorted(wanted - set(have)):
            found.append(f"{lang}: not in catalogue (run `make translations`): {msgid!r}")
        for msgid, m in have.items():
            if msgid not in wanted:
                continue
            strings = m.string if isinstance(m.string, tuple) else (m.string,)
            if m.fuzzy:
                found.append(f"{lang}: fuzzy: {msgid!r}")
            elif not all(strings):
                found.append(f"{lang}: untranslated: {msgid!r}")
    return found


def main() -> int:
    found = problems()
    for line in found:
        print(line)
    if found:
        print(f"{len(found)} translation problems")
        return 1
    print("translations complete: hi, mr")
    return 0


if __name__ == "__main__":
    sys.exit(main())
