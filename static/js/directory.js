/* Néo Num Carto — the directory, enhanced. Without this script the page works as a plain
   form; with it, filters apply without a reload, the URL keeps the state, and the map shows
   every matching actor (points, or clusters with counts when there are many). */
(function () {
  "use strict";

  var form = document.getElementById("directory");
  if (!form || !window.fetch || !window.history.pushState) return;
  // Labels and controls meant for scripted pages only (site.css: .with-js, .without-js).
  document.documentElement.classList.add("js");
  // The map's markup waits in a <template> (no DOM, no requests for pages without scripts).
  var mapTemplate = document.getElementById("map-panel-template");
  var mapStyles = [];
  if (mapTemplate) {
    var mapMarkup = mapTemplate.content.cloneNode(true);
    mapStyles = Array.prototype.slice.call(mapMarkup.querySelectorAll("link[rel=stylesheet]"));
    mapTemplate.replaceWith(mapMarkup);
  }
  var dynamic = document.getElementById("directory-dynamic");
  var status = document.getElementById("results-status");
  var mapPanel = form.querySelector(".map-panel");
  var mapEl = document.getElementById("map");
  var viewSwitch = document.getElementById("view-switch");
  // From this width the map is a column beside the list (site.css).
  var wide = window.matchMedia("(min-width: 60rem)");
  var pending = null;
  // The query string of the list on screen.
  var shown = window.location.search.replace(/^\?/, "");
  var mapRequest = null;
  var map = null;
  var markersById = {};
  // The names of the non-filter parameters (page, sort, bbox, zoom…), given by the page.
  var names = JSON.parse(form.dataset.parameters);

  function params() {
    var data = new URLSearchParams(new FormData(form));
    var clean = new URLSearchParams();
    data.forEach(function (value, key) {
      if (value !== "") clean.append(key, value);
    });
    // Short, shareable URLs: no radius without a place (the automatic order is an empty value).
    if (!clean.get("near")) clean.delete("radius");
    return clean;
  }

  /* Replaces the dynamic part by the server's rendering of `query`. options.toResults moves
     focus (and the viewport, when needed) to the results' heading, as a new page would;
     otherwise focus stays where it was and the live region announces the count. */
  function refresh(query, push, options) {
    options = options || {};
    shown = query;
    if (pending) pending.abort();
    pending = new AbortController();
    var url = form.dataset.fragmentUrl + (query ? "?" + query : "");
    dynamic.setAttribute("aria-busy", "true");
    return fetch(url, { headers: { "X-Fragment": "results" }, signal: pending.signal })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var focusedId = document.activeElement && document.activeElement.id;
        var panel = dynamic.querySelector("details.filters");
        var panelOpen = options.closeFilters ? false : Boolean(panel && panel.open);
        dynamic.innerHTML = html;
        dynamic.removeAttribute("aria-busy");
        panel = dynamic.querySelector("details.filters");
        if (panel) panel.open = panelOpen;
        if (push) window.history.pushState({ query: query }, "", url);
        syncLanguageLinks(query);
        syncTitle();
        var heading = document.getElementById("results");
        if (document.getElementById("errors")) {
          document.getElementById("errors").focus();
        } else if (options.toResults && heading) {
          focusResults(heading);
        } else {
          if (focusedId && document.getElementById(focusedId)) {
            document.getElementById(focusedId).focus();
          }
          announce(heading);
        }
        bindList();
        fitMap();
      })
      .catch(function (error) {
        if (error.name !== "AbortError") window.location.assign(url);
      });
  }

  function syncTitle() {
    var titled = dynamic.querySelector("[data-document-title]");
    if (titled) document.title = titled.dataset.documentTitle;
  }

  function focusResults(heading) {
    heading.focus({ preventScroll: true });
    var top = heading.getBoundingClientRect().top;
    // In view with room for a result below (a phone after a search shows the form, the count
    // and the first result): stay put; else bring the heading to the top, as a new page would.
    if (top < 0 || top > window.innerHeight - 200) heading.scrollIntoView({ block: "start" });
  }

  function announce(heading) {
    if (!status || !heading) return;
    var text = heading.textContent.trim();
    // The same words again would not be read: a no-break space makes them new.
    status.textContent = status.textContent === text ? text + "\u00a0" : text;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = params();
    query.delete(names.page);
    // "Voir N résultats" closes the filters, which stand above the list.
    var fromFilters = Boolean(event.submitter && event.submitter.classList.contains("apply"));
    refresh(query.toString(), true, { toResults: true, closeFilters: fromFilters });
  });

  form.addEventListener("change", function (event) {
    var target = event.target;
    // Typed fields apply on submit (Enter or the button); choices apply at once.
    if (target.type === "checkbox" || target.type === "radio" || target.tagName === "SELECT") {
      var query = params();
      query.delete(names.page);
      refresh(query.toString(), true);
    }
  });

  dynamic.addEventListener("click", function (event) {
    var link = event.target.closest("a");
    if (!link || link.origin !== window.location.origin) return;
    // "All the choices" of a facet: a new page, opened at that facet.
    if (link.classList.contains("facet-all")) return;
    if (link.pathname !== new URL(form.dataset.fragmentUrl, window.location.href).pathname) return;
    event.preventDefault();
    syncInputs(new URLSearchParams(link.search));
    // A page of results or a removed filter: the new list is where the reader goes next.
    refresh(link.search.replace(/^\?/, ""), true, { toResults: true });
  });

  // "Aller aux filtres" opens the panel it leads to (the browser does too, but not everywhere).
  document.querySelectorAll('a[href="#filters"]').forEach(function (link) {
    link.addEventListener("click", function () {
      var panel = dynamic.querySelector("details.filters");
      if (panel) panel.open = true;
    });
  });

  window.addEventListener("popstate", function () {
    var query = window.location.search.replace(/^\?/, "");
    // A skip link's #results or #filters changes only the fragment: the list shown is the
    // one asked for, and reloading it would take away the focus the link just moved.
    if (query === shown) return;
    syncInputs(new URLSearchParams(query));
    refresh(query, false);
  });

  // The language switcher links to this page in each language, filters included.
  function syncLanguageLinks(query) {
    document.querySelectorAll("a[data-language-version]").forEach(function (link) {
      link.setAttribute("href", link.pathname + (query ? "?" + query : ""));
    });
  }

  // The search bar is outside the refreshed part: keep it in step with the URL.
  function syncInputs(query) {
    ["q", "near"].forEach(function (name) {
      var input = form.elements[name];
      if (input) input.value = query.get(name) || "";
    });
    if (query.get("radius") && form.elements.radius) form.elements.radius.value = query.get("radius");
  }

  /* Geolocation, only when asked. */
  var locate = document.getElementById("locate");
  if (locate && navigator.geolocation) {
    locate.hidden = false;
    locate.addEventListener("click", function () {
      navigator.geolocation.getCurrentPosition(function (position) {
        form.elements.near.value =
          position.coords.latitude.toFixed(5) + "," + position.coords.longitude.toFixed(5);
        form.requestSubmit();
      });
    });
  }

  /* The map (static/js/results-map.js draws it). */
  var results = null;

  /* Phones: the list, or the map through the switch. Wide screens: both side by side. */
  function showMap(on) {
    form.classList.toggle("show-map", on);
    viewSwitch.setAttribute("aria-expanded", String(on));
    viewSwitch.textContent = on ? viewSwitch.dataset.labelList : viewSwitch.dataset.labelMap;
    if (on) redrawMap();
  }

  function mapShown() {
    return mapEl.offsetWidth > 0;
  }

  // Leaflet measures its container once: tell it when the container appears or changes size.
  function redrawMap() {
    if (!map || !mapShown()) return;
    map.invalidateSize();
    fitMap();
  }

  function initMap() {
    if (!window.L || !window.NeoNumResultsMap || !mapEl) return;
    mapPanel.hidden = false;
    viewSwitch.parentNode.hidden = false;
    viewSwitch.addEventListener("click", function () {
      showMap(!form.classList.contains("show-map"));
    });
    wide.addEventListener("change", redrawMap);
    results = window.NeoNumResultsMap(mapEl, {
      onPoint: function (el, props) {
        el.addEventListener("focus", function () { highlight(props.id, true); });
        el.addEventListener("blur", function () { highlight(props.id, false); });
        el.addEventListener("mouseenter", function () { highlight(props.id, true); });
        el.addEventListener("mouseleave", function () { highlight(props.id, false); });
      },
    });
    map = results.map;
    map.on("moveend", loadMap);
    map.whenReady(fitMap);
    document.getElementById("search-area").addEventListener("click", function () {
      var query = params();
      query.set(names.bbox, results.viewBbox());
      query.delete(names.page);
      refresh(query.toString(), true);
    });
  }

  /* Frame the map on the results (their bounds come with the list), then load what is in view. */
  function fitMap() {
    if (!map || !mapShown()) return;
    var layout = dynamic.querySelector("[data-map-bounds]");
    results.fit(layout ? layout.dataset.mapBounds.split(",").map(Number) : null);
    loadMap();
  }

  // Framing the map also ends a move: one request for both, not one aborted by the other.
  var loadTimer = null;
  function loadMap() {
    window.clearTimeout(loadTimer);
    loadTimer = window.setTimeout(loadMapNow, 0);
  }

  function loadMapNow() {
    if (!map || !mapShown()) return;
    // Criteria the list refused (it says which): the map, which would refuse them too, is empty.
    if (dynamic.querySelector(".layout[data-invalid]")) {
      if (mapRequest) mapRequest.abort();
      markersById = results.draw({ type: "FeatureCollection", features: [] });
      return;
    }
    var query = params();
    [names.bbox, names.page, names.sort].forEach(function (name) { query.delete(name); });
    query.set(names.bbox, results.viewBbox());
    query.set(names.zoom, map.getZoom());
    if (mapRequest) mapRequest.abort();
    mapRequest = new AbortController();
    fetch(form.dataset.mapUrl + "?" + query.toString(), { signal: mapRequest.signal })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data) markersById = results.draw(data); })
      .catch(function () {});
  }

  function highlight(id, on) {
    var card = document.getElementById("actor-" + id);
    if (card) card.classList.toggle("is-active", on);
    var marker = markersById[id];
    var el = marker && marker.getElement();
    if (el) el.classList.toggle("is-active", on);
  }

  function bindList() {
    dynamic.querySelectorAll(".actor-card").forEach(function (card) {
      var id = card.dataset.actorId;
      ["focusin", "mouseenter"].forEach(function (type) {
        card.addEventListener(type, function () { highlight(id, true); });
      });
      ["focusout", "mouseleave"].forEach(function (type) {
        card.addEventListener(type, function () { highlight(id, false); });
      });
    });
  }

  // Leaflet measures the map once its styles give it a size: a later resize would move it,
  // and load its markers a second time.
  function stylesLoaded() {
    return Promise.all(mapStyles.map(function (link) {
      return link.sheet ? null : new Promise(function (resolve) {
        link.addEventListener("load", resolve);
        link.addEventListener("error", resolve);
      });
    }));
  }

  bindList();
  stylesLoaded().then(initMap);
})();
