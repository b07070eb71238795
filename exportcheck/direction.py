"""Whether a description says the technology stays in China or comes into
it: "技术由日本流入中国", "两边都是境内公司", "Inbound licence of a Japanese coating
technology to us".

The 条例 covers transfers from inside the PRC to outside it (Art. 2). A profile whose
``transfer.destination`` is CN is decided as no export (see ``api.check_profile``); a profile
that gives no destination but whose text says the transfer is an import or stays within China
is decided the same way, with the words that say so. The reading is strict: it needs one of a
few unambiguous declarations, and any word of a transfer abroad ("出口至", "向境外",
"overseas", "foreign licensee", "sublicense") anywhere in the text keeps the findings
deciding. A destination other than CN is second-guessed only by an import said from the
Chinese side ("技术由境外许可给境内使用", "对方向我方许可", "in-licensing"): writers often give the
foreign licensor's country as the destination of an import.
"""

from __future__ import annotations

import functools
import re

from exportcheck.lazyre import compiled
from exportcheck.wordscan import gate

# Each reading is written as a Chinese and an English pattern: a text is searched only with
# the ones of the scripts it holds, and each is compiled on first use (the six cost ~9 ms to
# compile together, most of a one-profile check's matching).

# Mainland provinces and their capitals' short names, for a licence "授权给湖北宜昌…" (not Hong
# Kong, Macao or Taiwan: a transfer there is an export).
_PROVINCES = (
    "北京|天津|上海|重庆|重慶|河北|山西|辽宁|遼寧|吉林|黑龙江|黑龍江|江苏|江蘇|浙江|安徽|福建|江西"
    "|山东|山東|河南|湖北|湖南|广东|廣東|海南|四川|贵州|貴州|云南|雲南|陕西|陝西|甘肃|甘肅|青海"
    "|内蒙古|內蒙古|广西|廣西|西藏|宁夏|寧夏|新疆"
)
# Where a technology is bought from: abroad, or a country that licenses technology to China.
_COUNTRIES = (
    "美国|美國|日本|德国|德國|法国|法國|英国|英國|韩国|韓國|意大利"
    "|瑞士|瑞典|荷兰|荷蘭|以色列|加拿大|澳大利亚|澳大利亞|芬兰|芬蘭|丹麦|丹麥|奥地利|奧地利"
    "|比利时|比利時|挪威|西班牙"
)
_FOREIGN = f"境外|国外|國外|海外|外国|外國|{_COUNTRIES}"
_OBTAIN = "(?:获得|獲得|取得|采购|採購|购买|購買|购入|購入|进口|進口|引进|引進)"

_MAY_NOT = "不得|不能|禁止|不准|严禁|嚴禁"
_LEAVE = "带出境|帶出境|转移出境|轉移出境|流出境|传出境|傳出境|出境"

# A deal called off with nothing handed over: "决定不合作，已回函拒绝，未提供任何资料",
# "已正式通知对方终止谈判，未提供任何技术资料" (the technology stays where it is).
_CALLED_OFF = (
    r"(?:终止谈判|終止談判|决定不合作|決定不合作|回函拒绝|回函拒絕|不进行该项合作|不進行該項合作)"
    r"[^。；;]{0,30}?(?:未|不|没有|沒有)(?:提供|转让|轉讓|交付|披露)(?:任何)?"
)

