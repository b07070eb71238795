"""Mentions the text itself negates are set aside; anything less certain stays a lead.

The unit cases mark terms with [brackets] (the term index's job is tested elsewhere); the
end-to-end behaviour, with the real vocabulary and the decision, is pinned by the policy cases
in rules/tests/negation.yaml.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from exportcheck.kb import KnowledgeBase
from exportcheck.negation import negations, negations_in

from conftest import RunCli

_MARKED = re.compile(r"\[([^\]]*)\]")


def _unmarked(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """A text whose terms are written ``[like this]``: the text and the terms' spans."""
    text, spans, at = "", [], 0
    for match in _MARKED.finditer(marked):
        text += marked[at : match.start()]
        spans.append((len(text), len(text) + len(match.group(1))))
        text += match.group(1)
        at = match.end()
    return text + marked[at:], spans


def _negated(marked: str) -> dict[str, str]:
    """``{term: negating words}`` for a text whose terms are written ``[like this]``."""
    text, spans = _unmarked(marked)
    found = negations(text, spans)
    return {
        text[s:e]: text[found[i][0] : found[i][1]] for i, (s, e) in enumerate(spans) if i in found
    }


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("It has no [voice assistant].", {"voice assistant": "no voice assistant"}),
        # the other party's business, in a text that keeps our technology out of it
        (
            (
                "The client, a European producer of [riboflavin], is expanding its site. We"
                " design the effluent plant and provide none about vitamin production."
            ),
            {"riboflavin": "The client, a European producer of riboflavin"},
        ),
        (
            "业主为老挝一家开采[离子吸附型稀土]黏土矿的公司。我院不涉及矿山开采或浸矿的任何技术内容。",
            {"离子吸附型稀土": "业主为老挝一家开采离子吸附型稀土黏土矿的公司"},
        ),
        # a form's unticked box, and its questions answered no
        (
            "功能勾选表\n☑ 点餐收银　☑ 会员积分\n☐ [个性化推送]（未开放）\n☐ [语音合成]播报",
            {"个性化推送": "☐ 个性化推送（未开放）", "语音合成": "☐ 语音合成播报"},
        ),
        (
            "Scope:\n\u2611 Localisation kit\n\u25a1 [Speech synthesis] engine",
            {"Speech synthesis": "\u25a1 Speech synthesis engine"},
        ),
        (
            "Q：系统是否对顾客进行[个性化信息推送]？ A：否，仅统一发送促销券",
            {"个性化信息推送": "Q：系统是否对顾客进行个性化信息推送？ A：否"},
        ),
        (
            "Source code delivered? .... YES\n[Speech synthesis] included? ..... NO (pre-recorded)",
            {"Speech synthesis": "Speech synthesis included? ..... NO"},
        ),
        (
            "Does it use a [chatbot]?\nAnswer: no.",
            {"chatbot": "Does it use a chatbot?\nAnswer: no"},
        ),
        (
            "The product does not use [personalised push] or any [chatbot].",
            {
                "personalised push": "not use personalised push",
                "chatbot": "not use personalised push or any chatbot",
            },
        ),
        (
            "No [recommendation engine], [chatbot] or [drone] is included.",
            {
                "recommendation engine": "No recommendation engine",
                "chatbot": "No recommendation engine, chatbot",
                "drone": "No recommendation engine, chatbot or drone",
            },
        ),
        (
            "Neither [speech synthesis] nor [voice cloning].",
            {
                "speech synthesis": "Neither speech synthesis",
                "voice cloning": "Neither speech synthesis nor voice cloning",
            },
        ),
        (
            "We ship no speech, [wake-word] or dialogue technology.",
            {"wake-word": "no speech, wake-word"},
        ),
        (
            "There is no microphone, no [voice assistant] and no [wake word].",
            {"voice assistant": "no voice assistant", "wake word": "no wake word"},
        ),
        ("The system does not store data and has no [chatbot].", {"chatbot": "no chatbot"}),
        ("A [LiDAR]-free design.", {"LiDAR": "LiDAR-free"}),
        (
            "The [drone] business is not part of this licence.",
            {"drone": "drone business is not part"},
        ),
        (
            "Our [drone] unit, which is not part of the deal.",
            {"drone": "drone unit, which is not part"},
        ),
        ("The [chatbot] was removed before transfer.", {"chatbot": "chatbot was removed"}),
        (
            "[Speech synthesis] and [TTS] are excluded.",
            {
                "Speech synthesis": "Speech synthesis and TTS are excluded",
                "TTS": "TTS are excluded",
            },
        ),
        (
            "It has no [LiDAR] ([laser radar]).",
            {"LiDAR": "no LiDAR", "laser radar": "no LiDAR (laser radar)"},
        ),
        (
            "本系统不涉及[个性化推荐]、[语音合成]或[无人机]技术。",
            {
                "个性化推荐": "不涉及个性化推荐",
                "语音合成": "不涉及个性化推荐、语音合成",
                "无人机": "不涉及个性化推荐、语音合成或无人机",
            },
        ),
        ("本系統不涉及[個人化推薦]。", {"個人化推薦": "不涉及個人化推薦"}),
        ("工艺中不添加任何[稀土元素]。", {"稀土元素": "不添加任何稀土元素"}),
        ("合金中不[添加钪]或其他稀土。", {"添加钪": "不添加钪"}),  # the verb inside the term
        ("常规工艺，不用任何[稀土元素]。", {"稀土元素": "不用任何稀土元素"}),
        ("工艺里完全不[加稀土]催渗剂。", {"加稀土": "完全不加稀土"}),
        ("合同里不能夹带[首效97%]以上的新一代工艺。", {"首效97%": "不能夹带首效97%"}),
        (
            (
                "问：要不要申请？答：热处理那条的控制要点都是和稀土有关的：[稀土碳氮共渗]的配方。"
                "这不是稀土渗碳，按自由出口登记即可。"
            ),
            {"稀土碳氮共渗": "控制要点都是和稀土有关的："},
        ),
        ("原料是锂云母，不是[锂辉石]。", {"锂辉石": "不是锂辉石"}),
        # a turning word inside quotation marks is part of the name quoted
        (
            "不属于目录“用于[人的细胞克隆]和[基因编辑]技术”的范围。",
            {
                "人的细胞克隆": "不属于目录“用于人的细胞克隆",
                "基因编辑": "不属于目录“用于人的细胞克隆和基因编辑",
            },
        ),
        (
            "答：目录中“[基因编辑]技术”的最终范围针对[人类生殖细胞]，本项目不在范围内。",
            {
                "基因编辑": "目录中“",
                "人类生殖细胞": "目录中“基因编辑技术”的最终范围针对",
            },
        ),
        # a party's background, and a later phase the contract leaves out
        (
            "卖方背景：团队原为[无人机]企业的研发人员。交付内容：云端账号。",
            {"无人机": "卖方背景：团队原为无人机"},
        ),
        (
            "About us: the group also designs [nuclear power equipment].",
            {"nuclear power equipment": "About us: the group also designs nuclear power equipment"},
        ),
        (
            "Phase 2 (not contracted): a [recommendation engine] may follow.",
            {"recommendation engine": "Phase 2 (not contracted): a recommendation engine"},
        ),
        (
            "二期设想（本合同不包括）：可能引进[磷酸铁锂]技术。",
            {"磷酸铁锂": "二期设想（本合同不包括）：可能引进磷酸铁锂"},
        ),
        # named to be compared with, or as the other party's own
        ("与[个性化推荐]不同，本模块按播放量排序。", {"个性化推荐": "与个性化推荐不同"}),
        ("与[无人机飞控]相比：本软件不能飞行。", {"无人机飞控": "与无人机飞控相比"}),
        ("Our radar is an alternative to [LiDAR].", {"LiDAR": "alternative to LiDAR"}),
        ("Unlike [LiDAR], it uses radio waves.", {"LiDAR": "Unlike LiDAR"}),
        (
            "客户自有的[推荐系统]、[用户画像]由其团队运营。",
            {"推荐系统": "客户自有的推荐系统", "用户画像": "客户自有的推荐系统、用户画像"},
        ),
        ("我方不接触[推荐算法]。", {"推荐算法": "不接触推荐算法"}),
        ("纯毫米波方案，无任何光学/[激光器]件。", {"激光器": "无任何光学/激光器"}),
        ("它不含有任何的[稀土元素]。", {"稀土元素": "不含有任何的稀土元素"}),  # the longer cue
        (  # a point by its number, in a text that finds the deal outside it
            "053707X第1项为[含稀土铝锂合金]的制备；第2项（[稀土元素]种类和含量）同样与本合金无关。",
            {"含稀土铝锂合金": "第1项为", "稀土元素": "第2项（"},
        ),
        # what a material is made for, or its buyers make, is not what is handed over
        (
            "An iron phosphate line as feedstock for [LFP].",
            {"LFP": "feedstock for LFP"},
        ),
        ("FePO4 for sale to [LFP] makers.", {"LFP": "for sale to LFP makers"}),
        ("It is sold mainly to low-end [LFP] producers.", {"LFP": "to low-end LFP producers"}),
        (
            "tap density 0.9 g/cm3, intended for low-cost [LFP].",
            {"LFP": "intended for low-cost LFP"},
        ),
        ("磷酸铁，用作[磷酸铁锂]原料。", {"磷酸铁锂": "用作磷酸铁锂原料"}),
        ("产品卖给[磷酸铁锂]厂。", {"磷酸铁锂": "卖给磷酸铁锂厂"}),
        (  # a grade code is a modifier
            "The motors use commercially purchased N42SH [sintered NdFeB] magnets.",
            {"sintered NdFeB": "purchased N42SH sintered NdFeB"},
        ),
        (
            "You will not work on [magnet manufacturing] or any [rare-earth processing].",
            {
                "magnet manufacturing": "not work on magnet manufacturing",
                "rare-earth processing": (
                    "not work on magnet manufacturing or any rare-earth processing"
                ),
            },
        ),
        (  # a verb of exclusion shares itself out over "and"
            "The contract expressly excludes parental strains and [breeding methods].",
            {"breeding methods": "excludes parental strains and breeding methods"},
        ),
        (
            "Neither the alloy nor any of its variants contain [rare-earth elements].",
            {
                "rare-earth elements": (
                    "Neither the alloy nor any of its variants contain rare-earth elements"
                )
            },
        ),
        (
            "Our [rare-earth-modified] [Al-Li] grades are expressly outside the licence.",
            {
                "rare-earth-modified": "rare-earth-modified Al-Li grades are expressly outside",
                "Al-Li": "rare-earth-modified Al-Li grades are expressly outside",
            },
        ),
        ("The [NdFeB] line is the customer's own.", {"NdFeB": "NdFeB line is the customer's own"}),
        (
            "The [LFP] line was built by a Japanese contractor.",
            {"LFP": "LFP line was built by a Japanese contractor"},
        ),
        (
            "It does not interface with [flight control].",
            {"flight control": "not interface with flight control"},
        ),
        # after 不是 a 的 describes the noun it denies
        (
            "老品系的蚕，不是市面上卖的那种[一代杂交蚕种]。",
            {"一代杂交蚕种": "不是市面上卖的那种一代杂交蚕种"},
        ),
        (
            (
                "答：252604X三个控制要点分别是电池用[磷酸铁锂]、电池用[磷酸锰铁锂]和前驱体。"
                "三元不受控，按自由出口登记。"
            ),
            {
                "磷酸铁锂": "控制要点分别是电池用",
                "磷酸锰铁锂": "控制要点分别是电池用磷酸铁锂、电池用",
            },
        ),
        (  # ... and in English, in a memo that concludes the deal is free
            (
                "Legal concluded that the prohibited item, as adopted, is confined to"
                " [human germ-cell] editing, and cleared the deal."
            ),
            {"human germ-cell": "item, as adopted, is confined to "},
        ),
        (
            "Note: the 252604X item covers [LFP], [LMFP] and phosphate precursors only.",
            {
                "LFP": "item covers LFP, LMFP and phosphate precursors only",
                "LMFP": "item covers LFP, LMFP and phosphate precursors only",
            },
        ),
        (
            "Item 053302J concerns [rare-earth metals]; it does not mention oxyborate crystals.",
            {"rare-earth metals": "Item 053302J concerns rare-earth metals; it does not mention"},
        ),
        (
            "No phosphate is involved; [LFP] lines at the Hefei site are excluded.",
            {"LFP": "LFP lines at the Hefei site are excluded"},
        ),
        ("The licensee has no rights to our [LFP] lines.", {"LFP": "no rights to our LFP"}),
        (
            '"Excluded Technology" means the [LFP] process, which the Licensee buys.',
            {"LFP": '"Excluded Technology" means the LFP'},
        ),
        ("“除外技术”是指[磷酸铁锂]的制备。", {"磷酸铁锂": "“除外技术”是指磷酸铁锂"}),
        ("It does not fall under [LiDAR] technology.", {"LiDAR": "not fall under LiDAR"}),
        ("We buy [LFP] powder on the market.", {"LFP": "We buy LFP powder on the market"}),
        (
            "[LFP]/[LMFP] are not produced here.",
            {"LFP": "LFP/LMFP are not produced", "LMFP": "LMFP are not produced"},
        ),
        (
            "The magnets are bought as finished N48SH [sintered NdFeB] parts.",
            {"sintered NdFeB": "finished N48SH sintered NdFeB parts"},
        ),
        (
            "Aircraft and [autopilot] come from a US manufacturer.",
            {"autopilot": "autopilot come from a US manufacturer"},
        ),
        (
            "[Navigation] and routing are theirs, not ours.",
            {"Navigation": "Navigation and routing are theirs"},
        ),
        (
            "[Sericulture] and [silkworms] are not involved.",
            {
                "Sericulture": "Sericulture and silkworms are not involved",
                "silkworms": "silkworms are not involved",
            },
        ),
        (
            "The chemistry is free of [rare-earth elements].",
            {"rare-earth elements": "free of rare-earth elements"},
        ),
        ("没有[激光雷达]也能避障。", {"激光雷达": "没有激光雷达"}),
        (
            "本系统不涉及基于用户画像的[个性化推荐]。",
            {"个性化推荐": "不涉及基于用户画像的个性化推荐"},
        ),
        (
            "本方案不含[激光雷达]（[LiDAR]）。",
            {"激光雷达": "不含激光雷达", "LiDAR": "不含激光雷达（LiDAR）"},
        ),
        ("[无人机]业务不在本次转让范围内。", {"无人机": "无人机业务不在本次转让范围"}),
        ("无[个性化推荐]功能", {"个性化推荐": "无个性化推荐"}),
        ("SDK不提供内容分发，也不做[个性化推送]。", {"个性化推送": "不做个性化推送"}),
        ("像抖音那样的[推荐算法]我们没有，", {"推荐算法": "推荐算法我们没有"}),
        (
            "Unlike TikTok's [recommendation algorithm], this tool is payroll.",
            {"recommendation algorithm": "Unlike TikTok's recommendation algorithm"},
        ),
        ("不同於某競爭對手把[語音助理]塞進充電器，", {"語音助理": "不同於某競爭對手把語音助理"}),
        (
            "It talks to a competitor's [voice assistant].",
            {"voice assistant": "a competitor's voice assistant"},
        ),
        ("相关工作：[个性化推荐]广泛使用深度学习。本文", {"个性化推荐": "相关工作：个性化推荐"}),
        (
            "Background of the invention: [LiDAR] scanners are costly. Summary: a probe.",
            {"LiDAR": "Background of the invention: LiDAR"},
        ),
        ("The target has never developed [drone] technology.", {"drone": "never developed drone"}),
        (
            "We do not (yet) offer [speech synthesis].",
            {"speech synthesis": "not (yet) offer speech synthesis"},
        ),
        (
            "v2 removed the experimental [LiDAR] scanning feature.",
            {"LiDAR": "removed the experimental LiDAR"},
        ),
        ("推荐模块由母公司保留，不在转让范围内。[个性化推荐]", {}),
        (  # the next clause says it ("由母公司保留" alone says it too, see below)
            "[个性化推荐]模块由母公司运营，不在转让范围内。",
            {"个性化推荐": "个性化推荐模块由母公司运营，不在"},
        ),
        (
            "Excluded technology: (a) the [TTS] engine; (b) any [UAV] software. Licensed: ERP.",
            {
                "TTS": "Excluded technology: (a) the TTS",
                "UAV": "Excluded technology: (a) the TTS engine; (b) any UAV",
            },
        ),
        (
            "范围外（客户确认）：[语音合成]、[语音机器人]。",
            {
                "语音合成": "范围外（客户确认）：语音合成",
                "语音机器人": "范围外（客户确认）：语音合成、语音机器人",
            },
        ),
        ("唔包括[推薦演算法]，", {"推薦演算法": "唔包括推薦演算法"}),
        ("The [drone] business was divested in 2023.", {"drone": "drone business was divested"}),
        (
            "Competitor A sells [drone] autopilots. We make gauges.",
            {"drone": "Competitor A sells drone"},
        ),
        ("竞争对手采用[激光雷达]方案；本产品采用纯视觉。", {"激光雷达": "竞争对手采用激光雷达"}),
        (
            "Editors pick one list instead of a [recommendation engine].",
            {"recommendation engine": "instead of a recommendation engine"},
        ),
        ("Audio comes from the OS rather than [TTS] of our own.", {"TTS": "rather than TTS"}),
        (
            "Our [drone] programme was cancelled in 2024.",
            {"drone": "drone programme was cancelled"},
        ),
        ("原有的[语音助手]已被人工坐席取代。", {"语音助手": "语音助手已被人工坐席取代"}),
        ("系统中不再有[语音交互]模块。", {"语音交互": "不再有语音交互"}),
        (
            "附件列出[无人机飞控]参数，仅作对比，不构成转让标的。",
            {"无人机飞控": "无人机飞控参数，仅作对比，不构成"},
        ),
        ("[激光雷达]测试报告，仅供参考。", {"激光雷达": "激光雷达测试报告，仅供参考"}),
        (
            "Rotor with bought-in [sintered NdFeB] magnets.",
            {"sintered NdFeB": "bought-in sintered NdFeB"},
        ),
        (
            "The [sintered NdFeB] magnets are bought in.",
            {"sintered NdFeB": "sintered NdFeB magnets are bought in"},
        ),
        ("采购的[烧结钕铁硼]磁体用于转子。", {"烧结钕铁硼": "采购的烧结钕铁硼"}),
        (
            "Our [recommendation algorithm], user models and source code are excluded.",
            {
                "recommendation algorithm": "recommendation algorithm, user models and source "
                "code are excluded"
            },
        ),
        (
            "The [drones] and [route planning] remain with the seller.",
            {
                "drones": "drones and route planning remain with the seller",
                "route planning": "route planning remain with the seller",
            },
        ),
        (
            "The [LiDAR] module is licensed separately.",
            {"LiDAR": "LiDAR module is licensed separately"},
        ),
        ("除[个性化推荐]模块外，本次转让包括订单管理。", {"个性化推荐": "除个性化推荐模块外"}),
        ("除[推荐算法]以外的模块均转让给买方。", {"推荐算法": "除推荐算法以外"}),
        (
            "[個人化推薦]功能仍在規劃中，明年才可能開發，不屬於本次授權。",
            {"個人化推薦": "個人化推薦功能仍在規劃中，明年才可能開發，不屬於"},
        ),
        (
            "本公司另有[无人机飞控]产品线，该产品线及其代码均不在本次授权范围内。",
            {"无人机飞控": "无人机飞控产品线，该产品线及其代码均不在"},
        ),
        (
            "[個人化推薦系統]已歸屬新設公司，相關程式碼與人員皆不隨本事業部移轉。",
            {"個人化推薦系統": "個人化推薦系統已歸屬新設公司，相關程式碼與人員皆不隨"},
        ),
        (
            "The [text-to-speech] middleware used in our titles is a third-party product.",
            {"text-to-speech": "text-to-speech middleware used in our titles is a third-party"},
        ),
        (
            (
                "1. Licensed Technology\n1.1 Motor design.\n\n3. Excluded Technology\n"
                "3.1 The rotor uses [sintered NdFeB] magnets.\n3.2 Inverter design.\n\n"
                "4. Field\n4.1 The [drone] test rig."
            ),
            {"sintered NdFeB": "3. Excluded Technology"},
        ),
        (
            (
                "交付：商品管理模块源代码。\n\n明确除外 Expressly excluded:\n1. 推荐模块。\n"
                "   The [personalised recommendation] engine.\n2. 用户数据。"
            ),
            {"personalised recommendation": "明确除外 Expressly excluded:"},
        ),
        (
            (
                "第三条 除外技术\n3.1 正极材料（[磷酸铁锂]）制备技术；\n3.2 BMS。\n"
                "第四条 技术服务\n协助[电芯]量产。"
            ),
            {"磷酸铁锂": "第三条 除外技术"},
        ),
        (
            (
                "Schedule B – Excluded Assets\n1. The division and its [riboflavin] strains;\n"
                "2. Shares.\n\nSchedule C\n1. [premix] know-how"
            ),
            {"riboflavin": "Schedule B – Excluded Assets"},
        ),
        (
            (
                "Article 12 – Option for [LiDAR] module (not exercised)\n12.1 It lapsed.\n"
                "Article 13 – Fees\n13.1 [radar] fee."
            ),
            {"LiDAR": "Article 12 – Option for LiDAR module (not exercised)"},
        ),
        (
            (
                "Excluded from the perimeter (retained by the Group):\n- its [recommender];\n\n"
                "Included: [drone] maps"
            ),
            {"recommender": "Excluded from the perimeter (retained by the Group):"},
        ),
        (
            "该技术不涉及任何磷酸盐体系（[磷酸铁锂]、[磷酸锰铁锂]及其前驱体）。",
            {
                "磷酸铁锂": "不涉及任何磷酸盐体系（磷酸铁锂、磷酸锰铁锂及其前驱体）",
                "磷酸锰铁锂": "不涉及任何磷酸盐体系（磷酸铁锂、磷酸锰铁锂及其前驱体）",
            },
        ),
        ("出口N52牌号[烧结钕铁硼]磁钢成品（按图纸加工）。", {"烧结钕铁硼": "烧结钕铁硼磁钢成品"}),
        (
            "经营湖笔、[徽墨]等文房四宝产品的零售与批发。",
            {"徽墨": "徽墨等文房四宝产品的零售"},
        ),
        ("模组由一家[激光雷达]厂商提供。", {"激光雷达": "激光雷达厂商"}),
        (
            "The [recommendation] engine of the delivery app is expressly carved out.",
            {"recommendation": "recommendation engine of the delivery app is expressly carved out"},
        ),
        ("They use systems supplied by foreign [drone] makers.", {"drone": "drone makers"}),
        (
            "Several regional logistics competitors are trialling [drone] delivery.",
            {"drone": "Several regional logistics competitors are trialling drone"},
        ),
        (
            "The Licensee had an option to add the [LiDAR] module, which was not exercised.",
            {"LiDAR": "option to add the LiDAR module, which was not exercised"},
        ),
        ("[激光雷达]模块的选择权未行使。", {"激光雷达": "激光雷达模块的选择权未行使"}),
        (
            "本次合作采取“提供整机不提供技术”的模式。交付测绘[无人机]，不涉及源代码。",
            {"无人机": "提供整机不提供技术"},
        ),
        (
            "The distributor buys finished [automotive LiDAR] units for resale.",
            {"automotive LiDAR": "finished automotive LiDAR units"},
        ),
        (
            "It sells [NdFeB] magnets (nickel-plated) for resale.",
            {"NdFeB": "NdFeB magnets (nickel-plated) for resale"},
        ),
        (
            "It had an option to also license our [LFP] process. The option expired unexercised.",
            {"LFP": "option to also license our LFP process. The option expired"},
        ),
        (
            "Not licensed: the company's [drone] stack and its tooling.",
            {"drone": "Not licensed: the company's drone"},
        ),
        (
            # a sentence that opens a list of what is left out, on its own line or after another
            (
                "We license the motor design. The licence excludes the following:\n"
                "- [NdFeB] magnet preparation\n- [rare-earth separation]\n\nThe [LiDAR] is in."
            ),
            {
                "NdFeB": "The licence excludes the following:",
                "rare-earth separation": "The licence excludes the following:",
            },
        ),
        (
            "The following are not included:\n- [drone] flight-control source code",
            {"drone": "The following are not included:"},
        ),
        (
            "We will not provide:\n- [NdFeB] magnet preparation\n\nThe [LiDAR] is licensed.",
            {"NdFeB": "We will not provide:"},
        ),
        (
            "本许可不含下列技术：\n- [钕铁硼]磁体制备工艺\n- [稀土萃取]",
            {"钕铁硼": "本许可不含下列技术：", "稀土萃取": "本许可不含下列技术："},
        ),
        ("以下内容除外：\n- [钕铁硼]磁体制备工艺", {"钕铁硼": "以下内容除外："}),
        (
            "The company's [drone] stack is expressly excluded.",
            {"drone": "drone stack is expressly excluded"},
        ),
        (
            "该材料为铁氧体，与[钕铁硼]、[钐钴]工艺无关。",
            {"钕铁硼": "与钕铁硼、钐钴工艺无关", "钐钴": "与钕铁硼、钐钴工艺无关"},
        ),
        ("本项目與[推薦演算法]完全無關。", {"推薦演算法": "與推薦演算法完全無關"}),
        (
            "This module is unrelated to the [recommendation algorithm].",
            {"recommendation algorithm": "unrelated to the recommendation algorithm"},
        ),
        (
            "[語音合成]引擎（[TTS]）及語音庫不在授權範圍內。",
            {
                "語音合成": "語音合成引擎（TTS）及語音庫不在授權範圍",
                "TTS": "語音合成引擎（TTS）及語音庫不在授權範圍",
            },
        ),
        (
            "[稀土萃取分离]工艺、萃取剂配方与级数设计、金属及磁材[制备技术]均不在本合同转让范围内。",
            {
                "稀土萃取分离": (
                    "稀土萃取分离工艺、萃取剂配方与级数设计、金属及磁材制备技术均不在本合同转让范围"
                ),
                "制备技术": "制备技术均不在本合同转让范围",
            },
        ),
        (
            "[不育系]亲本材料及[杂交制种]技术不属于本合同培训和技术服务内容。",
            {
                "不育系": "不育系亲本材料及杂交制种技术不属于本合同培训和技术服务内容",
                "杂交制种": "杂交制种技术不属于本合同培训和技术服务内容",
            },
        ),
        (
            "[灵芝]菌种、[栽培技术]一律不转让、不披露。",
            {"灵芝": "灵芝菌种、栽培技术一律不转让", "栽培技术": "栽培技术一律不转让"},
        ),
        (
            "不在转让范围：[推荐算法]、后端排序服务。",
            {"推荐算法": "不在转让范围：推荐算法"},
        ),
        (
            (
                "The aircraft, [autopilot] and [obstacle-avoidance] software come from a"
                " third-party OEM."
            ),
            {
                "autopilot": (
                    "autopilot and obstacle-avoidance software come from a third-party OEM"
                ),
                "obstacle-avoidance": ("obstacle-avoidance software come from a third-party OEM"),
            },
        ),
        (
            (
                "The [lidar] perception stack, [lidar] hardware designs and [lidar] ranging"
                " firmware are outside the scope."
            ),
            {
                "lidar": "lidar perception stack, lidar hardware designs and lidar ranging firmware"
                " are outside"
            },
        ),
        (
            "The [LiDAR] ranging module is not included.",
            {"LiDAR": "LiDAR ranging module is not included"},
        ),
        (
            (
                "It does not include, and the licensor shall not deliver or disclose, the"
                " [recommendation engine]."
            ),
            {"recommendation engine": "not deliver or disclose, the recommendation engine"},
        ),
        (
            "Platform licence – [recommendation engine] carved out",
            {"recommendation engine": "recommendation engine carved out"},
        ),
        (  # finished goods, and no know-how goes with them
            (
                "We supply finished, labelled vials. No API process, formulation know-how or"
                " manufacturing documents go to the distributor. [Paclitaxel] injection."
            ),
            {"Paclitaxel": "No API process, formulation know-how or manufacturing documents go"},
        ),
        ("出口[北虫草]干子实体2吨至韩国，货物贸易。", {"北虫草": "货物贸易"}),
        (  # examples of the catalogue's items, not the technology described
            "We checked items on the export catalogue (e.g. [UAVs], [LiDAR]): it has none.",
            {
                "UAVs": "catalogue (e.g. UAVs, LiDAR)",
                "LiDAR": "catalogue (e.g. UAVs, LiDAR)",
            },
        ),
        ("对照技术目录（如[无人机]）逐项核查。", {"无人机": "目录（如无人机）"}),
        (  # the waste of a process is not the process
            "仅限于[稀土冶炼分离]厂含氨氮、含盐废水的蒸发回收工艺。",
            {"稀土冶炼分离": "稀土冶炼分离厂含氨氮、含盐废水"},
        ),
        (
            "Treatment of wastewater from [rare earth separation] plants.",
            {"rare earth separation": "wastewater from rare earth separation"},
        ),
        (  # somebody else buys or builds it
            "[磷酸铁前驱体]由客户从市场外购。",
            {"磷酸铁前驱体": "磷酸铁前驱体由客户从市场外购"},
        ),
        ("[推荐模块]由买方自行开发。", {"推荐模块": "推荐模块由买方自行开发"}),
        (
            "Nothing about how the [flight controller] works is disclosed.",
            {"flight controller": "Nothing about how the flight controller"},
        ),
        (  # an exclusion list under an annex heading
            "附件3 排除清单（以下内容不在供货范围内）：\n1. [磷酸铁锂]正极粉体的合成工艺包；",
            {"磷酸铁锂": "附件3 排除清单（以下内容不在供货范围内）："},
        ),
        ("母公司保留：以[锂辉石]制取氢氧化锂的全部工艺。", {"锂辉石": "母公司保留：以锂辉石"}),
        (  # inline lists of what a scope does not include
            "合同范围不包括：稀土元素的[溶剂萃取分离]流程设计、萃取槽图纸。",
            {"溶剂萃取分离": "不包括：稀土元素的溶剂萃取分离"},
        ),
        (
            "授權標的不包括：(1) [口語測評]引擎；(2) 任何原始碼。",
            {"口語測評": "不包括：(1) 口語測評"},
        ),
        (  # a scope's list of what it leaves out: a 的 inside one item joins its parts
            "我方许可内容不包括磁体的成分、[制粉]、烧结或任何[磁体制备]工艺。",
            {
                "制粉": "不包括磁体的成分、制粉",
                "磁体制备": "不包括磁体的成分、制粉、烧结或任何磁体制备",
            },
        ),
        ("电机使用外购的[钕铁硼]磁钢。", {"钕铁硼": "外购的钕铁硼"}),  # bought in
        (
            "The licence does not include: the [speech synthesis] engine.",
            {"speech synthesis": "does not include: the speech synthesis"},
        ),
        (
            "Schedule 2 (Excluded items): (a) methods for turning herbs into [prepared slices].",
            {
                "prepared slices": (
                    "Excluded items): (a) methods for turning herbs into prepared slices"
                )
            },
        ),
        (
            "The [recommendation engine] is on the exclusion list.",
            {"recommendation engine": "recommendation engine is on the exclusion"},
        ),
        ("[推荐引擎]不在许可之列。", {"推荐引擎": "推荐引擎不在许可之列"}),
        (
            "中方的[吸附法提锂]工艺及配方均由中方保留。",
            {"吸附法提锂": "吸附法提锂工艺及配方均由中方保留"},
        ),
        ("Excluded: [个性化推荐]引擎与画像模型。", {"个性化推荐": "Excluded: 个性化推荐"}),
        (  # a party that keeps it
            "母公司保留人工饲养[林麝]的繁育技术，全部留在四川。",
            {"林麝": "母公司保留人工饲养林麝"},
        ),
        (
            "The company's [tea cultivars] and cultivation methods stay in Yunnan.",
            {"tea cultivars": "tea cultivars and cultivation methods stay in Yunnan"},
        ),
        (
            "The [solver] software stays on its machine in Tianjin.",
            {"solver": "solver software stays on its"},
        ),
        (
            "集成的[车载激光雷达]由德方直接向其欧洲第三方供应商采购。",
            {"车载激光雷达": "车载激光雷达由德方直接向其欧洲第三方供应商采购"},
        ),
        ("大型[高速风洞]设计方案不在本合同内。", {"高速风洞": "高速风洞设计方案不在本合同内"}),
        (
            "[推荐算法]继续只在甲方北京机房内运行。",
            {"推荐算法": "推荐算法继续只在甲方北京机房内运行"},
        ),
        (
            "安全加固技术（[强制访问控制]框架、内核补丁）保留在北京研发中心。",
            {"强制访问控制": "安全加固技术（强制访问控制框架、内核补丁）保留在"},
        ),
        (
            "The [recommendation engine] stays in China.",
            {"recommendation engine": "recommendation engine stays in China"},
        ),
        (
            "The [recommendation engine] (ranking models, training code) stays with the parent.",
            {
                "recommendation engine": (
                    "recommendation engine (ranking models, training code) stays with the parent"
                )
            },
        ),
        (
            (
                "The [text-to-speech] engine, its voice corpus and the voice-training recipes are"
                " outside the licence."
            ),
            {
                "text-to-speech": (
                    "text-to-speech engine, its voice corpus and the voice-training recipes are"
                    " outside"
                )
            },
        ),
        (  # goods counted in units
            "Sale of 200 agricultural spray [drones] to Brazil with pilot training.",
            {"drones": "Sale of 200 agricultural spray drones"},
        ),
        ("出口200台植保[无人机]至巴西。", {"无人机": "出口200台植保无人机"}),
        ("40台[植保机]整机出口。", {"植保机": "40台植保机整机出口"}),
        (
            "Export contract - 15 survey [drones] with ground stations.",
            {"drones": "Export contract - 15 survey drones"},
        ),
        (
            "PO for 200 units mid-range [lidar] sensors (warehouse robots).",
            {"lidar": "PO for 200 units mid-range lidar sensors"},
        ),
        (
            "Order: 2,400 cases of 53% [sauce-aroma baijiu], 500 ml bottles.",
            {"sauce-aroma baijiu": "2,400 cases of 53% sauce-aroma baijiu"},
        ),
        ("Order - [baijiu], 2,400 cases", {"baijiu": "baijiu, 2,400 cases"}),
        ("Sale of 300 [firewall] appliances.", {"firewall": "Sale of 300 firewall appliances"}),
        ("我司可供应[激光雷达]整机500台。", {"激光雷达": "供应激光雷达整机"}),
        ("供货内容：航拍[无人机]整机3000台、遥控器。", {"无人机": "无人机整机3000台"}),
        ("采购我司20套测绘[无人机]整机。", {"无人机": "采购我司20套测绘无人机"}),
        ("测绘[无人机]整机出口哈萨克斯坦", {"无人机": "无人机整机出口"}),
        (
            "Export sale of automotive [LiDAR] units to a fleet operator.",
            {"LiDAR": "sale of automotive LiDAR units"},
        ),
        (  # toll processing: the work stays here, the product goes back
            (
                "We convert the customer's [spodumene] under a tolling fee. All process know-how"
                " remains with our staff in China."
            ),
            {"spodumene": "We convert the customer's spodumene under a tolling"},
        ),
        ("来料加工合同：[稀土]混合碳酸盐委托分离。", {"稀土": "来料加工"}),
        (
            "It excludes all [flight-control], navigation and [obstacle-avoidance] software.",
            {
                "flight-control": "excludes all flight-control",
                "obstacle-avoidance": (
                    "excludes all flight-control, navigation and obstacle-avoidance"
                ),
            },
        ),
        (
            "合同第3.2条明确排除[推荐算法]、[用户画像]及任何后台模型。",
            {"推荐算法": "明确排除推荐算法", "用户画像": "明确排除推荐算法、用户画像"},
        ),
        (
            "The [LFP] process shall remain exclusively with the Chinese shareholder in China.",
            {"LFP": "LFP process shall remain exclusively with the Chinese shareholder"},
        ),
        (
            "Import of 200 spraying [drones] to Brazil.",
            {"drones": "Import of 200 spraying drones"},
        ),
        (  # commercial seed, and no parent lines go with it
            (
                "It sells certified commercial F1 maize seed. No parent lines or seed-production"
                " protocols are supplied. [Hybrid maize]."
            ),
            {"Hybrid maize": "No parent lines or seed-production protocols are supplied"},
        ),
        ("本单为货物买卖，不涉及工艺资料。[中药饮片]", {"中药饮片": "为货物买卖"}),
        ("法务：按货物出口走。[植保机]", {"植保机": "按货物出口"}),
        (  # a service's results only
            "我方使用自有[无人机]进行航测，仅交付测绘成果。",
            {"无人机": "仅交付测绘成果"},
        ),
        (
            "Our crew flies our own [UAVs]. The client receives only survey results.",
            {"UAVs": "receives only survey results"},
        ),
        (
            "The Company contributes no technology. A startup developing [drones].",
            {"drones": "contributes no technology"},
        ),
        (
            "注意：本产品与[无人机]（[UAV]）无关。",
            {"无人机": "与无人机（UAV）无关", "UAV": "与无人机（UAV）无关"},
        ),
        (  # a party's own predicate: 的 joins the object's parts
            "我方不提供、也不掌握磁体的熔炼/[烧结]等[制备工艺]。",
            {"烧结": "不掌握磁体的熔炼/烧结", "制备工艺": "不掌握磁体的熔炼/烧结等制备工艺"},
        ),
        (
            "我方平台的“[猜你喜欢]”[个性化推荐]算法不属于本次服务内容。",
            {
                "猜你喜欢": "猜你喜欢”个性化推荐算法不属于本次",
                "个性化推荐": "个性化推荐算法不属于本次",
            },
        ),
        ("[TTS]模型、源代码均不提供、不授权。", {"TTS": "TTS模型、源代码均不提供"}),
        (
            "HVAC, [building automation] and environmental controls are by the MEP contractor.",
            {
                "building automation": (
                    "building automation and environmental controls are by the MEP contractor"
                )
            },
        ),
        (  # one subject: the drone stays a lead
            "The [drone] flies well, and the [speech synthesis] engine is excluded.",
            {"speech synthesis": "speech synthesis engine is excluded"},
        ),
        (
            "Commercial sale of 200 finished spray [drones] (firmware locked).",
            {"drones": "finished spray drones"},
        ),
        (
            "The units ship with a spec sheet. No technology is transferred. [LiDAR] model GL-1.",
            {"LiDAR": "No technology is transferred"},
        ),
        (
            "[推荐算法]、订单系统和结算系统均不在转让范围内。",
            {"推荐算法": "推荐算法、订单系统和结算系统均不在转让范围"},
        ),
        ("[无人机]飞控及配套地面站软件除外。", {"无人机": "无人机飞控及配套地面站软件除外"}),
        (
            "我方[稀土萃取分离]、金属冶炼等[生产工艺]不在本次转让范围内。",
            {
                "稀土萃取分离": "稀土萃取分离、金属冶炼等生产工艺不在本次转让范围",
                "生产工艺": "生产工艺不在本次转让范围",
            },
        ),
        ("出口[杂交水稻]F1代商品种子200吨。", {"杂交水稻": "杂交水稻F1代商品"}),
        (
            "注射剂（如[紫杉醇]注射液等，均为采购的成品）。",
            {"紫杉醇": "紫杉醇注射液等，均为采购的成品"},
        ),
        (
            "[LFP] cells are supplied as finished goods.",
            {"LFP": "LFP cells are supplied as finished goods"},
        ),
        (
            "It estimates the temporary threshold shift ([TTS]). The [TTS] alarm vibrates.",
            {"TTS": "temporary threshold shift (TTS)"},
        ),
        ("[CTR] (current-transformer ratio) is 200/5.", {"CTR": "CTR (current-transformer ratio)"}),
        (
            "We sell spraying [drones] to a distributor as goods.",
            {"drones": "sell spraying drones to a distributor as goods"},
        ),
        (
            "原计划许可的[个性化信息推送]技术已从合同中删除，不予许可。",
            {"个性化信息推送": "个性化信息推送技术已从合同中删除"},
        ),
        (
            "Magnets ([NdFeB]) are purchased finished from a supplier.",
            {"NdFeB": "Magnets (NdFeB) are purchased"},
        ),
        ("磁钢（[钕铁硼]）不在本次转让范围内。", {"钕铁硼": "磁钢（钕铁硼）不在本次转让范围"}),
        (
            "The [UAV flight control] software stays with our Shenzhen team.",
            {"UAV flight control": "UAV flight control software stays with our"},
        ),
        (
            "The partner flies their own certified [drones].",
            {"drones": "their own certified drones"},
        ),
        (
            "The voice component is the customer's own [TTS] engine.",
            {"TTS": "customer's own TTS"},
        ),
        (
            "No magnet material or [magnet manufacturing] know-how is included.",
            {"magnet manufacturing": "No magnet material or magnet manufacturing"},
        ),
        (
            "The [LiDAR] module shown in the marketing demo is licensed separately.",
            {"LiDAR": "LiDAR module shown in the marketing demo is licensed separately"},
        ),
        (  # a detailing bracket with a term of its own before the predicate
            (
                "The [personalised recommendation] and push module (user profiling, [recommendation"
                " algorithms], push strategies) is excluded from this Agreement."
            ),
            {
                "personalised recommendation": "personalised recommendation and push module (user"
                " profiling, recommendation algorithms, push strategies) is excluded",
                "recommendation algorithms": "module (user profiling, recommendation algorithms,"
                " push strategies) is excluded",
            },
        ),
        (
            "Our [LFP] recipes, [sintering] curves and dopant ratios are removed from it.",
            {
                "LFP": "LFP recipes, sintering curves and dopant ratios are removed",
                "sintering": "LFP recipes, sintering curves and dopant ratios are removed",
            },
        ),
        (
            "The motor uses the [sintered NdFeB] magnet purchased from a supplier in Ningbo.",
            {"sintered NdFeB": "sintered NdFeB magnet purchased from"},
        ),
        (
            (
                "The magnet material and the [magnet production technology] is not in the scope"
                " of this agreement."
            ),
            {"magnet production technology": "magnet production technology is not in the scope"},
        ),
        (
            "The [drone] module does not form part of the licence.",
            {"drone": "drone module does not form part of the"},
        ),
        (  # examples in brackets share the negation of the phrase they follow
            "本项目不涉及[航空航天轴承]的设计及制造技术（如[航空发动机主轴轴承]、高DN值轴承等）。",
            {
                "航空航天轴承": "不涉及航空航天轴承",
                "航空发动机主轴轴承": "不涉及航空航天轴承的设计及制造技术（如航空发动机主轴轴承、"
                "高DN值轴承等）",
            },
        ),
        (  # ... not the examples of another clause
            "不提供[无人机]，另提供技术（如[飞控]）。",
            {"无人机": "不提供无人机"},
        ),
        (
            "It has no [LiDAR] (e.g. [SLAM] units).",
            {"LiDAR": "no LiDAR", "SLAM": "no LiDAR (e.g. SLAM units)"},
        ),
        ("这次只买成品磁钢，[烧结钕铁硼]按图纸加工。", {"烧结钕铁硼": "只买成品"}),
        (
            "[LFP] cathode powder. We do not provide know-how; it is sold as a finished material.",
            {"LFP": "sold as a finished material"},
        ),
        (
            (
                "Seller delivers coated [sintered NdFeB] segments, finished, to drawings. Process"
                " parameters and recipes are not disclosed."
            ),
            {"sintered NdFeB": "Process parameters and recipes are not disclosed"},
        ),
        ("标的：[茶叶烘干机] 4 台。卖方不提供设备设计图纸。", {"茶叶烘干机": "不提供设备设计图纸"}),
        (
            "[激光雷达]整机，每年约30,000台。卖方不向买方提供任何设计图纸或源代码。",
            {"激光雷达": "不向买方提供任何设计图纸"},
        ),
        (
            "The buyer takes 60 sets. Each [drone] has a charger. Not included: the source code.",
            {"drone": "Not included: the source code"},
        ),
        (
            (
                "Offer: automotive [LiDAR] sensors, FOB Shanghai. Not included: design files,"
                " firmware source code."
            ),
            {"LiDAR": "Not included: design"},
        ),
        (
            (
                "Goods: 20 t [PrNd oxide]. Our separation process and extractant formulations are"
                " not disclosed."
            ),
            {"PrNd oxide": "process and extractant formulations are not disclosed"},
        ),
        (
            "The distributor buys survey [drones] for resale; no source code is provided.",
            {"drones": "no source code is provided"},
        ),
        (
            "[激光雷达]整机，约8,000台/年；不提供产品设计资料、源代码或生产工艺。",
            {"激光雷达": "不提供产品设计资料"},
        ),
        (
            "[LiDAR] for the OEM: we ship finished units. No optical design, no firmware source.",
            {"LiDAR": "No optical design"},
        ),
        (
            "[Drones] for Chile: 40 units, binary firmware, no source, no SDK.",
            {"Drones": "no source"},
        ),
        ("破壁[灵芝]孢子粉，成品出口；这次不要菌种了。", {"灵芝": "不要菌种"}),
        (
            "[Paclitaxel] injection, finished dosage form; no API extraction process.",
            {"Paclitaxel": "no API extraction process"},
        ),
        (  # a hyphenated modifier, and a bracket that lists terms after a negated one
            "No phosphate-based [cathode] ([LFP], [LMFP]) is included.",
            {
                "cathode": "No phosphate-based cathode",
                "LFP": "No phosphate-based cathode (LFP, LMFP)",
                "LMFP": "No phosphate-based cathode (LFP, LMFP)",
            },
        ),
        (
            "It has no cloud-based [recommendation engine].",
            {"recommendation engine": "no cloud-based recommendation engine"},
        ),
        (
            (
                "We offer finished [paclitaxel] injection (vials). Supply only; no manufacturing or"
                " extraction know-how is included."
            ),
            {"paclitaxel": "no manufacturing or extraction know-how is included"},
        ),
        (
            "本公司供应含人工[麝香]的中成药。供货形式为成品出口，不涉及麝香来源、养麝或生产工艺等技术资料的提供。",
            {"麝香": "不涉及麝香来源、养麝或生产工艺等技术资料"},
        ),
        (  # a question about a licence hands nothing over
            "[烧结钕铁硼]磁钢，整柜出口，不提供任何磁体制备工艺。请确认是否需要办理技术出口许可。",
            {"烧结钕铁硼": "不提供任何磁体制备工艺"},
        ),
        ("[装船机]采购合同：两台，附操作手册（货物买卖）。", {"装船机": "（货物买卖）"}),
        (
            "[锂辉石]精矿由对方运来，全部加工作业由我方员工在国内完成。",
            {"锂辉石": "加工作业由我方员工在国内完成"},
        ),
        (
            "[磷酸锰铁锂]供货协议。甲方供应正极材料成品。本合同项下不交付任何工艺文件。",
            {"磷酸锰铁锂": "不交付任何工艺"},
        ),
        (  # a vendor's product is somebody else's
            "The Licensee will fit a local vendor's synthetic [TTS] voice.",
            {"TTS": "vendor's synthetic TTS"},
        ),
        (  # a bracket that lists short parts details the term before it, however long
            (
                "The [recommendation engine] (user-behaviour models, ranking code, training"
                " pipeline) stays with the parent."
            ),
            {
                "recommendation engine": "recommendation engine (user-behaviour models, ranking"
                " code, training pipeline) stays with the parent"
            },
        ),
        (  # a seller of goods only, with no process documents: shorthand included
            "N52[烧结钕铁硼]磁钢，整柜出口德国，不涉及任何工艺资料。",
            {"烧结钕铁硼": "不涉及任何工艺"},
        ),
        ("航拍[无人机]整机及备件，只卖货，不提供源码。", {"无人机": "只卖货"}),
        (
            "[LFP] cathode powder, bulk shipment. product only no process docs.",
            {"LFP": "no process docs"},
        ),
        (
            "Xuan paper and [ink sticks]. Only finished paper is sold.",
            {"ink sticks": "Only finished paper is sold"},
        ),
        (
            "The [voice assistant] is built in. We only sell the finished products to dealers.",
            {"voice assistant": "only sell the finished products"},
        ),
        (
            "[Ganoderma] spore powder; the distributor only receives the packaged products.",
            {"Ganoderma": "only receives the packaged products"},
        ),
        (
            "[Sauce-aroma baijiu] 53% vol, FOB Shenzhen; no technical cooperation.",
            {"Sauce-aroma baijiu": "no technical cooperation"},
        ),
        (  # goods counted by a term make a sale of goods, as finished products do
            (
                "Sale of 120 spray [drones] to Brazil. The [UAVs] ship with locked firmware."
                " No source code, algorithms or design files are provided."
            ),
            {
                "drones": "Sale of 120 spray drones",
                "UAVs": "No source code, algorithms or design files are provided",
            },
        ),
        (  # a party that provides none of it, beside finished goods
            (
                "We supply [paclitaxel] API (finished, GMP grade). We provide no yew-cultivation,"
                " extraction or purification know-how."
            ),
            {"paclitaxel": "provide no yew-cultivation, extraction or purification know-how"},
        ),
        (  # what a buyer does not get, listed after a colon
            (
                "The JV buys finished products. Its [drones] run locked firmware. What the JV does"
                " not get: flight-control source code, design drawings."
            ),
            {"drones": "not get: flight-control source code"},
        ),
        (  # the kind the listed items are of ends the list: "…等生产技术均不在…"
            "[稀土萃取分离]、[稀土金属]和[磁体制备]等[生产技术]均不在本合作范围内。",
            {
                "稀土萃取分离": "稀土萃取分离、稀土金属和磁体制备等生产技术均不在本合作范围",
                "稀土金属": "稀土金属和磁体制备等生产技术均不在本合作范围",
                "磁体制备": "磁体制备等生产技术均不在本合作范围",
                "生产技术": "生产技术均不在本合作范围",
            },
        ),
        (  # a condition ends at a semicolon
            (
                "Dried [Cordyceps militaris] in jars. They asked whether we could help them grow"
                " it; this contract is for finished goods only."
            ),
            {"Cordyceps militaris": "contract is for finished goods only"},
        ),
        (  # "Excluded:" negates its own sentence, which hands nothing over
            (
                "Head unit with a [voice assistant] client, 90,000 units a year.\n- Excluded:"
                " source code of the voice engine."
            ),
            {"voice assistant": "Excluded: source code"},
        ),
        (
            "销售[杂交水稻]种子，整柜出口。不育系等亲本材料及制种技术保留在国内。",
            {"杂交水稻": "亲本材料及制种技术保留在国内"},
        ),
        (
            "[磷酸铁锂]粉体，CIF釜山。本合同仅为产品买卖。",
            {"磷酸铁锂": "为产品买卖"},
        ),
        (
            (
                "[Tea dryers] (finished machines) with operator training. Manufacturing drawings"
                " are not supplied."
            ),
            {"Tea dryers": "drawings are not supplied"},
        ),
        (  # the scope of a catalogue entry, beside what it leaves out
            "新增的[电池正极材料制备技术]条目仅涉及[磷酸铁锂]、磷酸盐正极原材料，三元材料不在其列。",
            dict.fromkeys(
                ("电池正极材料制备技术", "磷酸铁锂"),
                "新增的电池正极材料制备技术条目仅涉及磷酸铁锂、磷酸盐正极原材料，三元材料不在其列",
            ),
        ),
        (
            "The new entry covers only [LFP] and phosphate precursors; NCM is not listed.",
            {"LFP": "entry covers only LFP and phosphate precursors; NCM is not listed"},
        ),
        # an analyst's note on what is encoded, and the case beside it
        (
            (
                "The encoded points are about [rare-earth carbonitriding]. Plain nitriding isn't"
                " either of them."
            ),
            {
                "rare-earth carbonitriding": (
                    "encoded points are about rare-earth carbonitriding. Plain nitriding isn't"
                    " either of them"
                )
            },
        ),
        (
            "The heading we have encoded is about [Al-Li] alloys, which is unrelated.",
            {"Al-Li": "heading we have encoded is about Al-Li alloys, which is unrelated"},
        ),
        (  # ... the addition named without 条目, and the exclusion in the next sentence
            "今年7月新增的是[磷酸鐵鋰]、[磷酸錳鐵鋰]那一類，三元不在裡面。",
            dict.fromkeys(
                ("磷酸鐵鋰", "磷酸錳鐵鋰"), "新增的是磷酸鐵鋰、磷酸錳鐵鋰那一類，三元不在裡面"
            ),
        ),
        (
            "新增了电池正极材料制备技术，那三个点是[磷酸铁锂]和磷酸盐原材料。三元不在里面。",
            {
                "磷酸铁锂": (
                    "新增了电池正极材料制备技术，那三个点是磷酸铁锂和磷酸盐原材料。三元不在里面"
                )
            },
        ),
        (
            "The catalogue item covers [lithium iron phosphate] and precursors. NCM is not in it.",
            {
                "lithium iron phosphate": (
                    "catalogue item covers lithium iron phosphate and precursors. NCM is not in it"
                )
            },
        ),
        (
            "The new cathode item covers [LFP] and [LMFP] only, not ternary NCM.",
            dict.fromkeys(("LFP", "LMFP"), "item covers LFP and LMFP only, not t"),
        ),
        (  # ... or what the item talks about, and nothing on the rest
            (
                "The item talks about extraction and [rare-earth metals]. Nothing on oxyborate"
                " crystals."
            ),
            {
                "rare-earth metals": (
                    "item talks about extraction and rare-earth metals. Nothing on"
                )
            },
        ),
        (  # ... also in the past, without "only"
            (
                "The 2008 item covered extraction and [rare-earth metals]; crystal growth was not a"
                " control point at that time."
            ),
            {
                "rare-earth metals": (
                    "item covered extraction and rare-earth metals; crystal growth was not a"
                    " control point"
                )
            },
        ),
        ("[杂交水稻]F1种子1200吨。合同仅为种子买卖。", {"杂交水稻": "为种子买卖"}),
        # handing over abroad, denied: 不输出, 不出口
        (
            "合同明确：不输出[不育系]、[保持系]亲本。",
            {"不育系": "不输出不育系", "保持系": "不输出不育系、保持系"},
        ),
        ("我方不出口[推荐算法]源代码。", {"推荐算法": "不出口推荐算法"}),
        # an inline exclusion label with its translation before the colon
        (
            "Not covered 不覆盖: any [aerospace bearing] products or technology.",
            {"aerospace bearing": "Not covered 不覆盖: any aerospace bearing"},
        ),
        (
            (
                "[Sintered NdFeB] segments. They are not asking for any process information, only"
                " finished magnets."
            ),
            {"Sintered NdFeB": "are not asking for any process"},
        ),
        (
            (
                "[LFP] powder shipped from Sichuan with COA and MSDS. No process information is"
                " provided."
            ),
            {"LFP": "No process information is provided"},
        ),
        (
            (
                "Our [LiDAR] sensors: 2,000 units. No design files, firmware source or"
                " manufacturing information."
            ),
            {"LiDAR": "No design files"},
        ),
        (
            "[Hybrid rice] seed to Lahore. Commercial seed only: parental lines stay in China.",
            {"Hybrid rice": "parental lines stay in China"},
        ),
        (
            "日方采购[附子]饮片，整柜出口。炮制工艺属于公司技术秘密，不对外提供。",
            {"附子": "工艺属于公司技术秘密，不对外提供"},
        ),
        ("[附子]饮片按一般贸易出口。", {"附子": "一般贸易出口"}),
        ("採購成品[煙花]，全部係製成品，冇配方。", {"煙花": "冇配方"}),
        (
            "PO for the [smart speaker] line, 18,000 units; nothing in this order includes SDKs.",
            {"smart speaker": "nothing in this order includes SDKs"},
        ),
        (
            "Buyers of our [LiDAR] sensors get a datasheet. Internal designs are never shared.",
            {"LiDAR": "designs are never shared"},
        ),
        (
            "出口[无人机]电机等备件，不附带任何设计图纸。货物已报关。",
            {"无人机": "不附带任何设计图纸"},
        ),
        (
            "We narrate books with our [synthetic voices]; the publisher receives audio only.",
            {"synthetic voices": "receives audio only"},
        ),
        (  # a bracket of terms past a generic noun, ending in a short item of its own
            "No phosphate-based [cathode] chemistry ([LFP], [LMFP] or iron phosphate).",
            {
                "cathode": "No phosphate-based cathode",
                "LFP": "No phosphate-based cathode chemistry (LFP, LMFP or iron phosphate)",
                "LMFP": "No phosphate-based cathode chemistry (LFP, LMFP or iron phosphate)",
            },
        ),
        (  # a bracket that says more than terms is no gloss
            "No [cathode] (the [LFP] line is licensed).",
            {"cathode": "No cathode"},
        ),
        (  # ... or right after "no" and a modifier of its own
            "No phosphate-based ([LFP]/[LMFP]) chemistry and no precursor technology.",
            dict.fromkeys(("LFP", "LMFP"), "No phosphate-based (LFP/LMFP)"),
        ),
        (  # a hosted service's access or results only
            "A [chatbot] subscription. Service access only; no transfer of technology.",
            {"chatbot": "Service access only"},
        ),
        (
            "We test their model in our [wind tunnel]. Deliverable is a data report.",
            {"wind tunnel": "Deliverable is a data report"},
        ),
        (
            "Feed [personalisation] runs in Beijing; nothing technical leaves China.",
            {"personalisation": "nothing technical leaves"},
        ),
        (
            "合同标的：N48H [烧结钕铁硼]磁钢。仅为产品销售，不提供任何工艺。",
            {"烧结钕铁硼": "为产品销售"},
        ),
        ("Camera [drones] (finished goods) for retail.", {"drones": "(finished goods)"}),
        (
            (
                "Certified F1 [hybrid rice] seed for planting; the supplier does not provide parent"
                " lines or breeding material."
            ),
            {"hybrid rice": "does not provide parent lines"},
        ),
        (
            "[Xuan paper] for a distributor. Technology: none.",
            {"Xuan paper": "Technology: none"},
        ),
        (  # the maker of counted goods is no making
            "Purchase of 12 spray [drones] from a Shenzhen manufacturer.",
            {"drones": "Purchase of 12 spray drones"},
        ),
        (
            "The [drone] and [route planning] described in annex 3 are excluded.",
            {
                "drone": "drone and route planning described in annex 3 are excluded",
                "route planning": "drone and route planning described in annex 3 are excluded",
            },
        ),
        # a question answered no by a speaker on the next line
        (
            "Moderator: Any marketing features, [personalised offers]?\nSpeaker (GM): No.",
            {
                "personalised offers": (
                    "Moderator: Any marketing features, personalised offers?\nSpeaker (GM): No"
                )
            },
        ),
        (
            "Host: Will they get the [recommendation engine]?\nGuest: They asked, we said no.",
            {
                "recommendation engine": (
                    "Host: Will they get the recommendation engine?\nGuest: They asked, we said no"
                )
            },
        ),
        # a hyphenated word is one word of a negated list's item
        (
            "No rare-earth agents, [boron co-penetration] or [carburising] are used.",
            {
                "boron co-penetration": "No rare-earth agents, boron co-penetration",
                "carburising": "No rare-earth agents, boron co-penetration or carburising",
            },
        ),
        (  # what an item restricts, and what is outside it in the next sentence
            (
                "The 2008 item restricts only the [rare-earth-boron] agent formula. Vacuum"
                " hardening and gas nitriding are outside both control points."
            ),
            {
                "rare-earth-boron": (
                    "item restricts only the rare-earth-boron agent formula. Vacuum hardening"
                    " and gas nitriding are outside"
                )
            },
        ),
        # somebody else makes it
        (
            "No phosphate chemistry is in scope; [LFP] is made by another supplier.",
            {"LFP": "LFP is made by another supplier"},
        ),
        (
            "The [rare-earth-modified alloys] are held by a separate research institute.",
            {
                "rare-earth-modified alloys": (
                    "rare-earth-modified alloys are held by a separate research institute"
                )
            },
        ),
        # a short aside between the term and its negative predicate
        (
            "甲方的[推荐引擎]（排序模型、训练方法）不在许可之列。",
            {"推荐引擎": "推荐引擎（排序模型、训练方法）不在许可之列"},
        ),
        # examples in brackets inside an English negated phrase
        (
            "The licence does not include any phosphate-based ([LFP]/[LMFP]) cathode technology.",
            {
                "LFP": "not include any phosphate-based (LFP/LMFP)",
                "LMFP": "not include any phosphate-based (LFP/LMFP)",
            },
        ),
        (
            "We supply no rare-earth (e.g. [NdFeB] or [SmCo]) magnets.",
            {
                "NdFeB": "no rare-earth (e.g. NdFeB or SmCo)",
                "SmCo": "no rare-earth (e.g. NdFeB or SmCo)",
            },
        ),
        # a screening record's comparison line that finds no match: the catalogue's wording
        (
            "标的：CAR-T细胞制备。\n比对：[基因编辑]技术控制范围为人类生殖细胞编辑，本项不符。",
            {"基因编辑": "不符"},
        ),
        (
            "比对：053707X控制要点针对[含稀土铝锂合金]制备；本项目不涉及稀土。",
            {"含稀土铝锂合金": "不涉及"},
        ),
        (
            "比对：中药材资源控制要点涉及菌类药材（[冬虫夏草]、[灵芝]等）；香菇为食用菌，不在所列范围。",
            {"冬虫夏草": "不在所列范围", "灵芝": "不在所列范围"},
        ),
        # ... an answer that says what the catalogue holds, and concludes sentences later
        (
            "答：目录新增的是“[激光雷达]系统”，靠激光测距。毫米波雷达用电磁波。所以不算。",
            {"激光雷达": "目录新增的是“"},
        ),
        (
            "答：目录里和镓有关的，是“[氧化铝母液中提取金属镓]”那一类。你们的是外延，不属于在列技术。",
            {"氧化铝母液中提取金属镓": "目录里和镓有关的，是“"},
        ),
        # ... an analyst's review points, mid-paragraph, naming the point by its code alone
        (
            "工艺许可。审查要点：053401X已知两项针对[稀土碳氮共渗]；本案为常规真空渗碳，未发现列明技术。",
            {"稀土碳氮共渗": "；本案为"},
        ),
        (
            "审查要点：252604X第2项要求[压实密度≥2.38 g/cm³]等同时满足，本案不构成所列要点。",
            {"压实密度≥2.38 g/cm³": "不构成"},
        ),
        (
            "Subject: HHCB.\nNearest catalogue wording ([musk deer breeding]) does not apply.",
            {"musk deer breeding": "does not apply"},
        ),
    ],
)
def test_an_unambiguous_negation_sets_the_mention_aside(
    marked: str, expected: dict[str, str]
) -> None:
    assert _negated(marked) == expected


