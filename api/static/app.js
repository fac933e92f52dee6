// The web page of the summarizer: sends the text to the JSON API of the same server and shows the
// records it answers. Plain ES module, no dependencies, no build step; all text from the server or the
// user goes into the page through textContent, never as HTML.

const ENDPOINTS = { article: "v1/summarize", page: "v1/pages" };
const KEY_STORAGE = "summarizer.apiKey";
const COUNT_INPUTS = { keyphrases: "keyphrases", headlines: "headlines" };
// The summary length is one option, a spec such as "120c", "3s" or "20%" (summarizer.options),
// read from an amount and a unit; the server's errors about it name the field "length".
const FIELD_INPUTS = { text: "text", length: "length-amount", ...COUNT_INPUTS };

// A line that ends like this closes a sentence; titles, bylines, captions credits and page labels do not.
const SENTENCE_END = /[。！？!?；;…：:，,、][”’」』）)"']*$/u;
const SHORT_LINE = 40;
// Three such lines (say a title, a byline and a section heading) are more than one clean article has.
const PAGE_MIN_BARE_LINES = 3;

// The repairs the page parser reports on a paragraph (summarizer.pages.model.Repair).
const REPAIR_LABELS = { column_break: "column break rejoined", repeat: "repeated copy removed" };

/** Decide whether a text is one article or a newspaper page, and say why. */
function detectMode(text) {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const bare = lines.filter((line) => [...line].length <= SHORT_LINE && !SENTENCE_END.test(line));
  if (bare.length >= PAGE_MIN_BARE_LINES) {
    const reason = `${bare.length} short lines without final punctuation (titles, bylines…)`;
    return { mode: "page", reason };
  }
  return { mode: "article", reason: "no page structure found" };
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
  return options;
}

/** The text of a number box, or null when it was emptied (meaning "the server's default"). */
function readNumber(name, id) {
  const input = $(id);
  if (input.validity.badInput) throw new ApiError(0, "invalid_option", "This is not a number.", name);
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
    throw new ApiError(0, "network", `The request got no answer (${error.message}).`);
  }
  const payload = await response.json().catch(() => null);
  if (response.ok && payload !== null) return payload;
  const detail = payload?.error;
  if (detail?.message) throw new ApiError(response.status, detail.code, detail.message, detail.field ?? null);
  throw new ApiError(
    response.status,
    `http_${response.status}`,
    `The server answered ${response.status} ${response.statusText} without an explanation.`,
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
        throw new ApiError(401, error.code, "This server needs an API key; none was given.");
      }
      sessionStorage.setItem(KEY_STORAGE, apiKey);
      showKeyState();
    }
  }
}

