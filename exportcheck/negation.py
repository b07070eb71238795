"""Mentions the description itself rules out: "does not use personalised push",
"no recommendation engine, chatbot or drone", "LiDAR-free",
"不涉及个性化推荐、语音合成或无人机技术", "无人机业务不在本次转让范围内", "Unlike TikTok's
recommendation algorithm, …", "Excluded technology: (a) the TTS engine …".

Design §2.1 makes text a lead. A mention whose own sentence says the technology is absent, or
somebody else's, is no lead: counting it turned "an ERP that does not involve personalised
recommendation" into a review. Such a mention is set aside (shown in the result, never silently
dropped) when the wording is unambiguous; anything less certain stays a lead, and ``denial.py``
only points the cue out.

What is unambiguous, by language:

* English: a cue word (no, not, without, never, neither/nor, except, excluding, doesn't,
  instead of, rather than, removed, bought-in …) followed, in its clause, by words that carry
  the negation on — determiners, generic nouns ("no *such feature*") and, before the first
  term, auxiliaries and verbs of having and using ("does not *use any*") — up to the term.
  Lists carry it on: "no X or Y", and "no X, Y or Z" once an or/nor/and closes the list (an
  item may hold two words that are not terms: "no speech, wake-word or dialogue technology").
  Other words end the scope ("not *only* X", "no X and *relies on* Y"), and a cue after words
  that ended nothing is a negation of a negation and ignored ("cannot *work* without X").
  After the term: "X-free", "X is not included / not part of … / excluded / out of scope /
  licensed separately", "X was removed / replaced / divested / cancelled", "X are bought in";
  also past a phrase that describes X ("the X module shown in the demo is licensed
  separately").
* Chinese: a negating verb (不涉及, 不包含, 没有, 未采用, 不做, 放弃, 外购 …) governs its whole
  clause, up to the next comma or full stop, unless a word turns it (但, 而, 仅, 只, 还, 也,
  来 …: "没有激光雷达也能避障" still denies the LiDAR, which comes before 也). Past a 的 the term
  is what the clause describes ("不需要人工干预的推荐", "不使用云端的语音合成" affirm it), unless
  the words before 的 only qualify it ("不涉及基于用户画像的推荐", "不含任何形式的推送"). Bare
  无/非 count only directly before a term (无 begins 无人机, 非 begins 非洲; 除非 is "unless").
  After the term: 不在…范围, 不属于本次, 除外, 已被…取代, 仅供参考 …, also in the next clause
  when that clause says only that ("X由母公司保留，不在转让范围内"), past clauses that only
  say when or whether ("X仍在规划中，明年才可能开发，不属于本次授权"). "除X外" leaves X out
  when what follows is the scope without it ("除X外，本次转让包括Y"), not when it adds to X
  ("除X外，还提供Y") or negates the rest ("除X外均不转让").
  Goods named as such are no technology: "出口X成品", "X商品种子", "…，均为采购的成品" (not
  when the clause speaks of making them: "从毛坯到成品的加工工艺"); nor is anything in a
  description that declares a sale of goods with no technology ("提供整机不提供技术", "sold as
  goods"), unless another sentence hands technology over ("还转让飞控源代码").
* Either: a term in brackets right after a negated one is its gloss ("不含激光雷达（LiDAR）");
  somebody else's technology — a contrast up to the comma that closes it ("unlike X,",
  "不同于X，"), a competitor's product, a clause whose subject is a competitor and that does not
  name us; a patent's or paper's background section and a contract's exclusion list, to the end
  of their sentence; a contract's section headed as what it leaves out ("3. Excluded
  Technology", "第三条 除外技术", "Article 12 – Option (not exercised)"), to a blank line or
  the next heading of its kind.

Terms inside other terms never count as cues: the text is searched with every term masked.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any

import msgspec

_MASK = "\ue000"  # a private-use character: stands for a term's characters while cues are sought

# Clause ends: sentence punctuation before a space (not "2.5", not "e.g" inside a word), CJK
# sentence punctuation and commas, brackets, dashes, a blank line, a new list item.
_CLAUSE_END = r"[.;:!?](?=\s|$)|[。；：！？，（）()\[\]【】—–]|\n\s*\n|\n\s*(?:[-*•·]|\d+[.)])\s"

_BOUGHT = ("purchased", "bought", "procured")  # cues only as adjectives: "bought-in X"
_DETERMINERS = frozenset({"a", "an", "the", "this", "these", "those", "our", "their", "its"})
# With 't: doesn't, can't …
_NEGATED_VERBS = ("doesn", "don", "isn", "aren", "won", "wasn", "weren", "hasn", "haven", "didn")
_NEGATED_MODALS = ("can", "shouldn", "wouldn")
_EN_CUES = frozenset(
    {
        *("no", "not", "without", "never", "neither", "nor", "none", "except", "excluding"),
        *("cannot", "lacks", "lacking", "nothing", "removed", "removes", "dropped", "drops"),
        # "instead of X", "rather than X": X is what is not used
        *("instead", "rather"),
        # a bought part: its technology is the seller's ("bought-in NdFeB magnets")
        *_BOUGHT,
        *("excludes", "omits", "omitted"),
        *(f"{verb}{quote}t" for verb in _NEGATED_VERBS + _NEGATED_MODALS for quote in "'’"),
    }
)
# Words that carry a negation on to the first term after it: auxiliaries, verbs of having and
# using, prepositions ("does not *rely on* X", "is not *used for* X"). After a term they start a
# new predicate ("no chatbot and *relies on* X" affirms X), so there they end the scope.
_EN_LEAD = frozenset(
    {
        *("be", "been", "being", "is", "are", "was", "were", "will", "would", "does", "do"),
        *("did", "has", "have", "had", "need", "needs", "require", "requires", "required"),
        *("use", "uses", "used", "using", "utilise", "utilises", "utilize", "utilizes"),
        *("include", "includes", "included", "including", "involve", "involves", "involved"),
        *("involving", "contain", "contains", "containing", "provide", "provides", "providing"),
        *("offer", "offers", "implement", "implements", "perform", "performs", "employ"),
        *("employs", "support", "supports", "rely", "relies", "depend", "depends", "based"),
        *("equipped", "fitted", "ship", "ships", "integrate", "integrates", "integrated"),
        *("incorporate", "incorporates", "embed", "embeds", "embedded", "apply", "applies"),
        *("transfer", "transfers", "license", "licenses", "licence", "licences", "cover"),
        *("covers", "comprise", "comprises", "carry", "carries", "for", "in", "on"),
        *("with", "to", "than", "develop", "develops", "developed", "build"),
        *("builds", "built", "make", "makes", "made", "produce", "produces", "produced"),
        *("manufacture", "manufactures", "hold", "holds", "own", "owns", "sell", "sells"),
    }
)
# Words that carry it anywhere in a list of terms: determiners and generic nouns ("no such
# features", "no X module or Y").
_EN_CARRY = frozenset(
    {
        *("a", "an", "the", "any", "such", "other", "its", "their", "our", "this", "these"),
        *("that", "those", "either", "whatsoever", "kind", "kinds", "type", "types", "form"),
        *("forms", "sort", "function", "functions", "functionality", "module", "modules"),
        *("component", "components", "capability", "capabilities", "technology"),
        *("technologies", "technique", "techniques", "tool", "tools", "system", "systems"),
        *("service", "services", "engine", "engines", "software", "solution", "solutions"),
        *("element", "elements", "part", "parts", "algorithm", "algorithms", "method"),
        *("methods", "feature", "features", "of", "middleware", "library", "libraries", "sdk"),
        *("sdks", "platform", "platforms", "product", "products", "model", "models", "stack"),
        # common modifiers ("removed the *experimental* LiDAR feature", "no *AI* chatbot")
        *("own", "proprietary", "experimental", "optional", "additional", "separate", "ai"),
        *("dedicated", "onboard", "external", "internal", "automatic", "automated", "smart"),
        *("intelligent", "advanced", "standalone", "legacy", "third", "party", "related"),
    }
)
_EN_ITEM_WORDS = 2  # words that are not terms, allowed in one item of a negated list
# Words that make a cue restrict rather than negate ("not only", "not limited to").
_EN_RESTRICTING = frozenset(
    {"only", "just", "merely", "solely", "exclusively", "limited", "necessarily", "restricted"}
)
_EN_JOIN = frozenset({"or", "nor", "and", "/", "&", "、"})

# Negating verbs of Chinese, Simplified and Traditional. (无需 is left out: "无需人工干预的推荐"
# affirms the recommendation; 不需要 is in, and the 的 rule keeps "不需要人工干预的推荐" a lead.)
_ZH_CUES = (
    *("不涉及", "未涉及", "不牵涉", "不牽涉", "不包括", "不包含", "不含", "不使用", "未使用"),
    *("不采用", "不採用", "未采用", "未採用", "不提供", "不转让", "不轉讓", "没有", "沒有"),
    *("并无", "並無", "并未", "並未", "并非", "並非", "不进行", "不進行", "未进行", "未進行"),
    *("不从事", "不從事", "不开展", "不開展", "不研发", "不研發", "不生产", "不生產", "不具备"),
    *("不具備", "不具有", "不搭载", "不搭載", "未搭载", "未搭載", "不配备", "不配備", "未配备"),
    *("未配備", "不支持", "不支援", "不应用", "不應用", "不运用", "不運用", "不属于", "不屬於"),
    *("不集成", "未集成", "不内置", "不內置", "未内置", "未內置", "不做", "不构建", "不構建"),
    *("放弃", "放棄", "不再有", "不再提供", "不再使用", "不再包含", "不再包括", "不再支持"),
    *("外购", "外購", "采购的", "採購的", "外采", "外採", "购买的", "購買的", "市售"),
    *("不建立", "不控制", "不规划", "不規劃", "不采集", "不採集", "不收集", "不部署", "不安装"),
    *("不安裝", "不调用", "不調用", "不接入", "不嵌入", "不附带", "不附帶", "不带有", "不帶有"),
    *("不需要", "不依赖", "不依賴", "不依靠", "不基于", "不基於"),
    # Cantonese
    *("唔包括", "唔包含", "唔涉及", "唔提供", "唔使用", "唔會提供", "唔会提供", "唔用", "冇"),
)
# Words before a 的 that only qualify the term after it, which the negation then reaches.
_ZH_QUALIFIERS = (
    *("基于", "基於", "任何", "相关", "相關", "有关", "有關", "其他", "其它", "此类", "此類"),
    *("该类", "該類", "各类", "各類", "各种", "各種", "一切", "所有", "类似", "類似", "针对"),
    *("針對", "面向"),
)
# Bare negations that begin ordinary words (无人机, 非洲): cues only directly before a term.
_ZH_BARE = ("无", "無", "非")
# Words that turn a Chinese negation before the term: "不使用云端，而是…", "没有…也能…".
_ZH_TURNS = (
    *("但", "而", "却", "卻", "仅", "僅", "只", "就", "才", "还", "還", "也", "来", "來"),
    *("以便", "以免", "用于", "用於", "通过", "通過", "实现", "實現", "即可", "依然", "仍"),
    *("不仅", "不僅", "不但", "不只", "除了"),
)
_ZH_REACH = 30  # characters from a Chinese cue to the start of a term it governs
_BRACKET_REACH = 60  # characters of brackets that give examples of a negated phrase
_BRACKET_TURNS = ("除", "例外", "except", "but")  # "不提供硬件（无人机除外）": the drone is in

# After a term: "X-free"; "X (features) are not included / part of …"; "X is excluded".
_EN_AFTER = (
    r"\A(?:[-\u2010\u2011]free(?![a-z0-9])"
    r"|(?:\s+(?:features?|functions?|functionality|modules?|components?|business|unit|"
    r"capabilit(?:y|ies)|technolog(?:y|ies)|engines?|systems?|software|parts?|lines?|"
    r"programmes?|programs?|projects?|divisions?|teams?|products?|units?|businesses|"
    r"magnets?|cells?|sensors?|chips?))?"
    r"(?:\s*,?\s+(?:which|that))?\s+"
    r"(?:(?:is|are|was|were|will\s+be|shall\s+be)\s+(?:(?:not|never)\s+(?:be\s+)?"
    r"(?:included|part|involved|covered|transferred|licen[cs]ed|provided|offered|supplied|"
    r"used|in\s+scope|within\s+(?:the\s+)?scope)|excluded|out\s+of\s+scope|removed|"
    r"stripped\s+out|taken\s+out|licen[cs]ed\s+separately|(?:explicitly\s+|expressly\s+)?"
    r"(?:outside|beyond)\s+(?:the\s+|this\s+|our\s+)?(?:scope|licen[cs]e|deal|transfer|"
    r"agreement|transaction))"
    r"|(?:was|were|has\s+been|have\s+been)\s+(?:removed|divested|spun\s+off|sold\s+off|"
    r"carved\s+out|replaced|dropped|cancell?ed|abandoned|discontinued|shelved|archived)"
    r"|(?:is|are|was|were)\s+(?:bought(?:\s+in)?|purchased|procured)"
    # goods, not technology: "LFP cells are supplied as finished goods"
    r"|(?:is|are|was|were)\s+(?:supplied|purchased|bought|sold|shipped|delivered|imported)\s+"
    r"as\s+finished\s+(?:goods|products?|components?|parts?)"
    r"|not\s+included|excluded)(?![a-z0-9]))"
)
_ZH_AFTER = (  # after the term and the items listed with it ("X、订单系统和结算系统均不在…")
    r"\A(?:[^、，,。；;：:\ue000]{0,6}?(?:[、和及][^、，,。；;：:\ue000]{1,8}?){1,4}?)?"
    r"[^\ue000]{0,8}?(?:不在(?:本次)?[^\ue000]{0,6}范[围圍]|不[属屬]于本次|不[属屬]於本次|"
    r"不包括在|不包含在|不纳入|不納入|除外|不在本次|不随本次|不隨本次|不予[转轉][让讓]|"
    r"未纳入|未納入|未列入|不列入|仅供参考|僅供參考|仅作对比|僅作對比|仅作比较|僅作比較|"
    r"不构成[^\ue000]{0,6}标的|不構成[^\ue000]{0,6}標的|"
    r"不[属屬][于於][^\ue000]{0,4}?(?:转让|轉讓|授权|授權|许可|許可|交易|交付)|"
    r"(?:已经?|已經?)?被[^\ue000]{0,10}?(?:取代|替代|替换|替換)|"
    # at the clause's end only: "像抖音那样的推荐算法我们没有", not "推荐算法没有人工干预"
    r"(?:没有|沒有|不具备|不具備|不涉及|不提供|不做)\s*\Z)"
)
# Contrasts: what an "unlike" phrase names, up to the comma that closes it, is somebody
# else's ("Unlike TikTok's recommendation algorithm, this payroll tool …"); so is a
# competitor's product.
_EN_CONTRAST = r"\b(?:unlike|in\s+contrast\s+to|as\s+opposed\s+to)\b[^,\ue000]*"
_ZH_CONTRAST = "不同于|不同於|区别于|區別於|有别于|有別於|相比于|相比於"
_RIVALS = (
    r"\b(?:a\s+|the\s+)?(?:competitor|rival|competing\s+vendor)(?:['’]s|s['’])\s+$"
    r"|(?:竞争对手|競爭對手|竞品|競品|友商|对手|對手)(?:的|用的?|使用的?|采用的?|採用的?)?$"
    # ... and what somebody else owns ("the partner flies their own certified drones")
    r"|\btheir\s+own\s+(?:[a-z][a-z-]*\s+){0,2}$"
)
# A clause whose subject is a competitor speaks of the competitor's technology ("Competitor A
# sells drone autopilots", "对手用航拍机巡楼"), unless it speaks of us as well ("… than ours").
_RIVAL_SUBJECT = (
    r"[\s.;:!?。；：！？，,]*(?:(?:a|the|one|another|some)\s+)?(?:[a-z]+\s+){0,3}?"
    r"(?:competitors?|rivals?)"
    r"(?:\s+[a-z0-9]{1,12})?\s|[\s。；：！？，,]*(?:竞争对手|競爭對手|竞品|競品|友商|对手|對手)"
)
_OURS_WORDS = frozenset({"we", "our", "ours", "us"})
_CLAUSE_PUNCTUATION = " \t\n.;:!?。；：！？，,"
_OURS_ZH = ("我们", "我們", "我司", "本公司", "我方", "我哋", "本司", "本产品", "本產品")
# A clause that only says "… is not in the scope" speaks of the terms of the clause before
# it (Chinese drops the repeated subject): "推荐模块由母公司保留，不在转让范围内"; so does one
# whose subject points back to them ("该产品线及其代码均不在授权范围内", "相关程式码皆不随…").
_ZH_NEXT = (
    r"[，,]\s*(?:(?:该|該|此|上述|前述|这些|這些|相关|相關)\s*(?:产品线|產品線|产品|產品|业务|"
    r"業務|模块|模組|系统|系統|技术|技術|部分|功能|程序|程式|代码|代碼|源码|源碼|算法|演算法|"
    r"软件|軟體|軟件|平台|引擎|方案|项目|項目|团队|團隊|资产|資產|专利|專利|模型)"
    # what it adds ("及其代码、模型") may not turn to a part of it ("该系统的日志模块")
    r"[^，,。；;：:！？!?\n的]{0,12}?)?"
    r"(?:均|都|也|亦|皆|则|則)?\s*(?:不在|不[属屬]于|不[属屬]於|不包括在|不纳入|不納入|"
    r"不予[转轉][让讓]|不[转轉][让讓]|不交付|不许可|不許可|不授权|不授權|未纳入|未納入|"
    r"不构成|不構成|不[随隨]|"
    r"(?:为|為|是|系|係)[^，,。；;：:！？!?\n\ue000]{0,20}?成品(?!率))"
)
# A remark that may stand between the term's clause and that one: "X测试报告，仅供参考，不属于
# 转让内容", "X，仅作对比，不构成转让标的".
_ZH_REMARK = r"[，,]\s*(?:仅供参考|僅供參考|仅作对比|僅作對比|仅作比较|僅作比較|仅作参考|僅作參考)"
_ZH_NEXT_CHARS = frozenset("不未仅僅该該此上前这這相为為是系係")  # each opens a _ZH_NEXT/_REMARK
# Clauses that may stand between, because they only say when or whether (no subject of their
# own): "个人化推荐仍在规划中，明年才可能开发，不属于本次授权". A clause with a subject of its
# own ("订单系统由买方自建，不在范围内") speaks of that subject, so it is not skipped.
_ZH_PENDING = (
    r"[，,]\s*(?:明年|今年|后年|後年|以后|以後|后续|後續|将来|將來|未来|未來|目前|暂|暫|尚|仍|"
    r"才|可能|预计|預計|计划|計劃|拟|擬|待)[^，,。；;：:！？!?\n\ue000]{0,20}(?=[，,])"
)
_ZH_PENDING_CLAUSES = 2
_PENDING_FIRST = frozenset("明今后後以将將未目暂暫尚仍才可预預计計拟擬待")  # _ZH_PENDING's words
_LOOK = 300  # characters around a term searched for the ends of its clause
# Each pass over a clause runs only when the clause holds a word it starts from (most clauses
# with a term hold none), so a process compiles only the patterns it needs (0.2-1.8 ms each):
_ZH_CUE_CHARS = (
    "不未没沒并並无無非冇唔放外采採购購市"  # the first characters of _ZH_CUES and _ZH_BARE
)
_AFTER_WORDS = frozenset(
    {"not", "never", "excluded", "removed", "stripped", "taken", "scope", "separately", "finished"}
    | {"outside", "beyond", "divested", "spun", "sold", "carved", "replaced", "dropped"}
    | {"cancelled", "canceled", "abandoned", "discontinued", "shelved", "archived"}
    | set(_BOUGHT)
)
_AFTER_CHARS = "不除没沒未仅僅已被"  # the first characters of _ZH_AFTER's cues
# Right after a term, _EN_AFTER needs "-free" or one of these among the next words.
_FREE = ("-free", "\u2010free", "\u2011free")
_AUXILIARIES = frozenset({"is", "are", "was", "were", "will", "shall", "has", "have", "not"})
_AUXILIARIES |= {"excluded", "excluded,", "excluded."}
_OTHER_WORDS = (
    *("unlike", "contrast", "opposed", "compet", "rival", "同于", "同於", "别于", "別於"),
    "their own",
    *("比于", "比於", "竞争", "競爭", "竞品", "競品", "友商", "对手", "對手"),
)
# Sections of a patent or paper about other work: what they name is background. (The words
# are looked for first: the pattern has no literal prefix to skip ahead with.)
_BACKGROUND_WORDS = (  # one of them is in any text _BACKGROUND matches
    *("background", "prior art", "related work", "背景技", "现有技", "現有技", "先前技"),
    *("相关工作", "相關工作", "excluded", "exclusions", "of scope", "not in scope", "范围外"),
    *("not licensed", "not licenced", "not included", "not transferred"),
    *("範圍外", "排除项", "排除項", "不在范围内", "不在範圍內", "除外项目", "除外項目"),
)
_BACKGROUND = (
    r"(?:background\s+(?:of\s+the\s+invention|art)|prior\s+art|related\s+work|"
    r"背景技术|背景技術|现有技术|現有技術|先前技术|先前技術|相关工作|相關工作|"
    # ... and the list of what a contract or an offer leaves out
    r"excluded\s+(?:technology|technologies|items|components|software)|exclusions|"
    r"out\s+of\s+scope|not\s+in\s+scope|not\s+(?:licen[cs]ed|included|transferred)|"
    r"范围外|範圍外|排除项目?|排除項目?|不在范围内的?|不在範圍內的?|除外项目|除外項目)\s*[:：]"
    # a section title on a line of its own, ended by a full stop ("Related work.")
    r"|(?:^|\n)\s*(?:related\s+work|prior\s+art|background\s+of\s+the\s+invention)\s*[.]"
)


_WORDS = r"[a-z0-9]+(?:['’][a-z]+)?|/|&|,|、|\ue000+|[^\x00-\x7f\ue000\s、]+"
_ZH_CUE = "|".join(_ZH_CUES)
_ZH_TURN = "|".join(_ZH_TURNS)
_ZH_JOIN = "[和及与與或]|以及|或者|或是|及其"
_SENTENCE_END = r"[。！？!?…]|[.](?=\s|$)|\n\s*\n"


@functools.cache
def _compiled(source: str) -> re.Pattern[str]:
    """Each pattern compiled on its first use (0.2-1.8 ms each): a text whose clauses hold
    no cue needs two of them, and a one-profile check's start-up is a measured target."""
    return re.compile(source)