# An import or a transfer within China, said outright.
_DECLARATION_ZH = (
    # a technology import: "技术进口", "技術引進", "从日本某磁材企业引进", "由美國進入中國"
    r"技术进口|技術進口|技术引进|技術引進"
    r"|(?:从|從|自)[^，,。；;\n]{1,24}?(?:引进|引進)"
    r"|(?:流入|进入|進入)(?:中国|中國|我国|我國|国内|國內|境内|境內)"
    # both sides in China: "两边都是境内公司", "兩地均位於中國內地", "（纯境内）"
    r"|(?:两边|兩邊|双方|雙方|两地|兩地)(?:都|均)(?:是|为|為|位于|位於)?(?:中国|中國)?"
    r"(?:境内|境內|国内|國內|内地|內地)"
    r"|纯境内|純境內|境内注册的内资企业|境內註冊的內資企業"
    r"|(?:技术资料|技術資料|技术|技術)不出境|无任何技术出境|無任何技術出境"
    # ... or may not leave: "菌种和栽培技术不得带出境"
    rf"|(?:{_MAY_NOT})(?:{_LEAVE})"
    # a deal or project marked domestic: "（境内交易）", "EPC总承包（国内）", "無境外方參與",
    # "不涉及任何境外主体", "受让方为境内企业", "项目在江西省境内实施", "客户全部在境内"
    r"|境内交易|境內交易|[(（](?:国内|國內|境内|境內)(?:项目|項目|交易|企业|企業|公司)?[)），,]"
    # a form's answer: "对方是否境外：否", "代码是否会出境：否"
    r"|(?:是否|是不是)[^：:\n]{0,8}?(?:境外|出境)[^：:\n]{0,6}?[：:]\s*(?:否|不|没有|沒有|无|無)"
    r"|(?:无|無|没有|沒有|不涉及)(?:任何)?(?:境外|外资|外資)(?:方|主体|主體|股东|股東|人员|人員)"
    r"|在[^，,。；;\n]{0,8}?(?:境内|境內|国内|國內)(?:实施|實施|完成)"
    r"|(?:受让方|受讓方|被许可方|被許可方|买方|買方)(?:为|為|是|均为|均為)(?:境内|境內|国内|國內)"
    r"|(?:客户|客戶|用户|用戶)(?:全部|均|都)(?:在|位于|位於)(?:境内|境內|国内|國內)"
    r"|(?:暂无|暫無|没有|沒有|无|無)出海(?:计划|計劃)"
    # a licensee registered in China, whatever its shareholders: "在苏州注册的中国法人"
    r"|(?:注册|註冊)的(?:中国|中國)法人|(?:中国|中國)境[内內]法人"
    r"|(?:技术人员|技術人員|技术资料|技術資料)(?:仅|僅|均|都|全部)(?:存放|保存|留)?(?:在|于|於)"
    r"(?:[^，,。；;\n]{0,10}?)(?:境内|境內|国内|國內)"
    # nothing of ours goes abroad: "委托人不向境外提供任何技术资料"
    r"|(?:不得?|并不|並不|均不|不涉及)向(?:境外|国外|國外|海外)[^，,。；;\n]{0,12}?"
    r"(?:提供|转让|轉讓|许可|許可|披露|交付)"
    # an import contract, a licence to a domestic party: "请技术转移中心审核引进合同",
    # "将其专利许可给国内高校"
    r"|引进合同|引進合同|(?:许可|許可|授权|授權|转让|轉讓)(?:给|給)(?:国内|國內|境内|境內)"
    # between provinces: "省际授权（四川→湖北）", "授权给湖北宜昌一家新建正极厂", "（云南—江苏）",
    # "受让方：江苏泰州××药业", "技术在山东工厂实施"
    r"|省际|省際|跨省(?:授权|授權|许可|許可|转让|轉讓)"
    rf"|(?:授权|授權|许可|許可|转让|轉讓)(?:给|給)(?:{_PROVINCES})"
    rf"|[(（](?:{_PROVINCES})[省市]?\s*(?:—|–|-|→|->|至|到|~)\s*(?:{_PROVINCES})[省市]?[)）]"
    rf"|(?:受让方|受讓方|被许可方|被許可方)[：:]\s*(?:{_PROVINCES})"
    rf"|在(?:{_PROVINCES})[^，,。；;\n]{{0,8}}?(?:实施|實施|生产|生產)"
    # bought or obtained from abroad: "引进美国固态激光雷达专利许可", "从日本某公司获得…许可",
    # "向美国一家飞控软件公司采购其…软件授权"
    rf"|(?:引进|引進)(?:{_FOREIGN})"
    # (向 only before a country: "面向海外市场" is everywhere, and an import from 境外 is
    # said with 从 or 引进)
    rf"|(?:(?:从|從|自)(?:{_FOREIGN})|向(?:{_COUNTRIES}))[^，,。；;\n]{{0,20}}?{_OBTAIN}"
    r"[^，,。；;\n]{0,30}?"
    r"(?:许可|許可|授权|授權)"
    rf"|{_CALLED_OFF}"
    # we are the licensee: "我们是被许可方，美方授权我们在中国境内的App中使用"
    r"|我(?:们|們|方|司)(?:是|为|為)被(?:许可|許可)方"
    r"|(?:授权|授權|许可|許可)(?:给|給)?我(?:们|們|方|司)在(?:中国|中國)?(?:境内|境內|国内|國內)"
)
# Nothing of the technology leaves China, whoever the recipient: "Everything is designed and
# coded here in Berlin … Nothing comes from China".
_NOTHING_FROM_CHINA = (
    r"\bnothing\s+(?:comes|came|is\s+sent|was\s+sent|is\s+taken|was\s+taken)\s+from\s+"
    r"(?:mainland\s+)?china\b"
)
_DECLARATION_EN = (
    r"\btechnology\s+import\b|\binbound\s+licen[cs]e\b|\bin-licens(?:e|ed|ing)\b"
    r"|\b(?:licen[cs]ed|transferred|brought|imported)\s+(?:in)?to\s+(?:mainland\s+)?china\b"
    r"|\bboth\s+(?:parties|sides|companies|entities)\s+are\s+(?:in\s+(?:mainland\s+)?china|"
    r"chinese|domestic)\b"
    r"|\bno\s+technology\s+leaves\s+china\b|\bdomestic\s+licen[cs]e\b"
    r"|\blicen[cs](?:e|ing)-in\b|\bpurely\s+domestic\b"
    # kept or made in China: "All documents stay on the JV's servers in China", "to
    # industrialise in China", "(China production only)"
    r"|\b(?:stays?|remains?|kept|stored|hosted)\s+(?:only\s+)?(?:on|in|at|within)\s+"
    r"(?:[a-z0-9'’&-]+\s+){0,5}?in\s+(?:mainland\s+)?china\b"
    r"|\b(?:to\s+(?:industriali[sz]e|produce|manufacture)|for\s+(?:production|manufacturing))\s+"
    r"in\s+(?:mainland\s+)?china\b"
    r"|\bchina\s+production\s+only\b|\bchina[- ]market\s+(?:[a-z]+\s+)?only\b"
    r"|\bfor\s+use\s+(?:only\s+)?in\s+(?:mainland\s+)?china\b"
    r"|\bno\s+technology\s+(?:of\s+ours\s+)?(?:goes|leaves|is\s+(?:sent|exported|transferred))\b"
    rf"|{_NOTHING_FROM_CHINA}"
)

