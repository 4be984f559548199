"""pyphen's English patterns, parsed once when the project is made instead of on every ``check``.

The reading grade counts syllables with pyphen's hyphenation patterns. pyphen's
``HyphDict`` parses the whole ``hyph_en_US.dic`` (about 4,900 patterns) the first time a
language is used (80 ms of a 0.2 s ``check``), and importing pyphen lists its dictionaries
through importlib.resources (8 ms more). ``hyphenation_en.json`` holds the English patterns
as pyphen parses them (JSON: json's C reader loads it in a few milliseconds), and
``english()`` hyphenates with them as ``pyphen.Pyphen(lang="en_US", left=1, right=1)``
does, without importing pyphen, but only when the installed dictionary is byte for byte
the one they were made from (SHA-256, the file found without importing pyphen); with any
other pyphen, it returns None and pyphen parses its own file as before: slower, same counts.

After upgrading pyphen: ``python -m publisher.hyphenation`` (``make hyphenation``) writes
the file again; a test fails until it matches the installed dictionary.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from functools import cache
from pathlib import Path

LANGUAGE = "en_US"
GENERATED = Path(__file__).with_name("hyphenation_en.json")


def dictionary_path() -> Path:
    """The installed pyphen's English dictionary file, found without importing pyphen."""
    spec = importlib.util.find_spec("pyphen")
    folders = list(spec.submodule_search_locations or []) if spec else []
    return Path(folders[0] if folders else ".") / "dictionaries" / f"hyph_{LANGUAGE}.dic"


class Patterns:
    """Hyphenation points from parsed patterns: pyphen's ``HyphDict.positions``, left and right 1."""

    def __init__(self, patterns: dict[str, tuple[int, tuple[int, ...]]], maxlen: int) -> None:
        self.patterns = patterns
        self.maxlen = maxlen
        self.cache: dict[str, list[int]] = {}

    def positions(self, word: str) -> list[int]:
        """Where ``word`` may be hyphenated, as ``pyphen.Pyphen(..., left=1, right=1).positions``."""
        lower = word.lower()
        points = self.cache.get(lower)
        if points is None:
            pointed = f".{lower}."
            references = [0] * (len(pointed) + 1)
            for i in range(len(pointed) - 1):
                for j in range(i + 1, min(i + self.maxlen, len(pointed)) + 1):
                    pattern = self.patterns.get(pointed[i:j])
                    if pattern:
                        offset, values = pattern
                        start = i + offset  # pyphen's slice assignment stops at the list's end
                        for k, value in enumerate(values[: max(len(references) - start, 0)]):
                            references[start + k] = max(references[start + k], value)
            points = self.cache[lower] = [i - 1 for i, value in enumerate(references) if value % 2]
        return [i for i in points if 1 <= i <= len(word) - 1]


@cache
def english() -> Patterns | None:
    """The shipped English patterns, or None when they were not made from the installed dictionary."""
    try:
        data = json.loads(GENERATED.read_text(encoding="utf-8"))
        installed = hashlib.sha256(dictionary_path().read_bytes()).hexdigest()
    except (OSError, ValueError):
        return None
    if installed != data["source_sha256"]:
        return None
    patterns = {key: (start, tuple(values)) for key, (start, values) in data["patterns"].items()}
    return Patterns(patterns, data["maxlen"])


def generated_source() -> str:
    """The text of ``hyphenation_en.json`` for the installed dictionary, parsed by pyphen itself."""
    import pyphen

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
