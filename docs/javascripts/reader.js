/* Reader controls: a permalink copies the paragraph's full address; "Cite" shows the
   paragraph's citation in OSCOLA, Bluebook and plain form, each with a copy button; paragraph
   previews; one control that hides or shows every commentary (remembered); the outline beside
   the text on wide screens; "Add commentary" links filled with the new file's template.
   Without JavaScript the permalinks and the outline still work as links, the Cite buttons and
   the commentary control stay hidden, "Add commentary" opens an empty file named for its
   paragraph, and commentary is shown. */
(function () {
  "use strict";

  // -- Before the theme starts --------------------------------------------------------------
  // This file runs at the end of the page, before DOMContentLoaded, when Material for MkDocs
  // sets up its components.  Material would also preview `a[data-preview]` links, but only when
  // the site is served at its site_url (it looks pages up in the sitemap's absolute addresses),
  // and then twice with ours: the links are handed to the previews below instead.
  document.querySelectorAll("a[data-preview]").forEach(function (link) {
    link.removeAttribute("data-preview");
    link.setAttribute("data-ar-preview", "");
  });

  var STORE = "annotated-resolutions.commentary";
  function remembered() {
    try { return localStorage.getItem(STORE); } catch (e) { return null; }
  }
  function remember(value) {
    try { localStorage.setItem(STORE, value); } catch (e) { /* private mode: not remembered */ }
  }
  // Applied now, before the page is first painted, so hidden commentary never flashes open.
  if (remembered() === "hidden") {
    document.querySelectorAll("details.commentary").forEach(function (d) { d.open = false; });
  }

  var live;
  function announce(message) {
    if (!live) {
      live = document.createElement("div");
      live.className = "ar-toast";
      live.setAttribute("role", "status");
      live.setAttribute("aria-live", "polite");
      document.body.appendChild(live);
    }
    live.textContent = message;
    live.classList.add("ar-toast--visible");
    clearTimeout(announce.timer);
    announce.timer = setTimeout(function () { live.classList.remove("ar-toast--visible"); }, 2500);
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } finally { document.body.removeChild(area); }
    return Promise.resolve();
  }

  // -- Cite -----------------------------------------------------------------------------------
  var STYLES = [["oscola", "OSCOLA"], ["bluebook", "Bluebook"], ["plain", "Plain"]];
  var dialog;
  function citeDialog(button) {
    if (!dialog) {
      dialog = document.createElement("dialog");
      dialog.className = "ar-cite-dialog md-typeset";
      dialog.setAttribute("aria-labelledby", "ar-cite-title");
      dialog.innerHTML = '<h2 id="ar-cite-title"></h2><dl></dl>' +
        '<p><button type="button" class="md-button ar-cite-close">Close</button></p>';
      dialog.querySelector(".ar-cite-close").addEventListener("click", function () { dialog.close(); });
      dialog.addEventListener("click", function (event) {
        if (event.target === dialog) { dialog.close(); }
      });
      document.body.appendChild(dialog);
    }
    // The heading in the page's language (data-heading, written by the generator); the dialog
    // reads in the page's direction, and the citations, in their English styles, left to right.
    dialog.querySelector("h2").textContent = button.dataset.heading || ("Cite " + button.dataset.name);
    dialog.setAttribute("dir", document.body.getAttribute("dir") || "ltr");
    var list = dialog.querySelector("dl");
    list.textContent = "";
    if (button.dataset.title) {
      var titleTerm = document.createElement("dt");
      titleTerm.textContent = "Title";
      var titleText = document.createElement("dd");
      titleText.className = "ar-cite-title";
      titleText.setAttribute("lang", document.documentElement.lang);
      titleText.textContent = button.dataset.title;
      list.appendChild(titleTerm);
      list.appendChild(titleText);
    }
    STYLES.forEach(function (style) {
      var text = button.dataset[style[0]];
      var term = document.createElement("dt");
      term.textContent = style[1];
      var detail = document.createElement("dd");
      var citation = document.createElement("span");
      citation.className = "ar-citation ar-citation--" + style[0];
      citation.setAttribute("dir", "ltr");
      citation.textContent = text;
      var copyButton = document.createElement("button");
      copyButton.type = "button";
      copyButton.className = "md-button ar-copy";
      copyButton.textContent = "Copy";
      copyButton.setAttribute("aria-label", "Copy the " + style[1] + " citation");
      copyButton.addEventListener("click", function () {
        copy(text).then(function () { announce(style[1] + " citation copied"); });
      });
      detail.appendChild(citation);
      detail.appendChild(copyButton);
      list.appendChild(term);
      list.appendChild(detail);
    });
    dialog.showModal();
    dialog.querySelector(".ar-copy").focus();
  }

  // -- Commentary: hide or show it all, remembered ----------------------------------------------
  function showCommentary(shown) {
    document.querySelectorAll("details.commentary").forEach(function (d) { d.open = shown; });
    document.querySelectorAll("button.ar-toggle-commentary").forEach(function (button) {
      button.textContent = shown ? "Hide commentary" : "Show commentary";
      button.setAttribute("aria-label", shown ? "Hide all commentary" : "Show all commentary");
    });
  }

  // -- "Add commentary": the new file's template, carried once by the page ----------------------
  function fillAdd(link) {
    var official = link.closest(".ar-official[data-add-value]");
    if (!official || link.hasAttribute("data-ar-filled")) { return; }
    link.setAttribute("href", link.getAttribute("href") + "&" + official.getAttribute("data-add-value"));
    link.setAttribute("data-ar-filled", "");
  }
  ["pointerover", "pointerdown", "focusin", "contextmenu"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var link = event.target instanceof Element ? event.target.closest("a.ar-add") : null;
      if (link) { fillAdd(link); }
    }, true);
  });

  // -- The outline beside the text on wide screens ---------------------------------------------
  var wide = window.matchMedia("(min-width: 76.25em)");
  var outlineHome = null;
  function placeOutline() {
    var nav = document.querySelector("nav.ar-outline");
    var sidebar = document.querySelector(".md-sidebar--secondary .md-sidebar__inner");
    if (!nav) { return; }
    if (!outlineHome) {
      outlineHome = document.createComment("outline");
      nav.parentNode.insertBefore(outlineHome, nav);
    }
    var box = nav.querySelector(".ar-outline-box");
    if (wide.matches && sidebar) {
      if (nav.parentNode !== sidebar) {
        sidebar.appendChild(nav);
        box.open = true;
        var short = nav.querySelectorAll(".ar-outline-list > li").length <= 30;
        nav.querySelectorAll(".ar-outline-group").forEach(function (group) {
          if (short) { group.open = true; }
        });
      }
    } else if (nav.previousSibling !== outlineHome) {
      outlineHome.parentNode.insertBefore(nav, outlineHome.nextSibling);
      box.open = false;
    }
  }

  // -- Commentary in the margin on wide screens --------------------------------------------------
  // Each commentary is placed beside its paragraph, or right under the commentary before it when
  // that one runs further down; the official text reads on without gaps.
  var margin = window.matchMedia("(min-width: 100em)");
  var GAP = 12;
  function layOutMargin() {
    var official = document.querySelector(".ar-official");
    if (!official || !official.querySelector("details.commentary")) { return; }
    var notes = official.querySelectorAll(".ar-block > details.commentary");
    var on = margin.matches;
    official.classList.toggle("ar-margin", on);
    official.style.minHeight = "";
    if (!on) {
      notes.forEach(function (d) { d.style.top = ""; });
      return;
    }
    var origin = official.getBoundingClientRect().top;
    var bottom = -GAP;
    notes.forEach(function (d) {
      var unit = d.parentNode.querySelector(".ar-unit");
      var top = Math.max(unit.getBoundingClientRect().top - origin, bottom + GAP);
      d.style.top = top + "px";
      bottom = top + d.offsetHeight;
    });
    if (bottom > official.offsetHeight) { official.style.minHeight = bottom + "px"; }
  }
  var layoutFrame = 0;
  function layOutSoon() {
    cancelAnimationFrame(layoutFrame);
    layoutFrame = requestAnimationFrame(layOutMargin);
  }
  document.addEventListener("toggle", function (event) {
    if (event.target instanceof Element && event.target.matches("details.commentary")) { layOutSoon(); }
  }, true);
  window.addEventListener("resize", layOutSoon);
  window.addEventListener("load", layOutSoon);

  // -- Paragraph previews -------------------------------------------------------------------------
  // A link to a paragraph shows that paragraph in a popover on hover (mouse) or keyboard focus;
  // Escape closes it; a tap follows the link.  The page is fetched from the same site by its
  // relative address (so previews work wherever the site is served, at any path) and kept.
  var pages = {};
  function fetchPage(url) {
    if (!pages[url]) {
      pages[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.text();
      }).then(function (text) {
        return new DOMParser().parseFromString(text, "text/html");
      });
      pages[url].catch(function () { delete pages[url]; });
    }
    return pages[url];
  }

  function excerpt(doc, id, base) {
    var target = doc.getElementById(id);
    if (!target) { return null; }
    var unit = document.importNode(target.closest(".ar-unit") || target, true);
    unit.querySelectorAll(".ar-tools, .ar-permalink, .ar-cited-by, .ar-provenance, button, script").forEach(function (n) { n.remove(); });
    [unit].concat(Array.prototype.slice.call(unit.querySelectorAll("[id]"))).forEach(function (n) { n.removeAttribute("id"); });
    unit.querySelectorAll("a[href]").forEach(function (a) {
      a.setAttribute("href", new URL(a.getAttribute("href"), base).href);
      a.removeAttribute("data-ar-preview");
      a.removeAttribute("data-preview");
      a.setAttribute("tabindex", "-1");
    });
    return unit;
  }

  var popover, owner = null, showTimer, hideTimer, lastTouch = 0;
  function popoverElement() {
    if (!popover) {
      popover = document.createElement("div");
      popover.id = "ar-preview";
      popover.className = "ar-preview md-typeset";
      popover.setAttribute("role", "tooltip");
      popover.hidden = true;
      popover.addEventListener("pointerenter", function () { clearTimeout(hideTimer); });
      popover.addEventListener("pointerleave", function () { hideSoon(); });
      document.body.appendChild(popover);
    }
    return popover;
  }

  function place(link) {
    var box = link.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var top = box.bottom + 6;
    if (top + popover.offsetHeight > window.innerHeight && box.top - popover.offsetHeight - 6 > 0) {
      top = box.top - popover.offsetHeight - 6;
    }
    // Right to left (an Arabic page): the popover's right edge under the link's right edge.
    var rtl = getComputedStyle(link).direction === "rtl";
    var start = rtl ? box.right - popover.offsetWidth : box.left;
    var left = Math.max(8, Math.min(start, width - popover.offsetWidth - 8));
    popover.style.top = (top + window.scrollY) + "px";
    popover.style.left = (left + window.scrollX) + "px";
  }

  function show(link) {
    var url = new URL(link.getAttribute("href"), location.href);
    var id = decodeURIComponent(url.hash.slice(1));
    if (!id || url.origin !== location.origin) { return; }
    url.hash = "";
    var here = url.pathname === location.pathname;
    owner = link;
    var loaded = here ? Promise.resolve(document) : fetchPage(url.href);
    loaded.then(function (doc) {
      if (owner !== link) { return; }
      var content = excerpt(doc, id, url.href);
      if (!content) { return; }
      var pop = popoverElement();
      pop.textContent = "";
      if (!here) {
        var source = doc.querySelector(".ar-facts .ar-symbol");
        if (source) {
          var label = document.createElement("div");
          label.className = "ar-preview-source";
          label.textContent = source.textContent;
          pop.appendChild(label);
        }
      }
      pop.appendChild(content);
      pop.hidden = false;
      link.setAttribute("aria-describedby", "ar-preview");
      place(link);
    }, function () { /* not found or offline: no preview, the link still works */ });
  }

  function hide() {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    if (owner) { owner.removeAttribute("aria-describedby"); }
    owner = null;
    if (popover) { popover.hidden = true; }
  }
  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 250);
  }

  function previewLink(node) {
    return node instanceof Element ? node.closest("a[data-ar-preview]") : null;
  }
  document.addEventListener("pointerover", function (event) {
    var link = previewLink(event.target);
    if (!link || event.pointerType === "touch") { return; }
    clearTimeout(hideTimer);
    if (owner === link) { return; }
    clearTimeout(showTimer);
    showTimer = setTimeout(function () { show(link); }, 200);
  });
  document.addEventListener("pointerout", function (event) {
    var link = previewLink(event.target);
    if (!link || event.pointerType === "touch" || link.contains(event.relatedTarget)) { return; }
    clearTimeout(showTimer);
    if (owner === link) { hideSoon(); }
  });
  document.addEventListener("focusin", function (event) {
    var link = previewLink(event.target);
    if (link && Date.now() - lastTouch > 1000) {
      clearTimeout(showTimer);
      show(link);
    } else if (owner && !(popover && popover.contains(event.target))) {
      hide();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && owner) { hide(); }
  });
  window.addEventListener("resize", hide);

  // -- Clicks ----------------------------------------------------------------------------------
  // A tap on a footnote marker opens its popover in place instead of jumping to the notes at the
  // end of the page, where a reader on a phone would lose their place.
  var lastPointer = "";
  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType;
    if (event.pointerType === "touch") { lastTouch = Date.now(); hide(); }
  }, true);

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) { return; }
    var footnote = target.closest("a.footnote-ref");
    if (footnote && lastPointer === "touch") {
      event.preventDefault();
      footnote.focus();
      return;
    }
    var permalink = target.closest("a.ar-permalink");
    if (permalink) {
      var url = new URL(permalink.getAttribute("href"), location.href).href;
      copy(url).then(function () { announce("Link to " + permalink.getAttribute("aria-label").replace(/^Permanent link to /, "") + " copied"); });
      return;
    }
    var cite = target.closest("button.ar-cite");
    if (cite) { citeDialog(cite); return; }
    var toggle = target.closest("button.ar-toggle-commentary");
    if (toggle) {
      var shown = toggle.textContent === "Show commentary";
      showCommentary(shown);
      remember(shown ? "shown" : "hidden");
      announce(shown ? "Commentary shown" : "Commentary hidden");
    }
  });

  // Print every commentary in full, also those the reader collapsed; restore them afterwards.
  var reopened = [];
  window.addEventListener("beforeprint", function () {
    hide();
    document.querySelectorAll("details.commentary:not([open])").forEach(function (details) {
      details.open = true;
      reopened.push(details);
    });
  });
  window.addEventListener("afterprint", function () {
    reopened.forEach(function (details) { details.open = false; });
    reopened = [];
  });

  function setUp() {
    document.querySelectorAll("button.ar-cite, button.ar-toggle-commentary").forEach(function (button) { button.hidden = false; });
    showCommentary(remembered() !== "hidden");
    placeOutline();
    if (wide.addEventListener) { wide.addEventListener("change", placeOutline); }
    if (margin.matches) {
      layOutMargin();
      // The text above the target got shorter: bring the paragraph the address names back into view.
      var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (target) { target.scrollIntoView(); }
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
