// 门户网站的事项搜索：按事项名称、部门、事项类型、申请材料名称、设定依据或受理条件
// 边输入边查找。索引为本站的 data/search.js（data/search.json 的同一内容，包在
// qingdanSearchIndex(…) 中），在第一次使用搜索框时用 <script> 载入一次：通过 http(s)
// 访问和以 file:// 打开都能用，无需服务器程序。不向任何外部地址发请求。
(function () {
  "use strict";
  var script = document.currentScript;
  var root = (script && script.getAttribute("data-root")) || "";
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("results");
  if (!input || !status || !list) return;
  var MAX = 50;
  var CONTEXT = 16;  // characters shown on each side of a hit in 设定依据 / 受理条件
  var items = null;
  var loading = false;

  function norm(s) {
    return String(s || "").toLowerCase().replace(/\s+/g, "");
  }

  // Called by data/search.js with the index.
  window.qingdanSearchIndex = function (data) {
    items = (data.items || []).map(function (it) {
      return {
        item: it,
        name: norm(it.name),
        dept: norm(it.department),
        kind: norm(it.kind),
        materials: (it.materials || []).map(norm),
        basis: norm(it.basis),
        conditions: norm(it.conditions)
      };
    });
    run();
  };

  function load() {
    if (items || loading) return;
    loading = true;
    var s = document.createElement("script");
    s.src = root + "data/search.js";
    s.onerror = function () { status.textContent = "搜索索引无法载入。"; };
    document.head.appendChild(s);
  }

  // Every word of the query must occur in the name, department, kind, a
  // material, the 设定依据 or the 受理条件. Returns the materials hit and the
  // texts (设定依据 / 受理条件) that a word was found in only there, or null.
  function match(entry, words) {
    var hits = [], texts = [];
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      if (entry.name.indexOf(w) >= 0 || entry.dept.indexOf(w) >= 0 || entry.kind.indexOf(w) >= 0) continue;
      var found = false;
      for (var k = 0; k < entry.materials.length; k++) {
        if (entry.materials[k].indexOf(w) >= 0) {
          found = true;
          if (hits.indexOf(k) < 0) hits.push(k);
        }
      }
      if (found) continue;
      if (entry.basis.indexOf(w) >= 0) texts.push({ label: "设定依据", key: "basis", word: w });
      else if (entry.conditions.indexOf(w) >= 0) texts.push({ label: "受理条件", key: "conditions", word: w });
      else return null;
    }
    return { materials: hits, texts: texts };
  }

  // A short piece of `text` around the first place `word` occurs (white
  // space ignored, as the search ignores it).
  function excerpt(text, word) {
    var chars = Array.from(String(text || ""));
    var squeezed = "", at = [];
    for (var i = 0; i < chars.length; i++) {
      if (/\s/.test(chars[i])) continue;
      at.push(i);
      squeezed += chars[i].toLowerCase();
    }
    var hit = squeezed.indexOf(word);
    if (hit < 0) return chars.slice(0, 2 * CONTEXT).join("");
    var start = at[Math.max(0, Array.from(squeezed.slice(0, hit)).length - CONTEXT)] || 0;
    var endIndex = Array.from(squeezed.slice(0, hit + word.length)).length - 1 + CONTEXT;
    var end = (endIndex < at.length ? at[endIndex] : chars.length - 1) + 1;
    return (start > 0 ? "…" : "") + chars.slice(start, end).join("").replace(/\s+/g, " ") +
      (end < chars.length ? "…" : "");
  }

  function run() {
    var q = input.value.trim();
    while (list.firstChild) list.removeChild(list.firstChild);
    if (!q) { status.textContent = ""; return; }
    if (!items) { status.textContent = "正在载入索引……"; load(); return; }
    var words = q.toLowerCase().split(/\s+/).filter(Boolean);
    var found = 0;
    for (var i = 0; i < items.length; i++) {
      var m = match(items[i], words);
      if (m === null) continue;
      found++;
      if (found > MAX) continue;
      var it = items[i].item;
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + it.url;
      a.textContent = it.name;
      li.appendChild(a);
      var where = document.createElement("span");
      where.className = "where";
      where.textContent = it.department + " · " + it.kind;
      li.appendChild(where);
      if (m.materials.length) {
        var mat = document.createElement("span");
        mat.className = "where materials";
        mat.textContent = "材料：" + m.materials.map(function (k) { return it.materials[k]; }).join("；");
        li.appendChild(mat);
      }
      m.texts.forEach(function (t) {
        var span = document.createElement("span");
        span.className = "where " + t.key;
        span.textContent = t.label + "：" + excerpt(it[t.key], t.word);
        li.appendChild(span);
      });
      list.appendChild(li);
    }
    status.textContent = found === 0 ? "没有找到符合的事项。"
      : "找到 " + found + " 个事项" + (found > MAX ? "，显示前 " + MAX + " 个" : "") + "。";
  }

  input.addEventListener("focus", load);
  input.addEventListener("input", run);
  if (location.hash === "#q") input.focus();
  if (input.value) run();  // a query the browser kept (back button)
})();
