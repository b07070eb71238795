"""The passes over one clause, each run only when the clause holds a word it starts from;
the ones that read either language (a negation after the term, somebody else's
technology, options not taken up) live here too."""

from __future__ import annotations

import re

from exportcheck.lazyre import compiled
from exportcheck.negation.chinese import (
    _GOODS_WORDS,
    _UNRELATED_REACH,
    _UNRELATED_WORDS,
    _ZH_CUE_CHARS,
    _ZH_JOIN,
    _ZH_LIST_GAP,
    _ZH_LIST_ITEMS,
    _ZH_THEIRS_WORDS,
    _bracket_examples,
    _chinese,
    _except,
    _goods,
    _retained,
    _theirs,
    _unrelated,
)
from exportcheck.negation.clause import (
    _CLAUSE_END,
    _CLAUSE_PUNCTUATION,
    _LOOK,
    _MASK,
    _Clause,
    _gate,
)
from exportcheck.negation.document import _HANDED_OVER, hands_over
from exportcheck.negation.english import (
    _BOUGHT,
    _EN_CUES,
    _EN_JOIN,
    _NEGATIVE_PREDICATE,
    _PREDICATE_START,
    _en_bracket_examples,
    _english,
    _english_goods,
    _listed_subject,
    negative_predicate,
)

# After a term: "X-free"; "X (features) are not included / part of …"; "X is excluded".
# Generic nouns that may stand between a term and its predicate ("X module is not included").
_EN_HEAD_NOUNS = (
    r"(?:features?|functions?|functionality|modules?|components?|business|unit|"
    r"capabilit(?:y|ies)|technolog(?:y|ies)|engines?|systems?|software|parts?|lines?|"
    r"programmes?|programs?|projects?|divisions?|teams?|products?|units?|businesses|"
    r"magnets?|cells?|sensors?|chips?|process(?:es)?|know-how|stack)"
)
_EN_AFTER = (
    r"\A(?:[-\u2010\u2011]free(?![a-z0-9])"
    rf"|(?:\s+{_EN_HEAD_NOUNS})?"
    r"(?:\s*,?\s+(?:which|that))?\s+"
    r"(?:(?:is|are|was|were|will\s+be|shall\s+be)\s+(?:(?:expressly|explicitly|specifically|"
    r"also|entirely|wholly)\s+)?(?:(?:not|never)\s+(?:be\s+)?"
    r"(?:included|part|involved|covered|transferred|licen[cs]ed|provided|offered|supplied|"
    r"used|in\s+(?:the\s+)?scope|within\s+(?:the\s+)?scope)|excluded|out\s+of\s+scope|removed|"
    r"stripped\s+out|taken\s+out|licen[cs]ed\s+separately|(?:explicitly\s+|expressly\s+)?"
    r"(?:outside|beyond)\s+(?:the\s+|this\s+|our\s+)?(?:scope|licen[cs]e|deal|transfer|"
    r"agreement|transaction))"
    r"|(?:was|were|has\s+been|have\s+been)\s+(?:removed|divested|spun\s+off|sold\s+off|"
    r"carved\s+out|replaced|dropped|cancell?ed|abandoned|discontinued|shelved|archived)"
    r"|(?:is|are|was|were)\s+(?:bought(?:\s+in)?|purchased|procured)"
    # bought in from somebody else: "the sintered NdFeB magnet purchased from a supplier"
    r"|(?:purchased|bought(?:\s+in)?|sourced|procured)\s+from\b"
    r"(?!\s+(?:us|the\s+(?:licensor|seller|transferor|assignor|vendor))\b)"
    # "X does not form part of the licence"
    r"|(?:does|do|shall|will)\s+not\s+(?:form\s+(?:a\s+)?part\s+of|fall\s+(?:with)?in)\s+"
    r"(?:the|this|our|any)\b"
    # goods, not technology: "LFP cells are supplied as finished goods"
    r"|(?:is|are|was|were)\s+(?:supplied|purchased|bought|sold|shipped|delivered|imported)\s+"
    r"as\s+finished\s+(?:goods|products?|components?|parts?)"
    r"|(?:is|are)\s+(?:listed\s+)?(?:on|in|among)\s+the\s+(?:excluded\s+(?:list|items)|exclusions?|"
    r"exclusion\s+list)"
    r"|not\s+included|excluded|carved\s+out)(?![a-z0-9]))"
)