def negations(text: str, spans: Sequence[tuple[int, int]]) -> dict[int, tuple[int, int]]:
    """The spans (by index) the text negates, each with the span of its negation: from the
    cue through the term, or from the term through the words after it. ``spans`` are the
    terms found in ``text``, sorted by start (they may overlap, not nest)."""
    return negations_in(text, spans, gated=True)


def negations_in(
    text: str, spans: Sequence[tuple[int, int]], *, gated: bool
) -> dict[int, tuple[int, int]]:
    """:func:`negations`; ``gated``: run a pass over a clause only when the clause holds a
    word the pass starts from (the same answers, faster; a property test holds the two to
    each other)."""
    if not spans:
        return {}
    masked = _masked(text, spans)
    clause_end = _compiled(_CLAUSE_END)
    out: dict[int, tuple[int, int]] = {}
    index = 0
    while index < len(spans):  # the clause of each term, looked for near the term only
        start, end = spans[index]
        lo = max(0, start - _LOOK)
        begin = lo
        for found in clause_end.finditer(masked, lo, start):
            begin = found.start()
        after = clause_end.search(masked, end, end + _LOOK)
        finish = after.start() if after else min(len(masked), end + _LOOK)
        inside = [index]
        index += 1
        while index < len(spans) and spans[index][1] <= finish:
            inside.append(index)
            index += 1
        words = tuple(_compiled(_WORDS).finditer(masked, begin, finish))
        clause = _Clause(masked, begin, finish, spans, inside, out, words)
        _passes(clause, gated=gated)
        _next_clause(clause, gated=gated)
    _glosses(masked, spans, out)
    cues = _text_cues(masked)  # the words the passes over the whole text start from
    declared = _goods_only(text) if not cues.isdisjoint(_GOODS_ONLY_WORDS) else None
    if declared is not None:
        for i in range(len(spans)):
            out.setdefault(i, declared)
    if not gated or "(" in masked or "（" in masked:
        _other_senses(text, masked, spans, out)
    if not gated or ("\n" in masked and not cues.isdisjoint(_EXCLUSION_WORDS)):
        _exclusion_sections(_masked(text, spans, asides=True), spans, out)
    if not gated or (
        any(mark in masked for mark in ":：.") and not cues.isdisjoint(_BACKGROUND_WORDS)
    ):
        _background(masked, spans, out)
    return out


