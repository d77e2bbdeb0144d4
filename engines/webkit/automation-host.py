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
  --page-dir=DIR                          where the driver writes pages to show at any origin (probe-page)
  --trust-certificate=FILE --trust-host=H the lab's `secure` origin: this certificate (PEM) is allowed for host H
                                          alone (WebKit's allow_tls_certificate_for_host); no other TLS error passes
It quits as soon as its last window closes, so `DELETE /session` ends at once, and when its driver is gone.
"""
import os
import re
import shutil
import sys
import tempfile
import urllib.parse

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


def option(argv, name):
    for arg in argv:
        if arg.startswith(f'--{name}='):
            return arg.split('=', 1)[1]
    return None


def page_dir(argv):
    return option(argv, 'page-dir')


# The only file names probe-page reads: the driver's own, with a random UUID (no path, no other file).
PAGE_NAME = re.compile(r'^page-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.html$')


def popup_view(opener, show):
    """A page's `window.open` (WebKitWebView::create): a web view related to its opener, so `window.opener` and
    messages work, controlled by automation like every view of the session, shown in a window of its own.
    Returning None would make `window.open` return null, as a popup blocker does.
    """
    return show(WebKit2.WebView(related_view=opener, settings=opener.get_settings(), is_controlled_by_automation=True))


def main():
    cookies = third_party_cookies(sys.argv[1:])
    # A temporary but non-ephemeral data directory: WebKit writes console lines only for such sessions. Inside the
    # driver's page directory, which the driver removes once it has ended this process (a killed process runs no
    # `finally`); a folder of its own only when started without one.
    pages = page_dir(sys.argv[1:])
    own_data_dir = pages is None
    data_dir = tempfile.mkdtemp(prefix='cors-lab-webkit-') if own_data_dir else os.path.join(pages, 'webkit-data')
    manager = WebKit2.WebsiteDataManager(base_data_directory=data_dir, base_cache_directory=data_dir)
    # Intelligent Tracking Prevention off: its heuristics would make a cookie verdict depend on history.
    manager.set_itp_enabled(False)
    context = WebKit2.WebContext(website_data_manager=manager)
    context.set_automation_allowed(True)
    # WebKitGTK's default is NO_THIRD_PARTY; `allowed` is an experiment's explicit choice.
    policy = WebKit2.CookieAcceptPolicy.ALWAYS if cookies == 'allowed' else WebKit2.CookieAcceptPolicy.NO_THIRD_PARTY
    context.get_cookie_manager().set_accept_policy(policy)
    certificate, trusted_host = option(sys.argv[1:], 'trust-certificate'), option(sys.argv[1:], 'trust-host')
    if certificate and trusted_host:
        context.allow_tls_certificate_for_host(Gio.TlsCertificate.new_from_file(certificate), trusted_host)

    def fail(request, message):
        request.finish_error(GLib.Error.new_literal(GLib.quark_from_string('cors-lab'), message, 1))

    def probe_page(request):
        """`cors-lab-host:probe-page?name=NAME&url=URL`: shows the driver's page NAME as the document of URL.

        `load_html` gives the document URL's origin, so a page runs at any origin with nothing served there (the
        probe's page, as request interception does in Chromium and Firefox). Only a file the driver wrote to its
        page directory is read, and it is deleted once read.
        """
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(request.get_uri()).query)
        name = query.get('name', [''])[0]
        url = query.get('url', [''])[0]
        if pages is None or not PAGE_NAME.match(name) or urllib.parse.urlsplit(url).scheme not in ('http', 'https'):
            fail(request, 'bad probe page')
            return
        path = os.path.join(pages, name)
        try:
            with open(path, encoding='utf-8') as page:
                html = page.read()
            os.unlink(path)
        except OSError:
            fail(request, 'no such probe page')
            return
        view = request.get_web_view()
        body = GLib.Bytes.new(b'loading')
        request.finish(Gio.MemoryInputStream.new_from_bytes(body), body.get_size(), 'text/plain')

        def load():
            view.load_html(html, url)
            return False

        # Once this page is done: the next load replaces it.
        GLib.idle_add(load)

    def clear_cookies(request):
        """`cors-lab-host:clear-cookies`: clears every site's cookies, then answers `cleared`.

        WebDriver's Delete All Cookies reaches only the current document's site; the driver
        loads this page between experiments instead.
        """

        def cleared(data_manager, result):
            data_manager.clear_finish(result)
            body = GLib.Bytes.new(b'cleared')
            request.finish(Gio.MemoryInputStream.new_from_bytes(body), body.get_size(), 'text/plain')

        manager.clear(WebKit2.WebsiteDataTypes.COOKIES, 0, None, cleared)

    def host_page(request):
        """The host's own pages: clear-cookies and probe-page; nothing else."""
        handlers = {'clear-cookies': clear_cookies, 'probe-page': probe_page}
        handler = handlers.get(request.get_path())
        if handler is None:
            fail(request, 'unknown page')
            return
        handler(request)

    context.register_uri_scheme('cors-lab-host', host_page)

    windows = set()

    def closed(window):
        windows.discard(window)
        if not windows:
            Gtk.main_quit()

    def show(view):
        window = Gtk.Window()
        window.set_default_size(1024, 768)
        window.add(view)
        window.connect('destroy', closed)
        # A window WebDriver closes closes its web view; the web view's close request closes the window.
        view.connect('close', lambda _view: window.destroy())
        # A page's window.open: a popup in a window of its own, in the same session.
        view.connect('create', lambda opener, _action: popup_view(opener, show))
        windows.add(window)
        window.show_all()
        return view

    def create_web_view(_session):
        # Popups without a click (runner pages open them from script): format 1.2 `window-open`.
        settings = WebKit2.Settings(
            enable_write_console_messages_to_stdout=True, javascript_can_open_windows_automatically=True,
        )
        return show(WebKit2.WebView(web_context=context, settings=settings, is_controlled_by_automation=True))

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
        if own_data_dir:
            shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == '__main__':
    main()