# A transfer abroad, in any words: the declaration then says nothing of the whole deal.
_ABROAD_ZH = (
    rf"出口(?:至|到|给|給)|向(?:境外|国外|國外|海外|外方)(?![^，,。；;\n]{{0,12}}?{_OBTAIN})"
    r"|(?:转让|轉讓|许可|許可|授权|授權|提供|交付)(?:给|給|予)?(?:境外|国外|國外|海外|外国|外國|外方)"
    r"|(?:境外|国外|國外|海外)(?:客户|客戶|公司|子公司|买方|買方|被许可方|被許可方|合作方|工厂|工廠)"
    # licensed on, or back: "回授改进技术"
    r"|再许可|再許可|转许可|轉許可|分许可|分許可|回授"
)
_ABROAD_EN = (
    r"\babroad\b|\boverseas\b|\bexport(?:ed|s|ing)?\s+to\b|\bout\s+of\s+china\b"
    r"|\bforeign\s+(?:licensee|buyer|customer|partner|subsidiary|recipient)s?\b"
    # licensed on, or back: "we in-license it and sublicense the design" (not "licensed back",
    # which is mostly said to deny it: "Nothing of ours is licensed back")
    r"|\bsub-?licen[cs](?:e|es|ed|ing)\b|\bgrant-?backs?\b"
)


