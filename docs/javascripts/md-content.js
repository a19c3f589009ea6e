/* The tab-target script of Material for MkDocs 9.8 (MIT licence, (c) Martin Donath), moved out of the page into this
   file so that the Content-Security-Policy allows no inline script (see overrides/partials/javascripts/). */
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
