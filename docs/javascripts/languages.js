/* Language versions of a resolution (the switcher under the title, macros.j2 `languages`).

   Switching keeps the reader's paragraph: a link to another version gets the paragraph in the
   address (#op-3), or, when the address names none, the first paragraph on screen.  Every
   version has the same paragraph ids.

   Parallel view: a second language beside the first, paragraph by paragraph.  The other
   version's page is fetched (the same site) and each of its paragraphs put beside the paragraph
   with the same id, in the same grid row, so that each pair starts at the same height; on a
   phone the pair is stacked.  The choice is remembered (localStorage) and linkable
   (?parallel=fr).  Without JavaScript the switcher is plain links and the control stays hidden. */
(function () {
  "use strict";

  var STORE = "ar-parallel";

  /* The page's <link rel="alternate" hreflang> (one per language version, for search engines)
     get a second token before the theme reads them: Material for MkDocs takes every
     link[rel=alternate] for a version of the whole site, fetches a sitemap.xml under each and
     redirects clicks on links into them to that version's home page, which would lose the
     reader's paragraph.  "alternate" stays, so the links keep their meaning.  This script runs
     before DOMContentLoaded, when the theme looks. */
  document.querySelectorAll("link[rel=alternate][hreflang]").forEach(function (link) {
    link.setAttribute("rel", "alternate ar-language-version");
  });

  function officialText() { return document.querySelector(".ar-official"); }

  /* The id of the paragraph the reader is at: the address's, else the first one that starts on
     screen (below the theme's header), else the one the screen's top cuts. */
  function currentParagraph() {
    var hash = decodeURIComponent(location.hash.slice(1));
    if (hash && document.getElementById(hash)) { return hash; }
    var header = document.querySelector(".md-header");
    var top = header ? header.getBoundingClientRect().bottom : 0;
    var paragraphs = document.querySelectorAll(".ar-official .ar-para[id]");
    var cut = "";
    for (var i = 0; i < paragraphs.length; i++) {
      var box = paragraphs[i].getBoundingClientRect();
      if (box.top >= top && box.top < window.innerHeight) { return paragraphs[i].id; }
      if (box.top < top && box.bottom > top) { cut = paragraphs[i].id; }
    }
    return cut;
  }

  function switchTo(link) {
    var url = new URL(link.getAttribute("href"), location.href);
    var id = currentParagraph();
    url.hash = id ? "#" + encodeURIComponent(id) : "";
    var parallel = new URLSearchParams(location.search).get("parallel");
    if (parallel) { url.searchParams.set("parallel", parallel); }
    return url.href;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.ar-language");
    if (!link || link.getAttribute("aria-current") === "page") { return; }
    link.setAttribute("href", switchTo(link));  // the browser follows the updated address
  }, true);

  // -- Parallel view --------------------------------------------------------------------------
  function stored() {
    try { return localStorage.getItem(STORE) || ""; } catch (e) { return ""; }
  }

  function remember(code) {
    try {
      if (code) { localStorage.setItem(STORE, code); } else { localStorage.removeItem(STORE); }
    } catch (e) { /* storage refused: the choice lasts for this page only */ }
  }

  function setAddress(code) {
    var url = new URL(location.href);
    if (code) { url.searchParams.set("parallel", code); } else { url.searchParams.delete("parallel"); }
    history.replaceState(history.state, "", url.href);
  }

  function clear() {
    document.querySelectorAll(".ar-parallel-text").forEach(function (node) { node.remove(); });
    var text = officialText();
    if (text) {
      text.classList.remove("ar-parallel");
      text.removeAttribute("data-parallel");
    }
  }

  /* A copy of the other version's paragraph, without ids (they stay unique on the page) and
     without its reader controls. */
  function counterpart(other, address, id, lang, dir) {
    var copy;
    var source = other.getElementById(id);
    if (source) {
      copy = document.importNode(source, true);
      copy.removeAttribute("id");
      copy.querySelectorAll("[id]").forEach(function (node) { node.removeAttribute("id"); });
      copy.querySelectorAll(".ar-tools, .ar-permalink").forEach(function (node) { node.remove(); });
      // Its links lead where they lead on its own page (a note, a cited document, the English text).
      copy.querySelectorAll("a[href]").forEach(function (link) {
        link.setAttribute("href", new URL(link.getAttribute("href"), address).href);
      });
    } else {
      copy = document.createElement("p");
      copy.className = "ar-para ar-missing";
    }
    copy.classList.add("ar-parallel-text");
    copy.setAttribute("lang", lang);
    copy.setAttribute("dir", dir);
    copy.setAttribute("data-parallel-of", id);
    return copy;
  }

  var pending = 0;
  function show(select, code) {
    clear();
    var option = select.querySelector('option[value="' + code + '"]');
    if (!code || !option) { select.value = ""; return; }
    select.value = code;
    var ticket = ++pending;
    var address = new URL(option.getAttribute("data-href"), location.href).href;
    fetch(address, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.text();
      })
      .then(function (html) {
        if (ticket !== pending) { return; }  // the reader chose again meanwhile
        var other = new DOMParser().parseFromString(html, "text/html");
        var dir = other.body.getAttribute("dir") || (code === "ar" ? "rtl" : "ltr");
        var text = officialText();
        text.querySelectorAll(".ar-unit > .ar-para[id]").forEach(function (para) {
          para.insertAdjacentElement("afterend", counterpart(other, address, para.id, code, dir));
        });
        text.classList.add("ar-parallel");
        text.setAttribute("data-parallel", code);
        var id = decodeURIComponent(location.hash.slice(1));
        var target = id && document.getElementById(id);
        if (target) { target.scrollIntoView(); }
      })
      .catch(function () { select.value = ""; });
  }

  function init() {
    var select = document.querySelector(".ar-parallel-select");
    if (!select || !officialText()) { return; }
    select.closest(".ar-parallel-control").hidden = false;
    select.addEventListener("change", function () {
      remember(select.value);
      setAddress(select.value);
      show(select, select.value);
    });
    var asked = new URLSearchParams(location.search).get("parallel");
    var code = asked !== null ? asked : stored();
    if (code && code !== select.getAttribute("data-current")) { show(select, code); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
