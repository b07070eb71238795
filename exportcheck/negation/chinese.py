"""Chinese negations: a negating verb over its clause, the clause after it that says only
that something is out of the scope, 除X外, goods named as such, examples in brackets."""

from __future__ import annotations

import re

from exportcheck.lazyre import compiled
from exportcheck.negation.clause import _CLAUSE_END, _MASK, _Clause, _clause_begin

# Negating verbs of Chinese, Simplified and Traditional. (无需 is left out: "无需人工干预的推荐"
# affirms the recommendation; 不需要 is in, and the 的 rule keeps "不需要人工干预的推荐" a lead.)
_ZH_CUES = (
    *("不涉及", "未涉及", "不牵涉", "不牽涉", "不包括", "不包含", "不含", "不含有"),
    *("不使用", "未使用"),
    *("不采用", "不採用", "未采用", "未採用", "不提供", "不转让", "不轉讓", "没有", "沒有"),
    # (无 is bare, a cue only right before a term; 无任何 reaches further: "无任何光学/激光器件")
    *("无任何", "無任何"),
    *("并无", "並無", "并未", "並未", "并非", "並非", "不进行", "不進行", "未进行", "未進行"),
    *("不从事", "不從事", "不开展", "不開展", "不研发", "不研發", "不生产", "不生產", "不具备"),
    *("不具備", "不具有", "不搭载", "不搭載", "未搭载", "未搭載", "不配备", "不配備", "未配备"),
    *("未配備", "不支持", "不支援", "不应用", "不應用", "不运用", "不運用", "不属于", "不屬於"),
    *("不集成", "未集成", "不内置", "不內置", "未内置", "未內置", "不做", "不构建", "不構建"),
    *("放弃", "放棄", "不再有", "不再提供", "不再使用", "不再包含", "不再包括", "不再支持"),
    *("外购的", "外購的", "外购", "外購", "采购的", "採購的", "外采", "外採", "购买的", "購買的"),
    "市售",
    *("不建立", "不控制", "不规划", "不規劃", "不采集", "不採集", "不收集", "不部署", "不安装"),
    *("不安裝", "不调用", "不調用", "不接入", "不嵌入", "不附带", "不附帶", "不带有", "不帶有"),
    *("不需要", "不依赖", "不依賴", "不依靠", "不基于", "不基於"),
    *("不掌握", "未掌握", "不交付", "未交付", "不披露", "不开放", "不開放"),
    # ... or does not touch it: "我方不接触推荐算法、用户画像或推送逻辑"
    *("不接触", "不接觸", "未接触", "未接觸"),
    # a plant's scope: "本期不设镓回收工段，不从母液中提取镓，也不预留镓提取技术"
    *("不设", "不設", "未设", "未設", "不预留", "不預留", "不从", "不從", "不提取", "不回收"),
    # what the material or the technology is not: "原料是锂云母，不是锂辉石，也不是卤水"
    *("不是", "並不是", "并不是"),
    # (not bare 不用: "一種不用天然麝香、藥效相當的代用原料" names what a substitute replaces)
    *("不用任何", "不使用任何", "未用任何"),
    # ... or must not be slipped into the deal: "不能夹带首效97%以上的新一代工艺"
    *("不能夹带", "不得夹带", "不要夹带", "别夹带", "不可夹带"),
    # a recipe's additions: "工艺中不添加任何稀土元素或稀土催渗剂"
    *("完全不加", "不加任何"),
    *("不添加", "未添加", "不加入", "未加入", "不掺杂", "不摻雜", "未掺杂", "未摻雜"),
    *("不掺入", "不摻入"),
    # handing over abroad: "不输出不育系、保持系、恢复系亲本"
    *("不输出", "不輸出", "不出口", "不外传", "不外傳", "不转移", "不轉移", "未提供", "未转让"),
    *("未轉讓", "不授权", "不授權", "不许可", "不許可"),
    # a contract's exclusion ("明确排除X", not 排除故障: a verb of troubleshooting)
    *("明确排除", "明確排除", "予以排除", "均排除", "排除在外的"),
    # Cantonese
    *("唔包括", "唔包含", "唔涉及", "唔提供", "唔使用", "唔會提供", "唔会提供", "唔用", "冇"),
    *("唔講", "唔讲", "唔教", "唔畀", "唔俾", "唔賣", "唔卖", "唔交", "唔披露"),
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


# Words that negate the negation right after them ("并非不涉及", "不是不提供").
_ZH_DOUBLE = (
    "不是",
    "并非",
    "並非",
    "绝非",
    "絕非",
    "并不",
    "並不",
    "未必",
    "不能",
    "不会",
    "不會",
)
_ZH_REACH = 30  # characters from a Chinese cue to the start of a term it governs


_BRACKET_REACH = 60  # characters of brackets that give examples of a negated phrase


_BRACKET_TURNS = ("除", "例外", "except", "but")  # "不提供硬件（无人机除外）": the drone is in


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
    r"不予(?:[转轉][让讓]|许可|許可|授权|授權)|不[转轉][让讓]|不交付|不许可|不許可|不授权|不授權|"
    r"未纳入|未納入|"
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


# Each pass over a clause runs only when the clause holds a word it starts from (most clauses
# with a term hold none), so a process compiles only the patterns it needs (0.2-1.8 ms each):
# (the first characters of _ZH_CUES and _ZH_BARE)
_ZH_CUE_CHARS = "不未没沒并並无無非冇唔放外采採购購市明予均排完别"


# (longest first: "不含有任何的X" is 不含有 over 任何的, not 不含 over 有任何的)
_ZH_CUE = "|".join(sorted(_ZH_CUES, key=len, reverse=True))


_ZH_TURN = "|".join(_ZH_TURNS)


_ZH_JOIN = "[和及与與或]|以及|或者|或是|及其"


def _next_clause(c: _Clause, *, gated: bool) -> None:
    """ "X由母公司保留，不在转让范围内": the next clause negates this one's terms when it
    begins so and names no term of its own."""
    masked, finish = c.masked, c.end
    if gated and masked[finish : finish + 1] not in "，,":
        return
    for _ in range(_ZH_PENDING_CLAUSES):
        if gated and masked[finish + 1 : finish + 40].lstrip()[:1] not in _PENDING_FIRST:
            break
        pending = compiled(_ZH_PENDING).match(masked, finish)
        if pending is None:
            break
        finish = pending.end()
    if gated and not _ZH_NEXT_CHARS & set(masked[finish : finish + 8]):
        return
    remark = compiled(_ZH_REMARK).match(masked, finish)
    said = compiled(_ZH_NEXT).match(masked, remark.end() if remark else finish)
    if said is None and remark is not None:
        said = remark  # "X，仅供参考。": the remark alone says it
    if said is None:
        return
    after = compiled(_CLAUSE_END).search(masked, said.end())
    stop = after.start() if after else len(masked)
    if _MASK in masked[said.end() : stop]:
        return
    for i in c.inside:
        c.negate(i, c.spans[i][0], said.end())


# "除X外" leaves X out or adds to it, by what follows: "除X外，本次转让包括Y" and "除X以外的
# 模块均转让" leave it out; "除X外，还提供Y" adds Y, and "除X外均不转让" leaves only X in.
_ZH_EXCEPT = r"除(?!非)(?:了|开|開)?[^，,。；;：:！？!?\n]{1,40}?(?:以外|之外|外)"


_ZH_EXCEPT_IN = r"包括|包含|转让|轉讓|授权|授權|许可|許可|交付|均|都|全部|其余|其餘|其他|其它"


_ZH_EXCEPT_OUT = r"还|還|也|另|亦|同时|同時|以及|不|没|沒|未|无|無|再|更"


def _except(c: _Clause) -> None:
    """The terms of "除X、Y外" when what follows leaves them out of the scope."""
    masked, spans = c.masked, c.spans
    clause_end = compiled(_CLAUSE_END)
    for found in compiled(_ZH_EXCEPT).finditer(masked, c.begin, c.end):
        items = [i for i in c.inside if found.start() < spans[i][0] < found.end()]
        if not items:
            continue
        end = clause_end.search(masked, found.end())
        stop = end.start() if end else len(masked)
        if end and end.group() in "，,":  # the clause that says what the rest is
            end = clause_end.search(masked, end.end())
            stop = end.start() if end else len(masked)
        rest = masked[found.end() : stop]
        if compiled(_ZH_EXCEPT_OUT).search(rest) or not compiled(_ZH_EXCEPT_IN).search(rest):
            continue
        for i in items:
            c.negate(i, found.start(), found.end())


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
    cues = list(compiled(_ZH_CUE).finditer(masked, c.begin, c.end))
    for k, cue in enumerate(cues):
        if masked[max(c.begin, cue.start() - 2) : cue.start()].endswith(_ZH_DOUBLE) or (
            k + 1 < len(cues) and cues[k + 1].start() == cue.end()
        ):
            continue  # "并非不涉及X", "不是不提供X": a negation of a negation affirms X
        stop = _cue_scope(c, cue)
        # (after 不是 the words up to 的 describe the noun it denies: "不是市面上卖的那种一代杂交
        # 蚕种" is no such eggs)
        if not _hands_over(masked, c.begin, cue) and not cue.group().endswith("不是"):
            stop = min(stop, _described_from(masked, cue.end(), stop))
        _negate_scope(c, cue, stop)


def _cue_scope(c: _Clause, cue: re.Match[str]) -> int:
    """Where a Chinese cue's scope ends: at a turning word, the clause's end or _ZH_REACH.
    (A turning word inside quotation marks is part of a name: "不属于目录“用于人的细胞克隆和
    基因编辑技术”的范围".)"""
    turns = compiled(_ZH_TURN)
    turn = turns.search(c.masked, cue.end(), c.end)
    while turn is not None and (closing := _quoted_until(c.masked, cue.end(), turn.start())):
        turn = turns.search(c.masked, closing, c.end)
    return min(turn.start() if turn else c.end, cue.end() + _ZH_REACH + 1)


_QUOTES = {"“": "”", "「": "」", "『": "』", "《": "》"}


def _quoted_until(masked: str, begin: int, at: int) -> int | None:
    """Where the quotation that holds ``at`` closes, if it opened at or after ``begin``."""
    for opening, closing in _QUOTES.items():
        start = masked.rfind(opening, begin, at)
        if start >= 0 and masked.find(closing, start, at) < 0:
            end = masked.find(closing, at)
            return end if end >= 0 else None
    return None


def _negate_scope(c: _Clause, cue: re.Match[str], stop: int) -> None:
    """Every term of the clause between ``cue`` and ``stop`` is negated by it."""
    for i in c.inside:
        start, term_end = c.spans[i]
        if cue.end() <= start and term_end <= stop:
            c.negate(i, cue.start(), term_end)


# A party that keeps what follows: "母公司保留人工饲养林麝的繁育技术…，全部留在四川" (its object
# runs to the clause's end or a turning word; 的 joins the object's parts, as after 不提供).
_ZH_RETAINED = (
    r"(?:母公司|总公司|總公司|集团|集團|中方|卖方|賣方|转让方|轉讓方|许可方|許可方|甲方|我方|本公司)"
    r"(?:仍|均|全部|继续|繼續)?(?:保留|自留)(?![在地：:])"
)


def _retained(c: _Clause) -> None:
    for cue in compiled(_ZH_RETAINED).finditer(c.masked, c.begin, c.end):
        _negate_scope(c, cue, _cue_scope(c, cue))


# The other party's own: "客户应用自有的个性化推荐系统", "业主既有的萃取生产线". What such a phrase
# names is theirs, not handed over: the first term right after it, and the terms listed with it.
# (Not further: "客户现有的无人机加装我方飞控" hands the flight control over. And not without
# 的: "客户已有锂精矿" names the feedstock the process handed over will use.)
_ZH_THEIRS = (
    r"(?:客户|客戶|对方|對方|买方|買方|业主|業主)[^，,。；;\n\ue000]{0,6}?"
    r"(?:自有|既有|已有|现有|現有|原有)的"
)
_THEIRS_GAP = 4  # characters between such a phrase and its term
_ZH_THEIRS_WORDS = ("客户", "客戶", "对方", "對方", "买方", "買方", "业主", "業主")


def _theirs(c: _Clause) -> None:
    masked, spans = c.masked, c.spans
    for cue in compiled(_ZH_THEIRS).finditer(masked, c.begin, c.end):
        listed = [i for i in c.inside if cue.end() <= spans[i][0] <= cue.end() + _THEIRS_GAP]
        if not listed:
            continue
        for i in c.inside:
            if spans[i][0] > spans[listed[-1]][1]:
                gap = masked[spans[listed[-1]][1] : spans[i][0]]
                if not compiled(_ZH_LIST_GAP).fullmatch(gap):
                    break
                listed.append(i)
        for i in listed:
            c.negate(i, cue.start(), spans[i][1])


# "与X、Y工艺无关": X is named only to say that the matter has nothing to do with it (a
# circumfix, so no verb cue before the term finds it). The words between 与 and 无关 are the
# scope; a clause with its own subject there ("与客户签订的X合同无关") still names X as unrelated.
_ZH_UNRELATED = (
    r"(?:与|與|和|跟|同)(?P<scope>[^，,。；;：:！？!?\n]{1,40}?)"
    r"(?:均|都|皆|完全|毫|并|並)?\s*(?:无关|無關|不相关|不相關|无涉|無涉|没有关系|沒有關係|"
    r"没关系|沒關係|没有任何关系|沒有任何關係|无任何关系|無任何關係"
    # ... or compared with: "与个性化推荐不同", "与无人机飞控相比", "与卤水提锂的装置相似",
    # "与激光雷达的比较"
    r"|不同|有所不同|相比|相比较|相比較|相较|相較|相似|类似|類似|的比较|的比較|的对比|的對比)"
)


_UNRELATED_WORDS = (
    *("无关", "無關", "不相关", "不相關", "无涉", "無涉", "关系", "關係", "不同", "相比", "相較"),
    *("相较", "相似", "类似", "類似", "比较", "比較", "对比", "對比"),
)


_UNRELATED_REACH = 48  # characters past the clause's end the circumfix may close in


def _unrelated(c: _Clause) -> None:
    """The terms between 与 and 无关 (or 不相关, 没有关系 …). The scope may hold brackets, which
    end a clause: "与无人机（UAV）无关" sets both aside."""
    reach = min(len(c.masked), c.end + _UNRELATED_REACH)
    for found in compiled(_ZH_UNRELATED).finditer(c.masked, c.begin, reach):
        if found.start() >= c.end:
            break
        lo, hi = found.span("scope")
        for i, (start, end) in enumerate(c.spans):
            if lo <= start and end <= hi:
                c.negate(i, found.start(), found.end())


# Goods, not technology: "出口烧结钕铁硼磁钢成品", "杂交水稻商品种子". Not a clause that speaks
# of making or of a process ("从毛坯到成品的加工工艺", "授权生产X成品"): that is technology.
_GOODS = r"(?:成品|商品)(?!率|化|房)|零售|批发|批發|经销|經銷|分销|分銷"


_MAKING_WORDS = (
    *("工艺", "工藝", "技术", "技術", "方法", "制备", "製備", "加工", "配方", "流程", "工序"),
    *("生产", "生產", "制造", "製造", "制作", "製作", "诀窍", "訣竅", "研发", "研發"),
)


_GOODS_WORDS = ("成品", "商品", "零售", "批发", "批發", "经销", "經銷", "分销", "分銷")


def _goods(c: _Clause) -> None:
    """The terms before 成品/商品 in a clause that names goods and no making of them."""
    masked = c.masked
    if any(word in masked[c.begin : c.end] for word in _MAKING_WORDS):
        return
    goods = compiled(_GOODS)
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
    close = compiled(r"[)）]").search(masked, opening, opening + _BRACKET_REACH)
    zh_turn = compiled(_ZH_TURN)
    inner = masked[opening : close.start()] if close else ""
    if close is None or zh_turn.search(inner) or any(w in inner for w in _BRACKET_TURNS):
        return
    begin = _clause_begin(masked, opening)
    for cue in compiled(_ZH_CUE).finditer(masked, begin, opening):
        turn = zh_turn.search(masked, cue.end(), opening)
        stop = min(turn.start() if turn else opening, cue.end() + _ZH_REACH + 1)
        if min(stop, _described_from(masked, cue.end(), stop)) < opening:
            continue
        for i in c.inside:
            if c.spans[i][1] <= close.start():
                c.negate(i, cue.start(), close.end())
        return


# Verbs of handing over or holding: as the clause's own predicate ("我方不提供、也不掌握磁体的
# 制备工艺") a 的 after them joins the object's parts ("X的Y" is the object), where after a verb
# of having it opens a relative clause ("没有人工干预的推荐": the recommendation is affirmed).
_ZH_HANDING = (
    *("不提供", "不转让", "不轉讓", "不掌握", "未掌握", "不交付", "未交付", "不披露", "不开放"),
    *("不開放", "不输出", "不輸出", "不出口", "不外传", "不外傳", "不转移", "不轉移", "未提供"),
    *("未转让", "未轉讓", "不授权", "不授權", "不许可", "不許可"),
)


# What stands before such a predicate in its clause: a party (without one, "不提供人工客服的
# 智能问答系统" may well be a relative clause), then adverbs and other such verbs.
_ZH_MAIN = (
    r"[\s，,。；;：:！？!?）)\]】—–]*(?:(?:我方|我们|我們|我司|本公司|公司|卖方|賣方|买方|買方|转让方|轉讓方|受让方|受讓方|"
    r"许可方|許可方|被许可方|被許可方|甲方|乙方|对方|對方|双方|雙方|本项目|本項目|该公司|該公司)\s*)"
    r"(?:(?:也|亦|均|并|並|都|将|將|则|則|还|還|完全|明确|明確|一律|概|"
    + "|".join(_ZH_HANDING)
    + r")\s*[、，,]?\s*)*"
)


# Verbs of a scope that leaves things out, and the scope they follow as its predicate: "我方许可
# 内容不包括磁体的成分、制粉、烧结或任何磁体制备工艺" lists what is left out, a 的 inside one
# item ("磁体的成分") joining that item's parts. (Without such a subject, "不含稀土的永磁电机" is
# a relative clause: the motor is affirmed.)
_ZH_EXCLUDING = ("不包括", "不包含", "不涵盖", "不涵蓋", "不涉及", "未涉及")
_ZH_SCOPE = (
    r"[\s，,。；;：:！？!?）)\]】—–]*(?:我方|我们|我們|我司|本公司|本次|本合同|合同|协议|協議)?\s*的?\s*"
    r"(?:许可|許可|转让|轉讓|授权|授權|交付|服务|服務|合作|技术|技術)?\s*(?:内容|內容|范围|範圍|标的|標的)"
    r"\s*(?:也|亦|均|并|並|都|则|則|还|還|完全|明确|明確|一律|概)*\s*"
)


def _hands_over(masked: str, begin: int, cue: re.Match[str]) -> bool:
    """Whether ``cue`` is a verb of handing over that is its clause's own predicate, or one
    of leaving out whose subject is a scope (see _ZH_SCOPE)."""
    if cue.group() in _ZH_EXCLUDING:
        return bool(compiled(_ZH_SCOPE).fullmatch(masked, begin, cue.start()))
    return cue.group() in _ZH_HANDING and bool(
        compiled(_ZH_MAIN).fullmatch(masked, begin, cue.start())
    )


def _described_from(masked: str, after_cue: int, stop: int) -> int:
    """Where the terms a Chinese cue describes rather than negates begin: after the first 的
    of its scope (outside terms), unless the words before that 的 only qualify what follows."""
    de = masked.find("的", after_cue, stop)
    if de < 0 or masked.startswith(_ZH_QUALIFIERS, after_cue):
        return stop
    return de


_ZH_LIST_ITEMS = r"(?:、[^、，,。；;：:\ue000\s]{1,8})+(?:等等?|等)?"


# The words between two terms of one list when items between are longer or the first term
# heads a longer item: "稀土萃取分离工艺、萃取剂配方与级数设计、金属及磁材制备技术均不在…",
# "不育系、保持系、恢复系亲本材料及杂交制种技术不属于…". An item holds no negation or turn.
_ZH_ITEM = r"[^、，,。；;：:！？!?\ue000\s不未没沒仅僅只但而]"
_ZH_LIST_GAP = (
    rf"{_ZH_ITEM}{{0,10}}(?:(?:、{_ZH_ITEM}{{1,12}})+(?:等等?)?(?:、|[和及与與或]|以及|及其)?"
    r"|、|[和及与與或]|以及|及其)"
)
