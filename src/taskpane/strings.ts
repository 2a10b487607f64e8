/**
 * Every word the task pane shows, in English and Chinese, keyed by id. Finding codes, severities, statuses and
 * their messages come from the domain's catalogue; this one holds the pane's own words.
 */
import { interpolate, Lang } from "../domain";

type Bilingual = { readonly en: string; readonly zh: string };

export const STRINGS = {
  "tab.label": { en: "Goal Cascade", zh: "目标分解" },
  "tab.audit": { en: "Audit", zh: "审核" },
  "tab.map": { en: "Map", zh: "目标树" },
  "tab.tools": { en: "Tools", zh: "工具" },
  "tab.options": { en: "Options", zh: "选项" },
  "tab.functions": { en: "Functions", zh: "函数" },

  "severity.fatal": { en: "Fatal", zh: "致命" },
  "severity.error": { en: "Error", zh: "错误" },
  "severity.warning": { en: "Warning", zh: "警告" },
  "severity.info": { en: "Note", zh: "提示" },
  "common.goToAudit": { en: "Go to Audit", zh: "前往审核" },
  "notice.dismiss": { en: "Dismiss", zh: "关闭" },
  "boundary.retry": { en: "Try again", zh: "重试" },

  "error.CELL_EDIT_MODE": {
    en: "Excel is editing a cell. Press Enter or Esc to finish editing, then try again.",
    zh: "Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后重试。",
  },
  "error.PROTECTED": {
    en: "The sheet or workbook is protected. Unprotect it, then try again.",
    zh: "工作表或工作簿受保护。请取消保护后重试。",
  },
  "error.TOO_LARGE": {
    en: "The range is too large for Excel to handle in one go. Audit a smaller table.",
    zh: "区域过大，Excel 无法一次处理。请审核较小的表格。",
  },
  "error.NOT_FOUND": {
    en: "The sheet or range is gone (renamed or deleted?). Audit again.",
    zh: "找不到工作表或区域（可能已重命名或删除）。请重新审核。",
  },
  "error.CONFLICT": {
    en: "Someone else changed the workbook at the same time. Try again.",
    zh: "其他人同时修改了工作簿。请重试。",
  },
  "error.RULES_UNREADABLE": {
    en: "Excel cannot read the conditional formatting rules of a sheet, so the audit changed nothing. Open Home > Conditional Formatting > Manage Rules on that sheet, remove duplicated rules, then try again.",
    zh: "Excel 无法读取某个工作表的条件格式规则，因此审核未做任何更改。请在该工作表上打开“开始 > 条件格式 > 管理规则”，删除重复的规则后重试。",
  },
  "error.UNKNOWN": {
    en: "Something went wrong while working with the workbook.",
    zh: "操作工作簿时出错。",
  },

  "audit.run": { en: "Audit goals", zh: "审核目标" },
  "audit.clear": { en: "Clear audit", zh: "清除审核" },
  "audit.noTable": {
    en: "No goal table on the active sheet. A goal table has a header row with at least the columns Goal (or 目标描述) and Target (or 目标值); an ID column (目标编号) is optional. Select the sheet that holds it, choose its columns with Map columns, or insert the template from Tools.",
    zh: "当前工作表没有目标表。目标表的表头至少要有“目标描述”（或 Goal）和“目标值”（或 Target）两列，“目标编号”（ID）列可选。请切换到目标所在的工作表，用“对应列”指定各列，或在“工具”中插入模板。",
  },
  "audit.noTableTitle": { en: "No goal table found", zh: "未找到目标表" },
  "audit.mapColumns": { en: "Map columns", zh: "对应列" },
  "mapping.title": { en: "Map columns", zh: "对应列" },
  "mapping.intro": {
    en: "Choose the column that holds each field of the goal table on {sheet}, header row {row}. Goal and Target are required; other fields are read when their headers are recognised. The choice is saved with the workbook and used by the ribbon's Audit goals too.",
    zh: "为 {sheet} 第 {row} 行表头的目标表选择每个字段所在的列。“目标”和“目标值”必填；其他字段在表头可识别时自动读取。所选对应关系随工作簿保存，功能区的“审核目标”也会使用。",
  },
  "mapping.noHeader": {
    en: "No row in the first 20 of {sheet} looks like a header row: add one with a header for each column, or insert the template from Tools.",
    zh: "{sheet} 的前 20 行中没有像表头的行：请添加一行列标题，或在“工具”中插入模板。",
  },
  "mapping.auto": { en: "Recognised automatically", zh: "自动识别" },
  "mapping.autoFound": { en: "Recognised: {header}", zh: "已识别：{header}" },
  "mapping.none": { en: "No such column", zh: "没有该列" },
  "mapping.required": { en: "{field} (required)", zh: "{field}（必填）" },
  "mapping.preview": { en: "First rows as they will be read", zh: "按此对应读取的前几行" },
  "mapping.twice": {
    en: "Column {header} is chosen for more than one field: choose it once.",
    zh: "列 {header} 被选给了多个字段：每列只能对应一个字段。",
  },
  "mapping.missing": {
    en: "Choose the columns of Goal and Target: no header on the row names them.",
    zh: "请选择“目标”和“目标值”所在的列：该行没有对应的表头。",
  },
  "mapping.moreFields": { en: "Other fields ({count})", zh: "其他字段（{count} 个）" },
  "mapping.fewerFields": { en: "Only Goal and Target", zh: "只显示“目标”和“目标值”" },
  "mapping.save": { en: "Save and audit", zh: "保存并审核" },
  "mapping.clear": { en: "Forget the mapping", zh: "清除对应关系" },
  "mapping.cancel": { en: "Cancel", zh: "取消" },
  "audit.judgedOn": {
    en: "Actuals judged against the pace to {date}: below it a goal is at risk, below {atRisk} of it off track. Options set another date.",
    zh: "实际值按截至 {date} 的进度评判：低于进度为预警，低于进度的 {atRisk} 为落后。可在“选项”中设置其他日期。",
  },
  "audit.judgedFull": {
    en: "Actuals judged against the full targets: below a target a goal is at risk, below {atRisk} of it off track.",
    zh: "实际值按完整目标值评判：低于目标值为预警，低于目标值的 {atRisk} 为落后。",
  },
  "audit.allocateGap": { en: "Allocate the gap", zh: "分解差额" },
  "audit.allocateGapOf": { en: "Allocate the gap of {id}", zh: "分解差额：{id}" },
  "audit.stale": {
    en: "The options changed after this audit: the findings, the map and the tools still show the last audit's results.",
    zh: "本次审核后选项已更改：审核结果、目标树和工具显示的仍是上次审核的结果。",
  },
  "audit.again": { en: "Audit again", zh: "重新审核" },
  "audit.highlightsStale": {
    en: "The findings follow your edits. The highlights and the audit sheet still show the table as it was at the last audit, so that Ctrl+Z undoes your own edit.",
    zh: "审核结果已随您的编辑更新。高亮和审核表仍为上次审核时的状态，以便 Ctrl+Z 撤销您自己的编辑。",
  },
  "audit.refreshHighlights": { en: "Refresh highlights", zh: "刷新高亮" },
  "audit.cleared": {
    en: "Audit cleared: {rules} highlight rules removed. Your own formats were left alone.",
    zh: "已清除审核：删除了 {rules} 条突出显示规则。您自己的格式保持不变。",
  },
  "audit.clearedWithSheet": {
    en: "Audit cleared: {rules} highlight rules and the audit sheet removed. Your own formats were left alone.",
    zh: "已清除审核：删除了 {rules} 条突出显示规则和审核工作表。您自己的格式保持不变。",
  },
  "audit.stopped": { en: "The audit stopped", zh: "审核已停止" },
  "audit.summary": {
    en: "{goals} {goals|goal|goals} read from {place}",
    zh: "从 {place} 读取了 {goals} 个目标",
  },
  "audit.sheetWritten": {
    en: "Findings are listed on the sheet “{sheet}”.",
    zh: "问题清单已写入工作表“{sheet}”。",
  },
  "audit.introTitle": { en: "What Audit goals checks", zh: "“审核目标”检查什么" },
  "audit.intro": {
    en: "It reads the goal table on the active sheet (Goal and Target columns, any layout) and checks:",
    zh: "读取当前工作表上的目标表（需有目标描述和目标值列，格式不限），并检查：",
  },
  "audit.introCascade": {
    en: "cascade gaps (目标断层): orphans, goals nobody executes, children that fall short or go over",
    zh: "目标断层：无上级目标、无人执行、下级目标不足或超额",
  },
  "audit.introDuplicates": {
    en: "duplicated targets (目标重复): duplicate ids, children that copy their parent, identical siblings",
    zh: "目标重复：编号重复、照抄上级、同级目标相同",
  },
  "audit.introSmart": {
    en: "SMART: specific, measurable, achievable, aligned, time-bound; owners and weights",
    zh: "SMART 原则：具体、可衡量、可实现、相关、有时限；责任人和权重",
  },
  "audit.introPace": {
    en: "progress: each actual against the pace to today (or the as-of date in Options)",
    zh: "进度：实际值与截至今天（或选项中的评估日期）的应达进度对比",
  },
  "audit.introAfter": {
    en: "Problems are coloured in the sheet and listed on an audit sheet; your values and formats are never changed.",
    zh: "问题会在工作表中高亮显示，并列在审核表中；不会更改您的数值和格式。",
  },
  "audit.clean": {
    en: "No findings: the goal table passes every check.",
    zh: "没有发现问题：目标表通过了所有检查。",
  },
  "audit.noFindingsShown": {
    en: "No findings of the severities shown.",
    zh: "所选严重程度下没有问题。",
  },
  "audit.findingsLabel": { en: "Findings by kind", zh: "按类型分组的问题" },
  "audit.findingWhere": { en: "Row {row} · {id}", zh: "第 {row} 行 · {id}" },
  "audit.findingRow": { en: "Row {row}", zh: "第 {row} 行" },
  "audit.selectCell": { en: "(select the cell)", zh: "（选中单元格）" },
  "audit.showAll": { en: "Show all {count}", zh: "显示全部 {count} 项" },

  "progress.label": { en: "Audit progress", zh: "审核进度" },
  "progress.reading": { en: "Reading the goal table…", zh: "正在读取目标表……" },
  "progress.checking": { en: "Checking the goals…", zh: "正在检查目标……" },
  "progress.writing": {
    en: "Writing highlights and the audit sheet…",
    zh: "正在写入突出显示和审核工作表……",
  },

  "filter.label": { en: "Show findings of severity", zh: "按严重程度显示问题" },
  "filter.searchLabel": { en: "Find goals", zh: "查找目标" },
  "filter.searchPlaceholder": {
    en: "Find: id, words, owner, KPI",
    zh: "查找：编号、描述、责任人、指标",
  },
  "filter.owner": { en: "Owner", zh: "责任人" },
  "filter.team": { en: "Team", zh: "团队" },
  "filter.period": { en: "Period", zh: "周期" },
  "filter.status": { en: "Status", zh: "状态" },
  "filter.allOwners": { en: "All owners", zh: "全部责任人" },
  "filter.allTeams": { en: "All teams", zh: "全部团队" },
  "filter.allPeriods": { en: "All periods", zh: "全部周期" },
  "filter.allStatuses": { en: "All statuses", zh: "全部状态" },
  "filter.noStatus": { en: "No status yet", zh: "尚无状态" },
  "filter.shownGoals": {
    en: "{count} of {of} {n|goal|goals} shown, with the goals above them",
    zh: "显示 {of} 个目标中的 {count} 个（及其上级目标）",
  },
  "filter.shownFindings": {
    en: "{count} of {of} {n|finding|findings} shown",
    zh: "显示 {of} 条问题中的 {count} 条",
  },
  "filter.clear": { en: "Clear filters", zh: "清除筛选" },
  "filter.noFindings": {
    en: "The goals the filter keeps have no findings. Clear filters to see them all.",
    zh: "符合筛选条件的目标没有问题。清除筛选即可查看全部。",
  },
  "filter.nothing": {
    en: "No goal matches the filter. Clear filters to see them all.",
    zh: "没有符合筛选条件的目标。清除筛选即可查看全部。",
  },
  "legend.title": { en: "Highlight colours", zh: "突出显示颜色" },
  "legend.sample": { en: "Abc", zh: "示例" },

  "chooser.title": { en: "Which goal table?", zh: "审核哪个目标表？" },
  "chooser.table": { en: "Table {name} ({place})", zh: "表格 {name}（{place}）" },
  "chooser.range": { en: "Range {place}", zh: "区域 {place}" },
  "chooser.incomplete": { en: "— missing a required column", zh: "——缺少必需的列" },
  "chooser.audit": { en: "Audit this table", zh: "审核此表" },
  "chooser.cancel": { en: "Cancel", zh: "取消" },

  "map.label": { en: "Cascade map", zh: "目标树" },
  "map.empty": {
    en: "Audit the goal table to see its cascade map.",
    zh: "请先审核目标表，再查看目标树。",
  },
  "map.findingsOf": {
    en: "{id} (row {row}): {count} {count|finding|findings}",
    zh: "{id}（第 {row} 行）：{count} 个问题",
  },
  "map.noFindings": {
    en: "No findings: this goal passes every check.",
    zh: "没有问题：该目标通过了所有检查。",
  },
  "map.noGoals": { en: "The audit read no goals to draw.", zh: "审核没有读取到可显示的目标。" },
  "map.expandAll": { en: "Expand all", zh: "全部展开" },
  "map.collapseAll": { en: "Collapse all", zh: "全部折叠" },
  "map.help": {
    en: "{count} {count|goal|goals}. Arrow keys move, Right/Left open and close, Enter selects the goal in the sheet.",
    zh: "共 {count} 个目标。方向键移动，右/左键展开和折叠，Enter 在工作表中选中目标。",
  },
  "map.values": {
    en: "actual {actual} · target {target}",
    zh: "实际 {actual} · 目标 {target}",
  },
  "map.detailValues": {
    en: "{owner} · actual {actual} · target {target} · attainment {attainment} · {status}",
    zh: "{owner} · 实际 {actual} · 目标 {target} · 达成率 {attainment} · {status}",
  },
  "map.rollup": {
    en: "Children: target {target} · actual {actual}",
    zh: "下级汇总：目标 {target} · 实际 {actual}",
  },
  "map.periods": {
    en: "Periods: target {target} · actual {actual}",
    zh: "分期汇总：目标 {target} · 实际 {actual}",
  },
  "map.noOwner": { en: "no owner", zh: "无责任人" },
  "map.noText": { en: "(no description)", zh: "（无描述）" },
  "map.noStatus": { en: "No actual yet", zh: "暂无实际值" },
  "map.attainment": { en: "Attainment", zh: "达成率" },
  "map.findings": { en: "{count} {count|finding|findings}", zh: "{count} 个问题" },
  "map.findingsWorst": {
    en: "{count} {count|finding|findings}, worst: {severity}",
    zh: "{count} 个问题，最严重：{severity}",
  },

  "tools.needAudit": {
    en: "Allocate, spread in time and improvement plans work from an audit. Audit the goal table first.",
    zh: "分解、按时间拆分和改善计划都基于审核结果。请先审核目标表。",
  },
  "template.title": { en: "Start a cascade", zh: "开始目标分解" },
  "template.intro": {
    en: "Inserts a goal table with every column, drop-downs and sample goals for this year, where it overwrites nothing.",
    zh: "插入包含所有列、下拉选项和本年度示例目标的目标表，不会覆盖任何内容。",
  },
  "template.insert": { en: "Insert goal-table template", zh: "插入目标表模板" },
  "template.inserted": {
    en: "The template went to {place} (selected).",
    zh: "模板已插入到 {place}（已选中）。",
  },
  "template.insertedTable": {
    en: "The template went to {place} as the table {table} (selected).",
    zh: "模板已作为表格 {table} 插入到 {place}（已选中）。",
  },
  "template.insertedSheet": {
    en: "The template went to a new sheet, {place}, as the table {table}.",
    zh: "模板已作为表格 {table} 插入到新工作表 {place}。",
  },

  "goal.title": { en: "Selected goal", zh: "所选目标" },
  "goal.intro": {
    en: "Select any cell in a goal's row of the sheet, then use it here.",
    zh: "在工作表中选中某个目标所在行的任意单元格，然后在此使用。",
  },
  "goal.useSelected": { en: "Use selected goal", zh: "使用所选目标" },
  "goal.notOnGoal": {
    en: "The selected cell is not on a goal's row of the audited table (sheet “{sheet}”). Select a goal's row and try again.",
    zh: "所选单元格不在已审核目标表（工作表“{sheet}”）的目标行上。请选中目标行后重试。",
  },
  "goal.picked": { en: "Goal {id} (row {row})", zh: "目标 {id}（第 {row} 行）" },
  "goal.target": { en: "Target: {target}", zh: "目标值：{target}" },

  "column.id": { en: "ID", zh: "编号" },
  "column.current": { en: "Current", zh: "当前值" },
  "column.proposed": { en: "Proposed", zh: "建议值" },
  "column.period": { en: "Period", zh: "周期" },
  "column.target": { en: "Target", zh: "目标值" },

  "allocate.title": { en: "Allocate to children", zh: "分解到下级" },
  "allocate.noChildren": {
    en: "This goal has no child goals to allocate its target to.",
    zh: "该目标没有可分解目标值的下级目标。",
  },
  "allocate.method": { en: "Method", zh: "分解方式" },
  "allocate.method.even": { en: "Evenly", zh: "平均分配" },
  "allocate.method.weights": { en: "By weights", zh: "按权重" },
  "allocate.method.baseline": { en: "Like the baseline", zh: "按基线比例" },
  "allocate.method.repeat": { en: "Repeat the target (rates)", zh: "重复目标值（比率类）" },
  "allocate.group": { en: "Children", zh: "下级类型" },
  "allocate.group.people": { en: "People", zh: "人员" },
  "allocate.group.time": { en: "Periods", zh: "期间" },
  "allocate.decimals": { en: "Decimals", zh: "小数位数" },
  "allocate.decimalsInvalid": {
    en: "Enter a whole number from 0 to 10.",
    zh: "请输入 0 到 10 的整数。",
  },
  "allocate.preview": { en: "Allocation preview", zh: "分解预览" },
  "allocate.lock": { en: "Lock", zh: "锁定" },
  "allocate.lockChild": { en: "Keep the target of {id}", zh: "保持 {id} 的目标值" },
  "allocate.totalExact": {
    en: "Σ proposed = {sum} = parent target {target} ✓",
    zh: "建议值合计 = {sum} = 上级目标值 {target} ✓",
  },
  "allocate.totalOff": {
    en: "Σ proposed = {sum}, parent target {target}",
    zh: "建议值合计 = {sum}，上级目标值 {target}",
  },
  "allocate.repeatTotal": {
    en: "Each child gets the parent's target {target}.",
    zh: "每个下级都采用上级目标值 {target}。",
  },
  "allocate.write": { en: "Write targets", zh: "写入目标值" },
  "allocate.written": {
    en: "{count} {count|target|targets} written, and the table audited again.",
    zh: "已写入 {count} 个目标值，并重新审核了目标表。",
  },
  "allocate.writtenTexts": {
    en: "{count} {count|target|targets} written, {texts} goal {texts|text|texts} changed to state {texts|it|them}, and the table audited again.",
    zh: "已写入 {count} 个目标值，并修改了 {texts} 条目标描述中的数量，已重新审核目标表。",
  },
  "allocate.writtenTextsKept": {
    en: "{count} {count|target|targets} written, and the table audited again. {texts} goal {texts|text still states its|texts still state their} old {texts|amount|amounts}.",
    zh: "已写入 {count} 个目标值，并重新审核了目标表。有 {texts} 条目标描述中的数量仍是原值。",
  },
  "allocate.updateTexts": {
    en: "Also change the amount in {count} goal {count|text that states|texts that state} the old target",
    zh: "同时修改 {count} 条目标描述中写明的原目标值",
  },
  "allocate.weightsHint": {
    en: "Shares follow each child's Weight column. Those are scorecard weights (100 % per owner), not shares of this goal: check the proposal.",
    zh: "按各下级“权重”列的值分配。该列是考核权重（每位责任人合计 100%），并非该目标的份额：请核对建议值。",
  },
  "allocate.repeatSum": {
    en: "This goal's children add up (sum): repeating its target gives each child the whole {target}, together {total}, which over-allocates it. Repeat suits rates, which average.",
    zh: "该目标的下级按求和汇总：重复目标值会让每个下级都得到完整的 {target}，合计 {total}，超额分解。重复目标值适用于取平均的比率类目标。",
  },
  "allocate.allLocked": {
    en: "Every child is locked: unlock one to give it what the others leave.",
    zh: "所有下级都已锁定：请解除锁定其中一个，由它承担其余部分。",
  },
  "allocate.nothing": {
    en: "Nothing to write: every child already has the proposed target.",
    zh: "无需写入：每个下级的目标值已与建议值相同。",
  },
  "allocate.confirmTitle": { en: "Overwrite targets?", zh: "覆盖目标值？" },
  "allocate.confirmTexts": {
    en: "{count} goal {count|text is|texts are} changed too, to state {count|its|their} new {count|target|targets}.",
    zh: "同时会修改 {count} 条目标描述中的数量，使其与新目标值一致。",
  },
  "allocate.confirmUndo": {
    en: "After writing, Undo puts the cells back as they were.",
    zh: "写入后可点击“撤销”恢复原样。",
  },
  "allocate.confirmText": {
    en: "{count} target {count|cell|cells} on the sheet “{sheet}” already {count|holds a value|hold values}:",
    zh: "工作表“{sheet}”中有 {count} 个目标值单元格已有内容：",
  },
  "allocate.confirmCells": { en: "Cells that would be overwritten", zh: "将被覆盖的单元格" },
  "allocate.confirmCancel": { en: "Cancel", zh: "取消" },
  "allocate.confirmOverwrite": { en: "Overwrite", zh: "覆盖" },

  "split.title": { en: "Spread in time", zh: "按时间拆分" },
  "split.grain": { en: "Split into", zh: "拆分为" },
  "split.quarters": { en: "Quarters (4)", zh: "季度（4）" },
  "split.months": { en: "Months (12)", zh: "月份（12）" },
  "split.profile": {
    en: "Seasonality profile ({count} weights, optional)",
    zh: "季节性分布（{count} 个权重，可选）",
  },
  "split.profileHint": {
    en: "Blank splits evenly. Otherwise {count} numbers ≥ 0, separated by commas.",
    zh: "留空则平均拆分；否则输入 {count} 个大于或等于 0 的数，以逗号分隔。",
  },
  "split.profileNumber": {
    en: "Each weight must be a number of 0 or more.",
    zh: "每个权重都必须是大于或等于 0 的数字。",
  },
  "split.profileCount": { en: "Give exactly {count} weights.", zh: "请输入正好 {count} 个权重。" },
  "split.profileTotal": {
    en: "The weights must add up to more than 0.",
    zh: "权重合计必须大于 0。",
  },
  "split.preview": { en: "Rows to add", zh: "将添加的行" },
  "split.rate": {
    en: "A rate: every period keeps the goal's target.",
    zh: "比率类目标：每个期间沿用该目标值。",
  },
  "split.add": { en: "Add {count} {count|row|rows}", zh: "添加 {count} 行" },
  "split.added": {
    en: "{count} {count|row|rows} added at the end of the table, {where} (selected), and the table audited again.",
    zh: "已在目标表末尾 {where} 添加 {count} 行（已选中），并重新审核了目标表。",
  },
  "split.inserted": {
    en: "{count} {count|row|rows} inserted under {goal}, {where} (selected), and the table audited again.",
    zh: "已在 {goal} 下方插入 {count} 行：{where}（已选中），并重新审核了目标表。",
  },
  "undo.button": { en: "Undo", zh: "撤销" },
  "undo.hintCells": {
    en: "Undo puts the cells back as they were.",
    zh: "点击“撤销”可将这些单元格恢复原样。",
  },
  "undo.hintRows": {
    en: "Undo removes {count|it|them}.",
    zh: "点击“撤销”可删除这些行。",
  },
  "undo.hintTable": { en: "Undo removes it.", zh: "点击“撤销”可删除。" },
  "undo.hintSheet": { en: "Undo deletes that sheet.", zh: "点击“撤销”可删除该工作表。" },
  "undo.hintExcel": {
    en: "To undo it, press Ctrl+Z in Excel (⌘+Z on a Mac): it is one step.",
    zh: "如需撤销，请在 Excel 中按 Ctrl+Z（Mac 上按 ⌘+Z），一步即可撤销。",
  },
  "undo.cellsDone": {
    en: "Undone: {count} {count|cell is|cells are} back as {count|it was|they were}, and the table audited again.",
    zh: "已撤销：{count} 个单元格已恢复原样，并重新审核了目标表。",
  },
  "undo.rowsDone": {
    en: "Undone: the {count} {count|row|rows} added at {where} {count|was|were} removed, and the table audited again.",
    zh: "已撤销：已删除在 {where} 添加的 {count} 行，并重新审核了目标表。",
  },
  "undo.tableDone": {
    en: "Undone: the template at {where} was removed.",
    zh: "已撤销：已删除 {where} 处的模板。",
  },
  "undo.sheetDone": {
    en: "Undone: the sheet “{sheet}” the add-in added was deleted.",
    zh: "已撤销：已删除加载项添加的工作表“{sheet}”。",
  },
  "undo.planRowsDone": {
    en: "Undone: the {count} {count|row|rows} added at {where} {count|was|were} removed.",
    zh: "已撤销：已删除在 {where} 添加的 {count} 行。",
  },
  "undo.changed": {
    en: "{cells} changed after the add-in wrote {count|it|them}. Undo anyway, and lose that change?",
    zh: "加载项写入后，{cells} 又被修改过。仍要撤销并丢弃这些修改吗？",
  },
  "undo.anyway": { en: "Undo anyway", zh: "仍然撤销" },
  "undo.keep": { en: "Keep", zh: "保留" },
  "split.existing": {
    en: "This goal is already spread: rows {first} … {last} exist. To spread it again, delete those rows first.",
    zh: "此目标已拆分：已有 {first} … {last} 行。如需重新拆分，请先删除这些行。",
  },

  "improve.title": { en: "Improve", zh: "改善" },
  "improve.intro": {
    en: "Adds a row to the improvement plan for each goal that falls behind: cause, countermeasure, deadline and follow-up are left for you to fill in.",
    zh: "为每个落后的目标在改善计划中添加一行：异常原因、改善对策、改善期限和追踪结果留待填写。",
  },
  "improve.includeAtRisk": { en: "Include at-risk goals", zh: "包括预警目标" },
  "improve.start": { en: "Start improvement plans", zh: "开始改善计划" },
  "improve.added": {
    en: "{count} {count|row|rows} added to the sheet “{sheet}” at {where} (selected).",
    zh: "已向工作表“{sheet}”的 {where} 添加 {count} 行（已选中）。",
  },
  "improve.addedSheet": {
    en: "The sheet “{sheet}” was added with {count} {count|row|rows} (selected).",
    zh: "已添加工作表“{sheet}”，含 {count} 行（已选中）。",
  },
  "improve.none": {
    en: "No rows added: every off-track goal already has a row on the sheet “{sheet}”.",
    zh: "没有添加任何行：每个落后目标在工作表“{sheet}”中都已有记录。",
  },
  "improve.noneAtRisk": {
    en: "No rows added: every off-track or at-risk goal already has a row on the sheet “{sheet}”.",
    zh: "没有添加任何行：每个落后或预警目标在工作表“{sheet}”中都已有记录。",
  },

  "options.title": { en: "Options", zh: "选项" },
  "options.atRisk": { en: "At-risk threshold", zh: "预警阈值" },
  "options.atRiskHint": {
    en: "Attainment from this up to 100% is At risk, below it Off track (0%–100%, default 90%).",
    zh: "达成率介于该值与 100% 之间为预警，低于该值为落后（0%–100%，默认 90%）。",
  },
  "options.atRiskInvalid": {
    en: "Enter a percentage from 0% to 100%, such as 90%.",
    zh: "请输入 0% 到 100% 之间的百分比，例如 90%。",
  },
  "options.overAllocation": { en: "Over-allocation stretch", zh: "超额分解上限" },
  "options.overAllocationHint": {
    en: "Children may exceed their parent's target by this much before it is flagged (default 20%).",
    zh: "下级合计超出上级目标的比例在此范围内不提示（默认 20%）。",
  },
  "options.stretch": { en: "SMART stretch limit", zh: "SMART 挑战上限" },
  "options.stretchHint": {
    en: "A target better than its baseline by more than this is too high (default 50%).",
    zh: "目标值比基线提高超过该比例即为过高（默认 50%）。",
  },
  "options.shareInvalid": {
    en: "Enter a percentage from 0% to 1000%, such as 20%.",
    zh: "请输入 0% 到 1000% 之间的百分比，例如 20%。",
  },
  "options.minGoalLength": { en: "Minimum goal length", zh: "目标描述最短长度" },
  "options.minGoalLengthHint": {
    en: "Goal texts shorter than this many characters are not specific (default 4).",
    zh: "少于该字符数的目标描述视为不具体（默认 4）。",
  },
  "options.minGoalLengthInvalid": {
    en: "Enter a whole number from 1 to 100.",
    zh: "请输入 1 到 100 的整数。",
  },
  "options.asOf": { en: "As-of date", zh: "评估日期（截至）" },
  "options.asOfHint": {
    en: "Actuals are judged against the pace expected by this date (not a goal's deadline). Blank: today.",
    zh: "按截至该日期应完成的进度评估实际值（不是目标的截止日期）。留空则为今天。",
  },
  "options.asOfInvalid": {
    en: "Enter a date as YYYY-MM-DD.",
    zh: "请按 YYYY-MM-DD 格式输入日期。",
  },
  "options.asOfRejected": {
    en: "“{text}” is not a date: enter one as YYYY-MM-DD or pick it from the calendar. The date shown stays.",
    zh: "“{text}”不是日期：请按 YYYY-MM-DD 格式输入，或从日历中选择。保留当前显示的日期。",
  },
  "options.asOfPick": { en: "Pick a date", zh: "选择日期" },
  "calendar.goToToday": { en: "Go to today", zh: "转到今天" },
  "calendar.prevMonth": { en: "Previous month", zh: "上个月" },
  "calendar.nextMonth": { en: "Next month", zh: "下个月" },
  "calendar.prevYear": { en: "Previous year", zh: "上一年" },
  "calendar.nextYear": { en: "Next year", zh: "下一年" },
  "calendar.prevYears": { en: "Previous years", zh: "前几年" },
  "calendar.nextYears": { en: "Next years", zh: "后几年" },
  "calendar.close": { en: "Close the calendar", zh: "关闭日历" },
  "calendar.selected": { en: "Selected date {date}", zh: "所选日期 {date}" },
  "calendar.today": { en: "Today's date {date}", zh: "今天 {date}" },
  "calendar.monthHeader": { en: "{date}, choose a year", zh: "{date}，选择年份" },
  "calendar.yearHeader": { en: "{date}, choose a month", zh: "{date}，选择月份" },
  "calendar.weekNumber": { en: "Week {date}", zh: "第 {date} 周" },
  "calendar.marked": { en: "marked", zh: "已标记" },
  "options.fiscalYearStart": { en: "Fiscal year starts in", zh: "财年起始月份" },
  "options.fiscalYearStartHint": {
    en: "FY periods (FY26, FY26 Q1) follow it: with July, FY26 is July 2025 to June 2026.",
    zh: "FY 周期（FY26、FY26 Q1）按此计算：选七月时，FY26 为 2025 年 7 月至 2026 年 6 月。",
  },
  "options.fiscalYearStartInvalid": {
    en: "Choose the fiscal year's first month.",
    zh: "请选择财年的第一个月。",
  },
  "options.monthLocale": { en: "en-US", zh: "zh-CN" },
  "options.dateOrder": { en: "Dates like 03/04/2026", zh: "03/04/2026 这类日期" },
  "options.dateOrderHint": {
    en: "How the goal table's slash dates are read.",
    zh: "目标表中用斜杠分隔的日期如何读取。",
  },
  "options.dateOrderAuto": {
    en: "Automatic: per column (month first when unclear)",
    zh: "自动：按列判断（无法判断时月在前）",
  },
  "options.dateOrderMdy": { en: "Month first (MM/DD/YYYY)", zh: "月在前（月/日/年）" },
  "options.dateOrderDmy": { en: "Day first (DD/MM/YYYY)", zh: "日在前（日/月/年）" },
  "options.dateOrderYmd": { en: "Year first (YY/MM/DD)", zh: "年在前（年/月/日）" },
  "options.dateOrderInvalid": { en: "Choose a date order.", zh: "请选择日期顺序。" },
  "options.liveAudit": {
    en: "Audit again when the table changes",
    zh: "目标表变动时自动重新检查",
  },
  "options.liveAuditHint": {
    en: "Findings follow your edits within a second. In Excel the highlights wait for a click on Refresh highlights, so that Ctrl+Z still undoes your own edit.",
    zh: "编辑后一秒内更新问题列表。在 Excel 中，高亮需点击“刷新高亮”才会更新，以便 Ctrl+Z 仍可撤销您自己的编辑。",
  },
  "options.language": { en: "Language", zh: "语言" },
  "options.languageAuto": { en: "Automatic (Office's language)", zh: "自动（跟随 Office 语言）" },
  "options.languageEn": { en: "English", zh: "英语（English）" },
  "options.languageZh": { en: "Chinese (中文)", zh: "中文" },
  "options.languageInvalid": { en: "Choose a language.", zh: "请选择语言。" },
  "options.save": { en: "Save options", zh: "保存选项" },
  "options.reset": { en: "Reset to defaults", zh: "恢复默认值" },
  "options.saved": {
    en: "Options saved with the workbook. They apply from the next audit.",
    zh: "选项已随工作簿保存，将在下次审核时生效。",
  },
  "options.invalid": {
    en: "Some options are not valid: see the fields marked.",
    zh: "部分选项无效：请查看标出的字段。",
  },
  "options.savedInvalid": {
    en: "The options saved in this workbook are not valid, so the defaults are used. Save the options again to fix them.",
    zh: "此工作簿中保存的选项无效，已改用默认值。请重新保存选项。",
  },
} as const satisfies Record<string, Bilingual>;

export type StringId = keyof typeof STRINGS;

/** Values a string's `{name}` placeholders take. */
export type TextParams = Record<string, string | number>;

/**
 * The words of a string id in a language, placeholders filled.
 * @example text("zh", "tab.audit") // "审核"
 */
export function text(lang: Lang, id: StringId, params?: TextParams): string {
  return interpolate(plurals(STRINGS[id][lang], params), params);
}

/** `{count|one|other}`: the form English uses for that number (Chinese has one form and never writes these). */
const PLURAL = /\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g;
const ENGLISH_PLURALS = new Intl.PluralRules("en-US");

function plurals(template: string, params: TextParams | undefined): string {
  if (!template.includes("|")) return template;
  return template.replace(PLURAL, (_whole, name: string, one: string, other: string) =>
    ENGLISH_PLURALS.select(Number(params?.[name])) === "one" ? one : other
  );
}
