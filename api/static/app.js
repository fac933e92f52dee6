// The web page of the summarizer: sends the text to the JSON API of the same server and shows the
// records it answers. Plain ES module, no dependencies, no build step; all text from the server or the
// user goes into the page through textContent, never as HTML. Every string it shows comes from the
// table of i18n.js, in the language the user chose (simplified Chinese unless told otherwise).

import { DEFAULT_LANGUAGE, LANGUAGES, translate } from "./i18n.js";

const ENDPOINTS = { article: "v1/summarize", page: "v1/pages" };
const KEY_STORAGE = "summarizer.apiKey";
const LANGUAGE_STORAGE = "summarizer.language";
const COUNT_INPUTS = { keyphrases: "keyphrases", headlines: "headlines" };
// The summary length is one option, a spec such as "120c", "3s" or "20%" (summarizer.options),
// read from an amount and a unit; the server's errors about it name the field "length".
const FIELD_INPUTS = { text: "text", length: "length-amount", output_script: "output-script", ...COUNT_INPUTS };

// The language of the page's own words, remembered in this browser (localStorage).
let language = storedLanguage();
const t = (key, params) => translate(language, key, params);

function storedLanguage() {
  try {
    const stored = localStorage.getItem(LANGUAGE_STORAGE);
    return LANGUAGES.includes(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE; // storage refused (a privacy setting): the default, not remembered
  }
}

// A line that ends like this closes a sentence; titles, bylines, captions credits and page labels do not.
const SENTENCE_END = /[。！？!?；;…：:，,、][”’」』）)"']*$/u;
const SHORT_LINE = 40;
// Three such lines (say a title, a byline and a section heading) are more than one clean article has.
const PAGE_MIN_BARE_LINES = 3;

// The repairs the page parser reports on a paragraph (summarizer.pages.model.Repair).
const REPAIR_KINDS = new Set(["column_break", "repeat"]);

/** Decide whether a text is one article or a newspaper page, and say why. */
function detectMode(text) {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const bare = lines.filter((line) => [...line].length <= SHORT_LINE && !SENTENCE_END.test(line));
  if (bare.length >= PAGE_MIN_BARE_LINES) {
    return { mode: "page", reason: t("mode.reason.page", { n: bare.length }) };
  }
  return { mode: "article", reason: t("mode.reason.article") };
}

class ApiError extends Error {
  constructor(status, code, message, field = null) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

const $ = (id) => document.getElementById(id);

/** A new element with properties (``class``, ``text``, attributes) and children. */
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

const formatScore = (score) => (typeof score === "number" ? score.toFixed(3) : "n/a");
const formatCount = (n) => n.toLocaleString(language);

// The language tag of the outputs, for fonts and screen readers: the script asked for, else the input's.
function outputLang(record) {
  const asked = $("output-script").value;
  const script = asked === "original" ? record?.stats?.script : asked;
  if (script === "simplified") return "zh-Hans";
  if (["traditional", "taiwan", "hongkong"].includes(script)) return "zh-Hant";
  return "zh";
}

// ---------------------------------------------------------------- the request

function readOptions() {
  const options = {};
  for (const [name, id] of Object.entries(COUNT_INPUTS)) {
    const value = readNumber(name, id);
    if (value !== null) options[name] = Number(value);
  }
  const amount = readNumber("length", "length-amount");
  // Sent as typed: the server checks the spec and names the field if it cannot read it.
  if (amount !== null) options.length = `${amount}${$("length-unit").value}`;
  const script = $("output-script").value;
  if (script !== "original") options.output_script = script;
  return options;
}

/** The text of a number box, or null when it was emptied (meaning "the server's default"). */
function readNumber(name, id) {
  const input = $(id);
  if (input.validity.badInput) throw new ApiError(0, "invalid_option", t("error.not_a_number"), name);
  const value = input.value.trim();
  return value === "" ? null : value;
}

async function post(path, body, apiKey) {
  // A PDF file goes as it is, its options in the query string (the API's application/pdf body).
  const pdf = body instanceof Blob;
  const headers = { "Content-Type": pdf ? "application/pdf" : "application/json", Accept: "application/json" };
  if (apiKey) headers.Authorization = `Bearer ${apiKey}`;
  const url = new URL(path, document.baseURI);
  if (pdf) for (const [name, value] of Object.entries(readOptions())) url.searchParams.set(name, value);
  let response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers,
      body: pdf ? body : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError(0, "network", t("error.no_answer", { detail: error.message }));
  }
  const payload = await response.json().catch(() => null);
  if (response.ok && payload !== null) return payload;
  const detail = payload?.error;
  if (detail?.message) throw new ApiError(response.status, detail.code, detail.message, detail.field ?? null);
  throw new ApiError(
    response.status,
    `http_${response.status}`,
    t("error.unexplained", { status: response.status, statusText: response.statusText }),
  );
}

/** POST with the session's API key; on 401 ask for a key (again if the last one was refused). */
async function callApi(path, body) {
  let apiKey = sessionStorage.getItem(KEY_STORAGE);
  for (;;) {
    try {
      return await post(path, body, apiKey);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      const refused = apiKey !== null;
      forgetKey();
      apiKey = await askForKey(refused);
      if (apiKey === null) {
        throw new ApiError(401, error.code, t("key.none"));
      }
      sessionStorage.setItem(KEY_STORAGE, apiKey);
      showKeyState();
    }
  }
}

function askForKey(refused) {
  const dialog = $("key-dialog");
  const input = $("api-key");
  $("key-dialog-text").textContent = refused ? t("key.refused") : t("key.ask");
  input.value = "";
  dialog.returnValue = "";
  return new Promise((resolve) => {
    dialog.addEventListener(
      "close",
      () => {
        const key = input.value.trim();
        input.value = "";
        resolve(dialog.returnValue === "ok" && key ? key : null);
      },
      { once: true },
    );
    dialog.showModal();
    input.focus();
  });
}

function forgetKey() {
  sessionStorage.removeItem(KEY_STORAGE);
  showKeyState();
}

function showKeyState() {
  $("key-state").hidden = sessionStorage.getItem(KEY_STORAGE) === null;
}

// ---------------------------------------------------------------- messages

// What the user can do about the errors a person can cause from this page (keys of i18n.js).
const ERROR_HINTS = {
  empty_text: "error.hint.empty_text",
  text_too_long: "error.hint.too_long",
  body_too_large: "error.hint.too_long",
  network: "error.hint.network",
};
const ERROR_TITLES = {
  empty_text: "error.empty_text",
  text_too_long: "error.too_long",
  network: "error.network",
  overloaded: "error.429",
  over_budget: "error.over_budget",
  not_pdf: "error.pdf_unreadable",
  invalid_pdf: "error.pdf_unreadable",
  encrypted_pdf: "error.pdf_unreadable",
  no_text_layer: "error.pdf_unreadable",
  pdf_too_complex: "error.pdf_unreadable",
  too_many_pages: "error.pdf_too_large",
};
const STATUS_TITLES = {
  400: "error.400",
  401: "error.401",
  404: "error.404",
  413: "error.too_long",
  415: "error.415",
  422: "error.422",
  429: "error.429",
  503: "error.503",
};

function describeError(error) {
  if (!(error instanceof ApiError)) return { title: t("error.page"), text: String(error) };
  const onOption = (error.field ?? "text") !== "text" && Object.hasOwn(FIELD_INPUTS, error.field);
  const fallback = error.status >= 500 ? "error.5xx" : "error.failed";
  const byField = onOption ? "error.option" : undefined;
  const title = t(ERROR_TITLES[error.code] ?? byField ?? STATUS_TITLES[error.status] ?? fallback);
  const hintKey = ERROR_HINTS[error.code] ?? (onOption ? "error.hint.option" : null);
  // The server's own message stays as it wrote it (English): it names the field and the value.
  return { title, text: hintKey ? `${sentence(error.message)} ${t(hintKey)}` : sentence(error.message) };
}

/** A server message (``"the text is empty"``) as a sentence: capital first letter, final stop. */
function sentence(message) {
  const text = String(message).trim();
  if (!text) return "";
  return text[0].toUpperCase() + text.slice(1) + (/[.!?。！？]$/u.test(text) ? "" : ".");
}

function showError(error) {
  const box = $("error");
  const { title, text } = describeError(error);
  const details = [];
  if (error.field) details.push(t("error.field", { field: error.field }));
  if (error.code) details.push(t("error.code", { code: error.code }));
  if (error.status) details.push(`HTTP ${error.status}`);
  box.replaceChildren(
    el("strong", { text: title }),
    el("p", { text }),
    details.length ? el("p", { class: "error-details", text: details.join(" · ") }) : null,
  );
  box.hidden = false;
  const input = error.field ? $(FIELD_INPUTS[error.field] ?? "") : null;
  if (input) {
    input.setAttribute("aria-invalid", "true");
    setDescribedBy(input, [...describedBy(input), "error"]);
    input.focus({ preventScroll: true });
  }
  // The message sits by the button; a tall text box must not push it out of sight.
  box.scrollIntoView({ block: "nearest" });
}

function clearError() {
  $("error").hidden = true;
  $("error").replaceChildren();
  for (const id of Object.values(FIELD_INPUTS)) {
    $(id).removeAttribute("aria-invalid");
    setDescribedBy($(id), describedBy($(id)).filter((ref) => ref !== "error"));
  }
}

const describedBy = (input) => (input.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);

function setDescribedBy(input, refs) {
  if (refs.length) input.setAttribute("aria-describedby", [...new Set(refs)].join(" "));
  else input.removeAttribute("aria-describedby");
}

function setBusy(busy, message) {
  $("run").disabled = busy;
  $("results").setAttribute("aria-busy", String(busy));
  $("status").classList.toggle("busy", busy);
  $("status-text").textContent = message;
}

// ---------------------------------------------------------------- sentences and their scores

/**
 * Where each scored sentence lies in ``body``. Every sentence of the article when the record has
 * ``sentences`` (with offsets and scores); otherwise only the summary sentences, found by their text.
 */
function locateSentences(body, record) {
  const inSummary = new Set((record.summary ?? []).map((s) => s.index));
  const complete = Array.isArray(record.sentences);
  const items = [...(complete ? record.sentences : (record.summary ?? []))].sort((a, b) => a.index - b.index);
  const spans = [];
  let cursor = 0;
  for (const item of items) {
    const text = item.text ?? "";
    if (!text) continue;
    const atOffset = Number.isInteger(item.start) && body.startsWith(text, item.start);
    let start = atOffset ? item.start : body.indexOf(text, cursor);
    if (start < 0) start = body.indexOf(text);
    if (start < 0 || (spans.length && start < spans.at(-1).end)) continue;
    spans.push({ start, end: start + text.length, score: item.score, inSummary: inSummary.has(item.index) });
    cursor = start + text.length;
  }
  return { spans, complete };
}

/**
 * The paragraphs as ``<p>``, each sentence shaded by its score, repaired paragraphs marked. The
 * engine analysed them joined by newlines, so that is the text the sentences are found in.
 */
function renderBody(paragraphTexts, record, { repairs: repairsByParagraph, headings }) {
  const body = paragraphTexts.join("\n");
  const { spans, complete } = locateSentences(body, record);
  const top = Math.max(0, ...spans.map((s) => s.score ?? 0));
  const paragraphs = [];
  let offset = 0;
  for (const [number, line] of paragraphTexts.entries()) {
    const start = offset;
    const end = start + line.length;
    offset = end + 1;
    if (!line.trim()) continue;
    const p = el("p", { lang: outputLang(record), class: headings.has(line.trim()) ? "section-heading" : null });
    const repairs = repairsByParagraph.get(number) ?? [];
    if (repairs.length) {
      p.classList.add("repaired");
      for (const repair of repairs) {
        const { label, detail } = describeRepair(repair);
        p.append(el("span", { class: "repair-mark", title: detail, lang: language, text: `⟲ ${label}` }), " ");
      }
    }
    let at = start;
    for (const span of spans) {
      if (span.end <= start || span.start >= end) continue;
      const from = Math.max(span.start, start);
      const to = Math.min(span.end, end);
      if (from > at) p.append(body.slice(at, from));
      const label = t("score.sentence", { score: formatScore(span.score) }) + (span.inSummary ? t("score.in_summary") : "");
      const node = el(span.inSummary ? "mark" : "span", { class: "sentence", title: label });
      node.style.setProperty("--shade", top > 0 ? ((span.score ?? 0) / top).toFixed(3) : "0");
      node.textContent = body.slice(from, to);
      p.append(node);
      at = to;
    }
    if (at < end) p.append(body.slice(at, end));
    paragraphs.push(p);
  }
  const legend = el(
    "p",
    { class: "legend" },
    el("mark", { class: "sentence swatch", text: t("legend.summary") }),
    " ",
    el("span", { class: "sentence swatch strong", text: t("legend.higher") }),
    " ",
    el("span", { class: "sentence swatch weak", text: t("legend.lower") }),
    complete ? t("legend.hover") : t("legend.summary_only"),
  );
  return [legend, el("div", { class: "body" }, paragraphs)];
}

/** A short label for the mark, and the details (lines of the page, what was joined) for its title. */
function describeRepair(repair) {
  const label = REPAIR_KINDS.has(repair.kind) ? t(`repair.${repair.kind}`) : String(repair.kind).replaceAll("_", " ");
  const lines = repair.lines ?? [];
  const where = lines.length ? t("repair.lines", { lines: lines.join(", ") }) : "";
  const seam = repair.kind === "column_break" ? repair.detail?.replace("|", " ⟲ ") : repair.detail;
  return { label, detail: [label, where, seam].filter(Boolean).join(" · ") };
}

function repairsByParagraph(repairs) {
  const byParagraph = new Map();
  for (const repair of repairs ?? []) {
    byParagraph.set(repair.paragraph, [...(byParagraph.get(repair.paragraph) ?? []), repair]);
  }
  return byParagraph;
}

// ---------------------------------------------------------------- cards

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // The async clipboard needs a secure context (https or localhost); an old-style copy works elsewhere.
    const scratch = el("textarea", { class: "offscreen", readonly: true });
    scratch.value = text;
    document.body.append(scratch);
    scratch.select();
    const copied = document.execCommand("copy");
    scratch.remove();
    return copied;
  }
}

