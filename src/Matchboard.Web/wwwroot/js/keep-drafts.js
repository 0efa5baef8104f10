// No form wipes another. A browser posts only the form that was sent; the page that comes back (a refusal shown
// again, or the redirect after success) would lose what was typed in every other form on it. So, as a form is sent,
// the unsent changes of the page's other forms are kept for this tab (sessionStorage) and put back on the next load
// of the same page. Without JavaScript the server still shows each form's saved values (the group's bid).
(function () {
  'use strict';

  var storageKey = 'matchboard.unsent:' + location.pathname;

  function fieldKey(form, el) {
    return (form.getAttribute('action') || '') + '|' + (el.id || el.name) +
      (el.type === 'radio' || el.type === 'checkbox' ? '=' + el.value : '');
  }

  function isKept(el) {
    return el.name && !el.disabled && el.type !== 'hidden' && el.type !== 'submit' && el.type !== 'button' &&
      el.type !== 'file' && el.type !== 'password' && el.name !== '__RequestVerificationToken';
  }

  function unsentChanges(sent) {
    var kept = {};
    Array.prototype.forEach.call(document.querySelectorAll('main form'), function (form) {
      if (form === sent) {
        return;
      }

      Array.prototype.forEach.call(form.elements, function (el) {
        if (!isKept(el)) {
          return;
        }

        if (el.type === 'radio' || el.type === 'checkbox') {
          if (el.checked !== el.defaultChecked) {
            kept[fieldKey(form, el)] = { checked: el.checked };
          }
        } else if (el.tagName === 'SELECT') {
          var changed = Array.prototype.some.call(el.options, function (o) { return o.selected !== o.defaultSelected; });
          if (changed) {
            kept[fieldKey(form, el)] = { value: el.value };
          }
        } else if (el.value !== el.defaultValue) {
          kept[fieldKey(form, el)] = { value: el.value };
        }
      });
    });
    return kept;
  }

  function restore() {
    var saved;
    try {
      saved = JSON.parse(sessionStorage.getItem(storageKey) || 'null');
      sessionStorage.removeItem(storageKey);
    } catch (e) {
      return;
    }

    if (!saved) {
      return;
    }

    Array.prototype.forEach.call(document.querySelectorAll('main form'), function (form) {
      Array.prototype.forEach.call(form.elements, function (el) {
        var value = isKept(el) ? saved[fieldKey(form, el)] : undefined;
        if (!value) {
          return;
        }

        if ('checked' in value && (el.type === 'radio' || el.type === 'checkbox')) {
          el.checked = value.checked;
        } else if ('value' in value) {
          el.value = value.value;
        }
      });
    });
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.closest('main')) {
      return;
    }

    try {
      var kept = unsentChanges(form);
      if (Object.keys(kept).length > 0) {
        sessionStorage.setItem(storageKey, JSON.stringify(kept));
      } else {
        sessionStorage.removeItem(storageKey);
      }
    } catch (e) {
      // Storage full or blocked: the forms still work, only the other forms' unsent text is not kept.
    }
  });

  restore();
})();