# An import said from the Chinese side, for a profile whose destination names the foreign
# party's country ("destination: CA" on "技术由境外许可给境内使用"): only words whose
# direction does not turn with the writer. (Not "技术引进": a foreign buyer's "从我厂引进" is
# an export from China; nor "technology import", a foreign importer's procedure.)
_INBOUND_ZH = (
    r"技术进口合同|技術進口合同"
    # the foreign side licenses to us, to be used here: "对方向我方许可专利和技术秘密",
    # "从日本某公司引进…技术，在我国赣州工厂实施"; or we give them nothing of ours
    r"|(?:对方|對方|外方|许可方|許可方|授权方|授權方)向(?:我方|我司|我们|我們|我公司)"
    r"(?:许可|許可|转让|轉讓|授权|授權)"
    r"|(?:从|從)[^，,。；;\n]{1,24}?(?:引进|引進)[^。；;\n]{0,40}?(?:在|于|於)(?:我国|我國|国内|國內|境内|境內)"
    r"|(?:我方|我司|我们|我們)(?:不|并不|並不)(?:向|对|對)(?:对方|對方|外方)(?:提供|转让|轉讓|许可|許可)"
    r"(?:任何)?(?:技术|技術)"
    r"|由境外[^，,。；;\n]{0,24}?(?:许可|許可|转让|轉讓|授权|授權|提供)(?:给|給|予)?(?:境内|境內)"
    rf"|{_CALLED_OFF}"
)
_INBOUND_EN = (
    r"\bin-licens(?:e|ed|ing)\b|\binbound\s+licen[cs]e\b"
    r"|\b(?:licen[cs]ed|transferred|brought|imported)\s+(?:in)?to\s+(?:mainland\s+)?china\b"
    r"|\b(?:take|takes|taking|took|obtain|obtains|obtaining)\s+a\s+licen[cs]e\s+from\b"
    rf"|{_NOTHING_FROM_CHINA}"
    # "Here technology flows into China: an import"
    r"|\b(?:technology|know-how)\s+(?:flows?|flowing|goes|moves?)\s+(?:in)?to\s+(?:mainland\s+)?china\b"
)

_READINGS = {
    "declaration": (_DECLARATION_ZH, _DECLARATION_EN),
    "abroad": (_ABROAD_ZH, _ABROAD_EN),
    "inbound": (_INBOUND_ZH, _INBOUND_EN),
}


# Words one of which every declaration above holds: a text with none of them is not searched
# (the patterns' alternations cost ~0.1 ms over a Chinese summary; most texts hold no word).
_IN_CHINA = ("境内", "境內", "国内", "國內")
_TRIGGERS = (
    *("进口", "進口", "引进", "引進", "流入", "进入", "進入", "两边", "兩邊", "双方", "雙方"),
    *("两地", "兩地", "纯境内", "純境內", "境内注册", "境內註冊", "不出境", "技术出境", "技術出境"),
    *("向我", "对方", "對方", "外方", "由境外", "technology import", "inbound", "in-licens"),
    *("china", "both", "domestic", "licence from", "license from"),
    *("licence-in", "license-in", "licencing-in", "licensing-in", "no technology"),
    # (the later declarations' words, as specific as they are: a word as common as 境内
    # would send most Chinese texts through the patterns, ~50 us each)
    *("境内交易", "境內交易", "出海", "省际", "省際", "跨省"),
    *(f"{bracket}{place}" for bracket in "(（" for place in _IN_CHINA),
    *(
        f"{side}{role}"
        for side in ("境外", "外资", "外資")
        for role in ("方", "主体", "主體", "股东", "股東", "人员", "人員")
    ),
    *(f"{place}{act}" for place in _IN_CHINA for act in ("实施", "實施", "完成")),
    *(f"{verb}{place}" for verb in ("为", "為", "是") for place in _IN_CHINA),
    *(f"{every}{where}" for every in ("全部", "均", "都") for where in ("在", "位于", "位於")),
    *(
        f"{no}向{place}"
        for no in ("不", "不得", "不涉及")
        for place in ("境外", "国外", "國外", "海外")
    ),
    *("引进合同", "引進合同"),
    *(
        f"{verb}{give}{place}"
        for verb in ("许可", "許可", "授权", "授權", "转让", "轉讓")
        for give in "给給"
        for place in _IN_CHINA
    ),
    *("是否", "是不是"),
    *(
        f"{verb}{give}{province}"
        for verb in ("授权", "授權", "许可", "許可", "转让", "轉讓")
        for give in "给給"
        for province in _PROVINCES.split("|")
    ),
    *(f"{lead}{place}" for lead in "从從自" for place in _FOREIGN.split("|")),
    *(f"{bracket}{province}" for bracket in "(（" for province in _PROVINCES.split("|")),
    *(f"{role}{colon}" for role in ("受让方", "受讓方", "被许可方", "被許可方") for colon in "：:"),
    *(f"在{province}" for province in _PROVINCES.split("|")),
    *(f"向{country}" for country in _COUNTRIES.split("|")),
    *("终止谈判", "終止談判", "决定不合作", "決定不合作", "回函拒绝", "回函拒絕"),
    *("不进行该项合作", "不進行該項合作"),
    *(f"{may}{leave}" for may in _MAY_NOT.split("|") for leave in _LEAVE.split("|")),
    *(f"{be}被{lic}方" for be in ("是", "为", "為") for lic in ("许可", "許可")),
    *(
        f"{verb}{give}{we}在"
        for verb in ("授权", "授權", "许可", "許可")
        for give in ("", "给", "給")
        for we in ("我们", "我們", "我方", "我司")
    ),
    *(f"{reg}的{china}法人" for reg in ("注册", "註冊") for china in ("中国", "中國")),
    *(f"{china}{place}法人" for china in ("中国", "中國") for place in ("境内", "境內")),
    *(
        f"{what}{every}"
        for what in ("技术人员", "技術人員", "技术资料", "技術資料")
        for every in ("仅", "僅", "均", "都", "全部")
    ),
)


