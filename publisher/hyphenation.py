"""pyphen's English patterns, parsed once when the project is made instead of on every ``check``.

The reading grade counts syllables with pyphen, whose ``HyphDict`` parses the whole
``hyph_en_US.dic`` (about 4,900 patterns) the first time a language is used: 80 ms of a
0.2 s ``check``, more than anything else it does. ``hyphenation_en.json`` holds those
patterns as parsed (JSON: json's C reader loads it in a few milliseconds, where a Python
module this size takes longer to compile than pyphen takes to parse, whenever bytecode is
not cached), and ``preload`` hands pyphen a dictionary built from them, but only
when the installed dictionary is byte for byte the one they were made from (SHA-256);
any other pyphen parses its own file as before: slower, same counts.

After upgrading pyphen: ``python -m publisher.hyphenation`` (``make hyphenation``) writes
the file again; a test fails until it matches the installed dictionary.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pyphen

LANGUAGE = "en_US"
GENERATED = Path(__file__).with_name("hyphenation_en.json")


def dictionary_path() -> Path:
    """The installed pyphen's English dictionary file."""
    return Path(pyphen.LANGUAGES[LANGUAGE])


def preload() -> bool:
    """Put the parsed English patterns in pyphen's cache; False when they do not match the file."""
    path = dictionary_path()
    if path in pyphen.hdcache:
        return True
    try:
        data = json.loads(GENERATED.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if hashlib.sha256(path.read_bytes()).hexdigest() != data["source_sha256"]:
        return False
    parsed = pyphen.HyphDict.__new__(pyphen.HyphDict)
    parsed.patterns = {key: (start, tuple(values)) for key, (start, values) in data["patterns"].items()}
    parsed.cache = {}
    parsed.maxlen = data["maxlen"]
    pyphen.hdcache[path] = parsed
    return True


def generated_source() -> str:
    """The text of ``hyphenation_en.json`` for the installed dictionary, parsed by pyphen itself."""
    path = dictionary_path()
    parsed = pyphen.HyphDict(path)
    if any(type(value) is not int for _, values in parsed.patterns.values() for value in values):
        raise SystemExit("the English dictionary has non-standard hyphenation: parse it at run time")
    data = {
        "written_by": f"python -m publisher.hyphenation, from pyphen's {path.name}; do not edit",
        "source_sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "maxlen": parsed.maxlen,
        "patterns": dict(sorted(parsed.patterns.items())),
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


if __name__ == "__main__":
    GENERATED.write_text(generated_source(), encoding="utf-8")
    print(f"wrote {GENERATED}")
