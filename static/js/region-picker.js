// Suggests regions while typing into any input that has data-region-search (the JSON endpoint).
// Without JavaScript the same input still works: the list accepts a name, alias, slug or code.
(function () {
  "use strict";
  function attach(input) {
    var list = document.getElementById(input.getAttribute("list"));
    var endpoint = input.dataset.regionSearch;
    var timer = null;
    var latest = "";
    input.addEventListener("input", function () {
      var text = input.value.trim();
      clearTimeout(timer);
      if (text.length < 2) { return; }
      timer = setTimeout(function () {
        latest = text;
        fetch(endpoint + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) {
            if (data.query !== latest.toLowerCase() && data.query !== latest) { return; }
            list.replaceChildren.apply(list, data.results.map(function (region) {
              var option = document.createElement("option");
              option.value = region.slug;
              option.label = region.name + (region.name_uk ? " · " + region.name_uk : "") + (region.within ? " — " + region.within : "");
              return option;
            }));
          })
          .catch(function () { /* suggestions are a convenience; typing still works */ });
      }, 150);
    });
  }
  document.querySelectorAll("input[data-region-search]").forEach(attach);
})();