_ZH_AFTER = (  # after the term and the items listed with it ("X、订单系统和结算系统均不在…")
    # (past a short aside, blanked to spaces: "X（含排序模型、训练方法）不在许可之列")
    r"\A\s*(?:[^、，,。；;：:\ue000]{0,6}?(?:[、和及][^、，,。；;：:\ue000]{1,8}?){1,4}?)?"
    r"[^\ue000]{0,8}?(?:不在(?:本次)?[^\ue000]{0,6}[范範][围圍]|不[属屬]于本次|不[属屬]於本次|"
    r"不在[^\ue000]{0,8}?(?:之列|之内|之內)|"
    r"不在本(?:次|合同|协议|協議|合约|合約|项目|項目)[^\ue000]{0,4}?[内內](?!容)|"
    # kept where it is: "X保留在北京研发中心", "X继续只在甲方北京机房内运行"
    r"(?:保留在|留在|保存在)|(?:继续|繼續)?(?:只|仅|僅)在[^\ue000，,。；;]{0,12}?(?:使用|运行|運行)|"
    r"由[^\ue000，,。；;]{0,8}?(?:保留|自留)(?!地)|"
    r"不包括在|不包含在|不纳入|不納入|除外|不在本次|不随本次|不隨本次|不予[转轉][让讓]|"
    r"未纳入|未納入|未列入|不列入|仅供参考|僅供參考|仅作对比|僅作對比|仅作比较|僅作比較|"
    r"不构成[^\ue000]{0,6}标的|不構成[^\ue000]{0,6}標的|"
    r"不[属屬][于於][^\ue000]{0,12}?(?:转让|轉讓|授权|授權|许可|許可|交易|交付|[范範][围圍]|"
    r"[内內]容|标的|標的)|"
    # "X一律不转让、不披露", "X不转让。": a refusal to hand it over, not "X不转让给第三方"
    r"(?:一律|均|概|皆|都|亦|也)?\s*不予?(?:转让|轉讓|披露|交付)(?=[、，,。；;\s]|\Z)|"
    r"(?:一律|均|概|皆)\s*不予?(?:提供|授权|授權|开放|開放|许可|許可)(?=[、，,。；;\s]|\Z)|"
    # ... or to the other side, or abroad: "X不向合资公司或外方转让、许可"
    r"(?:一律|均|概|皆|都|亦|也)?\s*不向(?:对方|對方|外方|受方|买方|買方|客户|客戶|合资公司|合資公司|"
    r"被许可方|被許可方|境外|国外|國外|海外)[^\ue000，,。；;]{0,12}?(?:转让|轉讓|许可|許可|提供|披露|"
    r"交付|授权|授權)|"
    # somebody else buys or builds it: "磷酸铁前驱体由客户从市场外购", "推荐模块由买方自行开发"
    r"由(?!我|本)[^\ue000]{0,20}?(?:外购|外購|采购|採購|购买|購買|自行(?:采购|採購|开发|開發|研发|"
    r"研發|解决|解決|提供|建设|建設))|"
    r"(?:已经?|已經?)?被[^\ue000]{0,10}?(?:取代|替代|替换|替換)|"
    r"(?:已经?|已經?)(?:从|從)[^\ue000]{0,8}?(?:删除|刪除|删去|刪去|移除)|"
    # at the clause's end only: "像抖音那样的推荐算法我们没有", not "推荐算法没有人工干预"
    r"(?:没有|沒有|不具备|不具備|不涉及|不提供|不做|不给了?|不給了?|不卖了?|不賣了?)\s*\Z)"
)


# Contrasts: what an "unlike" phrase names, up to the comma that closes it, is somebody
# else's ("Unlike TikTok's recommendation algorithm, this payroll tool …"); so is a
# competitor's product.
_EN_CONTRAST = r"\b(?:unlike|in\s+contrast\s+to|as\s+opposed\s+to)\b[^,\ue000]*"


_ZH_CONTRAST = "不同于|不同於|区别于|區別於|有别于|有別於|相比于|相比於"


