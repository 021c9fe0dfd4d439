// Suggests people as one types in an input with data-suggest-people (the meeting list's
// Minister box): names from the API (/api/ministers/?q=, which finds any script and
// spelling) offered in the input's <datalist>. Without this script the box still takes a
// name, looked up when the form is sent.
(function () {
  "use strict";
  var language = document.documentElement.lang;
  var arabic = language === "ar";
  document.querySelectorAll("input[data-suggest-people]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    if (!list) return;
    var timer = null;
    var asked = "";
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var words = input.value.trim();
      if (words.length < 2 || words === asked) return;
      timer = setTimeout(function () {
        asked = words;
        var url = input.dataset.suggestPeople + "?page_size=8&q=" + encodeURIComponent(words);
        fetch(url, { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) {
            if (input.value.trim() !== words) return;
            list.replaceChildren();
            data.results.forEach(function (person) {
              var option = document.createElement("option");
              var first = arabic ? person.name_ar || person.name_latin : person.name_latin || person.name_ar;
              var other = arabic ? person.name_latin : person.name_ar;
              option.value = first;
              var title = person.mandates.length ? person.mandates[0].post_title : null;
              var post = title ? title[language] || title.en || "" : "";
              option.label = [other, post].filter(Boolean).join(" · ");
              list.appendChild(option);
            });
          })
          .catch(function () { /* no suggestions: the box still works */ });
      }, 200);
    });
  });
})();
