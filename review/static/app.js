// Satyapan reviewer: local times and keyboard shortcuts. Served from the app itself.
"use strict";
document.querySelectorAll("time[datetime]").forEach((el) => {
  const when = new Date(el.getAttribute("datetime"));
  if (!isNaN(when)) {
    el.title = el.textContent;
    el.textContent = when.toLocaleString();
  }
});
document.addEventListener("keydown", (event) => {
  const tag = (event.target.tagName || "").toLowerCase();
  if (tag === "input" || tag === "textarea" || tag === "select" || event.ctrlKey || event.metaKey) {
    return;
  }
  const go = (rel) => {
    const link = document.querySelector(`a[rel="${rel}"]`);
    if (link) { window.location = link.href; }
  };
  if (event.key === "j") { go("next"); }
  if (event.key === "k") { go("prev"); }
  if (event.key === "/") {
    const search = document.querySelector("input[name=q]");
    if (search) { event.preventDefault(); search.focus(); }
  }
  if (event.key === "d") {
    const note = document.querySelector("form.decision select");
    if (note) { event.preventDefault(); note.focus(); }
  }
});
document.querySelectorAll("form[data-confirm]").forEach((form) => {
  form.addEventListener("submit", (event) => {
    if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
  });
});