_RIVALS = (
    r"\b(?:a\s+|the\s+)?(?:competitor|rival|competing\s+vendor)(?:['’]s|s['’])\s+$"
    r"|(?:竞争对手|競爭對手|竞品|競品|友商|对手|對手)(?:的|用的?|使用的?|采用的?|採用的?)?$"
    # ... and what somebody else owns ("the partner flies their own certified drones", "the
    # customer's own TTS engine")
    r"|\b(?:their|(?:customer|client|licensee|buyer|partner|user)s?['’]s?)\s+own\s+"
    r"(?:[a-z][a-z-]*\s+){0,2}$"
    # ... or a vendor's ("will fit a local vendor's synthetic voice")
    r"|\b(?:a\s+|the\s+)?(?:local\s+|third[\s-]party\s+|external\s+|foreign\s+|european\s+)?"
    r"(?:vendor|supplier)(?:['’]s|s['’])\s+(?:[a-z][a-z-]*\s+)?$"
)


# A clause whose subject is a competitor speaks of the competitor's technology ("Competitor A
# sells drone autopilots", "对手用航拍机巡楼"), unless it speaks of us as well ("… than ours").
_RIVAL_SUBJECT = (
    r"[\s.;:!?。；：！？，,]*(?:(?:a|the|one|another|some)\s+)?(?:[a-z]+\s+){0,3}?"
    r"(?:competitors?|rivals?)"
    r"(?:\s+[a-z0-9]{1,12})?\s|[\s。；：！？，,]*(?:竞争对手|競爭對手|竞品|競品|友商|对手|對手)"
)


_OURS_WORDS = frozenset({"we", "our", "ours", "us"})


_OURS_ZH = ("我们", "我們", "我司", "本公司", "我方", "我哋", "本司", "本产品", "本產品")


_AFTER_WORDS = frozenset(
    {"not", "never", "excluded", "removed", "stripped", "taken", "scope", "separately", "finished"}
    | {"outside", "beyond", "divested", "spun", "sold", "carved", "replaced", "dropped"}
    | {"cancelled", "canceled", "abandoned", "discontinued", "shelved", "archived"}
    | {*_BOUGHT, "sourced"}
)


_AFTER_CHARS = "不除没沒未仅僅已被由保留继繼只"  # the first characters of _ZH_AFTER's cues
# How far after a term _ZH_AFTER's cue may begin: up to four list items ("X、订单系统和结算系统
# 均不在…") and a few words (6 + 4 x 9 + 8 characters).
_AFTER_REACH = 64


# Right after a term, _EN_AFTER needs "-free" or one of these among the next words.
_FREE = ("-free", "\u2010free", "\u2011free")


_AUXILIARIES = frozenset({"is", "are", "was", "were", "will", "shall", "has", "have", "not"})


_AUXILIARIES |= {"excluded", "excluded,", "excluded.", "carved"}
_AUXILIARIES |= {*_BOUGHT, "sourced"}  # "X magnets purchased from a supplier"


_OTHER_WORDS = (
    *("unlike", "contrast", "opposed", "compet", "rival", "同于", "同於", "别于", "別於"),
    *("their own", "s own", "s' own", "s’ own"),
    *("vendor's", "vendor’s", "vendors'", "vendors’", "supplier's", "supplier’s", "suppliers'"),
    "suppliers’",
    *("比于", "比於", "竞争", "競爭", "竞品", "競品", "友商", "对手", "對手"),
)


def _passes(c: _Clause, *, gated: bool) -> None:
    text = c.masked[c.begin : c.end]
    words = frozenset(token.group() for token in c.tokens)
    if not gated or not _ZH_CUE_SET.isdisjoint(text):
        _chinese(c)
    opens = c.masked[c.begin : c.begin + 1]  # the clause's first character: its delimiter
    if not gated or opens in ("（", "("):
        _bracket_examples(c)
    if not gated or opens in ("（", "(", "."):
        _en_bracket_examples(c)
    _goods_passes(c, text, gated=gated)
    if not gated or _HAS_ORGANISATION_WORD(text):
        _organisations(c, words)
    if not gated or _HAS_OPTION_WORD(text):
        _lapsed_options(c)
    if not gated or not _EN_CUES.isdisjoint(words) or "free" in words:
        _english(c)
    # (a predicate's first word: "X stays with the parent", "X is on the exclusion list")
    after = (
        "free" in text
        or not _AFTER_WORDS.isdisjoint(words)
        or not _PREDICATE_START.isdisjoint(words)
    )
    bracket = c.masked[c.end : c.end + 1] in ("(", "（")  # the predicate may be past it
    if not gated or after or bracket or not _AFTER_SET.isdisjoint(text) or _glossed_word(c):
        _after(c, gated=gated)
    if not gated or not _PREDICATE_START.isdisjoint(words):
        _listed_subject(c)
    if not gated or _HAS_OTHER_WORD(text):
        _others(c, words)
    _zh_phrase_passes(c, text, gated=gated)


