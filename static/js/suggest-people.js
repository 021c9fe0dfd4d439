// Suggests people as one types in an input with data-suggest-people (the meeting list's
// Minister box): names from the API (/api/ministers/?q=, which finds any script and
// spelling), each a link to this list filtered by that person. Without this script the
// box still takes a name, looked up when the form is sent.
(function () {
  "use strict";
  var language = document.documentElement.lang;
  var arabic = language === "ar";
  document.querySelectorAll("input[data-suggest-people]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("aria-controls"));
    if (!list) return;
    var timer = null;
    var asked = "";
    function linkTo(slug) {
      var url = new URL(window.location.href);
      ["page", "after", "before"].forEach(function (name) { url.searchParams.delete(name); });
      url.searchParams.set(input.name, slug);
      return url.pathname + url.search;
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var words = input.value.trim();
      if (words.length < 2) { list.replaceChildren(); asked = ""; return; }
      if (words === asked) return;
      timer = setTimeout(function () {
        asked = words;
        var url = input.dataset.suggestPeople + "?page_size=8&q=" + encodeURIComponent(words);
        fetch(url, { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) {
            if (input.value.trim() !== words) return;
            list.replaceChildren();
            data.results.forEach(function (person) {
              var item = document.createElement("li");
              var link = document.createElement("a");
              link.href = linkTo(person.slug);
              link.textContent = arabic ? person.name_ar || person.name_latin
                                        : person.name_latin || person.name_ar;
              item.appendChild(link);
              var title = person.mandates.length ? person.mandates[0].post_title : null;
              var post = title ? title[language] || title.en : "";
              if (post) {
                var small = document.createElement("small");
                small.textContent = " " + post + " (" + person.mandates[0].country + ")";
                item.appendChild(small);
              }
              list.appendChild(item);
            });
          })
          .catch(function () { /* no suggestions: the box still works */ });
      }, 200);
    });
  });
})();
