// Sorts the bid comparison table by the column whose heading is pressed (again: the other way). Without JavaScript the
// table reads fine in the server's order (the rubric's, or lowest amount first: the page's two sort links). Each cell's
// data-value is what it sorts by; the heading's aria-sort says the current order to screen readers. Live re-renders of
// the bids region bring a new table: the handler is delegated and the chosen order is applied again.
(function () {
  'use strict';

  var chosen = null; // { column, direction }

  function enhance(table) {
    if (table.dataset.sortReady) {
      return;
    }

    table.dataset.sortReady = 'true';
    var hint = document.getElementById('compare-sort-hint');
    if (hint) {
      hint.hidden = false;
    }

    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.dataset.column = String(index);
      while (th.firstChild) {
        button.appendChild(th.firstChild);
      }

      th.appendChild(button);
    });

    if (chosen) {
      sort(table, chosen.column, chosen.direction);
    }
  }

  function valueOf(row, column, type) {
    var cell = row.cells[column];
    var raw = cell.dataset.value !== undefined ? cell.dataset.value : cell.textContent.trim();
    return type === 'number' ? Number(raw) : raw;
  }

  function sort(table, column, direction) {
    var th = table.tHead.rows[0].cells[column];
    var type = th.dataset.sort || 'text';
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = valueOf(a, column, type);
      var y = valueOf(b, column, type);
      var order = type === 'number' ? x - y : String(x).localeCompare(String(y), document.documentElement.lang || 'ja');
      return direction === 'ascending' ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
      cell.removeAttribute('aria-sort');
    });
    th.setAttribute('aria-sort', direction);
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('table[data-sortable] th button.sort');
    if (!button) {
      return;
    }

    var table = button.closest('table');
    var column = Number(button.dataset.column);
    var current = table.tHead.rows[0].cells[column].getAttribute('aria-sort');
    var direction = current === 'ascending' ? 'descending' : 'ascending';
    chosen = { column: column, direction: direction };
    sort(table, column, direction);
  });

  function enhanceAll() {
    Array.prototype.forEach.call(document.querySelectorAll('table[data-sortable]'), enhance);
  }

  enhanceAll();
  // The bids region is re-rendered live (live.js): enhance the new table when it arrives.
  var region = document.getElementById('bid-list');
  if (region && 'MutationObserver' in window) {
    new MutationObserver(enhanceAll).observe(region, { childList: true, subtree: true });
  }
})();