@pytest.mark.parametrize(
    "marked",
    [
        "It uses a [recommender system].",
        "Not only [personalised recommendation] but also [speech synthesis].",
        "Not only reports or [chatbot] logs are kept.",
        "Including but not limited to maps or [drone] imagery.",
        "Magnets ([NdFeB]) are made in-house.",
        "磁钢（[钕铁硼]）由我方生产。",
        "We train their [drone] pilots.",
        "The licensee's engineers use our own [TTS] engine.",
        "Products such as goods and [drone] software are licensed.",
        "The feed cannot work without its [personalised recommendation] engine.",
        "No manual curation: the feed is ranked by [personalised recommendation].",
        "No manual curation and [personalised push] ranks the feed.",
        "Without human intervention, the [drone] flies autonomously.",
        "It does not include recommendation, [speech synthesis] runs on the device.",
        "It does not rely on cloud servers: [speech synthesis] runs on-device.",
        "Including but not limited to [speech synthesis].",
        "The system no longer uses a [chatbot].",
        "Unless the [personalised push] is disabled, users see posts.",
        "No [chatbot] and relies on [personalised push] to rank posts.",  # the second one
        "[Speech synthesis] free of charge.",
        "无需人工干预，系统自动进行[个性化推荐]。",
        "系统自动进行不需要人工干预的[个性化推荐]。",
        "采用不使用云端服务器的[语音合成]方案。",
        "不仅提供[个性化推荐]，还提供[语音合成]。",
        "不是简单的规则引擎，而是[个性化推荐]系统。",
        "不采用人工编辑而采用[个性化推荐]。",
        "[无人机]飞控系统",
        "除非[个性化推荐]被关闭",
        "非洲市场的[语音合成]",
        "[推荐算法]没有人工干预。",
        "Unlike most drones our [UAV] uses a tether.",  # no comma closes the contrast
        "Unlike rule-based filters, our [recommendation engine] learns.",
        "不同于传统规则引擎，我们的[个性化推荐]实时更新。",
        "Compared with rivals, our [voice assistant] is faster.",
        "Background: the company develops [UAV] flight controllers.",
        "Competitor analysis shows our [drone] autopilot wins.",  # our own, beside theirs
        "竞争对手落后于本公司的[激光雷达]。",
        "Instead of manual curation, a [recommendation engine] ranks posts.",
        "We chose [LiDAR] rather than radar.",
        "The [drone] replaced our old survey method.",
        "Users who purchased the [drone] get firmware updates.",  # a verb and its object
        "The [drone] flies autonomously and its logs are excluded from the licence.",
        "[Drones], sensors and software are included, but maintenance is not part of it.",
        "Background of the invention: scanners are costly. Summary: a [LiDAR] probe.",
        "除[个性化推荐]外，还提供[语音合成]。",  # besides X, also Y
        "除[推荐算法]外均不转让。",  # only X is transferred
        "除[推荐算法]外，公司开发了订单系统。",  # says nothing of the scope
        "[推荐算法]已上线，订单系统由买方自建，不在本次转让范围内。",  # another subject
        "[推荐算法]已上线，该公司的订单系统不在范围内。",  # 该公司: another subject
        "[推荐系统]已上线，该系统的日志模块不在范围内。",  # a part of it
        "[推荐算法]由我方开发，相关文档均随本次转让交付。",
        "Exclusions\nNone. The [recommendation engine] is licensed in full.",
        "The option was not exercised.\n[LiDAR] module is delivered.",  # a sentence
        "- LiDAR: not included\n- [drone] software",  # a list item, no heading
        "The licence excludes training.\nThe [drone] autopilot is licensed.",  # a sentence
        "We will not provide training\n- [NdFeB] magnet preparation",  # no colon: no list
        "本合同不提供培训\n- [钕铁硼]磁体制备工艺",
        "3. Scope and exclusions\n3.1 The [drone] autopilot is licensed.",
        "第三条 许可范围及除外条款\n3.1 [无人机]飞控。",
        "不使用云端（但本地运行[语音合成]）。",  # the brackets turn it
        "不涉及人工干预的推送（[个性化推荐]）。",  # past a 的: what the clause describes
        "本项目并非不涉及[卤水提锂]技术，工艺包随合同转让。",  # a negation of a negation
        "不是不提供[语音合成]，而是另行收费。",
        "我们是一家[语音合成]公司，本次许可核心引擎。",  # our own
        "拟转让给巴西一家[植物药]企业。",  # a recipient: often in that very business
        "We license the design to a [LiDAR] maker.",
        "The [drone] autopilot of the survey line is licensed to the buyer.",
        "[语音合成]企业简介：拟许可核心引擎。",  # no word makes it another organisation
        "Our [drone] company licenses the autopilot.",
        "The option for [LiDAR] is exercised in 2025.",
        "Our competitors lag behind our [drone] autopilot.",
        "We finished [LiDAR] testing in May.",  # a verb
        "It has an option to license the [LiDAR] design. The option was exercised in May.",
        "问：出口[智能音箱]是否属于技术出口？",  # a question
        "如另行提供源代码，则不再属于货物贸易。[无人机]飞控。",  # a condition
        "Sold as goods. The buyer also receives the [drone] autopilot source code.",
        # counted goods beside a licence, and no "no know-how" without goods
        "Sale of 120 spray [drones]. The [drone] autopilot is licensed to them. No source code.",
        "The [drone] autopilot design is licensed. No source code is provided.",
        # a bracket after other words than "no" and one modifier, or that says more
        "We know phosphate-based ([LFP]/[LMFP]) chemistry well.",
        "No doubt the ([LFP]) line is licensed.",
        # a sentence that hands code over outweighs "nothing in this order"
        (
            "[Drone] kits shipped from Shenzhen; nothing in this order includes SDKs. The"
            " flight-control source code is licensed separately."
        ),
        # a service that says how it runs is no declaration of results only
        "Our [wind tunnel] team delivers the design; the deliverable is licensed.",
        # "e.g." ends no sentence: the example is still inside the question
        (
            "We buy the [riboflavin] process. Advise whether any alternative exists (e.g. toll"
            " manufacturing in China)."
        ),
        # a catalogue's scope alone, or with our technology in it, is no scope set apart
        "目录仅涉及[磷酸铁锂]，本项目正是此类。",
        "The entry covers only [LFP] and our plant makes it.",
        "The entry covers [LFP] preparation; our process is exactly that.",
        "目录包括[个性化推送]。",
        # a "but" in the gap turns a Chinese refusal; a party that keeps nothing
        "[激光雷达]模组，整柜出口，不提供售后服务但提供设计资料。",
        "[Tea dryers] for resale. The drawings are licensed to the buyer; no source code.",
        "[推荐算法]与订单系统对接的数据不在范围内。",  # 与: "with", not a list
        "[钕铁硼]磁体从毛坯到成品的加工工艺。",  # making goods is technology
        "授权对方生产[无人机]成品。",
        "[烧结钕铁硼]成品率提升至98%。",  # yield
        "[推荐算法]商品化落地。",  # commercialisation
        "[推荐系统]已上线，是本公司的主要商品。",
        "We ship a [text-to-speech] ([TTS]) engine.",  # defined by a term: the same sense
        "[CTR] ([click-through rate]) prediction.",
        "Our [TTS] (text to speech) engine.",  # no term, but not the words before a bracket
        "The [TTS] engine (v2) speaks.",  # a bracket that spells nothing
        "The [LiDAR] module shown in the marketing demo is licensed to the buyer.",
        "The sensor cleaner used with the [LiDAR] housing is not included.",  # not the subject
        "The [drone] used in the trials by the farmers of three provinces is not included.",
        "Know-how for making finished [drones], to be transferred.",
        "不提供人工客服的[智能问答系统]。",  # no party: maybe a relative clause
        # a service run for the client: no finished goods
        "The [recommendation engine] runs on our servers; no source code or know-how is shared.",
        "我们签订货物贸易合同，另转让[推荐算法]源代码。",
        "Supply of 3 [drone] autopilot source-code licences.",  # code: technology
        "The licence covers our [recommendation engine] (listed in the catalogue).",
        "[稀土萃取分离]工艺及其废水处理一并转让。",  # the process with its waste
        "[Rare earth separation] process and wastewater treatment.",
        "从[稀土]尾矿中回收稀土。",  # tailings: metallurgy
        "[推荐模块]由我方自行开发后交付。",  # we build it
        "We are not sure about the [speech synthesis] vendor.",
        "We sold our 3 [drone] patents to them.",
        "仅交付[推荐算法]模型和训练数据。",  # a model and data: technology
        "The client receives only the results; the [drone] autopilot source code is licensed.",
        "Order for 5 [LiDAR] design licences.",
        "出口[激光雷达]整机制造技术。",  # making complete machines: technology
        "钐钴永磁体的[时效]工艺并非不在交付之列。",  # not not delivered
        "It sells not only finished sintered [NdFeB] magnets but also the know-how to make them.",
        "The [drone] is licensed to the buyer.",
        "All [drones] are licensed.",
        "Excluded: none. The [recommendation engine] is licensed in full.",
        "母公司保留商标权，向子公司转让[推荐算法]源代码。",  # the clause ends what it keeps
        "[推荐算法]不在国内使用。",  # not 不在本合同内
        "来料加工合同，另向对方转让[稀土分离]工艺文件。",  # technology handed over too
        "Export sale of [LiDAR] units and the [LiDAR] design know-how.",
        "中方保留在[推荐算法]方面的权利，但转让源代码。",
        "通过[推荐算法]排除垃圾内容。",  # 排除: filters out
        "本合同并不包括：[推荐算法]以外的内容。",  # 并不: the colon list is not what it leaves out
        "☑ [个性化推送]已开通",  # a ticked box
        # the client's business without a disclaimer: it may be what it receives
        "The client, a maker of [drones], receives our design files.",
        "客户是一家[激光雷达]公司。我们转让设计。",
        "Is the [speech synthesis] engine included? Yes, with source code.",  # answered yes
        "是否包含[语音合成]？无人机不包括，语音合成包括。",  # 无人机 is no answer of 无
        "本产品不含稀土的[永磁电机]已量产。",  # no scope before 不含: a relative clause
        "The [recommendation engine] (ranking models, training code) is licensed in full.",
        "Items on the control list such as [LiDAR] were checked; our [LiDAR] is licensed.",
        "Sale of 20 [drones]; the [flight control] source code is licensed.",  # handed over
        "拟向巴西出口50台[无人机]飞控源代码。",
        "[推荐算法]均不提供给第三方。",  # to whom
        "The [drone] is by far the best seller.",
        "[推荐算法]不转让给第三方，但授权买方使用。",
        "我们和[语音合成]厂商合作，与其无关。",  # 与 what? not the term
        "[推荐算法]和语音合成相结合。",
        "仅供参考：[推荐算法]源代码许可给买方。",  # 仅供 what? not goods
        "[LiDAR] modules sourced from us are licensed to the buyer.",  # we are the source
        "[LiDAR] design licence; no SDK.",  # no goods
        "We do not provide know-how to the public; the [LiDAR] design is licensed to the buyer.",
        "出口4台[茶叶烘干机]，并提供设备设计图纸。",  # drawings handed over
        "Goods: 20 t [PrNd oxide] and the separation process; extractants are not disclosed.",
        # design documents handed over outweigh the declaration
        "Supply of 3 sets of [drone] design documents; no source code is provided.",
        "出口4台[茶叶烘干机]。交付工艺设计文件。卖方不提供源代码。",
        "We ship 40 units of [drone] autopilot boards, and the source code is licensed.",
        "The [drone] (e.g. [flight control]) is licensed.",
        "No Python-based tooling, but a [recommendation engine] runs.",
        "We license our [TTS] engine to a vendor's subsidiary.",  # the vendor receives it
        # a long remark, not a list of parts
        (
            "The [recommendation engine] (which our team in Shenzhen rebuilt twice over the years"
            " for the parent) stays with the parent."
        ),
        "[磷酸锰铁锂]供货协议。甲方供应正极材料成品，另交付工艺文件。",
        "[麝香]提取工艺许可；成品出口不涉及包装设计等技术资料。",  # the licence hands it over
        # finished products only, but the code goes too
        "We only sell the finished products; the [voice assistant] source code is licensed.",
        # a long bracket is a remark of its own: its predicate is not the subject's
        (
            "The [LiDAR] module (a remark on how [SLAM] was developed by a partner over many years"
            " in Shenzhen) is excluded."
        ),
        "We sell products only to licensees of our [recommendation engine] source code.",
        "[无人机]整机出口，另提供飞控源代码。",  # code handed over too
        "[LFP] powder, FOB Ningbo; the process package is licensed to the buyer.",
        "[烧结钕铁硼]成品率提升至98%，不提供样品。",  # yield; no sample is no know-how
        # brackets in a negated phrase that say more than examples, or too far from it
        "We do not only license phosphate-based ([LFP]) technology.",
        "Our plant is not in Europe ([LFP] is made in Hungary).",
        "No spare parts for the new large cathode ([LFP]) line are sold.",
        "Q: Is the [recommendation engine] licensed?\nMr Li (CTO): Yes, the whole engine.",
        "The [LFP] powder is made by our partner plant.",
        "许可不添加重稀土的[烧结钕铁硼]磁体制备技术。",  # 的: what qualifies the term
        "这不是简单的排序，而是[个性化推荐]。",  # 不是…而是: a turn
        "We sell [LFP] on the market.",
        "我们不是只做[个性化推荐]。",  # 不是只: a restriction
        "一种不用[天然麝香]、药效相当的代用原料。",  # what a substitute replaces
        # what the catalogue holds, in a text that does not conclude the technology is free
        "目录新增的是[激光雷达]系统。我们许可的正是车载激光雷达设计。",
        "Dealers get free of charge access to our [recommendation engine].",
        # a comparison line that finds a match, or whose negated part is the project's own
        "比对：[磷酸锰铁锂]与252604X第1项控制要点相符；本项不符合豁免条件。",
        "比对：本项目涉及053707X[含稀土铝锂合金]控制要点，不涉及禁止类。",
        "对照：本项目为[磷酸铁锂]正极制备，不涉及磷酸锰铁锂。",
        "Comparison: the [LiDAR] item applies; a licence is required, not a general one.",
        # the other party's feedstock, or a term past the phrase that names theirs
        "西澳客户已有[锂精矿]，我们授权氢氧化锂工艺包。",
        "客户现有的无人机加装[飞控]系统。",
        # a background or a phase that is the deal's own
        "Background: we license our [LFP] process to Hungary.",
        "项目背景：向匈牙利许可[磷酸铁锂]正极制备工艺。",
        "Phase 2 (signed in May): the [recommendation engine] is delivered.",
        "Customer profile: browsing history feeds the [personalised recommendation].",
        # a turning word outside quotation marks still turns
        "不属于“传统工艺”，而是用于[人的细胞克隆]。",
        # the catalogue's scope in a text that does not conclude the technology is free
        "目录中“[基因编辑]技术”的范围针对人类生殖细胞，本项目正是胚胎编辑。",
        "The item is confined to [human germ-cell] editing; our process edits human embryos.",
        # the process itself, for a purpose
        "We license the [LFP] preparation process intended for [LFP] production lines.",
        # a scope sentence whose list does not end on "only"
        "The 252604X item covers [LFP] and [LMFP]; we license our LFP process.",
        "The 252604X item covers only [LFP] and our licence is for it.",
        # a verb's phrase, not a list: "X flies at night and …"
        "The [drone] flies at night and the cameras are excluded.",
        # a new sentence's own subject after a spec sheet's lines ends their list
        "lots:\n  [compaction density] 2.45 g/cm3\n  The high-density grade is NOT part of it.",
        '"Licensed Technology" means the [LFP] process.',
    ],
)
def test_anything_less_certain_stays_a_lead(marked: str) -> None:
    negated = _negated(marked)
    if marked.startswith("No [chatbot]"):
        assert negated == {"chatbot": "No chatbot"}
    else:
        assert negated == {}


