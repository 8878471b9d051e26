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
