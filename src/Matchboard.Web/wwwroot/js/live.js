// Live updates for signed-in pages. The server renders everything: this script only listens on the hub,
// shows a polite toast, updates the unread count and re-fetches server-rendered partials for the regions
// marked with data-live-region (data-live-url = a page handler returning a partial). Without it, pages still work.
//
// Toasts are quiet: at most two show (the oldest leaves first), each has a 閉じる button, the same notification never
// shows twice (by sequence), and the person who acted sees none for their own action (the pushed actorUserId is the
// signed-in user's id, data-user-id): their page still updates its count and regions. Toasts stay until closed or
// pushed out, so a slow reader does not lose one and nothing on the page jumps on its own.
//
// Exactly once: the organization's notifications are numbered 1, 2, 3… in commit order with no gaps. The page
// keeps the contiguous mark (every notification up to it has been handled; the page was rendered at
// data-last-sequence) and the numbers handled above it. A push is handled at once whatever its number; one that
// leaves a hole above the mark makes the page fetch "?after=mark" for what it has not seen. Catch-up (on start and
// on every reconnect) pages with ?after= until the server says hasMore is false. Anything at or under the mark,
// or already handled, is ignored, so nothing shows twice.
//
// Stable hooks for browser tests:
//   #live-status[data-state="connected|reconnecting|disconnected"], #toasts (toasts, .toast-close), #unread-count,
//   window.matchboardLive.connection (stop()/start() to simulate a drop), window.matchboardLive.mark (the contiguous
//   mark; lastSequence is the same number), .above (numbers handled above it), .received (handled, in order),
//   .fetching (a catch-up promise while one runs).
(function () {
  "use strict";

  var config = document.getElementById("live-config");
  var statusEl = document.getElementById("live-status");
  if (!config || !statusEl || !window.signalR) {
    return;
  }

  var toastTexts = JSON.parse(config.getAttribute("data-toast-texts") || "{}");
  var userId = config.getAttribute("data-user-id") || "";
  var maxToasts = 2;
  var initialMark = Number(config.getAttribute("data-last-sequence") || "0");
  var live = {
    connection: null,
    mark: initialMark,
    lastSequence: initialMark,
    above: [],
    received: [],
    fetching: null,
    refresh: refreshRegions
  };
  var seenAbove = {};
  var pageSize = 200;
  window.matchboardLive = live;

  function setState(state) {
    statusEl.hidden = false;
    statusEl.setAttribute("data-state", state);
    statusEl.textContent = statusEl.getAttribute("data-text-" + state) || state;
  }

  function showToast(n) {
    var box = document.getElementById("toasts");
    if (!box || box.querySelector('.toast[data-sequence="' + n.sequence + '"]')) {
      return;
    }
    var template = toastTexts[n.type] || "{title}";
    var toast = document.createElement("div");
    toast.className = "toast";
    toast.setAttribute("data-sequence", String(n.sequence));
    toast.setAttribute("data-type", n.type);
    var text = document.createElement("p");
    text.className = "toast-text";
    text.appendChild(document.createTextNode(template.replace("{title}", n.title) + " "));
    // The same page as the notification list (NotificationLinks): its own page, else its alert, else its
    // contract, else its task, else the list (a notification not about a task).
    var href = n.path ? n.path : n.alertId ? "/Alerts/" + n.alertId : n.contractId ? "/Contracts/" + n.contractId
      : n.taskId ? "/Tasks/" + n.taskId : "/Notifications";
    var link = document.createElement("a");
    link.href = href;
    link.textContent = config.getAttribute("data-read-more") || "→";
    text.appendChild(link);
    toast.appendChild(text);
    if (n.match) {
      toast.appendChild(matchOf(n.match));
    }
    var close = document.createElement("button");
    close.type = "button";
    close.className = "toast-close";
    close.textContent = config.getAttribute("data-close") || "×";
    close.addEventListener("click", function () { closeToast(toast); });
    toast.appendChild(close);
    box.appendChild(toast);
    while (box.children.length > maxToasts) {
      box.removeChild(box.firstChild);
    }
  }

  // A TaskPosted carries how well the task fits (score and top reasons, worded in both languages when it was sent):
  // the same as the notification list shows, in the page's language.
  function matchOf(match) {
    var english = (document.documentElement.lang || "").indexOf("en") === 0;
    var part = document.createElement("div");
    part.className = "toast-match";
    var score = document.createElement("p");
    score.className = "match-score";
    score.textContent = (config.getAttribute("data-match-score") || "{score}").replace("{score}", String(match.score));
    part.appendChild(score);
    var list = document.createElement("ul");
    list.className = "match-reasons";
    list.setAttribute("aria-label", config.getAttribute("data-match-reasons") || "");
    (match.reasons || []).forEach(function (reason) {
      var item = document.createElement("li");
      item.setAttribute("data-code", reason.code);
      item.textContent = (config.getAttribute("data-match-reason") || "{text}")
        .replace("{text}", english ? reason.en : reason.ja).replace("{points}", String(reason.points));
      list.appendChild(item);
    });
    part.appendChild(list);
    return part;
  }

  // A closed toast takes the keyboard with it only if it had it: focus moves to the next toast's button, or the page.
  function closeToast(toast) {
    var box = toast.parentNode;
    if (!box) {
      return;
    }
    var hadFocus = toast.contains(document.activeElement);
    var next = toast.nextElementSibling || toast.previousElementSibling;
    box.removeChild(toast);
    if (hadFocus) {
      var target = next ? next.querySelector(".toast-close") : document.getElementById("main");
      if (target) {
        target.focus();
      }
    }
  }

  function setUnread(count) {
    var el = document.getElementById("unread-count");
    if (el && typeof count === "number") {
      el.textContent = String(count);
    }
  }

  function bumpUnread(n) {
    var el = document.getElementById("unread-count");
    if (el && !n.isRead) {
      el.textContent = String((parseInt(el.textContent, 10) || 0) + 1);
    }
  }

  // Re-fetches every region that cares about this task (or every region, without a task id; a notification that
  // is not about a task passes aboutNoTask and leaves the regions bound to a task alone). A region with
  // data-live-types (space-separated notification types, e.g. "VisitAlert VisitReported") refreshes only on those.
  // A region the user is typing in is refreshed when focus leaves it, so no typing is lost.
  function refreshRegions(taskId, type, aboutNoTask) {
    var regions = document.querySelectorAll("[data-live-region][data-live-url]");
    var jobs = [];
    Array.prototype.forEach.call(regions, function (region) {
      var regionTask = region.getAttribute("data-live-task");
      if (taskId && regionTask && String(taskId) !== regionTask) {
        return;
      }
      if (aboutNoTask && regionTask) {
        return;
      }
      var types = (region.getAttribute("data-live-types") || "").split(" ").filter(Boolean);
      if (type && types.length && types.indexOf(type) < 0) {
        return;
      }
      jobs.push(refreshRegion(region));
    });
    return Promise.all(jobs);
  }

  // What the person has typed or chosen but not sent yet (a bid, an answer, a reason): kept across a refresh,
  // so a live update never throws away a draft. Controls are matched by id (radios and checkboxes by name and value).
  function draftKey(el) {
    if (el.type === "radio" || el.type === "checkbox") {
      return el.name ? "choice:" + el.name + "=" + el.value : null;
    }
    return el.id ? "id:" + el.id : null;
  }

  function collectDrafts(region) {
    var drafts = {};
    Array.prototype.forEach.call(region.querySelectorAll("input, textarea, select"), function (el) {
      var key = draftKey(el);
      if (!key || el.type === "hidden" || el.type === "submit" || el.type === "button") {
        return;
      }
      if (el.type === "radio" || el.type === "checkbox") {
        if (el.checked !== el.defaultChecked) {
          drafts[key] = { checked: el.checked };
        }
      } else if (el.tagName === "SELECT") {
        var changed = Array.prototype.some.call(el.options, function (o) { return o.selected !== o.defaultSelected; });
        if (changed) {
          drafts[key] = { value: el.value };
        }
      } else if (el.value !== el.defaultValue) {
        drafts[key] = { value: el.value };
      }
    });
    return drafts;
  }

  function restoreDrafts(region, drafts) {
    Array.prototype.forEach.call(region.querySelectorAll("input, textarea, select"), function (el) {
      var key = draftKey(el);
      var draft = key && drafts[key];
      if (!draft || el.disabled) {
        return;
      }
      if ("checked" in draft) {
        el.checked = draft.checked;
      } else {
        el.value = draft.value;
      }
    });
  }

  function refreshRegion(region) {
    if (region.contains(document.activeElement) && document.activeElement !== region) {
      if (!region.hasAttribute("data-live-pending")) {
        region.setAttribute("data-live-pending", "true");
        region.addEventListener("focusout", function handler(e) {
          if (!region.contains(e.relatedTarget)) {
            region.removeEventListener("focusout", handler);
            region.removeAttribute("data-live-pending");
            refreshRegion(region);
          }
        });
      }
      return Promise.resolve();
    }
    region.setAttribute("aria-busy", "true");
    return fetch(region.getAttribute("data-live-url"), {
      credentials: "same-origin",
      headers: { "X-Requested-With": "matchboard-live" }
    }).then(function (response) {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response.text();
    }).then(function (html) {
      var drafts = collectDrafts(region);
      region.innerHTML = html;
      restoreDrafts(region, drafts);
      region.setAttribute("data-live-updated", String(Date.now()));
    }).catch(function () {
      // Keep what is on screen; the next notification or a reload brings it up to date.
    }).then(function () {
      region.removeAttribute("aria-busy");
    });
  }

  // Records n as handled and moves the mark over every number now contiguous. False if it was handled before.
  function accept(n) {
    if (n.sequence <= live.mark || seenAbove[n.sequence]) {
      return false;
    }
    seenAbove[n.sequence] = true;
    while (seenAbove[live.mark + 1]) {
      delete seenAbove[live.mark + 1];
      live.mark += 1;
    }
    live.lastSequence = live.mark;
    live.above = Object.keys(seenAbove).map(Number).sort(function (a, b) { return a - b; });
    config.setAttribute("data-last-sequence", String(live.mark));
    live.received.push(n);
    return true;
  }

  function show(n) {
    if (!userId || n.actorUserId !== userId) {
      showToast(n);
    }
    bumpUnread(n);
  }

  function valid(n) {
    return n && typeof n.sequence === "number" && n.sequence > 0;
  }

  // A push: shown at once, even if an earlier one has not arrived; a hole under it is fetched.
  function handle(n) {
    if (!valid(n) || !accept(n)) {
      return Promise.resolve();
    }
    show(n);
    var refreshed = refreshRegions(n.taskId, n.type, !n.taskId);
    if (live.above.length) {
      catchUp();
    }
    return refreshed;
  }

  // Everything after the mark, page after page until the server says there is no more, each handled once in the
  // order the pages list them; then the regions and the true unread count once. One catch-up at a time: asked
  // again while one runs, it runs once more after it, from the mark reached by then.
  var again = false;
  function catchUp() {
    if (live.fetching) {
      again = true;
      return live.fetching;
    }
    var handledAny = false;
    var unread = null;
    function page() {
      return fetch("/api/notifications?take=" + pageSize + "&after=" + encodeURIComponent(String(live.mark)), {
        credentials: "same-origin",
        headers: { "Accept": "application/json" }
      }).then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      }).then(function (result) {
        var items = result.items || [];
        items.forEach(function (n) {
          if (valid(n) && accept(n)) {
            show(n);
            handledAny = true;
          }
        });
        unread = result.unread;
        // hasMore with an empty page would loop forever; a page that moved nothing ends it too.
        if (result.hasMore && items.length) {
          return page();
        }
      });
    }
    live.fetching = page().then(function () {
      setUnread(unread);
      return handledAny ? refreshRegions() : null;
    }).catch(function () {
      // Offline or refused: the next push or reconnect asks again from the same mark.
    }).then(function () {
      live.fetching = null;
      if (again) {
        again = false;
        return catchUp();
      }
    });
    return live.fetching;
  }

  // The hub's negotiate (and long polling's sends and close) are POSTs and DELETEs signed in by the cookie, so
  // like any such write they carry the page's antiforgery token (CrossSiteRequestGuard). This script makes no
  // other writes: its fetches are GETs. A WebSocket upgrade cannot carry headers; the server checks its Origin.
  var csrf = document.querySelector('meta[name="csrf-token"]');
  var connection = new signalR.HubConnectionBuilder()
    .withUrl(config.getAttribute("data-hub") || "/hubs/matchboard", {
      headers: csrf ? { "X-CSRF-TOKEN": csrf.getAttribute("content") } : {}
    })
    .withAutomaticReconnect({
      nextRetryDelayInMilliseconds: function (context) {
        // 0s, 2s, 5s, 10s, then every 30s; never gives up while the page is open.
        var delays = [0, 2000, 5000, 10000];
        return context.previousRetryCount < delays.length ? delays[context.previousRetryCount] : 30000;
      }
    })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  live.connection = connection;

  // No return value: the hub does not expect a client result.
  connection.on("notification", function (n) { handle(n); });
  connection.onreconnecting(function () { setState("reconnecting"); });
  connection.onreconnected(function () {
    setState("connected");
    return catchUp();
  });
  connection.onclose(function () {
    setState("disconnected");
  });

  // connection.start() is wrapped so that a test (or the retry below) that starts it again also catches up.
  var originalStart = connection.start.bind(connection);
  connection.start = function () {
    setState("reconnecting");
    return originalStart().then(function () {
      setState("connected");
      return catchUp();
    }, function (error) {
      setState("disconnected");
      throw error;
    });
  };

  function startWithRetry(attempt) {
    connection.start().catch(function () {
      var delay = Math.min(30000, 2000 * Math.pow(2, attempt));
      window.setTimeout(function () { startWithRetry(attempt + 1); }, delay);
    });
  }

  startWithRetry(0);
})();
