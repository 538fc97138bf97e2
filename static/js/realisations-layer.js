/* Néo Num Carto — the directory map's optional layer of réalisations: a checkbox under the
   map shows or hides one square badge per commune (its count), whose popup links to the
   commune's latest réalisations and to all of them. The data (one small GeoJSON, by commune)
   is asked for the first time the box is ticked. Each badge is a Leaflet keyboard marker: a
   tab stop, Enter opens its popup. Without scripts there is no map: the list of réalisations
   is the same information. */
(function () {
  "use strict";

  var TARGET = 44; // px, as the actors' markers

  document.addEventListener("neonum:map", function (event) {
    var map = event.detail;
    var panel = event.target.closest(".map-panel");
    var control = panel && panel.querySelector("#realisations-layer-control");
    if (!control) return;
    var box = control.querySelector("input[type=checkbox]");
    var d = control.dataset;
    var layer = null;
    var loading = null;

    function text(tag, content, attributes) {
      var el = document.createElement(tag);
      el.textContent = content;
      Object.keys(attributes || {}).forEach(function (name) { el.setAttribute(name, attributes[name]); });
      return el;
    }

    function popup(props) {
      var body = document.createElement("div");
      body.className = "realisations-popup";
      body.appendChild(text("p", d.labelMarker.replace("%(count)s", props.count).replace("%(commune)s", props.commune)));
      var list = document.createElement("ul");
      props.items.forEach(function (item) {
        var li = document.createElement("li");
        var link = text("a", item.title, { href: item.url });
        if (item.lang !== document.documentElement.lang) link.lang = item.lang;
        li.appendChild(link);
        list.appendChild(li);
      });
      body.appendChild(list);
      var all = text("a", d.labelAll.replace("%(commune)s", props.commune), { href: props.all });
      var more = document.createElement("p");
      more.appendChild(all);
      body.appendChild(more);
      return body;
    }

    function badge(feature) {
      var c = feature.geometry.coordinates;
      var props = feature.properties;
      var label = d.labelMarker.replace("%(count)s", props.count).replace("%(commune)s", props.commune);
      var m = L.marker([c[1], c[0]], {
        // Up and right of the commune's centre, where an actor's pin may stand.
        icon: L.divIcon({ className: "map-marker marker-realisation", html: String(props.count), iconSize: [TARGET, TARGET], iconAnchor: [0, TARGET] }),
        keyboard: true,
        title: label,
        zIndexOffset: -100,
      });
      m.bindPopup(function () { return popup(props); }, { closeOnEscapeKey: false, autoPanPadding: [TARGET, TARGET] });
      m.on("add", function () {
        var el = m.getElement();
        el.setAttribute("role", "button");
        el.setAttribute("aria-label", label);
        el.setAttribute("aria-haspopup", "true");
      });
      return m;
    }

    function load() {
      if (!loading) {
        loading = fetch(d.url, { headers: { Accept: "application/geo+json" } })
          .then(function (response) {
            if (!response.ok) throw new Error(response.status);
            return response.json();
          })
          .then(function (collection) {
            layer = L.layerGroup(collection.features.map(badge));
            return layer;
          })
          .catch(function () { loading = null; box.checked = false; });
      }
      return loading;
    }

    function show() {
      if (!box.checked) {
        if (layer) map.removeLayer(layer);
        return;
      }
      load().then(function () { if (layer && box.checked) layer.addTo(map); });
    }

    // Not a filter of the directory's form: its change must not refresh the results.
    box.addEventListener("change", function (event) {
      event.stopPropagation();
      show();
    });
    show();
  });
})();
