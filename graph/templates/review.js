// Keyboard shortcuts of the review page (graph/review.py) and the "add missing event" span of the article
// view. Served as a file of the app: the pages' Content-Security-Policy runs no inline script.
(function () {
  "use strict";

  function typing(element) {
    return element && (element.tagName === "INPUT" || element.tagName === "TEXTAREA" ||
                       element.tagName === "SELECT" || element.isContentEditable);
  }

  // The list: j / k move between events, a / r accept / reject, f goes to the fix form, o opens the article.
  var items = Array.prototype.slice.call(document.querySelectorAll("li.event"));
  var current = -1;

  function select(index) {
    if (!items.length) return;
    index = Math.max(0, Math.min(items.length - 1, index));
    if (current >= 0) items[current].classList.remove("current");
    current = index;
    items[current].classList.add("current");
    items[current].scrollIntoView({block: "nearest"});
  }

  if (items.length) {
    var hash = decodeURIComponent(location.hash.slice(1));
    var start = items.findIndex(function (item) { return item.id === hash; });
    select(start < 0 ? 0 : start);
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (event.key === "Enter" && target.tagName === "SELECT" && target.form) {
      event.preventDefault();
      target.form.requestSubmit();
      return;
    }
    if (event.key === "Escape" && typing(target)) {
      target.blur();
      return;
    }
    if (typing(target) || !items.length) return;
    var item = items[current];
    var click = function (selector) {
      var button = item.querySelector(selector);
      if (button) button.click();
    };
    switch (event.key) {
      case "j": select(current + 1); break;
      case "k": select(current - 1); break;
      case "a": click("button[value=accept]"); break;
      case "r": click("button[value=reject]"); break;
      case "f": item.querySelector("form.fix select[name=relation]").focus(); break;
      case "o": click("a.article"); break;
      default: return;
    }
    event.preventDefault();
  });

  // The article view: the text selected in the article becomes the added event's evidence.
  var article = document.getElementById("article");
  var evidence = document.getElementById("evidence");
  if (article && evidence) {
    document.addEventListener("selectionchange", function () {
      var selection = document.getSelection();
      if (!selection || selection.isCollapsed || !selection.rangeCount) return;
      var range = selection.getRangeAt(0);
      if (!article.contains(range.commonAncestorContainer)) return;
      evidence.value = selection.toString();
    });
  }
})();