function headlineList(headlines, lang) {
  if (!headlines?.length) return el("p", { class: "empty", text: t("card.no_headline") });
  return el(
    "ol",
    { class: "headlines" },
    headlines.map((headline) => {
      const button = el("button", {
        type: "button",
        class: "copy",
        text: t("copy.button"),
        "aria-label": t("copy.label", { text: headline.text }),
      });
      button.addEventListener("click", async () => {
        const copied = await copyText(headline.text);
        button.textContent = copied ? t("copy.done") : t("copy.failed");
        button.classList.toggle("done", copied);
        $("status-text").textContent = copied
          ? t("copy.status", { text: headline.text })
          : t("copy.status_failed");
        setTimeout(() => {
          button.textContent = t("copy.button");
          button.classList.remove("done");
        }, 2000);
      });
      return el(
        "li",
        {},
        el(
          "div",
          { class: "headline-row" },
          el("span", { class: "headline-text", lang, text: headline.text }),
          el("span", { class: "score", title: t("score.headline"), text: formatScore(headline.score) }),
          button,
        ),
      );
    }),
  );
}

function chipList(phrases, lang) {
  if (!phrases?.length) return el("p", { class: "empty", text: t("card.no_keyphrase") });
  const top = Math.max(...phrases.map((p) => p.score ?? 0));
  return el(
    "ul",
    { class: "chips", lang },
    phrases.map((phrase) => {
      const weight = t("score.weight", { score: formatScore(phrase.score) });
      const chip = el("li", { class: "chip", title: weight, text: phrase.text });
      chip.style.setProperty("--weight", top > 0 ? ((phrase.score ?? 0) / top).toFixed(3) : "0");
      return chip;
    }),
  );
}

