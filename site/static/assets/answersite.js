/* Answersite enhancements: copy buttons, heading anchors and a checklist's ticks kept in the browser.
   Pages read fine without it (a checklist's boxes can still be ticked for the visit). */
(function () {
  'use strict';
  var root = document.documentElement;
  var labels = { copy: root.getAttribute('data-copy') || 'Copy', copied: root.getAttribute('data-copied') || 'Copied' };

  function copyButton(getText, label) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-button';
    button.textContent = label || labels.copy;
    button.addEventListener('click', function () {
      var done = function () {
        button.textContent = labels.copied;
        setTimeout(function () { button.textContent = label || labels.copy; }, 1500);
      };
      if (navigator.clipboard) navigator.clipboard.writeText(getText()).then(done, function () {});
    });
    return button;
  }

  document.querySelectorAll('.body pre').forEach(function (pre) {
    pre.classList.add('has-copy');
    pre.parentNode.insertBefore(copyButton(function () { return pre.innerText; }), pre);
  });
  var answer = document.querySelector('.short-answer');
  if (answer) answer.parentNode.appendChild(copyButton(function () { return answer.innerText; }));
  document.querySelectorAll('.body h2[id], .body h3[id]').forEach(function (heading) {
    var link = document.createElement('a');
    link.className = 'heading-anchor';
    link.href = '#' + heading.id;
    link.setAttribute('aria-label', heading.textContent);
    link.textContent = '#';
    heading.appendChild(link);
  });

  var tools = document.querySelector('.checklist-tools');
  if (tools) checklist(tools);

  /* Ticks are kept in localStorage under one key per page, as {item id: ticked}. */
  function checklist(tools) {
    var key = 'answersite:checklist:' + location.pathname;
    var storage = null;
    try { storage = window.localStorage; storage.getItem(key); } catch (e) { storage = null; }
    var boxes = Array.prototype.slice.call(document.querySelectorAll('.checklist-body li[id] .task-list-item-checkbox'));
    var itemOf = function (box) { return box.closest('li[id]'); };
    var read = function () {
      try { return JSON.parse((storage && storage.getItem(key)) || '{}') || {}; } catch (e) { return {}; }
    };
    var saved = read();
    boxes.forEach(function (box) {
      var id = itemOf(box).id;
      if (Object.prototype.hasOwnProperty.call(saved, id)) box.checked = saved[id] === true;
      box.addEventListener('change', function () {
        saved = read();
        saved[id] = box.checked;
        if (storage) storage.setItem(key, JSON.stringify(saved));
      });
    });
    var text = function () {
      var lines = [document.querySelector('h1').textContent.trim(), location.href];
      document.querySelectorAll('.checklist-body h2, .checklist-body li[id] .task-list-item-checkbox').forEach(function (el) {
        if (el.tagName === 'H2') {
          lines.push('', el.textContent.replace(/#$/, '').trim());
        } else {
          lines.push((el.checked ? '[x] ' : '[ ] ') + itemOf(el).textContent.replace(/\s+/g, ' ').trim());
        }
      });
      return lines.join('\n') + '\n';
    };
    window.AnswersiteChecklist = { text: text };
    tools.querySelector('.checklist-reset').addEventListener('click', function () {
      boxes.forEach(function (box) { box.checked = false; });
      saved = {};
      if (storage) storage.removeItem(key);
    });
    var copy = tools.querySelector('.checklist-copy');
    var label = copy.textContent;
    copy.addEventListener('click', function () {
      if (!navigator.clipboard) return;
      navigator.clipboard.writeText(text()).then(function () {
        copy.textContent = labels.copied;
        setTimeout(function () { copy.textContent = label; }, 1500);
      }, function () {});
    });
    tools.hidden = false;
  }
})();
