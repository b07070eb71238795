"""All user-facing prose templates, in English and Chinese, in one place.

Legal text (consequences, next steps) is *not* here: it is catalogue data (regime.yaml).
These templates only connect facts into sentences.
"""

from __future__ import annotations

from typing import Any

from exportcheck.model import Lang

_TEMPLATES: dict[str, dict[Lang, str]] = {
    "outcome.prohibited": {"en": "prohibited", "zh": "禁止出口"},
    "outcome.licence-required": {"en": "licence required", "zh": "需申领出口许可证"},
    "outcome.review": {"en": "review needed", "zh": "需人工复核"},
    "outcome.free": {"en": "free (not listed)", "zh": "自由出口（未列入）"},
    # Short decision names for headings: 需复核（REVIEW）.
    "decision.prohibited": {"en": "PROHIBITED", "zh": "禁止出口"},
    "decision.licence-required": {"en": "LICENCE-REQUIRED", "zh": "需申领许可证"},
    "decision.review": {"en": "REVIEW", "zh": "需复核"},
    "decision.free": {"en": "FREE", "zh": "自由出口"},
    "class.prohibited": {"en": "prohibited", "zh": "禁止类"},
    "class.restricted": {"en": "restricted", "zh": "限制类"},
    "basis.asserted": {"en": "asserted facts", "zh": "申报的结构化事实"},
    "basis.indicated": {"en": "text indications", "zh": "文本中的线索"},
    "basis.mixed": {
        "en": "asserted facts together with text indications",
        "zh": "申报的结构化事实及文本中的线索",
    },
    "cp.number": {"en": "control point {number}", "zh": "控制要点第{number}项"},
    "cp.unnumbered": {
        "en": "control point (number not established for {version})",
        "zh": "控制要点（{version}版编号未确认）",
    },
    "entry.nocode": {"en": "(code not established)", "zh": "（编号未确认）"},
    "finding.head": {
        "en": "{code} {name} ({klass}; catalogue {version}, {instrument}), {cp}: {cp_text}.",
        "zh": "{code} {name}（{klass}；目录{version}版，{instrument}），{cp}：{cp_text}。",
    },
    "finding.entry_head": {
        "en": "{code} {name} ({klass}; catalogue {version}, {instrument}); the entry as a whole "
        "(its control points are not encoded).",
        "zh": "{code} {name}（{klass}；目录{version}版，{instrument}）；"
        "按条目整体判断（其控制要点未录入）。",
    },
    "finding.entry_part_head": {
        "en": "{code} {name} ({klass}; catalogue {version}, {instrument}); the entry as a whole "
        "(this part of it is not encoded as a control point).",
        "zh": "{code} {name}（{klass}；目录{version}版，{instrument}）；"
        "按条目整体判断（该部分未作为控制要点录入）。",
    },
    "finding.rule": {
        "en": "Rule {rule} matched on {basis}: {evidence}.",
        "zh": "规则 {rule} 依据{basis}命中：{evidence}。",
    },
    "finding.outcome": {"en": "Outcome: {outcome}.", "zh": "结论：{outcome}。"},
    "finding.capped": {
        "en": "Held at review because {reasons}.",
        "zh": "因{reasons}，结论保留为人工复核。",
    },
    "finding.provenance": {
        "en": "Catalogue facts: {confidence}; sources {sources}.",
        "zh": "目录事实可信度：{confidence}；来源 {sources}。",
    },
    "reason.indicated": {
        "en": "the match rests on words in the description, not on asserted capabilities",
        "zh": "命中仅依据描述文字而非申报的能力",
    },
    "reason.unknown": {"en": "{what} not stated", "zh": "未说明{what}"},
    "reason.entry-level": {
        "en": "the entry's control points are not encoded, so the profile cannot be "
        "tested against them",
        "zh": "该条目的控制要点未录入，无法逐项比对",
    },
    "reason.entry-part": {
        "en": "this part of the entry is not encoded as a control point, so the profile "
        "cannot be tested against its wording",
        "zh": "该条目的这一部分未作为控制要点录入，无法逐项比对",
    },
    "reason.inferred-control-point": {
        "en": "the control point's wording is inferred, not read in an official text",
        "zh": "该控制要点的表述系推断，未见于官方文本",
    },
    "reason.later-wording": {
        "en": "the control point's wording is that of a later amendment; the wording in "
        "force in {version} was not seen",
        "zh": "该控制要点的表述为其后修订的文本，{version}版当时的表述未见",
    },
    "reason.uncertain-entry": {
        "en": "whether this entry is in the {version} catalogue is not established",
        "zh": "该条目是否列于{version}版目录尚未确认",
    },
    "reason.inferred-entry": {"en": "the entry itself is inferred", "zh": "该条目本身系推断"},
    "evidence.text": {
        "en": "{path} says \u201c{text}\u201d (term \u201c{term}\u201d)",
        "zh": "{path}中出现\u201c{text}\u201d（词条\u201c{term}\u201d）",
    },
    "evidence.value": {"en": "{path} = {text}", "zh": "{path} = {text}"},
    "evidence.more": {
        "en": "… and {count} more (all of them in --format json)",
        "zh": "……另有{count}处（--format json 列出全部）",
    },
    "evidence.none": {"en": "no direct evidence", "zh": "无直接证据"},
    "free.incomplete": {
        "en": "No listed technology was found in the encoded part of the catalogue ({encoded} of "
        "{expected} entries encoded). This is not a clearance.",
        "zh": "在已录入的目录部分（{encoded}/{expected}条）中未发现列名技术。这并非出口许可结论。",
    },
    "free.complete": {"en": "No listed technology was found.", "zh": "未发现列名技术。"},
    "transfer": {"en": "Transfer by {mode}: {why}", "zh": "转让方式：{mode}。{why}"},
    "note.set_aside": {
        "en": "Denied by the author: {capability} ({where}). The description's {quoted} "
        "would indicate it, directly or through its parts; they were not counted towards it.",
        "zh": "作者已明确否认：{capability}（{where}）。描述中的{quoted}原本会直接或经由组成部分"
        "指向该能力，未予计入。",
    },
    "note.denied_unused": {
        "en": "Denied by the author: {capability} ({where}); nothing in the description "
        "indicated it, so the denial changed nothing.",
        "zh": "作者已明确否认：{capability}（{where}）；描述中没有指向该能力的内容，"
        "该否认未改变结论。",
    },
    "note.negations": {
        "en": "Mentions not counted, because the description rules them out where they stand "
        "(a negation, a contrast, somebody else's product, goods rather than technology, an "
        "exclusion clause or section, a background section, a request the text turns down, "
        "or an abbreviation the text defines in another sense): {quoted}. "
        "If the technology does have it, list the capability under capabilities.",
        "zh": "以下提及在原文中即被排除（否定、对比、他人的产品、货物而非技术、除外条款或章节、"
        "背景技术部分、被拒绝的对方请求，"
        "或原文另有所指的缩写），未予计入："
        "{quoted}。如确实具备该技术，请在 capabilities 中列出该能力。",
    },
    "note.denials": {
        "en": "The description may deny what it names: {quoted}. Words in the text stay a "
        "lead; if the technology does not have it, list the capability under "
        "not_capabilities.",
        "zh": "描述中可能否认了所提及的技术：{quoted}。文本仍作为线索处理；如确不具备，"
        "请在 not_capabilities 中列出该能力。",
    },
    "note.domestic": {
        "en": "The destination is CN. The 条例 covers transfers of technology from inside the PRC "
        "to outside it (Art. 2): a transfer that stays within China is not a technology export, "
        "so nothing here decides it. Were the technology to leave China, it would meet: "
        "{listed}. Check again with the real destination if any of it goes abroad (including "
        "to a foreign party in China under the dual-use rules).",
        "zh": "目的地为CN。条例调整的是从中国境内向境外转移技术（第二条）："
        "在境内转让不属于技术出口，因此以下内容不影响本结论。如该技术出境，将涉及：{listed}。"
        "如有任何部分出境（包括按两用物项规则向境内的外国主体提供），请以实际目的地重新检查。",
    },
    "note.domestic_text": {
        "en": "No destination is given, and the description says the technology comes into or "
        "stays within China: \u201c{quoted}\u201d ({where}). The 条例 covers transfers of "
        "technology from inside the PRC to outside it (Art. 2), so nothing here decides it. Were "
        "the technology to leave China, it would meet: {listed}. Give the destination and check "
        "again if any of it goes abroad (including to a foreign party in China under the "
        "dual-use rules).",
        "zh": "未给出目的地，描述称技术进入中国或在境内转让：\u201c{quoted}\u201d（{where}）。"
        "条例调整的是从中国境内向境外转移技术（第二条），因此以下内容不影响本结论。如该技术出境，"
        "将涉及：{listed}。如有任何部分出境（包括按两用物项规则向境内的外国主体提供），请填写目的地"
        "后重新检查。",
    },
    "note.inbound_text": {
        "en": "The destination is {destination}, but the description says the technology comes "
        "into China from there: \u201c{quoted}\u201d ({where}). The 条例 covers transfers of "
        "technology from inside the PRC to outside it (Art. 2), so nothing here decides it. Were "
        "the technology to leave China, it would meet: {listed}. If any of it goes abroad "
        "(a licence back, improvements, technical service), check that part again on its own.",
        "zh": "目的地为{destination}，但描述称技术由该处进入中国：\u201c{quoted}\u201d（{where}）。"
        "条例调整的是从中国境内向境外转移技术（第二条），因此以下内容不影响本结论。如该技术出境，"
        "将涉及：{listed}。如有任何部分出境（回授许可、改进技术、技术服务），请就该部分单独重新检查。",
    },
    "note.outside_text": {
        "en": "The description says the technology is held and transferred outside the mainland "
        "with no mainland part in it: \u201c{quoted}\u201d ({where}). The 条例 covers transfers "
        "of technology from inside the PRC to outside it (Art. 2), and Hong Kong, Macao and "
        "Taiwan are outside it for this purpose, so nothing here decides it. Were the "
        "technology to leave the mainland, it would meet: {listed}. Confirm where it was "
        "developed and is held; if any of it comes from the mainland (a parent, a team, "
        "servers), check again with that part.",
        "zh": "描述称该技术在中国大陆以外持有和转让，不涉及大陆任何一方：\u201c{quoted}\u201d"
        "（{where}）。条例调整的是从中国境内向境外转移技术（第二条），就此而言香港、澳门、台湾"
        "在境外，因此以下内容不影响本结论。如该技术自大陆出境，将涉及：{listed}。请核实技术的"
        "研发地和持有地；如有任何部分来自大陆（母公司、团队、服务器），请就该部分重新检查。",
    },
    "note.threshold": {
        "en": "Not listed on the stated values: {point} (rule {rule}) would apply, but "
        "{values}. The catalogue lists it only at its thresholds; confirm the values and their "
        "test conditions.",
        "zh": "按所述数值不在目录之列：{point}（规则 {rule}）本可适用，但{values}。目录仅对达到"
        "指标的技术加以管制；请核实数值及其测试条件。",
    },
    "threshold.value": {
        "en": "{parameter} = {stated} does not meet {threshold} ({where})",
        "zh": "{parameter} = {stated}，未达到 {threshold}（{where}）",
    },
    "note.idle_blocks": {
        "en": "Asserted but deciding nothing: {capabilities} counts only beside another "
        "capability of the same rule (a building block). Assert the capability that names the "
        "technology, or the missing one (exportcheck catalog search shows both).",
        "zh": "已申报但不起作用：{capabilities} 只有与同一规则中的其他能力同时成立时才有意义"
        "（组合用词）。请申报直接指明该技术的能力，或补充缺少的能力（可用 exportcheck catalog "
        "search 查询）。",
    },
    "dual_use": {"en": "Dual-use: {text}", "zh": "两用物项：{text}"},
    "coverage": {
        "en": "{encoded} of {expected} entries encoded{complete}",
        "zh": "已录入 {encoded}/{expected} 条{complete}",
    },
    "coverage.incomplete": {"en": " (incomplete)", "zh": "（不完整）"},
    "header": {
        "en": "catalogue {regime} {version} ({instrument}{as_of}); {coverage}",
        "zh": "目录 {regime} {version}版（{instrument}{as_of}）；{coverage}",
    },
    "header.as_of": {"en": ", as of {date}", "zh": "，基准日 {date}"},
    "label.rule": {"en": "rule", "zh": "规则"},
    "label.catalogue": {"en": "catalogue", "zh": "目录"},
    "label.note": {"en": "note", "zh": "注"},
    "label.control_point": {"en": "control point", "zh": "控制要点"},
    "label.free_domestic": {
        "en": " (not an export: the destination is CN)",
        "zh": "（目的地为CN，不属于技术出口）",
    },
    "label.free_domestic_text": {
        "en": " (not an export: the description says it comes into or stays within China)",
        "zh": "（描述称技术进入中国或在境内转让，不属于技术出口）",
    },
    "label.free_outside_text": {
        "en": " (not an export from China: the description says it is held outside the mainland)",
        "zh": "（描述称技术在中国大陆以外持有，不属于自中国的技术出口）",
    },
    "free.outside_text": {
        "en": "Not a technology export from China: the description says the technology is held "
        "and transferred outside the mainland, with no mainland part in it (条例 Art. 2).",
        "zh": "不属于自中国的技术出口：描述称该技术在中国大陆以外持有和转让，不涉及大陆任何一方"
        "（条例第二条）。",
    },
    "free.domestic_text": {
        "en": "Not a technology export: the description says the transfer comes into or stays "
        "within China (条例 Art. 2).",
        "zh": "不属于技术出口：描述称该转让为技术进口或在中国境内进行（条例第二条）。",
    },
    "free.domestic": {
        "en": "Not a technology export: the transfer stays within China (条例 Art. 2).",
        "zh": "不属于技术出口：该转让在中国境内进行（条例第二条）。",
    },
    "label.free_incomplete": {
        "en": " (no listed technology found in the encoded part of the catalogue)",
        "zh": "（在目录已录入部分中未发现列名技术）",
    },
    "free.if_unlisted": {
        "en": "If it is not listed elsewhere in the catalogue: {consequence}",
        "zh": "如目录其他部分也未列明：{consequence}",
    },
    "summary.profiles": {"en": "profiles", "zh": "档案"},
    "summary.prohibited": {"en": "prohibited", "zh": "禁止"},
    "summary.licence-required": {"en": "licence-required", "zh": "需许可"},
    "summary.review": {"en": "review", "zh": "需复核"},
    "summary.free": {"en": "free", "zh": "自由"},
    "mode.assignment": {"en": "assignment", "zh": "转让"},
    "mode.licence": {"en": "licence", "zh": "许可"},
    "mode.technical-service": {"en": "technical service", "zh": "技术服务"},
    "mode.investment": {"en": "investment", "zh": "投资"},
    "mode.source-code": {"en": "source code", "zh": "源代码"},
    "mode.other": {"en": "other", "zh": "其他"},
    "confidence.official-text": {"en": "official text", "zh": "官方文本"},
    "confidence.secondary-source": {"en": "secondary source", "zh": "二手来源"},
    "confidence.inferred": {"en": "inferred", "zh": "推断"},
    "trace.true": {"en": "satisfied", "zh": "满足"},
    "trace.false": {"en": "not satisfied", "zh": "不满足"},
    "trace.unknown": {"en": "unknown", "zh": "未知"},
    "note.asserted": {"en": "asserted", "zh": "已申报"},
    "note.indicated": {"en": "indicated by text", "zh": "文本提示"},
    "note.denied": {"en": "denied by the author", "zh": "已明确否认"},
    "note.negated": {"en": "negated in the description", "zh": "描述中已否定"},
    "note.absent": {"en": "not in the profile", "zh": "档案中无此项"},
    "note.not-stated": {"en": "not stated", "zh": "未说明"},
    "note.stated": {"en": "stated", "zh": "已说明"},
    "note.fails": {"en": "stated, threshold not met", "zh": "已说明，未达阈值"},
    "note.match": {"en": "matches", "zh": "匹配"},
    "note.mismatch": {"en": "does not match", "zh": "不匹配"},
    "note.text-exception": {
        "en": "the text that indicates it also names the exception",
        "zh": "提示该项的文本同时写明了除外情形",
    },
    # exportcheck catalog …
    "catalog.list_head": {
        "en": "catalogue version {version}: {encoded} of {expected} entries encoded, "
        "{uncertain} of uncertain status",
        "zh": "目录{version}版：已录入 {encoded}/{expected} 条，状态不确定 {uncertain} 条",
    },
    "catalog.no_code": {"en": "(no code)", "zh": "（无编号）"},
    "catalog.code_not_seen": {"en": "(code not seen)", "zh": "（编号未见）"},
    "catalog.points": {"en": "{count} control points", "zh": "控制要点 {count} 项"},
    "catalog.defined_at": {"en": "defined at", "zh": "定义位置"},
    "catalog.codes": {"en": "codes (crosswalk):", "zh": "各版本编号（对照）："},
    "catalog.draft": {"en": "draft", "zh": "征求意见稿"},
    "catalog.sector": {"en": "sector", "zh": "行业"},
    "catalog.in_force": {"en": "in force", "zh": "施行状态"},
    "catalog.history": {"en": "history:", "zh": "沿革："},
    "catalog.no_source": {"en": "no source", "zh": "无来源"},
    "catalog.control_points": {"en": "control points ({count}):", "zh": "控制要点（{count}项）："},
    "catalog.sources": {"en": "sources:", "zh": "来源："},
    "catalog.sources_inline": {"en": "sources", "zh": "来源"},
    "catalog.note": {"en": "note", "zh": "注"},
    "catalog.at": {"en": "at", "zh": "位置"},
    "catalog.number_unknown": {"en": "number not established", "zh": "序号未确定"},
    "catalog.parameter": {"en": "parameter", "zh": "参数"},
    "catalog.diff_head": {
        "en": "catalogue {old} -> {new}: {count} entries changed",
        "zh": "目录 {old} -> {new}：{count} 个条目有变化",
    },
    "catalog.no_changes": {"en": "no changes", "zh": "无变化"},
    "catalog.diff_heading": {"en": "Catalogue {old} → {new}", "zh": "目录 {old} → {new}"},
    "catalog.control_point": {"en": "control point", "zh": "控制要点"},
    "catalog.recoded": {"en": "code {old} -> {new}", "zh": "编号 {old} -> {new}"},
    "catalog.via": {
        "en": "via term “{term}” → {capability}",
        "zh": "经由词条“{term}” → {capability}",
    },
    "catalog.building_block": {
        "en": "; a building block, asserted alone it decides nothing",
        "zh": "；组合用词，单独申报不起作用",
    },
    "catalog.no_hits": {
        "en": "no entry, control point or parameter mentions {text!r}",
        "zh": "没有条目、控制要点或参数提及 {text!r}",
    },
    "validate.summary": {
        "en": "validate: {what}; {profiles} profiles, {tests} test files; {errors} errors, "
        "{warnings} warnings",
        "zh": "validate：{what}；技术画像 {profiles} 个，测试文件 {tests} 个；错误 {errors} 个，"
        "警告 {warnings} 个",
    },
    "validate.built": {
        "en": "{entries} entries, {rules} rules, {capabilities} capabilities",
        "zh": "条目 {entries} 个，规则 {rules} 条，能力 {capabilities} 个",
    },
    "validate.nothing": {"en": "nothing built", "zh": "未能构建"},
    "impact.head": {
        "en": "Impact of {head} against {base} (catalogue {version}; {count} profiles checked)",
        "zh": "{head} 相对于 {base} 的影响（目录{version}版；检查技术画像 {count} 个）",
    },
    "impact.profiles": {"en": "Decisions and findings that change", "zh": "结论或发现有变化的画像"},
    "impact.tests": {"en": "Policy tests whose status changes", "zh": "状态有变化的策略测试"},
    "impact.entries": {"en": "Catalogue entries edited", "zh": "修改的目录条目"},
    "impact.rules": {"en": "Rules edited", "zh": "修改的规则"},
    # Condition-tree words: the rule file's keywords, explained in Chinese output.
    "cond.all": {"en": "all", "zh": "全部满足（all）"},
    "cond.any": {"en": "any", "zh": "任一满足（any）"},
    "cond.not": {"en": "not", "zh": "不满足（not）"},
    "cond.capability": {"en": "capability", "zh": "能力"},
    "cond.parameter": {"en": "parameter", "zh": "参数"},
    "cond.sector": {"en": "sector", "zh": "行业"},
    "explain.rule": {"en": "rule", "zh": "规则"},
    # exportcheck test: how a case failed (the English text is also the JSON/JUnit one).
    "test.decision": {
        "en": "decision: expected {want}, got {got}",
        "zh": "decision（结论）：期望 {want}，实际 {got}",
    },
    "test.entry": {
        "en": "entries: expected a finding for {ref}{extra}",
        "zh": "entries（应命中）：未见 {ref}{extra}",
    },
    "test.not_entry": {
        "en": "not_entries: {ref} was found: {found}",
        "zh": "not_entries（不应命中）：{ref} 被命中：{found}",
    },
    "test.actual": {
        "en": "actual ({version}): {decision}; {findings}",
        "zh": "实际（{version}版）：{decision}；{findings}",
    },
    "test.actual_none": {
        "en": "actual ({version}): {decision}; no findings",
        "zh": "实际（{version}版）：{decision}；无发现",
    },
    "test.why": {"en": "why", "zh": "原因"},
    "md.title": {"en": "exportcheck report", "zh": "exportcheck 检查报告"},
    "md.profile": {"en": "Profile", "zh": "技术画像"},
    "md.table_head": {
        "en": "| outcome | entry | control point | basis | rule |",
        "zh": "| 结论 | 条目 | 控制要点 | 依据 | 规则 |",
    },
    "md.basis.asserted": {"en": "asserted", "zh": "申报"},
    "md.basis.indicated": {"en": "indicated", "zh": "文本线索"},
    "md.consequence": {"en": "Consequence", "zh": "法律后果"},
    "md.summary": {"en": "Summary", "zh": "汇总"},
    "explain.no_finding": {"en": "no finding", "zh": "无发现"},
    "explain.entry": {"en": "entry", "zh": "条目"},
    "explain.rules": {"en": "{count} rule(s)", "zh": "规则 {count} 条"},
    "explain.no_rule": {
        "en": "no rule implements this entry (see rules 'manual:' items)",
        "zh": "没有规则实现该条目（见规则文件中的 manual: 项）",
    },
}


def bilingual(text: Any) -> str:
    """Both languages of a zh/en catalogue text, Chinese (the law's own words) first, in any
    --lang (``-`` when there is none)."""
    return " / ".join(part for part in (text.zh, text.en) if part) or "-"


def msg(key: str, lang: Lang, **values: Any) -> str:
    template = _TEMPLATES[key][lang]
    return template.format(**values) if values else template


def join(items: list[str], lang: Lang) -> str:
    if lang == "zh":
        return "；".join(items)
    return "; ".join(items)