function metaLine(article, lang) {
  const parts = [
    ...(article.bylines ?? []),
    article.dateline,
    article.author && article.author_note ? `${article.author} ${article.author_note}` : article.author,
  ].filter(Boolean);
  return parts.length ? el("p", { class: "meta", lang, text: parts.join(" · ") }) : null;
}

function statsLine(stats) {
  if (!stats) return null;
  const parts = [
    t("stats.sentences", { n: stats.sentences }),
    t("stats.characters", { n: stats.characters }),
    typeof stats.elapsed_ms === "number" ? t("stats.ms", { ms: stats.elapsed_ms.toFixed(1) }) : null,
    ...(stats.notes ?? []),
  ].filter(Boolean);
  // The script the engine found the input written in (summarizer.script), shown first.
  const script = stats.script
    ? el("span", { class: "script", text: t("stats.script", { script: t(`script.${stats.script}`) }) })
    : null;
  return el("p", { class: "stats" }, script, script && parts.length ? " · " : null, parts.join(" · "));
}

// The marks that end a statement (summarizer.text.punctuation.FINAL_MARKS).
const FINAL_MARKS = new Set("。！？；!?;…”’」』）)】》");

/**
 * Sentences of one text joined in their order, a line break after one that ends without a final
 * mark (a heading or a lead-in that stood on its own line), as summarizer.text.punctuation's
 * join_sentences does for the library and the CLI.
 */
