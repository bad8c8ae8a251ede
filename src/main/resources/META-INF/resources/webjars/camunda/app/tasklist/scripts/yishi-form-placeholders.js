/*
 * Yishi: Chinese placeholders in Camunda Forms. Tasklist's form-js (7.24) writes "Search" into searchable selects
 * and tag lists and "Select" into an empty select, in English whatever the locale; neither config.js nor the locale
 * files reach them. This script watches the page and replaces exactly these words once form-js has rendered them;
 * a placeholder the form itself defines is left alone.
 *
 * config.js lists it in customScripts.
 */
const WORDS = {
  Search: '搜索',
  Select: '请选择',
};

function translate(root) {
  root.querySelectorAll('.fjs-container input[placeholder]').forEach(input => {
    const chinese = WORDS[input.getAttribute('placeholder')];
    if (chinese) {
      input.setAttribute('placeholder', chinese);
    }
  });
  // the text node itself is changed, not replaced: form-js keeps it and writes the chosen option into it later
  root.querySelectorAll('.fjs-container .fjs-select-placeholder').forEach(display => {
    display.childNodes.forEach(node => {
      const chinese = node.nodeType === Node.TEXT_NODE && WORDS[node.data.trim()];
      if (chinese) {
        node.data = chinese;
      }
    });
  });
}

function watch() {
  translate(document);
  new MutationObserver(() => translate(document)).observe(document.body, {
    childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['placeholder', 'class'],
  });
}

if (document.body) {
  watch();
} else {
  document.addEventListener('DOMContentLoaded', watch);
}
