"""The words of the reports, per language: Chinese for the officials who read them, English
on request (``--lang en``). Code and command line stay English; only these strings change.

Every word a reader reads, in both languages, lives here and nowhere else (the report, the
audit and compare text, the workbooks' headers, the data-quality sentences, the key
findings); that is why this module is long."""
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
    "zh": {"explicit": "明示", "inherited": "继承", "range": "区间", "inline": "文中",
           "expanded": "展开"},
    "en": {"explicit": "explicit", "inherited": "inherited", "range": "range",
           "inline": "inline", "expanded": "expanded"},
}

EVIDENCE_WORDS = {
    "zh": {"paren": "括注", "label": "标注行", "sentence": "分工句", "opening": "句首分工",
           "units": "括注单位", "table": "表格", "header": "单位标题", "heading": "上级标题",
           "range": "区间", "after": "其后分工", "first": "首位牵头", "inline": "文中主语"},
    "en": {"paren": "paren", "label": "label", "sentence": "sentence", "opening": "opening",
           "units": "units", "table": "table", "header": "header", "heading": "heading",
           "range": "range", "after": "after", "first": "first", "inline": "inline"},
}
"""The kind of clause an assignment was read from (``Assignment.evidence``)."""

UI = {
    "zh": {
        "html_lang": "zh-CN",
        "report_title": "责任分工审计报告",
        "matrix_title": "责任分工矩阵",
        "contents": "目录",
        "overview": "概览",
        "plans": "计划",
        "tasks": "任务",
        "reading": "读取：文中单位名称 {coverage} 已落到分工{unread}{poor}",
        "unread": "；未读到：{names}",
        "poor": "；读取质量差，请核对原文",
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
        "back_to_top": "回到顶部",
        "see_task": "见原文",
        "summary": "负荷汇总",
        "concrete_units": "具体单位",
        "collective_units": "集合性单位",
        "gini": "基尼系数",
        "top3": "前三名单位负荷占比",
        "fence": "超负荷上限",
        "lead_and_support": "同一单位既牵头又配合",
        "joint_leads": "多个牵头单位",
        "colead_pairs": "经常共同牵头的单位",
        "similar_tasks": "内容相近但牵头单位不同的任务",
        "hubs": "协调枢纽（中介中心性）",
        "isolated": "不与其他单位合作的单位",
        "approximated": "{n} 个单位同在任务极多的密集群组中，其中介中心性与社群按“任务—单位”图估算（近似值）。",
        "partners": "合作单位数",
        "shared": "共同任务数",
        "betweenness": "中介中心性",
        "leads": "牵头单位",
        "score": "相似度",
        "reasons": "原因",
        "settings": "审计设置",
        "weights": "角色权重",
        "more_units": "图中只显示负荷最重的 {n} 个单位；完整数据见下表。",
        "bars_hint": "条长为任务数：每项任务按该单位在其中的首要角色（依次为牵头、配合、落实、督促）计一次。",
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
        "findings_first": "主要发现",
        "appendix": "附录：任务原文",
        "appendix_hint": "点击展开全部任务原文（打印稿默认不含原文）。",
        "evidence": "依据",
        "plan": "计划",
        "plan_name": "计划名称",
        "tasks_of_plan": "任务数",
        "community_named": "协作群 {n}：{units}",
        "community_more": "等 {n} 个单位",
        "network_caption": "{units} 个单位，{links} 对单位共同承担过任务，分为 {groups} 个协作群。"
                           "图中为共同任务最多的 {shown} 个单位；格中数字为两单位共同承担的任务数。",
        "orphan_kind": "情形",
        "warning": "提取提示",
        "standing": "常设分工",
        "orphan_breakdown": "按情形",
        "skipped": "未计入的文件",
        "more_rows": "其余 {n} 行（共 {total} 行）",
        "more_click": "，点击展开",
        "network_hint": "两个单位共同承担同一项任务，即视为一次协作。每个审计范围（一个地区的一年）单独分析，不同地区、不同年份不合并。",
        "gini_hint": "基尼系数衡量负荷是否集中：0 表示各单位负荷相同，越接近 1 越集中于少数单位。",
        "fence_hint": "超负荷上限：同类单位加权负荷的上四分位数（Q3）加上 k 倍四分位距（IQR）；"
                      "超过上限，或牵头任务占同类单位全部牵头任务的比例过高，即判定为负荷过重。",
        "betweenness_hint": "中介中心性：一个单位处在其他单位之间协作路径上的程度，数值越高，"
                            "越多的单位之间要通过它来协调。",
        "skipped_duplicate": "{path}：内容与《{same}》相同，只计一次。",
        "skipped_not_plan": "{path}：不是工作计划（没有责任单位，也没有计划标题下的编号条目），未计入。",
        "colon": "：", "semi": "；", "comma": "，", "lp": "（", "rp": "）",
    },
    "en": {
        "html_lang": "en",
        "report_title": "Responsibility audit",
        "matrix_title": "Responsibility matrix",
        "contents": "Contents",
        "overview": "Overview",
        "plans": "Plans",
        "tasks": "Tasks",
        "reading": "reading: {coverage} of the unit names in the text ended in an assignment"
                   "{unread}{poor}",
        "unread": "; unread: {names}",
        "poor": "; poorly read, check the source",
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
        "back_to_top": "back to top",
        "see_task": "see text",
        "summary": "Loads",
        "concrete_units": "Concrete units",
        "collective_units": "Collective units",
        "gini": "Gini coefficient",
        "top3": "share of the top three units",
        "fence": "overload fence",
        "lead_and_support": "A unit both lead and support",
        "joint_leads": "Several leads",
        "colead_pairs": "Units that often lead together",
        "similar_tasks": "Near-identical tasks with different leads",
        "hubs": "Coordination hubs (betweenness)",
        "isolated": "Units that work with no other",
        "approximated": "{n} units are in a group so dense that their betweenness and communities are estimated on the task-unit graph (approximate).",
        "partners": "Partners",
        "shared": "Shared tasks",
        "betweenness": "Betweenness",
        "leads": "Leads",
        "score": "Similarity",
        "reasons": "Reasons",
        "settings": "Audit settings",
        "weights": "Role weights",
        "more_units": "The chart shows the {n} heaviest units; the table below has them all.",
        "bars_hint": "Bar length: tasks, each once, under the unit's first role on it (lead, "
                     "support, implement, supervise in that order).",
        "all_clear": "Nothing found.",
        "scopes": "Audit scopes",
        "scope": "Scope",
        "scope_rule": "loads, their spread and overload are compared within one scope and "
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
        "findings_first": "Key findings",
        "appendix": "Appendix: task text",
        "appendix_hint": "Click to show every task's text (left out of print unless --full-text).",
        "evidence": "evidence",
        "plan": "Plan",
        "plan_name": "Plan",
        "tasks_of_plan": "Tasks",
        "community_named": "Group {n}: {units}",
        "community_more": "and {n} more",
        "network_caption": "{units} units; {links} pairs of units share tasks, in {groups} "
                           "groups. Shown: the {shown} units sharing most tasks; each cell "
                           "counts the tasks two units share.",
        "orphan_kind": "Case",
        "warning": "extraction note",
        "standing": "standing",
        "orphan_breakdown": "By case",
        "skipped": "Files not counted",
        "more_rows": "{n} more rows ({total} in all)",
        "more_click": ": click to show",
        "network_hint": "Two units work together when they share a task. Each audit scope "
                        "(one place, one year) is analysed on its own: places and years "
                        "never merge.",
        "gini_hint": "The Gini coefficient says how concentrated the load is: 0 when every "
                     "unit carries the same, nearer 1 the more it falls on a few.",
        "fence_hint": "Overload fence: the upper quartile (Q3) of the peer group's weighted "
                      "loads plus k times their interquartile range (IQR); a unit above it, "
                      "or with too large a share of the group's leads, is overloaded.",
        "betweenness_hint": "Betweenness: how often a unit lies on the paths by which other "
                            "units work together; the higher, the more coordination runs "
                            "through it.",
        "skipped_duplicate": "{path}: the same plan as {same}, counted once.",
        "skipped_not_plan": "{path}: not a plan (no unit, no numbered items under a plan "
                            "title), not counted.",
        "colon": ": ", "semi": "; ", "comma": ", ", "lp": " (", "rp": ")",
    },
}


