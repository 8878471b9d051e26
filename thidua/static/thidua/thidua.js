// Expanding and collapsing the unit tree: HTMX loads the children on the first click,
// later clicks only show or hide them.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-tree-toggle]");
  if (!button) return;
  var children = button.parentElement.querySelector(":scope > .children");
  var expanded = button.getAttribute("aria-expanded") === "true";
  button.setAttribute("aria-expanded", expanded ? "false" : "true");
  button.querySelector("i").className = expanded ? "bi bi-caret-right-fill" : "bi bi-caret-down-fill";
  if (children) children.hidden = expanded;
});

// Unit pickers: the select holds only the chosen unit; typing searches the units the user
// may act in (diacritics optional) through /org/units/lookup/.
function thiduaUnitPickers(root) {
  if (typeof TomSelect === "undefined") return;
  root.querySelectorAll("select[data-unit-lookup]").forEach(function (select) {
    if (select.tomselect) return;
    var url = select.dataset.unitLookup;
    var actingOn = select.dataset.actingOn || "";
    new TomSelect(select, {
      valueField: "id",
      labelField: "text",
      searchField: [],
      maxOptions: 20,
      loadThrottle: 250,
      placeholder: select.closest("form") && select.closest("form").dataset.unitPlaceholder || "",
      preload: "focus",
      load: function (query, callback) {
        var params = new URLSearchParams({ q: query, for: actingOn });
        fetch(url + "?" + params.toString(), { credentials: "same-origin" })
          .then(function (response) { return response.json(); })
          .then(function (data) { callback(data.results); })
          .catch(function () { callback(); });
      },
      render: {
        option: function (item, escape) {
          return "<div><div>" + escape(item.text) + " <code class=\"small\">" + escape(item.code || "") + "</code></div>" +
            (item.trail ? "<div class=\"small text-muted\">" + escape(item.trail) + "</div>" : "") + "</div>";
        },
      },
    });
  });
}
document.addEventListener("DOMContentLoaded", function () { thiduaUnitPickers(document); });
document.addEventListener("htmx:afterSwap", function (event) { thiduaUnitPickers(event.target); });