def test_overlapping_terms_are_negated_together() -> None:
    """The term index keeps overlapping hits ("个人化推荐" and "推荐演算法" in 個人化推薦演算法)."""
    text = "It does not use any personalised recommendation engine."
    first = text.index("personalised recommendation")
    second = text.index("recommendation engine")
    spans = [(first, first + 27), (second, second + 21)]
    assert set(negations(text, spans)) == {0, 1}
    zh = "也不提供个人化推荐算法。"
    assert set(negations(zh, [(4, 9), (7, 11)])) == {0, 1}


# Without n, o, x, w, f, 不, 没, 未, 无, 非 and 并 the alphabet can spell no cue.
_NO_CUE = st.text(
    alphabet="abcdeghijklmpqrstuvyz ,.;()[]推荐算法语音合成用户画像，。、", max_size=80
)


@settings(max_examples=300, deadline=None)
@given(_NO_CUE)
def test_text_that_can_spell_no_cue_negates_nothing(marked: str) -> None:
    if marked.count("[") != marked.count("]") or "[[" in marked or "]]" in marked:
        marked = marked.replace("[", "").replace("]", "")
    assert _negated(marked) == {}


_CUED = st.sampled_from(
    [
        ("It does not use any ", "."),
        ("There is no ", " at all."),
        ("本系统不涉及", "。"),
        ("产品没有", "功能。"),
    ]
)
_TERMS = st.sampled_from(["speech synthesis", "chatbot", "个性化推荐", "无人机", "LiDAR"])
_PREAMBLE = st.sampled_from(["", "Intro. ", "背景介绍。", "Scope:\n\n", "We make boats; "])


