// The map of a filtered list: the first-level units' outlines shaded by their count (static/js/outline-map.js
// loads them), and the located places, clustered on the server per grid cell at the map's zoom: a cluster is a
// disc with how many rows it holds; choosing it zooms into it (or, when it cannot be told apart further, opens
// the view narrowed to its places). A single place is a circle sized by its count, opening the view narrowed
// to it. The tables beside the map give the same numbers and links, so without this script nothing is lost
// but the picture.
(function () {
  "use strict";

  var REFRESH_DELAY_MS = 150;
  var RING = 4; // the disc's border and halo, in pixels (site.css)

  function shade(count, peak) {
    // Five classes by the share of the busiest unit; a unit with nothing stays blank.
    if (!count) return 0;
    return Math.min(5, 1 + Math.floor((4 * Math.sqrt(count)) / Math.sqrt(peak)));
  }

  function counted(count) {
    return count.toLocaleString();
  }

  function drawUnits(map, data, outlines) {
    var units = {};
    var peak = 1;
    data.units.forEach(function (unit) {
      units[unit.code] = unit;
      peak = Math.max(peak, unit.count);
    });
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
        layer.bindTooltip(unit.name + ": " + counted(unit.count));
        layer.on("click", function () { window.location.href = unit.link; });
      },
    });
    map.fitBounds(shapes.getBounds(), { padding: [4, 4] });
    shapes.addTo(map);
  }

  function box(bounds) {
    var clamp = function (value, limit) { return Math.max(-limit, Math.min(limit, value)).toFixed(4); };
    return [clamp(bounds.getWest(), 180), clamp(bounds.getSouth(), 90), clamp(bounds.getEast(), 180), clamp(bounds.getNorth(), 90)].join(",");
  }

  function within(map, item, answer, size) {
    // The disc stays inside its grid cell, as near its places' centre as it can: discs of two cells never overlap.
    var point = map.project(item.point, answer.zoom);
    var margin = Math.min(answer.cell / 2, (size / 2 + RING) * Math.pow(2, answer.zoom - map.getZoom()));
    var clamp = function (value) {
      var start = Math.floor(value / answer.cell) * answer.cell;
      return Math.min(start + answer.cell - margin, Math.max(start + margin, value));
    };
    return map.unproject(L.point(clamp(point.x), clamp(point.y)), answer.zoom);
  }

  function cluster(map, item, answer, strings) {
    var disc = document.createElement("span");
    disc.textContent = item.count.toLocaleString();
    var size = Math.min(52, 22 + 5 * String(item.count).length);
    var text = counted(item.count);
    var marker = L.marker(within(map, item, answer, size), {
      icon: L.divIcon({ className: "list-map-cluster", html: disc, iconSize: [size, size] }),
      keyboard: true,
      title: strings.cluster.replace("{count}", text).replace("{places}", item.places.toLocaleString()),
      riseOnHover: true,
    });
    function open() {
      var bounds = L.latLngBounds(item.bounds);
      var deeper = Math.min(map.getMaxZoom(), Math.max(map.getBoundsZoom(bounds.pad(0.2)), Math.floor(map.getZoom()) + 2));
      if (item.link && (bounds.getNorthEast().equals(bounds.getSouthWest()) || map.getZoom() >= map.getMaxZoom())) {
        window.location.href = item.link; // nothing more to tell apart: the list of its places instead
      } else {
        map.setView(bounds.getCenter(), deeper);
      }
    }
    marker.on("click", open);
    marker.on("keypress", function (event) { if (event.originalEvent.key === "Enter") open(); });
    return marker;
  }

  function place(item, answer, top) {
    var circle = L.circleMarker(item.point, { radius: 4 + 10 * Math.sqrt(item.count / top), className: "list-map-place" });
    circle.bindTooltip(item.name + ": " + counted(item.count));
    circle.on("click", function () { window.location.href = item.link; });
    return circle;
  }

  function drawPoints(map, data, element) {
    var layer = L.layerGroup().addTo(map);
    var asked = 0;
    var timer = null;
    function load() {
      var number = ++asked;
      // Cells of the whole zoom level below: on screen they are never narrower than the server's CELL_PIXELS.
      var zoom = Math.floor(map.getZoom());
      var url = data.points + (/[?&]$/.test(data.points) ? "" : "&") + "zoom=" + zoom + "&bbox=" + box(map.getBounds().pad(0.25));
      OutlineMap.getJSON(url)
        .then(function (answer) {
          if (number !== asked) return; // the map moved again meanwhile: a newer answer is coming
          layer.clearLayers();
          var top = 1;
          answer.clusters.forEach(function (item) { top = Math.max(top, item.count); });
          answer.clusters.forEach(function (item) {
            if (item.places > 1) {
              cluster(map, item, answer, data.strings).addTo(layer);
            } else {
              var circle = place(item, answer, top).addTo(layer);
              circle.getElement().setAttribute("role", "img");
              circle.getElement().setAttribute("aria-label", item.name + ": " + counted(item.count));
            }
          });
          element.setAttribute("data-points-zoom", answer.zoom);
          element.setAttribute("data-points-shown", answer.shown);
        })
        .catch(function (error) { if (window.console) console.error("list map points:", error); });
    }
    map.on("moveend", function () {
      clearTimeout(timer);
      timer = setTimeout(load, REFRESH_DELAY_MS);
    });
    load();
  }

  OutlineMap.start(
    "list-map",
    function (map, data, outlines) {
      drawUnits(map, data, outlines);
      drawPoints(map, data, map.getContainer());
    },
    { tap: true, minZoom: 3, maxZoom: 12 }
  );
})();
