/* Answersite enhancements: copy buttons and heading anchors. Pages read fine without it. */
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
})();
