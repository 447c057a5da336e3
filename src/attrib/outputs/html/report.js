(function () {
  "use strict";
  var tip = document.getElementById("tip");
  function marks(root, attr, value) {
    return Array.prototype.filter.call(
      root.querySelectorAll("mark.st"),
      function (m) { return (m.getAttribute(attr) || "").split(" ").indexOf(value) >= 0; });
  }
  function show(el) {
    var text = el.getAttribute("data-tip");
    if (!text) { return; }
    tip.textContent = text;
    tip.hidden = false;
    var r = el.getClientRects()[0] || el.getBoundingClientRect();
    var w = tip.offsetWidth;
    var left = Math.max(8, Math.min(r.left + window.scrollX,
      window.scrollX + document.documentElement.clientWidth - w - 8));
    var top = r.top + window.scrollY - tip.offsetHeight - 8;
    if (top < window.scrollY + 4) { top = r.bottom + window.scrollY + 8; }
    tip.style.left = left + "px";
    tip.style.top = top + "px";
  }
  function hide() { tip.hidden = true; }
  function group(el, on) {
    var id = el.getAttribute("data-statement");
    if (!id) { return; }
    marks(document, "data-statement", id).forEach(function (m) {
      m.classList.toggle("hover", on);
    });
  }
  document.querySelectorAll("[data-tip]").forEach(function (el) {
    el.addEventListener("mouseenter", function () { show(el); group(el, true); });
    el.addEventListener("mouseleave", function () { hide(); group(el, false); });
    el.addEventListener("focus", function () { show(el); group(el, true); });
    el.addEventListener("blur", function () { hide(); group(el, false); });
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { hide(); } });
  document.querySelectorAll("button.src").forEach(function (btn) {
    btn.addEventListener("click", function () {
      var aid = btn.getAttribute("data-article");
      var article = document.getElementById(aid);
      var text = article.querySelector(".text");
      var on = btn.getAttribute("aria-pressed") !== "true";
      article.querySelectorAll("button.src").forEach(function (b) {
        b.setAttribute("aria-pressed", "false");
      });
      text.querySelectorAll("mark.active").forEach(function (m) { m.classList.remove("active"); });
      text.classList.toggle("filtering", on);
      if (!on) { return; }
      btn.setAttribute("aria-pressed", "true");
      var id = btn.getAttribute("data-source");
      var hits = marks(text, "data-speakers", id).concat(marks(text, "data-via", id));
      hits.forEach(function (m) { m.classList.add("active"); });
      if (hits.length) {
        var r = hits[0].getBoundingClientRect();
        if (r.bottom < 0 || r.top > window.innerHeight) {
          hits[0].scrollIntoView({block: "center", behavior: "smooth"});
        }
      }
    });
  });
})();
