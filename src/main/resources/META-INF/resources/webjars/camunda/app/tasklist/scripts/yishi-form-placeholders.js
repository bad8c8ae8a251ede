/*
 * Yishi: Chinese placeholders in Camunda Forms. Tasklist's form-js (7.24) writes "Search" into searchable selects
 * and tag lists, "Select" into an empty select and "Add new" / "Collapse" / "Expand all (N)" on dynamic lists, in
 * English whatever the locale; neither config.js nor the locale
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
  // the buttons of a dynamic list (Add new, Collapse, Expand all (N)): their text node, next to the icon
  root.querySelectorAll('.fjs-container .fjs-repeat-render-add, .fjs-container .fjs-repeat-render-collapse').forEach(button => {
    button.childNodes.forEach(node => {
      if (node.nodeType !== Node.TEXT_NODE) {
        return;
      }
      const text = node.data.trim();
      const expand = /^Expand all \((\d+)\)$/.exec(text);
      if (text === 'Add new') {
        node.data = '添加一行';
      } else if (text === 'Collapse') {
        node.data = '收起';
      } else if (expand) {
        node.data = `全部展开（${expand[1]}）`;
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