function joinSentences(texts) {
  let joined = "";
  for (const text of texts) {
    const previous = joined.trimEnd();
    if (previous && !FINAL_MARKS.has(previous.at(-1))) joined += "\n";
    joined += text;
  }
  return joined;
}

function articleCard(view, number, { openText }) {
  const { record } = view;
  const titleId = `article-${number}-title`;
  const summaryText = joinSentences((record.summary ?? []).map((s) => s.text));
  const lang = outputLang(record);
  const details = el(
    "details",
    { class: "original", open: openText },
    el("summary", { text: t("card.original") }),
    renderBody(view.paragraphs, record, {
      repairs: repairsByParagraph(view.repairs),
      headings: new Set(view.section_headings ?? []),
    }),
  );
  return el(
    "article",
    { class: "card", "aria-labelledby": titleId },
    el(
      "header",
      { class: "card-head" },
      view.kicker ? el("p", { class: "kicker", lang, text: view.kicker }) : null,
      el("h2", { id: titleId, lang, text: view.title ?? t("card.article", { n: number }) }),
      view.subtitle ? el("p", { class: "subtitle", lang, text: view.subtitle }) : null,
      metaLine(view, lang),
      view.truncated ? el("p", { class: "badge", text: t("card.truncated") }) : null,
    ),
    el(
      "div",
      { class: "card-body" },
      el(
        "div",
        { class: "card-main" },
        el("section", {}, el("h3", { text: t("card.headlines") }), headlineList(record.headlines, lang)),
        el(
          "section",
          {},
          el("h3", { text: t("card.summary") }),
          summaryText
            ? el("p", { class: "summary", lang, text: summaryText })
            : el("p", { class: "empty", text: t("card.no_summary") }),
        ),
        el("section", {}, el("h3", { text: t("card.keyphrases") }), chipList(record.keyphrases, lang)),
        statsLine(record.stats),
      ),
      details,
    ),
  );
}