@settings(max_examples=200, deadline=None)
@given(_CUED, _TERMS, _PREAMBLE)
def test_a_negation_holds_in_its_clause_only(
    cued: tuple[str, str], term: str, preamble: str
) -> None:
    """The negating words cover the term; text before the clause changes nothing; a clause
    end between the cue and the term undoes the negation."""
    head, tail = cued
    alone = _negated(f"{head}[{term}]{tail}")
    assert list(alone) == [term]
    assert alone[term].endswith(term)
    assert _negated(f"{preamble}{head}[{term}]{tail}") == alone
    for stop in (". ", "。", "; ", "\n\n"):
        assert _negated(f"{head.rstrip()}{stop}[{term}]{tail}") == {}


def test_negated_mentions_are_listed_and_not_counted(
    run_cli: RunCli, write_profile: Callable[..., Path]
) -> None:
    path = write_profile(
        title="企业资源计划系统",
        summary="面向制造企业的ERP系统。本系统不涉及个性化推荐、语音合成或无人机技术。",
    )
    out = run_cli("check", str(path), "--as-of", "2025-09-01", "--format", "json")
    assert out.exit_code == 0, out.stderr
    (result,) = json.loads(out.stdout)["results"]
    assert result["decision"] == "free"
    assert [(n["capability"], n["words"]) for n in result["negated"]] == [
        ("recommendation.personalised-push", "不涉及个性化推荐"),
        ("speech.synthesis", "不涉及个性化推荐、语音合成"),
        ("uav.platform", "不涉及个性化推荐、语音合成或无人机"),
    ]
    first = result["negated"][0]
    assert (first["path"], first["text"], first["line"]) == ("summary", "个性化推荐", 3)
    text = run_cli("check", str(path), "--as-of", "2025-09-01", "--lang", "zh").stdout
    assert "原文另有所指的缩写），未予计入：“不涉及个性化推荐” (summary, 3:" in text