def _zh_phrase_passes(c: _Clause, text: str, *, gated: bool) -> None:
    """The Chinese phrases around a term: 除X外, 与X无关, a party that keeps X, the other
    party's own X."""
    if not gated or "除" in text:
        _except(c)
    if not gated or _HAS_UNRELATED_WORD(c.masked[c.begin : c.end + _UNRELATED_REACH]):
        _unrelated(c)
    if not gated or "保留" in text or "自留" in text:
        _retained(c)
    if not gated or any(word in text for word in _ZH_THEIRS_WORDS):
        _theirs(c)


# The waste of a process is not the process: "稀土冶炼分离厂含氨氮废水的MVR蒸发回收工艺",
# "wastewater from rare-earth separation plants". (Not tailings: recovering metal from them is
# metallurgy; and not "X工艺及其废水处理", the process with its waste.)
_ZH_WASTE = (
    r"\ue000+[^，,。；;：:\ue000及和与與并並工技艺藝]{0,10}?(?:废水|廢水|污水|废气|廢氣|尾气|尾氣|"
    r"废液|廢液)"
)
_EN_WASTE = (
    r"\ue000[\ue000\s-]*(?:(?!and\b|or\b|process|technolog)[a-z]+\s+){0,2}?(?:wastewater|waste\s+water|effluents?|waste\s+gas|"
    r"flue\s+gas|off-?gas)\b|\b(?:wastewater|waste\s+water|effluents?|waste\s+gas|flue\s+gas)\s+"
    r"(?:from|of)\s+(?:the\s+|an?\s+)?(?:[a-z]+\s+){0,2}?\ue000(?:[\ue000\s-]*\ue000)?"
)
_WASTE_WORDS = (
    *("废水", "廢水", "污水", "废气", "廢氣", "尾气", "尾氣", "废液", "廢液"),
    *("wastewater", "waste water", "effluent", "waste gas", "flue gas", "off-gas", "offgas"),
)


def _set_aside_matches(c: _Clause, *patterns: str) -> None:
    """The terms of each match of ``patterns`` in the clause, set aside by the match."""
    for pattern in patterns:
        for found in compiled(pattern).finditer(c.masked, c.begin, c.end):
            c.negate_within(found)


# What a material is made for is not what is made: iron phosphate "as feedstock for LFP",
# "used as a raw material for LFP cathodes", "for sale to LFP makers", "用作磷酸铁锂原料",
# "卖给磷酸铁锂厂": the term names the customer's product, not the technology handed over.
_EN_PURPOSE = (
    r"\b(?:feedstock|feed\s+material|raw\s+materials?|starting\s+materials?|precursors?)\s+"
    r"(?:for|of|to\s+make|for\s+making|used\s+(?:for|in))\s+(?:the\s+|an?\s+)?(?:[a-z-]+\s+){0,2}?"
    r"\ue000[\ue000\s-]*"
    # ... the product it is intended for, at the end of its clause ("intended for low-cost LFP.")
    r"|\b(?:intended|destined|meant)\s+for\s+(?:[a-z-]+\s+){0,2}?\ue000[\ue000\s-]*(?=[.;,)]|$)"
    # ... or the makers of that product, who buy it
    r"|\b(?:to|for)\s+(?:sale\s+to\s+)?(?:the\s+)?(?:[a-z-]+\s+){0,2}?\ue000[\ue000\s-]*(?:[a-z-]+\s+)?"
    r"(?:makers|producers|manufacturers|plants)\b"
)
_ZH_PURPOSE = (
    r"(?:用作|用于|用於|作为|作為)(?:生产|生產|制备|製備)?\ue000+(?:正极|正極)?(?:材料)?(?:的)?"
    r"(?:原料|原材料|前驱体|前驅體)"
    r"|(?:卖给|賣給|供应|供應|销往|銷往|供给|供給)\ue000+(?:正极|正極)?(?:材料)?(?:厂|廠|企业|企業|厂商|廠商|工厂|工廠)"
)
_PURPOSE_WORDS = (
    *("feedstock", "feed material", "raw material", "starting material", "precursor"),
    *("intended for", "destined for", "meant for", "makers", "producers", "manufacturers"),
    *(" plants", "原料", "原材料", "前驱体", "前驅體", "卖给", "賣給", "供应", "供應", "销往"),
    *("銷往", "供给", "供給"),
)


