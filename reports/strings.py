"""The words of the reports, per language: Chinese for the officials who read them, English
on request (``--lang en``). Code and command line stay English; only these strings change."""
from __future__ import annotations

LANGS = ("zh", "en")

ROLE_WORDS = {
    "zh": {"lead": "牵头", "support": "配合", "implement": "落实", "supervise": "督促"},
    "en": {"lead": "lead", "support": "support", "implement": "implement",
           "supervise": "supervise"},
}
"""Full role names, as the matrix exports (CSV, Excel) write them in a cell."""

ROLE_MARKS = {
    "zh": {"lead": "牵", "support": "配", "implement": "落", "supervise": "督"},
    "en": {"lead": "L", "support": "S", "implement": "I", "supervise": "V"},
}
"""One character per role: the HTML matrix has up to 80 narrow unit columns."""

SOURCE_WORDS = {
    "zh": {"explicit": "明示", "inherited": "继承", "range": "区间", "inline": "文中"},
    "en": {"explicit": "explicit", "inherited": "inherited", "range": "range",
           "inline": "inline"},
}

UI = {
    "zh": {
        "html_lang": "zh-CN",
        "report_title": "责任分工审计报告",
        "matrix_title": "责任分工矩阵",
        "generated_from": "来源文件",
        "contents": "目录",
        "overview": "概览",
        "plans": "计划",
        "tasks": "任务",
        "units": "单位",
        "orphans": "无人负责的任务",
        "overlaps": "牵头与配合交叉",
        "overloaded": "负荷过重的单位",
        "quality": "数据质量",
        "load_chart": "各单位负荷",
        "network": "单位协作网络",
        "matrix": "责任矩阵",
        "task_text": "任务原文",
        "filter": "筛选",
        "filter_hint": "任务或单位名称",
        "role_any": "任何角色",
        "shown": "显示",
        "of": "/",
        "legend": "图例",
        "task": "任务",
        "label": "编号",
        "line": "行",
        "unit": "单位",
        "role": "角色",
        "clause": "分工条款",
        "file": "文件",
        "title": "标题",
        "jurisdiction": "地区",
        "year": "年份",
        "count": "数量",
        "load": "加权负荷",
        "share": "占比",
        "rank": "排名",
        "rule": "判定规则",
        "finding": "发现",
        "kind": "类型",
        "detail": "说明",
        "none": "无",
        "no_audit": "审计模块尚未提供结果：本节为空。",
        "not_explicit": "斜体为继承或文中推断的分工",
        "collective": "集合性单位（如各有关部门）",
        "sort_hint": "点击表头排序",
        "no_script": "脚本已禁用：表格完整显示，筛选与排序不可用。",
        "community": "社群",
        "back_to_top": "回到顶部",
        "see_task": "见原文",
        "summary": "负荷汇总",
        "concrete_units": "具体单位",
        "collective_units": "集合性单位",
        "gini": "基尼系数",
        "top3": "前三名单位负荷占比",
        "fence": "超负荷上限（Q3 + k·IQR）",
        "lead_and_support": "同一单位既牵头又配合",
        "joint_leads": "多个牵头单位",
        "colead_pairs": "经常共同牵头的单位",
        "similar_tasks": "内容相近但牵头单位不同的任务",
        "hubs": "协调枢纽（中介中心性）",
        "isolated": "不与其他单位合作的单位",
        "partners": "合作单位数",
        "shared": "共同任务数",
        "betweenness": "中介中心性",
        "leads": "牵头单位",
        "score": "相似度",
        "reasons": "原因",
        "settings": "审计设置",
        "weights": "角色权重",
        "more_units": "图中只显示负荷最重的 {n} 个单位；完整数据见下表。",
        "all_clear": "未发现问题。",
        "scopes": "审计范围",
        "scope": "范围",
        "scope_rule": "负荷、分布和超负荷只在同一审计范围内、同类单位之间比较，不跨年份累加。",
        "peer_group": "同类单位组",
        "not_judged": "单位少于 {n} 个：只列出，不判定超负荷。",
        "trends": "各单位负荷的年度变化",
        "trend_hint": "每格为加权负荷（任务数）；— 表示该年计划未列该单位。",
        "merged_names": "合并的单位名称",
        "merged_hint": "以下名称指同一单位，已合并计算；疑似错字的名称不合并，见上表。",
        "forms": "计划中的其他名称",
    },
    "en": {
        "html_lang": "en",
        "report_title": "Responsibility audit",
        "matrix_title": "Responsibility matrix",
        "generated_from": "Source files",
        "contents": "Contents",
        "overview": "Overview",
        "plans": "Plans",
        "tasks": "Tasks",
        "units": "Units",
        "orphans": "Orphan tasks",
        "overlaps": "Lead/support overlaps",
        "overloaded": "Overloaded units",
        "quality": "Data quality",
        "load_chart": "Load by unit",
        "network": "Unit network",
        "matrix": "Responsibility matrix",
        "task_text": "Task text",
        "filter": "Filter",
        "filter_hint": "task or unit name",
        "role_any": "any role",
        "shown": "shown",
        "of": "of",
        "legend": "Legend",
        "task": "Task",
        "label": "No.",
        "line": "Line",
        "unit": "Unit",
        "role": "Role",
        "clause": "Clause",
        "file": "File",
        "title": "Title",
        "jurisdiction": "Jurisdiction",
        "year": "Year",
        "count": "Count",
        "load": "Weighted load",
        "share": "Share",
        "rank": "Rank",
        "rule": "Rule",
        "finding": "Finding",
        "kind": "Kind",
        "detail": "Detail",
        "none": "none",
        "no_audit": "The audit module returned nothing: this section is empty.",
        "not_explicit": "italic: inherited or inferred from the text",
        "collective": "collective unit (such as 各有关部门)",
        "sort_hint": "click a header to sort",
        "no_script": "Scripts are off: the table is complete; filter and sort need scripts.",
        "community": "community",
        "back_to_top": "back to top",
        "see_task": "see text",
        "summary": "Loads",
        "concrete_units": "Concrete units",
        "collective_units": "Collective units",
        "gini": "Gini coefficient",
        "top3": "share of the top three units",
        "fence": "overload fence (Q3 + k·IQR)",
        "lead_and_support": "A unit both lead and support",
        "joint_leads": "Several leads",
        "colead_pairs": "Units that often lead together",
        "similar_tasks": "Near-identical tasks with different leads",
        "hubs": "Coordination hubs (betweenness)",
        "isolated": "Units that work with no other",
        "partners": "Partners",
        "shared": "Shared tasks",
        "betweenness": "Betweenness",
        "leads": "Leads",
        "score": "Similarity",
        "reasons": "Reasons",
        "settings": "Audit settings",
        "weights": "Role weights",
        "more_units": "The chart shows the {n} heaviest units; the table below has them all.",
        "all_clear": "Nothing found.",
        "scopes": "Audit scopes",
        "scope": "Scope",
        "scope_rule": "Loads, their spread and overload are compared within one scope and "
                      "among peers only; years are never added together.",
        "peer_group": "Peer group",
        "not_judged": "Fewer than {n} units: listed, not judged for overload.",
        "trends": "Each unit's load across the years",
        "trend_hint": "Each cell: weighted load (tasks); — where that year's plan does not "
                      "name the unit.",
        "merged_names": "Names merged",
        "merged_hint": "These names mean one unit and are counted as one; names that look "
                       "like typos are not merged (see the table above).",
        "forms": "Other names in the plans",
    },
}