_TRIGGER_GATE = gate(_TRIGGERS)


# A profile's title and summary, lower-cased once for the readings that each ask for them
# (a str keeps its hash, so a text asked again is found at once).
_lowered = functools.lru_cache(maxsize=8)(str.lower)


def _pattern(reading: str, chinese: bool) -> re.Pattern[str]:
    """The Chinese or English pattern of a reading, compiled on first use."""
    return compiled(_READINGS[reading][0 if chinese else 1])


_LATIN = re.compile(r"[a-z]")


def _scripts(text: str) -> tuple[bool, ...]:
    """Which patterns of a reading the lower-cased ``text`` needs: the Chinese one (True) for
    any character beyond ASCII (a class of the CJK blocks would cost ~4 ms to compile), the
    English one (False) for a Latin letter."""
    return tuple(
        chinese
        for chinese, holds in ((True, not text.isascii()), (False, bool(_LATIN.search(text))))
        if holds
    )


def _search(reading: str, text: str) -> re.Match[str] | None:
    """The first words of ``reading`` in the lower-cased ``text`` (see _first)."""
    return _first(_READINGS[reading], text)


def _first(patterns: tuple[str, str], text: str) -> re.Match[str] | None:
    """The first match in the lower-cased ``text`` of the (Chinese, English) ``patterns``, each
    tried only where ``text`` holds its script."""
    found = [
        match
        for chinese in _scripts(text)
        if (match := compiled(patterns[0 if chinese else 1]).search(text))
    ]
    return min(found, key=lambda match: match.start(), default=None)


# What makes words of a transfer abroad say nothing of one: a negation before them in their
# clause ("委托人不向境外提供任何技术资料", "nothing is exported to them"), or money as what
# goes ("Payment flows out of China").
_DISCOUNT = (
    r"不(?!断|斷|仅|僅|但|只|少|同|久)|无(?!论)|無(?!論)|未|没有|沒有|并非|並非"
    r"|\b(?:no|not|never|nothing|none|without)\b|n't\b"
    r"|\b(?:payments?|royalt(?:y|ies)|fees?|money|funds?|remittances?)\b|付款|支付|许可费|許可費|汇出|匯出"
)
# ... or a denial after them: "foreign shareholders and overseas staff have no access"
_DENIED_AFTER = r"\bno\s+access\b|\b(?:is|are)\s+not\s+(?:given|granted|allowed)\b"
# (A line break ends a clause after Chinese or a blank line; in English it mostly wraps one:
# "Payment\nflows out of China".)
_CLAUSE_END = r"[，,。；;.!?！？]|\n\s*\n|(?<=[^\x00-\x7f])\n"