def _text_cues(lowered: str, *, automaton: bool | None = None) -> frozenset[str]:
    """The words of _CUE_WORDS in ``lowered``, for the three passes over a whole text. A regex
    alternation scans at ~15-20 us per 2.4 KB and more with more words; the Aho-Corasick
    automaton the term index uses (Rust) takes ~5 us. Its import and build (~1.2 ms) are paid
    only once the term index has imported it (a process checking many texts); before that,
    one test per word. (``automaton``: force one way; the two agree, a test holds them to.)"""
    if automaton is None:
        automaton = "ahocorasick_rs" in sys.modules
    if not automaton:
        return frozenset(word for word in _CUE_WORDS if word in lowered)
    found = _cue_automaton().find_matches_as_indexes(lowered, overlapping=True)
    return frozenset(_CUE_WORDS[index] for index, _, _ in found)


@functools.cache
def _cue_automaton() -> Any:
    import ahocorasick_rs

    return ahocorasick_rs.AhoCorasick(_CUE_WORDS)


def _next_clause(c: _Clause, *, gated: bool) -> None:
    """ "X由母公司保留，不在转让范围内": the next clause negates this one's terms when it
    begins so and names no term of its own."""
    masked, finish = c.masked, c.end
    if gated and masked[finish : finish + 1] not in "，,":
        return
    for _ in range(_ZH_PENDING_CLAUSES):
        if gated and masked[finish + 1 : finish + 40].lstrip()[:1] not in _PENDING_FIRST:
            break
        pending = _compiled(_ZH_PENDING).match(masked, finish)
        if pending is None:
            break
        finish = pending.end()
    if gated and not _ZH_NEXT_CHARS & set(masked[finish : finish + 8]):
        return
    remark = _compiled(_ZH_REMARK).match(masked, finish)
    said = _compiled(_ZH_NEXT).match(masked, remark.end() if remark else finish)
    if said is None and remark is not None:
        said = remark  # "X，仅供参考。": the remark alone says it
    if said is None:
        return
    after = _compiled(_CLAUSE_END).search(masked, said.end())
    stop = after.start() if after else len(masked)
    if _MASK in masked[said.end() : stop]:
        return
    for i in c.inside:
        c.negate(i, c.spans[i][0], said.end())


