/*
 * Yishi: Chinese placeholders and messages in Camunda Forms. Tasklist's form-js (7.24, bundled in lib/deps.js) writes
 * "Search" into searchable selects and tag lists and "Select" into an empty select, its validation messages ("Field
 * is required.", "Field must have maximum length of 100." …), the empty lists of a dropdown ("No results") and the
 * buttons of a dynamic list ("Add new", "Collapse") in English whatever the locale: they are literals in its code, its
 * viewer has no translate service, and neither config.js nor the locale files reach them. This script watches the
 * page and replaces exactly these texts once form-js has rendered them: a placeholder the form itself defines, and
 * every text the form's author wrote, are left alone (a text is replaced only when it is wholly one of form-js's).
 * The text node itself is changed, not replaced: form-js (preact) keeps it, writes a new message into it when the
 * input changes, and the observer translates that one in turn.
 *
 * config.js lists it in customScripts.
 */
const WORDS = {
  Search: '搜索',
  Select: '请选择',
};

// form-js's own texts in a rendered form, wholly matched (after trimming), and their Chinese
const TEXTS = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must have minimum length of (\d+)\.$/, n => `至少填写 ${n} 个字。`],
  [/^Field must have maximum length of (\d+)\.$/, n => `最多填写 ${n} 个字。`],
  [/^Field must have minimum value of (\S+)\.$/, n => `不能小于 ${n}。`],
  [/^Field must have maximum value of (\S+)\.$/, n => `不能大于 ${n}。`],
  [/^Field must match pattern .*$/, () => '格式不正确，请检查。'],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮箱地址。'],
  [/^Field must be a valid\s+international phone number\..*$/, () => '请填写有效的电话号码（含国际区号，例如 +8613800000000）。'],
  [/^Value is not a number\.$/, () => '请填写数字。'],
  [/^Value is expected to be an integer\.$/, () => '请填写整数。'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, n => `最多保留 ${n} 位小数。`],
  [/^Please select a valid value, the two nearest valid values are (\S+) and (\S+)\.$/,
    (a, b) => `请填写有效的数值，最接近的两个有效值是 ${a} 和 ${b}。`],
  [/^No results$/, () => '无匹配项'],
  [/^All values selected$/, () => '已全部选择'],
  [/^Add new$/, () => '添加一行'],
  [/^Collapse$/, () => '收起'],
  [/^Expand all \((\d+)\)$/, n => `全部展开（${n}）`],
];

function chinese(text) {
  const trimmed = text.trim();
  for (const [pattern, words] of TEXTS) {
    const match = pattern.exec(trimmed);
    if (match) {
      return text.replace(trimmed, words(...match.slice(1)));
    }
  }
  return null;
}

function translateTexts(root) {
  root.querySelectorAll('.fjs-container').forEach(container => {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (/[A-Za-z]/.test(node.data)) {
        const translated = chinese(node.data);
        if (translated !== null && translated !== node.data) {
          node.data = translated;
        }
      }
    }
  });
}

function translate(root) {
  translateTexts(root);
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
  // (the buttons of a dynamic list — Add new, Collapse, Expand all (N) — are text nodes in .fjs-container: TEXTS)
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