SCOPE_WORDS = {
    "zh": {"jurisdiction-year": "每个地区每年的计划单独审计",
           "year": "同一年的计划合并审计（含不同地区）", "plan": "每份计划单独审计"},
    "en": {"jurisdiction-year": "one place's plans of one year audited together",
           "year": "every plan of one year audited together", "plan": "each plan audited alone"},
}
"""How the audit grouped the plans (settings.scope), said in the report and the audit text."""

PEER_WORDS = {
    "zh": {"department": "部门和办事机构", "territorial": "属地单位（县市区政府、开发区、园区、街道）",
           "collective": "集合性单位"},
    "en": {"department": "departments and offices",
           "territorial": "territorial units (county and district governments, zones, "
                          "parks, 街道)", "collective": "collective units"},
}
"""Peer kinds of graph.peers: whom a unit's load is compared with."""

PEER_NAMES = {
    "zh": {"department": "部门", "territorial": "属地单位", "collective": "集合性单位"},
    "en": {"department": "departments", "territorial": "territorial units",
           "collective": "collective units"},
}
"""The peer kinds' short names, for a peer group named in a sentence or a cell."""


def peer_group_name(key: str, lang: str = "zh") -> str:
    """A peer group's key (``<jurisdiction>/<kind>``, graph.loads) in the reader's words.

    >>> peer_group_name("怀化市/department"), peer_group_name("怀化市/department", "en")
    ('怀化市的部门', 'departments of 怀化市')
    """
    place, _, kind = key.rpartition("/")
    name = PEER_NAMES[lang].get(kind, kind)
    if not place:
        return name
    return f"{place}的{name}" if lang == "zh" else f"{name} of {place}"