def _background(
    masked: str, spans: Sequence[tuple[int, int]], out: dict[int, tuple[int, int]]
) -> None:
    """A patent's "Background of the invention:" or a paper's "相关工作：" sentence names
    other work, and a contract's "Excluded technology:" or an offer's "范围外：" what is left
    out: their terms are set aside up to the end of that sentence (a line wrap does not end
    it, a blank line does)."""
    header, sentence_end = _compiled(_BACKGROUND), _compiled(_SENTENCE_END)
    for found in header.finditer(masked):
        stop = sentence_end.search(masked, found.end())
        until = stop.start() if stop else len(masked)
        for i, (start, end) in enumerate(spans):
            if found.end() <= start and end <= until:
                out.setdefault(i, (found.start(), end))


# A contract's section that lists what is left out: a heading on a line of its own ("3.
# Excluded Technology", "第三条 除外技术", "Schedule B – Excluded Assets", "Article 12 – Option
# (not exercised)") and the lines under it, up to a blank line or the next heading of its kind.
_HEADING_MARKS = {  # the kinds of heading mark, each with the pattern that opens the next one
    "zh": r"第[一二三四五六七八九十百零〇两\d]+[条條章节節款]",
    "word": r"(?:article|section|schedule|annex|appendix|clause|part|exhibit)\b[^\n]{0,8}?"
    r"(?:\s[-–—]|[:：.]|\s)",
    "number": r"\d+(?:\.|、|．)(?!\d)",
    "hash": r"#+",
}
_EXCLUSION_TITLE = (
    r"(?:excluded\s+(?:technolog(?:y|ies)|assets?|items?|components?|software|scope|businesses|"
    r"subject\s+matter)|excluded\s+from\b|exclusions?\b|out\s+of\s+scope|not\s+(?:licen[cs]ed|"
    r"included|transferred)\b|retained\s+(?:assets|businesses|technolog(?:y|ies))|"
    r"options?\b[^\n]{0,40}?(?:not\s+exercised|unexercised|lapsed)|"
    r"除外(?:技术|技術|条款|條款|事项|事項|资产|資產|项目|項目|内容|內容|范围|範圍)|"
    r"排除(?:事项|事項|范围|範圍|项目|項目|内容|內容)|不在(?:本次)?(?:许可|許可|转让|轉讓|授权|授權)?"
    r"范[围圍]|不[属屬][于於](?:本次)?(?:许可|許可|转让|轉讓|授权|授權)|未行使)"
)
# A line without a mark must begin with the title ("- LiDAR: not included" is a list item;
# "Out of scope: X" is an inline list, see _BACKGROUND); a heading has lines under it; and a
# title that joins the exclusions to something else ("Scope and exclusions", "许可范围及除外
# 条款") heads more than what is left out.
_EXCLUSION_HEADING = (
    r"(?m)^[ \t]*(?:(?P<mark>"
    + "|".join(f"(?P<{k}>{v})" for k, v in _HEADING_MARKS.items())
    + r")[ \t]*(?:(?!\band\b|\bor\b|&|及|和|与|與|或)[^\n]){0,30}?)?"
    + _EXCLUSION_TITLE
    + r"[^\n.。;；,，!?！？:：]{0,50}[:：]?[ \t]*(?=\n)"
)
_EXCLUSION_WORDS = (  # one of them is in any text _EXCLUSION_HEADING matches
    *("exclu", "out of scope", "not licen", "not included", "not transferred", "retained"),
    *("exercised", "lapsed", "除外", "排除", "不在", "不属", "不屬", "未行使"),
)
# A section that says it leaves nothing out ("Exclusions\nNone.") sets nothing aside.
_NOTHING = r"\s*(?:none\b|n/a\b|nil\b|not\s+applicable|[无無][。.；;]?\s*$|暂无|暫無|没有|沒有)"


def _exclusion_sections(
    masked: str, spans: Sequence[tuple[int, int]], out: dict[int, tuple[int, int]]
) -> None:
    """The terms of a section headed as what the contract leaves out (see _EXCLUSION_HEADING),
    each set aside with the heading as the words that say so. (``masked`` with its short
    asides kept: "Option (not exercised)".)"""
    blank = _compiled(r"\n[ \t]*(?:\n|$)")
    for heading in _compiled(_EXCLUSION_HEADING).finditer(masked):
        body = heading.end()
        while masked[body : body + 1] in ("\n", " ", "\t") and body < len(masked):
            body += 1  # blank lines between the heading and its first line
        if _compiled(_NOTHING).match(masked, body):
            continue
        ends = [len(masked)]
        gap = blank.search(masked, body)
        if gap:
            ends.append(gap.start())
        kind = next((k for k in _HEADING_MARKS if heading.group(k)), None)
        if kind is not None:
            following = _compiled(r"(?m)^[ \t]*(?:" + _HEADING_MARKS[kind] + ")")
            after = following.search(masked, body)
            if after:
                ends.append(after.start())
        until = min(ends)
        line_start, line_end = heading.start(), heading.end()
        while line_start < line_end and masked[line_start] in " \t\n":
            line_start += 1
        for i, (start, end) in enumerate(spans):
            if line_start <= start and end <= until:
                out.setdefault(i, (line_start, line_end))


# A description that says the deal is a sale of goods and no technology goes with it: "提供整机
# 不提供技术", "作为商品出口", "本次交易为一般货物贸易", "sold as goods", "no technology is
# transferred". Every mention in it then names the goods (design §2.1: text is a lead, and
# this text says what it leads to). Not in a question ("是否属于技术出口？"), a condition or a
# negation ("如另行提供源代码，则不再属于货物贸易"), and not when another sentence of the text
# hands over technology without a negation in it ("还转让飞控源代码").
_GOODS_ONLY = (
    r"提供整机[，,、]?\s*不提供技术|(?:作为|作為|属于|屬於|系|为|為)(?:一般)?(?:商品|货物|貨物)"
    r"(?:出口|贸易|貿易)|不(?:构成|構成|涉及|属于|屬於)(?:任何)?技[术術](?:出口|转让|轉讓)|"
    r"无需(?:办理|辦理|按)技术出口|無需(?:辦理|按)技術出口|"
    r"\b(?:sold|exported|shipped|supplied|delivered)\s+as\s+(?:finished\s+)?goods\b|"
    r"\bgoods[- ]only\b|"
    r"\b(?:an?\s+)?(?:ordinary\s+|plain\s+|pure\s+)?(?:sale|export)\s+of\s+goods\b|"
    r"\bno\s+technology\s+(?:is|will\s+be|shall\s+be|was)\s+(?:transferred|exported|licen[cs]ed|"
    r"disclosed)\b|\bnot\s+an?\s+technology\s+(?:export|transfer)\b|"
    r"\bdoes\s+not\s+(?:constitute|involve|amount\s+to)\s+(?:an?\s+|any\s+)?technology\s+"
    r"(?:export|transfer)\b"
)
_GOODS_ONLY_WORDS = (  # one of them is in any text _GOODS_ONLY matches (and seldom others)
    *("提供整机", "商品出口", "商品贸易", "商品貿易", "货物出口", "货物贸易"),
    *("貨物出口", "貨物貿易", "不构成", "不構成", "不涉及技", "不涉及任何技"),
    *("不属于技", "不屬於技", "不属于任何技", "不屬於任何技", "无需", "無需"),
    *("as goods", "goods only", "goods-only", "of goods", "no technology", "not a technology"),
    *("not an technology", "not constitute", "not involve", "not amount to"),
)
_UNLESS = r"是否|如果|如|若|假如|倘若|不再|并非|並非|\bif\b|\bwhether\b|\bunless\b"
# Words that hand over technology; in a sentence with no negation they outweigh the declaration.
_HANDED_OVER = (
    *("源代码", "源代碼", "源码", "源碼", "技术资料", "技術資料", "工艺包", "工藝包", "工艺文件"),
    *("工藝文件", "设计图纸", "設計圖紙", "技术秘密", "技術秘密", "source code", "know-how"),
    *("design files", "technical documentation", "process package"),
)
_SENTENCE_NEGATION = (  # ... or a condition: "如今后拟提供算法源代码，应另行评估"
    r"不|未|没|沒|无|無|非|\bno\b|\bnot\b|n't\b|\bwithout\b|\bnor\b|\bnever\b|\bexcluding\b|"
    r"如果|如今后|如今後|如需|如另|如拟|如擬|若|假如|倘若|一旦|\bif\b|\bunless\b|\bshould\b"
)


