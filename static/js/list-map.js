// The map of a filtered list: the first-level units' outlines (the whole basemap: no tiles, nothing fetched
// from elsewhere) shaded by their count, and located places as circles sized by theirs. A unit or a circle
// opens the same view narrowed to it. The tables beside the map give the same numbers and links, so without
// this script nothing is lost but the picture.
(function () {
  "use strict";

  function start() {
    var element = document.getElementById("list-map");
    var source = document.getElementById("list-map-data");
    if (!element || !source || !window.L || !window.fetch) return;
    var data = JSON.parse(source.textContent);
    fetch(data.boundaries, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (outlines) {
        element.hidden = false;
        element.setAttribute("role", "region");
        element.setAttribute("aria-label", data.label);
        draw(element, data, outlines);
      })
      .catch(function (error) {
        if (window.console) console.error("list map:", error);
        element.hidden = true;
      });
  }

  function shade(count, peak) {
    // Five classes by the share of the busiest unit; a unit with nothing stays blank.
    if (!count) return 0;
    return Math.min(5, 1 + Math.floor((4 * Math.sqrt(count)) / Math.sqrt(peak)));
  }

  function draw(element, data, outlines) {
    var units = {};
    var peak = 1;
    data.units.forEach(function (unit) {
      units[unit.code] = unit;
      peak = Math.max(peak, unit.count);
    });
    var map = L.map(element, { zoomSnap: 0.25, scrollWheelZoom: false, tap: true });
    map.attributionControl.setPrefix(false);
    var shapes = L.geoJSON(outlines, {
      attribution: data.attribution,
      style: function (feature) {
        var unit = units[feature.properties.code];
        var classes = "list-map-unit list-map-shade-" + shade(unit ? unit.count : 0, peak) + " list-map-" + feature.properties.code;
        return { className: classes, weight: 1, fillOpacity: 0.75 };
      },
      onEachFeature: function (feature, layer) {
        var unit = units[feature.properties.code];
        if (!unit) return;
        layer.bindTooltip(unit.name + ": " + (data.estimated ? "≈" : "") + unit.count.toLocaleString());
        layer.on("click", function () { window.location.href = unit.link; });
      },
    });
    map.fitBounds(shapes.getBounds(), { padding: [4, 4] });
    shapes.addTo(map);
    var top = 1;
    data.places.forEach(function (place) { top = Math.max(top, place.count); });
    data.places.forEach(function (place) {
      var circle = L.circleMarker(place.point, {
        radius: 3 + 12 * Math.sqrt(place.count / top),
        className: "list-map-place",
      });
      circle.bindTooltip(place.name + ": " + (data.estimated ? "≈" : "") + place.count.toLocaleString());
      circle.on("click", function () { window.location.href = place.link; });
      circle.addTo(map);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
