/* The search index on demand: holds back Material's request for search/search_index.json until
   the reader first uses search (see overrides/main.html, block scripts, for why). */
(function () {
  var xhr = XMLHttpRequest.prototype, open = xhr.open, send = xhr.send, held = [], wanted = false;
  function isIndex(url) {
    try { return /\/search\/search_index\.json$/.test(new URL(url, location.href).pathname); }
    catch (e) { return false; }
  }
  function want() {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach(function (h) {
      try { send.apply(h[0], h[1]); } catch (e) { /* aborted meanwhile */ }
    });
  }
  xhr.open = function (method, url) {
    this.arSearchIndex = isIndex(url);
    return open.apply(this, arguments);
  };
  xhr.send = function () {
    if (this.arSearchIndex && !wanted) { held.push([this, arguments]); return; }
    return send.apply(this, arguments);
  };
  var params = new URLSearchParams(location.search);
  if (params.has("q") || params.has("h")) want();
  document.addEventListener("focusin", function (e) {
    if (e.target instanceof Element && e.target.closest("[data-md-component=search]")) want();
  });
  document.addEventListener("change", function (e) {
    if (e.target instanceof Element && e.target.id === "__search") want();
  });
})();
