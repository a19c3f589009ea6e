/* The vote panel's "Find a State" box: typing narrows the lists of States by vote (case and
   accents ignored). Without JavaScript the box stays hidden and every list shows in full. */
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  function setUp(panel) {
    var input = panel.querySelector("input.ar-vote-filter");
    if (!input || input.dataset.ready) return;
    input.dataset.ready = "1";
    var status = panel.querySelector(".ar-vote-filter-status");
    var items = Array.prototype.slice.call(panel.querySelectorAll(".ar-vote-lists:not(.ar-vote-lists--separate) .ar-vote-states li"));
    var names = items.map(function (li) { return fold(li.textContent); });
    input.hidden = false;
    input.addEventListener("input", function () {
      var query = fold(input.value);
      var shown = 0;
      items.forEach(function (li, i) {
        var match = !query || names[i].indexOf(query) !== -1;
        li.hidden = !match;
        if (match) shown += 1;
      });
      if (status) {
        status.textContent = query ? (shown === 0 ? "No State matches" : shown + (shown === 1 ? " State" : " States") + " shown") : "";
      }
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".ar-vote-panel"), setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
