// The small map on a region's page: the region drawn as its outline, or as a point, on the units' outlines
// (static/js/outline-map.js loads them). The page says the same in text, so nothing is lost without it.
(function () {
  "use strict";

  function isRegion(data, code) {
    return data.outlined ? code === data.focus : Boolean(data.country) && code.indexOf(data.country + "-") === 0;
  }

  function draw(map, data, outlines) {
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

  OutlineMap.start("region-map", draw);
})();