def _transfers_abroad(text: str) -> bool:
    """Whether the lower-cased ``text`` holds words of a transfer abroad that are not
    discounted (see _DISCOUNT) in their clause."""
    for chinese in _scripts(text):
        for match in _pattern("abroad", chinese).finditer(text):
            ends = compiled(_CLAUSE_END).finditer(text, 0, match.start())
            begin = max((end.end() for end in ends), default=0)
            if compiled(_DISCOUNT).search(text, begin, match.start()):
                continue
            end = compiled(_CLAUSE_END).search(text, match.end())
            stop = end.start() if end else len(text)
            if not compiled(_DENIED_AFTER).search(text, match.end(), stop):
                return True
    return False


def stays_in_china(texts: dict[str, str], *, foreign: bool = False) -> tuple[str, int, int] | None:
    """Where the ``texts`` (field -> text: the title and summary) say the transfer is an
    import or stays within China, as (field, start, end) of the first such words; None when
    none does, or when any of them names a transfer abroad. ``foreign``: the profile's
    destination is another country, which only an import said from the Chinese side
    (see _INBOUND_ZH) turns into the foreign party's."""
    declaration = "inbound" if foreign else "declaration"
    lowered = {field: _lowered(text) for field, text in texts.items()}
    # The declaration first: few texts hold one, and the words of a transfer abroad (a long
    # alternation, ~0.1 ms over a Chinese summary) are then looked for in those alone.
    for field, text in lowered.items():
        if not _TRIGGER_GATE(text):
            continue
        found = _search(declaration, text)
        # ("项目在香港境内实施": Hong Kong, Macao and Taiwan are outside for the 条例; not
        # "自台灣引進", an import from there)
        if found and not compiled(_IN_OUTSIDE_MAINLAND).search(found.group()):
            if any(map(_transfers_abroad, lowered.values())):
                return None
            return field, found.start(), found.end()
    return None


# A recipient marked as in China: "远航汽车（被许可方，境内）", "某稀土集团（境内）",
# "Qinghai producer (licensee, China)", or named from there: "国内人民币基金（投资方）".
_RECIPIENT_IN_CHINA = (
    r"(?i)[(（][^()（）]{0,20}?(?<![^\s(（,，、;；])(?:境内|境內|国内|國內|中国境内|中國境內|中国大陆|中國大陸"
    r"|china|prc|mainland\s+china|domestic)\s*[)）]"
    r"|\A\s*(?:境内|境內|国内|國內)"
)


_OUTSIDE_MAINLAND = r"(?i)hong\s*kong|\bhk\b|maca[uo]|taiwan|香港|澳门|澳門|台湾|台灣"
_IN_OUTSIDE_MAINLAND = (
    r"(?i)(?:在|于|於|位于|位於)\s*(?:香港|澳门|澳門|台湾|台灣)"
    r"|\bin\s+(?:hong\s*kong|maca[uo]|taiwan)\b"
)


def _named_from_china(recipient: str) -> re.Match[str] | None:
    """A recipient named as Chinese or from a mainland city: "Chinese university (licensee)",
    "Hangzhou e-commerce platform company" (the way Chinese companies are named)."""
    from exportcheck.negation.english import _HOME_PLACES

    words = recipient.lower().split()[:2]
    for size in (2, 1):
        place = " ".join(words[:size])
        if place in _HOME_PLACES or place in ("chinese", "prc"):
            return re.match(rf"(?i)\s*{re.escape(place)}", recipient)
    return None


def recipient_in_china(recipient: str, texts: dict[str, str]) -> tuple[int, int] | None:
    """Where ``recipient`` (a profile's transfer.recipient) says it is in China, as a span;
    None when it does not, or when any of the ``texts`` names a transfer abroad."""
    found = compiled(_RECIPIENT_IN_CHINA).search(recipient) or _named_from_china(recipient)
    if found is None or compiled(_OUTSIDE_MAINLAND).search(found.group()):
        return None  # "(Hong Kong, China)": a transfer there is an export
    if any(_transfers_abroad(_lowered(text)) for text in texts.values()):
        return None
    return found.span()