KIND_WORDS = {
    "zh": {"fence": "加权负荷超过上限", "lead_share": "牵头任务占比过高",
           "none": "无任何单位", "implicit": "仅文中提及", "diffuse": "仅集合性单位",
           "stated": "已说明分工", "unstated": "未说明分工",
           "similar_names": "单位名称相近", "not_exhaustive": "名单以“等”结尾",
           "unplaced": "未能归入任务的文字", "garbled": "乱码", "spam": "网页垃圾文字",
           "truncated": "文件不完整", "encoding": "编码混用", "numbering": "编号残缺",
           "typo": "疑似错别字", "furniture": "网页或页眉页脚文字", "no_tasks": "未找到任务",
           "no_units": "计划未写明任何责任单位", "poor_reading": "读取质量差",
           "page_break": "跨页断行", "invisible": "不可见字符", "charset": "网页声明的编码有误",
           "formula": "公式无计算结果"},
    "en": {"fence": "weighted load above the fence", "lead_share": "too large a share of leads",
           "none": "no unit", "implicit": "only named in the text", "diffuse":
           "only collective units", "stated": "division stated", "unstated":
           "no division stated", "similar_names": "similar unit names",
           "not_exhaustive": "list ends in 等", "unplaced": "text in no task",
           "garbled": "garbled text", "spam": "spam", "truncated": "truncated file",
           "encoding": "mixed encodings", "numbering": "damaged numbering", "typo": "typo?",
           "furniture": "page furniture", "no_tasks": "no tasks", "page_break": "page break",
           "no_units": "the plan names no responsible unit", "poor_reading": "poorly read",
           "invisible": "invisible characters", "charset": "wrong declared charset",
           "formula": "formula with no saved value"},
}
"""Finding kinds of the audit layer and the loaders' warning kinds."""

QUALITY_MESSAGES = {
    "zh": {
        "similar_names": "“{name}”（{tasks} 项任务）与“{like}”（{like_tasks} 项）名称相近："
                         "是错别字，还是单位名录缺少的别称？",
        "not_exhaustive": "列出 {names} 的名单以“等”结尾，未列全所有责任单位。",
        "unplaced": "第 {start}–{end} 行共 {chars} 个字符未归入任何任务或标题。",
        "poor_reading": "这份计划没有读好：文中像单位名称的词只有 {coverage} 落到了任务的分工上"
                        "（未读到的如 {unread}），请对照原文核对或用审核表更正。",
        "no_units": "全部 {tasks} 项任务都没有写明责任单位：这是计划本身的一个问题，"
                    "这些任务不再逐项计入“无人负责的任务”。",
        "warning": "提取时发现{kind}，请核对原文。",
    },
    "en": {
        "similar_names": "{name} (on {tasks} tasks) looks like {like} (on {like_tasks}): "
                         "a typo, or an alias the registry lacks?",
        "not_exhaustive": "the list naming {names} ends in 等: not every responsible unit "
                          "is named",
        "unplaced": "{chars} characters on lines {start}-{end} are in no task or heading",
        "poor_reading": "this plan was not read well: only {coverage} of the unit-like names "
                        "in its text ended in a task's division of work (unread: {unread}); "
                        "check it against the source or correct it in a review workbook",
        "no_units": "none of its {tasks} tasks names a responsible unit: one problem of the "
                    "plan, so its tasks are not counted one by one among the orphans",
        "warning": "{message}",
    },
}
"""What a data-quality finding says, by kind; a loader warning (any other kind) is the
``warning`` sentence, which in Chinese names the kind instead of the loader's English."""


