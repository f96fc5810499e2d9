/*
 * Web fonts off the critical path. A first page is set in the size-adjusted fallbacks and asks
 * for no font while it loads; after `load` the faces are fetched into the HTTP cache and a flag
 * is kept. Pages from then on carry the `wf` class on <html> before their first paint (this
 * script runs in <head>), so the fonts come from the cache within font-display: optional's block
 * period and are used from the first frame. If the cache has dropped them, optional keeps the
 * fallback for that page: there is never a swap under the reader.
 *
 * Before this, the first page downloaded ~150 KB of fonts that it then did not use (optional
 * gives up on them after ~100 ms), while they competed with the lead photo and the scripts.
 */
const FLAG = "masthead-fonts";

/** The inline <head> script; CSP allows it by hash (scripts/csp.mjs hashes every inline script). */
export const FONT_LOADING_SCRIPT = `(function(){var d=document,k=${JSON.stringify(FLAG)};try{if(localStorage.getItem(k))d.documentElement.classList.add("wf")}catch(e){}if(d.documentElement.classList.contains("wf"))return;addEventListener("load",function(){setTimeout(function(){var f=[];d.fonts.forEach(function(x){if(/^"?masthead/.test(x.family))f.push(x.load())});Promise.all(f).then(function(){try{localStorage.setItem(k,"1")}catch(e){}},function(){})},0)})})();`;