def _goods_passes(c: _Clause, text: str, *, gated: bool) -> None:
    """Goods named as such (成品, "finished X units"), or counted ("sale of 200 X"); waste
    streams ("X废水"); what a material is made for ("feedstock for X")."""
    if not gated or _HAS_WASTE_WORD(text):
        _set_aside_matches(c, _ZH_WASTE, _EN_WASTE)
    if not gated or _HAS_PURPOSE_WORD(text):
        _set_aside_matches(c, _EN_PURPOSE, _ZH_PURPOSE)
    if not gated or _HAS_GOODS_WORD(text):
        _goods(c)
    if not gated or "finished" in text or "resale" in text or " market" in text:
        _english_goods(c)
    machines = "整机" in text or "整機" in text  # "X整机3000台", "X整机出口": no other word needed
    counted = (
        machines
        or not _DIGITS.isdisjoint(text)
        or any(unit in text for unit in (" units", " sensors", " devices", " machines"))
    )
    if not gated or (counted and (machines or _HAS_COUNTED_WORD(text))):
        _counted_goods(c)


# Goods counted in units: "sale of 200 agricultural spray drones to Brazil", "出口200台植保无人机
# 至巴西". The term ends the noun phrase; a clause that speaks of making, code, designs or a
# licence is about technology ("supply of 3 drone autopilot source-code licences").
_GOODS_UNITS = (
    r"(?:units?|sets?|pcs|pieces|cases|bottles|cartons|boxes|pallets|containers|bags|drums|"
    r"vials|tonnes|tons|t)"
)
_COUNTED_TERM = (  # the term, and a product noun after it, ending the noun phrase
    r"\ue000(?:[\ue000\s-]*\ue000)?(?:\s+(?:machines?|units?|sensors?|devices?|modules?|"
    r"segments?|magnets?|systems?|bottles?|appliances?|terminals?|kits?|cameras?|robots?|seeds?|"
    r"chips?|packs?|panels?))?(?=\s*(?:[(),.;:，。]|\bto\b|\bfor\b|\bwith\b|"
    r"\bin\b|\bfrom\b|\Z))"
)
_EN_COUNTED = (
    # "sale of 200 spray drones to …", "Export contract - 15 survey drones with …"
    r"\b(?:sale|sales|sell|sells|selling|sold|export|exports|exporting|exported|supply|supplies|"
    r"supplying|supplied|ship|ships|shipping|shipped|deliver|delivers|delivery|delivering|"
    r"delivered|purchase|purchases|order|orders|ordered|po|shipment|import|imports)\b[^\n.;:\ue000]{0,24}?"
    rf"\b\d[\d,.]*\s+(?:{_GOODS_UNITS}\s+(?:of\s+)?)?(?:[a-z0-9%][a-z0-9%.-]*\s+){{0,3}}?"
    rf"{_COUNTED_TERM}"
    # "Export sale of automotive LiDAR units to …": units, with no count
    r"|\b(?:sale|sales|export|exports|supply|shipment)\s+of\s+(?:[a-z-]+\s+){0,3}?"
    r"\ue000(?:[\ue000\s-]*\ue000)?\s+(?:units|sensors|devices|machines)(?=\s*(?:[(),.;:，。]|\bto\b|"
    r"\bfor\b|\bwith\b|\Z))"
    # "2,400 cases of 53% sauce-aroma baijiu", "… baijiu, 2,400 cases"
    rf"|\b\d[\d,.]*\s+{_GOODS_UNITS}\s+of\s+(?:[a-z0-9%][a-z0-9%.-]*\s+){{0,3}}?{_COUNTED_TERM}"
    rf"|\ue000(?:[\ue000\s-]*\ue000)?\s*,\s*\d[\d,.]*\s+{_GOODS_UNITS}\b"
)