function askForKey(refused) {
  const dialog = $("key-dialog");
  const input = $("api-key");
  $("key-dialog-text").textContent = refused
    ? "The server refused that API key. Enter another one (kept in this tab only)."
    : "This server asks for an API key. It is kept in this browser tab only, until you close it.";
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

// What the user can do about the errors a person can cause from this page.
const ERROR_HINTS = {
  empty_text: "Paste an article or a newspaper page, or open a .txt file, then run again.",
  text_too_long: "Split the text, or ask the server's operator for a higher limit.",
  body_too_large: "Split the text, or ask the server's operator for a higher limit.",
  network: "Check that the summarizer server is running, then run again.",
};

function describeError(error) {
  if (!(error instanceof ApiError)) return { title: "Something went wrong in the page", text: String(error) };
  const byCode = {
    empty_text: "There is no text to analyse",
    text_too_long: "The text is too long for this server",
    network: "Cannot reach the server",
    not_pdf: "The PDF could not be read",
    invalid_pdf: "The PDF could not be read",
    encrypted_pdf: "The PDF could not be read",
    no_text_layer: "The PDF could not be read",
    pdf_too_complex: "The PDF could not be read",
    too_many_pages: "The PDF is too large for this server",
  };
  const onOption = (error.field ?? "text") !== "text" && Object.hasOwn(FIELD_INPUTS, error.field);
  const byStatus = {
    400: "The server could not read the request",
    401: "API key needed",
    404: "The server has no such endpoint",
    413: "The text is too long for this server",
    415: "The server did not accept the request's format",
    422: "The server did not accept the request",
    429: "The server is busy",
    503: "The server is not ready yet",
  };
  const fallback = error.status >= 500 ? "The server failed" : "The request failed";
  const byField = onOption ? "An option was not accepted" : undefined;
  const title = byCode[error.code] ?? byField ?? byStatus[error.status] ?? fallback;
  const hint = ERROR_HINTS[error.code] ?? (onOption ? "Correct the highlighted box and run again." : null);
  return { title, text: hint ? `${sentence(error.message)} ${hint}` : sentence(error.message) };
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
  if (error.field) details.push(`field: ${error.field}`);
  if (error.code) details.push(`code: ${error.code}`);
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
    const p = el("p", { lang: "zh-Hans", class: headings.has(line.trim()) ? "section-heading" : null });
    const repairs = repairsByParagraph.get(number) ?? [];
    if (repairs.length) {
      p.classList.add("repaired");
      for (const repair of repairs) {
        const { label, detail } = describeRepair(repair);
        p.append(el("span", { class: "repair-mark", title: detail, lang: "en", text: `⟲ ${label}` }), " ");
      }
    }
    let at = start;
    for (const span of spans) {
      if (span.end <= start || span.start >= end) continue;
      const from = Math.max(span.start, start);
      const to = Math.min(span.end, end);
      if (from > at) p.append(body.slice(at, from));
      const label = `score ${formatScore(span.score)}${span.inSummary ? " · in the summary" : ""}`;
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
    el("mark", { class: "sentence swatch", text: "summary sentence" }),
    " ",
    el("span", { class: "sentence swatch strong", text: "higher score" }),
    " ",
    el("span", { class: "sentence swatch weak", text: "lower score" }),
    complete
      ? " Hover a sentence to see its score."
      : " This server only scores the summary sentences; the others are left plain.",
  );
  return [legend, el("div", { class: "body" }, paragraphs)];
}

/** A short label for the mark, and the details (lines of the page, what was joined) for its title. */
function describeRepair(repair) {
  const label = REPAIR_LABELS[repair.kind] ?? String(repair.kind).replaceAll("_", " ");
  const lines = repair.lines ?? [];
  const where = lines.length ? `${lines.length > 1 ? "lines" : "line"} ${lines.join(", ")} of the page` : "";
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

function headlineList(headlines) {
  if (!headlines?.length) return el("p", { class: "empty", text: "No headline suggestion." });
  return el(
    "ol",
    { class: "headlines" },
    headlines.map((headline) => {
      const button = el("button", {
        type: "button",
        class: "copy",
        text: "Copy",
        "aria-label": `Copy headline: ${headline.text}`,
      });
      button.addEventListener("click", async () => {
        const copied = await copyText(headline.text);
        button.textContent = copied ? "Copied ✓" : "Copy failed";
        button.classList.toggle("done", copied);
        $("status-text").textContent = copied ? `Copied: ${headline.text}` : "Could not copy the headline.";
        setTimeout(() => {
          button.textContent = "Copy";
          button.classList.remove("done");
        }, 2000);
      });
      return el(
        "li",
        {},
        el(
          "div",
          { class: "headline-row" },
          el("span", { class: "headline-text", lang: "zh-Hans", text: headline.text }),
          el("span", { class: "score", title: "headline score", text: formatScore(headline.score) }),
          button,
        ),
      );
    }),
  );
}

function chipList(phrases) {
  if (!phrases?.length) return el("p", { class: "empty", text: "No key phrase." });
  const top = Math.max(...phrases.map((p) => p.score ?? 0));
  return el(
    "ul",
    { class: "chips", lang: "zh-Hans" },
    phrases.map((phrase) => {
      const weight = `weight ${formatScore(phrase.score)}`;
      const chip = el("li", { class: "chip", title: weight, text: phrase.text });
      chip.style.setProperty("--weight", top > 0 ? ((phrase.score ?? 0) / top).toFixed(3) : "0");
      return chip;
    }),
  );
}

function metaLine(article) {
  const parts = [
    ...(article.bylines ?? []),
    article.dateline,
    article.author && article.author_note ? `${article.author} ${article.author_note}` : article.author,
  ].filter(Boolean);
  return parts.length ? el("p", { class: "meta", lang: "zh-Hans", text: parts.join(" · ") }) : null;
}

function statsLine(stats) {
  if (!stats) return null;
  const parts = [
    `${stats.sentences} sentences`,
    `${stats.characters} characters`,
    typeof stats.elapsed_ms === "number" ? `${stats.elapsed_ms.toFixed(1)} ms` : null,
    ...(stats.notes ?? []),
  ].filter(Boolean);
  return el("p", { class: "stats", text: parts.join(" · ") });
}

function articleCard(view, number, { openText }) {
  const { record } = view;
  const titleId = `article-${number}-title`;
  const summaryText = (record.summary ?? []).map((s) => s.text).join("");
  const details = el(
    "details",
    { class: "original", open: openText },
    el("summary", { text: "Original text, sentences shaded by score" }),
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
      view.kicker ? el("p", { class: "kicker", lang: "zh-Hans", text: view.kicker }) : null,
      el("h2", { id: titleId, lang: "zh-Hans", text: view.title ?? `Article ${number}` }),
      view.subtitle ? el("p", { class: "subtitle", lang: "zh-Hans", text: view.subtitle }) : null,
      metaLine(view),
      view.truncated ? el("p", { class: "badge", text: "Truncated: the page ends in this article" }) : null,
    ),
    el(
      "div",
      { class: "card-body" },
      el(
        "div",
        { class: "card-main" },
        el("section", {}, el("h3", { text: "Headline suggestions" }), headlineList(record.headlines)),
        el(
          "section",
          {},
          el("h3", { text: "Summary" }),
          summaryText
            ? el("p", { class: "summary", lang: "zh-Hans", text: summaryText })
            : el("p", { class: "empty", text: "No summary." }),
        ),
        el("section", {}, el("h3", { text: "Key phrases" }), chipList(record.keyphrases)),
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
  const titles = (record.articles ?? []).map((article, i) => article.title ?? `Article ${i + 1}`);
  if (!captions.length && !labels.length && !fragments.length) return null;
  return el(
    "aside",
    { class: "card extras", "aria-labelledby": `extras-title${key}` },
    el("h2", { id: `extras-title${key}`, text: "Also on the page" }),
    labels.length
      ? el(
          "section",
          {},
          el("h3", { text: "Page labels" }),
          el(
            "ul",
            { class: "chips labels", lang: "zh-Hans" },
            labels.map((label) => el("li", { class: "chip", text: label })),
          ),
        )
      : null,
    captions.length
      ? el(
          "section",
          {},
          el("h3", { text: "Photo captions" }),
          el(
            "ul",
            { class: "plain captions", lang: "zh-Hans" },
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
          el("h3", { text: "Flagged fragments (kept out of summaries)" }),
          el(
            "ul",
            { class: "plain fragments", lang: "zh-Hans" },
            fragments.map((fragment) => {
              const found = titles[fragment.article];
              const why = found ? `found in “${found}”: ${fragment.reason}` : fragment.reason;
              return el("li", {}, fragment.text, el("span", { class: "why", text: ` — ${why}` }));
            }),
          ),
        )
      : null,
  );
}

function render(mode, text, record) {
  const results = $("results");
  if (mode === "article") {
    const view = { record, paragraphs: text.split("\n"), title: "Your article" };
    results.replaceChildren(articleCard(view, 1, { openText: true }));
    return "Done.";
  }
  results.replaceChildren(...pageNodes(record));
  const count = (record.articles ?? []).length;
  return `Done: ${count} article${count === 1 ? "" : "s"}.`;
}

/** The cards of a page record: a heading, one card per article, what else is on the page. */
function pageNodes(record, first = 1) {
  const articles = record.articles ?? [];
  const cards = articles.map((article, i) =>
    articleCard({ ...article, record: article }, first + i, { openText: false }),
  );
  const heading = el("h2", {
    class: "results-heading",
    text: articles.length === 1 ? "1 article on the page" : `${articles.length} articles on the page`,
  });
  return [heading, ...cards, ...[pageExtras(record, record.page ?? "")].filter(Boolean)];
}

// ---------------------------------------------------------------- wiring

function chosenMode(text) {
  const choice = document.querySelector('input[name="mode"]:checked').value;
  return choice === "auto" ? detectMode(text).mode : choice;
}

function updateTextInfo() {
  const text = $("text").value;
  $("char-count").textContent = `${[...text].length.toLocaleString("en")} characters`;
  const auto = document.querySelector('input[name="mode"]:checked').value === "auto";
  const detected = text.trim() ? detectMode(text) : null;
  const looksLike = detected?.mode === "page" ? "a page" : "one article";
  $("detected-mode").textContent = auto && detected ? `Looks like ${looksLike}: ${detected.reason}.` : "";
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
  const what = mode === "page" ? "a page" : "an article";
  setBusy(true, `Analysing ${[...text].length.toLocaleString("en")} characters as ${what}…`);
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
  setBusy(true, `Reading ${file.name}…`);
  try {
    const { pages } = await callApi(ENDPOINTS.page, file);
    let first = 1; // articles are numbered across the pages, so that every card has its own id
    const sections = pages.flatMap((record) => {
      const nodes = [
        el("h2", { class: "results-heading", text: `Page ${record.page}` }),
        ...(record.notes ?? []).map((note) => el("p", { class: "hint", text: note })),
        ...pageNodes(record, first),
      ];
      first += (record.articles ?? []).length;
      return nodes;
    });
    $("results").replaceChildren(...sections);
    const count = pages.reduce((sum, record) => sum + (record.articles ?? []).length, 0);
    setBusy(false, `Done: ${count} article${count === 1 ? "" : "s"} on ${pages.length} page${pages.length === 1 ? "" : "s"}.`);
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
    $("status-text").textContent = `${file.name} is not UTF-8; it was read as GB18030.`;
  }
  $("text").value = text;
  updateTextInfo();
}

function start() {
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
  updateTextInfo();
}

start();