function pageExtras(record, key = "") {
  const captions = record.captions ?? [];
  const labels = record.page_labels ?? [];
  const fragments = record.fragments ?? [];
  const titles = (record.articles ?? []).map((article, i) => article.title ?? t("card.article", { n: i + 1 }));
  const lang = outputLang(record.articles?.[0]);
  if (!captions.length && !labels.length && !fragments.length) return null;
  return el(
    "aside",
    { class: "card extras", "aria-labelledby": `extras-title${key}` },
    el("h2", { id: `extras-title${key}`, text: t("extras.title") }),
    labels.length
      ? el(
          "section",
          {},
          el("h3", { text: t("extras.labels") }),
          el(
            "ul",
            { class: "chips labels", lang },
            labels.map((label) => el("li", { class: "chip", text: label })),
          ),
        )
      : null,
    captions.length
      ? el(
          "section",
          {},
          el("h3", { text: t("extras.captions") }),
          el(
            "ul",
            { class: "plain captions", lang },
            captions.map((caption) => {
              const credit = caption.credit && el("span", { class: "credit", text: ` ${caption.credit}` });
              return el("li", {}, caption.text, credit);
            }),
          ),
        )
      : null,
    fragments.length
      ? el(
          "section",
          {},
          el("h3", { text: t("extras.fragments") }),
          el(
            "ul",
            { class: "plain fragments", lang },
            fragments.map((fragment) => {
              const found = titles[fragment.article];
              const why = found ? t("extras.found_in", { title: found, reason: fragment.reason }) : fragment.reason;
              return el("li", {}, fragment.text, el("span", { class: "why", text: ` — ${why}` }));
            }),
          ),
        )
      : null,
  );
}

