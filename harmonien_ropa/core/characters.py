"""The characters a data map's text may not hold, shared by the model (which refuses them in
each value) and the YAML reader (whose one search of the text for the characters it treats
specially also finds these, so that a text without any needs no other search)."""

from __future__ import annotations

import re

__all__ = ["MISLEADING", "REFUSED", "UNWRITABLE"]

#: Characters no output format can carry: C0 controls other than tab and line breaks, lone
#: surrogates and the non-characters U+FFFE/U+FFFF (invalid in XML, XLSX and UTF-8 files).
UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Characters refused as misleading: DEL and the C1 controls (invisible; a terminal may take
#: U+009B for the start of a command), and the bidirectional embeddings, overrides and isolates
#: U+202A-U+202E and U+2066-U+2069, which make text display in another order than it is
#: stored ("Trojan Source"). None has a use in a data map's nb/en text: a name in a
#: right-to-left script displays correctly without them, and the marks U+200E/U+200F stay
#: allowed where a direction must be forced.
MISLEADING = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
#: Both.
REFUSED = re.compile(f"{UNWRITABLE.pattern}|{MISLEADING.pattern}")
