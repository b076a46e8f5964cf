// Enhancements of the list filters; without JavaScript every part still works.
// 1. Suggestions while typing into an input that has data-suggest (a JSON endpoint answering
//    {query, results: [{slug, name, detail}]}): regions and sources.
// 2. An applied form leaves its empty fields out of the address, so the view's URL stays canonical
//    without the server's redirect.
(function () {
  "use strict";
  function attach(input) {
    var list = document.getElementById(input.getAttribute("list"));
    var endpoint = input.dataset.suggest;
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
            list.replaceChildren.apply(list, data.results.map(function (record) {
              var option = document.createElement("option");
              option.value = record.slug;
              option.label = record.name + (record.detail ? " — " + record.detail : "");
              return option;
            }));
          })
          .catch(function () { /* suggestions are a convenience; typing still works */ });
      }, 150);
    });
  }
  document.querySelectorAll("input[data-suggest]").forEach(attach);
  document.querySelectorAll("form.filters").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("input, select").forEach(function (field) {
        if (field.name && !field.value.trim()) { field.disabled = true; }
      });
      // A page that was left with the back button must find its fields usable again.
      setTimeout(function () {
        form.querySelectorAll("input, select").forEach(function (field) { field.disabled = false; });
      }, 0);
    });
  });
})();
