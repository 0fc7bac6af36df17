/* geomap map controls: geomap's own code (MIT), no third-party code inside.
 *
 * Draws the events of a map from the column payload written by
 * geomap/mapping/encode.py, with Leaflet 1.9 and Leaflet.markercluster 1.4:
 * one cluster group per event type, a legend, a date-range filter with a play
 * button, a collapsible event list and governorate outlines.
 *
 * Safety rule: every string that comes from articles or gazetteers enters the
 * page through textContent (or a DOM attribute), never as HTML. The only HTML
 * strings built here contain numbers and colours checked against /^#[0-9a-f]{6}$/.
 *
 * Globals for tests and tools: window.geomap (this module), window.geomapEvents
 * (the registry of the last event layer built) and window.geomapReady (true
 * once its markers are drawn).
 */
(function (root) {
  "use strict";
  var L = root.L;
  var DAY_MS = 86400000;
  var HEX = /^#[0-9a-fA-F]{6}$/;
  var DATE_SOURCE_TEXT = {
    sentence: "from the sentence",
    relative: "relative to publication",
    published: "publication date"
  };

  function color(value) {
    return HEX.test(value) ? value : "#7f7f7f";
  }

  function isoDay(day) {
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
  }

  function fmt(n) {
    return Number(n).toLocaleString("en-US");
  }

  function node(tag, cls, text, parent) {
    var el = document.createElement(tag);
    if (cls) el.className = cls;
    if (text !== undefined && text !== null) el.textContent = String(text);
    if (parent) parent.appendChild(el);
    return el;
  }

  function swatch(c, parent, approx) {
    var s = node("span", "geomap-swatch" + (approx ? " geomap-swatch-approx" : ""), null, parent);
    s.style.setProperty("--c", color(c));
    return s;
  }

  /* An http(s) URL as the browser will read it, or null. */
  function httpUrl(value) {
    if (typeof value !== "string" || !/^https?:\/\/\S+$/i.test(value)) return null;
    var url;
    try {
      url = new URL(value);
    } catch (e) {
      return null;
    }
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  }

  function keepMapStill(el) {
    L.DomEvent.disableClickPropagation(el);
    L.DomEvent.disableScrollPropagation(el);
  }

  function readJson(id) {
    var el = document.getElementById(id);
    return JSON.parse(el ? el.textContent : "null");
  }

  /* ---------------------------------------------------------------- clusters */

  function clusterGroup(opts) {
    opts = opts || {};
    var c = color(opts.color);
    return L.markerClusterGroup({
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: true,
      removeOutsideVisibleBounds: true,
      maxClusterRadius: opts.maxClusterRadius || 45,
      iconCreateFunction: function (cluster) {
        var k = cluster.getChildCount();
        var s = k < 10 ? 26 : k < 100 ? 32 : k < 1000 ? 38 : 44;
        return L.divIcon({
          html: '<div style="--c:' + c + '"><span>' + k + "</span></div>",
          className: "geomap-cluster",
          iconSize: L.point(s, s)
        });
      }
    });
  }

  /* Marker diameter in pixels: grows with the square root of the reports. */
  function markerSize(reports) {
    var n = Math.max(1, reports || 1);
    return Math.min(40, 2 * Math.round((12 + 5 * Math.sqrt(n - 1)) / 2));
  }

  /* ------------------------------------------------------------- event layer */

  function EventLayer(map, data, groups, opts) {
    var self = this;
    this.map = map;
    this.data = data;
    this.S = data.S;
    this.groups = groups;
    this.opts = opts || {};
    this.types = data.types;
    this.n = data.lat.length;
    this.markers = new Array(this.n);
    this.on = new Uint8Array(this.n);
    this.listeners = [];
    this.ready = false;
    this._icons = {};
    this.typeTotals = data.types.map(function () { return 0; });
    this.undatedTotal = 0;

    var minDay = Infinity, maxDay = -Infinity;
    var d = data.d, e = data.e, t = data.t;
    var perGroup = groups.map(function () { return []; });
    for (var i = 0; i < this.n; i++) {
      if (d[i] === null) {
        this.undatedTotal++;
      } else {
        if (d[i] < minDay) minDay = d[i];
        if (d[i] + e[i] > maxDay) maxDay = d[i] + e[i];
      }
      this.typeTotals[t[i]]++;
      var m = L.marker([data.lat[i], data.lon[i]], {
        icon: this._icon(t[i], data.n[i], data.a[i]),
        title: this.place(i) + (d[i] === null ? "" : " \u00b7 " + isoDay(d[i]))
      });
      m._geomapIndex = i;
      this.markers[i] = m;
      perGroup[t[i]].push(m);
    }
    this.minDay = isFinite(minDay) ? minDay : null;
    this.maxDay = isFinite(maxDay) ? maxDay : null;
    this.from = this.minDay;
    this.to = this.maxDay;
    this.showUndated = true;

    this._popupContent = function (layer) {
      return self.popup(layer._geomapIndex);
    };
    groups.forEach(function (g) {
      g.on("click", function (ev) {
        if (ev.layer && ev.layer._geomapIndex !== undefined && !ev.layer.getPopup()) {
          self.openPopup(ev.layer);
        }
      });
    });
    map.on("overlayadd overlayremove", function () {
      self._emit();
    });
    root.geomapEvents = registry(this);
    /* Markers go into their groups once the rest of the page script has run, so
       they are clustered once, at the view the map opens with (set later by
       geomap.frame), not clustered and then animated to a new zoom. */
    setTimeout(function () {
      groups.forEach(function (g, k) {
        g.addLayers(perGroup[k]);
        for (var j = 0; j < perGroup[k].length; j++) self.on[perGroup[k][j]._geomapIndex] = 1;
      });
      self.ready = true;
      root.geomapReady = true;
      self._emit();
    }, 0);
  }

  EventLayer.prototype._icon = function (type, reports, approx) {
    var size = markerSize(reports);
    var key = type + "|" + size + "|" + (approx ? 1 : 0);
    var icon = this._icons[key];
    if (!icon) {
      icon = this._icons[key] = L.divIcon({
        className: "geomap-marker geomap-t" + type + (approx ? " geomap-approx" : ""),
        html: '<span style="--c:' + color(this.types[type].color) + '"></span>',
        iconSize: L.point(size, size)
      });
    }
    return icon;
  };

  EventLayer.prototype.str = function (index) {
    return index >= 0 ? this.S[index] : null;
  };

  EventLayer.prototype.place = function (i) {
    return this.str(this.data.pl[i]) || "";
  };

  EventLayer.prototype.dateText = function (i) {
    var d = this.data.d[i];
    if (d === null) return "undated";
    var iso = isoDay(d);
    var p = this.data.precisions[this.data.p[i]];
    var text = p === "year" ? iso.slice(0, 4) : p === "month" ? iso.slice(0, 7) : iso;
    var notes = [];
    if (p) notes.push(p);
    var src = this.data.dateSources[this.data.ds[i]];
    if (src) notes.push(DATE_SOURCE_TEXT[src] || src);
    return notes.length ? text + " (" + notes.join(", ") + ")" : text;
  };

  /* The popup of event i, built as DOM nodes (all text via textContent). */
  EventLayer.prototype.popup = function (i) {
    var data = this.data;
    var box = node("div", "geomap-popup");
    box.setAttribute("data-index", String(i));
    var head = node("div", "geomap-popup-place", this.place(i), box);
    var ar = this.str(data.ar[i]);
    if (ar) {
      var arSpan = node("span", "geomap-ar", ar, head);
      arSpan.dir = "rtl";
      arSpan.lang = "ar";
    }
    var type = this.types[data.t[i]];
    var meta = node("div", "geomap-popup-meta", null, box);
    swatch(type.color, meta, data.a[i]);
    node("span", "geomap-popup-type", type.label, meta);
    node("span", "geomap-popup-date", this.dateText(i), meta);
    var facts = [];
    var admin = this.str(data.ad[i]);
    if (admin) facts.push("Governorate: " + admin);
    facts.push(data.n[i] === 1 ? "1 report" : fmt(data.n[i]) + " reports");
    if (data.a[i]) facts.push("approximate location");
    node("div", "geomap-popup-facts", facts.join(" \u00b7 "), box);

    var sentence = this.str(data.s[i]);
    if (sentence) {
      var q = node("blockquote", "geomap-popup-sentence", null, box);
      var h0 = data.h0[i], h1 = data.h1[i];
      if (h0 >= 0 && h1 > h0 && h1 <= sentence.length) {
        q.appendChild(document.createTextNode(sentence.slice(0, h0)));
        node("mark", null, sentence.slice(h0, h1), q);
        q.appendChild(document.createTextNode(sentence.slice(h1)));
      } else {
        q.textContent = sentence;
      }
    }
    var title = this.str(data.ti[i]);
    if (title) node("div", "geomap-popup-title", title, box);
    var source = this.str(data.so[i]);
    if (source) {
      var line = node("div", "geomap-popup-source", "Source: ", box);
      var href = data.u[i] ? httpUrl(source) : null;
      if (href) {
        var a = node("a", null, source, line);
        a.href = href;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
      } else {
        node("span", null, source, line);
      }
    }
    return box;
  };

  EventLayer.prototype.openPopup = function (marker) {
    if (!marker.getPopup()) {
      marker.bindPopup(this._popupContent, { maxWidth: 340, minWidth: 220, autoPanPadding: [30, 30] });
    }
    marker.openPopup();
  };

  /* Zoom to event i (spiderfying its cluster if needed) and open its popup. */
  EventLayer.prototype.open = function (i) {
    var self = this;
    var marker = this.markers[i];
    if (!marker || !this.on[i]) return false;
    var group = this.groups[this.data.t[i]];
    if (!this.map.hasLayer(group)) this.map.addLayer(group);
    group.zoomToShowLayer(marker, function () {
      self.openPopup(marker);
    });
    return true;
  };

  EventLayer.prototype.passes = function (i) {
    var d = this.data.d[i];
    if (d === null) return this.showUndated;
    return d <= this.to && d + this.data.e[i] >= this.from;
  };

  /* Show only events whose date range meets [from, to] (day numbers). */
  EventLayer.prototype.setFilter = function (from, to, showUndated) {
    if (from !== null && from !== undefined) this.from = from;
    if (to !== null && to !== undefined) this.to = to;
    if (showUndated !== undefined && showUndated !== null) this.showUndated = !!showUndated;
    var adds = this.groups.map(function () { return []; });
    var removes = this.groups.map(function () { return []; });
    var t = this.data.t;
    for (var i = 0; i < this.n; i++) {
      var want = this.passes(i) ? 1 : 0;
      if (want !== this.on[i]) {
        (want ? adds : removes)[t[i]].push(this.markers[i]);
        this.on[i] = want;
      }
    }
    for (var k = 0; k < this.groups.length; k++) {
      if (removes[k].length) this.groups[k].removeLayers(removes[k]);
      if (adds[k].length) this.groups[k].addLayers(adds[k]);
    }
    this._emit();
  };

  /* Indices of the events drawn now: inside the filter and their type switched on. */
  EventLayer.prototype.shown = function () {
    var out = [];
    var groupOn = this.groups.map(function (g) { return this.map.hasLayer(g); }, this);
    for (var i = 0; i < this.n; i++) {
      if (this.on[i] && groupOn[this.data.t[i]]) out.push(i);
    }
    return out;
  };

  EventLayer.prototype.onChange = function (fn) {
    this.listeners.push(fn);
    if (this.ready) fn(this);
  };

  EventLayer.prototype._emit = function () {
    for (var k = 0; k < this.listeners.length; k++) this.listeners[k](this);
  };

  function registry(layer) {
    return {
      layer: layer,
      count: layer.n,
      places: function () {
        var out = [];
        for (var i = 0; i < layer.n; i++) out.push(layer.place(i));
        return out;
      },
      shownPlaces: function () {
        return layer.shown().map(function (i) { return layer.place(i); });
      },
      byPlace: function () {
        var out = {};
        layer.shown().forEach(function (i) {
          var p = layer.place(i);
          out[p] = (out[p] || 0) + 1;
        });
        return out;
      },
      find: function (place) {
        var out = [];
        for (var i = 0; i < layer.n; i++) if (layer.place(i) === place) out.push(i);
        return out;
      },
      open: function (i) {
        return layer.open(i);
      },
      setRange: function (fromIso, toIso, showUndated) {
        var day = function (iso) {
          return iso ? Math.round(Date.parse(iso + "T00:00:00Z") / DAY_MS) : null;
        };
        layer.setFilter(day(fromIso), day(toIso), showUndated);
        return layer.shown().length;
      }
    };
  }

  /* ------------------------------------------------------------------ legend */

  function legend(map, layer, opts) {
    opts = opts || {};
    var control = L.control({ position: opts.position || "bottomright" });
    control.onAdd = function () {
      var div = node("div", "geomap-legend geomap-box");
      keepMapStill(div);
      node("div", "geomap-box-title", "Event type", div);
      var counts = [];
      layer.types.forEach(function (type, k) {
        var row = node("div", "geomap-legend-row", null, div);
        swatch(type.color, row);
        node("span", "geomap-legend-label", type.label, row);
        counts.push(node("span", "geomap-legend-count", fmt(layer.typeTotals[k]), row));
      });
      var approx = node("div", "geomap-legend-row geomap-legend-note", null, div);
      swatch("#555555", approx, true);
      node("span", null, "approximate place (area or geocoded)", approx);
      var sizes = node("div", "geomap-legend-row geomap-legend-note geomap-legend-sizes", null, div);
      [1, 5, 20].forEach(function (n) {
        var dot = swatch("#777777", sizes);
        var s = markerSize(n);
        dot.style.width = dot.style.height = s + "px";
      });
      node("span", null, "size: number of reports (1, 5, 20)", sizes);
      layer.onChange(function () {
        var shown = layer.types.map(function () { return 0; });
        layer.shown().forEach(function (i) { shown[layer.data.t[i]]++; });
        counts.forEach(function (el, k) {
          el.textContent = shown[k] === layer.typeTotals[k] ? fmt(shown[k]) : fmt(shown[k]) + " / " + fmt(layer.typeTotals[k]);
        });
      });
      return div;
    };
    control.addTo(map);
    return control;
  }

  /* ------------------------------------------------------------ time control */

  function timeControl(map, layer, opts) {
    opts = opts || {};
    var control = L.control({ position: opts.position || "bottomleft" });
    var timer = null;
    var own = false;
    var sync = null;
    control.onAdd = function () {
      var div = node("div", "geomap-time geomap-box");
      keepMapStill(div);
      node("div", "geomap-box-title", "Dates", div);
      var status = node("div", "geomap-time-status", null, div);
      if (layer.minDay === null) {
        node("div", "geomap-time-note", "No dated events.", div);
      } else {
        var span = layer.maxDay - layer.minDay;
        var mk = function (label, value) {
          var row = node("label", "geomap-time-row", null, div);
          node("span", "geomap-time-label", label, row);
          var input = node("input", null, null, row);
          input.type = "range";
          input.min = String(layer.minDay);
          input.max = String(layer.maxDay);
          input.step = "1";
          input.value = String(value);
          input.setAttribute("aria-label", label + " date");
          var out = node("output", "geomap-time-date", isoDay(value), row);
          return { input: input, out: out };
        };
        var from = mk("From", layer.minDay);
        var to = mk("To", layer.maxDay);
        from.input.className = "geomap-from";
        to.input.className = "geomap-to";
        var buttons = node("div", "geomap-time-buttons", null, div);
        var play = node("button", "geomap-play", "\u25b6 Play", buttons);
        play.type = "button";
        play.title = "Step through the days";
        var reset = node("button", "geomap-reset", "All dates", buttons);
        reset.type = "button";
        var pending = null;
        var filter = function (a, b) {
          own = true;
          try {
            layer.setFilter(a, b);
          } finally {
            own = false;
          }
        };
        var apply = function (now) {
          var a = Number(from.input.value), b = Number(to.input.value);
          from.out.textContent = isoDay(a);
          to.out.textContent = isoDay(b);
          clearTimeout(pending);
          if (now) {
            filter(a, b);
          } else {
            pending = setTimeout(function () { filter(a, b); }, 60);
          }
        };
        /* follow filters set from elsewhere (geomapEvents.setRange) */
        sync = function () {
          if (own || timer) return;
          from.input.value = String(layer.from);
          to.input.value = String(layer.to);
          from.out.textContent = isoDay(layer.from);
          to.out.textContent = isoDay(layer.to);
        };
        from.input.addEventListener("input", function () {
          if (Number(from.input.value) > Number(to.input.value)) to.input.value = from.input.value;
          apply(false);
        });
        to.input.addEventListener("input", function () {
          if (Number(to.input.value) < Number(from.input.value)) from.input.value = to.input.value;
          apply(false);
        });
        var stop = function () {
          clearInterval(timer);
          timer = null;
          play.textContent = "\u25b6 Play";
          play.setAttribute("aria-pressed", "false");
        };
        /* Play moves the from-to window forward until it reaches the last day;
           a window covering every date restarts as a single day. Long ranges
           step several days at a time so a run lasts about 150 steps. */
        var step = Math.max(1, Math.ceil(span / 150));
        play.addEventListener("click", function () {
          if (timer) return stop();
          var a = Number(from.input.value), b = Number(to.input.value);
          var width = b - a;
          if (width >= span) width = 0;
          if (b >= layer.maxDay || width === 0) {
            a = layer.minDay;
            b = layer.minDay + width;
          }
          from.input.value = String(a);
          to.input.value = String(b);
          apply(true);
          play.textContent = "\u275a\u275a Pause";
          play.setAttribute("aria-pressed", "true");
          timer = setInterval(function () {
            var x = Number(from.input.value) + step, y = Number(to.input.value) + step;
            if (x > layer.maxDay) return stop();
            from.input.value = String(x);
            to.input.value = String(Math.min(y, layer.maxDay));
            apply(true);
            if (y >= layer.maxDay) stop();
          }, opts.interval || 400);
        });
        reset.addEventListener("click", function () {
          stop();
          from.input.value = String(layer.minDay);
          to.input.value = String(layer.maxDay);
          apply(true);
        });
      }
      var check = null;
      if (layer.undatedTotal) {
        var box = node("label", "geomap-time-undated", null, div);
        check = node("input", "geomap-undated", null, box);
        check.type = "checkbox";
        check.checked = layer.showUndated;
        node("span", null, " undated events (" + fmt(layer.undatedTotal) + ")", box);
        check.addEventListener("change", function () {
          layer.setFilter(null, null, check.checked);
        });
      }
      layer.onChange(function () {
        if (sync) sync();
        if (check) check.checked = layer.showUndated;
        var shown = layer.shown().length;
        status.textContent = fmt(shown) + " of " + fmt(layer.n) + " events shown";
      });
      return div;
    };
    control.addTo(map);
    return control;
  }

  /* -------------------------------------------------------------- event list */

  var ROW = 44;

  function eventList(map, layer, opts) {
    opts = opts || {};
    var control = L.control({ position: opts.position || "topleft" });
    control.onAdd = function () {
      var div = node("div", "geomap-list geomap-box");
      keepMapStill(div);
      var toggle = node("button", "geomap-list-toggle", "Events", div);
      toggle.type = "button";
      toggle.setAttribute("aria-expanded", opts.collapsed ? "false" : "true");
      var body = node("div", "geomap-list-body", null, div);
      var scroller = node("div", "geomap-list-scroll", null, body);
      var spacer = node("div", "geomap-list-spacer", null, scroller);
      var empty = node("div", "geomap-list-empty", "No events in this date range.", body);
      var rows = [];
      var drawn = { first: -1, last: -1 };
      if (opts.collapsed) L.DomUtil.addClass(div, "geomap-collapsed");
      toggle.addEventListener("click", function () {
        var collapsed = !L.DomUtil.hasClass(div, "geomap-collapsed");
        if (collapsed) L.DomUtil.addClass(div, "geomap-collapsed");
        else L.DomUtil.removeClass(div, "geomap-collapsed");
        toggle.setAttribute("aria-expanded", collapsed ? "false" : "true");
        drawn.first = -1;
        draw();
      });

      function row(i, pos) {
        var b = node("button", "geomap-row");
        b.type = "button";
        b.style.top = pos * ROW + "px";
        b.setAttribute("data-index", String(i));
        var type = layer.types[layer.data.t[i]];
        var top = node("span", "geomap-row-top", null, b);
        swatch(type.color, top, layer.data.a[i]);
        var d = layer.data.d[i];
        node("span", "geomap-row-date", d === null ? "undated" : isoDay(d), top);
        node("span", "geomap-row-type", type.label, top);
        node("span", "geomap-row-place", layer.place(i), b);
        var title = layer.str(layer.data.ti[i]);
        if (title) b.title = title;
        b.addEventListener("click", function () {
          layer.open(i);
        });
        return b;
      }

      function draw() {
        if (L.DomUtil.hasClass(div, "geomap-collapsed")) return;
        var first = Math.max(0, Math.floor(scroller.scrollTop / ROW) - 5);
        var last = Math.min(rows.length, first + Math.ceil((scroller.clientHeight || 300) / ROW) + 10);
        if (first === drawn.first && last === drawn.last) return;
        drawn.first = first;
        drawn.last = last;
        while (spacer.firstChild) spacer.removeChild(spacer.firstChild);
        for (var k = first; k < last; k++) spacer.appendChild(row(rows[k], k));
      }

      scroller.addEventListener("scroll", draw);
      layer.onChange(function () {
        rows = layer.shown();
        toggle.textContent = "Events (" + fmt(rows.length) + ")";
        spacer.style.height = rows.length * ROW + "px";
        empty.style.display = rows.length ? "none" : "";
        drawn.first = -1;
        draw();
      });
      return div;
    };
    control.addTo(map);
    return control;
  }

  /* -------------------------------------------------------- outlines, frame */

  function outlines(geojson, opts) {
    opts = opts || {};
    return L.geoJSON(geojson, {
      interactive: false,
      filter: function (f) {
        return !!(f && f.geometry && /Polygon|LineString/.test(f.geometry.type));
      },
      style: function () {
        return {
          color: "#6b6b6b",
          weight: 1.2,
          opacity: 0.9,
          fillColor: "#fffdf7",
          fillOpacity: opts.plain ? 1 : 0.04,
          interactive: false
        };
      },
      onEachFeature: function (f, lyr) {
        var name = f.properties && f.properties.name;
        if (typeof name === "string" && name) {
          lyr.bindTooltip(node("span", null, name), {
            permanent: true,
            direction: "center",
            className: "geomap-admin-label",
            interactive: false,
            opacity: 1
          });
        }
      }
    });
  }

  /* Fit the view to bounds, keeping clear of the panels in the left and bottom
     corners when they leave enough room (less than 45% of the map). */
  function fit(map, bounds, maxZoom) {
    var box = function (selector) {
      var el = map.getContainer().querySelector(selector);
      return el ? { w: el.offsetWidth, h: el.offsetHeight } : { w: 0, h: 0 };
    };
    var size = map.getSize();
    var tl = box(".leaflet-top.leaflet-left"), bl = box(".leaflet-bottom.leaflet-left");
    var br = box(".leaflet-bottom.leaflet-right");
    var left = Math.max(tl.w, bl.w) + 16, bottom = Math.max(bl.h, br.h) + 16;
    map.fitBounds(bounds, {
      paddingTopLeft: [left < size.x * 0.45 ? left : 24, 48],
      paddingBottomRight: [32, bottom < size.y * 0.45 ? bottom : 24],
      maxZoom: maxZoom || 11,
      animate: false
    });
  }

  function frame(map, opts) {
    opts = opts || {};
    /* opts.attribution is HTML-escaped by geomap (Leaflet inserts it as HTML). */
    if (opts.attribution && map.attributionControl) map.attributionControl.addAttribution(opts.attribution);
    if (opts.plain) L.DomUtil.addClass(map.getContainer(), "geomap-plain");
    if (opts.title) {
      var t = node("div", "geomap-title", opts.title, map.getContainer());
      t.setAttribute("role", "heading");
    }
    if (opts.bounds) fit(map, opts.bounds, opts.maxZoom);
  }

  root.geomap = {
    readJson: readJson,
    clusterGroup: clusterGroup,
    eventLayer: function (map, data, groups, opts) {
      return new EventLayer(map, data, groups, opts);
    },
    EventLayer: EventLayer,
    legend: legend,
    timeControl: timeControl,
    eventList: eventList,
    outlines: outlines,
    frame: frame,
    fit: fit,
    httpUrl: httpUrl,
    isoDay: isoDay
  };
})(window);