def quality_message(finding, lang: str = "zh") -> str:
    """The sentence for one ``graph.quality.QualityFinding``, from its kind and params."""
    params = dict(finding.params)
    words = QUALITY_MESSAGES[lang]
    if "names" in params:
        params["names"] = ("、" if lang == "zh" else ", ").join(params["names"])
    template = words.get(finding.kind) or words["warning"]
    if finding.kind in words:
        return template.format(**params)
    kind = KIND_WORDS[lang].get(finding.kind, finding.kind)
    return template.format(kind=kind, message=params.get("message", kind))


def plan_name(title: str, jurisdiction: str, year, path: str, lang: str = "zh") -> str:
    """How a report names a plan: its title, or its jurisdiction, year and file name (never
    the folders of a machine path). With neither title nor path: jurisdiction and year.

    >>> plan_name("", "怀化市", 2022, "/tmp/x/huaihua-2022.txt")
    '怀化市2022年（huaihua-2022.txt）'
    >>> plan_name("", "怀化市", 2022, "", "en")
    '怀化市 2022'
    """
    if title:
        return title
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    zh = lang == "zh"
    when = (f"{year}年" if zh else str(year)) if year else ""
    lead = ("" if zh else " ").join(x for x in (jurisdiction, when) if x)
    if lead and name:
        return f"{lead}（{name}）" if zh else f"{lead} ({name})"
    return lead or name


EXTRACT_COLUMNS = {
    "zh": ("计划", "任务编号", "序号", "行号", "任务", "单位", "原文称谓", "角色", "集合性单位",
           "来源", "分工条款", "完成时限"),
    "en": ("file", "task_id", "label", "line", "title", "unit", "mention", "role",
           "collective", "source", "clause", "deadline"),
}
"""Header of ``extract --format csv`` (one row per task x unit)."""

YES_NO = {"zh": ("是", "否"), "en": ("true", "false")}