def goods_only_declaration(text: str) -> tuple[int, int] | None:
    """The span of a declaration that the described deal is a sale of goods with no technology
    (see _GOODS_ONLY), or None. (Shared by the title: see facts.)"""
    if _text_cues(text.lower()).isdisjoint(_GOODS_ONLY_WORDS):
        return None
    return _goods_only(text)


@functools.lru_cache(maxsize=4)
def _goods_only(text: str) -> tuple[int, int] | None:
    """goods_only_declaration() for a text that holds one of its words. (Cached: the summary
    is read for itself and again for the title.)"""
    lowered = text.lower()
    sentence_end = _compiled(_SENTENCE_END + r"|[?？]")
    declared = None
    for found in _compiled(_GOODS_ONLY).finditer(lowered):
        begin = max(0, found.start() - _LOOK)
        for end in sentence_end.finditer(lowered, begin, found.start()):
            begin = end.end()
        after = sentence_end.search(lowered, found.end())
        if after is not None and after.group() in "?？":
            continue  # a question
        if _compiled(_UNLESS).search(lowered, begin, found.start()):
            continue
        declared = found.span()
        break
    if declared is None:
        return None
    negation = _compiled(_SENTENCE_NEGATION)
    starts = [0, *(end.end() for end in sentence_end.finditer(lowered))]
    for begin, stop in zip(starts, [*starts[1:], len(lowered)], strict=True):
        sentence = lowered[begin:stop]
        if any(word in sentence for word in _HANDED_OVER) and not negation.search(sentence):
            return None
    return declared


# An abbreviation the text defines as something that is no term: "temporary threshold shift
# (TTS)", "CTR (current-transformer ratio)". Every use of it in the text has that sense.
_ACRONYM = r"[A-Z][A-Z0-9]{1,5}s?"
_ACRONYM_FILLERS = frozenset({"of", "and", "the", "for", "in", "on", "to", "a", "&"})


def _initials_spell(words: list[str], acronym: str) -> bool:
    """Whether ``words`` (in order) spell ``acronym`` by their initials, small words skipped."""
    letters = [ch for ch in acronym.lower() if ch.isalnum()]
    kept = [w for w in words if w not in _ACRONYM_FILLERS or w[0] == letters[0]]
    return len(kept) == len(letters) and all(
        w[0] == ch for w, ch in zip(kept, letters, strict=True)
    )


def abbreviations_defined(
    text: str, spans: Sequence[tuple[int, int]]
) -> dict[str, tuple[int, int]]:
    """The abbreviations among the terms at ``spans`` that ``text`` defines by words that are
    no term ("temporary threshold shift (TTS)"), each with the span of its definition. (The
    title, which seldom defines anything, shares the summary's definitions: see facts.)"""
    if "(" not in text and "（" not in text:
        return {}
    return _defined(text, _masked(text, spans, asides=True), spans)


def _other_senses(
    text: str, masked: str, spans: Sequence[tuple[int, int]], out: dict[int, tuple[int, int]]
) -> None:
    """Every use of an abbreviation the text defines by words that are no term, set aside
    with the definition as the words that say so."""
    defined = _defined(text, masked, spans)
    for i, (start, end) in enumerate(spans):
        where = defined.get(text[start:end])
        if where is not None:
            out.setdefault(i, where)


def _defined(
    text: str, masked: str, spans: Sequence[tuple[int, int]]
) -> dict[str, tuple[int, int]]:
    acronym_re, word_re = _compiled(_ACRONYM), _compiled(r"[a-z0-9]+|\ue000+")
    defined: dict[str, tuple[int, int]] = {}
    for start, end in spans:
        acronym = text[start:end]
        if acronym in defined or not acronym_re.fullmatch(acronym):
            continue
        letters = acronym[:-1] if acronym.endswith("s") else acronym
        reach = 12 * len(letters)
        if masked[start - 1 : start] in ("(", "（") and masked[end : end + 1] in (")", "）"):
            # "temporary threshold shift (TTS)": the words before the bracket
            words = list(word_re.finditer(masked, max(0, start - 1 - reach), start - 1))
            for size in range(len(letters), len(letters) + 4):
                tail = words[-size:]
                if len(tail) == size and _initials_spell([w.group() for w in tail], letters):
                    if _MASK not in masked[tail[0].start() : start]:
                        defined[acronym] = (tail[0].start(), end + 1)
                    break
            continue
        opening = end + 1 if masked[end : end + 1] == " " else end
        if masked[opening : opening + 1] not in ("(", "（"):
            continue
        # "CTR (current-transformer ratio)": the words in the bracket
        close = _compiled(r"[)）]").search(masked, opening, opening + reach)
        if close is None:
            continue
        inside = masked[opening + 1 : close.start()]
        spelled = [w.group() for w in word_re.finditer(inside)]
        if _MASK not in inside and spelled and _initials_spell(spelled, letters):
            defined[acronym] = (start, close.end())
    return defined


_OPENING, _CLOSING = "(（[【", ")）]】"


def _glosses(
    masked: str, spans: Sequence[tuple[int, int]], out: dict[int, tuple[int, int]]
) -> None:
    """A term in brackets right after a negated term glosses it: "不含激光雷达（LiDAR）"."""
    for i in range(len(spans) - 1):
        if i not in out or i + 1 in out:
            continue
        (_, end), (start, after) = spans[i], spans[i + 1]
        opening = masked[end:start].strip()
        closing = masked[after : after + 2].strip()[:1]
        if len(opening) == 1 and opening in _OPENING and closing and closing in _CLOSING:
            out[i + 1] = (out[i][0], after + 1)


def _masked(text: str, spans: Sequence[tuple[int, int]], *, asides: bool = False) -> str:
    """``text`` lower-cased, with the terms' characters masked (same length: offsets hold),
    and short asides blanked unless ``asides``."""
    pieces, at = [], 0
    for start, end in spans:
        pieces.append(text[at:start].lower())
        pieces.append(_MASK * (end - max(at, start)))
        at = max(at, end)
    pieces.append(text[at:].lower())
    # A short aside without a term is no clause of its own: "we do not (yet) offer X",
    # "范围外（客户确认）：X". (Blanked to spaces: the offsets hold.)
    masked = "".join(pieces)
    if asides or ("(" not in masked and "（" not in masked):
        return masked
    return _compiled(_ASIDE).sub(lambda m: " " * len(m.group()), masked)


_ASIDE = r"[(（][^()（）\ue000\n]{0,16}[)）]"


class _Clause(msgspec.Struct, frozen=True):
    """One clause of the masked text (``begin``-``end``), the terms in it (indexes into
    ``spans``), its words, and the negations found so far (``out``, shared by all
    clauses)."""

    masked: str
    begin: int
    end: int
    spans: Sequence[tuple[int, int]]
    inside: list[int]
    out: dict[int, tuple[int, int]]
    tokens: tuple[re.Match[str], ...]  # its words (_WORDS), read by several passes

    def negate(self, index: int, start: int, end: int) -> None:
        """Term ``index`` is negated by ``masked[start:end]`` (the first negation found stays)."""
        self.out.setdefault(index, (start, end))

    def negate_within(self, found: re.Match[str]) -> None:
        """Every term of the clause that lies inside ``found`` is negated by it."""
        for i in self.inside:
            if found.start() <= self.spans[i][0] and self.spans[i][1] <= found.end():
                self.negate(i, found.start(), found.end())