// The last answer shown, drawn again in the new language when the user switches.
let shown = null;

function render(mode, text, record) {
  shown = { mode, text, record };
  const results = $("results");
  if (mode === "article") {
    const view = { record, paragraphs: text.split("\n"), title: t("card.your_article") };
    results.replaceChildren(articleCard(view, 1, { openText: true }));
    return t("run.done");
  }
  if (mode === "pdf") {
    results.replaceChildren(...pdfNodes(record.pages));
    const count = record.pages.reduce((sum, page) => sum + (page.articles ?? []).length, 0);
    return t("pdf.done", { n: count, pages: record.pages.length });
  }
  results.replaceChildren(...pageNodes(record));
  return t("run.done.page", { n: (record.articles ?? []).length });
}

/** The pages of a PDF, each under its number with the reader's notes (server text, English). */
function pdfNodes(pages) {
  let first = 1; // articles are numbered across the pages, so that every card has its own id
  return pages.flatMap((record) => {
    const nodes = [
      el("h2", { class: "results-heading", text: t("pdf.page", { n: record.page }) }),
      ...(record.notes ?? []).map((note) => el("p", { class: "hint", text: note })),
      // text of this page kept whole in an article of an earlier page: say where it went
      ...(record.continued ?? []).map((c) =>
        el("p", {
          class: "hint",
          text: t("pdf.continued", {
            first: c.lines[0],
            last: c.lines[1],
            page: c.page,
            title: c.title ?? "—",
          }),
        }),
      ),
      ...pageNodes(record, first),
    ];
    first += (record.articles ?? []).length;
    return nodes;
  });
}

/** The cards of a page record: a heading, one card per article, what else is on the page. */
function pageNodes(record, first = 1) {
  const articles = record.articles ?? [];
  const cards = articles.map((article, i) =>
    articleCard({ ...article, record: article }, first + i, { openText: false }),
  );
  // a PDF page whose text all went into a story of an earlier page says so (its hint), not
  // that it holds no article
  const continuesOnly = !articles.length && (record.continued ?? []).length > 0;
  const heading = continuesOnly
    ? null
    : el("h2", { class: "results-heading", text: t("results.articles", { n: articles.length }) });
  return [heading, ...cards, pageExtras(record, record.page ?? "")].filter(Boolean);
}

// ---------------------------------------------------------------- wiring