AUDIT_TEXT = {
    "zh": {
        "counts": "{plans} 份计划，{tasks} 项任务，{units} 个具体单位（另有 {collective} 个"
                  "集合性单位），{links} 项计入负荷的分工",
        "sep": "、", "semi": "；", "colon": "：",
        "scopes": "审计范围（{rule}；负荷不跨范围累加）：{scopes}",
        "scope_item": "{key}（{plans} 份计划，负荷过重 {overloaded} 个）",
        "spread": "负荷分布：基尼系数 {gini:.2f}，前三名单位占 {top3:.0%}",
        "fence": "{group}（{scope}）超负荷上限 Q3 {q3:g} + {k:g}×IQR {iqr:g} = {fence:g}",
        "collective_only": "{share:.0%} 的任务只落到集合性单位",
        "totals": "发现：负荷过重 {overloaded} 个单位；无人负责的任务 {orphans}；同一单位既牵头"
                  "又配合 {both} 处；多个牵头单位且未说明分工 {joint} 项；经常共同牵头的单位 "
                  "{pairs} 对；内容相近但牵头不同 {similar} 对；数据质量提示 {quality} 条",
        "orphan_kind": "{kind} {n} 项",
        "due_kind": "{kind} {n} 项",
        "deadlines": "完成时限：{kinds}；同一单位同月有 {min} 项以上任务到期 {crunches} 处",
        "roster": "领导小组成员单位 {members} 个：{none} 个未承担任何任务，{collective} 个仅由"
                  "“各成员单位”等统称涉及；统称展开为 {expanded} 条分工（不计入负荷）",
        "approximated": "合作网络：{n} 个单位同在任务极多的密集群组中，其中介中心性与社群按“任务—"
                        "单位”图估算（近似值）",
        "heaviest": "{group}（{scope}）负荷最重的单位（加权负荷；牵头/配合/落实/督促）：",
        "load_row": "{rank:>3}. {name}  {weighted:g}（{lead}/{support}/{implement}/"
                    "{supervise}，占 {share:.0%}）",
        "heading": "{title}（{n}）：",
        "overloaded": "负荷过重的单位", "overloaded_row": "{name}（{scope}，{group}）：加权负荷 "
                      "{weighted:g}，牵头 {leads} 项（{reasons}）",
        "orphans": "无人负责的任务", "both": "同一单位既牵头又配合",
        "both_row": "{name} 在 {label} {title}",
        "joint": "多个牵头单位，未说明分工", "pairs": "经常共同牵头的单位",
        "pairs_row": "{a} + {b}：{n} 项任务", "similar": "内容相近但牵头单位不同的任务",
        "similar_row": "{a} / {b}（{score:g}）：{leads_a} 与 {leads_b}",
        "quality": "数据质量", "more": "  … 另有 {n} 条（--format json 列出全部）",
        "crunches": "同一单位同月多项任务到期", "crunch_row": "{name} {month}：{labels}",
        "roster_none": "未承担任何任务的领导小组成员单位",
        "roster_collective": "仅由“各成员单位”等统称涉及的领导小组成员单位",
        "member_row": "{unit}（{people}）", "member_tasks_row": "{unit}（{people}）：{n} 项任务",
        "merged": "合并为同一单位的名称",
    },
    "en": {
        "counts": "{plans} plan(s), {tasks} tasks, {units} units (+{collective} collective), "
                  "{links} counted assignments",
        "sep": ", ", "semi": "; ", "colon": ": ",
        "scopes": "scopes ({rule}; loads never added across scopes): {scopes}",
        "scope_item": "{key} ({plans} plan(s), {overloaded} overloaded)",
        "spread": "load: Gini {gini:.2f}, top 3 carry {top3:.0%}",
        "fence": "fence of {group} in {scope}: Q3 {q3:g} + {k:g}*IQR {iqr:g} = {fence:g}",
        "collective_only": "{share:.0%} of tasks rest only on collective units",
        "totals": "findings: {overloaded} overloaded, orphans {orphans}, {both} lead+support, "
                  "{joint} joint leads without stated division, {pairs} co-lead pairs, "
                  "{similar} similar tasks, {quality} data-quality",
        "orphan_kind": "{n} {kind}",
        "due_kind": "{kind}: {n}",
        "deadlines": "deadlines: {kinds}; {crunches} unit-months with {min}+ tasks due",
        "roster": "roster: {members} member units, {none} on no task, {collective} only under "
                  "catch-alls; {expanded} expanded assignments (not counted in loads)",
        "approximated": "collaboration: {n} units in groups too dense for the unit projection; "
                        "their betweenness and communities are estimated on the task-unit graph "
                        "(approximate)",
        "heaviest": "heaviest among {group} in {scope} (weighted load; "
                    "lead/support/implement/supervise):",
        "load_row": "{rank:>3}. {name}  {weighted:g}  ({lead}/{support}/{implement}/"
                    "{supervise}, {share:.0%})",
        "heading": "{title} ({n}):",
        "overloaded": "overloaded", "overloaded_row": "{name} in {scope} among {group}: load "
                      "{weighted:g}, {leads} leads ({reasons})",
        "orphans": "orphan tasks", "both": "lead and supporter of one task",
        "both_row": "{name} on {label} {title}",
        "joint": "joint leads, no division stated", "pairs": "co-leading pairs",
        "pairs_row": "{a} + {b}: {n} tasks", "similar": "near-identical tasks, different leads",
        "similar_row": "{a} / {b} ({score:g}): {leads_a} vs {leads_b}",
        "quality": "data quality", "more": "  … {n} more (--format json for all)",
        "crunches": "unit-months with several tasks due", "crunch_row": "{name} {month}: {labels}",
        "roster_none": "roster members on no task",
        "roster_collective": "roster members only under catch-alls",
        "member_row": "{unit} ({people})", "member_tasks_row": "{unit} ({people}): {n} tasks",
        "merged": "names merged into one unit",
    },
}
"""The terminal summary of ``dutygraph audit`` (``reports.audit_text``)."""