SCOPE_WORDS = {
    "zh": {"jurisdiction-year": "每个地区每年的计划单独审计",
           "year": "同一年的计划合并审计（含不同地区）", "plan": "每份计划单独审计"},
    "en": {"jurisdiction-year": "one place's plans of one year audited together",
           "year": "every plan of one year audited together", "plan": "each plan audited alone"},
}
"""How the audit grouped the plans (settings.scope), said at the top of the report."""

PEER_WORDS = {
    "zh": {"department": "部门和办事机构", "territorial": "属地单位（县市区政府、开发区、园区、街道）",
           "collective": "集合性单位"},
    "en": {"department": "departments and offices",
           "territorial": "territorial units (county and district governments, zones, "
                          "parks, 街道)", "collective": "collective units"},
}
"""Peer kinds of graph.peers: whom a unit's load is compared with."""

KIND_WORDS = {
    "zh": {"fence": "加权负荷超过上限", "lead_share": "牵头任务占比过高",
           "none": "无任何单位", "implicit": "仅文中提及", "diffuse": "仅集合性单位",
           "stated": "已说明分工", "unstated": "未说明分工",
           "similar_names": "单位名称相近", "not_exhaustive": "名单以“等”结尾",
           "unplaced": "未能归入任务的文字"},
    "en": {"fence": "weighted load above the fence", "lead_share": "too large a share of leads",
           "none": "no unit", "implicit": "only named in the text", "diffuse":
           "only collective units", "stated": "division stated", "unstated":
           "no division stated", "similar_names": "similar unit names",
           "not_exhaustive": "list ends in 等", "unplaced": "text in no task"},
}
"""Finding kinds of the audit layer; a kind missing here is shown as the audit names it."""