def _gate(words: Sequence[str]) -> Callable[[str], bool]:
    """A test whether a clause holds one of ``words``: the set of their first characters rules
    most clauses out in one pass, with nothing to compile (start-up is a measured target)."""
    first = frozenset(word[0] for word in words)
    held = tuple(words)
    return lambda text: not first.isdisjoint(text) and any(word in text for word in held)


def _passes(c: _Clause, *, gated: bool) -> None:
    text = c.masked[c.begin : c.end]
    words = frozenset(token.group() for token in c.tokens)
    if not gated or not _ZH_CUE_SET.isdisjoint(text):
        _chinese(c)
    if not gated or c.masked[c.begin : c.begin + 1] in ("（", "("):
        _bracket_examples(c)
    if not gated or _HAS_GOODS_WORD(text):
        _goods(c)
    if not gated or "finished" in text or "resale" in text:
        _english_goods(c)
    if not gated or _HAS_ORGANISATION_WORD(text):
        _organisations(c, words)
    if not gated or _HAS_OPTION_WORD(text):
        _lapsed_options(c)
    if not gated or not _EN_CUES.isdisjoint(words):
        _english(c)
    after = "free" in text or not _AFTER_WORDS.isdisjoint(words)
    if not gated or after or not _AFTER_SET.isdisjoint(text) or _glossed_word(c):
        _after(c, gated=gated)
    if not gated or not _PREDICATE_START.isdisjoint(words):
        _listed_subject(c)
    if not gated or _HAS_OTHER_WORD(text):
        _others(c, words)
    if not gated or "除" in text:
        _except(c)


# "除X外" leaves X out or adds to it, by what follows: "除X外，本次转让包括Y" and "除X以外的
# 模块均转让" leave it out; "除X外，还提供Y" adds Y, and "除X外均不转让" leaves only X in.
_ZH_EXCEPT = r"除(?!非)(?:了|开|開)?[^，,。；;：:！？!?\n]{1,40}?(?:以外|之外|外)"
_ZH_EXCEPT_IN = r"包括|包含|转让|轉讓|授权|授權|许可|許可|交付|均|都|全部|其余|其餘|其他|其它"
_ZH_EXCEPT_OUT = r"还|還|也|另|亦|同时|同時|以及|不|没|沒|未|无|無|再|更"


def _except(c: _Clause) -> None:
    """The terms of "除X、Y外" when what follows leaves them out of the scope."""
    masked, spans = c.masked, c.spans
    clause_end = _compiled(_CLAUSE_END)
    for found in _compiled(_ZH_EXCEPT).finditer(masked, c.begin, c.end):
        items = [i for i in c.inside if found.start() < spans[i][0] < found.end()]
        if not items:
            continue
        end = clause_end.search(masked, found.end())
        stop = end.start() if end else len(masked)
        if end and end.group() in "，,":  # the clause that says what the rest is
            end = clause_end.search(masked, end.end())
            stop = end.start() if end else len(masked)
        rest = masked[found.end() : stop]
        if _compiled(_ZH_EXCEPT_OUT).search(rest) or not _compiled(_ZH_EXCEPT_IN).search(rest):
            continue
        for i in items:
            c.negate(i, found.start(), found.end())


def _others(c: _Clause, words: frozenset[str]) -> None:
    """Somebody else's technology: a contrast ("unlike X,", "不同于X，"), a competitor's
    product, a clause whose subject is a competitor."""
    masked, spans = c.masked, c.spans
    en_contrast, zh_contrast = _compiled(_EN_CONTRAST), _compiled(_ZH_CONTRAST)
    for contrast in en_contrast.finditer(masked, c.begin, c.end):
        close = masked.find(",", contrast.end(), c.end)
        if close < 0:
            continue  # no comma closes it: the contrast may run over the whole sentence
        for i in c.inside:
            if contrast.start() < spans[i][0] and spans[i][1] <= close:
                c.negate(i, contrast.start(), spans[i][1])
    for contrast in zh_contrast.finditer(masked, c.begin, c.end):
        for i in c.inside:  # a Chinese clause ends at its comma already
            if contrast.end() <= spans[i][0]:
                c.negate(i, contrast.start(), spans[i][1])
    rivals = _compiled(_RIVALS)
    for i in c.inside:
        owner = rivals.search(masked, max(c.begin, spans[i][0] - 24), spans[i][0])
        if owner is not None:
            c.negate(i, owner.start(), spans[i][1])
    subject = _compiled(_RIVAL_SUBJECT).match(masked, c.begin, c.end)
    text = masked[c.begin : c.end]
    if subject is None or any(word in text for word in _OURS_ZH):
        return
    if not _OURS_WORDS.isdisjoint(words):
        return
    said = subject.group()
    begins = subject.start() + len(said) - len(said.lstrip(_CLAUSE_PUNCTUATION))
    for i in c.inside:
        c.negate(i, begins, spans[i][1])


def _chinese(c: _Clause) -> None:
    masked, spans = c.masked, c.spans
    starts = {spans[i][0]: i for i in c.inside}
    for bare in _ZH_BARE:
        at = masked.find(bare, c.begin, c.end)
        while at >= 0:
            governed = starts.get(at + 1)
            unless = at > c.begin and masked[at - 1] == "除"  # 除非: unless
            if governed is not None and not unless:
                c.negate(governed, at, spans[governed][1])
            at = masked.find(bare, at + 1, c.end)
    zh_turn = _compiled(_ZH_TURN)
    for cue in _compiled(_ZH_CUE).finditer(masked, c.begin, c.end):
        turn = zh_turn.search(masked, cue.end(), c.end)
        stop = min(turn.start() if turn else c.end, cue.end() + _ZH_REACH + 1)
        stop = min(stop, _described_from(masked, cue.end(), stop))
        for i in c.inside:
            start, term_end = spans[i]
            if cue.end() <= start and term_end <= stop:
                c.negate(i, cue.start(), term_end)


# Goods, not technology: "出口烧结钕铁硼磁钢成品", "杂交水稻商品种子". Not a clause that speaks
# of making or of a process ("从毛坯到成品的加工工艺", "授权生产X成品"): that is technology.
_GOODS = r"(?:成品|商品)(?!率|化|房)|零售|批发|批發|经销|經銷|分销|分銷"
_MAKING_WORDS = (
    *("工艺", "工藝", "技术", "技術", "方法", "制备", "製備", "加工", "配方", "流程", "工序"),
    *("生产", "生產", "制造", "製造", "制作", "製作", "诀窍", "訣竅", "研发", "研發"),
)


_GOODS_WORDS = ("成品", "商品", "零售", "批发", "批發", "经销", "經銷", "分销", "分銷")
# A supplier described by the technology it works with: "systems supplied by foreign drone
# makers", "由一家激光雷达厂商提供的模组". Only where the organisation is where something comes
# from (by, from, 由, 从): a recipient is often in the very business of the technology it
# receives ("转让给巴西一家植物药企业" transfers plant-drug production), so "to a drone maker",
# "向一家…企业" stay leads. Never in a clause that names us ("我们是一家语音合成公司").
_ZH_ORGANISATION = (
    r"[^\ue000，,。；;：:]{0,4}?(?:企业|企業|公司|厂商|廠商|厂家|廠家|集团|集團|经销商|經銷商|"
    r"供应商|供應商|客户|客戶)"
)
_ZH_ANOTHER = (
    r"(?:由|从|從|自)[^，,。；;：:\ue000]{0,6}?"
    r"(?:一家|某家?|多家|几家|幾家|各家|其他|其它|国外|國外|海外|境外|外国|外國|当地|當地)"
)
_EN_ORGANISATION = (
    r"(?:[-\s][a-z]+){0,2}?\s+(?:companies|company|firms?|makers?|manufacturers?|vendors?|"
    r"suppliers?|start-?ups?|operators?|dealers?|distributors?|customers?)(?![a-z])"
)
_EN_FROM = frozenset({"by", "from"})
_ORGANISATION_WORDS = (
    *("企业", "企業", "公司", "厂", "廠", "集团", "集團", "商", "客户", "客戶", "compan", "firm"),
    *("maker", "manufacturer", "vendor", "supplier", "startup", "start-up", "operator"),
    *("dealer", "distributor", "customer"),
)