SUMMARY = {
    "zh": {
        "overloaded": "{name}在{group}中负荷最重{scope}：承担 {tasks} 项任务，其中牵头 {leads} "
                      "项，加权负荷 {weighted}，{why}。",
        "overloaded_not_first": "{name}在{group}中负荷过重{scope}：承担 {tasks} 项任务，其中牵头 "
                                "{leads} 项，加权负荷 {weighted}，{why}。",
        "why_fence": "超过同类单位的上限 {fence}",
        "why_lead_share": "牵头任务占同类单位全部牵头任务的 {share}（上限 {limit}）",
        "in_scope": "（{scope}）",
        "overloaded_more": "另有 {n} 个单位负荷过重：{names}。",
        "roster_none": "领导小组 {n} 个成员单位未承担任何任务：{names}。",
        "concentration": "负荷集中：前三名单位承担全部加权负荷的 {top3}（基尼系数 {gini}）。",
        "orphans": "{n} 项任务没有明确的责任单位：{none} 项未写任何单位，{implicit} 项只在文中"
                   "提及单位，{diffuse} 项只写“各有关部门”一类集合性单位。",
        "no_units": "《{plan}》未写明任何责任单位（共 {tasks} 项任务），需要补充分工。",
        "poor_reading": "《{plan}》没有读好（单位名称读到 {coverage}），其结论请先核对原文。",
        "joint": "{n} 项任务有多个牵头单位却未说明如何分工。",
        "both": "{n} 处同一单位在同一任务中既牵头又配合。",
        "pairs": "{a}与{b}共同牵头 {n} 项任务，可考虑明确主责。",
        "quality": "提取结果有 {n} 条数据质量提示，使用结论前请先核对（其中{top}{top_n} 条）。",
        "clear": "未发现负荷过重、无人负责或分工不清的任务。",
    },
    "en": {
        "overloaded": "{name} carries the heaviest load among {group}{scope}: {tasks} tasks, "
                      "{leads} of them as lead; weighted load {weighted}, {why}.",
        "overloaded_not_first": "{name} is overloaded among {group}{scope}: {tasks} tasks, "
                                "{leads} of them as lead; weighted load {weighted}, {why}.",
        "why_fence": "above its peers' fence of {fence}",
        "why_lead_share": "leading {share} of the tasks its peers lead (limit {limit})",
        "in_scope": " ({scope})",
        "overloaded_more": "{n} more units are overloaded: {names}.",
        "roster_none": "{n} member units of the leading group are on no task: {names}.",
        "concentration": "Load is concentrated: the top three units carry {top3} of the "
                         "weighted load (Gini {gini}).",
        "orphans": "{n} tasks have no clear responsible unit: {none} name no unit at all, "
                   "{implicit} name units only in their text, {diffuse} only a class such "
                   "as 各有关部门.",
        "poor_reading": "{plan} was not read well ({coverage} of its unit names read): check "
                        "its findings against the source first.",
        "no_units": "{plan} names no responsible unit on any of its {tasks} tasks: its "
                    "division of work is missing.",
        "joint": "{n} tasks have several leads and no stated division of work.",
        "both": "In {n} cases one unit is both lead and support of the same task.",
        "pairs": "{a} and {b} lead {n} tasks together; consider naming one of them.",
        "quality": "The extraction has {n} data-quality notes to check before relying on "
                   "the findings ({top_n} of them: {top}).",
        "clear": "No overloaded unit, orphan task or unclear division was found.",
    },
}
"""The plain sentences that open the report: each the words of one finding."""


