// The browser check's driver page: loads every page of the book in an iframe, once per theme,
// inspects it, and posts one line per problem (or an "ok" line per page) to /__course/report.
// PAGES and THEMES are set by the page that includes this script.
(function () {
  var lines = [];

  function luminance(rgb) {
    var channels = rgb.map(function (value) {
      value /= 255;
      return value <= 0.03928 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
  }
  function parseColour(text) {
    var match = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(text || '');
    if (!match) return null;
    return { rgb: [+match[1], +match[2], +match[3]], alpha: match[4] === undefined ? 1 : +match[4] };
  }
  function contrast(a, b) {
    var la = luminance(a), lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }
  function background(win, element) {
    for (var node = element; node && node.nodeType === 1; node = node.parentElement) {
      var colour = parseColour(win.getComputedStyle(node).backgroundColor);
      if (colour && colour.alpha > 0.5) return colour.rgb;
    }
    return [255, 255, 255];
  }
  // Text outside code and rendered math that still looks like TeX: a formula KaTeX never saw.
  function unrenderedMath(doc) {
    var found = [];
    var walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
    var tex = /\$\$|\\\(|\\\[|\\(frac|sqrt|Phi|phi|mathrm|operatorname|left|right|sum|int)\b|\$[^\s$][^$]*\$/;
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var parent = node.parentElement;
      if (parent.closest('pre, code, script, style, textarea, .katex, .katex-display, svg')) continue;
      var match = tex.exec(node.nodeValue);
      if (match) found.push(node.nodeValue.trim().slice(0, 80));
    }
    return found;
  }

  // Any CSS colour as [r, g, b], through the browser's own parser.
  function cssColour(doc, value) {
    var probe = doc.createElement('span');
    probe.style.color = value;
    doc.body.appendChild(probe);
    var colour = parseColour(doc.defaultView.getComputedStyle(probe).color);
    probe.remove();
    return colour ? colour.rgb : [0, 0, 0];
  }
  // The fill an SVG drawn through <img> gives a text element: its own or an ancestor's fill, where
  // currentColor is the SVG's own colour, black unless the file sets one (an <img> inherits no
  // colour from the page).
  function imageTextFill(doc, text) {
    var fill = null, colour = null;
    for (var node = text; node && node.getAttribute; node = node.parentNode) {
      if (fill === null) fill = node.getAttribute('fill') || (node.style && node.style.fill) || null;
      if (colour === null) colour = node.getAttribute('color') || (node.style && node.style.color) || null;
    }
    if (fill === 'none') return null;
    if (fill === null || fill === 'currentColor') fill = colour || 'black';
    return cssColour(doc, fill);
  }
  // The worst text contrast of every SVG shown through <img>, against the page behind it.
  async function imageFigures(win, doc, note) {
    var images = Array.prototype.filter.call(doc.querySelectorAll('img'), function (image) {
      return /\.svg(\?|#|$)/.test(image.getAttribute('src') || '');
    });
    for (var i = 0; i < images.length; i++) {
      var response = await fetch(images[i].src);
      if (!response.ok) continue; // reported as a failed image and request
      var svg = new DOMParser().parseFromString(await response.text(), 'image/svg+xml');
      var back = background(win, images[i]);
      svg.querySelectorAll('text').forEach(function (text) {
        var fill = imageTextFill(doc, text);
        if (fill && text.textContent.trim() !== '') note(contrast(fill, back), text.textContent.trim(), images[i].getAttribute('src'));
      });
    }
    return images.length;
  }

  async function inspect(page, theme, win, doc) {
    var problems = (win.__courseProblems || []).slice();
    // toc.html (the sidebar for readers without JavaScript) has no theme of its own.
    var themed = doc.getElementById('mdbook-theme-toggle') !== null;
    if (themed && !doc.documentElement.classList.contains(theme)) problems.push('the ' + theme + ' theme was not applied');
    doc.querySelectorAll('.katex-error').forEach(function (error) {
      problems.push('KaTeX could not render: ' + (error.getAttribute('title') || error.textContent).slice(0, 120));
    });
    unrenderedMath(doc).forEach(function (text) { problems.push('unrendered math: "' + text + '"'); });
    var formulas = doc.querySelectorAll('.katex');
    if (formulas.length > 0) {
      var family = win.getComputedStyle(formulas[0]).fontFamily;
      if (family.indexOf('KaTeX') < 0) problems.push('the KaTeX stylesheet is not applied (font ' + family + ')');
      if (!win.__courseKatexFont) problems.push('the KaTeX_Main font did not load');
    }
    var images = doc.querySelectorAll('img');
    images.forEach(function (image) {
      if (!image.complete || image.naturalWidth === 0) problems.push('image did not load: ' + image.getAttribute('src'));
    });
    var figures = doc.querySelectorAll('figure svg');
    var worst = null;
    function note(ratio, text, figure) {
      if (worst === null || ratio < worst.ratio) worst = { ratio: ratio, text: text, figure: figure };
    }
    figures.forEach(function (svg, index) {
      var back = background(win, svg);
      svg.querySelectorAll('text').forEach(function (text) {
        var fill = parseColour(win.getComputedStyle(text).fill);
        if (fill && text.textContent.trim() !== '') note(contrast(fill.rgb, back), text.textContent.trim(), 'inline figure ' + (index + 1));
      });
    });
    var imageCount = await imageFigures(win, doc, note);
    if (worst !== null && worst.ratio < 4.5) {
      problems.push(worst.figure + ': text "' + worst.text.slice(0, 40) + '" has contrast ' +
        worst.ratio.toFixed(2) + ':1 against the page (at least 4.5:1 needed)');
    }
    win.performance.getEntriesByType('resource').forEach(function (entry) {
      if (entry.name.indexOf(location.origin + '/') !== 0) problems.push('requested off the machine: ' + entry.name);
    });
    problems.forEach(function (problem) { lines.push(['problem', page, theme, problem].join('\t')); });
    lines.push(['page', page, theme, formulas.length + ' formulas, ' + (figures.length + imageCount) + ' figures, ' +
      images.length + ' images' + (worst ? ', figure text contrast at least ' + worst.ratio.toFixed(1) + ':1' : '')].join('\t'));
  }

  function load(page, theme) {
    return new Promise(function (resolve) {
      localStorage.setItem('mdbook-theme', theme);
      var frame = document.createElement('iframe');
      frame.style.width = '1200px';
      frame.style.height = '900px';
      var timer = setTimeout(function () {
        lines.push(['problem', page, theme, 'did not finish loading in 30 s'].join('\t'));
        frame.remove();
        resolve();
      }, 30000);
      frame.onload = function () {
        var win = frame.contentWindow, doc = frame.contentDocument;
        // Ask for KaTeX's main font even where every formula is folded away in <details>.
        var fontLoaded = doc.fonts.load('1em KaTeX_Main').then(function (faces) {
          win.__courseKatexFont = faces.length > 0;
        }, function () { win.__courseKatexFont = false; });
        Promise.all([doc.fonts.ready, fontLoaded]).then(function () {
          setTimeout(function () {
            clearTimeout(timer);
            inspect(page, theme, win, doc).catch(function (error) {
              lines.push(['problem', page, theme, 'the check itself failed: ' + error].join('\t'));
            }).then(function () {
              frame.remove();
              resolve();
            });
          }, 300);
        });
      };
      frame.src = '/' + page;
      document.body.appendChild(frame);
    });
  }

  (async function () {
    for (var t = 0; t < THEMES.length; t++) {
      for (var p = 0; p < PAGES.length; p++) await load(PAGES[p], THEMES[t]);
    }
    await fetch('/__course/report', { method: 'POST', body: lines.join('\n') });
  })();
})();
