"""A screening record's comparison line: the catalogue's items it names to say that the
technology is not one of them.

Compliance officers' records set the technology (标的, Subject) beside the catalogue's wording
(比对, Comparison) and conclude: "比对：用于人的细胞克隆和基因编辑技术控制范围为人类生殖细胞遗传物质
编辑，本项不符。", "Nearest catalogue wording (TCM materials: musk deer breeding) does not apply."
The terms of the catalogue's part of such a line are the catalogue's, not the deal's. A line
that finds a match ("四项参数同时满足", "相符", "licence required") keeps them, and so does a
line whose part before the turn names no catalogue wording: "对照：本项目为磷酸铁锂正极制备，不涉及
磷酸锰铁锂" is the project's own description.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from exportcheck.lazyre import compiled
from exportcheck.negation.clause import _SENTENCE_END, _set_aside_within

# The line's label: "比对：", "目录比对结果：", "对照目录：", "Comparison:", "4. Catalogue check:";
# or the sentence itself opens on the nearest wording: "Nearest catalogue entry (…) does not
# apply."
# An analyst's summary labels it as what the review weighs: "审查要点：", "审查意见：".
_LABEL = (
    r"(?:^|\n|(?<=[。；;])|(?<=\.\s))[ \t]*(?:[-*•·]\s*|\d{1,2}[.、)）]\s*)?"
    r"(?P<colon>[^\n:：。]{0,10}?(?:比对|比對|对照|對照|比照|对比|對比|审查要点|審查要點|审查意见|"
    r"審查意見|审核要点|審核要點|分析意见|分析意見)[^\n:：。]{0,8}?[:：]"
    r"|[^\n:：.]{0,30}?\b(?:comparison|compared|catalog(?:ue)?\s+check|review\s+points?)\b"
    r"[^\n:：.]{0,30}?[:：])"
    r"|\b(?:nearest|closest)\s+(?:catalog(?:ue)?\s+)?(?:entry|entries|item|wording|"
    r"(?:control\s+)?point)s?\b"
)
# What says the technology is not the catalogue's item: "本项不符", "不在所列药用菌范围",
# "未见目录对应条目", "does not apply", or a turn to what the project is instead ("；本项为小型低速
# 教学设备").
_NO_MATCH = (
    r"不符|不相符|不[属屬](?:于|於)?|不在[^。；;\n]{0,12}?(?:范围|範圍|之列|其列)|不在列|不适用|不適用"
    r"|未落入|不落入|未见|未見|未发现|未發現|不涉及|未涉及|不构成|不構成|未达到|未達到|达不到|達不到|\bdoes\s+not\s+(?:apply|match|fall)|\bnot\s+(?:covered|applicable|"
    r"within|listed|on\s+the\s+list)\b|\bno\s+match\b|\bfalls?\s+outside\b"
    r"|[；;，,]\s*(?:本项目?|本項目?|该项目?|該項目?|本案|该案|該案|this\s+(?:project|item|technology)|"
    r"the\s+project)\s*(?:为|為|系|是|仅|僅|只|is|only)"
)
# What says it is: "相符", "四项参数同时满足", "属限制类", "本项目涉及053707X…控制要点",
# "licence required".
_MATCH = (
    r"(?<![不未非])(?:相符|符合|落入|满足|滿足)|(?<![不未非])(?:属于?|屬於?)(?:限制|禁止)"
    r"|(?:本|该|該)(?:项|項)目?(?:的[^，,。；;\n]{0,20}?)?(?:涉及|属于|屬於|为|為)[^，,。；;\n]{0,30}?"
    r"(?:控制|管控|目录|目錄|条目|條目|\d{6}[jx](?![a-z0-9]))"
    r"|需(?:申请|申請|办理|辦理)|\bapplies\b|\bfalls?\s+(?:within|under)\b|\bmatches\b"
    r"|\blicen[cs]e\s+(?:is\s+)?required\b"
)
# Where the catalogue's part ends and the project's begins: "；香菇为食用菌", "，本项不符".
_TURN = (
    r"[；;]|[，,]\s*(?=本|该|該|此|\bthis\b|\bthe\s+(?:project|technology|deal|product|service)\b"
    r"|\bour\b)"
)
# What makes a part the catalogue's: its wording, an entry's code.
_CATALOGUE_SUBJECT = (
    r"控制|管控|目录|目錄|条目|條目|列举|列舉|限制的|禁止的|\d{6}[jx](?![a-z0-9])"
    r"|\bcatalog|\bentry\b|\bentries\b|\bitem\b|\bpoint\b|\bwording\b|\blisted\b"
)
# (One of these is in any text _LABEL matches.)
COMPARISON_WORDS = (
    *("比对", "比對", "对照", "對照", "比照", "对比", "對比", "审查要点", "審查要點", "审查意见"),
    *("審查意見", "审核要点", "審核要點", "分析意见", "分析意見"),
    *("comparison", "compared", "catalog", "nearest", "closest", "review point"),
)


def comparison_lines(
    masked: str, spans: Sequence[tuple[int, int]], out: dict[int, tuple[int, int]]
) -> None:
    """The terms in the catalogue's part of a comparison line that finds no match, set aside by
    the words that say so."""
    sentence_end = compiled(_SENTENCE_END)
    for label in compiled(_LABEL).finditer(masked):
        stop = sentence_end.search(masked, label.end())
        until = stop.start() if stop else len(masked)
        line = masked[label.start() : until]
        verdict = compiled(_NO_MATCH).search(line)
        if verdict is None:
            continue
        begin = label.end() if label.group("colon") else label.start()
        turn = compiled(_TURN).search(masked, begin, until)
        end = turn.start() if turn else until
        if any(
            not _required(masked, begin, found, end)
            for found in compiled(_MATCH).finditer(masked, label.start(), until)
        ):
            continue
        if not compiled(_CATALOGUE_SUBJECT).search(masked, begin, end):
            continue
        by = (label.start() + verdict.start(), label.start() + verdict.end())
        _set_aside_within(spans, out, begin, end, by)


def _required(masked: str, begin: int, found: re.Match[str], end: int) -> bool:
    """Whether the match ``found`` is the catalogue's requirement, not a finding: its part
    says what the point requires to be met ("252604X第2项要求压实密度≥2.38 g/cm³…等同时满足"),
    where "四项参数同时满足" finds the project meets it."""
    return (
        found.end() <= end
        and found.group() in ("满足", "滿足")
        and "要求" in masked[begin : found.start()]
    )


# What the catalogue says, in an answer that concludes the technology is not in it: "目录里禁止的
# 磁体制备技术，说的是“钐钴、钕铁硼、铈磁体制备技术”…所以这和稀土磁体那条没关系", "目录新增的是
# “激光雷达系统”…毫米波雷达不在激光雷达那一条里". The sentence that says what an entry holds names
# the catalogue's items; the conclusion may stand sentences later, so it is looked for in the
# whole text. ("三个控制要点分别是电池用磷酸铁锂、…" names the points one by one.)
_CATALOGUE_SAYS = (
    r"(?:(?:目录|目錄|条目|條目|那一?条|那一?條|控制要点|控制要點|新规|新規)[^。；;！？!?\n]{0,24}?"
    r"(?:禁止的|限制的|受限的|受控的|管控的|新增的|说的|說的|指的|管的|列的|列明的|针对的|針對的|规定的|規定的|"
    r"有关的，?|有關的，?|相关的，?|相關的，?)"
    r"(?:是|为|為)"
    # ... or the entry or its points named outright: "目录里那条是“…”", "控制要点都是和稀土有关的："
    r"|(?:那一?条|那一?條)(?:是|为|為)|(?:控制要点|控制要點)(?:都是|都为|都為|分别是|分別是|分别为|分別為|"
    r"包括|是|为|為)"
    # ... or a point by its number: "053707X“航空材料生产技术”第1项为含稀土铝锂合金的制备"
    r"|第[0-9一二三四五六七八九十]{1,2}(?:项|項|点|點)(?:为|為|是|规定|規定)"
    # ... or with what it holds in brackets: "第2项（稀土元素种类和含量）同样与本合金无关"
    r"|第[0-9一二三四五六七八九十]{1,2}(?:项|項|点|點)(?=[（(][^（()）\n]{1,40}[)）])"
    # ... or its scope: "目录中“用于人的细胞克隆和基因编辑技术”的最终范围针对人类生殖细胞…"
    r"|(?:目录|目錄|条目|條目)[^。；;！？!?\n]{0,40}?(?:范围|範圍)(?:针对|針對|限于|限於|仅限|僅限|是|为|為|指))"
    r"[^。；;！？!?\n]*"
)
_CONCLUDES_FREE = (
    r"不算|没关系|沒關係|无关|無關|不相干|按自由出口|自由出口技术|自由出口技術|不受限制|不落在|"
    r"不受控|不属于|不屬於|"
    r"不在[^。；;\n]{0,20}?(?:里|裡|内|內|范围|範圍|之列|其列)|不需要(?:申请|申請)?许可|不需要(?:申请|申請)?許可"
)
# ... and in English, as legal memos put it: "the prohibited item on human cell cloning and gene
# editing, as finally adopted, is confined to human germ-cell editing", in a memo that "cleared
# the deal (contract registered as free)".
_EN_CATALOGUE_SAYS = (
    r"\b(?:item|entry|control\s+point|catalogue|catalog)\b[^.;!?]{0,80}?"  # (wrapped lines too)
    r"\b(?:(?:is|was)\s+(?:confined|limited|restricted)\s+to|(?:only\s+)?(?:covers|concerns|targets|"
    r"reaches)|(?:is|was)\s+about|appli(?:es|ed)\s+(?:only\s+)?to)\b[^.;!?]{0,200}"
)
_EN_CONCLUDES_FREE = (
    r"\bregistered\s+as\s+(?:a\s+)?free\b|\bfree\s+(?:technology\s+)?export\b|\bfreely\s+exportable\b"
    r"|\bno\s+(?:export\s+)?licen[cs]e\s+(?:is\s+|was\s+)?(?:required|needed)\b"
    r"|\b(?:does|did)\s+not\s+(?:need|require)\s+(?:an?\s+)?(?:export\s+)?licen[cs]e\b"
    r"|\bcleared\s+the\s+(?:deal|transaction|licen[cs]e|export|contract)\b"
)
# (One of these is in any text _CATALOGUE_SAYS or _EN_CATALOGUE_SAYS matches.)
CATALOGUE_SAYS_WORDS = (
    *("目录", "目錄", "条目", "條目", "那条", "那一条", "那條", "那一條"),
    *("控制要点", "控制要點", "新规", "新規"),
    *("item", "entry", "point", "catalog"),
    *(f"{point}{verb}" for point in "项項点點" for verb in ("为", "為", "是", "规定", "規定")),
    *(f"{point}{bracket}" for point in "项項点點" for bracket in "（("),
)


def catalogue_says(
    masked: str, spans: Sequence[tuple[int, int]], out: dict[int, tuple[int, int]]
) -> None:
    """The terms of a sentence that says what the catalogue holds, in a text that concludes
    the technology is not in it, set aside by that sentence's opening words."""
    for says, concludes in (
        (_CATALOGUE_SAYS, _CONCLUDES_FREE),
        (_EN_CATALOGUE_SAYS, _EN_CONCLUDES_FREE),
    ):
        if compiled(concludes).search(masked) is None:
            continue
        for said in compiled(says).finditer(masked):
            for i, (start, end) in enumerate(spans):
                if said.start() <= start and end <= said.end():
                    out.setdefault(i, (said.start(), start))
