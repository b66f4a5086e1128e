/* draftdiff change report: filters and keyboard navigation.
   Without this script everything is shown; it only hides what the filters
   leave out and adds the n/p keys. It reads the data-* attributes the report
   was rendered with and never builds markup from document text. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  var RANK = { high: 0, medium: 1, low: 2, info: 3 };
  var form = document.getElementById("filters");
  var party = document.getElementById("f-party");
  var type = document.getElementById("f-type");
  var severity = document.getElementById("f-severity");
  var unchanged = document.getElementById("f-unchanged");
  var count = document.getElementById("f-count");
  var noMatch = document.getElementById("no-match");
  var items = Array.prototype.slice.call(document.querySelectorAll("#changes li.change"));
  var clauses = Array.prototype.slice.call(document.querySelectorAll("#redline section.clause"));
  var excluded = (type.querySelector('option[value="substantive"]').getAttribute("data-exclude") || "").split(" ");

  function filtering() {
    return Boolean(party.value || type.value || severity.value);
  }

  function matches(item) {
    var d = item.dataset;
    if (party.value && d.party !== party.value) return false;
    if (type.value === "substantive") {
      if (excluded.indexOf(d.type) >= 0) return false;
    } else if (type.value && d.type !== type.value &&
               (d.facets || "").split(" ").indexOf(type.value) < 0) {
      return false;  // a change matches its type or any of its facets
    }
    if (severity.value && RANK[d.severity] > RANK[severity.value]) return false;
    return true;
  }

  function apply() {
    var targets = {};
    var shown = 0;
    items.forEach(function (item) {
      var ok = matches(item);
      item.hidden = !ok;
      if (!ok) return;
      shown += 1;
      (item.dataset.targets || "").split(" ").forEach(function (t) { if (t) targets[t] = true; });
    });
    var active = filtering();
    var clausesShown = 0;
    clauses.forEach(function (section) {
      var show = active
        ? Boolean(targets[section.id])
        : section.dataset.status !== "unchanged" || unchanged.checked;
      section.hidden = !show;
      if (show) clausesShown += 1;
    });
    unchanged.disabled = active;
    count.textContent = "showing " + shown + "/" + items.length + " changes, " +
      clausesShown + "/" + clauses.length + " clauses";
    if (noMatch) noMatch.hidden = shown > 0 || items.length === 0;
  }

  function reset() {
    party.value = "";
    type.value = "";
    severity.value = "";
    unchanged.checked = true;
    apply();
  }

  [party, type, severity, unchanged].forEach(function (control) {
    control.addEventListener("change", apply);
  });
  form.addEventListener("reset", function (event) {
    event.preventDefault();
    reset();
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });

  /* Deep links: a link to a clause the filters hide clears the filters first. */
  function sectionFor(id) {
    var target = id && document.getElementById(id);
    return target ? target.closest("section.clause") : null;
  }
  function reveal(always) {
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    var section = sectionFor(id);
    if (!section) return;
    var wasHidden = section.hidden;
    if (wasHidden) reset();
    if (always === true || wasHidden) document.getElementById(id).scrollIntoView();
    setCurrent(section, false);
  }
  window.addEventListener("hashchange", reveal);

  /* n / p: next and previous changed clause among those shown. */
  var current = null;
  function setCurrent(section, scroll) {
    if (current) current.classList.remove("current");
    current = section;
    section.classList.add("current");
    if (scroll) {
      section.scrollIntoView({ block: "start" });
      section.focus({ preventScroll: true });
      history.replaceState(null, "", "#" + section.id);
    }
  }
  function changed() {
    return clauses.filter(function (s) { return !s.hidden && s.dataset.status !== "unchanged"; });
  }
  function step(direction) {
    var list = changed();
    if (!list.length) return;
    var at = current ? list.indexOf(current) : -1;
    var next;
    if (at >= 0) {
      next = list[Math.min(Math.max(at + direction, 0), list.length - 1)];
    } else {
      /* Nothing chosen yet: start from what is on screen. */
      var below = list.filter(function (s) { return s.getBoundingClientRect().top > 80; });
      next = direction > 0 ? (below[0] || list[list.length - 1])
                           : (list[list.indexOf(below[0]) - 1] || list[0]);
    }
    setCurrent(next, true);
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var tag = (event.target && event.target.tagName) || "";
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || tag === "BUTTON") return;
    if (event.key === "n") { step(1); event.preventDefault(); }
    else if (event.key === "p") { step(-1); event.preventDefault(); }
  });

  /* The toolbar is sticky: deep-linked clauses scroll to just below it. */
  var toolbar = document.querySelector(".toolbar");
  function measure() {
    root.style.setProperty("--toolbar-h", toolbar.offsetHeight + "px");
  }
  if (window.ResizeObserver) new ResizeObserver(measure).observe(toolbar);
  else window.addEventListener("resize", measure);

  apply();
  measure();
  if (location.hash) reveal(true);
})();