COMPARE_WORDS = {
    "zh": {
        "html_lang": "zh-CN", "report_title": "年度对比", "plans": "对比的计划",
        "summary": "概览", "step": "对比", "changed": "有改动的任务", "added": "新增任务",
        "removed": "删去的任务", "renames": "机构更名", "loads": "各单位任务量",
        "chart": "任务量变化（最后一年减第一年）", "trend": "任务量走势",
        "old": "原任务", "new": "新任务", "similarity": "相似度", "kind": "类型",
        "units_added": "新增单位", "units_removed": "去掉单位", "lead_changed": "牵头变化",
        "unit": "单位", "lead": "牵头", "support": "配合", "total": "合计", "change": "变化",
        "year": "年份", "none": "无", "legend": "删去的文字标红划线，新增的文字标绿下划线。",
        "colon": "：",
        "sheets": {"summary": "变化概要", "pairs": "对应任务", "added": "新增任务", "removed": "删去的任务",
                   "renames": "机构更名", "loads": "任务量", "chronic": "连续多年的任务"},
        "pair_columns": ("对比", "原任务编号", "原序号", "原任务", "新任务编号", "新序号", "新任务",
                         "相似度", "类型", "新增单位", "去掉单位", "更名单位", "原牵头单位",
                         "新牵头单位", "牵头变化"),
        "task_columns": ("对比", "任务编号", "序号", "任务", "原文"),
        "rename_columns": ("对比", "原名称", "新名称", "更名年份"),
        "load_tail": ("合计变化", "牵头变化"),
        "yes": "是", "no": "否",
        "text_step": "{old}（{old_year}）→ {new}（{new_year}）",
        "text_tasks": "  任务：{old} → {new}",
        "text_pairs": "  对应 {n} 对（{kinds}）；新增 {added}，删去 {removed}",
        "text_kind": "{kind} {n}",
        "text_renamed": "  更名：{old} → {new}",
        "text_added": "  新增：{label} {title}",
        "text_removed": "  删去：{label} {title}",
        "text_movers": "任务量变化（第一份计划 → 最后一份）：",
        "text_mover": "  {unit}：{trend}（{total:+d}；牵头 {lead:+d}）",
        "kinds": {"same": "相同", "reworded": "改写", "merged": "合并", "split": "拆分"},
        "chronic": "连续多年延续的任务", "lead_changes": "牵头变化次数",
        "chronic_note": "每一年的计划中都有的任务（按文字相似度连成的任务链），牵头单位变化最多的在前。",
        "leads": "牵头单位",
        "chronic_columns": ("任务", "{year} 序号", "{year} 牵头单位", "牵头变化次数"),
        "text_chronic": "{plans} 份计划中都有的任务：{n} 项（牵头变化次数；序号从最早一年起）：",
        "text_chronic_row": "  {changes}  {title}：{chain}",
        "fields": {"jurisdiction": "地区", "issuer": "发文单位", "document_number": "文号",
                   "kind": "文种", "subject": "主题"},
        "change_title": "变化概要",
        "series_same": "同一系列（{why}）", "series_unknown": "无法判断两份计划是否同一系列，照常对应",
        "unrelated": "两份计划看来不是同一系列（{why}），没有对应任务；确需对应请加 --force",
        "forced": "两份计划看来不是同一系列（{why}），按 --force 仍对应了任务",
        "rises": "牵头任务增加最多的单位", "falls": "牵头任务减少最多的单位",
        "move": "{unit}：牵头 {before} → {after}（{change:+d}）",
        "gained": "新牵头", "lost": "不再牵头", "more": "等 {n} 项",
        "added_n": "新增任务 {n} 项", "removed_n": "删去任务 {n} 项",
        "chronic_n": "{plans} 份计划中都有的任务 {n} 项",
        "no_moves": "没有单位的牵头任务发生变化",
        "possible": "可能对应（证据不足，未计入对应）",
        "text_possible": "  可能对应：{old_label} {old_title} → {new_label} {new_title}（相似度 {sim:.2f}）",
        "pairs_title": "对应明细", "evidence_word": "依据",
        "evidence": {"text": "文字", "title": "标题", "sentence": "句子", "units": "单位",
                     "standing": "突出", "section": "章节"},
        "summary_columns": ("对比", "类别", "单位", "之前", "之后", "变化", "任务"),
        "categories": {"rise": "牵头增加", "fall": "牵头减少", "added": "新增任务",
                       "removed": "删去的任务", "chronic": "连续多年的任务"},
        "report_yoy": "{place} {old_year} → {new_year} 年度变化：{moves}；新增任务 {added} 项，删去 {removed} 项",
        "report_yoy_move": "{unit}牵头 {before} → {after}",
    },
    "en": {
        "html_lang": "en", "report_title": "Year over year", "plans": "Plans compared",
        "summary": "Summary", "step": "Step", "changed": "Changed tasks", "added": "Added tasks",
        "removed": "Removed tasks", "renames": "Renamed offices", "loads": "Load per unit",
        "chart": "Change in tasks (last year minus first)", "trend": "Load over the years",
        "old": "Old task", "new": "New task", "similarity": "similarity", "kind": "kind",
        "units_added": "units added", "units_removed": "units removed",
        "lead_changed": "lead changed", "unit": "unit", "lead": "lead", "support": "support",
        "total": "total", "change": "change", "year": "year", "none": "none",
        "legend": "Deleted text is struck through in red; inserted text underlined in green.",
        "colon": ": ",
        "sheets": {"summary": "summary", "pairs": "pairs", "added": "added", "removed": "removed",
                   "renames": "renames", "loads": "loads", "chronic": "chronic"},
        "pair_columns": ("step", "old_id", "old_label", "old_title", "new_id", "new_label",
                         "new_title", "similarity", "kind", "units_added", "units_removed",
                         "units_renamed", "leads_old", "leads_new", "lead_changed"),
        "task_columns": ("step", "id", "label", "title", "text"),
        "rename_columns": ("step", "old", "new", "year"),
        "load_tail": ("total_change", "lead_change"),
        "yes": True, "no": False,
        "text_step": "{old} ({old_year}) -> {new} ({new_year})",
        "text_tasks": "  tasks: {old} -> {new}",
        "text_pairs": "  pairs: {n} ({kinds}); added {added}, removed {removed}",
        "text_kind": "{kind} {n}",
        "text_renamed": "  renamed: {old} -> {new}",
        "text_added": "  added: {label} {title}",
        "text_removed": "  removed: {label} {title}",
        "text_movers": "load change (tasks, first plan -> last):",
        "text_mover": "  {unit}: {trend} ({total:+d}; lead {lead:+d})",
        "kinds": {k: k for k in ("same", "reworded", "merged", "split")},
        "chronic": "Tasks carried over every year", "lead_changes": "lead changes",
        "chronic_note": "Tasks in every year's plan (linked by their text), most lead changes "
                        "first.",
        "leads": "leads",
        "chronic_columns": ("title", "{year} labels", "{year} leads", "lead_changes"),
        "text_chronic": "carried over in all {plans} plans: {n} tasks (lead changes; labels "
                        "oldest first):",
        "text_chronic_row": "  {changes}  {title}: {chain}",
        "fields": {"jurisdiction": "jurisdiction", "issuer": "issuer",
                   "document_number": "document number", "kind": "kind", "subject": "subject"},
        "change_title": "What changed",
        "series_same": "one series ({why})",
        "series_unknown": "could not tell whether the plans are one series; compared",
        "unrelated": "the plans do not look like one series ({why}): no tasks linked; "
                     "--force links them anyway",
        "forced": "the plans do not look like one series ({why}): tasks linked (--force)",
        "rises": "Units leading more tasks", "falls": "Units leading fewer tasks",
        "move": "{unit}: leads {before} -> {after} ({change:+d})",
        "gained": "now leads", "lost": "no longer leads", "more": "and {n} more",
        "added_n": "tasks added: {n}", "removed_n": "tasks dropped: {n}",
        "chronic_n": "tasks in all {plans} plans: {n}",
        "no_moves": "no unit's lead work changed",
        "possible": "Possible links (too little evidence, not counted)",
        "text_possible": "  possible: {old_label} {old_title} -> {new_label} {new_title} "
                         "(similarity {sim:.2f})",
        "pairs_title": "Pairs", "evidence_word": "evidence",
        "evidence": {k: k for k in ("text", "title", "sentence", "units", "standing",
                                    "section")},
        "summary_columns": ("step", "category", "unit", "before", "after", "change", "tasks"),
        "categories": {"rise": "lead_up", "fall": "lead_down", "added": "added",
                       "removed": "removed", "chronic": "chronic"},
        "report_yoy": "{place} {old_year} -> {new_year}: {moves}; {added} tasks added, "
                      "{removed} dropped",
        "report_yoy_move": "{unit} leads {before} -> {after}",
    },
}
"""The compare outputs: page, workbook and terminal summary."""


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
        "busy_months": "只列出有任务到期的月份。",
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
        "busy_months": "only the months in which a task falls due are shown.",
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