def test_explain_says_why_a_negated_mention_does_not_count(
    run_cli: RunCli, write_profile: Callable[..., Path]
) -> None:
    path = write_profile(summary="Payroll software. It has no voice assistant.")
    out = run_cli(
        "explain", str(path), "--entry", "086501X", "--as-of", "2025-09-01", "--format", "json"
    )
    assert out.exit_code == 0, out.stderr
    negated = [leaf for leaf in _leaves(json.loads(out.stdout)) if leaf["note"] == "negated"]
    assert negated
    assert negated[0]["detail"] == "ai.interactive-interface: \u201cno voice assistant\u201d"
    text = run_cli("explain", str(path), "--entry", "086501X", "--as-of", "2025-09-01").stdout
    assert "“no voice assistant” — negated in the description" in text


def _leaves(node: object) -> list[dict[str, object]]:
    """Every condition of every trace in an explain document."""
    if isinstance(node, list):
        return [leaf for item in node for leaf in _leaves(item)]
    if not isinstance(node, dict):
        return []
    here = [node] if "note" in node and "truth" in node else []
    return here + [leaf for value in node.values() for leaf in _leaves(value)]


_FRAGMENTS = st.sampled_from(
    [
        *("no ", "not ", "does not use ", "without ", "neither ", " nor ", "doesn't ", "unlike "),
        *("除", "外，本次转让包括", "以外的模块均", "，还提供", "，明年才可能开发"),
        "，不属于本次授权",
        "，该产品线均不在范围内",
        "，该公司的",
        " is a third-party product",
        *("\n", "\n\n", "3. Excluded Technology\n", "第三条 除外技术\n", "4. Fees\n", "None. "),
        "Article 9 – Option (not exercised)\n",
        *("成品", "商品", "，均为采购的成品", "加工工艺", " cells are supplied as finished goods"),
        *("一家", "企业", " makers", "foreign ", "option to add the ", " was not exercised"),
        *("选择权未行使", "零售", "Several regional competitors "),
        *("、订单系统和结算系统均", "、金属冶炼等", "及配套地面站软件除外"),
        *("提供整机不提供技术。", "No technology is transferred. ", "是否属于货物贸易？", "源代码"),
        *("finished ", " units for resale", "an option to also license ", ". The option expired"),
        *("Not licensed: ", "如今后提供源代码，", "magnet material ", "not only ", "limited to "),
        *(" stays with our team", "their own ", "Magnets (", ") are purchased", "）"),
        *("the customer's own ", "our own ", "a local vendor's ", " supplier's "),
        *(" magnet purchased from a supplier", " sourced from us", " does not form part of the "),
        *(" is not in the scope of", " do not fall within the ", " are removed from the templates"),
        *("phosphate-based ", "-grade ", " (", ", ", ")"),
        *("Supply only; ", " know-how is included", "不涉及麝香来源、养麝或生产工艺等技术资料"),
        *("请确认是否需要办理技术出口许可。", "提取工艺许可；"),
        *("（货物买卖）", "全部加工作业由我方员工在国内完成", "不交付任何工艺文件"),
        *(" (user-behaviour models, ranking code, training pipeline)", " stays with the parent"),
        *("temporary threshold shift (", ") ", " (current-transformer ratio)", "（", "）", "("),
        *(" shown in the demo ", " are excluded", " is licensed separately"),
        *(" is excluded", " was removed", " is not part of it", "-free", " out of scope"),
        *("a competitor's ", "rivals' ", ", ", " or ", " and ", ". ", ": ", " the ", " only "),
        *(
            "不涉及",
            "没有",
            "未采用",
            "无",
            "非",
            "除非",
            "不同于",
            "竞品的",
            "、",
            "或",
            "，",
            "。",
        ),
        *(
            "不在本次转让范围内",
            "除外",
            "我们没有",
            "也",
            "的",
            "基于",
            "背景技术：",
            "prior art: ",
        ),
        *("[speech synthesis]", "[chatbot]", "[LiDAR]", "[个性化推荐]", "[无人机]", "[语音合成]"),
        *("engine ", "system ", "功能", "业务", "works ", "runs ", "data "),
        *("removed the ", "(yet) ", "，不在转让范围内", "Excluded technology: ", "冇", "唔包括"),
        *(" is licensed separately", " is outside the licence", "experimental ", "对手用"),
        *("Competitor A sells ", "竞争对手采用", "our ", "我们", "The rival "),
        *("instead of ", "rather than ", " was replaced", "已被人工坐席取代", "，仅供参考"),
        *("，不构成转让标的", "不再有", "放弃", " programme was cancelled", "未纳入"),
        *("bought-in ", "purchased the ", " magnets are bought in", "采购的", "外购"),
        *(" are excluded from the licence", " remain with the seller", " flies ", "source code "),
        *(
            "与",
            "无关",
            "無關",
            " unrelated to ",
            "一律不转让",
            "、萃取剂配方与级数设计、",
            "不在转让范围：",
        ),
        *(
            " come from a third-party OEM",
            "授權範圍",
            " ranging module ",
            " carved out",
            "goods export",
        ),
        *(" is expressly excluded", ", and the licensor shall not deliver, ", "亲本材料及"),
        *("我方不提供、也不掌握", "磁体的", "“", "”", "均不提供", " are by the MEP contractor"),
        *("Sale of 200 ", "出口200台", " spray ", "; the source code is licensed", "至巴西"),
        *(" catalogue (e.g. ", "目录（如", " (such as ", "control list", ")"),
        *("Service access only", "(hosted service only)", "Deliverable is a data report"),
        *(" are not asking for any process information", " shipped from Sichuan", " COA", "MSDS"),
        *("No design files, firmware source or manufacturing information.", "Buyers of our "),
        *(
            "Commercial seed only: ",
            "parental lines stay in China",
            "炮制工艺属于公司技术秘密，不对外提供",
        ),
        *("按一般贸易出口", "全部係製成品，冇配方", "nothing in this order includes SDKs"),
        *(" designs are never shared", "不附带任何设计图纸", " receives audio only", "发货"),
        *("no transfer of technology", "nothing technical leaves China", "no  technology transfer"),
        *(
            "合同仅为种子买卖",
            "仅为产品销售",
            " (finished goods)",
            "Technology: none",
            " manufacturer",
        ),
        *(" does not provide parent lines", "We do not receive any production know-how"),
        *("条目仅涉及", "，三元材料不在其列", " entry covers only ", "; NCM is not listed", "目录"),
        *("新增的是", "，三元不在里面", " item covers ", ". NCM is not in it", ", not ternary"),
        *(" item restricts only ", " are outside both"),
        *("厂含氨氮废水", " plant wastewater", "wastewater from ", "工艺及其废水", " effluent"),
        *("由客户从市场外购", "由我方自行开发", "Nothing about how the ", " works is disclosed"),
        *(
            "Export contract - 15 ",
            " units ",
            "2,400 cases of ",
            ", 2,400 cases",
            "40台",
            "整机出口",
        ),
        *("为货物买卖", "按货物出口", " contributes no technology", " sensors ", " patents"),
        *("仅交付测绘成果", " receives only survey results", "deliverables only", "仅获得"),
        *("Sale of 300 ", " appliances", "500 t of ", " seed", "commercial F1 maize seed. "),
        *("供应", "整机", "整机制造技术", "Import of 200 "),
        *("附件3 排除清单：\n", "母公司保留：", "不在许可之列", "保留在北京", "继续只在机房内运行"),
        *(
            " stays in China",
            "合同范围不包括：",
            "整机3000台",
            "明确排除",
            "Excluded: ",
            "均由中方保留",
            "母公司保留",
            " stay in Yunnan",
            "不在本合同内",
            "来料加工",
            " under a tolling fee",
            " units ",
            "整机出口",
            "excludes all ",
            " process shall remain exclusively with the Chinese shareholder",
            "does not include: ",
            "Schedule 2 (Excluded items): ",
            " exclusion list",
            " (ranking models, code)",
            " stays with the parent",
            "并非不在交付之列",
        ),
        *("不输出", "不出口", "Not covered 不覆盖: ", "纯货物买卖", "一代杂交蚕种", "不提供原种"),
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=14).map("".join))
@example("Article 9 – Option (not exercised)\n[speech synthesis]")  # a cue inside an aside
@example("[语音合成]、订单系统和结算系统均零售第三条 除外技术\n")  # a cue past list items
@example("40台our [无人机]采购的 was not exercised under a tolling fee")  # 采购: a sale word
@example("[speech synthesis] units (yet) are by the MEP contractorthe customer's own")  # 's
@example(
    "catalogue (e.g.  only 背景技术：) the licensor shall not deliver, [无人机]"
)  # colon in an aside
def test_the_quick_gate_never_changes_an_answer(marked: str) -> None:
    """negations() runs a pass over a clause only when the clause holds a word the pass
    starts from (a speed-up); with every pass run everywhere, the answers are the same."""
    text, spans = _unmarked(marked)
    assert negations(text, spans) == negations_in(text, spans, gated=False)


