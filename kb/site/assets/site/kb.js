/* kb: the copy button. Copies the clean text kept in data-copy and says so. */
(function () {
  "use strict";

  function copyWithSelection(text) {
    // For pages served over plain http, where navigator.clipboard is missing.
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var done = false;
    try {
      done = document.execCommand("copy");
    } catch (err) {
      done = false;
    }
    document.body.removeChild(area);
    return done;
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        if (!copyWithSelection(text)) throw new Error("copy failed");
      });
    }
    return copyWithSelection(text) ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  function flash(button, text, state) {
    button.textContent = text;
    button.classList.remove("kb-copy--done", "kb-copy--failed");
    button.classList.add(state);
    clearTimeout(button.kbTimer);
    button.kbTimer = setTimeout(function () {
      button.textContent = button.getAttribute("data-label");
      button.classList.remove(state);
    }, 2500);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".kb-copy") : null;
    if (!button) return;
    event.preventDefault();
    copy(button.getAttribute("data-copy")).then(
      function () { flash(button, button.getAttribute("data-copied"), "kb-copy--done"); },
      function () { flash(button, button.getAttribute("data-failed"), "kb-copy--failed"); }
    );
  });
})();
