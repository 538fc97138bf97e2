/* Néo Num Carto — the embeddable map. The list under it is the page's content and works
   without JavaScript; this draws the same results on a map (points, or clusters with counts),
   from the directory's own map data. */
(function () {
  "use strict";
  var mapEl = document.getElementById("embed-map");
  if (!mapEl || !window.L || !window.NeoNumResultsMap || !window.fetch) return;
  mapEl.parentNode.hidden = false;
  var data = mapEl.dataset;
  // The names of the non-filter parameters (page, sort, bbox, zoom…), given by the page.
  var names = JSON.parse(data.parameters);
  var request = null;
  // Links open in a new tab: actor pages refuse to be framed.
  var results = window.NeoNumResultsMap(mapEl, { newTab: true });
  var map = results.map;

  function url(extra) {
    var query = new URLSearchParams(data.query);
    [names.page, names.sort, names.bbox].forEach(function (name) { query.delete(name); });
    extra.forEach(function (pair) { query.set(pair[0], pair[1]); });
    return data.mapUrl + "?" + query.toString();
  }

  function load() {
    if (request) request.abort();
    request = new AbortController();
    var view = [[names.bbox, results.viewBbox()], [names.zoom, map.getZoom()]];
    fetch(url(view), { signal: request.signal })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (collection) { if (collection) results.draw(collection); })
      .catch(function () {});
  }

  fetch(url([[names.fit, "1"]]))
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (result) { results.fit(result && result.bounds); })
    .catch(function () {})
    .then(function () { map.on("moveend", load); load(); });
})();