_ZH_COUNT = r"\d[\d,.]*\s*(?:台|架|套|件|个|個|只|枚|片|吨|噸|公斤|千克|批|辆|輛|颗|顆)"
_ZH_SALE = r"(?:出口|销售|銷售|出售|售出|供应|供應|交付|供货|供貨|订购|訂購|采购|採購)"
_ZH_COUNTED = (
    # "出口200台植保无人机至巴西"
    rf"{_ZH_SALE}[^\ue000，,。；;、\d]{{0,4}}?(?:约|約)?\s*{_ZH_COUNT}\s*[^\ue000，,。；;、]{{0,6}}?\ue000+"
    r"(?=\s*(?:[，,。；;（(、]|成品|整机|整機|至|到|给|給|\Z))"
    # "40台植保机整机出口"
    rf"|{_ZH_COUNT}\s*[^\ue000，,。；;、]{{0,6}}?\ue000+\s*(?:整机|整機|成品)?\s*{_ZH_SALE}"
    # "航拍无人机整机3000台", "测绘无人机整机出口哈萨克斯坦": complete machines counted or sold
    rf"|\ue000+\s*(?:整机|整機){_ZH_COUNT}|\ue000+\s*(?:整机|整機)\s*{_ZH_SALE}"
    # "供应车规级激光雷达整机500台", "出口激光雷达整机": complete machines are goods
    rf"|{_ZH_SALE}[^\ue000，,。；;、]{{0,8}}?\ue000+\s*(?:整机|整機)(?!技术|技術|设计|設計|制造|製造|"
    r"生产|生產|方案)"
)


_COUNTED_WORDS = (  # one of them is in any clause _EN_COUNTED or _ZH_COUNTED matches
    *("sale", "sell", "sold", "export", "suppl", "ship", "deliver", "purchase", "order", "po"),
    "import",
    *("unit", "set", "pcs", "pieces", "cases", "bottles", "cartons", "boxes", "pallets"),
    *("containers", "bags", "drums", "vials", "tonnes", "tons", " t "),
    *(
        "出口",
        "销售",
        "銷售",
        "出售",
        "售出",
        "供应",
        "供應",
        "交付",
        "供货",
        "供貨",
        "订购",
        "訂購",
        "采购",
        "採購",
    ),
)


_TECHNOLOGY_WORDS = (  # ... and none of these, in a clause of counted goods
    *("make", "making", "manufactur", "produc", "process", "know-how", "design", "code"),
    *("licen", "technolog", "firmware", "software", "工艺", "工藝", "技术", "技術", "制造"),
    *("製造", "生产", "生產", "源代码", "源代碼", "源码", "源碼", "图纸", "圖紙", "软件", "軟體"),
)


_DIGITS = frozenset("0123456789")


# A sentence that hands over technology beside counted goods keeps them a lead: "Sale of 20
# drones; the flight-control source code is licensed" (the drones are the code's context).
_HANDED_WITH_GOODS = (*_HANDED_OVER, "licen", "许可", "許可", "授权", "授權", "转让", "轉讓")


def _counted_goods(c: _Clause) -> None:
    # (the maker of the goods is no making: "12 spray drones from a Shenzhen manufacturer")
    text = c.masked[c.begin : c.end].replace("manufacturer", "")
    if any(word in text for word in _TECHNOLOGY_WORDS):
        return
    handed: bool | None = None  # read from the whole text once, at the first count found
    for pattern in (_EN_COUNTED, _ZH_COUNTED):
        for found in compiled(pattern).finditer(c.masked, c.begin, c.end):
            if handed is None:
                handed = hands_over(c.masked, _HANDED_WITH_GOODS)
            if handed:
                return
            c.negate_within(found)
            c.goods.append(found.span())


def _others(c: _Clause, words: frozenset[str]) -> None:
    """Somebody else's technology: a contrast ("unlike X,", "不同于X，"), a competitor's
    product, a clause whose subject is a competitor."""
    masked, spans = c.masked, c.spans
    en_contrast, zh_contrast = compiled(_EN_CONTRAST), compiled(_ZH_CONTRAST)
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
    rivals = compiled(_RIVALS)
    for i in c.inside:
        owner = rivals.search(masked, max(c.begin, spans[i][0] - 24), spans[i][0])
        if owner is not None:
            c.negate(i, owner.start(), spans[i][1])
    subject = compiled(_RIVAL_SUBJECT).match(masked, c.begin, c.end)
    text = masked[c.begin : c.end]
    if subject is None or any(word in text for word in _OURS_ZH):
        return
    if not _OURS_WORDS.isdisjoint(words):
        return
    said = subject.group()
    begins = subject.start() + len(said) - len(said.lstrip(_CLAUSE_PUNCTUATION))
    for i in c.inside:
        c.negate(i, begins, spans[i][1])


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
    zh_org, zh_another = compiled(_ZH_ORGANISATION), compiled(_ZH_ANOTHER)
    en_org, word_re = compiled(_EN_ORGANISATION), compiled(r"[a-z]+")
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
    for found in compiled(_EN_OPTION).finditer(masked, c.begin, c.end):
        c.negate_within(found)
    offer = compiled(_EN_OPTION_OFFER).search(masked, c.begin, c.end)
    ended = compiled(_EN_OPTION_ENDED).match(masked, c.end) if offer else None
    if offer and ended:
        for i in c.inside:
            if offer.start() < spans[i][0]:
                c.negate(i, offer.start(), ended.end())
    option = compiled(_ZH_OPTION).search(masked, c.begin, c.end)
    lapsed = option and compiled(_ZH_OPTION_LAPSED).search(masked, option.end(), c.end)
    if lapsed:
        for i in c.inside:
            if spans[i][1] <= lapsed.start():
                c.negate(i, spans[i][0], lapsed.end())


