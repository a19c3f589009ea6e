/* Reader controls: a permalink copies the paragraph's full address; "Cite" shows the
   paragraph's citation in OSCOLA, Bluebook and plain form, each with a copy button.
   Without JavaScript the permalinks still work as links and the Cite buttons stay hidden. */
(function () {
  "use strict";

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
    dialog.querySelector("h2").textContent = "Cite " + button.dataset.name;
    var list = dialog.querySelector("dl");
    list.textContent = "";
    STYLES.forEach(function (style) {
      var text = button.dataset[style[0]];
      var term = document.createElement("dt");
      term.textContent = style[1];
      var detail = document.createElement("dd");
      var citation = document.createElement("span");
      citation.className = "ar-citation ar-citation--" + style[0];
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

  function setUp() {
    document.querySelectorAll("button.ar-cite").forEach(function (button) { button.hidden = false; });
  }

  // A tap on a footnote marker opens its popover in place instead of jumping to the notes at the
  // end of the page, where a reader on a phone would lose their place.
  var lastPointer = "";
  document.addEventListener("pointerdown", function (event) { lastPointer = event.pointerType; }, true);

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
    if (cite) { citeDialog(cite); }
  });

  // Print every commentary in full, also those the reader collapsed; restore them afterwards.
  var reopened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.commentary:not([open])").forEach(function (details) {
      details.open = true;
      reopened.push(details);
    });
  });
  window.addEventListener("afterprint", function () {
    reopened.forEach(function (details) { details.open = false; });
    reopened = [];
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