def _organisations(c: _Clause, words: frozenset[str]) -> None:
    """The terms that describe another organisation (see _ZH_ORGANISATION)."""
    masked, spans = c.masked, c.spans
    text = masked[c.begin : c.end]
    if any(word in text for word in _OURS_ZH) or not _OURS_WORDS.isdisjoint(words):
        return
    zh_org, zh_another = _compiled(_ZH_ORGANISATION), _compiled(_ZH_ANOTHER)
    en_org, word_re = _compiled(_EN_ORGANISATION), _compiled(r"[a-z]+")
    for i in c.inside:
        start, end = spans[i]
        org = zh_org.match(masked, end, c.end)
        if org is not None and zh_another.search(masked, max(c.begin, start - 16), start):
            c.negate(i, start, org.end())
            continue
        org = en_org.match(masked, end, c.end)
        before = word_re.findall(masked, max(c.begin, start - 30), start)[-3:]
        if org is not None and not _EN_FROM.isdisjoint(before):
            c.negate(i, start, org.end())


# An option that was not taken up: "the option for the LiDAR module was not exercised",
# "激光雷达模块的选择权未行使".
_EN_OPTION = (
    r"\boptions?\s+(?:for|to\s+(?:also\s+)?(?:acquire|obtain|license|licence|buy|add|purchase))\b"
    r"[^.;:!?\n]{0,80}?(?:not\s+(?:been\s+)?exercised|unexercised|lapsed|expired|"
    r"(?:was|were|has\s+been)\s+(?:declined|waived|deleted|withdrawn))"
)
_ZH_OPTION = r"(?:选择权|選擇權|期权|期權|认购权|認購權|优先购买权|優先購買權)"
_ZH_OPTION_LAPSED = r"未(?:被)?行使|已失效|已过期|已過期|已放弃|已放棄|作废|作廢|未获行使"
_OPTION_WORDS = (
    "option",
    "选择权",
    "選擇權",
    "期权",
    "期權",
    "认购权",
    "認購權",
    "购买权",
    "購買權",
)


# ... or one the next sentence says was not: "… an option to license X. The option expired
# unexercised on 31 December 2025."
_EN_OPTION_OFFER = (
    r"\boptions?\s+(?:for|to\s+(?:also\s+)?(?:acquire|obtain|license|licence|buy|add|purchase))\b"
)
_EN_OPTION_ENDED = (
    r"[.;]\s+(?:the|this|that|such|said)\s+option\s+(?:has\s+|had\s+)?(?:expired|lapsed|"
    r"was\s+(?:not\s+exercised|never\s+exercised|declined|waived|deleted|withdrawn))"
)


def _lapsed_options(c: _Clause) -> None:
    masked, spans = c.masked, c.spans
    for found in _compiled(_EN_OPTION).finditer(masked, c.begin, c.end):
        c.negate_within(found)
    offer = _compiled(_EN_OPTION_OFFER).search(masked, c.begin, c.end)
    ended = _compiled(_EN_OPTION_ENDED).match(masked, c.end) if offer else None
    if offer and ended:
        for i in c.inside:
            if offer.start() < spans[i][0]:
                c.negate(i, offer.start(), ended.end())
    option = _compiled(_ZH_OPTION).search(masked, c.begin, c.end)
    lapsed = option and _compiled(_ZH_OPTION_LAPSED).search(masked, option.end(), c.end)
    if lapsed:
        for i in c.inside:
            if spans[i][1] <= lapsed.start():
                c.negate(i, spans[i][0], lapsed.end())


# English goods: "buys finished automotive LiDAR units", "NdFeB magnets for resale".
_EN_GOODS = (
    r"\bfinished\s+(?:[a-z]+\s+)?(?P<a>\ue000[\ue000\s-]*)\s*(?:[a-z]+\s+)?(?:units?|products?|"
    r"goods|magnets?|modules?|cells?|devices?|sensors?|blocks?)\b"
    r"|(?P<b>\ue000[\ue000\s-]*)\s*(?:[a-z]+\s+)?(?:units?|products?|goods|magnets?|modules?|"
    r"cells?|devices?|sensors?)\s+(?:\([^()\n]{0,60}\)\s+)?for\s+resale\b"
)


def _english_goods(c: _Clause) -> None:
    for found in _compiled(_EN_GOODS).finditer(c.masked, c.begin, c.end):
        c.negate_within(found)


def _goods(c: _Clause) -> None:
    """The terms before 成品/商品 in a clause that names goods and no making of them."""
    masked = c.masked
    if any(word in masked[c.begin : c.end] for word in _MAKING_WORDS):
        return
    goods = _compiled(_GOODS)
    for i in c.inside:
        start, end = c.spans[i]
        found = goods.search(masked, end, c.end)
        if found is not None:
            c.negate(i, start, found.end())


def _bracket_examples(c: _Clause) -> None:
    """Terms in brackets that close a clause whose Chinese negation reaches its end: they name
    examples of what it negates ("不涉及任何磷酸盐体系（磷酸铁锂、磷酸锰铁锂）"), unless a word
    in the brackets turns it. (``c`` is the clause in the brackets.)"""
    masked, opening = c.masked, c.begin
    if masked[opening : opening + 1] not in ("（", "("):
        return
    close = _compiled(r"[)）]").search(masked, opening, opening + _BRACKET_REACH)
    zh_turn = _compiled(_ZH_TURN)
    inner = masked[opening : close.start()] if close else ""
    if close is None or zh_turn.search(inner) or any(w in inner for w in _BRACKET_TURNS):
        return
    begin = max(0, opening - _LOOK)
    for found in _compiled(_CLAUSE_END).finditer(masked, begin, opening):
        begin = found.end()
    for cue in _compiled(_ZH_CUE).finditer(masked, begin, opening):
        turn = zh_turn.search(masked, cue.end(), opening)
        stop = min(turn.start() if turn else opening, cue.end() + _ZH_REACH + 1)
        if min(stop, _described_from(masked, cue.end(), stop)) < opening:
            continue
        for i in c.inside:
            if c.spans[i][1] <= close.start():
                c.negate(i, cue.start(), close.end())
        return


def _described_from(masked: str, after_cue: int, stop: int) -> int:
    """Where the terms a Chinese cue describes rather than negates begin: after the first 的
    of its scope (outside terms), unless the words before that 的 only qualify what follows."""
    de = masked.find("的", after_cue, stop)
    if de < 0 or masked.startswith(_ZH_QUALIFIERS, after_cue):
        return stop
    return de


def _english(c: _Clause) -> None:
    """The English rules of the module docstring, as a state machine over the clause's words
    (a masked term is one word)."""
    scope = _Scope(c)
    for match in c.tokens:
        word = match.group()
        if word[0] == _MASK:  # one run of terms: overlapping or adjacent ones are one word
            for index in [i for i in c.inside if match.start() <= c.spans[i][0] < match.end()]:
                if scope.cue is not None:  # (a term of the run may end the scope)
                    scope.term(index)
        elif word in _EN_CUES and (scope.cue is None or word not in _EN_JOIN):
            if scope.ambiguous or scope.unknown:
                return  # "cannot work without X": a negation of a negation
            scope.start(match.start())
            scope.bought = word in _BOUGHT
        elif (
            scope.cue is not None
            and not scope.reached
            and (word in _EN_RESTRICTING or (scope.bought and word in _DETERMINERS))
        ):
            # "not only X or Y", "not limited to X or Y": it restricts, nothing is negated;
            # "users who purchased *the* drone": a verb with its object
            scope.end()
        elif word in _EN_JOIN or word == ",":
            scope.join(word)
        elif scope.cue is None or word in _EN_CARRY or (word in _EN_LEAD and scope.leading()):
            continue
        elif word in _EN_LEAD and scope.reached:
            scope.end()  # "no X and *relies* on Y": a new predicate
        else:
            scope.unknown += 1
            if scope.unknown > _EN_ITEM_WORDS:
                scope.end()


