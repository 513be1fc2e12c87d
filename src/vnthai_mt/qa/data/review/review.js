// vnthai-mt review: the page's only script (the CSP forbids inline script and event attributes).
// Every piece of the document is put in the page with textContent, never parsed as HTML; bidi
// controls (U+202E ...) are shown as visible badges so they cannot reorder what the editor reads.
"use strict";

(function () {
  const TOKEN = document.querySelector('meta[name="review-token"]').getAttribute("content");
  const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
  const LABEL = { accepted: "accepted", chosen: "chosen", edited: "edited", rejected: "rejected", open: "open" };
  const STATUS_OF = { accept: "accepted", choose: "chosen", edit: "edited", reject: "rejected" };

  let data = null;          // the payload of /api/file/N
  let fileIndex = 0;
  let order = [];           // finding ids in panel order (grouped by entity)
  let byId = new Map();     // id -> finding
  let decisions = new Map(); // id -> {action, text}
  let history = [];         // [{id, before}] for undo
  let current = null;       // the selected finding id
  let saving = false;
  let totals = {};          // kind -> number of findings
  let renderGeneration = 0; // bumped by each load: a stale chunked render stops
  const FIRST_LINES = 120;
  const CHUNK_LINES = 250;
  const FIRST_CARDS = 40;
  const CHUNK_CARDS = 80;
  let nodes = new Map();    // id -> {card, marks, previews, notes}: the elements of each finding

  function reg(id, role, node) {
    if (!nodes.has(id)) nodes.set(id, { card: null, marks: [], previews: [], notes: [] });
    const entry = nodes.get(id);
    if (role === "card") entry.card = node; else entry[role].push(node);
  }

  function parts(id) {
    return nodes.get(id) || { card: null, marks: [], previews: [], notes: [] };
  }

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) appendText(node, String(text));
    return node;
  }

  // Text with bidi controls made visible.
  function appendText(node, text) {
    if (!BIDI.test(text)) { node.appendChild(document.createTextNode(text)); return; }
    let chunk = "";
    for (const ch of text) {
      if (BIDI.test(ch)) {
        if (chunk) node.appendChild(document.createTextNode(chunk));
        chunk = "";
        const code = "U+" + ch.codePointAt(0).toString(16).toUpperCase().padStart(4, "0");
        const badge = el("span", "ctl", code);
        badge.title = "invisible direction control " + code;
        node.appendChild(badge);
      } else {
        chunk += ch;
      }
    }
    if (chunk) node.appendChild(document.createTextNode(chunk));
  }

  function api(path, options) {
    const opts = Object.assign({ headers: {} }, options || {});
    opts.headers["X-Review-Token"] = TOKEN;
    opts.credentials = "same-origin";
    return fetch(path, opts).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) {
          const err = new Error(body.error || ("HTTP " + response.status));
          err.status = response.status;
          throw err;
        }
        return body;
      });
    });
  }

  function message(text, kind) {
    const box = document.getElementById("message");
    box.textContent = text;
    box.className = "message" + (kind ? " " + kind : "");
  }

  // --- state --------------------------------------------------------------------------------------------

  function statusOf(id) {
    const d = decisions.get(id);
    return d ? STATUS_OF[d.action] : "open";
  }

  function newText(f) {
    const d = decisions.get(f.id);
    if (!d || d.action === "reject") return null;
    return d.action === "accept" ? f.suggestion : d.text;
  }

  function decide(id, action, text) {
    const f = byId.get(id);
    if (!f || f.actions.indexOf(action) < 0) return;
    if (action === "edit" && (text === null || text === undefined)) return;
    if (action === "edit" && !text.trim() && (f.kind === "name-variants" || f.kind === "term-variants")) {
      message("type a rendering first (an empty one would delete every mention; use Reject to leave it)", "error");
      return;
    }
    history.push({ id: id, before: decisions.get(id) || null });
    const d = { action: action };
    if (action === "choose" || action === "edit") d.text = text;
    decisions.set(id, d);
    refresh(id);
    next(1, true);
  }

  function undo() {
    const last = history.pop();
    if (!last) { message("nothing to undo"); return; }
    if (last.before) decisions.set(last.id, last.before); else decisions.delete(last.id);
    refresh(last.id);
    select(last.id, true);
    message("undid the decision on #" + byId.get(last.id).number);
  }

  // --- rendering ------------------------------------------------------------------------------------------

  function lineMarks() {
    // line -> non-overlapping [start, end, id] (first by position, the longest on a tie)
    const marks = new Map();
    for (const f of data.findings) {
      for (const s of f.spans) {
        if (s.end <= s.start) continue;
        if (!marks.has(s.line)) marks.set(s.line, []);
        marks.get(s.line).push([s.start, s.end, f.id]);
      }
    }
    for (const [line, items] of marks) {
      items.sort(function (a, b) { return a[0] - b[0] || (b[1] - b[0]) - (a[1] - a[0]); });
      const kept = [];
      for (const item of items) {
        if (!kept.length || item[0] >= kept[kept.length - 1][1]) kept.push(item);
      }
      marks.set(line, kept);
    }
    return marks;
  }

  function renderDocument() {
    const doc = document.getElementById("doc");
    const head = document.getElementById("doc-head");
    const source = data.file.source;
    doc.parentNode.classList.toggle("with-source", !!source);
    head.textContent = "";
    head.appendChild(el("span", "ln", "#"));
    head.appendChild(el("span", "", "Thai: " + data.file.name));
    if (source) head.appendChild(el("span", "", "Vietnamese source: " + data.file.source_name));
    const marks = lineMarks();
    const notes = new Map();
    const flagged = new Set();
    for (const f of data.findings) {
      for (const n of f.lines) flagged.add(n);
      for (const n of f.extra_lines) {
        if (!notes.has(n)) notes.set(n, []);
        notes.get(n).push(f);
      }
    }
    function row(i) {
      const text = data.file.lines[i];
      const number = i + 1;
      const row = el("div", flagged.has(number) ? "line flagged" : "line");
      row.id = "L" + number;
      row.appendChild(el("span", "ln", number));
      const cell = el("div", "th");
      cell.lang = "th";
      let pos = 0;
      for (const [start, end, id] of marks.get(number) || []) {
        if (start > pos) appendText(cell, text.slice(pos, start));
        const f = byId.get(id);
        const mark = el("mark", "hl k-" + f.kind, text.slice(start, end));
        mark.dataset.findingId = id;
        mark.title = "#" + f.number + " " + f.kind + ": " + f.reason;
        cell.appendChild(mark);
        reg(id, "marks", mark);
        const edit = f.edits.find(function (e) { return e.line === number && e.start === start && e.end === end; });
        const preview = el("span", "new");
        preview.dataset.previewFor = id;
        preview.dataset.old = text.slice(start, end);
        preview.dataset.hasEdit = edit ? "1" : "";
        preview.hidden = true;
        cell.appendChild(preview);
        reg(id, "previews", preview);
        pos = end;
      }
      if (pos < text.length) appendText(cell, text.slice(pos));
      const body = el("div");
      body.appendChild(cell);
      if (notes.has(number)) {
        const note = el("div", "note");
        for (const f of notes.get(number)) {
          const item = el("span", "", "#" + f.number + " " + (f.kind === "key-term-mismatch" && f.suggestion
            ? "lacks " + f.suggestion + " (" + (f.text || "") + ")"
            : f.kind + ": " + (f.text || "") + (f.suggestion ? " → " + f.suggestion : "")));
          item.title = f.reason;
          item.dataset.findingId = f.id;
          note.appendChild(item);
          reg(f.id, "notes", item);
        }
        body.appendChild(note);
      }
      row.appendChild(body);
      if (source) {
        const vi = el("div", "vi", source[i]);
        vi.lang = "vi";
        row.appendChild(vi);
      }
      return row;
    }
    // The first screenful now; the rest in chunks after the page is usable (a 2,000-line document
    // would otherwise keep the browser busy for a second before the first paint).
    const generation = ++renderGeneration;
    const total = data.file.lines.length;
    function chunk(from, size) {
      const frag = document.createDocumentFragment();
      const to = Math.min(total, from + size);
      const touched = new Set();
      for (let i = from; i < to; i++) {
        frag.appendChild(row(i));
        for (const item of marks.get(i + 1) || []) touched.add(item[2]);
        for (const f of notes.get(i + 1) || []) touched.add(f.id);
      }
      doc.appendChild(frag);
      for (const id of touched) refresh(id, true);
      return to;
    }
    doc.textContent = "";
    let done = chunk(0, FIRST_LINES);
    function more() {
      if (generation !== renderGeneration) return;  // a newer load replaced this document
      done = chunk(done, CHUNK_LINES);
      if (done < total) later(more); else finished("document");
    }
    if (done < total) { pending.add("document"); later(more); }
  }

  // One chunk per frame: the first screenful is painted before the rest is drawn, and input is
  // handled between chunks.
  function later(fn) {
    requestAnimationFrame(function () { setTimeout(fn, 0); });
  }

  // Parts still being drawn after the page became usable; when none is left: data-complete="1".
  let pending = new Set();
  function finished(part) {
    pending.delete(part);
    if (pending.size) return;
    applyFilters();
    if (current) select(current, false);
    document.body.dataset.complete = "1";
  }

  function groups() {
    const byEntity = new Map();
    for (const f of data.findings) {
      const key = f.entity || f.kind;
      if (!byEntity.has(key)) byEntity.set(key, []);
      byEntity.get(key).push(f);
    }
    const first = function (list) { return Math.min.apply(null, list.map(function (f) { return f.lines[0] || 0; })); };
    return Array.from(byEntity.entries()).sort(function (a, b) { return first(a[1]) - first(b[1]); });
  }

  function card(f) {
    const box = el("div", "finding");
    box.dataset.findingId = f.id;
    box.dataset.kind = f.kind;
    box.tabIndex = -1;
    const head = el("div", "head");
    head.appendChild(el("span", "fid", "#" + f.number));
    head.appendChild(el("span", "kind k-" + f.kind, f.kind));
    head.appendChild(el("span", "lines", "line " + (f.lines.join(", ") || "-")));
    const status = el("span", "status", "open");
    status.dataset.role = "status";
    head.appendChild(status);
    box.appendChild(head);
    if (f.variants.length) {
      const list = el("ul", "variants");
      for (const v of f.variants) {
        const li = el("li");
        li.appendChild(el("mark", "k-" + f.kind, v.text));
        appendText(li, " ×" + v.count + " (line " + v.lines.join(", ") + ")" + (v.note ? " [" + v.note + "]" : ""));
        list.appendChild(li);
      }
      box.appendChild(list);
    } else {
      box.appendChild(el("div", "ftext", f.text || ""));
    }
    if (f.suggestion) {
      const s = el("div", "sugg", "suggestion: ");
      s.appendChild(el("b", "", f.suggestion));
      box.appendChild(s);
    }
    box.appendChild(el("p", "reason", f.reason));
    const controls = el("div", "controls");
    if (f.actions.indexOf("accept") >= 0) {
      const b = el("button", "", "Accept");
      b.type = "button";
      b.dataset.action = "accept";
      b.title = "apply the suggestion (a)";
      controls.appendChild(b);
    }
    if (f.actions.indexOf("choose") >= 0) {
      const select = el("select");
      select.dataset.role = "variant";
      select.setAttribute("aria-label", "choose a rendering");
      const texts = f.variants.map(function (v) { return v.text; });
      if (f.suggestion && texts.indexOf(f.suggestion) < 0) texts.push(f.suggestion);
      texts.forEach(function (t, i) {
        const o = el("option", "", (i < 9 ? (i + 1) + ": " : "") + t);
        o.value = t;
        select.appendChild(o);
      });
      controls.appendChild(select);
      const b = el("button", "", "Use");
      b.type = "button";
      b.dataset.action = "choose";
      b.title = "write every mention this way (1-9)";
      controls.appendChild(b);
    }
    if (f.actions.indexOf("edit") >= 0) {
      const input = el("input");
      input.type = "text";
      input.dataset.role = "edit";
      input.placeholder = "another rendering";
      input.setAttribute("aria-label", "type a rendering");
      controls.appendChild(input);
      const b = el("button", "", "Set");
      b.type = "button";
      b.dataset.action = "edit";
      b.title = "write the typed text instead (e, then Enter)";
      controls.appendChild(b);
    }
    const r = el("button", "", "Reject");
    r.type = "button";
    r.dataset.action = "reject";
    r.title = "not a problem: leave it, and ignore it next time with --project (r)";
    controls.appendChild(r);
    box.appendChild(controls);
    return box;
  }

  function renderPanel() {
    const panel = document.getElementById("findings");
    panel.textContent = "";
    const all = groups();
    order = [];
    for (const [, members] of all) for (const f of members) order.push(f.id);
    if (!data.findings.length) panel.appendChild(el("p", "", "No findings: nothing to review."));
    // The first cards now, the others in chunks (like the document's lines).
    const generation = renderGeneration;
    let g = 0;
    function chunk(budget) {
      const frag = document.createDocumentFragment();
      while (g < all.length && budget > 0) {
        const [entity, members] = all[g++];
        const art = el("article", "entity");
        art.appendChild(el("h3", "", entity));
        for (const f of members) {
          const box = card(f);
          art.appendChild(box);
          reg(f.id, "card", box);
          refresh(f.id, true);
        }
        budget -= members.length;
        frag.appendChild(art);
      }
      panel.appendChild(frag);
    }
    chunk(FIRST_CARDS);
    function more() {
      if (generation !== renderGeneration) return;
      chunk(CHUNK_CARDS);
      if (g < all.length) later(more); else finished("panel");
    }
    if (g < all.length) { pending.add("panel"); later(more); }
  }

  function renderFilters() {
    const box = document.getElementById("kind-filters");
    box.textContent = "";
    const counts = {};
    for (const f of data.findings) counts[f.kind] = (counts[f.kind] || 0) + 1;
    totals = counts;
    for (const k of data.kinds) {
      if (!counts[k.kind]) continue;
      const label = el("label", "k-" + k.kind);
      const box2 = el("input");
      box2.type = "checkbox";
      box2.checked = true;
      box2.value = k.kind;
      box2.dataset.role = "kind-filter";
      label.appendChild(box2);
      appendText(label, k.kind + " ");
      const n = el("span", "", "");
      n.dataset.countFor = k.kind;
      label.appendChild(n);
      box.appendChild(label);
    }
  }

  function visible(f, kinds, want) {
    const st = statusOf(f.id);
    if (!kinds.has(f.kind)) return false;
    if (want === "open") return st === "open";
    if (want === "decided") return st !== "open";
    return true;
  }

  function applyFilters() {
    const [kinds, want] = filterState();
    for (const f of data.findings) {
      const show = visible(f, kinds, want);
      const p = parts(f.id);
      if (p.card) p.card.classList.toggle("hidden", !show);
      for (const node of p.marks) node.classList.toggle("off", !show);
    }
  }

  function refresh(id, quiet) {
    const f = byId.get(id);
    const st = statusOf(id);
    const p = parts(id);
    const box = p.card;
    if (box) {
      const status = box.querySelector('[data-role="status"]');
      status.textContent = LABEL[st] + (st === "chosen" || st === "edited" ? ": " + decisions.get(id).text : "");
      status.className = "status s-" + st;
      box.dataset.status = st;
    }
    const replacement = newText(f);
    for (const mark of p.marks) {
      mark.classList.remove("s-accepted", "s-chosen", "s-edited", "s-rejected");
      if (st !== "open") mark.classList.add("s-" + st);
    }
    for (const preview of p.previews) {
      const d = decisions.get(id);
      let shown = null;
      if (d && d.action === "accept") shown = preview.dataset.hasEdit ? replacement : null;
      else if (replacement !== null && replacement !== preview.dataset.old) shown = replacement;
      preview.textContent = "";
      if (shown !== null) appendText(preview, "→ " + (shown === "" ? "(removed)" : shown));
      preview.hidden = shown === null;
    }
    for (const note of p.notes) {
      note.className = st === "open" ? "" : "s-" + st;
    }
    if (quiet) return;
    updateCounts();
    applyFilters();
  }

  function updateCounts() {
    const total = data.findings.length;
    let open = 0;
    const openByKind = {};
    for (const f of data.findings) {
      if (statusOf(f.id) === "open") { open += 1; openByKind[f.kind] = (openByKind[f.kind] || 0) + 1; }
    }
    const left = document.getElementById("left");
    left.textContent = open + " of " + total + " left";
    left.dataset.open = String(open);
    left.dataset.decided = String(decisions.size);
    for (const n of document.querySelectorAll("[data-count-for]")) {
      n.textContent = (openByKind[n.dataset.countFor] || 0) + "/" + (totals[n.dataset.countFor] || 0);
      n.title = "open / all";
    }
    document.getElementById("undo").disabled = history.length === 0;
    document.getElementById("save").disabled = saving;
  }

  // --- navigation -----------------------------------------------------------------------------------------

  function select(id, scroll) {
    for (const node of document.querySelectorAll(".current")) node.classList.remove("current");
    current = id;
    if (!id) return;
    const f = byId.get(id);
    const box = parts(id).card;
    if (box) box.classList.add("current");
    for (const mark of parts(id).marks) mark.classList.add("current");
    const line = document.getElementById("L" + (f.lines[0] || 1));
    if (line) line.classList.add("current");
    if (scroll) {
      if (box) box.scrollIntoView({ block: "nearest" });
      if (line) line.scrollIntoView({ block: "center" });
    }
  }

  function filterState() {
    const kinds = new Set(Array.from(document.querySelectorAll('input[data-role="kind-filter"]:checked'))
      .map(function (i) { return i.value; }));
    return [kinds, document.getElementById("status-filter").value];
  }

  function next(step, onlyOpen) {
    const [kinds, want] = filterState();
    const shown = function (id) { return visible(byId.get(id), kinds, want); };
    if (onlyOpen) {
      // after a decision: the next open finding after this one, wrapping around
      const after = order.indexOf(current);
      let pick = null;
      for (let k = 1; k <= order.length && pick === null; k++) {
        const id = order[(after + k) % order.length];
        if (shown(id) && statusOf(id) === "open") pick = id;
      }
      select(pick === null ? current : pick, pick !== null);
      return;
    }
    const list = order.filter(shown);
    if (!list.length) return;
    let i = list.indexOf(current);
    if (i < 0) i = step > 0 ? -1 : list.length;
    select(list[Math.max(0, Math.min(list.length - 1, i + step))], true);
  }

  // --- saving ---------------------------------------------------------------------------------------------

  function save() {
    if (saving) return;
    const list = [];
    for (const [id, d] of decisions) list.push(Object.assign({ finding: id }, d));
    saving = true;
    updateCounts();
    message("saving " + list.length + " decision(s)…");
    api("/api/file/" + fileIndex + "/save", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sha256: data.file.sha256, stamp: data.project ? data.project.stamp : "",
                             decisions: list }),
    }).then(function (r) {
      const parts = ["saved " + data.file.name + ": " + r.applied + " edit(s) applied"];
      if (r.skipped) parts.push(r.skipped + " skipped (overlapping)");
      if (data.project) {
        parts.push(r.settled.length + " name(s)/term(s) settled in the project glossary");
        parts.push(r.ignored + " finding(s) added to the ignore list");
      } else {
        parts.push("no --project: rejections and settled names are not remembered");
      }
      return load(fileIndex).then(function () {
        message(parts.join("; "), "ok");
        document.body.dataset.saves = String(Number(document.body.dataset.saves || "0") + 1);
      });
    }).catch(function (err) {
      message((err.status === 409 ? "not saved: " : "error: ") + err.message, "error");
      document.body.dataset.saveError = String(err.status || "");
    }).then(function () {
      saving = false;
      updateCounts();
    });
  }

  // --- events ---------------------------------------------------------------------------------------------

  function findingOf(node) {
    const holder = node.closest("[data-finding-id]");
    return holder ? holder.dataset.findingId : null;
  }

  document.addEventListener("click", function (event) {
    const target = event.target;
    if (!(target instanceof Element)) return;
    const button = target.closest("button[data-action]");
    if (button) {
      const action = button.dataset.action;
      if (action === "save") { save(); return; }
      if (action === "undo") { undo(); return; }
      const id = findingOf(button);
      if (!id) return;
      select(id, false);
      const box = button.closest(".finding");
      if (action === "choose") decide(id, "choose", box.querySelector('select[data-role="variant"]').value);
      else if (action === "edit") decide(id, "edit", box.querySelector('input[data-role="edit"]').value);
      else decide(id, action);
      return;
    }
    const id = findingOf(target);
    if (id && !target.closest("input, select")) select(id, !target.closest(".finding"));
  });

  document.addEventListener("change", function (event) {
    const t = event.target;
    if (t instanceof Element && (t.matches('input[data-role="kind-filter"]') || t.id === "status-filter")) applyFilters();
    if (t instanceof Element && t.id === "file-select") load(Number(t.value));
  });

  document.addEventListener("keydown", function (event) {
    const t = event.target;
    const typing = t instanceof Element && t.matches("input[type=text], select, textarea");
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") { event.preventDefault(); save(); return; }
    if (typing) {
      if (event.key === "Enter" && t.matches('input[data-role="edit"]')) { decide(findingOf(t), "edit", t.value); t.blur(); }
      if (event.key === "Escape") t.blur();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const f = current ? byId.get(current) : null;
    switch (event.key) {
      case "j": case "n": case "ArrowDown": next(1, false); break;
      case "k": case "p": case "ArrowUp": next(-1, false); break;
      case "a": if (f) decide(f.id, "accept"); break;
      case "r": case "x": if (f) decide(f.id, "reject"); break;
      case "u": undo(); break;
      case "e": {
        const input = f && document.querySelector('.finding[data-finding-id="' + f.id + '"] input[data-role="edit"]');
        if (input) { input.focus(); event.preventDefault(); }
        break;
      }
      default:
        if (f && /^[1-9]$/.test(event.key)) {
          const select = document.querySelector('.finding[data-finding-id="' + f.id + '"] select[data-role="variant"]');
          const option = select && select.options[Number(event.key) - 1];
          if (option) decide(f.id, "choose", option.value);
        } else {
          return;
        }
    }
    event.preventDefault();
  });

  window.addEventListener("beforeunload", function (event) {
    if (decisions.size && !saving) { event.preventDefault(); event.returnValue = ""; }
  });

  // --- loading --------------------------------------------------------------------------------------------

  function load(index) {
    const started = performance.now();
    document.body.dataset.ready = "0";
    return api("/api/file/" + index).then(function (payload) {
      const fetched = performance.now();
      data = payload;
      fileIndex = index;
      byId = new Map(data.findings.map(function (f) { return [f.id, f]; }));
      decisions = new Map();
      history = [];
      current = null;
      nodes = new Map();
      pending = new Set(["load"]);
      document.body.dataset.complete = "0";
      document.getElementById("file-name").textContent = data.file.name;
      document.title = "review: " + data.file.name;
      const meta = [data.file.lines.length + " lines", data.findings.length + " findings"];
      if (data.file.source_name) meta.push("source: " + data.file.source_name);
      if (data.project) meta.push("project: " + data.project.folder);
      if (data.ignored) meta.push(data.ignored + " finding(s) ignored by the project");
      document.getElementById("meta").textContent = meta.join(" · ");
      const picker = document.getElementById("file-select");
      picker.textContent = "";
      picker.hidden = data.files.length < 2;
      for (const item of data.files) {
        const o = el("option", "", item.name);
        o.value = String(item.index);
        o.selected = item.index === index;
        picker.appendChild(o);
      }
      renderFilters();
      renderDocument();
      const drawn = performance.now();
      renderPanel();
      const paneled = performance.now();
      for (const f of data.findings) refresh(f.id, true);
      updateCounts();
      applyFilters();
      if (order.length) select(order[0], false);
      document.body.dataset.ready = "1";
      finished("load");
      document.body.dataset.renderMs = String(Math.round(performance.now() - started));
      document.body.dataset.timings = JSON.stringify({ fetch: Math.round(fetched - started),
        document: Math.round(drawn - fetched), panel: Math.round(paneled - drawn),
        rest: Math.round(performance.now() - paneled) });
      requestAnimationFrame(function () {
        setTimeout(function () {
          document.body.dataset.paintMs = String(Math.round(performance.now() - started));
          // since the navigation started (performance.now() counts from there): what the editor waits
          document.body.dataset.paintAt = String(Math.round(performance.now()));
        }, 0);
      });
    });
  }

  const start = Number((location.hash.match(/file=(\d+)/) || [0, 0])[1]);
  load(start).catch(function (err) {
    message("error: " + err.message, "error");
    document.body.dataset.ready = "error";
  });
})();