function chosenMode(text) {
  const choice = document.querySelector('input[name="mode"]:checked').value;
  return choice === "auto" ? detectMode(text).mode : choice;
}

function updateTextInfo() {
  const text = $("text").value;
  $("char-count").textContent = t("text.count", { n: formatCount([...text].length) });
  const auto = document.querySelector('input[name="mode"]:checked').value === "auto";
  const detected = text.trim() ? detectMode(text) : null;
  const what = t(detected?.mode === "page" ? "mode.looks.page" : "mode.looks.article");
  $("detected-mode").textContent = auto && detected ? t("mode.looks", { what, reason: detected.reason }) : "";
}

let running = false;

async function run() {
  if (running) return;
  clearError();
  // Even an empty text goes to the server: its answer is the one authority on what is accepted.
  const text = $("text").value;
  let options;
  try {
    options = readOptions();
  } catch (error) {
    showError(error);
    return;
  }
  const mode = chosenMode(text);
  running = true;
  const what = t(mode === "page" ? "run.busy.page" : "run.busy.article");
  setBusy(true, t("run.busy", { n: formatCount([...text].length), what }));
  try {
    const record = await callApi(ENDPOINTS[mode], { text, ...options });
    setBusy(false, render(mode, text, record));
  } catch (error) {
    setBusy(false, "");
    showError(error);
  } finally {
    running = false;
  }
}

/** A PDF file is read by the server (one record per PDF page), shown page by page. */
async function runPdf(file) {
  if (running) return;
  clearError();
  try {
    readOptions();
  } catch (error) {
    showError(error);
    return;
  }
  running = true;
  setBusy(true, t("pdf.reading", { name: file.name }));
  try {
    const { pages } = await callApi(ENDPOINTS.page, file);
    setBusy(false, render("pdf", "", { pages }));
  } catch (error) {
    setBusy(false, "");
    showError(error);
  } finally {
    running = false;
  }
}

async function openFile(file) {
  if (file.type === "application/pdf" || /\.pdf$/i.test(file.name)) {
    runPdf(file);
    return;
  }
  clearError();
  const bytes = await file.arrayBuffer();
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Chinese text files that are not UTF-8 are nearly always GB18030 (or its subset GBK); say so.
    text = new TextDecoder("gb18030").decode(bytes);
    $("status-text").textContent = t("file.gb18030", { name: file.name });
  }
  $("text").value = text;
  updateTextInfo();
}

/** The page's own words in ``language``: the marked elements, the switch, the last results. */
function applyLanguage() {
  document.documentElement.lang = language;
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll("[data-i18n-placeholder]")) {
    node.setAttribute("placeholder", t(node.dataset.i18nPlaceholder));
  }
  for (const node of document.querySelectorAll("[data-i18n-aria-label]")) {
    node.setAttribute("aria-label", t(node.dataset.i18nAriaLabel));
  }
  for (const button of document.querySelectorAll("[data-language]")) {
    button.setAttribute("aria-pressed", String(button.dataset.language === language));
  }
  updateTextInfo();
  if (shown) render(shown.mode, shown.text, shown.record);
}

function chooseLanguage(chosen) {
  language = chosen;
  try {
    localStorage.setItem(LANGUAGE_STORAGE, chosen);
  } catch {
    // storage refused: the choice holds for this visit only
  }
  applyLanguage();
}

function start() {
  for (const button of document.querySelectorAll("[data-language]")) {
    button.addEventListener("click", () => chooseLanguage(button.dataset.language));
  }
  $("run-form").addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !$("key-dialog").open) {
      event.preventDefault();
      run();
    }
  });
  $("text").addEventListener("input", updateTextInfo);
  for (const radio of document.querySelectorAll('input[name="mode"]')) {
    radio.addEventListener("change", updateTextInfo);
  }
  $("file").addEventListener("change", (event) => {
    const [file] = event.target.files;
    if (file) openFile(file);
  });
  $("forget-key").addEventListener("click", forgetKey);
  showKeyState();
  applyLanguage();
}

start();
