/* Néo Num Carto — the directory map's optional layer of réalisations: a checkbox under the
   map shows or hides one square badge per commune (its count), whose popup links to the
   commune's latest réalisations and to all of them. The data (one small GeoJSON, by commune)
   is asked for the first time the box is ticked. Badges closer than a touch target are drawn
   as one, which zooms in (as the actors' clusters do). Each badge is a Leaflet keyboard
   marker: a tab stop, Enter opens its popup or zooms in. Without scripts there is no map: the list of réalisations
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
    var layer = L.layerGroup();
    var features = null;
    var loading = null;
    var focusNear = null; // after a group is opened from the keyboard: focus the badge nearest to this

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

    /* A badge; `activate` runs on Enter or Space (Leaflet's keyboard markers know only
       Enter, and only for a popup; handled here, the key press never reaches Leaflet). */
    function square(latlng, count, label, activate) {
      var m = L.marker(latlng, {
        // Up and right of the commune's centre, clear of an actor's marker standing there,
        // and above the actors' markers: the reader asked for this layer.
        icon: L.divIcon({ className: "map-marker marker-realisation", html: String(count), iconSize: [TARGET, TARGET], iconAnchor: [-TARGET / 2, TARGET * 1.5] }),
        keyboard: true,
        title: label,
        zIndexOffset: 1000,
      });
      m.on("add", function () {
        var el = m.getElement();
        el.setAttribute("role", "button");
        el.setAttribute("aria-label", label);
        el.addEventListener("keydown", function (event) {
          if (event.key !== "Enter" && event.key !== " ") return;
          event.preventDefault();
          event.stopPropagation();
          activate(true);
        });
      });
      return m;
    }

    function badge(feature) {
      var props = feature.properties;
      var label = d.labelMarker.replace("%(count)s", props.count).replace("%(commune)s", props.commune);
      var m = square(feature.latlng, props.count, label, function () { m.openPopup(); });
      m.bindPopup(function () { return popup(props); }, { closeOnEscapeKey: false, autoPanPadding: [TARGET, TARGET] });
      m.on("add", function () { m.getElement().setAttribute("aria-haspopup", "true"); });
      return m;
    }

    function group(members) {
      var count = members.reduce(function (sum, f) { return sum + f.properties.count; }, 0);
      var label = d.labelGroup.replace("%(count)s", count).replace("%(communes)s", members.length);
      function zoomIn(byKeyboard) {
        if (byKeyboard) focusNear = m.getLatLng();
        map.setView(m.getLatLng(), Math.min(map.getZoom() + 2, map.getMaxZoom()));
      }
      var m = square(members[0].latlng, count, label, zoomIn);
      m.on("click", function () { zoomIn(false); });
      return m;
    }

    /* One badge a commune, those nearer each other than a touch target merged. */
    function draw() {
      layer.clearLayers();
      var groups = [];
      features.forEach(function (feature) {
        var at = map.latLngToContainerPoint(feature.latlng);
        var near = groups.filter(function (g) { return g.at.distanceTo(at) < TARGET; })[0];
        if (near) near.members.push(feature);
        else groups.push({ at: at, members: [feature] });
      });
      groups.forEach(function (g) {
        layer.addLayer(g.members.length === 1 ? badge(g.members[0]) : group(g.members));
      });
      if (focusNear) {
        var best = null;
        layer.eachLayer(function (m) {
          if (!best || m.getLatLng().distanceTo(focusNear) < best.getLatLng().distanceTo(focusNear)) best = m;
        });
        focusNear = null;
        if (best) best.getElement().focus();
      }
    }

    function load() {
      if (!loading) {
        loading = fetch(d.url, { headers: { Accept: "application/geo+json" } })
          .then(function (response) {
            if (!response.ok) throw new Error(response.status);
            return response.json();
          })
          .then(function (collection) {
            features = collection.features.map(function (f) {
              f.latlng = L.latLng(f.geometry.coordinates[1], f.geometry.coordinates[0]);
              return f;
            });
          })
          .catch(function () { loading = null; box.checked = false; });
      }
      return loading;
    }

    function show() {
      if (!box.checked) {
        map.removeLayer(layer);
        return;
      }
      load().then(function () {
        if (!features || !box.checked) return;
        draw();
        layer.addTo(map);
      });
    }

    map.on("zoomend", function () { if (features && map.hasLayer(layer)) draw(); });

    // Not a filter of the directory's form: its change must not refresh the results.
    box.addEventListener("change", function (event) {
      event.stopPropagation();
      show();
    });
    show();
  });
})();
