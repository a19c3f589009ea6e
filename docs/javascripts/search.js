/* Site search: a dialog over Pagefind's JavaScript API (the index is written by
   `python -m generator search-index`, see generator/search.py), and the highlighting of the
   searched words on the page a result opens.

   - Results are paragraphs, not pages: Pagefind ranks pages and says where in a page's text the
     words were found; each hit is given to the paragraph (the element with an id) it falls in,
     and a result opens that paragraph (`…/A/RES/73/266/?highlight=…#pp-5`).  A hit before the
     first paragraph (the page's title, its symbol) opens the page.
   - Ranking: paragraphs that hold the words as typed, one after the other (the phrase), come
     first; then paragraphs that hold every word; then by Pagefind's weighted score.  Pages that
     hold the exact phrase (Pagefind's quoted search) are read before the others, so a phrase is
     found even on a page that Pagefind ranks low.
   - Nothing from the index becomes markup: results are built with text nodes, and <mark> elements
     made here around whole words that Pagefind matched.
   - Nothing is downloaded until the reader opens search; then only Pagefind's script, its
     WebAssembly, the index chunks of the words typed and the fragments of the pages shown.
   Keyboard: "/", "s" or "f" open search, Escape closes it, arrow keys move through results. */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || !script.src) return;
  var root = new URL("../", script.src); // this file is javascripts/search.js under the site root
  var PAGES_AT_ONCE = 3; // pages whose fragments a query downloads; "More results" reads more
  // (three: a first query on the whole archive stays under 300 KB, see README "Site search")
  var PER_PAGE = 3; // paragraphs shown per page in the list
  var DEBOUNCE_MS = 150;
  var HIGHLIGHT = "highlight";

  /* -- words ------------------------------------------------------------------------------ */

  var WORD = /[\p{L}\p{N}]+/gu;

  function fold(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }

  function terms(text) {
    return fold(text).match(WORD) || [];
  }

  /* Where the searched words stand one after the other in tokens (the last may be the start of
     a word, as it is typed), or -1. */
  function phraseAt(tokens, wanted) {
    if (!wanted.length) return -1;
    outer: for (var i = 0; i + wanted.length <= tokens.length; i++) {
      for (var j = 0; j < wanted.length; j++) {
        var last = j === wanted.length - 1;
        if (!(tokens[i + j] === wanted[j] || (last && tokens[i + j].indexOf(wanted[j]) === 0))) continue outer;
      }
      return i;
    }
    return -1;
  }

  function holdsAll(tokens, wanted) {
    return wanted.every(function (w) {
      return tokens.some(function (t) { return t.indexOf(w) === 0; });
    });
  }

  /* -- highlighting on the page a result opened ------------------------------------------- */

  function highlight() {
    var query = new URLSearchParams(location.search).get(HIGHLIGHT);
    var wanted = query ? terms(query) : [];
    if (!wanted.length) return;
    var scopes = document.querySelectorAll("[data-pagefind-body]");
    for (var s = 0; s < scopes.length; s++) {
      var walker = document.createTreeWalker(scopes[s], NodeFilter.SHOW_TEXT);
      var nodes = [];
      while (walker.nextNode()) nodes.push(walker.currentNode);
      nodes.forEach(function (node) {
        if (node.parentElement.closest("mark, script, style, [hidden], .ar-search-keys")) return;
        markWords(node, wanted);
      });
    }
  }

  /* Wraps in <mark> each whole word of the text node that begins with a searched word: "use"
     marks "use" and "uses", never the "use" inside "because". */
  function markWords(node, wanted) {
    var text = node.data, last = 0, found = false, out = document.createDocumentFragment(), m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text))) {
      var word = fold(m[0]);
      if (!wanted.some(function (w) { return word.indexOf(w) === 0; })) continue;
      found = true;
      out.appendChild(document.createTextNode(text.slice(last, m.index)));
      var mark = document.createElement("mark");
      mark.className = "ar-search-hit";
      mark.textContent = m[0];
      out.appendChild(mark);
      last = m.index + m[0].length;
    }
    if (!found) return;
    out.appendChild(document.createTextNode(text.slice(last)));
    node.parentNode.replaceChild(out, node);
  }

  /* -- paragraphs of a Pagefind result ---------------------------------------------------- */

  /* Elements with an id that a result may open: paragraphs, headings, footnotes; not footnote
     markers inside a paragraph, nor the ids inside commentary (c-…), which belong to their
     paragraph. */
  function isTarget(anchor) {
    return anchor.element !== "sup" && !/^(c-|fnref)/.test(anchor.id);
  }

  var KIND = { pp: "preambular paragraph ", op: "operative paragraph " };

  function paragraphName(id, text) {
    var m = /^(pp|op)-(\d+)((?:-[a-z0-9]+)*)$/.exec(id);
    if (m) {
      return KIND[m[1]] + m[2] + m[3].split("-").filter(Boolean).map(function (p) { return " (" + p + ")"; }).join("");
    }
    if (/^fn:/.test(id)) return "footnote " + id.slice(3);
    var words = (text || "").split(/\s+/).slice(0, 8).join(" ");
    return words || id;
  }

  function paragraphsOf(data, page, wanted) {
    // Pagefind separates the words it segmented (Chinese, Japanese) by zero-width spaces, kept in
    // raw_content (content drops them): they count as words in its locations, so they are split
    // here too, and joined without a space.
    var raw = data.raw_content || data.content;
    var content = raw.split(/[\r\n\s\u200b]+/g);
    var joiner = raw.indexOf("\u200b") >= 0 ? "" : " ";
    var anchors = data.anchors.filter(isTarget).sort(function (a, b) { return a.location - b.location; });
    var bySegment = new Map();
    data.weighted_locations.forEach(function (hit) {
      var i = -1;
      for (var k = 0; k < anchors.length && anchors[k].location <= hit.location; k++) i = k;
      var seg = bySegment.get(i);
      if (!seg) {
        seg = { index: i, hits: [], score: 0 };
        bySegment.set(i, seg);
      }
      seg.hits.push(hit.location);
      seg.score += hit.balanced_score;
    });
    var out = [];
    bySegment.forEach(function (seg) {
      var start = seg.index < 0 ? 0 : anchors[seg.index].location;
      var end = seg.index + 1 < anchors.length ? anchors[seg.index + 1].location : content.length;
      var tokens = [], owner = []; // the paragraph's words, and the content word each comes from
      for (var w = start; w < end; w++) {
        terms(content[w]).forEach(function (t) { tokens.push(t); owner.push(w); });
      }
      var at = phraseAt(tokens, wanted);
      var anchor = seg.index < 0 ? null : anchors[seg.index];
      out.push({
        page: page,
        data: data,
        anchor: anchor,
        start: start,
        end: end,
        hits: seg.hits,
        score: seg.score,
        phrase: at >= 0,
        phraseWord: at >= 0 ? owner[at] : -1,
        all: holdsAll(tokens, wanted),
        words: content,
        joiner: joiner,
      });
    });
    return out;
  }

  function rank(a, b) {
    return (b.phrase - a.phrase) || (b.all - a.all) || (b.score - a.score) || (a.page - b.page) || (a.start - b.start);
  }

  /* -- the dialog --------------------------------------------------------------------------- */

  var pagefind = null, dialog, input, list, status, more, filterBox, opener;
  var state = { seq: 0, query: "", pages: [], loaded: 0, found: [], wanted: [] };

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) e.textContent = text;
    return e;
  }

  function icon() {
    var NS = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    var path = document.createElementNS(NS, "path");
    path.setAttribute("d", "M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5");
    svg.appendChild(path);
    return svg;
  }

  function build() {
    dialog = el("dialog", { class: "ar-search", "aria-label": "Search the site" });
    var form = el("form", { class: "ar-search__form", role: "search" });
    input = el("input", {
      type: "search",
      class: "ar-search__input",
      "aria-label": "Search the resolutions and commentary",
      placeholder: "Search: a phrase, words, a symbol such as 73/266",
      autocomplete: "off",
      spellcheck: "false",
      enterkeyhint: "search",
    });
    var close = el("button", { type: "button", class: "ar-search__close", "aria-label": "Close search" }, "Close");
    // The filters' values are read when the reader asks for them: a query does not need them.
    var filtersButton = el("button", { type: "button", class: "ar-search__filters-open", "aria-expanded": "false" }, "Filters");
    filterBox = el("div", { class: "ar-search__filters" });
    form.appendChild(input);
    form.appendChild(close);
    form.appendChild(filtersButton);
    form.appendChild(filterBox);
    filtersButton.addEventListener("click", function () {
      filtersButton.disabled = true;
      load().then(function (pf) {
        return Promise.all([pf.filters(), languages()]);
      }).then(function (found) {
        showFilters(found[0]);
        showLanguages(found[1]);
        filtersButton.remove();
        var first = filterBox.querySelector("select");
        if (first) first.focus();
        else filterBox.appendChild(el("span", {}, "Nothing to filter by: one body, one session, one language."));
      });
    });
    status = el("p", { class: "ar-search__status", role: "status", "aria-live": "polite" });
    list = el("ol", { class: "ar-search__results", "aria-label": "Results" });
    more = el("button", { type: "button", class: "ar-search__more", hidden: "" }, "More results");
    dialog.appendChild(form);
    dialog.appendChild(status);
    dialog.appendChild(list);
    dialog.appendChild(more);
    document.body.appendChild(dialog);

    var timer = 0;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run(input.value); }, DEBOUNCE_MS);
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var first = list.querySelector("a");
      if (first) first.click();
    });
    close.addEventListener("click", function () { dialog.close(); });
    more.addEventListener("click", function () { loadMore(); });
    dialog.addEventListener("click", function (e) { if (e.target === dialog) dialog.close(); });
    dialog.addEventListener("close", function () { if (opener) opener.focus(); });
    dialog.addEventListener("keydown", function (e) {
      if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      if (!links.length) return;
      var at = links.indexOf(document.activeElement);
      var next = e.key === "ArrowDown" ? at + 1 : at - 1;
      if (next < 0) { input.focus(); } else { links[Math.min(next, links.length - 1)].focus(); }
      e.preventDefault();
    });
  }

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
        // No worker: one script less to download; a query's work is a few milliseconds.
        return pf.createInstance({ noWorker: true });
      });
      pagefind.catch(function () {
        pagefind = null;
        status.textContent = "Search is not available: its index was not built with the site.";
      });
    }
    return pagefind;
  }

  var FILTERS = [["body", "Body"], ["session", "Session"]];

  function showFilters(filters) {
    FILTERS.forEach(function (f) {
      var values = Object.keys(filters[f[0]] || {});
      if (values.length < 2) return; // nothing to choose
      values.sort(function (a, b) { return b.localeCompare(a, undefined, { numeric: true }); });
      var label = el("label", { class: "ar-search__filter" }, f[1] + " ");
      var select = el("select", { "data-filter": f[0] });
      select.appendChild(el("option", { value: "" }, "all"));
      values.forEach(function (v) { select.appendChild(el("option", { value: v }, f[0] === "language" ? languageName(v) : v)); });
      select.addEventListener("change", function () { run(input.value, true); });
      label.appendChild(select);
      filterBox.appendChild(label);
    });
  }

  /* -- languages: Pagefind keeps one index per language and searches the page's own.  The
     reader may add the others (Pagefind's mergeIndex, the same bundle in another language);
     each page carries a "language" filter, which then tells them apart. -------------------- */

  var pageLanguage = (document.documentElement.lang || "en").toLowerCase().split("-")[0];
  var merged = new Set([pageLanguage]);

  function languages() {
    return fetch(new URL("pagefind/pagefind-entry.json", root).href)
      .then(function (r) { return r.json(); })
      .then(function (entry) { return Object.keys(entry.languages || {}); })
      .catch(function () { return []; });
  }

  function showLanguages(codes) {
    if (codes.length < 2) return;
    var label = el("label", { class: "ar-search__filter" }, "Language ");
    var select = el("select", { "data-language": "" });
    select.appendChild(el("option", { value: pageLanguage }, languageName(pageLanguage)));
    codes.filter(function (c) { return c !== pageLanguage; }).forEach(function (c) {
      select.appendChild(el("option", { value: c }, languageName(c)));
    });
    select.appendChild(el("option", { value: "*" }, "all languages"));
    select.addEventListener("change", function () {
      var wanted = select.value === "*" ? codes : [select.value];
      load().then(function (pf) {
        return Promise.all(wanted.filter(function (c) { return !merged.has(c); }).map(function (c) {
          merged.add(c);
          return pf.mergeIndex(new URL("pagefind/", root).href, { language: c });
        }));
      }).then(function () { run(input.value, true); });
    });
    label.appendChild(select);
    filterBox.appendChild(label);
  }

  function languageName(code) {
    try { return new Intl.DisplayNames([document.documentElement.lang || "en"], { type: "language" }).of(code); }
    catch (e) { return code; }
  }

  function chosenFilters() {
    var out = {};
    filterBox.querySelectorAll("select[data-filter]").forEach(function (s) { if (s.value) out[s.dataset.filter] = s.value; });
    var language = filterBox.querySelector("select[data-language]");
    var chosen = language ? language.value : pageLanguage;
    // Once other languages' indexes are merged, the page's language is a filter like the others.
    if (chosen !== "*" && merged.size > 1) out.language = chosen;
    return out;
  }

  function open() {
    if (!dialog) build();
    if (dialog.open) { input.focus(); return; }
    opener = document.activeElement;
    dialog.showModal();
    input.focus();
    input.select();
    load();
  }

  function run(query, force) {
    if (!force && query === state.query) return;
    var seq = ++state.seq;
    var wanted = terms(query);
    state.query = query;
    if (!wanted.length) {
      list.replaceChildren();
      status.textContent = "";
      more.hidden = true;
      return;
    }
    status.textContent = "Searching…";
    (load() || Promise.reject()).then(function (pf) {
      var plain = query.replace(/"/g, " ").trim();
      var options = { filters: chosenFilters() };
      var searches = [pf.search(plain, options)];
      if (wanted.length > 1) searches.push(pf.search('"' + plain + '"', options));
      return Promise.all(searches).then(function (found) {
        if (seq !== state.seq) return;
        // Pages holding the exact phrase first; each read from the plain search, whose data
        // locate every word (the phrase search's locate only the phrase).
        var loose = new Map(found[0].results.map(function (r) { return [r.id, r]; }));
        var pages = [], seen = new Set();
        (found[1] ? found[1].results : []).concat(found[0].results).forEach(function (r) {
          if (!seen.has(r.id)) { seen.add(r.id); pages.push(loose.get(r.id) || r); }
        });
        state.pages = pages;
        state.loaded = 0;
        state.found = [];
        state.wanted = wanted;
        list.replaceChildren();
        return loadMore(seq);
      });
    }).catch(function () {});
  }

  function loadMore(seq) {
    seq = seq || state.seq;
    var batch = state.pages.slice(state.loaded, state.loaded + PAGES_AT_ONCE);
    var first = state.loaded;
    state.loaded += batch.length;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (datas) {
      if (seq !== state.seq) return;
      datas.forEach(function (d, i) {
        state.found = state.found.concat(paragraphsOf(d, first + i, state.wanted));
      });
      show();
    });
  }

  function show() {
    var ranked = state.found.slice().sort(rank);
    var perPage = new Map(), shown = [];
    ranked.forEach(function (p) {
      var n = perPage.get(p.page) || 0;
      if (n < PER_PAGE) { perPage.set(p.page, n + 1); shown.push(p); }
    });
    list.replaceChildren();
    shown.forEach(function (p) { list.appendChild(item(p)); });
    var pages = state.pages.length;
    status.textContent = pages
      ? shown.length + " paragraph" + (shown.length === 1 ? "" : "s") + " from " + state.loaded + " of " + pages +
        " page" + (pages === 1 ? "" : "s") + " found"
      : "Nothing found. Every word must appear; a symbol such as 73/266 opens its resolution.";
    more.hidden = state.loaded >= pages;
  }

  function item(p) {
    var li = el("li", { class: "ar-search__item" });
    var url = new URL(p.data.url, location.href);
    url.searchParams.set(HIGHLIGHT, state.query.replace(/"/g, " ").trim());
    if (p.anchor) url.hash = p.anchor.id;
    var a = el("a", { href: url.pathname + url.search + url.hash, class: "ar-search__link" });
    var title = p.data.meta.symbol || p.data.meta.title || p.data.url;
    var head = el("span", { class: "ar-search__where" }, title + (p.anchor ? " · " + paragraphName(p.anchor.id, p.anchor.text) : ""));
    a.appendChild(head);
    if (p.data.meta.symbol && p.data.meta.title) {
      a.appendChild(el("span", { class: "ar-search__title" }, p.data.meta.title));
    }
    a.appendChild(excerpt(p));
    li.appendChild(a);
    return li;
  }

  /* Forty words of the paragraph from just before the phrase, or else its first hit, the words
     found marked.  The hidden
     symbol field that opens a page (templates/macros.j2, search_keys) is not shown. */
  function excerpt(p) {
    var span = el("span", { class: "ar-search__excerpt" });
    var hits = new Set(p.hits);
    var keys = p.data.meta.keys;
    var floor = p.anchor || !keys ? p.start : p.start + keys.split(/\s+/).length;
    var after = p.hits.filter(function (h) { return h >= floor; });
    var firstHit = p.phraseWord >= floor ? p.phraseWord : after.length ? Math.min.apply(null, after) : floor;
    var start = Math.max(floor, firstHit - 10);
    var end = Math.min(p.end, start + 40);
    if (start > floor) span.appendChild(document.createTextNode("… "));
    for (var i = start; i < end; i++) {
      var word = p.words[i];
      if (hits.has(i)) {
        span.appendChild(el("mark", {}, word));
      } else {
        span.appendChild(document.createTextNode(word));
      }
      if (i < end - 1) span.appendChild(document.createTextNode(p.joiner));
    }
    if (end < p.end) span.appendChild(document.createTextNode(" …"));
    return span;
  }

  /* -- the header button and the keyboard --------------------------------------------------- */

  function button() {
    var header = document.querySelector(".md-header__inner");
    if (!header) return;
    var b = el("button", { type: "button", class: "md-header__button ar-search-open", "aria-label": "Search", title: "Search (/)" });
    b.appendChild(icon());
    b.appendChild(el("span", { class: "ar-search-open__label" }, "Search"));
    b.addEventListener("click", open);
    header.insertBefore(b, header.querySelector(".md-header__source"));
  }

  function typing(target) {
    return target instanceof Element && (target.closest("input, textarea, select, [contenteditable]") !== null);
  }

  // Capture phase on window: runs before the theme's own shortcuts, which would open its search.
  window.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
    if (e.key === "/" || e.key === "s" || e.key === "f") {
      if (dialog && dialog.open) return;
      e.preventDefault();
      e.stopPropagation();
      open();
    }
  }, true);

  function start() {
    button();
    highlight();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
