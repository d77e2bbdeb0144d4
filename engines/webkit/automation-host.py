#!/usr/bin/python3
"""The browser WebKitWebDriver drives for cors-lab (engines/webkit/webkit-browser.ts).

Stock `MiniBrowser --automation` gives outcomes but no reasons: automation
sessions are ephemeral and WebKit then prints no console lines. This host is a
WebKitGTK browser (WebKit2 4.1 through PyGObject) whose automation web views
write every console message to stderr, e.g.
  CONSOLE SECURITY ERROR Origin http://localhost:5310 is not allowed by Access-Control-Allow-Origin. Status code: 200
which is where the driver reads WebKit's CORS reason (engines/webkit/webkit-reasons.ts).

WebKitWebDriver starts it with `--automation` plus the arguments the driver
passes in `webkitgtk:browserOptions.args`:
  --third-party-cookies=blocked|allowed   (format `browser.thirdPartyCookies`; default blocked)
It quits as soon as its last window closes, so `DELETE /session` ends at once, and when its driver is gone.
"""
import os
import shutil
import sys
import tempfile

import gi

gi.require_version('Gtk', '3.0')
gi.require_version('WebKit2', '4.1')
from gi.repository import Gio, GLib, Gtk, WebKit2  # noqa: E402


def third_party_cookies(argv):
    for arg in argv:
        if arg.startswith('--third-party-cookies='):
            value = arg.split('=', 1)[1]
            if value not in ('blocked', 'allowed'):
                sys.exit(f'automation-host: --third-party-cookies is blocked or allowed, not {value!r}')
            return value
    return 'blocked'


def main():
    cookies = third_party_cookies(sys.argv[1:])
    # A temporary but non-ephemeral data directory: WebKit writes console lines only for such sessions.
    data_dir = tempfile.mkdtemp(prefix='cors-lab-webkit-')
    manager = WebKit2.WebsiteDataManager(base_data_directory=data_dir, base_cache_directory=data_dir)
    # Intelligent Tracking Prevention off: its heuristics would make a cookie verdict depend on history.
    manager.set_itp_enabled(False)
    context = WebKit2.WebContext(website_data_manager=manager)
    context.set_automation_allowed(True)
    # WebKitGTK's default is NO_THIRD_PARTY; `allowed` is an experiment's explicit choice.
    policy = WebKit2.CookieAcceptPolicy.ALWAYS if cookies == 'allowed' else WebKit2.CookieAcceptPolicy.NO_THIRD_PARTY
    context.get_cookie_manager().set_accept_policy(policy)

    def clear_cookies(request):
        """`cors-lab-host:clear-cookies`: clears every site's cookies, then answers `cleared`.

        WebDriver's Delete All Cookies reaches only the current document's site; the driver
        loads this page between experiments instead. Clearing cookies is all it can do.
        """
        if request.get_path() != 'clear-cookies':
            request.finish_error(GLib.Error.new_literal(GLib.quark_from_string('cors-lab'), 'unknown page', 1))
            return

        def cleared(data_manager, result):
            data_manager.clear_finish(result)
            body = GLib.Bytes.new(b'cleared')
            request.finish(Gio.MemoryInputStream.new_from_bytes(body), body.get_size(), 'text/plain')

        manager.clear(WebKit2.WebsiteDataTypes.COOKIES, 0, None, cleared)

    context.register_uri_scheme('cors-lab-host', clear_cookies)

    windows = set()

    def closed(window):
        windows.discard(window)
        if not windows:
            Gtk.main_quit()

    def create_web_view(_session):
        settings = WebKit2.Settings(enable_write_console_messages_to_stdout=True)
        view = WebKit2.WebView(web_context=context, settings=settings, is_controlled_by_automation=True)
        window = Gtk.Window()
        window.set_default_size(1024, 768)
        window.add(view)
        window.connect('destroy', closed)
        # A window WebDriver closes closes its web view; the web view's close request closes the window.
        view.connect('close', lambda _view: window.destroy())
        windows.add(window)
        window.show_all()
        return view

    def automation_started(_context, session):
        info = WebKit2.ApplicationInfo()
        info.set_name('cors-lab-webkit')
        major, minor, micro = WebKit2.get_major_version(), WebKit2.get_minor_version(), WebKit2.get_micro_version()
        info.set_version(major, minor, micro)
        session.set_application_info(info)
        session.connect('create-web-view', create_web_view)

    context.connect('automation-started', automation_started)

    # WebKitWebDriver gone (killed with its process group, or crashed): quit rather than linger on the display.
    driver = os.getppid()

    def driver_alive():
        if os.getppid() != driver:
            Gtk.main_quit()
            return False
        return True

    GLib.timeout_add_seconds(1, driver_alive)
    try:
        Gtk.main()
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == '__main__':
    main()