def strings(lang: str) -> dict[str, str]:
    """The UI strings of one language; a KeyError names the languages there are."""
    if lang not in UI:
        raise KeyError(f"no strings for language {lang!r}; choose one of {', '.join(LANGS)}")
    return UI[lang]


LEDGER_COLUMNS = {
    "zh": ("序号", "任务来源", "任务内容", "牵头单位", "配合单位", "责任领导", "完成时限", "办理状态"),
    "en": ("No.", "Source", "Task", "Lead units", "Support units", "Responsible leaders",
           "Deadline", "Status"),
}
"""The ledger (台账) columns, in the order supervision (督查督办) systems import them."""

LEDGER_WORDS = {
    "zh": {"all": "全部任务", "ledger": "台账"},
    "en": {"all": "All tasks", "ledger": "Ledger"},
}


ROSTER_DEADLINE_UI = {
    "zh": {
        "deadlines": "完成时限分布",
        "month": "月份",
        "due_table": "各单位各月到期任务数",
        "crunches": "同一单位同月多项任务到期",
        "undated": "未写完成时限的任务",
        "due_kinds": "完成时限类型",
        "roster": "领导小组成员",
        "people": "人员",
        "status": "状况",
        "roster_none": "未承担任何任务",
        "roster_collective": "仅由“各成员单位”等统称涉及",
        "roster_assigned": "有点名任务",
        "expanded_note": "统称（各成员单位等）展开为成员单位：{n} 条，不计入负荷。",
        "roster_line": "名单行",
        "total": "合计",
    },
    "en": {
        "deadlines": "Deadlines over time",
        "month": "Month",
        "due_table": "Tasks falling due per unit and month",
        "crunches": "Several tasks of one unit due in one month",
        "undated": "Tasks with no deadline",
        "due_kinds": "Kinds of deadline",
        "roster": "Leading group members",
        "people": "People",
        "status": "Status",
        "roster_none": "on no task",
        "roster_collective": "only under catch-alls (各成员单位 …)",
        "roster_assigned": "named on tasks",
        "expanded_note": "Catch-alls (各成员单位 …) expanded into member units: {n}, not counted "
                         "in loads.",
        "roster_line": "Roster line",
        "total": "Total",
    },
}
"""Words of the roster and deadline sections (kept in one block; merged into UI below)."""
for _lang, _words in ROSTER_DEADLINE_UI.items():
    UI[_lang].update(_words)

DUE_KIND_WORDS = {
    "zh": {"date": "具体日期", "period": "时间段", "ongoing": "长期/持续", "recurring": "定期重复",
           "relative": "相对时限（如文件下发后）", "unread": "未能识别", "none": "未写时限"},
    "en": {"date": "a date", "period": "a period", "ongoing": "ongoing", "recurring": "recurring",
           "relative": "relative to an event", "unread": "not understood", "none": "none written"},
}
