"""Passes over a whole description: exclusion sections and lists, background sections, a
declared sale of goods, abbreviations defined in another sense, glosses in brackets."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

from exportcheck.lazyre import compiled
from exportcheck.negation.clause import (
    _CLAUSE_PUNCTUATION,
    _LOOK,
    _MASK,
    _SENTENCE_END,
    _set_aside_within,
)
from exportcheck.negation.records import CATALOGUE_SAYS_WORDS, COMPARISON_WORDS
from exportcheck.wordscan import gate

# Sections of a patent or paper about other work: what they name is background. (The words
# are looked for first: the pattern has no literal prefix to skip ahead with.)
_BACKGROUND_WORDS = (  # one of them is in any text _BACKGROUND matches
    *("background", "prior art", "related work", "背景", "现有技", "現有技", "先前技"),
    *("简介", "簡介", "概况", "概況", "about us", "company profile", "corporate profile"),
    *("group profile", "phase", "stage", "期设想", "期設想"),
    *("期（", "期(", "后续", "後續", "远期", "遠期"),
    *("相关工作", "相關工作", "excluded", "exclusions", "of scope", "not in scope", "范围外"),
    *("not licensed", "not licenced", "not included", "not transferred"),
    *("範圍外", "排除项", "排除項", "除外", "不在", "保留", "自留", "retained by"),
    *("不包括", "不包含", "不涵盖", "不涵蓋", "excludes", "not include", "not cover"),
    *("不覆盖", "不覆蓋", "not provided", "not supplied", "not delivered", "not disclosed"),
    *("不提供", "不交付", "不转让", "不轉讓", "不许可", "不許可"),
)


_BACKGROUND = (
    r"(?:background\s+(?:of\s+the\s+invention|art)|prior\s+art|related\s+work|"
    r"背景技术|背景技術|现有技术|現有技術|先前技术|先前技術|相关工作|相關工作|"
    # ... and the list of what a contract or an offer leaves out
    r"excluded(?:\s+(?:technology|technologies|items|components|software))?|exclusions|"
    r"out\s+of\s+scope|not\s+in\s+scope|not\s+(?:licen[cs]ed|included|transferred|covered|"
    # ... or of what a scope annex does not provide: "不提供 Not provided: 提取工艺"
    r"provided|supplied|delivered|disclosed)|"
    r"范围外|範圍外|排除项目?|排除項目?|"
    r"除外(?:项目|項目|技术|技術|事项|事項|内容|內容|资产|資產|清单|清單|范围|範圍)|"
    r"(?:母公司|卖方|賣方|转让方|轉讓方|许可方|許可方|甲方|我方|本公司|集团|集團)(?:保留|自留)|"
    r"retained\s+by\s+(?:the\s+)?(?:seller|parent|licensor|company|group)|"
    # a party's background, not the deal: "卖方背景：…", "公司简介：…", "About us: …",
    # "Background on the customer's stack: …"
    r"(?:卖方|賣方|买方|買方|公司|集团|集團|客户|客戶|供应商|供應商|团队|團隊|母公司|卖家|賣家|对方|對方)"
    r"(?:背景|简介|簡介|概况|概況)(?:介绍|介紹)?|"
    r"background\s+on\s+(?:the\s+|our\s+)?(?:customer|client|buyer|seller|company|group|licensor|"
    r"licensee|vendor|supplier)[^:：\n]{0,30}?|(?:customer|client|buyer|seller|company|corporate|group)"
    r"\s+background|(?:company|corporate|group)\s+profile|about\s+us|"
    # ... or a later phase the contract leaves out: "Phase 2 (not contracted, budget not
    # approved): …", "Future stage (not contracted): …", "二期设想（本合同不包括，尚未谈判）：…"
    r"(?:phase|stage)\s*(?:\d+|two|three|ii|iii)?\s*[(（][^()（）\n]{0,60}?(?:not\s+(?:yet\s+)?"
    r"(?:contracted|agreed|signed|included|part\s+of)|uncontracted|out\s+of\s+scope)[^()（）\n]{0,60}[)）]|"
    r"future\s+(?:phases?|stages?)(?:\s*[(（][^()（）\n]{0,80}[)）])?|"
    r"(?:[二三四]期|后续|後續|远期|遠期)(?:设想|設想|规划|規劃|计划|計劃)?[（(][^()（）\n]{0,60}?"
    r"(?:不包括|不包含|未签|未簽|尚未|另行)[^()（）\n]{0,60}[)）]|"
    r"(?:[二三四]期|后续|後續|远期|遠期)(?:设想|設想)|"
    # "合同范围不包括：…", "授權標的不包括：(1) …", "The licence does not include: …"
    r"(?<![并並])(?:不包括|不包含|不涵盖|不涵蓋|不覆盖|不覆蓋|不提供|不交付|不转让|不轉讓|不许可|不許可)"
    r"|excludes|"
    r"(?:does|shall|will)\s+not\s+(?:include|cover)|"
    r"不在(?:本次)?(?:许可|許可|转让|轉讓|授权|授權|交付|合同|合約)?[范範][围圍](?:[内內]的?|之[内內])?)"
    # (a short aside may stand before the colon: "范围外（客户确认）：", "(Excluded items):",
    # and a label its translation: "Not covered 不覆盖:")
    r"\s*(?:[(（][^()（）\n\ue000]{0,16}[)）]|[)）》」』]|[^\x00-\x7f\n:：\ue000(（]{2,8})?\s*[:：]"
    # a section title on a line of its own, ended by a full stop ("Related work.")
    r"|(?:^|\n)\s*(?:related\s+work|prior\s+art|background\s+of\s+the\s+invention)\s*[.]"
    # a contract's definition of what it leaves out: '"Excluded Technology" means …', "“除外技术”
    # 是指…"
    r"|[\"“”']excluded\s+(?:technology|technologies|know-how|items|assets|software|ip)[\"“”']"
    r"\s*(?:means|shall\s+mean|refers\s+to|is\s+defined\s+as)\b"
    r"|[\"“”「『]除外(?:技术|技術|资产|資產|项目|項目|内容|內容)[\"“”」』](?:是指|系指|指)"
)


def _text_cues(lowered: str, *, automaton: bool | None = None) -> frozenset[str]:
    """The words of _CUE_WORDS in ``lowered``, for the three passes over a whole text. A regex
    alternation scans at ~15-20 us per 2.4 KB and more with more words; the Aho-Corasick
    automaton the term index uses (Rust) takes ~5 us. Its import and build (~1.2 ms) are paid
    only once the term index has imported it (a process checking many texts); before that,
    one test per word. (``automaton``: force one way; the two agree, a test holds them to.)"""
    return _CUE_GATE(lowered, automaton)


def _background(
    masked: str, spans: Sequence[tuple[int, int]], out: dict[int, tuple[int, int]]
) -> None:
    """A patent's "Background of the invention:" or a paper's "相关工作：" sentence names
    other work, and a contract's "Excluded technology:" or an offer's "范围外：" what is left
    out: their terms are set aside up to the end of that sentence (a line wrap does not end
    it, a blank line does)."""
    header, sentence_end = compiled(_BACKGROUND), compiled(_SENTENCE_END)
    for found in header.finditer(masked):
        stop = sentence_end.search(masked, found.end())
        until = stop.start() if stop else len(masked)
        for i, (start, end) in enumerate(spans):
            if found.end() <= start and end <= until:
                out.setdefault(i, (found.start(), end))  # the header through the term


# A contract's section that lists what is left out: a heading on a line of its own ("3.
# Excluded Technology", "第三条 除外技术", "Schedule B – Excluded Assets", "Article 12 – Option
# (not exercised)") and the lines under it, up to a blank line or the next heading of its kind.
_HEADING_MARKS = {  # the kinds of heading mark, each with the pattern that opens the next one
    "zh": r"第[一二三四五六七八九十百零〇两\d]+[条條章节節款]"
    r"|附[件表]\s*(?:[一二三四五六七八九十\d]+|[a-z](?![a-z]))",  # "附表B", a letter too
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
    # ... or the bare word, with its translation: "明确除外 Expressly excluded:"
    r"(?:明确|明確)?除外(?=[ \t]*[:：]|[ \t]+[a-z])|(?:expressly|explicitly)\s+excluded\b|"
    r"(?:排除|除外)(?:清单|清單|列表)|"
    r"排除(?:事项|事項|范围|範圍|项目|項目|内容|內容)|不在(?:本次)?(?:许可|許可|转让|轉讓|授权|授權)?"
    r"[范範][围圍]|不[属屬][于於](?:本次)?(?:许可|許可|转让|轉讓|授权|授權)|未行使|"
    # a sentence that opens a list of what is left out: "The licence excludes the following:",
    # "The following are not included:"
    r"(?:(?:the|this|our)\s+)?(?:licen[cs]e|contract|agreement|transfer|deal|scope|offer|"
    r"proposal|package|deliverables)\s+(?:excludes|does\s+not\s+(?:include|cover))\b|"
    r"the\s+following\s+(?:are|is|items\s+are)\s+(?:excluded|not\s+included)\b|"
    # ... or says it will not hand over what the list names: "We will not provide:",
    # "本许可不含下列技术：", "以下内容除外："
    r"(?:[a-z]+\s+){0,3}?(?:will|shall|do|does|is|are)\s+not\s+(?:provide[ds]?|supply|supplied|"
    r"transfer(?:red)?|licen[cs]e[ds]?|include[ds]?|cover(?:ed)?|deliver(?:ed)?|disclose[ds]?|"
    r"share[ds]?)(?:\s+(?:the\s+following|any\s+of\s+the\s+following|these))?\s*[:：]|"
    r"[^\n，,。；;:：]{0,8}?(?:不|并不|並不)(?:含|包含|包括|提供|转让|轉讓|许可|許可|涉及|交付|授权|授權)"
    r"(?:以下|下列|如下)?(?:技术|技術|内容|內容|事项|事項|资料|資料|项目|項目)?[:：]|"
    r"(?:以下|下列)(?:技术|技術|内容|內容|事项|事項|项目|項目)?(?:除外|不包括在内|不包括在內))"
)


# A line without a mark must begin with the title ("- LiDAR: not included" is a list item;
# "Out of scope: X" is an inline list, see _BACKGROUND); a heading has lines under it; and a
# title that joins the exclusions to something else ("Scope and exclusions", "许可范围及除外
# 条款") heads more than what is left out.
_EXCLUSION_HEADING = (
    # (at a line's start, or after a sentence that ends on the same line: "We license the
    # motor design. The licence excludes the following:")
    r"(?m)(?:^|(?<=[.;!?] )|(?<=[。；！？]))[ \t]*(?:(?P<mark>"
    + "|".join(f"(?P<{k}>{v})" for k, v in _HEADING_MARKS.items())
    + r")[ \t]*(?:(?!\band\b|\bor\b|&|及|和|与|與|或)[^\n]){0,30}?)?"
    + _EXCLUSION_TITLE
    + r"[^\n.。;；,，!?！？:：]{0,50}[:：]?[ \t]*(?=\n)"
)


_EXCLUSION_WORDS = (  # one of them is in any text _EXCLUSION_HEADING matches
    *("exclu", "out of scope", "not licen", "not included", "not transferred", "retained"),
    *("not include", "not cover", "not provide", "not supply", "not supplied", "not transfer"),
    *("not deliver", "not disclose", "not share", "不含", "不包", "不提供", "不转让", "不轉讓"),
    *("不许可", "不許可", "不涉及", "不交付", "不授权", "不授權"),
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
    blank = compiled(r"\n[ \t]*(?:\n|$)")
    for heading in compiled(_EXCLUSION_HEADING).finditer(masked):
        body = heading.end()
        while masked[body : body + 1] in ("\n", " ", "\t") and body < len(masked):
            body += 1  # blank lines between the heading and its first line
        if compiled(_NOTHING).match(masked, body):
            continue
        ends = [len(masked)]
        gap = blank.search(masked, body)
        if gap:
            ends.append(gap.start())
        kind = next((k for k in _HEADING_MARKS if heading.group(k)), None)
        if kind is not None:
            following = compiled(r"(?m)^[ \t]*(?:" + _HEADING_MARKS[kind] + ")")
            after = following.search(masked, body)
            if after:
                ends.append(after.start())
        until = min(ends)
        line_start, line_end = heading.start(), heading.end()
        while line_start < line_end and masked[line_start] in " \t\n":
            line_start += 1
        _set_aside_within(spans, out, line_start, until, (line_start, line_end))


# A form's answers. An unticked box leaves out what its line names: "☐ 个性化推送（未开放）",
# "[ ] Source code"; a question answered no leaves out what it asks about: "门店管理系统是否
# 对顾客进行个性化信息推送？ A：否", "Speech synthesis / voice engine included? ..... NO".
_UNTICKED = r"(?m)^[ \t]*(?:[-*•]\s*)?(?:\u2610|\u25a1|\[ ?\])[^\n]*"
_ANSWERED_NO = (
    r"(?m)^[^\n]*?(?:\?|？|吗|嗎)[ \t.:：…·_-]*(?:\n[ \t]*)?"
    # the answer's label: "A:", "答：", or a speaker's on the next line ("Speaker (GM):")
    r"(?:(?:a|答|answer|[^\n:：?？]{1,60}?)[ \t]*[:：][ \t]*)?"
    r"(?:否|不是|没有|沒有|(?:无|無)(?=[\s,，。;；(（)）]|$)|(?:no|none|n/a)\b"
    # ... or a request turned down: "The bank asked, but we said no"
    r"|[^\n.;?？]{0,40}?\b(?:we|i)\s+said\s+no\b)"
)
# ... the box itself, just before what it would choose
_UNTICKED_BOX = r"(?:\u2610|\u25a1|\[ ?\])[ \t]*$"
# (What a form needs: one of these in the text.)
_FORM_MARKS = ("\u2610", "\u25a1", "[ ]", "[]", "?", "？", "吗", "嗎")


def _form_answers(
    masked: str, spans: Sequence[tuple[int, int]], out: dict[int, tuple[int, int]]
) -> None:
    """The terms on a form's line whose box is unticked, or in a question answered no, set
    aside by the box or the answer."""
    for line in compiled(_UNTICKED).finditer(masked):
        _set_aside_within(spans, out, line.start(), line.end(), line.span())
    for answered in compiled(_ANSWERED_NO).finditer(masked):
        asked = max(
            masked.rfind(mark, answered.start(), answered.end()) for mark in ("?", "？", "吗", "嗎")
        )
        _set_aside_within(spans, out, answered.start(), asked, answered.span())


# The other party described by its business, in a text that keeps our technology out of it:
# "The client, a European producer of riboflavin, …" / "客户是一家销售虫草保健品的零售品牌",
# "业主为一家开采离子吸附型稀土黏土矿的公司", beside "we provide none about vitamin production",
# "不涉及虫草的种植、菌种、加工或配方". The business names what the client does, not what goes to
# it; without such a disclaimer a recipient in the very business of a technology may well be
# receiving it, and its mention stays a lead.
_CLIENT_DESCRIBED = (
    r"\b(?:the|our)\s+(?:client|customer|owner|buyer|employer)\s*,\s*(?:an?|the)\s+[^,.;:\n]{1,120}"
    r"|\b(?:the|our)\s+(?:client|customer|owner|buyer|employer)\s+(?:is|was)\s+(?:an?|the)\s+"
    r"[^.;:\n]{1,120}"
    r"|\b(?:the|our)\s+(?:client|customer|owner|buyer|employer)\s+(?:manufactures|produces|makes|"
    r"sells|operates|runs|mines|grows|distributes)\b[^.;:\n]{1,120}"
    r"|(?:客户|客戶|业主|業主|买方|買方)(?:是|为|為|系)[^。；;，,\n]{1,60}"
)
_DISCLAIMS = (
    r"\b(?:not\s+involved\s+in|disclose\s+nothing|provide\s+none|receive\s+no\s+information|"
    r"nothing\s+about|scope\s+stops)\b"
    r"|(?:不涉及|不包括|不提供|不含)[^。；;\n]{0,30}?(?:技术|技術|工艺|工藝|配方|菌种|菌種|种植|種植|"
    r"开采|開採|浸矿|浸礦|冶炼|冶煉|加工|生产|生產)"
)
# (What such a description starts with: one of these is in any text it is looked for in.)
_CLIENT_WORDS = tuple(
    f"{det} {party}"
    for det in ("the", "our")
    for party in ("client", "customer", "owner", "buyer", "employer")
) + tuple(
    party + verb
    for party in ("客户", "客戶", "业主", "業主", "买方", "買方")
    for verb in ("是", "为", "為", "系")
)


def _client_business(
    masked: str, spans: Sequence[tuple[int, int]], out: dict[int, tuple[int, int]]
) -> None:
    """The terms of a description of the other party's business (see _CLIENT_DESCRIBED), set
    aside by it, in a text that disclaims technology of ours; never where the description
    names us."""
    from exportcheck.negation.passes import _OURS_WORDS, _OURS_ZH

    found = [  # (``masked`` is lower-cased already)
        described
        for described in compiled(_CLIENT_DESCRIBED).finditer(masked)
        if any(described.start() <= start and end <= described.end() for start, end in spans)
    ]
    if not found or not compiled(_DISCLAIMS).search(masked):
        return
    for described in found:
        words = set(compiled(r"[a-z]+").findall(described.group()))
        if not _OURS_WORDS.isdisjoint(words) or any(w in described.group() for w in _OURS_ZH):
            continue
        _set_aside_within(spans, out, described.start(), described.end(), described.span())


# A description that says the deal is a sale of goods and no technology goes with it: "提供整机
# 不提供技术", "作为商品出口", "本次交易为一般货物贸易", "sold as goods", "no technology is
# transferred". Every mention in it then names the goods (design §2.1: text is a lead, and
# this text says what it leads to). Not in a question ("是否属于技术出口？"), a condition or a
# negation ("如另行提供源代码，则不再属于货物贸易"), and not when another sentence of the text
# hands over technology without a negation in it ("还转让飞控源代码").
_ONLY_VERBS = (  # ... sells, supplies, buys, receives or sends only goods
    *("卖", "賣", "销售", "銷售", "出售", "供应", "供應", "供", "买", "買", "购买", "購買", "采购"),
    *("採購", "收", "寄送", "寄", "发送", "發送", "运送", "運送"),
)
# ("就是卖…干货": "just sells …", as chats say it)
_ONLY_SELLS = tuple(only + verb for only in ("只", "仅", "僅", "就是") for verb in _ONLY_VERBS)
# ... or only a thing named in a few characters: "只卖纸不教手艺"
_SELLS_THING = tuple(
    only + verb
    for only in ("只", "仅", "僅", "就")
    for verb in ("卖", "賣", "出售", "销售", "銷售")
)
# ... or gets only a service's results: "仅交付测绘成果"
_ONLY_RESULTS_VERBS = ("交付", "提供", "输出", "輸出", "获得", "獲得", "取得", "交")  # 只交成果图
_ONLY_RESULTS = tuple(only + verb for only in ("只", "仅", "僅") for verb in _ONLY_RESULTS_VERBS)
# ... or calls the deal a sale of products, or purely one: "为产品销售", "纯属商品贸易"
_PRODUCT_SALES = tuple(
    product + sale
    for product in ("产品", "產品", "商品", "种子", "種子", "成品")
    for sale in ("买卖", "買賣", "销售", "銷售")
)
_ONLY_PRODUCTS = tuple(
    only + verb + product
    for only in ("仅", "僅", "只")
    for verb in ("", "做", "作")
    for product in ("产品", "產品", "商品", "成品", "成药", "成藥")
)
_PURELY = tuple(
    pure + after
    for pure in ("纯", "純")
    for after in ("粹", "属", "屬", "为", "為", "系", "的", "货", "貨", "商", "产", "產", "成")
)


# The words of a service done in China whose results alone go abroad (see _GOODS_ONLY_PARTS).
_STAYS_HOME_WORDS = (*("出境", "境内完成", "境內完成", "entirely in", "only on our", "leave"),)
# The words of a service done abroad with the provider's own tools (see _FINISHED_GOODS_PARTS).
_OWN_TOOL_WORDS = ("own", "return", "back", "自有", "自己", "运回", "運回", "带回", "帶回")
# ... and of goods repaired or replaced under warranty (see _FINISHED_GOODS_PARTS)
_WARRANTY_WORDS = ("rma", "warranty", "swap", "保修", "质保", "質保", "返修")
# The party that keeps its know-how: "The supplier keeps all process know-how".
_KEEPER = r"(?:supplier|seller|licensor|manufacturer|maker|vendor|we)"


_GOODS_ONLY_PARTS: tuple[tuple[tuple[str, ...], str], ...] = (
    # (words of which every match holds one, pattern), in the order of the alternation
    (("提供整机",), r"提供整机[，,、]?\s*不提供技术"),
    (
        ("商品", "货物", "貨物"),
        # ("走的是普通货物出口报关", not "这不是货物出口")
        r"(?:作为|作為|属于|屬於|系|为|為|(?<!不)(?<!非)是)(?:一般|普通)?(?:商品|货物|貨物)(?:出口|贸易|貿易)",
    ),
    (("技术", "技術"), r"不(?:构成|構成|涉及|属于|屬於)(?:任何)?技[术術](?:出口|转让|轉讓)"),
    (("无需", "無需"), r"无需(?:办理|辦理|按)技术出口|無需(?:辦理|按)技術出口"),
    (
        ("贸易", "貿易"),
        (
            r"(?:^|(?<=[，,。；;：:\n]))\s*(?:一般)?(?:货物|貨物)(?:贸易|貿易)\s*(?=[，,。；;\n]|$)"
            # "本次仍为成品饮片一般贸易出口": goods under the customs regime of general trade
            r"|一般(?:贸易|貿易)(?:方式)?出口"
            # "仅货物贸易", "只是货物贸易", "只做货物贸易"
            r"|(?:仅|僅|只)(?:为|為|是|属|屬|做|作)?(?:一般)?(?:货物|貨物)(?:贸易|貿易)"
        ),
    ),
    # a form's ticked box: "☑ 仅货物出口"
    (
        ("货物", "貨物"),
        r"(?:仅|僅|只)(?:为|為|是|属|屬|做|作)?(?:货物|貨物)(?:出口|买卖|買賣|销售|銷售)",
    ),
    # ... or of products: "仅成药产品出口", "只做成品销售" (with 为 or 是, see _PRODUCT_SALES)
    (
        _ONLY_PRODUCTS,
        (
            r"(?:仅|僅|只)(?:做|作)?(?:成药|成藥)?(?:产品|產品|商品|成品|成药|成藥)"
            r"(?:出口|买卖|買賣|销售|銷售|贸易|貿易)"
        ),
    ),
    (
        ("货物", "貨物"),
        (
            r"按(?:一般)?(?:货物|貨物)(?:出口|贸易|貿易)|(?:为|為|系|属于|屬於)(?:货物|貨物)"
            r"(?:买卖|買賣|销售|銷售)"
            # a label in brackets: "出口两台装船机整机（货物买卖）"
            r"|[（(]\s*(?:一般)?(?:货物|貨物)(?:买卖|買賣|贸易|貿易|销售|銷售)\s*[)）]"
        ),
    ),
    # (not "这次不是整机出口", "不仅整机出口": the deal is more than the machines)
    (
        ("整机", "整機"),
        (
            r"(?<!不是)(?<!并非)(?<!並非)(?<!不仅)(?<!不僅)(?<!不只)(?<!不仅是)(?<!不僅是)(?<!不只是)"
            r"(?<!而非)(?:整机|整機)(?:出口|销售|銷售)"
        ),
    ),
    # "本合同仅为产品买卖", "合同仅为种子买卖", "仅为产品销售"
    (
        ("买卖", "買賣", "销售", "銷售", "贸易", "貿易"),
        (
            r"(?:为|為|系|属于|屬於)(?:产品|產品|商品|种子|種子|成品)(?:买卖|買賣|销售|銷售)"
            # "纯货物买卖", "純屬商品貿易": a sale of goods and nothing else
            r"|(?:纯|純)(?:粹|属|屬|为|為|系)?(?:的)?(?:货物|貨物|商品|产品|產品|成品)"
            r"(?:买卖|買賣|贸易|貿易|销售|銷售)"
        ),
    ),
    # toll processing: the work is done here, only the product goes back
    (
        ("加工",),
        (
            r"来料加工|來料加工|受托加工|受託加工|在华加工|在華加工|"
            r"加工(?:全部|均)?在(?:中国|中國)?境[内內]完成|"
            # "全部加工作业由我方员工在国内完成"
            r"加工[^，,。；;\n\ue000]{0,12}?在(?:中国|中國)?(?:境[内內]|国内|國內)完成"
        ),
    ),
    # ... in English only where the toll work is ours or in China ("Toll conversion … at our
    # Sichuan plant"): tolling names no place, and a foreign toller ("at your Bac Giang
    # plant", "at its Hyderabad site") gets the process from us
    (
        ("toll",),
        (
            r"\btoll(?:ing)?\b[^.;\n]{0,100}?(?:\b(?:at|to|in)\s+our\s+(?:[a-z-]+\s+){0,2}?"
            r"(?:plant|factory|site|works)|\bin\s+(?:mainland\s+)?china)\b"
            r"|(?:\b(?:at|to|in)\s+our\s+(?:[a-z-]+\s+){0,2}?(?:plant|factory|site|works)"
            r"|\bin\s+(?:mainland\s+)?china)\b[^.;\n]{0,100}?\btoll(?:ing)?\b"
            # ... or where we do the work: "We convert the customer's spodumene under a tolling fee"
            r"|\bwe\s+(?:convert|process|refine|manufacture|make|toll)\b[^.;\n]{0,80}?\btoll(?:ing)?\b"
        ),
    ),
    (
        ("technology",),
        r"\b(?:contributes?|transfers?|licen[cs]es?|provides?|exports?)\s+no\s+technology\b",
    ),
    # "the product is sold as a finished material"
    (
        ("finished",),
        (
            r"\b(?:sold|exported|shipped|supplied|delivered)\s+as\s+(?:an?\s+)?finished\s+"
            r"(?:[a-z-]+\s+)?(?:goods|products?|materials?)\b"
        ),
    ),
    # a seller that only sells goods: 只卖货, 仅销售产品, 只供货
    (
        _ONLY_SELLS,
        (
            # ... or a buyer that only receives goods: "客户只收货做电芯"
            rf"(?:只|仅|僅|就是)(?:{'|'.join(_ONLY_VERBS)})"
            r"(?:[^，,。；;\n\ue000]{0,6}?)"
            # ... or samples of them: "仅寄送样品本身，不提供任何制备工艺"
            r"(?:货|貨|产品|產品|成品|样品|樣品)"
        ),
    ),
    # ... or that only sells a thing named in a few characters, to the clause's end: "只卖纸不教
    # 手艺", "只卖机器，", "就卖磁钢。" (not what names know-how: "就卖技术", "只卖配方")
    (
        _SELLS_THING,
        (
            rf"(?<![不非再])(?:{'|'.join(_SELLS_THING)})"
            r"(?:(?!技|术|術|工艺|工藝|配方|源|方法|做法|手艺|手藝|专利|專利|资料|資料|图纸|圖紙|"
            r"授权|授權|许可|許可|给|給|诀窍|訣竅)[^，,。；;\n\ue000]){1,4}?"
            # (the clause ends, or goes on to what is withheld: "只卖纸不教手艺")
            r"(?=[，,。；;\n]|$|不(?:教|给|給|提供|传|傳|转让|轉讓|讲|講|带|帶|谈|談))"
        ),
    ),
    # ... or whose buyer gets only products: "Only finished paper is sold", "the distributor
    # only receives the packaged products"
    (
        ("only",),
        (
            r"\bonly\s+(?:the\s+)?finished\s+(?:[a-z-]+\s+){0,4}?(?:is|are)\s+"
            r"(?:sold|supplied|shipped|exported|delivered)\b|"
            r"\b(?:receives?|gets?|obtains?)\s+only\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}?"
            r"(?:products?|goods)\b|"
            r"\bonly\s+(?:receives?|gets?|obtains?)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}?"
            r"(?:products?|goods)\b|"
            # "We only sell the finished products to the distributor", "we only supply the
            # material"
            r"\bonly\s+(?:sell|sells|sold|supply|supplies|ship|ships|export|exports)\s+"
            r"(?:the\s+|our\s+)?(?:(?:finished|packaged|packed|bottled|boxed)\s+(?:[a-z-]+\s+){0,2}?"
            r"[a-z-]+|(?:products?|goods|materials?)(?![a-z-]))|"
            # ... "The buyer gets finished shells only"
            r"\b(?:receives?|gets?|obtains?)\s+(?:the\s+)?finished\s+(?:[a-z-]+\s+){0,2}?[a-z-]+\s+"
            r"only\b|"
            # ... or "We ship finished magnets only"
            r"\b(?:sell|sells|sold|supply|supplies|ship|ships|shipped|export|exports)\s+"
            r"(?:the\s+|our\s+)?(?:finished|packaged|packed|bottled|boxed)\s+(?:[a-z-]+\s+){0,2}?"
            r"[a-z-]+\s+only\b|"
            # ... or a contract for goods only: "the agreement covers product only", "The
            # contract is for finished magnets only"
            r"\b(?:contract|agreement|order|deal)\s+(?:is\s+for|covers|concerns|is\s+limited\s+to)\s+"
            r"(?:the\s+)?(?:finished\s+)?(?:[a-z0-9-]+\s+){0,2}?(?:products?|goods|[a-z-]+s)\s+only\b|"
            # ... or for the sale of something only: "The agreement covers the sale of finished
            # cathode material only", "The contract covers sale of the API only"
            r"\b(?:contract|agreement|order|deal)\s+(?:is\s+for|covers|concerns|is\s+limited\s+to)\s+"
            r"(?:the\s+)?(?:sale|supply|purchase|delivery)\s+of\s+(?:the\s+)?(?:[a-z0-9-]+\s+){0,3}?"
            r"[a-z0-9-]+\s+only\b|"
            # ... or samples only: "we ship powder samples only", "only the samples are sent"
            r"\b(?:sends?|sent|ships?|shipped|supply|supplies|supplied|mail|mails|mailed)\s+"
            r"(?:the\s+|our\s+)?(?:[a-z0-9-]+\s+){0,2}?samples?\s+only\b|"
            r"\bonly\s+(?:the\s+)?(?:[a-z0-9-]+\s+){0,2}?samples?\s+(?:is|are|will\s+be)\s+"
            r"(?:sent|shipped|supplied|mailed|delivered)\b"
        ),
    ),
    # ... or of a service's results only: "仅交付测绘成果", "the client receives only survey
    # results"
    (
        _ONLY_RESULTS_VERBS,
        (
            rf"(?:仅|僅|只)(?:{'|'.join(_ONLY_RESULTS_VERBS)})"
            r"[^，,。；;\n\ue000]{0,10}?(?:成果|成品|报告|報告|"
            r"图件|圖件|地形图|地形圖|检测结果|檢測結果|发行权|發行權)"
        ),
    ),
    (
        (
            # (every alternative opens with one: "deliverables-only", "receives … only")
            *("deliverable", "receive", "get", "obtain"),
        ),
        (
            r"\bdeliverables[- ]only\b"
            # "Deliverables: data files and video only"
            r"|\bdeliverables?\s*:\s*(?:[a-z0-9/-]+\s+){0,4}?(?:files|data|video|reports?|maps|results|"
            r"images|photos)(?:\s+and\s+[a-z]+)?\s+only\b"
            r"|\b(?:receives?|gets?|obtains?)\s+only\s+(?:the\s+)?"
            r"(?:[a-z]+\s+){0,2}?(?:results|outputs|reports|maps|deliverables)\b"
            # "The publisher receives audio only"
            r"|\b(?:receives?|gets?|obtains?)\s+(?:the\s+)?(?:[a-z0-9/-]+\s+){0,2}?(?:results|outputs?|"
            r"reports|maps|deliverables|audio|files|video|images|photos|data)"
            # ... "receives WAV/MP3 files and timing sheets only"
            r"(?:\s+and\s+(?:[a-z0-9/-]+\s+){0,2}?[a-z]+)?\s+only\b"
        ),
    ),
    # ... or a service performed in China, whose technology stays here and whose results alone
    # cross the border: "技术不出境。出境的仅是批改结果报告", "个性化推送技术本身并未转移出境",
    # "服务全部在境内完成", "a production service performed entirely in China", "Only survey
    # outputs leave", "The models and code run only on our servers in China"
    (
        _STAYS_HOME_WORDS,
        (
            r"(?:技术|技術)(?:本身)?(?:均|都|并|並)?(?:不|未|没有|沒有)(?:转移|轉移)?出境"
            r"|出境的(?:仅|僅|只)?(?:是|为|為)[^，,。；;\n]{0,16}?(?:结果|結果|成果|报告|報告|数据|數據|"
            r"音频|音頻|文件)"
            r"|(?:服务|服務)(?:全部|均)?在(?:中国|中國)?(?:境内|境內)完成"
            r"|\b(?:performed|done|carried\s+out|run|provided)\s+entirely\s+in\s+(?:mainland\s+)?china\b"
            r"|\bruns?\s+only\s+on\s+our\s+(?:[a-z]+\s+)?servers\s+in\s+(?:mainland\s+)?china\b"
            r"|\bonly\s+(?:the\s+)?(?:[a-z]+\s+){0,2}?(?:outputs?|results)\s+leaves?\b"
        ),
    ),
    # ... or a hosted service's access or results only: "Service access only", "(hosted service
    # only)", "Deliverable is a data report of coefficients"
    (
        ("access only", "service only", "deliverable is"),
        (
            r"\b(?:service|api)\s+access\s+only\b|\bhosted\s+service\s+only\b|"
            r"\bdeliverable\s+is\s+(?:an?\s+|the\s+)?(?:[a-z-]+\s+){0,2}(?:report|results?|data)\b"
        ),
    ),
    (
        ("delivered",),
        (
            r"\bonly\s+(?:the\s+)?(?:[a-z]+\s+){0,2}?"
            r"(?:results|outputs|reports|maps|deliverables)\s+(?:are|is|will\s+be)\s+delivered\b"
        ),
    ),
    (
        ("goods",),
        (
            r"\b(?:sold|exported|shipped|supplied|delivered)\s+as\s+(?:finished\s+)?goods\b|"
            r"\b(?:sell|sells|export|exports|ship|ships)\b[^.;:\n]{0,80}?\bas\s+goods\b|"
            r"\bgoods[- ]only\b|\bgoods\s+(?:sale|trade)\s+only\b|"
            # a label in brackets: "consumer camera drones (finished goods)"
            r"[(（]\s*(?:finished\s+)?goods\s*[)）]|"
            r"\b(?:an?\s+)?(?:ordinary\s+|plain\s+|pure\s+)?(?:sale|export)\s+of\s+goods\b|"
            # (not goods exports in general: "Goods exports already need dual-use licences")
            r"\bgoods\s+(?:export|exports|sale|sales|shipment)\b(?!\s+(?:already\s+|also\s+|still\s+"
            r"|now\s+|often\s+)?(?:need|needs|require|requires|are|were|have|has|face|faces)\b)"
        ),
    ),
    (
        ("technology", "nothing technical"),
        (
            r"\bno\s+(?:transfer|export)\s+of\s+technology\b|\bno\s+technology\s+transfer\b|"
            r"\bnothing\s+technical\s+(?:leaves|goes|is\s+transferred)\b|"
            r"\bno\s+technology\b[^.;:\n]{0,80}?\b(?:is|will\s+be|shall\s+be|was)\s+(?:transferred|"
            r"exported|licen[cs]ed|disclosed|provided)\b|\bnot\s+an?\s+technology\s+(?:export|transfer)\b|"
            r"\bdoes\s+not\s+(?:constitute|involve|amount\s+to)\s+(?:an?\s+|any\s+)?technology\s+"
            r"(?:export|transfer)\b"
        ),
    ),
)


# The whole declaration, one alternation (a text is searched only with the parts whose words
# it holds: each part costs ~25 us per 2.4 KB, all of them together ~430 us).
_GOODS_ONLY = "|".join(pattern for _, pattern in _GOODS_ONLY_PARTS)


_GOODS_ONLY_PART_WORDS = tuple(sorted({word for words, _ in _GOODS_ONLY_PARTS for word in words}))


# A count of machines, sets or cases: "40台", "4 台", "五十台" (the unit alone is in 平台, 套件 …).
_DIGIT_UNITS = tuple(
    f"{digit}{space}{myriad}{unit}"
    for digit in "0123456789"
    for space in ("", " ")
    for myriad in ("", "万", "萬")
    for unit in ("台", "套", "箱", "瓶", "标箱", "標箱", "架")  # (架: aircraft and drones)
)
_NUMERAL_UNITS = tuple(f"{numeral}台" for numeral in "一二三四五六七八九十两兩百千万萬")


_GOODS_ONLY_WORDS = (  # one of them is in any text _GOODS_ONLY matches (and seldom others)
    *_STAYS_HOME_WORDS,
    *("提供整机", "商品", "货物", "貨物", "不构成", "不構成", "不涉及技", "不涉及任何技"),
    *("不属于技", "不屬於技", "不属于任何技", "不屬於任何技", "无需", "無需"),
    *("as goods", "goods only", "goods-only", "of goods", "no technology", "not a technology"),
    *("not an technology", "not constitute", "not involve", "not amount to", "goods sale"),
    *("goods trade", "goods export", "goods sale", "goods shipment", "货物贸易", "貨物貿易"),
    # _NO_KNOW_HOW is looked for only beside finished goods
    *("finished", "commercial", "consumer"),
    *_OWN_TOOL_WORDS,  # ... or beside a service's own tools
    *("整机出口", "整機出口", "整机销售", "整機銷售"),
    *("来料加工", "來料加工", "受托加工", "受託加工", "在华加工", "在華加工", "toll"),
    *("境内完成", "境內完成", "国内完成", "國內完成"),
    *_ONLY_RESULTS,
    *_PRODUCT_SALES,
    *_ONLY_PRODUCTS,
    *_PURELY,
    *("deliverables", "only"),
    *_ONLY_SELLS,
    *_SELLS_THING,
    # _NO_KNOW_HOW is looked for only beside finished goods (see _FINISHED_GOODS)
    *("packaged", "成品", "整机", "整機", "整柜", "整櫃", "产品出口", "產品出口"),
    *("产品销售", "產品銷售"),
    *("fob ", "cif ", "cfr ", "exw ", "ddp ", "dap ", "fca "),
    *("finished", " units", " containers", " cartons", " pallets", " sets", "出货", "出貨", "报关"),
    "報關",
    *("resale", "goods", "货物", "貨物", "商品", "买卖", "買賣"),
    *("buy", "bought", "order", "purchas", "只售"),
    *("purchase order", "offtake", "供货", "供貨", "订购", "訂購", "订货", "訂貨", "买货", "買貨"),
    *("一代", "商品种", "商品種", "supply contract", "supply agreement", "inspection report"),
    *("装柜", "裝櫃", "网店", "網店", "下单", "下單", "spare part", "备件", "備件"),
    *("发运", "發運", "出运", "出運", "订单", "訂單", "发往", "發往", "经销商", "經銷商"),
    *("分销商", "分銷商", "国际贸易", "國際貿易", "进出口贸易", "進出口貿易"),
    *("spare-part", "off-the-shelf", "随货", "隨貨", "随附", "隨附", "packing", "bill of lading"),
    *("bills of lading", "装箱单", "裝箱單"),
    *_WARRANTY_WORDS,
    *_NUMERAL_UNITS,
    *_DIGIT_UNITS,
    *("f1", "first-generation", "distribut", "importer", "vials", "pcs", "pieces", "boxes"),
    *("bottles", "bags", "access only", "service only", "deliverable is", "nothing technical"),
    *("no transfer of technology", "no export of technology", "no technology transfer"),
    *("一般贸易", "一般貿易", "shipped", "coa", "msds", "certificate", "buyer", "发货", "發貨"),
    # ("contributes no technology" with two spaces or a line break holds neither "no technology")
    *("provide no", "provides no", "contribute no", "contributes no", "transfer no"),
    *("transfers no", "license no", "licenses no", "licence no", "licences no", "export no"),
    "exports no",
    *(
        v + n
        for v in ("为", "為", "系", "属于", "屬於")
        for n in ("产品", "產品", "种子", "種子", "成品")
    ),
    *(
        f"{digit}{space}{unit}"
        for digit in "0123456789"
        for space in ("", " ")
        for unit in "台套箱"
    ),
)
# (as a set: a text's few cues are looked up in it, not its ~600 words scanned)
_GOODS_ONLY_WORD_SET = frozenset(_GOODS_ONLY_WORDS)


_UNLESS = (
    r"是否|如果|如|若|假如|倘若|不再|并非|並非|\bif\b|\bwhether\b|\bunless\b"
    # what used to be bought, before the deal at hand: "对方原先只买我们的共渗剂成品，现在想自己配"
    r"|原先|原来|原來|以前|过去|過去|此前|\bpreviously\b|\bformerly\b|\bused\s+to\b|\buntil\s+now\b"
    # ... or what was proposed first and then changed: "In the first round we had proposed to
    # supply finished sensors only", "最初方案为只卖成品"
    r"|\bhad\s+(?:proposed|offered|planned|intended)\b|\boriginally\b|\binitially\b"
    r"|\bat\s+first\b|\bfirst\s+round\b|\bearlier\s+(?:proposal|offer|plan)\b"
    r"|最初|起初|原计划|原計劃|原方案|原本|原定"
    # ... or an alternative an adviser offers, not the deal: "Alternatively, Tianyi could supply
    # pre-flashed controllers, with no source code", "Zhongba may export the pieces as goods"
    r"|\balternatively\b|\bcould\b|\bmight\b|\bmay\b|\bin\s+the\s+meantime\b"
    r"|替代方案|另一方案|或者改为|或者改為|也可改为|也可改為"
    # ... or a course an adviser recommends, the request still open: "建议婉拒，继续只做成品出口"
    r"|建议|建議"
)


# Words that hand over technology; in a sentence with no negation they outweigh the declaration.
_HANDED_OVER = (
    *("源代码", "源代碼", "源码", "源碼", "技术资料", "技術資料", "工艺包", "工藝包", "工艺文件"),
    *("工藝文件", "设计图纸", "設計圖紙", "技术秘密", "技術秘密", "source code", "know-how"),
    *("design files", "technical documentation", "process package", "design documents"),
    *("production documents", "设计文件", "設計文件"),
    # a process's flowsheets and balances: "deliver a complete dossier (flowsheets, mass balances)"
    *("flowsheet", "flow sheet", "mass balance", "工艺流程图", "工藝流程圖", "物料平衡"),
)


# ... and beside goods whose declaration is only a "no know-how goes" sentence, a licence or
# a transfer (not "end-user licences": "licensed" and "licence the", not bare "licen").
_HANDED_BESIDE_GOODS = (
    *_HANDED_OVER,
    *("许可", "許可", "授权", "授權", "转让", "轉讓", "licensed", "license the", "licence the"),
    *("licenses the", "licences the", "licenses its", "licences its", "license our"),
    "licence our",
    *("assigned", "assignment of"),
)


# ... and technical guidance, a technical service, in a clause of its own with no negation
# in it: "供应杂交一代蚕种（不含亲本），并提供小蚕共育和养蚕技术指导" (the sentence
# negates the parents, the clause after it gives a service).
_GUIDANCE = ("技术指导", "技術指導", "technical guidance")


def _guides(lowered: str) -> bool:
    """Whether a clause of ``lowered`` with no negation or condition in it gives technical
    guidance."""
    if not any(word in lowered for word in _GUIDANCE):
        return False
    negation = compiled(_SENTENCE_NEGATION)
    return any(
        any(word in clause for word in _GUIDANCE) and not negation.search(clause)
        for clause in compiled(r"[，,。；;!?！？\n]").split(lowered)
    )


_SENTENCE_NEGATION = (  # ... or a condition: "如今后拟提供算法源代码，应另行评估"
    # (无/非 that begin ordinary words do not count: 无人机, 无线, 无水, 非洲, 非常)
    r"不|未|没|沒|无(?![人线線机機菌纺紡损損缝縫锡錫水])|無(?![人線機菌紡損縫錫水])|非(?![洲常法标標晶金])"
    r"|\bno\b|\bnot\b|n't\b|\bwithout\b|\bnor\b|\bnever\b|\bexclud(?:ing|ed|es)\b|除外|排除|"
    r"\bnothing\b|\bnone\b|\bneither\b|冇|"
    r"如果|如今后|如今後|如需|如另|如拟|如擬|若|假如|倘若|一旦|\bif\b|\bunless\b|\bshould\b"
    # ... or asks: "是否需要办理技术出口许可"
    r"|是否|\bwhether\b"
    # ... or keeps it: "All process know-how remains with our staff in China"
    r"|\bremains?\s+(?:with|in)\b|\bstays?\s+(?:with|in)\b|\bretain(?:s|ed)?\b|保留|留在"
    rf"|\b{_KEEPER}\s+keeps?\b"
    # ... or reserves it: "The contract expressly reserves all manufacturing know-how to us"
    r"|\breserv(?:es|ed|e)\b[^.;]{0,60}?\bto\s+(?:us|ourselves|itself|the\s+(?:seller|licensor|company))\b"
    # ... or does it all here: "公司灵芝种植及加工全部在福建基地完成"
    r"|(?:全部|均|都)在[^，,。；;\n]{0,12}?(?:完成|进行|進行)"
)


def goods_only_declaration(text: str, *, sold: bool = False) -> tuple[int, int] | None:
    """The span of a declaration that the described deal is a sale of goods with no technology
    (see _GOODS_ONLY), or None. (For a summary with no term, whose title has one: see facts.)
    ``sold``: the deal is known to sell goods (its title says so, see :func:`sells_goods`),
    so a sentence that no know-how goes with them declares it too."""
    lowered = text.lower()
    if not sold and _text_cues(lowered).isdisjoint(_GOODS_ONLY_WORD_SET):
        return None
    return _goods_only(lowered, counted=sold)


def sells_goods(text: str) -> bool:
    """Whether ``text`` speaks of goods sold as such: finished goods, a distributor, counted
    units, F1 seed … (see _FINISHED_GOODS_PARTS)."""
    lowered = text.lower()
    return any(
        compiled(pattern).search(lowered)
        for pattern in _in_parts(_FINISHED_GOODS_GATED, _part_words(lowered))
    )


# In a text that sells finished goods, a sentence that no know-how goes with them declares
# the same: "We supply finished, labelled vials. No API process, formulation know-how or
# manufacturing documents go to the distributor." (Without finished goods, "no source code or
# know-how is shared" may describe a service run for the client: still a lead.)
_NO_KNOW_HOW_PARTS: tuple[tuple[tuple[str, ...], str], ...] = (
    # (words of which every match of the part holds one, the part), in this order
    (
        ("no ",),  # (a gate reads a line break or a tab after "no" as a space)
        (
            r"\bno\s+[^.;:]{0,90}?\b(?:know-how|process(?:es)?|protocols?|manufacturing\s+documents?|"
            r"technical\s+(?:documents?|documentation|data)|parent\s+lines|breeding\s+data|"
            r"source\s+code|algorithm\s+documentation|sdk(?:\s+internals)?|technolog(?:y|ies)|"
            r"techniques?|methods?|drawings|(?:production|manufacturing|process|technical|design)\s+"
            r"information)\b[^.;:]{0,40}?"
            r"\b(?:goes|go|going\s+out|leaves|leaving|pass(?:es)?|(?:is|are|was|were|will\s+be|shall\s+be)\s+(?:transferred|shared|"
            r"disclosed|provided|supplied|licen[cs]ed|handed\s+over|passed\s+on|included|given|"
            r"offered|part\s+of))\b"
            # ... or in an intake note's shorthand, with no verb: "product only, no process docs",
            # "no optical design, no board design, no ranging firmware source", "No formulas."
            r"|\bno\s+(?:process|technical|tech|technology|manufacturing)\s+(?:docs?|documents?|"
            r"documentation|data|info|information|services?|support|cooperation|co-operation|collaboration|transfer|"
            r"specs?|specifications?|parameters)\b"
            r"|\bno\s+(?:[a-z-]+\s+){0,2}?(?:designs?|formulas?|formulae|recipes?|source(?:\s+code)?|"
            r"techniques?|technolog(?:y|ies)|"
            r"sdk|know-how|process|drawings?|manuals?|(?:parent|parental|sterile|pure)\s+(?:lines|stocks?|"
            r"races)|(?:design|manufacturing|production|process|technical)\s+(?:files|information|data))"
            r"\b(?=\s*(?:[.,;)]|and\b|or\b|$))"
            # ... or no licence of it: "No licence of process technology."
            r"|\bno\s+(?:licen[cs]e|transfer|assignment)\s+of\s+(?:[a-z-]+\s+){0,2}?"
            r"(?:process(?:es)?|technolog(?:y|ies)|know-how|designs?|formulas?|recipes?)\b"
            # ... or a party that has no access to it: "The distributor has no access to
            # formulation, processing or heavy-metal control technology."
            r"|\b(?:has|have|gets?|receives?|is\s+given|are\s+given)\s+no\s+access\s+to\s+[^.;:]{0,80}?"
            r"\b(?:know-how|process(?:es)?|technolog(?:y|ies)|formulas?|formulations?|recipes?|"
            r"source\s+code|drawings|designs?)\b"
            # ... or a party that gives none: "We provide no yew-cultivation, extraction or
            # purification know-how"
            r"|\b(?:provides?|supplies|supply|gives?|shares?|transfers?|discloses?|gets?|receives?)\s+"
            r"no\s+[^.;:]{0,60}?\b(?:know-how|process(?:es)?|technolog(?:y|ies)|techniques?|formulas?|"
            r"recipes?|source\s+code|drawings|designs?)\b"
        ),
    ),
    (
        ("不", "未"),
        # ... or in Chinese: 不涉及任何工艺资料, 不提供源码, 不做技术培训, 工艺资料均不提供, 未提供
        # 飞控源代码
        (
            r"[不未](?:涉及|提供|转让|轉讓|披露|包含|包括|含|做|输出|輸出|交付|给|給)(?:任何)?(?:工艺|工藝|"
            r"技术|技術|生产|生產|制备|製備|源码|源碼|源代码|源代碼|菌种|菌種|配方|亲本|親本|原种|原種|制种|"
            r"製種|算法|图纸|圖紙)"
            # ... with a few words before what is withheld: 不提供设备设计图纸, 不提供产品设计资料
            r"|[不未](?:向[^，,。；;\n]{1,8}?)?(?:提供|转让|轉讓|披露|输出|輸出|附带|附帶|随附|隨附)"
            r"[^，,。；;\n但而还還仅僅只]{1,16}?"
            r"(?:设计图纸|設計圖紙|设计资料|"
            r"設計資料|工艺|工藝|技术资料|技術資料|源代码|源代碼|源码|源碼|配方|诀窍|訣竅|亲本|親本)"
            # ... or the buyer no longer wants it: 这次不要菌种了, 不需要工艺
            r"|不(?:要|需要)了?(?:任何)?(?:菌种|菌種|配方|工艺|工藝|技术|技術|源码|源碼|源代码|源代碼|"
            r"图纸|圖紙)"
            # (... or, said plainly, do not go out: 制造图纸和工艺都不出去, 制种技术一律不出去)
            r"|(?:工艺|工藝|技术|技術|源代码|源代碼|源码|源碼|算法)(?:资料|資料|文件)?(?:均|一律|都)?"
            r"不(?:向[^，,。；;\n]{1,12}?)?"
            r"(?:提供|转让|轉讓|输出|輸出|外传|外傳|披露|出去|出境|出国|出國)"
            # ... with the withheld items listed first: 不涉及麝香来源、养麝或生产工艺等技术资料
            r"|[不未](?:涉及|包括|包含)[^，,。；;\n]{0,24}?(?:等)?(?:技术资料|技術資料|工艺资料|工藝資料|"
            r"设计资料|設計資料|设计文件|設計文件)"
        ),
    ),
    # ... or a form's answer: "Technology: none."
    (("none",), r"\b(?:technology|technology\s+transfer|know-how)\s*:\s*none\b"),
    # ... or keeps it at home: "parental lines, seed-production methods and breeding data stay in
    # China"
    (
        ("stay", "remain", "kept", "keep", "retain"),
        (
            r"\b(?:know-how|process(?:es)?|technolog(?:y|ies)|methods?|(?:parent|parental)\s+(?:lines|"
            r"seeds?|stocks?)|seed\s+production|breeding\s+data|source\s+code|recipes?|formulas?)\b"
            r"[^.;:]{0,60}?\b(?:stays?|remains?|(?:is|are)\s+kept)\s+(?:in\s+china|with\s+(?:us|the\s+"
            r"(?:seller|supplier|parent|owner|manufacturer|maker|producer|licensor))|(?:in|at)\s+our\s+"
            r"(?:[a-z]+\s+)?(?:base|plant|factory|site|"
            r"facility|headquarters))\b"
            # ... or the seller keeps it: "The supplier keeps all process know-how"
            rf"|\b{_KEEPER}\s+(?:keeps?|retains?)\s+"
            r"(?:all\s+)?(?:the\s+|its\s+|our\s+)?(?:[a-z-]+\s+)?(?:know-how|technology|process(?:es)?)\b"
        ),
    ),
    # ... or in Cantonese: "冇配方、冇生產技術"
    (("冇",), r"冇(?:任何)?(?:配方|生產|生产|工艺|工藝|技术|技術|源碼|源码|图纸|圖紙)"),
    # ... or keeps it a secret: "炮制工艺属于公司技术秘密，不对外提供"
    (
        ("对外", "對外"),
        (
            r"(?:工艺|工藝|技术|技術|配方|源代码|源代碼|源码|源碼)[^。；;\n]{0,16}?不(?:对外|對外)"
            r"(?:提供|披露|转让|轉讓|公开|公開)"
        ),
    ),
    (
        ("保留", "留在"),
        # ... or keeps it at home: "不育系、恢复系等亲本材料及制种技术保留在国内"
        (
            r"(?:工艺|工藝|技术|技術|亲本|親本|菌种|菌種|配方|源代码|源代碼|源码|源碼|图纸|圖紙)"
            r"(?:资料|資料|文件|材料)?[^，,。；;\n]{0,6}?(?:均|一律)?(?:保留在|留在)(?:中国|中國)?"
            r"(?:国内|國內|境内|境內|本公司|我司|我方|母公司)"
        ),
    ),
    # ... or says that nothing holds it: "nothing in this order includes SDKs, source code or
    # engine licences"
    (
        ("nothing",),
        (
            r"\bnothing\s+(?:in\s+[^.;:]{0,30}?)?(?:includes?|contains?|is\s+included)\b[^.;:]{0,40}?"
            r"\b(?:sdks?|source\s+code|know-how|designs?|process(?:es)?|technical\s+documents?)\b"
        ),
    ),
    (
        ("not ", "not\n", "not\t", "never", "n't", "n\u2019t"),
        # ... or says it will not hand it over: "We do not provide manufacturing know-how",
        # "process parameters, recipes and equipment settings … are not disclosed"; or, from the
        # buyer, will not receive it: "we do not receive any production know how from you",
        # "We do not require the design documents", "we don't need any information about
        # extraction"
        (
            r"(?:\b(?:do|does|did|will|shall|are|is|can)\s*not|\b(?:don|doesn|didn|won|can)[\u2019']t)\s+"
            r"(?:provide|supply|transfer|disclose|licen[cs]e|share|deliver|receive|get|obtain|require|"
            r"need|want|asking\s+for|ask\s+for|request(?:ing)?|open|release|give)\s+[^.;:]{0,60}?"
            r"\b(?:know[\s-]how|process(?:es)?|recipes?|formulas?|algorithms?|code|"
            r"designs?|drawings|source\s+code|(?:firmware|software)\s+source|technical\s+(?:documents?|"
            r"documentation|data)|(?:manufacturing|production|process|technical|design)\s+information|"
            r"information\s+(?:about|on)\s+(?:the\s+)?(?:extraction|synthesis|production|manufactur\w*|"
            r"process)|"
            r"technolog(?:y|ies)|techniques?|methods?|(?:parent|parental|sterile|pure)\s+(?:lines|"
            r"stocks?|races)|breeding\s+material)\b"
            r"|\b(?:process(?:es)?|recipes?|know-how|formulas?|technolog(?:y|ies)|techniques?|methods?|"
            r"drawings|(?:parent|parental|sterile|pure)\s+(?:lines|stocks?|races)|information|records|"
            r"documents?|documentation|designs?|design\s+files)\b[^.;:]{0,80}?\b(?:are|is)\s+"
            r"(?:[a-z]+\s+and\s+)?(?:not|never)\s+(?:disclosed|provided|transferred|shared|licen[cs]ed|"
            r"supplied)\b"
        ),
    ),
    (
        ("included", "excluded", "provided", "supplied", "get", "receive"),
        # ... or lists it as left out: "Not included: design files, firmware source code …",
        # "What the JV does not get: flight-control source code, …"
        (
            r"\b(?:not\s+included|excluded|not\s+provided|not\s+supplied|not\s+get|not\s+receive)"
            r"\s*:\s*[^.;]{0,160}?"
            r"\b(?:designs?|design\s+files|source\s+code|know-how|process(?:es)?|recipes?|drawings)\b"
        ),
    ),
)
_NO_KNOW_HOW = "|".join(pattern for _, pattern in _NO_KNOW_HOW_PARTS)


_FINISHED_GOODS_PARTS: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("finished",),
        (
            r"\bfinished\s+(?:[a-z,-]+\s+){0,2}?(?:goods|products?|vials|units|packs|materials?|"
            r"segments|machines|magnets|drones|cells|modules|sensors)\b|\bfinished,|"
            r"\bfinished[- ](?:products?|dosage\s+forms?)\b|"
            # "using our finished display shells": an adjective after a determiner
            r"\b(?:our|the|their|of|sells?|supply|supplies|buys?|with|and|ships?|shipped)\s+finished"
            r"\s+[a-z]"
        ),
    ),
    (("resale",), r"\bfor\s+resale\b"),
    # A service done abroad with the provider's own equipment, which comes back: the drones
    # of an aerial survey or a film shoot are its tools, as goods are the object of a sale
    # ("Our crew flies our own drones …", "自有航拍无人机 … 设备于活动后运回").
    (
        _OWN_TOOL_WORDS,
        (
            r"\b(?:our|its|their)\s+own\s+(?:[a-z-]+\s+){0,2}?(?:drones?|uavs?|aircraft|equipment|"
            r"lidars?|scanners?)\b"
            r"|\b(?:equipment|drones?|uavs?|aircraft)\s+(?:all\s+)?(?:returns?|returned|comes?\s+back|"
            r"(?:is|are|will\s+be)\s+(?:brought|shipped|flown|taken)\s+back)\b"
            r"|\bbrings?\s+(?:the\s+|our\s+)?(?:drones?|uavs?|equipment)\s+back\b"
            r"|自有(?:的)?[^，,。；;\n\ue000]{0,6}?(?:无人机|無人機|设备|設備)"
            r"|自己(?:的|带|帶)[^，,。；;\n\ue000]{0,6}?(?:无人|無人|设备|設備)"
            r"|(?:设备|設備|无人机|無人機)[^，,。；;\n\ue000]{0,12}?(?:运回|運回|带回|帶回)"
        ),
    ),
    (
        ("goods", "货物", "貨物", "商品"),
        # (numbered, or labelled in both languages: "1. 货物 Goods: 黄芪片、当归片…")
        (
            r"(?:^|\n)\s*(?:\d+[.、)]\s*)?(?:(?:货物|貨物|商品)\s*)?goods\s*:"
            r"|(?:^|\n)\s*(?:\d+[.、)]\s*)?(?:货物|貨物|商品)[：:]"
        ),
    ),  # "Goods:"
    # "40台", "3 万瓶" (a count of bottles: "出口浓香型白酒3万瓶"); not operations, counted with
    # the same 台: "赴美演示 3 台", "做了5台手术"
    (
        _DIGIT_UNITS,
        (
            r"(?<!演示)(?<!演示 )(?<!示范)(?<!示範)(?<!示范 )(?<!示範 )"
            r"[0-9] ?[万萬]?(?:台|套|箱|瓶|标箱|標箱|架(?![构構设設]))"
            r"(?!\s*(?:手术|手術|开颅|開顱|麻醉))"
        ),
    ),
    (("commercial",), r"\bcommercial\s+(?:[a-z0-9-]+\s+){0,3}?(?:seeds?|eggs)\b"),
    # hybrid seed or silkworm eggs of the first generation: the commercial product
    (
        ("f1", "first-generation"),
        r"\b(?:f1|first-generation)\s+(?:[a-z0-9-]+\s+){0,3}?(?:seeds?|eggs)\b",
    ),
    # ... in Chinese: 一代杂交蚕种, 杂交水稻商品种子（F1代）
    (
        ("一代", "商品种", "商品種", "商品蚕", "商品蠶", "f1"),
        r"(?<!非)(?:一代(?:杂交|雜交)|(?:杂交|雜交)一代)|f1\s*代|商品(?:种子|種子|蚕种|蠶種)",
    ),
    # goods under a supply contract, with their papers: "Annual supply contract: N52SH magnets
    # …, with material certificates and inspection reports"
    (
        ("supply", "certificate", "inspection"),
        (
            r"\bsupply\s+(?:contract|agreement)s?\b|\b(?:material|mill)\s+certificates?\b|"
            r"\binspection\s+reports?\b"
        ),
    ),
    # a distributor or importer buys goods to resell them
    (
        ("distribut", "importer", "buyer"),
        r"\bdistribut(?:or|ors|orship|ion\s+agreement)\b|\bimporters?\b|\bbuyers?\s+of\s+our\b",
    ),
    # goods shipped, with their certificates: "shipped from Ningbo", "COA, MSDS"
    (
        ("shipped", "coa", "msds", "certificate"),
        r"\bshipped\s+from\b|\b(?:coa|msds)\b|\bcertificates?\s+of\s+analysis\b",
    ),
    (
        ("only", "packaged"),
        (
            r"\b(?:products?|substances?|materials?|api|powders?|compounds?)\s+(?:sales?\s+)?only\b"
            r"|\bpackaged\s+products?\b|\bsupply\s+only\b|\bseeds?\s+only\b"
        ),
    ),
    # a listing's consumer goods: "Consumer product sale – no design files …"
    (("consumer",), r"\bconsumer\s+(?:products?|goods|electronics|devices?)\b"),
    # an Incoterm and its place: goods shipped
    (
        ("fob", "cif", "cfr", "exw", "ddp", "dap", "fca"),
        r"\b(?:fob|cif|cfr|exw|ddp|dap|fca)\s+[a-z]",
    ),
    # counted goods: "40 units of"
    (
        (
            *("units", "containers", "cartons", "pallets", "sets", "vials", "pcs", "pieces"),
            *("boxes", "bottles", "bags"),
        ),
        (
            r"\b\d[\d,]*\s+(?:units|containers|cartons|pallets|sets|vials|pcs|pieces|boxes|"
            r"bottles|bags)\b"
        ),
    ),
    (
        (
            *("成品", "整", "出货", "出貨", "报关", "報關", "产品出口", "產品出口", "发货", "發貨"),
            *("产品销售", "產品銷售"),
        ),
        r"成品|整机|整機|整柜|整櫃|产品出口|產品出口|出货|出貨|报关|報關|发货|發貨|产品销售|產品銷售",
    ),
    # goods loaded, counted in words, sold in a shop, or spare parts: "五十台植保无人机本周装柜",
    # "网店上新：油烟墨锭", "Annual spare parts for the two ship unloaders"
    (
        ("装柜", "裝櫃", "网店", "網店", "下单", "下單", "备件", "備件"),
        # (not a shop's order records or rates: "根据浏览、加购、下单记录推荐商品")
        r"装柜|裝櫃|网店|網店|(?:下单|下單)(?!记录|記錄|数据|數據|率|行为|行為|转化|轉化)|备件|備件",
    ),
    (_NUMERAL_UNITS, r"[一二三四五六七八九十两兩百千万萬]台"),
    # a purchase order, an offtake: goods bought ("Purchase order: 3,000 aerial shells …",
    # "Offtake term sheet: Supplier sells LFP cathode powder …")
    (("purchase order", "offtake"), r"\bpurchase\s+orders?\b|\bofftake\b"),
    # a contract to supply goods: "长距离带式输送机供货合同", "供货：8.5 km 输送机成套设备"
    (("供货", "供貨"), r"(?:供货|供貨)(?:合同|协议|協議|范围|範圍|\s*[：:])"),
    # goods shipped or ordered: "产品将于5月底前装船发运", "焰火订单金额超过500万美元"
    (
        ("发运", "發運", "出运", "出運", "订单", "訂單", "发往", "發往"),
        (
            r"发运|發運|出运|出運|(?:订单|訂單)(?!系统|系統|管理|数据|數據|记录|記錄|预测|預測)"
            r"|(?:货物|貨物|产品|產品)[^，,。；;\n]{0,6}?(?:发往|發往)"
        ),
    ),
    # goods sold through dealers or traded: "首批货物已发往新加坡经销商", "主营稀土氧化物的国际贸易"
    (
        (
            "经销商",
            "經銷商",
            "分销商",
            "分銷商",
            "国际贸易",
            "國際貿易",
            "进出口贸易",
            "進出口貿易",
        ),
        r"经销商|經銷商|分销商|分銷商|国际贸易|國際貿易|进出口贸易|進出口貿易",
    ),
    # goods ordered by the piece: "buy six of your continuous tea dryers", "ordered 20 of our
    # LiDAR units", "订购当归、黄芪等饮片共两吨", "只卖原料药" (not "buy 2 licences")
    (
        ("buy", "bought", "order", "purchas"),
        (
            r"\b(?:buy|buying|bought|order|ordered|ordering|purchase|purchased|purchasing)\s+"
            r"(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|"
            r"fifty|a\s+hundred|a\s+dozen)\s+(?!licen|copies|seats|user|hours|days)"
            r"(?:of\s+(?:your|our|their|the)\s+)?[a-z0-9]"
        ),
    ),
    (
        ("订购", "訂購", "订货", "訂貨", "只卖", "只賣", "只售", "买货", "買貨"),
        r"(?:订购|訂購|订货|訂貨|只卖|只賣|只售|买货|買貨)(?!技术|技術|服务|服務|许可|許可)",
    ),
    (("spare",), r"\bspare[-\s]parts?\b"),
    # a shipment's papers: "packing_list_PO45001873.xlsx", "commercial invoice", 装箱单
    (
        ("packing", "commercial", "bill of lading", "bills of lading", "装箱单", "裝箱單"),
        (
            # (a file name's underscore is a word character: "list_" ends no word for \b)
            r"(?<![a-z])packing[\s_-]+lists?(?![a-z])|(?<![a-z])commercial[\s_-]+invoices?(?![a-z])"
            r"|\bbills?\s+of\s+lading\b"
            r"|装箱单|裝箱單"
        ),
    ),
    # papers that go with the goods: "随货提供COA、DMF公开部分"
    (("随货", "隨貨", "随附", "隨附"), r"随货|隨貨|随附|隨附"),
    # goods bought ready-made: "four off-the-shelf DJI multispectral drones"
    (("off-the-shelf",), r"\boff-the-shelf\b"),
    # goods repaired or replaced under warranty: "RMA record", "hardware swap only under
    # warranty", "保修维修", "质保范围内"
    (
        _WARRANTY_WORDS,
        (
            r"\brma\b|\bwarranty\s+(?:repairs?|replacements?|swaps?|claims?|service)\b"
            r"|\b(?:replaced|repaired|swapped)\s+under\s+warranty\b|\b(?:hardware|unit)\s+swaps?\b"
            r"|保修|(?:质保|質保)(?:范围|範圍|期内|期內)|返修"
        ),
    ),
)
_FINISHED_GOODS = "|".join(pattern for _, pattern in _FINISHED_GOODS_PARTS)


_GatedParts = tuple[tuple[frozenset[str], str], ...]


def _gated(parts: tuple[tuple[tuple[str, ...], str], ...]) -> _GatedParts:
    """``parts`` with each one's words as a set: a test against the few words a text holds
    then looks at those, not at every word of the part (the digit units are 360)."""
    return tuple((frozenset(words), pattern) for words, pattern in parts)


def _in_parts(parts: _GatedParts, present: frozenset[str]) -> list[str]:
    """The patterns of the ``parts`` one of whose words the text holds (``present``: its words
    of _PART_WORDS; the words were found in one scan of the text). The parts' own patterns,
    tried at every position, cost ~30 ns per branch and character (~100 us per KB for all of
    them)."""
    return [pattern for words, pattern in parts if not present.isdisjoint(words)]


_FINISHED_GOODS_GATED = _gated(_FINISHED_GOODS_PARTS)
_GOODS_ONLY_GATED = _gated(_GOODS_ONLY_PARTS)
_NO_KNOW_HOW_GATED = _gated(_NO_KNOW_HOW_PARTS)


def _matches(patterns: list[str], lowered: str) -> list[re.Match[str]]:
    """Every match of each pattern in ``lowered``, by position. Each pattern is compiled once:
    one alternation of the patterns at hand was compiled anew for each combination of them a
    text held (~1 ms each; 346 patterns for the 3,980 blind texts, up from 236)."""
    found = [match for pattern in patterns for match in compiled(pattern).finditer(lowered)]
    return sorted(found, key=lambda match: (match.start(), -match.end()))


_PART_WORDS = tuple(
    sorted({word for words, _ in (*_NO_KNOW_HOW_PARTS, *_FINISHED_GOODS_PARTS) for word in words})
)
_PART_GATE = gate(_PART_WORDS)


def _part_words(lowered: str, *, automaton: bool | None = None) -> frozenset[str]:
    """The words of _PART_WORDS in ``lowered``: one scan, asked only of a text that reaches the
    finished-goods test. (Kept out of _CUE_WORDS: "no ", "不" and "整" are in most texts, and
    every text's cues are collected.) ``automaton``: as for _text_cues."""
    return _PART_GATE(lowered, automaton)


def _goods_only(lowered: str, *, counted: bool = False) -> tuple[int, int] | None:
    """goods_only_declaration() for a lower-cased text that holds one of its words.
    ``counted``: the text counts goods named by a term ("Sale of 120 spray drones"), which
    makes it one that sells goods as "finished products" do."""
    sentence_end = compiled(_SENTENCE_END + r"|[?？]")
    declared = None
    present = _text_cues(lowered)
    found_all = _matches(
        _in_parts(_GOODS_ONLY_GATED, present),
        lowered,
    )
    handed_over: tuple[str, ...] = _HANDED_OVER
    if not found_all:
        words = _part_words(lowered)
        sells_goods = counted or any(
            compiled(pattern).search(lowered) for pattern in _in_parts(_FINISHED_GOODS_GATED, words)
        )
        if sells_goods:
            found_all = _matches(_in_parts(_NO_KNOW_HOW_GATED, words), lowered)
            # Goods beside a licence of the process are no sale of goods only: "X提取工艺
            # 许可；成品出口不涉及包装设计等技术资料".
            handed_over = _HANDED_BESIDE_GOODS
    for found in found_all:
        begin = max(0, found.start() - _LOOK)
        for end in sentence_end.finditer(lowered, begin, found.start()):
            begin = end.end()
        after = sentence_end.search(lowered, found.end())
        if after is not None and after.group() in "?？":
            continue  # a question
        # A condition reaches no further than a semicolon: "… asked whether we could help them
        # grow it — we said no; this contract is for finished goods only"
        for end in compiled("[;；]").finditer(lowered, begin, found.start()):
            begin = end.end()
        if compiled(_UNLESS).search(lowered, begin, found.start()):
            continue
        if compiled(_UNTICKED_BOX).search(lowered, max(0, found.start() - 4), found.start()):
            continue  # a form's option not chosen: "☑技术转让　☐仅产品贸易"
        if _bracketed(lowered, found) and _another_item_speaks_of_technology(
            lowered, found.start()
        ):
            continue  # "(b) One adsorption skid (goods)" beside "(a) … adsorbent synthesis recipe"
        declared = found.span()
        break
    if declared is None or not _stands(lowered, declared[0], handed_over):
        return None
    return declared


def _stands(lowered: str, at: int, handed_over: tuple[str, ...]) -> bool:
    """Whether a declaration at ``at`` stands: the text's own conclusion does, after whatever
    was asked and discussed; otherwise no sentence may guide the buyer or hand technology
    over (``handed_over``: the words that do), and no licence of technology may be granted."""
    if _concluded(lowered, at):
        return True
    if handed_over is _HANDED_BESIDE_GOODS and _guides(lowered):
        return False
    return not (hands_over(lowered, handed_over, semicolons=True) or _licenses_technology(lowered))


# A thread's or memo's conclusion, on the declaration's line: "最终意见：本单为货物出口，无技术
# 转让", "Final decision: finished goods only". What was asked for and discussed before it
# (source code, algorithms) no longer hands anything over.
_CONCLUSION = (
    r"(?:结论|結論|最终意见|最終意見|最终决定|最終決定|\bconclusion\b|\bfinal\s+(?:decision|opinion|"
    r"answer|position|scope)\b)\s*[:：]"
)


def _concluded(lowered: str, at: int) -> bool:
    """Whether the words at ``at`` follow a conclusion's label on their line."""
    line_start = lowered.rfind("\n", 0, at) + 1
    return compiled(_CONCLUSION).search(lowered, line_start, at) is not None


# The start of a list item: "(b) ", "3. ", "- ", "（二）", "二、", "2) ", "①", "W2 ".
_ITEM_START = (
    r"(?m)^[ \t]*(?:\(?[a-h]\)|\(?\d{1,2}[).、．]|[-•*·]|（[一二三四五六七八九十\d]{1,3}）"
    r"|[一二三四五六七八九十]{1,3}、|[\u2460-\u2473]|[a-z]\d{1,2}\s"
    # a numbered heading of a bid or schedule: "Requirement 3: furnaces (goods)"
    r"|(?:requirement|item|lot|part|deliverable|work\s+package)\s+[a-z0-9]{1,3}\s*[:：.])"
)


def _bracketed(lowered: str, found: re.Match[str]) -> bool:
    """Whether the declaration ``found`` is a label in brackets: "(goods)", "（由中方工厂完成，
    来料加工）"."""
    if found.group()[:1] in "(（":
        return True
    line_start = lowered.rfind("\n", 0, found.start()) + 1
    before = lowered[line_start : found.start()]
    opening = max(before.rfind("("), before.rfind("（"))
    if opening < 0 or max(before.rfind(")"), before.rfind("）")) > opening:
        return False
    line_end = lowered.find("\n", found.end())
    after = lowered[found.end() : len(lowered) if line_end < 0 else line_end]
    return ")" in after or "）" in after


def _another_item_speaks_of_technology(lowered: str, at: int) -> bool:
    """Whether the words at ``at`` stand in one item of a list whose other items include one
    that speaks of technology (see _speaks_of_technology): in a package of a licence, drawings,
    equipment and training, a label "(goods)" marks its own item goods, not the deal."""
    starts = [m.start() for m in compiled(_ITEM_START).finditer(lowered)]
    if len(starts) < 2 or at < starts[0]:
        return False
    stops = [*starts[1:], len(lowered)]
    return any(
        _speaks_of_technology(lowered[begin:stop])
        for begin, stop in zip(starts, stops, strict=True)
        if not begin <= at < stop
    )


# Technology licensed, assigned or handed over outright, as another item of the same deal:
# "1. CT整机出口 2. 向土方许可CT探测器模组的制造技术", "export of 20 machines; we license the
# drive design". (Not technical support, services or papers that go with goods.)
_LICENSED_TECHNOLOGY = (
    r"(?:许可|許可|转让|轉讓|授权|授權|提供|交付)[^，,。；;\n]{0,40}?"
    r"(?:(?:技术|技術)(?!支持|支援|服务|服務|说明|說明|资料|資料|参数|參數|规格|規格|指标|指標)"
    r"|源码|源碼|源代码|源代碼|图纸|圖紙|算法|(?:制备|製備|生产|生產|合成|制造|製造)(?:工艺|工藝))"
    # (English: the verb and its object, with no label or bracket between: not "SDK
    # licence), mounting drawings", "draft licence: LFP synthesis …")
    r"|\b(?:licen[cs](?:e|es|ed|ing)|transfer(?:s|red|ring)?|assign(?:s|ed|ing)?)\b"
    r"[^.;:：()（）\n]{0,60}?"
    r"\b(?:technology|know-how|source\s+code|process\s+package"
    r"|(?:manufacturing|preparation|production|synthesis)\s+process|designs?|drawings)\b"
)


def _licenses_technology(lowered: str) -> bool:
    """Whether a clause of ``lowered`` with no negation, condition or question licenses or
    hands over technology (see _LICENSED_TECHNOLOGY), from our side."""
    negation = compiled(_SENTENCE_NEGATION + "|" + _NOT_OURS)
    # (Chinese clauses end at a full-width comma, English ones with their sentence or at a
    # contrast, not at any comma: "we do not, and will not, assign or teach any technology",
    # "we license the design, but the buyer does not get the source code"; an aside in
    # brackets is no clause:
    # "转让散货连续卸船机（链斗式，额定1500t/h）的设计技术")
    text = compiled(r"（[^（）\n]{0,40}）|\([^()\n]{0,40}\)").sub(" ", lowered)
    for clause in compiled(_SENTENCE_END + r"|[?？;；，]|,\s*but\b|\bwhereas\b").split(text):
        found = compiled(_LICENSED_TECHNOLOGY).search(clause)
        if found and not negation.search(clause):
            return True
    return False


# A licence to us, or one that only has to be obtained: "日本某公司拟向我司…许可其回收技术",
# "向境外提供上述工艺资料须取得技术出口许可"
_NOT_OURS = r"(?:向|给|給)(?:我|本公司)|须|須|需|必须|必須|应当|應當|\bmust\b|\bto\s+us\b"


def goods_and_nothing_else(texts: Sequence[str]) -> tuple[int, tuple[int, int]] | None:
    """A description (its title and summary) that sells goods as such and says nothing of
    technology: no sentence of either text, outside a negation, condition or question, holds a
    word of technology changing hands or of making ("PO: 40,000 pcs N42 sintered NdFeB ring
    magnets, CIF Aarhus, with material certificates"). The mentions then name the goods, not
    their making. Returns the text (by index) and span of the words that say goods are sold."""
    lowered = [text.lower() for text in texts]
    for index, text in enumerate(lowered):
        spans = [
            match.span()
            for pattern in _in_parts(_FINISHED_GOODS_GATED, _part_words(text))
            for match in compiled(pattern).finditer(text)
            if not _in_negated_clause(text, match)  # not "不出售磁钢成品", "非杂交一代"
        ]
        if spans:  # (most descriptions sell no goods: the words of technology are looked for after)
            return None if any(map(_speaks_of_technology, lowered)) else (index, min(spans))
    return None


# Words of technology changing hands, or of making something: a text of goods that holds one
# of them in a sentence with no negation or question may hand technology over with the goods.
_TECHNOLOGY_WORDS = (
    *("know-how", "know how", "technolog", "technical", "process", "recipe", "formula"),
    *("source", "design", "drawings", "blueprint", "licen", "assign", "transfer", "training"),
    *("teach", "course", "consult", "engineer", "commission", "install", "turnkey", "plant"),
    *("production line", "manufacturing", "algorithm", "firmware", "method", "technique"),
    *("procedure", "protocol", "sops", "production", "breeding", "cultivation", "propagation"),
    *("extraction", "synthesis", "separation", "smelting", "refining", "purification"),
    *("技术", "技術", "工艺", "工藝", "配方", "源码", "源碼", "源代码", "源代碼", "设计", "設計"),
    *("图纸", "圖紙", "许可", "許可", "授权", "授權", "转让", "轉讓", "培训", "培訓", "教", "传授"),
    *("傳授", "诀窍", "訣竅", "秘方", "方子", "生产线", "生產線", "成套", "调试", "調試", "安装"),
    *("安裝", "咨询", "諮詢", "算法", "固件", "方法", "制造", "製造", "生产", "生產", "制种"),
    *(
        "製種",
        "繁育",
        "育种",
        "育種",
        "培育",
        "提取",
        "合成",
        "分离",
        "分離",
        "冶炼",
        "冶煉",
        "加工",
    ),
    *("规程", "規程", "流程", "做法", "养殖", "養殖", "栽培", "种植", "種植"),
    # code and the training of models: "巴西团队要接手，需要整套代码和训练流水线"
    *("代码", "代碼", "codebase", "训练", "訓練"),
)
_TECHNOLOGY_GATE = gate(_TECHNOLOGY_WORDS)
# Training in using or selling the goods, and installing them, is part of selling them: "with
# installation and one week of operator training", "派一个售后去两周，教他们的飞手怎么开".
_GOODS_SERVICE = (
    # where the goods are made, which hands no making over: "产品由公司湖北基地生产", "The
    # sensors will be produced at Lumisense's factory in Suzhou", "series-production"
    r"(?:由|在)[^，,。；;\n]{0,16}?(?:工厂|工廠|基地|厂区|廠區|车间|車間|厂|廠)(?:生产|生產|制造|製造)|"
    r"\b(?:produced|made|manufactured)\s+(?:at|in)\s+(?:[a-z0-9'’-]+\s+){0,3}?"
    r"(?:factory|factories|plant|plants|site|works|base)\b|\b(?:series|mass)[- ]production\b|"
    # codes that are no source code: "证券代码：688xxx", "海关商品编码/产品代码"
    r"(?:证券|證券|股票|产品|產品|商品|海关|海關|物料|hs\s?)(?:代码|代碼)|"
    r"(?:product|operator|operators['’]?|pilot|user|end-user|sales|maintenance|safety|dealer|distributor)"
    r"\s+(?:and\s+[a-z]+\s+)?(?:training|course)(?:\s+course)?|\binstallation\s+supervision\b|"
    r"\binstallation(?:\s+and\s+commissioning)?\b|(?:飞手|飛手|操作|产品|產品|销售|銷售|使用|维护保养|"
    r"維護保養)(?:培训|培訓|训练|訓練)|(?:安装|安裝)[^，,。；;\n]{0,6}?(?:调试|調試)|安装|安裝|"
    r"\b(?:field\s+)?service\s+engineers?\b|"
    r"教(?:他们|他們|对方|對方|客户|客戶)?的?(?:飞手|飛手|操作工|操作员|操作員|工人|用户|用戶|员工|員工)"
    r"(?:怎么|怎麼|如何)"
    # ... and so are the goods' firmware updates, signed binaries: "firmware 07.02.15 fixes …",
    # "software releases as signed images"
    r"|\bfirmware\s+(?:v?\d[\d.]*\d|(?:security\s+)?(?:updates?|upgrades?|patch(?:es)?|releases?))\b"
    r"|\bsigned\s+(?:binary|binaries|releases?|images?)\b|固件(?:升级|升級|更新)"
    r"|\bfirmware\s+(?:in\s+|as\s+)?binary(?:\s+only)?\b|\bbinary(?:-only)?\s+firmware\b"
    # ... in Chinese too: "固件为加密二进制", "加密固件"
    r"|固件(?:为|為|以)?(?:加密|二进制|二進制)|(?:加密|二进制|二進制)(?:的)?固件"
    r"|\btraining\s+(?:is\s+)?limited\s+to\b"
    # ... and their production time, their locked firmware: "Production time 45 days",
    # "Flight control firmware is locked"
    r"|\bproduction\s+(?:time|lead\s*time|schedule)\b|生产周期|生產週期"
    r"|\bfirmware\s+(?:is\s+)?(?:locked|closed)\b|\b(?:locked|closed)\s+firmware\b"
    # ... and the licensed crew that installs or fires them: "our licensed shooters"
    r"|\blicen[cs]ed\s+(?:shooters?|pilots?|operators?|technicians?|electricians?|installers?|crews?)\b"
    # ... and support limited to the goods' papers: "技术支持限于产品COA和测试报告"
    r"|(?:技术|技術)支持(?:仅|僅|只)?限于|\btechnical\s+support\s+(?:is\s+)?limited\s+to\b"
    # ... and their marketing authorisation, a letter of access to their file, their brand or
    # trademark licensed for selling them: "在墨西哥取得上市许可", "被授权…使用我们的商标"
    r"|上市(?:许可|許可)|\bmarketing\s+authori[sz]ations?\b|授权信|授權信|\bletter\s+of\s+access\b"
    r"|(?:品牌|商标|商標)(?:授权|授權|许可|許可)|(?:授权|授權|许可|許可)[^，,。；;]{0,20}?(?:商标|商標)"
    r"|\b(?:trademark|brand)\s+licen[cs](?:e|es|ing)\b"
    # ... and the site the goods serve: "the roller hearth kilns at the Hungarian LFP plant"
    r"|\b(?:at|in)\s+(?:the|our|their|its)\s+(?:[a-z0-9-]+\s+){0,3}?plant\b"
)


def _list_head_of_negation(clause: str, rest: list[str], negation: re.Pattern[str]) -> bool:
    """Whether ``clause`` is a short item (a few words, no verb of handing over) of a list
    that the next clauses continue, up to one whose negation speaks of the whole list (not a
    clause of its own: "we license the design, but the buyer does not get …")."""
    words = clause.split()
    if len(words) > 3 or not _LIST_ITEM_WORDS.isdisjoint(words):
        return False
    for following in rest:
        if following.lstrip().startswith(("and ", "but ", "while ", "whereas ", "we ", "they ")):
            return False
        if negation.search(following):
            return True
        if len(following.split()) > 3:
            return False
    return False


_LIST_ITEM_WORDS = frozenset(
    (
        *("we", "they", "license", "licence", "licenses", "licences", "licensed", "transfer"),
        *("transfers", "provide", "provides", "supply", "supplies", "deliver", "delivers", "give"),
        *("gives", "sell", "sells", "ship", "ships", "get", "gets", "receive", "receives"),
        *("teach", "teaches", "train", "trains"),
    )
)


def _speaks_of_technology(lowered: str) -> bool:
    """Whether a sentence of ``lowered`` with no negation, condition or question in it holds
    a word of technology changing hands or of making (see _TECHNOLOGY_WORDS)."""
    present = _TECHNOLOGY_GATE(lowered)
    if not present:
        return False
    sentence_end = compiled(_SENTENCE_END + r"|[?？;；]")
    negation = compiled(_SENTENCE_NEGATION)
    starts = [0, *(end.end() for end in sentence_end.finditer(lowered))]
    stops = [*starts[1:], len(lowered)]
    for at, (begin, stop) in enumerate(zip(starts, stops, strict=True)):
        sentence = lowered[begin:stop]
        if sentence.rstrip().endswith(("?", "？")):
            continue
        following = lowered[stop : stops[at + 1]] if at + 1 < len(stops) else ""
        if _refused(sentence, following):
            continue
        if sentence.lstrip(" \t\n-*•").startswith(("no ", "none ", "neither ", "nothing ")):
            continue  # "No formulations, manufacturing drawings or know-how are provided"
        # clause by clause, "not only" being no negation: "不仅销售成品，还将提供炮制工艺规程";
        # a negated label negates the rest of its sentence: "不提供 Not provided: 提取工艺"
        parts = compiled(f"({_CLAUSE_MARKS})").split(compiled(_NOT_ONLY).sub(" ", sentence))
        clauses = parts[::2]
        for number, (clause, mark) in enumerate(zip(clauses, [*parts[1::2], ""], strict=True)):
            # ... and a Chinese predicate that opens with its negation speaks of the clause
            # before it: "工艺详细资料仅提交药监机构，不向买方披露"
            # ... as do the first items of an English list whose predicate is negated: "design
            # files, source code and manufacturing know-how are not part of this order"
            after = clauses[number + 1].lstrip() if number + 1 < len(clauses) else ""
            if after.startswith(_ZH_NEGATED_PREDICATE) or (
                mark == "," and _list_head_of_negation(clause, clauses[number + 1 :], negation)
            ):
                continue
            # ... and the object of a negation cut off by an aside: "The customer has not asked
            # for, and we will not give, any process or recipe information"
            if (
                number
                and clause.lstrip().startswith("any ")
                and negation.search(clauses[number - 1])
            ):
                continue
            if negation.search(clause):
                if mark in (":", "："):
                    break
                continue

            if not any(word in clause for word in present):
                continue
            words = compiled(_GOODS_SERVICE).sub(" ", clause)
            if any(word in words for word in present):
                return True
    return False


# A request turned down asks, and hands nothing over: "They asked for the firmware source; we
# said no, only the SDK." "客户想要配方，我们拒绝了。"
_REQUEST = (
    r"\b(?:asked|requested|wanted|wants|asks|requests?)\b"
    r"|要求|想要|问我们要|問我們要|索要|请求|請求"
)
_REFUSAL = (
    r"\bwe\s+(?:said\s+no|declined|refused|turned\s+(?:it|that|this|them)\s+down)\b|"
    # "sintering know-how request declined"
    r"\brequests?\s+(?:(?:was|were|has\s+been|have\s+been)\s+)?(?:declined|refused|rejected)\b|"
    r"\b(?:was|were)\s+(?:declined|refused)\b|拒绝|拒絕|婉拒|没答应|沒答應|没同意|沒同意"
)


def _refused(sentence: str, following: str) -> bool:
    """Whether ``sentence`` asks for something and it or the next sentence turns it down."""
    if not compiled(_REQUEST).search(sentence):
        return False
    return any(compiled(_REFUSAL).search(text) for text in (sentence, following))


_ZH_NEGATED_PREDICATE = ("不", "未", "没", "沒", "也不", "亦不", "均不", "都不", "并不", "並不")
_NOT_ONLY = r"\bnot\s+only\b|\bnot\s+just\b|不仅|不僅|不只|不但|不止"
_CLAUSE_MARKS = r"[，,：:（）()]"


def _in_negated_clause(lowered: str, match: re.Match[str]) -> bool:
    """Whether the clause around ``match`` holds a negation or a condition."""
    marks = compiled(_CLAUSE_MARKS + r"|[。；;.!?！？\n]")
    begin = max((m.end() for m in marks.finditer(lowered, 0, match.start())), default=0)
    after = marks.search(lowered, match.end())
    clause = lowered[begin : after.start() if after else len(lowered)]
    return compiled(_SENTENCE_NEGATION).search(clause) is not None


@functools.lru_cache(maxsize=16)
def hands_over(lowered: str, words: tuple[str, ...], *, semicolons: bool = False) -> bool:
    """Whether a sentence of ``lowered`` with no negation or condition in it holds one of
    ``words`` (technology handed over: source code, know-how …). ``semicolons``: a semicolon
    ends a sentence too ("supply of 3 sets of design documents; no source code is provided"
    hands the documents over); not for words as loose as "licen" ("units ship with end-user
    licences only; no source code is provided"). Memoised: the counted-goods pass asks it
    for every clause of a text (a 60 KB summary of such clauses took ~2 s)."""
    sentence_end = compiled(_SENTENCE_END + (r"|[?？;；]" if semicolons else r"|[?？]"))
    negation = compiled(_SENTENCE_NEGATION)
    starts = [0, *(end.end() for end in sentence_end.finditer(lowered))]
    for begin, stop in zip(starts, [*starts[1:], len(lowered)], strict=True):
        sentence = lowered[begin:stop]
        if sentence.rstrip().endswith(("?", "？")):
            continue  # a question hands nothing over: "需要技术出口许可吗？"
        if "licensed" in sentence or "授权" in sentence or "授權" in sentence:
            # "shipped to a licensed generic manufacturer": a party; "软件（二进制授权）": the
            # software's use, as goods are used
            sentence = compiled(_LICENSED_PARTY).sub(" ", sentence)
        if any(word in sentence for word in words) and any(
            any(word in part for word in words) and not negation.search(part)
            for part in compiled(_BUT).split(sentence)
        ):
            return True
    return False


# "a licensed manufacturer", "a licensed pharmacy": a party that holds a licence, not one
# that is given technology.
_LICENSED_PARTY = (
    r"\ban?\s+licensed\b|(?:二进制|二進制|使用|最终用户|最終用戶|终端用户|終端用戶)(?:授权|授權)"
)


# A turn inside a sentence: what follows it is read apart from the negation before it ("No
# design information was provided, but the source code is licensed", "不提供图纸，但源代码随附").
_BUT = r",\s*but\b|，\s*但|，\s*不过|，\s*不過"


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


def _other_senses(
    text: str,
    spans: Sequence[tuple[int, int]],
    defined: dict[str, tuple[int, int]],
    out: dict[int, tuple[int, int]],
) -> None:
    """Every use of an abbreviation the text defines by words that are no term (``defined``,
    from _defined), set aside with the definition as the words that say so."""
    for i, (start, end) in enumerate(spans):
        where = defined.get(text[start:end])
        if where is not None:
            out.setdefault(i, where)


def _defined(
    text: str, masked: str, spans: Sequence[tuple[int, int]]
) -> dict[str, tuple[int, int]]:
    """The abbreviations among the terms at ``spans`` that ``text`` defines by words that are
    no term ("temporary threshold shift (TTS)"), each with the span of its definition."""
    acronym_re, word_re = compiled(_ACRONYM), compiled(r"[a-z0-9]+|\ue000+")
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
        close = compiled(r"[)）]").search(masked, opening, opening + reach)
        if close is None:
            continue
        inside = masked[opening + 1 : close.start()]
        spelled = [w.group() for w in word_re.finditer(inside)]
        if _MASK not in inside and spelled and _initials_spell(spelled, letters):
            defined[acronym] = (start, close.end())
    return defined


def _glosses(
    masked: str, spans: Sequence[tuple[int, int]], out: dict[int, tuple[int, int]]
) -> None:
    """Terms in brackets right after a negated term gloss or list it: "不含激光雷达（LiDAR）",
    "No phosphate-based cathode (LFP, LMFP)", also past a generic noun ("No phosphate-based
    cathode chemistry (LFP, LMFP or iron phosphate)"). The bracket holds only terms and the
    words that join them, and may end in a short item of its own after "or"/"and"."""
    for i in sorted(out):
        if i + 1 >= len(spans) or i + 1 in out:
            continue
        end, start = spans[i][1], spans[i + 1][0]
        opening = compiled(_GLOSS_OPENING).fullmatch(masked, end, start)
        if opening is not None:
            _gloss_bracket(masked, spans, out, i + 1, out[i][0])
    if "(" not in masked and "（" not in masked:
        return
    # ... and a bracket of terms after "no" and a modifier of its own: "No phosphate-based
    # (LFP/LMFP) chemistry and no phosphate precursor technology is included"
    for k, (start, _) in enumerate(spans):
        if k in out:
            continue
        cue = compiled(_NO_MODIFIER_OPENING).search(masked, max(0, start - 40), start)
        if cue is not None and (k == 0 or spans[k - 1][1] <= cue.start()):
            _gloss_bracket(masked, spans, out, k, cue.start())


# A bracket right after the term, or after one generic noun: "cathode chemistry (".
_GLOSS_OPENING = (
    r"\s*(?:(?:chemistry|chemistries|materials?|technolog(?:y|ies)|process(?:es)?|routes?|types?|"
    r"systems?|体系|材料|技术|技術|工艺|工藝|路线|路線)\s*)?[(（\[【]"
)


_NO_MODIFIER_OPENING = r"\bno\s+(?:[a-z]+-)*[a-z]+\s*[(（]$"


def _gloss_bracket(
    masked: str,
    spans: Sequence[tuple[int, int]],
    out: dict[int, tuple[int, int]],
    first: int,
    negation_start: int,
) -> None:
    """Negate the terms of the bracket whose first term is ``first`` when it holds only terms
    and joiners (and perhaps a short last item)."""
    start = spans[first][0]
    close = compiled(r"[)）\]】]").search(masked, start, start + _GLOSS_REACH)
    if close is None:
        return
    inner = masked[start : close.start()].replace(_MASK, " ")
    if not compiled(_GLOSS_INNER).fullmatch(inner):
        return
    for j in range(first, len(spans)):
        if spans[j][0] >= close.start():
            break
        out.setdefault(j, (negation_start, close.end()))


_GLOSS_REACH = 160  # characters from the first term in a gloss to its closing bracket
_GLOSS_JOINERS = r"[\s,，、/;；&]*(?:(?:and|or|和|及|与|與|或)[\s,，、/;；&]*)*"
# ... the joiners, or before a last item of one or two words of its own: "(LFP, LMFP or iron
# phosphate)"
_GLOSS_INNER = _GLOSS_JOINERS + r"(?:(?:or|and)\s+[a-z-]+(?:\s+[a-z-]+)?\s*)?"


# A bracket of examples: "（如…", "(e.g. …", "(such as …".
_EXAMPLES_OPENING = (
    r"[(（]\s*(?:e\.\s?g\.?|eg\b|such\s+as\b|for\s+example\b|for\s+instance\b|including\b|"
    r"如|例如|比如|诸如|諸如|包括)[^()（）]{0,240}?[)）]"
)
_EXAMPLES_GAP = 24  # characters between a negated term and the bracket of its examples


def _negated_examples(
    masked: str, spans: Sequence[tuple[int, int]], out: dict[int, tuple[int, int]]
) -> None:
    """The examples in brackets after a negated phrase share its negation: "不涉及航空航天轴承
    的设计及制造技术（如航空发动机主轴轴承、高DN值轴承）", "no aerospace bearings (e.g. engine
    main-shaft bearings)". The bracket must follow within the negated term's clause."""
    examples = compiled(_EXAMPLES_OPENING)
    for i in sorted(out):
        end = spans[i][1]
        opening = compiled(r"[(（]").search(masked, end, end + _EXAMPLES_GAP)
        if opening is None or any(
            ch in _CLAUSE_PUNCTUATION.strip() for ch in masked[end : opening.start()]
        ):
            continue
        found = examples.match(masked, opening.start())
        if found is None:
            continue
        j = bisect.bisect_right(spans, (found.start(), len(masked)))  # spans sorted by start
        while j < len(spans) and spans[j][0] < found.end():
            if spans[j][1] <= found.end():
                out.setdefault(j, (out[i][0], found.end()))
            j += 1


# Examples of what a list or catalogue holds, in brackets after it: "whether the business
# involves items on the PRC technology-export catalogue (e.g. UAVs, LiDAR, speech synthesis)",
# "对照《禁止出口限制出口技术目录》（如无人机、激光雷达）核查". They name the catalogue's items, not
# the technology described.
_CATALOGUE_EXAMPLES = (
    r"(?:catalogue|catalog|control\s+list|目录|目錄|清单|清單)[^()（）\n]{0,24}?[(（]\s*"
    r"(?:e\.\s?g\.?|eg|such\s+as|for\s+example|for\s+instance|i\.\s?e\.?|如|例如|比如|诸如|諸如)"
    r"[^()（）]{0,240}[)）]"
)


_CATALOGUE_WORDS = ("catalog", "control list", "目录", "目錄", "清单", "清單")


def _catalogue_examples(
    masked: str, spans: Sequence[tuple[int, int]], out: dict[int, tuple[int, int]]
) -> None:
    """The terms in brackets that give examples of a catalogue's or list's items."""
    for found in compiled(_CATALOGUE_EXAMPLES).finditer(masked):
        _set_aside_within(spans, out, found.start(), found.end(), found.span())


# A sentence that gives the scope of a catalogue entry and says something is not in it: "新增的
# 电池正极材料制备技术条目仅涉及磷酸铁锂、磷酸锰铁锂和磷酸盐正极原材料，三元材料不在其列", "the new
# entry covers only LFP, LMFP and phosphate precursors; NCM is not listed". The terms of that
# scope are the catalogue's words, not the deal's. (Both parts are needed: "目录包括个性化推送"
# alone may go on "本项目属于该类".)
_ZH_CATALOGUE_SCOPE = (  # (a line break is no sentence end: wrapped text)
    # what the entry or the addition holds ("条目仅涉及…", "只列…", "新增的是…", "新增了…，那三个点
    # 是…") …
    r"(?:(?:目录|目錄|条目|條目|控制要点|控制要點)[^，,。；;]{0,6}?(?:仅|僅|只)(?:涉及|包括|包含|限于|"
    r"限於|针对|針對|列入|列出|列|涵盖|涵蓋|覆盖|覆蓋)"
    r"|新增(?:的|了)?[^。；;]{0,40}?(?:(?:仅|僅|只)?(?:涉及|包括|包含|限于|限於|针对|針對|列入|列出|涵盖|"
    r"涵蓋|覆盖|覆蓋)|是|为|為))"
    # … and, in the same sentence or the next, what is not in it
    r"[^。；;]{1,120}?[，,。]\s*[^，,。；;]{0,16}?(?:不在其列|不在此列|不在列|不在其中|不在里面|"
    r"不在裡面|不属于|不屬於|未列入|未被列入|不在[^，,。；;]{0,10}?(?:范围|範圍))"
)
_EN_CATALOGUE_SCOPE = (  # (also in the past: "the 2008 item covered X; Y was not a control point")
    # (… or an analyst's note on what is encoded: "The encoded points of 053401X are about X.
    # Standard nitriding isn't either of them", "the heading we have encoded is about X, which
    # is unrelated")
    r"\b(?:entry|entries|item|catalogue|catalog|(?:control\s+)?points?|headings?|encoded)\b[^.;]{0,60}?"
    r"\b(?:(?:covers?|covered|lists?|listed|concerns?|concerned|appli(?:es|ed)\s+to|talks?\s+about|"
    r"(?:is|are|was|were)\s+about|"
    r"restricts|restricted|prohibits|prohibited|controls|"
    r"(?:is|are|was|were)\s+limited\s+to)(?:\s+only)?|only\s+(?:covers?|covered|lists?|listed|concerns?|"
    r"concerned|appli(?:es|ed)\s+to))\b[^.]{1,160}?"
    # … and what it leaves out: in the same sentence ("…; NCM is not listed", "… only, not
    # ternary NCM") or the next ("… raw materials. NCM ternary cathodes are not in it.")
    r"(?:,\s*not\s+(?!only\b)[a-z]|[;,.]\s*[^.;,]{0,60}?\b(?:(?:is|are|was|were)"
    r"\s+(?:not\s+(?:listed|covered|included|in\s+it|among\s+them|(?:a|one\s+of\s+its)\s+control"
    r"\s+points?)|outside)"
    r"|not\s+on\s+the\s+list|falls?\s+outside|fell\s+outside|nothing\s+(?:on|about)"
    r"|(?:is|are|was|were)\s+unrelated|ha(?:s|ve)\s+nothing\s+to\s+do\s+with"
    r"|(?:isn|aren|wasn|weren)\W{0,2}t\s+(?:either|one|any)\s+of\s+(?:them|these|those)"
    # ("…; it does not mention oxyborate crystals", "… says nothing of sodium-ion")
    r"|(?:does|did|do)(?:\s+not|n\W{0,2}t)\s+(?:mention|name|include|list|cover|extend\s+to)"
    r"|says\s+nothing\s+(?:of|about))\b"
    # … or a list that ends on "only", which leaves out all else: "the 252604X item covers LFP,
    # LMFP and phosphate precursors only."
    r"|\bonly(?=\s*(?:[.;]|$)))"
)
_ZH_SCOPE_WORDS = ("目录", "目錄", "条目", "條目", "控制要点", "控制要點", "新增")
_EN_SCOPE_WORDS = ("entry", "entries", "item", "catalog", "point", "heading", "encoded")
_SCOPE_WORDS = (*_ZH_SCOPE_WORDS, *_EN_SCOPE_WORDS)  # one is in any text either pattern matches
_ENTRY_NAME = r"\ue000+(?:技术|技術)?$"  # "电池正极材料制备技术条目": the entry's name


def _catalogue_scope(
    masked: str,
    spans: Sequence[tuple[int, int]],
    out: dict[int, tuple[int, int]],
    cues: frozenset[str],
) -> None:
    """The terms of a sentence that gives a catalogue entry's scope and leaves something out
    (each language's pattern tried only where the text holds one of its words)."""
    for words, pattern in (
        (_ZH_SCOPE_WORDS, _ZH_CATALOGUE_SCOPE),
        (_EN_SCOPE_WORDS, _EN_CATALOGUE_SCOPE),
    ):
        if cues.isdisjoint(words):
            continue
        for found in compiled(pattern).finditer(masked):
            start = found.start()
            if found.group().startswith(("条目", "條目")):
                name = compiled(_ENTRY_NAME).search(masked, max(0, start - 40), start)
                start = name.start() if name else start
            _set_aside_within(spans, out, start, found.end(), (start, found.end()))


_CUE_WORDS = tuple(
    sorted(
        {
            *_GOODS_ONLY_WORDS,
            *_GOODS_ONLY_PART_WORDS,
            *_EXCLUSION_WORDS,
            *_BACKGROUND_WORDS,
            *_CATALOGUE_WORDS,
            *_SCOPE_WORDS,
            *_CLIENT_WORDS,
            *_FORM_MARKS,
            *COMPARISON_WORDS,
            *CATALOGUE_SAYS_WORDS,
        }
    )
)
_CUE_GATE = gate(_CUE_WORDS)