def _after(c: _Clause, *, gated: bool) -> None:
    """Negations after the term ("X-free", "X is not included", "X不在本次转让范围内"), which
    also reach the terms listed before it ("X and Y are not included", "X、Y除外"); in a
    bracket that glosses the word before it, also the predicate after the bracket ("Magnets
    (NdFeB) are purchased")."""
    masked, spans = c.masked, c.spans
    past = _past_bracket(c)
    beyond = None
    if past is not None:
        after = compiled(_CLAUSE_END).search(masked, past, past + _LOOK)
        beyond = after.start() if after else min(len(masked), past + _LOOK)
    for position, i in enumerate(c.inside):
        start, term_end = spans[i]
        base, glossed = term_end, False
        found = _negative_tail(masked[base : c.end], gated=gated)
        if found is None and past is not None and beyond is not None:
            base, glossed = past, masked[c.begin : c.begin + 1] in ("(", "（")
            found = _negative_tail(masked[base:beyond], gated=gated)
        if found is None:
            continue
        if "外" in found.group() and "除" in masked[c.begin : start]:
            continue  # "除X外均不转让": only X goes (the 除 pass reads it)
        stop_at = base + found.end()
        if glossed:  # quote the word the bracket glosses too: "Magnets (NdFeB) are …"
            start = _glossed_start(c, spans[i][0], stop_at)
        c.negate(i, start, stop_at)
        for before in reversed(c.inside[:position]):
            gap = masked[spans[before][1] : start].strip()
            if not _joins_list(gap, compiled(_ZH_JOIN)):
                break
            c.negate(before, spans[before][0], stop_at)
            start = spans[before][0]


_ONE_SUBJECT = rf"\A(?:\s+{_EN_HEAD_NOUNS})?\s+(?:{_NEGATIVE_PREDICATE})"


def _past_bracket(c: _Clause) -> int | None:
    """Where the words after a bracket begin, when the predicate there may speak of the
    clause's terms: the clause is a bracket that glosses the word before it, or it ends where
    a short bracket opens ("X (ranking models, code) stays with …"), its terms among a few
    other words ("X and push module (user profiling, Y, push strategies) is excluded")."""
    masked = c.masked
    if _glossed_word(c):
        return c.end + 1
    if masked[c.end : c.end + 1] in ("(", "（"):
        close = compiled(r"[)）]").search(masked, c.end, c.end + _BRACKET_REACH)
        if close and _detailing(masked[c.end + 1 : close.start()]):
            return close.end()
    return None


def _glossed_start(c: _Clause, term_start: int, stop_at: int) -> int:
    """Where the word a bracket glosses begins (a few characters back from the bracket); its
    terms are negated with the bracket's ("語音合成引擎（TTS）…")."""
    masked = c.masked
    word_end = c.begin - 1 if masked[c.begin - 1 : c.begin] == " " else c.begin
    start = word_end
    while start > max(0, word_end - 12) and masked[start - 1] not in _CLAUSE_PUNCTUATION:
        start -= 1
    if start >= word_end:
        return term_start
    for j, (other_start, other_end) in enumerate(c.spans):
        if start <= other_start and other_end <= word_end:
            c.negate(j, start, stop_at)
    return start


# A negation of the negation after a term: "X并非不在交付之列" (X is delivered).
_ZH_NOT_NOT = r"(?:并非|並非|不是|并不|並不|绝非|絕非|未必)\s*(?:不|未)"