def test_the_pass_triggers_cover_every_cue() -> None:
    """A pass over a clause runs only when the clause holds one of its trigger characters:
    every Chinese cue must begin with one (the property test above samples; this is exact)."""
    from exportcheck.negation import chinese

    assert all(cue[0] in chinese._ZH_CUE_CHARS for cue in chinese._ZH_CUES)
    assert all(cue[0] in chinese._ZH_CUE_CHARS for cue in chinese._ZH_BARE)
    pending = re.search(r"\(\?:([^)]*)\)", chinese._ZH_PENDING)
    assert pending is not None
    assert all(word[0] in chinese._PENDING_FIRST for word in pending.group(1).split("|"))


# Abbreviations in the vocabulary and what they stand for: written out before the abbreviation
# in brackets, they must be terms too, or the text would read as defining it in another sense.
_EXPANSIONS = {
    "TTS": "text-to-speech",
    "HPC": "high-performance computing",
    "UAV": "unmanned aerial vehicle",
    "UAS": "unmanned aircraft system",
    "SLAM": "simultaneous localization and mapping",
    "LFP": "lithium iron phosphate",
    "LMFP": "lithium manganese iron phosphate",
    "CAM": "cathode active material",
    "GBD": "grain boundary diffusion",
    "HDDR": "hydrogenation-disproportionation-desorption-recombination",
    "ADAS": "advanced driver assistance systems",
    "NGFW": "next-generation firewall",
    "HTGR": "high-temperature gas-cooled reactor",
    "VLFS": "very large floating structure",
    "LIDAR": "light detection and ranging",
}