class _Scope:
    """An English negation in force (see _english): where its cue began, how far it reached,
    and the terms of a list that wait for an or/nor/and to close it."""

    def __init__(self, clause: _Clause) -> None:
        self.clause = clause
        self.cue: int | None = None
        # A scope ended before it reached a term: a cue after it may negate that negation.
        self.ambiguous = False
        self.reached = False  # a term has been negated since the cue
        self.listing = False  # after "X,": the next items wait for or/nor/and
        self.joined = False  # after or/nor/and: the last item
        self.unknown = 0  # words of the current item that are not terms and carry nothing
        self.pending: list[int] = []
        self.bought = False  # the cue is "purchased"/"bought": an adjective, not a verb

    def leading(self) -> bool:
        """Before anything but carrying words: verbs still carry ("does not use any")."""
        return not (self.reached or self.listing or self.unknown)

    def start(self, cue: int) -> None:
        self.cue = cue
        self.reached = self.listing = self.joined = self.bought = False
        self.unknown = 0
        self.pending.clear()

    def _first_item_unknown(self) -> bool:
        """Words that are not terms right after the cue: only a list may follow ("no
        speech, wake-word or …"); a term ("not *only* X") or a join ("no manual curation
        and X") means the cue negated something else."""
        return bool(self.unknown) and not (self.listing or self.reached)

    def term(self, index: int) -> None:
        if self._first_item_unknown():
            self.end()
            return
        if self.unknown or (self.listing and not self.joined):
            self.pending.append(index)
            return
        self._negate([*self.pending, index])
        self.reached = True

    def join(self, word: str) -> None:
        comma = word == ","
        if self.cue is None:
            self.ambiguous = False  # "… and has no X": a new predicate, its own negation
            return
        if self._first_item_unknown() and not comma and word not in ("or", "nor"):
            self.end()  # "no manual curation and X": the cue negated something else …
            self.ambiguous = False  # … and what follows the join is a new predicate
            return
        # ("no magnet material or X know-how": "or" shares the negation out over its items)
        if comma:
            self.listing = True
        else:
            self._negate(self.pending)
            self.joined = True
        self.unknown = 0

    def end(self) -> None:
        self.ambiguous = self.ambiguous or not self.reached
        self.start(0)
        self.cue = None

    def _negate(self, indexes: list[int]) -> None:
        assert self.cue is not None
        for i in indexes:
            self.clause.negate(i, self.cue, self.clause.spans[i][1])
        self.pending.clear()


def _after(c: _Clause, *, gated: bool) -> None:
    """Negations after the term ("X-free", "X is not included", "X不在本次转让范围内"), which
    also reach the terms listed before it ("X and Y are not included", "X、Y除外")."""
    masked, spans = c.masked, c.spans
    stop, glossed = c.end, _glossed_word(c)
    if glossed:  # "Magnets (NdFeB) are purchased": the predicate is past the bracket
        after = _compiled(_CLAUSE_END).search(masked, c.end + 1, c.end + _LOOK)
        stop = after.start() if after else min(len(masked), c.end + _LOOK)
    for position, i in enumerate(c.inside):
        start, term_end = spans[i]
        base = c.end + 1 if glossed else term_end  # where the words after it begin
        tail = masked[base:stop]
        found = None
        english = tail.startswith(_FREE) or not _AUXILIARIES.isdisjoint(tail[:100].split()[:7])
        if english or not gated:
            found = _compiled(_EN_AFTER).match(tail)
        if found is None and (not gated or any(ch in tail[:16] for ch in _AFTER_CHARS)):
            found = _compiled(_ZH_AFTER).match(tail)
        if found is None:
            continue
        stop_at = base + found.end()
        if glossed:  # quote the word the bracket glosses too: "Magnets (NdFeB) are …"
            word_end = c.begin - 1 if masked[c.begin - 1 : c.begin] == " " else c.begin
            start = word_end
            while start > max(0, word_end - 12) and masked[start - 1] not in _CLAUSE_PUNCTUATION:
                start -= 1
            start = start if start < word_end else spans[i][0]
        c.negate(i, start, stop_at)
        for before in reversed(c.inside[:position]):
            gap = masked[spans[before][1] : start].strip()
            if not _joins_list(gap, _compiled(_ZH_JOIN)):
                break
            c.negate(before, spans[before][0], stop_at)
            start = spans[before][0]


def _glossed_word(c: _Clause) -> bool:
    """Whether the clause is a bracket that holds only a term and glosses the word before it
    ("Magnets (NdFeB) are …")."""
    masked = c.masked
    return (
        masked[c.begin : c.begin + 1] in ("(", "（")
        and masked[c.end : c.end + 1] in (")", "）")
        and not masked[c.begin + 1 : c.end].strip(" " + _MASK)
        and len(c.inside) == 1
    )


# A list of items, then one negative predicate: "Our recommendation algorithm, user-profile
# models and source code are excluded from the licence", "The drones, flight-control
# software and route-planning algorithms remain with the seller".
_NEGATIVE_PREDICATE = (
    r"(?:is|are|was|were|will\s+be)\s+(?:excluded|not\s+(?:be\s+)?(?:part|included|"
    r"transferred|licen[cs]ed|covered|provided|delivered|sold)|(?:expressly\s+|explicitly\s+)?"
    r"(?:outside|beyond|carved\s+out)|licen[cs]ed\s+separately|(?:an?\s+)?third[\s-]party)"
    r"(?![a-z0-9])"
    r"|(?:remain|remains|stay|stays)\s+with\s+(?:the\s+)?(?:seller|licensor|parent|group|us|our)"
    r"(?![a-z0-9])"
)
_PREDICATE_START = frozenset({"is", "are", "was", "were", "will", "remain", "remains", "stay"})
_PREDICATE_START |= {"stays"}
_LIST_SEPARATORS = _EN_JOIN | {","}  # the words between the items of a listed subject
# A past participle after a term opens a phrase that describes it and may run on for a few
# words before the predicate: "The LiDAR module *shown in the marketing demo* is not included".
# (A term inside the phrase is not the subject: "the X shown with the Y" says nothing of Y.)
_PARTICIPLES = frozenset(
    {"shown", "used", "described", "mentioned", "displayed", "demonstrated", "pictured"}
    | {"featured", "depicted", "referenced", "presented", "showcased", "installed", "mounted"}
)
_PHRASE_WORDS = 6  # words such a phrase may hold after its participle


def _listed_subject(c: _Clause) -> None:
    """The terms of a compact list that is the subject of a negative predicate. After a term
    only a separator, another term or a generic noun may follow ("X flies and its logs are
    excluded" is no list); an item may hold three words that are not terms."""
    listed: list[int] = []
    words = 0  # words of the current item that are not terms
    after_term = False
    phrase = 0  # words left of a participle phrase describing the list's last term
    for match in c.tokens:
        word = match.group()
        if phrase and word not in _PREDICATE_START:
            phrase -= 1
            if not phrase:
                listed = []  # a phrase too long to tell its end: no list
            continue
        if word[0] == _MASK:
            listed += [i for i in c.inside if match.start() <= c.spans[i][0] < match.end()]
            after_term = True
        elif word in _LIST_SEPARATORS:
            words, after_term = 0, False
        elif word in _PREDICATE_START:
            said = _compiled(_NEGATIVE_PREDICATE).match(c.masked, match.start(), c.end)
            if listed and said is not None:
                for i in listed:
                    c.negate(i, c.spans[listed[0]][0], said.end())
            return  # the first predicate closes the subject, negative or not
        elif listed and (word in _PARTICIPLES or word == "of"):
            # "the X module shown in the demo …", "the X engine of the food-delivery app …"
            phrase, after_term = _PHRASE_WORDS + 1, False
        elif after_term and word not in _EN_CARRY:
            listed, words, after_term = [], 0, False  # "X flies …": not a list
        else:
            words += 1
            if words > 3:
                listed, words, after_term = [], 0, False


_ZH_LIST_ITEMS = r"(?:、[^、，,。；;：:\ue000\s]{1,8})+(?:等等?|等)?"


def _joins_list(gap: str, zh_join: re.Pattern[str]) -> bool:
    """Whether the words between two terms make them one list: "X, Y and", "X、Y或"."""
    if not gap:
        return True
    if zh_join.fullmatch(gap) or gap in ("、", ",", "/", "&"):
        return True
    if _compiled(_ZH_LIST_ITEMS).fullmatch(gap):  # "X、金属冶炼等Y": items that are no terms
        return True
    words = gap.replace(",", " ").split()
    return bool(words) and all(w in _EN_JOIN for w in words)


# The gates: per clause (see _gate), and over a whole text (_text_cues).
_ZH_CUE_SET = frozenset(_ZH_CUE_CHARS)
_AFTER_SET = frozenset(_AFTER_CHARS)
_HAS_GOODS_WORD = _gate(_GOODS_WORDS)
_HAS_ORGANISATION_WORD = _gate(_ORGANISATION_WORDS)
_HAS_OPTION_WORD = _gate(_OPTION_WORDS)
_HAS_OTHER_WORD = _gate(_OTHER_WORDS)
_CUE_WORDS = tuple(sorted({*_GOODS_ONLY_WORDS, *_EXCLUSION_WORDS, *_BACKGROUND_WORDS}))
