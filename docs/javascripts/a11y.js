/*
 * Keyboard access to Material for MkDocs' drawer (menu) and search on narrow
 * screens, and scrollable tables as labelled regions.
 *
 * Material opens the drawer and the search with hidden checkboxes (#__drawer,
 * #__search) toggled by <label>s, which the keyboard cannot reach. The header
 * (overrides/partials/header.html) has real <button>s instead; this script:
 *   - toggles the checkbox with .click(), so Material's own "change" listeners
 *     run exactly as for a click on its label;
 *   - keeps aria-expanded on the button in step with the checkbox, whoever
 *     changed it (Material closes both on navigation, Escape and Tab);
 *   - moves focus into the opened panel and back to the button when the panel
 *     closes (Escape, the overlay, Tab out of the drawer);
 *   - lets Enter and Space operate Material's focusable section toggles
 *     (label[tabindex] in the menu);
 *   - makes the scroll wrapper Material puts around each table a focusable,
 *     labelled region while the table is wider than its box (WCAG 2.1.1).
 * The closed drawer and search panel are taken out of the tab order by CSS
 * (docs/stylesheets/swecan.css, visibility: hidden), not here.
 *
 * Revisit when the theme changes: Material 9.8.2 names the checkboxes
 * __drawer/__search, closes search on Escape/Tab in its keyboard handler and
 * wraps tables in .md-typeset__scrollwrap.
 */
