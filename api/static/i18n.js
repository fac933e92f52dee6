// Every string the web page shows, in its three languages: simplified Chinese (the default),
// traditional Chinese and English. One entry per string: adding a string is adding one entry here
// and naming its key, with data-i18n in index.html or t("key") in app.js. A value is a string,
// where {name} takes a parameter, or a function of the parameters (for English plurals).

export const LANGUAGES = ["zh-Hans", "zh-Hant", "en"];
export const DEFAULT_LANGUAGE = "zh-Hans";
// Each language named in itself, for the switch.
export const LANGUAGE_NAMES = { "zh-Hans": "简体", "zh-Hant": "繁體", en: "English" };

const plural = (one, many) => (p) => (p.n === 1 ? one : many).replace("{n}", p.n);

export const MESSAGES = {
  "page.title": { "zh-Hans": "新闻摘要", "zh-Hant": "新聞摘要", en: "Chinese news summarizer" },
  "page.skip": { "zh-Hans": "跳到结果", "zh-Hant": "跳到結果", en: "Skip to results" },
  "page.heading": { "zh-Hans": "新闻摘要与标题建议", "zh-Hant": "新聞摘要與標題建議", en: "Chinese news summarizer" },
  "page.lede": {
    "zh-Hans": "粘贴一篇文章或整版电子报文本（简体或繁体），为每篇文章生成标题建议、摘要和关键短语。",
    "zh-Hant": "貼上一篇文章或整版電子報文字（簡體或繁體），為每篇文章產生標題建議、摘要和關鍵詞組。",
    en: "Paste an article or a whole e-paper page, in simplified or traditional Chinese: get headline suggestions, a summary and key phrases for each article.",
  },
  "language.switch": { "zh-Hans": "界面语言", "zh-Hant": "介面語言", en: "Language" },

  "text.label": { "zh-Hans": "文章或整版报纸文本", "zh-Hant": "文章或整版報紙文字", en: "Article or newspaper page text" },
  "text.placeholder": {
    "zh-Hans": "粘贴一篇文章或整版电子报文本…",
    "zh-Hant": "貼上一篇文章或整版電子報文字…",
    en: "Paste an article or a whole e-paper page…",
  },
  "text.count": { "zh-Hans": "{n} 字", "zh-Hant": "{n} 字", en: plural("1 character", "{n} characters") },
  "file.open": {
    "zh-Hans": "打开 .txt 或 .pdf 文件",
    "zh-Hant": "開啟 .txt 或 .pdf 檔案",
    en: "Open a .txt or .pdf file",
  },
  "pdf.reading": { "zh-Hans": "正在读取 {name}…", "zh-Hant": "正在讀取 {name}…", en: "Reading {name}…" },
  "pdf.page": { "zh-Hans": "第 {n} 版", "zh-Hant": "第 {n} 版", en: "Page {n}" },
  "pdf.continued": {
    "zh-Hans": "本版第 {first}–{last} 行接续第 {page} 版的《{title}》，全文和摘要见该版。",
    "zh-Hant": "本版第 {first}–{last} 行接續第 {page} 版的《{title}》，全文和摘要見該版。",
    en: "Lines {first}–{last} continue “{title}” of page {page}: read and summarized there.",
  },
  "pdf.done": {
    "zh-Hans": "完成：{pages} 版，{n} 篇文章。",
    "zh-Hant": "完成：{pages} 版，{n} 篇文章。",
    en: (p) =>
      `Done: ${p.n} article${p.n === 1 ? "" : "s"} on ${p.pages} page${p.pages === 1 ? "" : "s"}.`,
  },
  "file.gb18030": {
    "zh-Hans": "{name} 不是 UTF-8 编码，已按 GB18030 读取。",
    "zh-Hant": "{name} 不是 UTF-8 編碼，已按 GB18030 讀取。",
    en: "{name} is not UTF-8; it was read as GB18030.",
  },

  "length.label": { "zh-Hans": "摘要长度", "zh-Hant": "摘要長度", en: "Summary length" },
  "length.unit": { "zh-Hans": "摘要长度单位", "zh-Hant": "摘要長度單位", en: "Summary length unit" },
  "length.characters": { "zh-Hans": "字", "zh-Hant": "字", en: "characters" },
  "length.sentences": { "zh-Hans": "句", "zh-Hant": "句", en: "sentences" },
  "length.percent": { "zh-Hans": "% 的句子", "zh-Hant": "% 的句子", en: "% of the sentences" },
  "length.hint": { "zh-Hans": "每篇文章", "zh-Hant": "每篇文章", en: "per article" },
  "keyphrases.label": { "zh-Hans": "关键短语数", "zh-Hant": "關鍵詞組數", en: "Key phrases" },
  "headlines.label": { "zh-Hans": "标题建议数", "zh-Hant": "標題建議數", en: "Headlines" },
  "script.label": { "zh-Hans": "输出字形", "zh-Hant": "輸出字形", en: "Output script" },
  "script.original": { "zh-Hans": "与原文相同", "zh-Hant": "與原文相同", en: "As the input" },
  "script.to.simplified": { "zh-Hans": "简体", "zh-Hant": "簡體", en: "Simplified" },
  "script.to.traditional": { "zh-Hans": "繁体（OpenCC 标准）", "zh-Hant": "繁體（OpenCC 標準）", en: "Traditional (OpenCC)" },
  "script.to.taiwan": { "zh-Hans": "台湾正体", "zh-Hant": "臺灣正體", en: "Taiwan" },
  "script.to.hongkong": { "zh-Hans": "香港繁体", "zh-Hant": "香港繁體", en: "Hong Kong" },
  "mode.legend": { "zh-Hans": "文本是", "zh-Hant": "文字是", en: "The text is" },
  "mode.auto": { "zh-Hans": "自动识别", "zh-Hant": "自動識別", en: "Auto-detect" },
  "mode.article": { "zh-Hans": "一篇文章", "zh-Hant": "一篇文章", en: "One article" },
  "mode.page": { "zh-Hans": "一整版报纸", "zh-Hant": "一整版報紙", en: "A newspaper page" },
  "mode.looks": { "zh-Hans": "看起来是{what}：{reason}。", "zh-Hant": "看起來是{what}：{reason}。", en: "Looks like {what}: {reason}." },
  "mode.looks.page": { "zh-Hans": "一整版", "zh-Hant": "一整版", en: "a page" },
  "mode.looks.article": { "zh-Hans": "一篇文章", "zh-Hant": "一篇文章", en: "one article" },
  "mode.reason.page": {
    "zh-Hans": "{n} 个没有句末标点的短行（标题、署名…）",
    "zh-Hant": "{n} 個沒有句末標點的短行（標題、署名…）",
    en: "{n} short lines without final punctuation (titles, bylines…)",
  },
  "mode.reason.article": { "zh-Hans": "没有版面结构", "zh-Hant": "沒有版面結構", en: "no page structure found" },

  "run.button": { "zh-Hans": "生成摘要", "zh-Hant": "產生摘要", en: "Summarize" },
  "run.shortcut": { "zh-Hans": "或按", "zh-Hant": "或按", en: "or press" },
  "run.busy": {
    "zh-Hans": "正在把 {n} 个字作为{what}分析…",
    "zh-Hant": "正在把 {n} 個字作為{what}分析…",
    en: "Analysing {n} characters as {what}…",
  },
  "run.busy.page": { "zh-Hans": "一整版报纸", "zh-Hant": "一整版報紙", en: "a page" },
  "run.busy.article": { "zh-Hans": "一篇文章", "zh-Hant": "一篇文章", en: "an article" },
  "run.done": { "zh-Hans": "完成。", "zh-Hant": "完成。", en: "Done." },
  "run.done.page": {
    "zh-Hans": "完成：{n} 篇文章。",
    "zh-Hant": "完成：{n} 篇文章。",
    en: plural("Done: 1 article.", "Done: {n} articles."),
  },

  "key.state": { "zh-Hans": "本次会话已设置 API 密钥", "zh-Hant": "本次工作階段已設定 API 金鑰", en: "API key set for this session" },
  "key.forget": { "zh-Hans": "忘记密钥", "zh-Hant": "忘記金鑰", en: "Forget it" },
  "key.title": { "zh-Hans": "需要 API 密钥", "zh-Hant": "需要 API 金鑰", en: "API key needed" },
  "key.ask": {
    "zh-Hans": "此服务器需要 API 密钥。密钥只保存在这个浏览器标签页中，关闭即删除。",
    "zh-Hant": "此伺服器需要 API 金鑰。金鑰只保存在這個瀏覽器分頁中，關閉即刪除。",
    en: "This server asks for an API key. It is kept in this browser tab only, until you close it.",
  },
  "key.refused": {
    "zh-Hans": "服务器拒绝了这个 API 密钥。请输入另一个（只保存在这个标签页中）。",
    "zh-Hant": "伺服器拒絕了這個 API 金鑰。請輸入另一個（只保存在這個分頁中）。",
    en: "The server refused that API key. Enter another one (kept in this tab only).",
  },
  "key.label": { "zh-Hans": "API 密钥", "zh-Hant": "API 金鑰", en: "API key" },
  "key.use": { "zh-Hans": "使用此密钥", "zh-Hant": "使用此金鑰", en: "Use this key" },
  "key.cancel": { "zh-Hans": "取消", "zh-Hant": "取消", en: "Cancel" },
  "key.none": {
    "zh-Hans": "此服务器需要 API 密钥，但没有提供。",
    "zh-Hant": "此伺服器需要 API 金鑰，但沒有提供。",
    en: "This server needs an API key; none was given.",
  },

  "error.not_a_number": { "zh-Hans": "这不是一个数字。", "zh-Hant": "這不是一個數字。", en: "This is not a number." },
  "error.no_answer": {
    "zh-Hans": "请求没有得到回应（{detail}）。",
    "zh-Hant": "請求沒有得到回應（{detail}）。",
    en: "The request got no answer ({detail}).",
  },
  "error.unexplained": {
    "zh-Hans": "服务器回应 {status} {statusText}，没有说明原因。",
    "zh-Hant": "伺服器回應 {status} {statusText}，沒有說明原因。",
    en: "The server answered {status} {statusText} without an explanation.",
  },
  "error.hint.empty_text": {
    "zh-Hans": "请粘贴一篇文章或一整版报纸，或打开 .txt 文件，然后再运行。",
    "zh-Hant": "請貼上一篇文章或一整版報紙，或開啟 .txt 檔案，然後再執行。",
    en: "Paste an article or a newspaper page, or open a .txt file, then run again.",
  },
  "error.hint.too_long": {
    "zh-Hans": "请拆分文本，或请服务器管理员调高上限。",
    "zh-Hant": "請拆分文字，或請伺服器管理員調高上限。",
    en: "Split the text, or ask the server's operator for a higher limit.",
  },
  "error.hint.network": {
    "zh-Hans": "请确认摘要服务器正在运行，然后再运行。",
    "zh-Hant": "請確認摘要伺服器正在執行，然後再執行。",
    en: "Check that the summarizer server is running, then run again.",
  },
  "error.hint.option": {
    "zh-Hans": "请更正标出的输入框，然后再运行。",
    "zh-Hant": "請更正標出的輸入框，然後再執行。",
    en: "Correct the highlighted box and run again.",
  },
  "error.page": { "zh-Hans": "页面出错了", "zh-Hant": "頁面出錯了", en: "Something went wrong in the page" },
  "error.empty_text": { "zh-Hans": "没有可分析的文本", "zh-Hant": "沒有可分析的文字", en: "There is no text to analyse" },
  "error.too_long": { "zh-Hans": "文本超出此服务器的上限", "zh-Hant": "文字超出此伺服器的上限", en: "The text is too long for this server" },
  "error.network": { "zh-Hans": "无法连接服务器", "zh-Hant": "無法連線到伺服器", en: "Cannot reach the server" },
  "error.option": { "zh-Hans": "有一个选项未被接受", "zh-Hant": "有一個選項未被接受", en: "An option was not accepted" },
  "error.400": { "zh-Hans": "服务器无法读取请求", "zh-Hant": "伺服器無法讀取請求", en: "The server could not read the request" },
  "error.401": { "zh-Hans": "需要 API 密钥", "zh-Hant": "需要 API 金鑰", en: "API key needed" },
  "error.404": { "zh-Hans": "服务器没有这个接口", "zh-Hant": "伺服器沒有這個介面", en: "The server has no such endpoint" },
  "error.415": { "zh-Hans": "服务器不接受请求的格式", "zh-Hant": "伺服器不接受請求的格式", en: "The server did not accept the request's format" },
  "error.422": { "zh-Hans": "服务器不接受这个请求", "zh-Hant": "伺服器不接受這個請求", en: "The server did not accept the request" },
  "error.429": { "zh-Hans": "服务器正忙", "zh-Hant": "伺服器忙碌中", en: "The server is busy" },
  "error.over_budget": {
    "zh-Hans": "文本太长，无法在时限内分析",
    "zh-Hant": "文字太長，無法在時限內分析",
    en: "The text takes too long to analyse",
  },
  "error.pdf_unreadable": { "zh-Hans": "无法读取该 PDF", "zh-Hant": "無法讀取該 PDF", en: "The PDF could not be read" },
  "error.pdf_too_large": {
    "zh-Hans": "该 PDF 超出服务器的限制",
    "zh-Hant": "該 PDF 超出伺服器的限制",
    en: "The PDF is too large for this server",
  },
  "error.503": { "zh-Hans": "服务器尚未就绪", "zh-Hant": "伺服器尚未就緒", en: "The server is not ready yet" },
  "error.5xx": { "zh-Hans": "服务器出错了", "zh-Hant": "伺服器出錯了", en: "The server failed" },
  "error.failed": { "zh-Hans": "请求失败", "zh-Hant": "請求失敗", en: "The request failed" },
  "error.field": { "zh-Hans": "字段：{field}", "zh-Hant": "欄位：{field}", en: "field: {field}" },
  "error.code": { "zh-Hans": "代码：{code}", "zh-Hant": "代碼：{code}", en: "code: {code}" },

  "results.label": { "zh-Hans": "结果", "zh-Hant": "結果", en: "Results" },
  "results.articles": {
    "zh-Hans": "版面上有 {n} 篇文章",
    "zh-Hant": "版面上有 {n} 篇文章",
    en: plural("1 article on the page", "{n} articles on the page"),
  },
  "card.your_article": { "zh-Hans": "你的文章", "zh-Hant": "你的文章", en: "Your article" },
  "card.article": { "zh-Hans": "第 {n} 篇文章", "zh-Hant": "第 {n} 篇文章", en: "Article {n}" },
  "card.truncated": {
    "zh-Hans": "不完整：版面在这篇文章中间结束",
    "zh-Hant": "不完整：版面在這篇文章中間結束",
    en: "Truncated: the page ends in this article",
  },
  "card.headlines": { "zh-Hans": "标题建议", "zh-Hant": "標題建議", en: "Headline suggestions" },
  "card.summary": { "zh-Hans": "摘要", "zh-Hant": "摘要", en: "Summary" },
  "card.keyphrases": { "zh-Hans": "关键短语", "zh-Hant": "關鍵詞組", en: "Key phrases" },
  "card.original": {
    "zh-Hans": "原文（句子按得分着色）",
    "zh-Hant": "原文（句子按得分著色）",
    en: "Original text, sentences shaded by score",
  },
  "card.no_headline": { "zh-Hans": "没有标题建议。", "zh-Hant": "沒有標題建議。", en: "No headline suggestion." },
  "card.no_summary": { "zh-Hans": "没有摘要。", "zh-Hant": "沒有摘要。", en: "No summary." },
  "card.no_keyphrase": { "zh-Hans": "没有关键短语。", "zh-Hant": "沒有關鍵詞組。", en: "No key phrase." },
  "copy.button": { "zh-Hans": "复制", "zh-Hant": "複製", en: "Copy" },
  "copy.label": { "zh-Hans": "复制标题：{text}", "zh-Hant": "複製標題：{text}", en: "Copy headline: {text}" },
  "copy.done": { "zh-Hans": "已复制 ✓", "zh-Hant": "已複製 ✓", en: "Copied ✓" },
  "copy.failed": { "zh-Hans": "复制失败", "zh-Hant": "複製失敗", en: "Copy failed" },
  "copy.status": { "zh-Hans": "已复制：{text}", "zh-Hant": "已複製：{text}", en: "Copied: {text}" },
  "copy.status_failed": { "zh-Hans": "无法复制标题。", "zh-Hant": "無法複製標題。", en: "Could not copy the headline." },
  "score.headline": { "zh-Hans": "标题得分", "zh-Hant": "標題得分", en: "headline score" },
  "score.weight": { "zh-Hans": "权重 {score}", "zh-Hant": "權重 {score}", en: "weight {score}" },
  "score.sentence": { "zh-Hans": "得分 {score}", "zh-Hant": "得分 {score}", en: "score {score}" },
  "score.in_summary": { "zh-Hans": " · 在摘要中", "zh-Hant": " · 在摘要中", en: " · in the summary" },
  "legend.summary": { "zh-Hans": "摘要句", "zh-Hant": "摘要句", en: "summary sentence" },
  "legend.higher": { "zh-Hans": "得分较高", "zh-Hant": "得分較高", en: "higher score" },
  "legend.lower": { "zh-Hans": "得分较低", "zh-Hant": "得分較低", en: "lower score" },
  "legend.hover": {
    "zh-Hans": " 把鼠标停在句子上可看到得分。",
    "zh-Hant": " 把滑鼠停在句子上可看到得分。",
    en: " Hover a sentence to see its score.",
  },
  "legend.summary_only": {
    "zh-Hans": " 此服务器只给摘要句打分，其余句子不着色。",
    "zh-Hant": " 此伺服器只給摘要句打分，其餘句子不著色。",
    en: " This server only scores the summary sentences; the others are left plain.",
  },
  "repair.column_break": { "zh-Hans": "已接合分栏断开的段落", "zh-Hant": "已接合分欄斷開的段落", en: "column break rejoined" },
  "repair.repeat": { "zh-Hans": "已删除重复的段落", "zh-Hant": "已刪除重複的段落", en: "repeated copy removed" },
  "repair.lines": { "zh-Hans": "版面第 {lines} 行", "zh-Hant": "版面第 {lines} 行", en: "lines {lines} of the page" },
  "stats.sentences": { "zh-Hans": "{n} 句", "zh-Hant": "{n} 句", en: plural("1 sentence", "{n} sentences") },
  "stats.characters": { "zh-Hans": "{n} 字", "zh-Hant": "{n} 字", en: plural("1 character", "{n} characters") },
  "stats.ms": { "zh-Hans": "{ms} 毫秒", "zh-Hant": "{ms} 毫秒", en: "{ms} ms" },
  "stats.script": { "zh-Hans": "原文字形：{script}", "zh-Hant": "原文字形：{script}", en: "input script: {script}" },
  "script.simplified": { "zh-Hans": "简体", "zh-Hant": "簡體", en: "simplified" },
  "script.traditional": { "zh-Hans": "繁体", "zh-Hant": "繁體", en: "traditional" },
  "script.mixed": { "zh-Hans": "简繁混合", "zh-Hant": "簡繁混合", en: "mixed" },
  "extras.title": { "zh-Hans": "版面上的其他内容", "zh-Hant": "版面上的其他內容", en: "Also on the page" },
  "extras.labels": { "zh-Hans": "版面标签", "zh-Hant": "版面標籤", en: "Page labels" },
  "extras.captions": { "zh-Hans": "图片说明", "zh-Hant": "圖片說明", en: "Photo captions" },
  "extras.fragments": {
    "zh-Hans": "标出的片段（不进入摘要）",
    "zh-Hant": "標出的片段（不進入摘要）",
    en: "Flagged fragments (kept out of summaries)",
  },
  "extras.found_in": { "zh-Hans": "见于“{title}”：{reason}", "zh-Hant": "見於「{title}」：{reason}", en: "found in “{title}”: {reason}" },
};

/** The message ``key`` in ``language`` with its parameters filled in (the key itself if unknown). */
export function translate(language, key, params = {}) {
  const entry = MESSAGES[key];
  if (!entry) return key;
  const value = entry[language] ?? entry[DEFAULT_LANGUAGE];
  if (typeof value === "function") return value(params);
  return value.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}
