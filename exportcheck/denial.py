"""Words in a description that may deny what a matched term names ("no pyrotechnics",
"不涉及菌种", "LiDAR-free").

Design §2.1 keeps text a lead and denial explicit (``not_capabilities``), so these cues never
change a decision: the check only points them out, so that an analyst who reads "REVIEW" for
"no pyrotechnics involved" sees why and what to write. The cues are deliberately few and
near: a cue counts only in the same clause, a few words before the term (or "-free" right
after it); bare 无/不/非 are left out because they begin ordinary words (无人机, 不锈钢, 非洲).
"""

from __future__ import annotations

import functools
import re

# A clause ends at sentence punctuation or a comma; a cue beyond it denies something else.
# (The enumeration comma 、 does not end one: 不涉及菌种、栽培 denies both.)
_CLAUSE_END = r"[.;:!?。；：！？，\n]|,\s"
_NEGATED_VERBS = ("doesn", "don", "isn", "aren", "won", "can")
_EN_CUES = frozenset(
    ("no", "not", "without", "never", "nor", "neither", "excluding", "except", "cannot")
) | {f"{verb}{mark}t" for verb in _NEGATED_VERBS for mark in "'’"}
_WORD = r"[a-z]+(?:['’]t)?"
# Simplified and Traditional spellings; 无需/不需要 are left out ("无需人工干预的推荐" affirms).
_ZH_CUES = (
    *("不涉及", "不牵涉", "不牽涉", "不包括", "不包含", "不含", "不使用", "不采用", "不採用"),
    *("不提供", "不转让", "不轉讓", "没有", "沒有", "并无", "並無", "并未", "並未"),
    *("未使用", "未采用", "未採用", "未涉及", "不进行", "不進行", "不从事", "不從事", "不开展"),
    *("不開展", "不研发", "不研發", "不生产", "不生產"),
)
_FREE_AFTER = r"\A[-\s]?free\b"
_WINDOW = 40  # characters looked at before a term


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Compiled on the first cue looked for (~0.8 ms): a profile with no match never needs
    them, and start-up is a measured target."""
    return (
        re.compile(_CLAUSE_END),
        re.compile(_WORD),
        re.compile("|".join(_ZH_CUES)),
        re.compile(_FREE_AFTER, re.IGNORECASE),
    )


def denial_cue(text: str, start: int, end: int) -> str | None:
    """The words from the cue to the end of the term when ``text[start:end]`` is preceded
    (in its clause) by a denial cue or followed by "-free"; else None."""
    clause_end, word, zh_cue, free_after = _patterns()
    before = text[max(0, start - _WINDOW) : start]
    clause_ends = list(clause_end.finditer(before))
    if clause_ends:
        before = before[clause_ends[-1].end() :]
    # English: a cue among the last five words before the term.
    words = list(word.finditer(before.lower()))[-5:]
    cue_at = next((w.start() for w in words if w.group() in _EN_CUES), None)
    if cue_at is None and not before.isascii():
        # Chinese: a cue ending at most six characters before the term.
        near = len(before) - 6
        cues = [m for m in zh_cue.finditer(before, max(0, near - 3)) if m.end() >= near]
        cue_at = cues[0].start() if cues else None
    if cue_at is not None:
        return (before[cue_at:] + text[start:end]).strip()
    after = free_after.match(text[end : end + 6])
    if after is not None:
        return text[start : end + after.end()]
    return None
