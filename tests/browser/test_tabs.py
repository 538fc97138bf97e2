"""The tabs kept from one browser test to the next (tests/support/tabs.py): a tab given back
keeps nothing of its test, and one that cannot be emptied is not kept."""

from tests.browser.conftest import Visit

PAGE = """<!doctype html><html lang="fr"><head><title>Essai</title></head><body><main>
<h1>Essai</h1><form><input name="q" aria-label="Recherche"></form></main>
<script>document.title = "Scripts"</script></body></html>"""


PERMISSION = "() => navigator.permissions.query({name: 'geolocation'}).then(p => p.state)"
MEDIA = "() => ['print', '(prefers-reduced-motion: reduce)'].map(m => matchMedia(m).matches)"


def essai(visit):
    visit.page.route(
        f"{visit.base}/essai/", lambda route: route.fulfill(body=PAGE, content_type="text/html")
    )
    visit.goto("/essai/")


def test_a_tab_given_back_keeps_nothing_of_its_test(tabs, live_server, reference_tx):
    page = tabs.take()
    first = Visit(page, live_server.url)
    essai(first)
    assert page.title() == "Scripts"
    page.context.add_cookies([{"name": "sessionid", "value": "x", "url": live_server.url}])
    page.evaluate("() => { localStorage.setItem('k', 'v'); sessionStorage.setItem('k', 'v') }")
    page.context.grant_permissions(["geolocation"], origin=live_server.url)
    page.emulate_media(media="print", reduced_motion="reduce")
    first.release()
    tabs.give_back(page)

    again = tabs.take()
    assert again is page  # the same tab, kept
    assert again.url == "about:blank"  # nothing of the last page still runs
    assert again.context.cookies() == []
    second = Visit(again, live_server.url)
    # The last test's route is gone: /essai/ is the site's own answer again (not found).
    assert second.goto("/essai/").status == 404
    assert again.evaluate("() => [localStorage.length, sessionStorage.length]") == [0, 0]
    assert again.evaluate(PERMISSION) == "prompt"
    assert again.evaluate(MEDIA) == [False, False]
    # The last Visit's listeners are gone: a script error is the new one's only.
    with again.expect_event("pageerror"):
        again.evaluate("() => setTimeout(() => { throw new Error('boom') })")
    assert first.errors == [] and "boom" in second.errors[-1]
    second.release()
    tabs.give_back(again)


def test_a_page_that_asks_to_stay_is_left_all_the_same(tabs, live_server, reference_tx):
    page = tabs.take()
    visit = Visit(page, live_server.url)
    essai(visit)
    page.evaluate(
        "() => addEventListener('beforeunload', event => { event.preventDefault();"
        " event.returnValue = '' })"
    )
    page.fill("input[name=q]", "un mot tapé")  # a user's gesture: the browser will ask
    visit.release()
    tabs.give_back(page)
    assert tabs.take() is page
    assert page.url == "about:blank"
    tabs.give_back(page)


def test_a_tab_whose_test_opened_another_is_closed_not_kept(tabs, live_server, reference_tx):
    page = tabs.take()
    other = page.context.new_page()
    tabs.give_back(page)
    assert page.is_closed() and other.is_closed()
    fresh = tabs.take()
    assert fresh is not page
    tabs.give_back(fresh)


def test_a_tab_takes_the_size_and_javascript_asked(tabs, live_server, reference_tx):
    phone = {"width": 360, "height": 740}
    page = tabs.take(javascript=False, viewport=phone)
    assert page.viewport_size == phone
    visit = Visit(page, live_server.url)
    essai(visit)
    assert page.title() == "Essai"  # its script did not run
    visit.release()
    tabs.give_back(page)
    laptop = tabs.take(javascript=False)
    assert laptop is page and laptop.viewport_size == {"width": 1280, "height": 720}
    tabs.give_back(laptop)
