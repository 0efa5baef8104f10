// A refused form comes back with its error summary at the top: move focus there, so that a screen reader reads
// the errors first and a keyboard user tabs from the summary's links to the fields. The summary is already on
// screen when this runs (the script follows it), so no waiting for the whole page.
(function () {
    "use strict";
    var summary = document.getElementById("error-summary");
    if (summary) {
        summary.focus();
    }
})();
