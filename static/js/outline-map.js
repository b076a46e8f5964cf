// What the list's map and a region's map share: the first-level units' outlines are the whole basemap (no tiles,
// nothing fetched from elsewhere). OutlineMap.start(name, draw) reads the page's #<name>-data, fetches the
// outlines, shows #<name> as a labelled region holding a Leaflet map, and lets `draw(map, data, outlines)` fill
// it. Without this script, Leaflet or fetch, the element stays hidden and the page's text says the same.
window.OutlineMap = (function () {
  "use strict";

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } }).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }

  function run(name, draw, options) {
    var element = document.getElementById(name);
    var source = document.getElementById(name + "-data");
    if (!element || !source || !window.L || !window.fetch) return;
    var data = JSON.parse(source.textContent);
    getJSON(data.boundaries)
      .then(function (outlines) {
        element.hidden = false;
        element.setAttribute("role", "region"); // it holds the zoom buttons: not a mere image
        element.setAttribute("aria-label", data.label);
        var map = L.map(element, Object.assign({ zoomSnap: 0.25, scrollWheelZoom: false }, options));
        map.attributionControl.setPrefix(false);
        draw(map, data, outlines);
      })
      .catch(function (error) {
        if (window.console) console.error(name + ":", error);
        element.hidden = true;
      });
  }

  function start(name, draw, options) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () { run(name, draw, options); });
    } else {
      run(name, draw, options);
    }
  }

  return { start: start, getJSON: getJSON };
})();
