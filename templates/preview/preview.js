// The preview page: tabs (WAI-ARIA pattern, arrow keys), and updates from the server's events.
// An update swaps pictures and reloads the fragment's frames in place, so the open tab,
// the page's scroll position and the fragment's own scroll and open questions stay as they were.
"use strict";

const shown = { html: 0, pdf: 0, docx: 0 };
const tabs = () => Array.from(document.querySelectorAll('[role="tab"]'));

function selectTab(tab, focus) {
  for (const other of tabs()) {
    const selected = other === tab;
    other.setAttribute("aria-selected", String(selected));
    other.tabIndex = selected ? 0 : -1;
    document.getElementById(other.getAttribute("aria-controls")).hidden = !selected;
  }
  if (focus) tab.focus();
  // Remembered in the address, so reloading the page keeps the tab too.
  history.replaceState(null, "", "#" + tab.id.slice(4));
}

function onTabKey(event) {
  const all = tabs();
  const index = all.indexOf(event.target);
  const moves = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: all.length - 1 };
  if (!(event.key in moves)) return;
  event.preventDefault();
  selectTab(all[(moves[event.key] + all.length) % all.length], true);
}

function reloadFrame(frame, rev) {
  let keep = null;
  try {
    const view = frame.contentWindow;
    const open = Array.from(view.document.querySelectorAll("details[open][id]"), (d) => d.id);
    keep = { x: view.scrollX, y: view.scrollY, open };
  } catch (error) { keep = null; }
  frame.addEventListener("load", () => {
    const view = frame.contentWindow;
    if (keep) {
      for (const id of keep.open) {
        const details = view.document.getElementById(id);
        if (details) details.open = true;
      }
      view.scrollTo(keep.x, keep.y);
    }
    frame.dataset.rev = rev;
  }, { once: true });
  frame.contentWindow.location.replace("/site?rev=" + rev);
}

function showPages(container, prefix, count, rev, label) {
  while (container.children.length > count) container.lastElementChild.remove();
  for (let n = 1; n <= count; n++) {
    let figure = container.children[n - 1];
    if (!figure) {
      figure = document.createElement("figure");
      figure.append(document.createElement("img"), document.createElement("figcaption"));
      container.append(figure);
    }
    const img = figure.firstElementChild;
    img.alt = `${label}, page ${n} of ${count}`;
    img.src = `/${prefix}/${n}.jpg?rev=${rev}`;
    figure.lastElementChild.textContent = `Page ${n} of ${count}`;
  }
  container.dataset.rev = rev;
}

function showWord(word) {
  const note = document.getElementById("word-note");
  const messages = {
    missing: "LibreOffice is not installed, so the handout cannot be pictured here. " +
      "Download the Word file (link above) to open it in Word or LibreOffice.",
    converting: "LibreOffice is laying out the handout…",
    failed: "LibreOffice could not lay out the handout: " + (word.message || "") +
      " Download the Word file (link above) to open it.",
    ready: "",
  };
  note.textContent = messages[word.state] || "";
  note.hidden = !note.textContent;
  if (word.state === "ready" && word.rev !== shown.docx) {
    shown.docx = word.rev;
    showPages(document.getElementById("docx-pages"), "docx", word.pages, word.rev, "Handout");
  }
}

function showProblems(problems) {
  const list = document.getElementById("problems");
  list.replaceChildren(...problems.map((problem) => {
    const item = document.createElement("li");
    item.textContent = problem.line
      ? `${problem.path}, line ${problem.line}, column ${problem.col}: ` +
        `${problem.severity === "warning" ? "warning: " : ""}${problem.message}`
      : problem.text;
    return item;
  }));
  // Errors stop the outputs; warnings (readability, a repeated question) do not, so staff
  // see the two counted apart and know at a glance whether what they see is current.
  const errors = errorsIn(problems);
  const warnings = problems.length - errors;
  const none = document.getElementById("problems-none");
  none.hidden = errors > 0;
  none.textContent = warnings
    ? "No errors: every output is up to date. The warnings below do not stop the outputs."
    : "None: every output is up to date.";
  document.getElementById("problem-count").textContent = problems.length
    ? `(${plural(errors, "error")}, ${plural(warnings, "warning")})`
    : "(0)";
}

function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function errorsIn(problems) {
  return problems.filter((problem) => problem.severity !== "warning").length;
}

function showStatus(status) {
  const line = document.getElementById("status");
  const problems = status.problems || [];
  const errors = errorsIn(problems);
  const warnings = problems.length - errors;
  line.classList.toggle("problems", status.state === "problems");
  if (status.state === "problems") {
    line.textContent = `The last save has ${plural(errors, "problem")}: ` +
      "see the Problems tab. The last good outputs are shown.";
  } else if (status.state === "building") {
    line.textContent = "Updating…";
  } else if (status.updated) {
    line.textContent = `Up to date (updated at ${status.updated})` +
      (warnings ? `, with ${plural(warnings, "warning")}: see the Problems tab.` : ".");
  }
  const stale = new Set(status.stale || []);
  for (const panel of document.querySelectorAll("[data-output]")) {
    panel.classList.toggle("stale", stale.has(panel.dataset.output));
  }
  for (const fmt of ["pdf", "docx", "html", "json"]) {
    document.getElementById("download-" + fmt).setAttribute("aria-disabled", String(!status[fmt]));
  }
}

function apply(status) {
  if (status.html && status.html.rev !== shown.html) {
    shown.html = status.html.rev;
    for (const frame of document.querySelectorAll("iframe.site")) reloadFrame(frame, shown.html);
  }
  if (status.pdf && status.pdf.rev !== shown.pdf) {
    shown.pdf = status.pdf.rev;
    showPages(document.getElementById("pdf-pages"), "pdf", status.pdf.pages, shown.pdf, "Leaflet");
  }
  if (status.word) showWord(status.word);
  showProblems(status.problems || []);
  showStatus(status);
  document.body.dataset.version = status.version;
}

function start() {
  const list = document.querySelector('[role="tablist"]');
  list.addEventListener("keydown", onTabKey);
  for (const tab of tabs()) tab.addEventListener("click", () => selectTab(tab, false));
  const wanted = document.getElementById("tab-" + location.hash.slice(1));
  if (wanted) selectTab(wanted, false);
  const events = new EventSource("/events");
  events.addEventListener("update", (event) => apply(JSON.parse(event.data)));
  events.addEventListener("error", () => {
    document.getElementById("status").textContent =
      "Lost contact with the preview: is publisher preview still running?";
  });
}

start();
