// Fills the demo page's containers from its query string (?org=…&post=…&origin=…) and loads the widget
// from the draht server, exactly as a municipality's page would with fixed values.
(function () {
  var params = new URLSearchParams(location.search);
  var origin = params.get("origin") || location.origin;
  var org = params.get("org") || "musterstadt";
  var dialog = document.getElementById("dialog");
  var post = params.get("post");
  if (post) {
    dialog.setAttribute("data-draht-thread", post);
    dialog.setAttribute("data-draht-org", org);
  }
  document.getElementById("feed").setAttribute("data-draht-feed", org);
  var script = document.createElement("script");
  script.src = origin + "/widget/draht-widget.js";
  document.body.appendChild(script);
})();