@pytest.mark.parametrize(("acronym", "expansion"), sorted(_EXPANSIONS.items()))
def test_a_vocabulary_abbreviation_spelled_out_keeps_its_sense(
    kb: KnowledgeBase, acronym: str, expansion: str
) -> None:
    text = f"The licence covers the {expansion} ({acronym}) software."
    hits = kb.term_index.find(text)
    spans = [(h.start, h.end) for h in hits]
    at = text.index(f"({acronym})") + 1
    assert (at, at + len(acronym)) in spans  # the abbreviation is a term
    assert negations(text, spans) == {}


_DECLARATION_PARTS = st.sampled_from(
    [
        *("提供整机", "不提供技术", "作为", "属于", "為", "一般", "商品", "货物", "貨物", "出口"),
        *("贸易", "貿易", "不", "构成", "構成", "涉及", "屬於", "任何", "技术", "技術", "转让"),
        *("轉讓", "无需", "無需", "办理", "辦理", "按", "sold ", "as ", "finished ", "goods"),
        *(" only", "-only", "a ", "sale ", "export ", " of ", "no ", "technology ", "is "),
        *("transferred", "not ", "an ", "does ", "constitute ", "involve ", "amount to ", ", "),
        *("sell ", "ships ", " sale", " trade", "provided", " for extracting gallium "),
        *("，", "。", "货物贸易", "We supply finished, ", "no API process, ", " know-how "),
        *("仅交付", "测绘成果", " receives only ", "survey ", "results", " are delivered", "only "),
        *("commercial ", "seed. ", "parent lines ", "protocols ", "are supplied"),
        *(" go to the distributor", " manufacturing documents", " is shared", "\n"),
        *("只卖货", "仅销售", "产品", "成品", "整柜出口", "不涉及任何工艺资料", "工艺资料均不提供"),
        *("the distributor ", " only receives ", "packaged ", "products", "Only finished paper"),
        *("We only sell the finished ", " units"),
        *(
            "只买成品",
            "出货",
            "40 units of ",
            "no source",
            ", no SDK",
            "不要菌种",
            "finished dosage form",
        ),
        *("No optical design", " no API extraction process", "12 containers"),
        *(" for resale", "4 台", "不提供设备设计图纸", "We do not provide manufacturing know-how"),
        *("Goods: ", "货物：", " sensors", "Not included: design files, ", "firmware source code"),
        *("60 sets", "不向买方提供任何设计图纸", " design documents", "交付工艺设计文件"),
        *(
            " sold as a finished material",
            " recipes are not disclosed",
            "no source code is provided",
        ),
        *("本合同仅为产品买卖。", "亲本材料及制种技术保留在国内", "技术资料不向需方提供"),
        *("不提供发射、扫描、测距等设计资料", "our finished display shells", "F1 hybrid rice seed"),
        *("first-generation hybrid silkworm eggs", "the distributor", "importer", "120,000 vials"),
        *("No parent lines, ", "no seed-production manuals", "We provide no ", "yew-cultivation"),
        *(" technology is supplied", "Manufacturing drawings are not supplied", " pcs"),
        *(" information is confidential and not provided", "What the JV does not get: "),
        *("The brand asked whether we could help — we said no; ", "for finished goods only"),
        *(
            " is sold",
            "product only ",
            "no process docs",
            "FOB Shenzhen",
            "no technical cooperation",
        ),
        *("纯货物买卖", "純屬商品貿易", "一代杂交蚕种5万张", "杂交水稻商品种子（F1代）"),
        *(
            "不提供原种或亲本",
            "不输出不育系、保持系亲本",
            "不提供制种技术",
            "Annual supply contract: ",
        ),
        *(" with material certificates", " and inspection reports", "No process information "),
        *("on magnet production is shared.", "发往巴西的五十台植保无人机本周装柜。", "网店上新："),
        *("飞控源代码和算法不提供。", "Annual spare parts for the unloaders. "),
        *("Parent seed and seed production stay in our Hunan base.",),
        *("只做货物贸易", "仅成药产品出口", "只做成品销售", "has no access to the recipes"),
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_DECLARATION_PARTS, max_size=10).map("".join))
def test_the_goods_only_gate_lets_every_declaration_through(text: str) -> None:
    """goods_only_declaration() looks for a declaration only in text that holds one of a few
    words (a speed-up): every text the declaration pattern matches must hold one."""
    from exportcheck.lazyre import compiled
    from exportcheck.negation import document

    if compiled(document._GOODS_ONLY).search(text.lower()):
        assert not document._text_cues(text.lower()).isdisjoint(document._GOODS_ONLY_WORDS)
    # ... and each part of the pattern is tried only where the text holds one of its words
    cues = document._text_cues(text.lower())
    for words, pattern in document._GOODS_ONLY_PARTS:
        if compiled(pattern).search(text.lower()):
            assert not cues.isdisjoint(words), pattern
    # ... and so is a "no know-how goes" sentence beside finished goods, each part of those
    # two patterns tried only where the text holds one of its words
    finished = compiled(document._FINISHED_GOODS).search(text.lower())
    if finished and compiled(document._NO_KNOW_HOW).search(text.lower()):
        assert not cues.isdisjoint(document._GOODS_ONLY_WORDS)
    held = document._part_words(text.lower())
    for words, pattern in (*document._FINISHED_GOODS_PARTS, *document._NO_KNOW_HOW_PARTS):
        if compiled(pattern).search(text.lower()):
            assert not held.isdisjoint(words), pattern


@settings(max_examples=300, deadline=None)
@given(st.lists(_FRAGMENTS | _DECLARATION_PARTS, max_size=14).map("".join))
def test_both_ways_of_finding_whole_text_cues_agree(text: str) -> None:
    """One test per word (a process's first texts) and the automaton find the same cues."""
    from exportcheck.negation import document

    lowered = text.lower()
    assert document._text_cues(lowered, automaton=False) == document._text_cues(
        lowered, automaton=True
    )
    assert document._part_words(lowered, automaton=False) == document._part_words(
        lowered, automaton=True
    )


@pytest.mark.parametrize(
    ("text", "declared"),
    [
        ("泾县宣纸厂出口生宣、熟宣各200刀予日本书道会，纯货物买卖。", "纯货物买卖"),
        ("該批貨物純屬商品貿易。", "純屬商品貿易"),
        (  # every item of the list is goods
            "Order:\n1. 200 spraying drones (goods)\n2. Spare batteries (goods)",
            "(goods)",
        ),
        (
            "The agreement covers the sale of finished cathode material only. No licence is given.",
            "agreement covers the sale of finished cathode material only",
        ),
        ("The contract covers sale of the API only.", "contract covers sale of the API only"),
        (
            "Only finished goods and material certificates are supplied.",
            "Only finished goods and material certificates are supplied",
        ),
        (  # a buyer's purchase that wants no technology
            (
                "We confirm the purchase of 35 units; we do not receive the flight control"
                " software source or any design documents."
            ),
            "do not receive the flight control software source",
        ),
        (
            "We order 300 finished units. We do not require the design documents.",
            "do not require the design",
        ),
        (
            "Order for 3 kg of the finished API; we don't need any information about extraction.",
            "don't need any information about extraction",
        ),
        (
            "Delivery of finished magnet segments; we do not receive any production know\nhow.",
            "do not receive any production know\nhow",
        ),
        (
            "蚕种场向乌兹别克斯坦出口一代杂交蚕种5万张，附饲养技术说明，不提供原种或亲本。",
            "不提供原种",
        ),
        (
            "出口杂交水稻商品种子（F1代）800吨。不输出不育系、保持系亲本，不提供制种技术。",
            "不输出不育系、保持系亲本",
        ),
        (
            (
                "Annual supply contract: N52SH magnets, with material certificates and inspection"
                " reports. No process information on magnet production is shared."
            ),
            "No process information on magnet production is shared",
        ),
        ("蛹虫草干品进了商超，就是卖包装好的干货，不教种植。", "就是卖包装好的干货"),
        ("我们是贸易商，走的是普通货物出口报关。", "是普通货物出口"),
        (  # samples of a material are goods too
            "向韩国实验室寄送2 kg磷酸铁锂正极粉体样品及检测报告。仅寄送样品本身，不提供配方。",
            "仅寄送样品",
        ),
        (
            "For the joint paper we ship LFP powder samples only, with their test reports.",
            "ship LFP powder samples only",
        ),
        (
            "Only the cathode samples are sent to the Korean laboratory.",
            "Only the cathode samples are sent",
        ),
        # ... or in an analyst's shorthand
        (
            (
                "Our plant ships finished NdFeB magnet segments. No process specifications, no"
                " training."
            ),
            "No process specifications",
        ),
        (
            "The workshop sells 20,000 sheets of finished Xuan paper. No technique, no training.",
            "No technique",
        ),
        # ... beside a sentence that reserves the know-how to the seller
        (
            (
                "Only finished paper is exported. The contract reserves all manufacturing know-how"
                " to us."
            ),
            "Only finished paper is exported",
        ),
        (
            "We ship finished sheets of xuan paper. No production know-how is offered.",
            "No production know-how is offered",
        ),
        ("首批500吨发往韩国。本次为材料产品销售，不涉及工艺或配方转让。", "不涉及工艺"),
        # a service performed in China whose results alone go abroad
        ("平台及模型全部部署在国内服务器上，技术不出境。", "技术不出境"),
        ("出境的仅是批改结果报告。", "出境的仅是批改结果"),
        (
            "It is a production service performed entirely in China.",
            "performed entirely in China",
        ),
        ("The models run only on our servers in China.", "run only on our servers in China"),
        ("Only survey outputs leave; the drones stay here.", "Only survey outputs leave"),
        # ... in plain English: "we only supply the material", "we can not open the code"
        (
            "We send 5 kg LFP samples with COA. We only supply the material.",
            "only supply the material",
        ),
        (
            "12 units spraying drone ship by sea. Firmware is locked, we can not open the code.",
            "can not open the code",
        ),
        # a substance sold as such, to a party that holds a licence of its own
        (
            (
                "Paclitaxel API, shipped cold-chain to a licensed generic manufacturer. Sale of"
                " the substance only; no manufacturing process or know-how transferred."
            ),
            "no manufacturing process",
        ),
        (  # know-how that stays with the maker
            (
                "Finished pills in retail packs for the distributor. Formulas and production"
                " know-how stay with the manufacturer."
            ),
            "Formulas and production know-how stay with the manufacturer",
        ),
        (  # a long list of what is withheld
            (
                "Order for 20,000 finished LiDAR sensors. No schematics, source code, optical"
                " design files or manufacturing know-how are supplied."
            ),
            (
                "No schematics, source code, optical design files or manufacturing know-how are"
                " supplied"
            ),
        ),
        (  # drones counted with 架, their software licensed for use only
            "供货：工业级多旋翼无人机40架、巡检数据管理软件（二进制授权）。不提供：飞控系统源代码、导航或避障算法。",
            "不提供：飞控系统源代码",
        ),
        (
            "Robot vacuum listing. Consumer product sale – no design files or firmware source.",
            "no design files",
        ),
        (  # a thread's conclusion outweighs what was asked for before it
            (
                "7-09 法务：飞控算法源码出境属于限制出口技术，要许可。\n"
                "7-17 法务：最终意见：本单为货物出口，无技术转让。"
            ),
            "为货物出口",
        ),
        # only goods trade or only products, in a small firm's words
        ("向悉尼华人超市出口瓶装白酒，只做货物贸易。", "只做货物贸易"),
        ("经销商负责注册和销售。仅成药产品出口。", "仅成药产品出口"),
        # goods with no know-how, said plainly in a chat
        ("这批30台植保机下周发货。用户自己画航线，我们不给算法。", "不给算法"),
        ("订了6台茶叶烘干机，下周装柜。制造图纸和工艺都不出去。", "工艺都不出去"),
        ("经销商订了200吨杂交稻种。亲本和制种技术一律不出去。", "技术一律不出去"),
        # goods repaired or replaced under warranty, with no know-how said to go
        (
            "售后记录：植保无人机保修维修，更换电机。未提供飞控源代码、算法资料或任何设计文件。",
            "未提供飞控源代码",
        ),
        (
            "客户购买我司无人机6台。培训只涉及产品操作，未涉及飞控算法或任何设计资料。",
            "未涉及飞控算法或任何设计资料",
        ),
        (
            "RMA record: LiDAR units swapped. No design or manufacturing information was provided.",
            "No design or manufacturing information was provided",
        ),
    ],
)
def test_a_sale_of_goods_is_declared_in_these_words(text: str, declared: str) -> None:
    from exportcheck.negation import goods_only_declaration

    span = goods_only_declaration(text)
    assert span is not None
    assert text[span[0] : span[1]] == declared