(function () {
  "use strict";

  var NARROW_DRAWER = window.matchMedia("(max-width: 76.234375em)");
  var NARROW_SEARCH = window.matchMedia("(max-width: 59.984375em)");

  function toggle(id) { return document.getElementById(id); }
  function button(id) { return document.querySelector('[data-swecan-toggle="' + id + '"]'); }

  function visible(el) {
    if (!el || !el.getClientRects().length) return false;
    return getComputedStyle(el).visibility !== "hidden";
  }

  function firstFocusable(root) {
    var candidates = root.querySelectorAll(
      'a[href], button:not([disabled]), input:not([type="hidden"]):not([disabled]), [tabindex="0"]'
    );
    for (var i = 0; i < candidates.length; i++) {
      if (visible(candidates[i])) return candidates[i];
    }
    return null;
  }

  function drawerPanel() { return document.querySelector(".md-sidebar--primary"); }
  function searchPanel() { return document.querySelector(".md-search__inner"); }

  /*
   * WCAG 2.4.11 (Focus Not Obscured): while the narrow-screen drawer or the
   * search is open, its overlay covers the rest of the page, so the rest of the
   * page is inert: Tab stays in the open panel (Escape or the overlay closes
   * it). The overlays themselves stay clickable; the toggles' checkboxes are
   * left alone (Material and this script operate them with .click()).
   */
  var inerted = [];

  function clearInert() {
    inerted.forEach(function (el) { el.inert = false; });
    inerted = [];
  }

  function inertOutside(root, keep) {
    for (var node = root; node && node !== document.body; node = node.parentElement) {
      var parent = node.parentElement;
      if (!parent) break;
      for (var sib = parent.firstElementChild; sib; sib = sib.nextElementSibling) {
        if (sib === node || sib.inert || /^(SCRIPT|STYLE|LINK|INPUT)$/.test(sib.tagName)) continue;
        if (keep.some(function (k) { return k && (sib === k || sib.contains(k)); })) continue;
        sib.inert = true;
        inerted.push(sib);
      }
    }
  }

  function syncInert() {
    clearInert();
    var drawer = toggle("__drawer"), search = toggle("__search");
    if (drawer && drawer.checked && NARROW_DRAWER.matches && drawerPanel()) {
      inertOutside(drawerPanel(), [document.querySelector(".md-overlay")]);
    } else if (search && search.checked && document.querySelector(".md-search")) {
      inertOutside(document.querySelector(".md-search"), []);
    }
  }

  /* The checkbox changed (by our button, Material or a label): sync and move focus. */
  function onDrawerChange() {
    var cb = toggle("__drawer"), btn = button("__drawer"), panel = drawerPanel();
    syncInert();
    if (!cb || !btn) return;
    btn.setAttribute("aria-expanded", String(cb.checked));
    if (!NARROW_DRAWER.matches || !panel) return;
    if (cb.checked) {
      // The panel becomes visible at once (visibility is not animated on open).
      var target = panel.querySelector(".md-nav__link--active[href]") || firstFocusable(panel);
      if (target && !visible(target)) target = firstFocusable(panel);
      if (target) target.focus();
    } else if (panel.contains(document.activeElement) || document.activeElement === document.body) {
      btn.focus();
    }
  }

  function onSearchChange() {
    var cb = toggle("__search"), btn = button("__search"), panel = searchPanel();
    syncInert();
    if (!cb || !btn) return;
    btn.setAttribute("aria-expanded", String(cb.checked));
    if (!NARROW_SEARCH.matches || !panel) return;
    if (cb.checked) {
      var input = document.querySelector("[data-md-component=search-query]");
      if (input && document.activeElement !== input) input.focus();
    } else {
      // Material blurs the field on Escape/Tab; give focus back to the button.
      var active = document.activeElement;
      if (!active || active === document.body || panel.contains(active)) btn.focus();
    }
  }

  function setUp() {
    ["__drawer", "__search"].forEach(function (id) {
      var btn = button(id), cb = toggle(id);
      if (!btn || !cb) return;
      btn.addEventListener("click", function () { cb.click(); });
      cb.addEventListener("change", id === "__drawer" ? onDrawerChange : onSearchChange);
      btn.setAttribute("aria-expanded", String(cb.checked));
    });
    // The drawer is a panel over the page only below Material's breakpoint.
    if (NARROW_DRAWER.addEventListener) NARROW_DRAWER.addEventListener("change", syncInert);
    syncInert();

    // On wide screens the search field sits in the header: Escape closes the
    // results but leaves focus in the field (Material would blur it, and the
    // next Tab would start from the top of the page). Typing reopens them.
    var query = document.querySelector("[data-md-component=search-query]");
    window.addEventListener("keydown", function (event) {
      var cb = toggle("__search");
      if (event.key !== "Escape" || !cb || !cb.checked || NARROW_SEARCH.matches) return;
      if (document.activeElement !== query) return;
      event.preventDefault();
      event.stopPropagation();
      cb.click();
    }, true);
    if (query) {
      query.addEventListener("input", function () {
        var cb = toggle("__search");
        if (cb && !cb.checked) cb.click();
      });
    }

    // Escape closes the drawer (Material handles Escape for search itself).
    document.addEventListener("keydown", function (event) {
      var cb = toggle("__drawer");
      if (event.key === "Escape" && cb && cb.checked) {
        cb.click();
        event.preventDefault();
      }
    });

    // Focus that leaves the open drawer (Tab past its end, a click behind the
    // overlay) closes it, so focus never sits on content the drawer covers.
    document.addEventListener("focusin", function (event) {
      var cb = toggle("__drawer"), panel = drawerPanel(), btn = button("__drawer");
      if (!cb || !cb.checked || !NARROW_DRAWER.matches || !panel) return;
      if (panel.contains(event.target) || event.target === btn) return;
      cb.checked = false;
      cb.dispatchEvent(new Event("change"));
    });

    // Material's section toggles in the menu are focusable labels; make Enter
    // and Space operate them like buttons.
    document.addEventListener("keydown", function (event) {
      var el = event.target;
      if (!(el instanceof HTMLLabelElement) || !el.hasAttribute("tabindex")) return;
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      el.click();
      // In the narrow-screen menu a toggle slides a sub-panel in or out:
      // follow it with the focus.
      var cb = document.getElementById(el.htmlFor);
      if (!cb || !NARROW_DRAWER.matches || !el.closest(".md-sidebar--primary")) return;
      var panel = cb.parentElement.querySelector(":scope > .md-nav");
      if (cb.checked && panel) {
        var first = firstFocusable(panel);
        if (first) first.focus();
      } else {
        var opener = cb.parentElement.querySelector(
          ':scope > label[tabindex][for="' + cb.id + '"], :scope > .md-nav__container > label[tabindex]'
        );
        if (opener && visible(opener)) opener.focus();
      }
    });

    tableRegions();
  }

  /* Each table's scroll wrapper: a named region, focusable while it scrolls. */
  function tableRegions() {
    var wraps = document.querySelectorAll(".md-typeset__scrollwrap");
    if (!wraps.length) return;
    var update = function () {
      wraps.forEach(function (wrap) {
        var table = wrap.querySelector("table");
        var caption = table && table.querySelector("caption");
        var name = caption ? caption.textContent.trim() : (document.documentElement.lang === "en" ? "Table" : "Tabell");
        if (wrap.scrollWidth > wrap.clientWidth + 1) {
          wrap.setAttribute("role", "region");
          wrap.setAttribute("aria-label", name);
          wrap.setAttribute("tabindex", "0");
        } else {
          wrap.removeAttribute("role");
          wrap.removeAttribute("aria-label");
          wrap.removeAttribute("tabindex");
        }
      });
    };
    update();
    if ("ResizeObserver" in window) {
      var observer = new ResizeObserver(update);
      wraps.forEach(function (wrap) {
        observer.observe(wrap);  // the box changes with the window,
        var table = wrap.querySelector("table");
        if (table) observer.observe(table);  // the table with its content
      });
    } else {
      window.addEventListener("resize", update);
    }
  }

  // Material wraps tables when its bundle runs; extra_javascript loads after it.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
