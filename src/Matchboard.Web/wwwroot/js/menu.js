// The phone menu: a disclosure button that folds the site navigation away so the header leaves room for the page.
// Without this script the button stays hidden and the navigation simply shows (progressive enhancement). Wide
// screens never show the button (site.css), so there the navigation is always open whatever the button's state.
//
// Stable hooks for browser tests: #menu-button[aria-expanded], #site-menu, .site-header[data-menu="open|closed"].
(function () {
  "use strict";

  var header = document.querySelector(".site-header");
  var button = document.getElementById("menu-button");
  var menu = document.getElementById("site-menu");
  if (!header || !button || !menu) {
    return;
  }

  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    header.setAttribute("data-menu", open ? "open" : "closed");
  }

  button.hidden = false;
  setOpen(false);

  // A <button> already toggles on Enter and Space.
  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });

  // Escape closes the open menu from the button or from anywhere inside it, and gives the keyboard back to the
  // button, so focus is never left on a link that has just disappeared.
  function closeOnEscape(e) {
    if ((e.key === "Escape" || e.key === "Esc") && button.getAttribute("aria-expanded") === "true"
        && window.getComputedStyle(button).display !== "none") {
      setOpen(false);
      button.focus();
      e.preventDefault();
    }
  }

  button.addEventListener("keydown", closeOnEscape);
  menu.addEventListener("keydown", closeOnEscape);
})();
