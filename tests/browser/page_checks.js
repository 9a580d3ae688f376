// Measurements taken inside a page by the browser tests (tests/browser/conftest.py).
// Returns plain data; the Python tests decide what is acceptable.
() => {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const pen = canvas.getContext("2d", { willReadFrequently: true });

  // Any CSS colour (rgb, color(srgb …), oklch…) as [r, g, b, a] with a in 0..1.
  const rgba = (css) => {
    pen.clearRect(0, 0, 1, 1);
    pen.fillStyle = "rgba(0, 0, 0, 0)";
    pen.fillStyle = css;
    pen.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = pen.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  };
  const over = (top, bottom) => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat([1]);
  };
  const luminance = ([r, g, b]) => {
    const lin = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  // The colour behind an element: its own and its ancestors' backgrounds, composited.
  const background = (el) => {
    const layers = [];
    for (let node = el; node; node = node.parentElement) {
      const colour = rgba(getComputedStyle(node).backgroundColor);
      if (colour[3] > 0) layers.push(colour);
      if (colour[3] >= 1) break;
    }
    let result = [255, 255, 255, 1];
    for (const layer of layers.reverse()) result = over(layer, result);
    return result;
  };
  const visible = (el) => {
    const style = getComputedStyle(el);
    return el.getClientRects().length > 0 && style.visibility !== "hidden" && style.display !== "none";
  };
  const ownText = (el) =>
    [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
  const describe = (el) =>
    el.tagName.toLowerCase() + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "");

  // Contrast of every visible text of the feedback boxes, quiz explanations and article text.
  const contrastOf = (el) => {
    const bg = background(el);
    const fg = over(rgba(getComputedStyle(el).color), bg);
    const [hi, lo] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const reveal = document.createElement("style");
  reveal.textContent = ".brakes-quiz-why { display: block !important; }";
  document.head.append(reveal);
  const feedbackSelector = ".brakes-feedback, .brakes-feedback *, .brakes-quiz-why, .brakes-quiz-why *";
  const lowContrast = [];
  let feedbackTexts = 0;
  for (const el of document.querySelectorAll(`${feedbackSelector}, article p, article li, article h1, article h2, article h3, article td, article th`)) {
    if (!visible(el) || !ownText(el)) continue;
    const feedback = el.matches(feedbackSelector);
    feedbackTexts += feedback;
    const ratio = contrastOf(el);
    if (ratio < 4.5) lowContrast.push({ element: describe(el), text: el.textContent.trim().slice(0, 60), ratio: Math.round(ratio * 100) / 100, feedback });
  }
  reveal.remove();

  // Images: alt text, loaded, and (for plots) opaque so they read on a dark page.
  const images = [...document.querySelectorAll("img")].map((img) => {
    const info = { src: img.getAttribute("src"), alt: img.getAttribute("alt"), loaded: img.complete && img.naturalWidth > 0, plot: !!img.closest(".cell_output"), opaque: null };
    if (info.plot && info.loaded) {
      const c = document.createElement("canvas");
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const ctx = c.getContext("2d", { willReadFrequently: true });
      ctx.drawImage(img, 0, 0);
      const w = c.width - 1, h = c.height - 1;
      const corners = [[0, 0], [w, 0], [0, h], [w, h]].map(([x, y]) => ctx.getImageData(x, y, 1, 1).data[3]);
      info.opaque = Math.min(...corners) === 255;
    }
    return info;
  });

  // Icons: every visible Font Awesome-style icon has a size and a drawn shape.
  const icons = [...document.querySelectorAll("[class*='fa-']")]
    .filter((el) => /\bfa-(solid|regular|brands)\b|\bfa[srb]\b/.test(el.className) && visible(el))
    .map((el) => {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      const mask = style.maskImage || style.webkitMaskImage || "none";
      return { icon: el.className, drawn: box.width > 0 && box.height > 0 && mask.startsWith("url(") };
    });

  // Search fields a reader sees in the page's frame (the search page's own query field,
  // in .bd-search-container, is its content), and whether each takes the keyboard's focus.
  const searchFields = [...document.querySelectorAll(".search-button-field, .search-button, input[type=search]")]
    .filter((el) => visible(el) && !el.closest(".bd-search-container"))
    .map((el) => ({ field: describe(el), focusable: el.tabIndex >= 0 && !el.disabled }));

  return {
    theme: document.documentElement.dataset.theme,
    searchFields,
    cookies: document.cookie,
    lowContrast,
    feedbackTexts,
    feedbackBoxes: document.querySelectorAll(".brakes-feedback").length,
    images,
    icons,
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  };
}
