"""Writes ``summarizer/data/script_marks.json``: the characters that tell the two scripts apart,
read from the dictionaries of the installed OpenCC wheel (the engine's converter).

    python scripts/build_script_marks.py

The engine detects the script of every input with these two sets (``summarizer/script/detect.py``)
without loading OpenCC, so that a simplified article pays one regular-expression scan and nothing
else. A *traditional mark* is a character that OpenCC's traditional-to-simplified dictionaries
(TSCharacters) always change (後, 們, 這) and that is no simplified character of its
own (OpenCC's simplified-to-traditional STCharacters does not list it); characters that may stay
as they are (乾, 於, 藉, 么 in 什么) are left out, since simplified news uses them too. A *simplified
mark* is a character that STCharacters always changes (这, 们, 后 is not one: 后 is also traditional)
and that neither Taiwan's nor Hong Kong's standard writes (户, 脱, 温 are Hong Kong's).
Only characters of the Basic Multilingual Plane are kept: the scan is then one bitmap test per
character, and no traditional text is written without them. The same wheel gives the same file,
byte for byte; ``tests/engine/test_script.py`` checks that the shipped file is the installed
wheel's.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import opencc

OUTPUT = Path(__file__).resolve().parents[1] / "summarizer" / "data" / "script_marks.json"
_CLIB = Path(opencc.__file__).resolve().parent / "clib"


def dictionary(name: str) -> dict[str, list[str]]:
    """One OpenCC dictionary as text (the wheel ships ``opencc_dict``, which writes it)."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / f"{name}.txt"
        subprocess.run(
            [
                str(_CLIB / "bin" / "opencc_dict"),
                "-i",
                str(_CLIB / "share" / "opencc" / f"{name}.ocd2"),
                "-o",
                str(out),
                "-f",
                "ocd2",
                "-t",
                "text",
            ],
            check=True,
            capture_output=True,
        )
        entries: dict[str, list[str]] = {}
        for line in out.read_text(encoding="utf-8").splitlines():
            key, values = line.split("\t")
            entries[key] = values.split(" ")
        return entries


def always_changed(entries: dict[str, list[str]]) -> set[str]:
    """The single characters an entry changes whatever the context (not among their own values)."""
    return {key for key, values in entries.items() if len(key) == 1 and key not in values}


def marks() -> dict[str, str]:
    # TSCharactersExt is left out as the engine's converter leaves it (convert.py): its
    # characters stay as written, and tell no script.
    to_simplified = dictionary("TSCharacters")
    to_traditional = dictionary("STCharacters")
    simplified_chars = set(to_traditional) | {value for values in to_simplified.values() for value in values}
    traditional = always_changed(to_simplified) - simplified_chars
    # Taiwan and Hong Kong write some characters as simplified script does (户, 脱, 税, 温):
    # their variant forms mark no script.
    regional = {
        value
        for name in ("TWVariants", "HKVariants")
        for values in dictionary(name).values()
        for value in values
    }
    simplified = always_changed(to_traditional) - traditional - regional
    # Hong Kong's own forms that Taiwan's conversion leaves (説, 衞, 綫): a text that still holds
    # one after tw2s needs hk2s too (summarizer/script/convert.py).
    hk2s = opencc.OpenCC("hk2s", include_tofu_risk_dictionaries=False).convert
    hongkong = {key for key in dictionary("HKVariantsRev") if len(key) == 1 and hk2s(key) != key}
    bmp = lambda chars: "".join(sorted(c for c in chars if ord(c) <= 0xFFFF))  # noqa: E731
    return {
        "opencc": opencc.__version__,
        "traditional": bmp(traditional),
        "simplified": bmp(simplified),
        "hongkong": bmp(hongkong),
    }


def main() -> int:
    OUTPUT.write_text(json.dumps(marks(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    sys.stdout.write(f"wrote {OUTPUT}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
