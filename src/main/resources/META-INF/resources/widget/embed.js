/*
 * Embeds the air-attack-stats widget and keeps its iframe exactly as tall as its content.
 *
 *   <div data-airattack-widget data-source="ua-air-force" data-nights="30"></div>
 *   <script src="https://stats.example.org/widget/embed.js" async></script>
 *
 * Every element with data-airattack-widget gets an iframe of /widget/ next to this script, with the
 * element's data-source, data-nights, data-measure, data-category, data-refresh, data-lang and
 * data-theme as its parameters (data-lang defaults to the page's lang). The widget posts its height;
 * a message counts only when it comes from that iframe's window and the widget's origin.
 */
(function () {
    'use strict';

    var script = document.currentScript;
    var base = new URL('./', script && script.src ? script.src : location.href);
    var PARAMS = ['source', 'nights', 'measure', 'category', 'refresh', 'lang', 'theme'];
    var TITLES = {
        en: 'Missile and drone attacks on Ukraine, night by night',
        uk: 'Атаки ракет і дронів на Україну, ніч за ніччю'
    };
    var frames = window.__airattackWidgetFrames = window.__airattackWidgetFrames || [];

    function language(el) {
        var holder = el.closest('[lang]');
        var tag = (el.getAttribute('data-lang') || (holder && holder.getAttribute('lang')) || '').toLowerCase().split(/[-_]/)[0];
        return TITLES[tag] ? tag : null;
    }

    function mount(el) {
        el.setAttribute('data-airattack-widget', 'mounted');
        var src = new URL('./', base);
        PARAMS.forEach(function (p) {
            var v = p === 'lang' ? language(el) : el.getAttribute('data-' + p);
            if (v) {
                src.searchParams.set(p, v);
            }
        });
        src.searchParams.set('embed', String(frames.length + 1));
        var frame = document.createElement('iframe');
        frame.src = src.href;
        frame.title = TITLES[language(el) || 'en'];
        frame.setAttribute('loading', 'lazy');
        frame.setAttribute('scrolling', 'no');
        // a first guess until the widget says how tall it is
        frame.style.cssText = 'display:block;width:100%;max-width:100%;height:' + (el.getAttribute('data-height') || '600') + 'px;border:0';
        el.replaceChildren(frame);
        frames.push({ frame: frame, id: src.searchParams.get('embed'), origin: src.origin });
    }

    if (!window.__airattackWidgetListening) {
        window.__airattackWidgetListening = true;
        window.addEventListener('message', function (e) {
            var data = e.data;
            if (!data || data.type !== 'airattack-widget:height' || typeof data.height !== 'number') {
                return;
            }
            frames.forEach(function (f) {
                if (e.source === f.frame.contentWindow && e.origin === f.origin && data.id === f.id) {
                    f.frame.style.height = Math.max(100, Math.min(5000, Math.ceil(data.height))) + 'px';
                }
            });
        });
    }

    function mountAll() {
        Array.prototype.forEach.call(document.querySelectorAll('[data-airattack-widget]:not([data-airattack-widget="mounted"])'), mount);
    }

    // a script in the page's head runs before the elements exist
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', mountAll);
    } else {
        mountAll();
    }
}());
