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

  function copyNow(button) {
    copy(button.getAttribute("data-copy")).then(
      function () { flash(button, button.getAttribute("data-copied"), "kb-copy--done"); },
      function () { flash(button, button.getAttribute("data-failed"), "kb-copy--failed"); }
    );
  }

  // An answer with check errors (kb serve, --allow-errors): say so in the page and
  // copy only when the agent confirms, so a stale answer is never pasted unknowingly.
  function confirmFirst(button) {
    var open = button.parentNode.querySelector(".kb-copy-confirm");
    if (open) { open.querySelector(".kb-copy-confirm__ok").focus(); return; }
    var box = document.createElement("div");
    box.className = "kb-copy-confirm";
    box.setAttribute("role", "alertdialog");
    var text = document.createElement("p");
    text.textContent = button.getAttribute("data-warn");
    var ok = document.createElement("button");
    ok.type = "button";
    ok.className = "kb-copy-confirm__ok md-button";
    ok.textContent = button.getAttribute("data-warn-ok");
    var cancel = document.createElement("button");
    cancel.type = "button";
    cancel.className = "kb-copy-confirm__cancel md-button";
    cancel.textContent = button.getAttribute("data-warn-cancel");
    ok.addEventListener("click", function () { box.remove(); copyNow(button); });
    cancel.addEventListener("click", function () { box.remove(); button.focus(); });
    box.append(text, ok, cancel);
    button.insertAdjacentElement("afterend", box);
    ok.focus();
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".kb-copy") : null;
    if (!button) return;
    event.preventDefault();
    if (button.hasAttribute("data-warn")) confirmFirst(button);
    else copyNow(button);
  });
})();
