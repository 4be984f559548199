/* Opens the question named in the address (#its-id) on load, on hashchange and when an
   internal link is followed, so a link to a closed question shows its answer.
   Everything works without it: <details> opens by click and keyboard on its own. */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = (script && script.closest(".faqp")) || document;

  function reveal(id) {
    var target = id ? document.getElementById(id) : null;
    if (!target || !root.contains(target)) return;
    for (var node = target; node && node !== root; node = node.parentElement) {
      if (node.tagName === "DETAILS") node.open = true;
    }
  }

  function decoded(text) {
    try {
      return decodeURIComponent(text);
    } catch (error) {
      return text;
    }
  }

  function revealHash() {
    reveal(decoded(location.hash.slice(1)));
  }

  // A link to the question already in the address fires no hashchange: catch the click too.
  root.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest('a[href^="#"]') : null;
    if (link) reveal(decoded(link.getAttribute("href").slice(1)));
  });
  window.addEventListener("hashchange", revealHash);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", revealHash);
  } else {
    revealHash();
  }
})();
