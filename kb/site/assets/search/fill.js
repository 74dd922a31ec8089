/* kb: fill in {{placeholders}} before copying, and count the characters.
 *
 * For every copy button (answer pages, tag pages, search results), a small
 * inline form with one field per placeholder. What is typed replaces the
 * placeholder in the text the button copies; a placeholder left empty stays
 * visible as {{고객명}}, so nobody sends a blank. The length is shown against
 * the 1,000-character limit of a KakaoTalk consultation message.
 */
(function () {
  "use strict";
  if (window.kbFill) return;

  var PLACEHOLDER = /\{\{\s*([^{}\n]{1,40}?)\s*\}\}/g; /* kb/site/render.py's PLACEHOLDER */
  var LIMIT = 1000;

  function names(text) {
    var found = [];
    text.replace(PLACEHOLDER, function (all, name) {
      if (found.indexOf(name) < 0) found.push(name);
      return all;
    });
    return found;
  }

  function length(text) { return Array.from(text).length; }

  function attach(button) {
    if (button.getAttribute("data-template") !== null) return;
    var template = button.getAttribute("data-copy") || "";
    button.setAttribute("data-template", template);
    var form = document.createElement("div");
    form.className = "kb-fill";
    var values = {};
    names(template).forEach(function (name) {
      var label = document.createElement("label");
      label.className = "kb-fill__field";
      var input = document.createElement("input");
      input.type = "text";
      input.placeholder = name;
      input.setAttribute("aria-label", name);
      input.setAttribute("data-placeholder", name);
      input.addEventListener("input", function () { values[name] = input.value; update(); });
      label.appendChild(input);
      form.appendChild(label);
    });
    var count = document.createElement("span");
    count.className = "kb-fill__count";
    form.appendChild(count);
    function update() {
      var text = template.replace(PLACEHOLDER, function (all, name) {
        return values[name] ? values[name] : all;
      });
      button.setAttribute("data-copy", text);
      var n = length(text);
      var words = window.KB_WORDS || {};
      var locale = words.locale || "ko-KR";
      count.textContent = (words.count || "{n} / {limit}")
        .replace("{n}", n.toLocaleString(locale)).replace("{limit}", LIMIT.toLocaleString(locale));
      count.classList.toggle("kb-fill__count--over", n > LIMIT);
      count.title = n > LIMIT ? words.too_long || "" : "";
    }
    update();
    var anchor = button.closest(".kb-send__head, .kb-search__send") || button;
    anchor.parentNode.insertBefore(form, anchor.nextSibling);
    return form;
  }

  function attachAll() {
    document.querySelectorAll(".kb-copy[data-copy]").forEach(attach);
  }

  window.kbFill = { attach: attach, names: names };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", attachAll);
  else attachAll();
})();