# Technology held and transferred outside the mainland, said outright: "研發、原始碼及伺服器均在
# 台灣，不涉及任何中國大陸公司、人員或技術", "從未在中國內地開發或存放", "交易不經中國大陸",
# "No mainland China company or staff is involved". The 条例 governs transfers out of the PRC
# (Hong Kong, Macao and Taiwan being outside for it), so such a licence from Hsinchu or Hong
# Kong onward is no export from China. Only a denial of the mainland's part counts, never a
# place alone: a Hong Kong subsidiary may well pass on its mainland parent's technology.
_MAINLAND_ZH = r"(?:中国|中國)?(?:大陆|大陸|内地|內地)"
_OUTSIDE_MAINLAND_ZH = (
    rf"(?:不涉及|不涉及到|未涉及|并不涉及|並不涉及|没有|沒有|无|無)(?:任何)?{_MAINLAND_ZH}"
    r"(?!以外|之外)(?:的)?(?:任何)?(?:公司|企业|企業|人员|人員|实体|實體|技术|技術|子公司|团队|團隊)?"
    rf"|(?:交易|技术|技術|授权|授權|许可|許可)(?:均|都|并|並)?不(?:经|經|经过|經過){_MAINLAND_ZH}"
    rf"|(?:从未|從未|未曾|从来没有|從來沒有)在{_MAINLAND_ZH}(?:开发|開發|研发|研發|存放|生产|生產)"
    rf"|未曾(?:移转|移轉|转移|轉移|转让|轉讓)(?:至|到)?(?:或取自)?{_MAINLAND_ZH}"
)
_OUTSIDE_MAINLAND_EN = (
    r"\bno\s+(?:part\s+of\s+it\s+)?(?:mainland(?:\s+china|\s+chinese)?|prc)\s+(?:company|companies|"
    r"staff|personnel|entity|entities|party|parties|technology|engineers?|subsidiary)\b"
    r"|\b(?:does|do|did|will)\s+not\s+involve\s+(?:any\s+)?(?:[a-z]+\s+){0,3}?(?:in\s+|from\s+)?"
    r"mainland\s+china\b"
    r"|\bnever\s+(?:been\s+)?(?:developed|stored|held|hosted|made)\s+(?:or\s+[a-z]+\s+)?in\s+"
    r"mainland\s+china\b"
)
# ... unless the text has the mainland hand something over: "由內地轉移至境外", "大陸方提供".
_FROM_MAINLAND = (
    rf"(?:由|从|從|自){_MAINLAND_ZH}[^，,。；;\n]{{0,10}}?(?:转移|轉移|转让|轉讓|提供|输出|輸出|授权|授權"
    r"|许可|許可|出口)|(?:大陆|大陸|内地|內地)(?:方|母公司|附属公司|附屬公司)"
    r"|\bfrom\s+(?:the\s+)?mainland\b|\bmainland\s+(?:parent|subsidiary|side)\b"
)
_OUTSIDE_GATE = gate(("大陆", "大陸", "内地", "內地", "mainland", "prc"))


def held_outside_mainland(texts: dict[str, str]) -> tuple[str, int, int] | None:
    """Where the ``texts`` (field -> text) say the technology is held and transferred outside
    the mainland with no mainland part in it, as (field, start, end); None when none does, or
    when any of them has the mainland hand technology over."""
    lowered = {field: _lowered(text) for field, text in texts.items()}
    if not any(_OUTSIDE_GATE(text) for text in lowered.values()):
        return None
    if any(compiled(_FROM_MAINLAND).search(text) for text in lowered.values()):
        return None
    for field, text in lowered.items():
        found = _first((_OUTSIDE_MAINLAND_ZH, _OUTSIDE_MAINLAND_EN), text)
        if found is not None:
            return field, found.start(), found.end()
    return None