def _negative_tail(tail: str, *, gated: bool) -> re.Match[str] | None:
    """The negative predicate the words after a term begin with, if any."""
    found = None
    english = tail.startswith(_FREE) or not _AUXILIARIES.isdisjoint(tail[:100].split()[:7])
    if english or not gated:
        found = compiled(_EN_AFTER).match(tail)
    if found is None and (not gated or any(ch in tail[:_AFTER_REACH] for ch in _AFTER_CHARS)):
        found = compiled(_ZH_AFTER).match(tail)
    if found is None and (not gated or not _PREDICATE_START.isdisjoint(tail[:60].split()[:2])):
        # the predicates of a listed subject, for one term too: "X stays with the parent"
        found = negative_predicate(compiled(_ONE_SUBJECT).match(tail))
    if found is not None and compiled(_ZH_NOT_NOT).search(found.group()):
        return None
    return found


def _glossed_word(c: _Clause) -> bool:
    """Whether the clause is a bracket that glosses or details the word before it: a term
    alone ("Magnets (NdFeB) are …"), or terms listed with a few other words ("安全加固技术（强制
    访问控制框架、内核补丁及其设计文档）保留在…", "the engine (ranking models, training code) is
    …"). The predicate after the bracket speaks of them and of that word."""
    masked = c.masked
    if masked[c.begin : c.begin + 1] not in ("(", "（") or masked[c.end : c.end + 1] not in (
        ")",
        "）",
    ):
        return False
    inner = masked[c.begin + 1 : c.end]
    if len(c.inside) == 1 and not inner.strip(" " + _MASK):
        return True
    # (A longer bracket is a remark of its own.)
    return bool(c.inside) and _detailing(inner)


def _detailing(inner: str) -> bool:
    """Whether a bracket's words detail the word before it rather than remark on it: at most
    _DETAIL_WORDS characters of other words, or a list of short items ("user-behaviour
    models, ranking code, training pipeline")."""
    words = inner.replace(_MASK, "")
    if len(words) <= _DETAIL_WORDS:
        return True
    items = compiled(r"[,，、;；]").split(inner)
    return (
        len(words) <= 2 * _DETAIL_WORDS
        and len(items) >= 3
        and all(len(item.replace(_MASK, "").strip()) <= _DETAIL_ITEM for item in items)
    )


_DETAIL_WORDS = 40  # characters of other words a detailing bracket may hold
_DETAIL_ITEM = 24  # ... or of each item, in a list of three or more
_BRACKET_REACH = 160  # characters (terms included) to its closing bracket


def _joins_list(gap: str, zh_join: re.Pattern[str]) -> bool:
    """Whether the words between two terms make them one list: "X, Y and", "X、Y或"."""
    gap = gap.strip(_QUOTES)  # "“猜你喜欢”个性化推荐算法、…": a quoted term names the next one
    if not gap:
        return True
    if zh_join.fullmatch(gap) or gap in ("、", ",", "/", "&"):
        return True
    # ... and the kind the items are of: "稀土金属和磁体制备等生产技术均不在…"
    if compiled(r"等等?(?:各类|各類|各项|各項|相关|相關)?的?").fullmatch(gap):
        return True
    if compiled(_ZH_LIST_ITEMS).fullmatch(gap):  # "X、金属冶炼等Y": items that are no terms
        return True
    if compiled(_ZH_LIST_GAP).fullmatch(gap):  # "X工艺、萃取剂配方与级数设计、金属及磁材Y"
        return True
    words = gap.replace(",", " ").split()
    return bool(words) and all(w in _EN_JOIN for w in words)


_QUOTES = " \t\n\"'“”‘’「」『』"


# The gates: per clause (see _gate), and over a whole text (_text_cues).
_ZH_CUE_SET = frozenset(_ZH_CUE_CHARS)


_AFTER_SET = frozenset(_AFTER_CHARS)


_HAS_GOODS_WORD = _gate(_GOODS_WORDS)


_HAS_ORGANISATION_WORD = _gate(_ORGANISATION_WORDS)


_HAS_OPTION_WORD = _gate(_OPTION_WORDS)


_HAS_OTHER_WORD = _gate(_OTHER_WORDS)


_HAS_UNRELATED_WORD = _gate(_UNRELATED_WORDS)


_HAS_COUNTED_WORD = _gate(_COUNTED_WORDS)


_HAS_WASTE_WORD = _gate(_WASTE_WORDS)
_HAS_PURPOSE_WORD = _gate(_PURPOSE_WORDS)