@pytest.mark.parametrize(
    "text",
    [
        "纯度99.9%的产品销售给客户，并转让提纯工艺。",  # 纯度 is purity
        "出口一代杂交蚕种5万张，并提供原种和制种技术。",  # nothing withheld
        "向农户供应杂交一代蚕种（不含亲本），并提供养蚕技术指导。",  # a technical service too
        (  # a licence of the process beside the goods
            "Annual supply contract: magnets. The sintering process is also licensed to the buyer;"
            " no drawings are shared."
        ),
        "Supply agreement under negotiation: will no process information be shared?",  # asks
        (  # a label marks its own item goods, beside an item of technology
            "Package:\n(a) Synthesis recipe of our adsorbent and the unit design.\n"
            "(b) One adsorption skid (goods), ex-works Xining.\n(c) Operator training."
        ),
        (  # ... also a bracketed tolling note, in circled-number items
            "标的：\n① 晶体制备技术：提拉法生长工艺、原料配比，转让给外方；\n"
            "② 晶体切割及抛光服务（由中方工厂完成，来料加工）；\n③ 镀膜设备1台（货物）。"
        ),
        (  # ... and in a schedule's W-numbered items
            "SCHEDULE\nW1  Design technology for the reactor pressure vessel: design methods.\n"
            "W2  Large forgings, delivered finished and machined (goods).\nW3  Welder training."
        ),
        (  # samples first, then a licence of the process in a later phase
            "Phase 1: we ship LFP samples only. Phase 2: we license the preparation process to"
            " the JV."
        ),
        "第一阶段仅寄送磷酸铁锂样品；第二阶段向合资公司许可制备工艺。",
        "这不是货物出口，是工艺许可。",  # not goods
        # ... without a conclusion's label, the source code discussed still counts
        "7-09 法务：飞控算法源码出境属于限制出口技术，要许可。\n7-17 本单为货物出口。",
        "供货：无人机40架。不提供设计图纸；飞控软件源代码授权给买方。",  # source licensed
        "公司架构调整，3架构师负责。不提供源代码。",  # 架构 is no count of aircraft
        "方式：☑技术转让　☑种质提供　☐仅产品贸易",  # an option not ticked
        "对方要求提供配方和工艺。建议婉拒，继续只做成品出口。",  # advice, the request still open
        (  # ... and in a bid's numbered requirements
            "Requirement 1: licence of our co-penetrating agent formula and process.\n"
            "Requirement 2: training.\nRequirement 3: furnaces (goods), 2 pit furnaces."
        ),
        # goods exports in general, beside a technology licence
        "We license the gallium process. Goods exports already need dual-use licences.",
        # an alternative an adviser offers, not the deal
        (
            "Tianyi would provide the flight-control source. Alternatively, Tianyi could supply"
            " pre-flashed controllers as components, with no source code."
        ),
        "The cooperation is prohibited. Zhongba may export processed pieces as goods.",
        # results in China, beside a licence of the engine abroad
        "批改在境内完成，技术不出境；另向英方许可评分模型源代码。",
        "Marking is performed entirely in China, and the engine source code is licensed to them.",
        # a warranty visit that hands know-how over after all
        (
            "RMA record: LiDAR units replaced. No design information was provided, but the"
            " calibration algorithm source code is licensed to the customer."
        ),
    ],
)
def test_these_words_declare_no_sale_of_goods(text: str) -> None:
    from exportcheck.negation import goods_only_declaration

    assert goods_only_declaration(text) is None


def test_a_title_that_names_goods_makes_the_summary_one_that_sells_them() -> None:
    from exportcheck.negation import goods_only_declaration, sells_goods

    assert sells_goods("Distribution agreement – Xuan paper and calligraphy supplies")
    assert not sells_goods("Licence of the Xuan paper making process")
    summary = "Products: Xuan paper, ink sticks. 纸厂造纸工艺不属于本协议，不提供工艺信息。"
    assert goods_only_declaration(summary) is None  # nothing here says goods are sold as such
    assert goods_only_declaration(summary, sold=True) is not None
    assert goods_only_declaration(summary + "该工艺另行许可给经销商。", sold=True) is None
    # ... also where the buyer has no access to the technology
    summary = "Pills for Singapore. The partner has no access to formulation technology."
    assert goods_only_declaration(summary) is None
    declared = goods_only_declaration(summary, sold=True)
    assert declared is not None
    assert summary[declared[0] : declared[1]] == "has no access to formulation"


_PURCHASE_ORDER = (
    "PO 24-0117: please supply 40,000 pcs N42 sintered NdFeB ring magnets, CIF Aarhus, with"
    " material certificates."
)


def test_goods_and_nothing_else_name_the_goods() -> None:
    from exportcheck.negation import goods_and_nothing_else

    found = goods_and_nothing_else(["PO for magnets", _PURCHASE_ORDER])
    assert found is not None
    index, (start, end) = found
    assert (index, _PURCHASE_ORDER[start:end]) == (1, "40,000 pcs")
    # a negated word of technology does not count, and training in the product is selling it
    quiet = " No process information is shared. Dealer staff get product training."
    assert goods_and_nothing_else(["PO", _PURCHASE_ORDER + quiet]) is not None


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # goods ordered by the piece, installed, and their users trained
        (
            "Tea dryers for Rwanda",
            (
                "We would like to buy six of your continuous tea dryers for our estate, with "
                "installation and one week of operator training."
            ),
        ),
        (
            "",
            "Please quote: we order 40 of your spraying drones plus the pilot training course.",
        ),
        (
            "",
            "澳洲客户订了30台植保无人机整机。我们派一个售后去两周，教他们的飞手怎么开、怎么换电池。",
        ),
        ("", "香港一家藥材行向我們訂購當歸、黃芪等飲片共兩噸，要求附檢驗報告。"),
        ("", "印度药厂订紫杉醇原料药20公斤，要GMP证书和COA。只卖原料药。"),
        (
            "",
            "Purchase order: 3,000 aerial shells and 120 cakes, delivered CIF. Safety data only.",
        ),
        # a request turned down hands nothing over
        (
            "",
            (
                "They ordered 20 of our LiDAR units with the user manual. They asked for the "
                "firmware source; we said no, only the SDK."
            ),
        ),
        ("", "客户订了50台无人机整机。对方想要飞控源码，我们拒绝了。"),
    ],
)
def test_these_descriptions_are_goods_alone(title: str, summary: str) -> None:
    from exportcheck.negation import goods_and_nothing_else

    assert goods_and_nothing_else([title, summary]) is not None


def test_a_supply_contract_in_chinese_sells_goods() -> None:
    from exportcheck.negation import sells_goods

    assert sells_goods("长距离带式输送机供货合同（智利）")
    assert sells_goods("供货：8.5 km 曲线带式输送机成套设备")


@pytest.mark.parametrize(
    "text",
    [
        "We buy 2 licences of your design software.",  # licences are not goods by the piece
        "订购技术服务：磁钢烧结工艺咨询",  # nor is a service ordered
        "Buy the drones from a local dealer.",  # no count
        "供货方负责技术培训。",  # the supplier, not a supply of goods
        "针麻开颅经验交流，我方专家赴美演示 3 台。",  # operations are counted with 台 too
        "上周做了5台手术，选穴方案由我院提供。",
    ],
)
def test_these_orders_sell_no_goods(text: str) -> None:
    from exportcheck.negation import sells_goods

    assert not sells_goods(text)


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("PO", _PURCHASE_ORDER + " The sintering process is licensed to the buyer."),
        ("PO", _PURCHASE_ORDER + " 另提供烧结工艺。"),
        ("PO", _PURCHASE_ORDER + " Our engineers will commission the line."),
        ("", "We would like to buy six of your tea dryers, with installation and the drawings."),
        ("", "澳洲客户订了30台植保无人机整机，并教他们的工程师改飞控程序。"),
        ("", "They ordered 20 of our LiDAR units. They asked for the firmware source; we agreed."),
        ("PO with the process licence", _PURCHASE_ORDER),  # the title speaks too
        ("", "不仅销售50台无人机成品，还将提供飞控源代码。"),  # "not only" is no negation
        ("", "本公司不出售磁钢成品，只做加工服务。"),  # goods negated are no goods
        ("", "原种蚕品种（非杂交一代）及繁育"),  # nor are goods that are not F1
        ("Magnet shipment", "Ship the magnets next week."),  # no words of goods sold as such
    ],
)
def test_these_descriptions_are_not_goods_alone(title: str, summary: str) -> None:
    from exportcheck.negation import goods_and_nothing_else

    assert goods_and_nothing_else([title, summary]) is None


def test_a_question_hands_nothing_over_beside_a_goods_declaration() -> None:
    from exportcheck.negation import goods_only_declaration

    text = "出口杂交水稻商品种子（F1代）200吨。不提供亲本。需要技术出口许可吗？"
    assert goods_only_declaration(text) is not None
    assert goods_only_declaration(text.replace("需要技术出口许可吗？", "另授予制种许可。")) is None


def test_a_form_box_written_in_brackets_leaves_its_line_out() -> None:
    from exportcheck.negation import negations

    text = "Scope:\n[x] Localisation kit\n[ ] Speech synthesis engine\n[x] Voice chatbot"
    terms = [(text.index(t), text.index(t) + len(t)) for t in ("Speech synthesis", "Voice chatbot")]
    assert set(negations(text, terms)) == {0}


def test_chinese_written_with_spaces_between_words_reads_as_without() -> None:
    """A word-segmented text ("合同 是 纯 货物 买卖") is read with those spaces taken out; the
    negation it finds is mapped back onto the text as written."""
    from exportcheck.negation import read

    spaced = "我方 许可 内容 不包括 制粉 和 烧结 ， 只 提供 电机 设计 。"
    compact = spaced.replace(" ", "")
    for text in (spaced, compact):
        start = text.index("制粉")
        reading = read(text, [(start, start + 2)])
        (words,) = [text[a:b] for a, b in reading.negated.values()]
        assert words.replace(" ", "") == "不包括制粉"
    goods = "客户 下单 500 t 。 合同 是 纯 货物 买卖 ： 没有 工艺 转让 。 产品 为 磷酸铁锂"
    term = goods.index("磷酸铁锂")
    declared = read(goods, [(term, term + 4)]).goods_only
    assert declared is not None
    assert goods[declared[0] : declared[1]].replace(" ", "") == "纯货物买卖"


@given(
    st.lists(st.sampled_from(["\n", "\n  ", "\n\u3000\u3000"]), min_size=1, max_size=3),
    st.data(),
)
def test_chinese_wrapped_between_lines_reads_as_one_line(
    breaks: list[str], data: st.DataObject
) -> None:
    """A line break (with its indentation) between two Chinese characters is a wrap: the text
    reads as on one line, and what it finds maps back onto the text as written."""
    from exportcheck.negation import read

    line = "与稀土碳氮共渗、稀土渗碳及稀土硼共渗工艺无关"
    terms = ("稀土碳氮共渗", "稀土渗碳", "稀土硼共渗")
    inside = [i for i in range(1, len(line)) if not any(_within(line, t, i) for t in terms)]
    cuts = sorted(set(data.draw(st.lists(st.sampled_from(inside), min_size=1, max_size=3))))
    wrapped, at = "", 0
    for cut, brk in zip(cuts, breaks * 3, strict=False):
        wrapped += line[at:cut] + brk
        at = cut
    wrapped += line[at:]
    spans = [(wrapped.index(t), wrapped.index(t) + len(t)) for t in terms]
    reading = read(wrapped, spans)
    assert sorted(reading.negated) == [0, 1, 2]
    start, end = reading.negated[0]
    assert wrapped[start:end].replace("\n", "").replace(" ", "").replace("\u3000", "") == line


def _within(line: str, term: str, cut: int) -> bool:
    """Whether cutting ``line`` at ``cut`` splits ``term``."""
    at = line.index(term)
    return at < cut < at + len(term)


def test_a_line_break_after_punctuation_or_before_a_list_mark_stays() -> None:
    """Q&A lines and list items start on their own line: those breaks are no wraps."""
    from exportcheck.negation import read

    text = "问：技术内容是什么？\n答：锂辉石提锂工艺。\n问：是否已取得许可？\n答：否。"
    term = text.index("锂辉石提锂")
    assert read(text, [(term, term + 5)]).negated == {}


def test_a_goods_word_inside_a_term_still_declares_a_sale_of_goods() -> None:
    """ "杂交一代蚕种" is one term, so the masked text no longer shows "一代" (first-generation
    eggs, the commercial product); the sale of goods it declares holds all the same."""
    negated = _negated("只从国内[蚕种场]采购[杂交一代蚕种]按季出口供应，不提供原种、母种。")
    assert negated == {"蚕种场": "不提供原种", "杂交一代蚕种": "不提供原种"}
    assert _negated("只从国内[蚕种场]采购蚕种按季出口供应，另提供养蚕技术。") == {}
