// Progressive enhancement: shows each <time> in the viewer's time zone; the UTC time stays in its title (on hover).
// Without JavaScript the page shows UTC, labelled as such.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const format = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
  for (const el of document.querySelectorAll("time[datetime]")) {
    const at = new Date(el.getAttribute("datetime"));
    if (!Number.isNaN(at.getTime())) {
      el.textContent = format.format(at);
    }
  }
});
