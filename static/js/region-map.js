// The small map on a region's page: the first-level units' outlines are the whole basemap (no tiles, nothing
// fetched from elsewhere); the region is drawn as its outline, or as a point. The page says the same in text,
// so without this script, or without Leaflet, nothing is lost but the picture.
(function () {
  "use strict";

  function start() {
    var element = document.getElementById("region-map");
    var source = document.getElementById("region-map-data");
    if (!element || !source || !window.L || !window.fetch) return;
    var data = JSON.parse(source.textContent);

    fetch(data.boundaries, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (outlines) {
        element.hidden = false;
        element.setAttribute("role", "region"); // it holds the zoom buttons: not a mere image
        element.setAttribute("aria-label", data.label);
        draw(element, data, outlines);
      })
      .catch(function (error) {
        if (window.console) console.error("region map:", error);
        element.hidden = true; // the coordinates in the caption still say where it is
      });
  }

  function isRegion(data, code) {
    return data.outlined ? code === data.focus : Boolean(data.country) && code.indexOf(data.country + "-") === 0;
  }

  function draw(element, data, outlines) {
    var map = L.map(element, { attributionControl: true, zoomSnap: 0.25, scrollWheelZoom: false });
    map.attributionControl.setPrefix(false);
    var focus = null;
    var shapes = L.geoJSON(outlines, {
      interactive: false,
      attribution: data.attribution,
      style: function (feature) {
        var own = isRegion(data, feature.properties.code);
        return {
          className: own ? "region-map-own" : "region-map-unit",
          weight: own ? 2 : 1,
          fillOpacity: own ? 0.45 : 0.15,
        };
      },
      onEachFeature: function (feature, layer) {
        if (feature.properties.code === data.focus) focus = layer;
      },
    });

    var frame = focus ? focus.getBounds() : shapes.getBounds();
    if (data.country) frame = shapes.getBounds();
    var point = data.point && L.latLng(data.point[0], data.point[1]);
    if (point && !focus) frame = L.latLngBounds(point, point).pad(0.5);
    // Leaflet draws vector layers only once the map has a view.
    map.fitBounds(frame, { padding: [8, 8], maxZoom: 9 });
    shapes.addTo(map);
    if (point) {
      L.circleMarker(point, {
        interactive: false,
        radius: 7,
        className: data.precision === "own" ? "region-map-point" : "region-map-point region-map-approximate",
      }).addTo(map);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
